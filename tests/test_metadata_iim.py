"""IPTC-IIM: Photoshop resources in APP13 (split or not), 1:90 and charsets, truncated records, the IPTC
digest that decides between IIM and XMP, length limits, TIFF tag 33723 and PNG raw profiles."""

from __future__ import annotations

import hashlib
import struct
import zlib

import pytest

from catalog.metadata import PhotoMetadata, Sourced, read
from catalog.metadata.iim import read_iim
from tests.test_metadata_files import (
    UNDEFINED,
    UTF8,
    alt,
    iim,
    jpeg,
    photoshop_segments,
    png,
    png_chunk,
    resource,
    seq,
    tiff,
    xmp_packet,
    xmp_segment,
)


def read_jpeg(tmp_path, *segments: bytes, name: str = "photo.jpg") -> PhotoMetadata:
    path = tmp_path / name
    path.write_bytes(jpeg(*segments))
    result = read(path)
    assert isinstance(result, PhotoMetadata), result
    return result


def iim_jpeg(
    tmp_path, records: bytes, *more: bytes, digest: bytes | None = None, split_at: int | None = None
):
    resources = resource(0x0404, records)
    if digest is not None:
        resources += resource(0x0425, digest)
    return read_jpeg(tmp_path, *photoshop_segments(resources, split_at), *more)


@pytest.mark.parametrize(
    ("records", "caption", "charset"),
    [
        # declared UTF-8
        (iim(UTF8, (2, 120, "Zürich, José".encode())), "Zürich, José", "utf-8 (declared)"),
        # no 1:90, but valid UTF-8
        (iim((2, 120, "Kraków".encode())), "Kraków", "utf-8"),
        # no 1:90, not UTF-8: cp1252 (0x80 is the euro sign, 0x92 a right quote)
        (iim((2, 120, b"Caf\xe9 \x80 5 \x92")), "Café € 5 ’", "cp1252"),
        # plain ASCII: reported as UTF-8 (ASCII is UTF-8)
        (iim((2, 120, b"Plain")), "Plain", "utf-8"),
    ],
)
def test_caption_text_follows_1_90_then_utf8_then_cp1252(tmp_path, records, caption, charset):
    result = iim_jpeg(tmp_path, records)
    assert result.fields["caption"] == Sourced(caption, "iptc")
    assert result.iim_charset == charset


def test_values_in_different_charsets_make_the_block_mixed(tmp_path):
    result = iim_jpeg(tmp_path, iim((2, 90, "Kraków".encode()), (2, 80, b"Jos\xe9")))
    assert result.value("city") == "Kraków"
    assert result.value("photographer") == "José"
    assert result.iim_charset == "mixed"


def test_bytes_that_are_not_utf8_despite_1_90_cost_a_warning_not_the_read(tmp_path):
    result = iim_jpeg(tmp_path, iim(UTF8, (2, 90, b"M\xfcnchen"), (2, 110, b"dpa")))
    assert result.value("city") == "München"
    assert result.value("credit") == "dpa"
    assert any("city" in w and "UTF-8" in w for w in result.warnings)


def test_bytes_cp1252_leaves_undefined_are_a_warning_for_that_field(tmp_path):
    result = iim_jpeg(tmp_path, iim((2, 90, b"Caf\xe9\x81"), (2, 110, b"Reuters")))
    assert result.value("city") == "Café\x81"
    assert result.value("credit") == "Reuters"
    assert [w for w in result.warnings if "city" in w] == [
        "IIM city: bytes that cp1252 does not define were read as Latin-1"
    ]


def test_cp1252_with_holes_is_each_byte_read_alone():
    """decode_cp1252's table (one C call) gives what decoding byte by byte gave: every byte, and bytes with
    holes anywhere (a 15 KB XMP packet of this kind took 10 ms byte by byte)."""
    import random

    from catalog.metadata.text import CP1252_HOLES, decode_cp1252

    def byte_by_byte(raw: bytes) -> str:
        return "".join(CP1252_HOLES.get(b) or bytes([b]).decode("cp1252") for b in raw)

    chance = random.Random(20)
    samples = [bytes(range(256)), b"\x81", b"Caf\xe9\x81", b"\x9d\x8d\x8f\x90 end"]
    samples += [bytes(chance.choice([0x81, 0x9D, *range(256)]) for _ in range(chance.randrange(1, 400)))
                for _ in range(300)]
    for raw in samples:
        assert decode_cp1252(raw) == byte_by_byte(raw)


