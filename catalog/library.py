"""The Library: one open catalogue, and everything a command can ask of it.

>>> lib = Library.open("/tmp/news.db")              # doctest: +SKIP
>>> report = lib.import_paths(["images/"])          # doctest: +SKIP
>>> [p.path for p in lib.search(["in:Gansu"]).photos]  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Integer, and_, bindparam, column, delete, func, insert, literal_column, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from catalog import db
from catalog.dates import span
from catalog.errors import CatalogError, DatabaseError, NotFound, ReadOnlyCatalogue, UsageError
from catalog.importer import ImportReport, Progress, ReaderSetup, batches, file_exists, read_all, scan
from catalog.models import Photo, PlaceName, Setting
from catalog.query import PlaceTerm, Query, parse
from catalog.records import CaptionInput, build_record

SORTS = ("relevance", "date", "path", "distance")

#: Photos looked at in date order, per photo of the page, before a search by date collects all its matches
#: instead (SQLite): 4 finds a page of 100 among the first 400 photos for terms that match one photo in four.
DATE_WINDOW = 4


@dataclass
class Hit:
    """One search result: the photo, and what the query learned about it (distance, rank)."""

    photo: Photo
    distance_km: float | None = None
    approximate: bool = False
    score: float | None = None


@dataclass
class SearchResult:
    """The photos a query selected, in order, with the parsed query for renderers (snippets, notes)."""

    query: Query
    hits: list[Hit] = field(default_factory=list)

    @property
    def photos(self) -> list[Photo]:
        return [hit.photo for hit in self.hits]


@dataclass
class CreditEntry:
    """One line of a credit list: the publication-style line, who it names, and how many photos."""

    line: str
    name: str
    kind: str  # "photographer", "provider", "agency", "credit"
    paths: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.paths)


class Library:
    """An open catalogue (SQLite file or PostgreSQL database), migrated to the current schema."""

    def __init__(self, url: str, *, readonly: bool = False, on_wait=None):
        self.url = url
        self.readonly = readonly
        self.on_wait = on_wait
        self.engine = db.create(url, readonly=readonly)
        self._read_only_reason: str | None = None
        if not readonly:
            try:
                db.migrate(self.engine, url, on_wait=on_wait)
            except ReadOnlyCatalogue as error:
                self.engine.dispose()
                self._open_read_only(url, str(error))
            except BaseException:
                self.engine.dispose()  # a catalogue that cannot be opened leaves no connection behind
                raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._rules = None
        self._gazetteer = None
        self._legacy_fingerprints: bool | None = None

    def _open_read_only(self, url: str, reason: str) -> None:
        """A catalogue on a read-only share or disc can still be searched; a write says why it cannot be."""
        self.engine = db.create(url, readonly=True)
        try:
            revision = db.current_revision(self.engine, url)
        except BaseException:
            self.engine.dispose()
            raise
        if revision != db.SCHEMA_HEAD:
            self.engine.dispose()
            raise ReadOnlyCatalogue(f"{reason}; and it needs upgrading to this version of catalog, which writes it")
        self.readonly = True
        self._read_only_reason = reason

    @classmethod
    def open(cls, location: str | None = None, *, readonly: bool = False, on_wait=None) -> Library:
        """Open (creating and migrating as needed) the catalogue at a path or URL, CATALOG_DB, or catalog.db."""
        return cls(db.resolve_url(location), readonly=readonly, on_wait=on_wait)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session; a write session holds the write lock from its start and commits at the end."""
        if write and self.readonly:
            raise ReadOnlyCatalogue(self._read_only_reason or "the catalogue was opened read-only")
        bind = self.engine.connect()
        if write:
            bind = bind.execution_options(sqlite_begin="IMMEDIATE")
        session = self._sessions(bind=bind)
        try:
            yield session
            if write:
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            bind.close()

    def write(self, action, what: str = "the catalogue"):
        """Run `action(session)` in one write transaction, waiting politely for other writers."""

        def attempt():
            try:
                with self.session(write=True) as session:
                    return action(session)
            except DBAPIError as error:
                if db.is_locked_error(error):
                    raise
                raise _database_error(error) from error

        return db.with_write_lock(attempt, on_wait=self.on_wait, what=what)

    # --- house rules and gazetteer ------------------------------------------------------------------------

    @property
    def rules(self):
        """The house rules: those stored in the catalogue (`catalog rules --set`) over the shipped default."""
        if self._rules is None:
            from catalog.captions import load_rules

            stored = self.get_setting("rules")
            self._rules = load_rules(text=stored) if stored else load_rules()
        return self._rules

    def use_rules(self, path: str | None) -> None:
        """Use a rules file for this run only (the --rules option)."""
        if path:
            from catalog.captions import load_rules

            self._rules = load_rules(path)

    def store_rules(self, path: str | None) -> None:
        """Keep a house-rules file's content in the catalogue, so every desk using it prints credits alike;
        None goes back to the shipped default."""
        if path is None:
            self.set_setting("rules", None)
            return
        from catalog.captions import load_rules

        try:
            content = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFound(f"rules file {path} does not exist") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CatalogError(f"rules file {path} cannot be read: {error}") from None
        load_rules(text=content, origin=path)  # refuse a bad file before storing it
        self.set_setting("rules", content)

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from catalog.places import get_gazetteer

            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def get_setting(self, key: str) -> str | None:
        setting = Setting.__table__.c
        with self.session() as session:
            return session.scalar(select(setting.value).where(setting.key == key))

    def set_setting(self, key: str, value: str | None) -> None:
        def action(session):
            session.execute(delete(Setting).where(Setting.key == key))
            if value is not None:
                session.add(Setting(key=key, value=value))

        self.write(action)
        self._rules = None

    # --- import --------------------------------------------------------------------------------------------

    def import_paths(
        self,
        paths: list[str],
        *,
        captions: dict[str, CaptionInput] | None = None,
        progress: Progress | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        """Import folders and files: new files added, changed ones updated, moved ones re-pointed.

        Never raises for a bad file: each failure is in the report. KeyboardInterrupt stops after the
        current batch is committed (`report.interrupted`), so the next run continues.
        """
        import time

        if self.readonly:  # say so before reading a single file
            raise ReadOnlyCatalogue(self._read_only_reason or "the catalogue was opened read-only")

        started = time.monotonic()
        progress = progress or Progress()
        report = ImportReport()
        captions = dict(captions or {})
        index = self._index(paths, with_captions=bool(captions))
        wanted = []
        for found in scan(paths, report):
            known = index.get(found.path)
            if known and known[1] == found.size and known[2] == found.mtime_ns and known[4] == found.sidecar_mtime_ns:
                override = captions.get(found.path) or captions.get(os.path.basename(found.path)) if captions else None
                if override is None or known[3] == override.text:
                    report.unchanged += 1
                    continue
            wanted.append(found)
        if wanted:
            for path, caption in self._manual_captions().items():
                if path not in captions:
                    captions[path] = caption
        if progress.total:
            progress.total(len(wanted))
        try:
            if wanted:
                setup = ReaderSetup(captions, self.rules, legacy_fingerprints=self._has_legacy_fingerprints())
                results = read_all(wanted, setup, workers)
                if progress.advance:
                    results = _advancing(results, progress.advance)
                for batch in batches(results, total=len(wanted)):
                    done, changes = self.write(lambda session: self._store(session, batch, index), "the catalogue")
                    report.merge(done)
                    _apply(index, changes)
        except KeyboardInterrupt:
            report.interrupted = True
        report.seconds = time.monotonic() - started
        return report

    def _has_legacy_fingerprints(self) -> bool:
        """Whether some record still carries a fingerprint of the kind made before XXH3 (40 hex digits).

        A file moved while the catalogue held such records is only recognised by that kind, so while any
        remain the readers compute both. Records lose theirs as their files are imported again. The answer is
        kept for the Library's life: one that is stale can only cost a hash that was not needed.
        """
        if self._legacy_fingerprints is None:  # asked once per run: `catalog write` re-reads photo after photo
            with self.session() as session:
                photo = Photo.__table__.c
                found = session.scalar(select(photo.id).where(func.length(photo.fingerprint) == 40).limit(1))
            self._legacy_fingerprints = found is not None
        return self._legacy_fingerprints

    def _index(
        self, paths: list[str] | None = None, *, with_captions: bool = False
    ) -> dict[str, tuple[int, int, int, str | None, int | None]]:
        """path -> (id, size, mtime_ns, caption, sidecar_mtime_ns) of the catalogued files under `paths` (folders or files; every
        file when None): what lets unchanged files be skipped.

        Only the paths an import can meet are read: re-importing today's folder into a catalogue of 100,000
        photos would otherwise spend most of its time loading the other 99,000. (A move is found by its
        fingerprint in the database, not through this index.) The caption is only read when a captions file
        may override it (else None).
        """
        # Core columns, not the ORM entity, here and in the rest of the import: an import needs no mapped
        # objects, and the ORM's first statement costs a tenth of a second's worth of importing (12 ms).
        photo = Photo.__table__.c
        caption = photo.caption if with_captions else literal_column("NULL")
        statement = select(photo.id, photo.path, photo.size, photo.mtime_ns, caption, photo.sidecar_mtime_ns)
        if paths is not None and len(paths) <= 50:
            where = []
            for given in paths:
                given = os.path.abspath(os.fsdecode(given))  # as scan() spells the paths it finds
                folder = given.rstrip(os.sep) + os.sep
                # Every path that starts with "folder/" sorts between "folder/" and "folder0" ('0' follows '/'),
                # so the unique index on path answers it as a range.
                after = folder[:-1] + chr(ord(os.sep) + 1)
                where += [photo.path == given, and_(photo.path >= folder, photo.path < after)]
            statement = statement.where(or_(*where))
        with self.session() as session:
            rows = session.execute(statement)
            return {path: (pid, size, mtime, text_, sidecar) for pid, path, size, mtime, text_, sidecar in rows}

    def _manual_captions(self) -> dict[str, CaptionInput]:
        """Captions typed by hand or linked from an article survive a re-import of a changed file."""
        kept = ("manual", "linked")
        with self.session() as session:
            photo = Photo.__table__.c
            rows = session.execute(
                select(photo.path, photo.caption, photo.sources).where(
                    photo.caption.is_not(None), photo.sources["caption"].as_string().in_(kept)
                )
            )
            return {
                path: CaptionInput(caption, sources["caption"])
                for path, caption, sources in rows
                if (sources or {}).get("caption") in kept
            }

    def _store(self, session: Session, batch, index) -> tuple[ImportReport, dict[str, tuple | None]]:
        """Write one batch of read results in the session's transaction: a few statements per batch, not per photo.

        A known path is updated; a new path whose fingerprint matches a record whose file has gone is a move
        (that record is updated and takes the new path); any other path is inserted (or, if another process
        inserted it meanwhile, updated). Returns what was done, and the changes to `index` to make once the
        transaction has committed (path -> entry, or None for a path that moved away).
        """
        now = datetime.now()
        done = ImportReport()
        changes: dict[str, tuple | None] = {}
        existing: list[tuple[int, dict, list]] = []  # (id, record, places) to update
        new: list[tuple[dict, list]] = []
        legacy_fingerprints: dict[str, str] = {}
        for found, record, failure in batch:
            if failure is not None:
                done.failures.append(failure)
                continue
            record = dict(record)  # the batch is retried whole if the write lock was busy: leave it as it was
            places = record.pop("_places")
            legacy = record.pop("_legacy_fingerprint", None)
            if legacy:
                legacy_fingerprints[found.path] = legacy
            record.update(path=found.path, size=found.size, mtime_ns=found.mtime_ns,
                          sidecar_mtime_ns=found.sidecar_mtime_ns, updated_at=now)
            record["content_hash"] = None  # the bytes may differ: `catalog verify` hashes them again
            record.setdefault("taken_inferred", False)
            record.setdefault("location_approx", False)
            for column in ("taken", "released"):
                record[f"{column}_start"], record[f"{column}_end"] = span(record.get(column))
            _fill_missing(record)
            known = index.get(found.path)
            if known:
                existing.append((known[0], record, places))
                done.updated += 1
            else:
                new.append((record, places))
        moved = self._moved(session, [record for record, _ in new], legacy_fingerprints)
        still_new = []
        for record, places in new:
            if record["path"] in moved:
                pid, old_path = moved[record["path"]]
                existing.append((pid, record, places))
                changes[old_path] = None
                done.moved += 1
            else:
                still_new.append((record, places))
        stored: list[tuple[int, dict, list]] = list(existing)
        for keys, group in _grouped(existing, lambda item: item[1]):
            columns = Photo.__table__.c
            # executemany: the SET clause is every key of the parameters but _pid
            session.connection().execute(
                update(Photo.__table__).where(columns.id == bindparam("_pid")),
                [{"_pid": pid, **record} for pid, record, _ in group],
            )
        if existing:
            for chunk in _chunks([pid for pid, _, _ in existing], 500):
                session.execute(delete(PlaceName).where(PlaceName.photo_id.in_(chunk)))
        for keys, group in _grouped(still_new, lambda item: item[0]):
            for record, _ in group:
                record["imported_at"] = now
            for (record, places), (pid, imported_at) in zip(group, _upsert(session, [r for r, _ in group])):
                if imported_at == now:
                    done.added += 1
                else:  # another process inserted this path meanwhile: it was updated, with its old place names
                    done.updated += 1
                    session.execute(delete(PlaceName).where(PlaceName.photo_id == pid))
                stored.append((pid, record, places))
        names = [
            {"photo_id": pid, "kind": kind, "level": level, "name": name}
            for pid, _, places in stored
            for kind, level, name in places
        ]
        if names:
            _insert_many(session.connection(), PlaceName.__table__, names)
        for pid, record, _ in stored:
            changes[record["path"]] = (
                pid, record["size"], record["mtime_ns"], record.get("caption"), record["sidecar_mtime_ns"])
        return done, changes

    def _moved(
        self, session: Session, records: list[dict], legacy: dict[str, str] | None = None
    ) -> dict[str, tuple[int, str]]:
        """new path -> (id, old path) for new paths whose fingerprint matches a record whose file has gone.

        `legacy` holds, by path, the fingerprints of the kind made before XXH3, for records that still
        carry one (see _has_legacy_fingerprints).
        """
        if not records:
            return {}
        legacy = legacy or {}
        wanted = {record["fingerprint"] for record in records} | set(legacy.values())
        candidates: dict[str, list[tuple[int, str]]] = {}
        photo = Photo.__table__.c
        for chunk in _chunks(sorted(wanted), 500):
            rows = session.execute(select(photo.id, photo.path, photo.fingerprint).where(photo.fingerprint.in_(chunk)))
            for pid, path, fingerprint in rows:
                candidates.setdefault(fingerprint, []).append((pid, path))
        moved: dict[str, tuple[int, str]] = {}
        claimed: set[int] = set()
        for record in records:
            keys = (record["fingerprint"], legacy.get(record["path"]))
            for pid, old_path in (found for key in keys if key for found in candidates.get(key, ())):
                if pid not in claimed and old_path != record["path"] and not file_exists(old_path):
                    moved[record["path"]] = (pid, old_path)
                    claimed.add(pid)
                    break
        return moved

    # --- reading -------------------------------------------------------------------------------------------

    def get(self, ref: str | int) -> Photo:
        """A photo by id or by path (absolute, relative to here, or a unique file name)."""
        with self.session() as session:
            photo = None
            if isinstance(ref, int) or str(ref).isdigit():
                photo = session.get(Photo, int(ref))
            if photo is None:
                photo = session.scalar(select(Photo).where(Photo.path == os.path.abspath(str(ref))))
            if photo is None:
                name = os.path.basename(str(ref))
                matches = session.scalars(
                    select(Photo).where(or_(Photo.path.endswith("/" + name, autoescape=True), Photo.path == name))
                ).all()
                if len(matches) > 1:
                    raise UsageError(f"{ref!r} names {len(matches)} photos; give the full path or the id")
                photo = matches[0] if matches else None
            if photo is None:
                raise NotFound(f"no photo {ref!r} in the catalogue (give its path or id; `catalog search` lists them)")
            return photo

    def count(self) -> int:
        with self.session() as session:
            return session.scalar(select(func.count(Photo.id))) or 0

    def search(self, args: list[str], *, sort: str | None = None, limit: int | None = None) -> SearchResult:
        """The photos matching the query terms, in a stable order (see catalog.query for the language).

        In two steps: the ids of the page, in order, read from indexes; then the rows of those photos only.
        Sorting whole rows (a kilobyte or more each) for thousands of matches is what makes a search slow.
        """
        if sort is not None and sort not in SORTS:
            raise UsageError(f"--sort takes one of {', '.join(SORTS)}")
        query = self._parse(args)
        if sort == "distance" and query.near is None:
            raise UsageError("--sort distance needs a near: term")
        sort = sort or ("relevance" if query.has_words else "distance" if query.near else "date")
        if query.near is not None:
            return self._search_near(query, sort, limit)
        if sort == "relevance" and not query.has_words:
            sort = "date"
        result = SearchResult(query)
        with self.session() as session:
            page = self._page(session, query, sort, limit)
            photos: dict[int, Photo] = {}
            for chunk in _chunks([pid for pid, _ in page], 5000):
                photos.update((photo.id, photo) for photo in session.scalars(select(Photo).where(Photo.id.in_(chunk))))
            result.hits = [Hit(photos[pid], score=score) for pid, score in page if pid in photos]
        return result

    def _page(self, session: Session, query: Query, sort: str, limit: int | None) -> list[tuple[int, float | None]]:
        """(id, full-text score) of the photos of one page, in order, from indexes and narrow columns only."""
        if sort == "relevance":
            ranking = next(words for words in query.words if not words.negated)
            others = [self._full_text(words)[0] for words in query.words if words is not ranking]
            if self.dialect == "sqlite":
                # FTS5 finds and scores the matches; the other terms are checked for those photos alone.
                matches = _fts_matches(ranking, scored=True)
                statement = (
                    select(matches.c.id, matches.c.score)
                    .join(Photo, Photo.id == matches.c.id)
                    .where(*[term.probe() for term in query.terms], *others)
                    .order_by(matches.c.score, Photo.path)
                )
            else:
                clause, score = self._full_text(ranking)
                statement = (
                    select(Photo.id, score)
                    .where(clause, *self._term_conditions(query), *others)
                    .order_by(score, Photo.path)
                )
            return [(pid, score) for pid, score in session.execute(statement.limit(limit))]
        conditions = self._term_conditions(query)
        conditions += [self._full_text(words)[0] for words in query.words]
        if sort == "path":
            statement = select(Photo.id).where(*conditions).order_by(Photo.path).limit(limit)
            return [(pid, None) for pid in session.scalars(statement)]
        # By date: dated photos by (first day, taken, path), then undated ones by (taken, path). That is
        # ORDER BY taken_start IS NULL, taken_start, taken, path, with each half read in the order of the
        # index on (taken_start, taken, path), so a page of a large result needs no sort of all its rows.
        if self.dialect == "sqlite" and limit is not None and conditions:
            early = self._page_from_window(session, query, limit)
            if early is not None:
                return [(pid, None) for pid in early]
        dated = (
            select(Photo.id)
            .where(*conditions, Photo.taken_start.is_not(None))
            .order_by(Photo.taken_start, Photo.taken, Photo.path)
            .limit(limit)
        )
        ids = list(session.scalars(dated))
        if limit is None or len(ids) < limit:
            undated = (
                select(Photo.id)
                .where(*conditions, Photo.taken_start.is_(None))
                .order_by(Photo.taken, Photo.path)
                .limit(None if limit is None else limit - len(ids))
            )
            ids.extend(session.scalars(undated))
        return [(pid, None) for pid in ids]

    def _page_from_window(self, session: Session, query: Query, limit: int) -> list[int] | None:
        """SQLite, by date: the page from the DATE_WINDOW x `limit` earliest photos, when `limit` of them match.

        A broad search (in:China, two photos in three) finds its page among the first few hundred photos by
        date, checking each one on its own row (Term.probe); collecting its 69,000 matches and sorting them
        takes 50 ms at 100,000 photos. A narrower search finds too few there (returns None) and is answered
        the other way, 2-3 ms later. Matches found in the window are the earliest of all: the page is exact.
        """
        window = (
            select(Photo.id, Photo.taken_start, Photo.taken, Photo.path)
            .where(Photo.taken_start.is_not(None))
            .order_by(Photo.taken_start, Photo.taken, Photo.path)
            .limit(DATE_WINDOW * limit)
            .subquery()
        )
        statement = (
            select(window.c.id)
            .join(Photo, Photo.id == window.c.id)
            .where(*[term.probe() for term in query.terms], *[self._full_text(w)[0] for w in query.words])
            .order_by(window.c.taken_start, window.c.taken, window.c.path)
            .limit(limit)
        )
        ids = list(session.scalars(statement))
        return ids if len(ids) == limit else None

    def _search_near(self, query: Query, sort: str, limit: int | None) -> SearchResult:
        """near: searches: a box of lat/lon in SQL, then the exact distance of each photo in it."""
        conditions, score = self._conditions(query)
        statement = select(Photo).where(and_(*conditions))
        if sort == "relevance" and score is not None:
            statement = statement.add_columns(score).order_by(score, Photo.path)
        elif sort == "path":
            statement = statement.order_by(Photo.path)
        else:
            statement = statement.order_by(Photo.taken_start.is_(None), Photo.taken_start, Photo.taken, Photo.path)
        result = SearchResult(query)
        with self.session() as session:
            for row in session.execute(statement).all():
                hit = Hit(row[0], score=row[1] if len(row) > 1 else None)
                if hit.photo.lat is None:
                    continue
                hit.distance_km = haversine_km(query.near.lat, query.near.lon, hit.photo.lat, hit.photo.lon)
                if hit.distance_km > query.near.km:
                    continue
                hit.approximate = bool(hit.photo.location_approx)
                result.hits.append(hit)
        if sort == "distance":
            result.hits.sort(key=lambda h: (h.distance_km, h.photo.path))
        if limit is not None:
            result.hits = result.hits[:limit]
        return result

    def search_count(self, args: list[str]) -> int:
        """How many photos the terms select: the total that a page of `search(args, limit=N)` is part of."""
        query = self._parse(args)
        if query.near is not None:
            return len(self.search(args).hits)  # the exact distance is measured in Python
        if self.dialect == "sqlite" and query.has_words:
            ranking = next(words for words in query.words if not words.negated)
            others = [self._full_text(words)[0] for words in query.words if words is not ranking]
            matches = _fts_matches(ranking, scored=False)
            statement = select(func.count()).select_from(matches)
            if query.terms or others:
                statement = statement.join(Photo, Photo.id == matches.c.id).where(
                    *[term.probe() for term in query.terms], *others
                )
        elif len(query.terms) == 1 and not query.words and _positive_place(query.terms[0]):
            # One place term: its distinct photo ids, counted in the place index without visiting a photo row
            # (in:China at 100,000 photos: 34 -> 14 ms). Every place name belongs to a photo (foreign key).
            statement = select(func.count()).select_from(query.terms[0].photo_ids().distinct().subquery())
        else:
            conditions, _ = self._conditions(query)
            statement = select(func.count()).select_from(Photo)
            if conditions:
                statement = statement.where(and_(*conditions))
        with self.session() as session:
            return session.scalar(statement) or 0

    def matching_ids(self, args: list[str]):
        """The ids of the photos the terms select: a SELECT to use in `Photo.id.in_(...)` (a list for near:)."""
        query = self._parse(args)
        if query.near is not None:
            return [photo.id for photo in self.search(args).photos]
        conditions, _ = self._conditions(query)
        return select(Photo.id).where(and_(*conditions)) if conditions else select(Photo.id)

    def count_by(self, args: list[str], columns: list[str]) -> list[tuple]:
        """(value, ..., number of photos) per distinct combination of `columns`, for the photos the terms select:
        the database counts, so a summary of 100,000 photos moves a few hundred rows, not 100,000."""
        selected = [getattr(Photo, name) for name in columns]
        statement = select(*selected, func.count(Photo.id)).group_by(*selected)
        if args:
            statement = statement.where(Photo.id.in_(self.matching_ids(args)))
        with self.session() as session:
            return [tuple(row) for row in session.execute(statement)]

    def _parse(self, args: list[str]) -> Query:
        near = re.search(r"(^|[\s-])near:", " ".join(args))
        return parse(args, gazetteer=self.gazetteer if near else None, aliases=self._place_aliases)

    def _place_aliases(self, name: str) -> list[str]:
        """Other names a typed place may mean (合肥 -> Hefei), asked of the gazetteer only when the name as typed
        is not in the catalogue: loading the gazetteer costs more than most searches."""
        from catalog.places import fold

        with self.session() as session:
            if session.scalar(select(PlaceName.photo_id).where(PlaceName.name == fold(name)).limit(1)) is not None:
                return []
        return self.gazetteer.canonical(name)

    def _conditions(self, query: Query) -> tuple[list, object]:
        """The WHERE conditions of a parsed query, and the full-text score to rank by (None without words)."""
        conditions = self._term_conditions(query)
        score = None
        for words in query.words:
            clause, word_score = self._full_text(words)
            conditions.append(clause)
            if word_score is not None and score is None:
                score = word_score
        if query.near is not None:
            conditions.append(_box(query.near))
        return conditions, score

    def _term_conditions(self, query: Query) -> list:
        """The terms' conditions: ids read from an index on SQLite, which plans without statistics; each photo's
        own row on PostgreSQL, whose planner weighs the indexes itself (see Term.row_condition)."""
        if self.dialect == "postgresql":
            return [term.row_condition() for term in query.terms]
        return [term.where() for term in query.terms]

    def _full_text(self, words) -> tuple:
        """The full-text clause for one group of words, and a score to rank by (lower is better)."""
        if self.dialect == "sqlite":
            key, expression = _fts_expression(words)
            matched = text(f"SELECT rowid FROM photo_fts WHERE photo_fts MATCH :{key}").bindparams(**{key: expression})
            clause = Photo.id.in_(matched.columns(column("rowid", Integer)))
            score = None
            if not words.negated:
                # Correlated: one full-text look-up per photo. Only near: searches use it (a few photos in a
                # box); the others join the scored matches once (_fts_matches).
                score = (
                    select(text(f"bm25(photo_fts)"))
                    .select_from(text("photo_fts"))
                    .where(text(f"photo_fts MATCH :{key}s AND photo_fts.rowid = photo.id").bindparams(**{key + "s": expression}))
                    .scalar_subquery()
                )
        else:
            # photo_fts_vector is search_text as PostgreSQL's full text reads it, computed and stored by the
            # database (alembic 0001): GIN-indexed for @@, and ranking reads it instead of re-parsing every match.
            joiner = " <-> " if words.phrase and words.text.count('"') else " & "
            tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), joiner.join(words.words))
            vector = literal_column("photo.photo_fts_vector")
            clause = vector.op("@@")(tsquery)
            score = None if words.negated else -func.ts_rank(vector, tsquery)
        return (~clause if words.negated else clause), score

    # --- editing -------------------------------------------------------------------------------------------

    def set_caption(self, ref: str, caption: str) -> Photo:
        """Set a caption by hand and re-derive credit, date and place from it (source `manual`)."""
        if not caption.strip():
            raise UsageError("the caption is empty")
        photo = self.get(ref)
        report = self.reimport_one(photo.path, CaptionInput(caption.strip(), "manual"))
        if report.failures:
            raise CatalogError(f"{photo.path}: {report.failures[0].reason}")
        return self.get(photo.id)

    def reimport_one(self, path: str, caption: CaptionInput | None) -> ImportReport:
        """Read one catalogued file again now, with `caption` in place of its own (None: the file's own;
        a caller that wants a hand-set caption kept passes it, as `catalog write` does)."""
        captions = {path: caption} if caption else {}
        index = self._index([path])
        report = ImportReport()
        if not os.path.exists(path):
            raise NotFound(f"{path} is no longer there; import its new location first")
        from catalog.importer import found_file

        found = found_file(path)
        setup = ReaderSetup(captions, self.rules, legacy_fingerprints=self._has_legacy_fingerprints())
        results = list(read_all([found], setup, 1))
        done, _ = self.write(lambda session: self._store(session, results, index))
        report.merge(done)
        return report

    # --- maintenance ---------------------------------------------------------------------------------------

    def verify(self, args: list[str], *, rehash: bool = False, progress: Progress | None = None):
        """Full SHA-256 of the selected photos' files, missing files and duplicates (see catalog.maintenance)."""
        from catalog.maintenance import verify

        progress = progress or Progress()
        return verify(self, args, rehash=rehash, total=progress.total, advance=progress.advance)

    # --- credits -------------------------------------------------------------------------------------------

    def credit_entry(self, photo: Photo) -> CreditEntry:
        from catalog.captions import Credit

        credit = Credit(raw=photo.credit_line, photographer=photo.photographer, agency=photo.agency, provider=photo.provider)
        line = self.rules.credit_line(credit) or photo.credit_line or "(no credit)"
        if photo.photographer:
            name, kind = photo.photographer, "photographer"
        elif photo.provider:
            name, kind = photo.provider, "provider"
        elif photo.agency:
            name, kind = photo.agency, "agency"
        else:
            name, kind = photo.credit_line or "(no credit)", "credit"
        return CreditEntry(line=line, name=name, kind=kind, paths=[photo.path])

    @staticmethod
    def group_credits(entries: list[CreditEntry]) -> list[CreditEntry]:
        """One entry per credited person or organisation, in order of first appearance, with their photos."""
        grouped: dict[tuple[str, str], CreditEntry] = {}
        for entry in entries:
            key = (entry.kind, entry.name.casefold())
            if key in grouped:
                grouped[key].paths.extend(entry.paths)
            else:
                grouped[key] = CreditEntry(entry.line, entry.name, entry.kind, list(entry.paths))
        return list(grouped.values())

    # --- linking captions to photos ------------------------------------------------------------------------

    def link_captions(
        self, article: str, photos: list[str] | None = None, *, threshold: float = 0.5, dry_run: bool = False
    ):
        """Link the caption paragraphs of an article to the photos they describe (see catalog.linking).

        The candidates are `photos` (paths, names or ids, in the captions' order) or every photo in the
        catalogue. Each link reaching `threshold` is stored as the photo's caption, source `linked`, unless
        `dry_run`; a link that cannot be stored is reported in its status, the others still are.
        """
        from catalog import linking

        captions = linking.find_captions(linking.read_article(article))
        if not captions:
            raise UsageError(
                f"{article} holds no caption: a caption paragraph carries a credit such as '(Photo/NAME)' "
                "or starts with a 'File: NAME' line"
            )
        if photos:
            candidates = list({photo.id: photo for photo in (self.get(ref) for ref in photos)}.values())
        else:
            with self.session() as session:
                candidates = list(session.scalars(select(Photo).order_by(Photo.path)))
        if not candidates:
            raise NotFound("the catalogue holds no photos to link to; `catalog import` them first")
        report = linking.link(captions, candidates, gazetteer=self.gazetteer, threshold=threshold,
                              ordered=bool(photos), named=bool(photos), article=article)
        report.dry_run = dry_run
        if not dry_run:
            for found in report.links:
                found.status = self._store_link(found)
        return report

    def _store_link(self, found) -> str:
        """Store one link as its photo's caption (source `linked`); the link's status."""
        photo = found.photo
        if photo.caption == found.caption.text and (photo.sources or {}).get("caption") == "linked":
            return "unchanged"
        try:
            stored = self.reimport_one(photo.path, CaptionInput(found.caption.text, "linked"))
        except CatalogError as error:
            return f"failed: {error}"
        return f"failed: {stored.failures[0].reason}" if stored.failures else "stored"


