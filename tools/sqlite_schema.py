"""Write catalog/sqlite_schema.sql: the schema the Alembic migrations make in a new SQLite catalogue, as SQL.

A new SQLite catalogue is created from this file in one transaction (catalog.db.migrate) rather than by
running every migration through Alembic, which costs about half a second of start-up on the first import.
The migrations stay the truth: this script runs them on an empty file and writes down what they made, and
tests/test_db_schema.py checks that the file shipped is what they make today.

    python -m tools.sqlite_schema            # rewrite the file after adding a migration
    python -m tools.sqlite_schema --check    # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "catalog" / "sqlite_schema.sql"


def migrated_schema() -> str:
    """The SQL of a catalogue made by running every migration, with the revision it is at."""
    from sqlalchemy import create_engine

    from catalog import db

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "new.db"
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.connect() as conn, conn.begin():
                db._run_alembic(conn)
        finally:
            engine.dispose()
        return db.dump_sqlite_schema(sqlite3.connect(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is current")
    args = parser.parse_args(argv)
    wanted = migrated_schema()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python -m tools.sqlite_schema", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
