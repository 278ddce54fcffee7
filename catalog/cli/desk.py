"""`catalog story`, `kill` and `check`: building a story, withdrawing pictures, and checking before a story runs."""

from __future__ import annotations

import click

from catalog.cli.base import TEXT, GivenPath, format_option, library
from catalog.cli.searching import QUERY_HELP, TERMS_CONTEXT, TermsCommand
from catalog.errors import UsageError


def _moment(lib, at: str | None) -> None:
    """Judge embargoes at --at TIME instead of now."""
    if at:
        from catalog.rights import moment

        lib.as_of = moment(at)


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@click.group()
def story():
    """Stories: named, ordered lists of photos, the pictures of one article.

    Each use is recorded (which story, which photo, when), so `catalog show PHOTO` says where a
    picture ran and `catalog search used:STORY` finds a story's photos. A story is made by adding
    its first photos. Photos are paths, file names or ids. Positions are always 1..N: a photo taken
    out (`story remove`) or forgotten (`catalog forget`, which names the stories it changed) leaves
    no gap, the photos after it move up.

    \b
    Example, a desk's workflow:
      catalog import /wire/today
      catalog story add "Hefei flying car" hefei-aircraft.jpg gansu-bullet-train.jpg
      catalog story add "Hefei flying car" tianwen2-probe.jpg --at 1
      catalog check --story "Hefei flying car"
      catalog story credits "Hefei flying car" --format inline
    """


@story.command("add")
@click.argument("name", metavar="STORY", type=TEXT)
@click.argument("photos", nargs=-1, required=True)
@click.option("--at", "at", type=int, metavar="N",
              help="Put the photos at position N (1 is first), moving the others down; photos already in the "
              "story move there too. Without it they go at the end.")
@click.pass_context
def story_add(ctx, name, photos, at):
    """Add photos to a story (made if it does not exist yet).

    \b
    Examples:
      catalog story add "Hefei flying car" hefei-aircraft.jpg 12 14
      catalog story add "Hefei flying car" lead.jpg --at 1
    """
    from catalog.stories import add

    report = add(library(ctx), name, list(photos), at=at)
    for path in report.added:
        click.echo(f"added  {_name(path)}")
    for path in report.moved:
        click.echo(f"moved  {_name(path)}")
    for path in report.already:
        click.echo(f"kept   {_name(path)} (already in the story; --at N moves it)")
    for path in report.gone:
        click.echo(f"not added: {_name(path)} was forgotten meanwhile", err=True)
    click.echo(f"{report.story}: {len(report.added)} added, {len(report.moved)} moved", err=True)


@story.command("remove")
@click.argument("name", metavar="STORY", type=TEXT)
@click.argument("photos", nargs=-1)
@click.option("--all", "whole", is_flag=True, help="Delete the whole story (its photos stay in the catalogue).")
@click.pass_context
def story_remove(ctx, name, photos, whole):
    """Take photos out of a story (the others close up), or delete the story with --all.

    \b
    Examples:
      catalog story remove "Hefei flying car" gansu-bullet-train.jpg
      catalog story remove "Hefei flying car" --all
    """
    from catalog.stories import remove

    report = remove(library(ctx), name, list(photos), whole=whole)
    if report.deleted:
        click.echo(f"story {report.story!r} deleted (its photos stay in the catalogue)", err=True)
        return
    for path in report.removed:
        click.echo(f"removed {_name(path)}")
    for path in report.already:
        click.echo(f"not in the story: {_name(path)}", err=True)
    click.echo(f"{report.story}: {len(report.removed)} removed", err=True)


@story.command("list")
@format_option("text", "json", default="text")
@click.pass_context
def story_list(ctx, fmt):
    """Every story, the most recently changed first, with how many photos each holds.

    \b
    Example:
      catalog story list --format json
    """
    from catalog import render
    from catalog.stories import list_stories

    stories = list_stories(library(ctx))
    if fmt == "json":
        click.echo(render.to_json([{"name": s.name, "photos": s.photos,
                                    "created_at": s.created_at.isoformat(timespec="seconds"),
                                    "updated_at": s.updated_at.isoformat(timespec="seconds")} for s in stories]))
        return
    if not stories:
        click.echo("No stories yet: catalog story add STORY PHOTO... makes one.", err=True)
        return
    rows = [[s.name, str(s.photos), s.updated_at.strftime("%Y-%m-%d %H:%M")] for s in stories]
    click.echo(render.table(rows, ["story", "photos", "changed"]))


