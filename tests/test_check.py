"""`catalog check`: one wire picture per finding, made here with ExifTool, each found by its exact name with its
evidence; a picture whose fields agree finds nothing; severities come from the house rules; exit status 1 when
anything blocks. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.wire import HEFEI_CAPTION, hefei, needs_exiftool, wire_jpeg

pytestmark = needs_exiftool

OCT10 = datetime(2025, 10, 10, 6, 0, tzinfo=UTC)  # when the wire delivered them
AI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


@pytest.fixture(scope="module")
def wire_folder(tmp_path_factory) -> Path:
    """A day's wire folder: one picture that is in order, and one for each thing `check` looks for."""
    folder = tmp_path_factory.mktemp("wire")

    def make(name: str, *assignments: str) -> None:
        wire_jpeg(folder / name, *assignments, arrived=OCT10)

    make("clean.jpg", *hefei(HEFEI_CAPTION))
    make("nocredit.jpg", "-IPTC:Caption-Abstract=A flying car at Luogang Park in Hefei, Anhui province, Oct. 14, 2025.",
         "-IPTC:DateCreated=2025:10:14", "-IPTC:City=Hefei")
    make("datemismatch.jpg", *hefei(HEFEI_CAPTION.replace("Oct. 14", "Oct. 16")))
    # The camera's clock in its own zone (UTC-10): the 14th there, two days before the caption's 16th.
    make("zone-local.jpg", *hefei(HEFEI_CAPTION.replace("Oct. 14", "Oct. 16"), "-IPTC:DateCreated=",
                                  "-EXIF:DateTimeOriginal=2025:10:14 23:30:00", "-EXIF:OffsetTimeOriginal=-10:00"))
    # A time written in UTC: 23:30 on the 14th is already the 15th east of Greenwich, a day from the 16th.
    make("zone-utc.jpg", "-IPTC:Caption-Abstract=" + HEFEI_CAPTION.replace("Oct. 14", "Oct. 16"),
         "-XMP-photoshop:DateCreated=2025-10-14T23:30:00Z", "-IPTC:By-line=Li Xin", "-IPTC:Credit=Xinhua")
    make("year.jpg", "-IPTC:Caption-Abstract=A flying car at Luogang Park in Hefei on Oct. 14. (Photo/Zhang Dagang)",
         "-XMP-photoshop:DateCreated=2025-10")
    make("place.jpg", "-IPTC:Caption-Abstract=A bullet train crosses the Gobi in Lanzhou, northwest China's Gansu "
         "province, Aug. 3, 2025. (Photo/Xu Gang)", "-EXIF:DateTimeOriginal=2025:08:03 09:00:00",
         "-GPSLatitude=31.82", "-GPSLatitudeRef=N", "-GPSLongitude=117.23", "-GPSLongitudeRef=E")
    make("credit.jpg", *hefei(HEFEI_CAPTION, credit="REUTERS", byline="Xu Gang"))
    make("copies.jpg", *hefei(HEFEI_CAPTION, "-XMP-dc:Description=Another caption, in Hefei, Oct. 14, 2025. "
                                             "(Xinhua/Li Xin)"))
    make("restricted.jpg", *hefei(HEFEI_CAPTION, "-IPTC:SpecialInstructions=EDITORIAL USE ONLY. JAPAN OUT"))
    make("embargoed.jpg", *hefei(HEFEI_CAPTION + " EMBARGOED UNTIL 0900 JST OCT 14"))
    make("ai.jpg", *hefei(HEFEI_CAPTION, f"-XMP-iptcExt:DigitalSourceType={AI}"))
    make("noplace.jpg", "-IPTC:Caption-Abstract=A man walks his dog. (Photo/Zhang Dagang)")
    make("nocaption.jpg", "-IPTC:By-line=Zhang Dagang")
    make("killnote.jpg", *hefei(HEFEI_CAPTION, "-IPTC:SpecialInstructions=MANDATORY KILL"))
    return folder


