"""Kills: by hand, and from agency advisories written here in AP, Reuters and AFP style, matched by the wire's
transmission reference (IIM 2:103) or by file name; every story that uses a killed photo is named; story show,
search and check flag it; the contact sheet strikes it through; --undo brings it back. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from catalog.kills import read_advisory
from tests.wire import HEFEI_CAPTION, hefei, needs_exiftool, wire_jpeg

AP_KILL = """ADVISORY: MANDATORY KILL

AP PHOTOS

To: Photo editors
From: The Associated Press

The Associated Press has eliminated the photo transmitted as NYAB123 on Oct. 14, 2025, showing a flying car
at Luogang Park in Hefei, China. The photo has been removed from AP Images because it was digitally
manipulated by the source.

Please remove the photo from all platforms, archives and social media accounts. MANDATORY KILL.

The AP
"""

REUTERS_KILL = """PICTURE KILL - REUTERS PICTURE RC2X4DA0X9YZ (CHINA-TECHNOLOGY/AIRCRAFT) HAS BEEN KILLED.

The picture, transmitted on October 14, 2025, has been withdrawn as it was found to be a file image.
Please remove it from all your websites, archives and databases. Reuters apologises for any inconvenience.
MANDATORY KILL
"""

AFP_ELIMINATION = """ELIMINATION - AFP PHOTO

AFP has eliminated the following picture: ref. 38XY2ZK (file name AFP_38XY2ZK.jpg)
Subject: CHINA-TECHNOLOGY-TRANSPORT
Reason: Wrong caption information. The picture must not be used. Please delete it from all systems.
"""

AP_CORRECTION = """CORRECTION

AP PHOTOS: In the photo transmitted as NYAB123, the name of the park should read Luogang Park, not Luo Park.
A corrected version has been transmitted. The photo was not killed.
"""


@pytest.mark.parametrize(("text", "references", "reason"), [
    (AP_KILL, ["NYAB123"], "The photo has been removed from AP Images because it was digitally manipulated by the "
                           "source."),
    (REUTERS_KILL, ["RC2X4DA0X9YZ"], "The picture, transmitted on October 14, 2025, has been withdrawn as it was "
                                     "found to be a file image."),
    (AFP_ELIMINATION, ["38XY2ZK"], "Reason: Wrong caption information."),
])
def test_advisories_are_read_in_each_agencys_style(text, references, reason):
    advisory = read_advisory(text)
    assert advisory.is_kill is True
    assert advisory.references == references
    assert advisory.reason == reason


def test_a_correction_is_not_a_kill():
    assert read_advisory(AP_CORRECTION).is_kill is False
    assert read_advisory("Photographers gathered to kill time before the match.").is_kill is False
    assert read_advisory(AFP_ELIMINATION).file_names == ["AFP_38XY2ZK.jpg"]


@pytest.fixture
def wire(cli, tmp_path):
    """Three wire pictures: AP's and Reuters' carry their transmission reference, AFP's only its file name."""
    folder = tmp_path / "wire"
    wire_jpeg(folder / "ap-flying-car.jpg", *hefei(HEFEI_CAPTION, "-IPTC:OriginalTransmissionReference=nyab123"))
    wire_jpeg(folder / "reuters.jpg", *hefei(HEFEI_CAPTION, "-XMP-photoshop:TransmissionReference=RC2X4DA0X9YZ"))
    wire_jpeg(folder / "AFP_38XY2ZK.jpg", *hefei(HEFEI_CAPTION))
    wire_jpeg(folder / "other.jpg", *hefei(HEFEI_CAPTION, "-IPTC:OriginalTransmissionReference=NYAB999"))
    assert cli("import", str(folder), "-q").exit_code == 0
    return folder


def killed(cli) -> set[str]:
    return {Path(p).name for p in cli("search", "killed:yes", "--format", "paths").stdout.split()}


@needs_exiftool
@pytest.mark.parametrize(("text", "name"), [(AP_KILL, "ap-flying-car.jpg"), (REUTERS_KILL, "reuters.jpg"),
                                            (AFP_ELIMINATION, "AFP_38XY2ZK.jpg")])
