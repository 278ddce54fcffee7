"""The methods `dataclasses` writes for each class, compiled once per machine, not once per command.

A dataclass's `__init__`, `__repr__`, `__eq__`, `__hash__` and, when frozen, `__setattr__` and `__delattr__` are
written by `dataclasses` as Python source and compiled with `exec` as the class is made: Python's parser and
compiler, for every method of every dataclass, in every process. `catalog import` makes some 65 dataclasses
before its reader processes start, and that compiling was a fifth of what the importing process spent before
them (callgrind: 0.23 G of its 1.19 G instructions on a 400-file folder; 35-50 ms of the command's start).

`install()` hands `dataclasses` an `exec` that compiles a source text once and keeps the code in the cache
folder (`catalog.cachedir`, marshal: code objects are what a `.pyc` holds), so a later command runs the code
straight away. The code is what `exec` would compile from the same text (`compile(text, "<string>", "exec")`,
with no `__future__` flags, as `dataclasses` has none), and a text always compiles to the same code under the
same Python; the file's name carries Python's version and its byte-code format (`importlib.util.MAGIC_NUMBER`),
and the file repeats both inside, so another Python never runs it (`_read` refuses it). The functions made are
the ones `dataclasses` would make: it calls the code's `__create_fn__` with the class's own values as before.

What is kept is written when the command ends (and by an import's reader process after a chunk of files, as
`catalog.patterns` does), only when something new was compiled; a file that is missing, damaged, from another
Python or not this user's own is built again. `exec` of anything but a text, and every other caller, is Python's.

>>> install()
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Point:
...     x: int
...     y: int = 0
>>> Point(1), Point(1) == Point(1, 0)
(Point(x=1, y=0), True)
"""

from __future__ import annotations

import builtins
import sys
from types import CodeType

#: Bumped when the file's shape changes.
FORMAT = 1
#: Code compiled or read by this process, by its source text (None until the first text asks).
_kept: dict[str, CodeType] | None = None
#: Code compiled here since the file was last written.
_new: dict[str, CodeType] = {}
_saved_at_exit = False
#: Past this many source characters the file is written again with only this process's own (classes whose
#: fields change, with new versions of the code, would otherwise pile up). catalog's classes take about 0.3 MB.
MAX_KEPT = 4_000_000


def install() -> None:
    """Make `dataclasses` compile the methods it writes through the kept code (once per process; nothing when
    `dataclasses` is not the module this was written for: it must write its methods with `exec` of a text)."""
    import collections

    # A named tuple's `__new__` is written as the text of a lambda and compiled by `eval` as the class is made
    # (collections.namedtuple, which typing.NamedTuple calls): 16 classes in an import before its readers start
    # (the command's own, the pool's modules'), some 0.4 M instructions each, 1% of that part of the command.
    # (inspect's and dis's are made earlier, with click.)
    if getattr(collections, "eval", None) is None and callable(getattr(collections, "namedtuple", None)):
        setattr(collections, "eval", kept_eval)  # noqa: B010 - a module global, found before the builtin
    import dataclasses
    import typing

    if getattr(dataclasses, "exec", None) is None and callable(getattr(dataclasses, "_create_fn", None)):
        setattr(dataclasses, "exec", kept_exec)  # noqa: B010 - a module global, found before the builtin
    # A NamedTuple's field types, text under `from __future__ import annotations`, are each compiled as an
    # expression by typing.ForwardRef (Python 3.11 to 3.13): some 90 fields in an unchanged re-import, 0.5-1 ms.
    if getattr(typing, "compile", None) is None and isinstance(getattr(typing, "ForwardRef", None), type):
        setattr(typing, "compile", kept_compile)  # noqa: B010 - a module global, found before the builtin


def kept_exec(source, globals=None, locals=None, /):  # noqa: A002 - the builtin's own parameter names
    """`exec(source, globals, locals)`, with a source text's code compiled once and kept (see the module)."""
    if type(source) is str:
        source = compiled(source)
    return builtins.exec(source, globals, locals)


