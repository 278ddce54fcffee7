"""Reconcile EXIF, IIM and XMP (embedded and sidecar) into one value per field, as the MWG guidelines say.

The rules are the Metadata Working Group's, as ExifTool implements them in its MWG composite tags, applied by
one function (``reconcile``) to every row of the field table (fields.py). For each field, in order:

0. The XMP sidecar's value, for a field sidecars carry (the table's ``sidecar`` column: caption, credit,
   date, place; not the camera's make and model), when the photo has a sidecar that holds it: a sidecar is
   written beside the file by a person's editor (Lightroom, Bridge, Photo Mechanic, ``catalog export
   --format xmp``) after the file was made, so its caption, date or credit is the newer word. The embedded
   copies it overrides are still compared with it and listed as conflicts.
1. EXIF, when the field has an EXIF tag and its value is not blank (MWG: an EXIF value is "valid" unless it
   is empty or spaces only; we also treat other whitespace as blank).
2. XMP, when there is no IIM, or no stored IPTC digest, or the stored digest (Photoshop resource 0x0425)
   equals the MD5 of the current IIM block, i.e. the XMP was written together with the IIM. When XMP has no
   value, IIM is used.
3. Otherwise IIM: the digest says the IIM was changed after the XMP was written, so the IIM is newer. An
   IIM value exactly at its length limit that the XMP value extends is a truncated copy: the XMP value is
   taken. When IIM has no value the field stays empty (as ExifTool's MWG tags do) and a warning says so.
4. When all of that gives nothing, the row's ``fallback`` XMP paths (sidecar first), where XMP may be used
   by rule 2: a photo whose EXIF block is damaged or stripped often kept its date taken in XMP, as
   exif:DateTimeOriginal. Fallback values are not compared with the other copies.

Which EXIF tag, IIM dataset (and its length limit) and XMP paths hold each field is the table's to say; the
rules here are the same for every row.

Worked example: a Photo Mechanic file whose IIM by-line is "Zhang Dagang" and whose XMP dc:creator is
["Zhang Dagang"], with a stored digest equal to the IIM's MD5 and no EXIF Artist, gives
``photographer = Sourced("Zhang Dagang", "xmp")``; if the IIM by-line is later changed to "Xu Gang" by a tool
that does not update XMP, the digest no longer matches and the result is ``Sourced("Xu Gang", "iptc")`` with
``Conflict("photographer", (("iptc", "Xu Gang"), ("xmp", "Zhang Dagang")))``.

Where we differ from ExifTool, on purpose:

* ExifTool's MWG City/State/Country/Location prefer Iptc4xmpExt:LocationShown; we take the place where the
  photo was taken (photoshop:* and Iptc4xmpCore:Location, then Iptc4xmpExt:LocationCreated) and report
  LocationShown separately in ``location_shown``.
* ExifTool computes no IPTC digest for IIM outside JPEG APP13, TIFF IFD0 and PSD (e.g. a PNG raw profile), so
  its MWG tags never use such IIM; we treat it as IIM with no stored digest: XMP first, then the IIM.
* When a file holds several IIM blocks, datasets missing from the first are taken from the later ones (the
  digest is still that of the first block), as ExifTool's default output does but its MWG tags do not.
* Photographer joins dc:creator with "; " where ExifTool's MWG Creator is a list.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from catalog.metadata import fields as table
from catalog.metadata import xmp as xmp_values
from catalog.metadata.exif import ExifValues
from catalog.metadata.fields import Field
from catalog.metadata.iim import IimBlock
from catalog.metadata.types import Conflict, Sourced
from catalog.patterns import compiled

LOCATION_SHOWN = "Iptc4xmpExt:LocationShown"


#: LocationShown structure field -> our location key.
SHOWN_FIELDS = {
    "sublocation": "Iptc4xmpExt:Sublocation",
    "city": "Iptc4xmpExt:City",
    "province": "Iptc4xmpExt:ProvinceState",
    "country": "Iptc4xmpExt:CountryName",
    "country_code": "Iptc4xmpExt:CountryCode",
}


@dataclass
class Found:
    """Every decoded block of one photo, ready to be reconciled."""

    exif: ExifValues | None = None
    iim: IimBlock | None = None
    iim_in_sync: bool = True  # no stored digest, or it matches the IIM: XMP may be preferred
    xmp: dict[str, Any] = field(default_factory=dict)
    sidecar: dict[str, Any] = field(default_factory=dict)


@dataclass
class Reconciled:
    """The outcome: one Sourced per field, conflicts, language alternatives, LocationShown, warnings."""

    fields: dict[str, Sourced] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    alternatives: dict[str, dict[str, str]] = field(default_factory=dict)
    location_shown: dict[str, str] | None = None
    warnings: list[str] = field(default_factory=list)


def reconcile(found: Found) -> Reconciled:
    """Apply the rules to every row of the field table, for the blocks of one photo."""
    result = Reconciled()
    # What each block holds at all: a row none of whose tags is there is passed over without a look.
    exif_names = found.exif.values if found.exif is not None else {}
    iim_keys = found.iim.values if found.iim is not None else {}
    xmp, sidecar = found.xmp, found.sidecar
    xmp_roots = xmp.keys() | sidecar.keys()
    fields, warnings, iim = result.fields, result.warnings, found.iim
    for row in _rows():
        if row.exif_name not in exif_names and row.iim_key not in iim_keys and row.xmp_roots.isdisjoint(xmp_roots):
            continue
        rule = row.rule
        # The value of this field in each block that has one: {"exif": ..., "iptc": ..., "xmp": ..., ...}
        # (written out here rather than in a function of its own: this loop runs for every row of every photo)
        copies: dict[str, Any] = {}
        if row.exif_name is not None:
            value = exif_names.get(row.exif_name)
            if value is not None and (not isinstance(value, str) or value.strip()):
                copies["exif"] = value
        if iim is not None and row.iim_key is not None and (row.iim_always or row.iim_key in iim_keys):
            value = _iim_value(rule, iim)
            if value:
                copies["iptc"] = value
        if row.xmp_paths:
            if xmp:
                value = _xmp_copy(row, xmp)
                if value is not None and value != "" and value != []:
                    copies["xmp"] = value
            if sidecar:
                value = _xmp_copy(row, sidecar)
                if value is not None and value != "" and value != []:
                    copies["sidecar"] = value
        chosen = _choose(rule, copies, found, warnings) if copies else None
        if chosen is None and rule.fallback:
            chosen = _fallback(rule, found)
        if chosen is not None:
            fields[rule.name] = chosen
        if len(copies) > 1 and not _all_equal(copies):  # copies that are equal cannot conflict
            conflict = _conflict(rule, copies)
            if conflict is not None:
                result.conflicts.append(conflict)
        if rule.form == "alt" and chosen is not None and chosen.source in ("xmp", "sidecar"):
            block = sidecar if chosen.source == "sidecar" else xmp
            others = xmp_values.alternatives(block.get(rule.xmp[0]))
            if others:
                result.alternatives[rule.name] = others
    result.location_shown = _location_shown(found, result.fields)
    return result


class _Row:
    """What reconcile needs of one row of the field table, worked out once per table rather than once per
    row of every photo: its tags' names, and how an XMP value of its kind is read."""

    __slots__ = ("rule", "exif_name", "iim_key", "iim_always", "xmp_roots", "xmp_paths", "xmp_read")

    def __init__(self, rule: Field):
        self.rule = rule
        self.exif_name = rule.exif_name
        self.iim_key = rule.iim_key
        self.iim_always = rule.kind == "date"  # a date's IIM copy may come from its time dataset alone
        self.xmp_roots = rule.xmp_roots
        #: (path, whether it steps into a structure) for each XMP path, in order
        self.xmp_paths = tuple((path, "/" in path) for path in rule.xmp)
        self.xmp_read = _XMP_READERS.get(rule.kind, _xmp_degrees_value)


