#!/usr/bin/env python3
"""The hot folder under load: how soon an arrival is searchable, whether a stream of slow FTP-like arrivals
goes in whole and once, whether SIGKILL loses anything, and whether memory stays flat.

A real `catalog watch` process (as a desk runs it) watches a fresh folder into a fresh catalogue in each
phase; this script plays the FTP server:

- **latency**: a complete press JPEG is copied in, one at a time; the time from the end of the copy until
  its row is committed (the full-text index is written in the same transaction, so it is searchable then),
  polled every 10 ms. Compared with the settle time + 1 s.
- **stream**: N files arriving at R files/s, each written in 8 chunks over about a second (many in flight
  at once): a third written in place, a third under a `.part` name then renamed, a third under rsync's
  hidden name then renamed; one in twenty stalls for longer than the settle time half-way. Afterwards
  every file must be in the catalogue once, under its final name, with the size and fingerprint of the
  whole file, and the watcher must have said "added" once per file and "updated" never.
- **kill**: the same kind of stream while the watcher is killed with SIGKILL at random moments and started
  again; at the end every file must be there once and whole.
- **soak**: small files arriving at a steady rate for a while; the watcher's resident memory (its own, and
  with its reader processes) is sampled every few seconds and a line fitted through it after the first
  minute: the slope, in MB per hour, is what "flat" is judged by.

    python bench/watch.py                                   # 1,000 files at 50/s, a 10-minute soak
    python bench/watch.py --soak 3600                       # an hour of arrivals
    python bench/watch.py --smoke                           # small and quick: checks that it runs
    python bench/watch.py --postgres postgresql+psycopg://postgres@127.0.0.1:55432/postgres

It reports numbers (and --json writes them all); it asserts nothing.
"""

from __future__ import annotations

import argparse
import heapq
import io
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus

# --- the watcher, as a child process ---------------------------------------------------------------------------


class Watcher:
    """`catalog watch --format json` on one folder; its lines collected with the time each arrived."""

    def __init__(self, url: str, folder: Path, settle: float):
        env = {k: v for k, v in os.environ.items() if k != "CATALOG_DB"}
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.child = subprocess.Popen(
            [sys.executable, "-m", "catalog.cli", "--db", url, "watch", str(folder), "--format", "json",
             "--settle", str(settle), "--rescan", "60"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
        self.events: list[tuple[float, dict]] = []
        self.messages: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read_events, daemon=True).start()
        threading.Thread(target=self._read_messages, daemon=True).start()

    def _read_events(self) -> None:
        for line in self.child.stdout:
            self.events.append((time.monotonic(), json.loads(line)))

    def _read_messages(self) -> None:
        for line in self.child.stderr:
            text = line.decode("utf-8", "replace").rstrip()
            self.messages.append(text)
            if "caught up" in text:
                self.ready.set()

    def wait_ready(self, timeout: float = 600) -> float:
        started = time.monotonic()
        if not self.ready.wait(timeout):
            raise SystemExit(f"the watcher did not start in {timeout:g} s: {self.messages}")
        return time.monotonic() - started

    def stop(self) -> int:
        self.child.send_signal(signal.SIGTERM)
        return self.child.wait(timeout=300)

    def kill(self) -> None:
        try:
            os.killpg(self.child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.child.wait(timeout=60)

    def memory_kb(self) -> tuple[int, int, int]:
        """The watcher's resident memory, the part of it that is its own heap (not files mapped, such as the
        SQLite catalogue, whose pages count as they are read), and the resident memory of it and its reader
        processes together; in KiB, from /proc."""
        own = _status_kb(self.child.pid)
        return (own.get("VmRSS", 0), own.get("RssAnon", 0),
                own.get("VmRSS", 0) + sum(_status_kb(pid).get("VmRSS", 0) for pid in _descendants(self.child.pid)))


def _status_kb(pid: int) -> dict[str, int]:
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if rest.strip().endswith("kB"):
                values[name] = int(rest.split()[0])
    except OSError:
        pass
    return values


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


# --- catalogues -----------------------------------------------------------------------------------------------


class Catalogue:
    """A fresh catalogue for one phase: a SQLite file, or a database made on the PostgreSQL server."""

    def __init__(self, work: Path, name: str, server: str | None):
        from sqlalchemy import create_engine, text

        self.server = server
        if server:
            self.name = f"catalog_watch_bench_{name}_{uuid.uuid4().hex[:8]}"
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            admin.dispose()
            self.url = server.rsplit("/", 1)[0] + "/" + self.name
        else:
            self.url = f"sqlite:///{work / (name + '.db')}"
        self.engine = None

    def rows(self, sql: str, **values) -> list[tuple]:
        from sqlalchemy import create_engine, text

        if self.engine is None:
            self.engine = create_engine(self.url)
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), values)]

    def drop(self) -> None:
        from sqlalchemy import create_engine, text

        if self.engine is not None:
            self.engine.dispose()
        if self.server:
            admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            admin.dispose()


