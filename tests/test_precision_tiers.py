"""The precision-tier table (tools/precision_tiers.py): each value the parser takes, by the evidence that
produced it, right against wrong, for the tune split only. Captions written for these tests."""

from __future__ import annotations

import doctest

from tools import precision_tiers as tiers

CAPTION = {
    "text": "Shoppers browse at a market beside Luogang Park in Hefei, east China's Anhui Province, Oct. 3, 2024. "
            "(Xinhua/Li Xin)",
    "credit": {"photographer": "Li Xin", "agency": "Xinhua", "provider": None},
    "date": "2024-10-03", "date_kind": "taken",
    "location": {"sublocation": "Luogang Park", "city": "Hefei", "province": "Anhui", "country": "China"},
}


def test_each_value_taken_carries_its_evidence_and_whether_it_is_right():
    wrong_city = {**CAPTION, "location": {**CAPTION["location"], "city": "Quorva"}, "alt": {"province": [None]}}
    values = {v.field: v for v in tiers.taken_values(wrong_city, "x.jsonl:1", "en")}
    assert set(values) == {"photographer", "agency", "date", "date_kind", "sublocation", "city", "province",
                           "country"}
    assert values["photographer"].right and values["photographer"].kind.startswith("en / credit / ")
    assert not values["city"].right and not values["city"].empty_label and values["city"].value == "Hefei"
    assert values["city"].expected == ("Quorva",)
    assert values["province"].right and values["province"].empty_label  # null accepted: leaving it out is right too


def test_the_table_counts_right_and_wrong_per_kind_and_marks_weak_tiers():
    rows = [tiers.Taken("a:1", "en", "city", "Hefei", "en / scene / known city", True, False),
            tiers.Taken("a:2", "en", "city", "Quorva", "en / scene / unknown name", False, True),
            tiers.Taken("a:3", "en", "city", "Brelm", "en / scene / unknown name", False, False),
            tiers.Taken("a:4", "en", "city", "Hefei", "en / scene / unknown name", True, False),
            tiers.Taken("a:5", "en", "country", "China", "", True, False)]
    table = tiers.tabulate(rows)
    assert list(table) == ["city", "country"]
    unknown = table["city"]["en / scene / unknown name"]
    assert (unknown.right, unknown.wrong, unknown.empty, unknown.weak) == (1, 2, 1, True)
    assert not table["city"]["en / scene / known city"].weak
    assert table["country"]["(none)"].taken == 1
    coarse = tiers.tabulate(rows, depth=2)["city"]["en / scene"]
    assert (coarse.taken, coarse.wrong) == (4, 2)
    text = tiers.report(table, weak_only=True)
    assert "<<en / scene / unknown name" in text and "known city" not in text and "country" not in text
    assert text.splitlines()[0] == "city: 4 taken, 2 wrong (1 with an empty label), precision 50.0%"
    assert tiers.wrong_lines(rows).splitlines() == [
        "a:2\tcity\t'Quorva'\t[]\ten / scene / unknown name", "a:3\tcity\t'Brelm'\t[]\ten / scene / unknown name"]


def test_the_tool_has_no_way_to_read_the_held_out_split(monkeypatch, capsys):
    asked = []
    monkeypatch.setattr(tiers, "our_items", lambda language, split, only=None: asked.append(split) or [
        ("en_x.jsonl", 1, CAPTION)] if language == "en" else [])
    assert tiers.main(["--field", "city"]) == 0
    assert set(asked) == {"tune"}
    out = capsys.readouterr().out
    assert out.startswith("tune split (en, zh): 1 values taken, 0 wrong (0.00%)")
    assert "city: 1 taken, 0 wrong" in out


def test_the_doctests_hold():
    assert doctest.testmod(tiers).failed == 0
