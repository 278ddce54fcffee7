"""A bounded reader of TIFF structure (classic and BigTIFF, either byte order) for TIFF files and EXIF.

EXIF is a small TIFF, so the same reader serves a TIFF file on disk and the EXIF bytes of a JPEG, PNG, WebP
or HEIF. It reads only the entries asked for, never follows a chain of IFDs, refuses offsets outside the data
and caps entry counts and value sizes, so looping IFDs and absurd counts cost nothing. For example::

    reader = TiffReader.from_bytes(b"II*\\x00\\x08\\x00\\x00\\x00" + ifd_bytes)
    reader.ifd(reader.first_ifd, {0x010F})   -> {0x010F: Entry(type=2, count=6, data=b"Nikon\\x00")}
"""

from __future__ import annotations

import math
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from catalog.metadata import jumbf
from catalog.metadata.blocks import Blocks, Unreadable
from catalog.metadata.photoshop import read_resources
from catalog.metadata.trailers import read_trailers

#: Size in bytes of one value of each TIFF field type.
TYPE_SIZES = {
    1: 1,
    2: 1,
    3: 2,
    4: 4,
    5: 8,
    6: 1,
    7: 1,
    8: 2,
    9: 4,
    10: 8,
    11: 4,
    12: 8,
    13: 4,
    16: 8,
    17: 8,
    18: 8,
    129: 1,
}
#: More entries than this in one IFD means the IFD is garbage.
MAX_ENTRIES = 2000
#: The largest single value we fetch (XMP and IIM tags in press TIFFs are far smaller).
MAX_VALUE = 16 * 1024 * 1024

NEW_SUBFILE_TYPE, IMAGE_WIDTH, IMAGE_HEIGHT, SUB_IFDS = 0x00FE, 0x0100, 0x0101, 0x014A
XMP_TAG, IPTC_TAG, PHOTOSHOP_TAG = 700, 33723, 34377


@dataclass(slots=True)
class Entry:
    """One IFD entry: its field type, value count and value bytes (in the reader's byte order).

    Not frozen: every photo's EXIF makes a dozen, and a frozen dataclass's __init__ sets each field through
    object.__setattr__ (nothing changes an entry once read)."""

    type: int
    count: int
    data: bytes


