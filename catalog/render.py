"""Photos as the JSON contract, CSV rows, readable tables and templates: the shapes output takes.

The JSON contract (scripts depend on it): every key always present, null when unknown.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from datetime import date
from operator import add, itemgetter
from typing import TYPE_CHECKING, Any, cast

from catalog.dates import precision, span

if TYPE_CHECKING:
    from catalog.models import Photo


def photo_json(photo: Photo) -> dict[str, Any]:
    """One photo as the documented JSON object."""
    from catalog.rights import provenance_json  # here: a table of photos needs no provenance

    return {
        "id": photo.id,
        "path": photo.path,
        "fingerprint": photo.fingerprint,
        "format": photo.format,
        "width": photo.width,
        "height": photo.height,
        **_display_size(photo),
        "size": photo.size,
        "caption": photo.caption,
        "headline": photo.headline,
        "credit": {
            "line": photo.credit_line,
            "photographer": photo.photographer,
            "agency": photo.agency,
            "provider": photo.provider,
            "source": photo.source,
            "copyright": photo.copyright,
        },
        "taken": photo.taken,
        "taken_inferred": bool(photo.taken_inferred),
        "released": photo.released,
        "location": {
            "sublocation": photo.sublocation,
            "city": photo.city,
            "province": photo.province,
            "country": photo.country,
            "country_code": photo.country_code,
            "lat": _degrees(photo.lat),
            "lon": _degrees(photo.lon),
            "approximate": bool(photo.location_approx) if photo.lat is not None else None,
        },
        "place": photo.place,
        "location_shown": photo.location_shown,
        "keywords": list(photo.keywords or []),
        "camera": {"make": photo.make, "model": photo.model},
        "sources": dict(photo.sources or {}),
        "conflicts": list(photo.conflicts or []),
        "missing": photo.missing_since is not None,
        "damaged": bool(photo.damaged),
        "damage": (photo.extra or {}).get("damage") if photo.damaged else None,
        "restrictions": list(photo.restrictions or []),
        "provenance": provenance_json(photo),
        #: Copies of the same picture (catalog.variants): {"group": id, "of": photos in it, "best": the id of
        #: the copy to run}, or None when the catalogue holds no other copy (or has not compared it yet).
        "variants": getattr(photo, "variant_info", None),
    }


def _display_size(photo: Photo) -> dict[str, int | None]:
    """The size shown upright (EXIF Orientation, HEIF rotation and crop), beside the stored width and height."""
    turned = (photo.extra or {}).get("display_size")
    width, height = turned if turned else (photo.width, photo.height)
    return {"display_width": width, "display_height": height}


def _degrees(value: float | None) -> float | None:
    """Coordinates to 7 decimals (about a centimetre): what GPS can tell, without float noise."""
    return None if value is None else round(value, 7)


#: How each block a value can come from (the keys of `sources`) is named to a person.
SOURCE_NAMES = {
    "exif": "EXIF", "iptc": "IPTC", "xmp": "XMP", "sidecar": "XMP sidecar", "caption": "caption",
    "gazetteer": "gazetteer", "manual": "by hand", "linked": "linked from an article", "file": "file",
    "gps": "GPS",
}


def photo_fields(record: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """Every known field of a photo (its JSON record) as (name, value, where it came from), in reading order:
    what `catalog show` prints and the photo page shows. Unknown fields are left out."""
    sources = record["sources"]
    credit, location, camera = record["credit"], record["location"], record["camera"]
    size = f"{record['width']}×{record['height']}" if record["width"] else ""
    described = " ".join(str(v) for v in (record["format"], size) if v)
    if record["size"] is not None:
        described += f", {record['size']:,} bytes"
    inferred = " (year inferred)" if record["taken_inferred"] else ""
    state = ["missing: the file was not there at the last import" if record["missing"] else "",
             f"damaged: {record.get('damage') or 'the image data is cut short'}" if record["damaged"] else ""]
    rows = [
        ("state", "; ".join(s for s in state if s), None),
        ("format", described, "file"),
        ("caption", _caption_shown(record), "caption"),
        ("headline", record["headline"], "headline"),
        ("credit line", credit["line"], "credit.line"),
        ("photographer", credit["photographer"], "credit.photographer"),
        ("agency", credit["agency"], "credit.agency"),
        ("provider", credit["provider"], "credit.provider"),
        ("source", credit["source"], "credit.source"),
        ("copyright", credit["copyright"], "credit.copyright"),
        ("taken", taken_text(record["taken"]) + inferred if record["taken"] else None, "taken"),
        ("released", date_text(record["released"]), "released"),
    ]
    for level in ("sublocation", "city", "province", "country", "country_code"):
        rows.append((level.replace("_", " "), location[level], f"location.{level}"))
    if location["lat"] is not None:
        approx = " (approximate: the gazetteer's point for the place)" if location["approximate"] else ""
        rows.append(("GPS", f"{location['lat']:.6f}, {location['lon']:.6f}{approx}", "location.lat"))
    place = record.get("place")
    if place:
        rows.append(("place", place_summary(place), "place"))
        sources = {**sources, "place": place.get("how")}
    if record["location_shown"]:
        rows.append(("shows", ", ".join(str(v) for v in record["location_shown"].values() if v), "location_shown"))
    rows.append(("keywords", "; ".join(record["keywords"]), "keywords"))
    rows.append(("camera", " ".join(v for v in (camera["make"], camera["model"]) if v), "camera.make"))
    for restriction in record.get("restrictions") or []:
        rows.append(("restriction", restriction_text(restriction), None))
    rows.extend(("provenance", line, None) for line in provenance_lines(record.get("provenance") or {}))
    fields = []
    for name, value, key in rows:
        if value in (None, ""):
            continue
        source = sources.get(key)
        fields.append((name, str(value), SOURCE_NAMES.get(source, source) if source else None))
    return fields


def _caption_shown(record: dict[str, Any]) -> str | None:
    """The caption field, marked when the file's text there is no caption ("OLYMPUS DIGITAL CAMERA")."""
    why = record["sources"].get("caption.not_a_caption")
    caption = record["caption"]
    return f"{caption}  (not a caption: {why})" if caption and why else caption


