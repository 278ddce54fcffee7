"""`catalog import`: folders and files into the catalogue, with a progress bar and a summary."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import click

from catalog.cli.base import GivenPath, LazyLibrary, library

if TYPE_CHECKING:
    from catalog.captionsfile import Captions
    from catalog.unchanged import ImportReport


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=GivenPath(path_type=str, readable=False))
@click.option("--captions", "captions_file", metavar="FILE", type=GivenPath(path_type=str, readable=False),
              help="Captions kept outside the photos: a CSV 'file,caption', or a text file of paragraphs "
              "that each start 'File: NAME'.")
@click.option("--workers", type=click.IntRange(1, 64), help="Reader processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@click.pass_context
def import_(ctx: click.Context, paths: tuple[str, ...], captions_file: str | None, workers: int | None, quiet: bool):
    """Import photos from folders (recursively) and files: JPEG, TIFF, PNG, WebP, HEIC, AVIF.

    Importing again adds nothing twice: unchanged files are not opened, changed files are
    updated, moved files keep their record. Other files in a folder are passed over and
    counted; a file named on its own that is not an image fails with the reason. Exit
    status 1 when any file failed.

    \b
    Examples:
      catalog import images/
      catalog import ~/wires/2025-10-14 ~/handouts/probe.jpg
      catalog import handouts/ --captions handouts/press-release.txt
    """
    import os

    captions = None
    if captions_file:
        from catalog.captionsfile import load_captions_file

        captions = load_captions_file(captions_file)
    missing = [path for path in paths if not os.path.lexists(path)]
    if len(missing) == len(paths):  # nothing to import: say so without making an empty catalogue
        for path in missing:
            click.echo(f"FAILED  {os.path.abspath(path)}: no such file or folder", err=True)
        click.echo(f"0 added, 0 updated, 0 moved, 0 unchanged, {len(missing)} failed", err=True)
        ctx.exit(1)
    # Nothing changed? Then the answer comes without SQLAlchemy and the readers (catalog.unchanged).
    report = _nothing_changed(ctx, list(paths)) if captions_file is None else None
    if report is None:
        report = _import(ctx, list(paths), captions, workers, quiet)
    _say(ctx, report)


def _import(ctx: click.Context, paths: list[str], captions: Captions | None, workers: int | None,
            quiet: bool) -> ImportReport:
    """The import itself, through the Library, with a progress bar on a terminal."""
    from catalog.patterns import every_pattern_kept
    from catalog.unchanged import start_import

    # On SQLite, the readers start before the catalogue is opened (catalog.unchanged). The regular expressions
    # the modules imported meanwhile compile are built from kept programs, the standard library's too: the
    # readers start that much sooner (catalog.patterns).
    lazy = ctx.find_object(LazyLibrary)
    if lazy is not None:
        lazy.check()  # before the readers start on a catalogue that is a pipe or a device
    with every_pattern_kept():
        early = start_import(lazy.location, paths, captions=captions, rules_file=lazy.rules,
                             workers=workers) if lazy is not None else None
    try:
        # A first import into SQLite writes its new photos without SQLAlchemy (catalog.quick_store).
        target = (lazy.quick_import(early) if lazy is not None and early is not None else None) or \
            library(ctx, may_create=True)
    except BaseException:
        if early is not None:
            early.close()
        raise
    from catalog.importer import Progress

    bar = ProgressBar() if sys.stderr.isatty() and not quiet else None
    progress = Progress(total=bar.start if bar else None, advance=bar.advance if bar else None)
    try:
        return target.import_paths(paths, captions=captions, progress=progress, workers=workers, early=early)
    finally:
        if bar:
            bar.finish()


def _nothing_changed(ctx: click.Context, paths: list[str]) -> ImportReport | None:
    """The report of an import that would change nothing, found without opening the Library; None when
    the import must run (and whenever --rules is given: the full import reads that file)."""
    from catalog.unchanged import check_unchanged

    lazy = ctx.find_object(LazyLibrary)
    if lazy is None or lazy.rules:
        return None
    return check_unchanged(lazy.location, paths)


def _say(ctx: click.Context, report: ImportReport) -> None:
    """Print what the import did, and exit 1 when a file failed (130 when it was interrupted)."""
    from catalog.scan import shown_path

    for failure in report.failures:
        click.echo(f"FAILED  {failure.path}: {failure.reason}", err=True)
    for path, why in report.damaged:
        click.echo(f"DAMAGED {shown_path(path)}: {why}; its metadata is imported (search damaged:yes)", err=True)
    for name in report.captions_unused:
        click.echo(f"NOTE    the captions file names {name}, which is not among the files imported", err=True)
    for path, catalogued in report.same_file.items():
        click.echo(f"NOTE    {path} is the file catalogued as {catalogued} (a link to it); not added twice",
                   err=True)
    rate = report.stored / report.seconds if report.seconds and report.stored else 0
    summary = (
        f"{report.added} added, {report.updated} updated, {report.moved} moved, {report.unchanged} unchanged, "
        f"{report.failed} failed"
    )
    if report.missing:
        summary += f", {report.missing} missing"
    if report.skipped:
        summary += f" ({report.skipped} other file{'s' if report.skipped != 1 else ''} passed over)"
    # a rate under one file a second says nothing a reader can use ("0 files/s" for three files): left out
    click.echo(f"{summary} in {report.seconds:.1f} s" + (f" ({rate:,.0f} files/s)" if rate >= 1 else ""))
    if report.interrupted:
        if report.stored:
            click.echo("Interrupted: what was read so far is kept; run the same import again to finish.", err=True)
        else:
            click.echo("Interrupted before anything was stored; run the same import again.", err=True)
        ctx.exit(130)
    if report.failures:
        ctx.exit(1)


class ProgressBar:
    """One line on a terminal: bar, done/total, files/s and the time left, redrawn at most ten times a second.

        Importing [##########··········] 4,000/12,408  1,512 files/s  0:06 left
    """

    WIDTH = 24

    def __init__(self, label: str = "Importing"):
        self.label = label
        self.total = 0
        self.done = 0
        self.started = time.monotonic()
        self.drawn = 0.0

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        if total:
            self._draw()

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.total and (now - self.drawn >= 0.1 or self.done >= self.total):
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The progress line, without the carriage return."""
        now = time.monotonic() if now is None else now
        elapsed = now - self.started
        filled = int(self.WIDTH * self.done / self.total) if self.total else 0
        text = f"{self.label} [{'#' * filled}{'·' * (self.WIDTH - filled)}] {self.done:,}/{self.total:,}"
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            text += f"  {rate:,.0f} files/s  {_clock((self.total - self.done) / rate)} left"
        return text

    def _draw(self, now: float | None = None) -> None:
        self.drawn = time.monotonic() if now is None else now
        click.echo("\r" + self.line(now) + "\x1b[K", err=True, nl=False)

    def finish(self) -> None:
        if self.total:
            self._draw()
            click.echo("", err=True)


def _clock(seconds: float) -> str:
    """0:06, 12:30, 1:02:03."""
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
