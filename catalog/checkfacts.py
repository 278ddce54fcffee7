"""What `catalog check` needs from a file and its caption, worked out once, at import, in the reader processes.

`check` compares the caption with the file's own fields: its date with the EXIF/IPTC/XMP date, its credit
with the by-line and credit fields, its place with the GPS point; and it asks whether the caption names a
place or a date at all. Reading a caption's dates and place costs about 0.7 ms, as much as reading the file,
so they are read here only when the record has not read them already and the caption does not already show
that it agrees with the file:

- the date: a caption that writes the file's own day ("Oct. 14", "14 October", "2025-10-14") agrees with
  it; otherwise the caption's dates are read, and the days between the two are kept;
- the place: a caption that names the file's city (or, when the file names no city, its province or
  country) is about that place; otherwise the caption's place is read.

(A caption that writes the file's day and, besides, another day that is the photo's own, is taken to agree:
the price of not reading every caption in full.)

The facts are a small JSON object, kept in ``photo.check_facts``, that holds only what is worth saying (it is
written for every photo an import reads, so the usual one is ``{"v": 1, "place": "file"}``); `check` applies
the house rules to it::

    {"v": 1, "no_caption": true}                    the photo has no caption
    {"v": 1, "no_date": true, "no_place": true}     its caption names no date, no place
    {"v": 1, "date": {"caption": "2025-10-16", "file": "2025-10-14T10:05:00+08:00", "source": "exif",
                      "days_apart": 2}}             both give a day (left out when the caption writes the file's)
    {"v": 1, "credit": [{"caption": "Xinhua/Li Xin", "file": "REUTERS", "field": "credit", "source": "iptc",
                         "why": "the caption credits Xinhua, the credit field Reuters"}]}      they disagree
    {"v": 1, "place": "file"}                       the photo has a GPS point, and the place stated is the file's
    {"v": 1, "place": {"city": "Lanzhou", "province": "Gansu"}}    ... or the one the caption names
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from catalog.dates import span, with_year

if TYPE_CHECKING:
    from catalog.captions import CaptionFacts
    from catalog.metadata.types import PhotoMetadata

#: Bumped when the facts change shape; `check` reads facts of another version as not read.
VERSION = 1
PLACE_LEVELS = ("sublocation", "city", "province", "country")
#: Blocks a value of the file itself comes from (not the caption, the gazetteer or a person).
FILE_SOURCES = ("exif", "iptc", "xmp", "sidecar")


def check_facts(meta: PhotoMetadata, values: dict[str, Any], facts: CaptionFacts | None, rules, *,
                dates_read: bool, places_read: bool) -> dict[str, Any]:
    """The facts of one record (`values`, as catalog.records builds it) for `catalog check`.

    `facts` is what the record read from its caption (None without a caption); `dates_read` and
    `places_read` say whether its dates and place were read (see catalog.records).
    """
    caption = values.get("caption")
    found: dict[str, Any] = {"v": VERSION}
    if not caption:
        found["no_caption"] = True
        return found
    if parse is None:
        _import_readers()
    file_taken = meta.fields.get("taken")
    file_day = file_taken.value if file_taken is not None and file_taken.source in FILE_SOURCES else None
    embedded = _embedded_place(meta)
    witnessed_day = not dates_read and file_day is not None and writes_day(caption, file_day)
    witnessed_place = not places_read and bool(embedded) and names_any(caption, embedded)
    need_dates = not dates_read and not witnessed_day
    need_place = not places_read and not witnessed_place
    if facts is None or need_dates or need_place:
        facts = parse(caption, rules, places=places_read or need_place, dates=True)
        dates_read, places_read = True, places_read or need_place

    if not witnessed_day:
        if not (facts.date or facts.date_text or facts.released):
            found["no_date"] = True
        said = facts.date if facts.date_kind != "released" else None
        if said is None and facts.date_text and file_day:
            said = with_year(facts.date_text, file_day[:4])
        if said and file_day and file_taken is not None:
            found["date"] = {"caption": said, "file": file_day, "source": file_taken.source,
                             "days_apart": days_apart(said, file_day)}

    place: str | dict | None = None
    if witnessed_place:
        place = "file"
    else:
        stated = {level: getattr(facts.location, level) for level in PLACE_LEVELS if getattr(facts.location, level)}
        if not stated:
            found["no_place"] = True
        place = stated or ("file" if embedded else None)
    if place is not None and _has_gps(values):
        found["place"] = place

    disagreements = credit_disagreements(meta, facts, rules)
    if disagreements:
        found["credit"] = disagreements
    return found


# The caption parser and the people and agency readers, imported when an import first needs them: `catalog
# check` reads VERSION here and must not pay for loading them.
if TYPE_CHECKING:
    from catalog.captions import agency_for, parse
    from catalog.people import name_tokens
else:
    parse = agency_for = name_tokens = None


def _import_readers() -> None:
    global parse, agency_for, name_tokens
    from catalog.captions import agency_for, parse
    from catalog.people import name_tokens


def _embedded_place(meta: PhotoMetadata) -> dict[str, str]:
    """The place the file's own fields state, level by level (with the country code)."""
    place = {}
    fields = meta.fields
    for level in _PLACE_AND_CODE:
        value = fields.get(level)
        if value is not None and value.source in FILE_SOURCES and isinstance(value.value, str):
            text = value.value.strip()
            if text:
                place[level] = text
    return place


