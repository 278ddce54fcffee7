"""Editing by hand: set any field of one or many photos, go back to what the file says, forget records.

What a person sets is kept in the photo's `manual` values, by JSON field path, with when it was set; it
outranks the file from then on, survives re-imports, and travels with the photo when its file is moved or
renamed. `catalog show` lists the file's own value beside it as a disagreeing copy.

>>> set_fields(lib, ["a.jpg"], {"credit.photographer": "Jane Smith", "location.city": "Hefei"})  # doctest: +SKIP
>>> revert_fields(lib, ["a.jpg"], ["credit.photographer"])                                       # doctest: +SKIP
>>> forget(lib, ["b.jpg"])                                                                       # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import delete, select, update

from catalog.ctrl_c import BetweenItems
from catalog.errors import CatalogError, NotFound, UsageError, typed_text
from catalog.models import Photo
from catalog.records import EDITABLE

if TYPE_CHECKING:
    from catalog.library import Library

#: Short names a person may type for the field paths: `set a.jpg city=Hefei` = `location.city=Hefei`.
SHORT_NAMES = {
    "photographer": "credit.photographer", "byline": "credit.photographer", "credit": "credit.line",
    "agency": "credit.agency", "provider": "credit.provider", "source": "credit.source",
    "copyright": "credit.copyright", "sublocation": "location.sublocation", "city": "location.city",
    "province": "location.province", "state": "location.province", "country": "location.country",
    "country_code": "location.country_code", "lat": "location.lat", "lon": "location.lon",
}


@dataclass
class EditReport:
    """What an edit did: the photos changed, and those that could not be (with why)."""

    changed: list[Photo] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: How many photos were to be changed, and whether Ctrl-C stopped the edit before the last of them (each
    #: photo is changed in a transaction of its own: those before it are changed, the others as they were).
    wanted: int = 0
    interrupted: bool = False


def field_path(name: str, doing: str = "set") -> str:
    """The JSON field path a typed field name means; a usage error naming the fields for any other, saying what was
    asked (`doing`: "set", or "revert" for `set --revert`)."""
    path = SHORT_NAMES.get(name.strip().lower(), name.strip().lower())
    if path not in EDITABLE:
        raise UsageError(f"cannot {doing} {name!r}: the fields are {', '.join(EDITABLE)} "
                         f"(or {', '.join(sorted(SHORT_NAMES))})")
    return path


def parse_assignment(text: str) -> tuple[str, Any]:
    """'location.city=Hefei' -> ('location.city', 'Hefei'), the value checked and shaped for its field.

    >>> parse_assignment("taken=2025-10-14"), parse_assignment("keywords=aircraft; Hefei")
    (('taken', '2025-10-14'), ('keywords', ['aircraft', 'Hefei']))
    """
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"{text!r}: write FIELD=VALUE, e.g. credit.photographer=\"Jane Smith\"")
    path = field_path(name)
    return path, value_for(path, value)


def parse_assignments(texts) -> dict[str, Any]:
    """Every FIELD=VALUE of one `catalog set`, by field; a field given twice (under either of its names) is a
    usage error rather than the last value silently winning.

    >>> parse_assignments(["city=Hefei", "credit.agency=AP"])
    {'location.city': 'Hefei', 'credit.agency': 'AP'}
    >>> parse_assignments(["city=Hefei", "location.city=Lanzhou"])
    Traceback (most recent call last):
    catalog.errors.UsageError: location.city is given twice ('Hefei' and 'Lanzhou'); give it once
    """
    values: dict[str, Any] = {}
    given: dict[str, str] = {}
    for text in texts:
        path, value = parse_assignment(text)
        written = text.partition("=")[2].strip()
        if path in values:
            raise UsageError(f"{path} is given twice ({given[path]!r} and {written!r}); give it once")
        values[path], given[path] = value, written
    return values


def value_for(path: str, text: str) -> Any:
    """A typed value as the field keeps it: text trimmed, dates in ISO form, degrees as numbers, keywords
    as a list."""
    kind = EDITABLE[path][1]
    text = typed_text(text, f"{path}={text}").strip()
    if not text:
        raise UsageError(f"{path}= needs a value; to go back to what the file says use --revert {path}")
    if kind == "list":
        words = [word.strip() for word in re.split(r"[;,]", text) if word.strip()]
        if not words:
            raise UsageError(f"{path}= needs at least one word")
        return words
    if kind == "date":
        return _date(path, text)
    if kind == "degrees":
        try:
            number = float(text)
        except ValueError:
            raise UsageError(f"{path}={text}: a number of degrees, e.g. 31.8206") from None
        limit = 90 if path.endswith("lat") else 180
        if not -limit <= number <= limit:
            raise UsageError(f"{path}={text}: must be within ±{limit}")
        return number
    if kind == "code":
        if not re.fullmatch(r"[A-Za-z]{2,3}", text):
            raise UsageError(f"{path}={text}: a country code, e.g. CN or CHN")
        if text.upper() not in _country_codes():
            # Stored, it outranked the file's code for good, and `write` put it in IIM 2:100 and XMP CountryCode,
            # where every agency's system reads a country from it ("UK" is no code: Britain is GB).
            raise UsageError(f"{path}={text}: no country has this code in ISO 3166-1 (two letters such as CN or "
                             f"GB, or three such as CHN)")
        return text.upper()
    return text


def _country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 and alpha-3 code, and Kosovo's (XK, XKX: user-assigned, but what IPTC, the
    agencies and the EU use)."""
    from catalog.metadata.countries import by_code

    return frozenset(by_code()) | {"XK", "XKX"}


