"""From a record's strings to the things they name: where the photo was taken, who and which agency made it.

What the file says stays as read (``location``, ``credit``: fidelity depends on it); this module adds what
the catalogue understands of it, for search and for ``catalog show``:

- ``place``: the place entity (``catalog.place_entities.Place`` as JSON) of the stated place, ``how`` the
  block that stated it ("file", "caption" or "manual": a level set by hand); a photo that states no place
  the gazetteer knows but has GPS gets the place its point is in ("gps", approximate, with the distance),
  as does one that states only a country or province the point lies in. A stated place far from the GPS
  point (a city more than 50 km away, and 10 more per million people it has; a country or province the point
  is not in) stays as stated, and the disagreement is a conflict (``conflicts:yes``, listed by ``show``).
- place keys: ``(kind, key)`` rows, ``kind`` "taken" (the place above) or "shown" (XMP LocationShown), ``key``
  "country:US", "province:CN-AH" or "city:1808722": what ``in:``, ``city:``, ``province:`` and ``country:``
  match, so "USA", "U.S." and "美国" find the same photos.
- credit tokens: ``(role, token)`` rows: "photographer" (the folded tokens of the name, any script: what
  ``by:`` matches), "credit" (the tokens of the other credit fields: with the photographer's, what
  ``credit:"Big Newspaper"`` matches) and "agency" (the registry's key of each agency credited,
  "agency:ap": what ``credit:AP`` matches).

Rows are computed the same way at import and by the migration that brought older catalogues here:

>>> place, conflict = place_of({"city": "Hefei", "sources": {"location.city": "iptc"}})   # doctest: +SKIP
>>> place["id"], place["how"], conflict                                                     # doctest: +SKIP
('1808722', 'file', None)
>>> sorted(credit_rows({"photographer": "Zhang Dagang", "credit_line": "AP Photo/Zhang Dagang"}))
[('agency', 'agency:ap'), ('credit', 'ap'), ('photographer', 'dagang'), ('photographer', 'zhang')]

The gazetteer's answers are remembered between processes (``catalog.place_memo``): an import whose places
were all seen before never loads it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from catalog import place_memo

#: The levels a place is stated at, outermost last (as in ``location``).
LEVELS = ("sublocation", "city", "province", "country")
#: The ``how`` of a place stated by a block: a caption (typed, from a captions file or linked) or a person;
#: any block of the file itself (EXIF, IPTC, XMP, a sidecar) is "file".
HOW_OF_SOURCE = {"manual": "manual", "caption": "caption", "linked": "caption"}
#: Roles of credit tokens: who made the photo (``by:``), the words of any credit field and the agencies
#: credited (``credit:``).
ROLES = ("photographer", "credit", "agency")
#: Fields whose words ``credit:`` matches (all but the photographer may name an agency of the registry).
CREDIT_FIELDS = ("photographer", "credit_line", "agency", "provider", "source")
#: Words that frame a credit rather than name anyone ("Photo/Zhang Dagang", "Photo by ... via ..."): not kept.
CREDIT_WORDS = frozenset({"photo", "photos", "by", "via", "and", "the", "of", "for"})
#: Where a field holding several names, or a credit line holding an agency and a name, is cut:
#: "Zhang Dagang; Li Xin", "AP Photo/Duane A. Laverty", "Xinhua via Getty Images", "张大刚、李欣".
#: Compiled when first split (`_names_split`): case-insensitive over non-ASCII marks, it costs as much to compile as
#: the rest of this module to import, and a search, `show` or a credit list of most catalogues never splits a field.
_NAMES_SPLIT_PATTERN = r"\s*(?:[;/|&、，,]|\s+and\s+|\s+via\s+|\s+for\s+)\s*"
_NAMES_SPLIT: re.Pattern | None = None


def _names_split(text: str) -> list[str]:
    """`text` cut where one name ends and the next begins (see _NAMES_SPLIT_PATTERN)."""
    global _NAMES_SPLIT
    if _NAMES_SPLIT is None:
        _NAMES_SPLIT = re.compile(_NAMES_SPLIT_PATTERN, re.IGNORECASE)
    return _NAMES_SPLIT.split(text)


# --- the place ---------------------------------------------------------------------------------------------

#: What `catalog places` counts a photo under: fields of its place entity, then its stated names (for the
#: levels the entity lacks), as (column, field of that column's JSON or None for the column itself).
PLACE_GROUP = (("place", "country_code"), ("place", "country"), ("place", "province_code"), ("place", "province"),
               ("place", "id"), ("place", "city"), ("country", None), ("province", None), ("city", None))


def place_group(values: Mapping[str, Any]) -> str:
    """A photo's `place_group` column, from its columns' values (catalog.store writes it with them): the
    PLACE_GROUP values as a compact JSON array, so that `places` groups by one indexed column, not nine.

    >>> place_group({"place": {"id": 1808722, "city": "Hefei", "country_code": "CN"}, "city": "HEFEI"})
    '["CN",null,null,null,"1808722","Hefei",null,null,"HEFEI"]'
    """
    return _compact(place_group_values(values))


def _compact_encoder() -> Any:
    """json.dumps(value, ensure_ascii=False, separators=(",", ":")) for a list of texts and None, the same text, from
    json's own C encoder made once: dumps makes a new encoder whenever it is given a setting, and a JSONEncoder's
    `encode` makes one for every value (through two Python calls), for each photo a reader reads. (Without the
    markers that look for a value inside itself: a list of texts never holds itself.)"""
    from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]

    if c_make_encoder is None:
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    encode = c_make_encoder(None, json.JSONEncoder().default, encode_basestring, None, ":", ",", False, False, True)
    return lambda value: "".join(encode(value, 0))


_compact = _compact_encoder()


def place_group_values(values: Mapping[str, Any]) -> list[str | None]:
    """The PLACE_GROUP values of a photo's columns, each as text or None."""
    found = []
    for column, name in PLACE_GROUP:
        value = values.get(column)
        if name is not None:
            # a dict nearly always (a record's JSON column): asked first, as an ABC's isinstance costs more
            value = value.get(name) if isinstance(value, dict) or isinstance(value, Mapping) else None
        found.append(value if value is None or isinstance(value, str) else str(value))
    return found