def restriction_text(restriction: dict[str, Any]) -> str:
    """One restriction as `show` prints it: its kind, what it names, and the words it was read from.

    >>> restriction_text({"kind": "region_out", "text": "JAPAN OUT", "until": None, "region": "JAPAN",
    ...                   "source": "instructions"})
    'region_out (JAPAN): "JAPAN OUT" [instructions]'
    """
    kind = restriction["kind"] + (f" ({restriction['region']})" if restriction.get("region") else "")
    if restriction.get("until"):
        kind += f" until {restriction['until']}"
    return f'{kind}: "{restriction["text"]}" [{restriction.get("source") or "file"}]'


def provenance_lines(provenance: dict[str, Any]) -> list[str]:
    """Where the picture came from, as `show` prints it: nothing when the file says nothing.

    >>> provenance_lines({"source_type": "trainedAlgorithmicMedia", "ai": True, "c2pa": {"present": False}})
    ['source type: trainedAlgorithmicMedia (made by generative AI or an algorithm)']
    """
    lines = []
    if provenance.get("source_type") or provenance.get("ai") is not None:
        ai = provenance.get("ai")
        said = " (made by generative AI or an algorithm)" if ai is True else " (a capture)" if ai is False else ""
        lines.append(f"source type: {provenance.get('source_type') or 'not stated'}{said}")
    c2pa = provenance.get("c2pa") or {}
    if c2pa.get("present"):
        valid = c2pa.get("valid")
        verdict = "valid" if valid is True else "INVALID" if valid is False else "not checkable"
        parts = [f"C2PA Content Credentials: {verdict}"]
        if c2pa.get("issuer"):
            parts.append(f"signed by {c2pa['issuer']}")
        if c2pa.get("generator"):
            parts.append(f"made with {c2pa['generator']}")
        unchecked = c2pa.get("errors") and c2pa.get("valid") is not True
        lines.append(", ".join(parts) + (f" ({c2pa['errors'][0]})" if unchecked else ""))
    for key, value in (provenance.get("ai_fields") or {}).items():
        lines.append(f"{key.replace('_', ' ')}: {value}")
    return lines


