"""Taking in the files a watcher found ready: read them, store them in one transaction, say what became of each.

This is the import (catalog.reading reads, catalog.store writes) for a handful of files named one by one,
not for folders: the catalogue is asked only about these paths, so a watcher's memory does not grow with
the catalogue. A file that changed while it was read is not stored (it is settling again); a photo that
arrives for the first time gets the house rules' arrival values (catalog.watch.arrival), one that is
a catalogued file renamed or moved keeps what it had.

>>> outcomes, changed = take_in(lib, [Ready(found, "staff/a.jpg")])   # doctest: +SKIP
>>> [(o.event, o.id) for o in outcomes]                                 # doctest: +SKIP
[('added', 12)]
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import and_, or_, select

from catalog.chunks import chunks
from catalog.errors import CatalogError
from catalog.models import Photo
from catalog.reading import ReaderSetup, read_all
from catalog.scan import Found, file_path, fingerprint, legacy_fingerprint, shown_real, stored_path
from catalog.store import find_moved, mark_missing, move_renamed, store_batch
from catalog.unchanged import Known, renamed_away
from catalog.watch.arrival import ArrivalRule, manual_values
from catalog.watch.settle import look, signature

if TYPE_CHECKING:
    from catalog.library import Library

#: What can become of a file. "waiting" is a file that stopped changing but is not whole yet (printed with
#: --verbose); "incomplete" one that stayed so for the give-up time.
EVENTS = ("added", "updated", "moved", "missing", "failed", "incomplete", "skipped", "waiting")


@dataclass(frozen=True)
class Outcome:
    """What became of one file: the event (one of EVENTS), the file, its photo's id, where it came from
    (moved), and why (failed, incomplete, skipped, waiting)."""

    event: str
    path: str
    id: int | None = None
    previous: str | None = None
    reason: str | None = None

    def to_json(self) -> dict:
        """The outcome as one JSON line's object; keys without a value are left out."""
        values = {"event": self.event, "path": self.path, "id": self.id, "from": self.previous,
                  "reason": self.reason}
        return {key: value for key, value in values.items() if value is not None}


class Ready(NamedTuple):
    """A file ready to read, and its path below the watched folder (for the arrival rules)."""

    found: Found
    relative: str


class Entry(NamedTuple):
    """A catalogued file as the watcher sees it: the import's Known, and whether it was found missing."""

    known: Known
    missing: bool


def catalogued(session, paths: list[str]) -> dict[str, Entry]:
    """path -> Entry for those of `paths` the catalogue holds (asked by path: a few rows, not the folder)."""
    photo = Photo.__table__.c
    found: dict[str, Entry] = {}
    for chunk in chunks(paths, 500):
        rows = session.execute(select(
            photo.id, photo.path, photo.raw_path, photo.size, photo.mtime_ns, photo.sidecar_mtime_ns, photo.manual,
            photo.missing_since, photo.device, photo.inode).where(
                photo.path.in_([stored_path(path)[0] for path in chunk])))
        for pid, path, raw, size, mtime, sidecar, manual, missing, device, inode in rows:
            found[file_path(path, raw)] = Entry(Known(pid, size, mtime, None, sidecar, manual or None, device, inode),
                                                missing is not None)
    return found


def catalogued_in(session, folder: str) -> dict[str, Entry]:
    """path -> Entry for the catalogued files directly in `folder` (not in its subfolders): what a rescan
    compares one folder's listing with, so that it never holds the index of a whole tree."""
    photo = Photo.__table__.c
    prefix = _prefix(folder)
    # the path index's range of "folder/..." less what lies deeper ("folder/x/..."), escaped for LIKE
    deeper = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" + os.sep + "%"
    rows = session.execute(select(photo.id, photo.path, photo.raw_path, photo.size, photo.mtime_ns,
                                  photo.sidecar_mtime_ns, photo.missing_since).where(
        _under(photo, prefix), photo.path.not_like(deeper, escape="\\")))
    return {file_path(path, raw): Entry(Known(pid, size, mtime, None, sidecar), missing is not None)
            for pid, path, raw, size, mtime, sidecar, missing in rows}