def _xmp_list(raw: Any) -> Any:
    return xmp_values.texts(raw) or None


def _xmp_date(raw: Any) -> Any:
    return xmp_datetime(xmp_values.text(raw))


def _xmp_degrees_value(raw: Any) -> Any:
    return xmp_degrees(xmp_values.text(raw))


#: How an XMP property is read, by the row's kind (degrees for any other, as _xmp_value does).
_XMP_READERS = {"text": xmp_values.text, "country": xmp_values.text, "list": _xmp_list, "people": _xmp_list,
                "date": _xmp_date}

_table_rows: tuple[tuple[Field, ...], tuple[_Row, ...]] | None = None


def _rows() -> tuple[_Row, ...]:
    """The rows of the current field table (made again when fields.FIELDS has been replaced, as tests do)."""
    global _table_rows
    current = table.FIELDS
    if _table_rows is None or _table_rows[0] is not current:
        _table_rows = (current, tuple(_Row(rule) for rule in current))
    return _table_rows[1]


# -- reading each block's copy ------------------------------------------------------------------------


def _xmp_copy(row: _Row, properties: dict[str, Any]) -> Any:
    """_xmp_value for a row's own paths: the first that holds a non-blank value, read as the row's kind."""
    read = row.xmp_read
    for path, structured in row.xmp_paths:
        raw = lookup(properties, path) if structured else properties.get(path)
        if raw is None:
            continue
        value = read(raw)
        if value is not None:
            return value
    return None


