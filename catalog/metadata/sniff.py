"""Tell a file's format from its first bytes (never from its name), or say in plain words what it is not.

>>> sniff(b"\\xff\\xd8\\xff\\xe1...")
('JPEG', None)
>>> sniff(b"")
(None, 'empty file')
>>> sniff(b"Hello, world\\n")
(None, 'not an image (looks like text)')
"""

from __future__ import annotations

#: How many leading bytes sniff() needs.
HEAD_SIZE = 64

HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
    b"mif2",
    b"miaf",
}
HEVC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
AVIF_BRANDS = {b"avif", b"avis"}

#: Formats we recognise but do not read: (magic test, plain-words reason).
UNSUPPORTED = (
    (lambda h: h[:6] in (b"GIF87a", b"GIF89a"), "unsupported format (GIF)"),
    (
        lambda h: h[:12] == b"\0\0\0\x0cjP  \r\n\x87\n" or h[:4] == b"\xff\x4f\xff\x51",
        "unsupported format (JPEG 2000)",
    ),
    (lambda h: h[:2] == b"\xff\x0a" or h[:12] == b"\0\0\0\x0cJXL \r\n\x87\n", "unsupported format (JPEG XL)"),
    (lambda h: h[:2] == b"BM", "unsupported format (BMP)"),
    (lambda h: h[:5] == b"\xff\x01Exiv", "not an image (an Exiv2 metadata file)"),
    (lambda h: h[:4] == b"%PDF", "not an image (a PDF document)"),
    (lambda h: h[:4] in (b"PK\x03\x04", b"\x1f\x8b\x08\x00"), "not an image (an archive)"),
)


def sniff(head: bytes) -> tuple[str | None, str | None]:
    """(format, None) for a format we read, else (None, reason) with a reason a person understands."""
    if not head:
        return None, "empty file"
    if head[:3] == b"\xff\xd8\xff":
        return "JPEG", None
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG", None
    if head[:4] in (b"II*\0", b"MM\0*", b"II+\0", b"MM\0+"):
        return "TIFF", None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP", None
    if head[:4] == b"8BPS":
        return "PSD", None
    if head[4:8] == b"ftyp":
        return _iso_media(head)
    for test, reason in UNSUPPORTED:
        if test(head):
            return None, reason
    return None, _not_an_image(head)


def _iso_media(head: bytes) -> tuple[str | None, str | None]:
    """HEIF or AVIF from the major and compatible brands of an ISO media "ftyp" box."""
    major = head[8:12]
    box_end = min(len(head), int.from_bytes(head[:4], "big"))
    compatible = {head[i : i + 4] for i in range(16, box_end - 3, 4)}
    if major in AVIF_BRANDS or (compatible & AVIF_BRANDS and not compatible & HEVC_BRANDS):
        return "AVIF", None
    if major in HEIF_BRANDS or compatible & HEIF_BRANDS:
        return "HEIF", None
    return None, "unsupported format (an ISO media file that is not HEIF)"


def _not_an_image(head: bytes) -> str:
    """Describe content that is no image format we know."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<?xpacket", b"<x:xmpmeta", b"<rdf:RDF")):
        return "not an image (looks like an XMP sidecar)"
    if text.startswith(b"<"):
        return "not an image (looks like XML or HTML)"
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as error:
        decoded = head[: error.start].decode("utf-8") if error.start > len(head) - 4 else ""
    if decoded and all(ch.isprintable() or ch in "\t\r\n" for ch in decoded):
        return "not an image (looks like text)"
    return "not an image (unrecognised content)"
