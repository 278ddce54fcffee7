"""The files made from the code (docs/cli.md, catalog/sqlite_schema.sql): written by their tool, or checked.

Each such file has one function that makes its whole text from the code, and a tool that writes it; with
``--check`` the tool compares instead of writing and exits 1 when the file in the checkout is not what the code
makes today, so a change to the code that forgets the file is caught (tests do the same):

    $ python -m tools.sqlite_schema --check
    catalog/sqlite_schema.sql is out of date: run python -m tools.sqlite_schema
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_or_check(argv: list[str] | None, *, tool: str, target: Path, make: Callable[[], str],
                   description: str) -> int:
    """The command line of a tool that makes `target` with `make()`: 0 when written or current, 1 when stale."""
    parser = argparse.ArgumentParser(prog=f"python -m {tool}", description=description)
    parser.add_argument("--check", action="store_true", help="only say whether the file is current (exit 1 if not)")
    options = parser.parse_args(argv)
    wanted = make()
    shown = target.relative_to(ROOT)
    if options.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != wanted:
            print(f"{shown} is out of date: run python -m {tool}", file=sys.stderr)
            return 1
        print(f"{shown} is current")
        return 0
    target.write_text(wanted, encoding="utf-8")
    print(f"wrote {shown}")
    return 0