def _iim_value(rule: Field, iim: IimBlock) -> Any:
    """The IIM copy of a field: text, a list (keywords, by-lines) or an ISO date from its date and time datasets."""
    key = rule.iim_key
    values = [text for v in (iim.values.get(key, ()) if key else ()) if (text := v.strip())]
    if rule.kind == "date":
        return iim_datetime(values[0] if values else None, iim.first(rule.iim[1].key) if len(rule.iim) > 1 else None)
    if rule.kind in ("list", "people"):
        return values or None
    return values[0] if values else None


def _xmp_value(rule: Field, properties: dict[str, Any], paths: tuple[str, ...] | None = None) -> Any:
    """The XMP copy of a field: the first of the rule's property paths (or of ``paths``) that holds a non-blank
    value."""
    for path in rule.xmp if paths is None else paths:
        raw = properties.get(path) if "/" not in path else lookup(properties, path)
        if raw is None:
            continue
        if rule.kind in ("text", "country"):
            value: Any = xmp_values.text(raw)
        elif rule.kind in ("list", "people"):
            value = xmp_values.texts(raw) or None
        elif rule.kind == "date":
            value = xmp_datetime(xmp_values.text(raw))
        else:  # degrees
            value = xmp_degrees(xmp_values.text(raw))
        if value is not None:
            return value
    return None


def lookup(properties: dict[str, Any], path: str) -> Any:
    """Follow "a:B/c:D" through structures, taking the first item of any array on the way."""
    if "/" not in path:
        return properties.get(path)
    value: Any = properties
    for step in path.split("/"):
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


# -- choosing ----------------------------------------------------------------------------------------


def _choose(rule: Field, copies: dict[str, Any], found: Found, warnings: list[str]) -> Sourced | None:
    """Pick one copy by the order documented above: the sidecar, then MWG's."""
    if "sidecar" in copies and rule.sidecar:
        return _sourced(rule, copies["sidecar"], "sidecar")
    if "exif" in copies:
        return _sourced(rule, copies["exif"], "exif")
    xmp_source = "sidecar" if "sidecar" in copies else ("xmp" if "xmp" in copies else None)
    if "iptc" not in copies and xmp_source is None:
        return None
    if not rule.iim or found.iim is None or found.iim_in_sync:
        if xmp_source is not None:
            return _sourced(rule, copies[xmp_source], xmp_source)
        return _sourced(rule, copies["iptc"], "iptc")
    if "iptc" not in copies:
        warnings.append(
            f"{rule.name}: the XMP value is not used because the IIM was changed after the XMP "
            "was written (IPTC digest differs) and the IIM has no value"
        )
        return None
    iim_value = copies["iptc"]
    if xmp_source is not None and _is_truncated_copy(rule, found.iim, copies["iptc"], copies[xmp_source]):
        return _sourced(rule, copies[xmp_source], xmp_source)
    return _sourced(rule, iim_value, "iptc")


