"""photo.place_group, indexed: what `catalog places` counts each photo under, in one column it groups by.

`places` grouped the photos by six fields of each photo's place JSON and the three stated names, so it read
every photo's row and parsed its JSON: 1.1 s of SQL at 100,000 photos on SQLite, 4.2 s on PostgreSQL, 15 s at
1,000,000. Those nine values are now kept as one compact JSON array (catalog.entities.place_group), written
with the place by every import, `set`, move and `copy` (catalog.store), and `ix_photo_place_group` lets the
database count the photos per group off the index alone. One column, not nine: SQLite groups the 100,000
rows of the index in 17 ms of CPU instead of 60 (bench/README.md, "places from an index").

The existing photos' groups are filled from their columns here, in batches of ids, on SQLite and PostgreSQL
alike; the index is made after the fill (one sort instead of a million insertions). A group spelt
differently than catalog.entities spells it (a character escaped another way) would only be counted in a
row of its own, which `places` adds to the same place.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

#: The fields of the place JSON in the group, then the stated names (catalog.entities.PLACE_GROUP, written
#: out: a migration keeps the shape it was written for).
FIELDS = ('country_code', 'country', 'province_code', 'province', 'id', 'city')
STATED = ('country', 'province', 'city')
#: Photos per UPDATE statement.
BATCH = 50_000


def upgrade() -> None:
    op.add_column('photo', sa.Column('place_group', sa.Text(), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        # to_json quotes a text as JSON does; ->> gives a JSON string's text and a number's digits.
        parts = [f"(CASE WHEN json_typeof(place) = 'object' THEN place->>'{name}' END)" for name in FIELDS]
        items = [f"coalesce(to_json({part})::text, 'null')" for part in [*parts, *STATED]]
        group = "'[' || " + " || ',' || ".join(items) + " || ']'"
    else:
        # json_array writes the compact form json.dumps(..., separators=(",", ":")) writes; a number is cast.
        parts = [f"CAST(json_extract(place, '$.\"{name}\"') AS TEXT)" for name in FIELDS]
        group = f"json_array({', '.join([*parts, *STATED])})"
    last = bind.execute(sa.text('SELECT max(id) FROM photo')).scalar() or 0
    for start in range(0, last, BATCH):
        bind.execute(sa.text(f'UPDATE photo SET place_group = {group} WHERE id > :start AND id <= :end'),
                     {'start': start, 'end': start + BATCH})
    op.create_index('ix_photo_place_group', 'photo', ['place_group'])


def downgrade() -> None:
    op.drop_index('ix_photo_place_group', table_name='photo')
    with op.batch_alter_table('photo') as batch_op:
        batch_op.drop_column('place_group')
