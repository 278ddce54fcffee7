"""Ctrl-C between two items of a command that changes them one at a time (`catalog set`, `catalog write`).

Each item is changed whole (a transaction, a file replaced at once); a Ctrl-C in the middle of one left it
changed or not, and the command could not say which. `BetweenItems` holds the signal until the item in hand is
done, so the report lists exactly what was changed; pressed twice, Ctrl-C interrupts at once, as ever. An item
that is only waiting for another process's write lock has changed nothing yet: Ctrl-C stops that wait at once
(catalog.write_lock asks `stop_waiting()`), or one press would have waited up to ten minutes for the lock.

>>> with BetweenItems() as ctrl_c:
...     for item in ["a.jpg", "b.jpg"]:
...         if ctrl_c.pressed:
...             break
>>> ctrl_c.pressed
False
"""

from __future__ import annotations

import signal
import threading
from typing import Any

#: The BetweenItems in force, if any (one command runs at a time in a process).
_current: BetweenItems | None = None


def stop_waiting() -> None:
    """Raise KeyboardInterrupt if Ctrl-C was pressed inside a BetweenItems: called where a command waits
    before it changes anything, so that wait ends at once."""
    if _current is not None and _current.pressed:
        raise KeyboardInterrupt


class BetweenItems:
    """A context in which Ctrl-C (SIGINT) sets `pressed` instead of raising KeyboardInterrupt, the first time.

    Only in the main thread, and only where Python's own handler is in force (a test or an embedding program
    that set its own is left alone)."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Any = None

    def _handle(self, number, frame) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True

    def __enter__(self) -> BetweenItems:
        global _current
        if threading.current_thread() is threading.main_thread() and \
                signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self._previous = signal.signal(signal.SIGINT, self._handle)
            _current = self
        return self

    def __exit__(self, *exc) -> None:
        global _current
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            _current = None
