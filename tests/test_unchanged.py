"""The quick re-import (catalog.unchanged) answers exactly as the full import would, or leaves it to it.

Each case runs the real `catalog import` twice in child processes on one folder, into two copies of one
catalogue: once as it runs for a user (the quick check first), once with the check switched off (the full
import through SQLAlchemy). Printed lines, exit status, every row of every table (the times a write stamps
masked) and the files beside the catalogue must be the same; and the case says which path the first run
took, from whether SQLAlchemy was ever imported in it.
"""

from __future__ import annotations

import doctest
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalog import schema_version, unchanged
from catalog.unchanged import KNOWN_PATHS_LIMIT, check_unchanged
from tests.cli_process import environment
from tests.helpers import plain_jpeg

#: Runs `catalog ARGS` as the console script does; with CATALOG_TEST_FULL the quick check answers None (the
#: full import runs). At exit it writes to CATALOG_TEST_PATH which path ran: "quick" if the check answered
#: (with a note if SQLAlchemy was loaded all the same), else "full". (A first import need not load SQLAlchemy
#: either, catalog.quick_store, so its absence alone does not tell the two apart.)
RUNNER = """
import atexit, os, sys
import catalog.unchanged

answered = []
_check = catalog.unchanged.check_unchanged

def _checked(db, paths):
    report = None if os.environ.get("CATALOG_TEST_FULL") else _check(db, paths)
    answered.append(report is not None)
    return report

catalog.unchanged.check_unchanged = _checked

def _say_path():
    path = "quick" if any(answered) else "full"
    if path == "quick" and "sqlalchemy" in sys.modules:
        path += " (SQLAlchemy loaded)"
    with open(os.environ["CATALOG_TEST_PATH"], "w") as handle:
        handle.write(path)

atexit.register(_say_path)
from catalog.cli import main
main(sys.argv[1:], prog_name="catalog")
"""

#: Columns an import stamps with the time it writes: two runs seconds apart differ there and only there.
STAMPED = {"imported_at", "updated_at", "missing_since"}

SIDECAR = """<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title><rdf:Alt>
<rdf:li xml:lang='x-default'>Lanzhou, the river at dusk</rdf:li></rdf:Alt></dc:title></rdf:Description>
</rdf:RDF></x:xmpmeta>"""


