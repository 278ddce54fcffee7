"""The searches a photo desk runs: dates as people write them, the query algebra, near:, ranked words, templates
and credit lists for a story, through the CLI on the samples and on photos made here."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from catalog.query import FIELDS
from tests.conftest import ROOT
from tests.helpers import jpeg_with_metadata

SAMPLES = ["gansu-bullet-train.jpg", "hefei-aircraft.jpg", "tianwen2-probe.jpg"]


def dms(degrees: float) -> str:
    """Decimal degrees as EXIF rationals, e.g. 31.85 -> "31/1 51/1 0/100"."""
    whole = int(degrees)
    minutes = (degrees - whole) * 60
    return f"{whole}/1 {int(minutes)}/1 {round((minutes - int(minutes)) * 6000)}/100"


def gps(lat: float, lon: float) -> dict:
    return {
        "Exif.GPSInfo.GPSLatitudeRef": "N", "Exif.GPSInfo.GPSLatitude": dms(lat),
        "Exif.GPSInfo.GPSLongitudeRef": "E", "Exif.GPSInfo.GPSLongitude": dms(lon),
    }


@pytest.fixture
def desk(cli, imported):
    """The samples, plus photos made here: a month-precision date, GPS near and far, a place without GPS, today."""
    folder = imported / "desk"
    jpeg_with_metadata(folder / "month.jpg", xmp={"Xmp.photoshop.DateCreated": "2025-10"}, iptc={
        "Iptc.Application2.Caption": "Workers assemble drones at a factory.", "Iptc.Application2.City": "Shanghai",
        "Iptc.Application2.CountryName": "China"})
    jpeg_with_metadata(folder / "gps-near.jpg", exif=gps(31.85, 117.25), iptc={
        "Iptc.Application2.Caption": "A lake at dusk, seen from a hill."})
    jpeg_with_metadata(folder / "gps-70km.jpg", exif=gps(31.82, 118.0), iptc={
        "Iptc.Application2.Caption": "Rice fields east of the city."})
    jpeg_with_metadata(folder / "gps-beijing.jpg", exif=gps(39.9, 116.4), iptc={
        "Iptc.Application2.Caption": "Traffic on a ring road.", "Iptc.Application2.City": "Beijing",
        "Iptc.Application2.CountryName": "China"})
    jpeg_with_metadata(folder / "hefei-named.jpg", iptc={
        "Iptc.Application2.Caption": "A market street.", "Iptc.Application2.City": "Hefei",
        "Iptc.Application2.ProvinceState": "Anhui", "Iptc.Application2.CountryName": "China"})
    now = date.today()
    jpeg_with_metadata(folder / "today.jpg", exif={"Exif.Photo.DateTimeOriginal": now.strftime("%Y:%m:%d 12:00:00")},
                       iptc={"Iptc.Application2.Caption": "Reporters wait outside a court."})
    jpeg_with_metadata(folder / "last-month.jpg",
                       exif={"Exif.Photo.DateTimeOriginal": (now - timedelta(days=40)).strftime("%Y:%m:%d 12:00:00")},
                       iptc={"Iptc.Application2.Caption": "An empty stadium."})
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def names(cli, *terms, sort: str | None = None) -> list[str]:
    result = cli("search", *terms, "--format", "paths", *(["--sort", sort] if sort else []))
    assert result.exit_code == 0, result.output
    return [line.rsplit("/", 1)[-1] for line in result.output.splitlines()]


def records(cli, *terms, sort: str | None = None) -> dict[str, dict]:
    result = cli("search", *terms, "--format", "json", *(["--sort", sort] if sort else []))
    assert result.exit_code == 0, result.output
    return {r["path"].rsplit("/", 1)[-1]: r for r in json.loads(result.output)}


# --- 1. dates as people write them ------------------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "taken:2025-10", 'taken:"October 2025"', "taken:October 2025", 'taken:"14 October 2025"', "taken:Oct. 14, 2025",
    "taken:2025-W42", "taken:2025-10-14", "taken:2025-10-10..2025-10-20", "taken:2025-10-14..2025-12-31",
])
def test_dates_as_people_write_them_find_the_aircraft_and_the_month(cli, desk, written):
    assert sorted(names(cli, written)) == ["hefei-aircraft.jpg", "month.jpg"]


def test_dates_outside_miss(cli, desk):
    assert names(cli, "taken:2025-W40") == ["month.jpg"]  # Sept. 29 - Oct. 5 overlaps October, loosely
    assert records(cli, "taken:2025-W40")["month.jpg"]["match"] == [
        "taken 2025-10 is known only to the month: it overlaps 2025-09-29..2025-10-05 but may fall outside it"]
    assert names(cli, 'taken:"3 August 2025"') == ["gansu-bullet-train.jpg"]
    assert names(cli, "taken:..2025-09-30") == ["gansu-bullet-train.jpg"]
    assert names(cli, "taken:2024") == []


def test_relative_dates(cli, desk):
    assert names(cli, "taken:today") == ["today.jpg"]
    assert names(cli, "taken:-7d..") == ["today.jpg"]
    assert names(cli, "taken:-7d..today") == ["today.jpg"]
    assert names(cli, "taken:yesterday") == []
    assert names(cli, "taken:-2m..") == ["last-month.jpg", "today.jpg"]
    assert names(cli, "taken:..-30d") == ["gansu-bullet-train.jpg", "month.jpg", "hefei-aircraft.jpg",
                                          "last-month.jpg"]  # by date: 2025-10 counts from its first day


def test_a_month_precision_date_says_it_matched_loosely(cli, desk):
    found = records(cli, "taken:2025-10-14")
    assert set(found) == {"hefei-aircraft.jpg", "month.jpg"}
    month, exact = found["month.jpg"], found["hefei-aircraft.jpg"]
    assert month["taken"] == "2025-10" and month["taken_precision"] == "month"
    assert month["match"] == [
        "taken 2025-10 is known only to the month: it overlaps 2025-10-14 but may fall outside it"
    ]
    assert exact["taken_precision"] == "time" and exact["match"] == []
    # A range that holds the whole month is an exact match.
    assert records(cli, "taken:2025-10-01..2025-10-31")["month.jpg"]["match"] == []
    assert records(cli, 'taken:"October 2025"')["month.jpg"]["match"] == []


def test_the_table_marks_a_loose_date(cli, desk):
    result = cli("search", "taken:2025-W42")
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "month.jpg" in line)
    assert "2025-10 (month)*" in row
    aircraft = next(line for line in result.output.splitlines() if "hefei-aircraft.jpg" in line)
    assert "*" not in aircraft
    assert "* the date is known less precisely than the date searched for" in result.output


def test_json_keeps_every_contract_key_and_only_adds(cli, desk):
    from catalog.models import Photo
    from catalog.render import photo_json

    contract = set(photo_json(Photo(sources={}, keywords=[])))
    plain = records(cli, "in:Gansu")["gansu-bullet-train.jpg"]
    assert set(plain) == contract | {"taken_precision", "match"}
    near = records(cli, "near:Hefei")["hefei-aircraft.jpg"]
    assert set(near) == contract | {"taken_precision", "match", "distance_km", "distance_approximate"}
    exported = json.loads(cli("export", "in:Gansu").output)[0]
    assert set(exported) == contract  # export writes the contract as it is


# --- 2. the query algebra ------------------------------------------------------------------------------------


def test_negation_and_alternatives(cli, desk):
    # The photos with GPS alone are placed by it: gps-near in Hefei, gps-70km in Chaohu (Anhui).
    assert sorted(names(cli, "in:China", "-in:Hefei")) == [
        "gansu-bullet-train.jpg", "gps-70km.jpg", "gps-beijing.jpg", "month.jpg"]
    assert sorted(names(cli, "in:Gansu,Anhui")) == [
        "gansu-bullet-train.jpg", "gps-70km.jpg", "gps-near.jpg", "hefei-aircraft.jpg", "hefei-named.jpg"]
    assert sorted(names(cli, "in:China", "-in:Gansu,Anhui")) == ["gps-beijing.jpg", "month.jpg"]
    assert names(cli, "by:Zhang,Xu") == ["gansu-bullet-train.jpg", "hefei-aircraft.jpg"]
    not_2025 = names(cli, "-taken:2025")
    assert "gansu-bullet-train.jpg" not in not_2025 and "month.jpg" not in not_2025
    assert "tianwen2-probe.jpg" in not_2025 and "today.jpg" in not_2025  # undated: not known to be from 2025


def test_a_negated_word_is_a_term_never_an_option(cli, desk):
    """`-photo` holds h, o and t: click would have read it as -h (help) -o -t ..."""
    result = cli("search", "-photo", "--format", "paths")
    assert result.exit_code == 0, result.output
    assert "Usage" not in result.output
    assert "tianwen2-probe.jpg" not in result.output  # "Photo provided by ..."
    assert "month.jpg" in result.output
    # Still an option when it is one, and its value is not taken for a term.
    assert cli("search", "-h").output.startswith("Usage")
    assert names(cli, "--limit", "1") == ["gansu-bullet-train.jpg"]
    assert sorted(names(cli, "in:Gansu,Anhui", "-hefei")) == ["gansu-bullet-train.jpg", "gps-70km.jpg"]


@pytest.mark.parametrize("term, message", [
    ("taken:2025-13-40", "cannot understand search term 'taken:2025-13-40': '2025-13-40' is not a real date"),
    ("taken:Octember 2025", "cannot understand search term 'taken:Octember 2025'"),
    ("taken:2025-10..2025-09", "starts (2025-10-01) after it ends (2025-09-30)"),
    ("in:", "cannot understand search term 'in:': in: needs a value, e.g. in:Gansu"),
    ("colour:red", "cannot understand search term 'colour:red': unknown field 'colour'"),
    ("within:5km", "within: needs a near: term"),
    ("near:91,10", "latitude must be within ±90"),
    ("conflicts:maybe", "conflicts: takes yes or no"),
])
def test_a_bad_term_is_named_in_the_error(cli, desk, term, message):
    result = cli("search", "in:China", term)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_grammar_is_in_the_help_and_the_docs(cli):
    help_text = cli("search", "--help").output
    readme = (ROOT / "docs" / "search.md").read_text()
    for field in FIELDS:
        assert f"{field}:" in help_text, field
        assert f"{field}:" in readme, field
    for example in ["term    :=", "-TERM", "in:Gansu,Anhui", 'taken:"Oct. 14, 2025"', "taken:-7d..", "2025-W42",
                    "--sort distance", "near:31.82,117.23"]:
        assert example in help_text, example


# --- 3. near: ---------------------------------------------------------------------------------------------------


def test_near_a_named_place_by_gps_and_by_the_gazetteer(cli, desk):
    found = records(cli, "near:Hefei", "within:50km")
    assert set(found) == {"hefei-aircraft.jpg", "gps-near.jpg", "hefei-named.jpg"}
    assert found["hefei-named.jpg"]["distance_approximate"] is True
    assert found["hefei-named.jpg"]["match"] == ["distance from the gazetteer's point for Hefei: the photo has no GPS"]
    assert found["gps-near.jpg"]["match"] == []
    assert found["hefei-named.jpg"]["location"]["approximate"] is True
    assert found["gps-near.jpg"]["distance_approximate"] is False
    assert found["hefei-aircraft.jpg"]["distance_approximate"] is False
    distances = [r["distance_km"] for r in json.loads(cli("search", "near:Hefei", "--format", "json").output)]
    assert distances == sorted(distances)  # near: sorts by distance by default
    assert all(d <= 50 for d in distances)


def test_within_defaults_to_50km_and_takes_units(cli, desk):
    assert set(names(cli, "near:Hefei")) == set(names(cli, "near:Hefei", "within:50km"))
    assert "gps-70km.jpg" not in names(cli, "near:Hefei")
    assert "gps-70km.jpg" in names(cli, "near:Hefei", "within:100km")
    assert "gps-70km.jpg" in names(cli, "near:Hefei", "within:60mi")
    assert names(cli, "near:39.9,116.4", "within:500m") == ["gps-beijing.jpg"]


def test_near_coordinates_sorted_by_distance(cli, desk):
    ordered = names(cli, "near:31.82,117.23", "within:100km", sort="distance")
    assert ordered[:2] == ["gps-near.jpg", "hefei-named.jpg"] or ordered[0] == "gps-near.jpg"
    found = records(cli, "near:31.82,117.23", "within:100km", sort="distance")
    assert [name for name, _ in sorted(found.items(), key=lambda kv: kv[1]["distance_km"])] == ordered
    assert ordered[-1] == "gps-70km.jpg"
    table = cli("search", "near:31.82,117.23", "within:100km").output
    named = next(line for line in table.splitlines() if "hefei-named.jpg" in line)
    assert "~" in named  # approximate: the gazetteer's point for Hefei
    assert "~ distance from the gazetteer's coordinates" in table


def test_sort_distance_needs_near(cli, desk):
    result = cli("search", "in:China", "--sort", "distance")
    assert result.exit_code == 2
    assert "needs a near: or similar: term" in result.output


# --- 4. words, ranked ---------------------------------------------------------------------------------------------


@pytest.fixture
def rockets(cli, tmp_path):
    folder = tmp_path / "rockets"
    jpeg_with_metadata(folder / "a-once.jpg", iptc={
        "Iptc.Application2.Caption": "Crowds watch the rocket from a beach near the launch site at dawn.",
        "Iptc.Application2.Headline": "Crowds gather on the coast"}, color=(10, 20, 30))
    jpeg_with_metadata(folder / "b-three.jpg", iptc={
        "Iptc.Application2.Caption": "The rocket lifts off from the launch site at dawn, seen from a beach.",
        "Iptc.Application2.Headline": "Rocket launch", "Iptc.Application2.Keywords": ["rocket", "space"]},
        color=(30, 20, 10))
    jpeg_with_metadata(folder / "c-none.jpg", iptc={"Iptc.Application2.Caption": "A quiet beach at dawn."})
    jpeg_with_metadata(folder / "d-keyword.jpg", iptc={"Iptc.Application2.Caption": "Engineers at work.",
                                                        "Iptc.Application2.Keywords": ["rocket engine"]})
    assert cli("import", str(folder)).exit_code == 0
    return folder


def test_more_mentions_rank_higher(cli, rockets):
    ranked = names(cli, "rocket")
    assert set(ranked) == {"a-once.jpg", "b-three.jpg", "d-keyword.jpg"}
    # Captions of the same length: three mentions (caption, headline, keyword) above one.
    assert ranked[0] == "b-three.jpg" and ranked.index("b-three.jpg") < ranked.index("a-once.jpg")
    scored = names(cli, "rocket", "dawn")
    assert scored[0] == "b-three.jpg" and "c-none.jpg" not in scored


def test_sort_overrides_relevance(cli, rockets):
    assert names(cli, "rocket", sort="path") == ["a-once.jpg", "b-three.jpg", "d-keyword.jpg"]


def test_the_table_shows_the_words_in_context(cli, rockets):
    output = cli("search", "rocket").output
    assert "The [rocket] lifts off" in output
    keyword_row = next(line for line in output.splitlines() if "d-keyword.jpg" in line)
    assert "[rocket] engine" in keyword_row  # found in the keywords, shown from them
    assert "matches" in output.splitlines()[0]


def test_a_phrase_and_a_negated_word(cli, rockets):
    assert names(cli, '"launch site"', sort="path") == ["a-once.jpg", "b-three.jpg"]
    assert names(cli, "beach", "-rocket") == ["c-none.jpg"]


# --- 6. templates -----------------------------------------------------------------------------------------------


def test_search_template_uses_the_contract_names(cli, imported):
    result = cli("search", "--format", "template", "--template", "{taken} {location.city}: {credit.line}")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2025-08-03 Lanzhou New Area: Photo/Xu Gang",
        "2025-10-14T10:32:00+08:00 Hefei: Zhang Dagang",
        " : Photo provided by the China National Space Administration",
    ]
    literal = cli("search", "in:Hefei", "--template", "{{id}}={id}\\t{taken_precision} {camera.make}").output
    assert literal.strip().endswith("time SampleCam") and literal.startswith("{id}=")


@pytest.mark.parametrize("command", ["search", "credits"])
def test_an_unknown_template_field_is_a_usage_error(cli, imported, command):
    result = cli(command, "--format", "template", "--template", "{taken} {location.town} {credit.lines}")
    assert result.exit_code == 2
    assert "unknown fields: location.town, credit.lines" in result.output
    assert cli(command, "--format", "template").exit_code == 2  # no --template


def test_credits_template_has_the_contract_and_the_house_line(cli, imported):
    result = cli("credits", "--files", "hefei-aircraft.jpg", "gansu-bullet-train.jpg",
                 "--format", "template", "--template", "{taken} {location.city}: {line} [{credit.line}]")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2025-10-14T10:32:00+08:00 Hefei: Photo/Zhang Dagang [Zhang Dagang]",
        "2025-08-03 Lanzhou New Area: Photo/Xu Gang [Photo/Xu Gang]",
    ]


# --- 7. credits for a story -------------------------------------------------------------------------------------


@pytest.fixture
def xinhua(cli, imported):
    jpeg_with_metadata(imported / "xinhua.jpg", iptc={
        "Iptc.Application2.Caption": "Engineers check the probe model in Beijing, Sept. 2, 2025. (Xinhua/Li Xin)"})
    assert cli("import", str(imported / "xinhua.jpg")).exit_code == 0
    return imported / "xinhua.jpg"


def test_story_order_inline_and_duplicates_merged(cli, xinhua):
    lines = cli("credits", "--files", "xinhua.jpg", "hefei-aircraft.jpg", "gansu-bullet-train.jpg").output
    assert lines.splitlines() == ["Xinhua/Li Xin", "Photo/Zhang Dagang", "Photo/Xu Gang"]
    inline = cli("credits", "--files", "hefei-aircraft.jpg", "xinhua.jpg", "hefei-aircraft.jpg",
                 "tianwen2-probe.jpg", "--inline").output.strip()
    assert inline == "Photos: Zhang Dagang; Xinhua/Li Xin; China National Space Administration"
    assert cli("credits", "--files", "hefei-aircraft.jpg", "--inline").output.strip() == "Photo: Zhang Dagang"
    assert cli("credits", "--files", "hefei-aircraft.jpg", "--files", "hefei-aircraft.jpg",
               "--inline").output.strip() == "Photos: Zhang Dagang"


def test_a_house_rules_file_changes_an_agency_style(cli, xinhua, tmp_path):
    rules = tmp_path / "house.toml"
    rules.write_text('[credit_lines.agencies]\n"Xinhua" = "{photographer}/Xinhua"\n', encoding="utf-8")
    default = cli("credits", "--files", "xinhua.jpg", "gansu-bullet-train.jpg").output.splitlines()
    house = cli("--rules", str(rules), "credits", "--files", "xinhua.jpg", "gansu-bullet-train.jpg")
    assert house.exit_code == 0, house.output
    assert default == ["Xinhua/Li Xin", "Photo/Xu Gang"]
    assert house.output.splitlines() == ["Li Xin/Xinhua", "Photo/Xu Gang"]
    inline = cli("--rules", str(rules), "credits", "--files", "gansu-bullet-train.jpg", "xinhua.jpg", "--inline")
    assert inline.output.strip() == "Photos: Xu Gang; Li Xin/Xinhua"


def test_a_bad_rules_file_is_refused(cli, xinhua, tmp_path):
    rules = tmp_path / "bad.toml"
    rules.write_text('[credit_lines.agencies]\n"Xinhua" = "{photog}/Xinhua"\n', encoding="utf-8")
    result = cli("--rules", str(rules), "credits")
    assert result.exit_code == 1
    assert "the placeholders are {photographer}, {agency} and {provider}" in result.output