def _fallback(rule: Field, found: Found) -> Sourced | None:
    """The first of the row's fallback paths with a value: in the sidecar, then in the embedded XMP where the
    IPTC digest lets XMP be used (rule 4)."""
    blocks = [("sidecar", found.sidecar)]
    if found.iim is None or found.iim_in_sync:
        blocks.append(("xmp", found.xmp))
    for source, properties in blocks:
        if properties:
            value = _xmp_value(rule, properties, rule.fallback)
            if value is not None and value != "" and value != []:
                return _sourced(rule, value, source)
    return None


def _sourced(rule: Field, value: Any, source: str) -> Sourced:
    """Wrap a value, joining people into one string ("A; B")."""
    if rule.kind == "people" and isinstance(value, list):
        value = "; ".join(value)
    return Sourced(value, source)


def _is_truncated_copy(rule: Field, iim: IimBlock, iim_value: Any, xmp_value: Any) -> bool:
    """True when the IIM value is the XMP value cut at the IIM length limit (every item, for lists)."""
    if rule.limit is None:
        return False
    if isinstance(iim_value, list):
        xmp_items = xmp_value if isinstance(xmp_value, list) else [xmp_value]
        return (
            len(xmp_items) >= len(iim_value)
            and any(_truncated(rule.limit, i, x) for i, x in zip(iim_value, xmp_items))
            and all(i == x or _truncated(rule.limit, i, x) for i, x in zip(iim_value, xmp_items))
        )
    return isinstance(xmp_value, str) and _truncated(rule.limit, iim_value, xmp_value)


def _truncated(limit: int, iim_text: str, xmp_text: str) -> bool:
    """An IIM text of ``limit`` octets (as UTF-8; or characters, as some writers count) that the longer XMP text
    starts with; or one cut short of the limit on a character boundary, where the next character would not fit
    (a Chinese caption cut at 2,000 octets ends at 1,998 or 1,999, as `catalog write` and ExifTool cut it)."""
    if len(xmp_text) <= len(iim_text) or not xmp_text.startswith(iim_text):
        return False
    octets = len(iim_text.encode("utf-8"))
    return limit in (octets, len(iim_text)) or octets + len(xmp_text[len(iim_text)].encode("utf-8")) > limit


# -- conflicts ---------------------------------------------------------------------------------------


def _all_equal(copies: dict[str, Any]) -> bool:
    """Whether every copy equals the first (nearly every field of nearly every photo): _conflict's first test,
    without its call and list."""
    values = iter(copies.values())
    first = next(values)
    for value in values:
        if value != first:
            return False
    return True


def _conflict(rule: Field, copies: dict[str, Any]) -> Conflict | None:
    """A Conflict when two copies disagree (after trimming; dates compared at the shorter precision)."""
    if len(copies) < 2:
        return None
    values = list(copies.values())
    if all(value == values[0] for value in values[1:]):  # the usual case, and every kind agrees with itself
        return None
    if all(_agree(rule, a, b) for i, a in enumerate(values) for b in values[i + 1 :]):
        return None
    return Conflict(
        rule.name, tuple((source, _sourced(rule, v, source).value) for source, v in copies.items())
    )


def _agree(rule: Field, a: Any, b: Any) -> bool:
    """Whether two copies say the same thing."""
    if rule.kind == "degrees":
        return math.isclose(a, b, abs_tol=1e-5)
    if rule.kind == "date":
        return a.startswith(b) or b.startswith(a)
    if rule.kind in ("list", "people"):
        left = a if isinstance(a, list) else _split_people(a)
        right = b if isinstance(b, list) else _split_people(b)
        if rule.kind == "list":
            return sorted(left) == sorted(right) or _truncated_list(rule, left, right)
        return left == right or _truncated_list(rule, left, right)
    if rule.kind == "country" and a != b:
        return _country_alpha2(a) == _country_alpha2(b) is not None
    return a == b or (
        rule.limit is not None and (_truncated(rule.limit, a, b) or _truncated(rule.limit, b, a))
    )


@functools.cache
def _country_alpha2(code: str) -> str | None:
    """IIM 2:100 holds ISO 3166-1 alpha-3 (CHN) where XMP holds alpha-2 (CN): the same country, no conflict.

    >>> _country_alpha2("CHN"), _country_alpha2("cn"), _country_alpha2("XYZ")
    ('CN', 'CN', None)
    """
    from catalog.metadata.countries import by_code

    code = code.strip().upper()
    return by_code().get(code) if len(code) in (2, 3) else None


