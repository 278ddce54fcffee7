"""The clues that tie a caption to a photo, or speak against it, each worth points (see catalog.linking)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from catalog.captions import CaptionFacts
from catalog.dates import MONTHS, span
from catalog.linking.model import CITY_KM, DECIDED, OTHER, PROVINCE_KM, SAME, SIMILAR, Caption, Evidence, Pairing, _clue
from catalog.models import Photo
from catalog.patterns import compiled


@dataclass(frozen=True)
class CaptionPlace:
    """Where a caption places its photo: a name to show, how precise its point is, and the names by level."""

    name: str  # "Hefei"
    level: str  # "city", "province" or "country": what the point stands for
    lat: float | None = None
    lon: float | None = None
    city: frozenset[str] = frozenset()  # folded forms, the caption's and the gazetteer's
    province: frozenset[str] = frozenset()
    country: str | None = None  # ISO alpha-2 when known, else the folded name


def locate_caption(facts: CaptionFacts, gazetteer) -> CaptionPlace | None:
    """The caption's place, completed by the gazetteer; None when the caption names none."""
    stated = facts.location
    if not any((stated.sublocation, stated.city, stated.province, stated.country)):
        return None
    resolved = gazetteer.resolve(
        stated.sublocation, stated.city, stated.province, stated.country, context=facts.text
    )
    city = _forms(gazetteer, stated.city, getattr(resolved, "city", None))
    province = _forms(gazetteer, stated.province, getattr(resolved, "province", None))
    country = _country_key(gazetteer, getattr(resolved, "country_code", None) or stated.country)
    lat = getattr(resolved, "lat", None)
    lon = getattr(resolved, "lon", None)
    if stated.city or stated.sublocation:
        name = (resolved.city if resolved and resolved.city else None) or stated.city or stated.sublocation
        level = "city" if lat is not None else "unplaced"
    elif stated.province:
        name = (resolved.province if resolved and resolved.province else None) or stated.province
        level = "province"
        point = gazetteer.locate(name)
        lat, lon = point if point else (None, None)
    else:
        name, level, lat, lon = stated.country, "country", None, None
    return CaptionPlace(name or "", level, lat, lon, city, province, country)


def _forms(gazetteer, *names: str | None) -> frozenset[str]:
    """Folded names, with what the gazetteer takes each for: 'Hefei City' -> {'hefei city', 'hefei'}."""
    from catalog.places import fold

    forms = set()
    for name in names:
        if name:
            forms.add(_plain(fold(name)))
            forms.update(_plain(fold(found)) for found in gazetteer.canonical(name)[:1])
    return frozenset(form for form in forms if form)


_DESIGNATORS = compiled(r"\b(city|province|sheng|shi|county|district|municipality|prefecture)\b")


def _plain(folded: str) -> str:
    return _DESIGNATORS.sub("", folded).strip(" .,")


def _country_key(gazetteer, name: str | None) -> str | None:
    if not name:
        return None
    from catalog.places import fold

    return gazetteer.country_code(name) or fold(name)


# --- scoring ------------------------------------------------------------------------------------------------


def score(
    captions: Sequence[Caption],
    photos: Sequence[Photo],
    *,
    gazetteer,
    ordered: bool = False,
    named: bool = False,
) -> list[list[Pairing]]:
    """Every caption against every photo: ``result[i][j]`` pairs caption i with photo j.

    ``ordered``: the photos were given in the captions' order (the order clue applies when there are two or
    more). ``named``: the user named the photos, so even those with a caption typed by hand are open to a
    new one.
    """
    places = [locate_caption(caption.facts, gazetteer) for caption in captions]
    photo_words = [caption_words(photo.caption) if photo.caption else None for photo in photos]
    photo_places = [_photo_place(photo, gazetteer) for photo in photos]
    names = {os.path.basename(photo.path).casefold() for photo in photos}
    rows = []
    for i, caption in enumerate(captions):
        words = caption_words(caption.text)
        named_here = [m for m in caption.mentions if m.casefold() in names]
        row = []
        for j, photo in enumerate(photos):
            evidence: list[Evidence] = []
            evidence += file_evidence(named_here, photo)
            similarity = None
            its_words = photo_words[j]
            if its_words is not None:
                similarity = similarity_of(words, its_words)
                evidence += caption_evidence(similarity, (photo.sources or {}).get("caption"))
            evidence += date_evidence(caption.facts, photo)
            evidence += place_evidence(places[i], photo, photo_places[j])
            evidence += credit_evidence(caption.facts, photo)
            if ordered and i == j and len(photos) > 1:
                reason = f"caption {i + 1} and photo {j + 1} in the order given"
                evidence.append(_clue("order", "order", reason))
            decided = (photo.sources or {}).get("caption") in DECIDED and photo.caption
            allowed = named or not decided or (similarity is not None and similarity >= SAME)
            row.append(Pairing(caption, photo, evidence, allowed))
        rows.append(row)
    return rows


