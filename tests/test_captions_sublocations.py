"""English sublocations: the shapes of a venue the parser must take as the scene (a venue opening the caption
below a line that places nothing, ...) and the shapes it must leave alone, with captions written for these tests."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def sublocation(text: str) -> str | None:
    return parse(text).location.sublocation


@pytest.mark.parametrize("text, expected", [
    # a line of its own that places nothing, above the caption: the venue of the paragraph below it
    ("Early light.\n\nAt Harbour Quay in Galway.\n\nSwimmers wait for the tide to turn.", "Harbour Quay"),
    ("Rowers train before dawn, 3 May 2019.\n\nCrews carry their boats at Riverside Boathouse in Oxford.",
     "Riverside Boathouse"),
])
def test_a_venue_below_a_line_that_places_nothing(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # a paragraph below that only mentions a place in passing gives nothing: no venue opened by "in" or "at"
    "Early light.\n\nThe ferry to Inishmore leaves twice a day in summer.",
    # nor a province named in a background sentence below
    "Anna, 30, and her son.\n\nAnna works for a bakery in neighbouring Hebei province.",
])
def test_the_paragraph_below_gives_no_place_in_passing(text):
    assert parse(text).location.sublocation is None
    assert parse(text).location.province is None


@pytest.mark.parametrize("text, expected", [
    # generic words of venues the word list had missed, each closing a capitalised name after "at the"
    ("A keeper feeds an orphaned elephant at the Lewa Hills Conservancy, north of Nanyuki, on Friday.",
     "Lewa Hills Conservancy"),
    ("Elders greet visitors at the Te Awa Marae, a meeting ground, in Whanganui.", "Te Awa Marae"),
    ("Children play football at the Kibera slum, in Nairobi, Kenya.", "Kibera slum"),
    ("Swimmers train at the Riverview Aquatic Complex in Perth on Monday.", "Riverview Aquatic Complex"),
    ("Tourists toss coins at the Bellamy Fountain in Rome on Sunday.", "Bellamy Fountain"),
    ("Farmers harvest rice from the flooded Tangua Haor in Sunamganj on Saturday.", "Tangua Haor"),
])
def test_generic_venue_words(text, expected):
    assert sublocation(text) == expected


def test_a_generic_word_used_of_a_mind_is_no_venue():
    assert sublocation("Analysts say the Oedipus complex of the party is plain in Berlin.") is None


@pytest.mark.parametrize("text, city", [
    # a county named with the city it belongs to is a level of the map, never the scene's venue
    ("Villagers dry chillies in Luxian county of Baise, Guangxi, on Oct. 2.", "Baise"),
    ("Girls dance in Rongjiang County of Qiandongnan, Guizhou province, on March 3.", "Qiandongnan"),
    # nor is Bangladesh's upazila
    ("Fog lies over the fields in Rajshahi's Paba upazila yesterday.", "Rajshahi"),
])
def test_a_county_is_no_sublocation(text, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (None, city)


def test_a_district_inside_a_city_stays_the_sublocation():
    assert sublocation("Diners queue at a noodle shop in Jing'an District of Shanghai on Monday.") == "Jing'an District"
