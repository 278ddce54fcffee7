"""Reading files for an import: each file read, reconciled and its caption parsed, in reader processes.

`read_all(found, setup)` yields one `ReadResult` per file, in the order they finish: the record to store, or
the failure that says why the file could not be read. Files are read in a pool of processes (one per core),
in chunks, so a crash inside an image library costs one file and not the import: a reader process that dies
stops nothing and hangs nothing, the files it may have held are read again one at a time, and a file that
kills its reader a second time is reported as a failure.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from catalog.metadata.types import ReadFailure
from catalog.scan import Found, fingerprint, legacy_fingerprint

#: Below this many files to read, worker processes cost more than they save.
PARALLEL_THRESHOLD = 64


class ReadResult(NamedTuple):
    """What reading one file gave: the catalogue record and its place names, or why it could not be read."""

    found: Found
    record: dict[str, Any] | None = None
    failure: ReadFailure | None = None
    #: (kind, level, folded name) rows for the place_name table.
    places: tuple[tuple[str, str, str], ...] = ()
    #: (kind, key) rows for the place_key table and (role, token) rows for person_token (catalog.entities).
    keys: tuple[tuple[str, str], ...] = ()
    tokens: tuple[tuple[str, str], ...] = ()
    #: What the reader learned of the gazetteer's answers, for the importing process to keep (place_memo).
    learned: dict | None = None
    #: The fingerprint of the kind made before XXH3, computed while the catalogue still holds some.
    legacy_fingerprint: str | None = None
    #: A perceptual fingerprint made from a trusted embedded thumbnail (catalog.fingerprints), as bytes (from a
    #: reader process without its hashes until _read_in_pool makes them: see _perceptual).
    perceptual: bytes | None = None
    #: The record's JSON columns as SQLite stores them (text; see catalog.sqlite_columns.stored_json), made here
    #: when the setup asks for them: the quick writer then only sends them.
    json_text: dict[str, str | None] | None = None


@dataclass(frozen=True)
class ReaderSetup:
    """What every reader needs besides the file: the house rules, whether to compute the legacy fingerprint
    too (the catalogue still holds records that carry one), and the values people set on known photos."""

    rules: object = None
    legacy_fingerprints: bool = False
    #: What a person set, by path (a record's `manual` column, a captions file's captions): see build_record.
    manual: dict[str, dict] = field(default_factory=dict)
    #: Whether each result carries its JSON columns as text too (ReadResult.json_text), for the quick writer.
    json_text: bool = False


#: The JSON columns a record carries as None when its result carries their text (ReaderSetup.json_text, the quick
#: writer's): the importing process stores the text and reads none of these, and unpickles a result a quarter
#: faster without them (6.1 -> 4.4 µs, a reader pickles it in 5.2 -> 4.0). `catalog.store_rows.sort_batch` makes
#: them again from the text for the Library (`json.loads`, whose value json.dumps makes the same text of). Sent
#: as objects too: `extra` (a damaged file's report), `restrictions` (their rows) and `manual` (the import's view
#: of the catalogue keeps it).
SENT_AS_TEXT = ("check_facts", "c2pa", "conflicts", "keywords", "location_shown", "place", "sources")

_setup = ReaderSetup()
#: Whether this process is a reader that collects its garbage after each chunk (see _reader_process).
_collect_by_chunk = False


def _init_worker(setup: ReaderSetup, *, in_pool: bool = False) -> None:
    global _setup
    if in_pool:
        # Ctrl-C reaches every process of the terminal's group: the main process stops the pool, so a
        # worker ignores it rather than dying with a traceback of its own.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _setup = setup


def read_one(found: Found) -> ReadResult:
    """Read, reconcile and parse one file; never raises (a failure is returned as a value)."""
    return read_file(found, _setup.rules, _setup.manual.get(found.path), _setup.legacy_fingerprints,
                     json_text=_setup.json_text)


def read_file(found: Found, rules, manual: dict | None = None, legacy_fingerprints: bool = False, *,
              json_text: bool = False) -> ReadResult:
    """read_one for a caller that has its own rules and a person's values for this file (a moved photo)."""
    (credit_rows, place_key_rows, read, take_learned, kept, build_record, place_names, rights_columns,
     complete_record, stored_json) = _steps or _reader_steps()
    try:
        # What a library warns or logs while the file is read (Pillow, on the EXIF thumbnail it checks for the
        # perceptual fingerprint) becomes the photo's warnings, in our words where we know the message, instead
        # of a line naming the library's source on the terminal (catalog.quiet).
        notes: list[str] = []
        with kept(notes, native=False):
            # The scan saw every sidecar there is (sidecar_mtime_ns), so a photo without one costs no look-up.
            meta = read(found.path, sidecars=found.sidecar_mtime_ns is not None)
            if isinstance(meta, ReadFailure):
                return ReadResult(found, failure=meta)
            if found.size == 0:
                return ReadResult(found, failure=ReadFailure(found.path, "empty file"))
            record = build_record(meta, None, rules, manual=manual)
            record.update(rights_columns(meta, record, found.mtime_ns, rules))
            record["fingerprint"] = fingerprint(found.path, found.size)
            legacy = legacy_fingerprint(found.path, found.size) if legacy_fingerprints else None
            perceptual = _perceptual(found.path) if meta.thumbnail else None
        if notes:
            _add_warnings(record, notes)
        places, keys, tokens = tuple(place_names(record)), tuple(place_key_rows(record)), tuple(credit_rows(record))
        # The columns that follow from the photo alone are made here, not in the importing process, which
        # has the whole import's writing to do (catalog.store_rows.sort_batch adds the file's facts).
        complete_record(record)
        texts = stored_json(record) if json_text else None
        if texts is not None:  # these travel as their text alone (see SENT_AS_TEXT)
            for name in SENT_AS_TEXT:
                if name in texts:
                    record[name] = None
        return ReadResult(found, record, places=places, keys=keys, tokens=tokens, legacy_fingerprint=legacy,
                          json_text=texts, learned=take_learned() or None, perceptual=perceptual)
    except OSError as error:
        return ReadResult(found, failure=ReadFailure(found.path, f"cannot be read ({error.strerror or error})"))
    except Exception as error:  # a bug in a reader must not stop the import; the reason names it
        return ReadResult(found, failure=ReadFailure(
            found.path, f"could not be read ({type(error).__name__}: {error})"))


