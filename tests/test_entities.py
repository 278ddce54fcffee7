"""Places and people as things (issue 13): the place entity of each photo, search by entity in any spelling
and script, GPS-only photos placed by reverse geocoding, placeholders, conflicts with the GPS point, name
tokens and pinyin, agencies of the registry, and `places` counted by entity; on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from catalog.models import PersonToken, PlaceKey
from tests.helpers import jpeg_with_metadata
from tests.test_search import names
from tests.test_search_desk import gps


def _iptc(caption: str, **fields) -> dict:
    names_ = {"city": "City", "province": "ProvinceState", "country": "CountryName", "byline": "Byline",
              "credit": "Credit", "source": "Source", "sublocation": "SubLocation"}
    return {"Iptc.Application2.Caption": caption,
            **{f"Iptc.Application2.{names_[key]}": value for key, value in fields.items()}}


@pytest.fixture
def world(cli, tmp_path):
    """Photos made here: one United States in five spellings, Hefei and Ontario in several, a phone photo with
    GPS alone, placeholders, a place far from its GPS point, two Georgias, and credits to match by token."""
    folder = tmp_path / "world"
    made = {
        "us-usa.jpg": {"iptc": _iptc("Rain.", city="Seattle", province="WA", country="USA")},
        "us-united-states.jpg": {"xmp": {"Xmp.dc.description": "Fog.", "Xmp.photoshop.City": "Portland",
                                         "Xmp.photoshop.State": "Oregon", "Xmp.photoshop.Country": "United States"}},
        "us-dotted.jpg": {"iptc": _iptc("Snow.", city="Detroit", province="MI", country="U.S.")},
        "us-code.jpg": {"xmp": {"Xmp.dc.description": "Heat.", "Xmp.photoshop.City": "Waco",
                                "Xmp.iptc.CountryCode": "US"}},
        "us-chinese.jpg": {"iptc": _iptc("Wind.", city="Seattle", country="美国")},
        "hefei-chinese.jpg": {"iptc": _iptc("A lake.", city="合肥", province="安徽省", country="中国")},
        "hefei-english.jpg": {"iptc": _iptc("A park.", city="Hefei", province="Anhui Province", country="China")},
        "ontario-short.jpg": {"iptc": _iptc("Ice.", city="Kingston", province="Ont", country="CANADA")},
        "ontario-long.jpg": {"iptc": _iptc("Lake.", city="Toronto", province="Ontario", country="Canada")},
        "france.jpg": {"iptc": _iptc("Bridge.", city="Paris", country="FRA - France")},
        "wuhan-phone.jpg": {"exif": gps(30.59, 114.30), "iptc": _iptc("A street at night.")},
        "placeholders.jpg": {"iptc": _iptc("A template.", city="City", province="state", country="country name")},
        "far-from-gps.jpg": {"exif": gps(30.59, 114.30),
                             "iptc": _iptc("Said to be Hefei.", city="Hefei", province="Anhui", country="China")},
        "lanzhou-airport.jpg": {"exif": gps(36.50, 103.62),
                                "iptc": _iptc("Planes.", city="Lanzhou", province="Gansu", country="China")},
        "tbilisi.jpg": {"iptc": _iptc("Old town.", city="Tbilisi", country="Georgia")},
        "atlanta.jpg": {"iptc": _iptc("Traffic.", city="Atlanta", province="Georgia", country="USA")},
        "li-xin.jpg": {"iptc": _iptc("A. (Xinhua/Li Xin)", byline="Li Xin", credit="Xinhua")},
        "early.jpg": {"iptc": _iptc("B.", byline="Julie V. Early", credit="Big Newspaper", source="Minneapolis")},
        "byline.jpg": {"iptc": _iptc("C.", byline="Byline", credit="Photographer")},
        "zhang-chinese.jpg": {"iptc": _iptc("D.", byline="张大刚", credit="新华社")},
        "zhang-shouted.jpg": {"iptc": _iptc("E. (AP Photo/Dagang Zhang)", byline="DAGANG ZHANG",
                                            credit="AP Photo/DAGANG ZHANG")},
    }
    for name, metadata in made.items():
        jpeg_with_metadata(folder / name, **metadata)
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def _json(cli, *terms) -> dict:
    result = cli("search", *terms, "--format", "json")
    assert result.exit_code == 0, result.output
    return {record["path"].rsplit("/", 1)[-1]: record for record in json.loads(result.output)}


US = ["us-chinese.jpg", "us-code.jpg", "us-dotted.jpg", "us-united-states.jpg", "us-usa.jpg"]


def test_one_country_whatever_the_spelling_or_script(cli, world):
    for term in ("in:USA", "in:US", 'in:"United States"', "in:美国", "in:U.S.", "country:USA"):
        found = sorted(set(names(cli, term)) - {"atlanta.jpg"})
        assert found == US, term
    assert "atlanta.jpg" in names(cli, "in:USA")
    assert names(cli, "in:France") == names(cli, "in:FR") == ["france.jpg"]  # the file says "FRA - France"
    records = _json(cli, "in:USA")
    assert {r["place"]["country"] for r in records.values()} == {"United States"}
    assert records["us-usa.jpg"]["location"]["country"] == "USA"  # what the file states is kept as it is


def test_provinces_and_cities_in_any_script(cli, world):
    hefei = ["far-from-gps.jpg", "hefei-chinese.jpg", "hefei-english.jpg"]  # the first as stated: see below
    assert sorted(names(cli, "in:合肥")) == sorted(names(cli, "in:Hefei")) == sorted(names(cli, "city:合肥")) == hefei
    assert sorted(names(cli, "in:CN-AH")) == sorted(names(cli, "in:Anhui")) == sorted(names(cli, "province:安徽")) \
        == hefei
    ontario = ["ontario-long.jpg", "ontario-short.jpg"]
    assert sorted(names(cli, "in:Ontario")) == sorted(names(cli, "in:Ont")) == sorted(names(cli, "in:CA-ON")) \
        == ontario
    assert sorted(names(cli, "in:CANADA")) == sorted(names(cli, "in:Canada")) == ontario
    assert names(cli, "in:Chongqing") == []


def test_a_place_entity_in_every_record(cli, world):
    records = _json(cli)
    place = records["hefei-chinese.jpg"]["place"]
    assert list(place) == ["id", "name", "sublocation", "city", "province", "province_code", "country",
                           "country_code", "lat", "lon", "approximate", "distance_km", "how", "names"]
    assert (place["id"], place["city"], place["province_code"], place["country_code"], place["how"]) == (
        "1808722", "Hefei", "CN-AH", "CN", "file")
    assert place["names"]["zh"] == "合肥"
    assert records["hefei-chinese.jpg"]["location"]["city"] == "合肥"
    assert records["li-xin.jpg"]["place"] is None


def test_a_photo_with_gps_alone_is_placed_by_it(cli, world):
    assert names(cli, "in:Wuhan") == names(cli, "in:武汉") == names(cli, "city:Wuhan") == ["wuhan-phone.jpg"]
    assert "wuhan-phone.jpg" in names(cli, "in:Hubei") and "wuhan-phone.jpg" in names(cli, "in:China")
    assert names(cli, "wuhan") == ["wuhan-phone.jpg"]  # the entity's names are words of the photo too
    place = _json(cli, "in:Wuhan")["wuhan-phone.jpg"]["place"]
    assert (place["city"], place["province"], place["how"], place["approximate"]) == ("Wuhan", "Hubei", "gps", True)
    assert 0 < place["distance_km"] < 10
    shown = cli("show", str(world / "wuhan-phone.jpg")).output
    assert "Wuhan, Hubei, China (id 1791247, CN-HB, CN; reverse geocoded" in shown and "[GPS]" in shown


def test_placeholders_are_never_placed(cli, world):
    record = _json(cli)["placeholders.jpg"]
    assert record["place"] is None
    assert (record["location"]["city"], record["location"]["country"]) == ("City", "country name")
    assert record["location"]["lat"] is None  # "City" used to land in Yemen
    assert "placeholders.jpg" not in names(cli, "in:Yemen")


def test_a_stated_place_far_from_the_gps_point_is_a_conflict(cli, world):
    assert "far-from-gps.jpg" in names(cli, "conflicts:yes")
    assert "lanzhou-airport.jpg" not in names(cli, "conflicts:yes")  # 53 km from the centre of a city of 3 million
    record = _json(cli, "conflicts:yes")["far-from-gps.jpg"]
    assert record["place"]["city"] == "Hefei" and record["place"]["how"] == "file"  # kept as stated
    [conflict] = [c for c in record["conflicts"] if c["field"] == "place"]
    assert conflict["copies"][0] == ["file", "Hefei, Anhui, China"]
    assert conflict["copies"][1][0] == "gps" and "Wuhan, Hubei, China" in conflict["copies"][1][1]
    assert conflict["note"] == "Hefei is 317 km from the GPS point"
    shown = cli("show", str(world / "far-from-gps.jpg")).output
    assert "place:" in shown and "why: Hefei is 317 km from the GPS point" in shown
    assert "far-from-gps.jpg" in names(cli, "in:Hefei") and "far-from-gps.jpg" not in names(cli, "in:Wuhan")


def test_a_name_of_two_places_finds_both_and_says_so(cli, world):
    assert sorted(names(cli, "in:Georgia")) == ["atlanta.jpg", "tbilisi.jpg"]
    assert names(cli, "country:Georgia") == ["tbilisi.jpg"] and names(cli, "province:Georgia") == ["atlanta.jpg"]
    records = _json(cli, "in:Georgia")
    assert records["tbilisi.jpg"]["match"] == [
        "in:Georgia means Georgia (country) or Georgia, United States: this photo is in Georgia (country)"]
    assert records["atlanta.jpg"]["match"][0].endswith("this photo is in Georgia, United States")
    assert _json(cli, "in:USA")["us-usa.jpg"]["match"] == []
    table = cli("search", "in:Georgia")
    assert "in:Georgia means Georgia (country) or Georgia, United States" in table.stderr


def test_a_name_the_gazetteer_does_not_know_matches_as_stated(cli, tmp_path):
    folder = tmp_path / "venues"
    jpeg_with_metadata(folder / "venue.jpg", iptc=_iptc("Fans.", sublocation="Luogang Park", city="Hefei"))
    jpeg_with_metadata(folder / "nowhere.jpg", iptc=_iptc("Sea.", country="Atlantis"))
    assert cli("import", str(folder)).exit_code == 0
    assert names(cli, 'in:"Luogang Park"') == names(cli, 'at:"Luogang Park"') == ["venue.jpg"]
    assert names(cli, "in:Atlantis") == names(cli, "country:Atlantis") == ["nowhere.jpg"]


def test_by_matches_whole_name_tokens_in_any_order_case_and_script(cli, world):
    assert names(cli, "by:Li") == ["li-xin.jpg"]  # never "Byline" or "Julie V. Early"
    assert names(cli, "by:li xin") == names(cli, "by:XIN LI") == ["li-xin.jpg"]
    zhang = ["zhang-chinese.jpg", "zhang-shouted.jpg"]
    assert sorted(names(cli, 'by:"dagang zhang"')) == sorted(names(cli, "by:张大刚")) == zhang
    assert sorted(names(cli, "by:Zhang Da-gang")) == zhang  # pinyin of 张大刚, as written in the file
    assert names(cli, "by:Gang") == [] and names(cli, "by:Early") == ["early.jpg"]
    assert sorted(names(cli, "-by:Zhang")) == sorted(set(names(cli)) - set(zhang))


def test_credit_matches_agencies_as_entities_and_other_names_by_token(cli, world):
    assert names(cli, "credit:AP") == ["zhang-shouted.jpg"]  # not "Photographer", "Minneapolis", "Big Newspaper"
    assert names(cli, "credit:Associated Press") == ["zhang-shouted.jpg"]
    assert sorted(names(cli, "credit:新华社")) == sorted(names(cli, "credit:Xinhua")) == [
        "li-xin.jpg", "zhang-chinese.jpg"]
    assert names(cli, 'credit:"Big Newspaper"') == names(cli, "credit:minneapolis") == ["early.jpg"]
    assert names(cli, "credit:Julie") == ["early.jpg"]  # the photographer is part of the credit
    assert names(cli, "credit:news") == []  # a token is a whole word


def test_credits_show_a_name_in_capitals_as_the_caption_writes_it(cli, world):
    lines = cli("credits", "by:Zhang").output.splitlines()
    assert "AP Photo/Dagang Zhang" in lines
    assert not any("DAGANG" in line for line in lines)


def test_places_counts_each_entity_once(cli, world, db_url):
    tree = json.loads(cli("places", "--format", "json").output)
    codes = [node["key"] for node in tree if node.get("key")]
    assert len(codes) == len(set(codes))
    united = next(node for node in tree if node.get("key") == "country:US")
    assert (united["name"], united["count"], united["term"]) == ("United States", 6, 'country:"United States"')
    canada = next(node for node in tree if node.get("key") == "country:CA")
    assert (canada["name"], canada["count"]) == ("Canada", 2)
    assert [(p["name"], p["count"], p["key"]) for p in canada["children"]] == [("Ontario", 2, "province:CA-ON")]
    assert {c["name"] for c in canada["children"][0]["children"]} == {"Kingston", "Toronto"}
    text = cli("places").output
    assert "CANADA" not in text and "USA" not in text  # the same words on SQLite and PostgreSQL
    for node in tree:  # each term selects what it counts
        if node["term"]:
            assert len(names(cli, node["term"])) == node["count"], node


def test_a_place_set_by_hand_is_manual(cli, world):
    photo = str(world / "li-xin.jpg")
    result = cli("set", photo, "city=Lanzhou", "province=Gansu", "--format", "json")
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)
    assert (record["place"]["city"], record["place"]["how"]) == ("Lanzhou", "manual")
    assert sorted(names(cli, "in:兰州")) == ["lanzhou-airport.jpg", "li-xin.jpg"]
    assert cli("set", photo, "--revert", "all").exit_code == 0
    assert names(cli, "in:Lanzhou") == ["lanzhou-airport.jpg"]


def test_every_table_follows_the_photo(cli, world, lib, tmp_path):
    def rows(library) -> tuple[int, int]:
        with library.session() as session:
            return (session.scalar(select(func.count()).select_from(PlaceKey)),
                    session.scalar(select(func.count()).select_from(PersonToken)))

    keys, tokens = rows(lib)
    assert keys > 0 and tokens > 0
    target = tmp_path / "copy.db"
    assert cli("copy", "--to", str(target)).exit_code == 0
    from catalog.library import Library

    copied = Library.open(str(target))
    try:
        assert rows(copied) == (keys, tokens)
    finally:
        copied.close()
    photo = lib.get(str(world / "hefei-english.jpg"))
    with lib.session() as session:
        own = session.scalar(select(func.count()).where(PlaceKey.photo_id == photo.id))
    assert cli("forget", str(world / "hefei-english.jpg")).exit_code == 0
    assert rows(lib)[0] == keys - own
    # Changed in the file and imported again: its rows say what the file says now.
    jpeg_with_metadata(world / "france.jpg", iptc=_iptc("Bridge.", city="Lyon", country="France", byline="Li Xin"))
    assert cli("import", str(world)).exit_code == 0
    assert names(cli, "in:Lyon") == ["france.jpg"] and names(cli, "in:Paris") == []
    assert sorted(names(cli, "by:Li")) == ["france.jpg", "li-xin.jpg"]


def test_csv_says_which_coordinates_are_approximate(cli, world):
    rows = cli("export", "--format", "csv").output.splitlines()
    header = rows[0].split(",")
    assert "location.approximate" in header
    column = header.index("location.approximate")
    by_name = {row.split(",")[1].rsplit("/", 1)[-1]: row.split(",") for row in rows[1:]}
    assert by_name["hefei-chinese.jpg"][column] == "True"  # the gazetteer's point for Hefei
    assert by_name["wuhan-phone.jpg"][column] == "False"  # the camera's GPS


def test_the_migration_gives_older_catalogues_the_same_entities(cli, world, db_url):
    """A catalogue made before 0005 (taken back to 0004 here) gets each photo's place, conflict, keys and
    tokens when it is opened, as an import would have made them."""
    from catalog.library import Library
    from tests.test_migrations_safety import _alembic

    def state() -> tuple:
        library = Library.open(db_url)
        try:
            with library.session() as session:
                keys = sorted(session.execute(select(PlaceKey.photo_id, PlaceKey.kind, PlaceKey.key)).all())
                tokens = sorted(session.execute(select(PersonToken.photo_id, PersonToken.role,
                                                       PersonToken.token)).all())
            photos = {photo.path: (photo.place, photo.has_conflicts, photo.search_text)
                      for photo in library.all_photos()}
        finally:
            library.close()
        return photos, keys, tokens

    from alembic import command

    imported = state()
    _alembic(db_url, command.downgrade, "0004")
    migrated = state()
    assert migrated == imported
    assert any(place and place["how"] == "gps" for place, _, _ in migrated[0].values())
    assert sum(conflicted for _, conflicted, _ in migrated[0].values()) >= 1


def _clear_answer_caches() -> None:
    """Empty the functools caches of the modules whose answers the place memo remembers between processes (and of
    those that keep what they made of such answers: city_reading's cities of a run)."""
    import importlib

    for name in ("catalog.captions.gazetteer", "catalog.captions.han_name_starts", "catalog.places",
                 "catalog.place_entities", "catalog.entities", "catalog.captions.city_reading"):
        for value in vars(importlib.import_module(name)).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()


def test_a_place_seen_before_needs_no_gazetteer(cli, world, tmp_path):
    """The gazetteer's answers are remembered in the cache folder: a new process importing photos of places
    imported before never loads the gazetteer."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "again"
    # With GPS and a country code, as press photos have them (without, the file's location is completed by
    # the gazetteer itself).
    code_cn = {"Xmp.iptc.CountryCode": "CN"}
    jpeg_with_metadata(folder / "a.jpg", exif=gps(31.80, 117.30), xmp=code_cn,
                       iptc=_iptc("A lake again.", city="合肥", province="安徽省", country="中国"))
    jpeg_with_metadata(folder / "b.jpg", exif=gps(36.50, 103.62), xmp=code_cn,
                       iptc=_iptc("Planes again.", city="Lanzhou", province="Gansu", country="China"))
    jpeg_with_metadata(folder / "first.jpg", exif=gps(36.50, 103.62), xmp=code_cn,
                       iptc=_iptc("Planes.", city="Lanzhou", province="Gansu", country="China"))
    jpeg_with_metadata(folder / "second.jpg", exif=gps(31.80, 117.30), xmp=code_cn,
                       iptc=_iptc("A lake.", city="合肥", province="安徽省", country="中国"))
    from catalog import place_memo

    # This test process may have learned more answers of a kind than the file keeps (the caption tests parse
    # thousands of captions): a memo saved from it keeps only the newest, and the places learned first would
    # be dropped. Start from the file, as a new `catalog import` does: with no answer held in a function's own
    # cache either, since an answer found there is never marked used in the memo, so the memo saved after this
    # import could drop it for newer ones (the caption tests look up thousands of names).
    place_memo.forget_current()
    _clear_answer_caches()
    assert cli("import", str(folder / "first.jpg"), str(folder / "second.jpg")).exit_code == 0
    (folder / "first.jpg").unlink()
    (folder / "second.jpg").unlink()
    code = (
        "import sys\n"
        "from catalog import places\n"
        "from catalog.library import Library\n"
        "lib = Library.open(sys.argv[1])\n"
        "report = lib.import_paths([sys.argv[2]], workers=1)\n"
        "print(report.added, places._GAZETTEER is None)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "other.db"), str(folder)],
                            capture_output=True, text=True, env=dict(os.environ), check=True)
    assert result.stdout.split() == ["2", "True"]


def test_the_memo_is_not_trusted_once_the_code_or_data_changed(tmp_path, monkeypatch):
    from catalog import place_memo

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    place_memo.forget_current()
    try:
        place_memo.current().remember("searches", "Somewhere", {"meanings": [], "ambiguous": False})
        assert place_memo.save()
        assert place_memo._read(place_memo.memo_path())["searches"] == {
            "Somewhere": {"meanings": [], "ambiguous": False}}
        kept = json.loads(place_memo.memo_path().read_text())
        kept["stamp"][0][1] -= 1  # a source file changed since (its modification time differs)
        place_memo.memo_path().write_text(json.dumps(kept))
        assert place_memo._read(place_memo.memo_path()) is None
        place_memo.forget_current()
        assert place_memo.current().get("searches", "Somewhere") is None
    finally:
        place_memo.forget_current()


def test_the_real_corpus_lists_each_country_once(tmp_path):
    """On ../shared/corpus/real: `places` lists no country twice (by code), and the spellings of the United
    States find the same photos."""
    from catalog.library import Library
    from catalog.summaries import counts_json, place_counts
    from tests.conftest import shared

    corpus = shared("corpus", "real")
    library = Library.open(str(tmp_path / "real.db"))
    try:
        library.import_paths([str(corpus)])
        tree = counts_json(place_counts(library, []))
        codes = [node["key"] for node in tree if node.get("key")]
        assert len(codes) == len(set(codes)) and "country:US" in codes
        found = [{photo.path for photo in library.search([term]).photos}
                 for term in ("in:USA", "in:US", 'in:"United States"', "in:美国")]
        assert found[0] and all(each == found[0] for each in found)
    finally:
        library.close()
