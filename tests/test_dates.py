"""Query dates and stored partial dates."""

from datetime import date

import pytest

from catalog.dates import DateError, parse_query_date, precision, span

TODAY = date(2025, 10, 20)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025", ("2025-01-01", "2025-12-31")),
        ("2025-10", ("2025-10-01", "2025-10-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2025-10-14", ("2025-10-14", "2025-10-14")),
        ("2025-08-01..2025-10-31", ("2025-08-01", "2025-10-31")),
        ("2025-09..", ("2025-09-01", None)),
        ("..2025-09", (None, "2025-09-30")),
        ("October 2025", ("2025-10-01", "2025-10-31")),
        ("14 October 2025", ("2025-10-14", "2025-10-14")),
        ("Oct. 14, 2025", ("2025-10-14", "2025-10-14")),
        ("Sept. 3, 2025", ("2025-09-03", "2025-09-03")),
        ("Tuesday, Oct. 14, 2025", ("2025-10-14", "2025-10-14")),
        ("2025-W42", ("2025-10-13", "2025-10-19")),
        ("today", ("2025-10-20", "2025-10-20")),
        ("yesterday", ("2025-10-19", "2025-10-19")),
        ("-7d..", ("2025-10-13", None)),
        ("-2w..today", ("2025-10-06", "2025-10-20")),
    ],
)
def test_query_dates(text, expected):
    assert parse_query_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("2025-13", "not a real date"),
        ("2025-02-30", "not a real date"),
        ("Octember 2025", "is not a date"),
        ("October", "has no year"),
        ("2025-10..2025-01", "starts"),
        ("..", "at least one side"),
        ("2025-W60", "not a week"),
    ],
)
def test_bad_query_dates_say_why(text, message):
    with pytest.raises(DateError, match=message):
        parse_query_date(text, TODAY)


@pytest.mark.parametrize(
    "stored, expected, kind",
    [
        ("2025", ("2025-01-01", "2025-12-31"), "year"),
        ("2025-10", ("2025-10-01", "2025-10-31"), "month"),
        ("2025-10-14", ("2025-10-14", "2025-10-14"), "day"),
        ("2025-10-14T10:32:00+08:00", ("2025-10-14", "2025-10-14"), "time"),
        ("not a date", (None, None), None),
    ],
)
def test_stored_spans(stored, expected, kind):
    assert span(stored) == expected
    assert precision(stored) == kind
