"""Formats by content, files that are not images, broken files, HEIF with and without pillow-heif, and the
promise that ``read`` returns a value (never raises) and never decodes pixels."""

from __future__ import annotations

import io
import struct
import sys
import time

import pytest

from catalog.metadata import PhotoMetadata, ReadFailure, Sourced, read
from catalog.metadata import heif as heif_module
from tests.test_metadata_files import (
    UTF8,
    alt,
    ascii_value,
    exif,
    exif_segment,
    gps_ifd,
    iim,
    jpeg,
    png,
    png_chunk,
    resource,
    tiny_jpeg,
    webp,
    xmp_packet,
)


def test_format_is_decided_by_content_not_by_name(tmp_path):
    path = tmp_path / "actually-a-jpeg.png"
    path.write_bytes(jpeg(width=20, height=10))
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert (result.format, result.width, result.height) == ("JPEG", 20, 10)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"Dear editor,\nplease find the pictures attached.\n", "not an image (looks like text)"),
        (xmp_packet(), "not an image (looks like an XMP sidecar)"),
        (b"GIF89a" + bytes(20), "unsupported format (GIF)"),
        (bytes(range(256)) * 2, "not an image (unrecognised content)"),
    ],
)
def test_files_that_are_not_photos_fail_with_a_plain_reason(tmp_path, content, reason):
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    assert read(path) == ReadFailure(str(path), reason)


def test_missing_file_and_folder(tmp_path):
    assert read(tmp_path / "nope.jpg") == ReadFailure(str(tmp_path / "nope.jpg"), "file not found")
    assert read(tmp_path) == ReadFailure(str(tmp_path), "is a folder, not a file")


def test_truncated_jpeg_with_its_header_still_reads(tmp_path):
    data = jpeg(exif_segment(exif({0x010F: ascii_value("Fujifilm")})), width=64, height=48)
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: data.index(b"\xff\xda") + 40])  # cut inside the image data
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert (result.width, result.height) == (64, 48)
    assert result.value("make") == "Fujifilm"


def test_jpeg_cut_inside_its_header_keeps_what_was_read(tmp_path):
    exif_part = exif_segment(exif({0x010F: ascii_value("Fujifilm")}))
    data = jpeg(exif_part, resource_segment := b"\xff\xed" + struct.pack(">H", 5000) + b"Photoshop 3.0\0")
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: data.index(resource_segment) + len(resource_segment)])
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert result.value("make") == "Fujifilm"
    assert any("ends inside" in w for w in result.warnings)


