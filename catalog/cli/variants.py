"""`catalog variants`: copies of one picture from many wires, group by group, with the copy to run marked."""

from __future__ import annotations

import click

from catalog.cli.base import format_option, library
from catalog.cli.searching import QUERY_HELP, TERMS_CONTEXT, TermsCommand


@click.command(cls=TermsCommand, epilog=QUERY_HELP, context_settings=TERMS_CONTEXT)
@click.argument("terms", nargs=-1)
@format_option("text", "json", default="text")
@click.pass_context
def variants(ctx, terms, fmt):
    """Copies of the same picture, group by group, with the copy to run marked *.

    A variant is the same picture resized, recompressed, cropped (up to about 10% a side), recoloured,
    turned black and white, framed or slightly turned; another frame of the scene is not (docs/variants.md).
    Each copy is listed with its agency, size, date taken and restrictions, and its caption's differences
    from the marked copy word by word: [-removed-] {+added+}. The copy to run is chosen by the house
    rules' [variants] best order (default: unrestricted, largest, fullest caption, earliest).

    The first run fingerprints every photo not yet fingerprinted (10-35 ms a photo, in reader processes);
    later runs only the new ones. Groups are listed when any of their copies matches the terms.

    \b
    Examples:
      catalog variants
      catalog variants in:Gansu taken:2025-10
      catalog variants credit:Xinhua --format json
      catalog search similar:12          the photos most like photo 12, closest first
      catalog search variants:yes        every photo that has a copy
    """
    from catalog import render, variant_copies

    lib = library(ctx)
    groups, report = variant_copies.list_groups(lib, list(terms))
    if report.read_only and not groups:
        click.echo("The catalogue is read-only: the groups it stores are shown, and none is stored.", err=True)
    if fmt == "json":
        click.echo(render.to_json([_group_json(group, render, variant_copies) for group in groups]))
        return
    if not groups:
        click.echo("No copies of one picture found.", err=True)
        return
    for number, group in enumerate(groups):
        if number:
            click.echo()
        click.echo(f"group {group.id} · {len(group.copies)} copies of one picture (* the copy to run)")
        rows = [_row(copy, render) for copy in group.copies]
        click.echo(render.table(rows, ["", "id", "agency", "size", "taken", "restrictions", "file"]))
        for copy in group.copies[1:]:
            changes = variant_copies.caption_diff(group.best.photo.caption, copy.photo.caption)
            if not variant_copies.unchanged(changes):
                click.echo(f"  caption of {copy.photo.id} against {group.best.photo.id}: "
                           f"{variant_copies.caption_diff_text(changes)}")
    noun = "group" if len(groups) == 1 else "groups"
    click.echo(f"{len(groups)} {noun}, {sum(len(g.copies) for g in groups)} photos", err=True)


def _row(copy, render) -> list[str]:
    photo = copy.photo
    size = f"{photo.width}×{photo.height}" if photo.width and photo.height else "?"
    size += f" {photo.size / 1e6:.1f} MB" if photo.size else ""
    restrictions = "; ".join(r.text for r in copy.restrictions) or "-"
    return ["*" if copy.best else "", str(photo.id), photo.agency or photo.provider or photo.credit_line or "-",
            size, render.taken_text(photo.taken) if photo.taken else "-", restrictions,
            photo.path.rsplit("/", 1)[-1]]


def _group_json(group, render, variant_copies) -> dict:
    best = group.best.photo
    for copy in group.copies:
        copy.photo.variant_info = {"group": group.id, "of": len(group.copies), "best": best.id}
    return {
        "group": group.id,
        "best": best.id,
        "copies": [
            {**render.photo_json(copy.photo), "best": copy.best,
             "restrictions": [{"kind": r.kind, "text": r.text} for r in copy.restrictions],
             "caption_changes": [] if copy.best else [
                 {"kind": c.kind, "old": c.old, "new": c.new}
                 for c in variant_copies.caption_diff(best.caption, copy.photo.caption)]}
            for copy in group.copies
        ],
    }
