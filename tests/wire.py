"""Wire pictures made on the spot: a small JPEG with metadata written by ExifTool, as the agencies' systems write it."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="needs ExifTool")


def wire_jpeg(path: Path, *assignments: str, arrived: datetime | None = None, color=(60, 90, 120)) -> Path:
    """A JPEG with each ExifTool assignment written ("-IPTC:City=Hefei"), in UTF-8, and its modification time
    set to `arrived` (when the wire delivered it; year-less embargoes count from it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (48, 32), color).save(path, "JPEG", quality=85)
    if assignments:
        subprocess.run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8", "-charset", "iptc=utf8",
                        *assignments, str(path)], check=True, capture_output=True)
    if arrived is not None:
        stamp = arrived.timestamp()
        os.utime(path, (stamp, stamp))
    return path


def hefei(caption: str, *more: str, byline: str = "Li Xin", credit: str = "Xinhua") -> tuple[str, ...]:
    """A Xinhua picture from Hefei whose fields agree with each other and with `caption` (unless `more` says
    otherwise): by-line, credit, place, date and a GPS point 7 km from the city's centre."""
    return (f"-IPTC:Caption-Abstract={caption}", f"-IPTC:By-line={byline}", f"-IPTC:Credit={credit}",
            "-IPTC:City=Hefei", "-IPTC:Province-State=Anhui", "-IPTC:Country-PrimaryLocationName=China",
            "-IPTC:Country-PrimaryLocationCode=CHN", "-IPTC:DateCreated=2025:10:14",
            "-EXIF:DateTimeOriginal=2025:10:14 10:05:00", "-EXIF:OffsetTimeOriginal=+08:00",
            "-GPSLatitude=31.82", "-GPSLatitudeRef=N", "-GPSLongitude=117.23", "-GPSLongitudeRef=E", *more)


HEFEI_CAPTION = ("Researchers take a test drive of a flying car at Luogang Park in Hefei, east China's Anhui "
                 "province, Oct. 14, 2025. (Xinhua/Li Xin)")
