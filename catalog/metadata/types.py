"""The values a metadata reader hands to the importer: fields with their provenance, conflicts, failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalog.metadata.provenance import Provenance

#: Where a value came from. Stored beside every value in the catalogue and shown by ``catalog show``.
SOURCES = ("exif", "iptc", "xmp", "sidecar", "caption", "gazetteer", "manual", "file")

@dataclass(frozen=True)
class Sourced:
    """One reconciled value and the block it was taken from (one of SOURCES)."""

    value: Any
    source: str


@dataclass(frozen=True)
class Conflict:
    """A field whose copies in different blocks disagree, e.g. an IIM caption that differs from the XMP one."""

    field: str
    copies: tuple[tuple[str, Any], ...]  # ((block, value), ...) in the order the rules consider them


@dataclass
class PhotoMetadata:
    """Everything read from one image file (and its XMP sidecar), reconciled field by field."""

    path: str
    format: str | None = None  # "JPEG", "TIFF", "PNG", "WEBP", "PSD", "HEIF", "AVIF"
    #: The stored size, before any rotation (as ExifTool reports it).
    width: int | None = None
    height: int | None = None
    #: The size shown upright: after EXIF Orientation, or for HEIF and AVIF after the container's crop and
    #: rotation (which govern there, whatever EXIF says). A 4032×3024 HEIC turned 90° shows as 3024×4032.
    display_width: int | None = None
    display_height: int | None = None
    fields: dict[str, Sourced] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    #: Where the photo shows, when XMP LocationShown differs from where it was taken:
    #: {"sublocation":..., "city":..., "province":..., "country":..., "country_code":...}
    location_shown: dict[str, str] | None = None
    #: Language alternatives beyond x-default, e.g. {"caption": {"de": "..."}}
    alternatives: dict[str, dict[str, str]] = field(default_factory=dict)
    #: How IIM text was decoded: "utf-8 (declared)", "utf-8", "cp1252", "mixed" or None when there is no IIM.
    iim_charset: str | None = None
    #: Problems with single fields that did not stop the read, in plain words.
    warnings: list[str] = field(default_factory=list)
    #: The rights fields' texts, as (source, text) for restrictions.read_restrictions: the field table's
    #: "instructions", "usage_terms" and "web_statement", then "plus" (PLUS codes) and "constraints".
    rights: list[tuple[str, str]] = field(default_factory=list)
    #: Digital Source Type, the IPTC AI fields and C2PA Content Credentials (provenance.py).
    provenance: Provenance | None = None
    #: Why the image data is incomplete (a file cut short in transfer), or None; the metadata was read.
    damage: str | None = None
    #: The file likely carries an embedded thumbnail (JPEG bytes in EXIF, Photoshop's 0x040C): the import
    #: fingerprints the picture from it (catalog.fingerprints.embedded_fingerprint); other files cost nothing.
    thumbnail: bool = False

    def value(self, name: str) -> Any:
        """The value of a field, or None."""
        found = self.fields.get(name)
        return found.value if found else None


@dataclass(frozen=True)
class ReadFailure:
    """A file that could not be read as an image, with a reason a person understands."""

    path: str
    reason: str


def __getattr__(name: str) -> Any:
    """``FIELDS``: the canonical field names a reader may fill, in the order of the field table (fields.py), which
    says where each is found. Values are ``str`` unless the row's kind says otherwise: a list for "list"
    (keywords), a float for "degrees" (lat, lon); ``taken`` is ISO 8601 at the precision known: "2025",
    "2025-10", "2025-10-14", "2025-10-14T10:05:00" or "2025-10-14T10:05:00+08:00".

    Made on first use, so that commands which never read a photo do not build the table.
    """
    if name == "FIELDS":
        from catalog.metadata.fields import FIELDS as table

        return tuple(row.name for row in table)
    raise AttributeError(f"module 'catalog.metadata.types' has no attribute {name!r}")
