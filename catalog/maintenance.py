"""Checking a catalogue against its files: full content hashes, missing files, byte-identical duplicates.

Import recognises a file by its path and stat, and a moved file by a fingerprint of three sampled blocks
(see catalog.importer): cheap, but blind to bytes it does not sample. `verify` reads every byte once:

- a photo with no SHA-256 yet gets one (stored in ``photo.content_hash``);
- a photo whose file changed since it was imported (another size or modification time) gets the hash of
  what is there now, and is listed as changed: `catalog import` refreshes its record (and clears the hash);
- with ``rehash=True``, photos that already have a hash are read again, and one whose bytes differ while
  its size and time did not is listed as altered (damaged on disk, or edited by a tool that kept the time);
- a photo whose file is gone is listed as missing;
- photos with the same SHA-256 are byte-identical duplicates, listed in groups.

Hashes are stored in batches, each its own transaction, so an interrupted verify keeps what it hashed.

>>> report = verify(Library.open("news.db"), ["in:Gansu"])       # doctest: +SKIP
>>> report.missing, [len(group) for group in report.duplicates]   # doctest: +SKIP
(['/wires/gansu-001.jpg'], [2])
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import cast

from sqlalchemy import Table, and_, func, select, update

from catalog.importer import batches
from catalog.metadata.types import ReadFailure
from catalog.models import Photo

#: Hashes per transaction (and at most BATCH_SECONDS of hashing), so an interrupted run keeps its work.
BATCH = 200
BATCH_SECONDS = 2.0


@dataclass
class Checked:
    """One photo the verify looked at."""

    id: int
    path: str
    size: int
    mtime_ns: int
    content_hash: str | None


@dataclass
class VerifyReport:
    """What a verify found: counts, the paths in each state, and duplicate groups (lists of paths)."""

    checked: int = 0
    hashed: int = 0  # hashes computed and stored in this run
    already: int = 0  # photos whose stored hash was taken as it is (unchanged files, without rehash)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def problems(self) -> bool:
        """True when a file is missing, altered or unreadable: what a script checking the archive acts on."""
        return bool(self.missing or self.altered or self.failures)


def sha256_file(path: str) -> str:
    """The SHA-256 of every byte of a file, as 64 hex digits."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def verify(
    lib,
    args: list[str],
    *,
    rehash: bool = False,
    workers: int | None = None,
    total: Callable[[int], None] | None = None,
    advance: Callable[[int], None] | None = None,
) -> VerifyReport:
    """Check the photos the search terms select (all of them without terms); see the module docstring.

    `total(n)` is called once with the number of files to read, `advance(n)` as they are read. Ctrl-C stops
    after storing the hashes read so far (`report.interrupted`); the next run reads only what is left.
    """
    started = time.monotonic()
    report = VerifyReport()
    selected = _selected(lib, args)
    report.checked = len(selected)
    to_read: list[tuple[Checked, bool]] = []  # (photo, changed since import)
    for photo in selected:
        try:
            info = os.stat(photo.path)
        except FileNotFoundError:
            report.missing.append(photo.path)
            continue
        except OSError as error:
            report.failures.append(ReadFailure(photo.path, f"cannot be read ({error.strerror or error})"))
            continue
        changed = info.st_size != photo.size or info.st_mtime_ns != photo.mtime_ns
        if changed:
            report.changed.append(photo.path)
        if changed or photo.content_hash is None or rehash:
            to_read.append((photo, changed))
        else:
            report.already += 1
    if total:
        total(len(to_read))
    try:
        for batch in batches(_hashes(to_read, workers), BATCH, BATCH_SECONDS):
            updates = []
            for (photo, changed), digest, failure in batch:
                if failure is not None:
                    report.failures.append(failure)
                    continue
                if photo.content_hash is not None and not changed and digest != photo.content_hash:
                    report.altered.append(photo.path)
                if digest != photo.content_hash:
                    updates.append({"pid": photo.id, "digest": digest})
                report.hashed += 1
            if updates:
                lib.write(partial(_store_hashes, updates=updates), "the catalogue")
            if advance:
                advance(len(batch))
    except KeyboardInterrupt:
        report.interrupted = True
    report.duplicates = _duplicates(lib, {photo.id for photo in selected}, set(report.missing))
    for paths in (report.missing, report.changed, report.altered):
        paths.sort()
    report.seconds = time.monotonic() - started
    return report


def _selected(lib, args: list[str]) -> list[Checked]:
    """The photos the terms select (every photo without terms), as the few columns verify needs."""
    columns = (Photo.id, Photo.path, Photo.size, Photo.mtime_ns, Photo.content_hash)
    statement = select(*columns).order_by(Photo.path)
    if args:
        statement = statement.where(Photo.id.in_(lib.matching_ids(args)))
    with lib.session() as session:
        return [Checked(*row) for row in session.execute(statement)]


def _hashes(items: list[tuple[Checked, bool]], workers: int | None) -> Iterator[tuple]:
    """(item, sha256, None) or (item, None, failure) for each item, hashed by threads (hashlib frees the GIL)."""

    def one(item):
        try:
            return item, sha256_file(item[0].path), None
        except OSError as error:
            return item, None, ReadFailure(item[0].path, f"cannot be read ({error.strerror or error})")

    if len(items) < 8:
        yield from map(one, items)
        return
    with ThreadPoolExecutor(workers or min(4, os.cpu_count() or 1)) as pool:
        # A sliding window, not pool.map over everything: results come in order and memory stays flat.
        window = 64
        pending = [pool.submit(one, item) for item in items[:window]]
        next_item = window
        try:
            while pending:
                result = pending.pop(0).result()
                if next_item < len(items):
                    pending.append(pool.submit(one, items[next_item]))
                    next_item += 1
                yield result
        finally:
            for future in pending:
                future.cancel()


def _store_hashes(session, updates: list[dict]) -> None:
    from sqlalchemy import bindparam

    session.connection().execute(
        update(cast(Table, Photo.__table__))
        .where(Photo.__table__.c.id == bindparam("pid"))
        .values(content_hash=bindparam("digest")),
        updates,
    )


def _duplicates(lib, selected: set[int], missing: set[str]) -> list[list[str]]:
    """Groups of paths with the same SHA-256 (files still there), each holding at least one selected photo."""
    shared = (
        select(Photo.content_hash)
        .where(Photo.content_hash.is_not(None))
        .group_by(Photo.content_hash)
        .having(func.count(Photo.id) > 1)
    )
    statement = (
        select(Photo.content_hash, Photo.id, Photo.path)
        .where(and_(Photo.content_hash.in_(shared)))
        .order_by(Photo.content_hash, Photo.path)
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    with lib.session() as session:
        for digest, pid, path in session.execute(statement):
            if path not in missing and (pid in selected or os.path.exists(path)):
                groups.setdefault(digest, []).append((pid, path))
    found = [
        [path for _, path in members]
        for members in groups.values()
        if len(members) > 1 and any(pid in selected for pid, _ in members)
    ]
    return sorted(found)
