"""The EXIF values the catalogue uses, read from a TIFF structure: the tags the field table names (fields.py).

Text tags are read as text; a date field's tags (DateTimeOriginal, SubSecTimeOriginal, OffsetTimeOriginal) make
one ISO 8601 value; a GPS coordinate and its reference letter make signed degrees. Blank values (empty or
whitespace only) are absent. For example, EXIF with DateTimeOriginal "2025:10:14 10:05:00", SubSecTimeOriginal
"12", OffsetTimeOriginal "+08:00", GPSLatitudeRef "S", GPSLatitude (33, 51, 54) gives
``values={"DateTimeOriginal": "2025-10-14T10:05:00.12+08:00", "GPSLatitude": -33.865, ...}``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from catalog.metadata.fields import lookups
from catalog.metadata.text import decode_legacy
from catalog.metadata.tiff import Entry, TiffReader
from catalog.patterns import compiled

COPYRIGHT = 0x8298  # two NUL-separated notices (photographer, editor), unlike every other text tag
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
TEXT_TYPES = (1, 2, 7, 129)  # BYTE, ASCII, UNDEFINED, UTF-8: all read as text for text tags
#: The GPS coordinate tags: (axis, hemisphere letters, largest value).
AXES = {"GPSLatitude": ("latitude", "NS", 90), "GPSLongitude": ("longitude", "EW", 180)}

DATE_PATTERN = compiled(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
OFFSET_PATTERN = compiled(r"^\s*([-+])(\d{1,2}):?(\d{2})")


@dataclass
class ExifValues:
    """What we take from EXIF: the value of each field with an EXIF tag, keyed by the tag's name
    ("ImageDescription", "DateTimeOriginal", "GPSLatitude"); absent when the tag is absent or blank. And the
    Orientation (1-8, None when absent or not one of those), which says how the stored image is shown."""

    values: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    orientation: int | None = None

    def get(self, name: str) -> Any:
        return self.values.get(name)


MISSING: dict[int, Entry] = {}  # an IFD not read yet
ORIENTATION = 0x0112


def read_exif(reader: TiffReader) -> ExifValues:
    """Read the tags the field table names from IFD0, the EXIF IFD and the GPS IFD (each read when first needed).

    A tag of the EXIF IFD that is missing there (or with no EXIF IFD at all) is looked for in IFD0, where some
    writers put DateTimeOriginal; ExifTool reads it there too.
    """
    values = ExifValues(warnings=reader.warnings)
    table = lookups()
    ifd0 = reader.ifd(reader.first_ifd, table.exif_tags["Image"])
    ifds: dict[str, dict[int, Entry] | None] = {"Image": ifd0}
    found = values.values
    for group, kind, numbers, name in table.exif_plan:
        ifd = ifds.get(group, MISSING)
        if ifd is MISSING:
            ifd = ifds[group] = _sub_ifd(reader, ifd0 or {}, group, table.exif_tags[group])
        value = _value(reader, ifd, kind, numbers, name, values.warnings) if ifd else None
        if value is None and group == "Photo" and numbers[0] in ifd0:
            value = _value(reader, ifd0, kind, numbers, name, values.warnings)
        if value is not None:
            found[name] = value
    if ("GPSLatitude" in values.values) != ("GPSLongitude" in values.values):  # half a position is none
        values.values.pop("GPSLatitude", None)
        values.values.pop("GPSLongitude", None)
    if ORIENTATION in ifd0:
        turn = reader.integers(ifd0[ORIENTATION])
        values.orientation = turn[0] if turn and 1 <= turn[0] <= 8 else None
    return values


def _value(
    reader: TiffReader, ifd: dict[int, Entry], kind: str, numbers: tuple[int, ...], name: str, warnings: list[str]
) -> Any:
    """One field's value from the entries of one IFD: text, an ISO date, or signed degrees."""
    if kind == "date":  # date and time, sub-seconds, offset
        parts = [_text(ifd.get(number)) for number in numbers[:3]]
        parts += [None] * (3 - len(parts))
        return exif_datetime(parts[0], parts[1], parts[2], warnings)
    if kind == "degrees":  # the coordinate and its reference letter
        axis, hemispheres, limit = AXES[name]
        ref = _text(ifd.get(numbers[1])) if len(numbers) > 1 else None
        return _coordinate(reader, ifd.get(numbers[0]), ref, hemispheres, limit, warnings, axis)
    if numbers[0] == COPYRIGHT:
        return _copyright(ifd.get(COPYRIGHT))
    return _text(ifd.get(numbers[0]))


#: The IFDs below IFD0, with the tag that points to each and the name its warnings use.
SUB_IFDS = {"Photo": (EXIF_IFD, "EXIF IFD"), "GPSInfo": (GPS_IFD, "GPS IFD")}


def _sub_ifd(reader: TiffReader, ifd0: dict[int, Entry], group: str, wanted: frozenset[int]) -> dict[int, Entry] | None:
    """The EXIF or GPS IFD's entries for the wanted tags, or None when IFD0 does not point to one."""
    pointer, label = SUB_IFDS[group]
    if pointer not in ifd0 or (offset := reader.offset(ifd0[pointer])) is None:
        return None
    return reader.ifd(offset, wanted, label)


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


def _not_degrees(parts: tuple[float, ...]) -> bool:
    """Whether any of degrees, minutes and seconds is not a number or negative."""
    for part in parts:
        if math.isnan(part) or part < 0:
            return True
    return False


def _coordinate(
    reader: TiffReader,
    entry: Entry | None,
    ref: str | None,
    hemispheres: str,
    limit: int,
    warnings: list[str],
    axis: str,
) -> float | None:
    """Signed decimal degrees from a GPS degrees/minutes/seconds entry and its reference letter."""
    if entry is None:
        return None
    if entry.type == 2:
        try:
            parts = tuple(float(p) for p in re.split(r"[ ,]+", _text(entry) or "") if p)
        except ValueError:
            parts = ()
    else:
        parts = reader.rationals(entry)
    if not parts or _not_degrees(parts[:3]):
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
