"""Where does a Chinese venue's name start? Readings of the start of each venue the parser takes, counted from
the tune labels themselves and measured out of fold on the Chinese tune split.

    python -m tools.venue_starts                   # each reading at each setting, out of fold: tune, newest sets
    python -m tools.venue_starts --show opening 5  # the tune rows one reading changes at one setting (tune only)

A wrong venue often keeps words before the name (拍摄宫庙, 持续做好社区, 打卡广场: a verb; 进博会场馆: an event), and a
stop list grows one word at a time. These readings ask the labels instead, each a scored decision of the span's
start that keeps the span, cuts it to where a name starts, or takes no venue (abstains):

- ``opening``: the span's first two characters are written at least N times in the captions and never inside a
  labelled venue, nor in a name the gazetteer knows in Chinese (its cities, the venue register's aliases, the venue
  and kind words): the name starts at the first later pair that is, or where a place the gazetteer knows begins; no
  venue when nothing is left but a kind of place (``generic_venue``, a venue word alone, one character).
- ``grown``: from the venue word that closes the span, grown leftward over characters whose share inside labelled
  venues, against their share of the captions' characters (smoothed, a log ratio), is at least the setting; the
  span cut where the growth stops, or no venue when the name is gone.
- ``common``: the span written whole in at least N captions, none of which labels it: a common noun (篮球场,
  山顶), no venue.
- ``ending`` (the other side, for the spans that end inside a word: 压住河 of 河底, 标准厂 of 厂房): the span's last
  character and the one after it in the caption written as a pair at least N times, never across the end of a
  labelled venue: no venue.

Each is counted on four folds cut by the caption's key and applied to the fifth (``tools.city_reading`` folds so
for English), and the outcomes summed over the folds: ``gained`` (a wrong venue made right), ``lost`` (a right one
made wrong or left out), ``removed`` (a wrong value taken no more: made right or left out; for precision it counts
as much as a gain), ``changed``. The newest sets (the highest-numbered ``zh_fresh*`` files, ``--newest``) are the
proxy for sources no rule has seen: a reading that helps only the older sets is memorising. Only the Chinese tune
split is read; the held-out split never is.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from catalog.captions.chinese_chain import generic_venue
from catalog.captions.chinese_words import Words, simplified, words_for
from catalog.captions.gazetteer import chinese_county_provinces, chinese_name_cities
from catalog.captions.parser import parse
from catalog.captions.rules import load_rules
from tools.evaluate_captions import caption_key, labels, matches, our_items

#: Two Han characters (the pairs counted; letters, figures and marks are not).
_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
#: The settings each reading is measured at.
SETTINGS = {"opening": (2, 3, 5, 8, 12), "grown": (-4.0, -3.0, -2.0, -1.5), "common": (2, 3, 5, 8),
            "ending": (3, 5, 8, 12)}
#: The pseudo-count of a character's share inside venues (``grown``), toward the share of all characters.
SMOOTHING = 5.0


@dataclass
class Row:
    """A Chinese tune caption the parser takes a venue from, with the labelled venue and its alternatives."""

    where: str
    plain: str
    taken: str
    labels: list[str]
    key: int = 0


@dataclass
class Counts:
    """What the training folds say: pairs and characters inside labelled venues and in the captions, labels whole."""

    inside: Counter = field(default_factory=Counter)
    written: Counter = field(default_factory=Counter)
    across: Counter = field(default_factory=Counter)
    inside_chars: Counter = field(default_factory=Counter)
    written_chars: Counter = field(default_factory=Counter)
    labelled: set[str] = field(default_factory=set)
    captions: list[str] = field(default_factory=list)


def pairs(text: str) -> list[str]:
    """The pairs of Han characters side by side in `text`: "骆岗公园" -> 骆岗, 岗公, 公园."""
    return [text[i:i + 2] for i in range(len(text) - 1) if _PAIR.fullmatch(text, i, i + 2)]


def tune_rows() -> list[Row]:
    """The Chinese tune captions the parser takes a venue from."""
    rows = []
    for name, line, item in our_items("zh", "tune"):
        taken = parse(item["text"]).location.sublocation
        if not taken:
            continue
        wanted = [labels(item)["sublocation"], *(item.get("alt") or {}).get("sublocation", [])]
        rows.append(Row(f"{name}:{line}", simplified(item["text"]), taken, [w for w in wanted if w],
                        int(caption_key(item["text"]), 16)))
    return rows


@cache
def named_pairs() -> Counter:
    """The pairs inside the Chinese names the gazetteer and the rules know: its cities' names, the venue register's
    aliases, the venue words and the kinds of place (a pair there opens or goes on a name, whatever the labels say)."""
    from catalog.cachedir import shipped_toml
    from catalog.places import get_gazetteer

    names: set[str] = set()
    gazetteer = get_gazetteer()
    for position in range(len(gazetteer._cities)):
        names.update(simplified(n) for n in gazetteer._index.alternate_names(position) if _PAIR.match(n))
    for group in shipped_toml("venues.toml")["group"]:
        for venue in group["venues"]:
            names.update(simplified(a) for a in venue.get("aliases", []) if _PAIR.match(a))
    names.update(_words().set("places.venue") | _words().set("places.generic_kinds"))
    found: Counter = Counter()
    for name in names:
        found.update(set(pairs(name)))
    return found


@cache
def _words() -> Words:
    return words_for(load_rules())[0]


def counts(rows: Iterable[Row], known: Counter | None = None) -> Counts:
    """Count the training rows: each labelled venue written in its caption, and every caption's pairs and characters;
    `known` pairs (``named_pairs``) count as inside names too."""
    found = Counts(inside=Counter(known or {}))
    for row in rows:
        found.written.update(pairs(row.plain))
        found.written_chars.update(row.plain)
        found.captions.append(row.plain)
        for label in row.labels:
            name = simplified(label)
            found.labelled.add(name)
            if name in row.plain:
                found.inside.update(set(pairs(name)))
                found.inside_chars.update(name)
            at = row.plain.find(name)
            while at >= 0:  # (the pair across the name's end: 河边 of "在某某河边")
                found.across[row.plain[at + len(name) - 1:at + len(name) + 1]] += 1
                at = row.plain.find(name, at + 1)
    return found


def _a_kind_alone(rest: str) -> bool:
    plain = simplified(rest)
    return len(plain) < 2 or plain in _words().set("places.venue") or generic_venue(rest, _words())


def _a_known_place_at(plain: str, at: int) -> bool:
    return any(chinese_name_cities(plain[at:end])[0] or chinese_county_provinces(plain[at:end])
               for end in range(at + 2, min(len(plain), at + 5) + 1))


def opening(span: str, seen: Counts, least: float, plain: str = "") -> str | None:
    """``opening`` at `least` writings: the span, cut to where a name starts, or None."""
    plain = simplified(span)
    first = plain[:2]
    if not _PAIR.fullmatch(first) or seen.inside[first] or seen.written[first] < least or _a_known_place_at(plain, 0):
        return span
    start = next((i for i in range(1, len(plain) - 1) if seen.inside[plain[i:i + 2]] or _a_known_place_at(plain, i)),
                 None)
    if start is None or _a_kind_alone(span[start:]):
        return None
    return span[start:]


def grown(span: str, seen: Counts, least: float, plain: str = "") -> str | None:
    """``grown`` at a log ratio `least`: the span, cut where the growth from its venue word stops, or None."""
    plain = simplified(span)
    word = next((w for w in _venue_words_longest() if plain.endswith(w)), None)
    if word is None or len(plain) == len(word):
        return span
    share = sum(seen.inside_chars.values()) / max(1, sum(seen.written_chars.values()))
    start = len(plain) - len(word)
    while start > 0 and "\u4e00" <= plain[start - 1] <= "\u9fff":
        character = plain[start - 1]
        inside = (seen.inside_chars[character] + SMOOTHING * share) / (seen.written_chars[character] + SMOOTHING)
        if math.log(inside / share) < least:
            break
        start -= 1
    if start == 0:
        return span
    return None if _a_kind_alone(span[start:]) else span[start:]


@cache
def _venue_words_longest() -> tuple[str, ...]:
    return tuple(sorted(_words().set("places.venue"), key=len, reverse=True))


def common(span: str, seen: Counts, least: float, plain: str = "") -> str | None:
    """``common`` at `least` captions: None for a span written whole that often and never a label, else the span."""
    plain = simplified(span)
    if plain in seen.labelled:
        return span
    return None if sum(plain in caption for caption in seen.captions) >= least else span


def ending(span: str, seen: Counts, least: float, plain: str = "") -> str | None:
    """``ending`` at `least` writings: None for a span whose end and the next character of the caption `plain` make a
    pair written that often and never across a labelled venue's end, else the span."""
    name = simplified(span)
    at = plain.find(name)
    if at < 0:
        return span
    pair = plain[at + len(name) - 1:at + len(name) + 1]
    if not _PAIR.fullmatch(pair) or seen.across[pair] or seen.written[pair] < least:
        return span
    return None


