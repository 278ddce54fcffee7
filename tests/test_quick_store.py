"""The quick write path (catalog.quick_store: new photos into SQLite through sqlite3 alone) makes the catalogue the
full path (catalog.store through SQLAlchemy) makes: every row of every table, on the sample images, on the real
files of ../shared/corpus/real, on a folder with hard links, copies and a captions file, and on a second import
that updates and moves photos (which the quick path hands to the full one). `catalog import` into a new SQLite
catalogue imports neither SQLAlchemy nor Alembic."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalog import quick_store, schema_version, sqlite_columns
from catalog.captions.rules import default_rules
from catalog.captionsfile import load_captions_file
from catalog.dates import span
from catalog.library import Library
from catalog.models import Base
from catalog.quick_store import QuickImport
from catalog.reading import PARALLEL_THRESHOLD, SENT_AS_TEXT, read_file
from catalog.scan import found_file
from catalog.store_rows import _objects_again
from catalog.unchanged import start_import
from tests.cli_process import environment
from tests.conftest import shared
from tests.helpers import jpeg_with_metadata, plain_jpeg
from tests.test_import_early import _dump, _folder

ROOT = Path(__file__).resolve().parent.parent
#: Columns of bytes, which sqlite3 stores as SQLAlchemy's LargeBinary does (a BLOB).
BYTES = {("photo", "raw_path"), ("variant_fingerprint", "fingerprint")}


def _import_quick(catalogue: Path, paths: list[str], captions_file: Path | None = None) -> tuple:
    """Import through the quick path, as `catalog import` does; (report, whether the Library was opened)."""
    captions = load_captions_file(str(captions_file)) if captions_file else None
    early = start_import(str(catalogue), paths, captions=captions, workers=2)
    assert early is not None
    opened: list[Library] = []

    def full() -> Library:
        opened.append(Library.open(str(catalogue)))
        return opened[-1]

    target = QuickImport.open(str(catalogue), early, full)
    assert target is not None
    try:
        report = target.import_paths(paths, captions=captions, workers=2, early=early)
    finally:
        target.close()
        for library in opened:
            library.close()
    return report, bool(opened)


def _import_full(catalogue: Path, paths: list[str], captions_file: Path | None = None):
    """Import through the Library alone (SQLAlchemy): the path every case took before the quick one."""
    captions = load_captions_file(str(captions_file)) if captions_file else None
    library = Library.open(str(catalogue))
    try:
        return library.import_paths(paths, captions=captions, workers=2)
    finally:
        library.close()


def _both(tmp_path: Path, paths: list[str], base: Path | None = None, captions_file: Path | None = None) -> tuple:
    """The same import through both paths, each into a new catalogue (or a copy of `base`); returns the quick
    report, whether the quick path opened the Library, and the full report."""
    catalogues = {}
    for name in ("quick", "full"):
        catalogues[name] = tmp_path / name / "catalog.db"
        catalogues[name].parent.mkdir(exist_ok=True)
        if base is not None:
            shutil.copyfile(base, catalogues[name])
    quick, opened = _import_quick(catalogues["quick"], paths, captions_file)
    full = _import_full(catalogues["full"], paths, captions_file)
    counts = ("added", "updated", "moved", "unchanged", "missing", "failed", "same_file", "damaged")
    assert {name: getattr(quick, name) for name in counts} == {name: getattr(full, name) for name in counts}
    assert sorted(f.path for f in quick.failures) == sorted(f.path for f in full.failures)
    quick_rows, full_rows = _dump(catalogues["quick"]), _dump(catalogues["full"])
    assert quick_rows.keys() == full_rows.keys()
    for table in full_rows:
        assert quick_rows[table] == full_rows[table], table
    return quick, opened, full


def test_the_sample_images_are_stored_alike_without_the_library(tmp_path):
    quick, opened, _ = _both(tmp_path, [str(ROOT / "images")])
    assert quick.added == 3 and not opened  # the quick path wrote them itself


def test_the_real_corpus_is_stored_alike(tmp_path):
    corpus = shared("corpus", "real")
    quick, opened, full = _both(tmp_path, [str(corpus)])
    assert quick.added > 200 and full.failed == quick.failed and not opened
    assert len(quick.damaged) > 1 and quick.damaged == sorted(quick.damaged)  # by path, whichever reader ended first
    with sqlite3.connect(tmp_path / "quick" / "catalog.db") as connection:  # thumbnails' fingerprints among them
        assert connection.execute("SELECT count(*) FROM variant_band").fetchone()[0] > 0
    connection.close()


def test_links_copies_captions_and_places_are_stored_alike(tmp_path):
    folder = _folder(tmp_path / "photos", PARALLEL_THRESHOLD + 6)
    os.link(folder / "p001.jpg", folder / "p001-link.jpg")           # a hard link: the same file, not added twice
    shutil.copyfile(folder / "p004.jpg", folder / "p004-copy.jpg")   # a copy: another photo with the same content
    jpeg_with_metadata(folder / "embargoed.jpg", iptc={
        "Iptc.Application2.Caption": "LANZHOU, March 3, 2025 - A market. (Photo: Li Wei)",
        "Iptc.Application2.SpecialInstructions": "EMBARGOED UNTIL 2099-01-01T00:00:00Z. NO ARCHIVE"})
    (folder / "notes.txt").write_text("not an image")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe1 cut short")
    notes = tmp_path / "captions.csv"
    notes.write_text("file,caption\np006.jpg,\"NAIROBI, June 2, 2025 - From the notes. (Photo: Amina Otieno)\"\n")
    quick, opened, _ = _both(tmp_path, [str(folder)], captions_file=notes)
    assert not opened
    assert quick.added == PARALLEL_THRESHOLD + 6 + 2 and quick.same_file and quick.failed == 1


def test_a_second_import_with_changes_and_moves_is_made_alike(tmp_path):
    folder = _folder(tmp_path / "photos", PARALLEL_THRESHOLD + 6)
    base = tmp_path / "base" / "catalog.db"
    base.parent.mkdir()
    _import_full(base, [str(folder)])
    library = Library.open(str(base))
    try:
        library.set_caption(str(folder / "p001.jpg"), "HEFEI, May 1, 2025 - Set by hand. (Photo: Wang Fang)")
    finally:
        library.close()
    os.rename(folder / "p001.jpg", folder / "p001-renamed.jpg")  # moved: keeps its record and its hand-set caption
    os.remove(folder / "p002.jpg")  # gone: marked missing
    plain_jpeg(folder / "p003.jpg", color=(1, 2, 3))  # changed
    plain_jpeg(folder / "new.jpg", color=(3, 2, 1))  # new
    quick, opened, _ = _both(tmp_path, [str(folder)], base)
    assert opened and (quick.moved, quick.updated, quick.added, quick.missing) == (1, 1, 1, 1)


def test_new_photos_into_a_catalogue_that_holds_records(tmp_path):
    first = _folder(tmp_path / "first", 8)
    base = tmp_path / "base" / "catalog.db"
    base.parent.mkdir()
    _import_full(base, [str(first)])
    second = _folder(tmp_path / "second", PARALLEL_THRESHOLD + 1)
    quick, opened, _ = _both(tmp_path, [str(first), str(second)], base)
    assert not opened and quick.added == PARALLEL_THRESHOLD + 1 and quick.unchanged == 8


@pytest.mark.parametrize("table", ["photo", "restriction", "place_name", "place_key", "person_token",
                                   "variant_fingerprint", "variant_band"])
def test_the_column_types_are_the_models(table):
    """What quick_store converts (JSON, booleans, datetimes) is what SQLAlchemy converts, column by column."""
    columns = Base.metadata.tables[table].columns
    kinds: dict[str, set[str]] = {"JSON": set(), "none_as_null": set(), "Boolean": set(), "DateTime": set()}
    for column in columns:
        kind = type(column.type).__name__
        if kind in kinds:
            kinds[kind].add(column.name)
            if kind == "JSON" and column.type.none_as_null:
                kinds["none_as_null"].add(column.name)
        assert kind not in ("LargeBinary", "PickleType", "Enum", "Numeric", "Date", "Time", "Interval") \
            or (table, column.name) in BYTES, f"{table}.{column.name} needs a converter"
    assert kinds["JSON"] == set(sqlite_columns.JSON_COLUMNS.get(table, ()))
    assert kinds["none_as_null"] == set(sqlite_columns.JSON_NONE_AS_NULL.get(table, ()))
    assert kinds["Boolean"] == set(sqlite_columns.BOOLEAN_COLUMNS.get(table, ()))
    assert kinds["DateTime"] == set(sqlite_columns.DATETIME_COLUMNS.get(table, ()))


def test_a_first_import_imports_neither_sqlalchemy_nor_alembic(tmp_path):
    """Nor the variant machinery (catalog.likeness), which only [variants] after_import = true needs."""
    folder = _folder(tmp_path / "photos", PARALLEL_THRESHOLD + 2)
    script = ("import sys; from catalog.cli import main; main(sys.argv[1:], standalone_mode=False); "
              "heavy = sorted(({m.split('.')[0] for m in sys.modules} | set(sys.modules)) "
              "& {'sqlalchemy', 'alembic', 'catalog.likeness', 'catalog.variant_rules'}); "
              "print('imported:', heavy)")
    done = subprocess.run([sys.executable, "-c", script, "--db", str(tmp_path / "new.db"), "import", str(folder)],
                          capture_output=True, text=True, env=environment(), timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "imported: []"
    with sqlite3.connect(tmp_path / "new.db") as connection:
        assert connection.execute("SELECT count(*) FROM photo").fetchone() == (PARALLEL_THRESHOLD + 2,)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_the_importing_process_sends_the_json_the_readers_encoded(tmp_path, monkeypatch):
    """A reader set up for the quick writer (ReaderSetup.json_text, as start_import sets it) completes the record
    and encodes its JSON columns; write_new sends that text as it is, so the importing process, which writes
    for every reader, encodes no JSON column of its own (here it cannot: json.dumps fails in it)."""
    rules = default_rules()
    results = [read_file(found_file(str(path)), rules, json_text=True) for path in sorted(ROOT.glob("images/*.jpg"))]
    assert all(result.record is not None and result.json_text for result in results)
    assert all(result.record["taken_start"] == span(result.record["taken"])[0] for result in results)
    # The columns the importing process does not read travel as their text alone; made again from it (as
    # sort_batch does for the Library), the record is the one a reader makes when the text is not asked for.
    assert all(result.record[name] is None for result in results for name in SENT_AS_TEXT)
    full_records = {}
    for result in results:
        full_records[result.found.path] = again = dict(result.record)
        _objects_again(again, result.json_text)
        assert sqlite_columns.stored_json(again) == result.json_text  # json.dumps gives the text back
    plain = read_file(results[0].found, rules)
    assert plain.json_text is None and plain.record == full_records[results[0].found.path]
    connection = quick_store.connect(tmp_path / "catalog.db")
    quick_store.create_schema(connection, schema_version.sqlite_schema_statements())

    def refuse(*args, **kwargs):
        raise AssertionError("the importing process encoded a JSON column")

    monkeypatch.setattr(json, "dumps", refuse)
    monkeypatch.setattr(quick_store, "json_text", refuse)
    with quick_store._transaction(connection):
        done, _ = quick_store.write_new(connection, results, {})
    monkeypatch.undo()
    assert done.added == len(results)
    for result in results:
        names = sorted(result.json_text)
        stored = connection.execute(f"SELECT {', '.join(names)} FROM photo WHERE path = ?",
                                    (result.found.path,)).fetchone()
        assert dict(zip(names, stored, strict=True)) == result.json_text
        # the text is what the converters make of the values (as the full path's SQLAlchemy types store them)
        record = {**full_records[result.found.path], "restrictions": None, "conflicts": None}
        _, pairs = quick_store._columns("photo", [record])
        assert sqlite_columns.stored_json(record) == {
            name: value for (name, _), value in zip(pairs, quick_store._row_values(record, pairs), strict=True)
            if name in sqlite_columns.JSON_COLUMNS["photo"]}
        assert names == sorted(sqlite_columns.JSON_COLUMNS["photo"])
    connection.close()


def test_none_and_bytes_are_bound_as_they_are_without_the_adapter_look_ups(tmp_path):
    """quick_store.connect registers adapters that give None and bytes back as they were: the same values are
    bound (NULL, a blob), the sqlite3 module no longer looks for __adapt__ and __conform__ on each."""
    connection = quick_store.connect(tmp_path / "bind.db")
    try:
        assert sqlite3.adapters[(type(None), sqlite3.PrepareProtocol)](None) is None
        blob = b"\x00\xffthumbnail"
        assert sqlite3.adapters[(bytes, sqlite3.PrepareProtocol)](blob) is blob
        connection.execute("CREATE TABLE t (a, b, c)")
        connection.execute("INSERT INTO t VALUES (?, ?, ?)", (None, blob, bytearray(b"z")))
        assert connection.execute("SELECT a, typeof(a), b, typeof(b), typeof(c) FROM t").fetchall() == [
            (None, "null", blob, "blob", "blob")]
    finally:
        connection.close()


def test_a_batchs_values_are_each_rows_values_one_row_after_another():
    """quick_store._values_of, which binds a batch's photo rows, gives what _row_values gives row by row: values a
    reader made taken as they are (and before the row's own), the other JSON columns, flags and times converted,
    rows with made values, rows without and rows whose made values name other columns, and a one-column table."""
    from datetime import datetime

    now = datetime(2025, 10, 14, 9, 30, 1, 250)
    rows = [{"path": f"/w/{n}.jpg", "keywords": ["news", n], "place": {"id": str(n)}, "damaged": n % 2 == 0,
             "ai": None, "imported_at": now, "missing_since": None, "title": None if n else "Flood"}
            for n in range(5)]
    made = [{"keywords": '["made"]', "place": None}, None, {}, {"place": '{"id": "9"}'}, {"keywords": "null"}]
    names, pairs = quick_store._columns("photo", rows)
    assert quick_store._values_of(rows, made, names, pairs) == [
        value for row, texts in zip(rows, made, strict=True) for value in quick_store._row_values(row, pairs, texts)]
    assert names == ["ai", "damaged", "imported_at", "keywords", "missing_since", "path", "place", "title"]
    assert quick_store._values_of(rows, made, names, pairs)[:len(names)] == [
        None, 1, "2025-10-14 09:30:01.000250", '["made"]', None, "/w/0.jpg", None, "Flood"]
    single = [{"placed": True}, {"placed": None}]
    names, pairs = quick_store._columns("variant_fingerprint", single)
    assert quick_store._values_of(single, [None, None], names, pairs) == [1, None]


def test_rows_with_the_same_columns_in_another_order_make_the_same_statements(tmp_path):
    """quick_store._insert names a table's columns in one order whatever order each batch's rows hold them in, so
    that batches of the same columns and sizes reuse the statements the sqlite3 module prepared (a photo INSERT of
    32 rows is 1,920 values to parse): the same rows are stored either way."""
    class Recording:
        def __init__(self, connection):
            self.connection, self.texts = connection, []

        def execute(self, sql, values=()):
            self.texts.append(sql)
            return self.connection.execute(sql, values)

    connection = sqlite3.connect(tmp_path / "order.db")
    connection.execute("CREATE TABLE t (a, b, c)")
    recording = Recording(connection)
    in_order = [{"a": n, "b": f"b{n}", "c": None} for n in range(5)]
    other_order = [{"c": n, "a": 10 + n, "b": f"b{10 + n}"} for n in range(5)]
    quick_store._insert(recording, "t", in_order)
    quick_store._insert(recording, "t", other_order)
    assert len(recording.texts) == 4 and recording.texts[:2] == recording.texts[2:]  # 4 + 1 rows, twice
    assert sorted(connection.execute("SELECT a, b, c FROM t")) == sorted(
        [(n, f"b{n}", None) for n in range(5)] + [(10 + n, f"b{10 + n}", n) for n in range(5)])
    connection.close()
