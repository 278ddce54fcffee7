"""The last look at a Chinese caption's place before it is taken: a span the readers took as a venue or a city that
is no place's name (issue 14: an empty answer is better than a wrong one).

Each check is one shape of span, named by its words, and leaves the value out with the reason for ``--explain``:

    8月6日，渔船驶出渔港，出发前往东海渔场。      sublocation 出发前往东海渔场: a clause of travel, left out
    自夏河沿大夏河西行13公里，便进入草原。         sublocation 自夏河沿大夏河: a way from one place along another
    G329凤阳至蚌埠段改线工程主桥合龙。            sublocation G329凤阳至蚌埠: a route between two cities
    渔港各处汽笛长鸣。                           sublocation 东港各处渔港: every such place, not one
    熱帶風暴塔巴襲港，市民聚集。                  sublocation 熱帶風暴塔: a storm's name, not a tower
    画中一名工人在凿掉欧盟旗上的星。              city 凿掉欧盟: an alliance's word (the EU), not a league (兴安盟)
    考察船到达陆缘冰区。                          city 陆缘冰区: an area of a kind (ice), not a district
    东南区嘉年华在大厦举行。                      city 东南区: a direction alone before 区
    現居韓國的美國遊客昨晚到大坑觀賞舞火龍。       country 韓國: where the tourist lives, not the scene
    台中地區菜農忙著搶收高麗菜。                  city 台中地區 -> 台中: 地区 after a place that is no prefecture
                                                 called so (阿克苏地区) is its area (勐腊地区 -> 勐腊)

A venue or a district the gazetteer knows is never touched ("至泰安高速公路" ends with a road's word; "东城区" is
Beijing's).
"""

from __future__ import annotations

from catalog.captions.place_checks import every_mention, leave_out
from catalog.captions.types import Place
from catalog.patterns import compiled

# (Each word table holds both scripts, so that no value needs converting: the checks run on every place taken.)
#: Words inside a venue's span that make it a clause of going somewhere, or every place of a kind, not one name.
_TRAVEL_WORDS = ("出发", "出發", "前往", "各处", "各處", "各地")
#: Words for a storm, opening a storm's name ("熱帶風暴塔巴襲港": tropical storm Taba, whose 塔 reads as a tower's).
_STORMS = ("热带风暴", "熱帶風暴", "强热带风暴", "強熱帶風暴", "热带低压", "熱帶低壓", "热带气旋", "熱帶氣旋",
           "台风", "台風", "颱風", "强台风", "強颱風", "超强台风", "超強颱風", "飓风", "颶風")
#: A span opening with "from" and holding "along": a way from one place along another ("自夏河沿大夏河").
_FROM = frozenset("自从從")
_ALONG = "沿"
#: "A至B": a route's ends when B is a city the gazetteer knows (a road's or a river's word after B makes it a venue).
_ROUTE = "至"
#: The last characters before 区 that make it an area of a kind rather than a district's name ("陆缘冰区", an ice
#: zone; "古城区", an old town; "景区" is a scenic area, a venue, never a city).
_AREA_KINDS = ("冰", "古城", "老城", "景", "园", "園", "矿", "礦", "林", "牧", "灾", "災", "库", "庫", "郊", "雪", "海")
_DIRECTIONS = frozenset("东西南北中東")
_DISTRICT = ("区", "區")
#: Words for an alliance of states or bodies, which close in 盟 as a league of Inner Mongolia does (兴安盟): the EU,
#: ASEAN, a union.
_ALLIANCES = ("欧盟", "歐盟", "东盟", "東盟", "联盟", "聯盟", "同盟", "结盟", "結盟")


