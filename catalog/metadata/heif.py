"""HEIC/HEIF (through pillow-heif, registered the first time such a file is met) and AVIF (Pillow's own).

Both are opened lazily: the container is parsed for size, EXIF and XMP; no pixel is decoded.
"""

from __future__ import annotations

import warnings
from typing import BinaryIO

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
