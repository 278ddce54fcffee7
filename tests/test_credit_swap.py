"""The credit-swap probe (tools/credit_swap.py): variants with the photographer and the agency of the credit line
swapped for invented names of many shapes, labels changed to match, the rest of the caption left alone, and the
same variants on every run. Captions written for these tests."""

from __future__ import annotations

import random

from tools import credit_swap as probe
from tools.evaluate_captions import OUR_SETS
from tools.place_swap import run_probe

CAPTION = {
    "text": "Shoppers browse at a market beside Luogang Park in Hefei, east China's Anhui Province, Oct. 3, 2024. "
            "REUTERS/Ann Ray",
    "credit": {"photographer": "Ann Ray", "agency": "Reuters", "provider": None, "raw": "REUTERS/Ann Ray"},
    "date": "2024-10-03", "date_kind": "taken",
    "location": {"sublocation": "Luogang Park", "city": "Hefei", "province": "Anhui", "country": "China"},
}
BYLINE = {**CAPTION, "text": "Kites fly over Baihe Park in Nanyang, May 2, 2024. (Photo by Geoff ROBIN/AFP) "
                             "AFP said the kites were home-made.",
          "credit": {"photographer": "Geoff ROBIN", "agency": "AFP", "provider": None,
                     "raw": "Photo by Geoff ROBIN/AFP"}}


def test_a_photographer_is_swapped_inside_the_credit_in_its_case():
    variants = probe.person_variants(CAPTION, random.Random(1), 7)
    assert {kind for kind, _item, _swaps in variants} == {f"person:{shape}" for shape in probe.PERSON_SHAPES}
    for _kind, item, [(old, new)] in variants:
        assert old == "Ann Ray" and item["credit"]["photographer"] == new
        assert item["credit"]["raw"] == f"REUTERS/{new}" and item["text"].endswith(f"2024. REUTERS/{new}")
        assert item["credit"]["agency"] == "Reuters" and item["location"] == CAPTION["location"]
    [(_kind, item, [(_old, new)])] = probe.person_variants(BYLINE, random.Random(2), 1)
    assert new.split()[-1].isupper() and not new.split()[0].isupper()  # "Geoff ROBIN": the surname in capitals


def test_an_agency_is_swapped_where_it_is_a_whole_part_of_the_credit():
    variants = probe.outlet_variants(CAPTION, random.Random(3), 6)
    assert len(variants) == 6
    for kind, item, [(old, written)] in variants:
        assert old == "Reuters" and item["credit"]["raw"].endswith("/Ann Ray")
        assert item["credit"]["agency"].casefold() == item["credit"]["raw"].split("/")[-2].casefold() or (
            kind == "outlet:chain")
        if kind == "outlet:chain":  # "Quorva Herald/QNS": the last distributor, the first accepted
            first, last = written.split("/")
            assert item["credit"]["agency"] == last and item["alt"]["agency"] == [first.upper()]
    byline = probe.outlet_variants(BYLINE, random.Random(4), 3)
    for _kind, item, _swaps in byline:
        assert "AFP said the kites" in item["text"]  # the prose keeps the agency it names
        assert item["credit"]["raw"].startswith("Photo by Geoff ROBIN/")


def test_an_outlet_inside_a_longer_name_or_an_address_is_never_swapped():
    mail = {**CAPTION, "text": "Players run. (Ann Ray/preps@al.com)",
            "credit": {"photographer": "Ann Ray", "agency": "AL.com", "provider": None, "raw": "Ann Ray/preps@al.com"}}
    assert probe.outlet_variants(mail, random.Random(1), 2) == []
    wire = {**CAPTION, "text": "Players run. (Credit Image: © Ann Ray/ZUMA Press Wire)",
            "credit": {"photographer": "Ann Ray", "agency": "ZUMA Press", "provider": None,
                       "raw": "Credit Image: © Ann Ray/ZUMA Press Wire"}}
    assert probe.outlet_variants(wire, random.Random(1), 2) == []
    alone = {**CAPTION, "text": "Players run. (Kyodo)",
             "credit": {"photographer": None, "agency": "Kyodo", "provider": None, "raw": "Kyodo"}}
    assert all(kind != "outlet:acronym" for kind, _item, _swaps in probe.outlet_variants(alone, random.Random(1), 6))


def test_the_probe_is_repeatable_and_scores_originals_beside_variants():
    first = probe.make_probe([CAPTION, BYLINE], seed=7)
    again = probe.make_probe([BYLINE, CAPTION], seed=7)  # another order: the same variants of each caption
    assert sorted(v.item["text"] for v in first.variants) == sorted(v.item["text"] for v in again.variants)
    assert len(first.originals) == 2 and len(first.variants) == 2 * (3 + 2)
    outcome = run_probe(first)
    assert outcome.originals.total == outcome.variants.total == len(first.variants)
    assert "credit-swap probe: 2 English tune captions, 10 variants" in probe.report(first, outcome)


def test_the_variants_are_never_written_among_the_real_captions(capsys):
    assert probe.main(["--files", "no-such-file*", "--write", str(OUR_SETS / "swaps.jsonl")]) == 2
    assert "not real captions" in capsys.readouterr().err


def test_a_swapped_photographer_is_swapped_in_the_other_fields_alts_too():
    courtesy = {**CAPTION, "text": "Players run. Photo courtesy of Ann Ray.",
                "credit": {"photographer": "Ann Ray", "agency": None, "provider": None,
                           "raw": "Photo courtesy of Ann Ray"}, "alt": {"provider": [None, "Ann Ray"]}}
    for _kind, item, [(_old, new)] in probe.person_variants(courtesy, random.Random(5), 3):
        assert item["alt"]["provider"] == [None, new] and item["credit"]["photographer"] == new
