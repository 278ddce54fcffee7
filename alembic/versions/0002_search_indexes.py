"""Indexes for searching 100,000 photos in milliseconds: date order, credit keys, place look-ups.

- photo (taken_start, taken, path, taken_end) replaces (taken_start): a page sorted by date is read in index
  order without sorting every match, and a `taken:` range is counted from the index alone.
- photo (photographer_key) and (credit_key): `by:` and `credit:` scan these narrow indexes, not whole rows.
- place_name (name, kind, level, photo_id) replaces (name, level): `in:` finds its photo ids in the index alone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_taken_start'))
        batch_op.create_index('ix_photo_taken_order', ['taken_start', 'taken', 'path', 'taken_end'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_photographer_key'), ['photographer_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_credit_key'), ['credit_key'], unique=False)
    with op.batch_alter_table('place_name', schema=None) as batch_op:
        batch_op.drop_index('ix_place_name_name_level')
        batch_op.create_index('ix_place_name_lookup', ['name', 'kind', 'level', 'photo_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('place_name', schema=None) as batch_op:
        batch_op.drop_index('ix_place_name_lookup')
        batch_op.create_index('ix_place_name_name_level', ['name', 'level'], unique=False)
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_credit_key'))
        batch_op.drop_index(batch_op.f('ix_photo_photographer_key'))
        batch_op.drop_index('ix_photo_taken_order')
        batch_op.create_index(batch_op.f('ix_photo_taken_start'), ['taken_start'], unique=False)
