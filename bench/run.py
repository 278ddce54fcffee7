#!/usr/bin/env python3
"""The performance benchmark: import speed against ExifTool, search latency at 100,000 photos, memory, start-up.

Inside the process it times the import, the searches and the whole-catalogue summaries (issue 6's
targets); then every row of issue 20 as a whole command from the shell against ExifTool in the same run
(bench/whole.py: mixed real folders of 400 and 2,000 files, the press corpus, its unchanged re-import, each
search kind, show, credits, places, timeline and --help on the catalogue of --rows photos). One table holds
both, each figure beside its target. It asserts nothing, so a slow machine gives a slow table rather than a
failed test. See bench/README.md for what each figure means.

    python bench/run.py                      # 1,000 press JPEGs of 3000×2000, a catalogue of 100,000 photos
    python bench/run.py --json before.json   # also write the figures, to compare two commits
    python bench/run.py --db postgresql+psycopg://me@127.0.0.1:5433/bench   # another database (it is emptied)
    python bench/run.py --rows 1000000       # the newsroom archive of issue 20 (about an hour here)
    python bench/run.py --smoke              # 20 small files, 2,000 rows: checks that the script works
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus as corpus_module  # noqa: E402
from bench import whole as whole_module  # noqa: E402

#: Photos a search page shows: the web UI's page and a screenful of `catalog search --limit`.
PAGE = 100

#: The queries timed at 100,000 photos, one per kind; the last combines four kinds.
QUERIES = [
    ("in:", ["in:Gansu"]),
    ("taken: range", ["taken:2019-03..2019-08"]),
    ("by:", ['by:"Zhang Dagang"']),
    ("word", ["train"]),
    ("combination", ["in:China", "taken:2018..2024", "by:zhang", "train"]),
]

TARGETS = {
    "import_ratio": 10.0,  # first import, × ExifTool's files/s
    "reimport_ratio": 50.0,  # re-import of the unchanged folder, × ExifTool
    "search_p95_ms": 50.0,
    "memory_mb": 250.0,  # peak RSS of an import of 10,000 files
}

IMPORT_CHILD = r"""
import json, sys, time
started = time.monotonic()
from catalog.library import Library
lib = Library.open(sys.argv[1])
opened = time.monotonic()
report = lib.import_paths([sys.argv[2]])
lib.close()
print(json.dumps({"open_s": opened - started, "import_s": report.seconds, "added": report.added,
                  "updated": report.updated, "unchanged": report.unchanged, "failed": report.failed,
                  "failures": [f"{f.path}: {f.reason}" for f in report.failures[:5]]}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000, help="JPEGs in the corpus (default 1000)")
    parser.add_argument("--size", default="3000x2000", help="their pixel size (default 3000x2000)")
    parser.add_argument("--rows", type=int, default=100_000, help="photos in the search catalogue (default 100000)")
    parser.add_argument("--memory-files", type=int, default=10_000,
                        help="files in the import whose peak memory is reported (default 10000; 0 skips it)")
    parser.add_argument("--repeat", type=int, default=40, help="runs of each search (default 40)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of ExifTool, the first import and the re-import; the best counts (default 3)")
    parser.add_argument("--db", metavar="URL", help="a database URL to run against instead of a fresh SQLite "
                        "file; it must be empty or a catalogue, and the benchmark empties it")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "catalog-bench"),
                        help="where corpora and the SQLite catalogue are kept (default /tmp/catalog-bench)")
    parser.add_argument("--own-corpus", action="store_true",
                        help="make the corpus with bench/corpus.py even when make_perf_corpus.py and ExifTool exist")
    parser.add_argument("--pairs", type=int, default=3,
                        help="timed pairs (catalog, ExifTool) of each whole command (default 3)")
    parser.add_argument("--mixed-files", default="400,2000",
                        help="sizes of the mixed real folders imported as whole commands (default 400,2000)")
    parser.add_argument("--skip-whole", action="store_true", help="leave out the whole commands")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--smoke", action="store_true",
                        help="20 files of 320x213, 2,000 rows, 40 files for memory, 5 searches, 1 run, a mixed "
                             "folder of 60: checks the script works")
    args = parser.parse_args(argv)
    mixed_sizes = [int(n) for n in args.mixed_files.split(",") if n.strip()]
    if args.smoke:
        args.files, args.size, args.rows, args.memory_files, args.repeat, args.runs = 20, "320x213", 2000, 40, 5, 1
        args.pairs, mixed_sizes = 1, [60]
    width, height = (int(n) for n in args.size.lower().split("x"))
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)

    figures: dict = {"when": datetime.now().isoformat(timespec="seconds"), "machine": _machine()}
    exiftool = shutil.which("exiftool")
    own = args.own_corpus or not (corpus_module.SHARED_TOOL.exists() and exiftool)
    name = f"corpus-{args.files}" + ("" if (width, height) == (3000, 2000) else f"-{width}x{height}")
    name += "-own" if own else ""
    _say(f"corpus: {cache / name}")
    folder = corpus_module.build(cache / name, args.files, (width, height), own_writer=own)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    total_bytes = sum(p.stat().st_size for p in files)
    figures["corpus"] = {
        "folder": str(folder), "files": len(files), "size": f"{width}x{height}",
        "mean_bytes": total_bytes // max(1, len(files)),
        "made_by": "bench/corpus.py" if own else "make_perf_corpus.py (ExifTool)",
    }
    # The new arrivals of the incremental import (copies with a comment of their own), made now: written just
    # before their import, their 2.6 GB would still be going to disk while it ran, and its commits wait on that.
    new_folder = corpus_module.fresh_copies(folder, cache / f"{name}-new")
    new_files = sorted(p for p in new_folder.iterdir() if p.is_file())
    _warm(files)

    _compile()
    url, fresh = _catalogue(args.db, cache)
    figures["database"] = _redact(url)
    catalog_cli = _catalog_executable()

    # ExifTool on the same folder, then a first import of it into a fresh catalogue, --runs times in turn:
    # interleaved, the two see the machine in the same state (on a shared VM its speed drifts by a third
    # over minutes); the best run of each counts.
    _say(f"ExifTool, then a first import of {len(files):,} files, {args.runs} times in turn")
    times, runs = [], []
    for _ in range(args.runs):
        if exiftool:
            _warm(files)
            times.append(_timed([exiftool, "-j", "-G1", "-n", "-r", str(folder)]))
            _say(f"  ExifTool {len(files) / times[-1]:,.0f} files/s")
        fresh()
        _warm(files)
        runs.append(_import(url, folder))
        _check(runs[-1], added=len(files))
        _say(f"  catalog  {runs[-1]['files_per_s']:,.0f} files/s ({runs[-1]['wall_s']:.2f} s with start-up), "
             f"peak RSS {runs[-1]['peak_rss_mb']:.0f} MB")
    if exiftool:
        seconds = min(times)
        figures["exiftool"] = {"seconds": seconds, "files_per_s": len(files) / seconds,
                               "runs_files_per_s": [len(files) / t for t in times]}
    else:
        figures["exiftool"] = None
    figures["first_import"] = _best(runs)

    # Peak memory of a large import (hard links to the corpus), into a fresh catalogue.
    if args.memory_files:
        many = corpus_module.link_copies(folder, cache / f"{name}-links-{args.memory_files}", args.memory_files)
        _warm(files)
        fresh()
        _say(f"import of {args.memory_files:,} files (memory)")
        run = _import(url, many)
        figures["memory_import"] = run
        _say(f"  {run['files_per_s']:,.0f} files/s, peak RSS {run['peak_rss_mb']:.0f} MB")

    # The same folder again, unchanged (the memory import used the catalogue: the folder goes in first).
    if args.memory_files:
        fresh()
        _check(_import(url, folder), added=len(files))
    _say("re-import, unchanged")
    figures["reimport"] = _reimports(url, folder, len(files), args.runs)

    # The search catalogue: the imported rows cloned with varied values up to --rows.
    _say(f"cloning to {args.rows:,} photos")
    figures["clone"] = clone(url, args.rows)
    _say(f"re-import, unchanged, into {figures['clone']['rows']:,} photos")
    figures["reimport_large"] = _reimports(url, folder, len(files), args.runs)
    _say("searching")
    figures["search"] = _searches(url, args.repeat)
    _say("places and timeline")
    figures["summaries"] = _summaries(url, max(3, args.repeat // 8))
    figures["size"] = _size(url, figures["clone"]["rows"])
    if not args.skip_whole:
        # Issue 20's rows: each a whole command from the shell, against ExifTool in the same run; the read
        # commands on this catalogue of --rows photos, the imports into a fresh SQLite file.
        _say("whole commands, against ExifTool")
        with tempfile.TemporaryDirectory(prefix="whole-", dir=cache) as work:
            figures["whole"] = whole_module.measure_in_child(
                press=folder, read_db=url, show_name=files[0].name, mixed_sizes=mixed_sizes, cache=cache,
                work=Path(work), pairs=args.pairs, catalog=catalog_cli, say=_say)
    # New files into the large catalogue, warm and best of --runs like the first import it is compared with;
    # each run's photos are removed again before the next.
    _say(f"import of {len(new_files):,} new files into {figures['clone']['rows']:,} photos, {args.runs} times")
    runs = []
    for n in range(args.runs):
        _warm(new_files)
        runs.append(_import(url, new_folder))
        _check(runs[-1], added=len(new_files))
        _say(f"  {runs[-1]['files_per_s']:,.0f} files/s")
        if n + 1 < args.runs:
            _remove_folder(url, new_folder)
    figures["import_large"] = _best(runs)

    figures["verdict"] = verdict(figures)
    print(table(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


# --- the catalogue under test ---------------------------------------------------------------------------------


def _catalogue(db: str | None, cache: Path):
    """The URL, and a function that makes it an empty catalogue again."""
    if db is None or db.startswith("sqlite:") or "://" not in db:
        from catalog.db import resolve_url, sqlite_path

        url = resolve_url(db) if db else f"sqlite:///{cache / 'bench.db'}"
        path = sqlite_path(url)

        def fresh():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        return url, fresh

    def empty():
        from sqlalchemy import text

        from catalog.library import Library

        lib = Library.open(db)
        with lib.engine.begin() as conn:
            for table in ("place_name", "place_key", "person_token", "photo"):
                conn.execute(text(f"DELETE FROM {table}"))
        lib.close()

    return db, empty


def _remove_folder(url: str, folder: Path) -> None:
    """Take the photos under `folder` out of the catalogue again (their other rows go with them: ON DELETE
    CASCADE), so that the next run imports them as new."""
    from sqlalchemy import delete

    from catalog.library import Library
    from catalog.models import Photo

    prefix = str(folder.resolve()) + os.sep
    lib = Library.open(url)
    with lib.engine.begin() as conn:
        conn.execute(delete(Photo).where(Photo.path >= prefix, Photo.path < prefix[:-1] + chr(ord(os.sep) + 1)))
    lib.close()


def _import(url: str, folder: Path) -> dict:
    """Import `folder` in a child process: its own timing, the wall-clock, and the peak RSS of its process tree."""
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", IMPORT_CHILD, url, str(folder)], stdout=subprocess.PIPE,
                             text=True, cwd=ROOT, env=_child_env())
    sampler = PeakRSS(child.pid)
    sampler.start()
    output, _ = child.communicate()
    wall = time.monotonic() - started
    sampler.stop()
    if child.returncode != 0:
        raise SystemExit(f"the import failed (exit {child.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    files = result["added"] + result["updated"] + result["unchanged"] + result["failed"]
    result.update(
        files=files, wall_s=wall, files_per_s=files / result["import_s"] if result["import_s"] else None,
        wall_files_per_s=files / wall, peak_rss_mb=sampler.peak_total / 2**20, peak_pss_mb=sampler.peak_pss / 2**20,
        peak_rss_main_mb=sampler.peak_main / 2**20, processes=sampler.processes,
    )
    return result


def _reimports(url: str, folder: Path, files: int, times: int) -> dict:
    """The unchanged folder imported again `times` times: the best run, with every run's rate."""
    runs = []
    for _ in range(times):
        runs.append(_import(url, folder))
        _check(runs[-1], unchanged=files)
        _say(f"  {runs[-1]['files_per_s']:,.0f} files/s ({runs[-1]['wall_s']:.2f} s with start-up)")
    return _best(runs)


def _best(runs: list[dict]) -> dict:
    """The fastest run (other processes on the machine only ever slow one down), with every run's rate and
    the largest peak memory of them all."""
    best = dict(max(runs, key=lambda run: run["files_per_s"]))
    best["runs_files_per_s"] = [run["files_per_s"] for run in runs]
    best["peak_rss_mb"] = max(run["peak_rss_mb"] for run in runs)
    best["peak_pss_mb"] = max(run["peak_pss_mb"] for run in runs)
    return best


def _check(run: dict, **expected) -> None:
    for key, value in expected.items():
        if run[key] != value:
            raise SystemExit(f"the import reported {run[key]} {key}, not {value}: {run.get('failures')}")


_KCMP = {"x86_64": 312, "aarch64": 272}.get(platform.machine())
_KCMP_VM = 1
_libc = None


def _same_memory(pid: int, parent: int) -> bool:
    """Whether a process still shares its parent's address space (Linux's kcmp): a process started the way
    Python starts a new interpreter (multiprocessing's spawn, subprocess: vfork, then exec) runs in its
    parent's memory until it has loaded its own program, and its VmHWM until then is the parent's, the same
    pages. Sampled in that moment (under load, about one start in ten here), it counted the importing
    process a second time. False where kcmp cannot tell (another system, no permission)."""
    global _libc
    if _KCMP is None:
        return False
    if _libc is None:
        import ctypes

        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc.syscall(_KCMP, pid, parent, _KCMP_VM, 0, 0) == 0


class PeakRSS(threading.Thread):
    """Samples a process and all its descendants every 20 ms; keeps each one's peak RSS (VmHWM).

    The total is the sum of every process's own peak: an upper bound on the tree's peak at any one moment,
    which counts twice the pages that forked reader processes share with the importing process. The peak
    PSS (proportional set size, shared pages divided among their sharers) is the tree's actual footprint.
    """

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.peak_pss = 0  # the largest sum of proportional set sizes seen at one moment (shared pages split)
        self._halt = threading.Event()

    def run(self) -> None:
        rounds = 0
        while not self._halt.is_set():
            self.sample(pss=rounds % 10 == 0)  # smaps_rollup walks every mapping: read it every 200 ms only
            rounds += 1
            self._halt.wait(0.02)

    def sample(self, pss: bool = True) -> None:
        total = 0
        for pid, parent in self._tree():
            if parent is not None and _same_memory(pid, parent):
                continue  # started (vfork) and not yet running its own program: its parent's pages, counted there
            try:
                with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
                    for line in handle:
                        if line.startswith("VmHWM:"):
                            self.peaks[pid] = max(self.peaks.get(pid, 0), int(line.split()[1]) * 1024)
                            break
                if pss:
                    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as handle:
                        for line in handle:
                            if line.startswith("Pss:"):
                                total += int(line.split()[1]) * 1024
                                break
            except OSError:
                pass
        self.peak_pss = max(self.peak_pss, total)

    def _tree(self) -> list[tuple[int, int | None]]:
        """Every process of the tree, each with its parent's pid (None for the root)."""
        found: list[tuple[int, int | None]] = []
        todo: list[tuple[int, int | None]] = [(self.pid, None)]
        while todo:
            pid, parent = todo.pop()
            found.append((pid, parent))
            try:
                with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
                    todo.extend((int(child), pid) for child in handle.read().split())
            except OSError:
                pass
        return found

    def stop(self) -> None:
        self._halt.set()
        self.join()

    @property
    def peak_total(self) -> int:
        return sum(self.peaks.values())

    @property
    def peak_main(self) -> int:
        return self.peaks.get(self.pid, 0)

    @property
    def processes(self) -> int:
        return len(self.peaks)


# --- 100,000 photos from the imported ones ---------------------------------------------------------------------

CLONE_PLACES = [
    # (sublocation, city, province, country, code, lat, lon, weight)
    ("Luogang Park", "Hefei", "Anhui", "China", "CN", 31.78, 117.30, 4),
    ("Fangte theme park", "Wuhu", "Anhui", "China", "CN", 31.35, 118.38, 2),
    ("Zhongchuan township", "Lanzhou", "Gansu", "China", "CN", 36.50, 103.62, 3),
    ("Jiuquan railway station", "Jiuquan", "Gansu", "China", "CN", 39.74, 98.49, 1),
    ("Maijishan Grottoes", "Tianshui", "Gansu", "China", "CN", 34.35, 106.00, 1),
    ("Tiananmen Square", "Beijing", "Beijing", "China", "CN", 39.90, 116.39, 6),
    ("The Bund", "Shanghai", "Shanghai", "China", "CN", 31.24, 121.49, 6),
    ("Chunxi Road", "Chengdu", "Sichuan", "China", "CN", 30.65, 104.08, 3),
    ("Yellow Crane Tower", "Wuhan", "Hubei", "China", "CN", 30.55, 114.30, 3),
    ("Canton Tower", "Guangzhou", "Guangdong", "China", "CN", 23.11, 113.32, 3),
    ("Qianhai", "Shenzhen", "Guangdong", "China", "CN", 22.54, 113.90, 3),
    ("Big Wild Goose Pagoda", "Xi'an", "Shaanxi", "China", "CN", 34.22, 108.96, 2),
    ("West Lake", "Hangzhou", "Zhejiang", "China", "CN", 30.25, 120.15, 3),
    ("Xinjiekou", "Nanjing", "Jiangsu", "China", "CN", 32.04, 118.78, 2),
    ("Dianchi Lake", "Kunming", "Yunnan", "China", "CN", 24.88, 102.83, 2),
    ("Grand Bazaar", "Urumqi", "Xinjiang", "China", "CN", 43.83, 87.62, 1),
    ("Potala Palace", "Lhasa", "Tibet", "China", "CN", 29.65, 91.12, 1),
    ("Central Street", "Harbin", "Heilongjiang", "China", "CN", 45.77, 126.62, 2),
    ("Chaotianmen", "Chongqing", "Chongqing", "China", "CN", 29.56, 106.58, 3),
    ("Old Town", "Kraków", "Lesser Poland", "Poland", "PL", 50.06, 19.94, 1),
    ("Castle Square", "Warsaw", "Masovia", "Poland", "PL", 52.25, 21.01, 1),
    ("Brandenburg Gate", "Berlin", "Berlin", "Germany", "DE", 52.52, 13.38, 2),
    ("Place de la Concorde", "Paris", "Île-de-France", "France", "FR", 48.87, 2.32, 2),
    ("Parliament Square", "London", "England", "United Kingdom", "GB", 51.50, -0.13, 2),
    ("Times Square", "New York", "New York", "United States", "US", 40.76, -73.99, 3),
    ("Capitol Hill", "Washington", "District of Columbia", "United States", "US", 38.89, -77.01, 2),
    ("Shibuya Crossing", "Tokyo", "Tokyo", "Japan", "JP", 35.66, 139.70, 2),
    ("Gwanghwamun Square", "Seoul", "Seoul", "South Korea", "KR", 37.57, 126.98, 1),
    ("Uhuru Park", "Nairobi", "Nairobi", "Kenya", "KE", -1.29, 36.82, 1),
    ("Tahrir Square", "Cairo", "Cairo", "Egypt", "EG", 30.04, 31.24, 1),
    ("Avenida Paulista", "São Paulo", "São Paulo", "Brazil", "BR", -23.56, -46.66, 1),
    ("Zócalo", "Mexico City", "Mexico City", "Mexico", "MX", 19.43, -99.13, 1),
    ("Circular Quay", "Sydney", "New South Wales", "Australia", "AU", -33.86, 151.21, 1),
    ("Maidan Nezalezhnosti", "Kyiv", "Kyiv", "Ukraine", "UA", 50.45, 30.52, 1),
    ("India Gate", "New Delhi", "Delhi", "India", "IN", 28.61, 77.23, 1),
]
#: Clones' inode numbers start here, far above those of the corpus files on this disk.
CLONE_INODES = 10**12

FAMILY = ["Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
          "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Smith", "Nowak", "Müller", "Dubois", "Tanaka", "Kim", "Núñez",
          "Okafor", "Hassan", "Silva"]
GIVEN = ["Dagang", "Gang", "Xin", "Wei", "Fang", "Jing", "Lei", "Yan", "Tao", "Ming", "Hui", "Jun", "Ping", "Hong",
         "Anna", "Piotr", "Jonas", "Claire", "Kenji", "Min-ji", "José", "Chidi", "Omar", "Lucas", "Andy", "Go"]
AGENCIES = [("Xinhua", "Xinhua"), ("Photo", None), ("AP Photo", "AP"), ("REUTERS", "Reuters"), ("AFP", "AFP"),
            ("China Daily", None), ("EPA", "EPA")]
SUBJECTS = [
    "A bullet train runs through fields", "Passengers board a train", "Workers inspect a high-speed train",
    "Farmers harvest rice", "Farmers dry corn", "Children play in a fountain", "Tourists visit",
    "People gather", "Firefighters battle a blaze", "Rescuers search the rubble", "Volunteers plant trees",
    "Residents watch a lantern show", "Dancers perform", "A drone light show is staged",
    "Researchers take a test drive of an electric aircraft", "Engineers assemble a satellite",
    "Visitors view a robot", "Athletes compete in a marathon", "Fans cheer", "Cyclists ride",
    "A ferry crosses the river", "Container ships dock", "Trucks queue at the border", "A new bridge opens",
    "Snow covers the streets", "Flood water rises", "Cherry trees blossom", "Students attend a ceremony",
    "Doctors treat patients", "Shoppers browse a night market", "Protesters march", "Police patrol",
    "Delegates arrive for a summit", "Musicians rehearse", "A farmer tends sheep", "Fishermen mend nets",
    "Pandas eat bamboo", "Solar panels cover a hillside", "Wind turbines turn", "Commuters cross a street",
]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def clone(url: str, rows: int) -> dict:
    """Fill the catalogue to `rows` photos by cloning the imported ones with varied values, in SQL.

    Each clone copies an imported photo's row and gives it a new path, fingerprint, date (2016-2025),
    place (35 places, 19 in China, weighted), photographer (780 names), agency, subject and caption; its
    search text, credit keys, place names, place entity, place keys and credit tokens are derived by the
    importer's own functions (catalog.records, catalog.entities), and the rows go in through executemany
    INSERTs in transactions of 5,000, so the database's indexes and full-text triggers do their usual work.
    """
    from sqlalchemy import func, insert, select, text

    from catalog.dates import span
    from catalog.entities import credit_rows, place_group, place_key_rows, place_of
    from catalog.library import Library
    from catalog.models import PersonToken, Photo, PlaceKey, PlaceName
    from catalog.places import fold
    from catalog.records import place_names, search_text

    started = time.monotonic()
    lib = Library.open(url)
    columns = [c.name for c in Photo.__table__.columns]
    with lib.engine.connect() as conn:
        base = [dict(r._mapping) for r in conn.execute(select(Photo.__table__).order_by(Photo.id))]
        next_id = (conn.scalar(select(func.max(Photo.id))) or 0) + 1
    if not base:
        raise SystemExit("nothing was imported, so there is nothing to clone")
    rnd = random.Random(6)
    weighted = [place for place in CLONE_PLACES for _ in range(place[-1])]
    names = [f"{family} {given}" for family in FAMILY for given in GIVEN]
    first_day = datetime(2016, 1, 1)
    photos, places, keys, tokens = [], [], [], []
    made = 0
    needed = rows - len(base)
    while made < needed:
        k = made
        row = {c: base[k % len(base)][c] for c in columns}
        sub, city, province, country, code, lat, lon, _ = rnd.choice(weighted)
        name = rnd.choice(names)
        credit, agency = rnd.choice(AGENCIES)
        taken_at = first_day + timedelta(seconds=rnd.randrange(10 * 365 * 86400))
        month_only = rnd.random() < 0.05
        taken = f"{taken_at:%Y-%m}" if month_only else f"{taken_at:%Y-%m-%dT%H:%M:%S}+08:00"
        subject = rnd.choice(SUBJECTS)
        day = f"{MONTHS_AP[taken_at.month - 1]} {taken_at.day}, {taken_at.year}"
        caption = f"{subject} at {sub} in {city}, {province}, {country}, {day}. ({credit}/{name})"
        values = {
            "caption": caption, "headline": None, "title": None, "photographer": name, "credit_line": credit,
            "agency": agency, "provider": None, "source": None, "sublocation": sub, "city": city,
            "province": province, "country": country, "country_code": code, "keywords": ["news"],
        }
        pid = next_id + k
        row.update(values)
        row.update(
            id=pid,
            path=f"/archive/{taken_at:%Y/%m/%d}/{fold(name).replace(' ', '-')}_{k:06d}.jpg",
            fingerprint=f"{k:032x}", content_hash=None, size=row["size"] + k % 4096,
            # a file of its own, as every photo of a real archive is: copying the imported photo's inode gave
            # 1,000 photos one (device, inode), and PostgreSQL then read the whole table for an import's look-up
            inode=CLONE_INODES + k,
            taken=taken, taken_inferred=False, released=None, released_start=None, released_end=None,
            lat=round(lat + rnd.uniform(-0.05, 0.05), 6), lon=round(lon + rnd.uniform(-0.05, 0.05), 6),
            location_approx=False, has_conflicts=rnd.random() < 0.02, conflicts=None, location_shown=None,
            photographer_key=fold(name),
            credit_key=fold(" ".join(v for v in (name, agency, credit) if v)),
        )
        row["place"], _ = place_of(row)
        row["place_group"] = place_group(row)
        row["search_text"] = search_text(row)
        row["taken_start"], row["taken_end"] = span(taken)
        photos.append(row)
        places.extend({"photo_id": pid, "kind": kind, "level": level, "name": value}
                      for kind, level, value in place_names(row))
        keys.extend({"photo_id": pid, "kind": kind, "key": key} for kind, key in place_key_rows(row))
        tokens.extend({"photo_id": pid, "role": role, "token": token} for role, token in credit_rows(row))
        made += 1
        if len(photos) >= 5000 or made == needed:
            with lib.engine.begin() as conn:
                conn.execute(insert(Photo.__table__), photos)
                conn.execute(insert(PlaceName.__table__), places)
                conn.execute(insert(PlaceKey.__table__), keys)
                conn.execute(insert(PersonToken.__table__), tokens)
            photos, places, keys, tokens = [], [], [], []
    if lib.dialect == "postgresql":
        with lib.engine.begin() as conn:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('photo', 'id'), (SELECT max(id) FROM photo))"))
    total = lib.count()
    lib.close()
    return {"rows": total, "cloned": needed, "seconds": time.monotonic() - started}


# --- searching ------------------------------------------------------------------------------------------------


def _searches(url: str, repeat: int) -> list[dict]:
    """Each query `repeat` times through Library.search (a page of PAGE) and its total count, after 2 warm-ups."""
    from catalog.library import Library

    lib = Library.open(url)
    results = []
    for kind, args in QUERIES:
        page = [len(lib.search(args, limit=PAGE).hits) for _ in range(2)][-1]
        page_times = _timings(lambda args=args: lib.search(args, limit=PAGE), repeat)
        count = lib.search_count(args)
        count_times = _timings(lambda args=args: lib.search_count(args), repeat)
        results.append({
            "kind": kind, "args": args, "page": page, "matches": count,
            "median_ms": statistics.median(page_times), "p95_ms": _p95(page_times),
            "count_median_ms": statistics.median(count_times), "count_p95_ms": _p95(count_times),
        })
    lib.close()
    return results


def _summaries(url: str, repeat: int) -> dict:
    """`catalog places` and `catalog timeline` of the whole catalogue, inside the process (ms, median and p95)."""
    from catalog import summaries
    from catalog.library import Library

    lib = Library.open(url)
    result = {}
    for name, action in (("places", lambda: summaries.place_counts(lib, [])),
                         ("timeline", lambda: summaries.timeline_counts(lib, [], by="month")),
                         ("timeline in:Gansu by day", lambda: summaries.timeline_counts(lib, ["in:Gansu"], by="day"))):
        times = _timings(action, repeat)
        result[name] = {"median_ms": statistics.median(times), "p95_ms": _p95(times)}
    lib.close()
    return result


def _size(url: str, rows: int) -> dict:
    """The catalogue's size on disk (SQLite: the file and its WAL; PostgreSQL: the database), per photo."""
    from sqlalchemy import text

    from catalog.db import sqlite_path
    from catalog.library import Library

    if url.startswith("sqlite"):
        path = sqlite_path(url)
        total = sum(Path(f"{path}{suffix}").stat().st_size for suffix in ("", "-wal")
                    if Path(f"{path}{suffix}").exists())
    else:
        lib = Library.open(url)
        with lib.engine.connect() as conn:
            total = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        lib.close()
    return {"bytes": total, "bytes_per_photo": total / rows if rows else None}


def _timings(action, repeat: int) -> list[float]:
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- helpers --------------------------------------------------------------------------------------------------


def _catalog_executable() -> list[str]:
    beside = Path(sys.executable).with_name("catalog")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("catalog")
    return [found] if found else [sys.executable, "-c", "from catalog.cli import main; main()"]


def _timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT,
                   env=_child_env())
    return time.monotonic() - started


def _child_env() -> dict:
    """The environment of the timed commands: with byte-code caches, as an installed package has them."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _compile() -> None:
    """Write the byte-code caches of the catalog package (pip install does this), so start-up is not compiling."""
    import compileall

    compileall.compile_dir(str(ROOT / "catalog"), quiet=2)
    compileall.compile_dir(str(ROOT / "alembic"), quiet=2)


def _warm(files) -> None:
    """Read every file once, so that the timings are of a warm page cache.

    Done right before each timed step: some kernels (DAMON reclaim, on this kind of VM) evict page cache
    that has not been touched for a minute or two, and a cold file costs a disk read.
    """
    for path in files:
        with open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass


def _machine() -> dict:
    import sqlite3

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=ROOT).stdout.strip() or None
    except OSError:
        commit = None
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(), "commit": commit}


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def verdict(figures: dict) -> dict:
    """Each target of issue 6 against the figures: True met, False missed, None not measured."""
    exif = figures.get("exiftool")
    result: dict = {}
    if exif:
        result["import_ratio"] = figures["first_import"]["files_per_s"] / exif["files_per_s"]
        result["reimport_ratio"] = figures["reimport"]["files_per_s"] / exif["files_per_s"]
    met = {
        "import": result["import_ratio"] >= TARGETS["import_ratio"] if exif else None,
        "reimport": result["reimport_ratio"] >= TARGETS["reimport_ratio"] if exif else None,
        "reimport_large": (figures["reimport_large"]["files_per_s"] / exif["files_per_s"] >= TARGETS["reimport_ratio"]
                           if exif and figures.get("reimport_large") else None),
        "search": all(q["p95_ms"] < TARGETS["search_p95_ms"] for q in figures["search"]),
        "count": all(q["count_p95_ms"] < TARGETS["search_p95_ms"] for q in figures["search"]),
        "whole": ({row["label"]: row["met"] for row in figures["whole"]} if figures.get("whole") else None),
        "memory": (figures["memory_import"]["peak_rss_mb"] < TARGETS["memory_mb"]
                   if figures.get("memory_import") else None),
    }
    result["met"] = met
    return result


def table(figures: dict) -> str:
    """The figures as a plain-text table, side by side with ExifTool and the targets."""
    corpus, exif, first, again = figures["corpus"], figures["exiftool"], figures["first_import"], figures["reimport"]
    met = figures["verdict"]["met"]
    mark = {True: "ok", False: "MISSED", None: "-"}
    lines = [
        f"catalog benchmark · {corpus['files']:,} JPEGs {corpus['size'].replace('x', '×')}, "
        f"{corpus['mean_bytes'] / 1e6:.1f} MB each ({corpus['made_by']}) · {figures['clone']['rows']:,} photos "
        f"for search · {figures['database'].split(':')[0]} · {figures['machine']['cpus']} cores · "
        f"commit {figures['machine']['commit']}",
        "",
        f"{'':44}{'files/s':>10}{'× ExifTool':>12}{'target':>10}  ",
    ]

    def ratio(run):
        return f"{run['files_per_s'] / exif['files_per_s']:.1f}×" if exif else "n/a"

    exif_rate = f"{exif['files_per_s']:,.0f}" if exif else "absent"
    lines.append(f"{'ExifTool -j -G1 -n -r':44}{exif_rate:>10}{'1.0×' if exif else '':>12}")
    lines.append(f"{'first import, fresh catalogue':44}{first['files_per_s']:>10,.0f}{ratio(first):>12}"
                 f"{'≥ 10×':>10}  {mark[met['import']]}")
    wall_ratio = f"{first['wall_files_per_s'] / exif['files_per_s']:.1f}×" if exif else ""
    lines.append(f"{'  the command, wall-clock with start-up':44}{first['wall_files_per_s']:>10,.0f}"
                 f"{wall_ratio:>12}{'':>10}  ({first['wall_s']:.2f} s; ExifTool's figure includes its start-up)")
    lines.append(f"{'re-import, unchanged folder':44}{again['files_per_s']:>10,.0f}{ratio(again):>12}"
                 f"{'≥ 50×':>10}  {mark[met['reimport']]}")
    lines.append(f"{'  the command, wall-clock with start-up':44}{again['wall_files_per_s']:>10,.0f}"
                 f"{'':>12}{'':>10}  ({again['wall_s']:.2f} s)")
    large = figures.get("reimport_large")
    if large:
        label = f"  the same, in a catalogue of {figures['clone']['rows']:,}"
        lines.append(f"{label:44}{large['files_per_s']:>10,.0f}{ratio(large):>12}{'≥ 50×':>10}  "
                     f"{mark[met.get('reimport_large')]}")
    lines.append("")
    lines.append(f"{'peak RSS (import process + workers)':44}{'MB':>10}{'':>12}{'target':>10}")
    label = f"  import of {first['files']:,} files"
    lines.append(f"{label:44}{first['peak_rss_mb']:>10.0f}{'':>12}{'':>10}  (PSS {first['peak_pss_mb']:.0f} MB)")
    memory = figures.get("memory_import")
    if memory:
        label = f"  import of {memory['files']:,} files"
        lines.append(f"{label:44}{memory['peak_rss_mb']:>10.0f}{'':>12}"
                     f"{'< 250':>10}  {mark[met['memory']]}   (PSS {memory['peak_pss_mb']:.0f} MB; "
                     f"{memory['files_per_s']:,.0f} files/s)")
    lines.append("")
    rows = figures["clone"]["rows"]
    label = f"search, {rows:,} photos, page of {PAGE} (ms)"
    lines.append(f"{label:44}{'median':>10}{'p95':>8}"
                 f"{'count p95':>11}{'matches':>9}  target p95 < 50 ms")
    for query in figures["search"]:
        label = f"  {query['kind']:13} {' '.join(query['args'])}"
        ok = query["p95_ms"] < TARGETS["search_p95_ms"] and query["count_p95_ms"] < TARGETS["search_p95_ms"]
        lines.append(f"{label[:44]:44}{query['median_ms']:>10.1f}{query['p95_ms']:>8.1f}{query['count_p95_ms']:>11.1f}"
                     f"{query['matches']:>9,}  {mark[ok]}")
    lines.append("")
    summaries, size = figures.get("summaries"), figures.get("size")
    if summaries:
        lines.append(f"{'whole catalogue, inside the process (ms)':44}{'median':>10}{'p95':>8}"
                     "  target ≤ 500 ms at 1,000,000 photos")
        for name, times in summaries.items():
            lines.append(f"{'  ' + name:44}{times['median_ms']:>10.1f}{times['p95_ms']:>8.1f}")
    if size:
        lines.append(f"{'  size on disk':44}{size['bytes'] / 2**20:>10,.0f} MiB, "
                     f"{size['bytes_per_photo'] / 1024:.1f} KiB a photo")
    new = figures.get("import_large")
    if new:
        label = f"  {new['files']:,} new files into {rows:,} photos"
        lines.append(f"{label:44}{new['files_per_s']:>10,.0f} files/s{ratio(new):>10}"
                     f"  (into an empty catalogue: {first['files_per_s']:,.0f} files/s)")
    lines.append("")
    if figures.get("whole"):
        lines.append("whole commands from the shell, against ExifTool in the same run (issue 20)")
        lines.append("")
        lines.extend(whole_module.table_lines(figures["whole"]))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