def _advancing(results, advance):
    """The results, calling `advance(1)` as each one is read (the progress bar redraws at its own pace)."""
    for result in results:
        advance(1)
        yield result


def _positive_place(term) -> bool:
    return isinstance(term, PlaceTerm) and not term.negated


def _fts_expression(words) -> tuple[str, str]:
    """A bind parameter name and the FTS5 MATCH expression for one group of words (a phrase when quoted)."""
    if words.phrase and words.text.count('"'):
        expression = '"' + " ".join(words.words) + '"'
    else:
        expression = " ".join(f'"{w}"' for w in words.words)
    return f"fts{abs(hash(words.text)) % 10**8}", expression


def _fts_matches(words, *, scored: bool):
    """SQLite: the photos matching one group of words as a subquery (id, and its bm25 score when `scored`)."""
    key, expression = _fts_expression(words)
    columns = [literal_column("photo_fts.rowid").label("id")]
    if scored:
        columns.append(literal_column("bm25(photo_fts)").label("score"))
    return (
        select(*columns)
        .select_from(text("photo_fts"))
        .where(text(f"photo_fts MATCH :{key}").bindparams(**{key: expression}))
        .subquery()
    )


def _apply(index: dict, changes: dict) -> None:
    for path, entry in changes.items():
        if entry is None:
            index.pop(path, None)
        else:
            index[path] = entry


