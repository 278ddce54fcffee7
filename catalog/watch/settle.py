"""The settle rule: a file is read only once its size and time have stood still for the settle time, and
its format's own end is there.

A watcher `touch`es a path whenever the operating system says something happened to it (or a rescan finds
it new or changed); `due` then hands back the files that are ready, and those that stopped changing yet
never became whole within the give-up time. Time comes from the caller, so the rule is tested without
sleeping:

>>> settling = Settling(settle=2.0, give_up=60.0, look=lambda path: Found(path, 10, 1))
>>> settling.touch("/wires/a.jpg", now=0.0)
True
>>> settling.due(now=1.0)
Due(ready=[], waiting=[], given_up=[])
>>> [c.found.path for c in settling.due(now=2.0).ready]
['/wires/a.jpg']
"""

from __future__ import annotations

import os
import stat as statmod
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from catalog.scan import Found, real_path, sidecar_mtime
from catalog.watch.complete import incomplete


def look(path: str) -> Found | None:
    """The stat facts of a regular file now (sidecar included), or None when it is not there (or not a file).

    Named by its real path, as an import names it: a symbolic link is followed to the file it points at.
    """
    try:
        info = os.lstat(path)
        if statmod.S_ISLNK(info.st_mode):
            path = real_path(path)
            info = os.stat(path)
    except OSError:
        return None
    if not statmod.S_ISREG(info.st_mode):
        return None
    return Found(path, info.st_size, info.st_mtime_ns, sidecar_mtime(path), info.st_dev, info.st_ino)


def signature(found: Found | None) -> tuple | None:
    """What must stand still: size, modification time, the sidecar's time, and which file it is."""
    if found is None:
        return None
    return found.size, found.mtime_ns, found.sidecar_mtime_ns, found.device, found.inode


@dataclass
class Candidate:
    """A file that may need reading: how it looked last, since when it has looked so, and when to look again."""

    found: Found
    changed_at: float
    check_at: float
    #: The path it was renamed from, when it arrived by a rename: that path is not "missing" but moved.
    moved_from: str | None = None
    #: The look whose bytes were found incomplete, and why (not read again while the file stays so).
    checked: tuple | None = None
    reason: str | None = None


class Due(NamedTuple):
    """What a look at the waiting files found."""

    #: Settled and whole: to be read.
    ready: list[Candidate]
    #: Settled but not whole (`reason` says why), found so for the first time in this state: still waiting.
    waiting: list[Candidate]
    #: Unchanged for the give-up time and still not whole: no longer waited for.
    given_up: list[Candidate]


class Settling:
    """Files waiting to settle, by path."""

    def __init__(self, settle: float, give_up: float, *, look: Callable[[str], Found | None] = look,
                 incomplete: Callable[[str], str | None] = incomplete):
        self.settle = settle
        self.give_up = max(give_up, settle)
        self._look = look
        self._incomplete = incomplete
        self._waiting: dict[str, Candidate] = {}

    def __len__(self) -> int:
        return len(self._waiting)

    def __contains__(self, path: str) -> bool:
        return path in self._waiting

    def touch(self, path: str, now: float, moved_from: str | None = None) -> bool:
        """Something happened to `path`: look at it, and start (or restart) its settle time if it changed.
        False when there is no file there."""
        found = self._look(path)
        if found is None:
            self._waiting.pop(path, None)
            return False
        waiting = self._waiting.get(path)
        if waiting is None:
            self._waiting[path] = Candidate(found, now, now + self.settle, moved_from)
            return True
        if moved_from:
            waiting.moved_from = moved_from
        if signature(found) != signature(waiting.found):
            waiting.found, waiting.changed_at, waiting.check_at = found, now, now + self.settle
        return True

    def forget(self, path: str) -> None:
        """The file has gone (deleted, or renamed away)."""
        self._waiting.pop(path, None)

    def waiting_for(self, path: str) -> bool:
        """Whether a file renamed from `path` is still settling (then `path` has moved, not gone)."""
        return any(candidate.moved_from == path for candidate in self._waiting.values())

    def next_check(self) -> float | None:
        """When `due` next has something to look at (None: nothing is waiting)."""
        return min((candidate.check_at for candidate in self._waiting.values()), default=None)

    def due(self, now: float) -> Due:
        """The files whose size and time stood still for the settle time: those that are whole (they leave
        the waiting list), those that are not (yet), and those that stood still for the give-up time and are
        still not whole (they leave it too)."""
        ready: list[Candidate] = []
        waiting: list[Candidate] = []
        given_up: list[Candidate] = []
        for path, candidate in list(self._waiting.items()):
            if candidate.check_at > now:
                continue
            found = self._look(path)
            if found is None:
                del self._waiting[path]
                continue
            if signature(found) != signature(candidate.found):
                candidate.found, candidate.changed_at, candidate.check_at = found, now, now + self.settle
                continue
            if now - candidate.changed_at < self.settle:
                candidate.check_at = candidate.changed_at + self.settle
                continue
            if candidate.checked != signature(found):
                candidate.checked, candidate.reason = signature(found), self._incomplete(path)
                if candidate.reason is not None:
                    waiting.append(candidate)
            if candidate.reason is None:
                ready.append(candidate)
                del self._waiting[path]
            elif now - candidate.changed_at >= self.give_up:
                given_up.append(candidate)
                del self._waiting[path]
            else:  # look again now and then: a change the system did not report still counts
                candidate.check_at = min(now + self.settle, candidate.changed_at + self.give_up)
        return Due(ready, waiting, given_up)
