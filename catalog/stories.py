"""Stories: named, ordered lists of photos (the pictures of one article), and where each photo has run.

A story is made by adding photos to it; each use is kept with when it was added, so `catalog show PHOTO`
and `catalog search used:STORY` tell where a picture ran, and a kill lists every story it must come out of.
Positions count from 1; adding at a position moves the photos after it down.

>>> add(lib, "Hefei flying car", ["hefei-aircraft.jpg", "gansu-bullet-train.jpg"])   # doctest: +SKIP
>>> add(lib, "Hefei flying car", ["tianwen2-probe.jpg"], at=1)                      # doctest: +SKIP
>>> [entry.photo.path.rsplit("/", 1)[-1] for entry in entries(lib, "hefei flying car")]  # doctest: +SKIP
['tianwen2-probe.jpg', 'hefei-aircraft.jpg', 'gansu-bullet-train.jpg']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select

from catalog.chunks import chunks
from catalog.errors import NotFound, UsageError
from catalog.models import Kill, Photo, Story, StoryPhoto

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from catalog.library import Library

#: The longest story name kept (a headline's length).
MAX_NAME = 200


@dataclass
class StoryChange:
    """What `add` or `remove` did: the story, and the photos added, moved, left as they were or removed."""

    story: str
    added: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    deleted: bool = False
    #: Photos forgotten between being named and being added (a use would refer to no photo).
    gone: list[str] = field(default_factory=list)


@dataclass
class StorySummary:
    """One line of `story list`."""

    name: str
    photos: int
    created_at: datetime
    updated_at: datetime


@dataclass
class Entry:
    """One photo of a story, where it stands, when it was added, and what stands in its way."""

    position: int
    photo: Photo
    added_at: datetime
    status: list[str] = field(default_factory=list)
    kill: dict[str, Any] | None = None


@dataclass
class Use:
    """A story a photo is in (for `show`)."""

    story: str
    position: int
    added_at: datetime


def story_name(name: str) -> str:
    """A story's name as kept: words separated by single spaces; a usage error for an empty or long one."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UsageError("a story needs a name, e.g. \"Hefei flying car\"")
    if len(cleaned) > MAX_NAME:
        raise UsageError(f"a story's name is at most {MAX_NAME} characters")
    return cleaned


def _find(session: Session, name: str) -> Story | None:
    """The story of this name: exactly, else the one whose name differs only in case."""
    story = session.scalar(select(Story).where(Story.name == name))
    if story is None:
        matches = list(session.scalars(select(Story).where(func.lower(Story.name) == name.lower())))
        story = matches[0] if len(matches) == 1 else None
    return story


def _require(session: Session, name: str) -> Story:
    story = _find(session, story_name(name))
    if story is None:
        raise NotFound(f"there is no story {name!r} (`catalog story list` lists them; `catalog story add` makes one)")
    return story


def add(library: Library, name: str, refs: list[str], *, at: int | None = None) -> StoryChange:
    """Add photos (paths, names or ids) to a story, made if it does not exist: at the end, or from position
    `at` (1 is first). A photo already in the story stays where it is, unless `at` is given: then it moves."""
    name = story_name(name)
    if not refs:
        raise UsageError("name the photos to add (paths, file names or ids)")
    if at is not None and at < 1:
        raise UsageError("--at counts from 1 (--at 1 puts the photos first)")
    photos = _photos(library, refs)

    def change(session: Session) -> StoryChange:
        now = datetime.now()
        catalogued = {photo_id for chunk in chunks([photo.id for photo in photos], 500)
                      for photo_id in session.scalars(select(Photo.id).where(Photo.id.in_(chunk)))}
        gone = [photo.path for photo in photos if photo.id not in catalogued]  # forgotten meanwhile
        story = _find(session, name)
        if story is None:
            if not catalogued:  # nothing to add: no empty story is made
                return StoryChange(name, gone=gone)
            story = Story(name=name, created_at=now, updated_at=now)
            session.add(story)
            session.flush()
        rows = list(session.scalars(select(StoryPhoto).where(StoryPhoto.story_id == story.id)
                                    .order_by(StoryPhoto.position)))
        present = {row.photo_id: row for row in rows}
        report = StoryChange(story.name, gone=gone)
        order = [row.photo_id for row in rows]
        incoming = []
        for photo in photos:
            if photo.id not in catalogued:
                continue
            if photo.id in present:
                if at is None:
                    report.already.append(photo.path)
                    continue
                order.remove(photo.id)
                report.moved.append(photo.path)
            else:
                session.add(StoryPhoto(story_id=story.id, photo_id=photo.id, position=0, added_at=now))
                report.added.append(photo.path)
            incoming.append(photo.id)
        start = len(order) if at is None else min(at - 1, len(order))
        order[start:start] = incoming
        session.flush()
        renumber(session, story.id, order)
        if report.added or report.moved:
            story.updated_at = now
        return report

    return library.write(change)


def renumber(session: Session, story_id: int, order: list[int]) -> None:
    """Give the story's photos the positions 1.. in `order`."""
    rows = {row.photo_id: row for row in session.scalars(select(StoryPhoto).where(StoryPhoto.story_id == story_id))}
    for position, photo_id in enumerate(order, start=1):
        rows[photo_id].position = position


