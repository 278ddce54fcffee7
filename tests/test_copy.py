"""`catalog copy --to`: a desk's SQLite catalogue into another catalogue, and the copy answers as the original.

The target is the `db_url` catalogue, so each test runs SQLite -> SQLite always and SQLite -> PostgreSQL when a
server is given (CATALOG_TEST_POSTGRES). The source is always a SQLite file, as a desk's catalogue is.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from catalog.library import Library
from catalog.moving import checksum, copy_catalogue, display_url, same_catalogue
from tests.cli_process import run_catalog
from tests.helpers import jpeg_with_metadata, plain_jpeg

#: Searches whose answers must be the same, record for record, in the copy: places, dates, credits, words
#: (accents folded, a hyphenated name, a phrase), negation, near:, and the default order.
QUERIES = [
    [], ["in:Gansu"], ["in:China", "-in:Hefei"], ["taken:2025-10"], ["taken:2025-08-01..2025-10-31"],
    ["released:2025-10-01"], ['by:"Zhang Dagang"'], ["credit:Space Administration"], ["train"], ["Tianwen-2"],
    ['"bullet train"'], ["-train"], ["krakow"], ["in:Kraków"], ["near:Hefei", "within:30km"], ["conflicts:yes"],
]


@pytest.fixture
def desk(tmp_path, samples, cli):
    """A desk's SQLite catalogue: the three samples (one caption from the press release), a Kraków photo, a
    setting; returns its path."""
    source = tmp_path / "desk.db"
    result = cli("--db", str(source), "import", str(samples), "--captions", str(samples / "tianwen2-press-release.txt"))
    assert result.exit_code == 0, result.output
    jpeg_with_metadata(tmp_path / "more" / "krakow.jpg", iptc={
        "Iptc.Application2.City": "Kraków", "Iptc.Application2.CountryName": "Poland",
        "Iptc.Application2.Caption": "Market square in Kraków, Poland, on May 3, 2024. (Photo/Józef Nowak)"})
    result = cli("--db", str(source), "import", str(tmp_path / "more"))
    assert result.exit_code == 0, result.output
    library = Library.open(str(source))
    library.set_setting("house.note", "copied with the catalogue")
    library.close()
    return source


def _answers(cli, location, terms) -> list:
    result = cli("--db", str(location), "search", *terms, "--format", "json", "--sort", "path")
    assert result.exit_code == 0, (terms, result.output)
    return json.loads(result.output) if result.output.strip() else []


def test_the_copy_answers_every_search_as_the_original(cli, desk, db_url):
    result = cli("--db", str(desk), "copy", "--to", db_url)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Copied 4 photos, ")
    assert f"from {desk}\n" in result.output
    assert "1 setting" in result.output and "the counts agree" in result.output

    for terms in QUERIES:
        assert _answers(cli, db_url, terms) == _answers(cli, desk, terms), terms
    assert _answers(cli, db_url, ["train"])  # the searches above found something
    assert len(_answers(cli, db_url, ["krakow"])) == 1
    for command in (["credits"], ["export"], ["show", "hefei-aircraft.jpg", "--format", "json"]):
        copy, original = cli("--db", db_url, *command), cli("--db", str(desk), *command)
        assert copy.exit_code == original.exit_code == 0, copy.output
        assert copy.output == original.output, command

    copied = Library.open(db_url)
    try:
        assert copied.get_setting("house.note") == "copied with the catalogue"
    finally:
        copied.close()


def test_ids_are_kept_and_new_photos_get_new_ones(cli, desk, db_url, tmp_path):
    assert cli("--db", str(desk), "copy", "--to", db_url).exit_code == 0
    original = {r["path"]: r["id"] for r in _answers(cli, desk, [])}
    assert {r["path"]: r["id"] for r in _answers(cli, db_url, [])} == original
    # After the copy the target's id sequence is past the highest copied id (PostgreSQL needs telling).
    plain_jpeg(tmp_path / "later" / "new.jpg")
    result = cli("--db", db_url, "import", str(tmp_path / "later"))
    assert result.exit_code == 0, result.output
    new = [r for r in _answers(cli, db_url, []) if r["path"].endswith("/new.jpg")]
    assert len(new) == 1 and new[0]["id"] > max(original.values())


def test_a_target_that_holds_photos_is_refused_unless_forced(cli, desk, db_url, tmp_path):
    plain_jpeg(tmp_path / "theirs" / "x.jpg")
    assert cli("--db", db_url, "import", str(tmp_path / "theirs")).exit_code == 0

    result = cli("--db", str(desk), "copy", "--to", db_url)
    assert result.exit_code == 2
    assert "not empty: it holds 1 photo" in result.output and "--force" in result.output
    assert [r["path"] for r in _answers(cli, db_url, [])] == [str(tmp_path / "theirs" / "x.jpg")]

    result = cli("--db", str(desk), "copy", "--to", db_url, "--force")
    assert result.exit_code == 0, result.output
    assert "after deleting the 1 photo it held" in result.output
    assert _answers(cli, db_url, []) == _answers(cli, desk, [])


def test_copying_back_down_to_sqlite_gives_the_same_catalogue(desk, db_url, tmp_path):
    """Up to the target and down again to a new file: same rows, same checksum, same full-text answers."""
    source, middle = Library.open(str(desk)), Library.open(db_url)
    back = Library.open(str(tmp_path / "back.db"))
    try:
        up = copy_catalogue(source, middle, batch=2)  # small batches: several INSERTs per table
        down = copy_catalogue(middle, back)
        assert (up.photos, up.place_names, up.settings) == (down.photos, down.place_names, down.settings)
        assert up.photos == 4 and up.place_names > 4 and up.settings == 1
        assert up.checksum == down.checksum
        for words in (["train"], ["krakow"], ["nowak"]):
            assert [p.path for p in back.search(words).photos] == [p.path for p in source.search(words).photos]
    finally:
        for library in (source, middle, back):
            library.close()
    assert _table_dump(desk) == _table_dump(tmp_path / "back.db")


def _table_dump(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in ("photo", "place_name", "setting")}


def test_a_copy_that_does_not_verify_leaves_the_target_as_it_was(desk, db_url, monkeypatch):
    import catalog.moving

    real = catalog.moving.checksum
    calls = []

    def tampered(session_or_connection):
        calls.append(1)
        return real(session_or_connection) + ("x" if len(calls) == 2 else "")  # the target's checksum differs

    monkeypatch.setattr(catalog.moving, "checksum", tampered)
    source, target = Library.open(str(desk)), Library.open(db_url)
    try:
        with pytest.raises(catalog.moving.CatalogError, match="does not match its source"):
            copy_catalogue(source, target)
        assert target.count() == 0
    finally:
        source.close()
        target.close()


def test_the_same_catalogue_and_a_missing_source_are_refused(cli, desk, tmp_path):
    result = cli("--db", str(desk), "copy", "--to", str(desk))
    assert result.exit_code == 2 and "same catalogue" in result.output
    result = cli("--db", str(tmp_path / "nothing.db"), "copy", "--to", str(tmp_path / "new.db"))
    assert result.exit_code == 1 and "there is no catalogue" in result.output
    assert not (tmp_path / "new.db").exists()


def test_a_target_that_is_not_a_catalogue_is_named_as_the_target(cli, desk, tmp_path):
    """The fault is in what --to names, so the message points there, not at --db; the source is untouched."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    before = desk.read_bytes()
    for target, problem in ((notes, "not a SQLite database"), (tmp_path, "is a folder")):
        result = cli("--db", str(desk), "copy", "--to", str(target))
        assert result.exit_code == 1 and problem in result.output, result.output
        assert "check --to" in result.output and "--db" not in result.output
    assert notes.read_text() == "not a database\n" and desk.read_bytes() == before
    result = cli("--db", str(notes), "search", "x")
    assert result.exit_code == 1 and "check --db" in result.output


