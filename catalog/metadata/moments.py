"""Read the moment an embargo ends from the words a wire writes after "EMBARGOED UNTIL".

The words are read one by one (a time, a zone, a date, a weekday, small words such as "on" and "at") and the
reading stops at the first word that is none of these, so the rest of the note is left alone. Zone names,
month and weekday names come from the restriction rules (``catalog/rules/restrictions.toml``, [embargo] and
[zones]); what to do with what is missing is documented there. For example, with a reference date of
2025-10-10 and the shipped rules::

    "0001 GMT OCT 14. NO SALES"               -> 2025-10-14 00:01 UTC, reading "0001 GMT OCT 14"
    "12:01 A.M. EDT, THURSDAY, OCT. 16"       -> 2025-10-16 04:01 UTC
    "14. Oktober 2025, 00:01 Uhr MESZ"        -> 2025-10-13 22:01 UTC
    "9 A.M. BEIJING TIME, OCT. 14"            -> 2025-10-14 01:00 UTC
    "0001 THURSDAY"  (no zone: UTC-12)        -> 2025-10-16 12:01 UTC
    "FURTHER NOTICE"                          -> None (an embargo with no end we can read)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from catalog.patterns import compiled

#: Words that join the parts of a moment and are read past.
CONNECTORS = frozenset({"on", "at", "the", "of", "uhr", "hrs", "hours", "h", "am", "le", "à", "a", "by", "from"})
#: The most characters after the lead-in that can belong to the moment.
MAX_WINDOW = 90

ISO = compiled(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?(?![\w:])")
NUMERIC_DATE = compiled(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)")
OFFSET = compiled(r"(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?![\d:])", re.IGNORECASE)
BARE_OFFSET = compiled(r"[+-]\d{1,2}(?::?\d{2})?(?![\d:])")
CLOCK_12 = compiled(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
CLOCK = compiled(r"(\d{1,2})[:.h](\d{2})(?!\d)(?!\.\d)", re.IGNORECASE)
FOUR_DIGITS = compiled(r"(\d{4})(?!\d)")
DAY = compiled(r"(\d{1,2})(?:st|nd|rd|th|\.)?(?![\w])", re.IGNORECASE)
WORD = compiled(r"[^\W\d_]+\.?", re.UNICODE)
SKIP = compiled(r"[\s,()]+")


@dataclass
class MomentRules:
    """The zone, month and weekday names and the defaults that [embargo] and [zones] give."""

    zones: dict[str, str]  # lower-case name -> "+08:00" or an IANA zone name
    months: dict[str, int]
    weekdays: dict[str, int]
    default_zone: str = "-12:00"
    grace_days: int = 2
    _zone_pattern: re.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        names = sorted(self.zones, key=len, reverse=True)
        self._zone_pattern = compiled(
            r"(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w])", re.IGNORECASE
        )


@dataclass
class _Parts:
    """What has been read so far."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    clock: time | None = None
    zone: tzinfo | None = None
    pending_day: int | None = None  # a number that becomes the day if a month follows it

    def found(self) -> bool:
        return self.month is not None or self.weekday is not None or self.clock is not None


def read_moment(text: str, rules: MomentRules, reference: datetime) -> tuple[datetime | None, int]:
    """The moment (aware, in UTC) the words at the start of ``text`` name, and how many characters were read.

    ``reference`` (aware) is when the note was written: a missing year or date is the next such moment on or
    after it, less the rules' grace days. (None, 0) when the words name no moment.
    """
    parts = _Parts()
    at = used = 0
    window = text[:MAX_WINDOW]
    while at < len(window):
        skip = SKIP.match(window, at)
        if skip:
            at = skip.end()
            if at >= len(window):
                break
        step = _read_one(window, at, parts, rules)
        if step is None:
            break
        at = used = step
    if not parts.found():
        return None, 0
    if parts.pending_day is not None and parts.month is not None and parts.day is None:
        parts.day = parts.pending_day
    return _resolve(parts, rules, reference), used


