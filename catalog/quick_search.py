"""`search`, `show`, `places`, `timeline` and `credits` on a SQLite catalogue without SQLAlchemy: the quick read
path a command starts on.

Importing SQLAlchemy and the models costs half a second, ten times a search of 100,000 photos. This module
answers the common searches (places, `by:`, `credit:`, `keyword:`, `taken:`, `released:`, words, the yes/no
flags, their negations and alternatives; `--sort`, `--limit`, `--offset`, `--reverse`), `show`, and the
counts of `places` and `timeline` (`count_by`, off the indexes of alembic 0009 and 0010) with the standard
library's sqlite3, reading the catalogue read-only (a `mode=ro` URI) after one query has found it
at this version's schema. The terms are parsed by catalog.query, exactly as the full path parses them (place
names through the same memo of the gazetteer's answers), and each kind of term has its SQL in one row of
`TERM_SQL`: the statements are those catalog.search plans for SQLite, written out.

Whatever it does not know is answered by the full path unchanged, through the `Library` it is given: a
PostgreSQL catalogue, one that needs a migration or cannot be opened read-only, the desk's terms
(`restricted:`, `used:` ...), `near:`, `similar:`, `variants:`, `--sort distance`, a path found only through a
symbolic link, and the variant groups of photos that have copies (their best copy is the full path's to work
out: a page without copies costs one query). What it prints is what the full path prints, byte for byte: the
records it reads are handed to the same renderers (tests/test_quick_search.py runs both paths on the same
catalogue).

>>> reader = QuickLibrary.open("/tmp/news.db", rules=None, full=lambda: Library.open("/tmp/news.db"))  # doctest: +SKIP
>>> [hit.photo.path for hit in reader.search(["in:Gansu"], limit=10).hits]                          # doctest: +SKIP
['/photos/gansu-bullet-train.jpg']
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from catalog import schema_version, sqlite_columns
from catalog.chunks import chunks
from catalog.errors import NotFound, UsageError
from catalog.results import Hit, SearchResult

#: The fields whose terms the full path answers (catalog.query_desk, catalog.variants, the gazetteer).
FULL_PATH_FIELDS = frozenset({"restricted", "embargoed", "ai", "c2pa", "used", "killed", "near", "within",
                              "similar", "variants"})
#: Photo columns SQLAlchemy reads as booleans, JSON and datetimes (catalog.models): converted the same way here.
BOOLEAN_COLUMNS = sqlite_columns.BOOLEAN_COLUMNS["photo"]
JSON_COLUMNS = sqlite_columns.JSON_COLUMNS["photo"]
DATETIME_COLUMNS = sqlite_columns.DATETIME_COLUMNS["photo"]
#: The columns whose value as sqlite3 reads it is not the model's.
CONVERTED_COLUMNS = BOOLEAN_COLUMNS | JSON_COLUMNS | DATETIME_COLUMNS
#: Ids per `IN (...)` list (SQLite's default limit on variables is 32,766).
CHUNK = 5000
#: The windows tried, in turn, for a page by date: (photos looked at in date order per photo of the page, how each
#: is tested) before collecting and sorting every photo that matches. The first is catalog.search.DATE_WINDOW, each
#: photo probed by its own rows; the second, wider, serves terms that match one photo in 5 to 60 (a province, an
#: agency, a surname), whose photos are too many to sort for a page (in:Gansu: 6,884 rows read for 50) and too few
#: for the first window: each photo is looked up among the term's photo ids, read once from the term's index
#: (probing 3,200 photos one by one costs more than reading the 6,884 ids). Only for a single term: of several,
#: one may match most of the catalogue (in:China, 69,000 ids) and the page be better sorted from all.
DATE_WINDOWS = ((4, "probe"), (64, "ids"))
#: The terms whose probes read no column of the photo's row but those of the date index (ix_photo_taken_order):
#: their window is read from that index alone, not from 200 photos' rows.
INDEX_ONLY = {"PlaceTerm", "TokenTerm"}


class PhotoRecord:
    """One photo row, read with sqlite3, with the attributes (and value types) of a catalog.models.Photo.

    A JSON column is decoded when it is first read: a table of 6,884 photos reads one or two of the ten, and
    decoding all of them was a third of `search in:Gansu` printing every match."""

    id: int
    path: str
    variant_info: dict[str, Any] | None = None

    def __init__(self, names: list[str], values: tuple):
        columns = dict(zip(names, values, strict=True))
        #: JSON columns not decoded yet: name -> the stored text.
        self._json = {name: columns.pop(name) for name in JSON_COLUMNS.intersection(columns)}
        for name in BOOLEAN_COLUMNS.intersection(columns):
            if columns[name] is not None:
                columns[name] = bool(columns[name])
        for name in DATETIME_COLUMNS.intersection(columns):
            if isinstance(columns[name], str):
                columns[name] = datetime.fromisoformat(columns[name])
        self.__dict__.update(columns)

    def __getattr__(self, name: str):
        # Only for what the instance does not hold yet: a JSON column, decoded once and kept.
        pending = self.__dict__.get("_json")
        if pending is None or name not in pending:
            raise AttributeError(name)
        text = pending.pop(name)
        value = json.loads(text) if text is not None else None
        setattr(self, name, value)
        return value


def _boolean(value):
    return None if value is None else bool(value)


def _datetime(value):
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _json(value):
    return None if value is None else json.loads(value)


@cache
def row_type(columns: tuple[str, ...]) -> Any:
    """A named tuple of these photo columns as sqlite3 reads them, whose attributes have the value types of a
    catalog.models.Photo's (as PhotoRecord's): a JSON, yes/no or date-and-time column is converted each time it is
    read. For output that prints a few columns of thousands of photos (`search in:Gansu`, 6,884 rows): a row is
    made from sqlite3's tuple in one call, and a JSON column (`place`, read for a note on few rows) is decoded
    only where it is read.

    >>> row = row_type(("id", "keywords", "damaged"))._make((7, '["news"]', 0))
    >>> row.id, row.keywords, row.damaged
    (7, ['news'], False)
    """
    def converted(index: int, convert: Callable[[Any], Any]) -> property:
        return property(lambda row: convert(tuple.__getitem__(row, index)))

    conversions = {name: converted(index, convert) for index, name in enumerate(columns)
                   for kinds, convert in ((JSON_COLUMNS, _json), (BOOLEAN_COLUMNS, _boolean),
                                          (DATETIME_COLUMNS, _datetime)) if name in kinds}
    return type("PhotoRow", (namedtuple("PhotoRow", columns),), {"__slots__": (), **conversions})


@dataclass
class Use:
    """A story a photo is in (as catalog.stories.Use)."""

    story: str
    position: int
    added_at: datetime


# --- each kind of term as SQL ------------------------------------------------------------------------------------
# Two forms, as catalog.query writes them for SQLite: `where`, the ids read from an index (a term that drives the
# query), and `probe`, the same condition on one photo's own rows (`x || ''` is x, but no index answers it), for
# candidates another term found. Each gives (SQL, parameters); negation is added around either.

def _marks(values) -> str:
    return ", ".join("?" * len(values))


def _place_selects(term) -> list[tuple[str, list]]:
    selects: list[tuple[str, list]] = []
    if term.keys:
        selects.append((f"SELECT place_key.photo_id FROM place_key WHERE place_key.key IN ({_marks(term.keys)}) "
                        f"AND place_key.kind IN ({_marks(term.kinds)})", [*term.keys, *term.kinds]))
    for names, levels, unplaced in term._name_groups():
        more, extra = _name_limits(levels, unplaced)
        selects.append((f"SELECT place_name.photo_id FROM place_name WHERE place_name.name IN ({_marks(names)}) "
                        f"AND place_name.kind IN ({_marks(term.kinds)}){more}", [*names, *term.kinds, *extra]))
    return selects


def _name_limits(levels: list, unplaced: bool) -> tuple[str, list]:
    """What narrows a group of stated place names (`PlaceTerm._name_groups`): the levels they must be stated at,
    and, when `unplaced`, only photos that have no taken place key."""
    sql, params = "", []
    if levels:
        sql, params = f" AND place_name.level IN ({_marks(levels)})", list(levels)
    if unplaced:
        sql += (" AND NOT (EXISTS (SELECT * FROM place_key AS placed WHERE placed.photo_id = place_name.photo_id"
                " AND placed.kind = 'taken'))")
    return sql, params


def _place_ids(term) -> tuple[str, list]:
    """The photo ids of a place term's keys and names (a photo may come more than once)."""
    selects = _place_selects(term) or [("SELECT place_key.photo_id FROM place_key WHERE 0", [])]
    return " UNION ALL ".join(sql for sql, _ in selects), [p for _, params in selects for p in params]