def test_repeatable_datasets_are_lists(tmp_path):
    records = iim((2, 25, b"flood"), (2, 25, b"rescue"), (2, 80, b"Ann Lee"), (2, 80, b"Bo Chen"))
    result = iim_jpeg(tmp_path, records)
    assert result.value("keywords") == ["flood", "rescue"]
    assert result.fields["photographer"] == Sourced("Ann Lee; Bo Chen", "iptc")


def test_app13_split_over_two_segments_is_joined(tmp_path):
    records = iim(UTF8, (2, 120, b"A long caption from Hefei, Anhui province"), (2, 90, b"Hefei"))
    # cut in the middle of the caption, inside the IIM resource
    result = iim_jpeg(tmp_path, records, split_at=30)
    assert result.value("caption") == "A long caption from Hefei, Anhui province"
    assert result.value("city") == "Hefei"


def test_a_record_running_past_its_block_is_a_warning_and_the_others_still_read(tmp_path):
    good = iim((2, 80, b"Xu Gang"), (2, 90, b"Lanzhou"))
    broken = b"\x1c\x02\x78" + struct.pack(">H", 500) + b"only a few bytes"
    result = iim_jpeg(tmp_path, good + broken)
    assert result.value("photographer") == "Xu Gang"
    assert result.value("city") == "Lanzhou"
    assert result.value("caption") is None
    assert any("caption" in w and "500" in w for w in result.warnings)


def test_resource_length_past_its_block_is_cut_with_a_warning(tmp_path):
    records = iim((2, 90, b"Hefei"))
    block = b"8BIM\x04\x04\0\0" + struct.pack(">I", 5000) + records  # claims 5000 bytes
    result = read_jpeg(tmp_path, *photoshop_segments(block))
    assert result.value("city") == "Hefei"
    assert any("5000" in w for w in result.warnings)


XMP_CAPTION = xmp_packet(
    f"<dc:description>{alt(('x-default', 'Caption from XMP'))}</dc:description>"
    f"<dc:creator>{seq('Ann Lee')}</dc:creator>",
    'photoshop:Credit="XMP credit"',
)
IIM_RECORDS = iim((2, 120, b"Caption from IIM"), (2, 80, b"Bo Chen"), (2, 110, b"IIM credit"))


def test_without_a_stored_digest_xmp_is_preferred_and_the_disagreement_recorded(tmp_path):
    result = iim_jpeg(tmp_path, IIM_RECORDS, xmp_segment(XMP_CAPTION))
    assert result.fields["caption"] == Sourced("Caption from XMP", "xmp")
    assert result.fields["credit"] == Sourced("XMP credit", "xmp")
    conflict = next(c for c in result.conflicts if c.field == "caption")
    assert conflict.copies == (("iptc", "Caption from IIM"), ("xmp", "Caption from XMP"))


def test_matching_digest_means_xmp_is_current(tmp_path):
    digest = hashlib.md5(IIM_RECORDS).digest()
    result = iim_jpeg(tmp_path, IIM_RECORDS, xmp_segment(XMP_CAPTION), digest=digest)
    assert result.fields["caption"] == Sourced("Caption from XMP", "xmp")
    assert result.fields["photographer"] == Sourced("Ann Lee", "xmp")


def test_digest_that_does_not_match_means_iim_was_edited_later(tmp_path):
    stale = hashlib.md5(b"the IIM as it was when the XMP was written").digest()
    result = iim_jpeg(tmp_path, IIM_RECORDS, xmp_segment(XMP_CAPTION), digest=stale)
    assert result.fields["caption"] == Sourced("Caption from IIM", "iptc")
    assert result.fields["photographer"] == Sourced("Bo Chen", "iptc")
    assert result.fields["credit"] == Sourced("IIM credit", "iptc")
    assert {c.field for c in result.conflicts} >= {"caption", "photographer", "credit"}


