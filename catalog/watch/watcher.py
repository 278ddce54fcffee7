"""The watcher's loop: file events from the operating system (watchdog), the settle rule, and a rescan.

One thread (watchdog's) turns file events into small messages on a queue; the main thread does everything
else, in this order, again and again: take the messages (a path touched, a path gone), hand the files that
settled to catalog.watch.intake in batches, mark the photos of files that stayed gone missing, and now and
then rescan the folders. The rescan is how the watcher catches up when it starts (whatever arrived, changed
or went while it was stopped), and its safety net: events are lost on network file systems and when the
kernel's event queue overflows (an overflow asks for a rescan at once).

A stop (SIGTERM, Ctrl-C: see `stop_on_signals`) is honoured between batches: a batch is read and committed
whole or not at all, and what was not taken in yet is caught up with at the next start.

>>> watcher = Watcher(lib, ["/srv/ftp/wires"], report=print)    # doctest: +SKIP
>>> watcher.run(threading.Event())                               # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalog.chunks import chunks
from catalog.errors import CatalogError, DatabaseError, ServerGone, UsageError
from catalog.metadata.types import ReadFailure
from catalog.scan import IMAGE_EXTENSIONS, Skipped, by_folder, real_path
from catalog.watch.arrival import arrival_rules
from catalog.watch.intake import (
    Outcome,
    Ready,
    catalogued,
    catalogued_in,
    mark_gone,
    present_under,
    take_in,
    unchanged,
)
from catalog.watch.names import temporary_name
from catalog.watch.settle import Settling, signature

if TYPE_CHECKING:
    from catalog.library import Library

#: Files taken in per transaction (a stop waits for at most one batch).
BATCH = 200
#: The longest the loop sleeps without looking at the clock (seconds).
TICK = 0.5


@dataclass(frozen=True)
class Options:
    """How a watcher waits: the settle time, the give-up time, the rescan interval (0: only on start),
    and the reader processes for a large batch (None: one per core)."""

    settle: float = 2.0
    give_up: float = 300.0
    rescan: float = 300.0
    workers: int | None = None


class Watcher:
    """Keeps the catalogue in step with some folders until told to stop."""

    def __init__(self, library: Library, folders: list[str], *, options: Options | None = None,
                 report: Callable[[Outcome], None] = lambda outcome: None,
                 say: Callable[[str], None] = lambda message: None):
        if library.readonly:
            from catalog.errors import ReadOnlyCatalogue

            raise ReadOnlyCatalogue(library.read_only_reason)
        self.library = library
        self.folders = watched_folders(folders)
        self.options = options or Options()
        self.report = report
        self.say = say
        self.arrival = arrival_rules(getattr(library.rules, "arrival", None))
        self.settling = Settling(self.options.settle, self.options.give_up)
        #: Files read and refused (or never whole, or a second name of a catalogued file), as they looked
        #: then: not read again until they change.
        self.set_aside: dict[str, tuple | None] = {}
        #: Catalogued paths that went, and when: marked missing once they stay gone for the settle time.
        self.gone: dict[str, float] = {}
        self.counts: Counter = Counter()
        self.messages: queue.SimpleQueue = queue.SimpleQueue()
        self._rescan_at = 0.0
        #: A rescan asked for (a folder deleted or moved, the kernel's event queue overflowed, a lost folder
        #: back): done even with --rescan 0, which turns off only the periodic rescan.
        self._rescan_asked = False
        self._observer = None
        #: Why the catalogue last refused (said once while it keeps refusing: a database server down for an hour
        #: was said every settle time), None while it answers.
        self._refusal: str | None = None
        self._follow: tuple = ()
        #: Each watched folder's watch (watchdog's ObservedWatch), and the folders whose watch ended because
        #: the folder went: looked for every TICK, and watched again once they are back (_watch_again).
        self._watches: dict[str, object] = {}
        self._lost: set[str] = set()

    # --- the loop ----------------------------------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        """Watch until `stop` is set: start the observer, catch up, then follow events."""
        observer = self._observe()
        try:
            self._warm_up()
            if not stop.is_set():
                self._rescan(first=True)
            while not stop.is_set():
                self._take_messages(self._sleep(), stop)
                if stop.is_set():
                    break
                now = time.monotonic()
                ready, waiting, given_up = self.settling.due(now)
                for candidate in waiting:
                    self._tell(Outcome("waiting", candidate.found.path, reason=candidate.reason))
                for candidate in given_up:
                    self.set_aside[candidate.found.path] = signature(candidate.found)
                    self._tell(Outcome("incomplete", candidate.found.path, reason=(
                        f"{candidate.reason}; not read (unchanged for {self.options.give_up:g} s)")))
                for batch in chunks(ready, BATCH):
                    if stop.is_set():
                        break  # the rest is caught up with at the next start
                    self._take_in(batch)
                if not stop.is_set():
                    self._mark_gone(time.monotonic())
                    self._watch_again()
                if (self.options.rescan or self._rescan_asked) and time.monotonic() >= self._rescan_at and \
                        not stop.is_set():
                    self._rescan()
        finally:
            observer.stop()
            observer.join(timeout=10)

    def _warm_up(self) -> None:
        """Load now what the first arrival would wait for (events meanwhile wait in the queue)."""
        from catalog.watch.warm import warm_readers, warm_up

        started = time.monotonic()
        if os.name == "posix":
            warm_readers()
        warm_up(self.library.rules)
        self.say(f"ready in {time.monotonic() - started:.1f} s")

    def _sleep(self) -> float:
        """How long to wait for a message: until the next moment something falls due, at most TICK.

        Moments already past are left out: what is overdue is done after this wait (a gone path held back
        because its renamed file is still settling would otherwise make the loop spin)."""
        now = time.monotonic()
        due = [self.settling.next_check(), self._rescan_at if self.options.rescan or self._rescan_asked else None]
        due += [went + self.options.settle for went in self.gone.values()]
        soonest = min((moment for moment in due if moment is not None and moment > now), default=now + TICK)
        return min(TICK, soonest - now)

    def _watch_again(self) -> None:
        """Watch again a folder that went and is back.

        A watched folder deleted, renamed or unmounted ends its watch (watchdog's emitter stops); made again (an
        FTP account reset, a share mounted again) it was not watched, and what was sent to it was found only by
        the next rescan, or never with --rescan 0. Each lost folder is looked for every TICK; once it is there
        it is watched again and rescanned, which reads what arrived meanwhile.
        """
        observer = self._observer
        if observer is None:
            return
        alive = {emitter.watch for emitter in observer.emitters if emitter.is_alive()}
        for folder, watch in self._watches.items():
            if watch in alive or folder in self._lost and not os.path.isdir(folder):
                continue
            if folder not in self._lost:
                self._lost.add(folder)
                self.say(f"{folder} is no longer there; watching for it to come back")
                continue
            try:
                observer.unschedule(watch)
                self._watches[folder] = self._schedule(observer, folder)
            except (OSError, KeyError) as error:  # gone again meanwhile, or a watcher limit: tried again
                self.say(f"{folder} is back but cannot be watched yet ({error}); trying again")
                continue
            self._lost.discard(folder)
            self.say(f"{folder} is back: watching it again")
            self._rescan_at, self._rescan_asked = time.monotonic(), True

    def _take_messages(self, wait: float, stop: threading.Event) -> None:
        """Take the watchdog thread's messages: waiting up to `wait` for the first, then all there are."""
        try:
            message = self.messages.get(timeout=wait) if wait > 0 else self.messages.get_nowait()
        except queue.Empty:
            return
        taken = 0
        while True:
            self._handle(message, stop)
            taken += 1
            if taken >= 100_000:  # never starve the settling files of a look
                return
            try:
                message = self.messages.get_nowait()
            except queue.Empty:
                return

    def _handle(self, message: tuple, stop: threading.Event) -> None:
        kind = message[0]
        now = time.monotonic()
        if kind == "touch":
            self._touched(message[1], now, message[2])
        elif kind == "gone":
            self._went(message[1], now)
        elif kind == "rescan":
            self._rescan_at, self._rescan_asked = now, True
        elif kind == "stop":
            stop.set()

    # --- events ----------------------------------------------------------------------------------------

    def _touched(self, path: str, now: float, moved_from: str | None = None) -> None:
        relative = self.relative(path)
        if temporary_name(relative):
            return
        extension = os.path.splitext(path)[1].lower()
        if extension == ".xmp":  # a sidecar written or changed: its photo is read again
            for photo in photos_of_sidecar(path):
                self._touched(photo, now)
            return
        if extension not in IMAGE_EXTENSIONS:
            return
        self.gone.pop(path, None)
        if moved_from is not None and temporary_name(self.relative(moved_from)):
            moved_from = None  # renamed from a temporary name: a new file, not a move
        self.settling.touch(path, now, moved_from)

    def _went(self, path: str, now: float) -> None:
        extension = os.path.splitext(path)[1].lower()
        if extension == ".xmp":
            for photo in photos_of_sidecar(path):
                self._touched(photo, now)
            return
        if extension not in IMAGE_EXTENSIONS:
            return
        self.settling.forget(path)
        self.set_aside.pop(path, None)
        self.gone[path] = now

    # --- taking in, marking missing, rescanning ------------------------------------------------------------

    def _take_in(self, candidates: list) -> None:
        ready = []
        for candidate in candidates:
            found = candidate.found
            if found.path in self.set_aside and self.set_aside[found.path] == signature(found):
                continue  # refused before as it is now
            self.set_aside.pop(found.path, None)
            ready.append(Ready(found, self.relative(found.path)))
        if not ready:
            return
        try:
            outcomes, changed = take_in(self.library, ready, arrival=self.arrival, workers=self.options.workers)
        except DatabaseError as error:
            self._refused(error)
            now = time.monotonic()
            for item in ready:
                self.settling.touch(item.found.path, now)
            return
        self._answered()
        now = time.monotonic()
        for path in changed:
            self.settling.touch(path, now)
        by_path = {item.found.path: item.found for item in ready}
        for outcome in outcomes:
            if outcome.event in ("failed", "skipped"):
                self.set_aside[outcome.path] = signature(by_path.get(outcome.path))
            self._tell(outcome)

    def _mark_gone(self, now: float) -> None:
        due = []
        for path, went in list(self.gone.items()):
            if os.path.lexists(path):
                del self.gone[path]  # it is back (its own events bring it in)
            elif now - went >= self.options.settle and not self.settling.waiting_for(path):
                due.append(path)
        if not due:
            return
        try:
            outcomes = mark_gone(self.library, due)
        except DatabaseError as error:
            self._refused(error)
            return
        self._answered()
        for path in due:
            self.gone.pop(path, None)
        for outcome in outcomes:
            self._tell(outcome)

    def _refused(self, error: DatabaseError) -> None:
        """Say that the catalogue refused (read-only, full, its server gone), once for as long as it refuses so."""
        kind = "server gone" if isinstance(error, ServerGone) else str(error)  # (refused, starting up, ...)
        if kind != self._refusal:
            self._refusal = kind
            self.say(f"could not write to the catalogue ({error}); trying again every {self.options.settle:g} s")

    def _answered(self) -> None:
        """The catalogue answers again after refusing: say so once."""
        if self._refusal is not None:
            self._refusal = None
            self.say("the catalogue answers again")

    def _rescan(self, first: bool = False) -> None:
        """A rescan (`_look_again`); one that the catalogue refuses (its server gone) is tried again after the settle
        time, rather than ending the watch: the first stops it, as a watch that cannot start should."""
        if first:
            self._look_again(first=True)
            return
        try:
            self._look_again()
        except DatabaseError as error:
            self._refused(error)
            self._rescan_at = time.monotonic() + self.options.settle
            return
        self._answered()

    def _look_again(self, first: bool = False) -> None:
        """Compare the folders with the catalogue: new and changed files settle, gone ones are marked missing.

        One folder at a time (its listing against its catalogued files), then one streamed pass for files
        whose whole folder went: what is held at once is a folder, so memory does not grow with the tree.
        """
        started = time.monotonic()
        listed: set[str] = set()
        unreadable: list[str] = []  # folders there but not listable: what lies below them is not known gone
        catalogued_here = touched = gone = 0
        for listing in by_folder(self.folders):
            listed.add(listing.folder)
            if not listing.listed and [item.path for item in listing.items] == [listing.folder]:
                unreadable.append(listing.folder.rstrip(os.sep) + os.sep)
            found_here = []
            for item in listing.items:
                if isinstance(item, ReadFailure):
                    if self.set_aside.get(item.path, ()) is not None:
                        self.set_aside[item.path] = None
                        self._tell(Outcome("failed", item.path, reason=item.reason))
                elif not isinstance(item, Skipped):
                    found_here.append(item)
            with self.library.session() as session:
                entries = catalogued_in(session, listing.folder)
                elsewhere = [found.path for found in found_here if found.path not in entries]
                if elsewhere:  # reached through a symbolic link, or not catalogued yet
                    entries.update(catalogued(session, elsewhere))
            catalogued_here += len(entries)
            for found in found_here:
                if temporary_name(self.relative(found.path)) or found.path in self.settling:
                    continue
                if unchanged(found, entries.get(found.path)):
                    continue
                if found.path in self.set_aside and self.set_aside[found.path] == signature(found):
                    continue
                touched += self.settling.touch(found.path, started)
            if listing.listed:  # a folder that could not be listed loses nothing
                seen = {found.path for found in found_here}
                gone += self._missed([path for path, entry in entries.items()
                                    if os.path.dirname(path) == listing.folder and path not in seen
                                    and not entry.missing])
        with self.library.session() as session:  # files of folders that are not there any more
            gone += self._missed([path for path in present_under(session, self.folders)
                                if os.path.dirname(path) not in listed and not path.startswith(tuple(unreadable))])
        if first:
            self.say(f"caught up in {time.monotonic() - started:.1f} s: {catalogued_here} photos catalogued here, "
                     f"{touched} new or changed file{'s' if touched != 1 else ''} to read, {gone} gone")
        self._rescan_at, self._rescan_asked = time.monotonic() + self.options.rescan, False

    def _missed(self, paths: list[str]) -> int:
        """Note catalogued files a rescan did not find: marked missing once the files it found have settled,
        so that one of them that is this file renamed is a move, not a loss. How many were noted."""
        now = time.monotonic()
        for path in paths:
            self.gone.setdefault(path, now)
        return len(paths)

    def _tell(self, outcome: Outcome) -> None:
        self.counts[outcome.event] += 1
        self.report(outcome)

    # --- paths and the observer ------------------------------------------------------------------------------

    def relative(self, path: str) -> str:
        """The path below the watched folder that holds it (for temporary names and arrival rules)."""
        for folder in self.folders:
            if path.startswith(folder.rstrip(os.sep) + os.sep):
                return path[len(folder.rstrip(os.sep)) + 1:]
        return os.path.basename(path)

    def _observe(self):
        """Start watchdog on every folder, its events going to `messages`."""
        from watchdog.events import (
            DirDeletedEvent,
            DirMovedEvent,
            FileClosedEvent,
            FileCreatedEvent,
            FileDeletedEvent,
            FileModifiedEvent,
            FileMovedEvent,
        )
        from watchdog.observers import Observer

        handler = _Events(self.messages)
        observer = Observer()
        kinds = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, FileDeletedEvent,
                 DirMovedEvent, DirDeletedEvent]
        self._follow = (handler, kinds)
        try:
            for folder in self.folders:
                self._watches[folder] = self._schedule(observer, folder)
            observer.start()
        except OSError as error:
            observer.stop()
            raise CatalogError(_watch_error(error)) from error
        logging.getLogger("watchdog.observers.inotify").addFilter(_OverflowAlarm(self.messages))
        self._observer = observer
        return observer


    def _schedule(self, observer, folder: str):
        """Watch `folder` and everything below it, its events going to `messages`."""
        handler, kinds = self._follow
        return observer.schedule(handler, folder, recursive=True, event_filter=kinds)


