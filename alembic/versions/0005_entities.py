"""Places and people as things: the place entity of each photo, its search keys, and its credit tokens.

- photo.place: the place entity its stated place (or its GPS point) means (catalog.entities.place_of); its
  names join photo.search_text.
- place_key (photo_id, kind, key): "country:US", "province:CN-AH", "city:1808722" where the photo was taken
  ("taken") and what it shows ("shown"); indexed by (key, kind, photo_id) for `in:` and friends.
- person_token (photo_id, role, token): the name tokens of the photographer ("photographer", for `by:`), of
  every credit field ("credit") and the registry's agencies credited ("agency", "agency:ap"), for `credit:`;
  indexed by (token, role, photo_id).

Both new tables are WITHOUT ROWID on SQLite (the primary key is the table): an import writes two B-trees per
row instead of three.

Existing photos get all three here, from their stored columns, by the same functions an import uses: once,
inside the upgrade's transaction, after the backup `catalog.db.migrate` makes of a SQLite catalogue. A
refresh on open instead would ask every later command whether some photo still lacks them, and a search
run before it finished would miss photos. A stated place far from the photo's GPS point becomes a conflict
of the photo, as at import. (Reading the files again would give the same entities but needs every file to
be there; this needs none.)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

#: Photos read and written at a time.
BATCH = 1000


def upgrade() -> None:
    op.add_column('photo', sa.Column('place', sa.JSON(), nullable=True))
    op.create_table('place_key',
    sa.Column('photo_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_place_key_photo_id_photo'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('photo_id', 'kind', 'key', name=op.f('pk_place_key')),
    sqlite_with_rowid=False,
    )
    op.create_index('ix_place_key_lookup', 'place_key', ['key', 'kind', 'photo_id'], unique=False)
    op.create_table('person_token',
    sa.Column('photo_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_person_token_photo_id_photo'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('photo_id', 'role', 'token', name=op.f('pk_person_token')),
    sqlite_with_rowid=False,
    )
    op.create_index('ix_person_token_lookup', 'person_token', ['token', 'role', 'photo_id'], unique=False)
    _entities_of_existing_photos()


_COLUMNS = ('id', 'caption', 'headline', 'title', 'sublocation', 'city', 'province', 'country', 'country_code',
            'lat', 'lon', 'location_approx', 'location_shown', 'sources', 'conflicts', 'photographer',
            'credit_line', 'agency', 'provider', 'source', 'keywords')


def _entities_of_existing_photos() -> None:
    """Each photo's place, conflict, place keys and credit tokens, as an import would make them now."""
    from catalog import entities, place_memo
    from catalog.records import search_text, with_place_names

    types = {'location_approx': sa.Boolean, 'has_conflicts': sa.Boolean, 'lat': sa.Float, 'lon': sa.Float,
             'id': sa.Integer}
    json_columns = ('location_shown', 'sources', 'conflicts', 'place', 'keywords')
    photo = sa.table('photo', *[sa.column(name, sa.JSON if name in json_columns else types.get(name, sa.Text))
                                for name in (*_COLUMNS, 'place', 'has_conflicts', 'search_text')])
    place_key = sa.table('place_key', sa.column('photo_id', sa.Integer), sa.column('kind', sa.Text),
                         sa.column('key', sa.Text))
    person_token = sa.table('person_token', sa.column('photo_id', sa.Integer), sa.column('role', sa.Text),
                            sa.column('token', sa.Text))
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(sa.select(*[photo.c[name] for name in _COLUMNS]).where(photo.c.id > last)
                            .order_by(photo.c.id).limit(BATCH)).mappings().all()
        if not rows:
            break
        last = rows[-1]['id']
        keys, tokens = [], []
        for row in rows:
            values = dict(row)
            place, conflict = entities.place_of(values)
            values['place'] = place
            change = {'place': place}
            if place is not None:  # the place's names join the words a search finds it by, as at import
                change['search_text'] = with_place_names(search_text(values), place)
            if conflict is not None and not any(c.get('field') == 'place' for c in values['conflicts'] or []):
                change.update(conflicts=[*(values['conflicts'] or []), conflict], has_conflicts=True)
            bind.execute(photo.update().where(photo.c.id == row['id']).values(**change))
            keys += [{'photo_id': row['id'], 'kind': kind, 'key': key}
                     for kind, key in dict.fromkeys(entities.place_key_rows(values))]
            tokens += [{'photo_id': row['id'], 'role': role, 'token': token}
                       for role, token in entities.credit_rows(values)]
        if keys:
            bind.execute(place_key.insert(), keys)
        if tokens:
            bind.execute(person_token.insert(), tokens)
    place_memo.save()


def downgrade() -> None:
    op.drop_index('ix_person_token_lookup', table_name='person_token')
    op.drop_table('person_token')
    op.drop_index('ix_place_key_lookup', table_name='place_key')
    op.drop_table('place_key')
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_column('place')
