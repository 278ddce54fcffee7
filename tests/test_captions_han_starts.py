"""The Chinese place reader's test that no name begins at a chain's start (chinese_chain.no_name_begins, with
catalog.captions.han_name_starts): it may rule a start out only where the full reading finds no unit. Captions
written for these tests, and every start of some of the labelled ones."""

from __future__ import annotations

import pytest

import catalog.captions.chinese_chain as chinese_chain
from catalog.captions.chinese_words import simplified, words_for
from catalog.captions.han_name_starts import gazetteer_name_starts
from catalog.captions.rules import default_rules
from tests.helpers import han_tune_starts


@pytest.fixture(scope="module")
def reader():
    return words_for(default_rules())


def test_the_gazetteers_name_starts():
    starts = gazetteer_name_starts()
    assert {"纽约", "岳阳", "麗江", "丽江"} <= starts  # (岳阳 as GeoNames' 岳阳市; 丽江 as 麗江 simplified)
    assert not {"游客", "记者", "市民"} & starts


def _full_reading(text: str, at: int, end: int, reader) -> chinese_chain.Element | None:
    """`unit_at` with no unit before it, its test switched off: what the full reading finds at `at`."""
    words, patterns = reader
    test = chinese_chain.no_name_begins
    chinese_chain.no_name_begins = lambda *given: False
    try:
        found = chinese_chain.unit_at(text, simplified(text), at, end, words, patterns, [])
    finally:
        chinese_chain.no_name_begins = test
    return found[0] if found else None


@pytest.mark.parametrize("why, text, at", [
    ("a bare city the gazetteer knows", "游客在宜宾街头", 3),
    ("a city GeoNames names only with 市", "游客在岳阳游玩", 3),
    ("a unit's suffix ahead, after a name no list holds", "村民在汤池镇赶集", 3),
    ("a county known by its readings, alone in its clause", "在都江堰，游客...", 1),
    ("a county known by its readings, before a venue's name", "都江堰青城山景区", 0),
    ("a county known by its readings, before what is held there", "各界在都江堰举行大会", 3),
    ("a province of the word lists", "在安徽合肥", 1),
])
def test_a_start_where_a_name_begins_is_read(reader, why, text, at):
    words, patterns = reader
    plain = simplified(text)
    assert not chinese_chain.no_name_begins(plain, at, len(plain), words, patterns), why
    assert _full_reading(text, at, len(plain), reader) is not None, why


@pytest.mark.parametrize("text, at", [
    ("游客在湖边散步", 0), ("记者从现场发回报道", 0), ("2023年游客", 0), ("在井冈山，游客", 1)])
def test_a_start_where_no_name_begins_is_ruled_out(reader, text, at):
    words, patterns = reader
    plain = simplified(text)
    assert chinese_chain.no_name_begins(plain, at, len(plain), words, patterns)
    assert _full_reading(text, at, len(plain), reader) is None


def test_every_start_ruled_out_reads_no_unit(reader):
    """At every start of every twentieth Chinese tune caption, to each stop and to the caption's end."""
    words, patterns = reader
    ruled_out = 0
    for text, plain, at, end in han_tune_starts("[。；;\n]"):
        if chinese_chain.no_name_begins(plain, at, end, words, patterns):
            ruled_out += 1
            assert _full_reading(text, at, end, reader) is None, (plain[at:at + 10], end)
    assert ruled_out > 500
