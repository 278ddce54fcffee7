"""Import: scan folders -> skip what is unchanged -> read and parse in parallel -> store in batches.

The stages are generators, so memory stays flat however large the folder is. Reading happens in worker
processes (one per core); only the main process writes, in transactions of at most BATCH records, so a
killed import keeps every batch it committed and the next run continues where it stopped.

How a photo is identified: by its absolute path; an unchanged file (same size and modification time) is
not opened again. A new path whose fingerprint (size plus three sampled 16 KiB blocks, hashed with
XXH3-128) matches a record whose file has gone is a move: the record keeps its id and takes the new path.
A full SHA-256 of every byte would cost more than reading the metadata, so it is left to `catalog verify`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat as statmod
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from catalog.metadata.types import ReadFailure
from catalog.records import CaptionInput

#: File name extensions that are images; anything else in a folder is passed over quietly.
IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".tif", ".tiff", ".png", ".webp", ".heic", ".heif", ".hif"}
)
BATCH = 500
#: The smallest batch handed over early because the import is nearly done (see `batches`).
TAIL = 50
BATCH_SECONDS = 2.0
#: Bytes hashed at the start, middle and end of a file for its fingerprint. 16 KiB, not 64: hashing 192 KiB
#: cost more per file than reading its metadata (0.7 ms against 0.3), and 48 KiB of compressed image data
#: tells photos apart as well.
SAMPLE = 16 * 1024
#: Below this many files to read, worker processes cost more than they save.
PARALLEL_THRESHOLD = 64


@dataclass(frozen=True)
class Found:
    """An image file the scan found, with the stat facts that decide whether it changed."""

    path: str
    size: int
    mtime_ns: int
    #: The newest modification time of an XMP sidecar beside it (photo.xmp, photo.jpg.xmp), or None.
    sidecar_mtime_ns: int | None = None


def sidecar_mtime(path: str, names: set[str] | None = None) -> int | None:
    """The newest modification time among the photo's XMP sidecars, or None when it has none.

    `names` is the set of file names in the photo's folder when the scan already listed it, so that a
    photo without a sidecar costs no system call.
    """
    from catalog.metadata.sidecar import sidecar_candidates

    newest = None
    for candidate in sidecar_candidates(path):
        if names is not None and os.path.basename(candidate) not in names:
            continue
        try:
            info = os.stat(candidate)
        except OSError:
            continue
        if statmod.S_ISREG(info.st_mode):
            newest = max(newest or 0, info.st_mtime_ns)
    return newest


@dataclass
class ImportReport:
    """What an import did: counts, and every failure with its reason."""

    added: int = 0
    updated: int = 0
    moved: int = 0
    unchanged: int = 0
    skipped: int = 0  # not images by their extension
    failures: list[ReadFailure] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def stored(self) -> int:
        return self.added + self.updated + self.moved

    def merge(self, other: ImportReport) -> None:
        """Add the counts and failures of a part of the import (one committed batch)."""
        self.added += other.added
        self.updated += other.updated
        self.moved += other.moved
        self.failures.extend(other.failures)


@dataclass
class Progress:
    """Callbacks the CLI passes to show progress; all optional."""

    total: Callable[[int], None] | None = None
    advance: Callable[[int], None] | None = None
    waiting: Callable[[str], None] | None = None


def scan(paths: Iterable[str | os.PathLike], report: ImportReport) -> Iterator[Found]:
    """Every image file under the given folders and files, each once, following no symlink loop."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    for given in paths:
        given = os.path.abspath(os.fsdecode(given))
        try:
            info = os.stat(given)
        except FileNotFoundError:
            report.failures.append(ReadFailure(given, "no such file or folder"))
            continue
        except OSError as error:
            report.failures.append(ReadFailure(given, f"cannot be read ({error.strerror or error})"))
            continue
        if statmod.S_ISDIR(info.st_mode):
            yield from _walk(given, seen_dirs, seen_files, report)
        else:
            found = _classify(given, info, report)
            if found and found.path not in seen_files:
                seen_files.add(found.path)
                yield dataclasses.replace(found, sidecar_mtime_ns=sidecar_mtime(found.path))