@pytest.fixture
def checked(cli, wire_folder):
    """The wire folder imported; returns a function running `catalog check ARGS --format json`."""
    result = cli("import", str(wire_folder), "-q")
    assert result.exit_code == 0, result.output

    def run(*args: str) -> tuple[int, dict[str, list[dict]]]:
        result = cli("check", *args, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        found = {Path(photo["path"]).name: photo["findings"] for photo in json.loads(result.stdout)}
        return result.exit_code, found

    return run


def names(findings: list[dict]) -> list[str]:
    return [finding["check"] for finding in findings]


def test_each_finding_is_named_exactly_with_its_evidence(checked):
    status, found = checked()
    assert status == 1  # something blocks
    assert "clean.jpg" not in found and "zone-utc.jpg" not in found
    assert names(found["nocredit.jpg"]) == ["missing_credit"]
    assert names(found["datemismatch.jpg"]) == ["date_mismatch"]
    assert found["datemismatch.jpg"][0]["evidence"] == {
        "caption": "2025-10-16", "file": "2025-10-14T10:05:00+08:00", "source": "exif", "days_apart": 2}
    assert names(found["zone-local.jpg"]) == ["date_mismatch"]
    assert found["zone-local.jpg"][0]["evidence"]["days_apart"] == 2
    assert names(found["year.jpg"]) == ["year_inferred"]
    assert names(found["place.jpg"]) == ["place_mismatch"]
    place = found["place.jpg"][0]
    assert 1200 < place["evidence"]["distance_km"] < 1450  # Lanzhou to Hefei
    assert place["evidence"]["from"] == "caption" and place["evidence"]["entity"]["name"] == "Lanzhou"
    assert names(found["credit.jpg"]) == ["credit_mismatch"]
    fields = [d["field"] for d in found["credit.jpg"][0]["evidence"]["disagreements"]]
    assert fields == ["by-line", "credit"]
    assert names(found["copies.jpg"]) == ["copies_disagree"]
    assert found["copies.jpg"][0]["evidence"]["conflicts"][0]["field"] == "caption"
    assert names(found["restricted.jpg"]) == ["restricted"]
    assert found["restricted.jpg"][0]["message"] == "EDITORIAL USE ONLY; JAPAN OUT"
    assert names(found["ai.jpg"]) == ["ai_generated"]
    assert names(found["noplace.jpg"]) == ["no_place_or_date"]
    assert found["noplace.jpg"][0]["evidence"]["missing"] == ["place", "date"]
    assert set(names(found["nocaption.jpg"])) == {"no_place_or_date"}
    assert names(found["killnote.jpg"]) == ["killed"]
    assert "embargoed.jpg" not in found  # its embargo ended in 2025


def test_severities_and_the_shape_of_the_json(checked):
    _, found = checked()
    for findings in found.values():
        for finding in findings:
            assert set(finding) == {"check", "severity", "message", "evidence"}
            assert finding["severity"] in ("block", "warn")
    severity = {name: findings[0]["severity"] for name, findings in found.items()}
    assert severity["nocredit.jpg"] == severity["ai.jpg"] == severity["killnote.jpg"] == "block"
    assert severity["restricted.jpg"] == severity["place.jpg"] == severity["copies.jpg"] == "warn"


def test_an_embargo_is_judged_at_the_time_given(checked):
    status, found = checked("--at", "2025-10-14T08:30+09:00", "embargoed:yes")
    assert status == 1
    assert names(found["embargoed.jpg"]) == ["embargoed"]
    evidence = found["embargoed.jpg"][0]["evidence"]
    assert evidence["restriction"]["until"] == "2025-10-14T00:00:00+00:00"
    status, found = checked("--at", "2025-10-14T09:00+09:00", "in:Hefei")
    assert "embargoed.jpg" not in found


def test_nothing_blocks_exit_status_zero(checked):
    status, found = checked("restricted:region_out")
    assert status == 0 and set(found) == {"restricted.jpg"}  # a warning only
    status, found = checked("restricted:yes", "-restricted:region_out")
    assert status == 1 and set(found) == {"killnote.jpg"}  # the kill note is a restriction in force


def test_a_kill_by_the_desk_names_the_stories_to_take_it_out_of(cli, checked):
    assert cli("story", "add", "Flying car", "clean.jpg").exit_code == 0
    assert cli("kill", "clean.jpg", "--reason", "AP: digitally altered").exit_code == 0
    status, found = checked("--story", "Flying car")
    assert status == 1
    [killed] = found["clean.jpg"]
    assert killed["check"] == "killed" and killed["evidence"]["stories"] == ["Flying car"]
    assert killed["evidence"]["reason"] == "AP: digitally altered"


def test_house_rules_choose_what_blocks(cli, checked, tmp_path):
    house = tmp_path / "house.toml"
    house.write_text('[check.severity]\nai_generated = "warn"\nmissing_credit = "off"\n'
                     '[check.restricted]\nregion_out = "block"\n', encoding="utf-8")
    result = cli("--rules", str(house), "check", "--format", "json")
    found = {Path(p["path"]).name: p["findings"] for p in json.loads(result.stdout)}
    assert found["ai.jpg"][0]["severity"] == "warn"
    assert "nocredit.jpg" not in found
    assert found["restricted.jpg"][0]["severity"] == "block"
    bad = tmp_path / "bad.toml"
    bad.write_text('[check.severity]\nkilled = "maybe"\n', encoding="utf-8")
    result = cli("--rules", str(bad), "check")
    assert result.exit_code == 1 and "say block, warn or off" in result.output


def test_the_text_report(cli, checked):
    result = cli("check", "by:Xu")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert any(line.endswith("credit.jpg") for line in lines)
    assert any("warn   credit_mismatch  the caption credits Li Xin, the by-line Xu Gang" in line for line in lines)
    assert "photos checked at" in result.stderr


def test_the_place_verdict_is_kept_and_measured_again_when_the_gps_moves(lib, cli, checked, wire_folder):
    from sqlalchemy import select

    from catalog.models import PlaceCheck

    checked("in:Gansu")
    with lib.session() as session:
        kept = {row.photo_id: row for row in session.scalars(select(PlaceCheck))}
    assert len(kept) >= 1 and any(row.conflict and "Lanzhou" in row.conflict for row in kept.values())
    assert cli("set", "place.jpg", "location.lat=36.06", "location.lon=103.83").exit_code == 0  # now in Lanzhou
    _, found = checked("in:Gansu")
    assert "place.jpg" not in found


def test_photos_imported_before_this_version_are_said_to_be_unchecked(lib, cli, checked):
    from sqlalchemy import update

    from catalog.models import Photo

    lib.write(lambda session: session.execute(update(Photo).values(check_facts=None)))
    result = cli("check", "in:Gansu")
    assert "imported before catalog could check captions" in result.stderr
