"""Walk the segments of a JPEG file up to the start of scan, collecting EXIF, XMP, IIM and the frame size.

The file is read in a few large pieces (_Window): its first 32 KiB hold every segment before the image
data of nearly every file, so a 2.5 MB press photo costs one read at its start and one at its end; the
segments we need are cut from those bytes, and the others are passed over. For example, a file laid out as::

    SOI, APP1 "Exif\\0\\0...", APP1 "http://ns.adobe.com/xap/1.0/\\0<?xpacket...",
    APP13 "Photoshop 3.0\\0 8BIM...", SOF0 (height 2000, width 3000), SOS ...

gives Blocks(format="JPEG", width=3000, height=2000, exif=b"II*\\0...", xmp=[b"<?xpacket..."], iim=[...]).

The write-back's byte editing sits beside the reading: ``segments`` (a strict walk over a whole file),
``replace_segments`` and ``replace_photoshop_resources``.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.metadata import jumbf
from catalog.metadata.blocks import Blocks, Malformed
from catalog.metadata.photoshop import IIM, Resource, read_resources, strict_resource_blocks, write_resources
from catalog.metadata.trailers import read_trailers

EXIF_HEADER = b"Exif\0"
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\0"
XMP_EXTENSION_HEADER = b"http://ns.adobe.com/xmp/extension/\0"
PHOTOSHOP_HEADERS = (b"Photoshop 3.0\0", b"Adobe_Photoshop2.5:")

#: Start-of-frame markers that carry the image size (not DHT 0xC4, JPG 0xC8 or DAC 0xCC).
SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
#: Markers without a length field.
STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD9)})
#: Segments whose bytes we read; every other segment is skipped.
WANTED_MARKERS = frozenset({0xE1, 0xED, *SOF_MARKERS})
#: How far to look for the next marker when a file has junk between segments.
MAX_JUNK = 4096
#: Real files have a few dozen segments and well under a megabyte of metadata before the image data;
#: past these limits a file is hostile or broken and we stop reading it.
MAX_SEGMENTS = 4096
MAX_METADATA = 32 * 1024 * 1024


def walk_jpeg(f: BinaryIO) -> Blocks:
    """Read the metadata segments of the JPEG open in ``f`` (positioned anywhere; we seek to the start)."""
    blocks = Blocks("JPEG")
    photoshop: list[bytes] = []  # consecutive APP13 Photoshop segments, joined when the run ends
    junk = 0  # bytes skipped between segments
    previous_exif = False  # the last segment was EXIF: a following headerless EXIF segment continues it
    kept = 0  # bytes of segment data read
    window = _Window(f)
    take = window.take
    pos = 2
    for _ in range(MAX_SEGMENTS):
        header = take(pos, 4)  # marker and length (a standalone marker has none: the two bytes are unused)
        if len(header) < 2:
            blocks.warnings.append("JPEG: the file ends before the image data")
            break
        if header[0] != 0xFF:
            skipped = _skip_junk(take(pos, MAX_JUNK))
            if skipped is None:
                blocks.warnings.append("JPEG: junk where a segment marker should be; stopped reading")
                break
            junk += skipped
            pos += skipped
            continue
        marker = header[1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker in STANDALONE_MARKERS:
            pos += 2
            continue
        if marker == 0xD9:  # EOI
            break
        if len(header) < 4:
            blocks.warnings.append("JPEG: the file ends inside a segment header")
            break
        size = (header[2] << 8) | header[3]
        if size < 2:
            blocks.warnings.append(f"JPEG: segment 0x{marker:02X} has an impossible length {size}")
            break
        if marker != 0xED and photoshop:
            _finish_photoshop(blocks, photoshop)
        start, pos = pos + 4, pos + 2 + size  # the segment's data, and the next segment
        if marker == 0xDA:  # start of scan: the image data follows, no metadata is looked for after it
            blocks.damage, window.tail = _cut_short(f, pos)
            break
        if marker == jumbf.JPEG_APP11:  # C2PA: only its first bytes, to tell whether c2pa must read the file
            blocks.c2pa = jumbf.stronger(blocks.c2pa, jumbf.app11_kind(take(start, min(size - 2, jumbf.HEAD))))
            previous_exif = False
            continue
        if marker not in WANTED_MARKERS:
            previous_exif = False
            continue
        kept += size - 2
        if kept > MAX_METADATA:
            blocks.warnings.append("JPEG: more than 32 MB of metadata segments; stopped reading")
            break
        data = take(start, size - 2)
        if len(data) < size - 2:
            blocks.warnings.append(f"JPEG: the file ends inside segment 0x{marker:02X}")
            break
        if marker == 0xE1:
            previous_exif = _app1(blocks, data, previous_exif)
            continue
        previous_exif = False
        if marker == 0xED:
            if data.startswith(PHOTOSHOP_HEADERS):
                photoshop.append(data)
                blocks.photoshop_thumbnail = blocks.photoshop_thumbnail or b"8BIM\x04\x0c" in data
            elif photoshop:
                _finish_photoshop(blocks, photoshop)
        elif blocks.width is None and len(data) >= 5:
            blocks.height, blocks.width = struct.unpack_from(">HH", data, 1)
    else:
        blocks.warnings.append(
            f"JPEG: more than {MAX_SEGMENTS} segments before the image data; stopped reading"
        )
    if photoshop:
        _finish_photoshop(blocks, photoshop)
    if junk:
        blocks.warnings.append(f"JPEG: skipped {junk} junk bytes between segments")
    read_trailers(f, blocks, window.tail)  # IIM that tools append after the image (AFCP, FotoStation)
    return blocks


#: The first read of a JPEG: enough for the segments before the image data of nearly every file (a press
#: photo's are about 5 KiB; a camera's, with maker notes and a thumbnail, a few dozen).
FIRST_READ = 32 * 1024
#: Each later read, when a segment lies past what was read: at least this much, from where it is needed.
MORE_READ = 64 * 1024


class _Window:
    """Bytes of a file read in a few large reads, rather than two small reads for every segment.

    ``take(position, count)`` gives the file's bytes there (fewer at its end, none past it): from what was
    read last when they lie in it, else from one new read that starts at `position`, of `count` bytes or
    MORE_READ, whichever is more. No read goes past the file's end, and none is larger than a segment (64
    KiB), MAX_JUNK or MORE_READ, so a hostile file costs at most one such read per segment walked. A segment
    that is skipped (not read) costs nothing, as a seek cost nothing before.

    ``tail`` is what image_cut_short read of the file's end, for the trailers' check (read_trailers).
    """

    __slots__ = ("f", "base", "data", "ended", "tail")

    def __init__(self, f: BinaryIO):
        self.f = f
        f.seek(0)
        self.base = 0
        self.data = f.read(FIRST_READ)
        self.ended = len(self.data) < FIRST_READ  # the last read reached the file's end
        self.tail: tuple[int, bytes] | None = None

    def take(self, position: int, count: int) -> bytes:
        start = position - self.base
        if start >= 0 and (start + count <= len(self.data) or self.ended):
            return self.data[start:start + count]
        wanted = max(count, MORE_READ)
        self.f.seek(position)
        self.data = self.f.read(wanted)
        self.base = position
        self.ended = len(self.data) < wanted
        return self.data[:count]


#: How much of a file's end is read, at first, to find its end-of-image marker (then more, only if needed).
TAIL_FIRST = 4096
TAIL_MORE = 1024 * 1024
#: How far back from the end the marker is looked for at most. Compressed image data holds FF D9 only as the
#: end-of-image marker, and a trailer after it (another image's, a motion photo's video) holds its own or, being
#: compressed bytes too, FF D9 by chance every 64 KiB or so; only a file cut short (or zeros: a transfer that
#: preallocated a 3 GB file and stopped) has none. Reading all of that to be sure took 14 s per read of a 2 GB
#: file, twice per file, and a watcher stood still meanwhile.
TAIL_MOST = 64 * 1024 * 1024


def image_cut_short(f: BinaryIO, scan_start: int) -> str | None:
    r"""Why a JPEG's image data is incomplete, or None when it ends with an end-of-image marker.

    A file whose transfer stopped (an FTP upload, a sync) ends somewhere in its compressed data, without the
    EOI marker (FF D9). Inside entropy-coded data FF is always followed by 00 or a restart marker, so FF D9
    after the start of the scan is the end of an image: the end of this one, or of an image after it (MPF,
    a trailer). Reads the last 4 KiB; only a file without EOI there costs more.

    >>> import io
    >>> body = b"\xff\xd8" + b"\xff\xda\x00\x02" + bytes(5000)
    >>> image_cut_short(io.BytesIO(body + b"\xff\xd9"), 6) is None
    True
    >>> image_cut_short(io.BytesIO(body), 6)
    'the image data stops before its end (the file was cut short, perhaps by an interrupted transfer)'
    """
    return _cut_short(f, scan_start)[0]


def _cut_short(f: BinaryIO, scan_start: int) -> tuple[str | None, tuple[int, bytes] | None]:
    """image_cut_short's answer, and the file's last bytes it read first with their offset (None if none)."""
    f.seek(0, 2)
    end = f.tell()
    position, step = end, TAIL_FIRST
    last = None
    while position > max(scan_start, end - TAIL_MOST):
        start = max(scan_start, end - TAIL_MOST, position - step)
        f.seek(start)
        # one byte of overlap: FF D9 across two reads (none at the end of the file: asking past it costs a
        # second read that finds nothing)
        chunk = f.read(min(position - start + 1, end - start))
        if last is None:
            last = (start, chunk)
        if b"\xff\xd9" in chunk:
            return None, last
        position, step = start, TAIL_MORE
    return ("the image data stops before its end (the file was cut short, perhaps by an interrupted transfer)",
            last)


def _skip_junk(ahead: bytes) -> int | None:
    """How many junk bytes (some writers leave them) come before the next 0xFF in `ahead` (the bytes from the
    segment marker's place on, MAX_JUNK of them), or None when there is no 0xFF in them."""
    at = ahead.find(b"\xff", 1)
    return at if at >= 0 else None


def _app1(blocks: Blocks, data: bytes, previous_exif: bool) -> bool:
    """Sort an APP1 segment: EXIF, XMP, ExtendedXMP or XMP with a non-standard header; True for EXIF.

    Only the first EXIF segment is read, but a segment that follows it directly without a TIFF header of
    its own continues it (multi-segment EXIF).
    """
    if (
        data.startswith(EXIF_HEADER + b"\0")
        and previous_exif
        and blocks.exif is not None
        and data[6:10] not in (b"II*\0", b"MM\0*")
    ):
        blocks.warnings.append("JPEG: EXIF continues over several segments")
        blocks.exif += data[6:]
        return True
    if data.startswith(XMP_HEADER):
        blocks.xmp.append(data[len(XMP_HEADER) :])
    elif data.startswith(XMP_EXTENSION_HEADER):
        _extended_xmp(blocks, data[len(XMP_EXTENSION_HEADER) :])
    elif EXIF_HEADER in data[:10]:
        if blocks.exif is None:
            start = data.index(EXIF_HEADER) + len(EXIF_HEADER)
            if data[start : start + 1] == b"\0":
                start += 1
            blocks.exif = data[start:]
        return True
    elif data.startswith(b"XMP\0") or b"<x:xmpmeta" in data[:200] or b"<?xpacket" in data[:200]:
        blocks.warnings.append("JPEG: XMP segment with a non-standard header")
        blocks.xmp.append(data[data.index(b"\0") + 1 :] if data.startswith(b"XMP\0") else data)
    return False


def _extended_xmp(blocks: Blocks, data: bytes) -> None:
    """Keep one ExtendedXMP chunk: 32-byte GUID, 4-byte full length, 4-byte offset, then the chunk."""
    if len(data) < 40:
        blocks.warnings.append("JPEG: an ExtendedXMP segment is too short")
        return
    guid = data[:32].decode("ascii", "replace")
    full_length, offset = struct.unpack_from(">II", data, 32)
    blocks.xmp_extended.setdefault(guid, {})[offset] = data[40:]
    blocks.xmp_extended_size[guid] = full_length


def _finish_photoshop(blocks: Blocks, segments: list[bytes]) -> None:
    """Join a run of consecutive APP13 Photoshop segments and read its resources."""
    joined = b"".join(
        s[len(PHOTOSHOP_HEADERS[0]) if s.startswith(PHOTOSHOP_HEADERS[0]) else 27 :] for s in segments
    )
    segments.clear()
    resources = read_resources(joined, blocks.warnings)
    blocks.add_photoshop_resources(resources, standard=not blocks.iim)


# -- rewriting: a strict walk over a whole file in memory, and segments replaced ------------------------------

PHOTOSHOP = PHOTOSHOP_HEADERS[0]
XMP_HEADERS = (XMP_HEADER, XMP_EXTENSION_HEADER)


def segments(data: bytes) -> tuple[list[tuple[int, bytes]], int]:
    """A JPEG's segments before the scan as (marker, the whole segment's bytes), and where the scan begins.

    Strict, unlike walk_jpeg: junk between segments, or a file that ends before its image data, raises
    Malformed, because a file rebuilt from these segments must be the file with only its metadata changed.

    >>> segments(b"\\xff\\xd8\\xff\\xe0\\x00\\x04JF\\xff\\xda\\x00\\x02")
    ([(224, b'\\xff\\xe0\\x00\\x04JF')], 8)
    """
    if data[:2] != b"\xff\xd8":
        raise Malformed("this is not a JPEG file")
    found: list[tuple[int, bytes]] = []
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise Malformed("this JPEG's structure is damaged", f"junk at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in STANDALONE_MARKERS:
            found.append((marker, data[pos : pos + 2]))
            pos += 2
            continue
        if marker in (0xDA, 0xD9):
            return found, pos
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        found.append((marker, data[pos : pos + 2 + length]))
        pos += 2 + length
    raise Malformed("this JPEG is cut short: it ends before its image data")


def segment_kind(marker: int, segment: bytes) -> str | None:
    """"exif", "xmp" (main or extended packet) or "iim" (Photoshop resources) for a metadata segment, else None."""
    body = segment[4:]
    if marker == 0xE1 and body.startswith(EXIF_HEADER):
        return "exif"
    if marker == 0xE1 and body.startswith(XMP_HEADERS):
        return "xmp"
    if marker == 0xED and body.startswith(PHOTOSHOP):
        return "iim"
    return None


def image_data(data: bytes) -> bytes:
    """Everything but the metadata: the segments other than APPn and COM, and the scan to the end of the file."""
    found, scan = segments(data)
    kept = b"".join(body for marker, body in found if not (0xE0 <= marker <= 0xEF or marker == 0xFE))
    return kept + data[scan:]


def replace_segments(original: bytes, encoded: bytes, kinds: set[str]) -> bytes:
    """The original JPEG with only its `kinds` of metadata segments taken from another version of it (`encoded`).

    Every other segment (JFIF, ICC profile, MPF, Adobe, comments, and EXIF when "exif" is not in `kinds`) keeps
    its bytes and its place; a kind the original lacked goes after its leading APP0/APP1 segments. A
    multi-picture file (MPF) whose image offsets would shift raises Malformed.
    """
    old_segments, old_scan = segments(original)
    new_segments, _ = segments(encoded)
    replacement = {kind: [seg for marker, seg in new_segments if segment_kind(marker, seg) == kind] for kind in kinds}
    out: list[bytes] = []
    placed: set[str] = set()
    insert_at, leading = 0, True
    for marker, segment in old_segments:
        kind = segment_kind(marker, segment)
        leading = leading and 0xE0 <= marker <= 0xEF
        if kind in kinds:
            if kind not in placed:
                out.extend(replacement[kind])
                placed.add(kind)
            continue
        out.append(segment)
        if leading and marker in (0xE0, 0xE1):
            insert_at = len(out)  # after JFIF and EXIF, before ICC, MPF and the rest
    out[insert_at:insert_at] = [seg for kind in sorted(kinds - placed) for seg in replacement[kind]]
    if _after_mpf([seg for _, seg in old_segments]) != _after_mpf(out):
        raise Malformed("this file holds more than one picture (MPF), and their places in the file would shift")
    return original[:2] + b"".join(out) + original[old_scan:]


def _after_mpf(found: list[bytes]) -> int | None:
    """How many bytes of segments follow the MPF segment (its offsets count across them); None without MPF."""
    for index, segment in enumerate(found):
        if segment[1] == 0xE2 and segment[4:8] == b"MPF\0":
            return sum(len(later) for later in found[index + 1 :])
    return None


def photoshop_resources(data: bytes) -> list[Resource] | None:
    """The resource blocks of a JPEG's Photoshop segment (names and positions kept), or None when it has none.

    Raises Malformed when the resources span several APP13 segments (they are rewritten as one segment) or are
    damaged.
    """
    found = [seg for marker, seg in segments(data)[0] if marker == 0xED and seg[4:].startswith(PHOTOSHOP)]
    if not found:
        return None
    if len(found) > 1:
        raise Malformed("this file's IPTC is split over several Photoshop segments, which cannot be rewritten safely")
    return strict_resource_blocks(found[0][4 + len(PHOTOSHOP) :])


def replace_photoshop_resources(data: bytes, resources: list[Resource]) -> bytes:
    """The JPEG with its one Photoshop segment holding `resources` instead (see photoshop_resources)."""
    old = next(seg for marker, seg in segments(data)[0] if marker == 0xED and seg[4:].startswith(PHOTOSHOP))
    body = PHOTOSHOP + write_resources(resources)
    if len(body) + 2 > 0xFFFF:
        raise Malformed("this file's IPTC would be too large for one JPEG segment (64 KB)")
    start = data.index(old)
    return data[:start] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + data[start + len(old) :]


def first_iim(data: bytes) -> bytes | None:
    """The first IIM block (Photoshop resource 0x0404) of a JPEG's Photoshop segments, or None."""
    joined = b"".join(
        seg[4 + len(PHOTOSHOP) :] for marker, seg in segments(data)[0] if segment_kind(marker, seg) == "iim"
    )
    blocks = read_resources(joined, []).get(IIM, [])
    return blocks[0] if blocks else None
