"""Who is where: of the cities a caption names, where the parser reads none, which one is where the photo was taken?
A scored reading of the sentence, its weights fitted out of fold on the English tune split.

    python -m tools.city_reading                 # each signal's outcomes, then the fit in 5 folds
    python -m tools.city_reading --show subject  # the tune rows where a signal is read (tune only)
    python -m tools.city_reading --files '!en_fresh4[5-9]*,!en_fresh5[0-4]*'   # the study rows only

The candidates and their signals are the parser's own (``catalog/captions/city_reading.py``, which describes
them): every run of capitalised words the gazetteer knows as a city, in a caption no other reader gives a city, each
read for who is where by general signals of its sentence, never by its words. For: the subject of a verb in the
present, after "in" or "at" in the first sentence of prose, written again, the only city, a million people.
Against: the opening word of the caption or a line, someone's home, a point of reference, a route or an area, a
longer name. A caption whose city the reading itself took is read as one with none.

Each candidate's score is the sum of the weights of the signals it shows; a caption's best candidate is taken when it
reaches the threshold. The score of a set of weights over captions counts a gain (the label's city, where the
parser's empty answer is wrong) +1, a loss (the empty answer right, a value taken) -2, a wrong value (both wrong) -1,
as ``tools.fit_place_weights`` counts a field and ``WRONG_COST``. The fit is a coordinate search over ``GRID`` and
``THRESHOLDS`` (one weight at a time, a tie keeping the value held), started from nothing at each threshold and from
``PRIOR`` (the shipped weights), the best start kept; in 5 folds cut by the caption's key it is fitted on four and
scored on the fifth, and the sum over the folds left out says whether the reading gains on captions it did not see.
Only the English tune split is read; the held-out split never is.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field

from catalog.captions.city_reading import SIGNALS as READ_SIGNALS
from catalog.captions.city_reading import named_cities, signals
from catalog.captions.parser import parse
from tools.evaluate_captions import caption_key, labels, matches, our_items

#: The signals, in the order they are printed: the parser's.
SIGNALS: tuple[str, ...] = READ_SIGNALS
#: A weight's values in the search; the threshold's.
GRID = (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0)
THRESHOLDS = (1.0, 2.0, 3.0, 4.0, 99.0)
#: A start that reads the signals as the sentence suggests: the scene's words for, the others against.
PRIOR = {"subject": 1.0, "first_in": 1.0, "again": 1.0, "alone": 1.0, "large": 1.0, "chain": 1.0, "opening": -2.0,
         "home": -2.0, "reference": -2.0, "route": -2.0, "longer": -2.0}
#: What each outcome of taking a candidate is worth against leaving the city empty.
WORTH = {"gain": 1.0, "also": 0.0, "loss": -2.0, "wrong": -1.0}


@dataclass
class Reading:
    """A candidate city and the who-is-where signals read of it (each 0 or 1)."""

    name: str
    start: int
    end: int
    outcome: str
    signals: dict[str, int] = field(default_factory=dict)


@dataclass
class Row:
    """A tune caption the parser reads no city from, and its candidates read."""

    where: str
    text: str
    label: str | None
    readings: list[Reading]
    key: int = 0


def tune_rows(files: str | None = None) -> list[Row]:
    """The English tune captions the parser reads no city from (of the files named `files`, a pattern as
    ``evaluate_captions --files`` takes), each candidate read, with its outcome."""
    rows = []
    for name, line, item in our_items("en", "tune", files):
        facts = parse(item["text"])
        place = facts.location
        if place.city is not None and not facts.evidence.get("city", "").startswith("en / who is where"):
            continue  # (a city the reading itself took is read again here, as if nothing had)
        want = labels(item)["city"]
        expected = [want, *(item.get("alt") or {}).get("city", [])]
        empty_right = matches("city", None, expected)
        found = named_cities(item["text"])
        readings = []
        for (name_, start, end), read in zip(found, signals(item["text"], found), strict=True):
            right = matches("city", name_, expected)
            outcome = ("also" if empty_right else "gain") if right else "loss" if empty_right else "wrong"
            readings.append(Reading(name_, start, end, outcome, read))
        rows.append(Row(f"{name}:{line}", item["text"], want, readings, int(caption_key(item["text"]), 16)))
    return rows


def taken(row: Row, weights: dict[str, float], threshold: float) -> Reading | None:
    """The caption's best candidate if it reaches the threshold (the first of equals)."""
    best, score = None, float("-inf")
    for r in row.readings:
        s = sum(weights.get(k, 0.0) for k, v in r.signals.items() if v)
        if s > score:
            best, score = r, s
    return best if best is not None and score >= threshold else None


def outcomes(rows: list[Row], weights: dict[str, float], threshold: float) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        r = taken(row, weights, threshold)
        if r is not None:
            counts[r.outcome] += 1
    return counts


