"""Builders of small image files with hand-laid metadata, for the metadata reader's tests (and their checks).

Every file the metadata tests read is made here, byte by byte with struct (or by Pillow for the pixels), so
each test states exactly what the file holds.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

from PIL import Image

# --- JPEG ------------------------------------------------------------------------------------------------


def tiny_jpeg(width: int = 8, height: int = 6) -> bytes:
    """A real baseline JPEG without metadata, made by Pillow."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 30, 200)).save(out, "JPEG", quality=70)
    return out.getvalue()


def segment(marker: int, payload: bytes) -> bytes:
    """One JPEG marker segment: 0xFF, marker, 2-byte length (counting itself), payload."""
    assert len(payload) + 2 <= 0xFFFF
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg(*segments: bytes, width: int = 8, height: int = 6) -> bytes:
    """A tiny JPEG with the given segments spliced in right after SOI."""
    base = tiny_jpeg(width, height)
    return base[:2] + b"".join(segments) + base[2:]


def exif_segment(tiff: bytes) -> bytes:
    """APP1 EXIF."""
    return segment(0xE1, b"Exif\0\0" + tiff)


def xmp_segment(packet: bytes) -> bytes:
    """APP1 XMP."""
    return segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + packet)


def extended_xmp_segments(extension: bytes, chunk: int = 100) -> tuple[str, list[bytes]]:
    """The GUID and APP1 ExtendedXMP segments carrying ``extension`` in chunks of ``chunk`` bytes."""
    guid = hashlib.md5(extension).hexdigest().upper()
    segments = []
    for offset in range(0, len(extension), chunk):
        payload = (
            b"http://ns.adobe.com/xmp/extension/\0"
            + guid.encode()
            + struct.pack(">II", len(extension), offset)
            + extension[offset : offset + chunk]
        )
        segments.append(segment(0xE1, payload))
    return guid, segments


def resource(resource_id: int, data: bytes, name: bytes = b"") -> bytes:
    """One Photoshop 8BIM resource block (name and data padded to even lengths)."""
    pascal = bytes([len(name)]) + name
    if len(pascal) % 2:
        pascal += b"\0"
    return (
        b"8BIM"
        + struct.pack(">H", resource_id)
        + pascal
        + struct.pack(">I", len(data))
        + data
        + (b"\0" if len(data) % 2 else b"")
    )


def photoshop_segments(resources: bytes, split_at: int | None = None) -> list[bytes]:
    """APP13 "Photoshop 3.0" segment(s); with ``split_at`` the resource bytes continue in a second one."""
    parts = [resources] if split_at is None else [resources[:split_at], resources[split_at:]]
    return [segment(0xED, b"Photoshop 3.0\0" + part) for part in parts]


def iim(*records: tuple[int, int, bytes]) -> bytes:
    """IIM datasets: 0x1C, record, dataset, 2-byte length, value."""
    return b"".join(b"\x1c" + bytes([r, d]) + struct.pack(">H", len(v)) + v for r, d, v in records)


UTF8 = (1, 90, b"\x1b%G")


# --- TIFF / EXIF -----------------------------------------------------------------------------------------

ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 2, 3, 4, 5, 7
TYPE_SIZE = {1: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1}


def ascii_value(text: str) -> tuple[int, int, bytes]:
    raw = text.encode("utf-8") + b"\0"
    return ASCII, len(raw), raw


def rationals(*values: tuple[int, int], order: str = "<") -> tuple[int, int, bytes]:
    return RATIONAL, len(values), b"".join(struct.pack(order + "II", n, d) for n, d in values)


def tiff_structure(
    ifds: list[dict[int, tuple[int, int, bytes]]],
    order: str = "<",
    links: dict[tuple[int, int], int] | None = None,
) -> bytes:
    """A TIFF structure: IFD 0 first; ``links[(ifd, tag)] = n`` makes tag a LONG pointer to IFD n.

    Values longer than 4 bytes go into a data area after each IFD, with offsets computed here.
    """
    links = links or {}
    mark = b"II*\0" if order == "<" else b"MM\0*"
    # first pass: sizes, to know where each IFD starts
    sizes = []
    for index, entries in enumerate(ifds):
        count = len(entries) + sum(1 for (i, _t) in links if i == index)
        data = sum(len(v[2]) + (len(v[2]) % 2) for v in entries.values() if len(v[2]) > 4)
        sizes.append(2 + 12 * count + 4 + data)
    starts = []
    position = 8
    for size in sizes:
        starts.append(position)
        position += size
    out = bytearray(mark + struct.pack(order + "I", starts[0]))
    for index, entries in enumerate(ifds):
        all_entries = dict(entries)
        for (i, tag), target in links.items():
            if i == index:
                all_entries[tag] = (LONG, 1, struct.pack(order + "I", starts[target]))
        data_at = starts[index] + 2 + 12 * len(all_entries) + 4
        table, data = bytearray(struct.pack(order + "H", len(all_entries))), bytearray()
        for tag in sorted(all_entries):
            kind, count, raw = all_entries[tag]
            if len(raw) <= 4:
                table += struct.pack(order + "HHI", tag, kind, count) + raw.ljust(4, b"\0")
            else:
                table += struct.pack(order + "HHII", tag, kind, count, data_at + len(data))
                data += raw + (b"\0" if len(raw) % 2 else b"")
        out += table + struct.pack(order + "I", 0) + data
    return bytes(out)