def _grouped(items, record_of):
    """Items grouped by their record's set of columns (one executemany each), in order: ((keys, items), ...)."""
    groups: dict[tuple, list] = {}
    for item in items:
        groups.setdefault(tuple(sorted(record_of(item))), []).append(item)
    return list(groups.items())


def _chunks(values: list, size: int):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _fill_missing(record: dict) -> None:
    """Every column a re-read did not fill is cleared, so an update leaves no stale value behind."""
    for column in _CLEARABLE:
        record.setdefault(column, None)
    record.setdefault("sources", {})
    record.setdefault("search_text", "")


_CLEARABLE = (
    "caption", "headline", "title", "credit_line", "photographer", "agency", "provider", "source", "copyright",
    "photographer_key", "credit_key", "taken", "released", "sublocation", "city", "province", "country",
    "country_code", "lat", "lon", "location_shown", "keywords", "make", "model", "conflicts", "extra",
)


def _upsert(session: Session, records: list[dict]) -> list[tuple[int, datetime]]:
    """Insert new photos, all with the same columns, in one multi-row statement; (id, imported_at) of each in order.

    If another process inserted one of the paths meanwhile, that record is updated instead and keeps its
    imported_at, which is how the caller tells the two apart.
    """
    dialect = session.bind.dialect.name
    if dialect == "sqlite":
        return _insert_sqlite(session, records)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(Photo.__table__)
    changes = {key: statement.excluded[key] for key in records[0] if key != "imported_at"}
    statement = statement.on_conflict_do_update(index_elements=["path"], set_=changes).returning(
        Photo.__table__.c.id, Photo.__table__.c.imported_at, sort_by_parameter_order=True
    )
    return [tuple(row) for row in session.connection().execute(statement, records)]