def _place_where(term) -> tuple[str, list]:
    sql, params = _place_ids(term)
    return f"photo.id IN ({sql})", params


def _place_probe(term) -> tuple[str, list]:
    found: list[tuple[str, list]] = []
    if term.keys:
        found.append((f"EXISTS (SELECT * FROM place_key WHERE place_key.photo_id = photo.id AND place_key.kind IN "
                      f"({_marks(term.kinds)}) AND (place_key.key || '') IN ({_marks(term.keys)}))",
                      [*term.kinds, *term.keys]))
    for names, levels, unplaced in term._name_groups():
        more, extra = _name_limits(levels, unplaced)
        found.append((f"EXISTS (SELECT * FROM place_name WHERE place_name.photo_id = photo.id AND place_name.kind IN "
                      f"({_marks(term.kinds)}) AND (place_name.name || '') IN ({_marks(names)}){more})",
                      [*term.kinds, *names, *extra]))
    if not found:
        return "0", []
    return " OR ".join(f"({sql})" for sql, _ in found), [p for _, params in found for p in params]


#: A "credit" token is matched among the photographer's tokens too (as catalog.query._ROLES_MATCHED).
ROLES_MATCHED = {"credit": ("photographer", "credit")}


def _role(role: str) -> tuple[str, list]:
    roles = ROLES_MATCHED.get(role, (role,))
    return f"person_token.role IN ({_marks(roles)})", list(roles)


