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
    like: os.stat_result | None = None,
) -> None:
    """Write `content` to a new file beside `target`, then rename it over `target`: the bytes, or a function
    that writes them to the open file (a large pickle written as it is made, never held whole).

    A reader sees the old file or the new one, never half of one; a symlink planted at `target` is replaced,
    not followed; on any failure the temporary file is removed and `target` is left as it was.

    `mode`: the new file's permission bits (None keeps the temporary file's 0600). `durable`: the file's
    bytes, and the folder's entry after the rename, are flushed to disk. `before_replace` runs just before the
    rename; whatever it raises keeps the old file (`catalog write` checks there that nobody changed it). `like`:
    the file being replaced, as `os.lstat` saw it: the new file takes its owner and group and its extended
    attributes (a desk's tags and labels, an ACL), as far as this process may give them (keep_owner_and_attributes).
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
        if like is not None:
            keep_owner_and_attributes(os.fspath(target), temporary, like)
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


def keep_owner_and_attributes(original: str, new: str, like: os.stat_result) -> None:
    """Give the file at `new` the owner, group and extended attributes of the file at `original` (as `like` saw it).

    A file replaced by a new one is otherwise owned by whoever ran the command and loses the attributes kept
    beside its bytes (user.* tags a file manager or a DAM set, an ACL in system.posix_acl_access): a picture on a
    shared desk would become root's, or another editor's, and could no longer be changed by its owner. What this
    process may not give (another owner, when not root; a security.* label) is left, as `cp -p` leaves it.
    """
    if (like.st_uid, like.st_gid) != (os.getuid(), os.getgid()):
        for owner, group in ((like.st_uid, like.st_gid), (-1, like.st_gid)):
            try:
                os.chown(new, owner, group)
                break
            except OSError:
                continue
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(original, follow_symlinks=False)
    except OSError:  # a file system without extended attributes
        return
    for name in names:
        with suppress(OSError):
            os.setxattr(new, name, os.getxattr(original, name, follow_symlinks=False), follow_symlinks=False)


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
