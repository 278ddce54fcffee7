"""The `catalog` command: click only. Each command parses its arguments, asks the Library once, prints.

This is the one place errors become exit codes: 0 success, 1 a failure (a file that could not be read,
a catalogue that cannot be opened), 2 a usage error (a bad option, a malformed search term). No
traceback is shown unless --debug is given. Heavy modules are imported only when a command runs.
"""

from __future__ import annotations

import os
import sys

import click

from catalog.errors import CatalogError, UsageError


class LazyLibrary:
    """Opens the catalogue on first use, so `--help` and `parse-caption` never touch a database."""

    def __init__(self, location: str | None, rules: str | None):
        self.location = location
        self.rules = rules
        self._library = None
        self._readonly = None

    def get(self, *, readonly: bool = False):
        if self._library is None:
            from catalog.library import Library

            self._library = Library.open(self.location, readonly=readonly, on_wait=_say_waiting)
            self._library.use_rules(self.rules)
        return self._library

    def close(self) -> None:
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


@click.group(cls=CatalogGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    "location",
    metavar="PATH_OR_URL",
    envvar="CATALOG_DB",
    help="The catalogue: a SQLite file (default catalog.db here) or a URL such as "
    "postgresql+psycopg://user@host/news. Also CATALOG_DB.",
)
@click.option("--rules", metavar="FILE", help="House rules (agency aliases, credit styles) for this run.")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(package_name="catalog")
@click.pass_context
def main(ctx: click.Context, location: str | None, rules: str | None, debug: bool) -> None:
    """Catalogue press photos: import folders, search by place and date, print credit lists.

    \b
    Start here:
      catalog import images/
      catalog search in:Gansu
      catalog search taken:2025-10
      catalog credits
    """
    holder = LazyLibrary(location, rules)
    ctx.obj = holder
    ctx.call_on_close(holder.close)


def library(ctx: click.Context, *, readonly: bool = False):
    """The open Library for this command."""
    return ctx.find_object(LazyLibrary).get(readonly=readonly)


def format_option(*choices: str, default: str):
    """The same --format option everywhere."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format."
    )


from catalog.cli import commands  # noqa: E402,F401  (registers the commands on `main`)