def _walk(top: str, seen_dirs, seen_files, report: ImportReport) -> Iterator[Found]:
    if not _utf8(top):
        report.failures.append(ReadFailure(_shown(top), f"{NOT_UTF8.format(what='folder')}; nothing in it was imported"))
        return
    try:
        info = os.stat(top)
    except OSError as error:
        report.failures.append(ReadFailure(top, f"folder cannot be read ({error.strerror or error})"))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen_dirs:
        return  # a symlink back to a folder already scanned
    seen_dirs.add(key)
    try:
        with os.scandir(top) as entries:
            children = sorted(entries, key=lambda e: e.name)
    except OSError as error:
        report.failures.append(ReadFailure(top, f"folder cannot be read ({error.strerror or error})"))
        return
    sidecars = {entry.name for entry in children if entry.name.lower().endswith(".xmp")}
    for entry in children:
        try:
            if entry.is_dir():
                yield from _walk(entry.path, seen_dirs, seen_files, report)
                continue
            entry_stat = entry.stat()
        except OSError as error:
            if os.path.splitext(entry.name)[1].lower() in IMAGE_EXTENSIONS:
                dangling = isinstance(error, FileNotFoundError) and entry.is_symlink()
                reason = "a symbolic link to a file that does not exist" if dangling else \
                    f"cannot be read ({error.strerror or error})"
                report.failures.append(ReadFailure(_shown(entry.path), reason))
            continue
        found = _classify(entry.path, entry_stat, report)
        if found and found.path not in seen_files:
            seen_files.add(found.path)
            if sidecars:
                found = dataclasses.replace(found, sidecar_mtime_ns=sidecar_mtime(found.path, sidecars))
            yield found


def _classify(path: str, info: os.stat_result, report: ImportReport) -> Found | None:
    if os.path.splitext(path)[1].lower() not in IMAGE_EXTENSIONS:
        report.skipped += 1
        return None
    if not statmod.S_ISREG(info.st_mode):
        report.failures.append(ReadFailure(_shown(path), f"not a regular file ({_special_kind(info.st_mode)})"))
        return None
    if not _utf8(path):
        report.failures.append(ReadFailure(_shown(path), NOT_UTF8.format(what="file")))
        return None
    return Found(path, info.st_size, info.st_mtime_ns)


def found_file(path: str) -> Found:
    """The stat facts of one named file, sidecar included (for files given by name, not found by a scan)."""
    info = os.stat(path)
    return Found(path, info.st_size, info.st_mtime_ns, sidecar_mtime(path))


#: Why a path whose name is not UTF-8 (possible on Linux) is not imported: the catalogue stores paths as text.
NOT_UTF8 = ("the {what} name is not valid UTF-8, so the catalogue cannot record it; rename it (for example "
            "with convmv) and import again")


