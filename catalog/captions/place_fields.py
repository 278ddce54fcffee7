"""A place chain's named places turned into a Place's fields: city, province, country, and the unit below the city.

The chain readers (``place_chains.py`` for English prose, ``chinese_places.py`` for Chinese, and the dateline and
heading readers of ``locations.py``) find the places; ``resolve`` decides which of them is the city, the province
and the country, since captions write them unevenly: a name with no level is the city when it comes first and
the province after a city; a county stands in for the city when none is named; a district before a bigger city
is inside it. Worked examples::

    Hefei (place), Anhui (province), China (country)       city Hefei, province Anhui, country China
    Rome (place), New York (province)                      city Rome, province New York
    New York (province, alone)                             city New York
    Congjiang County, Qiandongnan ... Prefecture           city Congjiang County (the county stands in)
    Sham Shui Po (place), Hong Kong (city)                 city Hong Kong; Sham Shui Po is the unit below it
    BEIJING, CHINA (a dateline)                            city Beijing, country China
"""

from __future__ import annotations

from itertools import pairwise

from catalog.captions.counties import TOWN_NAMED_COUNTIES, first_level_county, is_county
from catalog.captions.gazetteer import (
    a_town_of,
    kilometres_apart,
    lower_province_country,
    name_levels,
    subdivision_holding,
    subdivision_with_town,
)
from catalog.captions.place_chains import POSTAL, Chain
from catalog.captions.place_names import Element, classify
from catalog.captions.types import Place
from catalog.captions.vocabulary import (
    ABBREVIATIONS,
    CHINA_PROVINCES,
    CITY_STATES,
    DIRECTIONS,
    KIND_LEVELS,
    MUNICIPALITIES,
    OCCUPATION_TITLES,
    STATE_CITIES,
    STATES,
    SUB_DISTRICT_WORDS,
    TITLE_WORDS,
    TOWN_LIKE_VENUE_WORDS,
)
from catalog.patterns import compiled


def resolve(chain: Chain) -> tuple[Place, str | None]:
    """City, province and country from a chain's elements, and the sub-city unit that may be the sublocation.

    The unit is a village or town, else a district inside a named city (a county is none: ``_a_county``).

    >>> resolve(Chain("in", [Element("county", "Qingxiu District", 0, 0),
    ...                      Element("city", "Nanning", 0, 0, link="of")]))
    (Place(sublocation=None, city='Nanning', province=None, country=None), 'Qingxiu District')
    >>> resolve(Chain("in", [Element("county", "Xincheng County", 0, 0), Element("city", "Laibin", 0, 0, link="of")]))
    (Place(sublocation=None, city='Laibin', province=None, country=None), None)
    """
    place = Place()
    towns: list[Element] = []
    counties: list[Element] = []
    owner = None  # a country written as "east China's ...", used when no country element is named
    _towns_named_like_venues(chain.elements, chain.prep)
    _counties_after_a_town(chain.elements)
    _cities_named_like_provinces(chain.elements)
    if len(chain.elements) > 1:
        _states_named_like_countries(chain.elements)
        _towns_named_like_countries(chain.elements)
    _regions_named_by_a_side(chain.elements)
    _regions_after_a_town(chain.elements)
    if len(chain.elements) > 1:  # (most chains are one name: none of these three reads one)
        _a_water_named_like_a_city(chain.elements)
        _a_country_code_after_its_city(chain.elements)
        _a_sub_district_of_its_district(chain.elements)
        _a_unit_before_its_town_and_province(chain.elements)
        _a_part_after_its_city(chain.elements)
    inside_city: list[Element] = []  # counties written before the city, so inside it
    for number, element in enumerate(chain.elements):
        level, value = element.level, element.value
        if _a_post_of(element, chain.elements[number + 1:]):
            break  # "La Moneda Palace, the office of the President of Chile": the post's country, not the palace's
        if level == "county" and place.city is None:
            inside_city.append(element)
        if level == "place" and number == 0 and _village_of_a_county(element, chain.elements[1:]):
            towns.append(element)  # "in Nankeng, Anyi county in East China's Jiangxi province": a village
            continue
        if level == "place" and _inside_a_city(element, chain.elements[number + 1:]):
            level = "county"  # "Intramuros, Manila", "Sham Shui Po in Hong Kong": a district of the city
            counties.append(element)
            inside_city.append(element)
            continue
        owner = owner or element.country
        if level == "town":
            towns.append(element)
        elif level == "county":
            counties.append(element)
        elif level == "city" and place.city is None:
            place.city = value
            if value.casefold() in CITY_STATES and value.casefold() not in MUNICIPALITIES:
                place.country = place.country or value  # "in Singapore": the city and the country
        elif level == "province":
            after_venue = element.link == "," and number > 0 and chain.elements[number - 1].level == "venue"
            # "Ross Lake, Northern Cascades National Park, Washington": the state the venue is in
            alone = place.city is None and place.province is None and not counties and not after_venue
            if value.casefold() in STATE_CITIES and alone and not element.described:
                place.city = value  # "in New York", "in Washington": the city ("in upstate New York": the state)
            elif place.province is None:
                place.province = value
        elif level == "country" and place.country is None and _a_region_of_a_later_country(
                element, chain.elements[number + 1:]):
            if place.province is None:  # "Thessaloniki, Macedonia, Greece", "Bordeaux, Georgia, United States":
                place.province = value  # a region named as a country is, in the country written after it
        elif level == "country" and place.country is None:
            place.country = value
        elif level == "place" and element.country and number and (counties or towns) and place.province is None:
            place.province = value  # "Guide County in ..., northwest China's Qinghai Provincek": the province's seat
        elif level == "place":
            if place.city is None and place.province is None and place.country is None:
                place.city = value
            elif place.city is None and _a_city_after_an_owner(element, chain.elements[number - 1]):
                place.city = value  # "Kashmir's Dal Lake in Srinagar": the owner is the larger place
            elif place.province is None and place.country is None and element.link not in ("of", "'s"):
                place.province = value  # "Rome, New York"; not "Tongxiang City of Jiaxing", "Bogura's Shibganj"
    place.country = place.country or owner
    place.province = _known_province(place.province, chain.elements)
    sub_admin = towns[0].value if towns else None
    if place.city is None and counties:
        # no city named: the county or district stands in for it, the most specific one that is not a
        # prefecture ("Congjiang County in Qiandongnan ... Autonomous Prefecture": Congjiang County)
        stand_in = next((c for c in counties if not c.prefecture), counties[-1])
        place.city = stand_in.value
        counties = [c for c in counties if c is not stand_in and c.population == 0][:1] if towns else [
            c for c in counties[: counties.index(stand_in)]]
    inside = [c for c in counties if any(c is i for i in inside_city) and not c.prefecture and not _a_county(c)
              and not _a_district_of_a_municipality(c, place)]
    if sub_admin is None and inside and place.city is not None:
        sub_admin = inside[0].value
    if place.city is None and not counties and towns and (place.province or place.country):
        town = towns[-1]
        if not town.value.casefold().endswith((
                "village", "township", "community", "subdistrict", "neighbourhood", "neighborhood",
                "settlement", "favela", "barrio")) and not (
                town.value.endswith(" town") and _in_china(place)):
            # ("in Cicun town, Shanxi province": a township, as 镇 reads; "in Mellit town, North Darfur": the town)
            place.city = town.value.removesuffix(" town")  # "in the town of Kumejima, Okinawa Prefecture"
            sub_admin = towns[0].value if len(towns) > 1 else None
    return place, sub_admin


