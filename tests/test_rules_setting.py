"""House rules kept in the catalogue, and for one run, change how credits print."""

from __future__ import annotations

import pytest


@pytest.fixture
def imported(cli, samples):
    assert cli("import", str(samples)).exit_code == 0
    return samples


HOUSE = """
[credit_lines]
photographer = "{photographer} for the Daily"
"""


def test_rules_stored_in_the_catalogue_apply_to_credits(cli, imported, tmp_path):
    house = tmp_path / "house.toml"
    house.write_text(HOUSE, encoding="utf-8")
    assert cli("credits", "in:Gansu").output.strip() == "Photo/Xu Gang"
    result = cli("rules", "--set", str(house))
    assert result.exit_code == 0, result.output
    assert cli("credits", "in:Gansu").output.strip() == "Xu Gang for the Daily"
    assert "the catalogue" in cli("rules").output
    assert cli("rules", "--unset").exit_code == 0
    assert cli("credits", "in:Gansu").output.strip() == "Photo/Xu Gang"


def test_rules_for_one_run(cli, imported, tmp_path):
    house = tmp_path / "house.toml"
    house.write_text(HOUSE, encoding="utf-8")
    assert cli("--rules", str(house), "credits", "in:Gansu").output.strip() == "Xu Gang for the Daily"
    assert cli("credits", "in:Gansu").output.strip() == "Photo/Xu Gang"


def test_bad_rules_are_refused_and_nothing_stored(cli, imported, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[credit_lines\nphotographer = ", encoding="utf-8")
    result = cli("rules", "--set", str(bad))
    assert result.exit_code == 1
    assert "not valid TOML" in result.output
    assert cli("credits", "in:Gansu").output.strip() == "Photo/Xu Gang"
    assert cli("rules", "--set", str(tmp_path / "missing.toml")).exit_code == 1


def test_default_rules_print_as_a_template(cli):
    result = cli("rules", "--default")
    assert "[agencies]" in result.output


def test_house_agency_names_apply_when_captions_are_read_at_import(cli, lib, tmp_path):
    from tests.helpers import jpeg_with_metadata

    house = tmp_path / "house.toml"
    house.write_text('[agencies]\n"DPN" = "Daily Planet News"\n', encoding="utf-8")
    assert cli("rules", "--set", str(house)).exit_code == 0
    photo = jpeg_with_metadata(tmp_path / "in" / "crowd.jpg", xmp={
        "Xmp.dc.description": "Crowds gather in Hefei, Anhui province, Oct. 14, 2025. (DPN/Jimmy Olsen)"})
    assert cli("import", str(photo.parent)).exit_code == 0
    record = lib.get(str(photo))
    assert (record.photographer, record.agency) == ("Jimmy Olsen", "Daily Planet News")