class _Events:
    """watchdog's handler: each event becomes a message for the main thread (nothing else is done here)."""

    def __init__(self, messages: queue.SimpleQueue):
        self.messages = messages

    def dispatch(self, event) -> None:
        path = os.fsdecode(event.src_path)
        if event.is_directory:
            if event.event_type in ("deleted", "moved"):
                self.messages.put(("rescan",))  # the files in a folder that went give no events of their own
            return
        if event.event_type == "moved":
            self.messages.put(("gone", path))
            if event.dest_path:
                self.messages.put(("touch", os.fsdecode(event.dest_path), path))
        elif event.event_type == "deleted":
            self.messages.put(("gone", path))
        else:
            self.messages.put(("touch", path, None))


class _OverflowAlarm(logging.Filter):
    """watchdog reports a kernel event-queue overflow only in its log: the lost events are found by a rescan."""

    def __init__(self, messages: queue.SimpleQueue):
        super().__init__()
        self.messages = messages

    def filter(self, record: logging.LogRecord) -> bool:
        if "overflow" in record.getMessage().lower():
            self.messages.put(("rescan",))
        return True


def _watch_error(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return ("the system's limit on watched folders is reached (fs.inotify.max_user_watches); raise it, "
                "e.g. sysctl fs.inotify.max_user_watches=524288, or watch fewer folders")
    if error.errno == errno.EMFILE:
        return ("the system's limit on file watchers is reached (fs.inotify.max_user_instances); raise it "
                "or stop another watcher")
    return f"cannot watch the folders: {error.strerror or error}"


def watched_folders(folders: list[str]) -> list[str]:
    """The folders by their real paths, each once, a folder inside another dropped (its parent covers it)."""
    real = []
    for folder in folders:
        path = os.path.abspath(os.fsdecode(folder))
        if not os.path.isdir(path):
            raise UsageError(f"{folder} is not a folder" if os.path.exists(path) else f"{folder} does not exist")
        real.append(real_path(path))
    ordered = sorted(set(real), key=lambda path: (len(path), path))
    kept: list[str] = []
    for path in ordered:
        if not any(path == parent or path.startswith(parent.rstrip(os.sep) + os.sep) for parent in kept):
            kept.append(path)
    return sorted(kept)


def photos_of_sidecar(path: str) -> list[str]:
    """The photos an XMP sidecar belongs to: photo.jpg for photo.jpg.xmp, every photo.* image for photo.xmp."""
    stem = path[:-4]
    if os.path.splitext(stem)[1].lower() in IMAGE_EXTENSIONS:
        return [stem]
    folder, name = os.path.split(stem)
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    return sorted(os.path.join(folder, other) for other in names
                  if os.path.splitext(other)[0] == name and os.path.splitext(other)[1].lower() in IMAGE_EXTENSIONS)


@contextmanager
def stop_on_signals(stop: threading.Event, on_stop: Callable[[str], None] | None = None) -> Iterator[None]:
    """SIGTERM and SIGINT set `stop` (the watcher ends after its batch); a second one interrupts at once."""
    def handler(number, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        if on_stop:
            on_stop(signal.Signals(number).name)

    previous = {number: signal.signal(number, handler) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
