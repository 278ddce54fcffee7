"""How a record is put together: embedded fields first, then the caption, then the gazetteer."""

from __future__ import annotations

from catalog.metadata import read
from catalog.records import build_record
from tests.helpers import jpeg_with_metadata, plain_jpeg


def _record(path):
    return build_record(read(path))


def test_a_caption_date_without_a_year_takes_the_embedded_year_and_is_marked(tmp_path):
    path = jpeg_with_metadata(tmp_path / "race.jpg", xmp={
        "Xmp.photoshop.DateCreated": "2025",
        "Xmp.dc.description": "Crowds watch the boat race in Foshan, Guangdong province, on Oct. 14. (Xinhua/Li Xin)"})
    record = _record(path)
    assert record["taken"] == "2025-10-14"
    assert record["taken_inferred"] is True
    assert record["sources"]["taken"] == "caption"


def test_no_year_anywhere_leaves_the_date_unknown(tmp_path):
    path = jpeg_with_metadata(tmp_path / "race.jpg", xmp={
        "Xmp.dc.description": "Crowds watch the boat race in Foshan, Guangdong province, on Oct. 14. (Xinhua/Li Xin)"})
    record = _record(path)
    assert record.get("taken") is None
    assert not record.get("taken_inferred")


def test_embedded_place_wins_over_the_caption(tmp_path):
    path = jpeg_with_metadata(tmp_path / "p.jpg", iptc={
        "Iptc.Application2.City": "Lanzhou", "Iptc.Application2.ProvinceState": "Gansu",
        "Iptc.Application2.Caption":
            "Workers in Hefei, east China's Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)"})
    record = _record(path)
    assert (record["city"], record["province"]) == ("Lanzhou", "Gansu")
    assert record["sources"]["location.city"] == "iptc"
    assert record["taken"] == "2025-10-14" and record["sources"]["taken"] == "caption"
    assert record["photographer"] == "Zhang Dagang" and record["sources"]["credit.photographer"] == "caption"


def test_caption_place_is_completed_by_the_gazetteer(tmp_path):
    path = jpeg_with_metadata(tmp_path / "p.jpg", xmp={
        "Xmp.dc.description": "Traffic in Lanzhou, Aug. 3, 2025. (Xinhua/Li Xin)"})
    record = _record(path)
    assert record["city"] == "Lanzhou" and record["sources"]["location.city"] == "caption"
    assert record["province"] == "Gansu" and record["sources"]["location.province"] == "gazetteer"
    assert record["country"] == "China" and record["country_code"] == "CN"
    assert record["location_approx"] is True and abs(record["lat"] - 36.06) < 0.2


def test_gps_beats_the_gazetteer_and_is_not_approximate(tmp_path):
    path = jpeg_with_metadata(tmp_path / "gps.jpg", exif={
        "Exif.GPSInfo.GPSLatitudeRef": "N", "Exif.GPSInfo.GPSLatitude": "31/1 46/1 4620/100",
        "Exif.GPSInfo.GPSLongitudeRef": "E", "Exif.GPSInfo.GPSLongitude": "117/1 17/1 3300/100"},
        xmp={"Xmp.dc.description": "A test flight in Hefei, Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)"})
    record = _record(path)
    assert abs(record["lat"] - 31.7795) < 1e-4 and abs(record["lon"] - 117.2925) < 1e-4
    assert record["location_approx"] is False
    assert record["sources"]["location.lat"] == "exif"


def test_a_release_date_is_never_the_date_taken(tmp_path):
    path = jpeg_with_metadata(tmp_path / "h.jpg", xmp={
        "Xmp.dc.description": "This image released by NASA on Oct. 1, 2025 shows Mars. (Photo provided by NASA)"})
    record = _record(path)
    assert record.get("taken") is None
    assert record["released"] == "2025-10-01"
    assert record["provider"] == "NASA" and record.get("photographer") is None


def test_a_file_that_states_its_date_and_place_still_gets_the_caption_release_date_and_agency(tmp_path):
    # The caption's own date and place go unread then (the file's win); its release date and credit do not.
    path = jpeg_with_metadata(tmp_path / "h.jpg", exif={"Exif.Photo.DateTimeOriginal": "2025:09:30 08:00:00"},
                              iptc={"Iptc.Application2.City": "Beijing"},
                              xmp={"Xmp.dc.description": "This image released by the CNSA on Oct. 1, 2025 shows "
                                                         "the probe. (Photo/Li Xin/Xinhua)"})
    record = _record(path)
    assert record["taken"] == "2025-09-30T08:00:00" and record["sources"]["taken"] == "exif"
    assert record["released"] == "2025-10-01"
    assert (record["photographer"], record["agency"]) == ("Li Xin", "Xinhua")


def test_a_photo_with_nothing_has_an_empty_record(tmp_path):
    record = _record(plain_jpeg(tmp_path / "plain.jpg"))
    assert record["format"] == "JPEG" and (record["width"], record["height"]) == (64, 48)
    assert record["sources"] == {}
    assert record["search_text"] == ""


def test_an_area_named_after_a_city_gets_that_city_point_marked_approximate(tmp_path):
    path = jpeg_with_metadata(tmp_path / "t.jpg", xmp={
        "Xmp.dc.description": "A train in Zhongchuan township, Lanzhou New Area, northwest China's Gansu province, "
                              "Aug. 3, 2025. (Photo/Xu Gang)"})
    record = _record(path)
    assert record["city"] == "Lanzhou New Area"
    assert abs(record["lat"] - 36.06) < 0.1 and abs(record["lon"] - 103.84) < 0.1
    assert record["location_approx"] is True and record["sources"]["location.lat"] == "gazetteer"
