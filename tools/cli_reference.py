"""Write docs/cli.md, the reference of every `catalog` command, from the commands' own --help.

    python -m tools.cli_reference            # rewrite docs/cli.md
    python -m tools.cli_reference --check    # exit 1 when docs/cli.md is not what --help says (CI runs this)

The page is made from click's help text, so it cannot drift from the code: a command's docstring and options
are written once, in the command.
"""

from __future__ import annotations

import sys

import click

from tools.generated import ROOT, write_or_check

REFERENCE = ROOT / "docs" / "cli.md"


def reference() -> str:
    """The Markdown page: the group's help, then each command's, in alphabetical order."""
    from catalog.cli import main

    parts = [
        "# `catalog` command reference",
        "",
        "Generated from each command's `--help` by `python -m tools.cli_reference`; do not edit by hand.",
        "",
        "```text",
        _help(main, ["catalog"]),
        "```",
    ]
    for name in sorted(main.commands):
        command = main.commands[name]
        parts += ["", f"## catalog {name}", "", "```text", _help(command, ["catalog", name], parent=main), "```"]
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                parts += ["", f"### catalog {name} {sub}", "", "```text",
                          _help(command.commands[sub], ["catalog", name, sub], parent=command), "```"]
    return "\n".join(parts) + "\n"


def _help(command: click.Command, words: list[str], parent: click.Command | None = None) -> str:
    """The --help text as `catalog ... --help` prints it on a 100-column terminal.

    The contexts are chained from the `catalog` group down, as a real invocation makes them: a subcommand
    inherits the group's settings (its `-h` among them), and click remembers a command's help option from the
    first context that asks, so a shorter chain here would make the page depend on what ran before.
    """
    from catalog.cli import main as root_group

    width = {"terminal_width": 100, "max_content_width": 100}
    chain: list[click.Command] = [root_group]
    if parent is not None and parent is not root_group:
        chain.append(parent)
    if command is not root_group:
        chain.append(command)
    context: click.Context | None = None
    for level, part in enumerate(chain):
        settings = {k: v for k, v in part.context_settings.items() if k not in width}
        context = click.Context(part, info_name=words[level], parent=context, **settings, **width)
    assert context is not None
    return command.get_help(context).rstrip()


def main(argv: list[str] | None = None) -> int:
    return write_or_check(argv, tool="tools.cli_reference", target=REFERENCE, make=reference,
                          description=__doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
