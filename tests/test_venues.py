"""The venue register (catalog/rules/venues.toml through catalog.venues): it loads, every name is one venue's, a
house rules file extends it, and the caption parser and the gazetteer use it as evidence, never as a value."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from catalog.captions import load_rules, parse
from catalog.cli import main
from catalog.errors import CatalogError
from catalog.venues import KINDS, RegisterError, parse_register, placed_by_venue, register_for, shipped_register


def test_the_shipped_register_loads_with_every_kind_and_both_scripts():
    register = shipped_register()
    assert len(register.venues) >= 900
    assert {venue.kind for venue in register.venues} <= set(KINDS)
    assert sum(venue.country == "CN" for venue in register.venues) >= 250  # most captions come from China
    assert len(register.chinese) >= 600
    assert all(venue.city and len(venue.country) == 2 for venue in register.venues)


@pytest.mark.parametrize("written, name, city", [
    ("Zhongnanhai", "Zhongnanhai", "Beijing"),
    ("中南海", "Zhongnanhai", "Beijing"),
    ("Tian'anmen Square", "Tiananmen Square", "Beijing"),
    ("TIANANMEN SQUARE", "Tiananmen Square", "Beijing"),
    ("the Bund", "The Bund", "Shanghai"),
    ("外灘", "The Bund", "Shanghai"),  # traditional characters: the same venue
    ("Élysée", "Elysee Palace", "Paris"),
    ("錦里", "Jinli", "Chengdu"),
    ("海港城", "Harbour City", "Hong Kong"),
    ("Wembley", "Wembley Stadium", "London"),
])
def test_every_spelling_finds_its_venue(written, name, city):
    venue = shipped_register().venue(written)
    assert venue is not None and (venue.name, venue.city) == (name, city)


@pytest.mark.parametrize("written", ["Paris", "Beijing", "Stadium", "海", "Wembley Park", "", None])
def test_a_city_a_generic_word_or_a_part_of_a_name_is_no_venue(written):
    assert shipped_register().venue(written) is None


def test_a_name_two_venues_share_is_refused():
    text = ('[[group]]\nkind = "square"\nvenues = [\n'
            '  { name = "North Square", aliases = ["Plaza"], city = "A", country = "CN" },\n'
            '  { name = "South Square", aliases = ["plaza"], city = "B", country = "CN" },\n]\n')
    with pytest.raises(RegisterError, match="'plaza' of 'South Square' is already a name of 'North Square'"):
        parse_register(text, "test")


@pytest.mark.parametrize("entry, message", [
    ('{ name = "X Hall", city = "A", country = "CN", kind = "shop" }', "'kind' must be one of"),
    ('{ name = "X Hall", country = "CN" }', "'city' must name the city"),
    ('{ name = "X Hall", city = "A", country = "China" }', "ISO 3166-1 code"),
    ('{ name = "X Hall", city = "A", country = "CN", town = "B" }', "unknown key"),
])
def test_a_bad_venue_is_refused_with_the_reason(entry, message):
    with pytest.raises(RegisterError, match=message):
        parse_register(f'[[group]]\nkind = "hall"\nvenues = [{entry}]\n', "test")


HOUSE = """
[[venues]]
name = "Harbourfront Arena"
aliases = ["the Tank", "坦克馆"]
kind = "arena"
city = "Halifax"
country = "CA"
"""


def test_a_newsroom_adds_its_own_venues_in_its_rules_file():
    rules = load_rules(text=HOUSE, origin="house.toml")
    register = register_for(rules)
    assert register.venue("The Tank").name == "Harbourfront Arena"
    assert register.venue("坦克馆").city == "Halifax"
    assert register.venue("Zhongnanhai").city == "Beijing"  # the shipped venues stay
    assert shipped_register().venue("The Tank") is None  # and the shipped register is not changed
    facts = parse("Fans queue at the Tank before the final, May 3, 2025. (Photo/Ann Lee)", rules)
    assert facts.location.sublocation == "Tank"
    # Without the house rules the name is read by its shape alone ("at the Tank" ending its clause: a venue with no
    # venue word, capen72), and no register knows where it is
    plain = parse("Fans queue at the Tank before the final, May 3, 2025. (Photo/Ann Lee)")
    assert plain.location.sublocation == "Tank" and plain.location.city is None


def test_a_house_venue_places_a_caption_in_its_city_on_the_command_line_and_at_import(cli, lib, tmp_path):
    """The newsroom's own venue completes the place as a shipped one does: `parse-caption --rules` resolves it,
    and an import under the stored house rules gives the photo the venue's city; without the rules, nothing."""
    from tests.helpers import jpeg_with_metadata

    house = tmp_path / "house.toml"
    house.write_text(HOUSE, encoding="utf-8")
    text = "Fans queue at the Tank before the final, May 3, 2025. (Photo/Ann Lee)"
    output = json.loads(cli("--rules", str(house), "parse-caption", "--format", "json", text).output)
    assert output["location"]["sublocation"] == "Tank" and output["location"]["city"] is None  # as written
    assert (output["resolved"]["city"], output["resolved"]["country_code"]) == ("Halifax", "CA")
    plain = json.loads(cli("parse-caption", "--format", "json", text).output)["resolved"]
    assert plain is None or (plain["city"], plain["country_code"]) == (None, None)  # no register: no town for it

    photo = jpeg_with_metadata(tmp_path / "in" / "queue.jpg", xmp={"Xmp.dc.description": text})
    assert cli("rules", "--set", str(house)).exit_code == 0
    assert cli("import", str(photo.parent)).exit_code == 0
    record = lib.get(str(photo))
    assert (record.sublocation, record.city, record.country_code) == ("Tank", "Halifax", "CA")