def _in_china(place: Place) -> bool:
    """Whether a place's province or country is China's (or neither is written): where "X town" is a township
    below the county (镇), not the municipality."""
    province = (place.province or "").casefold().removesuffix(" province")
    country = (place.country or "").casefold()
    return country == "china" or province in CHINA_PROVINCES or not (province or country)


def _a_water_named_like_a_city(elements: list[Element]) -> None:
    """'bathe in the Ganga in Champa': a name written after "the" that the gazetteer knows only as a city of another
    country (Ganja, Azerbaijan, spelt Ganga) than the city written after it with "in" is no city holding that city
    (a city is seldom written with "the", and never inside a city abroad): a river, a lake or a site, the venue.
    A city of the same country ("the Hague in ..."), or a province after it, leaves both as they are."""
    for element, following in pairwise(elements):
        if not element.the or element.level != "place" or not element.population or following.link != "in" or (
                following.level not in ("place", "city")):
            continue  # (the cheap tests first: most chains hold no name after "the")
        near, far = name_levels(element.value), name_levels(following.value)
        if far.city_population and not (far.province or far.country or near.province or near.country) and (
                near.city_country != far.city_country):
            element.level, element.population = "venue", 0
        return


def _a_sub_district_of_its_district(elements: list[Element]) -> None:
    """'Kamalganj upazila of Moulvibazar district', "Bagerhat's Rampal upazila", 'Shahjahanpur upazila of Bogura': a
    sub-district (``SUB_DISTRICT_WORDS``) written before the district that holds it stands in for the city, and the
    district (often named after its town, which the gazetteer knows as a city) is the larger unit: the province.
    A Chinese county before its city ("Xincheng County of Laibin") keeps the city."""
    for element, following in pairwise(elements):
        if element.level != "county" or element.value.rpartition(" ")[2].casefold() not in SUB_DISTRICT_WORDS:
            continue  # (the cheap test first: most chains hold no sub-district)
        if following.link in ("of", "'s", "in", ",") and following.level in ("place", "city", "county") and not (
                following.prefecture):
            element.level, following.level = "city", "province"
        return


def _a_unit_before_its_town_and_province(elements: list[Element]) -> None:
    """'Gaesimsa in Unsan, Seosan Province', 'Poblacion, Basey, Samar': three bare names, smallest first, ending with a
    province, are a unit below the town (a barangay, a temple's grounds, a neighbourhood), the town, and the province,
    as an administrative chain is written: the first is the town's unit, not the city."""
    if len(elements) < 3 or elements[0].level != "place" or elements[1].level != "place":
        return  # (the cheap test first: most chains are one or two names)
    first, town, larger = elements[0], elements[1], elements[2]
    if larger.level not in ("province", "place") or larger.link != "," or town.link not in (",", "in") or any(
            e.level not in ("country",) for e in elements[3:]):
        return
    if first.also_province or first.country or town.also_province or town.country:
        return
    if larger.level == "place" and not (name_levels(larger.value).province or town.town or town.population):
        return  # ("Brooklyn, Kings, Albany": a province must be written as one, known as one, or follow a known town)
    first.level, town.level = "town", "city"


