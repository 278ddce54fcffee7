"""The Chinese credit-swap probe (tools/credit_swap_zh.py): variants with the photographer and the outlet of a
Chinese credit swapped for invented ones of the same kind, in the caption's script, labels changed to match and the
rest of the caption left alone. Captions written for these tests."""

from __future__ import annotations

import random

from tools import credit_swap_zh as probe

CAPTION = {
    "text": "10月3日,游客在合肥市骆岗公园游览。新华社记者 林某某 摄",
    "credit": {"photographer": "林某某", "agency": "Xinhua", "provider": None, "raw": "新华社记者 林某某 摄"},
    "date": None, "date_text": "10月3日", "date_kind": "taken",
    "location": {"sublocation": "骆岗公园", "city": "合肥", "province": None, "country": None},
}
TRADITIONAL = {**CAPTION, "text": "10月3日,遊客在台北市大安森林公園散步。新華社記者 林某某 攝",
               "credit": {**CAPTION["credit"], "raw": "新華社記者 林某某 攝"},
               "location": {"sublocation": "大安森林公園", "city": "台北", "province": None, "country": None}}


def test_a_photographer_is_swapped_inside_the_credit():
    variants = probe.person_variants(CAPTION, random.Random(1), 5)
    assert len(variants) == 5
    for _kind, item, [(old, new)] in variants:
        assert old == "林某某" and item["credit"]["photographer"] == new and 2 <= len(new) <= 4
        assert item["text"] == f"10月3日,游客在合肥市骆岗公园游览。新华社记者 {new} 摄"
        assert item["credit"]["agency"] == "Xinhua" and item["location"] == CAPTION["location"]


def test_an_outlet_is_swapped_for_an_invented_one_written_in_the_captions_script():
    for kind, item, [(old, new)] in probe.outlet_variants(CAPTION, random.Random(2), 5):
        assert old == "新华社" and item["credit"]["agency"] == new and item["credit"]["raw"] == f"{new}记者 林某某 摄"
        assert new.endswith(probe.OUTLET_SHAPES[kind.partition(":")[2]][0])
    for kind, item, [(old, new)] in probe.outlet_variants(TRADITIONAL, random.Random(3), 5):
        assert old == "新華社" and new.endswith(probe.OUTLET_SHAPES[kind.partition(":")[2]][1])
        assert item["credit"]["photographer"] == "林某某"


def test_the_same_seed_gives_the_same_variants():
    first = probe.make_probe([CAPTION, TRADITIONAL], seed=7)
    again = probe.make_probe([CAPTION, TRADITIONAL], seed=7)
    assert [v.item for v in first.variants] == [v.item for v in again.variants] and len(first.variants) == 10
