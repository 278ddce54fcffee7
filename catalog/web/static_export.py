"""`catalog export --format html -o OUT_DIR`: a contact sheet without a server, to mail or put on a share.

OUT_DIR gets one ``index.html`` (styles inline, no script, no link outside the folder) and a ``thumbs/``
folder of JPEG thumbnails named by photo id (``thumbs/12.jpg``), plus ``thumbs/placeholder.svg`` for
photos that cannot be previewed. Nothing is written anywhere else: file names come from ids, never from
the photos' names, and every file is written beside its target and renamed over it, so a symlink
planted in OUT_DIR is replaced rather than followed.

>>> export_html(lib, ["in:Gansu"], "gansu-sheet")     # doctest: +SKIP
ExportReport(folder=PosixPath('gansu-sheet'), photos=1, placeholders=0)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


def export_html(library, args: list[str], out_dir: str | os.PathLike, *, cache_dir=None,
                title: str | None = None) -> ExportReport:
    """Write the contact sheet of the photos the query terms select into `out_dir` (made if missing)."""
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; --format html writes a folder (index.html and thumbs/)")
    photos = library.search(list(args)).photos
    try:
        folder.mkdir(parents=True, exist_ok=True)
        thumbs = _inside(folder, folder / "thumbs")
        if thumbs.is_symlink() or (thumbs.exists() and not thumbs.is_dir()):
            raise CatalogError(f"{thumbs} is not a folder; remove it and export again")
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
                _write(thumbs / name, made.path.read_bytes())
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
    return ExportReport(folder, len(items), placeholders)


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