READINGS: dict[str, Callable[..., str | None]] = {
    "opening": opening, "grown": grown, "common": common, "ending": ending}


def outcomes(rows: list[Row], reading: str, setting: float, folds: int = 5,
             chosen: Callable[[Row], bool] = lambda row: True) -> tuple[Counter, list[tuple[Row, str | None]]]:
    """The outcomes of one reading at one setting over the `chosen` rows, each fold counted on the others."""
    known = named_pairs() if reading == "opening" else None
    total: Counter = Counter()
    changed = []
    for k in range(folds):
        seen = counts((r for r in rows if r.key % folds != k), known)
        for row in rows:
            if row.key % folds != k or not chosen(row):
                continue
            value = READINGS[reading](row.taken, seen, setting, plain=row.plain)
            if value == row.taken:
                continue
            expected: list[str | None] = list(row.labels) or [None]
            before, after = matches("sublocation", row.taken, expected), matches("sublocation", value, expected)
            total["changed"] += 1
            total["gained"] += after and not before
            total["lost"] += before and not after
            total["removed"] += not before and (after or value is None)
            changed.append((row, value))
    return total, changed


def newest_sets(rows: list[Row], how_many: int) -> set[str]:
    """The `how_many` highest-numbered zh_fresh files among the rows."""
    numbered = {row.where.split(":")[0] for row in rows if re.match(r"zh_fresh\d+\.jsonl", row.where)}
    return set(sorted(numbered, key=lambda name: int(re.sub(r"\D", "", name)))[-how_many:])


