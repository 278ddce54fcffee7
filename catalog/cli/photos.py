"""`catalog show`, `caption` and `parse-caption`: one photo, and what a caption says."""

from __future__ import annotations

import click

from catalog.cli.base import TEXT, GivenPath, format_option, library, reader, stop_interrupted
from catalog.errors import UsageError


@click.command()
@click.argument("photo")
@format_option("text", "json", default="text")
@click.pass_context
def show(ctx, photo, fmt):
    """Everything known about one photo (a path, a file name or an id), with the source of each value.

    The place is shown as stated (sublocation .. country code) and as the entity the catalogue
    understands ("place": names, GeoNames id, ISO codes, and how it was found: [file], [caption],
    [by hand], or [GPS] when reverse geocoded from the point). Fields whose EXIF, IPTC and XMP
    copies disagree are listed at the end, each copy with its block, as is a stated place far from
    the GPS point.
    The restrictions the file states, where it came from (Digital Source Type, C2PA Content
    Credentials), the stories it ran in and whether it was killed are listed too; JSON adds
    "stories" and "kill" to the record.

    \b
    Examples:
      catalog show images/hefei-aircraft.jpg
      catalog show 2 --format json
    """
    from catalog import render

    lib = reader(ctx)
    record = render.photo_json(lib.annotate_variants([lib.get(photo)])[0])
    record["stories"] = [{"story": use.story, "position": use.position,
                          "added_at": use.added_at.isoformat(timespec="seconds")} for use in lib.uses(record["id"])]
    record["kill"] = lib.kill_of(record["id"])
    if fmt == "json":
        click.echo(render.to_json(record))
        return
    click.echo(_show_text(record))


def _show_text(record: dict) -> str:
    from catalog import render

    lines = [f"{record['path']}  (id {record['id']})"]
    fields = render.photo_fields(record)
    if record.get("kill"):
        kill = record["kill"]
        fields.insert(0, ("KILLED", f"{kill['reason']} ({kill['at']}, {kill['origin']})", None))
    for use in record.get("stories") or []:
        fields.append(("ran in", f"{use['story']} (#{use['position']}, added {use['added_at']})", None))
    width = max(len(name) for name, _, _ in fields)
    for name, value, source in fields:
        lines.append(f"  {name.ljust(width)}  {value}" + (f"  [{source}]" if source else ""))
    disagree = [c for c in record["conflicts"] if not c.get("overridden")]
    overridden = [c for c in record["conflicts"] if c.get("overridden")]
    for heading, conflicts in (("The copies disagree:", disagree),
                               ("Set by hand or by a chosen caption; the file says otherwise:", overridden)):
        if not conflicts:
            continue
        lines.append("")
        lines.append(f"  {heading}")
        for conflict in conflicts:
            lines.append(f"    {conflict['field']}:")
            for block, value in conflict["copies"]:
                shown = render.copy_text(value) if value not in (None, "", []) else "(nothing)"
                lines.append(f"      {render.SOURCE_NAMES.get(block, block):>11}: {shown}")
            if conflict.get("note"):
                lines.append(f"      {'why':>11}: {conflict['note']}")
    return "\n".join(lines)


@click.command()
@click.argument("photo")
@click.argument("text", type=TEXT)
@format_option("text", "json", default="text")
@click.pass_context
def caption(ctx, photo, text, fmt):
    """Set a photo's caption by hand; credit, date and place are read from it again.

    \b
    Example:
      catalog caption images/tianwen2-probe.jpg "This image released by ... (Photo provided by ...)"
    """
    from catalog import render

    updated = library(ctx).set_caption(photo, text)
    record = render.photo_json(updated)
    click.echo(render.to_json(record) if fmt == "json" else _show_text(record))


@click.command("parse-caption")
@click.argument("text", required=False, type=TEXT)
@format_option("text", "json", default="text")
@click.option("--resolve/--no-resolve", default=True, show_default=True,
              help="Add the gazetteer-completed place as `resolved` (JSON) or a 'resolved' line.")
