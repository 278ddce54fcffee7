#!/usr/bin/env python3
"""Many desks at once: how search latency and throughput change as more processes search one catalogue.

Each desk is a process with its own connection (as each `catalog` command or web worker is), searching in a
loop for a while with the benchmark's five kinds of query, a page of 100 at a time. Run it against a catalogue
that already holds photos, e.g. the 100,000 that bench/run.py leaves behind:

    python bench/newsroom.py --db postgresql+psycopg://me@127.0.0.1:5432/bench --desks 1,2,4,8
    python bench/newsroom.py --db /tmp/catalog-bench/bench.db

It reports numbers and asserts nothing; with 2 cores, more desks than cores share them, so the figures show
how latency grows when the server is busy, not how a bigger server scales.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: The same five kinds as bench/run.py: place, date range, photographer, word, and all four together.
QUERIES = [
    ["in:Gansu"],
    ["taken:2019-03..2019-08"],
    ['by:"Zhang Dagang"'],
    ["train"],
    ["in:China", "taken:2018..2024", "by:zhang", "train"],
]
PAGE = 100


def _desk(url: str, seconds: float, start, results) -> None:
    from catalog.library import Library

    library = Library.open(url)
    library.search(QUERIES[0], limit=PAGE)  # connect and warm up before the clock starts
    start.wait()
    latencies = []
    deadline = time.perf_counter() + seconds
    turn = 0
    while time.perf_counter() < deadline:
        began = time.perf_counter()
        library.search(QUERIES[turn % len(QUERIES)], limit=PAGE)
        latencies.append((time.perf_counter() - began) * 1000)
        turn += 1
    library.close()
    results.put(latencies)


def run(url: str, desks: int, seconds: float) -> dict:
    """One round: `desks` processes search for `seconds`; searches per second, median and p95 latency."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(desks + 1)
    results = context.Queue()
    processes = [context.Process(target=_desk, args=(url, seconds, start, results)) for _ in range(desks)]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    latencies: list[float] = []
    for _ in processes:
        latencies.extend(results.get())
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
    latencies.sort()
    return {
        "desks": desks,
        "searches": len(latencies),
        "per_second": len(latencies) / max(elapsed, seconds),
        "median_ms": statistics.median(latencies),
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, metavar="PATH_OR_URL", help="a catalogue that holds photos")
    parser.add_argument("--desks", default="1,2,4,8", help="numbers of searching processes to try (default 1,2,4,8)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long each round searches (default 10)")
    args = parser.parse_args(argv)
    from catalog.db import resolve_url
    from catalog.library import Library

    url = resolve_url(args.db)
    library = Library.open(url)
    photos = library.count()
    library.close()
    print(f"{photos:,} photos · {url.split('://')[0]} · {multiprocessing.cpu_count()} cores · "
          f"page of {PAGE} · the five query kinds of bench/run.py in turn")
    print(f"{'desks':>5}  {'searches/s':>10}  {'median ms':>9}  {'p95 ms':>7}")
    for desks in (int(n) for n in args.desks.split(",")):
        row = run(url, desks, args.seconds)
        print(f"{row['desks']:>5}  {row['per_second']:>10.1f}  {row['median_ms']:>9.1f}  {row['p95_ms']:>7.1f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