def file_evidence(named: Sequence[str], photo: Photo) -> list[Evidence]:
    """The file names the caption mentions (only those among the candidates) against this photo's name."""
    if not named:
        return []
    own = os.path.basename(photo.path)
    if own.casefold() in {name.casefold() for name in named}:
        return [_clue("file", "file_named", f"the article names the file {own}")]
    return [_clue("file", "other_file_named", f"the article names another file: {', '.join(named)}")]


_STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or s the this that to was were with".split()
)


def caption_words(text: str) -> frozenset[str]:
    """The folded words of a caption that say something: 'Researchers take a test…' -> {'researchers', …}."""
    from catalog.places import fold

    return frozenset(w for w in re.findall(r"\w+", fold(text)) if w not in _STOPWORDS)


def similarity_of(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two captions are, 0..1: the mean of Dice (shared / average size) and overlap (shared /
    smaller size), so a shortened caption still scores high against the original.

    >>> similarity_of(frozenset({"bullet", "train", "gobi"}), frozenset({"bullet", "train", "gobi"}))
    1.0
    """
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (2 * shared / (len(a) + len(b)) + shared / min(len(a), len(b))) / 2


def caption_evidence(similarity: float, source: str | None) -> list[Evidence]:
    """The article's caption against the one the photo already has."""
    its = "its " + {"manual": "typed", "linked": "linked"}.get(source or "", "embedded") + " caption"
    measured = f"(similarity {similarity:.2f})"
    if similarity >= SAME:
        return [_clue("caption", "caption_same", f"{its} is the same {measured}")]
    if similarity >= SIMILAR:
        return [_clue("caption", "caption_similar", f"{its} is similar {measured}")]
    if similarity < OTHER:
        return [_clue("caption", "caption_other", f"{its} describes something else {measured}")]
    return []


def date_evidence(facts: CaptionFacts, photo: Photo) -> list[Evidence]:
    """The caption's date (taken or released, with or without a year) against the photo's date."""
    taken = photo.taken
    start, end = span(taken)
    from_caption = (photo.sources or {}).get("taken") == "caption"
    whose = "the date in its own caption" if from_caption else "the photo's date"
    bare = start is None and not photo.make and not photo.model
    released = facts.released or (facts.date if facts.date_kind == "released" else None)
    caption_taken = facts.date if facts.date and facts.date_kind != "released" else None
    evidence: list[Evidence] = []

    released_end = span(released)[1]
    if released_end and start is not None and start > released_end:
        reason = f"{whose} {_day(taken)} is after the release date {released}"
        evidence.append(_clue("date", "taken_after_release", reason))
    if caption_taken and taken is not None and start is not None:
        evidence += _compare_dates(caption_taken, taken, whose)
    elif facts.date_text and not caption_taken and start is not None and start == end:
        month_day = _month_day(facts.date_text)
        if month_day == (int(start[5:7]), int(start[8:10])):
            reason = f"{whose} {start} falls on '{facts.date_text}' (the caption gives no year)"
            evidence.append(_clue("date", "month_day_matches", reason))
        elif month_day:
            evidence.append(_clue("date", "month_day_differs", f"{whose} {start} is not '{facts.date_text}'"))
    if bare and (released or facts.credit.provider):
        what = f"a handout released {released}" if released else "a handout"
        reason = f"the caption is {what}, and the photo has no date or camera, as handouts often have none"
        evidence.append(_clue("date", "handout_bare", reason))
    elif bare and caption_taken:
        reason = f"no date on the photo, though the caption says {caption_taken}"
        evidence.append(_clue("date", "dated_caption_bare", reason))
    return evidence


def _compare_dates(caption_date: str, taken: str, whose: str) -> list[Evidence]:
    c_start, c_end = span(caption_date)
    p_start, p_end = span(taken)
    if c_start is None or c_end is None or p_start is None or p_end is None:
        return []
    both = f"caption {caption_date}, {whose} {_day(taken)}"
    if c_start <= p_end and p_start <= c_end:
        widest = max(_days(c_start, c_end), _days(p_start, p_end))
        if widest == 0:
            return [_clue("date", "same_day", f"taken the same day: {c_start}")]
        if widest <= 30:
            return [_clue("date", "same_month", f"the same month: {both}")]
        return [_clue("date", "same_year", f"the same year: {both}")]
    gap = _days(c_end, p_start) if c_end < p_start else _days(p_end, c_start)
    if gap <= 1 and c_start == c_end and p_start == p_end:
        return [_clue("date", "one_day_apart", f"one day apart: {both} (time zones?)")]
    return [_clue("date", "dates_contradict", f"the dates disagree: {both}")]


def _days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _day(value: str | None) -> str:
    """'2025-10-14T10:32:00+08:00' -> '2025-10-14' for reasons."""
    return (value or "")[:10]


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.search(r"([A-Za-z]+)\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([A-Za-z]+)", text)
    if not found:
        return None
    name, day = (found[1], found[2]) if found[1] else (found[4], found[3])
    month = MONTHS.get(name.lower())
    return (month, int(day)) if month else None


@dataclass(frozen=True)
class _PhotoPlace:
    city: frozenset[str]
    province: frozenset[str]
    country: str | None
    blocks: str  # where the names came from, for reasons: "IPTC", "its caption"


def _photo_place(photo: Photo, gazetteer) -> _PhotoPlace | None:
    """The photo's own place names: embedded or from its caption, never those the gazetteer filled in."""
    sources = photo.sources or {}

    def own(level: str) -> str | None:
        value = getattr(photo, level)
        return value if value and sources.get(f"location.{level}") not in (None, "gazetteer") else None

    city, province = own("city"), own("province")
    country = own("country") or own("country_code")
    if not (city or province or country):
        return None
    levels = ("city", "province", "country", "country_code")
    used = {sources.get(f"location.{level}") for level in levels if own(level)}
    blocks = ", ".join(sorted(_BLOCK_NAMES.get(block, block) for block in used if block))
    return _PhotoPlace(
        _forms(gazetteer, city) if city else frozenset(),
        _forms(gazetteer, province) if province else frozenset(),
        _country_key(gazetteer, country),
        blocks,
    )


_BLOCK_NAMES = {"exif": "EXIF", "iptc": "IPTC", "xmp": "XMP", "sidecar": "sidecar", "caption": "its caption",
                "manual": "its caption", "linked": "its caption"}


def place_evidence(place: CaptionPlace | None, photo: Photo, names: _PhotoPlace | None) -> list[Evidence]:
    """The caption's place against the photo's GPS when both give a point, else against its place names."""
    if place is None:
        return []
    if place.lat is not None and photo.lat is not None and photo.lon is not None and not photo.location_approx:
        return gps_evidence(place, photo.lat, photo.lon)
    if names is None:
        return []
    return names_evidence(place, names)


def gps_evidence(place: CaptionPlace, lat: float, lon: float) -> list[Evidence]:
    """Distance from the photo's GPS to the caption's city (or province) point."""
    from catalog.places import distance_km

    if place.lat is None or place.lon is None:
        return []
    km = distance_km(place.lat, place.lon, lat, lon)
    shown = f"{km:,.0f} km" if km >= 10 else f"{km:.1f} km"
    if place.level == "province":
        near, far = PROVINCE_KM
        if km <= near:
            return [_clue("place", "gps_province_near", f"GPS {shown} from the middle of {place.name}")]
        if km > far:
            return [_clue("place", "gps_far", f"GPS {shown} from {place.name}")]
        return []
    near, close, far = CITY_KM
    if km <= near:
        return [_clue("place", "gps_near", f"GPS {shown} from {place.name}")]
    if km <= close:
        return [_clue("place", "gps_close", f"GPS {shown} from {place.name}")]
    if km > far:
        return [_clue("place", "gps_far", f"GPS {shown} from {place.name}, too far")]
    return []


def names_evidence(place: CaptionPlace, names: _PhotoPlace) -> list[Evidence]:
    """The caption's country, province and city against the photo's, the most telling level decides."""
    where = f" ({names.blocks})" if names.blocks else ""
    if place.country and names.country and place.country != names.country:
        return [_clue("place", "other_country", f"another country: the photo's is {names.country}{where}")]
    if place.province and names.province and not place.province & names.province:
        reason = f"another province: the photo's is {_one(names.province)}{where}"
        return [_clue("place", "other_province", reason)]
    if place.city and names.city:
        if _overlap(place.city, names.city):
            return [_clue("place", "same_city", f"the photo's city is {_one(names.city)} too{where}")]
        return [_clue("place", "other_city", f"another city: the photo's is {_one(names.city)}{where}")]
    if place.province and names.province:
        return [_clue("place", "same_province", f"the photo's province is {_one(names.province)} too{where}")]
    if place.country and names.country:
        return [_clue("place", "same_country", f"the photo's country is {names.country} too{where}")]
    return []


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same city, 'lanzhou new area' for 'lanzhou' too: a shared form, or one's words in the other's."""
    if a & b:
        return True
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b)


def _one(forms: frozenset[str]) -> str:
    return min(forms, key=len).title()


def credit_evidence(facts: CaptionFacts, photo: Photo) -> list[Evidence]:
    """The credited photographer against the photo's embedded by-line (not one read from its own caption)."""
    from catalog.places import fold

    credited = facts.credit.photographer
    source = (photo.sources or {}).get("credit.photographer")
    if not credited or not photo.photographer or source not in ("exif", "iptc", "xmp", "sidecar"):
        return []
    if fold(credited) == fold(photo.photographer):
        return [_clue("credit", "byline_matches", f"its by-line is {photo.photographer} too")]
    return [_clue("credit", "byline_differs", f"its by-line is {photo.photographer}")]
