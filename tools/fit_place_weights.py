"""Fit the place scores' weights (``[scores]`` and ``[value_scores]`` in ``catalog/rules/place_evidence.toml``)
on the English tune split, and say by K-fold cross-validation whether fitting beats the weights in the file.

    python -m tools.fit_place_weights                 # 5 folds; prints the cross-validated comparison
    python -m tools.fit_place_weights --folds 4 --rounds 2
    python -m tools.fit_place_weights --only scores.named_again+value_scores.named_again   # one new signal
    python -m tools.fit_place_weights --files '!en_fresh4[5-9]*,!en_fresh5[0-4]*'   # a blind group left out

The fit is a coordinate search: one weight at a time takes each value of its grid (``GRIDS``), the whole
tune part is parsed with it, and the value that scores best is kept (a tie keeps the value held before, so
nothing moves without a gain); rounds repeat until no weight moves. The score of a set of weights is the
place fields right (sublocation, city, province, country) less ``WRONG_COST`` for each wrong value taken: a
wrong value costs more than a left-out one, as the precision target asks.

Cross-validation is inside the tune split only (the held-out split is never read): the captions are cut
into K folds by their key (the hash that names them in ``split.json``), the search is run on K-1 folds from
the file's weights and the weights it finds are scored on the fold left out. The sum over the K left-out
folds is compared with the file's weights on the same captions. Only if fitting wins out of sample is the
fit on the whole tune part worth writing into the TOML (by hand, with the comment saying why); the tool
writes nothing.

Each set of weights is handed to the parser in the rules it parses with (a house file's ``[place_weights]``
table, ``rules_with``), as a newsroom would set them; each distinct set is parsed once and remembered, so the
folds share their evaluations.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from catalog.captions.parser import parse
from catalog.captions.place_evidence import shipped_weights
from catalog.captions.rules import Rules, load_rules
from tools.evaluate_captions import answers, caption_key, labels, matches, our_items

#: The place fields the weights decide.
PLACE_FIELDS = ("sublocation", "city", "province", "country")
#: What a wrong value taken costs beyond a left-out one (a wrong value loses its point and this much more).
WRONG_COST = 1.0

#: The values a signal read at both levels may take together: (its chain score, its city evidence).
_PAIRS = ((0.0, 0.0), (2.0, 1.0), (10.0, 1.0), (25.0, 1.0), (60.0, 1.0), (110.0, 1.0), (60.0, 2.0), (110.0, 2.0))

#: The values each fitted weight may take: "table.name" -> grid ("table.name+table.name" -> grid of pairs). The
#: shapes that rule a chain out (-100) and the distance cap are not fitted: they are switches, not balances.
GRIDS: dict[str, tuple[float, ...] | tuple[tuple[float, float], ...]] = {
    "scores.threshold": (-80.0, -50.0, -30.0, -15.0, -5.0, 0.0),
    "scores.near": (-40.0, -20.0, -10.0, -5.0, -2.0, 0.0),
    "scores.after_background": (-40.0, -20.0, -10.0, -5.0, -2.0, 0.0),
    "scores.unknown_names_only": (-20.0, -8.0, -4.0, -2.0, -1.0, 0.0),
    "scores.known_country": (-1.0, -0.25, -0.05, 0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0),
    "scores.known_province": (-1.0, -0.25, -0.05, 0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0),
    "scores.known_city_per_digit": (-1.0, -0.25, -0.05, 0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0),
    "scores.larger_place": (-1.0, -0.25, -0.05, 0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0),
    "scores.per_100_characters_from_the_date": (-4.0, -2.0, -1.0, -0.5, -0.25, 0.0),
    "value_scores.threshold": (0.5, 1.0, 2.0, 3.0),
    # a name marked or known to the gazetteer: the base evidence the other signals add to
    "value_scores.known": (0.0, 1.0, 2.0, 3.0),
    "value_scores.larger_place_after": (0.0, 1.0, 2.0),
    "value_scores.reference_point": (0.0, 1.0, 2.0),
    "value_scores.kind_named_before": (0.0, 1.0, 2.0),
    "value_scores.beside_a_known_place": (0.0, 1.0, 2.0),
    "value_scores.city_in_the_named_country": (0.0, 1.0),
    "value_scores.city_in_the_named_province": (0.0, 1.0),
    "value_scores.town_holding_a_venue": (0.0, 1.0),
    # A signal read at both levels moves as a pair (the chain's score, the city's evidence): alone, a chain let
    # through would still lose its city, or a city's evidence would count for no chain, and a search that
    # moves one weight at a time would never see the gain.
    "scores.named_again+value_scores.named_again": _PAIRS,
    "scores.right_before_the_date+value_scores.right_before_the_date": _PAIRS,
    "value_scores.right_before_the_date": (0.0, 1.0, 2.0),
    "scores.known_town+value_scores.known_town": _PAIRS,
    # a known town right before the photo's date (place_scores.a_known_town_at_the_date; set on capen29 at 48)
    "scores.known_town_at_the_date": (0.0, 24.0, 48.0, 60.0),
    # one name nothing knows, written as a town is (place_scores.town_by_its_shape; hand-set on capen7 at (60, 1))
    "scores.town_by_shape+value_scores.town_by_shape": _PAIRS,
    "scores.city_as_modifier": (-100.0, -40.0, -20.0, -10.0, 0.0),
    "scores.city_as_subject": (-100.0, -40.0, -20.0, -10.0, 0.0),
    "scores.part_named_before": (-100.0, -40.0, -20.0, -10.0, -5.0, -2.0, 0.0, 2.0, 5.0),
    # a person's or a group's place ("Nurse Ana Ruiz of the Gevas Health Center"): the chain's score, and
    # whether a venue of such a phrase may stand for the scene (below zero: not)
    "scores.member_of+value_scores.member_of": ((0.0, 0.0), (0.0, -1.0), (-10.0, 0.0), (-10.0, -1.0),
                                                (-20.0, -1.0), (-40.0, -1.0), (-100.0, -1.0)),
    "value_scores.member_of": (-1.0, 0.0),
    # the venue register's signals (catalog/captions/venue_spots.py): a registered name alone, after a word of
    # place, before a noun that makes it a body's
    "value_scores.registered_venue": (-1.0, 0.0, 0.5, 1.0),
    "value_scores.registered_after_preposition": (0.0, 0.5, 1.0, 2.0),
    "value_scores.registered_as_modifier": (-4.0, -2.0, -1.0, 0.0),
    # a venue of any sentence when nothing else read a sublocation (locations._a_venue_named_again): its base, the
    # name written again and nothing placed but it (a pair: from the base, neither alone reaches the threshold)
    "value_scores.venue_elsewhere": (-2.0, -1.0, 0.0),
    "value_scores.venue_named_again+value_scores.venue_nothing_placed": (
        (0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (0.0, 1.0), (0.0, 2.0), (1.0, 1.0), (2.0, 1.0), (1.0, 2.0)),
    "value_scores.venue_named_again": (0.0, 1.0, 2.0),
    "value_scores.venue_nothing_placed": (0.0, 1.0, 2.0),
    # the venue heading a short line of its own by its own venue word (a title line; nothing placed must hold too)
    "value_scores.venue_own_line": (0.0, 1.0, 2.0),
    # a site named by its own venue word as an object or a subject (venue_spots.named_site_english): its base, a
    # venue word in small letters, "the" before it (a pair: the small word's penalty is what "the" must make up)
    "value_scores.named_site": (0.0, 1.0, 2.0),
    "value_scores.named_site_small_kind+value_scores.named_site_after_the": (
        (-1.0, 0.0), (-1.0, 1.0), (0.0, 0.0), (-2.0, 1.0), (-1.0, 2.0)),
    "value_scores.named_site_small_kind": (-2.0, -1.0, 0.0),
    "value_scores.named_site_after_the": (0.0, 1.0, 2.0),
}

#: The weights of the file that are switches, not balances (a shape ruling a chain out, the distance cap): the only
#: ones GRIDS leaves out, so a signal added to the TOML cannot go unfitted unnoticed (tests/test_fit_place_weights.py).
SWITCHES = frozenset({"scores.unknown_alone", "scores.listed", "scores.one_of_a_pair", "scores.distance_cap"})

Weights = tuple[tuple[str, float], ...]


def rules_with(weights: Weights) -> Rules:
    """The shipped rules with these weights read over the file's, as a house file's [place_weights] would be:
    the parser takes them from the rules it is given, so nothing is patched."""
    lines = []
    for table in ("scores", "value_scores"):
        lines.append(f"[place_weights.{table}]")
        lines += [f"{key.split('.')[1]} = {value!r}" for key, value in weights if key.split(".")[0] == table]
    return load_rules(text="\n".join(lines) + "\n", origin="the fitted weights")


def file_weights() -> Weights:
    """The fitted weights as the TOML file holds them now."""
    shipped = shipped_weights()
    tables = {"scores": shipped.scores, "value_scores": shipped.values}
    keys = dict.fromkeys(key for knob in GRIDS for key in knob.split("+"))  # a weight may be fitted alone and in a pair
    return tuple((key, tables[key.split(".")[0]][key.split(".")[1]]) for key in keys)


@dataclass(frozen=True)
class Caption:
    """One labelled tune caption: its text, the labels of the place fields with their alternatives, its fold."""

    text: str
    expected: dict[str, list[str | None]]
    key: int


def tune_captions(lang: str = "en", files: str | None = None) -> list[Caption]:
    """The tune captions of one language (every file of it, the fresh ones included once split; of the files
    `files` names when given, as ``evaluate_captions --files`` reads them: a group kept blind is left out)."""
    found = []
    for _name, _line, item in our_items(lang, "tune", files):
        want, alt = labels(item), item.get("alt") or {}
        expected = {name: [want[name], *alt.get(name, [])] for name in PLACE_FIELDS}
        found.append(Caption(item["text"], expected, int(caption_key(item["text"]), 16)))
    return found


class Scorer:
    """The per-caption score of a set of weights, each set parsed once (with the rules `rules_for` makes)."""

    def __init__(self, captions: list[Caption]) -> None:
        self.captions = captions
        self.memo: dict[Weights, list[float]] = {}

    def rules_for(self, weights: Weights) -> Rules:
        return rules_with(weights)

    def per_caption(self, weights: Weights) -> list[float]:
        if weights not in self.memo:
            points = []
            rules = self.rules_for(weights)
            for caption in self.captions:
                got = answers(parse(caption.text, rules))
                total = 0.0
                for name in PLACE_FIELDS:
                    right = matches(name, got[name], caption.expected[name])
                    total += 1.0 if right else (-WRONG_COST if got[name] is not None else 0.0)
                points.append(total)
            self.memo[weights] = points
        return self.memo[weights]

    def total(self, weights: Weights, chosen: Callable[[int], bool]) -> float:
        points = self.per_caption(weights)
        return sum(p for p, c in zip(points, self.captions, strict=True) if chosen(c.key))


def coordinate_search(scorer: Scorer, start: Weights, chosen: Callable[[int], bool], rounds: int,
                      grids: dict[str, tuple] | None = None) -> Weights:
    """Move one weight at a time to the grid value that scores best on the chosen captions (ties stay)."""
    current = dict(start)
    best = scorer.total(start, chosen)
    for _ in range(rounds):
        moved = False
        for key, grid in (grids or GRIDS).items():
            for value in grid:
                moved_to = dict(zip(key.split("+"), value, strict=True)) if isinstance(value, tuple) else {key: value}
                trial = tuple({**current, **moved_to}.items())
                score = scorer.total(trial, chosen)
                if score > best:
                    best, current, moved = score, dict(trial), True
        if not moved:
            break
    return tuple(current.items())


def changes(fitted: Weights, start: Weights) -> str:
    """The weights a fit moved, as "key=value, ..."."""
    return ", ".join(f"{k}={v:g}" for (k, v), (_, old) in zip(fitted, start, strict=True) if v != old)


def arguments(prog: str, doc: str | None, grids: dict[str, tuple], argv: list[str] | None) -> argparse.Namespace:
    """A fitting tool's command line (`doc`: its module's docstring): --folds, --rounds, --only (then `only`
    holds the grids of the weights to fit)."""
    parser = argparse.ArgumentParser(prog=prog, description=(doc or "").split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the coordinate search (default 3)")
    parser.add_argument("--only", nargs="+", metavar="WEIGHT", choices=sorted(grids),
                        help="fit only these weights (the others keep the file's): is one new signal worth its weight?")
    parser.add_argument("--files", help="only the tune files these patterns name ('!' leaves files out: a group "
                        "kept blind is neither fitted on nor scored)")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    args.only = {key: grids[key] for key in args.only} if args.only else grids
    return args


def cross_validate(scorer: Scorer, start: Weights, args: argparse.Namespace, heading: str,
                   search: Callable[..., Weights] | None = None) -> int:
    """Print the K-fold comparison of fitted weights with the file's (folds cut by caption key inside tune), then
    the fit on the whole tune part; `search` is the coordinate search over the tool's grids."""
    search = search or coordinate_search
    grids, out_of_fold = args.only, 0.0
    print(f"{heading}: {len(scorer.captions)} captions, {args.folds} folds; score = place fields right "
          f"- {WRONG_COST:g} per wrong value taken")
    for fold in range(args.folds):
        def training(key: int, fold: int = fold) -> bool:
            return key % args.folds != fold

        def held(key: int, fold: int = fold) -> bool:
            return key % args.folds == fold

        fitted = search(scorer, start, training, args.rounds, grids)
        gain = scorer.total(fitted, held) - scorer.total(start, held)
        out_of_fold += scorer.total(fitted, held)
        print(f"  fold {fold}: left-out gain {gain:+g}   fitted: {changes(fitted, start) or 'no change'}")
    in_file = scorer.total(start, lambda _key: True)
    print(f"cross-validated: fitted {out_of_fold:g} vs the file's weights {in_file:g} "
          f"({out_of_fold - in_file:+g} on {len(scorer.captions)} captions)")
    fitted = search(scorer, start, lambda _key: True, args.rounds, grids)
    print(f"fit on the whole tune part (in sample {scorer.total(fitted, lambda _key: True):g}): "
          f"{changes(fitted, start) or 'no change'}")
    print(f"({len(scorer.memo)} sets of weights parsed)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = arguments("python -m tools.fit_place_weights", __doc__, GRIDS, argv)
    return cross_validate(Scorer(tune_captions("en", args.files)), file_weights(), args, "English tune")


if __name__ == "__main__":
    sys.exit(main())
