"""Capture evidence: what a file says about the moment it shows (camera and time to the fraction of a second),
which decides between a copy and another frame of a burst when the pixels cannot (catalog.likeness's verdict).

>>> same_capture(Capture("nikon z 9", "2025-01-01T10:00:00.25"), Capture("nikon z 9", "2025-01-01T10:00:01.25"))
False
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Capture:
    """What a file says about the moment it shows: the camera (make, model, serial when known) and the
    capture time (EXIF DateTimeOriginal with SubSecTimeOriginal, ISO 8601 as `taken` holds it)."""

    camera: str | None = None
    taken: str | None = None

    @property
    def moment(self) -> tuple[str, str | None] | None:
        """(local date and time to the second, fraction or None), or None when the time is not to the second."""
        if not self.taken or len(self.taken) < 19 or self.taken[10] != "T":
            return None
        rest = self.taken[19:]
        fraction = rest[1:].split("+")[0].split("-")[0].rstrip("Z") if rest.startswith(".") else None
        return self.taken[:19], (fraction.rstrip("0") or "0") if fraction else None


def same_capture(a: Capture | None, b: Capture | None) -> bool | None:
    """True when both files say one camera at one moment, False when one camera at two moments (two frames,
    whatever the pixels say), None when they do not say enough (a copy whose EXIF was stripped).

    One moment needs the fraction of the second from both (SubSecTimeOriginal): a burst runs at 10-30 frames a
    second, so the same second alone does not prove one frame, and frames of a burst taken for one moment
    passed the relaxed limits (563 of the 592 false direct links on the benchmark's tuning set). The same
    second with a fraction missing says nothing either way.

    >>> same_capture(Capture("nikon z 9", "2025-01-01T10:00:00.25"), Capture("nikon z 9", "2025-01-01T10:00:00.5"))
    False
    >>> same_capture(Capture("nikon z 9", "2025-01-01T10:00:00.25"), Capture("nikon z 9", "2025-01-01T10:00:00.250"))
    True
    >>> same_capture(Capture("nikon z 9", "2025-01-01T10:00:00.5"), Capture("nikon z 9", "2025-01-01T10:00:00")) is None
    True
    >>> same_capture(Capture(None, "2025-01-01T10:00:00"), Capture("nikon z 9", "2025-01-01T10:00:00")) is None
    True
    """
    if a is None or b is None or not a.camera or not b.camera or a.camera != b.camera:
        return None
    ma, mb = a.moment, b.moment
    if ma is None or mb is None:
        return None
    if ma[0] != mb[0]:
        return False
    if ma[1] is None or mb[1] is None:  # the same second, but which frame of it is not said
        return None
    return ma[1] == mb[1]


def capture_of(path) -> Capture | None:
    """The capture evidence of a file, read with Pillow (the benchmark's and the tests' way; the catalogue
    takes it from the stored record: see catalog.variants)."""
    try:
        from PIL import Image

        with Image.open(os.fspath(path)) as image:
            exif = image.getexif()
            sub = exif.get_ifd(0x8769)
    except Exception:  # noqa: BLE001
        return None
    from catalog.metadata.exif import exif_datetime

    camera = " ".join(str(v).strip().lower() for v in (exif.get(0x010F), exif.get(0x0110), sub.get(0xA431)) if v)
    taken = exif_datetime(sub.get(0x9003), sub.get(0x9291), None) if sub.get(0x9003) else None
    return Capture(camera or None, taken) if camera or taken else None
