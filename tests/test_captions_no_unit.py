"""The Chinese place reader's test that a chain read from a start is sure to hold no unit
(chinese_chain.no_unit_from), asked by the callers that drop a venue read alone (a sentence's later starts): it may
rule a start out only where the full reading finds no unit and no list of places. Captions written for these
tests, and every start of some of the labelled ones."""

from __future__ import annotations

import pytest

import catalog.captions.chinese_chain as chinese_chain
from catalog.captions.chinese_words import simplified, words_for
from catalog.captions.rules import default_rules
from tests.helpers import han_tune_starts


@pytest.fixture(scope="module")
def reader():
    return words_for(default_rules())


def _units_read(text: str, at: int, end: int, reader) -> tuple[list, bool]:
    """The units `read_chain` reads from `at`, and whether it reads a list of places."""
    words, patterns = reader
    elements, venue = chinese_chain.read_chain(text, simplified(text), at, end, words, patterns)
    return elements, venue == chinese_chain.A_LIST


@pytest.mark.parametrize("why, text, at", [
    ("a unit's name", "村民在汤池镇赶集", 3),
    ("a unit referred to", "该县宝丰镇的农民", 0),
    ("a kind of city, then its name", "边境小城——密山,游客", 0),
    ("a verb run into a unit's name", "航拍穿沈阳市而过的浑河", 2),
    ("a river's stretch after the venue read", "游船驶过长江南京段的江面", 4),
    ("a list of places", "美国纽约、费城等城市", 0),
])
def test_a_start_where_a_unit_may_be_read_is_read(reader, why, text, at):
    words, patterns = reader
    plain = simplified(text)
    assert not chinese_chain.no_unit_from(text, plain, at, len(plain), words, patterns), why
    assert _units_read(text, at, len(plain), reader) != ([], False), why


@pytest.mark.parametrize("text, at", [
    ("游客在湖心公园散步", 3), ("游客在湖边散步", 0), ("市民在中华书法学会展厅参观", 3),
    ("市民排队购买月饼，公园里", 0), ("  游客在颐和园散步", 0), ("，游客在颐和园散步", 0),
    ("游客在“水立方”前合影", 3), ("记者从现场发回报道", 2), ("2023年游客在湖边散步", 0)])
def test_a_start_with_no_unit_is_ruled_out(reader, text, at):
    words, patterns = reader
    plain = simplified(text)
    assert chinese_chain.no_unit_from(text, plain, at, len(plain), words, patterns)
    assert _units_read(text, at, len(plain), reader) == ([], False)


def test_every_start_ruled_out_reads_no_unit(reader):
    """At every start of every twentieth Chinese tune caption, to each stop and to the caption's end."""
    words, patterns = reader
    ruled_out = 0
    for text, plain, at, end in han_tune_starts():
        if chinese_chain.no_unit_from(text, plain, at, end, words, patterns):
            ruled_out += 1
            assert _units_read(text, at, end, reader) == ([], False), (plain[at:at + 10], end)
    assert ruled_out > 500