def _a_part_after_its_city(elements: list[Element]) -> None:
    """'the Kigali suburb of Kimihurura', 'the Lagos neighbourhood of Makoko': a part of a town named after the part's
    word, the town written before it as its modifier. The larger place after the word is read first ("the Greenwich
    Village neighborhood of New York"); when the name before is a city the gazetteer knows and the name after is
    none (or a much smaller one), the name after is the part: the town's unit, below the city."""
    for element, following in pairwise(elements):
        if element.level == "town" and following.link == "of" and following.level == "place" and (
                element.value.rpartition(" ")[2] in _PART_LINKS):
            _a_city_named_before_its_part(element, following)  # "the Accra neighbourhood of Jamestown"
            return
        if following.link not in _PART_LINKS or element.level != "place" or following.level != "place":
            continue  # (the cheap test first: few links are a part's word)
        population = element.population or _a_city_after_the(element)
        # (a name after "suburb of" that is also a province's is still the part when the city before has many
        # times its people: "the Kigali suburb of Quorva" names no province of the city's country)
        if population and not following.country and following.population * DISTRICT_RATIO < population and (
                not following.also_province or element.the and following.population):
            element.level, following.level = "city", "town"
            element.population = population
        return


def _a_city_after_the(element: Element) -> int:
    """The people of a city the gazetteer knows written after "the" before a part's word ("the Cyangugu suburb of
    Kimihurura"), which the reader does not count after "the" ("in the Andes": a range, not a town of Colombia):
    before "suburb of" the name can only be a town's."""
    return name_levels(element.value).city_population if element.the else 0


def _a_city_named_before_its_part(element: Element, following: Element) -> None:
    """'the Accra neighbourhood of Jamestown', read as one neighbourhood's name and then "of": when the words before
    the part's word are a city the gazetteer knows, much larger than the name after "of", that city is the city and
    the name after "of" its neighbourhood."""
    city = element.value.rpartition(" ")[0]
    levels = name_levels(city)
    if levels.city_population and not following.also_province and not following.country and (
            following.population * DISTRICT_RATIO < levels.city_population):
        element.level, element.value, element.population = "city", city, levels.city_population
        following.level = "town"


#: The words of a part of a town, joining "the Kigali suburb of Kimihurura" in a chain.
_PART_LINKS = frozenset({"suburb", "neighbourhood", "neighborhood", "quarter"})


def _a_region_of_a_later_country(element: Element, later: list[Element]) -> bool:
    """Whether a country's name is followed, after a comma, by another country's: the first is a region that
    bears a country's name (Macedonia in Greece, Georgia in the United States), the second the country. Not the
    same country written twice ("UAE, UAE", "USA, U.S."): no region of it bears its name."""
    return (bool(later) and later[0].level == "country" and later[0].link == "," and not later[0].country
            and later[0].value != element.value)


def _a_county(element: Element) -> bool:
    """A county, banner or sub-district named as such ("Shiqian county of Tongren", "Khulna's Batiaghata
    upazila"): a level of the map above the town, never a venue of the scene. The labels give such a county as the
    city or leave the sublocation empty (all eight tune captions of the shape accept no sublocation; two of them
    no county). A district inside a city ("Xuhui District of Shanghai", "Sham Shui Po") stays the sublocation."""
    return element.value.rsplit(None, 1)[-1].casefold() in _COUNTY_WORDS


def _a_district_of_a_municipality(element: Element, place: Place) -> bool:
    """A district of Beijing, Shanghai, Tianjin or Chongqing named as such ("in Jiangbei District of southwest
    China's Chongqing"): the municipality's own level below it, as a county is a province's, never a venue of the
    scene. The labels give the municipality as the city, the district accepted in its place, and no sublocation
    (all six English tune captions of the shape; the Chinese ones, "重庆市南川区", the same). A Hong Kong district
    ("Sham Shui Po") stays the sublocation, as the labelling rules say."""
    city = (place.city or "").casefold()
    return element.value.endswith((" District", " district")) and city in _MAINLAND_MUNICIPALITIES


_MAINLAND_MUNICIPALITIES = MUNICIPALITIES - {"hong kong", "macao", "macau"}


#: The last words of a county's name: a unit of the map that is no sublocation.
_COUNTY_WORDS = frozenset({"county", "banner", "upazila"})


def _a_city_after_an_owner(element: Element, before: Element) -> bool:
    """Whether a city the gazetteer knows follows "in" right after a province or a country written as the
    possessor of the site before it ("over Kashmir's Dal Lake in Srinagar", "on Switzerland's Lake Geneva in
    Lausanne"), or a town GeoNames holds there ("over Kashmir's Dal Lake in Anantpur"): the site is in that city,
    the possessor being the larger place of both, so the city is not left out for coming after it."""
    owner = before.link == "'s" and before.level == "province" or before.link == "" and before.level == "country"
    return element.link == "in" and owner and (element.population > 0 or element.town > 0)  # (a country's
    # possessive is joined by "")


def _districts_before_a_country(elements: list[Element]) -> None:
    """'Patan, Lalitpur District, Nepal', 'Sariakandi, Bogra District, Bangladesh': a district written after a
    town or a site and right before the country, with no province named, is the largest unit below the country
    the caption gives: the province. China's districts are inside a city and stay below it. After a village or a
    site ("the village of Annenka, Spassky District, Russia", "at Sawala in Muchinji District, Malawi") the
    district is the unit holding it, and stands in for the city as a county does."""
    if len(elements) < 3 or any(e.level == "province" for e in elements):
        return
    for number, element in enumerate(elements[1:-1], start=1):
        following = elements[number + 1]
        if element.level == "county" and element.value.casefold().endswith(" district") and element.link == "," and (
                elements[number - 1].level not in ("venue", "town")) and following.link == "," and (
                following.level == "country" and following.value.casefold() != "china"):
            element.level = "province"
            return


