"""The Chinese venue finder's weight fit (tools/fit_venue_weights.py) and the signals it weighs: weights handed
to the parser through a house file's [chinese.venue_scores] only, and a search that moves a weight only for a
gain. Captions written for these tests."""

from __future__ import annotations

import pytest

from catalog.captions import parse
from catalog.captions.chinese_venues import candidates, venue_weights
from catalog.captions.chinese_words import words_for
from catalog.captions.rules import load_rules
from catalog.errors import CatalogError
from tools import fit_venue_weights as fit
from tools.evaluate_captions import caption_key

#: A venue the finder takes at exactly the accepted score (clause start, a name, written again: 4); one the venue
#: register does not hold, so its own signals do not count.
PALACE = "11月6日,西藏拉萨,雪后四周的山峦一片银白,色拉寺美如画卷。色拉寺已有600多年历史。"


def caption(text: str, sublocation: str | None) -> fit.Caption:
    expected: dict[str, list[str | None]] = {name: [None] for name in fit.PLACE_FIELDS}
    expected.update(sublocation=[sublocation], city=["拉萨"], province=["西藏"])  # (the chain PALACE names)
    return fit.Caption(text, expected, int(caption_key(text), 16))


def test_a_house_file_sets_the_weights_and_the_shipped_ones_stay():
    assert parse(PALACE).location.sublocation == "色拉寺"
    strict = fit.rules_with((("accept", 5.0),))
    assert parse(PALACE, strict).location.sublocation is None
    assert parse(PALACE).location.sublocation == "色拉寺"
    assert dict(fit.file_weights())["accept"] == 4.0


def test_the_venue_weights_must_be_numbers():
    with pytest.raises(CatalogError, match="venue_scores"):
        load_rules(text='[chinese.venue_scores]\naccept = "high"\n')


def test_the_signals_of_a_name_s_kind():
    words, _ = words_for(load_rules())
    # (a name that opens with an organisation's word, 公司大楼, is no candidate at all: the signal is for a name
    # that holds one inside)
    text = "11月6日,北京,“奥林匹克公园”里人头攒动,剧组在华远公司大楼外拍摄,佛山美如画卷。"
    found = {c.name: set(c.signals) for c in candidates(text, text, [(0, len(text), False)], words)}
    assert "quoted" in found["奥林匹克公园"] and "organisation" in found["华远公司大楼"]
    assert {"place_name", "natural_word"} <= found["佛山"]  # a city the gazetteer knows, its 山 no mountain's


def test_the_search_moves_a_weight_only_for_a_gain(monkeypatch):
    monkeypatch.setattr(fit, "GRIDS", {"accept": (4.0, 5.0)})
    start = (("accept", 4.0),)
    everything = lambda _key: True  # noqa: E731
    labelled_none = fit.Scorer([caption(PALACE, None)])
    assert labelled_none.total(start, everything) == 2.0  # three fields right, the venue wrong (-1)
    found = fit.coordinate_search(labelled_none, start, everything, rounds=2)
    assert dict(found)["accept"] == 5.0 and labelled_none.total(found, everything) == 4.0
    labelled_palace = fit.Scorer([caption(PALACE, "色拉寺")])
    assert fit.coordinate_search(labelled_palace, start, everything, rounds=2) == start


def test_the_tool_reports_the_cross_validated_comparison(capsys, monkeypatch):
    monkeypatch.setattr(fit, "tune_captions",
                        lambda files=None: [caption(PALACE, None), caption(PALACE + "。", "色拉寺")])
    assert fit.main(["--folds", "2", "--rounds", "1", "--only", "accept"]) == 0
    out = capsys.readouterr().out
    assert "2 folds" in out and "cross-validated: fitted" in out


def test_the_grids_hold_every_weight_of_the_file():
    assert set(venue_weights(words_for(load_rules())[0])) == set(fit.GRIDS)
