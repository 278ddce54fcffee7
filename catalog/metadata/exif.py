"""The EXIF values the catalogue uses, read from a TIFF structure: camera, text fields, date taken, GPS.

Blank values (empty or whitespace only) are absent. For example, EXIF with
DateTimeOriginal "2025:10:14 10:05:00", SubSecTimeOriginal "12", OffsetTimeOriginal "+08:00",
GPSLatitudeRef "S", GPSLatitude (33, 51, 54) gives ``taken="2025-10-14T10:05:00.12+08:00"``,
``lat=-33.865``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from catalog.metadata.text import decode_legacy
from catalog.metadata.tiff import Entry, TiffReader

DESCRIPTION, MAKE, MODEL, ARTIST, COPYRIGHT = 0x010E, 0x010F, 0x0110, 0x013B, 0x8298
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATE_TIME_ORIGINAL, SUBSEC_ORIGINAL, OFFSET_ORIGINAL = 0x9003, 0x9291, 0x9011
LAT_REF, LAT, LON_REF, LON = 1, 2, 3, 4

IFD0_TAGS = frozenset({DESCRIPTION, MAKE, MODEL, ARTIST, COPYRIGHT, EXIF_IFD, GPS_IFD})
EXIF_TAGS = frozenset({DATE_TIME_ORIGINAL, SUBSEC_ORIGINAL, OFFSET_ORIGINAL})
GPS_TAGS = frozenset({LAT_REF, LAT, LON_REF, LON})
TEXT_TYPES = (1, 2, 7, 129)  # BYTE, ASCII, UNDEFINED, UTF-8: all read as text for text tags

DATE_PATTERN = re.compile(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
OFFSET_PATTERN = re.compile(r"^\s*([-+])(\d{1,2}):?(\d{2})")


@dataclass
class ExifValues:
    """What we take from EXIF, each None when absent or blank."""

    description: str | None = None
    artist: str | None = None
    copyright: str | None = None
    make: str | None = None
    model: str | None = None
    taken: str | None = None
    lat: float | None = None
    lon: float | None = None
    warnings: list[str] = field(default_factory=list)


def read_exif(reader: TiffReader) -> ExifValues:
    """Read the values we use from IFD0, the EXIF IFD and the GPS IFD."""
    values = ExifValues(warnings=reader.warnings)
    ifd0 = reader.ifd(reader.first_ifd, IFD0_TAGS)
    values.description = _text(ifd0.get(DESCRIPTION))
    values.make = _text(ifd0.get(MAKE))
    values.model = _text(ifd0.get(MODEL))
    values.artist = _text(ifd0.get(ARTIST))
    values.copyright = _copyright(ifd0.get(COPYRIGHT))
    if EXIF_IFD in ifd0 and (offset := reader.offset(ifd0[EXIF_IFD])) is not None:
        exif = reader.ifd(offset, EXIF_TAGS, "EXIF IFD")
        values.taken = exif_datetime(
            _text(exif.get(DATE_TIME_ORIGINAL)),
            _text(exif.get(SUBSEC_ORIGINAL)),
            _text(exif.get(OFFSET_ORIGINAL)),
            values.warnings,
        )
    if GPS_IFD in ifd0 and (offset := reader.offset(ifd0[GPS_IFD])) is not None:
        gps = reader.ifd(offset, GPS_TAGS, "GPS IFD")
        values.lat = _coordinate(reader, gps.get(LAT), _text(gps.get(LAT_REF)), "NS", 90, values.warnings)
        values.lon = _coordinate(reader, gps.get(LON), _text(gps.get(LON_REF)), "EW", 180, values.warnings)
        if (values.lat is None) != (values.lon is None):
            values.lat = values.lon = None
    return values


def read_exif_bytes(data: bytes, warnings: list[str]) -> ExifValues | None:
    """Read EXIF held in memory (a TIFF header and IFDs); None with a warning when it is not EXIF at all."""
    try:
        reader = TiffReader.from_bytes(data, warnings)
    except ValueError as error:
        warnings.append(f"EXIF: unreadable ({error})")
        return None
    return read_exif(reader)


def exif_datetime(
    stamp: str | None, subsec: str | None, offset: str | None, warnings: list[str] | None = None
) -> str | None:
    """Join EXIF date/time, sub-seconds and offset into ISO 8601 at the precision given.

    >>> exif_datetime("2025:10:14 10:05:00", "5", "+08:00")
    '2025-10-14T10:05:00.5+08:00'
    >>> exif_datetime("2025:10:14 10:05:00", None, None)
    '2025-10-14T10:05:00'
    >>> exif_datetime("0000:00:00 00:00:00", None, None) is None
    True
    """
    if stamp is None:
        return None
    match = DATE_PATTERN.match(stamp)
    if not match or int(match[1]) == 0 or not (1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31):
        if warnings is not None:
            warnings.append(f"EXIF: date taken {stamp!r} is not a date; ignored")
        return None
    year, month, day, hour, minute, second = match.groups()
    iso = f"{year}-{month}-{day}"
    if hour is None:
        return iso
    iso += f"T{hour}:{minute}:{second or '00'}"
    if subsec and (digits := re.match(r"\s*(\d+)", subsec)):
        iso += "." + digits[1]
    if offset and (zone := OFFSET_PATTERN.match(offset)):
        iso += f"{zone[1]}{int(zone[2]):02d}:{zone[3]}"
    return iso


def _text(entry: Entry | None) -> str | None:
    """An EXIF string: up to the first NUL, UTF-8 if valid else cp1252, trimmed; None when blank."""
    if entry is None or entry.type not in TEXT_TYPES:
        return None
    text, _ = decode_legacy(entry.data.split(b"\0", 1)[0])
    return text.strip() or None


def _copyright(entry: Entry | None) -> str | None:
    """EXIF Copyright: "photographer\\0editor\\0"; both notices joined by a newline."""
    if entry is None or entry.type not in TEXT_TYPES:
        return None
    parts = [decode_legacy(p)[0].strip() for p in entry.data.split(b"\0")[:2]]
    return "\n".join(p for p in parts if p) or None


def _coordinate(
    reader: TiffReader,
    entry: Entry | None,
    ref: str | None,
    hemispheres: str,
    limit: int,
    warnings: list[str],
) -> float | None:
    """Signed decimal degrees from a GPS degrees/minutes/seconds entry and its reference letter."""
    if entry is None:
        return None
    axis = "latitude" if hemispheres == "NS" else "longitude"
    if entry.type == 2:
        try:
            parts = tuple(float(p) for p in re.split(r"[ ,]+", _text(entry) or "") if p)
        except ValueError:
            parts = ()
    else:
        parts = reader.rationals(entry)
    if not parts or any(math.isnan(p) or p < 0 for p in parts[:3]):
        warnings.append(f"EXIF: GPS {axis} is not a number; ignored")
        return None
    degrees = sum(p / 60**i for i, p in enumerate(parts[:3]))
    if ref is None or ref[0].upper() not in hemispheres:
        warnings.append(f"EXIF: GPS {axis} has no {'/'.join(hemispheres)} reference; ignored")
        return None
    if degrees > limit:
        warnings.append(f"EXIF: GPS {axis} of {degrees:g} degrees is impossible; ignored")
        return None
    return -degrees if ref[0].upper() == hemispheres[1] else degrees
