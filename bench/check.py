#!/usr/bin/env python3
"""How fast `catalog check` is on a catalogue of 10,000 photos (issue 16: under 2 seconds).

It reports numbers; it asserts nothing. The catalogue is a folder of press JPEGs imported for real (the
benchmark corpus, bench/corpus.py), cloned up to --photos rows by bench/run.py's `clone` (new paths, places,
dates, photographers and GPS points near each place), then given what a day's wire brings: restrictions on
one photo in ten (an embargo on one in a hundred), a caption date two days off on one in fifty, GPS far
from the stated place on one in fifty, AI on one in two hundred, a kill on one in five hundred, and a story
of 30 photos.

    python bench/check.py                 # 10,000 photos, SQLite
    python bench/check.py --db postgresql+psycopg://me@127.0.0.1:5433/bench    # emptied first
    python bench/check.py --smoke         # 500 photos: checks that the script works

Figures: `check` in process (Library, every photo, JSON made as the CLI makes it), the first time (the place
verdicts are measured by the gazetteer and kept) and then warm (median of --repeat runs, which is what a desk
sees after the first check of a day's photos); and `catalog check --format json` from the shell, start-up
included (median), for every photo and for the story.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus as corpus_module
from bench import run as bench_run

TARGET_S = 2.0
STORY = "Bench story"

COLD_CHILD = r"""
import json, sys, time
started = time.perf_counter()
cpu = time.process_time()
from catalog.library import Library
from catalog.checks import check
lib = Library.open(sys.argv[1])
report = check(lib, [])
text = json.dumps([p.as_json() for p in report.photos if p.findings])
print(json.dumps({"s": time.perf_counter() - started, "cpu": time.process_time() - cpu, "checked": report.checked}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=10_000)
    parser.add_argument("--db", help="a catalogue URL (emptied); default: a SQLite file in --cache")
    parser.add_argument("--cache", default="/tmp/catalog-bench")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--json", dest="json_path", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.smoke:
        args.photos, args.repeat = 500, 2
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    url, fresh = bench_run._catalogue(args.db, cache)
    if url.startswith("sqlite"):
        url = url.replace("bench.db", "bench-check.db")
        from catalog.db import sqlite_path

        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path(url)}{suffix}").unlink(missing_ok=True)
    else:
        fresh()
    folder = corpus_module.build(cache / "corpus-check-200", 200, (320, 213))
    _say(f"importing the 200-file corpus, then cloning to {args.photos:,} photos")
    from catalog.library import Library

    lib = Library.open(url)
    report = lib.import_paths([str(folder)])
    lib.close()
    if report.failed:
        raise SystemExit(f"the import failed: {report.failures[:3]}")
    bench_run.clone(url, args.photos)
    mix = _desk_mix(url)
    _say("check, first run (place verdicts measured and kept)")
    cold = _cold(url)
    _say("check, warm")
    lib = Library.open(url)
    from catalog.checks import check

    def once():
        found = check(lib, [])
        json.dumps([photo.as_json() for photo in found.photos if photo.findings])
        return found

    last = once()
    warm = [_seconds(once) for _ in range(args.repeat)]
    story = [_seconds(lambda: check(lib, [], story=STORY)) for _ in range(args.repeat)]
    lib.close()
    command = bench_run._catalog_executable()
    env_url = ["--db", url]
    bench_run._compile()
    cli_all = [_wall(command + env_url + ["check", "--format", "json"]) for _ in range(args.repeat)]
    cli_story = [_wall(command + env_url + ["check", "--story", STORY]) for _ in range(args.repeat)]
    cli_help = [_wall(command + ["--help"]) for _ in range(args.repeat)]
    figures = {
        "photos": last.checked, "with_findings": sum(1 for p in last.photos if p.findings),
        "blocked": sum(1 for p in last.photos if p.blocked), "mix": mix, "database": url.split(":")[0],
        "cold_s": cold["s"], "cold_cpu_s": cold["cpu"], "warm_median_s": statistics.median(warm), "warm_runs_s": warm,
        "story_median_s": statistics.median(story),
        "cli_all_median_s": statistics.median(w for w, _ in cli_all),
        "cli_all_cpu_median_s": statistics.median(c for _, c in cli_all), "cli_all_runs": cli_all,
        "cli_story_median_s": statistics.median(w for w, _ in cli_story),
        "cli_story_cpu_median_s": statistics.median(c for _, c in cli_story),
        "cli_help_median_s": statistics.median(w for w, _ in cli_help),
        "cli_help_cpu_median_s": statistics.median(c for _, c in cli_help),
    }
    print(table(figures))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def _desk_mix(url: str) -> dict:
    """Give the cloned photos what a day's wire brings (see the module docstring); returns the counts."""
    from datetime import datetime

    from sqlalchemy import select, update

    from catalog.library import Library
    from catalog.models import Kill, Photo, PhotoRestriction
    from catalog.rights import restriction_rows
    from catalog.stories import add

    rnd = random.Random(16)
    lib = Library.open(url)
    with lib.session() as session:
        rows = session.execute(select(Photo.id, Photo.check_facts, Photo.lat, Photo.lon, Photo.taken)).all()
    counts = {"restricted": 0, "embargoed": 0, "date_off": 0, "gps_far": 0, "ai": 0, "killed": 0}
    changes, restriction_rows_all, kills = [], [], []
    for pid, facts, lat, _lon, taken in rows:
        change: dict = {}
        if rnd.random() < 0.10:
            restrictions = [{"kind": "editorial_only", "text": "EDITORIAL USE ONLY", "until": None, "region": None,
                             "source": "instructions"},
                            {"kind": "region_out", "text": "JAPAN OUT", "until": None, "region": "JAPAN",
                             "source": "instructions"}]
            if rnd.random() < 0.1:
                restrictions.append({"kind": "embargo", "text": "EMBARGOED UNTIL 0001 GMT OCT 14",
                                     "until": "2099-10-14T00:01:00+00:00", "region": None, "source": "caption"})
                counts["embargoed"] += 1
            change["restrictions"] = restrictions
            restriction_rows_all += restriction_rows(pid, restrictions)
            counts["restricted"] += 1
        facts = dict(facts or {"v": 1})
        if rnd.random() < 0.02 and taken:
            facts["date"] = {"caption": "2025-10-16", "file": taken, "source": "exif", "days_apart": 2}
            counts["date_off"] += 1
        change["check_facts"] = facts
        if rnd.random() < 0.02 and lat is not None:
            change["lat"] = lat + 3.0
            counts["gps_far"] += 1
        if rnd.random() < 0.005:
            change["ai"] = True
            change["source_type"] = "trainedAlgorithmicMedia"
            counts["ai"] += 1
        if rnd.random() < 0.002:
            kills.append({"photo_id": pid, "reason": "withdrawn by the agency", "at": datetime.now(),
                          "origin": "hand", "advisory": None})
            counts["killed"] += 1
        changes.append((pid, change))

    def write(session):
        for pid, change in changes:
            session.execute(update(Photo).where(Photo.id == pid).values(**change))
        if restriction_rows_all:
            session.execute(PhotoRestriction.__table__.insert(), restriction_rows_all)
        if kills:
            session.execute(Kill.__table__.insert(), kills)

    lib.write(write)
    add(lib, STORY, [str(pid) for pid, *_ in rnd.sample(rows, 30)])
    lib.close()
    return counts


