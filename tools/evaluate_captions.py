"""Score the caption parser: per field on each labelled set, precision over every caption we can check, speed.

    python -m tools.evaluate_captions                     # every set; exit 1 below a target
    python -m tools.evaluate_captions --split tune --show-errors
    python -m tools.evaluate_captions --split heldout --files 'en_fresh4*'   # one fresh set alone
    python -m tools.evaluate_captions DEV_JSONL [--show-errors] [--speed]     # one set of your own

The sets: our own labelled captions (``tests/data/captions/``: English from ``en_*.jsonl``, Chinese from
``zh*.jsonl``, each cut into the frozen ``tune`` and ``heldout`` splits of ``split.json``) and the shared
``dev.jsonl`` (``$CATALOG_SHARED/captions/``, else ``../shared`` beside the checkout). Fields are compared as
the sets' contract says (``../shared/captions/README.md``): case, accents and surrounding spaces folded;
"Province" after a province, a leading "the" and a trailing "City" after a city do not count; a
sublocation matches when one name contains the other; any value listed under ``alt`` is also right.

Targets: 95% on every field in English (and on dev), 90% on every field in Chinese, on each split; and
*precision*: of the values the parser takes from a caption, fewer than 1 in 200 may be wrong. Precision is
counted over the labelled sets, the captions of the real corpus files (read with ExifTool at run time and
labelled by their SHA-1 in ``corpus_labels.jsonl``; the texts are not copied here) and
``not_captions.jsonl`` (camera boilerplate, test strings, product data: every value taken is wrong). Each
field's line gives its wrong values of those taken, and the precision count sums them by field over the sets.

The held-out split is for aggregate scores only: ``--show-errors`` never lists a held-out caption.
``--speed`` reports how many captions a second ``parse`` reads: captions per second of the process's CPU time
(not wall-clock, which other processes on a shared machine inflate), over the tune split and dev (or the one
set given). After a first pass that compiles the patterns and loads the gazetteer, every caption is parsed
once in each of several timed passes (7 by default, ``--speed-passes``); the figure is the median pass, with
the slowest and fastest beside it. Before each pass the memos of credit lines already read, of lead-ins tried and
of texts already converted to simplified characters are emptied, so a pass gains nothing from having parsed the same
captions the pass before (a credit repeated within the set still reads once, as it would in an import); the
word-level memos (gazetteer names, agency names) stay warm, as in a process that has read captions before.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
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
#: The target per field, by the language of the set.
TARGETS = {"en": 0.95, "zh": 0.90}
#: At most this share of the values taken from captions may be wrong (fewer than 1 in 200).
MAX_WRONG_SHARE = 1 / 200

ROOT = Path(__file__).resolve().parents[1]
OUR_SETS = ROOT / "tests" / "data" / "captions"
#: Our labelled files, by the language they are scored under, as name patterns so that a new file joins its
#: language by its name alone (en_asia, en_world; zh, zh_more: the zh files hold the mixed captions too).
LANGUAGE_FILES = {"en": "en_*.jsonl", "zh": "zh*.jsonl"}
SPLITS = ("tune", "heldout")
#: The tags a camera file's caption is read from, as the importer's reader reads them.
CAPTION_TAGS = ("-EXIF:ImageDescription", "-IPTC:Caption-Abstract", "-XMP-dc:Description")


def shared_root() -> Path:
    """$CATALOG_SHARED, else ../shared beside the checkout."""
    shared = os.environ.get("CATALOG_SHARED")
    return Path(shared) if shared else ROOT.parent / "shared"


def default_dev_path() -> Path:
    """The shared caption set: $CATALOG_SHARED/captions/dev.jsonl, else ../shared beside the checkout."""
    return shared_root() / "captions" / "dev.jsonl"


def corpus_root() -> Path:
    """The real camera and test files: $CATALOG_SHARED/corpus/real."""
    return shared_root() / "corpus" / "real"


def caption_key(text: str) -> str:
    """How split.json and corpus_labels.jsonl name a caption: the first 16 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


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
    """Right answers per field over a caption set, and how many values were taken and how many were wrong."""

    total: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)
    taken: int = 0  # values the parser gave (not None)
    wrong: int = 0  # of those, values that are not the label nor an alt
    target: float = THRESHOLD
    taken_by: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))  # per field
    wrong_by: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def accuracy(self, field_name: str) -> float:
        return self.right[field_name] / self.total if self.total else 0.0

    @property
    def aggregate(self) -> float:
        """The share of all fields right, every field of every caption counted once."""
        return sum(self.right.values()) / (self.total * len(FIELDS)) if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.total > 0 and all(self.accuracy(f) >= self.target for f in FIELDS)

    def add(self, item: dict, line: int, facts: CaptionFacts | None = None) -> None:
        """Score one labelled caption."""
        got = answers(facts or parse(item["text"]))
        want = labels(item)
        alt = item.get("alt") or {}
        self.total += 1
        for name in FIELDS:
            expected = [want[name], *alt.get(name, [])]
            right = matches(name, got[name], expected)
            if got[name] is not None:
                self.taken += 1
                self.wrong += not right
                self.taken_by[name] += 1
                self.wrong_by[name] += not right
            if right:
                self.right[name] += 1
            else:
                self.misses.append(Miss(line, name, got[name], expected, item["text"]))


