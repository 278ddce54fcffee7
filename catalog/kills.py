"""Kills: photos withdrawn by their agency (or by the desk), read from an advisory or given by hand.

A kill advisory is the wires' notice that a picture must not be used and must be removed where it was used.
Each agency words it its own way, but every one names the picture: by its transmission reference (IIM 2:103,
``photoshop:TransmissionReference``, which the catalogue keeps for every photo in capitals), by its file
name, or both::

    MANDATORY KILL. AP PHOTO KILL: NYAB123 ... has been eliminated ...      (AP)
    PICTURE KILL - ... REUTERS PICTURE RC2X4DA0X9YZ HAS BEEN KILLED ...     (Reuters)
    ELIMINATION - AFP PHOTO ... please eliminate the picture ref. 38XY2ZK   (AFP)

`read_advisory(text)` finds whether the text is a kill at all (it says KILL, ELIMINATE/ELIMINATION or
WITHDRAWN in capitals, or "kill"/"withdraw" as a verb, and is not a correction), the reason it gives, and every
word that could be a reference or a file name; `kill_advisory` then keeps those that name catalogued photos.

>>> advisory = read_advisory("MANDATORY KILL\\nREUTERS PICTURE RC2X4DA0X9YZ (SUDAN-POLITICS/) HAS BEEN KILLED"
...                          " BECAUSE THE IMAGE WAS DIGITALLY ALTERED.")
>>> advisory.is_kill, advisory.references
(True, ['RC2X4DA0X9YZ'])
>>> advisory.reason
'REUTERS PICTURE RC2X4DA0X9YZ (SUDAN-POLITICS/) HAS BEEN KILLED BECAUSE THE IMAGE WAS DIGITALLY ALTERED.'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from catalog.errors import CatalogError, UsageError
from catalog.models import Kill, KillPrint, Photo
from catalog.patterns import compiled

if TYPE_CHECKING:
    from catalog.library import Library

#: What makes a text a kill notice: the wires' words for it, in capitals, or the verbs in any case.
KILL_WORDS = compiled(r"\b(?:KILL(?:ED|S)?|ELIMINAT(?:E|ED|ION)|WITHDRAWN|MANDATORY\s+KILL)\b|"
                        r"\b(?i:has\s+been\s+(?:killed|withdrawn|eliminated)|please\s+(?:kill|eliminate|delete|"
                        r"remove|withdraw))\b")
#: A correction or a repeat is not a kill, even when it quotes one.
NOT_A_KILL = compiled(r"\b(?:CORRECTION|CORRECTED|CORRECTIVE|REPEAT(?:ING)?|REFILE|RETRANSMISSION)\b")
#: Why: the sentence that says so.
REASON = compiled(r"(?i)\b(?:because|due to|as (?:it|the|this)|reason|after it was|it was found|"
                    r"the (?:image|photo|picture) (?:was|is|has been))\b")
#: The longest reason a kill keeps: an advisory's is cut there, one typed by hand refused past it.
MAX_REASON = 500
#: Control characters other than white space (which reason_text turns into single spaces).
_CONTROL = compiled("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Words that may be a transmission reference: letters and digits (with - or _), at least one of each, 5-32
#: long; or any word after "ref", "reference", "transmission reference", "ID", "slug" or "transmitted as".
_CANDIDATE = compiled(r"(?<![\w.-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]{3,31}(?![\w-])")
_NAMED = compiled(r"(?i)\b(?:transmission\s+reference|reference|ref\.?|id|slug|transmitted\s+as|numbered)"
                    r"\s*[:#]?\s*[\"'“‘]?([A-Za-z0-9][\w-]{2,31})")
_FILE_NAME = compiled(r"(?i)(?<![\w/\\])([\w.-]+\.(?:jpe?g|tiff?|png|webp|heic|heif|avif|psd))\b")


@dataclass
class Advisory:
    """What an advisory says: whether it is a kill, why, and the references and file names it names."""

    text: str
    is_kill: bool
    reason: str
    #: Every word that could be a transmission reference, in capitals.
    references: list[str] = field(default_factory=list)
    file_names: list[str] = field(default_factory=list)
    #: Those the text names as a reference ("ref. 38XY2ZK", "transmission reference: NYAB123").
    named: list[str] = field(default_factory=list)


@dataclass
class KillReport:
    """What a kill did: each photo killed (or brought back) with the stories that use it, and what the
    advisory named that the catalogue does not hold."""

    killed: list[tuple[Photo, list[str]]] = field(default_factory=list)
    already: list[Photo] = field(default_factory=list)
    undone: list[Photo] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    #: Photos forgotten between being named and being killed (their kill would refer to no photo).
    gone: list[Photo] = field(default_factory=list)
    #: Ids of the photos killed as copies of a named one (the same fingerprint), also in `killed`.
    copies: set[int] = field(default_factory=set)
    reason: str = ""


def read_advisory(text: str) -> Advisory:
    """Read an advisory's text (see the module docstring)."""
    is_kill = bool(KILL_WORDS.search(text)) and not NOT_A_KILL.search(text)
    names = list(dict.fromkeys(match[1] for match in _FILE_NAME.finditer(text)))
    stems = {os.path.splitext(name)[0].upper() for name in names}
    references, named = [], []
    for match in (*_NAMED.finditer(text), *_CANDIDATE.finditer(text)):
        word = (match[1] if match.re is _NAMED else match[0]).strip("-_")
        if word.upper() in stems:  # a file name's stem is matched as the file name
            continue
        if not (any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)):
            continue
        references.append(word.upper())
        if match.re is _NAMED:
            named.append(word.upper())
    return Advisory(text, is_kill, _reason(text), list(dict.fromkeys(references)), names,
                    list(dict.fromkeys(named)))


