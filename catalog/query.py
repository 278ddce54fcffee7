"""The search language: terms parsed into small query objects, each of which makes its own SQL.

Parsing imports no SQLAlchemy (each term imports it when asked for its clause): `catalog search` checks its
terms before it opens a catalogue, and the quick read path (catalog.quick_search) answers without it.

Grammar (terms are ANDed; each shell argument is one term, and quotes inside one argument group words)::

    term    := ["-"] field ":" values | ["-"] words
    values  := value ("," value)*          # OR within a field
    field   := in | city | province | country | sublocation | shown | taken | released
             | by | credit | keyword | conflicts | near | within

Examples (each line one query)::

    in:Gansu                       photos taken anywhere in Gansu (any level: sublocation .. country code)
    in:USA  in:US  in:美国          the same photos: a place is matched as an entity, in any spelling or script
    in:Georgia                     the country and the US state (the JSON "match" note says which)
    in:Gansu,Anhui -in:Hefei       in Gansu or Anhui, but not Hefei
    taken:2025-10  taken:"October 2025"  taken:2025-08-01..2025-10-31  taken:2025-09..  taken:-7d..
    released:2025-10-01            the release date ("released by ... on Oct. 1, 2025")
    by:"Zhang Dagang"              the photographer, by whole name tokens in any order, case or script
    by:Li  by:张大刚                 "Li Xin" (never "Byline"); Zhang Dagang
    credit:Xinhua  credit:新华社     the agency, as an entity of the registry (credit:AP is AP alone)
    credit:"Big Newspaper"         a name that is no agency: the words of the credit fields
    near:Hefei within:50km         by GPS, or by the gazetteer's coordinates for a named place
    near:31.82,117.23
    conflicts:yes                  photos whose EXIF, IPTC and XMP copies disagree
    missing:yes  damaged:yes       files gone since the last import; image data cut short
    restricted:yes  embargoed:yes  ai:yes  c2pa:invalid  used:yes  killed:yes    the desk's (catalog.query_desk)
    similar:12  similar:a.jpg      copies and look-alikes of a photo (id or file), closest first
    variants:yes                   photos with copies in the catalogue (catalog.variants)
    bullet train                   words, anywhere in caption, headline, credits, keywords and places

Matching ignores case and accents ("krakow" finds Kraków). A place the gazetteer does not know (a venue, a
sublocation) is matched as the photos state it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from catalog.dates import DateError, parse_query_date
from catalog.errors import QueryError, not_utf8
from catalog.query_term import Term

if TYPE_CHECKING:
    from catalog.query_near import Near

PLACE_FIELDS = {
    "in": None,  # any level
    "city": ("city",),
    "province": ("province",),
    "state": ("province",),
    "country": ("country", "country_code"),
    "sublocation": ("sublocation",),
    "at": ("sublocation",),
}
#: Yes/no terms: the column each asks about (true for "yes").
FLAGS = {"conflicts": "has_conflicts", "missing": "missing_since", "damaged": "damaged"}
#: The desk's terms (restrictions, embargoes, AI, Content Credentials, stories, kills): catalog.query_desk.
DESK_FIELDS = ("restricted", "embargoed", "ai", "c2pa", "used", "killed")
FIELDS = (set(PLACE_FIELDS) | set(FLAGS) | set(DESK_FIELDS)
          | {"shown", "taken", "released", "by", "credit", "keyword", "near", "within", "similar", "variants"})
_FIELD_TERM = re.compile(r"^(-?)([a-z][a-z0-9_]*):(.*)$", re.DOTALL)
_EMBEDDED_FIELD = re.compile(r"\s-?(" + "|".join(sorted(FIELDS)) + r"):")
DEFAULT_WITHIN_KM = 50.0
# The query's classes (dataclass eq=False, repr=False) compare by identity, a term being one term of one query and
# no caller comparing two parsed queries, and keep object's repr: a dataclass's __eq__ and __repr__ are compiled
# at import, and every search imports this module.


@dataclass(eq=False, repr=False)
class PlaceTerm(Term):
    """`in:`, `city:`, `country:` ...: a place where it was taken (or shown), as an entity or as stated.

    ``keys`` are the entity keys the typed names mean ("country:US"), matched against the photos' place keys;
    ``names`` (folded) are matched against the stated strings at ``levels``: the typed names the gazetteer
    does not know, and, for `in:`, `at:` and `shown:`, every typed name as a sublocation (a venue is never an
    entity). ``unplaced`` are the typed names the gazetteer knows, matched as stated only in photos it could
    not place (a file's country "Atlantis" is no town of South Africa). ``meanings`` are the labels of an
    ambiguous name's entities ("Georgia (country)", "Georgia, United States"), for the `match` note; ``unknown``
    the typed names the gazetteer does not know at the term's level, as typed, each with whether it knows the
    name as another kind of place (city:Gansu), for the note when nothing matches.
    """

    names: list[str] = field(default_factory=list)
    levels: tuple[str, ...] | None = None
    kinds: tuple[str, ...] = ("taken",)
    keys: list[str] = field(default_factory=list)
    sublocations: list[str] = field(default_factory=list)
    meanings: list[tuple[str, str, str]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    unknown: list[tuple[str, bool]] = field(default_factory=list)

    def clause(self):
        from catalog.models import Photo

        # The ids from the indexes on (key, kind, photo_id) and (name, kind, level, photo_id) alone; a
        # correlated EXISTS would look at every photo and, for each, at every row of that name (quadratic:
        # minutes at 100,000).
        return Photo.id.in_(self.photo_ids())

    def photo_ids(self, *, keyed_apart: bool = False):
        """SELECT photo_id of the place keys and names this term matches (a photo may appear more than once).

        With `keyed_apart` (PostgreSQL), the photos named so but not placed are found as _unplaced_ids does.
        """
        from sqlalchemy import false, select, union_all

        from catalog.models import PlaceKey

        selects = self._id_selects(keyed_apart=keyed_apart)
        if not selects:
            return select(PlaceKey.photo_id).where(false())
        return selects[0] if len(selects) == 1 else union_all(*selects)

    def id_condition(self):
        """PostgreSQL, a search of this term alone: the photo's id among those of each of the term's index
        reads, one `IN` each (PostgreSQL hashes each read once, then walks the photos in the page's order)."""
        from sqlalchemy import false, or_

        from catalog.models import Photo

        found = [Photo.id.in_(ids) for ids in self._id_selects(keyed_apart=True)]
        return or_(*found) if found else false()

    def _id_selects(self, *, keyed_apart: bool) -> list:
        from sqlalchemy import and_, select

        from catalog.models import PlaceKey, PlaceName

        selects = []
        if self.keys:
            selects.append(select(PlaceKey.photo_id).where(PlaceKey.key.in_(self.keys), PlaceKey.kind.in_(self.kinds)))
        for names, levels, unplaced in self._name_groups():
            if unplaced and keyed_apart:
                selects.append(self._unplaced_ids(names, levels))
                continue
            condition = and_(PlaceName.name.in_(names), PlaceName.kind.in_(self.kinds))
            if levels:
                condition = and_(condition, PlaceName.level.in_(levels))
            if unplaced:
                condition = and_(condition, ~_placed(PlaceName.photo_id))
            selects.append(select(PlaceName.photo_id).where(condition))
        return selects

    def _unplaced_ids(self, names: list[str], levels: tuple[str, ...] | None):
        """PostgreSQL: SELECT photo_id of the photos that state one of `names` and have no place entity.

        Those with one of this term's keys are left out first, as one anti join of two index reads (the keys
        find them anyway), and only the few left are looked up one by one for a place entity: every photo
        named Gansu (67,950 at 1,000,000 photos) probed for a place entity took 0.2-0.3 s to find none.
        `OFFSET 0` keeps PostgreSQL from doing the probes first, as it would, expecting each to remove rows.
        """
        from sqlalchemy import and_, exists, select

        from catalog.models import PlaceKey, PlaceName

        keyed = PlaceKey.__table__.alias("keyed")
        condition = and_(PlaceName.name.in_(names), PlaceName.kind.in_(self.kinds),
                         ~exists().where(keyed.c.photo_id == PlaceName.photo_id, keyed.c.key.in_(self.keys),
                                         keyed.c.kind.in_(self.kinds)))
        if levels:
            condition = and_(condition, PlaceName.level.in_(levels))
        named = select(PlaceName.photo_id).where(condition).offset(0).subquery("named")
        return select(named.c.photo_id).where(~_placed(named.c.photo_id))

    def _name_groups(self) -> list[tuple[list[str], tuple[str, ...] | None, bool]]:
        """(folded names, the levels they are matched at, whether only in photos with no place entity)."""
        groups = []
        if self.names:
            groups.append((self.names, self.levels, False))
        if self.sublocations:
            groups.append((self.sublocations, ("sublocation",), False))
        if self.unplaced:
            groups.append((self.unplaced, self.levels, True))
        return groups

    def _exists(self, *, probe: bool):
        from sqlalchemy import and_, exists, false, not_, or_

        from catalog.models import Photo, PlaceKey, PlaceName

        found: list = []
        if self.keys:
            key = PlaceKey.key + "" if probe else PlaceKey.key
            found.append(exists().where(PlaceKey.photo_id == Photo.id, PlaceKey.kind.in_(self.kinds),
                                        key.in_(self.keys)))
        for names, levels, unplaced in self._name_groups():
            name = PlaceName.name + "" if probe else PlaceName.name
            condition = and_(PlaceName.photo_id == Photo.id, PlaceName.kind.in_(self.kinds), name.in_(names))
            if levels:
                condition = and_(condition, PlaceName.level.in_(levels))
            if unplaced:
                condition = and_(condition, ~_placed(PlaceName.photo_id))
            found.append(exists().where(condition))
        condition = or_(*found) if found else false()
        return not_(condition) if self.negated else condition

    def row_condition(self):
        return self._exists(probe=False)

    def probe(self):
        return self._exists(probe=True)


def _placed(photo_id):
    """The photo has a place entity (where it was taken)."""
    from sqlalchemy import exists

    from catalog.models import PlaceKey

    placed = PlaceKey.__table__.alias("placed")
    return exists().where(placed.c.photo_id == photo_id, placed.c.kind == "taken")


@dataclass(eq=False, repr=False)
class TokenTerm(Term):
    """`by:` / `credit:`: whole tokens of a photo's credit (catalog.entities): any of ``groups``, each a list
    of (role, token) pairs that must all be there. `by:"dagang zhang"` is one group, [("photographer",
    "zhang"), ("photographer", "dagang")]; `credit:AP` is [("agency", "agency:ap")]."""

    groups: list[list[tuple[str, str]]] = field(default_factory=list)

    def clause(self):
        from sqlalchemy import and_, func, or_, select, union_all

        from catalog.models import PersonToken, Photo

        selects = []
        for group in self.groups:
            pairs = or_(*[and_(_role(role), PersonToken.token == token) for role, token in group])
            statement = select(PersonToken.photo_id).where(pairs)
            if len(group) > 1:  # one row per (photo, role, token): all there when all are counted
                statement = statement.group_by(PersonToken.photo_id).having(func.count() == len(group))
            selects.append(statement)
        return Photo.id.in_(selects[0] if len(selects) == 1 else union_all(*selects))

    def _exists(self, *, probe: bool):
        from sqlalchemy import and_, exists, not_, or_

        from catalog.models import PersonToken, Photo

        token = PersonToken.token + "" if probe else PersonToken.token
        condition = or_(*[
            and_(*[exists().where(PersonToken.photo_id == Photo.id, _role(role), token == value)
                   for role, value in group])
            for group in self.groups
        ])
        return not_(condition) if self.negated else condition

    def row_condition(self):
        return self._exists(probe=False)

    def probe(self):
        return self._exists(probe=True)

    def held_in(self, tokens):
        """PostgreSQL: the condition that `tokens`, photo_fts.tokens (alembic 0017: each of the photo's tokens as
        the number photo_fts_token makes of it), holds a group's tokens: implied by this term, so that the
        full-text table's GIN index narrows the photos a word finds to those with the credit before their rows
        are read. Not the term's condition (the array may keep a token the photo no longer has, and two tokens
        may have one number): the term's own stays beside it and decides."""
        from sqlalchemy import and_, func, or_
        from sqlalchemy.dialects.postgresql import array

        def numbers(pairs: list[tuple[str, str]]):  # constants to the planner: photo_fts_token is immutable
            return array([func.photo_fts_token(role, token) for role, token in pairs])

        groups = []
        for group in self.groups:
            alone = [(role, token) for role, token in group if role not in _ROLES_MATCHED]
            held = [tokens.op("@>")(numbers(alone))] if alone else []
            held += [tokens.op("&&")(numbers([(each, token) for each in _ROLES_MATCHED[role]]))
                     for role, token in group if role in _ROLES_MATCHED]
            groups.append(and_(*held))
        return or_(*groups)


@dataclass(eq=False, repr=False)
class DateTerm(Term):
    """`taken:` / `released:`: the stored span overlaps the query's span (month precision matches its days)."""

    column: str = "taken"
    start: str | None = None
    end: str | None = None

    def clause(self, *, probe: bool = False):
        from sqlalchemy import and_

        from catalog.models import Photo

        first = getattr(Photo, f"{self.column}_start")
        last = getattr(Photo, f"{self.column}_end")
        if probe:
            first = first + ""
        parts = [first.is_not(None)]
        if self.end:
            parts.append(first <= self.end)
        if self.start:
            parts.append(last >= self.start)
            if not probe:
                parts.append(first >= self.earliest_first())
        return and_(*parts)

    def earliest_first(self) -> str:
        """The earliest first day a matching stored date can have: a stored date covers at most a year
        (catalog.dates.span), so a span that ends on or after `start` begins at most 366 days before it, and the
        index on the first day reads only that range; never before the calendar's first day.

        >>> DateTerm("taken:2025-10-14", start="2025-10-14").earliest_first()
        '2024-10-13'
        >>> DateTerm("taken:0001-06-01..", start="0001-06-01").earliest_first()
        '0001-01-01'
        """
        start = date.fromisoformat(self.start or date.min.isoformat())
        return (start - min(timedelta(days=366), start - date.min)).isoformat()

    def probe(self):
        from sqlalchemy import not_

        condition = self.clause(probe=True)
        return not_(condition) if self.negated else condition


@dataclass(eq=False, repr=False)
class LikeTerm(Term):
    """`by:` / `credit:` / `keyword:`: a folded substring of one column, any of several values."""

    column: str = "photographer"
    values: list[str] = field(default_factory=list)

    def clause(self):
        from sqlalchemy import or_

        from catalog.models import Photo

        column = {"credit": Photo.credit_key, "by": Photo.photographer_key}.get(self.column, Photo.search_text)
        return or_(*(column.contains(value, autoescape=True) for value in self.values))

    def where(self):
        from sqlalchemy import select

        from catalog.models import Photo

        if self.negated or self.column not in ("by", "credit"):
            return super().where()
        # The ids from a scan of the narrow index on the key alone, not of the photos' whole rows.
        return Photo.id.in_(select(Photo.id).where(self.clause()))

    def probe(self):
        return super().where()


#: A "credit" token is matched among the photographer's tokens too (catalog.entities stores each token once).
_ROLES_MATCHED = {"credit": ("photographer", "credit")}


def _role(role: str):
    from catalog.models import PersonToken

    roles = _ROLES_MATCHED.get(role)
    return PersonToken.role.in_(roles) if roles else PersonToken.role == role


@dataclass(eq=False, repr=False)
class FlagTerm(Term):
    """`conflicts:yes`, `missing:yes`, `damaged:no` ...: a yes/no fact about the photo (see FLAGS)."""

    column: str = "has_conflicts"
    wanted: bool = True

    def clause(self):
        from catalog.models import Photo

        value = getattr(Photo, self.column)
        if self.column == "missing_since":
            return value.is_not(None) if self.wanted else value.is_(None)
        return value.is_(True) if self.wanted else value.is_(False)


@dataclass(eq=False, repr=False)
class VariantsTerm(Term):
    """`variants:yes` / `variants:no`: the photo has (or has no) copy in the catalogue (a variant group)."""

    wanted: bool = True

    def clause(self):
        from sqlalchemy import not_

        from catalog.models import Photo
        from catalog.variants import grouped_ids

        found = Photo.id.in_(grouped_ids())
        return found if self.wanted else not_(found)


@dataclass(eq=False, repr=False)
class SimilarTerm(Term):
    """`similar:PHOTO`: the photos like one photo (its id or file), ranked by distance. The search planner
    finds them through the fingerprint index and fills `ranked` with (id, distance), closest first."""

    ref: str = ""
    ranked: list[tuple[int, float]] | None = None

    def clause(self):
        from catalog.models import Photo

        return Photo.id.in_([photo_id for photo_id, _ in self.ranked or []])


@dataclass(eq=False, repr=False)
class WordsTerm(Term):
    """Bare words: all of them must occur in the full-text index (a quoted group as a phrase)."""

    words: list[str] = field(default_factory=list)
    phrase: bool = False

    def clause(self):  # the Library builds the full-text clause, which differs per database
        raise NotImplementedError


@dataclass(eq=False, repr=False)
class Query:
    """A parsed search: the terms to AND together, the full-text words, and an optional `near:`."""

    terms: list[Term] = field(default_factory=list)
    words: list[WordsTerm] = field(default_factory=list)
    near: Near | None = None

    @property
    def has_words(self) -> bool:
        return any(not w.negated for w in self.words)


def check(args: list[str]) -> None:
    """Raise the QueryError that `parse` would, for anything but a place that only the gazetteer can locate:
    a command checks its terms before it opens the catalogue, so a typo is a usage error even there is
    no catalogue to search.

    >>> check(["in:Gansu", "taken:2025-13"])
    Traceback (most recent call last):
    ...
    catalog.errors.QueryError: cannot understand search term 'taken:2025-13': ...
    """
    parse(args, locate=False)


def split_terms(args: list[str]) -> list[str]:
    """Shell arguments -> terms. `by:Zhang Dagang` stays one term; `'by:"Zhang Dagang" in:Hefei'` is two."""
    terms: list[str] = []
    for arg in args:
        if '"' in arg or _EMBEDDED_FIELD.search(arg):
            try:
                terms.extend(shlex.split(arg))
            except ValueError as error:
                raise QueryError(arg, f"{error} (a quote is not closed)") from error
        elif arg.strip():
            terms.append(arg.strip())
    return terms


def fields_of(args: list[str]) -> set[str]:
    """The fields the terms name, for a caller choosing how to answer them.

    >>> sorted(fields_of(["in:Gansu", "-used:yes", "train", 'by:"Li Xin" near:Hefei']))
    ['by', 'in', 'near', 'used']
    """
    return {match[2] for match in map(_FIELD_TERM.match, split_terms(args)) if match}


def parse(args: list[str], *, gazetteer=None, place_keys=None, today: date | None = None, locate: bool = True,
          at: datetime | None = None) -> Query:
    """Parse search arguments into a Query; raises QueryError pointing at the first bad term.

    `place_keys(name)` gives the entity keys a typed place name can mean (a catalog.place_entities.PlaceKeys,
    see catalog.entities.search_keys); without it places match as stated. `gazetteer` locates `near:` places;
    `at` is the moment `embargoed:` and `restricted:` judge embargoes at (naive UTC; None: now).

    >>> [type(t).__name__ for t in parse(["in:Gansu", "taken:2025-08"]).terms]
    ['PlaceTerm', 'DateTerm']
    """
    from catalog.place_keys import fold  # not catalog.places: it loads the whole gazetteer module

    query = Query()
    near_text: str | None = None
    within_km: float | None = None
    for text in split_terms(args):
        if (why := not_utf8(text)) is not None:
            raise QueryError(text, why)
        if text.startswith("--"):
            raise QueryError(
                text, "this is not an option of this command (see --help); to search for it, drop the dashes"
            )
        match = _FIELD_TERM.match(text)
        if not match or match[2] not in FIELDS:
            if match and not match[1] and match[2] not in FIELDS and " " not in match[2]:
                raise QueryError(text, f"unknown field {match[2]!r}; fields are {', '.join(sorted(FIELDS))}")
            negated = text.startswith("-") and len(text) > 1
            body = text[1:] if negated else text
            words = [w for w in re.findall(r"\w+", fold(body))]
            if not words:
                raise QueryError(text, "no letters or digits to search for")
            query.words.append(WordsTerm(text, negated, words=words, phrase=len(words) > 1))
            continue
        negated, name, value = bool(match[1]), match[2], match[3].strip().strip('"').strip()
        if not value:
            raise QueryError(text, f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
        if name == "near":
            near_text = value
            continue
        if name == "within":
            from catalog.query_near import distance  # here: most searches measure no distance

            within_km = distance(text, value)
            continue
        if not _alternatives(value):  # "by:," or "in: , ": commas and nothing else
            raise QueryError(text, f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
        if name in DESK_FIELDS:
            from catalog.query_desk import desk_term

            query.terms.append(desk_term(text, negated, name, value, at))
            continue
        query.terms.append(_field_term(text, negated, name, value, place_keys, today, fold))
    if within_km is not None and near_text is None:
        raise QueryError(f"within:{within_km:g}km", "within: needs a near: term to measure from")
    if near_text is not None and locate:
        from catalog.query_near import near

        query.near = near(near_text, within_km or DEFAULT_WITHIN_KM, gazetteer)
    return query


_EXAMPLES = {
    "in": "in:Gansu", "city": "city:Hefei", "province": "province:Anhui", "state": "state:Oregon",
    "country": "country:China", "sublocation": "sublocation:Luogang Park", "at": "at:Luogang Park",
    "shown": "shown:Earth", "taken": "taken:2025-10", "released": "released:2025-10-01",
    "by": 'by:"Zhang Dagang"', "credit": "credit:Xinhua", "keyword": "keyword:aircraft",
    "conflicts": "conflicts:yes", "missing": "missing:yes", "damaged": "damaged:yes",
    "near": "near:Hefei", "within": "within:50km", "restricted": "restricted:yes", "embargoed": "embargoed:yes",
    "ai": "ai:yes", "c2pa": "c2pa:valid", "used": 'used:"Hefei flying car"', "killed": "killed:yes",
    "similar": "similar:12", "variants": "variants:yes",
}


#: The entity level each place field matches (`in:` and `shown:` match every level; `sublocation:` none).
ENTITY_LEVELS = {"city": "city", "province": "province", "state": "province", "country": "country"}


def _field_term(text, negated, name, value, place_keys, today, fold) -> Term:
    if name in PLACE_FIELDS or name == "shown":
        return _place_term(text, negated, name, value, place_keys, fold)
    if name in ("taken", "released"):
        try:
            start, end = parse_query_date(value, today)
        except DateError as error:
            raise QueryError(text, str(error)) from error
        return DateTerm(text, negated, column=name, start=start, end=end)
    if name in ("by", "credit"):
        return TokenTerm(text, negated, groups=[_token_group(text, name, one) for one in _alternatives(value)])
    if name == "keyword":
        return LikeTerm(text, negated, column=name, values=[fold(v) for v in _alternatives(value)])
    if name == "similar":
        return SimilarTerm(text, negated, ref=value)
    if name in FLAGS or name == "variants":
        lowered = value.lower()
        if name == "variants":
            if lowered not in ("yes", "no", "true", "false", "1", "0"):
                raise QueryError(text, "variants: takes yes or no")
            return VariantsTerm(text, negated, wanted=lowered in ("yes", "true", "1"))
        if lowered not in ("yes", "no", "true", "false", "1", "0"):
            raise QueryError(text, f"{name}: takes yes or no")
        return FlagTerm(text, negated, column=FLAGS[name], wanted=lowered in ("yes", "true", "1"))
    raise QueryError(text, f"unknown field {name!r}")  # pragma: no cover - FIELDS and this list agree


def _place_term(text, negated, name, value, place_keys, fold) -> PlaceTerm:
    """A place term: the entities each typed name means, or the name as stated where the gazetteer knows none.

    `in:USA` → keys ["country:US"]; `in:Georgia` → the country and the US state, with their labels for the
    match note; `city:Portland` → every city of that name; `in:"Luogang Park"` → the stated sublocation.
    """
    level = ENTITY_LEVELS.get(name)
    keys: list[str] = []
    names: list[str] = []
    sublocations: list[str] = []
    unplaced: list[str] = []
    unknown: list[tuple[str, bool]] = []
    meanings: list[tuple[str, str, str]] = []
    for one in _alternatives(value):
        found = place_keys(one) if place_keys is not None and name not in ("sublocation", "at") else None
        wanted = (found.at(level) if level else found.all) if found is not None else frozenset()
        if found is None or not wanted:
            names.append(fold(one))
            if found is not None:
                unknown.append((one, bool(found.all)))
            continue
        keys.extend(wanted)
        unplaced.append(fold(one))
        if name in ("in", "shown"):  # a venue is never an entity: "in:Paris" also finds a sublocation "Paris"
            sublocations.append(fold(one))
        chosen = [m for m in found.meanings if m.key in wanted]
        if (found.ambiguous if not level else len(chosen) > 1):
            meanings.extend((one, m.key, m.label) for m in chosen)
    kinds = ("shown",) if name == "shown" else ("taken", "shown") if name == "in" else ("taken",)
    return PlaceTerm(text, negated, names=sorted(set(names)), levels=PLACE_FIELDS.get(name), kinds=kinds,
                     keys=sorted(set(keys)), sublocations=sorted(set(sublocations)), meanings=meanings,
                     unplaced=sorted(set(unplaced)), unknown=list(dict.fromkeys(unknown)))


def _token_group(text: str, name: str, value: str) -> list[tuple[str, str]]:
    """The (role, token) pairs one typed name must all match: `by:"dagang zhang"` → the photographer's tokens
    zhang and dagang; `credit:AP` → the agency AP of the registry; `credit:"Big Newspaper"` → the words big
    and newspaper anywhere in the credit fields."""
    from catalog.people import name_tokens

    if name == "credit":
        from catalog.agencies import agency

        found = agency(value)
        if found is not None:
            return [("agency", found.key)]
    tokens = sorted(name_tokens(value))
    if not tokens:
        raise QueryError(text, f"{name}: needs a name with letters, e.g. {_EXAMPLES[name]}")
    return [("photographer" if name == "by" else "credit", token) for token in tokens]


def _alternatives(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
