"""Both readings of a Chinese caption's agency, as our caption set accepts them (tests/data/captions/README.md).

The contract says a Chinese caption's values are written "as the caption writes them" and that agency names are
standardised, and it lists the standard names of the wires only. For an agency outside that list (a regional
paper, a broadcaster, a picture agency: 广州日报, 中央社, 人民视觉), both readings are right, so a row labelled
with one lists the other under ``alt.agency``:

- a label in Chinese whose agency the registry (``catalog/agencies.toml``) names in English gets that name;
- an English label outside the contract's list whose credit writes one of the registry's Chinese names for that
  agency gets the longest such name found in the credit.

The rule reads only the labels and the credit, never the parser's answers, and is applied to both splits.

    python -m tools.chinese_agency_alts            # lists the rows that lack an alt; exit 1 if any
    python -m tools.chinese_agency_alts --write    # adds them
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from catalog.agencies import all_agencies
from catalog.captions.rules import load_rules

SETS = Path(__file__).resolve().parents[1] / "tests" / "data" / "captions"
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: The standard names the contract gives (its "Agency names are standardised" rule and its clarifications):
#: these keep their one name in a Chinese caption too (新华社 is "Xinhua", never "新华社").
CONTRACT_NAMES = frozenset({
    "AP", "Reuters", "AFP", "EPA-EFE", "Getty Images", "Xinhua", "China Daily", "People's Daily Online",
    "China News Service", "Yonhap", "Kyodo", "Anadolu Agency", "DHA", "dpa", "PA Wire", "Bloomberg", "Sipa USA",
    "UPI", "CFP", "VCG", "IC", "Global Times", "SHINE", "Keystone", "APA Images", "The Yomiuri Shimbun",
    "Mainichi",
})


def other_reading(row: dict, standard, chinese_names: dict[str, list[str]]) -> str | None:
    """The reading of `row`'s agency that its label and `alt` lack, or None when both are there or none applies."""
    credit = row.get("credit")
    if not isinstance(credit, dict) or not _HAN.search(row.get("text", "")):
        return None
    label, raw = credit.get("agency"), credit.get("raw") or ""
    accepted = set((row.get("alt") or {}).get("agency", [])) | {label}
    if not label:
        return None
    if _HAN.search(label):
        english = standard(label)
        return english if english and english not in accepted else None
    if label in CONTRACT_NAMES:
        return None
    name = standard(label) or label
    for written in chinese_names.get(name, ()):
        if written in raw and standard(written) == name:
            return written if written not in accepted else None
    return None


def chinese_names() -> dict[str, list[str]]:
    """Each registry agency's names in Chinese characters, longest first (the credit's fullest name wins)."""
    return {agency.name: sorted((alias for alias in agency.aliases if _HAN.search(alias)), key=len, reverse=True)
            for agency in all_agencies()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="add the missing readings to the files")
    args = parser.parse_args(argv)
    rules = load_rules()
    names = chinese_names()
    missing = 0
    for path in sorted(SETS.glob("*.jsonl")):
        lines, changed = [], False
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            row = json.loads(line) if line.strip() else None
            reading = other_reading(row, rules.standard_agency, names) if row and "text" in row else None
            if reading is not None:
                missing += 1
                print(f"{path.name}: {row['credit']['agency']!r} lacks {reading!r}")
                alt = row.setdefault("alt", {})
                alt["agency"] = list(alt.get("agency", [])) + [reading]
                line, changed = json.dumps(row, ensure_ascii=False) + "\n", True
            lines.append(line)
        if args.write and changed:
            path.write_text("".join(lines), encoding="utf-8")
    print(f"{missing} rows {'given' if args.write else 'lack'} the other reading of their agency")
    return 1 if missing and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
