#!/usr/bin/env python3
"""Whole commands as a user times them, side by side with ExifTool: the rows of issue 20.

Each row is a whole process, from its start to its exit (Python's start-up, imports, opening or creating
the catalogue included), run in turn with its yardstick (A B A B ...) so a machine whose speed drifts is
seen in the same state by both. Per row: the median wall clock, the median CPU seconds (user + system of
the process and the children it waited for: on a shared, loaded machine the CPU figure is the steadier
one), the peak memory of the largest single process, and the row's target with its verdict.

`bench/run.py` calls `measure` on its own press corpus and its catalogue of --rows photos, so one run of it
gives every figure of the issue in one table. Alone, this script builds what it needs at smaller sizes:

    python bench/whole.py                          # mixed folders of 400 and 2,000, 1,000 press files, 10,000 photos
    python bench/whole.py --pairs 5 --rows 100000  # more pairs, a bigger catalogue for the read commands
    python bench/whole.py --smoke                  # toy sizes, one pair: checks that the script works

The rows:

- ``import mixed``: ``catalog import`` of a mixed real folder (bench/mixed.py: ../shared/corpus/real plus
  files made in every format, with captions that name places) into a fresh catalogue, against
  ``exiftool -j -G1 -n -r`` on the same folder; at 400 files (where start-up weighs most) and at 2,000;
- ``import press``: the same for the press JPEGs (bench/corpus.py);
- ``re-import press``: the same folder again into the catalogue the press import made, nothing changed
  (`catalog.unchanged` answers it without SQLAlchemy);
- ``search`` (one row per kind of bench/run.py's QUERIES, a screenful of 50, and ``in:Gansu`` with every
  match), ``show``, ``credits``, ``places``, ``timeline``: each command on the read catalogue, against
  ``exiftool`` reading one file (ExifTool's own start-up, the least a command-line tool costs here), and
  ``catalog --help``.

The imports go into a fresh SQLite file (the default a user gets); the read commands run on the catalogue
given, SQLite or PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus as corpus_module  # noqa: E402
from bench import mixed as mixed_module  # noqa: E402

CLONE_CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); from bench.run import clone; "
               "clone(sys.argv[2], int(sys.argv[3]))")

#: The searches timed as whole commands: (label, words). The kinds of bench/run.py's in-process searches.
SEARCHES = [
    ("search in:Gansu --limit 50", ["search", "in:Gansu", "--limit", "50"]),
    ("search taken:2019-03..2019-08 --limit 50", ["search", "taken:2019-03..2019-08", "--limit", "50"]),
    ('search by:"Zhang Dagang" --limit 50', ["search", 'by:"Zhang Dagang"', "--limit", "50"]),
    ("search train --limit 50", ["search", "train", "--limit", "50"]),
    ("search in:China taken:2018..2024 by:zhang train --limit 50",
     ["search", "in:China", "taken:2018..2024", "by:zhang", "train", "--limit", "50"]),
    ("search in:Gansu (every match)", ["search", "in:Gansu"]),
]

#: Issue 20's targets: ("ratio", x) is at least x times ExifTool's wall clock; ("seconds", s) at most s seconds.
IMPORT_MIXED_SMALL = ("ratio", 5.0)
IMPORT_LARGE = ("ratio", 10.0)
REIMPORT = ("ratio", 50.0)
READ_COMMAND = ("seconds", 0.15)
HELP = ("seconds", 0.1)


def run_once(command: list[str], env: dict | None = None) -> dict:
    """One whole process: wall seconds, CPU seconds (with the children it waited for), peak RSS in MiB."""
    started = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024,
            "exit": child.returncode}


def paired(a: list[str], b: list[str] | None, pairs: int, before: Callable[[], None] | None = None,
           env: dict | None = None) -> dict:
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
    result = {"a": _medians(runs_a), "runs": pairs, "walls": [run["wall"] for run in runs_a]}
    if runs_b:
        result["b"] = _medians(runs_b)
        result["wall_ratio"] = statistics.median(rb["wall"] / ra["wall"] for ra, rb in zip(runs_a, runs_b))
        result["cpu_ratio"] = statistics.median(rb["cpu"] / ra["cpu"] for ra, rb in zip(runs_a, runs_b))
    return result


def _medians(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in ("wall", "cpu", "peak_mib")} | {
        "exit": max(run["exit"] for run in runs)}


def catalog_command() -> list[str]:
    """The `catalog` installed beside this Python, else the package run as a module."""
    beside = Path(sys.executable).with_name("catalog")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "catalog.cli"]


def verdict(row: dict) -> bool | None:
    """The row against its target: True met, False missed, None not judged (no target, or no ExifTool)."""
    target = row.get("target")
    if not target:
        return None
    kind, value = target
    if kind == "ratio":
        return row["wall_ratio"] >= value if "wall_ratio" in row else None
    return row["a"]["wall"] <= value


def measure(*, press: Path, read_db: str, show_name: str, mixed_sizes: list[int], cache: Path, work: Path,
            pairs: int, catalog: list[str] | None = None, say: Callable[[str], None] | None = None) -> list[dict]:
    """Every whole-command row of issue 20; each a dict with its label, target, figures and verdict."""
    say = say or _say
    catalog = catalog or catalog_command()
    exiftool = shutil.which("exiftool")
    env = dict(os.environ, CATALOG_CACHE=str(work / "user-cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its byte-code caches
    rows: list[dict] = []

    def add(label: str, target, figures: dict) -> None:
        row = {"label": label, "target": target, **figures}
        row["met"] = verdict(row)
        rows.append(row)

    imported = work / "import.db"

    def fresh_import(folder: Path) -> list[str]:
        return [*catalog, "--db", str(imported), "import", "-q", str(folder)]

    def empty() -> None:  # before each pair of a first import: a fresh catalogue (not timed)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{imported}{suffix}").unlink(missing_ok=True)

    def exif(folder: Path) -> list[str] | None:
        return [exiftool, "-j", "-G1", "-n", "-r", str(folder)] if exiftool else None

    for size in mixed_sizes:
        folder = cache / f"mixed-{size}"
        try:
            count = _mixed(folder, size)
        except SystemExit as why:  # no ../shared and no ExifTool: nothing to build it from
            say(f"mixed folder of {size:,} skipped: {why}")
            continue
        say(f"mixed folder, {count:,} files")
        add(f"import mixed folder ({count:,} files)", IMPORT_MIXED_SMALL if size < 1000 else IMPORT_LARGE,
            paired(fresh_import(folder), exif(folder), pairs, before=empty, env=env))

    files = sum(1 for p in press.iterdir() if p.is_file())
    say(f"press corpus, {files:,} files")
    add(f"import press JPEGs ({files:,})", IMPORT_LARGE, paired(fresh_import(press), exif(press), pairs, before=empty,
                                                        env=env))
    say("press corpus again, unchanged")
    # into the catalogue the last pair of the first import left
    add(f"re-import press JPEGs, unchanged ({files:,})", REIMPORT,
        paired(fresh_import(press), exif(press), pairs, env=env))

    one_file = next(iter(sorted(press.glob("*.jpg"))))
    exif_one = [exiftool, "-j", "-G1", "-n", str(one_file)] if exiftool else None
    photos = _count(read_db)
    reads = [*SEARCHES, ("show PHOTO", ["show", show_name]), ("credits in:Gansu", ["credits", "in:Gansu"]),
             ("places", ["places"]), ("timeline", ["timeline"])]
    for label, words in reads:
        say(label)
        add(f"{label} ({photos:,} photos)", None if label == "timeline" else READ_COMMAND,
            paired([*catalog, "--db", read_db, *words], exif_one, pairs, env=env))
    add("catalog --help", HELP, paired([*catalog, "--help"], exif_one, pairs, env=env))
    return rows


def measure_in_child(**kwargs) -> list[dict]:
    """`measure` run in a small child process, for a large caller (bench/run.py holds a catalogue in memory).

    A command's peak memory is read from the kernel's account of its process, and that account starts from
    the memory of the process it was forked from: forked from a large parent, even `catalog --help` would
    seem to need hundreds of megabytes.
    """
    say = kwargs.pop("say", None)
    arguments = {key: (str(value) if isinstance(value, Path) else value) for key, value in kwargs.items()}
    child = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure", json.dumps(arguments)],
                           stdout=subprocess.PIPE, text=True, check=False)
    if child.returncode != 0:
        raise SystemExit(f"the whole commands failed (exit {child.returncode})")
    rows = json.loads(child.stdout)
    for row in rows:
        row["target"] = tuple(row["target"]) if row["target"] else None
    if say:
        say(f"{len(rows)} whole commands measured")
    return rows


def _mixed(folder: Path, size: int) -> int:
    """The mixed folder of `size` files, made once and kept in the cache like the press corpus."""
    count = sum(1 for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0
    if count < size:
        mixed_module.build(folder, size)
        count = sum(1 for p in folder.rglob("*") if p.is_file())
    return count


def _count(url: str) -> int:
    """Photos in the read catalogue (stdlib sqlite3 for a file, SQLAlchemy for a server)."""
    if url.startswith("sqlite") or "://" not in url:
        import sqlite3

        from catalog.schema_version import sqlite_file

        with sqlite3.connect(f"file:{sqlite_file(url)}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM photo").fetchone()[0]
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM photo")).scalar_one()
    engine.dispose()
    return count


def table_lines(rows: list[dict]) -> list[str]:
    """The rows as a Markdown table, each with its target and verdict."""
    mark = {True: "ok", False: "MISSED", None: "-"}
    lines = [
        ("| command | catalog wall s | catalog CPU s | peak MiB | ExifTool wall s | × ExifTool wall "
         "| × ExifTool CPU | target | |"),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        a, b = row["a"], row.get("b")
        failed = " (exit 1)" if a["exit"] else ""
        target = ""
        if row["target"]:
            kind, value = row["target"]
            target = f"≥ {value:g}× wall" if kind == "ratio" else f"≤ {value:g} s"
        yardstick = (f"{b['wall']:.2f} | {row['wall_ratio']:.1f}× | {row['cpu_ratio']:.1f}×" if b
                     else "absent | | ")
        lines.append(f"| {row['label']}{failed} | {a['wall']:.2f} | {a['cpu']:.2f} | {a['peak_mib']:.0f} | "
                     f"{yardstick} | {target} | {mark[row['met']]} |")
    lines.append("")
    lines.append("Imports: ExifTool `-j -G1 -n -r` on the same folder. Read commands and --help: ExifTool on "
                 "one file. × is ExifTool's time over catalog's (higher is faster), median of the pairs. "
                 "An import that found damaged files exits 1; the mixed folder has some on purpose.")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mixed-files", default="400,2000",
                        help="sizes of the mixed folders, comma-separated (default 400,2000)")
    parser.add_argument("--press-files", type=int, default=1000, help="press JPEGs (default 1000)")
    parser.add_argument("--rows", type=int, default=10_000, help="photos for the read commands (default 10000)")
    parser.add_argument("--pairs", type=int, default=3, help="timed pairs of each row (default 3)")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "catalog-bench"),
                        help="where the corpora and catalogues are kept (default /tmp/catalog-bench)")
    parser.add_argument("--smoke", action="store_true", help="toy sizes, one pair: checks that the script works")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # measure_in_child's call: JSON of measure's arguments
    args = parser.parse_args(argv)
    if args.measure:
        given = json.loads(args.measure)
        for key in ("press", "cache", "work"):
            given[key] = Path(given[key])
        print(json.dumps(measure(**given)))
        return 0
    mixed_sizes = [int(n) for n in args.mixed_files.split(",") if n.strip()]
    if args.smoke:
        mixed_sizes, args.press_files, args.rows, args.pairs = [60], 20, 200, 1
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="whole-", dir=cache))
    catalog = catalog_command()
    size = (320, 213) if args.smoke else (3000, 2000)
    name = f"corpus-{args.press_files}" + ("" if size == (3000, 2000) else f"-{size[0]}x{size[1]}")
    press = corpus_module.build(cache / name, args.press_files, size,
                                own_writer=not (corpus_module.SHARED_TOOL.exists() and shutil.which("exiftool")))

    _say(f"catalogue of {args.rows:,} photos")
    db = work / "read.db"
    env = dict(os.environ, CATALOG_CACHE=str(work / "user-cache"))
    subprocess.run([*catalog, "--db", str(db), "import", "-q", str(press)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    # In a child: a large parent would count in the peak memory of every command started after it (a
    # forked child's RSS before exec is its own, for the kernel's accounting).
    subprocess.run([sys.executable, "-c", CLONE_CHILD, str(ROOT), f"sqlite:///{db}", str(args.rows)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    show_name = next(iter(sorted(press.glob("*.jpg")))).name
    rows = measure(press=press, read_db=str(db), show_name=show_name, mixed_sizes=mixed_sizes, cache=cache,
                   work=work, pairs=args.pairs, catalog=catalog)
    print("\n".join([heading(), "", *table_lines(rows)]))
    shutil.rmtree(work, ignore_errors=True)
    return 0


def heading() -> str:
    import sqlite3

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"whole commands · {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores · "
            f"load {load:.1f} · Python {platform.python_version()} · SQLite {sqlite3.sqlite_version}")


def _say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
