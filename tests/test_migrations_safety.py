"""Migrations are safe: an old catalogue is upgraded in one transaction after a backup; a failure changes nothing.

How an upgrade is tested while the project has few migrations: the test copies the real migrations folder
and adds a throwaway revision on top of the real head, then points `catalog.db.migrations_dir()` (and the
SCHEMA_HEAD constant the fast path compares with) at the copy. A catalogue built by the real migrations, with
photos in it, is then genuinely "old", and opening it runs the real `migrate()`: backup, lock, Alembic, commit.
A broken revision in the same way shows the rollback. Once the project has more than one real revision, the
real ones are tested too: a catalogue with photos is taken down to each older revision with Alembic's own
downgrade and opened again (and one is built fresh at each older revision).
"""

from __future__ import annotations

import shutil
import sqlite3
import textwrap

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from catalog import db, schema_version
from catalog.errors import DatabaseError
from catalog.library import Library
from tests.helpers import plain_jpeg

REAL_HEAD = db.SCHEMA_HEAD

GOOD_REVISION = '''
"""Throwaway test revision: a new table and a new column, as a real upgrade would add."""
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("album", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text))
    with op.batch_alter_table("setting") as batch:
        batch.add_column(sa.Column("note", sa.Text, nullable=True))


def downgrade():
    with op.batch_alter_table("setting") as batch:
        batch.drop_column("note")
    op.drop_table("album")
'''

BROKEN_REVISION = '''
"""Throwaway test revision that fails half-way: it makes a table, changes rows, then hits an error."""
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE photo SET caption = 'CLOBBERED'")
    op.execute("UPDATE no_such_table SET x = 1")


def downgrade():
    pass
'''


