"""Image files built byte by byte, so the hostile and fuzz tests need no checked-in mystery binaries.

Each builder returns bytes and says what it lays out. For example::

    jpeg(exif_segment(tiff_ifd([ascii_entry(0x010F, "LoopCam"), long_entry(0x8769, 8)])))
    -> SOI, APP1 "Exif\\0\\0" + a TIFF whose EXIF pointer points back at IFD0, then a real 16x16 JPEG body

    jpeg(photoshop_segment(resource(0x0404, iim((2, 80, b"Xu Gang")))))
    -> SOI, APP13 "Photoshop 3.0\\0" 8BIM IIM with the by-line "Xu Gang", then the body
"""

from __future__ import annotations

import io
import struct
import zlib
from functools import cache

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\0"
XMP_EXTENSION_HEADER = b"http://ns.adobe.com/xmp/extension/\0"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

ASCII, SHORT, LONG, RATIONAL = 2, 3, 4, 5
MAKE, MODEL, ARTIST, EXIF_IFD, GPS_IFD = 0x010F, 0x0110, 0x013B, 0x8769, 0x8825


@cache
def tiny_jpeg(width: int = 16, height: int = 16, shade: int = 128) -> bytes:
    """A real, decodable baseline JPEG of the given size, without metadata (made once by Pillow)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (shade, 255 - shade, 90)).save(out, "JPEG", quality=70)
    return out.getvalue()


def segment(marker: int, payload: bytes) -> bytes:
    """One JPEG marker segment: FF, marker, big-endian length (counting itself), payload."""
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg(*segments: bytes, body: bytes | None = None) -> bytes:
    """A JPEG with the given segments placed right after SOI, before the body's own segments."""
    body = body if body is not None else tiny_jpeg()
    return body[:2] + b"".join(segments) + body[2:]


def comment(text: str) -> bytes:
    """A COM segment, handy for making otherwise identical files differ."""
    return segment(0xFE, text.encode())


def exif_segment(tiff: bytes) -> bytes:
    return segment(0xE1, b"Exif\0\0" + tiff)


def xmp_segment(packet: bytes | str) -> bytes:
    return segment(0xE1, XMP_HEADER + (packet.encode() if isinstance(packet, str) else packet))


def extended_xmp_segment(guid: bytes, full_length: int, offset: int, chunk: bytes) -> bytes:
    """An ExtendedXMP APP1: 32-byte GUID, the full length it claims, this chunk's offset, the chunk."""
    return segment(0xE1, XMP_EXTENSION_HEADER + guid + struct.pack(">II", full_length, offset) + chunk)


def photoshop_segment(resources: bytes) -> bytes:
    return segment(0xED, b"Photoshop 3.0\0" + resources)


def resource(resource_id: int, data: bytes, *, claimed_size: int | None = None, name: bytes = b"") -> bytes:
    """One 8BIM resource; `claimed_size` lies about the data length (e.g. far past the block's end)."""
    pascal = bytes([len(name)]) + name
    if len(pascal) % 2:
        pascal += b"\0"
    size = len(data) if claimed_size is None else claimed_size
    padded = data + (b"\0" if len(data) % 2 else b"")
    return b"8BIM" + struct.pack(">H", resource_id) + pascal + struct.pack(">I", size) + padded


def iim(*records: tuple) -> bytes:
    """IIM datasets from (record, dataset, value) or (record, dataset, value, claimed_length) tuples."""
    out = b""
    for record in records:
        number, dataset, value = record[:3]
        length = record[3] if len(record) > 3 else len(value)
        out += b"\x1c" + bytes([number, dataset]) + struct.pack(">H", length) + value
    return out


UTF8_DECLARED = (1, 90, b"\x1b%G")


# --- TIFF / EXIF -------------------------------------------------------------------------------------------


def ascii_entry(tag: int, text: str) -> tuple:
    return (tag, ASCII, len(text) + 1, text.encode("latin-1") + b"\0")


def long_entry(tag: int, value: int) -> tuple:
    """A LONG entry held in the entry itself, e.g. an IFD pointer to any offset, sane or not."""
    return (tag, LONG, 1, struct.pack("<I", value & 0xFFFFFFFF))


def raw_entry(tag: int, kind: int, count: int, field: int) -> tuple:
    """An entry whose value field is the given 4-byte number, whatever count and type claim."""
    return (tag, kind, count, struct.pack("<I", field & 0xFFFFFFFF), "raw")


def tiff_ifd(entries: list[tuple], *, next_ifd: int = 0, claimed_count: int | None = None,
             first_ifd: int = 8) -> bytes:
    """A little-endian TIFF: header, IFD0 at `first_ifd` (8 unless lying), values after the IFD.

    Values longer than 4 bytes are placed after the IFD and pointed at; `raw_entry` writes its field as is.
    `claimed_count` lies about the number of entries.
    """
    entries = sorted(entries, key=lambda e: e[0])
    count = len(entries)
    data_at = 8 + 2 + 12 * count + 4
    table, data = b"", b""
    for entry in entries:
        tag, kind, n, value = entry[:4]
        if len(entry) > 4 or len(value) <= 4:
            field = value.ljust(4, b"\0")
        else:
            field = struct.pack("<I", data_at + len(data))
            data += value + (b"\0" if len(value) % 2 else b"")
        table += struct.pack("<HHI", tag, kind, n) + field
    header = b"II*\0" + struct.pack("<I", first_ifd)
    return header + struct.pack("<H", count if claimed_count is None else claimed_count) + table + \
        struct.pack("<I", next_ifd) + data


# --- XMP ---------------------------------------------------------------------------------------------------


def xmp_packet(description: str = "", doctype: str = "", properties: str = "") -> bytes:
    """An XMP packet with an optional DOCTYPE (for entity attacks) and a dc:description."""
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + doctype +
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpNote="http://ns.adobe.com/xmp/note/" '
        + properties + ">"
        + (f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt>'
           "</dc:description>" if description else "")
        + '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
    )
    return body.encode("utf-8")


def billion_laughs(levels: int = 10) -> str:
    """The classic entity-expansion DOCTYPE: &lol9; would expand to 10**9 "lol"s."""
    lines = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels):
        lines.append(f'<!ENTITY lol{level} "' + f"&lol{level - 1};" * 10 + '">')
    return "<!DOCTYPE x:xmpmeta [" + "".join(lines) + "]>\n"


# --- PNG ---------------------------------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, *chunks: bytes, color_type: int = 6) -> bytes:
    """A PNG whose header claims width x height, with a token IDAT (never enough pixels for that size)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (PNG_SIGNATURE + png_chunk(b"IHDR", ihdr) + b"".join(chunks)
            + png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b""))


def compressed_itxt(keyword: bytes, text: bytes) -> bytes:
    """An iTXt chunk with zlib-compressed text (how a PNG can carry a decompression bomb)."""
    return png_chunk(b"iTXt", keyword + b"\0\x01\x00\0\0" + zlib.compress(text, 9))


# --- whole press-like photos, fast ---------------------------------------------------------------------------


def press_jpeg(index: int, *, city: str | None = None, caption: str | None = None,
               by_line: str | None = None) -> bytes:
    """A small unique JPEG with IIM (UTF-8 declared): caption, by-line and city when given."""
    records = [UTF8_DECLARED]
    if caption:
        records.append((2, 120, caption.encode()))
    if by_line:
        records.append((2, 80, by_line.encode()))
    if city:
        records.append((2, 90, city.encode()))
    return jpeg(comment(f"photo {index}"), photoshop_segment(resource(0x0404, iim(*records))))