def _line(counted: Counter) -> str:
    return " ".join(f"{name} {counted[name]}" for name in ("gained", "lost", "removed", "changed"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="folds cut by the caption's key (default 5)")
    parser.add_argument("--newest", type=int, default=10, help="the highest-numbered zh_fresh sets (default 10)")
    parser.add_argument("--show", nargs=2, metavar=("READING", "SETTING"),
                        help="list the tune rows one reading changes at one setting")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    rows = tune_rows()
    if args.show:
        reading, setting = args.show
        if reading not in READINGS:
            parser.error(f"--show: a reading of {', '.join(READINGS)}")
        _, changed = outcomes(rows, reading, float(setting), args.folds)
        for row, value in changed:
            print(f"{row.where}\t{row.taken} -> {value}\t(labelled {row.labels[0] if row.labels else None})")
        return 0
    newest = newest_sets(rows, args.newest)
    print(f"{len(rows)} Chinese tune captions take a venue; the newest sets: {', '.join(sorted(newest))}")
    for reading, settings in SETTINGS.items():
        for setting in settings:
            every, _ = outcomes(rows, reading, setting, args.folds)
            new, _ = outcomes(rows, reading, setting, args.folds, lambda row: row.where.split(":")[0] in newest)
            print(f"{reading:<8} {setting:>5g}  out of fold: {_line(every)}  | newest: {_line(new)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
