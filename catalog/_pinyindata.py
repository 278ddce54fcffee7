"""pypinyin with its dictionaries packed: the same readings in a tenth of the memory.

Imported as it ships, pypinyin reads its phrase dictionary (47,000 phrases) and its character dictionary
(42,000 characters) from JSON into Python objects, copies both, and keys every prefix of every phrase into a
set for its segmenter: +56 MB in every reader process that reads a name in Chinese characters (a mixed folder's
captions: each reader of its first import). `load()` gives pypinyin the same dictionaries as packed tables
(catalog._placetables: the keys packed with a hash table of slots, the values packed as text) before pypinyin is
first imported; its functions then read them as they read the dicts (``in``, ``[]``, ``len``), and give the same
answers. The tables are made from the package's own JSON one pair at a time (0.5 s of CPU) by one process after
an install, and kept in the cache folder (``pinyin-<key>.pickle``, see catalog.cachedir), from which every other
process maps them: the pages it reads, shared with every other reader.

>>> load()
>>> from pypinyin import Style, lazy_pinyin
>>> lazy_pinyin("合肥市长", style=Style.NORMAL)
['he', 'fei', 'shi', 'zhang']
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import types
from collections.abc import Iterator, Mapping
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

from catalog import _placetables
from catalog._placetables import PackedIndex, PackedStrings
from catalog.cachedir import (
    collection_paused,
    default_cache_dir,
    drop_old_builds,
    give_back_freed,
    one_builder,
    read_kept,
    write_kept,
)
from catalog.json_items import object_items

#: Between one phrase's syllables, and between a syllable's readings, in a packed value (pypinyin's readings
#: are letters with tone marks); a value these would not give back whole is kept as its JSON after _AS_JSON.
_SYLLABLES, _READINGS, _AS_JSON = "\x1e", "\x1f", "\x00"

_LOCK = threading.Lock()


class PackedPhrases(Mapping[str, list[list[str]]]):
    """pypinyin's phrase dictionary, phrase -> its readings syllable by syllable (``[["hé"], ["féi"]]``), packed.

    ``copy()`` gives the table itself (it is read-only: pypinyin copies its dictionaries so that a program can add
    its own, which the catalogue does not). While pypinyin is first imported the keys are not listed (``keys()``
    is empty): its segmenter would key every prefix of them into a set, which `load` gives packed instead.

    >>> phrases = PackedPhrases([("合肥", [["hé"], ["féi"]]), ("长", [["zhǎng", "cháng"]])])
    >>> phrases["合肥"], phrases["长"], "合" in phrases, len(phrases)
    ([['hé'], ['féi']], [['zhǎng', 'cháng']], False, 2)
    """

    def __init__(self, pairs) -> None:
        texts: list[str] = []

        def positions() -> Iterator[tuple[str, int]]:
            for phrase, readings in pairs:
                texts.append(_packed_value(readings))
                yield phrase, len(texts) - 1

        self._index = PackedIndex.gathered(positions(), 60_000)
        self._values = PackedStrings(texts)
        self._listed = True

    def __getitem__(self, phrase: str) -> list[list[str]]:
        return _unpacked_value(self._values[self._index[phrase]])

    def __iter__(self) -> Iterator[str]:
        return iter(self._index) if self._listed else iter(())

    def __len__(self) -> int:
        return len(self._index)

    def copy(self) -> PackedPhrases:
        return self

    def prefixes(self) -> PackedIndex:
        """Every prefix of every phrase (what pypinyin's segmenter keys into its ``PrefixSet``), each -> 0."""
        return PackedIndex.gathered(((phrase[:end], 0) for phrase in self._index for end in range(1, len(phrase) + 1)),
                                    sum(len(phrase) for phrase in self._index))


class PackedCharacters(Mapping[int, str]):
    """pypinyin's character dictionary, code point -> its readings joined by commas (``0x5408`` -> "hé,gě"), packed.

    >>> characters = PackedCharacters([("21512", "hé,gě")])
    >>> characters[0x5408], 0x5409 in characters, list(characters)
    ('hé,gě', False, [21512])
    """

    def __init__(self, pairs) -> None:
        texts: list[str] = []

        def positions() -> Iterator[tuple[str, int]]:
            for number, readings in pairs:
                texts.append(readings)
                yield number, len(texts) - 1

        self._index = PackedIndex.gathered(positions(), 60_000)
        self._values = PackedStrings(texts)

    def __getitem__(self, number: int) -> str:
        if not isinstance(number, int):
            raise KeyError(number)
        return self._values[self._index[str(number)]]

    def __iter__(self) -> Iterator[int]:
        return (int(number) for number in self._index)

    def __len__(self) -> int:
        return len(self._index)

    def copy(self) -> PackedCharacters:
        return self


def _packed_value(readings: list[list[str]]) -> str:
    text = _SYLLABLES.join(_READINGS.join(syllable) for syllable in readings)
    if _unpacked_value(text) != readings:  # (an empty syllable, a separator inside a reading: never in 0.55)
        return _AS_JSON + json.dumps(readings)
    return text


def _unpacked_value(text: str) -> list[list[str]]:
    if text.startswith(_AS_JSON):
        return json.loads(text[1:])
    return [syllable.split(_READINGS) for syllable in text.split(_SYLLABLES)]


#: The pypinyin releases whose modules `load` was checked against (tests/test_pinyindata.py compares the packed
#: tables and readings with the package's own): it hands the package its dictionaries as modules and replaces its
#: segmenter's prefix set, which another release may name or build otherwise. Any other release is imported as it
#: ships: more memory, never another reading.
_CHECKED_RELEASES = ("0.55",)


def packable(release: str | None) -> bool:
    """Whether pypinyin's `release` is one `load` may pack (see _CHECKED_RELEASES).

    >>> packable("0.55.0"), packable("0.55"), packable("0.56.0"), packable("0.5"), packable(None)
    (True, True, False, False, False)
    """
    return release is not None and any(release == checked or release.startswith(checked + ".")
                                       for checked in _CHECKED_RELEASES)


def _release() -> str | None:
    try:
        return metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        return None


def load() -> None:
    """Import pypinyin with its dictionaries packed (see the module docstring), once; nothing when it is already
    imported (its dictionaries as it made them), when its release is not one this was checked against, or when
    its JSON files are not where its modules read them."""
    if "pypinyin" in sys.modules:
        return
    with _LOCK:
        if "pypinyin" in sys.modules or not packable(_release()):
            return
        spec = find_spec("pypinyin")
        folder = Path(spec.origin).parent if spec is not None and spec.origin else None
        if folder is None or not all((folder / name).is_file() for name in ("phrases_dict.json", "pinyin_dict.json")):
            return
        tables = _tables(folder)
        phrases = tables["phrases"]
        for name, table in (("phrases_dict", phrases), ("pinyin_dict", tables["characters"])):
            module = types.ModuleType(f"pypinyin.{name}")
            setattr(module, name, table)
            sys.modules[f"pypinyin.{name}"] = module
        phrases._listed = False
        try:
            import pypinyin  # noqa: F401  (the package, with the modules above as its dictionaries)
            from pypinyin.seg import mmseg
        finally:
            phrases._listed = True
        mmseg.p_set._set = tables["prefixes"]


#: The tables' format: a change makes a new file.
_FORMAT = 1


def _tables(folder: Path) -> dict:
    """The packed tables of the pypinyin in `folder`: kept in the cache folder, else made (and kept)."""
    try:
        path: Path | None = default_cache_dir() / _cache_name(folder)
    except OSError:  # (no home directory, a JSON file gone meanwhile)
        path = None
    if path is not None:
        kept = read_kept(path)
        if isinstance(kept, dict) and kept.get("format") == _FORMAT:
            return kept
        with one_builder(path):  # the other reader of a first import may be making them: wait, then read them
            kept = read_kept(path)
            if isinstance(kept, dict) and kept.get("format") == _FORMAT:
                return kept
            tables = _made(folder)
            if write_kept(tables, path):
                drop_old_builds(path, "pinyin-")  # other versions' tables: the ones used last are kept beside
                # Read back, the tables mapped as the other readers map them: as made they are this process's
                # own memory to its end (see catalog.places.Gazetteer._kept).
                del tables
                give_back_freed()
                kept = read_kept(path)
                return kept if isinstance(kept, dict) and kept.get("format") == _FORMAT else _made(folder)
            return tables
    return _made(folder)


def _made(folder: Path) -> dict:
    with collection_paused():
        phrases = PackedPhrases(object_items(folder / "phrases_dict.json"))
        return {"format": _FORMAT, "phrases": phrases, "prefixes": phrases.prefixes(),
                "characters": PackedCharacters(object_items(folder / "pinyin_dict.json"))}


def _cache_name(folder: Path) -> str:
    """The tables' file name: a digest of the JSON files' sizes and times, this code and the Python version."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for name in ("phrases_dict.json", "pinyin_dict.json"):
        info = (folder / name).stat()
        digest.update(f" {name} {info.st_size} {info.st_mtime_ns}".encode())
    for module in (sys.modules[__name__], _placetables):
        digest.update(Path(module.__file__ or "").read_bytes())
    return f"pinyin-{digest.hexdigest()[:20]}.pickle"
