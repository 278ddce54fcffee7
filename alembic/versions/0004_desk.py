"""What a desk sets by hand, a file's identity on disk, names that are not UTF-8, damaged and missing files.

- photo.manual: the values a person set (caption, credit, place, date, keywords ...), each with when and how;
  they outrank the file and travel with the photo when its file is moved or renamed. Captions set by hand or
  linked from an article before this version (sources.caption "manual" / "linked") move into it.
- photo.device, photo.inode: the file's identity on its file system, so a hard link or a path through a
  symlinked folder is the same photo, and a rename is recognised even before the fingerprint is compared.
- photo.raw_path: the bytes of a file name that is not valid UTF-8 (path then holds it with \\xNN escapes).
- photo.damaged: the image data is cut short (an interrupted transfer); the reason is in extra.damage.
- photo.missing_since: when an import or a watcher last found the file gone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""
from datetime import datetime

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('photo', sa.Column('manual', sa.JSON(), nullable=True))
    op.add_column('photo', sa.Column('device', sa.BigInteger(), nullable=True))
    op.add_column('photo', sa.Column('inode', sa.BigInteger(), nullable=True))
    op.add_column('photo', sa.Column('raw_path', sa.LargeBinary(), nullable=True))
    op.add_column('photo', sa.Column('damaged', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('photo', sa.Column('missing_since', sa.DateTime(), nullable=True))
    op.create_index('ix_photo_file_identity', 'photo', ['device', 'inode'])
    op.create_index('ix_photo_damaged', 'photo', ['damaged'])
    _keep_hand_captions()


def _keep_hand_captions() -> None:
    """Captions typed by hand or linked before this version become the first entries of photo.manual."""
    photo = sa.table('photo', sa.column('id', sa.Integer), sa.column('caption', sa.Text),
                     sa.column('sources', sa.JSON), sa.column('manual', sa.JSON),
                     sa.column('updated_at', sa.DateTime))
    bind = op.get_bind()
    rows = bind.execute(sa.select(photo.c.id, photo.c.caption, photo.c.sources, photo.c.updated_at)
                        .where(photo.c.caption.is_not(None))).fetchall()
    for pid, caption, sources, updated in rows:
        how = (sources or {}).get('caption')
        if how in ('manual', 'linked'):
            at = (updated or datetime.now()).isoformat(timespec='seconds')
            entry = {'caption': {'value': caption, 'at': at, 'by': 'linked' if how == 'linked' else 'hand'}}
            bind.execute(photo.update().where(photo.c.id == pid).values(manual=entry))


def downgrade() -> None:
    op.drop_index('ix_photo_damaged', table_name='photo')
    op.drop_index('ix_photo_file_identity', table_name='photo')
    with op.batch_alter_table('photo', schema=None) as batch_op:
        for column in ('missing_since', 'damaged', 'raw_path', 'inode', 'device', 'manual'):
            batch_op.drop_column(column)