def present_under(session, folders: list[str]) -> Iterator[str]:
    """The path of every catalogued file under the folders not already marked missing, streamed in path
    order a few thousand rows at a time (a rescan finds with it the files of folders that went whole)."""
    photo = Photo.__table__.c
    statement = select(photo.path, photo.raw_path).where(
        or_(*(_under(photo, _prefix(folder)) for folder in folders)), photo.missing_since.is_(None))
    for path, raw in session.execute(statement, execution_options={"yield_per": 2000}):
        yield file_path(path, raw)


def _prefix(folder: str) -> str:
    return shown_real(folder).rstrip(os.sep) + os.sep


def _under(photo, prefix: str):
    # every path that starts with "folder/" sorts between "folder/" and "folder0" (the path index's range)
    return and_(photo.path >= prefix, photo.path < prefix[:-1] + chr(ord(os.sep) + 1))


def unchanged(found: Found, entry: Entry | None) -> bool:
    """Whether the catalogue already holds this file as it is now (and does not think it missing)."""
    return entry is not None and not entry.missing and (entry.known.size, entry.known.mtime_ns,
                                                         entry.known.sidecar_mtime_ns) == (
        found.size, found.mtime_ns, found.sidecar_mtime_ns)


def take_in(library: Library, ready: list[Ready], *, arrival: list[ArrivalRule] | tuple = (),
            workers: int | None = None) -> tuple[list[Outcome], list[str]]:
    """Read the ready files and store them in one transaction: (what became of each, the paths that changed
    while they were read and must settle again). Files the catalogue holds as they are give no outcome.

    Raises DatabaseError when the catalogue cannot be written (the caller tries again later).
    """
    paths = [item.found.path for item in ready]
    with library.session() as session:
        entries = catalogued(session, paths)
        legacy = library.legacy_fingerprints(session)
        todo = [item for item in ready if not unchanged(item.found, entries.get(item.found.path))]
        # a catalogued file renamed and a new one put under its old name: the record goes with the picture
        renamed = renamed_away([item.found for item in todo], {path: entry.known for path, entry in entries.items()})
        for old, new_path in renamed.items():
            entries[new_path] = entries.pop(old)
        new = [item.found for item in todo if item.found.path not in entries]
        known_already = _catalogued_elsewhere(session, new, legacy) if arrival and new else set()
    if not todo:
        return [], []
    if renamed:
        moves = [(entries[new_path].known.id, old, new_path) for old, new_path in renamed.items()]
        library.write(lambda session: move_renamed(session, moves), "the catalogue")
    at = datetime.now().isoformat(timespec="seconds")
    manual: dict[str, dict] = {}
    for item in todo:
        entry = entries.get(item.found.path)
        if entry is not None:
            if entry.known.manual:
                manual[item.found.path] = dict(entry.known.manual)
        elif arrival and item.found.path not in known_already:
            values = manual_values(list(arrival), item.relative, at)
            if values:
                manual[item.found.path] = values
    setup = ReaderSetup(library.rules, legacy, manual)
    results, changed = [], []
    for result in read_all([item.found for item in todo], setup, workers):
        if signature(look(result.found.path)) != signature(result.found):
            changed.append(result.found.path)  # written to while it was read: what was read may be half
        else:
            results.append(result)
    outcomes = [Outcome("failed", result.found.path, reason=result.failure.reason)
                for result in results if result.failure is not None]
    stored = [result for result in results if result.record is not None]
    if not stored:
        return outcomes, changed
    known = {path: entry.known for path, entry in entries.items()}
    renamed_from = {new_path: old for old, new_path in renamed.items()}
    done, changes = library.write(lambda session: store_batch(session, stored, known, rules=library.rules),
                                  "the catalogue")
    for result in stored:
        path = result.found.path
        shown = stored_path(path)[0]
        entry = changes.get(path)
        pid = entry.id if entry else None
        if shown in done.already:
            continue  # another watcher (or an import) stored this very file meanwhile, and says so itself
        if shown in done.same_file:
            outcomes.append(Outcome("skipped", path, reason=f"the same file as {done.same_file[shown]} "
                                                            "(a hard link), catalogued there"))
        elif shown in done.moved_from:
            outcomes.append(Outcome("moved", path, pid, previous=done.moved_from[shown]))
        elif path in renamed_from:
            outcomes.append(Outcome("moved", path, pid, previous=renamed_from[path]))
        elif path in entries:
            outcomes.append(Outcome("updated", path, pid))
        else:
            outcomes.append(Outcome("added", path, pid))
    arrived = [o.id for o in outcomes if o.id is not None and o.event in ("added", "updated", "moved")]
    _fingerprint_arrivals(library, arrived, workers)
    return outcomes, changed


