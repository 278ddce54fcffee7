"""Tell from a few bytes whether a file carries C2PA Content Credentials, so that only those files are read
with the c2pa library (importing it alone costs a third of a second).

C2PA keeps its manifest store in a JUMBF superbox: a "jumb" box whose first child, a "jumd" description box,
starts with a 16-byte type; for a C2PA manifest store that type is "c2pa" followed by the suffix every JUMBF
type shares. Each format puts the box in its own place:

    JPEG   APP11 segments: "JP", 2-byte instance, 4-byte sequence number, then the box
    PNG    a "caBX" chunk holding the box
    WebP   a "C2PA" chunk holding the box
    HEIF   a top-level "uuid" box with the C2PA UUID d8fec3d6-1b0e-483c-9297-5828877ec481
    TIFF   tag 52545 (0xCD41) in IFD0

For example, the start of a JPEG APP11 payload::

    b"JP\\x02\\x11\\x00\\x00\\x00\\x01" + b"\\x00\\x00cujumb" + b"\\x00\\x00\\x00\\x1ejumdc2pa\\x00\\x11\\x00\\x10..."
    -> "c2pa"

Before C2PA the Content Authenticity Initiative wrote a store labelled "cai" (type "cacb"); c2pa cannot
read it, so it is told apart ("cai") rather than handed to the library.
"""

from __future__ import annotations

#: The 12 bytes every JUMBF description type ends with (ISO/IEC 19566-5).
JUMBF_SUFFIX = bytes.fromhex("00110010800000aa00389b71")
#: The UUID of the top-level ISO BMFF box that holds a C2PA manifest store.
BMFF_C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")
#: TIFF tag of the C2PA manifest store.
TIFF_C2PA_TAG = 0xCD41
PNG_CHUNK = b"caBX"
WEBP_CHUNK = b"C2PA"
JPEG_APP11 = 0xEB
#: How many bytes of a box (or of an APP11 payload) tell its kind.
HEAD = 40


def jumbf_kind(box: bytes) -> str | None:
    """The kind of JUMBF superbox ``box`` starts with: "c2pa", "cai" (pre-C2PA), "jumbf" (another) or None.

    >>> jumbf_kind(b"\\x00\\x00cujumb\\x00\\x00\\x00\\x1ejumdc2pa" + JUMBF_SUFFIX + b"\\x03c2pa\\x00")
    'c2pa'
    >>> jumbf_kind(b"\\x00\\x00\\x01\\x9djumb\\x00\\x00\\x00\\x1djumdcacb" + JUMBF_SUFFIX + b"\\x03cai\\x00")
    'cai'
    >>> jumbf_kind(b"HDR_RI ver=11") is None
    True
    """
    if box[4:8] != b"jumb" or box[12:16] != b"jumd":
        return None
    kind = box[16:20]
    if kind == b"c2pa":
        return "c2pa"
    if kind == b"cacb":
        return "cai"
    return "jumbf"


def app11_kind(payload: bytes) -> str | None:
    """The kind of JUMBF an APP11 segment payload carries (None when it is no JUMBF: HDR, other uses)."""
    if payload[:2] != b"JP" or len(payload) < 8 + 20:
        return None
    return jumbf_kind(payload[8:])


def stronger(current: str | None, found: str | None) -> str | None:
    """Keep the most telling kind seen so far in a file: c2pa over cai over other JUMBF."""
    order = {None: 0, "jumbf": 1, "cai": 2, "c2pa": 3}
    return found if order.get(found, 0) > order.get(current, 0) else current
