"""`catalog link`: give each caption of an article to the photo it describes, showing the evidence."""

from __future__ import annotations

import os

import click

from catalog.cli.base import GivenPath, Number, format_option, library


@click.command("link")
@click.argument("captions_file", metavar="CAPTIONS_FILE", type=GivenPath(dir_okay=False, path_type=str))
@click.argument("photos", nargs=-1, metavar="[PHOTO]...")
@click.option("--threshold", type=Number(0.0, 1.0), default=0.5, show_default=True,
              help="Link only at this confidence or above; the captions below it are listed instead.")
@click.option("--dry-run", is_flag=True, help="Show the links and their evidence; store nothing.")
@format_option("text", "json", default="text")
@click.pass_context
def link(ctx, captions_file, photos, threshold, dry_run, fmt):
    """Link the captions in an article or caption file to the photos they describe.

    CAPTIONS_FILE is plain text or Markdown. Its captions are the paragraphs that carry a credit
    ("(Photo/Zhang Dagang)", "(Xinhua/Li Xin)", "REUTERS/...", "(Photo provided by ...)") or start
    with a "File: NAME" line; the running text around them is left alone.

    Each caption is weighed against each candidate photo: a file name written beside it, its date
    against the photo's, its place against the photo's GPS or place names, its text against the
    caption already in the photo, its credit against the photo's by-line, and the order of the PHOTO
    arguments. Each caption goes to one photo at most and each photo gets one caption at most. A link
    whose confidence reaches --threshold is stored as the photo's caption (source "linked"); the other
    captions are listed with their best candidate, not guessed.

    The candidates are the PHOTO arguments (paths, file names or ids, in the captions' order) or else
    every photo in the catalogue; then a photo whose caption was typed by hand or linked before keeps
    it. A caption typed by hand is kept on a named photo too (`set PHOTO --revert caption` first takes the
    article's); so is every other value set by hand, and the link lists each one the caption says
    otherwise. Exit status 1 when a link could not be stored.

    \b
    Examples:
      catalog link examples/seed-article.md --dry-run
      catalog link story.md
      catalog link story.txt photos/a1.jpg photos/b2.jpg --threshold 0.7
      catalog link story.md --format json
    """
    from catalog import render

    report = library(ctx).link_captions(captions_file, list(photos), threshold=threshold, dry_run=dry_run)
    if fmt == "json":
        click.echo(render.to_json(report_json(report)))
    else:
        click.echo(report_text(report))
    if any(found.status.startswith("failed") for found in report.links):
        ctx.exit(1)


def report_text(report) -> str:
    """The links with their evidence, then the captions left alone, then what was stored."""
    total = len(report.links) + len(report.unlinked)
    photos = "photo" if report.candidates == 1 else "photos"
    heading = (f"{report.article}: {total} caption{'s' if total != 1 else ''}, "
               f"{report.candidates} candidate {photos}, {len(report.links)} linked")
    lines = [heading]
    for found in report.links:
        lines.append("")
        status = "" if found.status in ("stored", "dry run") else f"  ({found.status})"
        if found.status == "kept":
            status = "  (not stored: the caption typed by hand stays)"
        caption = found.caption
        lines.append(f"caption {caption.number} (line {caption.line}) → {_shown(found.photo.path)}  "
                     f"confidence {found.confidence:.2f}{status}")
        lines.append(f"  {caption.start(90)}")
        lines.extend(_evidence_lines(found.evidence))
        lines.extend(f"  kept by hand: {kept}" for kept in found.kept)
    if report.unlinked:
        lines.append("")
    taken = {found.photo.id: found.caption.number for found in report.links}
    for left in report.unlinked:
        caption = left.caption
        lines.append(f"not linked: {caption.start()} (caption {caption.number}, line {caption.line})"
                     f" — {_best_text(left.best, taken)}")
    lines.append("")
    lines.append(_summary(report))
    return "\n".join(lines)


def _evidence_lines(evidence) -> list[str]:
    if not evidence:
        return ["         no evidence either way"]
    return [f"  {item.points:+5.1f}  {item.reason}" if item.points else f"      ·  {item.reason}"
            for item in evidence]


def _best_text(best, taken: dict[int, int]) -> str:
    if best is None:
        return "no candidate photo (those with a caption typed by hand or linked before are kept)"
    reasons = "; ".join(f"{item.points:+.1f} {item.reason}" for item in best.evidence)
    reasons = reasons or "no evidence either way"
    owner = taken.get(best.photo.id)
    linked = f" (linked to caption {owner})" if owner else ""
    return f"best candidate {os.path.basename(best.photo.path)}{linked} at {best.confidence:.2f}: {reasons}"


def _summary(report) -> str:
    if report.dry_run:
        return "Dry run: nothing stored."
    stored = sum(found.status == "stored" for found in report.links)
    unchanged = sum(found.status == "unchanged" for found in report.links)
    kept = sum(found.status == "kept" for found in report.links)
    failed = sum(found.status.startswith("failed") for found in report.links)
    if not report.links:
        return "Nothing stored."
    parts = [f"Stored {stored} caption{'s' if stored != 1 else ''} (source: linked)"]
    if unchanged:
        parts.append(f"{unchanged} already linked")
    if kept:
        parts.append(f"{kept} not stored over a caption typed by hand")
    if failed:
        parts.append(f"{failed} failed")
    return ", ".join(parts) + "."


def _shown(path: str) -> str:
    """A path relative to here when it lies below here, else as stored."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def report_json(report) -> dict:
    """The report as JSON: {"links": [...], "not_linked": [...], ...}, every key always present."""

    def photo(found) -> dict:
        return {"id": found.id, "path": found.path}

    def evidence(items) -> list[dict]:
        return [{"kind": item.kind, "points": item.points, "reason": item.reason} for item in items]

    return {
        "article": report.article,
        "threshold": report.threshold,
        "dry_run": report.dry_run,
        "candidates": report.candidates,
        "links": [
            {
                "caption": _caption_json(found.caption),
                "photo": photo(found.photo),
                "confidence": round(found.confidence, 4),
                "evidence": evidence(found.evidence),
                "status": found.status,
                "kept": found.kept,
            }
            for found in report.links
        ],
        "not_linked": [
            {
                "caption": _caption_json(left.caption),
                "best": None if left.best is None else {
                    "photo": photo(left.best.photo),
                    "confidence": round(left.best.confidence, 4),
                    "evidence": evidence(left.best.evidence),
                },
            }
            for left in report.unlinked
        ],
    }


def _caption_json(caption) -> dict:
    facts = caption.facts.to_json()
    return {
        "number": caption.number,
        "line": caption.line,
        "text": caption.text,
        "label": caption.label,
        "mentions": list(caption.mentions),
        "credit": facts["credit"],
        "date": facts["date"],
        "date_kind": facts["date_kind"],
        "location": facts["location"],
    }
