"""The reader against ExifTool on the shared corpus of real files: the agreement target, no crash, and the
MWG reconciliation on ExifTool's own test file. Skipped when the shared corpus is not there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalog.metadata import PhotoMetadata, ReadFailure, Sourced, read
from tools.compare_metadata import TARGET, compare

SHARED = Path(os.environ.get("CATALOG_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
CORPUS = SHARED / "corpus" / "real"

pytestmark = pytest.mark.skipif(not (CORPUS / "expected.csv").is_file(), reason=f"no corpus at {CORPUS}")


@pytest.fixture(scope="module")
def report():
    return compare(CORPUS)


def test_no_file_makes_read_raise(report):
    assert report.crashes == []


def test_every_field_reaches_the_target(report):
    below = {o.field: f"{o.percent_explained:.1f}%" for o in report.outcomes if o.percent_explained < TARGET}
    assert below == {}


def test_no_difference_is_left_unexplained(report):
    unexplained = [(o.field, path) for o in report.outcomes for path, _, _, why in o.differences if not why]
    assert unexplained == []


def test_most_of_the_corpus_is_compared(report):
    assert report.compared >= 260
    assert all(o.total == report.compared for o in report.outcomes)


def test_every_file_gets_metadata_or_a_reason():
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        result = read(path)
        assert isinstance(result, (PhotoMetadata, ReadFailure)), path
        if isinstance(result, ReadFailure):
            assert result.reason and "unexpected" not in result.reason, (path, result.reason)


def test_exiftool_mwg_test_file_gets_the_right_values():
    result = read(CORPUS / "exiftool" / "MWG.jpg")
    assert isinstance(result, PhotoMetadata)
    for name, found in result.fields.items():
        if isinstance(found.value, str) and ("RIGHT" in found.value or "WRONG" in found.value):
            assert "WRONG" not in found.value, (name, found)
    assert result.fields["caption"] == Sourced("RIGHT-EXIF-Description", "exif")
    assert result.fields["country"] == Sourced("RIGHT-IPTC-Country", "iptc")  # digest out of date: IIM wins