def _date(path: str, text: str) -> str:
    """An ISO date at the precision given (2025, 2025-10, 2025-10-14, 2025-10-14T10:32+08:00), or a date as
    people write it ("Oct. 14, 2025")."""
    from catalog.dates import DateError, parse_query_date, span

    if span(text)[0] and re.match(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?)?)?$", text):
        iso = text.replace(" ", "T", 1)
        if "T" in iso:
            _real_time(path, text, iso)
        return iso
    try:
        first, last = parse_query_date(text)
    except DateError as error:
        raise UsageError(f"{path}={text}: {error}") from None
    if first is None or first != last:
        raise UsageError(f"{path}={text}: give one day, month or year (2025-10-14, 2025-10, 2025)")
    return first


#: The farthest any time zone is from UTC, either way (Kiribati's +14:00, Baker Island's -12:00 within it).
_FARTHEST_OFFSET = 14 * 3600


def _real_time(path: str, text: str, iso: str) -> None:
    """Refuse a time of day that no clock shows (25:00, 10:75) or an offset that no time zone has (+25:00, a slip
    for +05:00): both were stored as typed, and the value sorted, read and compared as another date."""
    zone = re.search(r"([+-])(\d{2}):?(\d{2})$", iso)
    try:
        datetime.fromisoformat(iso[:zone.start()] if zone else iso.removesuffix("Z"))
    except ValueError:
        raise UsageError(f"{path}={text}: {text!r} is not a real time of day") from None
    if zone and (int(zone[3]) > 59 or int(zone[2]) * 3600 + int(zone[3]) * 60 > _FARTHEST_OFFSET):
        raise UsageError(f"{path}={text}: no time zone is that far from UTC (they run from -12:00 to +14:00)")


def set_fields(library: Library, photos: list[Photo], values: dict[str, Any]) -> EditReport:
    """Set `values` (field path -> value) by hand on each photo, and read each one again with them.

    A point is set whole: a latitude by hand counts only beside a longitude by hand (catalog.records), so
    one half given alone, on a photo without the other half set by hand, is a usage error, not ignored."""
    halves = {"location.lat", "location.lon"}
    if len(given := halves & values.keys()) == 1:
        other = (halves - given).pop()
        if lacking := [photo for photo in photos if other not in (photo.manual or {})]:
            raise UsageError(f"{given.pop()} is half of a point: give {other} with it (e.g. lat=31.8206 "
                             f"lon=117.2272); {lacking[0].path} has none set by hand")
    now = datetime.now().isoformat(timespec="seconds")
    return _edit(library, photos, lambda manual: manual.update(
        {path: {"value": value, "at": now, "by": "hand"} for path, value in values.items()}))


def revert_fields(library: Library, photos: list[Photo], paths: list[str] | None) -> EditReport:
    """Drop what a person set (the `paths` fields, or all when None), so the file's values count again."""
    def drop(manual: dict) -> None:
        for path in list(manual) if paths is None else paths:
            manual.pop(path, None)

    return _edit(library, photos, drop)


def _edit(library: Library, photos: list[Photo], change) -> EditReport:
    report = EditReport(wanted=len(photos))
    try:
        with BetweenItems() as ctrl_c:
            for photo in photos:
                if ctrl_c.pressed:
                    break
                _edit_one(library, photo, change, report)
    except KeyboardInterrupt:  # pressed twice: the photo being changed may or may not be done
        ctrl_c.pressed = True
    report.interrupted = ctrl_c.pressed
    return report


