"""The place of a Chinese caption: the scene sentence's administrative units, read into a Place, and its venue.

This module chooses where to read (the scene sentence, a title, a labelled field, a dateline) and what completes
the chain (a heading, a later sentence, the city a district or a venue belongs to); ``chinese_chain`` reads the
chain of units and its venue at one position.

Units are read from where a place may begin (the sentence's start, after 在 or 于, after a stop, wherever a
province or a municipality is named): provinces, cities, counties, towns and villages with their suffixes (安徽省,
合肥市, 庐江县) or known bare (北京, 广东深圳, 美国纽约), then a venue (骆岗公园). The chain goes to
``place_fields.resolve`` like an English one. Values follow the labelling contract: 省, 市 and 自治区 dropped from
provinces and cities, other suffixes kept. Worked examples::

    2025年10月14日，在安徽省合肥市骆岗公园...   骆岗公园, 合肥, 安徽
    9月5日晚,北京,国家会议中心,...              国家会议中心, 北京
    美国纽约、费城、波士顿等城市...             country 美国 only: a list of places is not the scene
    江西省上饶市婺源县秋口镇王村石门自然村      上饶, 江西: a bare name below a county is no city
    位于太行山区的山西省壶关县五龙山乡水池村    水池村, 壶关县, 山西: 山区 is no district
    距离北京200公里的地方 / 来自广东的游客      nothing: a reference point or an origin is no scene

Signals rather than cases decide: a unit's suffix and level (the longest suffix; 早市, 军区 and 山区 are no
units), the order of a chain (no town straight after a country; a chain goes down, so 九寨沟县 is one
county, and the short unit right after a larger one may hold 和 or 为: 天津市和平区, 安徽省无为市), the word
before a name (在, 位于, 俯瞰; 距离 and 来自 rule it out), the sentence
(the one with the photo's date, else 图为/这是, else the first; a later one only
when it names no year of history), and for a venue: a venue word, the clause it ends, what people do after it
(参加, 游览), a quantity or a verb inside it (1.6万平方米, 站在) ruling it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain as chained

from catalog.captions.chinese_chain import (
    A_LIST,
    BIG_CITY_POPULATION,
    CHINA_NAMES,
    CITY_BEFORE_A_VENUE_POPULATION,
    DEPARTURE_REACH,
    DIRECTIONS,
    GREATER_CHINA,
    HARD_STOPS,
    HEADING_WORDS,
    INSIDE,
    LEVELS,
    LINKS_IN_NAMES,
    NAME_BREAKS,
    POSITION_WORDS,
    QUOTES,
    ROUTE_WORDS,
    SITES_COUNTED,
    SITUATED,
    SOFT_BREAKS,
    STOPS,
    SUBDISTRICT,
    SUFFIXED,
    TOWN_SUFFIXES,
    VILLAGE_RANK,
    a_county_follows,
    a_taiwan_township,
    after_words_of_time,
    all_han,
    bare_cities,
    city_state_district,
    cjk_population,
    county_of,
    generic_venue,
    known_city,
    longer_than_one,
    no_name_begins,
    no_unit_from,
    opens_a_phrase,
    read_chain,
    suffixed_element,
    suffixed_population,
    taiwan_townships,
    titles_an_event,
    unit_at,
    unit_name_ok,
    unit_rank,
    venue_at,
    venue_beyond,
)
from catalog.captions.chinese_dates import ChineseDate
from catalog.captions.chinese_venues import after_a_likeness, best_venue, inside_a_sounded_name
from catalog.captions.chinese_words import HAN, Words, han_char, simplified
from catalog.captions.gazetteer import (
    chinese_city_population,
    chinese_county_provinces,
    chinese_name_cities,
    name_levels,
    namesake_in,
)
from catalog.captions.place_chains import Chain
from catalog.captions.place_fields import resolve
from catalog.captions.place_names import Element
from catalog.captions.types import Place
from catalog.han_text import traditional
from catalog.patterns import compiled, longest_first

#: Marks before a scene sentence that are not its words: "■", "【...】", "图①：", "图为", "这是"; and a picture's
#: number alone, circled ("②:2015年2月11日,河北唐山,...", "③清洁局工人...").
_HEADLINE_MARKS = compiled(r"[\s△■▲●◆★☆#]*(?:【[^】]*】)?(?:图[①-⑳\d]*\s*[:：]|图为|[①-⑳]\s*[:：]?)?\s*(?:这是)?\s*")


def find_chinese_place(text: str, plain: str, sentences: list[tuple[int, int]], body: list[tuple[int, int]],
                       date: ChineseDate | None, words: Words, patterns: dict) -> Place:
    """The place of the scene sentence (the one holding the photo's date, else the first of the body).

    >>> from catalog.captions.rules import load_rules
    >>> from catalog.captions.chinese_words import words_for
    >>> words, patterns = words_for(load_rules())
    >>> text = "10月14日，在安徽省合肥市骆岗公园，一架飞机试飞。"
    >>> find_chinese_place(text, text, [(0, len(text))], [(0, len(text))], None, words, patterns)
    Place(sublocation='骆岗公园', city='合肥', province='安徽', country=None)
    """
    labelled = _labelled_place(text, plain, body, words, patterns)
    if labelled is not None and (labelled.city or labelled.province or labelled.country or not body):
        return labelled
    if not body:
        return Place()
    place = _scene_place(text, plain, sentences, body, date, words, patterns)
    if labelled is not None:  # a venue alone in the form's field: the prose's city is the venue's
        return Place(labelled.sublocation, place.city, place.province, place.country)
    if place.city and not place.province:
        _no_small_city_of_another_country(place, plain, words)
    if place.city and "以" in plain:  # (a cheap test before the pattern: most captions measure from nowhere)
        _no_city_a_distance_is_from(place, plain, words)
    scene = body[0] if date is None else next((s for s in sentences if s[0] <= date.start < s[1]), body[0])
    if "桥" in plain[scene[0]:scene[1]] or "隧道" in plain[scene[0]:scene[1]]:  # (a cheap test before the pattern)
        _structure_of_a_project(place, text, plain, scene, words)
    return place


def _no_city_a_distance_is_from(place: Place, plain: str, words: Words) -> None:
    """Drop a city the caption names only as the point a distance is measured from ("开罗以东50公里处某某项目的工地",
    "离西宁市区以西40多公里的峡谷"): the scene lies that far from the city, not in it, as the chain already reads a
    direction from a city before 的 ("开罗以南的吉萨金字塔"); a city written anywhere else as a place (not as a
    route's end, "西宁至格尔木段") stays. Changed in place."""
    city = simplified(place.city or "")
    seen = False
    for found in re.finditer(re.escape(city), plain):
        if plain.startswith("至", found.end()):
            continue  # ("青藏铁路西宁至格尔木段": a route's end, no place of the scene either)
        if not _measured_from(words).match(plain, found.end()):
            return
        seen = True
    if seen:
        place.city = None


def _measured_from(words: Words) -> re.Pattern:
    """After a city's name: its suffix, its built-up area, a direction (places.relative_to) and a distance
    ("市区以西40多公里", "以东约30公里")."""
    made = words._made.get(("measured_from",))
    if made is None:
        directions = "|".join(map(re.escape, sorted(words.words("places.relative_to"), key=longest_first)))
        made = words._made[("measured_from",)] = compiled(
            rf"市?(?:市区|城区)?(?:{directions})约?[\d.]+多?(?:公里|千米|英里)")
    return made


#: The fewest people a city of a country needs to be that country's namesake of a city abroad (英国多佛: Dover,
#: England, though GeoNames gives 多佛 to Dover, Delaware).
_NAMESAKE_POPULATION = 20_000


def _no_small_city_of_another_country(place: Place, plain: str, words: Words) -> None:
    """Drop a city abroad read bare when the caption's places lie in another country: a city of fewer than a
    million people (a big one, 巴黎, is named anywhere), with no county of China read so, whose country is neither
    the country of the chain (哈萨克斯坦 for 图尔, Tours) nor, when the chain names none, China, whose provinces the
    caption names (新疆, 内蒙古). Such a name is a piece of a longer name in sounds, read short: "哈萨克斯坦南部城市图尔
    克斯坦", "新疆...库姆塔格沙漠", "在阿拉善境内", "在塔什库尔干机场". Changed in place."""
    city = simplified(place.city or "")
    population, where = chinese_name_cities(city)
    if where is None or where in GREATER_CHINA or population >= BIG_CITY_POPULATION:
        return
    if place.country:
        named = name_levels(simplified(place.country)).country
        if named is None or named == where or namesake_in(city, named) >= _NAMESAKE_POPULATION:
            return  # (its own country, or one that holds a city of the same own name: "英国多佛")
    elif not any(province in plain for province in words.lists["places"]["provinces"]):
        return  # (no country and no province of China named: nothing says where the caption's places lie)
    if chinese_county_provinces(city):
        return  # (a county of China read so: "吉林松原", though GeoNames gives 松原 to a town of Japan)
    place.city = None


def no_city_state_country(place: Place, words: Words) -> None:
    """Take a city-state (places.city_states: 香港, 澳门) out of the place's country: the contract puts Hong Kong
    in ``city``, never in ``country`` ("在香港国际机场", "香港会展中心" read 香港 at the country level, which no
    label takes). Run on the place as finally read: the checks before it weigh a country as a written level."""
    if place.country and simplified(place.country) in _city_state_names(words):
        place.country = None


def _city_state_names(words: Words) -> frozenset[str]:
    """The names of the city-states of places.city_states (香港, 澳门), simplified."""
    made = words._made.get(("city_state_names",))
    if made is None:
        made = words._made[("city_state_names",)] = frozenset(
            entry.split(None, 1)[1] for entry in words["places.city_states"] if len(entry.split(None, 1)) == 2)
    return made


def _scene_place(text: str, plain: str, sentences: list[tuple[int, int]], body: list[tuple[int, int]],
                 date: ChineseDate | None, words: Words, patterns: dict) -> Place:
    """The place of the scene sentence, as ``find_chinese_place`` says, before a project's structure is read."""
    scene = body[0]
    if date is not None:
        scene = next((s for s in sentences if s[0] <= date.start < s[1]), scene)
    else:  # the sentence that says what the photo shows ("图为...", "这是..."), if any
        marks = words.words("places.scene_marks")
        scene = next((s for s in body[:4] if _HEADLINE_MARKS.match(plain, s[0]) and plain[
            s[0]:s[1]].lstrip(" \u3000△■▲●◆★☆#↑").startswith(marks)), scene)
    above = _caption_above_the_story(text, plain, sentences, words, patterns)
    if above is not None:
        scene = above
    elif date is not None:
        scene = _the_picture_sentence(text, plain, body, scene, words, patterns) or scene
    candidates = [scene] + [s for s in body[:3] if s != scene]
    same_day = words.words("dates.same_day")
    for number, (start, end) in enumerate(candidates):
        if number > 0 and _credit_field(words).match(plain, start, end):
            continue  # "摄影:电气工程学院", "新闻来源:...": a credit's field, not a scene
        if number > 0 and _YEAR_WRITTEN.search(plain, start, end) and not plain[start:end].lstrip().startswith(
                same_day):  # ("当日，在...举行的2025年...": the photo's day, not history)
            continue  # "1939年3月,...组建于河北雄县": a sentence of history, not the scene
        place = _place_in(text, plain, _past_a_dated_dateline(plain, start, end, words), end, words, patterns, date)
        if place.sublocation and not (place.city or place.province or place.country):
            _a_town_named_after_its_kind(place, plain, start, end)
        if place == Place():
            place = _place_in_its_title(text, plain, start, end, words, patterns)
        if number == 0 and date is not None and not (place.city or place.sublocation) and (
                place.province or place.country):
            place = _the_pictures_place(place, text, plain, body, (start, end), date, words, patterns)
        if number == 0 and place != Place() and not place.sublocation and end - start <= _DATELINE_LENGTH:
            place.sublocation = _venue_of_next(text, plain, body, (start, end), words)
        if number == 0 and place.city and not place.sublocation:
            place.sublocation = _venue_of_the_moment(place, text, plain, body, (start, end), words, patterns)
        elif number > 0 and place.city and not place.sublocation and not (place.province or place.country):
            following = next((s for s in body if s[0] >= end), None)  # ("图为公园..." marked the scene, but the
            # city's sentence is followed by its park's: "申城阳光和暖。顾村公园里樱花盛开")
            if following is not None:
                place.sublocation = _venue_opening_inside(text, plain, following[0], following[1], words, patterns)
        if number == 0 and (place.city or place.province) and not place.sublocation:
            place.sublocation = _venue_the_picture_shows(place, text, plain, body, (start, end), words, patterns)
        if number == 0 and date is not None and (place.city or place.province) and not place.sublocation and (
                body[0][0] < start and _TRAILER.match(plain, date.end, end)):
            place.sublocation = _venue_above_the_trailer(place, text, plain, body[0], words, patterns)
        if place != Place() and (number == 0 or place.sublocation or place.city or place.province):
            if not (place.city and place.province):
                _complete_elsewhere(place, text, plain, body, (start, end), words, patterns)
            if place.city and not (place.province or place.country):
                _province_where_it_lies(place, text, plain, start, end, words, patterns)
            if number == 0 and place.sublocation and not (place.city or place.province or place.country):
                _chain_of_context(place, text, plain, candidates[1:], words, patterns)
            if _a_route_from_the_city(place, plain):
                place.city = None
                if simplified(place.sublocation or "").startswith(HEADING_WORDS):
                    place.sublocation = None  # "从北京开往石家庄的列车上": a train's way, no venue
            if place.city and place.city[-1] in "区區" and not place.province and not place.country:
                place.city = _city_of_the_district(place.city, text, plain) or place.city
            if place.sublocation and not place.city and "城" in place.sublocation:
                place.city = _city_of_its_old_town(place.sublocation, words)
            return _no_city_named_for_its_waters(_no_venue_named_as_its_city(
                _with_titled_venue(_with_dateline_city(place, text, plain, words), text, plain, words, patterns)),
                plain, words)
    led = Place(sublocation=_venue_led_to(text, plain, candidates[0], words, patterns))
    return _with_titled_venue(_with_dateline_city(led, text, plain, words), text, plain, words, patterns)


def _venue_led_to(text: str, plain: str, scene: tuple[int, int], words: Words, patterns: dict) -> str | None:
    """The scored venue a place word or a verb of passing leads to in the scene sentence, when no sentence read any
    place ("12月26日9点整,某次列车准点驶离某某站": the time before the verb hid the station from the chain
    reader), taken when its score reaches the accepted level; not a kind of venue (古城景区), a name that holds
    a unit's suffix (a chain the reader passed over) or what is done there ("工人在检修线路"), and only a name
    the chain reader reads whole from its start (its tests of a verb, "在前开路", or of a landmark near,
    "靠近某某公园的地方"), or a name opening the sentence before a verb of holding ("某车水举行亮灯仪式")."""
    from catalog.captions.chinese_venues import candidates, venue_weights

    accept = venue_weights(words)["accept"]
    doing = words.words("places.doing") + words.words("places.after_venue") + words.words("places.held")
    led = []
    for found in candidates(text, plain, [(scene[0], scene[1], False)], words):
        name = simplified(found.name)
        opening = "before_held" in found.signals and found.start == scene[0]  # "某车水举行亮灯仪式": a name
        # with no venue word opening the sentence before a verb of holding (the chain reader reads no such name)
        if not ("after_place_word" in found.signals or opening) or found.score < accept or generic_venue(
                name, words) or _UNIT_IN_A_NAME.search(name) or name.startswith(doing):
            continue
        if opening or venue_at(text, plain, found.start, scene[1], words, patterns, anchored=True) == found.name:
            led.append(found)
    return max(led, key=lambda c: (c.score, -c.start)).name if led else None


#: A unit's suffix inside a name ("台东县池"): the name runs over a chain of places, no venue's own.
_UNIT_IN_A_NAME = compiled("[省市县区镇乡]")


def _structure_of_a_project(place: Place, text: str, plain: str, scene: tuple[int, int], words: Words) -> None:
    """The structure a building project names right after its route or its words
    ("G329凤阳至蚌埠段改线工程临淮关跨淮河特大桥", "金华至建德高速铁路新安江特大桥",
    "某某高速公路甲至乙段扩容项目的控制性工程百花湖特大桥"): a bridge or a tunnel (places.structures)
    whose name begins after the last of the route's or the project's words (至, 段, 工程, 高速铁路:
    places.project_words) is the venue, where the scene's reader found none, read the route as a
    name (至建德...), took the road it belongs to (...高速公路) or a piece of the structure's name.
    Changed in place."""
    found = _project_structure(words).search(plain, scene[0], scene[1])
    if found is None:
        return
    name_start, name_end = found.start(1), found.end(1)
    inner = list(words.pattern("places.project_words").finditer(plain, name_start, name_end))
    if inner:
        name_start = inner[-1].end()
    structure = simplified(plain[name_start:name_end])
    body = words.pattern("places.structures").sub("", structure)
    if len(body) < 2 or words.pattern("places.clause_words").search(structure):
        return
    current = simplified(place.sublocation or "")
    if structure in current:
        return  # (the structure's longer name: "京沪高速铁路淮河特大桥")
    at = plain.find(current, scene[0], scene[1]) if current else -1
    road = current.endswith(words.words("places.project_words")) or "至" in current  # (the road, or the route
    # itself read as a name: "G329凤阳至蚌埠", "至建德高速铁路新安江")
    piece = at >= 0 and at < name_end and at + len(current) > name_start  # (a piece of the structure's name)
    if current and not (road or piece):
        return  # (a venue of its own)
    place.sublocation = text[name_start:name_end]


def _project_structure(words: Words) -> re.Pattern:
    """A route's or a project's word, then a name running up to a bridge's or a tunnel's word, compiled once."""
    made = words._made.get(("project_structure",))
    if made is None:
        made = words._made[("project_structure",)] = compiled(
            "(?:" + "|".join(map(re.escape, words.longest_first("places.project_words"))) + ")([^"
            + re.escape("".join(sorted(HARD_STOPS | set(NAME_BREAKS)))) + "0-9]{2,24}?(?:"
            + "|".join(map(re.escape, words.longest_first("places.structures"))) + "))")
    return made


def _province_where_it_lies(place: Place, text: str, plain: str, start: int, end: int, words: Words,
                            patterns: dict) -> None:
    """The province of a city the sentence says lies in it ("乌拉盖管理区地处内蒙古自治区锡林郭勒盟东北部",
    "某某县位于某某省中部"): the city written, then 地处 or 位于 and a chain that names a province. Changed in place."""
    city = place.city or ""
    at = text.find(city, start, end)
    after = at + len(city)
    if at < 0 or not plain.startswith(SITUATED, after):
        return
    stop = after + 2
    while stop < end and plain[stop] not in "，,。；;":
        stop += 1
    lies = _place_in(text, plain, after, stop, words, patterns, None)
    if lies.province and simplified(lies.city or "") != simplified(city):
        place.province = lies.province


def _no_venue_named_as_its_city(place: Place) -> Place:
    """The place without its venue when the venue is the city read, by the same name ("入夜后的阿尔山宛如童话世界
    ...阿尔山市": 山 ends the city's name, 阿尔山 is no mountain of it); the city stays."""
    if place.sublocation and place.city and _UNIT_SUFFIX_AT_END.sub("", simplified(place.sublocation)) == (
            _UNIT_SUFFIX_AT_END.sub("", simplified(place.city))):
        place.sublocation = None
    return place


def _no_city_named_for_its_waters(place: Place, plain: str, words: Words) -> Place:
    """The place without its city when the city's bare name is a sea's (ends in 海) written only before a word of
    waters ("科考船行驶在东海海域": the East China Sea, not the county 东海; "南海海域", not Foshan's district): a
    scene at sea, whose fields stay empty ("舟山海域", a city's waters, keeps its city; so does a municipality,
    上海)."""
    if not place.city or place.province or not place.city.endswith("海") or simplified(place.city) in words.set(
            "places.municipalities"):
        return place
    name = simplified(place.city)
    at = plain.find(name)
    if at < 0:
        return place
    while at >= 0:
        if not plain.startswith(words.words("places.waters"), at + len(name)):
            return place
        at = plain.find(name, at + 1)
    place.city = None
    return place




#: A city's or a county's suffix ending a name (阿尔山市, 某某县): the same place, written with it or without.
_UNIT_SUFFIX_AT_END = compiled("[市县]$")


def _the_picture_sentence(text: str, plain: str, body: list[tuple[int, int]], scene: tuple[int, int], words: Words,
                          patterns: dict) -> tuple[int, int] | None:
    """A later sentence opening with 图为 (the picture shows) that names a venue after 在, when the dated sentence
    tells the news ("5月28日,某航班从上海虹桥机场飞抵北京首都国际机场...。图为在上海虹桥机场举行的首航仪式现场"):
    the picture's own words say where it was taken; None when no such sentence follows the scene's."""
    for start, end in body[:4]:
        if start <= scene[0]:
            continue
        opening = _HEADLINE_MARKS.match(plain, start)
        if opening is None or "图为" not in plain[start:opening.end()] or not plain.startswith("在", opening.end()):
            continue
        if _place_in(text, plain, start, end, words, patterns, None).sublocation:
            return start, end
    return None


def _place_in_its_title(text: str, plain: str, start: int, end: int, words: Words, patterns: dict) -> Place:
    """The place named in the 【...】 title a sentence opens with ("【青禾古镇】夜色中的古镇灯火辉煌"), which the
    scene reader passes over as a mark, when the sentence's own words name none; else no place."""
    opening = plain.find("【", start, min(end, start + 4))
    if opening < 0 or plain[start:opening].strip(" \u3000△■▲●◆★☆#"):
        return Place()
    closing = plain.find("】", opening + 1, end)
    if closing < opening + 3 or _STORY_LABEL.match(plain, opening) or _STORY_WORDS.search(plain, opening, closing):
        return Place()  # (not a paper's story label: "【本报消息】", "【星岛综合报道】")
    return _place_in(text, plain, opening + 1, closing, words, patterns, None)


#: Words of a story's label in brackets (报道, 专讯, 消息): the outlet's, no place's title.
_STORY_WORDS = compiled("报道|報道|讯|訊|电|電|消息|专稿|專稿")


#: Words opening a later sentence that refer back to the province or country just named ("日本宫城县发生强震。
#: 当地的港口镇某某市变成一片废墟": the local town), read as a sentence saying what the picture shows is.
_BACK_TO_THE_PLACE = ("当地的",)


def _the_pictures_place(place: Place, text: str, plain: str, body: list[tuple[int, int]], scene: tuple[int, int],
                        date: ChineseDate, words: Words, patterns: dict) -> Place:
    """The place of a later sentence that says what the picture shows ("图为...", places.scene_marks) when the
    dated sentence names only a province or a country around its places ("美国纽约、芝加哥等地举行抗议。图为芝加哥
    抗议现场": Chicago), the province and country kept where the later one names none; else `place`."""
    marks = (*words.words("places.scene_marks"), *_BACK_TO_THE_PLACE)
    for start, end in body[:4]:
        if start < scene[1] or not plain[start:end].lstrip(" \u3000△■▲●◆★☆#↑").startswith(marks):
            continue
        shown = _place_in(text, plain, start, end, words, patterns, None)
        if not (shown.city or shown.sublocation) or shown.province and place.province and (
                simplified(shown.province) != simplified(place.province)) or shown.country and place.country and (
                simplified(shown.country) != simplified(place.country)):
            return place  # (a picture elsewhere than the places the sentence holds: no reading of either)
        shown.province = shown.province or place.province
        shown.country = shown.country or place.country
        return shown
    return place


def _venue_the_picture_shows(place: Place, text: str, plain: str, body: list[tuple[int, int]],
                             scene: tuple[int, int], words: Words, patterns: dict) -> str | None:
    """The venue of a later sentence that says what the picture shows ("图为...", places.scene_marks), when the
    scene's sentence names the city or the province and no venue ("11月21日,河北承德下了今冬第一场雪。...图为白雪覆盖
    下的普宁寺": 普宁寺 in 承德), and that sentence names no place the scene's contradicts; else None."""
    marks = words.words("places.scene_marks")
    for start, end in body[:4]:
        if start < scene[1] or not plain[start:end].lstrip(" \u3000△■▲●◆★☆#↑").startswith(marks):
            continue
        shown = _place_in(text, plain, start, end, words, patterns, None)
        for mine, theirs in ((place.city, shown.city), (place.province, shown.province),
                             (place.country, shown.country)):
            if theirs and (not mine or simplified(mine) != simplified(theirs)):
                return None  # (a picture of another place, or of one the scene's sentence does not name)
        named = plain.find(simplified(shown.sublocation), start, end) if shown.sublocation else -1
        if named < 0 or not _ends_its_phrase(plain, named + len(shown.sublocation or ""), end):
            return None  # "图为北山羊在绝壁行走", "“全美华埠小姐”": a word that goes on past the venue word (an ibex,
            # a pageant's title), no venue the picture shows
        return shown.sublocation
    return None


def _ends_its_phrase(plain: str, at: int, end: int) -> bool:
    """Whether a name ending at `at` ends its phrase: a stop or a word of position follows ("普宁寺。", "公园里"), or
    a word of one character and a word of position ("全富岛海边", "某某塔下"); not a word that goes on ("北山羊")."""
    return at >= end or plain[at] in STOPS or plain[at + 1:at + 2] in POSITION_WORDS


def _caption_above_the_story(text: str, plain: str, sentences: list[tuple[int, int]], words: Words,
                             patterns: dict) -> tuple[int, int] | None:
    """The line above a story's opening that names the photo's venue, when a page ran the picture's own caption
    above its story ("石排湾社区的应节灯饰吸引了小朋友的目光⏎【本报消息】昨晚...", "大雁塔⏎中评社西安1月31日电..."):
    the story's day and places are the event's, the line above says what the picture shows. None when no story
    opens below the first line, or no line above it names a venue (the story's sentence is then the scene)."""
    opening = next((s for s in sentences[1:] if _opens_a_story(plain, s[0], words)), None)
    if opening is None:
        return None
    for start, end in reversed([s for s in sentences if s[1] <= opening[0]]):
        place = _place_in(text, plain, start, end, words, patterns, None)
        if place.sublocation and not chinese_name_cities(simplified(place.sublocation))[0]:
            return start, end
    return None


#: A paper's own story label in brackets ("【本报消息】", "【本報訊】", "(吉隆坡22日讯)"): the story begins after it.
_STORY_LABEL = compiled("[ \u3000]*[【\\[(（][^】\\])）\n]{1,14}?(?:消息|讯|电)[】\\])）]")


def _opens_a_story(plain: str, at: int, words: Words) -> bool:
    """Whether a line opens with a story's dateline or label ("新华社北京10月14日电", "【本报消息】")."""
    line_start = plain.rfind("\n", 0, at) + 1
    if plain[line_start:at].strip():
        return False  # (a sentence inside a line, not the line's start)
    return bool(_STORY_LABEL.match(plain, at) or wire_dateline(words).match(plain, at))


#: A photo's title opening the caption: a few characters, then a stop, a colon, a bracket or the line's end.
_TITLE = compiled(f"[\\s△■▲●◆★☆#]*([{HAN}]{{2,8}})(?:[ \u3000]*(?:[。，,:：（(\n]|$)|[ \u3000]{{2}})")


def _with_titled_venue(place: Place, text: str, plain: str, words: Words, patterns: dict) -> Place:
    """The scene's venue from the photo's title when its sentence named none: a title that is a venue's name whole
    ("民主一街,2020年7月", "大雁塔  中评社西安1月31日电..."), as a title names what the photo shows; not a kind of
    place (古城景区) nor a name the gazetteer knows as a city's."""
    if place.sublocation:
        return place
    title = _TITLE.match(plain)
    if title is None:
        return place
    start, end = title.span(1)
    venue = venue_at(text, plain, start, end, words, patterns, whole_clause=True)
    if venue and simplified(venue) == plain[start:end] and not generic_venue(venue, words) and not (
            chinese_name_cities(simplified(venue))[0]):
        place.sublocation = venue
    return place


def _credit_field(words: Words) -> re.Pattern:
    """A line that opens with a credit's label and a colon ("摄影:", "新闻来源:", "编辑："), compiled once."""
    made = words._made.get(("credit_field",))
    if made is None:
        labels = sorted({*words["credit.field_labels"], *words["credit.source_labels"], *words["credit.text_labels"],
                         *words["credit.outlet_source_labels"]}, key=longest_first)
        made = words._made[("credit_field",)] = compiled(
            r"\s*(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：]")
    return made


def _labelled_place(text: str, plain: str, body: list[tuple[int, int]], words: Words,
                    patterns: dict) -> Place | None:
    """The place a form's place field names ("地點:元朗", "拍摄地点:宁波鄞江乡", "地址 天宁区东青村"), read as a
    scene of its own, its missing city and province completed from the caption's other sentences; None when the
    caption has no such field or the field names no place read."""
    found = _TAKEN_AT_LINE.search(plain) if "摄于" in plain else None  # "...江畔⏎攝於黑龍江省撫遠市⏎..."
    if found is None and not any(label in plain for label in words.words("places.place_labels")):
        return None  # (most captions: no label, and no search)
    found = found or _place_label(words).search(plain)
    if found is None:
        return None
    start = found.end()
    end = start
    while end < len(plain) and plain[end] not in _FIELD_ENDS:
        end += 1
    if end - start < 2:
        return None
    place = _place_in(text, plain, start, end, words, patterns, None)
    if place == Place():
        return None
    if place.sublocation and not (place.city or place.province or place.country):
        _county_before_the_venue(place)
    if not (place.city and place.province):
        _complete_elsewhere(place, text, plain, body, (start, end), words, patterns)
    return place


def _county_before_the_venue(place: Place) -> None:
    """Split a county or a district of China written bare before the venue in a form's place field ("摄影地点:某阳
    小竹溪", "拍摄点:某坎军民路水闸": a field names the place in a photographer's shorthand, the county, then the
    spot), when what follows is a venue with a name of its own (two characters and its kind at least). A head the
    gazetteer knows as a city of its own was tried by the chain already: a venue it left whole is named after the
    city (深圳湾公园). Changed in place."""
    written = place.sublocation or ""
    venue = simplified(written)
    for length in (3, 2):
        head = venue[:length]
        if len(venue) - length >= 3 and not chinese_name_cities(head)[0] and chinese_county_provinces(head):
            place.city, place.sublocation = written[:length], written[length:]
            return


def _place_label(words: Words) -> re.Pattern:
    """A label of places.place_labels opening a field (after the start, a space or a stop), then a colon, 为 or 是,
    or a space: "地點:", "拍攝地點為 ", "地址 ", compiled once."""
    made = words._made.get(("place_label",))
    if made is None:
        made = words._made[("place_label",)] = compiled(
            rf"(?:^|(?<=[\s|｜/，,。；;]))(?:{words.any('places.place_labels')})"
            r"(?:\s*[:：]\s*|[为是]\s*|[ \u3000\t]+)")
    return made


#: A line that opens with "taken at" (摄于, 拍摄于) and a place, as a place field does: "攝於黑龍江省撫遠市".
_TAKEN_AT_LINE = compiled("(?:^|(?<=\n))[ \u3000]*(?:拍摄于|摄于)[ \u3000]*(?=[^\\d\\s])", re.MULTILINE)

#: What ends a form's field: a line's or a field's end, a stop.
_FIELD_ENDS = frozenset(" \u3000\t\n\r，,。；;|｜(（")


def _with_dateline_city(place: Place, text: str, plain: str, words: Words) -> Place:
    """The place, with the city of the dateline the caption opens with ("本报兰州讯", "新华社拉萨10月14日电") when
    the scene named no place at all: where the outlet filed it, said in the outlet's own words. A venue named
    leaves the city out ("新华社兰州电 游客在鸣沙山游玩": a bureau files from the capital what happens across its
    province)."""
    if place != Place():
        return place
    opening = wire_dateline(words).match(plain)
    if opening is None:
        return place
    head = opening.group(1)
    outlets = words.words("credit.this_paper") + words.words("credit.outlet_endings")
    for cut in range(1, len(head) - 1):
        name = head[cut:]
        if len(name) <= 5 and head[:cut].endswith(outlets) and (
                name in words.set("places.municipalities") or cjk_population(name)):
            place.city = text[opening.start(1) + cut:opening.end(1)]
            break
    return place


def _past_a_dated_dateline(plain: str, start: int, end: int, words: Words) -> int:
    """Where a sentence's own words begin: after the wire's dateline that opens its line with the day it was
    filed ("中评社北京2月20日电(实习记者 X)小城克山...", "新华社北京10月14日电 游客在鸣沙山..."), whose city is where
    the story was filed, not the scene (``_with_dateline_city`` still gives it when the scene names no place);
    else `start`. Only a dateline with its day: "中国国家电网..." opens no story."""
    if "日" not in plain[start:min(end, start + 24)]:
        return start
    opening = wire_dateline(words).match(plain, start, end)
    if opening is None or _DAY_BEFORE_ITS_END.search(opening.group()) is None or not _opens_a_story(
            plain, start, words):
        return start
    return opening.end()


#: The day a dateline was filed, right before its closing word ("2月20日电").
_DAY_BEFORE_ITS_END = compiled(r"\d\s*日\s*(?:电|讯|消息)$")
#: Kinds of town that a town's own name follows in apposition (of places.apposed): "小城克山", "边城瑞丽".
_TOWN_KINDS = ("小城", "古城", "名城", "边城", "山城")


def _a_town_named_after_its_kind(place: Place, plain: str, start: int, end: int) -> None:
    """A venue read right after a kind of town written in apposition ("小城克山地处东北边陲": a small town, 克山) is
    the town's name, whatever word it ends in (山, a mountain's word, here part of a county's name): the city."""
    written = place.sublocation or ""
    venue = simplified(written)
    at = plain.find(venue, start, end)
    if venue[:2] in _TOWN_KINDS:  # ("小城克山" read whole as the venue)
        written, venue, at = written[2:], venue[2:], at + 2
    if at < 2 or plain[at - 2:at] not in _TOWN_KINDS or not 2 <= len(venue) <= 3 or _names_before(plain, at - 2) or (
            at - 2 > start and han_char().match(plain, at - 3) and plain[at - 3] not in "的是在"):
        return  # ("平遥古城迎薰门城楼": 古城 ends the town's name, the venue after it is a gate's)
    place.city, place.sublocation = written, None


def wire_dateline(words: Words) -> re.Pattern:
    """The opening of a wire's or a paper's story: the outlet and the city run together, then the day it was
    filed and a word of places.dateline_ends ("新华社北京10月14日电", "本报兰州讯"), compiled once."""
    made = words._made.get(("wire_dateline",))
    if made is None:
        made = words._made[("wire_dateline",)] = compiled(
            f"[\\s【\\[■]*([{HAN}]{{3,13}}?)\\s*(?:\\d{{1,2}}\\s*月\\s*\\d{{1,2}}\\s*日)?\\s*(?:"
            + "|".join(map(re.escape, words.longest_first("places.dateline_ends"))) + ")")
    return made


_YEAR_WRITTEN = compiled(r"\d{4}\s*年")


def _opens_a_county(plain: str, at: int, words: Words) -> bool:
    """Whether the 于 right before `at` is no preposition but the first character of a county of the province
    written right before it ("新疆于田县", "江西于都县"): the county's whole name is the chain's, not 田县."""
    if plain[at - 1:at] != "于":
        return False
    before = plain[max(0, at - 5):at - 1].removesuffix("省")
    province = next((name for name in words.words("places.provinces") if before.endswith(name)), None)
    return province is not None and any(county_of(plain[at - 1:at - 1 + length], province) for length in (2, 3))


def _a_route_from_the_city(place: Place, plain: str) -> bool:
    """Whether the venue is a route that starts at the city ("济南至泰安高速公路", "北京到上海的航线", "北京开往石家庄
    的列车"): the city is one end of the route, written inside its name, not where the photo was taken."""
    if not (place.city and place.sublocation):
        return False
    venue = simplified(place.sublocation)
    return venue.startswith(ROUTE_WORDS) and simplified(place.city) + venue[:1] in plain
#: A scene sentence this short is a dateline ("纽约,1 月 5 日。"): the next sentence tells what the photo shows.
_DATELINE_LENGTH = 16


def _venue_above_the_trailer(place: Place, text: str, plain: str, first: tuple[int, int], words: Words,
                             patterns: dict) -> str | None:
    """The venue of the caption's first sentence when the scene's is a trailer line below it, a day, a word of
    taking and the places ("...上甘棠村山水如画...。 2014年12月31日摄影湖南永州", "...1996年01月拍摄于 台南市归仁区"):
    the line says where, the text above what; taken when the first sentence's places, if any, are the line's."""
    other = _place_in(text, plain, first[0], first[1], words, patterns, None)
    if not other.sublocation or other.sublocation == other.city:
        return None
    at = plain.find(simplified(other.sublocation), first[0], first[1])
    clause = max(plain.rfind(mark, first[0], at) for mark in "，, ") + 1 if at > first[0] else first[0]
    if at > 0 and plain[at - 1] == "的" and "是" in plain[clause:at]:
        return None  # "镇安府是蚊港聚落的信仰中心": what the place is, said of it, no venue of its own
    for mine, theirs in ((place.city, other.city), (place.province, other.province), (place.country, other.country)):
        if theirs and simplified(theirs) != simplified(mine or ""):
            return None
    return other.sublocation


#: The words of taking right after a trailer line's day ("2014年12月31日摄影湖南永州", "1996年01月拍摄于 台南市").
_TRAILER = compiled("[ \u3000]*(?:拍摄于|拍攝於|摄于|攝於|摄影于|攝影於|摄影|攝影)")


def _venue_of_the_moment(place: Place, text: str, plain: str, body: list[tuple[int, int]], scene: tuple[int, int],
                         words: Words, patterns: dict) -> str | None:
    """The venue of the sentence after the scene's when that one opens with the hour of the photo ("8时许,", "上午,")
    and names the scene's city again with a venue ("10月23日零时起,银川市...市民开始做核酸检测。8时许,银川兴庆区塞上
    骄子小区里,..."): the day's sentence set the background, the next the moment taken; or when it opens with 在 and
    names a venue and no place of its own ("申城梅雨暂停。在外滩游览区,游客..."): the venue in the scene's city;
    None otherwise."""
    following = next((s for s in body if s[0] >= scene[1]), None)
    if following is None:
        return None
    at = following[0]
    while at < following[1] and plain[at] in " \u3000":
        at += 1
    if plain.startswith("在", at):  # "申城连日的梅雨暂时停了。在外滩游览区,游客...": the next sentence says where
        other = _place_in(text, plain, following[0], following[1], words, patterns, None)
        if other.sublocation and not (other.city or other.province or other.country):
            return other.sublocation  # (a venue of no place of its own: one in the scene's city)
        return None
    opening = _venue_opening_inside(text, plain, at, following[1], words, patterns)
    if opening is not None:
        return opening
    moment = _A_MOMENT.match(plain, at, following[1]) or words.pattern("dates.times_of_day").match(
        plain, at, following[1])
    if moment is None or not plain.startswith(("，", ","), moment.end()):
        return None
    other = _place_in(text, plain, following[0], following[1], words, patterns, None)
    if other.sublocation and other.city and simplified(other.city) == simplified(place.city or ""):
        return other.sublocation
    return None


def _venue_opening_inside(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> str | None:
    """A named venue that opens the sentence at `at` with a word of being inside it ("申城阳光和暖。顾村公园里樱花
    盛开": the park in the scene's city), or None."""
    venue = venue_at(text, plain, at, end, words, patterns)
    if not venue or not plain.startswith(simplified(venue), at) or plain[at + len(venue):at + len(venue) + 1] not in (
            INSIDE) or generic_venue(venue, words) or _common_noun_venue(venue):
        return None
    return venue


#: An hour of the clock opening a sentence ("8时许", "9点半", "10时30分", "凌晨3时").
_A_MOMENT = compiled("[0-9０-９零〇一二三四五六七八九十两]{1,3}(?:时|点)(?:许|左右|半|[0-9０-９]{1,2}分)?")


def _venue_of_next(text: str, plain: str, body: list[tuple[int, int]], scene: tuple[int, int],
                   words: Words) -> str | None:
    """The venue of the sentence after a dateline ("纽约,1 月 5 日。...跑过科尼岛的木板步道"), scored as the scene
    sentence's own would be."""
    following = next((s for s in body if s[0] >= scene[1]), None)
    if following is None:
        return None
    return best_venue(text, plain, [(following[0], following[1], False)], words)


def _same_venue(one: str, other: str, words: Words) -> bool:
    """Whether two venue names name one venue: the same, or one's name before its venue word begins the other
    ("光雾山风景区" and "光雾山国家级风景名胜区": 光雾山 both)."""
    if one == other:
        return True
    core = _venue_core(one, words)
    return bool(core) and simplified(other).startswith(core)


def _venue_core(venue: str, words: Words) -> str:
    """A venue's own name, before its first venue word (光雾山 of 光雾山风景区), simplified; "" when shorter than two
    characters."""
    plain = simplified(venue)
    return next((plain[:m.start()] for m in words.pattern("places.venue").finditer(plain) if m.start() >= 2), "")


def _chain_of_context(place: Place, text: str, plain: str, others: list[tuple[int, int]], words: Words,
                      patterns: dict) -> None:
    """The city, province and country of a scene that names only a venue, from the first other sentence of the
    caption's body that names a city ("山亭区水泉镇的葡萄...成熟。\n图为:8月26日,在昌顺家庭农场,..."): a
    caption's context line says where its 图为 line is."""
    for start, end in others:
        if _YEAR_WRITTEN.search(plain, start, end) or words.pattern("credit.provided").search(plain, start, end):
            continue  # a sentence of history names other places; a credit line names its source's
        if words.pattern("places.route_ends").search(plain, start, end):
            continue  # "大桥北起某某市...,止于某某市...": the ends of the bridge, not where it was photographed
        other = _place_in(text, plain, start, end, words, patterns, None)
        if other.city and (SUFFIXED.search(simplified(other.city)) or f"{simplified(other.city)}市" in plain[
                start:end] or other.province and _chain_apart(other.province, other.city, place.sublocation)):
            # (a city written as a unit, 山亭区, 松原市, or after its province, 浙江青田: not a name read out of
            # other words, "青海湖西北岸")
            place.city, place.province, place.country = other.city, other.province, other.country
            if other.sublocation and _common_noun_venue(place.sublocation or ""):
                place.sublocation = other.sublocation  # "茶农在茶园里": a tea garden, unnamed; the context's site
            return


def _chain_apart(province: str, city: str, venue: str | None) -> bool:
    """Whether a province and the bare city after it are written apart from the scene's venue: "浙江青田" is a
    chain; "青海湖西北岸" holds the venue (青海湖), and 湖西 is no city read out of it."""
    return not venue or simplified(venue) not in simplified(province + city)


def _complete_elsewhere(place: Place, text: str, plain: str, body: list[tuple[int, int]],
                        scene: tuple[int, int], words: Words, patterns: dict) -> None:
    """Fill the scene's missing city and province from another sentence that names the scene's smallest place
    with its chain ("这是承德市双桥区..." then "河北省承德市双桥区利用..."; "在白音特拉村的..." then
    "在内蒙古乌兰察布市化德县白音特拉村..."): the same place, written with its larger units."""
    smallest = place.sublocation or place.city
    if not smallest:
        return
    for start, end in body:
        lies = _where_the_venue_lies(place, text, plain, (start, end), scene, words, patterns) if (
            (start, end) != scene) else None
        if lies is not None:  # "某某村是重庆市某某区...", "某某隧道位于某市某区...": where a place of the scene lies
            place.city, place.province = lies.city, place.province or lies.province
            place.country = place.country or lies.country
            return
        if (start, end) == scene:
            continue
        if smallest not in text[start:end] and not (
                place.sublocation and _venue_core(place.sublocation, words) in plain[start:end] and _venue_core(
                    place.sublocation, words)):
            # (the venue may be written longer there: "光雾山风景区", then "光雾山国家级风景名胜区")
            if place.city and not place.province and place.city in text[start:end]:
                # "余杭区某街道某村..." then "浙江省杭州市余杭区的春茶...": the scene's city with its chain, though
                # not its venue
                other = _place_in(text, plain, start, end, words, patterns, None)
                if other.province and (other.city == place.city or other.city and _written_below(
                        plain, start, end, simplified(other.city), simplified(place.city))):
                    place.province = other.province
                    return
            continue
        other = _place_in(text, plain, start, end, words, patterns, None)
        if place.sublocation and other.sublocation and _same_venue(place.sublocation, other.sublocation, words) and (
                not place.city) and (other.city or other.province or other.country):  # (else a later sentence may)
            place.city, place.province = other.city, place.province or other.province
            place.country = place.country or other.country
            return
        if place.city and other.province and (other.city == place.city or other.city and _written_below(
                plain, start, end, simplified(other.city), simplified(place.city))):
            # (a county written right below its city there: "陕西省延安市洛川县" for the scene's 洛川县)
            place.province = place.province or other.province
            return


#: A name of two to eight characters opening a sentence, then words that say where it lies ("某某村是某市某区某镇
#: 最偏远的村子", "某某隧道位于某市某区").
_LIES_AFTER_A_NAME = compiled(f"(?P<name>[{HAN}]{{2,8}}?)(?:是|位于|地处|坐落在|坐落于|坐落)")


def _where_the_venue_lies(place: Place, text: str, plain: str, sentence: tuple[int, int],
                          scene: tuple[int, int], words: Words, patterns: dict) -> Place | None:
    """The place of a sentence that opens with a place the scene's sentence names and says where it lies ("在某某村
    的草莓基地里..." then "某某村是重庆市某某区某某镇最偏远的村子"; "某某高铁某某隧道施工现场" then "某某隧道位于某市
    某区和某区交界处"): its chain, when it names a city; None otherwise, or when the scene has its city already."""
    if not place.sublocation or place.city:
        return None
    start, end = sentence
    at = start
    while at < end and plain[at] in " \t\u3000\n":
        at += 1
    found = _LIES_AFTER_A_NAME.match(plain, at, end)
    if found is None or found.group("name") not in plain[scene[0]:scene[1]]:
        return None
    stop = found.end()
    while stop < end and plain[stop] not in "，,。；;":
        stop += 1
    lies = _place_in(text, plain, found.end(), stop, words, patterns, None)
    return lies if lies.city else None


def _city_of_its_old_town(venue: str, words: Words) -> str | None:
    """The city a venue is the old town of ("喀什古城", "大理古城": places.old_town): a city the gazetteer knows, as
    written, then only that word (and 景区, its scenic area); None otherwise ("台儿庄古城" names no city)."""
    name = simplified(venue)
    for word in words.words("places.old_town"):
        at = name.find(word)
        if at >= 2 and name[at + len(word):] in ("", "景区") and known_city(name, 0, at) == at:
            return venue[:at]
    return None


def _city_of_the_district(district: str, text: str, plain: str) -> str | None:
    """The city a district standing in for the city belongs to, when the caption writes the district's bare name
    right after a city's elsewhere ("在合肥滨湖邂逅..." for the scene's 滨湖新区): the city, as written there; None
    when the scene's city is no district (区, 新区) or no city is written before its name. A county (县) keeps its
    place as the city, as the contract's stand-in does."""
    name = simplified(district)
    suffix = next((s for s in _DISTRICT_SUFFIXES if name.endswith(s)), None)
    if suffix is None or len(name) - len(suffix) < 2 or name.endswith(_NOT_A_DISTRICT):
        return None
    bare = name[: len(name) - len(suffix)]
    at = plain.find(bare)
    while at >= 2:
        before = at - (plain[at - 1] == "市")
        for length in (4, 3, 2):
            if before - length >= 0 and known_city(plain, before - length, before) == before:
                return text[before - length:before]
        at = plain.find(bare, at + 1)
    return None


#: The suffixes of a city's districts, and the units ending like them that are none (自治区 is a province).
_DISTRICT_SUFFIXES = ("新区", "区")
_NOT_A_DISTRICT = ("自治区", "特别行政区", "地区", "管理区")


def _written_below(plain: str, start: int, end: int, city: str, county: str) -> bool:
    """Whether `county` is written right after `city` and its suffix in plain[start:end] ("延安市洛川县"): one chain,
    the county inside the city."""
    at = plain.find(city, start, end)
    return at >= 0 and plain.startswith(county, at + len(city) + (plain[at + len(city):at + len(city) + 1] == "市"))


def _place_in(text: str, plain: str, start: int, end: int, words: Words, patterns: dict,
              date: ChineseDate | None) -> Place:
    lead = _HEADLINE_MARKS.match(plain, start)
    position = lead.end() if lead else start
    headline = _run_in_headline(plain, position, date) if date is not None and start <= date.start < end else None
    if headline is not None:  # "航拍福建土楼 5月3日拍摄的南靖县...": a headline run into the sentence by a space
        place = _place_in(text, plain, headline, end, words, patterns, date)
        return _completed_by_headline(place, _place_in(text, plain, position, headline, words, patterns, None))
    if date is not None and start <= date.start < end and plain[position:date.start].strip(" ,，\u3000") in (
            "", "这是"):  # (",9月26日青衣": a comma left where a credit was cut out)
        position = date.end  # "9月5日晚,北京,国家会议中心," : the place list after the date
        times = words.pattern("dates.times_of_day")
        while position < end:  # the time of day, a comma: "9月5日晚,北京", "当地时间上午，" (words, not
            # characters: "7月29日,中国香港选手" keeps its 中)
            if plain[position] in ",， \u3000":
                position += 1
                continue
            time_of_day = times.match(plain, position, end)
            if time_of_day is None:
                break
            position = time_of_day.end()
    elif plain.startswith(words.words("places.time_openers"), position):  # (a cheap test before the pattern)
        opener = words.pattern("places.time_openers").match(plain, position, end)
        if opener is not None and opener.end() < end and han_char().match(plain, opener.end()):
            position = opener.end()  # "一年一度多伦多的...": the place follows the words of time
    best: tuple[list[Element], str | None] | None = None
    from_first = False
    passed = {m.end() for m in words.pattern("places.passing").finditer(plain, start, end)}
    starts = [position] + sorted({m.end() for m in words.pattern("places.before_place").finditer(
        plain, start, end)} | passed | _after_apposed_kinds(plain, start, end, words) | (
        _departure_starts(plain, start, end, words) if "从" in plain[start:end] else set()) | (
        _after_a_waterside(plain, start, end, patterns)))
    # (after a verb of passing or visiting too: "游客乘船游览泰国丹嫩沙多水上市场")
    starts = [s + 2 if plain[s:s + 1] == "整" and plain[s:s + 2] in _THE_WHOLE else s for s in starts]
    # ("俯瞰整个头顿市": the whole of the place, whose name follows)
    starts = [s + 1 if plain[s:s + 1] in _PRESENT_DAY and _a_present_days_name(plain, s + 1, words) else s
              for s in starts]  # ("位置在今新北市新店区": present-day 新北, whose name follows 今)
    other_time = _FUTURE.search(plain, start, end) is not None  # (most sentences: no word of another time)
    leads = longer_than_one(words.words("places.before_place"))
    starts = [position] + [s for s in starts[1:] if not (
        other_time and _a_future_clause(plain, start, s)) and not _opens_a_county(plain, s, words) and not (
        plain.startswith(leads, s))]  # ("在位于安徽蚌埠的...": the place begins after 位于, not after 在; a word of
    # one character after 在 may begin the name, "在于都县")
    capitals = _after_a_capital_word(plain, start, end, starts, words)
    if capitals:  # "在首都坎帕拉", "位于首府里尔的": a capital's name after the word, where a place begins
        starts = [position] + sorted(set(starts[1:]) | capitals)
    praised = _epithets(plain, start, end, words)  # (most sentences: none, and nothing more is done)
    if praised:  # "素有“辽阳后花园”之称的十里画廊景区": no chain begins inside what the place is called
        starts = [s for s in starts if not any(a <= s < b for a, b in praised)]
    chains: dict[int, tuple[list[Element], str | None]] = {}
    # (the chain read from each start: the loops below try many starts twice, and a chain read from one start to
    # `end` is the same each time, as nothing changes its elements until the loops are done)

    def chain_at(at: int) -> tuple[list[Element], str | None]:
        if at not in chains:
            chains[at] = chains[at - 1] if at - 1 in chains and _reads_as_before(plain, at, words) else read_chain(
                text, plain, at, end, words, patterns)
        return chains[at]

    listed = False
    event_province: list[Element] = []
    event_chain: list[Element] = []
    for number, at in enumerate(starts):
        elements, venue = chain_at(at)
        if venue == A_LIST:  # several places listed: only what holds them all is the scene's
            best, listed = (elements, None), True
            break
        if number == 0 and _modifier(plain, elements, venue, end, words):
            continue  # "美国参谋长...": a country that qualifies a title, not the scene
        if elements and not venue:
            main = _after_a_clause_of_time(plain, elements, end)
            main_chain = read_chain(text, plain, main, end, words, patterns) if main is not None else ([], None)
            if main_chain[0]:  # "某军进攻乌克兰后,乌克兰首都基辅市居民...": the place of what came before is no scene
                elements, venue = main_chain  # when the main clause opens with one of its own
        if number == 0 and elements and _an_event_held_at_a_later_place(plain, elements[-1].end, starts[1:], end,
                                                                        words):
            event_province, event_chain = [e for e in elements if e.level == "province"][:1], elements
            continue  # "某某州成立70周年庆祝大会在某某市举行": the place names the event; 在 places it (its
            # province, the event's, holds the later place when that names none)
        if elements or venue and (best is None or not best[1] or at in passed and from_first):
            # (a venue alone: the first one, "在人民大会堂开幕,记者在...大会堂"; but the one a verb of passing
            # leads to rather than the sentence's subject: "钱塘江大潮涌过盐官观潮公园一带")
            from_first = number == 0
            best = (elements, venue)
            if elements:
                if venue is None:  # "广东深圳,机器人在华大时空中心...作业": the venue after a later 在
                    best = (elements, _venue_after(text, plain, starts[number + 1:], end, words, patterns,
                                                   elements))
                    if best[1] is None:  # "合肥市大雨倾盆,在包河区芜湖路街道友谊社区,...": the units below it
                        best = _chain_below(text, plain, starts[number + 1:], end, words, patterns, elements,
                                            _clause_starts(plain, elements[-1].end, end))
                if event_province and _of_the_events_province(event_province[0], event_chain, best[0]):
                    best = (event_province + best[0], best[1])
                elif event_chain and all(e.level == "town" for e in best[0]):
                    best = (_units_above_its_towns(event_chain) + best[0], best[1])
                break
    if not listed and (best is None or not best[0]):
        starts = _boundaries(plain, start, end, words)  # "青山绿水环抱的汝城县...", "驶过甘肃兰州新区..."
        for at in chained(starts, (s for s in _big_city_starts(plain, start, end) if s not in starts)):
            if other_time and _a_future_clause(plain, start, at):
                continue
            if praised and any(a <= at < b for a, b in praised):
                continue
            if at not in chains and plain[at] not in QUOTES and no_unit_from(text, plain, at, end, words, patterns):
                continue  # (most starts here: no unit, and a venue read alone is dropped below but for a quoted one)
            elements, venue = chain_at(at)
            if venue == A_LIST or elements and at > start and plain[at - 1] == "、" or elements and not venue and (
                    _an_item_of_a_list(text, plain, elements[-1].end, end, words, patterns)):
                best, listed = (elements if venue == A_LIST else [], None), True
                break  # ("前往大安、文山区进行...": the last of a list of places is no more the scene than the first;
                # "河北蔚县剪纸、天津杨柳青木板年画": nor is a place that names the first of a list of things)
            if elements and not _modifier(plain, elements, venue, end, words) or venue and plain[at] in QUOTES:
                best = (elements, venue)  # (a quoted landmark, after the words a place follows: "拍摄的“中国天眼”")
                if elements and not venue:  # "深南大道被视为深圳的名片": the venue the sentence opens with
                    first = _HEADLINE_MARKS.match(plain, start)
                    first_at = first.end() if first else start
                    opening = venue_at(text, plain, first_at, end, words, patterns)
                    if opening and plain.startswith(simplified(opening), first_at) and (
                            first_at + len(opening) <= at) and (
                            not words.pattern("places.beside").match(plain, first_at + len(opening), end)):
                        best = (elements, opening)  # (not one the scene is only beside: "天山脚下,乌鲁木齐市城区")
                break
    if not listed and (best is None or not best[0] and not best[1]):
        best = _venue_anywhere(text, plain, start, end, words, patterns)
        if not best[0] and not best[1]:  # "拍下什邡蓥华镇麻柳坪村的全景": a town's village inside a clause
            best = (_village_of_a_town(text, plain, start, end, words, patterns), None)
    elif listed and best is not None and not best[1]:
        # "常泰长江大桥把江苏常州和泰州两市连在一起": the places listed are no scene, but a venue named before
        # them is; what holds the list (江苏) stays
        found = _venue_anywhere(text, plain, start, end, words, patterns)
        if found[1] and not found[0] and 0 <= plain.find(simplified(found[1]), start, end) < min(
                (e.start for e in best[0]), default=end):  # ("深南大道...贯穿罗湖、福田和南山区")
            best = (best[0], found[1])
    assert best is not None  # a list always sets best, and so does _venue_anywhere
    elements, venue = best
    if elements and not listed:
        elsewhere = _where_its_people_are(text, plain, elements, end, words, patterns)
        if elsewhere is not None:  # "西藏某某县某某乡的牧民们在拉萨布达拉宫广场...": the people's home, then the scene
            elements, venue = elsewhere
    named = plain.find(simplified(venue), start, end) if venue else -1
    if venue and not elements and not listed and named >= 0:
        inner = _chain_inside_the_run(text, plain, named, named + len(venue), words, patterns)
        if inner is not None:  # "游客聚集文昌淇水湾": the city inside the run read as a venue is the scene's
            elements, venue = inner
            named = plain.find(simplified(venue), start, end)
    members_body = bool(venue) and named >= 0 and _a_named_member(plain, named + len(venue or ""), end, words)
    if elements and not venue and not listed and elements[-1].level == "country":
        pavilion = _a_countrys_pavilion(plain, elements[-1], end, words)
        if pavilion is not None:  # "圖為在某国展館,觀眾...": the country names the expo's pavilion, no scene
            elements, venue = elements[:-1], text[elements[-1].start:pavilion]
    if elements and not venue and not listed:
        venue = _venue_opening_next_clause(text, plain, elements[-1].end, end, words, patterns)
    if elements and not venue and not listed:  # a venue elsewhere in the sentence, scored ("...,布达拉宫美如画卷")
        venue = best_venue(text, plain, [(elements[-1].end, end, False)], words)
        if venue and any(e.value == venue for e in elements):
            venue = None  # "河北唐山,在唐山轨道客车有限公司...": a unit of the chain written again (山 a venue word)
    if venue and elements and not plain.startswith(simplified(venue), elements[-1].end) and _its_people_follow(
            plain, venue, elements[-1].end, end, words):
        venue = None  # "在华盛顿举行的春节晚会上,某某舞蹈学校的学生跳起舞蹈": the school the pupils come from, named
        # after the scene the chain read, is no site of it
    if elements and not venue and not listed and elements[-1].level in ("city", "place", "county"):
        village = _village_of_a_town(text, plain, elements[-1].end, end, words, patterns)
        if village:  # "福州长乐,几百年来,江田镇三溪村始终...": a town's village later in the city's sentence
            venue = village[-1].value
    if venue and elements:
        # "美国驻华大使馆下半旗", "法国驻广州总领事馆门前": the country sends the mission; with the places after it, it
        # is the venue's name, not the scene's chain
        elements, venue = _the_mission(elements, venue, text, plain, words)
    if len(elements) > 2 and elements[-1].level == "county" and elements[-2].level in ("city", "place") and (
            _an_area_abroad(elements[-1].value, elements)):
        elements[-1].level = "town"  # "日本东京新桥地区": an area of a foreign city is a site of it, below the city
    chain = Chain("chinese", list(reversed(elements)))  # smallest first, as resolve() reads chains
    place, sub_admin = resolve(chain)
    if place.province and _a_city_above_its_city(place.province, elements):
        place.province = None  # "大连庄河市鞍子山乡": the prefecture-level city above its county-level one, no province
    if place.city and not any(e.level in ("city", "county", "place") for e in elements) and simplified(
            place.city).endswith(TOWN_SUFFIXES):
        # "浙江乌镇", "安徽宏村": a town or a village under its province is no city (the contract's city, or the
        # county standing in for it); it is the place named, and the city is left unsaid
        place.city, sub_admin = None, sub_admin or place.city
    if sub_admin and place.city and any(e.level == "county" and e.value == sub_admin for e in elements) and not (
            _A_ZONE.search(simplified(sub_admin))):
        # "贵州省安顺市西秀区一处年货市场": a county or a district of the city named is no site of its own (the
        # contract's sublocation is a venue or a site: a park, a street, a village); a zone is (吉林市高新南区)
        sub_admin = None
    if venue and elements and _common_noun_venue(venue) and not plain.startswith(
            simplified(venue), elements[-1].end):
        venue = None  # "孟庄镇尚岩村的农民在果园里": an orchard, unnamed; the village is the place named (and
        # "福建晋江,工人在鞋厂...": a shoe factory, unnamed; the city is)
    if venue and (sub_admin or not elements or _after_of(plain, venue, start, end)) and generic_venue(venue, words):
        venue = None  # "村民在...田坝社区茶叶基地", "游客在古城景区": a kind of place, not a named one; the town or the
        # village before it is the place named (but a city's zone is named by the city: "公主岭市现代农业示范区")
    if venue and sub_admin and _a_zone_of_the_village(plain, elements, venue, words):
        venue = None  # "花垣镇依溪村油菜冬种核心示范区里": the village's own zone, named by what is grown there
    place.sublocation = None if members_body else venue or sub_admin
    if elements and len(elements) > 1:
        _taiwan_levels(place, elements, words)
    if elements and place.city is None:
        _township_alone(place, elements, plain, start, words)
    # ("绵竹市九龙镇中心小学一年级学生李欣洋在专列上": the pupil's school, and its town, are no site of the scene; the
    # city and the province around them are kept, where the pupil is from if not the scene)
    if place.province is None and place.country is None:
        _city_of_district(place, elements, text, words)
    if venue and place.city is None and _held_in_a_city(plain, start, end, simplified(venue), words):
        place.city, place.sublocation = venue, sub_admin  # "大赛在韶山举办": an event is held in a city
    if place.city is None and place.province is None and place.country is None:
        place.city = _abbreviated_city(text, plain, start, end, words)
    if place.city is None and place.province is None and place.country is None and date is not None:
        place.city = _dateline_city(text, plain, position, date)
    if place.city is None and place.province is None and place.country is None and date is not None and (
            _opens_a_clause_after_words(plain, position, date)):
        # "锣鼓敲得铿锵、秧歌扭得欢快……2月24日上午,某某市某镇首届文化节在某街展演": the words before the dated clause
        # name no place, and the chain the date opens is the scene's, read as if the sentence began at the date
        dated = _place_in(text, plain, date.start, end, words, patterns, date)
        if dated.city is not None:
            return dated
    if place.sublocation and place.city and simplified(place.sublocation) == simplified(place.city):
        place.sublocation = None  # "在小城克山,": the city read twice (山 a venue word) is no site of its own
    return place


#: What makes the words after a place the name of an event held elsewhere in the clause: its edition (首届, 第八届)
#: or its anniversary (成立70周年); with places.events, a word of the event itself (庆典, 文化节).
_AN_EVENTS_NAME = compiled("首届|第[0-9一二三四五六七八九十百]{1,4}届|成立[0-9一二三四五六七八九十]{1,4}周年|周年")


def _an_event_held_at_a_later_place(plain: str, chain_end: int, later: list[int], end: int, words: Words) -> bool:
    """Whether the place a sentence opens with only names the event that is its subject, which a later 在 places
    where it is held ("青海省某某州成立70周年庆祝大会在某某市举行", "某某镇首届摄影节在某某县某某村开幕"): an
    edition's or an anniversary's word follows the place in the same clause, before the 在 (or 于) of a later start,
    and a word of holding (places.held) follows that start in the clause. The later place is the scene's."""
    clause_end = chain_end
    while clause_end < end and plain[clause_end] not in "，,。；;！!？?\n":
        clause_end += 1
    held_at = next((at for at in later if chain_end < at < clause_end and plain[at - 1] in "在于"), None)
    if held_at is None or not _AN_EVENTS_NAME.search(plain, chain_end, held_at):
        return False
    return words.pattern("places.held").search(plain, held_at, clause_end) is not None


def _of_the_events_province(province: Element, event: list[Element], elements: list[Element]) -> bool:
    """Whether the place an event is held at, a chain naming no province or country, is a unit the event's name
    named below its province ("青海省玉树藏族自治州成立70周年大会在玉树藏族自治州举行"), or a county or a county-level
    city of that province ("...在玉树市举行": 玉树 is Qinghai's); not a city of another
    ("浙江省首届茶文化节在北京开幕")."""
    if not elements or any(e.level in ("province", "country") for e in elements):
        return False
    if any(simplified(e.value) == simplified(elements[0].value) for e in event):
        return True
    name = _A_UNITS_SUFFIX.sub("", simplified(elements[0].value))
    return 2 <= len(name) <= 3 and county_of(name, _A_PROVINCES_SUFFIX.sub("", simplified(province.value)))


def _after_a_clause_of_time(plain: str, elements: list[Element], end: int) -> int | None:
    """Where the main clause begins when a chain of a country or a province alone closes a clause of time before it
    ("某军进攻乌克兰后,", "抵达美国之后,": 后, 之后 or 以后 and a comma right after it), else None. The place of what
    came before is no scene when the main clause opens with its own."""
    if any(e.level not in ("country", "province") for e in elements):
        return None
    after = elements[-1].end
    for word in _AFTER_WORDS:
        comma = after + len(word)
        if plain.startswith(word, after) and comma + 1 < end and plain[comma] in ",，":
            return comma + 1 + (len(plain[comma + 1:end]) - len(plain[comma + 1:end].lstrip(" \u3000")))
    return None


#: The words that close a clause of time ("after ..."), each followed by a comma.
_AFTER_WORDS = ("后", "之后", "以后")


def _units_above_its_towns(event: list[Element]) -> list[Element]:
    """The units of an event's place above its towns, when the event names a city or a county ("某某市某镇首届文化节
    在某镇某村举行", "某某市首届龙舟节在某镇某街开幕"): a town or a village the event is held in, named with no unit
    above it, is one of the event's city; none when the event names no city nor county (a province alone, or a
    town)."""
    units = [e for e in event if e.level in ("province", "city", "county", "place")]
    return units if any(e.level in ("city", "county", "place") for e in units) else []


_A_UNITS_SUFFIX = compiled("(?:市|县|区|旗)$")
_A_PROVINCES_SUFFIX = compiled("(?:省|维吾尔自治区|壮族自治区|回族自治区|自治区)$")


def _a_city_above_its_city(province: str, elements: list[Element]) -> bool:
    """Whether the province resolve() read is a city of China written bare right before a city written with 市
    ("大连庄河市", "广安华蓥市", "苏州昆山市": the prefecture-level city, then the county-level city it holds): the
    chain names two cities, and the contract's city is the smaller one; no province is named. A name a chain
    reads as a province (山东曲阜市) is no bare place, and a place abroad (a state before its city) is not a city
    of China the gazetteer knows."""
    for above, below in zip(elements, elements[1:]):
        if above.value != province or above.level != "place" or below.level != "city" or above.end != below.start:
            continue
        name = simplified(above.value)
        population, country = chinese_name_cities(name)
        return country in GREATER_CHINA and population > 0 or chinese_city_population(name) > 0
    return False


#: Words of the whole of a place written before its name ("俯瞰整个头顿市"): no name begins with them.
_THE_WHOLE = frozenset({"整个", "整座", "整片"})


def _epithets(plain: str, start: int, end: int, words: Words) -> list[tuple[int, int]]:
    """The quoted epithets of the sentence (start, end of what the quotes hold): quotes a word of praise follows
    ("“辽阳后花园”之称", "「中国雪乡」美誉"), holding what a place is called, not where the scene is. Empty (the
    usual case) when the sentence has no closing quote."""
    praise = words.words("places.epithets")
    found: list[tuple[int, int]] = []
    for opening, closing in _EPITHET_QUOTES:
        close = plain.find(closing, start, end)
        while close >= 0:
            if plain.startswith(praise, close + 1):
                opened = plain.rfind(opening, start, close)
                if opened >= 0:
                    found.append((opened + 1, close))
            close = plain.find(closing, close + 1, end)
    return found


#: The quotation marks an epithet is written in.
_EPITHET_QUOTES = (("“", "”"), ("「", "」"))


def _an_area_abroad(name: str, elements: list[Element]) -> bool:
    """Whether a name ending in 地区 below a city lies in a foreign country the chain names ("日本东京新桥地区"): there
    地区 is an area of the city, a site, as China's 地区 (阿克苏地区) is a prefecture, no site."""
    return simplified(name).endswith("地区") and any(
        e.level == "country" and simplified(e.value) not in CHINA_NAMES for e in elements)


#: At most this many characters between a country and the mission's venue word ("驻" and a place: "驻乌兰巴托").
_MISSION_GAP = 8
#: Characters that end a mission's name before its venue word: a clause goes on.
_NO_MISSION = frozenset("在于,，、。;；")


def _the_mission(elements: list[Element], venue: str, text: str, plain: str,
                 words: Words) -> tuple[list[Element], str]:
    """The chain and the venue, with a mission a country sends abroad read as the venue: "美国驻华大使馆" (a
    country, 驻, the venue), "法国驻广州总领事馆" (the city it sits in is part of its name). Unchanged otherwise."""
    for number, element in enumerate(elements):
        if element.level == "country" and plain.startswith(words.words("places.mission_openers"), element.end):
            found = plain.find(simplified(venue), element.end)
            if found < 0 or found - element.end > _MISSION_GAP or any(ch in _NO_MISSION for ch in plain[
                    element.end:found]):
                return elements, venue  # ("美国驻军在冲绳基地演习": troops stationed, the venue elsewhere)
            return elements[:number], text[element.start:found] + venue
    return elements, venue


#: A pavilion's word right after a country's name, "某国馆", "某国展馆", "某国国家馆": an expo's pavilion that the
#: country names.
_PAVILION = compiled("(?:国家)?展?馆")


def _a_countrys_pavilion(plain: str, country: Element, end: int, words: Words) -> int | None:
    """Where the pavilion a country's name opens ends ("在瑞士展館,", "香港館門前排起長龍", "在沙特馆参观"): the
    country's name, then only 馆, 展馆 or 国家馆, then the name's end (a stop, a word of position, what is done at
    a venue); None when a name or a word goes on ("中国馆藏文物": the collection, no pavilion)."""
    found = _PAVILION.match(plain, country.end, end)
    if found is None:
        return None
    after = found.end()
    if after < end and plain[after] not in STOPS and plain[after] != "门" and not plain.startswith(
            words.words("places.after_venue"), after):
        return None
    return after


def _taiwan_levels(place: Place, elements: list[Element], words: Words) -> None:
    """Taiwan's levels as the contract labels them: 台湾 opening a chain of places below it is the country written
    ("台灣台南市柳營區"), and a county of Taiwan (``places.taiwan_counties``) right before a township (乡, 镇) is the
    province, the township the city ("雲林縣虎尾鎮", "花蓮光復鄉"); a county's city stays the city alone, the most
    specific ("彰化縣彰化市": 彰化)."""
    top = elements[0]
    if top.level == "province" and simplified(top.value) in _TAIWAN and place.province == top.value:
        place.province, place.country = None, place.country or top.value
    counties = words.set("places.taiwan_counties")
    for county, below in zip(elements, elements[1:]):
        if below.start != county.end or simplified(county.value).removesuffix("县") not in counties:
            continue
        written = simplified(below.value)
        if written in taiwan_townships(county.value, words) and below.level == "town":
            # "宜蘭頭城", "嘉義布袋新塭嘉應廟": a township written bare after its county is the city; a county written
            # bare is no province for certain, since each county but 澎湖, 金門 and 連江 has a city of its name
            if place.sublocation == below.value:
                place.sublocation = None
            place.city = below.value
            place.province = county.value if simplified(county.value).endswith("县") else None
            return
        if written.endswith(("乡", "镇")) and below.level in ("town", "place", "county"):
            if place.sublocation == below.value:
                place.sublocation = None  # (the township is the city now, no site of its own)
            place.province, place.city = county.value, below.value
            return


def _township_alone(place: Place, elements: list[Element], plain: str, start: int, words: Words) -> None:
    """A township of Taiwan (``places`` table taiwan_townships) read alone with its suffix, as Taiwan's script
    writes it (鄉, 鎮), where the scene is: after 在 ("在鹿谷鄉素有糧倉之稱的某村") or right before the site named
    below it ("虎尾鎮北溪里"). It is the city, as a township is under its county ("雲林縣虎尾鎮"). Standing alone as
    a sentence's subject a township is often its office or its people ("某某鄉公所", "鄉親", "鄉長"), which the
    labels leave without a city, so it is not read there; a mainland town named alike (太平镇) is written 镇."""
    township = elements[0]
    if township.level != "town" or not township.value.endswith(_TOWNSHIP_SUFFIXES) or not a_taiwan_township(
            simplified(township.value)[:-1], words):
        return
    after_at = township.start > start and plain[township.start - 1] == "在"
    site = place.sublocation
    site_below = len(elements) > 1 and elements[1].start == township.end or site is not None and (
        site != township.value and plain.startswith(simplified(site), township.end))
    if after_at or site_below:
        if place.sublocation == township.value:
            place.sublocation = None
        place.city = township.value


#: Taiwan as captions write it, simplified (台灣, 臺灣).
_TAIWAN = frozenset({"台湾"})
#: A township's suffixes as Taiwan's captions write them, in traditional characters (鄉, 鎮).
_TOWNSHIP_SUFFIXES = ("鄉", "鎮")


def _abbreviated_city(text: str, plain: str, start: int, end: int, words: Words) -> str | None:
    """A city written by its one-character short name after 在, where an event is held ("活动在京开幕", "在沪举行":
    places.city_abbreviations), as written; None when the sentence holds no such phrase. Only an event's word or a
    stop may follow, so the character is no first one of a longer name ("在京东购物")."""
    made = words._made.get(("abbreviated_city",))
    if made is None:
        short = "".join(words.words("places.city_abbreviations"))
        made = words._made[("abbreviated_city",)] = compiled(
            f"在([{short}])(?=(?:{words.any('places.held')})|[,，。；;])") if short else compiled("(?!)")
    found = made.search(plain, start, end)
    return text[found.start(1):found.end(1)] if found else None


_DATELINE = compiled(f"([{HAN}]{{2,5}})[ \u3000]*[,，][ \u3000]*$")


def _run_in_headline(plain: str, position: int, date: ChineseDate) -> int | None:
    """Where the caption proper begins when a headline runs into its first sentence, set apart by a space alone
    ("航拍福建土楼 5月3日拍摄的...", "重庆:山城雾景 5月3日,渝中半岛..."): the words after the last space
    before the photo's date are none (or 这是), and the headline holds no stop of a sentence; else None."""
    space = max(plain.rfind(" ", position, date.start), plain.rfind("\u3000", position, date.start))
    if space <= position or plain[space + 1:date.start].strip(" ,，\u3000") not in ("", "这是"):
        return None
    words_before = plain[position:space].strip(" \u3000")
    if not words_before or len(words_before) > _HEADLINE_LENGTH or any(ch in _HEADLINE_BREAKS for ch in words_before):
        return None
    return space + 1


def _opens_a_clause_after_words(plain: str, position: int, date: ChineseDate) -> bool:
    """Whether the photo's date opens a clause of the sentence after words of its own ("锣鼓敲得铿锵……2月24日上午,",
    "春节将至,2月5日,"): a clause's comma or an ellipsis right before the date, and words before it."""
    if not position < date.start < len(plain) or date.background or date.vague:
        return False
    before = plain[position:date.start].rstrip(" \u3000")
    return len(before) > 1 and before[-1] in _CLAUSE_ENDS_BEFORE_A_DATE


#: What ends a clause right before a photo's date that opens the next one: a comma or an ellipsis.
_CLAUSE_ENDS_BEFORE_A_DATE = frozenset(",，…")


#: The longest headline read apart from the caption it runs into, and what a headline never holds (a clause's
#: comma, a sentence's stop): "10月14日 ,在..." has a space after no headline.
_HEADLINE_LENGTH = 30
_HEADLINE_BREAKS = frozenset("，,。；;")


def _completed_by_headline(place: Place, headline: Place) -> Place:
    """The scene's place, with the city and province of its headline when the scene names neither ("重庆:山城雾景
    5月3日,渝中半岛..."), or the province alone when the headline names a province and no other city ("航拍福建土楼
    ...南靖县...", "江西崇义:... 崇义县..."): the headline says where the story is, the sentence what the photo
    shows."""
    if place.city is None and place.province is None and place.country is None:
        place.city, place.province, place.country = headline.city, headline.province, headline.country
    elif place.province is None and place.country is None and headline.province and (
            headline.city is None or simplified(place.city or "").startswith(simplified(headline.city))):
        place.province = headline.province  # (the same city, written with its suffix below: 崇义, 崇义县)
    return place


def _after_a_capital_word(plain: str, start: int, end: int, starts: list[int], words: Words) -> set[int]:
    """Where a word of a capital (places.capital: 首都, 首府, 省会) ends that stands where a place begins
    ("在首都坎帕拉", "位于首府里尔的议会厅", its country or region named before or not at all), as starts of a
    chain: the capital's name follows. (Right after its country or province, "俄罗斯首都莫斯科", the word goes on
    that chain instead.)"""
    capital = words.words("places.capital")
    if all(plain.find(word, start, end) < 0 for word in capital):
        return set()  # (a cheap test first: most sentences name no capital)
    return {at + len(word) for at in starts if plain.startswith(capital, at)
            for word in capital if plain.startswith(word, at)}


def _after_apposed_kinds(plain: str, start: int, end: int, words: Words) -> set[int]:
    """Where a kind of place ends that a place's name follows in apposition ("千年古城西安", "古镇乌镇":
    places.apposed), as starts of a chain; none where the kind ends its clause or is itself a name's end (乌镇古镇)."""
    if plain.find("古", start, end) < 0 and all(plain.find(word, start, end) < 0 for word in _APPOSED_CHEAP):
        return set()  # (a cheap test, with no copy of the sentence: most sentences hold none)
    return {m.end() for m in words.pattern("places.apposed").finditer(plain, start, end)
            if m.end() < end and han_char().match(plain, m.end()) and (
                m.start() == start or not _names_before(plain, m.start()))}


def _after_a_waterside(plain: str, start: int, end: int, patterns: dict) -> set[int]:
    """Where a lake's, a river's or the sea's side ends (湖畔, 江边, 河岸) that a county or a county-level city written
    with its suffix follows, a name the gazetteer or the county readings know ("候鸟栖息在鄱阳湖畔南昌县五星垦殖场":
    the county by the lake, then its site), as starts of a chain; the waterside alone is read as a venue before the
    county, which swallows it."""
    first = _A_WATERSIDE.search(plain, start, end)
    if first is None:
        return set()  # (most sentences name no waterside)
    found = set()
    for side in _A_WATERSIDE.finditer(plain, first.start(), end):
        at = side.end()
        unit = patterns["units"].match(plain, at, end) if at < end else None
        if unit is None or not a_county_follows(plain, at, end, patterns):
            continue
        name = plain[at:unit.end() - 1]
        if 2 <= len(name) <= 3 and (chinese_county_provinces(name) or cjk_population(name) or (
                suffixed_population(name))):
            found.add(at)
    return found


#: A waterside: a lake's, a river's or the sea's side.
_A_WATERSIDE = compiled("[湖江河海溪][畔边岸]")


#: The kinds of places.apposed that hold no 古 (what the cheap test above looks for besides it).
_APPOSED_CHEAP = ("小城", "小镇", "水乡", "名城", "边城", "山城")


def _names_before(plain: str, at: int) -> bool:
    """Whether a place's name the gazetteer knows ends right before `at` ("乌镇古镇": the kind names that place)."""
    return any(cjk_population(plain[at - length:at]) > 0 for length in (2, 3) if at - length >= 0 and (
        han_char().match(plain, at - length)))


def _a_future_clause(plain: str, start: int, at: int) -> bool:
    """Whether the clause before `at` says what will happen or what was ("港队将在...在残奥村举行升旗仪式", "不同于以往
    在香港大球场"): the place of an event to come or gone, not of the photo."""
    clause = next((i + 1 for i in range(at - 1, start - 1, -1) if plain[i] in HARD_STOPS), start)
    return bool(_FUTURE.search(plain, clause, at))


#: Words that put a clause in the future ("将在", "将于", "即将") or the past ("以往在", "曾在"): a place after them
#: is where something will be or was, not the photo's (not 将 of a general's rank or a player: "上将在首尔会面"). (The
#: look-ahead for the words' first characters lets a search pass the characters none begins with in one test.)
_FUTURE = compiled("(?=[将即以曾原过])"
                     "(?:(?<![上中少大主武名猛老干战])将[在于赴]|即将|以往在|以前在|曾经在|曾在|原在|过去在)")


def _dateline_city(text: str, plain: str, position: int, date: ChineseDate) -> str | None:
    """A name written alone before the date, as a dateline ("华盛顿,1 月 9 日,..."): the city, when the gazetteer
    knows a city of that name, whatever its size (the position vouches for it as a bare name's size would not)."""
    if not position <= date.start or date.start - position > 8:
        return None
    match = _DATELINE.fullmatch(plain, position, date.start)
    if match is None or not cjk_population(match.group(1)):
        return None
    return text[match.start(1):match.end(1)]


def _city_of_district(place: Place, elements: list[Element], text: str, words: Words) -> None:
    """A district of a city-state in the chain (旺角, 元朗区): the city is the city-state, the district the
    sublocation when no venue is named (the contract's "Yuen Long": city Hong Kong, the district its place)."""
    for element in reversed(elements):
        bare = re.sub("[区區]$", "", element.value)
        city = city_state_district(bare, words) if len(bare) >= 2 else None
        if city is None or place.city not in (None, element.value):
            continue
        place.city = as_written(city, text)
        place.sublocation = place.sublocation or element.value
        return


def _village_of_a_town(text: str, plain: str, start: int, end: int, words: Words,
                       patterns: dict) -> list[Element]:
    """The village that follows a town's suffix inside a clause, where no place phrase begins ("拍下什邡蓥华镇麻柳坪村
    的全景", "...乡X村"): a village written right after a town is a place, whatever words come before the town,
    and its name begins where the town's suffix ends; where the town's own name begins is unsure, so the town is
    not read, and a bare county before it (什邡) only when it is a county's name of two characters right before a
    town's of two, after a stop or a verb of taking."""
    town_ends = _town_suffix(words)
    for found in town_ends.finditer(plain, start + 2, end):
        at = found.end()
        if plain[at:at + 1] in _COUNTY_FIRSTS:
            continue  # "新乡县": a town's suffix inside a county's or a city's name
        if not all_han().fullmatch(plain, found.start() - 2, found.start()) or any(
                plain[i] in HARD_STOPS or plain[i] in NAME_BREAKS for i in range(found.start() - 2, found.start())):
            continue  # a town has a name of two characters or more before its suffix, in one clause
        village = patterns["units"].match(plain, at, end)
        if village is None or unit_rank(village.group(), words) != LEVELS.index("village") or not unit_name_ok(
                plain, at, village.end(), words, continuing=True) or village.end() - at < 3:
            continue  # (a village's name of two characters or more: 乡村 and 城镇村 are no pair)
        if simplified(plain[found.start() - 2:found.end()]).endswith(tuple(words["places.not_units"])):
            continue  # "美丽乡村", "小镇": words, not a town
        village_element = Element("town", text[at:village.end()], at, village.end(), link=",")
        county = found.start() - 4  # (a town's name of two characters, then a county's of two before it)
        if county >= start and all_han().fullmatch(plain, county, found.start() - 2) and chinese_county_provinces(
                plain[county:found.start() - 2]) and (county == start or plain[county - 1] in HARD_STOPS or (
                    plain[county - 1] in _TAKEN_VERB_ENDS)):
            # "拍下什邡蓥华镇麻柳坪村": a county's bare name right before the town, after a verb of taking or a stop
            return [Element("place", text[county:found.start() - 2], county, found.start() - 2, link=","),
                    village_element]
        suffixed = _suffixed_county_before_a_town(plain, start, found.start(), words)
        if suffixed is not None:  # "造成屏东县来义乡来义村": a county with its suffix before the town's name
            return [suffixed_element(text, suffixed[0], suffixed[1], words, patterns), village_element]
        return [village_element]
    return []


def _suffixed_county_before_a_town(plain: str, start: int, town_suffix: int, words: Words) -> tuple[int, int] | None:
    """Where a county written with its suffix (县, 市, 区, 旗) begins and ends right before a town's name of two or
    three characters ending at `town_suffix` ("屏东县来义乡", "镇远县报京乡"): its name, two or three characters, reads
    as a county of China or is a city the captions write bare (places.cities); None otherwise."""
    for town_length in (2, 3):
        suffix_at = town_suffix - town_length - 1
        if suffix_at - 2 < start or plain[suffix_at] not in _COUNTY_FIRSTS:
            continue
        for length in (2, 3):
            county = suffix_at - length
            if county < start:
                break
            name = plain[county:suffix_at]
            if all_han().fullmatch(name) and (chinese_county_provinces(name) or simplified(name) in bare_cities(
                    words)):
                return county, suffix_at + 1
    return None


#: The suffixes of a county or a city of one character: a town's suffix right before one is part of its name.
_COUNTY_FIRSTS = frozenset("县市区旗")


#: The last characters of verbs of taking a picture that a place's name may follow ("拍下", "航拍", "拍摄").
_TAKEN_VERB_ENDS = frozenset("下拍摄")


def _town_suffix(words: Words) -> re.Pattern:
    """A town's suffix (镇, 乡, 街道), compiled once."""
    made = words._made.get(("town_suffix",))
    if made is None:
        made = words._made[("town_suffix",)] = compiled("|".join(map(re.escape, words.longest_first(
            "places.town"))))
    return made


def _venue_opening_next_clause(text: str, plain: str, at: int, end: int, words: Words,
                               patterns: dict) -> str | None:
    """A venue that opens the clause after the one naming the city, followed by 的 or a word of position
    ("...在台北上演,忠孝西路的天桥上挤满民众"): the scene's site in that city."""
    comma = next((i for i in range(at, end) if plain[i] in "，,"), None)
    if comma is None or plain[at:comma].count("。") or comma + 1 >= end:
        return None
    venue = venue_at(text, plain, comma + 1, end, words, patterns)
    if venue is None or not plain.startswith(simplified(venue), comma + 1):
        return None
    after = comma + 1 + len(venue)
    return venue if plain[after:after + 1] in ("的", *POSITION_WORDS) else None


def _held_in_a_city(plain: str, start: int, end: int, venue: str, words: Words) -> bool:
    """Whether a venue-shaped name (韶山: a mountain's name, and a city's) is a city the gazetteer knows, with an
    event held there ("...大赛在韶山举办")."""
    at = plain.find(venue, start, end)
    return at >= 0 and cjk_population(venue) > 0 and bool(words.pattern("places.held").match(plain, at + len(venue)))


def _venue_after(text: str, plain: str, starts: list[int], end: int, words: Words,
                 patterns: dict, read: list[Element]) -> str | None:
    """A venue that a later locative word (在, 于) introduces, once the sentence's place chain has named no
    venue: the scene's site within the places already read ("杭州亚运会火种在杭州良渚古城遗址公园..."), not in
    other places."""
    known = {simplified(e.value) for e in read}
    for at in starts:
        elements, venue = read_chain(text, plain, at, end, words, patterns)
        if venue and all(simplified(e.value) in known for e in elements):
            return venue
    return None


def _chain_below(text: str, plain: str, starts: list[int], end: int, words: Words, patterns: dict,
                 read: list[Element], clauses: list[int] | None = None) -> tuple[list[Element], str | None]:
    """The chain read so far, carried on by the units a later locative word (在, 于) introduces when those are all
    below it: a city or a province opens the sentence ("合肥市大雨倾盆,"), the scene's district, town and venue
    follow ("在包河区芜湖路街道友谊社区"); or by a later clause (`clauses`, where each begins) that opens on a unit
    below it written with its suffix, then a venue, the units already read written again before it or not
    ("北京遭遇暴雨,朝阳区某某路附近积水很深", "武汉城区下起暴雨,上午8时许,武汉洪山区某某路口积水"); `read` alone
    when no later chain starts below it."""
    suffixed = read[-1].level in ("province", "city", "county")
    if not suffixed and read[-1].level != "place":  # (a bare city, "武汉城区下起暴雨", only before a later clause)
        return read, None
    below = ("town",) if read[-1].level == "county" else ("county", "town")  # ("新竹縣花了三年籌拍...,在尖石鄉
    # 原住民族文化館辦特映會": a county opens the sentence, its township and the venue follow)
    for at in starts if suffixed else ():
        if no_unit_from(text, plain, at, end, words, patterns):
            continue  # (the units are wanted, a venue alone is not)
        elements, venue = read_chain(text, plain, at, end, words, patterns)
        if elements and venue != A_LIST and all(e.level in below for e in elements):
            return read + elements, venue
    known = {simplified(e.value) for e in read}
    for at in clauses or ():
        if no_unit_from(text, plain, at, end, words, patterns):
            continue
        elements, venue = read_chain(text, plain, at, end, words, patterns)
        new = [e for e in elements if simplified(e.value) not in known]
        if venue and venue != A_LIST and new and elements[-len(new):] == new and all(
                e.level in below for e in new) and SUFFIXED.search(plain, new[0].start, new[0].end):
            return read + new, venue
    return read, None


def _clause_starts(plain: str, start: int, end: int) -> list[int]:
    """Where each clause after `start` begins (after a comma) that holds a unit's suffix, where a chain below a
    city may open (most clauses hold none, and no chain is read there)."""
    commas = [at for at in range(start, end - 1) if plain[at] in ",，"]
    return [at + 1 for at, stop in zip(commas, commas[1:] + [end]) if _SUFFIX_CHARACTER.search(plain, at + 1, stop)]


#: The characters that end a unit written with its suffix (chinese_chain.SUFFIXED).
_SUFFIX_CHARACTER = compiled("[省市县区州镇乡村旗盟]")


def _an_item_of_a_list(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether the words after a chain, up to the next stop, end in 、 and another place begins right after it
    ("河北蔚县剪纸、天津杨柳青木板年画"): the place names a thing of a list (its craft, its dish), not the scene."""
    stop = at
    while stop < end and plain[stop] not in HARD_STOPS:
        stop += 1
    return stop > at and stop + 1 < end and plain[stop] == "、" and unit_at(
        text, plain, stop + 1, end, words, patterns, []) is not None


#: The number of an item in a list of pictures, at the start of a sentence ("2.某县某镇...", "9.某县..."): the item's
#: words begin after it, as after a stop (not a decimal, "1.6万", nor a number inside a clause).
_ITEM_NUMBER = compiled(r"(?<![^\s。，,；;：:])\d{1,2}[.．](?=[\u4e00-\u9fff])")


def _boundaries(plain: str, start: int, end: int, words: Words) -> list[int]:
    """Where a place name may begin: the sentence's start, after a stop or a linking word, and wherever a
    province, a municipality or a country is named."""
    found = {start} | {stop.end() for stop in _A_BREAK.finditer(plain, start, end - 1)}  # (what follows a break)
    found |= {item.end() for item in _ITEM_NUMBER.finditer(plain, start, end - 1)}  # ("9.阳城县...": a list's item)
    named, longest = _boundary_name_starts(words)
    for name in named.finditer(plain, start + 1, min(len(plain), end - 1 + longest)):  # (a name may run past end)
        at = name.start()
        if at < end and at not in found and not (plain[at] in _WATERS_AND_HILLS and _a_place_ending_there(plain, at)):
            found.add(at)
    return sorted(found)


def _boundary_name_starts(words: Words) -> tuple[re.Pattern, int]:
    """Where a name of _boundary_names begins, as a look-ahead that finditer finds at each such place (names may
    overlap: "英国伦敦" holds two), and the longest name's length, made once."""
    made = words._made.get(("boundary_name_starts",))
    if made is None:
        places = words.lists["places"]
        longest = max(map(len, (*places["provinces"], *places["municipalities"], *places["countries"])))
        made = words._made[("boundary_name_starts",)] = (
            compiled(f"(?=(?:{_boundary_names(words).pattern}))"), longest)
    return made


#: The first characters of provinces' names that also end a river's, a lake's, a mountain's or a city's (河北, 湖南,
#: 江西, 山东): run on from a character before it that makes a place's name with it, the province is a look-alike
#: ("漠河北极村" is 漠河 and 北极村, "黄山西递" 黄山 and 西递), so no chain begins there.
_WATERS_AND_HILLS = frozenset("河湖江山")
#: Characters that, before such a name, lead to the province rather than make a name with its first character:
#: verbs of going and prepositions ("至江西", "去江西", "经河南": readings of some county, and no place).
_LEADING_TO = frozenset("在于到至去往赴自从经来向和与及同是为")


def _a_place_ending_there(plain: str, at: int) -> bool:
    """Whether the character before `at` and the one at it make a place's name the gazetteer knows, a city (黄山)
    or a county by its readings (漠河)."""
    if plain[at - 1] in _LEADING_TO or not han_char().match(plain, at - 1):
        return False
    name = plain[at - 1:at + 1]
    return cjk_population(name) > 0 or bool(chinese_county_provinces(name))


def _boundary_names(words: Words) -> re.Pattern:
    """Provinces, municipalities and the countries of places.countries written bare, as one compiled alternation:
    a chain may begin where one is named ("车辆行人英国伦敦牛津街...穿行": the country, not the venue's name)."""
    made = words._made.get(("boundary_names",))
    if made is None:
        places = words.lists["places"]
        names = sorted({*places["provinces"], *places["municipalities"], *places["countries"]}, key=longest_first)
        made = words._made[("boundary_names",)] = compiled("|".join(map(re.escape, names)))
    return made


def _big_city_starts(plain: str, start: int, end: int) -> Iterator[int]:
    """Where a big city is named inside the words of a sentence, right before a quoted name ("拆除台北“中正纪念堂”
    牌楼"; not "西九龙"): tried, one by one, when no place begins where `_boundaries` looks."""
    for opening in _AN_OPENING_QUOTE.finditer(plain, start + 3, end):  # (most sentences hold none)
        quote = opening.start()
        for at in (quote - 3, quote - 2):
            if at > start and plain[at - 1] not in _NAME_PREFIXES and han_char().match(plain, at) and (
                    cjk_population(plain[at:quote]) >= BIG_CITY_POPULATION):
                yield at
#: Characters that make another name of a city's name after them (西九龙, 新北, 大同): no boundary there.
_NAME_PREFIXES = set("东西南北中上下前后内外新老大小")


#: Two to four characters that end their clause: after a city, a smaller place ("香港中环,"), not a title's words.
_A_SHORT_CLAUSE = compiled(f"[{HAN}]{{2,4}}(?=[，,。 \u3000])")


def _modifier(plain: str, elements: list[Element], venue: str | None, end: int, words: Words) -> bool:
    """A place read at the start of a sentence that runs on into other words ("美国参谋长", "中国解放军"): it
    qualifies them and is not where the photo was taken."""
    if elements and not venue and len(elements) == 1 and elements[-1].level in ("place", "city", "province") and (
            plain.startswith(words.words("places.origin_people"), elements[-1].end)):
        return True  # "广州游客在景区内游览": tourists from the city, wherever the photo was taken
    if not elements or venue or len(elements) > 1 or any(SUFFIXED.search(plain, e.start, e.end) for e in elements):
        return False  # a unit written with its suffix is a place, whatever follows ("...自治州着力发展")
    if elements[-1].level == "country" and _a_countrys_pavilion(plain, elements[-1], end, words) is not None:
        return False  # "某国馆门前排起长龙": the pavilion the country names, read as the venue
    if simplified(elements[-1].value) in words.set("places.city_nicknames"):
        return False  # "申城连日的梅雨", "羊城花市": a city's nickname names the city, and qualifies no title
    after = elements[-1].end
    if after + 1 < end and plain[after] in "-－–" and han_char().match(plain, after + 1):
        return True  # "中国-东盟博览会": a name joined to another by a hyphen names something else
    manner = words.pattern("places.manner").match(plain, after, end) if plain.startswith(
        words.words("places.manner"), after) else None
    if plain.startswith(words.words("places.subject_verbs"), manner.end() if manner else after):
        return False  # "沈阳迎来今冬首场降雪": the place is what the verb happens to, the scene (also after a word of
        # when or how: "成都终于迎来", "某市再度举办")
    if elements[-1].level in ("place", "city") and plain.startswith(_times_after_a_place(words), after):
        return False  # "吴忠元旦夜晚,", "哈尔滨清晨": the city, then when the photo was taken there
    short = _A_SHORT_CLAUSE.match(plain, after, end) if elements[-1].level == "city" else None
    if short and not short.group().endswith(tuple(words.words("places.team"))):
        return False  # "香港中环,市民...": a city, then a smaller place the tables lack, alone in its clause (not
        # a team of the city, "香港壁球队,")
    runs_on = after < end and bool(han_char().match(plain[after])) and plain[after] not in HARD_STOPS and (
        plain[after] not in NAME_BREAKS) and not plain.startswith((
        "里", "内", "畔", "一带", "附近", "境内", "各地", "全境", "市民", "居民", "戈壁", "草原", "沙漠", "农村",
        "乡村", "山区", "当地", "各个", "各大", "各处"), after) and not plain.startswith(
        words.words("places.venue_word_as_noun"), after) and not (
        plain.startswith(words.words("places.city_parts"), after)) and not (
        elements[-1].level != "country" and SITES_COUNTED.match(plain, after))
    # ("乌鲁木齐街头两名女子...": the city's streets, where the scene is; "昆山一家工厂的工人": a site in the city;
    # "米兰当地关门的店铺": 当地, local, is in the city; "合肥各个公园里", "某市各大商场": each of the city's sites)
    if runs_on:
        stop = after
        while stop < end and stop - after <= 8 and plain[stop] not in HARD_STOPS:
            stop += 1
        if stop - after <= 8 and _view_at_end(words).search(plain, after, stop):
            return False  # "拍摄的上海陆家嘴夜景": a view of the place (and a spot of it), what the photo shows
        if stop - after <= 8 and plain[stop - 2:stop] == "现场" and elements[-1].level in ("city", "place"):
            return False  # "图为华盛顿抗议现场": the scene of what happened in the city (a country's, "中国队比赛
            # 现场", may be abroad)
    return runs_on


def _times_after_a_place(words: Words) -> tuple[str, ...]:
    """The words of time that may follow a city's name at a sentence's start and say when the photo was taken there
    ("吴忠元旦夜晚", "哈尔滨清晨", "杭州今天"): a day named or relative, a season, a time of day of two characters or
    more; not a clock's zone ("北京时间") nor a time of one character, which opens other words ("北京晚报")."""
    return words.made(("times_after_a_place",), lambda: tuple(
        word for key in ("dates.relative", "dates.named_days", "dates.seasons", "dates.times_of_day")
        for word in words.words(key) if len(word) >= 2 and not word.endswith("时间")))


def _view_at_end(words: Words) -> re.Pattern:
    """A word of places.views ending a run of words (夜景, 全景, 风光), compiled once."""
    made = words._made.get(("view_at_end",))
    if made is None:
        made = words._made[("view_at_end",)] = compiled(f"(?:{words.any('places.views')})$")
    return made


def _a_zone_of_the_village(plain: str, elements: list[Element], venue: str, words: Words) -> bool:
    """Whether the venue is a zone (places.zones_unnamed: 示范区, 园区) written right after the village that ends the
    chain ("依溪村油菜冬种核心示范区", the village's zone for a crop): the zone lies inside the village, which is the
    place named (the larger one, as for a venue inside a venue)."""
    last = elements[-1] if elements else None
    if last is None or unit_rank(simplified(last.value), words) != VILLAGE_RANK:
        return False
    written = simplified(venue)
    return plain.startswith(written, last.end) and written.endswith(words.words("places.zones_unnamed"))


def _departure_starts(plain: str, start: int, end: int, words: Words) -> set[int]:
    """Where a place begins that the photo shows something set out from: after 从, when a verb of setting out
    (places.departures: 驶出, 驶离) ends the name in the same clause and no 的 follows it ("渔船从舟山普陀沈家门渔港
    驶出,": the port is the scene; "从某港驶离的渔船" describes the boats by where they came from)."""
    found: set[int] = set()
    at = plain.find("从", start, end)
    while at >= 0:
        verb = words.pattern("places.departures").search(plain, at + 1, min(end, at + 1 + DEPARTURE_REACH))
        if verb is not None and not any(c in HARD_STOPS for c in plain[at + 1:verb.start()]) and (
                not plain.startswith("的", verb.end())):
            found.add(at + 1)
        at = plain.find("从", at + 1, end)
    return found


def _its_people_follow(plain: str, venue: str, start: int, end: int, words: Words) -> bool:
    """Whether the venue, written after `start`, is followed by 的 and a word of its people (places.pupils:
    "某某学校的学生跳起舞蹈", "某某医院的护士为市民..."): the body they belong to, not where they are."""
    at = plain.find(simplified(venue), start, end)
    after = at + len(venue)
    people = words.pattern("places.pupils").match(plain, after + 1, end) if plain[after:after + 1] == "的" else None
    return at >= 0 and people is not None and not plain.startswith("在", people.end())  # ("浙江大学的学生在校园里":
    # where they then are is the body's own ground)


#: A school's grade or year before the word of its pupils ("一年级学生", "初二学生", "大一学生").
_A_GRADE = compiled("[一二三四五六七八九]年级|[初高大][一二三四]")


def _a_named_member(plain: str, at: int, end: int, words: Words) -> bool:
    """Whether a school's or a workplace's person, named, follows at `at` and then says where they are: a grade
    (一年级), a word of places.pupils, a name of two or three characters opening with a surname, then 在."""
    grade = _A_GRADE.match(plain, at, end)
    at = grade.end() if grade else at
    pupil = words.pattern("places.pupils").match(plain, at, end)
    if pupil is None or not plain.startswith(words.words("credit.surnames"), pupil.end()):
        return False
    return "在" in plain[pupil.end() + 2:pupil.end() + 4]


def _reads_as_before(plain: str, at: int, words: Words) -> bool:
    """Whether a chain read from `at` is the one read from `at - 1`: both stand inside a run of spaces (a cut
    credit leaves one), from which `read_chain` reads no unit and steps over the spaces to the same place
    for a venue (given no word it checks before or at a start, places.reference_before, places.origins or
    places.organisation_prefixes, has a space at that end)."""
    if at < 2 or plain[at - 2:at + 1] != "   ":
        return False
    made = words._made.get(("spaces_read_alike",))
    if made is None:
        made = words._made[("spaces_read_alike",)] = not any(
            w.endswith(" ") for w in words["places.reference_before"] + words["places.organisation_prefixes"]) and (
            not any(w.startswith(" ") for w in words["places.origins"]))
    return made


def _common_noun_venue(venue: str) -> bool:
    """Whether a venue reads as a common noun: one character before a one-character venue word of a built or
    worked place (果园, 菜园, 工厂, 车站), which names no place of its own."""
    plain = simplified(venue)
    return len(plain) == 2 and plain[1] in _BUILT_WORDS


def _after_of(plain: str, venue: str, start: int, end: int) -> bool:
    """Whether 的 comes right before the venue's name where the sentence writes it ("霞浦县的小港湾")."""
    at = plain.find(simplified(venue), start, end)
    return at > 0 and plain[at - 1] == "的"


#: One-character venue words of built or worked places (not 山, 湖, 宫, 寺: 泰山, 西湖, 白宫 are names).
_BUILT_WORDS = "园厂场站馆楼港桥街路"


def bare_city_before(plain: str, at: int, earliest: int) -> int | None:
    """Where a bare city starts that ends at `at`, right before a venue the register names there, or None: a
    name of two to four characters, not before `earliest`, opening its clause or after 在, 于, 与 or 到, that the
    gazetteer knows as a city of Greater China with CITY_BEFORE_A_VENUE_POPULATION people, as before a venue's
    name read by its word (``_city_before_a_venue``: "拉萨布达拉宫")."""
    for length in (4, 3, 2):
        start = at - length
        if start < earliest or not opens_a_phrase(plain, start):
            continue
        population, country = chinese_name_cities(plain[start:at])
        if population >= CITY_BEFORE_A_VENUE_POPULATION and country in GREATER_CHINA:
            return start
    return None
#: What makes a district-like unit a zone, a site of its own, rather than a county or a district (高新南区, 容东片区,
#: 东港商务区, 雄安新区)
_A_ZONE = compiled("新区|片区|商务区|开发|经开|高新|示范|管理区|园区|保税|自贸|港区|景区|度假区"
                     "|文化区|商业区|工业区|旅游区|生态区")
#: "Present-day", before a place's name as it is now written ("在今新北市", "位于今陕西省西安市").
_PRESENT_DAY = frozenset("今")


def _a_present_days_name(plain: str, at: int, words: Words) -> bool:
    """Whether a place's name the gazetteer or the province list knows begins at `at`, right after 今
    (present-day), and 今 with it makes no name it knows: "今新北市" is present-day 新北, but 今治 (Imabari) is a
    city's whole name."""
    for length in (3, 2):
        name = plain[at:at + length]
        if len(name) == length and (cjk_population(name) > 0 or name in words.set("places.provinces")) and (
                cjk_population(plain[at - 1:at + length]) == 0):
            return True
    return False


@cache
def _heading_places() -> re.Pattern:
    """A gallery's place line: "美国 · 洛杉矶", "January 12, 2026 中国 · 香港" (a date may come first)."""
    return compiled(f"^[^\n{HAN}]*?(?P<places>[{HAN}]{{2,10}}(?:[ \t]*[·•][ \t]*[{HAN}]{{2,10}}){{1,3}})"
                      "[ \t]*$", re.MULTILINE)


def complete_from_heading(place: Place, text: str, plain: str, words: Words, patterns: dict) -> None:
    """Fill the scene's missing country and city from a place line of the caption's heading ("美国 · 洛杉矶"),
    when every part of it is a place and its city does not contradict the scene's."""
    if place.sublocation and not (place.city or place.province or place.country):
        _city_of_the_headings_venue(place, text, plain, words, patterns)
    match = _heading_places().search(plain, 0, 200)
    if match is None:
        return
    elements: list[Element] = []
    for part in re.finditer(f"[{HAN}]+", match.group("places")):
        at = match.start("places") + part.start()
        unit = unit_at(text, plain, at, at + len(part.group()), words, patterns, elements)
        if unit is None or unit[1] != at + len(part.group()):
            return  # a part that is no place: not a place line
        elements.append(unit[0])
    heading, _ = resolve(Chain("chinese", list(reversed(elements))))
    if place.city and heading.city and simplified(place.city) != simplified(heading.city):
        return
    place.city = place.city or heading.city
    if place.city == heading.city or heading.city is None:
        place.province = place.province or heading.province
        place.country = place.country or heading.country


def _city_of_the_headings_venue(place: Place, text: str, plain: str, words: Words, patterns: dict) -> None:
    """The city (and what holds it) that the caption's heading, its first line, writes right before the scene's
    venue ("武汉归元寺55万人拜财神⏎...人气最旺的是归元寺"), when the scene named the venue alone."""
    line_end = plain.find("\n", 0, _HEADING_LINE)
    if line_end < 0:
        return
    at = plain.find(simplified(place.sublocation or ""), 0, line_end)
    start = len(plain) - len(plain.lstrip())
    if at <= start + 1:
        return
    elements, _ = read_chain(text, plain, start, at, words, patterns)
    if not elements or elements[-1].end != at:
        return
    heading, _ = resolve(Chain("chinese", list(reversed(elements))))
    place.city, place.province, place.country = heading.city, heading.province, heading.country


#: The most characters of a heading line (the first line of a caption above its text).
_HEADING_LINE = 40


def as_written(name: str, text: str) -> str:
    """A name of the word lists (simplified) in the caption's script: as the caption writes it where it does
    ("澳門市中心" in a caption that mixes the scripts, "游客"), else traditional when the caption is."""
    at = simplified(text).find(name)
    if at >= 0:
        return text[at:at + len(name)]
    return traditional(name) if simplified(text) != text and traditional(text) == text else name


def _inside_an_event_title(plain: str, start: int, at: int, end: int, words: Words) -> bool:
    """Whether `at` lies inside quotation marks opened after `start` whose closing mark an event's word follows
    ("“拾光校园,秋韵镜头语”秋日摄影比赛"): a title's words, however many clauses it holds."""
    for opening, closing in QUOTES.items():
        if opening == closing:
            continue  # (straight quotes: which one opens is unsure)
        opened = plain.rfind(opening, start, at)
        if opened < 0 or 0 <= plain.find(closing, opened, at):
            continue
        close = plain.find(closing, at, end)
        if close > 0 and titles_an_event(plain, close + 1, end, words):
            return True
    return False
#: A stop or a linking word: a place name may begin after one (_boundaries).
_A_BREAK = compiled("[" + re.escape("".join(sorted(HARD_STOPS | set(NAME_BREAKS)))) + "]")
_AN_OPENING_QUOTE = compiled(f"[{re.escape(''.join(QUOTES))}]")


_SEGMENT = compiled(f"[^{re.escape(''.join(sorted(HARD_STOPS)))}{NAME_BREAKS}]{{2,16}}")


#: Linking characters that also begin names (将军澳, 和平公园, 同安): at a sentence's start they are the name's, not
#: a link, and what follows them is a cut name (not 在, 从, 到: a sentence opens with those as prepositions).
_LINKS_THAT_BEGIN_NAMES = "将和同与及跟"


def _one_character_name(venue: str, patterns: dict) -> bool:
    """Whether a venue's name before its (longest) venue word is one character (胞 of 胞纪念馆)."""
    word = patterns["venue_end"].search(simplified(venue))
    return word is not None and word.start() <= 1


def _name_start_of_a_cut_segment(plain: str, start: int, previous: int, at: int, words: Words) -> int:
    """Where a name begins that runs into a segment of _SEGMENT (from `at`) whose run the segment before it (from
    `previous`) had to cut by its length: right after the last word a place follows inside the run ("民警巡逻时发现
    奎沃路卧龙岗路段": 发现, so the name is read from 奎沃路, not from the cut 路卧龙岗路); else `at` as it was."""
    if at <= start or plain[at - 1] in HARD_STOPS or plain[at - 1] in NAME_BREAKS:
        return at
    last = max((lead.end() for lead in words.pattern("places.before_place").finditer(plain, previous, at)),
               default=at)
    return last if last < at else at


#: The most characters before its venue word of a name that 和 or 同 opens (和平广场, 同里博物院).
_LINKED_NAME = 4


def _chain_inside_the_run(text: str, plain: str, a: int, last: int, words: Words,
                          patterns: dict) -> tuple[list[Element], str] | None:
    """The city or the county a venue read whole holds before its own name, and that venue, when no chain began
    where the run does ("游客聚集文昌淇水湾", "从空中看太原市汾河湿地公园": the words before the place are no part of
    the venue's name, and the city they lead to is the scene's); None when no unit of a city's level begins
    inside the run with a venue after it that ends where the run's venue does. The words before it are two
    characters or more (not "九龙江": a name that begins one character in is a longer name's), neither a venue
    ("张家湾公园泗水古巷", "武侯祠西区": the venue named first is the scene's) nor a quarter of the compass
    ("西北太平洋")."""
    venue_end = words.pattern("places.venue")
    for inside in range(a + 2, last - 3):
        if not han_char().match(plain, inside) or no_name_begins(plain, inside, last, words, patterns):
            continue
        if plain[inside - 1] in DIRECTIONS and plain[inside - 2] in DIRECTIONS or any(
                found.end() == inside for found in venue_end.finditer(plain, a, inside)):
            return None
        if no_unit_from(text, plain, inside, last, words, patterns):
            continue  # (a venue read alone is dropped below)
        elements, venue = read_chain(text, plain, inside, last, words, patterns)
        if not elements or not venue or venue == A_LIST:
            continue
        if elements[0].level not in ("city", "county", "place") or not plain.startswith(
                simplified(venue), elements[-1].end):
            return None  # (a unit of another level, or a venue away from it: the run is read as it was)
        name = simplified(elements[0].value)
        if cjk_population(name) or suffixed_population(name) or chinese_county_provinces(name):
            return elements, venue  # (a name the gazetteer or the county readings know: not "看太原" in
            # "看太原市", a suffixed unit's reader taking the verb before it, nor "祠西区")
    return None


def _where_its_people_are(text: str, plain: str, elements: list[Element], end: int, words: Words,
                          patterns: dict) -> tuple[list[Element], str | None] | None:
    """The chain after 在 when the chain read is followed by its people and 在 ("西藏墨竹工卡县门巴乡的牧民们在拉萨布达
    拉宫广场", "某某县的村民在成都某某广场"): the people come from the first place, the scene is the second, a city
    of its own; the first chain's province is kept when the second names none and the second city's county
    readings do not put it in another province. None when no people and 在 follow, or no city is read after 在."""
    after = elements[-1].end
    if plain.startswith("的", after):
        after += 1
    people = next((word for word in words.words("places.home_people") if plain.startswith(word, after)), None)
    if people is None:
        return None
    after += len(people)
    if plain.startswith("们", after):
        after += 1
    if not plain.startswith("在", after) or after + 1 >= end:
        return None
    found, venue = read_chain(text, plain, after + 1, end, words, patterns)
    if not found or venue == A_LIST or not any(e.level in ("city", "place", "county") for e in found):
        return None
    if not any(e.level in ("province", "country") for e in found):
        city = next(simplified(e.value) for e in found if e.level in ("city", "place", "county"))
        province = next((e for e in elements if e.level == "province"), None)
        readings = chinese_county_provinces(city) if province is not None else ()
        if province is not None and (not readings or simplified(province.value) in readings):
            found = [province] + found
    return found, venue




def _a_name_a_link_opens(text: str, plain: str, at: int, end: int, words: Words,
                         patterns: dict) -> tuple[list[Element], str] | None:
    """The venue whose name 和 or 同 opens where nothing comes before it to link ("和平廣場遊人如織", "地点:同X博物
    院", "拍摄的和平湖"): a short name (two to four characters with the link) then a venue word, when it is no
    common noun and no kind of place; None otherwise (a link then a clause: "同市民一起在广场")."""
    if plain[at] not in LINKS_IN_NAMES:
        return None
    found = words.pattern("places.venue").search(plain, at + 2, min(end, at + _LINKED_NAME + 3))
    if found is None or found.start() - at > _LINKED_NAME:
        return None
    name = plain[at + 1:found.start()]
    if name.startswith(words.words("places.people")) or name.startswith(words.words("places.not_names")) or any(
            ch in NAME_BREAKS or ch in POSITION_WORDS or ch in "在到从向把被" for ch in name):
        return None
    venue = text[at:found.end()]
    if _common_noun_venue(venue) or generic_venue(simplified(venue), words):
        return None
    return [], venue


def _venue_anywhere(text: str, plain: str, start: int, end: int, words: Words,
                    patterns: dict) -> tuple[list[Element], str | None]:
    """A named venue anywhere in the sentence when no place phrase was read ("...的时报广场", "三峡大坝"), with
    the places written before it ("南京阅江楼": 南京, then 阅江楼)."""
    venue_end = words.pattern("places.venue")
    other_time = _FUTURE.search(plain, start, end) is not None
    praised = _epithets(plain, start, end, words)
    previous = start
    for segment in _SEGMENT.finditer(plain[start:end]):
        a, b = start + segment.start(), start + segment.end()
        a, previous = _name_start_of_a_cut_segment(plain, start, previous, a, words), a
        if other_time and _a_future_clause(plain, start, a):
            continue  # "港队将在...在残奥村举行升旗仪式": where something will be
        if praised and any(x <= a < y for x, y in praised):
            continue  # "素有“辽阳后花园”之称的...": what a place is called, no venue of the scene
        if a - 1 >= start and plain[a - 1] in _LINKS_THAT_BEGIN_NAMES and (
                a - 1 == start or plain[a - 2] in HARD_STOPS):
            linked = _a_name_a_link_opens(text, plain, a - 1, b, words, patterns)
            if linked is not None:
                return linked
            continue  # "將軍澳海濱長廊...": a linking character that opens the sentence is the name's first
            # character, so the run after it is a cut name (軍澳海濱長廊): no venue rather than a wrong one
        if plain.endswith(SUBDISTRICT, a, b):
            continue  # "东湖街道和桃源社区": a subdistrict's name, no street's nor lake's
        if after_a_likeness(plain, a, words):
            continue  # "街巷宛如苏州平江路": what the scene is compared with, elsewhere
        last = None
        for found in venue_end.finditer(plain, a, b):
            if found.end() - found.start() > 1 or not inside_a_sounded_name(plain, a, found.start(), b, words):
                last = found.end()  # (not 山 inside "亚历山德里亚": a name in foreign sounds goes on past it)
        if last is None or last - a < 3:
            continue
        if _inside_an_event_title(plain, start, a, end, words):
            continue  # "举办了“拾光校园,秋韵镜头语”秋日摄影比赛": words of a quoted title, no venue's name
        a = after_words_of_time(plain, a, last, words)
        if last - a < 3:
            continue
        elements, venue = read_chain(text, plain, a, last, words, patterns)
        if venue and a > start and plain[a - 1] in SOFT_BREAKS and not elements and _one_character_name(
                venue, patterns):
            continue  # "遇难同胞纪念馆": 同 was the first character of a word (同胞), not a link; 胞纪念馆 is no name
        if venue and not venue.startswith(words.words("places.not_names")):
            # (a reference point the run ends with: "运河边的台儿庄古城", the old town)
            return elements, venue_beyond(text, plain, a, end, venue, words, patterns)
    return [], None
