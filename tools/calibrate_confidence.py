"""Measure how sure the caption parser may be of each kind of value, on the tune split, and where to cut.

    python -m tools.calibrate_confidence                 # the kinds, the curves, the chosen thresholds
    python -m tools.calibrate_confidence --write         # also write catalog/rules/confidence.toml
    python -m tools.calibrate_confidence --dump values.jsonl   # every value of tune and dev, one a line
    python -m tools.calibrate_confidence --compare       # the table against a logistic model, out of fold
    python -m tools.calibrate_confidence --check 'en_fresh4*'   # a fresh set kept out of the fit, scored
    python -m tools.calibrate_confidence --priors        # each prior's log loss and cuts, out of fold

Every caption of the tune split (English and Chinese) is parsed with the gate open; each value the parser
gives is kept with its evidence kind (``catalog/captions/confidence.py``) and whether it is right. The gate
must hold on sources it never saw, so the unit of the fit is a source (the caption's outlet), not a caption:
a kind's confidence is the mean, over the outlets that gave it, of each outlet's share of right values
(five captions of one outlet with the same wrong credit are one outlet's habit, not five pieces of evidence),
drawn towards the confidence of the kind above it ("en / credit / a name alone" above "en / credit / a name
alone / own line") by `PRIOR` outlets' worth; a kind seen from fewer than `MIN_VALUES` outlets takes its
parent's, except that ``--write`` keeps the shipped confidence of a kind the shipped table lists (a kind a
reader has since made rare, ``kept_where_thin``). `PRIOR` is the largest whose chosen thresholds cut the most
wrong values, less right ones lost, out of fold (``--priors``).

The curve is measured out of fold: the tune captions are cut into 5 folds by outlet (every caption of one
outlet in one fold; ``--folds caption`` cuts them by text, as before), so each fold's values are scored by a
table that never saw their source. For each field and threshold it prints the values kept, the wrong values
kept, the right values lost (a right value whose label also accepts none, "U.S. Air Force" where the label is
empty or that name, is no loss: leaving it out is right too), and the field's accuracy on tune. The chosen
threshold of a field starts from the shipped one when, out of fold, that cuts at least as many wrong values
as it loses right ones and costs no accuracy, or when lowering it would let back values that make the field's
accuracy on tune fall (else from 0), and rises by steps that each cut more than `RATIO` wrong values per right
value lost, never leaving the field's accuracy more than `MAX_LOSS` below its ungated accuracy (a wrong value
left out costs nothing; a right one is a miss). It then prints, per field, the old way's fit (each value counted,
prior 4) with the shipped thresholds against this fit with the chosen ones: wrong values dropped, right values
lost, accuracy. Only the tune split is read for the fit.

``--check PATTERN`` keeps the tune captions of the files named PATTERN (a fresh set from outlets new to the
parser) out of the fit and scores the shipped gate and the fitted one on them.

``--dump`` writes every value the parser takes on the tune split and the shared dev set as JSON lines, with
what the gate knows of it and whether it is right, for classing the wrong values by kind: the set, the
caption's file and line, its language, the field, the value, the labels (the value and its alternatives),
the evidence kind and its words, the confidence (tune: out of fold; dev: the table fitted on all of tune),
whether the value is right and whether leaving it out would be, and whether the shipped gate keeps it.

``--compare`` weighs the table against a logistic model over the same evidence (a weight for each prefix of a
kind and each of its words within the field, and each word across fields, L2-regularised), both fitted on four
folds and scored on the fifth: for each field, how many wrong values the lowest-scored values hold before the
field's accuracy would fall (a right value left out costs accuracy, a wrong one none).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import math
import sys
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from catalog.captions.confidence import FIELDS, SEP, Table, table_for, value_of
from catalog.captions.parser import parse
from catalog.captions.rules import default_rules, load_rules
from tools.evaluate_captions import ROOT, default_dev_path, labels, matches, our_items, read_items

#: A kind's share of right values is drawn towards its parent's by this many values' worth.
PRIOR = 4.0
#: A source (an outlet), not a value, is the unit of the fit (``fit``): one outlet's habit counts once.
BY_SOURCE = True
#: The fit before folds by outlet (prior, by source), for the comparison the tool prints.
OLD_WAY = (4.0, False)
#: A kind seen fewer times than this on tune takes its parent's confidence: one value is no evidence of a kind.
MIN_VALUES = 3
#: A step up the thresholds is taken only when it cuts more than this many wrong values per right value lost.
RATIO = 1.0
#: ... and leaves the field's tune accuracy at most this far below its ungated accuracy.
MAX_LOSS = 0.0
#: The thresholds tried.
STEPS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99)
FOLDS = 5
TOML = ROOT / "catalog" / "rules" / "confidence.toml"


@dataclass(frozen=True)
class Value:
    """One value the parser gave on a tune caption, with its kind and whether it is right."""

    caption: int
    field: str
    value: str
    kind: str
    right: bool
    right_if_left_out: bool  # the label has no value (or accepts none): leaving it out is right
    where: str = ""  # the caption's file and line, for --dump
    expected: tuple[str | None, ...] = ()  # the label and its alternatives, for --dump
    source: str = ""  # the caption's outlet (else its file and line): the values of one source weigh as one


def _open_rules():
    return load_rules(text="[confidence.thresholds]\n" + "\n".join(f"{f} = 0.0" for f in FIELDS), origin="open")


def _caption_values(number: int, item: dict, where: str, rules, right_ungated: dict[str, int]) -> list[Value]:
    """The values the open parser takes from one labelled caption; counts its right fields in `right_ungated`."""
    facts = parse(item["text"], rules)
    want, alt = labels(item), item.get("alt") or {}
    found = []
    for field in FIELDS:
        expected = [want[field], *alt.get(field, [])]
        got = value_of(facts, field)
        right = matches(field, got, expected)
        right_ungated[field] += right
        if got is not None:
            found.append(Value(number, field, got, facts.evidence.get(field, ""), right,
                               matches(field, None, expected), where, tuple(expected),
                               item.get("outlet") or where))
    return found


def fold_of(item: dict, where: str, by: str = "outlet") -> int:
    """The fold of a caption: by its outlet (every caption of one outlet in one fold, so that a fold's values are
    scored by a table that never saw their source; a caption with no outlet is its own source), or by its text.

    >>> a = fold_of({"text": "one", "outlet": "The Herald"}, "en_x.jsonl:1")
    >>> a == fold_of({"text": "two", "outlet": "The Herald"}, "en_y.jsonl:9")
    True
    """
    key = item["text"] if by == "caption" else (item.get("outlet") or where)
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % FOLDS


def tune_values(by: str = "outlet", leave_out: str | None = None,
                only: str | None = None) -> tuple[list[Value], dict[int, int], dict[str, int]]:
    """Every value of the tune split, each caption's fold (`by` outlet or caption) and how many captions' field is
    right ungated; without the files named `leave_out` (a pattern), or of the files named `only` alone."""
    rules = _open_rules()
    values, folds = [], {}
    right_ungated: dict[str, int] = defaultdict(int)
    number = 0
    for language in ("en", "zh"):
        for name, line, item in our_items(language, "tune", only):
            if leave_out is not None and fnmatch.fnmatch(name, leave_out):
                continue
            number += 1
            folds[number] = fold_of(item, f"{name}:{line}", by)
            values += _caption_values(number, item, f"{name}:{line}", rules, right_ungated)
    return values, folds, dict(right_ungated)


def dev_values() -> list[Value]:
    """Every value of the shared dev set (none when it is not there)."""
    path = default_dev_path()
    if not path.is_file():
        return []
    rules = _open_rules()
    counts: dict[str, int] = defaultdict(int)
    return [value for line, item in read_items(path)
            for value in _caption_values(-line, item, f"{path.name}:{line}", rules, counts)]


def dump(path: Path, values: list[Value], confidences: list[float], dev: list[Value],
         table: dict[str, dict[str, float]], shipped: Table) -> None:
    """Every value of tune (with its out-of-fold confidence) and dev (with the confidence of `table`), as JSON
    lines: the rows to class the wrong values by."""
    fitted = Table(table, {})
    rows = [("tune", v, c) for v, c in zip(values, confidences)]
    rows += [("dev", v, fitted.confidence(v.field, v.kind)) for v in dev]
    with open(path, "w", encoding="utf-8") as handle:
        for split, value, confidence in rows:
            handle.write(json.dumps({
                "set": split, "where": value.where, "language": value.kind.split(SEP)[0] if value.kind else "",
                "field": value.field, "value": value.value, "expected": list(value.expected),
                "kind": value.kind, "words": value.kind.split(SEP) if value.kind else [],
                "confidence": round(confidence, 4), "right": value.right,
                "right_if_left_out": value.right_if_left_out,
                "kept": shipped.confidence(value.field, value.kind) >= shipped.thresholds.get(value.field, 0.0),
            }, ensure_ascii=False) + "\n")


def fit(values: list[Value], prior: float = PRIOR, by_source: bool = BY_SOURCE) -> dict[str, dict[str, float]]:
    """Each field's confidence per kind prefix: right share, drawn towards the parent prefix's by `prior`
    values' worth. With `by_source`, the unit is a source, not a value: a kind's share is the mean over the
    sources that gave it of each source's right share, and it has seen as many values as sources (four captions
    of one outlet with the same wrong credit are one outlet's way, not four pieces of evidence).

    >>> values = [Value(n, "agency", "ON", "en / x", False, False, source="a") for n in range(4)]
    >>> values += [Value(9 + n, "agency", "AP", "en / x", True, False, source=str(n)) for n in range(2)]
    >>> round(fit(values, prior=0.0, by_source=False)["agency"]["en / x"], 2)
    0.33
    >>> round(fit(values, prior=0.0, by_source=True)["agency"]["en / x"], 2)
    0.67
    """
    sources: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for value in values:
        words = value.kind.split(SEP) if value.kind else []
        unit = (value.source or str(value.caption)) if by_source else str(id(value))
        for length in range(len(words) + 1):
            key = SEP.join(words[:length]) or "*"
            sources[value.field, key][unit][0] += value.right
            sources[value.field, key][unit][1] += 1
    counts = {key: (sum(r / n for r, n in units.values()), float(len(units))) for key, units in sources.items()}
    everything = sum(v.right for v in values) / max(len(values), 1)
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for (field, key), (right, seen) in sorted(counts.items(), key=lambda kv: kv[0][1].count(SEP) + (kv[0][1] != "*")):
        if key == "*":
            parent = everything
        else:
            above = SEP.join(key.split(SEP)[:-1]) or "*"
            parent = table[field][above]
        table[field][key] = (right + prior * parent) / (seen + prior) if seen >= MIN_VALUES else parent
    return table


def out_of_fold(values: list[Value], folds: dict[int, int], prior: float = PRIOR,
                by_source: bool = BY_SOURCE) -> list[float]:
    """Each value's confidence under the table fitted on the other folds."""
    confidences = [0.0] * len(values)
    for fold in range(FOLDS):
        table = Table(fit([v for v in values if folds[v.caption] != fold], prior, by_source), {})
        for index, value in enumerate(values):
            if folds[value.caption] == fold:
                confidences[index] = table.confidence(value.field, value.kind)
    return confidences


