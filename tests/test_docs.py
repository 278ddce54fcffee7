"""The docs that are made from the code are current: docs/cli.md is what every command's --help says."""

from __future__ import annotations

from tools.cli_reference import REFERENCE, reference


def test_the_cli_reference_is_what_the_commands_say():
    assert REFERENCE.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is out of date: run `python -m tools.cli_reference`")


def test_every_command_is_in_the_reference():
    from catalog.cli import main

    page = REFERENCE.read_text(encoding="utf-8")
    assert all(f"## catalog {name}\n" in page for name in main.commands)
