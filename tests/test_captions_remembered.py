"""What the English readers remember within a caption (issue 14: parse speed, every answer unchanged): the token
lists of the last spans asked for (`text.tokens`) are the plain readings, whatever order they are asked in."""

from __future__ import annotations

import pytest

from catalog.captions import text
from catalog.captions.text import tokens

# Captions written for these tests.
SENTENCES = [
    "Visitors walk past the Quorva Tower in Lindtown, Ore. on Oct. 3, 2024.",
    "Fans gather at St James’ Park and Quorva Square in Newcastle upon Tyne--a first.",
    "Crowds fill Aba Tibetan and Qiang Autonomous Prefecture's main street, W.Va. style.",
    "A boat sails past Pier 13 at the Musee Grevin wax museum in Place de la République, Paris.",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tokens_remembered_are_the_plain_reading(sentence: str) -> None:
    for start, end in [(0, None), (0, len(sentence)), (3, len(sentence) - 2), (len(sentence), None)]:
        first = tokens(sentence, start, end)
        assert first == text._tokens(sentence, start, end)
        assert tokens(sentence, start, end) is first  # the same span again: the list kept


def test_tokens_of_another_text_are_read_anew() -> None:
    a = tokens("Snow in Hefei.")
    b = tokens("Snow in Hefei--today.")
    assert [t.text for t in a] == ["Snow", "in", "Hefei", "."]
    assert b == text._tokens("Snow in Hefei--today.", 0, None) and b is not a
    for n in range(3 * text._RECENT_TOKENS):  # more spans than are kept: each still read right
        sentence = f"Snow falls on Quorva Hill {n} in Hefei."
        assert tokens(sentence) == text._tokens(sentence, 0, None)

