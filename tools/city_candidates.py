"""The English tune captions where the parser reads no city, and every city the gazetteer knows that they name: is
there a kind of such name, told by general signals, that is the scene's city and never a wrong one?

    python -m tools.city_candidates                      # the signals one by one, then every kind that passes
    python -m tools.city_candidates --by before after    # the outcomes by two signals together
    python -m tools.city_candidates --show before=in alone=yes   # the tune rows of one kind (tune only)

A *candidate* is a run of capitalised words (a possessive's "'s" and a trailing full stop taken off) that the
gazetteer knows as a city and not as a country, in a caption the parser reads no city from. Each is given
general signals, read from the caption and from what the parser read of it, never from its words:

- ``before``: the word before it ("in", "at", "of", "to", "from", "on", "near", "over", "the"), a capitalised word
  ("name": it is inside a longer name), a comma, the opening of the caption, a line or a sentence ("opening"),
  another word;
- ``after``: "'s" ("possessive"), a comma and a country or a province the gazetteer places it in ("its country",
  "its province": a chain), a comma, the end of its sentence or line ("end"), a capitalised word ("name"), a date,
  another word;
- ``people``: the gazetteer's largest city so called, in bands (under 100,000, up to a million, more);
- ``alone``: whether it is the only city the gazetteer knows that the caption names;
- ``agrees``: whether the country or province the parser read holds a city so called ("same"), holds none
  ("other"), or nothing was read ("none");
- ``scene``: what the parser read of the place: nothing, a venue only, a province or a country.

Each candidate's *outcome* against the label: ``gain`` (the label's city, where the parser's empty answer is
wrong), ``also`` (an accepted value, where the empty answer is accepted too), ``loss`` (not the label's city,
where the empty answer is right: taking it loses a right field and adds a wrong value), ``wrong`` (neither).
A kind (one to three signals with their values) *passes* when it gains at least ``--min-rows`` tune rows (3, the
smallest kind worth a rule) with no loss and no wrong value: the bar for a new reading of the city (issue 14).

So many kinds are tried that some pass by chance, so the kinds are cross-validated as the place weights are
(``tools.fit_place_weights``): the captions are cut into ``--folds`` folds by their key, the kinds that pass on the
other folds are taken on the fold left out (a caption's first candidate of any such kind), and the outcomes there
are summed over the folds. A kind worth a rule gains out of fold and takes no wrong value there.
Only the English tune split is read; the held-out split never is. Counts are printed unless ``--show`` is given.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.captions.gazetteer import name_levels
from catalog.captions.parser import parse
from catalog.captions.types import Place
from catalog.captions.vocabulary import MONTHS, WEEKDAYS
from catalog.patterns import compiled
from tools.evaluate_captions import caption_key, labels, matches, our_items

#: The signals, in the order they are printed.
SIGNALS = ("before", "after", "people", "alone", "agrees", "scene")
#: The outcomes, in the order they are printed.
OUTCOMES = ("gain", "also", "loss", "wrong")
#: The small words told apart before a candidate; any other is "word".
_PREPOSITIONS = frozenset({"in", "at", "on", "of", "to", "from", "near", "over", "the"})
#: Months, weekdays and seasons: towns of those names ("March", "Spring") are never read as named here.
_CALENDAR = frozenset({n.casefold() for names in MONTHS.values() for n in names} | {d.casefold() for d in WEEKDAYS}
                      | {"spring", "summer", "autumn", "fall", "winter"})
#: Capitalised words in a row on one line ("Hoi An", "Port of Spain" is read as "Port" and "Spain").
_RUN = compiled(r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*(?:[ \t]+[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*)*")
_WORD_BEFORE = compiled(r"(\S+)[ \t]*$")
_OPENING = compiled(r"(?:^|[.!?:][\"'’”)]*\s+|\n\s*)$")
_NAME_AFTER = compiled(r",[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})")
_END_AFTER = compiled(r"[\"'’”)]*(?:[.!?;](?:\s|$)|[ \t]*(?:\n|$))")
_DATE_AFTER = compiled(r",?[ \t]+(?:on[ \t]+)?(?:\d|(?:" + "|".join(sorted(_CALENDAR, key=len, reverse=True))
                       + r")\b)", re.IGNORECASE)


@dataclass
class Candidate:
    """A city the gazetteer knows, named in a caption, and its signals."""

    name: str
    start: int
    end: int
    signals: dict[str, str] = field(default_factory=dict)


def candidates(text: str, read: Place | None = None) -> list[Candidate]:
    """Every city the gazetteer knows that `text` names as a run of capitalised words of its own, with its signals;
    `read` is the place the parser read from the caption (its country or province, a venue alone), if any.

    >>> [(c.name, c.signals["before"], c.signals["after"]) for c in candidates("Boats moor in Mombasa, Kenya.")]
    [('Mombasa', 'in', 'its country')]
    """
    read = read or Place()
    found = []
    for run in _RUN.finditer(text):
        name = run.group().rstrip(".,").removesuffix("’s").removesuffix("'s")
        if name.casefold() in _CALENDAR:
            continue
        known = name_levels(name)
        if known.city_population and not known.country:
            found.append(Candidate(name, run.start(), run.start() + len(name)))
    cities = {c.name.casefold() for c in found}
    for candidate in found:
        candidate.signals = {
            "before": _before(text, candidate.start), "after": _after(text, candidate),
            "people": _people(name_levels(candidate.name).city_population),
            "alone": "yes" if len(cities) == 1 else "no", "agrees": _agrees(candidate.name, read),
            "scene": _scene(read),
        }
    return found


def _before(text: str, start: int) -> str:
    if _OPENING.search(text, max(0, start - 8), start) or not text[:start].strip():
        return "opening"
    if text[:start].rstrip(" \t").endswith(","):
        return "comma"
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if word is None:
        return "word"
    if word.group(1).casefold() in _PREPOSITIONS:
        return word.group(1).casefold()
    return "name" if word.group(1)[:1].isupper() else "word"


def _after(text: str, candidate: Candidate) -> str:
    end = candidate.end
    if text.startswith(("'s", "’s"), end):
        return "possessive"
    larger = _NAME_AFTER.match(text, end)
    if larger is not None:
        known, code = name_levels(larger.group(1)), name_levels(candidate.name).city_country
        if known.country and known.country == code:
            return "its country"
        if known.province and known.province.split("-")[0] == code:
            return "its province"
    if _DATE_AFTER.match(text, end):
        return "date"
    if text.startswith(",", end):
        return "comma"
    if _END_AFTER.match(text, end):
        return "end"
    return "name" if re.match(r"[ \t]+[A-Z]", text[end:end + 2]) else "word"


def _people(population: int) -> str:
    return "under 100,000" if population < 100_000 else "up to 1 million" if population < 1_000_000 else "more"


def _agrees(name: str, read: Place) -> str:
    larger = read.country or read.province
    if not larger:
        return "none"
    known = name_levels(larger)
    code = known.country or (known.province or "").split("-")[0]
    return "same" if code and code == name_levels(name).city_country else "other"


def _scene(read: Place) -> str:
    if read.province or read.country:
        return "province or country"
    return "venue only" if read.sublocation else "nothing"


@dataclass
class Row:
    """A tune caption the parser reads no city from: where it is, its text and its candidates with outcomes."""

    where: str
    text: str
    label: str | None
    found: list[tuple[Candidate, str]]
    key: int = 0  # the caption's key as a number, which cuts the folds


def tune_rows() -> list[Row]:
    """The English tune captions the parser reads no city from, each candidate with its outcome."""
    rows = []
    for name, line, item in our_items("en", "tune"):
        read = parse(item["text"]).location
        if read.city is not None:
            continue
        want = labels(item)["city"]
        expected = [want, *(item.get("alt") or {}).get("city", [])]
        empty_right = matches("city", None, expected)
        found = []
        for candidate in candidates(item["text"], read):
            right = matches("city", candidate.name, expected)
            found.append((candidate, ("also" if empty_right else "gain") if right else
                          "loss" if empty_right else "wrong"))
        rows.append(Row(f"{name}:{line}", item["text"], want, found, int(caption_key(item["text"]), 16)))
    return rows


def tally(rows: Iterable[Row], keys: tuple[str, ...]) -> dict[tuple[str, ...], Counter]:
    """The outcomes by the values of `keys`, counting each caption once per kind (its first candidate of the kind)."""
    counts: dict[tuple[str, ...], Counter] = {}
    for row in rows:
        seen = set()
        for candidate, outcome in row.found:
            kind = tuple(candidate.signals[k] for k in keys)
            if kind not in seen:
                seen.add(kind)
                counts.setdefault(kind, Counter())[outcome] += 1
    return counts


def passing(rows: list[Row], min_rows: int, most: int = 3) -> list[tuple[tuple[str, ...], tuple[str, ...], Counter]]:
    """Every kind of one to `most` signals that gains at least `min_rows` rows with no loss and no wrong value."""
    found = []
    for size in range(1, most + 1):
        for keys in itertools.combinations(SIGNALS, size):
            for kind, counts in tally(rows, keys).items():
                if counts["gain"] >= min_rows and not counts["loss"] and not counts["wrong"]:
                    found.append((keys, kind, counts))
    return found


def out_of_fold(rows: list[Row], folds: int, min_rows: int) -> tuple[Counter, list[Counter]]:
    """The outcomes on each fold left out of the kinds passing on the others, summed, and each fold's own."""
    each = []
    for fold in range(folds):
        kinds = passing([r for r in rows if r.key % folds != fold], min_rows)
        counts: Counter = Counter()
        for row in (r for r in rows if r.key % folds == fold):
            taken = next((outcome for candidate, outcome in row.found if any(
                all(candidate.signals[k] == v for k, v in zip(keys, kind, strict=True)) for keys, kind, _ in kinds)),
                None)
            if taken is not None:
                counts[taken] += 1
        counts["kinds"] = len(kinds)
        each.append(counts)
    return sum(each, Counter()), each


