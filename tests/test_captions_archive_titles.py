"""Archive and photo-library titles the English parser must read (issue 14, captions written for these tests):
a bare year closing the title's places with the description after it in the same paragraph, and the places before
an approximate date ("ca. 1930"). Each row: a case name, the caption, the fields expected."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def found(text: str) -> dict:
    facts = parse(text)
    got = {"date": facts.date, "date_kind": facts.date_kind}
    got.update(vars(facts.location))
    return got


# --- a bare year closing the title's places, a description after it -------------------------------------------

TITLE_YEARS = [
    ("town, year, then a description with older years",
     "The old bridge and the town hall, Chester, 2002. A hall has stood here since 1040, but most of it went up "
     "between 1839 and 1854.",
     {"date": "2002", "date_kind": "taken", "city": "Chester"}),
    ("site and town, year, then one sentence",
     "Boats moored by the quay, Whitby, 1965. The harbour was busy with herring boats then.",
     {"date": "1965", "date_kind": "taken", "city": "Whitby"}),
    ("a venue, year, then a description",
     "Interior, Great Hall, Quorvale Palace, 1900. The oldest of the county's palaces, it stands by the river.",
     {"date": "1900", "date_kind": "taken", "sublocation": "Quorvale Palace"}),
]

#: The same words that must stay undated: the year in a later sentence, or after a name that is no place.
TITLE_YEARS_LEFT = [
    ("a year closing a later sentence is no title's",
     "He came to the town as a boy. He moved to Chester, 2002. Then he left for good.",
     {"date": None}),
    ("a year after a lower-case word",
     "A view from the old quarter, 2002. The quarter was rebuilt later.",
     {"date": None}),
]


@pytest.mark.parametrize(("case", "text", "expected"), TITLE_YEARS + TITLE_YEARS_LEFT,
                         ids=[row[0] for row in TITLE_YEARS + TITLE_YEARS_LEFT])
def test_a_year_closing_the_titles_places(case: str, text: str, expected: dict) -> None:
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


# --- the places before an approximate date ---------------------------------------------------------------------

CIRCA_PLACES = [
    ("town, ca. year",
     "Pupils stage a school play, Charters Towers, ca. 1930.",
     {"date": "1930", "city": "Charters Towers"}),
    ("town, c. year",
     "Pupils stage a school play, Charters Towers, c. 1930.",
     {"date": "1930", "city": "Charters Towers"}),
    ("town and province, ca. year, the line's end",
     "Threshing crews at work, Moose Jaw, Saskatchewan, ca. 1920",
     {"date": "1920", "city": "Moose Jaw", "province": "Saskatchewan"}),
]

#: A name nothing knows stays unread, with or without the approximate date.
CIRCA_LEFT = [
    ("an unknown name before ca.",
     "Pupils stage a school play, Quorvale, ca. 1930.",
     {"date": "1930", "city": None}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CIRCA_PLACES + CIRCA_LEFT,
                         ids=[row[0] for row in CIRCA_PLACES + CIRCA_LEFT])
def test_the_places_before_an_approximate_date(case: str, text: str, expected: dict) -> None:
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got
