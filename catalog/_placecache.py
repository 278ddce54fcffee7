"""Keeping what the gazetteer builds in the user's cache folder: pickles only this user can have written.

``catalog.places`` keeps its built indexes, each country's map of cities to provinces and the reverse-
geocoding grid here (``gazetteer-<key>*.pickle``, see ``catalog.cachedir``), so a new process reads them in
milliseconds instead of building them again.
"""

from __future__ import annotations

import gc
import os
import pickle
from contextlib import contextmanager
from pathlib import Path

from catalog.files import write_atomically


def _read_kept(path: Path):
    """What a cache file holds, or None when it is missing, damaged, or could have been written by another user.

    Unpickling a file runs what the file says, so only a file this user owns and nobody else may write is
    read (the cache folder is the user's own, like the shell's start-up files).
    """
    try:
        info = path.stat()
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None
        with open(path, "rb") as handle, _collection_paused():
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, damaged, from another version: made again
        return None


def _write_kept(value, path: Path) -> bool:
    """Pickle `value` to `path` atomically, readable by this user only; False on a read-only or full disk."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return True
    except OSError:
        return False


@contextmanager
def _one_builder(path: Path):
    """Held while this process builds what `path` will keep: another process about to build the same waits,
    then finds the file and reads it (on the first import after an install, each reader process would build
    its own gazetteer at once: twice the work, and twice the memory a build takes). Without a lock (a
    read-only cache folder, no fcntl) every process builds its own, as before."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "ab")
    except (ImportError, OSError):
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
        yield


@contextmanager
def _collection_paused():
    """No garbage collection meanwhile: building or loading makes a million objects and no garbage."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
