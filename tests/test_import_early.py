"""The import whose readers start before the catalogue is opened (catalog.unchanged.start_import) does what
the import that sorts and starts them itself does: the same rows in every table, on a new catalogue and on
one that holds records (changed files, a caption set by hand, a record marked missing, a captions file); and
it sorts and starts its readers without SQLAlchemy."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.captionsfile import load_captions_file
from catalog.library import Library
from catalog.reading import PARALLEL_THRESHOLD
from catalog.unchanged import start_import
from tests.cli_process import environment
from tests.helpers import jpeg_with_metadata, plain_jpeg
from tests.test_unchanged import STAMPED

CITIES = ["Lanzhou", "Hefei", "Kraków", "Nairobi"]


def _folder(folder: Path, count: int) -> Path:
    """`count` JPEGs, every fourth with a caption that names a place and a credit (enough for reader processes)."""
    for index in range(count):
        path = folder / ("sub" if index % 5 == 0 else "") / f"p{index:03d}.jpg"
        if index % 4 == 0:
            city = CITIES[index // 4 % len(CITIES)]
            jpeg_with_metadata(path, color=(index, 90, 200 - index), iptc={
                "Iptc.Application2.Caption": f"{city.upper()}, March 3, 2025 - A market at dawn. (Photo: Li Wei)",
                "Iptc.Application2.City": city})
        else:
            plain_jpeg(path, color=(index, 2 * index % 255, 30))
    return folder


def _import_both(tmp_path: Path, folder: Path, base: Path | None, captions_file: Path | None = None) -> tuple:
    """Import `folder` into two copies of `base` (or two new catalogues): one through start_import, one
    without; returns both reports and both catalogues."""
    results = []
    for name in ("early", "full"):
        catalogue = tmp_path / name / "catalog.db"
        catalogue.parent.mkdir(exist_ok=True)
        if base is not None:
            shutil.copyfile(base, catalogue)
        captions = load_captions_file(str(captions_file)) if captions_file else None
        early = start_import(str(catalogue), [str(folder)], captions=captions, workers=2) if name == "early" else None
        if name == "early":
            assert early is not None
            assert (early.reading is not None) == bool(early.wanted)
        library = Library.open(str(catalogue))
        try:
            report = library.import_paths([str(folder)], captions=captions, workers=2, early=early)
        finally:
            library.close()
        results.append((report, catalogue))
    return results


def _dump(path: Path) -> dict[str, list[str]]:
    """Every row of every table, the stamped times masked (a hand-set value's too) and each photo named by
    its path rather than its id (the readers finish in no set order, so ids are given in no set order
    either); the full-text index's own tables, which hold ids, are left out."""
    connection = sqlite3.connect(path)  # read-write, as the catalog processes: it leaves no -wal or -shm behind
    try:
        path_of = dict(connection.execute("SELECT id, path FROM photo"))
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'photo_fts%' ORDER BY name")]
        dump = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            names = [column[0] for column in cursor.description]
            rows = []
            for row in cursor:
                values = []
                for name, value in zip(names, row):
                    if table == "photo" and name == "id":
                        continue
                    if name == "photo_id":
                        value = path_of[value]
                    values.append("<stamped>" if name in STAMPED and value is not None else value)
                # the time a captions file's caption was taken, to the second: the two imports run seconds apart
                rows.append(re.sub(r'"at": "[0-9T:-]+"', '"at": <stamped>', repr(tuple(values))))
            dump[table] = sorted(rows)
        return dump
    finally:
        connection.close()


def _same(results) -> None:
    (early, early_db), (full, full_db) = results
    assert (early.added, early.updated, early.moved, early.unchanged, early.missing, early.failed) == (
        full.added, full.updated, full.moved, full.unchanged, full.missing, full.failed)
    assert _dump(early_db) == _dump(full_db)


def test_a_new_catalogue_is_filled_alike(tmp_path):
    folder = _folder(tmp_path / "photos", PARALLEL_THRESHOLD + 6)
    results = _import_both(tmp_path, folder, None)
    _same(results)
    assert results[0][0].added == PARALLEL_THRESHOLD + 6


def test_changes_to_a_catalogue_are_made_alike(tmp_path):
    folder = _folder(tmp_path / "photos", PARALLEL_THRESHOLD + 6)
    base = tmp_path / "base" / "catalog.db"
    base.parent.mkdir()
    library = Library.open(str(base))
    try:
        library.import_paths([str(folder)], workers=1)
        library.set_caption(str(folder / "p001.jpg"), "HEFEI, May 1, 2025 - Set by hand. (Photo: Wang Fang)")
    finally:
        library.close()
    os.remove(folder / "p002.jpg")  # gone: marked missing
    library = Library.open(str(base))
    try:
        library.import_paths([str(folder)], workers=1)
    finally:
        library.close()
    for index in range(1, PARALLEL_THRESHOLD + 6, 3):  # changed, the hand-set caption's file among them
        path = next(folder.rglob(f"p{index:03d}.jpg"), None)
        if path is not None:
            plain_jpeg(path, color=(10, index, 10))
    notes = tmp_path / "captions.csv"
    notes.write_text("file,caption\np004.jpg,\"NAIROBI, June 2, 2025 - From the notes. (Photo: Amina Otieno)\"\n")
    results = _import_both(tmp_path, folder, base, notes)
    _same(results)
    assert results[0][0].updated > PARALLEL_THRESHOLD // 3


def test_sorted_and_started_without_sqlalchemy(tmp_path):
    folder = _folder(tmp_path / "photos", PARALLEL_THRESHOLD)
    script = ("import sys; from catalog.unchanged import start_import; "
              "early = start_import(sys.argv[1], [sys.argv[2]], workers=2); "
              "assert early is not None and early.reading is not None; "
              "assert 'sqlalchemy' not in sys.modules, 'SQLAlchemy was imported'; "
              "results = list(early.reading); "
              "assert len(results) == len(early.wanted) and all(r.record is not None for r in results); print('read')")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "new.db"), str(folder)],
                          capture_output=True, text=True, env=environment(), timeout=300, check=False)
    assert (done.returncode, done.stdout) == (0, "read\n"), done.stderr
    assert not (tmp_path / "new.db").exists()  # the catalogue is made by the import's opening, not here


@pytest.mark.parametrize("kind", ["postgresql", "old schema", "a folder", "not a catalogue", "many paths"])
def test_left_to_the_full_import(tmp_path, kind):
    folder = _folder(tmp_path / "photos", 2)
    catalogue = tmp_path / "catalog.db"
    paths = [str(folder)]
    if kind == "postgresql":
        catalogue = "postgresql+psycopg://desk@127.0.0.1/news"  # type: ignore[assignment]
    elif kind == "old schema":
        library = Library.open(str(catalogue))
        library.close()
        import sqlite3

        with sqlite3.connect(catalogue) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '0001'")
        connection.close()
    elif kind == "a folder":
        catalogue.mkdir()  # the full import says what is wrong
    elif kind == "not a catalogue":
        catalogue.write_text("notes")
    else:
        paths = [str(path) for path in folder.iterdir()] * 30
    assert start_import(str(catalogue), paths, workers=2) is None
