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
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from catalog.captions.credits import Found
from catalog.captions.gazetteer import name_levels
from catalog.captions.locations import Chain, Element, resolve
from catalog.captions.rules import Rules
from catalog.captions.types import CaptionFacts, Credit, Place

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def language(text: str) -> str:
    """The caption's language: "zh", "en", or "mixed" when it has both a Chinese and an English part.

    >>> language("9月17日,一轮圆月与南京阅江楼交相辉映。新华社发(苏阳摄)"), language("Pandas in Chengdu.")
    ('zh', 'en')
    >>> language("梵净山,中国西南部 Mount Fanjing in southwest China, a mountain (© zhuxiao/Shutterstock)")
    'mixed'
    """
    han = len(_HAN_CHAR.findall(text))
    if han < 4:
        return "en"
    words = len(_LATIN_WORD.findall(text))
    if words >= 6 and han < 6 * words:
        return "mixed"
    return "zh"


# --- the word lists -------------------------------------------------------------------------------------


@cache
def _shipped() -> dict[str, Any]:
    with resources.files("catalog").joinpath("rules", "chinese.toml").open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Words:
    """The Chinese word lists in force, compiled."""

    lists: dict[str, dict[str, list[str]]]
    #: Alternations, longest-first lists and compiled patterns already built (the lists never change).
    _made: dict[tuple[str, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, key: str) -> list[str]:
        table, name = key.split(".")
        return self.lists[table][name]

    def any(self, key: str) -> str:
        """A regex alternation of a list, longest first (built once: a caption asks for it many times)."""
        made = self._made.get(("any", key))
        if made is None:
            made = self._made[("any", key)] = "|".join(re.escape(w) for w in self.longest_first(key))
        return made

    def longest_first(self, key: str) -> list[str]:
        """The list, longest word first, so that 黔东南苗族侗族自治州 is tried before 自治州."""
        made = self._made.get(("sorted", key))
        if made is None:
            made = self._made[("sorted", key)] = sorted(self[key], key=len, reverse=True)
        return made

    def pattern(self, key: str) -> re.Pattern:
        """The list's alternation, compiled once."""
        made = self._made.get(("pattern", key))
        if made is None:
            made = self._made[("pattern", key)] = re.compile(f"(?:{self.any(key)})")
        return made


@lru_cache(maxsize=8)
def _words(house: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]) -> tuple[Words, dict]:
    lists = {table: dict(values) for table, values in _shipped().items()}
    for table, values in house:
        lists.setdefault(table, {}).update({k: list(v) for k, v in values})
    words = Words(lists)
    return words, _patterns(words)


def words_for(rules: Rules) -> tuple[Words, dict]:
    """The word lists and patterns for these house rules (the shipped lists with [chinese] laid over)."""
    house = tuple(sorted(
        (table, tuple(sorted((k, tuple(v)) for k, v in values.items() if isinstance(v, list))))
        for table, values in (rules.chinese or {}).items() if isinstance(values, dict)
    ))
    return _words(house)


_NAME = f"[{HAN}](?:[ \u3000]?[{HAN}]){{1,3}}(?:[·•][{HAN}]{{1,6}})?"  # 李鑫, 伊 霄, 阿布都·艾尼
_NAMES = f"{_NAME}(?:\\s*[、,，]\\s*{_NAME})*"
_ORG = f"[{HAN}A-Za-z·][{HAN}A-Za-z·]{{0,14}}?"
_OPEN, _CLOSE = "[（(]", "[)）]"


