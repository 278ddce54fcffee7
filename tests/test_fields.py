"""The field table (catalog.metadata.fields) drives reading, write-back and sidecars: a row added to it is read,
written back and put in a sidecar; the IPTC fields read for the desk's next needs (special instructions,
transmission reference, usage terms, web statement, digital source type) come from files ExifTool wrote."""

from __future__ import annotations

import doctest
import importlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from catalog.metadata import PhotoMetadata, Sourced, fields, read
from catalog.metadata.fields import Dataset, Field
from catalog.models import Photo
from catalog.sidecars import build_xmp
from catalog.writeback import apply_plan, plan_write

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")

DIGITAL_CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"


def exiftool_jpeg(path: Path, *assignments: str) -> Path:
    """A small JPEG (Pillow's pixels) with metadata written by ExifTool: exiftool_jpeg(p, "-IPTC:City=Hefei")."""
    Image.new("RGB", (32, 24), (40, 80, 120)).save(path, "JPEG")
    subprocess.run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8", *assignments, str(path)],
                   check=True, capture_output=True)
    return path


def exiftool_tags(path: Path) -> dict:
    output = subprocess.run([EXIFTOOL, "-j", "-G1", "-a", str(path)], capture_output=True, check=True).stdout
    return json.loads(output)[0]


def read_photo(path: Path, **options) -> PhotoMetadata:
    result = read(path, **options)
    assert isinstance(result, PhotoMetadata), result
    return result


#: A field the table does not have: IIM 2:122 Writer/Editor and XMP photoshop:CaptionWriter.
CAPTION_WRITER = Field(
    "caption_writer", iim=(Dataset(2, 122, "writer/editor", 32, "Writer"),), xmp=("photoshop:CaptionWriter",),
    column="caption_writer", record="caption_writer", writeback=True, sidecar=True,
)


@needs_exiftool
def test_a_row_added_to_the_table_is_read_written_back_and_put_in_sidecars(tmp_path, monkeypatch):
    photo_path = exiftool_jpeg(tmp_path / "desk.jpg", "-IPTC:Writer-Editor=Li Na",
                               "-XMP-photoshop:CaptionWriter=Li Na", "-IPTC:Caption-Abstract=Flooded fields.")
    assert "caption_writer" not in read_photo(photo_path).fields

    monkeypatch.setattr(fields, "FIELDS", fields.FIELDS + (CAPTION_WRITER,))

    # Read: from XMP (no digest says the IIM is newer), the IIM copy agreeing.
    meta = read_photo(photo_path)
    assert meta.fields["caption_writer"] == Sourced("Li Na", "xmp")
    assert meta.conflicts == []

    # Written back: the IIM dataset (its exiv2 name from the row) and the XMP property, the digest current.
    photo = Photo(path=str(photo_path), sources={"caption_writer": "manual"})
    photo.caption_writer = "Wang Wu, picture desk"
    data = photo_path.read_bytes()
    plan = plan_write(photo, data)
    assert [(c.block, c.tag, c.new) for c in plan.changes] == [
        ("IPTC", "Iptc.Application2.Writer", "Wang Wu, picture desk"),
        ("XMP", "Xmp.photoshop.CaptionWriter", "Wang Wu, picture desk"),
    ]
    photo_path.write_bytes(apply_plan(data, plan))
    tags = exiftool_tags(photo_path)
    assert tags["IPTC:Writer-Editor"] == tags["XMP-photoshop:CaptionWriter"] == "Wang Wu, picture desk"
    assert tags["IPTC:Caption-Abstract"] == "Flooded fields."
    assert tags["Photoshop:IPTCDigest"] == tags["File:CurrentIPTCDigest"]
    assert read_photo(photo_path).fields["caption_writer"] == Sourced("Wang Wu, picture desk", "xmp")

    # Put in a sidecar, which the reader then takes.
    bare = exiftool_jpeg(tmp_path / "bare.jpg", "-IPTC:City=Hefei")
    (tmp_path / "bare.xmp").write_bytes(build_xmp({"caption_writer": "Zhao Min"}))
    assert read_photo(bare).fields["caption_writer"] == Sourced("Zhao Min", "sidecar")
    assert read_photo(bare).fields["city"] == Sourced("Hefei", "iptc")


def test_a_row_added_to_the_table_reaches_the_iim_reader_with_its_name(tmp_path, monkeypatch):
    """The IIM reader keeps the datasets the table names, and names them in its warnings."""
    from tests.test_metadata_files import iim, jpeg, photoshop_segments, resource

    path = tmp_path / "writer.jpg"
    path.write_bytes(jpeg(*photoshop_segments(resource(0x0404, iim((2, 122, b"Li Na\0Zhao"))))))
    assert read_photo(path).fields == {}
    monkeypatch.setattr(fields, "FIELDS", fields.FIELDS + (CAPTION_WRITER,))
    meta = read_photo(path)
    assert meta.fields["caption_writer"] == Sourced("Li Na\u2400Zhao", "iptc")
    assert "IIM writer/editor: holds a NUL character, kept as \u2400" in meta.warnings