_PLACE_AND_CODE = (*PLACE_LEVELS, "country_code")


def _has_gps(values: dict[str, Any]) -> bool:
    return values.get("lat") is not None and values.get("lon") is not None and not values.get("location_approx")


# -- the date --------------------------------------------------------------------------------------------------

def _month_spellings() -> dict[int, tuple[str, ...]]:
    from catalog.captions.vocabulary import MONTHS

    return {number: tuple(sorted({s.casefold() for s in spellings}, key=len, reverse=True))
            for number, spellings in MONTHS.items()}


_MONTHS: dict[int, tuple[str, ...]] | None = None


def writes_day(caption: str, iso: str) -> bool:
    """Whether the caption writes the day `iso` (a date to the day at least) in a form captions use.

    >>> writes_day("... in Hefei, Oct. 14, 2025. (Photo/Zhang Dagang)", "2025-10-14T10:05:00+08:00")
    True
    >>> writes_day("... in Hefei, 14 October 2025.", "2025-10-14"), writes_day("... 2025-10-14.", "2025-10-14")
    (True, True)
    >>> writes_day("... in Hefei, Oct. 15, 2025.", "2025-10-14"), writes_day("... Oct. 140 ...", "2025-10-14")
    (False, False)
    """
    global _MONTHS
    if len(iso) < 10 or iso[4] != "-" or iso[7] != "-":
        return False
    text = caption.casefold()
    if iso[:10] in text:
        return True
    try:
        month, day = int(iso[5:7]), int(iso[8:10])
    except ValueError:
        return False
    if _MONTHS is None:
        _MONTHS = _month_spellings()
    for spelling in _MONTHS.get(month, ()):
        if spelling not in text:
            continue
        for written in (f"{spelling} {day}", f"{spelling} {day:02d}", f"{spelling}{day}"):
            if _found_alone(text, written, before=False):
                return True
        for written in (f"{day} {spelling}", f"{day:02d} {spelling}"):
            if _found_alone(text, written, before=True):
                return True
    return False


def _found_alone(text: str, written: str, *, before: bool) -> bool:
    """`written` in `text` not run into other digits (after it; and before it when it starts with the day)."""
    at = text.find(written)
    while at >= 0:
        end = at + len(written)
        after_ok = end >= len(text) or not text[end].isdigit()
        before_ok = not before or at == 0 or not text[at - 1].isdigit()
        if after_ok and before_ok:
            return True
        at = text.find(written, at + 1)
    return False


