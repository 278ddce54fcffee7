"""What a search gives back: its hits in order, with the parsed query. Shared by catalog.search (through the
ORM) and catalog.quick_search (through sqlite3), so that renderers see one shape; it imports no SQLAlchemy.

>>> result = SearchResult(query=None, hits=[Hit(photo="a photo", score=0.5)])
>>> result.photos
['a photo']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

#: The photo a hit holds: a catalog.models.Photo, or the quick path's PhotoRecord.
P = TypeVar("P")


@dataclass
class Hit(Generic[P]):
    """One search result: the photo, and what the query learned about it (distance, rank)."""

    photo: P
    distance_km: float | None = None
    approximate: bool = False
    score: float | None = None


@dataclass
class SearchResult(Generic[P]):
    """The photos a query selected, in order, with the parsed query for renderers (snippets, notes)."""

    query: Any
    hits: list[Hit[P]] = field(default_factory=list)
    #: How many photos the query selects in all, when the search learned it from the scan that made the page
    #: (a ranked search reads every match to rank it); None: not known, ask search_count.
    total: int | None = None

    @property
    def photos(self) -> list[P]:
        return [hit.photo for hit in self.hits]
