"""Moving a catalogue: copy every photo (with its place names, place keys and credit tokens) and setting into
another catalogue, ids and all.

The usual move is up, from a SQLite file on one desk to a PostgreSQL server the whole newsroom shares:

>>> from catalog.library import Library
>>> source = Library.open("catalog.db")                                     # doctest: +SKIP
>>> target = Library.open("postgresql+psycopg://news@db.example/photos")     # doctest: +SKIP
>>> copy_catalogue(source, target).photos                                    # doctest: +SKIP
12408

Opening the target runs the migrations, so its schema is made exactly as for any new catalogue. The copy is
one transaction on the target: it is either complete and verified (the same counts, the same checksum of
ids, paths and fingerprints on both sides) or not there at all. Ids are kept, so a photo is `catalog show
2` in both, and PostgreSQL's id sequence is moved past the highest id so later imports do not collide.

A target that already holds photos, place names or settings is refused; with ``replace=True`` (the
command's ``--force``) its contents are deleted first, inside the same transaction. Merging two catalogues
is not what this does: ids would clash.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from catalog.errors import CatalogError, NewerCatalogue, UsageError
from catalog.models import (
    Kill,
    KillPrint,
    PersonToken,
    Photo,
    PhotoRestriction,
    PlaceCheck,
    PlaceKey,
    PlaceName,
    Setting,
    Story,
    StoryPhoto,
)

#: Rows per INSERT batch: large enough that round trips to a server do not dominate, small enough for memory.
BATCH = 1000

#: The tables in the order they are filled (place names, place keys, credit tokens, restrictions, kills, place
#: checks and a story's photos refer to photos; a story's photos to stories; the kills kept by fingerprint come
#: last, so that alembic 0018's triggers find no kept kill while the photos go in, and add no kill of their own).
TABLES: tuple[Table, ...] = tuple(
    cast(Table, model.__table__)
    for model in (
        Setting, Photo, PlaceName, PlaceKey, PersonToken, PhotoRestriction, Story, StoryPhoto, Kill, PlaceCheck,
        KillPrint,
    )
)


@dataclass
class CopyReport:
    """What a copy did: rows per table, the checksum both sides agreed on, and how long it took."""

    source: str
    target: str
    photos: int = 0
    place_names: int = 0
    settings: int = 0
    replaced: int = 0
    checksum: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        """One paragraph for the person who ran the copy."""
        replaced = f" (after deleting the {self.replaced} photo{_s(self.replaced)} it held)" if self.replaced else ""
        return (
            f"Copied {self.photos} photo{_s(self.photos)}, {self.place_names} place name{_s(self.place_names)} "
            f"and {self.settings} setting{_s(self.settings)}\n"
            f"  from {self.source}\n"
            f"  to   {self.target}{replaced}\n"
            f"in {self.seconds:.1f} s. Verified: the counts agree and so does the checksum of ids, paths and "
            f"fingerprints (sha256 {self.checksum[:16]})."
        )


def copy_catalogue(
    source, target, *, replace: bool = False, batch: int = BATCH, advance: Callable[[int], None] | None = None
) -> CopyReport:
    """Copy everything in the `source` Library into the `target` Library; see the module docstring.

    `advance(n)` is called after each batch of n photos. Raises UsageError for a non-empty target (without
    `replace`) or when both are the same catalogue, CatalogError when the copy does not verify; in every
    failure the target is left as it was.
    """
    if same_catalogue(source.url, target.url):
        raise UsageError("the source and the target are the same catalogue; --to must name another one")
    started = time.monotonic()
    report = CopyReport(source=display_url(source.url), target=display_url(target.url))
    with _snapshot(source) as reading:
        _check_schema(_revision(reading))
        expected = {table.name: reading.scalar(select(func.count()).select_from(table)) for table in TABLES}
        expected_sum = checksum(reading)

        def copy(session) -> None:
            if session.bind.dialect.name == "postgresql":
                # Keep other writers (an import on another desk) out until the copy is committed; readers go on.
                names = ", ".join(table.name for table in TABLES)
                session.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
            held = {table.name: session.scalar(select(func.count()).select_from(table)) for table in TABLES}
            if any(held.values()):
                if not replace:
                    raise UsageError(
                        f"the target catalogue is not empty: it holds {_holdings(held)}. Copy into a new or empty "
                        "catalogue, or add --force to delete what it holds and replace it with this one"
                    )
                for table in reversed(TABLES):
                    session.execute(delete(table))
                report.replaced = held["photo"]
            for table in TABLES:
                columns = list(table.columns)
                rows = reading.execute(
                    select(*columns).order_by(*table.primary_key.columns), execution_options={"yield_per": batch}
                )
                for part in rows.partitions(batch):
                    values = [dict(row._mapping) for row in part]
                    try:
                        session.execute(insert(table), values)
                    except DBAPIError:
                        if session.bind.dialect.name == "postgresql":
                            _refuse_a_nul(table, values)
                        raise
                    if advance and table is Photo.__table__:
                        advance(len(part))
            if session.bind.dialect.name == "postgresql":
                for serial in ("photo", "story"):
                    session.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{serial}', 'id'), COALESCE(MAX(id), 1), "
                        f"MAX(id) IS NOT NULL) FROM {serial}"
                    ))
            copied = {table.name: session.scalar(select(func.count()).select_from(table)) for table in TABLES}
            copied_sum = checksum(session)
            if copied != expected or copied_sum != expected_sum:
                raise CatalogError(
                    f"the copy does not match its source (source {_holdings(expected)}, copy {_holdings(copied)}"
                    f"{'' if copied_sum == expected_sum else ', and the checksums of the paths differ'}); "
                    "nothing was written to the target"
                )
            report.photos, report.place_names, report.settings = (
                copied["photo"], copied["place_name"], copied["setting"],
            )
            report.checksum = copied_sum

        target.write(copy, "the target catalogue")
    report.seconds = time.monotonic() - started
    return report


def _refuse_a_nul(table: Table, rows: list[dict]) -> None:
    """Name the row whose value holds a NUL character, which PostgreSQL cannot hold (a SQLite catalogue can: a
    caption sent through the contact sheet's form before catalog dropped them); the copy, refused whole, said only
    "PostgreSQL text fields cannot contain NUL (0x00) bytes", naming no photo and no field."""
    import json

    for row in rows:
        for column, value in row.items():
            if isinstance(value, (dict, list)):
                value = json.dumps(value, ensure_ascii=False)
            if not isinstance(value, str) or "\x00" not in value:
                continue
            keys = ", ".join(f"{key}={row[key]}" for key in table.primary_key.columns.keys())
            what = (f"photo {row['id']} ({row.get('path')})" if table is Photo.__table__
                    else f"a row of the {table.name} table ({keys})")
            raise CatalogError(
                f"{what} holds a NUL character in its {column}, which PostgreSQL cannot hold: set that value again "
                "in this catalogue (`catalog set` or `catalog caption`), then copy again; nothing was written to the "
                "target")


def check_source(source) -> None:
    """Refuse, before the target is opened (and so made), a source that cannot be copied: not a SQLite
    database, no catalogue, or one at another schema (see _check_schema). Before, a source that was no SQLite
    database failed inside the copy as "something went wrong inside catalog", and every refused copy left
    an empty catalogue behind at --to."""
    from catalog.db import current_revision

    _check_schema(current_revision(source.engine, source.url))


def _check_schema(revision: str | None) -> None:
    """The source must be a catalogue at this version's schema, or its columns would not line up."""
    from catalog.db import SCHEMA_HEAD, _known_revisions

    if revision is None:
        raise CatalogError("the catalogue to copy from is empty or not a catalogue (it has no schema)")
    if revision != SCHEMA_HEAD and revision not in _known_revisions():
        raise NewerCatalogue(revision, "the catalogue to copy from")
    if revision != SCHEMA_HEAD:
        raise CatalogError(
            f"the catalogue to copy from has schema {revision}, this version of catalog writes {SCHEMA_HEAD}: "
            "open it once with this version (e.g. `catalog search --limit 1`) to upgrade it, then copy"
        )


def _revision(reading) -> str | None:
    try:
        return reading.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def checksum(session_or_connection) -> str:
    """sha256 over every photo's id, path and fingerprint in id order: equal on both sides of a good copy."""
    digest = hashlib.sha256()
    rows = session_or_connection.execute(
        select(Photo.id, Photo.path, Photo.fingerprint).order_by(Photo.id), execution_options={"yield_per": BATCH}
    )
    for pid, path, fingerprint in rows:
        digest.update(f"{pid}\t{path}\t{fingerprint}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class _snapshot:
    """A read-only connection to the source that sees one consistent state for the whole copy."""

    def __init__(self, library):
        self.library = library
        self.connection = None

    def __enter__(self):
        connection = self.library.engine.connect()
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        self.connection = connection
        connection.begin()  # on SQLite, one read transaction: a WAL snapshot that writers cannot disturb
        return connection

    def __exit__(self, *exc):
        self.connection.rollback()
        self.connection.close()


def same_catalogue(first: str, second: str) -> bool:
    """True when two URLs name the same SQLite file or the same PostgreSQL database."""
    a, b = make_url(first), make_url(second)
    if a.get_backend_name() != b.get_backend_name():
        return False
    if a.get_backend_name() == "sqlite":
        if not a.database or not b.database or ":memory:" in (a.database, b.database):
            return False
        try:
            return os.path.samefile(a.database, b.database)
        except OSError:
            return os.path.abspath(a.database) == os.path.abspath(b.database)
    return (a.host or "localhost", a.port or 5432, a.database) == (b.host or "localhost", b.port or 5432, b.database)


def display_url(url: str) -> str:
    """A URL fit to print: the password hidden, a SQLite URL shown as its file."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def _holdings(counts: dict[str, int]) -> str:
    return (
        f"{counts['photo']} photo{_s(counts['photo'])}, {counts['place_name']} place name{_s(counts['place_name'])} "
        f"and {counts['setting']} setting{_s(counts['setting'])}"
    )


def _s(count: int) -> str:
    return "" if count == 1 else "s"
