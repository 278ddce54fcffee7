#!/usr/bin/env python3
"""The variant benchmark: how well copies of one picture are found, how fast, and at what cost to an import.

It reports numbers and asserts nothing (issue 17's targets are printed beside them):

- **Quality.** A labelled set (bench/variant_set.py: real photos from ../shared and images/, generated scenes,
  34 kinds of copy of each, near-miss burst frames) is fingerprinted; candidates come from the same band
  index the database uses (in memory here), every candidate pair is compared (stage two), and the verdicts
  give the recall of true variant pairs and the precision, directly (pair by pair) and through the groups
  (the union of matches, as `group_for` keeps them), per kind of copy and per near-miss tier.
- **Cost.** Milliseconds per fingerprint on 3000×2000 press JPEGs of about 2.5 MB (bench/corpus.py), from the
  main image and from an EXIF thumbnail; the start-up cost of this module against imagehash's.
- **Look-up.** `similar` at 100,000 photos on SQLite (and PostgreSQL with --postgres URL).

    python bench/variants.py                    # the full run (about 15 minutes on 2 cores)
    python bench/variants.py --smoke            # a few pictures, 2,000 rows: checks that it runs
    python bench/variants.py --postgres postgresql+psycopg://postgres@127.0.0.1:55432/postgres
    python bench/variants.py --sweep            # also print recall/precision over a grid of thresholds
    python bench/variants.py --orders 6         # also the mean and worst over six arrival orders
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import itertools
import json
import multiprocessing
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import variant_set
from catalog import fingerprints as F
from catalog import likeness
from catalog import variants as variants_module
from catalog.captures import capture_of, same_capture

TARGETS = {"recall": 0.98, "precision": 0.995, "similar_ms": 100.0}


# --- quality -----------------------------------------------------------------------------------------------------

def _fingerprint(path: str):
    return F.perceptual_fingerprint(path), capture_of(path)


def _compare(pair):
    a, b = pair
    return a, b, likeness.compare(_FPS[a][0], _FPS[b][0])


_FPS: list = []


def candidate_pairs(fps: list) -> dict[tuple[int, int], int]:
    """Every pair the band index would return with a stage-one distance within CANDIDATE_BITS."""
    index: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for n, fp in enumerate(fps):
        if fp is None:
            continue
        for window, value in enumerate(fp.hashes):
            for key in set(F.bands(value)):
                index[key].append((n, window, value))
    pairs: dict[tuple[int, int], int] = {}
    for n, fp in enumerate(fps):
        if fp is None:
            continue
        for window, value in enumerate(fp.hashes):
            for key in set(F.probes(value)):
                for other, other_window, other_value in index.get(key, ()):
                    if other == n or (window and other_window):
                        continue
                    bits = (value ^ other_value).bit_count()
                    pair = (min(n, other), max(n, other))
                    if bits <= likeness.CANDIDATE_BITS and bits < pairs.get(pair, 65):
                        pairs[pair] = bits
    return pairs


def simulate(items, captures, pairs, comparisons, limits, share, *, evidence: bool = True, seed: int = 1,
             fps=None, order: list[int] | None = None) -> list[int | None]:
    """The groups `catalog.variants.place` makes when the files arrive one by one in a random order: each gets
    the next photo id, is compared with the COMPARED closest candidates already placed, and is placed by
    `variants.placement`, its merges tied as `place` ties them (`tied`: a comparison missing from `comparisons`,
    a pair within CANDIDATE_BITS the band index did not return, is made from `fps` and kept).
    `order` gives the arrival order instead (tests: a catalogue's import order). Returns each item's group (the
    photo id, i.e. the arrival rank, of its smallest member)."""
    from catalog import variants

    fps = fps if fps is not None else [fp for fp, _ in _FPS]
    neighbours: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), bits in pairs.items():
        neighbours[a].append((bits, b))
        neighbours[b].append((bits, a))
    if order is None:
        order = list(range(len(items)))
        random.Random(seed).shuffle(order)
    ident = {n: photo_id for photo_id, n in enumerate(order)}  # photo id = arrival rank, as in a catalogue
    group: list[int | None] = [None] * len(items)
    members: dict[int, set[int]] = {}
    placed: set[int] = set()

    def verdict(n: int, o: int) -> tuple[bool, float]:
        """(variant?, the aligned distance) as likeness.verdict gives them, from the cached comparisons."""
        key = (min(n, o), max(n, o))
        if key not in comparisons:
            if fps[n] is None or fps[o] is None or likeness.hash_distance(fps[n], fps[o])[0] > likeness.CANDIDATE_BITS:
                return False, float("inf")
            comparisons[key] = likeness.compare(fps[n], fps[o])
        same = same_capture(captures[n], captures[o]) if evidence else None
        if same is False:
            return False, float("inf")
        comparison = comparisons[key]
        return comparison.within(limits.relaxed() if same else limits), comparison.distance

    def tied(a: int, b: int) -> bool:
        return verdict(order[a], order[b])[0]

    for n in order:
        near = sorted((bits, o) for bits, o in neighbours[n] if o in placed)[:variants.COMPARED]
        judged, barred = [], set()
        for _, o in near:
            ok, distance = verdict(n, o)
            judged.append((distance, ident[o], group[o], ok))
            same = same_capture(captures[n], captures[o]) if evidence else None
            if same is False and group[o] is not None:
                barred.add(group[o])
        judged.sort(key=lambda row: (row[0], row[1]))  # closest first, as variants.compared orders them
        verdicts = [(other, other_group, ok) for _, other, other_group, ok in judged]
        decided = variants.placement(ident[n], group[n], verdicts, share, barred, tied)
        if decided.group is not None:
            target = members.setdefault(decided.group, set())
            for merged in decided.merged:
                for m in members.pop(merged, set()):
                    group[m] = decided.group
                    target.add(m)
            for m in (order[photo_id] for photo_id in decided.joining):
                if group[m] is not None and group[m] != decided.group:
                    members[group[m]].discard(m)
                group[m] = decided.group
                target.add(m)
        placed.add(n)
    return group


def judge(items, groups) -> dict:
    """Recall and precision of true variant pairs through the groups."""
    pictures = [item.picture for item in items]
    true_total = sum(c * (c - 1) // 2 for c in Counter(pictures).values())
    by_group: dict[int, Counter] = defaultdict(Counter)
    for n, group in enumerate(groups):
        if group is not None:
            by_group[group][pictures[n]] += 1
    grouped_pairs = sum(sum(c.values()) * (sum(c.values()) - 1) // 2 for c in by_group.values())
    grouped_true = sum(v * (v - 1) // 2 for c in by_group.values() for v in c.values())
    return {"recall": grouped_true / true_total, "precision": grouped_true / max(1, grouped_pairs),
            "false_pairs": grouped_pairs - grouped_true, "true_pairs": true_total}


def _code_stamp(modules=(F, likeness)) -> str:
    """A short hash of the fingerprint and likeness modules' source: saved comparisons of other code are not reused."""
    import hashlib

    return hashlib.sha256(b"".join(Path(module.__file__).read_bytes() for module in modules)).hexdigest()[:10]


def quality(folder: Path, sizes: dict, workers: int, sweep: bool, limits=None, share=None, orders: int = 1) -> dict:
    """Fingerprints, candidate pairs and comparisons of a labelled set, and the groups made from them."""
    global _FPS
    started = time.monotonic()
    listing = folder / "items.pkl"
    if listing.exists():
        items = pickle.loads(listing.read_bytes())
    else:
        items = variant_set.build(folder, **sizes, workers=workers)
        listing.write_bytes(pickle.dumps(items))
    built = time.monotonic() - started
    # fingerprints, candidate pairs and comparisons do not depend on the thresholds: kept beside the set, so
    # a sweep or other thresholds (--limits) cost a simulation only
    saved = folder / f"compared-v{F._VERSION}-{_code_stamp()}.pkl"
    if saved.exists():
        _FPS, pairs, comparisons, fingerprinted, compared = pickle.loads(saved.read_bytes())
    else:
        started = time.monotonic()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            _FPS = pool.map(_fingerprint, [item.path for item in items], chunksize=16)
        fingerprinted = time.monotonic() - started
        started = time.monotonic()
        pairs = candidate_pairs([fp for fp, _ in _FPS])
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            comparisons = {(a, b): c for a, b, c in pool.map(_compare, sorted(pairs), chunksize=64)}
        compared = time.monotonic() - started
        saved.write_bytes(pickle.dumps((_FPS, pairs, comparisons, fingerprinted, compared)))
    fps = [fp for fp, _ in _FPS]
    captures = [capture for _, capture in _FPS]
    pictures = [item.picture for item in items]
    true_total = sum(c * (c - 1) // 2 for c in Counter(pictures).values())
    stage_one = sum(pictures[a] == pictures[b] for a, b in pairs)
    limits, share = limits or likeness.DEFAULT_THRESHOLDS, share or variants_module.JOIN_SHARE
    runs = {}
    for name, evidence in (("with EXIF evidence", True), ("pixels alone", False)):
        groups = simulate(items, captures, pairs, comparisons, limits, share, evidence=evidence)
        runs[name] = {**judge(items, groups), "groups": groups}
    main_run = runs["with EXIF evidence"]
    groups = main_run["groups"]
    original = {item.picture: n for n, item in enumerate(items) if item.kind == "original"}
    per_kind = defaultdict(lambda: [0, 0, 0])  # [variant of its original directly, same group, total]
    for n, item in enumerate(items):
        if item.kind == "original":
            continue
        o = original[item.picture]
        c = comparisons.get((min(o, n), max(o, n)))
        per_kind[item.kind][0] += bool(c is not None and c.within(limits))
        per_kind[item.kind][1] += groups[o] is not None and groups[o] == groups[n]
        per_kind[item.kind][2] += 1
    near = defaultdict(lambda: [0, 0, 0])  # tier -> [pairs accepted directly, pairs grouped, pairs]
    for a, b in itertools.combinations(range(len(items)), 2):
        ia, ib = items[a], items[b]
        if ia.picture != ib.picture and ia.picture.split("-frame")[0] == ib.picture.split("-frame")[0]:
            tier = ia.burst or ib.burst
            c = comparisons.get((a, b))
            same = same_capture(captures[a], captures[b])
            near[tier][0] += bool(c is not None and same is not False and c.within(limits))
            near[tier][1] += groups[a] is not None and groups[a] == groups[b]
            near[tier][2] += 1
    out = {
        "files": len(items), "pictures": len(set(pictures)), "no_fingerprint": sum(fp is None for fp in fps),
        "with_exif": sum(item.exif for item in items),
        "real_pictures": len({p for p in pictures if p.startswith("real-") and "-frame" not in p}),
        "burst_frames": len({p for p in pictures if "-frame" in p}),
        "true_pairs": true_total, "stage_one_candidates": len(pairs), "stage_one_true": stage_one,
        "stage_one_recall": stage_one / true_total,
        "runs": {name: {k: v for k, v in run.items() if k != "groups"} for name, run in runs.items()},
        "per_kind": {kind: {"direct": v[0] / v[2], "grouped": v[1] / v[2], "copies": v[2]}
                     for kind, v in sorted(per_kind.items())},
        "near_miss": {tier: {"accepted": v[0], "grouped": v[1], "pairs": v[2]} for tier, v in near.items()},
        "seconds": {"build": built, "fingerprint": fingerprinted, "candidates_and_compare": compared},
        "compare_ms": (time.monotonic() - started) and compared / max(1, len(pairs)) * workers * 1000,
    }
    if orders > 1:  # precision turns on a few links, each bringing a whole group: the arrival order matters
        for name, evidence in (("with EXIF evidence", True), ("pixels alone", False)):
            judged = [judge(items, simulate(items, captures, pairs, comparisons, limits, share, evidence=evidence,
                                            seed=seed)) for seed in range(1, orders + 1)]
            out["runs"][name]["orders"] = {
                "orders": orders, "recall_mean": statistics.mean(r["recall"] for r in judged),
                "recall_min": min(r["recall"] for r in judged),
                "precision_mean": statistics.mean(r["precision"] for r in judged),
                "precision_min": min(r["precision"] for r in judged), "false_pairs": [r["false_pairs"] for r in judged]}
    if sweep:
        grid = []
        for blob in (0.20, 0.25, 0.30, 0.35, 0.40, 0.60):
            for share_ in (0.5, 0.67, 0.8):
                for colour in (0.6, 1.0):
                    lim = likeness.Thresholds(limits.distance, blob, colour)
                    r = judge(items, simulate(items, captures, pairs, comparisons, lim, share_))
                    grid.append({"distance": limits.distance, "blob": blob, "colour_blob": colour, "share": share_,
                                 **r})
        out["sweep"] = grid
    return out


# --- cost ----------------------------------------------------------------------------------------------------------

def cost(files: int, workers: int) -> dict:
    """ms per fingerprint on press JPEGs of 3000×2000, from the main image and from an EXIF thumbnail."""
    from bench import corpus as corpus_module

    folder = corpus_module.build(Path(tempfile.gettempdir()) / "catalog-bench" / f"corpus-{files}", files,
                                 (3000, 2000))
    paths = sorted(str(p) for p in folder.glob("*.jpg"))[:files]
    sizes = [os.path.getsize(p) for p in paths]
    for path in paths:  # warm page cache
        Path(path).read_bytes()
    main = _best_of(lambda: [F.perceptual_fingerprint(p, use_thumbnail=False) for p in paths], 3) / len(paths)
    decode = _best_of(lambda: [_decode_only(p) for p in paths], 3) / len(paths)
    with tempfile.TemporaryDirectory(prefix="variants-thumbs-") as scratch:
        thumbed = _with_thumbnails(paths[: min(len(paths), 50)], Path(scratch))
        thumb = _best_of(lambda: [F.perceptual_fingerprint(p) for p in thumbed], 3) / len(thumbed)
        sources = Counter(F.perceptual_fingerprint(p).source for p in thumbed)
    return {"files": len(paths), "mean_mb": statistics.mean(sizes) / 1e6, "main_image_ms": main * 1000,
            "decode_only_ms": decode * 1000, "thumbnail_ms": thumb * 1000, "thumbnail_sources": dict(sources),
            "startup": startup()}


def _decode_only(path):
    from PIL import Image

    with Image.open(path) as image:
        image.draft("L", (F.DRAFT_SIZE, F.DRAFT_SIZE))
        image.load()


def _with_thumbnails(paths: list[str], folder: Path) -> list[str]:
    """Copies of the files in `folder` with a 160×107 EXIF thumbnail of their own pixels (as a camera writes it)."""
    import io

    from PIL import Image

    out = []
    for path in paths:
        with Image.open(path) as image:
            image.draft("RGB", (320, 320))
            small = image.convert("RGB")
            small.thumbnail((160, 120))
            buffer = io.BytesIO()
            small.save(buffer, "JPEG", quality=80)
            target = folder / Path(path).name
            # Pillow writes no thumbnail of its own: the EXIF block with one in IFD1 is built by hand
            Image.open(path).save(target, "JPEG", quality=88, exif=_exif_with_thumbnail(buffer.getvalue()))
            out.append(str(target))
    return out


def _exif_with_thumbnail(jpeg: bytes) -> bytes:
    """A minimal EXIF block (little-endian TIFF) whose IFD1 holds `jpeg` as its thumbnail."""
    import struct

    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x0112, 3, 1, 1) + struct.pack("<I", 26)
    ifd1_entries = [(0x0103, 3, 1, 6), (0x0201, 4, 1, 0), (0x0202, 4, 1, len(jpeg))]
    ifd1_size = 2 + 12 * len(ifd1_entries) + 4
    offset = 26 + ifd1_size
    ifd1 = struct.pack("<H", len(ifd1_entries))
    for tag, kind, count, value in ifd1_entries:
        ifd1 += struct.pack("<HHII", tag, kind, count, offset if tag == 0x0201 else value)
    ifd1 += struct.pack("<I", 0)
    return b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + jpeg


def _best_of(action, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def startup(runs: int = 7) -> dict:
    """Median wall-clock of a fresh interpreter importing this module (and fingerprinting one small image),
    against the same with imagehash (when installed)."""
    probe = ("from PIL import Image; import {module} as m; "
             "m.{call}(Image.linear_gradient('L').resize((300, 200)))")
    cases = {"python -c pass": "pass",
             "catalog.fingerprints": probe.format(module="catalog.fingerprints", call="perceptual_fingerprint"),
             "imagehash (phash)": probe.format(module="imagehash", call="phash"),
             "imagehash (dhash)": probe.format(module="imagehash", call="dhash")}
    out = {}
    for name, code in cases.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
            times.append(time.perf_counter() - started)
            if done.returncode:
                break
        out[name] = statistics.median(times) * 1000 if not done.returncode else None
    return out


# --- look-up ---------------------------------------------------------------------------------------------------------

def _filler(seed: int):
    """A distinct picture for the large catalogue: a random part of a real photo or scene, or a new scene."""
    rng = random.Random(seed)
    pool = _POOL
    if pool and rng.random() < 0.6:
        image = pool[rng.randrange(len(pool))]
        w, h = image.size
        fw, fh = rng.uniform(0.35, 0.7), rng.uniform(0.35, 0.7)
        x, y = rng.uniform(0, 1 - fw), rng.uniform(0, 1 - fh)
        image = image.crop((int(x * w), int(y * h), int((x + fw) * w), int((y + fh) * h)))
        if rng.random() < 0.5:
            image = image.transpose(0)
    else:
        image = variant_set.scene(rng, (240, 160))
    return F.perceptual_fingerprint(image)


_POOL: list = []
_WHEN = datetime.datetime(2026, 1, 1)
#: Fillers made from pictures (the rest are repeats of these, see `fillers`): 33 ms each on a core of the
#: loaded VM (load 6-8), so 100,000 made from pictures would take half an hour on 2 cores.
MADE = 20_000


def fillers(rows: int, workers: int, seed: int = 5, made: int = MADE) -> tuple[list, int]:
    """`rows` filler fingerprints for the look-up: `made` of distinct pictures (real photo parts and
    generated scenes, `_filler`, in worker processes), each repeated until there are `rows`.

    Why repeats are a fair stand-in for more distinct pictures: the look-up's cost is the band rows the index
    returns and the candidates within CANDIDATE_BITS that stage two compares; both grow with the number of
    photos whose hashes lie near the query's. Repeating `made` real fingerprints rows/made times keeps the
    hashes' spread exactly that of real pictures (the same bands, the same share of near ones), so the
    expected rows and candidates per look-up are those of `rows` distinct real pictures; only their spread
    between look-ups is lumpier (a near picture comes `rows/made` times or not at all). Each repeat has one
    signature cell changed by one level, so no two fillers are equal objects (likeness keeps each
    fingerprint's arrays: equal ones would share them and a comparison would cost less than a real one);
    its hashes are unchanged, its verdicts all but (one level of one of 1,024 cells). That the candidates grow
    in proportion to the distinct pictures is checked: `lookup` prints the fillers among a look-up's
    candidates beside those among the first half of the distinct ones, scaled to `rows`.

    Returns (fingerprints, how many were made from pictures).
    """
    global _POOL
    made = min(made, rows)
    cache = Path(tempfile.gettempdir()) / "catalog-bench" / f"variant-fillers-{made}-{seed}-f{_code_stamp((F,))}.pkl"
    if cache.exists():
        base = pickle.loads(cache.read_bytes())
    else:
        _POOL = [image for _, image in variant_set.real_photos(200)]
        for image in _POOL:
            image.thumbnail((400, 400))
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            base = pool.map(_filler, range(seed * 10_000_000, seed * 10_000_000 + made), chunksize=50)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(base))
    out = list(base)
    for n in range(rows - made):
        fp = base[n % made]
        if fp is not None:
            cell = n % len(fp.signature)
            level = fp.signature[cell]
            signature = fp.signature[:cell] + bytes([level + 1 if level < 255 else level - 1]) + fp.signature[cell + 1:]
            fp = dataclasses.replace(fp, signature=signature)
        out.append(fp)
    return out, made


def lookup(url: str, rows: int, queries: list, workers: int, seed: int = 5, made: int = MADE) -> dict:
    """`similar` at `rows` photos: a real catalogue (the migrations' schema) filled with distinct pictures, then
    queried with copies whose originals are in it too; timed as variants.similar() and as the whole search
    `similar:ID` (which first checks that nothing is left to fingerprint)."""
    from sqlalchemy import func, insert, select

    from catalog import variants
    from catalog.library import Library
    from catalog.models import Photo, VariantBand, VariantFingerprint, VariantPair

    everything_fillers, made = fillers(rows, workers, seed, made)
    library = Library.open(url)
    started = time.monotonic()
    everything = list(everything_fillers) + [fp for pair in queries for fp in pair]
    # each query's original is the id before its copy
    copy_ids = [len(everything_fillers) + 2 + 2 * n for n in range(len(queries))]
    with library.session(write=True) as session:
        conn = session.connection()
        batch_photo, batch_fp, batch_band = [], [], []

        def flush():
            conn.execute(insert(Photo.__table__), batch_photo)
            conn.execute(insert(VariantFingerprint.__table__), batch_fp)
            if batch_band:
                conn.execute(insert(VariantBand.__table__), batch_band)
            batch_photo.clear()
            batch_fp.clear()
            batch_band.clear()

        for photo_id, fp in enumerate(everything, start=1):
            batch_photo.append({"id": photo_id, "path": f"/bench/{photo_id}.jpg", "size": 1, "mtime_ns": 1,
                                "fingerprint": f"f{photo_id}", "imported_at": _WHEN,
                                # stored as an import stores them: a batch of a few hundred each second
                                "updated_at": _WHEN + datetime.timedelta(milliseconds=2 * photo_id)})
            # the fillers as placed long ago; the look-up photos (the last ones) are placed below, as an import's
            # arrivals are, which keeps their pairs (variant_pair)
            batch_fp.append({"photo_id": photo_id, "fingerprint": fp.to_bytes() if fp else None,
                             "file_fingerprint": f"f{photo_id}", "made_from": "image", "group_id": None,
                             "placed": photo_id <= len(everything_fillers) or fp is None})
            if fp is not None:
                batch_band += variants.band_rows(photo_id, fp)
            if len(batch_photo) >= 5000:
                flush()
        if batch_photo:
            flush()
    filled = time.monotonic() - started
    started = time.monotonic()
    placed = variants.bring_up_to_date(library, workers=1).placed
    placing = time.monotonic() - started
    with library.session() as session:
        kept = session.scalar(select(func.count()).select_from(VariantPair.__table__))
    if library.dialect == "postgresql":
        # as autovacuum leaves a catalogue after an import (PostgreSQL 13+ vacuums insert-only tables too): the
        # visibility map lets the band look-up read the index alone (hash is in the key)
        with library.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    plan = _plan(library, queries[0][1])
    times, search_times, found, candidates, among_fillers, among_half, stage_one = [], [], 0, [], [], [], []
    former, same, measured, same_measured, read, compared_now = [], 0, [], 0, 0, 0
    with library.session() as session:
        for _ in range(2):
            variants.similar(session, copy_ids[0])
        for photo_id in copy_ids:
            started = time.perf_counter()
            fresh: dict = {}
            result = variants.similar(session, photo_id, made=fresh)
            times.append(time.perf_counter() - started)
            compared_now += len(fresh)
            started = time.perf_counter()  # interleaved, so all three see the same load
            again = variants.similar(session, photo_id, stored=False)
            measured.append(time.perf_counter() - started)
            same_measured += again == result
            read += len(again) - len(fresh)
            started = time.perf_counter()
            before = _similar_one_by_one(session, photo_id)
            former.append(time.perf_counter() - started)
            same += before == result
            found += any(alike.photo_id == photo_id - 1 and alike.variant for alike in result)
            started = time.perf_counter()
            own = variants.load(session, [photo_id])[photo_id].fp
            found_ids = variants.candidates(session, own, exclude=photo_id)
            variants.load(session, sorted(found_ids, key=lambda other: (found_ids[other], other))[:variants.COMPARED])
            stage_one.append(time.perf_counter() - started)
            candidates.append(len(found_ids))
            among_fillers.append(sum(other <= rows for other in found_ids))
            among_half.append(sum(other <= made // 2 for other in found_ids) * rows / (made // 2))
    for photo_id in copy_ids:
        started = time.perf_counter()
        library.search([f"similar:{photo_id}"])
        search_times.append(time.perf_counter() - started)
    with library.session() as session:
        count = session.scalar(select(func.count()).select_from(Photo.__table__))
    library.close()
    times.sort()
    search_times.sort()
    former.sort()
    measured.sort()
    return {"placed": placed, "placing_s": placing, "pairs_kept": kept, "pairs_read": read,
            "pairs_measured": compared_now, "measured_median_ms": statistics.median(measured) * 1000,
            "measured_p95_ms": measured[int(0.95 * (len(measured) - 1))] * 1000, "same_as_measured": same_measured,
            "former_median_ms": statistics.median(former) * 1000,
            "former_p95_ms": former[int(0.95 * (len(former) - 1))] * 1000, "same_as_former": same,
            "rows": count, "fill_s": filled, "queries": len(queries), "found_own_original": found,
            "median_ms": statistics.median(times) * 1000, "p95_ms": times[int(0.95 * (len(times) - 1))] * 1000,
            "max_ms": times[-1] * 1000, "search_median_ms": statistics.median(search_times) * 1000,
            "search_p95_ms": search_times[int(0.95 * (len(search_times) - 1))] * 1000,
            "candidates_median": statistics.median(candidates), "candidates_max": max(candidates),
            "stage_one_median_ms": statistics.median(stage_one) * 1000,
            "compared_median": statistics.median(min(n, variants.COMPARED) for n in candidates),
            "fillers_candidates_mean": statistics.mean(among_fillers), "made": made,
            "candidates_from_half_mean": statistics.mean(among_half), "plan": plan}


def _similar_one_by_one(session, photo_id: int) -> list:
    """variants.similar as it was before the look-up was made faster (the band rows' bits in Python, each
    candidate compared alone): timed beside it, on the same catalogue at the same load, and its answer checked
    to be the same."""
    from sqlalchemy import select

    from catalog import captures, variants
    from catalog.models import VariantBand

    own = variants.load(session, [photo_id]).get(photo_id)
    if own is None:
        return []
    fp = own.fp
    whole = set(F.probes(fp.hashes[0]))
    windows = {key for value in fp.hashes[1:] for key in F.probes(value)} - whole
    band = VariantBand.__table__.c
    found: dict[int, int] = {}
    for keys, whole_only in ((sorted(whole), False), (sorted(windows), True)):
        for start in range(0, len(keys), 900):
            query = select(band.photo_id, band.window, band.hash).where(band.key.in_(keys[start:start + 900]))
            if whole_only:
                query = query.where(band.window == 0)
            for other, window, stored in session.execute(query):
                stored = stored + (1 << 64) if stored < 0 else stored
                mine = fp.hashes if window == 0 else fp.hashes[:1]
                bits = min((value ^ stored).bit_count() for value in mine)
                if other != photo_id and bits <= likeness.CANDIDATE_BITS and bits < found.get(other, 65):
                    found[other] = bits
    ids = sorted(found, key=lambda other: (found[other], other))[:variants.COMPARED]
    out = []
    for other_id, other in variants.load(session, ids).items():
        is_variant, comparison = likeness.verdict(fp, other.fp, own.capture, other.capture)
        distance = comparison.distance if comparison is not None else float("inf")
        out.append(variants.Alike(other_id, distance, is_variant, other.group,
                                  captures.same_capture(own.capture, other.capture) is False))
    out.sort(key=lambda alike: (alike.distance, alike.photo_id))
    return [alike for alike in out if alike.distance != float("inf")]


def _plan(library, fp) -> list[str]:
    """The database's plan for the band look-up of the larger key list (a copy's window hashes)."""
    from sqlalchemy import select

    from catalog.models import VariantBand

    keys = sorted({key for value in fp.hashes[1:] for key in F.probes(value)})
    column = VariantBand.__table__.c
    query = select(column.photo_id, column.window, column.hash).where(column.key.in_(keys), column.window == 0)
    with library.session() as session:
        conn = session.connection()
        sql = str(query.compile(conn.engine, compile_kwargs={"literal_binds": True}))
        explain = "EXPLAIN ANALYZE " if library.dialect == "postgresql" else "EXPLAIN QUERY PLAN "
        return [" ".join(str(part) for part in row) for row in conn.exec_driver_sql(explain + sql)][:8]


def _queries(items, fps, count: int, seed: int = 3) -> list:
    """(original, copy) fingerprint pairs of different kinds of copy, for the look-up timing. `fps` is the
    set's fingerprints, or None: then only the sampled files are fingerprinted."""
    rng = random.Random(seed)
    original = {item.picture: n for n, item in enumerate(items) if item.kind == "original"}
    copies = [(original[item.picture], n) for n, item in enumerate(items)
              if item.kind != "original" and item.picture in original]
    out = []
    for a, b in rng.sample(copies, len(copies)):
        pair = tuple(fps[n] if fps is not None else F.perceptual_fingerprint(items[n].path) for n in (a, b))
        if None not in pair:
            out.append(pair)
        if len(out) >= count:
            break
    return out


# --- the report ------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=int, default=40, help="real photos in the set (default 40)")
    parser.add_argument("--real-skip", type=int, default=40,
                        help="real photos passed over first (default 40: those the thresholds were chosen on)")
    parser.add_argument("--scenes", type=int, default=50, help="generated scenes in the set (default 50)")
    parser.add_argument("--bursts", type=int, default=25, help="pictures made into burst frames (default 25)")
    parser.add_argument("--seed", type=int, default=23, help="(the thresholds were chosen on seed 11)")
    parser.add_argument("--rows", type=int, default=100_000, help="photos for the look-up timing (default 100000)")
    parser.add_argument("--made", type=int, default=MADE,
                        help=f"look-up fillers made from distinct pictures, the rest repeats (default {MADE:,})")
    parser.add_argument("--files", type=int, default=100, help="3000×2000 JPEGs for the cost (default 100)")
    parser.add_argument("--postgres", help="also time the look-up on this PostgreSQL server (a database is made)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "catalog-bench"))
    parser.add_argument("--sweep", action="store_true", help="print recall/precision over a threshold grid")
    parser.add_argument("--orders", type=int, default=1,
                        help="also place the files in this many random orders and give the mean and the worst")
    parser.add_argument("--smoke", action="store_true", help="a tiny run: checks that the script works")
    parser.add_argument("--json", help="also write every figure to this file")
    parser.add_argument("--limits", help="blob,distance,colour_blob,join_share to judge with instead of the "
                        "defaults (choose them on the tuning set, never on the held-out one)")
    parser.add_argument("--stripped", action="store_true", help="no file of the set carries EXIF")
    parser.add_argument("--keep-sqlite", help="make the look-up's SQLite catalogue in this file and keep it (to "
                        "check the answers with another version of catalog)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: quality,cost,lookup")
    args = parser.parse_args(argv)
    if args.smoke:
        args.real, args.real_skip, args.scenes, args.bursts, args.rows, args.files = 2, 0, 3, 1, 2000, 3
    skip = set(filter(None, args.skip.split(",")))
    sizes = {"real": args.real, "real_skip": args.real_skip, "scenes": args.scenes, "bursts": args.bursts,
             "seed": args.seed, **({"stripped": True} if args.stripped else {})}
    # the set's format (v2: cameras' EXIF on originals and burst frames) is in the name: an older cache is not read
    folder = Path(args.cache) / ("variant-set-v2-" + "-".join(f"{k}{v}" for k, v in sizes.items()))
    figures: dict = {"thresholds": {"candidate_bits": likeness.CANDIDATE_BITS, "band_radius": F.BAND_RADIUS,
                                    "variant_distance": likeness.VARIANT_DISTANCE,
                                    "variant_blob": likeness.VARIANT_BLOB,
                                    "colour_blob": likeness.VARIANT_COLOUR_BLOB,
                                    "plain_blob": likeness.PLAIN_BLOB,
                                    "concentration": likeness.CONCENTRATION,
                                    "borderline_colour": likeness.BORDERLINE_COLOUR_BLOB,
                                    "borderline_block": likeness.BORDERLINE_BLOCK,
                                    "join_share": variants_module.JOIN_SHARE,
                                    "join_matches": variants_module.JOIN_MATCHES}}
    if "quality" not in skip:
        limits = share = None
        if args.limits:
            blob, distance, colour, share = (float(v) for v in args.limits.split(","))
            limits = likeness.Thresholds(distance, blob, colour)
        figures["quality"] = quality(folder, sizes, args.workers, args.sweep, limits, share, args.orders)
        _print_quality(figures["quality"])
    if "cost" not in skip:
        figures["cost"] = cost(args.files, args.workers)
        _print_cost(figures["cost"])
    if "lookup" not in skip:
        items = pickle.loads((folder / "items.pkl").read_bytes()) if (folder / "items.pkl").exists() else None
        if items is None:
            items = variant_set.build(folder, **sizes, workers=args.workers)
            (folder / "items.pkl").write_bytes(pickle.dumps(items))
        fps = [fp for fp, _ in _FPS] if _FPS else None
        queries = _queries(items, fps, 10 if args.smoke else 60)
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(args.keep_sqlite) if args.keep_sqlite else Path(scratch) / "variants.db"
            for old in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))):
                old.unlink(missing_ok=True)
            figures["lookup_sqlite"] = lookup(f"sqlite:///{path}", args.rows, queries, args.workers,
                                                    made=args.made)
        _print_lookup("SQLite", figures["lookup_sqlite"])
        if args.postgres:
            figures["lookup_postgresql"] = _on_postgres(args.postgres, args.rows, queries, args.workers, args.made)
            _print_lookup("PostgreSQL", figures["lookup_postgresql"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str))
    return 0


def _on_postgres(server: str, rows: int, queries, workers: int, made: int) -> dict:
    from sqlalchemy import create_engine, text

    name = f"catalog_variants_bench_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return lookup(server.rsplit("/", 1)[0] + "/" + name, rows, queries, workers, made=made)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _print_quality(q: dict) -> None:
    ok = {True: "ok", False: "MISSED"}
    print(f"variant set · {q['files']:,} files, {q['pictures']} pictures ({q['real_pictures']} real photos, "
          f"{q['burst_frames']} burst frames), {q['true_pairs']:,} true variant pairs "
          f"({q['no_fingerprint']} without a fingerprint)")
    print(f"stage one (band index, ≤ {likeness.CANDIDATE_BITS} bits): {q['stage_one_candidates']:,} candidate pairs, "
          f"{q['stage_one_recall']:.2%} of true pairs among them")
    print(f"{'':32}{'recall':>10}{'precision':>12}{'false pairs':>13}")
    for name, run in q["runs"].items():
        print(f"{'through the groups, ' + name:32}{run['recall']:>10.2%}{run['precision']:>12.3%}"
              f"{run['false_pairs']:>13,}   targets ≥ 98% / ≥ 99.5%: "
              f"{ok[run['recall'] >= TARGETS['recall']]} / {ok[run['precision'] >= TARGETS['precision']]}")
    print("copy against its original, by kind (found directly / through the group):")
    kinds = sorted(q["per_kind"].items(), key=lambda kv: kv[1]["direct"])
    for n in range(0, len(kinds), 3):
        print("   " + "   ".join(f"{kind:<24}{v['direct']:>6.1%} {v['grouped']:>6.1%}" for kind, v in kinds[n:n + 3]))
    for tier, v in sorted(q["near_miss"].items()):
        print(f"near-miss frames ({tier}): {v['accepted']} of {v['pairs']:,} pairs taken for variants")
    for name, run in q["runs"].items():
        if "orders" in run:
            o = run["orders"]
            print(f"{o['orders']} arrival orders, {name}: recall mean {o['recall_mean']:.2%} (worst "
                  f"{o['recall_min']:.2%}), precision mean {o['precision_mean']:.3%} (worst {o['precision_min']:.3%}); "
                  f"false pairs {', '.join(map(str, o['false_pairs']))}")
    for row in q.get("sweep", []):
        print(f"   blob ≤ {row['blob']:.2f} colour ≤ {row['colour_blob']:.2f} share {row['share']:.2f}: "
              f"grouped {row['recall']:.2%} / {row['precision']:.3%} ({row['false_pairs']} false)")
    s = q["seconds"]
    print(f"(built in {s['build']:.0f} s, fingerprinted in {s['fingerprint']:.0f} s, "
          f"candidates and comparisons in {s['candidates_and_compare']:.0f} s)")


def _print_cost(c: dict) -> None:
    print(f"\nfingerprint cost · {c['files']} JPEGs 3000×2000, {c['mean_mb']:.1f} MB each, best of 3, one core")
    print(f"   from the main image        {c['main_image_ms']:7.1f} ms   (of which the 1/8-scale decode "
          f"{c['decode_only_ms']:.1f} ms)")
    print(f"   from the EXIF thumbnail    {c['thumbnail_ms']:7.1f} ms   (sources: {c['thumbnail_sources']})")
    print("   start-up, a fresh interpreter importing and fingerprinting one small image (median of 7):")
    for name, ms in c["startup"].items():
        print(f"      {name:<26}{'not installed' if ms is None else f'{ms:7.0f} ms'}")


def _print_lookup(name: str, r: dict) -> None:
    print(f"\nsimilar() on {name} at {r['rows']:,} photos: median {r['median_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, "
          f"max {r['max_ms']:.1f} ms (target < {TARGETS['similar_ms']:.0f} ms); the search similar:ID median "
          f"{r['search_median_ms']:.1f} ms, p95 {r['search_p95_ms']:.1f} ms; stage-one candidates median "
          f"{r['candidates_median']}, max {r['candidates_max']}; {r['found_own_original']} of {r['queries']} copies "
          f"found their original; filled in {r['fill_s']:.0f} s")
    if "measured_median_ms" in r:
        print(f"   the look-up photos placed as arrivals (bring_up_to_date) in {r['placing_s']:.1f} s: {r['placed']} "
              f"placed, {r['pairs_kept']:,} pairs kept; pairs read {r['pairs_read']:,}, measured at look-up "
              f"{r['pairs_measured']:,}")
        print(f"   every pair measured (no variant_pair: similar(stored=False)), interleaved: median "
              f"{r['measured_median_ms']:.1f} ms, p95 {r['measured_p95_ms']:.1f} ms; the same answer for "
              f"{r['same_as_measured']} of {r['queries']} look-ups")
    if "former_median_ms" in r:
        print(f"   the former similar() (each candidate compared alone), interleaved: median "
              f"{r['former_median_ms']:.1f} ms, p95 {r['former_p95_ms']:.1f} ms; the same answer for "
              f"{r['same_as_former']} of {r['queries']} look-ups")
    print(f"   of which the index (the photo, its candidates, the {r['compared_median']:.0f} closest loaded: "
          f"everything but stage two) median {r['stage_one_median_ms']:.1f} ms")
    print(f"   fillers: {r['made']:,} made from distinct pictures, repeated to {r['rows'] - 2 * r['queries']:,}; "
          f"fillers among a look-up's candidates: mean {r['fillers_candidates_mean']:.1f}; from the first half "
          f"of the distinct ones, scaled: {r['candidates_from_half_mean']:.1f}")
    for line in r.get("plan", [])[:4]:
        print(f"   plan: {line[:150]}")


if __name__ == "__main__":
    sys.exit(main())
