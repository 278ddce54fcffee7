"""Opening a catalogue: where it is, how SQLite is tuned, and upgrading its schema with the Alembic migrations.

`--db` and ``CATALOG_DB`` take a file path (``catalog.db``, the default) or a SQLAlchemy URL
(``postgresql+psycopg://user@host/news``). Opening applies any migrations that have not run yet, in one
transaction, after copying an existing SQLite file aside; a catalogue made by a newer version is refused.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.exc import DatabaseError as SADatabaseError

from catalog import write_lock
from catalog.errors import (
    DamagedCatalogue,
    DatabaseError,
    MissingCatalogue,
    NewerCatalogue,
    NotACatalogue,
    ReadOnlyCatalogue,
    ServerGone,
    is_damaged,
)
from catalog.schema_version import (  # noqa: F401 - COMMAND, LONG_RUNNING, SqliteTuning: named here by callers
    _REVISION_LINE,
    COMMAND,
    DEFAULT_DB,
    LONG_RUNNING,
    SCHEMA_HEAD,
    SQLITE_SCHEMA,
    SqliteTuning,
    not_a_file,
    sqlite_pragmas,
    sqlite_schema_statements,
)
from catalog.write_lock import BUSY_TIMEOUT_MS, WRITE_LOCK_ASK_MS


def resolve_url(db: str | None) -> str:
    """The SQLAlchemy URL for a --db value, CATALOG_DB, or the default catalog.db in the current folder.

    >>> resolve_url("/tmp/news.db")
    'sqlite:////tmp/news.db'
    """
    db = db or os.environ.get("CATALOG_DB") or DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{_url_escaped(str(Path(db).expanduser().absolute()))}"


def _url_escaped(text: str) -> str:
    """A file path as the path of a SQLAlchemy URL, which reads `?` as the start of options and `%XX` as an
    escape: a catalogue named `desk?.db` or `100%.db` was made by the quick import under its own name and then
    looked for by every other command at `desk` or `100` followed by another byte.

    >>> from sqlalchemy.engine import make_url
    >>> make_url("sqlite:///" + _url_escaped("/srv/100%41 desk?.db")).database
    '/srv/100%41 desk?.db'
    """
    return text.replace("%", "%25").replace("?", "%3F")


def parse_url(url: str) -> URL:
    """The URL `url` parsed, or a DatabaseError saying what a catalogue's location looks like.

    >>> parse_url("postgresql+psycopg://desk@db:5432/news").port
    5432
    >>> try:
    ...     parse_url("postgresql+psycopg://desk:pw@db:54x/news")
    ... except DatabaseError as error:
    ...     print(str(error)[:61])
    'postgresql+psycopg://desk:***@db:54x/news' is not a database
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        reason = str(error).split("\n")[0]
        shown = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)  # the password, if any, not on the screen
        raise DatabaseError(
            f"{shown!r} is not a database URL ({reason}); give a file path, or a URL such as "
            "postgresql+psycopg://user@host/news"
        ) from error
    if parsed.get_backend_name() == "sqlite" and parsed.host:  # sqlite://news.db: news.db read as a host name
        named = parsed.host + (f"/{parsed.database}" if parsed.database else "")
        raise DatabaseError(f"{url!r} is not a SQLite URL: a file takes three slashes (sqlite:///{named} here, "
                            f"sqlite:////srv/{named} from the root), or give the file path alone")
    if parsed.get_backend_name() == "sqlite" and parsed.query:
        # SQLAlchemy's SQLite driver drops them with a warning: sqlite:///news.db?mode=ro, asked for to keep the
        # catalogue from being written, opened it for writing all the same and `set` changed it.
        raise DatabaseError(f"{url!r}: a SQLite URL takes no options ({'&'.join(parsed.query)}); give the file "
                            "path alone (commands that only read, such as search, never write the catalogue)")
    return parsed


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def migrations_dir() -> Path:
    """alembic/ in a source checkout, catalog/migrations inside an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parent / "alembic"):
        if (candidate / "env.py").exists():
            return candidate
    raise DatabaseError("the catalogue's migrations are missing from this installation; reinstall catalog")


def create(url: str, *, readonly: bool = False, on_wait: Callable[[str], None] | None = None,
           tuning: SqliteTuning = COMMAND) -> Engine:
    """An engine for the catalogue at `url`, tuned for its database (WAL and busy handling on SQLite, and
    `tuning`'s memory settings)."""
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(url, readonly=readonly, tuning=tuning)
        if backend == "postgresql":
            engine = create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2)
            if readonly:
                event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("SET TRANSACTION READ ONLY"))
            return engine
    except (ModuleNotFoundError, NoSuchModuleError) as error:
        if getattr(error, "name", None) == "psycopg":
            raise DatabaseError("PostgreSQL support is not installed: pip install 'catalog[postgres]'") from error
        raise DatabaseError(
            f"the database driver {parsed.drivername!r} is not installed: write postgresql+psycopg://user@host/news "
            "for PostgreSQL (psycopg is catalog's driver), or a file path for SQLite"
        ) from error
    raise DatabaseError(f"catalogues are kept in SQLite or PostgreSQL, not {backend!r}: give a file path, or a "
                        "URL such as postgresql+psycopg://user@host/news")