def _truncated_list(rule: Field, left: list[str], right: list[str]) -> bool:
    """Lists equal but for items cut at the IIM limit."""
    limit = rule.limit or 0
    return len(left) == len(right) and all(
        x == y or _truncated(limit, x, y) or _truncated(limit, y, x) for x, y in zip(left, right)
    )


def _split_people(text: str) -> list[str]:
    """EXIF Artist holds several names separated by "; " (the MWG convention)."""
    return [name.strip() for name in text.split(";") if name.strip()]


# -- LocationShown -----------------------------------------------------------------------------------


def _location_shown(found: Found, fields: dict[str, Sourced]) -> dict[str, str] | None:
    """The first LocationShown (sidecar first), when it says something the location fields do not."""
    for properties in (found.sidecar, found.xmp):
        shown = lookup(properties, LOCATION_SHOWN)
        if isinstance(shown, list):
            shown = shown[0] if shown else None
        if not isinstance(shown, dict):
            continue
        place = {key: text for key, name in SHOWN_FIELDS.items() if (text := xmp_values.text(shown.get(name)))}
        if place and any(
            fields.get(key) is None or fields[key].value != value for key, value in place.items()
        ):
            return place
        return None
    return None


# -- dates and degrees -------------------------------------------------------------------------------

XMP_DATE = compiled(
    r"^(\d{4})(?:[-:](\d{2})(?:[-:](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?"
    r"\s*(Z|[-+]\d{2}:?\d{2})?)?)?)?\s*$"
)


def xmp_datetime(text: str | None) -> str | None:
    """An XMP date at its own precision, as ISO 8601 with seconds when a time is given.

    >>> xmp_datetime("2025"), xmp_datetime("2025-10"), xmp_datetime("2025-10-14T10:05+08:00")
    ('2025', '2025-10', '2025-10-14T10:05:00+08:00')
    >>> xmp_datetime("2025-10-14T02:05:00Z")
    '2025-10-14T02:05:00+00:00'
    """
    if not text:
        return None
    match = XMP_DATE.match(text.strip())
    if not match or int(match[1]) == 0:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if month is None or month == "00":
        return year
    if day is None or day == "00":
        return f"{year}-{month}"
    iso = f"{year}-{month}-{day}"
    if hour is None:
        return iso
    iso += f"T{hour}:{minute}:{second or '00'}{fraction or ''}"
    if zone:
        iso += "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    return iso


def iim_datetime(date: str | None, time: str | None) -> str | None:
    """IIM 2:55 (CCYYMMDD, "00" for unknown month or day) and 2:60 (HHMMSS±HHMM) as ISO 8601.

    >>> iim_datetime("20251014", "100500+0800")
    '2025-10-14T10:05:00+08:00'
    >>> iim_datetime("20251000", None)
    '2025-10'
    """
    if not date:
        return None
    digits = re.sub(r"[^0-9]", "", date)
    if len(digits) != 8 or digits[:4] == "0000":
        return None
    year, month, day = digits[:4], digits[4:6], digits[6:8]
    if month == "00":
        return year
    if day == "00":
        return f"{year}-{month}"
    iso = f"{year}-{month}-{day}"
    clock = re.match(r"^\s*(\d{2}):?(\d{2}):?(\d{2})?\s*([-+]\d{2}:?\d{2})?", time or "")
    if clock:
        iso += f"T{clock[1]}:{clock[2]}:{clock[3] or '00'}"
        if clock[4]:
            iso += f"{clock[4][:3]}:{clock[4][-2:]}"
    return iso


XMP_DEGREES = compiled(r"^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEWnsew])\s*$")


def xmp_degrees(text: str | None) -> float | None:
    """XMP GPS coordinates ("DDD,MM.mmk" or "DDD,MM,SSk") as signed decimal degrees.

    >>> xmp_degrees("33,51.9S")
    -33.865
    """
    if not text:
        return None
    match = XMP_DEGREES.match(text)
    if not match:
        return None
    degrees = sum(float(part) / 60**i for i, part in enumerate(match.groups()[:3]) if part is not None)
    if degrees > 180:
        return None
    return -degrees if match[4].upper() in "SW" else degrees
