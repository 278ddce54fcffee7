"""IIM kept in trailers: blocks some tools append after a JPEG's or TIFF's image data, outside the format.

Two kinds hold IPTC-IIM, and a file may carry both, one after the other; they are found from the end of the
file backwards, as ExifTool does, each from its last bytes:

* AFCP (Axs Technology's "AXS!" or "AXS*" in the last 12 bytes): signature and the trailer's start offset. At
  the start: signature, version, entry count, then 12-byte entries (4-byte tag, size, offset); the "IPTC"
  entry holds IIM.
* FotoStation (FotoWare): a chain of records, each ending in a 10-byte footer (2-byte tag, 4-byte size of the
  record with its footer, the signature A1 B2 C3 D4), the last record at the very end. Record 1 is IIM;
  2 (crop and rotation), 3 (thumbnail) and 4 (preview) are passed over without being read.

The IIM found is added after the file's own (``blocks.iim``): not where the MWG guidelines look, so its
datasets fill only what the file's own IIM lacks. Reading costs one read of the file's last 12 bytes when
there is no trailer (none when the JPEG walk read the file's end already).

For example, a JPEG that ends ``... FF D9`` + IIM bytes + ``00 01 00 00 0F AA A1 B2 C3 D4`` (record 1,
4010 bytes with its footer) gives ``blocks.iim == [the 4000 IIM bytes]``.
"""

from __future__ import annotations

import os
import struct
from typing import BinaryIO

from catalog.metadata.blocks import Blocks

FOTOSTATION_SIGNATURE = b"\xa1\xb2\xc3\xd4"
FOTOSTATION_IPTC = 1
#: More trailers, or more FotoStation records, than this means the end of the file is not what it seems.
MOST_TRAILERS = 8
MOST_RECORDS = 64
#: The largest IIM block read from a trailer (real ones are a few kilobytes).
MOST_IIM = 1024 * 1024


def read_trailers(f: BinaryIO, blocks: Blocks, last: tuple[int, bytes] | None = None) -> None:
    """Add the IIM of the AFCP and FotoStation trailers at the end of the open file to ``blocks``.

    ``last``: the file's last bytes and where they start, when the caller has read them already (a JPEG's
    walk, looking for its end-of-image marker): a file without a trailer then costs no read at all.
    """
    if last is not None:
        end = last[0] + len(last[1])
    else:
        try:
            end = os.fstat(f.fileno()).st_size
        except (AttributeError, OSError, ValueError):  # not a real file (BytesIO in a test): measure it
            end = f.seek(0, 2)
    for _ in range(MOST_TRAILERS):
        if end < 12:
            return
        if last is not None and end - 12 >= last[0] and end <= last[0] + len(last[1]):
            tail = last[1][end - 12 - last[0]:end - last[0]]
        else:
            f.seek(end - 12)
            tail = f.read(12)
        if tail[:4] in (b"AXS!", b"AXS*"):
            start = _afcp(f, blocks, tail)
        elif tail[-4:] == FOTOSTATION_SIGNATURE:
            start = _fotostation(f, blocks, end)
        else:
            return
        if start is None or not 0 <= start < end:
            return
        end = start


def _afcp(f: BinaryIO, blocks: Blocks, tail: bytes) -> int | None:
    """Read one AFCP trailer whose last 12 bytes are ``tail``; its start offset, or None when it is damaged."""
    order = ">" if tail[3:4] == b"!" else "<"
    (start,) = struct.unpack_from(order + "I", tail, 4)
    f.seek(start)
    head = f.read(12)
    if head[:4] != tail[:4]:
        blocks.warnings.append("AFCP: the trailer points to no AFCP header; ignored")
        return None
    (count,) = struct.unpack_from(order + "H", head, 6)
    directory = f.read(12 * min(count, 64))
    for at in range(0, len(directory) - 11, 12):
        tag, size, offset = struct.unpack_from(order + "4sII", directory, at)
        if tag == b"IPTC" and size < MOST_IIM:
            f.seek(offset)
            data = f.read(size)
            if len(data) == size:
                blocks.iim.append(data)
            break
    return start


def _fotostation(f: BinaryIO, blocks: Blocks, end: int) -> int | None:
    """Read the FotoStation records that end at ``end``; where the first of them starts."""
    found: list[bytes] = []
    for _ in range(MOST_RECORDS):
        if end < 10:
            break
        f.seek(end - 10)
        footer = f.read(10)
        tag, size, signature = struct.unpack(">HI4s", footer)
        if signature != FOTOSTATION_SIGNATURE:
            break
        if size < 10 or size > end:
            blocks.warnings.append("FotoStation: a trailer record claims more bytes than the file has; ignored")
            break
        if tag == FOTOSTATION_IPTC and size - 10 <= MOST_IIM:
            f.seek(end - size)
            found.append(f.read(size - 10))
        end -= size
    blocks.iim.extend(reversed(found))  # in file order
    return end