def read_place_group(group: str | None) -> list[str | None]:
    """The PLACE_GROUP values a `place_group` column holds (each as text or None; all None for None).

    >>> read_place_group('["CN",null,null,null,1808722,"Hefei",null,null,"HEFEI"]')[4:6]
    ['1808722', 'Hefei']
    """
    values = json.loads(group) if group else [None] * len(PLACE_GROUP)
    return [value if value is None or isinstance(value, str) else str(value) for value in values]


def place_of(values: dict[str, Any]) -> tuple[dict | None, dict | None]:
    """The place entity of a record's values (JSON, or None), and the conflict its GPS point makes with the
    stated place (an entry for the record's ``conflicts``, or None).

    `values` are a record's columns as ``catalog.records`` makes them (the stored row will do): the levels
    of ``location`` with their ``sources`` (levels the gazetteer filled in are not a statement), the GPS
    point (``lat``/``lon`` unless ``location_approx``), and the caption, which decides between readings of a
    place the caption stated ("Valencia" beside "Spain").

    It runs for every photo an import reads, so the usual case (a place seen before, remembered) is a few
    dictionary look-ups and one distance: about 5 µs.
    """
    source = (values.get("sources") or {}).get
    said = []
    hows = set()
    for level in _STATED:
        value = values.get(level)
        block = source(f"location.{level}") if value else None
        if value and block != "gazetteer":
            hows.add(HOW_OF_SOURCE.get(block or "", "file"))
            said.append(value)
        else:
            said.append(None)
    how = "manual" if "manual" in hows else "caption" if "caption" in hows else "file"
    gps = None
    if values.get("lat") is not None and values.get("lon") is not None and not values.get("location_approx"):
        gps = (float(values["lat"]), float(values["lon"]))
    context = (values.get("caption") or "") if how == "caption" else ""
    place, limit_km = _stated_entity(said, how, context, gps)
    if gps is None:
        return place, None
    if place is None:
        return _reverse(gps, said[0]), None
    why: str | None  # the gazetteer's conflict() is untyped and may say None: typed so, for every checker
    if place["id"].isdigit():  # a city: its distance from the point is measured already
        if place["distance_km"] is None or place["distance_km"] <= limit_km:
            return place, None
        why = f"{place['name']} is {place['distance_km']:,.0f} km from the GPS point"
    else:
        gazetteer = _gazetteer()
        why = gazetteer.conflict(place, *gps)
        if why is None:  # a country or province the point lies in: the point says where in it
            there = gazetteer.reverse(*gps)
            if there is not None and f"{place_level(place)}:{place['id']}" in keys_of(there.to_json()):
                there = there.to_json()
                there["sublocation"] = place.get("sublocation")
                return there, None
            return place, None
    return place, _conflict_entry(place, gps, why)


#: The levels of ``location`` a place is stated at, in the order ``_stated_entity`` reads them.
_STATED = ("sublocation", "city", "province", "country", "country_code")


