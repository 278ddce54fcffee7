"""HEIC/HEIF (through pillow-heif, registered the first time such a file is met) and AVIF (Pillow's own).

Both are opened lazily: the container is parsed for size, EXIF and XMP; no pixel is decoded.
"""

from __future__ import annotations

import warnings
from typing import BinaryIO

from catalog.metadata import jumbf
from catalog.metadata.blocks import Blocks, Unreadable

INSTALL_HINT = "unsupported format (install catalog[heif])"


class UnsupportedFormat(Unreadable):
    """The file is in a format this installation cannot open; the message is the ReadFailure reason."""


_heif_registered = False


def _register_heif() -> None:
    """Register pillow-heif's opener with Pillow once, on the first HEIF file."""
    global _heif_registered
    if _heif_registered:
        return
    try:
        import pillow_heif
    except ImportError as error:
        raise UnsupportedFormat(INSTALL_HINT) from error
    pillow_heif.register_heif_opener()
    _heif_registered = True


def walk_heif(f: BinaryIO, format_name: str) -> Blocks:
    """Size, EXIF and XMP of the HEIF or AVIF open in ``f``."""
    from PIL import Image, UnidentifiedImageError

    if format_name == "HEIF":
        _register_heif()
        formats = ["HEIF"]
    else:
        from PIL import features

        if not features.check("avif"):
            raise UnsupportedFormat("unsupported format (AVIF: this Pillow was built without AVIF support)")
        formats = ["AVIF"]
    blocks = Blocks(format_name)
    blocks.c2pa = _bmff_c2pa(f)
    f.seek(0)
    try:
        with (
            warnings.catch_warnings()
        ):  # Pillow warns (UserWarning) about damaged EXIF it meets while opening
            warnings.simplefilter("ignore")
            image = Image.open(f, formats=formats)
    except UnidentifiedImageError as error:
        raise UnsupportedFormat(f"damaged {format_name} file (its container cannot be parsed)") from error
    except (OSError, ValueError, SyntaxError, RuntimeError) as error:
        raise UnsupportedFormat(f"damaged {format_name} file ({error})") from error
    with image:
        blocks.width, blocks.height = image.size
        exif = image.info.get("exif")
        if exif:
            blocks.take_exif(exif)
        xmp = image.info.get("xmp")
        if xmp:
            blocks.xmp.append(xmp if isinstance(xmp, bytes) else xmp.encode("utf-8"))
    return blocks


def _bmff_c2pa(f: BinaryIO) -> str | None:
    """Walk the top-level boxes (a handful: ftyp, meta, mdat, ...) for the C2PA "uuid" box."""
    f.seek(0)
    for _ in range(64):
        header = f.read(16)
        if len(header) < 8:
            return None
        size, kind = int.from_bytes(header[:4], "big"), header[4:8]
        start = 8
        if size == 1 and len(header) == 16:
            size, start = int.from_bytes(header[8:16], "big"), 16
        if kind == b"uuid":
            f.seek(start - len(header), 1)
            if f.read(16) == jumbf.BMFF_C2PA_UUID:
                return "c2pa"
            f.seek(-16 - start, 1)
        if size < start:  # 0: the box runs to the end of the file
            return None
        f.seek(size - len(header), 1)
    return None
