"""What broke when the tool was tried at a desk (issue 15): each case fails without its fix.

Hand edits survive moves and outrank the file; empty search values are usage errors; CSV cells cannot run
as formulas; a mistyped --db makes nothing; one file reached by two paths is one photo; names that are not
UTF-8 are kept; one display form per field; counts that say what they count; `set`, `forget`, paging.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil

import pytest

from tests.conftest import IMAGES
from tests.helpers import jpeg_with_metadata, plain_jpeg

HAND_CAPTION = "Workers check the line in Hefei, east China's Anhui province, Oct. 14, 2025. (AP Photo/Jane Smith)"


def _json(cli, *args):
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _one(cli, name):
    return _json(cli, "show", name)


# --- 1. a moved or renamed photo keeps everything set by hand -------------------------------------------------

def test_a_renamed_photo_keeps_its_linked_caption_credit_and_place(cli, imported):
    linked = cli("link", str(imported / "tianwen2-press-release.txt"))
    assert linked.exit_code == 0, linked.output
    before = _one(cli, "tianwen2-probe.jpg")
    assert before["credit"]["provider"] == "China National Space Administration"
    (imported / "tianwen2-probe.jpg").rename(imported / "probe_final.jpg")

    again = cli("import", str(imported))
    assert "1 moved" in again.output
    after = _one(cli, "probe_final.jpg")
    assert after["id"] == before["id"]
    assert after["caption"] == before["caption"]
    assert after["credit"] == before["credit"]
    assert after["sources"]["caption"] in ("manual", "linked")
    credits = cli("credits", "--files", "probe_final.jpg")
    assert credits.output.strip() == "Photo: China National Space Administration"


def test_a_photo_moved_to_another_folder_keeps_what_was_set_by_hand(cli, samples, tmp_path):
    assert cli("import", str(samples)).exit_code == 0
    assert cli("set", "gansu-bullet-train.jpg", "photographer=Xu Gang", "keywords=railway; Gobi").exit_code == 0
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    shutil.move(samples / "gansu-bullet-train.jpg", elsewhere / "train.jpg")
    assert "1 moved" in cli("import", str(samples), str(elsewhere)).output
    moved = _one(cli, "train.jpg")
    assert moved["credit"]["photographer"] == "Xu Gang"
    assert moved["keywords"] == ["railway", "Gobi"]
    assert moved["sources"]["credit.photographer"] == "manual"


# --- 2. what a person sets wins, field by field, and show lists the file's value ---------------------------

def test_a_hand_caption_changes_the_photographer_the_file_names(cli, imported):
    assert _one(cli, "hefei-aircraft.jpg")["credit"]["photographer"] == "Zhang Dagang"
    done = cli("caption", "hefei-aircraft.jpg", HAND_CAPTION, "--format", "json")
    record = json.loads(done.output)
    assert record["credit"]["photographer"] == "Jane Smith"
    assert record["credit"]["agency"] == "AP"
    overridden = {c["field"]: c["copies"] for c in record["conflicts"] if c.get("overridden")}
    assert ["iptc", "Zhang Dagang"] in overridden["credit.photographer"] or \
        ["xmp", "Zhang Dagang"] in overridden["credit.photographer"] or \
        ["exif", "Zhang Dagang"] in overridden["credit.photographer"]
    shown = cli("show", "hefei-aircraft.jpg").output
    assert "the file says otherwise" in shown and "Zhang Dagang" in shown
    assert cli("credits", "--files", "hefei-aircraft.jpg").output.strip() == "AP Photo/Jane Smith"


def test_set_wins_over_the_file_and_revert_goes_back(cli, imported):
    done = cli("set", "hefei-aircraft.jpg", "credit.photographer=Jane Smith", "city=Wuhu")
    assert done.exit_code == 0, done.output
    record = _one(cli, "hefei-aircraft.jpg")
    assert record["credit"]["photographer"] == "Jane Smith"
    assert record["location"]["city"] == "Wuhu"
    assert record["sources"]["location.city"] == "manual"
    # survives an import of a changed file
    os.utime(imported / "hefei-aircraft.jpg", ns=(1, 1))
    assert "1 updated" in cli("import", str(imported)).output
    assert _one(cli, "hefei-aircraft.jpg")["credit"]["photographer"] == "Jane Smith"
    assert cli("set", "hefei-aircraft.jpg", "--revert", "photographer").exit_code == 0
    record = _one(cli, "hefei-aircraft.jpg")
    assert record["credit"]["photographer"] == "Zhang Dagang"
    assert record["location"]["city"] == "Wuhu"
    assert cli("set", "hefei-aircraft.jpg", "--revert", "all").exit_code == 0
    assert _one(cli, "hefei-aircraft.jpg")["location"]["city"] == "Hefei"


def test_reverting_many_photos_by_a_search_asks_first(cli, imported):
    """`set --where TERMS --revert FIELD` dropped what was set by hand on every photo the search selected, without
    a word, where `forget --where` asks: a slip of the search lost a desk's corrections. It now asks, and off a
    terminal it needs --yes."""
    assert cli("set", "--where", "in:China", "city=Wuhu").exit_code == 0
    refused = cli("set", "--where", "in:China", "--revert", "city")
    assert refused.exit_code == 2, refused.output
    assert "--where selects 2 photos; add --yes to revert city on them" in refused.output
    assert {photo["location"]["city"] for photo in _json(cli, "search", "in:China")} == {"Wuhu"}
    done = cli("set", "--where", "in:China", "--revert", "city", "--yes")
    assert done.exit_code == 0, done.output
    assert {photo["location"]["city"] for photo in _json(cli, "search", "in:China")} == {"Hefei", "Lanzhou New Area"}
    # forget --where asks the same way (it failed inside catalog where warnings are errors)
    refused = cli("forget", "--where", "in:China")
    assert refused.exit_code == 2 and "--where selects 2 photos; add --yes to forget them" in refused.output
    # one photo named by hand is the person's own choice: no question
    assert cli("set", "hefei-aircraft.jpg", "city=Wuhu").exit_code == 0
    assert cli("set", "hefei-aircraft.jpg", "--revert", "city").exit_code == 0


def test_set_many_photos_by_a_search(cli, imported):
    done = cli("set", "--where", "in:China", "keywords=China desk")
    assert done.exit_code == 0, done.output
    assert "2 photos set" in done.output
    assert len(_json(cli, "search", "keyword:desk")) == 2


@pytest.mark.parametrize(("args", "message"), [
    (["hefei-aircraft.jpg", "wrong=1"], "cannot set 'wrong'"),
    (["hefei-aircraft.jpg", "taken=someday"], "taken=someday"),
    (["hefei-aircraft.jpg", "location.lat=123"], "within ±90"),
    (["hefei-aircraft.jpg", "city="], "--revert location.city"),
    (["hefei-aircraft.jpg"], "say what to set"),
    (["hefei-aircraft.jpg", "caption=one", "caption=two"], "caption is given twice ('one' and 'two'); give it once"),
    (["hefei-aircraft.jpg", "city=Hefei", "location.city=Lanzhou"], "location.city is given twice"),
    (["hefei-aircraft.jpg", "--revert", "colour"], "cannot revert 'colour'"),
])
def test_set_refuses_what_it_cannot_keep(cli, imported, args, message):
    result = cli("set", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_forget_removes_records_not_files(cli, imported):
    result = cli("forget", "gansu-bullet-train.jpg")
    assert result.exit_code == 0, result.output
    assert (imported / "gansu-bullet-train.jpg").exists()
    assert len(_json(cli, "search")) == 2
    assert cli("show", "gansu-bullet-train.jpg").exit_code == 1
    assert cli("search", "train").exit_code == 0  # the full-text index forgot it too
    assert "train" not in cli("search", "train").output


# --- 3. an empty value is a usage error ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "term", ["by:,", "-by:,", "credit:,", "-credit:,", "keyword:,", "-keyword:,", "in:,", "in: , "]
)
def test_an_empty_field_value_is_a_usage_error(cli, imported, term):
    result = cli("search", "--", term)
    assert result.exit_code == 2
    assert "needs a value" in result.output


# --- 4. spreadsheet formulas in CSV -----------------------------------------------------------------------------

def test_no_csv_cell_can_run_as_a_formula(cli, samples):
    jpeg_with_metadata(samples / "evil.jpg", iptc={
        "Iptc.Application2.Caption": '=HYPERLINK("http://evil.example/","click")',
        "Iptc.Application2.Credit": "+SUM(1,2)", "Iptc.Application2.City": "@cmd",
        "Iptc.Application2.Byline": "-2+3",
    })
    assert cli("import", str(samples)).exit_code == 0
    outputs = [
        cli("search", "--format", "csv").output,
        cli("export", "--format", "csv").output,
        cli("credits", "--format", "csv").output,
        cli("places", "--format", "csv").output,
    ]
    cells = [cell for text in outputs for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://evil.example/\",\"click\")" in cells
    assert "'@cmd" in cells


# --- 5. a mistyped --db makes nothing --------------------------------------------------------------------------

def test_a_mistyped_db_is_an_error_not_a_new_catalogue(cli, tmp_path, imported):
    from click.testing import CliRunner

    from catalog.cli import main

    typo = tmp_path / "corpsu.db"
    result = CliRunner().invoke(main, ["--db", str(typo), "search", "in:Canada"])
    assert result.exit_code == 1
    assert "there is no catalogue at" in result.output
    assert not typo.exists()
    result = CliRunner().invoke(main, ["--db", str(typo), "import", str(tmp_path / "nonexistent")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert not typo.exists()


# --- 6. one file reached by two paths is one photo ---------------------------------------------------------------

def test_a_symlinked_folder_is_the_same_photos(cli, imported, tmp_path):
    link = tmp_path / "s4link"
    link.symlink_to(imported, target_is_directory=True)
    result = cli("import", str(link))
    assert result.exit_code == 0, result.output
    assert "0 added" in result.output
    assert len(_json(cli, "search")) == 3


def test_a_hard_link_is_the_same_photo(cli, imported, tmp_path):
    other = tmp_path / "desk2"
    other.mkdir()
    os.link(imported / "hefei-aircraft.jpg", other / "aircraft-copy.jpg")
    result = cli("import", str(other))
    assert result.exit_code == 0, result.output
    assert "0 added" in result.output
    assert len(_json(cli, "search")) == 3


def test_hard_links_in_one_import_are_one_photo_however_the_batches_fall(cli, tmp_path, monkeypatch):
    """Two names of one file arriving together are one photo, as they are when one came in an earlier import;
    with batches of one file and of many the answer is the same."""
    from catalog import importer

    folder = tmp_path / "linked"
    folder.mkdir()
    shutil.copy(IMAGES / "hefei-aircraft.jpg", folder / "a-first.jpg")
    os.link(folder / "a-first.jpg", folder / "b-second.jpg")
    os.link(folder / "a-first.jpg", folder / "c-third.jpg")
    shutil.copy(IMAGES / "gansu-bullet-train.jpg", folder / "d-other.jpg")
    monkeypatch.setattr(importer, "BATCH_SECONDS", 3600.0)  # all four in one batch, however slow the machine
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output
    assert result.output.count("(a link to it); not added twice") == 2
    assert len(_json(cli, "search")) == 2
    monkeypatch.setattr(importer, "BATCH", 1)
    again = cli("--db", str(tmp_path / "one-at-a-time.db"), "import", str(folder))
    assert "2 added" in again.output, again.output
    assert again.output.count("(a link to it); not added twice") == 2


def test_a_rename_is_found_by_the_files_identity(cli, imported):
    before = _one(cli, "gansu-bullet-train.jpg")
    (imported / "gansu-bullet-train.jpg").rename(imported / "renamed.jpg")
    assert "1 moved" in cli("import", str(imported)).output
    assert _one(cli, "renamed.jpg")["id"] == before["id"]


# --- 8. a name that is not UTF-8 -------------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="byte file names are POSIX")
def test_a_file_name_that_is_not_utf8_is_kept_and_shown_escaped(cli, tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    raw = os.fsencode(str(folder)) + b"/caf\xe9.jpg"
    try:
        with open(raw, "wb") as handle:
            plain = tmp_path / "plain.jpg"
            plain_jpeg(plain)
            handle.write(plain.read_bytes())
    except OSError:
        pytest.skip("this file system refuses byte names")
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    [record] = _json(cli, "search")
    assert record["path"].endswith("caf\\xe9.jpg")
    again = cli("import", str(folder))
    assert "1 unchanged" in again.output
    paths = cli("search", "--format", "paths").output
    assert "caf\\xe9.jpg" in paths


# --- 13, 14, 15, 17: display forms, counts, formats, paging ------------------------------------------------------

def test_the_taken_column_shows_the_time_in_the_photos_own_offset(cli, imported):
    table = cli("search", "in:Hefei").output
    assert "2025-10-14 10:32 +08:00" in table
    shown = cli("show", "hefei-aircraft.jpg").output
    assert "2025-10-14 10:32 +08:00" in shown


def test_json_uses_field_paths_for_sources_and_rounds_coordinates(cli, imported):
    record = _one(cli, "hefei-aircraft.jpg")
    assert {"camera.make", "credit.source", "credit.copyright"} <= set(record["sources"])
    assert not {"make", "source", "copyright"} & set(record["sources"])
    assert len(repr(record["location"]["lat"]).split(".")[1]) <= 7


def test_the_search_table_credits_in_house_style(cli, imported):
    table = cli("search", "in:Hefei").output
    assert "Photo/Zhang Dagang" in table


def test_a_page_of_a_search_says_of_how_many(cli, imported):
    result = cli("search", "--limit", "1")
    assert "1 of 3 photos" in result.output
    result = cli("search", "--limit", "1", "--offset", "1")
    assert "photos 2-2 of 3" in result.output


def test_newest_first_and_paging(cli, imported):
    oldest_first = [r["path"] for r in _json(cli, "search", "--sort", "date")]
    newest_first = [r["path"] for r in _json(cli, "search", "--sort", "date", "--reverse")]
    dated = oldest_first[:2]
    assert newest_first[:2] == dated[::-1]
    assert [r["path"] for r in _json(cli, "search", "--sort", "date", "--offset", "1", "--limit", "1")] == \
        oldest_first[1:2]


def test_a_template_implies_the_template_format(cli, imported):
    result = cli("search", "in:Gansu", "--template", "{location.province}")
    assert result.output.strip() == "Gansu"


def test_paths0_separates_names_with_nul(cli, imported):
    result = cli("search", "--format", "paths0")
    assert result.output.count("\0") == 3 and "\n" not in result.output


def test_credits_print_each_line_once_with_its_count(cli, samples):
    for name in ("a.jpg", "b.jpg"):
        jpeg_with_metadata(samples / name, iptc={"Iptc.Application2.Byline": "Li Xin",
                                                 "Iptc.Application2.Credit": "Xinhua"})
    assert cli("import", str(samples)).exit_code == 0
    lines = cli("credits").output.splitlines()
    assert len(lines) == len(set(lines))
    assert "Xinhua/Li Xin (2)" in lines


def test_a_deleted_file_is_marked_missing(cli, imported):
    (imported / "gansu-bullet-train.jpg").unlink()
    result = cli("import", str(imported))
    assert result.exit_code == 0, result.output
    assert "1 missing" in result.output
    record = _one(cli, "gansu-bullet-train.jpg")
    assert record["missing"] is True
    assert "missing" in cli("show", "gansu-bullet-train.jpg").output
    assert [r["path"] for r in _json(cli, "search", "missing:yes")] == [record["path"]]


# --- 12, 14, 15: errors in a person's words, notes that say what happened ---------------------------------------

def test_output_to_a_missing_folder_is_a_plain_error(cli, imported, tmp_path):
    result = cli("export", "-o", str(tmp_path / "nowhere" / "x.json"))
    assert result.exit_code == 1
    assert "the folder" in result.output and "does not exist" in result.output
    assert "please report it" not in result.output


def test_a_db_that_is_a_folder_or_not_a_database_is_named(tmp_path):
    from click.testing import CliRunner

    from catalog.cli import main

    (tmp_path / "folder.db").mkdir()
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "folder.db"), "search"])
    assert result.exit_code == 1 and "is a folder, not a catalogue" in result.output
    (tmp_path / "notes.db").write_text("shopping list")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "notes.db"), "search"])
    assert result.exit_code == 1 and f"{tmp_path / 'notes.db'} is not a catalogue" in result.output


def test_a_captions_row_for_a_file_not_imported_is_reported(cli, samples, tmp_path):
    captions = tmp_path / "captions.csv"
    captions.write_text("file,caption\ngansu-bullet-train.jpg,A train.\nmissing-one.jpg,Nobody.\n")
    result = cli("import", str(samples), "--captions", str(captions))
    assert result.exit_code == 0, result.output
    assert "the captions file names missing-one.jpg, which is not among the files imported" in result.output
    assert "gansu-bullet-train.jpg, which" not in result.output


def test_one_other_file_is_singular(cli, tmp_path):
    folder = tmp_path / "one"
    plain_jpeg(folder / "a.jpg")
    (folder / "notes.txt").write_text("not a photo")
    result = cli("import", str(folder))
    assert "(1 other file passed over)" in result.output


# --- 9. partial transfers -----------------------------------------------------------------------------------

def _photo_with_caption(path, **save):
    from PIL import Image

    Image.new("RGB", (600, 400), (30, 120, 200)).save(path, "JPEG", quality=90, **save)
    import pyexiv2

    with pyexiv2.Image(str(path)) as image:
        image.modify_iptc({"Iptc.Envelope.CharacterSet": "\x1b%G",
                           "Iptc.Application2.Caption": "A ferry leaves the harbour. (Xinhua/Li Xin)"})


def test_a_jpeg_cut_off_in_its_image_data_is_imported_and_reported_damaged(cli, tmp_path):
    folder = tmp_path / "ftp"
    folder.mkdir()
    _photo_with_caption(folder / "whole.jpg")
    _photo_with_caption(folder / "progressive.jpg", progressive=True)
    data = (folder / "whole.jpg").read_bytes()
    (folder / "cut.jpg").write_bytes(data[: int(len(data) * 0.7)])
    (folder / "trailer.jpg").write_bytes(data + bytes(300_000))  # data after the end marker is no damage
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    assert "4 added" in result.output
    assert [line.split(":")[0] for line in result.output.splitlines() if line.startswith("DAMAGED")] == \
        [f"DAMAGED {folder / 'cut.jpg'}"]
    damaged = _json(cli, "search", "damaged:yes")
    assert [r["path"] for r in damaged] == [str(folder / "cut.jpg")]
    assert damaged[0]["credit"]["photographer"] == "Li Xin"  # the metadata is there
    assert "cut short" in damaged[0]["damage"]
    assert len(_json(cli, "search", "damaged:no")) == 3
    assert "damaged: the image data stops before its end" in cli("show", "cut.jpg").output
