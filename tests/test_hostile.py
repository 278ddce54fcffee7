"""Hostile and broken files: the import names each bad file with a reason, imports every good one, and never
crashes, hangs, balloons, expands an entity or fetches anything.

One folder of files built here (no checked-in binaries) is imported once by a real `catalog import
--workers 2` in a child process under a 1.5 GB address-space cap and a time limit, while a socket on
127.0.0.1 waits for a connection that must never come. The tests then read the output and the catalogue.
"""

from __future__ import annotations

import os
import random
import re
import socket
import sqlite3
import struct
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli_process import MEMORY_CAP, capped, run_catalog
from tests.image_bytes import (
    ARTIST,
    ASCII,
    EXIF_IFD,
    GPS_IFD,
    MAKE,
    MODEL,
    PNG_SIGNATURE,
    RATIONAL,
    UTF8_DECLARED,
    ascii_entry,
    billion_laughs,
    compressed_itxt,
    exif_segment,
    extended_xmp_segment,
    iim,
    jpeg,
    long_entry,
    photoshop_segment,
    png,
    press_jpeg,
    raw_entry,
    resource,
    tiff_ifd,
    xmp_packet,
    xmp_segment,
)

ROOT = Path(__file__).resolve().parents[1]
GOOD_PADDING = 64  # enough good files for the importer to use its worker processes
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

#: name -> what the failure reason must say. Everything else in the folder must be imported.
BAD = {
    "empty.jpg": "empty file",
    "notes.jpg": "not an image (looks like text)",
    "noise.jpg": "not an image",
    "truncated.jpg": "damaged JPEG",
    "soi-then-noise.jpg": "damaged JPEG",
    "fake.png": "damaged PNG",
    "fake.tif": "damaged TIFF",
    "fake.webp": "damaged WebP",
    "fake.heic": "HEIF",  # "damaged HEIF file ..." or, without pillow-heif, "unsupported format (install ...)"
    "dangling.jpg": "a symbolic link to a file that does not exist",
    "pipe.jpg": "not a regular file (a named pipe)",  # with dangling.jpg, unreadable even to root
}
if not IS_ROOT:
    BAD["locked.jpg"] = "permission denied"


@dataclass
class Outcome:
    folder: Path
    db: Path
    returncode: int
    stdout: str
    stderr: str
    failures: dict[str, str]
    secret: str
    connections: int


