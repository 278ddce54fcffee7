"""Thumbnails and screen-size renditions, made once per photo and size and kept in a cache folder.

A rendition is named by the photo's fingerprint and the size (``<fingerprint>-<size>.jpg``), never by the
file's name, so a changed file gets a new rendition and nothing a file is called can steer where one is
written. Making one decodes as little as possible (JPEG draft mode decodes at 1/2, 1/4 or 1/8 scale),
turns the picture upright (EXIF Orientation), and refuses any image over ``MAX_PIXELS`` before decoding it:
a decompression bomb gets the placeholder, not gigabytes of memory. What Pillow and libtiff say while decoding
(warnings, and messages native code writes to standard error) is kept in ``Rendition.warnings``
(catalog/quiet.py), never printed on the terminal.

>>> cache = ThumbnailCache("/tmp/thumbs")                  # doctest: +SKIP
>>> cache.get(photo, 320)                                  # doctest: +SKIP
Rendition(path=PosixPath('/tmp/thumbs/5f0c...-320.jpg'), failure=None)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from catalog.cachedir import default_cache_dir
from catalog.files import write_atomically
from catalog.quiet import kept

#: Long edge of the contact sheet's thumbnails and of the photo page's rendition, in pixels.
THUMB_SIZE = 320
SCREEN_SIZE = 1600
SIZES = (THUMB_SIZE, SCREEN_SIZE)

#: The most pixels an image may declare before it is refused unopened (Pillow's own default limit).
MAX_PIXELS = 89_478_485

PLACEHOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="213" viewBox="0 0 320 213">'
    '<rect width="320" height="213" fill="#e4e4e0"/>'
    '<path d="M130 80h60v50h-60z M140 120l15-20 12 14 8-9 15 15z" fill="none" stroke="#9a9a94" '
    'stroke-width="3"/>'
    '<text x="160" y="165" font-family="sans-serif" font-size="13" text-anchor="middle" fill="#6a6a64">'
    "no preview</text></svg>"
)

_SAFE_KEY = re.compile(r"^[0-9a-zA-Z]{1,128}$")


@dataclass
class Rendition:
    """A rendition on disk, or why there is none (the caller shows the placeholder)."""

    path: Path | None
    failure: str | None = None
    #: What the image libraries said while making it ("TIFF: LZWDecode: ..."), for a log; never printed raw.
    warnings: list[str] = field(default_factory=list)


class ThumbnailCache:
    """Renditions of catalogued photos in one folder (``<cache>/thumbs``), made on first request."""

    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root) if root is not None else default_cache_dir()
        self.folder = self.root / "thumbs"

    def path_for(self, photo, size: int) -> Path | None:
        """Where the rendition of `photo` at `size` lives; None when the fingerprint is not a plain key."""
        key = str(photo.fingerprint or "")
        if not _SAFE_KEY.match(key) or size not in SIZES:
            return None
        return self.folder / f"{key}-{size}.jpg"

    def get(self, photo, size: int) -> Rendition:
        """The rendition, made now if it is not in the cache. Never raises for a bad or missing file."""
        target = self.path_for(photo, size)
        if target is None:
            return Rendition(None, "the photo has no usable fingerprint")
        if target.exists():
            return Rendition(target)
        notes: list[str] = []
        made = make_rendition(photo.path, size, notes)
        if isinstance(made, str):
            return Rendition(None, made, notes)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(target, made)  # a symlink planted at the target is replaced, not followed
        except OSError as error:
            return Rendition(None, f"the thumbnail cache {self.folder} cannot be written: {error.strerror}", notes)
        return Rendition(target, None, notes)


def make_rendition(path: str, size: int, notes: list[str] | None = None) -> bytes | str:
    """The JPEG bytes of `path` fitted into size×size and turned upright, or the reason it cannot be made.

    What the libraries say while decoding is appended to `notes` (dropped when None), never printed.
    """
    with kept(notes if notes is not None else [], "preview"):
        return _rendition(path, size)


def _rendition(path: str, size: int) -> bytes | str:
    from PIL import Image, ImageOps, UnidentifiedImageError

    _register_heif()
    try:
        # Image.open reads the header only; Pillow itself warns (or, past twice its limit, refuses) for
        # huge images there, and the size check below refuses them before any pixel is decoded.
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                return f"the image declares {width}×{height} pixels, more than the {MAX_PIXELS:,} allowed"
            if image.format == "JPEG":
                image.draft("RGB", (size, size))
            image.load()
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((size, size), Image.Resampling.LANCZOS)
            out = BytesIO()
            _flatten(upright).save(out, "JPEG", quality=82, optimize=True, progressive=True)
            return out.getvalue()
    except FileNotFoundError:
        return "the file is no longer there"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "the image is too large to preview safely"
    except UnidentifiedImageError:
        return "the file is not an image this installation can read"
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        return f"the image cannot be decoded ({error})"


def _flatten(image):
    """An RGB copy: transparency over white, CMYK, greyscale and 16-bit converted."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode.startswith("I;16") or image.mode == "I":
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L").convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image


_heif_registered = False


def _register_heif() -> None:
    """Let Pillow open HEIC/HEIF when pillow-heif is installed (the `heif` extra)."""
    global _heif_registered
    if _heif_registered:
        return
    _heif_registered = True
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return
    register_heif_opener()
