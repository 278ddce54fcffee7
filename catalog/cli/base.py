"""What every command shares: the catalogue opened on first use, the error boundary, the --format option, and the
commands themselves imported only when one runs (`LazyCommands`).

>>> commands = LazyCommands("catalog.cli", {"search": ("searching", "search", "Find photos.")})
>>> list(commands), commands.short_help("search")
(['search'], 'Find photos.')
>>> commands["search"].name
'search'
"""

from __future__ import annotations

import errno
import io
import sys
from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import TYPE_CHECKING

import click

from catalog.cli import collector
from catalog.errors import CatalogError, UsageError

if TYPE_CHECKING:
    from catalog.library import Library
    from catalog.quick_search import QuickLibrary
    from catalog.quick_store import QuickImport
    from catalog.unchanged import EarlyImport


class LazyLibrary:
    """Opens the catalogue on first use, so `--help` and `parse-caption` never touch a database."""

    def __init__(self, location: str | None, rules: str | None):
        self.location = location
        self.rules = rules
        self._library: Library | None = None
        self._reader: QuickLibrary | None = None
        self._reader_tried = False
        self._writer: QuickImport | None = None
        self._checked = False

    def check(self) -> None:
        """Refuse, before any path opens it, a catalogue named by a folder, a named pipe, a socket or a device
        (`--db /dev/null`, a FIFO left by a script): SQLite's words for these were "disk I/O error" and "unable to
        open database file", and the quick paths would each have tried it first."""
        if self._checked:
            return
        from catalog.errors import NotACatalogue
        from catalog.schema_version import not_a_file, sqlite_file

        catalogue = sqlite_file(self.location)
        kind = not_a_file(catalogue) if catalogue is not None else None
        if kind is not None:
            raise NotACatalogue(f"{catalogue} is {kind}, not a catalogue file")
        self._checked = True

    def get(self, *, readonly: bool = False, may_create: bool = False, long_running: bool = False) -> Library:
        """The open Library; only a command that fills a catalogue (import) may create one, and a command that
        runs for days (`watch`) opens it `long_running`, with SQLite's memory kept small."""
        if self._library is None:
            self.check()
            from catalog import db
            from catalog.library import Library

            url = db.resolve_url(self.location)
            parsed = db.parse_url(url)
            if parsed.get_backend_name() == "sqlite" and db.sqlite_path(url) is None:
                raise CatalogError(f"{url!r} is a catalogue in memory, lost as this command ends: give a file "
                                   "path (catalog.db) or a PostgreSQL URL with --db (or CATALOG_DB)")

            self._library = Library.open(self.location, readonly=readonly, may_create=may_create,
                                         on_wait=_say_waiting, tuning=db.LONG_RUNNING if long_running else db.COMMAND)
            self._library.use_rules(self.rules)
        return self._library

    def reader(self):
        """For a command that only reads (search, show, places, timeline, credits): the quick path on a SQLite
        catalogue at this schema (catalog.quick_search, no SQLAlchemy), which hands what it cannot answer to the
        Library; else the Library."""
        if not self._reader_tried:
            self.check()
            from catalog.quick_search import QuickLibrary

            self._reader_tried = True
            self._reader = QuickLibrary.open(self.location, rules=self.rules, full=self.get, on_wait=_say_waiting)
        return self._reader or self.get()

    def quick_import(self, early: EarlyImport) -> QuickImport | None:
        """For an import sorted and started early (catalog.unchanged.start_import): the quick writer on a SQLite
        catalogue at this schema or new (catalog.quick_store, no SQLAlchemy), which hands what it does not do
        to the Library; None when the Library must take the whole import."""
        from catalog.quick_store import QuickImport

        if self._writer is None:
            self.check()
            self._writer = QuickImport.open(self.location, early, lambda: self.get(may_create=True),
                                            on_wait=_say_waiting)
        return self._writer

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        if self._reader is not None:
            self._reader.close()
        if self._library is not None:
            self._library.close()


def _say_waiting(message: str) -> None:
    click.echo(f"catalog: {message}…", err=True)


class LazyCommands(MutableMapping):
    """A click group's commands (`Group.commands`), each imported from its module when first asked for: the table
    gives, per command name, (module under `package`, function, one-line help). `catalog search` imports
    catalog/cli/searching.py and none of the other commands' modules; `catalog --help` imports none."""

    def __init__(self, package: str, table: dict[str, tuple[str, str, str]]):
        self.package = package
        self.table = table
        self.loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.loaded:
            module, function, _ = self.table[name]
            self.loaded[name] = getattr(import_module(f"{self.package}.{module}"), function)
        return self.loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:  # Group.add_command
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self.loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self.table), **self.loaded})

    def __len__(self) -> int:
        return len(self.table.keys() | self.loaded.keys())

    def __contains__(self, name: object) -> bool:
        return name in self.table or name in self.loaded

    def short_help(self, name: str) -> str | None:
        """The command's one-line help from the table, without importing it (None for one added later)."""
        return self.table[name][2] if name in self.table and name not in self.loaded else None