def _noise(length: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(length)


def _entity_xmp(doctype: str, description: str) -> bytes:
    return xmp_packet(description, doctype=doctype)


def _build(folder: Path, secret_file: Path, port: int) -> None:
    """Write every hostile, broken and good file into `folder`."""
    sample = (ROOT / "images" / "gansu-bullet-train.jpg").read_bytes()
    url = f"http://127.0.0.1:{port}"
    files: dict[str, bytes] = {
        # --- not images, or broken beyond reading: each must be reported ---
        "empty.jpg": b"",
        "notes.jpg": b"Shot list for Tuesday:\n- the bullet train at dawn\n- the aircraft in Hefei\n",
        "noise.jpg": _noise(5000, 1),
        "truncated.jpg": sample[:100],
        "soi-then-noise.jpg": b"\xff\xd8\xff" + _noise(5000, 2),
        "fake.png": PNG_SIGNATURE + _noise(3000, 3),
        "fake.tif": b"II*\0" + _noise(3000, 4),
        "fake.webp": b"RIFF" + struct.pack("<I", 3004) + b"WEBP" + _noise(3000, 5),
        "fake.heic": b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + _noise(3000, 6),
        # --- damaged metadata in a sound image: imported, with what can be read ---
        "exif-loop.jpg": jpeg(exif_segment(tiff_ifd(
            [ascii_entry(MAKE, "LoopCam"), long_entry(EXIF_IFD, 8), long_entry(GPS_IFD, 8)], next_ifd=8))),
        "exif-past-end.jpg": jpeg(exif_segment(tiff_ifd(
            [ascii_entry(MAKE, "FarCam"), long_entry(EXIF_IFD, 0x7FFFFFF0), long_entry(GPS_IFD, 0xFFFFFFFF),
             raw_entry(ARTIST, ASCII, 100, 0x7FFFFF00)]))),
        "exif-absurd-count.jpg": jpeg(exif_segment(tiff_ifd(
            [ascii_entry(MAKE, "CountCam"), raw_entry(MODEL, RATIONAL, 0x7FFFFFFF, 26)], claimed_count=0xFFFF))),
        "exif-ifd0-far-away.jpg": jpeg(exif_segment(tiff_ifd([ascii_entry(MAKE, "NoCam")], first_ifd=0xFFFFFF00))),
        "iim-record-overruns.jpg": jpeg(photoshop_segment(resource(0x0404, iim(
            UTF8_DECLARED, (2, 80, b"Xu Gang"), (2, 120, b"A caption cut short", 30000))))),
        "iim-extended-length.jpg": jpeg(photoshop_segment(resource(0x0404, iim(
            UTF8_DECLARED, (2, 80, b"Xu Gang"), (2, 120, b"\0\0\0\0", 0x8004))))),
        "photoshop-block-overruns.jpg": jpeg(photoshop_segment(
            resource(0x0404, iim(UTF8_DECLARED, (2, 90, b"Hefei")), claimed_size=0xFFFFFFF0))),
        "photoshop-name-overruns.jpg": jpeg(photoshop_segment(b"8BIM\x04\x04\xff" + b"x" * 20)),
        "iim-legacy-encoding.jpg": jpeg(photoshop_segment(resource(0x0404, iim(
            (2, 90, b"Z\xfcrich"), (2, 120, b"Caf\xe9 cr\xe8me on the Limmat in Z\xfcrich."))))),
        "xmp-entity-bomb.jpg": jpeg(
            xmp_segment(_entity_xmp(billion_laughs(), "&lol9;")),
            photoshop_segment(resource(0x0404, iim(UTF8_DECLARED, (2, 80, b"Bomb Survivor"))))),
        "xmp-external-file.jpg": jpeg(xmp_segment(_entity_xmp(
            f'<!DOCTYPE x:xmpmeta [<!ENTITY secret SYSTEM "file://{secret_file}">]>\n', "&secret;"))),
        "xmp-external-http.jpg": jpeg(xmp_segment(_entity_xmp(
            f'<!DOCTYPE x:xmpmeta [<!ENTITY remote SYSTEM "{url}/entity">]>\n', "&remote;"))),
        "xmp-external-dtd.jpg": jpeg(xmp_segment(_entity_xmp(
            f'<!DOCTYPE x:xmpmeta SYSTEM "{url}/x.dtd">\n', "plain"))),
        "xmp-parameter-entity.jpg": jpeg(xmp_segment(_entity_xmp(
            f'<!DOCTYPE x:xmpmeta [<!ENTITY % remote SYSTEM "{url}/param"> %remote;]>\n', "plain"))),
        "xmp-xinclude.jpg": jpeg(xmp_segment(xmp_packet(properties=(
            f'xmlns:xi="http://www.w3.org/2001/XInclude"><dc:title><xi:include href="file://{secret_file}" '
            'parse="text"/></dc:title><dc:format>image/jpeg</dc:format')))),
        "xmp-deep-nesting.jpg": jpeg(
            xmp_segment(xmp_packet(properties='><dc:subject>' + "<dc:x>" * 4000 + "deep" + "</dc:x>" * 4000
                                   + "</dc:subject")),
            photoshop_segment(resource(0x0404, iim(UTF8_DECLARED, (2, 90, b"Hefei"))))),
        "extended-xmp-absurd.jpg": jpeg(
            xmp_segment(xmp_packet("Main packet", properties=f'xmpNote:HasExtendedXMP="{"A" * 32}"')),
            extended_xmp_segment(b"A" * 32, 0xFFFFFFFF, 0xFFFFFF00, b"<x/>")),
        "huge.png": png(40000, 40000),
        "png-text-bomb.png": png(100, 100, compressed_itxt(b"XML:com.adobe.xmp", b"<" + b" " * (64 << 20))),
        "png-exif-claims-2gb.png": png(100, 100)[:33] + struct.pack(">I", 0x7FFFFFF0) + b"eXIf" + b"\0" * 64,
        "sidecar-attack.jpg": press_jpeg(9001, city="Hefei"),
        "sidecar-attack.xmp": _entity_xmp(
            f'<!DOCTYPE x:xmpmeta [<!ENTITY secret SYSTEM "file://{secret_file}">]>\n', "&secret;"),
        "dir.jpg/inside.jpg": press_jpeg(9002, caption="A folder named like a photo holds this one."),
        "sub/deeper/photo.jpg": press_jpeg(9003, by_line="Fan Peishen"),
    }
    for index in range(GOOD_PADDING):
        files[f"good/good-{index:03d}.jpg"] = press_jpeg(index, city="Hefei" if index % 2 else None)
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    # --- entries that are not files to read ---
    (folder / "dangling.jpg").symlink_to(folder / "no-such-photo.jpg")
    os.mkfifo(folder / "pipe.jpg")  # opening it would block for ever: it must never be opened
    (folder / "sub" / "deeper" / "loop").symlink_to(folder)  # a folder that leads back to the top
    bad_name = os.fsencode(folder) + b"/caf\xe9.jpg"  # Latin-1 bytes, not UTF-8: imported all the same
    with open(bad_name, "wb") as out:
        out.write(press_jpeg(9004))
    if not IS_ROOT:
        locked = folder / "locked.jpg"
        locked.write_bytes(press_jpeg(9005))
        locked.chmod(0)


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> Outcome:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "incoming"
    folder.mkdir()
    secret = f"CATALOG-SECRET-{uuid.uuid4().hex}"
    secret_file = root / "secret.txt"
    secret_file.write_text(secret)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        _build(folder, secret_file, listener.getsockname()[1])
        db = root / "catalog.db"
        done = run_catalog("--db", db, "import", "--workers", "2", folder, timeout=180)
        listener.setblocking(False)
        connections = 0
        try:
            while True:
                listener.accept()[0].close()
                connections += 1
        except BlockingIOError:
            pass
    finally:
        listener.close()
        locked = folder / "locked.jpg"
        if locked.exists():
            locked.chmod(0o644)
    stderr = done.stderr.decode("utf-8", "replace")
    failures = {}
    for line in stderr.splitlines():
        match = re.match(r"FAILED  (.*?): (.*)$", line)
        if match:
            failures[os.path.relpath(match[1], folder)] = match[2]
    return Outcome(folder, db, done.returncode, done.stdout.decode("utf-8", "replace"), stderr, failures, secret,
                   connections)


def _catalogue_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [row for table in tables for row in conn.execute(f'SELECT * FROM "{table}"')]
    finally:
        conn.close()


def _photo(outcome: Outcome, name: str) -> dict:
    conn = sqlite3.connect(outcome.db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM photo WHERE path = ?", (str(outcome.folder / name),)).fetchone()
    finally:
        conn.close()
    assert row is not None, f"{name} was not imported"
    return dict(row)


def _expected_good(folder: Path) -> set[str]:
    """Every file with an image extension that is a readable regular file and not in BAD."""
    good = set()
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d))]
        for name in names:
            relative = os.path.relpath(os.path.join(top, name), folder)
            shown = os.fsencode(relative).decode("utf-8", "backslashreplace")
            if relative.endswith((".jpg", ".png")) and shown not in BAD:
                good.add(shown)  # as the catalogue stores it: bytes that are not UTF-8 as \\xNN
    return good


