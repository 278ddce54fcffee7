"""`catalog search`, `credits`, `export`, `places`, `timeline`: selecting photos and printing them."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

from catalog.cachedir import collection_paused
from catalog.cli.base import GivenPath, format_option, library, reader, stop_interrupted, write_output
from catalog.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from catalog.credits import CreditEntry
    from catalog.story_copies import StoryCopies

QUERY_HELP = """
\b
Search terms (all must match; each shell argument is one term):
  WORD                 words anywhere in caption, headline, credits, keywords, places
  "two words"          a phrase
  in:PLACE             any level of the place: sublocation, city, province, country, code;
                       a place is matched as an entity, in any spelling or script
                       (in:USA = in:US = in:"United States" = in:美国; in:CN-AH = in:Anhui)
  city: province: country: sublocation:   one level only (state: = province:, at: = sublocation:)
  shown:PLACE          what the photo shows (XMP LocationShown)
  taken:DATE           2025, 2025-10, 2025-10-14, "October 2025", "14 October 2025",
                       "Oct. 14, 2025", 2025-W42, today, yesterday, -7d (-2w, -3m, -1y),
                       and ranges A..B, A.., ..B of any of these
  released:DATE        the release date, same forms
  by:NAME              the photographer, by whole name tokens in any order, case or
                       script (by:Li finds "Li Xin"; by:张大刚 finds "Zhang Dagang")
  credit:TEXT          an agency of the registry (credit:AP, credit:新华社), else the
                       words of the credit line, agency, provider or source
  keyword:WORD         a keyword or any indexed word
  near:PLACE|LAT,LON   within:DIST (50km by default; also 500m, 20mi)
  conflicts:yes|no     EXIF, IPTC and XMP disagree
  missing:yes|no       the file was gone at the last import
  damaged:yes|no       the image data is cut short (an interrupted transfer)
  restricted:yes|no|KIND   a restriction in force (editorial_only, region_out,
                       mandatory_credit, no_sales, embargo, ... see `catalog check`)
  embargoed:yes|no     an embargo in force now (or at --at TIME)
  ai:yes|no            the file says generative AI made it
  c2pa:valid|invalid|none   C2PA Content Credentials that validate, fail, or none
  used:yes|no|STORY    in a story (catalog story), in none, in that one
  killed:yes|no        withdrawn (catalog kill, or a kill note in the file)
  similar:PHOTO        copies and look-alikes of a photo (id or file), closest first
  variants:yes|no      has a copy in the catalogue (catalog variants)
  -TERM                not (-in:Beijing, -train)
  FIELD:A,B            either (in:Gansu,Anhui, by:Zhang,Xu)

\b
Grammar:
  term    := ["-"] field ":" value ("," value)*  |  ["-"] word  |  ["-"] '"' words '"'
  Quotes group words inside one argument: 'by:"Zhang Dagang" in:Hefei' is two terms.
  Matching ignores case and accents (krakow finds Kraków). A date stored less
  precisely than the query (2025-10) matches any query date inside it, and the
  output says so: the table marks it with *, JSON gives "match" notes.

\b
More examples:
  catalog search taken:"Oct. 14, 2025"
  catalog search taken:2025-W42 -credit:Xinhua
  catalog search taken:-7d..              the last seven days
  catalog search near:31.82,117.23 within:5km --format json
  catalog search train Gobi --format template --template '{taken} {path}'
