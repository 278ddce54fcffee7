"""The gazetteer's name look-ups: what a country, province or city name can mean, and where it lies.

Every spelling a caption or a search box may use is folded to one key (``catalog.place_keys.name_key``) and
looked up in the indexes the ``Gazetteer`` built (``catalog.places``): countries by name, code or press form,
ISO subdivisions by name or abbreviation, GeoNames cities by their own name, then by an alternate one. These
are the ``Gazetteer``'s methods (``NameLookups`` is the first of its bases), kept apart from how it is built
and kept (``catalog.places``) and from the reading of a whole stated place (``catalog.place_resolution``):

    >>> g = get_gazetteer()                                              # doctest: +SKIP
    >>> g.country_code("U.S."), g.country_name("Korea, Republic of")      # doctest: +SKIP
    ('US', 'South Korea')
    >>> g.canonical("合肥"), g.locate("Gansu")                             # doctest: +SKIP
    (['Hefei'], (38.0, 102.0))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from catalog.place_keys import (
    CITY_PREFIXES,
    CITY_SUFFIXES,
    COUNTRY_PREFIXES,
    PROVINCE_PREFIXES,
    PROVINCE_SUFFIXES,
    article_variants,
    name_key,
    spell_out,
    strip_designators,
)
from catalog.place_rules import (
    _CODE_AND_NAME,
    COUNTRY_SUFFIXES,
    PROVINCE_KINDS,
    clean_level,
    is_placeholder,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from catalog import _placedata, _placetables
    from catalog.bounded import BoundedMemo


class NameLevels(NamedTuple):
    """What a bare place name can be (see ``Gazetteer.name_levels``)."""

    country: str | None = None  # ISO 3166-1 code when the name is a country's
    province: str | None = None  # ISO 3166-2 code when it is a first-level subdivision's
    city_population: int = 0  # the most populous city of that name (0: no city has it as its own name)
    city_country: str | None = None
    #: A name nothing above knows, that GeoNames' places of 1,000 people or more have as their own: the most
    #: populous one's people (1 when not given). Evidence of a small town ("Tidaholm"), never a value.
    town_population: int = 0



class NameLookups:
    """The name side of the ``Gazetteer``: a name's countries, provinces and cities, and its point.

    A base of ``catalog.places.Gazetteer``, whose indexes (``_cities``, ``_subs``, ``_countries`` ...) these
    methods read; it is never made on its own.
    """

    if TYPE_CHECKING:
        # What these methods read of the Gazetteer (built in catalog.places), declared so they are checked.
        _index: _placetables.CityIndex
        _cities: _placetables.CityTable
        _countries: dict[str, _placedata.CountryRecord]
        _country_by_name: Mapping[str, str]
        _country_by_code: dict[str, str]
        _subs: Mapping[str, _placedata.SubdivisionRecord]
        _sub_by_name: Mapping[str, list[str]]
        _sub_by_abbreviation: dict[str, list[str]]
        _family: dict[str, set[str]]
        _members: dict[str, Sequence[int]]
        _canonical: BoundedMemo[str, list[str]]
        _located: BoundedMemo[str, tuple[float, float] | None]

        def _province_of(self, position: int) -> str | None: ...
        def alternate_index(self) -> _placetables.PackedIndex: ...
        def town_table(self) -> _placetables.PackedIndex: ...
        def town_points(self) -> _placetables.TownPoints: ...

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
        found = self._cities_named(variants)
        if found[0]:
            return found
        respelt = article_variants(variants[0])
        # "Deir al-Balah" where the gazetteer writes "Dayr al Balah" and has "Deir el-Balah" among its other
        # names: the same name with its article spelt another way, found as the name itself or another of its.
        return self._cities_named(respelt) if respelt else ([], False)

    def _cities_named(self, variants: list[str]) -> tuple[list[int], bool]:
        """Positions of the cities whose own name is one of `variants` (True), else the one an alternate name of
        theirs gives (False)."""
        found: list[int] = []
        for variant in variants:
            for position in self._index.primary.get(variant, ()):
                if position not in found:
                    found.append(position)
        if found:
            return found, True
        by_alternate = self._city_by_alternate(variants)
        return ([by_alternate], False) if by_alternate is not None else ([], False)

    def _cities_in_han_forms(self, text: str, *, stems: bool = False) -> list[int]:
        """Cities a name in Chinese characters means that GeoNames holds under another form of it only: the other
        script (丽江 as 麗江), the name with its 市 (枣庄 as 枣庄市), or, where it gives the city no characters,
        the name's sounds in pinyin among its other names (曼谷 as "man gu"). With ``stems`` (when the caption
        names the province to check against), a county's or a district's stem too (永修县 as 永修), which alone
        may be a town of that name anywhere (金乡县 is in Shandong, a town 金乡 in Zhejiang). A prefecture's
        stem is tried with or without a province (阿克苏地区 as 阿克苏, its seat): a name with 地区, 盟 or 自治州 is a
        prefecture of China, and its stem a city of China, Hong Kong, Macau, Taiwan or Singapore only. For placing a
        caption's city that its own keys miss; [] for a name with a character that is not Han, or of one.
        """
        from catalog.place_han import HAN_COUNTRIES, han_forms, is_han, pinyin_keys

        if len(text) < 2 or not is_han(text):
            return []
        abroad: list[int] = []
        for form, kind in han_forms(text):
            if kind == "stem" and not stems:
                continue
            positions, _ = self._cities_of(form)
            if kind != "script":  # the name with 市 or a stem names a city of China, not 市中 in Japan
                if kind == "city" and not abroad:  # ... unless no other form names one: 广岛 is 廣島市, Hiroshima
                    abroad = [p for p in positions if self._cities[p].country_code not in HAN_COUNTRIES]
                positions = [p for p in positions if self._cities[p].country_code in HAN_COUNTRIES]
            if positions:
                return positions
        for key in pinyin_keys(text, stems=stems):
            position = self._city_by_alternate([key])
            # the sounds stand for the characters only of a city GeoNames gives no characters: one that has
            # its own (石塚 for Ishitsuka, read "shi zhong") is another name sounding the same (市中区)
            if position is not None and not any(is_han(name) for name in self._index.alternate_names(position)):
                return [position]
        return abroad

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
        found = self._canonical.keep(text, list(dict.fromkeys(names)))
        return list(found)

    def name_levels(self, name: str) -> NameLevels:
        """What a bare name in prose can be, level by level, for the caption parser to weigh a place phrase.

        Only countries and first-level subdivisions count as such (and a second-level one of a province's kind
        that no city, town or country bears the name of: "Aceh", "Devon"), and a city by its own name (not an
        alternate) with its population; the most populous city of the name is the one reported. A name none of
        these know may still be one of GeoNames' places of 1,000 people or more (``town_population``), which
        the caption parser weighs as a town. Nothing is resolved or completed: a caption's values stay as
        written.

        >>> levels = get_gazetteer().name_levels("Hiroshima")
        >>> levels.country, levels.province, levels.city_population > 1_000_000, levels.city_country
        (None, 'JP-34', True, 'JP')
        >>> get_gazetteer().name_levels("Türkiye").country, get_gazetteer().name_levels("Intramuros")
        ('TR', NameLevels(country=None, province=None, city_population=0, city_country=None, town_population=0))
        >>> get_gazetteer().name_levels("Tidaholm").town_population   # a Swedish town of 8,000: no city here
        8175
        """
        text = clean_level(name)
        if not text or is_placeholder(text):
            return NameLevels()
        country = self._country_of(text, codes=False)
        codes = self._provinces_of(text, abbreviations="." in text)
        provinces = [code for code in codes if self._subs[code].parent is None]
        positions, own_name = self._cities_of(text)
        population, city_country = 0, None
        if own_name and positions:
            biggest = max(positions, key=lambda p: self._cities[p].population)
            population, city_country = self._cities[biggest].population, self._cities[biggest].country_code
        town = 0
        if not (country or provinces or population):  # (a city's other name only, "Hayden", is no city's own)
            town = max((self.town_table().get(variant, 0) for variant in self._city_variants(text)), default=0)
        if not (provinces or population or country or town):
            # a subdivision of the second level that no city or town bears the name of: where ISO's first level
            # groups the provinces ("Aceh" under Sumatra, "Bohol" under Central Visayas, "Devon" under England,
            # "Kerry" under Munster), that is the level a caption writes as the province. One that names a city or
            # a town too ("Cork", "Kent", "Conwy") is left to the town. A district or a municipality shares its
            # name with its seat town ("Bogura") and stands in for the city: only ``PROVINCE_KINDS`` count.
            provinces = [code for code in codes if self._subs[code].parent is not None
                         and self._subs[code].type.casefold() in PROVINCE_KINDS]
        return NameLevels(country, provinces[0] if provinces else None, population, city_country, town)

    def lower_province_country(self, name: str) -> str | None:
        """The country of a subdivision of the second level, of a province's kind, that bears a name: the level
        ``name_levels`` leaves to a city of the same name ("Cebu" is a city and, under Central Visayas, the
        province PH-CEB), for the caption reader to weigh "Oslob, Cebu" with.

        >>> gazetteer = get_gazetteer()
        >>> gazetteer.lower_province_country("Cebu"), gazetteer.lower_province_country("Lahore")
        ('PH', None)
        """
        text = clean_level(name)
        if not text or is_placeholder(text):
            return None
        return next((self._subs[code].country_code for code in self._provinces_of(text, abbreviations="." in text)
                     if self._subs[code].parent is not None and self._subs[code].type.casefold() in PROVINCE_KINDS),
                    None)

    def subdivision_holding(self, city: str, abbreviation: str) -> str | None:
        """The code of the first-level subdivision that an abbreviation written after a city names, when the
        gazetteer knows a city of that name in it: the state or province of "City, ST" checked against the
        city's own, since a postal code alone ("IN", "OR", "ME") reads as a word as often as a state.

        >>> gazetteer = get_gazetteer()
        >>> gazetteer.subdivision_holding("Lower Sackville", "NS"), gazetteer.subdivision_holding("Paris", "NS")
        ('CA-NS', None)
        """
        code_text, city_text = clean_level(abbreviation), clean_level(city)
        codes = self._provinces_of(code_text, abbreviations=True) if code_text else []
        if not codes or not city_text:
            return None
        positions, _ = self._cities_of(city_text)
        return next((code for p in positions if (code := self._province_of(p)) in codes), None)

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
        return self._located.keep(text, self._locate(text))

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
