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

from sqlalchemy import and_, delete, func, insert, literal_column, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from catalog import db
from catalog.dates import span
from catalog.errors import CatalogError, DatabaseError, NotFound, ReadOnlyCatalogue, UsageError
from catalog.importer import ImportReport, Progress, batches, file_exists, read_all, scan
from catalog.models import Photo, PlaceName, Setting
from catalog.query import Query, parse
from catalog.records import CaptionInput, build_record

SORTS = ("relevance", "date", "path", "distance")


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
        """The house rules: the file named by the catalogue's `rules` setting over the shipped default."""
        if self._rules is None:
            from catalog.captions import load_rules

            self._rules = load_rules(self.get_setting("rules"))
        return self._rules

    def use_rules(self, path: str | None) -> None:
        """Use a rules file for this run only (the --rules option)."""
        if path:
            from catalog.captions import load_rules

            self._rules = load_rules(path)

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from catalog.places import get_gazetteer

            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def get_setting(self, key: str) -> str | None:
        with self.session() as session:
            found = session.get(Setting, key)
            return found.value if found else None

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
        index = self._index()
        captions = dict(captions or {})
        manual = self._manual_captions()
        wanted = []
        for found in scan(paths, report):
            known = index.get(found.path)
            override = captions.get(found.path) or captions.get(os.path.basename(found.path))
            if known and known[1] == found.size and known[2] == found.mtime_ns:
                if override is None or known[3] == override.text:
                    report.unchanged += 1
                    continue
            wanted.append(found)
        for path, caption in manual.items():
            if path not in captions:
                captions[path] = caption
        if progress.total:
            progress.total(len(wanted))
        rules = self.rules
        try:
            results = read_all(wanted, captions, rules, workers)
            for batch in batches(results):
                self.write(lambda session: self._store(session, batch, index, report), "the catalogue")
                if progress.advance:
                    progress.advance(len(batch))
        except KeyboardInterrupt:
            report.interrupted = True
        report.seconds = time.monotonic() - started
        return report

    def _index(self) -> dict[str, tuple[int, int, int, str | None]]:
        """path -> (id, size, mtime_ns, caption) of every catalogued file: what lets unchanged files be skipped."""
        with self.session() as session:
            rows = session.execute(select(Photo.id, Photo.path, Photo.size, Photo.mtime_ns, Photo.caption))
            return {path: (pid, size, mtime, caption) for pid, path, size, mtime, caption in rows}

    def _manual_captions(self) -> dict[str, CaptionInput]:
        """Captions typed by hand or linked from an article survive a re-import of a changed file."""
        with self.session() as session:
            rows = session.execute(select(Photo.path, Photo.caption, Photo.sources).where(Photo.caption.is_not(None)))
            return {
                path: CaptionInput(caption, sources["caption"])
                for path, caption, sources in rows
                if (sources or {}).get("caption") in ("manual", "linked")
            }

    def _store(self, session: Session, batch, index, report: ImportReport) -> None:
        now = datetime.now()
        for found, record, failure in batch:
            if failure is not None:
                report.failures.append(failure)
                continue
            places = record.pop("_places")
            record.update(path=found.path, size=found.size, mtime_ns=found.mtime_ns, updated_at=now)
            record.setdefault("taken_inferred", False)
            record.setdefault("location_approx", False)
            for column in ("taken", "released"):
                record[f"{column}_start"], record[f"{column}_end"] = span(record.get(column))
            photo_id = self._existing_id(session, found.path, record["fingerprint"], index)
            if photo_id is not None and photo_id[1] == "same":
                _fill_missing(record)
                session.execute(update(Photo).where(Photo.id == photo_id[0]).values(**record))
                report.updated += 1
                pid = photo_id[0]
            elif photo_id is not None:
                _fill_missing(record)
                session.execute(update(Photo).where(Photo.id == photo_id[0]).values(**record))
                report.moved += 1
                pid = photo_id[0]
            else:
                _fill_missing(record)
                record["imported_at"] = now
                pid = _upsert(session, record)
                if pid[1]:
                    report.added += 1
                else:
                    report.updated += 1
                pid = pid[0]
            session.execute(delete(PlaceName).where(PlaceName.photo_id == pid))
            if places:
                session.execute(
                    insert(PlaceName),
                    [{"photo_id": pid, "kind": kind, "level": level, "name": name} for kind, level, name in places],
                )
            index[found.path] = (pid, found.size, found.mtime_ns, record.get("caption"))

    def _existing_id(self, session: Session, path: str, fingerprint: str, index) -> tuple[int, str] | None:
        known = index.get(path)
        if known:
            return known[0], "same"
        candidates = session.execute(
            select(Photo.id, Photo.path).where(Photo.fingerprint == fingerprint, Photo.path != path)
        ).all()
        for pid, old_path in candidates:
            if not file_exists(old_path):
                index.pop(old_path, None)
                return pid, "moved"
        return None

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
        """The photos matching the query terms, in a stable order (see catalog.query for the language)."""
        if sort is not None and sort not in SORTS:
            raise UsageError(f"--sort takes one of {', '.join(SORTS)}")
        query = parse(args, gazetteer=self.gazetteer if _needs_gazetteer(args) else None)
        if sort == "distance" and query.near is None:
            raise UsageError("--sort distance needs a near: term")
        conditions = [term.where() for term in query.terms]
        score = None
        for words in query.words:
            clause, word_score = self._full_text(words)
            conditions.append(clause)
            if word_score is not None and score is None:
                score = word_score
        if query.near is not None:
            conditions.append(_box(query.near))
        statement = select(Photo).where(and_(*conditions)) if conditions else select(Photo)
        sort = sort or ("relevance" if query.has_words else "distance" if query.near else "date")
        if sort == "relevance" and score is not None:
            statement = statement.add_columns(score).order_by(score, Photo.path)
        elif sort == "path":
            statement = statement.order_by(Photo.path)
        else:
            statement = statement.order_by(Photo.taken_start.is_(None), Photo.taken_start, Photo.taken, Photo.path)
        if limit is not None and query.near is None:
            statement = statement.limit(limit)
        result = SearchResult(query)
        with self.session() as session:
            rows = session.execute(statement).all()
            for row in rows:
                hit = Hit(row[0], score=row[1] if len(row) > 1 else None)
                if query.near is not None:
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

    def _full_text(self, words) -> tuple:
        """The full-text clause for one group of words, and a score to rank by (lower is better)."""
        if self.dialect == "sqlite":
            expression = '"' + " ".join(words.words) + '"' if words.phrase and words.text.count('"') else " ".join(
                f'"{w}"' for w in words.words
            )
            key = f"fts{abs(hash(words.text)) % 10**8}"
            matched = text(f"SELECT rowid FROM photo_fts WHERE photo_fts MATCH :{key}").bindparams(**{key: expression})
            clause = Photo.id.in_(matched.columns())
            score = None
            if not words.negated:
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
        captions = {path: caption} if caption else {}
        index = self._index()
        index.pop(path, None) if False else None
        report = ImportReport()
        info = os.stat(path) if os.path.exists(path) else None
        if info is None:
            raise NotFound(f"{path} is no longer there; import its new location first")
        from catalog.importer import Found

        found = Found(path, info.st_size, info.st_mtime_ns)
        results = list(read_all([found], captions, self.rules, 1))
        self.write(lambda session: self._store(session, results, index, report))
        return report

    # --- credits -------------------------------------------------------------------------------------------

    def credits(self, args: list[str], *, files: list[str] | None = None) -> list[CreditEntry]:
        """Credit lines, one per photo (in story order for `files`, else the search's order)."""
        photos = [self.get(ref) for ref in files] if files else self.search(args).photos
        return [self.credit_entry(photo) for photo in photos]

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


def _upsert(session: Session, record: dict) -> tuple[int, bool]:
    """Insert a new photo; if another process inserted the same path meanwhile, update that record instead."""
    dialect = session.bind.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(Photo).values(**record)
    changes = {k: v for k, v in record.items() if k not in ("imported_at",)}
    statement = statement.on_conflict_do_update(index_elements=["path"], set_=changes).returning(
        Photo.id, Photo.imported_at
    )
    pid, imported_at = session.execute(statement).one()
    return pid, imported_at == record["imported_at"]


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


def _needs_gazetteer(args: list[str]) -> bool:
    joined = " ".join(args)
    return bool(re.search(r"(^|[\s,-])(in|city|province|state|country|shown|near|at|sublocation):", joined))


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
