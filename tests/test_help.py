"""Every command explains itself, with a worked example."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from catalog.cli import main


def _commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`catalog {name} --help` shows no example"


def test_top_level_help_lists_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("import", "search", "show", "credits", "parse-caption"):
        assert name in result.output


def test_help_does_not_create_a_catalogue(tmp_path):
    subprocess.run([sys.executable, "-m", "catalog.cli", "search", "--help"], cwd=tmp_path, check=True,
                   capture_output=True, env={"PATH": "/usr/bin:/bin", "CATALOG_DB": str(tmp_path / "x.db")})
    assert not (tmp_path / "x.db").exists()


def test_unexpected_option_is_exit_2():
    assert CliRunner().invoke(main, ["search", "--no-such-option"]).exit_code == 2
