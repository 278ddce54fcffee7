"""PostgreSQL: each photo's credit tokens beside its words in photo_fts, so that `by:` and a word meet in the index.

`in:China taken:2018..2024 by:zhang train` at 1,000,000 photos found its 1,120 photos by reading every page of
photo_fts that holds `train` (74,320 matches on 35,404 pages) to hash them against `zhang`'s 33,793 credit
tokens: 148/162 ms p50/p95 for a page on a quiet VM, 165/179 for its count, against 100. A GIN index cannot
give the photo id of a match without its row, and a photo id cannot be looked up in a GIN index.

photo_fts.tokens holds the photo's (role, token) rows of person_token, each as a 32-bit number
(photo_fts_token('photographer', 'zhang'), from the MD5 of `photographer:zhang`), GIN-indexed
(ix_photo_fts_tokens), so that `vector @@ 'train'` and `tokens @> ARRAY[photo_fts_token('photographer',
'zhang')]` are a BitmapAnd of two indexes of one table and only the 2,304 rows that have both are visited.
search.py adds the condition beside `by:`/`credit:`'s own (which stays, and decides).

Kept by triggers as a superset of the photo's tokens, which is all the added condition needs:

- photo_fts_insert (0013's, replaced): a new photo_fts row takes the tokens its photo has (none, when the photo
  is new: its person_token rows come after it);
- person_token_fts (AFTER INSERT, one statement over its new rows): the tokens added to the photo's row
  unless it holds them already. An import's new photos are written a second time here (their person_token
  rows follow the photo's); a photo read again with the same credit is not (its rows are deleted and
  inserted again: the delete leaves photo_fts alone, and the insert finds the tokens there);
- a token deleted stays in photo_fts.tokens until the row is written again (its search_text or path
  changes, then it takes the photo's tokens anew): a photo whose credit changed may be read by `by:` among
  the candidates, and `by:`'s own condition leaves it out.

0016's lexeme count (AFTER UPDATE of photo_fts) now counts only the rows whose vector changed, so that a
change of tokens does not unnest every lexeme of the rows twice to add nothing.

SQLite answers `by:` from its own index and words from FTS5: nothing changes there.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

#: As alembic 0013: ASCII punctuation (all but % and \) turned into spaces, so PostgreSQL's parser sees the words
#: FTS5 sees.
PUNCTUATION = "!\"#$&'()*+,-./:;<=>?@[]^_`{|}~"


def _vector(value: str) -> str:
    quoted = PUNCTUATION.replace("'", "''")
    return f"to_tsvector('simple'::regconfig, translate({value}, '{quoted}', '{' ' * len(PUNCTUATION)}'))"



#: 0016's lexeme counting of an UPDATE of photo_fts, over every row (the down migration puts it back) or only
#: over the rows whose vector changed.
_LEXEME_UPDATE = (
    "CREATE OR REPLACE FUNCTION photo_fts_lexeme_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " INSERT INTO photo_fts_lexeme AS counted (lexeme, photos) SELECT lexeme, sum(photos) FROM ("
    "SELECT lexeme, 1 * count(*) AS photos FROM {new}, unnest(tsvector_to_array(fts_new.vector)) AS lexeme"
    " GROUP BY lexeme UNION ALL"
    " SELECT lexeme, -1 * count(*) AS photos FROM {old}, unnest(tsvector_to_array(fts_old.vector)) AS lexeme"
    " GROUP BY lexeme) AS changes GROUP BY lexeme HAVING sum(photos) <> 0 ORDER BY lexeme ON CONFLICT (lexeme)"
    " DO UPDATE SET photos = counted.photos + EXCLUDED.photos; RETURN NULL; END $$"
)
_CHANGED = ("(SELECT fts_{side}.* FROM fts_new JOIN fts_old USING (photo_id)"
            " WHERE fts_new.vector IS DISTINCT FROM fts_old.vector) AS fts_{side}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # A token as a 32-bit number (the first 8 hex digits of the MD5 of `role:token`): 40 bytes a photo for its
    # four tokens or so, where the strings took 106 (photo_fts 330 -> 436 MB). Two tokens of one number make
    # the index find a photo that the term's own condition then leaves out: never a photo missed.
    op.execute("CREATE FUNCTION photo_fts_token(role text, token text) RETURNS integer LANGUAGE sql IMMUTABLE"
               " STRICT PARALLEL SAFE AS $$ SELECT ('x' || left(md5(role || ':' || token), 8))::bit(32)::integer $$")
    op.execute("CREATE FUNCTION photo_fts_tokens(photo integer) RETURNS integer[] LANGUAGE sql STABLE"
               " PARALLEL SAFE AS $$ SELECT ARRAY(SELECT DISTINCT photo_fts_token(role, token) FROM person_token"
               " WHERE photo_id = photo ORDER BY 1) $$")
    # Filled as the table is written anew once (a change of type rewrites it and builds its indexes again),
    # not by an UPDATE of every row, which would leave photo_fts twice its size and tell each index, and
    # 0016's count, of a million new row versions.
    op.execute("LOCK TABLE person_token IN SHARE MODE")  # no token comes or goes before the triggers are there
    op.execute("ALTER TABLE photo_fts ADD COLUMN tokens text")
    op.execute("ALTER TABLE photo_fts ALTER COLUMN tokens TYPE integer[] USING photo_fts_tokens(photo_id),"
               " ALTER COLUMN tokens SET DEFAULT '{}', ALTER COLUMN tokens SET NOT NULL")
    op.execute("CREATE INDEX ix_photo_fts_tokens ON photo_fts USING GIN (tokens)")
    op.execute(
        "CREATE OR REPLACE FUNCTION photo_fts_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" INSERT INTO photo_fts (photo_id, path, vector, tokens) SELECT id, path, {_vector('search_text')},"
        " photo_fts_tokens(id) FROM photo_fts_new; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION photo_fts_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " INSERT INTO photo_fts (photo_id, path, vector, tokens) VALUES (NEW.id, NEW.path,"
        f" {_vector('NEW.search_text')}, photo_fts_tokens(NEW.id))"
        " ON CONFLICT (photo_id) DO UPDATE SET path = EXCLUDED.path, vector = EXCLUDED.vector,"
        " tokens = EXCLUDED.tokens; RETURN NULL; END $$"
    )
    # The tokens a statement added, each photo's at once, in photo order (two writers lock rows in one order).
    op.execute(
        "CREATE FUNCTION person_token_fts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " UPDATE photo_fts SET tokens = ARRAY(SELECT DISTINCT unnest(photo_fts.tokens || added.tokens) ORDER BY 1)"
        " FROM (SELECT photo_id, array_agg(photo_fts_token(role, token)) AS tokens FROM token_new GROUP BY photo_id"
        " ORDER BY photo_id) AS added WHERE photo_fts.photo_id = added.photo_id"
        " AND NOT photo_fts.tokens @> added.tokens; RETURN NULL; END $$"
    )
    op.execute("CREATE TRIGGER person_token_fts AFTER INSERT ON person_token REFERENCING NEW TABLE AS token_new"
               " FOR EACH STATEMENT EXECUTE FUNCTION person_token_fts()")
    op.execute(_LEXEME_UPDATE.format(new=_CHANGED.format(side="new"), old=_CHANGED.format(side="old")))
    op.execute("ANALYZE photo_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_LEXEME_UPDATE.format(new="fts_new", old="fts_old"))
    op.execute("DROP TRIGGER IF EXISTS person_token_fts ON person_token")
    op.execute("DROP FUNCTION IF EXISTS person_token_fts()")
    op.execute(
        "CREATE OR REPLACE FUNCTION photo_fts_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" INSERT INTO photo_fts (photo_id, path, vector) SELECT id, path, {_vector('search_text')} FROM photo_fts_new;"
        " RETURN NULL; END $$"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION photo_fts_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" INSERT INTO photo_fts (photo_id, path, vector) VALUES (NEW.id, NEW.path, {_vector('NEW.search_text')})"
        " ON CONFLICT (photo_id) DO UPDATE SET path = EXCLUDED.path, vector = EXCLUDED.vector;"
        " RETURN NULL; END $$"
    )
    op.execute("DROP INDEX IF EXISTS ix_photo_fts_tokens")
    op.execute("ALTER TABLE photo_fts DROP COLUMN tokens")
    op.execute("DROP FUNCTION IF EXISTS photo_fts_tokens(integer)")
    op.execute("DROP FUNCTION IF EXISTS photo_fts_token(text, text)")