def _newer(path):
    """`path` made a catalogue of a newer version of catalog: a schema revision this one does not know."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    return path


def test_a_source_that_cannot_be_copied_is_named_and_no_target_is_made(desk, tmp_path):
    """A --db that is no SQLite database failed inside the copy ("something went wrong inside catalog
    (DatabaseError ...)"), and a source refused for its schema (here a newer catalog's, where the advice was to
    open it once with this version, which refuses it) left an empty catalogue made at --to."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    newer = tmp_path / "newer.db"
    newer.write_bytes(desk.read_bytes())
    _newer(newer)
    target = tmp_path / "copy.db"
    for source, problem in ((notes, "not a SQLite database): check --db"),
                            (newer, "the catalogue to copy from was made by a newer version of catalog")):
        done = run_catalog("--db", source, "copy", "--to", target)
        err = done.stderr.decode()
        assert done.returncode == 1 and problem in err, err
        assert "went wrong" not in err and "Traceback" not in err
        assert not target.exists()


def test_a_target_from_a_newer_version_is_named_as_the_target(desk, tmp_path):
    target = tmp_path / "newer.db"
    target.write_bytes(desk.read_bytes())
    _newer(target)
    done = run_catalog("--db", desk, "copy", "--to", target)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "the catalogue to copy into (--to) was made by a newer version of catalog" in err, err


