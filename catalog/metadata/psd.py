"""Read a Photoshop document's header and image resources (IIM, IPTC digest, XMP, EXIF); layers are skipped.

Layout: "8BPS", version, 6 reserved bytes, channels, height, width, depth, colour mode (26 bytes), then the
colour-mode data and the image resources, each preceded by a 4-byte length.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.metadata.blocks import Blocks
from catalog.metadata.photoshop import read_resources

#: The largest image-resource section we read.
MAX_RESOURCES = 64 * 1024 * 1024


def walk_psd(f: BinaryIO) -> Blocks:
    """Read the size and the image resources of the PSD (or PSB) open in ``f``."""
    blocks = Blocks("PSD")
    f.seek(0)
    header = f.read(26)
    if len(header) < 26:
        blocks.warnings.append("PSD: the file ends inside its header")
        return blocks
    blocks.height, blocks.width = struct.unpack_from(">II", header, 14)
    (mode_data,) = struct.unpack(">I", f.read(4).rjust(4, b"\0"))
    f.seek(26 + 4 + mode_data)
    size_bytes = f.read(4)
    if len(size_bytes) < 4:
        blocks.warnings.append("PSD: the file ends before its image resources")
        return blocks
    (size,) = struct.unpack(">I", size_bytes)
    if size > MAX_RESOURCES:
        blocks.warnings.append("PSD: the image resources section is implausibly large; not read")
        return blocks
    data = f.read(size)
    if len(data) < size:
        blocks.warnings.append("PSD: the file ends inside its image resources")
    blocks.add_photoshop_resources(read_resources(data, blocks.warnings), standard=True)
    return blocks
