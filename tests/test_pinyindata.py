"""pypinyin with its dictionaries packed (catalog._pinyindata): the same tables and the same readings as the
package imported as it ships, compared whole, in processes of their own (pypinyin is imported once a process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from catalog._pinyindata import PackedCharacters, PackedPhrases

_READ = r"""
import json, sys
if sys.argv[1] == "packed":
    from catalog import _pinyindata
    _pinyindata.load()
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
from pypinyin.seg import mmseg
phrases = list(PHRASES_DICT)
texts = phrases[::5] + ["张大刚", "合肥市长", "什邡", "中华人民共和国国务院总理今天在北京会见", "约翰·史密斯",
                        "abc中文Text", "重庆长江大桥", "".join(phrases[100:160]), "".join(phrases[9000:9040:3])]
print(json.dumps({
    "phrases": [[key, PHRASES_DICT[key]] for key in PHRASES_DICT],
    "characters": [[key, PINYIN_DICT[key]] for key in PINYIN_DICT],
    "prefixes": sorted(mmseg.p_set._set),
    "lazy": [lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="ignore") for text in texts],
    "heteronyms": [pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore") for text in texts],
}))
"""


def _read(mode: str, cache: Path) -> dict:
    root = str(Path(__file__).resolve().parents[1])  # this tree's catalog, whatever the environment installs
    paths = os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, CATALOG_CACHE=str(cache), PYTHONPATH=paths)
    done = subprocess.run([sys.executable, "-c", _READ, mode], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_packed_dictionaries_give_what_pypinyin_gives(tmp_path):
    shipped = _read("shipped", tmp_path)
    made = _read("packed", tmp_path)  # made from the JSON, and kept
    assert list(tmp_path.glob("pinyin-*.pickle"))
    mapped = _read("packed", tmp_path)  # read from the cache folder, mapped
    assert len(shipped["phrases"]) > 40_000 and len(shipped["prefixes"]) > 80_000
    for key in shipped:
        assert made[key] == shipped[key], key
        assert mapped[key] == shipped[key], key


def test_packed_tables_as_dicts():
    phrases = PackedPhrases([("合肥", [["hé"], ["féi"]]), ("长", [["zhǎng", "cháng"]]), ("合肥", [["x"], ["y"]])])
    assert dict(phrases) == {"合肥": [["x"], ["y"]], "长": [["zhǎng", "cháng"]]}  # the last of a key, as json gives
    assert "合" not in phrases and phrases.copy() is phrases
    assert sorted(phrases.prefixes()) == ["合", "合肥", "长"]
    odd = PackedPhrases([("空", [[]]), ("逗", [["a\x1fb"]])])  # what the separators cannot hold is kept as JSON
    assert dict(odd) == {"空": [[]], "逗": [["a\x1fb"]]}
    characters = PackedCharacters([("21512", "hé,gě")])
    assert dict(characters) == {21512: "hé,gě"} and "21512" not in characters


def test_the_installed_pypinyin_is_one_the_packing_was_checked_against():
    """A pypinyin release the packing was not checked against is imported as it ships (more memory, the same
    readings); this fails when the environment installs such a release, so that the check above is run on it and
    the release added to _CHECKED_RELEASES, rather than the packing silently left off."""
    from catalog._pinyindata import _release, packable

    assert packable(_release()), _release()