_steps: tuple | None = None


def _reader_steps() -> tuple:
    """The functions read_file calls, imported when first needed and kept here: imported inside read_file, their
    eight import statements ran for every file (5-6 K instructions each, most in importlib's Python for a
    package's names), 45 K a press JPEG. Left out of this module's own imports: the instant commands that
    import it need none of the readers."""
    global _steps
    from catalog.entities import credit_rows, place_key_rows
    from catalog.metadata import read
    from catalog.place_memo import take_learned
    from catalog.quiet import kept
    from catalog.records import build_record, complete_record, place_names
    from catalog.rights import rights_columns
    from catalog.sqlite_columns import stored_json

    _steps = (credit_rows, place_key_rows, read, take_learned, kept, build_record, place_names, rights_columns,
              complete_record, stored_json)
    return _steps


def _add_warnings(record: dict[str, Any], notes: list[str]) -> None:
    """Add what the libraries said to the record's warnings (its `extra` column), each once."""
    extra = record["extra"] = dict(record.get("extra") or {})
    said = list(extra.get("warnings") or [])
    extra["warnings"] = said + [note for note in notes if note not in said]


def _perceptual(path: str) -> bytes | None:
    """The perceptual fingerprint of a JPEG whose metadata showed an embedded thumbnail, when the thumbnail
    is trusted (about a millisecond); the reader calls it only for those, so other files cost nothing.

    A reader process sends it without its DCT hashes (`catalog.fingerprints.Unhashed`), which `_read_in_pool`
    makes in the importing process: the hashes need numpy, whose import is 0.2 G instructions, paid there once
    instead of in every reader that meets a thumbnail (the readers' set-up is the import's critical path).
    """
    from catalog.fingerprints import embedded_unhashed

    unhashed = embedded_unhashed(path)
    if unhashed is None:
        return None
    return unhashed.to_bytes() if _collect_by_chunk else unhashed.hashed().to_bytes()