def _read_one(text: str, at: int, parts: _Parts, rules: MomentRules) -> int | None:
    """Read one part at ``at`` into ``parts``; the position after it, or None at a word that is no part."""
    match = ISO.match(text, at)
    if match:
        parts.year, parts.month, parts.day = int(match[1]), int(match[2]), int(match[3])
        if match[4]:
            _set_clock(parts, int(match[4]), int(match[5]))
        if match[7]:
            _set_zone(parts, _offset_zone("+00:00" if match[7] == "Z" else match[7]))
        return match.end()
    match = NUMERIC_DATE.match(text, at)
    if match and 1 <= int(match[2]) <= 12:
        year = int(match[3])
        parts.day, parts.month, parts.year = int(match[1]), int(match[2]), year + 2000 if year < 100 else year
        return match.end()
    match = rules._zone_pattern.match(text, at)
    if match:
        _set_zone(parts, _zone(rules.zones[" ".join(match[0].lower().split())]))
        offset = OFFSET.match(text, match.end())  # "GMT+8"
        if offset and match[0].upper() in ("GMT", "UTC"):
            _set_zone(parts, _offset_zone(offset[0].strip()), replace=True)
            return offset.end()
        return match.end()
    match = BARE_OFFSET.match(text, at)
    if match:
        _set_zone(parts, _offset_zone(match[0]))
        return match.end()
    match = CLOCK_12.match(text, at)
    if match:
        hour = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0)
        _set_clock(parts, hour, int(match[2] or 0))
        return match.end()
    match = CLOCK.match(text, at)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        _set_clock(parts, int(match[1]), int(match[2]))
        return match.end()
    match = FOUR_DIGITS.match(text, at)
    if match:
        value = int(match[1])
        after_date = parts.month is not None and parts.year is None
        if value >= 2400 or (after_date and value >= 1900):
            parts.year = value
        elif value % 100 < 60:
            _set_clock(parts, value // 100, value % 100)
        else:
            return None
        return match.end()
    match = DAY.match(text, at)
    if match and 1 <= int(match[1]) <= 31:
        if parts.month is not None and parts.day is None:
            parts.day = int(match[1])
        else:
            parts.pending_day = int(match[1])
        return match.end()
    match = WORD.match(text, at)
    if not match:
        return None
    word = match[0].lower().rstrip(".")
    if word in ("noon", "midday", "mittag"):
        _set_clock(parts, 12, 0)
    elif word == "midnight":
        _set_clock(parts, 0, 0)
    elif word in rules.months:
        parts.month = rules.months[word]
        if parts.pending_day is not None:
            parts.day, parts.pending_day = parts.pending_day, None
    elif word in rules.weekdays:
        parts.weekday = rules.weekdays[word]
    elif word not in CONNECTORS:
        return None
    return match.end()


def _set_clock(parts: _Parts, hour: int, minute: int) -> None:
    """The first time read counts; a second one ("2300 HKT (1500 GMT)") says the same in another zone."""
    if parts.clock is None and hour < 24 and minute < 60:
        parts.clock = time(hour, minute)


def _set_zone(parts: _Parts, zone: tzinfo | None, replace: bool = False) -> None:
    """The zone of the first time; a zone read after a second time is that time's, and ignored."""
    if zone is not None and (parts.zone is None or replace):
        parts.zone = zone


@cache
def _zone(value: str) -> tzinfo | None:
    """A zone from an offset ("+08:00", "-5") or an IANA name ("Europe/London")."""
    if value[:1] in "+-":
        return _offset_zone(value)
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _offset_zone(text: str) -> tzinfo | None:
    """ "+08:00", "+0800", "GMT+8", "-5" as a fixed offset."""
    match = OFFSET.fullmatch(text.strip())
    if not match:
        return None
    hours, minutes = int(match[2]), int(match[3] or 0)
    if hours > 14 or minutes >= 60:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if match[1] == "-" else delta)


def _resolve(parts: _Parts, rules: MomentRules, reference: datetime) -> datetime | None:
    """Fill in what the words left out and give the moment in UTC."""
    zone = parts.zone or _zone(rules.default_zone) or UTC
    clock = parts.clock or time(0, 0)
    earliest = reference - timedelta(days=rules.grace_days)
    local_reference = reference.astimezone(zone).date()
    if parts.month is not None and parts.day is not None:
        years = [parts.year] if parts.year else [local_reference.year + i for i in (-1, 0, 1)]
        for year in years:
            try:
                moment = datetime.combine(date(year, parts.month, parts.day), clock, zone)
            except ValueError:
                continue
            if parts.year or moment >= earliest:
                return _later_reading(moment)
        return None
    if parts.month is not None:  # a month with no day: the first of it
        return None
    start = local_reference
    if parts.weekday is not None:
        start += timedelta(days=(parts.weekday - start.weekday()) % 7)
    moment = datetime.combine(start, clock, zone)
    if parts.weekday is None and moment < earliest:
        moment += timedelta(days=1)
    return _later_reading(moment)


def _later_reading(moment: datetime) -> datetime:
    """The moment in UTC; a local time that a zone's clocks show twice (01:30 in London on the night summer time
    ends) as the second, which ends an embargo later, as an abbreviation meaning two zones is read. A time they
    skip (01:30 on the night it begins) is read at the offset before the change, which is the later too.

    >>> london = ZoneInfo("Europe/London")
    >>> _later_reading(datetime(2025, 10, 26, 1, 30, tzinfo=london)).isoformat()
    '2025-10-26T01:30:00+00:00'
    >>> _later_reading(datetime(2025, 3, 30, 1, 30, tzinfo=london)).isoformat()
    '2025-03-30T01:30:00+00:00'
    """
    return max(moment.replace(fold=0).astimezone(UTC), moment.replace(fold=1).astimezone(UTC))