def place_summary(place: dict[str, Any]) -> str:
    """A place entity as `show` prints it: its levels, its id and codes, and how near it is.

    >>> place_summary({"id": "1791247", "city": "Wuhan", "province": "Hubei", "province_code": "CN-HB",
    ...                "country": "China", "country_code": "CN", "how": "gps", "approximate": True,
    ...                "distance_km": 3.28})
    'Wuhan, Hubei, China (id 1791247, CN-HB, CN; reverse geocoded, 3.3 km from the GPS point)'
    """
    from catalog.entities import place_label

    codes = [f"id {place['id']}"] + [place[k] for k in ("province_code", "country_code")
                                     if place.get(k) and place.get(k) != place.get("id")]
    notes = []
    if place.get("how") == "gps":
        notes.append("reverse geocoded")
    elif place.get("approximate"):
        notes.append("approximate: the gazetteer knows only a larger place")
    if place.get("distance_km") is not None:
        notes.append(f"{place['distance_km']:,.1f} km from the GPS point")
    where = place.get("sublocation")
    label = ", ".join(part for part in (where, place_label(place)) if part)
    return f"{label} ({', '.join(codes)}" + (f"; {', '.join(notes)})" if notes else ")")


def copy_text(value: Any) -> str:
    """One copy of a disagreeing field, as a person reads it: a list as 'a; b'."""
    return "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


CSV_COLUMNS = (
    "id", "path", "taken", "released", "caption", "headline", "credit.line", "credit.photographer",
    "credit.agency", "credit.provider", "credit.source", "credit.copyright", "location.sublocation",
    "location.city", "location.province", "location.country", "location.country_code", "location.lat",
    "location.lon", "location.approximate", "keywords", "camera.make", "camera.model", "format", "width", "height",
    "size", "fingerprint",
)


def lookup(record: dict[str, Any], dotted: str, missing: Any = None) -> Any:
    """`credit.line` -> record["credit"]["line"]; `missing` when any step is missing."""
    value: Any = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return missing
        value = value[part]
    return value


def to_csv(records: list[dict[str, Any]], columns=CSV_COLUMNS) -> str:
    """Records as CSV, one column per dotted name; lists joined with "; " (see csv_text)."""
    rows = []
    for record in records:
        row = []
        for column in columns:
            value = lookup(record, column)
            row.append("; ".join(str(v) for v in value) if isinstance(value, list) else value)
        rows.append(row)
    return csv_text(columns, rows)


#: What a spreadsheet reads as a formula when a cell starts with it (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(header, rows) -> str:
    """CSV for spreadsheets, safely: every text cell that starts like a formula gets a leading ' so that
    Excel, LibreOffice and Google Sheets show it as text instead of running it (a caption that starts
    "=HYPERLINK(...)" stays words). Numbers are left alone, so a longitude of -122.7 is still a number.

    >>> print(csv_text(["caption", "lon"], [["=HYPERLINK('http://x')", -122.7], ["@SUM(A1)", None]]), end="")
    caption,lon
    '=HYPERLINK('http://x'),-122.7
    '@SUM(A1),
    """
    import csv  # here: only the csv format needs it, not every search's table
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else _safe_cell(cell) for cell in row])
    return out.getvalue()


def _safe_cell(cell: Any) -> Any:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


_FIELD = re.compile(r"\{([a-z_][a-z_.]*)\}")


def render_template(template: str, record: dict[str, Any]) -> str:
    """ExifTool `-p`-style templates with the JSON contract's names: '{taken} {location.city}: {credit.line}'.

    Unknown values print as empty; `{{` and `}}` are literal braces; `\\t` and `\\n` are a tab and a newline.
    """
    def replace(match: re.Match) -> str:
        value = lookup(record, match[1])
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return "" if value is None else str(value)

    template = template.replace("\\t", "\t").replace("\\n", "\n")
    parts = template.split("{{")
    rendered = "{".join(_FIELD.sub(replace, part).replace("}}", "}") for part in parts)
    return rendered


def check_template(template: str, extra: Iterable[str] = ()) -> list[str]:
    """The field names a template uses that the JSON contract (plus the command's `extra` keys) does not have.

    >>> check_template("{taken} {location.city}: {credit.line}"), check_template("{location.town} {dpi}")
    ([], ['location.town', 'dpi'])
    """
    sample = photo_json(cast("Photo", _Blank(sources={}, keywords=[])))
    sample.update({name: None for name in extra})
    unknown = []
    for name in _FIELD.findall(template.replace("{{", "").replace("}}", "")):
        if not _has_path(sample, name) and not (name.split(".")[0] in ("sources",) and "." in name):
            unknown.append(name)
    return unknown