def _hashed(result: ReadResult) -> ReadResult:
    """A reader's result with its perceptual fingerprint's hashes made (see `_perceptual`)."""
    from catalog.blas_dct import available, numpy_with_one_thread
    from catalog.fingerprints import hashed_bytes, is_unhashed

    if result.perceptual is None or not is_unhashed(result.perceptual):
        return result
    try:
        if not available():  # the products made without numpy (catalog.blas_dct), else by numpy, imported here
            numpy_with_one_thread()
        return result._replace(perceptual=hashed_bytes(result.perceptual))
    except Exception:  # noqa: BLE001 -- as in the reader, a fingerprint is optional: the photo has none
        return result._replace(perceptual=None)


def read_all(
    items: list[Found], setup: ReaderSetup, workers: int | None
) -> Iterator[ReadResult]:
    """Read files in worker processes (or in this one, for a handful), yielding results as they finish.

    A reader process that dies (a crash inside an image library, the out-of-memory killer, a kill) stops
    nothing and hangs nothing: the files it may have held are read again, one at a time, and a file that
    kills its reader a second time is reported as a failure.

    A handful of files is read in this process, except HEIF, AVIF and files with C2PA Content Credentials:
    our own readers are Python, but those go through a native library (libheif, libavif, c2pa) whose crash
    on a damaged file would end the import, so they are read in a reader process whatever their number.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if _in_this_process(items, workers):
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


def _in_this_process(items: list[Found], workers: int) -> bool:
    return workers <= 1 or len(items) < PARALLEL_THRESHOLD


class StartedReading:
    """`read_all` with its reader processes started at once, reading while this process does something else.

    `catalog import` starts them before it opens the catalogue (through SQLAlchemy a third of a second and
    more), so the readers' first chunks are read meanwhile. Iterate it once for the results, as
    `read_all`'s; `close()` stops the readers when the results will not be asked for (the catalogue could
    not be opened). A handful of files is read in this process when asked for, as by `read_all`.

    >>> reading = StartedReading(wanted, setup, None)    # doctest: +SKIP
    >>> library = Library.open(...)                       # meanwhile, the readers read
    >>> for result in reading: ...                        # doctest: +SKIP
    """

    def __init__(self, items: list[Found], setup: ReaderSetup, workers: int | None):
        self.count = len(items)
        workers = workers if workers is not None else (os.cpu_count() or 1)
        self._started: _Started | None = None
        if _in_this_process(items, workers):
            self._results = read_all(items, setup, workers)
            return
        from catalog.cachedir import collection_paused

        with collection_paused():  # what is made from here to the fork lives to the end (see _start_pool)
            _prepare_readers(setup)
            chunks = _chunked(items, workers)
            waiting = list(reversed(chunks))
            window = WINDOW * workers
            try:
                self._started = _start_pool(waiting, setup, workers, window)
            except Exception:  # noqa: BLE001 - no pool now (a process could not start): read_all tries again
                self._started = None
                waiting = list(reversed(chunks))
        self._results = _read_guarded([], setup, workers, window, waiting=waiting, started=self._started)

    def __iter__(self) -> Iterator[ReadResult]:
        return self._results

    def close(self) -> None:
        """Stop the readers without waiting for what they hold."""
        self._results.close()  # type: ignore[attr-defined]
        if self._started is not None:
            self._started.pool.shutdown(wait=False, cancel_futures=True)


def _prepare_readers(setup: ReaderSetup) -> None:
    """Build here, before the readers are forked, what each reader would otherwise build for itself on its first
    file: the tables derived from the house rules (the not-a-caption patterns combined, the confidence table),
    the agency registry and the Han-character pattern, mostly regular expressions compiled by `re`'s compiler
    (which is Python). Made once here instead of once in each reader: for an import of 1,000 press JPEGs the
    readers spend 0.23 G instructions less, this process 0.11 G more.

    The restriction rules are left to the readers: built here they cost this process 0.21 G instructions and
    spared each reader 0.09 G (measured, not understood). Nothing of a file is read here either: a file that
    crashes its reader must cost that reader, never this process. Nor does a table that cannot be built stop
    anything here: each reader meets the same error and reports it with every file, as without this step.
    """
    rules: Any = setup.rules
    if rules is None or _start_method() != "fork":
        return
    from catalog.agencies import all_agencies
    from catalog.captions.chinese_words import han_char
    from catalog.captions.confidence import table_for
    from catalog.captions.notcaptions import no_credit_line, not_a_caption_under

    for build in (lambda: not_a_caption_under(None, rules), lambda: no_credit_line("", rules),
                  lambda: table_for(rules), all_agencies, han_char):
        try:
            build()
        except Exception:  # noqa: BLE001, S112 - the readers raise it again, file by file (see above)
            continue


class _Started(NamedTuple):
    pool: Any
    handed_out: dict


def _start_pool(waiting: list[list[Found]], setup: ReaderSetup, workers: int, window: int) -> _Started:
    """A pool of reader processes, with the first `window` chunks of `waiting` (taken from its end) handed out."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = _start_method()
    if method == "fork" and gc.get_freeze_count():
        # This process froze its start-up objects (catalog.cli.collector, when catalog runs as its own process):
        # what the readers' set-up added (their modules, the tables of the house rules) lives as
        # long, so no later collection here walks it either. (A test's process freezes nothing.)
        gc.freeze()
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_reader_process,
                               initargs=(setup, os.getpid()))
    handed_out: dict = {}
    try:
        while waiting and len(handed_out) < window:
            future = pool.submit(_read_chunk, waiting[-1])
            handed_out[future] = waiting.pop()
    except BaseException:
        waiting.extend(reversed(list(handed_out.values())))
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return _Started(pool, handed_out)


