"""Small builders the tests share: image files made on the spot."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def plain_jpeg(path: Path, size=(64, 48), color=(120, 140, 160)) -> Path:
    """A small valid JPEG with no metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, "JPEG", quality=80)
    return path


def jpeg_with_metadata(path: Path, *, iptc: dict | None = None, xmp: dict | None = None, exif: dict | None = None,
                       color=(90, 100, 110)) -> Path:
    """A small JPEG with metadata written by exiv2 (pyexiv2), e.g. iptc={"Iptc.Application2.City": "Kraków"}."""
    import pyexiv2

    plain_jpeg(path, color=color)
    with pyexiv2.Image(str(path)) as image:
        if exif:
            image.modify_exif(exif)
        if iptc:
            image.modify_iptc({"Iptc.Envelope.CharacterSet": "\x1b%G", **iptc})
        if xmp:
            image.modify_xmp(xmp)
    return path