def test_an_advisory_kills_the_picture_it_names_and_lists_its_stories(cli, wire, tmp_path, text, name):
    assert cli("story", "add", "Flying car", name, "other.jpg").exit_code == 0
    advisory = tmp_path / "advisory.txt"
    advisory.write_text(text, encoding="utf-8")
    result = cli("kill", "--advisory", str(advisory))
    assert result.exit_code == 0, result.output
    assert f"KILLED {name}" in result.stdout and "used in: Flying car" in result.stdout
    assert killed(cli) == {name}
    kill = json.loads(cli("show", name, "--format", "json").stdout)["kill"]
    assert kill["origin"] == "advisory advisory.txt" and kill["reason"] == read_advisory(text).reason
    shown = json.loads(cli("story", "show", "Flying car", "--format", "json").stdout)["photos"]
    assert [(Path(p["path"]).name, p["status"]) for p in shown] == [(name, ["killed"]), ("other.jpg", [])]


@needs_exiftool
def test_advisories_that_kill_nothing(cli, wire, tmp_path):
    correction = tmp_path / "correction.txt"
    correction.write_text(AP_CORRECTION, encoding="utf-8")
    result = cli("kill", "--advisory", str(correction))
    assert result.exit_code == 2 and "does not read as a kill advisory" in result.output
    unknown = tmp_path / "unknown.txt"
    unknown.write_text(REUTERS_KILL.replace("RC2X4DA0X9YZ", "RC9ZZZ999QQQ"), encoding="utf-8")
    result = cli("kill", "--advisory", str(unknown))
    assert result.exit_code == 0
    assert "not in the catalogue: RC9ZZZ999QQQ" in result.stderr and "nothing was killed" in result.stderr
    assert killed(cli) == set()
    assert cli("kill", "--advisory", str(tmp_path / "missing.txt")).exit_code == 1


def test_a_kill_by_hand_and_its_undoing(cli, imported):
    cli("story", "add", "Space", "tianwen2-probe.jpg")
    assert cli("kill", "tianwen2-probe.jpg").exit_code == 2  # a kill says why
    result = cli("kill", "tianwen2-probe.jpg", "--reason", "CNSA withdrew the picture")
    assert result.exit_code == 0 and "used in: Space" in result.stdout
    assert "already killed" in cli("kill", "tianwen2-probe.jpg", "--reason", "again").stderr
    assert re.search(r"^  KILLED +CNSA withdrew the picture \(", cli("show", "tianwen2-probe.jpg").stdout, re.M)
    assert killed(cli) == {"tianwen2-probe.jpg"}
    assert cli("kill", "tianwen2-probe.jpg", "--undo").exit_code == 0
    assert killed(cli) == set()
    assert json.loads(cli("show", "tianwen2-probe.jpg", "--format", "json").stdout)["kill"] is None


def test_the_contact_sheet_strikes_a_killed_photo_through(lib, cli, imported, tmp_path):
    from catalog.web import create_app

    cli("kill", "gansu-bullet-train.jpg", "--reason", "withdrawn")
    ids = {Path(p.path).name: p.id for p in lib.search([]).photos}
    client = create_app(lib, cache_dir=tmp_path / "cache").test_client()
    page = client.get("/").get_data(as_text=True)
    assert re.search(rf'<li class="card killed" id="photo-{ids["gansu-bullet-train.jpg"]}">', page)
    assert f'<li class="card" id="photo-{ids["hefei-aircraft.jpg"]}">' in page
    card = page.split(f'id="photo-{ids["gansu-bullet-train.jpg"]}"')[1].split("</li>\n")[0]
    assert "KILLED" in card and '<li class="block" title="killed: withdrawn">killed</li>' in card
    photo = client.get(f"/photo/{ids['gansu-bullet-train.jpg']}").get_data(as_text=True)
    assert "Before it runs" in photo and "killed: withdrawn" in photo
    assert cli("export", "--format", "html", "-o", str(tmp_path / "sheet")).exit_code == 0
    exported = (tmp_path / "sheet" / "index.html").read_text(encoding="utf-8")
    assert '<li class="card killed"' in exported and "text-decoration: line-through" in exported


