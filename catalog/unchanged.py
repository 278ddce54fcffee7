"""What an import has to do, decided before a file is opened; and the answer, without SQLAlchemy, when it is nothing.

An import sorts what the scan found (`to_read`): a file is unchanged when its size, modification time and
sidecar time are those its record holds (and no captions file gives it another caption); every other image
is read; a catalogued file the scan did not meet is gone. `catalog.importer` sorts by this rule, and so does
`check_unchanged`, which `catalog import` asks first: it reads a SQLite catalogue with the standard library's
sqlite3 alone, before the command imports SQLAlchemy, Alembic, the models or the readers (`import
sqlalchemy` alone takes 0.35 s here; scanning 1,000 files and reading their rows, 0.02 s). When every file
is unchanged and no record under the folders is gone or marked missing, the full import would write
nothing, so its report is the answer: the same counts, the same failures, the same exit status.

In every other case it answers None and the full import runs: anything to read, anything gone or
missing, a catalogue that is not a writable SQLite file in write-ahead-log mode at this version's schema,
PostgreSQL, more than KNOWN_PATHS_LIMIT paths, or a database it cannot read.

The full import can start the same way (`start_import`): on such a SQLite catalogue, or a new one, what to
read is sorted here with sqlite3 and the reader processes start reading at once (`catalog.reading.
StartedReading`), while the command opens the catalogue: `catalog.quick_store` with sqlite3 on such a
catalogue (new photos stored without SQLAlchemy), else the Library (importing SQLAlchemy takes a third of a
second and more, which on a folder of a few hundred files is as long as the reading). `catalog.importer`
then stores what they read, as it stores what it sorted and started itself.

>>> report = check_unchanged("catalog.db", ["images/"])     # doctest: +SKIP
>>> report.unchanged if report else "the full import runs"   # doctest: +SKIP
1000
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from catalog.metadata.types import ReadFailure
from catalog.scan import Found, Skipped, file_path, scan, shown_path, shown_real
from catalog.schema_version import SCHEMA_HEAD, sqlite_file

if TYPE_CHECKING:
    from catalog.captionsfile import Captions
    from catalog.reading import StartedReading
    from catalog.store import Stored

#: Up to this many folders and files given to one import, the catalogue is asked for the records under each
#: (`bounds`); with more, `catalog.store.known_files` reads every record, and this check leaves such an
#: import to the full path.
KNOWN_PATHS_LIMIT = 50


class Known(NamedTuple):
    """A catalogued file as the unchanged-file check sees it."""

    id: int
    size: int
    mtime_ns: int
    #: The stored caption, read only when a captions file may override it (else None).
    caption: str | None
    sidecar_mtime_ns: int | None
    #: What a person set on this photo (the `manual` column), None when nothing.
    manual: dict | None = None
    #: The file's identity when it was stored (device, inode), where the reader of the catalogue asked for it.
    device: int | None = None
    inode: int | None = None


@dataclass
class ImportReport:
    """What an import did: counts, and every failure with its reason."""

    added: int = 0
    updated: int = 0
    moved: int = 0
    unchanged: int = 0
    skipped: int = 0  # not images by their extension
    failures: list[ReadFailure] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    #: Paths that are another name (a hard link) for a file already catalogued: path -> its catalogued path.
    same_file: dict[str, str] = field(default_factory=dict)
    #: Catalogued files under the imported folders that are no longer there (marked missing).
    missing: int = 0
    #: Names the captions file gives a caption that no file of the import took (a typo, a file not found).
    captions_unused: list[str] = field(default_factory=list)
    #: Files imported whose image data is cut short: (path, why). Their metadata is in the catalogue.
    damaged: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def stored(self) -> int:
        return self.added + self.updated + self.moved

    def merge(self, other: Stored) -> None:
        """Add the counts of a part of the import (one committed batch)."""
        self.added += other.added
        self.updated += other.updated
        self.moved += other.moved
        self.same_file.update(other.same_file)
        self.unchanged += len(other.same_file) + len(other.already)


def to_read(
    found: Iterable[Found | ReadFailure | Skipped],
    known: Mapping[str, Known],
    report: ImportReport,
    seen: set[str],
    captions: Captions | None = None,
) -> Iterator[Found]:
    """The files among what the scan `found` that the import must read, in the scan's order.

    The others are counted in `report` (unchanged, skipped, failures); every path the scan met, read or
    not, goes into `seen`, so that a record whose path is not there is gone. A file is unchanged when its
    size, modification time and newest sidecar time are its record's, and `captions` gives it no caption
    other than the stored one.
    """
    for item in found:
        if isinstance(item, Skipped):
            report.skipped += 1
            continue
        if isinstance(item, ReadFailure):
            report.failures.append(item)
            seen.add(item.path)
            continue
        seen.add(item.path)
        entry = known.get(item.path)
        if entry and (entry.size, entry.mtime_ns, entry.sidecar_mtime_ns) == (
                item.size, item.mtime_ns, item.sidecar_mtime_ns):
            given = captions.get(item.path) if captions is not None else None
            if given is None or entry.caption == given.text:
                report.unchanged += 1
                continue
        yield item


def gone_under(known: Mapping[str, Known], seen: set[str], paths: list[str]) -> list[str]:
    """The catalogued files under `paths` that the scan did not meet: gone from where their records say.

    `known` holds every record when an import is given more than KNOWN_PATHS_LIMIT paths (see
    `catalog.store.known_files`); only those under the paths can be gone, not the rest of the catalogue.
    """
    if len(paths) <= KNOWN_PATHS_LIMIT:
        return [path for path in known if path not in seen]
    ranges = bounds(paths)
    wholes = {given for given, _, _ in ranges}
    folders = tuple(folder for _, folder, _ in ranges)
    return [path for path in known if path not in seen
            and (shown_path(path) in wholes or shown_path(path).startswith(folders))]


def bounds(paths: Iterable[str]) -> list[tuple[str, str, str]]:
    """For each folder or file given to an import: (its path, the first path under it, the bound past the
    last), spelled as the catalogue spells paths (real, escaped).

    Every path that starts with "folder/" sorts between "folder/" and "folder0" ('0' follows '/'), so the
    unique index on path answers each as a range.

    >>> bounds(["/wires/afp"])
    [('/wires/afp', '/wires/afp/', '/wires/afp0')]
    """
    ranges = []
    for given in paths:
        given = shown_real(given)
        folder = given.rstrip(os.sep) + os.sep
        ranges.append((given, folder, folder[:-1] + chr(ord(os.sep) + 1)))
    return ranges


def check_unchanged(db: str | None, paths: list[str]) -> ImportReport | None:
    """The report of importing `paths` into the catalogue `db` names (a --db value) when that import would
    change nothing: every image unchanged, no record under them gone or missing. None when the full import
    must run (see the module's docstring for every case); never raises for a catalogue it cannot read."""
    started = time.monotonic()
    catalogue = sqlite_file(db)
    if catalogue is None or not paths or len(paths) > KNOWN_PATHS_LIMIT or not _writable(catalogue):
        return None
    try:
        known = _known(catalogue, paths)
    except (sqlite3.Error, OSError, ValueError):
        return None
    if known is None:
        return None
    report = ImportReport()
    seen: set[str] = set()
    for _ in to_read(scan(paths), known, report, seen):
        return None  # a file to read
    if gone_under(known, seen, paths):
        return None  # a file gone: the full import marks it missing
    report.seconds = time.monotonic() - started
    return report


@dataclass
class EarlyImport:
    """An import sorted and its reading started before the catalogue is opened (`start_import`): what
    `catalog.importer.import_paths` would have found itself, and the readers already at work."""

    known: dict[str, Known]
    report: ImportReport
    seen: set[str]
    #: The files to read, in the scan's order, and their reading (started; None when there is nothing to read).
    wanted: list[Found]
    reading: StartedReading | None
    started: float
    #: The house rules the readers use (the --rules file, else those stored in the catalogue, else the default).
    rules: object = None
    #: Catalogued files renamed with a new file under the old name: old path -> new path (renamed_away).
    renamed: dict[str, str] = field(default_factory=dict)

    def close(self) -> None:
        """Stop the readers: the import will not run (the catalogue could not be opened)."""
        if self.reading is not None:
            self.reading.close()


def start_import(db: str | None, paths: list[str], *, captions: Captions | None = None, rules_file: str | None = None,
                 workers: int | None = None) -> EarlyImport | None:
    """The import of `paths` into the SQLite catalogue `db` names, sorted and its readers started, with the
    standard library alone; None when the full import must sort it itself (every case `check_unchanged`
    leaves to it, except that a new catalogue and records marked missing are taken here)."""
    started = time.monotonic()
    catalogue = sqlite_file(db)
    if catalogue is None or not paths or len(paths) > KNOWN_PATHS_LIMIT:
        return None
    if catalogue.exists():
        if not _writable(catalogue):
            return None
        try:
            connection = _connect(catalogue)
            try:
                known = _known_on(connection, paths, missing_too=True, with_captions=captions is not None,
                                  manual=True)
                stored_rules = None if rules_file else _setting(connection, "rules")
                legacy = _has_legacy_fingerprints(connection)
            finally:
                connection.close()
        except (sqlite3.Error, OSError, ValueError):
            return None
        if known is None:
            return None
    elif catalogue.parent.is_dir() and os.access(catalogue.parent, os.W_OK):
        known, stored_rules, legacy = {}, None, False  # a new catalogue, made by the full import's opening
    else:
        return None
    from catalog import place_memo
    from catalog.captions.rules import load_rules
    from catalog.reading import ReaderSetup, StartedReading

    rules = load_rules(rules_file) if rules_file else load_rules(text=stored_rules) if stored_rules else load_rules()
    report = ImportReport()
    seen: set[str] = set()
    wanted = list(to_read(scan(paths), known, report, seen, captions))
    renamed = renamed_away(wanted, known)
    follow_renames(known, renamed)  # before the hand-set values are handed to the readers, path by path
    reading = None
    if wanted:
        place_memo.current()  # read once here: forked readers start with it
        # json_text: the quick writer (catalog.quick_store), which takes an import started here, stores the
        # JSON columns as the readers made them.
        setup = ReaderSetup(rules, legacy, manual_values(wanted, known, captions), json_text=True)
        reading = StartedReading(wanted, setup, workers)
    return EarlyImport(known, report, seen, wanted, reading, started, rules, renamed)


def manual_values(wanted: list[Found], known: Mapping[str, Known], captions: Captions | None) -> dict[str, dict]:
    """What a person set on each file to be read: the values on its record, and a caption from the captions
    file given to this import (which replaces a caption set before: it is the newer instruction)."""
    from datetime import datetime

    now = datetime.now().isoformat(timespec="seconds")
    values = {}
    for found in wanted:
        entry = known.get(found.path)
        manual = dict(entry.manual) if entry and entry.manual else {}
        given = captions.get(found.path) if captions is not None else None
        if given is not None and (manual.get("caption") or {}).get("value") != given.text:
            manual["caption"] = {"value": given.text, "at": now, "by": "captions file"}
        if manual:
            values[found.path] = manual
    return values


def _writable(catalogue: Path) -> bool:
    """Whether the full import could write the catalogue (else it would say it cannot: leave that to it)."""
    return catalogue.is_file() and os.access(catalogue, os.W_OK) and os.access(catalogue.parent, os.W_OK)


#: The records under one folder or file given to the import (see `bounds`).
_UNDER = "path = ? OR (path >= ? AND path < ?)"


def _known(catalogue: Path, paths: list[str]) -> dict[str, Known] | None:
    """path -> Known for the records under `paths`, as `catalog.store.known_files` reads them; None when the
    catalogue is not one the full import would open as it is (not in WAL mode, another schema) or a record
    under the paths is marked missing."""
    connection = _connect(catalogue)
    try:
        return _known_on(connection, paths)
    finally:
        connection.close()


def _connect(catalogue: Path) -> sqlite3.Connection:
    """A connection that may not write (query_only), opened read-write as the full import's is: a read-only
    connection to a WAL catalogue leaves its -wal and -shm files behind, which the last read-write
    connection to close removes."""
    connection = sqlite3.connect(f"file:{quote(str(catalogue))}?mode=rw", uri=True, isolation_level=None)
    try:
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _known_on(connection: sqlite3.Connection, paths: list[str], *, missing_too: bool = False,
              with_captions: bool = False, manual: bool = False) -> dict[str, Known] | None:
    """`_known` on an open connection; a record marked missing is taken too when `missing_too`, and the
    stored caption and what a person set are read when asked for (`with_captions`, `manual`), as
    known_files reads them."""
    if connection.execute("PRAGMA journal_mode").fetchone() != ("wal",):
        return None  # the full import would switch it to WAL, a change to the file
    if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(SCHEMA_HEAD,)]:
        return None  # the full import would upgrade it (or refuse it)
    if manual:  # json only for what a person set: the unchanged check (manual=False) does without importing it
        import json
    where = " OR ".join(f"({_UNDER})" for _ in paths)
    columns = (f"id, path, raw_path, size, mtime_ns, sidecar_mtime_ns, missing_since, "
               f"{'caption' if with_captions else 'NULL'}, {'manual' if manual else 'NULL'}, device, inode")
    rows = connection.execute(f"SELECT {columns} FROM photo WHERE {where}",
                              [value for bound in bounds(paths) for value in bound])
    known = {}
    for pid, path, raw_path, size, mtime_ns, sidecar_mtime_ns, missing_since, caption, values, device, inode in rows:
        if missing_since is not None and not missing_too:
            return None  # a record marked missing: leave what becomes of it to the full import
        known[file_path(path, raw_path)] = Known(pid, size, mtime_ns, caption, sidecar_mtime_ns,
                                                 (json.loads(values) if values else None) or None, device, inode)
    return known


