"""Credits: the line to print under each photo in house style, and the lists to paste under a story.

Each line follows the house rules in force (the shipped rules, a catalogue's `rules` setting, or --rules):
"Xinhua/Li Xin" for a Xinhua photographer, "Photo/Zhang Dagang" for one with no agency.

>>> [entry.line for _, entry in credit_list(lib, ["in:China"])]     # doctest: +SKIP
['Photo/Xu Gang', 'Photo/Zhang Dagang']
>>> inline_credits(credit_list(lib, [], files=["b.jpg", "a.jpg"]))  # doctest: +SKIP
'Photos: Zhang Dagang; Xu Gang'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalog.library import Library
    from catalog.models import Photo

#: The credit formats every command prints alike (`credits`, `story credits`, the contact sheet).
TEXT_FORMATS = ("text", "markdown", "inline")


@dataclass
class CreditEntry:
    """One line of a credit list: the publication-style line, who it names, and how many photos."""

    line: str
    name: str
    kind: str  # "photographer", "provider", "agency", "credit"
    paths: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.paths)


def credit_entry(library: Library, photo: Photo, spellings: dict[str, list[str]] | None = None) -> CreditEntry:
    """The credit of one photo, in the house style of the catalogue's rules.

    A photographer written in capitals ("DUANE A. LAVERTY") is shown as the caption spells the same person
    ("(AP Photo/Duane A. Laverty)"), else as another photo does (`spellings`: person key -> names, see
    `other_spellings`), else in title case (catalog.people.display_name).
    """
    from catalog.captions.types import Credit
    from catalog.people import display_name, person_key

    photographer = photo.photographer
    if photographer:
        shown = display_name(photographer)
        if shown != " ".join(photographer.split()):  # in capitals
            # Only a name in capitals has other spellings to look for (a pattern per name: a search
            # listing hundreds of photographers spent most of its time compiling them).
            found = [_as_in(photo.caption, photographer), *(spellings or {}).get(person_key(photographer), [])]
            shown = display_name(photographer, found)
        photographer = shown
    credit = Credit(raw=photo.credit_line, photographer=photographer, agency=photo.agency, provider=photo.provider)
    raw = photo.credit_line
    if raw and photographer and photo.photographer and photographer != photo.photographer and photo.photographer in raw:
        raw = raw.replace(photo.photographer, photographer)
    line = library.rules.credit_line(credit) or raw or "(no credit)"
    if photographer:
        name, kind = photographer, "photographer"
    elif photo.provider:
        name, kind = photo.provider, "provider"
    elif photo.agency:
        name, kind = photo.agency, "agency"
    else:
        name, kind = photo.credit_line or "(no credit)", "credit"
    return CreditEntry(line=line, name=name, kind=kind, paths=[photo.path])


def _as_in(caption: str | None, name: str) -> str | None:
    """The name as the caption writes it, whatever its case ("Duane A. Laverty" for "DUANE A. LAVERTY")."""
    if not caption:
        return None
    import re

    pattern = r"\s+".join(re.escape(word) for word in name.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", caption, re.IGNORECASE)
    return found.group(0) if found else None


def other_spellings(library: Library, photos: list[Photo]) -> dict[str, list[str]]:
    """person key -> how other photos of the catalogue write each photographer among `photos` written in
    capitals: the spellings `credit_entry` may show instead (one look-up of the credit tokens per person)."""
    from sqlalchemy import func, select

    from catalog.models import PersonToken
    from catalog.models import Photo as PhotoRow
    from catalog.people import display_name, name_tokens, person_key

    found: dict[str, list[str]] = {}
    for name in {photo.photographer for photo in photos if photo.photographer}:
        key = person_key(name)
        tokens = sorted(name_tokens(name))
        if key in found or not tokens or display_name(name) == " ".join(name.split()):  # not in capitals
            continue
        ids = (select(PersonToken.photo_id)
               .where(PersonToken.role == "photographer", PersonToken.token.in_(tokens))
               .group_by(PersonToken.photo_id).having(func.count() == len(tokens)))
        with library.session() as session:
            names = session.scalars(select(PhotoRow.photographer).where(PhotoRow.id.in_(ids)).distinct().limit(50))
            found[key] = [other for other in names if other and person_key(other) == key]
    return found


def group_credits(entries: list[CreditEntry]) -> list[CreditEntry]:
    """One entry per credited person or organisation, in order of first appearance, with their photos."""
    grouped: dict[tuple[str, str], CreditEntry] = {}
    for entry in entries:
        key = (entry.kind, entry.name.casefold())
        if key in grouped:
            grouped[key].paths.extend(entry.paths)
        else:
            grouped[key] = CreditEntry(entry.line, entry.name, entry.kind, list(entry.paths))
    return list(grouped.values())


def distinct_lines(entries: list[CreditEntry]) -> list[CreditEntry]:
    """One entry per distinct credit line, in order of first appearance, with its photos: a list with no
    line twice, each with how many photos it credits."""
    lines: dict[str, CreditEntry] = {}
    for entry in entries:
        key = entry.line.casefold()
        if key in lines:
            lines[key].paths.extend(entry.paths)
        else:
            lines[key] = CreditEntry(entry.line, entry.name, entry.kind, list(entry.paths))
    return list(lines.values())


def credit_list(
    library: Library, args: list[str], *, files: list[str] | None = None
) -> list[tuple[Photo, CreditEntry]]:
    """(photo, CreditEntry) for each photo: the `files` in the story's order, else the photos the terms select."""
    photos = [library.get(ref) for ref in files] if files else library.search(list(args)).photos
    spellings = other_spellings(library, photos)
    return [(photo, credit_entry(library, photo, spellings)) for photo in photos]


def inline_credits(credited: list[tuple[Photo, CreditEntry]]) -> str:
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
    return f"{'Photo' if len(credited) == 1 else 'Photos'}: {'; '.join(names.values())}"


def credit_text(credited: list[tuple[Photo, CreditEntry]], *, fmt: str = "text", group: bool = False) -> str:
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
