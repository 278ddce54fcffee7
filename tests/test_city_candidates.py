"""The city-candidate audit (tools/city_candidates.py): every city the gazetteer knows that a caption names, with
general signals read from the words around it, and the kinds of them that pass the bar in sample and out of fold.
Captions written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from catalog.captions.types import Place
from tools import city_candidates as audit


def signals(text: str, read: Place | None = None) -> dict[str, dict[str, str]]:
    return {c.name: c.signals for c in audit.candidates(text, read)}


@pytest.mark.parametrize("text, name, expected", [
    # a chain: the city, then its own country
    ("Boats moor in Mombasa, Kenya, at dusk.", "Mombasa", {"before": "in", "after": "its country"}),
    # the opening of a line, then a possessive
    ("Sunset\nNairobi's skyline glows after the rain.", "Nairobi", {"before": "opening", "after": "possessive"}),
    # inside a longer name, after "the"
    ("Fans wait outside the Nairobi National Park gate.", "Nairobi National Park", None),
    # before the photo's date, after a comma
    ("A market, Kisumu, on Tuesday.", "Kisumu", {"before": "comma", "after": "date"}),
    # after "to", closing the sentence
    ("The buses run to Mombasa.", "Mombasa", {"before": "to", "after": "end"}),
])
def test_the_signals_of_a_named_city(text, name, expected):
    found = signals(text)
    if expected is None:
        assert name not in found  # (the run as written is no city the gazetteer knows)
        return
    assert {k: found[name][k] for k in expected} == expected


def test_a_month_or_a_country_is_no_candidate_and_alone_counts_the_other_cities():
    found = signals("Crowds gather in Nairobi in March as Kenya votes; buses leave for Mombasa.")
    assert set(found) == {"Nairobi", "Mombasa"}  # (March is a town too, Kenya a country)
    assert found["Nairobi"]["alone"] == "no"
    assert signals("Crowds gather in Nairobi in March.")["Nairobi"]["alone"] == "yes"


def test_agreement_with_the_place_read_and_the_scene_read():
    text = "Crowds gather in Nairobi."
    assert signals(text, Place(country="Kenya"))["Nairobi"]["agrees"] == "same"
    assert signals(text, Place(country="Peru"))["Nairobi"]["agrees"] == "other"
    nothing = signals(text)["Nairobi"]
    assert (nothing["agrees"], nothing["scene"]) == ("none", "nothing")
    assert signals(text, Place(sublocation="Uhuru Park"))["Nairobi"]["scene"] == "venue only"


def row(key: int, outcome: str, **kind: str) -> audit.Row:
    candidate = audit.Candidate("Quorva", 0, 6, {s: "x" for s in audit.SIGNALS} | kind)
    return audit.Row(f"t:{key}", "Quorva", None, [(candidate, outcome)], key)


def test_a_kind_passes_only_with_enough_gains_and_no_loss_or_wrong_value():
    rows = [row(k, "gain", before="in") for k in range(3)] + [row(3, "gain", before="to"), row(4, "loss", before="to")]
    kinds = {(keys, kind) for keys, kind, _ in audit.passing(rows, 3, most=1)}
    assert (("before",), ("in",)) in kinds and (("before",), ("to",)) not in kinds
    assert audit.tally(rows, ("before",))[("to",)] == Counter({"gain": 1, "loss": 1})


def test_out_of_fold_a_kind_is_taken_only_on_the_fold_left_out():
    # keys 0-9, two folds: "in" gains on both folds (three rows each), "to" gains on fold 0 and loses on fold 1
    rows = [row(k, "gain", before="in") for k in range(6)]
    rows += [row(k, "gain", before="to") for k in (0, 2, 4)] + [row(k, "loss", before="to") for k in (1, 3, 5)]
    total, each = audit.out_of_fold(rows, 2, 3)
    assert total["gain"] == 6 and total["loss"] == 3
    assert (each[0]["gain"], each[0]["loss"]) == (3, 0)  # fit on fold 1, where "to" loses: only "in" is taken
    assert (each[1]["gain"], each[1]["loss"]) == (3, 3)  # fit on fold 0, where "to" gains: it loses on fold 1