def _patterns(words: Words) -> dict[str, re.Pattern]:
    staff, took, sent = words.any("credit.staff"), words.any("credit.took"), words.any("credit.sent")
    provided, interviewee = words.any("credit.provided"), words.any("credit.interviewee")
    label = words.any("credit.source_labels")
    places = words.lists["places"]
    units = {level: words.any(f"places.{level}") for level in ("province", "city", "county", "town", "village")}
    all_units = "|".join(re.escape(w) for w in sorted(
        {w for level in ("province", "city", "county", "town", "village") for w in places[level]},
        key=len, reverse=True))
    return {
        # 新华社发（陈熙 摄）, 新华社发(苏阳摄)
        "sent_brackets": re.compile(
            f"(?P<agency>{_ORG})(?:{sent}){_OPEN}\\s*(?P<name>{_NAMES})\\s*/?\\s*(?:{took}){_CLOSE}"),
        # （新华社发 陈熙摄）
        "brackets_sent": re.compile(
            f"{_OPEN}\\s*(?P<agency>{_ORG})(?:{sent})\\s*(?P<name>{_NAMES})\\s*/?\\s*(?:{took})\\s*{_CLOSE}"),
        # 新华社记者 李鑫 摄, 中青报·中青网记者 陈剑/摄, 记者 唐俊 通讯员 吴翰 摄影报道, 本报记者 伊 霄摄
        "staff": re.compile(
            f"(?P<agency>(?:(?!{staff})[{HAN}A-Za-z·]){{1,14}}?)?(?:{staff})[\\s:：]*(?P<name>{_NAMES})"
            f"(?:\\s*(?:{staff})\\s*{_NAMES})*\\s*/?\\s*(?:{took})"),
        # 中新社发 刘卫勇 摄
        "sent_name": re.compile(f"(?P<agency>{_ORG})(?:{sent})\\s+(?P<name>{_NAMES})\\s*/?\\s*(?:{took})"),
        # 王 哲摄(人民视觉)
        "name_then_agency": re.compile(
            f"(?P<name>{_NAMES})\\s*/?\\s*(?:{took})\\s*{_OPEN}(?P<agency>{_ORG}){_CLOSE}"),
        # (龙国雄摄), (武汉晚报 邱焰 摄), (中央社摄)
        "brackets": re.compile(
            f"{_OPEN}\\s*(?:(?P<agency>{_ORG})\\s+)?(?P<name>{_NAMES})?\\s*/?\\s*(?:{took}){_CLOSE}"),
        # 肖顺清摄, 田嘉硕/摄, 胡俊英 饶官荣 摄影报道 (at the end)
        "name_took": re.compile(f"(?:^|(?<=[\\s。，,；;)）!！?？■]))(?P<name>{_NAMES})"
                                f"(?:\\s+{_NAME})*\\s*/?\\s*(?:{took})\\s*$", re.MULTILINE),
        # 记者 陈亮 (a byline with no 摄, before the text or in brackets)
        "byline": re.compile(f"(?:^|[】）)(（\\s])(?P<agency>{_ORG})?(?:{staff})"
                             f"\\s+(?P<name>{_NAME})(?=[\\s:：)）]|$)"),
        # 张三 供图, 受访者供图
        "provided": re.compile(f"(?P<provider>{interviewee}|{_ORG})\\s*(?:{provided})"),
        # 图/中央社, 图片来源：视觉中国
        "source": re.compile(f"(?:^|[\\s。（(])(?:{label})\\s*[/／:：]\\s*(?P<agency>[^\\s。，,)）]{{2,20}})"),
        # 新华社/路透
        "two_agencies": re.compile(f"(?P<first>{_ORG})\\s*/\\s*(?P<agency>{_ORG})\\s*$", re.MULTILINE),
        # 新华社发 (the agency alone, at the end)
        "agency_sent": re.compile(f"(?P<agency>{_ORG})(?:{sent})\\s*$", re.MULTILINE),
        # 赵世勋 Chao Shih Hsun / 中央通讯社 CNA: a photographer's line above the outlet's, as award lists print them
        "name_over_outlet": re.compile(
            f"^[ \t]*(?P<name>{_NAME})[ \t]+[A-Z][A-Za-z' -]{{2,40}}[ \t]*\n[ \t]*(?P<agency>[{HAN}·]{{2,12}})"
            f"(?:[ \t]+[A-Za-z][A-Za-z.' &-]{{1,50}})?[ \t]*$", re.MULTILINE),
        # 摄影师：Hou Yu
        "photographer_label": re.compile("(?:摄影师|摄影|图)\\s*[:：]\\s*(?P<name>[A-Za-z][A-Za-z .'-]{2,40})\\s*$",
                                         re.MULTILINE),
        "units": re.compile(f"[{HAN}]{{1,10}}?(?:{all_units})"),
        **{f"unit_{level}": re.compile(f"(?:{units[level]})$") for level in units},
        "venue_end": re.compile(f"(?:{words.any('places.venue')})$"),
        "venue_start": re.compile(f"(?:{words.any('places.venue')})"),
        "venue": re.compile(f"[{HAN}“”\"0-9A-Za-z·]{{1,16}}?(?:{words.any('places.venue')})"),
    }