@needs_exiftool
def test_the_desks_next_fields_are_read_from_iim_and_xmp(tmp_path):
    photo = exiftool_jpeg(
        tmp_path / "wire.jpg",
        "-IPTC:SpecialInstructions=Embargoed until 0900 GMT Oct. 15",
        "-IPTC:OriginalTransmissionReference=XIN-20251014-001",
        "-XMP-photoshop:Instructions=Embargoed until 0900 GMT Oct. 15",
        "-XMP-photoshop:TransmissionReference=XIN-20251014-001",
        "-XMP-xmpRights:UsageTerms=Editorial use only", "-XMP-xmpRights:UsageTerms-de=Nur redaktionell",
        "-XMP-xmpRights:WebStatement=https://example.org/licence",
        f"-XMP-iptcExt:DigitalSourceType={DIGITAL_CAPTURE}",
    )
    meta = read_photo(photo)
    assert {name: meta.fields[name] for name in (
        "instructions", "transmission_reference", "usage_terms", "web_statement", "digital_source_type")} == {
        "instructions": Sourced("Embargoed until 0900 GMT Oct. 15", "xmp"),
        "transmission_reference": Sourced("XIN-20251014-001", "xmp"),
        "usage_terms": Sourced("Editorial use only", "xmp"),
        "web_statement": Sourced("https://example.org/licence", "xmp"),
        "digital_source_type": Sourced(DIGITAL_CAPTURE, "xmp"),
    }
    assert meta.alternatives == {"usage_terms": {"de": "Nur redaktionell"}}
    assert meta.conflicts == [] and meta.warnings == []


@needs_exiftool
def test_the_desks_next_fields_in_iim_alone_and_disagreeing_copies(tmp_path):
    iim_only = exiftool_jpeg(tmp_path / "iim.jpg", "-IPTC:SpecialInstructions=Hold for release",
                             "-IPTC:OriginalTransmissionReference=AP-771")
    meta = read_photo(iim_only)
    assert meta.fields["instructions"] == Sourced("Hold for release", "iptc")
    assert meta.fields["transmission_reference"] == Sourced("AP-771", "iptc")
    assert "usage_terms" not in meta.fields and "digital_source_type" not in meta.fields

    both = exiftool_jpeg(tmp_path / "both.jpg", "-IPTC:SpecialInstructions=Hold for release",
                         "-XMP-photoshop:Instructions=Released; no restrictions")
    meta = read_photo(both)
    assert meta.fields["instructions"] == Sourced("Released; no restrictions", "xmp")
    assert [(c.field, c.copies) for c in meta.conflicts] == [
        ("instructions", (("iptc", "Hold for release"), ("xmp", "Released; no restrictions")))]


def test_the_field_names_come_from_the_table():
    from catalog.metadata import FIELDS

    assert FIELDS == tuple(row.name for row in fields.FIELDS)
    assert {"instructions", "transmission_reference", "usage_terms", "web_statement",
            "digital_source_type"} <= set(FIELDS)


def test_every_row_is_well_formed():
    """Kinds and forms are known ones, names unique, each IIM dataset used once, every XMP prefix readable."""
    from catalog.metadata.exiv2 import EXIV2_PREFIXES
    from catalog.metadata.xmp import NAMESPACES

    names = [row.name for row in fields.FIELDS]
    assert len(names) == len(set(names))
    datasets = [dataset.key for row in fields.FIELDS for dataset in row.iim]
    assert len(datasets) == len(set(datasets))
    prefixes = set(NAMESPACES.values())
    for row in fields.FIELDS:
        assert row.kind in fields.KINDS and row.form in fields.FORMS, row.name
        assert set(row.written_xmp) <= set(row.xmp), row.name
        for path in row.xmp:
            for step in path.split("/"):
                assert step.split(":")[0] in prefixes and step.split(":")[0] in EXIV2_PREFIXES, (row.name, step)
        if row.writeback:
            assert row.column and (row.iim or row.xmp), row.name
        if row.sidecar:
            assert row.record and row.xmp, row.name


@pytest.mark.parametrize("name", ["catalog.metadata.fields", "catalog.metadata.iim", "catalog.metadata.photoshop",
                                  "catalog.metadata.jpeg", "catalog.metadata.exiv2", "catalog.writeback",
                                  "catalog.sidecars"])
def test_docstring_examples(name):
    failed, attempted = doctest.testmod(importlib.import_module(name))
    assert attempted > 0 and failed == 0