def _migrations_with(tmp_path, revision: str):
    """A copy of the real migrations folder with one more revision on top of the real head."""
    target = tmp_path / "migrations"
    shutil.copytree(db.migrations_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9001_throwaway.py").write_text(textwrap.dedent(revision.format(head=REAL_HEAD)))
    return target


@pytest.fixture
def old_catalogue(db_url, tmp_path):
    """A catalogue at the real head, with two photos and a setting: "old" once a revision is added."""
    folder = tmp_path / "photos"
    plain_jpeg(folder / "one.jpg")
    plain_jpeg(folder / "two.jpg", color=(10, 20, 30))
    library = Library.open(db_url)
    try:
        report = library.import_paths([str(folder)], workers=1)
        assert report.added == 2
        library.set_setting("rules", "house.toml")
    finally:
        library.close()
    return db_url


def _newer_code(monkeypatch, folder) -> None:
    """Make this process behave like a catalog release whose migrations are in `folder`."""
    monkeypatch.setattr(db, "migrations_dir", lambda: folder)
    monkeypatch.setattr(db, "SCHEMA_HEAD", "9001")
    monkeypatch.setattr(schema_version, "SCHEMA_HEAD", "9001")  # the quick read path's (catalog.quick_search)


def _state(url: str) -> tuple:
    """What the catalogue holds: its revision, tables, and photos (path, caption), settings."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            tables = set(inspect(conn).get_table_names())
            photos = conn.execute(text("SELECT path, caption, fingerprint FROM photo ORDER BY path")).all()
            settings = conn.execute(text("SELECT key, value FROM setting ORDER BY key")).all()
    finally:
        engine.dispose()
    return version, tables, [tuple(r) for r in photos], [tuple(r) for r in settings]


def _backups(url: str) -> list:
    path = db.sqlite_path(url)
    if path is None:
        return []
    return sorted(p for p in path.parent.glob(path.name + ".backup-*") if not p.name.endswith(("-wal", "-shm")))


def test_opening_an_old_catalogue_backs_it_up_then_upgrades_it(old_catalogue, monkeypatch, tmp_path):
    version, tables, photos, settings = _state(old_catalogue)
    assert version == REAL_HEAD and "album" not in tables
    _newer_code(monkeypatch, _migrations_with(tmp_path, GOOD_REVISION))

    Library.open(old_catalogue).close()

    new_version, new_tables, new_photos, new_settings = _state(old_catalogue)
    assert new_version == "9001"
    assert new_tables == tables | {"album"}
    assert (new_photos, new_settings) == (photos, settings)
    if db.sqlite_path(old_catalogue):
        [backup] = _backups(old_catalogue)
        assert _state(f"sqlite:///{backup}") == (version, tables, photos, settings)
        conn = sqlite3.connect(backup)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    # Opening again finds nothing to do and makes no second backup.
    Library.open(old_catalogue).close()
    assert len(_backups(old_catalogue)) == (1 if db.sqlite_path(old_catalogue) else 0)


def test_a_failing_upgrade_rolls_back_and_says_how_to_restore(old_catalogue, monkeypatch, tmp_path):
    before = _state(old_catalogue)
    _newer_code(monkeypatch, _migrations_with(tmp_path, BROKEN_REVISION))

    with pytest.raises(DatabaseError) as caught:
        Library.open(old_catalogue)

    message = str(caught.value)
    assert "could not upgrade the catalogue's schema" in message
    assert "no_such_table" in message
    assert "Nothing was changed" in message
    assert _state(old_catalogue) == before  # no half_done table, no clobbered captions, same revision
    if db.sqlite_path(old_catalogue):
        [backup] = _backups(old_catalogue)
        assert str(backup) in message and "copy it back" in message
        assert _state(f"sqlite:///{backup}") == before


def test_the_cli_reports_a_failed_upgrade_without_a_traceback(old_catalogue, monkeypatch, tmp_path, cli):
    _newer_code(monkeypatch, _migrations_with(tmp_path, BROKEN_REVISION))
    result = cli("search")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "could not upgrade the catalogue's schema" in result.output


def test_the_restore_advice_works(old_catalogue, monkeypatch, tmp_path):
    """Copying the backup back over the catalogue gives the catalogue as it was, which current code opens."""
    path = db.sqlite_path(old_catalogue)
    if path is None:
        pytest.skip("backups are made of SQLite files; PostgreSQL relies on the transaction alone")
    before = _state(old_catalogue)
    _newer_code(monkeypatch, _migrations_with(tmp_path, GOOD_REVISION))
    Library.open(old_catalogue).close()
    monkeypatch.undo()
    [backup] = _backups(old_catalogue)
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(backup, path)
    library = Library.open(old_catalogue)
    try:
        assert library.count() == 2
    finally:
        library.close()
    assert _state(old_catalogue) == before


def test_a_catalogue_from_a_newer_version_is_refused_by_the_cli(tmp_path, cli, db_url):
    Library.open(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    result = cli("search")
    assert result.exit_code == 1
    assert "made by a newer version of catalog" in result.output and "upgrade catalog" in result.output
    assert "Traceback" not in result.output
    assert _state(db_url)[0] == "9999_from_the_future"


def _older_real_revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(db.migrations_dir()))
    revisions = [script.revision for script in ScriptDirectory.from_config(config).walk_revisions()]
    return revisions[1:]  # walk_revisions goes from the head down


def _alembic(url: str, action, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(db.migrations_dir()))
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            action(config, revision)
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", _older_real_revisions() or [
    pytest.param(None, marks=pytest.mark.skip(reason="only one real revision so far: nothing older to upgrade"))])
def test_a_catalogue_taken_back_to_an_older_real_revision_upgrades_with_its_photos(revision, old_catalogue):
    """The real migrations, down and up again: a catalogue as an older release left it opens, photos and all."""
    _, tables, photos, settings = _state(old_catalogue)
    _alembic(old_catalogue, command.downgrade, revision)
    assert _state(old_catalogue)[0] == revision

    Library.open(old_catalogue).close()

    assert _state(old_catalogue) == (REAL_HEAD, tables, photos, settings)
    if db.sqlite_path(old_catalogue):
        [backup] = _backups(old_catalogue)
        assert _state(f"sqlite:///{backup}")[0] == revision


@pytest.mark.parametrize("revision", _older_real_revisions() or [
    pytest.param(None, marks=pytest.mark.skip(reason="only one real revision so far: nothing older to upgrade"))])
def test_a_catalogue_made_at_an_older_real_revision_upgrades(revision, tmp_path):
    path = tmp_path / "old.db"
    _alembic(f"sqlite:///{path}", command.upgrade, revision)
    Library.open(str(path)).close()
    assert _state(f"sqlite:///{path}")[0] == REAL_HEAD
    assert len(_backups(f"sqlite:///{path}")) == 1
