"""`catalog import` of new photos into a SQLite catalogue without SQLAlchemy: the quick write path a first import
takes.

Importing SQLAlchemy and the models, and storing each photo through them, was most of what the importing
process did on a first import (0.3-0.4 s of start-up, then a third of a millisecond a photo), while its
reader processes read the files. This module makes a new catalogue from the prebuilt schema
(catalog/sqlite_schema.sql), or opens one at this version's schema (one query), and writes batches of new
photos with the standard library's sqlite3: the rows `catalog.store` would write, made by the same functions
(catalog.store_rows), in the same transactions (one per batch, taken with the write lock, so a killed import
keeps every batch it committed and the next one continues).

What it does not do is left to the full path, through the `Library` it opens when first needed: a batch with
a known path to update, a photo that moved, or a path another process inserted meanwhile; marking gone files
missing; grouping variants after the import. A catalogue it cannot
open as it is (PostgreSQL, another schema, not a catalogue) is not taken at all (`QuickImport.open` says
None). tests/test_quick_store.py imports the same folders through both paths and compares every table.

>>> target = QuickImport.open("/tmp/news.db", early, full=lambda: Library.open("/tmp/news.db"))  # doctest: +SKIP
>>> target.import_paths(["/wires/today"], early=early).added                                    # doctest: +SKIP
1000
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog import schema_version
from catalog.chunks import chunks
from catalog.reading import ReadResult
from catalog.scan import file_path
from catalog.sqlite_columns import BOOLEAN_COLUMNS, DATETIME_COLUMNS, JSON_COLUMNS, JSON_NONE_AS_NULL, json_text
from catalog.store_rows import (
    OTHER_TABLES,
    OtherRows,
    Stored,
    changes_of,
    fingerprints_wanted,
    grouped,
    identities_wanted,
    moves_among,
    other_row_values,
    sort_batch,
)
from catalog.unchanged import Known
from catalog.write_lock import BUSY_TIMEOUT_MS, WRITE_LOCK_ASK_MS, is_locked_error, with_write_lock, write_error

if TYPE_CHECKING:
    from catalog.captionsfile import Captions
    from catalog.importer import Progress
    from catalog.library import Library
    from catalog.unchanged import EarlyImport, ImportReport

#: Rows per multi-row INSERT at most: a batch goes in statements of this many rows, the rest in 16, 8, 4, 2 and 1
#: (see _statement_sizes), so that an import prepares at most six statement texts a table, each once (the sqlite3
#: module keeps prepared statements by their text). SQLite's parse of a long VALUES list costs about a third of
#: running it: with one statement a batch (up to 344 rows), every batch's size was a new text to parse.
ROWS_PER_STATEMENT = 32
#: SQLite's limit on host parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER; 999 before 3.32).
VARIABLES = 32766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999
#: Whether INSERT ... RETURNING is there (SQLite 3.35), to learn new photos' ids without asking again.
RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)


class FullPath(Exception):
    """This batch needs what only the full path does (an update, a move, a path inserted meanwhile)."""


class QuickImport:
    """An import's writer on a SQLite catalogue, with sqlite3 alone: what `catalog.importer.import_paths` needs of
    its target (as the `Library` offers it), new photos written here and everything else handed to the Library."""

    readonly = False
    read_only_reason = ""

    def __init__(self, connection: sqlite3.Connection, rules, full: Callable[[], Library],
                 on_wait: Callable[[str], None] | None):
        self.connection = connection
        self.rules = rules
        self._full = full
        self._library: Library | None = None
        self.on_wait = on_wait

    @classmethod
    def open(cls, location: str | None, early: EarlyImport, full: Callable[[], Library], *,
             on_wait: Callable[[str], None] | None = None) -> QuickImport | None:
        """The quick writer for the catalogue `location` names (a --db value), made from the prebuilt schema when
        it is new; None when the full path must open it (see the module's docstring). `full` opens the Library,
        for what this path leaves to it; `early`: the import, sorted and started (catalog.unchanged)."""
        catalogue = schema_version.sqlite_file(location)
        if catalogue is None or catalogue.is_dir() or not catalogue.parent.is_dir():
            return None
        try:
            connection = connect(catalogue)
        except sqlite3.Error:
            return None
        try:
            if with_write_lock(lambda: _at_head(connection), on_wait=on_wait, what="the catalogue",
                               errors=(sqlite3.OperationalError,)):
                return cls(connection, early.rules, full, on_wait)
        except sqlite3.Error:
            pass
        connection.close()
        return None

    def close(self) -> None:
        self.connection.close()

    def library(self) -> Library:
        """The full path's Library on the same catalogue, opened when first asked for."""
        if self._library is None:
            self._library = self._full()
        return self._library

    def import_paths(self, paths: list[str], *, captions: Captions | None = None, progress: Progress | None = None,
                     workers: int | None = None, early: EarlyImport | None = None) -> ImportReport:
        """See catalog.importer.import_paths (with `early`: this path starts from an import already sorted)."""
        from catalog.importer import import_paths

        if early is None:
            return self.library().import_paths(paths, captions=captions, progress=progress, workers=workers)
        return import_paths(self, paths, captions=captions, progress=progress, workers=workers, early=early)

    def store(self, batch: list[ReadResult], known: dict[str, Known]) -> tuple[Stored, dict[str, Known | None]]:
        """Write one batch in its own transaction (see catalog.store.store_batch): here when it holds new photos
        only, else through the Library."""
        def attempt():
            with _transaction(self.connection):
                return write_new(self.connection, batch, known)

        try:
            written = with_write_lock(attempt, on_wait=self.on_wait, what="the catalogue",
                                      errors=(sqlite3.OperationalError,))
            self._checkpoint()
            return written
        except FullPath:
            return self.library().store(batch, known)
        except sqlite3.Error as error:
            if is_locked_error(error):
                raise
            raise write_error(error, integrity=isinstance(error, sqlite3.IntegrityError)) from error

    def _checkpoint(self) -> None:
        """Copy what the batch just committed from the write-ahead log into the catalogue file, while the readers
        still read: else closing the connection copies the whole import's log at the end, with the readers
        done and nothing else to do (a tenth of the import's time). PASSIVE: it waits for no one, and a reader
        of the catalogue that holds the log back only leaves more to the close; a crash at any moment
        leaves the catalogue as sound as the log itself does."""
        try:
            self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            pass  # the close checkpoints whatever is left

    def mark_missing(self, ids: list[int]) -> int:
        """See catalog.store.mark_missing (through the Library)."""
        return self.library().mark_missing(ids)


def connect(catalogue: Path) -> sqlite3.Connection:
    """A connection to the catalogue file, tuned as catalog.db tunes the engine's (write-ahead log, foreign keys,
    a command's memory); SQLite makes the file if it is not there."""
    _bind_as_they_are()
    connection = sqlite3.connect(catalogue, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                 check_same_thread=False, cached_statements=schema_version.COMMAND.statements)
    try:
        for pragma in schema_version.sqlite_pragmas(schema_version.COMMAND):
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


def _bind_as_they_are() -> None:
    """Let the sqlite3 module bind None and bytes without looking for an adapter first.

    Python's sqlite3 (3.11 to 3.13) binds an int, a float or a str at once, but asks its adapter protocol about
    every other value: for None and bytes it looks up `__adapt__` and `__conform__`, both missing, and makes and
    drops an AttributeError for each, about a microsecond a value. A photo row holds a dozen NULLs and more (an
    import of 1,000 press photos binds some 17,000), and the importing process binds them while its readers
    read. Adapters registered for the two types give the value back as it was (`{}.get` answers None for None;
    `bytes` gives a bytes object back itself), so the same values are bound as before, without the look-ups.
    Registered once per process; they are the sqlite3 module's, so SQLAlchemy's connections bind as they did too.
    """
    sqlite3.register_adapter(type(None), _NONE)
    sqlite3.register_adapter(bytes, bytes)


#: None for None: a built-in, which the adapter protocol calls faster than a function of ours.
_NONE: Callable[[Any], Any] = {}.get


def _at_head(connection: sqlite3.Connection) -> bool:
    """Whether the catalogue is at this version's schema, made here from the prebuilt schema when it is new; False
    when the full path must open it (another revision, another database, rollback journal it would convert)."""
    revision = _revision(connection)
    if revision is None and not _other_tables(connection):
        statements = schema_version.sqlite_schema_statements()
        if statements is None:
            return False  # no schema file for this revision: the migrations make the catalogue
        with _transaction(connection):
            revision = _revision(connection)
            if revision is None and not _other_tables(connection):  # no other process made it meanwhile
                create_schema(connection, statements)
                revision = schema_version.SCHEMA_HEAD
    if revision != schema_version.SCHEMA_HEAD:
        return False
    return connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """A write transaction that holds the write lock from its start (BEGIN IMMEDIATE, as catalog.db's): asked for
    with little patience, so that with_write_lock says at once that it waits; committed at the end, rolled
    back on any exception (unless SQLite already did, as it may on a full disk)."""
    connection.execute(f"PRAGMA busy_timeout = {WRITE_LOCK_ASK_MS}")
    try:
        connection.execute("BEGIN IMMEDIATE")
    finally:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise
    return row[0] if row else ""


def _other_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is not None


def create_schema(connection: sqlite3.Connection, statements: list[str]) -> None:
    """Make the schema of a new catalogue, in the caller's transaction (as catalog.db makes it from the same file)."""
    for statement in statements:
        connection.execute(statement)


def write_new(connection: sqlite3.Connection, batch: list[ReadResult],
              known: dict[str, Known]) -> tuple[Stored, dict[str, Known | None]]:
    """The rows of a batch of new photos, written in the caller's transaction: (what was done, the changes to
    `known`), as catalog.store.store_batch makes them. Raises FullPath, before writing anything, when a record is
    not a new photo."""
    sorted_ = sort_batch(batch, known, datetime.now(), texts_only=True)
    if sorted_.existing:
        raise FullPath
    done, new = sorted_.done, sorted_.new
    records = [record for _, record, _ in new]
    legacy = sorted_.legacy
    moved, same = moves_among(records, _by_identity(connection, records), _candidates(connection, records, legacy),
                              legacy)
    if moved:
        raise FullPath
    done.same_file.update(same)
    still_new = [(record, rows) for _, record, rows in new if record["path"] not in same]
    if _ids_by_path(connection, [record["path"] for record, _ in still_new]):
        raise FullPath  # another process inserted one of these paths since the import looked
    stored: list[tuple[int, dict, OtherRows]] = []
    for _, group in grouped(still_new, lambda item: item[0]):
        for record, _ in group:
            record["imported_at"] = sorted_.now
        records = [record for record, _ in group]
        texts = [sorted_.json_text.get(record["path"]) for record in records]
        if RETURNING:
            ids = dict(_insert(connection, "photo", records, returning="path, id", stored=texts))
        else:
            _insert(connection, "photo", records, stored=texts)
            ids = _ids_by_path(connection, [record["path"] for record in records])
        stored += [(ids[record["path"]], record, rows) for record, rows in group]
        done.added += len(group)
    for (table, columns), values in zip(OTHER_TABLES, other_row_values([(pid, rows) for pid, _, rows in stored]),
                                        strict=True):
        if values:  # columns stored as they are (none is JSON, a flag or a time): no _row_values
            _insert_values(connection, table, columns, values)
    from catalog.rights import restriction_rows

    _insert_each(connection, "restriction",
                 [row for pid, record, _ in stored for row in restriction_rows(pid, record.get("restrictions"))])
    thumbnails = sorted_.perceptual
    if thumbnails:
        _store_perceptual(connection, [(pid, record["fingerprint"], thumbnails[path]) for pid, record, _ in stored
                                       if (path := file_path(record["path"], record["raw_path"])) in thumbnails])
    return done, changes_of(stored, {})


def _store_perceptual(connection: sqlite3.Connection, rows: list[tuple[int, str, bytes]]) -> None:
    """What the readers made from trusted thumbnails, (photo id, file fingerprint, fingerprint bytes): stored
    unplaced, with their index rows, as catalog.variants.store_imported stores them."""
    from catalog.fingerprints import BAND_COLUMNS, Fingerprint, band_values

    prints: list[dict] = []
    bands: list[tuple] = []
    for photo_id, file_fingerprint, data in rows:
        fp = Fingerprint.from_bytes(data)
        if fp is not None:
            prints.append({"photo_id": photo_id, "fingerprint": fp.to_bytes(), "file_fingerprint": file_fingerprint,
                           "made_from": fp.source, "group_id": None, "placed": False})
            bands += band_values(photo_id, fp)
    _insert_each(connection, "variant_fingerprint", prints)
    if bands:  # 44 rows a fingerprint, many a statement (see _insert_values): 15,708 for the benchmark's mixed 2,000
        _insert_values(connection, "variant_band", BAND_COLUMNS, bands)


def _by_identity(connection: sqlite3.Connection, records: list[dict]) -> dict:
    """(device, inode) -> (id, path, (fingerprint, size, mtime_ns)) of the records with the new files' identities."""
    found: dict = {}
    for device, inodes in identities_wanted(records).items():
        device_is = "device IS NULL" if device is None else "device = ?"
        for chunk in chunks(sorted(inodes), 500):
            rows = connection.execute(
                "SELECT id, path, raw_path, device, inode, fingerprint, size, mtime_ns FROM photo "
                f"WHERE {device_is} AND inode IN ({', '.join('?' * len(chunk))})",
                ([] if device is None else [device]) + chunk)
            for pid, path, raw, device_, inode, fingerprint, size, mtime_ns in rows:
                found.setdefault((device_, inode), []).append(
                    (pid, file_path(path, raw), (fingerprint, size, mtime_ns)))
    return found


def _candidates(connection: sqlite3.Connection, records: list[dict], legacy: dict[str, str]) -> dict:
    """fingerprint -> (id, path) of the catalogued photos with the new files' fingerprints."""
    found: dict = {}
    for chunk in chunks(fingerprints_wanted(records, legacy), 500):
        rows = connection.execute(
            f"SELECT id, path, raw_path, fingerprint FROM photo WHERE fingerprint IN ({', '.join('?' * len(chunk))})",
            chunk)
        for pid, path, raw, fingerprint in rows:
            found.setdefault(fingerprint, []).append((pid, file_path(path, raw)))
    return found


def _ids_by_path(connection: sqlite3.Connection, paths: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(paths, 500):
        found.update(connection.execute(
            f"SELECT path, id FROM photo WHERE path IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def _converters(table: str, names: list[str]) -> list[Callable[[Any], Any] | None]:
    """For each column, how its value is stored (None: as it is); see JSON_COLUMNS."""
    json_columns, as_null = JSON_COLUMNS.get(table, frozenset()), JSON_NONE_AS_NULL.get(table, frozenset())
    booleans, datetimes = BOOLEAN_COLUMNS.get(table, frozenset()), DATETIME_COLUMNS.get(table, frozenset())
    converters: list[Callable[[Any], Any] | None] = []
    for name in names:
        if name in json_columns:
            converters.append(_json_or_null if name in as_null else json_text)
        elif name in booleans:
            converters.append(_boolean)
        elif name in datetimes:
            converters.append(_datetime)
        else:
            converters.append(None)
    return converters


def _json_or_null(value):
    return None if value is None else json_text(value)


def _boolean(value):
    return None if value is None else int(bool(value))


@lru_cache(maxsize=8)
def _datetime(value: datetime | None) -> str | None:
    """As SQLAlchemy stores a datetime in SQLite: 2025-10-14 09:00:00.000000. (Remembered: every photo of a
    batch has the same times, imported_at and updated_at.)"""
    if value is None:
        return None
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
            f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}")


def _row_values(row: dict, pairs: list[tuple[str, Callable[[Any], Any] | None]],
                stored: dict[str, Any] | None = None) -> list:
    """One row's values in the columns' order, each as it is stored (see _converters); `stored`: values made
    so already (a reader's stored_json), taken as they are."""
    if stored:
        return [stored[name] if name in stored else row[name] if convert is None else convert(row[name])
                for name, convert in pairs]
    return [row[name] if convert is None else convert(row[name]) for name, convert in pairs]


def _values_of(rows: list[dict], made: Sequence[dict[str, Any] | None], names: list[str],
               pairs: list[tuple[str, Callable[[Any], Any] | None]]) -> list:
    """What `_row_values` gives for each row (with its `made` values, or None), one row after another in a
    flat list, as a multi-row INSERT binds them: the same values, with the columns taken by one C call a row
    (`operator.itemgetter` over the row and its made values merged) and only the columns that need it converted
    in Python. The photo table has sixty columns of which 18 convert (10 of them made by the reader): a Python
    expression for every column was 0.05 ms a row of the importing process, which writes for every reader."""
    take = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    # the columns to convert, by the names of the row's made values (one set a record shape, all of a batch's)
    plans: dict[tuple[str, ...], list[tuple[int, Callable[[Any], Any]]]] = {}
    values: list = []
    for row, texts in zip(rows, made, strict=True):
        key = tuple(texts) if texts else ()
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = [(index, convert) for index, (name, convert) in enumerate(pairs)
                                 if convert is not None and name not in key]
        taken = take({**row, **texts} if texts else row)
        if plan:
            taken = list(taken)
            for index, convert in plan:
                taken[index] = convert(taken[index])
        values += taken
    return values


def _columns(table: str, rows: list[dict]) -> tuple[list[str], list[tuple[str, Callable[[Any], Any] | None]]]:
    """The column names of rows that all have the same keys, and each with how its value is stored.

    The names are sorted, so that rows with the same columns make the same statement text whatever order their
    dicts hold them in (a record's keys follow the reader's path through the file): the sqlite3 module keeps
    prepared statements by their text, and SQLite's parse of a photo INSERT of 32 rows (1,920 values) is about
    half a millisecond. Taken in the first row's order, the 2,000 files of the benchmark's mixed folder made 31
    texts of the photo INSERT for its six sizes (the press folder 11), each prepared again; sorted, six."""
    names = sorted(rows[0])
    return names, list(zip(names, _converters(table, names), strict=True))


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _insert(connection: sqlite3.Connection, table: str, rows: list[dict], returning: str | None = None,
            stored: list[dict[str, Any] | None] | None = None) -> list:
    """INSERT rows that all have the same keys, many rows per statement: SQLite runs the full-text trigger of
    each statement in a statement transaction, so one statement per few hundred photos costs a quarter of what
    one per photo does (see catalog.store.insert_many); statements of 32 rows cost a tenth more to run than
    those of a few hundred, and a quarter of that to prepare (see ROWS_PER_STATEMENT). `returning`: columns of
    the inserted rows to return (in no particular order), so that the new ids need no query of their own;
    `stored`: for each row, values already made as stored (see _row_values)."""
    names, pairs = _columns(table, rows)
    head = f'INSERT INTO "{table}" ({_quoted(names)}) VALUES '
    group = "(" + ", ".join("?" * len(names)) + ")"
    tail = f" RETURNING {returning}" if returning else ""
    made = stored if stored is not None else [None] * len(rows)
    values = _values_of(rows, made, names, pairs)
    returned: list = []
    start = 0
    for size in _statement_sizes(len(rows), min(ROWS_PER_STATEMENT, VARIABLES // len(names))):
        returned += connection.execute(head + ", ".join([group] * size) + tail,
                                       values[start * len(names):(start + size) * len(names)]).fetchall()
        start += size
    return returned


def _insert_values(connection: sqlite3.Connection, table: str, columns: tuple[str, ...], values: list[tuple]) -> None:
    """INSERT rows given as tuples in `columns`' order, many rows per statement, in the order given (so each
    row has the id it had one statement a row). An executemany runs one statement a row, and SQLite opens and
    closes each one (a statement journal, its foreign key checks' counters, the driver's binding and reset):
    for the 11,000 place, key and token rows of 1,000 press photos 0.22 G instructions of the importing process
    through executemany, 0.1 G this way (rows per statement as _insert's, up to ROWS_PER_STATEMENT)."""
    head = f'INSERT INTO "{table}" ({_quoted(list(columns))}) VALUES '
    group = "(" + ", ".join("?" * len(columns)) + ")"
    start = 0
    for size in _statement_sizes(len(values), min(ROWS_PER_STATEMENT, VARIABLES // len(columns))):
        connection.execute(head + ", ".join([group] * size), [value for row in values[start:start + size]
                                                              for value in row])
        start += size


def _statement_sizes(count: int, most: int) -> Iterator[int]:
    """How many of `count` rows each multi-row statement takes: the largest power of two up to `most` as often
    as it fits, then the smaller powers of two the rest is made of, so that every size is one of a few.

    >>> list(_statement_sizes(125, 32)), list(_statement_sizes(3, 32)), list(_statement_sizes(20, 9))
    ([32, 32, 32, 16, 8, 4, 1], [2, 1], [8, 8, 4])
    """
    size = 1 << (max(1, most).bit_length() - 1)
    while count:
        if count >= size:
            yield size
            count -= size
        else:
            size //= 2


def _insert_each(connection: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """INSERT rows that all have the same keys through the driver's executemany (tables without triggers)."""
    if not rows:
        return
    names, pairs = _columns(table, rows)
    connection.executemany(f'INSERT INTO "{table}" ({_quoted(names)}) VALUES ({", ".join("?" * len(names))})',
                           [_row_values(row, pairs) for row in rows])
