"""What the place gazetteer knows of a bare name, for the caption readers to weigh a place phrase with.

The readers never take a value from the gazetteer (a caption's place stays as written); they ask it which
level a name can be ("Shiga Prefecture" is Japan's JP-25, so a province; "Intramuros" is no city it knows,
so beside Manila it is a district) and how many people live in a city of that name. Answers are kept per
name, in this process and between processes (catalog.place_memo, as the gazetteer's other answers): the
gazetteer itself (about a second to load, see catalog.places) is loaded only for a name not asked before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from catalog.han_text import traditional
from catalog.place_han import NAMES_IN_HAN
from catalog.places import NameLevels, distance_km, get_gazetteer


@lru_cache(maxsize=65536)
def name_levels(name: str) -> NameLevels:
    """The gazetteer's levels of a name ("Hiroshima": province JP-34 and a city of 1.2 million)."""
    return _remembered("levels", name, lambda: _name_levels(name), list, lambda known: NameLevels(*known))


def _name_levels(name: str) -> NameLevels:
    levels = get_gazetteer().name_levels(name)
    if levels == _NOTHING or _only_a_lower_province(levels):
        levels = _city_spelled_apart(name) or levels
    elif _only_a_province(levels):
        levels = _seat_spelled_apart(name, levels) or levels
    if _only_a_municipality(levels):
        levels = NameLevels(town_population=1)  # "a windy day in Ulcinj": the town the municipality is named for
    return levels


def _remembered(kind: str, key: str, find, stored=lambda found: [found], loaded=lambda known: known[0]):
    """`find()`, remembered between processes in the place memo under `kind` and `key`: kept as `stored(found)`
    (a list, as the memo's file holds values) and given back as `loaded(kept)`. A process that meets only names
    seen before then loads no gazetteer."""
    from catalog import place_memo

    memo = place_memo.current()
    known = memo.get(kind, key)
    if known is not None:
        return loaded(known)
    found = find()
    memo.remember(kind, key, stored(found))
    return found


def _pair(known: list) -> tuple:
    """A (population, country) kept as a list of two."""
    return known[0], known[1]


_NOTHING = NameLevels()


@lru_cache(maxsize=4096)
def a_town_of(name: str, country: str) -> bool:
    """Whether GeoNames' table of towns (1,000 people or more) holds a town of this name in the country (an ISO
    code, "PE"): a town too small for the city table, placed by the country written beside it ("Gustavo | La
    Capilla | Peru"). Asked only where a caption sets a name apart beside its country, never of every name."""
    from catalog.place_keys import name_key

    gazetteer = get_gazetteer()
    family = gazetteer._family.get(country, {country})
    return any(code in gazetteer._subs and gazetteer._subs[code].country_code in family
               for _, _, code in gazetteer.town_points().find(name_key(name)))


@lru_cache(maxsize=1024)
def subdivision_with_town(name: str, province: str) -> str | None:
    """The state or province written as `province` (its name or a postal code: "Indiana", "Ind.") that holds a city
    or a town (GeoNames' towns of 1,000 people or more) of this name ("Peru", "Indiana" -> "US-IN"), else None.
    Asked only of a name the tables read as a country's, written before a state ("in Peru, Indiana")."""
    from catalog.place_keys import name_key
    from catalog.place_names import clean_level

    within = subdivision_holding(name, province)
    if within is not None:
        return within
    written = clean_level(province)
    if not written:
        return None
    gazetteer = get_gazetteer()
    codes = set(gazetteer._provinces_of(written, abbreviations=True))
    return next((code for _, _, code in gazetteer.town_points().find(name_key(name)) if code in codes), None)


def _only_a_lower_province(levels: NameLevels) -> bool:
    """Whether all a name is to the gazetteer is a subdivision of the second level ("Aceh", "Devon", and the
    prefecture MA-MAR for "Marrakech"), which gives way to a city of that name as it does to a town's
    (``Gazetteer.name_levels``): so to a city held under another spelling of the same name too (Marrakesh)."""
    if levels.country or levels.city_population or levels.town_population or not levels.province:
        return False
    subdivision = get_gazetteer()._subs.get(levels.province)
    return subdivision is not None and subdivision.parent is not None


#: ISO 3166-2 types (pycountry's, folded) of a first-level unit that is one town and its land, named after the
#: town: Montenegro's, Slovenia's, North Macedonia's and Latvia's municipalities ("Ulcinj", "Kotor", "Piran"),
#: Malta's local councils ("Naxxar", "Birżebbuġa"), Liechtenstein's communes, Slovenia's urban municipalities.
_TOWN_UNIT_TYPES = frozenset({"municipality", "local council", "commune", "urban municipality"})


