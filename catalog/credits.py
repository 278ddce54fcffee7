"""Credits: the line to print under each photo in house style, and the lists to paste under a story.

Each line follows the house rules in force (the shipped rules, a catalogue's `rules` setting, or --rules):
"Xinhua/Li Xin" for a Xinhua photographer, "Photo/Zhang Dagang" for one with no agency.

>>> [entry.line for _, entry in credit_list(lib, ["in:China"])]     # doctest: +SKIP
['Photo/Xu Gang', 'Photo/Zhang Dagang']
>>> inline_credits(credit_list(lib, [], files=["b.jpg", "a.jpg"]))  # doctest: +SKIP
'Photos: Zhang Dagang; Xu Gang'

A list reads only the columns a credit needs (`CreditedPhoto`), not whole records, and works out each distinct
credit once: `credits in:Gansu` lists 6,884 photos of a 100,000-photo catalogue (bench/README.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Union

from catalog.cachedir import collection_paused
from catalog.people import display_name, name_tokens, person_key
from catalog.quick_search import QuickLibrary

if TYPE_CHECKING:
    from catalog.library import Library
    from catalog.models import Photo
    from catalog.story_copies import StoryCopies

#: The credit formats every command prints alike (`credits`, `story credits`, the contact sheet).
TEXT_FORMATS = ("text", "markdown", "inline")


class CreditedPhoto(NamedTuple):
    """What a credit list reads of a photo: who made it, and its caption (for a name in capitals). The copies
    check (`catalog.variants.copies_in`) reads the files and cameras of the few photos it fingerprints itself. A
    named tuple: a list makes one per photo straight from a row (6,860 for `credits in:Gansu`), at a third of a
    frozen dataclass's cost, and reads 7 columns a photo instead of 11."""

    id: int
    path: str
    caption: str | None
    credit_line: str | None
    photographer: str | None
    agency: str | None
    provider: str | None

    @classmethod
    def of(cls, photo: Photo) -> CreditedPhoto:
        return cls(*(getattr(photo, name) for name in _COLUMNS))


#: CreditedPhoto's fields: the photo table's columns of the same names.
_COLUMNS = ("id", "path", "caption", "credit_line", "photographer", "agency", "provider")


class CountedCredit(NamedTuple):
    """One credit of a list counted in SQL (`credit_counts`): the four columns that make it, and the caption when
    the photographer is written in capitals (such a photo is counted alone: its caption may spell the name)."""

    photographer: str | None
    credit_line: str | None
    agency: str | None
    provider: str | None
    caption: str | None


#: A photo as the functions here read it: a whole record, or its credit columns.
AnyPhoto = Union["Photo", CreditedPhoto]
#: What a credit list pairs with each entry: a photo, or a credit counted in SQL.
AnyCredited = Union["Photo", CreditedPhoto, CountedCredit]
#: A catalogue as the functions here read it: the Library, or the quick read path (sqlite3, no SQLAlchemy).
AnyLibrary = Union["Library", QuickLibrary]


@dataclass(slots=True)
class CreditEntry:
    """One line of a credit list: the publication-style line, who it names, and how many photos."""

    line: str
    name: str
    kind: str  # "photographer", "provider", "agency", "credit"
    paths: list[str] = field(default_factory=list)
    #: Photos it credits beyond `paths`: a list counted in SQL (`credit_counts`) lists no paths.
    unlisted: int = 0

    @property
    def count(self) -> int:
        return len(self.paths) + self.unlisted


def credit_entry(library: AnyLibrary, photo: AnyPhoto, spellings: dict[str, list[str]] | None = None) -> CreditEntry:
    """The credit of one photo, in the house style of the catalogue's rules.

    A photographer written in capitals ("DUANE A. LAVERTY") is shown as the caption spells the same person
    ("(AP Photo/Duane A. Laverty)"), else as another photo does (`spellings`: person key -> names, see
    `other_spellings`), else in title case (catalog.people.display_name).
    """
    photographer = photo.photographer
    shown = shown_name(photographer, photo.caption, spellings) if photographer else photographer
    return _entry(library, shown, photo.photographer, photo.credit_line, photo.agency, photo.provider, [photo.path])


