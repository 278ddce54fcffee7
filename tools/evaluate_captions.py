"""Score the caption parser against a labelled caption set, field by field.

    python -m tools.evaluate_captions [DEV_JSONL] [--show-errors] [--speed]

DEV_JSONL defaults to ``$CATALOG_SHARED/captions/dev.jsonl`` (else ``../shared`` beside the checkout).
Fields are compared as the set's README says: case, accents and surrounding spaces folded; "Province" after
a province, a leading "the" and a trailing "City" after a city do not count; a sublocation matches when one
name contains the other; any value listed under ``alt`` is also right. Exits 1 when any field is below 95%.
``--speed`` also reports how many captions a second ``parse`` reads (CPU time, the set parsed 20 times).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from catalog.captions.parser import parse
from catalog.captions.types import CaptionFacts

FIELDS = (
    "photographer", "agency", "provider", "date", "date_kind", "sublocation", "city", "province", "country",
)
THRESHOLD = 0.95


def default_dev_path() -> Path:
    """The shared caption set: $CATALOG_SHARED/captions/dev.jsonl, else ../shared beside the checkout."""
    shared = os.environ.get("CATALOG_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[2] / "shared"
    return root / "captions" / "dev.jsonl"


#: Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "’": "'", "‘": "'",
})


def fold(value: str | None, field_name: str = "") -> str | None:
    """A value as scored: "the Luogang Park" == "luogang park"; "Anhui Province" == "anhui" (province)."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", value.translate(_PLAIN_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    if field_name == "province":
        text = re.sub(r" province$", "", text)
    if field_name == "city":
        text = re.sub(r" city$", "", text)
    return text


def answers(facts: CaptionFacts) -> dict[str, str | None]:
    """The parser's value for each scored field."""
    credit, place = facts.credit, facts.location
    return {
        "photographer": credit.photographer, "agency": credit.agency, "provider": credit.provider,
        "date": facts.date, "date_kind": facts.date_kind, "sublocation": place.sublocation,
        "city": place.city, "province": place.province, "country": place.country,
    }


def labels(item: dict) -> dict[str, str | None]:
    """The labelled value for each scored field."""
    credit, place = item.get("credit") or {}, item.get("location") or {}
    return {
        "photographer": credit.get("photographer"), "agency": credit.get("agency"),
        "provider": credit.get("provider"), "date": item.get("date"), "date_kind": item.get("date_kind"),
        "sublocation": place.get("sublocation"), "city": place.get("city"), "province": place.get("province"),
        "country": place.get("country"),
    }


def matches(field_name: str, got: str | None, expected: list[str | None]) -> bool:
    """Whether the parser's answer is the label or one of its accepted alternatives."""
    mine = fold(got, field_name)
    for value in expected:
        theirs = fold(value, field_name)
        if mine == theirs:
            return True
        if field_name == "sublocation" and mine and theirs and (mine in theirs or theirs in mine):
            return True
    return False


@dataclass
class Miss:
    """One wrong field of one caption."""

    line: int
    field: str
    got: str | None
    expected: list[str | None]
    text: str


@dataclass
class Score:
    """Right answers per field over a caption set."""

    total: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)

    def accuracy(self, field_name: str) -> float:
        return self.right[field_name] / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.total > 0 and all(self.accuracy(f) >= THRESHOLD for f in FIELDS)


def evaluate(path: Path) -> Score:
    """Parse every caption of a JSONL set and score each field."""
    score = Score()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            got = answers(parse(item["text"]))
            want = labels(item)
            alt = item.get("alt") or {}
            score.total += 1
            for name in FIELDS:
                expected = [want[name], *alt.get(name, [])]
                if matches(name, got[name], expected):
                    score.right[name] += 1
                else:
                    score.misses.append(Miss(number, name, got[name], expected, item["text"]))
    return score


def report(score: Score, show_errors: bool = False) -> str:
    """The per-field table (and the misses, when asked)."""
    lines = [f"{score.total} captions"]
    for name in FIELDS:
        mark = "" if score.accuracy(name) >= THRESHOLD else "   below 95%"
        lines.append(f"  {name:<13}{score.accuracy(name):7.1%}  ({score.right[name]}/{score.total}){mark}")
    if show_errors:
        for miss in score.misses:
            snippet = miss.text.replace("\n", " ")
            snippet = snippet if len(snippet) <= 160 else snippet[:157] + "..."
            lines.append(f"\nline {miss.line} {miss.field}: got {miss.got!r}, expected {miss.expected!r}")
            lines.append(f"  {snippet}")
    return "\n".join(lines)


def speed(path: Path, rounds: int = 20) -> float:
    """Captions parsed per second of CPU time, over `rounds` passes through the set."""
    with open(path, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    parse(texts[0])  # the first call reads the house rules
    started = time.process_time()
    for _ in range(rounds):
        for text in texts:
            parse(text)
    return rounds * len(texts) / max(time.process_time() - started, 1e-9)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the table, exit 1 below the threshold, 2 when the set cannot be read."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.evaluate_captions", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("dev", nargs="?", type=Path, default=None, help="labelled captions (JSON lines)")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong field")
    parser.add_argument("--speed", action="store_true", help="also report captions parsed per second")
    args = parser.parse_args(argv)
    path = args.dev or default_dev_path()
    try:
        score = evaluate(path)
    except (OSError, ValueError, KeyError) as err:
        print(f"cannot read {path}: {err}", file=sys.stderr)
        return 2
    print(report(score, args.show_errors))
    if args.speed:
        rate = speed(path)
        print(f"parse speed: {rate:,.0f} captions/s ({1e6 / rate:,.0f} µs each, CPU time)")
    return 0 if score.passed else 1


if __name__ == "__main__":
    sys.exit(main())
