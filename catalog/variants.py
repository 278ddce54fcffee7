"""Variant groups in the database: a new photo's copies found through an index, never by comparing all pairs.

Multi-index hashing. Each photo's ten window hashes (see `catalog.fingerprints`) are cut into four 16-bit
bands; every (band, bits) pair is a row of `variant_band`, keyed by one indexed integer. A new photo looks up
its own bands and those one bit away (680 keys at most), so every stored hash within a few bits of one of its
own comes back; the exact distance (stage one) and the aligned comparison (stage two) are then computed on
those candidates only. At 100,000 photos a look-up returns a few dozen rows (bench/variants.py measures it).

A photo's whole-picture hash is compared with the other's window hashes and the other way round, never window
with window: a crop's whole picture is one of the original's windows.

Groups: `group_for` puts a photo in the group of every photo it is a variant of, merging groups when it
joins two (a union of close matches, kept in `variant_fingerprint.group_id`). A group's id is the smallest
photo id it held when it was made or merged; a photo with no variant has none.

The tables live on their own MetaData here until they move into catalog.models and a migration:

>>> sorted(metadata.tables)
['variant_band', 'variant_fingerprint']
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    Table,
    delete,
    insert,
    select,
    update,
)

from catalog import fingerprints as fp_module
from catalog.fingerprints import Fingerprint

metadata = MetaData(naming_convention={"ix": "ix_%(table_name)s_%(column_0_N_name)s",
                                       "pk": "pk_%(table_name)s"})

#: One row per fingerprinted photo: its fingerprint (Fingerprint.to_bytes) and its variant group.
variant_fingerprint = Table(
    "variant_fingerprint", metadata,
    Column("photo_id", Integer, primary_key=True, autoincrement=False),
    Column("fingerprint", LargeBinary, nullable=False),
    #: The photo's variant group (None while it has no known variant).
    Column("group_id", Integer, index=True),
)

#: The index: one row per band of each window hash. `key` is band << 16 | bits; `hash` the window's whole
#: 64-bit hash (as a signed integer), so the exact distance needs no second look-up.
variant_band = Table(
    "variant_band", metadata,
    Column("key", Integer, primary_key=True, autoincrement=False),
    Column("photo_id", Integer, primary_key=True, autoincrement=False),
    Column("window", SmallInteger, primary_key=True, autoincrement=False),
    Column("hash", BigInteger, nullable=False),
    Index("ix_variant_band_photo_id", "photo_id"),
    sqlite_with_rowid=False,
)


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def add(conn, photo_id: int, fp: Fingerprint) -> None:
    """Store (or replace) a photo's fingerprint and its index rows. Its group is left to `group_for`."""
    remove(conn, photo_id, keep_group=True)
    existing = conn.execute(select(variant_fingerprint.c.photo_id)
                            .where(variant_fingerprint.c.photo_id == photo_id)).first()
    if existing:
        conn.execute(update(variant_fingerprint).where(variant_fingerprint.c.photo_id == photo_id)
                     .values(fingerprint=fp.to_bytes()))
    else:
        conn.execute(insert(variant_fingerprint).values(photo_id=photo_id, fingerprint=fp.to_bytes()))
    rows = {}
    for window, value in enumerate(fp.hashes):
        for key in fp_module.bands(value):
            rows[(key, window)] = {"key": key, "photo_id": photo_id, "window": window, "hash": _signed(value)}
    conn.execute(insert(variant_band), list(rows.values()))


def remove(conn, photo_id: int, *, keep_group: bool = False) -> None:
    """Forget a photo's index rows (and, unless `keep_group`, its fingerprint and group membership)."""
    conn.execute(delete(variant_band).where(variant_band.c.photo_id == photo_id))
    if not keep_group:
        conn.execute(delete(variant_fingerprint).where(variant_fingerprint.c.photo_id == photo_id))


def fingerprint_of(conn, photo_id: int) -> Fingerprint | None:
    """The stored fingerprint of a photo, or None."""
    data = conn.execute(select(variant_fingerprint.c.fingerprint)
                        .where(variant_fingerprint.c.photo_id == photo_id)).scalar()
    return Fingerprint.from_bytes(bytes(data)) if data is not None else None


#: At most this many candidates (the closest by their hashes) are compared in stage two: it bounds the time
#: of a look-up when many pictures are alike (a catalogue of one football match). See bench/variants.py.
COMPARED = 40

#: Largest IN list sent at once (SQLite's limit on bound parameters is 32,766; PostgreSQL's 65,535).
_CHUNK = 900


def candidates(conn, fp: Fingerprint, *, exclude: int | None = None) -> dict[int, int]:
    """Stage one through the index: photo id -> fewest differing bits, for photos within CANDIDATE_BITS."""
    whole = set(fp_module.probes(fp.hashes[0]))
    windows = {key for value in fp.hashes[1:] for key in fp_module.probes(value)} - whole
    found: dict[int, int] = {}
    column = variant_band.c
    for keys, whole_only in ((sorted(whole), False), (sorted(windows), True)):
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start:start + _CHUNK]
            query = select(column.photo_id, column.window, column.hash).where(column.key.in_(chunk))
            if whole_only:
                query = query.where(column.window == 0)
            for photo_id, window, stored in conn.execute(query):
                if photo_id == exclude:
                    continue
                stored = _unsigned(stored)
                mine = fp.hashes if window == 0 else fp.hashes[:1]
                bits = min((value ^ stored).bit_count() for value in mine)
                if bits <= fp_module.CANDIDATE_BITS and bits < found.get(photo_id, 65):
                    found[photo_id] = bits
    return found


