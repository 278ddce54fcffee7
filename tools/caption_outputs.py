"""Dump the caption parser's whole output on every caption we hold, and diff two dumps: a speed change must
leave every answer as it was, byte for byte.

    python -m tools.caption_outputs dump before.jsonl        # on the commit before the change
    python -m tools.caption_outputs dump after.jsonl         # on the change
    python -m tools.caption_outputs diff before.jsonl after.jsonl    # exit 1 and list what differs

The captions: every ``tests/data/captions/*.jsonl`` set (both splits: this compares outputs, it scores
nothing; a changed answer on a held-out caption is counted, never shown), the shared ``dev.jsonl``, and the
captions of the real corpus files as ExifTool reads them (when ExifTool and the corpus are there). Each
caption is parsed four ways: ``parse(text)`` (its ``to_json()``), with ``explain=True`` (the JSON and
every note), with ``places=False``, and with ``places=False, dates=False`` (what the importer asks for).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from tools.evaluate_captions import (
    OUR_SETS,
    caption_key,
    corpus_captions,
    corpus_root,
    default_dev_path,
    frozen_split,
    read_items,
)

#: The ways each caption is parsed: a name, and parse's keyword arguments.
WAYS = (
    ("plain", {}),
    ("explain", {"explain": True}),
    ("no_places", {"places": False}),
    ("credit_only", {"places": False, "dates": False}),
)


def caption_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every caption: our sets, the shared dev set, the corpus captions; each text once."""
    seen: set[str] = set()
    sources: list[tuple[str, list[str]]] = []
    for path in sorted(OUR_SETS.glob("*.jsonl")):
        items = [item for _, item in read_items(path) if "text" in item]
        sources.append((path.name, [item["text"] for item in items]))
    dev = default_dev_path()
    if dev.is_file():
        sources.append(("dev.jsonl", [item["text"] for _, item in read_items(dev)]))
    corpus = corpus_captions(corpus_root())
    if corpus:
        sources.append(("corpus", [text for _, text in sorted(corpus.items())]))
    for where, texts in sources:
        for text in texts:
            if text not in seen:
                seen.add(text)
                yield where, text


def outputs(text: str) -> dict:
    """Everything the parser says about one caption, each way it can be asked."""
    from catalog.captions.parser import parse

    answer: dict = {}
    for name, options in WAYS:
        facts = parse(text, **options)
        answer[name] = facts.to_json() if name != "explain" else {**facts.to_json(), "notes": facts.notes}
    return answer


def dump(out: Path) -> int:
    """Write one JSON line per caption: its key, where it comes from, and the parser's outputs."""
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for where, text in caption_texts():
            record = {"key": caption_key(text), "from": where, **outputs(text)}
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"{count} captions, {len(WAYS)} ways each, written to {out}")
    return 0


def diff(before: Path, after: Path, limit: int = 20) -> int:
    """Compare two dumps line by line; exit 1 when any caption's output differs (or the captions do)."""
    old = {json.loads(line)["key"]: line for line in before.read_text(encoding="utf-8").splitlines()}
    new = {json.loads(line)["key"]: line for line in after.read_text(encoding="utf-8").splitlines()}
    changed = sorted(key for key in old.keys() & new.keys() if old[key] != new[key])
    only_old, only_new = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    held_out = {key for key, split in frozen_split().items() if split == "heldout"}
    hidden = [key for key in changed if key in held_out]
    for key in [key for key in changed if key not in held_out][:limit]:
        was, now = json.loads(old[key]), json.loads(new[key])
        print(f"{key} ({was['from']}):")
        for way, _ in WAYS:
            if was[way] != now[way]:
                for field in sorted(set(was[way]) | set(now[way])):
                    if was[way].get(field) != now[way].get(field):
                        print(f"  {way}.{field}: {was[way].get(field)!r} -> {now[way].get(field)!r}")
    if only_old or only_new:
        print(f"captions only in {before}: {len(only_old)}; only in {after}: {len(only_new)}")
    if hidden:
        print(f"{len(hidden)} held-out caption(s) differ (not shown)")
    print(f"{len(old.keys() & new.keys())} captions compared, {len(changed)} differ")
    return 1 if changed or only_old or only_new else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.caption_outputs", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the parser's outputs on every caption")
    dumping.add_argument("out", type=Path)
    diffing = commands.add_parser("diff", help="compare two dumps (exit 1 when they differ)")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out)
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
