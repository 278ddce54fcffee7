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
"""

from __future__ import annotations

import argparse
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

TARGETS = {"recall": 0.98, "precision": 0.995, "similar_ms": 100.0}


# --- quality -----------------------------------------------------------------------------------------------------

def _fingerprint(path: str):
    return F.perceptual_fingerprint(path)


def _compare(pair):
    a, b = pair
    comparison = F.compare(_FPS[a], _FPS[b])
    return a, b, comparison.distance, comparison.blob, comparison.outside, comparison.colour_blob


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
                    if other <= n or (window and other_window):
                        continue
                    bits = (value ^ other_value).bit_count()
                    if bits <= F.CANDIDATE_BITS and bits < pairs.get((n, other), 65):
                        pairs[(n, other)] = bits
    return pairs


def _groups(n: int, edges) -> list[int]:
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(x) for x in range(n)]


def judge(items, verdicts, distance, blob, outside, colour=None) -> dict:
    """Recall and precision of true variant pairs, directly and through groups, at the given thresholds."""
    pictures = [item.picture for item in items]
    colour = F.VARIANT_COLOUR_BLOB if colour is None else colour
    accepted = [(a, b) for a, b, d, w, o, c in verdicts if d <= distance and w <= blob and o <= outside
                and c <= colour]
    true_total = sum(c * (c - 1) // 2 for c in Counter(pictures).values())
    direct_true = sum(pictures[a] == pictures[b] for a, b in accepted)
    groups = _groups(len(items), accepted)
    by_group = defaultdict(Counter)
    for n, group in enumerate(groups):
        by_group[group][pictures[n]] += 1
    grouped_pairs = sum(sum(c.values()) * (sum(c.values()) - 1) // 2 for c in by_group.values())
    grouped_true = sum(v * (v - 1) // 2 for c in by_group.values() for v in c.values())
    return {
        "direct_recall": direct_true / true_total, "direct_precision": direct_true / max(1, len(accepted)),
        "direct_false_pairs": len(accepted) - direct_true,
        "grouped_recall": grouped_true / true_total, "grouped_precision": grouped_true / max(1, grouped_pairs),
        "grouped_false_pairs": grouped_pairs - grouped_true, "true_pairs": true_total, "groups": groups,
        "accepted": accepted,
    }


def quality(folder: Path, sizes: dict, workers: int, sweep: bool) -> dict:
    global _FPS
    started = time.monotonic()
    listing = folder / "items.pkl"
    if listing.exists():
        items = pickle.loads(listing.read_bytes())
    else:
        items = variant_set.build(folder, **sizes, workers=workers)
        listing.write_bytes(pickle.dumps(items))
    built = time.monotonic() - started
    started = time.monotonic()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        _FPS = pool.map(_fingerprint, [item.path for item in items], chunksize=16)
    fingerprinted = time.monotonic() - started
    missing = sum(fp is None for fp in _FPS)
    started = time.monotonic()
    pairs = candidate_pairs(_FPS)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        verdicts = pool.map(_compare, sorted(pairs), chunksize=64)
    compared = time.monotonic() - started
    pictures = [item.picture for item in items]
    true_total = sum(c * (c - 1) // 2 for c in Counter(pictures).values())
    stage_one = sum(pictures[a] == pictures[b] for a, b in pairs)
    result = judge(items, verdicts, F.VARIANT_DISTANCE, F.VARIANT_BLOB, F.OUTSIDE_TOLERANCE)
    # per kind: the copy against its own original, directly
    original = {item.picture: n for n, item in enumerate(items) if item.kind == "original"}
    accepted = set(result["accepted"])
    per_kind = defaultdict(lambda: [0, 0, 0])  # [found directly, found through the group, total]
    for n, item in enumerate(items):
        if item.kind == "original":
            continue
        o = original[item.picture]
        per_kind[item.kind][0] += (min(o, n), max(o, n)) in accepted
        per_kind[item.kind][1] += result["groups"][o] == result["groups"][n]
        per_kind[item.kind][2] += 1
    # near misses: frames of one burst, and each frame against the picture it was made from
    near = defaultdict(lambda: [0, 0])  # tier -> [pairs accepted directly, pairs]
    for a, b in itertools.combinations(range(len(items)), 2):
        ia, ib = items[a], items[b]
        if ia.picture != ib.picture and ia.picture.split("-frame")[0] == ib.picture.split("-frame")[0]:
            tier = ia.burst or ib.burst
            near[tier][0] += (a, b) in accepted
            near[tier][1] += 1
    out = {
        "files": len(items), "pictures": len(set(pictures)), "no_fingerprint": missing,
        "real_pictures": len({p for p in pictures if p.startswith("real-") and "-frame" not in p}),
        "burst_frames": len({p for p in pictures if "-frame" in p}),
        "true_pairs": true_total, "stage_one_candidates": len(pairs), "stage_one_true": stage_one,
        "stage_one_recall": stage_one / true_total,
        **{k: v for k, v in result.items() if k not in ("groups", "accepted")},
        "per_kind": {kind: {"direct": v[0] / v[2], "grouped": v[1] / v[2], "copies": v[2]}
                     for kind, v in sorted(per_kind.items())},
        "near_miss": {tier: {"accepted": v[0], "pairs": v[1]} for tier, v in near.items()},
        "seconds": {"build": built, "fingerprint": fingerprinted, "candidates_and_compare": compared},
    }
    if sweep:
        grid = []
        for distance in (0.25, 0.30, 0.35, 0.40):
            for blob in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                r = judge(items, verdicts, distance, blob, F.OUTSIDE_TOLERANCE)
                grid.append({"distance": distance, "blob": blob,
                             **{k: r[k] for k in ("direct_recall", "direct_precision", "grouped_recall",
                                                  "grouped_precision", "grouped_false_pairs")}})
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


def lookup(url: str, rows: int, queries: list, workers: int, seed: int = 5) -> dict:
    """`similar` at `rows` photos: the catalogue filled with distinct pictures, then queried with copies."""
    global _POOL
    from sqlalchemy import create_engine, insert

    from catalog import variants

    cache = Path(tempfile.gettempdir()) / "catalog-bench" / f"variant-fillers-{rows}-{seed}.pkl"
    if cache.exists():
        fillers = pickle.loads(cache.read_bytes())
    else:
        _POOL = [image for _, image in variant_set.real_photos(200)]
        for image in _POOL:
            image.thumbnail((400, 400))
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            fillers = pool.map(_filler, range(seed * 10_000_000, seed * 10_000_000 + rows), chunksize=200)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(fillers))
    engine = create_engine(url)
    variants.metadata.drop_all(engine)
    variants.metadata.create_all(engine)
    started = time.monotonic()
    with engine.begin() as conn:
        batch_fp, batch_band = [], []
        for photo_id, fp in enumerate(fillers, start=1):
            if fp is None:
                continue
            batch_fp.append({"photo_id": photo_id, "fingerprint": fp.to_bytes(), "group_id": None})
            seen = set()
            for window, value in enumerate(fp.hashes):
                for key in F.bands(value):
                    if (key, window) not in seen:
                        seen.add((key, window))
                        batch_band.append({"key": key, "photo_id": photo_id, "window": window,
                                           "hash": variants._signed(value)})
            if len(batch_fp) >= 5000:
                conn.execute(insert(variants.variant_fingerprint), batch_fp)
                conn.execute(insert(variants.variant_band), batch_band)
                batch_fp, batch_band = [], []
        if batch_fp:
            conn.execute(insert(variants.variant_fingerprint), batch_fp)
            conn.execute(insert(variants.variant_band), batch_band)
        # the queries' originals are in the catalogue too, so each look-up has something to find
        for n, (original, _) in enumerate(queries):
            variants.add(conn, rows + 1 + n, original)
    filled = time.monotonic() - started
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE variant_band")
            conn.exec_driver_sql("ANALYZE variant_fingerprint")
    plan = _plan(engine, queries[0][1])
    times, found, candidates = [], 0, []
    with engine.connect() as conn:
        for _ in range(2):
            variants.similar(conn, queries[0][1])
        for n, (_, copy) in enumerate(queries):
            started = time.perf_counter()
            result = variants.similar(conn, copy)
            times.append(time.perf_counter() - started)
            found += any(photo_id == rows + 1 + n for photo_id, _ in result)
            candidates.append(len(variants.candidates(conn, copy)))
    engine.dispose()
    times.sort()
    return {"rows": rows + len(queries), "fill_s": filled, "queries": len(queries), "found_own_original": found,
            "median_ms": statistics.median(times) * 1000, "p95_ms": times[int(0.95 * (len(times) - 1))] * 1000,
            "max_ms": times[-1] * 1000, "candidates_median": statistics.median(candidates),
            "candidates_max": max(candidates), "plan": plan}


def _plan(engine, fp) -> list[str]:
    """The database's plan for the band look-up of the larger key list (a copy's window hashes)."""
    from sqlalchemy import select

    from catalog import variants

    keys = sorted({key for value in fp.hashes[1:] for key in F.probes(value)})
    column = variants.variant_band.c
    query = select(column.photo_id, column.window, column.hash).where(column.key.in_(keys), column.window == 0)
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    explain = "EXPLAIN ANALYZE " if engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN "
    with engine.connect() as conn:
        return [" ".join(str(part) for part in row) for row in conn.exec_driver_sql(explain + sql)][:8]


def _queries(items, fps, count: int, seed: int = 3) -> list:
    """(original, copy) fingerprint pairs of different kinds of copy, for the look-up timing."""
    rng = random.Random(seed)
    original = {item.picture: fps[n] for n, item in enumerate(items) if item.kind == "original"}
    copies = [(original[item.picture], fps[n]) for n, item in enumerate(items)
              if item.kind != "original" and fps[n] is not None and original.get(item.picture) is not None]
    return rng.sample(copies, min(count, len(copies)))


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
    parser.add_argument("--files", type=int, default=100, help="3000×2000 JPEGs for the cost (default 100)")
    parser.add_argument("--postgres", help="also time the look-up on this PostgreSQL server (a database is made)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "catalog-bench"))
    parser.add_argument("--sweep", action="store_true", help="print recall/precision over a threshold grid")
    parser.add_argument("--smoke", action="store_true", help="a tiny run: checks that the script works")
    parser.add_argument("--json", help="also write every figure to this file")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: quality,cost,lookup")
    args = parser.parse_args(argv)
    if args.smoke:
        args.real, args.real_skip, args.scenes, args.bursts, args.rows, args.files = 2, 0, 3, 1, 2000, 3
    skip = set(filter(None, args.skip.split(",")))
    sizes = {"real": args.real, "real_skip": args.real_skip, "scenes": args.scenes, "bursts": args.bursts,
             "seed": args.seed}
    folder = Path(args.cache) / ("variant-set-" + "-".join(f"{k}{v}" for k, v in sizes.items()))
    figures: dict = {"thresholds": {"candidate_bits": F.CANDIDATE_BITS, "band_radius": F.BAND_RADIUS,
                                    "variant_distance": F.VARIANT_DISTANCE, "variant_blob": F.VARIANT_BLOB,
                                    "outside": F.OUTSIDE_TOLERANCE}}
    if "quality" not in skip:
        figures["quality"] = quality(folder, sizes, args.workers, args.sweep)
        _print_quality(figures["quality"])
    if "cost" not in skip:
        figures["cost"] = cost(args.files, args.workers)
        _print_cost(figures["cost"])
    if "lookup" not in skip:
        items = pickle.loads((folder / "items.pkl").read_bytes()) if (folder / "items.pkl").exists() else None
        if items is None:
            items = variant_set.build(folder, **sizes, workers=args.workers)
            (folder / "items.pkl").write_bytes(pickle.dumps(items))
        fps = _FPS or [F.perceptual_fingerprint(item.path) for item in items]
        queries = _queries(items, fps, 10 if args.smoke else 60)
        with tempfile.TemporaryDirectory() as scratch:
            figures["lookup_sqlite"] = lookup(f"sqlite:///{scratch}/variants.db", args.rows, queries, args.workers)
        _print_lookup("SQLite", figures["lookup_sqlite"])
        if args.postgres:
            figures["lookup_postgresql"] = _on_postgres(args.postgres, args.rows, queries, args.workers)
            _print_lookup("PostgreSQL", figures["lookup_postgresql"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str))
    return 0


def _on_postgres(server: str, rows: int, queries, workers: int) -> dict:
    from sqlalchemy import create_engine, text

    name = f"catalog_variants_bench_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return lookup(server.rsplit("/", 1)[0] + "/" + name, rows, queries, workers)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _print_quality(q: dict) -> None:
    ok = {True: "ok", False: "MISSED"}
    print(f"variant set · {q['files']:,} files, {q['pictures']} pictures ({q['real_pictures']} real photos, "
          f"{q['burst_frames']} burst frames), {q['true_pairs']:,} true variant pairs "
          f"({q['no_fingerprint']} without a fingerprint)")
    print(f"stage one (band index, ≤ {F.CANDIDATE_BITS} bits): {q['stage_one_candidates']:,} candidate pairs, "
          f"{q['stage_one_recall']:.2%} of true pairs among them")
    print(f"{'':32}{'recall':>10}{'precision':>12}{'false pairs':>13}")
    print(f"{'pair by pair (stages one+two)':32}{q['direct_recall']:>10.2%}{q['direct_precision']:>12.3%}"
          f"{q['direct_false_pairs']:>13,}")
    print(f"{'through the groups':32}{q['grouped_recall']:>10.2%}{q['grouped_precision']:>12.3%}"
          f"{q['grouped_false_pairs']:>13,}   targets ≥ 98% / ≥ 99.5%: "
          f"{ok[q['grouped_recall'] >= TARGETS['recall']]} / {ok[q['grouped_precision'] >= TARGETS['precision']]}")
    print("copy against its original, by kind (found directly / through the group):")
    kinds = sorted(q["per_kind"].items(), key=lambda kv: kv[1]["direct"])
    for n in range(0, len(kinds), 3):
        print("   " + "   ".join(f"{kind:<24}{v['direct']:>6.1%} {v['grouped']:>6.1%}" for kind, v in kinds[n:n + 3]))
    for tier, v in sorted(q["near_miss"].items()):
        print(f"near-miss frames ({tier}): {v['accepted']} of {v['pairs']:,} pairs taken for variants")
    for row in q.get("sweep", []):
        print(f"   distance ≤ {row['distance']:.2f} blob ≤ {row['blob']:.2f}: direct {row['direct_recall']:.2%} / "
              f"{row['direct_precision']:.3%}, grouped {row['grouped_recall']:.2%} / {row['grouped_precision']:.3%}"
              f" ({row['grouped_false_pairs']} false)")
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
          f"max {r['max_ms']:.1f} ms (target < {TARGETS['similar_ms']:.0f} ms); stage-one candidates median "
          f"{r['candidates_median']}, max {r['candidates_max']}; {r['found_own_original']} of {r['queries']} copies "
          f"found their original; filled in {r['fill_s']:.0f} s")
    for line in r.get("plan", [])[:4]:
        print(f"   plan: {line[:150]}")


if __name__ == "__main__":
    sys.exit(main())
