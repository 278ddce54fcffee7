"""`catalog export --format xmp`: a sidecar beside each photo, read back by ExifTool and by the catalogue's own
reader; never overwritten without --force, never written outside the photo's folder, odd names refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from xml.etree import ElementTree

import pytest

from catalog.metadata import read
from catalog.sidecars import SidecarRefused, build_xmp, sidecar_path
from tests.helpers import jpeg_with_metadata, plain_jpeg

EXIFTOOL = shutil.which("exiftool")


def files_under(folder) -> set[str]:
    return {os.path.relpath(os.path.join(top, name), folder) for top, _, names in os.walk(folder) for name in names}


def exiftool_json(path) -> dict:
    output = subprocess.run([EXIFTOOL, "-j", "-G1", "-struct", str(path)], capture_output=True, check=True).stdout
    return json.loads(output)[0]


def test_export_writes_one_sidecar_beside_each_photo_and_nothing_else(cli, imported, tmp_path):
    before = files_under(tmp_path)
    result = cli("export", "--format", "xmp")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {imported / name}" for name in (
        "gansu-bullet-train.xmp", "hefei-aircraft.xmp", "tianwen2-probe.xmp")]
    assert "3 sidecars written, 0 kept, 0 failed" in result.stderr
    assert files_under(tmp_path) - before == {
        "images/gansu-bullet-train.xmp", "images/hefei-aircraft.xmp", "images/tianwen2-probe.xmp"}


@pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")
def test_exiftool_reads_back_every_value(cli, imported):
    assert cli("export", "in:Hefei", "--format", "xmp").exit_code == 0
    record = json.loads(cli("show", "hefei-aircraft.jpg", "--format", "json").output)
    tags = exiftool_json(imported / "hefei-aircraft.xmp")
    assert "ExifTool:Warning" not in tags and "ExifTool:Error" not in tags
    assert tags["XMP-dc:Description"] == record["caption"]
    assert tags["XMP-dc:Creator"] == ["Zhang Dagang"]
    assert tags["XMP-photoshop:Credit"] == record["credit"]["line"] == "Zhang Dagang"
    assert tags["XMP-photoshop:Source"] == "catalog sample set"
    assert tags["XMP-dc:Rights"] == record["credit"]["copyright"]
    assert tags["XMP-photoshop:DateCreated"] == "2025:10:14 10:32:00+08:00"
    assert tags["XMP-iptcCore:Location"] == "Luogang Park"
    assert (tags["XMP-photoshop:City"], tags["XMP-photoshop:State"], tags["XMP-photoshop:Country"]) == (
        "Hefei", "Anhui", "China")
    assert tags["XMP-iptcCore:CountryCode"] == "CN"
    assert tags["XMP-iptcExt:LocationCreated"] == [{
        "City": "Hefei", "CountryCode": "CN", "CountryName": "China", "ProvinceState": "Anhui",
        "Sublocation": "Luogang Park"}]
    assert tags["XMP-dc:Subject"] == record["keywords"] == ["aircraft", "autonomous flight", "Hefei", "Anhui",
                                                             "Luogang Park"]
    assert tags["Composite:GPSPosition"] == "31 deg 46' 46.20\" N, 117 deg 17' 33.00\" E"


@pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")
def test_a_handout_sidecar_has_no_invented_values(cli, imported):
    assert cli("export", "in:Gansu,Anhui", "-in:Anhui", "--format", "xmp").exit_code == 0
    tags = exiftool_json(imported / "gansu-bullet-train.xmp")
    assert tags["XMP-photoshop:DateCreated"] == "2025:08:03"
    assert tags["XMP-photoshop:City"] == "Lanzhou New Area"
    assert tags["XMP-iptcCore:Location"] == "Zhongchuan township"
    assert "XMP-exif:GPSLatitude" not in tags  # no GPS in the photo: none in the sidecar
    assert "XMP-photoshop:Headline" not in tags and "XMP-dc:Subject" not in tags
    assert not (imported / "hefei-aircraft.xmp").exists()


def test_the_catalogues_reader_picks_the_sidecar_up(cli, imported):
    assert cli("export", "in:Gansu", "--format", "xmp").exit_code == 0
    meta = read(imported / "gansu-bullet-train.jpg")
    found = {name: (value.value, value.source) for name, value in meta.fields.items()}
    assert found["city"] == ("Lanzhou New Area", "sidecar")
    assert found["province"] == ("Gansu", "sidecar")
    assert found["sublocation"] == ("Zhongchuan township", "sidecar")
    assert found["country_code"] == ("CN", "sidecar")
    assert found["taken"] == ("2025-08-03", "sidecar")
    assert found["photographer"] == ("Xu Gang", "sidecar")
    assert found["credit"] == ("Photo/Xu Gang", "sidecar")
    assert meta.warnings == []
    # Without the sidecar, the photo itself says none of this.
    bare = read(imported / "gansu-bullet-train.jpg", sidecars=False)
    assert "city" not in bare.fields and "photographer" not in bare.fields


def test_an_existing_sidecar_is_kept_unless_force(cli, imported):
    sidecar = imported / "hefei-aircraft.xmp"
    sidecar.write_text("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>  <!-- Lightroom's edits -->", encoding="utf-8")
    result = cli("export", "in:Hefei", "--format", "xmp")
    assert result.exit_code == 0
    assert "kept  " + str(sidecar) in result.stderr and "0 sidecars written, 1 kept" in result.stderr
    assert "Lightroom's edits" in sidecar.read_text()
    result = cli("export", "in:Hefei", "--format", "xmp", "--force")
    assert result.exit_code == 0 and result.stdout.strip() == f"wrote {sidecar}"
    assert "Lightroom's edits" not in sidecar.read_text() and "Luogang Park" in sidecar.read_text()
    assert [name for name in os.listdir(imported) if name.endswith(".tmp")] == []


def test_full_names_for_darktable(cli, imported):
    assert cli("export", "in:Hefei", "--format", "xmp", "--sidecar-name", "full").exit_code == 0
    assert (imported / "hefei-aircraft.jpg.xmp").is_file() and not (imported / "hefei-aircraft.xmp").exists()
    assert read(imported / "hefei-aircraft.jpg").fields["city"].source in ("iptc", "xmp", "sidecar")


def test_odd_cases_are_refused_and_the_rest_written(cli, tmp_path):
    folder = tmp_path / "odd"
    jpeg_with_metadata(folder / "pair.jpg", iptc={"Iptc.Application2.City": "Hefei"})
    plain_jpeg(folder / "pair.tif")  # a TIFF master beside the JPEG: pair.xmp would serve both
    jpeg_with_metadata(folder / "linked.jpg", iptc={"Iptc.Application2.City": "Hefei"})
    outside = tmp_path / "outside.xmp"
    outside.write_text("not ours", encoding="utf-8")
    os.symlink(outside, folder / "linked.xmp")
    jpeg_with_metadata(folder / "boxed.jpg", iptc={"Iptc.Application2.City": "Hefei"})
    (folder / "boxed.xmp").mkdir()
    jpeg_with_metadata(folder / "fine.jpg", iptc={"Iptc.Application2.City": "Hefei"})
    assert cli("import", str(folder / "pair.jpg"), str(folder / "linked.jpg"), str(folder / "boxed.jpg"),
               str(folder / "fine.jpg")).exit_code == 0
    result = cli("export", "--format", "xmp", "--force")
    assert result.exit_code == 1
    assert f"FAILED {folder / 'pair.jpg'}: pair.xmp would also be read as the sidecar of pair.tif" in result.stderr
    assert f"FAILED {folder / 'linked.jpg'}: linked.xmp exists and is not a plain file" in result.stderr
    assert f"FAILED {folder / 'boxed.jpg'}: boxed.xmp exists and is not a plain file" in result.stderr
    assert result.stdout.strip() == f"wrote {folder / 'fine.xmp'}"
    assert outside.read_text() == "not ours" and os.path.islink(folder / "linked.xmp")
    assert not (folder / "pair.xmp").exists()
    # The full name is the way out for the pair.
    assert cli("export", "in:Hefei", "--format", "xmp", "--sidecar-name", "full").exit_code == 0
    assert (folder / "pair.jpg.xmp").is_file()


@pytest.mark.parametrize("path, reason", [
    ("relative/photo.jpg", "is not a plain absolute path"),
    ("/news/../etc/photo.jpg", "is not a plain absolute path"),
    ("/news/README", "has no extension to replace"),
    ("/news/bad\nname.jpg", "holds characters a sidecar should not be named with"),
    ("/news/photo.xmp", "is itself an XMP file"),
])
def test_sidecar_names_that_are_refused(path, reason):
    with pytest.raises(SidecarRefused, match=reason):
        sidecar_path(path)


def test_sidecar_names():
    assert sidecar_path("/news/a.b.jpg") == "/news/a.b.xmp"
    assert sidecar_path("/news/a.b.jpg", "full") == "/news/a.b.jpg.xmp"
    assert sidecar_path("/news/.hidden.jpg") == "/news/.hidden.xmp"


def test_values_are_escaped_not_spliced():
    hostile = 'Tom & "Jerry" <script>alert(1)</script> ]]> \x00\x07 \x1b%G end'
    record = {"caption": hostile, "headline": "a</photoshop:Headline><evil/>",
              "credit": {"photographer": "A & B; C <D>", "line": "x"}, "keywords": ["<k>", "&"],
              "location": {"city": "Kraków", "lat": 1.0, "lon": 2.0, "approximate": True}}
    xml = build_xmp(record)
    root = ElementTree.fromstring(xml)
    ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
          "photoshop": "http://ns.adobe.com/photoshop/1.0/", "exif": "http://ns.adobe.com/exif/1.0/"}
    description = root.find("rdf:RDF/rdf:Description", ns)
    assert description.find("dc:description/rdf:Alt/rdf:li", ns).text == (
        'Tom & "Jerry" <script>alert(1)</script> ]]>  %G end')  # control characters XML cannot hold are dropped
    assert description.find("photoshop:Headline", ns).text == "a</photoshop:Headline><evil/>"
    assert [li.text for li in description.findall("dc:creator/rdf:Seq/rdf:li", ns)] == ["A & B", "C <D>"]
    assert [li.text for li in description.findall("dc:subject/rdf:Bag/rdf:li", ns)] == ["<k>", "&"]
    assert description.find("photoshop:City", ns).text == "Kraków"
    assert description.find("exif:GPSLatitude", ns) is None  # approximate: the gazetteer's, not the camera's
    assert b"<evil/>" not in xml and b"<script>" not in xml


def test_xmp_format_takes_no_output_file(cli, imported, tmp_path):
    result = cli("export", "--format", "xmp", "-o", str(tmp_path / "x.xmp"))
    assert result.exit_code == 2 and "takes no -o" in result.output
    assert cli("export", "--force").exit_code == 2