def _only_a_municipality(levels: NameLevels) -> bool:
    """Whether all a name is to the gazetteer is a first-level municipality with no city of its name in the city
    table (too small for it): a caption names the town so ("in Ulcinj, near the Albanian border"), never a
    province; the labels' city."""
    if levels.country or levels.city_population or levels.town_population or not levels.province:
        return False
    subdivision = get_gazetteer()._subs.get(levels.province)
    return subdivision is not None and subdivision.parent is None and (
        subdivision.type.casefold() in _TOWN_UNIT_TYPES)


def _city_spelled_apart(name: str) -> NameLevels | None:
    """A city the gazetteer holds under another spelling of the same name ("Marrakech" for Marrakesh, "Jerash"
    for Jarash, "Agdam" for Aghdam): the city of which the name is an alternate, when the two spellings differ
    by a letter or two. An alternate that is another name altogether ("Hayden" for Mesa) is no evidence of a
    city of that name."""
    position = _spelled_apart(name)
    if position is None:
        return None
    city = get_gazetteer()._cities[position]
    return NameLevels(city_population=city.population, city_country=city.country_code)


def _only_a_province(levels: NameLevels) -> bool:
    """Whether all a name is to the gazetteer is a province, no city, town or country."""
    return bool(levels.province) and not (levels.country or levels.city_population or levels.town_population)


def _seat_spelled_apart(name: str, levels: NameLevels) -> NameLevels | None:
    """A province named after its seat, the city held under another spelling ("Nizhny Novgorod" for the city
    GeoNames writes Nizhniy Novgorod, "Deir el-Balah" for Dayr al Balah, "Hama" for Hamah): the name is both, as
    "Kirkuk" or "Tver" is, when the city so spelled lies inside the province of that name. A city of a like name
    elsewhere is no seat of it."""
    position = _spelled_apart(name)
    gazetteer = get_gazetteer()
    if position is None or gazetteer._province_of(position) != levels.province:
        position = _seat_of_another_spelling(name, levels.province)
    if position is None:
        return None
    city = gazetteer._cities[position]
    return NameLevels(province=levels.province, city_population=city.population, city_country=city.country_code)


def _seat_of_another_spelling(name: str, province: str | None) -> int | None:
    """The city inside the province that the name is another spelling of, spelled apart as a seat's name is
    transliterated: a first vowel written otherwise ("Esfahan" for Isfahan), or the name alike to the city's first
    words only, the rest a part's name joined to it ("Nabatieh" for Nabatîyé et Tahta). Asked only of a name that
    is a province and nothing else, so a city of that province holding the name among its alternates: "Hatay" is
    one of Antakya's, the province's seat, but no spelling of it."""
    if name.count(" ") > _MOST_SPACES:
        return None
    gazetteer = get_gazetteer()
    positions, _ = gazetteer._cities_of(name)
    mine = _letters(name)
    for position in positions:
        if gazetteer._province_of(position) != province:
            continue
        theirs = _letters(gazetteer._cities[position].name)
        if mine and theirs and mine[0] != theirs[0] and mine[0] in _VOWELS and theirs[0] in _VOWELS and (
                SequenceMatcher(None, mine, theirs).ratio() >= _SAME_NAME):
            return position
    return None


_VOWELS = frozenset("aeiou")


def _spelled_apart(name: str) -> int | None:
    """The position of the city of which the name is another spelling, differing by a letter or two."""
    if name.count(" ") > _MOST_SPACES:
        return None  # (a city's name is a few words; a run of words is no name to look up again)
    gazetteer = get_gazetteer()
    head, _, _ = name.rpartition(" ")
    if head and gazetteer.name_levels(head).city_population:
        return None  # "Washington DC": a city the gazetteer knows, then its district (read as two names)
    positions, own_name = gazetteer._cities_of(name)
    if own_name or not positions:
        return None
    city = gazetteer._cities[positions[0]]
    mine, theirs = _letters(name), _letters(city.name)
    if not mine or mine[0] != theirs[:1] or SequenceMatcher(None, mine, theirs).ratio() < _SAME_NAME:
        return None
    return positions[0]


#: The most spaces in a name looked up as another spelling of a city's ("San Miguel de Allende").
_MOST_SPACES = 4
#: How alike two spellings of one city's name are at least (difflib's ratio): "marrakech"/"marrakesh" 0.89,
#: "jerash"/"jarash" 0.83, "deraa"/"dara" 0.89; "hayden"/"mesa" 0.2.
_SAME_NAME = 0.8


