"""`catalog export --format html -o OUT_DIR`: a contact sheet without a server, to mail or put on a share.

OUT_DIR gets one ``index.html`` (styles inline, no script, no link outside the folder) and a ``thumbs/``
folder of JPEG thumbnails named by photo id (``thumbs/12.jpg``), plus ``thumbs/placeholder.svg`` for
photos that cannot be previewed. Nothing is written anywhere else: file names come from ids, never from
the photos' names, and every file is written beside its target and renamed over it, so a symlink
planted in OUT_DIR is replaced rather than followed.

A file the export did not write is never replaced in silence. Before anything is written, each name it is
about to write that is there already must be its own: the `index.html` of an earlier export (its generator
tag), a thumbnail it wrote (each carries a JPEG comment saying so, `MARK`), its placeholder, or any regular
file in a folder whose `index.html` is an earlier export's. Anything else there (a picture of someone's
called `thumbs/12.jpg`, a page of their own called `index.html`, a symbolic link) stops the export, nothing
written, and names it; `force` replaces them and the report lists them.

>>> export_html(lib, ["in:Gansu"], "gansu-sheet")     # doctest: +SKIP
ExportReport(folder=PosixPath('gansu-sheet'), photos=1, placeholders=0)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from catalog.credits import credit_text
from catalog.errors import CatalogError, UsageError
from catalog.files import write_atomically
from catalog.web import views
from catalog.web.thumbs import PLACEHOLDER_SVG, THUMB_SIZE, ThumbnailCache


@dataclass
class ExportReport:
    """What an export wrote: the folder, how many photos, and how many got the placeholder."""

    folder: Path
    photos: int
    placeholders: int
    #: Files the export replaced that it had not written (only with `force`).
    replaced: list[Path] = field(default_factory=list)


#: The JPEG comment every exported thumbnail carries, and the generator tag of the exported index.html: how an
#: export knows the files it wrote before from anybody else's.
MARK = b"catalog export --format html"
_GENERATOR = b'<meta name="generator" content="catalog export --format html">'


class ForeignFiles(CatalogError):
    """An export would replace files it did not write; `paths` names them."""

    def __init__(self, folder: Path, paths: list[Path]):
        self.paths = paths
        named = ", ".join(str(path.relative_to(folder)) for path in paths[:5])
        more = f" and {len(paths) - 5} more" if len(paths) > 5 else ""
        super().__init__(f"{folder} holds {len(paths)} file{'s' if len(paths) != 1 else ''} that no contact sheet "
                         f"export wrote, which this one would replace ({named}{more}); nothing was written. "
                         "Export into an empty folder, or add --force to replace them")


def export_html(library, args: list[str], out_dir: str | os.PathLike, *, cache_dir=None,
                title: str | None = None, force: bool = False) -> ExportReport:
    """Write the contact sheet of the photos the query terms select into `out_dir` (made if missing); files there
    that no export wrote are replaced only with `force` (else `ForeignFiles`, nothing written)."""
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; --format html writes a folder (index.html and thumbs/)")
    photos = library.search(list(args)).photos
    try:
        thumbs = folder / "thumbs"
        if folder.is_dir():
            _inside(folder, thumbs)
        if thumbs.is_symlink() or (thumbs.exists() and not thumbs.is_dir()):
            raise CatalogError(f"{thumbs} is not a folder; remove it and export again")
        foreign = _foreign(folder, [folder / "index.html", thumbs / "placeholder.svg",
                                    *(thumbs / f"{int(photo.id)}.jpg" for photo in photos)])
        if foreign and not force:
            raise ForeignFiles(folder, foreign)
        folder.mkdir(parents=True, exist_ok=True)
        thumbs.mkdir(exist_ok=True)
        cache = ThumbnailCache(cache_dir)
        items, placeholders = [], 0
        for photo, card in zip(photos, views.cards(library, photos)):
            made = cache.get(photo, THUMB_SIZE)
            if made.path is None:
                placeholders += 1
                if placeholders == 1:
                    _write(thumbs / "placeholder.svg", PLACEHOLDER_SVG.encode())
                src = "thumbs/placeholder.svg"
            else:
                name = f"{int(photo.id)}.jpg"
                _write(thumbs / name, _marked(made.path.read_bytes()))
                src = f"thumbs/{name}"
            items.append({"card": card, "src": src})
        query = " ".join(args)
        html = _environment().get_template("export.html").render(
            title=title or (f"Contact sheet: {query}" if query else "Contact sheet"),
            query=query,
            total=len(items),
            made=datetime.now().strftime("%Y-%m-%d %H:%M"),
            items=items,
            credits=credit_text([(photo, library.credit_entry(photo)) for photo in photos]),
            css=(views.STATIC / "style.css").read_text(encoding="utf-8"),
        )
        _write(folder / "index.html", html.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or error
        raise CatalogError(f"cannot write the contact sheet in {folder}: {reason}") from error
    return ExportReport(folder, len(items), placeholders, foreign)


def _foreign(folder: Path, targets: list[Path]) -> list[Path]:
    """Those of `targets` that are there and that no export wrote (see the module docstring)."""
    index = folder / "index.html"
    sheet = _starts_with(index, _GENERATOR, within=2048) and not index.is_symlink()
    found = []
    for target in targets:
        if not os.path.lexists(target):
            continue
        if target.is_symlink() or not target.is_file():
            found.append(target)
        elif target == index:
            if not sheet:
                found.append(target)
        elif not sheet and not (_starts_with(target, _marked(b"\xff\xd8"), within=0)
                                or _starts_with(target, PLACEHOLDER_SVG.encode(), within=0)):
            found.append(target)
    return found


def _starts_with(path: Path, wanted: bytes, *, within: int) -> bool:
    """Whether `wanted` is among the first `within` bytes of the file (False when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return wanted in handle.read(max(within, len(wanted)))
    except OSError:
        return False


def _marked(jpeg: bytes) -> bytes:
    """The thumbnail with MARK as a JPEG comment right after its start: how the next export knows it."""
    if not jpeg.startswith(b"\xff\xd8"):
        return jpeg
    return b"\xff\xd8\xff\xfe" + (len(MARK) + 2).to_bytes(2, "big") + MARK + jpeg[2:]


def _environment():
    """Jinja with autoescaping on, over the same templates the server uses (no Flask needed)."""
    try:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
    except ImportError as error:
        raise CatalogError("--format html needs Jinja2: pip install jinja2") from error

    environment = Environment(
        loader=FileSystemLoader(str(views.TEMPLATES)),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        finalize=views.html_text,
    )
    environment.filters.update(views.jinja_filters())
    environment.globals.update(views.jinja_globals())
    return environment


def _inside(folder: Path, target: Path) -> Path:
    """`target`, after checking it resolves inside `folder` (it always should: names come from ids)."""
    if not target.resolve().is_relative_to(folder.resolve()):
        raise CatalogError(f"refusing to write {target}: it leads outside {folder}")
    return target


def _write(target: Path, content: bytes) -> None:
    """Write through a temporary file in the same folder, then rename over the target (readable by all)."""
    write_atomically(target, content, mode=0o644)