@story.command("show")
@click.argument("name", metavar="STORY", type=TEXT)
@format_option("text", "json", default="text")
@click.option("--at", "at", metavar="TIME", help="Judge embargoes at TIME, not now.")
@click.pass_context
def story_show(ctx, name, fmt, at):
    """A story's photos in order, each with its credit and its status: killed, embargoed,
    restricted, missing.

    \b
    Examples:
      catalog story show "Hefei flying car"
      catalog story show "Hefei flying car" --format json
    """
    from catalog import render
    from catalog.stories import entries

    lib = library(ctx)
    _moment(lib, at)
    found = entries(lib, name)
    credits = {entry.photo.id: lib.credit_entry(entry.photo).line for entry in found}
    if fmt == "json":
        click.echo(render.to_json({"story": name, "photos": [{
            "position": e.position, "id": e.photo.id, "path": e.photo.path, "credit": credits[e.photo.id],
            "status": e.status, "kill": e.kill, "added_at": e.added_at.isoformat(timespec="seconds"),
        } for e in found]}))
        return
    if not found:
        click.echo("The story holds no photos.", err=True)
        return
    rows = [[str(e.position), str(e.photo.id), _name(e.photo.path), credits[e.photo.id],
             "; ".join(e.status).upper() if "killed" in e.status else "; ".join(e.status) or "ok"] for e in found]
    click.echo(render.table(rows, ["#", "id", "file", "credit", "status"]))
    for entry in found:
        if entry.kill:
            click.echo(f"{_name(entry.photo.path)} was killed: {entry.kill['reason']}; take it out of the story",
                       err=True)


@story.command("credits")
@click.argument("name", metavar="STORY", type=TEXT)
@format_option("text", "markdown", "inline", "csv", "json", default="text")
@click.option("--group", is_flag=True, help="One line per credited person or organisation, with a count.")
@click.pass_context
def story_credits(ctx, name, fmt, group):
    """The story's credit list in story order, in house style, as `catalog credits` prints it:
    one line per credit (text), a list (markdown), the line under the story (inline), or csv/json.

    \b
    Examples:
      catalog story credits "Hefei flying car"
      catalog story credits "Hefei flying car" --format inline
      catalog story credits "Hefei flying car" --group --format csv
    """
    from catalog import render
    from catalog.cli.searching import warn_copies
    from catalog.credits import credit_list, credit_text, distinct_lines, group_credits
    from catalog.stories import photo_ids

    lib = library(ctx)
    ids = photo_ids(lib, name)
    credited = credit_list(lib, [], files=[str(pid) for pid in ids]) if ids else []
    warn_copies(lib, [photo for photo, _ in credited])
    if fmt in ("text", "markdown", "inline"):
        text = credit_text(credited, fmt=fmt, group=group)
        if text:
            click.echo(text)
        else:
            click.echo("The story holds no photos.", err=True)
        return
    entries = [entry for _, entry in credited]
    entries = group_credits(entries) if group else distinct_lines(entries)
    rows = [{"line": e.line, "name": e.name, "kind": e.kind, "count": e.count, "paths": e.paths} for e in entries]
    if fmt == "json":
        click.echo(render.to_json(rows))
    else:
        click.echo(render.to_csv(rows, columns=("line", "name", "kind", "count", "paths")), nl=False)


@click.command()
@click.argument("photos", nargs=-1)
@click.option("--reason", metavar="TEXT", type=TEXT, help="Why it is killed (shown wherever the photo is listed).")
@click.option("--advisory", metavar="FILE", type=GivenPath(dir_okay=False),
              help="Kill the photos an agency's kill advisory names, by transmission reference or file name.")
