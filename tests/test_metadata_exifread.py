"""A second opinion on EXIF: exifread, an independent parser, agrees with our bounded reader on the real corpus.

The catalogue reads EXIF with its own bounded reader (faster, and never follows a looping IFD chain); exifread
is kept as the reference it is checked against. Where they differ, exifread read garbage from a damaged file.
"""

from __future__ import annotations

import logging

import pytest

from catalog.metadata import ReadFailure, read
from tests.conftest import shared

exifread = pytest.importorskip("exifread")


def _exifread_tags(path):
    logging.disable(logging.CRITICAL)
    try:
        with open(path, "rb") as handle:
            return exifread.process_file(handle, details=False)
    except Exception:  # exifread gives up on files our reader may still read: nothing to compare
        return None
    finally:
        logging.disable(logging.NOTSET)


def test_exif_make_model_and_date_agree_with_exifread():
    corpus = shared("corpus", "real")
    agree, differ = 0, []
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() not in (".jpg", ".jpeg", ".tif", ".tiff"):
            continue
        tags = _exifread_tags(path)
        meta = read(path)
        if not tags or isinstance(meta, ReadFailure):
            continue
        for ours, theirs in (("make", "Image Make"), ("model", "Image Model")):
            value = tags.get(theirs)
            if value is None or not isinstance(value.values, str) or not value.values.strip():
                continue
            if (meta.value(ours) or "").strip() == value.values.strip():
                agree += 1
            else:
                differ.append((path.name, ours, meta.value(ours), value.values))
        value = tags.get("EXIF DateTimeOriginal")
        taken = meta.fields.get("taken")
        dated = value is not None and isinstance(value.values, str) and value.values.strip()
        if dated and taken and taken.source == "exif":
            expected = value.values.strip().replace(":", "-", 2).replace(" ", "T")[:19]
            if taken.value.startswith(expected):
                agree += 1
            else:
                differ.append((path.name, "taken", taken.value, value.values))
    assert agree >= 200
    assert len(differ) <= agree // 100, differ
