"""Dump what the import's reader makes of every file under some folders, and diff two dumps: a speed change
to the reader must leave every record as it was, field by field.

    python -m tools.reader_outputs dump before.jsonl /tmp/press1000 ../shared/corpus/real   # before the change
    python -m tools.reader_outputs dump after.jsonl /tmp/press1000 ../shared/corpus/real    # on the change
    python -m tools.reader_outputs diff before.jsonl after.jsonl    # exit 1 and list what differs
    python -m tools.reader_outputs time /tmp/press1000 --limit 300  # read in this process, for a profiler
    python -m tools.reader_outputs time /tmp/press1000 --limit 300 --rounds 3   # the same files 3 times

Each file is read as `catalog import` reads it (`catalog.reading.read_file` with the default house rules,
in this one process, in name order), and every part of the result is written: the record, the place names,
place keys and credit tokens, what was learned of the gazetteer, the perceptual fingerprint, or the failure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def found_files(folders: list[str], limit: int | None = None) -> list:
    """The image files the import's scan finds under `folders`, in its order, the first `limit` of them."""
    from catalog.scan import Found, scan

    found = [item for item in scan(folders) if isinstance(item, Found)]
    return found[:limit] if limit is not None else found


def _plain(value: Any) -> Any:
    """A value JSON can hold, the same for the same value (bytes as hex, tuples and sets as lists)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(item) for item in value), key=repr)
    if isinstance(value, bytes):
        return value.hex()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def outputs(found: list) -> list[dict]:
    """What read_file says about each file, as plain data."""
    from catalog.captions.rules import load_rules
    from catalog.reading import read_file

    rules = load_rules()
    answers = []
    for item in found:
        result = read_file(item, rules)
        answer = {name: _plain(getattr(result, name)) for name in result._fields if name != "found"}
        for rows in ("keys", "tokens"):  # rows for a table, made from sets: their order is the hash seed's
            answer[rows] = sorted(answer[rows])
        if result.failure is not None:
            answer["failure"] = result.failure.reason
        answers.append({"path": item.path, **answer})
    return answers


def dump(out: Path, folders: list[str]) -> int:
    """Write one JSON line per file: its path and everything read_file made of it."""
    answers = outputs(found_files(folders))
    with open(out, "w", encoding="utf-8") as handle:
        for answer in answers:
            handle.write(json.dumps(answer, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(answers)} files read, written to {out}")
    return 0


def diff(before: Path, after: Path, limit: int = 20) -> int:
    """Compare two dumps; exit 1 when any file's result differs (or the files do)."""
    old = {json.loads(line)["path"]: json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()}
    new = {json.loads(line)["path"]: json.loads(line) for line in after.read_text(encoding="utf-8").splitlines()}
    changed = sorted(path for path in old.keys() & new.keys() if old[path] != new[path])
    for path in changed[:limit]:
        print(f"{path}:")
        for part in sorted(set(old[path]) | set(new[path])):
            was, now = old[path].get(part), new[path].get(part)
            if isinstance(was, dict) and isinstance(now, dict):
                for name in sorted(set(was) | set(now)):
                    if was.get(name) != now.get(name):
                        print(f"  {part}.{name}: {was.get(name)!r} -> {now.get(name)!r}")
            elif was != now:
                print(f"  {part}: {was!r} -> {now!r}")
    only_old, only_new = old.keys() - new.keys(), new.keys() - old.keys()
    if only_old or only_new:
        print(f"files only in {before}: {len(only_old)}; only in {after}: {len(only_new)}")
    print(f"{len(old.keys() & new.keys())} files compared, {len(changed)} differ")
    return 1 if changed or only_old or only_new else 0


def timed(folders: list[str], limit: int | None, profile: Path | None = None, rounds: int = 1) -> int:
    """Read the files in this process (after one warm-up file), `rounds` times over, and print the time per
    file; with `profile`, the reading (not the warm-up) is profiled by cProfile into that file. Run under
    callgrind, the cost per file is the difference of two runs' instruction counts over the difference in
    files read: 300 files read 3 times and once, (I3 - I1) / 600, leaves out start-up and every first use
    (a table built, a place learned) along with the warm-up."""
    from catalog.captions.rules import load_rules
    from catalog.reading import read_file

    found = found_files(folders, limit)
    rules = load_rules()
    read_file(found[0], rules)  # the imports and the first use of every table are not what a file costs
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.process_time()
    for _ in range(rounds):
        for item in found:
            read_file(item, rules)
    spent = time.process_time() - start
    if profiler is not None and profile is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    print(f"{len(found)} files, {spent / max(1, len(found) * rounds) * 1000:.3f} ms CPU per file")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.reader_outputs", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write what the reader makes of every file under the folders")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("folders", nargs="+")
    diffing = commands.add_parser("diff", help="compare two dumps (exit 1 when they differ)")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    timing = commands.add_parser("time", help="read the files in this process and print the CPU per file")
    timing.add_argument("folders", nargs="+")
    timing.add_argument("--limit", type=int, default=None, help="read only the first LIMIT files")
    timing.add_argument("--profile", type=Path, default=None, help="write a cProfile of the reading to this file")
    timing.add_argument("--rounds", type=int, default=1, help="read the files this many times over")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.folders)
    if args.command == "diff":
        return diff(args.before, args.after)
    return timed(args.folders, args.limit, args.profile, max(1, args.rounds))


if __name__ == "__main__":
    sys.exit(main())
