"""`catalog write` as a desk uses it: a value is never cut short behind the editor's back (an IIM caption holding
a NUL is kept whole), a dry run refuses what a write refuses, and each refusal says, in a desk editor's words,
what is wrong with the file and what to do instead."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from catalog.metadata import PhotoMetadata, Sourced, read
from catalog.metadata.blocks import Malformed
from tests.test_metadata_files import (
    UTF8,
    iim,
    jpeg,
    photoshop_segments,
    resource,
    segment,
    xmp_packet,
    xmp_segment,
)

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")

SIDECAR = "write an XMP sidecar instead: `catalog export ... --format xmp`"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exiftool_jpeg(path: Path, *assignments: str) -> Path:
    Image.new("RGB", (32, 24), (40, 80, 120)).save(path, "JPEG")
    subprocess.run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8", *assignments, str(path)],
                   check=True, capture_output=True, cwd=path.parent)
    return path


def iim_caption(path: Path) -> bytes:
    """The IIM caption's bytes exactly as ExifTool finds them in the file."""
    return subprocess.run([EXIFTOOL, "-b", "-IPTC:Caption-Abstract", str(path)], capture_output=True,
                          check=True).stdout


# -- an IIM caption with a NUL (issue 15, item 7) ------------------------------------------------------------


@needs_exiftool
def test_a_caption_with_a_nul_is_read_whole(tmp_path):
    (tmp_path / "caption.bin").write_bytes(b"Flooded fields near Wuhu\0 (Photo/Wang Li)\0\0")
    photo = exiftool_jpeg(tmp_path / "nul.jpg", "-IPTC:Caption-Abstract<=caption.bin")
    meta = read(photo)
    assert isinstance(meta, PhotoMetadata)
    # The text after the NUL is part of the caption; the NULs that end it are padding.
    assert meta.fields["caption"] == Sourced("Flooded fields near Wuhu\u2400 (Photo/Wang Li)", "iptc")
    assert "IIM caption/abstract: holds a NUL character, kept as \u2400" in meta.warnings


@needs_exiftool
def test_write_keeps_a_caption_with_a_nul_whole(cli, tmp_path):
    (tmp_path / "caption.bin").write_bytes(b"Flooded fields near Wuhu\0 (Photo/Wang Li)")
    photo = exiftool_jpeg(tmp_path / "nul.jpg", "-IPTC:Caption-Abstract<=caption.bin", "-IPTC:City=Wuhu")
    assert cli("import", str(photo)).exit_code == 0
    shown = json.loads(cli("show", str(photo), "--format", "json").output)
    assert shown["caption"] == "Flooded fields near Wuhu\u2400 (Photo/Wang Li)"
    result = cli("write", str(photo))
    assert result.exit_code == 0, result.output
    assert "Iptc.Application2.Caption " not in result.output  # the IIM caption already says it all
    assert iim_caption(photo) == b"Flooded fields near Wuhu\0 (Photo/Wang Li)"
    meta = read(photo)
    assert meta.fields["caption"] == Sourced("Flooded fields near Wuhu\u2400 (Photo/Wang Li)", "xmp")
    assert meta.conflicts == []


@needs_exiftool
def test_a_shorter_value_not_set_by_hand_never_replaces_a_longer_one(cli, tmp_path):
    """XMP (in step with the IIM: no digest) gives the catalogue a shorter caption than the IIM holds."""
    photo = exiftool_jpeg(tmp_path / "short.jpg", "-IPTC:Caption-Abstract=Rescue workers carry sandbags along the "
                          "river, July 8, 2025. (Photo/Wang Li)", "-XMP-dc:Description=Rescue workers carry sandbags")
    assert cli("import", str(photo)).exit_code == 0
    before = sha(photo)
    result = cli("write", str(photo), "--dry-run")
    assert result.exit_code == 0, result.output
    assert ("note: IPTC Caption left as it is: the file's value is longer than the catalogue's, which was not set "
            "by hand") in result.output
    assert cli("write", str(photo)).exit_code == 0
    assert sha(photo) == before  # nothing else differed: the file was left as it was
    assert iim_caption(photo).startswith(b"Rescue workers carry sandbags along the river")
    # Set by hand, the shorter caption is written.
    assert cli("caption", str(photo), "Rescue workers.").exit_code == 0
    result = cli("write", str(photo))
    assert result.exit_code == 0, result.output
    assert iim_caption(photo) == b"Rescue workers."


# -- refusals: the dry run refuses what the write refuses, in words for a desk (issue 15, item 11) ----------

CAPTION = (2, 120, b"Flooded fields near Wuhu.")


def _records(*records) -> bytes:
    return jpeg(*photoshop_segments(resource(0x0404, iim(*records))))