def _sqlite_engine(url: str, *, readonly: bool, tuning: SqliteTuning) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        _refuse_no_file(path)
        if readonly and not path.exists():
            raise DatabaseError(f"there is no catalogue at {path}")
        if not readonly and not path.parent.exists():
            raise DatabaseError(f"cannot make a catalogue at {path}: the folder {path.parent} does not exist")
        if not readonly and not path.exists() and not os.access(path.parent, os.W_OK):
            raise ReadOnlyCatalogue(f"cannot make a catalogue at {path}: the folder {path.parent} is read-only")
    connect_args: dict = {"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None, "check_same_thread": False,
                          "cached_statements": tuning.statements}
    if readonly and path is not None:
        uri = "file:" + str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")  # SQLite's URI
        url = f"sqlite:///{_url_escaped(uri)}?mode=ro&uri=true"  # inside SQLAlchemy's URL
        if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-shm").exists():
            # In a folder this user cannot write (a share, an archive disc) SQLite cannot make the WAL index
            # beside the file, and then refuses even to read it; nothing writes it through this folder, so
            # read it as immutable.
            url += "&immutable=1"
    engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _tune(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        for pragma in sqlite_pragmas(tuning, readonly=readonly):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # A writer takes the write lock when its transaction starts, so two writers queue instead of
        # failing half-way ("database is locked" on upgrade from a read lock).
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode != "IMMEDIATE":
            conn.exec_driver_sql(f"BEGIN {mode}")
            return
        # Ask for the write lock with little patience: when another process holds it, with_write_lock says
        # "waiting ..." at once and keeps asking, rather than SQLite waiting silently for its busy timeout.
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {WRITE_LOCK_ASK_MS}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    return engine


def with_write_lock(action: Callable[[], object], *, on_wait: Callable[[str], None] | None, what: str):
    """Run `action` (a whole write transaction) through SQLAlchemy, waiting while another process holds the
    write lock (catalog.write_lock.with_write_lock)."""
    return write_lock.with_write_lock(action, on_wait=on_wait, what=what, errors=(OperationalError,))


def migrate(engine: Engine, url: str, *, on_wait: Callable[[str], None] | None = None) -> None:
    """Bring the schema to SCHEMA_HEAD: create it in a new catalogue, upgrade an old one after a backup."""
    current = current_revision(engine, url, on_wait)
    if current == SCHEMA_HEAD:
        return
    if current is not None and current not in _known_revisions():
        raise NewerCatalogue(current)
    backup = _backup(url) if current is not None else None

    def upgrade():
        with engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7418001)")
                revision = _revision_on(conn)
                if revision == SCHEMA_HEAD:  # another process upgraded it while we waited
                    return
                if revision is None and conn.dialect.name == "sqlite" and _create_sqlite(conn):
                    return
                _run_alembic(conn)

    try:
        with_write_lock(upgrade, on_wait=on_wait, what="the catalogue's schema upgrade")
    except DatabaseError:
        raise
    except Exception as error:
        where = f"; the catalogue as it was before is saved at {backup} (copy it back over the catalogue to restore)"
        raise DatabaseError(
            f"could not {'upgrade' if current else 'create'} the catalogue's schema: {_plain(error)}"
            + (where if backup else "")
            + ". Nothing was changed."
        ) from error


