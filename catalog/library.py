"""The Library: one open catalogue, its sessions, its house rules and gazetteer, and the use cases on it.

The Library holds what every use case needs (the engine, a session per unit of work, the rules in force,
the gazetteer) and hands each job to the module that does it: `catalog.importer` imports, `catalog.search`
plans searches, `catalog.credits` prints credits, `catalog.linking` links captions, `catalog.maintenance`
verifies. Those are functions taking the Library; the methods here are their short names.

>>> lib = Library.open("/tmp/news.db")              # doctest: +SKIP
>>> report = lib.import_paths(["images/"])          # doctest: +SKIP
>>> [p.path for p in lib.search(["in:Gansu"]).photos]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from catalog import db
from catalog.errors import (
    CatalogError,
    DamagedCatalogue,
    DatabaseError,
    NotFound,
    ReadOnlyCatalogue,
    UsageError,
    is_damaged,
    utf8_text,
)
from catalog.models import Photo, Setting
from catalog.write_lock import is_locked_error, write_error

if TYPE_CHECKING:
    from catalog.captions.rules import Rules
    from catalog.captionsfile import Captions
    from catalog.credits import CreditEntry
    from catalog.importer import Progress
    from catalog.linking import LinkReport
    from catalog.reading import ReadResult
    from catalog.records import CaptionInput
    from catalog.results import SearchResult
    from catalog.store_rows import Stored
    from catalog.unchanged import EarlyImport, ImportReport, Known


class Library:
    """An open catalogue (SQLite file or PostgreSQL database), at the current schema."""

    def __init__(self, url: str, *, readonly: bool = False, may_create: bool = True,
                 on_wait: Callable[[str], None] | None = None, tuning: db.SqliteTuning = db.COMMAND):
        self.url = url
        self.on_wait = on_wait
        self.engine, self._read_only_reason = db.open_engine(
            url, readonly=readonly, may_create=may_create, on_wait=on_wait, tuning=tuning)
        self.readonly = self._read_only_reason is not None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._rules: Rules | None = None
        self._gazetteer = None
        self._legacy_fingerprints: bool | None = None
        #: The moment embargoes are judged at (naive UTC), for `search --at` and `check --at`; None: now.
        self.as_of = None

    @classmethod
    def open(cls, location: str | None = None, *, readonly: bool = False, may_create: bool = True,
             on_wait: Callable[[str], None] | None = None, tuning: db.SqliteTuning = db.COMMAND) -> Library:
        """Open the catalogue at a path or URL, CATALOG_DB, or catalog.db: created and migrated as needed when
        `may_create`, else it must exist; `tuning` is SQLite's use of memory (db.LONG_RUNNING for a watcher)."""
        return cls(db.resolve_url(location), readonly=readonly, may_create=may_create, on_wait=on_wait,
                   tuning=tuning)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def read_only_reason(self) -> str:
        return self._read_only_reason or "the catalogue was opened read-only"

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session; a write session holds the write lock from its start and commits at the end."""
        if write and self.readonly:
            raise ReadOnlyCatalogue(self.read_only_reason)
        try:
            bind = self.engine.connect()
        except DBAPIError as error:  # a new connection for this session: the server may have gone since the last
            gone = db.server_gone(error)
            if gone is None:
                raise
            raise gone from error
        if write:
            bind = bind.execution_options(sqlite_begin="IMMEDIATE")
        session = self._sessions(bind=bind)
        try:
            yield session
            if write:
                session.commit()
        except DBAPIError as error:
            gone = db.server_gone(error)
            if gone is None:
                session.rollback()
            if is_damaged(error):  # found by whichever query first reads the damaged pages
                raise DamagedCatalogue(db.sqlite_path(self.url), str(error.orig or error).split("\n")[0]) from error
            if gone is not None:  # the server rolled back the transaction as it went
                raise gone from error
            raise
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
                if is_locked_error(error):
                    raise
                raise _database_error(error) from error

        return db.with_write_lock(attempt, on_wait=self.on_wait, what=what)

    # --- house rules, gazetteer, settings ------------------------------------------------------------------

    @property
    def rules(self):
        """The house rules: those stored in the catalogue (`catalog rules --set`) over the shipped default."""
        if self._rules is None:
            from catalog.captions.rules import load_rules

            stored = self.get_setting("rules")
            self._rules = load_rules(text=stored) if stored else load_rules()
        return self._rules

    def use_rules(self, path: str | None) -> None:
        """Use a rules file for this run only (the --rules option)."""
        if path:
            from catalog.captions.rules import load_rules

            self._rules = load_rules(path)

    def store_rules(self, path: str | None) -> None:
        """Keep a house-rules file's content in the catalogue, so every desk using it prints credits alike;
        None goes back to the shipped default."""
        if path is None:
            self.set_setting("rules", None)
            return
        from catalog.captions.rules import load_rules
        from catalog.textfiles import read_text_file

        raw = read_text_file(path, f"rules file {path}")
        content = utf8_text(raw, f"rules file {path}", "save it as UTF-8")  # as a --rules file is read
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

    def legacy_fingerprints(self, session: Session) -> bool:
        """Whether records with pre-XXH3 fingerprints remain (see catalog.store.has_legacy_fingerprints);
        asked once per Library: `catalog write` re-reads photo after photo, and a stale answer can only cost
        a hash that was not needed."""
        if self._legacy_fingerprints is None:
            from catalog.store import has_legacy_fingerprints

            self._legacy_fingerprints = has_legacy_fingerprints(session)
        return self._legacy_fingerprints

    def library(self) -> Library:
        """The Library itself: what an import asks its target for what only the full path does (a quick
        writer, catalog.quick_store, opens one)."""
        return self

    def store(self, batch: list[ReadResult], known: dict[str, Known]) -> tuple[Stored, dict[str, Known | None]]:
        """Write one batch of an import's read results in its own transaction (catalog.store.store_batch)."""
        from catalog import store

        return self.write(lambda session: store.store_batch(session, batch, known, rules=self.rules), "the catalogue")

    def mark_missing(self, ids: list[int]) -> int:
        """Mark these photos' files gone, in one transaction (catalog.store.mark_missing); how many were newly so."""
        from catalog import store

        return self.write(lambda session: store.mark_missing(session, ids))

    # --- photos ----------------------------------------------------------------------------------------------

    def get(self, ref: str | int) -> Photo:
        """A photo by id or by path (absolute, relative to here, or a unique file name), its name in either of
        Unicode's normal forms (catalog.scan.other_spellings)."""
        from catalog.scan import other_spellings

        for spelling in (ref, *other_spellings(ref)):
            photo = self._get_as_spelled(spelling)
            if photo is not None:
                photo.variant_info = None
                return photo
        raise NotFound(f"no photo {ref!r} in the catalogue (give its path or id; `catalog search` lists them)")

    def _get_as_spelled(self, ref: str | int) -> Photo | None:
        with self.session() as session:
            from catalog.scan import photo_id, real_path, shown_path

            photo = None
            if (number := photo_id(ref)) is not None:
                photo = session.get(Photo, number)
            if photo is None:  # paths are kept as shown_path spells them (bytes that are not UTF-8 as \\xNN)
                photo = session.scalar(select(Photo).where(Photo.path == shown_path(os.path.abspath(str(ref)))))
            if photo is None and os.path.exists(str(ref)):  # a path through a symbolic link
                photo = session.scalar(select(Photo).where(Photo.path == shown_path(real_path(str(ref)))))
            if photo is None:
                name = shown_path(os.path.basename(str(ref)))
                matches = session.scalars(
                    select(Photo).where(or_(Photo.path.endswith("/" + name, autoescape=True), Photo.path == name))
                ).all()
                if len(matches) > 1:
                    raise UsageError(f"{ref!r} names {len(matches)} photos; give the full path or the id")
                photo = matches[0] if matches else None
            return photo

    def annotate_variants(self, photos: list[Photo]) -> list[Photo]:
        """See catalog.variant_copies.annotate: each photo's variant group, its size and its best copy."""
        from catalog import variant_copies, variants

        with self.session() as session:
            variant_copies.annotate(session, photos, variants.variant_rules(self.rules).best)
        return photos

    def all_photos(self) -> list[Photo]:
        """Every photo, by path."""
        with self.session() as session:
            return list(session.scalars(select(Photo).order_by(Photo.path)))

    def count(self) -> int:
        with self.session() as session:
            return session.scalar(select(func.count(Photo.id))) or 0

    # --- the use cases, by their short names -------------------------------------------------------------------

    def import_paths(self, paths: list[str], *, captions: Captions | None = None, progress: Progress | None = None,
                     workers: int | None = None, early: EarlyImport | None = None) -> ImportReport:
        """See catalog.importer.import_paths."""
        from catalog.importer import import_paths

        return import_paths(self, paths, captions=captions, progress=progress, workers=workers, early=early)

    def reimport_one(self, path: str, caption: CaptionInput | None) -> ImportReport:
        """See catalog.importer.reimport_one."""
        from catalog.importer import reimport_one

        return reimport_one(self, path, caption)

    def search(self, args: list[str], *, sort: str | None = None, limit: int | None = None, offset: int = 0,
               reverse: bool = False, columns: Callable[[Any], Sequence[str]] | None = None,
               total: bool = False) -> SearchResult:
        """See catalog.search.search. `columns`, the photo columns the caller reads, given the query
        (QuickLibrary.search reads only those): whole records are loaded here whatever it names. `total`: count
        the matches in the same scan when the search reads them all anyway (`SearchResult.total`)."""
        from catalog.search import search

        return search(self, args, sort=sort, limit=limit, offset=offset, reverse=reverse, total=total)

    def search_count(self, args: list[str]) -> int:
        """See catalog.search.count."""
        from catalog.search import count

        return count(self, args)

    def matching_ids(self, args: list[str]):
        """See catalog.search.matching_ids."""
        from catalog.search import matching_ids

        return matching_ids(self, args)

    def count_by(self, args: list[str], columns: list) -> list[tuple]:
        """See catalog.search.count_by."""
        from catalog.search import count_by

        return count_by(self, args, columns)

    def set_caption(self, ref: str, caption: str) -> Photo:
        """Set a caption by hand and re-derive credit, date and place from it (source `manual`)."""
        from catalog.records import CaptionInput

        if not caption.strip():
            raise UsageError("the caption is empty")
        photo = self.get(ref)
        report = self.reimport_one(photo.path, CaptionInput(caption.strip(), "manual"))
        if report.failures:
            raise CatalogError(f"{photo.path}: {report.failures[0].reason}")
        return self.get(photo.id)

    def uses(self, photo_id: int):
        """See catalog.stories.uses."""
        from catalog.stories import uses

        return uses(self, photo_id)

    def kill_of(self, photo_id: int) -> dict | None:
        """See catalog.kills.kill_of."""
        from catalog.kills import kill_of

        return kill_of(self, photo_id)

    def credit_entry(self, photo: Photo) -> CreditEntry:
        """See catalog.credits.credit_entry."""
        from catalog.credits import credit_entry

        return credit_entry(self, photo)

    def link_captions(self, article: str, photos: list[str] | None = None, *, threshold: float = 0.5,
                      dry_run: bool = False) -> LinkReport:
        """See catalog.linking.link_captions."""
        from catalog.linking import link_captions

        return link_captions(self, article, photos, threshold=threshold, dry_run=dry_run)

    def verify(self, args: list[str], *, rehash: bool = False, progress: Progress | None = None):
        """See catalog.maintenance.verify."""
        from catalog.importer import Progress
        from catalog.maintenance import verify

        progress = progress or Progress()
        return verify(self, args, rehash=rehash, total=progress.total, advance=progress.advance)


def _database_error(error: DBAPIError) -> DatabaseError:
    return write_error(error.orig or error, integrity=isinstance(error, IntegrityError))
