"""HEIC/HEIF (through pillow-heif, registered the first time such a file is met) and AVIF (Pillow's own).

Both are opened lazily: the container is parsed for EXIF and XMP; no pixel is decoded. The size is read from
the container's own boxes (``heif_sizes``), as ExifTool reports it: the primary image's stored size ("ispe"),
before the container's crop ("clap") and rotation ("irot") are applied. pillow-heif reports the size after
them and Pillow's AVIF plugin before, so neither is used when the boxes can be read. The size a viewer
shows, after crop and rotation, is kept apart as the display size. For example, an iPhone HEIC stored as
4032×3024 with irot 90° has width 4032, height 3024 and display size 3024×4032.

What libheif and libavif say while parsing (Python warnings, native messages on standard error) becomes the
file's warnings (catalog/quiet.py).
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.metadata import jumbf
from catalog.metadata.blocks import Blocks, Unreadable
from catalog.quiet import kept

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
        # Registered by hand: Image.open(formats=["AVIF"]) would otherwise import every plugin Pillow has
        # (Image.init, about 18 ms a reader process) to find this one.
        from PIL import AvifImagePlugin  # noqa: F401
        formats = ["AVIF"]
    blocks = Blocks(format_name)
    meta = _top_level_boxes(f, blocks)
    f.seek(0)
    try:
        with kept(blocks.warnings, format_name):  # e.g. Pillow's warning about damaged EXIF met while opening
            image = Image.open(f, formats=formats)
    except UnidentifiedImageError as error:
        raise UnsupportedFormat(f"damaged {format_name} file (its container cannot be parsed)") from error
    except (OSError, ValueError, SyntaxError, RuntimeError) as error:
        raise UnsupportedFormat(f"damaged {format_name} file ({error})") from error
    sizes = heif_sizes(meta) if meta is not None else None
    with image:
        blocks.width, blocks.height = image.size
        if sizes is not None:
            (blocks.width, blocks.height), blocks.display_size = sizes
        exif = image.info.get("exif")
        if exif:
            blocks.take_exif(exif)
        xmp = image.info.get("xmp")
        if xmp:
            blocks.xmp.append(xmp if isinstance(xmp, bytes) else xmp.encode("utf-8"))
    return blocks


#: The largest "meta" box read for the sizes (real ones are a few kilobytes; a grid of tiles some more).
MAX_META = 4 * 1024 * 1024


def _top_level_boxes(f: BinaryIO, blocks: Blocks) -> bytes | None:
    """Walk the top-level boxes (a handful: ftyp, meta, mdat, ...): note a C2PA "uuid" box in
    ``blocks.c2pa``, and return the body of the "meta" box (None when there is none we can read)."""
    meta = None
    position = 0
    for _ in range(64):
        f.seek(position)
        header = f.read(16)
        if len(header) < 8:
            break
        size, kind = int.from_bytes(header[:4], "big"), header[4:8]
        start = 8
        if size == 1 and len(header) == 16:
            size, start = int.from_bytes(header[8:16], "big"), 16
        if kind == b"uuid":
            f.seek(position + start)
            if f.read(16) == jumbf.BMFF_C2PA_UUID:
                blocks.c2pa = "c2pa"
        elif kind == b"meta" and meta is None and start <= size <= MAX_META:
            f.seek(position + start)
            meta = f.read(size - start)
        if size < start:  # 0: the box runs to the end of the file
            break
        position += size
    return meta


def _boxes(data: bytes, at: int = 0) -> dict[bytes, list[bytes]]:
    """The child boxes in data[at:], by type, each as its body."""
    found: dict[bytes, list[bytes]] = {}
    for kind, body in _ordered_boxes(data, at):
        found.setdefault(kind, []).append(body)
    return found


def heif_sizes(meta: bytes) -> tuple[tuple[int, int], tuple[int, int]] | None:
    r"""((stored width, height), (display width, height)) of the primary image, from the body of a HEIF/AVIF
    "meta" box; None when the boxes do not say (the caller keeps the decoder's size).

    The primary item ("pitm") has properties ("iprp": "ipco" holds them, "ipma" says which item has which):
    "ispe" is the stored size; "clap" crops it and "irot" turns it (90° or 270° swap width and height), in the
    order the item lists them; "imir" mirrors, which changes no size.

    >>> meta = bytes(4) + _box(b"pitm", bytes(4) + b"\0\1") + _box(b"iprp", _box(b"ipco",
    ...     _box(b"ispe", bytes(4) + struct.pack(">II", 4032, 3024)) + _box(b"irot", b"\1"))
    ...     + _box(b"ipma", bytes(4) + struct.pack(">IHB", 1, 1, 2) + b"\x81\x02"))
    >>> heif_sizes(meta)
    ((4032, 3024), (3024, 4032))
    """
    if len(meta) < 4:
        return None
    top = _boxes(meta, 4)  # "meta" is a full box: version and flags first
    pitm, iprp = top.get(b"pitm"), top.get(b"iprp")
    if not pitm or not iprp or len(pitm[0]) < 6:
        return None
    primary = struct.unpack_from(">H" if pitm[0][0] == 0 else ">I", pitm[0], 4)[0]
    inside = _boxes(iprp[0])
    if not inside.get(b"ipco") or not inside.get(b"ipma"):
        return None
    properties = _ordered_boxes(inside[b"ipco"][0])
    stored = display = None
    for index in _associations(inside[b"ipma"][0], primary):
        if not 1 <= index <= len(properties):
            continue
        kind, body = properties[index - 1]
        if kind == b"ispe" and len(body) >= 12 and stored is None:
            stored = struct.unpack_from(">II", body, 4)
            display = stored
        elif kind == b"clap" and len(body) >= 16 and display is not None:
            width_n, width_d, height_n, height_d = struct.unpack_from(">IIII", body)
            if width_d and height_d and width_n and height_n:
                display = (round(width_n / width_d), round(height_n / height_d))
        elif kind == b"irot" and body and display is not None and body[0] & 1:
            display = (display[1], display[0])
    if stored is None or not all(stored) or display is None:
        return None
    return stored, display


def _ordered_boxes(data: bytes, at: int = 0) -> list[tuple[bytes, bytes]]:
    """The child boxes in data[at:] in file order, as (type, body with the header removed); a box that claims
    more bytes than there are ends the walk. Property indexes count the boxes of "ipco" in this order."""
    boxes: list[tuple[bytes, bytes]] = []
    while at + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, at)
        start = 8
        if size == 1 and at + 16 <= len(data):
            (size,) = struct.unpack_from(">Q", data, at + 8)
            start = 16
        elif size == 0:
            size = len(data) - at
        if size < start or at + size > len(data):
            break
        boxes.append((kind, data[at + start : at + size]))
        at += size
    return boxes


def _associations(ipma: bytes, item: int) -> list[int]:
    """The property indexes (1-based into "ipco") an "ipma" box gives ``item``, in its order."""
    if len(ipma) < 8:
        return []
    version, flags = ipma[0], int.from_bytes(ipma[1:4], "big")
    (count,) = struct.unpack_from(">I", ipma, 4)
    at = 8
    wide_id, wide_index = version >= 1, bool(flags & 1)
    for _ in range(min(count, 65536)):
        if at + (4 if wide_id else 2) + 1 > len(ipma):
            break
        item_id = struct.unpack_from(">I" if wide_id else ">H", ipma, at)[0]
        at += 4 if wide_id else 2
        n = ipma[at]
        at += 1
        size = 2 if wide_index else 1
        if at + n * size > len(ipma):
            break
        if item_id == item:
            if wide_index:
                return [struct.unpack_from(">H", ipma, at + i * 2)[0] & 0x7FFF for i in range(n)]
            return [ipma[at + i] & 0x7F for i in range(n)]
        at += n * size
    return []


def _box(kind: bytes, body: bytes) -> bytes:
    """A box: 32-bit size, type, body (for the examples and tests)."""
    return struct.pack(">I", len(body) + 8) + kind + body
