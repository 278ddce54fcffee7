"""Counties of the United Kingdom and Ireland written after a town: the caption's province.

British and Irish captions place a town by its county ("Wigan, Greater Manchester", "Kinsale, Co. Cork"); the
gazetteer's first-level subdivisions are the nations, and many county names are a city's abroad (Kent, Ohio;
Surrey, British Columbia), so such a county read as the city and the town as its district. The names are data,
in ``catalog/rules/counties.toml``; "County X" and "Co. X" are read by their word.

>>> is_county("Greater Manchester"), is_county("County Wexford"), is_county("Co. Cork"), is_county("Countyside")
(True, True, True, False)
"""

from __future__ import annotations

from catalog.cachedir import shipped_toml
from catalog.patterns import compiled


def _load() -> dict:
    return shipped_toml("counties.toml")


_DATA = _load()
#: Where a county is a first-level unit, by ISO 3166-1 code ("Turkana County, Kenya" is Kenya's province).
FIRST_LEVEL_COUNTY_COUNTRIES = frozenset(_DATA.pop("first_level_county_countries"))
#: Counties named as a British town is ("Conwy"): before the nation, the town.
TOWN_NAMED_COUNTIES = frozenset(name.casefold() for name in _DATA.pop("town_named_counties"))
#: The county names of ``counties.toml``, folded.
COUNTIES = frozenset(name.casefold() for names in _DATA.values() for name in names)
_COUNTY_WORD = compiled(r"(?:County|Co\.?)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?")


def first_level_county(name: str, code: str | None) -> bool:
    """Whether "X County" is a first-level unit of a country whose counties are ("Turkana County": Kenya's
    KE-43), given the gazetteer's subdivision code of the name; not a US or Chinese county."""
    return code is not None and name.casefold().endswith(" county") and code.partition("-")[0] in (
        FIRST_LEVEL_COUNTY_COUNTRIES)


def is_county(name: str) -> bool:
    """Whether a name is one of the listed counties, or written "County X" / "Co. X"."""
    return name.casefold() in COUNTIES or _COUNTY_WORD.fullmatch(name) is not None