def _read_guarded(chunks: list[list[Found]], setup: ReaderSetup, workers: int, window: int, *,
                  waiting: list[list[Found]] | None = None, started: _Started | None = None):
    """The chunks read in reader processes; the files of a reader that died are read again one at a time,
    and those that kill their reader a second time become failures. (`waiting` and `started`: the chunks
    still to hand out, reversed, and the pool already reading the others; see StartedReading.)"""
    suspects: list[Found] = []
    yield from _read_in_pool(chunks, setup, workers, window, suspects, waiting=waiting, started=started)
    if suspects:
        crashed: list[Found] = []
        yield from _read_in_pool([[found] for found in suspects], setup, 1, 1, crashed)
        for found in crashed:
            yield ReadResult(found, failure=ReadFailure(found.path, READER_DIED))


def _read_by_a_library(path: str) -> bool:
    """Whether the file is HEIF or AVIF by its first bytes (read by libheif or libavif, not by our code), or
    carries a C2PA store (read by c2pa)."""
    from catalog.metadata.sniff import HEAD_SIZE, sniff
    from catalog.metadata.walkers import c2pa_kind

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


def _read_in_pool(chunks: list[list[Found]], setup: ReaderSetup, workers: int, window: int, lost: list[Found], *,
                  waiting: list[list[Found]] | None = None, started: _Started | None = None):
    """Read chunks in a pool of `workers` processes, at most `window` chunks handed out at once.

    When a process dies the pool is broken: the files of the chunks handed out go to `lost`, and a new pool
    reads the rest. With a window of one chunk of one file, `lost` names exactly the files that kill readers.
    (`waiting` and `started`: see _read_guarded.)
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    waiting = list(reversed(chunks)) if waiting is None else waiting
    while waiting or started is not None:
        if started is not None:
            pool, handed_out = started
            started = None
        else:
            context = multiprocessing.get_context(_start_method())
            pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_reader_process,
                                       initargs=(setup, os.getpid()))
            handed_out = {}
        finished = False
        manager = None
        try:
            while waiting or handed_out:
                while waiting and len(handed_out) < window:
                    future = pool.submit(_read_chunk, waiting[-1])
                    handed_out[future] = waiting.pop()
                done = answered(pool, handed_out)
                results = [_make_result((found, *rest)) for future in done
                           for found, rest in zip(handed_out[future], future.result(), strict=True)]
                results = [_hashed(result) if result.perceptual else result for result in results]
                for future in done:
                    del handed_out[future]
                if not waiting and not handed_out:
                    # The last results: the readers are told to exit now, and do so (the kernel freeing their
                    # memory takes them 10-20 ms) while the importing process stores what they read, instead of
                    # after. The pool's own thread, which ends once they have, is joined later (_join_later).
                    manager = getattr(pool, "_executor_manager_thread", None)
                    pool.shutdown(wait=False)
                yield from results
            finished = True
        except BrokenProcessPool:
            for chunk in handed_out.values():
                lost.extend(chunk)
        finally:
            # Done: the pool's own thread ends once the readers have exited (_join_later). Stopped early
            # (Ctrl-C, a dead reader): cancel what is queued and leave.
            pool.shutdown(wait=finished, cancel_futures=not finished)
            if finished and manager is not None:
                _join_later(manager)


#: The pools' own threads of finished imports, still waiting for their readers to exit (see _join_later).
_ending: list[Any] = []
_join_registered = False


def _join_later(manager: Any) -> None:
    """Wait for a finished pool's own thread to end, but not now: when this process exits (or starts its next
    readers), so that the readers' exit, 10-20 ms of the kernel freeing their memory, overlaps what the command
    still does after the last batch (the report, closing the catalogue) instead of delaying it.

    It must be joined before Python's exit hook for process pools runs, which wakes every pool's thread and
    can race one that is closing (a traceback from the interpreter's exit). Hooks of that kind run in the
    reverse order of their registration, and that one is registered as `concurrent.futures.process` is
    imported, before any pool exists: registered now, this join runs first. Where Python has no such hook,
    or is already exiting, the thread is joined at once, as before.
    """
    import threading

    global _join_registered
    if not _join_registered:
        try:
            threading._register_atexit(_join_ending)  # type: ignore[attr-defined]
            _join_registered = True
        except (AttributeError, RuntimeError):  # no such hook, or the interpreter is exiting already
            manager.join()
            return
    _ending[:] = [thread for thread in _ending if thread.is_alive()]
    _ending.append(manager)


def _join_ending() -> None:
    """Join the pools' threads left to end (see _join_later)."""
    while _ending:
        _ending.pop().join()


#: How long a reader process may lie dead while no answer comes before the pool is taken for stuck (the pool's
#: own thread notices a death in milliseconds, unless the dead reader left it waiting inside an answer).
STUCK_AFTER = 2.0
#: How often the waiting catalog process looks at its readers.
LOOK_EVERY = 0.5


def answered(pool: Any, futures: Iterable) -> set:
    """The futures of a ProcessPoolExecutor that are done (at least one), waiting for them. A pool stuck by a
    reader process that died while it answered is unstuck (see _unstick), so the wait ends with the futures
    raising BrokenProcessPool, as for any reader's death, rather than never."""
    from concurrent.futures import FIRST_COMPLETED, wait

    dead_since = None
    while True:
        done, _ = wait(futures, timeout=LOOK_EVERY, return_when=FIRST_COMPLETED)
        if done:
            return done
        if not _a_reader_died(pool):
            dead_since = None
        elif dead_since is None:
            dead_since = time.monotonic()
        elif time.monotonic() - dead_since > STUCK_AFTER:
            _unstick(pool)
            dead_since = None


def _a_reader_died(pool: Any) -> bool:
    """Whether a process of the pool has ended (its sentinel is ready), without reaping it: the pool's own
    thread reaps its processes."""
    from multiprocessing.connection import wait as ready

    sentinels = []
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            sentinels.append(process.sentinel)
        except (ValueError, AttributeError):  # not started yet, or closed
            continue
    return bool(sentinels) and bool(ready(sentinels, timeout=0))


def _unstick(pool: Any) -> None:
    """End a pool that a reader's death left stuck, so that it breaks as pools do (BrokenProcessPool).

    A reader killed while it sends an answer back leaves part of the answer in the pipe, and the pool's own
    thread (concurrent.futures) waits inside it for the rest, for ever; the other readers wait for the lock the
    dead one holds. So the readers left are killed, and this process closes its own writing end of the answers'
    pipe: with no writer left, the pool's thread reads the pipe's end, and takes the pool for broken. (Attributes
    of ProcessPoolExecutor that Python does not document; where they are missing this does nothing.)
    """
    import signal

    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            os.kill(process.pid, signal.SIGKILL)
        except (OSError, AttributeError):
            continue
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


#: What a forked reader inherits already imported (`_start_method`): named, not imported here, since this module
#: uses none of them and the storing ones import this module (a loop of imports that is only a warm-up).
INHERITED_BY_READERS = ("xxhash", "catalog.captions", "catalog.captions.parser", "catalog.checkfacts",
                        "catalog.metadata.reader", "catalog.people", "catalog.quick_store", "catalog.records",
                        "catalog.rights", "catalog.store_rows")


def _start_method() -> str:
    """How reader processes start: "fork" on Linux when this process runs no other thread, else a fresh interpreter.

    A forked reader starts in milliseconds with the readers, caption parser and house rules already imported
    here; a forkserver reader takes a quarter of a second to import them, which is a third of the time an
    import of 1,000 photos takes. Forking a process that runs other threads can deadlock, and macOS does not
    support it well, so those get forkserver (POSIX) or spawn.

    What the first file of nearly every import needs is imported here too, though this process does not use
    it: the caption parser's own modules (which compile their patterns as they are imported), the fact
    checks, the name tokens and the fingerprint's hash. Imported once here, the readers share them; imported
    in each reader, every reader spends the same CPU again (0.1-0.2 s), which on a loaded machine is wall
    time. (What only some folders need, pypinyin for Han names, is left to the readers that meet it; numpy,
    for the perceptual fingerprints' hashes, to this process after the fork: see _perceptual.)
    """
    import threading

    _join_ending()  # an earlier import's pool thread, about to end, is no reason not to fork
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        from importlib import import_module

        for name in INHERITED_BY_READERS:
            import_module(name)
        return "fork"
    return "forkserver" if os.name == "posix" else "spawn"


#: A ReadResult from its fields, without the Python call of the named tuple's own constructor.
_make_result = ReadResult._make


def _read_chunk(chunk: list[Found]) -> list[tuple]:
    """A reader's answer for a chunk: each file's ReadResult without its first field, the Found the importing
    process sent and still holds (_read_in_pool puts it back), as a plain tuple. Pickled here and unpickled
    there, a Found and a named tuple cost a Python call each way (the named tuple's reduction, the constructors):
    for 1,000 press JPEGs 0.02 G instructions of the importing process's 0.81 G after the fork (it writes for
    every reader)."""
    results = [read_one(found)[1:] for found in chunk]
    if _collect_by_chunk:  # a reader process (see _reader_process)
        gc.collect()
        gc.freeze()
        # The patterns a reader compiled (the restriction rules, Chinese word lists built on first use) are kept
        # for the next import's readers: a reader ends without Python's exit handlers (catalog.patterns); so is
        # the code of the dataclasses it made (catalog.generated_code).
        from catalog import generated_code
        from catalog.patterns import save

        save()
        generated_code.save()
    return results


def _reader_process(setup: ReaderSetup, parent: int) -> None:
    """Set up a reader process, which ends itself when the catalog process is gone (after a kill -9)."""
    import threading

    _init_worker(setup, in_pool=True)
    # Forked inside catalog.patterns.every_pattern_kept: a reader compiles patterns made from what it reads (a
    # place name in a caption), which must not pile up in the kept file.
    from catalog.patterns import restore_re

    restore_re()
    # The collector, left to itself, ran a hundred passes a reader over what it had loaded (the importing
    # process's modules, the gazetteer, numpy) and freed some thirty objects in 1,000 files: 20-50 ms of a
    # reader's CPU for nothing, and each pass writes to pages the reader shares with the importing process.
    # So a reader collects once after each chunk instead and freezes what survives (never scanned again):
    # reference counting frees a file's objects as before, and a file's cyclic garbage lives one chunk at most.
    global _collect_by_chunk
    _collect_by_chunk = True
    gc.disable()
    gc.freeze()
    from catalog.cachedir import freeze_loads

    freeze_loads()
    # numpy, were a reader to import it (the perceptual fingerprints' hashes are made in the importing process:
    # _perceptual), loads OpenBLAS, whose pool of threads (one a core) costs a reader 45-70 ms of CPU as it
    # starts and is never used here. One thread, unless the user said otherwise.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # The process that started this one: the catalog process (fork) or its fork server. When it ends, this
    # process is handed to another parent at once, even while the catalog process is still an unreaped
    # zombie, which os.kill(parent, 0) cannot tell from a live one (and a reader left alive holds the
    # command's output open for whoever waits on it).
    started_by = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != started_by:
                os._exit(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="catalog-parent-watch", daemon=True).start()
