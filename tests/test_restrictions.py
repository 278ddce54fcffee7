"""Restriction notes read as data: labelled real texts, our own rows in each agency's style, the rules' worked
examples, every restriction text of the real corpus, and a caption set where prose must give nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from catalog.errors import CatalogError
from catalog.metadata.restrictions import (
    KINDS,
    Restriction,
    default_restriction_rules,
    load_restriction_rules,
    read_restrictions,
)
from tests.conftest import SHARED

DATA = Path(__file__).parent / "data"
LABELLED = [json.loads(line) for line in (DATA / "restrictions.jsonl").read_text().splitlines() if line.strip()]
CORPUS_ROWS = [json.loads(line) for line in (DATA / "restrictions_corpus.jsonl").read_text().splitlines()]
CORPUS = SHARED / "corpus" / "real"


def _reference(text: str | None) -> date | datetime:
    if text is None:
        return date(2025, 10, 10)
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _keys(found) -> list[tuple]:
    """(kind, region, until) of each restriction, comparable with a row's expected list."""
    return sorted(
        (item["kind"], (item.get("region") or "").casefold(), item.get("until"))
        for item in (r.as_json() if isinstance(r, Restriction) else r for r in found)
    )


def test_the_labelled_set_is_large_enough_and_uses_only_known_kinds():
    real = [row for row in LABELLED if row.get("written_by") != "us"]
    assert len(real) >= 19 and len(LABELLED) >= 40
    assert {item["kind"] for row in LABELLED for item in row["expected"]} <= set(KINDS)


@pytest.mark.parametrize("row", LABELLED, ids=[f"{i}-{row['agency']}" for i, row in enumerate(LABELLED)])
def test_labelled_restriction_texts(row):
    found = read_restrictions([(row.get("source", "instructions"), row["text"])],
                              reference_date=_reference(row.get("reference")))
    assert _keys(found) == _keys(row["expected"]), row.get("notes")


EXAMPLES = default_restriction_rules().examples


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["agency"] for e in EXAMPLES])
def test_the_worked_example_of_each_agency_style(example):
    found = read_restrictions([("instructions", example["text"])], reference_date=_reference(example.get("reference")))
    assert _keys(found) == _keys(example["expect"])


def test_there_is_a_worked_example_per_agency_style():
    agencies = {example["agency"] for example in EXAMPLES}
    assert agencies >= {"AP", "Reuters", "AFP", "Getty Images", "EPA-EFE", "dpa", "PA", "Xinhua", "handout"}


def _exiftool_values(rows) -> dict[tuple[str, str], object]:
    tags = sorted({row["tag"].split(":")[1] for row in rows})
    files = sorted({row["file"] for row in rows})
    out = subprocess.run(["exiftool", "-j", "-n", "-G1", *[f"-{t}" for t in tags], *files],
                         cwd=CORPUS, capture_output=True, text=True, check=False).stdout
    return {(item["SourceFile"], tag): value for item in json.loads(out) for tag, value in item.items()}


@pytest.mark.skipif(not CORPUS.is_dir() or shutil.which("exiftool") is None,
                    reason="needs ../shared/corpus/real and ExifTool")
def test_every_restriction_text_of_the_real_corpus():
    """Each rights field of each real corpus file (as ExifTool reads it) gives exactly the labelled kinds."""
    values = _exiftool_values(CORPUS_ROWS)
    assert len(CORPUS_ROWS) >= 100
    wrong = []
    for row in CORPUS_ROWS:
        value = values[(row["file"], row["tag"])]
        texts = [(row["source"], str(v)) for v in (value if isinstance(value, list) else [value])]
        found = read_restrictions(texts)
        if _keys(found) != _keys(row["expected"]):
            wrong.append((row["file"], row["tag"], [(r.kind, r.region) for r in found]))
    assert wrong == []


@pytest.mark.skipif(not (SHARED / "captions" / "dev.jsonl").exists(), reason="needs ../shared/captions")
def test_caption_prose_gives_no_restriction():
    """Precision: none of the labelled press captions carries a restriction note, so none may yield one."""
    rows = [json.loads(line) for line in (SHARED / "captions" / "dev.jsonl").read_text().splitlines()]
    false_positives = [(row["text"][:80], found) for row in rows
                       if (found := read_restrictions([("caption", row["text"])]))]
    assert len(rows) > 50 and false_positives == []


