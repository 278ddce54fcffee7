"""The place-swap probe (tools/place_swap.py): variants with the city and the sublocation swapped for other real
names of the same kind, labels changed to match, the credit left alone, and the same variants on every run.
Captions written for these tests."""

from __future__ import annotations

import random

from tools import place_swap as probe

CAPTION = {
    "text": "Shoppers browse at a market beside Luogang Park in Hefei, east China's Anhui Province, Oct. 3, 2024. "
            "(Photo by Ann Ray/Hefei Evening News)",
    "credit": {"photographer": "Ann Ray", "agency": "Hefei Evening News", "provider": None,
               "raw": "Photo by Ann Ray/Hefei Evening News"},
    "date": "2024-10-03", "date_kind": "taken",
    "location": {"sublocation": "Luogang Park", "city": "Hefei", "province": "Anhui", "country": "China"},
}
OTHER = {**CAPTION, "text": "Kites fly over Baihe Park in Nanyang, Henan Province, May 2, 2024.",
         "credit": {"raw": None}, "location": {"sublocation": "Baihe Park", "city": "Nanyang", "province": "Henan",
                                               "country": None}}


def test_a_city_is_swapped_for_a_town_of_its_province_outside_the_credit():
    variants = probe.city_variants(CAPTION, random.Random(1), 3)
    assert len(variants) == 3
    towns = {town.name: town for town in probe.towns_of("CN")}
    for kind, item, swaps in variants:
        new = item["location"]["city"]
        assert kind.startswith("city:") and new != "Hefei" and swaps[0] == ("Hefei", new)
        assert item["text"].endswith("(Photo by Ann Ray/Hefei Evening News)")  # the paper keeps its name
        assert f"beside Luogang Park in {new}, east China's" in item["text"]
        assert item["credit"] == CAPTION["credit"] and item["location"]["sublocation"] == "Luogang Park"
        if "province" not in kind:  # a town of Anhui, so the chain stays true
            assert towns[new].province == "CN-AH" and item["location"]["province"] == "Anhui"
        else:
            assert item["location"]["province"] != "Anhui" and "Anhui" not in item["text"]


def test_a_venue_keeps_its_word_and_a_bare_name_gets_another_bare_name():
    pool = probe.VenuePool.of([CAPTION, OTHER, {**OTHER, "location": {"sublocation": "Intramuros"}},
                               {**OTHER, "location": {"sublocation": "Wembley"}}])
    assert pool.specifics[("last", "park")] == ["Baihe", "Luogang"] and pool.bare == ["Intramuros", "Wembley"]
    variants = probe.venue_variants(CAPTION, random.Random(2), 2, pool)
    names = {item["location"]["sublocation"] for _kind, item, _swaps in variants}
    assert "Baihe Park" in names and all(name.endswith(" Park") for name in names)
    bare = {**OTHER, "text": "Tourists walk in Intramuros, Manila, Philippines, June 3, 2023.",
            "location": {"sublocation": "Intramuros", "city": "Manila", "province": None, "country": "Philippines"}}
    [(kind, item, _swaps)] = probe.venue_variants(bare, random.Random(3), 1, pool)
    assert kind == "venue:bare" and item["location"]["sublocation"] == "Wembley"
    assert item["text"].startswith("Tourists walk in Wembley, Manila")


def test_a_name_inside_a_longer_one_or_a_capitals_dateline():
    york = {**OTHER, "text": "Fans wait in New York, and later in York, May 2, 2024.",
            "location": {"sublocation": None, "city": "York", "province": None, "country": None}}
    assert probe.city_variants(york, random.Random(1), 2) == []  # "York" of "New York" cannot be swapped alone
    dateline = {**OTHER, "text": "NANYANG, May 2 (Xinhua) -- Kites fly over a park in Nanyang, Henan Province.",
                "location": {"sublocation": None, "city": "Nanyang", "province": "Henan", "country": None}}
    [(_kind, item, _swaps)] = probe.city_variants(dateline, random.Random(4), 1)
    new = item["location"]["city"]
    assert item["text"].startswith(new.upper() + ", May 2") and f"in {new}, Henan" in item["text"]


def test_the_probe_is_repeatable_and_scores_originals_beside_variants():
    first = probe.make_probe([CAPTION, OTHER], seed=7)
    again = probe.make_probe([OTHER, CAPTION], seed=7)  # another order: the same variants of each caption
    assert sorted(v.item["text"] for v in first.variants) == sorted(v.item["text"] for v in again.variants)
    assert len(first.originals) == 2 and len(first.variants) == 2 * (3 + 2)
    outcome = probe.run_probe(first)
    assert outcome.originals.total == outcome.variants.total == len(first.variants)
    assert "place-swap probe: 2 English tune captions, 10 variants" in probe.report(first, outcome)
    for loss in outcome.lost:  # a field lost is one the original had right
        original = first.originals[loss.variant.original]
        assert loss.field in probe.FIELDS and original is not loss.variant.item


def test_the_variants_are_never_written_among_the_real_captions(tmp_path, capsys):
    assert probe.main(["--files", "no-such-file*", "--write", str(probe.OUR_SETS / "swaps.jsonl")]) == 2
    assert "not real captions" in capsys.readouterr().err
    assert not (probe.OUR_SETS / "swaps.jsonl").exists()
