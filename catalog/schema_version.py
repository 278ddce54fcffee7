"""The schema revision this version of catalog reads and writes, and the SQLite file a --db names: what the
paths that read a catalogue without SQLAlchemy need first, in a module that imports only the standard library.

`catalog.db` upgrades a catalogue to it; `catalog.quick_search` and `catalog.unchanged` read a catalogue with
sqlite3 only when the catalogue is at it (one query), and leave any other to `catalog.db`. How every connection
to a SQLite catalogue is tuned (`sqlite_pragmas`) and the statements that make a new one (`sqlite_schema_statements`)
are here too, so that `catalog.quick_store` makes and opens a catalogue exactly as `catalog.db` does.

>>> len(SCHEMA_HEAD)
4
>>> sqlite_file("sqlite:////tmp/news%20desk.db")
PosixPath('/tmp/news desk.db')
>>> sqlite_file("postgresql+psycopg://desk@db/news") is None
True
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

#: The catalogue when neither --db nor CATALOG_DB names one.
DEFAULT_DB = "catalog.db"

#: The newest migration in alembic/versions. A test checks that it is the Alembic head; keeping it here lets
#: an up-to-date catalogue open without importing Alembic at all (start-up time matters for every command).
SCHEMA_HEAD = "0018"


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


def not_a_file(path: Path) -> str | None:
    """What a catalogue path is when it is nothing a catalogue can be kept in: "a folder", "a named pipe", "a
    socket" or "a device" (given with --db by mistake: SQLite would say "disk I/O error", "unable to open database
    file", or wait); None for a file, or for nothing there yet.

    >>> not_a_file(Path("/dev/null")), not_a_file(Path("/")), not_a_file(Path("/no/such/catalog.db"))
    ('a device', 'a folder', None)
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return kind_of(mode)


def kind_of(mode: int) -> str | None:
    """What a path whose `os.stat` gave `mode` is, when it is no regular file: "a folder", "a named pipe", "a
    socket", "a device", else "no regular file"; None for a regular file. Both the catalogue's check (not_a_file)
    and the text files' opener (catalog.textfiles) name a path's kind from here; each decides which kinds it takes
    (a captions file may be a named pipe or a device, a catalogue may not).

    >>> import stat
    >>> kind_of(stat.S_IFREG), kind_of(stat.S_IFIFO), kind_of(stat.S_IFBLK)
    (None, 'a named pipe', 'a device')
    """
    import stat

    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "no regular file"


@dataclass(frozen=True)
class SqliteTuning:
    """How a process's SQLite connections use memory: the page cache of each connection (KiB), the prepared
    statements each keeps, and how much of the catalogue file is read through memory mapping (bytes; mapped
    pages count in the process's resident memory as the catalogue grows, though the kernel may drop them)."""

    cache_kib: int
    statements: int
    mmap_bytes: int


#: A command runs and exits, and a large cache pays for itself.
COMMAND = SqliteTuning(cache_kib=65536, statements=128, mmap_bytes=268435456)
#: A process that runs for days (`catalog watch`) would hold a full cache and a statement per batch size it
#: ever wrote: a small cache, few statements and no mapping keep its memory flat as the catalogue grows (a
#: one-hour soak of 36,000 arrivals grew the watcher's heap by 100 MB with a command's settings, and its
#: resident memory by 190 MB).
LONG_RUNNING = SqliteTuning(cache_kib=8192, statements=16, mmap_bytes=0)


def sqlite_pragmas(tuning: SqliteTuning, *, readonly: bool = False) -> list[str]:
    """The PRAGMAs every connection to a SQLite catalogue runs first: write-ahead logging (when it may write),
    foreign keys, and `tuning`'s memory settings."""
    pragmas = [] if readonly else ["PRAGMA journal_mode=WAL"]
    return pragmas + ["PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", f"PRAGMA cache_size=-{tuning.cache_kib}",
                      "PRAGMA temp_store=MEMORY", f"PRAGMA mmap_size={tuning.mmap_bytes}"]


#: The schema the migrations make in a new SQLite catalogue, written down by tools/sqlite_schema.py.
SQLITE_SCHEMA = Path(__file__).with_name("sqlite_schema.sql")
_REVISION_LINE = "-- revision: "


def sqlite_schema_statements(schema: Path = SQLITE_SCHEMA) -> list[str] | None:
    """The statements that make a new SQLite catalogue at SCHEMA_HEAD, from the schema file; None when the file is
    missing or at another revision (the migrations then make the catalogue)."""
    try:
        text = schema.read_text(encoding="utf-8")
    except OSError:
        return None
    if f"\n{_REVISION_LINE}{SCHEMA_HEAD}\n" not in text:
        return None
    statements, statement = [], ""
    for line in text.splitlines(keepends=True):
        if not statement and line.startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            statements.append(statement)
            statement = ""
    return statements
