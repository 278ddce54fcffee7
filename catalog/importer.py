"""Import: scan folders -> skip what is unchanged -> read and parse in parallel -> store in batches.

The stages are generators, so memory stays flat however large the folder is: `catalog.scan` finds the
files, `catalog.reading` reads them in reader processes (one per core), and `catalog.store` writes them.
Only this process writes, in transactions of at most BATCH records, so a killed import keeps every batch it
committed and the next run continues where it stopped.

How a photo is identified: by its absolute path; an unchanged file (same size and modification time) is
not opened again. A new path whose fingerprint matches a record whose file has gone is a move: the record
keeps its id and takes the new path.

>>> report = import_paths(lib, ["images/"])       # doctest: +SKIP
>>> report.added, report.failed                  # doctest: +SKIP
(3, 0)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalog import place_memo
from catalog.captionsfile import Captions
from catalog.errors import NotFound, ReadOnlyCatalogue
from catalog.reading import ReaderSetup, ReadResult, read_all
from catalog.records import CaptionInput
from catalog.scan import found_file, scan
from catalog.store_rows import apply_changes
from catalog.unchanged import (
    EarlyImport,
    ImportReport,
    follow_renames,
    gone_under,
    manual_values,
    renamed_away,
    to_read,
)

if TYPE_CHECKING:
    from catalog.library import Library
    from catalog.quick_store import QuickImport

BATCH = 500
#: The smallest batch handed over early because the import is nearly done (see `batches`). The last batch holds
#: fewer than twice as many, and is written after the last file is read, while the readers exit: with 50, a
#: folder of 372 photos ended on 93 rows (about 14 ms of writing with nothing else to do); with 16, on 23.
TAIL = 16
BATCH_SECONDS = 2.0


@dataclass
class Progress:
    """Callbacks the CLI passes to show progress; all optional."""

    total: Callable[[int], None] | None = None
    advance: Callable[[int], None] | None = None
    waiting: Callable[[str], None] | None = None


def import_paths(
    library: Library | QuickImport,
    paths: list[str],
    *,
    captions: Captions | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    early: EarlyImport | None = None,
) -> ImportReport:
    """Import folders and files: new files added, changed ones updated, moved ones re-pointed.

    Never raises for a bad file: each failure is in the report. KeyboardInterrupt stops after the
    current batch is committed (`report.interrupted`), so the next run continues. `early`: the same import
    sorted and its readers started before the catalogue was opened (catalog.unchanged.start_import), by the
    same rules and with the same `captions`.
    """
    if library.readonly:  # say so before reading a single file
        if early is not None:
            early.close()
        raise ReadOnlyCatalogue(library.read_only_reason)

    started = time.monotonic() if early is None else early.started
    progress = progress or Progress()
    captions = captions or Captions()
    if early is not None:
        known, report, seen, wanted = early.known, early.report, early.seen, early.wanted
        renamed = early.renamed
    else:
        from catalog.store import known_files

        report = ImportReport()
        with library.library().session() as session:
            known = known_files(session, paths, with_captions=bool(captions))
        seen = set()
        wanted = list(to_read(scan(paths), known, report, seen, captions))
        renamed = renamed_away(wanted, known)
        follow_renames(known, renamed)
    if renamed:  # each record takes its file's new name first, so the new file under the old one is new
        from catalog.store import move_renamed

        moves = [(known[new].id, old, new) for old, new in renamed.items()]
        library.library().write(lambda session: move_renamed(session, moves))
    gone = gone_under(known, seen, paths)
    report.captions_unused = captions.unused(seen)
    if wanted and early is None:
        full = library.library()
        with full.session() as session:
            legacy = full.legacy_fingerprints(session)
    if progress.total:
        progress.total(len(wanted))
    try:
        if wanted:
            results: Iterable[ReadResult]
            if early is not None and early.reading is not None:
                results = early.reading
            else:
                place_memo.current()  # read once here: forked readers start with it
                setup = ReaderSetup(library.rules, legacy, manual_values(wanted, known, captions))
                results = read_all(wanted, setup, workers)
            if progress.advance:
                results = _advancing(results, progress.advance)
            for batch in batches(results, total=len(wanted)):
                report.failures.extend(result.failure for result in batch if result.failure is not None)
                report.damaged.extend((result.found.path, result.record["extra"]["damage"]) for result in batch
                                      if result.record is not None and result.record.get("damaged"))
                _store(library, report, batch, known)
                if renamed:  # a renamed file read again under its new name was moved, not updated
                    again = sum(result.record is not None and result.found.path in renamed.values() for result in batch)
                    report.updated, report.moved = report.updated - again, report.moved + again
            report.damaged.sort()  # by path: readers finish in any order, the report and its lines should not
        if report.stored:
            _fingerprint_after(library, workers)
        gone = [path for path in gone if path in known]  # a file that moved within the import is not gone
        if gone:
            report.missing = library.mark_missing([known[p].id for p in gone])
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        place_memo.save()  # the gazetteer's answers learned by this import, for the next one
    report.seconds = time.monotonic() - started
    return report


def _fingerprint_after(library: Library | QuickImport, workers: int | None) -> None:
    """Fingerprint and group what the import stored, when the house rules ask for it ([variants]
    after_import; off by default: 10-35 ms a photo, see catalog.variants).

    The flag is read from the rules' raw [variants] table, which loading the rules checked already
    (catalog.captions.rules): catalog.variant_rules would import the likeness machinery, which cost the end
    of every import tens of milliseconds of module loading for a flag that is off by default."""
    if (getattr(library.rules, "variants", None) or {}).get("after_import", False) is True:
        from catalog import variants

        variants.bring_up_to_date(library.library(), workers=workers)


def reimport_one(library: Library, path: str, caption: CaptionInput | None,
                 change: Callable[[dict], None] | None = None) -> ImportReport:
    """Read one catalogued file again now, with `caption` in place of its own (None: the file's own;
    a caller that wants a hand-set caption kept passes it, as `catalog write` does), and with `change` made
    to what a person set on it (`catalog set`): the values and the record they give are stored in one
    transaction, so that a process killed between the two cannot leave values that the record ignores."""
    if not os.path.exists(path):
        raise NotFound(f"{path} is no longer there; import its new location first")
    from catalog.store import known_files

    with library.session() as session:
        known = known_files(session, [path])
        legacy = library.legacy_fingerprints(session)
    found = found_file(path)
    entry = known.get(found.path)
    manual = dict(entry.manual) if entry and entry.manual else {}
    if change is not None:
        if entry is None:
            raise NotFound(f"{path} is not catalogued under this path; import it first")
        change(manual)
    if caption is not None:
        from datetime import datetime

        manual["caption"] = caption.entry(datetime.now().isoformat(timespec="seconds"))
    setup = ReaderSetup(library.rules, legacy, {found.path: manual} if manual else {})
    report = ImportReport()
    results = list(read_all([found], setup, 1))
    report.failures.extend(result.failure for result in results if result.failure is not None)
    _store(library, report, results, known)
    place_memo.save()
    return report


def _store(library: Library | QuickImport, report: ImportReport, batch: list[ReadResult], known) -> None:
    """Write one batch in its own transaction, then count it and bring `known` up to date."""
    for result in batch:
        if result.learned:
            place_memo.absorb(result.learned)
    if not any(result.record is not None for result in batch):
        return
    done, changes = library.store(batch, known)
    report.merge(done)
    apply_changes(known, changes)


def _advancing(results: Iterable[ReadResult], advance: Callable[[int], None]) -> Iterator[ReadResult]:
    """The results, calling `advance(1)` as each one is read (the progress bar redraws at its own pace)."""
    for result in results:
        advance(1)
        yield result


def batches(
    results: Iterable, size: int | None = None, seconds: float | None = None, total: int | None = None
) -> Iterator[list]:
    """Group results for one transaction each: at most `size` (BATCH), or whatever came in `seconds`.

    With the `total` number of results known, batches shrink towards the end (a batch is handed over once
    it holds as many as are still to come, while that is at least TAIL): the last batch is stored after the last file
    is read, with the readers idle, so it is kept small. 1,000 files go in as 500, 250, 125, 63, 31 and 31.
    The last batch is handed over with the last result, not when `results` ends: the reader processes' iterator
    ends once they have exited, which takes them a few milliseconds more (the kernel frees their memory), and
    the last batch is stored meanwhile.

    On Ctrl-C the results already read are handed over as a last batch before the KeyboardInterrupt goes
    on, so the caller can store them: an interrupted import keeps everything it had read.
    """
    size = size or BATCH
    seconds = BATCH_SECONDS if seconds is None else seconds  # read when called, so a test may change it
    batch: list = []
    started = time.monotonic()
    to_come = total if total is not None else -1  # results still to come after this one; -1: unknown
    try:
        for result in results:
            batch.append(result)
            to_come -= 1
            if (len(batch) >= size or time.monotonic() - started > seconds or TAIL <= to_come <= len(batch)
                    or to_come == 0):
                yield batch
                batch = []
                started = time.monotonic()
    except KeyboardInterrupt:
        if batch:
            yield batch
        raise
    if batch:
        yield batch