def renamed_away(wanted: list[Found], known: dict[str, Known]) -> dict[str, str]:
    """Catalogued files renamed with a new file put under the old name (a wire sends a corrected picture as
    photo.jpg after the desk kept the first as photo-v1.jpg): old path -> new path of each.

    The old path's record belongs to the renamed file (its identity, size and time came along), not to the
    new file that took its name: what a person set on it, its kill and its stories go with the picture.
    Done by path, the picture under the new name became a new photo, and the new file inherited the rest.
    """
    arrived = {(found.device, found.inode): found for found in wanted
               if found.path not in known and found.inode is not None}
    pairs = {}
    for found in wanted:
        entry = known.get(found.path)
        if entry is None or entry.inode is None or (entry.device, entry.inode) == (found.device, found.inode):
            continue
        renamed = arrived.get((entry.device, entry.inode))
        if renamed is not None and (renamed.size, renamed.mtime_ns) == (entry.size, entry.mtime_ns):
            pairs[found.path] = renamed.path
    return pairs


def follow_renames(known: dict[str, Known], renamed: dict[str, str]) -> None:
    """Make the import's view of the catalogue hold each renamed record under its new path (renamed_away)."""
    for old, new in renamed.items():
        known[new] = known.pop(old)


def _setting(connection: sqlite3.Connection, key: str) -> str | None:
    """A catalogue-wide setting (the `setting` table), as `Library.get_setting` reads it."""
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _has_legacy_fingerprints(connection: sqlite3.Connection) -> bool:
    """As `catalog.store.has_legacy_fingerprints`: some record still carries a pre-XXH3 fingerprint."""
    return connection.execute("SELECT id FROM photo WHERE length(fingerprint) = 40 LIMIT 1").fetchone() is not None