def venue_not_a_name(venue: str) -> str | None:
    """Why a Chinese venue's span is no place's name, or None when nothing says so.

    >>> venue_not_a_name("出发前往东海渔场"), venue_not_a_name("自夏河拉卜楞沿大夏河")
    ('a clause of travel or of every such place (出发)', 'a way from one place along another')
    >>> venue_not_a_name("G329凤阳至蚌埠"), venue_not_a_name("至泰安高速公路"), venue_not_a_name("骆岗公园")
    ('a route between two places (至 蚌埠)', None, None)
    >>> venue_not_a_name("敦煌与苏干湖")
    "two names joined by 与 (and), no one venue's"
    """
    written = venue
    if written.startswith(_STORMS):
        return "a storm's name, not a venue"
    travel = next((word for word in _TRAVEL_WORDS if word in written), None)
    if travel is not None:
        return f"a clause of travel or of every such place ({travel})"
    if written[:1] in _FROM and _ALONG in written[1:]:
        return "a way from one place along another"
    at = written.rfind(_ROUTE)
    if at > 0:
        end = written[at + 1:]
        if end and _a_known_city(end):
            return f"a route between two places (至 {end})"
    if any(word in written[1:-1] for word in _AND):
        return "two names joined by 与 (and), no one venue's"
    return None


#: The word joining two names ("在敦煌与某某湖之间", "书展与香港某某博览"): what holds it names two things, no venue.
_AND = ("与", "與")


def city_not_a_name(city: str) -> str | None:
    """Why a Chinese city's span is no city's or district's name, or None when nothing says so.

    >>> city_not_a_name("凿掉欧盟")
    "an alliance's word (欧盟), not a league of Inner Mongolia"
    >>> city_not_a_name("陆缘冰区"), city_not_a_name("东南区")
    ('an area of a kind (冰), not a district', 'a direction alone before 区')
    >>> city_not_a_name("阿拉善盟"), city_not_a_name("渝中区"), city_not_a_name("涩谷区"), city_not_a_name("合肥")
    (None, None, None, None)
    """
    written = city
    if not written.endswith(("盟", *_DISTRICT)):
        return None  # (most cities: one test)
    alliance = next((word for word in _ALLIANCES if written.endswith(word)), None)
    if alliance is not None:
        return f"an alliance's word ({alliance}), not a league of Inner Mongolia"
    if written.endswith(_DISTRICT) and len(written) >= 2 and not _a_known_city(written):
        stem = written[:-1]
        if all(ch in _DIRECTIONS for ch in stem):
            return "a direction alone before 区"
        kind = next((word for word in _AREA_KINDS if stem.endswith(word)), None)
        if kind is not None:
            return f"an area of a kind ({kind}), not a district"
    return None


#: Verbs of living somewhere, before a place and 的 that make the place a person's home ("現居韓國的美國遊客", an
#: American tourist living in Korea; "生活在德国的老人"), not the scene (the labelling contract: a person's origin
#: or home does not count). ("住在" is left out: "住在西貢井頭村的攝影師" is often where the picture is taken.)
_LIVING_IN = ("现居", "現居", "生活在", "定居", "旅居", "侨居", "僑居")


def lived_in(place_name: str, text: str) -> bool:
    """Whether the text names this place only as where someone lives: a verb of living right before it and 的
    right after it, at its every mention.

    >>> lived_in("韓國", "現居韓國的美國遊客上周六抵港，昨晚到大坑觀賞舞火龍。"), lived_in("韓國", "遊客在韓國首爾。")
    (True, False)
    """
    if "居" not in text and "生活在" not in text:
        return False  # (most captions: two tests)
    return every_mention(text, place_name, lambda at, end: text.startswith("的", end)
                         and text[max(0, at - 3):at].endswith(_LIVING_IN))


def _a_known_city(name: str) -> bool:
    from catalog.captions.gazetteer import chinese_city_population, chinese_name_cities

    return bool(chinese_name_cities(name)[0] or chinese_city_population(name))


def drop_what_names_no_place(place: Place, note=None, text: str = "") -> None:
    """Leave out (in place) the venue and the city that are no place's names, and a city or a country the text names
    only as someone's home (``lived_in``), each with its reason in `note`."""
    if (place.city or place.country) and ("居" in text or "生活在" in text):  # (most captions: no verb of living)
        for level in ("city", "country"):
            value = getattr(place, level)
            if value and lived_in(value, text):
                leave_out(place, level, "named only as where someone lives", note)
    if place.sublocation:
        leave_out(place, "sublocation", venue_not_a_name(place.sublocation), note)
    if place.city:
        leave_out(place, "city", city_not_a_name(place.city), note)
    if place.city and place.city[-2:] in _AREA_WORDS:
        _trim_an_area(place, note)


