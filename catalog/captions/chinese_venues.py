"""The venue of a Chinese scene whose place chain named none: candidate names scored by several signals.

The chain reader (``chinese_chain.py``) takes a venue where the sentence's grammar puts one, right after the
places or after 在 ("在安徽省合肥市骆岗公园"). A caption often names the scene's venue elsewhere: as the subject of
a later clause ("西藏拉萨,雪后...,布达拉宫美如画卷"), after a verb of passing in the next sentence ("纽约,1 月
5 日。...跑过科尼岛的木板步道"), after a phrase of reference ("距离敦煌城区约180公里的雅丹国家地质公园"). No one
of these positions is reliable alone, so each name that ends in a venue word is scored by the signals below, with
weights in ``catalog/rules/chinese.toml`` [venue_scores], and the best is taken only when its score reaches
``accept``: a weak candidate is left out rather than guessed. Worked examples::

    11月6日,西藏拉萨,雪后拉萨四周的山峦一片银白,布达拉宫美如画卷。布达拉宫已有1300多年历史
        布达拉宫: begins a clause, a name of four characters, written again in the next sentence
    12月25日,吉林松原,一年一度的查干湖冬捕热火朝天。查干湖位于吉林省松原市
        查干湖: after 的, written again
    11月6日,四川成都,市民在街头散步。              nothing: 街 alone has no name before it

Signals (a name is the characters from where the candidate starts to the end of its venue word):

- ``long_word``: the venue word has two characters or more (公园, 广场, 博物馆), not one (山, 湖, 宫);
- ``named_again``: the same name is written elsewhere in the caption (a caption goes on about its venue);
- ``clause_start``: it opens a clause, right after a comma or the sentence's start (the clause's subject);
- ``after_place_word``: 在, 于, 位于 or a verb of passing (跑过, 驶过) comes right before it;
- ``after_of``: 的 comes right before it (the venue a phrase describes);
- ``ends_well``: a stop, a word of position (里, 上), 的, what people do there (参观) or a view of it (一景,
  风光: places.views) follows it;
- ``name_length``: its name, before the venue word, has two to six characters;
- ``other_sentence``: it is in the sentence after the scene's (a penalty, so negative);
- ``part_of_venue``: 的 joins it to a venue just named ("科尼岛的木板步道": the boardwalk is a part; a penalty);
- ``place_name``: the whole name is one the gazetteer knows as a city (a city or county, not a venue);
- ``organisation``: its name holds a word of an organisation (公司, 集团, 委员会, 报社): a body, not a venue;
- ``after_chain``: it follows a unit's suffix (省, 市, 区, 县, 镇) directly, the place chain's next step;
- ``quoted``: it stands inside quotation marks (“”, 「」); ``titled``: inside title marks (《》, a work's title);
- ``natural_word``: its venue word names nature (山, 湖, 江, 岛), often a landmark the scene only looks at;
- ``street_word``: its venue word is a street's or a road's (街, 路, 大道);
- ``own_kind``: its venue word names the place by its own kind (places.own_kinds: 站, 港, 机场, 景区, "某某渔港"),
  two characters or more before it, no city the gazetteer knows (连云港) and no kind of place (加油站);
- ``before_held``: a name with no venue word, right before a verb of holding ("某车水举行亮灯仪式", "广东顺德某坛
  举办", places.held): the one candidate without a venue word (``_name_where_held``), weighed with the others.

The last eight were added for the cross-validated fit (``python -m tools.fit_venue_weights``): a signal keeps a
weight other than 0 only when fitting it gains on the folds it was not fitted on.

A name is never a candidate when it holds a number, a time of day or a word of a clause (进行, 举行), starts with
a word that refers to a place rather than naming it (这, 该, 一座), or is a venue word alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalog.captions.chinese_words import HAN, Words, simplified
from catalog.captions.types import Place
from catalog.patterns import compiled

if TYPE_CHECKING:
    from catalog.venues import VenueRegister

#: Characters that end a candidate name: stops, brackets, quotes, spaces, and the linking characters of a clause.
_BREAKS = set("，,。、；;：:（）()“”\"《》「」 \n—…|｜!！?？") | set("的在和与是为到从向对把被让给将及同跟")
#: Words of position after a venue (公园里, 广场上): the name ends before them.
_POSITION = set("里内上下中前后旁畔边外")
#: A number, or a count of things (一座, 两个): a clause's words, not a name's (三塔 and 十三陵 are names).
_NUMBER = compiled("[0-9０-９]|[一二两三四五六七八九十百千万几多]+[个座名位处家条栋幢所只辆艘群种批届次期]")


#: The ending of an adjective (季节性, seasonal; 临时性): in a description of a kind of place, never in a name.
_AN_ADJECTIVE = "性"


@dataclass
class VenueCandidate:
    """A name ending in a venue word, where it is, and the signals that scored it."""

    name: str
    start: int
    end: int
    score: float
    signals: tuple[str, ...]


def best_venue(text: str, plain: str, regions: list[tuple[int, int, bool]], words: Words,
               whole: tuple[int, int] | None = None) -> str | None:
    """The best-scored venue name in `regions` (start, end, whether it is a sentence after the scene's), as the
    caption writes it, when its score reaches the accepted level; else None.

    >>> from catalog.captions.rules import load_rules
    >>> from catalog.captions.chinese_words import words_for
    >>> words, _ = words_for(load_rules())
    >>> text = "11月6日,西藏拉萨,雪后拉萨四周的山峦一片银白,布达拉宫美如画卷。布达拉宫已有1300多年历史。"
    >>> best_venue(text, text, [(13, 34, False)], words)
    '布达拉宫'
    """
    found = candidates(text, plain, regions, words, whole)
    if not found:
        return None
    best = max(found, key=lambda c: (c.score, -c.start))
    return best.name if best.score >= venue_weights(words)["accept"] else None


def candidates(text: str, plain: str, regions: list[tuple[int, int, bool]], words: Words,
               whole: tuple[int, int] | None = None) -> list[VenueCandidate]:
    """Every name ending in a venue word in the regions, each with its score (`whole`: the stretch of the caption
    where a name written again counts, the whole text by default)."""
    weights = venue_weights(words)
    venue_word = words.pattern("places.venue")
    found: list[VenueCandidate] = []
    for region_start, region_end, later in regions:
        at = region_start
        while at < region_end:
            if plain[at] in _BREAKS:
                at += 1
                continue
            stop = at
            while stop < region_end and plain[stop] not in _BREAKS:
                stop += 1
            candidate = _in_segment(text, plain, at, stop, region_start, later, words, venue_word, weights, whole)
            if candidate is not None:
                found.append(candidate)
            at = stop
    ends = {c.end for c in found}
    penalty = weights.get("part_of_venue", 0.0)
    for candidate in found:  # "科尼岛的木板步道": the boardwalk of a venue just named is part of it
        if candidate.start - 1 in ends and plain[candidate.start - 1] == "的":
            candidate.score += penalty
            candidate.signals += ("part_of_venue",)
    return found


def inside_a_sounded_name(plain: str, at: int, word: int, stop: int, words: Words) -> bool:
    """Whether the venue word of one character at `word` sits inside a name written in the characters of foreign
    sounds (places.transliteration): such characters before it from `at`, and two or more right after it
    (圣路易斯, 亚历山德里亚); a Chinese name rarely runs on so after its venue word (西湖苏堤: one)."""
    sounds = words.set("places.transliteration")
    if word <= at or any(character not in sounds for character in plain[at:word]):
        return False
    after = word + 1
    while after < stop and plain[after] in sounds:
        after += 1
    return after - word - 1 >= 2


def _in_segment(text: str, plain: str, start: int, stop: int, region_start: int, later: bool, words: Words,
                venue_word: re.Pattern, weights: dict[str, float],
                whole: tuple[int, int] | None) -> VenueCandidate | None:
    """The candidate of one run of characters between breaks: from its start, past a word a place follows, to
    the first venue word that a stop, a word of position or an activity follows (else the last venue word)."""
    lead = words.pattern("places.passing").search(plain, start, stop) or words.pattern(
        "places.before_place").match(plain, start, stop)
    name_start = lead.end() if lead is not None else start
    if "千伏" in plain[name_start:stop]:  # (a cheap test before the pattern)
        grade = voltage_grade(plain, name_start, stop)
        if grade is not None:  # "员工巡检110千伏贵屯变电站": the grade names the site after it, as 在 would
            lead, name_start = grade, grade.end()
    ends = [m for m in venue_word.finditer(plain, name_start, stop)]
    if not ends and lead is not None and lead.start() > start:
        # "人民公园参观": the verb of visiting follows the venue (after 到, a break), no name begins after it
        lead, name_start = None, start
        ends = [m for m in venue_word.finditer(plain, start, stop)]
    if not ends:
        return _name_where_held(text, plain, start, stop, region_start, later, words, weights, whole)
    ends = [m for m in ends if len(m.group()) > 1 or not inside_a_sounded_name(
        plain, name_start, m.start(), stop, words)]
    if not ends:
        return None  # "亚历山德里亚,": 山 inside a name in foreign sounds ends no venue's name
    common = words.words("places.not_venue_names")
    named = [m for m in ends if len(m.group()) > 1 or not plain.startswith(common, m.start())]
    ends = named or ends  # (not the 河 of 河道, a one-character venue word opening a common noun: "某某湿地河道里"
    # is the wetland's, its channel no venue of its own)
    after_venue = words.pattern("places.after_venue")
    views = words.pattern("places.views")
    word = next((m for m in ends if m.end() == stop or plain[m.end()] in _POSITION
                 or after_venue.match(plain, m.end(), stop) or views.match(plain, m.end(), stop)), ends[-1])
    end = word.end()
    name = plain[name_start:end]
    body = name[: len(name) - len(word.group())]
    if not body or not _plain_name(name, body, words):
        return None
    before = plain[max(0, name_start - 3):name_start].rstrip("“\"「『")
    if before.endswith(words.words("places.not_names")) or before.endswith(words.words("places.determiners")):
        return None  # "一处“口袋公园”": a kind of place, quoted, not a named one
    if _of_an_unnamed_place(plain, name_start, words):
        return None
    signals: list[str] = []
    if len(word.group()) >= 2:
        signals.append("long_word")
    if 2 <= len(body) <= 6:
        signals.append("name_length")
    if lead is not None or _after_a_place_word(plain, name_start, words) or _led_to_by_a_place_word(
            plain, name_start, words):
        signals.append("after_place_word")  # (在 and 于 are breaks: the run starts after them, "游客在天安门广场")
    elif name_start == region_start or plain[name_start - 1] in "，,":
        signals.append("clause_start")
    if lead is None and name_start > 0 and plain[name_start - 1] == "的":
        signals.append("after_of")
    if end == stop or plain[end] in _POSITION or after_venue.match(plain, end, stop) or views.match(plain, end, stop):
        signals.append("ends_well")  # (a view of it follows: "拍摄的某某雕塑一景", "某某湖风光")
    area = plain if whole is None else plain[whole[0]:whole[1]]
    if area.count(name) >= 2:
        signals.append("named_again")
    if later:
        signals.append("other_sentence")
    signals += _kind_signals(plain, name, name_start, end, word.group(), words)
    score = sum(weights.get(signal, 0.0) for signal in signals)
    return VenueCandidate(text[name_start:end], name_start, end, score, tuple(signals))


#: The last characters of an event's name (风情节, 运动会, 联赛, 书展, 亚运): what is held, not where.
_EVENT_ENDS = frozenset("节会赛展运")
#: What after a verb of holding makes it no verb of this name's place: a noun's end (开幕式, 开幕典礼, 开幕礼,
#: 开幕仪式) or 的, a clause describing the event written after it ("连续三日举行的某某赛").
_NOT_HELD_THERE = frozenset("式典礼仪的")
#: The last characters of words for people (信众, 市民, 示威者, 队员, 人们, 学生): who holds it, no place.
_PEOPLE_ENDS = frozenset("众民者员们生")
#: A unit's suffix inside a name with no venue word: a chain of places ("某某县某某乡"), read by the chain reader.
_UNIT_IN_A_BARE_NAME = compiled("[省市县区镇乡]")
#: A word said twice over, character by character ("热热闹闹", "轰轰烈烈"): how a thing is done, never a name.
_REPEATED = compiled(r"(.)\1(.)\2")


def _name_where_held(text: str, plain: str, start: int, stop: int, region_start: int, later: bool, words: Words,
                     weights: dict[str, float], whole: tuple[int, int] | None) -> VenueCandidate | None:
    """The candidate of a run with no venue word that names where something is held: the characters from the run's
    start to a verb of holding (places.held: "某车水举行亮灯仪式", "某某顺德某坛举办水乡文化节", "在位于某市的
    某某工匠村开展研学"), with the signal ``before_held`` beside the finder's others; else None. Not an event's
    name (某某风情节开幕), a noun of holding (开幕式), a clause describing an event named after it (举行的), a chain
    of places, a word said twice over (热热闹闹), people (某某信众举行活动) nor a word of no place (在户外举行:
    places.held_nowhere)."""
    held = words.pattern("places.held").search(plain, start + 2, stop)
    if held is None:
        return None
    end = held.start()
    name = plain[start:end]
    if name.endswith(words.words("places.events")) or name[-1] in _EVENT_ENDS or (
            plain[held.end():held.end() + 1] in _NOT_HELD_THERE):
        return None
    if len(name) > 8 or not _plain_name(name, name, words) or _UNIT_IN_A_BARE_NAME.search(name) or (
            _REPEATED.fullmatch(name)) or name in words.set("places.held_nowhere") or name[-1] in _PEOPLE_ENDS or (
            name.endswith(words.words("places.people"))) or words.pattern("places.manner").search(name):
        return None  # (nor a word of when or how: "某市首次举办", places.manner)
    before = plain[max(0, start - 3):start]
    if before.endswith(words.words("places.not_names")) or before.endswith(words.words("places.determiners")):
        return None
    signals = ["before_held"]
    if words.pattern("places.after_venue").match(plain, end, stop):
        signals.append("ends_well")  # (举行, 举办, 开幕: an activity after it; not 开展, 启动)
    if len(name) <= 6:
        signals.append("name_length")
    if _after_a_place_word(plain, start, words) or _led_to_by_a_place_word(plain, start, words):
        signals.append("after_place_word")
    elif start == region_start or plain[start - 1] in "，,":
        signals.append("clause_start")
    if start > 0 and plain[start - 1] == "的":
        signals.append("after_of")
    area = plain if whole is None else plain[whole[0]:whole[1]]
    if area.count(name) >= 2:
        signals.append("named_again")
    if later:
        signals.append("other_sentence")
    signals += _kind_signals(plain, name, start, end, name[-1], words)
    score = sum(weights.get(signal, 0.0) for signal in signals)
    return VenueCandidate(text[start:end], start, end, score, tuple(signals))


#: A voltage grade written before a substation's or a line's name ("110千伏贵屯变电站", "±800千伏某某换流站"): it
#: grades the site, and the name begins after it.
_VOLTAGE_GRADE = compiled(r"±?\d{2,4} ?(?:千伏|kV|KV|kv) ?")


def _of_an_unnamed_place(plain: str, at: int, words: Words) -> bool:
    """Whether the name at ``at`` follows 的 after a place counted, not named ("一家公司的光伏板车间",
    "一座商场的美食广场"): a part of a place the caption does not name, no venue of its own."""
    if at < 3 or plain[at - 1] != "的":
        return False
    stretch = plain[max(0, at - 9):at - 1]
    stretch = stretch[max(stretch.rfind(mark) for mark in "，,。;；、 ") + 1:]
    return any(word in stretch for word in _COUNTED_PLACES)


#: A count of one place, naming none (一家, 一座, 一处): what follows it and 的 is a part of that unnamed place.
_COUNTED_PLACES = ("一家", "一座", "一处", "一间", "一所", "一栋", "一幢")


def voltage_grade(plain: str, start: int, end: int, anchored: bool = False) -> re.Match | None:
    """The voltage grade ("110千伏") at `start` (`anchored`) or first found between `start` and `end`: a site's
    grade, after which its name begins.

    >>> voltage_grade("工人巡检110千伏贵屯变电站", 0, 15).group()
    '110千伏'
    """
    if anchored:
        return _VOLTAGE_GRADE.match(plain, start, end)
    return _VOLTAGE_GRADE.search(plain, start, end)


def _after_a_place_word(plain: str, at: int, words: Words) -> bool:
    """Whether a word a place follows (在, 于, 位于) or a word of going to it (到) ends right before `at`."""
    made = words._made.get(("place_word_before",))
    if made is None:  # (and a word of going to it: "民众到人民公园参观")
        made = words._made[("place_word_before",)] = compiled(
            f"(?:{words.any('places.before_place')}|{words.any('places.going_to')})$")
    return made.search(plain, max(0, at - 4), at) is not None


#: The stops that end a clause, before which a word a place follows governs nothing after them.
_CLAUSE_STOPS = frozenset("，,。；;！!？?\n")
#: How far before a place ``after_a_likeness`` looks for a word of likeness (a few words: the search runs at every
#: start a chain is read from, so it stays short).
_LIKENESS_REACH = 16


def after_a_likeness(plain: str, at: int, words: Words) -> bool:
    """Whether a word of likeness (places.likeness: 好比, 堪比, 宛如) stands shortly before `at` in its clause
    ("地位好比广州的海心沙", "街巷宛如苏州平江路"): the place named there is what the scene is compared with,
    elsewhere, no site of the photo."""
    found = list(words.pattern("places.likeness").finditer(plain, max(0, at - _LIKENESS_REACH), at))
    return bool(found) and not any(ch in _CLAUSE_STOPS for ch in plain[found[-1].end():at])


#: The most characters between a word a place follows and the 的 of the phrase it leads to.
_LONGEST_LEAD = 24


def _led_to_by_a_place_word(plain: str, at: int, words: Words) -> bool:
    """Whether the venue at `at` ends a phrase that a word a place follows opens in the same clause, the venue
    after its 的 ("在位于北京中轴线制高点的某某山", "来到位于杭州市余杭区的某某湿地"): the place 在 leads to, though
    a description stands between."""
    if at < 2 or plain[at - 1] != "的":
        return False
    start = max(0, at - _LONGEST_LEAD)
    stop = next((i for i in range(at - 2, start - 1, -1) if plain[i] in _CLAUSE_STOPS), start - 1) + 1
    lead = words.pattern("places.before_place").search(plain, stop, at - 1)
    return lead is not None and plain[lead.end():at - 1].startswith("位于")


#: The characters that end a unit of the place chain ("安徽省合肥市骆岗公园": 骆岗公园 follows 市).
_UNIT_ENDS = set("省市区县镇乡村州盟旗")
#: Venue words that name nature rather than a built place, and those of a street or road.
_NATURAL = set("山峰湖江河海湾岛滩潭洞窟瀑谷原漠")
_STREETS = ("街", "路", "巷", "胡同", "大道", "步行街")


def _kind_signals(plain: str, name: str, start: int, end: int, word: str, words: Words) -> list[str]:
    """The signals of what kind of name a candidate is: a known city, an organisation, quoted or titled, after
    the chain, and the class of its venue word."""
    from catalog.captions.gazetteer import chinese_name_cities

    signals = []
    if chinese_name_cities(name)[0] > 0:
        signals.append("place_name")
    if words.pattern("places.organisations").search(name):
        signals.append("organisation")
    if start > 0 and plain[start - 1] in _UNIT_ENDS:
        signals.append("after_chain")
    opening, closing = plain[start - 1:start], plain[end:end + 1]
    if (opening, closing) in (("“", "”"), ("「", "」"), ('"', '"')):
        signals.append("quoted")
    if opening == "《" or closing == "》":
        signals.append("titled")
    if word[-1] in _NATURAL:
        signals.append("natural_word")
    if word.endswith(_STREETS):
        signals.append("street_word")
    if word in words.set("places.own_kinds") and len(name) - len(word) >= 2 and "place_name" not in signals and (
            not _a_kind_of_place(name, words)):
        signals.append("own_kind")  # "某某渔港", "某某站": named for itself; not a city (香港, 连云港) nor a kind
        # of place ("加油站")
    return signals


def _a_kind_of_place(name: str, words: Words) -> bool:
    """Whether a name is a kind of place, no place of its own (chinese_chain.generic_venue: "加油站", "口袋公园")."""
    from catalog.captions.chinese_chain import generic_venue

    return generic_venue(name, words)


def _plain_name(name: str, body: str, words: Words) -> bool:
    """Whether a name reads as a venue's: Chinese characters, no number, and no word of a clause or a reference."""
    if not re.fullmatch(f"[{HAN}·]+", name) or _NUMBER.search(body):
        return False
    if name.startswith(words.words("places.not_names")) or name.startswith(words.words("places.determiners")) or (
            name.startswith(words.words("places.origins"))) or (
            name.startswith(words.words("places.organisation_prefixes"))) or name.startswith(
            words.words("places.organisations")):
        return False  # (nor a national company's branch: "国网山东省电力公司")
    if name in words.set("places.not_venue_names") or _AN_ADJECTIVE in name:
        return False  # (an adjective in -性 describes a kind of place: "季节性牧场", a seasonal pasture)
    clause_words = ("places.after_venue", "places.held", "places.passing", "dates.relative", "dates.times_of_day",
                    "dates.seasons", "places.clause_words", "places.times_now", "places.likeness")
    return not any(words.pattern(key).search(body) for key in clause_words)


def venue_weights(words: Words) -> dict[str, float]:
    """The signals' weights and the accepted score, from [venue_scores] (a house file may change them)."""
    made = words._made.get(("venue_weights",))
    if made is None:
        table: dict = words.lists.get("venue_scores", {})
        made = words._made[("venue_weights",)] = {key: float(value) for key, value in table.items()}
    return made



# --- venues the register knows -----------------------------------------------------------------------------------


def registered_venue(text: str, plain: str, scene: tuple[int, int], words: Words, register: VenueRegister,
                     place: Place, later: bool = False) -> str | None:
    """The sublocation the venue register gives the scene sentence plain[scene[0]:scene[1]], as written, or None.

    Where the chain read a venue that is the start of a registered name written there ("海港" of "海港城", "宽窄巷"
    of "宽窄巷子"), the registered name is the venue (one that begins inside it keeps the chain's reading: "北京大兴
    国际机场" is 大兴国际机场, the city is no part of the venue). Where it read none, each registered name
    of the sentence is a candidate scored by the venue finder's signals with ``registered`` for its weight
    (``[venue_scores]``), taken when it reaches ``accept``: a name with no venue word ("在陆家嘴游玩", "@海港城")
    that the finder alone could not see.

    >>> from catalog.captions.rules import load_rules
    >>> from catalog.captions.chinese_words import words_for
    >>> from catalog.venues import shipped_register
    >>> words, _ = words_for(load_rules())
    >>> text = "10月1日，游客在陆家嘴游玩。"
    >>> registered_venue(text, text, (0, len(text)), words, shipped_register(), Place())
    '陆家嘴'
    """
    from catalog.captions.venue_spots import chinese_spots

    spots = chinese_spots(plain, scene[0], scene[1], register)
    if not spots:
        return None
    if place.sublocation:
        venue = simplified(place.sublocation)
        at = plain.find(venue, scene[0], scene[1])
        for start, end, _ in spots:
            if start == at and end - start > len(venue):
                return text[start:end]  # the chain stopped short of the registered name
            if at >= 0 and start == at + len(venue) and venue[-1] in _DISTRICT_ENDS and not (
                    plain.startswith(words.words("places.team"), end) or end < scene[1] and plain[end] in _LONGER_NAME):
                return text[start:end]  # "上海浦东新区陆家嘴": the venue is more specific than its district
        return None
    weights = venue_weights(words)
    after_venue = words.pattern("places.after_venue")
    best: tuple[float, int, str] | None = None
    teams = words.words("places.team")
    organisation = words.pattern("places.organisations")
    for start, end, _ in spots:
        if plain.startswith(teams, end) or organisation.match(plain, end, scene[1]) or plain.startswith(
                words.words("places.members"), end):
            continue  # "山东泰山队", "陆家嘴集团", "上海博物馆馆长": a team, a body named after the place or a
            # person the place names (its head), not the scene
        if end < scene[1] and plain[end] in _LONGER_NAME:
            continue  # "杭州市西湖区", "三里屯路": a district or a road named after it, not the venue itself
        if place.city and simplified(place.city) == plain[start:end]:
            continue  # "在河北雄安新区": the chain read it as the city it stands in for, no site within it
        if after_a_likeness(plain, start, words):
            continue  # "场面堪比上海外滩": what the scene is compared with, elsewhere
        signals = ["registered"]
        if _after_a_place_word(plain, start, words) or _after_passing(plain, start, words):
            signals.append("after_place_word")
        elif _after_its_places(plain, start, place):
            signals.append("after_city")  # "在上海陆家嘴": the chain's city, then the venue in it
        elif _opens_its_clause(plain, start, scene[0], words):
            signals.append("clause_start")
        if start > 0 and plain[start - 1] == "的":
            signals.append("after_of")
        if end >= scene[1] or plain[end] in _BREAKS or plain[end] in _POSITION or after_venue.match(
                plain, end, scene[1]):
            signals.append("ends_well")
        if plain.count(plain[start:end]) >= 2:
            signals.append("named_again")
        if later and not {"after_place_word", "after_city"} & set(signals):
            continue  # (in a later sentence only a place phrase vouches for it: "来到某某之内", "莫斯科某某")
        if later:
            signals.append("other_sentence")
        score = sum(weights.get(signal, 0.0) for signal in signals)
        if score >= weights["accept"] and (best is None or score > best[0]):
            best = (score, start, text[start:end])
    return best[2] if best else None


#: The last characters of a unit that stands in as the sublocation when the chain read no venue (浦东新区, 湾仔区)
_DISTRICT_ENDS = set("区县镇乡")
#: Characters after a registered name that make it the start of a longer one: a unit or a road named after it.
_LONGER_NAME = set("区县市镇乡村州省盟旗路街")


#: What may stand before a clause's first word: a picture's mark (▲, △, ■, ●), a space.
_OPENING_MARKS = frozenset(" \u3000\n△▲↑→■●◆★")
#: The lists of words of time that may open a clause before its subject ("当天,", "昨晚某某..."; "元旦某某...").
_TIMES = ("dates.relative", "dates.times_of_day", "dates.named_days", "dates.seasons", "places.times_now")


def _opens_its_clause(plain: str, at: int, start: int, words: Words) -> bool:
    """Whether the name at `at` opens its clause, the clause's subject: nothing before it since the sentence's start
    (`start`) or a comma but a picture's mark ("▲某某元旦升旗") or a word of time ("昨晚某某人头攒动")."""
    clause = max(start, *(plain.rfind(mark, start, at) + 1 for mark in "，,；;：:"))
    while clause < at and plain[clause] in _OPENING_MARKS:
        clause += 1
    if clause == at:
        return True
    opening = plain[clause:at]
    return any(opening in words.set(key) for key in _TIMES)


def _after_passing(plain: str, at: int, words: Words) -> bool:
    """Whether a verb of passing (走过, 驶过) ends right before `at`."""
    made = words._made.get(("passing_before",))
    if made is None:
        made = words._made[("passing_before",)] = compiled(f"(?:{words.any('places.passing')})$")
    return made.search(plain, max(0, at - 4), at) is not None


def _after_its_places(plain: str, at: int, place: Place) -> bool:
    """Whether the city, province or country the chain read is written right before `at` ("上海陆家嘴",
    "成都市锦里")."""
    before = plain[max(0, at - 12):at]
    for name in (place.city, place.province, place.country):
        if name and before.endswith(tuple(simplified(name) + suffix for suffix in ("", "市", "省", "区", "县"))):
            return True
    return False
