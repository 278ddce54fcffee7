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
| place (the entity)         | the stated place, as above     | the GPS point (reverse geocoded)|                |

"Year inferred": a caption date without a year ("Oct. 14") takes the year of the embedded date when that
date is less precise than a day; the record is then marked ``taken_inferred``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from catalog.dates import span, with_year
from catalog.entities import place_group, place_of
from catalog.metadata.types import PhotoMetadata
from catalog.patterns import compiled
from catalog.places import fold, get_gazetteer, resolve_place

if TYPE_CHECKING:
    from catalog.captions import CaptionFacts

PLACE_LEVELS = ("sublocation", "city", "province", "country", "country_code")

#: Columns a record fills from the file's own text fields, and the JSON field path each is known by.
TEXT_FIELDS = {
    "caption": "caption", "headline": "headline", "title": "title", "source": "credit.source",
    "copyright": "credit.copyright", "make": "camera.make", "model": "camera.model",
}

#: The fields a person may set (`catalog set`, `catalog caption`, `catalog link`, --captions), by JSON field
#: path: the column each is kept in, and its kind (text, a list of words, a date, degrees, a country code).
EDITABLE = {
    "caption": ("caption", "text"), "headline": ("headline", "text"), "title": ("title", "text"),
    "credit.line": ("credit_line", "text"), "credit.photographer": ("photographer", "text"),
    "credit.agency": ("agency", "text"), "credit.provider": ("provider", "text"),
    "credit.source": ("source", "text"), "credit.copyright": ("copyright", "text"),
    "taken": ("taken", "date"), "released": ("released", "date"),
    "location.sublocation": ("sublocation", "text"), "location.city": ("city", "text"),
    "location.province": ("province", "text"), "location.country": ("country", "text"),
    "location.country_code": ("country_code", "code"), "location.lat": ("lat", "degrees"),
    "location.lon": ("lon", "degrees"), "keywords": ("keywords", "list"),
}
#: How a person's caption came: typed (`catalog caption`, `catalog set caption=`), from a captions file given to
#: import, or linked from an article (`catalog link`). Each outranks the file the same way.
CAPTION_HOWS = {"hand": "manual", "captions file": "manual", "linked": "linked"}


#: Control characters a caption has no use for (a NUL from a spreadsheet's export, or pasted into a form): dropped
#: from a caption given by hand or linked, and from a captions file as it is read (catalog.captionsfile).
CAPTION_CONTROL = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CaptionInput:
    """A caption that does not come from the file itself: typed by hand, or from a captions file."""

    text: str
    source: str = "manual"

    def __post_init__(self) -> None:
        # Control characters (a NUL pasted into the contact sheet's form, or in an article `link` reads) are
        # dropped, as a captions file's are: PostgreSQL cannot hold a NUL, so the caption could not be saved
        # there, nor a SQLite catalogue holding it copied there (`catalog copy`, refused whole).
        if CAPTION_CONTROL.search(self.text):
            object.__setattr__(self, "text", CAPTION_CONTROL.sub("", self.text))

    def entry(self, at: str) -> dict[str, Any]:
        """The caption as an entry of a record's `manual` values."""
        return {"value": self.text, "at": at, "by": "linked" if self.source == "linked" else "hand"}


def build_record(meta: PhotoMetadata, caption: CaptionInput | None = None, rules=None, *,
                 manual: dict[str, dict] | None = None) -> dict[str, Any]:
    """The column values of one Photo (without path/size/mtime/fingerprint), with `sources`; its place names
    are `place_names(record)`, its place keys and credit tokens those of catalog.entities.

    `manual` holds what a person set, by JSON field path ({"credit.photographer": {"value": "Jane Smith",
    "at": ..., "by": "hand"}}): each such value wins over the file's, and a caption a person set is read
    before the file's own fields (its credit, date and place outrank the embedded ones). Where the file
    says something else, that copy is kept in `conflicts` with "overridden": true, for `catalog show`.
    `caption` is a one-off caption (a CaptionInput), as if set by hand.
    """
    manual = dict(manual or {})
    if caption is not None and caption.text.strip():
        manual["caption"] = CaptionInput(caption.text.strip(), caption.source).entry(
            manual.get("caption", {}).get("at", ""))
    values = _derive(meta, rules, manual)
    if manual:
        values["conflicts"] = (values["conflicts"] or []) + _overridden(_derive(meta, rules, {}), values) or None
    values["manual"] = manual or None
    # What the strings name: the place entity, and the conflict a stated place far from the GPS point makes.
    values["place"], conflict = place_of(values)
    if conflict is not None:
        values["conflicts"] = [*(values["conflicts"] or []), conflict]
        values["has_conflicts"] = True
    if values["place"] is not None:  # with the place's names: words find a GPS-only photo too
        values["search_text"] = with_place_names(values["search_text"], values["place"])
    return values


