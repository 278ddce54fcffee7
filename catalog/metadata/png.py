"""Walk the chunks of a PNG file: size from IHDR, EXIF from eXIf, XMP from iTXt, IIM from raw profiles.

Chunk bodies are read only for the chunks that can hold metadata; image data (IDAT) is skipped with a seek,
so a PNG that claims 40000 x 40000 pixels costs no more than a small one. Raw profiles are the ImageMagick
text form::

    tEXt "Raw profile type iptc\\0" + "\\niptc\\n      28\\n1c015a00031b2547...\\n"
    -> the 28 IIM (or 8BIM resource) bytes given in hex
"""

from __future__ import annotations

import binascii
import struct
import zlib
from typing import BinaryIO

from catalog.metadata import jumbf
from catalog.metadata.blocks import Blocks
from catalog.metadata.photoshop import read_resources

SIGNATURE = b"\x89PNG\r\n\x1a\n"
TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")
#: The largest text chunk body we read, and the most a compressed one may expand to.
MAX_TEXT = 8 * 1024 * 1024
#: More chunks than this (image data split very finely) and we stop looking.
MAX_CHUNKS = 100_000
XMP_KEYWORD = b"XML:com.adobe.xmp"
RAW_PROFILES = {
    b"Raw profile type iptc": "iptc",
    b"Raw profile type 8bim": "8bim",
    b"Raw profile type exif": "exif",
    b"Raw profile type APP1": "exif",
    b"Raw profile type xmp": "xmp",
}


def walk_png(f: BinaryIO) -> Blocks:
    """Read the metadata chunks of the PNG open in ``f``."""
    blocks = Blocks("PNG")
    f.seek(len(SIGNATURE))
    for _ in range(MAX_CHUNKS):
        header = f.read(8)
        if len(header) < 8:
            if header:
                blocks.warnings.append("PNG: the file ends inside a chunk header")
            break
        size, kind = struct.unpack(">I4s", header)
        if size > 0x7FFFFFFF:
            blocks.warnings.append("PNG: a chunk claims an impossible size; stopped reading chunks")
            break
        if kind == b"IEND":
            break
        if kind == b"IHDR" and size >= 8:
            data = f.read(size)
            if len(data) >= 8:
                blocks.width, blocks.height = struct.unpack_from(">II", data)
            f.seek(4, 1)
            continue
        if (kind == b"eXIf" or kind in TEXT_CHUNKS) and size <= MAX_TEXT:
            data = f.read(size)
            if len(data) < size:
                blocks.warnings.append(f"PNG: the file ends inside a {kind.decode('latin-1')} chunk")
                break
            if kind == b"eXIf":
                blocks.take_exif(data)
            else:
                _text_chunk(blocks, kind, data)
            f.seek(4, 1)  # CRC
            continue
        if kind == jumbf.PNG_CHUNK:
            head = f.read(min(size, jumbf.HEAD))
            f.seek(size - len(head) + 4, 1)
            blocks.c2pa = jumbf.stronger(blocks.c2pa, jumbf.jumbf_kind(head))
            continue
        if kind == b"eXIf" or kind in TEXT_CHUNKS:
            blocks.warnings.append(
                f"PNG: skipped a {size}-byte {kind.decode('latin-1')} chunk, too large to be metadata"
            )
        f.seek(size + 4, 1)
    else:
        blocks.warnings.append(f"PNG: more than {MAX_CHUNKS} chunks; stopped reading")
    return blocks


def _text_chunk(blocks: Blocks, kind: bytes, data: bytes) -> None:
    """Take XMP (iTXt "XML:com.adobe.xmp") or an ImageMagick raw profile from one text chunk."""
    keyword, sep, rest = data.partition(b"\0")
    if not sep:
        return
    profile = RAW_PROFILES.get(keyword)
    if profile is None and keyword != XMP_KEYWORD:
        return
    if kind == b"zTXt":
        text = _inflate(rest[1:], blocks)  # compression method byte first
    elif kind == b"iTXt":
        text = _itxt_text(rest, blocks)
    else:
        text = rest
    if text is None:
        return
    if keyword == XMP_KEYWORD:
        blocks.xmp.append(text)
        return
    raw = _raw_profile_bytes(text)
    if raw is None:
        blocks.warnings.append(f"PNG: raw {profile} profile is not valid hex; ignored")
        return
    if profile == "iptc":
        # ImageMagick writes either bare IIM or 8BIM resources under the "iptc" name.
        if raw.startswith(b"8BIM"):
            blocks.add_photoshop_resources(read_resources(raw, blocks.warnings), standard=False)
        else:
            blocks.iim.append(raw)
    elif profile == "8bim":
        blocks.add_photoshop_resources(read_resources(raw, blocks.warnings), standard=False)
    elif profile == "exif" and blocks.exif is None:
        at = raw.find(b"Exif\0\0")
        blocks.exif = raw[at + 6 :] if 0 <= at < 8 else raw
    elif profile == "xmp":
        blocks.xmp.append(raw)


def _itxt_text(rest: bytes, blocks: Blocks) -> bytes | None:
    """The text of an iTXt chunk after its keyword: flag, method, language, translated keyword, text."""
    if len(rest) < 2:
        return None
    compressed = rest[0]
    parts = rest[2:].split(b"\0", 2)
    if len(parts) < 3:
        return None
    text = parts[2]
    return _inflate(text, blocks) if compressed else text


def _inflate(data: bytes, blocks: Blocks) -> bytes | None:
    """Decompress zlib data, refusing to expand past MAX_TEXT (a decompression bomb)."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT)
    except zlib.error:
        blocks.warnings.append("PNG: a compressed text chunk is corrupt; ignored")
        return None
    if inflater.unconsumed_tail:
        blocks.warnings.append("PNG: a compressed text chunk expands too far; ignored")
        return None
    return out


def _raw_profile_bytes(text: bytes) -> bytes | None:
    """Decode ImageMagick's raw profile text: "\\n<name>\\n<length>\\n<hex, wrapped>".

    >>> _raw_profile_bytes(b"\\niptc\\n       3\\n1c0102\\n")
    b'\\x1c\\x01\\x02'
    """
    lines = text.strip(b"\0").split(b"\n", 3)
    if len(lines) < 4:
        return None
    try:
        length = int(lines[2].strip())
        raw = binascii.unhexlify(b"".join(lines[3].split()))
    except (ValueError, binascii.Error):
        return None
    return raw[:length] if length >= 0 else None
