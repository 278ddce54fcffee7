"""The scene's place phrase is the best of a scored list of candidates (catalog/captions/place_scores.py), with
weights read as data from catalog/rules/place_evidence.toml; below the threshold the parser abstains and says
why. Captions written for these tests."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from catalog.captions import parse, place_scores
from catalog.captions.place_chains import read_chains
from catalog.captions.rules import load_rules
from catalog.captions.text import tokens
from catalog.errors import CatalogError


def scored(text: str, weights: Mapping[str, float] | None = None,
           ) -> tuple[place_scores.Scored | None, list[place_scores.Scored]]:
    date = text.index("March 7")
    return place_scores.choose(read_chains(tokens(text, 0, len(text))), text, (date, date + 13), len(text),
                               weights)


NEAR_AND_IN = "Riders rest near Braga, Portugal, then ride the stage at Porto Stadium in Lisbon, March 7, 2025."


def test_the_best_candidate_is_kept_and_each_candidate_says_its_signals():
    best, candidates = scored(NEAR_AND_IN)
    assert [c.chain.prep for c in candidates] == ["near", "at"]
    assert best is candidates[1]
    assert "near -20" in candidates[0].why()
    assert best.score > candidates[0].score


def test_the_weights_are_data():
    weights = dict(place_scores.weights())
    free = {**weights, "near": 0.0, "per_100_characters_from_the_date": 0.0}
    best, candidates = scored(NEAR_AND_IN, free)
    assert best is candidates[0]  # neither "near" nor the distance costs anything: the first of equals
    assert scored(NEAR_AND_IN, {**weights, "threshold": 10.0})[0] is None


def test_the_default_weights_name_every_signal():
    weights = place_scores.weights()
    for name in ("threshold", "unknown_alone", "listed", "one_of_a_pair", "near", "after_background",
                 "unknown_names_only", "known_country", "known_province", "known_city_per_digit", "larger_place",
                 "per_100_characters_from_the_date", "distance_cap"):
        assert isinstance(weights[name], float), name


@pytest.mark.parametrize("text, reason", [
    ("Shoppers queue in Quorvantia for the sale, March 7, 2025. (AP Photo/Ann Ray)", "one unknown name alone -100"),
    ("Fans gather in Lisbon and Madrid on Friday, March 7, 2025. (AP Photo/Ann Ray)", "one of a pair of places -100"),
])
def test_below_the_threshold_no_place_is_read_and_explain_says_why(text, reason):
    facts = parse(text, explain=True)
    assert facts.location.city is None
    assert any("below the threshold" in note and reason in note for note in facts.notes), facts.notes


def test_a_values_evidence_weights_are_data_a_house_file_may_change():
    text = "Lanterns hang over Vollmer Lane in Quorvantia during the festival, March 7, 2025. (AP Photo/Ann Ray)"
    assert parse(text).location.city is None  # a name nothing knows nor places: left out
    trusting = load_rules(text="[place_weights.value_scores]\nthreshold = 0\n")
    assert parse(text, trusting).location.city == "Quorvantia"  # a newsroom that trusts position alone keeps it
    assert parse(text).location.city is None  # the shipped rules are untouched


def test_a_house_file_moves_the_scene_phrase_by_its_weights():
    near_first = "Riders rest near Braga, Portugal, then ride at Porto Stadium in Lisbon, March 7, 2025."
    assert parse(near_first).location.city == "Lisbon"
    free = load_rules(text="[place_weights.scores]\nnear = 0\nper_100_characters_from_the_date = 0\n")
    assert parse(near_first, free).location.city == "Braga"


@pytest.mark.parametrize("house, message", [
    ("[place_weights.scores]\nnearby = -5\n", "place_weights.scores.nearby is no weight"),
    ("[place_weights.scores]\nnear = \"far\"\n", "place_weights.scores.near must be a number"),
    ("[place_weights.scores]\nnear = true\n", "place_weights.scores.near must be a number"),
    ("[place_weights.sounds]\nnear = 1\n", "not 'sounds'"),
    ("place_weights = 3\n", "[place_weights] must be a table"),
])
def test_a_house_file_with_a_weight_that_is_not_one_is_refused(house, message):
    with pytest.raises(CatalogError) as refused:
        load_rules(text=house, origin="house.toml")
    assert message in str(refused.value) and "house.toml" in str(refused.value)


@pytest.mark.parametrize("text, city", [
    # the photo's date right after the name: the scene's town and day written together
    ("Fishermen mend nets at the Harbour Market in Quorvantia on Friday, March 7, 2025. (AP Photo/Ann Ray)",
     "Quorvantia"),
    # a clause between the name and the date: nothing but its position places it
    ("Fishermen mend nets at the Harbour Market in Quorvantia as a storm nears, March 7, 2025. (AP Photo/Ann Ray)",
     None),
    # "the" before the name: a sea or a region, not a town
    ("Sailors rest on Varnholt Island in the Quorvantic on Friday, March 7, 2025. (AP Photo/Ann Ray)", None),
    # one unknown name alone is no scene when other words follow it ...
    ("Shoppers queue in Quorvantia for the sale on Friday, March 7, 2025. (AP Photo/Ann Ray)", None),
    # ... but it is a town right after "in" and right before the photo's time (place_scores.town_by_its_shape)
    ("Shoppers queue in Quorvantia on Friday, March 7, 2025. (AP Photo/Ann Ray)", "Quorvantia"),
])
def test_a_city_the_date_follows_is_kept_on_that_evidence(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # right after "in", then the photo's time or the sentence's end, no other city named: a town no table knows
    ("Farmers bring in the hay in Quorvantia in August 1961. This photo was sent in by Ann Ray", "Quorvantia"),
    ("A burnt-out van sits by the road in Quorvantia over the weekend. - Photo courtesy of the police", "Quorvantia"),
    ("Dancers take part in a powwow on Saturday, May 3, 2025 in Quorvantia First Nation.", "Quorvantia First Nation"),
    ("Visitors look over the stalls on Sunday morning in Quorvantia.", "Quorvantia"),
    ("A cherry tree blooms in Quorvantia, the 'gateway to the peaks', with snow behind it.", "Quorvantia"),
    # a district of the city named after it: the district is no town, the city it is the heart of is the city
    ("Sunset in Quorvantia, the heart of old Lisbon.", "Lisbon"),
    # a clause of what happened after the name is no town's shape: a district, a region or a club stands there too
    ("Neighbours clear debris in Quorvantia after a tornado tore through overnight.", None),
    ("Fans gather in Quorvantia, where the club was founded in 1902.", None),
    ("Fans gather in Quorvantia as the club marks its centenary.", None),
    # a language after "in" is no town, by its shape or by GeoNames' small towns of its name ("English, Indiana")
    ("The notice on the door is written in Swahili.", None),
    ("The notice on the door is written in English.", None),
    # a city the gazetteer knows named elsewhere: the name may be one of its districts
    ("A doorway in Quorvantia. Quorvantia was Lisbon's old Jewish quarter.", None),
    # a known city opening the name: a site of that city
    ("The old ship in Lisbon Harbour Quorvantia.", None),
    # other words after it, "the" or an owner before it, an acronym, a digit: no town's shape
    ("Dancers spin in Quorvantia into the early hours on Friday.", None),
    ("Hikers rest in the Quorvantia on Friday.", None),
    ("Posters line a road in the capital's Quorvantia on Friday.", None),
    ("Delegates meet in QRV on Friday.", None),
    ("Posters for the Quorvantia-10 seat line a road in Quorvantia-10 on Friday.", None),
])
def test_a_lone_name_written_as_a_town_is_the_city(text, city):
    assert parse(text).location.city == city


def test_the_town_shape_is_a_weight_a_house_file_may_set_to_nothing():
    text = "A burnt-out van sits by the road in Quorvantia over the weekend."
    assert parse(text).location.city == "Quorvantia"
    house = load_rules(text="[place_weights.scores]\ntown_by_shape = 0\n"
                            "[place_weights.value_scores]\ntown_by_shape = 0\n")
    assert parse(text, house).location.city is None


def test_a_name_written_again_is_a_signal_a_house_file_may_weigh():
    text = ("A cherry tree blooms in Quorvantia for the spring fair, March 7, 2025. Traders in the Quorvantia bazaar "
            "wait. (AP Photo/Ann Ray)")
    assert parse(text).location.city is None  # shipped: the signal weighs nothing (no gain out of fold)
    house = load_rules(text="[place_weights.scores]\nnamed_again = 110\n"
                            "[place_weights.value_scores]\nnamed_again = 1\n")
    assert parse(text, house).location.city == "Quorvantia"
