"""`catalog search`, `credits`, `export`, `places`, `timeline`: selecting photos and printing them."""

from __future__ import annotations

import os

import click

from catalog.cli import format_option, library, main
from catalog.errors import UsageError

QUERY_HELP = """
\b
Search terms (all must match; each shell argument is one term):
  WORD                 words anywhere in caption, headline, credits, keywords, places
  "two words"          a phrase
  in:PLACE             any level of the place: sublocation, city, province, country, code
  city: province: country: sublocation:   one level only
  shown:PLACE          what the photo shows (XMP LocationShown)
  taken:DATE           2025, 2025-10, 2025-10-14, "October 2025", "Oct. 14, 2025",
                       2025-W42, today, -7d, and ranges A..B, A.., ..B
  released:DATE        the release date, same forms
  by:NAME              the photographer;  credit:TEXT  credit line, agency or provider
  keyword:WORD         a keyword or any indexed word
  near:PLACE|LAT,LON   within:50km (default 50km)
  conflicts:yes        EXIF, IPTC and XMP disagree
  -TERM                not;   in:Gansu,Anhui   either
"""


#: Terms may start with "-" (`-in:Beijing`): click passes what is not one of its options on as a term.
TERMS_CONTEXT = {"ignore_unknown_options": True}


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


def query_options(function):
    """--in/--from/--to/--by/--credit, for those who prefer options to terms."""
    for option in reversed([
        click.option("--in", "place", metavar="PLACE", help="Same as in:PLACE."),
        click.option("--from", "date_from", metavar="DATE", help="Taken on or after DATE."),
        click.option("--to", "date_to", metavar="DATE", help="Taken on or before DATE."),
        click.option("--by", metavar="NAME", help="Same as by:NAME."),
        click.option("--credit", metavar="TEXT", help="Same as credit:TEXT."),
    ]):
        function = option(function)
    return function


