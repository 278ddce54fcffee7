"""tools/caption_outputs.py (the dump-and-diff a speed change is checked with) and the evaluator's speed figure."""

from __future__ import annotations

import json

from catalog.captions.rules import default_rules
from tools import caption_outputs
from tools.evaluate_captions import Speed, speed

CAPTION = "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)"


def _dump(tmp_path, name, texts, monkeypatch):
    monkeypatch.setattr(caption_outputs, "caption_texts", lambda: iter(("test", text) for text in texts))
    path = tmp_path / name
    assert caption_outputs.dump(path) == 0
    return path


def test_a_dump_holds_every_way_of_parsing(tmp_path, monkeypatch):
    path = _dump(tmp_path, "a.jsonl", [CAPTION], monkeypatch)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["plain"]["credit"]["photographer"] == "Li Xin"
    assert record["plain"]["date"] == "2025-10-02"
    assert record["no_places"]["location"]["city"] is None and record["plain"]["location"]["city"] == "Chengdu"
    assert record["credit_only"]["date"] is None
    assert any("Li Xin" in note for note in record["explain"]["notes"])


def test_diff_finds_a_changed_answer_and_a_missing_caption(tmp_path, monkeypatch, capsys):
    before = _dump(tmp_path, "before.jsonl", [CAPTION, "Tourists in Hefei, Anhui province."], monkeypatch)
    same = _dump(tmp_path, "same.jsonl", [CAPTION, "Tourists in Hefei, Anhui province."], monkeypatch)
    assert caption_outputs.diff(before, same) == 0
    changed = tmp_path / "changed.jsonl"
    lines = before.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["plain"]["credit"]["photographer"] = "Li"
    changed.write_text("\n".join([json.dumps(record), lines[1]]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert caption_outputs.diff(before, changed) == 1
    printed = capsys.readouterr().out
    assert "plain.credit: " in printed and "1 differ" in printed
    shorter = tmp_path / "shorter.jsonl"
    shorter.write_text(lines[0] + "\n", encoding="utf-8")
    assert caption_outputs.diff(before, shorter) == 1


def test_speed_is_the_median_of_its_passes():
    rules = default_rules()
    rules.readings.clear()
    measured = speed([CAPTION, "Tourists in Hefei, Anhui province."], passes=3)
    assert len(measured.rates) == 3 and measured.captions == 2
    assert min(measured.rates) <= measured.median <= max(measured.rates)
    assert "median of 3 passes over 2 captions" in measured.line()
    assert Speed(1, [1.0, 5.0, 2.0]).median == 2.0
