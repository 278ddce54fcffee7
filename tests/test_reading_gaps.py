"""Reading gaps found on real files nobody here wrote (issue 15, item 10): dates only in XMP, DateTimeOriginal in
a TIFF's IFD0, IIM in a FotoStation trailer, AVIF files, HEIC sizes before and after rotation, a sidecar's
caption. Each is shown on a file built here, then, where the shared corpus has an example, on the real file."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from catalog.metadata import PhotoMetadata, Sourced, read
from catalog.records import build_record
from catalog.scan import ReadFailure, scan
from tests.conftest import shared
from tests.test_metadata_files import (
    alt,
    ascii_value,
    exif,
    iim,
    jpeg,
    photoshop_segments,
    resource,
    tiff,
    xmp_packet,
    xmp_segment,
)

EXIFTOOL = shutil.which("exiftool")
XMP_NS = 'xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
DAMAGED_EXIF = b"\xff\xe1" + struct.pack(">H", 2 + 6 + 10) + b"Exif\0\0" + b"II*\0\xff\xff\xff\x7f\0\0"


def read_ok(path: Path, **options) -> PhotoMetadata:
    result = read(path, **options)
    assert isinstance(result, PhotoMetadata), result
    return result


def corpus_file(path: str) -> Path:
    return shared("corpus", "real", *path.split("/"))


def exiftool_tags(path: str) -> dict:
    """ExifTool's answer for one corpus file (its exiftool.json)."""
    tags = json.loads(corpus_file("exiftool.json").read_text(encoding="utf-8"))
    return next(entry for entry in tags if entry["SourceFile"] == path)


# -- a date only in XMP ------------------------------------------------------------------------------------


def test_a_damaged_exif_block_leaves_the_date_taken_that_xmp_kept(tmp_path):
    path = tmp_path / "photo.jpg"
    packet = xmp_packet(attributes='exif:DateTimeOriginal="2010-07-11T13:53:00+02:00"')
    path.write_bytes(jpeg(DAMAGED_EXIF, xmp_segment(packet)))
    result = read_ok(path)
    assert result.fields["taken"] == Sourced("2010-07-11T13:53:00+02:00", "xmp")
    assert any(w.startswith("EXIF") for w in result.warnings)  # the damage is still reported


def test_xmp_copy_of_date_taken_never_overrides_the_mwg_copies(tmp_path):
    path = tmp_path / "photo.jpg"
    packet = xmp_packet(attributes='exif:DateTimeOriginal="2010-07-11T13:53:00" photoshop:DateCreated="2010-07-10"')
    path.write_bytes(jpeg(xmp_segment(packet)))
    assert read_ok(path).fields["taken"] == Sourced("2010-07-10", "xmp")  # photoshop:DateCreated is MWG's
    assert not read_ok(path).conflicts  # the fallback is not compared with the copies


def test_the_day_the_file_was_made_stands_in_only_when_nothing_says_when_the_photo_was_taken(tmp_path):
    path = tmp_path / "photo.jpg"
    packet = xmp_packet(attributes=f'{XMP_NS} xmp:CreateDate="2013-09-23T10:09:46+02:00"')
    path.write_bytes(jpeg(xmp_segment(packet)))
    meta = read_ok(path)
    assert "taken" not in meta.fields and meta.fields["created"] == Sourced("2013-09-23T10:09:46+02:00", "xmp")
    record = build_record(meta, None)
    assert (record["taken"], record["sources"]["taken"]) == ("2013-09-23T10:09:46+02:00", "xmp")
    # A caption that dates the photo is the better word than the day the file was made.
    captioned = xmp_packet(
        f"<dc:description>{alt(('x-default', 'BEIJING, Sept. 21, 2013 -- A crowd at the gate.'))}</dc:description>",
        attributes=f'{XMP_NS} xmp:CreateDate="2013-09-23T10:09:46+02:00"',
    )
    path.write_bytes(jpeg(xmp_segment(captioned)))
    record = build_record(read_ok(path), None)
    assert (record["taken"], record["sources"]["taken"]) == ("2013-09-21", "caption")


def test_a_date_taken_in_xmp_is_not_used_when_the_iptc_digest_says_the_xmp_is_stale(tmp_path):
    stale_digest = resource(0x0425, b"\x00" * 16)
    block = iim((1, 90, b"\x1b%G"), (2, 120, b"Caption"))
    packet = xmp_packet(attributes='exif:DateTimeOriginal="2010-07-11T13:53:00"')
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg(xmp_segment(packet), *photoshop_segments(resource(0x0404, block) + stale_digest)))
    assert "taken" not in read_ok(path).fields


