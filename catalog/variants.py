"""Variant groups: copies of one picture found through an index, kept in the database, grouped as photos arrive.

Which photos get a fingerprint, and when (docs/variants.md says why):

- **At import**, a photo whose file carries a trusted embedded thumbnail (EXIF IFD1, Photoshop 0x040C) is
  fingerprinted from it in the reader process (about a millisecond); the rest cost nothing there.
- **After the import's batches**, when the house rules say ``[variants] after_import = true``: every photo the
  import stored without a fingerprint (10-35 ms a 2.5 MB JPEG, in reader processes). Off by default: at that
  cost an import of press JPEGs runs far below 10× ExifTool's pace.
- **On demand**: ``catalog variants``, ``similar:`` and ``variants:`` first bring the catalogue up to date
  (`bring_up_to_date`): the photos without a fingerprint (or whose file changed) are fingerprinted in reader
  processes, then every photo not yet compared is put in its group. Each photo is done once and stored.

Finding copies: multi-index hashing. Each photo's eleven window hashes (catalog.fingerprints) are cut into four
16-bit bands; every (band, bits) pair is a row of `variant_band`, keyed by one indexed integer. A photo looks up
its bands and those one bit away (748 keys at most); the stored hash comes with the key, so the exact distance
needs no second look-up (the rows' bits are counted in numpy); the COMPARED closest candidates go through the
aligned comparison all at once (catalog.likeness_many: the verdicts of catalog.likeness, pair by pair).
What a comparison measures is kept (`variant_pair`, `keep_pairs`): a placement keeps its pairs, and a look-up
(`similar`) reads the pairs kept and measures only the others, so `similar:` costs the index and one indexed
read once the photos are placed. A pair goes with either fingerprint (the foreign keys' cascade) and is
stamped with the version of the comparison (likeness.MEASURES); the verdict is made again each time.

Groups are never made by chaining single pairs: a photo, compared with the photos placed before it, joins a
group only when it is a variant of at least JOIN_SHARE of the group's members it was compared with or of
JOIN_MATCHES of them, and two groups it matches merge only when two more pairs with no photo in common tie them
(see `placement`), so one false pair (a burst frame that looks like one copy) brings one photo into the wrong
group, not a whole group. bench/variants.py simulates this placement with the same function.

Which copy of a group to run, and how the copies' captions differ, is catalog.variant_copies's job; the
house rules' `best` order it follows is checked with the rest of the `[variants]` table in catalog.variant_rules.

>>> placement(9, None, [(1, 1, True), (2, 1, True), (3, 1, True), (4, 1, False), (5, None, True)]).group
1
>>> placement(9, None, [(1, 1, True), (2, 1, False), (3, 1, False)]).group is None
True
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, or_, select, update

from catalog import captures, likeness, likeness_many
from catalog import fingerprints as F
from catalog.captures import Capture
from catalog.chunks import chunks
from catalog.fingerprints import Fingerprint, band_rows  # noqa: F401 - band_rows: bench/variants.py
from catalog.fingerprints import signed as _signed
from catalog.likeness import Comparison, Thresholds
from catalog.models import Photo, Setting, VariantBand, VariantFingerprint, VariantPair
from catalog.story_copies import MADE_NOW, StoryCopies
from catalog.variant_rules import BEST_RULES, JOIN_MATCHES, JOIN_SHARE, VariantRules, variant_rules

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from catalog.library import Library

#: At most this many candidates (the closest by their hashes) are compared in stage two: it bounds a look-up
#: when many pictures are alike (a catalogue of one football match).
COMPARED = 40
#: Largest IN list sent at once (SQLite's limit on bound parameters is 32,766; PostgreSQL's 65,535).
_CHUNK = 900
#: Photos fingerprinted in this process below this many; above, in reader processes.
PARALLEL_THRESHOLD = 16
#: Two groups a photo matches are merged only when other pairs tie them: among the photo's TIED closest matches
#: in each, two pairs across with no photo in common are variants (at most TIED² more comparisons a merge, and
#: merges are rare: about one placement in sixty on the benchmark). Two pairs, not one, and no photo shared: a
#: tie can run through the one wrong member that made the photo match (a grey copy that looks like a burst
#: frame's copies and joined their group). Chosen on the benchmark's tuning set (docs/variants.md).
TIED = 3


# --- storing -----------------------------------------------------------------------------------------------------

def store(session: Session, photo_id: int, fp: Fingerprint | None, file_fingerprint: str) -> None:
    """Store (or replace) a photo's fingerprint and its index rows; it is placed in a group later (`place`).

    A photo whose fingerprint changed leaves its group; None records that its pixels could not be read.
    """
    session.execute(delete(VariantBand).where(VariantBand.photo_id == photo_id))
    session.execute(delete(VariantFingerprint).where(VariantFingerprint.photo_id == photo_id))
    session.execute(insert(VariantFingerprint).values(
        photo_id=photo_id, fingerprint=fp.to_bytes() if fp else None, file_fingerprint=file_fingerprint,
        made_from=fp.source if fp else None, group_id=None, placed=fp is None))
    if fp is not None:
        session.execute(insert(VariantBand), band_rows(photo_id, fp))


def store_imported(session: Session, rows: list[tuple[int, str, bytes]]) -> None:
    """What an import's readers made from trusted thumbnails: (photo id, file fingerprint, fingerprint bytes).
    Stored unplaced: comparing them is the next `bring_up_to_date`'s work, not the import's."""
    for photo_id, file_fingerprint, data in rows:
        fp = Fingerprint.from_bytes(data)
        if fp is not None:
            store(session, photo_id, fp, file_fingerprint)


# --- finding ---------------------------------------------------------------------------------------------------------

def candidates(session: Session, fp: Fingerprint, *, exclude: int | None = None) -> dict[int, int]:
    """Stage one through the index: photo id -> fewest differing bits, for photos within CANDIDATE_BITS."""
    import numpy as np

    whole = set(F.probes(fp.hashes[0]))
    windows = {key for value in fp.hashes[1:] for key in F.probes(value)} - whole
    rows = _band_rows(session, sorted(whole), False) + _band_rows(session, sorted(windows), True)
    if not rows:
        return {}
    # the bits between each row's stored hash and the query's: a whole-picture row against every hash of the
    # query, a window row against its whole-picture hash (numpy: a copy's look-up returns thousands of rows)
    table = np.array(rows, dtype=np.int64)
    ids, window, stored = table[:, 0], table[:, 1], table[:, 2].view(np.uint64)
    mine = np.array([_signed(value) for value in fp.hashes], dtype=np.int64).view(np.uint64)
    bits = likeness._popcount(stored[:, None] ^ mine[None, :]).astype(np.int64)
    bits[window != 0, 1:] = 65
    nearest = bits.min(axis=1)
    chosen = (nearest <= likeness.CANDIDATE_BITS) & (ids != (exclude if exclude is not None else -1))
    found: dict[int, int] = {}
    for photo_id, fewest in zip(ids[chosen].tolist(), nearest[chosen].tolist()):
        if fewest < found.get(photo_id, 65):
            found[photo_id] = fewest
    return found


def _band_rows(session: Session, keys: list[int], whole_only: bool) -> list[tuple[int, int, int]]:
    """(photo id, window, hash) of the variant_band rows with these keys (only the whole pictures' when
    `whole_only`), read through the driver's own cursor: a copy's look-up returns about 3,000 rows, and making
    each a SQLAlchemy row cost most of stage one (65 → 24 ms at 100,000 photos on SQLite, load 14)."""
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    window = quote("window")  # a keyword of PostgreSQL's
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    rows: list[tuple[int, int, int]] = []
    try:
        for chunk in chunks(keys, _CHUNK):
            cursor.execute(f"SELECT photo_id, {window}, hash FROM variant_band WHERE {quote('key')} IN "
                           f"({', '.join([mark] * len(chunk))})" + (f" AND {window} = 0" if whole_only else ""),
                           tuple(chunk))
            rows += cursor.fetchall()
    finally:
        cursor.close()
    return rows


def capture_of_photo(make: str | None, model: str | None, taken: str | None) -> Capture | None:
    """The capture evidence of a stored photo: its camera (make and model) and its date taken."""
    if not (make and model) and not taken:
        return None
    camera = " ".join(f"{make or ''} {model or ''}".lower().split()) if make and model else None
    return Capture(camera, taken)


@dataclass(frozen=True)
class Stored:
    """A stored photo as stage two needs it."""

    photo_id: int
    fp: Fingerprint
    group: int | None
    capture: Capture | None


def load(session: Session, ids: Iterable[int]) -> dict[int, Stored]:
    """The stored fingerprints of `ids` (those that have one), with group and capture evidence."""
    found: dict[int, Stored] = {}
    ids = sorted(set(ids))
    vf, photo = VariantFingerprint.__table__.c, Photo.__table__.c
    for chunk in chunks(ids, _CHUNK):
        rows = session.execute(
            select(vf.photo_id, vf.fingerprint, vf.group_id, photo.make, photo.model, photo.taken)
            .join(Photo.__table__, photo.id == vf.photo_id)
            .where(vf.photo_id.in_(chunk), vf.fingerprint.is_not(None)))
        for photo_id, data, group, make, model, taken in rows:
            fp = Fingerprint.from_bytes(bytes(data))
            if fp is not None:
                found[photo_id] = Stored(photo_id, fp, group, capture_of_photo(make, model, taken))
    return found


@dataclass(frozen=True)
class Alike:
    """A photo found like another: how far (the aligned mean residual) and whether it is a variant."""

    photo_id: int
    distance: float
    variant: bool
    group: int | None = None
    #: Both files say one camera at two moments: another frame, whatever the pixels say.
    other_frame: bool = False


def compared(session: Session, fp: Fingerprint, capture: Capture | None = None, *, exclude: int | None = None,
             limits: Thresholds = likeness.DEFAULT_THRESHOLDS, placed_only: bool = False,
             made: dict[int, tuple[Comparison, Fingerprint]] | None = None, stored: bool = True) -> list[Alike]:
    """Every candidate of stage one (the COMPARED closest) with its verdict, closest first; only among the photos
    already placed when `placed_only` (`place` compares a photo with those before it, as they arrived).

    `exclude` is the stored photo whose fingerprint `fp` is: its pairs measured earlier are read from
    variant_pair (unless not `stored`) and only the others are measured now; those are added to `made` (other
    id -> (comparison, other's fingerprint)) for `keep_pairs`."""
    found = candidates(session, fp, exclude=exclude)
    if placed_only:
        found = {photo_id: found[photo_id] for photo_id in _placed(session, found)}
    ids = sorted(found, key=lambda photo_id: (found[photo_id], photo_id))[:COMPARED]
    others = list(load(session, ids).values())
    known = pairs_of(session, exclude, ids) if stored and exclude is not None else {}
    judged = likeness_many.verdicts(fp, [other.fp for other in others], capture,
                                    [other.capture for other in others], limits,
                                    [known.get(other.photo_id) for other in others])
    out = []
    for other, (is_variant, comparison) in zip(others, judged):
        photo_id = other.photo_id
        if made is not None and comparison is not None and photo_id not in known:
            made[photo_id] = (comparison, other.fp)
        distance = comparison.distance if comparison is not None else float("inf")
        out.append(Alike(photo_id, distance, is_variant, other.group,
                         captures.same_capture(capture, other.capture) is False))
    out.sort(key=lambda alike: (alike.distance, alike.photo_id))
    return out


def _placed(session: Session, ids: Iterable[int]) -> set[int]:
    """Those of `ids` whose photos are placed."""
    chosen, vf = sorted(ids), VariantFingerprint.__table__.c
    out: set[int] = set()
    for chunk in chunks(chosen, _CHUNK):
        out.update(session.scalars(select(vf.photo_id).where(vf.photo_id.in_(chunk), vf.placed.is_(True))))
    return out


def similar(session: Session, photo_id: int, *, limits: Thresholds = likeness.DEFAULT_THRESHOLDS,
            stored: bool = True, made: dict[int, tuple[Comparison, Fingerprint]] | None = None) -> list[Alike]:
    """The photos like a stored one, closest first: its variants, then pictures alike that are not copies
    (another frame of the scene) whose geometry still fits. [] when the photo has no fingerprint.

    The candidates are stage one's, as ever; each pair's measures are read from variant_pair when a placement
    or an earlier look-up kept them, and measured now otherwise (then added to `made`: `look_up` keeps them).
    `stored=False` measures every pair again (what the benchmark times the stored pairs against)."""
    own = load(session, [photo_id]).get(photo_id)
    if own is None:
        return []
    return [alike for alike in compared(session, own.fp, own.capture, exclude=photo_id, limits=limits,
                                        made=made, stored=stored)
            if alike.distance != float("inf")]


def look_up(library: Library, photo_id: int, *, limits: Thresholds = likeness.DEFAULT_THRESHOLDS) -> list[Alike]:
    """`similar`, keeping the pairs it had to measure (unless the catalogue is read-only), so the next look-up
    of this photo, or of one of them, reads them: what `similar:PHOTO` runs."""
    made: dict[int, tuple[Comparison, Fingerprint]] = {}
    with library.session() as session:
        found = similar(session, photo_id, limits=limits, made=made)
        own = load(session, [photo_id]).get(photo_id) if made else None
    if made and own is not None and not library.readonly:
        library.write(lambda session: keep_pairs(session, photo_id, own.fp, made))
    return found


# --- the pairs measured ----------------------------------------------------------------------------------------

def _pair_row(photo_id: int, other_id: int, comparison: Comparison) -> dict | None:
    """The variant_pair row of a comparison (None for one that cannot be kept: a measure not a number)."""
    first, second = sorted((photo_id, other_id))
    key = {"photo_id": first, "other_id": second, "measured_by": likeness.MEASURES}
    if comparison.distance == math.inf:  # no alignment found (likeness.FAR)
        return {**key, **dict.fromkeys(_MEASURES)}
    values = [comparison.distance, comparison.blob, comparison.colour_blob, comparison.overlap,
              comparison.rotation, *comparison.box, comparison.block]
    if any(math.isnan(value) for value in values):
        return None
    return {**key, **dict(zip(_MEASURES, map(float, values)))}


_MEASURES = ("distance", "blob", "colour_blob", "overlap", "rotation", "box_left", "box_top", "box_right",
             "box_bottom", "block")


def pairs_of(session: Session, photo_id: int, ids: Iterable[int]) -> dict[int, Comparison]:
    """other id -> the comparison kept in variant_pair, for the pairs of `photo_id` with each of `ids` that
    have one (two index look-ups: the smaller id first, then the larger)."""
    ids = sorted(set(ids) - {photo_id})
    if not ids:
        return {}
    pair = VariantPair.__table__.c
    measures = [pair[name] for name in _MEASURES]
    found: dict[int, Comparison] = {}
    above, below = [i for i in ids if i > photo_id], [i for i in ids if i < photo_id]
    for column, key, others in ((pair.other_id, pair.photo_id, above), (pair.photo_id, pair.other_id, below)):
        for chunk in chunks(others, _CHUNK):
            query = select(column, *measures).where(key == photo_id, column.in_(chunk),
                                                    pair.measured_by == likeness.MEASURES)
            for other, distance, blob, colour_blob, overlap, rotation, *box, block in session.execute(query):
                found[other] = likeness.FAR if distance is None else Comparison(
                    distance, blob, tuple(box), overlap, colour_blob, rotation, block)
    return found


def keep_pairs(session: Session, photo_id: int, fp: Fingerprint,
               made: dict[int, tuple[Comparison, Fingerprint]]) -> int:
    """Keep in variant_pair what comparing `fp` (photo_id's) with others measured: other id -> (comparison,
    other's fingerprint). Only the pairs whose two fingerprints are still the ones stored (a file may have been
    fingerprinted again since they were read); a pair kept already is replaced (it was measured by another
    version of the comparison, or by another look-up just now: then the same). Returns how many."""
    if not made:
        return 0
    vf = VariantFingerprint.__table__.c
    ids = sorted({photo_id, *made})
    current: dict[int, bytes] = {}
    for chunk in chunks(ids, _CHUNK):
        current.update((pid, bytes(data)) for pid, data in session.execute(
            select(vf.photo_id, vf.fingerprint).where(vf.photo_id.in_(chunk), vf.fingerprint.is_not(None))))
    if current.get(photo_id) != fp.to_bytes():
        return 0
    rows = [row for other, (comparison, other_fp) in sorted(made.items())
            if current.get(other) == other_fp.to_bytes()
            and (row := _pair_row(photo_id, other, comparison)) is not None]
    if not rows:
        return 0
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        upsert = pg_insert(VariantPair)
        session.execute(upsert.on_conflict_do_update(
            index_elements=["photo_id", "other_id"],
            set_={name: upsert.excluded[name] for name in ("measured_by", *_MEASURES)}), rows)
    else:
        session.execute(insert(VariantPair).prefix_with("OR REPLACE"), rows)
    return len(rows)


# --- groups ----------------------------------------------------------------------------------------------------------

@dataclass
class Placement:
    """Where a photo goes: the group (None: none), the groups merged into it, the ungrouped photos joining it."""

    group: int | None
    merged: list[int] = field(default_factory=list)
    joining: list[int] = field(default_factory=list)


def placement(photo_id: int, own: int | None, verdicts: list[tuple[int, int | None, bool]],
              share: float = JOIN_SHARE, barred: Iterable[int] = (),
              tied: Callable[[int, int], bool] | None = None, matches: int = JOIN_MATCHES) -> Placement:
    """Decide a photo's group from its verdicts against the candidates, closest first: (other id, other's
    group, variant?).

    A group is accepted when the photo is a variant of at least `share` of its members that were compared, or
    of at least `matches` of them (two verdicts of their own), and it is not `barred` (it holds a frame that the
    capture evidence proves another moment of the same camera); photos in no group that it is a variant of join
    it. The photo goes to its own group if it has one, else to the accepted group it matches best (the highest
    share, then the most matches, then the smallest id). Another accepted group is merged with that one only when
    other links tie them besides the photo (`tied`, see `_tied`). One false pair (a burst frame taken for a copy)
    then brings one photo into the wrong group, not a whole group. Without `tied`, groups are never merged.
    The group keeps the smallest id.

    >>> placement(9, None, [(1, 1, True), (2, 1, True)], barred=[1]).group is None
    True
    >>> two = [(1, 1, True), (2, 1, True), (5, 5, True), (6, 5, True)]
    >>> placement(9, None, two).group, placement(9, None, two, tied=lambda a, b: True).merged
    (1, [5])
    >>> placement(9, None, two, tied=lambda a, b: b == 5).merged  # two ties, both through member 5
    []
    """
    compared_in: dict[int, int] = {}
    matched: dict[int, list[int]] = {}
    loose: list[int] = []
    for other, group, is_variant in verdicts:
        if group is None:
            if is_variant:
                loose.append(other)
            continue
        compared_in[group] = compared_in.get(group, 0) + 1
        matched.setdefault(group, [])
        if is_variant:
            matched[group].append(other)
    shut = set(barred)
    accepted = sorted((group for group, n in compared_in.items() if group not in shut and matched[group]
                       and (len(matched[group]) >= share * n or len(matched[group]) >= matches)),
                      key=lambda group: (-len(matched[group]) / compared_in[group], -len(matched[group]), group))
    if own is not None:
        accepted = [own, *(group for group in accepted if group != own)]
    if not accepted and not loose:
        return Placement(None)
    if not accepted:
        return Placement(min(photo_id, *loose), [], [photo_id, *loose])
    first, *others = accepted
    ties = [group for group in others
            if tied is not None and _tied(tied, matched.get(first, [])[:TIED], matched[group][:TIED])]
    target = min([first, *ties])
    return Placement(target, sorted({first, *ties} - {target}), [photo_id, *loose])


def _tied(tied: Callable[[int, int], bool], these: list[int], those: list[int]) -> bool:
    """Whether two pairs across, with no photo in common, are variants (`tied(a, b)`): a second and a third link
    between two groups besides the photo that matches both.

    >>> _tied(lambda a, b: a + b in (11, 13), [1, 2, 3], [10])  # both ties through 10
    False
    >>> _tied(lambda a, b: a + b in (11, 13), [1, 2, 3], [10, 11])  # 1-10 and 2-11
    True
    """
    hits = [(a, b) for a in these for b in those if tied(a, b)]
    return any(a != c and b != d for n, (a, b) in enumerate(hits) for c, d in hits[n + 1:])


def place(session: Session, photo_id: int, rules: VariantRules | None = None) -> int | None:
    """Compare a stored photo with the catalogue and put it in its group (merging groups it ties together when
    another pair ties them too: see `placement`)."""
    rules = rules or VariantRules()
    own = load(session, [photo_id]).get(photo_id)
    vf = VariantFingerprint.__table__.c
    if own is None:
        session.execute(update(VariantFingerprint).where(vf.photo_id == photo_id).values(placed=True))
        return None
    made: dict[int, tuple[Comparison, Fingerprint]] = {}
    alikes = compared(session, own.fp, own.capture, exclude=photo_id, limits=rules.limits, placed_only=True,
                      made=made)
    keep_pairs(session, photo_id, own.fp, made)
    verdicts = [(alike.photo_id, alike.group, alike.variant) for alike in alikes]
    barred = {alike.group for alike in alikes if alike.other_frame and alike.group is not None}

    def tied(a: int, b: int) -> bool:
        both = load(session, [a, b])
        return a in both and b in both and likeness.verdict(both[a].fp, both[b].fp, both[a].capture,
                                                             both[b].capture, rules.limits)[0]

    decided = placement(photo_id, own.group, verdicts, rules.join_share, barred, tied, rules.join_matches)
    if decided.merged:
        session.execute(update(VariantFingerprint).where(vf.group_id.in_(decided.merged))
                        .values(group_id=decided.group))
    if decided.group is not None:
        session.execute(update(VariantFingerprint).where(vf.photo_id.in_(decided.joining))
                        .values(group_id=decided.group))
    session.execute(update(VariantFingerprint).where(vf.photo_id == photo_id).values(placed=True))
    return decided.group


def groups_of(session: Session, ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """photo id -> (group, number of photos in it), for the photos among `ids` in a group of two or more."""
    ids = sorted(set(ids))
    vf = VariantFingerprint.__table__.c
    found: dict[int, int] = {}
    for chunk in chunks(ids, _CHUNK):
        found.update(session.execute(select(vf.photo_id, vf.group_id).where(
            vf.photo_id.in_(chunk), vf.group_id.is_not(None))).all())
    sizes: dict[int, int] = dict(session.execute(
        select(vf.group_id, func.count()).where(vf.group_id.in_(set(found.values()))).group_by(vf.group_id)
    ).all()) if found else {}
    return {pid: (group, sizes[group]) for pid, group in found.items() if sizes.get(group, 0) > 1}


def members(session: Session, group: int) -> list[int]:
    """The photo ids of a group, in id order."""
    vf = VariantFingerprint.__table__.c
    return list(session.scalars(select(vf.photo_id).where(vf.group_id == group).order_by(vf.photo_id)))


def grouped_ids():
    """SELECT of the photo ids that are in a group of two or more (for `variants:yes`)."""
    vf = VariantFingerprint.__table__.c
    shared = select(vf.group_id).where(vf.group_id.is_not(None)).group_by(vf.group_id).having(func.count() > 1)
    return select(vf.photo_id).where(vf.group_id.in_(shared))


# --- bringing the catalogue up to date ------------------------------------------------------------------------

@dataclass
class UpToDate:
    """What `bring_up_to_date` did."""

    fingerprinted: int = 0
    unreadable: int = 0
    placed: int = 0
    #: True when the catalogue is read-only: what is stored is used as it is.
    read_only: bool = False


#: The setting that says how far the catalogue was last brought up to date: the newest photo.updated_at and the
#: largest photo id then. Only catalog.store writes a photo's file fingerprint, and it stamps updated_at
#: whenever it does; a new photo has a larger id. So the photos to look at again are the ones past both marks,
#: found through two indexes, not by joining every photo with its fingerprint (0.45 s at 100,000 photos).
CHECKED = "variants.checked"
#: How far before the marks photos are looked at again. SQLite's writers take the write lock before they stamp
#: their photos, so one after another: a second covers a clock being slewed. PostgreSQL's writers (several
#: watchers) run side by side: one that stamped its photos before the marks may commit after them.
MARGIN = {"sqlite": timedelta(seconds=1), "postgresql": timedelta(minutes=5)}


def pending(session: Session, ids: set[int] | None = None,
            since: tuple[datetime, int] | None = None) -> list[tuple[int, str, str]]:
    """(id, path to open, file fingerprint) of the photos with no fingerprint or one of an older file; only
    among those stored at or after `since` (updated_at, or an id above its id) when given."""
    vf = VariantFingerprint.__table__.c
    photo = Photo.__table__.c
    query = (select(photo.id).outerjoin(VariantFingerprint.__table__, vf.photo_id == photo.id)
             .where(or_(vf.photo_id.is_(None), vf.file_fingerprint != photo.fingerprint)))
    if since is not None:
        query = query.where(or_(photo.updated_at >= since[0], photo.id > since[1]))
    todo = [pid for pid in session.scalars(query) if ids is None or pid in ids]
    out = []
    for chunk in chunks(sorted(todo), 500):
        for pid, path, raw, file_fingerprint in session.execute(
                select(photo.id, photo.path, photo.raw_path, photo.fingerprint)
                .where(photo.id.in_(chunk), photo.missing_since.is_(None)).order_by(photo.id)):
            out.append((pid, os.fsdecode(raw) if raw else path, file_fingerprint))
    return out


def _marks(session: Session) -> tuple[datetime, int] | None:
    """The newest updated_at and the largest id among the photos (two index look-ups), or None when empty."""
    photo = Photo.__table__.c
    newest = session.scalar(select(func.max(photo.updated_at)))
    largest = session.scalar(select(func.max(photo.id)))
    return None if newest is None or largest is None else (newest, largest)


def _checked(text: str | None, dialect: str) -> tuple[datetime, int] | None:
    """The marks a setting holds, moved back by MARGIN: a writer that stamped its photos just before the marks
    were taken may have committed just after (several watchers share a PostgreSQL catalogue)."""
    try:
        stamp, largest = (text or "").split(" ")
        return datetime.fromisoformat(stamp) - MARGIN.get(dialect, MARGIN["postgresql"]), int(largest)
    except ValueError:
        return None  # no mark (or one this version cannot read): look at every photo


def _fingerprint_file(path: str) -> bytes | None:
    fp = F.perceptual_fingerprint(path)
    return fp.to_bytes() if fp is not None else None


def _fingerprints(paths: list[str], workers: int | None) -> Iterable[bytes | None]:
    """The fingerprints of the files, in order, as stored: in reader processes when there are many."""
    return _in_readers(_fingerprint_file, paths, workers)


def _in_readers(function: Callable[[str], Any], paths: list[str], workers: int | None) -> Iterable[Any]:
    """function(path) for each path, in order: in reader processes when there are many.

    Decoding a damaged file can crash an image library's C code, and with it the process: a file that kills its
    reader gives None, as an unreadable file does, and stops nothing. When a reader dies, the chunk being waited
    for is done one file at a time, each in a process of its own, and a new pool reads the rest; a chunk that
    holds the culprit is reached in its turn, so only the file that kills its process is lost, and a crash early
    in a long list does not leave the rest to one process a file.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(paths) < PARALLEL_THRESHOLD:
        yield from map(function, paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from catalog.reading import answered

    given = 0
    while given < len(paths):
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        broken = False
        try:
            futures = [pool.submit(_each, function, paths[start:start + _CHUNK_READ])
                       for start in range(given, len(paths), _CHUNK_READ)]
            for future in futures:
                answered(pool, [future])
                answers = future.result()
                yield from answers
                given += len(answers)
        except BrokenProcessPool:
            broken = True
        finally:
            pool.shutdown(wait=not broken, cancel_futures=broken)
        if broken:
            for path in paths[given:given + _CHUNK_READ]:
                yield _alone(function, path)
            given = min(len(paths), given + _CHUNK_READ)


#: Files handed to a reader process at a time.
_CHUNK_READ = 8


def _each(function: Callable[[str], Any], paths: list[str]) -> list[Any]:
    return [function(path) for path in paths]


def _alone(function: Callable[[str], Any], path: str) -> Any:
    """function(path) in a process of its own: None when the file kills the process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from catalog.reading import answered

    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        future = pool.submit(function, path)
        answered(pool, [future])
        return future.result()
    except BrokenProcessPool:
        return None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def bring_up_to_date(library: Library, *, workers: int | None = None,
                     advance: Callable[[int], None] | None = None, total: Callable[[int], None] | None = None,
                     batch: int = 200, ids: list[int] | None = None) -> UpToDate:
    """Fingerprint the photos that have none (or whose file changed), then place every photo not yet placed;
    only the photos `ids` when given (`catalog watch` does its arrivals, not the catalogue's backlog).

    Incremental: each photo is fingerprinted and placed once; a second call with nothing new costs two
    queries. In a read-only catalogue nothing is done (what is stored is used).
    """
    report = UpToDate(read_only=library.readonly)
    if library.readonly:
        return report
    rules = variant_rules(library.rules)
    with library.session() as session:
        checked = session.scalar(select(Setting.value).where(Setting.key == CHECKED))
        since, marks = _checked(checked, session.get_bind().dialect.name), _marks(session)
        todo = pending(session, set(ids) if ids is not None else None, since)
    if total:
        total(len(todo))
    done: list[tuple[int, str, bytes | None]] = []

    def flush():
        rows = list(done)
        done.clear()

        def action(session):
            # A photo forgotten while it was fingerprinted has nothing to store (its row would refer to no photo:
            # the foreign key stopped the whole pass).
            present = set(session.scalars(select(Photo.id).where(Photo.id.in_([row[0] for row in rows]))))
            for photo_id, file_fingerprint, data in rows:
                if photo_id in present:
                    store(session, photo_id, Fingerprint.from_bytes(data) if data else None, file_fingerprint)

        library.write(action)

    for (photo_id, _, file_fingerprint), data in zip(todo, _fingerprints([path for _, path, _ in todo], workers)):
        done.append((photo_id, file_fingerprint, data))
        report.fingerprinted += data is not None
        report.unreadable += data is None
        if advance:
            advance(1)
        if len(done) >= batch:
            flush()
    if done:
        flush()
    vf = VariantFingerprint.__table__.c
    while True:
        with library.session() as session:
            query = select(vf.photo_id).where(vf.placed.is_(False))
            if ids is not None:
                query = query.where(vf.photo_id.in_(sorted(ids)[:_CHUNK]))
            chosen = list(session.scalars(query.order_by(vf.photo_id).limit(batch)))
        if not chosen:
            break

        def action(session, chosen=chosen):
            for photo_id in chosen:
                place(session, photo_id, rules)

        library.write(action)
        report.placed += len(chosen)
    if ids is None and marks is not None and f"{marks[0].isoformat()} {marks[1]}" != checked:
        library.set_setting(CHECKED, f"{marks[0].isoformat()} {marks[1]}")
    return report


# --- a story's copies ------------------------------------------------------------------------------------------

def copies_in(library: Library, photos: Sequence[Any], *, workers: int | None = None) -> StoryCopies:
    """Among `photos` (a story's, in order: anything with an `id`, such as records or
    catalog.credits.CreditedPhoto), those that are copies of one picture, group by group: what `credits` warns
    about. The photos are compared with each other directly (their stored fingerprints, or made now from their
    files when at most MADE_NOW lack one), so the answer does not wait for the whole catalogue to be
    fingerprinted. Only the pairs that pass stage one (likeness.close_pairs, in numpy) are compared."""
    unique = list({photo.id: photo for photo in photos}.values())
    if len(unique) < 2:
        return StoryCopies()
    rules = variant_rules(library.rules)
    with library.session() as session:
        stored = load(session, [photo.id for photo in unique])
        missing = [photo for photo in unique if photo.id not in stored]
        unchecked = len(missing) if len(missing) > MADE_NOW else 0
        # Where the files are and which camera took them, read here for the few to fingerprint now (a list of
        # thousands reads only its credit columns).
        files = {} if unchecked else _files_of(session, [photo.id for photo in missing])
    made: dict[int, F.Fingerprint | None] = {}
    if not unchecked:
        missing = [photo for photo in missing if photo.id in files]
        found = _in_readers(F.perceptual_fingerprint, [files[photo.id][0] for photo in missing], workers)
        made = {photo.id: fp for photo, fp in zip(missing, found)}
    prints: list[tuple[Any, F.Fingerprint, Capture | None]] = []
    for photo in unique:
        fresh = made.get(photo.id)
        if photo.id in stored:
            prints.append((photo, stored[photo.id].fp, stored[photo.id].capture))
        elif fresh is not None:
            prints.append((photo, fresh, files[photo.id][1]))
    parent = {photo.id: photo.id for photo in unique}

    def root(pid):
        while parent[pid] != pid:
            pid = parent[pid]
        return pid

    for i, j in likeness.close_pairs([fp for _, fp, _ in prints]):
        (a, fa, ca), (b, fb, cb) = prints[i], prints[j]
        if likeness.is_variant(fa, fb, ca, cb, rules.limits):
            parent[root(b.id)] = root(a.id)
    by_root: dict[int, list[Any]] = {}
    for photo in unique:
        by_root.setdefault(root(photo.id), []).append(photo)
    return StoryCopies([same for same in by_root.values() if len(same) > 1], unchecked)


def _files_of(session: Session, ids: list[int]) -> dict[int, tuple[str, Capture | None]]:
    """id -> (the path to open the photo's file by, as Photo.file_path, and its capture) of the photos `ids`."""
    found: dict[int, tuple[str, Capture | None]] = {}
    table = Photo.__table__.c
    for chunk in chunks(ids, 5000):
        rows = session.execute(select(table.id, table.path, table.raw_path, table.make, table.model, table.taken)
                               .where(table.id.in_(chunk)))
        for pid, path, raw_path, make, model, taken in rows:
            found[pid] = (os.fsdecode(raw_path) if raw_path else path, capture_of_photo(make, model, taken))
    return found


__all__ = [
    "COMPARED",
    "BEST_RULES",
    "JOIN_MATCHES",
    "JOIN_SHARE",
    "MADE_NOW",
    "Alike",
    "Placement",
    "StoryCopies",
    "UpToDate",
    "VariantRules",
    "band_rows",
    "bring_up_to_date",
    "candidates",
    "compared",
    "copies_in",
    "grouped_ids",
    "groups_of",
    "keep_pairs",
    "load",
    "look_up",
    "members",
    "pairs_of",
    "pending",
    "place",
    "placement",
    "similar",
    "store",
    "store_imported",
    "variant_rules",
]
