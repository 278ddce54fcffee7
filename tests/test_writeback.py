"""`catalog write`: the catalogue's caption, credit, date and place written into JPEG files, EXIF, IPTC and XMP in
step, the IPTC digest current, and nothing else changed: checked with ExifTool (when installed), Pillow and the
catalogue's own reader."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from catalog.metadata import read
from catalog.writeback import image_data, jpeg_segments
from tests.conftest import shared
from tests.helpers import jpeg_with_metadata

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")

#: What may differ in ExifTool's view besides the tags written: the file system's facts, the digest, the XMP
#: toolkit exiv2 names itself with, and composite tags derived from the written ones.
VOLATILE_GROUPS = ("System:", "ExifTool:", "Composite:")
VOLATILE_TAGS = {"SourceFile", "File:CurrentIPTCDigest", "Photoshop:IPTCDigest", "XMP-x:XMPToolkit", "File:FileSize"}


def exiftool(path: Path, *options: str) -> dict:
    output = subprocess.run([EXIFTOOL, "-j", "-G1", "-a", *options, str(path)], capture_output=True, check=True)
    return json.loads(output.stdout)[0]


def others(tags: dict, written: set[str]) -> dict:
    return {k: v for k, v in tags.items()
            if k not in written and k not in VOLATILE_TAGS and not k.startswith(VOLATILE_GROUPS)}


def pixels(path: Path) -> bytes:
    with Image.open(path) as image:
        return image.convert("RGB").tobytes()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: ExifTool's names of the tags writing the train's catalogue record adds.
TRAIN_TAGS = {
    "IPTC:By-line": "Xu Gang", "IPTC:Credit": "Photo/Xu Gang", "IPTC:Sub-location": "Zhongchuan township",
    "IPTC:City": "Lanzhou New Area", "IPTC:Province-State": "Gansu", "IPTC:Country-PrimaryLocationName": "China",
    "IPTC:Country-PrimaryLocationCode": "CHN", "IPTC:DateCreated": "2025:08:03",
    "XMP-dc:Creator": "Xu Gang", "XMP-photoshop:Credit": "Photo/Xu Gang",
    "XMP-iptcCore:Location": "Zhongchuan township",
    "XMP-photoshop:City": "Lanzhou New Area", "XMP-photoshop:State": "Gansu", "XMP-photoshop:Country": "China",
    "XMP-iptcCore:CountryCode": "CN", "XMP-photoshop:DateCreated": "2025:08:03",
}


def test_dry_run_lists_the_changes_and_writes_nothing(cli, imported):
    train = imported / "gansu-bullet-train.jpg"
    before = sha(train)
    result = cli("write", str(train), "--dry-run")
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert lines[0] == f"{train}: would write 16 tags"
    assert "IPTC Iptc.Application2.City (none) -> 'Lanzhou New Area'" in lines
    assert "XMP Xmp.photoshop.DateCreated (none) -> '2025-08-03'" in lines
    assert "IPTC Iptc.Application2.CountryCode (none) -> 'CHN'" in lines
    assert "XMP Xmp.iptc.CountryCode (none) -> 'CN'" in lines
    assert sha(train) == before
    plan = json.loads(cli("write", str(train), "--dry-run", "--format", "json").output)
    assert plan["dry_run"] is True and plan["failed"] == [] and plan["unchanged"] == []
    changes = [(c["block"], c["tag"], c["new"]) for c in plan["written"][0]["changes"]]
    assert ("IPTC", "Iptc.Application2.Byline", ["Xu Gang"]) in changes
    assert ("XMP", "Xmp.dc.creator", ["Xu Gang"]) in changes
    assert sha(train) == before


@needs_exiftool
def test_write_puts_the_values_in_and_changes_nothing_else(cli, imported):
    train = imported / "gansu-bullet-train.jpg"
    before_tags, before_pixels, before_bytes = exiftool(train), pixels(train), train.read_bytes()
    result = cli("write", str(train))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"{train}: wrote 16 tags"
    after = exiftool(train)
    for tag, value in TRAIN_TAGS.items():
        assert after[tag] == value, tag
    # The IPTC digest is the MD5 of the new IIM block: MWG readers see IIM and XMP in step.
    assert after["Photoshop:IPTCDigest"] == after["File:CurrentIPTCDigest"]
    assert "ExifTool:Warning" not in after
    # Everything else: the same tags with the same values; the same pixels; the same image data bytes.
    assert others(after, set(TRAIN_TAGS)) == others(before_tags, set(TRAIN_TAGS))
    assert pixels(train) == before_pixels
    assert image_data(train.read_bytes()) == image_data(before_bytes)
    assert train.read_bytes()[jpeg_segments(train.read_bytes())[1]:] == before_bytes[jpeg_segments(before_bytes)[1]:]


def test_the_catalogues_reader_and_the_next_import_agree(cli, imported):
    train = imported / "gansu-bullet-train.jpg"
    before = json.loads(cli("show", str(train), "--format", "json").output)
    assert cli("write", str(train)).exit_code == 0
    meta = read(train, sidecars=False)
    found = {name: (value.value, value.source) for name, value in meta.fields.items()}
    assert found["photographer"] == ("Xu Gang", "xmp")
    assert found["city"] == ("Lanzhou New Area", "xmp")
    assert found["taken"] == ("2025-08-03", "xmp")
    assert found["country_code"] == ("CN", "xmp")
    assert meta.conflicts == []  # CHN in IIM and CN in XMP name one country
    after = json.loads(cli("show", str(train), "--format", "json").output)
    # The record was read again: same values, now from the file; size and fingerprint current.
    for key in ("caption", "taken", "credit", "location"):
        if key == "credit":
            assert {k: after[key][k] for k in ("line", "photographer")} == {
                k: before[key][k] for k in ("line", "photographer")}
        elif key == "location":
            assert {k: after[key][k] for k in ("sublocation", "city", "province", "country", "country_code")} == {
                k: before[key][k] for k in ("sublocation", "city", "province", "country", "country_code")}
        else:
            assert after[key] == before[key], key
    assert after["sources"]["taken"] == "xmp" and before["sources"]["taken"] == "caption"
    assert after["size"] == train.stat().st_size != before["size"]
    assert after["id"] == before["id"]
    again = cli("import", str(imported))
    assert again.exit_code == 0
    assert "0 added, 0 updated, 0 moved, 3 unchanged" in again.output
    # Written again: nothing left to change.
    result = cli("write", str(train))
    assert result.output.strip() == f"{train}: already says what the catalogue says; left alone"


def test_a_manual_caption_is_written_and_keeps_its_source(cli, imported):
    probe = imported / "tianwen2-probe.jpg"
    caption = json.loads(cli("show", str(probe), "--format", "json").output)["caption"]
    result = cli("write", str(probe))
    assert result.exit_code == 0, result.output
    assert "note: IPTC Credit cut to 32 bytes (the IIM limit); XMP holds the whole value" in result.output
    meta = read(probe, sidecars=False)
    assert meta.fields["caption"].value == caption
    assert meta.fields["credit"].value == "Photo provided by the China National Space Administration"  # from XMP
    record = json.loads(cli("show", str(probe), "--format", "json").output)
    assert record["sources"]["caption"] == "manual"
    assert record["caption"] == caption


@needs_exiftool
def test_the_exif_block_is_untouched_when_no_exif_tag_is_written(cli, imported):
    aircraft = imported / "hefei-aircraft.jpg"
    assert cli("caption", "hefei-aircraft.jpg", "Researchers fly a drone at the Luogang Park in Hefei, east China's "
               "Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)").exit_code == 0
    before = aircraft.read_bytes()
    exif_before = [seg for marker, seg in jpeg_segments(before)[0] if seg[4:10] == b"Exif\0\0"]
    result = cli("write", "hefei-aircraft.jpg")
    assert result.exit_code == 0, result.output
    assert "Iptc.Application2.Caption" in result.output and "Xmp.dc.description" in result.output
    assert "Exif.Image.ImageDescription" not in result.output  # the file has none: none is added
    after = aircraft.read_bytes()
    assert [seg for marker, seg in jpeg_segments(after)[0] if seg[4:10] == b"Exif\0\0"] == exif_before
    tags = exiftool(aircraft)
    assert tags["IPTC:Caption-Abstract"] == tags["XMP-dc:Description"]
    assert tags["IPTC:Caption-Abstract"].startswith("Researchers fly a drone")
    assert tags["Photoshop:IPTCDigest"] == tags["File:CurrentIPTCDigest"]


@needs_exiftool
def test_an_existing_exif_description_and_date_are_updated(cli, tmp_path):
    photo = jpeg_with_metadata(tmp_path / "cam.jpg", exif={
        "Exif.Image.ImageDescription": "OLYMPUS DIGITAL CAMERA", "Exif.Image.Make": "Olympus",
        "Exif.Photo.DateTimeOriginal": "2025:10:14 09:00:00", "Exif.Photo.OffsetTimeOriginal": "+08:00"})
    assert cli("import", str(photo)).exit_code == 0
    assert cli("caption", "cam.jpg", "Workers build a bridge in Wuhu, Anhui province. (Photo/Wang Li)").exit_code == 0
    result = cli("write", "cam.jpg")
    assert result.exit_code == 0, result.output
    tags = exiftool(photo)
    assert tags["IFD0:ImageDescription"] == tags["IPTC:Caption-Abstract"] == tags["XMP-dc:Description"]
    assert tags["IFD0:ImageDescription"].startswith("Workers build a bridge")
    assert tags["IFD0:Make"] == "Olympus"
    assert tags["IPTC:DateCreated"] == "2025:10:14" and tags["IPTC:TimeCreated"] == "09:00:00+08:00"
    assert tags["XMP-photoshop:DateCreated"] == "2025:10:14 09:00:00+08:00"
    assert tags["ExifIFD:DateTimeOriginal"] == "2025:10:14 09:00:00"


@needs_exiftool
def test_a_month_precision_date(cli, tmp_path):
    photo = jpeg_with_metadata(
        tmp_path / "month.jpg", xmp={"Xmp.photoshop.DateCreated": "2025-10"},
        iptc={"Iptc.Application2.Caption": "A bridge at dusk.", "Iptc.Application2.City": "Wuhu"})
    assert cli("import", str(photo)).exit_code == 0
    assert cli("write", "month.jpg").exit_code == 0
    assert exiftool(photo)["IPTC:DateCreated"] == "2025:10:00"  # IIM: "00" for the unknown day
    assert read(photo).fields["taken"].value == "2025-10"


@pytest.mark.parametrize("fmt, why", [
    ("PNG", "PNG has no standard place for IPTC-IIM"),
    ("TIFF", "exiv2 rebuilds a TIFF's directories and leaves a stale IPTC digest in them"),
    ("WEBP", "WebP has no place for IPTC-IIM"),
])
def test_formats_it_cannot_write_safely_are_refused(cli, tmp_path, fmt, why):
    import pyexiv2

    path = tmp_path / f"photo.{fmt.lower()}"
    Image.new("RGB", (32, 24), (10, 20, 30)).save(path, fmt)
    with pyexiv2.Image(str(path)) as image:
        image.modify_xmp({"Xmp.dc.description": {'lang="x-default"': "A bridge in Wuhu, Oct. 3, 2025."}})
    assert cli("import", str(path)).exit_code == 0
    before = sha(path)
    result = cli("write", str(path))
    assert result.exit_code == 1
    assert f"FAILED {path}: only JPEG files are written ({why}); `catalog export --format xmp` writes a sidecar" \
        in result.output
    assert sha(path) == before


def test_a_file_changed_since_import_is_refused(cli, imported):
    train = imported / "gansu-bullet-train.jpg"
    os.utime(train, ns=(train.stat().st_atime_ns, train.stat().st_mtime_ns + 5_000_000_000))
    before = sha(train)
    result = cli("write", str(train), "hefei-aircraft.jpg")
    assert result.exit_code == 1
    assert "the file changed since it was imported; `catalog import` it first, then write" in result.output
    assert "hefei-aircraft.jpg: already says what the catalogue says" in result.output
    assert sha(train) == before


def test_the_file_is_replaced_atomically_keeping_its_permissions(cli, imported):
    train = imported / "gansu-bullet-train.jpg"
    os.chmod(train, 0o640)
    assert cli("import", str(train)).exit_code == 0
    inode = train.stat().st_ino
    assert cli("write", str(train)).exit_code == 0
    assert stat.S_IMODE(train.stat().st_mode) == 0o640
    assert train.stat().st_ino != inode  # a new file, put in place by os.replace
    assert sorted(os.listdir(imported)) == ["README.md", "gansu-bullet-train.jpg", "hefei-aircraft.jpg",
                                            "make_samples.py", "tianwen2-press-release.txt", "tianwen2-probe.jpg"]


def test_a_link_and_a_missing_file_are_refused(cli, imported, tmp_path):
    link = tmp_path / "link.jpg"
    os.symlink(imported / "hefei-aircraft.jpg", link)
    assert cli("import", str(link)).exit_code == 0
    result = cli("write", str(link))
    assert result.exit_code == 1 and "the path is a symbolic link" in result.output
    (imported / "gansu-bullet-train.jpg").unlink()
    result = cli("write", "gansu-bullet-train.jpg")
    assert result.exit_code == 1 and "the file is no longer there" in result.output
    result = cli("write", "nothing.jpg", "hefei-aircraft.jpg")  # one not in the catalogue: the other is written
    assert result.exit_code == 1
    assert "FAILED nothing.jpg: no photo 'nothing.jpg' in the catalogue" in result.output
    assert "hefei-aircraft.jpg: already says what the catalogue says" in result.output


def _with_raw_xmp(path: Path, packet: str) -> Path:
    """A JPEG whose only XMP is `packet`, as written (exiv2 would re-serialise it)."""
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 20, 30)).save(buffer, "JPEG")
    data = buffer.getvalue()
    body = b"http://ns.adobe.com/xap/1.0/\0" + packet.encode("utf-8")
    segment = b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body
    path.write_bytes(data[:2] + segment + data[2:])
    return path


def test_a_file_exiv2_would_damage_is_left_alone(cli, tmp_path):
    """exiv2 moves the Microsoft Photo namespace to its own URI and drops XMP values it cannot type: refused."""
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" MicrosoftPhoto:Rating="75">'
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Flooded fields near Wuhu, Anhui province, '
        'July 8, 2025. (Photo/Wang Li)</rdf:li></rdf:Alt></dc:description>'
        '</rdf:Description></rdf:RDF></x:xmpmeta>'
    )
    photo = _with_raw_xmp(tmp_path / "rated.jpg", packet)
    assert cli("import", str(photo)).exit_code == 0
    before = sha(photo)
    result = cli("write", str(photo))
    assert result.exit_code == 1, result.output
    assert "writing would also change" in result.output and "Rating" in result.output
    assert "the file was left alone" in result.output
    assert sha(photo) == before


@needs_exiftool
def test_real_press_files_keep_every_other_tag(cli, tmp_path):
    """Files from public metadata test suites (IPTC's reference image, a Photo Mechanic file, camera JPEGs) with
    a caption by hand: written, or refused without a byte changed; never changed beyond the tags written."""
    corpus = shared("corpus", "real")
    names = [
        "frameright-php/Fixtures/IPTC-PhotometadataRef-Std2021.1.jpg",
        "exiftool/IPTC.jpg", "exiftool/XMP.jpg", "exiftool/Photoshop.jpg", "exiftool/Nikon.jpg",
        "exif-samples/jpg/gps/DSCN0010.jpg", "exif-samples/jpg/Canon_40D.jpg", "exifr/iptc-mess.jpg",
        "imagemeta/bep/sunrise.jpg", "frameright-php/Fixtures/exif.JPG", "exif-samples/jpg/long_description.jpg",
    ]
    folder = tmp_path / "corpus"
    folder.mkdir()
    copies = []
    for name in names:
        if (corpus / name).is_file():
            # copyfile: writable, as a desk has its files (the corpus is read-only, which `write` refuses)
            copies.append(shutil.copyfile(corpus / name, folder / name.replace("/", "__")))
    assert copies, "none of the corpus files is there"
    assert cli("import", str(folder)).exit_code in (0, 1)
    written = refused = 0
    for copy in map(Path, copies):
        if cli("caption", copy.name, "Engineers check the probe model in Beijing, Sept. 2, 2025. "
               "(Xinhua/Li Xin)").exit_code != 0:
            continue
        before_tags, before_bytes = exiftool(copy), copy.read_bytes()
        result = cli("write", str(copy), "--format", "json")
        report = json.loads(result.stdout)
        if report["failed"]:
            refused += 1
            assert copy.read_bytes() == before_bytes, copy.name
            continue
        written += 1
        after_tags = exiftool(copy)
        changed = {k for k in set(before_tags) | set(after_tags) if before_tags.get(k) != after_tags.get(k)}
        changed = {k for k in changed if k not in VOLATILE_TAGS and not k.startswith(VOLATILE_GROUPS)}
        # exiv2 drops an XMP property whose value is empty: it said nothing, and says nothing still.
        changed = {k for k in changed if not (before_tags.get(k) == "" and k not in after_tags)}
        names_written = {c["tag"].split("[")[0].rsplit(".", 1)[-1].lower() for c in report["written"][0]["changes"]}
        for tag in changed:
            group, name = tag.split(":", 1)
            assert group.startswith(("IPTC", "XMP", "IFD0", "ExifIFD", "IFD1")), tag
            if group == "IFD1":
                assert name == "ThumbnailOffset", tag  # the thumbnail moved with the longer description
                continue
            assert _written_name(name) & names_written, (copy.name, tag)
        assert image_data(copy.read_bytes()) == image_data(before_bytes)
        assert after_tags.get("Photoshop:IPTCDigest") == after_tags.get("File:CurrentIPTCDigest")
        assert read(copy, sidecars=False).fields["caption"].value.startswith("Engineers check the probe model")
    assert written >= 6, (written, refused)


#: ExifTool's tag names and the exiv2 key names they are written as (lower case, last part).
_EXIFTOOL_TO_EXIV2 = {
    "caption-abstract": {"caption"}, "description": {"description"}, "imagedescription": {"imagedescription"},
    "by-line": {"byline"}, "creator": {"creator"}, "artist": {"artist"}, "credit": {"credit"},
    "source": {"source"}, "copyrightnotice": {"copyright"}, "rights": {"rights"}, "copyright": {"copyright"},
    "datecreated": {"datecreated"}, "timecreated": {"timecreated"}, "sub-location": {"sublocation"},
    "location": {"location"}, "city": {"city"}, "province-state": {"provincestate"}, "state": {"state"},
    "country-primarylocationname": {"countryname"}, "country": {"country"},
    "country-primarylocationcode": {"countrycode"}, "countrycode": {"countrycode"},
    "codedcharacterset": {"characterset"}, "locationcreated": {"locationcreated"},
    "datetimeoriginal": {"datetimeoriginal"}, "offsettimeoriginal": {"offsettimeoriginal"},
    "subsectimeoriginal": {"subsectimeoriginal"},
    "applicationrecordversion": {"characterset", "caption", "city"},  # exiv2 adds it with a new record
    "envelooperecordversion": {"characterset"}, "enveloperecordversion": {"characterset"},
}


def _written_name(exiftool_name: str) -> set[str]:
    if exiftool_name.lower().startswith("locationcreated"):  # LocationCreatedCity ...: the structure's fields
        return {"locationcreated"}
    return _EXIFTOOL_TO_EXIV2.get(exiftool_name.lower(), {exiftool_name.lower()})
