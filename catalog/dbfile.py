"""Where the catalogue is and which schema it must be at, known without importing SQLAlchemy.

`catalog.db` opens catalogues through SQLAlchemy, whose import alone costs a third of a second on a
loaded machine; a check that must answer before that (`catalog.unchanged`, the re-import that finds
nothing to do) needs the same answers: which file `--db` (or ``CATALOG_DB``, or the default) names, and
the schema revision this version of catalog writes. Both live here, so the two cannot disagree.

>>> sqlite_file("/tmp/news.db")
PosixPath('/tmp/news.db')
>>> sqlite_file("sqlite:////tmp/news%20desk.db")
PosixPath('/tmp/news desk.db')
>>> sqlite_file("postgresql+psycopg://me@db/news") is None
True
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

#: The newest migration in alembic/versions. A test checks that it is the Alembic head; keeping it here lets
#: an up-to-date catalogue open without importing Alembic at all (start-up time matters for every command).
SCHEMA_HEAD = "0008"

DEFAULT_DB = "catalog.db"


def location(db: str | None) -> str:
    """What `--db` names: its value, else CATALOG_DB, else catalog.db here (a path or a database URL)."""
    return db or os.environ.get("CATALOG_DB") or DEFAULT_DB


def sqlite_file(db: str | None) -> Path | None:
    """The SQLite file a `--db` value names, absolute: a path, or a plain ``sqlite:///`` URL (read as
    SQLAlchemy reads it); None for any other URL (PostgreSQL, SQLite in memory or with options)."""
    named = location(db)
    if named.startswith(_SQLITE) and "?" not in named:
        name = unquote(named[len(_SQLITE):])
        return Path(name).absolute() if name not in ("", ":memory:") else None
    if "://" in named:
        return None
    return Path(named).expanduser().absolute()


_SQLITE = "sqlite:///"
