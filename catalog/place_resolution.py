"""The gazetteer's reading of a stated place: a caption's city, province and country completed and checked.

The caption's country and province are hard filters; then population, with the caption text (``context``)
as weak evidence: the candidate's province named in it adds 1.5 and its country 1.0 to log10(population),
enough to pick Valencia, Spain over the larger Valencia, Venezuela when the caption says "Spain", not enough
to move Paris to Texas because a caption mentions Texas. GeoNames' alternate names (other languages and
scripts, old names) count only for a name that no city has as its own ("Cracow", "合肥"), or when the most
populous city holding that alternate name lies in the country or province the caption gives ("Canton,
China" is Guangzhou; "Canton, Ohio" is Canton). So the historical "Washington" of a small Maryland town never
answers "Washington, Md.", which stays as written, without coordinates.
A name in Chinese characters of a city abroad renders its own name's sounds, which every namesake shares, while
GeoNames gives it to one of them (华盛顿 to a Washington of 24,000 in Utah): it stands for all of them, and
population decides, as for the name in English.
A territory ISO 3166-1 lists apart and ISO 3166-2 lists in another country (Taiwan, Hong Kong, Macau, Puerto Rico),
written where a province goes, is that territory: "台北, 台湾" is Taipei, Taiwan, as "Taipei, Taiwan" is.

These are the ``Gazetteer``'s methods (``StatedPlaces`` is one of its bases; see ``catalog.places`` for more
worked examples), built on the name look-ups of ``catalog.place_names``:

    >>> get_gazetteer().resolve(city="Portland", province="Ore.").country        # doctest: +SKIP
    'United States'
    >>> get_gazetteer().resolve(city="Valencia", context="... in Spain").country  # doctest: +SKIP
    'Spain'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from catalog.bounded import BoundedMemo
from catalog.place_entities import distance_km
from catalog.place_keys import TOWN_UNIT_WORDS, name_key, near_spellings
from catalog.place_names import NameLookups
from catalog.place_rules import CITY_LEVEL_TYPES, stated_levels

if TYPE_CHECKING:
    from catalog.venues import VenueRegister

#: Weight of the caption text as evidence, added to log10(population) (see the module docstring).
CONTEXT_PROVINCE_WEIGHT = 1.5
CONTEXT_COUNTRY_WEIGHT = 1.0
#: Candidates kept for the context to choose from: within this much of the best score, at most this many.
_CONTEXT_MARGIN = CONTEXT_PROVINCE_WEIGHT + CONTEXT_COUNTRY_WEIGHT
_CONTEXT_CANDIDATES = 5
_LOWER_LEVEL_PENALTY = 3.0
#: How far apart the towns of one name in one province may lie for one of them to stand for the place.
_TOWN_SPREAD_KM = 30.0


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


def choose(options: tuple[_Option, ...], context: str) -> _Option:
    """Of a stated place's readings (best first), the one the caption's words (`context`) support best."""
    if len(options) == 1 or not context:
        return options[0]
    mentioned = f" {name_key(context)} "
    best = max(
        range(len(options)),
        key=lambda i: (options[i].score + sum(w for k, w in options[i].evidence if k in mentioned), -i),
    )
    return options[best]


class StatedPlaces(NameLookups):
    """The resolving side of the ``Gazetteer``: a stated place read, completed and normalised.

    A base of ``catalog.places.Gazetteer``, whose indexes these methods read through the name look-ups they
    inherit; it is never made on its own.
    """

    if TYPE_CHECKING:
        # What these methods read of the Gazetteer (built in catalog.places), declared so they are checked.
        _resolved: BoundedMemo[tuple, tuple[_Option, ...]]

    def resolve(
        self,
        sublocation: str | None = None,
        city: str | None = None,
        province: str | None = None,
        country: str | None = None,
        *,
        context: str = "",
        venues: VenueRegister | None = None,
    ) -> ResolvedPlace | None:
        """Complete and normalise a caption's place; None when nothing at all is known.

        The caption's country and province are hard evidence, ``context`` (the caption text) weak evidence;
        see the module docstring for worked examples. ``venues`` is the venue register in force (the house
        rules' own venues added to the shipped ones; the shipped register when not given): a venue named alone
        is placed in its city.
        """
        given = stated_levels(sublocation, city, province, country)
        if not any(given):
            return None
        from catalog.venues import placed_by_venue  # (read only when a caption names a venue alone)

        return self._choose(placed_by_venue(given, venues), context).place

    def _options(self, given: tuple) -> tuple[_Option, ...]:
        """The readings of a stated place, best first, memoised: more than one when the caption may decide."""
        options = self._resolved.get(given)
        if options is None:
            options = self._resolved.keep(given, tuple(self._resolve(*given)))
        return options

    def _choose(self, given: tuple, context: str) -> _Option:
        """The reading of a stated place that the context supports best (memoised without the context)."""
        return choose(self._options(given), context)

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

        if provinces:
            territories = {self._territory_of(code) for code in provinces}
            if len(territories) == 1 and None not in territories:
                # "台北, 台湾", "九龙, 香港": a territory ISO 3166-1 lists apart (Taiwan, Hong Kong, Macau), written
                # where a province goes, is that territory, as its name in the country slot is: its cities are its own
                country_code, province, provinces = territories.pop(), None, None

        positions: list[int] = []
        if city:
            hits, own_name = self._cities_of(city)
            if hits and not own_name:
                hits = self._sounded_namesakes(city, hits)
            if not hits:
                hits = self._cities_in_han_forms(city, stems=bool(provinces))
            if not hits and (country_code or provinces) and self._town_of(
                    city, country_code, provinces, near=False) is None:  # (a town of the name as written first)
                hits = self._cities_spelt_near(city, country_code, provinces)
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
            if hits and not positions and provinces and country_code is None:
                # "Deir al-Balah, Gaza": the province slot's name is a province of another country (Mozambique's
                # Gaza), while the city is known where that name is a city too (Gaza): the caption means there,
                # and its province stays in its words. A name that is no city anywhere keeps the province.
                places, _ = self._cities_of(province)
                where = {self._cities[p].country_code for p in places}
                positions = [p for p in hits if self._cities[p].country_code in where]
                if positions:
                    provinces = None
            if not hits and not provinces and not province:
                as_province = self._provinces_of(city)
                if country_code:
                    family = self._family.get(country_code, {country_code})
                    as_province = [code for code in as_province if self._subs[code].country_code in family]
                if as_province and self._town_of(city, country_code, as_province) is not None:
                    provinces = as_province  # "Paro, Bhutan", "Kotor": a district named for its seat, the town
                elif as_province:  # "Gansu" in the city slot
                    city, province, provinces = None, city, as_province
                elif country_code is None and self._country_of(city, codes=False):
                    city, country_code = None, self._country_of(city, codes=False)

        # (a province the caption states in words no subdivision bears, "Trás-os-Montes", is not overruled)
        town = self._town_of(city, country_code, provinces) if city and not positions and (
            provinces or not province) else None
        if positions:
            options = [self._city_option(given, p, provinces, province) for p in positions]
        elif town is not None:
            options = [self._town_option(given, *town, city)]
        elif provinces:
            options = [self._province_option(given, code, city) for code in provinces]
        else:
            options = [self._country_option(given, country_code, city, province)]
        options.sort(key=lambda option: -option.score)
        best = options[0].score
        return [option for option in options if option.score >= best - _CONTEXT_MARGIN][:_CONTEXT_CANDIDATES]

    def _sounded_namesakes(self, city: str, hits: list[int]) -> list[int]:
        """The cities a name in Chinese characters found by an alternate name means: for a city abroad, every city
        of its own name outside the countries that write their names in characters (``NAMES_IN_HAN``). The name
        renders the sounds of the city's own, which its namesakes share, while GeoNames gives it to one of them,
        often not the largest (华盛顿 to a Washington of 24,000 in Utah, 華盛頓 to one in England, 华盛顿特区 to the
        capital): population then decides among them, as it does for "Washington" written in English, and the
        caption's country or province filters them ("華盛頓, 美國" is Washington, D.C.)."""
        from catalog.place_han import NAMES_IN_HAN, is_han

        if not is_han(city):
            return hits
        found = list(hits)
        for position in hits:
            holder = self._cities[position]
            if holder.country_code in NAMES_IN_HAN:
                continue
            found += [other for other in self._index.primary.get(name_key(holder.name), ())
                      if other not in found and self._cities[other].country_code not in NAMES_IN_HAN]
        return found

    def _cities_spelt_near(self, city: str, country_code: str | None, provinces: list[str] | None) -> list[int]:
        """The city a name means that is spelt one slip of transliteration away from its own or another of its
        names (``near_spellings``: a vowel, a doubled letter or a space; names of seven letters or more), in the
        country or province stated ("Sulaimaniyah, Iraq" is Sulaymaniyah, "Lillongwe, Malawi" Lilongwe): [] unless
        exactly one city there is so spelt."""
        alternate = self.alternate_index()
        found: list[int] = []
        for spelling in near_spellings(name_key(city)):
            found += self._index.primary.get(spelling, ())
            if spelling in alternate:
                found.append(alternate[spelling])
        kept = set(self._filter(list(dict.fromkeys(found)), country_code, provinces))
        return list(kept) if len(kept) == 1 else []

    def _territory_of(self, code: str) -> str | None:
        """The country code of a territory ISO 3166-1 lists apart that ISO 3166-2 lists as this subdivision
        (CN-TW: TW, CN-HK: HK), else None."""
        record = self._subs[code]
        listed = code.partition("-")[2]
        if listed != record.country_code and listed in self._family.get(record.country_code, ()):
            return listed
        return None

    def _town_of(self, city: str, country_code: str | None, provinces: list[str] | None, *, near: bool = True
                 ) -> tuple[str, float, float] | None:
        """The province code and point of a town too small for the cities (``town_points``) that a caption
        names with its province or country ("Ketchikan, Alaska", "Quilpie, Queensland", 花垣县 in 湖南): only
        checked against a stated level, and only where the towns of that name it leaves lie in one province.
        A town named alone is not placed: among 150,000 names, a word read as a city would find one somewhere.
        A unit of China's administration written with its designator (缙云县, 东西湖区, 鹿谷鄉, 阿克苏地区: a name
        no word is) is the exception: found by its stem's readings among the towns of China, Taiwan, Hong Kong and
        Macau (or of the country stated), and placed where one province holds them all.
        """
        from catalog.place_han import HAN_COUNTRIES, TOWN_UNIT_ENDS, is_han, readings, unit_stem, unit_stems

        han = is_han(city)
        designated = han and unit_stems(city)
        if not (country_code or provinces or designated):
            return None
        points = self.town_points()
        if han:
            if not (provinces or designated):
                return None
            stems = [stem for stem, _level in designated or ()]
            keys = [key for stem in dict.fromkeys([*stems, unit_stem(city, TOWN_UNIT_ENDS)]) for key in readings(stem)]
            found = next((towns for towns in map(points.find, keys) if towns), [])
            if not (country_code or provinces):
                found = [town for town in found if town[2].partition("-")[0] in HAN_COUNTRIES]
        else:
            key = name_key(city)
            found = points.find(key)
            head, _, last = key.rpartition(" ")
            if not found and head and last in TOWN_UNIT_WORDS:  # "Anping County": the town Anping
                found = points.find(head)
            if not found and near:  # "Kitzbuehel, Austria": the town spelt one slip away, in the place stated
                found = [town for spelling in near_spellings(key) for town in points.find(spelling)]
        towns = [town for town in found if town[2] in self._subs]
        if country_code:
            family = self._family.get(country_code, {country_code})
            towns = [town for town in towns if self._subs[town[2]].country_code in family]
        if provinces:
            tops = {self._subs[code].top for code in provinces}
            towns = [town for town in towns if self._subs[town[2]].top in tops]
        if len({self._subs[town[2]].top for town in towns}) != 1:
            return None
        lat, lon, code = towns[0]
        if any(distance_km(lat, lon, other[0], other[1]) > _TOWN_SPREAD_KM for other in towns[1:]):
            return None  # two towns of the name far apart in one province (花垣 in 湖南): which one is not known
        top = self._subs[code].top or code
        named = [stated for stated in provinces or () if self._subs[stated].top == top]
        return (named[0] if named else top), round(lat, 5), round(lon, 5)

    def _town_option(self, given: tuple, code: str, lat: float, lon: float, city: str) -> _Option:
        """A town of ``_town_of``: its province's reading, with the town's point and the caption's name for it."""
        option = self._province_option(given, code, city)
        return option._replace(place=replace(option.place, lat=lat, lon=lon))

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