def read_items(path: Path) -> list[tuple[int, dict]]:
    """(line number, item) for each caption of a JSON-lines set."""
    with open(path, encoding="utf-8") as handle:
        return [(number, json.loads(line)) for number, line in enumerate(handle, 1) if line.strip()]


def evaluate(path: Path, target: float = THRESHOLD) -> Score:
    """Parse every caption of a JSONL set and score each field."""
    score = Score(target=target)
    for number, item in read_items(path):
        score.add(item, number)
    return score


def frozen_split() -> dict[str, str]:
    """caption key -> "tune" or "heldout", as frozen in split.json."""
    return json.loads((OUR_SETS / "split.json").read_text(encoding="utf-8"))["split"]


def named(name: str, patterns: str) -> bool:
    """Whether a file's name is one ``patterns`` names: patterns joined by commas; one opening with "!" leaves
    the files it matches out (``'!en_fresh5*'``: every file but those)."""
    wanted = [one for one in patterns.split(",") if one and not one.startswith("!")]
    unwanted = [one[1:] for one in patterns.split(",") if one.startswith("!")]
    return (not wanted or any(fnmatch.fnmatch(name, one) for one in wanted)) and not any(
        fnmatch.fnmatch(name, one) for one in unwanted)


def our_items(language: str, split: str, only: str | None = None) -> list[tuple[str, int, dict]]:
    """(file name, line, item) of our labelled captions in one language and split (in files named ``only``)."""
    assignment = frozen_split()
    found = []
    for path in sorted(OUR_SETS.glob(LANGUAGE_FILES[language])):
        if only is not None and not named(path.name, only):
            continue
        for number, item in read_items(path):
            if assignment.get(caption_key(item["text"])) == split:
                found.append((path.name, number, item))
    return found


def evaluate_ours(language: str, split: str, only: str | None = None) -> Score:
    """Score one language and split of our labelled set (of the files named ``only``, a pattern, when given)."""
    score = Score(target=TARGETS[language])
    for _name, number, item in our_items(language, split, only):
        score.add(item, number)
    return score


# --- precision on captions that are no news captions ------------------------------------------------------