def _letters(name: str) -> str:
    """A name's letters, folded: accents and marks dropped ("Dar‘ā" -> "dara")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalpha() and ch.isascii())


@lru_cache(maxsize=4096)
def subdivision_holding(city: str, abbreviation: str) -> str | None:
    """The state or province a postal abbreviation after a city names, when the gazetteer knows a city of
    that name in it ("Lower Sackville", "NS" -> "CA-NS"; "Paris", "NS" -> None); remembered between processes
    (place memo kind "within") like ``name_levels``."""
    return _remembered("within", f"{city}\t{abbreviation}",
                       lambda: get_gazetteer().subdivision_holding(city, abbreviation))


@lru_cache(maxsize=4096)
def lower_province_country(name: str) -> str | None:
    """The country of a province of the second level that a name bears ("Cebu": PH), which ``name_levels``
    leaves to the city of that name; remembered between processes (place memo kind "lower")."""
    return _remembered("lower", name, lambda: get_gazetteer().lower_province_country(name))


@lru_cache(maxsize=4096)
def kilometres_apart(first: str, second: str) -> int | None:
    """How far apart the gazetteer's cities of two names lie, in whole kilometres (None when either is no city
    it places); remembered between processes (place memo kind "apart")."""
    return _remembered("apart", f"{first}\t{second}", lambda: _kilometres_apart(first, second))


def _kilometres_apart(first: str, second: str) -> int | None:
    gazetteer = get_gazetteer()
    one, other = gazetteer.locate(first), gazetteer.locate(second)
    if one is None or other is None:
        return None
    return round(distance_km(*one, *other))


@lru_cache(maxsize=4096)
def a_town_near(name: str, city: str, reach_km: int) -> bool:
    """Whether GeoNames' table of towns holds a town of this name within `reach_km` of the gazetteer's city of the
    other name ("Lerma" and "Campeche": a community 9 km from the city, one of its quarters; "El Volador" lies 170
    km from Veracruz). Asked only of a town written before a province named like its capital."""
    from catalog.place_keys import name_key

    gazetteer = get_gazetteer()
    centre = gazetteer.locate(city)
    if centre is None:
        return False
    return any(distance_km(lat, lon, *centre) <= reach_km for lat, lon, _code in gazetteer.town_points().find(
        name_key(name)))


@lru_cache(maxsize=65536)
def chinese_name_cities(name: str) -> tuple[int, str | None]:
    """The cities the gazetteer knows under a Chinese name, in the simplified form or else the traditional one
    (宜宾; 紐約 for 纽约): the biggest one's population (a city abroad counts as its biggest namesake in its
    country: 华盛顿 as Washington, DC, see ``_namesakes_population``) and the one country code of them all, or
    (0, None) when it knows none, and None for the country when they lie in several (西贡 is in Viet Nam too).

    Remembered between processes (place memo kind "cjk") like ``name_levels``: besides the gazetteer and its
    index of alternate names, an unknown name needs OpenCC's traditional converter, whose dictionaries take
    0.1-0.5 s to load in every reader process.
    """
    return _remembered("cjk", name, lambda: _chinese_name_cities(name), list, _pair)


def _chinese_name_cities(name: str) -> tuple[int, str | None]:
    gazetteer = get_gazetteer()
    for number, form in enumerate(_name_then_traditional(name)):
        positions, _ = gazetteer._cities_of(form)
        if positions:
            cities = [gazetteer._cities[p] for p in positions]
            codes = {city.country_code for city in cities}
            if number == _JAPANESE_FORM and codes != {"JP"}:
                continue  # (a name in Japan's forms names a city of Japan, or none)
            population = max(max(city.population, _namesakes_population(city)) for city in cities)
            return population, (codes.pop() if len(codes) == 1 else None)
    return 0, None


#: Characters that Japan writes in a form of its own (shinjitai), traditional -> Japanese: GeoNames names many
#: cities of Japan in Chinese only in Japan's own characters (広島 Hiroshima, 横浜 Yokohama, 鹿児島, 静岡, 那覇,
#: 金沢, 姫路, 徳島, 沖縄), which a caption in simplified or traditional Chinese writes otherwise (广岛, 廣島; 横滨,
#: 橫濱). Only the forms that place names hold; data, so that no converter is loaded for them.
_JAPANESE_FORMS = str.maketrans({
    "廣": "広", "濱": "浜", "兒": "児", "霸": "覇", "澤": "沢", "姬": "姫", "德": "徳", "關": "関", "繩": "縄",
    "縣": "県", "榮": "栄", "豐": "豊", "櫻": "桜", "瀧": "滝", "齋": "斎", "惠": "恵", "龜": "亀", "龍": "竜",
    "黑": "黒", "橫": "横", "靜": "静", "淺": "浅", "邊": "辺", "傳": "伝", "圓": "円", "驛": "駅", "澀": "渋",
    "壽": "寿", "佛": "仏", "藏": "蔵", "條": "条", "國": "国", "寶": "宝", "鹽": "塩", "鐵": "鉄", "戶": "戸",
})


#: Where the name in Japan's forms comes among those `_name_then_traditional` gives.
_JAPANESE_FORM = 2


def _name_then_traditional(name: str) -> Iterator[str]:
    """The name, then its traditional form, then that form as Japan writes it where that differs (廣島 ->
    広島): each made only when the one before is not found, since OpenCC's simplified-to-traditional converter
    takes 15 MB of dictionaries in the reader that loads it."""
    yield name
    written = traditional(name)
    yield written
    japanese = written.translate(_JAPANESE_FORMS)
    if japanese != written:
        yield japanese


def _namesakes_population(city) -> int:
    """The population of the biggest city of the same country and the same name as a city written abroad in
    sounds: GeoNames gives a Chinese name to one of a name's namesakes, often not the largest (华盛顿 to a town of
    24,000 named Washington, 华盛顿特区 to the capital; 波特兰 to a Portland of 16,000), while the sounds are every
    namesake's. 0 for a city of a country that writes its names in Chinese characters (NAMES_IN_HAN)."""
    if city.country_code in NAMES_IN_HAN:
        return 0
    gazetteer = get_gazetteer()
    positions, own_name = gazetteer._cities_of(city.name)
    if not own_name:
        return 0
    return max((gazetteer._cities[p].population for p in positions if gazetteer._cities[p].name == city.name and (
        gazetteer._cities[p].country_code == city.country_code)), default=0)