@dataclass(frozen=True)
class Point:
    """One threshold of a field's curve."""

    threshold: float
    kept: int
    wrong: int
    right_lost: int
    accuracy: float


def curve(field: str, values: list[Value], confidences: list[float], captions: int, right_ungated: int) -> list[Point]:
    """The field's values kept, wrong, right lost (a miss once left out: not a value the label accepts leaving out)
    and accuracy at each threshold."""
    mine = [(v, c) for v, c in zip(values, confidences) if v.field == field]
    points = []
    for threshold in STEPS:
        kept = [v for v, c in mine if c >= threshold]
        dropped = [v for v, c in mine if c < threshold]
        right = right_ungated - sum(v.right for v in dropped) + sum(v.right_if_left_out for v in dropped)
        points.append(Point(threshold, len(kept), sum(not v.right for v in kept),
                            sum(v.right and not v.right_if_left_out for v in dropped), right / captions))
    return points


def choose(points: list[Point], shipped: float | None = None) -> Point:
    """The highest threshold reached by steps that each cut more wrong values than RATIO per right value lost,
    without losing more than MAX_LOSS of accuracy (none: a wrong value left out costs nothing, a right one a
    miss). The steps start from the `shipped` threshold when, out of fold, it cuts at least as many wrong
    values as it loses right ones and costs no accuracy: a threshold is lowered only when it loses more than
    it cuts."""
    chosen = points[0]
    start = next((p for p in points if shipped is not None and p.threshold == shipped), None)
    if (start is not None and start.accuracy >= points[0].accuracy - MAX_LOSS
            and points[0].wrong - start.wrong >= start.right_lost):
        chosen = start
    for point in points[1:]:
        if point.threshold <= chosen.threshold:
            continue
        cut = chosen.wrong - point.wrong
        lost = point.right_lost - chosen.right_lost
        if point.accuracy < points[0].accuracy - MAX_LOSS:
            break
        if cut == 0 and lost == 0:
            continue
        if cut > RATIO * lost:
            chosen = point
    return chosen