def _fingerprint_arrivals(library: Library, ids: list[int], workers: int | None) -> None:
    """Fingerprint the photos that just arrived and put them in their variant groups (catalog.variants), when
    the house rules ask it of imports too (`[variants] after_import = true`); otherwise `catalog variants`
    and `similar:` do it when first needed. Off by default as for an import: a placement compares the new
    photo with its candidates at 12-30 ms each, and under a steady stream of look-alike arrivals (a 40-minute
    soak at 5 files/s) the watcher fell behind. A failure here never loses an arrival: it is stored already."""
    if not ids:
        return
    from catalog import variants

    if not variants.variant_rules(library.rules).after_import:
        return

    try:
        variants.bring_up_to_date(library, workers=workers, ids=ids)
    except CatalogError:  # the catalogue is busy or read-only: the next look-up fingerprints what is left
        return


def _catalogued_elsewhere(session, files: list[Found], legacy: bool) -> set[str]:
    """Which new paths are a catalogued file under another name (renamed, moved, hard-linked): those keep
    what they had and get no arrival values. Asked the way the store will ask (catalog.store.find_moved)."""
    records: list[dict[str, Any]] = []
    legacy_prints: dict[str, str] = {}
    for found in files:
        try:
            print_ = fingerprint(found.path, found.size)
            if legacy:
                legacy_prints[stored_path(found.path)[0]] = legacy_fingerprint(found.path, found.size)
        except OSError:
            continue
        path, raw = stored_path(found.path)
        records.append({"path": path, "raw_path": raw, "device": found.device, "inode": found.inode,
                        "fingerprint": print_})
    moved, same = find_moved(session, records, legacy_prints)
    return {file_path(path, raw) for path, raw in ((r["path"], r["raw_path"]) for r in records)
            if path in moved or path in same}


def mark_gone(library: Library, paths: list[str]) -> list[Outcome]:
    """Mark the photos of these paths missing, those whose files are still gone now; one outcome each.
    Paths the catalogue does not hold cost a look-up, not a write."""
    photo = Photo.__table__.c

    def gone(session) -> list[tuple[int, str]]:
        found = []
        for chunk in chunks(paths, 500):
            rows = session.execute(select(photo.id, photo.path, photo.raw_path).where(
                photo.path.in_([stored_path(path)[0] for path in chunk]), photo.missing_since.is_(None)))
            found += [(pid, file_path(path, raw)) for pid, path, raw in rows
                      if not os.path.lexists(file_path(path, raw))]
        return found

    with library.session() as session:
        if not gone(session):
            return []

    def action(session) -> list[tuple[int, str]]:
        marked = gone(session)  # again, inside the write: another watcher may have moved one meanwhile
        mark_missing(session, [pid for pid, _ in marked])
        return marked

    return [Outcome("missing", path, pid) for pid, path in library.write(action, "the catalogue")]