def _insert_sqlite(session: Session, records: list[dict]) -> list[tuple[int, datetime]]:
    """_upsert on SQLite: multi-row INSERTs (see _insert_many), and the ids read back by path.

    SQLite cannot return the rows of a multi-row upsert in the order of its parameters, so SQLAlchemy would
    send one statement per photo (a third of the time an import spends writing). It need not: the
    transaction holds SQLite's write lock (BEGIN IMMEDIATE), so no other process can insert one of these
    paths between the look-up here and the insert.
    """
    table = Photo.__table__
    connection = session.connection()
    paths = [record["path"] for record in records]
    before = _ids_by_path(connection, paths, with_imported=True)
    fresh = [record for record in records if record["path"] not in before]
    again = [record for record in records if record["path"] in before]
    if fresh:
        _insert_many(connection, table, fresh)
    if again:  # another process inserted these paths since this import looked: update them, keep imported_at
        connection.execute(
            update(table).where(table.c.id == bindparam("_pid")),
            [{"_pid": before[record["path"]][0], **{k: v for k, v in record.items() if k != "imported_at"}}
             for record in again],
        )
    after = _ids_by_path(connection, [record["path"] for record in fresh]) if fresh else {}
    return [before[path] if path in before else (after[path], records[0]["imported_at"]) for path in paths]


