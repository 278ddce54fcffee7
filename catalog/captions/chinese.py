"""Chinese captions: the credit, the photo's date and the place, read with the word lists of
``catalog/rules/chinese.toml`` (a house rules file extends them under ``[chinese]``).

The values follow the labelling contract (../shared/captions/README.md, "Chinese-language captions"): names
and places as the caption writes them, traditional characters kept; agencies by their standard English name
through the agency registry; 省, 市 and 自治区 dropped from provinces and cities, other suffixes kept when that
level stands in for the city. A caption in traditional characters is matched through its simplified form
(OpenCC), so one word list serves both. Worked examples::

    新华社记者 李鑫 摄                photographer 李鑫, agency Xinhua
    新华社发（陈熙 摄）                photographer 陈熙, agency Xinhua (a contributor's picture)
    中新社記者 李洋 攝                 photographer 李洋, agency China News Service
    王 哲摄(人民视觉)                  photographer 王 哲, agency People Visual
    （受访者供图）                     provider 受访者
    这是9月18日拍摄的...               date_text 9月18日, taken (the year is inferred on import)
    2025年10月14日，在安徽省合肥市骆岗公园...   2025-10-14; 骆岗公园, 合肥, 安徽
    9月5日晚,北京,国家会议中心,...      国家会议中心, 北京

The work is shared out: ``chinese_words.py`` holds the word lists and patterns, ``chinese_credits.py`` reads the
credit, ``chinese_dates.py`` the sentences and the date, ``chinese_places.py`` the place; this module tells the
caption's language and puts the facts together.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from catalog.captions.chinese_name_checks import (
    check_quoted_names,
    drop_what_names_no_place,
    narrow_to_the_unit_inside,
)
from catalog.captions.chinese_words import HAN, han_char, simplified, words_for
from catalog.captions.confidence import credit_kinds, date_kind, place_kinds
from catalog.captions.credits import Found
from catalog.captions.place_checks import check_sides
from catalog.captions.rules import Rules
from catalog.captions.types import CaptionFacts, Place
from catalog.patterns import compiled

_LATIN_WORD = compiled(r"[A-Za-z]{2,}")


#: A pinyin syllable with its tone mark in brackets right after a character, which some mirrors' script converters
#: leave in the text ("区(qū)", "发(fā)", "镇(zhèn)"), or the syllables of a word run together ("重庆市(chóngqìngshì)",
#: "报道(bàodào)"): no part of the caption's words. (The letters before the first tone mark and the letters and
#: tone marks after it are classes apart, so the pattern never backtracks.)
_PINYIN_LEFT_IN = compiled("(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]"
                           "[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]*[)）]")
#: What some spam mirrors write for every 人 (a machine's word-for-word rewriting): "唐东说念主街" is 唐人街.
_MIRRORS_PERSON = "东说念主"
#: A route's two ends in brackets after a train, a line or a service ("中欧班列(义乌—马德里)", "某某铁路(临河—策克)段"):
#: where it runs from and to, no place of the scene; blanked (same length, offsets kept) before places are read.
_ROUTE_IN_BRACKETS = compiled("[(（][\u4e00-\u9fff]{2,8}[—–―－-][\u4e00-\u9fff]{2,8}[)）]")
#: The brackets a credit may sit in, by their opening mark: the description drops a pair the credit leaves empty.
_OPENING = {"（": "）", "(": ")", "【": "】", "[": "]"}


def language(text: str) -> str:
    """The caption's language: "zh", "en", or "mixed" when it has both a Chinese and an English part.

    >>> language("9月17日,一轮圆月与南京阅江楼交相辉映。新华社发(苏阳摄)"), language("Pandas in Chengdu.")
    ('zh', 'en')
    >>> language("梵净山,中国西南部 Mount Fanjing in southwest China, a mountain (© zhuxiao/Shutterstock)")
    'mixed'
    """
    if text.isascii():  # (no Chinese character: most English captions, without a scan)
        return "en"
    han = sum(map(len, _han_runs().findall(text)))  # (runs, not characters: a tenth of the strings made)
    if han < 4:
        return "en"
    words = len(_LATIN_WORD.findall(text))
    if words >= 6 and han < 6 * words:
        return "mixed"
    return "zh"


@cache
def _han_runs() -> re.Pattern:
    """Chinese characters in a row, compiled on first use as `han_char` is."""
    return compiled(f"[{HAN}]+")


def _abbreviating(text: str, found: Found, rules: Rules) -> bool:
    """Whether the English reader's credit is an acronym in brackets right after the Chinese name it abbreviates
    ("...出席全国人民代表大会(NPC)"), as no agency the registry knows: the name's short form, no credit (a credit
    stands after a stop or a space: "...游览。(UGC)")."""
    raw = (found.credit.raw or "").strip()
    if not _ACRONYM.fullmatch(raw) or found.credit.agency or found.credit.photographer or rules.agency_kind(raw):
        return False  # ("月球表面(NASA)": a body the registry knows hands the picture out)
    at = text.rfind(raw, 0, found.cut_end)
    return at >= 2 and text[at - 1] in "(（" and han_char().match(text, at - 2) is not None


#: The opening of a caption in letters up to its first Han character: a credit line set above the Chinese text
#: ("Name for The New York Times⏎在首尔...", "Name/AP Photo 乌克兰..."), as foreign papers' Chinese pages print it.
_LATIN_OPENING = re.compile(
    r"[ \t]*([A-Za-z][^\n\u3400-\u9fff]{3,80}?)[ \t\u3000]*(?:\n[ \t\u3000]*)?(?=[\u3400-\u9fff])")


def _english_credit_opening(text: str, found: Found | None, rules: Rules) -> Found | None:
    """An English credit that opens a Chinese caption before its first Han character, on its own line or set
    apart by a space ("Name for The New York Times 拜登总统..."), read by the English reader as the line of its
    own it is; None when the opening is no credit, or when the Chinese reader's credit names another agency
    (the Chinese credit keeps its names as written). Only a credit the opening holds whole counts ("Casey在..."
    is a person in the text)."""
    opening = _LATIN_OPENING.match(text)
    if opening is None:
        return None
    from catalog.captions.credits import find_credit

    line = opening.group(1)
    english = find_credit(f"{line}\n{text[opening.end():]}".replace("。", "."), rules)
    if english is None or english.cut_start > 0 or english.cut_end != len(line) or not (
            english.credit.photographer or english.credit.agency):
        return None
    if found is not None and (not english.credit.photographer or found.credit.provider or (
            found.credit.agency and found.credit.agency != english.credit.agency)):
        return None  # (a Chinese credit stands unless the opening adds the photographer to its agency)
    start = opening.start(1)
    return replace(english, cut_start=start, cut_end=start + len(line))


#: An acronym alone: "NPC", "CPPCC".
_ACRONYM = re.compile(r"[A-Z]{2,8}")


def parse_chinese(text: str, rules: Rules, *, places: bool = True, dates: bool = True,
                  explain: bool = False) -> CaptionFacts:
    """What a Chinese caption says about its photo (see the module docstring)."""
    # Imported here, not above: every caption asks `language`, few are Chinese, and these modules' patterns
    # (large Han character classes) cost an import of English captions more than all their other patterns.
    from catalog.captions.chinese_credits import dateline_outlet, desk_outlet, find_chinese_credit, source_outlet
    from catalog.captions.chinese_dates import background_dates, body_sentences, choose_date, split_sentences
    from catalog.captions.chinese_places import complete_from_heading, find_chinese_place, no_city_state_country

    if _PINYIN_LEFT_IN.search(text):  # "青岛市李沧区(qū)九水街道", "新华社发(fā)(张鹰摄)": a mirror's converter
        facts = parse_chinese(_PINYIN_LEFT_IN.sub("", text), rules, places=places, dates=dates, explain=explain)
        facts.text = text  # (the values, the credit's raw and the description are read without the pinyin)
        _places_as_published(facts.location, text)
        if explain:
            facts.notes.append("pinyin a page's converter left after characters, (qū), (fā), read past")
        return facts
    if _MIRRORS_PERSON in text:  # "唐东说念主街", "东说念主民网记者": a spam mirror's rewriting of 人
        facts = parse_chinese(text.replace(_MIRRORS_PERSON, "人"), rules, places=places, dates=dates,
                              explain=explain)
        facts.text = text  # (the values are read with 人 put back: 人民网 is the outlet whatever the mirror wrote;
        # the credit's raw, the description and the places stay as published, "唐东说念主街")
        for holder, written in ((facts.credit, "raw"), (facts, "description"), (facts.location, "sublocation"),
                                (facts.location, "city"), (facts.location, "province")):
            value = getattr(holder, written)
            if value and value.replace("人", _MIRRORS_PERSON) in text:
                setattr(holder, written, value.replace("人", _MIRRORS_PERSON))
        if explain:
            facts.notes.append("a mirror's 东说念主 for 人, read as 人")
        return facts
    words, patterns = words_for(rules)
    plain = simplified(text)
    facts = CaptionFacts(text=text, language="zh")
    found = find_chinese_credit(text, plain, rules, words, patterns)
    if (found is None or not han_char().search(found.credit.raw or "")) and re.search(r"[A-Za-z]{2,}", text):
        # no credit, or one in letters ("...游玩。Photo by Wang Xiaoming/Xinhua"): the English reader's, when it ends
        # the caption and holds the Chinese reader's whole ("Xiaoming/Xinhua" is the end of a longer credit)
        from catalog.captions.credits import find_credit

        english = find_credit(text.replace("。", "."), rules)  # (。 ends a sentence as . does; same offsets)
        # "烟花绚烂的除夕夜,中国 (© MediaProduction/E+/Getty Images)"
        if english is not None and english.cut_end >= len(text.rstrip()) and (
                found is None or english.cut_start <= found.cut_start and not han_char().search(
                    english.credit.raw or "")) and not _abbreviating(text, english, rules):
            # (not when the English reader's credit holds the Chinese label the Chinese reader read past:
            # "来源:chinadaily.com.cn")
            found = english  # (only at the end: "朝鲜中央通讯社(KCNA)..." names the source in passing)
    if found is None or not found.credit.photographer:
        found = _english_credit_opening(text, found, rules) or found
    if found is not None and found.credit.photographer and not found.credit.agency:
        # "...（记者 王小明 摄）" after "人民网北京10月14日电"; "记者:王小明  新华社音视频部": the newsroom's
        # desk closing the caption names the outlet
        found.credit.agency = desk_outlet(plain, found.cut_start, rules, words) or dateline_outlet(plain, rules, words)
        if not found.credit.agency and simplified(found.credit.raw or "").startswith(words.words("credit.this_paper")):
            # "（出处:中国社会科学报 本报记者 王小明/摄）": "this paper" is the one the caption's source label names
            found.credit.agency = source_outlet(text, plain, rules, words)
    if explain:
        facts.notes.append(f"credit {found.credit.raw!r} read as the {found.spot} shape" if found
                           else "credit: none found")
    work = plain
    if found is not None:
        facts.credit = found.credit
        facts.evidence.update(credit_kinds("zh", found.credit, found.spot, rules, strong=found.strong,
                                           shaped=found.shaped))
        work = plain[: found.cut_start] + " " * (found.cut_end - found.cut_start) + plain[found.cut_end:]
        if plain[found.cut_end - 1:found.cut_end + 1] == "摄于":  # "新华社记者X摄于6月22日": the day the credit says
            work = work[: found.cut_end - 1] + "摄" + work[found.cut_end:]  # it was taken, read as "摄于6月22日"
        before, after = text[: found.cut_start].strip(), text[found.cut_end:].strip()
        if not before:  # a credit opening the caption leaves the colon that followed it ("新华社记者 李鑫 摄：...")
            after = after.lstrip("：:").strip()
        if before[-1:] in _OPENING and after[:1] == _OPENING.get(before[-1:]):  # "...游览。（" + "）": its brackets
            before, after = before[:-1].rstrip(), after[1:].lstrip()
        # (a credit that was a line of its own between two lines, "作品类别:摄影⏎作者:姜铭杰⏎年龄:16岁", leaves the
        # line break between them)
        joint = "\n" if before and after and text[: found.cut_start].rstrip(" \t\u3000").endswith("\n") and (
            text[found.cut_end:].lstrip(" \t\u3000").startswith("\n")) else ""
        facts.description = before + joint + after or None
    else:
        facts.description = text.strip() or None
    if not (places or dates):
        return facts
    sentences = split_sentences(work)
    body = body_sentences(work, sentences)
    date = choose_date(work, sentences, body, words)
    if explain:
        facts.notes.append(f"date {text[date.start:date.end]!r} ({date.kind}): the first date of the caption's first "
                           "sentence, or one that says it was taken or released" if date and not date.vague else
                           f"date: none, {text[date.start:date.end]!r} names no day of the photo's" if date else
                           "date: none written")
        facts.notes.extend(f"date {written!r} left out: background (another thing's day: a start or an end point, a "
                           "report's day, a range)" for written in background_dates(work, words))
    if date is not None and not date.vague:  # ("近日", recently: the scene's time, no date)
        facts.date, facts.date_kind = date.iso, date.kind
        facts.date_text = None if date.iso else text[date.start:date.end]
        if date.kind == "released":
            facts.released = date.iso
        facts.evidence["date"] = facts.evidence["date_kind"] = date_kind("zh", "text", date.kind, date.iso)
    if places:
        work = _ROUTE_IN_BRACKETS.sub(lambda route: " " * len(route.group()), work)
        date = date if date is None or date.marks_scene else None
        facts.location = find_chinese_place(text, work, sentences, body, date, words, patterns)
        found_by: dict[str, str] = {}  # the levels a later step filled, by the step (for the evidence kinds)
        read_so_far = _levels(facts.location)
        _registered_venue(facts.location, text, work, sentences, body, date, words, rules)
        read_so_far = _filled_by(read_so_far, facts.location, "the venue register", found_by)
        complete_from_heading(facts.location, text, work, words, patterns)
        _filled_by(read_so_far, facts.location, "the heading", found_by)
        if facts.location.city is None and facts.credit.photographer:
            facts.location.city = _city_of_the_credit(facts.credit.raw or "", facts.credit.photographer, text)
            if facts.location.city:
                found_by["city"] = "the credit line"
        drop_what_names_no_place(facts.location, facts.notes.append if explain else None, text)
        narrow_to_the_unit_inside(facts.location, text, facts.notes.append if explain else None)
        check_quoted_names(facts.location, text, facts.notes.append if explain else None)
        check_sides(facts.location, text, facts.notes.append if explain else None)
        no_city_state_country(facts.location, words)
        facts.evidence.update(place_kinds("zh", "scene sentence", facts.location, found_by or None))
        if explain:
            facts.notes.append(facts.location.note("scene sentence", ""))
    return facts


#: The levels of a place, for ``_filled_by``.
_LEVELS = ("sublocation", "city", "province", "country")


def _levels(place: Place) -> tuple[str | None, ...]:
    return place.sublocation, place.city, place.province, place.country


def _filled_by(before: tuple[str | None, ...], after: Place, step: str,
               found_by: dict[str, str]) -> tuple[str | None, ...]:
    """Mark in `found_by` each level of the place that `step` set (its value differs from `before`, the levels as
    they were), so that the evidence kind says which step read it ("zh / scene sentence / the heading / known": a
    heading's place line, not the scene sentence's chain); the levels as they are now, for the next step."""
    now = _levels(after)
    if now != before:
        for level, value, was in zip(_LEVELS, now, before, strict=True):
            if value and value != was:
                found_by[level] = step
    return now


def _places_as_published(place, text: str) -> None:
    """Each place read past a mirror's pinyin written back as the caption publishes it ("達(dá)喀爾", not "達喀爾"):
    places are kept as written, and the pinyin is part of what the page wrote inside the name."""
    pieces: list[str] = []  # the text without the pinyin,
    where: list[int] = []  # and each of its characters' offsets in the text
    last = 0
    for left_in in _PINYIN_LEFT_IN.finditer(text):
        pieces.append(text[last:left_in.start()])
        where.extend(range(last, left_in.start()))
        last = left_in.end()
    pieces.append(text[last:])
    where.extend(range(last, len(text)))
    plain = "".join(pieces)
    for field in ("sublocation", "city", "province", "country"):
        value = getattr(place, field)
        start = plain.find(value) if value else -1
        if start >= 0 and len(value) > 1:
            end = where[start + len(value) - 1] + 1
            trailing = _PINYIN_LEFT_IN.match(text, end)  # "龍涓鄉(xiāng)": the last pinyin is the name's too
            setattr(place, field, text[where[start]: trailing.end() if trailing else end])


def _registered_venue(place, text: str, plain: str, sentences: list[tuple[int, int]], body: list[tuple[int, int]],
                      date, words, rules: Rules) -> None:
    """The venue register's word on the scene sentence's venue (``chinese_venues.registered_venue``): a venue
    with no venue word the chain could not see ("在陆家嘴游玩"), or the whole registered name of one it cut short."""
    if not body:
        return
    from catalog.captions.chinese_venues import registered_venue
    from catalog.venues import register_for

    scene = body[0]
    if date is not None:
        scene = next((s for s in sentences if s[0] <= date.start < s[1]), scene)
    register = register_for(rules)
    found = registered_venue(text, plain, scene, words, register, place)
    if found is None and not place.sublocation:  # "某某节的由来。当天,群众来到罗布林卡之内": the scene sentence
        # names no venue, a later one does after a place word (or the chain's city)
        for other in body:
            if other != scene:
                found = registered_venue(text, plain, other, words, register, place, later=True)
                if found:
                    scene = other
                    break
    if found:
        place.sublocation = found
        if place.city is None and place.province is None and place.country is None:
            from catalog.captions.chinese_chain import city_state_district
            from catalog.captions.chinese_places import as_written

            city = city_state_district(found, words)
            if city is not None:  # "元朗大棠枫香林红叶正盛": a district of a city-state names its city (Yuen Long)
                place.city = as_written(city, text)
        if place.city is None:  # "乌鲁木齐国际大巴扎里": the registered name begins after the city written bare
            place.city = _city_right_before(text, plain, found, scene)


def _city_right_before(text: str, plain: str, venue: str, scene: tuple[int, int]) -> str | None:
    """The city written bare right before a registered venue found in the scene sentence, as written
    (``chinese_places.bare_city_before``): "乌鲁木齐国际大巴扎", the register's name being 国际大巴扎, names the city
    before the venue as "拉萨布达拉宫" does; None when no such city stands there."""
    from catalog.captions.chinese_places import bare_city_before

    at = plain.find(simplified(venue), scene[0], scene[1])
    start = bare_city_before(plain, at, scene[0]) if at > scene[0] else None
    return text[start:at] if start is not None else None


#: The words of taking a picture that end a credit ("摄", "攝影").
_TAKEN = ("摄影", "攝影", "摄", "攝")
#: A city named between a credit's photographer and 摄 is read when the gazetteer knows one of at least this many
#: people by the name (a bare name, vouched for by nothing else).
CREDIT_CITY_POPULATION = 100_000


def _city_of_the_credit(raw: str, photographer: str, text: str) -> str | None:
    """The city a credit names between its photographer and 摄, where the picture was taken ("中央社记者黄兆平纽约摄":
    纽约), as written; None when the credit names none there or the gazetteer knows no city of that name big
    enough."""
    from catalog.captions.gazetteer import chinese_name_cities

    found = raw.rfind(photographer)
    if found < 0 or not raw.endswith(_TAKEN):
        return None
    between = raw[found + len(photographer):].rstrip()
    for taken in _TAKEN:
        if between.endswith(taken):
            between = between[: -len(taken)].strip()
            break
    if not 2 <= len(between) <= 5 or not all(han_char().match(ch) for ch in between):
        return None
    if chinese_name_cities(simplified(between))[0] < CREDIT_CITY_POPULATION:
        return None
    return between