_MISSING = object()


class _Blank:
    """A photo that knows nothing (every attribute None but those given): the JSON contract's every key, for
    check_template, without importing the models."""

    def __init__(self, **known: Any):
        self.__dict__.update(known)

    def __getattr__(self, name: str) -> None:
        return None


def _has_path(record: dict, dotted: str) -> bool:
    return lookup(record, dotted, _MISSING) is not _MISSING


def match_notes(query, photo: Photo) -> list[str]:
    """Why a photo matched loosely: its date is known less precisely than the query's, or a place name it
    was found by means more than one place.

    A photo dated "2025-10" matches taken:2025-10-14 (the month holds that day) but may have been taken on
    another day; the note says so. `in:Georgia` finds photos in the country and in the US state; the note
    says so, and which of them the photo is in. Exact matches give no note.
    """
    notes = place_notes(query, photo)
    for term in getattr(query, "terms", ()):
        column = getattr(term, "column", None)
        if column not in ("taken", "released") or term.negated or not hasattr(term, "start"):
            continue
        stored = getattr(photo, column)
        first, last = span(stored)
        if first is None:
            continue
        inside = (term.start is None or first >= term.start) and (term.end is None or last <= term.end)
        if not inside:
            wanted = term.start if term.start == term.end else f"{term.start or '…'}..{term.end or '…'}"
            notes.append(
                f"{column} {stored} is known only to the {precision(stored)}: it overlaps {wanted} "
                "but may fall outside it"
            )
    return notes


def unknown_place_notes(query) -> list[str]:
    """Why a search with no match may have found nothing: a place term whose name the gazetteer does not know
    ("in:Narnia", "country:Atlantis") is looked for only as written in the photos' place fields, where `near:`
    refuses such a name. Said beside "No photos match." so a typo is not taken for an empty catalogue."""
    notes = []
    for term in getattr(query, "terms", ()):
        if term.negated or not getattr(term, "unknown", None):
            continue
        field = term.text.lstrip("-").split(":", 1)[0].lower()
        kind = field if field in ("city", "province", "state", "country") else "place"
        for name, elsewhere in term.unknown:
            hint = f" ({name} is another kind of place: in:{name} finds it at any level)" if elsewhere else ""
            notes.append(f"{term.text}: the gazetteer knows no {kind} called {name}, so it was looked for only as "
                         f"written in the photos' place fields{hint}")
    return notes


def may_note(query) -> bool:
    """Whether `match_notes` can note anything for some photo of this query: it has a date term, or a place name
    that means several places. A table of thousands of photos (`search in:Gansu`) asks per photo only then."""
    return any(not term.negated and (getattr(term, "meanings", None) or (
        getattr(term, "column", None) in ("taken", "released") and hasattr(term, "start")))
        for term in getattr(query, "terms", ()))


def place_notes(query, photo: Photo) -> list[str]:
    """The notes of place terms whose name means several places: "in:Georgia means Georgia (country) or
    Georgia, United States: this photo is in Georgia, United States"."""
    notes: list[str] = []
    held: set[str] | None = None  # the photo's place, read for the first such term
    for term in getattr(query, "terms", ()):
        meanings = getattr(term, "meanings", None)
        if not meanings or term.negated:
            continue
        if held is None:
            place = photo.place or {}
            held = {f"country:{place.get('country_code')}", f"province:{place.get('province_code')}",
                    f"city:{place.get('id')}"}
        field = term.text.lstrip("-").split(":", 1)[0]
        for typed in dict.fromkeys(typed for typed, _, _ in meanings):
            options = [(key, label) for said, key, label in meanings if said == typed]
            note = f"{field}:{typed} means {' or '.join(label for _, label in options)}"
            found = [label for key, label in options if key in held]
            notes.append(note + (f": this photo is in {found[0]}" if found else ""))
    return notes


def place_text(photo: Photo) -> str:
    parts = (photo.sublocation, photo.city, photo.province, photo.country)
    return ", ".join(filter(None, parts))


