"""Searching: the query language's terms turned into SQL that reads indexes, on SQLite and PostgreSQL.

catalog.query parses the terms into small query objects, each of which writes its own condition; this module
plans the statement around them (which index drives the query, how a page is sorted, how full-text words are
matched and ranked on each database) and runs it. All the SQL a search runs is here or in catalog.query.

>>> [p.path for p in search(lib, ["in:Gansu"]).photos]        # doctest: +SKIP
['/photos/gansu-bullet-train.jpg']
>>> count(lib, ["taken:2025-10"])                            # doctest: +SKIP
1
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, TypeGuard

from sqlalchemy import (
    ColumnElement,
    Integer,
    Label,
    Text,
    and_,
    cast,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from catalog.chunks import chunks
from catalog.errors import UsageError
from catalog.models import Photo
from catalog.query import PlaceTerm, Query, SimilarTerm, TokenTerm, VariantsTerm, parse
from catalog.results import Hit, SearchResult

if TYPE_CHECKING:
    from catalog.library import Library

SORTS = ("relevance", "date", "path", "distance")

#: Photos looked at in date order, per photo of the page, before a search by date collects all its matches
#: instead (SQLite): 4 finds a page of 100 among the first 400 photos for terms that match one photo in four.
DATE_WINDOW = 4

#: Photos read in path order, per photo of the page, for the photos that have a ranked word once, before the
#: search ranks every match instead (PostgreSQL, search._ranked_in_tiers): 50 finds a page of 100 for a word in
#: one photo in fifty or more (`train`, one in thirteen, takes 1,341 for 100).
WALK_ROWS = 50

#: The share of photos having a ranked word twice or more from which a page ranks every match instead of going
#: by tiers (PostgreSQL, search._repeated_share): the repeats' tier alone then costs what ranking every match does.
REPEATED_SHARE = 0.05


def search(library: Library, args: list[str], *, sort: str | None = None, limit: int | None = None,
           offset: int = 0, reverse: bool = False, total: bool = False) -> SearchResult:
    """The photos matching the query terms, in a stable order (see catalog.query for the language): the page
    of `limit` photos after the first `offset`, in `sort` order (newest, last or farthest first if `reverse`).
    Each photo carries its `variant_info` (see catalog.variant_copies.annotate). With `total`, a search that
    reads every match anyway (ranked by relevance) counts them in the same scan: `SearchResult.total`."""
    result = Planner(library).search(args, sort=sort, limit=limit, offset=offset, reverse=reverse, total=total)
    library.annotate_variants(result.photos)
    return result


def ordered_ids(library: Library, args: list[str]) -> list[int]:
    """The ids of every photo the terms select, in the order `search(args)` gives them, without loading a row:
    for lists of thousands (`credits in:Gansu`) that read a few columns of each photo themselves."""
    return Planner(library).ordered_ids(args)


def count(library: Library, args: list[str]) -> int:
    """How many photos the terms select: the total that a page of `search(args, limit=N)` is part of."""
    return Planner(library).count(args)


def matching_ids(library: Library, args: list[str]):
    """The ids of the photos the terms select: a SELECT to use in `Photo.id.in_(...)` (a list for near:)."""
    return Planner(library).matching_ids(args)


def count_by(library: Library, args: list[str], columns: list) -> list[tuple]:
    """(value, ..., number of photos) per distinct combination of `columns`, for the photos the terms select."""
    return Planner(library).count_by(args, columns)


class Planner:
    """Plans and runs the searches of one catalogue; the dialect decides how indexes are used."""

    def __init__(self, library: Library):
        self.library = library
        self.dialect = library.dialect

    def search(self, args: list[str], *, sort: str | None = None, limit: int | None = None, offset: int = 0,
               reverse: bool = False, total: bool = False) -> SearchResult:
        """The photos matching the query terms, in a stable order (see catalog.query for the language).

        In two steps: the ids of the page, in order, read from indexes; then the rows of those photos only.
        Sorting whole rows (a kilobyte or more each) for thousands of matches is what makes a search slow.
        """
        if sort is not None and sort not in SORTS:
            raise UsageError(f"--sort takes one of {', '.join(SORTS)}")
        return self._search(self._parse(args), sort=sort, limit=limit, offset=offset, reverse=reverse, total=total)

    def ordered_ids(self, args: list[str]) -> list[int]:
        """The ids of all the photos `search(args)` finds, in its order, read from indexes (near: and similar:,
        which measure each photo in Python, load the rows as `search` does)."""
        query = self._parse(args)
        if query.near is not None or _similar_ranking(query) is not None:
            return [photo.id for photo in self._search(query).photos]
        with self.library.session() as session:
            return [pid for pid, _ in self._page(session, query, "relevance" if query.has_words else "date", None)]

    def _search(self, query: Query, *, sort: str | None = None, limit: int | None = None, offset: int = 0,
                reverse: bool = False, total: bool = False) -> SearchResult:
        if sort == "distance" and query.near is None and _similar_ranking(query) is None:
            raise UsageError("--sort distance needs a near: or similar: term")
        similar = _similar_ranking(query)
        if similar is not None and sort in (None, "distance"):  # closest first
            return self._search_similar(query, similar, limit, offset, reverse)
        sort = sort or ("relevance" if query.has_words else "distance" if query.near else "date")
        if query.near is not None:
            return self._search_near(query, sort, limit, offset, reverse)
        if sort == "relevance" and not query.has_words:
            sort = "date"
        result: SearchResult[Photo] = SearchResult(query)
        wanted = None if limit is None else offset + limit  # the ids up to the page's end, read from indexes
        with self.library.session() as session:
            if sort == "relevance" and total:
                ranked, result.total = self._ranked(session, query, wanted, reverse, total=True)
                page = ranked[offset:]
            else:
                page = self._page(session, query, sort, wanted, reverse)[offset:]
            photos: dict[int, Photo] = {}
            ids = [pid for pid, _ in page]
            for chunk in chunks(ids, 5000):
                photos.update((photo.id, photo) for photo in session.scalars(select(Photo).where(Photo.id.in_(chunk))))
            result.hits = [Hit(photos[pid], score=score) for pid, score in page if pid in photos]
        return result

    def _page(self, session: Session, query: Query, sort: str, limit: int | None,
              reverse: bool = False) -> list[tuple[int, float | None]]:
        """(id, full-text score) of the first `limit` photos, in order, from indexes and narrow columns only."""
        order = _descending if reverse else _ascending
        if sort == "relevance":
            return self._ranked(session, query, limit, reverse)[0]
        conditions = self._term_conditions(query)
        conditions += [self._full_text(words)[0] for words in query.words]
        if sort == "path":
            statement = select(Photo.id).where(*conditions).order_by(*order(Photo.path)).limit(limit)
            return [(pid, None) for pid in session.scalars(statement)]
        # By date: dated photos by (first day, taken, path), then undated ones by (taken, path). That is
        # ORDER BY taken_start IS NULL, taken_start, taken, path, with each half read in the order of the
        # index on (taken_start, taken, path), so a page of a large result needs no sort of all its rows.
        if self.dialect == "sqlite" and limit is not None and conditions:
            early = self._page_from_window(session, query, limit, reverse)
            if early is not None:
                return [(pid, None) for pid in early]
        dated = (
            select(Photo.id)
            .where(*conditions, Photo.taken_start.is_not(None))
            .order_by(*order(Photo.taken_start, Photo.taken, Photo.path))
            .limit(limit)
        )
        ids = list(session.scalars(dated))
        if limit is None or len(ids) < limit:
            undated = (
                select(Photo.id)
                .where(*conditions, Photo.taken_start.is_(None))
                .order_by(*order(Photo.taken, Photo.path))
                .limit(None if limit is None else limit - len(ids))
            )
            ids.extend(session.scalars(undated))
        return [(pid, None) for pid in ids]

    def _ranked(self, session: Session, query: Query, limit: int | None, reverse: bool = False, *,
                total: bool = False) -> tuple[list[tuple[int, float | None]], int | None]:
        """(id, full-text score) of the first `limit` photos by relevance, and, with `total`, how many photos
        match in all (else None).

        Ranking reads every match (each is scored before the first `limit` are known), so that scan can count
        them too: `count(*) OVER ()` gives the total beside each row, and a page with its "N of M" footer reads
        the matches once, not twice (`train` at 1,000,000 photos on PostgreSQL: 74,320 rows on 35,000 pages).
        Only when asked: the count needs every row in one place, so PostgreSQL no longer sorts the page in
        parallel workers, and a page alone is slower with it.
        """
        order = _descending if reverse else _ascending
        ranking = next(words for words in query.words if not words.negated)
        others = [self._full_text(words)[0] for words in query.words if words is not ranking]
        if total and self.dialect == "postgresql" and not query.terms and not others and limit != 0:
            # One word alone: its total is kept per lexeme (alembic 0016), so the page is read as a page alone
            # (in tiers, or ranked in parallel workers) and the matches are not all visited to count them.
            counted = _lexeme_count(session, ranking)
            if counted is not None:
                return self._ranked(session, query, limit, reverse)[0], counted
        if self.dialect == "sqlite":
            # FTS5 finds and scores the matches; the other terms are checked for those photos alone.
            matches = _fts_matches(ranking, scored=True)
            statement = (
                select(matches.c.id, matches.c.score)
                .join(Photo, Photo.id == matches.c.id)
                .where(*[term.probe() for term in query.terms], *others)
                .order_by(*order(matches.c.score, Photo.path))
            )
        else:
            # One word alone, for a page: in tiers, without ranking every match. Not with the total, which reads
            # every match anyway: ranking them in that scan costs about what counting them alone does.
            if (not total and not query.terms and not others and limit is not None and _one_lexeme(session, ranking)
                    and _repeated_share(session, ranking) < REPEATED_SHARE):
                tiered = _ranked_in_tiers(session, ranking, limit, reverse)
                if tiered is not None:
                    return tiered, None
            # The narrow table finds and scores the matches and holds the path that breaks ties (alembic
            # 0013): the photo's wide row is read only for the other terms' conditions.
            vector, tsquery = _PG_FTS.c.vector, _tsquery(ranking)
            score = -func.ts_rank(vector, tsquery)
            statement = (
                select(_PG_FTS.c.photo_id, score.label("score"))
                .where(vector.op("@@")(tsquery))
                .order_by(*order(score, _PG_FTS.c.path))
            )
            if query.terms or others:
                statement = statement.join(Photo, Photo.id == _PG_FTS.c.photo_id).where(
                    *self._term_conditions(query), *others, *_credits_held(query))
            if total:
                # The scores are made in the scan: OFFSET 0 keeps PostgreSQL from folding the subquery into
                # the outer statement, where the count carried every match's vector (and spilled it to disk).
                scored = statement.order_by(None).add_columns(_PG_FTS.c.path.label("tie")).offset(0).subquery()
                statement = select(scored.c.photo_id, scored.c.score).order_by(*order(scored.c.score, scored.c.tie))
        if not total:
            return [(pid, score) for pid, score in session.execute(statement.limit(limit))], None
        rows = session.execute(statement.add_columns(func.count().over()).limit(limit)).all()
        count = rows[0][2] if rows else (0 if limit != 0 else None)
        return [(pid, score) for pid, score, _ in rows], count

    def _page_from_window(self, session: Session, query: Query, limit: int, reverse: bool = False) -> list[int] | None:
        """SQLite, by date: the page from the DATE_WINDOW x `limit` earliest (latest if `reverse`) photos, when
        `limit` of them match.

        A broad search (in:China, two photos in three) finds its page among the first few hundred photos by
        date, checking each one on its own row (Term.probe); collecting its 69,000 matches and sorting them
        takes 50 ms at 100,000 photos. A narrower search finds too few there (returns None) and is answered
        the other way, 2-3 ms later. Matches found in the window are the earliest of all: the page is exact.
        """
        order = _descending if reverse else _ascending
        window = (
            select(Photo.id, Photo.taken_start, Photo.taken, Photo.path)
            .where(Photo.taken_start.is_not(None))
            .order_by(*order(Photo.taken_start, Photo.taken, Photo.path))
            .limit(DATE_WINDOW * limit)
            .subquery()
        )
        statement = (
            select(window.c.id)
            .join(Photo, Photo.id == window.c.id)
            .where(*[term.probe() for term in query.terms], *[self._full_text(w)[0] for w in query.words])
            .order_by(*order(window.c.taken_start, window.c.taken, window.c.path))
            .limit(limit)
        )
        ids = list(session.scalars(statement))
        return ids if len(ids) == limit else None

    def _search_near(self, query: Query, sort: str, limit: int | None, offset: int = 0,
                     reverse: bool = False) -> SearchResult:
        """near: searches: a box of lat/lon in SQL, then the exact distance of each photo in it."""
        near = query.near
        assert near is not None, "a near: search"
        conditions, score = self._conditions(query)
        statement = select(Photo).where(and_(*conditions))
        order = _descending if reverse else _ascending
        if sort == "relevance" and score is not None:
            statement = statement.add_columns(score).order_by(*order(score, Photo.path))
        elif sort == "path":
            statement = statement.order_by(*order(Photo.path))
        else:  # undated photos last either way
            statement = statement.order_by(
                Photo.taken_start.is_(None), *order(Photo.taken_start, Photo.taken, Photo.path)
            )
        result: SearchResult[Photo] = SearchResult(query)
        from catalog.places import distance_km  # here: only near: needs the gazetteer's module

        with self.library.session() as session:
            for row in session.execute(statement).all():
                values: tuple[Any, ...] = tuple(row)
                hit = Hit(values[0], score=values[1] if len(values) > 1 else None)
                if hit.photo.lat is None or hit.photo.lon is None:
                    continue
                hit.distance_km = distance_km(near.lat, near.lon, hit.photo.lat, hit.photo.lon)
                if hit.distance_km > near.km:
                    continue
                hit.approximate = bool(hit.photo.location_approx)
                result.hits.append(hit)
        if sort == "distance":
            result.hits.sort(key=lambda h: (h.distance_km, h.photo.path), reverse=reverse)
        result.hits = result.hits[offset:None if limit is None else offset + limit]
        return result

    def _search_similar(self, query: Query, ranked: list[tuple[int, float]], limit: int | None, offset: int = 0,
                        reverse: bool = False) -> SearchResult:
        """similar: searches, closest first: the ranked ids that the other terms also select."""
        conditions, _ = self._conditions(query)
        result: SearchResult[Photo] = SearchResult(query)
        with self.library.session() as session:
            photos: dict[int, Photo] = {}
            ids = [pid for pid, _ in ranked]
            for chunk in chunks(ids, 5000):
                statement = select(Photo).where(Photo.id.in_(chunk), *conditions)
                photos.update((photo.id, photo) for photo in session.scalars(statement))
        order = list(reversed(ranked)) if reverse else ranked
        hits = [Hit(photos[pid], score=distance) for pid, distance in order if pid in photos]
        result.hits = hits[offset:None if limit is None else offset + limit]
        return result

    def count(self, args: list[str]) -> int:
        """How many photos the terms select: the total that a page of `search(args, limit=N)` is part of."""
        query = self._parse(args)
        if query.near is not None:
            return len(self.search(args).hits)  # the exact distance is measured in Python
        if query.has_words:
            # The full-text index's matches, counted there; joined to the photo only for the other terms.
            ranking = next(words for words in query.words if not words.negated)
            others = [self._full_text(words)[0] for words in query.words if words is not ranking]
            if self.dialect == "postgresql" and not query.terms and not others:
                with self.library.session() as session:
                    counted = _lexeme_count(session, ranking)
                if counted is not None:
                    return counted
            if self.dialect == "sqlite":
                matches = _fts_matches(ranking, scored=False)
                terms = [term.probe() for term in query.terms]
            else:
                matches = (select(_PG_FTS.c.photo_id.label("id"))
                           .where(_PG_FTS.c.vector.op("@@")(_tsquery(ranking)), *_credits_held(query)).subquery())
                terms = self._term_conditions(query)
            statement = select(func.count()).select_from(matches)
            if query.terms or others:
                statement = statement.join(Photo, Photo.id == matches.c.id).where(*terms, *others)
        elif len(query.terms) == 1 and not query.words and _positive_place(query.terms[0]):
            # One place term: its distinct photo ids, counted in the place index without visiting a photo row
            # (in:China at 100,000 photos: 34 -> 14 ms). Every place name belongs to a photo (foreign key).
            ids = query.terms[0].photo_ids(keyed_apart=self.dialect == "postgresql").subquery()
            statement = select(func.count()).select_from(select(ids.c.photo_id).distinct().subquery())
        else:
            conditions, _ = self._conditions(query)
            statement = select(func.count()).select_from(Photo)
            if conditions:
                statement = statement.where(and_(*conditions))
        with self.library.session() as session:
            return session.scalar(statement) or 0

    def matching_ids(self, args: list[str]):
        """The ids of the photos the terms select: a SELECT to use in `Photo.id.in_(...)` (a list for near:)."""
        return self._matching_ids(self._parse(args))

    def _matching_ids(self, query: Query):
        if query.near is not None:
            return [photo.id for photo in self._search(query).photos]
        conditions, _ = self._conditions(query)
        return select(Photo.id).where(and_(*conditions)) if conditions else select(Photo.id)

    def count_by(self, args: list[str], columns: list) -> list[tuple]:
        """(value, ..., number of photos) per distinct combination of `columns` (names, or expressions on a
        photo's columns), for the photos the terms select: the database counts, so a summary of 100,000 photos
        moves a few hundred rows, not 100,000."""
        selected = [getattr(Photo, name) if isinstance(name, str) else name for name in columns]
        # count(*), not count(photo.id): PostgreSQL's indexes do not hold the id, so count(id) kept it from
        # counting timeline's spans in the index alone (index-only scan: 680 -> 160 ms at 100,000 photos).
        statement = select(*selected, func.count()).group_by(*selected)
        if args:
            query = self._parse(args)
            if self.dialect == "postgresql" and len(query.terms) == 1 and not query.words and query.near is None:
                # One term: the ids it reads from its index. Asked as `photo.id IN (SELECT photo.id FROM photo
                # WHERE <the photo's row condition>)`, PostgreSQL merged the whole table by its primary key
                # (`timeline in:Gansu` at 1,000,000 photos, load 2-3: 3.5 s, now 1.1-1.8 s). Several terms keep
                # the row conditions, among which the planner picks the index to drive by: as id lists the
                # four-term combination took 8-22 s instead of 0.7-1.4 s.
                term = query.terms[0]
                statement = statement.where(
                    Photo.id.in_(term.photo_ids(keyed_apart=True)) if _positive_place(term) else term.where())
            else:
                statement = statement.where(Photo.id.in_(self._matching_ids(query)))
        with self.library.session() as session:
            return [tuple(row) for row in session.execute(statement)]

    def _parse(self, args: list[str]) -> Query:
        """The parsed query; a place is looked up as an entity (catalog.entities.search_keys: remembered
        between processes, so the gazetteer is loaded only for a name not searched for before)."""
        from catalog import place_memo
        from catalog.entities import search_keys

        near = re.search(r"(^|[\s-])near:", " ".join(args))
        query = parse(args, gazetteer=self.library.gazetteer if near else None, place_keys=search_keys,
                      at=getattr(self.library, "as_of", None))
        place_memo.save()
        if any(isinstance(term, (SimilarTerm, VariantsTerm)) for term in query.terms):
            self._resolve_variants(query)
        return query

    def _resolve_variants(self, query: Query) -> None:
        """similar: and variants: need every photo fingerprinted and placed: do what is left (stored, once),
        then find each similar: photo's look-alikes."""
        from catalog import variants

        variants.bring_up_to_date(self.library)
        limits = variants.variant_rules(self.library.rules).limits
        for term in query.terms:
            if isinstance(term, SimilarTerm):
                photo = self.library.get(term.ref)
                term.ranked = [(alike.photo_id, alike.distance)
                               for alike in variants.look_up(self.library, photo.id, limits=limits)]

    def _conditions(self, query: Query) -> tuple[list, ColumnElement[Any] | None]:
        """The WHERE conditions of a parsed query, and the full-text score to rank by (None without words)."""
        conditions = self._term_conditions(query)
        score: ColumnElement[Any] | None = None
        for words in query.words:
            clause, word_score = self._full_text(words)
            conditions.append(clause)
            if word_score is not None and score is None:
                score = word_score
        if query.near is not None:
            conditions.append(_box(query.near))
        return conditions, score

    def _term_conditions(self, query: Query) -> list:
        """The terms' conditions: ids read from an index on SQLite, which plans without statistics; each photo's
        own row on PostgreSQL, whose planner weighs the indexes itself (see Term.row_condition)."""
        if self.dialect == "postgresql":
            if len(query.terms) == 1 and not query.words and query.near is None and _positive_place(query.terms[0]):
                # One place term: the ids its index reads give (PlaceTerm.photo_ids), so that the photos named
                # but not placed are found without probing every named photo. With other terms each stays a
                # condition on the photo's row, and the planner drives the query from the most selective index.
                return [query.terms[0].id_condition()]
            return [term.row_condition() for term in query.terms]
        return [term.where() for term in query.terms]

    def _full_text(self, words) -> tuple[ColumnElement[bool], ColumnElement[Any] | None]:
        """The full-text clause for one group of words, and a score to rank by (lower is better)."""
        clause: ColumnElement[bool]
        score: ColumnElement[Any] | None = None
        if self.dialect == "sqlite":
            key, expression = _fts_expression(words)
            matched = text(f"SELECT rowid FROM photo_fts WHERE photo_fts MATCH :{key}").bindparams(**{key: expression})
            clause = Photo.id.in_(matched.columns(column("rowid", Integer)))
            if not words.negated:
                # Correlated: one full-text look-up per photo. Only near: searches use it (a few photos in a
                # box); the others join the scored matches once (_fts_matches).
                score = (
                    select(text("bm25(photo_fts)"))
                    .select_from(text("photo_fts"))
                    .where(
                        text(f"photo_fts MATCH :{key}s AND photo_fts.rowid = photo.id").bindparams(
                            **{key + "s": expression}
                        )
                    )
                    .scalar_subquery()
                )
        else:
            # photo_fts holds search_text as PostgreSQL's full text reads it, one narrow row per photo kept by
            # triggers (alembic 0013): GIN-indexed for @@, and ranking reads it, not the photo's wide row.
            tsquery = _tsquery(words)
            found = and_(_PG_FTS.c.photo_id == Photo.id, _PG_FTS.c.vector.op("@@")(tsquery))
            # correlated with the photo alone, also inside a statement that reads photo_fts itself (ranking)
            clause = exists().where(found).correlate_except(_PG_FTS)
            if not words.negated:  # correlated: near: ranks the few photos in its box with it
                score = (select(-func.ts_rank(_PG_FTS.c.vector, tsquery)).where(found)
                         .correlate_except(_PG_FTS).scalar_subquery())
        return (~clause if words.negated else clause), score


#: PostgreSQL's full-text table (alembic 0013): the photo's search_text as a tsvector, GIN-indexed.
_PG_FTS = table("photo_fts", column("photo_id", Integer), column("path", Text), column("vector"), column("tokens"))


def _credits_held(query: Query) -> list:
    """PostgreSQL: for a query with words, the credits its `by:` and `credit:` terms ask for as conditions on
    photo_fts.tokens (alembic 0017), so that the GIN indexes of the words and of the tokens are ANDed before a
    row is read: `in:China taken:2018..2024 by:zhang train` at 1,000,000 photos reads the 2,304 rows that have
    both, not `train`'s 74,320 on 35,404 pages. The terms' own conditions stay and decide."""
    return [term.held_in(_PG_FTS.c.tokens) for term in query.terms if isinstance(term, TokenTerm) and not term.negated]


def _tsquery(words) -> ColumnElement[Any]:
    """PostgreSQL: the tsquery of one group of words (a phrase when quoted)."""
    joiner = " <-> " if words.phrase and words.text.count('"') else " & "
    return func.to_tsquery(literal_column("'simple'::regconfig"), joiner.join(words.words))


def _one_lexeme(session: Session, words) -> bool:
    """PostgreSQL: whether one group of words is a single lexeme to the full-text parser (`train`, not `high_speed`,
    which it reads as a phrase of two), so that its rank depends on how often that lexeme occurs alone."""
    return len(words.words) == 1 and session.scalar(select(func.numnode(_tsquery(words)))) == 1


def _lexeme_count(session: Session, words) -> int | None:
    """PostgreSQL: how many photos match one group of words that the full-text parser reads as a single lexeme,
    from the count kept per lexeme (photo_fts_lexeme, alembic 0016: every match holds the lexeme, and only
    matches do); None for other groups (`high_speed`, a phrase of two to PostgreSQL), which are counted in the
    index and the table. `train` at 1,000,000 photos: one row, against 74,320 matches on 35,400 pages."""
    if len(words.words) != 1:
        return None
    statement = text(
        "SELECT numnode(q), (SELECT photos FROM photo_fts_lexeme WHERE lexeme ="
        " (tsvector_to_array(q::text::tsvector))[1]) FROM to_tsquery('simple'::regconfig, :word) AS q")
    nodes, photos = session.execute(statement, {"word": words.words[0]}).one()
    return None if nodes != 1 else photos or 0


def _repeated_share(session: Session, words) -> float:
    """PostgreSQL: the share of photos that have one lexeme twice or more, as ANALYZE last counted it for
    ix_photo_fts_repeats (its most common elements; 0 for a lexeme not among them). `china`, in the caption and
    the country field of 73% of the archive's photos: its tier of repeats is read from that index photo by photo,
    twice as long as ranking every match in one sequential scan (1,150 against 574 ms p50 at load 13)."""
    statement = text(
        "SELECT e.freq FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[],"
        " s.most_common_elem_freqs) AS e(lexeme, freq) WHERE s.schemaname = current_schema()"
        " AND s.tablename = 'ix_photo_fts_repeats'"
        " AND e.lexeme = (tsvector_to_array(to_tsquery('simple'::regconfig, :word)::text::tsvector))[1]")
    return session.scalar(statement, {"word": words.words[0]}) or 0.0


def _ranked_in_tiers(session: Session, words, limit: int, reverse: bool) -> list[tuple[int, float | None]] | None:
    """PostgreSQL: the first `limit` photos ranked by one lexeme, the page that ranking every match gives, read
    without ranking every match (alembic 0015); None when the page is not found that way within WALK_ROWS x
    `limit` photos in path order (a rare word), for the caller to rank every match instead.

    ts_rank of a one-lexeme query depends only on how many times the lexeme occurs in the photo's vector (every
    position has the default weight and the rank is not normalised by length), and more occurrences rank
    higher: a photo that has the word once has the lowest score a match can have, shared by all of them, and
    ties go by path. So the page is the photos that have it twice or more (ix_photo_fts_repeats finds them;
    each is ranked exactly), then those that have it once in path order (ix_photo_fts_path, each checked as
    the walk goes, the walk stopping when the page is full), and the other way round when `reverse`. `train`
    at 1,000,000 photos ranked 74,320 matches on 35,000 pages of photo_fts to show 100: this reads none
    twice and 1,341 in path order. `china`, twice in every caption that has it, ranks its repeats as before.
    """
    order = _descending if reverse else _ascending
    vector, path, tsquery = _PG_FTS.c.vector, _PG_FTS.c.path, _tsquery(words)
    score = -func.ts_rank(vector, tsquery)
    # the score of a single occurrence, as ts_rank gives it: the lexeme as a vector of its own (`'train'` read as
    # a tsvector; tsvector(text) is PostgreSQL's cast written as a call). Every other match scores less.
    once = -func.ts_rank(func.tsvector(cast(tsquery, Text)), tsquery)
    page: list[tuple[int, float | None]] = []
    for tier in (("once", "repeated") if reverse else ("repeated", "once")):
        wanted = limit - len(page)
        if wanted <= 0:
            break
        if tier == "repeated":  # every one of them (the index finds them all), ranked exactly
            statement = (select(_PG_FTS.c.photo_id, score)
                         .where(func.photo_fts_repeats(vector).op("@@")(tsquery))
                         .order_by(*order(score, path)).limit(wanted))
            page.extend((pid, value) for pid, value in session.execute(statement))
            continue
        # the photos that have it once, in path order, among the first WALK_ROWS x limit photos: PostgreSQL
        # pulls the walk's rows one by one and stops when the page is full
        walk = select(_PG_FTS.c.photo_id, path, vector).order_by(*order(path)).limit(WALK_ROWS * limit).subquery()
        walked = -func.ts_rank(walk.c.vector, tsquery)
        statement = (select(walk.c.photo_id, walked)
                     .where(walk.c.vector.op("@@")(tsquery), walked == once)
                     .order_by(*order(walk.c.path)).limit(wanted))
        found = [(pid, value) for pid, value in session.execute(statement)]
        if len(found) < wanted:
            return None  # a rare word, or all of the page's photos lie beyond the walk
        page.extend(found)
    return page


def _similar_ranking(query: Query) -> list[tuple[int, float]] | None:
    """The ranking of the first positive similar: term, or None."""
    return next((term.ranked or [] for term in query.terms if isinstance(term, SimilarTerm) and not term.negated),
                None)


def _ascending(*columns):
    return columns


def _descending(*columns):
    return tuple(column.desc() for column in columns)


def _positive_place(term) -> TypeGuard[PlaceTerm]:
    return isinstance(term, PlaceTerm) and not term.negated


def _fts_expression(words) -> tuple[str, str]:
    """A bind parameter name and the FTS5 MATCH expression for one group of words (a phrase when quoted)."""
    if words.phrase and words.text.count('"'):
        expression = '"' + " ".join(words.words) + '"'
    else:
        expression = " ".join(f'"{w}"' for w in words.words)
    return f"fts{abs(hash(words.text)) % 10**8}", expression


def _fts_matches(words, *, scored: bool):
    """SQLite: the photos matching one group of words as a subquery (id, and its bm25 score when `scored`)."""
    key, expression = _fts_expression(words)
    columns: list[Label[Any]] = [literal_column("photo_fts.rowid").label("id")]
    if scored:
        columns.append(literal_column("bm25(photo_fts)").label("score"))
    return (
        select(*columns)
        .select_from(text("photo_fts"))
        .where(text(f"photo_fts MATCH :{key}").bindparams(**{key: expression}))
        .subquery()
    )


def _box(near) -> object:
    degrees_lat = near.km / 111.0
    degrees_lon = near.km / max(1e-6, 111.0 * math.cos(math.radians(near.lat)))
    return and_(
        Photo.lat.between(near.lat - degrees_lat, near.lat + degrees_lat),
        Photo.lon.between(near.lon - degrees_lon, near.lon + degrees_lon),
    )