def corpus_captions(root: Path) -> dict[str, str] | None:
    """Every distinct caption text of the corpus files, as ExifTool reads it (key -> text); None without
    ExifTool or the corpus."""
    exiftool = shutil.which("exiftool")
    if exiftool is None or not root.is_dir():
        return None
    run = subprocess.run(
        [exiftool, "-j", "-q", "-q", "-r", "-charset", "iptc=UTF8", *CAPTION_TAGS, str(root)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
    )
    texts: dict[str, str] = {}
    for record in json.loads(run.stdout or "[]"):
        for tag in ("ImageDescription", "Caption-Abstract", "Description"):
            value = record.get(tag)
            if isinstance(value, str) and value.strip():
                texts.setdefault(caption_key(value), value)
    return texts


def corpus_score(root: Path) -> tuple[Score, int] | None:
    """The corpus captions scored against corpus_labels.jsonl; also how many texts have no label."""
    texts = corpus_captions(root)
    if texts is None:
        return None
    labelled = {item["key"]: item for _, item in read_items(OUR_SETS / "corpus_labels.jsonl")}
    score = Score()
    unlabelled = 0
    for number, (key, text) in enumerate(sorted(texts.items()), 1):
        item = labelled.get(key)
        if item is None:
            unlabelled += 1
            continue
        score.add({**item, "text": text}, number)
    return score, unlabelled


# --- speed ------------------------------------------------------------------------------------------------


@dataclass
class Speed:
    """Captions parsed per second of CPU time: the median pass, and the slowest and fastest."""

    captions: int
    rates: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.rates)

    def line(self) -> str:
        low, high = min(self.rates), max(self.rates)
        return (f"parse speed: {self.median:,.0f} captions/s ({1e6 / self.median:,.0f} µs each), CPU time, median "
                f"of {len(self.rates)} passes over {self.captions} captions (slowest {low:,.0f}, fastest {high:,.0f})")


def speed(path: Path | list[str], passes: int = 7) -> Speed:
    """Captions parsed per second of CPU time over the set (a file or texts): see the module docstring."""
    from catalog.captions.rules import default_rules
    from catalog.han_text import forget_conversions

    texts = [item["text"] for _, item in read_items(path)] if isinstance(path, Path) else list(path)
    rules = default_rules()
    for text in texts:  # the first pass compiles the patterns and loads the gazetteer
        parse(text)
    rates = []
    for _ in range(max(1, passes)):
        rules.readings.clear()  # what is remembered per text: each pass reads the captions as new ones
        rules.lead_ins_tried.clear()
        forget_conversions()
        started = time.process_time()
        for text in texts:
            parse(text)
        rates.append(len(texts) / max(time.process_time() - started, 1e-9))
    return Speed(len(texts), rates)


# --- reporting --------------------------------------------------------------------------------------------


def report(score: Score, show_errors: bool = False, title: str | None = None) -> str:
    """The per-field table (and the misses, when asked)."""
    lines = [f"{title + ': ' if title else ''}{score.total} captions"]
    for name in FIELDS:
        mark = "" if score.accuracy(name) >= score.target else f"   below {score.target:.0%}"
        counts = f"({score.right[name]}/{score.total})"
        lines.append(f"  {name:<13}{score.accuracy(name):7.1%}  {counts:<11} wrong {score.wrong_by[name]:3d} of "
                     f"{score.taken_by[name]:4d} taken{mark}")
    lines.append(f"  all fields   {score.aggregate:7.1%}   values taken {score.taken}, wrong {score.wrong}")
    if show_errors:
        for miss in score.misses:
            snippet = miss.text.replace("\n", " ")
            snippet = snippet if len(snippet) <= 160 else snippet[:157] + "..."
            lines.append(f"\nline {miss.line} {miss.field}: got {miss.got!r}, expected {miss.expected!r}")
            lines.append(f"  {snippet}")
    return "\n".join(lines)


