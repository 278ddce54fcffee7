"""`catalog write` and `catalog link` with a photo editor's eye for lost work (audit10), each in a real process:

- the file replaced by `write` keeps its owner, group and extended attributes, and a hard link to it is named;
- `export --format xmp --force` puts the catalogue's values into an existing sidecar and keeps the rest;
- a file another program changed behind the catalogue's back while keeping its size and time (ExifTool's -P) is
  not written over with the catalogue's older values: it is read again, and the next write starts from it;
- a Chinese caption over IIM's 2,000 octets, written and imported again into a new catalogue, reads back whole and
  with no conflict between its IIM and XMP copies (checked with ExifTool too); a by-line cut to IIM's 32 octets is
  said, as the caption's cut always was;
- `link` of a release naming a photo whose caption was typed by hand keeps that caption and says so, and lists the
  other values set by hand that the release's caption says otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_process import run_catalog
from tests.test_write_desk import exiftool_jpeg

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")

CAPTION = "Flooded fields near Wuhu, east China's Anhui province, July 4, 2025. (Photo/Wang Li)"


def catalog(db: Path, *args) -> subprocess.CompletedProcess:
    result = run_catalog("--db", db, *args)
    assert "Traceback" not in result.stderr.decode(), result.stderr.decode()
    return result


def show(db: Path, photo: Path) -> dict:
    return json.loads(catalog(db, "show", photo, "--format", "json").stdout)


@pytest.fixture
def photo(tmp_path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    return exiftool_jpeg(folder / "wuhu.jpg", f"-IPTC:Caption-Abstract={CAPTION}", f"-XMP-dc:Description={CAPTION}",
                         "-IPTC:City=Wuhu", "-XMP-photoshop:City=Wuhu")


@needs_exiftool
@pytest.mark.skipif(os.geteuid() != 0 or not hasattr(os, "setxattr"), reason="needs root to give a file away")
def test_the_file_written_keeps_its_owner_group_and_extended_attributes(tmp_path, photo):
    db = tmp_path / "c.db"
    try:
        os.setxattr(photo, "user.label", b"selected for page one")
    except OSError:
        pytest.skip("this file system keeps no extended attributes")
    os.chown(photo, 4321, 4322)
    assert catalog(db, "import", photo.parent).returncode == 0
    assert catalog(db, "set", photo, "city=Wuhu City").returncode == 0
    inode = photo.stat().st_ino
    result = catalog(db, "write", photo)
    assert result.returncode == 0, result.stderr
    info = photo.stat()
    assert info.st_ino != inode  # replaced by a new file, atomically
    assert (info.st_uid, info.st_gid) == (4321, 4322)  # was root's: the owner could no longer change it
    assert os.getxattr(photo, "user.label") == b"selected for page one"  # was dropped
    assert show(db, photo)["location"]["city"] == "Wuhu City"


@needs_exiftool
def test_a_hard_link_keeps_the_old_bytes_and_the_write_says_so(tmp_path, photo):
    db = tmp_path / "c.db"
    snapshot = tmp_path / "backup-wuhu.jpg"
    os.link(photo, snapshot)
    before = snapshot.read_bytes()
    assert catalog(db, "import", photo).returncode == 0
    assert catalog(db, "set", photo, "city=Wuhu City").returncode == 0
    dry = catalog(db, "write", photo, "--dry-run").stdout.decode()
    assert "note: the file has another name (a hard link); it would keep the old bytes" in dry
    result = catalog(db, "write", photo)
    assert result.returncode == 0
    assert "note: the file has another name (a hard link); it keeps the old bytes, so a backup made with hard " \
           "links stays as it was" in result.stdout.decode()
    assert snapshot.read_bytes() == before and photo.read_bytes() != before


@needs_exiftool
def test_a_file_changed_by_another_program_keeping_size_and_time_is_not_written_over(tmp_path, photo):
    db = tmp_path / "c.db"
    whole_second = 1_750_000_000 * 10**9  # as a card's FAT or a copy keeps it; ExifTool's -P keeps whole seconds
    os.utime(photo, ns=(whole_second, whole_second))
    assert catalog(db, "import", photo).returncode == 0
    assert catalog(db, "set", photo, "credit.line=Desk Credit").returncode == 0  # something for write to do
    size = photo.stat().st_size
    edited = CAPTION.replace("Wuhu", "Hefe")  # the same length: the file's size does not change
    subprocess.run([EXIFTOOL, "-q", "-P", "-overwrite_original_in_place", f"-IPTC:Caption-Abstract={edited}",
                    f"-XMP-dc:Description={edited}", str(photo)], check=True)
    assert photo.stat().st_size == size
    assert catalog(db, "import", photo).stdout.decode().startswith("0 added, 0 updated, 0 moved, 1 unchanged")

    dry = catalog(db, "write", photo, "--dry-run")
    assert dry.returncode == 1
    assert (f"FAILED {photo}: the file was changed by another program since it was imported, which kept its size "
            "and time; `catalog write` without --dry-run reads it again") in dry.stderr.decode()
    result = catalog(db, "write", photo)
    assert result.returncode == 1
    assert "it was read again into the catalogue, what was set by hand kept: check it" in result.stderr.decode()
    assert show(db, photo)["caption"] == edited  # before, the write put the old caption back in the file
    assert catalog(db, "write", photo).returncode == 0
    tags = json.loads(subprocess.run([EXIFTOOL, "-j", "-IPTC:Caption-Abstract", "-XMP-dc:Description",
                                      "-IPTC:Credit", str(photo)], capture_output=True, check=True).stdout)[0]
    assert (tags["Caption-Abstract"], tags["Description"], tags["Credit"]) == (edited, edited, "Desk Credit")
    assert show(db, photo)["credit"]["line"] == "Desk Credit"


@needs_exiftool
def test_an_edit_past_the_fingerprints_samples_is_seen_once_the_file_was_verified(tmp_path):
    """The fingerprint samples the first, middle and last 16 KiB; an XMP packet after a large EXIF block lies
    between them. Once `catalog verify` has hashed the file, the whole file is compared."""
    from PIL import Image

    photo = tmp_path / "big-exif.jpg"
    Image.frombytes("RGB", (400, 300), os.urandom(400 * 300 * 3)).save(photo, "JPEG", quality=95)
    subprocess.run([EXIFTOOL, "-q", "-overwrite_original", "-EXIF:UserComment=" + "camera notes " * 2000,
                    f"-XMP-dc:Description={CAPTION}", str(photo)], check=True)
    whole_second = 1_750_000_000 * 10**9
    os.utime(photo, ns=(whole_second, whole_second))
    data = photo.read_bytes()
    at = data.index(b"Flooded fields near Wuhu")
    assert 16 * 1024 < at < len(data) // 2 - 1024  # between the first and the middle samples
    db = tmp_path / "c.db"
    assert catalog(db, "import", photo).returncode == 0
    assert catalog(db, "set", photo, "credit.line=Desk Credit").returncode == 0
    assert catalog(db, "verify", "-q").returncode == 0  # after the set, which reads the file again
    edited = CAPTION.replace("Wuhu", "Hefe")
    subprocess.run([EXIFTOOL, "-q", "-P", "-overwrite_original_in_place", f"-XMP-dc:Description={edited}",
                    str(photo)], check=True)
    assert photo.stat().st_size == len(data) and photo.stat().st_mtime_ns == whole_second
    result = catalog(db, "write", photo)
    assert result.returncode == 1
    assert "changed by another program since it was imported" in result.stderr.decode()
    assert show(db, photo)["caption"] == edited


@needs_exiftool
def test_a_chinese_caption_over_the_iim_limit_reads_back_whole_and_without_a_conflict(tmp_path, photo):
    db, fresh = tmp_path / "c.db", tmp_path / "fresh.db"
    caption = "芜湖 𠀀𠁀 洪水 📷 " + "田" * 700 + "（摄影/王丽）"  # 2,100+ octets; characters outside the BMP too
    assert catalog(db, "import", photo).returncode == 0
    byline = "Wang Li of the Wuhu Daily picture desk"  # 38 octets: IIM 2:80 holds 32
    assert catalog(db, "set", photo, f"caption={caption}", "city=芜湖", f"photographer={byline}; 王丽").returncode == 0
    result = catalog(db, "write", photo)
    assert result.returncode == 0
    assert "note: IPTC Caption cut to 2000 bytes (the IIM limit); XMP holds the whole value" in result.stdout.decode()
    assert (f"note: IPTC Byline cut to 32 bytes (the IIM limit) for {byline!r}; XMP holds the whole value"
            in result.stdout.decode())  # before, each by-line was cut without a word
    tags = json.loads(subprocess.run([EXIFTOOL, "-j", "-charset", "iptc=utf8", "-IPTC:Caption-Abstract",
                                      "-XMP-dc:Description", "-IPTC:City", str(photo)],
                                     capture_output=True, check=True).stdout)[0]
    assert tags["Description"] == caption and tags["City"] == "芜湖"
    assert caption.startswith(tags["Caption-Abstract"]) and len(tags["Caption-Abstract"].encode()) in (1998, 1999)
    assert catalog(fresh, "import", photo).returncode == 0
    read = show(fresh, photo)
    assert (read["caption"], read["location"]["city"]) == (caption, "芜湖")
    assert read["credit"]["photographer"] == f"{byline}; 王丽"
    assert read["conflicts"] == []  # before: the IIM copy, cut on a character boundary, was "another caption"


def test_link_keeps_a_caption_typed_by_hand_and_what_else_was_set_by_hand(tmp_path, photo):
    db = tmp_path / "c.db"
    release = tmp_path / "release.txt"
    release.write_text("Flood release.\n\nFile: wuhu.jpg\nRescuers row through the flooded streets of Wuhu, "
                       "east China's Anhui province. (Photo provided by the Wuhu Flood Office)\n", encoding="utf-8")
    typed = "Rescuers in Wuhu, typed at the desk. (Photo/Desk)"
    assert catalog(db, "import", photo).returncode == 0
    assert catalog(db, "set", photo, f"caption={typed}", "credit.line=Desk Credit").returncode == 0

    result = catalog(db, "link", release, photo)
    out = result.stdout.decode()
    assert result.returncode == 0, out
    assert "(not stored: the caption typed by hand stays)" in out
    assert f"kept by hand: caption {typed!r}; `catalog set {photo} --revert caption` and link again" in out
    assert "1 not stored over a caption typed by hand" in out
    assert show(db, photo)["caption"] == typed  # before, the release's caption replaced it without a word

    assert catalog(db, "set", photo, "--revert", "caption").returncode == 0
    linked = json.loads(catalog(db, "link", release, photo, "--format", "json").stdout)
    [found] = linked["links"]
    assert found["status"] == "stored"
    assert found["kept"] == ["credit.line 'Desk Credit' (the caption says 'Photo provided by the Wuhu Flood Office')"]
    record = show(db, photo)
    assert record["caption"].startswith("Rescuers row") and record["credit"]["line"] == "Desk Credit"


def test_export_xmp_force_keeps_what_another_program_put_in_the_sidecar(tmp_path, photo):
    """`export --format xmp --force` replaced an existing sidecar whole: Lightroom's develop settings, a rating and a
    caption's other languages were gone. Only the catalogue's properties change now."""
    db = tmp_path / "c.db"
    sidecar = photo.with_suffix(".xmp")
    assert catalog(db, "import", photo).returncode == 0
    assert catalog(db, "set", photo, "caption=The desk's caption", "city=Wuhu City").returncode == 0
    sidecar.write_text(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'crs:Exposure2012="+0.75" xmp:Rating="4" xmp:CreatorTool="Adobe Lightroom">'
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">An old caption</rdf:li>'
        '<rdf:li xml:lang="de">Eine alte Bildunterschrift</rdf:li></rdf:Alt></dc:description>'
        '</rdf:Description></rdf:RDF></x:xmpmeta>', encoding="utf-8")
    result = catalog(db, "export", "--format", "xmp", "--force")
    assert result.returncode == 0, result.stderr
    text = sidecar.read_text(encoding="utf-8")
    for kept in ('crs:Exposure2012="+0.75"', 'xmp:Rating="4"', 'xmp:CreatorTool="Adobe Lightroom"',
                 "Eine alte Bildunterschrift"):
        assert kept in text, kept  # before, each was gone
    assert "The desk&apos;s caption" in text or "The desk's caption" in text
    assert "Wuhu City" in text and "An old caption" not in text

    sidecar.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><x:xmpmeta xmlns:x="adobe:ns:meta/"/>', encoding="utf-8")
    before = sidecar.read_bytes()
    refused = catalog(db, "export", "--format", "xmp", "--force")
    assert refused.returncode == 1 and "holds a DTD, which catalog never reads" in refused.stderr.decode()
    assert sidecar.read_bytes() == before

