"""What a batch of read results becomes in the catalogue, whichever driver writes it: the rows, and the moves.

The store has two writers: `catalog.store`, through SQLAlchemy, for every case on SQLite and PostgreSQL, and
`catalog.quick_store`, through sqlite3 alone, for the common case of a first import (new photos into a SQLite
catalogue). Both make their rows here, from the same records, so that they write the same catalogue; each
only asks its own database the questions (`find_moved` there, `moves_among` here for the answer) and sends
the statements. This module imports neither SQLAlchemy nor the models. The columns that follow from the photo
alone are made before, in the reader process (`catalog.records.complete_record`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from catalog.reading import SENT_AS_TEXT, ReadResult
from catalog.scan import Found, file_exists, file_path, stored_path
from catalog.unchanged import Known

#: A photo's rows in the other tables, as a reader made them: (place names, place keys, credit tokens).
OtherRows = tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
#: (device, inode) -> (id, path, (fingerprint, size, mtime_ns)) of the records with that file identity.
ByIdentity = dict[tuple[int | None, int | None], list[tuple[int, str, tuple[str, int, int]]]]


@dataclass
class Stored:
    """What one batch did to the catalogue."""

    added: int = 0
    updated: int = 0
    moved: int = 0
    #: Paths that are another name for a file already catalogued (a hard link): path -> the catalogued path.
    same_file: dict[str, str] = field(default_factory=dict)
    #: The moves among them: new path -> the path the photo had (a watcher says where each came from).
    moved_from: dict[str, str] = field(default_factory=dict)
    #: New paths another process stored meanwhile as the same file (size and times): counted as unchanged, so that
    #: of two watchers or imports taking one file, one says "added" and the other nothing.
    already: set[str] = field(default_factory=set)


@dataclass
class Batch:
    """A batch of read results sorted for writing (`sort_batch`): the records of known paths, to update, and
    those of new paths, each with the rows of its other tables."""

    now: datetime
    done: Stored
    existing: list[tuple[int, dict, OtherRows]] = field(default_factory=list)  # (id, record, rows) to update
    new: list[tuple[Found, dict, OtherRows]] = field(default_factory=list)
    #: path -> the fingerprint of the kind made before XXH3 (see catalog.store.has_legacy_fingerprints)
    legacy: dict[str, str] = field(default_factory=dict)
    #: path -> fingerprint from an embedded thumbnail (catalog.variants)
    perceptual: dict[str, bytes] = field(default_factory=dict)
    #: stored path -> the record's JSON columns as text, when the reader made them (ReadResult.json_text)
    json_text: dict[str, dict[str, str | None]] = field(default_factory=dict)


def sort_batch(batch: list[ReadResult], known: dict[str, Known], now: datetime, *, texts_only: bool = False) -> Batch:
    """Each read record completed with its file's facts, and sorted into known paths (updated, counted here)
    and new ones (inserted or moved: the caller asks its database which). The reader completed the rest
    (`catalog.records.complete_record`), in its own process: the importing process writes, and should do nothing else.

    A result that carries its JSON columns as text (ReadResult.json_text) left some of them out of its record
    (catalog.reading.SENT_AS_TEXT): they are made again from the text, unless the caller stores the text as it
    is (`texts_only`: the quick writer)."""
    sorted_ = Batch(now, Stored())
    for result in batch:
        if result.record is None:
            continue
        found = result.found
        if result.perceptual:
            sorted_.perceptual[found.path] = result.perceptual
        record = dict(result.record)  # the batch is retried whole if the write lock was busy: leave it as it was
        rows: OtherRows = (result.places, result.keys, result.tokens)  # the rows of the photo's other tables
        if result.legacy_fingerprint:
            sorted_.legacy[found.path] = result.legacy_fingerprint
        path, raw_path = stored_path(found.path)
        if result.json_text is not None:
            sorted_.json_text[path] = result.json_text
            if not texts_only:
                _objects_again(record, result.json_text)
        record.update(path=path, raw_path=raw_path, size=found.size, mtime_ns=found.mtime_ns,
                      sidecar_mtime_ns=found.sidecar_mtime_ns, device=found.device, inode=found.inode,
                      missing_since=None, updated_at=now)
        record["content_hash"] = None  # the bytes may differ: `catalog verify` hashes them again
        entry = known.get(found.path)
        if entry:
            sorted_.existing.append((entry.id, record, rows))
            sorted_.done.updated += 1
        else:
            sorted_.new.append((found, record, rows))
    return sorted_


def _objects_again(record: dict, texts: dict[str, str | None]) -> None:
    """The JSON columns a reader sent as text alone (catalog.reading.SENT_AS_TEXT), made again from their text.

    >>> record = {"place": None, "keywords": None}
    >>> _objects_again(record, {"place": '{"id": "1808722"}', "keywords": "null"}); record
    {'place': {'id': '1808722'}, 'keywords': None}
    """
    for name in SENT_AS_TEXT:
        if name in texts:
            text = texts[name]
            record[name] = None if text is None else json.loads(text)


def identities_wanted(records: list[dict]) -> dict[int, set[int]]:
    """device -> inodes of the new records: what `moves_among` needs to know of the catalogued files."""
    inodes_of: dict[int, set[int]] = {}
    for r in records:
        if r.get("inode") is not None:
            inodes_of.setdefault(r["device"], set()).add(r["inode"])
    return inodes_of


def fingerprints_wanted(records: list[dict], legacy: dict[str, str]) -> list[str]:
    """The fingerprints whose records `moves_among` needs to know (a copy moved to another disk)."""
    return sorted({record["fingerprint"] for record in records} | set(legacy.values()))


def moves_among(
    records: list[dict], by_identity: ByIdentity, candidates: dict[str, list[tuple[int, str]]],
    legacy: dict[str, str],
) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    """The answer of catalog.store.find_moved (see there), given what the database holds of the records'
    file identities (`by_identity`) and fingerprints (`candidates`: fingerprint -> (id, path) of each)."""
    moved: dict[str, tuple[int, str]] = {}
    same: dict[str, str] = {}
    claimed: set[int] = set()
    # New paths of this batch by file identity: a hard link to a file of the same batch is that file too,
    # as it is when the file came in an earlier batch (else how batches fall would decide what is a photo).
    first_of: dict[tuple, tuple[str, str]] = {}
    for record in records:
        new_path = file_path(record["path"], record.get("raw_path"))
        identity = (record.get("device"), record.get("inode"))
        if identity[1] is not None:
            earlier, earlier_file = first_of.setdefault(identity, (record["path"], new_path))
            if earlier != record["path"] and _same_file(earlier_file, new_path):
                same[record["path"]] = same.get(earlier, earlier_file)
                continue
        for pid, old_path, (fingerprint, size, mtime_ns) in by_identity.get(identity, ()):
            if pid in claimed or old_path == new_path:
                continue
            if file_exists(old_path) and _same_file(old_path, new_path):
                same[record["path"]] = old_path
            elif fingerprint == record["fingerprint"] or (size, mtime_ns) == (record["size"], record["mtime_ns"]):
                # The file system gives a deleted file's inode to the next new file: the number alone is a rename
                # only when the content (or its size and time) came along too. The old path may hold another
                # file by now (a new picture sent under the name the renamed one had): the record still goes
                # with its file, and the other file is new when it is read.
                moved[record["path"]] = (pid, old_path)
                claimed.add(pid)
            break
        if record["path"] in moved or record["path"] in same:
            continue
        keys = (record["fingerprint"], legacy.get(record["path"]))
        for pid, old_path in (found for key in keys if key for found in candidates.get(key, ())):
            if pid not in claimed and old_path != new_path and not file_exists(old_path):
                moved[record["path"]] = (pid, old_path)
                claimed.add(pid)
                break
    return moved, same


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


#: The other tables of a photo, each with its columns in the order `other_row_values` gives them.
OTHER_TABLES = (("place_name", ("photo_id", "kind", "level", "name")), ("place_key", ("photo_id", "kind", "key")),
                ("person_token", ("photo_id", "role", "token")))


def other_rows(stored: list[tuple[int, OtherRows]]) -> tuple[list[dict], list[dict], list[dict]]:
    """The place_name, place_key and person_token rows of stored photos: (id, (places, keys, tokens)) pairs."""
    names, keys, tokens = (
        [dict(zip(columns, row, strict=True)) for row in rows]
        for (_, columns), rows in zip(OTHER_TABLES, other_row_values(stored), strict=True))
    return names, keys, tokens


def other_row_values(stored: list[tuple[int, OtherRows]]) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """`other_rows` as tuples in OTHER_TABLES' column order, as a driver's executemany takes them (the quick
    writer's: 11,000 rows for 1,000 press photos, each a dict made and taken apart again otherwise)."""
    names: list[tuple[Any, ...]] = []
    keys: list[tuple[Any, ...]] = []
    tokens: list[tuple[Any, ...]] = []
    for pid, (places, place_keys, credit_tokens) in stored:
        names += [(pid, kind, level, name) for kind, level, name in places]
        keys += [(pid, kind, key) for kind, key in dict.fromkeys(place_keys)]
        tokens += [(pid, role, token) for role, token in dict.fromkeys(credit_tokens)]
    return names, keys, tokens


def changes_of(stored: list[tuple[int, dict, OtherRows]], changes: dict[str, Known | None]) -> dict[str, Known | None]:
    """`changes` with an entry for each stored photo: what the import's view of the catalogue becomes."""
    for pid, record, _ in stored:
        changes[file_path(record["path"], record["raw_path"])] = Known(
            pid, record["size"], record["mtime_ns"], record.get("caption"), record["sidecar_mtime_ns"],
            record.get("manual"), record.get("device"), record.get("inode"))
    return changes


def apply_changes(known: dict[str, Known], changes: dict[str, Known | None]) -> None:
    """Bring the import's view of the catalogue up to date once a batch has committed."""
    for path, entry in changes.items():
        if entry is None:
            known.pop(path, None)
        else:
            known[path] = entry


def grouped(items: list, record_of: Callable[[Any], dict]) -> list[tuple[tuple, list]]:
    """Items grouped by their record's set of columns (one statement each), in order: ((keys, items), ...).

    The records of one import have their columns in one order or a few, so each order is sorted once: sorting
    sixty names for every record was 20 M instructions of the importing process's 0.8 G for 1,000 press JPEGs.
    """
    groups: dict[tuple, list] = {}
    sorted_keys: dict[tuple, tuple] = {}  # the columns in the record's order -> the same, sorted
    for item in items:
        keys = tuple(record_of(item))
        group = sorted_keys.get(keys)
        if group is None:
            group = sorted_keys[keys] = tuple(sorted(keys))
        groups.setdefault(group, []).append(item)
    return list(groups.items())
