"""Nationality adjectives and demonyms ("Chinese", "Argentine", "South Korean"), which name no place.

The caption contract takes a country only when the caption writes it, never from an adjective ("an Argentine
flag") or a people ("South Korean children dash through jets of water"): the English place reader gives such a
word no level. The words are data, in ``catalog/rules/demonyms.toml``.

>>> is_demonym("South Korean"), is_demonym("Argentine"), is_demonym("Argentina")
(True, True, False)
"""

from __future__ import annotations

from catalog.cachedir import shipped_toml


def _load() -> frozenset[str]:
    return frozenset(word.casefold() for word in shipped_toml("demonyms.toml")["words"])


#: The words of ``demonyms.toml``, folded.
DEMONYMS = _load()


def is_demonym(name: str) -> bool:
    """Whether a name is a nationality's adjective or its people's name, as written (case folded)."""
    return name.replace("’", "'").casefold() in DEMONYMS
