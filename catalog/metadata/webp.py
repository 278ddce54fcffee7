"""Walk the chunks of a WebP (RIFF) file: canvas size from VP8X/VP8/VP8L, EXIF from "EXIF", XMP from "XMP ".

For example, ``RIFF....WEBP VP8X(flags, canvas 1599 x 1066) ... EXIF(II*\\0...) XMP (<?xpacket...)``
gives Blocks(format="WEBP", width=1600, height=1067, exif=b"II*\\0...", xmp=[b"<?xpacket..."]).
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.metadata import jumbf
from catalog.metadata.blocks import Blocks

#: The largest metadata chunk we read.
MAX_CHUNK = 16 * 1024 * 1024


def walk_webp(f: BinaryIO) -> Blocks:
    """Read the metadata chunks of the WebP open in ``f``."""
    blocks = Blocks("WEBP")
    f.seek(12)
    for _ in range(10_000):  # a WebP has a handful of chunks (animations a few per frame)
        header = f.read(8)
        if len(header) < 8:
            if header:
                blocks.warnings.append("WebP: the file ends inside a chunk header")
            break
        kind, size = struct.unpack("<4sI", header)
        padded = size + (size & 1)
        if kind in (b"VP8X", b"VP8 ", b"VP8L") and blocks.width is None:
            data = f.read(min(size, 30))
            f.seek(padded - len(data), 1)
            _canvas_size(blocks, kind, data)
            continue
        if kind in (b"EXIF", b"XMP ") and size <= MAX_CHUNK:
            data = f.read(size)
            if len(data) < size:
                blocks.warnings.append(f"WebP: the file ends inside the {kind.decode().strip()} chunk")
                break
            if kind == b"EXIF":
                blocks.take_exif(data)
            else:
                blocks.xmp.append(data)
            f.seek(padded - size, 1)
            continue
        if kind == jumbf.WEBP_CHUNK:
            head = f.read(min(size, jumbf.HEAD))
            f.seek(padded - len(head), 1)
            blocks.c2pa = jumbf.stronger(blocks.c2pa, jumbf.jumbf_kind(head))
            continue
        f.seek(padded, 1)
    return blocks


def _canvas_size(blocks: Blocks, kind: bytes, data: bytes) -> None:
    """Width and height from the first image chunk header."""
    if kind == b"VP8X" and len(data) >= 10:
        blocks.width = 1 + int.from_bytes(data[4:7], "little")
        blocks.height = 1 + int.from_bytes(data[7:10], "little")
    elif kind == b"VP8 " and len(data) >= 10 and data[3:6] == b"\x9d\x01\x2a":
        width, height = struct.unpack_from("<HH", data, 6)
        blocks.width, blocks.height = width & 0x3FFF, height & 0x3FFF
    elif kind == b"VP8L" and len(data) >= 5 and data[0] == 0x2F:
        bits = int.from_bytes(data[1:5], "little")
        blocks.width, blocks.height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
