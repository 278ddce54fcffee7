"""The first two characters of every Chinese name the gazetteer can find, kept in the cache folder beside the
gazetteer's own file: the Chinese place reader rules out a chain's start with them before it looks a name up.

A sentence offers a chain a start after each stop, after 在, after a verb of passing (catalog.captions.
chinese_places), and at most of them no unit begins ("游客在...", "记者从..."). There `unit_at` still tries a
country, a district of a city-state and a bare city of every length from two characters to eight, each a look-up
of ``catalog.captions.gazetteer`` (chinese_name_cities, chinese_city_population, chinese_city_abroad,
name_levels) or of the word lists. Each of those finds a name only under one of the gazetteer's keys (GeoNames'
own and alternate names of its cities, the countries' names), written as the caption writes it, with a
designator after it (千橡市, 岳阳市, 日本市), or in traditional characters (麗江 for 丽江). So a start whose first
two characters begin no key in any of those forms begins no name the gazetteer knows.

    >>> starts = gazetteer_name_starts()
    >>> "纽约" in starts, "岳阳" in starts, "游客" in starts
    (True, True, False)
    >>> "日本" in gazetteer_country_starts(), "纽约" in gazetteer_country_starts()
    (True, False)

Built once from the gazetteer (about a second) and kept as ``gazetteer-<key>-name-starts.marshal``: the key is
the gazetteer's own (its data packages and code), so a new gazetteer makes a new table. A process that reads
the kept table loads no gazetteer for it (a reader whose names were all met before loads none at all, see
catalog.place_memo).
"""

from __future__ import annotations

import threading
from itertools import chain
from pathlib import Path

from catalog.place_keys import CJK_SUFFIXES

#: The version of the kept tables' layout (a change makes them be built again).
_FORMAT = 2

_STARTS: tuple[frozenset[str], frozenset[str]] | None = None
_LOCK = threading.Lock()


def gazetteer_name_starts() -> frozenset[str]:
    """The first two characters of every Chinese name the gazetteer can find, read from the cache folder (or
    built there on first use), once a process."""
    return _tables()[0]


def gazetteer_country_starts() -> frozenset[str]:
    """The same of its countries' names alone (what ``name_levels`` finds a country under)."""
    return _tables()[1]


def _tables() -> tuple[frozenset[str], frozenset[str]]:
    global _STARTS
    if _STARTS is None:
        with _LOCK:
            if _STARTS is None:
                _STARTS = _kept_or_built()
    return _STARTS


def _kept_or_built() -> tuple[frozenset[str], frozenset[str]]:
    from catalog.cachedir import one_builder, read_plain, write_plain

    path = _kept_path()
    if path is None:
        return _build()
    found = _valid(read_plain(path))
    if found is not None:
        return found
    with one_builder(path):  # (another process may be building it: wait, then read it)
        found = _valid(read_plain(path))
        if found is not None:
            return found
        built = _build()
        write_plain([_FORMAT, *(sorted(table) for table in built)], path)
        return built


def _kept_path() -> Path | None:
    """Beside the gazetteer's kept file, under its key; None where no cache folder can be said."""
    from catalog.places import _cache_file

    try:
        gazetteer = _cache_file()
    except Exception:  # noqa: BLE001 - no cache folder (no home directory): the table is built in the process
        return None
    return gazetteer.with_name(f"{gazetteer.stem}-name-starts.marshal") if gazetteer is not None else None


def _valid(kept: object) -> tuple[frozenset[str], frozenset[str]] | None:
    """The tables a kept file holds, or None when it is missing, damaged or of another layout."""
    if not (isinstance(kept, list) and len(kept) == 3 and kept[0] == _FORMAT):
        return None
    tables = kept[1:]
    if not all(isinstance(table, list) and all(isinstance(pair, str) and len(pair) == 2 for pair in table)
               for table in tables):
        return None
    return frozenset(tables[0]), frozenset(tables[1])


def _build() -> tuple[frozenset[str], frozenset[str]]:
    """The first two characters of every key of the gazetteer's city indexes (own names and alternate names) and
    of its countries' names that holds a Han character, and of the countries' alone (see _starts)."""
    from catalog.places import get_gazetteer

    gazetteer = get_gazetteer()
    countries = _starts(gazetteer._country_by_name)
    # The keys read a run at a time as they are gone through (the packed indexes read from the kept files), not
    # listed first: the 380,000 keys as strings in one list took the reader that builds this 22 MB at its peak.
    return frozenset(_starts(chain(gazetteer.alternate_index(), gazetteer._index.primary))) | countries, countries


def _starts(keys) -> frozenset[str]:
    """The first two characters of the keys that hold a Han character, in three forms: as kept, simplified as a
    caption is (the readers' ``simplified``, character for character), and each of the two simplified alone (a
    look-up that finds a traditional key, 麗江, was asked the simplified name, 丽江, whose conversion found it). A
    key of one character is found under a name with a designator after it (X市, X省: the gazetteer's keys strip
    CJK_SUFFIXES), so it begins two characters with each designator's first."""
    from catalog.han_text import simplified

    pairs: set[str] = set()
    designators = {suffix[0] for suffix in CJK_SUFFIXES}
    for key in keys:
        if not key or not any(_han(character) for character in key[:2]):
            continue
        for form in (key, simplified(key), simplified(key[0]) + simplified(key[1:2])):
            if len(form) >= 2:
                pairs.add(form[:2])
            elif form:
                pairs.update(form + designator for designator in designators)
    return frozenset(pairs)


def _han(character: str) -> bool:
    """Whether a character is a Han character (the blocks the readers' names are written in)."""
    return "\u3400" <= character <= "\u4dbf" or "\u4e00" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"
