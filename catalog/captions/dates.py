"""Find the photo's date in a caption: every date mention, then the one that is the photo's own.

``DATE_SHAPES`` lists how captions write dates, most specific first, each with an example. Every match is
a ``Mention``; the words just before it say what it is ("released by X on", "taken on", "born on").
``choose_dates`` then applies the labelling rules: an explicit "taken on" date first, else the first date
of the scene (the first paragraph that has one), never a background date; a release date is kept
beside it. Worked examples::

    ... in Hefei, east China's Anhui province, Oct. 14, 2025.          2025-10-14, taken
    ... in Beijing, China Tuesday, March 4, 2014.                      2014-03-04, taken (AP weekday)
    ... in Nanning, Guangxi Zhuang Autonomous Region, China, 19 January 2023.      2023-01-19 (EPA order)
    This image released by the CNSA on Oct. 1, 2025 shows ...         2025-10-01, released
    ... in August 2022.                                                2022-08
    ... library in 2021.                                               2021 (a year only counts after a place)
    ... parachute jump, Salisbury Plain, 2003.                         2003 (a year closing a line of places)
    ... on January 15.                                                 date null, date_text "January 15"
    URUMQI, Sept. 22, 2023 (Xinhua) -- ... Sept. 17, 2023.             2023-09-17 (the dateline is the filing)
    (Ecns.cn) 08:15, October 13, 2023 / Snow covers ..., Oct. 12, 2023.       2023-10-12 (a page's time stamp)
    Sunday, 12 December 2010 / ... sets off at Llandudno this morning.        2010-12-12 (a dated heading)
    ... in Nadi yesterday.                                             date null, date_text "yesterday", taken
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
from dataclasses import dataclass

from catalog.cachedir import shipped_toml
from catalog.captions.text import scan, sentences
from catalog.captions.vocabulary import (
    BACKGROUND_CLOSE,
    BACKGROUND_NEARBY,
    BACKGROUND_WORDS,
    FOREIGN_MONTHS,
    MONTHS,
    PLACE_SUFFIXES,
    RELATIVE_DAYS,
    TAKEN_WORDS,
    VENUE_WORDS,
    WEEKDAYS,
)
from catalog.patterns import compiled, longest_first

_MONTH_NUMBER = {
    spelling.casefold().rstrip("."): number for number, spellings in MONTHS.items() for spelling in spellings
}
_FOREIGN_MONTH_NUMBER = {spelling: number for number, spellings in FOREIGN_MONTHS.items() for spelling in spellings}


def _alternatives(words: list[str]) -> str:
    """A regex alternation of the words as written and in capitals, longest first, whole words only.

    The spellings are grouped by their first letter ("J(?:ANUARY\\b|January\\b|...)|F(?:...)"): the engine
    checks an alternative's opening letter before entering it, so a word passes the group of each other letter
    with one test instead of trying its spellings one by one (the dates' shapes try the months at every digit
    and every month's letter). Same matches: spellings of different first letters never match at one place,
    and each group keeps the longest-first order."""
    spellings = sorted({v for w in words for v in (w, w.upper())}, key=longest_first)
    by_first: dict[str, list[str]] = {}
    for spelling in spellings:
        by_first.setdefault(spelling[0], []).append(
            re.escape(spelling[1:]) + ("" if spelling.endswith(".") else r"\b"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


_MON = "(?:" + _alternatives([s for spellings in MONTHS.values() for s in spellings]) + ")"
_WD = "(?:" + _alternatives(list(WEEKDAYS)) + ")"
_FULL_MON = "(?:" + "|".join(spellings[0] for spellings in MONTHS.values()) + ")"
_FULL_MON_SMALL = "(?:" + "|".join(spellings[0].casefold() for spellings in MONTHS.values()) + r")\b"
_FOREIGN_MON = "(?i:" + "|".join(re.escape(w) for w in sorted(_FOREIGN_MONTH_NUMBER, key=longest_first)) + r")\b"
#: A number after "No." or "Vol." is an issue's, not a day: "Gazette du Bon Ton, Volume 2, No. 5, May 1914".
_NOT_AN_ISSUE = r"(?<!\bNo\.\s)(?<!\bno\.\s)(?<!\bNo\s)(?<!\bNr\.\s)(?<!\bVol\.\s)(?<!#)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
#: (A year may run into the capital that opens the next sentence, as scrapers join a heading's date to the text:
#: "October 8, 2023A worker polishes ...".)
_YEAR = r"(?:18|19|20)\d\d(?:\b|(?=[A-Z][a-z]*\s)|(?=_[a-z]))"
_TO = r"\s*(?:-|–|—|to|and|through|till|until)\s*"


@dataclass(frozen=True)
class DateShape:
    """One way captions write a date."""

    name: str
    example: str
    pattern: str  # uses named groups mon, day, year (and mon2, day2 for ranges)
    precision: str  # day | month | year | none (no year) | weekday | relative
    range: bool = False
    guard: str | None = None  # where it may start, if not where its precision's shapes may (_GUARDS)
    needs: str | None = None  # a year alone: "place" (a place or picture word before it) or "name" (a place's name);
    # "place line": only a place's name before it on its line; "capitals line": only places in capitals;
    # "title": a place's name before it, in the caption's first sentence
    cue: str | None = None  # what the shape itself says of the date: "taken" for a dated heading of the picture


#: Most specific first: where two shapes match the same words, the earlier one wins.
DATE_SHAPES: tuple[DateShape, ...] = (
    DateShape("month-day range", "Sept. 30 - Oct. 2, 2025",
              rf"(?P<mon>{_MON})\s+(?P<day>{_DAY}){_TO}(?:(?P<mon2>{_MON})\s+)?(?P<day2>{_DAY})"
              rf"(?:,?\s+(?P<year>{_YEAR}))?", "day", range=True),
    DateShape("day-month range", "1-7 October 2025",
              rf"(?P<day>{_DAY}){_TO}(?P<day2>{_DAY})\s+(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?", "day",
              range=True),
    DateShape("month range", "April-May 2015 / June to August, 2019",
              rf"(?P<mon>{_MON}){_TO}(?P<mon2>{_MON}),?\s+(?P<year>{_YEAR})", "month", range=True),
    DateShape("weekday month day year", "Tuesday, March 4, 2014 / Oct. 14, 2025 / Oct 16, 2022 / Jan.11,2020 / "
              "Feb, 16, 2019 / Friday Sept.. 7, 2018 (a typed stop too many) / May 7th , 2017 / July 15. 2019 "
              "(a stop for the comma, not before a sentence's word)",
              rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\.?,?\s*(?P<day>{_DAY})"
              rf"(?:[ \t]?,\s*|\s+|\.\s+(?=\d{{4}}(?![ \t]+[a-z])))(?P<year>{_YEAR})", "day"),
    DateShape("day of month", "the 26th of August / 9th of March, 2024 / 9th of march",
              rf"(?P<day>{_DAY})\s+of\s+(?P<mon>{_MON}|{_FULL_MON_SMALL})(?:,?\s+(?P<year>{_YEAR}))?", "day"),
    DateShape("day month year", "19 January 2023 / 6, April 2018",
              rf"(?:{_WD},?\s+)?{_NOT_AN_ISSUE}(?P<day>{_DAY}),?\s+(?P<mon>{_MON}),?\s+(?P<year>{_YEAR})", "day"),
    DateShape("day month year in another language", "le 28 juin 2019 / 5 de mayo de 2018 / 3. Oktober 2020",
              rf"(?P<day>{_DAY})\.?\s+(?:de\s+)?(?P<mon>{_FOREIGN_MON})\s+(?:de\s+)?(?P<year>{_YEAR})", "day"),
    DateShape("ISO", "2025-10-14",
              r"(?P<year>(?:18|19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b", "day"),
    DateShape("slashed year/month/day", "2016/08/24: ... / 2019/10/5 (the year first says the order)",
              r"(?<![\d/])(?P<year>(?:19|20)\d\d)/(?P<mon>0?[1-9]|1[0-2])/(?P<day>[0-3]?\d)\b(?!/)", "day"),
    DateShape("dotted day.month.year", "30.04.2019 (European order)",
              r"(?P<day>[0-3]?\d)\.(?P<mon>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)\b", "day"),
    DateShape("dotted month.day.year, when the day is over 12", "3.31.2024 (American order)",
              r"(?<![\d.])(?P<mon>0?[1-9]|1[0-2])\.(?P<day>1[3-9]|2\d|3[01])\.(?P<year>(?:19|20)\d\d)\b", "day"),
    DateShape("slashed day and month, either order", "6/28/2005, 28/6/2005 (read only when one number is over 12)",
              r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b", "day"),
    DateShape("dashed day and month, either order", "16-12-2020, 12-16-2020 (read only when one number is over 12)",
              r"(?<![\d-])(?P<first>[0-3]?\d)-(?P<second>[0-3]?\d)-(?P<year>(?:19|20)\d\d)\b(?!-)", "day"),
    DateShape("slashed date with a two-digit year, opening a line", "7/26/13 Grundy County Fair, ... (read only when "
              "one number is over 12, or in the place's order)",
              r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<short>\d\d)(?=[ \t])", "day",
              guard=r"(?<![^\n])(?=\d)"),
    DateShape("dotted month.year", "01.2017",
              r"(?<![\d.])(?P<mon>0[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)\b(?!\.\d)", "month"),
    DateShape("month year", "August 2022 / June of 2021 / August, 2014",
              rf"(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<year>{_YEAR})", "month"),
    DateShape("day month year in small letters", "1 september 2014",
              rf"(?P<day>{_DAY})\s+(?P<mon>{_FULL_MON_SMALL}),?\s+(?P<year>{_YEAR})", "day"),
    DateShape("month day year in small letters", "july 03, 2011",
              rf"(?P<mon>{_FULL_MON_SMALL})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})", "day"),
    DateShape("month year in small letters", "december 2004 (a full month's name: 'may' and 'march' are words, but not"
              " before a year)", rf"(?P<mon>{_FULL_MON_SMALL}),?\s+(?P<year>{_YEAR})", "month"),
    DateShape("month day, no year", "January 7 / Sunday, Jan. 7",
              rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s*(?P<day>{_DAY})(?!\s*,?\s*\d)", "none"),
    DateShape("day month, no year", "7 January", rf"(?P<day>{_DAY})\s+(?P<mon>{_MON})", "none"),
    DateShape("month alone", "in April", rf"(?<=\bin\s)(?P<mon>{_FULL_MON})\b(?!\s*,?\s*\d)", "none"),
    DateShape("weekday", "on Thursday", _WD, "weekday"),
    DateShape("relative day", "yesterday",
              r"(?i:" + "|".join(re.escape(w) for w in RELATIVE_DAYS) + r")\b", "relative"),
    DateShape("year after a place", "in Shanghai, China in 1937",
              rf"in\s+(?P<year>{_YEAR})(?!\s*[-–]\s*\d)(?!\s+(?:and|or|&)\s+(?:18|19|20)\d\d)", "year",
              needs="place"),
    DateShape("year closing a place line", "Salisbury Plain, 2003. / Bangkok, Thailand, 2013 / Slovakia, 1930 / ...",
              rf"(?P<year>{_YEAR})(?=[ \t]*\.?[ \t]*(?:\n|/|\||$))", "year", guard=r"(?<=,\s)(?=\d)", needs="name"),
    DateShape("year after a place heading, a colon after it", "Somalia, 2007: Children attend ... / Nepal 2015: ...",
              rf"(?P<year>{_YEAR})(?=:[ \t])", "year", guard=r"(?:(?<=[a-z],\s)|(?<=[a-z]\s))(?=\d)",
              needs="name", cue="taken"),
    DateShape("year between commas after a place", "Assembly Line – Detroit, 1955, the Rouge plant",
              rf"(?P<year>{_YEAR})(?=,\s)", "year", guard=r"(?<=[a-z],\s)(?=\d)", needs="place"),
    DateShape("year in brackets closing a place line", "Policeman, Kraków (2023)",
              rf"(?P<year>{_YEAR})(?=\)[ \t]*\.?[ \t]*(?:\n|/|\||$))", "year", guard=r"(?<=\w\s\()(?=\d)",
              needs="name"),
    DateShape("year after a place line in capitals, a stop after it", "BAFIA, CAMEROON, 2012. Villages need ...",
              rf"(?P<year>{_YEAR})(?=\.[ \t]+[A-Z])", "year", guard=r"(?<=[A-Z]{2},\s)(?=\d)", needs="capitals line"),
    DateShape("year closing a title's places, a body after it",
              "Quorva Bridge and the Town Hall, Westminster, London, 2002. The hall has stood since 1840 ...",
              rf"(?P<year>{_YEAR})(?=\.[ \t]+[A-Z])", "year", guard=r"(?<=[a-z],\s)(?=\d)", needs="title"),
    DateShape("slashed month/year closing a place line", "... in the hot summers. / Diyarbakir 6/2016",
              r"(?P<mon>0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d\d)(?=[ \t]*\.?[ \t]*(?:\n|$))", "month",
              guard=r"(?<=[A-Za-z]\s)(?=\d)", needs="place line"),
    DateShape("year as the caption's closing sentence", "... seen from the fish souq. 1994 / ... Guatemala.  2014",
              rf"(?P<year>{_YEAR})(?=[ \t]*\.?[ \t]*(?:\n|$))", "year",
              guard=r"(?:(?<=[a-z]\.\s)|(?<=[a-z]\.\s\s))(?=\d)"),
)

#: A cheap test in front of the shapes, so most positions are passed over at once: a month or weekday's
#: first three letters, or a digit, at the start of a word; "y"/"t"/"l" for the relative days; "in".
_PREFIXES = sorted({w[:3] for w in [*_MONTH_NUMBER, *(d.casefold() for d in WEEKDAYS)]})
_WORD_GUARD = r"(?<!\w)(?<!\d\.)(?=\d|(?i:" + "|".join(_PREFIXES) + r"))"  # "etc.April 26" counts
_GUARDS = {"relative": r"\b(?=[yYtTlL])", "year": r"\b(?=i)"}


def _one_pattern(shapes: tuple[DateShape, ...]) -> re.Pattern:
    """All shapes as one alternation, tried in table order at each position; group "s3" is the fourth shape
    and its inner groups are renamed "mon_3", "day_3", ... (regex group names must be unique)."""
    guarded, alone = [], []
    for index, shape in enumerate(shapes):
        inner = re.sub(r"\(\?P<(\w+)>", rf"(?P<\1_{index}>", shape.pattern)
        if shape.guard or shape.precision in _GUARDS:
            alone.append(f"(?P<s{index}>{shape.guard or _GUARDS[shape.precision]}{inner})")
        else:
            guarded.append(f"(?P<s{index}>{inner})")
    return compiled(f"{_WORD_GUARD}(?:{'|'.join(guarded)})|" + "|".join(alone))


@functools.cache
def _dates_pattern() -> re.Pattern:
    """The shapes' one pattern, compiled when first needed: compiling it takes 6 ms, and an import whose
    files state their dates never reads a caption's dates (see catalog.records)."""
    return _one_pattern(DATE_SHAPES)


#: Where a date may start: a word that opens with a digit, a month's or weekday's first three letters, a
#: relative day or "in" (the shapes' own guards, all of them at once), so that "Gansu" and "the" are passed
#: over without a try of the shapes (which text.scan makes, one Python call each).
#: The characters that may stand before a word: all but ASCII's word characters and the common Chinese
#: characters (all of them word characters, tests/test_dates.py checks), a test of one bitmap; a letter outside
#: these, "é" in "éMay", is ruled out after (by `(?<!\w.)`, asked only where a date's first letter follows).
_BEFORE_WORD = r"[^0-9A-Za-z_\u3400-\u4db5\u4e00-\u9fa5]"


def _starts_pattern() -> re.Pattern:
    """_DATE_STARTS: the character before a word (the text's start is read as a space: see text.scan's
    `before`) and the word's first character if a date may begin with it: a digit, "in", or a month's, a
    weekday's or a relative day's first letters in any case. A match starts where the date may, in the text
    without that space.

    (The pattern opens with one character class, which the regex engine skips to at C speed; a class of the
    characters that begin a date instead stopped the engine inside every word at its common letters, "a", "t",
    "s", to be turned away by a look-behind: a fifth more instructions.)"""
    words = sorted({*_PREFIXES, *(d.casefold() for d in RELATIVE_DAYS)}, key=longest_first)
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    firsts = sorted({c for w in [*words, "in"] for c in (w[0].lower(), w[0].upper())})
    checks = "|".join(f"(?<={re.escape(first)})(?={'|'.join(re.escape(rest) for rest in rests)})"
                      for first, rests in sorted(by_first.items()))
    # (at an "i" only "year after a place" may start, and it needs "in", spaces and a year: that is checked here)
    return compiled(_BEFORE_WORD + r"[\d" + "".join(re.escape(c) for c in firsts) + "]"
                    rf"(?:(?<=\d)|(?<=i)(?=n\s+{_YEAR})|(?i:" + checks + r"))(?<!\w.)")


_DATE_STARTS = _starts_pattern()


@functools.cache
def _inner_groups() -> list[list[tuple[str, str]]]:
    """For each shape, its groups in the one pattern and their own names: ("mon_3", "mon")."""
    names = list(_dates_pattern().groupindex)
    found: list[list[tuple[str, str]]] = []
    for index in range(len(DATE_SHAPES)):
        suffix = f"_{index}"
        found.append([(name, name[: -len(suffix)]) for name in names if name.endswith(suffix)])
    return found


@dataclass
class Mention:
    """A date written in the caption, with what the words around it make of it."""

    text: str  # as written: "Oct. 14, 2025", "January 15", "Thursday"
    start: int
    end: int
    shape: DateShape
    iso: str | None  # None without a year, or when the day does not exist (kept in date_text then)
    cue: str | None = None  # released | taken | background | page (a posting stamp) | heading (a post's date line)
    after_on: bool = False  # "on" or a comma right before it: "on January 15", "..., Thursday"
    picture_sentence: bool = False  # its sentence names the picture: "The picture shows ... in 2016"
    closes_line: bool = False  # after a place's name, closing its line: "Copenhagen, 12 June", "in Nadi on May 11."
    after_heading: bool = False  # its sentence follows only a heading in capitals or a list's number: "𝟱. January 3"

    @property
    def has_year(self) -> bool:
        return self.iso is not None

    @property
    def is_range(self) -> bool:
        return self.shape.range


def find_dates(text: str, spans: list[tuple[int, int]] | None = None, day_first: bool | None = None) -> list[Mention]:
    """Every date mention in text, in order, without overlaps (the more specific shape wins).

    `spans` are the text's sentences, when the caller has them already. `day_first` reads a slashed date whose
    order its numbers leave open ("08/01/2017"), as the place's country writes it (`slashed_day_first`).

    >>> [m.text for m in find_dates("Shot on Oct. 1, 2025; the fair runs Oct. 3-7, 2025, and Friday.")]
    ['Oct. 1, 2025', 'Oct. 3-7, 2025', 'Friday']
    """
    mentions: list[Mention] = []
    inner = _inner_groups()
    # The shapes are tried only where a word starts with a digit or a letter that can begin one: the same
    # matches as finditer, without trying the whole alternation at every character.
    for match in scan(_dates_pattern(), _DATE_STARTS, text, before=True):
        assert match.lastgroup is not None  # every shape is a named group
        index = int(match.lastgroup[1:])
        shape = DATE_SHAPES[index]
        if shape.needs in ("place line", "capitals line"):
            line = _PLACE_LINE if shape.needs == "place line" else _CAPITALS_LINE
            if not line.fullmatch(text, text.rfind("\n", 0, match.start()) + 1, match.start()):
                continue  # "Diyarbakir 6/2016", "BAFIA, CAMEROON, 2012. ..." opening a line; not "in the USA, 2012."
        elif shape.needs == "title" and (text.find(". ", 0, match.start()) >= 0 or "\n" in text[:match.start()]):
            continue  # only in the caption's first sentence, its title: "..., Westminster, London, 2002. A royal ..."
        elif shape.needs and not _year_after_place(text, match.start(), named=shape.needs in ("name", "title")):
            continue
        groups = {short: value for full, short in inner[index] if (value := match.group(full)) is not None}
        mention = _mention(match, groups, shape, day_first)
        if mention is not None:
            mentions.append(mention)
    if mentions:
        spans = sentences(text) if spans is None else spans
        starts = [a for a, _ in spans]
        for mention in mentions:
            at = bisect.bisect_right(starts, mention.start) - 1
            sentence_start = max(starts[at] if at >= 0 else 0, mention.start - _CUE_WINDOW)
            if mention.shape.needs == "place":
                mention.picture_sentence = bool(_PICTURE_WORDS.search(
                    text, starts[at] if at >= 0 else 0, spans[at][1] if at >= 0 else len(text)))
            mention.cue = mention.shape.cue or _cue(text, sentence_start, mention)
            mention.after_on = bool(_ON_BEFORE.search(text, max(0, mention.start - 12), mention.start))
            mention.closes_line = mention.shape.precision == "none" and _CLOSES_LINE.match(
                text, mention.end) is not None and _AFTER_NAME.search(text, max(0, mention.start - 40),
                                                                     mention.start) is not None
            mention.after_heading = at >= 1 and (_heading_only(text, spans[at - 1]) or (
                not mention.has_year and _title_only(text, spans[at - 1])))
            if mention.cue != "taken":  # a page's "Published: Oct 13, 2023 08:15 PM" is no release date
                mention.cue = _page_line(text, mention, mentions) or mention.cue
    return mentions


def _mention(match: re.Match, groups: dict[str, str], shape: DateShape, day_first: bool | None = None
             ) -> Mention | None:
    written = match.group()
    if shape.precision == "year":  # "in 1937": the mention is the year alone
        only_year = groups["year"]
        return Mention(only_year, match.end() - len(only_year), match.end(), shape, only_year)
    iso = None
    year = groups.get("year") or (_full_year(groups["short"]) if "short" in groups else None)
    if "first" in groups:  # "6/28/2005": a day over 12 says which number is the month
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12 >= second:
            return Mention(written, match.start(), match.end(), shape, _valid_day(int(year or 0), second, first))
        if second > 12 >= first:
            return Mention(written, match.start(), match.end(), shape, _valid_day(int(year or 0), first, second))
        if first == second or day_first is not None:  # ("05/05/2017"; or the place's country says the order)
            in_order = (second, first) if day_first else (first, second)
            return Mention(written, match.start(), match.end(), shape, _valid_day(int(year or 0), *in_order))
        return None  # "08/01/2017": 8 January or August 1; no date is better than a wrong one
    if year:
        month = _month(groups["mon"])
        if shape.range:
            month2 = _month(groups["mon2"]) if groups.get("mon2") else month
            iso = f"{year}-{month:02d}" if month2 == month else year
        elif shape.precision == "month":
            iso = f"{year}-{month:02d}"
        else:
            day = _DIGITS.match(groups["day"])
            assert day is not None  # a day group starts with its digits
            iso = _valid_day(int(year), month, int(day.group()))
    return Mention(written, match.start(), match.end(), shape, iso)


def _full_year(short: str) -> str:
    """A two-digit year as a photo's: this century's up to this year ("13" is 2013), the last century's after ("87"
    is 1987)."""
    return f"{20 if int(short) <= datetime.date.today().year % 100 else 19}{short}"


_DIGITS = compiled(r"\d+")
#: A slashed date whose first two numbers may each be the month: "08/01/2017".
_OPEN_ORDER = compiled(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b")


def open_order(text: str) -> bool:
    """Whether the text holds a slashed date whose order of day and month its numbers leave open."""
    return "/" in text and _OPEN_ORDER.search(text) is not None  # (its every match holds a slash: most texts none)


@functools.cache
def _slashed_countries() -> tuple[frozenset[str], frozenset[str]]:
    data = shipped_toml("date_evidence.toml")["slashed"]
    return frozenset(data["month_first"]), frozenset(data["either"])


def slashed_day_first(code: str | None) -> bool | None:
    """How a country (its ISO code) orders a slashed date: day first (True), month first (False), or no telling.

    >>> slashed_day_first("US"), slashed_day_first("RU"), slashed_day_first("CA")
    (False, True, None)
    """
    month_first, either = _slashed_countries()
    if not code or code in either:
        return None
    return code not in month_first


def _month(written: str) -> int:
    if written.isdigit():
        return int(written)
    folded = written.casefold().rstrip(".")
    return _MONTH_NUMBER.get(folded) or _FOREIGN_MONTH_NUMBER[folded]


def _valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


_WORD = compiled(r"[\w’'-]+")
_PICTURE_WORDS = compiled(r"\b(?:photo|picture|image|photograph)s?\b", re.IGNORECASE)
_SUFFIX_WORDS = frozenset(suffix.split()[-1] for suffix, _, _ in PLACE_SUFFIXES)
_PLACE_END = compiled(r"([\w’'.-]+)(?:,|\s\()?\s*$")


def _year_after_place(text: str, start: int, named: bool = False) -> bool:
    """'in 1937' counts only right after a place or a picture word: 'in Shanghai, China in 1937'; a year
    closing a line only after a place's name (`named`): 'Salisbury Plain, 2003.', not 'in the quarter, 2013.'"""
    match = _PLACE_END.search(text, max(0, start - 40), start)
    if not match:
        return False
    word = match.group(1).rstrip(".")
    starts_sentence = text[max(0, match.start() - 10): match.start()].rstrip(" ").endswith((".", "\n"))
    if word[:1].isupper() and (named or not starts_sentence):
        return word.casefold() not in {"in", "the", "on", "this", "that"} and (
            named or _a_place_or_its_word(word) or _THE_BEFORE.search(text, max(0, match.start() - 60),
                                                                      match.start()) is not None)
    if named:
        return False
    folded = word.casefold()
    return (folded in VENUE_WORDS or folded in _SUFFIX_WORDS or folded in {"photo", "picture"}
            or folded in _date_evidence()["year_after"])  # "Taken in 2008", "Iqaluit, seen here in 2022"


#: "the" opening the capitalised name that ends right here: a site named with its article ("climbing the Galibier").
_THE_BEFORE = compiled(r"\bthe\s+(?:[A-Z][\w’'-]*\s+){0,3}$")


def _a_place_or_its_word(word: str) -> bool:
    """Whether a capitalised word before a year alone can end a place's name: a name the gazetteer knows at some
    level, or a word that closes a venue's or a place's name ("Park", "County"); else (unless "the" opens the name,
    ``_THE_BEFORE``) it is a person's or a firm's: "the Traveler Choice of Brelmvisor in 2015", "Rihanna, in 2021,
    was the most recent honoree" date what they did, not the photo."""
    from catalog.captions.gazetteer import name_levels

    folded = word.casefold()
    if folded in VENUE_WORDS or folded in _SUFFIX_WORDS:
        return True
    known = name_levels(word)
    return bool(known.city_population or known.town_population or known.province or known.country)


_RELEASE_WORDS = (r"(?:released|issued|distributed|published|made\s+(?:public|available)|handed\s+out"
                  r"|(?:photo|image|picture)s?\s+posted"  # "in a photo posted April 4", not a page's "Posted at"
                  r"|(?:photo|image|picture)s?\s+provided)")
#: (The look-ahead on the words' first letters lets the engine pass over most positions of a caption at once:
#: a third of the time, and the same answers.)
_RELEASE_BEFORE = compiled(rf"(?=[ridpmh])\b{_RELEASE_WORDS}\b(?P<between>[^,;.!?\n]{{0,100}})$", re.IGNORECASE)
_RELEASE_ANYWHERE = compiled(rf"(?=[ridpmh])\b{_RELEASE_WORDS}\b", re.IGNORECASE)


def may_give_release_date(text: str) -> bool:
    """False when no date in the text can be a release date: none of the words that say so is there.

    >>> may_give_release_date("This image released by the CNSA on Oct. 1, 2025 shows ...")
    True
    >>> may_give_release_date("A train crosses the Gobi, Aug. 3, 2025.")
    False
    """
    return _RELEASE_ANYWHERE.search(text) is not None


_TAKEN_BEFORE = compiled(
    r"(?=[" + "".join(sorted({w[0] for w in TAKEN_WORDS})) + r"])\b(?:" + "|".join(sorted(TAKEN_WORDS))
    + r")\b(?P<between>[^,;!?\n]{0,60})$", re.IGNORECASE
)
#: After "shot", a person or "dead": a gun's shot, not a camera's ("snipers shot them here on 5 April 1992").
_SHOT_AT = compiled(r"\s+(?:him|her|them|us|me|dead|down|and\s+(?:killed|wounded)|at\s+(?:him|her|them|protesters))\b",
                    re.IGNORECASE)
_IN_THIS = compiled(r"\b[Ii]n\s+(?:this|these|an?)\s+(?:undated\s+)?$")
_PHOTO_AFTER = compiled(
    r",?\s*(?:file\s+|handout\s+|aerial\s+|drone\s+)?(?:photo|image|picture|photograph)s?\b",
                          re.IGNORECASE)
#: A capitalised word right after a date: with "the" before the date, the date opens a name ("the May 4th Movement").
_NAME_AFTER = compiled(r"[ \t]+[A-Z][a-z]")
#: ... or a capitalised word right before it, not a sentence's first: the date is inside the name ("Jeju April 3rd
#: Peace Park").
_NAME_BEFORE = compiled(r"(?<=[a-z] )[A-Z][\w’'-]*[ \t]$")
_CITATION_BEFORE = compiled(r"\b(?:vol(?:ume)?|no|issue|plate|edition|ed|p|pp|page)\.?\s*\d+[,;]?\s*$",
                              re.IGNORECASE)
#: A clock time right after a date (its year may sit between): a web page's time stamp, not a caption's date.
_STAMP_AFTER = compiled(r"[ \t,]*(?:(?:18|19|20)\d\d)?[ \t,]*\d{1,2}:\d\d\b")
#: Words in a date's clause that make it another event's: "relief work after an earthquake in Peru in 2001", "having
#: left his village in 1988" (a perfect participle: what happened before the scene).
_BETWEEN_BACKGROUND = frozenset({"after", "before", "since", "until", "following", "ahead", "having"})
_SKIP = {"on", "in", "of", "the", "a", "an", "at", "its", "his", "her", "their"}
#: A word right before a weekday that makes it any such day, not the photo's: a habit ("every Tuesday"), one of many
#: ("on a Saturday"), or the order of a season's days ("the first Friday night game"); not "this Friday".
_ANY_SUCH_DAY = frozenset({"every", "each", "a", "an", "any", "first", "second", "third", "fourth", "opening"})
_CUE_WINDOW = 160  # how far back, within the sentence, the words that say what a date is are looked for
_SHOWS = compiled(r"\b(?:shows?|showing|depicts?|captures?)\b")  # "provided by NASA shows X on <date>"


#: The word right after a weekday.
_WORD_AFTER = compiled(r"[ \t]+([A-Za-z]+)")


def _a_weekday_in_a_name(text: str, mention: Mention) -> bool:
    """Whether a weekday names a site held or used on that day, not the photo's day ("the Friday mosque", "the
    Sunday bazaar"; not "Friday prayers at the mosque", the day of the prayers)."""
    after = _WORD_AFTER.match(text, mention.end)
    return after is not None and after.group(1).casefold() in _date_evidence()["weekday_sites"]


def _cue(text: str, sentence_start: int, mention: Mention) -> str | None:
    """What the words around a mention make of it: released, taken, background, or nothing special."""
    before = text[sentence_start:mention.start]
    if mention.shape.precision == "relative" and _nowadays(text, mention):
        return "background"  # "today they stand for a more chivalrous past": the present, not a day
    if _STAMP_AFTER.match(text, mention.end) and not text[text.rfind("\n", 0, mention.start) + 1:mention.start].strip():
        return "background"  # "11 May,2025 07:01 AM IST | Mumbai": the page's posting time opening a line
    # The cue words and what may stand between them and the date hold none of these marks, so the two
    # searches start after the last one (the same match, without trying the whole sentence).
    release = _RELEASE_BEFORE.search(before, 1 + max(before.rfind(","), before.rfind(";"), before.rfind("."),
                                                     before.rfind("!"), before.rfind("?")))
    between = release.group("between") if release else ""
    if release and not _date_between(between) and not _SHOWS.search(between):
        return "released"
    if _PHOTO_AFTER.match(text, mention.end) and _IN_THIS.search(before):  # (the anchored test first)
        return "taken"
    taken = _TAKEN_BEFORE.search(before, 1 + max(before.rfind(","), before.rfind(";"), before.rfind("!"),
                                                 before.rfind("?")))
    if taken and taken.group(0)[:4].casefold() == "shot" and _SHOT_AT.match(taken.group("between")):
        return "background"  # "snipers shot them here on 5 April 1992": the day of a shooting, not of a photo
    if taken and not _date_between(taken.group("between")) and not (
            set(_WORD.findall(taken.group("between").casefold())) & _BETWEEN_BACKGROUND):
        return "taken"  # not "taken by a small rover soon after its June 2 landing"
    words = _WORD.findall(before.casefold())
    if any(w in BACKGROUND_NEARBY for w in words[-5:]) and not _a_route_before(before, words):
        return "background"
    clause = _WORD.findall(before[1 + max(before.rfind(mark) for mark in ",;:.!?"):].casefold())
    if _future(clause) or _future(_clause_past_places(before)):
        return "background"  # "Boy band X will take the stage at the festival on April 13, 2019, on Saipan"
    if mention.has_year and set(clause) & _date_evidence()["relative_clause"] and not _scene_in_the_clause(
            before, clause, mention):
        return "background"  # "the memorial for the genocide which occurred in July 1995": another event's date
    if _an_earlier_event_told(clause):
        return "background"  # "the earthquake that rocked the region in October": the quake's day, not the photo's
    if mention.shape.needs == "place" and set(clause) & _BETWEEN_BACKGROUND:
        return "background"  # a year alone after another event: "relief work after an earthquake in Peru in 2001"
    if _ends_with_a_number(before) and _CITATION_BEFORE.search(before):
        return "background"  # "Plate 46 from Gazette du Bon Ton, Volume 2, No. 5, May 1914": a publication's date
    if mention.has_year and words in (["in"], ["on"]) and text.startswith(",", mention.end) and (
            _AFTER_A_SENTENCE.search(text, max(0, sentence_start - 4), sentence_start)):
        return "background"  # "... narrow lanes. In October 2017, the scheme was inaugurated in Lahore.": history
    if mention.shape.precision == "weekday" and words[-1:] and words[-1] in _ANY_SUCH_DAY:
        return "background"  # "Every Tuesday is market day", "on a Saturday", "the first Friday game": no one day
    if mention.shape.precision == "weekday" and _a_weekday_in_a_name(text, mention):
        return "background"  # "the Friday mosque", "the Sunday bazaar": the day names a site
    if mention.shape.precision == "none" and _NAME_AFTER.match(text, mention.end) and (
            words[-1:] == ["the"] or _NAME_BEFORE.search(before)):
        return "background"  # "the April 3 Massacre", "the Jeju April 3rd Peace Park": a day naming an event or a site
    close = next((w for w in reversed(words[-4:]) if w in BACKGROUND_CLOSE), None) if not mention.has_year else None
    if close and not _PLACE_BETWEEN.search(before, before.casefold().rfind(close)):
        # "ahead of the 75th anniversary of its Navy's founding on April 23"; not "marked its 50th anniversary in
        # Tumon on Nov. 18", where the place says the day is the celebration's, the photo's
        return "background"
    if mention.has_year and _commemorated(before, words):
        return "background"  # "the attacks of Sept. 11, 2001", "the anniversary of the declaration on Dec. 1, 1965"
    if mention.has_year and _names_an_event(text, mention, words):
        return "background"  # "the June 2018 Fuego volcano eruption", "struck by earthquakes on February 6, 2023"
    last = len(words)
    while last and words[last - 1] in _SKIP:
        last -= 1
    if last and words[last - 1] in BACKGROUND_WORDS and not (
            last == len(words) and words[-1] == "last" and mention.shape.precision in ("day", "none")):
        # (but "took their dogs to the covered court last July 9": "last" right before a month's day names the
        # day just past, the scene's, as Philippine papers write it; "the floods of last July" stay background)
        return "background"
    if mention.is_range:
        return "background"
    return None


#: "in" and a capitalised name: a place phrase ("in Stanley Park", "in Lahore").
_IN_A_PLACE = compiled(r"\bin\s+[A-Z]")


def _scene_in_the_clause(before: str, clause: list[str], mention: Mention) -> bool:
    """Whether a relative clause holding a day's date also holds a place phrase after its relative word, the
    scene's place and day told in one clause ("a clearing from which a person fell Sunday morning in Stanley Park in
    Vancouver on May 24, 2015", "the train, which he inaugurated in Lahore on February 3, 2012"): the photo's day,
    as the scene's place is read from it. A month or a year alone in the clause ("the genocide which occurred in
    July 1995"), or a clause naming no place ("where Campbell broke the record on 31st December 1964"), stays
    another event's.

    >>> text = "A train, which he opened in Lahore on February 3, 2012."
    >>> mention = find_dates(text)[0]
    >>> _scene_in_the_clause(text[:mention.start], "which he opened in lahore on".split(), mention)
    True
    """
    if mention.shape.precision != "day":
        return False
    relative = _date_evidence()["relative_clause"]
    opener = max((before.rfind(f" {word} ") for word in relative if word in clause), default=-1)
    return opener >= 0 and _IN_A_PLACE.search(before, opener) is not None


def _a_route_before(before: str, words: list[str]) -> bool:
    """Whether the only word of another time near a date is "between" and a comma closes its phrase before the date:
    a route's two ends, then the day ("the stage between Quorva and Angers, France, July 4"), not a span of days
    ("between March 3 and 5", "between 1990 and 2000", "between Jan. 5, 2011, and Feb. 3, 2012")."""
    if [w for w in words[-5:] if w in BACKGROUND_NEARBY] != ["between"]:
        return False
    phrase = before[before.casefold().rfind("between"):]
    return "," in phrase and not any(c.isdigit() for c in phrase)  # (not "between Jan. 5, 2011, and Feb. 3, 2012")


def _an_earlier_event_told(clause: list[str]) -> bool:
    """Whether a date's clause (its words, from the last stop before it) is a relative clause opened right after
    a disaster's noun (``date_evidence.toml`` [clause] after_an_event, [event] nouns): "the 7.6 earthquake that
    rocked the region in" dates the quake, not the photo; "a man who lost his home walks on" stays the photo's.

    >>> _an_earlier_event_told("the 7.6 earthquake that rocked the region in".split())
    True
    >>> _an_earlier_event_told("homes destroyed by the tsunami which hit on".split())
    True
    >>> _an_earlier_event_told("a man who lost his home in the earthquake walks on".split())
    False
    """
    evidence = _date_evidence()
    nouns, openers = evidence["event_nouns"], evidence["after_an_event"]
    return any(word in openers and clause[number - 1] in nouns for number, word in enumerate(clause) if number)


def _ends_with_a_number(before: str) -> bool:
    """Whether `before` ends with a number, then maybe a comma or a semicolon, then spaces: how a citation ends
    (a cheap test before _CITATION_BEFORE's search, which would try every position)."""
    tail = before.rstrip()
    if tail[-1:] in (",", ";"):
        tail = tail[:-1]
    return tail[-1:].isdecimal()  # (what the pattern's \d matches: a decimal digit)


@functools.cache
def _date_evidence() -> dict[str, frozenset[str]]:
    data = shipped_toml("date_evidence.toml")
    return {"day_parts": frozenset(data["of"]["day_parts"]), "commemorated": frozenset(data["commemorated"]["words"]),
            "page_labels": frozenset(data["page"]["labels"]), "same_day": frozenset(data["relative"]["same_day"]),
            "nowadays_next": frozenset(data["relative"]["nowadays_next"]),
            "year_after": frozenset(data["year"]["after"]), "future_words": frozenset(data["future"]["words"]),
            "future_pairs": frozenset(data["future"]["pairs"]),
            "relative_clause": frozenset(data["clause"]["relative"]), "event_nouns": frozenset(data["event"]["nouns"]),
            "after_an_event": frozenset(data["clause"]["after_an_event"]),
            "weekday_sites": frozenset(data["weekday"]["named_sites"])}


#: A clock time: "08:15", "09:16", "7:30 p.m.", "07:58".
_CLOCK = compiled(r"\b\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?")
#: A clock time written right before a date ("08:15, October 13, 2023") or right after it ("2003-07-13 07:58").
_CLOCK_BEFORE = compiled(r"\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?[ \t,]*$")
_CLOCK_AFTER = compiled(r"[ \t,|/–—-]*\d{1,2}:\d\d(?!\d)")  # ("22.11.2021 / 14:07": a listing's stamp)
#: A label, its colon and its value up to the next bar or slash: "Editor: Liu Xin", "Source: Xinhua".
_LABELLED = compiled(r"\b([A-Za-z]+)\s*:\s*[^|/\n:]*")
#: A line opening with a label: "Published: ", "Updated ".
_LABEL_OPENS = compiled(r"\s*[A-Z][a-z]+:?\s")
#: What a page line may hold beside its date: a source tag in brackets (or its closing half, "Xinhua)"), a
#: label and what follows it ("Editor: Gu Liping"), punctuation.
_PAGE_TAG = compiled(r"\([^()\n]*\)|\S*\)|[|/:,.()\-–—]")
#: The head of a wire dateline, its date next: "(240720) -- BEIJING, " (the story's filing date).
_WIRE_HEAD = compiled(r"\(\d{6}\)\s*-{1,2}\s*[A-Z][A-Z .'’-]{1,40},\s*$")
#: A web address: "http://www.cnpps.org", "www.cnpps.org/photos".
_WEB_ADDRESS = compiled(r"(?:https?://|www\.)\S+")
#: Seven lower-case words on a line: prose, never a page line (whose words are labels, names and a few "at").
_SENTENCE_WORDS = 7
_LOWER_WORD = compiled(r"\b[a-z][a-z’'-]{2,}\b")
_ANY_WORD = compiled(r"[^\W\d_]{2,}")


def _page_line(text: str, mention: Mention, mentions: list[Mention]) -> str | None:
    """"page" when the date is the page's, not the photo's; "heading" when it heads a post or gallery and is the
    photo's only if the caption itself dates nothing; None for a date of the caption's own lines (see
    ``catalog/rules/date_evidence.toml`` [page]).

    A page line is a time stamp ("(Ecns.cn) 08:15, October 13, 2023", "2016-07-06 09:16Xinhua Editor: Gu Liping":
    a clock time beside the date, and no lower-case word but a label's), or a wire dateline's head right before
    the date ("(240720) -- BEIJING, July 20, 2024 ...", the story's filing date). A heading is a date alone on its
    line ("Tuesday, May 29, 2012") when another line holds the caption. A line with a place beside its date
    ("Slovakia, 1930") is neither: it is the photo's.
    """
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    head_from = max(line_start, mention.start - 60)
    if text.find(")", head_from, mention.start) >= 0 and _WIRE_HEAD.search(text, head_from, mention.start):
        return "page"  # (a wire head's bracketed number closes with ")": without one, no search)
    if len(list(itertools.islice(_LOWER_WORD.finditer(text, line_start, line_end), _SENTENCE_WORDS))) \
            >= _SENTENCE_WORDS:
        return None  # a line of the caption's own prose (most lines): no page line holds that many words
    rest = "".join(
        text[a:b] for a, b in _gaps(line_start, line_end, [(m.start, m.end) for m in mentions
                                                            if line_start <= m.start < line_end]))
    labels = _date_evidence()["page_labels"]
    stamped = bool(_CLOCK_BEFORE.search(text, max(line_start, mention.start - 16), mention.start)
                   or _CLOCK_AFTER.match(text, mention.end))
    if stamped:
        # ("Dibyangshu SARKAR http://www.cnpps.org 2013-03-23 13:29:29": a site's address is no prose word)
        # ("新华网| 2023-09-03 14:53:49|Editor: huaxia": a label's value, the editor's login, is no prose word either)
        unlabelled = _LABELLED.sub(lambda m: " " if m.group(1).casefold() in labels else m.group(), rest)
        words = _LOWER_WORD.findall(_CLOCK.sub(" ", _WEB_ADDRESS.sub(" ", unlabelled) if "www" in unlabelled
                                               or "//" in unlabelled else unlabelled))
        return None if any(w.casefold() not in labels for w in words) else "page"
    words = _ANY_WORD.findall(_PAGE_TAG.sub(" ", rest))
    if words and _LABEL_OPENS.match(rest) and all(w.casefold() in labels for w in words):
        return "page"  # "Published: 13 October 2023", "Updated 2023-10-13": a label and the page's date
    if words and not _ANY_WORD.search(_PAGE_TAG.sub(" ", _LABELLED.sub(
            lambda m: " " if m.group(1).casefold() in labels else m.group(), rest))):
        return "page"  # "Editor: Liu Xin | Source: Xinhua | 2023-10-13": labels, their values and the date
    if words:
        return None
    # a date alone on its line: a heading only when another line holds the caption's words
    return "heading" if _LOWER_WORD.search(text, 0, line_start) or _LOWER_WORD.search(text, line_end) else None


def _gaps(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of start..end outside the spans (which are in order and do not overlap)."""
    found, at = [], start
    for a, b in spans:
        found.append((at, a))
        at = b
    found.append((at, end))
    return found


def _future(clause: list[str]) -> bool:
    """Whether the clause before a date puts it in the future (``date_evidence.toml`` [future]): "will take the
    stage at the festival on", "the strike is set for"."""
    evidence = _date_evidence()
    return any(word in evidence["future_words"] for word in clause) or any(
        " ".join(clause[i:i + 2]) in evidence["future_pairs"] for i in range(len(clause) - 1))


#: A part between commas that is only a place's name: " Dublin", " Smithfield Square", " Co. Laois".
_NAMES_ONLY = compiled(r"\s*(?:[A-Z][\w’'.-]*\s*)+")


def _clause_past_places(before: str) -> list[str]:
    """The words of the clause before a date read back past the places set off by commas in it ("due to be held in
    Smithfield Square, Dublin, on August 13": the clause is "due to be held in Smithfield Square Dublin on"), so
    that a future's words before the place still reach the date; no words when no such place stands between."""
    if "," not in before:
        return []
    parts = before[1 + max(before.rfind(mark) for mark in ";:.!?"):].split(",")
    if not parts[-1].strip():  # "... in Tokyo, Japan, June 23, 2020": a date set right after the place closes the
        return []  # caption's scene, the photo's day (the clause goes on only with "on", "in")
    at = len(parts) - 2
    while at > 0 and _NAMES_ONLY.fullmatch(parts[at]):
        at -= 1
    if at == len(parts) - 2 or at < 0:
        return []
    return _WORD.findall(" ".join(parts[at:]).casefold())


_NEXT_WORD = compiled(r",?\s*([\w’']+)")


def _nowadays(text: str, mention: Mention) -> bool:
    """'today' opening a clause about the present ("...; today they stand for ..."), not the photo's day."""
    if mention.text.casefold() != "today":
        return False
    following = _NEXT_WORD.match(text, mention.end)
    return following is not None and following.group(1).casefold() in _date_evidence()["nowadays_next"]


#: A place written between a commemorating word and the date: the date is then the scene's ("..., Moscow, May 9").
_PLACE_BETWEEN = compiled(r"(?:,\s+|\b(?:in|at)\s+)[A-Z]")


def _commemorated(before: str, words: list[str]) -> bool:
    """Whether a dated mention is the day of an event the scene remembers, not the photo's (see
    ``catalog/rules/date_evidence.toml``): "the attacks of Sept. 11, 2001", "marking the anniversary of the
    declaration of the State on Dec. 1, 1965"; not "on the morning of Oct. 14, 2025"."""
    evidence = _date_evidence()
    if len(words) >= 2 and words[-1] == "of" and words[-2] not in evidence["day_parts"] and (
            before.rstrip().endswith("of")):
        return True
    for word in reversed(words[-12:]):
        if word in evidence["commemorated"]:
            cue = [m.end() for m in re.finditer(rf"\b{re.escape(word)}\b", before, re.IGNORECASE)]
            return bool(cue) and _PLACE_BETWEEN.search(before, cue[-1]) is None
    return False


#: "the", "a" or a possessive right before a date set as an attribute: "the June 2018 eruption", "its 2011 quake".
_ATTRIBUTE_BEFORE = compiled(r"\b(?:the|a|its|their|this|that)\s+$", re.IGNORECASE)
_WORDS_AFTER = compiled(r"[ \t]+([\w’'-]+)(?:[ \t]+([\w’'-]+))?(?:[ \t]+([\w’'-]+))?")


def _names_an_event(text: str, mention: Mention, words: list[str]) -> bool:
    """Whether a dated mention names a past disaster or attack (``date_evidence.toml`` [event]): set before its noun
    as an attribute ("the June 2018 Fuego volcano eruption"), or right after it, a preposition between ("struck by
    two big earthquakes on February 6, 2023")."""
    nouns = _date_evidence()["event_nouns"]
    last = len(words)
    while last and words[last - 1] in ("on", "in"):
        last -= 1
    if last < len(words) and last and words[last - 1] in nouns:
        return True
    if _ATTRIBUTE_BEFORE.search(text, max(0, mention.start - 8), mention.start):
        after = _WORDS_AFTER.match(text, mention.end)
        return after is not None and any(w and w.casefold() in nouns for w in after.groups())
    return False


_FULL_DATE = compiled(rf"{_MON}\s*{_DAY}|\b{_YEAR}")


def _date_between(text: str) -> bool:
    """Another full date sits between a cue word and the mention: the cue belongs to that one."""
    return bool(_FULL_DATE.search(text))


@dataclass(frozen=True)
class DateFacts:
    """What ``choose_dates`` decides: the CaptionFacts date fields, and the mention places are read around."""

    date: str | None = None
    date_kind: str | None = None
    date_text: str | None = None
    released: str | None = None
    anchor: Mention | None = None


def choose_dates(
    mentions: list[Mention], paragraphs: list[tuple[int, int]], undated: bool = False,
    spans: list[tuple[int, int]] | None = None,
) -> DateFacts:
    """The photo's date, its kind, a yearless date as written, and a release date, per the labelling rules.

    `paragraphs` are (start, end) spans: the scene is the first paragraph holding a date that is not
    background. `undated` ("this undated photo released ...") means no date is the taken date. With the
    caption's sentence `spans`, a date without a year counts only in the first sentence of its paragraph (or
    when "taken"/"released" says so): "... in Zaporizhzhia. Seven rockets hit the city on Thursday" gives none.
    """
    usable = [m for m in mentions if m.cue not in ("background", "page", "heading")]
    release = next((m for m in usable if m.cue == "released"), None)
    taken = None if undated else next((m for m in usable if m.cue == "taken" and m.has_year), None)
    if taken is None and not undated:
        scene = _scene(usable, paragraphs)
        dated = [m for m in scene if m.has_year and m.cue is None and not m.is_range]
        if release is not None and spans is not None:
            # "This handout photo released by the IFRC on Dec. 20, 2018 shows ... The Red Cross said on Dec. 20,
            # 2018 that ...": a plain date in a later sentence than the release is the story's, not the photo's
            released_in = next((span for span in spans if span[0] <= release.start < span[1]), None)
            dated = [m for m in dated if released_in is None or m.start < released_in[1]]
        if spans is not None:
            dated = [m for m in dated if m.shape.needs != "place" or _year_in_scene(m, paragraphs, spans)]
            dated = _after_a_yearless_scene_date(scene, dated, spans)
        taken = next((m for m in dated if m.shape.precision == "day"), None) or next(
            (m for m in dated if m.shape.precision != "year"), None) or next(iter(dated), None)
    if taken is not None and taken.is_range and taken.cue != "taken":
        taken = None
    released = release.iso if release is not None and release.has_year else None
    if taken is not None:
        return DateFacts(taken.iso, "taken", None, released, taken)
    if released:
        return DateFacts(released, "released", None, released, release)
    if spans is not None:
        leading = _leading_sentences(paragraphs, spans)
        usable = [m for m in usable if m.has_year or m.cue in ("taken", "released") or any(
            a <= m.start < b for a, b in leading) or m.closes_line or m.after_heading]
    yearless = release or next(
        (m for m in _scene(usable, paragraphs) if not m.has_year and not m.is_range and not undated), None
    )
    heading = None if undated else next((m for m in mentions if m.cue == "heading" and m.has_year), None)
    if heading is not None and (yearless is None or yearless.text.casefold() in _date_evidence()["same_day"]):
        # a post's or gallery's dated heading, and a caption that dates nothing itself or says "this morning":
        # the heading's day is the photo's ("Sunday, 12 December 2010 / ... sets off at Llandudno this morning")
        return DateFacts(heading.iso, "taken", None, None, heading)
    lone = None if undated else next((m for m in mentions if m.cue == "heading" and not m.is_range), None)
    if yearless is None and lone is not None and all(m.cue == "heading" for m in mentions):
        # a yearless day over the caption, and no other date anywhere: the heading dates the photo ("April 15" or
        # "This morning." on a line of its own, then the caption), as a dated heading with its year does
        return DateFacts(None, "taken", lone.text, None, lone)
    if yearless is None:
        # Only another day's date without a year ("soon after its June 2 landing"): written, but no kind
        other = next((m for m in _scene(mentions, paragraphs) if not m.has_year and not m.is_range
                      and m.cue == "background" and m.shape.precision in ("none", "weekday")), None)
        return DateFacts(None, None, other.text, None, None) if other is not None and not undated else DateFacts()
    # the labelling rules: a date without a year ("January 15", "Thursday", "yesterday") is the photo's, unless
    # a release word governs it
    return DateFacts(None, "released" if yearless.cue == "released" else "taken", yearless.text, None, yearless)


_SMALL_LETTER = compiled(r"[a-z]")
#: A line that opens with places in capitals before a year: "BAFIA, CAMEROON, ".
_CAPITALS_LINE = compiled(r"[ \t]*[A-Z][A-Z’'.-]+(?:,?[ \t]+[A-Z][A-Z’'.-]+)*,[ \t]+")
#: A line that holds only a place's name before a date: "Diyarbakir ", "Sur, Diyarbakir ".
_PLACE_LINE = compiled(r"[ \t]*[A-Z][\w’'.-]+(?:,?[ \t]+[A-Z][\w’'.-]+){0,3}[ \t]+")
#: A sentence's stop on the same line right before: the sentence is not the first of its line.
_AFTER_A_SENTENCE = compiled(r"[a-z][.!?][ \t]+$")


def _heading_only(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence at `span` opens its line and holds no word in small letters: a headline in capitals or a
    list's number ("AHOY, MATEYS! ...", "𝟱."), after which the next sentence is the caption's first."""
    start, end = span
    before = text[:start].rstrip(" \t")
    return (not before or before.endswith("\n")) and _SMALL_LETTER.search(text, start, end) is None


#: The most words a title or a place line over the caption holds ("Candles for justice.", "Leiden, Netherlands.").
_TITLE_WORDS = 3


def _title_only(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence at `span` opens its line with a few words and no digit: a title or a place line ("Candles
    for justice. The woman ... gathered downtown on November 25th", "Leiden, Netherlands. 9th of march: ..."), after
    which the next sentence is the caption's first, and its day and month the photo's."""
    start, end = span
    before = text[:start].rstrip(" \t")
    if before and not before.endswith("\n"):
        return False
    words = _ANY_WORD.findall(text, start, end)
    return 0 < len(words) <= _TITLE_WORDS and not any(ch.isdigit() for ch in text[start:end])


def _after_a_yearless_scene_date(scene: list[Mention], dated: list[Mention],
                                 spans: list[tuple[int, int]]) -> list[Mention]:
    """The dated mentions that may still be the photo's when the scene's first date is a day and a month with no
    year: only those of its own sentence. "Tourists at the Great Wall in Beijing on Oct 12. The wall was listed in
    December 1987." dates the photo Oct 12 (no year), not December 1987: a later sentence's date is the story's."""
    first = scene[0] if scene else None
    if first is None or first.shape.precision != "none" or first.is_range or first.cue is not None or not dated:
        return dated  # a weekday or "yesterday" is often written beside the full date: "This Monday ... April 26, 2021"
    sentence = next(((a, b) for a, b in spans if a <= first.start < b), None)
    if sentence is None:
        return dated
    return [m for m in dated if sentence[0] <= m.start < sentence[1]]


def _year_in_scene(mention: Mention, paragraphs: list[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    """Whether a year after 'in' ("in Erbil in 2015") is the photo's: in the first sentence of its paragraph, or
    in a sentence about the picture ("The picture shows ... in 2016"); in a later sentence it dates the story
    ("... the government even created a National Chocolate Day in 2005")."""
    sentence = next(((a, b) for a, b in spans if a <= mention.start < b), None)
    if sentence is None or any(sentence == first for first in _leading_sentences(paragraphs, spans)):
        return True
    return mention.picture_sentence


def _leading_sentences(paragraphs: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first sentence of each paragraph."""
    found = []
    for start, end in paragraphs:
        first = next((s for s in spans if start <= s[0] < end), None)
        if first is not None:
            found.append(first)
    return found


def _scene(mentions: list[Mention], paragraphs: list[tuple[int, int]]) -> list[Mention]:
    for start, end in paragraphs:
        inside = [m for m in mentions if start <= m.start < end]
        if inside:
            return inside
    return []


#: What may follow a date that closes its line: punctuation, and a credit's "©" glued to it ("Copenhagen, 12 June©
#: REUTERS/Name").
_CLOSES_LINE = compiled(r"[ \t.,;:!?)\]”\"'©]*(?:\n|$)")
#: What may stand before a date without a year that closes its line for it to be the photo's: a place's name and a
#: comma or "on" ("Copenhagen, 12 June", "in Nadi on May 11."), the scene's last words and a comma ("... forced
#: local evacuations, June 14"), or a stop, the date a sentence of its own ("... in Kambuzuma township. 8 April").
_AFTER_NAME = compiled(r"(?:\b[A-Z][\w’'-]+\.?(?:,\s*|\s+on\s+)|\b[a-z][\w’'-]+,\s*|\w[.!?][\"”’)]?\s+)$")
_ON_BEFORE = compiled(r"(?:\b[Oo]n|,|\btaken|\b[Ii]n\s+this)\s*$")


# --- datelines --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dateline:
    """A dateline at the head of a caption.

    A wire dateline says where and when the story was filed, not the photo; a picture desk's dateline
    ("BEIJING, CHINA - OCTOBER 14:") is the photo's own (``scene``), used when the text gives none.
    """

    start: int
    end: int
    place: str
    date_text: str | None
    scene: bool = False


@dataclass(frozen=True)
class DatelineShape:
    """One way a dateline is printed; ``scene`` when it gives the photo's place and date."""

    name: str
    example: str
    pattern: re.Pattern
    scene: bool = False
    #: A part every match holds, searched once in the caption (it opens with one character the engine skips to):
    #: a caption without it is not tried at each line start, where the names' ranges backtrack a long way.
    holds: re.Pattern | None = None


#: What closes a wire's dateline: its agency in brackets, then a dash ("(Xinhua) --", "(Reuters) -").
_AGENCY_THEN_DASH = compiled(r"\([A-Z][A-Za-z ]{1,30}\)\s*[-–—]")

_PLACE_CAPS = r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40})?"

#: Datelines as the wires print them; each pattern matches at the start of the caption.
DATELINE_SHAPES: tuple[DatelineShape, ...] = (
    DatelineShape(
        "Xinhua", "CHINA-XINJIANG-VISIT (CN)\n(230922) -- URUMQI, Sept. 22, 2023 (Xinhua) --",
        compiled(
            r"\s*(?:[A-Z0-9][A-Z0-9 &,.'’/-]{0,120}\([A-Z]{2,3}\)\s*\n\s*)?(?:\(\d{6}\)\s*-{1,2}\s*)?"
            rf"(?P<place>{_PLACE_CAPS}),\s*(?P<date>[^()\n]{{3,30}}?)\s*"
            r"\((?:Xinhua|XINHUA|[A-Z][A-Za-z ]{1,30})\)"
            r"\s*[-–—]{1,2}\s*"
        ),
        holds=_AGENCY_THEN_DASH,
    ),
    DatelineShape(
        "Getty, VCG", "BEIJING, CHINA - OCTOBER 14: / Shanghai, China - October 14, 2025:",
        compiled(rf"\s*(?P<place>[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'’-]{{1,40}}){{0,3}})"
                   r"\s+[-–—]\s+"
                   rf"(?P<date>{_MON}\s*\d{{1,2}}(?:,\s*\d{{4}})?)\s*:\s*"),
        # (the dash opens the part searched, a space before it looked behind: the engine skips to dashes at once)
        scene=True, holds=compiled(rf"[-–—](?<=\s[-–—])\s+{_MON}\s*\d"),
    ),
    DatelineShape(
        "USA TODAY Sports", "Dec 11, 2011; Green Bay, WI, USA; / Nov 15, 2020; Augusta, Georgia, USA;",
        # (the USA TODAY network's sport desk opens with the day, then the town, its state and the country, each
        # closed by a semicolon: the photo's own place and date, as a picture desk's dateline)
        compiled(rf"\s*(?P<date>{_MON}\.?\s*\d{{1,2}},\s*(?:19|20)\d\d)\s*;\s*"
                 r"(?P<place>[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40}){1,3})\s*;\s*"),
        scene=True, holds=compiled(r";(?<=\d;)\s*[A-Z][A-Za-z .'’-]{1,40},"),
    ),
    DatelineShape(
        "wire story", "BEIJING (Reuters) -",
        compiled(rf"\s*(?P<place>{_PLACE_CAPS})\s*\((?:Reuters|AP|AFP|Xinhua|Bloomberg)\)"
                   r"\s*[-–—]{1,2}\s*"),
        holds=_AGENCY_THEN_DASH,
    ),
    DatelineShape(
        "armed forces", "191108-N-PH222-0050 SAN DIEGO (Nov. 8, 2019) / PORT CANAVERAL, Fla. (Sept. 24, 2020)",
        # (the services' public affairs write where and when the picture was taken, the date in brackets, after
        # the picture's number when it is on the same line)
        compiled(rf"\s*(?:\d{{6}}-[A-Z]-[A-Z0-9]{{3,8}}-\d{{1,5}}\s+)?(?P<place>{_PLACE_CAPS})\s*"
                 rf"\((?P<date>{_MON}\.?\s*\d{{1,2}},\s*(?:19|20)\d\d)\)\s*"),
        scene=True, holds=compiled(rf"\((?:{_MON})\.?\s*\d{{1,2}},\s*(?:19|20)\d\d\)"),
    ),
    DatelineShape(
        "slug line only", "CHINA-XINJIANG-FOREIGN JOURNALISTS-VISIT (CN)",
        compiled(r"\s*(?P<place>)(?P<date>)[A-Z0-9][A-Z0-9 &,.'’/-]{0,120}\([A-Z]{2,3}\)\s*\n"),
        holds=compiled(r"\([A-Z]{2,3}\)\s*\n"),
    ),
)


_DATELINE_PARTS = tuple(dict.fromkeys(shape.holds for shape in DATELINE_SHAPES if shape.holds is not None))


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the head of the caption, if any.

    >>> find_dateline("URUMQI, Sept. 22, 2023 (Xinhua) -- A resident ...")
    Dateline(start=0, end=35, place='URUMQI', date_text='Sept. 22, 2023', scene=False)
    >>> find_dateline("Cotton harvest\\nURUMQI, Sept. 22 (Xinhua) -- A resident ...").start
    15
    """
    held = {part for part in _DATELINE_PARTS if part.search(text)}  # (each searched once: two shapes share one)
    shapes = [shape for shape in DATELINE_SHAPES if shape.holds is None or shape.holds in held]
    if not shapes:
        return None
    for at in _line_starts(text):
        for shape in shapes:
            match = shape.pattern.match(text, at)
            if match:
                date = (match.groupdict().get("date") or "").strip() or None  # ("BEIJING (Reuters) -": none)
                return Dateline(at, match.end(), match.group("place").strip(), date, shape.scene)
    return None


#: How far down a dateline may open a line: below a headline or a page's source line or two
#: ("China launches new satellite\nJIUQUAN, Oct. 13, 2023 (Xinhua) -- ...").
_DATELINE_LINES = 4
_DATELINE_REACH = 400


def _line_starts(text: str) -> list[int]:
    """The caption's start and the starts of its next few lines, where a dateline may open."""
    starts = [0]
    at = text.find("\n", 0, _DATELINE_REACH)
    while at >= 0 and len(starts) < _DATELINE_LINES:
        starts.append(at + 1)
        at = text.find("\n", at + 1, _DATELINE_REACH)
    return starts
