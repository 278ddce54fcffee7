"""Photoshop image resource blocks ("8BIM" resources), the wrapper of IIM in JPEG APP13, TIFF and PSD.

Each block is: signature "8BIM", a 2-byte resource id, a Pascal-string name padded to an even length,
a 4-byte data length and the data, itself padded to an even length. For example::

    b"8BIM\\x04\\x04\\x00\\x00\\x00\\x00\\x00\\x05\\x1c\\x01Z\\x00\\x00\\x00"
    -> {0x0404: [b"\\x1c\\x01Z\\x00\\x00"]}
"""

from __future__ import annotations

import struct

#: Signatures seen on resource blocks; only "8BIM" blocks carry what we read.
SIGNATURES = (b"8BIM", b"PHUT", b"DCSR", b"AgHg", b"MeSa")

#: The resources we keep: IIM, the IPTC digest (MD5 of the IIM block), XMP, EXIF.
WANTED = {0x0404: "IIM", 0x0425: "IPTC digest", 0x0424: "XMP", 0x0422: "EXIF"}


def read_resources(data: bytes, warnings: list[str]) -> dict[int, list[bytes]]:
    """Split Photoshop resource data into {resource id: [data, ...]} for the resources in WANTED.

    A block that runs past the end of the data is cut at the end with a warning (IIM inside it may still
    be read record by record); an unknown signature ends the walk with a warning.
    """
    found: dict[int, list[bytes]] = {}
    pos, end = 0, len(data)
    while pos + 12 <= end:
        signature = data[pos : pos + 4]
        if signature not in SIGNATURES:
            if data[pos:end].strip(b"\0"):
                warnings.append("Photoshop resources: unexpected data after the last resource block")
            break
        (resource_id,) = struct.unpack_from(">H", data, pos + 4)
        name_length = data[pos + 6]
        pos += 7 + name_length + (0 if name_length & 1 else 1)  # name padded to an even size with its count
        if pos + 4 > end:
            warnings.append("Photoshop resources: a resource header is cut short")
            break
        (size,) = struct.unpack_from(">I", data, pos)
        pos += 4
        if pos + size > end:
            what = WANTED.get(resource_id, f"resource 0x{resource_id:04x}")
            warnings.append(
                f"Photoshop resources: the {what} block says it is {size} bytes but only "
                f"{end - pos} remain; read what is there"
            )
            size = end - pos
        if signature == b"8BIM" and resource_id in WANTED:
            found.setdefault(resource_id, []).append(data[pos : pos + size])
        pos += size + (size & 1)
    return found
