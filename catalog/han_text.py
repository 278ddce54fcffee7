"""Chinese text in one script for matching: the simplified form of a caption's characters, one for one, so that
one word list serves captions in traditional and in simplified characters and every offset found in the simplified
text holds in the text as written; and a name's traditional form, which the gazetteer may hold instead. Below the
caption readers, the gazetteer's look-ups and the venue register, which all match names so::

    simplified("中新社記者 李洋 攝")   "中新社记者 李洋 摄"
    simplified("敦煌硏究院")          "敦煌研究院" (a variant form OpenCC leaves, read as the standard one)
    traditional("丽江")               "麗江"
"""

from __future__ import annotations

import re
from functools import cache

from catalog.patterns import compiled


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


#: Variant forms of characters that OpenCC leaves as they are (the old or Korean-style forms some Hong Kong,
#: Taiwan and overseas pages carry: 敦煌硏究院, 衞生, 靑年, 淸水, 峩眉, 嶋; 圗 and 啚, old forms of 图 that Malaysian
#: papers write in "(圗:王小明)"): read as the standard form, so a word list's 研究院, 岛 or 图 matches them; each is
#: one character for one, so offsets hold.
_VARIANT_FORMS = "硏衞靑淸槪吿峩嶋圗啚"
_VARIANTS = str.maketrans(_VARIANT_FORMS, "研卫青清概告峨岛图图")
#: Any of those forms: most texts hold none, and a search for them costs far less than translate's pass.
_A_VARIANT = compiled(f"[{_VARIANT_FORMS}]")


#: A character beyond the Basic Multilingual Plane (CJK extensions B and after), which HAN does not cover.
_ASTRAL = compiled("[\U00010000-\U0010FFFF]")


def simplified(text: str) -> str:
    """The text in simplified characters, character for character (so offsets hold), for matching.

    >>> simplified("中新社記者 李洋 攝")
    '中新社记者 李洋 摄'
    >>> simplified("敦煌硏究院")
    '敦煌研究院'
    """
    known = _SIMPLIFIED.get(text)
    if known is not None:
        return known
    if len(_SIMPLIFIED) >= _SIMPLIFIED_KEPT:
        _SIMPLIFIED.clear()
    known = _SIMPLIFIED[text] = _simplify(text)
    return known


#: Texts already converted: the readers ask for the same names and clauses many times a caption, and OpenCC's
#: call costs more than a look-up (cleared when full: a process reads captions of one desk, whose names repeat).
_SIMPLIFIED: dict[str, str] = {}
_SIMPLIFIED_KEPT = 4096


def forget_conversions() -> None:
    """Drop the remembered conversions (the speed measure does, before each pass, so that a pass over captions
    already read costs what new captions cost)."""
    _SIMPLIFIED.clear()


def _simplify(text: str) -> str:
    if _changeable().search(text) is None:
        return text.translate(_VARIANTS) if _A_VARIANT.search(text) else text  # (OpenCC would give it back as is)
    converted = _converter().convert(text)
    if len(converted) != len(text):
        converted = text
    elif _ASTRAL.search(converted):  # "陳焯煇" -> "陈焯𪸩": a simplified form outside the ranges the patterns read
        converted = "".join(original if ord(new) > 0xFFFF else new for new, original in zip(converted, text))
    return converted.translate(_VARIANTS) if _A_VARIANT.search(converted) else converted


#: Characters t2s changes inside a phrase of its dictionary (TSPhrases) and leaves alone on their own: 憑藉 -> 凭借,
#: 深沈 -> 深沉, 回覆 -> 回复. ``_changeable`` reads the characters it changes alone from the converter itself; these
#: it cannot, so they are listed (tests/test_han_text.py checks the list against the installed dictionaries).
PHRASE_ONLY_CHANGES = "么俱哩坏彷沈甦瞭藉衹覆"
_BLOCK = 2048  # characters of the plane converted at a time by ``_changeable``


@cache
def _changeable() -> re.Pattern[str]:
    """A character OpenCC's t2s may change: one it changes alone (every character of the Basic Multilingual Plane
    converted once, a line each, so no phrase spans two), one it changes only inside a phrase
    (``PHRASE_ONLY_CHANGES``), any character beyond the plane, and a lone surrogate (which OpenCC cannot take, so
    its error stays). A text with none of them converts to itself: OpenCC replaces only a dictionary's keys by their
    values, and every key whose value differs from it holds such a character."""
    changed = [ord(c) for c in PHRASE_ONLY_CHANGES]
    for block in range(0, 0x10000, _BLOCK):  # (in blocks: no temporary large enough to move libc's heap threshold)
        plane = [chr(code) for code in range(block, block + _BLOCK) if not 0xD800 <= code <= 0xDFFF and code != 0x0A]
        if not plane:
            continue  # (the surrogates' blocks)
        converted = _converter().convert("\n".join(plane)).split("\n")
        if len(converted) != len(plane):
            return compiled(".", re.DOTALL)  # (each line no longer one character: every text converted)
        changed += [ord(c) for c, new in zip(plane, converted) if new != c]
    ranges: list[tuple[int, int]] = []
    for code in sorted(changed):
        if ranges and code <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], code))
        else:
            ranges.append((code, code))
    body = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return compiled(f"[{body}\\ud800-\\udfff\\U00010000-\\U0010ffff]")


@cache
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """The text in traditional characters (OpenCC's s2t), for a name the gazetteer holds only so (麗江 for 丽江).

    >>> traditional("丽江")
    '麗江'
    """
    return _to_traditional().convert(text)
