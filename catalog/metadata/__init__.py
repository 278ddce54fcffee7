"""Read a photo's metadata: ``read(path) -> PhotoMetadata | ReadFailure``, with EXIF, IIM, XMP and sidecars
reconciled field by field by the MWG rules in reconcile.py."""

from catalog.metadata.reader import read
from catalog.metadata.types import FIELDS, SOURCES, Conflict, PhotoMetadata, ReadFailure, Sourced

__all__ = ["FIELDS", "SOURCES", "Conflict", "PhotoMetadata", "ReadFailure", "Sourced", "read"]
