"""The desk's search terms: restrictions, embargoes, AI, Content Credentials, stories and kills.

Each term is a small query object, like those of catalog.query, that writes its own condition::

    restricted:yes               a restriction in force (an embargo counts until it ends)
    restricted:no                none in force
    restricted:editorial_only,region_out      one of these kinds, in force
    embargoed:yes                an embargo in force now (or at `catalog search --at TIME`)
    ai:yes                       the file says generative AI or an algorithm made it
    ai:no                        nothing says so (a declared capture, or no word either way)
    c2pa:valid                   C2PA Content Credentials that validate
    c2pa:invalid                 credentials that fail, or that cannot be checked
    c2pa:none                    no credentials
    used:yes  used:no            in a story, or in none
    used:"Hefei flying car"      in that story (its name, in any case)
    killed:yes  killed:no        withdrawn: by `catalog kill`, or by a kill note in the file itself

The moment an embargo is judged at is the query's `at` (naive UTC): now, unless a command was given --at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import and_, func, not_, or_, select

from catalog.errors import QueryError
from catalog.models import Kill, Photo, PhotoRestriction, Story, StoryPhoto
from catalog.query_term import Term

FIELDS = ("restricted", "embargoed", "ai", "c2pa", "used", "killed")
EXAMPLES = {
    "restricted": "restricted:yes", "embargoed": "embargoed:yes", "ai": "ai:yes", "c2pa": "c2pa:valid",
    "used": 'used:"Hefei flying car"', "killed": "killed:yes",
}
_YES, _NO = ("yes", "true", "1"), ("no", "false", "0")


def _now() -> datetime:
    """Now, as the naive UTC time restriction rows hold."""
    return datetime.now(UTC).replace(tzinfo=None)


def _in_force(at: datetime):
    """A restriction row in force at `at`: any but an embargo, or an embargo with no end or one still to come."""
    row = PhotoRestriction.__table__.c
    return or_(row.kind != "embargo", row.until.is_(None), row.until > at)


@dataclass
class DeskTerm(Term):
    """Base of the desk's terms: a Term (negation as it has it: `-restricted:yes`) whose clause is on the photo's
    own row, so its row condition and its probe are that clause too."""


@dataclass
class RestrictedTerm(DeskTerm):
    """`restricted:yes|no|KIND,...`: a restriction (of one of `kinds`) in force at `at`."""

    kinds: list[str] | None = None
    wanted: bool = True
    at: datetime = field(default_factory=lambda: _now())

    def clause(self):
        row = PhotoRestriction.__table__.c
        condition = _in_force(self.at)
        if self.kinds:
            condition = and_(row.kind.in_(self.kinds), condition)
        found = Photo.id.in_(select(row.photo_id).where(condition))
        return found if self.wanted else not_(found)


@dataclass
class EmbargoedTerm(DeskTerm):
    """`embargoed:yes|no`: an embargo with no end, or one that ends after `at`."""

    wanted: bool = True
    at: datetime = field(default_factory=lambda: _now())

    def clause(self):
        row = PhotoRestriction.__table__.c
        found = Photo.id.in_(select(row.photo_id).where(
            row.kind == "embargo", or_(row.until.is_(None), row.until > self.at)))
        return found if self.wanted else not_(found)


@dataclass
class AiTerm(DeskTerm):
    """`ai:yes|no` (see the module docstring)."""

    wanted: bool = True

    def clause(self):
        return Photo.ai.is_(True) if self.wanted else or_(Photo.ai.is_(None), Photo.ai.is_(False))


@dataclass
class C2paTerm(DeskTerm):
    """`c2pa:valid|invalid|none`."""

    state: str = "valid"

    def clause(self):
        valid = Photo.c2pa["valid"].as_boolean()
        if self.state == "none":
            return Photo.c2pa.is_(None)
        if self.state == "valid":
            return and_(Photo.c2pa.is_not(None), valid.is_(True))
        return and_(Photo.c2pa.is_not(None), or_(valid.is_(None), valid.is_(False)))


@dataclass
class UsedTerm(DeskTerm):
    """`used:yes|no|STORY,...`: in any story, in none, or in one of these (by name, in any case)."""

    stories: list[str] | None = None
    wanted: bool = True

    def clause(self):
        used = select(StoryPhoto.photo_id)
        if self.stories:
            named = select(Story.id).where(func.lower(Story.name).in_([name.lower() for name in self.stories]))
            used = used.where(StoryPhoto.story_id.in_(named))
        found = Photo.id.in_(used)
        return found if self.wanted else not_(found)


@dataclass
class KilledTerm(DeskTerm):
    """`killed:yes|no`: withdrawn by `catalog kill`, or by a kill note the file itself carries."""

    wanted: bool = True

    def clause(self):
        row = PhotoRestriction.__table__.c
        found = or_(Photo.id.in_(select(Kill.photo_id)), Photo.id.in_(select(row.photo_id).where(row.kind == "kill")))
        return found if self.wanted else not_(found)


def desk_term(text: str, negated: bool, name: str, value: str, at: datetime | None) -> DeskTerm:
    """The term `name:value` (name one of FIELDS); `at` is the moment for embargoes (naive UTC; None: now)."""
    at = at or _now()
    lowered = value.strip().lower()
    if name in ("embargoed", "ai", "killed"):
        if lowered not in _YES + _NO:
            raise QueryError(text, f"{name}: takes yes or no")
        wanted = lowered in _YES
        if name == "embargoed":
            return EmbargoedTerm(text, negated, wanted=wanted, at=at)
        return (AiTerm if name == "ai" else KilledTerm)(text, negated, wanted=wanted)
    if name == "c2pa":
        if lowered not in ("valid", "invalid", "none"):
            raise QueryError(text, "c2pa: takes valid, invalid or none")
        return C2paTerm(text, negated, state=lowered)
    values = [part.strip() for part in value.split(",") if part.strip()]
    if name == "restricted":
        if lowered in _YES + _NO:
            return RestrictedTerm(text, negated, wanted=lowered in _YES, at=at)
        from catalog.metadata.restrictions import KINDS

        kinds = [part.lower().replace("-", "_").replace(" ", "_") for part in values]
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            raise QueryError(text, f"restricted: takes yes, no or a kind of restriction: {', '.join(KINDS)}")
        return RestrictedTerm(text, negated, kinds=kinds, at=at)
    if name == "used":
        if lowered in _YES + _NO:
            return UsedTerm(text, negated, wanted=lowered in _YES)
        return UsedTerm(text, negated, stories=values)
    raise QueryError(text, f"unknown field {name!r}")  # pragma: no cover - FIELDS and this list agree
