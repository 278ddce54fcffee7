"""The Chinese place reader's test that a chain read from a start is sure to find nothing
(chinese_chain._nothing_to_read): it may rule a start out only where the full reading finds no unit and no venue.
Captions written for these tests, and every start of some of the labelled ones."""

from __future__ import annotations

import pytest

import catalog.captions.chinese_chain as chinese_chain
from catalog.captions.chinese_words import simplified, words_for
from catalog.captions.rules import default_rules
from tests.helpers import han_tune_starts


@pytest.fixture(scope="module")
def reader():
    return words_for(default_rules())


def _full_reading(text: str, at: int, end: int, reader) -> tuple[list, str | None]:
    """`read_chain` with its test switched off: what the full reading finds from `at`."""
    words, patterns = reader
    test = chinese_chain._nothing_to_read
    chinese_chain._nothing_to_read = lambda *given: False
    try:
        return chinese_chain.read_chain(text, simplified(text), at, end, words, patterns)
    finally:
        chinese_chain._nothing_to_read = test


@pytest.mark.parametrize("why, text, at", [
    ("a venue word in the name's run", "游客在湖心公园散步", 3),
    ("a venue word after a linking word the name runs over", "游客在颐和园散步", 3),
    ("a venue word after 向, right after 在", "市民在向阳公园晨练", 3),
    ("a gate: two characters and 门", "行人在宣武门街头等候", 3),
    ("a quoted venue", "游客在“水立方”前合影", 3),
    ("a unit's name", "村民在汤池镇赶集", 3),
    ("a unit referred to", "该县宝丰镇的农民", 0),
    ("a kind of city, then its name", "边境小城——密山,游客", 0),
    ("a voltage's grade, then the substation's name", "工人巡检110千伏贵屯变电站", 4),
])
def test_a_start_where_something_may_be_read_is_read(reader, why, text, at):
    words, patterns = reader
    plain = simplified(text)
    assert not chinese_chain._nothing_to_read(plain, at, len(plain), words, patterns), why
    assert _full_reading(text, at, len(plain), reader) != ([], None), why


@pytest.mark.parametrize("text, at", [
    ("游客在湖边散步", 0), ("记者从现场发回报道", 2), ("市民排队购买月饼，公园里", 0), ("志愿者和游客一起劳动", 0),
    ("2023年游客在湖边散步", 0), ("这些游客在湖边散步", 0)])
def test_a_start_with_nothing_to_read_is_ruled_out(reader, text, at):
    words, patterns = reader
    plain = simplified(text)
    assert chinese_chain._nothing_to_read(plain, at, len(plain), words, patterns)
    assert _full_reading(text, at, len(plain), reader) == ([], None)


def test_every_start_ruled_out_reads_nothing(reader):
    """At every start of every twentieth Chinese tune caption, to each stop and to the caption's end."""
    words, patterns = reader
    ruled_out = 0
    for text, plain, at, end in han_tune_starts():
        if chinese_chain._nothing_to_read(plain, at, end, words, patterns):
            ruled_out += 1
            assert _full_reading(text, at, end, reader) == ([], None), (plain[at:at + 10], end)
    assert ruled_out > 500
