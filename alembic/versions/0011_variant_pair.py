"""variant_pair: stage two's measures of two fingerprints, kept so `similar:` need not measure them again.

`similar:PHOTO` found its candidates through the band index in about 20 ms at 100,000 photos, then aligned
and measured each of them (up to forty) at query time: most of its 100-230 ms. A placement measures the
same pairs when the photo arrives; they are now kept here (catalog.variants.compared), one row a pair, the
smaller id first, found from either side through the primary key and ix_variant_pair_other_id, each stamped
with the version of the comparison that measured it (likeness.MEASURES: another version measures again).

Left empty here: measuring every placed photo's candidates again would make this upgrade take as long as
placing the whole catalogue (about a tenth of a second a photo). A look-up measures the pairs it does not
find, as before, and `similar:` keeps them, so each photo's first look-up costs what it cost and the next
ones read; photos placed from now on store theirs as they are placed.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""
import sqlalchemy as sa

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'variant_pair',
        sa.Column('photo_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('other_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('measured_by', sa.Integer(), nullable=False),
        sa.Column('distance', sa.Float(), nullable=True),
        sa.Column('blob', sa.Float(), nullable=True),
        sa.Column('colour_blob', sa.Float(), nullable=True),
        sa.Column('overlap', sa.Float(), nullable=True),
        sa.Column('rotation', sa.Float(), nullable=True),
        sa.Column('box_left', sa.Float(), nullable=True),
        sa.Column('box_top', sa.Float(), nullable=True),
        sa.Column('box_right', sa.Float(), nullable=True),
        sa.Column('box_bottom', sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(['photo_id'], ['variant_fingerprint.photo_id'],
                                name=op.f('fk_variant_pair_photo_id_variant_fingerprint'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['other_id'], ['variant_fingerprint.photo_id'],
                                name=op.f('fk_variant_pair_other_id_variant_fingerprint'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('photo_id', 'other_id', name=op.f('pk_variant_pair')),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_variant_pair_other_id', 'variant_pair', ['other_id', 'photo_id'])


def downgrade() -> None:
    op.drop_index('ix_variant_pair_other_id', table_name='variant_pair')
    op.drop_table('variant_pair')