def kept_eval(source, globals=None, locals=None, /):  # noqa: A002 - the builtin's own parameter names
    """`eval(source, globals, locals)` as `collections.namedtuple` calls it, with a source text's code kept as
    `kept_exec` keeps it (`eval` compiles a text as an expression with no `__future__` flags from that module);
    a text `eval` would strip of leading blanks first, and anything but a text, is the builtin's. Only once the
    kept code is loaded (by the first dataclass or named tuple after it): a named tuple may be made inside any
    module's import, and loading the file imports pathlib, so a named tuple of urllib.parse made while pathlib
    itself was being imported (`catalog import`'s quick path imports pathlib first) ended the command with
    "cannot import name 'Path' from partially initialized module 'pathlib'"."""
    if _kept is not None and type(source) is str and source[:1] not in (" ", "\t"):
        source = compiled(source, "eval")
    return builtins.eval(source, globals, locals)


def kept_compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **more):
    """`compile` as `typing` calls it for a forward reference (`compile(text, "<string>", "eval")`, from a module
    without `__future__` flags), with the code kept as `kept_exec` keeps it; any other call is the builtin's, with
    no flags inherited from here either (what `typing` would inherit is none)."""
    if type(source) is str and filename == "<string>" and mode == "eval" and not flags and optimize == -1 \
            and not more:
        return compiled(source, "eval")
    return builtins.compile(source, filename, mode, flags, True, optimize, **more)


#: What the key of an expression's code starts with (`kept_compile`), beside the statements of `kept_exec` kept by
#: their text alone: no source text holds a NUL, so neither can be taken for the other.
EVAL = "\0eval\0"


def compiled(source: str, mode: str = "exec") -> CodeType:
    """The code `exec` (or, for mode "eval", `eval`) compiles from `source` (no `__future__` flags), kept between
    processes."""
    kept = _kept if _kept is not None else _load()
    key = source if mode == "exec" else EVAL + source
    code = kept.get(key)
    if code is None:
        code = kept[key] = _new[key] = compile(source, "<string>", mode, dont_inherit=True)
        global _saved_at_exit
        if not _saved_at_exit:
            import atexit

            atexit.register(save)
            _saved_at_exit = True
    return code


def cache_file():
    """Where the code is kept for this Python (its version and byte-code format in the name)."""
    from catalog.cachedir import default_cache_dir

    return default_cache_dir() / f"dataclass-code-{sys.implementation.cache_tag}-{_stamp()}.marshal"


def _stamp() -> str:
    """This Python's version and byte-code format: what a kept code object is valid for."""
    from importlib.util import MAGIC_NUMBER

    return "{}.{}.{}{}{}".format(*sys.version_info) + "-" + MAGIC_NUMBER.hex()


def _load() -> dict[str, CodeType]:
    global _kept
    _kept = _read()
    return _kept


def _read() -> dict[str, CodeType]:
    """The code the cache file holds now, by source text; empty when the file is missing, damaged, not this
    user's own, or written by another Python or another format of this file."""
    from catalog.cachedir import read_plain_at

    value = read_plain_at(cache_file)
    if not (isinstance(value, tuple) and len(value) == 3 and value[:2] == (FORMAT, _stamp())
            and isinstance(value[2], dict)):
        return {}
    return {source: code for source, code in value[2].items()
            if type(source) is str and type(code) is CodeType}


def save() -> None:
    """Keep what this process compiled since it last saved, beside what the file holds now (another process may
    have added to it meanwhile). Called when the command ends, and by reader processes after a chunk of files
    (they end without running Python's exit handlers); costs nothing when nothing new was compiled."""
    from catalog.cachedir import add_to_plain

    add_to_plain(_new, _read, lambda kept: (FORMAT, _stamp(), kept), cache_file,
                 size=lambda kept: sum(map(len, kept)), limit=MAX_KEPT,
                 own=lambda source: _kept is not None and source in _kept)
