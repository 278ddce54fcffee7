"""catalog.generated_code: the methods dataclasses write, compiled once and kept, are the ones exec compiles, in a
new process too; a file written for another Python, or damaged, is not run."""

from __future__ import annotations

import collections
import dataclasses
import json
import marshal
import os
import subprocess
import sys

import pytest

from catalog import generated_code

_CLASSES = '''
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Place:
    city: str
    province: "str | None" = None
    names: tuple = ()

@dataclass(order=True)
class Count:
    name: str
    seen: int = 0
    kinds: list = field(default_factory=list)
'''


def _classes() -> dict:
    namespace: dict = {"__name__": __name__}  # a module dataclasses can look a string annotation up in
    exec(compile(_CLASSES, "<classes>", "exec"), namespace)  # noqa: S102 - the test's own classes
    return namespace


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache folder, this process's kept code forgotten, and dataclasses compiling through it."""
    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    monkeypatch.setattr(generated_code, "_kept", None)
    monkeypatch.setattr(generated_code, "_new", {})
    monkeypatch.setattr(dataclasses, "exec", generated_code.kept_exec, raising=False)
    return tmp_path


def _behaviour(namespace: dict) -> list:
    Place, Count = namespace["Place"], namespace["Count"]
    a, b = Place("Hefei", "Anhui"), Place("Hefei", "Anhui")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.city = "Lanzhou"  # type: ignore[misc]
    counts = sorted([Count("b", 2), Count("a", 5), Count("a", 1)])
    return [repr(a), a == b, hash(a) == hash(b), Place.__init__.__annotations__, repr(counts),
            Count("x").kinds is not Count("x").kinds, Count.__init__.__defaults__]


def test_classes_made_through_the_kept_code_are_the_classes_exec_makes(fresh, monkeypatch):
    made = _behaviour(_classes())
    assert generated_code._new  # compiled here, to be kept
    monkeypatch.delattr(dataclasses, "exec")  # Python's own exec
    assert made == _behaviour(_classes())


def test_the_kept_code_is_the_code_exec_compiles(fresh):
    _classes()
    assert generated_code._new
    for source, code in generated_code._new.items():
        assert code == compile(source, "<string>", "exec", dont_inherit=True)
        assert not code.co_flags & 0x1000000  # no `from __future__ import annotations` leaking in from this module


def test_the_code_is_kept_and_read_back(fresh):
    _classes()
    compiled = dict(generated_code._new)
    generated_code.save()
    assert generated_code.cache_file().parent == fresh
    assert generated_code._read() == compiled
    assert not generated_code._new  # nothing left to write


@pytest.mark.parametrize("held", [
    (generated_code.FORMAT, "3.0.0final0-00000000", {}),  # another Python's byte code
    (generated_code.FORMAT + 1, None, {}),  # another format of the file
    ["not", "the", "shape"],
])
def test_a_file_of_another_python_or_format_is_not_run(fresh, held):
    _classes()
    source, code = next(iter(generated_code._new.items()))
    stamp = held[1] if isinstance(held, tuple) and held[1] is not None else generated_code._stamp()
    value = (held[0], stamp, {source: code}) if isinstance(held, tuple) else held
    generated_code.cache_file().write_bytes(marshal.dumps(value))
    os.chmod(generated_code.cache_file(), 0o600)
    assert generated_code._read() == {}


def test_a_damaged_file_is_compiled_again(fresh):
    generated_code.cache_file().write_bytes(b"\x00not marshal")
    os.chmod(generated_code.cache_file(), 0o600)
    assert _behaviour(_classes())
    assert generated_code._new  # compiled here again, and written over the damaged file
    generated_code.save()
    assert generated_code._read()


_CHILD = """
import json, sys
from catalog import generated_code
generated_code.install()  # as every command does (catalog.cli.base.CatalogGroup.resolve_command)
exec(compile(sys.argv[1], "<classes>", "exec"), {"__name__": "__main__"})
print(json.dumps({"new": len(generated_code._new), "kept": len(generated_code._kept or {})}))
"""


def _child(cache) -> dict:
    env = {**os.environ, "CATALOG_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", _CHILD, _CLASSES], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_next_command_compiles_none_of_the_methods_the_last_one_did(tmp_path):
    first = _child(tmp_path)
    assert first["new"] > 0
    assert any(name.startswith("dataclass-code-") for name in os.listdir(tmp_path))
    second = _child(tmp_path)
    assert second["new"] == 0 and second["kept"] >= first["new"]


def test_a_command_installs_it_and_help_does_not(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from catalog.cli import main

    monkeypatch.delattr(dataclasses, "exec", raising=False)
    monkeypatch.delattr(collections, "eval", raising=False)
    assert CliRunner().invoke(main, ["--help"]).exit_code == 0
    assert getattr(dataclasses, "exec", None) is None
    assert getattr(collections, "eval", None) is None
    CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "places"])
    assert getattr(dataclasses, "exec", None) is generated_code.kept_exec
    assert getattr(collections, "eval", None) is generated_code.kept_eval


