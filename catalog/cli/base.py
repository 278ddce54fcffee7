"""What every command shares: the catalogue opened on first use, the error boundary, the --format option."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from catalog.errors import CatalogError, UsageError

if TYPE_CHECKING:
    from catalog.library import Library
    from catalog.quick_search import QuickLibrary


class LazyLibrary:
    """Opens the catalogue on first use, so `--help` and `parse-caption` never touch a database."""

    def __init__(self, location: str | None, rules: str | None):
        self.location = location
        self.rules = rules
        self._library: Library | None = None
        self._reader: QuickLibrary | None = None
        self._reader_tried = False

    def get(self, *, readonly: bool = False, may_create: bool = False, long_running: bool = False) -> Library:
        """The open Library; only a command that fills a catalogue (import) may create one, and a command that
        runs for days (`watch`) opens it `long_running`, with SQLite's memory kept small."""
        if self._library is None:
            from catalog import db
            from catalog.library import Library

            self._library = Library.open(self.location, readonly=readonly, may_create=may_create,
                                         on_wait=_say_waiting, tuning=db.LONG_RUNNING if long_running else db.COMMAND)
            self._library.use_rules(self.rules)
        return self._library

    def reader(self):
        """For a command that only reads (search, show, places, timeline): the quick path on a SQLite catalogue
        at this schema (catalog.quick_search, no SQLAlchemy), which hands what it cannot answer to the Library;
        else the Library."""
        if not self._reader_tried:
            from catalog.quick_search import QuickLibrary

            self._reader_tried = True
            self._reader = QuickLibrary.open(self.location, rules=self.rules, full=self.get)
        return self._reader or self.get()

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
        if self._library is not None:
            self._library.close()


def _say_waiting(message: str) -> None:
    click.echo(f"catalog: {message}…", err=True)


class CatalogGroup(click.Group):
    """A click group whose invoke is the error boundary for every command."""

    def invoke(self, ctx: click.Context):
        debug = "--debug" in sys.argv[1:]
        try:
            return super().invoke(ctx)
        except UsageError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(2)
        except CatalogError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except Exception as error:
            if debug:
                raise
            click.echo(
                f"Error: something went wrong inside catalog ({type(error).__name__}: {error}). "
                "Run again with --debug for the details, and please report it.",
                err=True,
            )
            ctx.exit(1)


def library(ctx: click.Context, *, readonly: bool = False, may_create: bool = False, long_running: bool = False):
    """The open Library for this command (it must exist unless `may_create`; see LazyLibrary.get)."""
    lazy = ctx.find_object(LazyLibrary)
    if lazy is None:  # a command called outside the `catalog` group (never from the command line)
        raise CatalogError("no catalogue: run this command through `catalog`")
    return lazy.get(readonly=readonly, may_create=may_create, long_running=long_running)


def reader(ctx: click.Context):
    """The catalogue for a command that only reads it (`search`, `show`, `places`, `timeline`): see
    LazyLibrary.reader."""
    lazy = ctx.find_object(LazyLibrary)
    if lazy is None:  # a command called outside the `catalog` group (never from the command line)
        raise CatalogError("no catalogue: run this command through `catalog`")
    return lazy.reader()


def write_output(path: str, content: str) -> None:
    """Write a command's output to the file the person named, or say plainly why it cannot be written."""
    import os

    from catalog.errors import CatalogError

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise CatalogError(f"cannot write {path}: the folder {folder} does not exist")
    if os.path.isdir(path):
        raise UsageError(f"{path} is a folder; give a file name to write to")
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
    except OSError as error:
        raise CatalogError(f"cannot write {path}: {error.strerror or error}") from None


def format_option(*choices: str, default: str):
    """The same --format option everywhere."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format."
    )
