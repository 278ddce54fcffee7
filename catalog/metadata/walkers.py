"""The walker of each file format the readers know, which collects a file's raw metadata blocks (`Blocks`), and
what a walk alone tells without decoding them: the kind of C2PA store a file carries (`c2pa_kind`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO

from catalog.metadata.blocks import Blocks
from catalog.metadata.heif import walk_heif
from catalog.metadata.jpeg import walk_jpeg
from catalog.metadata.png import walk_png
from catalog.metadata.psd import walk_psd
from catalog.metadata.sniff import HEAD_SIZE, sniff
from catalog.metadata.tiff import walk_tiff
from catalog.metadata.webp import walk_webp

WALKERS: dict[str, Callable[[BinaryIO], Blocks]] = {
    "JPEG": walk_jpeg,
    "PNG": walk_png,
    "TIFF": walk_tiff,
    "WEBP": walk_webp,
    "PSD": walk_psd,
    "HEIF": lambda f: walk_heif(f, "HEIF"),
    "AVIF": lambda f: walk_heif(f, "AVIF"),
}


def c2pa_kind(path: str | os.PathLike[str]) -> str | None:
    """The kind of C2PA store (jumbf.py) the file's own walker finds: "c2pa", "cai", "jumbf" or None.

    Reads only the file's structure (a few kilobytes); never raises.
    """
    try:
        with open(path, "rb") as f:
            file_format, _ = sniff(f.read(HEAD_SIZE))
            return WALKERS[file_format](f).c2pa if file_format else None
    except Exception:  # noqa: BLE001 -- unreadable or hostile: no credentials we could keep intact
        return None