@click.option("--explain", is_flag=True,
              help="Say why each value was taken or left out (JSON: an `explain` list).")
@click.pass_context
def parse_caption(ctx, text, fmt, resolve, explain):
    """Show what the caption parser finds in TEXT (or standard input): credit, date, place.

    English and Chinese captions give the same keys; `language` says which the caption is (en, zh, or
    mixed). The JSON holds exactly what the caption states, as written; the gazetteer's completion of the
    place (English names through its alternate names: 合肥 is Hefei, Anhui, China; a venue of the venue
    register named alone, its city: Zhongnanhai is in Beijing) is a separate `resolved` object. A text
    that is no caption (a camera's default, a test string) gives nothing. A value the parser is unsure
    of is left out: its confidence, from how it was found, is below its field's threshold (the house
    rules' [confidence] table, with --rules FILE); --explain says why.

    \b
    Examples:
      catalog parse-caption "A test drive in Hefei, east China's Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)"
      catalog parse-caption "10月14日，在安徽省合肥市骆岗公园，一架飞机试飞。新华社记者 李鑫 摄"
      catalog parse-caption --explain "OLYMPUS DIGITAL CAMERA"
      echo "..." | catalog parse-caption --format json
    """
    from catalog import render
    from catalog.captions import parse
    from catalog.errors import UsageError

    if text is None:
        stdin = click.get_binary_stream("stdin")
        if stdin.isatty():
            raise UsageError("give the caption as an argument, or pipe it in")
        from catalog.errors import read_at_most, utf8_text

        # decoded here, not by the text stream, so that bytes of another encoding are named, not a crash
        text = utf8_text(read_at_most(stdin, "standard input", error=UsageError), "standard input",
                         "pipe in a caption saved as UTF-8", UsageError)
    if not text.strip():
        raise UsageError("the caption is empty")
    rules_file = getattr(ctx.obj, "rules", None)  # `catalog --rules FILE parse-caption ...`
    venues = None  # the venue register in force: the house file's own venues place a caption too
    if rules_file:
        from catalog.captions import load_rules
        from catalog.venues import register_for

        rules = load_rules(rules_file)
        facts = parse(text, rules, explain=explain)
        venues = register_for(rules)
    else:
        facts = parse(text, explain=explain)
    output = facts.to_json()
    if explain:
        output["explain"] = list(facts.notes)
    if resolve:
        from catalog.places import get_gazetteer

        place = facts.location
        resolved = get_gazetteer().resolve(place.sublocation, place.city, place.province, place.country, context=text,
                                           venues=venues)
        output["resolved"] = resolved.to_json() if resolved else None
    if fmt == "json":
        click.echo(render.to_json(output))
        return
    credit = output["credit"]
    rows = [
        ("credit", credit["raw"]), ("photographer", credit["photographer"]), ("agency", credit["agency"]),
        ("provider", credit["provider"]), ("date", output["date"]), ("date kind", output["date_kind"]),
        ("date (no year)", output.get("date_text")), ("released", output.get("released")),
    ]
    if output["language"] != "en":
        rows.insert(0, ("language", {"zh": "Chinese", "mixed": "Chinese and English"}[output["language"]]))
    rows += [(level, output["location"][level]) for level in ("sublocation", "city", "province", "country")]
    if output.get("resolved"):
        r = output["resolved"]
        parts = [r.get(k) for k in ("sublocation", "city", "province", "country")]
        where = ", ".join(p for p in parts if p)
        if r.get("lat") is not None:
            where += f" ({r['lat']:.4f}, {r['lon']:.4f})"
        rows.append(("resolved", where))
    for name, value in rows:
        if value:
            click.echo(f"{name:>15}  {value}")
    if explain:
        click.echo("")
        for line in facts.notes:
            click.echo(f"  - {line}")


@click.command()
@click.option("--set", "set_file", metavar="FILE", type=GivenPath(path_type=str, readable=False),
              help="Keep this house-rules file in the catalogue.")