def with_place_names(text: str, place: dict[str, Any]) -> str:
    """The full-text input with the place entity's names added where it does not hold them already:
    "hefei" finds a photo placed in Hefei by its GPS alone."""
    names = _place_words(place.get("city"), place.get("province"), place.get("country"))
    missing = [name for name in names if name not in text]
    return f"{text} {' '.join(missing)}".strip() if missing else text


@lru_cache(maxsize=4096)
def _place_words(*names: str | None) -> tuple[str, ...]:
    return tuple(fold(name) for name in names if name)


def _derive(meta: PhotoMetadata, rules, manual: dict[str, dict]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def put(column: str, value: Any, source: str, key: str | None = None) -> None:
        if value is None or value == "" or value == []:
            return
        values[column] = value
        sources[key or column] = source

    for name, key in TEXT_FIELDS.items():
        found = meta.fields.get(name)
        if found:
            put(name, found.value, found.source, key)
    for key in ("caption", "headline", "title", "credit.source", "credit.copyright"):
        if key in manual:
            how = manual[key].get("by", "hand")
            put(EDITABLE[key][0], manual[key]["value"], CAPTION_HOWS.get(how, "manual") if key == "caption"
                else "manual", key)
    # A caption a person chose is read before the file's own credit, date and place: it is the newer word.
    caption_first = sources.get("caption") in ("manual", "linked")
    # A camera's default text or a test string in the file's caption field is kept as the file's value, but it
    # is no caption: nothing is read from it, and `show` says so (issue 15, item 10).
    not_caption = None
    parse, may_give_release_date, not_a_caption, not_a_caption_under, check_facts, _ = _steps or _caption_steps()
    if values.get("caption") and not caption_first:
        # The house's rules compiled once per set of rules (not checked and looked up again for every file).
        not_caption = (not_a_caption_under(values["caption"], rules) if rules is not None
                       else not_a_caption(values["caption"]))
        if not_caption:
            sources["caption.not_a_caption"] = not_caption

    # What the caption is read for, it is read for: its place only when the file states none (see _place),
    # its dates only when the file has no date to the day, or the caption may hold a release date.
    facts = None
    places = dates = False
    if values.get("caption") and not not_caption:
        places = caption_first or not any(level in meta.fields for level in PLACE_LEVELS)
        taken = meta.value("taken")
        dates = places or not taken or len(taken) < 10 or may_give_release_date(values["caption"])
        # a file's caption was asked above whether it is one, under the same rules: the parser need not ask
        # again (a caption a person chose was not asked, and is)
        facts = parse(values["caption"], rules, places=places, dates=dates, known_caption=not caption_first)
    _credit(meta, facts, values, sources, put, rules, manual, caption_first)
    _dates(meta, facts, values, sources, put, manual, caption_first)
    _place(meta, facts, values, sources, put, manual, caption_first, rules)

    if "keywords" in manual:
        put("keywords", list(manual["keywords"]["value"]), "manual")
    else:
        keywords = meta.value("keywords")
        if keywords:
            put("keywords", list(keywords), meta.fields["keywords"].source)

    values["format"] = meta.format
    values["width"] = meta.width
    values["height"] = meta.height
    values["location_shown"] = meta.location_shown
    values["conflicts"] = [
        {"field": c.field, "copies": [list(copy) for copy in c.copies]} for c in meta.conflicts
    ] or None
    values["has_conflicts"] = bool(meta.conflicts)
    extra: dict[str, Any] = {}
    if meta.alternatives:
        extra["alternatives"] = meta.alternatives
    if meta.iim_charset:
        extra["iim_charset"] = meta.iim_charset
    if meta.warnings:
        extra["warnings"] = meta.warnings
    if meta.damage:
        extra["damage"] = meta.damage
    if meta.display_width and (meta.display_width, meta.display_height) != (meta.width, meta.height):
        extra["display_size"] = [meta.display_width, meta.display_height]  # turned or cropped to be shown
    values["damaged"] = bool(meta.damage)
    values["extra"] = extra or None
    values["sources"] = sources
    values["photographer_key"] = fold(values["photographer"]) if values.get("photographer") else None
    values["credit_key"] = _folded_join(values, ("photographer", "agency", "provider", "credit_line", "source"))
    # (a copy of the values without the caption only for a text that is no caption: the record is otherwise
    # read as it is)
    values["search_text"] = search_text(values if not not_caption else
                                        {k: v for k, v in values.items() if k != "caption"})
    values["check_facts"] = check_facts(meta, values, facts, rules, dates_read=dates, places_read=places)
    return values


class _CaptionSteps(NamedTuple):
    """The caption parser and what a record asks of it (see _caption_steps)."""

    parse: Any
    may_give_release_date: Any
    not_a_caption: Any
    not_a_caption_under: Any
    check_facts: Any
    agency_for: Any


_steps: _CaptionSteps | None = None


def _caption_steps() -> _CaptionSteps:
    """The caption parser and what _derive asks of it, imported when first needed and kept here. Not at the top:
    the parser compiles its patterns on import, and `catalog search` (which imports this module through the
    Library) never parses a caption. Nor inside _derive, where their import statements ran for every photo
    (about 5 K instructions each, four or five a photo)."""
    global _steps
    from catalog.captions import agency_for, parse
    from catalog.captions.dates import may_give_release_date
    from catalog.captions.notcaptions import not_a_caption, not_a_caption_under
    from catalog.checkfacts import check_facts

    _steps = _CaptionSteps(parse, may_give_release_date, not_a_caption, not_a_caption_under, check_facts,
                           agency_for)
    return _steps


def _overridden(plain: dict[str, Any], chosen: dict[str, Any]) -> list[dict[str, Any]]:
    """What the file says where a person's values (or a person's caption) made the record say otherwise."""
    found = []
    for key, (column, _) in EDITABLE.items():
        before, after = plain.get(column), chosen.get(column)
        if before in (None, "", []) or before == after:
            continue
        now = chosen["sources"].get(key, "manual") if after not in (None, "", []) else "manual"
        found.append({"field": key, "overridden": True,
                      "copies": [[now, after], [plain["sources"].get(key, "file"), before]]})
    return found


def _credit(meta, facts: CaptionFacts | None, values, sources, put, rules, manual, caption_first) -> None:
    for key in ("credit.photographer", "credit.line", "credit.agency", "credit.provider"):
        if key in manual:
            put(EDITABLE[key][0], manual[key]["value"], "manual", key)
    credit = facts.credit if facts is not None else None
    source = sources.get("caption", "caption")
    source = "caption" if source in ("iptc", "xmp", "exif", "sidecar") else source
    if credit is not None and caption_first:
        if "photographer" not in values:
            put("photographer", credit.photographer, source, "credit.photographer")
        if "credit_line" not in values:
            put("credit_line", credit.raw, source, "credit.line")
    found = meta.fields.get("photographer")
    if found and "photographer" not in values:
        put("photographer", found.value, found.source, "credit.photographer")
    found = meta.fields.get("credit")
    if found and "credit_line" not in values:
        put("credit_line", found.value, found.source, "credit.line")
    if credit is not None:
        if "photographer" not in values:
            put("photographer", credit.photographer, source, "credit.photographer")
        if "credit_line" not in values:
            put("credit_line", credit.raw, source, "credit.line")
        if "agency" not in values:
            put("agency", credit.agency, source, "credit.agency")
        if "provider" not in values:
            put("provider", credit.provider, source, "credit.provider")
    if "agency" not in values and "credit_line" in values and rules is not None:
        agency = (_steps or _caption_steps()).agency_for(values["credit_line"], rules)
        if agency:
            put("agency", agency, sources["credit.line"], "credit.agency")


def _dates(meta, facts: CaptionFacts | None, values, sources, put, manual, caption_first) -> None:
    for key in ("taken", "released"):
        if key in manual:
            put(key, manual[key]["value"], "manual")
    if facts is not None and caption_first and facts.date and facts.date_kind == "taken" and "taken" not in values:
        put("taken", facts.date, sources["caption"])
    found = meta.fields.get("taken")
    if found and "taken" not in values:
        put("taken", found.value, found.source)
    if facts is not None and facts.date and facts.date_kind == "taken" and "taken" not in values:
        put("taken", facts.date, "caption")
    created = meta.fields.get("created")  # when the file was made (xmp:CreateDate): better than no date
    if created and "taken" not in values:
        put("taken", created.value, created.source)
    if facts is None:
        return
    if "released" not in values:
        released = facts.released or (facts.date if facts.date_kind == "released" else None)
        put("released", released, "caption")
    if (facts.date_text and facts.date_kind == "taken" and "taken" in values and len(values["taken"]) < 10
            and sources.get("taken") != "manual"):
        inferred = with_year(facts.date_text, values["taken"][:4])
        if inferred:
            values["taken"] = inferred
            sources["taken"] = "caption"
            values["taken_inferred"] = True


def _place(meta, facts: CaptionFacts | None, values, sources, put, manual, caption_first, rules=None) -> None:
    """Where the photo was taken. The file's place and the caption's are each taken whole (never a city from
    one and a province from the other); a person's levels go over either, level by level."""
    set_by_hand = {level: manual[f"location.{level}"]["value"] for level in PLACE_LEVELS
                   if f"location.{level}" in manual}
    embedded = {level: meta.fields[level] for level in PLACE_LEVELS if level in meta.fields}
    stated = facts.location if facts is not None else None
    from_caption = stated is not None and any(getattr(stated, level, None) for level in PLACE_LEVELS[:4])
    use_caption = from_caption and (caption_first or not embedded)
    lat, lon = meta.value("lat"), meta.value("lon")
    for level, value in set_by_hand.items():
        put(level, value, "manual", f"location.{level}")
    resolved = None
    if embedded and not use_caption:
        for level, found in embedded.items():
            if level not in values:
                put(level, found.value, found.source, f"location.{level}")
        # An embedded place is kept as written; the gazetteer only adds what the file lacks, a country code
        # or coordinates. When it lacks neither, the gazetteer is not asked (loading it takes a second or
        # more in every reader process).
        if "country_code" not in values or lat is None or lon is None:
            resolved = resolve_place(
                values.get("sublocation"), values.get("city"), values.get("province"), values.get("country")
            )
        if resolved and "country_code" not in values and resolved.country_code:
            if not values.get("country") or fold(values["country"]) == fold(resolved.country or ""):
                put("country_code", resolved.country_code, "gazetteer", "location.country_code")
    elif use_caption or set_by_hand:
        said = {level: set_by_hand.get(level) or (getattr(stated, level, None) if use_caption else None)
                for level in PLACE_LEVELS[:4]}
        venues = None
        if rules is not None and rules.venues:  # the newsroom's own venues place a photo too
            from catalog.venues import register_for

            venues = register_for(rules)
        resolved = resolve_place(
            said["sublocation"], said["city"], said["province"], said["country"],
            context=facts.text if facts is not None else "", venues=venues,
        )
        for level in PLACE_LEVELS:
            if level in values:
                continue
            value = said.get(level)
            if value:
                put(level, value if level == "sublocation" else (getattr(resolved, level, None) or value),
                    sources.get("caption", "caption") if sources.get("caption") == "linked" else "caption",
                    f"location.{level}")
            elif resolved is not None and getattr(resolved, level, None):
                put(level, getattr(resolved, level), "gazetteer", f"location.{level}")

    if "location.lat" in manual and "location.lon" in manual:
        put("lat", manual["location.lat"]["value"], "manual", "location.lat")
        put("lon", manual["location.lon"]["value"], "manual", "location.lon")
        values["location_approx"] = False
    elif lat is not None and lon is not None:
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
_AREA_WORDS = compiled(
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
    """The folded text the full-text index sees: caption, headline, title, credits, keywords, places as stated
    (``with_place_names`` adds the place entity's)."""
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


def complete_record(record: dict) -> dict:
    """A reader's record with every column that depends on the photo alone: the flags' defaults, the columns a
    read did not fill cleared (`fill_missing`) and the derived ones (`derive_columns`). catalog.reading calls
    it in the reader process, so that the importing process only adds the file's facts and writes.

    >>> complete_record({"taken": "2025-10-14"})["taken_end"], complete_record({})["caption"]
    ('2025-10-14', None)
    """
    record.setdefault("taken_inferred", False)
    record.setdefault("location_approx", False)
    fill_missing(record)
    derive_columns(record)
    return record


def derive_columns(record: dict) -> None:
    """The columns kept for indexes, made from the values they stand for: the dates' spans (`taken:`,
    `timeline`) and the place group (`places`, catalog.entities.place_group)."""
    for column in ("taken", "released"):
        record[f"{column}_start"], record[f"{column}_end"] = span(record.get(column))
    record["place_group"] = place_group(record)


def fill_missing(record: dict) -> None:
    """Every column a re-read did not fill is cleared, so an update leaves no stale value behind."""
    for column in _CLEARABLE:
        record.setdefault(column, None)
    record.setdefault("sources", {})
    record.setdefault("search_text", "")


_CLEARABLE = (
    "caption", "headline", "title", "credit_line", "photographer", "agency", "provider", "source", "copyright",
    "photographer_key", "credit_key", "taken", "released", "sublocation", "city", "province", "country",
    "country_code", "lat", "lon", "location_shown", "keywords", "make", "model", "conflicts", "extra", "place",
    "restrictions", "source_type", "ai", "c2pa", "transmission_reference", "check_facts",
)