def test_an_unreachable_server_is_a_plain_error(cli, desk):
    result = cli("--db", str(desk), "copy", "--to", "postgresql+psycopg://nobody@127.0.0.1:1/news")
    assert result.exit_code == 1
    assert "cannot open the catalogue" in result.output and "Traceback" not in result.output


def test_urls_are_compared_and_shown_safely(tmp_path):
    (tmp_path / "a.db").touch()
    assert same_catalogue(f"sqlite:///{tmp_path}/a.db", f"sqlite:///{tmp_path}/./a.db")
    assert not same_catalogue(f"sqlite:///{tmp_path}/a.db", f"sqlite:///{tmp_path}/b.db")
    assert same_catalogue("postgresql+psycopg://u@db/news", "postgresql+psycopg://other@db:5432/news")
    assert not same_catalogue("postgresql+psycopg://u@db/news", "postgresql+psycopg://u@db/sport")
    assert display_url("postgresql+psycopg://news:s3cret@db/photos") == "postgresql+psycopg://news:***@db/photos"
    assert display_url(f"sqlite:///{tmp_path}/a.db") == f"{tmp_path}/a.db"


def test_checksum_covers_ids_paths_and_fingerprints(desk):
    engine = create_engine(f"sqlite:///{desk}")
    try:
        with engine.connect() as conn:
            before = checksum(conn)
            conn.execute(text("UPDATE photo SET path = path || '.moved' WHERE id = (SELECT min(id) FROM photo)"))
            assert checksum(conn) != before
            conn.rollback()
    finally:
        engine.dispose()


def test_a_value_holding_a_nul_is_named_when_postgresql_refuses_the_copy(desk, db_url):
    """A SQLite catalogue can hold a NUL in a value (a caption sent through the contact sheet's form before catalog
    dropped them); PostgreSQL cannot. The copy there was refused whole with the driver's words alone ("PostgreSQL
    text fields cannot contain NUL (0x00) bytes"), naming no photo; it now names the photo and the field."""
    with sqlite3.connect(desk) as conn:
        conn.execute("UPDATE photo SET caption = 'A train' || char(0) || ' in Gansu.' WHERE id = 1")
        path = conn.execute("SELECT path FROM photo WHERE id = 1").fetchone()[0]
    copied = run_catalog("--db", desk, "copy", "--to", db_url)
    if db_url.startswith("sqlite"):
        assert copied.returncode == 0, copied.stderr.decode()
        return
    assert copied.returncode == 1
    assert copied.stderr.decode() == (
        f"Error: photo 1 ({path}) holds a NUL character in its caption, which PostgreSQL cannot hold: set that value "
        "again in this catalogue (`catalog set` or `catalog caption`), then copy again; nothing was written to the "
        "target\n")