@lru_cache(maxsize=65536)
def chinese_city_population(name: str) -> int:
    """The population of the biggest city of China the gazetteer knows as this name with 市 after it, or 0
    (also when cities of other countries bear that name: 天安市 is Korea's Cheonan): GeoNames often names a city
    of China in Chinese only with its suffix (岳阳市, 大同市), and a caption writes it bare (岳阳). Weaker evidence
    than the bare name (东方市 makes 东方 a city, which "东方明珠" is not): for places whose position vouches for
    a city.

    Remembered between processes (place memo kind "cns") like ``chinese_name_cities``, so that a process meeting
    names seen before loads no gazetteer.
    """
    return _remembered("cns", name, lambda: _suffixed_population(name), loaded=lambda known: int(known[0]))


def _suffixed_population(name: str) -> int:
    if name.endswith("市"):
        return 0
    gazetteer = get_gazetteer()
    positions, _ = gazetteer._cities_of(name + "市")  # (the alternate names hold both scripts: 岳阳市, 岳陽市)
    cities = [gazetteer._cities[p] for p in positions or ()]
    if any(city.country_code != "CN" for city in cities):
        return 0  # (天安市 is Korea's Cheonan)
    return max((city.population for city in cities), default=0)


@lru_cache(maxsize=65536)
def chinese_city_abroad(name: str) -> tuple[int, str | None]:
    """The population and country of the biggest city abroad (outside China, Hong Kong, Macao and Taiwan) that
    GeoNames names in Chinese only with a designator after this name (千橡市 for Thousand Oaks, 坤敬市 for Khon
    Kaen, 大邱广域市 for Daegu), or (0, None), and None for the country when such cities lie in several. Captions
    write those cities bare after their country (美国千橡, 韩国大邱), where the bare-name look-up
    (``chinese_name_cities``) misses them. Weaker evidence than the bare name (自由市 is Freetown, 天堂市 Paradise,
    Nevada): for a name whose position vouches for a city of that country.

    Remembered between processes (place memo kind "abroad") like ``chinese_name_cities``.
    """
    return _remembered("abroad", name, lambda: _designated_abroad(name), list, _pair)


