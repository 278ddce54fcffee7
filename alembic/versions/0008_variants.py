"""Perceptual fingerprints and variant groups (issue 17): copies of one picture from many wires.

- variant_fingerprint: one row per photo whose pixels were read: its fingerprint (or none when they could
  not be), the file fingerprint it was made from, and its variant group.
- variant_band: the index of the fingerprints' window hashes, one row per 16-bit band (catalog.variants).

Both are filled as photos are fingerprinted (catalog.variants.fingerprint_pending), not here.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
import sqlalchemy as sa

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'variant_fingerprint',
        sa.Column('photo_id', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.LargeBinary(), nullable=True),
        sa.Column('file_fingerprint', sa.String(length=64), nullable=False),
        sa.Column('made_from', sa.String(length=16), nullable=True),
        sa.Column('group_id', sa.Integer(), nullable=True),
        sa.Column('placed', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_variant_fingerprint_photo_id_photo'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('photo_id', name=op.f('pk_variant_fingerprint')),
    )
    op.create_index(op.f('ix_variant_fingerprint_group_id'), 'variant_fingerprint', ['group_id'])
    op.create_index(op.f('ix_variant_fingerprint_placed'), 'variant_fingerprint', ['placed'])
    op.create_table(
        'variant_band',
        sa.Column('key', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('window', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('photo_id', sa.Integer(), nullable=False),
        sa.Column('hash', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_variant_band_photo_id_photo'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key', 'window', 'photo_id', 'hash', name=op.f('pk_variant_band')),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_variant_band_photo_id', 'variant_band', ['photo_id'])


def downgrade() -> None:
    op.drop_index('ix_variant_band_photo_id', table_name='variant_band')
    op.drop_table('variant_band')
    op.drop_index(op.f('ix_variant_fingerprint_placed'), table_name='variant_fingerprint')
    op.drop_index(op.f('ix_variant_fingerprint_group_id'), table_name='variant_fingerprint')
    op.drop_table('variant_fingerprint')
