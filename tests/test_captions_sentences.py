"""The credit reader's test that a candidate is a description's sentence (credit_reader.a_sentence): it may
refuse a candidate before its reading only where the full reading refuses it too. Captions written for these
tests, and every candidate the spots propose in some of the labelled ones."""

from __future__ import annotations

import pytest

import catalog.captions.credit_reader as credit_reader
from catalog.captions.credits import CREDIT_SPOTS
from catalog.captions.rules import default_rules
from tools.evaluate_captions import our_items


@pytest.fixture(scope="module")
def rules():
    return default_rules()


def _full_reading(raw: str, rules) -> credit_reader.Reading | None:
    """`_read_credit` with its test switched off: what the full reading makes of the text."""
    test = credit_reader.a_sentence
    credit_reader.a_sentence = lambda *given: False
    try:
        return credit_reader._read_credit(raw, rules)
    finally:
        credit_reader.a_sentence = test


@pytest.mark.parametrize("why, text", [
    ("a person's name", "Mirela Tovar"),
    ("a body's name with its small words", "Quorva Trust for the Study of Wetlands"),
    ("a local body written in small letters", "Velmora regional military administration"),
    ("an agency's name in small letters", "the associated press"),
    ("a name in small letters after a lead-in", "photo: tarvo lind"),
    ("a slash between a name and an outlet", "we were there / Quorva Ledger"),
    ("a picture's word after the outlet", "Quorva Ledger staff photo"),
    ("a handle", "kite shots over the bay @tarvolind"),
    ("a name and a note in brackets", "Tarvo Lind (who took it from the roof)"),
])
def test_a_text_that_may_read_as_a_credit_is_read(rules, why, text):
    assert not credit_reader.a_sentence(text, rules), why


@pytest.mark.parametrize("text", [
    "Fishermen mend their nets on the shore.",
    "A child waves a flag at the parade in Velmora.",
    "Old mill beside the Quorva river, restored last year",
    "The stalls sell dried fruit and spices",
])
def test_a_sentence_is_refused_before_its_reading(rules, text):
    assert credit_reader.a_sentence(text, rules)
    assert _full_reading(text, rules) is None


def test_every_candidate_refused_reads_as_nothing(rules):
    """Every candidate every spot proposes in every tenth English tune caption: those the test refuses read as
    nothing in full."""
    refused = 0
    for _, _, item in our_items("en", "tune")[::10]:
        for spot in CREDIT_SPOTS:
            for candidate in spot.find(item["text"], rules):
                if credit_reader.a_sentence(candidate.content, rules):
                    refused += 1
                    assert _full_reading(candidate.content, rules) is None, candidate.content[:60]
    assert refused > 40


def test_a_house_lead_in_and_agency_words_are_known():
    """A house's own opening words and agency names, in small letters, count as the readers' words."""
    from catalog.captions.rules import load_rules

    text = "lent from the mirwald holdings"
    assert credit_reader.a_sentence(text, default_rules())
    rules = load_rules(text='[[credit_words.lead_in]]\npattern = \'lent\\s+from\\s+\'\nrole = "provider"\n'
                            'example = "lent from the Mirwald Holdings"\n'
                            '[agencies]\n"Mirwald Holdings" = "Mirwald"\n')
    assert not credit_reader.a_sentence(text, rules)
