#!/usr/bin/env python3
"""Whole commands as a user times them, side by side with ExifTool: the figures of issue 20.

Each row is a whole process, from its start to its exit (Python's start-up, imports, opening or creating
the catalogue included), run in turn with its yardstick (A B A B ...) so a machine whose speed drifts is
seen in the same state by both. Per row: the median wall clock, the median CPU seconds (user + system of
the process and the children it waited for: on a shared, loaded machine the CPU figure is the steadier
one), and the peak memory of the largest single process.

    python bench/whole.py                          # mixed folder of 2,000, 1,000 press files, 10,000 photos
    python bench/whole.py --pairs 5 --rows 100000  # more pairs, a bigger catalogue for the read commands
    python bench/whole.py --smoke                  # toy sizes: checks that the script works

The rows:

- ``import mixed``: ``catalog import`` of a mixed real folder (bench/mixed.py: ../shared/corpus/real plus
  files made in every format, with captions that name places) into a fresh catalogue, against
  ``exiftool -j -G1 -n -r`` on the same folder;
- ``import press``: the same for N press JPEGs (bench/corpus.py, cached in --cache);
- ``re-import press``: the same folder again into the catalogue the press import made, nothing changed
  (issue 20: 50× ExifTool's time on the folder; `catalog.unchanged` answers it without SQLAlchemy);
- ``search``, ``show``, ``credits``, ``places``: each command on a catalogue of --rows photos (the press
  import cloned by bench/run.py's ``clone``), against ``exiftool`` reading one file (ExifTool's own
  start-up, the least a command-line tool costs here), and ``catalog --help``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus as corpus_module
from bench import mixed as mixed_module

CLONE_CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); from bench.run import clone; "
               "clone(sys.argv[2], int(sys.argv[3]))")


def run_once(command: list[str], env: dict | None = None) -> dict:
    """One whole process: wall seconds, CPU seconds (with the children it waited for), peak RSS in MiB."""
    started = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024,
            "exit": child.returncode}


def paired(a: list[str], b: list[str] | None, pairs: int, before=None, env: dict | None = None) -> dict:
    """A and B in turn, `pairs` times each after one warm-up of each; medians, and A/B pair by pair."""
    runs_a, runs_b = [], []
    for index in range(pairs + 1):
        if before:
            before()
        run_a = run_once(a, env)
        run_b = run_once(b) if b else None
        if index:  # the first pair warms caches
            runs_a.append(run_a)
            if run_b:
                runs_b.append(run_b)
    result = {"a": _medians(runs_a), "runs": pairs}
    if runs_b:
        result["b"] = _medians(runs_b)
        result["wall_ratio"] = statistics.median(rb["wall"] / ra["wall"] for ra, rb in zip(runs_a, runs_b))
        result["cpu_ratio"] = statistics.median(rb["cpu"] / ra["cpu"] for ra, rb in zip(runs_a, runs_b))
    return result


def _medians(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in ("wall", "cpu", "peak_mib")} | {
        "exit": max(run["exit"] for run in runs)}


def _catalog() -> list[str]:
    beside = Path(sys.executable).with_name("catalog")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "catalog.cli"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mixed-files", type=int, default=2000, help="files in the mixed folder (default 2000)")
    parser.add_argument("--press-files", type=int, default=1000, help="press JPEGs (default 1000)")
    parser.add_argument("--rows", type=int, default=10_000, help="photos for the read commands (default 10000)")
    parser.add_argument("--pairs", type=int, default=3, help="timed pairs of each row (default 3)")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "catalog-bench"),
                        help="where the corpora and catalogues are kept (default /tmp/catalog-bench)")
    parser.add_argument("--smoke", action="store_true", help="toy sizes, one pair: checks that the script works")
    args = parser.parse_args(argv)
    if args.smoke:
        args.mixed_files, args.press_files, args.rows, args.pairs = 60, 20, 200, 1
    exiftool = shutil.which("exiftool")
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="whole-", dir=cache))
    catalog = _catalog()
    env = dict(os.environ, CATALOG_CACHE=str(work / "user-cache"))
    rows: list[tuple[str, dict]] = []

    def fresh_import(folder: Path) -> list[str]:
        db = work / "import.db"
        return ["sh", "-c", f'rm -f "{db}"; exec "$0" --db "{db}" import -q "{folder}"', *catalog]

    _say("mixed folder")
    mixed = cache / f"mixed-{args.mixed_files}"
    mixed_count = sum(1 for p in mixed.rglob("*") if p.is_file())
    if mixed_count < args.mixed_files:  # made once, kept in --cache like the press corpus
        mixed_module.build(mixed, args.mixed_files)
        mixed_count = sum(1 for p in mixed.rglob("*") if p.is_file())
    exif_mixed = [exiftool, "-j", "-G1", "-n", "-r", str(mixed)] if exiftool else None
    rows.append((f"import mixed folder ({mixed_count:,} files)",
                 paired(fresh_import(mixed), exif_mixed, args.pairs, env=env)))

    _say("press corpus")
    size = (320, 213) if args.smoke else (3000, 2000)
    name = f"corpus-{args.press_files}" + ("" if size == (3000, 2000) else f"-{size[0]}x{size[1]}")
    press = corpus_module.build(cache / name, args.press_files, size,
                                own_writer=not (corpus_module.SHARED_TOOL.exists() and exiftool))
    exif_press = [exiftool, "-j", "-G1", "-n", "-r", str(press)] if exiftool else None
    rows.append((f"import press JPEGs ({args.press_files:,})",
                 paired(fresh_import(press), exif_press, args.pairs, env=env)))
    _say("press corpus again, unchanged")
    reimport = [*catalog, "--db", str(work / "import.db"), "import", "-q", str(press)]  # as the last pair left it
    rows.append((f"re-import press JPEGs, unchanged ({args.press_files:,})",
                 paired(reimport, exif_press, args.pairs, env=env)))

    _say(f"catalogue of {args.rows:,} photos")
    db = work / "read.db"
    subprocess.run([*catalog, "--db", str(db), "import", "-q", str(press)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    # In a child: a large parent would count in the peak memory of every command started after it (a
    # forked child's RSS before exec is its own, for the kernel's accounting).
    subprocess.run([sys.executable, "-c", CLONE_CHILD, str(ROOT), f"sqlite:///{db}", str(args.rows)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    one_file = next(iter(sorted(press.glob("*.jpg"))))
    exif_one = [exiftool, "-j", "-G1", "-n", str(one_file)] if exiftool else None
    reads = [
        ("search in:Gansu", ["search", "in:Gansu"]),
        ("search by:zhang train", ["search", "by:zhang", "train"]),
        ("show PHOTO", ["show", one_file.name]),
        ("credits in:Gansu", ["credits", "in:Gansu"]),
        ("places", ["places"]),
    ]
    for label, words in reads:
        _say(label)
        rows.append((f"{label} ({args.rows:,} photos)",
                     paired([*catalog, "--db", str(db), *words], exif_one, args.pairs, env=env)))
    rows.append(("catalog --help", paired([*catalog, "--help"], exif_one, args.pairs, env=env)))

    print(table(rows, exiftool is not None))
    shutil.rmtree(work, ignore_errors=True)
    return 0


def table(rows: list[tuple[str, dict]], exiftool: bool) -> str:
    """The figures as a Markdown table, with the machine and the date."""
    import sqlite3

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        (f"whole commands · {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores · "
         f"load {load:.1f} · Python {platform.python_version()} · SQLite {sqlite3.sqlite_version}"),
        "",
        ("| command | catalog wall s | catalog CPU s | peak MiB | yardstick (ExifTool) wall s | CPU s "
         "| × ExifTool wall | × ExifTool CPU |"),
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, figures in rows:
        a, b = figures["a"], figures.get("b")
        failed = " (exit 1)" if a["exit"] else ""
        if b:
            lines.append(f"| {label}{failed} | {a['wall']:.2f} | {a['cpu']:.2f} | {a['peak_mib']:.0f} | "
                         f"{b['wall']:.2f} | {b['cpu']:.2f} | {figures['wall_ratio']:.1f}× | "
                         f"{figures['cpu_ratio']:.1f}× |")
        else:
            lines.append(f"| {label}{failed} | {a['wall']:.2f} | {a['cpu']:.2f} | {a['peak_mib']:.0f} | "
                         f"{'absent' if not exiftool else '—'} | | | |")
    lines.append("")
    lines.append("Imports: ExifTool `-j -G1 -n -r` on the same folder. Read commands and --help: ExifTool on "
                 "one file. × is ExifTool's time over catalog's (higher is faster), median of the pairs. "
                 "An import that found damaged files exits 1; the mixed folder has some on purpose.")
    return "\n".join(lines)


def _say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
