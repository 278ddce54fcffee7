"""The English city's miss classes (tools/city_misses.py): a wrong city by what it is against the label, an empty
answer by why no city was read, the who-is-where evidence against a city taken. Captions written for these tests."""

from __future__ import annotations

import pytest

from tools import city_misses as audit


@pytest.mark.parametrize("evidence, step", [
    ("en / scene sentence / known city / in or at / only place named / nothing to check", "scene sentence"),
    ("en / place heading / small city / nothing to check", "place heading"),
    (None, "none"),
])
def test_the_step_that_read_a_city(evidence, step):
    assert audit.step_of(evidence) == step


@pytest.mark.parametrize("got, expected, sublocation, province, text, kind", [
    # the right city with its unit word, or spelled with another space
    ("Quorva district", ["Quorva"], None, None, "Boats in Quorva district.", "the right city written otherwise"),
    ("St. Quorva", ["St.Quorva"], None, None, "Sunset in St.Quorva.", "the right city written otherwise"),
    # the labelled venue, or a part of the right city
    ("Lissadale", [None], "Lissadale", None, "Fans at Lissadale.", "the venue or district"),
    ("Old Nairobi", [None, "Nairobi"], None, None, "A boy in Old Nairobi.", "the venue or district"),
    # the label's province
    ("Quorvania", ["Lissa"], None, "Quorvania", "Lissa, Quorvania.", "a province"),
    # nothing else: the empty answer right, another city written, the label's city not written
    ("Nairobi", [None], None, None, "Paintings from a gallery in Nairobi.", "empty"),
    ("Nairobi", ["Mombasa"], None, None, "A camp near Nairobi, Mombasa.", "another city named"),
    ("Nairobi", ["Kisumu"], None, None, "A camp near Nairobi.", "not written"),
])
def test_what_a_wrong_city_is(got, expected, sublocation, province, text, kind):
    assert audit.wrong_kind(got, expected, sublocation, province, text) == kind


@pytest.mark.parametrize("label, text, kind", [
    ("Quorvabad", "Boats moor in Quorvabad at dusk.", "unknown to the gazetteer"),
    ("Nairobi", "Crowds fill the Nairobi Arboretum.", "known, inside a longer name"),
    ("Nairobi", "Crowds gather in Nairobi as buses leave for Mombasa.", "known, several cities named"),
    ("Nairobi", "Crowds gather in Nairobi.", "known, the only city named"),
    ("Nairobi", "Crowds gather in the capital.", "not written"),
    # a dateline the readers left: after an image number, or with a date range
    ("Quorvabad", "170518-N-1 QUORVABAD (May 18, 2017) A sailor salutes.", "a dateline shape"),
    ("Nairobi", "NAIROBI, JULY 26-27 2013\nFloods rose.", "a dateline shape"),
])
def test_why_no_city_was_read(label, text, kind):
    assert audit.miss_kind(label, text) == kind


def test_the_evidence_against_a_city_taken_is_read_of_each_mention():
    text = "Floods near Nairobi. Heavy rain fell on Nairobi again, and buses run Nairobi to Mombasa."
    assert set(audit.against(text, "Nairobi")) == {"reference", "route"}
    assert audit.against("Crowds gather in Nairobi.", "Nairobi") == ()
    assert audit.against("Crowds gather.", "Nairobi") == ()
