"""The base of every search term (catalog.query's terms and catalog.query_desk's): its text, whether it is
negated, and the SQL condition its subclass builds. Apart from catalog.query so that the desk's terms, which
catalog.query hands their field to, need not import it back.

Imports no SQLAlchemy: a term imports it when asked for its clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import ColumnElement


@dataclass(eq=False, repr=False)
class Term:
    """One parsed term: its SQL condition, and whether it was negated. Subclasses build the clause."""

    text: str
    negated: bool = False

    def clause(self) -> ColumnElement[bool]:
        raise NotImplementedError

    def where(self) -> ColumnElement[bool]:
        from sqlalchemy import not_

        condition = self.clause()
        return not_(condition) if self.negated else condition

    def row_condition(self) -> ColumnElement[bool]:
        """The condition on the photo's own row (and its own place names), for PostgreSQL.

        PostgreSQL's planner weighs each index by its statistics and picks the order itself; the ids-from-an-
        index forms `where` writes for SQLite only tie its hands (`in:China taken:2018..2024 by:zhang train`
        at 100,000 photos: 170 ms as id lists, 20 ms as row conditions).
        """
        return Term.where(self)

    def probe(self) -> ColumnElement[bool]:
        """The same condition, written to be checked photo by photo once another term has found the candidates.

        SQLite plans without statistics; given a choice it may drive a query from an index that is the slow
        way round (every photo named Gansu, for each photo). A probe keeps to the photo's own row and the
        place_name rows of that photo: `x || ''` is `x`, but no index answers it.
        """
        return self.where()