def exif(
    ifd0: dict | None = None, exif_ifd: dict | None = None, gps: dict | None = None, order: str = "<"
) -> bytes:
    """EXIF as a TIFF structure: IFD0 with pointers to an EXIF IFD and a GPS IFD when given."""
    ifds = [dict(ifd0 or {})]
    links = {}
    if exif_ifd is not None:
        ifds.append(exif_ifd)
        links[(0, 0x8769)] = len(ifds) - 1
    if gps is not None:
        ifds.append(gps)
        links[(0, 0x8825)] = len(ifds) - 1
    return tiff_structure(ifds, order, links)


def gps_ifd(lat: float, lon: float) -> dict[int, tuple[int, int, bytes]]:
    """A GPS IFD for signed decimal degrees (refs N/S, E/W; values as degrees, minutes, 1/1000 seconds)."""

    def dms(value: float) -> tuple[int, int, bytes]:
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        seconds = round(((value - degrees) * 60 - minutes) * 60 * 1000)
        return rationals((degrees, 1), (minutes, 1), (seconds, 1000))

    return {
        1: ascii_value("N" if lat >= 0 else "S"),
        2: dms(lat),
        3: ascii_value("E" if lon >= 0 else "W"),
        4: dms(lon),
    }


# --- XMP -------------------------------------------------------------------------------------------------

NAMESPACES = (
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
    'xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    'xmlns:xmpNote="http://ns.adobe.com/xmp/note/"'
)


def xmp_packet(body: str = "", attributes: str = "", prolog: str = "") -> bytes:
    """An XMP packet with one rdf:Description holding ``attributes`` and the ``body`` elements."""
    return (
        f'{prolog}<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {NAMESPACES}>'
        f'<rdf:Description rdf:about="" {attributes}>{body}</rdf:Description>'
        f'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def alt(*items: tuple[str, str]) -> str:
    """An rdf:Alt of (language, text)."""
    return (
        "<rdf:Alt>"
        + "".join(f'<rdf:li xml:lang="{lang}">{text}</rdf:li>' for lang, text in items)
        + "</rdf:Alt>"
    )


def seq(*items: str, kind: str = "Seq") -> str:
    """An rdf:Seq (or Bag) of texts."""
    return f"<rdf:{kind}>" + "".join(f"<rdf:li>{item}</rdf:li>" for item in items) + f"</rdf:{kind}>"


# --- PNG, WebP, TIFF files -------------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, *chunks: bytes) -> bytes:
    """A PNG signature, IHDR, the given chunks, one tiny IDAT and IEND (IDAT need not match the size)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" + b"\0\0\0")
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + b"".join(chunks)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def itxt(keyword: bytes, text: bytes, compressed: bool = False) -> bytes:
    body = zlib.compress(text) if compressed else text
    return png_chunk(b"iTXt", keyword + b"\0" + bytes([int(compressed), 0]) + b"\0\0" + body)


def webp(width: int, height: int, *chunks: tuple[bytes, bytes]) -> bytes:
    """A WebP with a VP8X header and the given (fourcc, data) chunks."""
    body = (
        b"VP8X"
        + struct.pack("<I", 10)
        + b"\x0c\0\0\0"
        + (width - 1).to_bytes(3, "little")
        + (height - 1).to_bytes(3, "little")
    )
    for kind, data in chunks:
        body += kind + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def tiff(width: int, height: int, extra: dict[int, tuple[int, int, bytes]] | None = None) -> bytes:
    """A grey, uncompressed one-strip TIFF file whose IFD0 also holds the ``extra`` entries."""

    def short(value: int) -> tuple[int, int, bytes]:
        return SHORT, 1, struct.pack("<H", value)

    def long(value: int) -> tuple[int, int, bytes]:
        return LONG, 1, struct.pack("<I", value)

    entries = {
        0x100: short(width),
        0x101: short(height),
        0x102: short(8),
        0x103: short(1),
        0x106: short(1),
        0x111: long(0),
        0x116: long(height),
        0x117: long(width * height),
    }
    entries.update(extra or {})
    entries[0x111] = long(len(tiff_structure([entries])))  # the pixels follow the structure
    return tiff_structure([entries]) + bytes(width * height)


# --- checks of the builders themselves ---------------------------------------------------------------


def test_built_jpeg_is_a_jpeg_pillow_opens_with_our_segments():
    data = jpeg(
        exif_segment(exif({0x010F: ascii_value("Nikon")})), xmp_segment(xmp_packet()), width=10, height=7
    )
    image = Image.open(io.BytesIO(data))
    assert image.size == (10, 7)
    assert image.getexif()[0x010F] == "Nikon"


def test_built_exif_has_linked_ifds_that_pillow_follows():
    data = exif(
        {0x0110: ascii_value("D5")},
        exif_ifd={0x9003: ascii_value("2025:10:14 10:05:00")},
        gps=gps_ifd(-33.865, 151.2094),
    )
    parsed = Image.Exif()
    parsed.load(data)
    assert parsed.get_ifd(0x8769)[0x9003] == "2025:10:14 10:05:00"
    assert parsed.get_ifd(0x8825)[1] == "S"


def test_built_png_and_tiff_open_in_pillow():
    assert Image.open(io.BytesIO(png(5, 4, itxt(b"Comment", b"hi")))).size == (5, 4)
    assert Image.open(io.BytesIO(tiff(6, 3))).size == (6, 3)