def open_engine(
    url: str, *, readonly: bool = False, may_create: bool = True, on_wait: Callable[[str], None] | None = None,
    tuning: SqliteTuning = COMMAND,
) -> tuple[Engine, str | None]:
    """An engine on the catalogue at `url`, at the current schema, and why it is read-only (None: writable).

    The policy: a catalogue opened for writing is created (when `create`) or upgraded as needed; one that
    cannot be written (a read-only share or disc) is opened read-only instead, so it can still be searched,
    provided its schema is current, and every write then says why it cannot be made. A command that only
    reads (`may_create=False`) never makes a catalogue: a mistyped --db is an error, not a new empty file.
    `tuning` sets how much memory SQLite may hold (COMMAND, or LONG_RUNNING for a process that runs for days).
    """
    if not may_create:
        _require_existing(url)
    engine = create(url, readonly=readonly, tuning=tuning)
    if readonly:
        return engine, "the catalogue was opened read-only"
    try:
        if not may_create:
            _require_catalogue(engine, url, on_wait)
        migrate(engine, url, on_wait=on_wait)
        return engine, None
    except ReadOnlyCatalogue as error:
        engine.dispose()
        return _read_only(url, str(error), tuning)
    except BaseException:
        engine.dispose()  # a catalogue that cannot be opened leaves no connection behind
        raise


def _read_only(url: str, reason: str, tuning: SqliteTuning) -> tuple[Engine, str]:
    """A catalogue on a read-only share or disc can still be searched; a write says why it cannot be."""
    engine = create(url, readonly=True, tuning=tuning)
    try:
        revision = current_revision(engine, url)
    except BaseException:
        engine.dispose()
        raise
    if revision != SCHEMA_HEAD:
        engine.dispose()
        raise ReadOnlyCatalogue(f"{reason}; and it needs upgrading to this version of catalog, which writes it")
    return engine, reason


def _require_existing(url: str) -> None:
    """Refuse, before anything is made, a SQLite catalogue file that does not exist or is not a file."""
    path = sqlite_path(url)
    if path is None:
        return
    _refuse_no_file(path)
    if not path.exists():
        raise MissingCatalogue(
            f"there is no catalogue at {path}: check --db (or CATALOG_DB); `catalog import FOLDER` makes one"
        )


def _refuse_no_file(path: Path) -> None:
    """Refuse a catalogue path that is a folder, a named pipe, a socket or a device, in words, before SQLite tries."""
    kind = not_a_file(path)
    if kind is not None:
        raise NotACatalogue(f"{path} is {kind}, not a catalogue file")


def _require_catalogue(engine: Engine, url: str, on_wait) -> None:
    """Refuse an empty PostgreSQL database (or an empty SQLite file) as a catalogue a command only reads."""
    if current_revision(engine, url, on_wait) is None:
        where = sqlite_path(url) or parse_url(url).render_as_string(hide_password=True)
        raise MissingCatalogue(
            f"there is no catalogue in {where}: check --db (or CATALOG_DB); `catalog import FOLDER` makes one"
        )