def _known_province(province: str | None, elements: list[Element]) -> str | None:
    """The province the chain names, preferring a larger one the gazetteer knows to an earlier one it does not:
    "the region of Kwangite, in Ganze, in Kilifi County" is Kilifi County (Kenya's KE-14), Kwangite a local area
    read as a region by its kind word."""
    if province is None or name_levels(province).province or province.casefold() in STATES:
        return province
    later = [e for e in elements if e.level == "province" and e.value != province]
    known = [e for e in later if name_levels(e.value).province and e.value.casefold() not in _UK_NATIONS]
    return known[0].value if known else _province_after_its_region(province)


def _province_after_its_region(province: str) -> str:
    """'the Central Highlands Dak Lak province': a region's name run into the province's, read as one name
    before "province"; the province is the last words the gazetteer knows as one, the region's words before it
    being no part of it. A name the gazetteer knows no end of stays whole."""
    words = province.split()
    if len(words) < 3 or words[-1].casefold() in KIND_LEVELS:
        return province  # ("Great Southern region": a region by its word, whose end "Southern region" is another)
    for start in range(1, len(words) - 1):
        tail = " ".join(words[start:])
        if words[start].casefold() not in DIRECTIONS and name_levels(tail).province:
            return tail
    return province


#: The nations a British county may be written before ("Mevagissey, Cornwall, England").
_UK_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})


def _counties_after_a_town(elements: list[Element]) -> None:
    """'in Wigan, Greater Manchester', 'Kinsale, Co. Cork': a British or Irish county right after a town (or a
    site), with no state or province after it, is the province (``counties.py``), not a city of that name abroad
    that makes the town its district ("Whitstable, Kent"; "Norfolk, Va." keeps its city)."""
    if len(elements) < 2 and not (elements and elements[0].level == "county"):
        return  # (most chains are one name)
    written = {e.value.casefold() for e in elements if e.level == "country"}
    for element in elements if any(e.level == "county" for e in elements) else ():
        if element.level != "county" or element.prefecture or element.value[-7:].casefold() != " county":
            continue  # (the cheap tests first: most chains hold no county of that shape)
        if not any(e.level == "province" and name_levels(e.value).province for e in elements) and first_level_county(
                element.value, code := name_levels(element.value).province) and code is not None and not (
                written and name_levels(next(iter(written))).country != code.partition("-")[0]):
            element.level = "province"  # "Lodwar, Turkana County, Kenya": Kenya's counties are its provinces
    _districts_before_a_country(elements)
    _a_county_before_its_nation(elements)
    for number, element in enumerate(elements[1:], start=1):
        if element.link not in (",", "in", "of") or element.level not in ("place", "city", "county") or not (
                is_county(element.value)):
            continue  # ("Sennen Cove in the far west of Cornwall", "a village in Kent": the county after "in")
        before = number - 1
        while before > 0 and elements[before].level == "ignore":
            before -= 1  # "Mevagissey Harbour in Spring, Cornwall": a season between the site and its county
        if elements[before].level not in ("place", "town", "city", "venue", "county") or any(
                e.level == "province" and e.value.casefold() not in _UK_NATIONS for e in elements[number + 1:]):
            continue  # ("Cromer, Norfolk, England": the county is the province, the nation larger)
        element.level, element.population = "province", 0


def _cities_named_like_provinces(elements: list[Element]) -> None:
    """'in Victoria, British Columbia', 'Córdoba, Veracruz': a name the tables read as a province, written right
    before another province, is the city when the gazetteer holds a city of that name inside the province after
    it (or the postal code of it: 'Victoria, BC'); a province is never placed inside another. 'Melbourne,
    Victoria' keeps Victoria as the province, and 'Ohio, Indiana' (no city Ohio in Indiana) stays two states."""
    for element, following in pairwise(elements):
        if element.level != "province" or following.link != "," or not (
                following.level == "province" or following.level == "place" and POSTAL.fullmatch(following.value)):
            continue
        if element.value.casefold() != following.value.casefold() and subdivision_holding(
                element.value, following.value) is not None:
            element.level, following.level = "city", "province"  # ("Victoria, BC": the postal code too)
            return


def _states_named_like_countries(elements: list[Element]) -> None:
    """'in Augusta, Georgia': a country's name that is a state's too, written right after a city the gazetteer holds
    inside that state, is the state ("Tbilisi, Georgia" and "Batumi, Georgia" keep the country, no such city
    being in the state; "Guatemala City, Guatemala" too, its department being the country's own)."""
    for before, element in pairwise(elements):
        if element.level != "country" or element.link != "," or before.level not in ("place", "city"):
            continue  # (the cheap tests first: most chains name no country after a town)
        known = name_levels(element.value)
        code = known.province  # (a state of another country: "Guatemala City, Guatemala" keeps its country)
        if code is not None and code.partition("-")[0] != known.country and subdivision_holding(
                before.value, element.value) == code:
            element.level = "province"
            return