@click.option("--unset", is_flag=True, help="Go back to the shipped default rules.")
@click.option("--default", "show_default", is_flag=True, help="Print the shipped default file (a template).")
@click.pass_context
def rules(ctx, set_file, unset, show_default):
    """Show or set the house rules: agency aliases, staff bylines and how credit lines are printed.

    The rules are TOML, read over the shipped default key by key (start from `--default`). Set in the
    catalogue, they apply to every desk using it; `catalog --rules FILE ...` overrides them for one run.

    \b
    Examples:
      catalog rules --default > house.toml      # edit it, then:
      catalog rules --set house.toml
      catalog rules                             # where the rules in force come from
      catalog rules --unset
    """
    from catalog.captions.rules import default_rules_path
    from catalog.errors import UsageError

    if sum(bool(x) for x in (set_file, unset, show_default)) > 1:
        raise UsageError("give one of --set, --unset and --default")
    if show_default:
        click.echo(default_rules_path().read_text(encoding="utf-8"), nl=False)
        return
    lib = library(ctx)
    if set_file or unset:
        lib.store_rules(None if unset else set_file)
        click.echo("House rules stored in the catalogue." if set_file else "Back to the default house rules.")
        return
    in_force = lib.rules
    click.echo("House rules in force, read in this order:")
    for origin in in_force.files:
        click.echo(f"  {origin}")


@click.command("set")
@click.argument("items", nargs=-1)
@click.option("--where", "where", metavar="TERMS", help="Every photo a search selects, e.g. --where 'in:Gansu by:Xu'.")
@click.option("--revert", "revert", multiple=True, metavar="FIELD",
              help="Go back to what the file says for FIELD (repeat; 'all' for every field set by hand).")
@click.option("--yes", is_flag=True, help="Do not ask before --revert with --where; needed when not at a terminal.")
@format_option("text", "json", default="text")
@click.pass_context
def set_(ctx, items, where, revert, yes, fmt):
    """Set any field by hand on one or many photos: PHOTO... FIELD=VALUE...

    What you set outranks the file from then on: it survives imports and travels with the photo when
    its file is moved or renamed, and `catalog show` lists the file's own value beside it. Fields are
    the JSON names (caption, headline, title, credit.line, credit.photographer, credit.agency,
    credit.provider, credit.source, credit.copyright, taken, released, location.sublocation,
    location.city, location.province, location.country, location.country_code, location.lat,
    location.lon, keywords) or short ones (photographer, city, province, country ...). Keywords are
    separated by ";". --revert FIELD goes back to the file's value, dropping what was set by hand; with
    --where it asks first, as `forget --where` does (--yes not to ask).

    \b
    Examples:
      catalog set IMG_7781.jpg photographer="Jane Smith" credit.agency=AP
      catalog set a.jpg b.jpg city=Hefei province=Anhui country=China
      catalog set --where 'in:Gansu taken:2025-08' keywords="railway; Gobi"
      catalog set a.jpg taken="Oct. 14, 2025"
      catalog set a.jpg --revert credit.photographer
      catalog set a.jpg --revert all
      catalog set --where 'in:Gansu' --revert city --yes
    """
    import shlex

    from catalog import render
    from catalog.editing import field_path, parse_assignments, revert_fields, select_photos, set_fields

    refs = [item for item in items if "=" not in item]
    values = parse_assignments(item for item in items if "=" in item)
    reverted = None if "all" in [name.lower() for name in revert] else [field_path(name, "revert") for name in revert]
    if not values and not revert:
        raise UsageError("say what to set (FIELD=VALUE) or what to go back to (--revert FIELD)")
    if values and revert:
        raise UsageError("set fields or revert them, not both at once")
    lib = library(ctx)
    photos = select_photos(lib, refs, shlex.split(where) if where else None)
    if revert and where and not yes:
        # what was set by hand is dropped for every photo the search selects: never without a person's word
        fields = "every field set by hand" if reverted is None else ", ".join(revert)
        _ask_first(f"--where selects {len(photos)} photos; add --yes to revert {fields} on them",
                   f"Revert {fields} on {len(photos)} photos to their files' values (what was set by hand on them "
                   f"is dropped)?")
    report = set_fields(lib, photos, values) if values else revert_fields(lib, photos, reverted)
    if fmt == "json":
        click.echo(render.to_json([render.photo_json(photo) for photo in report.changed]))
    else:
        for photo in report.changed:
            click.echo(_show_text(render.photo_json(photo)))
    for path, reason in report.failures:
        click.echo(f"FAILED  {path}: {reason}", err=True)
    click.echo(f"{len(report.changed)} photo{'s' if len(report.changed) != 1 else ''} "
               f"{'set' if values else 'reverted'}" + (f", {len(report.failures)} failed" if report.failures else ""),
               err=True)
    if report.interrupted:
        stop_interrupted(ctx, report.wanted - len(report.changed) - len(report.failures))
    if report.failures:
        ctx.exit(1)