def place_texts(*levels: list[str | None]) -> list[str]:
    """place_text of many photos, given as columns (each a list of one level's names, widest last): each
    distinct place is written once.

    >>> place_texts(["Lanzhou", None], ["Gansu", "Gansu"], ["China", "China"])
    ['Lanzhou, Gansu, China', 'Gansu, China']
    """
    places = list(zip(*levels, strict=True))
    texts = {place: ", ".join(filter(None, place)) for place in set(places)}
    return list(map(texts.__getitem__, places))


def date_text(value: str | None) -> str:
    """The stored date with a note when it is less precise than a day, or when it names no real day.

    >>> date_text("2025-10"), date_text("2025-02-30")
    ('2025-10 (month)', '2025-02-30 (no such date)')
    """
    if not value:
        return ""
    kind = precision(value)
    if kind is None:  # malformed, or a day the calendar does not have: shown as stored, and said so
        return f"{value} (no such date)"
    return value if kind in ("day", "time") else f"{value} ({kind})"


_OFFSET = re.compile(r"(Z|[+-]\d\d:?\d\d)$")
#: The usual shape of a stored date and time (2025-10-14T10:32:07+08:00), read in three parts, each checked by its
#: own expression: the day (always ten characters), the hour and minute (six), the seconds and the offset. A column
#: of thousands of dates has far fewer distinct days, minutes and offsets than values (taken_texts).
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MINUTE = re.compile(r"T\d\d:\d\d")
_SECONDS_AND_OFFSET = re.compile(r"(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")


def taken_text(value: str | None) -> str:
    """A date as every command shows it: the day, the time to the minute when known, in the photo's own offset;
    a date known only to the month or year says so.

    >>> taken_text("2025-10-14T10:32:07+08:00"), taken_text("2025-10-14 10:32"), taken_text("2025-10")
    ('2025-10-14 10:32 +08:00', '2025-10-14 10:32', '2025-10 (month)')
    """
    if value and _real_day(value[:10]) and _MINUTE.fullmatch(value[10:16]):
        zone = _zone(value[16:])
        if zone is not None:  # the usual shape: what the lines below make of it
            return f"{value[:10]} {value[11:16]}{zone}"
    if not value or precision(value) != "time":
        return date_text(value)
    day, _, clock = value.replace(" ", "T", 1).partition("T")
    offset = _OFFSET.search(clock)
    zone = ""
    if offset:
        clock = clock[: offset.start()]
        zone = " UTC" if offset[1] == "Z" else f" {offset[1][:3]}:{offset[1][-2:]}"
    return f"{day} {clock[:5]}{zone}"


def taken_texts(values: list[str | None]) -> list[str]:
    """taken_text of each value, for a table of thousands of photos: the values are cut into the three parts of
    the usual shape, each distinct part is checked and written once (in:Gansu: 6,884 dates; 3,100 days, 1,400
    minutes of the day, a few seconds and offsets), and the parts joined again column-wise; a value of another
    shape, or of a day that does not exist, goes through taken_text.

    >>> taken_texts(["2025-10-14T10:32:07+08:00", "2025-10", None, "2025-02-30T10:32:07+0800"])
    ['2025-10-14 10:32 +08:00', '2025-10 (month)', '', '2025-02-30T10:32:07+0800 (no such date)']
    """
    stored = [value or "" for value in values]
    days, minutes, rests = (list(map(itemgetter(part), stored)) for part in _PARTS)
    # Each distinct part as shown; "\0" for one not of the usual shape, found below in the joined text.
    day_shown = {day: day if _real_day(day) else "\0" for day in set(days)}
    minute_shown = {minute: " " + minute[1:] if _MINUTE.fullmatch(minute) else "\0" for minute in set(minutes)}
    zone_shown = {rest: "\0" if (zone := _zone(rest)) is None else zone for rest in set(rests)}
    texts = map(add, map(add, map(day_shown.__getitem__, days), map(minute_shown.__getitem__, minutes)),
                map(zone_shown.__getitem__, rests))
    other: dict[str | None, str] = {}  # each distinct value of another shape through taken_text once (2016-01)
    return [text if "\0" not in text else other[value] if value in other else other.setdefault(value, taken_text(value))
            for text, value in zip(texts, values)]


#: The three parts of a stored date and time of the usual shape, as slices: day, hour and minute, the rest.
_PARTS = (slice(0, 10), slice(10, 16), slice(16, None))


