"""A chain of Chinese place names read at one position of a caption: administrative units with their suffixes or
known bare (安徽省合肥市, 广东深圳, 美国纽约), then a venue (骆岗公园), each unit checked by its suffix and level, the
name's start and end, the word before it and the order of the chain. ``chinese_places`` chooses where to read (the
scene sentence, a title, a dateline) and what completes the chain; this module reads what stands there::

    安徽省合肥市骆岗公园       安徽省 (province), 合肥市 (city), 骆岗公园 (venue)
    江西省上饶市婺源县秋口镇   江西省, 上饶市, 婺源县, 秋口镇: a chain goes down, one unit after another
    天津市和平区               天津市, 和平区: the short unit right after a larger one may hold 和
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from itertools import chain as chained

from catalog.captions.chinese_venues import after_a_likeness, inside_a_sounded_name, voltage_grade
from catalog.captions.chinese_words import HAN, Words, han_char, simplified
from catalog.captions.gazetteer import (
    chinese_city_abroad,
    chinese_city_population,
    chinese_country_names,
    chinese_county_provinces,
    chinese_name_cities,
    name_levels,
    namesake_in,
)
from catalog.captions.han_name_starts import gazetteer_country_starts, gazetteer_name_starts
from catalog.captions.place_names import Element
from catalog.patterns import compiled, longest_first

HARD_STOPS = set("，,。、的和与及等；;：:（）()“”\"《》「」 \n—…|｜")  # (a dash: "知名景点——洪崖洞景区")
#: Words of position after a name ("公园里", "广场上"): they end a name, but may begin one (上海, 中环, 内蒙古).
POSITION_WORDS = set("里内上下中前后旁畔边外")
STOPS = HARD_STOPS | POSITION_WORDS


#: The words that join a route's two ends (济南至泰安).
ROUTE_WORDS = ("至", "到", "开往", "驶往", "飞往")
#: The words that join a route's two ends written as places (南通到上海, 贵阳至安顺).
_ROUTE_JOINS = frozenset("到至")
#: The words of a train, a ship or a plane heading for the route's other end, which open no venue's name.
HEADING_WORDS = ("开往", "驶往", "飞往")


#: What says that the scene is inside a venue named right before it (公园里, 馆内, 广场上).
INSIDE = frozenset("里内中上")
#: The words of INSIDE that only say "inside" (中 and 上 also begin words: 中学, 上海)
_ONLY_INSIDE = frozenset("里内")


#: The fewest and the most characters of a foreign name read by its sounds alone (_transliterated_name).
_SOUNDED_NAME = (2, 7)
#: What ends the clause of a name read by its sounds alone.
_SOUNDED_NAME_ENDS = frozenset("，,。；; \u3000\n")


def _transliterated_name(plain: str, at: int, end: int, words: Words, scene: bool = False) -> int | None:
    """Where a name written in the characters of foreign sounds alone (places.transliteration: 圣普列斯特,
    阿德雷德) that starts at `at` ends, when it ends its clause, or when it is a long one (_SOUNDED_SCENE) in a
    phrase `scene` says 在 opens ("在南澳阿德雷德正式上路"); None otherwise."""
    sounds = words.set("places.transliteration")
    stop = at
    while stop < end and stop - at <= _SOUNDED_NAME[1] and plain[stop] in sounds:
        stop += 1
    if not _SOUNDED_NAME[0] <= stop - at <= _SOUNDED_NAME[1]:
        return None
    if stop >= len(plain) or plain[stop] in _SOUNDED_NAME_ENDS or scene and stop - at >= _SOUNDED_SCENE and not (
            words.pattern("places.venue").match(plain, stop, end)):
        return stop  # (not before a venue word, whose name it begins: "在美国普莱西德湖举行")
    return None


#: The fewest characters of a name in foreign sounds read inside a clause, after 在 (shorter ones are often a
#: brand's or a person's: "在美国特斯拉公司").
_SOUNDED_SCENE = 4


#: The suffixes of a county or a town abroad that Xinhua writes right after the country ("肯尼亚莱基皮亚郡",
#: "肯尼亚某某镇"): read below the country when the name before them is in foreign sounds alone.
_UNITS_ABROAD = ("郡", "镇")


def _a_unit_abroad(plain: str, country: Element, unit: Element, words: Words) -> bool:
    """Whether a county or a town right after a foreign country is one of that country, written in the characters
    of foreign sounds alone with 郡 or 镇 ("肯尼亚马查科斯郡", "肯尼亚洛基乔吉奥镇"): the scene's place, standing in
    for the city. A Chinese name after China ("中国石化镇海炼化公司": a company, then 镇海) is not."""
    if simplified(country.value) in CHINA_NAMES or country.end != unit.start:
        return False
    written = simplified(plain[unit.start:unit.end])
    return written.endswith(_UNITS_ABROAD) and len(written) >= 3 and _sounded(written[:-1], words)


#: The suffixes of a town that, right after a name with 县 below a county, make it the town's name (老县镇).
_TOWN_AFTER_A_COUNTY = frozenset("镇乡鎮鄉")


#: The suffixes of a town that end the names of some cities and counties (萍乡, 安乡, 景德镇), and the most
#: characters of such a name with its suffix.
_TOWN_ENDS_OF_CITIES = frozenset("乡镇鄉鎮")
_LONGEST_CITY_LIKE_A_TOWN = 3
#: The fewest people the gazetteer must give a name ending as a town's for it to be read as a city written bare.
_CITY_LIKE_A_TOWN_POPULATION = 50_000


def _a_city_named_like_a_town(name: str) -> bool:
    """Whether a name of two or three characters ending in 乡 or 镇 is a city or a county of China the gazetteer
    knows under the whole name, bare or with 市, with enough people (萍乡, 湘乡, 安乡, 新乡, 景德镇), and whose readings
    are a county's or a city's (chinese_county_provinces): a township's name is no city's (水口乡, 故乡: none; 水江镇,
    a town of Chongqing the gazetteer knows with 50,000 people, is no county)."""
    population = cjk_population(name) or chinese_city_population(name)
    return population >= _CITY_LIKE_A_TOWN_POPULATION and chinese_name_cities(name)[1] in (None, "CN") and bool(
        chinese_county_provinces(name))


def _abroad(elements: list[Element], words: Words) -> bool:
    """Whether a chain names a foreign country (法国) or begins with a foreign province's short name (南澳, 加州):
    its places' names are written in sounds."""
    return any(e.level == "country" and simplified(e.value) not in CHINA_NAMES for e in elements) or (
        simplified(elements[0].value) in words.set("places.short_provinces")) or (
        simplified(elements[0].value) in words.set("places.states_abroad"))


def _a_city_by_its_suffix(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
                          elements: list[Element]) -> bool:
    """Whether a city written with its suffix 市 begins at `at` (after a province and 的: "俄亥俄州的沃伦市")."""
    unit = unit_at(text, plain, at, end, words, patterns, elements)
    return unit is not None and unit[0].level in ("city", "place", "county") and plain[unit[1] - 1:unit[1]] == "市"


def _state_abroad(plain: str, at: int, end: int, words: Words) -> int | None:
    """Where a first-level division abroad written whole with its suffix (places.states_abroad: 亚利桑那州, 千叶县,
    京畿道) that starts at `at` ends, or None; not before 长 or 立 ("亚利桑那州长", "俄亥俄州立大学": the state's
    governor and its university, an office and a venue's name)."""
    if plain[at:at + 2] not in words.made(("states_abroad_starts",), lambda: frozenset(
            name[:2] for name in words["places.states_abroad"])):
        return None  # (most starts: no state's first two characters)
    for name in words.longest_first("places.states_abroad"):
        if plain.startswith(name, at) and at + len(name) <= end:
            return None if plain[at + len(name):at + len(name) + 1] in _NOT_A_STATE_AFTER else at + len(name)
    return None


#: What makes a state's suffix the start of a word, right after it: 州长 (its governor), 州立 (its own school).
_NOT_A_STATE_AFTER = frozenset("长長立")


#: The names of China a chain may begin with.
CHINA_NAMES = frozenset({"中国", "中华人民共和国"})


#: The suffixes of Japan's prefectures (北海道, 东京都, 大阪府, 京都府, 神奈川县), written right after their names.
_PREFECTURE_SUFFIXES = frozenset("道都府县縣")


def _province_inside(name: str) -> int | None:
    """Where a province abroad and its suffix (_PROVINCE_ABROAD_SUFFIXES) end inside a city's name as a unit reader
    took it ("京畿道水原": 3), with two characters or more of a name on either side; None when no suffix is inside."""
    for at in range(2, len(name) - 2):
        if simplified(name[at]) in _PROVINCE_ABROAD_SUFFIXES:
            return at + 1
    return None


#: The suffixes of provinces abroad a city's name may follow (Korea's 道, Malaysia's and the United States' 州).
_PROVINCE_ABROAD_SUFFIXES = frozenset("道州")


def _foreign_province(words: Words) -> re.Pattern:
    """A name of two to four characters and a suffix of ``places.foreign_province`` (府) that ends its clause, as a
    country's province is written right after it ("泰国暖武里府,"), compiled once."""
    made = words._made.get(("foreign_province",))
    if made is None:
        made = words._made[("foreign_province",)] = compiled(
            f"[{HAN}]{{2,4}}?(?:{words.any('places.foreign_province')})(?=[，,。；;的 \u3000]|$)")
    return made


#: The characters that make 府 a word, no province's suffix, before it: 政府 (a government), 首府, 市府, 县府, 王府.
_NOT_A_FOREIGN_PROVINCE = frozenset("政首市县王官")


#: The words of an event whose name opens with its city's ("杭州亚运会", "巴黎奥运会", "青岛国际啤酒节"), after a
#: name of two to four characters (any characters: the name is the place a chain would read there).
_EVENT_WORDS = ("[亚奥冬残全青世][运博]会|国际马拉松|马拉松|国际电影节|电影节|艺术节|音乐节|文化节"
                "|国际啤酒节|啤酒节|博览会|交易会|峰会|论坛")
_EVENT_AFTER_A_NAME = compiled(f"(?s:.{{2,4}}?)(?:{_EVENT_WORDS})")


def _names_an_event(plain: str, at: int, end: int) -> bool:
    """Whether a name of two to four characters at `at` is followed at once by an event's word: the event's name
    holds it ("杭州亚运会"), so it is no place read for the photo. (One match, not a loop over the name's
    lengths: asked at every start a chain is read from.)"""
    return _EVENT_AFTER_A_NAME.match(plain, at, end) is not None


@cache
def _state() -> re.Pattern:
    """A state of another country written with 州 (瓦哈卡州), or a province with 府 (Thailand's: 暖武里府; not an
    office's seat, 总理府, 总统府), compiled on first use."""
    return compiled("[\u4e00-\u9fff]{2,5}?(?:州|(?<![政统理相王])府)")


#: A part of a country or a province by its direction ("西南部", "北部的"): the chain goes on in it.
#: An ordinal opening a venue's name ("第二小学", "第三人民医院"): one of a unit's numbered institutions.
_NUMBERED = compiled("第[一二三四五六七八九十]{1,3}(?![届次期])")
_A_PART = compiled("(?:东南|西南|东北|西北|[东西南北中])部的?")


#: What read_chain gives as the venue of a list of places ("纽约、费城、波士顿"): no venue, and no more reading.
A_LIST = ""

SUFFIXED = compiled("(?:省|市|县|区|州|镇|乡|村|旗|盟)$")


#: The directions and the centre (东区, 中区: a part of a city, written alone, is no unit's name).
DIRECTIONS = frozenset("东西南北中")
#: A city this big, named anywhere in a sentence with no place phrase read, may begin the scene's chain.
BIG_CITY_POPULATION = 1_000_000


def _big_names_from(words: Words) -> dict[str, list[str]]:
    """Provinces and municipalities by their first character, longest first."""
    made = words._made.get(("big_names_from",))
    if made is None:
        places = words.lists["places"]
        made = {}
        for name in sorted(places["provinces"] + places["municipalities"], key=len, reverse=True):
            made.setdefault(name[0], []).append(name)
        words._made[("big_names_from",)] = made
    return made


def _big_names(words: Words) -> re.Pattern:
    """Provinces and municipalities written bare (安徽, 北京), as one compiled alternation."""
    made = words._made.get(("big_names",))
    if made is None:
        places = words.lists["places"]
        names = sorted(places["provinces"] + places["municipalities"], key=len, reverse=True)
        made = words._made[("big_names",)] = compiled("|".join(map(re.escape, names)))
    return made


def _a_kind_of_city(plain: str, at: int, end: int, words: Words) -> int | None:
    """Where a phrase saying what kind of city follows ends ("城市", "港口城市", "边境小城": places.city_kinds, after
    an optional word of places.city_qualities), or None; the city's name comes next."""
    made = words._made.get(("city_kind",))
    if made is None:
        made = words._made[("city_kind",)] = (
            frozenset(w[0] for w in words["places.city_kinds"] + words["places.city_qualities"]),
            compiled(f"(?:{words.any('places.city_qualities')})?(?:{words.any('places.city_kinds')})"))
    firsts, phrase = made
    if plain[at:at + 1] not in firsts:
        return None
    found = phrase.match(plain, at, end)
    return found.end() if found else None


#: A name of two to eight characters (a transliteration may be long) ending its clause, right after a word calling it a
#: city.
_CITY_CALLED = compiled(f"([{HAN}]{{2,8}})(?=[，,])")
_CITY_NAME_ENDS = frozenset("，,。；;的 \u3000")
#: A name right after a word calling it a city, then 的 and a site counted in it ("小城圣马特奥的一家商店").
_CITY_BEFORE_ITS_SITE = compiled(f"([{HAN}]{{2,8}}?)的(?=[一多几数某])")


def _capital_named_in_its_clause(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
                                 elements: list[Element]) -> Element | None:
    """A capital's name no table knows, right after the word calling it the capital (首都) and running to its
    clause's end or to 的 and a site of it ("埃塞俄比亚首都亚的斯亚贝巴的拉布车站,": a name in foreign sounds may
    hold 的), as a city the caption calls one is read; None when a unit is read there, or no such name is."""
    if unit_at(text, plain, at, end, words, patterns, elements) is not None:
        return None
    photographed = _a_name_before_its_photograph(plain, at, end, words)
    if photographed is not None:  # "在埃塞俄比亚首都亚的斯亚贝巴拍摄的非盟会议中心": the name, then 拍摄
        return Element("place", text[at:photographed], at, photographed, link=",")
    clause = _A_CLAUSE_AFTER_A_CAPITAL.match(plain, at, end)
    if clause is None:
        return None
    stop = _end_before_its_site(plain, at, clause.end(1), words)
    if not 2 <= stop - at <= 8 or words.pattern("places.venue").search(plain, at + 1, stop) or any(
            verb in plain[at:stop] for verb in _PHOTOGRAPHING):
        return None  # ("首都布鲁塞尔机场,": a venue named after the capital, read as the chain reads it;
        # "首都某某拍摄的某某中心": where the photo was taken, a clause, no name)
    return Element("place", text[at:stop], at, stop, link=",")


#: The characters of taking a photograph (拍摄, 摄于): what a caption says of its picture, in no place's name.
_PHOTOGRAPHING = ("拍", "摄")


#: A name of two to eight characters right before the words of taking a photograph (拍摄, 航拍): "在X首都Y拍摄的".
_NAME_BEFORE_A_PHOTOGRAPH = compiled(f"([{HAN}]{{2,8}}?)(?:拍摄|拍攝|航拍)")


def _a_name_before_its_photograph(plain: str, at: int, end: int, words: Words) -> int | None:
    """Where the name of a city the caption calls one (after 首都, 城市, 小城) ends when the words of taking the
    photograph follow it straight ("这是在埃塞俄比亚首都亚的斯亚贝巴拍摄的非盟会议中心": where it was taken, then
    what), or None; a name holding a venue word is a venue's, read as the chain reads it ("首都体育馆航拍")."""
    if "拍" not in plain[at + 2:at + 11]:
        return None  # (a cheap test before the pattern)
    found = _NAME_BEFORE_A_PHOTOGRAPH.match(plain, at, end)
    if found is None or words.pattern("places.venue").search(plain, at + 1, found.end(1)) or any(
            mark in found.group(1) for mark in _PHOTOGRAPHING):
        return None
    return found.end(1)


#: Chinese characters to a comma after a capital's word: its name, perhaps 的 and a site of it.
_A_CLAUSE_AFTER_A_CAPITAL = compiled(f"([{HAN}]{{2,16}})(?=[，,])")


def _end_before_its_site(plain: str, at: int, end: int, words: Words) -> int:
    """Where the name of a city the caption calls one (plain[at:end], run to the clause's end) stops: before 的
    when a venue word ends what follows it ("南部城市拉法的难民营,": the city, then its camp), as a name in foreign
    sounds holds 的 only inside it (亚的斯亚贝巴, 的黎波里); else at `end`."""
    of = plain.rfind("的", at + 2, end)
    if of < 0 or not _venue_word_ahead(plain, of + 1, end, words.pattern("places.venue")):
        return end
    return of


def _city_called_before_its_site(plain: str, kind: int, end: int) -> re.Match | None:
    """The name of a city the caption calls one, followed by 的 and a counted site of it ("加州北部小城圣马特奥的一家
    商店"), or None; only when a 的 comes within the name's reach (a cheap test before the pattern)."""
    if "的" not in plain[kind + 2:kind + 9]:
        return None
    return _CITY_BEFORE_ITS_SITE.match(plain, kind, end)


def _named_as_a_city(plain: str, at: int, end: int) -> tuple[int, int] | None:
    """Where a bare name of two or three characters begins and ends that a word calling it a city comes right
    before (a dash may come between) and a stop or 的 follows: a county or county-level city by its readings, or a
    city the gazetteer knows ("边境小城——密山,"); its 市 after it is no part of the name ("边境小城——密山市,")."""
    while at < end and plain[at] in "—-－ \u3000":
        at += 1
    for length in (3, 2):
        stop = at + length
        name = plain[at:stop]
        after = stop + 1 if plain.startswith("市", stop) else stop
        if after < end and plain[after] in _CITY_NAME_ENDS and name[-1] != "市" and all_han().fullmatch(name) and (
                chinese_county_provinces(name) or cjk_population(name)):
            return at, stop
    return None


#: A distance after a direction from a place, then 处 ("at") or 的 ("开罗以东50公里处", "以南约30公里的"): the site
#: after it lies that far from the place.
_DISTANCE = compiled(r"约?[\d.]+多?(?:公里|千米|英里|米)(?:处|處)?的?")
#: A count of places or of kinds inside a run read as a venue's name: a number and a measure word of places (九所, 三座,
#: 几个), a count of kinds (两大, 各大: "the two great", "every big"), or the next or the last of a sequence (下一站,
#: 上一个). No venue's name holds one (八家户村 and 八大处 do, whose 家 and 八大 are left out).
_PLACES_COUNTED = compiled("[二两三四五六七八九十百千]+[个座处所间栋幢]|[多几数]个|[两几各]大|[上下]一[个站座处]")
#: A site counted or left unnamed after a place ("一家工厂", "一处市场", "多家企业", "某小区"): a site in that place.
SITES_COUNTED = compiled("[一多几数某](?:家|处|座|所|间|栋|幢|条|片)|某")