def test_a_caption_counts_shouted_notes_but_not_prose():
    caption = "Runners pass the stadium. (AP Photo/Jane Doe) NO SALES, JAPAN OUT"
    assert _keys(read_restrictions([("caption", caption)])) == _keys(
        [{"kind": "no_sales"}, {"kind": "region_out", "region": "JAPAN"}])
    prose = "Runners pass the stadium; no sales were made and Japan went out early."
    assert read_restrictions([("caption", prose)]) == []
    assert _keys(read_restrictions([("instructions", "No sales. Japan Out")])) == _keys(
        [{"kind": "no_sales"}, {"kind": "region_out", "region": "Japan"}])


@pytest.mark.parametrize(("note", "reference", "until"), [
    ("EMBARGOED UNTIL 0001 GMT OCT 14", "2025-10-10", "2025-10-14T00:01:00+00:00"),
    ("EMBARGOED UNTIL 0001 UTC OCT 14", "2025-10-10", "2025-10-14T00:01:00+00:00"),
    ("EMBARGOED UNTIL 0001 BST OCT 14", "2025-10-10", "2025-10-13T23:01:00+00:00"),
    ("EMBARGOED UNTIL 1000 CET OCT 14", "2025-10-10", "2025-10-14T09:00:00+00:00"),
    ("EMBARGOED UNTIL 1000 CEST OCT 14", "2025-10-10", "2025-10-14T08:00:00+00:00"),
    ("EMBARGOED UNTIL 0600 EST NOV 20", "2025-11-01", "2025-11-20T11:00:00+00:00"),
    ("EMBARGOED UNTIL 0600 EDT OCT 14", "2025-10-10", "2025-10-14T10:00:00+00:00"),
    ("EMBARGOED UNTIL 9 PM PST OCT 13", "2025-10-10", "2025-10-14T05:00:00+00:00"),
    ("EMBARGOED UNTIL 0900 JST OCT 14", "2025-10-10", "2025-10-14T00:00:00+00:00"),
    ("EMBARGOED UNTIL 0900 HKT OCT 14", "2025-10-10", "2025-10-14T01:00:00+00:00"),
    ("EMBARGOED UNTIL 9 A.M. BEIJING TIME OCT 14", "2025-10-10", "2025-10-14T01:00:00+00:00"),
    ("EMBARGOED UNTIL 2025-10-14 09:00 +08:00", "2025-10-10", "2025-10-14T01:00:00+00:00"),
    ("EMBARGOED UNTIL 0001 GMT+8 OCT 14", "2025-10-10", "2025-10-13T16:01:00+00:00"),
    ("EMBARGOED UNTIL 14.10.2025 10:00 MEZ", "2025-10-10", "2025-10-14T09:00:00+00:00"),
    ("EMBARGOED UNTIL MIDNIGHT GMT ON 14 OCTOBER", "2025-10-10", "2025-10-14T00:00:00+00:00"),
])
def test_embargo_times_in_several_zones(note, reference, until):
    [found] = read_restrictions([("instructions", note)], reference_date=date.fromisoformat(reference))
    assert (found.kind, found.until.isoformat()) == ("embargo", until)


def test_a_year_left_out_is_the_next_such_moment_after_the_reference():
    note = [("instructions", "EMBARGOED UNTIL 0001 GMT JAN 2")]
    assert read_restrictions(note, reference_date=date(2025, 12, 30))[0].until.year == 2026
    assert read_restrictions(note, reference_date=date(2025, 12, 31))[0].until.year == 2026
    assert read_restrictions(note, reference_date=date(2026, 1, 1))[0].until.year == 2026
    # two days' grace for zones and clocks: a note dated the day after still means this year's moment
    assert read_restrictions(note, reference_date=date(2026, 1, 3))[0].until.year == 2026
    assert read_restrictions(note, reference_date=date(2026, 2, 1))[0].until.year == 2027


def test_an_embargo_with_no_readable_end_has_no_until_and_is_always_in_force():
    [found] = read_restrictions([("instructions", "EMBARGOED UNTIL FURTHER NOTICE. NO SALES")])[:1]
    assert (found.kind, found.until, found.text) == ("embargo", None, "EMBARGOED UNTIL FURTHER NOTICE")
    assert found.in_force(datetime(2100, 1, 1, tzinfo=UTC))


def test_an_embargo_is_in_force_until_its_moment():
    [found] = read_restrictions([("instructions", "EMBARGOED UNTIL 0001 GMT OCT 14")], reference_date=date(2025, 10, 1))
    assert found.in_force(datetime(2025, 10, 14, 0, 0, tzinfo=UTC))
    assert not found.in_force(datetime(2025, 10, 14, 0, 1, tzinfo=UTC))