@click.command()
@click.argument("photos", nargs=-1)
@click.option("--where", "where", metavar="TERMS", help="Every photo a search selects.")
@click.option("--yes", is_flag=True, help="Do not ask; needed with --where when not at a terminal.")
@click.option("--drop-kills", is_flag=True,
              help="Lift the kills of killed photos forgotten: the picture imported again comes back usable.")
@click.pass_context
def forget(ctx, photos, where, yes, drop_kills):
    """Remove photos' records from the catalogue; their files are not touched.

    A forgotten file that is imported again comes back as a new photo, without what was set by hand.
    A kill is the exception: it is kept by the picture's fingerprint, so the same picture imported
    again, from any folder, comes back killed. --drop-kills lifts it as well (as `kill --undo` does).
    A story that held a forgotten photo closes up, as after `story remove`; forget names the
    stories and the positions the photos had.

    \b
    Examples:
      catalog forget IMG_7781.jpg 42
      catalog forget --where 'in:Gansu taken:2019' --yes
    """
    import shlex

    from catalog.editing import forget as forget_photos
    from catalog.editing import select_photos

    lib = library(ctx)
    chosen = select_photos(lib, list(photos), shlex.split(where) if where else None)
    if where and not yes:
        _ask_first(f"--where selects {len(chosen)} photos; add --yes to forget them",
                   f"Forget {len(chosen)} photos (their files stay)?")
    removed, killed, stories = forget_photos(lib, chosen, drop_kills=drop_kills)
    click.echo(f"{removed} photo{'s' if removed != 1 else ''} forgotten (files untouched)", err=True)
    if killed:
        one = killed == 1
        click.echo(f"{killed} of them {'was' if one else 'were'} killed: " + (
            f"{'its kill was' if one else 'their kills were'} lifted (--drop-kills); imported again, "
            f"{'it comes' if one else 'they come'} back usable" if drop_kills else
            f"{'its kill is' if one else 'their kills are'} kept by the picture's fingerprint; imported again, "
            f"from any folder, {'it comes' if one else 'they come'} back killed (--drop-kills lifts "
            f"{'it' if one else 'them'})"), err=True)
    for name, positions in stories.items():
        numbers = ", ".join(f"#{position}" for position in positions)
        after = "it" if len(positions) == 1 else "them"
        click.echo(f"taken out of story {name!r} ({numbers}): the photos after {after} moved up", err=True)


def _ask_first(refusal: str, question: str) -> None:
    """Ask `question` before a command drops what people made on every photo a search selects (`forget --where`,
    `set --where --revert`); with no one to answer (standard input is no terminal) refuse with `refusal`, which
    names --yes. (Standard input is asked directly: click's `get_text_stream`, asked before, is deprecated and
    failed with a DeprecationWarning where warnings are errors.)"""
    import sys

    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(refusal)
    click.confirm(question, abort=True)