#: 地区 (地區) closing a city: a prefecture of the mainland (阿克苏地区, 日喀则地区), or "the area of" a place.
_AREA_WORDS = frozenset({"地区", "地區"})


def area_head(city: str) -> str | None:
    """The place a city ending in 地区 is the area of, or None when it may be a prefecture: the name before 地区,
    when every place the gazetteer knows under it lies outside the mainland (Taiwan, a city abroad: 台中地區,
    马尼拉地区), where no prefecture is called 地区, or "Greater" (大) and such a city (大马尼拉地区, Metro Manila);
    on the mainland, when the gazetteer knows the name as a city or a county there and it is none of the
    prefectures called 地区 (_PREFECTURES_CALLED_AREAS: 阿克苏地区, 山南地区 keep their suffix; 勐腊地区 is the
    area of the county 勐腊). A name it does not know keeps its suffix.

    >>> area_head("台中地區"), area_head("马尼拉地区"), area_head("阿克苏地区"), area_head("奎尔瓦地区")
    ('台中', '马尼拉', None, None)
    >>> area_head("勐腊地区"), area_head("大马尼拉地区"), area_head("山南地區")
    ('勐腊', '大马尼拉', None)
    """
    from catalog.captions.chinese_words import simplified
    from catalog.captions.gazetteer import chinese_county_provinces, chinese_name_cities

    head = city[:-2]
    population, country = chinese_name_cities(head)
    if population and country not in (None, "CN"):
        return head
    if len(head) >= 3 and head[0] == "大":
        population, country = chinese_name_cities(head[1:])
        return head if population and country not in (None, "CN") else None  # ("Greater Manila")
    if simplified(head) in _PREFECTURES_CALLED_AREAS or len(head) < 2:
        return None
    return head if country == "CN" or chinese_county_provinces(head) else None


#: The prefectures of the mainland called 地区, and those lately made cities that captions still write so
#: (日喀则地区 until 2014, 山南地区 until 2016): with 地区 they are the prefecture, no area of a town.
_PREFECTURES_CALLED_AREAS = frozenset({
    "阿克苏", "喀什", "和田", "塔城", "阿勒泰", "大兴安岭", "阿里",
    "日喀则", "山南", "林芝", "昌都", "那曲", "吐鲁番", "哈密", "海东", "铜仁", "毕节"})


def _trim_an_area(place: Place, note=None) -> None:
    head = area_head(place.city) if place.city else None
    if head is None:
        return
    if note:
        note(f"city {place.city!r} -> {head!r}: 地区 after a place that is no prefecture called so is its area")
    place.city = head


#: The levels of a Chinese administrative unit by the character (or two) closing its name, largest first: a county,
#: a district or a banner; a township, a town, a street office or a sumu; a village, a 里 or a community.
_UNIT_RANKS = {**dict.fromkeys(("县", "縣", "区", "區", "旗"), 3),
               **dict.fromkeys(("乡", "鄉", "镇", "鎮", "街道", "苏木", "蘇木"), 2),
               **dict.fromkeys(("村", "里", "裡", "社区", "社區"), 1)}
#: A smaller unit's name written right after the venue (its level's character between them, when written): two to
#: four Han characters and the unit's word, then no more of a name ("安溪縣龍涓鄉的"); a 里 (Taiwan's ward) only of
#: two characters and before no 的, as 里 also means "inside" ("林川鎮山間梯田里的稻谷", "岡山嘉新裡一帶").
_UNIT_AFTER = compiled(r"([县縣区區旗乡鄉镇鎮]?)(?:((?:(?![的之在里裡内內])[\u4e00-\u9fff]){2,4}?"
                       r"(?:街道|苏木|蘇木|社区|社區|[乡鄉镇鎮村]))(?=[^\u4e00-\u9fff]|一带|一帶|附近|的|$)"
                       r"|([\u4e00-\u9fff]{2}[里裡])(?=[^\u4e00-\u9fff]|一带|一帶|附近|$))")


