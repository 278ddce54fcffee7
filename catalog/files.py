"""Writing a file so that nobody ever sees half of it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from typing import BinaryIO


def write_atomically(
    target: str | os.PathLike,
    content: bytes | Callable[[BinaryIO], object],
    *,
    mode: int | None = None,
    durable: bool = False,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write `content` to a new file beside `target`, then rename it over `target`: the bytes, or a function
    that writes them to the open file (a large pickle written as it is made, never held whole).

    A reader sees the old file or the new one, never half of one; a symlink planted at `target` is replaced,
    not followed; on any failure the temporary file is removed and `target` is left as it was.

    `mode`: the new file's permission bits (None keeps the temporary file's 0600). `durable`: the file's
    bytes, and the folder's entry after the rename, are flushed to disk. `before_replace` runs just before the
    rename; whatever it raises keeps the old file (`catalog write` checks there that nobody changed it).
    """
    folder, name = os.path.split(os.fspath(target))
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or None)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if callable(content):
                content(handle)
            else:
                handle.write(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_folder(folder or ".")


def _sync_folder(folder: str) -> None:
    """Flush a folder's entries (the rename) to disk, where the platform allows it."""
    try:
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)
