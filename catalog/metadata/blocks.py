"""The raw metadata blocks a container walker found in one file, before any of them is decoded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Unreadable(Exception):
    """A walker's verdict that the file cannot be read as an image; the message is the ReadFailure reason."""


class Malformed(ValueError):
    """Bytes the editors will not rewrite: a structure is damaged or not what it claims to be.

    Raised only when rewriting (the readers turn the same problems into warnings and read on). ``what`` says in a
    desk editor's words what is wrong ("the IPTC block is damaged"); ``detail`` is the technical reason, if any.
    """

    def __init__(self, what: str, detail: str = ""):
        super().__init__(what)
        self.what = what
        self.detail = detail


@dataclass
class Blocks:
    """Undecoded metadata of one file: EXIF (TIFF-structured bytes), IIM blocks, XMP packets, dimensions.

    ``iim`` holds every IIM block in file order; ``iim_standard`` says whether the first one sits where the
    MWG guidelines put it (JPEG APP13, TIFF IFD0, PSD resources), the only place whose MD5 is compared with
    the stored ``iptc_digest`` (Photoshop resource 0x0425).
    """

    format: str
    width: int | None = None
    height: int | None = None
    exif: bytes | None = None  # a TIFF header and IFDs ("Exif\\0\\0" removed)
    exif_reader: Any = None  # a TiffReader over the open file (TIFF), used instead of ``exif`` bytes
    iim: list[bytes] = field(default_factory=list)
    iim_standard: bool = False
    iptc_digest: bytes | None = None
    xmp: list[bytes] = field(default_factory=list)  # the main packet first
    xmp_extended: dict[str, dict[int, bytes]] = field(default_factory=dict)  # GUID -> {offset: chunk}
    xmp_extended_size: dict[str, int] = field(default_factory=dict)  # GUID -> full length
    c2pa: str | None = None  # a JUMBF store's kind (jumbf.py): "c2pa", "cai" or "jumbf"; not read here
    #: Why the image data is incomplete (a transfer that stopped), or None: the metadata is still read.
    damage: str | None = None
    #: The size a viewer shows when the container itself crops or turns the image (HEIF "clap", "irot").
    display_size: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)
    #: A Photoshop thumbnail resource (0x040C) was seen: catalog.fingerprints may fingerprint from it.
    photoshop_thumbnail: bool = False

    def take_exif(self, data: bytes) -> None:
        """Keep the file's first EXIF block, without the "Exif\\0\\0" header some containers put before it."""
        if self.exif is None:
            self.exif = data[6:] if data.startswith(b"Exif\0\0") else data

    def add_photoshop_resources(self, resources: dict[int, list[bytes]], standard: bool) -> None:
        """Take IIM (0x0404), the IPTC digest (0x0425), XMP (0x0424) and EXIF (0x0422) from 8BIM resources."""
        for block in resources.get(0x0404, ()):
            if not self.iim:
                self.iim_standard = standard
            self.iim.append(block)
        digests = resources.get(0x0425)
        if digests and self.iptc_digest is None and len(digests[0]) == 16:
            self.iptc_digest = digests[0]
        self.xmp.extend(resources.get(0x0424, ()))
        if self.exif is None and resources.get(0x0422):
            self.exif = resources[0x0422][0]
