"""The Chinese place-swap probe (tools/place_swap_zh.py): variants with a place replaced by another of its kind, the
label changed to match, the same variants for the same seed, and a score of the fields lost. Pools and captions
written for these tests (the gazetteer's pools are not loaded)."""

from __future__ import annotations

import random

from tools import place_swap_zh as swap

POOLS = swap.Pools(
    cities=[swap.Town("宝山", "湖南", 600_000), swap.Town("石门", "湖南", 60_000), swap.Town("青川", "四川", 80_000)],
    foreign=[swap.Town("里昂", "FR", 500_000), swap.Town("马赛", "FR", 800_000)],
    provinces={"湖南": "湖南省", "四川": "四川省", "广西": "广西壮族自治区"},
    venue_words=("公园", "寺"), stems=["云溪", "凤凰"], bare_venues=["老街"])


def item(text: str, sublocation=None, city=None, province=None, country=None, alt=None) -> dict:
    return {"text": text, "location": {"sublocation": sublocation, "city": city, "province": province,
                                       "country": country}, "alt": alt or {}}


def test_a_city_is_swapped_for_one_of_its_province_and_the_label_follows():
    original = item("5月3日,湖南省长沙市岳麓公园里游人如织。", "岳麓公园", "长沙", "湖南")
    changed = swap.city_variant(original, POOLS, random.Random(1))
    city = changed["location"]["city"]
    assert city in ("宝山", "石门", "石门县", "石门区")
    assert city.rstrip("县区") in changed["text"] and "长沙" not in changed["text"]
    assert changed["location"]["province"] == "湖南" and changed["location"]["sublocation"] == "岳麓公园"
    assert original["location"]["city"] == "长沙"  # (the original is left as it was)


def test_a_city_above_a_county_is_swapped_for_a_big_one_only():
    original = item("5月3日,湖南省长沙市望城区的稻田。", None, "长沙", "湖南", alt={"city": ["望城区"]})
    for seed in range(10):
        changed = swap.city_variant(original, POOLS, random.Random(seed))
        assert changed["location"]["city"] == "宝山"
        assert changed["alt"] == {"city": ["望城区"]}  # (the county's reading still holds)


def test_a_province_swap_swaps_its_city_for_one_of_the_new_province():
    original = item("5月3日,四川省青川县的茶园。", None, "青川县", "四川")
    changed = swap.province_variant(original, POOLS, random.Random(3))
    assert changed["location"]["province"] in ("湖南", "广西")
    if changed["location"]["province"] == "湖南":
        assert changed["location"]["city"].rstrip("县区") in ("宝山", "石门")
    assert "四川" not in changed["text"]


def test_a_venue_keeps_its_venue_word_and_a_city_abroad_its_country():
    changed = swap.sublocation_variant(item("5月3日,游客在岳麓公园散步。", "岳麓公园"), POOLS, random.Random(2))
    assert changed["location"]["sublocation"] in ("云溪公园", "凤凰公园")
    assert changed["location"]["sublocation"] in changed["text"]
    abroad = swap.foreign_variant(item("5月3日,法国巴黎的街头。", None, "巴黎", None, "法国"), POOLS, random.Random(2))
    assert abroad["location"]["city"] in ("里昂", "马赛") and "巴黎" not in abroad["text"]


def test_the_same_seed_makes_the_same_variants():
    items = [item("5月3日,湖南省长沙市岳麓公园里游人如织。", "岳麓公园", "长沙", "湖南")]
    first = [v.item["text"] for v in swap.variants(items, POOLS, seed=5, per=2)]
    assert first == [v.item["text"] for v in swap.variants(items, POOLS, seed=5, per=2)]
    assert {v.kind for v in swap.variants(items, POOLS, seed=5, per=2)} >= {"city", "province", "sublocation"}


def test_the_probe_counts_a_field_right_on_the_original_and_lost_on_the_variant():
    probe = swap.Probe()
    original = item("5月3日,游客在岳麓公园散步。", "岳麓公园")
    variant = swap.Variant("sublocation", original, item("5月3日,游客在某处散步。", "云溪公园"))
    probe.add(variant, swap.right_fields(original))
    assert probe.count["sublocation"] == 1 and probe.before["sublocation"]["sublocation"] == 1
    assert probe.after["sublocation"]["sublocation"] == 0
    assert [(kind, name) for kind, name, _, _ in probe.lost] == [("sublocation", "sublocation")]
    assert "sublocation 100.0 ->   0.0" in probe.report()


def test_a_venue_in_traditional_characters_keeps_its_venue_word_too():
    assert swap.venue_word("岳麓公園", POOLS.venue_words) == "公園"
    changed = swap.sublocation_variant(item("5月3日,遊客在岳麓公園散步。", "岳麓公園"), POOLS, random.Random(2))
    assert changed["location"]["sublocation"] in ("云溪公園", "凤凰公園")  # (not the bare 老街)