def read_chain(text: str, plain: str, at: int, end: int, words: Words,
                patterns: dict) -> tuple[list[Element], str | None]:
    """Administrative units from `at` onward (安徽省合肥市, 广东深圳, 美国纽约), then a venue."""
    if plain[at:at + 1] in _empty_starts(words):
        return [], None  # ("。", "（", "的": a stop that no unit and no venue begins at, see _empty_starts)
    if _nothing_to_read(plain, at, end, words, patterns):
        return [], None  # ("游客在湖边散步": no name begins at the start and no venue word lies ahead)
    inside = at + 1 if plain[at:at + 1] in QUOTES else at if at > 0 and plain[at - 1] in QUOTES else None
    if inside is not None and _a_title_before_its_venue(text, plain, inside, end, words, patterns):
        return [], None  # "航拍下的“福建土楼王”承启楼": the quotes hold what the venue after them is called
    elements: list[Element] = []
    position = at
    if words.pattern("places.reference_before").search(plain, max(0, at - 3), at) and re.search(
            f"(?:{words.any('places.reference_before')})$", plain[max(0, at - 3):at]) or plain.startswith(
            words.words("places.origins"), at) or after_a_likeness(plain, at, words):
        return [], None  # "距离北京200公里", "来自广东的游客": a reference point or an origin, not the scene (also
        # read from the word's own start: "家住朝阳区幸福村的王大爷" names no 家住朝阳区); "好比香港的": a likeness
    if at > 2 and plain[at - 1] in _ROUTE_JOINS and _a_place_ends_at(text, plain, at - 1, words, patterns):
        return [], None  # "南通到上海的行程", "贵阳至安顺段": the far end of a route, no scene
    company, company_last, referred, referred_first = _chain_openers(words)
    if at > 1 and plain[at - 1] in company_last and company.search(plain, max(0, at - 4), at):
        return [], None  # "国网原平市供电公司": a national company's branch is named after its place, no scene
    reference = referred.match(plain, position, end) if plain[position:position + 1] in referred_first else None
    if reference is not None and unit_at(text, plain, reference.end(), end, words, patterns, []) is not None:
        position = reference.end()  # "该县宝丰镇施洋小学": the county the caption named before, then a unit of it
    if plain[position:position + 1] in words.set("places.run_in_verbs"):
        position = _after_a_run_in_verb(text, plain, position, end, words, patterns) or position
        # ("航拍穿沈阳市而过", "对准东丰市城里": a verb of one character run into the unit's name)
    kind = _a_kind_of_city(plain, position, end, words)
    if kind is not None and unit_at(text, plain, kind, end, words, patterns, []) is not None:
        position = kind  # "在边境城市东兴", "在港口城市海法": what kind of city it is, then its name
    elif kind is not None:
        called = _named_as_a_city(plain, kind, end)
        if called is not None:  # "边境小城——密山,": a county-level city too small for the gazetteer's names
            return [Element("place", text[called[0]:called[1]], called[0], called[1], link=",")], None
    while position < end:
        if plain[position] in "，,、" and elements and len(elements) < 4:
            following = unit_at(text, plain, position + 1, end, words, patterns, elements)
            if following is None:
                break  # "北京，国家会议中心": the venue after a comma is read below
            if following[0].level == "country" and (elements[-1].level != "country" or any(
                    e.level == "country" for e in elements)):
                break  # "土耳其伊斯坦布尔,土耳其警方在现场": a chain never climbs back to a country after a comma;
                # the country there qualifies the clause's people (its police, its team), or begins another
                # clause, no unit of the chain
            if plain[position] == "、":
                # "美国纽约、费城、波士顿...等城市": a list of places, none of them the scene; what holds them
                # all (美国) stays
                elements.pop()
                return elements, A_LIST
            position += 1
            continue
        if plain[position] in _SPACES and elements and len(elements) < 4:
            following_at = position
            while following_at < end and plain[following_at] in _SPACES:
                following_at += 1
            following = unit_at(text, plain, following_at, end, words, patterns, elements)
            if following is None or any(simplified(e.value) == simplified(following[0].value) for e in elements):
                break  # "高雄 駁二藝術特區": the venue after the space is read below ("台北 信義區 台北101": a
                # name already read begins a venue's)
            position = following_at  # "江苏 苏州 拙政园", "中国 · 香港": units written apart, one chain
            continue
        if elements and elements[-1].level in ("country", "province"):
            capital = words.pattern("places.capital").match(plain, position, end)
            if capital is not None:  # "俄罗斯首都莫斯科", "江苏省会南京": the capital's name follows
                position = capital.end()
                capital_city = _capital_named_in_its_clause(text, plain, position, end, words, patterns, elements)
                if capital_city is not None:
                    elements.append(capital_city)
                    break
            part = _A_PART.match(plain, position, end)
            if part is not None and unit_at(text, plain, part.end(), end, words, patterns, elements) is not None:
                position = part.end()  # "位于西藏西南部的日喀则地区": a part of it, then the unit in that part
            kind = _a_kind_of_city(plain, part.end() if part is not None else position, end, words)
            if kind is not None and unit_at(text, plain, kind, end, words, patterns, elements) is not None:
                position = kind  # "法国南部城市马赛", "以色列港口城市海法": a part of it, the kind of city, its name
            elif kind is not None:
                photographed = _a_name_before_its_photograph(plain, kind, end, words)
                if photographed is not None:  # "法国南部小城维希拍摄的广场": the name, then 拍摄
                    elements.append(Element("place", text[kind:photographed], kind, photographed, link=","))
                    break
                city_called = _CITY_CALLED.match(plain, kind, end) or _city_called_before_its_site(plain, kind, end)
                if city_called is not None:  # "加沙地带南部城市汗尤尼斯,": a city the caption calls one, ending
                    # its clause (or before a site of it: "北部小城圣马特奥的一家商店"), though no table knows its name
                    stop = _end_before_its_site(plain, kind, city_called.end(1), words)
                    elements.append(Element("place", text[kind:stop], kind, stop, link=","))
                    break
                break  # "浙江小城...": the word calling it a city is no city's name itself
        if elements and elements[-1].level == "province" and plain[position:position + 1] == "的" and (
                _a_city_by_its_suffix(text, plain, position + 1, end, words, patterns, elements)):
            position += 1  # "在俄亥俄州的沃伦市", "在浙江省的湖州市": the province's city, written with 市, after 的
        if elements and plain.startswith("境内", position):
            position = _past_within(text, plain, position, end, words, patterns, elements)
            # ("四川凉山州境内的越西县": within the prefecture, its county)
        stretch_end = unit_at(text, plain, position + 1, end, words, patterns, elements) if elements and (
            plain[position:position + 1] in words.set("places.stretch_joins")) else None
        if stretch_end is not None and not _venue_word_ahead(plain, stretch_end[1], end, words.pattern(
                "places.venue")):
            # "雅江县至理塘县之间", "从林朵县至夸尔县的公路": a stretch from one place to the next, neither of them
            # the scene, and 至 ("to") begins no name of the unit after it; the province or the country that holds
            # them both (四川) stays, a unit below it may be the start's own (甘孜州 holds 雅江县, not the stretch)
            # (not "济南至泰安高速公路": the stretch names the venue after it)
            return [e for e in elements[:-1] if e.level in ("country", "province")], A_LIST
        unit = unit_at(text, plain, position, end, words, patterns, elements)
        if unit is None and elements and elements[-1].level == "country" and len(elements) == 1:
            foreign = _foreign_province(words).match(plain, position, end)
            if foreign is not None and plain[foreign.end() - 2] not in _NOT_A_FOREIGN_PROVINCE:
                # "泰国暖武里府,": a province of a country that names them so (Thailand's 府), after the country
                unit = Element("province", text[position:foreign.end()], position, foreign.end(), link=","), (
                    foreign.end())
        if unit is None and elements and elements[-1].level in ("country", "province") and _abroad(elements, words):
            sounded = _transliterated_name(plain, position, end, words, at > 0 and plain[at - 1] in "在于")
            if sounded is not None:  # "法国圣普列斯特。": a foreign name in sounds, ending its clause, after its
                # country or province: the city, though the gazetteer knows no city by that name
                elements.append(Element("place", text[position:sounded], position, sounded, link=","))
                position = sounded
                break
        if unit is None:
            break
        if elements and unit[0].level in ("province", "country") and elements[-1].level in _BELOW_PROVINCE and (
                elements[-1].end == unit[0].start) and (_venue_word_ahead(plain, unit[1], end, words.pattern(
                    "places.venue")) or _short_village(words).match(plain, unit[1], end)):
            break  # "南京江苏省美术馆", "石家庄河北博物院", "苏州中国昆曲博物馆": a chain never climbs; the province
            # or the country begins a venue's name (or a village's: "根河市中国冷极村")
        element, position = unit
        city = _city_before_an_autonomous_county(text, plain, element, words, patterns, elements)
        if city is not None:  # "湖南怀化通道侗族自治县": the city written bare, then its autonomous county
            elements.append(city)
            element = suffixed_element(text, city.end, element.end, words, patterns)
        if elements and elements[-1].level == "country" and simplified(elements[-1].value) == "日本" and (
                element.level in ("place", "province") and position < end and plain[position] in _PREFECTURE_SUFFIXES):
            # "日本北海道札幌市", "日本大阪府大阪市": a prefecture's name and its suffix (道, 府, 都, 县), which
            # begins no name of the city after it
            element = Element("province", text[element.start:position + 1], element.start, position + 1,
                              link=element.link)
            position += 1
        if elements and elements[-1].level == "country" and element.level == "city" and simplified(
                elements[-1].value) not in ("中国", "中华人民共和国"):
            inner = _province_inside(element.value)
            if inner is not None:
                # "韩国京畿道水原市", "马来西亚槟城州乔治市": a province abroad and its suffix (道, 州) run into the
                # city's name; the province, then the city
                elements.append(Element("province", element.value[:inner], element.start, element.start + inner,
                                        link=element.link))
                element = replace(element, value=element.value[inner:], start=element.start + inner, link="")
        if elements and unit_rank(plain[elements[-1].start:elements[-1].end], words) == VILLAGE_RANK and unit_rank(
                plain[element.start:element.end], words) < VILLAGE_RANK:
            position = element.start
            break  # a chain never climbs from a village: "在残奥村举行升旗仪式" ends at the village (but a natural
            # village may follow its village: 王村石门自然村)
        if _an_office_follows(plain, position, end, words):
            # "前台北市卫生局长": an official's title, not the scene; but a body's site after the body's name is
            # ("南昌铁路局南昌西动车运用所": the bureau runs the depot, where the picture is)
            return [], _site_run_by_the_body(text, plain, position, end, words, patterns)
        if element.level == "country" and not elements and plain.startswith(words.words("places.nationals"),
                                                                            position):
            return [], None  # "越南朋友阿山", "日本游客": a nationality, not the scene
        if elements and elements[-1].level == "country" and element.level in ("county", "town"):
            if not _a_unit_abroad(plain, elements[-1], element, words):
                break  # "中国石化镇海炼化公司": a country's chain does not jump to a town
            element.level = "county"  # "肯尼亚马查科斯郡", "肯尼亚某某镇": a county or a town abroad, its
            # suffix kept, stands in for the city as a county does
        if element.level == "place" and elements and elements[-1].level in ("county", "town"):
            element.level = "town"  # "婺源县王村石门自然村": a name below a county is no city, whatever its namesakes
        if element.level == "county" and not element.prefecture and simplified(element.value).endswith("区") and (
                elements and elements[-1].level == "county" and simplified(elements[-1].value).endswith(("县", "旗"))):
            element.level = "town"  # "永修县三角联圩新建区": an area inside a county is below it, never its city
        if element.level == "county" and not element.prefecture and elements and elements[-1].level == "county" and (
                elements[-1].end == element.start) and simplified(elements[-1].value).endswith(("县", "旗")) and (
                simplified(element.value).endswith("县")) and plain[position:position + 1] in _TOWN_AFTER_A_COUNTY:
            # "平利县老县镇", "某某县旧县镇": no county lies in a county, so a name with 县 right after one, with
            # 镇 or 乡 at once after it, is a town named for an old county seat
            element = Element("town", text[element.start:position + 1], element.start, position + 1,
                              link=element.link)
            position += 1
        if elements and _same_unit(elements[-1], element):
            elements[-1] = element  # "山东临沂,临沂市博物馆": the city written again with its suffix is one city
            continue
        if elements and elements[-1].level == "place" and elements[-1].end == element.start and (
                element.level == "county") and _ETHNIC_ONLY.fullmatch(simplified(element.value)):
            # "本溪满族自治县": a county named for a city (本溪) and its people, one unit, not a county of that city
            bare = elements.pop()
            element = Element("county", text[bare.start:element.end], bare.start, element.end, link=bare.link)
        elements.append(element)
    if elements and plain.startswith(_ONE_OF, position):
        return [], None  # "大澳是本港历史最悠久的渔村之一": one of a kind of place (渔村), no place named
    if elements and plain[position:position + 1] in _PRAISE_OPENERS:
        below = _unit_after_its_epithet(text, plain, position, end, words, patterns, elements)
        if below is not None:  # "在鹿谷乡素有粮仓之称的大荒村": what the township is called, then its village
            elements.append(below[0])
            position = below[1]
    if elements and plain.startswith(words.words("places.routes"), position):
        return [], None  # "从北京开往石家庄的列车上": where a train or a flight comes from is no scene
    if elements and plain[position:position + 1] in words["places.list_joins"] and (
            _listed_after(text, plain, position + 1, end, words, patterns) or "之间" in plain[position:position + 10]):
        # "江苏常州和泰州两市", "台湾与世界之间": one of a list of places; what holds them all (江苏) stays
        # (not "在首尔与韩国国防部长会面": met someone there)
        elements.pop()
        return elements, A_LIST
    after_comma = False
    while position < end and plain[position] in "，, ":
        after_comma = after_comma or plain[position] in "，,"
        position += 1
    if elements and not after_comma:
        section = words.pattern("places.section").match(plain, position, end) or _stretch_of_a_smaller_place(
            plain, position, end, words)
        if section is not None and plain.startswith("的", section.end()):
            position = section.end()  # "长江重庆云阳段的龙脊石": a stretch of the places named, then its venue
    reference_point: Element | None = None
    taken = _TAKEN_THERE.match(plain, position, end) if elements and not after_comma else None
    if taken is not None:  # "这是5月3日在吉林省长春市拍摄的净月潭国家森林公园": what was taken there follows
        position = taken.end() - 1
    if elements and not after_comma and elements[-1].level in ("city", "place", "county") and plain.startswith(
            words.words("places.relative_to"), position):
        relative = next(w for w in words.words("places.relative_to") if plain.startswith(w, position))
        distance = _DISTANCE.match(plain, position + len(relative), end)
        if distance is not None:  # "开罗以东50公里处的...", "开罗以东50公里的...": how far from it, then the site
            relative += plain[distance.start():distance.end()]
        if distance is not None:
            reference_point = elements.pop()  # (kept aside: restored when no site follows the distance)
            position += len(relative)
        elif plain.startswith("的", position + len(relative)):
            elements.pop()  # "埃及首都开罗以南的吉萨金字塔景区": Cairo is a reference point, the site is south of it
            position += len(relative)
    if elements and plain.startswith("的", position):
        position += 1  # "浙江省宁波市的华茂艺术教育博物馆": the venue of the places just named
        if elements[-1].level in ("city", "county") and plain[position:position + 1] not in STOPS and (
                SUFFIXED.search(plain, elements[-1].start, elements[-1].end)):
            below = unit_at(text, plain, position, end, words, patterns, elements)
            if below is not None and plain.endswith(TOWN_SUFFIXES, below[0].start, below[0].end):
                elements.append(below[0])  # "敦煌市的月牙村": a town or a village of the unit just named
                position = below[1]
    anchored = bool(elements) or position == at and _after_place_word(plain, at, words)
    venue = venue_at(text, plain, position, end, words, patterns, whole_clause=after_comma, anchored=anchored)
    if venue is None and reference_point is not None:
        elements.append(reference_point)  # ("开罗以东50公里处某某项目的工地": no site read after the distance;
        # the chain stays as read before, the place the distance is from)
    if venue and venue[0] in QUOTES and elements and elements[-1].end == position and unit_rank(
            plain[elements[-1].start:elements[-1].end], words) == VILLAGE_RANK:
        venue = venue_at(text, plain, position, end, words, patterns, whole_clause=after_comma, anchored=anchored,
                          described=False)  # "某某村“某某特早茶”种植基地": after a village, a quoted name and a
        # kind of venue are the village's produce and its base; the village stays the scene's
    if venue is None and not elements:
        return elements, None  # (most starts: no unit and no venue, and every test below asks for one)
    if venue is not None and taken is not None and not _the_whole_object(plain, position, end, venue):
        venue = None  # "拍摄的高速公路桥梁": the name read stops short of what was taken (left to the scored finder)
    if venue is not None:
        venue = venue_beyond(text, plain, position, end, venue, words, patterns)
        if elements and elements[-1].end == position and plain.startswith(simplified(venue), position) and (
                _GREAT.match(plain, position) and patterns["venue_end"].fullmatch(simplified(venue)[1:])):
            # "呼伦贝尔大草原", "上海大剧院": 大 and a venue word alone name no venue; the place before is its name's
            # first word (and still the scene's city)
            venue = text[elements[-1].start:position] + venue
    elif elements and elements[-1].end == position and not after_comma and (
            len(elements) == 1 or _a_district(elements[-1], words)):
        venue = _park_of_the_unit(text, plain, elements[-1], end, words)
        # ("吉水县工业园区": a park the county names by its own name keeps the county as the chain's, as after a
        # province; but the museum a unit names, "湖南省博物馆", takes the unit into its name)
        named = _named_for_the_unit(plain, elements[-1], end, words) if venue is None else None
        if named is not None:  # "在湖南省博物馆参观": the province names the museum, no chain of the scene
            # (a unit after others is the chain's: "山东临沂,临沂市博物馆里")
            venue = text[elements[-1].start:named]
            if not _a_district(elements[-1], words):  # (a district stays: its city-state is the city, 九龙公园)
                elements.pop()
    elif elements and elements[-1].end == position and not after_comma:
        venue = _park_of_the_unit(text, plain, elements[-1], end, words)
    if venue and not elements:  # "长江南京段", "黄河兰州段的中山桥": a river, the city of its stretch, its venue
        venue, elements = _stretch(text, plain, plain.find(simplified(venue), position, end), venue, end, words,
                                   patterns)
    if venue is None and elements and not after_comma:
        landmark = _LANDMARK.match(plain, position, end)
        if landmark and not landmark.group().startswith(words.words("places.not_names")) and not (
                cjk_population(landmark.group())):
            venue = text[position:landmark.end()]  # "北京什刹海一带", "北京中南海附近": a landmark with no venue word
            # (but not a town the gazetteer knows: "沃克县亨茨维尔附近" is near a town, no site of it)
    if venue is None and elements and not after_comma and elements[-1].end == position and ((elements[-1].level in (
            "city", "county", "town") and plain[position - 1] in _UNIT_LAST) or _a_bare_city_below(elements)):
        venue = _bare_name_after_a_unit(text, plain, position, end, words, patterns,
                                        placed=at > 0 and _after_place_word(plain, at, words))
    elif venue is None and len(elements) == 1 and not after_comma and elements[0].end == position and (
            simplified(elements[0].value) in words.set("places.municipalities")):
        venue = _bare_name_after_a_unit(text, plain, position, end, words, patterns, parts_only=True)
        # ("上海某某一片热闹", "北京某某门前": a city that is a province of its own, written bare, is the city a
        # suffix would make it; a bare name after it is read only where a part of it or what the whole of it is
        # like ends it, never at a comma or before what is done, which a body or people do as often)
        if venue is None and _a_dateline_clause(plain, elements[0].start):
            venue = _bare_name_after_a_unit(text, plain, position, end, words, patterns, clause_only=True)
    elif venue is None and len(elements) == 1 and not after_comma and elements[0].end == position and (
            elements[0].level in ("city", "county", "place")) and _a_dateline_clause(plain, elements[0].start):
        venue = _bare_name_after_a_unit(text, plain, position, end, words, patterns, clause_only=True)
        # ("1月20日,某市某某,": a bare city alone opening the clause a date ends, then a bare name closing that
        # clause, is the dateline's place line: the city, then its spot, as a suffix or a province would show)
    numbered = bool(venue and elements and elements[-1].end == position and plain[position:position + 1] == "第" and (
        _NUMBERED.match(simplified(venue))))
    if venue and numbered:
        # "石阡县第二小学", "临沂市第三人民医院": a numbered school or hospital is named by the unit before it (the
        # unit stays the chain's, and is not written into the name a second time below: "张掖第一小学")
        venue = text[elements[-1].start:position] + venue
    if venue and elements and not numbered and elements[-1].level == "county" and elements[-1].end == position and not (
            SUFFIXED.search(plain, elements[-1].start, elements[-1].end)):
        # "北京大兴国际机场": a district written bare right before a venue is the first word of its name
        venue = text[elements[-1].start:position] + venue
        elements.pop()
    if venue and elements and not numbered and elements[-1].end == position and len(elements) == 1 and not (
            SUFFIXED.search(plain, elements[-1].start, elements[-1].end)) and _an_institution(
            simplified(venue), words) and not (
            _big_names(words).match(simplified(venue))):
        # "上海交通大学", "北京协和医院": a city's bare name that begins an institution's name is the name's, and
        # no chain of the scene (as "北京大学百年讲堂"); but a name that begins with its province's is the
        # institution's whole name, and the city before it the chain's ("长沙湖南大学")
        venue = text[elements[-1].start:position] + venue
        elements.pop()
    if venue and elements and elements[-1].level == "place" and elements[-1].end == position and len(
            simplified(venue)) == 2 and cjk_population(simplified(elements[-1].value)) < BIG_CITY_POPULATION and (
            _country_of_places(simplified(elements[-1].value)) not in GREATER_CHINA) and (
            len(elements) == 1 or elements[-2].level not in ("province", "country")):
        # "布达拉宫": a bare name of a smaller foreign city (Buda) that would leave a venue of one character and its
        # venue word begins the venue's name (not "北京故宫", the city is big; not "兴义万峰林", a Chinese city;
        # not "西藏拉萨布达拉宫", a province vouches)
        venue = text[elements[-1].start:position] + venue
        elements.pop()
    if venue and len(elements) == 1 and elements[0].level == "country" and elements[0].end == position and (
            simplified(elements[0].value) in words.set("places.country_in_names")):
        return [], text[elements[0].start:position] + venue  # "中国科学院植物研究所": the country names the venue
    if elements and plain[elements[-1].end:elements[-1].end + 1] in _ROUTE_JOINS and unit_at(
            text, plain, elements[-1].end + 1, end, words, patterns, []) is not None:
        # "江苏南通到上海的行程", "高速公路贵阳至安顺段": a place right before 到 or 至 and another right after it are
        # a route's two ends, neither the scene (not "成都到处", "北京至今": no place follows); the route named as
        # the venue keeps what holds it ("山东济南至泰安高速公路"), any other reading tells no scene
        if not (venue and simplified(venue).startswith(ROUTE_WORDS)):
            return [], None
        elements.pop()
    teams = words.words("places.team")
    team = next((i for i, element in enumerate(elements) if a_team_follows(plain, element.end, words)), None)
    if team is not None and not plain.startswith(teams, elements[team].end):
        return [], None  # "某某村足球队球员与...": a team named for its sport and its home, no scene (as "山东泰山队
        # 球员" below)
    if team is not None:
        # "广东队坐镇主场某某篮球中心": a place right before 队 names a team, not the scene's chain (nor is "队坐镇" a
        # town after it); the venue read on stays
        del elements[team:]
    if elements or venue:
        found = plain.find(simplified(venue), position, end) if venue else -1
        after = found + len(venue) if venue and found >= 0 else elements[-1].end if elements else position
        if a_team_follows(plain, after, words):  # (past `end`: _venue_anywhere cuts at the venue)
            return [], None  # "山东泰山队球员", "某某村足球队球员": a team's name, not the scene
        if not venue and plain.startswith(HEADING_WORDS, after):
            return [], None  # "在北京开往拉萨的列车上": where a train set out from, not the scene
        if not venue and words.pattern("places.outlets").match(plain, after):
            return [], None  # "浙江在线11月24日讯", "杭州日报记者": an outlet's name, not the scene
        if venue and a_head_follows(plain, after, words):
            return [], None  # "上海京剧院名角", "世界日报旧金山社长", "某某博物院代院长": a person's body, no scene
        if plain.startswith(words.words("places.departures"), after) and _a_departure_described(plain, after, words):
            return [], None  # "中国香港西九龙站驶出的一列列车,停在深圳福田火车站": where the train left, no scene
        if "在" in plain[after:after + _TROUPE_REACH] and _a_troupe_elsewhere(plain, after, end, words):
            return [], None  # "某村的秧歌队在庙会上献演": the troupe's home, not the scene
        if venue and _an_institution(simplified(venue), words) and _its_people_go_out(plain, after, end, words):
            return elements, None  # "某县人民法院的巡回法庭走进某镇某村": the court's people go to the village;
            # the court is where they come from, no site of the scene
    return elements, venue


#: The words that make a title a deputy's, an acting or a former head's (副院长, 代院长, 前馆长, 常务副社长): written
#: between a body's name and its head's title, as the title alone is.
_DEPUTY = compiled("代理|常务副|常务|执行|代|副|前|原")


def a_head_follows(plain: str, at: int, words: Words) -> bool:
    """Whether a head's or a member's title (places.members: 院长, 社长, 名角) begins at `at`, perhaps after a word
    making it a deputy's, an acting or a former head's (副, 代, 前: "某某博物院代院长"): the name before it is the
    person's body, no scene."""
    members = words.pattern("places.members")
    if members.match(plain, at):
        return True
    deputy = _DEPUTY.match(plain, at)
    return deputy is not None and members.match(plain, deputy.end()) is not None


def a_team_follows(plain: str, at: int, words: Words) -> bool:
    """Whether a team's word (places.team) begins at `at`, or a sport it is named for (places.team_kinds) and then
    that word ("山东泰山队", "某某村足球队", "某某大学跆拳道队"): the place before `at` names the team's home.

    >>> from catalog.captions.rules import load_rules
    >>> from catalog.captions.chinese_words import words_for
    >>> words, _ = words_for(load_rules())
    >>> a_team_follows("石桥村足球队球员", 3, words), a_team_follows("石桥村足球场上", 3, words)
    (True, False)
    """
    made = words._made.get(("team_follows",))
    if made is None:
        made = words._made[("team_follows",)] = (
            words.words("places.team"), frozenset(kind[0] for kind in words.words("places.team_kinds")),
            compiled(f"(?:{words.any('places.team_kinds')})(?:{words.any('places.team')})"))
    teams, kind_starts, named_for = made
    if plain.startswith(teams, at):
        return True
    return plain[at:at + 1] in kind_starts and named_for.match(plain, at) is not None  # (cheap test first)


