"""Kills kept by the picture's fingerprint: a killed picture catalogued again comes back killed.

A kill (`kill`, one row per photo) went with the record: `forget --drop-kills` of a killed photo, then the same
file imported again (or found by a watcher's rescan of its hot folder), made a new record that was not killed,
and `catalog check` passed the picture. `kill_print` keeps each kill by the file fingerprint (photo.fingerprint,
XXH3-128 over the size and three sampled blocks, the same for the same bytes wherever they lie), written when a
photo is killed and when a killed photo is forgotten, and triggers on photo give the kill to a record that is
inserted with that fingerprint, or whose file becomes that picture (its fingerprint updated):

- SQLite: AFTER INSERT and AFTER UPDATE OF fingerprint, one row each (the new record's look-up by the primary key
  of a table that is usually empty, or nearly);
- PostgreSQL: AFTER INSERT for each statement over its new rows (an import's batch is one statement), and AFTER
  UPDATE OF fingerprint for each row whose fingerprint changed (a column list cannot take transition tables).

A photo that already has a kill keeps it. Every kill in the catalogue is kept by its photo's fingerprint here.

And a story that held a forgotten photo numbered the rest with a gap (1, 3): `forget` now closes a story up as
`story remove` does, and the gaps left by earlier forgets are closed here (positions 1..N in their order).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

_COLUMNS = "photo_id, reason, at, origin, advisory"
_SQLITE_APPLY = ("INSERT INTO kill (" + _COLUMNS + ") SELECT new.id, reason, at, origin, advisory FROM kill_print"
                 " WHERE fingerprint = new.fingerprint AND NOT EXISTS (SELECT 1 FROM kill WHERE photo_id = new.id);")


def upgrade() -> None:
    op.create_table(
        'kill_print',
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('origin', sa.Text(), nullable=False),
        sa.Column('advisory', sa.Text(), nullable=True),
        sa.Column('path', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('fingerprint', name='pk_kill_print'),
    )
    # The kills made before: one per fingerprint (two killed copies of one picture keep the first's reason).
    op.execute("INSERT INTO kill_print (fingerprint, reason, at, origin, advisory, path)"
               " SELECT photo.fingerprint, kill.reason, kill.at, kill.origin, kill.advisory, photo.path"
               " FROM kill JOIN photo ON photo.id = kill.photo_id WHERE true ORDER BY kill.at, photo.id"
               " ON CONFLICT (fingerprint) DO NOTHING")
    op.execute("UPDATE story_photo SET position = (SELECT count(*) FROM story_photo AS other"
               " WHERE other.story_id = story_photo.story_id AND other.position <= story_photo.position)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION kill_print_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                   " INSERT INTO kill (" + _COLUMNS + ") SELECT added.id, p.reason, p.at, p.origin, p.advisory"
                   " FROM added JOIN kill_print AS p ON p.fingerprint = added.fingerprint"
                   " ON CONFLICT (photo_id) DO NOTHING; RETURN NULL; END $$")
        op.execute("CREATE TRIGGER kill_print_insert AFTER INSERT ON photo REFERENCING NEW TABLE AS added"
                   " FOR EACH STATEMENT EXECUTE FUNCTION kill_print_added()")
        op.execute("CREATE FUNCTION kill_print_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                   " INSERT INTO kill (" + _COLUMNS + ") SELECT NEW.id, p.reason, p.at, p.origin, p.advisory"
                   " FROM kill_print AS p WHERE p.fingerprint = NEW.fingerprint"
                   " ON CONFLICT (photo_id) DO NOTHING; RETURN NULL; END $$")
        op.execute("CREATE TRIGGER kill_print_update AFTER UPDATE OF fingerprint ON photo FOR EACH ROW"
                   " WHEN (OLD.fingerprint IS DISTINCT FROM NEW.fingerprint) EXECUTE FUNCTION kill_print_changed()")
    else:
        op.execute("CREATE TRIGGER kill_print_insert AFTER INSERT ON photo BEGIN " + _SQLITE_APPLY + " END")
        op.execute("CREATE TRIGGER kill_print_update AFTER UPDATE OF fingerprint ON photo"
                   " WHEN old.fingerprint IS NOT new.fingerprint BEGIN " + _SQLITE_APPLY + " END")


def downgrade() -> None:
    op.execute("DROP TRIGGER kill_print_update ON photo" if op.get_bind().dialect.name == "postgresql"
               else "DROP TRIGGER kill_print_update")
    op.execute("DROP TRIGGER kill_print_insert ON photo" if op.get_bind().dialect.name == "postgresql"
               else "DROP TRIGGER kill_print_insert")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION kill_print_changed()")
        op.execute("DROP FUNCTION kill_print_added()")
    op.drop_table('kill_print')