def test_the_run_ends_with_status_1_and_no_traceback(outcome):
    assert outcome.returncode == 1, outcome.stderr
    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert "something went wrong" not in outcome.stderr


def test_each_bad_file_is_named_with_a_reason_a_person_understands(outcome):
    assert set(outcome.failures) == set(BAD), outcome.stderr
    for name, said in BAD.items():
        assert said in outcome.failures[name], (name, outcome.failures[name])
        assert "unexpected" not in outcome.failures[name]


def test_every_good_file_beside_them_is_imported_once(outcome):
    expected = _expected_good(outcome.folder)
    conn = sqlite3.connect(outcome.db)
    try:
        stored = [os.path.relpath(r[0], outcome.folder) for r in conn.execute("SELECT path FROM photo")]
    finally:
        conn.close()
    assert sorted(stored) == sorted(expected)  # the symlink loop added no second copy of anything
    summary = re.search(r"(\d+) added, .* (\d+) failed", outcome.stdout)
    assert (int(summary[1]), int(summary[2])) == (len(expected), len(BAD))


@pytest.mark.parametrize("name, column, value", [
    ("exif-loop.jpg", "make", "LoopCam"),
    ("exif-past-end.jpg", "make", "FarCam"),
    ("exif-past-end.jpg", "photographer", None),
    ("exif-absurd-count.jpg", "make", "CountCam"),
    ("exif-absurd-count.jpg", "model", None),
    ("exif-ifd0-far-away.jpg", "make", None),
    ("iim-record-overruns.jpg", "photographer", "Xu Gang"),
    ("iim-extended-length.jpg", "photographer", "Xu Gang"),
    ("photoshop-block-overruns.jpg", "city", "Hefei"),
    ("iim-legacy-encoding.jpg", "city", "Zürich"),
    ("iim-legacy-encoding.jpg", "caption", "Café crème on the Limmat in Zürich."),
    ("xmp-entity-bomb.jpg", "photographer", "Bomb Survivor"),
    ("xmp-entity-bomb.jpg", "caption", None),
    ("xmp-deep-nesting.jpg", "city", "Hefei"),
    ("extended-xmp-absurd.jpg", "caption", "Main packet"),
    ("huge.png", "width", 40000),
    ("huge.png", "height", 40000),
    ("png-text-bomb.png", "width", 100),
    ("png-exif-claims-2gb.png", "width", 100),
    ("sidecar-attack.jpg", "city", "Hefei"),
    ("dir.jpg/inside.jpg", "caption", "A folder named like a photo holds this one."),
])
def test_damaged_metadata_costs_only_the_damaged_part(outcome, name, column, value):
    assert _photo(outcome, name)[column] == value