def credit_lines(library: AnyLibrary, photographers: Sequence[str | None], raws: Sequence[str | None],
                 agencies: Sequence[str | None], providers: Sequence[str | None],
                 captions: Sequence[str | None]) -> list[str]:
    """`credit_entry(library, photo).line` of each photo of a table, given as columns (the photographer, credit
    line, agency, provider and caption of each): each distinct credit is worked out once (`search in:Gansu`
    prints 6,884 rows, 3,845 distinct credits), and the caption read only for a name in capitals."""
    credits = list(zip(photographers, raws, agencies, providers))
    known: dict[tuple, str] = {}
    shouted = False
    line_of = library.rules.line_of  # as _line, asked once for the thousands of distinct credits
    for credit in dict.fromkeys(credits):
        written, raw, agency, provider = credit
        if not written:
            known[credit] = line_of(raw, written, agency, provider) or raw or "(no credit)"
            continue
        shown = _plain(written)
        if shown is None:  # in capitals: shown as each photo's caption spells it
            shouted = True
            continue
        if shown and shown != written and raw and written in raw:  # as _line: the raw line, the name as shown
            known[credit] = line_of(raw, shown, agency, provider) or raw.replace(written, shown) or "(no credit)"
        else:
            known[credit] = line_of(raw, shown, agency, provider) or raw or "(no credit)"
    lines = list(map(known.get, credits))
    if shouted:
        for index, line in enumerate(lines):
            written, raw, agency, provider = credits[index]
            if line is None and written:  # a name in capitals
                lines[index] = _line(library, shown_name(written, captions[index]), written, raw, agency, provider)
    return lines  # type: ignore[return-value]  # every None was filled


def shown_name(photographer: str, caption: str | None, spellings: dict[str, list[str]] | None = None) -> str:
    """The photographer's name as a credit shows it: as written, or, in capitals, as the caption or another
    photo spells it (see credit_entry)."""
    shown = display_name(photographer) or photographer
    if shown != " ".join(photographer.split()):  # in capitals
        # Only a name in capitals has other spellings to look for (a pattern per name: a search
        # listing hundreds of photographers spent most of its time compiling them).
        found = [_as_in(caption, photographer), *(spellings or {}).get(person_key(photographer), [])]
        shown = display_name(photographer, found) or photographer
    return shown


def _entry(library: AnyLibrary, photographer: str | None, written: str | None, raw: str | None, agency: str | None,
           provider: str | None, paths: list[str]) -> CreditEntry:
    """The entry of a credit whose photographer is shown as `photographer` and written as `written`."""
    line = _line(library, photographer, written, raw, agency, provider)
    if photographer:
        name, kind = photographer, "photographer"
    elif provider:
        name, kind = provider, "provider"
    elif agency:
        name, kind = agency, "agency"
    else:
        name, kind = raw or "(no credit)", "credit"
    return CreditEntry(line=line, name=name, kind=kind, paths=paths)


def _line(library: AnyLibrary, photographer: str | None, written: str | None, raw: str | None, agency: str | None,
          provider: str | None) -> str:
    """The line of a credit whose photographer is shown as `photographer` and written as `written`."""
    line_raw = raw
    if line_raw and photographer and written and photographer != written and written in line_raw:
        line_raw = line_raw.replace(written, photographer)
    return library.rules.line_of(raw, photographer, agency, provider) or line_raw or "(no credit)"


