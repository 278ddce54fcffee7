"""Writing what an import read: one batch of records per transaction, a few statements per batch.

The importer (catalog.importer) reads files in reader processes and hands their records here in batches;
this module decides, per record, whether it updates a known photo, moves one (a new path whose file
identity matches a record whose file has gone), or inserts a new one, and writes the batch with a handful
of multi-row statements. It also answers the questions an import asks the catalogue before reading: which
files under the folders are known, and with what stat facts (`known_files`).

>>> done, changes = store_batch(session, batch, known)   # doctest: +SKIP
>>> done.added, done.updated, done.moved                 # doctest: +SKIP
(3, 0, 0)
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, bindparam, delete, func, insert, literal_column, or_, select, update
from sqlalchemy.orm import Session

from catalog.chunks import chunks
from catalog.models import PersonToken, Photo, PlaceKey, PlaceName
from catalog.reading import ReadResult, read_file
from catalog.records import derive_columns, fill_missing
from catalog.scan import Found, file_path, stored_path
from catalog.store_rows import (
    ByIdentity,
    OtherRows,
    Stored,
    changes_of,
    fingerprints_wanted,
    grouped,
    identities_wanted,
    moves_among,
    other_rows,
    sort_batch,
)
from catalog.unchanged import KNOWN_PATHS_LIMIT, Known, bounds


def photo_table() -> Table:
    """The `photo` table, typed as the Table it is (SQLAlchemy types a model's __table__ as a FromClause)."""
    return cast(Table, Photo.__table__)


def known_files(session: Session, paths: list[str] | None = None, *, with_captions: bool = False) -> dict[str, Known]:
    """path -> Known, for the catalogued files under `paths` (folders or files; every file when None).

    Only the paths an import can meet are read: re-importing today's folder into a catalogue of 100,000
    photos would otherwise spend most of its time loading the other 99,000. (A move is found by its
    fingerprint in the database, not through this index.)
    """
    # Core columns, not the ORM entity, here and in the rest of the import: an import needs no mapped
    # objects, and the ORM's first statement costs a tenth of a second's worth of importing (12 ms).
    photo = Photo.__table__.c
    caption = photo.caption if with_captions else literal_column("NULL")
    statement = select(photo.id, photo.path, photo.raw_path, photo.size, photo.mtime_ns, caption,
                       photo.sidecar_mtime_ns, photo.manual, photo.device, photo.inode)
    if paths is not None and len(paths) <= KNOWN_PATHS_LIMIT:
        where = []
        for given, folder, after in bounds(paths):
            where += [photo.path == given, and_(photo.path >= folder, photo.path < after)]
        statement = statement.where(or_(*where))
    return {file_path(path, raw): Known(pid, size, mtime, text, sidecar, manual or None, device, inode)
            for pid, path, raw, size, mtime, text, sidecar, manual, device, inode in session.execute(statement)}


def has_legacy_fingerprints(session: Session) -> bool:
    """Whether some record still carries a fingerprint of the kind made before XXH3 (40 hex digits).

    A file moved while the catalogue held such records is only recognised by that kind, so while any
    remain the readers compute both. Records lose theirs as their files are imported again.
    """
    photo = Photo.__table__.c
    statement = select(photo.id).where(func.length(photo.fingerprint) == 40).limit(1)  # SQLite: the covering index
    if session.get_bind().dialect.name == "postgresql":
        # Only the indexed column, in its index's order, so that PostgreSQL reads the fingerprint index alone: it
        # otherwise expects LIMIT 1 to stop early and reads every row of the table when none match (3.5-25 s at
        # 1,000,000 photos, against 0.45-0.9 s for the index).
        statement = (select(photo.fingerprint).where(func.length(photo.fingerprint) == 40)
                     .order_by(photo.fingerprint).limit(1))
    return session.scalar(statement) is not None


def store_batch(
    session: Session, batch: list[ReadResult], known: dict[str, Known], *, rules=None
) -> tuple[Stored, dict[str, Known | None]]:
    """Write one batch of read results in the session's transaction: a few statements per batch, not per photo.

    A known path is updated; a new path whose fingerprint matches a record whose file has gone is a move
    (that record is updated and takes the new path); any other path is inserted (or, if another process
    inserted it meanwhile, updated). Returns what was done, and the changes to `known` to make once the
    transaction has committed (path -> entry, or None for a path that moved away). Results that are
    failures are the importer's to report; they are passed over here.

    What a person set on a photo travels with it: a moved photo's record is read again with those values
    (under `rules`, the house rules of the import), and keeps them.
    """
    sorted_ = sort_batch(batch, known, datetime.now())
    now, done, existing, new = sorted_.now, sorted_.done, sorted_.existing, sorted_.new
    legacy_fingerprints, perceptual = sorted_.legacy, sorted_.perceptual
    changes: dict[str, Known | None] = {}
    existing, forgotten = _with_hand_values_now(session, existing, batch, known, rules, legacy_fingerprints)
    new += forgotten
    done.updated -= len(forgotten)
    moved, same = find_moved(session, [record for _, record, _ in new], legacy_fingerprints)
    updating = {pid for pid, _, _ in existing}  # the file under the old path is in this batch: that path keeps it
    moved = {path: move for path, move in moved.items() if move[0] not in updating}
    done.same_file.update(same)
    carried = _manual_of(session, [pid for pid, _ in moved.values()])
    still_new: list[tuple[dict, OtherRows]] = []
    for found, record, places in new:
        if record["path"] in same:
            continue
        if record["path"] in moved:
            pid, old_path = moved[record["path"]]
            if carried.get(pid):  # read it again with what a person set on it, which travels with the photo
                record, places = _with_manual(found, record, places, carried[pid], rules, legacy_fingerprints)
            existing.append((pid, record, places))
            changes[old_path] = None
            done.moved += 1
            done.moved_from[record["path"]] = old_path
        else:
            still_new.append((record, places))
    stored: list[tuple[int, dict, OtherRows]] = list(existing)
    table = photo_table()
    for _, group in grouped(existing, lambda item: item[1]):
        columns = table.c
        # executemany: the SET clause is every key of the parameters but _pid
        session.connection().execute(
            update(table).where(columns.id == bindparam("_pid")),
            [{"_pid": pid, **record} for pid, record, _ in group],
        )
    if existing:
        for chunk in chunks([pid for pid, _, _ in existing], 500):
            _delete_rows(session, chunk)
    for _, group in grouped(still_new, lambda item: item[0]):
        for record, _ in group:
            record["imported_at"] = now
        for (record, places), (pid, imported_at, updated_at) in zip(group, _upsert(session, [r for r, _ in group])):
            if imported_at == now:
                done.added += 1
            else:  # another process inserted this path meanwhile: it was updated, with its old place names
                if updated_at == record["updated_at"]:
                    done.updated += 1
                else:  # as the same file, which that process reports
                    done.already.add(record["path"])
                _delete_rows(session, [pid])
            stored.append((pid, record, places))
    _insert_rows(session, [(pid, places) for pid, _, places in stored])
    _store_restrictions(session, stored)
    if perceptual:
        from catalog.variants import store_imported

        store_imported(session, [(pid, record["fingerprint"], perceptual[path]) for pid, record, _ in stored
                                 if (path := file_path(record["path"], record["raw_path"])) in perceptual])
    return done, changes_of(stored, changes)


def _store_restrictions(session: Session, stored: list[tuple[int, dict, OtherRows]]) -> None:
    """The `restriction` rows of the photos just stored (catalog.rights), in place of any they had."""
    from catalog.models import PhotoRestriction
    from catalog.rights import restriction_rows

    for chunk in chunks([pid for pid, _, _ in stored], 500):
        session.execute(delete(PhotoRestriction).where(PhotoRestriction.photo_id.in_(chunk)))
    rows = [row for pid, record, _ in stored for row in restriction_rows(pid, record.get("restrictions"))]
    if rows:
        insert_many(session.connection(), PhotoRestriction.__table__, rows)


def _manual_of(session: Session, ids: list[int]) -> dict[int, dict]:
    """id -> what a person set, for the photos among `ids` that have such values."""
    photo = Photo.__table__.c
    found: dict[int, dict | None] = {}
    for chunk in chunks(ids, 500):
        found.update(session.execute(select(photo.id, photo.manual).where(
            photo.id.in_(chunk), photo.manual.is_not(None))).all())
    return {pid: manual for pid, manual in found.items() if manual}


def _with_hand_values_now(
    session: Session, existing: list[tuple[int, dict, OtherRows]], batch: list[ReadResult],
    known: dict[str, Known], rules, legacy: dict,
) -> tuple[list[tuple[int, dict, OtherRows]], list[tuple[Found, dict, OtherRows]]]:
    """The updates of known photos, each with what a person set on it as the catalogue holds it now; and
    those whose records were forgotten meanwhile, to be stored as new photos.

    An import (or the watcher, `catalog set`, `caption`, `link`) reads a file with the hand-set values its
    record had when it looked (`known`); a `catalog set` by someone else while the file was read, minutes
    before the batch is written in a long import, would be overwritten by that old view. So the values are
    read again inside the write transaction, and where they changed the record is read again with them,
    keeping what this import itself changed (a captions file's caption, the edit of `catalog set`).
    A record `catalog forget` removed meanwhile is not there to update (its place names, written for it,
    stopped the whole import on the foreign key): its file comes back as a new photo, as a forgotten file
    imported again does, without what was set by hand.
    """
    if not existing:
        return existing, []
    photo = Photo.__table__.c
    now: dict[int, dict] = {}
    for chunk in chunks([pid for pid, _, _ in existing], 500):
        now.update((pid, manual or {}) for pid, manual in session.execute(
            select(photo.id, photo.manual).where(photo.id.in_(chunk)).with_for_update()))
    found_of = {result.found.path: result.found for result in batch}
    updated, forgotten = [], []
    for pid, record, places in existing:
        path = file_path(record["path"], record["raw_path"])
        entry = known.get(path)
        looked = (entry.manual if entry else None) or {}
        current = now.get(pid)
        if current != looked:
            merged = merged_hand_values(looked, record.get("manual") or {}, current or {})
            record, places = _read_with(found_of[path], record, places, merged, rules, legacy)
        if current is None:
            forgotten.append((found_of[path], record, places))
        else:
            updated.append((pid, record, places))
    return updated, forgotten


def merged_hand_values(looked: dict, read_with: dict, current: dict) -> dict:
    """What a person set, merged three ways: the catalogue's values now (`current`), with the changes a
    writer made to the values it `looked` at (`read_with`: set, replaced or removed) applied over them.

    >>> merged_hand_values({"a": 1}, {"a": 1, "b": 2}, {"a": 1, "c": 3})
    {'a': 1, 'c': 3, 'b': 2}
    >>> merged_hand_values({"a": 1, "c": 3}, {"c": 3}, {"a": 1, "c": 4})
    {'c': 4}
    """
    merged = dict(current)
    for key in looked.keys() | read_with.keys():
        if looked.get(key) != read_with.get(key):
            if key in read_with:
                merged[key] = read_with[key]
            else:
                merged.pop(key, None)
    return merged


def _with_manual(
    found: Found, record: dict, places: OtherRows, manual: dict, rules, legacy: dict
) -> tuple[dict, OtherRows]:
    """A moved photo's record read again with a person's values: those on the old record, under those the
    import brought (a captions file naming the file under its new name)."""
    return _read_with(found, record, places, {**manual, **(record.get("manual") or {})}, rules, legacy)


def _read_with(
    found: Found, record: dict, places: OtherRows, merged: dict, rules, legacy: dict
) -> tuple[dict, OtherRows]:
    """The record read again with `merged` as what a person set (the record as it is when it has those)."""
    if merged == (record.get("manual") or {}):
        return record, places
    again = read_file(found, rules, merged, bool(legacy))
    if again.learned:
        from catalog.place_memo import absorb

        absorb(again.learned)
    if again.record is None:  # it cannot be read now; keep what was read, and the values on the side
        return {**record, "manual": merged}, places
    fresh = dict(again.record)
    for key in ("path", "raw_path", "size", "mtime_ns", "sidecar_mtime_ns", "device", "inode", "missing_since",
                "updated_at", "content_hash", "taken_inferred", "location_approx", "taken_start", "taken_end",
                "released_start", "released_end"):
        if key in record and key not in fresh:
            fresh[key] = record[key]
    fresh.setdefault("taken_inferred", False)
    fresh.setdefault("location_approx", False)
    fill_missing(fresh)
    derive_columns(fresh)
    return fresh, (again.places, again.keys, again.tokens)


#: The tables that hold rows of a photo besides its own, as an import writes them: place names (strings as
#: stated), place keys (entities) and credit tokens (catalog.entities).
PHOTO_ROWS = (PlaceName, PlaceKey, PersonToken)


def _delete_rows(session: Session, ids: list[int]) -> None:
    """Remove the photos' rows in the other tables, before they are written again."""
    for model in PHOTO_ROWS:
        session.execute(delete(model).where(model.photo_id.in_(ids)))


def _insert_rows(session: Session, stored: list[tuple[int, OtherRows]]) -> None:
    """Write each photo's place names, place keys and credit tokens: (id, (places, keys, tokens)) pairs."""
    names, keys, tokens = other_rows(stored)
    for model, rows in ((PlaceName, names), (PlaceKey, keys), (PersonToken, tokens)):
        if rows:
            insert_many(session.connection(), model.__table__, rows)


def move_renamed(session: Session, moves: list[tuple[int, str, str]]) -> int:
    """Give renamed files' records their new paths: (id, old path, new path) each, as catalog.unchanged's
    renamed_away found them; a record that no longer has its old path (another writer got there first) is
    left alone. How many were moved."""
    photo = Photo.__table__.c
    moved = 0
    for pid, old, new in moves:
        path, raw_path = stored_path(new)
        moved += session.connection().execute(update(photo_table()).where(
            photo.id == pid, photo.path == stored_path(old)[0]).values(path=path, raw_path=raw_path)).rowcount or 0
    return moved


def mark_missing(session: Session, ids: list[int]) -> int:
    """Note that the files of these photos are gone (kept until they come back or are forgotten); how many
    were newly found missing."""
    photo = Photo.__table__.c
    marked = 0
    for chunk in chunks(ids, 500):
        marked += session.connection().execute(
            update(photo_table()).where(photo.id.in_(chunk), photo.missing_since.is_(None))
            .values(missing_since=datetime.now())
        ).rowcount or 0
    return marked


def find_moved(
    session: Session, records: list[dict], legacy: dict[str, str] | None = None
) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    """For new paths: which are a catalogued file that moved, and which are a catalogued file by another name.

    Returns (moved: new path -> (id, old path), same: new path -> catalogued path). A new path whose file
    identity (device and inode) is a record's is that file: renamed when the record's file has gone and the
    content (or its size and modification time) is the record's, a hard link to it when it is still there.
    Otherwise a new path whose fingerprint matches a record whose file has gone is a move (a copy to another
    disk and the original deleted). `legacy` holds, by path, the fingerprints of the kind made before XXH3, for
    records that still carry one (see has_legacy_fingerprints).
    """
    if not records:
        return {}, {}
    legacy = legacy or {}
    photo = Photo.__table__.c
    by_identity: ByIdentity = {}
    # One query per device and chunk of inodes (a folder is on one or two devices): an OR of one
    # (device, inode) pair per file costs SQLAlchemy ~0.1 s a batch to build and compile.
    inodes_of = identities_wanted(records)
    for device_wanted, inodes in sorted(inodes_of.items(), key=lambda item: (item[0] is None, item[0] or 0)):
        for chunk in chunks(sorted(inodes), 500):
            rows = session.execute(select(photo.id, photo.path, photo.raw_path, photo.device, photo.inode,
                                          photo.fingerprint, photo.size, photo.mtime_ns).where(
                photo.device == device_wanted, photo.inode.in_(chunk)))
            for pid, path, raw, device, inode, fingerprint, size, mtime_ns in rows:
                by_identity.setdefault((device, inode), []).append(
                    (pid, file_path(path, raw), (fingerprint, size, mtime_ns)))
    candidates: dict[str, list[tuple[int, str]]] = {}
    for fingerprints in chunks(fingerprints_wanted(records, legacy), 500):
        matches = session.execute(select(photo.id, photo.path, photo.raw_path, photo.fingerprint)
                                  .where(photo.fingerprint.in_(fingerprints)))
        for pid, path, raw, fingerprint in matches:
            candidates.setdefault(fingerprint, []).append((pid, file_path(path, raw)))
    return moves_among(records, by_identity, candidates, legacy)


def _upsert(session: Session, records: list[dict]) -> list[tuple[int, datetime, datetime]]:
    """Insert new photos, all with the same columns, in one multi-row statement; (id, imported_at, updated_at) of
    each in order.

    If another process inserted one of the paths meanwhile, that record is updated instead and keeps its
    imported_at, which is how the caller tells the two apart; where it holds the same file (size, time, sidecar's
    time: two watchers of one folder, two imports of one card) it keeps its updated_at too, since nothing
    changed, which is how the caller tells that.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _insert_sqlite(session, records)
    from sqlalchemy import case
    from sqlalchemy.dialects.postgresql import insert as dialect_insert

    table = photo_table()
    statement = dialect_insert(table)
    changes = {key: statement.excluded[key] for key in records[0] if key != "imported_at"}
    same = and_(*(table.c[key].is_not_distinct_from(statement.excluded[key]) for key in _SAME_FILE))
    changes["updated_at"] = case((same, table.c.updated_at), else_=statement.excluded.updated_at)
    upsert = statement.on_conflict_do_update(index_elements=["path"], set_=changes).returning(
        table.c.id, table.c.imported_at, table.c.updated_at, sort_by_parameter_order=True
    )
    return [(pid, imported_at, updated_at) for pid, imported_at, updated_at in session.connection().execute(upsert,
                                                                                                           records)]


#: What makes a record stored by another process meanwhile the same file as the one read here.
_SAME_FILE = ("size", "mtime_ns", "sidecar_mtime_ns")


def _insert_sqlite(session: Session, records: list[dict]) -> list[tuple[int, datetime, datetime]]:
    """_upsert on SQLite: multi-row INSERTs (see insert_many), and the ids read back by path.

    SQLite cannot return the rows of a multi-row upsert in the order of its parameters, so SQLAlchemy would
    send one statement per photo (a third of the time an import spends writing). It need not: the
    transaction holds SQLite's write lock (BEGIN IMMEDIATE), so no other process can insert one of these
    paths between the look-up here and the insert.
    """
    table = photo_table()
    connection = session.connection()
    paths = [record["path"] for record in records]
    before = _ids_by_path(connection, paths, with_imported=True)
    fresh = [record for record in records if record["path"] not in before]
    again = [record for record in records if record["path"] in before]
    if fresh:
        insert_many(connection, table, fresh)
    kept: dict[str, tuple[int, datetime, datetime]] = {}
    if again:  # another process inserted these paths since this import looked: update them, keep imported_at
        rows = []
        for record in again:
            pid, imported_at, updated_at, *file = before[record["path"]]
            if tuple(file) != tuple(record[key] for key in _SAME_FILE):
                updated_at = record["updated_at"]
            kept[record["path"]] = (pid, imported_at, updated_at)
            rows.append({"_pid": pid, **{k: v for k, v in record.items() if k != "imported_at"},
                         "updated_at": updated_at})
        connection.execute(update(table).where(table.c.id == bindparam("_pid")), rows)
    after = _ids_by_path(connection, [record["path"] for record in fresh]) if fresh else {}
    return [kept[path] if path in kept else (after[path], record["imported_at"], record["updated_at"])
            for path, record in zip(paths, records, strict=True)]


def insert_many(connection, table, rows: list[dict]) -> None:
    """INSERT rows that all have the same keys, many rows per statement, each value through its column type's
    own bind processor (JSON to text, datetimes to SQLite's format) as SQLAlchemy would.

    Why not `connection.execute(insert(table), rows)`, an executemany: SQLite runs the full-text trigger of
    each statement in a statement transaction, and FTS5 writes its pending terms out at the end of every one,
    so one statement per photo cost 65 µs a photo where one statement per few hundred photos costs 15 (and
    leaves fewer, larger index segments). SQLAlchemy's per-row parameter processing was another fifth of the
    importing process's time. On PostgreSQL likewise: psycopg's executemany is a statement per row, and each
    runs the table's statement triggers (person_token's, alembic 0017) on its own.
    """
    dialect = connection.dialect
    if dialect.paramstyle == "qmark":
        mark = "?"
        variables = 32766 if dialect.dbapi.sqlite_version_info >= (3, 32, 0) else 999  # SQLITE_MAX_VARIABLE_NUMBER
    elif dialect.name == "postgresql":  # a new photo's photo_fts row was written once per token, not once
        mark, variables = "%s", 65535
    else:
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    pairs = [(name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names]
    quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
    head = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({quoted}) VALUES "
    group = "(" + ", ".join([mark] * len(names)) + ")"
    per_statement = max(1, min(500, variables // len(names)))
    for chunk in chunks(rows, per_statement):
        values = [row[name] if process is None else process(row[name]) for row in chunk for name, process in pairs]
        connection.exec_driver_sql(head + ", ".join([group] * len(chunk)), tuple(values))


def _ids_by_path(connection, paths: list[str], *, with_imported: bool = False) -> dict:
    """path -> id (or (id, imported_at, updated_at, size, mtime_ns, sidecar_mtime_ns)) of the photos among `paths`
    that are in the catalogue."""
    table = Photo.__table__
    found = {}
    for chunk in chunks(paths, 500):
        columns = ((table.c.path, table.c.id, table.c.imported_at, table.c.updated_at,
                    *(table.c[key] for key in _SAME_FILE)) if with_imported else (table.c.path, table.c.id))
        for row in connection.execute(select(*columns).where(table.c.path.in_(chunk))):
            found[row[0]] = tuple(row[1:]) if with_imported else row[1]
    return found
