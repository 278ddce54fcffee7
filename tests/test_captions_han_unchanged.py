"""The simplified form of a Chinese text without OpenCC's call where OpenCC would change nothing (issue 14: parse
speed, every answer unchanged): `han_text._changeable` finds every character t2s may change, so a text without one
is its own simplified form, as OpenCC's conversion gives it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from catalog import han_text
from catalog.han_text import PHRASE_ONLY_CHANGES, simplified

# Texts written for these tests: simplified, traditional, mixed, the phrase-only characters in and out of their
# phrases, a character beyond the plane, the variant forms OpenCC leaves, Latin and figures.
TEXTS = [
    "市民在北京天安门广场前合影留念。新华社记者 李洋 摄",
    "中新社記者 李洋 攝",
    "遊客在台北101大樓前拍照（圖：王小明）",
    "他憑藉毅力走出低谷，神情深沈，回覆了來信",
    "凭借", "藉口", "沈先生", "回覆", "瞭望", "甦醒",
    "陳焯煇在香港",
    "敦煌硏究院的靑年學者",
    "Quorva Tower, Hefei, Oct. 3, 2025",
    "",
    "2025年10月3日，合肥",
]


def _plain(text: str) -> str:
    """`han_text._simplify` as it was: OpenCC asked every time."""
    converted = han_text._converter().convert(text)
    if len(converted) != len(text):
        converted = text
    elif han_text._ASTRAL.search(converted):
        converted = "".join(original if ord(new) > 0xFFFF else new for new, original in zip(converted, text))
    return converted.translate(han_text._VARIANTS) if han_text._A_VARIANT.search(converted) else converted


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_is_simplified_as_opencc_gives_it(text: str) -> None:
    han_text.forget_conversions()
    assert simplified(text) == _plain(text)
    if han_text._changeable().search(text) is None:
        assert han_text._converter().convert(text) == text  # the pre-test's verdict: OpenCC changes nothing


def test_the_phrase_only_characters_are_changed_in_their_phrases_and_not_alone() -> None:
    convert = han_text._converter().convert
    for character in PHRASE_ONLY_CHANGES:
        assert convert(character) == character
        assert han_text._changeable().search(character)
    assert convert("憑藉") == "凭借" and convert("深沈") == "深沉"


def test_every_character_opencc_changes_in_its_dictionaries_is_found() -> None:
    """Every key of the t2s dictionaries whose value differs from it holds a character the pre-test finds, so no
    such key matches in a text without one (read with OpenCC's own `opencc_dict`, when the package ships it)."""
    import opencc

    root = Path(opencc.__file__).parent / "clib"
    tool, share = root / "bin" / "opencc_dict", root / "share" / "opencc"
    if not tool.is_file() or shutil.which(str(tool)) is None:
        pytest.skip("OpenCC's opencc_dict is not installed")
    changeable = han_text._changeable()
    missed = []
    for name in ("TSPhrases", "TSCharacters", "TSCharactersExt", "CJK_Compatibility_Ideographs"):
        listed = subprocess.run([str(tool), "-i", str(share / f"{name}.ocd2"), "-o", "/dev/stdout", "-f", "ocd2",
                                 "-t", "text"], capture_output=True, check=True,
                                env={"LD_LIBRARY_PATH": str(root / "lib64")}).stdout.decode("utf-8")
        for line in listed.splitlines():
            key, values = line.split("\t")
            value = values.split(" ")[0]
            if value != key and not changeable.search(key):
                missed.append((name, key, value))
    assert missed == []