def test_huge_claimed_png_is_never_decoded(tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(png(40000, 40000, png_chunk(b"tEXt", b"Comment\0hello")))
    start = time.perf_counter()
    result = read(path)
    assert time.perf_counter() - start < 1
    assert isinstance(result, PhotoMetadata)
    assert (result.width, result.height) == (40000, 40000)


def test_png_exif_chunk(tmp_path):
    path = tmp_path / "gps.png"
    path.write_bytes(png(3, 2, png_chunk(b"eXIf", exif({}, gps=gps_ifd(-12.5, 130.25)))))
    result = read(path)
    assert result.value("lat") == pytest.approx(-12.5)
    assert result.fields["lon"].source == "exif"


def test_webp_exif_chunk(tmp_path):
    path = tmp_path / "photo.webp"
    path.write_bytes(webp(8, 8, (b"EXIF", b"Exif\0\0" + exif({0x0110: ascii_value("X-T5")}))))
    assert read(path).value("model") == "X-T5"


def test_psd_image_resources(tmp_path):
    records = iim(UTF8, (2, 80, "José Núñez".encode()))
    resources = resource(0x0404, records)
    psd = (
        b"8BPS"
        + struct.pack(">H6xHIIHH", 1, 3, 30, 40, 8, 3)
        + struct.pack(">I", 0)
        + struct.pack(">I", len(resources))
        + resources
    )
    path = tmp_path / "layout.psd"
    path.write_bytes(psd)
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert (result.format, result.width, result.height) == ("PSD", 40, 30)
    assert result.fields["photographer"] == Sourced("José Núñez", "iptc")


def test_heif_metadata_through_pillow_heif(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    from PIL import Image

    out = io.BytesIO()
    tags = Image.Exif()
    tags[0x010F] = "Apple"
    Image.new("RGB", (128, 64)).save(  # whole 64-pixel blocks: HEVC codes nothing more than the picture
        out, format="HEIF", exif=tags.tobytes(), xmp=xmp_packet(attributes='photoshop:City="Kyiv"')
    )
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(out.getvalue())
    result = read(path)
    assert isinstance(result, PhotoMetadata), result
    assert (result.format, result.width, result.height) == ("HEIF", 128, 64)
    assert result.value("make") == "Apple"
    assert result.fields["city"] == Sourced("Kyiv", "xmp")


def test_heif_without_pillow_heif_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # import fails
    monkeypatch.setattr(heif_module, "_heif_registered", False)
    path = tmp_path / "IMG_0002.heic"
    path.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(64))
    assert read(path) == ReadFailure(str(path), "unsupported format (install catalog[heif])")


def _counted_reads(monkeypatch, path) -> list[int]:
    """The size of every read `read` makes of `path` (unbuffered, so each is one read of the file)."""
    read_sizes: list[int] = []
    real_open = open

    class Counting(io.BufferedReader):
        def read(self, size=-1):
            data = super().read(size)
            read_sizes.append(len(data))
            return data

    def counting_open(file, mode="r", *args, **kwargs):
        if mode == "rb" and str(file) == str(path):
            return Counting(real_open(file, "rb", buffering=0))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    return read_sizes


def test_jpeg_reading_stops_at_the_image_data(tmp_path, monkeypatch):
    """Only the segments before the scan are read: a 4 MB JPEG costs a few kilobytes of reading."""
    body = tiny_jpeg(32, 32)
    path = tmp_path / "big.jpg"
    path.write_bytes(body[:-2] + bytes(4_000_000) + body[-2:])
    read_sizes = _counted_reads(monkeypatch, path)
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert result.width == 32
    assert sum(read_sizes) < 64 * 1024


def test_jpeg_segments_past_the_first_read_are_read_whole(tmp_path, monkeypatch):
    """A JPEG whose metadata lies beyond the walk's first 32 KiB read (ICC profiles of 60 KB before it, an
    XMP packet of 50 KB across the boundary) gives every field, from a handful of reads rather than two
    for every segment."""
    from tests.test_metadata_files import segment, xmp_segment

    icc = [segment(0xE2, b"ICC_PROFILE\0" + bytes([n]) + b"\x02" + bytes(60_000)) for n in (1, 2)]
    padding = " " * 50_000
    packet = xmp_packet(f'<dc:title>{alt(("x-default", "Bullet train"))}</dc:title>{padding}')
    data = jpeg(*icc, exif_segment(exif({0x010F: ascii_value("Fujifilm")})), xmp_segment(packet),
                width=640, height=480)
    path = tmp_path / "big-header.jpg"
    path.write_bytes(data)
    reads = _counted_reads(monkeypatch, path)
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert (result.width, result.height) == (640, 480)
    assert result.value("make") == "Fujifilm"
    assert result.value("title") == "Bullet train"
    assert not result.warnings and result.damage is None
    assert len(reads) <= 8, reads

    # Cut inside the XMP segment, past the first read: what came before it is kept, and the walk says why
    # it stopped, reading nothing past the file's end.
    cut = tmp_path / "cut-header.jpg"
    cut.write_bytes(data[: data.index(b"<x:xmpmeta") + 20_000])
    result = read(cut)
    assert isinstance(result, PhotoMetadata)
    assert result.value("make") == "Fujifilm" and result.value("title") is None
    assert "JPEG: the file ends inside segment 0xE1" in result.warnings


def test_read_never_raises_even_on_an_unexpected_error(tmp_path, monkeypatch):
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg())

    def broken(_f):
        raise KeyError("a bug")

    monkeypatch.setitem(__import__("catalog.metadata.reader", fromlist=["WALKERS"]).WALKERS, "JPEG", broken)
    result = read(path)
    assert isinstance(result, ReadFailure)
    assert result.reason.startswith("could not read the file: unexpected KeyError")