"""

#: Search terms may start with "-" (`-in:Beijing`): click passes what is not one of its options on as a term.
TERMS_CONTEXT = {"ignore_unknown_options": True}

#: Put before a single-dash term so that click does not read `-photo` as the options -p -h -o -t -o.
_TERM_MARK = "\x00"


class TermsCommand(click.Command):
    """A command taking search TERMS, where a term may start with "-" (`-in:Beijing`, `-photo`).

    click reads `-photo` as a cluster of short options, and `-h` among them would print the help. An argument
    with one dash that is not exactly one of the command's options (or the value of the option before it) is
    passed on as a term instead; `--mistyped` long options still reach the query parser's clear error.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value: dict[str, bool] = {}
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                for name in (*param.opts, *param.secondary_opts):
                    takes_value[name] = not (param.is_flag or param.count)
        marked: list[str] = []
        value_next = False
        for index, arg in enumerate(args):
            if arg == "--":
                marked.extend(args[index:])
                break
            if value_next:
                value_next = False
            elif arg in takes_value:
                value_next = takes_value[arg]
            elif arg.startswith("-") and not arg.startswith("--") and len(arg) > 1 and not takes_value.get(arg[:2]):
                arg = _TERM_MARK + arg
            marked.append(arg)
        rest = super().parse_args(ctx, marked)
        for key, value in ctx.params.items():
            if isinstance(value, tuple):
                ctx.params[key] = tuple(v.removeprefix(_TERM_MARK) if isinstance(v, str) else v for v in value)
        if ctx.params.get("terms") and not ctx.params.get("files"):
            from catalog.query import check

            check(list(ctx.params["terms"]))  # a malformed term is a usage error before any catalogue is opened
        return rest


def _query_args(terms, place, date_from, date_to, by, credit) -> list[str]:
    args = list(terms)
    if place:
        args.append(f"in:{place}")
    if date_from or date_to:
        args.append(f"taken:{date_from or ''}..{date_to or ''}")
    if by:
        args.append(f"by:{by}")
    if credit:
        args.append(f"credit:{credit}")
    return args


def query_options(function=None, *, photographer: bool = True):
    """--in/--from/--to/--by/--credit, for those who prefer options to terms (`timeline` has its own --by)."""
    options = [
        click.option("--in", "place", metavar="PLACE", help="Same as in:PLACE."),
        click.option("--from", "date_from", metavar="DATE", help="Taken on or after DATE."),
        click.option("--to", "date_to", metavar="DATE", help="Taken on or before DATE."),
        click.option("--by", metavar="NAME", help="Same as by:NAME.") if photographer else None,
        click.option("--credit", metavar="TEXT", help="Same as credit:TEXT."),
    ]

    def decorate(function):
        for option in reversed([o for o in options if o is not None]):
            function = option(function)
        return function

    return decorate(function) if function is not None else decorate


def _check_template(fmt: str, template: str | None, extra: tuple[str, ...] = ()) -> str:
    """The output format once --template is given, or a usage error for a template naming unknown fields."""
    from catalog import render

    if fmt == "template" and not template:
        raise UsageError("--format template needs --template, e.g. --template '{taken} {location.city}'")
    if not template:
        return fmt
    if fmt not in ("template", "table", "text"):  # --template with another --format named on purpose
        raise UsageError(f"--template goes with --format template, not --format {fmt}")
    unknown = render.check_template(template, extra)
    if unknown:
        raise UsageError(
            f"the template names unknown fields: {', '.join(unknown)} (the names are those of the JSON contract, "
            "e.g. {path}, {taken}, {credit.line}, {location.city}; see `catalog search --format json`)"
        )
    return "template"


def _table_columns(query) -> tuple[str, ...]:
    """The photo columns `search`'s table reads for this query (see _search_table): the date, the place, what
    the credit is made of, the file, the caption; the headline, title and keywords when words are shown in
    context; the release date and the place entity only for the notes of a term that can give one."""
    columns = ["id", "taken", "city", "province", "country", "path", "caption", "photographer", "credit_line",
               "agency", "provider"]
    if any(not words.negated for words in query.words):
        columns += ["headline", "title", "keywords"]
    for term in query.terms:
        if getattr(term, "column", None) == "released":
            columns.append("released")
        if getattr(term, "meanings", None):
            columns.append("place")
    return tuple(dict.fromkeys(columns))


#: The photo columns each --format of `search` prints from, for the query (the others print whole records): the
#: quick path reads only these (QuickLibrary.search).
PRINTED = {
    "table": _table_columns,
    "paths": lambda query: ("path",),
    "paths0": lambda query: ("path",),
}