def test_iim_at_its_length_limit_extended_by_xmp_is_taken_from_xmp(tmp_path):
    full_name = "Bartholomew Fitzgerald-Ramaswamy Junior"  # 39 characters; the by-line limit is 32
    records = iim((2, 80, full_name[:32].encode()), (2, 120, b"Caption from IIM"))
    packet = xmp_packet(
        f"<dc:creator>{seq(full_name)}</dc:creator>"
        f"<dc:description>{alt(('x-default', 'Caption from XMP'))}</dc:description>"
    )
    stale = hashlib.md5(b"something else").digest()
    result = iim_jpeg(tmp_path, records, xmp_segment(packet), digest=stale)
    assert result.fields["photographer"] == Sourced(full_name, "xmp")
    assert result.fields["caption"] == Sourced("Caption from IIM", "iptc")  # not truncated: IIM wins
    assert "photographer" not in {c.field for c in result.conflicts}  # a truncated copy is no disagreement


def test_iim_shorter_than_its_limit_is_not_treated_as_truncated(tmp_path):
    records = iim((2, 80, b"Ann"))
    packet = xmp_packet(f"<dc:creator>{seq('Ann Lee')}</dc:creator>")
    stale = hashlib.md5(b"something else").digest()
    result = iim_jpeg(tmp_path, records, xmp_segment(packet), digest=stale)
    assert result.fields["photographer"] == Sourced("Ann", "iptc")


def test_iim_dates_and_times_become_iso(tmp_path):
    result = iim_jpeg(tmp_path, iim((2, 55, b"20251014"), (2, 60, b"100500+0800")))
    assert result.fields["taken"] == Sourced("2025-10-14T10:05:00+08:00", "iptc")


def test_tiff_with_iim_in_tag_33723(tmp_path):
    records = iim(UTF8, (2, 120, "Crowd in Kraków".encode()), (2, 90, "Kraków".encode()))
    path = tmp_path / "scan.tif"
    path.write_bytes(tiff(12, 9, {33723: (UNDEFINED, len(records), records)}))
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert (result.format, result.width, result.height) == ("TIFF", 12, 9)
    assert result.fields["caption"] == Sourced("Crowd in Kraków", "iptc")
    assert result.value("city") == "Kraków"
    assert result.iim_charset == "utf-8 (declared)"


@pytest.mark.parametrize("kind", [b"tEXt", b"zTXt", b"iTXt"])
def test_png_raw_profile_iim(tmp_path, kind):
    records = iim((2, 90, b"Paris"), (2, 116, b"E.T."))
    text = b"\niptc\n" + str(len(records)).encode().rjust(8) + b"\n" + records.hex().encode() + b"\n"
    keyword = b"Raw profile type iptc\0"
    body = {
        b"tEXt": keyword + text,
        b"zTXt": keyword + b"\0" + zlib.compress(text),
        b"iTXt": keyword + b"\1\0\0\0" + zlib.compress(text),
    }[kind]
    path = tmp_path / "profile.png"
    path.write_bytes(png(4, 4, png_chunk(kind, body)))
    result = read(path)
    assert isinstance(result, PhotoMetadata)
    assert result.fields["city"] == Sourced("Paris", "iptc")
    assert result.value("copyright") == "E.T."


def test_tiff_with_iim_only_in_photoshop_resources_tag_34377(tmp_path):
    resources = resource(0x0404, iim((2, 110, b"Reuters"), (2, 115, b"Reuters Pictures")))
    path = tmp_path / "scan.tif"
    path.write_bytes(tiff(5, 5, {34377: (UNDEFINED, len(resources), resources)}))
    result = read(path)
    assert result.fields["credit"] == Sourced("Reuters", "iptc")
    assert result.value("source") == "Reuters Pictures"


def test_read_iim_reports_the_md5_of_the_first_block():
    block = iim((2, 90, b"Hefei"))
    assert read_iim(block).digest == hashlib.md5(block).digest()
    assert read_iim(block, iim((2, 110, b"Xinhua"))).first((2, 110)) == "Xinhua"
