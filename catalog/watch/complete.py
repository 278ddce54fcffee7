"""Whether a file that has stopped growing is whole: the format's own end is there.

A file whose size and time have not changed for the settle time may still be cut short: an FTP client that
stalled, a transfer that died. Most image formats say where they end, so a watcher looks before it reads:
a JPEG's image data ends with the end-of-image marker, a PNG's chunks run to IEND, a WebP is as long as its
RIFF header says, a HEIF's boxes tile the file. The rules are data (ENDINGS); TIFF has no end to look for,
so its settle time is the only test.

>>> import io
>>> missing_end(io.BytesIO(b"\\xff\\xd8\\xff\\xdb\\x00\\x04\\x00\\x00\\xff\\xda\\x00\\x02\\x11\\x22\\xff\\xd9"))
>>> missing_end(io.BytesIO(b"\\xff\\xd8\\xff\\xdb\\x00\\x04\\x00\\x00\\xff\\xda\\x00\\x02\\x11\\x22"))
'no end-of-image marker: the image data is cut short'

Each check reads a few headers and the last bytes, not the image: well under a millisecond for a 2.5 MB
press JPEG (bench/watch.py).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from typing import BinaryIO, NamedTuple

from catalog.metadata.sniff import HEAD_SIZE, sniff


class Ending(NamedTuple):
    """How a format shows that a file is whole: the check (None: nothing to check) and what it looks for."""

    format: str
    check: Callable[[BinaryIO, int], str | None] | None
    looks_for: str


def _jpeg(handle: BinaryIO, size: int) -> str | None:
    """The segments run from SOI to the first scan, and the end-of-image marker FF D9 comes after it.

    The marker is normally the file's last two bytes (padding after it is allowed); some files carry a
    trailer after it (Photo Mechanic's IPTC, AFCP, a second image), so when the file does not end with it
    the bytes after the first scan are searched. Inside a scan's data FF is always followed by 00 or a
    restart marker, so FF D9 there can only be the real end.
    """
    scan = _first_scan(handle, size)
    if isinstance(scan, str):
        return scan
    handle.seek(max(scan, size - 1024))
    tail = handle.read()
    stripped = tail.rstrip(b"\0 \r\n\t")
    if stripped.endswith(b"\xff\xd9") or _find(handle, b"\xff\xd9", scan, size):
        return None
    return "no end-of-image marker: the image data is cut short"


def _first_scan(handle: BinaryIO, size: int) -> int | str:
    """The offset where the first scan's data starts, or why the header is cut short. A file with bytes
    between segments that are not a marker (some cameras write them) gives 2: search from the start."""
    position = 2
    while True:
        handle.seek(position)
        head = handle.read(4)
        if len(head) < 2:
            return "cut short before its image data"
        if head[0] != 0xFF:
            return 2
        marker = head[1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            position += 2
            continue
        if marker == 0xD9:
            return "it ends before its image data"
        if len(head) < 4:
            return "cut short before its image data"
        length = struct.unpack(">H", head[2:4])[0]
        position += 2 + length
        if position > size:
            return "cut short in its metadata"
        if marker == 0xDA:
            return position


def _find(handle: BinaryIO, needle: bytes, start: int, end: int, chunk: int = 1 << 20) -> bool:
    """Whether `needle` occurs between `start` and `end`, read a megabyte at a time."""
    position = start
    carry = b""
    while position < end:
        handle.seek(position)
        block = handle.read(min(chunk, end - position))
        if not block:
            return False
        if needle in carry + block:
            return True
        carry = block[-(len(needle) - 1):]
        position += len(block)
    return False


def _png(handle: BinaryIO, size: int) -> str | None:
    """The chunks, each with its length, run from the signature to IEND."""
    position = 8
    while True:
        handle.seek(position)
        head = handle.read(8)
        if len(head) < 8:
            return "cut short: its chunks stop before IEND"
        length, kind = struct.unpack(">I4s", head)
        position += 12 + length
        if position > size:
            return "cut short: its last chunk runs past the end"
        if kind == b"IEND":
            return None


def _riff(handle: BinaryIO, size: int) -> str | None:
    """The RIFF header's length (the file's length less 8) is all there."""
    handle.seek(4)
    head = handle.read(4)
    if len(head) < 4 or struct.unpack("<I", head)[0] + 8 > size:
        return "cut short: shorter than its RIFF header says"
    return None


def _boxes(handle: BinaryIO, size: int) -> str | None:
    """The top-level boxes of an ISO media file tile it, the last one ending at its end."""
    position = 0
    while position < size:
        handle.seek(position)
        head = handle.read(16)
        if len(head) < 8:
            return "cut short inside a box header"
        length = struct.unpack(">I", head[:4])[0]
        if length == 1:
            if len(head) < 16:
                return "cut short inside a box header"
            length = struct.unpack(">Q", head[8:16])[0]
        elif length == 0:  # the last box runs to the end of the file
            return None
        if length < 8:
            return "a box with an impossible length"
        position += length
    return None if position == size else "cut short: its last box runs past the end"


#: What "whole" means for each format, as sniffed from the first bytes (never from the name).
ENDINGS = {
    ending.format: ending for ending in (
        Ending("JPEG", _jpeg, "the end-of-image marker FF D9 after the image data (a trailer may follow)"),
        Ending("PNG", _png, "the chunks run to the IEND chunk"),
        Ending("WEBP", _riff, "as long as its RIFF header says"),
        Ending("HEIF", _boxes, "the top-level boxes end where the file ends"),
        Ending("AVIF", _boxes, "the top-level boxes end where the file ends"),
        Ending("TIFF", None, "nothing: TIFF has no end marker, so the settle time is the only test"),
    )
}


def missing_end(handle: BinaryIO) -> str | None:
    """Why the open file is not whole yet, or None when it is (or its format has no end to look for).

    A file shorter than the few bytes that tell its format is not whole; a file that is not an image by its
    bytes is passed on, and the reader says what it is.
    """
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    head = handle.read(HEAD_SIZE)
    file_format, _ = sniff(head)
    if file_format is None:
        return "empty" if size == 0 else ("too short to be an image yet" if size < HEAD_SIZE else None)
    ending = ENDINGS.get(file_format)
    if ending is None or ending.check is None:
        return None
    return ending.check(handle, size)


def incomplete(path: str) -> str | None:
    """Why the file at `path` is not whole yet, or None (see missing_end); an unreadable file is passed on
    to the reader, which says why."""
    try:
        with open(path, "rb") as handle:
            return missing_end(handle)
    except OSError:
        return None
