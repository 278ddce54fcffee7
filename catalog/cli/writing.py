"""`catalog write`: the catalogue's caption, credit, date and place written into the photo files."""

from __future__ import annotations

import click

from catalog.cli.base import format_option, library, stop_interrupted


@click.command()
@click.argument("photos", nargs=-1, required=True)
@click.option("--dry-run", "-n", is_flag=True, help="Show what would change; write nothing.")
@click.option("--force", is_flag=True, help="Write files whose C2PA Content Credentials the change breaks.")
@format_option("text", "json", default="text")
@click.pass_context
def write(ctx, photos, dry_run, force, fmt):
    """Write the catalogue's caption, credit, date and place into the photo files.

    PHOTOS are paths, file names or ids. EXIF, IPTC-IIM and XMP are written together and kept in step
    (the IPTC digest too); only tags whose value differs are written and nothing else in the file
    changes: the image data stays byte-identical. A value you did not set by hand never replaces a
    longer one in the file. Each file is replaced atomically by a new one made in its folder, then
    read again into the catalogue. Only JPEG files are written; a file that changed since it was
    imported is refused, and so is a read-only file, and a file with valid C2PA Content Credentials,
    whose signature any change breaks (--force writes it all the same). --dry-run makes every check a
    write makes. Exit status 1 when a photo could not be written.

    \b
    Examples:
      catalog write images/gansu-bullet-train.jpg --dry-run
      catalog write images/gansu-bullet-train.jpg images/hefei-aircraft.jpg
      catalog search in:Gansu --format paths | xargs catalog write
      catalog write signed.jpg --force          break its Content Credentials on purpose
    """
    from catalog import render
    from catalog.writeback import write_photos

    report = write_photos(library(ctx), list(photos), dry_run=dry_run, force=force)
    if fmt == "json":
        click.echo(render.to_json({
            "dry_run": report.dry_run,
            "written": [_plan_json(plan) for plan in report.written],
            "unchanged": [plan.path for plan in report.unchanged],
            "failed": [{"path": f.path, "reason": f.reason} for f in report.failures],
        }))
    else:
        verb = "would write" if dry_run else "wrote"
        for plan in report.written:
            click.echo(f"{plan.path}: {verb} {len(plan.changes)} tag{'s' if len(plan.changes) != 1 else ''}")
            width = max(len(change.tag) for change in plan.changes)
            for change in plan.changes:
                click.echo(f"  {change.block:<4}  {change.tag.ljust(width)}  "
                           f"{_shown(change.old)} -> {_shown(change.new)}")
            for note in plan.notes:
                click.echo(f"  note: {note}")
        for plan in report.unchanged:
            click.echo(f"{plan.path}: already says what the catalogue says; left alone")
            for note in plan.notes:
                click.echo(f"  note: {note}")
        for failure in report.failures:
            click.echo(f"FAILED {failure.path}: {failure.reason}", err=True)
    if report.interrupted:
        stop_interrupted(ctx, report.not_reached, listed="files")
    if report.failures:
        ctx.exit(1)


def _plan_json(plan) -> dict:
    return {
        "path": plan.path,
        "changes": [{"block": c.block, "tag": c.tag, "old": c.old, "new": c.new} for c in plan.changes],
        "notes": plan.notes,
    }


def _shown(value) -> str:
    """A tag's value on one line: lists joined, the x-default of a language alternative, long text cut, and
    control characters escaped (repr)."""
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, dict):
        value = value.get('lang="x-default"', next(iter(value.values()), ""))
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value).replace("\x1b%G", "UTF-8").replace("\n", " ")
    return repr(text) if len(text) <= 60 else repr(text[:57] + "...")