def similar(conn, fp: Fingerprint, limit: int | None = 100, *, exclude: int | None = None,
            variants_only: bool = True) -> list[tuple[int, float]]:
    """Photos like `fp`, closest first: [(photo_id, distance)], distance as `fingerprints.distance`.

    With `variants_only` (the default) only the photos stage two accepts as variants; without it every
    candidate of stage one, ranked the same way (near-miss frames of a burst come next).
    """
    found = candidates(conn, fp, exclude=exclude)
    ranked = []
    # stage two costs a few milliseconds a pair: only the COMPARED closest by their hashes go through it
    ids = sorted(sorted(found, key=lambda photo_id: (found[photo_id], photo_id))[:COMPARED])
    for start in range(0, len(ids), _CHUNK):
        rows = conn.execute(select(variant_fingerprint.c.photo_id, variant_fingerprint.c.fingerprint)
                            .where(variant_fingerprint.c.photo_id.in_(ids[start:start + _CHUNK])))
        for photo_id, data in rows:
            other = Fingerprint.from_bytes(bytes(data))
            if other is None:
                continue
            verdict = fp_module.compare(fp, other)
            if verdict.variant or not variants_only:
                ranked.append((photo_id, verdict.distance))
    ranked.sort(key=lambda pair: (pair[1], pair[0]))
    return ranked if limit is None else ranked[:limit]


def group_for(conn, photo_id: int) -> int | None:
    """Put a stored photo in the variant group of its variants, merging groups it joins; its group id.

    Call after `add`, in the same transaction. Returns None when the photo has no variant.
    """
    fp = fingerprint_of(conn, photo_id)
    if fp is None:
        return None
    matches = [other for other, _ in similar(conn, fp, None, exclude=photo_id)]
    own = conn.execute(select(variant_fingerprint.c.group_id)
                       .where(variant_fingerprint.c.photo_id == photo_id)).scalar()
    if not matches:
        return own
    groups = set()
    for start in range(0, len(matches), _CHUNK):
        groups |= {group for (group,) in conn.execute(
            select(variant_fingerprint.c.group_id).where(variant_fingerprint.c.photo_id.in_(matches[start:start + _CHUNK]))
        ) if group is not None}
    if own is not None:
        groups.add(own)
    target = min(groups | {photo_id, *matches}) if not groups else min(groups)
    others = sorted(groups - {target})
    if others:
        conn.execute(update(variant_fingerprint).where(variant_fingerprint.c.group_id.in_(others))
                     .values(group_id=target))
    members = [photo_id, *matches]
    for start in range(0, len(members), _CHUNK):
        conn.execute(update(variant_fingerprint)
                     .where(variant_fingerprint.c.photo_id.in_(members[start:start + _CHUNK]))
                     .values(group_id=target))
    return target


def group_members(conn, group_id: int) -> list[int]:
    """The photo ids of a variant group, in id order."""
    return [photo_id for (photo_id,) in conn.execute(
        select(variant_fingerprint.c.photo_id).where(variant_fingerprint.c.group_id == group_id)
        .order_by(variant_fingerprint.c.photo_id))]


# --- caption differences between copies ---------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One run of words: the same in both captions ("same"), only in the first ("removed"), only in the
    second ("added"), or replaced ("changed": `old` in the first, `new` in the second)."""

    kind: str
    old: str
    new: str


_WORD = re.compile(r"\s+|[^\s]+")


def caption_diff(a: str | None, b: str | None) -> list[Change]:
    """The word-by-word difference between two captions, as runs a table or a page can colour.

    Whitespace is kept with the words, so joining `old` of every run gives `a` back, and `new` gives `b`.

    >>> for change in caption_diff("Crowds gather in Hefei, Anhui.", "Crowds gather in Lanzhou, Gansu."):
    ...     print(change.kind, repr(change.old), repr(change.new))
    same 'Crowds gather in ' 'Crowds gather in '
    changed 'Hefei, Anhui.' 'Lanzhou, Gansu.'
    """
    old_tokens = _WORD.findall(a or "")
    new_tokens = _WORD.findall(b or "")
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])
        kind = {"equal": "same", "delete": "removed", "insert": "added", "replace": "changed"}[tag]
        if changes and kind != "same" and changes[-1].kind != "same":
            last = changes.pop()  # two neighbouring differences read as one change
            changes.append(Change("changed", last.old + old, last.new + new))
        else:
            changes.append(Change(kind, old, new))
    return _joined(changes)


def _joined(changes: list[Change]) -> list[Change]:
    """Two changes with only a space between them read as one ("Hefei, Anhui" -> "Lanzhou, Gansu")."""
    out: list[Change] = []
    for change in changes:
        if (change.kind != "same" and len(out) >= 2 and out[-1].kind == "same" and not out[-1].old.strip()
                and out[-2].kind != "same"):
            space, before = out.pop(), out.pop()
            change = Change("changed", before.old + space.old + change.old, before.new + space.new + change.new)
        out.append(change)
    return out


def caption_diff_text(changes: list[Change]) -> str:
    """The difference on one line for a terminal: removed words in [-...-], added ones in {+...+}.

    >>> caption_diff_text(caption_diff("Taken on May 3.", "Taken on May 4."))
    'Taken on May [-3.-]{+4.+}'
    """
    parts = []
    for change in changes:
        if change.kind == "same":
            parts.append(change.old)
            continue
        if change.old.strip():
            parts.append(f"[-{change.old}-]")
        if change.new.strip():
            parts.append(f"{{+{change.new}+}}")
    return "".join(parts)


__all__ = ["Change", "add", "candidates", "caption_diff", "caption_diff_text", "fingerprint_of",
           "group_for", "group_members", "metadata", "remove", "similar", "variant_band", "variant_fingerprint"]
