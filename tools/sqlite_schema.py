"""Write catalog/sqlite_schema.sql: the schema the Alembic migrations make in a new SQLite catalogue, as SQL.

A new SQLite catalogue is created from this file in one transaction (catalog.db.migrate) rather than by
running every migration through Alembic, which costs about half a second of start-up on the first import.
The migrations stay the truth: this script runs them on an empty file and writes down what they made, and
tests/test_db_schema.py checks that the file shipped is what they make today.

    python -m tools.sqlite_schema            # rewrite the file after adding a migration
    python -m tools.sqlite_schema --check    # exit 1 if the file is stale
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from tools.generated import ROOT, write_or_check

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
    return write_or_check(argv, tool="tools.sqlite_schema", target=TARGET, make=migrated_schema,
                          description=__doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