@pytest.mark.parametrize("name", ["pillow/exif_typeerror.jpg", "exif-samples/jpg/tests/30-type_error.jpg"])
def test_real_files_with_damaged_exif_keep_their_xmp_date(name):
    theirs = exiftool_tags(name)["XMP-exif:DateTimeOriginal"]  # e.g. "2010:07:11 13:53:00+02:00"
    taken = read_ok(corpus_file(name)).fields["taken"]
    assert taken.source == "xmp"
    assert taken.value.replace("+00:00", "Z") == theirs[:10].replace(":", "-") + "T" + theirs[11:]


def test_a_real_file_with_only_xmp_create_date_gets_it_as_taken():
    name = "exif-samples/jpg/xmp/no_exif.jpg"
    record = build_record(read_ok(corpus_file(name)), None)
    assert record["taken"] == exiftool_tags(name)["XMP-xmp:CreateDate"].replace(":", "-", 2).replace(" ", "T")


# -- DateTimeOriginal in IFD0 ------------------------------------------------------------------------------


def test_date_taken_in_a_tiffs_ifd0_is_read(tmp_path):
    path = tmp_path / "scan.tif"
    path.write_bytes(tiff(8, 6, {0x9003: ascii_value("2024:09:29 10:37:52"), 0x9011: ascii_value("+01:00")}))
    assert read_ok(path).fields["taken"] == Sourced("2024-09-29T10:37:52+01:00", "exif")


def test_the_exif_ifds_date_taken_comes_before_ifd0s(tmp_path):
    path = tmp_path / "photo.jpg"
    block = exif({0x9003: ascii_value("2001:01:01 00:00:00")}, {0x9003: ascii_value("2024:09:29 10:37:52")})
    path.write_bytes(jpeg(b"\xff\xe1" + struct.pack(">H", len(block) + 8) + b"Exif\0\0" + block))
    assert read_ok(path).value("taken") == "2024-09-29T10:37:52"


@pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")
def test_ifd0_date_agrees_with_exiftool(tmp_path):
    path = tmp_path / "scan.tif"
    path.write_bytes(tiff(8, 6, {0x9003: ascii_value("2024:09:29 10:37:52")}))
    answer = subprocess.run([EXIFTOOL, "-j", "-n", "-use", "MWG", "-MWG:DateTimeOriginal", str(path)],
                            capture_output=True, text=True, check=True)
    assert json.loads(answer.stdout)[0]["DateTimeOriginal"] == "2024:09:29 10:37:52"
    assert read_ok(path).value("taken") == "2024-09-29T10:37:52"


# -- IIM in a FotoStation trailer --------------------------------------------------------------------------


def fotostation_record(tag: int, data: bytes) -> bytes:
    """One FotoStation trailer record: the data, then tag, size (data and footer) and the signature."""
    return data + struct.pack(">HI", tag, len(data) + 10) + b"\xa1\xb2\xc3\xd4"


def afcp_trailer(start: int, block: bytes) -> bytes:
    """An AFCP trailer starting at file offset ``start``, holding ``block`` as its IPTC entry."""
    header = b"AXS!" + struct.pack(">HH", 1, 1) + bytes(4)
    entry_at = start + len(header) + 12
    entry = b"IPTC" + struct.pack(">II", len(block), entry_at) + block
    return header + entry + b"AXS!" + struct.pack(">I", start) + bytes(4)


def test_iim_in_a_fotostation_trailer_is_read(tmp_path):
    block = iim((1, 90, b"\x1b%G"), (2, 120, "Kraków, the market square".encode()), (2, 80, b"Jan Nowak"))
    trailer = fotostation_record(2, bytes(48)) + fotostation_record(1, block + bytes(20))
    trailer += fotostation_record(2, bytes(12))  # crop and rotation after the IIM record, as FotoStation writes
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg() + trailer)
    result = read_ok(path)
    assert result.fields["caption"] == Sourced("Kraków, the market square", "iptc")
    assert result.value("photographer") == "Jan Nowak"
    assert result.warnings == []


def test_fotostation_iim_fills_only_what_the_files_own_iim_lacks(tmp_path):
    own = iim((1, 90, b"\x1b%G"), (2, 120, b"The caption in APP13"))
    trailing = iim((1, 90, b"\x1b%G"), (2, 120, b"An older caption"), (2, 110, b"FotoWare"))
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg(*photoshop_segments(resource(0x0404, own))) + fotostation_record(1, trailing))
    result = read_ok(path)
    assert result.value("caption") == "The caption in APP13"
    assert result.value("credit") == "FotoWare"


