"""Place values the caption parser leaves out because their evidence is weak, with captions written for these tests:
a name no gazetteer level knows and nothing places, a province by position alone, a landmark after "near", a
city named only as an institution's seat. Each row also holds a caption of the same shape whose value has its
evidence, so the abstention cannot grow into losing good values. ``parse-caption --explain`` says why."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def place_of(text: str) -> dict:
    return vars(parse(text).location)


ABSTAINS = [
    ("an unknown name with nothing placing it is no city",  # (the date right after it would place it)
     "Lanterns hang over Vollmer Lane in Quorvantia during the festival, March 7, 2025. (AP Photo/Ann Ray)",
     {"sublocation": "Vollmer Lane", "city": None}),
    ("...a known city in the same shape is kept",
     "Lanterns hang over Vollmer Lane in Lisbon during the festival, March 7, 2025. (AP Photo/Ann Ray)",
     {"sublocation": "Vollmer Lane", "city": "Lisbon"}),
    ("...an unknown name placed by the country after it is kept",
     "Lanterns hang over Vollmer Lane in Quorvantia, Portugal, on Friday, March 7, 2025. (AP Photo/Ann Ray)",
     {"city": "Quorvantia", "country": "Portugal"}),
    ("...an unknown name placed by a reference point is kept",
     "A firefighter runs in Quorvantia, north of Lisbon, March 7, 2025. REUTERS/Ann Ray",
     {"city": "Quorvantia"}),
    ("...an unknown name after a kind of place is kept",
     "A man waits beside a road near the Syrian Kurdish town of Quorvantia, on the border with Turkey.",
     {"city": "Quorvantia"}),
    ("two unknown names: neither is made a city or a province by position",
     "Children play football in Quorvantia, Belmesquita on March 7, 2025. REUTERS/Ann Ray",
     {"city": None, "province": None}),
    ("...an unknown province beside a known country is kept",
     "Children play football in Quorvantia, Belmesquita, Portugal on March 7, 2025. REUTERS/Ann Ray",
     {"city": "Quorvantia", "province": "Belmesquita", "country": "Portugal"}),
    ("a landmark after 'near' is not the sublocation",
     "Pilgrims rest near the Velhorra Cathedral during a festival in Lisbon on March 7, 2025. REUTERS/Ann Ray",
     {"sublocation": None, "city": "Lisbon"}),
    ("...a venue after 'at' is",
     "Pilgrims rest at the Velhorra Market during a festival in Lisbon on March 7, 2025. REUTERS/Ann Ray",
     {"sublocation": "Velhorra Market", "city": "Lisbon"}),
    ("a city named as an institution's seat is not the scene",
     "Divers study corals in a tank built by the University of Lisbon for a survey. (AP Photo/Ann Ray)",
     {"sublocation": None, "city": None}),
    ("...the same city after 'in' is",
     "Divers study corals in a tank in Lisbon for a survey. (AP Photo/Ann Ray)",
     {"city": "Lisbon"}),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in ABSTAINS])
def test_a_place_value_is_kept_only_with_evidence(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, line", [
    ("Lanterns hang over Vollmer Lane in Quorvantia during the festival, March 7, 2025. (AP Photo/Ann Ray)",
     "city 'Quorvantia' left out: no city the gazetteer knows, and no larger place written after it"),
    ("Children play football in Quorvantia, Belmesquita on March 7, 2025. REUTERS/Ann Ray",
     "province 'Belmesquita' left out: a province by its position only; the gazetteer knows no place so called"),
    ("Pilgrims rest near the Velhorra Cathedral during a festival in Lisbon on March 7, 2025. REUTERS/Ann Ray",
     "sublocation 'Velhorra Cathedral' left out: after 'near': a landmark the photo is beside, not the scene"),
])
def test_explain_says_why_a_place_value_was_left_out(text, line):
    assert line in parse(text, explain=True).notes
    sure = text.replace("Quorvantia", "Lisbon").replace("Belmesquita", "Portugal").replace("near the", "at the")
    assert not [note for note in parse(sure, explain=True).notes if "left out" in note]
