"""Photoshop image resource blocks ("8BIM" resources), the wrapper of IIM in JPEG APP13, TIFF and PSD: read and written.

Each block is: signature "8BIM", a 2-byte resource id, a Pascal-string name padded to an even length,
a 4-byte data length and the data, itself padded to an even length. For example::

    b"8BIM\\x04\\x04\\x00\\x00\\x00\\x00\\x00\\x05\\x1c\\x01Z\\x00\\x00\\x00"
    -> {0x0404: [b"\\x1c\\x01Z\\x00\\x00"]}

``resource_blocks`` is the one walk over the bytes: ``read_resources`` (the readers) keeps the data of the
resources we use, the write-back keeps every block with its name and position and gives them back to
``write_resources``.
"""

from __future__ import annotations

import hashlib
import struct
from typing import NamedTuple

from catalog.metadata.blocks import Malformed

#: Signatures seen on resource blocks; only "8BIM" blocks carry what we read.
SIGNATURES = (b"8BIM", b"PHUT", b"DCSR", b"AgHg", b"MeSa")

IIM, IPTC_DIGEST = 0x0404, 0x0425

#: The resources we keep: IIM, the IPTC digest (MD5 of the IIM block), XMP, EXIF.
WANTED = {IIM: "IIM", IPTC_DIGEST: "IPTC digest", 0x0424: "XMP", 0x0422: "EXIF"}


class Resource(NamedTuple):
    """One resource block: its id, its name as stored (the Pascal string with its count byte and padding), its
    data (without padding), its signature, and where the block starts in the resource data."""

    id: int
    name: bytes
    data: bytes
    signature: bytes = b"8BIM"
    offset: int = 0


def resource_blocks(data: bytes, warnings: list[str]) -> list[Resource]:
    """Every resource block in order, names and positions included.

    A block that runs past the end of the data is cut at the end with a warning (IIM inside it may still
    be read record by record); an unknown signature ends the walk with a warning.

    >>> [(hex(r.id), r.data) for r in resource_blocks(b"8BIM\\x04\\x04\\0\\0\\0\\0\\0\\x02ab", [])]
    [('0x404', b'ab')]
    """
    found: list[Resource] = []
    pos, end = 0, len(data)
    while pos + 12 <= end:
        start = pos
        signature = data[pos : pos + 4]
        if signature not in SIGNATURES:
            if data[pos:end].strip(b"\0"):
                warnings.append("Photoshop resources: unexpected data after the last resource block")
            return found
        (resource_id,) = struct.unpack_from(">H", data, pos + 4)
        name_length = data[pos + 6]
        pos += 7 + name_length + (0 if name_length & 1 else 1)  # name padded to an even size with its count
        if pos + 4 > end:
            warnings.append("Photoshop resources: a resource header is cut short")
            return found
        name = data[start + 6 : pos]
        (size,) = struct.unpack_from(">I", data, pos)
        pos += 4
        if pos + size > end:
            what = WANTED.get(resource_id, f"resource 0x{resource_id:04x}")
            warnings.append(
                f"Photoshop resources: the {what} block says it is {size} bytes but only "
                f"{end - pos} remain; read what is there"
            )
            size = end - pos
        found.append(Resource(resource_id, name, data[pos : pos + size], signature, start))
        pos += size + (size & 1)
    if data[pos:end].strip(b"\0"):
        warnings.append("Photoshop resources: a few bytes after the last resource block are not one; ignored")
    return found


def read_resources(data: bytes, warnings: list[str]) -> dict[int, list[bytes]]:
    """Split Photoshop resource data into {resource id: [data, ...]} for the "8BIM" resources in WANTED."""
    found: dict[int, list[bytes]] = {}
    for resource in resource_blocks(data, warnings):
        if resource.signature == b"8BIM" and resource.id in WANTED:
            found.setdefault(resource.id, []).append(resource.data)
    return found


def strict_resource_blocks(data: bytes) -> list[Resource]:
    """Every resource block of data that is whole; raises Malformed when a block is damaged or bytes are left."""
    problems: list[str] = []
    found = resource_blocks(data, problems)
    if problems:
        raise Malformed("this file's Photoshop data, which holds its IPTC, is damaged", problems[0])
    return found


def write_resources(resources: list[Resource]) -> bytes:
    """Resource blocks as bytes, each name and data padded to an even length; the inverse of resource_blocks.

    >>> write_resources(resource_blocks(b"8BIM\\x04\\x04\\0\\0\\0\\0\\0\\x03abc\\0", []))
    b'8BIM\\x04\\x04\\x00\\x00\\x00\\x00\\x00\\x03abc\\x00'
    """
    return b"".join(
        r.signature + struct.pack(">H", r.id) + r.name + struct.pack(">I", len(r.data)) + r.data
        + b"\0" * (len(r.data) % 2)
        for r in resources
    )


def with_iptc_digest(resources: list[Resource]) -> list[Resource]:
    """The resources with the IPTC digest (0x0425) set to the MD5 of the first IIM block, after the others.

    The digest is how MWG readers tell that IIM and XMP were written together: a stale one tells them the IIM
    was changed behind the XMP's back. Without IIM, no digest is kept.
    """
    iim = [r.data for r in resources if r.id == IIM and r.signature == b"8BIM"]
    kept = [r for r in resources if r.id != IPTC_DIGEST]
    if iim:
        kept.append(Resource(IPTC_DIGEST, b"\0\0", hashlib.md5(iim[0]).digest()))
    return kept
