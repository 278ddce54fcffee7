"""The credit-swap probe in Chinese: tune captions with the photographer and the outlet of their Chinese credit
swapped for invented ones of the same kind, to show where the credit reader reads a name it knows rather than the
credit's shape.

    python -m tools.credit_swap_zh                            # the figures: originals beside their variants
    python -m tools.credit_swap_zh --show-lost photographer   # every variant whose photographer the original had right
    python -m tools.credit_swap_zh --seed 7

As ``tools.credit_swap`` does for English, it takes the Chinese tune captions whose credit line stands in the text as
written ("新华社记者 李鑫 摄", "扬州日报 凌万兵 摄", "邱琦/CFP") and writes variants with, inside the credit line only,
the labels changed to match:

- the **photographer**, where the label stands in the credit, replaced by an invented person: a common surname
  and one or two given characters no table holds together ("林沅芷", "何晗"), or a two-character surname
  ("欧阳若琪"), written in the caption's script;
- the **agency**, where its Chinese name stands in the credit ("新华社" for Xinhua, "中新社" for China News Service,
  or the label itself as written, "扬州日报"), replaced by an invented outlet of one of several shapes: a daily, an
  evening paper, a news site, a county's media centre, a television station ("沅州日报", "芷阳晚报", "凌川新闻网",
  "沅州县融媒体中心", "芷阳电视台"). The registry cannot know it, so by the sets' contract the agency label is the
  outlet as written, the provider unchanged.

The choices are seeded per caption (``--seed`` and the caption's key). Only the tune split is read; the variants
are written only where ``--write`` says (never under tests/).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence

from tools import credit_swap
from tools.credit_swap import CREDIT_FIELDS, _labelled, credit_span
from tools.place_swap import Outcome, Probe, probe_command, probe_of

#: Surnames written alike in both scripts, and two-character ones.
SURNAMES = ("王", "李", "林", "何", "朱", "胡", "高", "周", "徐", "郭", "曹", "田", "石", "方", "白", "江", "宋", "唐",
            "姜", "余", "袁")
COMPOUND_SURNAMES = ("欧阳", "司徒", "上官")
COMPOUND_SURNAMES_TRADITIONAL = {"欧阳": "歐陽"}
#: Given characters written alike in both scripts.
GIVEN = ("沅", "芷", "晗", "琪", "若", "朗", "杉", "舒", "蕊", "妍", "昊", "彤", "柏", "楠", "岑", "翊", "珂", "溪")

#: Invented places for the outlets' names (no county or city of China is named so).
OUTLET_TOWNS = ("芷阳", "凌川", "晗州", "翊川", "珂州", "沅州")
#: The outlets' shapes: (simplified, traditional) endings.
OUTLET_SHAPES = {
    "daily": ("日报", "日報"),
    "evening": ("晚报", "晚報"),
    "site": ("新闻网", "新聞網"),
    "media centre": ("县融媒体中心", "縣融媒體中心"),
    "station": ("电视台", "電視台"),
}
#: How the standard agency names stand written in a Chinese credit.
WRITTEN = {
    "Xinhua": ("新华社", "新華社"),
    "China News Service": ("中新社", "中新網", "中新网"),
    "People's Daily Online": ("人民网", "人民網"),
    "People's Daily": ("人民日报", "人民日報"),
    "China Youth Daily": ("中国青年报", "中國青年報"),
    "CNA": ("中央社",),
    "The Beijing News": ("新京报", "新京報"),
    "China Daily": ("中国日报", "中國日報"),
    "Dazhong Daily": ("大众日报", "大眾日報"),
    "CNR": ("央广网", "央廣網"),
}
#: An outlet's app or desk written after its name ("大众日报客户端记者").
DESKS = ("新闻客户端", "客户端", "客戶端", "新聞客戶端")
#: Characters only the traditional script writes: a caption with one is written in it.
_TRADITIONAL = set("華記報網攝聞區縣國廣眾發視圖張陳劉楊黃趙吳孫馬羅鄭謝韓馮鄧許蘇盧蔣葉魏閻")


def _traditional(text: str) -> bool:
    return any(ch in _TRADITIONAL for ch in text)


def invented_person(rng: random.Random, traditional: bool) -> str:
    """An invented person's name: a surname and one or two given characters."""
    if rng.random() < 0.15:
        surname = rng.choice(COMPOUND_SURNAMES)
        surname = COMPOUND_SURNAMES_TRADITIONAL.get(surname, surname) if traditional else surname
    else:
        surname = rng.choice(SURNAMES)
    given = "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))
    return surname + given