# --- reading --------------------------------------------------------------------------------------------


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text in simplified characters, character for character (so offsets hold), for matching."""
    converted = _converter().convert(text)
    return converted if len(converted) == len(text) else text


def parse_chinese(text: str, rules: Rules, *, places: bool = True, dates: bool = True,
                  explain: bool = False) -> CaptionFacts:
    """What a Chinese caption says about its photo (see the module docstring)."""
    words, patterns = words_for(rules)
    plain = simplified(text)
    facts = CaptionFacts(text=text, language="zh")
    found = find_chinese_credit(text, plain, rules, words, patterns)
    if found is None and re.search(r"[A-Za-z]{2,}", text):
        from catalog.captions.credits import find_credit

        found = find_credit(text, rules)  # "烟花绚烂的除夕夜,中国 (© MediaProduction/E+/Getty Images)"
        if found is not None and found.cut_end < len(text.rstrip()):
            found = None  # only at the end: "朝鲜中央通讯社(KCNA)..." names the source in passing
    if explain:
        facts.notes.append(f"credit {found.credit.raw!r} read as the {found.spot} shape" if found
                           else "credit: none found")
    work = plain
    if found is not None:
        facts.credit = found.credit
        work = plain[: found.cut_start] + " " * (found.cut_end - found.cut_start) + plain[found.cut_end:]
        facts.description = (text[: found.cut_start] + text[found.cut_end:]).strip() or None
    else:
        facts.description = text.strip() or None
    if not (places or dates):
        return facts
    sentences = _sentences(work)
    body = _body(work, sentences)
    date = _choose_date(work, sentences, body, words)
    if explain:
        facts.notes.append(f"date {text[date.start:date.end]!r} ({date.kind}): the first date of the caption's first "
                           "sentence, or one that says it was taken or released" if date else "date: none written")
    if date is not None:
        facts.date, facts.date_kind = date.iso, date.kind
        facts.date_text = None if date.iso else text[date.start:date.end]
        if date.kind == "released":
            facts.released = date.iso
    if places:
        facts.location = find_chinese_place(text, work, sentences, body, date, words, patterns)
        _complete_from_heading(facts.location, text, work, words, patterns)
        if explain:
            from catalog.captions.parser import place_note

            facts.notes.append(place_note(facts.location, "scene sentence", ""))
    return facts


# --- credit ---------------------------------------------------------------------------------------------


def _agency_name(written: str | None, rules: Rules, words: Words) -> str | None:
    """The standard name of an agency written in a Chinese credit; None for "本报" unless the house names it."""
    if not written:
        return None
    written = written.strip(" ·")
    standard = rules.standard_agency(written) or rules.standard_agency(simplified(written))
    if standard:
        return standard
    if simplified(written) in words["credit.this_paper"]:
        return None
    return written


def _unbracketed(written: str) -> str:
    """The credit without brackets that enclose it whole: "（受访者供图）" → "受访者供图"."""
    written = written.strip()
    if len(written) > 2 and written[0] in "（(" and written[-1] in ")）" and not any(
            ch in "（()）" for ch in written[1:-1]):
        return written[1:-1].strip()
    return written


def _first_name(names: str | None) -> str | None:
    if not names:
        return None
    return re.split(r"\s*[、,，]\s*", names.strip())[0].strip() or None


#: Credit shapes in the order they are tried; the first that matches (its last match in the caption) wins.
_CREDIT_ORDER = ("name_over_outlet", "sent_brackets", "brackets_sent", "staff", "sent_name", "name_then_agency",
                 "brackets", "name_took", "byline", "provided", "source", "photographer_label", "two_agencies",
                 "agency_sent")


#: The word lists (or "/") of which each credit shape's matches hold at least one word: a shape is not
#: tried on a caption that has none (most captions have no 发, many no 记者).
_CREDIT_NEEDS: dict[str, tuple[str, ...]] = {
    "sent_brackets": ("sent", "took"), "brackets_sent": ("sent", "took"), "staff": ("staff", "took"),
    "sent_name": ("sent", "took"), "name_then_agency": ("took",), "brackets": ("took",), "name_took": ("took",),
    "byline": ("staff",), "provided": ("provided",), "source": ("source_labels",), "two_agencies": ("/",),
    "agency_sent": ("sent",),
}


def find_chinese_credit(text: str, plain: str, rules: Rules, words: Words, patterns: dict) -> Found | None:
    """The credit of a Chinese caption (matched on `plain`, its simplified form; values from `text`).

    >>> from catalog.captions.rules import load_rules
    >>> rules = load_rules()
    >>> text = "9月17日,一轮圆月与南京阅江楼交相辉映。新华社发(苏阳摄)"
    >>> find_chinese_credit(text, text, rules, *words_for(rules)).credit
    Credit(raw='新华社发(苏阳摄)', photographer='苏阳', agency='Xinhua', provider=None)
    """
    unknown = any(w in plain for w in words["credit.unknown"])
    present = {key: any(w in plain for w in words[f"credit.{key}"]) for key in ("took", "sent", "staff",
                                                                               "provided", "source_labels")}
    present["/"] = "/" in plain
    for name in _CREDIT_ORDER:
        if not all(present[key] for key in _CREDIT_NEEDS.get(name, ())):
            continue  # a word every match of this shape holds is not in the caption
        matches = list(patterns[name].finditer(plain))
        if not matches:
            continue
        match = matches[-1]
        groups = match.groupdict()
        start = match.start("agency") if groups.get("agency") and name in (
            "staff", "sent_name", "sent_brackets", "agency_sent", "byline") else match.start()
        start = match.start(next((g for g in ("first", "agency", "provider", "name") if groups.get(g)), 0)) \
            if name in ("byline", "source", "provided", "two_agencies") else start
        credit = Credit(raw=_unbracketed(text[start:match.end()]))
        agency_written = text[match.start("agency"):match.end("agency")] if groups.get("agency") else None
        if name == "provided":
            provider = text[match.start("provider"):match.end("provider")].strip()
            if not provider or len(provider) > 12:
                continue
            credit.provider = provider
        else:
            credit.agency = _agency_name(agency_written, rules, words)
            if name not in ("source", "two_agencies", "agency_sent") and groups.get("name"):
                written = _first_name(text[match.start("name"):match.end("name")])
                if written and rules.standard_agency(simplified(written)):
                    credit.agency = credit.agency or rules.standard_agency(simplified(written))  # (中央社摄)
                else:
                    credit.photographer = written
            if name in ("source", "two_agencies", "agency_sent") and credit.agency is None:
                continue
            if name in ("source", "name_over_outlet") and not (
                    agency_written and rules.standard_agency(simplified(agency_written))):
                continue  # "图/..." naming something that is no known outlet
        if unknown:
            credit.photographer = None
        if not (credit.photographer or credit.agency or credit.provider):
            continue
        if credit.photographer and not credit.agency:
            credit.agency = rules.staff_agency(credit.photographer)
        return Found(credit, start, match.end(), f"chinese {name}")
    if unknown:
        match = re.search("|".join(map(re.escape, words["credit.unknown"])), plain)
        assert match is not None  # `unknown` says one of the words is in plain
        return Found(Credit(raw=text[match.start():match.end()]), match.start(), match.end(), "chinese unknown")
    return None


# --- sentences and dates --------------------------------------------------------------------------------


_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_HEADLINE_MARKS = re.compile(r"^[\s△■▲●◆★☆#]*(?:【[^】]*】)?(?:图[①-⑳\d]*\s*[:：]|图为)?\s*(?:这是)?\s*")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def _body(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences after any headline lines (a short line without a full stop, above the caption)."""
    body = list(sentences)
    while len(body) > 1:
        start, end = body[0]
        line = text[start:end].strip()
        ends_line = text[end:end + 1] in ("\n", "") or line.endswith(("：", ":"))
        if ends_line and not line.endswith(("。", "！", "？")) and len(line) <= 30:
            body = body[1:]
        else:
            break
    return body