def _token_where(term) -> tuple[str, list]:
    selects, params = [], []
    for group in term.groups:
        pairs = []
        for role, token in group:
            role_sql, role_params = _role(role)
            pairs.append(f"({role_sql} AND person_token.token = ?)")
            params += [*role_params, token]
        sql = f"SELECT person_token.photo_id FROM person_token WHERE {' OR '.join(pairs)}"
        if len(group) > 1:  # one row per (photo, role, token): all there when all are counted
            sql += " GROUP BY person_token.photo_id HAVING count(*) = ?"
            params.append(len(group))
        selects.append(sql)
    return f"photo.id IN ({' UNION ALL '.join(selects)})", params


def _token_probe(term) -> tuple[str, list]:
    groups, params = [], []
    for group in term.groups:
        each = []
        for role, token in group:
            role_sql, role_params = _role(role)
            each.append(f"EXISTS (SELECT * FROM person_token WHERE person_token.photo_id = photo.id AND {role_sql} "
                        "AND (person_token.token || '') = ?)")
            params += [*role_params, token]
        groups.append("(" + " AND ".join(each) + ")")
    return " OR ".join(groups), params


def _date_condition(term, *, probe: bool) -> tuple[str, list]:
    first, last = f"photo.{term.column}_start", f"photo.{term.column}_end"
    if probe:
        first = f"({first} || '')"
    parts, params = [f"{first} IS NOT NULL"], []
    if term.end:
        parts.append(f"{first} <= ?")
        params.append(term.end)
    if term.start:
        parts.append(f"{last} >= ?")
        params.append(term.start)
        if not probe:  # a stored date covers at most a year: the index on the first day reads only that range
            parts.append(f"{first} >= ?")
            params.append(term.earliest_first())
    return " AND ".join(parts), params


def _like(term) -> tuple[str, list]:
    column = {"credit": "photo.credit_key", "by": "photo.photographer_key"}.get(term.column, "photo.search_text")
    escaped = [v.replace("/", "//").replace("%", "/%").replace("_", "/_") for v in term.values]
    return " OR ".join(f"{column} LIKE '%' || ? || '%' ESCAPE '/'" for _ in escaped), escaped


def _flag(term) -> tuple[str, list]:
    if term.column == "missing_since":
        return f"photo.missing_since IS {'NOT ' if term.wanted else ''}NULL", []
    return f"photo.{term.column} IS {1 if term.wanted else 0}", []


#: Each kind of term (catalog.query's class name) -> (its `where` SQL, its `probe` SQL). A kind not here is
#: answered by the full path.
TERM_SQL: dict[str, tuple[Callable[[Any], tuple[str, list]], Callable[[Any], tuple[str, list]]]] = {
    "PlaceTerm": (_place_where, _place_probe),
    "TokenTerm": (_token_where, _token_probe),
    "DateTerm": (lambda term: _date_condition(term, probe=False), lambda term: _date_condition(term, probe=True)),
    "LikeTerm": (_like, _like),
    "FlagTerm": (_flag, _flag),
}


def _condition(term, *, probe: bool) -> tuple[str, list]:
    sql, params = TERM_SQL[type(term).__name__][1 if probe else 0](term)
    return (f"NOT ({sql})" if term.negated else f"({sql})"), params


#: The order probes are checked in, photo by photo: those that read an index before those that read the photo's
#: row, so a row is read only for the candidates the others leave (`in:China taken:2018..2024 by:zhang train`
#: reads 250 rows, not 7,400). AND does not care about the order; SQLite checks the terms as written.
PROBE_ORDER = {"TokenTerm": 0, "PlaceTerm": 1}


def _probes(query, *, ids: str = "photo.id") -> list[tuple[str, list]]:
    """The probes of a query's terms, in PROBE_ORDER. Those of ID_TERMS read only their own index, by the photo's
    id: given another column that holds it (`ids`, the full-text matches' ids), SQLite checks them before it
    reads the photo's row, and reads the rows of those that pass alone (`train by:zhang`: 260 rows, not 7,364)."""
    terms = sorted(query.terms, key=lambda term: PROBE_ORDER.get(type(term).__name__, len(PROBE_ORDER)))
    probes = [_condition(term, probe=True) for term in terms]
    if ids == "photo.id":
        return probes
    return [(sql.replace(".photo_id = photo.id", f".photo_id = {ids}") if type(term).__name__ in ID_TERMS else sql,
             params) for term, (sql, params) in zip(terms, probes, strict=True)]


#: Terms answered from an index of photo ids (places; photographers, agencies and credit words).
ID_TERMS = frozenset({"PlaceTerm", "TokenTerm"})


def _conditions(query) -> list[tuple[str, list]]:
    """The terms' conditions on the photo table, for a query that reads every photo that matches: of several
    terms that select photos by id, the first in PROBE_ORDER gives the ids and the others are probed per photo.
    (SQLite has no statistics to choose by, and reads the first it is given: `in:China by:zhang` read the rows of
    69,000 photos in China to find Zhang's 1,600, where 3,500 rows of Zhang's photos answer it.)"""
    ids = [term for term in query.terms if type(term).__name__ in ID_TERMS and not term.negated]
    driver = min(ids, key=lambda term: PROBE_ORDER[type(term).__name__]) if ids else None
    return [_condition(term, probe=term in ids and term is not driver) for term in query.terms]


def _fts_expression(words) -> str:
    """The FTS5 MATCH expression for one group of words (a phrase when quoted), as catalog.search writes it."""
    if words.phrase and words.text.count('"'):
        return '"' + " ".join(words.words) + '"'
    return " ".join(f'"{w}"' for w in words.words)