def _as_in(caption: str | None, name: str) -> str | None:
    """The name as the caption writes it, whatever its case ("Duane A. Laverty" for "DUANE A. LAVERTY")."""
    if not caption:
        return None
    import re

    pattern = r"\s+".join(re.escape(word) for word in name.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", caption, re.IGNORECASE)
    return found.group(0) if found else None


def other_spellings(library: AnyLibrary, photos: Iterable[AnyCredited]) -> dict[str, list[str]]:
    """person key -> how other photos of the catalogue write each photographer among `photos` written in
    capitals: the spellings `credit_entry` may show instead (one look-up of the credit tokens per person)."""
    found: dict[str, list[str]] = {}
    for name in {photo.photographer for photo in photos if photo.photographer}:
        if _plain(name) is not None:  # not in capitals
            continue
        key = person_key(name)
        tokens = sorted(name_tokens(name))
        if key in found or not tokens:
            continue
        names = _photographers_named(library, tokens)
        found[key] = [other for other in names if other and person_key(other) == key]
    return found


def _photographers_named(library: AnyLibrary, tokens: list[str]) -> list[str | None]:
    """The distinct photographers (up to 50) of the photos whose photographer has all of `tokens`."""
    if isinstance(library, QuickLibrary):  # the quick read path: sqlite3, not SQLAlchemy
        marks = ", ".join("?" * len(tokens))
        sql = ("SELECT DISTINCT photo.photographer FROM photo WHERE photo.id IN (SELECT person_token.photo_id FROM "
               f"person_token WHERE person_token.role = ? AND person_token.token IN ({marks}) GROUP BY "
               "person_token.photo_id HAVING count(*) = ?) LIMIT ? OFFSET ?")
        params = ["photographer", *tokens, len(tokens), 50, 0]
        return library.either(lambda connection: [row[0] for row in connection.execute(sql, params)],
                              lambda full: _photographers_named(full, tokens))
    from sqlalchemy import func, select

    from catalog.models import PersonToken
    from catalog.models import Photo as PhotoRow

    ids = (select(PersonToken.photo_id)
           .where(PersonToken.role == "photographer", PersonToken.token.in_(tokens))
           .group_by(PersonToken.photo_id).having(func.count() == len(tokens)))
    with library.session() as session:
        return list(session.scalars(select(PhotoRow.photographer).where(PhotoRow.id.in_(ids)).distinct().limit(50)))


def group_credits(entries: list[CreditEntry]) -> list[CreditEntry]:
    """One entry per credited person or organisation, in order of first appearance, with their photos."""
    return _merged(entries, by_name=True)


def distinct_lines(entries: list[CreditEntry]) -> list[CreditEntry]:
    """One entry per distinct credit line, in order of first appearance, with its photos: a list with no
    line twice, each with how many photos it credits."""
    return _merged(entries, by_name=False)


def _merged(entries: list[CreditEntry], *, by_name: bool) -> list[CreditEntry]:
    """One entry per credited person or organisation (`by_name`: kind and name) or per line, compared without
    case, in order of first appearance, with the photos of all. A list of thousands shares few distinct texts
    (3,468 lines among 6,884 photos): each text is folded once."""
    merged: dict[tuple[str, str], CreditEntry] = {}
    folded: dict[tuple[str, str], tuple[str, str]] = {}
    with collection_paused():
        for entry in entries:
            raw = (entry.kind, entry.name) if by_name else ("", entry.line)
            fold = folded.get(raw)
            if fold is None:
                fold = folded[raw] = (raw[0], raw[1].casefold())
            found = merged.get(fold)
            if found is None:
                merged[fold] = CreditEntry(entry.line, entry.name, entry.kind, list(entry.paths), entry.unlisted)
            else:
                found.paths.extend(entry.paths)
                found.unlisted += entry.unlisted
    return list(merged.values())


def credit_list(
    library: AnyLibrary, args: list[str], *, files: list[str] | None = None
) -> list[tuple[CreditedPhoto, CreditEntry]]:
    """(photo, CreditEntry) for each photo: the `files` in the story's order (ids or paths, as `Library.get`
    takes them), else the photos the terms select, in the order `catalog search` gives them."""
    with collection_paused():
        return _credit_list(library, args, files)


def credit_counts(library: QuickLibrary, args: list[str]
                  ) -> tuple[list[tuple[CountedCredit, CreditEntry]], StoryCopies] | None:
    """The list `credit_list` gives for the terms, each distinct credit once with its count instead of once per
    photo (its entry lists no paths), in order of its first photo, and what the copies check says: for the formats
    that print counts (text, markdown, --group, --inline), on the quick path. The photos' four credit columns are
    read in `search`'s order and counted as they come (`credits in:Gansu`: 6,762 photos, 3,845 credits); a
    photographer written in capitals is shown as each photo's caption spells the name, so those photos are
    taken one by one, with their captions. None when `credit_list` must read the photos: the full path's terms,
    or a copies check that compares them (a stored fingerprint among them, or few enough to fingerprint now)."""
    from collections import Counter

    from catalog.story_copies import without_fingerprints

    with collection_paused():
        rows = library.ordered_rows(list(args), _CREDIT_COLUMNS)  # (id, photographer, credit line, agency, provider)
        if rows is None:
            return None
        try:
            stored = library.has_fingerprints([row[0] for row in rows])
        except sqlite3.Error:
            return None
        copies = None if stored else without_fingerprints(len(rows))
        if copies is None:
            return None
        counts = Counter(row[1:] for row in rows)  # in order of each credit's first photo
        names = {credit[0] for credit in counts}
        shouted = {name for name in names if name is not None and _plain(name) is None}
        credits: list[tuple[CountedCredit, int]]
        if not shouted:
            credits = [(CountedCredit._make((*credit, None)), count) for credit, count in counts.items()]
        else:
            credits = _one_by_one(library, rows, counts, shouted)
            if not credits:
                return None
        entries = _Entries(library, other_spellings(library, [credit for credit, _ in credits]))
        counted = []
        for credit, count in credits:
            entry = entries.shared(credit)
            counted.append((credit, CreditEntry(entry.line, entry.name, entry.kind, [], count)))
        return counted, copies


#: The columns that make a credit, as CountedCredit holds them.
_CREDIT_COLUMNS = ("photographer", "credit_line", "agency", "provider")


def _one_by_one(library: QuickLibrary, rows: list[tuple], counts: dict[tuple, int], shouted: set[str]
                ) -> list[tuple[CountedCredit, int]]:
    """credit_counts' credits in order when some photographers are written in capitals: each photo of theirs on
    its own with its caption, each other credit once with its count ([] when SQLite says no)."""
    try:
        captions = library.captions([row[0] for row in rows if row[1] in shouted])
    except sqlite3.Error:
        return []
    credits: list[tuple[CountedCredit, int]] = []
    seen: set[tuple] = set()
    for row in rows:
        credit = row[1:]
        if credit[0] in shouted:
            credits.append((CountedCredit._make((*credit, captions.get(row[0]))), 1))
        elif credit not in seen:
            seen.add(credit)
            credits.append((CountedCredit._make((*credit, None)), counts[credit]))
    return credits


def _credit_list(library: AnyLibrary, args: list[str], files: list[str] | None
                 ) -> list[tuple[CreditedPhoto, CreditEntry]]:
    if files:
        from catalog.scan import photo_id

        numbers = [photo_id(ref) for ref in files]
        by_id = _credited(library, [number for number in numbers if number is not None])
        found = [None if number is None else by_id.get(number) for number in numbers]
        photos = [photo or CreditedPhoto.of(library.get(ref)) for photo, ref in zip(found, files)]
    else:
        # The quick read path (sqlite3, not SQLAlchemy) reads the columns with the order, in one statement.
        rows = library.ordered_rows(list(args), _COLUMNS[1:]) if isinstance(library, QuickLibrary) else None
        if rows is not None:
            photos = list(map(CreditedPhoto._make, rows))
        else:
            if isinstance(library, QuickLibrary):
                ids = library.ordered_ids(list(args))
            else:
                from catalog.search import ordered_ids

                ids = ordered_ids(library, list(args))
            by_id = _credited(library, ids)
            photos = [by_id[pid] for pid in ids if pid in by_id]
    entries = _Entries(library, other_spellings(library, photos))
    return [(photo, entries.of(photo)) for photo in photos]


def _credited(library: AnyLibrary, ids: list[int]) -> dict[int, CreditedPhoto]:
    """The credit columns of the photos `ids`, by id (read in chunks: a list may hold the whole catalogue)."""
    if isinstance(library, QuickLibrary):  # the quick read path: sqlite3, not SQLAlchemy
        return library.either(lambda connection: _credited_rows(connection, ids),
                              lambda full: _credited(full, ids))
    from sqlalchemy import select

    from catalog.chunks import chunks
    from catalog.models import Photo as PhotoRow

    table = PhotoRow.__table__.c
    found: dict[int, CreditedPhoto] = {}
    with library.session() as session:
        for chunk in chunks(sorted(set(ids)), 5000):
            rows = session.execute(select(*(table[name] for name in _COLUMNS)).where(table.id.in_(chunk)))
            found.update((row[0], CreditedPhoto._make(row)) for row in rows)
    return found


def _credited_rows(connection, ids: list[int]) -> dict[int, CreditedPhoto]:
    """_credited through sqlite3 (the quick read path): the same columns, the same values."""
    from catalog.chunks import chunks

    columns = ", ".join(f"photo.{name}" for name in _COLUMNS)
    found: dict[int, CreditedPhoto] = {}
    for chunk in chunks(sorted(set(ids)), 5000):
        rows = connection.execute(f"SELECT {columns} FROM photo WHERE photo.id IN ({', '.join('?' * len(chunk))})",
                                  chunk)
        found.update((row[0], CreditedPhoto._make(row)) for row in rows)
    return found


class _Entries:
    """credit_entry for many photos, each distinct credit worked out once: a shoot credits one photographer on
    hundreds of photos. A name is looked at once; the caption matters only for a name in capitals, the one case
    where credit_entry reads it."""

    def __init__(self, library: AnyLibrary, spellings: dict[str, list[str]]):
        self.library = library
        self.spellings = spellings
        self.known: dict[tuple, CreditEntry] = {}
        #: name -> how it is shown, or None when it is in capitals (shown as the photo's caption spells it).
        self.names: dict[str, str | None] = {}
        #: (photographer, credit line, agency, provider) -> the entry, for a photographer not in capitals: what
        #: most photos of a long list need is one look-up here.
        self.plain: dict[tuple, CreditEntry] = {}

    def of(self, photo: AnyPhoto) -> CreditEntry:
        entry = self.shared(photo)
        return CreditEntry(entry.line, entry.name, entry.kind, [photo.path])

    def shared(self, photo: AnyCredited) -> CreditEntry:
        """The entry of the photo's credit (no paths), kept for every photo with the same credit."""
        written = photo.photographer
        credit = (written, photo.credit_line, photo.agency, photo.provider)
        entry = self.plain.get(credit)
        if entry is None:
            shown = written
            if written:
                if written not in self.names:
                    self.names[written] = _plain(written)
                shown = self.names[written]
                if shown is None:
                    shown = shown_name(written, photo.caption, self.spellings)
            key = (shown, *credit)
            entry = self.known.get(key)
            if entry is None:
                entry = self.known[key] = _entry(self.library, *key, [])
            if not written or self.names[written] is not None:  # the caption played no part
                self.plain[credit] = entry
        return entry


@lru_cache(maxsize=8192)
def _plain(name: str) -> str | None:
    """The name as shown when it is not in capitals, else None (kept: a list asks twice for each of hundreds of
    names, other_spellings and _Entries, and display_name reads every word)."""
    words = name.split()
    if all(map(_has_lower, words)):  # most names: no word can be in capitals (catalog.people._shouted)
        return " ".join(words)
    shown = display_name(name)
    return shown if shown == " ".join(words) else None


def _has_lower(word: str) -> bool:
    """Whether the word has a lower-case letter after its Mc or Mac: then it is not written in capitals (a word
    in capitals, as catalog.people._shouted reads it, has no lower-case letter after that prefix)."""
    rest = word[3:] if word.startswith("Mac") else word[2:] if word.startswith("Mc") else word
    return any(map(str.islower, rest))


def records(library: Library, credited: list[tuple[CreditedPhoto, CreditEntry]], paths: Iterable[str], *,
            searched: bool) -> dict[str, Photo]:
    """path -> the whole record of each of `paths` among the credited photos (for `--format template`), with
    its `variant_info` when the photos came from a search (as `Library.search` gives it), else None."""
    from sqlalchemy import select

    from catalog.models import Photo as PhotoRow

    wanted = {photo.path: photo.id for photo, _ in credited}
    ids = sorted({wanted[path] for path in paths if path in wanted})
    with library.session() as session:
        photos = list(session.scalars(select(PhotoRow).where(PhotoRow.id.in_(ids)))) if ids else []
    if searched:
        library.annotate_variants(photos)
    else:
        for photo in photos:
            photo.variant_info = None
    return {photo.path: photo for photo in photos}


def inline_credits(credited: Sequence[tuple[AnyCredited, CreditEntry]]) -> str:
    """The one line under a story: "Photos: Zhang Dagang; Xu Gang; Xinhua/Li Xin", each name once, in order.

    A photographer with no agency and a provider are named as they are; a photographer with an agency, or an
    agency alone, as the house style's credit line ("Xinhua/Li Xin", "REUTERS"). "Photo:" for one photo.
    """
    names: dict[str, str] = {}
    for photo, entry in credited:
        if photo.photographer and not photo.agency:
            name = entry.name
        elif photo.provider and not photo.photographer:
            name = photo.provider
        else:
            name = entry.line
        names.setdefault(name.casefold(), name)
    if not names:
        return ""
    photos = sum(entry.count for _, entry in credited)
    return f"{'Photo' if photos == 1 else 'Photos'}: {'; '.join(names.values())}"


def credit_text(credited: Sequence[tuple[AnyPhoto, CreditEntry]], *, fmt: str = "text", group: bool = False) -> str:
    """A credit list as `catalog credits` prints it: one line per photo (text), a bulleted list (markdown),
    or the one line under a story (inline); `group` gives one line per name with its count."""
    if fmt == "inline":
        return inline_credits(credited)
    entries = [entry for _, entry in credited]
    entries = group_credits(entries) if group else distinct_lines(entries)
    return "\n".join(("- " if fmt == "markdown" else "") + counted(entry, always=group) for entry in entries)


def counted(entry: CreditEntry, *, always: bool = False) -> str:
    """The line with its count: "Photo/Zhang Dagang (2)"; a line that credits one photo is printed bare
    unless `always` (a list grouped by name counts every name)."""
    return f"{entry.line} ({entry.count})" if always or entry.count > 1 else entry.line