@dataclass(frozen=True)
class Effect:
    """What a threshold does to one field's values: the wrong values it leaves out, the right ones it loses, and
    the field's accuracy without and with it."""

    values: int
    wrong: int
    wrong_dropped: int
    right_dropped: int  # right values left out whose label wants a value: each a miss
    accuracy_open: float
    accuracy: float

    def line(self) -> str:
        return (f"wrong dropped {self.wrong_dropped:3d} of {self.wrong:3d}, right lost {self.right_dropped:3d} of "
                f"{self.values - self.wrong:4d}, accuracy {self.accuracy_open:6.1%} -> {self.accuracy:6.1%}")


def effect(field: str, values: list[Value], confidences: list[float], threshold: float, captions: int,
           right_ungated: int) -> Effect:
    """The effect of leaving out the field's values below `threshold`."""
    mine = [(v, c) for v, c in zip(values, confidences, strict=True) if v.field == field]
    dropped = [v for v, c in mine if c < threshold]
    right = right_ungated - sum(v.right for v in dropped) + sum(v.right_if_left_out for v in dropped)
    return Effect(len(mine), sum(not v.right for v, _ in mine), sum(not v.right for v in dropped),
                  sum(v.right and not v.right_if_left_out for v in dropped), right_ungated / max(captions, 1),
                  right / max(captions, 1))