# --- arrivals -------------------------------------------------------------------------------------------------


class Delivery:
    """Files written the way FTP servers and sync clients write them, on a schedule, from one thread.

    Each file is (final path, the file its bytes come from, how): "direct" writes in place, "part" writes
    NAME.part and renames it, "rsync" writes .NAME.XXXXXX and renames it. Its 8 chunks are spread over
    `spread` seconds; a stalled file waits `stall` seconds after its 4th chunk. Chunks are read from the
    source as they are written, so a stream of a thousand files costs no memory here.
    """

    def __init__(self):
        self._heap: list = []
        self._order = 0

    def add(self, start: float, path: Path, source: Path, how: str, spread: float = 1.0, stall: float = 0.0) -> None:
        temporary = {"direct": path, "part": path.with_name(path.name + ".part"),
                     "rsync": path.with_name(f".{path.name}.{uuid.uuid4().hex[:6]}")}[how]
        size = source.stat().st_size
        cuts = [size * n // 8 for n in range(9)]
        handle: dict = {}
        for n in range(8):
            moment = start + spread * n / 8 + (stall if n >= 4 else 0.0)
            self._push(moment, self._chunk, handle, temporary, source, cuts[n], cuts[n + 1], n == 0, n == 7,
                       path if temporary != path else None)

    def _push(self, moment: float, *action) -> None:
        heapq.heappush(self._heap, (moment, self._order, action))
        self._order += 1

    @staticmethod
    def _chunk(handle: dict, temporary: Path, source: Path, start: int, end: int, first: bool, last: bool,
               final: Path | None) -> None:
        if first:
            handle["file"] = open(temporary, "wb")  # noqa: SIM115 - closed by the last chunk
        with open(source, "rb") as bytes_from:
            bytes_from.seek(start)
            handle["file"].write(bytes_from.read(end - start))
        handle["file"].flush()
        if last:
            handle["file"].close()
            if final is not None:
                os.rename(temporary, final)

    def run(self, stop: threading.Event | None = None) -> float:
        """Carry out the schedule (times relative to now); the wall-clock seconds it took."""
        began = time.monotonic()
        while self._heap:
            moment, _, action = heapq.heappop(self._heap)
            wait = began + moment - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            action[0](*action[1:])
        return time.monotonic() - began


def stream_schedule(files: list[Path], folder: Path, rate: float, settle: float, seed: int) -> tuple[Delivery, dict]:
    """N corpus files arriving at `rate` per second, mixed as Delivery describes; path -> size expected."""
    rnd = random.Random(seed)
    delivery = Delivery()
    expected = {}
    for n, source in enumerate(files):
        target = folder / f"arrival-{n:05d}.jpg"
        how = ("direct", "part", "rsync")[n % 3]
        stall = settle + 1.0 if how == "direct" and rnd.random() < 0.15 else 0.0  # 1 in 20 of all files
        delivery.add(n / rate, target, source, how, spread=1.0, stall=stall)
        expected[str(target)] = source.stat().st_size
    return delivery, expected


def verify(catalogue: Catalogue, expected: dict[str, int]) -> dict:
    """Each expected file once, under its final name, with the whole file's size and fingerprint."""
    from catalog.scan import fingerprint

    found = catalogue.rows("SELECT path, size, fingerprint, missing_since FROM photo")
    paths = [row[0] for row in found]
    by_path = {row[0]: row for row in found}
    half_read = [path for path, size in expected.items()
                 if path in by_path and (by_path[path][1] != size or by_path[path][2] != fingerprint(path, size))]
    return {
        "expected": len(expected),
        "catalogued": len(found),
        "missing_from_catalogue": len(set(expected) - set(paths)),
        "duplicated": len(paths) - len(set(paths)),
        "not_expected": len(set(paths) - set(expected)),
        "half_read": len(half_read),
        "marked_missing": sum(1 for row in found if row[3] is not None),
    }


def wait_for_rows(catalogue: Catalogue, count: int, timeout: float) -> float:
    from sqlalchemy.exc import SQLAlchemyError

    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            done = catalogue.rows("SELECT count(*) FROM photo")[0][0] >= count
        except SQLAlchemyError:  # the schema is not there yet
            done = False
        if done:
            return time.monotonic() - started
        time.sleep(0.1)
    return float("nan")


# --- phases -------------------------------------------------------------------------------------------------------


def phase_latency(work: Path, files: list[Path], runs: int, settle: float, server: str | None) -> dict:
    folder = work / "latency"
    folder.mkdir()
    catalogue = Catalogue(work, "latency", server)
    watcher = Watcher(catalogue.url, folder, settle)
    try:
        start_s = watcher.wait_ready()
        seconds = []
        for n in range(runs):
            source = files[n % len(files)]
            target = folder / f"copy-{n:03d}.jpg"
            data = source.read_bytes()
            with open(target, "wb") as handle:
                handle.write(data)
            copied = time.monotonic()
            while not catalogue.rows("SELECT id FROM photo WHERE path = :path", path=str(target)):
                if time.monotonic() - copied > 120:
                    break
                time.sleep(0.01)
            seconds.append(time.monotonic() - copied)
        from catalog.library import Library

        library = Library.open(catalogue.url, readonly=True)
        searchable = len(library.search(["frame"], limit=10_000).photos)
        library.close()
        watcher.stop()
    finally:
        watcher.kill()
        catalogue.drop()
    return {"runs": runs, "settle_s": settle, "start_s": round(start_s, 2),
            "median_s": round(statistics.median(seconds), 3), "p95_s": round(_p95(seconds), 3),
            "max_s": round(max(seconds), 3), "within_settle_plus_1": sum(s <= settle + 1 for s in seconds),
            "found_by_search": searchable, "all_s": [round(s, 3) for s in seconds]}


def phase_stream(work: Path, files: list[Path], rate: float, settle: float, server: str | None) -> dict:
    folder = work / "stream"
    folder.mkdir()
    catalogue = Catalogue(work, "stream", server)
    watcher = Watcher(catalogue.url, folder, settle)
    try:
        watcher.wait_ready()
        delivery, expected = stream_schedule(files, folder, rate, settle, seed=1)
        written_s = delivery.run()
        drained_s = wait_for_rows(catalogue, len(expected), timeout=600)
        outcome = verify(catalogue, expected)
        watcher.stop()
    finally:
        watcher.kill()
        catalogue.drop()
    said: dict[str, int] = {}
    per_file: dict[str, list[str]] = {}
    for _, event in watcher.events:
        said[event["event"]] = said.get(event["event"], 0) + 1
        per_file.setdefault(event["path"], []).append(event["event"])
    added_once = sum(1 for events in per_file.values() if events == ["added"])
    return {"files": len(expected), "rate_per_s": rate, "written_s": round(written_s, 1),
            "all_in_s_after_last_write": round(drained_s, 2), "lines": said, "files_added_once_only": added_once,
            **outcome}


def phase_kill(work: Path, files: list[Path], rate: float, settle: float, kills: int, server: str | None) -> dict:
    folder = work / "kill"
    folder.mkdir()
    catalogue = Catalogue(work, "kill", server)
    watcher = Watcher(catalogue.url, folder, settle)
    restarts = []
    try:
        watcher.wait_ready()
        delivery, expected = stream_schedule(files, folder, rate, settle, seed=2)
        writer = threading.Thread(target=delivery.run)
        writer.start()
        rnd = random.Random(3)
        for _ in range(kills):
            time.sleep(rnd.uniform(1.0, max(1.5, len(files) / rate / kills)))
            watcher.kill()
            restarted = time.monotonic()
            watcher = Watcher(catalogue.url, folder, settle)
            watcher.wait_ready()
            restarts.append(round(time.monotonic() - restarted, 1))
        writer.join()
        drained_s = wait_for_rows(catalogue, len(expected), timeout=600)
        time.sleep(settle + 1)  # anything still settling would show as a duplicate or a late update
        outcome = verify(catalogue, expected)
        watcher.stop()
    finally:
        watcher.kill()
        catalogue.drop()
    return {"files": len(expected), "kills": kills, "restart_to_caught_up_s": restarts,
            "all_in_s_after_last_write": round(drained_s, 2), **outcome}


def phase_soak(work: Path, seconds: float, rate: float, settle: float, sample_every: float,
               server: str | None) -> dict:
    from PIL import Image

    folder = work / "soak"
    folder.mkdir()
    catalogue = Catalogue(work, "soak", server)
    body = io.BytesIO()
    Image.effect_noise((320, 213), 50).convert("RGB").save(body, "JPEG", quality=85)
    base = body.getvalue()
    watcher = Watcher(catalogue.url, folder, settle)
    samples: list[tuple[float, int, int, int]] = []
    written = 0
    try:
        watcher.wait_ready()
        began = time.monotonic()
        next_sample = began
        while time.monotonic() - began < seconds:
            now = time.monotonic()
            if now >= next_sample:
                samples.append((now - began, *watcher.memory_kb()))
                next_sample += sample_every
            sub = folder / f"hour-{written // 3600:02d}"
            sub.mkdir(exist_ok=True)
            caption = f"Soak frame {written} in Hefei, Anhui Province, Oct. 14, 2025. (Xinhua/Li Xin)"
            data = corpus.insert_segments(base, [corpus._segment(0xED, corpus.iim_block(
                [(1, 90, b"\x1b%G"), (2, 120, caption)]))])
            target = sub / f"soak-{written:06d}.jpg"
            temporary = target.with_name(target.name + ".part")
            temporary.write_bytes(data)
            os.rename(temporary, target)
            written += 1
            time.sleep(max(0.0, began + written / rate - time.monotonic()))
        drained_s = wait_for_rows(catalogue, written, timeout=600)
        samples.append((time.monotonic() - began, *watcher.memory_kb()))
        catalogued = catalogue.rows("SELECT count(*) FROM photo")[0][0]
        watcher.stop()
    finally:
        watcher.kill()
        catalogue.drop()
    after = [s for s in samples if s[0] >= 60] or samples
    return {"seconds": round(seconds), "rate_per_s": rate, "files": written, "catalogued": catalogued,
            "all_in_s_after_last_write": round(drained_s, 2),
            "rss_mb_first": round(after[0][1] / 1024, 1), "rss_mb_last": round(after[-1][1] / 1024, 1),
            "rss_mb_max": round(max(s[1] for s in after) / 1024, 1),
            "slope_mb_per_hour": round(_slope([(s[0], s[1] / 1024) for s in after]) * 3600, 2),
            "heap_mb_first": round(after[0][2] / 1024, 1), "heap_mb_last": round(after[-1][2] / 1024, 1),
            "heap_slope_mb_per_hour": round(_slope([(s[0], s[2] / 1024) for s in after]) * 3600, 2),
            "with_readers_mb_last": round(after[-1][3] / 1024, 1),
            "with_readers_slope_mb_per_hour": round(_slope([(s[0], s[3] / 1024) for s in after]) * 3600, 2),
            "samples": [(round(t), rss, heap, total) for t, rss, heap, total in samples]}


def _slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x (units of y per unit of x); 0 for fewer than two points."""
    if len(points) < 2:
        return 0.0
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="files in the stream (default 1,000)")
    parser.add_argument("--rate", type=float, default=50.0, help="arrivals per second (default 50)")
    parser.add_argument("--size", default="1600x1067", help="the corpus files' pixels (default 1600x1067)")
    parser.add_argument("--settle", type=float, default=2.0, help="the watcher's --settle (default 2)")
    parser.add_argument("--latency-runs", type=int, default=20)
    parser.add_argument("--kill-files", type=int, default=400, help="files in the kill phase (default 400)")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--soak", type=float, default=600.0, help="seconds of the soak (default 600)")
    parser.add_argument("--soak-rate", type=float, default=10.0, help="arrivals per second in the soak")
    parser.add_argument("--phases", default="latency,stream,kill,soak")
    parser.add_argument("--postgres", metavar="URL", help="a server: each phase gets a fresh database on it")
    parser.add_argument("--cache", default="/tmp/catalog-bench", help="where the corpus is kept")
    parser.add_argument("--json", metavar="FILE", help="write every figure here")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks that the script runs")
    args = parser.parse_args(argv)
    if args.smoke:
        args.files, args.size, args.latency_runs, args.kill_files, args.kills = 40, "320x213", 3, 30, 1
        args.soak, args.rate = 20.0, 20.0
    width, height = (int(v) for v in args.size.lower().split("x"))
    count = max(args.files, args.kill_files, args.latency_runs)
    source = corpus.build(Path(args.cache) / f"corpus-{count}-{width}x{height}", count, (width, height))
    files = sorted(p for p in source.iterdir() if p.suffix == ".jpg")
    phases = args.phases.split(",")
    figures: dict = {"machine": {"cpus": os.cpu_count(), "load": os.getloadavg()[0]},
                     "database": "postgresql" if args.postgres else "sqlite",
                     "corpus": {"files": count, "size": args.size,
                                "mean_bytes": int(statistics.fmean(p.stat().st_size for p in files[:50]))}}
    with tempfile.TemporaryDirectory(prefix="catalog-watch-bench-") as temp:
        work = Path(temp)
        if "latency" in phases:
            _say("latency: one complete file at a time")
            figures["latency"] = phase_latency(work, files, args.latency_runs, args.settle, args.postgres)
        if "stream" in phases:
            _say(f"stream: {args.files} files at {args.rate:g}/s")
            figures["stream"] = phase_stream(work, files[: args.files], args.rate, args.settle, args.postgres)
        if "kill" in phases:
            _say(f"kill: {args.kill_files} files at {args.rate:g}/s, {args.kills} SIGKILLs")
            figures["kill"] = phase_kill(work, files[: args.kill_files], args.rate, args.settle, args.kills,
                                         args.postgres)
        if "soak" in phases:
            _say(f"soak: {args.soak:g} s at {args.soak_rate:g}/s")
            figures["soak"] = phase_soak(work, args.soak, args.soak_rate, args.settle,
                                         sample_every=max(1.0, args.soak / 120), server=args.postgres)
        shutil.rmtree(work, ignore_errors=True)
    figures["machine"]["load_after"] = os.getloadavg()[0]
    print(json.dumps({key: _brief(value) for key, value in figures.items()}, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


def _brief(value):
    """The figures without the long lists (those go to --json)."""
    if isinstance(value, dict):
        return {k: _brief(v) for k, v in value.items() if k not in ("all_s", "samples")}
    return value


def _say(message: str) -> None:
    print(f"bench/watch.py: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
