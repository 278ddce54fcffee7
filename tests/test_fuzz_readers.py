"""The metadata reader never raises, never hangs, and never blames itself, whatever bytes a file holds.

Seeds are the headers of the sample photos in images/ and small files of every format built here (JPEG
with EXIF, IIM and XMP; PNG; TIFF; WebP; PSD). Hypothesis flips, stamps, inserts and deletes bytes in the
first few kilobytes, where the metadata lives, and checks that `read()`:

- returns a PhotoMetadata or a ReadFailure, within a few seconds (SIGALRM stops a loop);
- never returns its last-resort failure ("unexpected ..."), which means an exception escaped a reader;
- returns values of the documented types (text is text, coordinates are on the globe, sizes are positive).

For longer runs there is an atheris harness: fuzz/fuzz_readers.py. Crashes either finds become the
regression cases at the bottom of this file.
"""

from __future__ import annotations

import os
import signal
import struct
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.metadata import SOURCES, PhotoMetadata, ReadFailure, read
from tests.image_bytes import (
    ARTIST,
    EXIF_IFD,
    GPS_IFD,
    MAKE,
    MODEL,
    UTF8_DECLARED,
    ascii_entry,
    exif_segment,
    iim,
    jpeg,
    long_entry,
    photoshop_segment,
    png,
    png_chunk,
    resource,
    tiff_ifd,
    xmp_packet,
    xmp_segment,
)

ROOT = Path(__file__).resolve().parents[1]
#: Bytes of each seed that mutations touch: the metadata segments come first in every format we read.
WINDOW = 4096
SECONDS_PER_READ = 5

INTERESTING = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000,
               0xFFFFFFFF, 8]


def _sample_headers() -> dict[str, bytes]:
    """The sample photos up to a little past the start of their image data."""
    seeds = {}
    for path in sorted((ROOT / "images").glob("*.jpg")):
        data = path.read_bytes()
        scan = data.find(b"\xff\xda")
        seeds[path.name] = data[: scan + 300 if scan > 0 else 8192]
    return seeds


def _gps_exif() -> bytes:
    """EXIF with text, a date and GPS, laid out by hand: IFD0 -> EXIF IFD and GPS IFD."""
    gps_at = 200
    exif_at = 400
    ifd0 = tiff_ifd([ascii_entry(MAKE, "Nikon"), ascii_entry(MODEL, "D5"), ascii_entry(ARTIST, "Xu Gang"),
                     long_entry(EXIF_IFD, exif_at), long_entry(GPS_IFD, gps_at)])
    ifd0 = ifd0.ljust(gps_at, b"\0")
    rational = b"".join(struct.pack("<II", n, 1) for n in (31, 49, 0))
    gps = struct.pack("<H", 2) + struct.pack("<HHI", 1, 2, 2) + b"N\0\0\0" + \
        struct.pack("<HHII", 2, 5, 3, gps_at + 2 + 24 + 4) + struct.pack("<I", 0) + rational
    date = b"2025:10:14 10:05:00\0"
    exif = struct.pack("<H", 1) + struct.pack("<HHII", 0x9003, 2, len(date), exif_at + 2 + 12 + 4) + \
        struct.pack("<I", 0) + date
    return (ifd0 + gps).ljust(exif_at, b"\0") + exif


def _built() -> dict[str, bytes]:
    caption = "A bullet train runs in Jiuquan, northwest China's Gansu province, Aug. 4, 2025. (Xinhua/Fan Peishen)"
    records = iim(UTF8_DECLARED, (2, 120, caption.encode()), (2, 80, b"Fan Peishen"), (2, 90, b"Jiuquan"),
                  (2, 25, b"train"), (2, 25, b"railway"))
    xmp = xmp_packet("Crowd at the station", properties='photoshop:City="Hefei"')
    tiff_file = tiff_ifd([(0x0100, 3, 1, struct.pack("<H", 640)), (0x0101, 3, 1, struct.pack("<H", 480)),
                          (700, 1, len(xmp), xmp), (33723, 7, len(records), records), ascii_entry(MAKE, "Canon")])
    webp_chunks = (
        b"VP8X" + struct.pack("<I", 10) + b"\x0c\0\0\0" + (639).to_bytes(3, "little") + (479).to_bytes(3, "little")
        + b"EXIF" + struct.pack("<I", len(_gps_exif())) + _gps_exif()
        + b"XMP " + struct.pack("<I", len(xmp)) + xmp + (b"\0" if len(xmp) % 2 else b"")
    )
    webp = b"RIFF" + struct.pack("<I", 4 + len(webp_chunks)) + b"WEBP" + webp_chunks
    resources = resource(0x0404, records) + resource(0x0424, xmp)
    psd = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 480, 640, 8, 3) + struct.pack(">I", 0) + \
        struct.pack(">I", len(resources)) + resources
    png_file = png(640, 480, png_chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0" + xmp),
                   png_chunk(b"eXIf", _gps_exif()))
    return {
        "iim-exif-xmp.jpg": jpeg(exif_segment(_gps_exif()), xmp_segment(xmp),
                                 photoshop_segment(resource(0x0404, records))),
        "built.tif": tiff_file,
        "built.webp": webp,
        "built.psd": psd,
        "built.png": png_file,
    }


