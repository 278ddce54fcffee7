"""The English city's misses on the tune split, classed: the wrong cities taken by the step that read them and by
what the right answer was, the who-is-where evidence against each city taken, and the empty answers by kind.

    python -m tools.city_misses                        # the three tables over the English tune split
    python -m tools.city_misses --files 'en_fresh5*'   # over the newest sets only (the proxy for unseen sources)
    python -m tools.city_misses --show empty           # the tune rows of one class (tune only)

1. *Wrong cities taken*, each classed twice: by the step that read it (the second part of the city's evidence in
   ``parse-caption --explain``: "scene sentence", "place heading", "beside the date", ...), and by what it is
   against the label (`wrong_kind`), the first that holds: ``the right city written otherwise`` ("Quorvabad
   district", "St. Quorva" for "St.Quorva"), ``the venue or district`` (the value is the label's sublocation, or
   holds the right city: "Old Quorvabad"), ``a province`` (the label's province, or a name the gazetteer has as a
   province and no city), ``empty`` (the empty answer is right), ``another city named`` (the label's city is
   written in the caption), ``not written`` (the label's city is not in the caption as written).
2. *Evidence against the city taken*: the who-is-where reading's signals against a city (``opening``, ``home``,
   ``reference``, ``route``, ``longer``: ``catalog/captions/city_reading.py``) read of every mention of the city
   each step took, counted as right or wrong answers: whether that evidence could weigh on the other steps too
   (a signal worth a penalty there must mark far more wrong cities than right ones).
3. *Empty answers where the label has a city* (`miss_kind`), the first that holds: ``not written`` as labelled,
   ``a dateline shape`` (the city opens a line, after a date or an image number at most, with a comma, a dash or a
   bracket after it: "QUORVALE, JULY 26-27 2013"), ``unknown to the gazetteer`` (no city of that name),
   ``known, inside a longer name`` (a run of capitalised words that is no city as a whole: "Quorvabad City", "the
   Quorvabad Arboretum"; a possessive's "'s" is cut off, as the reading cuts it), ``known, the only city named``,
   ``known, several cities named``.

Only the English tune split is read; the held-out split never is.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass

from catalog.captions.city_reading import named_cities, signals
from catalog.captions.gazetteer import name_levels
from catalog.captions.parser import parse
from tools.evaluate_captions import fold, labels, matches, our_items

#: A name opening a line (after a date or an image number at most) with a comma, a dash or a bracket after it:
#: "QUORVALE, JULY 26-27 2013", "Quorvale-Lissania - 01 May 2008", "170518-N-1 QUORVALE (May 18, 2017)".
_DATELINE = re.compile(r"(?m)^[ \t]*(?:[\w./-]*\d[\w./-]*[ \t]+)?([A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*)*)"
                       r"[ \t]*(?:,|-|–|—|\()")
#: The who-is-where signals against a city (``city_reading.SIGNALS``' last five).
AGAINST = ("opening", "home", "reference", "route", "longer")


@dataclass
class Row:
    """One English tune caption whose city the parser got wrong, or whose taken city is read for evidence."""

    where: str
    text: str
    got: str | None
    expected: list[str | None]
    step: str
    kind: str
    against: tuple[str, ...] = ()


def step_of(evidence: str | None) -> str:
    """The step that read a city, from its evidence ("en / scene sentence / known city / ..." -> "scene sentence")."""
    parts = (evidence or "").split(" / ")
    return parts[1] if len(parts) > 1 else "none"


def wrong_kind(got: str, expected: list[str | None], sublocation: str | None, province: str | None,
               text: str) -> str:
    """What a wrong city taken is, against the label (see the module's docstring)."""
    mine = fold(got, "city") or ""
    cities = [fold(value, "city") or "" for value in expected if value]
    letters = re.sub(r"\W+", "", mine)
    if any(letters.startswith(re.sub(r"\W+", "", city)) or re.sub(r"\W+", "", city).startswith(letters)
           for city in cities):
        return "the right city written otherwise"
    place = fold(sublocation) or ""
    if place and (mine in place or place in mine) or any(
            re.search(rf"\b{re.escape(city)}\b", mine) for city in cities):
        return "the venue or district"
    if province and fold(province, "province") == fold(got, "province") or (
            name_levels(got).province and not name_levels(got).city_population):
        return "a province"
    if None in expected:
        return "empty"
    written = text.casefold()
    if any(value.casefold() in written for value in expected if value):
        return "another city named"
    return "not written"


def miss_kind(label: str, text: str) -> str:
    """Why the parser read no city where the label has one (see the module's docstring)."""
    if label.casefold() not in text.casefold():
        return "not written"
    if _DATELINE.search(text) and any(
            m.group(1).casefold() == label.casefold() for m in _DATELINE.finditer(text)):
        return "a dateline shape"
    if not name_levels(label).city_population:
        return "unknown to the gazetteer"
    found = named_cities(text)
    if not any(name.casefold() == label.casefold() for name, _, _ in found):
        return "known, inside a longer name"
    if len({name.casefold() for name, _, _ in found}) > 1:
        return "known, several cities named"
    return "known, the only city named"


def against(text: str, city: str) -> tuple[str, ...]:
    """The who-is-where signals against `city` read of any of its mentions in `text` (the other cities it names
    counted as the reading counts them)."""
    mentions = [(city, m.start(), m.end()) for m in re.finditer(re.escape(city), text)]
    if not mentions:
        return ()
    starts = {start for _, start, _ in mentions}
    found = mentions + [c for c in named_cities(text) if c[1] not in starts]
    read = signals(text, found)[:len(mentions)]
    return tuple(name for name in AGAINST if any(one[name] for one in read))


def tune_rows(files: str | None = None) -> tuple[list[Row], list[Row]]:
    """(the tune captions whose city is wrong, classed; every tune caption a city is taken from, with the evidence
    against it) over the English tune split (of the files named `files`)."""
    wrong, taken = [], []
    for name, line, item in our_items("en", "tune", files):
        text = item["text"]
        facts = parse(text, explain=True)
        got, want = facts.location.city, labels(item)
        expected = [want["city"], *(item.get("alt") or {}).get("city", [])]
        right = matches("city", got, expected)
        step = step_of(facts.evidence.get("city"))
        where = f"{name}:{line}"
        if got is not None:
            outcome = "right" if right else "wrong"
            taken.append(Row(where, text, got, expected, step, outcome, against(text, got)))
        if right:
            continue
        if got is not None:
            kind = wrong_kind(got, expected, want["sublocation"], want["province"], text)
        else:
            kind = miss_kind(next(value for value in expected if value), text)
        wrong.append(Row(where, text, got, expected, step, kind))
    return wrong, taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.city_misses", description=__doc__.split("\n")[0])
    parser.add_argument("--files", help="only the sets whose file name matches this pattern (e.g. 'en_fresh5*')")
    parser.add_argument("--show", metavar="KIND", help="list the tune rows of one class (a kind or a step)")
    args = parser.parse_args(argv)
    wrong, taken = tune_rows(args.files)
    if args.show:
        for row in wrong:
            if args.show in (row.kind, row.step):
                print(f"{row.where} {row.step} / {row.kind}: got {row.got!r}, label {row.expected}: "
                      + row.text[:200].replace("\n", " | "))
        return 0
    values = [row for row in wrong if row.got is not None]
    print(f"wrong cities taken: {len(values)} of {len(taken)} taken")
    for (step, kind), n in sorted(Counter((r.step, r.kind) for r in values).items(), key=lambda x: -x[1]):
        print(f"  {n:>4}  {step:<32} {kind}")
    print("evidence against the city taken, read of its mentions (right / wrong answers):")
    for name in AGAINST:
        counts = Counter(r.kind for r in taken if name in r.against)
        print(f"  {name:<10} right {counts['right']:>4}  wrong {counts['wrong']:>3}")
    misses = [row for row in wrong if row.got is None]
    print(f"empty answers where the label has a city: {len(misses)}")
    for kind, n in Counter(r.kind for r in misses).most_common():
        print(f"  {n:>4}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
