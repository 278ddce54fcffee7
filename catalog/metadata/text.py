"""Decoding legacy byte strings (IIM and EXIF text): UTF-8 when the bytes are valid UTF-8, else cp1252.

>>> decode_legacy(b"Z\\xc3\\xbcrich")
('Zürich', 'utf-8')
>>> decode_legacy(b"Z\\xfcrich")
('Zürich', 'cp1252')
>>> decode_legacy(b"Zurich")
('Zurich', 'ascii')
"""

from __future__ import annotations

import codecs

#: What a NUL inside a text value becomes: U+2400 SYMBOL FOR NULL. The text after a NUL is part of the value (ExifTool
#: keeps it too); neither PostgreSQL's text nor XML can hold U+0000 itself.
NUL_SYMBOL = "\u2400"

#: Bytes that cp1252 leaves undefined; they are read as the Latin-1 characters of the same number.
CP1252_HOLES = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}
#: cp1252 with its holes filled so (see CP1252_HOLES), as a decoding table of 256 characters for codecs.charmap_decode.
CP1252_FILLED = "".join(CP1252_HOLES.get(byte) or bytes([byte]).decode("cp1252") for byte in range(256))


def decode_legacy(raw: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns (text, "ascii" | "utf-8" | "cp1252")."""
    if raw.isascii():
        return raw.decode("ascii"), "ascii"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return decode_cp1252(raw), "cp1252"


def decode_cp1252(raw: bytes) -> str:
    """cp1252 that never fails: the five undefined bytes become the Latin-1 characters of the same number.

    Bytes with a hole among them are decoded through the filled table in one C call: byte by byte, a packet
    of 15 KB read as cp1252 (an XMP packet that is not UTF-8, see catalog.metadata.xmp) took 10 ms, a reader's
    cost of a dozen photos.

    >>> decode_cp1252(b"caf\\xe9 \\x81\\x93ok\\x94")
    'café \\x81“ok”'
    """
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return codecs.charmap_decode(raw, "strict", CP1252_FILLED)[0]


def keep_nul(text: str) -> str:
    """A value with its NULs kept visible: those that end it are padding and go, those inside it become NUL_SYMBOL.

    >>> keep_nul("First part\\x00second part\\x00\\x00")
    'First part␀second part'
    """
    return text.rstrip("\0").replace("\0", NUL_SYMBOL)

