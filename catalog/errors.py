"""Errors the catalogue raises, each with a message written for the person at the keyboard."""

from __future__ import annotations


class CatalogError(Exception):
    """Base class: anything the CLI should show as a plain message and exit 1."""


class UsageError(CatalogError):
    """The user asked for something malformed (a bad query term, a bad option value); exit 2."""


class QueryError(UsageError):
    """A search term could not be parsed; the message points at the term."""

    def __init__(self, term: str, reason: str):
        self.term = term
        self.reason = reason
        super().__init__(f"cannot understand search term {term!r}: {reason}")


class NotFound(CatalogError):
    """A photo, file or setting that was named does not exist."""


class DatabaseError(CatalogError):
    """The catalogue file or server cannot be opened, upgraded or written."""


class NotACatalogue(DatabaseError):
    """The path given as a catalogue is something else (a folder, a file that is not a SQLite database).

    The message names the option the path came from, --db unless told otherwise, so `copy --to` can say
    that its target is the one at fault:

    >>> str(NotACatalogue("/tmp is a folder, not a catalogue").given_as("--to"))
    '/tmp is a folder, not a catalogue: check --to'
    """

    def __init__(self, problem: str, option: str = "--db (or CATALOG_DB)"):
        self.problem = problem
        super().__init__(f"{problem}: check {option}")

    def given_as(self, option: str) -> NotACatalogue:
        """The same error for a path given with another option."""
        return NotACatalogue(self.problem, option)


class NewerCatalogue(DatabaseError):
    """The catalogue was made by a newer version of catalog (its schema is one this version does not know).

    >>> str(NewerCatalogue("0099").given_as("the catalogue to copy into (--to)"))[:73]
    'the catalogue to copy into (--to) was made by a newer version of catalog '
    """

    def __init__(self, schema: str, which: str = "this catalogue"):
        self.schema = schema
        super().__init__(f"{which} was made by a newer version of catalog (schema {schema}); upgrade catalog to "
                         "open it (pip install -U catalog)")

    def given_as(self, which: str) -> NewerCatalogue:
        """The same error, naming which catalogue it is."""
        return NewerCatalogue(self.schema, which)


class ServerGone(DatabaseError):
    """The database server went away in the middle of a command (stopped, restarted, the network cut): what the
    command had not committed was rolled back by the server, what it committed is kept."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"lost the connection to the database server ({reason}): what was not yet stored was "
                         "not written, and what was stored is kept; try again once the server is back")


class MissingCatalogue(DatabaseError):
    """A command that only reads was pointed at a catalogue that does not exist (a mistyped --db)."""


class ReadOnlyCatalogue(DatabaseError):
    """The catalogue's file or its folder cannot be written (permissions, a read-only share or disc)."""


class DamagedCatalogue(DatabaseError):
    """The catalogue's SQLite file is corrupt (a disk fault, a copy cut short, a file edited by something else).

    >>> str(DamagedCatalogue("/srv/news.db", "database disk image is malformed"))[:75]
    'the catalogue /srv/news.db is damaged (SQLite: database disk image is malfo'
    """

    def __init__(self, path: object, reason: str):
        if path is None:
            super().__init__(f"the catalogue is damaged (SQLite: {reason}). Restore it from a copy")
            return
        name = str(path).rsplit("/", 1)[-1]
        super().__init__(
            f"the catalogue {path} is damaged (SQLite: {reason}). Restore it from a copy (an upgrade leaves one "
            f"beside it, named {name}.backup-DATE), or save what it still holds into a new file with: "
            f"sqlite3 {path} .recover | sqlite3 rescued.db"
        )


def is_damaged(error: BaseException) -> bool:
    """True for SQLite's 'database disk image is malformed' (SQLITE_CORRUPT), from sqlite3 or through SQLAlchemy.

    >>> is_damaged(Exception("database disk image is malformed")), is_damaged(Exception("database is locked"))
    (True, False)
    """
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF == 11) or "malformed" in str(original).split("\n")[0]


def not_utf8(text: str) -> str | None:
    """Why text a person typed cannot be kept, or None: a terminal set to another encoding than the system's
    (GBK, Latin-1) sends bytes that are not UTF-8, which Python keeps as lone surrogates that no catalogue
    can store.

    >>> not_utf8("café"), not_utf8("caf\\udce9")
    (None, 'it is not UTF-8 text (byte 0xe9 at character 4): set the terminal to UTF-8 and type it again')
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        byte = ord(text[error.start]) - 0xDC00
        shown = f"byte {byte:#04x}" if 0x80 <= byte <= 0xFF else "a character that is no text"
        return f"it is not UTF-8 text ({shown} at character {error.start + 1}): set the terminal to UTF-8 and " \
               "type it again"
    return None


def typed_text(text: str, what: str) -> str:
    """`text` as typed, or a usage error naming `what` when it cannot be kept (see not_utf8)."""
    if (why := not_utf8(text)) is not None:
        raise UsageError(f"{what}: {why}")
    return text


#: The most a text a person hands over (an article, a captions file, house rules, a caption piped in) is read
#: to: far above any real one (a day's captions file is a few hundred KB), far below what hurts the machine.
TEXT_LIMIT = 64 * 1024 * 1024


def read_at_most(handle, what: str, limit: int = TEXT_LIMIT, error: type[CatalogError] = CatalogError) -> bytes:
    """All of `handle`'s bytes, or `error` naming `what` when it holds more than `limit`: a device (/dev/zero),
    a video or a disk image given by mistake was read whole into memory until the machine ran out of it.

    >>> import io
    >>> read_at_most(io.BytesIO(b"abc"), "x", limit=3)
    b'abc'
    >>> read_at_most(io.BytesIO(b"abcd"), "rules file big.toml", limit=3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    catalog.errors.CatalogError: rules file big.toml is larger than any text of its kind (over 3 bytes); ...
    """
    raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise error(too_large(what, limit))
    return raw


def too_large(what: str, limit: int = TEXT_LIMIT) -> str:
    """What is said of a text over `limit` bytes (read_at_most; catalog.textfiles before reading any)."""
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return f"{what} is larger than any text of its kind (over {size}); nothing was read from it"


def utf8_text(raw: bytes, what: str, then: str, error: type[CatalogError] = CatalogError) -> str:
    """Bytes read from a file or a pipe as UTF-8 text, a byte-order mark left out (Windows Notepad writes one), or
    `error` naming `what` and the first byte that is not UTF-8, then what to do (`then`).

    >>> utf8_text("\\ufeffcafé".encode(), "x", "save it as UTF-8"), utf8_text(b"ok", "x", "")
    ('café', 'ok')
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        raise error(f"{what} is not UTF-8 text (byte {raw[failure.start]:#04x} at offset {failure.start}): "
                    f"{then}") from None