@dataclass(frozen=True)
class ChineseDate:
    """A date written in a Chinese caption."""

    start: int
    end: int
    iso: str | None  # None without a year
    kind: str | None  # taken | released | None
    background: bool = False


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}})\s*年\s*)?(?P<mon>{_NUM})\s*月\s*(?:(?P<day>{_NUM})\s*[日号])?"
    rf"|(?<![\d月年一二三四五六七八九十])(?P<dayonly>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日(?![本报])"
)
_RANGE_AFTER = re.compile(rf"\s*(?:至|到|-|—|~)\s*(?:{_NUM}\s*月\s*)?{_NUM}\s*[日号]")


def _number(written: str | None) -> int | None:
    if not written:
        return None
    if written.isdigit():
        return int(written)
    if written == "十":
        return 10
    if "十" in written:
        tens, _, ones = written.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(written)


def _find_dates(text: str, words: Words) -> list[ChineseDate]:
    background = words.any("dates.background")
    taken, released = words.any("dates.taken"), words.any("dates.released")
    found = []
    for match in _DATE.finditer(text):
        if match.group("dayonly"):
            day, month, year = _number(match.group("dayonly")), None, None
        else:
            month, day, year = _number(match.group("mon")), _number(match.group("day")), match.group("year")
            if month is None or not 1 <= month <= 12:
                continue
            if day is None and year is None:
                continue  # "3月" alone
        if day is not None and not 1 <= day <= 31:
            continue
        iso = None
        if year and month:
            iso = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
        before = text[max(0, match.start() - 6):match.start()]
        after = text[match.end():match.end() + 14]
        is_background = bool(re.search(f"(?:{background})\\s*$", before)) or bool(_RANGE_AFTER.match(after))
        kind = None
        if re.match(rf"[^。，,；;]{{0,8}}?(?:{released})", after) and not re.match(r"\s*[^。，,]{0,8}?拍摄", after):
            kind = "released"
        elif re.match(rf"[^。，,；;]{{0,12}}?(?:{taken})", after) or before.endswith("这是"):
            kind = "taken"
        found.append(ChineseDate(match.start(), match.end(), iso, kind, is_background))
    return found