def test_a_house_venue_takes_a_shipped_name_over_but_two_house_venues_may_not_share_one():
    rules = load_rules(text='[[venues]]\nname = "Bund Pavilion"\naliases = ["Bund"]\nkind = "hall"\ncity = "Bund"\n'
                            'country = "DE"\n', origin="house.toml")
    assert register_for(rules).venue("Bund").name == "Bund Pavilion"
    twice = '[[venues]]\nname = "A Hall"\nkind = "hall"\ncity = "X"\ncountry = "DE"\n' * 2
    with pytest.raises(CatalogError, match="'A Hall' of 'A Hall' is already a name of 'A Hall'"):
        load_rules(text=twice, origin="house.toml")


def test_a_house_venue_with_no_city_is_refused_when_the_rules_are_loaded():
    with pytest.raises(CatalogError, match="rules file house.toml: .*'city' must name the city"):
        load_rules(text='[[venues]]\nname = "Our Hall"\nkind = "hall"\ncountry = "CA"\n', origin="house.toml")


def test_the_register_is_kept_in_the_cache_folder_and_read_from_it(tmp_path, monkeypatch):
    """A second process reads the kept copy (no TOML parsed); a changed copy on disk is not trusted blindly."""
    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    code = ("import sys, catalog.venues as v; r = v.shipped_register(); "
            "print(len(r.venues), 'tomllib' in sys.modules, v.register_cache_path().exists())")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert first[0] == second[0] and first[2] == second[2] == "True"
    assert second[1] == "False"  # read from the kept copy: tomllib never imported


def test_the_gazetteer_places_a_venue_named_alone_in_its_city():
    assert placed_by_venue(("Zhongnanhai", None, None, None)) == ("Zhongnanhai", "Beijing", None, "CN")
    assert placed_by_venue(("Zhongnanhai", None, None, "Vietnam")) == ("Zhongnanhai", None, None, "Vietnam")
    assert placed_by_venue(("Luogang Park", None, None, None)) == ("Luogang Park", None, None, None)


def test_parse_caption_gives_the_venue_as_written_and_its_city_only_in_resolved():
    text = "Xi Jinping meets visiting leaders at Zhongnanhai, Nov. 4, 2025. (Xinhua/Li Xueren)"
    result = CliRunner().invoke(main, ["parse-caption", "--format", "json", text])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert output["location"] == {"sublocation": "Zhongnanhai", "city": None, "province": None, "country": None}
    assert (output["resolved"]["city"], output["resolved"]["country_code"]) == ("Beijing", "CN")
    assert output["resolved"]["lat"] == pytest.approx(39.9, abs=0.2)


def test_a_caption_naming_another_city_keeps_its_own():
    text = "Fans watch a replay at Wembley, a pub in Dublin, Ireland, May 3, 2025. (Photo/Ann Lee)"
    output = json.loads(CliRunner().invoke(main, ["parse-caption", "--format", "json", text]).output)
    assert output["resolved"]["city"] == "Dublin"


def test_loading_the_parser_reads_no_register():
    """Importing the parser costs no start-up: the register is read on the first caption whose place is read."""
    code = "import catalog.captions, catalog.venues as v; print(v.shipped_register.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"

