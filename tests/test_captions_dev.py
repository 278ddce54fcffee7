"""The caption parser against the shared labelled caption set, and the evaluator's own scoring rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tools.evaluate_captions import FIELDS, THRESHOLD, evaluate, fold, main, matches, report

SHARED = Path(os.environ.get("CATALOG_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
DEV = SHARED / "captions" / "dev.jsonl"
needs_dev = pytest.mark.skipif(not DEV.is_file(), reason=f"no labelled caption set at {DEV}")


@needs_dev
def test_every_field_is_at_least_95_percent_right():
    score = evaluate(DEV)
    below = {name: round(score.accuracy(name), 3) for name in FIELDS if score.accuracy(name) < THRESHOLD}
    assert score.total > 0
    assert not below, report(score, show_errors=True)


@needs_dev
def test_command_line_prints_every_field_and_exits_zero(capsys):
    assert main([str(DEV), "--speed"]) == 0
    printed = capsys.readouterr().out
    assert all(f"  {name} " in printed for name in FIELDS)
    assert "captions/s" in printed


# --- the scoring rules of ../shared/captions/README.md, on a set written here -------------------------------


@pytest.mark.parametrize("field_name, got, expected, right", [
    ("city", "Kraków", ["KRAKOW"], True),  # case and accents folded
    ("city", "Laibin City", ["Laibin"], True),  # a trailing "City" does not count
    ("province", "Anhui Province", ["Anhui"], True),  # nor "Province" after a province
    ("sublocation", "the Luogang Park", ["Luogang Park"], True),  # nor a leading "the"
    ("sublocation", "Luogang Park", ["the Luogang Park area"], True),  # one name inside the other
    ("city", "Luogang", ["Luogang Park"], False),  # containment is for sublocations only
    ("sublocation", None, ["Xincheng County", None], True),  # an alt value
    ("date", None, ["2025-10-14"], False),
    ("date_kind", None, [None], True),
])
def test_scoring_rules(field_name, got, expected, right):
    assert matches(field_name, got, expected) is right


def test_fold():
    assert fold("  The   Ovacık  district ") == "ovacik district"


def test_a_set_below_the_threshold_exits_one(tmp_path, capsys):
    items = [
        {"text": "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)",
         "credit": {"photographer": "Li Xin", "agency": "Xinhua", "provider": None},
         "date": "2025-10-02", "date_kind": "taken",
         "location": {"sublocation": None, "city": "Chengdu", "province": None, "country": None}},
        {"text": "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)",
         "credit": {"photographer": "Someone Else", "agency": "Xinhua", "provider": None},
         "date": "2025-10-02", "date_kind": "taken",
         "location": {"sublocation": None, "city": "Chengdu", "province": None, "country": None},
         "alt": {"date": ["2025"]}},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in items) + "\n", encoding="utf-8")
    assert main([str(path), "--show-errors"]) == 1
    printed = capsys.readouterr().out
    assert "  photographer   50.0%  (1/2)   below 95%" in printed
    assert "line 2 photographer: got 'Li Xin', expected ['Someone Else']" in printed


def test_an_unreadable_set_exits_two(tmp_path, capsys):
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
