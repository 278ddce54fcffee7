"""The place of a Chinese caption: the scene sentence's administrative units, read into a Place, and its venue.

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
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache, lru_cache
from itertools import chain as chained

from catalog.captions.chinese_dates import ChineseDate
from catalog.captions.chinese_venues import best_venue, inside_a_sounded_name, voltage_grade
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
from catalog.captions.place_chains import Chain
from catalog.captions.place_fields import resolve
from catalog.captions.place_names import Element
from catalog.captions.types import Place
from catalog.han_text import traditional
from catalog.patterns import compiled, longest_first

#: Marks before a scene sentence that are not its words: "■", "【...】", "图①：", "图为", "这是"; and a picture's
#: number alone, circled ("②:2015年2月11日,河北唐山,...", "③清洁局工人...").
_HEADLINE_MARKS = compiled(r"[\s△■▲●◆★☆#]*(?:【[^】]*】)?(?:图[①-⑳\d]*\s*[:：]|图为|[①-⑳]\s*[:：]?)?\s*(?:这是)?\s*")
_HARD_STOPS = set("，,。、的和与及等；;：:（）()“”\"《》「」 \n—…|｜")  # (a dash: "知名景点——洪崖洞景区")
#: Words of position after a name ("公园里", "广场上"): they end a name, but may begin one (上海, 中环, 内蒙古).
_POSITION_WORDS = set("里内上下中前后旁畔边外")
_STOPS = _HARD_STOPS | _POSITION_WORDS


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
    if labelled is not None:
        return labelled
    if not body:
        return Place()
    place = _scene_place(text, plain, sentences, body, date, words, patterns)
    scene = body[0] if date is None else next((s for s in sentences if s[0] <= date.start < s[1]), body[0])
    if "桥" in plain[scene[0]:scene[1]] or "隧道" in plain[scene[0]:scene[1]]:  # (a cheap test before the pattern)
        _structure_of_a_project(place, text, plain, scene, words)
    return place


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
                if simplified(place.sublocation or "").startswith(_HEADING_WORDS):
                    place.sublocation = None  # "从北京开往石家庄的列车上": a train's way, no venue
            if place.city and place.city[-1] in "区區" and not place.province and not place.country:
                place.city = _city_of_the_district(place.city, text, plain) or place.city
            if place.sublocation and not place.city and "城" in place.sublocation:
                place.city = _city_of_its_old_town(place.sublocation, words)
            return _no_city_named_for_its_waters(_no_venue_named_as_its_city(
                _with_titled_venue(_with_dateline_city(place, text, plain, words), text, plain, words, patterns)),
                plain, words)
    return _with_titled_venue(_with_dateline_city(Place(), text, plain, words), text, plain, words, patterns)


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
            + re.escape("".join(sorted(_HARD_STOPS | set(_NAME_BREAKS)))) + "0-9]{2,24}?(?:"
            + "|".join(map(re.escape, words.longest_first("places.structures"))) + "))")
    return made


def _province_where_it_lies(place: Place, text: str, plain: str, start: int, end: int, words: Words,
                            patterns: dict) -> None:
    """The province of a city the sentence says lies in it ("乌拉盖管理区地处内蒙古自治区锡林郭勒盟东北部",
    "某某县位于某某省中部"): the city written, then 地处 or 位于 and a chain that names a province. Changed in place."""
    city = place.city or ""
    at = text.find(city, start, end)
    after = at + len(city)
    if at < 0 or not plain.startswith(_SITUATED, after):
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


def _the_pictures_place(place: Place, text: str, plain: str, body: list[tuple[int, int]], scene: tuple[int, int],
                        date: ChineseDate, words: Words, patterns: dict) -> Place:
    """The place of a later sentence that says what the picture shows ("图为...", places.scene_marks) when the
    dated sentence names only a province or a country around its places ("美国纽约、芝加哥等地举行抗议。图为芝加哥
    抗议现场": Chicago), the province and country kept where the later one names none; else `place`."""
    marks = words.words("places.scene_marks")
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
    return at >= end or plain[at] in _STOPS or plain[at + 1:at + 2] in _POSITION_WORDS


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
    venue = _venue_at(text, plain, start, end, words, patterns, whole_clause=True)
    if venue and simplified(venue) == plain[start:end] and not _generic_venue(venue, words) and not (
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
    if not (place.city and place.province):
        _complete_elsewhere(place, text, plain, body, (start, end), words, patterns)
    return place


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
                name in words.set("places.municipalities") or _cjk_population(name)):
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
    return province is not None and any(_county_of(plain[at - 1:at - 1 + length], province) for length in (2, 3))


def _a_route_from_the_city(place: Place, plain: str) -> bool:
    """Whether the venue is a route that starts at the city ("济南至泰安高速公路", "北京到上海的航线", "北京开往石家庄
    的列车"): the city is one end of the route, written inside its name, not where the photo was taken."""
    if not (place.city and place.sublocation):
        return False
    venue = simplified(place.sublocation)
    return venue.startswith(_ROUTE_WORDS) and simplified(place.city) + venue[:1] in plain


#: The words that join a route's two ends (济南至泰安).
_ROUTE_WORDS = ("至", "到", "开往", "驶往", "飞往")
#: The words that join a route's two ends written as places (南通到上海, 贵阳至安顺).
_ROUTE_JOINS = frozenset("到至")
#: The words of a train, a ship or a plane heading for the route's other end, which open no venue's name.
_HEADING_WORDS = ("开往", "驶往", "飞往")
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
    venue = _venue_at(text, plain, at, end, words, patterns)
    if not venue or not plain.startswith(simplified(venue), at) or plain[at + len(venue):at + len(venue) + 1] not in (
            _INSIDE) or _generic_venue(venue, words) or _common_noun_venue(venue):
        return None
    return venue


#: What says that the scene is inside a venue named right before it (公园里, 馆内, 广场上).
_INSIDE = frozenset("里内中上")


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
        if other.city and (_SUFFIXED.search(simplified(other.city)) or f"{simplified(other.city)}市" in plain[
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
        if at >= 2 and name[at + len(word):] in ("", "景区") and _known_city(name, 0, at) == at:
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
            if before - length >= 0 and _known_city(plain, before - length, before) == before:
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
    leads = _longer_than_one(words.words("places.before_place"))
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
            chains[at] = chains[at - 1] if at - 1 in chains and _reads_as_before(plain, at, words) else _read_chain(
                text, plain, at, end, words, patterns)
        return chains[at]

    listed = False
    for number, at in enumerate(starts):
        elements, venue = chain_at(at)
        if venue == _A_LIST:  # several places listed: only what holds them all is the scene's
            best, listed = (elements, None), True
            break
        if number == 0 and _modifier(plain, elements, venue, end, words):
            continue  # "美国参谋长...": a country that qualifies a title, not the scene
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
                        best = _chain_below(text, plain, starts[number + 1:], end, words, patterns, elements)
                break
    if not listed and (best is None or not best[0]):
        starts = _boundaries(plain, start, end, words)  # "青山绿水环抱的汝城县...", "驶过甘肃兰州新区..."
        for at in chained(starts, (s for s in _big_city_starts(plain, start, end) if s not in starts)):
            if other_time and _a_future_clause(plain, start, at):
                continue
            if praised and any(a <= at < b for a, b in praised):
                continue
            elements, venue = chain_at(at)
            if venue == _A_LIST or elements and at > start and plain[at - 1] == "、" or elements and not venue and (
                    _an_item_of_a_list(text, plain, elements[-1].end, end, words, patterns)):
                best, listed = (elements if venue == _A_LIST else [], None), True
                break  # ("前往大安、文山区进行...": the last of a list of places is no more the scene than the first;
                # "河北蔚县剪纸、天津杨柳青木板年画": nor is a place that names the first of a list of things)
            if elements and not _modifier(plain, elements, venue, end, words) or venue and plain[at] in _QUOTES:
                best = (elements, venue)  # (a quoted landmark, after the words a place follows: "拍摄的“中国天眼”")
                if elements and not venue:  # "深南大道被视为深圳的名片": the venue the sentence opens with
                    first = _HEADLINE_MARKS.match(plain, start)
                    first_at = first.end() if first else start
                    opening = _venue_at(text, plain, first_at, end, words, patterns)
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
    if place.city and not any(e.level in ("city", "county", "place") for e in elements) and simplified(
            place.city).endswith(_TOWN_SUFFIXES):
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
    if venue and (sub_admin or not elements or _after_of(plain, venue, start, end)) and _generic_venue(venue, words):
        venue = None  # "村民在...田坝社区茶叶基地", "游客在古城景区": a kind of place, not a named one; the town or the
        # village before it is the place named (but a city's zone is named by the city: "公主岭市现代农业示范区")
    if venue and sub_admin and _a_zone_of_the_village(plain, elements, venue, words):
        venue = None  # "花垣镇依溪村油菜冬种核心示范区里": the village's own zone, named by what is grown there
    place.sublocation = None if members_body else venue or sub_admin
    if elements and len(elements) > 1:
        _taiwan_levels(place, elements, words)
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
    if place.sublocation and place.city and simplified(place.sublocation) == simplified(place.city):
        place.sublocation = None  # "在小城克山,": the city read twice (山 a venue word) is no site of its own
    return place


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


def _abroad(elements: list[Element], words: Words) -> bool:
    """Whether a chain names a foreign country (法国) or begins with a foreign province's short name (南澳, 加州):
    its places' names are written in sounds."""
    return any(e.level == "country" and simplified(e.value) not in _CHINA_NAMES for e in elements) or (
        simplified(elements[0].value) in words.set("places.short_provinces"))


def _an_area_abroad(name: str, elements: list[Element]) -> bool:
    """Whether a name ending in 地区 below a city lies in a foreign country the chain names ("日本东京新桥地区"): there
    地区 is an area of the city, a site, as China's 地区 (阿克苏地区) is a prefecture, no site."""
    return simplified(name).endswith("地区") and any(
        e.level == "country" and simplified(e.value) not in _CHINA_NAMES for e in elements)


#: The names of China a chain may begin with.
_CHINA_NAMES = frozenset({"中国", "中华人民共和国"})


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
        if written.endswith(("乡", "镇")) and below.level in ("town", "place", "county"):
            if place.sublocation == below.value:
                place.sublocation = None  # (the township is the city now, no site of its own)
            place.province, place.city = county.value, below.value
            return


#: Taiwan as captions write it, simplified (台灣, 臺灣).
_TAIWAN = frozenset({"台湾"})


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
        if unit is None or not _a_county_follows(plain, at, end, patterns):
            continue
        name = plain[at:unit.end() - 1]
        if 2 <= len(name) <= 3 and (chinese_county_provinces(name) or _cjk_population(name) or (
                _suffixed_population(name))):
            found.add(at)
    return found


#: A waterside: a lake's, a river's or the sea's side.
_A_WATERSIDE = compiled("[湖江河海溪][畔边岸]")


#: The kinds of places.apposed that hold no 古 (what the cheap test above looks for besides it).
_APPOSED_CHEAP = ("小城", "小镇", "水乡", "名城", "边城", "山城")


def _names_before(plain: str, at: int) -> bool:
    """Whether a place's name the gazetteer knows ends right before `at` ("乌镇古镇": the kind names that place)."""
    return any(_cjk_population(plain[at - length:at]) > 0 for length in (2, 3) if at - length >= 0 and (
        han_char().match(plain, at - length)))


def _a_future_clause(plain: str, start: int, at: int) -> bool:
    """Whether the clause before `at` says what will happen or what was ("港队将在...在残奥村举行升旗仪式", "不同于以往
    在香港大球场"): the place of an event to come or gone, not of the photo."""
    clause = next((i + 1 for i in range(at - 1, start - 1, -1) if plain[i] in _HARD_STOPS), start)
    return bool(_FUTURE.search(plain, clause, at))


#: Words that put a clause in the future ("将在", "将于", "即将") or the past ("以往在", "曾在"): a place after them
#: is where something will be or was, not the photo's (not 将 of a general's rank or a player: "上将在首尔会面"). (The
#: look-ahead for the words' first characters lets a search pass the characters none begins with in one test.)
_FUTURE = compiled("(?=[将即以曾原过])"
                     "(?:(?<![上中少大主武名猛老干战])将[在于赴]|即将|以往在|以前在|曾经在|曾在|原在|过去在)")


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


def _dateline_city(text: str, plain: str, position: int, date: ChineseDate) -> str | None:
    """A name written alone before the date, as a dateline ("华盛顿,1 月 9 日,..."): the city, when the gazetteer
    knows a city of that name, whatever its size (the position vouches for it as a bare name's size would not)."""
    if not position <= date.start or date.start - position > 8:
        return None
    match = _DATELINE.fullmatch(plain, position, date.start)
    if match is None or not _cjk_population(match.group(1)):
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
        if not _all_han().fullmatch(plain, found.start() - 2, found.start()) or any(
                plain[i] in _HARD_STOPS or plain[i] in _NAME_BREAKS for i in range(found.start() - 2, found.start())):
            continue  # a town has a name of two characters or more before its suffix, in one clause
        village = patterns["units"].match(plain, at, end)
        if village is None or _rank(village.group(), words) != _LEVELS.index("village") or not _unit_name_ok(
                plain, at, village.end(), words, continuing=True) or village.end() - at < 3:
            continue  # (a village's name of two characters or more: 乡村 and 城镇村 are no pair)
        if simplified(plain[found.start() - 2:found.end()]).endswith(tuple(words["places.not_units"])):
            continue  # "美丽乡村", "小镇": words, not a town
        village_element = Element("town", text[at:village.end()], at, village.end(), link=",")
        county = found.start() - 4  # (a town's name of two characters, then a county's of two before it)
        if county >= start and _all_han().fullmatch(plain, county, found.start() - 2) and chinese_county_provinces(
                plain[county:found.start() - 2]) and (county == start or plain[county - 1] in _HARD_STOPS or (
                    plain[county - 1] in _TAKEN_VERB_ENDS)):
            # "拍下什邡蓥华镇麻柳坪村": a county's bare name right before the town, after a verb of taking or a stop
            return [Element("place", text[county:found.start() - 2], county, found.start() - 2, link=","),
                    village_element]
        suffixed = _suffixed_county_before_a_town(plain, start, found.start(), words)
        if suffixed is not None:  # "造成屏东县来义乡来义村": a county with its suffix before the town's name
            return [_element(text, suffixed[0], suffixed[1], words, patterns), village_element]
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
            if _all_han().fullmatch(name) and (chinese_county_provinces(name) or simplified(name) in _bare_cities(
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
    venue = _venue_at(text, plain, comma + 1, end, words, patterns)
    if venue is None or not plain.startswith(simplified(venue), comma + 1):
        return None
    after = comma + 1 + len(venue)
    return venue if plain[after:after + 1] in ("的", *_POSITION_WORDS) else None


def _held_in_a_city(plain: str, start: int, end: int, venue: str, words: Words) -> bool:
    """Whether a venue-shaped name (韶山: a mountain's name, and a city's) is a city the gazetteer knows, with an
    event held there ("...大赛在韶山举办")."""
    at = plain.find(venue, start, end)
    return at >= 0 and _cjk_population(venue) > 0 and bool(words.pattern("places.held").match(plain, at + len(venue)))


@cache
def _state() -> re.Pattern:
    """A state of another country written with 州 (瓦哈卡州), or a province with 府 (Thailand's: 暖武里府; not an
    office's seat, 总理府, 总统府), compiled on first use."""
    return compiled("[\u4e00-\u9fff]{2,5}?(?:州|(?<![政统理相王])府)")


def _venue_after(text: str, plain: str, starts: list[int], end: int, words: Words,
                 patterns: dict, read: list[Element]) -> str | None:
    """A venue that a later locative word (在, 于) introduces, once the sentence's place chain has named no
    venue: the scene's site within the places already read ("杭州亚运会火种在杭州良渚古城遗址公园..."), not in
    other places."""
    known = {simplified(e.value) for e in read}
    for at in starts:
        elements, venue = _read_chain(text, plain, at, end, words, patterns)
        if venue and all(simplified(e.value) in known for e in elements):
            return venue
    return None


def _chain_below(text: str, plain: str, starts: list[int], end: int, words: Words, patterns: dict,
                 read: list[Element]) -> tuple[list[Element], str | None]:
    """The chain read so far, carried on by the units a later locative word (在, 于) introduces when those are all
    below it: a city or a province opens the sentence ("合肥市大雨倾盆,"), the scene's district, town and venue
    follow ("在包河区芜湖路街道友谊社区"); `read` alone when no later chain starts below it."""
    if read[-1].level not in ("province", "city", "county"):
        return read, None
    below = ("town",) if read[-1].level == "county" else ("county", "town")  # ("新竹縣花了三年籌拍...,在尖石鄉
    # 原住民族文化館辦特映會": a county opens the sentence, its township and the venue follow)
    for at in starts:
        elements, venue = _read_chain(text, plain, at, end, words, patterns)
        if elements and venue != _A_LIST and all(e.level in below for e in elements):
            return read + elements, venue
    return read, None


#: A part of a country or a province by its direction ("西南部", "北部的"): the chain goes on in it.
#: An ordinal opening a venue's name ("第二小学", "第三人民医院"): one of a unit's numbered institutions.
_NUMBERED = compiled("第[一二三四五六七八九十]{1,3}(?![届次期])")
_A_PART = compiled("(?:东南|西南|东北|西北|[东西南北中])部的?")


#: What _read_chain gives as the venue of a list of places ("纽约、费城、波士顿"): no venue, and no more reading.
_A_LIST = ""

_SUFFIXED = compiled("(?:省|市|县|区|州|镇|乡|村|旗|盟)$")


def _an_item_of_a_list(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether the words after a chain, up to the next stop, end in 、 and another place begins right after it
    ("河北蔚县剪纸、天津杨柳青木板年画"): the place names a thing of a list (its craft, its dish), not the scene."""
    stop = at
    while stop < end and plain[stop] not in _HARD_STOPS:
        stop += 1
    return stop > at and stop + 1 < end and plain[stop] == "、" and _unit_at(
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
    return _cjk_population(name) > 0 or bool(chinese_county_provinces(name))


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
                    _cjk_population(plain[at:quote]) >= BIG_CITY_POPULATION):
                yield at


#: The directions and the centre (东区, 中区: a part of a city, written alone, is no unit's name).
_DIRECTIONS = frozenset("东西南北中")
#: Characters that make another name of a city's name after them (西九龙, 新北, 大同): no boundary there.
_NAME_PREFIXES = set("东西南北中上下前后内外新老大小")
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


#: Two to four characters that end their clause: after a city, a smaller place ("香港中环,"), not a title's words.
_A_SHORT_CLAUSE = compiled(f"[{HAN}]{{2,4}}(?=[，,。 \u3000])")


def _modifier(plain: str, elements: list[Element], venue: str | None, end: int, words: Words) -> bool:
    """A place read at the start of a sentence that runs on into other words ("美国参谋长", "中国解放军"): it
    qualifies them and is not where the photo was taken."""
    if elements and not venue and len(elements) == 1 and elements[-1].level in ("place", "city", "province") and (
            plain.startswith(words.words("places.origin_people"), elements[-1].end)):
        return True  # "广州游客在景区内游览": tourists from the city, wherever the photo was taken
    if not elements or venue or len(elements) > 1 or any(_SUFFIXED.search(plain, e.start, e.end) for e in elements):
        return False  # a unit written with its suffix is a place, whatever follows ("...自治州着力发展")
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
    runs_on = after < end and bool(han_char().match(plain[after])) and plain[after] not in _HARD_STOPS and (
        plain[after] not in _NAME_BREAKS) and not plain.startswith((
        "里", "内", "畔", "一带", "附近", "境内", "各地", "全境", "市民", "居民", "戈壁", "草原", "沙漠", "农村",
        "乡村", "山区", "当地"), after) and not plain.startswith(words.words("places.venue_word_as_noun"),
                                                             after) and not (
        plain.startswith(words.words("places.city_parts"), after)) and not (
        elements[-1].level != "country" and _SITES_COUNTED.match(plain, after))
    # ("乌鲁木齐街头两名女子...": the city's streets, where the scene is; "昆山一家工厂的工人": a site in the city;
    # "米兰当地关门的店铺": 当地, local, is in the city)
    if runs_on:
        stop = after
        while stop < end and stop - after <= 8 and plain[stop] not in _HARD_STOPS:
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
    if _unit_at(text, plain, at, end, words, patterns, elements) is not None:
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
        if after < end and plain[after] in _CITY_NAME_ENDS and name[-1] != "市" and _all_han().fullmatch(name) and (
                chinese_county_provinces(name) or _cjk_population(name)):
            return at, stop
    return None


def _view_at_end(words: Words) -> re.Pattern:
    """A word of places.views ending a run of words (夜景, 全景, 风光), compiled once."""
    made = words._made.get(("view_at_end",))
    if made is None:
        made = words._made[("view_at_end",)] = compiled(f"(?:{words.any('places.views')})$")
    return made


#: A distance after a direction from a place, then 处 ("at") or 的 ("开罗以东50公里处", "以南约30公里的"): the site
#: after it lies that far from the place.
_DISTANCE = compiled(r"约?[\d.]+多?(?:公里|千米|英里|米)(?:处|處)?的?")
#: A site counted or left unnamed after a place ("一家工厂", "一处市场", "多家企业", "某小区"): a site in that place.
_SITES_COUNTED = compiled("[一多几数某](?:家|处|座|所|间|栋|幢|条|片)|某")


def _read_chain(text: str, plain: str, at: int, end: int, words: Words,
                patterns: dict) -> tuple[list[Element], str | None]:
    """Administrative units from `at` onward (安徽省合肥市, 广东深圳, 美国纽约), then a venue."""
    if plain[at:at + 1] in _empty_starts(words):
        return [], None  # ("。", "（", "的": a stop that no unit and no venue begins at, see _empty_starts)
    inside = at + 1 if plain[at:at + 1] in _QUOTES else at if at > 0 and plain[at - 1] in _QUOTES else None
    if inside is not None and _a_title_before_its_venue(text, plain, inside, end, words, patterns):
        return [], None  # "航拍下的“福建土楼王”承启楼": the quotes hold what the venue after them is called
    elements: list[Element] = []
    position = at
    if words.pattern("places.reference_before").search(plain, max(0, at - 3), at) and re.search(
            f"(?:{words.any('places.reference_before')})$", plain[max(0, at - 3):at]) or plain.startswith(
            words.words("places.origins"), at):
        return [], None  # "距离北京200公里", "来自广东的游客": a reference point or an origin, not the scene (also
        # read from the word's own start: "家住朝阳区幸福村的王大爷" names no 家住朝阳区)
    if at > 2 and plain[at - 1] in _ROUTE_JOINS and _a_place_ends_at(text, plain, at - 1, words, patterns):
        return [], None  # "南通到上海的行程", "贵阳至安顺段": the far end of a route, no scene
    company, company_last, referred, referred_first = _chain_openers(words)
    if at > 1 and plain[at - 1] in company_last and company.search(plain, max(0, at - 4), at):
        return [], None  # "国网原平市供电公司": a national company's branch is named after its place, no scene
    reference = referred.match(plain, position, end) if plain[position:position + 1] in referred_first else None
    if reference is not None and _unit_at(text, plain, reference.end(), end, words, patterns, []) is not None:
        position = reference.end()  # "该县宝丰镇施洋小学": the county the caption named before, then a unit of it
    if plain[position:position + 1] in words.set("places.run_in_verbs"):
        position = _after_a_run_in_verb(text, plain, position, end, words, patterns) or position
        # ("航拍穿沈阳市而过", "对准东丰市城里": a verb of one character run into the unit's name)
    kind = _a_kind_of_city(plain, position, end, words)
    if kind is not None and _unit_at(text, plain, kind, end, words, patterns, []) is not None:
        position = kind  # "在边境城市东兴", "在港口城市海法": what kind of city it is, then its name
    elif kind is not None:
        called = _named_as_a_city(plain, kind, end)
        if called is not None:  # "边境小城——密山,": a county-level city too small for the gazetteer's names
            return [Element("place", text[called[0]:called[1]], called[0], called[1], link=",")], None
    while position < end:
        if plain[position] in "，,、" and elements and len(elements) < 4:
            following = _unit_at(text, plain, position + 1, end, words, patterns, elements)
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
                return elements, _A_LIST
            position += 1
            continue
        if plain[position] in _SPACES and elements and len(elements) < 4:
            following_at = position
            while following_at < end and plain[following_at] in _SPACES:
                following_at += 1
            following = _unit_at(text, plain, following_at, end, words, patterns, elements)
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
            if part is not None and _unit_at(text, plain, part.end(), end, words, patterns, elements) is not None:
                position = part.end()  # "位于西藏西南部的日喀则地区": a part of it, then the unit in that part
            kind = _a_kind_of_city(plain, part.end() if part is not None else position, end, words)
            if kind is not None and _unit_at(text, plain, kind, end, words, patterns, elements) is not None:
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
        if elements and plain.startswith("境内", position):
            position = _past_within(text, plain, position, end, words, patterns, elements)
            # ("四川凉山州境内的越西县": within the prefecture, its county)
        stretch_end = _unit_at(text, plain, position + 1, end, words, patterns, elements) if elements and (
            plain[position:position + 1] in words.set("places.stretch_joins")) else None
        if stretch_end is not None and not _venue_word_ahead(plain, stretch_end[1], end, words.pattern(
                "places.venue")):
            # "雅江县至理塘县之间", "从林朵县至夸尔县的公路": a stretch from one place to the next, neither of them
            # the scene, and 至 ("to") begins no name of the unit after it; the province or the country that holds
            # them both (四川) stays, a unit below it may be the start's own (甘孜州 holds 雅江县, not the stretch)
            # (not "济南至泰安高速公路": the stretch names the venue after it)
            return [e for e in elements[:-1] if e.level in ("country", "province")], _A_LIST
        unit = _unit_at(text, plain, position, end, words, patterns, elements)
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
            element = _element(text, city.end, element.end, words, patterns)
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
        if elements and _rank(plain[elements[-1].start:elements[-1].end], words) == _VILLAGE_RANK and _rank(
                plain[element.start:element.end], words) < _VILLAGE_RANK:
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
            break  # "中国石化镇海炼化公司": a country's chain does not jump to a town
        if element.level == "place" and elements and elements[-1].level in ("county", "town"):
            element.level = "town"  # "婺源县王村石门自然村": a name below a county is no city, whatever its namesakes
        if element.level == "county" and not element.prefecture and simplified(element.value).endswith("区") and (
                elements and elements[-1].level == "county" and simplified(elements[-1].value).endswith(("县", "旗"))):
            element.level = "town"  # "永修县三角联圩新建区": an area inside a county is below it, never its city
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
        return elements, _A_LIST
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
        if elements[-1].level in ("city", "county") and plain[position:position + 1] not in _STOPS and (
                _SUFFIXED.search(plain, elements[-1].start, elements[-1].end)):
            below = _unit_at(text, plain, position, end, words, patterns, elements)
            if below is not None and plain.endswith(_TOWN_SUFFIXES, below[0].start, below[0].end):
                elements.append(below[0])  # "敦煌市的月牙村": a town or a village of the unit just named
                position = below[1]
    anchored = bool(elements) or position == at and _after_place_word(plain, at, words)
    venue = _venue_at(text, plain, position, end, words, patterns, whole_clause=after_comma, anchored=anchored)
    if venue is None and reference_point is not None:
        elements.append(reference_point)  # ("开罗以东50公里处某某项目的工地": no site read after the distance;
        # the chain stays as read before, the place the distance is from)
    if venue and venue[0] in _QUOTES and elements and elements[-1].end == position and _rank(
            plain[elements[-1].start:elements[-1].end], words) == _VILLAGE_RANK:
        venue = _venue_at(text, plain, position, end, words, patterns, whole_clause=after_comma, anchored=anchored,
                          described=False)  # "某某村“某某特早茶”种植基地": after a village, a quoted name and a
        # kind of venue are the village's produce and its base; the village stays the scene's
    if venue is None and not elements:
        return elements, None  # (most starts: no unit and no venue, and every test below asks for one)
    if venue is not None and taken is not None and not _the_whole_object(plain, position, end, venue):
        venue = None  # "拍摄的高速公路桥梁": the name read stops short of what was taken (left to the scored finder)
    if venue is not None:
        venue = _venue_beyond(text, plain, position, end, venue, words, patterns)
        if elements and elements[-1].end == position and plain.startswith(simplified(venue), position) and (
                _GREAT.match(plain, position) and patterns["venue_end"].fullmatch(simplified(venue)[1:])):
            # "呼伦贝尔大草原", "上海大剧院": 大 and a venue word alone name no venue; the place before is its name's
            # first word (and still the scene's city)
            venue = text[elements[-1].start:position] + venue
    elif elements and elements[-1].end == position and not after_comma and (
            len(elements) == 1 or _a_district(elements[-1], words)):
        named = _named_for_the_unit(plain, elements[-1], end, words)
        if named is not None:  # "在湖南省博物馆参观": the province names the museum, no chain of the scene
            # (a unit after others is the chain's: "山东临沂,临沂市博物馆里")
            venue = text[elements[-1].start:named]
            if not _a_district(elements[-1], words):  # (a district stays: its city-state is the city, 九龙公园)
                elements.pop()
        else:
            venue = _park_of_the_unit(text, plain, elements[-1], end, words)
    elif elements and elements[-1].end == position and not after_comma:
        venue = _park_of_the_unit(text, plain, elements[-1], end, words)
    if venue and not elements:  # "长江南京段", "黄河兰州段的中山桥": a river, the city of its stretch, its venue
        venue, elements = _stretch(text, plain, plain.find(simplified(venue), position, end), venue, end, words,
                                   patterns)
    if venue is None and elements and not after_comma:
        landmark = _LANDMARK.match(plain, position, end)
        if landmark and not landmark.group().startswith(words.words("places.not_names")) and not (
                _cjk_population(landmark.group())):
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
            _SUFFIXED.search(plain, elements[-1].start, elements[-1].end)):
        # "北京大兴国际机场": a district written bare right before a venue is the first word of its name
        venue = text[elements[-1].start:position] + venue
        elements.pop()
    if venue and elements and not numbered and elements[-1].end == position and len(elements) == 1 and not (
            _SUFFIXED.search(plain, elements[-1].start, elements[-1].end)) and _an_institution(
            simplified(venue), words) and not (
            _big_names(words).match(simplified(venue))):
        # "上海交通大学", "北京协和医院": a city's bare name that begins an institution's name is the name's, and
        # no chain of the scene (as "北京大学百年讲堂"); but a name that begins with its province's is the
        # institution's whole name, and the city before it the chain's ("长沙湖南大学")
        venue = text[elements[-1].start:position] + venue
        elements.pop()
    if venue and elements and elements[-1].level == "place" and elements[-1].end == position and len(
            simplified(venue)) == 2 and _cjk_population(simplified(elements[-1].value)) < BIG_CITY_POPULATION and (
            _country_of_places(simplified(elements[-1].value)) not in _GREATER_CHINA) and (
            len(elements) == 1 or elements[-2].level not in ("province", "country")):
        # "布达拉宫": a bare name of a smaller foreign city (Buda) that would leave a venue of one character and its
        # venue word begins the venue's name (not "北京故宫", the city is big; not "兴义万峰林", a Chinese city;
        # not "西藏拉萨布达拉宫", a province vouches)
        venue = text[elements[-1].start:position] + venue
        elements.pop()
    if venue and len(elements) == 1 and elements[0].level == "country" and elements[0].end == position and (
            simplified(elements[0].value) in words.set("places.country_in_names")):
        return [], text[elements[0].start:position] + venue  # "中国科学院植物研究所": the country names the venue
    if elements and plain[elements[-1].end:elements[-1].end + 1] in _ROUTE_JOINS and _unit_at(
            text, plain, elements[-1].end + 1, end, words, patterns, []) is not None:
        # "江苏南通到上海的行程", "高速公路贵阳至安顺段": a place right before 到 or 至 and another right after it are
        # a route's two ends, neither the scene (not "成都到处", "北京至今": no place follows); the route named as
        # the venue keeps what holds it ("山东济南至泰安高速公路"), any other reading tells no scene
        if not (venue and simplified(venue).startswith(_ROUTE_WORDS)):
            return [], None
        elements.pop()
    teams = words.words("places.team")
    team = next((i for i, element in enumerate(elements) if plain.startswith(teams, element.end)), None)
    if team is not None:
        # "广东队坐镇主场某某篮球中心": a place right before 队 names a team, not the scene's chain (nor is "队坐镇" a
        # town after it); the venue read on stays
        del elements[team:]
    if elements or venue:
        found = plain.find(simplified(venue), position, end) if venue else -1
        after = found + len(venue) if venue and found >= 0 else elements[-1].end if elements else position
        if words.pattern("places.team").match(plain, after):  # (past `end`: _venue_anywhere cuts at the venue)
            return [], None  # "山东泰山队球员": a team's name, not the scene
        if not venue and plain.startswith(_HEADING_WORDS, after):
            return [], None  # "在北京开往拉萨的列车上": where a train set out from, not the scene
        if not venue and words.pattern("places.outlets").match(plain, after):
            return [], None  # "浙江在线11月24日讯", "杭州日报记者": an outlet's name, not the scene
        if venue and words.pattern("places.members").match(plain, after):
            return [], None  # "上海京剧院名角", "世界日报旧金山社长": a person's body, not the scene
        if plain.startswith(words.words("places.departures"), after) and _a_departure_described(plain, after, words):
            return [], None  # "中国香港西九龙站驶出的一列列车,停在深圳福田火车站": where the train left, no scene
        if "在" in plain[after:after + _TROUPE_REACH] and _a_troupe_elsewhere(plain, after, end, words):
            return [], None  # "某村的秧歌队在庙会上献演": the troupe's home, not the scene
    return elements, venue


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
    if len(name) < 3 or _cjk_population(name) or _suffixed_population(name) or _a_chinese_county(name):
        return None
    following = _unit_at(text, plain, at + 1, end, words, patterns, [])
    if following is None or following[0].level not in ("city", "county", "place"):
        return None
    core = _suffix_at_end(words).sub("", simplified(following[0].value))
    known = _known_city(plain, at + 1, at + 1 + len(core), True, _bare_cities(words)) == at + 1 + len(core)
    return at + 1 if known or _a_county_anywhere(core) or core in words.set("places.prefectures") else None


def _a_title_before_its_venue(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether the quotes opened right before `at` hold what the venue written right after them is called ("“福建土楼
    王”承启楼", "“天下第一村”华西村"): a venue's name of two characters or more before its venue word begins at the
    closing quote, with no stop between; the quoted words are then no place of the scene."""
    end = max(end, min(len(plain), at + 2 * _LONGEST_VENUE))  # (a chain read up to a venue word in the quotes)
    close = plain.find(_QUOTES[plain[at - 1]], at, min(end, at + _LONGEST_VENUE))
    if close < 0 or close + 1 >= end or plain[close + 1] in _HARD_STOPS:
        return False
    venue = _venue_at(text, plain, close + 1, end, words, patterns)
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
    return plain[start:start + 1] in _LINKS_IN_NAMES and (start > 0 and plain[start - 1] in "在于" or (
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
        below = _unit_at(text, plain, found + len(praise) + 1, end, words, patterns, elements)
        if below is not None and _rank(simplified(below[0].value), words) > _rank(
                simplified(elements[-1].value), words):
            return below
        return None
    return None


_PRAISE_OPENING = compiled("素有|享有|有")


def _a_zone_of_the_village(plain: str, elements: list[Element], venue: str, words: Words) -> bool:
    """Whether the venue is a zone (places.zones_unnamed: 示范区, 园区) written right after the village that ends the
    chain ("依溪村油菜冬种核心示范区", the village's zone for a crop): the zone lies inside the village, which is the
    place named (the larger one, as for a venue inside a venue)."""
    last = elements[-1] if elements else None
    if last is None or _rank(simplified(last.value), words) != _VILLAGE_RANK:
        return False
    written = simplified(venue)
    return plain.startswith(written, last.end) and written.endswith(words.words("places.zones_unnamed"))


def _a_departure_described(plain: str, at: int, words: Words) -> bool:
    """Whether the verb of setting out at `at` describes a thing by where it left ("大阪港驶出的一艘渡轮": 的
    follows), rather than telling what the photo shows leaving ("渔船从沈家门渔港驶出,": the port is the scene)."""
    verb = next(w for w in words.words("places.departures") if plain.startswith(w, at))
    return plain.startswith("的", at + len(verb)) or "从" not in plain[max(0, at - _DEPARTURE_REACH):at]


#: How far before a verb of setting out 从 may open the place left ("从舟山普陀沈家门渔港驶出": 从, then the chain).
_DEPARTURE_REACH = 12


def _departure_starts(plain: str, start: int, end: int, words: Words) -> set[int]:
    """Where a place begins that the photo shows something set out from: after 从, when a verb of setting out
    (places.departures: 驶出, 驶离) ends the name in the same clause and no 的 follows it ("渔船从舟山普陀沈家门渔港
    驶出,": the port is the scene; "从某港驶离的渔船" describes the boats by where they came from)."""
    found: set[int] = set()
    at = plain.find("从", start, end)
    while at >= 0:
        verb = words.pattern("places.departures").search(plain, at + 1, min(end, at + 1 + _DEPARTURE_REACH))
        if verb is not None and not any(c in _HARD_STOPS for c in plain[at + 1:verb.start()]) and (
                not plain.startswith("的", verb.end())):
            found.add(at + 1)
        at = plain.find("从", at + 1, end)
    return found


#: How far after a place a troupe it names may be said to be somewhere (的, the troupe's name, 在).
_TROUPE_REACH = 8


def _a_troupe_elsewhere(plain: str, after: int, end: int, words: Words) -> bool:
    """Whether a group the place names as its home follows at `after` (的 may come first, then a name of two to
    five characters ending in places.troupe_ends: 秧歌队, 龙灯队) and is then said to be somewhere (在)."""
    at = after + 1 if plain.startswith("的", after) else after
    stop = plain.find("在", at, min(end, after + _TROUPE_REACH))
    name = plain[at:stop]
    if stop < 0 or not 2 <= len(name) <= 5 or not name.endswith(words.words("places.troupe_ends")) or (
            han_char().fullmatch(name[0]) is None) or any(ch in _HARD_STOPS for ch in name):
        return False
    there = stop + 1  # (a part of its home, or a word referring back to it, says the troupe is at home: "在镇区")
    return not plain.startswith(words.words("places.city_parts"), there) and not plain.startswith(
        words.words("places.determiners"), there) and not plain.startswith(("当地", "家门口"), there)


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
    """The characters a chain read from one of them finds nothing after, made once: the stops `_unit_at` turns
    away at once and `_venue_at` ends a name at before it begins (no comma or space that `_read_chain` steps
    over, no opening quotation mark, no character a name may run on over: 和, 与, 及, 同), that open no word
    `_read_chain` reads at its start (places.determiners, places.city_kinds, places.city_qualities). Most
    sentences read chains from after each of their stops (`_boundaries`), and a caption's cut credit leaves
    runs of them."""
    made = words._made.get(("empty_starts",))
    if made is None:
        opening = {w[0] for w in words["places.determiners"] + words["places.city_kinds"] + words[
            "places.city_qualities"] if w}
        made = words._made[("empty_starts",)] = frozenset(
            _HARD_STOPS - set("，, ") - set(_QUOTES) - set(_SOFT_BREAKS) - set(_LINKS_IN_NAMES) - set(
                _LAST_OF_A_VENUE_WORD) - opening)
    return made


def _reads_as_before(plain: str, at: int, words: Words) -> bool:
    """Whether a chain read from `at` is the one read from `at - 1`: both stand inside a run of spaces (a cut
    credit leaves one), from which `_read_chain` reads no unit and steps over the spaces to the same place
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


def _the_whole_object(plain: str, start: int, end: int, venue: str) -> bool:
    """Whether a venue read after 拍摄的 is the whole of what was taken: a stop, a word of position or a bracket
    follows it ("拍摄的净月潭。", "拍摄的星海广场(无人机照片)"), not more of a common noun ("高速公路桥梁")."""
    at = plain.find(simplified(venue), start, end)
    after = at + len(venue) if at >= 0 else end
    return after >= end or plain[after] in _HARD_STOPS or plain[after] in _POSITION_WORDS


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
    if any(ch in _NAME_BREAKS or ch in _POSITION_WORDS for ch in name) or _ASPECT.search(name) or name.startswith(
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
    _unit_at reads it (no country, no city of its own)."""
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
    if not _SUFFIXED.search(plain, unit.start, unit.end) and not _a_district(unit, words):
        return None
    word = words.pattern("places.venue").match(plain, unit.end, end)
    if word is None or len(word.group()) < 2:
        return None
    after = word.end()
    if after < end and plain[after] not in _HARD_STOPS and plain[after] not in _POSITION_WORDS and not (
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
    if unit.level not in ("city", "county") or not _SUFFIXED.search(plain, unit.start, unit.end):
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


def _common_noun_venue(venue: str) -> bool:
    """Whether a venue reads as a common noun: one character before a one-character venue word of a built or
    worked place (果园, 菜园, 工厂, 车站), which names no place of its own."""
    plain = simplified(venue)
    return len(plain) == 2 and plain[1] in _BUILT_WORDS


def _after_of(plain: str, venue: str, start: int, end: int) -> bool:
    """Whether 的 comes right before the venue's name where the sentence writes it ("霞浦县的小港湾")."""
    at = plain.find(simplified(venue), start, end)
    return at > 0 and plain[at - 1] == "的"


def _generic_venue(venue: str, words: Words) -> bool:
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
    return False


#: One-character venue words of built or worked places (not 山, 湖, 宫, 寺: 泰山, 西湖, 白宫 are names).
_BUILT_WORDS = "园厂场站馆楼港桥街路"


def _venue_beyond(text: str, plain: str, position: int, end: int, venue: str, words: Words,
                  patterns: dict) -> str:
    """The venue named after a venue that is only a reference point ("埃菲尔铁塔对面人权广场上", "故宫对面的景山公园":
    the square, the park), else the venue."""
    found = plain.find(simplified(venue), position, end)
    beside = words.pattern("places.beside").match(plain, found + len(venue), end) if found >= 0 else None
    if beside is None:
        return venue
    at = beside.end() + (plain[beside.end():beside.end() + 1] == "的")
    return _venue_at(text, plain, at, end, words, patterns) or venue


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
    if smaller is None or any(ch in _NAME_BREAKS or ch in _STOPS for ch in smaller.group()) or (
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
        unit = _unit_at(text, plain, position, end, words, patterns, elements)
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
        inner = _venue_at(text, plain, section.end() + 1, end, words, patterns)
        venue = inner or venue
    return venue, elements


def _a_place_ends_at(text: str, plain: str, stop: int, words: Words, patterns: dict) -> bool:
    """Whether a place name of two to four characters ends right at `stop` ("南通" before "到上海")."""
    for length in (2, 3, 4):
        if stop - length >= 0:
            unit = _unit_at(text, plain, stop - length, stop, words, patterns, [])
            if unit is not None and unit[1] == stop:
                return True
    return False


def _listed_after(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether another place follows a list word ("和泰州两市"), not an official ("与韩国国防部长")."""
    unit = _unit_at(text, plain, at, end, words, patterns, [])
    return unit is not None and not _an_office_follows(plain, unit[1], end, words)


def _short_province(plain: str, at: int, end: int, words: Words, after_country: bool = False) -> int | None:
    """Where a foreign province's or state's short name (安省, 加州, 南澳: places.short_provinces) that starts at `at`
    ends, when a city the gazetteer knows (or a name in foreign sounds ending its clause) follows it or a country
    comes right before it ("美国加州北部"); None
    otherwise (南澳 alone is also a county of Guangdong)."""
    for name in words.words("places.short_provinces"):
        if plain.startswith(name, at) and (after_country or _known_city(
                plain, at + len(name), end, True, _bare_cities(words)) is not None or _transliterated_name(
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
    while stop < min(end, at + 6) and plain[stop] not in _HARD_STOPS:
        stop += 1
    return words.pattern("places.offices").search(plain, at, stop) is not None


def _unit_at(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
             before: list[Element]) -> tuple[Element, int] | None:
    """One administrative unit or known place name at `at`, and where it ends."""
    if at >= end or plain[at] in _HARD_STOPS and not (
            before and before[-1].end == at and plain[at] in _SOFT_BREAKS) and not (
            _a_link_opening_after_at(plain, at)):  # (天津市和平区: see _unit_name_ok; "在和平区")
        return None
    if not before and _no_name_begins(plain, at, end, words, patterns):
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
                _known_city(plain, at + len(name), end, True, _bare_cities(words)) is not None) or (
                name in _city_states(words).values() and _a_district_of(plain, at + len(name), end, name, words)) or (
                _a_county_follows(plain, at + len(name), end, patterns)) or (
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
                    return _element(text, at, suffixed.end(), words, patterns), suffixed.end()
            prefecture = _PREFECTURE_AFTER.match(plain, at + len(name), end)
            if prefecture is not None:  # "青海省海南藏族自治州", "海南州贵德县": a prefecture named as a province is
                return Element("county", text[at:prefecture.end()], at, prefecture.end(), link=",",
                               prefecture=True), prefecture.end()
            level = "city" if name in places["municipalities"] else "province"
            element = Element(level, text[at:at + len(name)], at, at + len(name), link=",")
            element.population = _cjk_population(name) if level == "city" else 0
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
    if unit is not None and unit.end() - at >= 4 and _rank(unit.group(), words) >= _TOWN_RANK:
        district = _district_at(plain, at, unit.end() - 2, words, before)
        if district is not None:  # "大埔林村": a district of a city-state, then a village of its own
            return Element("town", text[at:district], at, district, link=","), district
    if unit is not None and patterns["venue_end"].search(plain, at, unit.end()) and len(
            patterns["venue_end"].search(plain, at, unit.end()).group()) > 1:
        unit = None  # "日本防卫省": a ministry, not a province
    if unit is not None and plain[unit.end() - 1] == "区" and unit.end() - at >= 4 and plain[
            unit.end() - 2] in _DIRECTIONS and plain[unit.end() - 3] in _BUILT_VENUE_ENDS:
        unit = None  # "武侯祠西区", "世纪公园东区": a section of a venue, no district
    if unit is not None and unit.end() - at >= 6 and _a_venue_inside(plain, at, unit, words):
        unit = None  # "浙东运河越城区段": a canal, then the district of its stretch, not one district's long name
    if unit is not None and plain[unit.end():unit.end() + 1] in ("市", "县", "区") and plain[
            unit.end() + 1:unit.end() + 2] not in _NOT_SUFFIX_AFTER[plain[unit.end()]] and (
            plain[unit.end():unit.end() + 2] not in words.set("places.not_units")) and not plain.startswith(
            words.words("places.city_parts"), unit.end()):  # (not "秭归县县城": the county, then its town)
        unit = patterns["units"].fullmatch(plain, at, unit.end() + 1)  # "景德镇市": the city, not the town 景德镇
        # (but "秭归县县城" is the county, then its seat: 县城 is a word)
    if unit is not None and plain[unit.end() - 1] in _RARE_SUFFIXES and unit.end() < end:
        # "红旗村", "升旗山": 旗 (a banner of Inner Mongolia) ends a word, not the unit, when a village's suffix or a
        # venue word follows
        if plain[unit.end()] in _TOWN_SUFFIX_CHARACTERS:
            unit = patterns["units"].fullmatch(plain, at, unit.end() + 1)
        elif patterns["venue_start"].match(plain, unit.end(), end):
            unit = None
    if unit is not None and _unit_name_ok(plain, at, unit.end(), words, bool(before) and before[-1].end == at):
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
            return _element(text, tail, unit.end(), words, patterns), unit.end()
        if name_length == 1 and written[-1] in _VILLAGE_SUFFIXES and (_runs_into_a_venue(
                plain, unit.end(), end, words, patterns) or province and unit.end() < end and _county_of(
                plain[at:unit.end() + 1], province)):
            unit = None  # "九寨沟风景区": a village's suffix inside a venue's name, not 九寨 and 沟风景区;
            # "四川九寨沟": inside the name of a county of the province just named
        elif name_length >= 1:
            return _element(text, at, unit.end(), words, patterns), unit.end()
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
        county = _county_below_its_city(plain, at, end, before, words)
        if county is not None:
            return Element("county", text[at:county], at, county, link=","), county
        return None  # "拉萨布达拉宫": right after a city, a bare namesake of another is the start of a venue
    city = _known_city(plain, at, end, bool(before), _bare_cities(words), _one_character_venues(words),
                       province_before=bool(before) and before[-1].level == "province" and before[-1].end == at)
    if city is not None and plain[at:city] in words.set("places.sides"):
        city = None  # "卑诗省南岸温岛": the province's south coast, no city (though Chongqing has a 南岸区)
    if city is not None and plain[at] in _DIRECTIONS and plain[at + 1:city] in _STREET_AFTER_A_DIRECTION:
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
    if city is None and not before and _opens_a_phrase(plain, at):
        city = _town_before_its_locals(plain, at, end)  # "定陶当地的群众"
    if city is None and not before and _opens_a_phrase(plain, at):
        city = _city_before_its_county(plain, at, end)  # "海东化隆的青稞"
    province = _province_of(before)
    if city is None and province and before[-1].end == at:  # "山东曲阜孔庙": a county of the province just named
        city = next((at + n for n in (3, 2) if at + n <= end and _county_of(plain[at:at + n], province)), None)
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
    if city is not None and (not _venue_begins(plain, city, end, words, patterns) or _big_names(words).match(
            plain, city) or _begins_a_longer_name(plain, city, end, words) or plain.startswith(words.words(
                "places.country_in_names"), city) or _begins_a_named_road(plain, city, end, words)) and not (
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
        if stop > end or not _county_of(plain[at:stop], province):
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
            if _all_han().fullmatch(one + other) is None:
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


def _no_name_begins(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether `_unit_at`, asked at `at` with no unit before it, is sure to find nothing, told by a few tests
    instead of its dozen look-ups (a chain is read from every start a sentence offers, and at most of them no
    unit begins: "游客在...", "记者从..."). Every name `_unit_at` can take there begins with a Han character
    (its readers all ask for one) and with two characters that begin a name of the gazetteer
    (han_name_starts) or of the word lists (_listed_name_starts), except a name it takes for what follows it,
    each tested here as its reader tests it: a unit's suffix ahead (the "units" pattern), and a county known by
    its readings (_a_chinese_county) alone in its clause (_known_city), before a venue's name
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
        return False  # "在常熟，": a name that is a whole clause (_known_city)
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
    """The first two characters of the word lists' names `_unit_at` may take at a chain's start (provinces,
    municipalities, territories, countries, cities and their nicknames, foreign provinces' short names, the
    city-states and their districts, the autonomous prefectures' short names), and the names of one character,
    made once."""
    def build() -> tuple[frozenset[str], frozenset[str]]:
        names = [*words["places.provinces"], *words["places.municipalities"], *words["places.territories"],
                 *words["places.countries"], *_bare_cities(words), *words["places.short_provinces"],
                 *_city_states(words).values(), *_listed_districts(words), *words["places.prefectures"]]
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
        if _known_city(plain, element.start, cut, bool(before) and before[-1].level == "province") != cut:
            continue
        unit = _unit_at(text, plain, element.start, cut, words, patterns, before)
        if unit is not None and unit[1] == cut and unit[0].level in ("place", "city"):
            return replace(unit[0], level="city")  # (the county below it makes it a city, as 市 would)
    return None


def _a_city_of_the_province_follows(plain: str, at: int, end: int, province: str) -> bool:
    """Whether a city of the province just named follows it, written bare and ending its phrase, though its name
    ends in a venue word ("广西河池的博物馆": 池, a pond): the gazetteer holds the name with 市 (河池市) and it reads
    as a city or county of that province, so the two agree and the province vouches for them."""
    for stop in (at + 3, at + 2):
        if stop < end and plain[stop] in _PHRASE_ENDS and _county_of(plain[at:stop], province) and (
                _suffixed_population(plain[at:stop]) >= CITY_AFTER_PROVINCE_POPULATION):
            return True
    return False


#: What ends a phrase after a place's name: 的, or a stop.
_PHRASE_ENDS = frozenset("的，,。；;")


def _a_county_follows(plain: str, at: int, end: int, patterns: dict) -> bool:
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
    return plain[at:at + 1] in _DIRECTIONS and plain.startswith(_ROADS_NAMED_FOR_CITIES, at + 1)


def _bare_cities(words: Words) -> frozenset[str]:
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
        known = population >= CITY_BEFORE_A_VENUE_POPULATION and country in _GREATER_CHINA or (
            _suffixed_population(name) >= SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION) or (
            length == 2 and population and _opens_a_phrase(plain, at) and name[-1] not in _one_character_venues(
                words) and plain[stop] not in _one_character_venues(words) and _a_chinese_town_and_county(name)) or (
            population >= CITY_BEFORE_A_VENUE_POPULATION and country is not None and _sounded(name, words)) or (
            population >= TAIWAN_TOWN_BEFORE_A_VENUE_POPULATION and country == "TW") or (
            not population and _opens_a_phrase(plain, at) and name in words.set("places.prefectures") and name[
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
        venue = _venue_at(text, plain, named, end, words, patterns)
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
    return venue[:1] in _DIRECTIONS and venue[1:] in _TOWNS_STREETS


#: The words of a street that a direction makes a town's own (not 路 or 大道: "南京东路" is named for a city).
_TOWNS_STREETS = frozenset({"街", "大街"})


def _sounded(name: str, words: Words) -> bool:
    """Whether a name is written in the characters of foreign sounds alone (places.transliteration: 第戎, 尼姆)."""
    sounds = words.set("places.transliteration")
    return all(character in sounds for character in name)


def bare_city_before(plain: str, at: int, earliest: int) -> int | None:
    """Where a bare city starts that ends at `at`, right before a venue the register names there, or None: a
    name of two to four characters, not before `earliest`, opening its clause or after 在, 于, 与 or 到, that the
    gazetteer knows as a city of Greater China with CITY_BEFORE_A_VENUE_POPULATION people, as before a venue's
    name read by its word (``_city_before_a_venue``: "拉萨布达拉宫")."""
    for length in (4, 3, 2):
        start = at - length
        if start < earliest or not _opens_a_phrase(plain, start):
            continue
        population, country = chinese_name_cities(plain[start:at])
        if population >= CITY_BEFORE_A_VENUE_POPULATION and country in _GREATER_CHINA:
            return start
    return None


def _opens_a_phrase(plain: str, at: int) -> bool:
    """Whether `at` opens a clause, or a place phrase after 在, 于, 与 or 到 ("在奉化", "与甘南")."""
    return at == 0 or plain[at - 1] in _CLAUSE_OPENS or plain[at - 1] in "在于与到"


def _a_capital_named_for_its_country(plain: str, at: int, country_end: int, before: list[Element]) -> bool:
    """Whether a country's name and 城 name its capital (墨西哥城, 科威特城): after that country in the chain
    ("科威特首都科威特城"), or a city the gazetteer knows by the whole name."""
    name = plain[at:country_end]
    if any(e.level == "country" and simplified(e.value) == name for e in before):
        return True
    return _cjk_population(plain[at:country_end + 1]) >= CITY_BEFORE_A_VENUE_POPULATION


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
    following = _unit_at(text, plain, within.end(), end, words, patterns, elements)
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
    if name in _bare_cities(words):
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
        if plain[stop - 1] in _STOPS:
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
        if plain[stop - 1] in _STOPS:
            continue
        name = plain[at:stop]
        population, where = chinese_name_cities(name)
        floor = CITY_BEFORE_A_VENUE_POPULATION
        if not population:
            population, where = chinese_city_abroad(name)
            floor = SUFFIXED_CITY_BEFORE_A_VENUE_POPULATION
        if population < floor or where is None or where in _GREATER_CHINA:
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
                _all_han().fullmatch(plain, at, stop) is not None) and _a_chinese_town_and_county(plain[at:stop]):
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
            _suffixed_population(name) >= CITY_AFTER_PROVINCE_POPULATION):
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
def _suffixed_population(name: str) -> int:
    """The population of the city the gazetteer knows as this name and 市 (大同 → 大同市), or 0."""
    return chinese_city_population(name) if _all_han().fullmatch(name) else 0
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
    if not _all_han().fullmatch(plain) or len(plain) == 2 and _cjk_population(plain) < DISTRICT_POPULATION:
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
        if at + length <= end and plain[at + length - 1] not in _STOPS:
            name = plain[at:at + length]
            found = memo.get(name, _UNKNOWN)
            if found is _UNKNOWN:
                found = city_state_district("", words, name)
            if found is not None:
                return at + length
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
    while stop < min(end, at + _LONGEST_VENUE) and plain[stop] not in _HARD_STOPS and plain[stop] not in _NAME_BREAKS:
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
    while stop < min(end, at + _LONGEST_VENUE) and plain[stop] not in _HARD_STOPS and plain[stop] not in _NAME_BREAKS:
        stop += 1
    road = next((m for m in re.finditer("|".join(_ROAD_ENDS), plain[first.end() + 1:stop])), None)
    return road is not None and not words.pattern("places.venue").search(
        plain, first.end(), first.end() + 1 + road.start())


def _venue_begins(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether a venue word begins at `at`, so that a name right before it is the venue's own (维多利亚港); not
    a venue word of an everyday noun ("绍兴街头": the streets of Shaoxing)."""
    generic = _GENERIC_BEFORE_A_VENUE.match(plain, at, end)
    if generic is not None:  # "成都国际机场", "南京南站": a name no word of its own makes the place's
        rest = generic.end()
        return bool(patterns["venue_start"].match(plain, rest, end)) if generic.group(1) else plain.startswith(
            _STATIONS, rest)
    return bool(patterns["venue_start"].match(plain, at, end)) and not plain.startswith(
        words.words("places.venue_word_as_noun"), at) and not _a_village_named_by_its_site(plain, at + 1)


#: The suffixes of a village that a venue word and a word of position name (塔下村, 山下村, 溪边寨).
_VILLAGE_BY_A_SITE = frozenset("村屯寨")


def _a_village_named_by_its_site(plain: str, at: int) -> bool:
    """Whether a word of position and a village's suffix begin at `at`, right after a venue word of one character
    (下村 of "塔下村", "山下村", "岭前村"): the village is named by where it lies, below the tower or the hill, and
    the venue word is its name's first character, no venue's last (not 村民, villagers: "山上村民")."""
    return plain[at:at + 1] in _POSITION_WORDS and plain[at + 1:at + 2] in _VILLAGE_BY_A_SITE and (
        plain[at + 2:at + 3] != "民")


#: A run of Chinese characters (a name is made of them alone).
_HAN_RUN = compiled(f"[{HAN}]+")
#: The one-character words of a street, which make a street's name of a place's right before them (香港路).
_STREET_WORDS = ("路", "街", "道", "巷")
#: Words that begin with 城 and are no quarter of a city ("中国城市", "中国城乡": the country's towns)
_WORDS_OF_TOWNS = ("城市", "城乡", "城镇", "城区")
#: Words that make a venue's name of a city's with no name of their own (国际机场, 市立动物园), and the
#: directions that name a city's stations (南京南站, 北京西站).
_GENERIC_BEFORE_A_VENUE = compiled("(国际|市立|县立)|[东南西北](?=站|火车站|高铁站)")
_STATIONS = ("站", "火车站", "高铁站")


_DIGITS = compiled(r"\d+")


#: The gazetteer's country codes of the places Chinese captions name bare as their own.
_GREATER_CHINA = frozenset({"CN", "HK", "MO", "TW"})


#: The levels of a chain below a province: a province right after one of them is no step of the chain.
_BELOW_PROVINCE = ("city", "place", "county", "town")

#: One-character suffixes that also end everyday words (红旗, 升旗, 联盟): the banner and the league of Inner Mongolia.
_RARE_SUFFIXES = "旗盟"
#: What makes a district-like unit a zone, a site of its own, rather than a county or a district (高新南区, 容东片区,
#: 东港商务区, 雄安新区)
_A_ZONE = compiled("新区|片区|商务区|开发|经开|高新|示范|管理区|园区|保税|自贸|港区|景区|度假区"
                     "|文化区|商业区|工业区|旅游区|生态区")
#: The suffixes of a town or a village, which never make a city of the name they end (乌镇, 宏村, 望京街道).
_TOWN_SUFFIXES = ("镇", "乡", "村", "街道", "社区", "屯", "寨", "苏木", "嘎查")
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
_SUBDISTRICT = "街道"
#: The suffixes of a village, which also end words inside longer names (九寨沟, 中关村): a one-character name
#: before one reads as a village only when no name runs on after it
_VILLAGE_SUFFIXES = "村屯寨"


def _runs_into_a_venue(plain: str, at: int, end: int, words: Words, patterns: dict) -> bool:
    """Whether the characters right after a unit at `at` run on, with no stop, word of position or other unit,
    into a venue word two or more characters later ("九寨沟风景区"): the unit's suffix is then inside one name."""
    if at >= end or plain[at] in _STOPS or plain[at] in _NAME_BREAKS or not han_char().match(plain[at]):
        return False
    unit = patterns["units"].match(plain, at, end)
    if patterns["venue_start"].match(plain, at, end) or unit and not patterns["venue_end"].search(
            plain, at, unit.end()):
        return False  # "余村礼堂": a venue word at once follows the village; "王村石门自然村" is two units
    venue_word = words.pattern("places.venue").search(plain, at + 1, min(end, at + _LONGEST_VENUE))
    return venue_word is not None and not any(
        ch in _STOPS or ch in _NAME_BREAKS for ch in plain[at:venue_word.start()])


#: The administrative levels, largest first, as a chain goes down them (省 → 市 → 县 → 镇 → 村).
_LEVELS = ("province", "city", "county", "town", "village")
_VILLAGE_RANK = _LEVELS.index("village")


def _ranks(words: Words) -> tuple[dict[str, int], frozenset[str], int]:
    """Each suffix's rank down the chain, the characters suffixes end with, and the longest suffix (built once)."""
    made = words._made.get(("ranks",))
    if made is None:
        ranks: dict[str, int] = {}
        for number, level in reversed(list(enumerate(_LEVELS))):  # (a suffix in two lists: the larger level)
            ranks.update({suffix: number for suffix in words[f"places.{level}"]})
        made = words._made[("ranks",)] = (ranks, frozenset(s[-1] for s in ranks), max(map(len, ranks)))
    return made


def _rank(written: str, words: Words) -> int:
    """How far down the chain a unit's suffix puts it (0 for a province, 4 for a village; the longest suffix),
    len(_LEVELS) when it has none."""
    ranks, _, longest = _ranks(words)
    for length in range(min(longest, len(written)), 0, -1):
        rank = ranks.get(written[-length:])
        if rank is not None:
            return rank
    return len(_LEVELS)


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
    rank = _rank(unit.group(), words)
    if rank < _LEVELS.index("town"):
        return unit  # only a town's or a village's suffix ends a name early (九寨, 沙村)
    for stop in range(unit.end() + 1, min(end, unit.end() + 3) + 1):
        if plain[stop - 1] in _HARD_STOPS or plain[stop - 1] in _NAME_BREAKS:
            break
        longer = _rank(plain[at:stop], words)
        if longer < len(_LEVELS):  # the first suffix after the unit: "沙村镇", "九寨沟县"
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
    if len(name) < 5 or _rank(plain[at:unit.end()], words) > _LEVELS.index("county"):
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
                _cjk_population(plain[at:head]) < BIG_CITY_POPULATION):
            continue  # "三河坝镇": a town's name of three characters, not a small city and a town of one (a county
            # of one, "黄山黟县", is common; a town of one after a big city's name or in its province still reads,
            # "浙江安吉余村")
        if plain[at:head] in words.set("places.prefectures") or _known_city(
                plain, at, head, after_region, listed=_bare_cities(words)) == head or (
                province and length <= 3 and _county_of(plain[at:head], province)):
            return head
    if province is None and _rank(plain[at:unit_end], words) == _TOWN_RANK and plain[unit_end - 1] in "镇乡":
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


_TOWN_RANK = _LEVELS.index("town")

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
    if _cjk_population(whole) or _suffixed_population(whole) or chinese_county_provinces(whole):
        return None  # (a long name the gazetteer knows is one name)
    for length in (3, 2):
        start = name_end - length
        if start - at < 2:
            continue
        head = plain[at:start]
        if head in words.set("places.provinces") or head in words.set("places.prefectures") or _cjk_population(head):
            continue  # (a place before it: a chain, read as one elsewhere)
        if _known_city(plain, start, name_end, True, _bare_cities(words)) == name_end or _a_chinese_county(
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
    return plain.startswith("市", name_end) and _suffixed_population(plain[start:name_end]) > 0


def _a_county_anywhere(name: str) -> bool:
    """Whether a bare name of two or three characters reads as a county or county-level city of some province
    (什邡, 仙居): weak alone, since many words read as some county, but a town's name that follows vouches for it."""
    return _all_han().fullmatch(name) is not None and bool(chinese_county_provinces(name))


def _province_of(before: list[Element]) -> str | None:
    """The province (simplified, bare) that the chain read so far ends with, right before the next unit."""
    if before and before[-1].level == "province":
        return simplified(before[-1].value)
    return None


def _county_of(name: str, province: str) -> bool:
    """Whether a bare name of two or three characters reads as a county or county-level city of the province
    just named (四川汶川, 山东曲阜): the gazetteer's county names are in letters, so the name's readings are
    matched, and the province vouches for a match (many words read as some county somewhere)."""
    return _all_han().fullmatch(name) is not None and province in chinese_county_provinces(name)


#: Characters that, right after a suffix character, show it is no suffix: 市场 (market), 村民 (villagers), 市井
#: (the streets: "晚清广东市井生活" names no city 广东).
_CITY_WORDS = tuple("井容貌")  # (市井, the streets; 市容 and 市貌, a city's look: words, after any name)
_NOT_SUFFIX_AFTER = {"市": "场民委长政级内区中镇乡立报" + "".join(_CITY_WORDS), "县": "委长级政立",
                     # (and 区段, a line's section: "某铁路甲至乙区段" names no district)
                     "区": "域别间委长段", "省": "委长会级份内立",
                     # (乡长, 村长 as 镇长: a title, "新竹縣芎林鄉長X" names the township's head, no scene)
                     "村": "民委庄里长", "镇": "政长委", "乡": "亲村镇下委长", "州": "长委", "旗": "手帜袍杆下舰鼓"}
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
#: "Present-day", before a place's name as it is now written ("在今新北市", "位于今陕西省西安市").
_PRESENT_DAY = frozenset("今")


def _a_present_days_name(plain: str, at: int, words: Words) -> bool:
    """Whether a place's name the gazetteer or the province list knows begins at `at`, right after 今
    (present-day), and 今 with it makes no name it knows: "今新北市" is present-day 新北, but 今治 (Imabari) is a
    city's whole name."""
    for length in (3, 2):
        name = plain[at:at + length]
        if len(name) == length and (_cjk_population(name) > 0 or name in words.set("places.provinces")) and (
                _cjk_population(plain[at - 1:at + length]) == 0):
            return True
    return False


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


def _unit_name_ok(plain: str, start: int, end: int, words: Words, continuing: bool = False) -> bool:
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
    inside = _HARD_STOPS if len(written) <= 4 or "自治" in written or continuing and written.endswith(
        _LONG_SUFFIXES + _LONG_NAMED_TOWNS) else _STOPS  # (延边, 内江市, 上饶市; not "公园里"; after a larger unit,
    # 百里杜鹃管理区, and a township's transliterated name, 达里雅布依乡)
    # right after a larger unit, a short unit may hold a linking character ("安徽省无为市", "天津市和平区"): the
    # chain vouches for it, as for one that begins with one ("黔东南苗族侗族自治州从江县")
    vouched = continuing and len(written) <= 4
    breaks = _NEVER_IN_A_UNIT if vouched else _NAME_BREAKS  # ("大赵庄村农民在村文化广场": 在 no unit's name holds)
    linked = continuing and len(written) <= 3 and written[0] in _SOFT_BREAKS  # "天津市和平区", "安徽省和县"
    if any(ch in inside and not (vouched and ch in _SOFT_BREAKS) or ch in breaks for ch in written[1:]) or (
            written[0] in _HARD_STOPS and not linked and not _a_link_opening_after_at(plain, start)) or (
            written[0] in _NAME_BREAKS and not continuing and not _a_link_opening_after_at(plain, start)) or (
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
    if written.startswith(_longer_than_one(words.words("places.before_place"))):
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
            continuing and len(written) >= 3 and _cjk_population(_suffix_at_end(words).sub("", written)) > 0) and not (
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
    if len(written) == 2 and written[-1] == "区" and written[0] in _DIRECTIONS and not continuing:
        return False  # "位于中区的议事亭前地", "东区": a part of the city by its direction, named by no name of its own
    if _a_quarter_of_the_compass(written) and not continuing:
        return False  # "东南区国庆嘉年华": a region by its compass quarter (东南, 西北), named by no name of its own
    if written in words.set("places.zones_unnamed") and not continuing:
        return False  # "开发区交警中队": a kind of zone, no name (but "长沙经开区" is the city's zone)
    return written not in ("城市", "市区", "城区", "景区", "社区", "小渔村", "小山村", "小村")
    # (a small village of a kind, no name: "海边的小渔村", "大山里的小山村"; "某某渔村" is one)


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
        if (_a_chinese_county(name) or length == 2 and _a_chinese_town_and_county(name)) and _unit_name_ok(
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
        written[1] not in _DIRECTIONS) and written[1] not in _POSITION_WORDS and _a_county_anywhere(
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
        stops = re.escape("".join(sorted(_HARD_STOPS)) + _NAME_BREAKS)
        made = words._made[("short_unit",)] = compiled(f"[^{stops}]{{2,3}}?[{suffixes}](?![{suffixes}])")
    return made


def _short_village(words: Words) -> re.Pattern:
    """A village or a community of two or three characters and its suffix (长安村, 长青社区), written with no stop
    inside and not run into 民 (村民, villagers), compiled once."""
    made = words._made.get(("short_village",))
    if made is None:
        suffixes = "|".join(sorted(words["places.village"], key=len, reverse=True))
        stops = re.escape("".join(sorted(_HARD_STOPS)) + _NAME_BREAKS)
        made = words._made[("short_village",)] = compiled(f"[^{stops}]{{2,3}}?(?:{suffixes})(?!民)")
    return made


@lru_cache(maxsize=8)
def _longer_than_one(listed: tuple[str, ...]) -> tuple[str, ...]:
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


def _element(text: str, start: int, end: int, words: Words, patterns: dict) -> Element:
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
    if not population or country is None or country in _GREATER_CHINA:
        return False
    return chinese_name_cities(name[:-1])[1] != country


@cache
def _all_han() -> re.Pattern:
    """Chinese characters only, compiled on first use (their ranges take milliseconds to compile)."""
    return compiled(f"[{HAN}]+")


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
        unit = _unit_at(text, plain, at, at + len(part.group()), words, patterns, elements)
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
    elements, _ = _read_chain(text, plain, start, at, words, patterns)
    if not elements or elements[-1].end != at:
        return
    heading, _ = resolve(Chain("chinese", list(reversed(elements))))
    place.city, place.province, place.country = heading.city, heading.province, heading.country


#: The most characters of a heading line (the first line of a caption above its text).
_HEADING_LINE = 40


def _known_country(plain: str, at: int, end: int, words: Words) -> int | None:
    if plain[at:at + 2] not in _country_starts(words):
        return None  # (most starts: no country's name of the list or the gazetteer begins so, see _country_starts)
    run = _HAN_RUN.match(plain, at, min(end, at + 5))  # (five characters at most: 沙特阿拉伯)
    if run is None:
        return None  # ("中国 (": a name is written in characters only)
    countries = words.set("places.countries")
    for stop in range(run.end(), at + 1, -1):  # (the longest name first, down to two characters)
        name = plain[at:stop]
        if name in countries:
            return _with_qualifier(plain, stop, end, words)
        if name[-1] in _DESIGNATOR_ENDS:
            continue  # "日本市原": the gazetteer reads 日本市 as Japan, its designator stripped; 市 begins the city
        levels = name_levels(name)
        if levels.country and not levels.city_population:
            return _with_qualifier(plain, stop, end, words)
    return None



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
    if _rank(written, words) < _LEVELS.index("county") or written.endswith(("州", "郡")):
        return False  # "美国加州", "肯尼亚某某郡": a state or a county abroad, below its country
    if written.endswith(words.words("places.not_units")) or plain.startswith(
            words.words("places.not_units"), unit.end() - 1) or plain[unit.end():unit.end() + 1] in (
            _NO_UNIT_AFTER_ITS_SUFFIX):  # (and "美国县城": a county town of America, 县城 a word)
        return False
    if written[-1] in _RARE_SUFFIXES and patterns["venue_start"].match(plain, unit.end(), end):
        return False  # "马来西亚升旗街": 旗 ends a word (升旗, raising the flag) before a venue word, as the unit
        # reader reads "升旗山"
    return _unit_name_ok(plain, at, unit.end(), words)


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
    if _rank(written, words) < _TOWN_RANK or written.endswith(words.words("places.not_units")) or plain.startswith(
            words.words("places.not_units"), unit.end() - 1):
        return False
    return _unit_name_ok(plain, at, unit.end(), words)


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


def _known_city(plain: str, at: int, end: int, after_province: bool = False,
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
        if plain[at + length - 1] in _HARD_STOPS:
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
            if max(population, _suffixed_population(name)) >= WHOLE_CLAUSE_POPULATION.get(
                    length, CITY_AFTER_PROVINCE_POPULATION) or _a_chinese_county(name) or (
                    population >= CITY_AFTER_PROVINCE_POPULATION and _a_chinese_town_and_county(name)):
                return at + length  # ("在弥勒,": a small city of China that is also a county by its readings)
        if plain[at + length - 1] in _POSITION_WORDS and not (after_province and length >= 3 and (
                at + length >= end or plain[at + length] in _CLAUSE_ENDS)):
            floor = max(floor, BIG_CITY_POPULATION)  # 台中, 汉中; not "城中" or "湖上" read as towns (but after
            # its country and ending its clause, a longer name is whole: "印度新德里,")
        if population >= floor and population:
            return at + length
    return None


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
        if name[-1] in _one_character_venues(words) or _cjk_population(name) < CITY_AFTER_PROVINCE_POPULATION:
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
        if stop >= end or plain[stop] not in _AFTER_A_KINDS_TOWN and not plain.startswith(_SITUATED, stop):
            continue
        name = plain[at:stop]
        if not _all_han().fullmatch(name):
            return None  # (a name ending in a venue word is the city's after a city's kind: "小城克山", "古城拜泉")
        if length == 2 and _cjk_population(name) >= CITY_AFTER_PROVINCE_POPULATION and _a_chinese_town_and_county(
                name) or length == 3 and _a_chinese_county(name):
            return stop
        return None
    return None


#: The last character of the kinds of places.apposed that name a city (古城, 小城, 山城; not 古镇 or 水乡, a town's:
#: "水乡周庄" is a town of 昆山), and what ends a city's name after one.
_APPOSED_LAST = frozenset("城")
_AFTER_A_KINDS_TOWN = frozenset("在的，,。；;")
_SITUATED = ("地处", "位于", "坐落")  # ("小城克山地处祖国东北边陲": where the city lies)


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
    return len(name) >= 3 and _all_han().fullmatch(name) is not None and bool(chinese_county_provinces(name))


def _cjk_population(name: str) -> int:
    """The population of the biggest city the gazetteer knows under this Chinese name (宜宾, 纽约), or 0."""
    return chinese_name_cities(name)[0]


def as_written(name: str, text: str) -> str:
    """A name of the word lists (simplified) in the caption's script: as the caption writes it where it does
    ("澳門市中心" in a caption that mixes the scripts, "游客"), else traditional when the caption is."""
    at = simplified(text).find(name)
    if at >= 0:
        return text[at:at + len(name)]
    return traditional(name) if simplified(text) != text and traditional(text) == text else name


def _alias_firsts(words: Words) -> frozenset[str]:
    """The first characters of places.aliases (古称, 又名), a set test before the words themselves."""
    made = words._made.get(("alias_firsts",))
    if made is None:
        made = words._made[("alias_firsts",)] = frozenset(w[0] for w in words["places.aliases"])
    return made


def _venue_at(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
              whole_clause: bool = False, anchored: bool = False, described: bool = True) -> str | None:
    """A venue that starts at `at`: the longest name ending in a venue word before a stop (骆岗公园,
    酒泉卫星发射中心问天阁; scored by containment, either venue of a venue in a venue matches). After a comma
    (`whole_clause`) the venue must be the whole clause, or end at a word of position: "北京，国家会议中心，"
    names a venue, "福州市，志愿者清理河道" does not."""
    if plain[at:at + 1] in _QUOTES:  # "台北“中正纪念堂”牌楼": a quoted name ending in a venue word
        close = plain.find(_QUOTES[plain[at]], at + 1, min(end, at + _LONGEST_VENUE + 2))
        inner = plain[at + 1:close] if close > at + 1 else ""
        if inner and plain.startswith(("——", "—", "--"), close + 1):
            return None  # "“最美公交站”——大连市西南路黄河桥站": a nickname, and the dash names the place
        if inner and close + 1 < end and _unit_at(text, plain, close + 1, end, words, patterns, []) is not None:
            return None  # "“苹果之乡”陕西省延安市洛川县": the place's epithet, then the place itself
        if inner and _titles_an_event(plain, close + 1, end, words):
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
    if plain.endswith(_SUBDISTRICT, at, stop):
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
        if one and last is not None and len(word) > 1 and plain[last:last + 1] in _INSIDE:
            break  # "顾村公园里河津樱盛开", "公园里河边": inside the park, then what is in it; no longer name
        last, word = found.end(), found.group()
        if after_venue.match(plain, last):
            break  # "维多利亚公园参加年宵市场": what people do there follows the name
    if last is None:  # (every venue word read was some other word's: "宣武门街头", the streets by a gate)
        return _a_gate_at(text, plain, at, end, words) if plain[at + 2:at + 3] == "门" else None
    back = max(0, at - 6)  # (the clause's own words only: "2015年,内蒙古毛乌素沙漠" holds no quantity)
    for i in range(at - 1, back - 1, -1):
        if plain[i] in _HARD_STOPS:
            back = i + 1
            break
    if last - at > _LONGEST_VENUE or _A_QUANTITY.search(plain, back, last):
        return None  # "嘉纳仕摩托车有限公司已建起1.6万平方米标准化厂", "单日1.2万人次入园": a clause, not a name
    if _AN_EDITION.search(plain, at, last):
        return None  # "六届海峡论坛·第四届海峡客家风情节": an event's title, numbered by its edition, no venue's name
    if len(word) == 1 and (plain[last - 2:last] in words.set("places.venue_word_as_verb") or plain.startswith(
            words.words("places.venue_word_as_verb"), last - 1)):
        return None  # "赵帅站在颁奖台上", "民众上街游行"
    if whole_clause and len(word) < 2 and last < stop and plain[last] not in _POSITION_WORDS and not (
            plain.startswith(("一带", "附近", "周边"), last)):
        return None
    if whole_clause and last == stop < end and plain[stop] in _NAME_BREAKS:
        return None  # "山水涧村,阡陌田园与整洁的村庄相映成景": the clause goes on past a linking word
    if whole_clause and _LISTING in plain[at:last]:
        return None  # "长城村,金黄稻田与民宿相互交织": two things the clause lists, no venue's name
    cut = _after_words_of_time(plain, at, last, words)
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
        return _venue_at(text, plain, last + 1, end, words, patterns) if plain[last:last + 1] == "的" else None
    if len(written) == len(word) + 1 and written[0] in _COUNTING:
        return None  # "北京市朝阳区一小区内": one compound, named by no name
    if _SITES_COUNTED.search(written, 1):
        return None  # "园区一家工厂": one factory of the park, named by no name (the park, referred back, is no
        # venue's name either)
    if written.startswith(words.words("places.not_names")) or len(written) < 2 or written.startswith(
            words.words("places.before_place")) or written.startswith(words.words("places.origins")) or not (
            han_char().match(written) or written[0].isalpha() or _ROAD_NUMBER.match(written)):
        return None  # "这座公园", "位于...", ".6万平方米标准化厂"
    if written.startswith(words.words("places.near")):  # "靠近瑞丰夜市的南屏路": a landmark the scene is near
        return _venue_at(text, plain, last + 1, end, words, patterns) if plain[last:last + 1] == "的" else None
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
            _longer_than_one(words.words("dates.times_of_day"))):
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
    if words.pattern("places.clause_words").search(written):
        return None  # "示威者只能沿山路", "因沙田体育学院": a clause's words, no venue's name
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
    venue = _venue_at(text, plain, body.end(), end, words, patterns, anchored=True)
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
    if found is None or plain[found.end()] in _NAME_BREAKS or plain.startswith("中心", word_start) or (
            _generic_venue(plain[found.end():last], words)):
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
    return province is not None and (plain.startswith("省", province.end()) or _known_city(
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
    if plain[stop] in _SOFT_BREAKS and stop > at and venue_word.match(plain, stop + 1, min(end, stop + 2)):
        return True
    if plain[stop] in _SOFT_BREAKS and stop - at >= 2 and not venue_word.search(plain, at, stop):
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
    return stop == at and at > 1 and plain[at] in _LINKS_IN_NAMES and (plain[at - 1] in _UNIT_LAST or anchored) and (
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


def _titles_an_event(plain: str, after: int, end: int, words: Words) -> bool:
    """Whether a word of an event (活动, 大赛, 展) follows a quoted name within a few characters, before any stop:
    the quotes hold the event's title, not a place's name."""
    stop = after
    while stop < min(end, after + _EVENT_REACH) and plain[stop] not in _HARD_STOPS:
        stop += 1
    return words.pattern("places.events").search(plain, after, stop) is not None


def _inside_an_event_title(plain: str, start: int, at: int, end: int, words: Words) -> bool:
    """Whether `at` lies inside quotation marks opened after `start` whose closing mark an event's word follows
    ("“拾光校园,秋韵镜头语”秋日摄影比赛"): a title's words, however many clauses it holds."""
    for opening, closing in _QUOTES.items():
        if opening == closing:
            continue  # (straight quotes: which one opens is unsure)
        opened = plain.rfind(opening, start, at)
        if opened < 0 or 0 <= plain.find(closing, opened, at):
            continue
        close = plain.find(closing, at, end)
        if close > 0 and _titles_an_event(plain, close + 1, end, words):
            return True
    return False


#: How far after a quoted title its event's word may come ("摄影大赛": a kind of contest, then the word).
_EVENT_REACH = 6


#: Where a quoted landmark's name may be followed: a word of position (not 上, 中, 下: "在“双减”中" is no place),
#: a stop, what people do there or what the photo shows of it.
_AFTER_QUOTED_PLACE = ("前", "后", "内", "外", "旁", "里", "畔", "一带", "附近", "周边", "，", ",", "。", "、", "；")


def _a_quoted_venue(plain: str, inner: str, after: int, end: int, words: Words) -> bool:
    """Whether a quoted name with no venue word, after a word a place follows, names a landmark (“鸟巢”, “中国天眼”):
    a name of two to eight characters, then a word of position, a stop, an activity or a view (夜色)."""
    if not 2 <= len(inner) <= 8 or not _all_han().fullmatch(inner):
        return False
    return after >= end or plain.startswith(_AFTER_QUOTED_PLACE, after) or bool(
        words.pattern("places.after_venue").match(plain, after) or words.pattern("places.views").match(plain, after))


_NAME_BREAKS = "的在和与是为到从向对把被让给将及同跟"
#: Of those, the ones no unit's name holds after its first character even right after a larger unit (which lets
#: "天津市和平区" and "安徽省无为市" hold theirs): "新乡县大赵庄村农民在村" is a clause, no village named 农民在村.
_NEVER_IN_A_UNIT = "的在是把被让给跟"
#: A run of characters that are neither stops nor linking words: a venue's name goes on over them.
_NAME_RUN = compiled("[^" + re.escape("".join(sorted(_HARD_STOPS | set(_NAME_BREAKS)))) + "]*")
#: A stop or a linking word: a place name may begin after one (_boundaries).
_A_BREAK = compiled("[" + re.escape("".join(sorted(_HARD_STOPS | set(_NAME_BREAKS)))) + "]")
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
_SOFT_BREAKS = "和与及同"
#: Of those, the one that joins the things a clause lists and opens no word of a name (和 and 同 do: 和平, 同里; 及
#: does in 埃及).
_LISTING = "与"
#: Spaces (and the middle dot) that set a chain's units apart ("江苏 苏州", "中国 · 香港"), as a comma may.
_SPACES = " \u3000·・"
#: The last characters of a unit's suffix: 和 or 同 right after one begins the venue's name ("吴江区同里古镇",
#: "东城区和平里公园"), as it begins a unit's ("天津市和平区"); 与 and 及 join two ("文博苑社区与翠庭园小学")
_UNIT_LAST = "省市区县镇乡旗"
_LINKS_IN_NAMES = "和同"
#: Linking words that also open names (向阳, 将军) and that 在 or 于 right before them cannot be read as (在向, 在将:
#: no preposition follows 在), so they open the name there.
_LINKS_AFTER_AT = "向将"
#: A name right before a word of surroundings (什刹海一带, 中南海附近): a landmark, when a place chain precedes it.
_LANDMARK = compiled(f"[{HAN}]{{2,5}}?(?=一带|附近|周边|周围|一线)")
#: Opening quotation marks and their closing ones.
_QUOTES = {"“": "”", "「": "」", "『": "』", "\"": "\""}
_AN_OPENING_QUOTE = compiled(f"[{re.escape(''.join(_QUOTES))}]")
#: The most characters a venue's name runs to (中国科学院植物研究所, 酒泉卫星发射中心问天阁).
_LONGEST_VENUE = 15
#: A time of the clock (八时, 8时30分, 卅四分): written in a clause, never in a venue's name.
_A_CLOCK_TIME = compiled("[0-9０-９零〇一二三四五六七八九十廿卅两]+(?:时|点|分)")
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
    if after >= end or plain[after] in _HARD_STOPS or not _venue_word_ahead(
            plain, after, end, words.pattern("places.venue")):
        return None  # (most quotes: a stop or other words after them)
    rest = _venue_at(text, plain, after, end, words, patterns)
    return rest if rest is not None and plain.startswith(simplified(rest), after) else None


def _kind_after_its_quoted_name(plain: str, close: int, end: int, words: Words) -> bool:
    """Whether a venue word alone follows a quoted name with none ("“某某城”音乐厅", "“某某”博物馆里"): the kind of
    venue the quoted name is, when the word (two characters or more: 音乐厅, not 山) ends there, at a stop, a word
    of position or what is done there."""
    word = words.pattern("places.venue").match(plain, close + 1, end)
    if word is None or len(word.group()) < 2:
        return False
    after = word.end()
    return after >= end or plain[after] in _HARD_STOPS or plain[after] in _POSITION_WORDS or (
        words.pattern("places.after_venue").match(plain, after, end) is not None)
    # (not "“某某”广场舞": the word runs on into another, no venue's kind)


def _venue_word_ahead(plain: str, at: int, end: int, venue_word: re.Pattern) -> bool:
    """Whether a venue word ends a name within a few characters after `at`, before any stop or break."""
    stop = at
    while stop < min(end, at + 6) and plain[stop] not in _HARD_STOPS and plain[stop] not in _NAME_BREAKS:
        stop += 1
    return venue_word.search(plain, at, stop) is not None


_SEGMENT = compiled(f"[^{re.escape(''.join(sorted(_HARD_STOPS)))}{_NAME_BREAKS}]{{2,16}}")


#: Linking characters that also begin names (将军澳, 和平公园, 同安): at a sentence's start they are the name's, not
#: a link, and what follows them is a cut name (not 在, 从, 到: a sentence opens with those as prepositions).
_LINKS_THAT_BEGIN_NAMES = "将和同与及跟"


def _after_words_of_time(plain: str, start: int, end: int, words: Words) -> int:
    """Where a venue's name may begin in a run of words with no stop: after the last word of the day, of the
    present time or of passing in it ("旅客昨日走过罗湖口岸": 罗湖口岸; "目前某某公园游人如织"), since no name holds
    one; `start` when none is there."""
    made = words.made(("time_or_passing",), lambda: compiled("|".join(map(re.escape, sorted(
        set(words.words("dates.relative")) | set(words.words("places.passing")) | set(
            words.words("places.times_now")), key=longest_first)))))
    cut = start
    for found in made.finditer(plain, start, end):
        cut = found.end()
    return cut


def _one_character_name(venue: str, patterns: dict) -> bool:
    """Whether a venue's name before its (longest) venue word is one character (胞 of 胞纪念馆)."""
    word = patterns["venue_end"].search(simplified(venue))
    return word is not None and word.start() <= 1


def _name_start_of_a_cut_segment(plain: str, start: int, previous: int, at: int, words: Words) -> int:
    """Where a name begins that runs into a segment of _SEGMENT (from `at`) whose run the segment before it (from
    `previous`) had to cut by its length: right after the last word a place follows inside the run ("民警巡逻时发现
    奎沃路卧龙岗路段": 发现, so the name is read from 奎沃路, not from the cut 路卧龙岗路); else `at` as it was."""
    if at <= start or plain[at - 1] in _HARD_STOPS or plain[at - 1] in _NAME_BREAKS:
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
        if not han_char().match(plain, inside) or _no_name_begins(plain, inside, last, words, patterns):
            continue
        if plain[inside - 1] in _DIRECTIONS and plain[inside - 2] in _DIRECTIONS or any(
                found.end() == inside for found in venue_end.finditer(plain, a, inside)):
            return None
        elements, venue = _read_chain(text, plain, inside, last, words, patterns)
        if not elements or not venue or venue == _A_LIST:
            continue
        if elements[0].level not in ("city", "county", "place") or not plain.startswith(
                simplified(venue), elements[-1].end):
            return None  # (a unit of another level, or a venue away from it: the run is read as it was)
        name = simplified(elements[0].value)
        if _cjk_population(name) or _suffixed_population(name) or chinese_county_provinces(name):
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
    found, venue = _read_chain(text, plain, after + 1, end, words, patterns)
    if not found or venue == _A_LIST or not any(e.level in ("city", "place", "county") for e in found):
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
    if plain[at] not in _LINKS_IN_NAMES:
        return None
    found = words.pattern("places.venue").search(plain, at + 2, min(end, at + _LINKED_NAME + 3))
    if found is None or found.start() - at > _LINKED_NAME:
        return None
    name = plain[at + 1:found.start()]
    if name.startswith(words.words("places.people")) or name.startswith(words.words("places.not_names")) or any(
            ch in _NAME_BREAKS or ch in _POSITION_WORDS or ch in "在到从向把被" for ch in name):
        return None
    venue = text[at:found.end()]
    if _common_noun_venue(venue) or _generic_venue(simplified(venue), words):
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
                a - 1 == start or plain[a - 2] in _HARD_STOPS):
            linked = _a_name_a_link_opens(text, plain, a - 1, b, words, patterns)
            if linked is not None:
                return linked
            continue  # "將軍澳海濱長廊...": a linking character that opens the sentence is the name's first
            # character, so the run after it is a cut name (軍澳海濱長廊): no venue rather than a wrong one
        if plain.endswith(_SUBDISTRICT, a, b):
            continue  # "东湖街道和桃源社区": a subdistrict's name, no street's nor lake's
        last = None
        for found in venue_end.finditer(plain, a, b):
            if found.end() - found.start() > 1 or not inside_a_sounded_name(plain, a, found.start(), b, words):
                last = found.end()  # (not 山 inside "亚历山德里亚": a name in foreign sounds goes on past it)
        if last is None or last - a < 3:
            continue
        if _inside_an_event_title(plain, start, a, end, words):
            continue  # "举办了“拾光校园,秋韵镜头语”秋日摄影比赛": words of a quoted title, no venue's name
        a = _after_words_of_time(plain, a, last, words)
        if last - a < 3:
            continue
        elements, venue = _read_chain(text, plain, a, last, words, patterns)
        if venue and a > start and plain[a - 1] in _SOFT_BREAKS and not elements and _one_character_name(
                venue, patterns):
            continue  # "遇难同胞纪念馆": 同 was the first character of a word (同胞), not a link; 胞纪念馆 is no name
        if venue and not venue.startswith(words.words("places.not_names")):
            # (a reference point the run ends with: "运河边的台儿庄古城", the old town)
            return elements, _venue_beyond(text, plain, a, end, venue, words, patterns)
    return [], None