def test_an_afcp_trailer_before_a_fotostation_trailer_is_read_too(tmp_path):
    body = jpeg()
    afcp = afcp_trailer(len(body), iim((2, 80, b"AFCP by-line")))
    path = tmp_path / "photo.jpg"
    path.write_bytes(body + afcp + fotostation_record(1, iim((2, 120, b"FotoStation caption"))))
    result = read_ok(path)
    assert (result.value("caption"), result.value("photographer")) == ("FotoStation caption", "AFCP by-line")


def test_a_tiff_with_a_fotostation_trailer(tmp_path):
    path = tmp_path / "scan.tif"
    path.write_bytes(tiff(8, 6) + fotostation_record(1, iim((2, 120, b"Scanned print"))))
    assert read_ok(path).fields["caption"] == Sourced("Scanned print", "iptc")


@pytest.mark.parametrize("claimed", [5, 10**9])
def test_a_fotostation_footer_that_lies_about_its_size_is_passed_over(tmp_path, claimed):
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg() + b"\x1c\x02\x78\x00\x03abc" + struct.pack(">HI", 1, claimed) + b"\xa1\xb2\xc3\xd4")
    result = read_ok(path)
    assert "caption" not in result.fields


def test_the_real_fotostation_file_gives_exiftools_caption():
    name = "exiftool/FotoStation.jpg"
    result = read_ok(corpus_file(name))
    assert result.fields["caption"] == Sourced(exiftool_tags(name)["IPTC2:Caption-Abstract"], "iptc")


# -- AVIF, and files named on the command line -------------------------------------------------------------


def avif(path: Path, size=(64, 32), **options) -> Path:
    from PIL import features

    if not features.check("avif"):
        pytest.skip("this Pillow cannot write AVIF")
    Image.new("RGB", size, (30, 90, 150)).save(path, "AVIF", **options)
    return path


