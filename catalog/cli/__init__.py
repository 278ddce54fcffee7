"""The `catalog` command: click only. Each command parses its arguments, asks the Library once, prints.

This is the one place errors become exit codes: 0 success, 1 a failure (a file that could not be read,
a catalogue that cannot be opened), 2 a usage error (a bad option, a malformed search term). No
traceback is shown unless --debug is given. Heavy modules are imported only when a command runs, and so is
each command's own module: `COMMANDS` names where each lives and its one-line help, so that `catalog --help`
lists them all without importing one and `catalog search` imports only catalog/cli/searching.py.

>>> sorted(main.commands)[:3]
['caption', 'check', 'copy']
>>> main.commands["search"].name  # imported from catalog.cli.searching when first asked for
'search'
"""

from __future__ import annotations

from catalog.cli import collector

collector.pause()  # while click and the commands' shared modules are imported: see catalog.cli.collector

import click  # noqa: E402

from catalog.cli.base import CatalogGroup, GivenLocation, GivenPath, LazyCommands, LazyLibrary  # noqa: E402

#: Every command of `catalog`: its name -> (its module in catalog.cli, the function, the one-line help that
#: `catalog --help` lists: the first paragraph of its docstring). A new command is added here; tests/test_help.py
#: checks each row against the command it names.
COMMANDS = {
    "import": ("importing", "import_", "Import photos from folders (recursively) and files: JPEG, TIFF, PNG, WebP, "
                                       "HEIC, AVIF."),
    "search": ("searching", "search", "Find photos by place, date, credit and words."),
    "show": ("photos", "show", "Everything known about one photo (a path, a file name or an id), with the source of "
                               "each value."),
    "credits": ("searching", "credits", "The credit list for the photos a search selects, in publication style."),
    "variants": ("variants", "variants", "Copies of the same picture, group by group, with the copy to run marked *."),
    "places": ("searching", "places", "How many photos were taken in each country, province and city."),
    "timeline": ("searching", "timeline", "How many photos were taken in each year, month or day."),
    "export": ("searching", "export", "Write full records (the JSON contract) for the photos a search selects."),
    "caption": ("photos", "caption", "Set a photo's caption by hand; credit, date and place are read from it again."),
    "set": ("photos", "set_", "Set any field by hand on one or many photos: PHOTO... FIELD=VALUE..."),
    "forget": ("photos", "forget", "Remove photos' records from the catalogue; their files are not touched."),
    "link": ("linking", "link", "Link the captions in an article or caption file to the photos they describe."),
    "write": ("writing", "write", "Write the catalogue's caption, credit, date and place into the photo files."),
    "story": ("desk", "story", "Stories: named, ordered lists of photos, the pictures of one article."),
    "kill": ("desk", "kill", "Mark photos killed: withdrawn, not to be used, and to come out of every story that uses "
                             "them."),
    "check": ("desk", "check", "Before a story runs: what stands in each photo's way, with the evidence."),
    "parse-caption": ("photos", "parse_caption", "Show what the caption parser finds in TEXT (or standard input): "
                                                 "credit, date, place."),
    "rules": ("photos", "rules", "Show or set the house rules: agency aliases, staff bylines and how credit lines are "
                                 "printed."),
    "verify": ("maintenance", "verify", "Check the photos a search selects (all without terms) against their files."),
    "copy": ("moving", "copy", "Copy every photo, place name and setting of this catalogue into another one."),
    "serve": ("web", "serve", "Show the catalogue as a contact sheet in the browser: search, filters, photos, credit "
                              "lists."),
    "watch": ("watching", "watch", "Watch hot folders: photos arriving by FTP or sync are in the catalogue within "
                                   "seconds."),
}


@click.group(cls=CatalogGroup, commands=LazyCommands("catalog.cli", COMMANDS),
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    "location",
    metavar="PATH_OR_URL",
    envvar="CATALOG_DB",
    type=GivenLocation(),
    help="The catalogue: a SQLite file (default catalog.db here) or a URL such as "
    "postgresql+psycopg://user@host/news. Also CATALOG_DB.",
)
@click.option("--rules", metavar="FILE", type=GivenPath(path_type=str, readable=False),
              help="House rules (agency aliases, credit styles) for this run.")
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


collector.resume()  # paused again by CatalogGroup.main for the command's start-up