def _choose_date(text: str, sentences: list[tuple[int, int]], body: list[tuple[int, int]],
                 words: Words) -> ChineseDate | None:
    """The photo's date: one the text says was taken, else the first in the caption's first sentence; a
    release date when only that is given. Dates in later sentences are background ("截至5月26日")."""
    mentions = [m for m in _find_dates(text, words) if not m.background]
    if not mentions or not body:
        return None
    cued = [m for m in mentions if m.kind == "taken"]
    first = body[0]
    scene = [m for m in mentions if first[0] <= m.start < first[1]]
    if not scene:  # the first line of the caption, when its first sentence has no date ("...。1月11日，...")
        line_end = text.find("\n", first[0])
        line_end = len(text) if line_end < 0 else line_end
        scene = [m for m in mentions if first[0] <= m.start < line_end]
    chosen = cued[0] if cued else scene[0] if scene else None
    released = next((m for m in mentions if m.kind == "released"), None)
    if chosen is None:
        if released is None:
            return None
        return released
    if chosen.kind == "released":
        return chosen
    return ChineseDate(chosen.start, chosen.end, chosen.iso, "taken")


# --- place ----------------------------------------------------------------------------------------------


_HARD_STOPS = set("，,。、的和与及等；;：:（）()“”\"《》「」 \n")
#: Words of position after a name ("公园里", "广场上"): they end a name, but may begin one (上海, 中环, 内蒙古).
_POSITION_WORDS = set("里内上下中前后旁畔边外")
_STOPS = _HARD_STOPS | _POSITION_WORDS


def find_chinese_place(text: str, plain: str, sentences: list[tuple[int, int]], body: list[tuple[int, int]],
                       date: ChineseDate | None, words: Words, patterns: dict) -> Place:
    """The place of the scene sentence (the one holding the photo's date, else the first of the body).

    >>> from catalog.captions.rules import load_rules
    >>> words, patterns = words_for(load_rules())
    >>> text = "10月14日，在安徽省合肥市骆岗公园，一架飞机试飞。"
    >>> find_chinese_place(text, text, [(0, len(text))], [(0, len(text))], None, words, patterns)
    Place(sublocation='骆岗公园', city='合肥', province='安徽', country=None)
    """
    if not body:
        return Place()
    scene = body[0]
    if date is not None:
        scene = next((s for s in sentences if s[0] <= date.start < s[1]), scene)
    candidates = [scene] + [s for s in body[1:3] if s != scene]
    for number, (start, end) in enumerate(candidates):
        if number > 0 and _YEAR_WRITTEN.search(plain, start, end):
            continue  # "1939年3月,...组建于河北雄县": a sentence of history, not the scene
        place = _place_in(text, plain, start, end, words, patterns, date)
        if place != Place() and (number == 0 or place.sublocation or place.city or place.province):
            if place.city and not place.province:
                place.province = _province_elsewhere(text, plain, body, (start, end), place.city, words,
                                                     patterns)
            return place
    return Place()


_YEAR_WRITTEN = re.compile(r"\d{4}\s*年")


def _province_elsewhere(text: str, plain: str, body: list[tuple[int, int]], scene: tuple[int, int], city: str,
                        words: Words, patterns: dict) -> str | None:
    """The province another sentence of the caption gives the scene's city ("这是承德市双桥区..." then
    "河北省承德市双桥区利用..."): the same city, written with its province, completes the chain."""
    for start, end in body:
        if (start, end) == scene or city not in text[start:end]:
            continue
        other = _place_in(text, plain, start, end, words, patterns, None)
        if other.city == city and other.province:
            return other.province
    return None