def unit_inside(venue: str, city: str | None, text: str) -> str | None:
    """The smaller administrative unit written right after a venue that is itself one, or None: the venue is the
    larger unit of a chain and the scene is in the smaller (the labels' venue is the smallest unit named). The
    venue's level is its closing character (鄞江乡), the one written after it (安溪縣), or, for a bare name written
    right after the caption's city, a district's (高雄岡山嘉新裡: city, district, 里).

    >>> unit_inside("奎尔乡", "宁波", "宁波市奎尔乡林特村\\n拍摄主题:秋收")
    '林特村'
    >>> unit_inside("奎尔", "泉州", "位于奎尔縣林特鄉的茶园")
    '林特鄉'
    >>> unit_inside("奎尔", "高雄", "高雄奎尔林特裡一帶积水近1米")
    '林特裡'
    >>> unit_inside("西溪湿地", "杭州", "西溪湿地河道里举行龙舟赛"), unit_inside("林川镇", "瑞安", "林川镇梯田里的稻谷")
    (None, None)
    """
    at = text.find(venue)
    while at >= 0:
        end = at + len(venue)
        after = _UNIT_AFTER.match(text, end)
        if after:
            unit = after.group(2) or after.group(3)
            rank = _UNIT_RANKS.get(unit[-2:]) or _UNIT_RANKS[unit[-1]]
            own = after.group(1) or venue[-1]
            above = _UNIT_RANKS.get(own) or _UNIT_RANKS.get(venue[-2:]) or (
                3 if city and text.endswith(city, 0, at) else 0)
            if rank < above:
                return unit
        at = text.find(venue, end)
    return None


def narrow_to_the_unit_inside(place: Place, text: str, note=None) -> None:
    """Read the smaller unit written right after a venue that is a larger one (``unit_inside``) as the venue, with
    the reason in `note`."""
    if not place.sublocation:
        return
    unit = unit_inside(place.sublocation, place.city, text)
    if unit is None:
        return
    if note:
        note(f"sublocation {place.sublocation!r} -> {unit!r}: a larger unit written right before a smaller one "
             "inside it; the scene is in the smaller")
    place.sublocation = unit


#: A name in quotation marks or title brackets ("「許縣溪」", "“香港天后誕”", "《...》").
_QUOTED = compiled(r"[「“『《]([^「“『《」”』》]{1,24})[」”』》]")


def quoted_name_check(text: str, city: str | None) -> str | None:
    """Why a Chinese city (or province or country) is no place of the scene, or None: every time it is written, it
    opens or sits inside a longer name or words in quotation marks (a stream's, a festival's, a show's title, words
    quoted: "鹽水溪上游「許縣溪」", "「香港天后誕」", "“世界眼中的奎尔瓦”图片展", "呼吁「避免前往日本」"), as a city
    inside a venue's name is not the scene's city.

    >>> quoted_name_check("奎爾溪上游「林特縣溪」,2015/04/17攝", "林特縣")
    'named only inside a longer name in quotation marks (a stream, a festival), not as the scene'
    >>> quoted_name_check("林特縣「奎爾溪」上游,2015/04/17攝", "林特縣") is None
    True
    """
    if not city:
        return None
    spans = [(found.start(1), found.end(1)) for found in _QUOTED.finditer(text)]
    if not spans or not every_mention(text, city, lambda at, end: any(
            start <= at and end <= stop and stop - start > end - at for start, stop in spans)):
        return None
    return "named only inside a longer name in quotation marks (a stream, a festival), not as the scene"


def check_quoted_names(place: Place, text: str, note=None) -> None:
    """Leave out (in place) a Chinese city, province or country written only inside a longer quoted name or words
    (``quoted_name_check``), with the reason in `note`. (Asked only when the text holds a quotation mark.)"""
    if (place.city or place.province or place.country) and any(mark in text for mark in "「“『《"):
        for level in ("city", "province", "country"):
            leave_out(place, level, quoted_name_check(text, getattr(place, level)), note)
