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

import sys
from collections.abc import Callable

from catalog.captions.chinese_venues import venue_weights
from catalog.captions.chinese_words import words_for
from catalog.captions.rules import Rules, load_rules
from tools import fit_place_weights
from tools.fit_place_weights import PLACE_FIELDS, Caption, Weights

__all__ = ["GRIDS", "PLACE_FIELDS", "Caption", "Scorer", "coordinate_search", "file_weights", "main", "rules_with",
           "tune_captions"]

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
    # the venue register's names (chinese_venues.registered_venue): the name registered, the city read right before it
    "registered": (0.0, 1.0, 2.0, 3.0),
    # a name with no venue word before a verb of holding (chinese_venues._name_where_held)
    "before_held": (-4.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0),
    "after_city": (0.0, 1.0, 2.0, 3.0),
    # a venue word naming the place's own kind, a station, a port, an airport (places.own_kinds: 某某渔港, 某某站)
    "own_kind": (-4.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0),
}


def rules_with(weights: Weights) -> Rules:
    """The shipped rules with these weights read over the file's, as a house file's [chinese.venue_scores]."""
    lines = ["[chinese.venue_scores]", *(f"{key} = {value!r}" for key, value in weights)]
    return load_rules(text="\n".join(lines) + "\n", origin="the fitted venue weights")


def file_weights() -> Weights:
    """The weights as chinese.toml holds them now (every fitted key)."""
    table = venue_weights(words_for(load_rules())[0])
    return tuple((key, table[key]) for key in GRIDS)


def tune_captions(files: str | None = None) -> list[Caption]:
    """The Chinese tune captions (every zh*.jsonl file's tune part; of the files `files` names when given)."""
    return fit_place_weights.tune_captions("zh", files)


class Scorer(fit_place_weights.Scorer):
    """The English fit's score (place fields right, less WRONG_COST a wrong value), parsed with these rules."""

    def rules_for(self, weights: Weights) -> Rules:
        return rules_with(weights)


def coordinate_search(scorer: Scorer, start: Weights, chosen: Callable[[int], bool], rounds: int,
                      grids: dict[str, tuple[float, ...]] | None = None) -> Weights:
    """The English fit's search (one weight at a time, ties stay) over this module's grids."""
    return fit_place_weights.coordinate_search(scorer, start, chosen, rounds, grids or GRIDS)


def main(argv: list[str] | None = None) -> int:
    args = fit_place_weights.arguments("python -m tools.fit_venue_weights", __doc__, GRIDS, argv)
    return fit_place_weights.cross_validate(Scorer(tune_captions(args.files)), file_weights(), args, "Chinese tune",
                                            coordinate_search)


if __name__ == "__main__":
    sys.exit(main())