def test_no_entity_is_expanded(outcome):
    text = repr(_catalogue_rows(outcome.db))
    assert "lollol" not in text
    assert "&lol" not in text and "&secret" not in text and "&remote" not in text


def test_no_external_entity_is_read(outcome):
    """The secret file named by external entities, an XInclude and a sidecar appears nowhere."""
    assert outcome.secret not in repr(_catalogue_rows(outcome.db))
    for path in outcome.db.parent.glob(outcome.db.name + "*"):
        assert outcome.secret.encode() not in path.read_bytes()
    assert outcome.secret not in outcome.stdout + outcome.stderr


def test_nothing_is_fetched_from_the_network(outcome):
    assert outcome.connections == 0


def test_the_memory_cap_would_catch_a_decoded_40000_pixel_png(outcome):
    """The cap is not for show: decoding the PNG the import read safely fails under it."""
    script = ("from PIL import Image; Image.MAX_IMAGE_PIXELS = None; "
              f"Image.open({str(outcome.folder / 'huge.png')!r}).load()")
    decoded = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, timeout=60,
                             preexec_fn=capped(MEMORY_CAP))
    assert decoded.returncode != 0
    assert b"MemoryError" in decoded.stderr or b"memory" in decoded.stderr.lower()


def test_importing_the_same_folder_again_changes_nothing_and_reports_the_same_failures(outcome):
    again = run_catalog("--db", outcome.db, "import", "--workers", "2", outcome.folder, timeout=180)
    stderr = again.stderr.decode("utf-8", "replace")
    assert again.returncode == 1
    assert "Traceback" not in stderr
    assert re.search(r"0 added, 0 updated, 0 moved, (\d+) unchanged", again.stdout.decode())[1] == str(
        len(_expected_good(outcome.folder)))
    assert len([line for line in stderr.splitlines() if line.startswith("FAILED")]) == len(BAD)