def test_a_kill_outlives_the_record_by_the_pictures_fingerprint(cli, imported, tmp_path):
    """A kill is kept by the picture's fingerprint (alembic 0018's triggers, on SQLite and PostgreSQL): the picture
    forgotten and imported again, or a copy of it from another folder, comes back killed; `kill --undo` lifts the
    kill everywhere, so the picture forgotten and imported again after it comes back usable."""
    assert cli("kill", "tianwen2-probe.jpg", "--reason", "CNSA withdrew the picture").exit_code == 0
    result = cli("forget", "tianwen2-probe.jpg")
    assert result.exit_code == 0 and "its kill is kept" in result.stderr, result.output
    copy = tmp_path / "copies"
    copy.mkdir()
    (copy / "probe-again.jpg").write_bytes((imported / "tianwen2-probe.jpg").read_bytes())
    assert cli("import", str(imported), str(copy), "-q").exit_code == 0
    assert killed(cli) == {"tianwen2-probe.jpg", "probe-again.jpg"}
    kill = json.loads(cli("show", "probe-again.jpg", "--format", "json").stdout)["kill"]
    assert kill["reason"] == "CNSA withdrew the picture" and kill["origin"] == "hand"
    assert cli("kill", "tianwen2-probe.jpg", "probe-again.jpg", "--undo").exit_code == 0
    assert cli("forget", "tianwen2-probe.jpg", "probe-again.jpg").exit_code == 0
    assert cli("import", str(imported), str(copy), "-q").exit_code == 0
    assert killed(cli) == set()


def test_undoing_the_kill_of_one_copy_keeps_the_picture_killed_while_another_is(cli, imported, tmp_path):
    """Two copies of a killed picture, each killed: `kill --undo` of one lifts its kill only; the picture stays
    killed by its fingerprint while the other copy is killed, so a third copy imported meanwhile comes in killed."""
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "probe-b.jpg").write_bytes((imported / "tianwen2-probe.jpg").read_bytes())
    assert cli("import", str(copies), "-q").exit_code == 0
    assert cli("kill", "tianwen2-probe.jpg", "probe-b.jpg", "--reason", "CNSA withdrew it").exit_code == 0
    assert cli("kill", "tianwen2-probe.jpg", "--undo").exit_code == 0
    (copies / "probe-c.jpg").write_bytes((imported / "tianwen2-probe.jpg").read_bytes())
    assert cli("import", str(copies), "-q").exit_code == 0
    assert killed(cli) == {"probe-b.jpg", "probe-c.jpg"}


def test_a_kill_reaches_every_copy_of_the_picture_already_catalogued(cli, imported, tmp_path):
    """The picture is killed, not the record: a copy of the same file catalogued from another folder before the kill
    is killed with the one named (said so in the kill's output, with the stories that use it) and `check` blocks it;
    the other pictures are left alone, and undoing one copy's kill leaves the other's."""
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "probe-b.jpg").write_bytes((imported / "tianwen2-probe.jpg").read_bytes())
    assert cli("import", str(copies), "-q").exit_code == 0
    cli("story", "add", "Space", "probe-b.jpg")
    result = cli("kill", "tianwen2-probe.jpg", "--reason", "CNSA withdrew it")
    assert result.exit_code == 0, result.output
    assert re.search(r"^KILLED tianwen2-probe\.jpg \(id \d+\); in no story$", result.stdout, re.M), result.stdout
    assert re.search(r"^KILLED probe-b\.jpg \(id \d+, a copy of the picture named\); used in: Space", result.stdout,
                     re.M), result.stdout
    assert killed(cli) == {"tianwen2-probe.jpg", "probe-b.jpg"}
    kill = json.loads(cli("show", "probe-b.jpg", "--format", "json").stdout)["kill"]
    assert kill["reason"] == "CNSA withdrew it" and kill["origin"] == "hand"
    check = cli("check", "--story", "Space")
    assert check.exit_code == 1 and "killed" in check.stdout
    assert cli("kill", "probe-b.jpg", "--undo").exit_code == 0
    assert killed(cli) == {"tianwen2-probe.jpg"}