def days_apart(said: str, taken: str) -> int:
    """The whole days between a caption's date (any precision) and the file's date, 0 when they overlap.

    The file's date is read in its own zone: "2025-10-14T23:30:00+08:00" is the 14th where it was taken. A time
    in UTC ("Z", "+00:00") may be any local day from 12 hours before to 14 hours after it, because files that
    write UTC do not say where they were taken.

    >>> days_apart("2025-10-16", "2025-10-14T10:05:00+08:00"), days_apart("2025-10", "2025-10-14")
    (2, 0)
    >>> days_apart("2025-10-15", "2025-10-14T23:30:00Z"), days_apart("2025-10-16", "2025-10-14T23:30:00Z")
    (0, 1)
    """
    first, last = span(said)
    if first is None or last is None:
        return 0
    file_first, file_last = local_days(taken)
    if file_first is None or file_last is None:
        return 0
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return max(0, (start - file_last).days, (file_first - end).days)


def local_days(taken: str) -> tuple[date | None, date | None]:
    """The first and last local day a file's date can be (see days_apart)."""
    text = taken.strip()
    if len(text) > 10 and text.endswith(("Z", "+00:00")):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None:
            return (moment - timedelta(hours=12)).date(), (moment + timedelta(hours=14)).date()
    first, last = span(text)
    if first is None or last is None:
        return None, None
    return date.fromisoformat(first), date.fromisoformat(last)


# -- the place -------------------------------------------------------------------------------------------------

def names_any(caption: str, place: dict[str, str]) -> bool:
    """Whether the caption names the place's most precise level the file states: its city, else its province,
    else its country (as a whole word, in any case).

    >>> names_any("HEFEI, China (AP) -- A test drive ...", {"city": "Hefei", "country": "China"})
    True
    >>> names_any("A test drive in Lanzhou.", {"city": "Hefei", "province": "Anhui"})
    False
    """
    text = caption.casefold()
    for level in ("city", "province", "country"):
        name = place.get(level)
        if name:
            return _word_in(text, name.casefold())
    return False


def _word_in(text: str, word: str) -> bool:
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


# -- the credit ------------------------------------------------------------------------------------------------

def credit_disagreements(meta: PhotoMetadata, facts: CaptionFacts, rules) -> list[dict[str, Any]]:
    """Where the caption's credit and the file's by-line or credit field name different people or agencies.

    A name disagrees when neither spelling's words hold the other's ("Zhang Dagang" and "Dagang ZHANG" agree,
    as do "Andy Wong" and "Andy Wong/AP"); an agency when both name a known agency and they differ.
    """
    credit = facts.credit
    found = []
    byline = meta.fields.get("photographer")
    if credit.photographer and byline is not None and byline.source in FILE_SOURCES and \
            byline.value != credit.photographer:
        names = byline.value if isinstance(byline.value, list) else str(byline.value).split(";")
        names = [name.strip() for name in names if str(name).strip()]
        said = name_tokens(credit.photographer)
        if said and all(not (said <= (tokens := name_tokens(str(name)))) and not (tokens and tokens <= said)
                        for name in names):
            found.append({"caption": credit.raw or credit.photographer, "file": "; ".join(map(str, names)),
                          "field": "by-line", "source": byline.source,
                          "why": f"the caption credits {credit.photographer}, the by-line "
                                 f"{'; '.join(map(str, names))}"})
    field = meta.fields.get("credit")
    if credit.agency and field is not None and field.source in FILE_SOURCES and rules is not None and \
            rules.standard_agency(str(field.value)) != credit.agency:
        agency = agency_for(str(field.value), rules)
        if agency and agency.casefold() != credit.agency.casefold():
            found.append({"caption": credit.raw or credit.agency, "file": str(field.value), "field": "credit",
                          "source": field.source,
                          "why": f"the caption credits {credit.agency}, the credit field {agency}"})
    return found