def invented_outlet(rng: random.Random, shape: str, traditional: bool) -> str:
    """An invented outlet of the shape asked for, in the caption's script."""
    simplified, traditional_ending = OUTLET_SHAPES[shape]
    town = rng.choice(OUTLET_TOWNS)
    return (town.replace("阳", "陽") + traditional_ending) if traditional else town + simplified


def _swap(item: dict, old: str, new: str) -> dict | None:
    """The item with ``old`` replaced by ``new`` inside its credit line (every copy of the line), or None."""
    raw = (item.get("credit") or {}).get("raw")
    if credit_span(item) is None or old not in raw:
        return None
    new_raw = raw.replace(old, new)
    return {**item, "text": item["text"].replace(raw, new_raw), "credit": {**item["credit"], "raw": new_raw}}


def person_variants(item: dict, rng: random.Random, count: int) -> list[tuple[str, dict, list[tuple[str, str]]]]:
    """Up to ``count`` variants with the photographer swapped for an invented person: (kind, item, swaps)."""
    credit = item.get("credit") or {}
    person = credit.get("photographer")
    if not person or not 2 <= len(person) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in person):
        return []
    traditional = _traditional(item["text"])
    found = []
    for _ in range(count):
        new = invented_person(rng, traditional)
        variant = _swap(item, person, new)
        if variant is None:
            return found
        found.append(("person:" + ("compound" if len(new) > 2 and new[:2] in (*COMPOUND_SURNAMES, "歐陽") else
                                   f"{len(new)} characters"), _labelled(variant, "photographer", new), [(person, new)]))
    return found


def _written_outlet(item: dict) -> str | None:
    """How the caption's agency stands written in its credit line, when it does."""
    credit = item.get("credit") or {}
    agency, raw = credit.get("agency"), credit.get("raw") or ""
    if not agency:
        return None
    for written in (agency, *WRITTEN.get(agency, ())):
        if written in raw and any("\u4e00" <= ch <= "\u9fff" for ch in written):
            return written
    return None


def outlet_variants(item: dict, rng: random.Random, count: int) -> list[tuple[str, dict, list[tuple[str, str]]]]:
    """Up to ``count`` variants with the agency swapped for an invented outlet: (kind, item, swaps)."""
    written = _written_outlet(item)
    person = (item.get("credit") or {}).get("photographer") or ""
    if written is None or written in person:
        return []
    traditional = _traditional(item["text"])
    shapes = list(OUTLET_SHAPES)
    rng.shuffle(shapes)
    found = []
    for number in range(count):
        shape = shapes[number % len(shapes)]
        new = invented_outlet(rng, shape, traditional)
        variant = _swap(item, written, new)
        if variant is None:
            return found
        # "某某晚报客户端记者": an unknown outlet's app or desk after its name stays in the agency as written (the
        # reader's convention, 72133e2e), accepted beside the outlet alone
        raw = variant["credit"]["raw"]
        desk = next((w for w in DESKS if raw.startswith(new + w, raw.find(new))), None)
        found.append(("outlet:" + shape, _labelled(variant, "agency", new, [new + desk] if desk else None),
                      [(written, new)]))
    return found


def make_probe(items: Sequence[dict], seed: int = 31, people: int = 3, outlets: int = 2) -> Probe:
    """The variants of every caption that has a photographer or an agency to swap (seeded per caption)."""
    return probe_of(items, f"{seed}:zh", lambda item, rng: (
        person_variants(item, rng, people) + outlet_variants(item, rng, outlets)))


def report(probe: Probe, outcome: Outcome) -> str:
    """The probe's table, as `tools.credit_swap` prints it for English."""
    return credit_swap.report(probe, outcome, "credit-swap probe (Chinese): {captions} Chinese tune captions")


def _around_the_credit(item: dict) -> str:
    """A variant's text to show: a Chinese caption is shorter, so a shorter one around its credit."""
    return credit_swap.around_the_credit(item, longest=200, before=80, after=40)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the probe's table (and the lost fields, when asked)."""
    return probe_command(argv, prog="python -m tools.credit_swap_zh", doc=__doc__, language="zh", seed=31,
                         counts=credit_swap.VARIANT_COUNTS, fields=CREDIT_FIELDS, make=make_probe, report=report,
                         excerpt=_around_the_credit)


if __name__ == "__main__":
    sys.exit(main())