def _run(tmp_path: Path, db: Path | str, *args: str, full: bool = False) -> tuple[int, str, str, str]:
    """(exit status, stdout, stderr, "quick" or "full") of `catalog --db DB ARGS` in a child process."""
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER)
    said = tmp_path / "path-taken"
    env = environment(CATALOG_TEST_PATH=str(said), **({"CATALOG_TEST_FULL": "1"} if full else {}))
    done = subprocess.run([sys.executable, str(runner), "--db", str(db), *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr, said.read_text()


def _timeless(text: str) -> str:
    """Printed lines without the import's duration and rate."""
    return re.sub(r" in \d+\.\d s( \([\d,]+ files/s\))?", " in _ s", text)


def _dump(path: Path) -> dict[str, list[str]]:
    """Every row of every table (the full-text index's own tables too), the stamped times masked."""
    connection = sqlite3.connect(path)  # read-write, as the catalog processes: it leaves no -wal or -shm behind
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        dump = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            names = [column[0] for column in cursor.description]
            dump[table] = sorted(repr(tuple("<stamped>" if name in STAMPED and value is not None else value
                                            for name, value in zip(names, row))) for row in cursor)
        return dump
    finally:
        connection.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def desk(tmp_path):
    """A folder of photos (one with a sidecar, one in a sub-folder, a file that is not an image) and a
    catalogue of it made by a first import; returns (folder, catalogue)."""
    folder = tmp_path / "photos"
    plain_jpeg(folder / "a.jpg")
    plain_jpeg(folder / "b.jpg", color=(200, 30, 30))
    plain_jpeg(folder / "c.jpg", color=(30, 200, 30))
    (folder / "c.xmp").write_text(SIDECAR, encoding="utf-8")
    plain_jpeg(folder / "sub" / "d.jpg", size=(80, 60), color=(30, 30, 200))
    (folder / "notes.txt").write_text("not a photo")
    catalogue = tmp_path / "base" / "catalog.db"
    catalogue.parent.mkdir()
    code, out, err, _ = _run(tmp_path, catalogue, "import", str(folder), full=True)
    assert (code, _timeless(out)) == (0, "4 added, 0 updated, 0 moved, 0 unchanged, 0 failed (2 other files "
                                         "passed over) in _ s\n"), err
    assert sorted(os.listdir(catalogue.parent)) == ["catalog.db"]  # closed cleanly: nothing in a WAL
    return folder, catalogue


def _differential(tmp_path: Path, catalogue: Path, *args: str) -> tuple[tuple, str, str]:
    """Import into two copies of `catalogue`, as a user runs it and through the full import; assert that
    both did the same. Returns (exit status, stdout, stderr) and which path the user's run took, and the
    digest of its catalogue's file before the run."""
    copies = {}
    for name in ("quick", "full"):
        copy = tmp_path / name / "catalog.db"
        copy.parent.mkdir()
        shutil.copyfile(catalogue, copy)
        copies[name] = copy
    before = _digest(copies["quick"])
    code, out, err, taken = _run(tmp_path, copies["quick"], "import", *args)
    full_code, full_out, full_err, full_taken = _run(tmp_path, copies["full"], "import", *args, full=True)
    assert full_taken == "full"
    assert (code, _timeless(out), _timeless(err)) == (full_code, _timeless(full_out), _timeless(full_err))
    assert sorted(os.listdir(copies["quick"].parent)) == sorted(os.listdir(copies["full"].parent)) == ["catalog.db"]
    assert _dump(copies["quick"]) == _dump(copies["full"])
    return (code, _timeless(out), _timeless(err)), taken, before


def test_an_unchanged_folder_is_answered_without_sqlalchemy_and_the_catalogue_is_untouched(desk, tmp_path):
    folder, catalogue = desk
    printed, taken, before = _differential(tmp_path, catalogue, str(folder))
    assert taken == "quick"
    assert printed == (0, "0 added, 0 updated, 0 moved, 4 unchanged, 0 failed (2 other files passed over) in _ s\n",
                       "")
    assert _digest(tmp_path / "quick" / "catalog.db") == before  # not a byte written


def test_a_file_that_fails_beside_unchanged_ones_is_reported_alike(desk, tmp_path):
    folder, catalogue = desk
    (folder / "broken.jpg").symlink_to(folder / "gone.jpg")
    printed, taken, before = _differential(tmp_path, catalogue, str(folder))
    assert taken == "quick"
    assert printed == (1, "0 added, 0 updated, 0 moved, 4 unchanged, 1 failed (2 other files passed over) in _ s\n",
                       f"FAILED  {folder / 'broken.jpg'}: a symbolic link to a file that does not exist\n")
    assert _digest(tmp_path / "quick" / "catalog.db") == before


def test_files_and_folders_named_one_by_one(desk, tmp_path):
    folder, catalogue = desk
    printed, taken, _ = _differential(tmp_path, catalogue, str(folder / "a.jpg"), str(folder / "sub"))
    assert taken == "quick"
    assert printed == (0, "0 added, 0 updated, 0 moved, 2 unchanged, 0 failed in _ s\n", "")


def test_a_name_that_is_not_utf8_is_matched_to_its_record(tmp_path):
    folder = tmp_path / "wires"
    plain_jpeg(folder / "plain.jpg")
    shutil.copyfile(folder / "plain.jpg", os.fsencode(folder) + b"/caf\xe9.jpg")
    catalogue = tmp_path / "base" / "catalog.db"
    catalogue.parent.mkdir()
    assert _run(tmp_path, catalogue, "import", str(folder), full=True)[0] == 0
    printed, taken, before = _differential(tmp_path, catalogue, str(folder))
    assert (taken, printed) == ("quick", (0, "0 added, 0 updated, 0 moved, 2 unchanged, 0 failed in _ s\n", ""))
    assert _digest(tmp_path / "quick" / "catalog.db") == before


def _change(folder: Path) -> None:
    plain_jpeg(folder / "b.jpg", size=(96, 64), color=(200, 30, 30))


def _add(folder: Path) -> None:
    plain_jpeg(folder / "e.jpg", color=(90, 90, 10))


def _delete(folder: Path) -> None:
    (folder / "a.jpg").unlink()


def _touch_sidecar(folder: Path) -> None:
    sidecar = folder / "c.xmp"
    info = sidecar.stat()
    os.utime(sidecar, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def _add_sidecar(folder: Path) -> None:
    (folder / "a.xmp").write_text(SIDECAR, encoding="utf-8")


def _move(folder: Path) -> None:
    (folder / "sub" / "d.jpg").rename(folder / "d-moved.jpg")


@pytest.mark.parametrize(("change", "expected"), [
    (_change, "0 added, 1 updated, 0 moved, 3 unchanged, 0 failed"),
    (_add, "1 added, 0 updated, 0 moved, 4 unchanged, 0 failed"),
    (_delete, "0 added, 0 updated, 0 moved, 3 unchanged, 0 failed, 1 missing"),
    (_touch_sidecar, "0 added, 1 updated, 0 moved, 3 unchanged, 0 failed"),
    (_add_sidecar, "0 added, 1 updated, 0 moved, 3 unchanged, 0 failed"),
    (_move, "0 added, 0 updated, 1 moved, 3 unchanged, 0 failed"),
], ids=["changed", "new", "deleted", "sidecar-touched", "sidecar-added", "moved"])
def test_any_change_runs_the_full_import(desk, tmp_path, change, expected):
    folder, catalogue = desk
    change(folder)
    (code, out, _), taken, _ = _differential(tmp_path, catalogue, str(folder))
    assert taken == "full"
    assert (code, out) == (0, f"{expected} ({3 if change is _add_sidecar else 2} other files passed over) in _ s\n")


def test_a_record_marked_missing_is_left_to_the_full_import(desk, tmp_path):
    """Gone before and still gone, or back unchanged: what becomes of the flag is the full import's call."""
    folder, catalogue = desk
    moved_away = tmp_path / "a.jpg"
    (folder / "a.jpg").rename(moved_away)
    code, out, _, _ = _run(tmp_path, catalogue, "import", str(folder), full=True)
    assert (code, _timeless(out)) == (0, "0 added, 0 updated, 0 moved, 3 unchanged, 0 failed, 1 missing "
                                         "(2 other files passed over) in _ s\n")
    assert check_unchanged(str(catalogue), [str(folder)]) is None
    (code, out, _), taken, _ = _differential(tmp_path, catalogue, str(folder))
    assert (taken, code, out) == ("full", 0, "0 added, 0 updated, 0 moved, 3 unchanged, 0 failed "
                                             "(2 other files passed over) in _ s\n")
    moved_away.rename(folder / "a.jpg")
    assert check_unchanged(str(catalogue), [str(folder)]) is None


def test_the_quick_answer_is_the_full_imports_report(desk):
    folder, catalogue = desk
    (folder / "broken.jpg").symlink_to(folder / "gone.jpg")
    report = check_unchanged(str(catalogue), [str(folder)])
    assert report is not None
    assert (report.added, report.updated, report.moved, report.unchanged, report.skipped, report.missing) == \
        (0, 0, 0, 4, 2, 0)
    assert [(failure.path, failure.reason) for failure in report.failures] == [
        (str(folder / "broken.jpg"), "a symbolic link to a file that does not exist")]
    assert check_unchanged(f"sqlite:///{catalogue}", [str(folder)]) is not None  # the URL form of the same file


def test_catalogues_and_options_the_check_leaves_to_the_full_import(desk, tmp_path, monkeypatch):
    folder, catalogue = desk
    assert check_unchanged(str(catalogue), [str(folder)]) is not None
    # PostgreSQL, SQLite written with options, in memory, a catalogue that does not exist yet, a folder
    assert check_unchanged("postgresql+psycopg://desk@127.0.0.1/news", [str(folder)]) is None
    assert check_unchanged(f"sqlite:///{catalogue}?mode=ro", [str(folder)]) is None
    assert check_unchanged("sqlite://", [str(folder)]) is None
    assert check_unchanged(str(tmp_path / "new.db"), [str(folder)]) is None
    assert not (tmp_path / "new.db").exists()
    assert check_unchanged(str(folder), [str(folder)]) is None
    # more paths than the full import asks the catalogue about one by one
    many = [str(folder / "a.jpg")] * (KNOWN_PATHS_LIMIT + 1)
    assert check_unchanged(str(catalogue), many) is None
    assert check_unchanged(str(catalogue), many[:KNOWN_PATHS_LIMIT]) is not None
    # a file that is not a catalogue
    (tmp_path / "notes.db").write_text("not a database")
    assert check_unchanged(str(tmp_path / "notes.db"), [str(folder)]) is None
    # a schema this version does not write
    monkeypatch.setattr(unchanged, "SCHEMA_HEAD", "0001")
    assert check_unchanged(str(catalogue), [str(folder)]) is None
    monkeypatch.undo()
    # not in write-ahead-log mode (the full import would switch it, a change to the file)
    connection = sqlite3.connect(catalogue)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    assert check_unchanged(str(catalogue), [str(folder)]) is None
    assert sorted(os.listdir(catalogue.parent)) == ["catalog.db"]


def test_house_rules_or_a_captions_file_run_the_full_import(desk, tmp_path):
    folder, catalogue = desk
    rules = tmp_path / "house.toml"
    rules.write_text("")
    code, out, err, taken = _run(tmp_path, catalogue, "--rules", str(rules), "import", str(folder))
    assert (code, taken) == (0, "full"), err
    captions = tmp_path / "captions.csv"
    captions.write_text("file,caption\nnone.jpg,A caption for no file\n")
    code, out, err, taken = _run(tmp_path, catalogue, "import", str(folder), "--captions", str(captions))
    assert (code, taken) == (0, "full"), err
    assert "NOTE    the captions file names none.jpg" in err


def test_the_docstrings_examples_and_the_default_catalogue():
    for module in (unchanged, schema_version):  # where the SQLite file a --db names is worked out
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0


def test_an_import_of_many_folders_marks_missing_only_what_is_gone_under_them(lib, tmp_path):
    """Given more than KNOWN_PATHS_LIMIT paths the import reads every record; the photos of other folders
    are not gone for that (they were all marked missing)."""
    folders = [tmp_path / "desk" / f"{n:02d}" for n in range(KNOWN_PATHS_LIMIT + 1)]
    photos = [plain_jpeg(folder / "photo.jpg", color=(n, 90, 90)) for n, folder in enumerate(folders)]
    other = plain_jpeg(tmp_path / "archive" / "old.jpg", color=(9, 9, 9))
    assert lib.import_paths([str(tmp_path / "desk"), str(other.parent)], workers=1).added == len(photos) + 1
    photos[0].unlink()
    report = lib.import_paths([str(folder) for folder in folders], workers=1)
    assert (report.unchanged, report.missing, report.failed) == (len(photos) - 1, 1, 0)
    assert [photo.path for photo in lib.search(["missing:yes"]).photos] == [str(photos[0])]
