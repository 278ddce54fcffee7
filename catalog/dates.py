"""Dates at partial precision: what a stored ISO value covers, and the date ranges people type in queries.

A stored date is ISO 8601 at the precision known; it covers a span of days:

>>> span("2025-10")
('2025-10-01', '2025-10-31')
>>> span("2025-10-14T10:32:00+08:00")
('2025-10-14', '2025-10-14')

A query date is any of the forms below, and gives the span it means (``today`` is passed in for tests):

>>> parse_query_date("2025-08-01..2025-10-31")
('2025-08-01', '2025-10-31')
>>> parse_query_date("Oct. 14, 2025")
('2025-10-14', '2025-10-14')
>>> parse_query_date("2025-W42")
('2025-10-13', '2025-10-19')
>>> parse_query_date("2025-09..")
('2025-09-01', None)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

#: English month names, as written in queries and captions (spelled out here rather than read from the
#: `calendar` module, whose names follow the C library's locale and whose import every command would pay).
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
#: Week days, by their first three letters: a date written "Tuesday 14 October 2025" names its day as well.
_DAY_NAMES = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
MONTHS = {
    name: number
    for number, full in enumerate(_MONTH_NAMES, start=1)
    for name in (full, full[:3], *(("sept",) if number == 9 else ()))
}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I)
_RELATIVE = re.compile(r"^-(\d+)([dwmy])$", re.I)
_WORDS = re.compile(r"[a-z]+|\d+", re.I)


class DateError(ValueError):
    """A date that cannot be understood; the message says what was expected."""


def span(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day an ISO date at any precision covers; (None, None) when unknown or malformed."""
    if not value:
        return None, None
    match = _ISO.match(value.strip())
    if not match:
        return None, None
    try:
        return _span_of(int(match[1]), int(match[2]) if match[2] else None, int(match[3]) if match[3] else None)
    except ValueError:
        return None, None


def precision(value: str | None) -> str | None:
    """'year', 'month', 'day' or 'time' for a stored ISO value; None when `span` finds none (unknown, malformed,
    or a day that does not exist). A table of thousands of photos asks once per photo: the day is checked
    without working out the span's ends."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    try:
        date(int(match[1]), int(match[2] or 1), int(match[3] or 1))  # as _span_of: ValueError for no such day
    except ValueError:
        return None
    if "T" in value or " " in value.strip():
        return "time"
    return {1: "year", 2: "month", 3: "day"}.get(len(value.split("-")))


#: A month and day as captions write them without a year: "Oct. 14", "14 October"; "10月14日".
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([A-Za-z]+)")
_CHINESE_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def with_year(date_text: str, year: str) -> str | None:
    """A yearless date completed with `year` (the file's own): 'Oct. 14' + '2025' -> '2025-10-14', '10月14日'
    likewise; None when the text is not a month and day, or the day does not exist in that year.

    >>> with_year("Oct. 14", "2025"), with_year("10月14日", "2025"), with_year("Feb. 29", "2025")
    ('2025-10-14', '2025-10-14', None)
    """
    chinese = _CHINESE_MONTH_DAY.search(date_text)
    if chinese:
        candidate = f"{year}-{int(chinese[1]):02d}-{int(chinese[2]):02d}"
        return candidate if span(candidate)[0] else None
    match = _MONTH_DAY.search(date_text)
    if not match:
        return None
    month_name, day = (match[1], match[2]) if match[1] else (match[4], match[3])
    month = MONTHS.get(month_name.lower())
    if not month:
        return None
    candidate = f"{year}-{month:02d}-{int(day):02d}"
    return candidate if span(candidate)[0] else None


def _span_of(year: int, month: int | None, day: int | None) -> tuple[str, str]:
    if month is None:
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    if day is None:
        first = date(year, month, 1)  # ValueError for a month that does not exist
        last = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
        return first.isoformat(), last.isoformat()
    one = date(year, month, day).isoformat()
    return one, one


def parse_query_date(text: str, today: date | None = None) -> tuple[str | None, str | None]:
    """A query's date or range as (first day, last day), either end None when open.

    Accepts ``2025``, ``2025-10``, ``2025-10-14``, ``October 2025``, ``14 October 2025``,
    ``Oct. 14, 2025``, ``2025-W42``, ``today``, ``yesterday``, ``-7d`` (seven days ago), and ranges
    ``A..B``, ``A..``, ``..B`` of any of those. Raises DateError with a readable message otherwise.
    """
    today = today or date.today()
    text = text.strip()
    if ".." in text:
        left, _, right = text.partition("..")
        if not left.strip() and not right.strip():
            raise DateError("a range needs a date on at least one side of '..'")
        start = _one(left, today)[0] if left.strip() else None
        end = _one(right, today)[1] if right.strip() else None
        if start and end and start > end:
            raise DateError(f"the range starts ({start}) after it ends ({end})")
        return start, end
    return _one(text, today)


def _one(text: str, today: date) -> tuple[str, str]:
    text = text.strip().strip('"').strip()
    lowered = text.lower()
    if lowered in ("today", "yesterday"):
        day = today - timedelta(days=1 if lowered == "yesterday" else 0)
        return day.isoformat(), day.isoformat()
    relative = _RELATIVE.match(text)
    if relative:
        count, unit = int(relative[1]), relative[2].lower()
        days = count * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]
        try:
            day = today - timedelta(days=days)
        except OverflowError:  # -999999999d: before the year 1, or more days than a timedelta holds
            raise DateError(f"{text!r} reaches back before the year 1") from None
        return day.isoformat(), day.isoformat()
    week = _WEEK.match(text)
    if week:
        try:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError as error:
            raise DateError(f"{text!r} is not a week of that year") from error
        sunday = monday + timedelta(days=6) if monday < date.max - timedelta(days=6) else date.max  # 9999-W52
        return monday.isoformat(), sunday.isoformat()
    iso = _ISO.match(text)
    if iso and "T" not in text and " " not in text:
        try:
            return _span_of(int(iso[1]), int(iso[2]) if iso[2] else None, int(iso[3]) if iso[3] else None)
        except ValueError as error:
            raise DateError(f"{text!r} is not a real date") from error
    return _words(text)


def _words(text: str) -> tuple[str, str]:
    """'October 2025', '14 October 2025', 'Oct. 14, 2025' (weekday names are ignored)."""
    year = month = day = None
    for word in _WORDS.findall(text):
        lowered = word.lower()
        if lowered in MONTHS and month is None:
            month = MONTHS[lowered]
        elif word.isdigit() and len(word) == 4 and year is None:
            year = int(word)
        elif word.isdigit() and len(word) <= 2 and day is None:
            day = int(word)
        elif lowered[:3] in _DAY_NAMES:
            continue
        else:
            raise DateError(
                f"{text!r} is not a date: use 2025-10-14, 2025-10, 2025, 'October 2025', 'Oct. 14, 2025', "
                "2025-W42, today or -7d, or a range A..B"
            )
    if year is None:
        raise DateError(f"{text!r} has no year: write it with one, e.g. 'Oct. 14, 2025'")
    if day is not None and month is None:
        raise DateError(f"{text!r} has a day but no month")
    try:
        return _span_of(year, month, day)
    except ValueError as error:
        raise DateError(f"{text!r} is not a real date") from error