def kept_back(field: str, values: list[Value], confidences: list[float], shipped: float, lower: float,
              captions: int, right_ungated: int) -> bool:
    """Whether lowering the field's shipped threshold would let back values that make its tune accuracy fall
    (`confidences` from the table fitted on all of tune): such a threshold stays, since what it cuts on tune is
    wrong, and out of fold it only lost as much as it cut."""
    return (effect(field, values, confidences, lower, captions, right_ungated).accuracy
            < effect(field, values, confidences, shipped, captions, right_ungated).accuracy)


def _features(value: Value) -> list[str]:
    words = value.kind.split(SEP) if value.kind else []
    return ([f"{value.field}|*"] + [f"{value.field}|{SEP.join(words[:n])}" for n in range(1, len(words) + 1)]
            + [f"{value.field}|word {w}" for w in words[1:]] + [f"any|word {w}" for w in words[1:]])


def logistic_out_of_fold(values: list[Value], folds: dict[int, int], strength: float = 1.0,
                         steps: int = 300) -> list[float]:
    """Each value's chance of being right under a logistic model fitted on the other folds (gradient descent;
    `strength` is the L2 penalty, in values' worth)."""
    import numpy as np

    names: dict[str, int] = {}
    rows = [[names.setdefault(f, len(names)) for f in _features(v)] for v in values]
    matrix = np.zeros((len(values), len(names)))
    for index, columns in enumerate(rows):
        matrix[index, columns] = 1.0
    right = np.array([v.right for v in values], dtype=float)
    fold_of = np.array([folds[v.caption] for v in values])
    chances = np.zeros(len(values))
    for fold in range(FOLDS):
        train, test = fold_of != fold, fold_of == fold
        x, y = matrix[train], right[train]
        weights, bias = np.zeros(len(names)), 3.0
        for _ in range(steps):
            error = 1 / (1 + np.exp(-(x @ weights + bias))) - y
            weights -= 2.0 * (x.T @ error + strength * weights) / len(y)
            bias -= 2.0 * error.mean()
        chances[test] = 1 / (1 + np.exp(-(matrix[test] @ weights + bias)))
    return [float(c) for c in chances]


