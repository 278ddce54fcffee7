"""`catalog import`: folders and files into the catalogue, with a progress bar and a summary."""

from __future__ import annotations

import sys
import time

import click

from catalog.cli import library, main


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--captions", "captions_file", metavar="FILE",
              help="Captions kept outside the photos: a CSV 'file,caption', or a text file of paragraphs "
              "that each start 'File: NAME'.")
@click.option("--workers", type=click.IntRange(1, 64), help="Reader processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@click.pass_context
def import_(ctx: click.Context, paths: tuple[str, ...], captions_file: str | None, workers: int | None, quiet: bool):
    """Import photos from folders (recursively) and files: JPEG, TIFF, PNG, WebP, HEIC.

    Importing again adds nothing twice: unchanged files are not opened, changed files are
    updated, moved files keep their record. Exit status 1 when any file failed.

    \b
    Examples:
      catalog import images/
      catalog import ~/wires/2025-10-14 ~/handouts/probe.jpg
      catalog import handouts/ --captions handouts/press-release.txt
    """
    from catalog.importer import Progress
    from catalog.library import load_captions_file

    lib = library(ctx)
    captions = load_captions_file(captions_file) if captions_file else None
    bar = _ProgressBar() if sys.stderr.isatty() and not quiet else None
    progress = Progress(total=bar.start if bar else None, advance=bar.advance if bar else None)
    try:
        report = lib.import_paths(list(paths), captions=captions, progress=progress, workers=workers)
    finally:
        if bar:
            bar.finish()
    for failure in report.failures:
        click.echo(f"FAILED  {failure.path}: {failure.reason}", err=True)
    rate = report.stored / report.seconds if report.seconds and report.stored else 0
    summary = (
        f"{report.added} added, {report.updated} updated, {report.moved} moved, {report.unchanged} unchanged, "
        f"{report.failed} failed"
    )
    if report.skipped:
        summary += f" ({report.skipped} other files passed over)"
    click.echo(f"{summary} in {report.seconds:.1f} s" + (f" ({rate:,.0f} files/s)" if rate else ""))
    if report.interrupted:
        click.echo("Interrupted: what was read so far is kept; run the same import again to finish.", err=True)
        ctx.exit(130)
    if report.failures:
        ctx.exit(1)


class _ProgressBar:
    """click's progress bar, with files/s and the time left, on a terminal only."""

    def __init__(self):
        self.bar = None
        self.started = time.monotonic()
        self.done = 0

    def start(self, total: int) -> None:
        if total:
            self.bar = click.progressbar(length=total, label="Importing", show_eta=True, show_pos=True,
                                         item_show_func=self._rate, file=sys.stderr)
            self.bar.__enter__()

    def _rate(self, _item) -> str:
        elapsed = time.monotonic() - self.started
        return f"{self.done / elapsed:,.0f} files/s" if elapsed > 0 and self.done else ""

    def advance(self, count: int) -> None:
        self.done += count
        if self.bar:
            self.bar.update(count, current_item=self.done)

    def finish(self) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)