def worth(counts: Counter) -> float:
    return sum(WORTH[o] * n for o, n in counts.items())


def fit(rows: list[Row], names: tuple[str, ...] = SIGNALS, rounds: int = 3) -> tuple[dict[str, float], float]:
    """The weights of the signals `names` (the others weigh nothing) and the threshold that score best on `rows`: a
    coordinate search started from nothing at each threshold and from ``PRIOR``, the best start kept."""
    starts = [_search(rows, dict.fromkeys(names, 0.0), t, rounds) for t in THRESHOLDS[:-1]]
    starts.append(_search(rows, {k: PRIOR.get(k, 0.0) for k in names}, 3.0, rounds))
    return max(starts, key=lambda wt: worth(outcomes(rows, *wt)))


def _search(rows: list[Row], weights: dict[str, float], threshold: float,
            rounds: int) -> tuple[dict[str, float], float]:
    """One weight (or the threshold) at a time takes each value of its grid; the best is kept, a tie keeping the
    value held, until a round moves nothing."""
    best = worth(outcomes(rows, weights, threshold))
    for _ in range(rounds):
        moved = False
        for name in ("threshold", *weights):
            for value in THRESHOLDS if name == "threshold" else GRID:
                trial_w, trial_t = dict(weights), threshold
                if name == "threshold":
                    trial_t = value
                else:
                    trial_w[name] = value
                score = worth(outcomes(rows, trial_w, trial_t))
                if score > best:
                    best, weights, threshold, moved = score, trial_w, trial_t, True
        if not moved:
            break
    return weights, threshold


def out_of_fold(rows: list[Row], folds: int, names: tuple[str, ...] = SIGNALS) -> tuple[Counter, list[tuple]]:
    """The outcomes on each fold left out of the weights fitted on the others, summed, and each fold's (weights,
    threshold, outcomes)."""
    total: Counter = Counter()
    each = []
    for k in range(folds):
        weights, threshold = fit([r for r in rows if r.key % folds != k], names)
        out = outcomes([r for r in rows if r.key % folds == k], weights, threshold)
        total += out
        each.append((weights, threshold, out))
    return total, each


def _counts(counts: Counter) -> str:
    return "  ".join(f"{o} {counts[o]}" for o in WORTH) + f"  worth {worth(counts):+g}"


def _context(row: Row, r: Reading) -> str:
    on = ",".join(k for k, v in r.signals.items() if v)
    context = row.text[max(0, r.start - 70):r.end + 50].replace("\n", " | ")
    return f"{r.outcome:<6} {r.name!r} (label {row.label!r}) [{on}] {row.where}: ...{context}..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.city_reading", description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--show", nargs="+", metavar="SIGNAL", help="list the tune rows showing these signals")
    parser.add_argument("--list", action="store_true", help="list the tune rows the fits take a city for")
    parser.add_argument("--ablate", action="store_true", help="fit again without each signal in turn")
    parser.add_argument("--files", help="only the tune sets whose file name matches (e.g. '!en_fresh5*' leaves a "
                                        "blind check group out of the fit)")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    rows = tune_rows(args.files)
    if args.show:
        for row in rows:
            for r in row.readings:
                if all(r.signals[k] for k in args.show):
                    print(_context(row, r))
        return 0
    print(f"captions with no city read: {len(rows)}; with a candidate: {sum(1 for r in rows if r.readings)}; "
          f"candidates: {sum(len(r.readings) for r in rows)}")
    for name in SIGNALS:
        counts = Counter(r.outcome for row in rows for r in row.readings if r.signals[name])
        print(f"  {name:<12} " + "  ".join(f"{o} {counts[o]:>3}" for o in WORTH))
    total, each = out_of_fold(rows, args.folds)
    for k, (weights, threshold, out) in enumerate(each):
        moved = {n: v for n, v in weights.items() if v != PRIOR.get(n, 0.0)}
        print(f"fold {k}: threshold {threshold:g}, moved from the shipped weights {moved} -> {_counts(out)}")
        if args.list:
            for row in (r for r in rows if r.key % args.folds == k):
                r = taken(row, weights, threshold)
                if r is not None and r.outcome in ("loss", "wrong"):
                    print("    " + _context(row, r))
    print(f"out of fold: {_counts(total)}")
    weights, threshold = fit(rows)
    moved = {n: v for n, v in weights.items() if v != PRIOR.get(n, 0.0)}
    print(f"whole tune: threshold {threshold:g}, moved from the shipped weights {moved} -> "
          f"{_counts(outcomes(rows, weights, threshold))}")
    if args.list:
        for row in rows:
            r = taken(row, weights, threshold)
            if r is not None:
                print("    " + _context(row, r))
    if args.ablate:
        for name in SIGNALS:
            without, _ = out_of_fold(rows, args.folds, tuple(n for n in SIGNALS if n != name))
            print(f"  without {name:<10} out of fold: {_counts(without)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