def _towns_named_like_countries(elements: list[Element]) -> None:
    """'in Lebanon, Pennsylvania', 'Brazil, Ind.': a country's name written right before a state or province, after a
    comma, is a town when the gazetteer holds a city or a town of that name inside the state, of another country
    than the one so named (a chain never climbs from a
    country down to a state of its own, and no country lies in a state), as ``_cities_named_like_provinces`` reads
    a province's name. "Mexico, United States" (no state) and "Georgia, Russia" (no such town) are left as they
    are."""
    for element, following in pairwise(elements):
        if element.level != "country" or following.link != "," or not (
                following.level == "province" or following.level == "place" and POSTAL.fullmatch(following.value)):
            continue
        code = subdivision_with_town(element.value, following.value)
        if code is not None and code.partition("-")[0] != name_levels(element.value).country:
            element.level, following.level = "place", "province"  # (not "Mexico, Jalisco": its own state)
            return


#: Two letters, the second small, with or without a full stop: a state's short form ("Pa.", "Md.") or a country's
#: ISO code ("Ro.", "Fr."); no town's name.
_TWO_LETTER_CODE = compiled(r"[A-Z][a-z]\.?")


def _a_country_code_after_its_city(elements: list[Element]) -> None:
    """'in Bacau, Ro.': a pair of letters after a city, which is no state's short form the tables know ("Pa.", "Md."
    are AP's), names a province only where the gazetteer holds a city of that name in it (Rondônia's "RO" has no
    Bacau). Else it is the city's country's ISO code, kept as written ("Ro": Bacau lies in RO), or nothing."""
    for number, (element, following) in enumerate(pairwise(elements)):
        if following.level not in ("place", "province") or following.link != "," or not _TWO_LETTER_CODE.fullmatch(
                following.value) or f"{following.value.casefold().rstrip('.')}." in ABBREVIATIONS or (
                subdivision_holding(element.value, following.value)):
            continue
        if name_levels(element.value).city_country == following.value[:2].upper():
            following.level, following.value = "country", following.value[:2]
        else:
            del elements[number + 1]
        return


def _regions_named_by_a_side(elements: list[Element]) -> None:
    """'West Java, Indonesia', 'South Kordofan, Sudan': a name no table knows, opened by a capitalised side of a
    name that is no city either, right before its country, is a region of it: the province, not a town. A side of
    a city stays the city's part ("East Jakarta, Indonesia", "South Tangerang"), and a name the gazetteer knows as
    a city or a town ("East London") is that town."""
    for element, following in pairwise(elements):
        if following.level != "country" or following.link != "," or element.level != "place" or (
                element.population or element.also_province or element.town or element.country):
            continue
        side, _, rest = element.value.partition(" ")
        if side.casefold() in DIRECTIONS and rest and rest[:1].isupper() and not (
                name_levels(element.value).town_population or name_levels(rest).city_population):
            element.level = "province"
        return


def _regions_after_a_town(elements: list[Element]) -> None:
    """'Lukashivka, Chernihiv region', 'in Kharkiv region, Ukraine': a name written with the word "region" after a
    town, a city or a site, or before its country with no "the", is the region, the province, not a city of its
    own. A region named after "the" ("in the Pantanal region, Brazil") is a wide area as often as a province, and
    no city either; one named alone ("the Blue Mountains region") is left as it was."""
    for number, element in enumerate(elements):
        if element.level != "place" or not element.value.endswith(" region") or element.population:
            continue
        after_a_town = number > 0 and elements[number - 1].level in ("town", "city", "place", "venue")
        before_its_country = number == 0 and len(elements) > 1 and (
            elements[1].level == "country" and elements[1].link == ",")
        owned = element.country is not None and not element.the  # "in Ukraine's Donetsk region": the country's
        of_its_country = number == 0 and len(elements) > 1 and elements[1].level == "country" and (
            elements[1].link == "of")  # "in the North Kivu region of the Congo": as before a comma and its country
        if after_a_town or (before_its_country or of_its_country) and not element.the or owned:
            element.level = "province"
        elif before_its_country or of_its_country:
            element.level = "ignore"  # "in the Pantanal region, Brazil": a wide area, and never a city
        return


def _a_county_before_its_nation(elements: list[Element]) -> None:
    """'Harbour in Cornwall, England', 'in Kent, England': a British county opening the chain right before a
    nation of the United Kingdom is the province, with no town named (the city abroad that shares its name, as
    Cornwall in Ontario and Kent in Washington, is not meant); a county named as a British city or town is
    ("Conwy, Wales": ``town_named_counties`` in counties.toml) stays the town."""
    at = 1 if elements[0].level == "ignore" else 0  # ("in Spring, Cornwall, England": a season first)
    if at + 1 >= len(elements):
        return
    first, nation = elements[at], elements[at + 1]
    if first.level not in ("place", "city") or nation.link != "," or nation.value.casefold() not in _UK_NATIONS or (
            not is_county(first.value)):
        return
    if first.value.casefold() not in TOWN_NAMED_COUNTIES and name_levels(first.value).city_country != "GB":
        first.level, first.population = "province", 0


def _a_post_of(element: Element, larger: list[Element]) -> bool:
    """Whether a chain's element is a post or a title ("President", "Governor") that the next place is joined
    to by "of": that place is the post's, as in "the vice mayor of Shanghai", and no larger place of the scene."""
    return element.level == "ignore" and bool(larger) and larger[0].link == "of" and (
        element.value.casefold() in TITLE_WORDS or element.value.casefold() in OCCUPATION_TITLES)


