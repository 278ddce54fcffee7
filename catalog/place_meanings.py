"""What a typed place name can mean, as search keys: the answer `catalog search in:NAME` needs, apart from the
place entities (catalog.place_entities) so that a search answered from the place memo imports none of their code.

    >>> keys = PlaceKeys("Georgia", (Meaning("country:GE", "country", "Georgia (country)"),
    ...                              Meaning("province:US-GA", "province", "Georgia, United States")), True)
    >>> sorted(keys.all), keys.ambiguous
    (['country:GE', 'province:US-GA'], True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Meaning(NamedTuple):
    """One entity a typed place name can mean: its search key, level and a label for a person."""

    key: str  # "country:US", "province:CN-AH", "city:1808722"
    level: str  # "country" | "province" | "city"
    label: str  # "Georgia (country)", "Georgia, United States", "Hefei, Anhui, China"


@dataclass(frozen=True)
class PlaceKeys:
    """What a typed place name can mean, as entity keys (see ``Gazetteer.search_keys``).

    ``ambiguous`` is True when it means places that are not inside one another: "Georgia" (the country and
    the US state), "Portland"; not "New York" (the city is in the state) nor "Beijing".
    """

    text: str
    meanings: tuple[Meaning, ...]
    ambiguous: bool = False

    @property
    def all(self) -> frozenset[str]:
        """Every key, at all levels: what ``in:`` matches."""
        return frozenset(m.key for m in self.meanings)

    def at(self, level: str) -> frozenset[str]:
        """The keys at one level ("city", "province", "country"): what ``city:``, ``province:``, ``country:``
        match."""
        return frozenset(m.key for m in self.meanings if m.level == level)

    def labels(self) -> list[str]:
        """The meanings for a person, most important first: for the search's ``match`` note."""
        return [m.label for m in self.meanings]