SEEDS = {**_sample_headers(), **_built()}


def test_every_seed_reads_cleanly():
    """The seeds themselves are good files: the fuzzing starts from something the reader understands."""
    with tempfile.TemporaryDirectory() as folder:
        for name, data in SEEDS.items():
            result = _read_bytes(Path(folder) / name, data)
            assert isinstance(result, PhotoMetadata), (name, result)
            assert result.width and result.height, name


@contextmanager
def _time_limit(seconds: int):
    def stop(_signum, _frame):
        raise TimeoutError(f"read() took more than {seconds} s: a loop?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _read_bytes(path: Path, data: bytes):
    path.write_bytes(data)
    with _time_limit(SECONDS_PER_READ):
        return read(str(path))


def check(result, path: Path) -> None:
    """What every result of read() must be, whatever the input."""
    assert isinstance(result, (PhotoMetadata, ReadFailure)), type(result)
    assert result.path == str(path)
    if isinstance(result, ReadFailure):
        assert isinstance(result.reason, str) and result.reason.strip()
        assert "unexpected" not in result.reason, f"an exception escaped a reader: {result.reason}"
        return
    for size in (result.width, result.height):
        assert size is None or (isinstance(size, int) and size > 0)
    assert result.format in ("JPEG", "PNG", "TIFF", "WEBP", "PSD", "HEIF", "AVIF")
    for name, found in result.fields.items():
        assert found.source in SOURCES, (name, found)
        if name == "keywords":
            assert isinstance(found.value, list) and all(isinstance(k, str) for k in found.value)
        elif name in ("lat", "lon"):
            assert isinstance(found.value, float)
            assert abs(found.value) <= (90 if name == "lat" else 180)
        else:
            assert isinstance(found.value, str) and found.value.strip(), (name, found.value)
            assert "\0" not in found.value
    assert all(isinstance(w, str) for w in result.warnings)


# --- mutations -------------------------------------------------------------------------------------------


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 8))):
        window = min(len(data), WINDOW)
        if window == 0:
            break
        where = draw(st.integers(0, window - 1))
        kind = draw(st.sampled_from(["flip", "byte", "stamp", "insert", "delete", "truncate"]))
        if kind == "flip":
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte":
            data[where] = draw(st.integers(0, 255))
        elif kind == "stamp":  # a length or offset field set to an extreme value
            value = draw(st.sampled_from(INTERESTING))
            width, order = draw(st.sampled_from([(2, "big"), (2, "little"), (4, "big"), (4, "little")]))
            data[where : where + width] = (value & (256**width - 1)).to_bytes(width, order)
        elif kind == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[where : where + draw(st.integers(1, 256))]
        else:
            del data[where:]
    return name, bytes(data)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_never_break_the_reader(scratch, case):
    name, data = case
    path = scratch / ("case" + os.path.splitext(name)[1])
    check(_read_bytes(path, data), path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\0", b"MM\0*",
                                                  b"RIFF\0\0\0\0WEBP", b"8BPS", b"\0\0\0\x18ftypheic", b""]))
def test_random_bytes_behind_any_signature(scratch, body, signature):
    path = scratch / "random.bin"
    check(_read_bytes(path, signature + body), path)


# --- regressions: inputs that once broke a reader, and what read() must say about them now ----------------

REGRESSIONS: dict[str, tuple[bytes, str]] = {
    # Found by test_random_bytes_behind_any_signature: TiffReader's ValueError escaped walk_tiff.
    "tiff-signature-only.tif": (b"II*\0", "damaged TIFF file"),
    "bigtiff-cut-short.tif": (b"II+\0\x08\0\0\0", "damaged TIFF file"),
    # An eXIf chunk claiming 2 GB was read with f.read(size): a MemoryError under a memory cap, a 2 GB
    # allocation without one. Now skipped like an oversized text chunk.
    "png-exif-claims-2gb.png": (
        png(100, 100)[:33] + struct.pack(">I", 0x7FFFFFF0) + b"eXIf" + b"\0" * 100,
        "skipped a 2147483632-byte eXIf chunk",
    ),
}


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regressions(scratch, name):
    data, said = REGRESSIONS[name]
    path = scratch / name
    result = _read_bytes(path, data)
    check(result, path)
    told = result.reason if isinstance(result, ReadFailure) else " ".join(result.warnings)
    assert said in told