_PATHLIB_FIRST = """
import sys
from catalog import generated_code
generated_code.install()
assert "pathlib" not in sys.modules and generated_code._kept is None
import pathlib  # its own import makes urllib.parse's named tuples: the kept code must not be loaded from inside it
print(pathlib.Path("a").name)
"""


def test_a_named_tuple_made_inside_pathlibs_own_import_does_not_load_the_kept_code(tmp_path):
    """`catalog import` of an unchanged folder imports pathlib first (catalog.unchanged); kept_eval, called by
    urllib.parse's named tuples inside pathlib's import, loaded the kept code, whose file name needs pathlib: the
    command ended with "cannot import name 'Path' from partially initialized module 'pathlib'" (seen in CI on
    a fresh clone, where nothing had imported pathlib before)."""
    env = {**os.environ, "CATALOG_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-S", "-c", _PATHLIB_FIRST], env=env, capture_output=True, text=True,
                          timeout=60, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert done.returncode == 0 and done.stdout == "a\n", done.stderr


_TUPLES = '''
from typing import NamedTuple

class Row(NamedTuple):
    id: "int"
    name: "str | None" = None
    tags: "tuple[str, ...]" = ()
'''


def test_named_tuple_field_types_compiled_through_the_kept_code_are_the_ones_typing_compiles(fresh, monkeypatch):
    import typing

    monkeypatch.setattr(typing, "compile", generated_code.kept_compile, raising=False)
    namespace: dict = {"__name__": __name__}
    exec(compile(_TUPLES, "<tuples>", "exec", dont_inherit=True), namespace)  # noqa: S102 - the test's own class
    expressions = {key.removeprefix(generated_code.EVAL): code for key, code in generated_code._new.items()
                   if key.startswith(generated_code.EVAL) and not key.startswith(generated_code.EVAL + "lambda ")}
    assert set(expressions) == {"int", "str | None", "tuple[str, ...]"}  # (the class's __new__: kept_eval's test)
    for text, code in expressions.items():
        assert code == compile(text, "<string>", "eval", dont_inherit=True)  # typing's module has no __future__
    row = namespace["Row"]
    assert row(1) == (1, None, ()) and row._fields == ("id", "name", "tags")
    assert row.__annotations__["name"].__forward_code__ == compile("str | None", "<string>", "eval", dont_inherit=True)
    with pytest.raises(SyntaxError):  # as typing's own compile
        generated_code.kept_compile("str |", "<string>", "eval")
    generated_code.save()  # kept beside the statements of dataclasses, each under its own key
    assert set(expressions) <= {key.removeprefix(generated_code.EVAL) for key in generated_code._read()}


def test_named_tuples_made_through_the_kept_code_are_the_ones_eval_makes(fresh, monkeypatch):
    """collections.namedtuple compiles its `__new__` from a lambda's text with `eval`; through `kept_eval` the code is
    the one `eval` compiles (kept, and read back by a new process), and the classes behave the same."""
    from typing import NamedTuple

    monkeypatch.setattr(collections, "eval", generated_code.kept_eval, raising=False)
    generated_code._load()  # as a command's first dataclass loads it (kept_eval never loads it itself)
    made = collections.namedtuple("Made", ["path", "size"], defaults=[0])

    class Typed(NamedTuple):
        found: str
        places: tuple = ()

    texts = {key.removeprefix(generated_code.EVAL): code for key, code in generated_code._new.items()
             if key.startswith(generated_code.EVAL + "lambda ")}  # (not the field types typing may compile)
    assert set(texts) == {"lambda _cls, path, size: _tuple_new(_cls, (path, size))",
                          "lambda _cls, found, places: _tuple_new(_cls, (found, places))"}
    for text, code in texts.items():
        assert code == compile(text, "<string>", "eval", dont_inherit=True)  # collections has no __future__
    assert made("a.jpg") == ("a.jpg", 0) and made("a.jpg", 3).size == 3 and repr(made("b")) == "Made(path='b', size=0)"
    assert Typed("x") == ("x", ()) and Typed._fields == ("found", "places")
    assert made.__new__.__code__.co_filename == "<string>" and made.__new__.__defaults__ == (0,)
    # what the builtin would strip of leading blanks first, and code objects, are the builtin's own
    assert generated_code.kept_eval("  1 + 1") == 2 and generated_code.kept_eval(compile("2 * 3", "<x>", "eval")) == 6
    assert "  1 + 1" not in {key.removeprefix(generated_code.EVAL) for key in generated_code._new}
    generated_code.save()
    assert set(texts) <= {key.removeprefix(generated_code.EVAL) for key in generated_code._read()}