def _place_in(text: str, plain: str, start: int, end: int, words: Words, patterns: dict,
              date: ChineseDate | None) -> Place:
    lead = _HEADLINE_MARKS.match(plain, start)
    position = lead.end() if lead else start
    if date is not None and start <= date.start < end and plain[position:date.start].strip() in ("", "这是"):
        position = date.end  # "9月5日晚,北京,国家会议中心," : the place list after the date
        while position < end and plain[position] in "早晚上下午凌晨清傍深夜中,，当地时间 \u3000":
            position += 1
    best: tuple[list[Element], str | None] | None = None
    starts = [position] + [m.end() for m in words.pattern("places.before_place").finditer(plain[start:end])]
    starts = [position] + [start + s for s in starts[1:]]
    listed = False
    for number, at in enumerate(starts):
        elements, venue = _read_chain(text, plain, at, end, words, patterns)
        if venue == _A_LIST:  # several places listed: only what holds them all is the scene's
            best, listed = (elements, None), True
            break
        if number == 0 and _modifier(plain, elements, venue, end):
            continue  # "美国参谋长...": a country that qualifies a title, not the scene
        if elements or venue:
            best = (elements, venue)
            if elements:
                if venue is None:  # "广东深圳,机器人在华大时空中心...作业": the venue after a later 在
                    best = (elements, _venue_after(text, plain, starts[number + 1:], end, words, patterns,
                                                   elements))
                break
    if not listed and (best is None or not best[0]):
        for at in _boundaries(plain, start, end, words):  # "青山绿水环抱的汝城县...", "驶过甘肃兰州新区..."
            elements, venue = _read_chain(text, plain, at, end, words, patterns)
            if elements and not _modifier(plain, elements, venue, end):
                best = (elements, venue)
                break
    if not listed and (best is None or not best[0] and not best[1]):
        best = _venue_anywhere(text, plain, start, end, words, patterns)
    assert best is not None  # a list always sets best, and so does _venue_anywhere
    elements, venue = best
    chain = Chain("chinese", list(reversed(elements)))  # smallest first, as resolve() reads chains
    place, sub_admin = resolve(chain)
    place.sublocation = venue or sub_admin
    return place


_STATE = re.compile("[\u4e00-\u9fff]{2,5}?州")  # 瓦哈卡州
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


#: What _read_chain gives as the venue of a list of places ("纽约、费城、波士顿"): no venue, and no more reading.
_A_LIST = ""

_SUFFIXED = re.compile("(?:省|市|县|区|州|镇|乡|村|旗|盟)$")


def _boundaries(plain: str, start: int, end: int, words: Words) -> list[int]:
    """Where a place name may begin: the sentence's start, after a stop or a linking word, and wherever a
    province, a municipality or a country is named."""
    found = [start]
    names = _big_names(words)
    for at in range(start + 1, end):
        if plain[at - 1] in _HARD_STOPS or plain[at - 1] in _NAME_BREAKS or names.match(plain, at):
            found.append(at)
    return found


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
        made = words._made[("big_names",)] = re.compile("|".join(map(re.escape, names)))
    return made


def _modifier(plain: str, elements: list[Element], venue: str | None, end: int) -> bool:
    """A place read at the start of a sentence that runs on into other words ("美国参谋长", "中国解放军"): it
    qualifies them and is not where the photo was taken."""
    if not elements or venue or any(_SUFFIXED.search(plain, e.start, e.end) for e in elements):
        return False  # a unit written with its suffix is a place, whatever follows ("...自治州着力发展")
    after = elements[-1].end
    return after < end and bool(_HAN_CHAR.match(plain[after])) and plain[after] not in _HARD_STOPS and (
        plain[after] not in _NAME_BREAKS) and plain[after:after + 2] not in ("里", "内", "畔", "一带", "附近", "境内")


def _read_chain(text: str, plain: str, at: int, end: int, words: Words,
                patterns: dict) -> tuple[list[Element], str | None]:
    """Administrative units from `at` onward (安徽省合肥市, 广东深圳, 美国纽约), then a venue."""
    elements: list[Element] = []
    position = at
    while position < end:
        if plain[position] in "，,、" and elements and len(elements) < 4:
            following = _unit_at(text, plain, position + 1, end, words, patterns, elements)
            if following is None:
                break  # "北京，国家会议中心": the venue after a comma is read below
            if plain[position] == "、":
                # "美国纽约、费城、波士顿...等城市": a list of places, none of them the scene; what holds them
                # all (美国) stays
                elements.pop()
                return elements, _A_LIST
            position += 1
            continue
        unit = _unit_at(text, plain, position, end, words, patterns, elements)
        if unit is None:
            break
        element, position = unit
        elements.append(element)
    while position < end and plain[position] in "，, ":
        position += 1
    if elements and plain.startswith("的", position):
        position += 1  # "浙江省宁波市的华茂艺术教育博物馆": the venue of the places just named
    venue = _venue_at(text, plain, position, end, words, patterns)
    return elements, venue


