"""Alembic environment: runs the migrations on the connection the catalogue hands over (or on CATALOG_DB)."""

import os

from alembic import context
from sqlalchemy import create_engine

from catalog.models import Base

config = context.config
target_metadata = Base.metadata

#: Objects the migrations make that the models do not describe (full-text machinery per database: the FTS5
#: table photo_fts on SQLite; on PostgreSQL the table photo_fts, its GIN index, and the trigram indexes
#: photo_fts_trgm_* for by: and credit:; and PostgreSQL's covering index of the photos' spans by id, alembic 0013).
UNMODELLED = {"photo_fts", "ix_photo_search_fts", "ix_photo_span_by_id"}


def include_object(obj, name, type_, reflected, compare_to):
    """Leave the database-specific full-text objects out of autogenerate comparisons."""
    return not (name or "").startswith("photo_fts") and name not in UNMODELLED


def run_migrations_online() -> None:
    """Migrate on the connection from config.attributes, or on a fresh engine for `alembic` run by hand."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get("CATALOG_DB", "sqlite:///catalog.db")
    if "://" not in url:
        url = f"sqlite:///{url}"
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run them against a catalogue")
run_migrations_online()
