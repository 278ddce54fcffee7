"""Stories: named, ordered lists of photos; where each photo ran; the story's credits in every format `credits` has.
On the sample photos, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

STORY = "Hefei flying car"


def order(cli, story: str = STORY) -> list[str]:
    result = cli("story", "show", story, "--format", "json")
    assert result.exit_code == 0, result.output
    return [Path(photo["path"]).name for photo in json.loads(result.stdout)["photos"]]


def test_photos_are_added_in_order_and_at_a_position(cli, imported):
    assert cli("story", "add", STORY, "hefei-aircraft.jpg", "gansu-bullet-train.jpg").exit_code == 0
    assert order(cli) == ["hefei-aircraft.jpg", "gansu-bullet-train.jpg"]
    assert cli("story", "add", STORY, "tianwen2-probe.jpg", "--at", "1").exit_code == 0
    assert order(cli) == ["tianwen2-probe.jpg", "hefei-aircraft.jpg", "gansu-bullet-train.jpg"]
    # A photo already there stays put, unless --at moves it.
    result = cli("story", "add", STORY, "tianwen2-probe.jpg")
    assert "already in the story" in result.stdout
    assert order(cli)[0] == "tianwen2-probe.jpg"
    assert cli("story", "add", STORY, "tianwen2-probe.jpg", "--at", "3").exit_code == 0
    assert order(cli) == ["hefei-aircraft.jpg", "gansu-bullet-train.jpg", "tianwen2-probe.jpg"]
    # Past the end is the end; names differ only in case are the same story.
    assert cli("story", "add", "hefei FLYING car", "hefei-aircraft.jpg", "--at", "99").exit_code == 0
    assert order(cli) == ["gansu-bullet-train.jpg", "tianwen2-probe.jpg", "hefei-aircraft.jpg"]


def test_remove_closes_up_and_all_deletes_the_story(cli, imported):
    cli("story", "add", STORY, "hefei-aircraft.jpg", "gansu-bullet-train.jpg", "tianwen2-probe.jpg")
    assert cli("story", "remove", STORY, "gansu-bullet-train.jpg").exit_code == 0
    result = cli("story", "show", STORY, "--format", "json")
    assert [p["position"] for p in json.loads(result.stdout)["photos"]] == [1, 2]
    assert order(cli) == ["hefei-aircraft.jpg", "tianwen2-probe.jpg"]
    assert cli("story", "remove", STORY).exit_code == 2  # neither photos nor --all
    assert cli("story", "remove", STORY, "--all").exit_code == 0
    missing = cli("story", "show", STORY)
    assert missing.exit_code == 1 and "no story" in missing.output
    assert cli("search", "used:yes", "--format", "paths").stdout == ""


def test_list_counts_the_photos_of_each_story(cli, imported):
    cli("story", "add", STORY, "hefei-aircraft.jpg", "gansu-bullet-train.jpg")
    cli("story", "add", "Space", "tianwen2-probe.jpg")
    stories = {s["name"]: s["photos"] for s in json.loads(cli("story", "list", "--format", "json").stdout)}
    assert stories == {STORY: 2, "Space": 1}
    assert "Space" in cli("story", "list").stdout


def test_show_gives_each_photos_credit_and_status(cli, imported):
    cli("story", "add", STORY, "hefei-aircraft.jpg", "gansu-bullet-train.jpg")
    cli("kill", "gansu-bullet-train.jpg", "--reason", "withdrawn by the agency")
    shown = json.loads(cli("story", "show", STORY, "--format", "json").stdout)["photos"]
    assert [(p["credit"], p["status"]) for p in shown] == [("Photo/Zhang Dagang", []), ("Photo/Xu Gang", ["killed"])]
    assert shown[1]["kill"]["reason"] == "withdrawn by the agency"
    text = cli("story", "show", STORY)
    assert "KILLED" in text.stdout and "take it out of the story" in text.stderr


def test_where_a_photo_ran(cli, imported):
    cli("story", "add", STORY, "hefei-aircraft.jpg")
    cli("story", "add", "Science week", "hefei-aircraft.jpg", "tianwen2-probe.jpg")
    used = json.loads(cli("show", "hefei-aircraft.jpg", "--format", "json").stdout)["stories"]
    assert [(u["story"], u["position"]) for u in used] == [(STORY, 1), ("Science week", 1)]
    assert "ran in        Science week (#1" in cli("show", "hefei-aircraft.jpg").stdout

    def paths(*terms):
        return {Path(p).name for p in cli("search", *terms, "--format", "paths").stdout.split()}

    assert paths("used:yes") == {"hefei-aircraft.jpg", "tianwen2-probe.jpg"}
    assert paths("used:no") == {"gansu-bullet-train.jpg"}
    assert paths('used:"science WEEK"') == {"hefei-aircraft.jpg", "tianwen2-probe.jpg"}
    assert paths(f"used:{STORY}", "-used:Science week") == set()


def test_story_credits_in_every_format_follow_story_order(cli, imported):
    cli("story", "add", STORY, "tianwen2-probe.jpg", "hefei-aircraft.jpg", "gansu-bullet-train.jpg")
    files = ["--files", "tianwen2-probe.jpg", "hefei-aircraft.jpg", "gansu-bullet-train.jpg"]
    assert cli("story", "credits", STORY, "--format", "inline").stdout.strip() == (
        "Photos: China National Space Administration; Zhang Dagang; Xu Gang")
    assert cli("story", "credits", STORY, "--format", "inline").stdout == cli("credits", *files, "--inline").stdout
    for fmt in ("text", "markdown", "csv", "json"):
        assert cli("story", "credits", STORY, "--format", fmt).stdout == cli("credits", *files, "--format", fmt).stdout
    assert cli("story", "credits", STORY, "--group").stdout == cli("credits", *files, "--group").stdout
    lines = cli("story", "credits", STORY).stdout.splitlines()
    assert lines == ["Photo: China National Space Administration", "Photo/Zhang Dagang", "Photo/Xu Gang"]


def test_mistakes_are_usage_errors(cli, imported):
    assert cli("story", "add", STORY, "hefei-aircraft.jpg", "--at", "0").exit_code == 2
    assert cli("story", "add", "   ", "hefei-aircraft.jpg").exit_code == 2
    result = cli("story", "add", STORY, "no-such-photo.jpg")
    assert result.exit_code == 1 and "no photo" in result.output
    assert cli("story", "credits", "Nothing like it").exit_code == 1


def test_stories_and_kills_travel_with_a_copy(cli, db_url, samples, tmp_path):
    source = tmp_path / "desk.db"
    assert cli("--db", str(source), "import", str(samples)).exit_code == 0
    cli("--db", str(source), "story", "add", STORY, "hefei-aircraft.jpg", "gansu-bullet-train.jpg")
    cli("--db", str(source), "kill", "gansu-bullet-train.jpg", "--reason", "withdrawn")
    result = cli("--db", str(source), "copy", "--to", db_url)
    assert result.exit_code == 0, result.output
    for command in (["story", "show", STORY, "--format", "json"], ["search", "killed:yes", "--format", "paths"],
                    ["story", "list", "--format", "json"]):
        assert cli("--db", db_url, *command).stdout == cli("--db", str(source), *command).stdout, command
    assert cli("--db", db_url, "story", "add", "Another", "tianwen2-probe.jpg").exit_code == 0  # the id sequence