def precision_line(name: str, taken: int, wrong: int) -> str:
    share = wrong / taken if taken else 0.0
    return f"  {name:<34}{taken:6d} values taken, {wrong:4d} wrong ({share:.2%})"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the tables, exit 1 below a target, 2 when a set cannot be read."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.evaluate_captions", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("dev", nargs="?", type=Path, default=None,
                        help="one labelled set (JSON lines) to score alone, at 95%%")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all",
                        help="which splits of our set to score (default: both)")
    parser.add_argument("--lang", choices=("en", "zh", "all"), default="all", help="which language of our set")
    parser.add_argument("--files", metavar="PATTERN", default=None,
                        help="score only our files whose names match PATTERN (e.g. 'en_fresh4*'; several "
                             "patterns joined by commas; '!PATTERN' leaves files out), to see how one fresh "
                             "set, or a group kept as a check, does on its own")
    parser.add_argument("--no-dev", action="store_true", help="leave out the shared dev set")
    parser.add_argument("--no-precision", action="store_true",
                        help="leave out the precision count over the corpus and non-captions")
    parser.add_argument("--show-errors", action="store_true",
                        help="list every wrong field (never for the held-out split)")
    parser.add_argument("--speed", action="store_true",
                        help="also report captions parsed per second of CPU time: the median of several passes "
                             "over the tune split and dev (or the one set given), after a warm-up pass")
    parser.add_argument("--speed-passes", type=int, default=7, metavar="N",
                        help="timed passes for --speed (default 7)")
    args = parser.parse_args(argv)

    if args.dev is not None:  # one set of one's own, as before
        try:
            score = evaluate(args.dev)
        except (OSError, ValueError, KeyError) as err:
            print(f"cannot read {args.dev}: {err}", file=sys.stderr)
            return 2
        print(report(score, args.show_errors))
        print(precision_line("precision", score.taken, score.wrong))
        if args.speed:
            print(speed(args.dev, args.speed_passes).line())
        return 0 if score.passed else 1

    passed = True
    taken = wrong = 0
    wrong_by = dict.fromkeys(FIELDS, 0)  # over every labelled set scored
    speed_texts: list[str] = []
    splits = SPLITS if args.split == "all" else (args.split,)
    languages = ("en", "zh") if args.lang == "all" else (args.lang,)
    try:
        for language in languages:
            for split in splits:
                score = evaluate_ours(language, split, args.files)
                if args.files is not None and score.total == 0:
                    continue
                name = {"en": "English", "zh": "Chinese"}[language]
                print(report(score, args.show_errors and split != "heldout", f"{name}, {split}"))
                print()
                passed = passed and score.passed
                taken, wrong = taken + score.taken, wrong + score.wrong
                wrong_by = {f: wrong_by[f] + score.wrong_by[f] for f in FIELDS}
                if split == "tune":
                    speed_texts += [item["text"] for _, _, item in our_items(language, split, args.files)]
        dev = default_dev_path()
        if not args.no_dev and dev.is_file():
            score = evaluate(dev)
            print(report(score, args.show_errors, f"shared dev ({dev})"))
            print()
            passed = passed and score.passed
            taken, wrong = taken + score.taken, wrong + score.wrong
            wrong_by = {f: wrong_by[f] + score.wrong_by[f] for f in FIELDS}
            speed_texts += [item["text"] for _, item in read_items(dev)]
        elif not args.no_dev:
            print(f"shared dev: not found at {dev}, left out\n")
    except (OSError, ValueError, KeyError) as err:
        print(f"cannot read a caption set: {err}", file=sys.stderr)
        return 2

    if not args.no_precision:
        print("precision (values taken from a caption that are wrong):")
        print(precision_line("labelled sets above", taken, wrong))
        print("    by field: " + ", ".join(f"{f} {wrong_by[f]}" for f in FIELDS))
        others = evaluate(OUR_SETS / "not_captions.jsonl")
        if args.show_errors:
            print(report(others, True, "not captions"))
        print(precision_line("not_captions.jsonl", others.taken, others.wrong))
        taken, wrong = taken + others.taken, wrong + others.wrong
        corpus = corpus_score(corpus_root())
        if corpus is None:
            print("  corpus: no ExifTool or no corpus at", corpus_root(), "- left out")
        else:
            score, unlabelled = corpus
            if args.show_errors:
                print(report(score, True, "corpus captions"))
            print(precision_line(f"corpus captions ({score.total})", score.taken, score.wrong))
            if unlabelled:
                print(f"  ({unlabelled} corpus caption(s) have no label in corpus_labels.jsonl)")
            taken, wrong = taken + score.taken, wrong + score.wrong
        share = wrong / taken if taken else 0.0
        ok = share < MAX_WRONG_SHARE
        print(precision_line("all", taken, wrong) + ("" if ok else f"   not below {MAX_WRONG_SHARE:.2%}"))
        passed = passed and ok
    if args.speed and speed_texts:
        print(speed(speed_texts, args.speed_passes).line())
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