def test_avif_files_in_a_folder_are_imported(cli, tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    avif(folder / "handout.avif")
    (folder / "notes.txt").write_text("not a photo")
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "(1 other file passed over)" in result.output
    record = json.loads(cli("show", "handout.avif", "--format", "json").output)
    assert (record["format"], record["width"], record["height"]) == ("AVIF", 64, 32)


def test_a_file_named_on_the_command_line_is_never_passed_over_silently(cli, tmp_path):
    named = tmp_path / "story.xyz"
    named.write_text("a story, not a photo")
    bare = tmp_path / "README"
    bare.write_text("no extension")
    result = cli("import", str(named), str(bare))
    assert result.exit_code == 1
    assert f"FAILED  {named}: not an image format catalog reads: .xyz" in result.stderr
    assert f"FAILED  {bare}: not an image format catalog reads: the name has no extension" in result.stderr
    assert "passed over" not in result.output


def test_the_scan_reports_a_named_file_and_counts_the_same_file_in_a_folder(tmp_path):
    (tmp_path / "story.xyz").write_text("text")
    assert [type(item).__name__ for item in scan([tmp_path / "story.xyz"])] == ["ReadFailure"]
    assert [type(item).__name__ for item in scan([tmp_path])] == ["Skipped"]


def test_a_real_avif_is_imported_when_named(cli):
    path = corpus_file("exifr/avif/Irvine_CA.avif")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert not [item for item in scan([path]) if isinstance(item, ReadFailure)]


# -- HEIC and AVIF sizes: stored, and displayed --------------------------------------------------------------


def turned(path: Path, kind: str, size: tuple[int, int]) -> Path:
    """A HEIF or AVIF whose container turns the picture a quarter (pillow-heif and Pillow write EXIF
    Orientation 6 as the container's "irot")."""
    if kind == "HEIF":
        pillow_heif = pytest.importorskip("pillow_heif")
        pillow_heif.register_heif_opener()
    else:
        from PIL import features

        if not features.check("avif"):
            pytest.skip("this Pillow cannot write AVIF")
    orientation = Image.Exif()
    orientation[0x0112] = 6
    Image.new("RGB", size, (200, 20, 20)).save(path, kind, exif=orientation.tobytes())
    return path


@pytest.mark.parametrize("kind, name", [("HEIF", "turned.heic"), ("AVIF", "turned.avif")])
def test_stored_size_before_rotation_and_display_size_after(tmp_path, kind, name):
    result = read_ok(turned(tmp_path / name, kind, (128, 64)))
    assert (result.width, result.height) == (128, 64)
    assert (result.display_width, result.display_height) == (64, 128)


def test_the_display_size_applies_the_containers_crop(tmp_path):
    # HEVC codes the 64x32 picture as 64x64 ("ispe", what ExifTool reports) cropped by "clap" to 64x32,
    # then turned a quarter by "irot".
    result = read_ok(turned(tmp_path / "small.heic", "HEIF", (64, 32)))
    assert (result.width, result.height, result.display_width, result.display_height) == (64, 64, 32, 64)


@pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")
@pytest.mark.parametrize("kind, name", [("HEIF", "turned.heic"), ("AVIF", "turned.avif")])
def test_stored_size_agrees_with_exiftool(tmp_path, kind, name):
    path = turned(tmp_path / name, kind, (64, 32))
    answer = subprocess.run([EXIFTOOL, "-j", "-n", "-ImageWidth", "-ImageHeight", str(path)],
                            capture_output=True, text=True, check=True)
    tags = json.loads(answer.stdout)[0]
    result = read_ok(path)
    assert (result.width, result.height) == (tags["ImageWidth"], tags["ImageHeight"])


def test_a_jpeg_turned_by_exif_orientation_has_its_display_size_swapped(tmp_path):
    path = tmp_path / "portrait.jpg"
    path.write_bytes(jpeg(b"\xff\xe1" + struct.pack(">H", 8 + len(block := exif({0x0112: (3, 1, b"\x06\0")})))
                          + b"Exif\0\0" + block, width=8, height=6))
    result = read_ok(path)
    assert (result.width, result.height, result.display_width, result.display_height) == (8, 6, 6, 8)


def test_the_json_record_carries_both_sizes(cli, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    turned(folder / "IMG_0001.heic", "HEIF", (128, 64))
    Image.new("RGB", (40, 30)).save(folder / "flat.jpg")
    assert cli("import", str(folder)).exit_code == 0
    heic = json.loads(cli("show", "IMG_0001.heic", "--format", "json").output)
    assert (heic["width"], heic["height"], heic["display_width"], heic["display_height"]) == (128, 64, 64, 128)
    flat = json.loads(cli("show", "flat.jpg", "--format", "json").output)
    assert (flat["width"], flat["height"], flat["display_width"], flat["display_height"]) == (40, 30, 40, 30)


def test_a_real_iphone_heic_is_stored_landscape_and_shown_portrait():
    name = "exiv2/2021-02-13-1929.heic"
    result = read_ok(corpus_file(name))
    tags = exiftool_tags(name)
    assert (result.width, result.height) == (tags["File:ImageWidth"], tags["File:ImageHeight"]) == (4032, 3024)
    assert tags["QuickTime:Rotation"] == 270
    assert (result.display_width, result.display_height) == (3024, 4032)


def test_heif_sizes_never_raise_on_cut_boxes():
    from catalog.metadata.heif import _box, heif_sizes

    meta = bytes(4) + _box(b"pitm", bytes(4) + b"\0\1") + _box(b"iprp", _box(b"ipco", _box(b"ispe", bytes(12))))
    for cut in range(len(meta) + 1):  # whole, it has no "ipma": no property belongs to the item
        assert heif_sizes(meta[:cut]) is None


# -- an XMP sidecar's caption --------------------------------------------------------------------------------


def test_a_sidecars_edited_caption_wins_over_the_embedded_ones(tmp_path):
    path = tmp_path / "photo.jpg"
    block = exif({0x010E: ascii_value("OLD caption in EXIF"), 0x013B: ascii_value("Old Artist")})
    path.write_bytes(jpeg(b"\xff\xe1" + struct.pack(">H", len(block) + 8) + b"Exif\0\0" + block,
                          *photoshop_segments(resource(0x0404, iim((2, 120, b"OLD caption in IIM"))))))
    (tmp_path / "photo.xmp").write_bytes(xmp_packet(
        f"<dc:description>{alt(('x-default', 'Edited caption'))}</dc:description>"
        "<photoshop:Headline>Edited headline</photoshop:Headline>"
    ))
    result = read_ok(path)
    assert result.fields["caption"] == Sourced("Edited caption", "sidecar")
    assert result.fields["headline"] == Sourced("Edited headline", "sidecar")
    assert result.fields["photographer"] == Sourced("Old Artist", "exif")  # the sidecar does not say
    conflict = next(c for c in result.conflicts if c.field == "caption")
    assert dict(conflict.copies) == {"exif": "OLD caption in EXIF", "iptc": "OLD caption in IIM",
                                     "sidecar": "Edited caption"}
    assert read_ok(path, sidecars=False).fields["caption"] == Sourced("OLD caption in EXIF", "exif")


def test_a_real_sidecar_wins_over_the_files_exif_copyright():
    photo = corpus_file("exiftool/XMP.jpg")
    sidecar = exiftool_tags("exiftool/XMP.xmp")["XMP-dc:Rights"]
    assert read_ok(photo).fields["copyright"] == Sourced(sidecar, "sidecar")
    assert read_ok(photo, sidecars=False).fields["copyright"].source == "exif"