def _utf8(path: str) -> bool:
    """False for a path with bytes that are not UTF-8 (os.fsdecode turned them into lone surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(path: str) -> str:
    """A path fit to print and store: undecodable bytes written as \\xNN."""
    return path if _utf8(path) else os.fsencode(path).decode("utf-8", "backslashreplace")


def _special_kind(mode: int) -> str:
    """What a directory entry is when it is not a regular file, in plain words."""
    if statmod.S_ISFIFO(mode):
        return "a named pipe"
    if statmod.S_ISSOCK(mode):
        return "a socket"
    if statmod.S_ISCHR(mode) or statmod.S_ISBLK(mode):
        return "a device"
    return "a special file"


def fingerprint(path: str, size: int) -> str:
    """XXH3-128 over the size and the first, middle and last 16 KiB (SAMPLE): cheap, and stable across moves.

    32 hex digits. A sampled fingerprint recognises a moved file; it proves nothing about the bytes it does
    not read, so it needs speed, not a cryptographic hash: XXH3 hashes the 48 KiB in about 1 µs, SHA-256 in
    35 and blake2b in 61 (`catalog verify` computes the full SHA-256 when identity must be proven). Records
    imported before hold the 40-digit `legacy_fingerprint`; see `Library.import_paths` for how their moves
    are still recognised.
    """
    import xxhash

    return _sampled(xxhash.xxh3_128(), path, size)


def legacy_fingerprint(path: str, size: int) -> str:
    """The fingerprint of catalogues made before XXH3: blake2b (20 bytes, 40 hex digits), same samples."""
    return _sampled(hashlib.blake2b(digest_size=20), path, size)


def _sampled(digest, path: str, size: int) -> str:
    digest.update(str(size).encode())
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        if size > 3 * SAMPLE:
            for offset in (0, size // 2, size - SAMPLE):
                digest.update(_pread(descriptor, SAMPLE, offset))
        else:
            digest.update(_pread(descriptor, SAMPLE, 0))
            if size > SAMPLE:
                digest.update(_pread(descriptor, size - SAMPLE, SAMPLE))
    finally:
        os.close(descriptor)
    return digest.hexdigest()


def _pread(descriptor: int, length: int, offset: int) -> bytes:
    """Up to `length` bytes at `offset` (os.pread where there is one: a read without a seek)."""
    if hasattr(os, "pread"):
        return os.pread(descriptor, length, offset)
    os.lseek(descriptor, offset, os.SEEK_SET)
    return os.read(descriptor, length)


# --- the worker side: runs in a pool process, returns plain picklable values --------------------------------

@dataclass(frozen=True)
class ReaderSetup:
    """What every reader needs besides the file: captions given by name, the house rules, and whether to
    compute the legacy fingerprint too (the catalogue still holds records that carry one)."""

    captions: dict[str, CaptionInput] = field(default_factory=dict)
    rules: object = None
    legacy_fingerprints: bool = False


_setup = ReaderSetup()


def _init_worker(setup: ReaderSetup, *, in_pool: bool = False) -> None:
    global _setup
    if in_pool:
        # Ctrl-C reaches every process of the terminal's group: the main process stops the pool, so a
        # worker ignores it rather than dying with a traceback of its own.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _setup = setup


def read_one(found: Found) -> tuple[Found, dict | None, ReadFailure | None]:
    """Read, reconcile and parse one file; never raises (a failure is returned as a value)."""
    from catalog.metadata import read
    from catalog.records import build_record

    try:
        # The scan saw every sidecar there is (sidecar_mtime_ns), so a photo without one costs no look-up.
        meta = read(found.path, sidecars=found.sidecar_mtime_ns is not None)
        if isinstance(meta, ReadFailure):
            return found, None, meta
        if found.size == 0:
            return found, None, ReadFailure(found.path, "empty file")
        caption = caption_for(found.path, _setup.captions)
        record = build_record(meta, caption, _setup.rules)
        record["fingerprint"] = fingerprint(found.path, found.size)
        if _setup.legacy_fingerprints:
            record["_legacy_fingerprint"] = legacy_fingerprint(found.path, found.size)
        return found, record, None
    except OSError as error:
        return found, None, ReadFailure(found.path, f"cannot be read ({error.strerror or error})")
    except Exception as error:  # a bug in a reader must not stop the import; the reason names it
        return found, None, ReadFailure(found.path, f"could not be read ({type(error).__name__}: {error})")


def caption_for(path: str, captions: dict[str, CaptionInput]) -> CaptionInput | None:
    """A captions file names photos by file name, or by a path relative to where it was given."""
    if not captions:
        return None
    if path in captions:
        return captions[path]
    return captions.get(os.path.basename(path)) or captions.get(os.path.basename(path).lower())


def read_all(
    items: list[Found], setup: ReaderSetup, workers: int | None
) -> Iterator[tuple[Found, dict | None, ReadFailure | None]]:
    """Read files in worker processes (or in this one, for a handful), yielding results as they finish.

    A reader process that dies (a crash inside an image library, the out-of-memory killer, a kill) stops
    nothing and hangs nothing: the files it may have held are read again, one at a time, and a file that
    kills its reader a second time is reported as a failure.

    A handful of files is read in this process, except HEIF, AVIF and files with C2PA Content Credentials:
    our own readers are Python, but those go through a native library (libheif, libavif, c2pa) whose crash
    on a damaged file would end the import, so they are read in a reader process whatever their number.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        isolated = [item for item in items if _read_by_a_library(item.path)]
        isolated_paths = {item.path for item in isolated}
        _init_worker(setup)
        for item in items:
            if item.path not in isolated_paths:
                yield read_one(item)
        if isolated:
            yield from _read_guarded([[found] for found in isolated], setup, 1, 1)
        return
    yield from _read_guarded(_chunked(items, workers), setup, workers, WINDOW * workers)


def _read_guarded(chunks: list[list[Found]], setup: ReaderSetup, workers: int, window: int):
    """The chunks read in reader processes; the files of a reader that died are read again one at a time,
    and those that kill their reader a second time become failures."""
    suspects: list[Found] = []
    yield from _read_in_pool(chunks, setup, workers, window, suspects)
    if suspects:
        crashed: list[Found] = []
        yield from _read_in_pool([[found] for found in suspects], setup, 1, 1, crashed)
        for found in crashed:
            yield found, None, ReadFailure(found.path, READER_DIED)


def _read_by_a_library(path: str) -> bool:
    """Whether the file is HEIF or AVIF by its first bytes (read by libheif or libavif, not by our code), or
    carries a C2PA store (read by c2pa)."""
    from catalog.metadata.reader import c2pa_kind
    from catalog.metadata.sniff import HEAD_SIZE, sniff

    try:
        with open(path, "rb") as handle:
            file_format, _ = sniff(handle.read(HEAD_SIZE))
    except OSError:
        return False  # the reader will say why it cannot be read
    return file_format in ("HEIF", "AVIF") or (file_format is not None and c2pa_kind(path) == "c2pa")