def _run_alembic(conn) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def dump_sqlite_schema(connection: sqlite3.Connection) -> str:
    """The SQL that makes this SQLite catalogue's schema again, in the order it was made, with its revision.

    Every table, index, trigger and virtual table is written as SQLite keeps it (``sqlite_master``), except
    the shadow tables a full-text index makes for itself and the indexes SQLite names itself; the one row
    of ``alembic_version`` follows, so a catalogue made from the file is at that revision.
    """
    shadow = _shadow_tables(connection)
    lines = [
        "-- The schema of a new SQLite catalogue, as the Alembic migrations make it (tools/sqlite_schema.py).",
        "-- catalog.db creates new catalogues from this file; do not edit it by hand.",
    ]
    (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    lines.append(f"{_REVISION_LINE}{revision}")
    for name, sql in connection.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"):
        if name not in shadow:
            lines.append(f"{sql};")
    lines.append(f"INSERT INTO alembic_version (version_num) VALUES ('{revision}');")
    return "\n".join(lines) + "\n"


def _shadow_tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("PRAGMA table_list").fetchall()
    return {row[1] for row in rows if row[2] == "shadow"}


def _create_sqlite(conn) -> bool:
    """Make a new SQLite catalogue's schema from SQLITE_SCHEMA, in the caller's transaction; False (and
    nothing done) when the file is missing or at another revision than SCHEMA_HEAD, so Alembic makes it."""
    statements = sqlite_schema_statements(SQLITE_SCHEMA)
    if statements is None:
        return False
    for statement in statements:
        conn.exec_driver_sql(statement)
    return True


def _known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def current_revision(engine: Engine, url: str, on_wait: Callable[[str], None] | None = None) -> str | None:
    """The schema revision of the catalogue, None for an empty database; a DatabaseError if it cannot be read.

    Waits while another process holds the lock: a brand-new SQLite catalogue is briefly locked while the
    first process to open it switches it to write-ahead logging, and a second one opening it then must wait.
    """
    def read():
        with engine.connect() as conn:
            return _revision_on(conn)

    try:
        return with_write_lock(read, on_wait=on_wait, what="the catalogue")
    except SADatabaseError as error:
        raise open_error(error, sqlite_path(url)) from error


#: SQLSTATEs of a PostgreSQL server that ended the connection: the class 08 (connection exceptions), and a server
#: shut down by its administrator, crashed, or starting up.
_SERVER_GONE_STATES = ("08", "57P01", "57P02", "57P03")


def server_gone(error: BaseException) -> ServerGone | None:
    """The error to give when `error` (SQLAlchemy's) says the database server went away or cannot be reached
    mid-command, else None. SQLAlchemy marks a connection it found dead (`connection_invalidated`); a connection
    that cannot be made again (the server stopped: "Connection refused") is psycopg's OperationalError with no
    SQLSTATE, which a server's own refusals (a lock timeout, a cancelled query) always carry."""
    if not isinstance(error, DBAPIError):
        return None
    original = error.orig
    if not type(original).__module__.startswith("psycopg"):
        return None
    state = getattr(original, "sqlstate", None)
    if not (error.connection_invalidated or (state or "").startswith(_SERVER_GONE_STATES) or (
            state is None and isinstance(error, (OperationalError, InterfaceError)))):
        return None
    reason = " ".join(str(original).split("\n")[0].split())
    return ServerGone(reason.removeprefix("consuming input failed: ") or type(original).__name__)


def open_error(error: BaseException, path: Path | None) -> DatabaseError:
    """Why a catalogue cannot be opened, in words a person can act on: read-only, disk full, or SQLite's own."""
    message = _plain(error)
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return ReadOnlyCatalogue(read_only_message(path))
    if path is not None and ("disk" in lowered or "unable to open" in lowered) and _no_room(path.parent):
        return DatabaseError(
            f"the disk is full: there is no room beside {path} for the catalogue's journal; nothing was changed. "
            "Free some space and run the command again"
        )
    if is_damaged(error):
        return DamagedCatalogue(path, message)
    if "not a database" in lowered or "file is encrypted" in lowered:
        where = f"{path} is" if path is not None else "this is"
        return NotACatalogue(f"cannot open the catalogue: {where} not a catalogue (not a SQLite database)")
    return DatabaseError(f"cannot open the catalogue: {message}")


def read_only_message(path: Path | None) -> str:
    """What to say when the catalogue cannot be written."""
    if path is None:
        return "the catalogue is read-only (the database refused to write); nothing was changed"
    return (
        f"the catalogue is read-only: {path} or its folder cannot be written by this user (SQLite also makes "
        f"{path.name}-wal and {path.name}-shm beside it); nothing was changed"
    )


def _no_room(folder: Path) -> bool:
    """True when the filesystem holding `folder` has (almost) no space left for this user."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024


def _revision_on(conn) -> str | None:
    if conn.dialect.name == "postgresql":
        # Asking first, rather than catching the error, keeps the caller's transaction usable: on PostgreSQL a
        # failed statement aborts the whole transaction the migration is about to run in.
        if not _has_version_table(conn):
            if not _has_foreign_tables(conn):
                return None
            # Tables but no alembic_version: another process may have committed a new schema between the two
            # look-ups (it commits both at once), so look once more before calling it someone else's database.
            if not _has_version_table(conn):
                raise DatabaseError("this database holds other tables and is not a catalogue")
    try:
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    except (OperationalError, ProgrammingError) as error:
        if "no such table" in str(error) or "does not exist" in str(error) or "UndefinedTable" in str(error):
            if _has_foreign_tables(conn):
                raise DatabaseError("this database holds other tables and is not a catalogue") from error
            return None
        raise
    return rows[0][0] if rows else None


def _has_version_table(conn) -> bool:
    return conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar()


def _has_foreign_tables(conn) -> bool:
    from sqlalchemy import inspect

    return bool(set(inspect(conn).get_table_names()) - {"alembic_version"})


def _backup(url: str) -> Path | None:
    """Copy a SQLite catalogue aside (consistently, through SQLite's backup API) before upgrading it."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    target = path.with_name(f"{path.name}.backup-{datetime.now():%Y%m%d-%H%M%S}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    except sqlite3.Error as error:
        raise DatabaseError(f"could not back up {path} before upgrading it: {error}") from error
    finally:
        source.close()
    return target


def _plain(error: BaseException) -> str:
    """The database's own message without SQLAlchemy's boilerplate."""
    original = getattr(error, "orig", None)
    return str(original or error).split("\n")[0]

