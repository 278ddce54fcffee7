"""The commands are imported only when one runs: `catalog --help` lists every one from the table in
catalog/cli/__init__.py (COMMANDS), and these tests keep that table honest against the commands themselves."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sqlite3
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import catalog.cli
from catalog.cli import COMMANDS, main
from catalog.cli.base import CatalogGroup, LazyCommands
from tests.cli_process import catalog_command, environment

#: The modules of catalog.cli that hold no command.
NOT_COMMANDS = {"base", "__main__"}


def _command_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(catalog.cli.__path__) if m.name not in NOT_COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_row_names_its_command_and_its_help(name):
    module, function, short_help = COMMANDS[name]
    command = getattr(importlib.import_module(f"catalog.cli.{module}"), function)
    assert isinstance(command, click.Command)
    assert command.name == name
    assert not command.short_help, "a command's one-line help is its docstring's first paragraph, as in the table"
    as_listed = click.Command(name, help=short_help)
    for limit in range(20, 130):
        assert as_listed.get_short_help_str(limit) == command.get_short_help_str(limit), (name, limit)


def test_every_command_of_the_modules_is_in_the_table():
    subcommands = set()
    found = {}
    for module_name in _command_modules():
        module = importlib.import_module(f"catalog.cli.{module_name}")
        for value in vars(module).values():
            if isinstance(value, click.Command) and value.callback.__module__ == module.__name__:
                found[value.name] = value
                if isinstance(value, click.Group):
                    subcommands.update(id(sub) for sub in value.commands.values())
    top_level = {name for name, command in found.items() if id(command) not in subcommands}
    assert top_level == set(COMMANDS)


def test_help_is_what_click_prints_for_the_commands_themselves():
    eager = CatalogGroup(name=main.name, params=main.params, callback=main.callback, help=main.help,
                         context_settings=main.context_settings,
                         commands={name: main.commands[name] for name in COMMANDS})
    lazy_help = CliRunner().invoke(main, ["--help"])
    eager_help = CliRunner().invoke(eager, ["--help"])
    assert lazy_help.exit_code == eager_help.exit_code == 0
    assert lazy_help.output == eager_help.output
    for name, (_, _, short_help) in COMMANDS.items():
        assert f"  {name} " in lazy_help.output
        assert short_help.split()[0] in lazy_help.output


def _all_modules_after(*args: str) -> set[str]:
    """Every module a fresh process has imported after running `catalog ARGS`."""
    script = ("import json, sys\nfrom catalog.cli import main\n"
              f"try:\n    main({list(args)!r}, prog_name='catalog')\nexcept SystemExit:\n    pass\n"
              "print(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment(),
                          check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _modules_after(*args: str) -> list[str]:
    """The command modules (catalog.cli.*) a fresh process has imported after running `catalog ARGS`."""
    return sorted(name for name in _all_modules_after(*args) if name.startswith("catalog.cli."))


def test_help_imports_no_command_module():
    assert _modules_after("--help") == ["catalog.cli.base", "catalog.cli.collector"]


def test_a_command_imports_its_own_module_only():
    assert _modules_after("search", "--help") == ["catalog.cli.base", "catalog.cli.collector", "catalog.cli.searching"]
    assert _modules_after("show", "--help") == ["catalog.cli.base", "catalog.cli.collector", "catalog.cli.photos"]


def test_a_mistyped_command_is_still_a_usage_error_with_a_suggestion():
    done = subprocess.run(catalog_command("serch", "in:Gansu"), capture_output=True, text=True, env=environment())
    assert done.returncode == 2
    assert "No such command 'serch'" in done.stderr
    assert "search" in done.stderr.split("No such command", 1)[1]


def test_lazy_commands_take_a_command_added_later():
    commands = LazyCommands("catalog.cli", {"search": ("searching", "search", "Find photos.")})
    extra = click.Command("extra", help="An extra command.")
    commands["extra"] = extra
    assert list(commands) == ["search", "extra"]
    assert len(commands) == 2
    assert commands["extra"] is extra
    assert commands.short_help("extra") is None
    assert "nothing" not in commands
    del commands["extra"]
    assert list(commands) == ["search"]


#: What a command that only reads a SQLite catalogue has no use for when the quick read path answers it
#: (catalog.quick_search): SQLAlchemy and its models, Alembic, the Library, the full search planner, the variant
#: machinery and numpy (the copies check of `credits` needs them only when photos have fingerprints to compare).
HEAVY = ("sqlalchemy", "alembic", "numpy", "catalog.models", "catalog.library", "catalog.search", "catalog.db",
         "catalog.variants", "catalog.likeness_many")


@pytest.fixture(scope="module")
def read_catalogue(tmp_path_factory) -> str:
    """images/ imported and cloned to 300 photos (bench/run.py's clone), none with a stored fingerprint."""
    from catalog.library import Library
    from tests.conftest import IMAGES, ROOT

    sys.path.insert(0, str(ROOT))
    from bench.run import clone

    path = tmp_path_factory.mktemp("lazy") / "catalog.db"
    library = Library.open(str(path))
    library.import_paths([str(IMAGES)])
    library.close()
    clone(f"sqlite:///{path}", 300)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM variant_fingerprint")
        assert conn.execute("SELECT count(*) FROM photo WHERE country = 'China'").fetchone()[0] > 100
    return str(path)


@pytest.mark.parametrize("command", [
    ["search", "in:Gansu", "--limit", "20"], ["search", "train", "--format", "json"], ["show", "1"],
    ["places"], ["timeline", "in:Gansu"], ["credits", "in:China"], ["credits", "in:China", "--group"],
], ids=" ".join)
def test_a_read_command_on_the_quick_path_imports_nothing_heavy(read_catalogue, command):
    loaded = _all_modules_after("--db", read_catalogue, *command)
    assert "catalog.quick_search" in loaded
    assert not {name for name in loaded if name.split(".")[0] in HEAVY or name in HEAVY}


def test_help_imports_neither_the_query_parser_nor_a_catalogue():
    loaded = _all_modules_after("--help")
    assert not {"catalog.query", "catalog.quick_search", "catalog.captions.rules", "sqlite3"} & loaded


#: What a search or a credit list answered from the cache folder (the house rules kept as checked, the place memo
#: warm) has no use for: TOML, the place entities' code, the caption parser's types, `near:`'s distances, the
#: agency registry and (but for `show`) the JSON contract's provenance.
UNUSED_WHEN_WARM = ("tomllib", "catalog.place_entities", "catalog.place_rules", "catalog.captions.types",
                    "catalog.query_near", "catalog.rights", "catalog.agencies")


@pytest.mark.parametrize("command", [
    ["search", "in:Gansu", "--limit", "20"], ["search", "in:Gansu"], ["credits", "in:China"], ["show", "1"],
], ids=" ".join)
def test_a_warm_read_command_imports_no_toml_nor_place_entities(read_catalogue, command):
    _all_modules_after("--db", read_catalogue, *command)  # fills the cache folder
    loaded = _all_modules_after("--db", read_catalogue, *command)
    assert "catalog.captions.rules" in loaded or command[0] == "show"
    unused = set(UNUSED_WHEN_WARM) - ({"catalog.rights"} if command[0] == "show" else set())  # show prints it
    assert not unused & loaded
