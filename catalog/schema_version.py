"""The schema revision this version of catalog reads and writes, and the SQLite file a --db names: what the
paths that read a catalogue without SQLAlchemy need first, in a module that imports only the standard library.

`catalog.db` upgrades a catalogue to it; `catalog.quick_search` and `catalog.unchanged` read a catalogue with
sqlite3 only when the catalogue is at it (one query), and leave any other to `catalog.db`.

>>> len(SCHEMA_HEAD)
4
>>> sqlite_file("sqlite:////tmp/news%20desk.db")
PosixPath('/tmp/news desk.db')
>>> sqlite_file("postgresql+psycopg://desk@db/news") is None
True
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

#: The catalogue when neither --db nor CATALOG_DB names one.
DEFAULT_DB = "catalog.db"

#: The newest migration in alembic/versions. A test checks that it is the Alembic head; keeping it here lets
#: an up-to-date catalogue open without importing Alembic at all (start-up time matters for every command).
SCHEMA_HEAD = "0012"


def sqlite_file(db: str | None) -> Path | None:
    """The SQLite file a --db value (else CATALOG_DB, else catalog.db here) names, absolute: a path, or a
    plain ``sqlite:///`` URL read as SQLAlchemy reads it; None for any other URL (PostgreSQL, SQLite in
    memory or with options)."""
    named = db or os.environ.get("CATALOG_DB") or DEFAULT_DB
    if named.startswith("sqlite:///") and "?" not in named:
        name = unquote(named[len("sqlite:///"):])
        return Path(name).absolute() if name not in ("", ":memory:") else None
    if "://" in named:
        return None
    return Path(named).expanduser().absolute()