#: errno values that say there is no room to write: a full disk, a full quota, a file over its size limit.
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class CatalogGroup(click.Group):
    """A click group whose invoke is the error boundary for every command, and whose --help lists commands from
    their one-line help in `LazyCommands` (as click would word and shorten it) without importing them."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = self.commands
        if not isinstance(commands, LazyCommands):
            return super().format_commands(ctx, formatter)
        names = self.list_commands(ctx)
        if not names:
            return None
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            help_text = commands.short_help(name)
            command = click.Command(name, help=help_text) if help_text is not None else commands[name]
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
        return None

    def main(self, *args, **kwargs):
        """As click's, with the cyclic collector paused until the command's module is imported (see
        catalog.cli.collector)."""
        # Frozen after start-up only when this process runs one command from its command line (no `args` given).
        own_process = (args[0] if args else kwargs.get("args")) is None
        if own_process:
            _stand_in_for_closed_streams()
            _terminal_safe_output()
        collector.pause(freeze=own_process)
        try:
            return super().main(*args, **kwargs)
        except SystemExit as done:
            if own_process and kwargs.get("standalone_mode", True):
                _exit_at_once(done)
            raise
        finally:
            collector.resume()

    def resolve_command(self, ctx: click.Context, args: list[str]):
        # The methods of the dataclasses the command's modules make are compiled once per machine (catalog.
        # generated_code); installed here, not as catalog.cli is imported: `catalog --help` makes none.
        from catalog import generated_code

        generated_code.install()
        try:
            return super().resolve_command(ctx, args)
        finally:
            collector.resume()  # the command runs with the collector on

    def invoke(self, ctx: click.Context):
        debug = "--debug" in sys.argv[1:]
        try:
            return super().invoke(ctx)
        except UsageError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(2)
        except CatalogError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except Exception as error:
            if debug:
                raise
            if isinstance(error, OSError) and error.errno == errno.EBADF and \
                    isinstance(sys.stdout, ClosedOutput):
                click.echo(f"Error: {ClosedOutput.MESSAGE}", err=True)
                ctx.exit(1)
            if isinstance(error, OSError) and error.errno in _NO_ROOM:
                # stdout sent to a file on a full disk (`catalog export > all.json`) was "something went wrong
                # inside catalog ... please report it", where the fault is the disk's
                click.echo(f"Error: cannot write: {error.strerror} (the disk is full, or the file too large); "
                           "the output is incomplete", err=True)
                ctx.exit(1)
            click.echo(
                f"Error: something went wrong inside catalog ({type(error).__name__}: {error}). "
                "Run again with --debug for the details, and please report it.",
                err=True,
            )
            ctx.exit(1)


class ClosedOutput(io.TextIOBase):
    """Standard output when the command was started with it closed (`catalog export >&-`): Python then gives
    sys.stdout None, and every line printed went nowhere without a word, exit status 0. Writing here fails
    as writing to a closed descriptor does (EBADF), which the error boundary says plainly, exit status 1."""

    MESSAGE = "cannot write: standard output is closed (>&-); the output is lost"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, self.MESSAGE)

    def isatty(self) -> bool:
        return False


#: Control characters that a terminal acts on (C0 but tab and line breaks, DEL, C1: an escape sequence that
#: recolours, moves the cursor or retitles the window), each shown as U+FFFD, one for one.
_TERMINAL_CONTROLS = {code: "\ufffd" for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                                                     *range(0x80, 0xA0))}


class TerminalSafeOutput(io.TextIOBase):
    """Standard output on a terminal: what a file's own metadata says reaches `show`, `search` and `credits` as
    read (an escape sequence in a hostile caption would act on the desk's terminal: recolour it, move the cursor,
    retitle the window); written here, each control character is shown as U+FFFD instead. Output to a file or a
    pipe is not a terminal and stays byte for byte what was read; catalog's own escapes (the import's progress
    line) go to standard error."""

    def __init__(self, stream) -> None:
        super().__init__()
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._stream.write(text.translate(_TERMINAL_CONTROLS))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    @property
    def buffer(self):
        return self._stream.buffer


def _terminal_safe_output() -> None:
    """Standard output shows control characters harmlessly when it is a terminal (TerminalSafeOutput)."""
    stream = sys.stdout
    try:
        terminal = stream is not None and not isinstance(stream, ClosedOutput) and stream.isatty()
    except (AttributeError, ValueError, OSError):
        terminal = False
    if terminal:
        sys.stdout = TerminalSafeOutput(stream)


def _stand_in_for_closed_streams() -> None:
    """Give a standard stream that the command was started without (`<&-`, `>&-`, `2>&-`; a daemon, a cron job)
    a stand-in, where Python gives None and the command failed on it as "'NoneType' object has no attribute"
    (`import 2>&-` imported nothing, said nothing, exit 1; `parse-caption <&-` was "something went wrong inside
    catalog"). A closed standard input reads as empty, closed standard error takes the messages nowhere (the
    exit status still tells), and closed standard output refuses what is written to it (ClosedOutput).

    Its descriptor is held on /dev/null too, so that no file catalog opens (a photo being written, a sidecar)
    takes descriptor 0, 1 or 2 and receives what a child process, or a C library, writes there.
    """
    import os

    for number, name in enumerate(("stdin", "stdout", "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            held = os.open(os.devnull, os.O_RDONLY if number == 0 else os.O_WRONLY)
        except OSError:
            continue
        if held != number:
            os.dup2(held, number)
            os.close(held)
        if number == 0:
            sys.stdin = open(number, encoding="utf-8", closefd=False)  # noqa: SIM115 (lives as long as the process)
        elif number == 1:
            sys.stdout = ClosedOutput()
        else:
            sys.stderr = open(number, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


def stop_interrupted(ctx: click.Context, left: int, *, listed: str | None = None, none_new: bool = False) -> None:
    """End a command that Ctrl-C stopped between two photos (catalog.ctrl_c): say which photos it did not reach
    and that running it again finishes them, then exit with status 130. `listed` names what the lines above
    list as done ("files", "sidecars"); `none_new` says the photos not reached have no new file, where
    otherwise they are as before."""
    plural = left != 1
    head = f"the {listed} listed are written; " if listed else ""
    state = f"{'have' if plural else 'has'} none new" if none_new else f"{'are' if plural else 'is'} as before"
    click.echo(f"Interrupted: {head}the {left} photo{'s' if plural else ''} not yet reached {state}; run the same "
               f"command again for {'them' if plural else 'it'}.", err=True)
    ctx.exit(130)


def library(ctx: click.Context, *, readonly: bool = False, may_create: bool = False, long_running: bool = False):
    """The open Library for this command (it must exist unless `may_create`; see LazyLibrary.get)."""
    lazy = ctx.find_object(LazyLibrary)
    if lazy is None:  # a command called outside the `catalog` group (never from the command line)
        raise CatalogError("no catalogue: run this command through `catalog`")
    return lazy.get(readonly=readonly, may_create=may_create, long_running=long_running)


def reader(ctx: click.Context):
    """The catalogue for a command that only reads it (`search`, `show`, `places`, `timeline`, `credits`): see
    LazyLibrary.reader."""
    lazy = ctx.find_object(LazyLibrary)
    if lazy is None:  # a command called outside the `catalog` group (never from the command line)
        raise CatalogError("no catalogue: run this command through `catalog`")
    return lazy.reader()


def write_output(path: str, content: str) -> None:
    """Write a command's output to the file the person named, or say plainly why it cannot be written.

    A file is replaced whole (catalog.files.write_atomically, keeping its permission bits): a full disk or a
    kill half-way leaves the earlier file as it was, where it was emptied first and left half-written. A
    symbolic link the person named is followed; a pipe or a device (/dev/stdout) is written to directly.
    """
    import os
    import stat

    from catalog.errors import CatalogError
    from catalog.files import write_atomically

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise CatalogError(f"cannot write {path}: the folder {folder} does not exist")
    if os.path.isdir(path):
        raise UsageError(f"{path} is a folder; give a file name to write to")
    data = content.encode("utf-8")
    target = os.path.realpath(path)
    existed = os.path.exists(target)
    if existed and (kept := _kept_file(target)) is not None:
        raise UsageError(f"{path} is {kept}, not a file to write an export into: give another name "
                         "(nothing was written)")
    try:
        before = os.stat(target) if existed else None
        if before is not None and not stat.S_ISREG(before.st_mode):
            with open(target, "wb") as handle:
                handle.write(data)
            return
        if before is not None and not os.access(target, os.W_OK):
            raise PermissionError(13, os.strerror(13))
        umask = os.umask(0)
        os.umask(umask)
        mode = stat.S_IMODE(before.st_mode) if before is not None else 0o666 & ~umask
        write_atomically(target, data, mode=mode)
    except OSError as error:
        raise CatalogError(f"cannot write {path}: {error.strerror or error}; "
                           f"{'it is left as it was' if existed else 'nothing was written'}") from None


#: The first bytes of a SQLite database and of its write-ahead log (either byte order).
_DATABASE_HEADS = {b"SQLite format 3\x00": "a SQLite database (a catalogue?)",
                   b"\x37\x7f\x06\x82": "a SQLite write-ahead log", b"\x37\x7f\x06\x83": "a SQLite write-ahead log"}


def _kept_file(path: str) -> str | None:
    """What an existing file an export was told to write over is, when it is something kept rather than output:
    a SQLite database or its log (`export --format csv -o catalog.db`, a slip for catalog.csv, replaced the
    catalogue itself with the CSV, every photo's record and hand-set value gone) or a picture (`-o photo.jpg`). None
    for anything else, which an export replaces as before (an earlier export, a text file, a pipe or device)."""
    import os
    import stat

    from catalog.metadata.sniff import HEAD_SIZE, sniff

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            head = handle.read(HEAD_SIZE)
    except OSError:
        return None
    for start, kind in _DATABASE_HEADS.items():
        if head.startswith(start):
            return kind
    image, _ = sniff(head)
    return f"a picture ({image})" if image else None


class TypedText(click.ParamType):
    """Text a person types to be kept (a caption, a story's name, a reason): refused as a usage error when the
    terminal sent bytes that are not UTF-8, before it reaches the catalogue (catalog.errors.not_utf8)."""

    name = "text"

    def convert(self, value, param, ctx):
        from catalog.errors import not_utf8

        if isinstance(value, str) and (why := not_utf8(value)) is not None:
            self.fail(f"{value!r}: {why}", param, ctx)
        return value


#: The click type of every typed text that is kept or looked up as written.
TEXT = TypedText()


class Number(click.FloatRange):
    """A number within a range, as click.FloatRange, that also refuses "nan": no comparison with NaN fails, so
    the range let it through (`link --threshold nan` linked nothing and said nothing; `watch --settle nan`
    read files without waiting for them to stand still)."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value} is not a number between {self.min:g} and {self.max:g}.", param, ctx)
        return number


class GivenPath(click.Path):
    """A path, as click.Path, that refuses an empty one: Python reads "" as the current folder, so `catalog watch
    "$HOTFOLDER"` or `catalog import "$WIRES"` with the variable unset watched or imported whatever folder the
    command ran in (a home folder, the whole of a share), and `--captions ""` imported with no captions, silently.
    `ls ""` and `cp ""` refuse it too."""

    def convert(self, value, param, ctx):
        if isinstance(value, str | bytes) and not value:
            self.fail("an empty path names no file or folder (is a shell variable unset?)", param, ctx)
        return super().convert(value, param, ctx)


class GivenLocation(click.ParamType):
    """A catalogue's path or URL given to an option (`copy --to`) that refuses an empty one: "" means the default
    catalogue (CATALOG_DB, else catalog.db here), so `catalog --db old.db copy --to "$NEW" --force` with the variable
    unset emptied the desk's own catalogue and filled it with the old one."""

    name = "path_or_url"

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path names no catalogue (is a shell variable unset?)", param, ctx)
        return value


def format_option(*choices: str, default: str):
    """The same --format option everywhere."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format."
    )


def _exit_at_once(done: SystemExit) -> None:
    """End this process now, once the command is done, doing what Python's own exit does that anyone outside it
    could see, and skipping the rest: taking the heap apart object by object.

    Python's exit waits for the threads still running (and what was registered to run then: the reader pool's
    thread, `catalog.reading._join_later`), runs the exit handlers (the kept patterns and dataclass code written,
    the readers reaped, logging flushed), flushes standard output and error, and then frees every module, class
    and object one at a time before the kernel frees the process's memory whole anyway. That last part cost 11-28
    ms of a first import of 1,000 press photos (the caption parser, the gazetteer and the rules the readers were
    forked with) and 3 ms of an unchanged re-import. Here the first three are done, in that order, and the process
    ends with the command's exit status. (What skipping the teardown leaves undone: finalizers of objects still
    alive, a file left open and unflushed, which catalog never leaves: its files are closed where they are written.)
    Where something of it cannot be done as Python would (an exit status
    that is not a number, a Python without the thread hook, output that can no longer be flushed: a closed pipe),
    this returns and Python's own exit runs, as before; and so it does under a profiler, a tracer or a debugger
    (`python -m cProfile -m catalog.cli`), which write what they gathered as Python exits.
    """
    import atexit
    import os
    import threading

    code = done.code
    shutdown = getattr(threading, "_shutdown", None)
    if not (code is None or type(code) is int) or shutdown is None or \
            threading.current_thread() is not threading.main_thread() or \
            sys.getprofile() is not None or sys.gettrace() is not None:
        return
    if not _flushed():  # a closed pipe, say: Python's exit says so, with its own status
        return
    shutdown()
    atexit._run_exitfuncs()
    # What the exit handlers wrote; if that cannot be flushed now, Python's exit would say so with status 120.
    os._exit((code or 0) if _flushed() else 120)


def _flushed() -> bool:
    """Whether standard output and error could be flushed (or are closed already, as the error boundary closes
    standard error on a broken pipe)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and not stream.closed:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True