def _unit_at(text: str, plain: str, at: int, end: int, words: Words, patterns: dict,
             before: list[Element]) -> tuple[Element, int] | None:
    """One administrative unit or known place name at `at`, and where it ends."""
    if at >= end or plain[at] in _HARD_STOPS:
        return None
    places = words.lists["places"]
    for name in _big_names_from(words).get(plain[at], ()):
        if plain.startswith(name, at) and not patterns["venue_start"].match(plain, at + len(name), end):
            suffixed = patterns["units"].match(plain, at, min(end, at + len(name) + 6))
            if suffixed and suffixed.end() > at + len(name) and suffixed.end() - at - len(name) <= 5:
                written = plain[at:suffixed.end()]
                if written[len(name):] in places["province"] + places["city"]:
                    return _element(text, at, suffixed.end(), words, patterns), suffixed.end()
            level = "city" if name in places["municipalities"] else "province"
            element = Element(level, text[at:at + len(name)], at, at + len(name), link=",")
            element.population = _cjk_population(name) if level == "city" else 0
            return element, at + len(name)
    country = _known_country(plain, at, end)
    if country is not None:
        return Element("country", text[at:country], at, country, link=","), country
    unit = patterns["units"].match(plain, at, end)
    if unit is not None and patterns["venue_end"].search(plain, at, unit.end()) and len(
            patterns["venue_end"].search(plain, at, unit.end()).group()) > 1:
        unit = None  # "日本防卫省": a ministry, not a province
    if unit is not None and _unit_name_ok(plain, at, unit.end(), words):
        written = plain[at:unit.end()]
        name_length = len(_suffix_at_end(words).sub("", written))
        if name_length >= 4 and "自治" not in written and "族" not in written:
            if _known_city(plain, at, at + 2) == at + 2 or not written.endswith(("市", "省")):
                # "娄底新化县", "湘西花垣县": a city or prefecture written without 市, then its county
                return Element("place", text[at:at + 2], at, at + 2, link=","), at + 2
        elif name_length >= 1:
            return _element(text, at, unit.end(), words, patterns), unit.end()
    state = _STATE.match(plain, at, end)
    if state and before and before[-1].level == "country" and simplified(before[-1].value) != "中国":
        return Element("province", text[at:state.end()], at, state.end(), link=","), state.end()  # 瓦哈卡州
    city = _known_city(plain, at, end)
    if city is not None and not patterns["venue_start"].match(plain, city, end):
        # (a known name right before a venue word is the venue's own: "维多利亚港", "湖南大学")
        return Element("place", text[at:city], at, city, link=","), city
    return None


#: Characters that, right after a suffix character, show it is no suffix: 市场 (market), 村民 (villagers).
_NOT_SUFFIX_AFTER = {"市": "场民委长政级内区中", "区": "域别间委长", "县": "委长城级政", "省": "委长会级份内",
                     "村": "民委庄里", "镇": "政长委", "乡": "亲村镇下委", "州": "长委"}
_NOT_NAME_START = ("这", "是", "一", "两", "该", "此", "某", "各", "全", "本", "城", "当地", "市民", "村民", "人")


def _unit_name_ok(plain: str, start: int, end: int, words: Words) -> bool:
    """Whether plain[start:end] reads as one named unit: no stop or break inside, a plausible first character,
    and a suffix that is not the start of another word (市场, 村民)."""
    written = plain[start:end]
    if any(ch in _STOPS or ch in _NAME_BREAKS for ch in written[1:]) or written[0] in _HARD_STOPS or (
            written[0] in _NAME_BREAKS) or written.startswith(_NOT_NAME_START):
        return False
    following = plain[end:end + 1]
    if following and following in _NOT_SUFFIX_AFTER.get(written[-1], ""):
        return False
    if len(written) > 7 and "自治" not in written:
        return False
    return written not in ("城市", "市区", "城区", "景区", "社区")


def _suffix_at_end(words: Words) -> re.Pattern:
    """Any unit suffix ending a name (省, 市, 自治州, 新区), compiled once."""
    made = words._made.get(("suffix_at_end",))
    if made is None:
        alternation = "|".join(map(re.escape, _all_suffixes(words.lists["places"])))
        made = words._made[("suffix_at_end",)] = re.compile(f"(?:{alternation})$")
    return made


def _all_suffixes(places: dict[str, list[str]]) -> list[str]:
    return sorted({w for level in ("province", "city", "county", "town", "village") for w in places[level]},
                  key=len, reverse=True)


