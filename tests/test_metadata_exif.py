"""EXIF: date taken with sub-seconds and offset, GPS signs and nonsense, text fields, and EXIF's place first
in the MWG order for caption, photographer and copyright."""

from __future__ import annotations

import os
import struct

import pytest

from catalog.metadata import PhotoMetadata, Sourced, read
from tests.test_metadata_files import (
    ASCII,
    alt,
    ascii_value,
    exif,
    exif_segment,
    gps_ifd,
    iim,
    jpeg,
    photoshop_segments,
    rationals,
    resource,
    xmp_packet,
    xmp_segment,
)

MAKE, MODEL, DESCRIPTION, ARTIST, COPYRIGHT = 0x010F, 0x0110, 0x010E, 0x013B, 0x8298
DATE_TIME_ORIGINAL, SUBSEC_ORIGINAL, OFFSET_ORIGINAL = 0x9003, 0x9291, 0x9011


def read_exif_jpeg(tmp_path, tiff: bytes, *more: bytes) -> PhotoMetadata:
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg(exif_segment(tiff), *more, width=16, height=12))
    result = read(path)
    assert isinstance(result, PhotoMetadata), result
    return result


@pytest.mark.parametrize(
    ("lat", "lon"), [(31.7864, 117.3003), (-33.8650, 151.2094), (40.7580, -73.9855), (-22.9519, -43.2105)]
)
def test_gps_signs_follow_the_references(tmp_path, lat, lon):
    result = read_exif_jpeg(tmp_path, exif({MAKE: ascii_value("Nikon")}, gps=gps_ifd(lat, lon)))
    assert result.fields["lat"].source == "exif"
    assert result.value("lat") == pytest.approx(lat, abs=1e-6)
    assert result.value("lon") == pytest.approx(lon, abs=1e-6)


@pytest.mark.parametrize("order", ["<", ">"])
def test_both_byte_orders(tmp_path, order):
    tiff = exif({MODEL: ascii_value("Z 9")}, gps=gps_ifd(-1.5, 2.25), order=order)
    result = read_exif_jpeg(tmp_path, tiff)
    assert result.value("model") == "Z 9"
    assert result.value("lat") == pytest.approx(-1.5)


def test_absurd_gps_is_rejected_with_a_warning(tmp_path):
    gps = {
        1: ascii_value("N"),
        2: rationals((4294967295, 1), (0, 1), (0, 1)),
        3: ascii_value("E"),
        4: rationals((10, 1), (0, 1), (0, 1)),
    }
    result = read_exif_jpeg(tmp_path, exif({MAKE: ascii_value("Nikon")}, gps=gps))
    assert result.value("lat") is None and result.value("lon") is None
    assert result.value("make") == "Nikon"
    assert any("4.29497e+09 degrees" in w for w in result.warnings)


def test_gps_without_reference_letters_is_not_guessed(tmp_path):
    gps = {2: rationals((31, 1), (47, 1), (0, 1)), 4: rationals((117, 1), (18, 1), (0, 1))}
    result = read_exif_jpeg(tmp_path, exif({}, gps=gps))
    assert result.value("lat") is None
    assert any("reference" in w for w in result.warnings)


def test_gps_with_zero_denominator_is_not_a_number(tmp_path):
    gps = gps_ifd(10, 20)
    gps[2] = rationals((10, 0), (0, 1), (0, 1))
    result = read_exif_jpeg(tmp_path, exif({}, gps=gps))
    assert result.value("lat") is None


@pytest.mark.parametrize(
    ("original", "subsec", "offset", "taken"),
    [
        ("2025:10:14 10:05:00", None, "+08:00", "2025-10-14T10:05:00+08:00"),
        ("2025:10:14 10:05:00", "12", "-05:00", "2025-10-14T10:05:00.12-05:00"),
        ("2025:10:14 10:05:00", "5", None, "2025-10-14T10:05:00.5"),
        ("2025:10:14 10:05:00", None, None, "2025-10-14T10:05:00"),
    ],
)
def test_date_taken_joins_subseconds_and_offset(tmp_path, original, subsec, offset, taken):
    values = {DATE_TIME_ORIGINAL: ascii_value(original)}
    if subsec:
        values[SUBSEC_ORIGINAL] = ascii_value(subsec)
    if offset:
        values[OFFSET_ORIGINAL] = ascii_value(offset)
    result = read_exif_jpeg(tmp_path, exif({}, exif_ifd=values))
    assert result.fields["taken"] == Sourced(taken, "exif")


