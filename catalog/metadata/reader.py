"""``read(path)``: one photo file (and its XMP sidecar) to a PhotoMetadata, or a ReadFailure saying why not.

The file's format is decided by its first bytes; a walker for that format collects the raw blocks, each block
is decoded (exif.py, iim.py, xmp.py), and reconcile.py picks one value per field. No pixel is decoded and,
for JPEG, only the bytes before the image data are read.
"""

from __future__ import annotations

import errno
import os
from typing import Any

from catalog.metadata.blocks import Blocks, Unreadable
from catalog.metadata.exif import ExifValues, read_exif, read_exif_bytes
from catalog.metadata.iim import IimBlock, read_iim
from catalog.metadata.provenance import build_provenance
from catalog.metadata.reconcile import Found, reconcile
from catalog.metadata.restrictions import rights_texts
from catalog.metadata.sidecar import read_sidecar
from catalog.metadata.sniff import HEAD_SIZE, sniff
from catalog.metadata.types import PhotoMetadata, ReadFailure
from catalog.metadata.walkers import WALKERS
from catalog.metadata.xmp import merge_extended, parse_xmp


def read(path: str | os.PathLike[str], *, sidecars: bool = True) -> PhotoMetadata | ReadFailure:
    """Read one photo's metadata (and its XMP sidecar unless ``sidecars=False``); never raises.

    Every problem is a ReadFailure (the file cannot be read as an image) or a warning (one field or block).
    """
    name = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    try:
        return _read(name, sidecars)
    except OSError as error:
        return ReadFailure(name, _os_reason(error))
    except Exception as error:  # noqa: BLE001 -- the last resort: a bug, or a hostile file not yet handled
        return ReadFailure(name, f"could not read the file: unexpected {type(error).__name__} ({error})")


def _read(path: str, sidecars: bool) -> PhotoMetadata | ReadFailure:
    """Sniff, walk, decode and reconcile."""
    with open(path, "rb") as f:
        head = f.read(HEAD_SIZE)
        file_format, reason = sniff(head)
        if file_format is None:
            return ReadFailure(path, reason or "not an image")
        try:
            blocks = WALKERS[file_format](f)
        except Unreadable as error:
            return ReadFailure(path, str(error))
        warnings = blocks.warnings
        exif = _decode_exif(blocks, warnings)
    if file_format == "JPEG" and blocks.width is None and exif is None and not blocks.iim and not blocks.xmp:
        return ReadFailure(path, "damaged JPEG: no image header or metadata could be found")
    iim, iim_in_sync = _decode_iim(blocks, warnings)
    embedded = _decode_xmp(blocks, warnings)
    sidecar = read_sidecar(path, warnings) if sidecars else {}
    result = reconcile(Found(exif=exif, iim=iim, iim_in_sync=iim_in_sync, xmp=embedded, sidecar=sidecar))
    if not blocks.width and not result.fields:  # a signature followed by nothing we can make sense of
        name = {"WEBP": "WebP"}.get(blocks.format, blocks.format)
        return ReadFailure(path, f"damaged {name} file: no image header or metadata could be found")
    xmp = {**embedded, **sidecar}
    c2pa = None
    if blocks.c2pa:  # rare: only then is the c2pa library loaded (credentials.py)
        from catalog.metadata.credentials import read_c2pa
        from catalog.quiet import kept

        with kept(warnings, "C2PA"):  # a native library: what it prints is kept, not shown raw
            c2pa = read_c2pa(path, blocks.c2pa)
    display_width, display_height = display_size(blocks, exif)
    return PhotoMetadata(
        path=path,
        format=blocks.format,
        width=blocks.width or None,
        height=blocks.height or None,
        display_width=display_width,
        display_height=display_height,
        fields=result.fields,
        conflicts=result.conflicts,
        location_shown=result.location_shown,
        alternatives=result.alternatives,
        iim_charset=iim.charset if iim is not None else None,
        warnings=warnings + result.warnings,
        rights=rights_texts(result.fields, xmp),
        provenance=build_provenance(xmp, c2pa, result.fields.get("digital_source_type")),
        damage=blocks.damage,
        thumbnail=file_format == "JPEG" and (blocks.photoshop_thumbnail or (
            blocks.exif is not None and b"\xff\xd8\xff" in blocks.exif[8:])),
    )


def display_size(blocks: Blocks, exif: ExifValues | None) -> tuple[int | None, int | None]:
    """The size shown upright: the container's crop and rotation for HEIF and AVIF (which govern there: the
    EXIF Orientation of an iPhone HEIC repeats the container's turn and is not applied again), else the
    stored size turned by EXIF Orientation (5 to 8 turn it a quarter: width and height swap).

    >>> display_size(Blocks("JPEG", width=3000, height=2000), ExifValues(orientation=6))
    (2000, 3000)
    >>> display_size(Blocks("HEIF", width=4032, height=3024, display_size=(3024, 4032)), ExifValues(orientation=6))
    (3024, 4032)
    """
    if not blocks.width or not blocks.height:
        return None, None
    if blocks.format in ("HEIF", "AVIF"):
        return blocks.display_size or (blocks.width, blocks.height)
    if exif is not None and exif.orientation is not None and exif.orientation >= 5:
        return blocks.height, blocks.width
    return blocks.width, blocks.height


def _decode_exif(blocks: Blocks, warnings: list[str]) -> ExifValues | None:
    """EXIF from the file's own TIFF structure, or from the EXIF bytes the walker found."""
    if blocks.exif_reader is not None:
        return read_exif(blocks.exif_reader)
    if blocks.exif:
        return read_exif_bytes(blocks.exif, warnings)
    return None


def _decode_iim(blocks: Blocks, warnings: list[str]) -> tuple[IimBlock | None, bool]:
    """The IIM blocks read as one, and whether XMP may be preferred to them.

    XMP may be preferred unless the first IIM block sits in its standard place, a digest is stored, and the
    digest differs from the MD5 of that block.
    """
    if not blocks.iim:
        return None, True
    iim = read_iim(*blocks.iim)
    warnings.extend(iim.warnings)
    in_sync = not (
        blocks.iim_standard and blocks.iptc_digest is not None and blocks.iptc_digest != iim.digest
    )
    return iim, in_sync


def _decode_xmp(blocks: Blocks, warnings: list[str]) -> dict[str, Any]:
    """The main XMP packet (later packets fill gaps), plus its ExtendedXMP when the GUID matches."""
    properties: dict[str, Any] = {}
    for index, packet in enumerate(blocks.xmp):
        label = "XMP" if index == 0 else f"XMP packet {index + 1}"
        merge_extended(properties, parse_xmp(packet, warnings, label))
    guid = properties.get("xmpNote:HasExtendedXMP")
    if isinstance(guid, str) and guid in blocks.xmp_extended:
        chunks = blocks.xmp_extended[guid]
        data = b"".join(chunks[offset] for offset in sorted(chunks))
        if len(data) != blocks.xmp_extended_size.get(guid):
            warnings.append("ExtendedXMP: some chunks are missing; read what is there")
        merge_extended(properties, parse_xmp(data, warnings, "ExtendedXMP"))
    elif blocks.xmp_extended:
        warnings.append("ExtendedXMP: found chunks that the main XMP does not point to; ignored")
    return properties


def _os_reason(error: OSError) -> str:
    """An operating-system error in plain words."""
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.EINVAL:
        return "cannot read the file (the operating system refused a seek or read)"
    return f"cannot read the file ({error.strerror or error})"
