"""Fit the Chinese venue finder's weights (``[venue_scores]`` in ``catalog/rules/chinese.toml``) on the Chinese
tune split, and say by K-fold cross-validation whether fitting beats the weights in the file.

    python -m tools.fit_venue_weights                  # 5 folds; prints the cross-validated comparison
    python -m tools.fit_venue_weights --only place_name organisation   # are these new signals worth a weight?

The same method as ``tools.fit_place_weights`` (its coordinate search and its score): one weight at a time takes
each value of its grid, the whole Chinese tune part is parsed with it, and the value that scores best is kept
(a tie keeps the value held before); the score is the place fields right less ``WRONG_COST`` for each wrong
value taken. The folds are cut by each caption's key inside the tune split (the held-out split is never read);
the weights fitted on K-1 folds are scored on the fold left out, and the sum over the left-out folds is compared
with the file's weights. Only a weight whose fit wins out of sample is worth writing into the TOML (by hand,
saying why); the tool writes nothing. Each set of weights reaches the parser as a house file's
``[chinese.venue_scores]`` table would set it.
"""

from __future__ import annotations

import argparse
import sys

from catalog.captions.chinese_venues import venue_weights
from catalog.captions.chinese_words import words_for
from catalog.captions.parser import parse
from catalog.captions.rules import Rules, load_rules
from tools import fit_place_weights
from tools.evaluate_captions import answers, caption_key, labels, matches, our_items
from tools.fit_place_weights import PLACE_FIELDS, WRONG_COST, Caption, Weights

#: The values a new signal may take: a penalty or a bonus of the size of the old signals', or none.
_NEW = (-4.0, -2.0, -1.0, 0.0, 1.0, 2.0)

#: The values each weight may take (the old signals around their file values, the new ones from 0).
GRIDS: dict[str, tuple[float, ...]] = {
    "accept": (3.0, 3.5, 4.0, 4.5, 5.0, 6.0),
    "long_word": (0.0, 0.5, 1.0, 1.5, 2.0, 3.0),
    "name_length": (0.0, 0.5, 1.0, 2.0),
    "after_place_word": (0.0, 1.0, 2.0, 3.0),
    "clause_start": (0.0, 0.5, 1.0, 2.0),
    "after_of": (0.0, 0.5, 1.0, 2.0),
    "ends_well": (0.0, 0.5, 1.0, 2.0),
    "named_again": (0.0, 1.0, 2.0, 3.0),
    "other_sentence": (-3.0, -2.0, -1.0, 0.0),
    "part_of_venue": (-4.0, -2.0, -1.0, 0.0),
    "place_name": _NEW,
    "organisation": _NEW,
    "after_chain": _NEW,
    "quoted": _NEW,
    "titled": _NEW,
    "natural_word": _NEW,
    "street_word": _NEW,
}


def rules_with(weights: Weights) -> Rules:
    """The shipped rules with these weights read over the file's, as a house file's [chinese.venue_scores]."""
    lines = ["[chinese.venue_scores]", *(f"{key} = {value!r}" for key, value in weights)]
    return load_rules(text="\n".join(lines) + "\n", origin="the fitted venue weights")


def file_weights() -> Weights:
    """The weights as chinese.toml holds them now (every fitted key)."""
    table = venue_weights(words_for(load_rules())[0])
    return tuple((key, table[key]) for key in GRIDS)


def tune_captions() -> list[Caption]:
    """The Chinese tune captions (every zh*.jsonl file's tune part)."""
    found = []
    for _name, _line, item in our_items("zh", "tune"):
        want, alt = labels(item), item.get("alt") or {}
        expected = {name: [want[name], *alt.get(name, [])] for name in PLACE_FIELDS}
        found.append(Caption(item["text"], expected, int(caption_key(item["text"]), 16)))
    return found


class Scorer:
    """The per-caption score of a set of weights, each set parsed once."""

    def __init__(self, captions: list[Caption]) -> None:
        self.captions = captions
        self.memo: dict[Weights, list[float]] = {}

    def per_caption(self, weights: Weights) -> list[float]:
        if weights not in self.memo:
            rules = rules_with(weights)
            points = []
            for caption in self.captions:
                got = answers(parse(caption.text, rules))
                points.append(sum(1.0 if matches(name, got[name], caption.expected[name])
                                  else (-WRONG_COST if got[name] is not None else 0.0) for name in PLACE_FIELDS))
            self.memo[weights] = points
        return self.memo[weights]

    def total(self, weights: Weights, chosen) -> float:  # noqa: ANN001 - a predicate on a caption's key
        points = self.per_caption(weights)
        return sum(p for p, c in zip(points, self.captions, strict=True) if chosen(c.key))


def coordinate_search(scorer: Scorer, start: Weights, chosen, rounds: int,  # noqa: ANN001 - a key predicate
                      grids: dict[str, tuple[float, ...]] | None = None) -> Weights:
    """The English fit's search (one weight at a time, ties stay) over this module's grids."""
    return fit_place_weights.coordinate_search(scorer, start, chosen, rounds, grids or GRIDS)  # type: ignore[arg-type]


def _changes(fitted: Weights, start: Weights) -> str:
    return ", ".join(f"{k}={v:g}" for (k, v), (_, old) in zip(fitted, start, strict=True) if v != old)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fit_venue_weights", description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the coordinate search (default 3)")
    parser.add_argument("--only", nargs="+", metavar="WEIGHT", choices=sorted(GRIDS),
                        help="fit only these weights (the others keep the file's)")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    grids = {key: GRIDS[key] for key in args.only} if args.only else GRIDS
    captions = tune_captions()
    scorer = Scorer(captions)
    start = file_weights()
    out_of_fold = 0.0
    print(f"Chinese tune: {len(captions)} captions, {args.folds} folds; score = place fields right "
          f"- {WRONG_COST:g} per wrong value taken")
    for fold in range(args.folds):
        def training(key: int, fold: int = fold) -> bool:
            return key % args.folds != fold

        def held(key: int, fold: int = fold) -> bool:
            return key % args.folds == fold

        fitted = coordinate_search(scorer, start, training, args.rounds, grids)
        out_of_fold += scorer.total(fitted, held)
        print(f"  fold {fold}: left-out gain {scorer.total(fitted, held) - scorer.total(start, held):+g}   "
              f"fitted: {_changes(fitted, start) or 'no change'}")
    in_file = scorer.total(start, lambda _key: True)
    print(f"cross-validated: fitted {out_of_fold:g} vs the file's weights {in_file:g} "
          f"({out_of_fold - in_file:+g} on {len(captions)} captions)")
    fitted = coordinate_search(scorer, start, lambda _key: True, args.rounds, grids)
    print(f"fit on the whole tune part (in sample {scorer.total(fitted, lambda _key: True):g}): "
          f"{_changes(fitted, start) or 'no change'}")
    print(f"({len(scorer.memo)} sets of weights parsed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