@click.option("--undo", is_flag=True, help="Bring killed photos back.")
@click.pass_context
def kill(ctx, photos, reason, advisory, undo):
    """Mark photos killed: withdrawn, not to be used, and to come out of every story that uses them.

    A kill advisory from the wires (AP's "MANDATORY KILL", Reuters' "PICTURE KILL", AFP's
    "ELIMINATION") names each picture by its transmission reference (IPTC 2:103, which the
    catalogue keeps) or its file name: --advisory FILE kills every catalogued photo it names,
    with the advisory's own reason. The picture is killed, not only the record: every other
    catalogued copy of the same file is killed with it, and copies imported later come in
    killed. Each killed photo is listed with the stories that use it; `catalog story show` and
    `catalog check` flag it, and the contact sheet strikes it through.

    \b
    Examples:
      catalog kill hefei-aircraft.jpg --reason "AP: the image was digitally altered"
      catalog kill --advisory ap-kill-advisory.txt
      catalog kill hefei-aircraft.jpg --undo
    """
    from catalog.kills import kill as kill_photos
    from catalog.kills import kill_advisory
    from catalog.kills import undo as undo_kill

    lib = library(ctx)
    if undo:
        if advisory or reason:
            raise UsageError("--undo takes only the photos whose kill to undo")
        report = undo_kill(lib, list(photos))
        for photo in report.undone:
            click.echo(f"no longer killed: {_name(photo.path)} (id {photo.id})")
        for photo in report.already:
            click.echo(f"was not killed: {_name(photo.path)} (id {photo.id})", err=True)
        return
    if advisory:
        if photos:
            raise UsageError("give the photos or --advisory FILE, not both")
        report = kill_advisory(lib, advisory)
    else:
        if not reason:
            raise UsageError("say why with --reason TEXT (or give --advisory FILE)")
        report = kill_photos(lib, list(photos), reason)
    for photo, stories in report.killed:
        used = f"; used in: {', '.join(stories)} (take it out)" if stories else "; in no story"
        copy = ", a copy of the picture named" if photo.id in report.copies else ""
        click.echo(f"KILLED {_name(photo.path)} (id {photo.id}{copy}){used}")
    for photo in report.already:
        click.echo(f"already killed: {_name(photo.path)} (id {photo.id})", err=True)
    for photo in report.gone:
        click.echo(f"not killed: {_name(photo.path)} (id {photo.id}) was forgotten meanwhile", err=True)
    if advisory:
        click.echo(f"reason: {report.reason}", err=True)
        if report.unmatched:
            click.echo(f"not in the catalogue: {', '.join(report.unmatched)}", err=True)
        if not report.killed and not report.already:
            click.echo("no catalogued photo matches the advisory; nothing was killed", err=True)


@click.command(cls=TermsCommand, epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@click.option("--story", "story_name", metavar="STORY", type=TEXT,
              help="Check the photos of this story, in story order.")
@click.option("--at", "at", metavar="TIME", help="Judge embargoes at TIME (when the story will run), not now: "
              "2025-10-14T08:00, 2025-10-14T08:00+09:00 (no zone: this computer's).")
@format_option("text", "json", default="text")
@click.pass_context
def check(ctx, terms, story_name, at, fmt):
    """Before a story runs: what stands in each photo's way, with the evidence.

    Checks the photos of --story, or those the search terms select (every photo without
    terms): missing_credit, date_mismatch (the caption's date and the EXIF/IPTC date more than
    a day apart, time zones honoured), year_inferred, place_mismatch (the place stated more
    than 50 km from the GPS point, by the gazetteer), credit_mismatch (the caption's credit
    against the by-line and credit fields), copies_disagree (EXIF, IPTC and XMP disagree on
    caption, credit or date), restricted, embargoed, killed, ai_generated, c2pa_invalid and
    no_place_or_date. Each is "block" or "warn" as the house rules' [check] table says
    (`catalog rules --default` shows it). Exit status 1 when anything blocks, so a script or a
    CMS hook can refuse to publish. JSON is a list, one object per photo with findings:
    {"id", "path", "findings": [{"check", "severity", "message", "evidence"}]}.

    \b
    Examples:
      catalog check --story "Hefei flying car"
      catalog check --story "Hefei flying car" --at 2025-10-14T06:00+08:00
      catalog check in:Gansu taken:2025-08 --format json
      catalog check used:no embargoed:yes
    """
    from catalog import render
    from catalog.checks import check as run_check

    lib = library(ctx)
    _moment(lib, at)
    report = run_check(lib, list(terms), story=story_name)
    if fmt == "json":
        click.echo(render.to_json([photo.as_json() for photo in report.photos if photo.findings]))
    else:
        for photo in report.photos:
            if not photo.findings:
                continue
            click.echo(f"{photo.id}  {photo.path}")
            width = max(len(finding.check) for finding in photo.findings)
            for finding in photo.findings:
                level = "BLOCK" if finding.severity == "block" else "warn"
                click.echo(f"  {level:<5}  {finding.check.ljust(width)}  {finding.message}")
        counts = report.counts()
        when = report.at.strftime("%Y-%m-%d %H:%M UTC")
        with_findings = sum(1 for photo in report.photos if photo.findings)
        click.echo(f"{report.checked} photo{'s' if report.checked != 1 else ''} checked at {when}: "
                   f"{with_findings} with findings, {counts['block']} block, {counts['warn']} warn", err=True)
        if report.unchecked:
            click.echo(f"{report.unchecked} photo{'s were' if report.unchecked != 1 else ' was'} imported before "
                       "catalog could check captions; import their folders again to check them fully", err=True)
    if report.blocked:
        ctx.exit(1)
