"""The `catalog` command: click only. Each command parses its arguments, asks the Library once, prints.

This is the one place errors become exit codes: 0 success, 1 a failure (a file that could not be read,
a catalogue that cannot be opened), 2 a usage error (a bad option, a malformed search term). No
traceback is shown unless --debug is given. Heavy modules are imported only when a command runs.
"""

from __future__ import annotations

import click

from catalog.cli import (
    desk,
    importing,
    linking,
    maintenance,
    moving,
    photos,
    searching,
    variants,
    watching,
    web,
    writing,
)
from catalog.cli.base import CatalogGroup, LazyLibrary


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


#: Every command of `catalog`; a new command is added here.
COMMANDS = (
    importing.import_,
    searching.search,
    photos.show,
    searching.credits,
    variants.variants,
    searching.places,
    searching.timeline,
    searching.export,
    photos.caption,
    photos.set_,
    photos.forget,
    linking.link,
    writing.write,
    desk.story,
    desk.kill,
    desk.check,
    photos.parse_caption,
    photos.rules,
    maintenance.verify,
    moving.copy,
    web.serve,
    watching.watch,
)
for _command in COMMANDS:
    main.add_command(_command)