class TiffReader:
    """Random access to the IFDs of one TIFF structure, held either in memory or in an open file."""

    def __init__(self, read_at: Callable[[int, int], bytes], size: int, warnings: list[str]):
        self._read_at = read_at
        self.size = size
        self.warnings = warnings
        head = read_at(0, 16)
        if len(head) < 8:
            raise ValueError("the header is cut short")
        if head[:2] not in (b"II", b"MM"):
            raise ValueError("not a TIFF structure (no II/MM byte-order mark)")
        self.order = "<" if head[:2] == b"II" else ">"
        (magic,) = struct.unpack_from(self.order + "H", head, 2)
        if magic == 42:
            self.big = False
            (self.first_ifd,) = struct.unpack_from(self.order + "I", head, 4)
        elif magic == 43:
            if len(head) < 16:
                raise ValueError("the header is cut short")
            self.big = True
            (self.first_ifd,) = struct.unpack_from(self.order + "Q", head, 8)
        else:
            raise ValueError(f"not a TIFF structure (magic number {magic})")
        self._visited: set[int] = set()

    @classmethod
    def from_bytes(cls, data: bytes, warnings: list[str] | None = None) -> TiffReader:
        """A reader over bytes, e.g. the EXIF block of a JPEG without its "Exif\\0\\0" header."""
        return cls(
            lambda offset, n: data[offset : offset + n], len(data), [] if warnings is None else warnings
        )

    @classmethod
    def from_file(cls, f: BinaryIO, warnings: list[str]) -> TiffReader:
        """A reader over an open TIFF file; values are read with seeks, only when asked for."""

        def read_at(offset: int, n: int) -> bytes:
            f.seek(offset)
            return f.read(n)

        return cls(read_at, os.fstat(f.fileno()).st_size, warnings)

    def ifd(self, offset: int, wanted: set[int] | frozenset[int], name: str = "IFD0") -> dict[int, Entry]:
        """The wanted entries of the IFD at ``offset``; {} (with a warning) when it is unreadable or seen."""
        if offset in self._visited:
            self.warnings.append(f"EXIF: {name} points back to an IFD already read; not read again")
            return {}
        self._visited.add(offset)
        count_size, entry_size, inline = (8, 20, 8) if self.big else (2, 12, 4)
        if offset < 8 or offset + count_size > self.size:
            self.warnings.append(f"EXIF: {name} offset {offset} is outside the data")
            return {}
        raw_count = self._read_at(offset, count_size)
        (count,) = struct.unpack(self.order + ("Q" if self.big else "H"), raw_count)
        room = (self.size - offset - count_size) // entry_size
        if count > min(room, MAX_ENTRIES):
            self.warnings.append(
                f"EXIF: {name} claims {count} entries; read the {min(room, MAX_ENTRIES)} that fit"
            )
            count = min(room, MAX_ENTRIES)
        table = self._read_at(offset + count_size, count * entry_size)
        entry_format = self.order + ("HHQ8s" if self.big else "HHI4s")
        # All the entries unpacked in one call (only a table cut short, by a file changed while it was read,
        # is unpacked entry by entry, as far as it goes).
        entries = (struct.iter_unpack(entry_format, table) if len(table) == count * entry_size
                   else (_short_entry(entry_format, table, index * entry_size) for index in range(count)))
        found: dict[int, Entry] = {}
        for tag, kind, n, field in entries:
            if tag not in wanted or tag in found:
                continue
            unit = TYPE_SIZES.get(kind)
            if unit is None:
                self.warnings.append(f"EXIF: {name} tag 0x{tag:04x} has unknown type {kind}; ignored")
                continue
            size = unit * n
            if size <= inline:
                found[tag] = Entry(kind, n, field[:size])
                continue
            (value_offset,) = struct.unpack(self.order + ("Q" if self.big else "I"), field)
            if size > MAX_VALUE or value_offset + size > self.size:
                self.warnings.append(
                    f"EXIF: {name} tag 0x{tag:04x} says it holds {size} bytes at offset "
                    f"{value_offset}, past the end of the data; ignored"
                )
                continue
            found[tag] = Entry(kind, n, self._read_at(value_offset, size))
        return found

    def forget_visits(self) -> None:
        """Allow the IFDs read so far to be read again (a second, independent pass)."""
        self._visited.clear()

    def integers(self, entry: Entry) -> tuple[int, ...]:
        """The values of a BYTE, SHORT, LONG or LONG8 entry (or their signed kinds)."""
        codes = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 13: "I", 16: "Q", 17: "q", 18: "Q"}
        code = codes.get(entry.type)
        if code is None:
            return ()
        return struct.unpack(f"{self.order}{entry.count}{code}", entry.data)

    def rationals(self, entry: Entry) -> tuple[float, ...]:
        """The values of a RATIONAL or SRATIONAL entry as floats (nan where the denominator is 0)."""
        if entry.type not in (5, 10):
            return tuple(float(v) for v in self.integers(entry))
        code = "I" if entry.type == 5 else "i"
        raw = struct.unpack(f"{self.order}{2 * entry.count}{code}", entry.data)
        return tuple([top / bottom if bottom else math.nan for top, bottom in zip(raw[0::2], raw[1::2])])

    def offset(self, entry: Entry) -> int | None:
        """The single integer of an IFD-pointer entry, or None."""
        values = self.integers(entry) if entry.type != 7 else ()
        if not values and entry.type == 7 and len(entry.data) == 4:  # some writers type pointers UNDEFINED
            values = struct.unpack(self.order + "I", entry.data)
        return values[0] if values else None

    def raw_bytes(self, entry: Entry) -> bytes:
        """The value as the bytes stored in the file, for tags that hold a byte stream whatever their type.

        IIM (tag 33723) is often typed LONG; its bytes are the IIM stream as written, so no unpacking is done.
        """
        return entry.data


