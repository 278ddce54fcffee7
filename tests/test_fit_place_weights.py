"""The place-weight fit (tools/fit_place_weights.py): weights set for a block and put back after it, and a
coordinate search that moves a weight only when the captions score better. Captions written for these tests."""

from __future__ import annotations

from catalog.captions import parse, place_evidence
from tools import fit_place_weights as fit
from tools.evaluate_captions import caption_key

#: One name nothing knows, alone: "one unknown name alone" (-100) puts it below the threshold (-50) (not written as
#: a town is, before the photo's time or the sentence's end: see place_scores.town_by_its_shape).
ALONE = "Shoppers queue in Quorvantia for the sale. (AP Photo/Ann Ray)"
TRUSTING = (("value_scores.threshold", 0.0),)  # a city by its position alone is kept


def caption(text: str, city: str | None) -> fit.Caption:
    expected: dict[str, list[str | None]] = {name: [None] for name in fit.PLACE_FIELDS}
    expected["city"] = [city]
    return fit.Caption(text, expected, int(caption_key(text), 16))


def test_the_weights_reach_the_parser_through_the_rules_only():
    shipped = place_evidence.shipped_weights()
    assert parse(ALONE).location.city is None
    trusting = fit.rules_with((*TRUSTING, ("scores.threshold", -150.0)))
    assert parse(ALONE, trusting).location.city == "Quorvantia"
    # the shipped rules, and the weights every other parse uses, are as they were
    assert parse(ALONE).location.city is None
    assert place_evidence.shipped_weights() == shipped
    assert dict(fit.file_weights())["scores.threshold"] == shipped.scores["threshold"]


def test_the_search_moves_a_weight_only_for_a_gain(monkeypatch):
    monkeypatch.setattr(fit, "GRIDS", {"scores.threshold": (-50.0, -150.0)})
    start = (*TRUSTING, ("scores.threshold", -50.0))
    everything = lambda _key: True  # noqa: E731
    right = fit.Scorer([caption(ALONE, "Quorvantia")])
    assert right.total(start, everything) == 3.0  # three fields right (empty), the city left out
    found = fit.coordinate_search(right, start, everything, rounds=2)
    assert dict(found)["scores.threshold"] == -150.0
    assert right.total(found, everything) == 4.0
    # Labelled with no city, keeping the name would cost the point and one more: the threshold stays.
    wrong = fit.Scorer([caption(ALONE, None)])
    assert wrong.total(found, everything) == 2.0
    assert fit.coordinate_search(wrong, start, everything, rounds=2) == start
    # No caption chosen: nothing to gain, so nothing moves.
    assert fit.coordinate_search(right, start, lambda _key: False, rounds=2) == start


def test_a_signal_read_at_both_levels_moves_as_a_pair(monkeypatch):
    text = ("A cherry tree blooms in Quorvantia for the spring fair, March 7, 2025. Traders in the Quorvantia bazaar "
            "wait. (AP Photo/Ann Ray)")
    pair = "scores.named_again+value_scores.named_again"
    monkeypatch.setattr(fit, "GRIDS", {"scores.named_again": (0.0, 110.0), "value_scores.named_again": (0.0, 1.0),
                                       pair: ((0.0, 0.0), (110.0, 1.0))})
    start = (("scores.named_again", 0.0), ("value_scores.named_again", 0.0))
    scorer = fit.Scorer([caption(text, "Quorvantia")])
    everything = lambda _key: True  # noqa: E731
    alone = {"scores.named_again": (0.0, 110.0)}
    # either weight alone gains nothing (the chain let through loses its city, or no chain gets through) ...
    assert fit.coordinate_search(scorer, start, everything, rounds=2, grids=alone) == start
    # ... the pair together keeps the city
    found = dict(fit.coordinate_search(scorer, start, everything, rounds=2))
    assert found == {"scores.named_again": 110.0, "value_scores.named_again": 1.0}


def test_the_grids_hold_every_weight_of_the_file_but_the_switches():
    shipped = place_evidence.shipped_weights()
    in_file = {f"{table}.{name}" for table, weights in (("scores", shipped.scores), ("value_scores", shipped.values))
               for name in weights}
    fitted = {key for knob in fit.GRIDS for key in knob.split("+")}
    assert in_file - fitted == fit.SWITCHES
    assert not fitted - in_file