#: What `search` adds to the JSON contract for each result (besides distance_km with near:).
SEARCH_EXTRA = ("taken_precision", "match", "distance_km", "distance_approximate")


def _at_most_a_database_int(number: int | None) -> int | None:
    """A --limit or --offset beyond any catalogue's size means "all": it is read as 2**40 (a million million
    photos), so that the two added together, and a page's date window of 64 times the page, still fit SQLite's
    and PostgreSQL's 64-bit integers."""
    return None if number is None else min(number, 2**40)


@click.command(cls=TermsCommand, epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@query_options
@format_option("table", "json", "csv", "paths", "paths0", "template", default="table")
@click.option("--template", metavar="TEXT", help="A line per photo, e.g. '{taken} {location.city}: {credit.line}' "
              "(implies --format template).")
@click.option("--sort", type=click.Choice(["relevance", "date", "path", "distance"]),
              help="Order (default: relevance when there are words, distance for near:, else date then path).")
@click.option("--reverse", is_flag=True, help="The other way round: newest, last or farthest first.")
@click.option("--limit", type=click.IntRange(min=1), callback=lambda _c, _p, n: _at_most_a_database_int(n),
              help="At most N photos (default: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, callback=lambda _c, _p, n: _at_most_a_database_int(n),
              help="Skip the first N photos (for paging).")
@click.option("--at", "at", metavar="TIME", help="Judge embargoes (embargoed:, restricted:) at TIME, not now: "
              "2025-10-14T08:00, 2025-10-14T08:00+09:00 (no zone: this computer's).")
@click.pass_context
def search(ctx, terms, place, date_from, date_to, by, credit, fmt, template, sort, reverse, limit, offset, at):
    """Find photos by place, date, credit and words.

    Words are looked up in the full-text index and ranked by relevance (caption, headline and keywords
    that say the word more often come first); the table shows them in context, [bracketed].
    JSON adds "taken_precision" and "match" (why a photo matched loosely, or which of the places
    a name such as Georgia means it is in) to each photo's record, and "distance_km" with near:.

    \b
    Examples:
      catalog search in:Gansu
      catalog search taken:2025-10
      catalog search taken:"October 2025" -in:Beijing
      catalog search 'by:"Zhang Dagang" in:Hefei'
      catalog search in:美国 credit:AP             the same as in:USA credit:"Associated Press"
      catalog search conflicts:yes               GPS far from the stated place, copies that disagree
      catalog search in:Gansu,Anhui -in:Hefei taken:2025-08..2025-10
      catalog search near:Hefei within:20km --sort distance
      catalog search in:Gansu --sort date --reverse --limit 20 --offset 20
      catalog search train --format json
      catalog search --format template --template '{taken} {location.city}: {credit.line}'
      catalog search embargoed:yes --at 2025-10-14T08:00+09:00
      catalog search restricted:region_out,no_sales -used:yes
    """
    from catalog import render

    fmt = _check_template(fmt, template, SEARCH_EXTRA)
    moment = None
    if at:
        from catalog.rights import moment as read_moment

        moment = read_moment(at)
    lib = reader(ctx)
    lib.as_of = moment
    args = _query_args(terms, place, date_from, date_to, by, credit)
    if fmt == "table":  # thousands of rows and cells, none of them in a cycle: no collection walks them
        with collection_paused():
            _search_table(lib, args, sort=sort, limit=limit, offset=offset, reverse=reverse)
        return
    result = lib.search(args, sort=sort, limit=limit, offset=offset, reverse=reverse, columns=PRINTED.get(fmt))
    hits = result.hits
    if not hits:
        _say_no_match(result.query, quiet=True)
    if fmt == "json":
        click.echo(render.to_json([_with_match(render.photo_json(h.photo), h, result.query) for h in hits]))
    elif fmt == "csv":
        click.echo(render.to_csv([render.photo_json(h.photo) for h in hits]), nl=False)
    elif fmt == "paths":
        click.echo("".join(hit.photo.path + "\n" for hit in hits), nl=False)
    elif fmt == "paths0":  # for xargs -0: file names may hold newlines
        click.echo("".join(hit.photo.path + "\0" for hit in hits), nl=False)
    else:  # template
        for hit in hits:
            click.echo(render.render_template(template, _with_match(render.photo_json(hit.photo), hit, result.query)))


def _say_no_match(query, *, quiet: bool = False) -> None:
    """"No photos match." on stderr (not with `quiet`: the machine formats print their empty list), and a
    note for each place name the gazetteer does not know (`render.unknown_place_notes`)."""
    from catalog import render

    if not quiet:
        click.echo("No photos match.", err=True)
    for note in render.unknown_place_notes(query):
        click.echo(f"Note: {note}.", err=True)


def _with_match(record: dict, hit, query) -> dict:
    """The JSON contract plus what this search learned: the date's precision, loose matches, the distance."""
    from catalog import render

    record["taken_precision"] = render.precision(hit.photo.taken)
    record["match"] = render.match_notes(query, hit.photo)
    if hit.distance_km is not None:
        record["distance_km"] = round(hit.distance_km, 2)
        record["distance_approximate"] = hit.approximate
        if hit.approximate:
            place = hit.photo.city or hit.photo.province or hit.photo.country or "the named place"
            record["match"].append(f"distance from the gazetteer's point for {place}: the photo has no GPS")
    return record


def _search_table(lib, args: list[str], *, sort: str | None, limit: int | None, offset: int, reverse: bool) -> None:
    """The results as a table; the count below says which part of how many photos it shows."""
    from catalog import render
    from catalog.credits import credit_lines

    # The footer says "N of M photos": a ranked search counts M in the scan that ranks (search.total).
    result = lib.search(args, sort=sort, limit=limit, offset=offset, reverse=reverse, columns=PRINTED["table"],
                        total=limit is not None or offset > 0)
    total = None
    if offset or (limit is not None and result.size == limit):  # a part: of how many?
        total = result.total if result.total is not None else lib.search_count(args)

    words = [w for term in result.query.words if not term.negated for w in term.words]
    near = result.query.near is not None
    headers = ["id", "taken", "place", "credit", "file"]
    if near:
        headers.insert(3, "km")
    headers.append("matches" if words else "caption")
    # Column by column, each a list in one pass: a table of every match prints thousands of rows, read as
    # sqlite3's rows on the quick path (no object per photo unless a note or a snippet asks for one).
    column = result.column
    ids = column("id")
    if not ids:
        _say_no_match(result.query)
        return
    takens = render.taken_texts(column("taken"))
    loose = False
    if render.may_note(result.query):
        for index, hit in enumerate(result.hits):
            if render.match_notes(result.query, hit.photo):
                takens[index] += "*"
                loose = True
    captions = column("caption")
    last = ([render.snippet_of(hit.photo, words) for hit in result.hits] if words
            else [caption or "" for caption in captions])
    columns = [list(map(str, ids)), takens, render.place_texts(column("city"), column("province"), column("country")),
               credit_lines(lib, column("photographer"), column("credit_line"), column("agency"), column("provider"),
                            captions),
               [path[path.rfind("/") + 1:] for path in column("path")], last]
    if near:
        columns.insert(3, [f"{hit.distance_km:.1f}" + ("~" if hit.approximate else "") for hit in result.hits])
    click.echo(render.table_of_columns(columns, headers))
    notes = []
    if "(" in "".join(takens):
        notes.append("a date in (brackets) is stored at that precision and matches any day inside it")
    if loose:
        notes.append("* the date is known less precisely than the date searched for: it may fall outside it")
    if near and any(h.approximate for h in result.hits):
        notes.append("~ distance from the gazetteer's coordinates for the named place (no GPS)")
    for term in result.query.terms:  # a place name that means several places: say which
        meanings = getattr(term, "meanings", None)
        if meanings and not term.negated:
            notes.append(f"{term.text} means {' or '.join(dict.fromkeys(label for _, _, label in meanings))}")
    shown = f"{len(ids)} photo{'s' if len(ids) != 1 else ''}"
    if total is not None:
        first = offset + 1
        shown = (f"{len(ids)} of {total:,} photos" if not offset
                 else f"photos {first:,}-{offset + len(ids):,} of {total:,}")
    click.echo(shown + (f"; {'; '.join(notes)}" if notes else ""), err=True)


#: What `credits --format template` adds to the JSON contract for each line.
CREDIT_EXTRA = ("line", "name", "kind", "count", "paths")


@click.command(cls=TermsCommand, epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@query_options
@click.option("--files", "files", multiple=True, metavar="PHOTO",
              help="Credit these photos, in this order (repeat, or list after --files). Overrides terms.")
@click.option("--group", is_flag=True, help="One line per credited person or organisation (without it: per "
              "distinct credit line), with a count.")
@click.option("--inline", is_flag=True, help="One line: 'Photos: A; B; C', duplicates merged.")
@format_option("text", "markdown", "csv", "json", "template", default="text")
@click.option("--template", metavar="TEXT",
              help="With --format template: the JSON contract's fields of the (first) photo, plus {line} "
              "(the credit in house style), {name}, {kind}, {count}: e.g. '{line} ({path})'.")
@click.pass_context
def credits(ctx, terms, place, date_from, date_to, by, credit, files, group, inline, fmt, template):
    """The credit list for the photos a search selects, in publication style.

    Each line follows the house rules (the shipped rules, a catalogue's `rules` setting, or --rules FILE):
    for example "Xinhua/{photographer}" for Xinhua, "Photo/{photographer}" for a photographer with no
    agency. --files keeps the story's order; --inline prints the line to put under a story, each
    photographer, agency or provider once.

    \b
    Examples:
      catalog credits                          every photo in the catalogue
      catalog credits in:Gansu --group
      catalog credits --files b.jpg a.jpg --inline
      catalog credits taken:2025-10 --format markdown
      catalog --rules house.toml credits --files a.jpg b.jpg
      catalog credits --format template --template '{taken} {location.city}: {line}'
    """
    from catalog import render
    from catalog.credits import (
        counted,
        credit_counts,
        credit_list,
        distinct_lines,
        group_credits,
        inline_credits,
        records,
    )
    from catalog.quick_search import QuickLibrary

    fmt = _check_template(fmt, template, CREDIT_EXTRA)
    # The quick read path (no SQLAlchemy) unless the lines print whole records (--format template).
    lib = library(ctx) if fmt == "template" else reader(ctx)
    args = _query_args(terms, place, date_from, date_to, by, credit)
    if files and args:
        # `--files a.jpg b.jpg`: click gives the first to --files and the rest as terms.
        files = tuple(files) + tuple(a for a in args)
        args = []
    # The formats that print counts, on the quick path: each distinct credit counted in SQL, not read per photo.
    quick = (credit_counts(lib, args) if fmt in ("text", "markdown") and not files and isinstance(lib, QuickLibrary)
             else None)
    credited: Sequence[tuple[Any, CreditEntry]]
    if quick is not None:
        credited, copies = quick
        say_copies(copies)
    else:
        credited = credit_list(lib, args, files=list(files) if files else None)
        warn_copies(lib, [photo for photo, _ in credited])
    if inline:
        click.echo(inline_credits(credited) or "No photos match.")
        return
    entries = [entry for _, entry in credited]
    entries = group_credits(entries) if group else distinct_lines(entries)
    rows = [{"line": e.line, "name": e.name, "kind": e.kind, "count": e.count, "paths": e.paths}
            for e in entries] if fmt in ("json", "csv", "template") else []
    if fmt == "json":
        click.echo(render.to_json(rows))
    elif fmt == "csv":
        click.echo(render.to_csv(rows, columns=("line", "name", "kind", "count", "paths")), nl=False)
    elif fmt == "template":
        photos = records(lib, credited, [row["paths"][0] for row in rows if row["paths"]], searched=not files)
        for row in rows:
            record = render.photo_json(photos[row["paths"][0]]) if row["paths"] else {}
            click.echo(render.render_template(template, {**record, **row}))
    else:
        if not entries:
            click.echo("No photos match.", err=True)
        else:  # one write: a list of thousands of lines spent 0.07 s in click.echo line by line
            lines = (counted(entry, always=group) for entry in entries)
            click.echo("\n".join(f"- {line}" if fmt == "markdown" else line for line in lines))


def warn_copies(lib, photos) -> None:
    """Say when a story uses two copies of one picture (a variant group; see `catalog variants`)."""
    from catalog.quick_search import QuickLibrary

    if isinstance(lib, QuickLibrary):  # the quick read path: no SQLAlchemy or numpy when nothing is compared
        found = lib.copies_in(photos)
    else:
        from catalog.variants import copies_in

        found = copies_in(lib, photos)
    say_copies(found)


def say_copies(found: StoryCopies) -> None:
    """The warnings of the copies check: each group of copies of one picture, and the photos left unchecked."""
    for same in found.groups:
        names = ", ".join(f"{photo.id} ({photo.path.rsplit('/', 1)[-1]})" for photo in same)
        click.echo(f"warning: photos {names} are copies of one picture; run one of them "
                   f"(`catalog variants similar:{same[0].id}` shows which)", err=True)
    if found.unchecked:
        click.echo(f"note: {found.unchecked:,} of these photos have no fingerprint yet and were not checked for "
                   "copies of one picture (`catalog variants` fingerprints the catalogue)", err=True)


@click.command(cls=TermsCommand, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@format_option("json", "csv", "html", "xmp", default="json")
@click.option("--output", "-o", type=GivenPath(writable=True),
              help="Write to FILE, not stdout. With --format html: the folder to write (index.html, thumbs/).")
@click.option("--force", is_flag=True, help="With --format xmp: put the catalogue's values into sidecars that "
              "already exist, keeping what else they hold. With --format html: replace files in the folder that no "
              "export wrote.")
@click.option("--sidecar-name", type=click.Choice(["stem", "full"]), default="stem", show_default=True,
              help="With --format xmp: photo.xmp (stem: Lightroom, Bridge, Capture One, digiKam's "
              "choice) or photo.jpg.xmp (full: darktable).")
@click.pass_context
def export(ctx, terms, fmt, output, force, sidecar_name):
    """Write full records (the JSON contract) for the photos a search selects.

    --format html writes a contact sheet that needs no server into the folder given by -o:
    index.html and a thumbs/ folder, to mail or put on a share. It replaces what an earlier export
    wrote there; a file of anyone else's in its way stops it, nothing written, unless --force.

    --format xmp writes an XMP sidecar beside each photo (photo.jpg -> photo.xmp) with the catalogue's
    caption, headline, creator, credit line, source, copyright, date taken, place (IPTC Core and
    Extension) and keywords, for Lightroom, darktable or digiKam to read. An existing sidecar is
    kept unless --force, which puts the catalogue's values into it and keeps everything else it
    holds (develop settings, ratings, labels); nothing is written outside the photo's folder. Exit status 1 when a
    sidecar could not be written.

    \b
    Examples:
      catalog export > everything.json
      catalog export in:Gansu --format csv -o gansu.csv
      catalog export --format html -o gansu-sheet in:Gansu
      catalog export in:Hefei --format xmp
      catalog export --format xmp --sidecar-name full --force
    """
    from catalog import render

    lib = library(ctx)
    if fmt == "xmp":
        from catalog import sidecars

        if output:
            raise UsageError("--format xmp writes each sidecar beside its photo; it takes no -o")
        report = sidecars.export_sidecars(lib, list(terms), force=force, naming=sidecar_name)
        for path in report.written:
            click.echo(f"wrote {path}")
        for path in report.kept:
            click.echo(f"kept  {path} (it exists; --force replaces it)", err=True)
        for failure in report.failures:
            click.echo(f"FAILED {failure.path}: {failure.reason}", err=True)
        click.echo(f"{len(report.written)} sidecars written, {len(report.kept)} kept, "
                   f"{len(report.failures)} failed", err=True)
        if report.interrupted:
            stop_interrupted(ctx, report.not_reached, listed="sidecars", none_new=True)
        if report.failures:
            ctx.exit(1)
        return
    if sidecar_name != "stem":
        raise UsageError("--sidecar-name goes with --format xmp")
    if fmt == "html":
        from catalog.web.static_export import export_html

        if not output:
            raise UsageError("--format html needs -o OUT_DIR, the folder to write the contact sheet into")
        report = export_html(lib, list(terms), output, force=force)
        for path in report.replaced:
            click.echo(f"replaced  {path} (no export wrote it; --force)", err=True)
        click.echo(f"{report.photos} photos written to {report.folder / 'index.html'}", err=True)
        return
    if force:
        raise UsageError("--force goes with --format xmp or html")
    if output and os.path.isdir(output):
        raise UsageError(f"{output} is a folder; --format {fmt} writes a file (--format html writes a folder)")
    records = [render.photo_json(photo) for photo in lib.search(list(terms)).photos]
    content = render.to_json(records) + "\n" if fmt == "json" else render.to_csv(records)
    if output:
        write_output(output, content)
        click.echo(f"{len(records)} photos written to {output}", err=True)
    else:
        click.echo(content, nl=False)


@click.command(cls=TermsCommand, epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@query_options
@format_option("text", "json", "csv", default="text")
@click.pass_context
def places(ctx, terms, place, date_from, date_to, by, credit, fmt):
    """How many photos were taken in each country, province and city.

    Counts the photos the search terms select (all without terms), largest first, with the term that
    selects each place; photos whose place is not known at a level are counted as "(unknown)".
    Places are counted as entities: each country once under its English name, however the files
    spell it (USA, U.S., 美国), provinces and cities under it; a photo with GPS alone is counted
    where its point is. JSON gives each entity's key (country:US, province:CN-AH, city:1808722);
    a city the gazetteer does not know is counted as the photos state it.

    \b
    Examples:
      catalog places
      catalog places taken:2025
      catalog places credit:Xinhua --format csv
      catalog places train --format json
    """
    from catalog import render, summaries

    counts = summaries.place_counts(reader(ctx), _query_args(terms, place, date_from, date_to, by, credit))
    _print_counts(counts, fmt, summaries, render)


@click.command(cls=TermsCommand, epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@query_options(photographer=False)
@click.option("--by", "period", type=click.Choice(["year", "month", "day"]), default="month",
              show_default=True, help="Count per year, per month (within years) or per day (within months).")
@format_option("text", "json", "csv", default="text")
@click.pass_context
def timeline(ctx, terms, place, date_from, date_to, credit, period, fmt):
    """How many photos were taken in each year, month or day.

    Counts the photos the search terms select (all without terms), oldest first, with the term that
    selects each period. A photo dated only to the month is counted in its month but in no day.

    \b
    Examples:
      catalog timeline
      catalog timeline in:Gansu --by day
      catalog timeline credit:Xinhua --by year --format csv
      catalog timeline by:"Zhang Dagang"      (by: the photographer, as a term)
    """
    from catalog import render, summaries

    args = _query_args(terms, place, date_from, date_to, None, credit)
    counts = summaries.timeline_counts(reader(ctx), args, by=period)
    _print_counts(counts, fmt, summaries, render)


def _print_counts(counts, fmt, summaries, render) -> None:
    if fmt == "json":
        click.echo(render.to_json(summaries.counts_json(counts)))
    elif fmt == "csv":
        click.echo(summaries.counts_csv(counts), nl=False)
    elif counts:
        click.echo(summaries.counts_text(counts))
    else:
        click.echo("No photos match.", err=True)