@main.command(epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@query_options
@format_option("table", "json", "csv", "paths", "template", default="table")
@click.option("--template", metavar="TEXT", help="With --format template: e.g. '{taken} {location.city}: {credit.line}'.")
@click.option("--sort", type=click.Choice(["relevance", "date", "path", "distance"]),
              help="Order (default: relevance when there are words, distance for near:, else date then path).")
@click.option("--limit", type=click.IntRange(min=1), help="At most N photos (default: all).")
@click.pass_context
def search(ctx, terms, place, date_from, date_to, by, credit, fmt, template, sort, limit):
    """Find photos by place, date, credit and words.

    \b
    Examples:
      catalog search in:Gansu
      catalog search taken:2025-10
      catalog search 'by:"Zhang Dagang" in:Hefei'
      catalog search in:Gansu,Anhui -in:Hefei taken:2025-08..2025-10
      catalog search near:Hefei within:20km --sort distance
      catalog search train --format json
    """
    from catalog import render

    if fmt == "template" and not template:
        raise UsageError("--format template needs --template, e.g. --template '{taken} {location.city}'")
    if template and fmt != "template":
        fmt = "template"
    if template:
        unknown = render.check_template(template)
        if unknown:
            raise UsageError(f"the template names unknown fields: {', '.join(unknown)}")
    lib = library(ctx)
    result = lib.search(_query_args(terms, place, date_from, date_to, by, credit), sort=sort, limit=limit)
    hits = result.hits
    if fmt == "json":
        click.echo(render.to_json([_with_match(render.photo_json(h.photo), h) for h in hits]))
    elif fmt == "csv":
        click.echo(render.to_csv([render.photo_json(h.photo) for h in hits]), nl=False)
    elif fmt == "paths":
        for hit in hits:
            click.echo(hit.photo.path)
    elif fmt == "template":
        for hit in hits:
            click.echo(render.render_template(template, _with_match(render.photo_json(hit.photo), hit)))
    else:
        _search_table(result)


def _with_match(record: dict, hit) -> dict:
    if hit.distance_km is not None:
        record["distance_km"] = round(hit.distance_km, 2)
        record["distance_approximate"] = hit.approximate
    return record


def _search_table(result) -> None:
    from catalog import render

    words = [w for term in result.query.words if not term.negated for w in term.words]
    near = result.query.near is not None
    headers = ["id", "taken", "place", "credit", "file"]
    if near:
        headers.insert(3, "km")
    headers.append("matches" if words else "caption")
    rows = []
    for hit in result.hits:
        photo = hit.photo
        row = [str(photo.id), render.date_text(photo.taken), render.place_text(photo, sublocation=False),
               photo.credit_line or photo.photographer or photo.provider or "", photo.path.rsplit("/", 1)[-1]]
        if near:
            row.insert(3, f"{hit.distance_km:.1f}" + ("~" if hit.approximate else ""))
        row.append(render.snippet(photo.caption, words) if words else (photo.caption or ""))
        rows.append(row)
    if not rows:
        click.echo("No photos match.", err=True)
        return
    click.echo(render.table(rows, headers))
    notes = []
    if any("(" in r[1] for r in rows):
        notes.append("a date in (brackets) is stored at that precision and matches any day inside it")
    if near and any(h.approximate for h in result.hits):
        notes.append("~ distance from the gazetteer's coordinates for the named place (no GPS)")
    click.echo(f"{len(rows)} photo{'s' if len(rows) != 1 else ''}" + (f"; {'; '.join(notes)}" if notes else ""), err=True)


@main.command(epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@query_options
@click.option("--files", "files", multiple=True, metavar="PHOTO",
              help="Credit these photos, in this order (repeat, or list after --files). Overrides terms.")
@click.option("--group", is_flag=True, help="One line per credited person or organisation, with a count.")
@click.option("--inline", is_flag=True, help="One line: 'Photos: A; B; C', duplicates merged.")
@format_option("text", "markdown", "csv", "json", "template", default="text")
@click.option("--template", metavar="TEXT", help="With --format template: e.g. '{credit.line} ({path})'.")
@click.pass_context
def credits(ctx, terms, place, date_from, date_to, by, credit, files, group, inline, fmt, template):
    """The credit list for the photos a search selects, in publication style.

    \b
    Examples:
      catalog credits                          every photo in the catalogue
      catalog credits in:Gansu --group
      catalog credits --files b.jpg --files a.jpg --inline
      catalog credits taken:2025-10 --format markdown
    """
    from catalog import render

    lib = library(ctx)
    args = _query_args(terms, place, date_from, date_to, by, credit)
    if files and args:
        # `--files a.jpg b.jpg`: click gives the first to --files and the rest as terms.
        files = tuple(files) + tuple(a for a in args)
        args = []
    entries = lib.credits(args, files=list(files) if files else None)
    if group or inline:
        entries = lib.group_credits(entries)
    if inline:
        names = [e.name for e in entries]
        label = "Photo" if len(lib.group_credits(entries)) == 1 and entries and entries[0].count == 1 else "Photos"
        click.echo(f"{label}: {'; '.join(names)}" if names else "No photos match.")
        return
    if fmt == "json":
        click.echo(render.to_json([
            {"line": e.line, "name": e.name, "kind": e.kind, "count": e.count, "paths": e.paths} for e in entries
        ]))
    elif fmt == "csv":
        click.echo(render.to_csv(
            [{"line": e.line, "name": e.name, "kind": e.kind, "count": e.count, "paths": e.paths} for e in entries],
            columns=("line", "name", "kind", "count", "paths")), nl=False)
    elif fmt == "template":
        if not template:
            raise UsageError("--format template needs --template")
        for entry in entries:
            record = {"line": entry.line, "name": entry.name, "kind": entry.kind, "count": entry.count,
                      "credit": {"line": entry.line}, "path": entry.paths[0] if entry.paths else None}
            click.echo(render.render_template(template, record))
    else:
        if not entries:
            click.echo("No photos match.", err=True)
        for entry in entries:
            line = f"{entry.line} ({entry.count})" if group else entry.line
            click.echo(f"- {line}" if fmt == "markdown" else line)


@main.command()
@click.argument("terms", nargs=-1)
@format_option("json", "csv", "html", default="json")
@click.option("--output", "-o", type=click.Path(writable=True),
              help="Write to FILE, not stdout. With --format html: the folder to write (index.html, thumbs/).")
@click.pass_context
def export(ctx, terms, fmt, output):
    """Write full records (the JSON contract) for the photos a search selects.

    --format html writes a contact sheet that needs no server into the folder given by -o:
    index.html and a thumbs/ folder, to mail or put on a share.

    \b
    Examples:
      catalog export > everything.json
      catalog export in:Gansu --format csv -o gansu.csv
      catalog export --format html -o gansu-sheet in:Gansu
    """
    from catalog import render

    lib = library(ctx)
    if fmt == "html":
        from catalog.web.static_export import export_html

        if not output:
            raise UsageError("--format html needs -o OUT_DIR, the folder to write the contact sheet into")
        report = export_html(lib, list(terms), output)
        click.echo(f"{report.photos} photos written to {report.folder / 'index.html'}", err=True)
        return
    if output and os.path.isdir(output):
        raise UsageError(f"{output} is a folder; --format {fmt} writes a file (--format html writes a folder)")
    records = [render.photo_json(photo) for photo in lib.search(list(terms)).photos]
    content = render.to_json(records) + "\n" if fmt == "json" else render.to_csv(records)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(content)
        click.echo(f"{len(records)} photos written to {output}", err=True)
    else:
        click.echo(content, nl=False)