def _real_day(day: str) -> bool:
    """Whether `day` is a day of the calendar written as 2025-10-14."""
    if day[4:5] == day[7:8] == "-":  # of ten characters, date.fromisoformat reads only this shape, in ASCII digits
        try:
            date.fromisoformat(day)
        except ValueError:
            pass  # another shape, other digits, or no such day: read below
        else:
            return True
    match = _DAY.fullmatch(day)
    if match is None:
        return False
    try:
        date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return False
    return True


def _zone(rest: str) -> str | None:
    """The offset as shown (" +08:00", " UTC", "" for none) of what follows the minute in the usual shape
    (":07+0800"); None for another shape."""
    match = _SECONDS_AND_OFFSET.fullmatch(rest)
    if match is None:
        return None
    offset = match[1]
    return "" if offset is None else " UTC" if offset == "Z" else f" {offset[:3]}:{offset[-2:]}"


def terminal_columns(fallback: int) -> int:
    """The terminal's width as shutil.get_terminal_size gives it (COLUMNS when set, else the width of the
    terminal stdout was started on, else `fallback`), without importing shutil, which loads the zlib, bz2 and
    lzma modules for its archives on every search."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or fallback


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table that fits the terminal, long cells cut with an ellipsis."""
    return table_of_columns([list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in headers],
                            headers)


def table_of_columns(columns: list[list[str]], headers: list[str]) -> str:
    """`table` of cells given column by column (each a list of one cell per row), as a table of thousands of
    rows is made (`search in:Gansu`): each step is one pass over a column, and each line one %-format.

    >>> print(table_of_columns([["1", "22"], ["a.jpg", "b.jpg"]], ["id", "file"]))
    id  file
    --  -----
    1   a.jpg
    22  b.jpg
    """
    width = terminal_columns(120)
    widths = [max(len(h), max(map(len, column), default=0)) for h, column in zip(headers, columns, strict=True)]
    budget = max(width - 2 * (len(headers) - 1), 40)
    while sum(widths) > budget:
        widest = widths.index(max(widths))
        if widths[widest] <= 12:
            break
        widths[widest] -= 1

    # The cells longer than their column are cut with "…" (the headers as the first row); a newline inside a cell
    # becomes a space, one for one, so cutting before or after it is the same. Then each line is one %-format of
    # its cells, each padded to its column (as str.ljust).
    columns = [[h, *column] for h, column in zip(headers, columns, strict=True)]
    for index, (column, w) in enumerate(zip(columns, widths, strict=True)):
        if max(map(len, column)) > w:
            short = max(w - 1, 0)
            column = columns[index] = [cell if len(cell) <= w else cell[:short] + "…" for cell in column]
        if "\n" in "".join(column):
            columns[index] = [cell.replace("\n", " ") for cell in column]
    line = "  ".join(f"%-{w}s" for w in widths)
    lines = list(map(str.rstrip, map(line.__mod__, zip(*columns))))
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def snippet_of(photo: Photo, words: list[str], size: int = 60) -> str:
    """The words in context: from the caption, else the headline, title or keywords that hold one of them."""
    from catalog.place_keys import fold  # not catalog.places: it loads the whole gazetteer module

    texts = [photo.caption, photo.headline, photo.title, "; ".join(photo.keywords or []) or None]
    for text in texts:
        if text and any(word in fold(text) for word in words):
            return snippet(text, words, size)
    return snippet(photo.caption, words, size)


def snippet(caption: str | None, words: list[str], size: int = 60) -> str:
    """The caption around its first matching word, the words marked with [brackets]."""
    if not caption:
        return ""
    from catalog.place_keys import fold  # not catalog.places: it loads the whole gazetteer module

    folded = fold(caption)
    if len(folded) != len(caption):  # folding changed lengths (rare ligatures): fall back to the start
        folded = caption.lower()
    first = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    start = max(0, first - size // 3)
    end = min(len(caption), start + size)
    piece = caption[start:end]
    folded_piece = folded[start:end]
    marks = []
    for word in words:
        for match in re.finditer(r"\b" + re.escape(word) + r"\w*", folded_piece):
            marks.append((match.start(), match.end()))
    for begin, finish in sorted(marks, reverse=True):
        piece = piece[:begin] + "[" + piece[begin:finish] + "]" + piece[finish:]
    return ("…" if start else "") + piece + ("…" if end < len(caption) else "")