def _after_a_run_in_verb(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> int | None:
    """Where a unit begins after the verb of one character at `at` that runs into its name (places.run_in_verbs:
    "航拍穿沈阳市而过", "把镜头对准东丰市城里", "(现揭阳奉节县)"): right after the verb, when the unit read from the
    verb is no name the gazetteer knows and the one read after it is a city it knows, a county by its readings or a
    prefecture of the word list (its name, or the known city that heads it); else None ("准格尔旗" is a banner's
    whole name)."""
    unit = patterns["units"].match(plain, at, end)
    if unit is None:
        return None  # (a verb and no unit's suffix after it: nothing is run into)
    name = _suffix_at_end(words).sub("", plain[at:unit.end()])
    if len(name) < 3 or cjk_population(name) or suffixed_population(name) or _a_chinese_county(name):
        return None
    following = unit_at(text, plain, at + 1, end, words, patterns, [])
    if following is None or following[0].level not in ("city", "county", "place"):
        return None
    core = _suffix_at_end(words).sub("", simplified(following[0].value))
    known = known_city(plain, at + 1, at + 1 + len(core), True, bare_cities(words)) == at + 1 + len(core)
    return at + 1 if known or _a_county_anywhere(core) or core in words.set("places.prefectures") else None


def _a_title_before_its_venue(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether the quotes opened right before `at` hold what the venue written right after them is called ("“福建土楼
    王”承启楼", "“天下第一村”华西村"): a venue's name of two characters or more before its venue word begins at the
    closing quote, with no stop between; the quoted words are then no place of the scene."""
    end = max(end, min(len(plain), at + 2 * _LONGEST_VENUE))  # (a chain read up to a venue word in the quotes)
    close = plain.find(QUOTES[plain[at - 1]], at, min(end, at + _LONGEST_VENUE))
    if close < 0 or close + 1 >= end or plain[close + 1] in HARD_STOPS:
        return False
    venue = venue_at(text, plain, close + 1, end, words, patterns)
    if not venue or not plain.startswith(simplified(venue), close + 1):
        return False
    word = patterns["venue_end"].search(simplified(venue))
    return word is not None and len(venue) - len(word.group()) >= 2


def _a_link_opening_after_at(plain: str, start: int) -> bool:
    """Whether the unit's name at `start` opens with a linking character that also opens names (和 or 同: 和平区,
    同仁区; 向 or 将: 向阳村) right after 在 or 于: "在同仁区", "位于和平区" hold no "and" between the word and the
    place."""
    if plain[start:start + 1] in _LINKS_AFTER_AT and start > 0 and plain[start - 1] in "在于":
        return True  # "位于向阳村": no preposition follows 在 or 于 (see _LINKS_AFTER_AT)
    return plain[start:start + 1] in LINKS_IN_NAMES and (start > 0 and plain[start - 1] in "在于" or (
        _a_link_opening_the_text(plain, start)))


def _a_link_opening_the_text(plain: str, start: int) -> bool:
    """Whether `start` opens the caption or a line, or follows a mark or a space that sets a caption off ("△ 和政县
    某某公司员工..."): 和 or 同 there joins nothing before it, so it opens the name (和政县, 同仁市), where "政县"
    read after it would be a name cut short."""
    return start == 0 or plain[start - 1] in _OPENING_MARKS


#: What stands before a caption's first word: a line's start, a space, a picture's mark (△, ▲, ↑, ■, ●).
_OPENING_MARKS = frozenset(" \n\u3000△▲↑■●◆★")


#: "One of" after a unit's word: the unit names a kind of place, of which the subject is one ("渔村之一").
_ONE_OF = "之一"


#: The first characters of the words that open what a place is called (素有, 有, 享有: "素有粮仓之称的").
_PRAISE_OPENERS = frozenset("素有享")
#: The most characters of what a place is called between its opening word and its word of praise.
_LONGEST_EPITHET = 14


def _unit_after_its_epithet(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
                            elements: list[Element]) -> tuple[Element, int] | None:
    """A unit below the chain's last one, written after what that one is called ("鹿谷乡素有粮仓之称的大荒村": 素有,
    有 or 享有, the name it is called by, a word of praise (places.epithets) and 的): the village of the township
    just named; None when no such phrase, or no smaller unit, follows."""
    opener = _PRAISE_OPENING.match(plain, at, end)
    if opener is None:
        return None
    stop = min(end, opener.end() + _LONGEST_EPITHET)
    for praise in words.words("places.epithets"):
        found = plain.find(praise + "的", opener.end() + 1, stop)
        if found < 0:
            continue
        below = unit_at(text, plain, found + len(praise) + 1, end, words, patterns, elements)
        if below is not None and unit_rank(simplified(below[0].value), words) > unit_rank(
                simplified(elements[-1].value), words):
            return below
        return None
    return None


_PRAISE_OPENING = compiled("素有|享有|有")


def _a_departure_described(plain: str, at: int, words: Words) -> bool:
    """Whether the verb of setting out at `at` describes a thing by where it left ("大阪港驶出的一艘渡轮": 的
    follows), rather than telling what the photo shows leaving ("渔船从沈家门渔港驶出,": the port is the scene)."""
    verb = next(w for w in words.words("places.departures") if plain.startswith(w, at))
    return plain.startswith("的", at + len(verb)) or "从" not in plain[max(0, at - DEPARTURE_REACH):at]


#: How far before a verb of setting out 从 may open the place left ("从舟山普陀沈家门渔港驶出": 从, then the chain).
DEPARTURE_REACH = 12


#: How far after a place a troupe it names may be said to be somewhere (的, the troupe's name, 在).
_TROUPE_REACH = 8


def _a_troupe_elsewhere(plain: str, after: int, end: int, words: Words) -> bool:
    """Whether a group the place names as its home follows at `after` (的 may come first, then a name of two to
    five characters ending in places.troupe_ends: 秧歌队, 龙灯队) and is then said to be somewhere (在)."""
    at = after + 1 if plain.startswith("的", after) else after
    stop = plain.find("在", at, min(end, after + _TROUPE_REACH))
    name = plain[at:stop]
    if stop < 0 or not 2 <= len(name) <= 5 or not name.endswith(words.words("places.troupe_ends")) or (
            han_char().fullmatch(name[0]) is None) or any(ch in HARD_STOPS for ch in name):
        return False
    there = stop + 1  # (a part of its home, or a word referring back to it, says the troupe is at home: "在镇区")
    return not plain.startswith(words.words("places.city_parts"), there) and not plain.startswith(
        words.words("places.determiners"), there) and not plain.startswith(("当地", "家门口"), there)


#: How far after an institution the verb of its people going out may come (的, the people, the verb).
_GOING_OUT_REACH = 10


def _its_people_go_out(plain: str, after: int, end: int, words: Words) -> bool:
    """Whether the clause after an institution's name (ending at `after`) says that its people go out to a place
    (places.going_out: 走进, 来到, 深入), with no stop between: "某县人民医院的医疗队走进某村"; not to a place of its
    own, referred back to ("某小学带学生来到学校的种植基地", "来到该校")."""
    stop = min(end, after + _GOING_OUT_REACH)
    found = words.pattern("places.going_out").search(plain, after, stop)
    if found is None or any(ch in HARD_STOPS and ch != "的" for ch in plain[after:found.start()]):
        return False
    there = found.end()
    return not plain.startswith(words.words("places.institution"), there) and not plain.startswith(
        words.words("places.determiners"), there)


def _chain_openers(words: Words) -> tuple[re.Pattern, frozenset[str], re.Pattern, frozenset[str]]:
    """What a chain's start is checked against, compiled once: a national company's short name ending right before
    it (places.organisation_prefixes: 国网, 中铁) and the characters such names end with; a unit referred to rather
    than named at it, a word of places.determiners and a unit's suffix of one character ("该县", "本市"), and the
    characters such words begin with (looked at before either pattern is run)."""
    made = words._made.get(("chain_openers",))
    if made is None:
        made = words._made[("chain_openers",)] = (
            compiled(f"(?:{words.any('places.organisation_prefixes')})$"),
            frozenset(w[-1] for w in words["places.organisation_prefixes"]),
            compiled(f"(?:{words.any('places.determiners')})[{_UNIT_LAST}]"),
            frozenset(w[0] for w in words["places.determiners"]))
    return made


def _empty_starts(words: Words) -> frozenset[str]:
    """The characters a chain read from one of them finds nothing after, made once: the stops `unit_at` turns
    away at once and `venue_at` ends a name at before it begins (no comma or space that `read_chain` steps
    over, no opening quotation mark, no character a name may run on over: 和, 与, 及, 同), that open no word
    `read_chain` reads at its start (places.determiners, places.city_kinds, places.city_qualities). Most
    sentences read chains from after each of their stops (`_boundaries`), and a caption's cut credit leaves
    runs of them."""
    made = words._made.get(("empty_starts",))
    if made is None:
        opening = {w[0] for w in words["places.determiners"] + words["places.city_kinds"] + words[
            "places.city_qualities"] if w}
        made = words._made[("empty_starts",)] = frozenset(
            HARD_STOPS - set("，, ") - set(QUOTES) - set(SOFT_BREAKS) - set(LINKS_IN_NAMES) - set(
                _LAST_OF_A_VENUE_WORD) - opening)
    return made


def _nothing_to_read(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether a chain read from `at` is sure to find nothing, told by three tests instead of the reading
    (most starts of a sentence hold neither a unit nor a venue): no word `read_chain` or `venue_at` steps over
    before its first unit or venue begins there (_an_opening_word_at), no unit begins there (no_name_begins, as
    `unit_at` asks first), and no venue word lies in the run a venue's name could fill from it (every venue
    `venue_at` reads from an unquoted start ends at one, but a gate: "宣武门", two characters and 门; its name runs
    to a stop or a linking word, going on only over those _name_goes_on may pass: _VENUE_REACH)."""
    if at >= end or plain[at] in QUOTES or plain[at] in "，, " or plain[at + 2:at + 3] == "门":
        return False  # (a quoted venue; a comma or a space `read_chain` steps over to a venue after it)
    if plain[at] in _opening_word_firsts(words) and _an_opening_word_at(plain, at, end, words, patterns):
        return False
    reach = _VENUE_REACH.match(plain, at, end)  # (never None: the run may be empty)
    return words.pattern("places.venue").search(plain, at, reach.end() if reach else end) is None and no_name_begins(
        plain, at, end, words, patterns)


def no_unit_from(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether a chain read from `at` is sure to hold no unit, whatever venue it reads: what `read_chain` asks
    first, without its venue's reading, for the callers that want a chain's units and drop a venue read alone (a
    sentence's later starts, `_boundaries`, `_chain_below`, `_chain_inside_the_run`). `read_chain` takes a unit
    only where `unit_at`, with nothing before it, finds one at its start or after a word it steps over there
    (_an_opening_word_at), or from the places of a river's stretch after the venue it reads ("长江南京段"),
    which need a section word ahead (places.section: 段, 境内, 一带)."""
    if at >= end or plain[at] in _empty_starts(words):
        return True
    if plain[at] in "，, ":  # (unit_at takes no unit at a comma or a space with none before it)
        return words.pattern("places.section").search(plain, at, end) is None
    if plain[at] in _opening_word_firsts(words) and _an_opening_word_at(plain, at, end, words, patterns):
        return False
    return unit_at(text, plain, at, end, words, patterns, []) is None and words.pattern("places.section").search(
        plain, at, end) is None


def _an_opening_word_at(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether a word that `read_chain` or `venue_at` steps over to read what follows it begins at `at`, tested as
    each of them tests it: a unit referred to ("该县"), a verb run into a unit's name ("穿沈阳市", a unit's suffix
    ahead), a kind of city ("边境小城"), a voltage's grade ("110千伏")."""
    referred = _chain_openers(words)[2]
    return referred.match(plain, at, end) is not None or (
        plain[at] in words.set("places.run_in_verbs") and patterns["units"].match(plain, at, end) is not None) or (
        _a_kind_of_city(plain, at, end, words) is not None) or (
        plain[at] in _VOLTAGE_FIRSTS and voltage_grade(plain, at, end, anchored=True) is not None)


def _opening_word_firsts(words: Words) -> frozenset[str]:
    """The first characters of the words _an_opening_word_at looks for, made once: a voltage's first figure, the
    first characters of places.determiners, places.run_in_verbs, places.city_kinds and places.city_qualities."""
    made = words._made.get(("opening_word_firsts",))
    if made is None:
        made = words._made[("opening_word_firsts",)] = frozenset(_VOLTAGE_FIRSTS | {w[0] for w in words[
            "places.determiners"] + words["places.run_in_verbs"] + words["places.city_kinds"] + words[
            "places.city_qualities"] if w})
    return made


def _the_whole_object(plain: str, start: int, end: int, venue: str) -> bool:
    """Whether a venue read after 拍摄的 is the whole of what was taken: a stop, a word of position or a bracket
    follows it ("拍摄的净月潭。", "拍摄的星海广场(无人机照片)"), not more of a common noun ("高速公路桥梁")."""
    at = plain.find(simplified(venue), start, end)
    after = at + len(venue) if at >= 0 else end
    return after >= end or plain[after] in HARD_STOPS or plain[after] in POSITION_WORDS


#: The words of taking the photo right after the places where it was taken, then 的 ("在长春拍摄的净月潭", "在
#: X航拍的"): the venue photographed follows.
_TAKEN_THERE = compiled("(?:拍摄|航拍|拍下|摄)的")


#: A name of two to four characters that ends its clause ("思明区曾厝垵，游客..."); one before 的 is too often a verb
#: or a clause's words ("德令哈市拍摄的", "重庆市民独有的")
_BARE_NAME = compiled(f"[{HAN}]{{2,4}}(?=[，,])")


def _bare_name_after_a_unit(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
                            placed: bool = False, parts_only: bool = False, clause_only: bool = False) -> str | None:
    """A place with no venue word written right after a unit with its suffix and ending its clause ("厦门市思明区
    曾厝垵，游客..."), or ended by a part of it ("东京某某门前,", "上海市某某的一家"), or, in a place phrase (`placed`:
    the chain follows 在 or another word a place follows), by what is done or held there ("在南宁市某某载歌载舞"): a
    named spot inside the unit, the most specific place the caption names; None when the words read as anything
    else (a unit, a person, an action, a time). (What is done after a chain that is the sentence's subject is
    done by a body or by people as often: "某市交警支队工作人员", "某市环卫工人作业".)"""
    clause = None if parts_only else _BARE_NAME.match(plain, at, end)
    if clause is not None and _a_venue_clause_follows(plain, clause.end() + 1, end, words):
        return None  # "X市Y,Z滑雪场,...": the venue named next is where the picture is, Y only on the way to it
    if clause_only:  # (a dateline's place line: a body or a team named after the city is no spot of it)
        if clause is None or words.pattern("places.organisations").search(plain, at, clause.end()) or any(
                word in plain[at:clause.end()] for word in words.words("places.team")):
            return None
    if clause is not None and _a_bare_name(plain, at, clause.end(), words, patterns):
        return text[at:clause.end()]
    if clause_only:
        return None
    acted = _named_before_its_act(words, placed).match(plain, at, end)  # ("东京某某门前,": the clause runs on)
    if acted is not None and _a_bare_name(plain, at, acted.end(), words, patterns):
        return text[at:acted.end()]
    return None


#: A clause that gives a day and perhaps its hour, then the comma before the place line ("1月20日7时30分,",
#: "11月6日晚,", "2023年2月25日,"), ending right before the place (在 may open it).
_DATED_CLAUSE = compiled("(?:^|[。；;！!？?\\s])[^，,。；;！!？?\\s]{0,10}[0-9０-９一二三四五六七八九十]日"
                         "[^，,。；;！!？?\\s]{0,8}[，,]在?$")


def _a_dateline_clause(plain: str, at: int) -> bool:
    """Whether the place at `at` opens the clause right after a dated one ("1月20日,某市某某,"): the dateline's
    place line, where a bare city and a bare name after it are the city and its spot."""
    return _DATED_CLAUSE.search(plain, max(0, at - 24), at) is not None


def _a_bare_name(plain: str, at: int, name_end: int, words: Words, patterns: dict) -> bool:
    """Whether the words from `at` to `name_end`, after a unit, read as a place's name of its own rather than a unit,
    a person, an action or a time ("X区的", "X市里", "X区市民", "市民散步", "元旦夜晚")."""
    name = plain[at:name_end]
    if _a_quarter_named_for_a_country(plain, at, name_end, words):
        return True  # "马尼拉中国城,": Chinatown, though 中 is a word of position elsewhere
    if any(ch in NAME_BREAKS or ch in POSITION_WORDS for ch in name) or _ASPECT.search(name) or name.startswith(
            words.words("places.people")) or patterns["units"].match(plain, at, name_end):
        return False  # "X区的", "X市里", "X区市民": no name
    for key in ("places.not_names", "places.determiners", "places.after_venue", "places.held", "places.passing",
                "places.before_place", "places.views", "places.section", "places.weather", "places.doing",
                "places.manner", "dates.relative", "dates.times_of_day", "dates.named_days"):
        # (places.doing: "在新口岸区逛店觅食", what people do there; a day named, "廊坊市元旦夜晚,": when, not where)
        if name.startswith(words.words(key)):
            return False
    if words.pattern("places.venue").search(name) or name in words.set("places.not_venue_names"):
        return False  # (a venue word the venue reader passed over is no bare name)
    if name.endswith(words.words("places.happening")) or name.endswith(words.words("places.time_spans")):
        return False  # "嘉义县阿里山乡樱花盛开,": what happens there, no name ("浙江杭州节日期间,": when)
    return not name.endswith(words.words("places.events"))
    # ("某某社区成果展,在...举行": the unit's event, an exhibition or a contest, no spot of it)


def _a_quarter_named_for_a_country(plain: str, at: int, name_end: int, words: Words) -> bool:
    """Whether the name is a country's and 城, a quarter of a city abroad ("马尼拉中国城", Chinatown; "韩国城"), as
    unit_at reads it (no country, no city of its own)."""
    if plain[name_end - 1:name_end] != "城" or plain.startswith(_WORDS_OF_TOWNS, name_end - 1):
        return False
    return _known_country(plain, at, name_end, words) == name_end - 1


def _named_before_its_act(words: Words, placed: bool) -> re.Pattern:
    """A name of two to four characters right before a part of it (places.spots_of_a_place: "东京某某门前",
    "某某的一家") or what the whole of it is like ("上海某某一片热闹"), and, in a place phrase (`placed`), before what
    people do there or what is held there ("在南宁市某某载歌载舞", "在某市某某举办"): the words after it end the name
    as a comma would (not what happens alone, "某市稻谷飘香", said of a crop as often as of a place)."""
    def build() -> re.Pattern:
        enders = [words.any("places.spots_of_a_place"), f"一片(?:{words.any('places.happening')})"]
        if placed:
            enders += [words.any("places.after_venue"), words.any("places.held")]
        return compiled(f"[{HAN}]{{2,4}}?(?={'|'.join(enders)})")
    return words.made(("bare_name_before_act", "placed" if placed else "bare"), build)


#: A clause of a name and nothing else: up to ten characters of Han up to the next stop.
_SHORT_CLAUSE = compiled(f"[{HAN}]{{2,10}}(?=[，,。；;])")


def _a_venue_clause_follows(plain: str, at: int, end: int, words: Words) -> bool:
    """Whether the clause after a bare name is a venue's name alone, a venue word ending it ("X市Y,Z滑雪场,"): the
    more specific place, which the bare name before it only leads to."""
    clause = _SHORT_CLAUSE.match(plain, at, end)
    if clause is None:
        return False
    name = clause.group()
    return any(name.endswith(word) and len(name) >= len(word) + 2 for word in words.words("places.venue"))


def _a_bare_city_below(elements: list[Element]) -> bool:
    """Whether the chain ends in a city written bare right after its country or province ("日本东京", "浙江杭州"):
    the larger unit before it says the name is the city's, as a suffix would, so a bare name after it that ends
    its clause is a spot of the city ("在日本东京X,")."""
    return len(elements) >= 2 and elements[-1].level in ("city", "place") and elements[-2].level in (
        "country", "province")


def _an_institution(venue: str, words: Words) -> bool:
    """Whether a venue is an institution ("交通大学", "卫星发射中心") or a place inside one ("卫星发射中心问天阁",
    "大学百年讲堂"): the institution's word ends the name or a name of its own follows it."""
    return any(venue.endswith(word) or word in venue[:-2] for word in words.words("places.institution"))


def _named_for_the_unit(plain: str, unit: Element, end: int, words: Words) -> int | None:
    """Where a venue ends whose name is a unit written with its suffix (or a district of a city-state, 九龙公园),
    then a venue word of two characters or more alone ("湖南省博物馆", "杭州市图书馆"), when a stop, a word of
    position or what people do there follows: the unit names the venue (a province's museum), as 湖南 does in
    湖南大学; None otherwise."""
    if not SUFFIXED.search(plain, unit.start, unit.end) and not _a_district(unit, words):
        return None
    word = words.pattern("places.venue").match(plain, unit.end, end)
    if word is None or len(word.group()) < 2:
        return None
    after = word.end()
    if after < end and plain[after] not in HARD_STOPS and plain[after] not in POSITION_WORDS and not (
            words.pattern("places.after_venue").match(plain, after, end)) and not (
            _after_place_word(plain, unit.start, words) and _a_clause_after_the_venue(plain, after, end, words)):
        return None  # "湖南省博物馆学会": the word goes on into another name
    return after


def _a_clause_after_the_venue(plain: str, after: int, end: int, words: Words) -> bool:
    """Whether what follows a unit's venue word, when 在 led to the unit ("在乐山市图书馆捧书细读"), is the clause's
    verb rather than more of a name: no venue word, body, member, team or pupil begins there ("湖南省博物馆学会",
    "市体育馆馆长", "县医院护士" go on into another name or a person)."""
    if han_char().match(plain, after) is None:
        return False
    for key in ("places.venue", "places.organisations", "places.offices"):
        if words.pattern(key).match(plain, after, end):
            return False
    return not plain.startswith(words.words("places.members"), after) and not plain.startswith(
        words.words("places.team"), after) and not plain.startswith(words.words("places.pupils"), after)


def _park_of_the_unit(text: str, plain: str, unit: Element, end: int, words: Words) -> str | None:
    """The industrial or science park a county or a city names by its own name, written right after it with a
    word of places.unit_parks ("长汀县工业园区", "福建省长汀县工业园区"): the unit and the word, as written, while
    the unit stays the chain's; None otherwise, and where a body of the park follows ("工业园区管委会")."""
    if unit.level not in ("city", "county") or not SUFFIXED.search(plain, unit.start, unit.end):
        return None
    word = words.pattern("places.unit_parks").match(plain, unit.end, end)
    if word is None or words.pattern("places.organisations").match(plain, word.end(), end) or (
            words.pattern("places.offices").match(plain, word.end(), end)):
        return None
    return text[unit.start:word.end()]


def _a_district(unit: Element, words: Words) -> bool:
    """Whether a unit of the chain is a district of a city-state written bare (九龙, 旺角): a district names its
    park as a province names its museum ("市民在九龙公园内晨运"), and the city stays the chain's."""
    return unit.level == "town" and city_state_district(unit.value, words) is not None


def _same_unit(bare: Element, suffixed: Element) -> bool:
    """Whether a unit is the bare name just read, written again with its suffix after a comma (临沂, 临沂市): one
    city, not a city inside a province of its name (吉林省吉林市 names two levels, each with its suffix)."""
    return bare.level == "place" and suffixed.level == "city" and bare.value == suffixed.value


def generic_venue(venue: str, words: Words) -> bool:
    """Whether a venue's name is a kind of place: one or two words of places.generic_kinds, then a venue word
    ("古城景区", "茶叶基地", "中心小学", "李花园"), which names no place of its own; never a venue word that only
    names (places.always_named: an estate, "杏花邨", is named for its flowers, no kind of estate)."""
    plain = simplified(venue)
    if plain.endswith(words.words("places.always_named")):
        return False
    kinds = words.set("places.generic_kinds")
    venue_words = words.set("places.venue")
    for cut in range(1, len(plain)):
        if plain[cut:] in venue_words and (plain[:cut] in kinds or any(
                plain[:middle] in kinds and plain[middle:cut] in kinds for middle in range(1, cut))):
            return True
    modifier = next((m for m in words.words("places.generic_modifiers") if plain.startswith(m)), None)
    if modifier is None:
        return False
    rest = plain[len(modifier):]  # "新火车站", "新体育馆": a new one of a kind, unnamed; but a word of one character
    # after 新 makes a name (新港, 新村公园: the park of 新村), so the kind's word there has two characters or more
    return len(rest) > 1 and (rest in venue_words or any(
        rest[:cut] in kinds and rest[cut:] in venue_words for cut in range(2, len(rest))))


def venue_beyond(text: str, plain: str, position: int, end: int, venue: str, words: Words,
                  patterns: dict) -> str:
    """The venue named after a venue that is only a reference point ("埃菲尔铁塔对面人权广场上", "故宫对面的景山公园":
    the square, the park), else the venue."""
    found = plain.find(simplified(venue), position, end)
    beside = words.pattern("places.beside").match(plain, found + len(venue), end) if found >= 0 else None
    if beside is None:
        return venue
    at = beside.end() + (plain[beside.end():beside.end() + 1] == "的")
    return venue_at(text, plain, at, end, words, patterns) or venue


def _after_place_word(plain: str, at: int, words: Words) -> bool:
    """Whether a word that a place follows ends right before `at` (在, 位于, 走访), or the photo's own words
    ("拍摄的“中国天眼”夜色": what was photographed)."""
    made = words._made.get(("after_place_word",))
    if made is None:
        made = words._made[("after_place_word",)] = compiled(
            f"(?:{words.any('places.before_place')}|(?:{words.any('dates.taken')})的)$")
    return made.search(plain, max(0, at - 4), at) is not None


#: A name of two to four characters right before 段, a stretch ("长江重庆某某段"): a smaller place of the units
#: before it.
_NAME_BEFORE_A_STRETCH = compiled(f"[{HAN}]{{2,4}}?(?=段)")


def _stretch_of_a_smaller_place(plain: str, at: int, end: int, words: Words) -> re.Match | None:
    """The section word (段) after a smaller place that no table holds (a county, a town) written right after the
    units of a chain ("长江重庆某某段的龙脊石", "长江宿州某某段"): the units read are the chain, the stretch is of the
    smaller place inside them."""
    smaller = _NAME_BEFORE_A_STRETCH.match(plain, at, end)
    if smaller is None or any(ch in NAME_BREAKS or ch in STOPS for ch in smaller.group()) or (
            smaller.group().endswith(words.words("places.venue"))):
        return None  # ("杭州市文一路段的": a road's own stretch, the road the venue)
    return words.pattern("places.section").match(plain, smaller.end(), end)


def _stretch(text: str, plain: str, river: int, venue: str, end: int, words: Words,
             patterns: dict) -> tuple[str, list[Element]]:
    """A river (or a lake, a road) then the places of its stretch and a section word ("长江南京段", "黄河兰州段的
    中山桥"): the places are the scene's chain, the venue the one after 的 if any, else the river."""
    if river < 0:
        return venue, []
    position = river + len(venue)
    elements: list[Element] = []
    while position < end:
        unit = unit_at(text, plain, position, end, words, patterns, elements)
        if unit is None:
            break
        elements.append(unit[0])
        position = unit[1]
    section = words.pattern("places.section").match(plain, position, end) if elements else None
    if elements and section is None:
        section = _stretch_of_a_smaller_place(plain, position, end, words)
    if section is None or not plain.startswith("段", section.start()) and not plain.startswith(
            "的", section.end()):
        return venue, []
    if plain.startswith("的", section.end()):
        inner = venue_at(text, plain, section.end() + 1, end, words, patterns)
        venue = inner or venue
    return venue, elements


def _a_place_ends_at(text: str, plain: str, stop: int, words: Words, patterns: dict) -> bool:
    """Whether a place name of two to four characters ends right at `stop` ("南通" before "到上海")."""
    for length in (2, 3, 4):
        if stop - length >= 0:
            unit = unit_at(text, plain, stop - length, stop, words, patterns, [])
            if unit is not None and unit[1] == stop:
                return True
    return False


def _listed_after(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether another place follows a list word ("和泰州两市"), not an official ("与韩国国防部长")."""
    unit = unit_at(text, plain, at, end, words, patterns, [])
    return unit is not None and not _an_office_follows(plain, unit[1], end, words)


def _short_province(plain: str, at: int, end: int, words: Words, after_country: bool = False) -> int | None:
    """Where a foreign province's or state's short name (安省, 加州, 南澳: places.short_provinces) that starts at `at`
    ends, when a city the gazetteer knows (or a name in foreign sounds ending its clause) follows it or a country
    comes right before it ("美国加州北部"); None
    otherwise (南澳 alone is also a county of Guangdong)."""
    for name in words.words("places.short_provinces"):
        if plain.startswith(name, at) and (after_country or known_city(
                plain, at + len(name), end, True, bare_cities(words)) is not None or _transliterated_name(
                    plain, at + len(name), end, words, at > 0 and plain[at - 1] in "在于") is not None):
            return at + len(name)  # ("南澳阿德雷德,": a name in foreign sounds ending its clause is its city)
    return None


#: The second characters of places.short_provinces (安省, 加州, 南澳), looked at before the list is.
_SHORT_PROVINCE_ENDS = frozenset("省州澳")


def _an_office_follows(plain: str, at: int, end: int, words: Words) -> bool:
    """Whether the words right after a place name an office of it (卫生局长, 政府, 市长): a title's place; not
    when a smaller unit follows, whose own words these are ("浙江省湖州市长兴县": 市长 is no mayor there)."""
    if _short_unit(words).match(plain, at, end):
        return False
    stop = at
    while stop < min(end, at + 6) and plain[stop] not in HARD_STOPS:
        stop += 1
    return words.pattern("places.offices").search(plain, at, stop) is not None


def unit_at(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
             before: list[Element]) -> tuple[Element, int] | None:
    """One administrative unit or known place name at `at`, and where it ends."""
    if at >= end or plain[at] in HARD_STOPS and not (
            before and before[-1].end == at and plain[at] in SOFT_BREAKS) and not (
            _a_link_opening_after_at(plain, at)) and not (
            plain[at] in NAME_BREAKS and _a_linked_county_at(plain, at, end)):
        # (天津市和平区: see unit_name_ok; "在和平区"; "和静县哈尔莫敦镇", a county 和 begins)
        return None
    if not before and no_name_begins(plain, at, end, words, patterns):
        return None  # (most starts of a chain: no name of a list or of the gazetteer begins there)
    written_short = _prefecture_written_short(plain, at, end, words) if plain.startswith(
        words.words("places.prefectures"), at) else None  # (one test first: most starts begin no prefecture)
    if written_short is not None:  # "云南省西双版纳州境内", "在凉山州": the prefecture, at the city's level
        return Element("county", text[at:written_short], at, written_short, link=",", prefecture=True), written_short
    places = words.lists["places"]
    if _names_an_event(plain, at, end):
        return None  # "杭州亚运会", "巴黎奥运会": a city in an event's name is no place of the photo (the contract)
    short = _short_province(plain, at, end, words, bool(before) and before[-1].level == "country" and (
        before[-1].end == at) and simplified(before[-1].value) != "中国") if plain[
        at + 1:at + 2] in _SHORT_PROVINCE_ENDS else None  # (中国南澳 is Guangdong's county)
    if short is not None:  # "安省多伦多", "加州圣地牙哥": a foreign province's short name, then its city
        return Element("province", text[at:short], at, short, link=","), short
    for name in _big_names_from(words).get(plain[at], ()):
        if plain.startswith(name, at) and _a_street_named_for(plain, at + len(name)):
            return None  # "南京东路步行街": a street named after the city, not the city (nor will a shorter name be)
        if plain.startswith(name, at) and name in _city_states(words).values() and any(
                city_state_district(plain[at:at + len(name) + more], words) for more in (1, 2)
                if at + len(name) + more <= end):
            district = _district_at(plain, at, end, words, before)
            if district is not None and district > at + len(name):
                # "香港仔海滨公园": a district whose name begins with its city's (香港仔, Aberdeen)
                return Element("town", text[at:district], at, district, link=","), district
        if plain.startswith(name, at) and (not _venue_begins(plain, at + len(name), end, words, patterns) or (
                known_city(plain, at + len(name), end, True, bare_cities(words)) is not None) or (
                name in _city_states(words).values() and _a_district_of(plain, at + len(name), end, name, words)) or (
                a_county_follows(plain, at + len(name), end, patterns)) or (
                _a_city_of_the_province_follows(plain, at + len(name), end, name))):
            # (a venue word right after it makes a venue's name, "四川大学", unless a place begins there: "香港湾仔",
            # "澳门路氹城", a district of the city-state whose first character is a street's word, a county whose
            # first character is a venue word: "新疆塔什库尔干塔吉克自治县")
            suffixed = patterns["units"].match(plain, at, min(end, at + len(name) + 6))
            if suffixed and suffixed.end() > at + len(name) and suffixed.end() - at - len(name) <= 6 and (
                    plain[suffixed.end() - 1] != "市" or plain[suffixed.end():suffixed.end() + 1] not in _CITY_WORDS):
                # (not "广东市井": the streets, 市井, follow the province, and no city 广东 is named)
                written = plain[at:suffixed.end()]
                if written[len(name):] in places["province"] + places["city"] and not words.pattern(
                        "places.capital").match(plain, at + len(name)):
                    # (not "江苏省会南京": 省会 is the capital, 江苏 the province; but "吉林省长白山" is 吉林省)
                    return suffixed_element(text, at, suffixed.end(), words, patterns), suffixed.end()
            prefecture = _PREFECTURE_AFTER.match(plain, at + len(name), end)
            if prefecture is not None:  # "青海省海南藏族自治州", "海南州贵德县": a prefecture named as a province is
                return Element("county", text[at:prefecture.end()], at, prefecture.end(), link=",",
                               prefecture=True), prefecture.end()
            level = "city" if name in places["municipalities"] else "province"
            element = Element(level, text[at:at + len(name)], at, at + len(name), link=",")
            element.population = cjk_population(name) if level == "city" else 0
            return element, at + len(name)
    territory = next((t for t in words["places.territories"] if plain.startswith(t, at)), None) if plain.startswith(
        words.words("places.territories"), at) else None  # (one test first: most starts begin no territory)
    if territory is not None:  # "加沙地带南部城市汗尤尼斯": a territory, at a province's level, written whole
        return Element("province", text[at:at + len(territory)], at, at + len(territory), link=","), (
            at + len(territory))
    country = _known_country(plain, at, end, words)
    if country is not None and plain[country:country + 1] in _STREET_WORDS and not plain.startswith(
            words.words("places.venue_word_as_noun"), country):
        return None  # "在香港路,市民...": a street named after a place (Wuhan's 香港路), no country or city
    if country is not None and plain[country:country + 1] == "城" and _a_capital_named_for_its_country(
            plain, at, country, before):
        return Element("city", text[at:country + 1], at, country + 1, link=","), country + 1
    if country is not None and plain[country:country + 1] == "城" and not plain.startswith(_WORDS_OF_TOWNS, country):
        return None  # "马尼拉中国城", "韩国城": a quarter of a city abroad named after a country, no country's
    if country is not None and _country_begins_a_unit(plain, at, country, end, words, patterns):
        country = None  # "赤峰市巴林右旗", "在古巴镇": a Chinese banner, town or village named with a country's
        # name, read below as the unit it is
    if country is not None and before and before[-1].end == at and before[-1].level in ("city", "county", "place") and (
            _country_opens_a_smaller_unit(plain, at, country, end, words, patterns)):
        country = None  # "积石山县中国冷极镇": after a county, a town named with a country's name (a chain goes down)
    if country is not None:
        return Element("country", text[at:country], at, country, link=","), country
    after_country = bool(before) and before[-1].end == at and before[-1].level == "country"
    whole = _state_abroad(plain, at, end, words) if not (before and before[-1].end == at) or after_country else None
    if whole is not None and after_country and plain[whole - 1] != "县":
        whole = None  # (after its country a state with 州 or 道 is read below as before: "韩国京畿道水原市")
    if whole is not None:  # "在亚利桑那州举行集会", "日本宫城县": a state or a prefecture abroad, alone, or a
        # prefecture with 县 after its country, which the unit reader would take for a county of China
        return Element("province", text[at:whole], at, whole, link=","), whole
    unit = patterns["units"].match(plain, at, end)
    if unit is not None:
        unit = _whole_unit(plain, at, unit, end, words, patterns)
    if unit is not None and unit.end() - at >= 5 and plain[unit.end() - 1] in "区區":
        kind = next((w for w in words.words("places.not_units") if plain.endswith(w, at, unit.end())), None)
        if kind is not None and plain[unit.end() - len(kind) - 1] in _UNIT_BEFORE_A_KIND:
            # "花蓮縣光復鄉災區", "映秀镇灾区": a unit with its suffix, then a kind of area of it (灾区, the stricken
            # area; 景区): the unit, not one named 光復鄉災
            unit = patterns["units"].fullmatch(plain, at, unit.end() - len(kind)) or unit
    if unit is not None and plain[unit.end() - 1] == "省" and plain.startswith("道", unit.end()):
        unit = None  # "新疆哈密省道303线": the city, then a provincial road (省道), no province named 哈密
    if unit is not None and plain[unit.end() - 1] == "市" and plain[unit.end():unit.end() + 1] in ("镇", "乡"):
        unit = patterns["units"].fullmatch(plain, at, unit.end() + 1) or unit  # "田市镇": 市 inside a town's name
    if unit is not None and unit.end() - at >= 4 and unit_rank(unit.group(), words) >= _TOWN_RANK:
        district = _district_at(plain, at, unit.end() - 2, words, before)
        if district is not None:  # "大埔林村": a district of a city-state, then a village of its own
            return Element("town", text[at:district], at, district, link=","), district
    if unit is not None and patterns["venue_end"].search(plain, at, unit.end()) and len(
            patterns["venue_end"].search(plain, at, unit.end()).group()) > 1:
        unit = None  # "日本防卫省": a ministry, not a province
    if unit is not None and plain[unit.end() - 1] == "区" and unit.end() - at >= 4 and plain[
            unit.end() - 2] in DIRECTIONS and plain[unit.end() - 3] in _BUILT_VENUE_ENDS:
        unit = None  # "武侯祠西区", "世纪公园东区": a section of a venue, no district
    if unit is not None and unit.end() - at >= 6 and _a_venue_inside(plain, at, unit, words):
        unit = None  # "浙东运河越城区段": a canal, then the district of its stretch, not one district's long name
    if unit is not None and plain[unit.end():unit.end() + 1] in ("市", "县", "区") and plain[
            unit.end() + 1:unit.end() + 2] not in _NOT_SUFFIX_AFTER[plain[unit.end()]] and (
            plain[unit.end():unit.end() + 2] not in words.set("places.not_units")) and not plain.startswith(
            words.words("places.city_parts"), unit.end()):  # (not "秭归县县城": the county, then its town)
        unit = patterns["units"].fullmatch(plain, at, unit.end() + 1)  # "景德镇市": the city, not the town 景德镇
        # (but "秭归县县城" is the county, then its seat: 县城 is a word)
    if unit is not None and unit.end() - at <= _LONGEST_CITY_LIKE_A_TOWN and plain[unit.end() - 1] in (
            _TOWN_ENDS_OF_CITIES) and not (before and before[-1].end == at and before[-1].level not in (
                "country", "province")) and _a_city_named_like_a_town(simplified(plain[at:unit.end()])):
        # "萍乡的武功山", "在景德镇,", "来到安乡的基地": a city or a county whose name ends as a town's does, written
        # bare, is the city (but right after a county or a city, a town of it: "某某县西乡")
        return Element("place", text[at:unit.end()], at, unit.end(), link=","), unit.end()
    if unit is not None and plain[unit.end() - 1] in _RARE_SUFFIXES and unit.end() < end:
        # "红旗村", "升旗山": 旗 (a banner of Inner Mongolia) ends a word, not the unit, when a village's suffix or a
        # venue word follows
        if plain[unit.end()] in _TOWN_SUFFIX_CHARACTERS:
            unit = patterns["units"].fullmatch(plain, at, unit.end() + 1)
        elif patterns["venue_start"].match(plain, unit.end(), end):
            unit = None
    if unit is not None and unit_name_ok(plain, at, unit.end(), words, bool(before) and before[-1].end == at):
        written = plain[at:unit.end()]
        name_length = len(_suffix_at_end(words).sub("", written))
        province = _province_of(before)
        head = _known_head(plain, at, unit.end(), words, province, bool(before) and before[-1].end == at and (
            before[-1].level in ("country", "province"))) if (
            name_length >= 3) and (
            "自治" not in written) and ("族" not in written or written[-1] in "乡镇") and not any(
            e.level in ("county", "town") for e in before) and not (
            before and before[-1].end == at and before[-1].level in ("city", "place")) else None
        # (right after a city, a unit is below it: "吉安新界埠镇" is 吉安's town 新界埠镇, no city 新界 heads it)
        if head is not None and at + name_length <= head:
            head = None  # "阿克苏地区": the whole name is the prefecture's; its suffix is no unit of its own
        if head is not None and unit.end() - head == 2 and plain[head + 1] in _NO_ONE_CHARACTER_NAME:
            head = None  # "阿巴嘎旗": no banner is named by one character, so the known name (阿巴) is no city
            # before it, and the unit is the banner whole (but "徐州沛县": counties of one character are many)
        if head is not None and plain[head] == "州":  # "凉山州越西县": the prefecture, then its county
            return Element("county", text[at:head + 1], at, head + 1, link=",", prefecture=True), head + 1
        if head is not None and simplified(plain[at:head]) in words.set("places.prefectures"):
            # "湘西花垣县", "西双版纳勐腊县": an autonomous prefecture written short, then its county, which stands in
            # for the city as after "凉山州"
            return Element("county", text[at:head], at, head, link=",", prefecture=True), head
        if head is not None:
            # "娄底新化县": a city written without 市, then its county
            return Element("place", text[at:head], at, head, link=","), head
        tail = _known_tail(plain, at, unit.end(), name_length, words) if name_length >= _LONG_UNIT_NAME and (
            not before) and written[name_length:] in _COUNTY_LEVEL_SUFFIXES else None
        if tail is not None:
            # "黄河兰州市段", "山城某某区", "晚清湖南省": a word that is no place (a river, a nickname, an outlet, a
            # time) run into the name of a city the gazetteer knows, or of a province, and its suffix: the unit is
            # the city's or the province's alone
            return suffixed_element(text, tail, unit.end(), words, patterns), unit.end()
        if name_length == 1 and written[-1] in _VILLAGE_SUFFIXES and (_runs_into_a_venue(
                plain, unit.end(), end, words, patterns) or province and unit.end() < end and county_of(
                plain[at:unit.end() + 1], province)):
            unit = None  # "九寨沟风景区": a village's suffix inside a venue's name, not 九寨 and 沟风景区;
            # "四川九寨沟": inside the name of a county of the province just named
        elif name_length >= 1:
            return suffixed_element(text, at, unit.end(), words, patterns), unit.end()
    state = _state().match(plain, at, end) if before and before[-1].level == "country" else None
    if state and simplified(before[-1].value) != "中国":
        return Element("province", text[at:state.end()], at, state.end(), link=","), state.end()  # 瓦哈卡州
    district = _district_at(plain, at, end, words, before)
    if district is not None and plain[district:district + 1] in _RIVER_WORDS:
        district = None  # "九龙江西溪": a river named like the district (九龙江 in Fujian), no part of Hong Kong
    if district is not None:  # "香港九龙尖沙咀", "在旺角街头": a district of a city-state
        return Element("town", text[at:district], at, district, link=","), district
    if before and before[-1].end == at and before[-1].level not in ("country", "province") and not (
            before[-1].level == "city" and simplified(before[-1].value) in words.set("places.municipalities")):
        township = _township_after_its_county(plain, at, end, before[-1], words)
        if township is not None:  # "宜蘭頭城", "澎湖西嶼": a township of Taiwan, bare, right after its own county
            return Element("town", text[at:township], at, township, link=","), township
        county = _county_below_its_city(plain, at, end, before, words)
        if county is not None:
            return Element("county", text[at:county], at, county, link=","), county
        return None  # "拉萨布达拉宫": right after a city, a bare namesake of another is the start of a venue
    city = known_city(plain, at, end, bool(before), bare_cities(words), _one_character_venues(words),
                       province_before=bool(before) and before[-1].level == "province" and before[-1].end == at)
    if city is not None and plain[at:city] in words.set("places.sides"):
        city = None  # "卑诗省南岸温岛": the province's south coast, no city (though Chongqing has a 南岸区)
    if city is not None and plain[at] in DIRECTIONS and plain[at + 1:city] in _STREET_AFTER_A_DIRECTION:
        city = None  # "平遥古城南大街": a direction and a street's word name a street (South Street) of any town,
        # no city, though the gazetteer knows a subdistrict called so
    if city is not None and before and before[-1].level == "country" and before[-1].end == at and (
            _of_another_country(plain[at:city], before[-1].value, words)):
        city = None  # "韩国联合参谋本部": 联合 is a town of China only, no city of Korea; an organisation's name
    if city is None and before and before[-1].level == "country" and before[-1].end == at:
        city = _designated_city_of(plain, at, end, before[-1].value)  # "美国千橡", "韩国大邱"
    if city is None and not before:
        city = _city_before_a_venue(text, plain, at, end, words, patterns)
    if city is None and not before and plain.find("的", at + 2, at + 4) >= 0:
        city = _city_before_its_sights(plain, at, end, words)  # "莱州的油菜花像春潮"
    if city is None and not before and at >= 2 and plain[at - 1] in _APPOSED_LAST:
        city = _town_after_its_kind(plain, at, end, words)  # "古城拜泉在国庆迎来客流高峰", "山城蔡甸的春雨"
    if city is None and not before and (at == 0 or plain[at - 1] in _CLAUSE_OPENS or plain[at - 1] in "在于"):
        city = _city_of_a_country_named(plain, at, end, words, patterns)  # "韩国民众在大邱出席", "益山与韩国国防部长"
    if city is None and not before and at and plain[at - 1] in "在于":
        city = _town_holding(plain, at, end, words, patterns)  # "各界在九台举行大会", "行走在开化街头"
    if city is None and not before and opens_a_phrase(plain, at):
        city = _town_before_its_locals(plain, at, end)  # "定陶当地的群众"
    if city is None and not before and opens_a_phrase(plain, at):
        city = _city_before_its_county(plain, at, end)  # "海东化隆的青稞"
    province = _province_of(before)
    if city is None and province and before[-1].end == at:  # "山东曲阜孔庙": a county of the province just named
        city = next((at + n for n in (3, 2) if at + n <= end and county_of(plain[at:at + n], province)), None)
    if city is not None and plain[city - 1] == "市" and city - at > 2:
        city -= 1  # "台北市民", "哈尔滨市民": the city, then its people
    if city is not None and plain[city:city + 1] in _RIVER_WORDS and city_state_district(plain[at:city], words):
        return None  # "九龙江西溪": a river named like a district of a city-state (九龙, Kowloon), in Fujian
    if city is not None and plain.startswith(words.words("places.origin_people"), at):
        return None  # "新疆青年志愿者": the province's young people, no town 青年 of it
    if city is not None and _a_street_named_for(plain, city):
        return None  # "在北京东路散步": a street named after the city, in whatever city the caption is
    if city is not None and _COMPANY_AFTER.match(plain, city):
        return None  # "江苏金桥盐业公司": a company's name opened by a place's, no city of the scene
    number = _DIGITS.match(plain, city) if city is not None else None
    if city is not None and (not _venue_begins(plain, city, end, words, patterns, sports=not before) or (
            _big_names(words).match(plain, city)) or _begins_a_longer_name(plain, city, end, words) or (
            plain.startswith(words.words("places.country_in_names"), city)) or _begins_a_named_road(
                plain, city, end, words)) and not (
            number and _venue_begins(plain, number.end(), end, words, patterns)):
        # (a venue word that begins a province's name is the province's: "石家庄河北博物院"; one that begins a
        # longer name is that name's: "武汉江汉路步行街", "珠海港珠澳大桥")
        # (nor before a number that names a venue with it: "台北101大楼")
        # (a known name right before a venue word is the venue's own: "维多利亚港", "湖南大学")
        state_end = _a_state_named_after_a_city_abroad(plain, at, city)
        if state_end is not None:
            return Element("province", text[at:state_end], at, state_end, link=","), state_end
        if before and before[-1].end == at and before[-1].level == "city":
            return Element("county", text[at:city], at, city, link=","), city  # "北京东城": a district
        if plain[city:city + 1] == "市" and (city + 1 >= end or plain[city + 1] not in _NOT_SUFFIX_AFTER["市"]):
            # "呼和浩特市大召寺": a city whose name holds a linking character, read bare, then its own suffix
            return Element("city", text[at:city], at, city + 1, link=","), city + 1
        return Element("place", text[at:city], at, city, link=","), city
    return None



def taiwan_townships(county: str, words: Words) -> frozenset[str]:
    """The townships of a county of Taiwan (its name as written, simplified, with or without 县: 宜兰, 宜蘭縣), from the
    table taiwan_townships of the word lists, without their suffixes (头城, 罗东); empty for any other name."""
    return words.made(("taiwan_townships", county), lambda: frozenset(
        words.lists["taiwan_townships"].get(simplified(county).removesuffix("县"), ())))


def a_taiwan_township(name: str, words: Words) -> bool:
    """Whether a name without its suffix (罗东, simplified) is one of the townships of any county of Taiwan."""
    return name in words.made(("taiwan_townships",), lambda: frozenset(
        township for townships in words.lists["taiwan_townships"].values() for township in townships))


#: The longest name of a township of Taiwan without its suffix (太麻里, 三地门, 阿里山).
_LONGEST_TOWNSHIP = 3


def _township_after_its_county(plain: str, at: int, end: int, county: Element, words: Words) -> int | None:
    """Where a township of Taiwan written bare right after its own county ends ("宜蘭頭城孤棚賽", "澎湖西嶼"), or None:
    GeoNames names few of them in Chinese, and after the county a bare name is otherwise read as a venue's start.
    Only a township of that county counts (taiwan_townships), so a namesake elsewhere is never read; one written
    with its suffix ("彰化縣大城鄉") is the unit reader's, and left to it."""
    townships = taiwan_townships(county.value, words)
    if not townships:
        return None
    return next((at + length for length in range(_LONGEST_TOWNSHIP, 1, -1) if at + length <= end and (
        plain[at:at + length] in townships) and plain[at + length:at + length + 1] not in _TOWNSHIP_SUFFIXES), None)


#: A township's suffixes, simplified (乡, 镇, and 市 of a county's cities: 员林市).
_TOWNSHIP_SUFFIXES = frozenset("乡镇市")


def _county_below_its_city(plain: str, at: int, end: int, before: list[Element], words: Words) -> int | None:
    """Where a county or a county-level city written bare ends right after its city, itself right after its
    province ("浙江嘉兴海宁,", "福建泉州石狮祥芝"): a name of two or three characters that reads as a county of that
    province (the province and the city vouch for the readings), ending its clause or followed by a name of its
    own; None when the name ends in, or is followed by, a venue word of one character (a lake's or a hill's name:
    "浙江杭州西湖", "江西九江庐山"), or when no province opens the chain."""
    if before[-1].level not in ("city", "place"):
        return None
    if len(before) == 1:  # "海东化隆的": no province, but the two names read as counties of one
        shared = _city_and_county_bare(plain, before[-1].start, end)
        return shared if shared is not None and before[-1].end == at else None
    if before[-2].level != "province" or before[-2].end != before[-1].start:
        return None
    province = simplified(before[-2].value)
    venues = _one_character_venues(words)
    for length in (3, 2):
        stop = at + length
        if stop > end or not county_of(plain[at:stop], province):
            continue
        if plain[stop - 1] in venues or plain[stop:stop + 1] in venues or words.pattern("places.venue").match(
                plain, stop, end) or plain[stop:stop + 1] in _SUFFIX_FIRSTS:
            return None  # (nor a name its suffix follows, which the unit's reader weighs: "秭归县长垭港", where 县长
            # is read as a county's head, is no bare 秭归)
        return stop
    return None


def _city_before_its_county(plain: str, at: int, end: int) -> int | None:
    """Where a city written bare ends when a county written bare follows it and ends its phrase ("海东化隆的青稞",
    "某某某某,"), the two names reading as counties or cities of one same province (two names agreeing where
    either alone is weak); None otherwise."""
    found = _city_and_county_bare(plain, at, end)
    return None if found is None else next(
        at + length for length in (3, 2) if _city_and_county_bare(plain, at, end, length) == found)


def _city_and_county_bare(plain: str, at: int, end: int, first: int | None = None) -> int | None:
    """Where the second of two bare names from `at` ends ("海东化隆": after 化隆) when each has two or three Han
    characters, the second ends its phrase (的, a comma, a stop), and their county readings share a province;
    `first` fixes the first name's length. None when they do not."""
    for length in (first,) if first else (2, 3):
        for second in (2, 3):
            stop = at + length + second
            if stop > end or stop < end and plain[stop] not in _PHRASE_ENDS:
                continue
            one, other = plain[at:at + length], plain[at + length:stop]
            if all_han().fullmatch(one + other) is None:
                continue
            shared = set(chinese_county_provinces(one)) & set(chinese_county_provinces(other))
            if shared:
                return stop
    return None


def _a_state_named_after_a_city_abroad(plain: str, at: int, city: int) -> int | None:
    """Where a state's or an oblast's name ends when the bare name at `at` (to `city`) is a city abroad written with
    州 ("纽约州", "华盛顿州", "新西伯利亚州", "马萨诸塞州": New York State, Novosibirsk Oblast): the state, the
    province, named after its city; None for a name of China (杭州, 伊犁州) or one with no 州."""
    from catalog.captions.gazetteer import chinese_name_cities

    if plain[city:city + 1] == "州":
        name, state = plain[at:city], city + 1
    elif plain[city - 1:city] == "州" and city - at >= 3:
        name, state = plain[at:city - 1], city
    else:
        return None  # (most names: no 州 at their end)
    if plain[state:state + 1] == "长":
        return None  # "纽约州长古莫": the state's governor, a title (the city's reading stays as it was)
    country = chinese_name_cities(name)[1] or chinese_name_cities(name + "州")[1]
    return state if country is not None and country != "CN" else None


def no_name_begins(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether `unit_at`, asked at `at` with no unit before it, is sure to find nothing, told by a few tests
    instead of its dozen look-ups (a chain is read from every start a sentence offers, and at most of them no
    unit begins: "游客在...", "记者从..."). Every name `unit_at` can take there begins with a Han character
    (its readers all ask for one) and with two characters that begin a name of the gazetteer
    (han_name_starts) or of the word lists (_listed_name_starts), except a name it takes for what follows it,
    each tested here as its reader tests it: a unit's suffix ahead (the "units" pattern), and a county known by
    its readings (_a_chinese_county) alone in its clause (known_city), before a venue's name
    (_city_before_a_venue) or between 在 and what is held there (_town_holding). False (read in full) for a Han
    character beyond the basic block, or a compatibility ideograph after one (the gazetteer's keys hold it
    decomposed)."""
    first = plain[at]
    pair = plain[at:at + 2]
    listed_pairs, listed_singles = _listed_name_starts(words)
    if pair in listed_pairs or first in listed_singles:
        return False
    if not han_char().match(first):
        return True  # ("2023年", "(无人机照片)": no reader of a unit begins at a letter, a digit or a mark)
    if not "\u4e00" <= first <= "\u9fff" or "\uf900" <= plain[at + 1:at + 2] <= "\ufaff":
        return False
    if pair in gazetteer_name_starts() or patterns["units"].match(plain, at, end) is not None:
        return False
    run = _HAN_RUN.match(plain, at, min(end, at + _LONGEST_CITY_ABROAD))
    run_end = run.end() if run else at
    if 3 <= run_end - at <= _LONGEST_CITY and plain[run_end - 1] not in _one_character_venues(words) and (
            _a_clause_of_its_own(plain, at, run_end)) and _a_chinese_county(plain[at:run_end]):
        return False  # "在常熟，": a name that is a whole clause (known_city)
    if _venue_word_firsts(words).search(plain, at + 3, min(end, at + 4 + _LONGEST_VENUE)) is not None:
        for stop in (at + 4, at + 3):  # "都江堰某某公园": a county's name before a venue's (_city_before_a_venue)
            if stop < end and stop <= run_end and patterns["venue"].match(plain, stop, end) is not None and (
                    _a_chinese_county(plain[at:stop])):
                return False
    if at and plain[at - 1] in "在于":  # "在九台举行": a name before what is held there (_town_holding)
        named = _named_before_held(words).match(plain, at, end)
        if named is not None and _a_chinese_county(named.group(1)):
            return False
    return True


def _listed_name_starts(words: Words) -> tuple[frozenset[str], frozenset[str]]:
    """The first two characters of the word lists' names `unit_at` may take at a chain's start (provinces,
    municipalities, territories, countries, cities and their nicknames, foreign provinces' short names, the
    city-states and their districts, the autonomous prefectures' short names), and the names of one character,
    made once."""
    def build() -> tuple[frozenset[str], frozenset[str]]:
        names = [*words["places.provinces"], *words["places.municipalities"], *words["places.territories"],
                 *words["places.countries"], *bare_cities(words), *words["places.short_provinces"],
                 *words["places.states_abroad"], *_city_states(words).values(), *_listed_districts(words),
                 *words["places.prefectures"]]
        return (frozenset(name[:2] for name in names if len(name) >= 2),
                frozenset(name for name in names if len(name) == 1))

    return words.made(("listed_name_starts",), build)

#: The last characters of venues built or laid out whose sections are named by a direction and 区 ("武侯祠西区",
#: "世纪公园东区"); no district's name ends so (unlike 山 or 路: "唐山路南区" is Tangshan's district 路南区).
_BUILT_VENUE_ENDS = frozenset("园祠宫寺馆庙院")


#: A trade and a company's word right after a place's name ("金桥盐业公司", "某某电力集团"): the name is the company's.
_COMPANY_AFTER = compiled("[\u4e00-\u9fff]{1,3}业(?:股份有限公司|有限公司|公司|集团)")


#: Suffixes of units no name of one character takes (Inner Mongolia's banners, 正蓝旗, 阿巴嘎旗, and its leagues,
#: 兴安盟, 阿拉善盟: no city 阿拉 before a league 善盟).
_NO_ONE_CHARACTER_NAME = frozenset("旗盟")


#: The suffixes of a county or a city, which no venue's name ends with.
_COUNTY_SUFFIXES = ("自治县", "自治旗", "县", "市", "旗")


#: The suffixes of a unit a kind of its area may follow ("光復鄉災區", "映秀镇灾区", "某某县景区").
_UNIT_BEFORE_A_KIND = frozenset("镇鎮乡鄉村县縣")


#: The fewest characters of an autonomous county's own name and its people's before 族 (融水 and 苗 of
#: "融水苗族自治县"): a shorter run after a city's name is the county's whole name ("本溪满族自治县", "长白朝鲜族").
_AUTONOMOUS_COUNTY_HEAD = 3


def _city_before_an_autonomous_county(text: str, plain: str, element: Element, words: Words, patterns: dict,
                                      before: list[Element]) -> Element | None:
    """The city a county's run begins with, when a city written bare runs into its autonomous county ("湖南怀化通道
    侗族自治县", "甘肃酒泉肃北蒙古族自治县"): the county's own name and its people's come after the city's name, so
    the run's head is a city of its own when a name the gazetteer knows as a city opens it and the county's name
    and people still follow (a county named for a city, "本溪满族自治县", keeps its whole name)."""
    if element.level != "county" or "自治" not in element.value:
        return None
    people = plain.find("族", element.start, element.end)
    for length in (3, 2):
        cut = element.start + length
        if people - cut < _AUTONOMOUS_COUNTY_HEAD:
            continue
        if known_city(plain, element.start, cut, bool(before) and before[-1].level == "province") != cut:
            continue
        unit = unit_at(text, plain, element.start, cut, words, patterns, before)
        if unit is not None and unit[1] == cut and unit[0].level in ("place", "city"):
            return replace(unit[0], level="city")  # (the county below it makes it a city, as 市 would)
    return None


def _a_city_of_the_province_follows(plain: str, at: int, end: int, province: str) -> bool:
    """Whether a city of the province just named follows it, written bare and ending its phrase, though its name
    ends in a venue word ("广西河池的博物馆": 池, a pond): the gazetteer holds the name with 市 (河池市) and it reads
    as a city or county of that province, so the two agree and the province vouches for them."""
    for stop in (at + 3, at + 2):
        if stop < end and plain[stop] in _PHRASE_ENDS and county_of(plain[at:stop], province) and (
                suffixed_population(plain[at:stop]) >= CITY_AFTER_PROVINCE_POPULATION):
            return True
    return False


#: What ends a phrase after a place's name: 的, or a stop.
_PHRASE_ENDS = frozenset("的，,。；;")


def a_county_follows(plain: str, at: int, end: int, patterns: dict) -> bool:
    """Whether a county or a city written with its suffix begins at `at` (塔什库尔干塔吉克自治县, 塔河县)."""
    unit = patterns["units"].match(plain, at, end)
    return unit is not None and unit.end() - at >= 3 and plain.endswith(_COUNTY_SUFFIXES, at, unit.end())


#: The words of a street that a direction and a city's name come before ("南京东路", "中山北大街").
_STREET_AFTER_A_DIRECTION = ("路", "街", "大街", "大道", "大马路")


#: Of those, the words of a road that towns name after other cities ("南京东路", "北京西路", "长安东大道"); a street
#: (街, 大街) after a direction and a city's name is that city's own ("泉州西街", "西安北大街": its West Street).
_ROADS_NAMED_FOR_CITIES = ("路", "大道", "大马路")


def _a_street_named_for(plain: str, at: int) -> bool:
    """Whether a direction and a road's word begin at `at` (东路 of "南京东路"): the name before them is then a
    road's first word, named after a city, and no city of the scene; not 西街 of "泉州西街", the city's street."""
    return plain[at:at + 1] in DIRECTIONS and plain.startswith(_ROADS_NAMED_FOR_CITIES, at + 1)


def bare_cities(words: Words) -> frozenset[str]:
    """The cities captions write bare that the gazetteer lacks (places.cities) and the cities' nicknames
    (places.city_nicknames), as one set, made once."""
    made = words._made.get(("bare_cities",))
    if made is None:
        made = words._made[("bare_cities",)] = words.set("places.cities") | words.set("places.city_nicknames")
    return made


def _city_before_a_venue(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> int | None:
    """Where a bare city ends that a venue's name follows ("拉萨布达拉宫", "敦煌鸣沙山", "台北龙山寺"): a city of
    Greater China the gazetteer knows with as few people as after its province (the venue vouches for the name as
    the province would), or a county-level city of three characters or more known by its readings; the venue
    has a name of its own, of two characters or more, before its venue word (not "广州塔": a city only inside a
    venue's name)."""
    if _venue_word_firsts(words).search(plain, at + 3, min(end, at + 4 + _LONGEST_VENUE)) is None:
        return None  # (no venue word ahead, where most starts stand: nothing to weigh)
    run = _HAN_RUN.match(plain, at, min(end, at + 4))
    han_end = run.end() if run else at  # (a name is written in characters only)
    no_venue_at = -1  # (where the venue pattern was found to match nothing, for the next shorter name)
    for length in (4, 3, 2):
        stop = at + length
        name = plain[at:stop]
        if stop >= end or stop > han_end:
            continue
        if plain[stop] != "的" and (no_venue_at == stop + 1 and plain[stop + 1] not in _venue_word_first_set(
                words) or patterns["venue"].match(plain, stop, end) is None):
            no_venue_at = stop
            continue  # (no venue's name right after it, as below: the name is not weighed; a venue's name that
            # begins at `stop` and matches nothing one character later has its venue word right there, so where
            # none begins, the pattern is not run again)
        population, country = chinese_name_cities(name)
        known = population >= CITY_BEFORE_A_VENUE_POPULATION and country in GREATER_CHINA or (
            suffixed_population(name) >= SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION) or (
            length == 2 and population and opens_a_phrase(plain, at) and name[-1] not in _one_character_venues(
                words) and plain[stop] not in _one_character_venues(words) and _a_chinese_town_and_county(name)) or (
            population >= CITY_BEFORE_A_VENUE_POPULATION and country is not None and _sounded(name, words)) or (
            population >= TAIWAN_TOWN_BEFORE_A_VENUE_POPULATION and country == "TW") or (
            not population and opens_a_phrase(plain, at) and name in words.set("places.prefectures") and name[
                -1] not in _one_character_venues(words) and plain[stop] not in _one_character_venues(words))
        # (an autonomous prefecture written bare, places.prefectures, 玉树 in "玉树巴塘草原", opening its phrase: the
        # list vouches for the name as the gazetteer would; not before a venue word of one character, "红河谷")
        # (a city abroad written in the characters of foreign sounds, 第戎 or 尼姆, is no word of Chinese: the
        # gazetteer's city it is; a township of Taiwan, 馬公 in "馬公觀音亭", is smaller than a city of the
        # mainland a caption names, and Taiwan's captions name them as their city)
        # (a smaller town of China whose name also reads as a county, 奉化 or 甘南, opening its clause or after 在:
        # the two sources agree, as for a name alone in its clause; but not after 的, "上游的青龙训练基地", where the
        # name is the venue's; nor one ending in a venue word, 西湖 or 西山, a lake's or a hill's name, nor one that
        # a venue word of one character follows, 金沙江: a river's name)
        named = stop + 1 if plain.startswith("的", stop) and known else stop  # ("拉萨的布达拉宫": the city's venue)
        if not known and length < 3 or plain[stop] == "的" and patterns["venue"].match(plain, named, end) is None:
            continue  # (no city of that name, or no venue's name after it: the readings are not asked; after no
            # 的, `named` is `stop`, where the test above found a venue's name)
        if not known and not _a_chinese_county(name):
            continue
        if _venue_begins(plain, named, end, words, patterns) and not _begins_a_longer_name(
                plain, named, end, words) and not _begins_a_named_road(plain, named, end, words):
            continue  # ("广州塔"; but "岳阳洞庭湖": 洞 begins the lake's name, "张家口草原天路": 草原 the road's)
        venue = venue_at(text, plain, named, end, words, patterns)
        if not venue or not plain.startswith(simplified(venue), named) or _NUMERAL.match(venue):
            continue  # (not "三峡五级船闸": a name that goes on with a number is one name)
        word = patterns["venue_end"].search(simplified(venue))
        if word is not None and (len(venue) - len(word.group()) >= 2 or _a_towns_own_street(simplified(venue))):
            return stop  # (a venue's own name of two characters or more: not "联合国总部" cut after 联合; or the
            # town's own street named by a direction, "古蔺西街")
    return None


def _a_towns_own_street(venue: str) -> bool:
    """Whether a venue is a direction and a street's word (西街, 南大街), which a town's name before it makes that
    town's street ("泉州西街", "古蔺西街": its West Street), as _ROADS_NAMED_FOR_CITIES says of 街 and 大街."""
    return venue[:1] in DIRECTIONS and venue[1:] in _TOWNS_STREETS


#: The words of a street that a direction makes a town's own (not 路 or 大道: "南京东路" is named for a city).
_TOWNS_STREETS = frozenset({"街", "大街"})


def _sounded(name: str, words: Words) -> bool:
    """Whether a name is written in the characters of foreign sounds alone (places.transliteration: 第戎, 尼姆)."""
    sounds = words.set("places.transliteration")
    return all(character in sounds for character in name)


def opens_a_phrase(plain: str, at: int) -> bool:
    """Whether `at` opens a clause, or a place phrase after 在, 于, 与 or 到 ("在奉化", "与甘南")."""
    return at == 0 or plain[at - 1] in _CLAUSE_OPENS or plain[at - 1] in "在于与到"


def _a_capital_named_for_its_country(plain: str, at: int, country_end: int, before: list[Element]) -> bool:
    """Whether a country's name and 城 name its capital (墨西哥城, 科威特城): after that country in the chain
    ("科威特首都科威特城"), or a city the gazetteer knows by the whole name."""
    name = plain[at:country_end]
    if any(e.level == "country" and simplified(e.value) == name for e in before):
        return True
    return cjk_population(plain[at:country_end + 1]) >= CITY_BEFORE_A_VENUE_POPULATION


#: What makes a province's name a prefecture's (海南 of Qinghai): its peoples and 自治州, or 州 alone before a stop
#: or a county ("海南州贵德县"; not 州's words, 州长).
_PREFECTURE_AFTER = compiled(f"(?:[{HAN}]{{1,4}}?族)+自治州|州(?![长委立])")


#: Within a unit's bounds (境内, "within its territory"), and 的 before what lies there
_WITHIN = compiled("境内的?")


def _past_within(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
                 elements: list[Element]) -> int:
    """Where the chain goes on after 境内 (within) at `at`: past it (and its 的) when a unit below the one just
    read follows ("四川凉山州境内的越西县瓦岩乡": the prefecture's county, then its township; "成都市境内的都江堰
    市", a county-level city), else `at`, where the
    chain ends ("云南省西双版纳州境内的中老铁路": a venue within the prefecture)."""
    within = _WITHIN.match(plain, at, end)
    if within is None or elements[-1].level not in ("city", "county", "place") or (
            elements[-1].level == "county" and not elements[-1].prefecture):
        return at
    following = unit_at(text, plain, within.end(), end, words, patterns, elements)
    if following is None or following[0].level not in ("city", "place", "county", "town") or (
            following[0].prefecture):
        return at  # (a city too, "凉山州境内的西昌市", a county-level city of the prefecture, with 市 or bare)
    return within.end()


def _prefecture_written_short(plain: str, at: int, end: int, words: Words) -> int | None:
    """Where an autonomous prefecture ends that is written short, its name (places.prefectures) and 州 alone
    ("西双版纳州", "黔东南州", "凉山州": 西双版纳傣族自治州 as the press writes it), or None. No gazetteer knows the
    short form, and some of the names are a mountain's or a river's (凉山, 红河, 怒江), which 州 after them rules out;
    not 州's own words (州长, 州委, 州立), which are the prefecture's offices or a state's school."""
    name = next((n for n in words.longest_first("places.prefectures") if plain.startswith(n, at)), None)
    if name is None:
        return None
    stop = at + len(name)
    if stop < end and _PREFECTURE_AFTER.match(plain, stop, end) is not None and plain[stop] == "州":
        return stop + 1
    return None


def _of_another_country(name: str, country: str, words: Words) -> bool:
    """Whether every city the gazetteer knows by this bare name lies in one country other than the one just named
    (联合 after 韩国: a town of China), so the name is no city there; False when the list's cities hold it, either
    country is unknown, or the name is written in sounds and the country named holds a city of the same own name
    (英国剑桥, though GeoNames gives 剑桥 to Cambridge, Ontario)."""
    if name in bare_cities(words):
        return False
    _, where = chinese_name_cities(name)
    named = name_levels(simplified(country)).country
    if where is None or named is None or where == named:
        return False
    return namesake_in(name, named) < CITY_AFTER_PROVINCE_POPULATION  # "英国剑桥": Cambridge, England, though the
    # index gives 剑桥 to Cambridge, Ontario (the sounds are every namesake's)


def _designated_city_of(plain: str, at: int, end: int, country: str) -> int | None:
    """Where a city of the country just named ends, written bare though GeoNames gives its Chinese name only with a
    designator (美国千橡 from 千橡市, 韩国大邱 from 大邱广域市, 泰国坤敬 from 坤敬市), or None: the country before it
    vouches for the weaker evidence, and the city must be of that country and of the size read after a province."""
    run = _HAN_RUN.match(plain, at, min(end, at + _LONGEST_CITY))
    if run is None:
        return None
    for stop in range(run.end(), at + 1, -1):  # (the longest name first)
        if plain[stop - 1] in STOPS:
            continue
        population, where = chinese_city_abroad(plain[at:stop])  # (`plain` is simplified already)
        if population >= CITY_AFTER_PROVINCE_POPULATION and where is not None and (
                where == name_levels(simplified(country)).country):
            return stop
    return None


def _city_of_a_country_named(plain: str, at: int, end: int, words: Words, patterns: dict) -> int | None:
    """Where a bare city abroad ends that follows 在 or 于 ("在大邱出席", "在益山与韩国国防部长会面"), or opens a clause
    and ends its phrase ("焼津的日本防卫省", "大邱,"), when the caption names its country elsewhere (韩国民众, 韩国国防
    部长), or None: the country and the name agree, as a name of a city too small to be read bare (焼津, 兰斯) does not
    alone. The city must lie in one country only,
    outside Greater China, and hold CITY_BEFORE_A_VENUE_POPULATION people; one GeoNames names only with a designator
    (大邱广域市), weaker evidence (天堂市 is Paradise, Nevada), SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION. Before 的, a
    venue's name must follow (焼津的日本防卫省), since people's names sound like cities (在泰勒的陪同下)."""
    if at and plain[at - 1] in "在于":
        run = _HAN_RUN.match(plain, at, min(end, at + _LONGEST_CITY))
        stops: Iterable[int] = range(run.end(), at + 1, -1) if run else ()  # (the longest name first)
    else:  # opening a clause, the name ends its phrase: "焼津的日本防卫省", "大邱,"
        whole = _A_PHRASE_OF_ITS_OWN.match(plain, at, end)
        stops = (whole.end(),) if whole else ()
    for stop in stops:
        if plain[stop - 1] in STOPS:
            continue
        name = plain[at:stop]
        population, where = chinese_name_cities(name)
        floor = CITY_BEFORE_A_VENUE_POPULATION
        if not population:
            population, where = chinese_city_abroad(name)
            floor = SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION
        if population < floor or where is None or where in GREATER_CHINA:
            continue
        if plain.startswith("的", stop) and patterns["venue"].match(plain, stop + 1, end) is None:
            return None  # "在泰勒的陪同下": a person's name (Taylor, a city of Texas too), no city; "焼津的日本防卫省"
        if any(country in plain for country in _country_names(where, words)):
            return stop
    return None


#: A name that is a phrase of its own, before 的 or a clause's end.
_A_PHRASE_OF_ITS_OWN = compiled(f"[{HAN}]{{2,5}}?(?=[的，,])")  # (five: _LONGEST_CITY, defined below)


#: The word of a place's own people and things after its name ("定陶当地的群众": the locals of 定陶).
_LOCAL = "当地"


def _town_before_its_locals(plain: str, at: int, end: int) -> int | None:
    """Where a bare name ends that opens its phrase right before 当地 ("定陶当地的彝族群众", "高沟当地居民"), or
    None: 当地 (local) makes the name before it a place, as a whole clause does, so a town of China of any size is
    read when the gazetteer's town and the county readings agree on it (a bigger city is read without this,
    "西昌当地")."""
    for length in (3, 2):
        stop = at + length
        if stop + len(_LOCAL) <= end and plain.startswith(_LOCAL, stop) and (
                all_han().fullmatch(plain, at, stop) is not None) and _a_chinese_town_and_county(plain[at:stop]):
            return stop
    return None


def _town_holding(plain: str, at: int, end: int, words: Words, patterns: dict) -> int | None:
    """Where a bare name ends that stands between 在 or 于 and what is held in a town or its streets ("在九台举行大会",
    "行走在开化街头": places.held, places.streets_of_a_town), or None: the phrase makes the name a whole place, and it
    is read as a town of China of any size when the gazetteer's town and the county readings agree (九台, 开化), or
    the gazetteer holds it with 市 (松原市), or a name of three characters or more reads as a county."""
    named = _named_before_held(words).match(plain, at, end)
    if named is None:
        return None
    name = named.group(1)
    word = patterns["venue_end"].search(name)
    if word is not None and word.end() == len(name):
        return None  # "在中心举行", "在西湖举办": a venue's word or name, the venue's (中心 is a town of Guangdong too)
    if _a_chinese_town_and_county(name) or _a_chinese_county(name) or (
            suffixed_population(name) >= CITY_AFTER_PROVINCE_POPULATION):
        return named.end(1)
    return None


def _named_before_held(words: Words) -> re.Pattern:
    """A name of two to four characters, then a word of places.held or places.streets_of_a_town."""
    return words.made(("named_before_held",), lambda: compiled("([{}]{{2,4}}?)(?:{})".format(HAN, "|".join(
        sorted([*words["places.held"], *words["places.streets_of_a_town"]], key=longest_first)))))


def _country_names(code: str, words: Words) -> tuple[str, ...]:
    """A country's names in Chinese: the gazetteer's, and the word list's (韩国, 澳洲) of that country."""
    return words.made(("country_names", code), lambda: tuple(dict.fromkeys(chinese_country_names(code) + tuple(
        name for name in words["places.countries"] if name_levels(name).country == code))))


def _a_district_of(plain: str, at: int, end: int, city: str, words: Words) -> bool:
    """Whether a district of this city-state (路氹, 路環 of 澳门) begins at `at`, not a street named after it."""
    return any(city_state_district(plain[at:at + length], words) == city for length in (3, 2) if at + length <= end)


def _venue_word_firsts(words: Words) -> re.Pattern:
    """Any first character of a venue word (公 of 公园, 山), compiled once."""
    made = words._made.get(("venue_word_firsts",))
    if made is None:
        made = words._made[("venue_word_firsts",)] = compiled(
            "[" + re.escape("".join(sorted({word[0] for word in words.lists["places"]["venue"]}))) + "]")
    return made


def _venue_word_first_set(words: Words) -> frozenset[str]:
    """The first characters of the venue words (the look-ahead of the `venue` pattern's words), as a set made once."""
    made = words._made.get(("venue_word_first_set",))
    if made is None:
        made = words._made[("venue_word_first_set",)] = frozenset(
            word[0] for word in words.lists["places"]["venue"] if word)
    return made


#: A bare name right before a venue's name is read as a city of at least this many people; or of this many when
#: the gazetteer knows the name only with 市 after it (岳阳市: "岳阳洞庭湖"; not 东方市 in "东方明珠塔").
CITY_BEFORE_A_VENUE_POPULATION = 100_000
#: A town of Taiwan (a township, 馬公, 竹山, the city of a Taiwan caption) is read before a venue with this many.
TAIWAN_TOWN_BEFORE_A_VENUE_POPULATION = 20_000
SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION = 500_000


@lru_cache(maxsize=65536)
def suffixed_population(name: str) -> int:
    """The population of the city the gazetteer knows as this name and 市 (大同 → 大同市), or 0."""
    return chinese_city_population(name) if all_han().fullmatch(name) else 0
_NUMERAL = compiled("[0-9０-９一二三四五六七八九十两]")


#: A district of a city-state written bare, with two characters, is read as one when this many people live there
#: (三字 names, 尖沙咀, are read whatever their size): GeoNames' alternate names hold everyday words too.
DISTRICT_POPULATION = 10_000


def _city_states(words: Words) -> dict[str, str]:
    """The city-states of the word list: the gazetteer's country code -> the city's name (HK -> 香港)."""
    made = words._made.get(("city_states",))
    if made is None:
        made = words._made[("city_states",)] = dict(
            entry.split(None, 1) for entry in words["places.city_states"] if len(entry.split(None, 1)) == 2)
    return made


def _country_of_places(name: str) -> str | None:
    """The one country code of every place the gazetteer knows under this Chinese name (旺角: HK), or None when
    it knows none or places in several countries (西贡 is in Viet Nam too)."""
    return chinese_name_cities(name)[1]


def city_state_district(name: str, words: Words, plain: str | None = None) -> str | None:
    """The city-state (香港) that a bare name is a district of (旺角, 尖沙咀, 新界), or None (`plain`: the name
    already simplified, as the readers hold it)."""
    plain = simplified(name) if plain is None else plain
    memo = words._made.get(("district_memo",))  # (asked of every name a chain tries: one lookup, once warm)
    if memo is None:
        memo = words._made[("district_memo",)] = {}
    found = memo.get(plain, _UNKNOWN)
    if found is _UNKNOWN:
        if len(memo) > _DISTRICT_MEMO_SIZE:
            memo.clear()
        found = memo[plain] = _district_city(plain, words)
    return found


#: How many names' answers ``city_state_district`` keeps before it starts again (as _district_country's cache).
_DISTRICT_MEMO_SIZE = 65536
_UNKNOWN = object()


def _district_city(plain: str, words: Words) -> str | None:
    """The city-state a simplified name is a district of: the gazetteer's, else places.city_state_districts'."""
    if plain in words.set("places.municipalities"):
        return None
    code = _district_country(plain)
    city = _city_states(words).get(code) if code else None
    return city if city is not None else _listed_districts(words).get(plain)


def _listed_districts(words: Words) -> dict[str, str]:
    """The districts of places.city_state_districts: the name -> its city-state's (深水埗 -> 香港)."""
    made = words._made.get(("listed_districts",))
    if made is None:
        states = _city_states(words)
        made = {}
        for entry in words["places.city_state_districts"]:
            parts = entry.split(None, 1)
            if len(parts) == 2 and parts[0] in states:
                made[parts[1]] = states[parts[0]]
        words._made[("listed_districts",)] = made
    return made


@lru_cache(maxsize=65536)
def _district_country(plain: str) -> str | None:
    """The country code of the one country whose places the gazetteer knows under this name, when the name may
    be a district's (characters only; two of them only for a place of DISTRICT_POPULATION people or more)."""
    if not all_han().fullmatch(plain) or len(plain) == 2 and cjk_population(plain) < DISTRICT_POPULATION:
        return None
    return _country_of_places(plain)


def _district_at(plain: str, at: int, end: int, words: Words, before: list[Element]) -> int | None:
    """Where a bare district of a city-state starts at `at` ends: first in a chain, or after its city or another
    of its districts ("香港九龙尖沙咀")."""
    if before and not (before[-1].end == at and (
            city_state_district(before[-1].value, words) is not None
            or simplified(before[-1].value) in _city_states(words).values())):
        return None
    memo = words._made.get(("district_memo",), {})  # (city_state_district's answers, read here first: asked of
    # three names at every start a chain is read from)
    for length in (4, 3, 2):
        if at + length <= end and plain[at + length - 1] not in STOPS:
            name = plain[at:at + length]
            found = memo.get(name, _UNKNOWN)
            if found is _UNKNOWN:
                found = city_state_district("", words, name)
            if found is not None and not (name[-1] == "市" and plain[at + length:at + length + 1] == "民" and (
                    name[:-1] in _city_states(words).values())):
                return at + length  # (not "香港市民": the city-state itself, 市, then its people)
    return None


#: The words of a river that, right after a district's bare name, make a river's name of it (九龙江).
_RIVER_WORDS = frozenset("江河溪")




def _begins_a_longer_name(plain: str, at: int, end: int, words: Words) -> bool:
    """Whether the one-character venue word at `at` (江, 港, 湖) is the first character of a longer name that ends
    in another venue word, with a character or more between them and no stop ("江汉路步行街", "湖滨步行街"):
    the name before it is then a city, not the first word of a venue named 武汉江 or 杭州湖 (维多利亚港 ends at its
    word; 深圳湾公园 has no character between 湾 and 公园, so 深圳湾 is the name; a city's port and station are
    named by the city, 唐山港曹妃甸港区)."""
    venue_word = words.pattern("places.venue")
    first = venue_word.match(plain, at, end)
    if first is None or len(first.group()) != 1 or first.group() in words.set("places.named_by_the_city") \
            or venue_word.match(plain, first.end(), end):
        return False  # (唐山港曹妃甸港区: the city's port; 深圳湾公园: the bay's park)
    stop = first.end()
    while stop < min(end, at + _LONGEST_VENUE) and plain[stop] not in HARD_STOPS and plain[stop] not in NAME_BREAKS:
        stop += 1
    later = venue_word.search(plain, first.end() + 1, stop)
    return later is not None and not _a_clause_between(plain, first.end(), later.start(), words)


#: The words that end a road's name, which may begin with a venue word of two characters (草原天路, 湿地大道).
_ROAD_ENDS = ("大道", "公路", "路")


def _begins_a_named_road(plain: str, at: int, end: int, words: Words) -> bool:
    """Whether the venue word of two characters at `at` (草原 of "草原天路") opens a road's name, a character or
    more after it ending in a road's word with no stop or second venue word between: the name before it is then
    a city's ("张家口草原天路"), not the first word of a grassland named 张家口草原 (a name of one venue word, "广州
    塔" or "呼伦贝尔草原", stays the venue's whole)."""
    first = words.pattern("places.venue").match(plain, at, end)
    if first is None or len(first.group()) != 2:
        return False
    stop = first.end()
    while stop < min(end, at + _LONGEST_VENUE) and plain[stop] not in HARD_STOPS and plain[stop] not in NAME_BREAKS:
        stop += 1
    road = next((m for m in re.finditer("|".join(_ROAD_ENDS), plain[first.end() + 1:stop])), None)
    return road is not None and not words.pattern("places.venue").search(
        plain, first.end(), first.end() + 1 + road.start())


def _venue_begins(plain: str, at: int, end: int, words: Words, patterns: dict, sports: bool = False) -> bool:
    """Whether a venue word begins at `at`, so that a name right before it is the venue's own (维多利亚港); not
    a venue word of an everyday noun ("绍兴街头": the streets of Shaoxing); with `sports`, a sport's kind before
    the venue word too ("金山体育中心": the district's name is the centre's, no city of the scene)."""
    generic = _GENERIC_BEFORE_A_VENUE.match(plain, at, end) or (
        _SPORTS_BEFORE_A_VENUE.match(plain, at, end) if sports else None)
    if generic is not None:  # "成都国际机场", "南京南站", "成都火车东站": a name no word of its own makes the place's
        rest = generic.end()
        if generic.re is _GENERIC_BEFORE_A_VENUE and not generic.group(1):
            return plain.startswith(_STATIONS, rest)
        if patterns["venue_start"].match(plain, rest, end):
            return True
        # (a kind that begins a venue word itself, 体育 of 体育场, is read as the venue word below)
    kind = words.pattern("places.kinds_of_school").match(plain, at, end)
    if kind is not None and plain.startswith(_SCHOOLS, kind.end()):
        return True  # "杭州师范大学", "成都体育学院": a kind of school, no name of its own, the city's name opens
    return bool(patterns["venue_start"].match(plain, at, end)) and not plain.startswith(
        words.words("places.venue_word_as_noun"), at) and not _a_village_named_by_its_site(plain, at + 1)


#: The suffixes of a village that a venue word and a word of position name (塔下村, 山下村, 溪边寨).
_VILLAGE_BY_A_SITE = frozenset("村屯寨")


def _a_village_named_by_its_site(plain: str, at: int) -> bool:
    """Whether a word of position and a village's suffix begin at `at`, right after a venue word of one character
    (下村 of "塔下村", "山下村", "岭前村"): the village is named by where it lies, below the tower or the hill, and
    the venue word is its name's first character, no venue's last (not 村民, villagers: "山上村民")."""
    return plain[at:at + 1] in POSITION_WORDS and plain[at + 1:at + 2] in _VILLAGE_BY_A_SITE and (
        plain[at + 2:at + 3] != "民")


#: A run of Chinese characters (a name is made of them alone).
_HAN_RUN = compiled(f"[{HAN}]+")
#: The one-character words of a street, which make a street's name of a place's right before them (香港路).
_STREET_WORDS = ("路", "街", "道", "巷")
#: Words that begin with 城 and are no quarter of a city ("中国城市", "中国城乡": the country's towns)
_WORDS_OF_TOWNS = ("城市", "城乡", "城镇", "城区")
#: Words that make a venue's name of a city's with no name of their own (国际机场, 市立动物园), and the
#: directions that name a city's stations (南京南站, 北京西站); and a sport's kind (体育中心, 奥林匹克体育场,
#: 奥体中心: what the venue is for, no name), which does so for a name that opens its chain (no province before
#: it: "江苏南京奥体中心" is the province's city, then its centre).
_GENERIC_BEFORE_A_VENUE = compiled("(国际|市立|县立)|火车[东南西北]?(?=站)|[东南西北](?=站|火车站|高铁站)")
_SPORTS_BEFORE_A_VENUE = compiled("体育|奥林匹克|奥体")
_STATIONS = ("站", "火车站", "高铁站")
#: The words of a school that a kind of school (places.kinds_of_school: 师范, 理工) makes the whole venue word of.
_SCHOOLS = ("大学", "学院")


_DIGITS = compiled(r"\d+")


#: The gazetteer's country codes of the places Chinese captions name bare as their own.
GREATER_CHINA = frozenset({"CN", "HK", "MO", "TW"})


#: The levels of a chain below a province: a province right after one of them is no step of the chain.
_BELOW_PROVINCE = ("city", "place", "county", "town")

#: One-character suffixes that also end everyday words (红旗, 升旗, 联盟): the banner and the league of Inner Mongolia.
_RARE_SUFFIXES = "旗盟"
#: The suffixes of a town or a village, which never make a city of the name they end (乌镇, 宏村, 望京街道).
TOWN_SUFFIXES = ("镇", "乡", "村", "街道", "社区", "屯", "寨", "苏木", "嘎查")
#: A village's suffix after 山, which also spells "a mountain village" (山村, one of places.not_units): right after
#: a larger unit, a short name ending so is a village's (镇盛镇腾山村, 青山村)
_VILLAGE_AFTER_A_MOUNTAIN = "山村"
#: Suffixes of a unit that no word of position ends (管理区, 新区): a name before one may hold 里 or 上
#: (百里杜鹃管理区).
_LONG_SUFFIXES = ("管理区", "新区", "街道")
#: Suffixes of townships, whose names, transliterated from Uyghur, Tibetan or Mongolian, run long and may hold a
#: character of position (达里雅布依乡, 巴彦温都尔苏木): after the county, such a name is read whole.
_LONG_NAMED_TOWNS = ("乡", "镇", "苏木")
#: A county's or a banner's name made of its peoples alone ("满族自治县", "土家族苗族自治县"): the name the reader
#: split off before it (本溪) is the county's own first word.
_ETHNIC_ONLY = compiled("(?:[\u4e00-\u9fff]{1,3}族)+自治(?:县|旗)")
#: The end of an autonomous unit's name after its people's name ("东乡族自治县", "保安族东乡族撒拉族自治县").
_ETHNIC_AUTONOMY = compiled("族(?:[\u4e00-\u9fff]{1,3}族)*自治(?:县|州|旗)")
#: Suffixes of a village or a town, one character, that may follow such a word to make a unit (红旗村).
_TOWN_SUFFIX_CHARACTERS = "村镇乡屯寨"
#: A subdistrict's suffix, whose first character is a venue word (街, a street).
SUBDISTRICT = "街道"
#: The suffixes of a village, which also end words inside longer names (九寨沟, 中关村): a one-character name
#: before one reads as a village only when no name runs on after it
_VILLAGE_SUFFIXES = "村屯寨"


def _runs_into_a_venue(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether the characters right after a unit at `at` run on, with no stop, word of position or other unit,
    into a venue word two or more characters later ("九寨沟风景区"): the unit's suffix is then inside one name."""
    if at >= end or plain[at] in STOPS or plain[at] in NAME_BREAKS or not han_char().match(plain[at]):
        return False
    unit = patterns["units"].match(plain, at, end)
    if patterns["venue_start"].match(plain, at, end) or unit and not patterns["venue_end"].search(
            plain, at, unit.end()):
        return False  # "余村礼堂": a venue word at once follows the village; "王村石门自然村" is two units
    venue_word = words.pattern("places.venue").search(plain, at + 1, min(end, at + _LONGEST_VENUE))
    return venue_word is not None and not any(
        ch in STOPS or ch in NAME_BREAKS for ch in plain[at:venue_word.start()])


#: The administrative levels, largest first, as a chain goes down them (省 → 市 → 县 → 镇 → 村).
LEVELS = ("province", "city", "county", "town", "village")
VILLAGE_RANK = LEVELS.index("village")


def _ranks(words: Words) -> tuple[dict[str, int], frozenset[str], int]:
    """Each suffix's rank down the chain, the characters suffixes end with, and the longest suffix (built once)."""
    made = words._made.get(("ranks",))
    if made is None:
        ranks: dict[str, int] = {}
        for number, level in reversed(list(enumerate(LEVELS))):  # (a suffix in two lists: the larger level)
            ranks.update({suffix: number for suffix in words[f"places.{level}"]})
        made = words._made[("ranks",)] = (ranks, frozenset(s[-1] for s in ranks), max(map(len, ranks)))
    return made


def unit_rank(written: str, words: Words) -> int:
    """How far down the chain a unit's suffix puts it (0 for a province, 4 for a village; the longest suffix),
    len(LEVELS) when it has none."""
    ranks, _, longest = _ranks(words)
    for length in range(min(longest, len(written)), 0, -1):
        rank = ranks.get(written[-length:])
        if rank is not None:
            return rank
    return len(LEVELS)


def _whole_unit(plain: str, at: int, unit: re.Match, end: int, words: Words, patterns: dict) -> re.Match:
    """The unit that starts at `at`, read whole when the shortest reading ends inside its name: "九寨沟县" is one
    county, not the village 九寨 then a county 沟县, since a chain never climbs from a village to its county.
    A suffix of a higher level within three characters, with no stop between, makes the longer name."""
    ethnic = _ETHNIC_AUTONOMY.match(plain, unit.end(), end)
    if ethnic is not None:  # "东乡族自治县": a people's name that ends as a town's does (东乡), then 族自治县
        return patterns["units"].fullmatch(plain, at, ethnic.end()) or unit
    if len(unit.group()) > 4:
        return unit  # ("延边朝鲜族自治州延吉市": a prefecture, at a city's level, then its city)
    ends = _ranks(words)[1]
    if not any(ch in ends for ch in plain[unit.end():min(end, unit.end() + 3)]):
        return unit  # (no suffix follows: most units)
    rank = unit_rank(unit.group(), words)
    if rank < LEVELS.index("town"):
        return unit  # only a town's or a village's suffix ends a name early (九寨, 沙村)
    for stop in range(unit.end() + 1, min(end, unit.end() + 3) + 1):
        if plain[stop - 1] in HARD_STOPS or plain[stop - 1] in NAME_BREAKS:
            break
        longer = unit_rank(plain[at:stop], words)
        if longer < len(LEVELS):  # the first suffix after the unit: "沙村镇", "九寨沟县"
            if longer >= rank:
                break  # "红庙镇山水涧村", "湖州市长兴县": down the chain, two units
            whole = patterns["units"].fullmatch(plain, at, stop)
            return whole if whole is not None else unit
    return unit


def _a_venue_inside(plain: str, at: int, unit: re.Match, words: Words) -> bool:
    """Whether a unit's long name holds a venue's whole name, a venue word with two characters or more on each side
    ("浙东运河越城区": 浙东运河, then 越城区): a unit's name is two or three characters, so a venue word inside one
    this long ends a name of its own (湖里区, 西湖区, 井冈山市 keep theirs: nothing, or one character, follows it),
    when the rest of the name holds no venue word of its own."""
    name = _suffix_at_end(words).sub("", plain[at:unit.end()])
    if len(name) < 5 or unit_rank(plain[at:unit.end()], words) > LEVELS.index("county"):
        return False  # (a community after its street, "东风路幸福社区", stays one name, as the chain reads it)
    if plain.startswith("自治", unit.end() - 3):
        return False  # "塔什库尔干塔吉克自治县": an autonomous unit's long name is its place's and its people's
    one_character = _one_character_venues(words)
    inside = [i for i in range(2, len(name) - 2) if name[i] in one_character]
    return bool(inside) and not any(character in one_character for character in name[inside[-1] + 1:])
    # (but where the rest holds a venue word too, "京杭运河广陵区", a venue read there would run into the unit's
    # name, 京杭运河广陵: the long unit stays, as it was)


def _known_head(plain: str, at: int, unit_end: int, words: Words, province: str | None = None,
                after_region: bool = False) -> int | None:
    """Where a city or prefecture written without its suffix ends at the start of a longer unit ("娄底新化县",
    "湘西花垣县"): a city the gazetteer knows, or a prefecture of the word list, or (after its province, "四川汶川
    映秀镇") a county of that province, with a unit of two characters or more after it; else None (白音特拉村 is
    one village, not 白音 and 特拉村). Right after a country or a province (`after_region`), a city needs no more
    people than a bare name there does ("日本大崎新桥地区": 大崎, then its area)."""
    for length in (4, 3, 2):
        head = at + length
        if unit_end - head < 2 or plain[head] == "州" and unit_end - head < 3:
            continue
        if unit_end - head == 2 and plain[unit_end - 1] == "市":
            continue  # "辽宁大石桥市": a city has a name of two characters or more before 市, so 桥市 is none and 大石
            # heads nothing (a county may have one, "黄山黟县")
        if province is None and unit_end - head == 2 and plain[unit_end - 1] in _TOWN_SUFFIX_CHARACTERS and (
                cjk_population(plain[at:head]) < BIG_CITY_POPULATION):
            continue  # "三河坝镇": a town's name of three characters, not a small city and a town of one (a county
            # of one, "黄山黟县", is common; a town of one after a big city's name or in its province still reads,
            # "浙江安吉余村")
        if plain[at:head] in words.set("places.prefectures") or known_city(
                plain, at, head, after_region, listed=bare_cities(words)) == head or (
                province and length <= 3 and county_of(plain[at:head], province)):
            return head
    if province is None and unit_rank(plain[at:unit_end], words) == _TOWN_RANK and plain[unit_end - 1] in "镇乡":
        for length in (3, 2):  # "什邡蓥华镇", "仙居白塔镇": a county written bare, then a town of its own, whose
            # name has two characters or more (a county's reading alone is weak: "黄龙溪镇" is one town)
            head = at + length
            if unit_end - head >= 3 and _a_county_anywhere(plain[at:head]):
                return head
    if province is None:
        return _county_before_a_subdistrict_or_village(plain, at, unit_end, words)
    return None


#: The suffixes of the units below a town that a county written bare may head: a subdistrict, a village.
_BELOW_A_COUNTY_BARE = ("街道", "村")


def _county_before_a_subdistrict_or_village(plain: str, at: int, unit_end: int, words: Words) -> int | None:
    """Where a county or a county-level city written bare ends before a subdistrict or a village of its own ("邹城大束
    街道", "根河若吉村"): a name of two characters that is both a town of China in the gazetteer and a county by its
    readings (two sources agree, as for a name alone in its clause), or one of three that reads as a county, with a
    name of two characters or more after it; else None (白音特拉村 is one village: 白音 is no county)."""
    suffix = next((s for s in _BELOW_A_COUNTY_BARE if plain.startswith(s, unit_end - len(s))), None)
    if suffix is None:
        return None
    for length in (3, 2):
        head = at + length
        if unit_end - len(suffix) - head < 2:
            continue
        name = plain[at:head]
        if _a_chinese_county(name) or length == 2 and _a_chinese_town_and_county(name):
            return head
    return None


_TOWN_RANK = LEVELS.index("town")

#: The fewest characters before its suffix of a county-level unit's name that may hold a word run into a city's
#: name (黄河兰州市: four), and the suffixes of such units.
_LONG_UNIT_NAME = 4
_COUNTY_LEVEL_SUFFIXES = frozenset({"市", "县", "区", "省"})  # (not 社区, a community's)


def _known_tail(plain: str, at: int, unit_end: int, name_length: int, words: Words) -> int | None:
    """Where the name of a city the gazetteer knows begins at the end of a county-level unit's longer name that it
    does not know ("黄河兰州市", "山城鞍山市", "红网安陆县": a river, a nickname, an outlet's name before it): a name of
    two or three characters, known as a city (as after a province: the suffix vouches for it), or as a county by
    its readings (three characters), with two characters or more before it that name no place; before 省, a
    province of the word list ("晚清湖南省"); else None."""
    name_end = at + name_length
    whole = plain[at:name_end]
    if plain.startswith("省", name_end):  # (a province's name: one of the word list's, 湖南 of 晚清湖南省)
        return next((name_end - length for length in (3, 2) if name_end - length - at >= 2 and plain[
            name_end - length:name_end] in words.set("places.provinces")), None)
    if cjk_population(whole) or suffixed_population(whole) or chinese_county_provinces(whole):
        return None  # (a long name the gazetteer knows is one name)
    for length in (3, 2):
        start = name_end - length
        if start - at < 2:
            continue
        head = plain[at:start]
        if head in words.set("places.provinces") or head in words.set("places.prefectures") or cjk_population(head):
            continue  # (a place before it: a chain, read as one elsewhere)
        if known_city(plain, start, name_end, True, bare_cities(words)) == name_end or _a_chinese_county(
                plain[start:name_end]) or _a_city_as_suffixed(plain, start, name_end) or _a_rivers_stretch(
                plain, start, name_end):
            return start
    return None


def _a_rivers_stretch(plain: str, start: int, name_end: int) -> bool:
    """Whether the words before `start` end with a river's word (河, 江) and the unit's suffix is followed by 段
    ("黄河奎沃市段": the river's stretch in the city): the river names where the stretch is, the name after it is
    the city's, whether or not the gazetteer holds it."""
    return plain[start - 1] in "河江" and plain.startswith("段", name_end + 1)


def _a_city_as_suffixed(plain: str, start: int, name_end: int) -> bool:
    """Whether the name from `start` is followed by 市 and the gazetteer holds it so, name and 市 as written, as a
    city of China of any size ("黄河铜仁市": 铜仁市, which it names only with its suffix and too small to be read
    bare before a venue): the suffix written after it vouches for the name as no bare mention could."""
    return plain.startswith("市", name_end) and suffixed_population(plain[start:name_end]) > 0


def _a_county_anywhere(name: str) -> bool:
    """Whether a bare name of two or three characters reads as a county or county-level city of some province
    (什邡, 仙居): weak alone, since many words read as some county, but a town's name that follows vouches for it."""
    return all_han().fullmatch(name) is not None and bool(chinese_county_provinces(name))


def _province_of(before: list[Element]) -> str | None:
    """The province (simplified, bare) that the chain read so far ends with, right before the next unit."""
    if before and before[-1].level == "province":
        return simplified(before[-1].value)
    return None


def county_of(name: str, province: str) -> bool:
    """Whether a bare name of two or three characters reads as a county or county-level city of the province
    just named (四川汶川, 山东曲阜): the gazetteer's county names are in letters, so the name's readings are
    matched, and the province vouches for a match (many words read as some county somewhere)."""
    return all_han().fullmatch(name) is not None and province in chinese_county_provinces(name)


#: Characters that, right after a suffix character, show it is no suffix: 市场 (market), 村民 (villagers), 市井
#: (the streets: "晚清广东市井生活" names no city 广东).
_CITY_WORDS = tuple("井容貌")  # (市井, the streets; 市容 and 市貌, a city's look: words, after any name)
_NOT_SUFFIX_AFTER = {"市": "场民委长政级内区中镇乡立报" + "".join(_CITY_WORDS), "县": "委长级政立",
                     # (and 区段, a line's section: "某铁路甲至乙区段" names no district)
                     "区": "域别间委长段", "省": "委长会级份内立",
                     # (乡长, 村长 as 镇长: a title, "新竹縣芎林鄉長X" names the township's head, no scene; 镇压, to put
                     # down: "在某地东部镇压示威者" names no town 某地东部镇)
                     "村": "民委庄里长", "镇": "政长委压", "乡": "亲村镇下委长", "州": "长委", "旗": "手帜袍杆下舰鼓"}
#: The words of 事 that follow a province's suffix as its own ("某某省事务局", "省事业单位"): 省 then 事 is else the
#: verb 省事, to save trouble.
_A_PROVINCES_AFFAIRS = ("事务", "事业")
#: Words beginning with a character of _NOT_SUFFIX_AFTER that follow a village's name ("龙头村民居", the village's
#: dwellings; "X村民宿", its guesthouses): the suffix before them is the village's.
_WORDS_AFTER_A_VILLAGE = ("民居", "民宿")
#: What 中 makes after 市 when it is no name's first character: the city centre, a district named so (市中区).
_IN_THE_CITY = ("中心", "中区", "中區")
#: A town or a village whose name begins with 中, after 市 ("南投市中兴新村", "某某市中和镇"): 中 is no "in the city".
_TOWN_NAMED_CHUNG = compiled(f"中[{HAN}]{{1,3}}?[村镇乡]")
#: Of those, the ones that begin a unit's name right after a larger unit ("宕昌县城关镇", "X县城南街道").
_NAME_START_IN_A_CHAIN = ("城", "两", "全", "人")  # (and 两 of "重庆两江新区": a name, right after its city, not
# "two"; 全 of "广西全州县", "大兴区全富镇", not "the whole"; 人 of "松阳县人和村", not a person)
#: A measure word after 两 ("两个区", "两座城"): a count of units, no unit's name.
_MEASURES = frozenset("个座名位处家条栋幢所只辆艘群种批届次期地")


_NOT_NAME_START = ("这", "是", "一", "两", "该", "此", "某", "各", "全", "整个", "本", "城", "当地", "市民", "村民",
                   "人", "部分", "主要")  # ("部分城区": some of the city's districts; "主要城区", its main ones)


#: A unit's one-character suffix, and the words of position after one that make "in the village", "in the district"
#: (村里, 区内, 镇上): a name that begins so is no unit's (not 中: 市中区 is Jinan's district).
_SUFFIX_FIRSTS = frozenset("村镇乡县市区")
_IN_OR_ON = frozenset("里内上")


#: 城市 ("a city", one of places.not_units) ending a unit's name: a city whose name ends in 城 (项城, 晋城) and its
#: suffix, when a unit with its own suffix follows straight after ("项城市范集镇").
_CITY_OF_A_WALLED_NAME = "城市"


def _a_locative_inside(written: str) -> bool:
    """Whether a unit's written name holds 于 (at, in) after its first two characters ("作者摄于三藩市", "照片拍摄于
    某某县"): a clause that says where, whose place begins after 于, as a venue's name holds none there either (the
    names that hold 于 begin with it: 于都县, 于田县)."""
    return "于" in written[2:]


def unit_name_ok(plain: str, start: int, end: int, words: Words, continuing: bool = False) -> bool:
    """Whether plain[start:end] reads as one named unit: no stop or break inside, a plausible first character,
    and a suffix that is not the start of another word (市场, 村民)."""
    written = plain[start:end]
    if _ASPECT.search(written):
        return False  # "密山,少了大都市的繁华": a clause (了, 着 mark a verb's aspect), no unit's name
    if len(written) > 4 and any(company in written for company in words.words("places.companies")):
        return False  # "淅川县供电公司马蹬镇供电所": a company's branch named after its town, no unit's name
    if written.startswith(words.words("places.people")) and "在" in written:
        return False  # "大赵庄村农民在村文化广场": people, then where they are, no village's name
    if _a_locative_inside(written):
        return False  # "作者摄于某某市": 于 (at) after a clause's first words; the unit's name begins after it
    if written.endswith("地区") and written[:-2] in words.set("places.great_regions"):
        return False  # "西北地区迈入高铁时代": a great region of the country, no prefecture (阿克苏地区)
    inside = HARD_STOPS if len(written) <= 4 or "自治" in written or continuing and written.endswith(
        _LONG_SUFFIXES + _LONG_NAMED_TOWNS) else STOPS  # (延边, 内江市, 上饶市; not "公园里"; after a larger unit,
    # 百里杜鹃管理区, and a township's transliterated name, 达里雅布依乡)
    # right after a larger unit, a short unit may hold a linking character ("安徽省无为市", "天津市和平区"): the
    # chain vouches for it, as for one that begins with one ("黔东南苗族侗族自治州从江县")
    vouched = continuing and len(written) <= 4
    breaks = _NEVER_IN_A_UNIT if vouched else NAME_BREAKS  # ("大赵庄村农民在村文化广场": 在 no unit's name holds)
    linked = continuing and len(written) <= 3 and written[0] in SOFT_BREAKS  # "天津市和平区", "安徽省和县"
    linked = linked or written[0] in NAME_BREAKS and _a_county_a_link_opens(written)  # ("和静县", "从江县")
    if any(ch in inside and not (vouched and ch in SOFT_BREAKS) or ch in breaks for ch in written[1:]) or (
            written[0] in HARD_STOPS and not linked and not _a_link_opening_after_at(plain, start)) or (
            written[0] in NAME_BREAKS and not continuing and not linked and not _a_link_opening_after_at(
                plain, start)) or (
            written.startswith(_NOT_NAME_START)) and not (
            continuing and len(written) >= 3 and written.startswith(_NAME_START_IN_A_CHAIN) and (
                written[1] not in _MEASURES)) and not (
            written.startswith(_NAME_START_IN_A_CHAIN) and _ETHNIC_AUTONOMY.search(written)) and not (
            _a_county_that_cheng_begins(written)):
        return False  # (right after its county, "城关镇" is a town: the chain vouches for a name 城 begins; so does
        # an autonomous county's peoples, "城步苗族自治县": no everyday word ends in them; and a county or a
        # district that its readings know, "城阳区", "城固县")
    if written[0] in _SUFFIX_FIRSTS and written[1:2] in _IN_OR_ON:
        return False  # "在村里村外都有名气", "区内各镇": in the village, in the district; no unit's name begins so
    following = plain[end:end + 1]
    if written[-1] == "省" and plain.startswith("事", end) and not plain.startswith(_A_PROVINCES_AFFAIRS, end):
        return False  # "游客图省事": 省事, to save trouble, no province 游客图 (but "某某省事务局": its affairs)
    if following and following in _NOT_SUFFIX_AFTER.get(written[-1], "") and not _short_unit(words).match(
            plain, end) and not _short_village(words).match(plain, end) and not plain.startswith(
            _WORDS_AFTER_A_VILLAGE, end) and not (
            # 市长 (mayor), unless a unit begins there: "湖州市长兴县", "石家庄市长安区", "石桥镇长安村"; and 村民
            # (villagers) unless a word of 民 begins there: "龙头村民居" is the village's dwellings
            following == "中" and not plain.startswith(_IN_THE_CITY, end) and (_venue_word_ahead(
                plain, end + 1, len(plain), words.pattern("places.venue")) or _TOWN_NAMED_CHUNG.match(plain, end))):
        return False  # (but 中 begins a name, not "in the city", before a venue: "台北市中正纪念堂", "X市中山公园";
        # or before a town's or a village's suffix: "南投市中兴新村")
    if written[-2:-1] in words.set("places.determiners"):
        return False  # "该村", "本市", "由于该村": a reference to a place, not its name
    if written.endswith(words.words("places.offices")):
        return False  # "民众建澳联盟": an association's name whose last word ends as a unit does (盟)
    if len(written) >= 5:
        inner = _big_names(words).search(written, 1)
        if inner is not None and (inner.end() < len(written) - 1 or inner.group() in words.set(
                "places.municipalities")):
            return False  # "漓江广西桂林市": a province named inside begins the chain; this is no one name
            # (nor is "国网重庆市南供电公司": no city's name holds a municipality's after its first character)
    if len(written) > 7 and "自治" not in written and not _a_county_before_its_long_town(plain, start, end, words):
        return False
    if written.startswith(longer_than_one(words.words("places.before_place"))):
        return False  # "位于太行山区的...": the word before a place, not its first characters
    if written.startswith(words.words("places.origins")) or written.startswith(
            words.words("places.reference_before")):
        return False  # "在山东省日照,由河南省某公司选育的...": where a thing comes from (由, 来自, 距) begins a
        # clause; the place after it is no unit of the scene's chain
    if written.startswith(words.words("places.organisation_prefixes")):
        return False  # "国网原平市": a company's short name, then the place its branch is named after
    if written.startswith(words.words("places.after_venue")) or written.startswith(words.words("places.held")):
        return False  # "彰化縣大村鄉舉辦建鄉三百年...": what is done there (举办, held) begins a clause, no unit's name
    if words.pattern("places.passing").search(written):
        return False  # "记者走进市档案馆": a verb of going is a clause's word, the name (if any) after it
    if written.endswith(words.words("places.not_units")) and not (
            continuing and len(written) >= 3 and cjk_population(_suffix_at_end(words).sub("", written)) > 0) and not (
            continuing and 3 <= len(written) <= 4 and written.endswith(_VILLAGE_AFTER_A_MOUNTAIN)) and not (
            3 <= len(written) <= 4 and written.endswith(_CITY_OF_A_WALLED_NAME) and _short_unit(words).match(
                plain, end)):
        return False  # "北京市区", "逛早市", "新疆军区" (but a chain goes on to a city the gazetteer knows,
        # whatever its last characters spell: "阿克苏地区库车市" is not a car market, 车市; and a city named X城
        # with a unit of it right after, "项城市范集镇", is a city, not "the city")
    common = next((w for w in words["places.not_units_after_a_name"] if written.endswith(w)), None)
    if common is not None and (written == common or len(written) - len(common) >= 2):
        return False  # "太行山区" (but 崂山区 is a district)
    if len(written) == 2 and written[-1] in "市省":
        return False  # "北市增设...": a city or province has a name of two characters or more
    if len(written) == 2 and written[-1] in _NO_ONE_CHARACTER_NAME:
        return False  # "升旗仪式", "国旗", "联盟": no banner or league is named by one character (a flag's words)
    if len(written) == 2 and written[-1] == "区" and written[0] in DIRECTIONS and not continuing:
        return False  # "位于中区的议事亭前地", "东区": a part of the city by its direction, named by no name of its own
    if _a_quarter_of_the_compass(written) and not continuing:
        return False  # "东南区国庆嘉年华": a region by its compass quarter (东南, 西北), named by no name of its own
    if written in words.set("places.zones_unnamed") and not continuing:
        return False  # "开发区交警中队": a kind of zone, no name (but "长沙经开区" is the city's zone)
    return written not in ("城市", "市区", "城区", "景区", "社区", "小渔村", "小山村", "小村")
    # (a small village of a kind, no name: "海边的小渔村", "大山里的小山村"; "某某渔村" is one)


def _a_county_a_link_opens(written: str) -> bool:
    """Whether a unit whose first character is a linking word (和, 同, 从, 将) is a county or a county-level city
    by its readings, written with its suffix ("和静县", "同心县", "从江县", "和龙市"): the suffix and the readings
    agree, so 和 is the name's first character, not "and" before a county called 静县 (which no province has); or
    an autonomous county or banner ("和布克赛尔蒙古自治县"), whose people's name and suffix make it one unit."""
    return 3 <= len(written) <= 4 and written[-1] in _COUNTY_LEVEL_LAST and _a_county_anywhere(simplified(
        written[:-1])) or _AN_AUTONOMOUS_COUNTY.fullmatch(simplified(written), 1) is not None


def _a_linked_county_at(plain: str, at: int, end: int) -> bool:
    """Whether a county whose name a linking word begins (_a_county_a_link_opens) is written at `at`, or an
    autonomous county or banner (_AN_AUTONOMOUS_COUNTY: "和布克赛尔蒙古自治县"), whose people's name and suffix no
    list of things joined by 和 ends with."""
    return any(at + length <= end and _a_county_a_link_opens(plain[at:at + length]) for length in (3, 4)) or (
        _AN_AUTONOMOUS_COUNTY.match(plain, at + 1, end) is not None)


#: The rest of an autonomous county's or banner's name after its first character: characters only, then 自治县 or
#: 自治旗 ("布克赛尔蒙古自治县"), as the unit pattern reads it.
_AN_AUTONOMOUS_COUNTY = compiled(f"[{HAN}]{{3,10}}?自治[县旗]")


#: The last character of a county-level unit's suffix (县, 市, 旗), in both scripts.
_COUNTY_LEVEL_LAST = frozenset("县縣市旗")


#: The longest name of a town (before 镇 or 乡) that a county written bare may head past the length of one unit's
#: name: the transliterated towns of Xinjiang and Inner Mongolia (萨尔布拉克镇, 洪格尔高勒镇).
_LONGEST_TOWN_NAME = 6


def _a_county_before_its_long_town(plain: str, start: int, end: int, words: Words) -> bool:
    """Whether a run too long for one unit's name is a county or a county-level city written bare and a town of
    its own with a long name ("霍城萨尔布拉克镇", "阿巴嘎洪格尔高勒镇"): a name of two characters that is both a
    town of China in the gazetteer and a county by its readings, or one of three that reads as a county (the two
    sources agree, as for a county before its subdistrict), then a name of three characters or more that is a
    town's by itself. _known_head then reads the county apart."""
    if plain[end - 1] not in "镇乡":
        return False
    for length in (3, 2):
        head = start + length
        if not 3 <= end - 1 - head <= _LONGEST_TOWN_NAME:
            continue
        name = plain[start:head]
        if (_a_chinese_county(name) or length == 2 and _a_chinese_town_and_county(name)) and unit_name_ok(
                plain, head, end, words, continuing=True):
            return True
    return False


#: The suffixes of a county-level unit whose name may begin with 城 (城阳区, 城固县, 城口县): not 镇 or 市, which
#: 城关镇 and 城市 end.
_COUNTY_SUFFIXES_AFTER_CHENG = frozenset("区县區縣")


def _a_county_that_cheng_begins(written: str) -> bool:
    """Whether a unit whose name begins with 城 (the town, which opens 城区 and 城市 too) is a county or a district
    of China that its readings know ("城阳区", "城固县", "城口县", "城子河区"): a name of two characters or more
    before 区 or 县 and no direction or position after 城 ("城东区", "城中区", "城里": a part of the town, which a
    district of Xining or Liuzhou is named for, but which any caption may say of its own town)."""
    return len(written) >= 3 and written[-1] in _COUNTY_SUFFIXES_AFTER_CHENG and written[0] == "城" and (
        written[1] not in DIRECTIONS) and written[1] not in POSITION_WORDS and _a_county_anywhere(
        simplified(written[:-1]))


def _a_quarter_of_the_compass(written: str) -> bool:
    """Whether a unit is written as a compass quarter and 区 alone (东南区, 西北区): a region of whatever was named
    before (a town council's, a sea's), no district with a name of its own; after a city it stays that city's."""
    return len(written) == 3 and written[-1] in "区區" and written[0] in "东西南北東" and written[1] in "东西南北東"


def _short_unit(words: Words) -> re.Pattern:
    """A unit of two or three characters with a one-character suffix of a city, county or town (长兴县, 长安区),
    written with no stop inside, compiled once."""
    made = words._made.get(("short_unit",))
    if made is None:
        places = words.lists["places"]
        suffixes = "".join(sorted({w for level in ("city", "county", "town") for w in places[level] if len(w) == 1}))
        stops = re.escape("".join(sorted(HARD_STOPS)) + NAME_BREAKS)
        made = words._made[("short_unit",)] = compiled(f"[^{stops}]{{2,3}}?[{suffixes}](?![{suffixes}])")
    return made


def _short_village(words: Words) -> re.Pattern:
    """A village or a community of two or three characters and its suffix (长安村, 长青社区), written with no stop
    inside and not run into 民 (村民, villagers), compiled once."""
    made = words._made.get(("short_village",))
    if made is None:
        suffixes = "|".join(sorted(words["places.village"], key=len, reverse=True))
        stops = re.escape("".join(sorted(HARD_STOPS)) + NAME_BREAKS)
        made = words._made[("short_village",)] = compiled(f"[^{stops}]{{2,3}}?(?:{suffixes})(?!民)")
    return made


@lru_cache(maxsize=8)
def longer_than_one(listed: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a list longer than one character."""
    return tuple(w for w in listed if len(w) > 1)


def _suffix_at_end(words: Words) -> re.Pattern:
    """Any unit suffix ending a name (省, 市, 自治州, 新区), compiled once."""
    made = words._made.get(("suffix_at_end",))
    if made is None:
        alternation = "|".join(map(re.escape, _all_suffixes(words.lists["places"])))
        made = words._made[("suffix_at_end",)] = compiled(f"(?:{alternation})$")
    return made


def _all_suffixes(places: dict[str, list[str]]) -> list[str]:
    return sorted({w for level in ("province", "city", "county", "town", "village") for w in places[level]},
                  key=longest_first)


def suffixed_element(text: str, start: int, end: int, words: Words, patterns: dict) -> Element:
    """A unit with a suffix: its level and its value as the contract writes it (安徽省 → 安徽, 庐江县 kept)."""
    plain = simplified(text[start:end])
    places = words.lists["places"]
    levels = ("province", "city", "county", "town", "village")
    found = {level: _longest_suffix(plain, level, words) for level in levels}
    longest = max(len(suffix) for suffix in found.values())
    for level in levels:  # the level of the longest suffix: 容东片区 is a 片区 (town), not a 区
        suffix = found[level]
        if not suffix or len(suffix) < longest:
            continue
        written = text[start:end]
        if level == "province":
            value = written[: len(written) - len(suffix)]
            for ethnic in words.longest_first("places.ethnic"):
                if simplified(value).endswith(ethnic):
                    value = value[: len(value) - len(ethnic)]
            level = "city" if simplified(value) in places["municipalities"] else "province"
            return Element(level, value, start, end, link=",")
        if level == "city":
            value = written[: len(written) - len(suffix)]
            if _suffix_in_the_name(plain, suffix):
                value = written  # "胡志明市", "乔治市": a city abroad whose name holds 市, as the contract keeps it
            return Element("city", value, start, end, link=",")
        if level == "county" and suffix in places["prefecture"]:
            return Element("county", written, start, end, link=",", prefecture=True)
        return Element("town" if level in ("town", "village") else level, written, start, end, link=",")
    return Element("place", text[start:end], start, end, link=",")



def _longest_suffix(name: str, level: str, words: Words) -> str:
    """The longest suffix of places.<level> (省, 自治州, 新区) that `name` ends with, or "": the name's ending of
    each length the list's suffixes have, looked up in the list as a set, longest first (two suffixes of one
    length that both end the name are the same), rather than every suffix tried in turn."""
    if not name.endswith(words.words(f"places.{level}")):
        return ""  # (one test first: most units end in no suffix of most levels)
    lengths, suffixes = words.made(("suffix_lengths", level), lambda: (
        sorted({len(suffix) for suffix in words[f"places.{level}"] if suffix}, reverse=True),
        words.set(f"places.{level}")))
    return next((name[-length:] for length in lengths if name[-length:] in suffixes), "")

def _suffix_in_the_name(name: str, suffix: str) -> bool:
    """Whether 市 ending a city's name is part of it: a city outside Greater China the gazetteer knows by the whole
    name, whose name without 市 is no city of that country (胡志明市; 乔治 is a town of South Africa, not 乔治市)."""
    if suffix != "市" or len(name) < 3:
        return False
    population, country = chinese_name_cities(name)
    if not population or country is None or country in GREATER_CHINA:
        return False
    return chinese_name_cities(name[:-1])[1] != country


@cache
def all_han() -> re.Pattern:
    """Chinese characters only, compiled on first use (their ranges take milliseconds to compile)."""
    return compiled(f"[{HAN}]+")


def _known_country(plain: str, at: int, end: int, words: Words) -> int | None:
    if plain[at:at + 2] not in _country_starts(words):
        return None  # (most starts: no country's name of the list or the gazetteer begins so, see _country_starts)
    run = _HAN_RUN.match(plain, at, min(end, at + _LONGEST_COUNTRY))
    if run is None:
        return None  # ("中国 (": a name is written in characters only)
    countries = words.set("places.countries")
    for stop in range(run.end(), at + 1, -1):  # (the longest name first, down to two characters)
        name = plain[at:stop]
        if name in countries:
            return None if _a_city_named_from_its_country(plain, at, stop, end) else _with_qualifier(
                plain, stop, end, words)
        if name[-1] in _DESIGNATOR_ENDS:
            continue  # "日本市原": the gazetteer reads 日本市 as Japan, its designator stripped; 市 begins the city
        levels = name_levels(name)
        if levels.country and not levels.city_population:
            return None if _a_city_named_from_its_country(plain, at, stop, end) else _with_qualifier(
                plain, stop, end, words)
    return None


#: The most characters of a country's name read whole (阿拉伯联合酋长国, 中华人民共和国): a shorter run read a city
#: of its first characters (阿拉, a town of India) and left the rest as a venue's name.
_LONGEST_COUNTRY = 8


def _a_city_named_from_its_country(plain: str, at: int, stop: int, end: int) -> bool:
    """Whether the country's name at `at` (to `stop`) begins a longer name the gazetteer knows as a city of that
    same country, with CITY_BEFORE_A_VENUE_POPULATION people ("巴西利亚": Brasília, not Brazil and a town 利亚):
    the city, read whole by the city reader; a country's name run into another word names no city of its own."""
    run = _HAN_RUN.match(plain, at, min(end, at + _LONGEST_CITY_ABROAD))
    if run is None or run.end() <= stop:
        return False
    country = name_levels(plain[at:stop]).country
    if country is None or country in ("CN", "HK", "MO", "TW"):
        return False
    for length in range(run.end() - at, stop - at, -1):
        population, where = chinese_name_cities(plain[at:at + length])
        if population >= CITY_BEFORE_A_VENUE_POPULATION and where == country:
            return True
    return False



def _country_starts(words: Words) -> frozenset[str]:
    """The first two characters of every name `_known_country` can take: places.countries' and the gazetteer's
    countries' (han_name_starts; what name_levels finds a country under, a designator after it or not), made
    once. Its names are two characters or more, so a start whose two characters begin none of them holds none."""
    return words.made(("country_starts",), lambda: frozenset(
        name[:2] for name in words["places.countries"] if len(name) >= 2) | gazetteer_country_starts())

#: The suffixes of a unit, which the gazetteer strips from a name as designators but no country's name ends in.
_DESIGNATOR_ENDS = frozenset("市县縣区區")

#: The most characters between a country's name and the suffix of a unit whose name begins with it: the side of a
#: banner (巴林右旗, a banner's name of its people and its side) or a people (蒙古族乡, the township of the Mongol
#: people); a longer run is a place of that country ("日本东京都港区") or a description ("美国西部小镇").
_MOST_AFTER_A_COUNTRY_IN_A_UNIT = 1
#: What follows a unit's suffix when the suffix is no suffix but a word of place: "英国乡间" (the English
#: countryside), "日本村上市" (Murakami, a city whose name begins with 村), "村里", "区内".
_NO_UNIT_AFTER_ITS_SUFFIX = frozenset("间上里内")


def _country_begins_a_unit(plain: str, at: int, country: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether a country's name at `at` (ending at `country`) is only the first part of the name of a unit of a
    county's level or lower, its suffix at most a character after it: Inner Mongolia's banners 巴林右旗 and
    巴林左旗 (not Bahrain), a town 古巴镇 (not Cuba), the townships of a people 蒙古族乡 (not Mongolia). The chain
    reads the longer name, as a suffix of a county, a town or a village after a name makes it a unit's; the
    country, not the unit, stays where the suffix opens a word of its own (村民, 乡间, 小镇, 国旗: the unit reader's
    own tests)."""
    if plain[country:country + 1] in ("(", "（"):
        return False  # "刚果(金)": a country's qualifier, no unit's name
    unit = patterns["units"].match(plain, at, min(end, country + _MOST_AFTER_A_COUNTRY_IN_A_UNIT + 4))
    if unit is None or unit.end() <= country:
        return False
    written = plain[at:unit.end()]
    name_length = len(_suffix_at_end(words).sub("", written))
    if name_length - (country - at) > _MOST_AFTER_A_COUNTRY_IN_A_UNIT or name_length < country - at:
        return False
    if unit_rank(written, words) < LEVELS.index("county") or written.endswith(("州", "郡")):
        return False  # "美国加州", "肯尼亚某某郡": a state or a county abroad, below its country
    if written.endswith(words.words("places.not_units")) or plain.startswith(
            words.words("places.not_units"), unit.end() - 1) or plain[unit.end():unit.end() + 1] in (
            _NO_UNIT_AFTER_ITS_SUFFIX):  # (and "美国县城": a county town of America, 县城 a word)
        return False
    if written[-1] in _RARE_SUFFIXES and patterns["venue_start"].match(plain, unit.end(), end):
        return False  # "马来西亚升旗街": 旗 ends a word (升旗, raising the flag) before a venue word, as the unit
        # reader reads "升旗山"
    return unit_name_ok(plain, at, unit.end(), words)


def _country_opens_a_smaller_unit(plain: str, at: int, country: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether a country's name right after a city or a county of the chain begins the name of a town or a village
    of it, its suffix at most three characters after the country's name ("根河市中国冷极村", "积石山县中国冷极镇"): a
    chain goes down, and no country comes below a county, so the unit reader reads the longer name (unless the suffix
    opens a word of its own: 村民, 镇上, the unit reader's own tests)."""
    unit = patterns["units"].match(plain, at, min(end, country + _MOST_AFTER_A_COUNTRY_BELOW_A_COUNTY + 2))
    if unit is None or unit.end() <= country + 1:
        return False
    written = plain[at:unit.end()]
    if len(_suffix_at_end(words).sub("", written)) - (country - at) > _MOST_AFTER_A_COUNTRY_BELOW_A_COUNTY:
        return False
    if unit_rank(written, words) < _TOWN_RANK or written.endswith(words.words("places.not_units")) or plain.startswith(
            words.words("places.not_units"), unit.end() - 1):
        return False
    return unit_name_ok(plain, at, unit.end(), words)


#: The most characters between a country's name and the suffix of a town or a village of a county whose name
#: begins with it (中国冷极村: two).
_MOST_AFTER_A_COUNTRY_BELOW_A_COUNTY = 3


def _with_qualifier(plain: str, at: int, end: int, words: Words) -> int:
    """Where a country's name ends when a qualifier in brackets that tells two countries of one name apart follows
    it (刚果(布), Congo with its capital Brazzaville; 刚果（金）): the qualifier is part of the name."""
    qualifier = _QUALIFIER.match(plain, at, end)
    if qualifier is not None and qualifier.group(1) in words.set("places.country_qualifiers"):
        return qualifier.end()
    return at


#: A one-character qualifier in brackets, right after a name.
_QUALIFIER = compiled(f"[(（]([{HAN}])[)）]")


#: How many people a city must have for its Chinese name, written bare, to be read as that city: GeoNames'
#: alternate names include two-character words of small towns ("联合", "中心") that are everyday words.
BARE_CITY_POPULATION = {2: 200_000, 3: 50_000}


#: After its province ("西藏拉萨"), a bare name is read as a city of at least this many people.
CITY_AFTER_PROVINCE_POPULATION = 20_000


#: A bare name that is a whole clause ("10月14日，拉萨，"), with two characters, is read as a city of this many
#: people (three or more: CITY_AFTER_PROVINCE_POPULATION).
WHOLE_CLAUSE_POPULATION = {2: 100_000}


def known_city(plain: str, at: int, end: int, after_province: bool = False,
                listed: frozenset[str] = frozenset(), venue_words: frozenset[str] = frozenset(),
                province_before: bool = False) -> int | None:
    """Where a city written bare (宜宾, 纽约) that starts at `at` ends: one the gazetteer knows with enough people
    for a name of its length, or one of `listed` (the word list's cities); None if none starts there. Given the
    venue words of one character (`venue_words`), a name that is a whole clause needs fewer people; right after a
    province (`province_before`), a name the gazetteer knows only with 市 needs as few as one it knows bare."""
    run = _HAN_RUN.match(plain, at, min(end, at + _LONGEST_CITY_ABROAD))
    if run is None:
        return None  # "local time" in a caption's English part: a Chinese name is written in characters
    for length in range(run.end() - at, 1, -1):  # (a name is characters only: "哈尔滨 /" is 哈尔滨, then a slash)
        if length == 2 and plain[at + 1:at + 2] in ("市", "省", "县", "区"):
            continue  # "北市增设...": a city has a name of two characters or more before its suffix
        if plain[at + length - 1] in HARD_STOPS:
            continue
        name = plain[at:at + length]
        if length > _LONGEST_CITY:
            if chinese_name_cities(name)[1] not in (None, "CN", "HK", "MO", "TW"):
                return at + length  # "布宜诺斯艾利斯", "达累斯萨拉姆": a city abroad written in sounds, at length
            continue
        if name in listed:
            return at + length
        population = chinese_name_cities(name)[0]  # (_cjk_population's look-up, here where it is asked most)
        if not population and length <= 3:
            suffixed = chinese_city_population(name)  # (_suffixed_population's, the name being characters only)
            population = suffixed if suffixed >= SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION or (
                province_before and suffixed >= CITY_AFTER_PROVINCE_POPULATION) else 0
            # (a big city the gazetteer names only with 市, 大同市, is read bare as a city of its size; right after
            # its province, "西藏林芝", the province vouches for a smaller one, as for a name it knows bare; not after
            # the country, "中国东方航空": 东方市 is a town of Hainan, 东方 a word)
        if not population and not (venue_words and at + length < len(plain) and plain[at + length] in _CLAUSE_ENDS):
            continue  # (most names: no city, and no clause of their own that would vouch for one; nothing below
            # can read a city of this length)
        floor = CITY_AFTER_PROVINCE_POPULATION if after_province else BARE_CITY_POPULATION.get(length, 0)
        if venue_words and at + length < len(plain) and plain[at + length] in _CLAUSE_ENDS and _a_clause_of_its_own(
                plain, at, at + length) and plain[at + length - 1] not in venue_words:
            # "10月14日，拉萨，..." or "在敦煌，...": the name is a whole clause, which vouches for it as a smaller
            # size would not (but "在西湖，" is a lake's); a county or a county-level city the gazetteer lacks in
            # Chinese is known by its readings (常熟, 曲阜)
            if max(population, suffixed_population(name)) >= WHOLE_CLAUSE_POPULATION.get(
                    length, CITY_AFTER_PROVINCE_POPULATION) or _a_chinese_county(name) or (
                    population >= CITY_AFTER_PROVINCE_POPULATION and _a_chinese_town_and_county(name)):
                return at + length  # ("在弥勒,": a small city of China that is also a county by its readings)
        if plain[at + length - 1] in POSITION_WORDS and not (after_province and length >= 3 and (
                at + length >= end or plain[at + length] in _CLAUSE_ENDS or _a_city_abroad_whole(name))):
            floor = max(floor, BIG_CITY_POPULATION)  # 台中, 汉中; not "城中" or "湖上" read as towns (but after
            # its country and ending its clause, a longer name is whole: "印度新德里,"; and so is a city abroad
            # whose name holds the character, before a district of its own: "印度新德里恰纳恰普里")
        if population >= floor and population:
            return at + length
    return None


def _a_city_abroad_whole(name: str) -> bool:
    """Whether a name ending in a character of position (里, 上, 中) is a city abroad whose name holds it (新德里,
    New Delhi), no shorter name of a place with the character after it: the gazetteer knows the whole name as a
    foreign city's and nothing by the name without its last character (新德)."""
    return chinese_name_cities(name)[1] not in (None, "CN", "HK", "MO", "TW") and not (
        chinese_name_cities(name[:-1])[0])


#: The most characters of a city's bare name (沙特阿拉伯's length), and of a city abroad written in the sounds of its
#: name, which may run longer (布宜诺斯艾利斯, 达累斯萨拉姆): a name of China is never so long.
_LONGEST_CITY = 5
_LONGEST_CITY_ABROAD = 8


def _one_character_venues(words: Words) -> frozenset[str]:
    """The venue words of one character (山, 湖, 园), as a set, made once."""
    made = words._made.get(("one_character_venues",))
    if made is None:
        made = words._made[("one_character_venues",)] = frozenset(
            word for word in words.lists["places"]["venue"] if len(word) == 1)
    return made


#: What ends the clause a bare name stands alone in, and what may open it (a stop, or 在 or 于 after one).
_CLAUSE_ENDS = ",，"
_CLAUSE_OPENS = ",，。；; \u3000\n"


def _a_clause_of_its_own(plain: str, start: int, end: int) -> bool:
    """Whether plain[start:end] is a whole clause, alone or after 在 or 于 ("10月14日，敦煌，游客...", "在常熟，")."""
    if end >= len(plain) or plain[end] not in _CLAUSE_ENDS:
        return False
    if start > 0 and plain[start - 1] in "在于":
        start -= 1
    return start == 0 or plain[start - 1] in _CLAUSE_OPENS or plain[start - 1] == "日" and plain[
        start - 2:start - 1].isdigit()  # (right after a date: "2021年1月31日武汉，")


def _city_before_its_sights(plain: str, at: int, end: int, words: Words) -> int | None:
    """Where a small town of China ends that opens its clause before 的 and what the place shows (its flowers, its
    fields, its season or weather, its streets: places.town_sights, places.views, places.weather, dates.seasons), the
    county or county-level city of that name ("莱州的油菜花像春潮", "9月3日,弥勒的秋色"): what a town shows is the
    scene, as when the name is a clause of its own; the gazetteer's town (20,000 people or more) and the county
    readings must agree, and for an everyday word that names a town the thing after 的 settles it (光明的未来,
    胜利的喜悦: no sight); not a name ending in a venue word (西湖的); else None."""
    if at and plain[at - 1] not in _CLAUSE_OPENS:
        return None
    for length in (2, 3):
        stop = at + length
        if stop + 1 >= end or plain[stop] != "的":
            continue
        name = plain[stop - length:stop]
        if name[-1] in _one_character_venues(words) or cjk_population(name) < CITY_AFTER_PROVINCE_POPULATION:
            return None
        if not (_a_chinese_town_and_county(name) if length == 2 else _a_chinese_county(name)):
            return None
        return stop if _town_sights(words).match(plain, stop + 1, end) else None
    return None


def _town_after_its_kind(plain: str, at: int, end: int, words: Words) -> int | None:
    """Where a small city of China ends that a kind of city in apposition comes before (places.apposed: "古城正定在
    10月2日迎来客流高峰", "山城蔡甸的春雨", "小城正定地处河北中部"), ended by 在, 的, a stop or where it lies: the kind
    says a city is named, as a province before it would, so the name is read as after a province (20,000 people or
    more) where the gazetteer's town and the county readings agree, or as a county by its readings (three
    characters); else None."""
    if not plain.endswith(words.words("places.apposed"), 0, at):
        return None
    for length in (2, 3):
        stop = at + length
        if stop >= end or plain[stop] not in _AFTER_A_KINDS_TOWN and not plain.startswith(SITUATED, stop):
            continue
        name = plain[at:stop]
        if not all_han().fullmatch(name):
            return None  # (a name ending in a venue word is the city's after a city's kind: "小城克山", "古城拜泉")
        if length == 2 and cjk_population(name) >= CITY_AFTER_PROVINCE_POPULATION and _a_chinese_town_and_county(
                name) or length == 3 and _a_chinese_county(name):
            return stop
        return None
    return None


#: The last character of the kinds of places.apposed that name a city (古城, 小城, 山城; not 古镇 or 水乡, a town's:
#: "水乡周庄" is a town of 昆山), and what ends a city's name after one.
_APPOSED_LAST = frozenset("城")
_AFTER_A_KINDS_TOWN = frozenset("在的，,。；;")
SITUATED = ("地处", "位于", "坐落")  # ("小城克山地处祖国东北边陲": where the city lies)


def _town_sights(words: Words) -> re.Pattern:
    """What a town shows, after its name and 的 (油菜花, 秋色, 夜景, 春雨), as one compiled alternation made once."""
    return words.made(("town_sights",), lambda: compiled("|".join(map(re.escape, sorted(
        {*words.words("places.town_sights"), *words.words("places.views"), *words.words("places.weather"),
         *words.words("dates.seasons")}, key=longest_first)))))


def _a_chinese_town_and_county(name: str) -> bool:
    """Whether a bare name of two characters is both a town of China in the gazetteer and one of
    countrystatecity's Chinese counties by its readings (弥勒): two sources agree where either alone is weak."""
    return chinese_name_cities(name)[1] == "CN" and bool(chinese_county_provinces(name))


def _a_chinese_county(name: str) -> bool:
    """Whether a bare name of three characters or more reads as one of countrystatecity's Chinese counties or
    county-level cities (井冈山, 都江堰): many words of two read as some county somewhere (今年, 但是)."""
    return len(name) >= 3 and all_han().fullmatch(name) is not None and bool(chinese_county_provinces(name))


def cjk_population(name: str) -> int:
    """The population of the biggest city the gazetteer knows under this Chinese name (宜宾, 纽约), or 0."""
    return chinese_name_cities(name)[0]


def _alias_firsts(words: Words) -> frozenset[str]:
    """The first characters of places.aliases (古称, 又名), a set test before the words themselves."""
    made = words._made.get(("alias_firsts",))
    if made is None:
        made = words._made[("alias_firsts",)] = frozenset(w[0] for w in words["places.aliases"])
    return made


def venue_at(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
              whole_clause: bool = False, anchored: bool = False, described: bool = True) -> str | None:
    """A venue that starts at `at`: the longest name ending in a venue word before a stop (骆岗公园,
    酒泉卫星发射中心问天阁; scored by containment, either venue of a venue in a venue matches). After a comma
    (`whole_clause`) the venue must be the whole clause, or end at a word of position: "北京，国家会议中心，"
    names a venue, "福州市，志愿者清理河道" does not."""
    if plain[at:at + 1] in QUOTES:  # "台北“中正纪念堂”牌楼": a quoted name ending in a venue word
        close = plain.find(QUOTES[plain[at]], at + 1, min(end, at + _LONGEST_VENUE + 2))
        inner = plain[at + 1:close] if close > at + 1 else ""
        if inner and plain.startswith(("——", "—", "--"), close + 1):
            return None  # "“最美公交站”——大连市西南路黄河桥站": a nickname, and the dash names the place
        if inner and close + 1 < end and unit_at(text, plain, close + 1, end, words, patterns, []) is not None:
            return None  # "“苹果之乡”陕西省延安市洛川县": the place's epithet, then the place itself
        if inner and titles_an_event(plain, close + 1, end, words):
            return None  # "“我和我的图书馆”摄影大赛", "「...小礁溪」赏萤活动": an event's title, no venue
        if inner and patterns["venue_end"].search(inner) and not patterns["venue_end"].fullmatch(inner):
            return text[at + 1:close]
        rest = _venue_after_its_quoted_name(text, plain, close, end, words, patterns) if inner and (
            described) else None
        if rest is not None:
            return text[at:close + 1] + rest  # "“太行一号”旅游公路", "“山地”训练基地": a quoted name
            # with no venue word is the first word of the venue's, what kind of venue the words after it say (one
            # with a venue word is the venue whole: "台北“中正纪念堂”牌楼", its archway)
        if inner and anchored and _a_quoted_venue(plain, inner, close + 1, end, words):
            return text[at + 1:close]  # "在“鸟巢”前", "拍摄的“中国天眼”夜色": a landmark with no venue word
        if inner and rest is None and described and _kind_after_its_quoted_name(plain, close, end, words):
            return text[at + 1:close]  # "被大火吞没的“某某城”音乐厅": the quoted name, then what kind of venue it
            # is (a venue word alone, no name of its own: the quoted name is the venue's, as “鸟巢”体育场 is 鸟巢)
        return None
    if plain[at:at + 1] in _alias_firsts(words) and plain.startswith(words.words("places.aliases"), at):
        return None  # "西口古渡:古称水西门渡口": another name of the place just named, no site of its own
    if plain[at:at + 1] in _VOLTAGE_FIRSTS:
        grade = voltage_grade(plain, at, end, anchored=True)
        if grade is not None:
            at = grade.end()  # "110千伏贵屯变电站": the grade, then the substation's name
    stop = at  # words of position do not stop it ("会议中心"): the name ends at its last venue word
    venue_word = words.pattern("places.venue")
    while True:
        run = _NAME_RUN.match(plain, stop, end)  # (characters neither a stop nor a break: the name goes on)
        stop = run.end() if run else stop
        if stop >= end or not _name_goes_on(plain, at, stop, end, venue_word, anchored):
            break
        stop += 1
    if plain.endswith(SUBDISTRICT, at, stop):
        return None  # "东湖街道和桃源社区": a subdistrict's name (街 begins its suffix), no street's nor lake's
    last, word = None, ""
    found_words = venue_word.finditer(plain, at, stop)
    first_word = next(found_words, None)
    if first_word is None:  # (most starts: no venue word before the stop, so no venue; nothing below is asked)
        return _a_gate_at(text, plain, at, end, words) if plain[at + 2:at + 3] == "门" else None
    after_venue = words.pattern("places.after_venue")
    as_verb = words.set("places.venue_word_in_verb")
    as_noun = words.words("places.venue_word_as_noun")
    members, verbs = words.words("places.members"), words.words("places.venue_word_as_verb")
    for found in chained((first_word,), found_words):
        one = found.end() - found.start() == 1  # (the tests below are of a venue word of one character)
        if one and found.start() == at:
            continue  # "石海休闲公园": a character opening the name (石) ends no name, whatever follows it
        if one and plain[found.start() - 1:found.end()] in as_verb:
            continue  # "湘江公园正式开园": 开园 (opens) is a verb, the name ended at 公园
        if plain.startswith(members, found.end() - 1):
            continue  # "上海博物馆馆长": 馆长 (its head) begins after the name; "国防部长": the word's last character
            # begins the title of a minister (部长), no ministry is the place
        if one and plain.startswith(as_noun, found.start()):
            continue  # "绍兴街头": the streets, no street's name
        if plain[found.end():found.end() + 1] == "生" and plain.startswith(words.words("places.pupils"), found.start()):
            continue  # "全市50万中小学生": pupils (小学生, 大学生), no school's name ends at its 学
        if one and plain.startswith(verbs, found.start()):
            continue  # "在五里河公园站成一排": 站 (stand) is a verb after the name
        if one and inside_a_sounded_name(plain, at, found.start(), stop, words):
            continue  # "在美国圣路易斯,", "亚历山德里亚,": 路 and 山 inside a name in foreign sounds end nothing
        if one and found.end() < len(plain) and plain[found.end()] in _TOWN_SUFFIX_CHARACTERS:
            continue  # "麻柳坪村", "石桥镇": the word is inside a village's or a town's name (a name that ends the
            # caption, "拍摄地点:某某镇虎尾铁桥", ends there)
        if one and _a_village_named_by_its_site(plain, found.end()):
            continue  # "南靖塔下村": the tower names the village below it, no venue 南靖塔
        if one and _a_province_and_its_city_at(plain, found.start(), end, words):
            break  # "郑西高铁河南安阳市": 河 opens the province's name (河南), whose city follows; no name ends there
        if one and _a_county_suffix_at(plain, found.end()):
            continue  # "传统古村落濉溪县地都村", "鞍山市": the word is inside a county's or a city's name, whose
            # suffix follows it; no venue's name ends there
        if last is not None and _a_clause_between(plain, last, found.start(), words):
            break  # "維多利亞公園今日舉行年宵市場": a day and a verb after the name begin a clause
        if one and last is not None and len(word) > 1 and plain[last:last + 1] in INSIDE:
            break  # "顾村公园里河津樱盛开", "公园里河边": inside the park, then what is in it; no longer name
        if last is not None and len(word) > 1 and found.start() > last and plain[last:last + 1] in _ONLY_INSIDE:
            break  # "美术博物馆内欣赏象牙雕塑": inside the museum, then what is seen there (a venue in a venue gives
            # the larger); but "花园中学", a word of its own after the name, goes on
        last, word = found.end(), found.group()
        if after_venue.match(plain, last):
            break  # "维多利亚公园参加年宵市场": what people do there follows the name
    if last is None:  # (every venue word read was some other word's: "宣武门街头", the streets by a gate)
        return _a_gate_at(text, plain, at, end, words) if plain[at + 2:at + 3] == "门" else None
    back = max(0, at - 6)  # (the clause's own words only: "2015年,内蒙古毛乌素沙漠" holds no quantity)
    for i in range(at - 1, back - 1, -1):
        if plain[i] in HARD_STOPS:
            back = i + 1
            break
    if last - at > _LONGEST_VENUE or _A_QUANTITY.search(plain, back, last):
        return None  # "嘉纳仕摩托车有限公司已建起1.6万平方米标准化厂", "单日1.2万人次入园": a clause, not a name
    if plain.startswith(_LIKENESS_AFTER, last) and (plain.startswith("般", last) or any(
            opener in plain[back:last] for opener in _LIKENESS_OPENERS)):
        return None  # "外观如宫殿般的某某博物馆", "像公园一样": what the scene looks like, no place of it
    if _AN_EDITION.search(plain, at, last):
        return None  # "六届海峡论坛·第四届海峡客家风情节": an event's title, numbered by its edition, no venue's name
    if len(word) == 1 and (plain[last - 2:last] in words.set("places.venue_word_as_verb") or plain.startswith(
            words.words("places.venue_word_as_verb"), last - 1)):
        return None  # "赵帅站在颁奖台上", "民众上街游行"
    if whole_clause and len(word) < 2 and last < stop and plain[last] not in POSITION_WORDS and not (
            plain.startswith(("一带", "附近", "周边"), last)):
        return None
    if whole_clause and last == stop < end and plain[stop] in NAME_BREAKS:
        return None  # "山水涧村,阡陌田园与整洁的村庄相映成景": the clause goes on past a linking word
    if whole_clause and _LISTING in plain[at:last]:
        return None  # "长城村,金黄稻田与民宿相互交织": two things the clause lists, no venue's name
    cut = after_words_of_time(plain, at, last, words)
    if cut < last:  # "行人走过时报广场", "旅客昨日在罗湖口岸": the venue after the verb or the day
        at = cut
    part = words.pattern("places.city_parts").match(plain, at, last)
    if part is None and plain[at - 1:at] == "市":  # ("澳門市中心議事亭前地": the chain took 市, 中心 is left)
        part = words.pattern("places.city_parts").match(plain, at - 1, last)
    if part is not None and last - part.end() >= 2:
        at = part.end()  # "温哥华市中心罗布森街": the city's centre, then the street; no part of its name
    site = _site_after_its_body(plain, at, last - len(word), last, words)
    if site is not None:
        at = site  # "南昌铁路局南昌西动车运用所", "中铁公司青岛车辆段": the body that runs it, then the site's name
    written = plain[at:last].strip("“”\"")
    if written in words.set("places.city_parts") and plain[last:last + 1] != "的":
        return None  # "基辅市中心一栋建筑": the city's centre, no venue (the one after its 的 is: below)
    if written.endswith(words.words("places.city_parts")):  # "柔佛新山市中心的陈旭年文化街": a city's centre
        return venue_at(text, plain, last + 1, end, words, patterns) if plain[last:last + 1] == "的" else None
    if len(written) == len(word) + 1 and written[0] in _COUNTING:
        return None  # "北京市朝阳区一小区内": one compound, named by no name
    if SITES_COUNTED.search(written, 1):
        return None  # "园区一家工厂": one factory of the park, named by no name (the park, referred back, is no
        # venue's name either)
    if _PLACES_COUNTED.search(plain, at, last):
        return None  # "走访九所宫庙", "各大中小学", "两大沙漠", "下一站": places or kinds counted, or the next one in
        # a sequence, each named by no name of its own (a run of words holding a count is a clause's)
    if written.startswith(words.words("places.not_names")) or len(written) < 2 or written.startswith(
            words.words("places.before_place")) or written.startswith(words.words("places.origins")) or not (
            han_char().match(written) or written[0].isalpha() or _ROAD_NUMBER.match(written)):
        return None  # "这座公园", "位于...", ".6万平方米标准化厂"
    if written.startswith(words.words("places.near")):  # "靠近瑞丰夜市的南屏路": a landmark the scene is near
        return venue_at(text, plain, last + 1, end, words, patterns) if plain[last:last + 1] == "的" else None
    if written.startswith(words.words("places.after_venue")) or written.startswith(words.words("places.held")):
        return None  # "文山区进行车队扫街": what people do begins a clause, not a venue's name
    if written.startswith(words.words("places.organisation_prefixes")) or written.startswith(
            words.words("places.organisations")):
        return None  # "国网山东省电力公司": a company's branch, 国网山 no mountain; "政府封桥后": a body, then a verb
    if written[0] in _OWN_UNIT and written[1] not in _NOT_SUFFIX_AFTER[written[0]] + "府" and not (  # (市府广场)
            _own_venue_named(written, word, words)):
        return None  # "记者走进市档案馆", "在县医院": the caption's own city's or county's, named by no name of its own
    if plain[at - 1:at] == "在" and written.startswith(words.words("places.doing")):
        return None  # "农民在摘山楂": 在 says what they are doing; 摘山 is no name
    if _AN_EDITION.match(written):
        return None  # "第十九届中国吴桥国际杂技艺术节": an event's edition, no venue's name
    time = written.startswith(words.words("dates.times_of_day"))
    if time and at > 0 and plain[at - 1] in _UNIT_LAST + _VILLAGE_SUFFIXES and not written.startswith(
            longer_than_one(words.words("dates.times_of_day"))):
        time = False  # "麻石镇夜鸽包茶场产业园": right after a unit's suffix, 夜 (night) begins the venue's name
    if written.startswith(words.words("dates.relative")) or time or _A_CLOCK_TIME.search(written) or (
            written.startswith(words.words("dates.seasons"))) or written.startswith(words.words("places.weather")):
        return None  # "昨天上午八时卅四分上班尖峰时刻": a time (a rush hour's peak), no venue's name; "秋天草原":
        # a season's grassland
    if words.pattern("places.venue").fullmatch(written) or written in words.set("places.not_venue_names"):
        return None  # a venue word alone: "公园里"; a common noun: "道路"
    if written[0] in "前后" and at > 0 and han_char().match(plain, at - 1) and words.pattern(
            "places.venue").fullmatch(simplified(written), 1):
        return None  # "在旺角前广场": the square in front of the place just named, no name of its own (the place is)
    if written[:2] in words.set("places.sides") and (words.pattern("places.venue").fullmatch(
            written, 2) or written[2:] in words.set("places.not_venue_names")):
        return None  # "呼图壁县南部山区": a side of the place just named and a kind of ground (its hills), no name
    if len(word) == 1 and _a_person_by_title(written[:-1], words):
        return None  # "县长刘某某和议长张永江", "消防员直潭分队": a title or a word of people, then a person's or a
        # unit's name that ends in 江, 山 or 潭, no venue's (places.people_titles)
    if written.startswith(words.words("places.members")):
        return None  # "会长孙旭山上台": a title, then the person's name (山 ends it), no venue's
    if len(written) == 2 and written.startswith(words.words("places.familiar_prefixes")):
        return None  # "越南朋友阿山": a person's familiar name, no venue's
    if "a" <= written[0] <= "z":
        return None  # "Britannia roads十字路口": the end of a name in Latin letters, cut (a name starts with a
        # capital), so no venue rather than a piece of one
    if words.pattern("places.clause_words").search(written) or words.pattern("places.likeness").search(written):
        return None  # "示威者只能沿山路", "因沙田体育学院": a clause's words, no venue's name (nor a likeness's:
        # "场面堪比上海外滩")
    if plain.startswith(words.words("places.model_of"), last):
        return None  # "新天鹅堡...据说是迪士尼城堡的原型": what the scene was the model of, elsewhere (as after a
        # likeness)
    if _ASPECT.search(written) or "性" in written or "曾" in written[1:] or "于" in written[2:]:
        return None  # "中国工商银行也登上了中心": a clause (了, 着 mark a verb's aspect), no venue's name;
        # "季节性牧场": an adjective (-性) describes a kind of place; "朋友阿山曾悉心照料桥": 曾 (once) marks a clause;
        # so does 于 (at) after a name's first characters: "钟楼矗立于翠绿园林", where it stands
    return text[at:last].strip("“”\"")


def _own_venue_named(written: str, word: str, words: Words) -> bool:
    """Whether a venue the caption's own city or county opens ("市文化广场", "县客家文化公园": 市 is this city's) still
    has a name of its own: two characters or more between 市 or 县 and a venue word of two or more ("文化", then
    广场), which is how a local paper names its city's square or park; "市档案馆" and "县医院" are the city's archive
    and the county's hospital, named by what they are (places.own_units: the units a local paper writes so), and
    "市城管局环卫中心" a department of the city's body (places.organisations), no venue."""
    return written[0] in words.set("places.own_units") and len(word) >= 2 and len(written) - len(word) - 1 >= 2 and (
        not any(body in written for body in words.words("places.organisations")))  # ("市城管局环卫中心": an office)


def _a_gate_at(text: str, plain: str, at: int, end: int, words: Words) -> str | None:
    """A city's or a palace's gate named at `at`, two characters and 门, where a venue may begin
    ("在北京宣武门街头", "站在西安西華門等候"), as written; None when 门 and the character before
    it make a common word (部门, 大门, 出门, 热门: places.not_gates), the name is no Chinese one
    (公园3号门), the three characters are a city's (鲤鱼门), or 门 begins a word of its own
    (门口, 门诊, 门前: places.gate_goes_on), the door of something else."""
    name = plain[at:at + 3]
    if not all(han_char().match(ch) for ch in name[:2]) or name[1:] in words.set("places.not_gates"):
        return None
    after = at + 3
    if plain[after:after + 1] in words.set("places.gate_goes_on"):
        return None  # "某某门口", "某某门诊": 门 begins a word of its own (a door's, a clinic's)
    if chinese_name_cities(name)[0] > 0 or name[:2] in words.set("places.municipalities"):
        return None  # (a city's or a district's own name ending in 门, no gate's)
    return text[at:after]


def _site_run_by_the_body(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> str | None:
    """The venue named right after a body named for a place ("南昌铁路局南昌西动车运用所", "武汉铁路局吴家山中心站"):
    a word of places.organisations within six characters after `at`, then a name of its own ending in a venue word
    (not a title, "卫生局长", whose person's name may end in 山 or 江); None when none is."""
    body = words.pattern("places.organisations").search(plain, at, min(end, at + 6))
    if body is None or body.end() >= end or plain[body.end()] in _TITLE_AFTER_A_BODY or plain.startswith(
            words.words("places.members"), body.end() - 1):
        return None
    venue = venue_at(text, plain, body.end(), end, words, patterns, anchored=True)
    if venue is None or len(venue) < 4 or not plain.startswith(simplified(venue), body.end()):
        return None
    return venue


#: Characters after a body's word that make it a title or a member of it (局长, 公司员工, 政府官员, 集团董事长).
_TITLE_AFTER_A_BODY = frozenset("长员官主副董总职")


def _site_after_its_body(plain: str, at: int, word_start: int, last: int, words: Words) -> int | None:
    """Where a site's own name begins after the body that runs it, when a word of a body (places.organisations:
    局, 公司, 集团) ends inside the name read and two characters or more of a name follow it before the venue word
    ("南昌铁路局南昌西动车运用所", "中铁公司青岛车辆段"); None when no body is named there."""
    if word_start - at < 5:
        return None  # (a body's word, a name of two and a venue word: no shorter run holds both)
    found = None
    for body in words.pattern("places.organisations").finditer(plain, at + 1, word_start - 2):
        found = body  # (the last body named: "某某集团某某公司某某站", the site after the company)
    if found is None or plain[found.end()] in NAME_BREAKS or plain.startswith("中心", word_start) or (
            generic_venue(plain[found.end():last], words)):
        return None  # "某某公司生产车间": the company's own floor, named by the company; "城管局环卫中心": a
        # department of the body, no site
    return found.end()


def _a_person_by_title(body: str, words: Words) -> bool:
    """Whether a title or a word of people (places.members, places.people_titles) stands in `body`, the words of a
    name before its venue word of one character: what follows it names a person, not a venue ("主委江某某")."""
    made = words._made.get(("person_by_title",))
    if made is None:
        made = words._made[("person_by_title",)] = compiled(
            f"{words.any('places.people_titles')}|{words.any('places.members')}")
    for found in made.finditer(body):
        if found.start() > 0 and body[found.start()] in _UNIT_LAST:
            continue  # "宁县长庆桥": 县 ends the county's name (宁县), no county head (县长) begins there
        return True
    return False


def _a_province_and_its_city_at(plain: str, at: int, end: int, words: Words) -> bool:
    """Whether a province's bare name begins at `at` (河南, 湖北, 山东, whose first character is also a venue word)
    and a city the gazetteer knows, or the province's suffix, follows it ("河南安阳市"; not "西湖南岸", a shore)."""
    firsts = words._made.get(("province_firsts",))
    if firsts is None:
        firsts = words._made[("province_firsts",)] = frozenset(name[0] for name in words["places.provinces"])
    if plain[at] not in firsts:
        return False  # (a cheap test first: 河, 湖, 山, 江 open provinces' names; most venue words do not)
    province = words.pattern("places.provinces").match(plain, at, end)
    return province is not None and (plain.startswith("省", province.end()) or known_city(
        plain, province.end(), end, True) is not None)


def _a_county_suffix_at(plain: str, at: int) -> bool:
    """Whether a county's or a city's suffix of one character (县, 市) stands at `at` as a suffix, not as the first
    character of a word (市场, 市民, 县委: _NOT_SUFFIX_AFTER)."""
    if plain[at:at + 1] not in _COUNTY_SUFFIXES_WRITTEN:
        return False  # (a cheap test first: most characters after a venue word are none)
    suffix = simplified(plain[at:at + 1])
    return bool(suffix) and suffix in _COUNTY_SUFFIX_CHARACTERS and (
        plain[at + 1:at + 2] not in _NOT_SUFFIX_AFTER[suffix] or at + 1 >= len(plain))


#: A county's and a city's suffixes of one character, which a one-character venue word right before them is inside
#: the name of (濉溪县, 鞍山市); not 区, which also ends a kind of area after a venue's name (洞庭湖区, 太行山区).
_COUNTY_SUFFIX_CHARACTERS = "县市"
#: The same as a caption may write them, in either script.
_COUNTY_SUFFIXES_WRITTEN = frozenset("县縣市")
#: Linking characters that end a venue word of their own (胡同, a lane), where they link nothing.
_LAST_OF_A_VENUE_WORD = "同"


def _ends_a_venue_word(plain: str, at: int, stop: int, venue_word: re.Pattern) -> bool:
    """Whether the linking character at `stop` is the last of a venue word that starts inside the name begun at
    `at` ("五道营胡同,": 胡同 ends there; "长江同黄河": 江同 is no venue word, so 同 still links)."""
    return stop - at >= 2 and any(venue_word.fullmatch(plain, start, stop + 1) for start in range(
        max(at + 1, stop - 2), stop))


def _name_goes_on(plain: str, at: int, stop: int, end: int, venue_word: re.Pattern, anchored: bool) -> bool:
    """Whether a venue's name that starts at `at` goes on over the stop or linking word at `stop`: a linking
    character right before a venue word is the name's ("颐和园", not "公园和广场"); so is one inside a name whose
    venue word comes later ("朱日和训练基地", not "公园和训练基地")."""
    if plain[stop] in _LAST_OF_A_VENUE_WORD and _ends_a_venue_word(plain, at, stop, venue_word):
        return True  # "五道营胡同", "在菊儿胡同里": 同 ends the venue word 胡同 (a lane), no "with"
    if plain[stop] in SOFT_BREAKS and stop > at and venue_word.match(plain, stop + 1, min(end, stop + 2)):
        return True
    if plain[stop] in SOFT_BREAKS and stop - at >= 2 and not venue_word.search(plain, at, stop):
        return _venue_word_ahead(plain, stop + 1, end, venue_word)
    if plain[stop] == "同" and stop - at == 2 and chinese_county_provinces(plain[at:stop]):
        ahead = venue_word.search(plain, stop + 1, min(end, stop + 1 + _LONGEST_VENUE))
        if ahead is not None and len(ahead.group()) > 1 and _venue_word_ahead(plain, stop + 1, end, venue_word):
            return True  # "苏州吴江同里古镇": a county written bare (its 江 no river), then a name 同 begins, not
            # "with" (but "长江同黄河": a river with another)
    if stop == at and at > 0 and anchored and plain[at] in _LINKS_AFTER_AT and plain[at - 1] in "在于" and (
            _venue_word_ahead(plain, at + 1, end, venue_word)):
        return True  # "在向阳公园", "在将军山": right after 在 a linking word (towards, will) has nothing to link or
        # to govern, so it is the name's first character
    return stop == at and at > 1 and plain[at] in LINKS_IN_NAMES and (plain[at - 1] in _UNIT_LAST or anchored) and (
        plain[at - 2:at] not in ("社区", "小区", "园区", "景区")) and _venue_word_ahead(plain, at + 1, end, venue_word)


def _a_clause_between(plain: str, start: int, end: int, words: Words) -> bool:
    """Whether the words between two venue words hold a clause's word (a day, a time of day, a verb of an
    event or of what people do: 今日, 上午, 举行, 参加; a verb's aspect, 了, 着): the first venue word ended the
    name."""
    if _ASPECT.search(plain, start, end) is not None:
        return True  # "青阳市民体育公园添建了步道": the park, then what was added to it
    if "于" in plain[start:end]:
        return True  # "天守阁矗立于翠绿园林之中": the keep, then where it stands (于, at)
    return any(words.pattern(key).search(plain, start, end) for key in (
        "dates.relative", "dates.times_of_day", "places.held", "places.after_venue"))


def titles_an_event(plain: str, after: int, end: int, words: Words) -> bool:
    """Whether a word of an event (活动, 大赛, 展) follows a quoted name within a few characters, before any stop:
    the quotes hold the event's title, not a place's name."""
    stop = after
    while stop < min(end, after + _EVENT_REACH) and plain[stop] not in HARD_STOPS:
        stop += 1
    return words.pattern("places.events").search(plain, after, stop) is not None


#: How far after a quoted title its event's word may come ("摄影大赛": a kind of contest, then the word).
_EVENT_REACH = 6


#: Where a quoted landmark's name may be followed: a word of position (not 上, 中, 下: "在“双减”中" is no place),
#: a stop, what people do there or what the photo shows of it.
_AFTER_QUOTED_PLACE = ("前", "后", "内", "外", "旁", "里", "畔", "一带", "附近", "周边", "，", ",", "。", "、", "；")


def _a_quoted_venue(plain: str, inner: str, after: int, end: int, words: Words) -> bool:
    """Whether a quoted name with no venue word, after a word a place follows, names a landmark (“鸟巢”, “中国天眼”):
    a name of two to eight characters, then a word of position, a stop, an activity or a view (夜色)."""
    if not 2 <= len(inner) <= 8 or not all_han().fullmatch(inner):
        return False
    return after >= end or plain.startswith(_AFTER_QUOTED_PLACE, after) or bool(
        words.pattern("places.after_venue").match(plain, after) or words.pattern("places.views").match(plain, after))


NAME_BREAKS = "的在和与是为到从向对把被让给将及同跟"
#: Of those, the ones no unit's name holds after its first character even right after a larger unit (which lets
#: "天津市和平区" and "安徽省无为市" hold theirs): "新乡县大赵庄村农民在村" is a clause, no village named 农民在村.
_NEVER_IN_A_UNIT = "的在是把被让给跟"
#: A run of characters that are neither stops nor linking words: a venue's name goes on over them.
_NAME_RUN = compiled("[^" + re.escape("".join(sorted(HARD_STOPS | set(NAME_BREAKS)))) + "]*")
#: 大 (great) opening a venue's name ("大草原", "大剧院").
_GREAT = compiled("大")
#: Words of number or reference that, alone before a venue word, make a count of places, no name ("一小区", "各景区").
_COUNTING = "一两几某每各"
#: A unit's suffix written alone before a venue ("市档案馆", "县医院", "省博物馆"): the city, county or province the
#: caption is about, referred to rather than named (as 本市 is), so the venue has no name of its own.
_OWN_UNIT = "市县省村"  # (and the village's: "大赵庄村农民在村文化广场", its square, named by no name of its own)
#: The particles that mark a verb's aspect (登上了, 挂着): in a clause, never in a venue's name. Traditional
#: captions write 着 as 著 ("跟著進香隊伍", "冒著寒流"), which simplifying leaves alone, since 著 is also a simplified
#: character ("著名", famous; "著作", a work; "著称", known for): those words are no aspect. Nor is 着 of 着陆 (to
#: land), which names a site: "返回舱在东风着陆场成功着陆", a capsule's landing site.
_ASPECT = compiled("了|[着著](?!陆)|著(?![名作称])")
#: Linking characters that a venue's name may hold right before its venue word (颐和园).
SOFT_BREAKS = "和与及同"
#: Of those, the one that joins the things a clause lists and opens no word of a name (和 and 同 do: 和平, 同里; 及
#: does in 埃及).
_LISTING = "与"
#: Spaces (and the middle dot) that set a chain's units apart ("江苏 苏州", "中国 · 香港"), as a comma may.
_SPACES = " \u3000·・"
#: The last characters of a unit's suffix: 和 or 同 right after one begins the venue's name ("吴江区同里古镇",
#: "东城区和平里公园"), as it begins a unit's ("天津市和平区"); 与 and 及 join two ("文博苑社区与翠庭园小学")
_UNIT_LAST = "省市区县镇乡旗"
LINKS_IN_NAMES = "和同"
#: Linking words that also open names (向阳, 将军) and that 在 or 于 right before them cannot be read as (在向, 在将:
#: no preposition follows 在), so they open the name there.
_LINKS_AFTER_AT = "向将"
#: As far as a venue's name read from its start may reach (`venue_at`): to a stop or a linking word, but over the
#: linking words _name_goes_on may let it pass (和, 与, 及, 同, 向, 将: "颐和园", "在向阳公园").
_VENUE_REACH = compiled("[^" + re.escape("".join(sorted((HARD_STOPS | set(NAME_BREAKS)) - set(
    SOFT_BREAKS + _LAST_OF_A_VENUE_WORD + LINKS_IN_NAMES + _LINKS_AFTER_AT)))) + "]*")
#: A name right before a word of surroundings (什刹海一带, 中南海附近): a landmark, when a place chain precedes it.
_LANDMARK = compiled(f"[{HAN}]{{2,5}}?(?=一带|附近|周边|周围|一线)")
#: Opening quotation marks and their closing ones.
QUOTES = {"“": "”", "「": "」", "『": "』", "\"": "\""}
#: The most characters a venue's name runs to (中国科学院植物研究所, 酒泉卫星发射中心问天阁).
_LONGEST_VENUE = 15
#: A time of the clock (八时, 8时30分, 卅四分): written in a clause, never in a venue's name.
_A_CLOCK_TIME = compiled("[0-9０-９零〇一二三四五六七八九十廿卅两]+(?:时|点|分)")
#: The words that close a likeness after what the scene is likened to ("如宫殿般", "像公园一样", "似的"), and the
#: words that open one in the same clause (般 alone closes one: "宫殿般的建筑").
_LIKENESS_AFTER = ("般", "一般", "一样", "似的")
_LIKENESS_OPENERS = ("如", "像", "似")
#: An event's edition (第四届, 六届, 第35届): a name holding one is the event's title.
_AN_EDITION = compiled(r"(?:第|[0-9０-９〇零一二三四五六七八九十百]+)届")
#: A number with a measure word: written in a clause, never in a venue's name.
#: (千伏, kilovolts, is no quantity of the clause's but the grade that names a substation or a line: voltage_grade)
_A_QUANTITY = compiled(r"\d[\d.]*\s*(?:万|千(?!伏)|亿|多|余|人|个|名|平方|公里|米|吨|年)|[十百千万]+亩")
#: The characters a voltage grade begins with (a cheap test before ``voltage_grade``).
_VOLTAGE_FIRSTS = frozenset("±0123456789")

#: A road's number and its kind, which begin its name ("312国道漕塘桥", "G60高速"): a name, not a quantity.
_ROAD_NUMBER = compiled(r"[A-Z]?\d{1,4}(?:国道|省道|县道|高速|公路)")


def _venue_after_its_quoted_name(text: str, plain: str, close: int, end: int, words: Words,
                                 patterns: dict) -> str | None:
    """The rest of a venue's name right after its quoted first word (the closing mark at `close`): a run of words
    ending in a venue word with no stop ("“太行一号”旅游公路大堡岩段", "“山地”训练基地", "“稻田花园”水稻种植基地"), or
    None (no venue word follows, or a unit's name does: the quotes hold an epithet or the venue whole)."""
    after = close + 1
    if after >= end or plain[after] in HARD_STOPS or not _venue_word_ahead(
            plain, after, end, words.pattern("places.venue")):
        return None  # (most quotes: a stop or other words after them)
    rest = venue_at(text, plain, after, end, words, patterns)
    return rest if rest is not None and plain.startswith(simplified(rest), after) else None


def _kind_after_its_quoted_name(plain: str, close: int, end: int, words: Words) -> bool:
    """Whether a venue word alone follows a quoted name with none ("“某某城”音乐厅", "“某某”博物馆里"): the kind of
    venue the quoted name is, when the word (two characters or more: 音乐厅, not 山) ends there, at a stop, a word
    of position or what is done there."""
    word = words.pattern("places.venue").match(plain, close + 1, end)
    if word is None or len(word.group()) < 2:
        return False
    after = word.end()
    return after >= end or plain[after] in HARD_STOPS or plain[after] in POSITION_WORDS or (
        words.pattern("places.after_venue").match(plain, after, end) is not None)
    # (not "“某某”广场舞": the word runs on into another, no venue's kind)


def _venue_word_ahead(plain: str, at: int, end: int, venue_word: re.Pattern) -> bool:
    """Whether a venue word ends a name within a few characters after `at`, before any stop or break."""
    stop = at
    while stop < min(end, at + 6) and plain[stop] not in HARD_STOPS and plain[stop] not in NAME_BREAKS:
        stop += 1
    return venue_word.search(plain, at, stop) is not None


def after_words_of_time(plain: str, start: int, end: int, words: Words) -> int:
    """Where a venue's name may begin in a run of words with no stop: after the last word of the day, of the
    present time, of passing or of position in it ("旅客昨日走过罗湖口岸": 罗湖口岸; "目前某某公园游人如织";
    "城区边上河水猛涨": 河 alone, no name), since no name holds one; `start` when none is there."""
    made = words.made(("time_or_passing",), lambda: compiled("|".join(map(re.escape, sorted(
        set(words.words("dates.relative")) | set(words.words("places.passing")) | set(
            words.words("places.times_now")) | set(words.words("places.positions_in_a_run")),
        key=longest_first)))))
    cut = start
    for found in made.finditer(plain, start, end):
        cut = found.end()
    return cut
