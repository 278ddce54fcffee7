"""`catalog show`, `credits`, `caption`, `parse-caption` and `export`."""

from __future__ import annotations

import json


def test_show_lists_values_with_their_sources(cli, imported):
    result = cli("show", "hefei-aircraft.jpg")
    assert result.exit_code == 0, result.output
    assert "Luogang Park" in result.output
    assert "[IPTC]" in result.output or "[XMP]" in result.output
    assert "[EXIF]" in result.output  # the date taken


def test_show_by_id_and_json(cli, imported):
    record = json.loads(cli("show", "hefei-aircraft.jpg", "--format", "json").output)
    again = json.loads(cli("show", str(record["id"]), "--format", "json").output)
    assert again == record


def test_show_unknown_photo(cli, imported):
    result = cli("show", "nope.jpg")
    assert result.exit_code == 1
    assert "no photo 'nope.jpg'" in result.output


def test_train_fields_come_from_its_caption(cli, imported):
    record = json.loads(cli("show", "gansu-bullet-train.jpg", "--format", "json").output)
    assert record["credit"]["photographer"] == "Xu Gang"
    assert record["taken"] == "2025-08-03"
    assert record["location"]["province"] == "Gansu"
    assert record["location"]["country"] == "China"
    assert record["sources"]["taken"] == "caption"
    assert record["sources"]["credit.photographer"] == "caption"
    assert record["sources"]["location.province"] == "caption"
    assert record["sources"]["caption"] in ("iptc", "xmp")


def test_credits_lists_all_three(cli, imported):
    result = cli("credits")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == ["Photo/Xu Gang", "Photo/Zhang Dagang", "Photo: China National Space Administration"]


def test_credits_group_counts(cli, imported):
    result = cli("credits", "--group")
    assert "Photo/Xu Gang (1)" in result.output


def test_credits_formats(cli, imported):
    assert cli("credits", "in:Gansu", "--format", "markdown").output.strip() == "- Photo/Xu Gang"
    rows = json.loads(cli("credits", "in:Gansu", "--format", "json").output)
    assert rows[0]["name"] == "Xu Gang" and rows[0]["count"] == 1
    assert cli("credits", "in:Gansu", "--format", "csv").output.splitlines()[0] == "line,name,kind,count,paths"


def test_credits_in_story_order_and_inline(cli, imported):
    result = cli("credits", "--files", "hefei-aircraft.jpg", "gansu-bullet-train.jpg", "tianwen2-probe.jpg", "--inline")
    assert result.output.strip() == "Photos: Zhang Dagang; Xu Gang; China National Space Administration"


def test_caption_by_hand_rederives_fields(cli, lib, imported):
    result = cli("caption", "tianwen2-probe.jpg",
                 "Engineers check the probe model in Beijing, Sept. 2, 2025. (Xinhua/Li Xin)", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["credit"]["photographer"] == "Li Xin"
    assert record["credit"]["agency"] == "Xinhua"
    assert record["taken"] == "2025-09-02"
    assert record["location"]["city"] == "Beijing"
    assert record["sources"]["caption"] == "manual"


def test_parse_caption_json(cli):
    text = ("Researchers take a test drive on a new-generation long-range autonomous passenger aircraft at the "
            "Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)")
    output = json.loads(cli("parse-caption", text, "--format", "json").output)
    assert output["credit"]["raw"] == "Photo/Zhang Dagang"
    assert output["credit"]["photographer"] == "Zhang Dagang"
    assert output["date"] == "2025-10-14" and output["date_kind"] == "taken"
    assert output["location"] == {
        "sublocation": "Luogang Park", "city": "Hefei", "province": "Anhui", "country": "China"
    }
    assert output["resolved"]["country_code"] == "CN"
    assert "(Photo/Zhang Dagang)" not in output["description"]


def test_parse_caption_leaves_out_an_unsure_value_and_the_house_rules_can_keep_it(cli, tmp_path):
    text = "Farmers carry sacks of rice across a flooded field near the river on Monday. (QRT)"
    output = json.loads(cli("parse-caption", text, "--format", "json", "--explain").output)
    assert output["credit"]["raw"] == "QRT" and output["credit"]["provider"] is None
    assert any(line.startswith("left out: provider 'QRT', confidence") for line in output["explain"])
    house = tmp_path / "house.toml"
    house.write_text("[confidence.thresholds]\nprovider = 0\n", encoding="utf-8")
    output = json.loads(cli("--rules", str(house), "parse-caption", text, "--format", "json").output)
    assert output["credit"]["provider"] == "QRT"
    house.write_text("[confidence.thresholds]\nprovider = 7\n", encoding="utf-8")
    result = cli("--rules", str(house), "parse-caption", text)
    assert result.exit_code == 1 and "a number from 0 to 1" in result.output


def test_parse_caption_needs_text(cli):
    result = cli("parse-caption", "  ")
    assert result.exit_code == 2


def test_export_json_is_the_contract(cli, imported, tmp_path):
    out = tmp_path / "all.json"
    result = cli("export", "-o", str(out))
    assert result.exit_code == 0, result.output
    records = json.loads(out.read_text())
    assert [r["path"].rsplit("/", 1)[-1] for r in records] == [
        "gansu-bullet-train.jpg", "hefei-aircraft.jpg", "tianwen2-probe.jpg"]
