"""The schema is made only by the migrations, and they agree with the models.

A new SQLite catalogue is made from catalog/sqlite_schema.sql, which tools/sqlite_schema.py writes by running
the migrations; the tests here hold the file to what the migrations make today.
"""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from catalog import db
from catalog.errors import DatabaseError
from catalog.models import Base


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(db.migrations_dir()))
    return ScriptDirectory.from_config(config)


def test_schema_head_constant_is_the_alembic_head():
    assert db.SCHEMA_HEAD == _script().get_current_head()


#: Indexes the migrations make on PostgreSQL alone (alembic 0013-0015), which the models do not declare.
POSTGRES_ONLY_INDEXES = ("ix_photo_search_fts", "ix_photo_span_by_id", "ix_photo_place_group_by_id",
                         "ix_photo_fts_repeats", "ix_photo_fts_path")


def test_models_and_migrations_do_not_drift(lib):
    def include(obj, name, type_, reflected, compare_to):
        return not (name or "").startswith("photo_fts") and name not in POSTGRES_ONLY_INDEXES

    with lib.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include, "compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_shipped_sqlite_schema_is_what_the_migrations_make():
    from tools.sqlite_schema import TARGET, migrated_schema

    assert TARGET.read_text(encoding="utf-8") == migrated_schema(), "run python -m tools.sqlite_schema"


def test_a_new_sqlite_catalogue_is_made_from_the_schema_file_with_the_same_result(tmp_path, monkeypatch):
    from catalog.library import Library
    from tools.sqlite_schema import migrated_schema

    made: list[str] = []
    real = db._run_alembic
    monkeypatch.setattr(db, "_run_alembic", lambda conn: (made.append("alembic"), real(conn)))
    Library.open(str(tmp_path / "new.db")).close()
    assert made == []  # the file made it, not Alembic
    with sqlite3.connect(tmp_path / "new.db") as conn:
        assert db.dump_sqlite_schema(conn) == migrated_schema()
        assert conn.execute("SELECT count(*) FROM photo_fts").fetchone() == (0,)  # the full-text index works


def test_a_schema_file_of_another_revision_is_not_used(tmp_path, monkeypatch):
    from catalog.library import Library

    stale = tmp_path / "stale.sql"
    stale.write_text(db.SQLITE_SCHEMA.read_text(encoding="utf-8").replace(
        f"-- revision: {db.SCHEMA_HEAD}\n", "-- revision: 0001\n"), encoding="utf-8")
    monkeypatch.setattr(db, "SQLITE_SCHEMA", stale)
    made: list[str] = []
    real = db._run_alembic
    monkeypatch.setattr(db, "_run_alembic", lambda conn: (made.append("alembic"), real(conn)))
    Library.open(str(tmp_path / "new.db")).close()
    assert made == ["alembic"]
    with sqlite3.connect(tmp_path / "new.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (db.SCHEMA_HEAD,)


def test_opening_creates_every_table(lib):
    tables = set(inspect(lib.engine).get_table_names())
    assert {"photo", "place_name", "setting", "alembic_version"} <= tables


def test_newer_catalogue_is_refused(tmp_path):
    path = tmp_path / "future.db"
    from catalog.library import Library

    Library.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version"):
        Library.open(str(path))
    assert path.read_bytes() == before


def test_a_database_of_something_else_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    from catalog.library import Library

    with pytest.raises(DatabaseError, match="not a catalogue"):
        Library.open(str(path))
    assert [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_default_location_is_catalog_db_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CATALOG_DB")
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'catalog.db'}"
    monkeypatch.setenv("CATALOG_DB", "elsewhere.db")
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert db.resolve_url("postgresql+psycopg://u@h/news") == "postgresql+psycopg://u@h/news"


def test_unknown_database_kind_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="SQLite or PostgreSQL"):
        db.create("mysql://u@h/news")


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        db.create(f"sqlite:///{tmp_path}/no/such/folder/catalog.db")


def test_sqlite_catalogue_uses_wal(lib):
    if lib.dialect != "sqlite":
        pytest.skip("SQLite only")
    with lib.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
