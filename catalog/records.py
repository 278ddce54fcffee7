"""From what a file says to one catalogue record: embedded fields first, then the caption, then the gazetteer.

The precedence, field by field (each value keeps its source):

| field                      | first                          | then                           | then            |
|----------------------------|--------------------------------|--------------------------------|-----------------|
| caption                    | a caption given by hand/file   | embedded (EXIF/IPTC/XMP)       |                 |
| photographer               | embedded creator / by-line     | caption credit                 |                 |
| credit line                | embedded credit               | caption credit as written      |                 |
| agency, provider           | caption credit                 | embedded credit (known agency) |                 |
| taken                      | embedded date                  | caption date (kind "taken")    | year inferred   |
| released                   | caption date (kind "released") |                                |                 |
| sublocation..country       | embedded place (any level)     | caption place                  | gazetteer fills |
| lat, lon                   | GPS                            | gazetteer (marked approximate) |                 |

"Year inferred": a caption date without a year ("Oct. 14") takes the year of the embedded date when that
date is less precise than a day; the record is then marked ``taken_inferred``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from catalog.dates import MONTHS, span
from catalog.metadata.types import PhotoMetadata
from catalog.places import fold, get_gazetteer

if TYPE_CHECKING:
    from catalog.captions import CaptionFacts

PLACE_LEVELS = ("sublocation", "city", "province", "country", "country_code")

#: Columns a record fills, beyond the file's own facts.
TEXT_FIELDS = ("caption", "headline", "title", "source", "copyright", "make", "model")


@dataclass(frozen=True)
class CaptionInput:
    """A caption that does not come from the file itself: typed by hand, or from a captions file."""

    text: str
    source: str = "manual"


def build_record(meta: PhotoMetadata, caption: CaptionInput | None = None, rules=None) -> dict[str, Any]:
    """The column values of one Photo (without path/size/mtime/fingerprint), with `sources`; its place names
    are `place_names(record)`."""
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def put(column: str, value: Any, source: str, key: str | None = None) -> None:
        if value is None or value == "" or value == []:
            return
        values[column] = value
        sources[key or column] = source

    for name in TEXT_FIELDS:
        found = meta.fields.get(name)
        if found:
            put(name, found.value, found.source)
    if caption is not None and caption.text.strip():
        put("caption", caption.text.strip(), caption.source)

    # Imported here, not at the top: the parser compiles its patterns on import, and `catalog search`
    # (which imports this module through the Library) never parses a caption.
    from catalog.captions import parse

    # What the caption is read for, it is read for: its place only when the file states none (see _place),
    # its dates only when the file has no date to the day, or the caption may hold a release date.
    facts = None
    if values.get("caption"):
        from catalog.captions.dates import may_give_release_date

        places = not any(level in meta.fields for level in PLACE_LEVELS)
        taken = meta.value("taken")
        dates = places or not taken or len(taken) < 10 or may_give_release_date(values["caption"])
        facts = parse(values["caption"], rules, places=places, dates=dates)
    _credit(meta, facts, values, sources, put, rules)
    _dates(meta, facts, values, sources, put)
    _place(meta, facts, values, sources, put)

    keywords = meta.value("keywords")
    if keywords:
        put("keywords", list(keywords), meta.fields["keywords"].source)

    values["format"] = meta.format
    values["width"] = meta.width
    values["height"] = meta.height
    values["location_shown"] = meta.location_shown
    values["conflicts"] = [{"field": c.field, "copies": [list(copy) for copy in c.copies]} for c in meta.conflicts] or None
    values["has_conflicts"] = bool(meta.conflicts)
    extra = {}
    if meta.alternatives:
        extra["alternatives"] = meta.alternatives
    if meta.iim_charset:
        extra["iim_charset"] = meta.iim_charset
    if meta.warnings:
        extra["warnings"] = meta.warnings
    values["extra"] = extra or None
    values["sources"] = sources
    values["photographer_key"] = fold(values["photographer"]) if values.get("photographer") else None
    values["credit_key"] = _folded_join(values, ("photographer", "agency", "provider", "credit_line", "source"))
    values["search_text"] = search_text(values)
    return values


def _credit(meta, facts: CaptionFacts | None, values, sources, put, rules) -> None:
    found = meta.fields.get("photographer")
    if found:
        put("photographer", found.value, found.source, "credit.photographer")
    found = meta.fields.get("credit")
    if found:
        put("credit_line", found.value, found.source, "credit.line")
    if facts is not None:
        credit = facts.credit
        src = sources.get("caption", "caption")
        source = "caption" if src in ("iptc", "xmp", "exif", "sidecar") else src
        if "photographer" not in values:
            put("photographer", credit.photographer, source, "credit.photographer")
        if "credit_line" not in values:
            put("credit_line", credit.raw, source, "credit.line")
        put("agency", credit.agency, source, "credit.agency")
        put("provider", credit.provider, source, "credit.provider")
    if "agency" not in values and "credit_line" in values and rules is not None:
        from catalog.captions import agency_for

        agency = agency_for(values["credit_line"], rules)
        if agency:
            put("agency", agency, sources["credit.line"], "credit.agency")


def _dates(meta, facts: CaptionFacts | None, values, sources, put) -> None:
    found = meta.fields.get("taken")
    if found:
        put("taken", found.value, found.source)
    if facts is None:
        return
    if facts.date and facts.date_kind == "taken" and "taken" not in values:
        put("taken", facts.date, "caption")
    released = facts.released or (facts.date if facts.date_kind == "released" else None)
    put("released", released, "caption")
    if facts.date_text and "taken" in values and len(values["taken"]) < 10:
        inferred = _with_year(facts.date_text, values["taken"][:4])
        if inferred:
            values["taken"] = inferred
            sources["taken"] = "caption"
            values["taken_inferred"] = True


_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([A-Za-z]+)")


def _with_year(date_text: str, year: str) -> str | None:
    """'Oct. 14' + '2025' -> '2025-10-14'; None when the text is not a month and day."""
    match = _MONTH_DAY.search(date_text)
    if not match:
        return None
    month_name, day = (match[1], match[2]) if match[1] else (match[4], match[3])
    month = MONTHS.get(month_name.lower())
    if not month:
        return None
    candidate = f"{year}-{month:02d}-{int(day):02d}"
    return candidate if span(candidate)[0] else None


def _place(meta, facts: CaptionFacts | None, values, sources, put) -> None:
    embedded = {level: meta.fields[level] for level in PLACE_LEVELS if level in meta.fields}
    lat, lon = meta.value("lat"), meta.value("lon")
    if embedded:
        for level, found in embedded.items():
            put(level, found.value, found.source, f"location.{level}")
        resolved = None
        # An embedded place is kept as written; the gazetteer only adds what the file lacks, a country code
        # or coordinates. When it lacks neither, the gazetteer is not asked (loading it takes a second or
        # more in every reader process).
        if "country_code" not in values or lat is None or lon is None:
            resolved = get_gazetteer().resolve(
                values.get("sublocation"), values.get("city"), values.get("province"), values.get("country")
            )
        if resolved and "country_code" not in values and resolved.country_code:
            if not values.get("country") or fold(values["country"]) == fold(resolved.country or ""):
                put("country_code", resolved.country_code, "gazetteer", "location.country_code")
    elif facts is not None:
        stated = facts.location
        resolved = get_gazetteer().resolve(
            stated.sublocation, stated.city, stated.province, stated.country, context=facts.text
        )
        for level in PLACE_LEVELS:
            said = getattr(stated, level, None)
            if said:
                put(level, said if level == "sublocation" else (getattr(resolved, level, None) or said),
                    "caption", f"location.{level}")
            elif resolved is not None and getattr(resolved, level, None):
                put(level, getattr(resolved, level), "gazetteer", f"location.{level}")
    else:
        resolved = None

    if lat is not None and lon is not None:
        put("lat", lat, meta.fields["lat"].source, "location.lat")
        put("lon", lon, meta.fields["lon"].source, "location.lon")
        values["location_approx"] = False
    elif resolved is not None and resolved.lat is not None:
        put("lat", resolved.lat, "gazetteer", "location.lat")
        put("lon", resolved.lon, "gazetteer", "location.lon")
        values["location_approx"] = True
    elif values.get("city"):
        point = _city_point(values["city"])
        if point is not None:
            put("lat", point[0], "gazetteer", "location.lat")
            put("lon", point[1], "gazetteer", "location.lon")
            values["location_approx"] = True


#: Words that make a district, zone or county of a city's name: "Lanzhou New Area" lies by Lanzhou.
_AREA_WORDS = re.compile(
    r"\s+(new area|new district|economic(?: and technological)? development zone|development zone|district|"
    r"county|prefecture|township|town|city)$",
    re.IGNORECASE,
)


def _city_point(city: str) -> tuple[float, float] | None:
    """The gazetteer's point for a city the resolver could not place: as named, or the city an area is named
    after ("Lanzhou New Area" -> Lanzhou). Approximate by nature, and stored as such."""
    gazetteer = get_gazetteer()
    point = gazetteer.locate(city)
    if point is None:
        stem = _AREA_WORDS.sub("", city.strip())
        if stem and stem != city.strip():
            point = gazetteer.locate(stem)
    return point


def search_text(values: dict[str, Any]) -> str:
    """The folded text the full-text index sees: caption, headline, title, credits, keywords, places."""
    parts = [values.get(name) for name in (
        "caption", "headline", "title", "photographer", "credit_line", "agency", "provider", "source",
        "sublocation", "city", "province", "country",
    )]
    parts.extend(values.get("keywords") or [])
    return fold(" ".join(str(part) for part in parts if part))


def place_names(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, level, folded name) rows for the place_name table."""
    rows = [("taken", level, fold(str(values[level]))) for level in PLACE_LEVELS if values.get(level)]
    shown = values.get("location_shown") or {}
    rows.extend(("shown", level, fold(str(shown[level]))) for level in PLACE_LEVELS if shown.get(level))
    return rows


def _folded_join(values: dict[str, Any], names: tuple[str, ...]) -> str | None:
    joined = " | ".join(str(values[name]) for name in names if values.get(name))
    return fold(joined) if joined else None
