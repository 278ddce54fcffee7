"""Waiting for the catalogue's write lock, and what a write that failed says: shared by the store through
SQLAlchemy (`catalog.library`) and the one through sqlite3 alone (`catalog.quick_store`), so a second import
waits, and a full disk is reported, the same way on both. Imports only the standard library (and catalog.ctrl_c).

>>> is_locked_error(Exception("database is locked"))
True
>>> str(write_error(Exception("database or disk is full"), integrity=False))
'the disk is full; the last batch was not written and the catalogue is unchanged'
"""

from __future__ import annotations

import time
from collections.abc import Callable

from catalog.ctrl_c import stop_waiting
from catalog.errors import DamagedCatalogue, DatabaseError, is_damaged

#: How long a writer waits for another process's write lock before giving up (seconds).
LOCK_PATIENCE = 600.0
#: How long SQLite itself waits on a busy database (ms), and how long one request for the write lock waits
#: before with_write_lock tells the user it is waiting and asks again.
BUSY_TIMEOUT_MS = 5000
WRITE_LOCK_ASK_MS = 200

#: PostgreSQL's deadlock_detected and serialization_failure: the server rolled the transaction back because of
#: another one (two imports upserting the same paths in different orders); running it again is the cure.
RETRY_SQLSTATES = frozenset({"40P01", "40001"})


def is_locked_error(error: BaseException) -> bool:
    """True for errors that waiting and running the transaction again cures: SQLite's 'database is locked' /
    'busy', PostgreSQL's deadlock and serialization failures."""
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    message = str(original).lower()
    return "database is locked" in message or "database is busy" in message


def with_write_lock(action: Callable[[], object], *, on_wait: Callable[[str], None] | None, what: str,
                    errors: tuple[type[BaseException], ...], holder: str = "another catalog process is writing to it"):
    """Run `action` (a whole write transaction), waiting while another process holds the write lock.

    SQLite lets one writer at a time; instead of failing with "database is locked", the second import says
    it is waiting (once) and tries again until LOCK_PATIENCE runs out. `errors`: the driver's (or
    SQLAlchemy's) operational errors, among which the lock is looked for; `holder`, who is said to hold it.
    """
    deadline = time.monotonic() + LOCK_PATIENCE
    told = False
    delay = 0.05
    while True:
        try:
            return action()
        except errors as error:
            if not is_locked_error(error):
                raise
            if time.monotonic() > deadline:
                raise DatabaseError(
                    f"gave up waiting for {what} after {int(LOCK_PATIENCE)} s: {holder}"
                ) from error
            if not told and on_wait:
                on_wait(f"waiting for {what}: {holder}")
                told = True
            stop_waiting()  # Ctrl-C held back until a photo is done (catalog.ctrl_c): this one has not begun
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def write_error(original: BaseException, *, integrity: bool) -> DatabaseError:
    """What to say when the database refused a write (`original`: the driver's error; `integrity`: a
    constraint refused it)."""
    message = str(original).split("\n")[0]
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return DatabaseError("the catalogue is read-only (check the file's permissions); nothing was changed")
    if "disk is full" in lowered or "no space" in lowered:
        return DatabaseError("the disk is full; the last batch was not written and the catalogue is unchanged")
    if is_damaged(original):
        return DamagedCatalogue(None, message)
    if integrity:
        return DatabaseError(f"the catalogue refused a record: {message}")
    return DatabaseError(f"the catalogue could not be written: {message}")