def wrong_cut_without_loss(field: str, values: list[Value], scores: list[float]) -> int:
    """The most wrong values of a field that leaving out its lowest-scored values cuts while the field's accuracy
    does not fall."""
    mine = sorted(((s, v) for v, s in zip(values, scores, strict=True) if v.field == field), key=lambda sv: sv[0])
    best = change = wrong = 0
    for _, value in mine:
        change += value.right_if_left_out - value.right
        wrong += not value.right
        if change >= 0:
            best = max(best, wrong)
    return best


def kept_where_thin(table: dict[str, dict[str, float]], values: list[Value],
                    shipped: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """The fitted table with each kind the shipped table lists, but that tune now shows from fewer than
    `MIN_VALUES` sources, kept at its shipped confidence. A kind a reader has since made rare (a page's time stamp
    on a line of its own, wrong 9 of 9 times while the date reader still took it, and seen once on tune since)
    gives no evidence of its own, and its parent's confidence would forget what was measured while it was common.

    >>> values = [Value(n, "date", "X", "en / a", True, False, source=str(n)) for n in range(5)]
    >>> kept_where_thin({"date": {"*": 0.99}}, values, {"date": {"en / a": 0.8, "en / b": 0.3}})["date"]
    {'*': 0.99, 'en / b': 0.3}
    """
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for value in values:
        words = value.kind.split(SEP) if value.kind else []
        for length in range(1, len(words) + 1):
            sources[value.field, SEP.join(words[:length])].add(value.source or str(value.caption))
    kept = {field: dict(entries) for field, entries in table.items()}
    for field, entries in shipped.items():
        for key, confidence in entries.items():
            if key != "*" and len(sources.get((field, key), ())) < MIN_VALUES:
                kept.setdefault(field, {})[key] = round(confidence, 3)
    return kept


def trimmed(table: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """The table without entries within 0.005 of the prefix above them (they inherit it)."""
    short: dict[str, dict[str, float]] = {}
    for field, entries in table.items():
        kept = {}
        for key, confidence in entries.items():
            above = "*" if key == "*" else (SEP.join(key.split(SEP)[:-1]) or "*")
            inherited = _lookup(kept, above) if key != "*" else None
            if inherited is None or abs(confidence - inherited) >= 0.005:
                kept[key] = round(confidence, 3)
        short[field] = kept
    return short


def _lookup(entries: dict[str, float], key: str) -> float | None:
    words = key.split(SEP) if key != "*" else []
    for length in range(len(words), 0, -1):
        found = entries.get(SEP.join(words[:length]))
        if found is not None:
            return found
    return entries.get("*")


def write_toml(path: Path, table: dict[str, dict[str, float]], thresholds: dict[str, float],
               curves: dict[str, list[Point]], chosen: dict[str, Point]) -> None:
    """catalog/rules/confidence.toml: the thresholds, then each field's confidences (with their curve)."""
    lines = [
        "# How sure the caption parser is of each value, by how it found it (its evidence kind), and the threshold",
        "# below which a value is left out: catalog/captions/confidence.py reads this file; a house rules file",
        "# changes any number under [confidence] ([confidence.thresholds], [confidence.city]).",
        "# Written by `python -m tools.calibrate_confidence --write` from the tune split, with a source (an",
        "# outlet), not a caption, as the unit: a kind's confidence is the mean over the outlets that gave it of",
        f"# each one's share of right values, drawn towards its parent kind's by {PRIOR:g} outlets' worth (a kind",
        f"# seen from fewer than {MIN_VALUES} outlets takes its parent's, or keeps the confidence this file gave it"
        " when",
        "# it was refitted, if it listed it: a kind a reader has since made rare keeps what was measured on it).",
        "# A kind not listed takes the confidence of its longest listed prefix, else the field's \"*\".",
        f"# Each threshold was chosen on the curve measured out of fold ({FOLDS} folds of tune cut by outlet, so each",
        "# fold's outlets are new to the table that scores it): from the shipped threshold when it cost no",
        "# accuracy and cut as many wrong values as it lost right ones (or when lowering it would let back values",
        "# that make the field's tune accuracy fall), else from 0, each step up cutting more wrong values than",
        "# it lost right ones without the field's accuracy falling.",
        "# Raise a threshold to leave out more; 0 keeps every value.",
        "",
        "[thresholds]",
    ]
    for field in FIELDS:
        point = chosen[field]
        lines.append(f"{field} = {thresholds[field]:g}  # tune, out of fold: {point.wrong} wrong kept, "
                     f"{point.right_lost} right lost, accuracy {point.accuracy:.1%}")
    for field in FIELDS:
        lines += ["", f"[{field}]"]
        for key, confidence in sorted(table.get(field, {}).items(), key=lambda kv: (kv[0] != "*", kv[0])):
            lines.append(f'"{key}" = {confidence:g}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_values(pattern: str, table: dict[str, dict[str, float]], chosen: dict[str, Point], shipped: Table) -> None:
    """Score the shipped gate and the fitted one on the tune captions of the files named `pattern`, which the fit
    never saw (a fresh set from new outlets)."""
    values, folds, right_ungated = tune_values(only=pattern)
    captions = len(folds)
    print(f"\ncheck set: the tune captions of {pattern} ({captions} captions, {len(values)} values, "
          f"{sum(not v.right for v in values)} wrong), the fit never saw them:")
    fitted = Table(table, {})
    for field in FIELDS:
        before = effect(field, values, [shipped.confidence(v.field, v.kind) for v in values],
                        shipped.thresholds.get(field, 0.0), captions, right_ungated.get(field, 0))
        after = effect(field, values, [fitted.confidence(v.field, v.kind) for v in values],
                       chosen[field].threshold, captions, right_ungated.get(field, 0))
        print(f"  {field:<13}shipped: {before.line()}\n  {'':<13}fitted:  {after.line()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.calibrate_confidence",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {TOML.relative_to(ROOT)}")
    parser.add_argument("--kinds", action="store_true", help="list every kind with its values and wrong values")
    parser.add_argument("--compare", action="store_true",
                        help="weigh the table against a logistic model over the same evidence, out of fold")
    parser.add_argument("--dump", type=Path, metavar="JSONL",
                        help="write every value of tune and dev, with its kind, confidence and rightness")
    parser.add_argument("--folds", choices=("outlet", "caption"), default="outlet",
                        help="cut the folds by outlet (default: a fold's sources are new to the table that "
                             "scores it) or by caption (the old way: the same outlet on both sides)")
    parser.add_argument("--check", metavar="PATTERN",
                        help="keep the tune captions of the files named PATTERN (a fresh set: 'en_fresh4*') out "
                             "of the fit and score the shipped gate and this fit on them")
    parser.add_argument("--priors", action="store_true",
                        help="score each prior (values' worth a kind is drawn towards its parent's) out of fold")
    args = parser.parse_args(argv)
    values, folds, right_ungated = tune_values(args.folds, leave_out=args.check)
    captions = len(folds)
    if args.kinds:
        seen: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for value in values:
            seen[value.field, value.kind][0] += 1
            seen[value.field, value.kind][1] += not value.right
        print(f"{'field':<13}{'values':>7}{'wrong':>6}  kind")
        for (field, kind), (count, wrong) in sorted(seen.items()):
            print(f"{field:<13}{count:7d}{wrong:6d}  {kind}")
        print()
    confidences = out_of_fold(values, folds)
    curves, chosen = {}, {}
    print(f"tune split{f' without {args.check}' if args.check else ''}, {captions} captions, {len(values)} values, "
          f"{sum(not v.right for v in values)} wrong; out of fold ({FOLDS} folds by {args.folds})")
    shipped = table_for(default_rules())
    whole = Table(fit(values), {})
    in_sample = [whole.confidence(v.field, v.kind) for v in values]
    for field in FIELDS:
        curves[field] = curve(field, values, confidences, captions, right_ungated[field])
        chosen[field] = choose(curves[field], shipped.thresholds.get(field))
        old = shipped.thresholds.get(field, 0.0)
        if chosen[field].threshold < old and kept_back(field, values, in_sample, old, chosen[field].threshold,
                                                       captions, right_ungated[field]):
            chosen[field] = next(p for p in curves[field] if p.threshold == old)
        print(f"\n{field}: threshold  kept  wrong  right lost  accuracy")
        for point in curves[field]:
            mark = "  <- chosen" if point is chosen[field] else ""
            print(f"  {point.threshold:17.2f}{point.kept:6d}{point.wrong:7d}{point.right_lost:12d}"
                  f"{point.accuracy:10.1%}{mark}")
    wrong = sum(chosen[f].wrong for f in FIELDS)
    kept = sum(chosen[f].kept for f in FIELDS)
    print(f"\nchosen: {kept} values kept, {wrong} wrong ({wrong / max(kept, 1):.2%}), out of fold")
    old_way = out_of_fold(values, folds, *OLD_WAY)
    print(f"\nout of fold (folds by {args.folds}): the old way (each value counted, prior {OLD_WAY[0]:g}) with the "
          "shipped thresholds, against this fit with the chosen ones:")
    for field in FIELDS:
        before = effect(field, values, old_way, shipped.thresholds.get(field, 0.0), captions, right_ungated[field])
        after = effect(field, values, confidences, chosen[field].threshold, captions, right_ungated[field])
        print(f"  {field:<13}old  {shipped.thresholds.get(field, 0.0):4.2f}: {before.line()}\n"
              f"  {'':<13}this {chosen[field].threshold:4.2f}: {after.line()}")
    if args.priors:
        print("\neach prior out of fold: log loss (lower is better); what the thresholds chosen on its curve cut")
        for prior in (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0):
            scores = out_of_fold(values, folds, prior)
            loss = -sum(math.log(max(c if v.right else 1 - c, 1e-6)) for v, c in zip(values, scores)) / len(values)
            cuts = {}
            for field in FIELDS:
                point = choose(curve(field, values, scores, captions, right_ungated[field]),
                               shipped.thresholds.get(field))
                cut = effect(field, values, scores, point.threshold, captions, right_ungated[field])
                if cut.wrong_dropped or cut.right_dropped:
                    cuts[field] = f"{field} {point.threshold:g}: {cut.wrong_dropped} wrong, {cut.right_dropped} right"
            print(f"  prior {prior:4g}: log loss {loss:.4f}; " + ("; ".join(cuts.values()) or "nothing cut"))
    if args.check:
        check_values(args.check, fit(values), chosen, shipped)
    if args.compare:
        print("\nwrong values cut before the field's accuracy falls, out of fold:")
        models = [("table", confidences)] + [
            (f"logistic, L2 {strength:g}", logistic_out_of_fold(values, folds, strength))
            for strength in (0.3, 1.0, 3.0, 10.0)]
        for name, scores in models:
            cuts = {field: wrong_cut_without_loss(field, values, scores) for field in FIELDS}
            print(f"  {name:<18}{sum(cuts.values()):4d}  " + ", ".join(f"{f} {n}" for f, n in cuts.items() if n))
    if args.dump:
        dump(args.dump, values, confidences, dev_values(), fit(values), table_for(default_rules()))
        print(f"written: {args.dump}")
    if args.write:
        table = kept_where_thin(trimmed(fit(values)), values, shipped.confidences)
        thresholds = {f: chosen[f].threshold for f in FIELDS}
        write_toml(TOML, table, thresholds, curves, chosen)
        print(f"written: {TOML}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
