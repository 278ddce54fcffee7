"""PostgreSQL: a ranked word's page without ranking every match: the lexemes a photo holds twice, and paths in order.

A search by relevance for one word ranked every match with ts_rank to show the first page: `train` at 1,000,000
photos read 74,320 rows on 35,000 pages of photo_fts (144/185 ms p50/p95 on a quiet VM with the default 128 MB
of shared buffers, against 100). For a one-lexeme query ts_rank depends only on how often the lexeme occurs in
the photo (every position has the default weight; the rank is not normalised by length), so every photo that
has the word once ties at the lowest score, and ties go by path. Two indexes let search.py read the same page
without ranking those (search._ranked_in_tiers):

- ix_photo_fts_repeats, GIN over photo_fts_repeats(vector), the lexemes the vector holds two or more times:
  the photos that rank above the rest, ranked exactly;
- ix_photo_fts_path, photo_fts's path (collation "C", the order ties are broken in): the photos that have the
  word once, read in path order until the page is full.

SQLite ranks with FTS5's bm25 from its own index: nothing changes there.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # A stripped vector (no positions) of the lexemes with two or more positions; a lexeme kept without
    # positions counts once, as ts_rank counts it.
    op.execute(
        "CREATE FUNCTION photo_fts_repeats(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT"
        " PARALLEL SAFE AS $$ SELECT array_to_tsvector(ARRAY(SELECT lexeme FROM unnest(vector)"
        " WHERE cardinality(positions) > 1)) $$"
    )
    op.execute("CREATE INDEX ix_photo_fts_repeats ON photo_fts USING GIN (photo_fts_repeats(vector))")
    op.execute("CREATE INDEX ix_photo_fts_path ON photo_fts (path)")
    op.execute("ANALYZE photo_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_photo_fts_path")
    op.execute("DROP INDEX IF EXISTS ix_photo_fts_repeats")
    op.execute("DROP FUNCTION IF EXISTS photo_fts_repeats(tsvector)")
