"""English cities: a lone name no table knows, read as a town by its shape, and the cities named elsewhere in the
caption that keep it from being one (a district of a large city), with captions written for these tests."""

from __future__ import annotations

import pytest

from catalog.captions import parse
from catalog.captions.place_scores import _another_city_named


def city(text: str) -> str | None:
    return parse(text).location.city


@pytest.mark.parametrize("text, expected", [
    # a small namesake city elsewhere is a word or a name with a capital: "Most" (Czechia), "Phenix", "Roman",
    # "UN", "University"; the town is read as the lone name's shape reads it
    ("A woman fills a bucket from a tube well in Quorvabad. Most wells there are salty.", "Quorvabad"),
    ("Firefighters joined by crews from Phenix answered a brush fire in Quorvaton that started in a barn.",
     "Quorvaton"),
    ("Quorva Temple in Quorvadeh\n\nRoman builders raised the temple around 120 AD.", "Quorvadeh"),
    ("Children queue for bread in Quorvani on Monday as UN trucks arrive.", "Quorvani"),
    ("Families wait for water at a school in Quorvelu. University students hand out bottles.", "Quorvelu"),
    # a large city named elsewhere still makes the lone name one of its districts, no town
    ("A doorway in Quorvazy. Quorvazy lies south of the old town of Kraków.", None),
    ("Shoppers crowd a market in Quorvimo on Friday, a district of Nairobi.", None),
    # with no city named elsewhere the lone name is read as before
    ("Farmers plant rice in Quorvania.", "Quorvania"),
])
def test_a_town_beside_a_small_namesake_city(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name written after a wide area's descriptor is a region, not the town holding the venue before it
    ("Dancers rest beside the Quorva observatory in remote Quorvania.", None),
    ("Farmers plant rice in rural Quorvania.", None),
    # ... without the descriptor the venue's town is read
    ("Dancers rest beside the Quorva observatory in Quorvania.", "Quorvania"),
])
def test_a_name_after_a_wide_areas_descriptor(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rain in Quorvabad. Most wells are salty.", False),     # Most: 63,000 people, under the floor
    ("Rain in Quorvabad, a district of Nairobi.", True),     # Nairobi: millions
    ("Rain in Quorvabad on Friday, March 7.", False),        # a month, never a city named
    ("Rain in Quorvabad, Kenya.", False),                    # a country is the larger place, no rival
])
def test_the_rival_city_floor(text, expected):
    start = text.index("Quorvabad")
    assert _another_city_named(text, start, start + len("Quorvabad")) is expected