def _edit_one(library: Library, photo: Photo, change, report: EditReport) -> None:
    from catalog.importer import reimport_one

    # The change and the record read again with it are stored together (a kill between the two left
    # values the record ignored, found by no search and never applied by a later import of the
    # unchanged file), and made to the values as they are then, not as they were when the photos were
    # selected (a value another person set meanwhile was overwritten).
    try:
        done = reimport_one(library, photo.file_path, None, change)
        reason = done.failures[0].reason if done.failures else None
    except CatalogError as error:  # the file is gone: the values are kept, and count when it is back
        reason = str(error)
    if reason is None:
        try:
            report.changed.append(library.get(photo.id))
            return
        except NotFound:
            reason = "forgotten meanwhile"
    if _change_alone(library, photo.id, change):
        report.failures.append((photo.path, f"kept, but not applied: {reason}"))
    else:  # forgotten while the edit ran: there is no record to keep the values in
        report.failures.append((photo.path, "not set: the photo was forgotten meanwhile"))


def _change_alone(library: Library, pid: int, change) -> bool:
    """Make `change` to what a person set on a photo whose file cannot be read now, in one transaction;
    False when the photo is no longer catalogued."""
    def action(session) -> bool:
        row = session.execute(select(Photo.manual).where(Photo.id == pid).with_for_update()).first()
        if row is None:
            return False
        manual = dict(row[0] or {})
        change(manual)
        session.execute(update(Photo).where(Photo.id == pid).values(manual=manual or None))
        return True

    return library.write(action)


class Forgotten(NamedTuple):
    """What `forget` did: how many photos it removed, how many of them were killed (their kills kept by the
    picture's fingerprint unless dropped), and the stories they were taken out of: name -> the positions they
    had, in the story's order before (the photos after them closed up)."""

    removed: int
    killed: int
    stories: dict[str, list[int]]


def forget(library: Library, photos: list[Photo], *, drop_kills: bool = False) -> Forgotten:
    """Remove these photos' records from the catalogue (never their files).

    A killed photo's kill outlives its record: it is kept by the picture's fingerprint (KillPrint, also for the
    file's current bytes, should `write` have changed them since the kill), so the same picture imported again,
    from anywhere, comes back killed. With `drop_kills` the kill goes too (the agency lifted it, or it was made
    in error): the picture imported again comes back usable. Decided in the transaction of the delete, so a kill
    made meanwhile is kept as well.

    A story that held one of them closes up, as `story remove` does: its positions stay 1..N, with no gap where
    the photo was (a gap read as a picture still to come, or hidden); which stories and positions is returned,
    for the command to say."""
    from catalog.kills import keep_prints
    from catalog.models import Kill, KillPrint, Story, StoryPhoto
    from catalog.stories import renumber

    ids = [photo.id for photo in photos]
    if not ids:
        return Forgotten(0, 0, {})

    def remove(session) -> Forgotten:
        present = list(session.scalars(select(Photo.id).where(Photo.id.in_(ids)).with_for_update()))
        killed = session.execute(select(Photo.fingerprint, Photo.path, Kill.reason, Kill.at, Kill.origin,
                                        Kill.advisory).join(Kill, Kill.photo_id == Photo.id)
                                 .where(Photo.id.in_(present))).all()
        if drop_kills:
            session.execute(delete(KillPrint).where(KillPrint.fingerprint.in_([row.fingerprint for row in killed])))
        else:
            keep_prints(session, [row._asdict() for row in killed])
        uses = session.execute(select(Story.id, Story.name, StoryPhoto.position)
                               .join(Story, Story.id == StoryPhoto.story_id)
                               .where(StoryPhoto.photo_id.in_(present)).order_by(Story.name, StoryPhoto.position)).all()
        session.execute(delete(StoryPhoto).where(StoryPhoto.photo_id.in_(present)))
        session.execute(delete(Photo).where(Photo.id.in_(present)))
        stories: dict[str, list[int]] = {}
        now = datetime.now()
        for _, name, position in uses:
            stories.setdefault(name, []).append(position)
        for story_id in {story_id for story_id, _, _ in uses}:
            renumber(session, story_id, list(session.scalars(select(StoryPhoto.photo_id).where(
                StoryPhoto.story_id == story_id).order_by(StoryPhoto.position))))
            session.execute(update(Story).where(Story.id == story_id).values(updated_at=now))
        return Forgotten(len(present), len(killed), stories)

    return library.write(remove)


def select_photos(library: Library, refs: list[str], where: list[str] | None) -> list[Photo]:
    """The photos named (paths, names or ids), or those a search selects (`--where TERMS`)."""
    if where:
        photos = library.search(list(where)).photos
        if not photos:
            raise NotFound(f"no photo matches {' '.join(where)}")
        return photos
    if not refs:
        raise UsageError("name the photos (paths, names or ids), or select them with --where TERMS")
    return list({photo.id: photo for photo in (library.get(ref) for ref in refs)}.values())