def _element(text: str, start: int, end: int, words: Words, patterns: dict) -> Element:
    """A unit with a suffix: its level and its value as the contract writes it (安徽省 → 安徽, 庐江县 kept)."""
    plain = simplified(text[start:end])
    places = words.lists["places"]
    for level in ("province", "city", "county", "town", "village"):
        suffix = next((s for s in words.longest_first(f"places.{level}") if plain.endswith(s)), None)
        if suffix is None:
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
            return Element("city", value, start, end, link=",")
        if level == "county" and suffix in places["prefecture"]:
            return Element("county", written, start, end, link=",", prefecture=True)
        return Element("town" if level in ("town", "village") else level, written, start, end, link=",")
    return Element("place", text[start:end], start, end, link=",")


_ALL_HAN = re.compile(f"[{HAN}]+")


#: A gallery's place line: "美国 · 洛杉矶", "January 12, 2026 中国 · 香港" (a date may come first).
_HEADING_PLACES = re.compile(f"^[^\n{HAN}]*?(?P<places>[{HAN}]{{2,10}}(?:[ \t]*[·•][ \t]*[{HAN}]{{2,10}}){{1,3}})"
                             "[ \t]*$", re.MULTILINE)


def _complete_from_heading(place: Place, text: str, plain: str, words: Words, patterns: dict) -> None:
    """Fill the scene's missing country and city from a place line of the caption's heading ("美国 · 洛杉矶"),
    when every part of it is a place and its city does not contradict the scene's."""
    match = _HEADING_PLACES.search(plain, 0, 200)
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


def _known_country(plain: str, at: int, end: int) -> int | None:
    for length in (4, 3, 2):
        if at + length <= end:
            name = plain[at:at + length]
            if not _ALL_HAN.fullmatch(name):
                continue  # "中国 (": a name is written in characters only
            levels = name_levels(name)
            if levels.country and not levels.city_population:
                return at + length
    return None


#: How many people a city must have for its Chinese name, written bare, to be read as that city: GeoNames'
#: alternate names include two-character words of small towns ("联合", "中心") that are everyday words.
BARE_CITY_POPULATION = {2: 200_000, 3: 50_000}


def _known_city(plain: str, at: int, end: int) -> int | None:
    for length in (5, 4, 3, 2):
        if at + length <= end and plain[at + length - 1] not in _STOPS:
            population = _cjk_population(plain[at:at + length])
            if population >= BARE_CITY_POPULATION.get(length, 0) and population:
                return at + length
    return None


@lru_cache(maxsize=65536)
def _cjk_population(name: str) -> int:
    """The population of the biggest city the gazetteer knows under this Chinese name (宜宾, 纽约), or 0."""
    from catalog.places import get_gazetteer

    gazetteer = get_gazetteer()
    for form in (name, _traditional(name)):
        positions, _ = gazetteer._cities_of(form)
        if positions:
            return max(gazetteer._cities[p].population for p in positions)
    return 0


@cache
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(text: str) -> str:
    return _to_traditional().convert(text)


def _venue_at(text: str, plain: str, at: int, end: int, words: Words, patterns: dict) -> str | None:
    """A venue that starts at `at`: the longest name ending in a venue word before a stop (骆岗公园,
    酒泉卫星发射中心问天阁; scored by containment, either venue of a venue in a venue matches)."""
    stop = at  # words of position do not stop it ("会议中心"): the name ends at its last venue word
    while stop < end and plain[stop] not in _HARD_STOPS and plain[stop] not in _NAME_BREAKS:
        stop += 1
    last = None
    for found in words.pattern("places.venue").finditer(plain, at, stop):
        last = found.end()
    if last is None:
        return None
    written = plain[at:last]
    if any(written.startswith(w) for w in words["places.not_names"]) or len(written) < 2:
        return None
    if words.pattern("places.venue").fullmatch(written):
        return None  # a venue word alone: "公园里"
    return text[at:last].strip("“”\"")


_NAME_BREAKS = "的在和与是为到从向对把被让给将及同跟"


_SEGMENT = re.compile(f"[^{re.escape(''.join(sorted(_HARD_STOPS)))}{_NAME_BREAKS}]{{2,16}}")


def _venue_anywhere(text: str, plain: str, start: int, end: int, words: Words,
                    patterns: dict) -> tuple[list[Element], str | None]:
    """A named venue anywhere in the sentence when no place phrase was read ("...的时报广场", "三峡大坝"), with
    the places written before it ("南京阅江楼": 南京, then 阅江楼)."""
    venue_end = words.pattern("places.venue")
    for segment in _SEGMENT.finditer(plain[start:end]):
        a, b = start + segment.start(), start + segment.end()
        last = None
        for found in venue_end.finditer(plain, a, b):
            last = found.end()
        if last is None or last - a < 3:
            continue
        elements, venue = _read_chain(text, plain, a, last, words, patterns)
        if venue and not any(venue.startswith(w) for w in words["places.not_names"]):
            return elements, venue
    return [], None