@lru_cache(maxsize=4096)
def namesake_in(name: str, code: str) -> int:
    """The population of the biggest city of the country `code` that bears the own name of a city abroad GeoNames
    names in Chinese by this name, written in sounds (not in a country's own characters, NAMES_IN_HAN), or 0: the
    alternate-name index gives a Chinese name to one namesake only (剑桥 to Cambridge, Ontario; 伍斯特 to Worcester,
    Massachusetts), while the sounds are every namesake's, so "英国剑桥" is Cambridge, England.

    Remembered between processes (place memo kind "namesake") like ``chinese_name_cities``.
    """
    return _remembered("namesake", f"{name}|{code}", lambda: _namesake_in(name, code), loaded=lambda known: int(
        known[0]))


def _namesake_in(name: str, code: str) -> int:
    gazetteer = get_gazetteer()
    for form in _name_then_traditional(name):
        positions, _ = gazetteer._cities_of(form)
        if positions:
            break
    else:
        return 0
    best = 0
    for city in (gazetteer._cities[p] for p in positions):
        if city.country_code in NAMES_IN_HAN:
            continue
        own, _ = gazetteer._cities_of(city.name)
        best = max([best, *(gazetteer._cities[p].population for p in own if (
            gazetteer._cities[p].name == city.name and gazetteer._cities[p].country_code == code))])
    return best


#: What GeoNames writes after the Chinese name of a city abroad that it gives no bare form (市; 广域市 of Korea's
#: metropolitan cities, in the scripts its alternate names hold).
_DESIGNATORS_ABROAD = ("市", "广域市", "廣域市", "広域市")
_HOME = frozenset({"CN", "HK", "MO", "TW"})


def _designated_abroad(name: str) -> tuple[int, str | None]:
    if name.endswith("市"):
        return 0, None
    gazetteer = get_gazetteer()
    cities = [gazetteer._cities[position] for designator in _DESIGNATORS_ABROAD
              for position in gazetteer._cities_of(name + designator)[0]]
    cities = [city for city in cities if city.country_code not in _HOME]
    if not cities:
        return 0, None
    codes = {city.country_code for city in cities}
    return max(city.population for city in cities), (codes.pop() if len(codes) == 1 else None)


@lru_cache(maxsize=256)
def chinese_country_names(code: str) -> tuple[str, ...]:
    """A country's names in Chinese as its record translates them, simplified (日本, 泰国 for "TH"), or ()."""
    from catalog import _placedata

    record = get_gazetteer()._countries.get(code)
    if record is None:
        return ()
    return tuple(dict.fromkeys(name for tag, name in record.translations.items()
                               if tag.lower().startswith("zh") and _placedata.script_of(name) == "Han"))


@lru_cache(maxsize=65536)
def chinese_county_provinces(name: str) -> tuple[str, ...]:
    """The provinces (their names as Chinese captions write them bare: 四川, 江西) that hold a county or a city of
    countrystatecity's Chinese cities whose name is a reading of this one (汶川: Wenchuan, 四川; 什邡, read shi or
    shen fang: Shifang, 四川); () when none. Its cities are mostly counties and county-level cities, which GeoNames'
    alternate names rarely give in Chinese: evidence that a bare name before a town is the town's county, weighed
    with the province the caption names (a reading matches some county somewhere for many words).

    Remembered between processes (place memo kind "cnc") like ``chinese_name_cities``.
    """
    return _remembered("cnc", name, lambda: tuple(sorted(
        {province for key in _readings(name) for province in _county_keys().get(key, ())})), list, tuple)


#: The most readings of a name tried (a character with several readings multiplies them).
_MOST_READINGS = 16


def _readings(name: str) -> list[str]:
    """The name's possible readings in pinyin, letters only ("什邡" -> shenfang, shifang)."""
    from itertools import islice, product

    from catalog import _pinyindata

    _pinyindata.load()  # its dictionaries packed: 56 -> 5 MB
    from pypinyin import Style, pinyin

    syllables = pinyin(name, style=Style.NORMAL, heteronym=True, errors="ignore")
    if len(syllables) != len(name):
        return []
    return ["".join(parts) for parts in islice(product(*syllables), _MOST_READINGS)]


@lru_cache(maxsize=1)
def _county_keys() -> dict[str, tuple[str, ...]]:
    """countrystatecity's Chinese cities by their name in letters only (lower case), each with the bare Chinese
    names of the provinces that hold one of that name (read once, about 0.1 s)."""
    import re

    from catalog import _placedata

    province_of = _placedata.chinese_provinces()
    keys: dict[str, set[str]] = {}
    for city, _lat, _lon, iso in _placedata.csc_cities("CN"):
        province = province_of.get(iso or "")
        if province:
            keys.setdefault(re.sub("[^a-z]", "", city.lower()), set()).add(province)
    return {key: tuple(sorted(value)) for key, value in keys.items()}