#: Files handed to a reader process at a time: at most CHUNK, fewer towards the end (see _chunked).
CHUNK = 64
MIN_CHUNK = 4
#: Chunks handed out per reader before their results are taken.
WINDOW = 8
READER_DIED = ("its reader process died while reading it, twice (the file may be damaged in a way that "
               "crashes an image library)")


def _chunked(items: list[Found], workers: int) -> list[list[Found]]:
    """The files in chunks for the readers: large while many remain, shrinking towards the end.

    A chunk is one hand-over between processes, and the pool's manager thread needs the interpreter lock
    for each, which the importing thread holds while it prepares a batch: with chunks of 16 files the
    readers sat idle a sixth of the time, with 64 they do not. At the end, small chunks let every reader
    finish at about the same moment (1,000 files for 2 readers: 64 × 8, then 61, 53, 46, ... 4).
    """
    chunks, start = [], 0
    while start < len(items):
        size = max(MIN_CHUNK, min(CHUNK, (len(items) - start) // (4 * workers)))
        chunks.append(items[start:start + size])
        start += size
    return chunks


def _read_in_pool(chunks: list[list[Found]], setup: ReaderSetup, workers: int, window: int, lost: list[Found]):
    """Read chunks in a pool of `workers` processes, at most `window` chunks handed out at once.

    When a process dies the pool is broken: the files of the chunks handed out go to `lost`, and a new pool
    reads the rest. With a window of one chunk of one file, `lost` names exactly the files that kill readers.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(_start_method())
    waiting = list(reversed(chunks))
    while waiting:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_reader_process,
                                   initargs=(setup, os.getpid()))
        handed_out: dict = {}
        try:
            while waiting or handed_out:
                while waiting and len(handed_out) < window:
                    future = pool.submit(_read_chunk, waiting[-1])
                    handed_out[future] = waiting.pop()
                done, _ = wait(handed_out, return_when=FIRST_COMPLETED)
                results = [result for future in done for result in future.result()]
                for future in done:
                    del handed_out[future]
                yield from results
        except BrokenProcessPool:
            for chunk in handed_out.values():
                lost.extend(chunk)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _start_method() -> str:
    """How reader processes start: "fork" on Linux when this process runs no other thread, else a fresh interpreter.

    A forked reader starts in milliseconds with the readers, caption parser and house rules already imported
    here; a forkserver reader takes a quarter of a second to import them, which is a third of the time an
    import of 1,000 photos takes. Forking a process that runs other threads can deadlock, and macOS does not
    support it well, so those get forkserver (POSIX) or spawn.
    """
    import sys
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        import catalog.metadata.reader  # noqa: F401  (imported once here, inherited by every reader)
        import catalog.captions  # noqa: F401
        import catalog.records  # noqa: F401

        return "fork"
    return "forkserver" if os.name == "posix" else "spawn"


def _read_chunk(chunk: list[Found]) -> list[tuple[Found, dict | None, ReadFailure | None]]:
    return [read_one(found) for found in chunk]


def _reader_process(setup: ReaderSetup, parent: int) -> None:
    """Set up a reader process, which ends itself when the catalog process is gone (after a kill -9)."""
    import threading

    _init_worker(setup, in_pool=True)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="catalog-parent-watch", daemon=True).start()


def batches(
    results: Iterable, size: int | None = None, seconds: float = BATCH_SECONDS, total: int | None = None
) -> Iterator[list]:
    """Group results for one transaction each: at most `size` (BATCH), or whatever came in `seconds`.

    With the `total` number of results known, batches shrink towards the end (a batch is handed over once
    it holds as many as are still to come, while that is at least TAIL): the last batch is stored after the last file
    is read, with the readers idle, so it is kept small. 1,000 files go in as 500, 250, 125, 63 and 62.

    On Ctrl-C the results already read are handed over as a last batch before the KeyboardInterrupt goes
    on, so the caller can store them: an interrupted import keeps everything it had read.
    """
    size = size or BATCH
    batch: list = []
    started = time.monotonic()
    to_come = total if total is not None else -1  # results still to come after this one; -1: unknown
    try:
        for result in results:
            batch.append(result)
            to_come -= 1
            if len(batch) >= size or time.monotonic() - started > seconds or TAIL <= to_come <= len(batch):
                yield batch
                batch = []
                started = time.monotonic()
    except KeyboardInterrupt:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def file_exists(path: str) -> bool:
    """True when a catalogued file is still where the record says."""
    return Path(path).exists()
