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


def credit_entry(library: Library, photo: Photo) -> CreditEntry:
    """The credit of one photo, in the house style of the catalogue's rules."""
    from catalog.captions.types import Credit

    credit = Credit(raw=photo.credit_line, photographer=photo.photographer, agency=photo.agency, provider=photo.provider)
    line = library.rules.credit_line(credit) or photo.credit_line or "(no credit)"
    if photo.photographer:
        name, kind = photo.photographer, "photographer"
    elif photo.provider:
        name, kind = photo.provider, "provider"
    elif photo.agency:
        name, kind = photo.agency, "agency"
    else:
        name, kind = photo.credit_line or "(no credit)", "credit"
    return CreditEntry(line=line, name=name, kind=kind, paths=[photo.path])


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


def credit_list(library: Library, args: list[str], *, files: list[str] | None = None) -> list[tuple[Photo, CreditEntry]]:
    """(photo, CreditEntry) for each photo: the `files` in the story's order, else the photos the terms select."""
    photos = [library.get(ref) for ref in files] if files else library.search(list(args)).photos
    return [(photo, credit_entry(library, photo)) for photo in photos]


def inline_credits(credited: list[tuple[Photo, CreditEntry]]) -> str:
    """The one line under a story: "Photos: Zhang Dagang; Xu Gang; Xinhua/Li Xin", each name once, in order.

    A photographer with no agency and a provider are named as they are; a photographer with an agency, or an
    agency alone, as the house style's credit line ("Xinhua/Li Xin", "REUTERS"). "Photo:" for one photo.
    """
    names: dict[str, str] = {}
    for photo, entry in credited:
        if photo.photographer and not photo.agency:
            name = photo.photographer
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
