"""`catalog copy`: the whole catalogue into another one, typically from a SQLite file up to PostgreSQL."""

from __future__ import annotations

import sys

import click

from catalog.cli.base import GivenLocation, _say_waiting, library


@click.command("copy")
@click.option("--to", "target_location", required=True, metavar="PATH_OR_URL", type=GivenLocation(),
              help="The catalogue to copy into: a new or empty one, given as a SQLite file or a URL such as "
              "postgresql+psycopg://user@host/news. Its schema is made by the migrations.")
@click.option("--force", is_flag=True,
              help="Copy even when the target already holds photos: everything in it is deleted first.")
@click.pass_context
def copy(ctx: click.Context, target_location: str, force: bool):
    """Copy every photo, place name and setting of this catalogue into another one.

    Ids are kept, the copy is one transaction (complete and verified, or not made at all), and it is
    checked afterwards: the same counts and the same checksum of ids, paths and fingerprints on both
    sides. This catalogue is only read. A target that holds photos is refused unless --force is given.

    \b
    Examples:
      catalog copy --to postgresql+psycopg://news@db.example/photos
      catalog --db desk.db copy --to backup.db
      catalog copy --to postgresql+psycopg://news@db.example/photos --force
    """
    from catalog.errors import NewerCatalogue, NotACatalogue
    from catalog.library import Library
    from catalog.moving import check_source, copy_catalogue

    source = library(ctx, readonly=True)
    check_source(source)
    try:
        target = Library.open(target_location, on_wait=_say_waiting)
    except NotACatalogue as error:
        raise error.given_as("--to") from None
    except NewerCatalogue as error:
        raise error.given_as("the catalogue to copy into (--to)") from None
    ctx.call_on_close(target.close)
    bar = _Counter(source.count()) if sys.stderr.isatty() else None
    report = copy_catalogue(source, target, replace=force, advance=bar.advance if bar else None)
    if bar:
        bar.finish()
    click.echo(report.summary())


class _Counter:
    """'Copying photos: 4,000 of 12,408' on one terminal line."""

    def __init__(self, total: int):
        self.total = total
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count
        click.echo(f"\rCopying photos: {self.done:,} of {self.total:,}", err=True, nl=False)

    def finish(self) -> None:
        if self.done:
            click.echo("", err=True)
