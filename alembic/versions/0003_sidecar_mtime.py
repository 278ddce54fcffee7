"""photo.sidecar_mtime_ns: a sidecar added or edited after import makes the next import read the photo again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild), which SQLite and PostgreSQL both do in place.
    op.add_column('photo', sa.Column('sidecar_mtime_ns', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_column('sidecar_mtime_ns')
