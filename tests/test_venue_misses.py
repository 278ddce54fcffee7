"""The English sublocation's miss kinds (tools/venue_misses.py): a missed venue by what the place chains read of it,
a venue taken by its evidence kind. Captions written for these tests."""

from __future__ import annotations

import pytest

from tools import venue_misses as audit


@pytest.mark.parametrize("text, expected, kind", [
    # a chain reads the label as a venue, and no step took it (here: "near" a landmark)
    ("Fans wait near the Quorva Stadium in Lisbon, Portugal.", ["Quorva Stadium"], "read as a venue"),
    # a chain reads it as a place of another level: the city field's question
    ("Boats moor in Lisbon at dusk.", ["Lisbon"], "read as another level"),
    # no chain reads it: by the venue word it holds
    ("A screen at JAXA's Quorva Space Station tracks the rocket.", ["Quorva Space Station"],
     "unread, a capitalised venue word"),
    ("Staff have been surveying the Quorva stadium for damage.", ["Quorva stadium"],
     "unread, a venue word in small letters"),
    ("Quorvagrad above the clouds, seen from the road.", ["Quorvagrad"], "unread, no venue word"),
    # the label is not written as labelled
    ("A fisherman mends his nets.", ["Quorva Harbour"], "not written"),
])
def test_why_no_venue_was_read(text, expected, kind):
    assert audit.miss_kind(text, expected) == kind


@pytest.mark.parametrize("evidence, kind", [
    ("en / scene sentence / another phrase / venue / in or at", "scene sentence / another phrase / venue / in or at"),
    ("en / place heading / venue", "place heading / venue"),
    (None, "none"),
])
def test_the_evidence_kind_of_a_venue_taken(evidence, kind):
    assert audit.evidence_kind(evidence) == kind


def test_a_name_read_matches_the_label_as_the_scoring_does():
    assert audit.holds("the Quorva Park area", ["quorva park"])
    assert audit.holds("Quorva Park", ["quorva park area"])
    assert not audit.holds("Lindt Park", ["quorva park"])
