"""`catalog watch`: keep the catalogue in step with hot folders, one line per file, until stopped."""

from __future__ import annotations

import json
from datetime import datetime

import click

from catalog.cli.base import GivenPath, Number, format_option, library


@click.command()
@click.argument("folders", nargs=-1, required=True, type=GivenPath(path_type=str))
@click.option("--settle", type=Number(0.1, 3600), default=2.0, show_default=True, metavar="SECONDS",
              help="How long a file's size and time must stand still before it is read.")
@click.option("--give-up", type=Number(1, 86400), default=300.0, show_default=True, metavar="SECONDS",
              help="Report a file that has stood still this long but is still not whole (it is not read).")
@click.option("--rescan", type=Number(0, 86400), default=300.0, show_default=True, metavar="SECONDS",
              help="Compare the folders with the catalogue this often, for events the system lost "
              "(0: only on start). Use a short one on a network file system.")
@click.option("--workers", type=click.IntRange(1, 64),
              help="Reader processes for a large batch (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Print only files that failed or never became whole.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also print files that stopped changing but are not whole yet (waiting).")
@format_option("text", "json", default="text")
@click.pass_context
def watch(ctx: click.Context, folders: tuple[str, ...], settle: float, give_up: float, rescan: float,
          workers: int | None, quiet: bool, verbose: bool, fmt: str):
    """Watch hot folders: photos arriving by FTP or sync are in the catalogue within seconds.

    New files are imported, changed ones read again, moved ones keep their record (and what was
    set by hand), deleted ones marked missing; on start it catches up with whatever happened while
    it was stopped. A file is read only once it is whole: not under a temporary name (.part,
    .filepart, .tmp, ~, a leading dot, rsync's and FTP servers' names), its size and time unchanged
    for --settle seconds, and a JPEG, PNG, WebP or HEIF must reach its format's end. The house
    rules' [[arrival]] tables may set fields on every new photo (see the README).

    One line per file: added, updated, moved, missing, failed, incomplete or skipped (--format json:
    one JSON object a line). SIGTERM or Ctrl-C stops it after the batch in hand.

    \b
    Examples:
      catalog watch /srv/ftp/wires
      catalog watch /srv/ftp/wires ~/staff --settle 5 --format json
      catalog --db postgresql+psycopg://desk@db/news watch /srv/ftp/xinhua
    """
    import threading

    from catalog.watch import Options, Watcher, stop_on_signals
    from catalog.watch.watcher import watched_folders

    watched_folders(list(folders))  # a folder that is not there is refused before a catalogue is made
    lib = library(ctx, may_create=True, long_running=True)  # runs for days: SQLite's memory kept small
    shown = _printer(fmt, quiet, verbose)
    watcher = Watcher(lib, list(folders), options=Options(settle, give_up, rescan, workers), report=shown,
                      say=_say)
    names = ", ".join(watcher.folders)
    _say(f"watching {names} (settle {settle:g} s, give up after {give_up:g} s"
         + (f", rescan every {rescan:g} s" if rescan else "") + "); Ctrl-C to stop")
    stop = threading.Event()
    with stop_on_signals(stop, lambda name: _say(f"{name}: stopping after the batch in hand")):
        watcher.run(stop)
    counts = ", ".join(f"{watcher.counts[event]} {event}" for event in ("added", "updated", "moved", "missing",
                                                                        "failed", "incomplete")
                       if watcher.counts[event])
    _say(f"stopped{': ' + counts if counts else ''}")


def _printer(fmt: str, quiet: bool, verbose: bool):
    """How each outcome is printed: a line for a person, or a JSON object a line; flushed at once."""
    def show(outcome) -> None:
        if (quiet and outcome.event not in ("failed", "incomplete")) or (outcome.event == "waiting" and not verbose):
            return
        now = datetime.now()
        if fmt == "json":
            click.echo(json.dumps({"time": now.isoformat(timespec="milliseconds"), **outcome.to_json()},
                                  ensure_ascii=False))
            return
        text = f"{now:%H:%M:%S} {outcome.event:<10} {outcome.path}"
        if outcome.previous:
            text += f" (from {outcome.previous})"
        if outcome.id is not None:
            text += f"  #{outcome.id}"
        if outcome.reason:
            text += f": {outcome.reason}"
        click.echo(text)

    return show


def _say(message: str) -> None:
    click.echo(f"catalog watch: {message}", err=True)