def _line(label: str, counts: Counter) -> str:
    return f"  {label:<48} " + "  ".join(f"{o} {counts[o]:>3}" for o in OUTCOMES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.city_candidates", description=__doc__.split("\n")[0])
    parser.add_argument("--by", nargs="+", choices=SIGNALS, help="tally by these signals together")
    parser.add_argument("--min-rows", type=int, default=3, help="the fewest tune rows a passing kind gains (3)")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--show", nargs="+", metavar="SIGNAL=VALUE", help="list the tune rows of this kind")
    args = parser.parse_args(argv)
    rows = tune_rows()
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    if args.show and not all("=" in pair for pair in args.show):
        parser.error("--show takes SIGNAL=VALUE pairs (quote a value with spaces: 'scene=venue only')")
    if args.show:
        wanted = dict(pair.split("=", 1) for pair in args.show)
        for row in rows:
            for candidate, outcome in row.found:
                if all(candidate.signals.get(k) == v for k, v in wanted.items()):
                    context = row.text[max(0, candidate.start - 60):candidate.end + 40].replace("\n", " | ")
                    print(f"{outcome:<6} {candidate.name!r} (label {row.label!r}) {row.where}: ...{context}...")
        return 0
    named = sum(1 for row in rows if row.found)
    print(f"English tune captions the parser reads no city from: {len(rows)}; naming a city the gazetteer knows: "
          f"{named}; candidates: {sum(len(row.found) for row in rows)}")
    for keys in ([tuple(args.by)] if args.by else [(k,) for k in SIGNALS]):
        print(" + ".join(keys) + ":")
        for kind, counts in sorted(tally(rows, keys).items(), key=lambda kv: -sum(kv[1].values())):
            print(_line(" / ".join(kind), counts))
    kinds = passing(rows, args.min_rows)
    print(f"kinds of one to three signals gaining {args.min_rows} rows or more with no loss and no wrong value: "
          f"{len(kinds)}")
    for keys, kind, counts in kinds:
        print(_line(", ".join(f"{k}={v}" for k, v in zip(keys, kind, strict=True)), counts))
    total, each = out_of_fold(rows, args.folds, args.min_rows)
    print(f"cross-validated ({args.folds} folds): the kinds passing on the other folds, taken on the fold left out")
    for fold, counts in enumerate(each):
        print(_line(f"fold {fold} ({counts['kinds']} kinds)", counts))
    print(_line("out of fold", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
