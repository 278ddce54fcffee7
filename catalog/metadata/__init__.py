"""Read a photo's metadata: ``read(path) -> PhotoMetadata | ReadFailure``, with EXIF, IIM, XMP and sidecars
reconciled field by field by the MWG rules in reconcile.py.

``read`` and the readers behind it (and ``FIELDS``, from the field table) are imported on first use:
`catalog search` and the other commands that never open an image import only the types (13 ms less start-up).
"""

from catalog.metadata.types import SOURCES, Conflict, PhotoMetadata, ReadFailure, Sourced

__all__ = ["FIELDS", "SOURCES", "Conflict", "PhotoMetadata", "ReadFailure", "Sourced", "read"]


def __getattr__(name: str):
    if name == "read":
        from catalog.metadata.reader import read

        # Kept as this module's own name once loaded: the import asks for it for every file, and a name found
        # by __getattr__ costs an import look-up each time.
        globals()["read"] = read
        return read
    if name == "FIELDS":
        from catalog.metadata import types

        return types.FIELDS
    raise AttributeError(f"module 'catalog.metadata' has no attribute {name!r}")