def _reason(text: str) -> str:
    """The sentence that says why, else the first line that is not only a heading, else the first line.

    A heading is a short line that ends no sentence ("MANDATORY KILL", "ADVISORY"); the other lines are
    joined into paragraphs (advisories are wrapped) and read sentence by sentence.
    """
    units: list[str] = []
    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        heading = stripped and len(stripped.split()) <= 6 and not stripped.endswith((".", "!", "?", ":", ","))
        if not stripped or heading:
            if paragraph:
                units.extend(re.split(r"(?<=[.!?])\s+", " ".join(paragraph)))
                paragraph = []
            if heading:
                units.append(stripped)
            continue
        paragraph.append(stripped)
    for sentence in units:
        if REASON.search(sentence):
            return reason_text(sentence)[:MAX_REASON]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if len(line.split()) > 4:
            return reason_text(line)[:MAX_REASON]
    return reason_text(lines[0] if lines else "")[:MAX_REASON]


def kill(library: Library, refs: list[str], reason: str, *, origin: str = "hand",
         advisory: str | None = None) -> KillReport:
    """Mark photos (paths, names or ids) killed, with the reason; each with the stories that use it."""
    reason = reason_text(reason or "")
    if not reason:
        raise UsageError("say why with --reason (it is shown wherever the photo is listed)")
    if len(reason) > MAX_REASON:
        raise UsageError(f"a kill's reason is at most {MAX_REASON} characters (this one is {len(reason):,}): say "
                         "why in a sentence or two; nothing was killed")
    if not refs:
        raise UsageError("name the photos to kill (paths, file names or ids), or give --advisory FILE")
    photos = {photo.id: photo for photo in (library.get(ref) for ref in refs)}
    return _kill(library, list(photos.values()), reason, origin, advisory)


def reason_text(text: str) -> str:
    """A kill's reason as kept and shown: one line, its words separated by single spaces, without control
    characters (a reason is printed on a line of `check`, `show` and `story show`, where a line break split the
    finding and an escape sequence reached the terminal).

    >>> reason_text("  digitally\\n altered\\x07 ")
    'digitally altered'
    """
    return " ".join(_CONTROL.sub("", text).split())


def _kill(library: Library, photos: list[Photo], reason: str, origin: str, advisory: str | None) -> KillReport:
    from catalog.stories import stories_using

    report = KillReport(reason=reason)

    def change(session) -> None:
        report.killed.clear()
        report.already.clear()
        report.gone.clear()
        now = datetime.now()
        held = set(session.scalars(select(Kill.photo_id).where(Kill.photo_id.in_([p.id for p in photos]))))
        present = {pid: print_ for pid, print_ in session.execute(
            select(Photo.id, Photo.fingerprint).where(Photo.id.in_([p.id for p in photos])).with_for_update())}
        kept = []
        for photo in photos:
            if photo.id not in present:  # forgotten meanwhile: the others are still killed
                report.gone.append(photo)
                continue
            if photo.id in held:
                report.already.append(photo)
                continue
            session.add(Kill(photo_id=photo.id, reason=reason, at=now, origin=origin, advisory=advisory))
            kept.append({"fingerprint": present[photo.id], "reason": reason, "at": now, "origin": origin,
                         "advisory": advisory, "path": photo.path})
        keep_prints(session, kept)
        # Every other record of the same picture (a copy in another folder, the same file from a second wire feed)
        # is withdrawn with it: the picture is killed, not the record, as kill_print keeps it for copies to come.
        prints = [row["fingerprint"] for row in kept if row["fingerprint"]]
        copies = list(session.scalars(
            select(Photo).where(Photo.fingerprint.in_(prints), Photo.id.not_in(list(present)),
                                ~select(Kill.photo_id).where(Kill.photo_id == Photo.id).exists())
            .order_by(Photo.path).with_for_update())) if prints else []
        for copy in copies:
            session.add(Kill(photo_id=copy.id, reason=reason, at=now, origin=origin, advisory=advisory))
        report.copies.clear()
        report.copies.update(copy.id for copy in copies)
        used = stories_using(session, [photo.id for photo in (*photos, *copies)])
        report.killed.extend((photo, used.get(photo.id, [])) for photo in photos
                             if photo.id not in held and photo.id in present)
        report.killed.extend((copy, used.get(copy.id, [])) for copy in copies)

    library.write(change)
    return report