def remove(library: Library, name: str, refs: list[str], *, whole: bool = False) -> StoryChange:
    """Take photos out of a story (the others close up), or delete the whole story when `whole`."""
    if not refs and not whole:
        raise UsageError("name the photos to take out of the story, or give --all to delete the story")
    if refs and whole:
        raise UsageError("give the photos to take out, or --all, not both")
    photos = _photos(library, refs) if refs else []

    def change(session: Session) -> StoryChange:
        story = _require(session, name)
        report = StoryChange(story.name)
        if whole:
            session.execute(delete(Story).where(Story.id == story.id))
            report.deleted = True
            return report
        rows = {row.photo_id: row for row in session.scalars(select(StoryPhoto).where(StoryPhoto.story_id == story.id))}
        for photo in photos:
            row = rows.pop(photo.id, None)
            if row is None:
                report.already.append(photo.path)
                continue
            session.delete(row)
            report.removed.append(photo.path)
        session.flush()
        renumber(session, story.id, [row.photo_id for row in sorted(rows.values(), key=lambda r: r.position)])
        if report.removed:
            story.updated_at = datetime.now()
        return report

    return library.write(change)


def list_stories(library: Library) -> list[StorySummary]:
    """Every story, most recently changed first, with how many photos it holds."""
    with library.session() as session:
        counts = dict(session.execute(select(StoryPhoto.story_id, func.count()).group_by(StoryPhoto.story_id)).all())
        stories = session.scalars(select(Story).order_by(Story.updated_at.desc(), Story.name))
        return [StorySummary(s.name, counts.get(s.id, 0), s.created_at, s.updated_at) for s in stories]


def entries(library: Library, name: str) -> list[Entry]:
    """The photos of a story in order, each with its status (see `status`) at `library.as_of` (None: now)."""
    from catalog.rights import in_force, now

    at = library.as_of or now()
    with library.session() as session:
        story = _require(session, name)
        rows = session.execute(select(StoryPhoto.position, StoryPhoto.added_at, Photo)
                               .join(Photo, Photo.id == StoryPhoto.photo_id)
                               .where(StoryPhoto.story_id == story.id).order_by(StoryPhoto.position)).all()
        kills = kills_of(session, [photo.id for _, _, photo in rows])
    found = []
    for position, added_at, photo in rows:
        entry = Entry(position, photo, added_at, kill=kills.get(photo.id))
        entry.status = status(photo, entry.kill, at, in_force)
        found.append(entry)
    return found


def status(photo: Photo, kill: dict | None, at, in_force) -> list[str]:
    """What stands in a photo's way, in words for a list: "killed", "embargoed until ...", "restricted: ...",
    "missing"; empty when nothing does."""
    found = []
    restrictions = [r for r in photo.restrictions or [] if in_force(r, at)]
    if kill is not None or any(r["kind"] == "kill" for r in restrictions):
        found.append("killed")
    for restriction in restrictions:
        if restriction["kind"] == "embargo":
            found.append(f"embargoed until {restriction['until']}" if restriction.get("until") else "embargoed")
    kinds = [r["kind"] for r in restrictions if r["kind"] not in ("embargo", "kill")]
    if kinds:
        found.append("restricted: " + ", ".join(dict.fromkeys(kinds)))
    if photo.missing_since is not None:
        found.append("missing")
    return found


def kills_of(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """photo id -> its kill ({"reason", "at", "origin"}), for the photos among `ids` that are killed."""
    found = {}
    for chunk in chunks(sorted(set(ids)), 500):
        for kill in session.scalars(select(Kill).where(Kill.photo_id.in_(chunk))):
            found[kill.photo_id] = {"reason": kill.reason, "at": kill.at.isoformat(timespec="seconds"),
                                    "origin": kill.origin}
    return found


def uses(library: Library, photo_id: int) -> list[Use]:
    """The stories a photo is in, in the order it was added to them."""
    with library.session() as session:
        rows = session.execute(select(Story.name, StoryPhoto.position, StoryPhoto.added_at)
                               .join(Story, Story.id == StoryPhoto.story_id)
                               .where(StoryPhoto.photo_id == photo_id).order_by(StoryPhoto.added_at, Story.name))
        return [Use(name, position, added) for name, position, added in rows]


def stories_using(session: Session, ids: list[int]) -> dict[int, list[str]]:
    """photo id -> the names of the stories it is in, for the photos among `ids`."""
    found: dict[int, list[str]] = {}
    for chunk in chunks(sorted(set(ids)), 500):
        rows = session.execute(select(StoryPhoto.photo_id, Story.name).join(Story, Story.id == StoryPhoto.story_id)
                               .where(StoryPhoto.photo_id.in_(chunk)).order_by(Story.name))
        for photo_id, name in rows:
            found.setdefault(photo_id, []).append(name)
    return found


def photo_ids(library: Library, name: str) -> list[int]:
    """The ids of a story's photos, in story order (a NotFound for a story that does not exist)."""
    with library.session() as session:
        story = _require(session, name)
        return list(session.scalars(select(StoryPhoto.photo_id).where(StoryPhoto.story_id == story.id)
                                    .order_by(StoryPhoto.position)))


def _photos(library: Library, refs: list[str]) -> list[Photo]:
    """The photos named, each once, in the order given."""
    photos: dict[int, Photo] = {}
    for ref in refs:
        photo = library.get(ref)
        photos.setdefault(photo.id, photo)
    return list(photos.values())