#: name -> (the file's bytes, what the refusal says)
REFUSED = {
    "legacy character set": (_records((2, 90, b"Krak\xf3w"), CAPTION),
                             f"this file's IPTC uses an old character set; {SIDECAR}"),
    "damaged IPTC": (jpeg(*photoshop_segments(resource(0x0404, iim(UTF8, CAPTION) + b"\x1c\x02\x5a" + struct.pack(
        ">H", 500) + b"Wuhu")), width=16, height=12), f"this file's IPTC block is damaged; {SIDECAR}"),
    "IPTC with junk after it": (jpeg(*photoshop_segments(resource(0x0404, iim(UTF8, CAPTION) + b"\x07" * 6))),
                                f"this file's IPTC block is damaged; {SIDECAR}"),
    "split Photoshop segments": (jpeg(*photoshop_segments(resource(0x0404, iim(UTF8, CAPTION)), split_at=10)),
                                 f"the new metadata could not be put into this file; {SIDECAR}"),
    "multi-picture": (jpeg(*photoshop_segments(resource(0x0404, iim(UTF8, CAPTION))),
                           segment(0xE2, b"MPF\0II*\0" + struct.pack("<I", 8) + bytes(20))),
                      "this file holds more than one picture (MPF), and their places in the file would shift; "
                      + SIDECAR),
    "damaged EXIF": (jpeg(segment(0xE1, b"Exif\0\0XX*\0" + bytes(30)), *photoshop_segments(resource(
        0x0404, iim(UTF8, CAPTION)))), f"this file's metadata is too damaged to edit safely; {SIDECAR}"),
    "junk between segments": (b"\xff\xd8" + photoshop_segments(resource(0x0404, iim(UTF8, CAPTION)))[0] + b"\0\0"
                              + jpeg()[2:], f"this JPEG's structure is damaged; {SIDECAR}"),
    "exiv2 would change other XMP": (jpeg(xmp_segment(xmp_packet(
        "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>Flooded fields near Wuhu.</rdf:li></rdf:Alt>"
        "</dc:description>", 'xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0" MicrosoftPhoto:Rating="75"'
    ))), f"writing would also change other metadata in this file (Rating); the file was left alone; {SIDECAR}"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_dry_run_refuses_what_a_write_refuses_in_a_desk_editors_words(cli, tmp_path, name):
    data, reason = REFUSED[name]
    photo = tmp_path / "refused.jpg"
    photo.write_bytes(data)
    assert cli("import", str(photo)).exit_code == 0
    assert cli("caption", str(photo), "Flooded fields near Wuhu, Anhui province. (Photo/Wang Li)").exit_code == 0
    for options in (["--dry-run"], []):
        result = cli("write", str(photo), *options)
        assert result.exit_code == 1, (options, result.output)
        assert result.stdout == "", options  # nothing promised
        assert result.stderr.startswith(f"FAILED {photo}: {reason}"), (options, result.stderr)
        assert "exiv2" not in result.stderr
        assert photo.read_bytes() == data


def test_a_photo_replaced_by_a_folder_is_refused(cli, tmp_path):
    photo = tmp_path / "gone.jpg"
    photo.write_bytes(_records(UTF8, CAPTION))
    assert cli("import", str(photo)).exit_code == 0
    photo.unlink()
    photo.mkdir()
    result = cli("write", str(photo), "--dry-run")
    assert result.exit_code == 1
    assert f"FAILED {photo}: this is not a plain file (a folder or a device, perhaps); nothing was written" \
        in result.stderr


def test_a_file_changed_while_being_written_is_not_replaced(tmp_path):
    from catalog.writeback import WriteRefused, replace_file

    photo = tmp_path / "busy.jpg"
    photo.write_bytes(_records(UTF8, CAPTION))
    before = os.lstat(photo)
    photo.write_bytes(_records(UTF8, (2, 120, b"Someone else's caption, saved meanwhile.")))
    with pytest.raises(WriteRefused, match="^the file changed while it was being written; nothing was replaced$"):
        replace_file(str(photo), b"ours", before)
    assert b"Someone else's caption" in photo.read_bytes()


def test_the_image_data_guard(tmp_path, monkeypatch):
    """Segments are spliced from the original, so the image data cannot change; should that ever break, the
    file is left alone."""
    from catalog import writeback

    data = _records(UTF8, CAPTION)
    photo = type("Photo", (), {"path": "x", "sources": {"caption": "manual"}, "caption": "New caption."})()
    plan = writeback.plan_write(photo, data)
    real = writeback.splice
    monkeypatch.setattr(writeback, "splice", lambda *args: real(*args)[:-3] + b"\0\xff\xd9")
    with pytest.raises(writeback.WriteRefused, match="writing would have changed the picture itself"):
        writeback.apply_plan(data, plan)


def test_byte_editors_refuse_what_they_cannot_rebuild():
    from catalog.metadata.jpeg import photoshop_resources, replace_photoshop_resources, segments

    with pytest.raises(Malformed, match="cut short"):
        segments(_records(UTF8, CAPTION)[:200])
    resources = photoshop_resources(_records(UTF8, CAPTION))
    assert [r.id for r in resources] == [0x0404]
    huge = [resources[0]._replace(data=iim(*[(2, 25, b"k" * 60)] * 1100))]
    with pytest.raises(Malformed, match="too large for one JPEG segment"):
        replace_photoshop_resources(_records(UTF8, CAPTION), huge)
    with pytest.raises(Malformed, match="Photoshop data, which holds its IPTC, is damaged"):
        photoshop_resources(jpeg(segment(0xED, b"Photoshop 3.0\0" + resource(0x0404, iim(CAPTION)) + b"JUNK" * 4)))


def test_photoshop_resources_read_and_written_are_the_same_bytes():
    from catalog.metadata.photoshop import resource_blocks, with_iptc_digest, write_resources

    data = (resource(0x03ED, bytes(16), name=b"Resolution") + resource(0x0404, iim(UTF8, CAPTION))
            + resource(0x0425, bytes(16)))
    blocks = resource_blocks(data, [])
    assert [(hex(b.id), b.name, b.offset) for b in blocks] == [
        ("0x3ed", b"\nResolution\0", 0), ("0x404", b"\0\0", 38), ("0x425", b"\0\0", 88)]
    assert write_resources(blocks) == data
    digest = with_iptc_digest(blocks)[-1]
    assert (digest.id, digest.data) == (0x0425, hashlib.md5(iim(UTF8, CAPTION)).digest())