def test_blank_date_is_absent_and_file_time_is_never_used(tmp_path):
    result = read_exif_jpeg(
        tmp_path, exif({}, exif_ifd={DATE_TIME_ORIGINAL: ascii_value("    :  :     :  :  ")})
    )
    os.utime(result.path, (1_600_000_000, 1_600_000_000))
    result = read(result.path)
    assert result.value("taken") is None


def test_blank_text_values_are_absent(tmp_path):
    tiff = exif({DESCRIPTION: ascii_value("   "), ARTIST: ascii_value(""), MAKE: ascii_value("Canon  ")})
    result = read_exif_jpeg(tmp_path, tiff)
    assert "caption" not in result.fields
    assert "photographer" not in result.fields
    assert result.value("make") == "Canon"


def test_copyright_holds_photographer_and_editor(tmp_path):
    raw = b"Ann Lee\0Xinhua\0"
    result = read_exif_jpeg(tmp_path, exif({COPYRIGHT: (ASCII, len(raw), raw)}))
    assert result.value("copyright") == "Ann Lee\nXinhua"


def test_exif_comes_first_for_caption_photographer_and_copyright(tmp_path):
    tiff = exif(
        {
            DESCRIPTION: ascii_value("EXIF caption"),
            ARTIST: ascii_value("Ann Lee"),
            COPYRIGHT: ascii_value("© Ann Lee"),
        }
    )
    packet = xmp_packet(
        f"<dc:description>{alt(('x-default', 'XMP caption'))}</dc:description>", 'photoshop:City="Hefei"'
    )
    records = iim((2, 120, b"IIM caption"), (2, 80, b"Ann Lee"))
    result = read_exif_jpeg(
        tmp_path, tiff, xmp_segment(packet), *photoshop_segments(resource(0x0404, records))
    )
    assert result.fields["caption"] == Sourced("EXIF caption", "exif")
    assert result.fields["photographer"] == Sourced("Ann Lee", "exif")
    assert result.fields["copyright"] == Sourced("© Ann Lee", "exif")
    assert result.fields["city"] == Sourced("Hefei", "xmp")
    caption = next(c for c in result.conflicts if c.field == "caption")
    assert caption.copies == (("exif", "EXIF caption"), ("iptc", "IIM caption"), ("xmp", "XMP caption"))
    assert "photographer" not in {c.field for c in result.conflicts}


def test_dates_that_each_agree_with_a_coarser_one_but_not_with_each_other_conflict(tmp_path):
    records = iim((2, 55, b"20251101"))
    packet = xmp_packet("<photoshop:DateCreated>2025</photoshop:DateCreated>")
    tiff = exif({}, exif_ifd={DATE_TIME_ORIGINAL: ascii_value("2025:10:14 10:05:00")})
    result = read_exif_jpeg(
        tmp_path, tiff, xmp_segment(packet), *photoshop_segments(resource(0x0404, records))
    )
    conflict = next(c for c in result.conflicts if c.field == "taken")
    assert conflict.copies == (("exif", "2025-10-14T10:05:00"), ("iptc", "2025-11-01"), ("xmp", "2025"))


def test_exif_text_that_is_not_utf8_is_read_as_cp1252(tmp_path):
    raw = b"Caf\xe9\0"
    result = read_exif_jpeg(tmp_path, exif({DESCRIPTION: (ASCII, len(raw), raw)}))
    assert result.value("caption") == "Café"


def test_looping_and_self_referencing_ifds_end_quickly(tmp_path):
    # IFD0 whose EXIF pointer points back at IFD0 itself, and whose next-IFD link points at itself
    entries = (
        struct.pack("<H", 2) + struct.pack("<HHII", MAKE, 2, 4, 0) + struct.pack("<HHII", 0x8769, 4, 1, 8)
    )
    entries = entries[:2] + struct.pack("<HHI", MAKE, 2, 4) + b"Sony" + entries[14:]
    tiff = b"II*\0" + struct.pack("<I", 8) + entries + struct.pack("<I", 8)
    result = read_exif_jpeg(tmp_path, tiff)
    assert result.value("make") == "Sony"
    assert any("already read" in w for w in result.warnings)


def test_absurd_entry_counts_and_value_sizes_are_refused(tmp_path):
    # IFD0 claims 65535 entries; one real entry says it holds 2**31 ASCII bytes
    tiff = (
        b"II*\0"
        + struct.pack("<I", 8)
        + struct.pack("<H", 0xFFFF)
        + struct.pack("<HHII", DESCRIPTION, 2, 0x7FFFFFFF, 100)
        + struct.pack("<HHI", MAKE, 2, 4)
        + b"Leic"
    )
    result = read_exif_jpeg(tmp_path, tiff)
    assert result.value("make") == "Leic"
    assert result.value("caption") is None
    assert any("65535 entries" in w for w in result.warnings)
