"""Where the caption parser's wrong values come from: each field's values on the tune split, by the evidence
that produced them, right against wrong (issue 14: fewer than 1 value in 200 taken may be wrong).

    python -m tools.precision_tiers                        # every field, both languages, every evidence kind
    python -m tools.precision_tiers --lang en --field city # one language, one field
    python -m tools.precision_tiers --depth 3              # kinds cut to their first 3 words (coarser tiers)
    python -m tools.precision_tiers --weak                 # only kinds whose wrong values are as many as the right
    python -m tools.precision_tiers --wrong                # also each wrong value: file:line, value, label, kind

The evidence of a value is the kind the parser records for the confidence gate and ``parse-caption --explain``
(``CaptionFacts.evidence``: "en / scene sentence / known city / chain agrees", "zh / credit / registry /
chinese / staff"), read with the shipped rules, so the values counted are the ones the parser takes. A value
is right as the evaluator scores it (``tools.evaluate_captions.matches``: the label or an ``alt``). A wrong
value is also marked *empty label* when the label (or an alternative) is null: leaving it out would have been
right, rather than a neighbouring value being wanted. Only the tune split is ever read: the held-out split is
for aggregate scores alone, so this tool has no option to read it.

Each line gives the kind, values taken, right, wrong (of which with an empty label), and the precision. A kind
whose wrong values are as many as its right ones or more is marked ``<<`` (a tier that should demand one more
signal or leave the value out).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from catalog.captions.confidence import FIELDS, SEP, value_of
from catalog.captions.parser import parse
from tools.evaluate_captions import labels, matches, our_items

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Taken:
    """One value the parser took from a tune caption."""

    where: str  # file:line
    language: str  # the set's language ("en", "zh")
    field: str
    value: str
    kind: str  # the evidence kind ("" when the reader recorded none)
    right: bool
    empty_label: bool  # the label (or an alternative) is null: leaving the value out is right
    expected: tuple[str | None, ...] = ()


@dataclass
class Tier:
    """One evidence kind of one field: how many values it gave, and how many were wrong."""

    right: int = 0
    wrong: int = 0
    empty: int = 0  # wrong values whose label is empty

    @property
    def taken(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float:
        return self.right / self.taken if self.taken else 0.0

    @property
    def weak(self) -> bool:
        """As many wrong values as right ones, or more."""
        return self.wrong > 0 and self.wrong >= self.right


def taken_values(item: dict, where: str, language: str) -> list[Taken]:
    """The values the parser (shipped rules, gate closed as shipped) takes from one labelled caption."""
    facts = parse(item["text"])
    want, alt = labels(item), item.get("alt") or {}
    found = []
    for field in FIELDS:
        got = value_of(facts, field)
        if got is None:
            continue
        expected = (want[field], *alt.get(field, []))
        found.append(Taken(where, language, field, got, facts.evidence.get(field, ""),
                           matches(field, got, list(expected)), matches(field, None, list(expected)), expected))
    return found


def tune_values(languages: Iterable[str] = LANGUAGES, only: str | None = None) -> list[Taken]:
    """Every value taken from the tune split's captions (of the files named `only`, a pattern, when given)."""
    return [value for language in languages for name, line, item in our_items(language, "tune", only)
            for value in taken_values(item, f"{name}:{line}", language)]


def cut(kind: str, depth: int | None) -> str:
    """A kind cut to its first `depth` words (all of them when None); "(none)" for a value with no kind.

    >>> cut("en / scene sentence / known city / chain agrees", 2), cut("", None)
    ('en / scene sentence', '(none)')
    """
    if not kind:
        return "(none)"
    return kind if depth is None else SEP.join(kind.split(SEP)[:depth])


def tabulate(values: Iterable[Taken], depth: int | None = None) -> dict[str, dict[str, Tier]]:
    """field -> kind (cut to `depth` words) -> its tier, the fields in FIELDS order.

    >>> rows = [Taken("a:1", "en", "city", "Hefei", "en / scene / known city", True, False),
    ...         Taken("a:2", "en", "city", "Paris", "en / scene / unknown name", False, True)]
    >>> table = tabulate(rows, depth=2)
    >>> tier = table["city"]["en / scene"]
    >>> tier.taken, tier.wrong, tier.empty, tier.weak
    (2, 1, 1, True)
    """
    table: dict[str, dict[str, Tier]] = defaultdict(lambda: defaultdict(Tier))
    for value in values:
        tier = table[value.field][cut(value.kind, depth)]
        if value.right:
            tier.right += 1
        else:
            tier.wrong += 1
            tier.empty += value.empty_label
    return {field: dict(table[field]) for field in FIELDS if field in table}


def report(table: dict[str, dict[str, Tier]], weak_only: bool = False) -> str:
    """The table as text: per field its total line, then each kind, most wrong values first.

    >>> print(report({"city": {"en / scene": Tier(right=3, wrong=1)}}))
    city: 4 taken, 1 wrong (0 with an empty label), precision 75.0%
         taken  right  wrong  empty  precision  kind
             4      3      1      0     75.0%   en / scene
    """
    lines = []
    for field, kinds in table.items():
        total = Tier(sum(t.right for t in kinds.values()), sum(t.wrong for t in kinds.values()),
                     sum(t.empty for t in kinds.values()))
        shown = [(kind, tier) for kind, tier in kinds.items() if tier.weak or not weak_only]
        if not shown:
            continue
        lines.append(f"{field}: {total.taken} taken, {total.wrong} wrong ({total.empty} with an empty label), "
                     f"precision {100 * total.precision:.1f}%")
        lines.append("     taken  right  wrong  empty  precision  kind")
        for kind, tier in sorted(shown, key=lambda pair: (-pair[1].wrong, -pair[1].taken, pair[0])):
            mark = "<<" if tier.weak else "  "
            lines.append(f"  {tier.taken:8d} {tier.right:6d} {tier.wrong:6d} {tier.empty:6d}    "
                         f"{100 * tier.precision:5.1f}% {mark}{kind}")
    return "\n".join(lines)


def wrong_lines(values: Iterable[Taken], depth: int | None = None) -> str:
    """Each wrong value of the tune split: where, field, value taken, the label (and alternatives), kind."""
    lines = []
    for value in sorted((v for v in values if not v.right), key=lambda v: (v.field, cut(v.kind, depth), v.where)):
        lines.append(f"{value.where}\t{value.field}\t{value.value!r}\t{list(value.expected)!r}\t"
                     f"{cut(value.kind, depth)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.precision_tiers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--field", choices=FIELDS, action="append", help="only this field (may be repeated)")
    parser.add_argument("--files", metavar="PATTERN", help="only the tune captions of the files named PATTERN")
    parser.add_argument("--depth", type=int, help="cut each kind to its first N words")
    parser.add_argument("--weak", action="store_true", help="only the kinds with as many wrong values as right")
    parser.add_argument("--wrong", action="store_true", help="also list each wrong value (tune only)")
    args = parser.parse_args(argv)
    languages = LANGUAGES if args.lang == "all" else (args.lang,)
    values = [v for v in tune_values(languages, args.files) if not args.field or v.field in args.field]
    counts = Counter(v.right for v in values)
    print(f"tune split ({', '.join(languages)}): {len(values)} values taken, {counts[False]} wrong "
          f"({100 * counts[False] / max(len(values), 1):.2f}%)")
    print(report(tabulate(values, args.depth), args.weak))
    if args.wrong:
        print("\nwrong values:")
        print(wrong_lines(values, args.depth))
    return 0


if __name__ == "__main__":
    sys.exit(main())