def _insert_many(connection, table, rows: list[dict]) -> None:
    """INSERT rows that all have the same keys, many rows per statement, each value through its column type's
    own bind processor (JSON to text, datetimes to SQLite's format) as SQLAlchemy would.

    Why not `connection.execute(insert(table), rows)`, an executemany: SQLite runs the full-text trigger of
    each statement in a statement transaction, and FTS5 writes its pending terms out at the end of every one,
    so one statement per photo cost 65 µs a photo where one statement per few hundred photos costs 15 (and
    leaves fewer, larger index segments). SQLAlchemy's per-row parameter processing was another fifth of the
    importing process's time.
    """
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    pairs = [(name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names]
    quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
    head = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({quoted}) VALUES "
    group = "(" + ", ".join("?" * len(names)) + ")"
    variables = 32766 if dialect.dbapi.sqlite_version_info >= (3, 32, 0) else 999  # SQLITE_MAX_VARIABLE_NUMBER
    per_statement = max(1, min(500, variables // len(names)))
    for chunk in _chunks(rows, per_statement):
        values = [row[name] if process is None else process(row[name]) for row in chunk for name, process in pairs]
        connection.exec_driver_sql(head + ", ".join([group] * len(chunk)), tuple(values))


def _ids_by_path(connection, paths: list[str], *, with_imported: bool = False) -> dict:
    """path -> id (or (id, imported_at)) of the photos among `paths` that are in the catalogue."""
    table = Photo.__table__
    found = {}
    for chunk in _chunks(paths, 500):
        columns = (table.c.path, table.c.id, table.c.imported_at) if with_imported else (table.c.path, table.c.id)
        for row in connection.execute(select(*columns).where(table.c.path.in_(chunk))):
            found[row[0]] = (row[1], row[2]) if with_imported else row[1]
    return found


def _box(near) -> object:
    degrees_lat = near.km / 111.0
    degrees_lon = near.km / max(1e-6, 111.0 * math.cos(math.radians(near.lat)))
    return and_(
        Photo.lat.between(near.lat - degrees_lat, near.lat + degrees_lat),
        Photo.lon.between(near.lon - degrees_lon, near.lon + degrees_lon),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _database_error(error: DBAPIError) -> DatabaseError:
    message = str(error.orig).split("\n")[0] if error.orig else str(error)
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return DatabaseError("the catalogue is read-only (check the file's permissions); nothing was changed")
    if "disk is full" in lowered or "no space" in lowered:
        return DatabaseError("the disk is full; the last batch was not written and the catalogue is unchanged")
    if isinstance(error, IntegrityError):
        return DatabaseError(f"the catalogue refused a record: {message}")
    return DatabaseError(f"the catalogue could not be written: {message}")


def load_captions_file(path: str) -> dict[str, CaptionInput]:
    """Captions from a CSV (`file,caption`) or a text/Markdown file of `File: NAME` paragraphs.

    CSV: a header row `file,caption`, then one row per photo (file name or path as given to import).
    Text: paragraphs separated by blank lines; a paragraph whose first line is `File: NAME` gives NAME
    the rest of the paragraph as its caption; other paragraphs are ignored.
    """
    source = Path(path)
    try:
        content = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise NotFound(f"captions file {path} does not exist") from error
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"captions file {path} cannot be read: {error}") from error
    captions: dict[str, CaptionInput] = {}
    if source.suffix.lower() == ".csv":
        reader = csv.DictReader(content.splitlines())
        if not reader.fieldnames or not {"file", "caption"} <= {f.strip().lower() for f in reader.fieldnames}:
            raise UsageError(f"captions file {path} needs a header row 'file,caption'")
        for row in reader:
            row = {k.strip().lower(): (v or "") for k, v in row.items() if k}
            if row["file"].strip() and row["caption"].strip():
                captions[_caption_key(row["file"], source)] = CaptionInput(row["caption"].strip(), "manual")
    else:
        for paragraph in re.split(r"\n\s*\n", content):
            lines = paragraph.strip().splitlines()
            if not lines:
                continue
            label = re.match(r"^\s*(?:[-*]\s*)?(?:\*\*)?file:(?:\*\*)?\s*(\S.*?)\s*$", lines[0], re.I)
            if label and len(lines) > 1:
                text_ = " ".join(line.strip() for line in lines[1:] if line.strip())
                captions[_caption_key(label[1].strip("`"), source)] = CaptionInput(text_, "manual")
    if not captions:
        raise UsageError(
            f"captions file {path} names no photo: use a CSV with 'file,caption' or paragraphs starting 'File: NAME'"
        )
    return captions


def _caption_key(name: str, captions_file: Path) -> str:
    name = name.strip()
    if "/" in name or os.sep in name:
        return str((captions_file.parent / name).resolve())
    return name