def _towns_named_like_venues(elements: list[Element], prep: str = "") -> None:
    """'in Beaver Creek, Minnesota': a name ending in a town-like venue word right before a state or country,
    with no city named, is the town; so is 'in Lake Oswego, Oregon', a name opened by a water's or a mountain's
    word that GeoNames holds as a town of the state written after it."""
    if any(e.level in ("city", "place", "county") for e in elements):
        return
    for element, following in pairwise(elements):
        last = element.value.split()[-1].casefold()
        if len(element.value.split()) > 2 and not (
                name_levels(element.value).town_population or name_levels(element.value).city_population):
            continue  # "Northern Cascades National Park, Washington": a town's name is one or two words, unless
            # GeoNames holds the longer name as a town ("Kill Devil Hills, N.C.")
        first = element.value.split()[0].casefold()
        if element.value.rsplit(" ", 1)[-1].islower():
            continue  # "at Wreck beach, Nova Scotia": a town writes its last word with a capital, a site's kind not
        if element.level == "venue" and following.link == "," and following.level in ("province", "country") and (
                last in TOWN_LIKE_VENUE_WORDS and not _a_site_of_a_town_there(element, following) and (
                    _a_town_by_its_name(element, following))
                or _a_town_opened_like_a_site(element, first)):
            element.level = "place"
            return
        if element.level == "venue" and not element.the and following.link == "," and (
                following.level == "province" and _abbreviated(following.value)) and (
                last in _TOWN_LAST_WORDS or first in _TOWN_FIRST_WORDS):
            # "in Cape Canaveral, Fla.", "at the wharf in Stanley Bridge, P.E.I.": a state's short form is written
            # after a town, as the wires' style books ask (not "Lake Tahoe, Calif.", "Grand Canyon, Ariz.")
            element.level = "place"
            return
        if element.level == "venue" and not element.the and prep != "on" and following.link == "," and (
                following.level == "province") and first in _SITE_FIRST_WORDS and _a_town_of_the_state(
                    element, following):
            element.level = "place"  # ("on Lake Geneva, Wis.": the lake; "Lake Tahoe, Calif.": no town so named)
            return


#: Words that open the names of waters and mountains and of the towns beside them ("Lake Oswego", "Mount Vernon",
#: "Bay Shore"): such a name is the town's only where the gazetteer holds a town of it in the state written after.
_SITE_FIRST_WORDS = frozenset({"lake", "mount", "mt.", "bay"})


def _a_town_of_the_state(element: Element, state: Element) -> bool:
    """Whether GeoNames holds a town or city of this name with people counted, inside the state written after it
    ("Lake Oswego, Ore.": a city of Oregon; "Mount Hood, Ore.", "Lake Tahoe, Calif.": no town of that name counted
    there, so the mountain and the lake)."""
    levels = name_levels(element.value)
    if not (levels.town_population or levels.city_population) or levels.province or levels.country:
        return False
    return subdivision_with_town(element.value, state.value) is not None


#: Words that end or open towns' names as often as sites' ("Stanley Bridge", "Cape Canaveral", "Port Heiden"):
#: such a name before a state's short form is the town.
_TOWN_LAST_WORDS = TOWN_LIKE_VENUE_WORDS | {"island", "bridge", "cove", "mills", "mill", "corner", "corners",
                                             "junction"}
_TOWN_FIRST_WORDS = frozenset({"cape", "port", "fort"})


def _a_site_of_its_town(element: Element) -> bool:
    """Whether a name of two words ending in a town-like venue word is a town's site, named by the town before the
    word: "Elounda Harbour, Crete" is the harbour of Elounda, a town GeoNames holds (while no town is called "Bar"
    or "Beaver": "Bar Harbor, Maine", "Beaver Creek, Minnesota" are towns)."""
    head = element.value.rsplit(" ", 1)[0]
    levels = name_levels(head)
    return bool(levels.town_population or levels.city_population) and not levels.province and not levels.country


def _a_site_of_a_town_there(element: Element, following: Element) -> bool:
    """Whether a name of two words ending in a town-like venue word, before its state or country, is the site of
    the town its first word names, that town lying in the state or country written after it ("Elounda Harbour,
    Crete": Elounda is a Cretan town). A first word that names a town elsewhere only ("Rush Center, Kansas": Rush
    is an Irish town) or that the table reads as the whole name's own city ("Batemans Bay, Australia") is no
    town of that place: the name is the town's."""
    if not _a_site_of_its_town(element):
        return False
    head = element.value.rsplit(" ", 1)[0]
    if following.level == "province":
        return subdivision_with_town(head, following.value) is not None
    country = name_levels(following.value).country
    return country is None or a_town_of(head, country)


def _a_town_by_its_name(element: Element, state: Element) -> bool:
    """Whether a name ending in a town-like venue word ("Beaver Creek", "Resurrection Bay") before its state or
    country is a town's: a place GeoNames or the city table holds, or any such name before a state of a country
    whose small towns are named so far below GeoNames' 1,000 people ("Quorvan Center, Minnesota"). Elsewhere a
    name no table holds is the site's: "Havannah Harbour, Crete", "Resurrection Bay, Tobago" are a harbour and a
    bay, the island after them no town's state."""
    levels = name_levels(element.value)
    if levels.town_population or levels.city_population:
        return True
    around = name_levels(state.value)
    country = around.country or (around.province or "").partition("-")[0]
    return country in _TOWNS_NAMED_LIKE_SITES


