"""What image libraries say while they decode is kept as warnings, never printed raw (issue 15, item 15):
Python warnings, Pillow's log messages, and what native code (libtiff) writes straight to file descriptor 2."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import struct
import subprocess
import sys
import threading
import warnings

import pytest
from PIL import Image

from catalog.quiet import kept
from catalog.web.thumbs import ThumbnailCache, make_rendition
from tests.test_metadata_files import exif, jpeg, tiff


def test_native_writes_to_descriptor_2_become_notes(capfd):
    notes: list[str] = []
    with kept(notes, "TIFF"):
        os.write(2, b"TIFFReadDirectory: Warning, Unknown field with tag 50341 (0xc4a5) encountered.\n")
    assert notes == ["TIFF: TIFFReadDirectory: Warning, Unknown field with tag 50341 (0xc4a5) encountered."]
    assert capfd.readouterr().err == ""


def test_python_warnings_and_library_log_messages_become_notes(capfd):
    notes: list[str] = []
    with kept(notes):
        warnings.warn("Corrupt EXIF data.  Expecting to read 12 bytes but only got 2.", UserWarning, stacklevel=1)
        logging.getLogger("PIL.TiffImagePlugin").error("More samples per pixel than can be decoded: %s", 99)
        logging.getLogger("PIL.TiffImagePlugin").debug("tag: %s", 1)  # chatter below a warning is not news
    assert notes == ["Corrupt EXIF data. Expecting to read 12 bytes but only got 2.",
                     "More samples per pixel than can be decoded: 99"]
    assert capfd.readouterr().err == ""


def test_the_same_message_twice_is_one_note():
    notes: list[str] = []
    for _ in range(2):
        with kept(notes, "HEIF"):
            os.write(2, b"same\nsame\n")
    assert notes == ["HEIF: same"]


def test_deprecations_are_ours_to_see_and_pass_through():
    with pytest.raises(DeprecationWarning), kept([]):  # the suite runs with -W error
        warnings.warn("old API", DeprecationWarning, stacklevel=1)


def test_descriptor_2_is_given_back_after_an_exception(capfd):
    notes: list[str] = []
    with pytest.raises(ValueError), kept(notes):
        os.write(2, b"said before failing\n")
        raise ValueError("decoder error")
    assert notes == ["said before failing"]
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"


def test_threads_each_keep_their_own_notes(capfd):
    results: dict[int, list[str]] = {}

    def decode(number: int) -> None:
        notes: list[str] = []
        for _ in range(20):
            with kept(notes):
                os.write(2, f"thread {number}\n".encode())
        results[number] = notes

    threads = [threading.Thread(target=decode, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: [f"thread {n}"] for n in range(4)}
    assert capfd.readouterr().err == ""


# -- previews: where Pillow and libtiff decode pixels -------------------------------------------------------


def lzw_tiff_cut_short() -> bytes:
    """An LZW TIFF whose strip is said to be shorter than it is: libtiff says so on descriptor 2."""
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 200, 30)).save(out, "TIFF", compression="tiff_lzw")
    data = bytearray(out.getvalue())
    (ifd,) = struct.unpack_from("<I", data, 4)
    (count,) = struct.unpack_from("<H", data, ifd)
    for at in range(ifd + 2, ifd + 2 + 12 * count, 12):
        if struct.unpack_from("<H", data, at)[0] == 279:  # StripByteCounts
            struct.pack_into("<I", data, at + 8, 20)
    return bytes(data)


def test_libtiffs_complaints_while_making_a_preview_are_kept_not_printed(tmp_path, capfd):
    path = tmp_path / "scan.tif"
    path.write_bytes(lzw_tiff_cut_short())
    notes: list[str] = []
    made = make_rendition(str(path), 320, notes)
    assert isinstance(made, str) and "cannot be decoded" in made
    assert any("LZWDecode" in note and "not terminated with EOI" in note for note in notes)
    assert capfd.readouterr().err == ""


def test_pillows_log_message_about_a_hostile_tiff_is_kept_not_printed(tmp_path, capfd):
    path = tmp_path / "hostile.tif"
    path.write_bytes(tiff(8, 6, {0x115: (4, 1, struct.pack("<I", 303169682))}))  # SamplesPerPixel
    notes: list[str] = []
    assert isinstance(make_rendition(str(path), 320, notes), str)
    assert notes == ["preview: More samples per pixel than can be decoded: 303169682"]
    assert capfd.readouterr().err == ""


def test_pillows_warning_about_damaged_exif_is_kept_and_the_preview_made(tmp_path, capfd):
    block = exif({0x010F: (2, 6, b"Brand\0")})
    block = block[:8] + struct.pack("<H", 40) + block[10:]  # IFD0 claims 40 entries and holds one
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg(b"\xff\xe1" + struct.pack(">H", len(block) + 8) + b"Exif\0\0" + block, width=40,
                          height=30))
    rendition = ThumbnailCache(tmp_path / "cache").get(_Photo(str(path)), 320)
    assert rendition.path is not None and rendition.failure is None
    assert any("Corrupt EXIF data" in note for note in rendition.warnings)
    assert capfd.readouterr().err == ""


class _Photo:
    """What the thumbnail cache needs of a catalogued photo."""

    def __init__(self, path: str):
        self.path = path
        self.fingerprint = "0123456789abcdef0123456789abcdef"


# -- reading: native libraries' complaints are the record's warnings -----------------------------------------


def test_what_a_native_library_says_while_a_heif_is_parsed_is_a_warning_of_the_file(tmp_path, capfd, monkeypatch):
    pillow_heif = pytest.importorskip("pillow_heif")
    from catalog.metadata import read

    pillow_heif.register_heif_opener()
    path = tmp_path / "phone.heic"
    Image.new("RGB", (64, 64), (1, 2, 3)).save(path, "HEIF")
    real_open = Image.open

    def complaining_open(*args, **kwargs):  # libheif's own messages go straight to descriptor 2 like this
        os.write(2, b"libheif: unsupported auxiliary image type\n")
        warnings.warn("Image appears to be a malformed file", UserWarning, stacklevel=1)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Image, "open", complaining_open)
    result = read(path)
    assert result.warnings == ["HEIF: Image appears to be a malformed file",
                               "HEIF: libheif: unsupported auxiliary image type"]
    assert capfd.readouterr().err == ""


def test_a_capture_inside_a_capture_keeps_each_ones_messages(capfd):
    outer: list[str] = []
    inner: list[str] = []
    with kept(outer, "outer"):
        with kept(inner, "inner"):
            logging.getLogger("PIL.Image").warning("inside")
            os.write(2, b"native inside\n")
        logging.getLogger("PIL.Image").warning("after the inner one")
    assert inner == ["inner: inside", "inner: native inside"]
    assert outer == ["outer: after the inner one"]
    assert capfd.readouterr().err == ""


def test_without_native_capture_warnings_are_kept_in_our_words_and_descriptor_2_left_alone(capfd):
    notes: list[str] = []
    with kept(notes, native=False):
        warnings.warn("Tag data larger than file. Skipping tag 7", UserWarning, stacklevel=1)
        warnings.warn("Possibly corrupt EXIF data.  Expecting to read 8 bytes but only got 2. Skipping tag 33434",
                      UserWarning, stacklevel=1)
        warnings.warn("Something new from a library", UserWarning, stacklevel=1)
        os.write(2, b"native code's own line\n")
    assert notes == ["EXIF tag 7 claims more data than its block holds; skipped",
                     "EXIF tag 33434 is cut short (2 of its 8 bytes); skipped",
                     "Something new from a library"]
    assert capfd.readouterr().err == "native code's own line\n"


# -- a whole import: Pillow's warnings on real files are the photos' warnings, not terminal lines ------------

#: Real files on which Pillow warns while the import checks their EXIF thumbnail, and the note each gets.
WARNED_BY_PILLOW = (
    ("pillow/exif-ifd-offset.jpg", "EXIF tag 0 claims more data than its block holds; skipped"),
    ("pillow/sugarshack_bad_mpo_header.jpg", "the MPO (multi-picture) index is malformed; read as a single JPEG"),
)


@pytest.mark.parametrize("others", [0, 70], ids=["read in the importing process", "read by reader processes"])
def test_pillows_warnings_during_an_import_become_the_files_warnings(tmp_path, others):
    from tests.conftest import shared

    files = [os.path.realpath(shared("corpus", "real", *name.split("/"))) for name, _ in WARNED_BY_PILLOW]
    folder = tmp_path / "others"
    folder.mkdir()
    for n in range(others):  # enough files for the reader processes (catalog.reading.PARALLEL_THRESHOLD)
        Image.new("RGB", (32, 24), (n, 2 * n % 256, 90)).save(folder / f"plain-{n:03d}.jpg")
    db = tmp_path / "warned.db"
    done = subprocess.run(
        [sys.executable, "-m", "catalog.cli", "--db", str(db), "import", str(folder), *files],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "default"})  # as a user's Python shows a library's warnings
    assert done.returncode == 0, done.stderr
    assert f"{len(files) + others} added" in done.stdout
    assert "Warning" not in done.stderr and "PIL" not in done.stderr, done.stderr
    with sqlite3.connect(db) as connection:
        extra = dict(connection.execute("SELECT path, extra FROM photo"))
    for path, (_, note) in zip(files, WARNED_BY_PILLOW):
        assert json.loads(extra[path])["warnings"] == [note]