def stated_place(stated: Mapping[str, str | None], country_code: str | None = None, *, how: str = "file",
                 context: str = "", gps: tuple[float, float] | None = None) -> dict | None:
    """The entity of a stated place (levels by name, as in ``location``), as JSON; None when the gazetteer
    knows no city, province or country in it. Remembered between processes unless the caption decides."""
    said = [stated.get(level) for level in LEVELS] + [country_code]
    return _stated_entity(said, how, context, gps)[0]


def _stated_entity(said: list, how: str, context: str,
                   gps: tuple[float, float] | None) -> tuple[dict | None, float | None]:
    """``stated_place`` of [sublocation, city, province, country, country code], and how far from the
    entity's point the photo may be (Gazetteer.conflict_km)."""
    sublocation, city, province, country, country_code = said
    if not (city or province or country or country_code):
        return None, None
    key = f"{city or ''}\x1f{province or ''}\x1f{country or ''}\x1f{country_code or ''}"
    entry = place_memo.current().get("places", key)
    if entry is None:
        entry = _learn_place(key, city, province, country, country_code)
    limit_km = entry["conflict_km"]
    if entry["contextual"] and context.strip():
        gazetteer = _gazetteer()
        found = gazetteer.place(None, city, province, country, country_code=country_code, context=context)
        place = found.to_json() if found is not None else None
        limit_km = gazetteer.conflict_km(found)
    else:
        place = dict(entry["place"]) if entry["place"] is not None else None
    if place is None:
        return None, None
    place["how"] = how
    if sublocation:
        place["sublocation"] = _sublocation(sublocation)
    if gps is not None and place["lat"] is not None and place["id"].isdigit():
        place["distance_km"] = round(_distance_km()(place["lat"], place["lon"], *gps), 2)
    return place, limit_km


_distance: Any = None


def _distance_km() -> Any:
    """catalog.place_entities.distance_km, imported on first use (a search's place keys need no entity code) and
    kept: an import statement where it is called ran for every photo with GPS."""
    global _distance
    if _distance is None:
        from catalog.place_entities import distance_km

        _distance = distance_km
    return _distance


def _learn_place(key: str, city, province, country, country_code) -> dict:
    """Ask the gazetteer what a stated place means (without a caption), and remember the answer."""
    gazetteer = _gazetteer()
    found = gazetteer.place(None, city, province, country, country_code=country_code)
    keys = gazetteer.place_keys(found) if found is not None else []
    entry = {"place": found.to_json() if found is not None else None, "keys": keys,
             "contextual": gazetteer.contextual(city, province, country, country_code=country_code),
             "conflict_km": gazetteer.conflict_km(found)}
    memo = place_memo.current()
    memo.remember("places", key, entry)
    if found is not None:
        memo.remember("keys", _entity_key(entry["place"]), keys)
    return entry


@lru_cache(maxsize=20_000)
def _sublocation(text: str) -> str | None:
    """A stated sublocation as the entity keeps it: cleaned, None for a placeholder."""
    from catalog.place_rules import stated_levels

    return stated_levels(text)[0]


def place_level(place: dict) -> str:
    """"city", "province" or "country": the level of an entity's id ("1808722", "CN-AH", "US")."""
    entity_id = str(place.get("id") or "")
    return "city" if entity_id.isdigit() else "province" if "-" in entity_id else "country"


def place_label(place: dict | None) -> str:
    """An entity as a person reads it: "Hefei, Anhui, China"; "" for none."""
    if not place:
        return ""
    parts = [place.get("city"), place.get("province"), place.get("country")]
    return ", ".join(dict.fromkeys(part for part in parts if part))


def _reverse(gps: tuple[float, float], sublocation: str | None) -> dict | None:
    found = _gazetteer().reverse(*gps)
    if found is None:
        return None
    place = found.to_json()
    if sublocation:
        place["sublocation"] = _sublocation(sublocation)
    return place


def _conflict_entry(place: dict, gps: tuple[float, float], why: str) -> dict:
    """The conflict a stated place makes with the GPS point, as an entry of the record's ``conflicts``: the
    stated place and the point (with the place it is in), and why they cannot both be right."""
    there = _gazetteer().reverse(*gps)
    point = f"{gps[0]:.6f}, {gps[1]:.6f}" + (f" (in {place_label(there.to_json())})" if there else "")
    return {"field": "place", "copies": [[place["how"], place_label(place)], ["gps", point]], "note": why}


def _gazetteer():
    from catalog.places import get_gazetteer

    return get_gazetteer()


