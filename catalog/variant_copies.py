"""A variant group's copies as the desk sees them: the copy to run, what each carries, how their captions differ.

catalog.variants finds copies of one picture and keeps them in groups; this module is what `catalog variants`,
the contact sheet's group page and the JSON's `variants` show of a group. Each copy comes with the restrictions
its import stored; the copy to run is the first by the house rules' `best` order (catalog.variants.BEST_RULES:
unrestricted, largest, fullest caption, earliest); every other copy's caption is compared with the chosen one's
word by word, so a corrected place name or a dropped credit shows at a glance.

>>> changes = caption_diff("Fans in Hefei, Anhui, on May 3.", "Fans in Lanzhou, Gansu, on May 3.")
>>> caption_diff_text(changes)
'Fans in [-Hefei, Anhui,-]{+Lanzhou, Gansu,+} on May 3.'
>>> unchanged(changes), unchanged(caption_diff("Same words.", "Same words."))
(False, True)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from catalog.models import Photo, VariantFingerprint
from catalog.patterns import compiled
from catalog.variant_rules import BEST_RULES, variant_rules
from catalog.variants import UpToDate, bring_up_to_date, groups_of, members

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from catalog.library import Library


# --- the copies of a group, and the one to run --------------------------------------------------------------------

@dataclass
class Copy:
    """One copy in a group: the photo, its restrictions (as stored), and whether it is the best."""

    photo: Photo
    restrictions: list = field(default_factory=list)
    best: bool = False


@dataclass(frozen=True)
class Restriction:
    """One restriction a copy carries, as the import stored it (catalog.metadata.restrictions)."""

    kind: str
    text: str


def restrictions_of(photo: Photo) -> list[Restriction]:
    """The restrictions stored with a photo (photo.restrictions: its file's rights fields and caption)."""
    return [Restriction(str(r.get("kind", "other")), str(r.get("text", ""))) for r in (photo.restrictions or [])]


def choose_best(copies: list[Copy], best: tuple[str, ...]) -> Copy:
    """Mark and return the copy to run: the first by the house rules' `best` order.

    >>> from types import SimpleNamespace as S
    >>> small = Copy(S(id=1, width=600, height=400, caption="A", imported_at=1))
    >>> large = Copy(S(id=2, width=3000, height=2000, caption="A", imported_at=2))
    >>> choose_best([small, large], ("largest",)).photo.id
    2
    """
    chosen = min(copies, key=lambda copy: tuple(BEST_RULES[name][1](copy) for name in best))
    for copy in copies:
        copy.best = copy is chosen
    return chosen


def group_copies(session: Session, group: int, best: tuple[str, ...]) -> list[Copy]:
    """The copies of a group, the best first, then by id."""
    photos = list(session.scalars(select(Photo).where(Photo.id.in_(members(session, group)))))
    copies = [Copy(photo, restrictions_of(photo)) for photo in photos]
    if not copies:
        return []
    chosen = choose_best(copies, best)
    return [chosen] + sorted((c for c in copies if c is not chosen), key=lambda c: c.photo.id)


def best_of_groups(session: Session, groups: Iterable[int], best: tuple[str, ...]) -> dict[int, int]:
    """group -> the id of its best copy (for the JSON's `variants.best`)."""
    return {group: copies[0].photo.id for group in set(groups) if (copies := group_copies(session, group, best))}


@dataclass
class Group:
    """A variant group as `catalog variants` lists it: its copies, the best first."""

    id: int
    copies: list[Copy]

    @property
    def best(self) -> Copy:
        return self.copies[0]


def list_groups(library: Library, args: list[str], *, workers: int | None = None,
                progress: dict | None = None) -> tuple[list[Group], UpToDate]:
    """The variant groups that hold a photo the terms select (every group without terms), largest first,
    after bringing the catalogue up to date; each group's copies with their restrictions, the best first."""
    report = bring_up_to_date(library, workers=workers, **(progress or {}))
    rules = variant_rules(library.rules)
    vf = VariantFingerprint.__table__.c
    with library.session() as session:
        shared = select(vf.group_id).where(vf.group_id.is_not(None)).group_by(vf.group_id).having(func.count() > 1)
        query = select(vf.group_id, func.count()).where(vf.group_id.in_(shared))
        if args:
            query = query.where(vf.group_id.in_(select(vf.group_id).where(vf.photo_id.in_(library.matching_ids(args)))))
        found = session.execute(query.group_by(vf.group_id).order_by(func.count().desc(), vf.group_id)).all()
        groups = [Group(group, group_copies(session, group, rules.best)) for group, _ in found]
    return [group for group in groups if len(group.copies) > 1], report


def annotate(session: Session, photos: list[Photo], best: tuple[str, ...]) -> None:
    """Set each photo's `variant_info` (the JSON's "variants"): {"group", "of", "best"}, or None when the
    photo has no copy in the catalogue. One query for a page without groups."""
    info = groups_of(session, [photo.id for photo in photos]) if photos else {}
    bests = best_of_groups(session, {group for group, _ in info.values()}, best) if info else {}
    for photo in photos:
        found = info.get(photo.id)
        photo.variant_info = {"group": found[0], "of": found[1], "best": bests.get(found[0])} if found else None


# --- caption differences between copies ---------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One run of words: the same in both captions ("same"), only in the first ("removed"), only in the
    second ("added"), or replaced ("changed": `old` in the first, `new` in the second)."""

    kind: str
    old: str
    new: str


_WORD = compiled(r"\s+|[^\s]+")


def caption_diff(a: str | None, b: str | None) -> list[Change]:
    """The word-by-word difference between two captions, as runs a table or a page can colour.

    Whitespace is kept with the words, so joining `old` of every run gives `a` back, and `new` gives `b`.

    >>> for change in caption_diff("Crowds gather in Hefei, Anhui.", "Crowds gather in Lanzhou, Gansu."):
    ...     print(change.kind, repr(change.old), repr(change.new))
    same 'Crowds gather in ' 'Crowds gather in '
    changed 'Hefei, Anhui.' 'Lanzhou, Gansu.'
    """
    old_tokens = _WORD.findall(a or "")
    new_tokens = _WORD.findall(b or "")
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])
        kind = {"equal": "same", "delete": "removed", "insert": "added", "replace": "changed"}[tag]
        if changes and kind != "same" and changes[-1].kind != "same":
            last = changes.pop()  # two neighbouring differences read as one change
            changes.append(Change("changed", last.old + old, last.new + new))
        else:
            changes.append(Change(kind, old, new))
    return _joined(changes)


def _joined(changes: list[Change]) -> list[Change]:
    """Two changes with only a space between them read as one ("Hefei, Anhui" -> "Lanzhou, Gansu")."""
    out: list[Change] = []
    for change in changes:
        if (change.kind != "same" and len(out) >= 2 and out[-1].kind == "same" and not out[-1].old.strip()
                and out[-2].kind != "same"):
            space, before = out.pop(), out.pop()
            change = Change("changed", before.old + space.old + change.old, before.new + space.new + change.new)
        out.append(change)
    return out


def caption_diff_text(changes: list[Change]) -> str:
    """The difference on one line for a terminal: removed words in [-...-], added ones in {+...+}.

    >>> caption_diff_text(caption_diff("Taken on May 3.", "Taken on May 4."))
    'Taken on May [-3.-]{+4.+}'
    """
    parts = []
    for change in changes:
        if change.kind == "same":
            parts.append(change.old)
            continue
        if change.old.strip():
            parts.append(f"[-{change.old}-]")
        if change.new.strip():
            parts.append(f"{{+{change.new}+}}")
    return "".join(parts)


def unchanged(changes: list[Change]) -> bool:
    return all(change.kind == "same" for change in changes)



__all__ = [
    "Change",
    "Copy",
    "Group",
    "Restriction",
    "annotate",
    "best_of_groups",
    "caption_diff",
    "caption_diff_text",
    "choose_best",
    "group_copies",
    "list_groups",
    "restrictions_of",
    "unchanged",
]
