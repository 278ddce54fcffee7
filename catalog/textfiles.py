"""Opening a text file a person names (a captions file, an article, house rules, a kill advisory): one place that
says plainly what is wrong with a path that is no file, and that says so when the file keeps the command waiting.

A folder, a socket or a regular file larger than any text is refused before anything is read; a device
(/dev/zero) is read to the limit and refused past it (catalog.errors.read_at_most). A named pipe is opened as
`cat` opens it, waiting for a program to write to it (`mkfifo captions.csv`, then a script that writes it), but
no longer in silence: past half a second the command says what it waits for, and Ctrl-C ends the wait. A pipe
with its writer already there (`--captions <(make-captions)`) opens at once and says nothing.

>>> read_text_file("/", "captions file /")
Traceback (most recent call last):
catalog.errors.CatalogError: captions file / is a folder, not a file
"""

from __future__ import annotations

import os
import sys
import threading
from typing import BinaryIO

from catalog.errors import TEXT_LIMIT, CatalogError, NotFound, read_at_most, too_large
from catalog.schema_version import kind_of

#: How long opening a named pipe may take before the command says it is waiting for a writer (seconds).
PIPE_PATIENCE = 0.5


def open_text_file(path: str, what: str, limit: int = TEXT_LIMIT) -> BinaryIO:
    """The file at `path` open for reading in binary, or a CatalogError naming `what` and saying why not."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise NotFound(f"{what} does not exist") from None
    except OSError as error:
        raise CatalogError(f"{what} cannot be read: {error.strerror or error}") from None
    kind = kind_of(info.st_mode)  # named as a catalogue's path is (schema_version.not_a_file)
    if kind == "a folder":
        raise CatalogError(f"{what} is a folder, not a file")
    if kind == "a socket":
        raise CatalogError(f"{what} is a socket, not a file: give the file itself")
    if kind is None and info.st_size > limit:
        raise CatalogError(too_large(what, limit))
    # a named pipe and a device are read, as `cat` reads them: a pipe keeps the command waiting for its writer
    said = threading.Timer(PIPE_PATIENCE, _say_waiting, (path,)) if kind == "a named pipe" else None
    try:
        if said is not None:
            said.start()
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise NotFound(f"{what} does not exist") from None
    except IsADirectoryError:
        raise CatalogError(f"{what} is a folder, not a file") from None
    except OSError as error:
        raise CatalogError(f"{what} cannot be read: {error.strerror or error}") from None
    finally:
        if said is not None:
            said.cancel()
            said.join()


def read_text_file(path: str, what: str, limit: int = TEXT_LIMIT) -> bytes:
    """All the bytes of the file at `path` (see open_text_file), refused past `limit`."""
    with open_text_file(path, what, limit) as handle:
        try:
            return read_at_most(handle, what, limit)
        except OSError as error:  # a device or a share that fails mid-read
            raise CatalogError(f"{what} cannot be read: {error.strerror or error}") from None


def _say_waiting(path: str) -> None:
    """Tell the person at the terminal what the command waits for (standard error may be closed: then nobody)."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"catalog: waiting for a program to write to {path} (a named pipe); Ctrl-C stops…\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
