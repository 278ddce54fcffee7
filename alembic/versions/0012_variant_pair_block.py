"""variant_pair.block: the comparison's second measure for borderline pairs (likeness.Comparison.block).

Stage two now also measures the worst 8×8 block of the residual before the edge allowance, which tells a
subject stepping into the frame from a copy's resampling noise when the worst 5×5 patch cannot (the verdict
consults it for borderline pairs only: docs/variants.md). A kept comparison without it cannot be judged by
today's verdict, so likeness.MEASURES went from 1 to 2 and the rows measured before are deleted here rather
than left to be replaced one look-up at a time: no reader would ever read them again (they carry the old
stamp), and a pair never looked up again would keep its stale row for good. As with 0011, measuring them again
here would take as long as placing the whole catalogue; each photo's next look-up measures and keeps its pairs.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""
import sqlalchemy as sa

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text('DELETE FROM variant_pair'))
    op.add_column('variant_pair', sa.Column('block', sa.Float(), nullable=True))


def downgrade() -> None:
    op.execute(sa.text('DELETE FROM variant_pair'))  # measured by version 2: version 1 must measure them again
    # plain ALTER TABLE (SQLite 3.35+ drops a column in place): a batch copy would lose WITHOUT ROWID
    op.execute(sa.text('ALTER TABLE variant_pair DROP COLUMN block'))
