"""What the place gazetteer knows of a bare name, for the caption readers to weigh a place phrase with.

The readers never take a value from the gazetteer (a caption's place stays as written); they ask it which
level a name can be ("Shiga Prefecture" is Japan's JP-25, so a province; "Intramuros" is no city it knows,
so beside Manila it is a district) and how many people live in a city of that name. Answers are kept per
name, in this process and between processes (catalog.place_memo, as the gazetteer's other answers): the
gazetteer itself (about a second to load, see catalog.places) is loaded only for a name not asked before.
"""

from __future__ import annotations

from functools import lru_cache

from catalog.places import NameLevels, get_gazetteer


@lru_cache(maxsize=65536)
def name_levels(name: str) -> NameLevels:
    """The gazetteer's levels of a name ("Hiroshima": province JP-34 and a city of 1.2 million)."""
    from catalog import place_memo

    memo = place_memo.current()
    known = memo.get("levels", name)
    if known is not None:
        return NameLevels(*known)
    levels = get_gazetteer().name_levels(name)
    memo.remember("levels", name, list(levels))
    return levels