#: Countries whose towns, down to a few hundred people, are named like sites ("Brooklyn Center", "Beaver Creek",
#: "Boiling Springs", "Sheet Harbour") and written "Town, State" in the wires' style.
_TOWNS_NAMED_LIKE_SITES = frozenset({"US", "CA"})


def _a_town_opened_like_a_site(element: Element, first: str) -> bool:
    """Whether a name opened by a word that opens sites' and towns' names alike ("Port Stanley", "Fort Qu'Appelle")
    is a town GeoNames holds, written without "the": then, before its province or country, it is the town."""
    return first in _TOWN_FIRST_WORDS and not element.the and name_levels(element.value).town_population > 0


def _abbreviated(name: str) -> bool:
    """A state's or province's short form: "Fla.", "P.E.I.", "WA", "NSW" (not "Florida")."""
    return name.endswith(".") or len(name) <= 3 and name.isupper()


def _village_of_a_county(element: Element, larger: list[Element]) -> bool:
    """Whether a name no gazetteer knows, right before a county of China, is a village or town of it ("Nankeng,
    Anyi county in East China's Jiangxi province"): China's counties hold towns and villages, and the county
    stands in for the city. Elsewhere such a name is the town ("Hayden, Routt County, Colorado")."""
    if larger and larger[0].level == "town" and larger[0].link == "," and len(larger) > 1 and _korean_county(
            larger[1], larger[2:]):
        larger = larger[1:]  # "in Quorva, Hwachon-myeon, Hongcheon county, Gangwon province": a village of the township
    if not larger or larger[0].level != "county" or larger[0].prefecture or (
            element.population or element.also_province or element.country):  # (GeoNames holds villages)
        return False
    if _korean_county(larger[0], larger[1:]):
        return True  # "in Quorva, Yeongwol County, Gangwon": Korea's counties (gun) hold townships and villages
    if larger[0].value.endswith(" District") and len(larger) > 1:
        # "in Hanna Urak, Quetta District, Balochistan": a district written with its kind word, then its province
        # or country, is the unit that stands in for the city in South Asia as in Russia; the unknown name before
        # it is a village of it
        return True
    return any(e.country == "China" or e.level == "country" and e.value == "China"
               or e.level == "province" and e.value.casefold() in CHINA_PROVINCES for e in larger)


def _korean_county(county: Element, larger: list[Element]) -> bool:
    """Whether a county written with its kind word lies in South Korea, by the province or the country written after
    it: Korea's counties (gun), as China's, hold townships (myeon, eup) and villages, and stand in for the city."""
    if county.level != "county" or not county.value.casefold().endswith(" county"):
        return False
    return any(e.level == "country" and e.value.casefold() in _KOREA_NAMES or e.level == "province" and (
        name_levels(e.value).province or "").startswith("KR-") for e in larger)


_KOREA_NAMES = frozenset({"south korea", "korea", "republic of korea"})


#: A name is a district of the city after it only when that city has this many times its people or more.
DISTRICT_RATIO = 3
#: A city that shares its name with its province holds districts written before it ("Shibuya, Tokyo", "Kadikoy,
#: Istanbul") only when it is this large; a smaller one's name after a town is the province's ("Tomioka,
#: Fukushima", "Pozzuoli, Naples"), as Japan's prefectures, Italy's and Turkey's provinces are written.
_WARDS_POPULATION = 1_000_000


def _inside_a_city(element: Element, larger: list[Element]) -> bool:
    """Whether a name stands for a district of the city named after it: it is no city the gazetteer knows
    (or a smaller one), and what follows is a bigger city, not a province or a country."""
    if not larger or element.level != "place":
        return False  # a name written as a city ("Tongxiang City of Jiaxing") is the city
    following = larger[0]
    if not element.population and len(larger) > 1 and _unknown_name(following) and following.link == ",":
        # "in Parthenon, Acropolis in Athens": a site no gazetteer knows, then another, then the city holding both
        # ("Bisherkandi, Banaripara of Barishal": a unit "of" a district is in its territory, not a part of a city)
        following = next((e for e in larger[1:] if not _unknown_name(e)), following)
        if following.link == "of":
            return False
    if following.level == "city" and not element.population and not element.also_province:
        return True  # "SM Lanang, Davao City": a name no gazetteer knows, before a city written as one
    if _unknown_name(element) and following.link == "," and _a_town_only(following):
        return True  # "Embakasi, Maragua": a name nothing knows, before a town GeoNames knows and no province
    if _unknown_name(element) and following.link == "in" and _a_town_only(following):
        return True  # "in Parthenon, Acropolis in Quorvia-town, Greece": the sites of the town holding both
    if following.level == "city" and element.population and _elsewhere(element.value, following.value):
        return True  # "Luna Street, La Paz, Iloilo City": Iloilo's district, not Bolivia's La Paz
    if len(larger) == 1 and _a_namesake_before_a_city_abroad(element, following):
        return True  # "Quorva Heights, Rotorua": a name known as a city abroad, before the city of another country
    if following.level not in ("place", "city") or not following.population:
        return False
    if element.population and following.link == "of":
        return False  # "Huanghua of Cangzhou City": a city the gazetteer knows, in a larger one's territory
    if following.also_province and following.population < _WARDS_POPULATION and (element.population or element.town):
        return False  # "Tomioka, Fukushima", "Naka, Tokushima": a town of the province that shares its capital's name
    if following.also_province and element.population and _a_town_far_outside(element.value, following.value):
        return False  # "Manavgat, Antalya", "Cesme, Izmir": a town of the province, far from its capital
    if following.also_province and following.population < _WARDS_POPULATION and not element.population and (
            subdivision_holding(element.value, following.value)):
        return False  # "Xalapa, Veracruz": a name the gazetteer holds as a city of the province, by another spelling
    if not following.also_province and following.population < _WARDS_POPULATION and (
            element.population or element.town) and _a_lower_province_of_its_town(element, following.value):
        return False  # "Oslob, Cebu", "Ubud, Bali": a town of the province (of the second level) of that name
    if following.also_province and _a_province_abroad_of_its_city(following.value):
        return False  # "Porus, Manchester": Jamaica's parish; the city of that name (England's) lies in another country
    # a district is of a much larger city ("Intramuros, Manila"); "Baras, Rizal" are two towns of a size
    return (element.population * DISTRICT_RATIO < following.population and not element.also_province)


