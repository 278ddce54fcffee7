"""The sentences of a Chinese caption and the photo's date among the dates it writes.

The date is one the text says was taken (这是9月18日拍摄的), else the first in the caption's first sentence; a
release date (发布) when only that is given. Dates in later sentences, and ranges, are background. A date
without a year keeps its written form for the importer to complete. Worked examples::

    2025年10月14日，在安徽省合肥市...      2025-10-14, taken
    这是9月18日拍摄的...                  9月18日 (no year), taken
    截至5月26日，...                      background: not the photo's date
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from catalog.captions.chinese_words import Words
from catalog.patterns import compiled

_SENTENCE = compiled(r"[^。！？!?；;\n]+[。！？!?；;]?")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the text's sentences, each ending at a full stop, a question or exclamation mark, ";" or a line.

    >>> split_sentences("9月17日,圆月。新华社发")
    [(0, 9), (9, 13)]
    """
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def body_sentences(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences after any headline lines (a short line without a full stop, above the caption). A line is no
    headline when nothing but labels left by a credit cut out follows it ("某某上的烟花汇演一景⏎⏎图片来源:" once
    "图片来源:X" was read as the credit): the line is the caption itself.

    >>> text = "滨海湾浮动舞台上的烟花汇演一景\\n\\n图片来源:      "
    >>> body_sentences(text, split_sentences(text))
    [(0, 15), (17, 28)]
    """
    body = _below_headlines(text, sentences)
    if len(body) < len(sentences) and all(_LEFT_LABEL.fullmatch(text, start, end) for start, end in body):
        return list(sentences)
    return body


#: A credit's label left alone on its line once the credit after it was cut out (图片来源:, 摄影：, 来源:).
_LEFT_LABEL = compiled(r"\s*[^\s:：。]{1,6}[:：]\s*")


def _below_headlines(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences after any headline lines, as ``body_sentences`` reads them before its check."""
    body = list(sentences)
    while len(body) > 1:
        start, end = body[0]
        line = text[start:end].strip()
        ends_line = text[end:end + 1] in ("\n", "") or line.endswith(("：", ":"))
        if ends_line and not line.endswith(("。", "！", "？")) and len(line) <= 30 and not line.startswith(_SHOWN) and (
                not _NUMBERED.match(line)):
            # (a line that says what the photo shows is the caption, full stop or not: "图为X村的秋收场面"; so is a
            # numbered picture's line, "①市民在...游玩")
            body = body[1:]
        else:
            break
    return body


#: What a line that describes the photo opens with (places.scene_marks says the same to the readers of places).
_SHOWN = ("图为", "圖為", "这是", "這是")
#: The number of one picture of several opening its line ("①市民在公园游玩", "图②:..."): that picture's caption.
_NUMBERED = compiled("[△■▲●◆★☆#\\s]*(?:[图圖][\\s]*)?[①-⑳]")


@dataclass(frozen=True)
class ChineseDate:
    """A date written in a Chinese caption."""

    start: int
    end: int
    iso: str | None  # None without a year
    kind: str | None  # taken | released | None
    background: bool = False
    #: A word of time that names no day ("近日", recently), or a date that is not the photo's day though it opens the
    #: scene (an event's listed days, "19日和20日"; a day the sentence defines, "11月4日是..."): it marks the scene's
    #: sentence, the caption gives no date
    vague: bool = False
    #: A month alone ("9月,..."): the photo's time as written, but no mark of where the scene's sentence starts, so
    #: the place readers read the caption as they would with no date
    marks_scene: bool = True


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"


#: Characters before 一 that make it part of a word, not a day's numeral: "统一日" (a unity day), "同一日" (the same
#: day), "每一日", "第一日", "唯一", "单一", "万一", "逐一".
_ONE_IN_WORDS = "统同每第唯单万逐"


@cache
def _date_pattern() -> re.Pattern:
    """A date as Chinese captions write it (2025年10月14日, 二〇二五年十月十四日, 110年2月26日 in Taiwan's calendar,
    2025-10-14, 9月18日, 十月一日, 14日), compiled on first use."""
    return compiled(  # (the look-ahead first: a position where no date can begin is left at once)
        r"(?=[\d〇零一二三四五六七八九十民])(?:(?<![\d.-])(?P<nyear>(?:19|20)\d\d|1[01]\d(?=/))(?P<sep>[./-])(?P<nmon>\d{1,2})(?P=sep)(?P<nday>\d{1,2})(?![\d.])"
        rf"|(?:(?:(?P<year>\d{{4}})|民国\s*(?P<roc>\d{{2,3}})|(?<!\d)(?P<bareroc>1[01]\d)"
        r"|(?P<cnyear>[〇零一二三四五六七八九]{4})"
        r"|(?<![〇零一二三四五六七八九十百])(?P<cnroc>[一二三四五六七八九]?十[一二三四五六七八九]?))\s*年\s*[,，]?\s*)?"
        rf"(?P<mon>{_NUM})\s*月\s*(?:(?P<day>{_NUM})\s*[日号])?"
        rf"|(?<![\d月年一二三四五六七八九十])(?P<dayonly>\d{{1,2}}|(?<![{_ONE_IN_WORDS}])[一二三四五六七八九十]{{1,3}})日(?![本报])"
        r"|(?<!\d)(?P<yonly>(?:19|20)\d\d)\s*年"
        r"|(?<=[(（])(?P<byear>(?:19|20)\d\d)(?=[)）])"  # ("...唐人街(2009)": a year alone in brackets)
        r"|(?:(?<=[:：])|(?<=[:：] ))(?P<lyear>(?:19|20)\d\d)(?![\d年./-]))"  # ("拍摄年代:2010": a field's year)
    )


#: A paper's or a magazine's title in book marks right before a date ("《读卖新闻》11月5日报道了"): the day it printed
#: or reported, not the photo's (a show's title is not one: "舞剧《X》5月3日首演" is the photo's day).
_A_PAPER_BEFORE = compiled(r"《[^《》]{0,14}(?:报|報|新闻|新聞|刊|杂志|雜誌)》\s*$")
#: A page of a paper's issue after its date ("《人民日报》( 2019年04月10日 第 01 版)"): the day the paper printed the
#: picture, not the day it was taken.
_ISSUE_AFTER = compiled(r"\s*(?:第\s*)?[0-9A-Z]{1,3}\s*版")
#: After a month with no day: a part of it ("1月初", "3月下旬"), written as the photo's day without a year.
_PART_OF_MONTH = compiled(r"初|上旬|中旬|下旬|底|末")
#: A year alone is the photo's only when the text says so: "1998年摄", "摄于2017年", "2006年王光法拍摄的" (a name
#: between); not "2023年摄影大赛" (photography, a contest's name).
_TAKEN_IN_YEAR_AFTER = compiled(r"\s*(?:拍摄|摄(?!影))|\s*[\u4e00-\u9fff]{2,4}?拍摄")


@cache
def _range_after() -> re.Pattern:
    """The end of a range after a date ("5月1日至5月5日", "2023年1月至10月", a statistic's months): the date is
    background, compiled on first use."""
    return compiled(rf"\s*(?:至|到|-|—|~|～)\s*(?:\d{{4}}\s*年\s*)?(?:{_NUM}\s*月\s*)?{_NUM}\s*[日号月]")


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
    background, released, taken = _context_patterns(words)
    found = []
    bare_days: set[int] = set()  # the days written with no month ("17日仍不让民众内用"), so far
    for match in _date_pattern().finditer(text):
        end = match.end()
        month: int | None
        day: int | None
        if match.group("byear"):
            if text[end + 1:].strip():  # (after the closing bracket)
                continue  # "(2019)" inside the text: a year of history, or a count
            found.append(ChineseDate(match.start(), end, match.group("byear"), "taken"))  # "...荒山小径。(2019)"
            # ending the caption (before its credit): the year the picture was taken
            continue
        if match.group("lyear"):
            if _labelled(text, match.start(), words):  # "拍摄年代:2010 拍摄地点:...": the year field of a labelled
                found.append(ChineseDate(match.start(), end, match.group("lyear"), "taken"))  # caption
            continue
        if match.group("yonly"):
            opens = not text[:match.start()].strip() and text[end:end + 1] in (",", "，")
            bracketed = match.start() > 0 and text[match.start() - 1] in "(（" and text[end:end + 1] in (
                ")", "）") and not text[end + 1:].strip()  # ("合影(2019年)": the year alone in brackets, at the end)
            if not (_TAKEN_IN_YEAR_AFTER.match(text, end) or text[:match.start()].endswith(("摄于", "拍摄于"))
                    or opens or bracketed):
                continue  # a year alone, of history: "始于1914年" (but "2015年,内蒙古...": the caption's own)
            found.append(ChineseDate(match.start(), end, match.group("yonly"), "taken"))
            continue
        if match.group("nyear"):
            month, day, year = int(match.group("nmon")), int(match.group("nday")), match.group("nyear")
            if not 1 <= month <= 12:
                continue
            if len(year) == 3:  # "113/3/14", Taiwan's calendar with slashes: only as a wire's stamp at the end
                if not _stamped(text, match.start(), end):
                    continue
                year = str(int(year) + 1911)
        elif match.group("dayonly"):
            if match.group("dayonly") == "一" and match.start() and "\u4e00" <= text[match.start() - 1] <= "\u9fff":
                continue  # "民族统一日", "同一日", "有一日": one day, a word's part; the 1st alone is written "1日"
            day, month, year = _number(match.group("dayonly")), None, None
            if day is not None:
                bare_days.add(day)
        else:
            month, day, year = _number(match.group("mon")), _number(match.group("day")), match.group("year")
            roc = match.group("roc") or (match.group("bareroc") if day is not None else None) or (
                str(_number(match.group("cnroc"))) if match.group("cnroc") and day is not None else None)
            # (四十八年十一月十九日: Taiwan's calendar in numerals, as its archives write it, 1959-11-19)
            if match.group("cnyear"):  # "二〇一九年十月一日": the year's digits written as numerals
                year = "".join(str(_CN_DIGITS[digit]) for digit in match.group("cnyear"))
            if roc:  # the Republic of China's calendar, as Taiwan writes dates: 110年2月26日 is 2021-02-26 (a bare
                # year of three digits only with its month and day: "110年2月" may be a count of years)
                year = str(int(roc) + 1911)
            if month is None or not 1 <= month <= 12:
                continue
            if day is None and year is None:
                part = _PART_OF_MONTH.match(text, end)
                if part is None:
                    continue  # "3月" alone
                end = part.end()  # "1月初": the photo's time, with no year
        if day is not None and not 1 <= day <= 31:
            continue
        iso = None
        if year and month:
            iso = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
        before = text[max(0, match.start() - 6):match.start()]
        after = text[end:end + 14]
        is_background = bool(background.search(before)) or bool(_range_after().match(after)) or (
            _RANGE_END_BEFORE.search(before) is not None) or (
            _A_PAPER_BEFORE.search(text, max(0, match.start() - 20), match.start()) is not None) or (
            # "日本《读卖新闻》11月5日报道了": the paper's day, not the photo's
            _ISSUE_AFTER.match(after) is not None) or (
            words.pattern("dates.background_after").match(after) is not None) or (
            words.pattern("places.dateline_ends").match(after.lstrip()) is not None and _in_a_dateline(text, match))
        kind = None
        stamped = bool(day and year and _stamped(text, match.start(), end))
        if stamped and bare_days and day not in bare_days:
            is_background = True  # "...美食广场17日仍不让民众内用。 中央社记者X摄 109年6月23日": the text gives the
            # photo's day (17日), the stamp another, the day the wire filed it
        elif _labelled(text, match.start(), words) or stamped:
            kind = "taken"  # "日期:2015年3月1日 地点:...": a date field; "...记者X摄 110年2月26日": the picture's stamp
        elif released.match(text[end:end + 24]) and not (
                re.match(r"\s*[^。，,]{0,8}?拍摄", after)):
            kind = "released"
        elif taken.match(after) or before.endswith("这是") or (
                before.rstrip().endswith(words.words("dates.taken_before"))):  # "这张照片拍摄于2016年9月29日"
            kind = "taken"
        # (an event's listed days, or a day the sentence defines: still the scene's time for the readers of places,
        # but no photo date)
        no_day = kind is None and not is_background and (
            _a_day_listed(text, match.start(), end) or _defines_the_day(text, end, words) or (
                # (a month or a year when the thing pictured was begun or founded, "2003年7月动工": its history)
                day is None and words.pattern("dates.history_after").match(after) is not None))
        found.append(ChineseDate(match.start(), end, iso, kind, is_background, vague=no_day))
    return _listing_dates_left_out(text, _page_stamps_left_out(text, found))


#: A range's first day and its mark right before a date ("9月10日-11日", "3日~5日"): the date is the range's end,
#: background as its start is (``_range_after``); "至" and "到" are ``dates.background`` words too.
_RANGE_END_BEFORE = compiled(r"\d\s*[日号]\s*(?:-|—|~|～)\s*$")
#: A clock time right after a date: "2019-04-15 10:21".
_CLOCK_AFTER = compiled(r"[ \t]*\d{1,2}:\d\d(?!\d)")
#: A month and a day in Arabic digits: "4月14日".
_MONTH_DAY = compiled(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def _page_stamps_left_out(text: str, found: list[ChineseDate]) -> list[ChineseDate]:
    """A full date with a clock time after it ("大象泼水迎傣历新年 1 / 4 2019-04-15 10:21 4月14日,在...") is a page's
    posting time when the text writes another day of its own (4月14日): background then, so the text's day is the
    scene's. Alone (a camera's stamp, "20090809 16:00 國軍的大卡車..."), it stays."""
    days = {(int(m.group(1)), int(m.group(2))) for d in found if not d.background
            if (m := _MONTH_DAY.search(text, d.start, d.end)) is not None}
    if not days:
        return found
    for at, date in enumerate(found):
        if (date.iso and len(date.iso) == 10 and not date.background and _CLOCK_AFTER.match(text, date.end)
                and days - {(int(date.iso[5:7]), int(date.iso[8:10]))}):
            found[at] = ChineseDate(date.start, date.end, date.iso, date.kind, True)
    return found


def _listing_dates_left_out(text: str, found: list[ChineseDate]) -> list[ChineseDate]:
    """A full date with only spaces between it and another full date that opens the caption's sentence ("...开放
    2015年5月25日 2015年5月24日,人们在..."): a gallery's listing date after the headline, the day the page was
    posted; background then, so the caption's own day is the scene's (when the two agree, the first still marks the
    scene's start for the readers of places, as before)."""
    for at in range(len(found) - 1):
        listed, own = found[at], found[at + 1]
        if (listed.iso and own.iso and len(listed.iso) == len(own.iso) == 10 and listed.iso != own.iso
                and not listed.background
                and not text[listed.end:own.start].strip() and listed.end < own.start
                and text[own.end:own.end + 1] in (",", "，", " ")):
            found[at] = ChineseDate(listed.start, listed.end, listed.iso, listed.kind, True)
    return found


#: Two days written as a list ("于19日和20日在达令港举行", "5月1日及2日"): an event's days, not the photo's one
#: (the contract leaves ranges out; "至" and "到" are read by ``_range_after`` and ``dates.background``).
_A_DAY_LISTED_AFTER = compiled(rf"\s*[和及与與、]\s*(?:{_NUM}\s*月\s*)?{_NUM}\s*[日号]")
_A_DAY_LISTED_BEFORE = compiled(r"[日号]\s*[和及与與、]\s*$")


def _a_day_listed(text: str, start: int, end: int) -> bool:
    """Whether a date is one of two days written as a list, joined by 和, 及, 与 or 、 ("19日和20日")."""
    return _A_DAY_LISTED_AFTER.match(text, end) is not None or (
        _A_DAY_LISTED_BEFORE.search(text, max(0, start - 3), start) is not None)


#: A date as the subject of 是 ("11月4日是「民族统一日」", "2017年6月21日,是村史上一个特殊的日子"): the sentence
#: says what the day is, not that the picture was taken on it.
_IS_AFTER = compiled(r"\s*[,，]?\s*是(?!在)")


def _defines_the_day(text: str, end: int, words: Words) -> bool:
    """Whether a date is the subject of 是 and no later word says the scene is of that day: "5月18日是国际博物馆日,
    ...当天免费开放" keeps its date (当天, ``dates.same_day``); "11月4日是「民族统一日」,用以纪念..." gives none."""
    if _IS_AFTER.match(text, end) is None:
        return False
    rest = text[end:]
    return not any(word in rest for word in words.words("dates.same_day"))


def _opens_the_caption_defined(text: str, date: ChineseDate, first: tuple[int, int]) -> bool:
    """Whether a day the sentence defines with 是 opens the caption's first sentence ("3月12日是植树节,志愿者在林朵
    公园植树"): the festival's day the picture shows, as the caption's own opening; a later sentence defining a day
    ("...办起庆祝活动。11月4日是民族统一日,用以纪念...") explains the scene, and listed days stay an event's."""
    return first[0] <= date.start < first[1] and not text[first[0]:date.start].strip(" \u3000△■▲●◆★☆#↑") and (
        _IS_AFTER.match(text, date.end) is not None) and not _a_day_listed(text, date.start, date.end)


def _context_patterns(words: Words) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """What `_find_dates` reads around a date: a word of background ending the text before it ("据...报道"), a word
    of release or of taking soon after it; compiled once for the word lists, rather than each source (as long as
    its list) built again and looked up in re's cache for every date."""
    return words.made(("date_context",), lambda: (
        compiled(f"(?:{words.any('dates.background')})\\s*$"),
        compiled(rf"[^。，,；;]{{0,8}}?(?:{words.any('dates.released')})(?!{_NOT_A_PICTURE_RELEASED})"),
        compiled(rf"[^。，,；;]{{0,12}}?(?:{words.any('dates.taken')})")))


#: What, right after 发布 or 公布, shows that something else than a picture was released: a product, a collection, a
#: report, a figure ("在纽约时装周发布2017秋冬系列", a collection shown): the date is the event's, taken. A picture's
#: release is followed by 的, a stop, or the picture's word ("发布的照片", "公布了一张照片"). 发布会 is a press
#: conference or a launch ("5月29日召开新闻发布会,"), an event held that day, whatever follows it.
_NOT_A_PICTURE_RELEASED = ("[0-9０-９会會]|[^的了，,。；;\\s\"”」』）)]{2}"
                           "(?<!照片)(?<!图片)(?<!圖片)(?<!图像)(?<!画面)(?<!视频)")


def _labelled(text: str, at: int, words: Words) -> bool:
    """Whether a date is a labelled field's value ("拍摄时间:2010-04-03", "日期:2015年3月1日"): one of
    ``dates.labels`` and a colon right before it, the label opening the caption or written after a space or a stop
    (not "活动时间:", an event's time)."""
    if ":" not in text[max(0, at - 3):at] and "：" not in text[max(0, at - 3):at]:
        return False
    label = words.made(("dates", "label"), lambda: compiled(
        f"(?:^|(?<=[\\s。，,；;|｜/]))(?:{words.any('dates.labels')})\\s*[:：]\\s*$"))
    return label.search(text, max(0, at - 10), at) is not None


def _stamped(text: str, start: int, end: int) -> bool:
    """Whether a whole date ends the caption on its own, after a space (the credit before it, which the reader
    has blanked, or a line's end): the date a wire stamps on its picture ("中央社記者X攝 110年2月26日")."""
    return start > 0 and text[start - 1].isspace() and not text[end:].strip()


def _in_a_dateline(text: str, match: re.Match) -> bool:
    """Whether a date is a story's dateline's ("中新网南昌2月27日电", "新华社北京10月14日电"): an outlet and a city run
    together right before it, at a line's start; when the story was filed, never the photo's day (the contract
    says so of wire datelines)."""
    line = text.rfind("\n", 0, match.start()) + 1
    head = text[line:match.start()].strip(" \u3000【[■(（")
    return 3 <= len(head) <= 14 and re.fullmatch(r"[\u4e00-\u9fff]+", head) is not None


def background_dates(text: str, words: Words) -> list[str]:
    """The dates written as another thing's day than the photo's, as written (for ``--explain``): a start or an
    end point ("截至5月26日", "花季将持续到1月底"), a report's day ("7月16日消息"), a range."""
    return [text[m.start:m.end] for m in _find_dates(text, words) if m.background]


def choose_date(text: str, sentences: list[tuple[int, int]], body: list[tuple[int, int]],
                 words: Words) -> ChineseDate | None:
    """The photo's date: one the text says was taken, else the first in the caption's first sentence; a
    release date when only that is given. Dates in later sentences are background ("截至5月26日")."""
    mentions = [m for m in _find_dates(text, words) if not m.background]
    if not body:
        return None
    if not mentions:
        return _relative_day(text, body[0], words)
    cued = [m for m in mentions if m.kind == "taken"]
    first = body[0]
    scene = [m for m in mentions if first[0] <= m.start < first[1]]
    if not scene and not _told_its_time(text, first, words):
        # the first line of the caption, when its first sentence has no date ("...。1月11日，...")
        line_end = text.find("\n", first[0])
        line_end = len(text) if line_end < 0 else line_end
        scene = [m for m in mentions if first[0] <= m.start < line_end and not _TOLD_AFTER.search(
            text, max(first[0], m.start - 3), m.start)]
        # (not a date a later sentence tells of, after 于 or 在 within it: "该景区于2019年5月1日开放" is history)
    if not scene:  # the sentence that says what the photo shows: "...成熟。\n图为:8月26日,在..."
        marks = words.words("places.scene_marks")
        shown = next((s for s in body[1:4] if text[s[0]:s[1]].lstrip(" \u3000△■▲●◆★☆#↑").startswith(marks)), None)
        scene = [m for m in mentions if shown and shown[0] <= m.start < shown[1]]
    if not scene:  # a wire caption's own sentence after a line of its own: "村民在胥溪赛龙舟。6月20日,浙江省..."
        scene = [m for m in mentions if m.kind is None and _opens_its_sentence(text, m, body[1:4])]
    if not scene and not cued:  # "近日,...", then dates of no picture: the first sentence's relative day
        relative = _relative_day(text, first, words)
        if relative is not None:
            return relative
    if not cued and scene and len(body) > 1:  # "...2022年11月26日,上海...。图为2022年11月23日,位于郑州的...": the date
        # that opens the sentence saying what the picture shows is the picture's, not the first sentence's
        shown_date = _opening_a_scene_mark(text, mentions, body[1:], words)
        if shown_date is not None:
            scene = [shown_date]
    chosen = cued[0] if cued else scene[0] if scene else None
    released = next((m for m in mentions if m.kind == "released"), None)
    if chosen is None:
        if released is None:
            return None
        return released
    if chosen.kind == "released":
        return chosen
    if chosen.vague and _opens_the_caption_defined(text, chosen, first):  # ("3月12日是植树节,志愿者在...")
        return ChineseDate(chosen.start, chosen.end, chosen.iso, "taken")
    if chosen.vague:  # ("于19日和20日在达令港举行", "11月4日是...日"): the scene's time, no photo date
        return ChineseDate(chosen.start, chosen.end, None, None, vague=True)
    return ChineseDate(chosen.start, chosen.end, chosen.iso, "taken")


def _told_its_time(text: str, first: tuple[int, int], words: Words) -> bool:
    """Whether the caption's first sentence tells its time by a word ("发言人近日又一次为...点赞。这台望远镜
    2016年9月25日落成启用,..."): a later sentence's date on its line is then the story's, not the scene's."""
    return words.pattern("dates.relative").search(text, first[0], first[1]) is not None


def _opening_a_scene_mark(text: str, mentions: list[ChineseDate], sentences: list[tuple[int, int]],
                          words: Words) -> ChineseDate | None:
    """A full date (year, month and day) written right after a mark of what the picture shows, opening a later
    sentence ("图为2022年11月23日,...", "这是2024年5月3日拍摄的..."): the picture's own date, or None."""
    marks = words.words("places.scene_marks")
    for mention in mentions:
        if mention.iso is None or len(mention.iso) < 10 or mention.kind == "released":
            continue
        for start, end in sentences:
            if start <= mention.start < end:
                lead = text[start:mention.start].strip(" \u3000△■▲●◆★☆#↑:：")
                if lead in marks:
                    return mention
                break
    return None


#: A word that makes the date after it one a sentence tells of (when a thing was done), not the scene's opening.
_TOLD_AFTER = compiled("[于於在]$")


def _opens_its_sentence(text: str, date: ChineseDate, sentences: list[tuple[int, int]]) -> bool:
    """Whether a date with its month and day opens one of `sentences`, after marks and a comma-less lead-in
    ("6月20日,浙江省...", "2011年9月26日,湖南省...", or a time of the day after it: "1月1日清晨,..."): the sentence a
    wire caption writes for its photo. A month alone opens a sentence of history ("1939年3月,..."), so the day must
    be written."""
    if not re.search("[日号]", text[date.start:date.end]):
        return False
    for start, end in sentences:
        if start <= date.start < end:
            lead = text[start:date.start].strip(" \u3000△■▲●◆★☆#↑")
            return lead == "" and text.startswith(_AFTER_NAMED_DAY, date.end)
    return False


def _relative_day(text: str, first: tuple[int, int], words: Words) -> ChineseDate | None:
    """A day written relative to the caption's own in its first sentence ("昨天,施工人员在...作业"): the photo's
    day, with no year."""
    found = words.pattern("dates.relative").search(text, first[0], first[1])
    vague = found
    while found is not None and found.group() in words.set("dates.vague"):
        # "近日" (recently), "日前": words of time that name no day; a later one may ("近日...当天")
        found = words.pattern("dates.relative").search(text, found.end(), first[1])
    if found is None and vague is not None:  # the scene's time, for the readers of places, but no date
        return ChineseDate(vague.start(), vague.end(), None, None, vague=True)
    if found is None:  # "大年初一,广州...", "2022年春节,深圳...", "周五,...": a named day opening the caption
        opening = _OPENING.match(text, first[0], first[1])
        at = opening.end() if opening else first[0]
        found = words.pattern("dates.named_days").match(text, at, first[1])
        if found is None:
            return _a_month_alone(text, first)
        if not (text.startswith(_AFTER_NAMED_DAY, found.end()) or opening and opening.group(
                "scene") and text.startswith("的", found.end())):  # ("图为除夕的吉隆坡天后宫": the picture's day)
            return None
        return ChineseDate(opening.start("year") if opening and opening.group("year") else found.start(),
                           found.end(), None, "taken")
    return ChineseDate(found.start(), found.end(), None, "taken")


#: What may come before a named day at the start of a caption: marks, spaces, a mark of the picture's scene ("图为除夕
#:当晚,..."), a year ("2022年春节").
_OPENING = compiled(r"[\s△■▲●◆★☆#↑]*(?P<scene>图为|圖為|这是|這是)?(?P<year>\d{4}\s*年)?")
#: What follows a named day that opens a caption: a comma, a time of the day ("春节期间", a span, is no day).
#: ("大年初一一大早,...": early that day; "大年初六逢...宝诞": the day falls on a temple's feast)
_AFTER_NAMED_DAY = (",", "，", " ", "\u3000", "晚", "夜", "当天", "当日", "当晚", "上午", "下午", "清晨", "傍晚",
                    "一大早", "一早", "早上", "凌晨", "逢")


#: A month alone in figures, as the scene's time: "9月,红花岗区...", "今年1月,...", "6月的清晨,...", "今年7月间在...";
#: not a month in a span or a list ("进入5月", "4、5月", "1月至3月"), nor one a season's word follows ("7月盛夏").
_MONTH_ALONE = compiled(r"(?<![\d年、至到~～\-—])(?<!进入)(?<!進入)(?:今年)?(?P<month>\d{1,2})\s*月"
                        r"(?=[,，]|的(?:一个|一個)?(?:清晨|早晨|上午|下午|傍晚|晚上|夜晚|夜里|夜裡|一天)|[间間])")


def _a_month_alone(text: str, first: tuple[int, int]) -> ChineseDate | None:
    """A month with no day nor year in the caption's first sentence, when the caption writes no other date: the
    scene's time as the caption gives it ("9月,红花岗区长征街道的...", "南韩团体今年7月间在首尔..."), taken, with no
    year; a month that only dates a season or a span is none of these."""
    found = _MONTH_ALONE.search(text, first[0], first[1])
    if found is None or not 1 <= int(found.group("month")) <= 12:
        return None
    return ChineseDate(found.start(), found.end() + (text[found.end():found.end() + 1] in "间間"), None, "taken",
                       marks_scene=False)