def kill_advisory(library: Library, path: str) -> KillReport:
    """Kill the catalogued photos an advisory file names (by transmission reference or file name)."""
    import io

    from catalog.textfiles import open_text_file

    try:
        with io.TextIOWrapper(open_text_file(path, f"advisory file {path}"), encoding="utf-8",
                              errors="replace") as handle:
            text = handle.read(1_000_000)
    except OSError as error:
        raise CatalogError(f"advisory file {path} cannot be read: {error.strerror or error}") from None
    advisory = read_advisory(text)
    if not advisory.is_kill:
        raise UsageError(f"{path} does not read as a kill advisory (no KILL, ELIMINATION or WITHDRAWN, or it is a "
                         "correction); nothing was killed. To kill photos by hand: catalog kill PHOTO... --reason TEXT")
    if not advisory.references and not advisory.file_names:
        raise UsageError(f"{path} names no transmission reference or file name to find the pictures by; nothing "
                         "was killed")
    photos, unmatched = _named_photos(library, advisory)
    if not photos:
        report = KillReport(reason=advisory.reason)
        report.unmatched = unmatched
        return report
    report = _kill(library, photos, advisory.reason or f"advisory {os.path.basename(path)}",
                   f"advisory {os.path.basename(path)}", text)
    report.unmatched = unmatched
    return report


def _named_photos(library: Library, advisory: Advisory) -> tuple[list[Photo], list[str]]:
    """The catalogued photos an advisory names, and the references and file names that matched none.

    Every candidate word is looked up, so a word that merely looks like a reference ("A320neo") costs a
    look-up but kills nothing; only the advisory's file names and the references a photo holds count.
    """
    found: dict[int, Photo] = {}
    matched: set[str] = set()
    with library.session() as session:
        if advisory.references:
            for photo in session.scalars(select(Photo).where(Photo.transmission_reference.in_(advisory.references))):
                found[photo.id] = photo
                if photo.transmission_reference:
                    matched.add(photo.transmission_reference)
        for name in advisory.file_names:
            rows = list(session.scalars(select(Photo).where(
                Photo.path.endswith("/" + name, autoescape=True) | (func.lower(Photo.path).endswith(
                    "/" + name.lower(), autoescape=True)))))
            for photo in rows:
                found[photo.id] = photo
            if rows:
                matched.add(name)
    # What the advisory plainly names and the catalogue lacks is worth saying; a word that merely looks like a
    # reference is not, unless nothing at all was found (then every candidate is listed).
    wanted = advisory.named if found else advisory.references
    unmatched = [ref for ref in wanted if ref not in matched]
    unmatched += [name for name in advisory.file_names if name not in matched]
    return sorted(found.values(), key=lambda photo: photo.path), unmatched


def undo(library: Library, refs: list[str]) -> KillReport:
    """Bring killed photos back (a kill made in error, or lifted by the agency)."""
    if not refs:
        raise UsageError("name the photos whose kill to undo")
    photos = {photo.id: photo for photo in (library.get(ref) for ref in refs)}
    report = KillReport()

    def change(session) -> None:
        held = set(session.scalars(select(Kill.photo_id).where(Kill.photo_id.in_(list(photos)))))
        session.execute(delete(Kill).where(Kill.photo_id.in_(list(held))))
        # The picture is no longer killed: a copy of it, or this file forgotten and imported again, comes back
        # usable; unless another record of it is still killed (a copy not named here), which keeps it so.
        still = select(Photo.fingerprint).join(Kill, Kill.photo_id == Photo.id)
        session.execute(delete(KillPrint).where(KillPrint.fingerprint.in_(
            select(Photo.fingerprint).where(Photo.id.in_(list(photos)))), KillPrint.fingerprint.not_in(still)))
        report.undone[:] = [photo for pid, photo in photos.items() if pid in held]
        report.already[:] = [photo for pid, photo in photos.items() if pid not in held]

    library.write(change)
    return report


def keep_prints(session, rows: list[dict]) -> None:
    """Keep kills by the picture's fingerprint (KillPrint rows as dicts), so that the picture catalogued again
    comes back killed (alembic 0018's triggers); a fingerprint kept already keeps its first kill."""
    rows = list({row["fingerprint"]: row for row in reversed(rows)}.values())
    if not rows:
        return
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(KillPrint).on_conflict_do_nothing(index_elements=["fingerprint"]), rows)


def kill_of(library: Library, photo_id: int) -> dict | None:
    """A photo's kill as {"reason", "at", "origin"}, or None."""
    from catalog.stories import kills_of

    with library.session() as session:
        return kills_of(session, [photo_id]).get(photo_id)