def _main_image_size(reader: TiffReader, ifd0: dict[int, Entry]) -> tuple[int | None, int | None]:
    """Width and height of the full-size image: IFD0's, unless IFD0 is a preview (as in DNG) and a SubIFD
    holds the full-size image."""

    def size(entries: dict[int, Entry]) -> tuple[int | None, int | None]:
        width, height = (
            reader.integers(entries[t]) if t in entries else () for t in (IMAGE_WIDTH, IMAGE_HEIGHT)
        )
        return (width[0] if width else None), (height[0] if height else None)

    subfile_type = reader.integers(ifd0[NEW_SUBFILE_TYPE]) if NEW_SUBFILE_TYPE in ifd0 else ()
    if subfile_type and subfile_type[0] & 1 and SUB_IFDS in ifd0:
        for offset in reader.integers(ifd0[SUB_IFDS])[:8]:
            sub = reader.ifd(offset, {NEW_SUBFILE_TYPE, IMAGE_WIDTH, IMAGE_HEIGHT}, "SubIFD")
            kind = reader.integers(sub[NEW_SUBFILE_TYPE]) if NEW_SUBFILE_TYPE in sub else (0,)
            if kind and kind[0] == 0 and IMAGE_WIDTH in sub:
                return size(sub)
    return size(ifd0)


def walk_tiff(f: BinaryIO) -> Blocks:
    """Read IFD0 of the TIFF open in ``f``: size, XMP (700), IIM (33723), Photoshop resources (34377), and
    IIM in a trailer after the image (trailers.py).

    EXIF is left in the file: ``blocks.exif_reader`` reads it with seeks while the file is open.
    """
    blocks = Blocks("TIFF")
    try:
        reader = TiffReader.from_file(f, blocks.warnings)
    except ValueError as error:  # a TIFF signature and then too little to be a TIFF header
        raise Unreadable(f"damaged TIFF file ({error})") from error
    entries = reader.ifd(
        reader.first_ifd,
        {NEW_SUBFILE_TYPE, IMAGE_WIDTH, IMAGE_HEIGHT, SUB_IFDS, XMP_TAG, IPTC_TAG, PHOTOSHOP_TAG, jumbf.TIFF_C2PA_TAG},
    )
    blocks.width, blocks.height = _main_image_size(reader, entries)
    reader.forget_visits()  # the EXIF pass reads IFD0 again
    if XMP_TAG in entries:
        blocks.xmp.append(reader.raw_bytes(entries[XMP_TAG]))
    if IPTC_TAG in entries:
        blocks.iim.append(reader.raw_bytes(entries[IPTC_TAG]))  # NUL padding and all: the digest covers it
        blocks.iim_standard = True
    if PHOTOSHOP_TAG in entries:
        resources = read_resources(reader.raw_bytes(entries[PHOTOSHOP_TAG]), blocks.warnings)
        if IPTC_TAG in entries:
            resources.pop(0x0404, None)  # the same IIM again; tag 33723 is the standard copy
        blocks.add_photoshop_resources(resources, standard=False)  # IIM here is not where MWG looks
    if jumbf.TIFF_C2PA_TAG in entries:
        blocks.c2pa = jumbf.jumbf_kind(reader.raw_bytes(entries[jumbf.TIFF_C2PA_TAG])[: jumbf.HEAD])
    read_trailers(f, blocks)  # IIM that tools append after the image (AFCP, FotoStation)
    blocks.exif_reader = reader
    return blocks


def _short_entry(entry_format: str, table: bytes, at: int) -> tuple[int, int, int, bytes]:
    """One entry of an IFD table that ends too soon: its tag, type and count, and what there is of its value
    field (struct.error when not even those are there)."""
    tag, kind, n = struct.unpack_from(entry_format[:-2], table, at)
    size = struct.calcsize(entry_format[:-2])
    return tag, kind, n, table[at + size : at + size + (8 if entry_format.endswith("8s") else 4)]
