"""Before a picture runs: its restrictions and provenance, stories, kills, and what `catalog check` needs.

- photo.restrictions (JSON), and a row per restriction in `restriction` (kind, text, until in UTC, region,
  source), indexed by kind: `restricted:KIND` and `embargoed:yes` read them.
- photo.source_type, photo.ai, photo.c2pa: the IPTC Digital Source Type, whether the file says it was made
  by AI, and its C2PA Content Credentials (`ai:`, `c2pa:`).
- photo.transmission_reference: the wire's reference (IIM 2:103), which kill advisories name pictures by.
- photo.check_facts: what the caption says against what the file says, worked out at import.
- story and story_photo: named, ordered lists of photos, each use with when it was added (`used:`).
- kill: photos withdrawn, with the reason and the advisory.
- place_check: how far a stated place is from the GPS point, kept by `catalog check`.

Photos imported before this version hold none of the file's facts yet: their sidecar time is set to -1, so the
next import of their folders reads each of them again (nothing a person set is lost; it travels with the
record), and until then `catalog check` says which photos it could not check fully.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('photo', sa.Column('restrictions', sa.JSON(), nullable=True))
    op.add_column('photo', sa.Column('source_type', sa.String(length=64), nullable=True))
    op.add_column('photo', sa.Column('ai', sa.Boolean(), nullable=True))
    op.add_column('photo', sa.Column('c2pa', sa.JSON(), nullable=True))
    op.add_column('photo', sa.Column('transmission_reference', sa.String(length=64), nullable=True))
    op.add_column('photo', sa.Column('check_facts', sa.JSON(), nullable=True))
    op.create_index('ix_photo_ai', 'photo', ['ai'])
    op.create_index('ix_photo_transmission_reference', 'photo', ['transmission_reference'])
    op.create_table(
        'restriction',
        sa.Column('photo_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('until', sa.DateTime(), nullable=True),
        sa.Column('region', sa.Text(), nullable=True),
        sa.Column('source', sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name='fk_restriction_photo_id_photo', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('photo_id', 'position', name='pk_restriction'),
    )
    op.create_index('ix_restriction_kind', 'restriction', ['kind', 'photo_id'])
    op.create_table(
        'story',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_story'),
        sa.UniqueConstraint('name', name='uq_story_name'),
    )
    op.create_table(
        'story_photo',
        sa.Column('story_id', sa.Integer(), nullable=False),
        sa.Column('photo_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['story_id'], ['story.id'], name='fk_story_photo_story_id_story', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name='fk_story_photo_photo_id_photo', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('story_id', 'photo_id', name='pk_story_photo'),
    )
    op.create_index('ix_story_photo_photo', 'story_photo', ['photo_id', 'story_id'])
    op.create_table(
        'kill',
        sa.Column('photo_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('origin', sa.Text(), nullable=False),
        sa.Column('advisory', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name='fk_kill_photo_id_photo', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('photo_id', name='pk_kill'),
    )
    op.create_table(
        'place_check',
        sa.Column('photo_id', sa.Integer(), nullable=False),
        sa.Column('stated', sa.Text(), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('entity', sa.JSON(), nullable=True),
        sa.Column('distance_km', sa.Float(), nullable=True),
        sa.Column('conflict', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name='fk_place_check_photo_id_photo', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('photo_id', name='pk_place_check'),
    )
    # Read every photo again at its next import (see the docstring): -1 is no sidecar's time.
    op.execute("UPDATE photo SET sidecar_mtime_ns = -1")


def downgrade() -> None:
    op.drop_table('place_check')
    op.drop_table('kill')
    op.drop_index('ix_story_photo_photo', table_name='story_photo')
    op.drop_table('story_photo')
    op.drop_table('story')
    op.drop_index('ix_restriction_kind', table_name='restriction')
    op.drop_table('restriction')
    op.drop_index('ix_photo_transmission_reference', table_name='photo')
    op.drop_index('ix_photo_ai', table_name='photo')
    with op.batch_alter_table('photo', schema=None) as batch_op:
        for column in ('check_facts', 'transmission_reference', 'c2pa', 'ai', 'source_type', 'restrictions'):
            batch_op.drop_column(column)
