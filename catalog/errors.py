"""Errors the catalogue raises, each with a message written for the person at the keyboard."""


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


class MissingCatalogue(DatabaseError):
    """A command that only reads was pointed at a catalogue that does not exist (a mistyped --db)."""


class ReadOnlyCatalogue(DatabaseError):
    """The catalogue's file or its folder cannot be written (permissions, a read-only share or disc)."""