def test_no_zone_is_read_as_the_last_zone_on_earth_unless_the_house_says_otherwise():
    note = [("instructions", "EMBARGOED TO 0001 THURSDAY OCTOBER 16")]
    shipped = read_restrictions(note, reference_date=date(2025, 10, 14))
    assert shipped[0].until.isoformat() == "2025-10-16T12:01:00+00:00"
    london = load_restriction_rules({"embargo": {"default_zone": "Europe/London"}})
    assert read_restrictions(note, reference_date=date(2025, 10, 14), rules=london)[0].until.isoformat() == (
        "2025-10-15T23:01:00+00:00")  # British summer time
    winter = [("instructions", "EMBARGOED TO 0001 TUESDAY DECEMBER 16")]
    assert read_restrictions(winter, reference_date=date(2025, 12, 1), rules=london)[0].until.isoformat() == (
        "2025-12-16T00:01:00+00:00")


def test_the_house_rules_add_and_replace_rules():
    house = load_restriction_rules({
        "rule": [{"name": "no tabloids", "kind": "media_out", "region": "as written",
                  "patterns": ["NOT FOR (?P<region>TABLOIDS)"]},
                 {"name": "handout", "kind": "handout", "patterns": ["\\bHANDOUT\\b", "\\bHO/"]}],
        "places": {"names": ["Ruritania"]},
    })
    text = [("instructions", "HO/ NOT FOR TABLOIDS. RURITANIA OUT")]
    assert _keys(read_restrictions(text, rules=house)) == _keys(
        [{"kind": "handout"}, {"kind": "media_out", "region": "TABLOIDS"},
         {"kind": "region_out", "region": "RURITANIA"}])
    assert _keys(read_restrictions(text)) == _keys([{"kind": "media_out", "region": "RURITANIA"}])


@pytest.mark.parametrize(("house", "message"), [
    ({"rule": [{"name": "x", "kind": "forbidden", "patterns": ["X"]}]}, "has kind 'forbidden'"),
    ({"rule": [{"name": "x", "kind": "other", "patterns": ["(unclosed"]}]}, "pattern '(unclosed'"),
    ({"rule": [{"name": "x", "kind": "other", "pattern": ["X"]}]}, "unknown key(s) pattern"),
    ({"rules": []}, "unknown key(s) in [restrictions]: rules"),
])
def test_bad_house_rules_are_refused_with_a_reason(house, message):
    with pytest.raises(CatalogError, match=re.escape(message)):
        load_restriction_rules(house, origin="house.toml")


def test_plus_codes_and_constraint_fields():
    found = read_restrictions([
        ("plus", "http://ns.useplus.org/ldf/vocab/AL-CRP"), ("plus", "CR-CAI"), ("plus", "CR-NRQ"),
        ("plus", "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-GENAIMLTRAINING"),
        ("constraints", "Only in the print edition of the Daily Bugle"),
    ])
    assert [(r.kind, r.source) for r in found] == [
        ("no_alteration", "plus"), ("mandatory_credit", "plus"), ("other", "plus"), ("other", "constraints")]
    assert found[-1].text == "Only in the print edition of the Daily Bugle"


def test_findings_keep_their_source_and_repeat_only_once():
    found = read_restrictions([("instructions", "NO SALES. JAPAN OUT"), ("usage_terms", "No sales"),
                               ("caption", "A view. NO SALES")])
    assert [(r.kind, r.source, r.region) for r in found] == [
        ("no_sales", "instructions", None), ("region_out", "instructions", "JAPAN")]
    assert found[1].as_json() == {"kind": "region_out", "text": "JAPAN OUT", "until": None, "region": "JAPAN",
                                  "source": "instructions"}


def test_a_house_rules_file_carries_a_restrictions_table(tmp_path):
    from catalog.captions.rules import load_rules

    house = tmp_path / "house.toml"
    house.write_text('[[restrictions.rule]]\nname = "no tabloids"\nkind = "media_out"\nregion = "as written"\n'
                     "patterns = ['NOT FOR (?P<region>TABLOIDS?)']\n", encoding="utf-8")
    rules = load_restriction_rules(load_rules(str(house)).restrictions, origin=str(house))
    found = read_restrictions([("instructions", "NOT FOR TABLOIDS")], rules=rules)
    assert [(r.kind, r.region) for r in found] == [("media_out", "TABLOIDS")]


def test_the_telling_words_pattern_is_the_same_in_every_process():
    """Built from a set of words, the pattern is the same whatever the process's hash seed, so its program is
    kept once (catalog.patterns) instead of compiled again, and added to the kept file, by every reader."""
    import os
    import sys

    code = ("from catalog.metadata.restrictions import default_restriction_rules; "
            "print(default_restriction_rules()._telling.pattern)")
    texts = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                            capture_output=True, text=True, timeout=120, check=True).stdout for seed in ("1", "2", "3")}
    assert len(texts) == 1 and "PFLICHTNENNUNG" in texts.pop()