def _cold(url: str) -> dict:
    """The first check, in a fresh process (what the first `catalog check` after an import costs)."""
    out = subprocess.run([sys.executable, "-c", COLD_CHILD, url], capture_output=True, text=True, cwd=ROOT,
                         env=bench_run._child_env(), check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _wall(command: list[str]) -> tuple[float, float]:
    """The command's wall-clock and its CPU time (user + system): on a shared, loaded machine the wall-clock
    holds the time spent waiting for a core, the CPU time does not."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=bench_run._child_env(),
                   check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def table(figures: dict) -> str:
    ok = "ok" if figures["cli_all_median_s"] < TARGET_S else "MISSED"
    lines = [
        (f"catalog check · {figures['photos']:,} photos ({figures['database']}) · {figures['with_findings']:,} with "
         f"findings, {figures['blocked']:,} blocked · mix {figures['mix']}"),
        "",
        "                                                  seconds  (CPU)    target",
        f"check, in process, first run (gazetteer, kept)    {figures['cold_s']:7.2f}  ({figures['cold_cpu_s']:.2f})",
        f"check, in process, warm (median)                  {figures['warm_median_s']:7.2f}",
        f"check --story (30 photos), in process (median)    {figures['story_median_s']:7.3f}",
        (f"catalog check --format json, from the shell       {figures['cli_all_median_s']:7.2f}  "
         f"({figures['cli_all_cpu_median_s']:.2f})   < {TARGET_S:.0f}  {ok}"),
        (f"catalog check --story, from the shell             {figures['cli_story_median_s']:7.2f}  "
         f"({figures['cli_story_cpu_median_s']:.2f})"),
        (f"catalog --help (start-up alone, for comparison)   {figures['cli_help_median_s']:7.2f}  "
         f"({figures['cli_help_cpu_median_s']:.2f})"),
    ]
    return "\n".join(lines)


def _say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
