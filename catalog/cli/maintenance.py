"""`catalog verify`: every byte of the catalogued files, hashed; missing files and duplicates reported."""

from __future__ import annotations

import sys

import click

from catalog.cli.base import format_option, library


@click.command()
@click.argument("terms", nargs=-1)
@click.option("--rehash", is_flag=True,
              help="Read files that already have a hash again, to find any whose bytes changed while their "
              "size and modification time did not.")
@format_option("text", "json", default="text")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def verify(ctx, terms, rehash, fmt, quiet):
    """Check the photos a search selects (all without terms) against their files.

    Computes and stores the SHA-256 of each file that has none yet or changed since it was imported,
    and lists files that are missing, changed since import (run `catalog import` on them), altered
    (with --rehash: other bytes, same size and time) or unreadable, and groups of byte-identical
    duplicates. Exit status 1 when a file is missing, altered or unreadable.

    \b
    Examples:
      catalog verify
      catalog verify in:Gansu
      catalog verify --rehash --format json
    """
    from catalog import render
    from catalog.cli.importing import ProgressBar
    from catalog.importer import Progress

    lib = library(ctx)
    bar = ProgressBar("Hashing") if sys.stderr.isatty() and not quiet and fmt == "text" else None
    progress = Progress(total=bar.start if bar else None, advance=bar.advance if bar else None)
    try:
        report = lib.verify(list(terms), rehash=rehash, progress=progress)
    finally:
        if bar:
            bar.finish()
    if fmt == "json":
        click.echo(render.to_json({
            "checked": report.checked, "hashed": report.hashed, "missing": report.missing,
            "changed": report.changed, "altered": report.altered,
            "failed": [{"path": f.path, "reason": f.reason} for f in report.failures],
            "duplicates": report.duplicates, "interrupted": report.interrupted,
        }))
    else:
        for path in report.missing:
            click.echo(f"MISSING  {path}")
        for path in report.altered:
            click.echo(f"ALTERED  {path}: other bytes than when it was hashed, with the same size and time")
        for path in report.changed:
            click.echo(f"CHANGED  {path}: modified since it was imported; `catalog import` refreshes it")
        for failure in report.failures:
            click.echo(f"FAILED   {failure.path}: {failure.reason}")
        for group in report.duplicates:
            click.echo(f"DUPLICATES  {len(group)} byte-identical files:")
            for path in group:
                click.echo(f"  {path}")
        click.echo(_summary(report), err=True)
    if report.interrupted:
        click.echo("Interrupted: the hashes computed so far are kept; run verify again to finish.", err=True)
        ctx.exit(130)
    if report.problems:
        ctx.exit(1)


def _summary(report) -> str:
    copies = sum(len(group) for group in report.duplicates)
    parts = [
        f"{report.checked:,} photo{'s' if report.checked != 1 else ''} checked: {report.hashed:,} hashed now",
        f"{len(report.missing):,} missing",
        f"{len(report.changed):,} changed since import",
    ]
    if report.altered:
        parts.append(f"{len(report.altered):,} altered")
    if report.failures:
        parts.append(f"{len(report.failures):,} unreadable")
    parts.append(f"{len(report.duplicates):,} duplicate group{'s' if len(report.duplicates) != 1 else ''}"
                 + (f" ({copies:,} files)" if copies else ""))
    return ", ".join(parts) + f" in {report.seconds:.1f} s"
