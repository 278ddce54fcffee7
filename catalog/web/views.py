"""What the pages show, as plain values: shared by the server (catalog.web.app) and the static export.

Nothing here imports Flask; the templates receive these values and Jinja escapes every one of them.
"""

from __future__ import annotations

import calendar
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from catalog import render
from catalog.errors import QueryError

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

#: Credit list formats, as in `catalog credits`: (value, label).
CREDIT_FORMATS = (("text", "Text, one line each"), ("markdown", "Markdown list"), ("inline", "One line"))


def split_query(text: str | None) -> list[str]:
    """The search box's text as the shell would split it, so a search reads the same typed or on the
    command line. Only double quotes group (an apostrophe in Xi'an is a letter).

    >>> split_query('in:Gansu by:"Zhang Dagang" bullet train')
    ['in:Gansu', 'by:Zhang Dagang', 'bullet', 'train']
    >>> split_query('"bullet train" -in:Hefei')
    ['bullet train', '-in:Hefei']
    """
    if not text or not text.strip():
        return []
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.quotes = '"'
    lexer.escape = ""
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError as error:
        raise QueryError(text, "a double quote is not closed") from error


def add_term(text: str | None, term: str) -> str:
    """The search text with one more term (unchanged if the term is already there).

    >>> add_term("train", "province:Gansu")
    'train province:Gansu'
    """
    text = (text or "").strip()
    try:
        present = term in split_query(text) or term.replace('"', "") in split_query(text)
    except QueryError:
        present = False
    if present:
        return text
    return f"{text} {term}".strip()


@dataclass
class Card:
    """One photo on a contact sheet: what is printed under its thumbnail."""

    id: int
    name: str
    caption: str
    headline: str
    credit: str
    taken: str
    place: str
    width: int | None
    height: int | None
    #: `catalog check`'s findings: (check, severity, message), most severe first.
    findings: tuple[tuple[str, str, str], ...] = ()
    #: Copies of this picture in the catalogue (catalog.variants), this one included: 1 when it has none.
    copies: int = 1
    #: Its variant group, when it has copies.
    group: int | None = None

    @property
    def killed(self) -> bool:
        """Killed: the sheet strikes the photo through."""
        return any(check == "killed" for check, _, _ in self.findings)


def card(library, photo, checked=None) -> Card:
    """The facts under one thumbnail; the credit line in house style, as `catalog credits` prints it.
    `checked` is the photo's PhotoFindings (catalog.checks), when it has any."""
    entry = library.credit_entry(photo)
    return Card(
        id=photo.id,
        name=Path(photo.path).name,
        caption=photo.caption or "",
        headline=photo.headline or "",
        credit=entry.line,
        taken=render.taken_text(photo.taken),
        place=render.place_text(photo),
        width=photo.width,
        height=photo.height,
        findings=tuple((f.check, f.severity, f.message) for f in checked.findings) if checked else (),
        copies=(getattr(photo, "variant_info", None) or {}).get("of", 1),
        group=(getattr(photo, "variant_info", None) or {}).get("group"),
    )


def one_per_group(photos: list) -> list:
    """The photos with the copies of one picture shown once (a sheet shows a group as one picture with a
    count): the group's copy to run when the search found it, else its first copy found; order kept."""
    chosen: dict[int, object] = {}
    for photo in photos:
        info = getattr(photo, "variant_info", None)
        if info and (info["group"] not in chosen or photo.id == info["best"]):
            chosen[info["group"]] = photo
    kept = {id(photo) for photo in chosen.values()}
    return [photo for photo in photos if not getattr(photo, "variant_info", None) or id(photo) in kept]


def cards(library, photos) -> list[Card]:
    """The cards of a page of photos, each with what `catalog check` finds (one check for the page)."""
    from catalog.checks import findings_by_id

    checked = findings_by_id(library, [photo.id for photo in photos]) if photos else {}
    return [card(library, photo, checked.get(photo.id)) for photo in photos]


def thumb_box(card: Card, size: int) -> tuple[int, int]:
    """The thumbnail's width and height (for the img tag, so the grid does not jump as images arrive)."""
    if not card.width or not card.height:
        return size, size * 2 // 3
    scale = size / max(card.width, card.height)
    return max(1, round(card.width * scale)), max(1, round(card.height * scale))


@dataclass
class Field:
    """One row of the photo page's table: a name, the value, and the block it came from."""

    name: str
    value: str
    source: str | None


def fields(record: dict) -> list[Field]:
    """Every known field of a photo (its JSON contract record), with its source, in reading order."""
    return [Field("file", record["path"], None)] + [Field(*row) for row in render.photo_fields(record)]


def conflicts(record: dict) -> list[dict]:
    """The fields whose EXIF, IPTC and XMP copies disagree, each copy named by its block."""
    return [
        {"field": c.get("field"), "copies": [(render.SOURCE_NAMES.get(b, b), v) for b, v in c.get("copies", [])]
         + ([("why", c["note"])] if c.get("note") else [])}
        for c in record["conflicts"]
    ]


def caption_facts(caption: str | None, rules=None) -> list[tuple[str, str]]:
    """What the caption parser reads in a caption (under the catalogue's house `rules`): its credit, date and
    place, as (label, value) rows."""
    if not caption or not caption.strip():
        return []
    from catalog.captions import parse

    facts = parse(caption, rules).to_json()
    credit, place = facts["credit"], facts["location"]
    rows = [
        ("credit", credit.get("raw")), ("photographer", credit.get("photographer")),
        ("agency", credit.get("agency")), ("provider", credit.get("provider")),
        ("date", facts.get("date")), ("date kind", facts.get("date_kind")),
        ("date (no year)", facts.get("date_text")), ("released", facts.get("released")),
    ]
    rows += [(level, place.get(level)) for level in ("sublocation", "city", "province", "country")]
    return [(label, str(value)) for label, value in rows if value]


def period_name(label: str | None) -> str:
    """How the timeline names a period: 2025 -> '2025', 2025-10 -> 'October', 2025-10-14 -> '14 October'.

    >>> period_name("2025-10"), period_name("2025-10-14")
    ('October', '14 October')
    """
    if not label:
        return ""
    parts = label.split("-")
    if len(parts) == 1:
        return label
    month = calendar.month_name[int(parts[1])]
    return month if len(parts) == 2 else f"{int(parts[2])} {month}"


#: What HTML does not allow in a page's text (control characters other than its white space, noncharacters):
#: a caption from a file or a CSV may carry them (a NUL), and a browser shows them as boxes or stops parsing.
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def html_text(value):
    """Jinja's `finalize`: every value a template prints, without the characters HTML does not allow (marked-up
    values stay marked up). Text is escaped after this, as before.

    >>> html_text("Gansu\\x00 train"), html_text(3)
    ('Gansu train', 3)
    """
    if isinstance(value, str) and _NOT_HTML.search(value):
        cleaned = _NOT_HTML.sub("", value)
        return type(value)(cleaned) if hasattr(value, "__html__") else cleaned
    return value


def jinja_filters() -> dict:
    """The filters every template may use, in the server and in the static export."""
    return {"date_text": render.date_text, "period_name": period_name}


def jinja_globals() -> dict:
    from catalog.web.thumbs import THUMB_SIZE

    return {"thumb_box": thumb_box, "THUMB_SIZE": THUMB_SIZE}