def _full_text(words) -> tuple[str, list]:
    sql = f"photo.id {'NOT ' if words.negated else ''}IN (SELECT rowid FROM photo_fts WHERE photo_fts MATCH ?)"
    return sql, [_fts_expression(words)]


def _joined(parts: list[tuple[str, list]]) -> tuple[str, list]:
    """Conditions ANDed into a WHERE clause ("" for none)."""
    if not parts:
        return "", []
    return " WHERE " + " AND ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]


def _order(columns: list[str], reverse: bool) -> str:
    return ", ".join(f"{c} DESC" if reverse else c for c in columns)


def _limit(limit: int | None) -> str:
    return "" if limit is None else f" LIMIT {int(limit)}"


#: How long the reader's first read waits on a locked catalogue before it says it waits (catalog.write_lock's
#: WRITE_LOCK_ASK_MS, written out here so that the quick path imports catalog.write_lock only when it waits).
_ASK_SECONDS = 0.2


# --- the reader ---------------------------------------------------------------------------------------------------

class QuickLibrary:
    """A SQLite catalogue read with sqlite3 for `search` and `show`, with the Library's methods for them; what
    it cannot answer it hands to the full Library (`full()`, opened when first needed)."""

    def __init__(self, connection: sqlite3.Connection, rules: str | None, full: Callable[[], Any]):
        self.connection = connection
        self.rules_path = rules
        self._full = full
        self._rules = None
        self.as_of: datetime | None = None
        #: ((terms, as_of), how many photos they select), kept by a page that had to list them all (see _listed):
        #: the count the command asks for next, beside the page.
        self._known_count: tuple[tuple, int] | None = None
        #: How many photos the last page was taken from, when _page had to read them all.
        self._page_total: int | None = None

    @classmethod
    def open(cls, location: str | None, *, rules: str | None, full: Callable[[], Any],
             on_wait: Callable[[str], None] | None = None) -> QuickLibrary | None:
        """The catalogue at `location` opened read-only, or None when the full path must open it (not a SQLite
        file, not at this version's schema, or not readable this way).

        A reader never waits in write-ahead-logging mode, the catalogue's own; a catalogue another tool switched
        out of it (`PRAGMA journal_mode=delete`) cannot be read while another program holds it locked. That
        wait is said at once (`on_wait`, as a writer says it waits for the write lock), where the command sat
        silent for ten seconds and more, and it ends with Ctrl-C or after catalog.write_lock.LOCK_PATIENCE.
        """
        path = schema_version.sqlite_file(location)
        if path is None or not path.is_file():
            return None
        uri = "file:" + str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23") + "?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=_ASK_SECONDS)
        except sqlite3.Error:
            return None

        def version():
            # No memory map (catalog.db maps 256 MB for the Library): a command reads a few thousand scattered pages
            # once, and a mapped page costs a fault to map it and its share of unmapping them all at close (10-20 ms
            # of system time for `search in:Gansu`, the process's peak 209 MB against 36 MB); copied pages cost less.
            return connection.execute("SELECT version_num FROM alembic_version").fetchone()

        try:
            try:
                row = version()
            except sqlite3.OperationalError as error:
                from catalog import write_lock

                if not write_lock.is_locked_error(error):
                    raise
                row = write_lock.with_write_lock(version, on_wait=on_wait, what="the catalogue",
                                                 errors=(sqlite3.OperationalError,),
                                                 holder="another program holds it locked")
            connection.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.Error:
            row = None
        except BaseException:
            connection.close()
            raise
        if row is None or row[0] != schema_version.SCHEMA_HEAD:
            connection.close()
            return None
        return cls(connection, rules, full)

    def close(self) -> None:
        self.connection.close()

    def full(self):
        """The full Library, for what this path leaves to it."""
        library = self._full()
        library.as_of = self.as_of
        return library

    @property
    def rules(self):
        """The house rules, as Library.rules and Library.use_rules read them."""
        if self._rules is None:
            from catalog.captions.rules import load_rules

            if self.rules_path:
                self._rules = load_rules(self.rules_path)
            else:
                row = self.connection.execute("SELECT value FROM setting WHERE key = 'rules'").fetchone()
                self._rules = load_rules(text=row[0]) if row and row[0] else load_rules()
        return self._rules

    # --- what the commands call: the quick path, or the full one when SQLite says no (a lock, a damaged page) --

    def search(self, args: list[str], *, sort: str | None = None, limit: int | None = None, offset: int = 0,
               reverse: bool = False, columns: Callable[[Any], Sequence[str]] | None = None, total: bool = False):
        """As Library.search (catalog.search.search). `columns`, for output that prints only some columns of the
        photos (`search`'s table, its paths): given the parsed query, their names; each hit's photo is then a
        `row_type` row holding only them (and the id), without `variant_info`. The full path gives whole records
        whatever is asked. `total` is the full path's: here the result's total stays None (ask search_count)."""
        try:
            return self._search(args, sort=sort, limit=limit, offset=offset, reverse=reverse, columns=columns)
        except sqlite3.Error:
            return self.full().search(args, sort=sort, limit=limit, offset=offset, reverse=reverse, total=total)

    def search_count(self, args: list[str]) -> int:
        """As Library.search_count (catalog.search.count)."""
        try:
            return self._search_count(args)
        except sqlite3.Error:
            return self.full().search_count(args)

    def count_by(self, args: list[str], columns: list) -> list[tuple]:
        """As Library.count_by (catalog.search.count_by), for columns of the photo table given by name: the
        counts of `places` and `timeline`."""
        try:
            return self._count_by(args, columns)
        except sqlite3.Error:
            return self.full().count_by(args, columns)

    def get(self, ref: str | int):
        """As Library.get."""
        try:
            return self._get(ref)
        except sqlite3.Error:
            return self.full().get(ref)

    def uses(self, photo_id: int) -> list:
        """As Library.uses (catalog.stories.uses)."""
        try:
            return self._uses(photo_id)
        except sqlite3.Error:
            return self.full().uses(photo_id)

    def kill_of(self, photo_id: int) -> dict | None:
        """As Library.kill_of (catalog.kills.kill_of)."""
        try:
            return self._kill_of(photo_id)
        except sqlite3.Error:
            return self.full().kill_of(photo_id)

    def ordered_ids(self, args: list[str]) -> list[int]:
        """As catalog.search.ordered_ids: the ids of every photo the terms select, in `search`'s order (what
        `credits` lists)."""
        try:
            return self._ordered_ids(args)
        except sqlite3.Error:
            from catalog.search import ordered_ids

            return ordered_ids(self.full(), args)

    def ordered_rows(self, args: list[str], columns: tuple[str, ...]) -> list[tuple] | None:
        """(id, *columns) of every photo the terms select, in `search`'s order (ordered_ids), read by the statement
        that orders them: a list of thousands (`credits in:Gansu`) reads each photo's row once, not once to order
        it and again for its columns. None when the full path must answer (the caller then reads ordered_ids)."""
        try:
            query = self._parse(args)
            if query is None:
                return None
            sort = "relevance" if query.has_words else "date"
            return self._page(query, sort, None, False, columns=columns)
        except sqlite3.Error:
            return None

    def captions(self, ids: list[int]) -> dict[int, str | None]:
        """id -> caption of each of the photos (the ids as one JSON array): for the few photos of a counted credit
        list whose photographer is written in capitals (catalog.credits.credit_counts)."""
        sql = "SELECT id, caption FROM photo WHERE id IN (SELECT value FROM json_each(?))"
        return dict(self.connection.execute(sql, [json.dumps(ids)]).fetchall())

    def either(self, quick: Callable[[sqlite3.Connection], Any], full: Callable[[Any], Any]):
        """`quick(connection)`, or `full(Library)` when SQLite says no: for a caller that reads the catalogue
        with its own SQL (catalog.credits)."""
        try:
            return quick(self.connection)
        except sqlite3.Error:
            return full(self.full())

    def copies_in(self, photos: list):
        """As catalog.variants.copies_in: answered here when none of the photos has a stored fingerprint and no
        file has to be read (catalog.story_copies.without_fingerprints), else by the full path, which compares
        them."""
        from catalog import story_copies

        ids = sorted({photo.id for photo in photos})
        try:
            stored = self._fingerprinted(ids)
        except sqlite3.Error:
            stored = True
        found = None if stored else story_copies.without_fingerprints(len(ids))
        if found is None:
            from catalog.variants import copies_in

            return copies_in(self.full(), photos)
        return found

    def has_fingerprints(self, ids: list[int]) -> bool:
        """Whether any of the photos has a stored fingerprint (sqlite3.Error when SQLite says no)."""
        return self._fingerprinted(sorted(set(ids)))

    def _fingerprinted(self, ids: list[int]) -> bool:
        """Whether any of the photos has a stored fingerprint (the ids as one JSON array: a statement with
        thousands of `?` costs more to prepare and bind than to run)."""
        sql = ("SELECT 1 FROM variant_fingerprint WHERE photo_id IN (SELECT value FROM json_each(?)) AND fingerprint "
               "IS NOT NULL LIMIT 1")
        return self.connection.execute(sql, [json.dumps(ids)]).fetchone() is not None

    # --- search ---------------------------------------------------------------------------------------------

    def _parse(self, args: list[str]):
        """The parsed query, or None when a term is one the full path answers."""
        from catalog.query import fields_of, parse

        if fields_of(args) & FULL_PATH_FIELDS:
            return None
        from catalog import place_memo
        from catalog.entities import search_keys

        query = parse(args, place_keys=search_keys, at=self.as_of)
        place_memo.save()
        if query.near is not None or any(type(term).__name__ not in TERM_SQL for term in query.terms):
            return None
        return query

    def _search(self, args: list[str], *, sort: str | None = None, limit: int | None = None, offset: int = 0,
                reverse: bool = False, columns: Callable[[Any], Sequence[str]] | None = None):
        query = self._parse(args) if sort in (None, "relevance", "date", "path") else None
        if query is None:
            return self.full().search(args, sort=sort, limit=limit, offset=offset, reverse=reverse)
        sort = sort or ("relevance" if query.has_words else "date")
        if sort == "relevance" and not query.has_words:
            sort = "date"
        wanted = None if limit is None else offset + limit
        listed = None
        if sort == "date" and wanted is not None and (single := _single_id_term(query)) is not None:
            ids = self._term_ids(single)
            self._known_count = ((tuple(args), self.as_of), len(ids))
            listed = _listed(ids)
        self._page_total = None
        if columns is not None:
            return self._rows(args, query, sort, wanted, offset, reverse, listed, columns(query))
        page = self._page(query, sort, wanted, reverse, listed=listed)[offset:]
        if self._page_total is not None:
            self._known_count = ((tuple(args), self.as_of), self._page_total)
        photos = self._photos([pid for pid, _ in page])
        hits = [Hit(photos[pid], score=score) for pid, score in page if pid in photos]
        self.annotate_variants([hit.photo for hit in hits])
        return SearchResult(query, hits)

    def _rows(self, args: list[str], query, sort: str, wanted: int | None, offset: int, reverse: bool,
              listed: tuple[str, list] | None, columns: Sequence[str]) -> SearchResult:
        """The result of a page as rows of `columns` (see search). Every match (no limit) is read with its columns
        by the statement that orders them, and kept as sqlite3's tuples (SearchResult.of_rows: a table of 6,884
        photos reads them column by column); a page, by id once it is known."""
        names = ("id", *(name for name in dict.fromkeys(columns) if name != "id"))
        make = row_type(names)._make
        if wanted is None:
            rows = self._page(query, sort, None, reverse, listed=listed, columns=names[1:])[offset:]
            return SearchResult.of_rows(query, names, rows, make=make, plain=set(names) - CONVERTED_COLUMNS)
        page = self._page(query, sort, wanted, reverse, listed=listed)[offset:]
        if self._page_total is not None:
            self._known_count = ((tuple(args), self.as_of), self._page_total)
        found = {row[0]: row for row in self._columns_of([pid for pid, _ in page], names)}
        return SearchResult(query, [Hit(make(found[pid]), score=score) for pid, score in page if pid in found])

    def _ordered_ids(self, args: list[str]) -> list[int]:
        query = self._parse(args)
        if query is None:
            from catalog.search import ordered_ids

            return ordered_ids(self.full(), args)
        return [pid for pid, _ in self._page(query, "relevance" if query.has_words else "date", None, False)]

    def _search_count(self, args: list[str]) -> int:
        if self._known_count is not None and self._known_count[0] == (tuple(args), self.as_of):
            return self._known_count[1]
        query = self._parse(args)
        if query is None:
            return self.full().search_count(args)
        if query.has_words:
            ranking = next(words for words in query.words if not words.negated)
            parts = _probes(query, ids="matches.id")
            parts += [_full_text(words) for words in query.words if words is not ranking]
            where, params = _joined(parts)
            join = " JOIN photo ON photo.id = matches.id" if parts else ""
            sql = (f"SELECT count(*) FROM (SELECT photo_fts.rowid AS id FROM photo_fts WHERE photo_fts MATCH ?) "
                   f"AS matches{join}{where}")
            params = [_fts_expression(ranking), *params]
        elif len(query.terms) == 1 and not query.words and _positive_place(query.terms[0]):
            ids, params = _place_ids(query.terms[0])
            sql = f"SELECT count(*) FROM (SELECT DISTINCT photo_id FROM ({ids}))"
        else:
            where, params = _joined(_conditions(query)
                                    + [_full_text(words) for words in query.words])
            sql = f"SELECT count(*) FROM photo{where}"
        return self.connection.execute(sql, params).fetchone()[0] or 0

    def _count_by(self, args: list[str], columns: list) -> list[tuple]:
        query = self._parse(args) if args else None
        if (args and query is None) or not all(isinstance(name, str) and name.isidentifier() for name in columns):
            return self.full().count_by(args, columns)
        where, params = ("", []) if query is None else _joined(
            [_condition(term, probe=False) for term in query.terms] + [_full_text(words) for words in query.words])
        names = ", ".join(f"photo.{name}" for name in columns)
        sql = f"SELECT {names}, count(*) FROM photo{where} GROUP BY {names}"
        return [tuple(row) for row in self.connection.execute(sql, params)]

    def _term_ids(self, term) -> list[int]:
        """The photos one place or credit term selects, each once: the rows `_search_count` counts for it."""
        if type(term).__name__ == "PlaceTerm":
            ids, params = _place_ids(term)
            sql = f"SELECT DISTINCT photo_id FROM ({ids})"
        else:
            where, params = _condition(term, probe=False)
            sql = f"SELECT photo.id FROM photo WHERE {where}"
        return [pid for (pid,) in self.connection.execute(sql, params)]

    def _page(self, query, sort: str, limit: int | None, reverse: bool, *, listed: tuple[str, list] | None = None,
              columns: tuple[str, ...] = ()) -> list[tuple]:
        """(id, full-text score) of the first `limit` photos in order, as catalog.search.Planner._page; `listed`,
        the condition of a query's one term as the list of its photos' ids (see _listed); `columns`, photo columns
        read by the same statement, given instead of the score: (id, *columns) (for every photo: `limit` None)."""
        run = self.connection.execute
        more = "".join(f", photo.{name}" for name in columns)
        if sort == "relevance":
            ranking = next(words for words in query.words if not words.negated)
            parts = _probes(query, ids="matches.id")
            parts += [_full_text(words) for words in query.words if words is not ranking]
            where, params = _joined(parts)
            matches = ("(SELECT photo_fts.rowid AS id, bm25(photo_fts) AS score FROM photo_fts WHERE photo_fts "
                       "MATCH ?)")
            if limit is not None and not parts:
                # Words alone: only the photos that score at least as well as the page's last can be on it, so
                # only their rows are read for the path that breaks ties (train: 53 of 7,364). The matches are
                # scored once, kept (MATERIALIZED) for the threshold and the page.
                where = (f" WHERE matches.score {'>=' if reverse else '<='} coalesce((SELECT score FROM matches "
                         f"ORDER BY {_order(['score'], reverse)} LIMIT 1 OFFSET {int(limit) - 1}), "
                         f"{'-' if reverse else ''}9e999)")
                head = f"WITH matches AS MATERIALIZED {matches} SELECT matches.id, matches.score FROM matches"
            else:  # scored only when a photo passes the probes
                head = f"SELECT matches.id, matches.score FROM {matches} AS matches"
            # With other terms, every match that passes them is scored and sorted for the page anyway: all are
            # read (ids and scores), and their number is the count beside the page (the same FROM and WHERE as
            # _search_count's), which would otherwise run the full-text match and the probes again.
            every = limit is not None and bool(parts)
            if columns:
                head = head.replace("matches.score FROM", f"matches.score{more} FROM", 1)
            sql = (f"{head} JOIN photo ON photo.id = matches.id{where} ORDER BY "
                   f"{_order(['matches.score', 'photo.path'], reverse)}{'' if every else _limit(limit)}")
            found = list(run(sql, [_fts_expression(ranking), *params]))
            if columns:  # (id, *columns)
                found = [(row[0], *row[2:]) for row in found]
            if every:
                self._page_total = len(found)
                return found[:limit]
            return found
        parts = [listed] if listed else _conditions(query) + [_full_text(w) for w in query.words]
        if sort == "path":
            where, params = _joined(parts)
            sql = f"SELECT photo.id{more} FROM photo{where} ORDER BY {_order(['photo.path'], reverse)}{_limit(limit)}"
            return list(run(sql, params)) if columns else [(pid, None) for (pid,) in run(sql, params)]
        windows = DATE_WINDOWS if limit is not None and parts else ()
        for window, test in windows if len(parts) == 1 else windows[:1]:  # "ids": see DATE_WINDOWS
            early = self._page_from_window(query, int(limit or 0), reverse, window, by_ids=test == "ids",
                                           listed=listed)
            if early is not None:
                return [(pid, None) for pid in early]
        where, params = _joined([*parts, ("photo.taken_start IS NOT NULL", [])])
        order = _order(["photo.taken_start", "photo.taken", "photo.path"], reverse)
        rows = list(run(f"SELECT photo.id{more} FROM photo{where} ORDER BY {order}{_limit(limit)}", params))
        if limit is None or len(rows) < limit:
            where, params = _joined([*parts, ("photo.taken_start IS NULL", [])])
            order = _order(["photo.taken", "photo.path"], reverse)
            rest = None if limit is None else limit - len(rows)
            rows += run(f"SELECT photo.id{more} FROM photo{where} ORDER BY {order}{_limit(rest)}", params)
        return rows if columns else [(pid, None) for (pid,) in rows]

    def _page_from_window(self, query, limit: int, reverse: bool, window: int, *, by_ids: bool = False,
                          listed: tuple[str, list] | None = None) -> list[int] | None:
        """The page from the `window` x `limit` earliest (latest) photos when that many of them match, as
        catalog.search.Planner._page_from_window (from the date index alone when the terms read nothing else);
        each photo probed by its rows, or `by_ids` looked up among each term's photo ids (see DATE_WINDOWS)."""
        if by_ids:
            terms = [listed] if listed else [_condition(term, probe=False) for term in query.terms]
        else:
            terms = _probes(query)
        parts = terms + [_full_text(w) for w in query.words]
        where, params = _joined(parts)
        index_only = all(type(term).__name__ in INDEX_ONLY or getattr(term, "column", None) == "taken"
                         for term in query.terms)
        columns = ["taken_start", "taken", "path"]
        early = (f"SELECT photo.id AS id, {', '.join(f'photo.{c} AS {c}' for c in columns)}, photo.taken_end AS "
                 f"taken_end FROM photo WHERE photo.taken_start IS NOT NULL ORDER BY "
                 f"{_order([f'photo.{c}' for c in columns], reverse)} LIMIT {int(window * limit)}")
        if index_only:  # the window, named photo for the probes
            sql = (f"SELECT photo.id FROM ({early}) AS photo{where} ORDER BY "
                   f"{_order([f'photo.{c}' for c in columns], reverse)} LIMIT {int(limit)}")
        else:
            sql = (f"SELECT early.id FROM ({early}) AS early JOIN photo ON photo.id = early.id{where} ORDER BY "
                   f"{_order([f'early.{c}' for c in columns], reverse)} LIMIT {int(limit)}")
        ids = [pid for (pid,) in self.connection.execute(sql, params)]
        return ids if len(ids) == limit else None

    def _photos(self, ids: list[int]) -> dict[int, PhotoRecord]:
        found: dict[int, PhotoRecord] = {}
        for chunk in chunks(ids, CHUNK):
            cursor = self.connection.execute(f"SELECT * FROM photo WHERE id IN ({_marks(chunk)})", chunk)
            names = [column[0] for column in cursor.description]
            for values in cursor:
                photo = PhotoRecord(names, values)
                found[photo.id] = photo
        return found

    def _columns_of(self, ids: list[int], names: tuple[str, ...]):
        """(id, *other columns) of each of the photos, `names` starting with "id" (the ids as one JSON array)."""
        sql = (f"SELECT {', '.join(f'photo.{name}' for name in names)} FROM photo WHERE photo.id IN (SELECT value "
               "FROM json_each(?))")
        return self.connection.execute(sql, [json.dumps(ids)])

    def _in_variant_groups(self, ids: list[int]) -> bool:
        """Whether any of the photos has a copy in the catalogue (a variant group of two or more): the group's
        best copy is the full path's to find (catalog.variant_copies.annotate)."""
        for chunk in chunks(ids, CHUNK):
            sql = (f"SELECT 1 FROM variant_fingerprint AS mine JOIN variant_fingerprint AS other ON other.group_id = "
                   f"mine.group_id AND other.photo_id != mine.photo_id WHERE mine.photo_id IN ({_marks(chunk)}) "
                   "AND mine.group_id IS NOT NULL LIMIT 1")
            if self.connection.execute(sql, chunk).fetchone():
                return True
        return False

    # --- show -----------------------------------------------------------------------------------------------

    def _get(self, ref: str | int) -> PhotoRecord:
        """A photo by id, path or unique file name, as Library.get (its name in either of Unicode's normal forms);
        the full path answers a path that is only found through a symbolic link."""
        from catalog.scan import other_spellings

        try:
            return self._get_as_spelled(ref)
        except NotFound:
            for spelling in other_spellings(ref):
                try:
                    return self._get_as_spelled(spelling)
                except NotFound:
                    continue
            raise

    def _get_as_spelled(self, ref: str | int) -> PhotoRecord:
        from catalog.scan import photo_id, shown_path

        run = self.connection.execute
        found: list[int] = []
        if (number := photo_id(ref)) is not None:
            found = [pid for (pid,) in run("SELECT id FROM photo WHERE id = ?", (number,))]
        if not found:  # paths are kept as shown_path spells them (bytes that are not UTF-8 as \\xNN)
            found = [pid for (pid,) in run("SELECT id FROM photo WHERE path = ?",
                                           (shown_path(os.path.abspath(str(ref))),))]
        if not found and os.path.exists(str(ref)):
            return self.full().get(ref)
        if not found:
            name = shown_path(os.path.basename(str(ref)))
            suffix = ("/" + name).replace("/", "//").replace("%", "/%").replace("_", "/_")
            found = [pid for (pid,) in run("SELECT id FROM photo WHERE path LIKE '%' || ? ESCAPE '/' OR path = ?",
                                           (suffix, name))]
            if len(found) > 1:
                raise UsageError(f"{ref!r} names {len(found)} photos; give the full path or the id")
        if not found:
            raise NotFound(f"no photo {ref!r} in the catalogue (give its path or id; `catalog search` lists them)")
        return self._photos(found[:1])[found[0]]

    def annotate_variants(self, photos: list) -> list:
        """The photos with their `variant_info`, as Library.annotate_variants: None for each when none has a copy
        in the catalogue (one query), else the full path works out the groups and their best copies."""
        if self._in_variant_groups([photo.id for photo in photos]):
            return self.full().annotate_variants(photos)
        for photo in photos:
            photo.variant_info = None
        return photos

    def _uses(self, photo_id: int) -> list[Use]:
        """As catalog.stories.uses."""
        rows = self.connection.execute(
            "SELECT story.name, story_photo.position, story_photo.added_at FROM story_photo JOIN story ON story.id = "
            "story_photo.story_id WHERE story_photo.photo_id = ? ORDER BY story_photo.added_at, story.name",
            (photo_id,))
        return [Use(name, position, datetime.fromisoformat(added)) for name, position, added in rows]

    def _kill_of(self, photo_id: int) -> dict | None:
        """As catalog.kills.kill_of."""
        row = self.connection.execute("SELECT reason, at, origin FROM kill WHERE photo_id = ?", (photo_id,)).fetchone()
        if row is None:
            return None
        return {"reason": row[0], "at": datetime.fromisoformat(row[1]).isoformat(timespec="seconds"), "origin": row[2]}


def _single_id_term(query):
    """The query's one term when it is a place or credit term (not negated) and there are no words, else None."""
    if len(query.terms) != 1 or query.words:
        return None
    term = query.terms[0]
    return term if type(term).__name__ in ID_TERMS and not term.negated else None


def _listed(ids: list[int]) -> tuple[str, list]:
    """The condition "one of these photos", the ids given as one JSON array: a page by date of a place or credit
    (in:Gansu, by:"Zhang Dagang") lists the term's photos once, for the count the command prints beside the page,
    and its windows and its sort look them up in that list instead of reading the term's index again each time
    (by:"Zhang Dagang" read every photo of Zhang three times for 313 photos of his)."""
    return "photo.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]


def _positive_place(term) -> bool:
    return type(term).__name__ == "PlaceTerm" and not term.negated
