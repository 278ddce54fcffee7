"""`catalog places`, `catalog timeline` and `catalog credits --group`: counts per place, per period and per credit,
as text, JSON and CSV, over the photos a search selects; and the summaries functions the contact sheet calls."""

from __future__ import annotations

import json

import pytest

from catalog import summaries
from tests.helpers import jpeg_with_metadata


@pytest.fixture
def more(cli, imported):
    """Two more Hefei photos by Zhang Dagang, one dated only to the month, and a Xinhua photo in Beijing."""
    jpeg_with_metadata(imported / "hefei-2.jpg", iptc={
        "Iptc.Application2.Caption": "A drone over Swan Lake in Hefei, east China's Anhui province, Oct. 15, 2025. "
                                     "(Photo/Zhang Dagang)"})
    jpeg_with_metadata(imported / "hefei-month.jpg", xmp={"Xmp.photoshop.DateCreated": "2025-10"}, iptc={
        "Iptc.Application2.Caption": "Students at a university in Hefei, east China's Anhui province. "
                                     "(Photo/Zhang Dagang)"})
    jpeg_with_metadata(imported / "beijing.jpg", iptc={
        "Iptc.Application2.Caption": "Engineers check the probe model in Beijing, Sept. 2, 2025. (Xinhua/Li Xin)"})
    assert cli("import", str(imported)).exit_code == 0
    return imported


def test_places_text(cli, imported):
    result = cli("places")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2  China                 country:China",
        "1    Anhui               province:Anhui",
        "1      Hefei             city:Hefei",
        "1    Gansu               province:Gansu",
        '1      Lanzhou New Area  city:"Lanzhou New Area"',
        "1  (country unknown)",
    ]


def test_places_with_terms_and_formats(cli, more):
    assert cli("places", "by:Zhang").output.splitlines() == [
        "3  China      country:China",
        "3    Anhui    province:Anhui",
        "3      Hefei  city:Hefei",
    ]
    assert cli("places", "in:China", "-in:Anhui", "--format", "csv").output.splitlines() == [
        "country,province,city,count,term",
        "China,,,2,country:China",
        "China,Beijing,,1,province:Beijing",  # the caption names the city; the entity is in CN-BJ
        "China,Beijing,Beijing,1,city:Beijing",
        "China,Gansu,,1,province:Gansu",
        'China,Gansu,Lanzhou New Area,1,"city:""Lanzhou New Area"""',  # as stated: no city of the gazetteer
    ]
    tree = json.loads(cli("places", "--format", "json").output)
    assert [(n["name"], n["count"], n["term"]) for n in tree] == [("China", 5, "country:China"), (None, 1, None)]
    anhui = tree[0]["children"][0]
    assert (anhui["level"], anhui["name"], anhui["count"]) == ("province", "Anhui", 3)
    assert anhui["children"] == [{"level": "city", "name": "Hefei", "count": 3, "term": "city:Hefei",
                                  "children": [], "key": "city:1808722"}]
    assert (tree[0]["key"], anhui["key"]) == ("country:CN", "province:CN-AH")


def test_every_term_printed_selects_what_it_counts(cli, more):
    from tests.test_search import names

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node["children"])

    for node in walk(json.loads(cli("places", "--format", "json").output)):
        if node["term"]:
            assert len(names(cli, node["term"])) == node["count"], node
    for node in walk(json.loads(cli("timeline", "--by", "day", "--format", "json").output)):
        if node["term"]:
            assert len(names(cli, node["term"])) >= node["count"], node


def test_timeline_by_month_day_and_year(cli, more):
    assert cli("timeline").output.splitlines() == [
        "5  2025       taken:2025",
        "1    2025-08  taken:2025-08",
        "1    2025-09  taken:2025-09",
        "3    2025-10  taken:2025-10",
        "1  (no date)",
    ]
    assert cli("timeline", "--by", "day", "in:Anhui").output.splitlines() == [
        "3  2025               taken:2025",
        "3    2025-10          taken:2025-10",
        "1      2025-10-14     taken:2025-10-14",
        "1      2025-10-15     taken:2025-10-15",
        "1      (day unknown)",
    ]
    assert cli("timeline", "--by", "year", "--format", "csv").output.splitlines() == [
        "period,level,count,term",
        "2025,year,5,taken:2025",
        ",year,1,",
    ]
    days = json.loads(cli("timeline", "--by", "day", "by:Xu", "--format", "json").output)
    assert days == [{"level": "year", "period": "2025", "count": 1, "term": "taken:2025", "children": [
        {"level": "month", "period": "2025-08", "count": 1, "term": "taken:2025-08", "children": [
            {"level": "day", "period": "2025-08-03", "count": 1, "term": "taken:2025-08-03", "children": []}]}]}]


def test_timeline_by_is_checked(cli, imported):
    result = cli("timeline", "--by", "week")
    assert result.exit_code == 2
    assert "'week' is not one of 'year', 'month', 'day'" in result.output


def test_no_photos(cli, imported):
    result = cli("places", "in:Atlantis")
    assert result.exit_code == 0 and result.stdout == ""
    assert "No photos match." in result.stderr
    assert json.loads(cli("timeline", "in:Atlantis", "--format", "json").output) == []


def test_credits_grouped_in_each_format(cli, more):
    assert cli("credits", "--group").output.splitlines() == [
        "Photo/Xu Gang (1)",  # in the search's order (by date), each name where it first appears
        "Xinhua/Li Xin (1)",
        "Photo/Zhang Dagang (3)",
        "Photo: China National Space Administration (1)",
    ]
    rows = json.loads(cli("credits", "--group", "in:Anhui", "--format", "json").output)
    assert [(r["name"], r["kind"], r["count"], r["line"]) for r in rows] == [
        ("Zhang Dagang", "photographer", 3, "Photo/Zhang Dagang")]
    assert len(rows[0]["paths"]) == 3
    csv_lines = cli("credits", "--group", "by:Li", "--format", "csv").output.splitlines()
    assert csv_lines[0] == "line,name,kind,count,paths"
    assert csv_lines[1].startswith("Xinhua/Li Xin,Li Xin,photographer,1,")


def test_the_functions_the_contact_sheet_calls(lib, imported):
    places = summaries.place_counts(lib, [])
    assert [(p.name, p.count) for p in places] == [("China", 2), (None, 1)]
    assert [(c.name, c.count, c.term) for c in places[0].children] == [
        ("Anhui", 1, "province:Anhui"), ("Gansu", 1, "province:Gansu")]
    periods = summaries.timeline_counts(lib, ["in:China"], by="month")
    assert [(p.label, p.count, [c.label for c in p.children]) for p in periods] == [
        ("2025", 2, ["2025-08", "2025-10"])]
    photos = lib.search([]).photos
    assert summaries.counts_json(summaries.place_counts_of(photos)) == summaries.counts_json(places)
