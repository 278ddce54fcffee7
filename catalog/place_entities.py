"""Places as entities: what the catalogue understands of a stated place, beside the strings the file states.

A ``Place`` has a stable id from the data (a GeoNames id for a city, ISO 3166-2 for a province, ISO 3166-1
for a country), canonical English names at each level, its names in other scripts, and how it was found:
stated in the file, read from the caption, reverse geocoded from GPS, or set by hand. Search matches places
by their keys ("country:US", "province:CN-AH", "city:1808722"): the rows a photo stores (``place_keys``)
against those a typed name can mean (``search_keys``), so "USA", "U.S.", "美国" and "United States" find
the same photos.

These are the ``Gazetteer``'s methods (``EntityLookups`` is one of its bases), kept apart from the name
look-ups (``catalog.place_names``) and the resolution (``catalog.place_resolution``) they build on:

    >>> g = get_gazetteer()                                           # doctest: +SKIP
    >>> g.place(city="合肥").id, g.place(country="USA").id            # doctest: +SKIP
    ('1808722', 'US')
    >>> g.reverse(30.59, 114.30).city                                 # doctest: +SKIP
    'Wuhan'
    >>> sorted(g.search_keys("美国").all)                              # doctest: +SKIP
    ['country:US']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from catalog.earth import distance_km
from catalog.place_keys import PROVINCE_PREFIXES, PROVINCE_SUFFIXES, name_key, spell_out, strip_designators
from catalog.place_meanings import Meaning, PlaceKeys
from catalog.place_rules import clean_level, is_placeholder, stated_levels

if TYPE_CHECKING:  # catalog.places imports this module: its types are named for the checker only
    from catalog import _placedata, _placetables
    from catalog._placegrid import CityGrid
    from catalog.bounded import BoundedMemo
    from catalog.place_resolution import _Option

#: How a place entity was found: stated in the file, read from the caption, reverse geocoded, set by hand.
HOWS = ("file", "caption", "gps", "manual")
#: A stated city farther than this from the photo's GPS point is a conflict (see ``Gazetteer.conflict``), plus
#: CONFLICT_KM_PER_MILLION for each million people: a large city reaches far from the point GeoNames gives
#: for it (Lanzhou's airport is 53 km from it; Chongqing's districts lie 100 km and more from its centre).
CONFLICT_KM = 50.0
CONFLICT_KM_PER_MILLION = 10.0


def conflict_km(population: int | None) -> float:
    """How far from its point a city of this many people may be said to be: 50 km, plus 10 per million.

    >>> conflict_km(None), conflict_km(3_000_000), conflict_km(18_960_744)
    (50.0, 80.0, 239.6)
    """
    return round(CONFLICT_KM + CONFLICT_KM_PER_MILLION * (population or 0) / 1e6, 1)


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


def _as_mapping(place) -> Mapping | None:
    if place is None:
        return None
    return place.to_json() if isinstance(place, Place) else place


def _point_of(place) -> tuple[float, float] | None:
    entity = _as_mapping(place)
    if not entity or entity.get("lat") is None or entity.get("lon") is None:
        return None
    return float(entity["lat"]), float(entity["lon"])


def _stated(sublocation, city, province, country, country_code) -> tuple | None:
    """The levels ``place`` reads, placeholders as not stated, the file's country code for a missing country;
    None when no city, province or country is left."""
    given = stated_levels(sublocation, city, province, country)
    if given[3] is None and country_code:
        given = (*given[:3], *stated_levels(country_code))
    return given if any(given[1:]) else None


def _city_and_province(given: tuple) -> tuple | None:
    """A city field that holds its province too ("Princeton, NJ"), read as the two; None for any other."""
    if not given[1] or "," not in given[1] or given[2]:
        return None
    head, _, tail = given[1].partition(",")
    split = (given[0], head.strip() or None, tail.strip() or None, given[3])
    return split if split[1] and split[2] else None


def city_conflict(place: Mapping, lat: float, lon: float, limit_km: float = CONFLICT_KM) -> str | None:
    """Why a stated city cannot be where the GPS point is (its centre is more than ``limit_km`` away, see
    ``conflict_km``), for a person; None when it can be. Needs no gazetteer: the city's point is in the entity.

    >>> city_conflict({"id": "1808722", "name": "Hefei", "lat": 31.86, "lon": 117.28}, 30.59, 114.30)
    'Hefei is 322 km from the GPS point'
    """
    point = _point_of(place)
    if point is None:
        return None
    distance = distance_km(point[0], point[1], float(lat), float(lon))
    if distance > limit_km:
        return f"{place.get('name')} is {distance:,.0f} km from the GPS point"
    return None


class EntityLookups:
    """The entity side of the ``Gazetteer``: places, reverse geocoding, conflicts and search keys.

    A base of ``catalog.places.Gazetteer``, whose indexes (``_cities``, ``_subs``, ``_countries`` ...) and
    name look-ups these methods read; it is never made on its own.
    """

    if TYPE_CHECKING:
        # What these methods read of the Gazetteer (built in catalog.places), declared so they are checked.
        _index: _placetables.CityIndex
        _cities: _placetables.CityTable
        _countries: dict[str, _placedata.CountryRecord]
        _country_by_code: dict[str, str]
        _subs: Mapping[str, _placedata.SubdivisionRecord]
        _top_of: Mapping[str, str]
        _sub_by_name: Mapping[str, list[str]]
        _sub_by_abbreviation: dict[str, list[str]]
        _family: dict[str, set[str]]
        _city_entities: BoundedMemo[tuple[int, str | None], tuple]
        _by_geonameid: _placetables.GeonameIds | None
        _searched: BoundedMemo[str, PlaceKeys]

        def _options(self, given: tuple) -> tuple[_Option, ...]: ...
        def _choose(self, given: tuple, context: str) -> _Option: ...
        def city_grid(self) -> CityGrid: ...
        def _province_of(self, position: int) -> str | None: ...
        def _country_of(self, text: str, *, codes: bool = True) -> str | None: ...
        def _cities_of(self, text: str) -> tuple[list[int], bool]: ...
        def _country_name(self, code: str | None) -> str | None: ...
        def _province_point(self, code: str) -> tuple[float, float] | None: ...
        def _country_point(self, code: str) -> tuple[float, float] | None: ...

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
        given = _stated(sublocation, city, province, country, country_code)
        if given is None:
            return None
        ref = self._choose(given, context).ref
        split = _city_and_province(given)
        if ref[0] != "city" and split is not None and self._choose(split, context).ref[0] == "city":
            # "Princeton, NJ" in the city field: the city and its province
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

    def contextual(
        self, city: str | None = None, province: str | None = None, country: str | None = None, *,
        country_code: str | None = None,
    ) -> bool:
        """Whether the caption's words (``place``'s ``context``) can change which place these levels mean.

        True when a stated place has more than one reading close enough for the caption to decide
        ("Valencia": Spain or Venezuela); False for "Hefei" or "Portland, Oregon". A place that is not
        contextual means the same entity whatever the caption says, so its answer can be remembered.
        """
        given = _stated(None, city, province, country, country_code)
        if given is None:
            return False
        if len(self._options(given)) > 1:
            return True
        split = _city_and_province(given)
        return split is not None and len(self._options(split)) > 1

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
        self, place: Place | Mapping | None, lat: float, lon: float, *, limit_km: float | None = None
    ) -> str | None:
        """Why a stated place cannot be where the photo's GPS point is, for a person; None when it can be.

        A city: its centre is more than ``limit_km`` from the point (by default ``conflict_km`` of its
        population: 50 km and 10 more per million people): "Hefei is 1,323 km from the GPS point". A province
        or a country stated without a city: no city of it lies within ``limit_km`` (50 km) of the point, and
        the point is in another ("the GPS point is in Japan, not China"). A place reverse geocoded from the
        same point never conflicts.
        """
        entity = _as_mapping(place)
        if not entity or entity.get("how") == "gps" or entity.get("id") is None:
            return None
        if str(entity["id"]).isdigit():
            return city_conflict(entity, lat, lon, limit_km or self.conflict_km(entity))
        limit_km = limit_km or CONFLICT_KM
        nearby = self.city_grid().within(float(lat), float(lon), limit_km)
        code, country = entity.get("province_code"), entity.get("country_code")
        family: set[str] = self._family.get(country, {country}) if country else set()
        for position, _ in nearby:
            city = self._cities[position]
            if city.country_code in family and (
                code is None or self._province_of(position) == self._top_of.get(code, code)
            ):
                return None
        there = self.reverse(lat, lon)
        if there is None:
            return None
        stated = entity.get("province") if code else entity.get("country")
        if code and there.province_code and there.province_code != self._top_of.get(code, code):
            return f"the GPS point is in {there.province}, {there.country}, not {stated}"
        if there.country_code and there.country_code not in family:
            return f"the GPS point is in {there.country}, not {stated}"
        return None

    def conflict_km(self, place: Place | Mapping | None) -> float:
        """How far from a stated place's point the photo may be (``conflict_km``: by a city's population)."""
        entity = _as_mapping(place)
        position = None
        if entity and entity.get("id") and str(entity["id"]).isdigit():
            position = self._position_of(str(entity["id"]))
        return conflict_km(self._cities[position].population if position is not None else None)

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
        text = clean_level(typed)
        if not text or is_placeholder(text):
            return PlaceKeys(text or "", ())
        cached = self._searched.get(text)
        if cached is not None:
            return cached
        return self._searched.keep(text, self._search_keys(text))

    def _search_keys(self, text: str) -> PlaceKeys:
        # ("country", code) | ("province", code) | ("city", position)
        entities: list[tuple[str, str | int]] = []
        if "," in text:
            parts = [part.strip() for part in text.split(",")]
            if len(parts) <= 4 and all(parts):
                # "Portland, Ore." (city, province; a country there is understood), "Hefei, Anhui, China"
                given = {2: (None, *parts, None), 3: (None, *parts)}.get(len(parts), parts)
                entity = self.place(*given)
                if entity is not None and entity.id is not None and entity.level:
                    ref = entity.id if entity.level != "city" else self._position_of(entity.id)
                    if ref is not None:
                        return self._keys_of(text, [(entity.level, ref)])
        upper = text.upper()
        if "-" in upper and upper in self._subs:  # an ISO 3166-2 code means that subdivision alone: "CN-AH"
            territory = self._territory(upper)
            return self._keys_of(text, [("country", territory) if territory else ("province", upper)])
        # A GeoNames id, as `places` prints it.
        if text.isdigit() and (position := self._position_of(text)) is not None:
            return self._keys_of(text, [("city", position)])
        key = name_key(text)
        country = self._country_by_code.get(key) if len(key) == 2 else None
        if country is None and len(text) == 3 and text.isupper():
            country = self._country_by_code.get(key)
        country = country or self._country_of(text, codes=False)
        if country:
            entities.append(("country", country))
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
            self._by_geonameid = self._cities.by_geonameid()
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
            names = self._city_names(position)
            base = self._city_entities.keep((position, province_code), (
                str(city.geonameid), city.name, city.name, record.name if record else None, code,
                self._country_name(city.country_code), city.country_code, city.lat, city.lon, names))
        if gps is not None and distance is None:
            distance = distance_km(base[7], base[8], float(gps[0]), float(gps[1]))
        return Place(
            base[0], base[1], sublocation, base[2], base[3], base[4], base[5], base[6], base[7], base[8],
            approximate, None if distance is None else round(distance, 2), how, base[9],
        )

    def _city_names(self, position: int) -> dict[str, str]:
        """A city's names in Chinese, Japanese and Korean (``_placedata.city_names``), remembered between
        processes (kind ``city_names`` of the place memo, by GeoNames id): made from the alternate-name index
        and hanzidentifier's verdict on each name, which a process would otherwise load, about 40 ms, for the
        first GPS point it places."""
        from catalog import place_memo

        city = self._cities[position]
        key = str(city.geonameid)
        memo = place_memo.current()
        names = memo.get("city_names", key)
        if names is None:
            from catalog import _placedata  # here: search keys and distances need none of the raw data

            names = _placedata.city_names(self._index.alternate_names(position), city.country_code)
            memo.remember("city_names", key, names)
        return dict(names)

    def _area_place(
        self, province_code: str | None, country_code: str | None, sublocation: str | None, how: str,
        approximate: bool, gps: tuple[float, float] | None,
    ) -> Place:
        """The entity of a province (``province_code``) or of a whole country (``country_code``)."""
        if province_code is not None:
            record = self._subs[province_code]
            country_code = record.country_code
            point = self._province_point(province_code)
            from catalog import _placedata

            names = _placedata.area_names(record.native, self._countries.get(country_code))
            entity_id, name, province = province_code, record.name, record.name
        else:
            assert country_code is not None, "a province or a country is given"
            country = self._countries[country_code]
            point = self._country_point(country_code)
            from catalog import _placedata

            names = _placedata.country_names(country)
            entity_id, name, province = country_code, country.name, None
        return Place(
            entity_id, name, sublocation, None, province, province_code, self._country_name(country_code),
            country_code, point[0] if point else None, point[1] if point else None, approximate, None, how,
            names,
        )
