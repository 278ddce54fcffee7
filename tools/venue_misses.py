"""The English sublocation's misses on the tune split, sorted by kind, and the venues taken by the step and the
phrase that gave them, so a tuner counts each kind over the files studied before changing a reader.

    python -m tools.venue_misses --files '!en_fresh4[5-9]*,!en_fresh5[0-4]*'   # the study files, counts only
    python -m tools.venue_misses --files '!en_fresh4[5-9]*,!en_fresh5[0-4]*' --show 'unread, a venue word'

1. *Missed* (the label has a venue, the answer none), by `miss_kind`, the first that holds: ``not written`` (the
   label is not in the caption as written), ``read as a venue`` (a place chain of some sentence reads the label, or
   a name holding it or inside it, as a venue, and no step took it: a doubt left it out, or its sentence is not the
   scene's), ``read as another level`` (a chain reads it as a town, a city, a county, a bare place: the city field's
   question), and, read by no chain, ``unread, a capitalised venue word`` ("Quorva Space Center" after "from the"),
   ``unread, a venue word in small letters`` ("Quorva refugee camp") or ``unread, no venue word`` (a square, a
   palace, a quarter named alone: "Quorvagrad", "The Treasury").
2. *Wrong values*, by whether the label has none (precision: a value where the caption names no venue) or another.
3. *Venues taken*, by the evidence kind's step, phrase and preposition (``parse-caption --explain``: "scene
   sentence / another phrase / venue / another preposition / only place named"), counted as right, none labelled
   or another labelled: where abstaining would cost right values and where it would not.

``--files`` takes the evaluator's patterns (``tools.evaluate_captions.named``: commas, "!" leaves files out), so
a group kept blind is left out of every count and row shown. Only the English tune split is read; the held-out
split never is.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass

from catalog.captions.parser import parse
from catalog.captions.place_chains import read_chains
from catalog.captions.text import sentences, tokens
from catalog.captions.vocabulary import VENUE_WORDS
from tools.evaluate_captions import fold, labels, matches, our_items

#: The words of a name, as its venue word is looked for.
_WORD = re.compile(r"[\w’'-]+")


@dataclass
class Row:
    """One English tune caption: its sublocation taken and labelled, the evidence kind and the row's kind."""

    where: str
    text: str
    got: str | None
    expected: list[str | None]
    evidence: str
    kind: str


def holds(value: str, names: list[str]) -> bool:
    """Whether a name read holds a label or is held by one, as the scoring matches sublocations."""
    mine = fold(value) or ""
    return bool(mine) and any(mine in name or name in mine for name in names)


def chain_levels(text: str, expected: list[str | None]) -> set[str]:
    """The levels at which any sentence's place chains read a name matching the label or an alternative."""
    names = [fold(value) or "" for value in expected if value]
    found = set()
    for start, end in sentences(text):
        for chain in read_chains(tokens(text, start, end)):
            found.update(element.level for element in chain.elements if holds(element.value, names))
    return found


def miss_kind(text: str, expected: list[str | None]) -> str:
    """Why no sublocation was read where the label has one (see the module's docstring)."""
    label = next(value for value in expected if value)
    levels = chain_levels(text, expected)
    if "venue" in levels:
        return "read as a venue"
    if levels:
        return "read as another level"
    if label.casefold() not in text.casefold():
        return "not written"
    words = _WORD.findall(label)
    if any(word.casefold() in VENUE_WORDS and word[:1].isupper() for word in words):
        return "unread, a capitalised venue word"
    if any(word.casefold() in VENUE_WORDS for word in words):
        return "unread, a venue word in small letters"
    return "unread, no venue word"


def evidence_kind(evidence: str | None) -> str:
    """The step, phrase and preposition of a sublocation's evidence kind, without the language ("en / ")."""
    return " / ".join((evidence or "none").split(" / ")[1:]) or "none"


def tune_rows(files: str | None = None) -> tuple[list[Row], list[Row]]:
    """(the tune captions whose sublocation is wrong, sorted by kind; every tune caption a sublocation is taken
    from, as right, none or another) over the English tune split (of the files `files` names)."""
    wrong, taken = [], []
    for name, line, item in our_items("en", "tune", files):
        text = item["text"]
        facts = parse(text)
        got = facts.location.sublocation
        label = labels(item)["sublocation"]
        expected = [label, *(item.get("alt") or {}).get("sublocation", [])]
        right = matches("sublocation", got, expected)
        where, evidence = f"{name}:{line}", evidence_kind(facts.evidence.get("sublocation"))
        if got is not None:
            outcome = "right" if right else "none labelled" if label is None else "another labelled"
            taken.append(Row(where, text, got, expected, evidence, outcome))
        if right:
            continue
        if got is None:
            kind = miss_kind(text, expected)
        else:
            kind = "wrong, the label none" if label is None else "wrong, another venue labelled"
        wrong.append(Row(where, text, got, expected, evidence, kind))
    return wrong, taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.venue_misses", description=__doc__.split("\n")[0])
    parser.add_argument("--files", help="the sets whose file names these patterns name ('!' leaves files out)")
    parser.add_argument("--show", metavar="KIND", help="list the tune rows of one kind (tune only)")
    args = parser.parse_args(argv)
    wrong, taken = tune_rows(args.files)
    if args.show:
        for row in wrong:
            if args.show == row.kind:
                print(f"{row.where} {row.kind}: got {row.got!r}, label {row.expected} ({row.evidence}): "
                      + row.text[:200].replace("\n", " | "))
        return 0
    print(f"sublocations wrong: {len(wrong)} ({sum(r.got is not None for r in wrong)} values taken)")
    for kind, n in Counter(row.kind for row in wrong).most_common():
        print(f"  {n:>4}  {kind}")
    print(f"venues taken: {len(taken)}, by evidence kind (right / none labelled / another labelled):")
    counts: dict[str, Counter] = {}
    for row in taken:
        counts.setdefault(row.evidence, Counter())[row.kind] += 1
    for evidence, count in sorted(counts.items(), key=lambda x: -sum(x[1].values())):
        print(f"  {count['right']:>5} {count['none labelled']:>4} {count['another labelled']:>4}  {evidence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