# --- place keys --------------------------------------------------------------------------------------------


def place_key_rows(values: dict[str, Any]) -> list[tuple[str, str]]:
    """("taken" | "shown", key) rows of a record: the keys of its place entity, and of the place it shows
    (XMP LocationShown, read as the file states it)."""
    rows = [("taken", key) for key in keys_of(values.get("place"))]
    shown = values.get("location_shown") or {}
    if any(shown.get(level) for level in LEVELS[1:]) or shown.get("country_code"):
        entity = stated_place({level: shown.get(level) for level in LEVELS}, shown.get("country_code"))
        rows.extend(("shown", key) for key in keys_of(entity))
    return rows


def keys_of(place: dict | None) -> list[str]:
    """The search keys of an entity (its country, every province it lies in, its city), remembered."""
    if not place or not place.get("id"):
        return []
    key = _entity_key(place)
    memo = place_memo.current()
    keys = memo.get("keys", key)
    if keys is None:
        keys = _gazetteer().place_keys(place)
        memo.remember("keys", key, keys)
    return list(keys)


def search_keys(typed: str):
    """What a typed place name can mean, as entity keys (``Gazetteer.search_keys``, a PlaceKeys), remembered
    between processes: `catalog search in:Gansu` needs no gazetteer once Gansu has been searched for.

    >>> sorted(search_keys("美国").all), search_keys("Georgia").ambiguous     # doctest: +SKIP
    (['country:US'], True)
    """
    from catalog.place_meanings import Meaning, PlaceKeys

    text = " ".join(str(typed).split())
    memo = place_memo.current()
    entry = memo.get("searches", text)
    if entry is None:
        found = _gazetteer().search_keys(text)
        entry = {"meanings": [list(meaning) for meaning in found.meanings], "ambiguous": found.ambiguous}
        memo.remember("searches", text, entry)
    return PlaceKeys(text, tuple(Meaning(*meaning) for meaning in entry["meanings"]), bool(entry["ambiguous"]))


def _entity_key(place: dict) -> str:
    return f"{place.get('id')}|{place.get('province_code') or ''}"


# --- credit tokens -----------------------------------------------------------------------------------------


def credit_rows(values: dict[str, Any]) -> frozenset[tuple[str, str]]:
    """(role, token) rows of a record's credit: see the module docstring. A token of the photographer's name
    is not repeated as a "credit" token (``credit:`` matches both roles)."""
    return _credit_rows(*(values.get(name) for name in CREDIT_FIELDS))


@lru_cache(maxsize=20_000)
def _credit_rows(photographer, *fields) -> frozenset[tuple[str, str]]:
    # Remembered per credit: a shoot credits the same photographer and agency on every photo.
    own = person_tokens(photographer)
    rows = {("photographer", token) for token in own}
    for text in fields:
        rows.update(("credit", token) for token in person_tokens(text) if token not in own | CREDIT_WORDS)
    for text in (fields[1], fields[2], fields[3], fields[0]):  # agency, provider, source, credit line
        rows.update(("agency", key) for key in agency_keys_in(text))
    return frozenset(rows)


@lru_cache(maxsize=20_000)
def person_tokens(text: str | None) -> frozenset[str]:
    """The name tokens of a field that may hold several names ("Zhang Da-gang; Li Xin"), each name read on
    its own (so "Da-gang" stays one token, "dagang").

    >>> sorted(person_tokens("Zhang Da-gang; Li Xin"))
    ['dagang', 'li', 'xin', 'zhang']
    """
    if not text or not str(text).strip():
        return frozenset()
    from catalog.people import name_tokens

    tokens: set[str] = set()
    for name in _names_split(str(text)):
        tokens.update(name_tokens(name))
    return frozenset(tokens)


@lru_cache(maxsize=20_000)
def agency_keys_in(text: str | None) -> frozenset[str]:
    """The registry keys of the agencies a credit field names, whole or as one of its parts: "AP Photo/Duane
    A. Laverty" → {"agency:ap"}; "Photographer", "Big Newspaper" → none.

    >>> sorted(agency_keys_in("Xinhua via Getty Images")), sorted(agency_keys_in("Minneapolis"))
    (['agency:gettyimages', 'agency:xinhua'], [])
    """
    if not text or not str(text).strip():
        return frozenset()
    from catalog.agencies import agency

    found = set()
    for part in (str(text), *_names_split(str(text))):
        named = agency(part.strip(" ()[]")) if part.strip(" ()[]") else None
        if named is not None:
            found.add(named.key)
    return frozenset(found)
