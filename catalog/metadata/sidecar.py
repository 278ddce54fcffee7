"""Find and read the XMP sidecar beside a photo: ``photo.xmp``, ``photo.XMP`` or ``photo.jpg.xmp``.

>>> sidecar_candidates("/pics/photo.jpg")
['/pics/photo.xmp', '/pics/photo.XMP', '/pics/photo.jpg.xmp', '/pics/photo.jpg.XMP']
"""

from __future__ import annotations

import os
from typing import Any

from catalog.metadata.xmp import parse_xmp

#: The largest sidecar we read.
MAX_SIDECAR = 16 * 1024 * 1024


def sidecar_candidates(path: str) -> list[str]:
    """The sidecar names we look for, in order of preference (Adobe's form first)."""
    stem, _ = os.path.splitext(path)
    return [stem + ".xmp", stem + ".XMP", path + ".xmp", path + ".XMP"]


def find_sidecars(path: str) -> list[str]:
    """The sidecars that exist beside ``path``, best first (one file seen under two names counts once)."""
    found: list[str] = []
    for candidate in sidecar_candidates(path):
        if candidate == path or not os.path.isfile(candidate):
            continue
        if not any(os.path.samefile(candidate, other) for other in found):
            found.append(candidate)
    return found


def read_sidecar(path: str, warnings: list[str]) -> dict[str, Any]:
    """The XMP properties of the photo's sidecar, or {} when there is none (or it cannot be read)."""
    sidecars = find_sidecars(path)
    if not sidecars:
        return {}
    sidecar = sidecars[0]
    name = os.path.basename(sidecar)
    if len(sidecars) > 1:
        others = ", ".join(os.path.basename(other) for other in sidecars[1:])
        warnings.append(f"sidecar: read {name}; also found {others}, not read")
    try:
        with open(sidecar, "rb") as f:
            data = f.read(MAX_SIDECAR + 1)
    except OSError as error:
        warnings.append(f"sidecar {name}: cannot be read ({error.strerror or error})")
        return {}
    if len(data) > MAX_SIDECAR:
        warnings.append(f"sidecar {name}: larger than {MAX_SIDECAR // 1024 // 1024} MB; ignored")
        return {}
    return parse_xmp(data, warnings, label=f"sidecar {name}")