def _a_lower_province_of_its_town(element: Element, name: str) -> bool:
    """Whether a name after a town is a province of the second level ("Cebu", under Central Visayas) of the
    town's country: the town's own, when the gazetteer places it as a city; else that of the city of the name,
    the province sharing its capital's name ("Moalboal, Cebu"). "Ubud, Bali": Indonesia's province, not India's
    city Bali."""
    country = lower_province_country(name)
    if country is None:
        return False
    if element.population:
        return name_levels(element.value).city_country == country
    return name_levels(name).city_country == country


def a_town_of_the_lower_province(town: str, name: str) -> bool:
    """Whether a town the gazetteer knows lies in the country of a province of the second level written after it
    ("Oslob", "Cebu": the Philippines' province, not its city), as ``_a_lower_province_of_its_town`` reads a chain."""
    levels = name_levels(town)
    if not (levels.city_population or levels.town_population):
        return False
    element = Element("place", town, 0, 0, population=levels.city_population, town=levels.town_population)
    return _a_lower_province_of_its_town(element, name)


#: How far from a city a town of the same country lies at least to be no ward of it but a town of the province
#: that shares the city's name: Istanbul's Esenyurt lies 23 km from its centre, Yonkers 26 km from New York's;
#: Antalya's Manavgat 68 km, Izmir's Cesme 73 km, Gaziantep's Nizip 37 km.
_WARD_REACH_KM = 30


def _a_namesake_before_a_city_abroad(element: Element, following: Element) -> bool:
    """Whether a name the gazetteer knows only as a city of one country stands before a bare city of another country
    that is no province (of either level) and closes the chain: the first is a district or site sharing the foreign
    city's name, the second the city ("Ganga, Rotorua"). A province after a town ("Rome, New York") is read
    elsewhere."""
    if following.level != "place" or following.link != "," or not following.population or following.also_province or (
            lower_province_country(following.value) is not None):
        return False  # ("Ubud, Bali, Indonesia": a province of the second level, as a town's is read)
    if not element.population or element.also_province or element.country or element.town:
        return False
    return _elsewhere(element.value, following.value)


def _a_town_far_outside(town: str, city: str) -> bool:
    """Whether a city of a country lies far outside the city of that country written after it."""
    country = name_levels(town).city_country
    if country is None or country != name_levels(city).city_country:
        return False
    apart = kilometres_apart(town, city)
    return apart is not None and apart > _WARD_REACH_KM


def _a_town_only(element: Element) -> bool:
    """A bare name that GeoNames has as a place of 1,000 people or more and nothing else knows: no city of the
    gazetteer's, no province (of the first level, or of the second of a province's kind), no country. Written
    after a name nothing knows, it is the town holding that name (its district, a venue), not its province:
    a province is a level the gazetteer holds, a town of a few thousand people none."""
    return (element.level == "place" and element.town > 0 and not element.population and not element.also_province
            and not element.country and lower_province_country(element.value) is None)


def _unknown_name(element: Element) -> bool:
    """A bare name that neither the tables nor the gazetteer place."""
    return element.level == "place" and not element.population and not element.also_province and not element.town


def _a_province_abroad_of_its_city(name: str) -> bool:
    """Whether the gazetteer's province of a name lies in another country than its biggest city of the name
    ("Manchester": Jamaica's parish JM-12, England's city): written after a town, the name is the province."""
    levels = name_levels(name)
    return bool(levels.province and levels.city_country and levels.province.partition("-")[0] != levels.city_country)


def _elsewhere(name: str, city: str) -> bool:
    """Whether the gazetteer's city of `name` lies in another country than its city of `city`."""
    theirs, ours = name_levels(name).city_country, name_levels(city).city_country
    return bool(theirs and ours and theirs != ours)


def place_from_dateline(written: str) -> Place:
    """The place of a picture desk's dateline: "BEIJING, CHINA" -> city Beijing, country China.

    >>> place_from_dateline("BEIJING, CHINA")
    Place(sublocation=None, city='Beijing', province=None, country='China')
    """
    elements = []
    for part in written.split(","):
        name = part.strip()
        name = name.title() if name.isupper() else name
        if name:
            level, value = classify(name)
            elements.append(Element(level, value, 0, 0, link=","))
    return resolve(Chain("dateline", elements))[0] if elements else Place()
