"""What a search gives back: its hits in order, with the parsed query. Shared by catalog.search (through the
ORM) and catalog.quick_search (through sqlite3), so that renderers see one shape; it imports no SQLAlchemy.

Plain classes rather than dataclasses: every search imports this module, and a dataclass's generated methods
are compiled at import (about 2 M instructions each).

>>> result = SearchResult(query=None, hits=[Hit(photo="a photo", score=0.5)])
>>> result.photos, result.size
(['a photo'], 1)
>>> rows = SearchResult.of_rows(None, ("id", "path"), [(7, "/a.jpg"), (9, "/b.jpg")], make=dict, plain={"path"})
>>> rows.column("path"), rows.size
(['/a.jpg', '/b.jpg'], 2)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, TypeVar

#: The photo a hit holds: a catalog.models.Photo, or the quick path's PhotoRecord.
P = TypeVar("P")


class Hit(Generic[P]):
    """One search result: the photo, and what the query learned about it (distance, rank)."""

    __slots__ = ("photo", "distance_km", "approximate", "score")

    def __init__(self, photo: P, distance_km: float | None = None, approximate: bool = False,
                 score: float | None = None):
        self.photo = photo
        self.distance_km = distance_km
        self.approximate = approximate
        self.score = score

    def __repr__(self) -> str:
        return (f"Hit(photo={self.photo!r}, distance_km={self.distance_km!r}, approximate={self.approximate!r}, "
                f"score={self.score!r})")


class SearchResult(Generic[P]):
    """The photos a query selected, in order, with the parsed query for renderers (snippets, notes).

    A result read as rows (`of_rows`: a table of every match, thousands of photos) keeps sqlite3's tuples and
    makes a hit of each only when `hits` is first read; `column` gives one column of them all without that."""

    __slots__ = ("query", "_hits", "total", "_rows", "_columns")

    def __init__(self, query: Any, hits: list[Hit[P]] | None = None, total: int | None = None):
        self.query = query
        self._hits: list[Hit[P]] | None = [] if hits is None else hits
        #: How many photos the query selects in all, when the search learned it from the scan that made the page
        #: (a ranked search reads every match to rank it); None: not known, ask search_count.
        self.total = total
        #: (column names, rows, how a row becomes a hit's photo, the columns whose stored value is the photo's)
        self._rows: tuple[Sequence[str], list[tuple], Callable[[tuple], Any], Collection[str]] | None = None
        #: The rows' columns, by name, once `column` has read one (one transposition of every row).
        self._columns: dict[str, tuple] | None = None

    @classmethod
    def of_rows(cls, query: Any, names: Sequence[str], rows: list[tuple], *, make: Callable[[tuple], Any],
                plain: Collection[str]) -> SearchResult:
        """A result of `rows` (tuples of the columns `names`): `make(row)` is a hit's photo, and the columns in
        `plain` are read as stored (the others, JSON or yes/no, only through the photo `make` gives)."""
        result: SearchResult = cls(query)
        result._hits = None
        result._rows = (names, rows, make, plain)
        return result

    @property
    def hits(self) -> list[Hit[P]]:
        if self._hits is None:
            assert self._rows is not None
            _, rows, make, _ = self._rows
            self._hits = [Hit(make(row)) for row in rows]
        return self._hits

    @hits.setter
    def hits(self, hits: list[Hit[P]]) -> None:
        self._hits = hits
        self._rows = self._columns = None

    @property
    def photos(self) -> list[P]:
        return [hit.photo for hit in self.hits]

    @property
    def size(self) -> int:
        """How many photos this result holds (the page's, not `total`)."""
        return len(self._rows[1]) if self._hits is None and self._rows is not None else len(self.hits)

    def column(self, name: str) -> list[Any]:
        """The photos' values of one column (attribute), in order: from the rows when the result was read as rows
        and the column is read as stored, else from each hit's photo."""
        if self._rows is not None:  # the rows the hits (if made yet) were made from
            names, rows, _, plain = self._rows
            if name in plain:
                if self._columns is None:
                    self._columns = dict(zip(names, zip(*rows, strict=True), strict=True)) if rows else {}
                return list(self._columns.get(name, ()))
        return [getattr(hit.photo, name) for hit in self.hits]
