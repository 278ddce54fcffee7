"""What image libraries say while they decode, kept as notes instead of printed raw on the terminal.

Pillow warns (``UserWarning: Corrupt EXIF data``), logs (``More samples per pixel than can be decoded``), and
the C libraries under it (libtiff, libheif, libavif) write straight to the process's standard error, file
descriptor 2, past Python altogether: in the middle of an import's progress bar, or of ``serve``'s log. Around
every call that decodes pixels or parses a container with a native library, ``kept(notes)`` catches all three
and appends them to ``notes`` as plain lines, which the caller keeps as the record's (or the rendition's)
warnings::

    notes: list[str] = []
    with kept(notes, "TIFF"):
        image.load()
    notes == ['TIFF: LZWDecode: Strip 0 not terminated with EOI code.']

A message a library is known to give about a file is said in our words (``WORDINGS``): "Tag data larger than
file. Skipping tag 0" from Pillow becomes "EXIF tag 0 claims more data than its block holds; skipped". Any other
is kept in the library's own words.

The import reads with ``kept(notes, native=False)`` around every file: Pillow's warnings and log messages (met
when the EXIF thumbnail is checked for the perceptual fingerprint) become the photo's warnings instead of lines
naming Pillow's source on the terminal, and the pure-Python readers pay no system call for it.

Deprecation warnings are not a file's news but ours: they are passed on as they were raised, so that the test
suite (``-W error``) still sees them.

Descriptor 2 belongs to the whole process, so one capture runs at a time (a lock): a thread that decodes
while another does waits for it, and what another thread writes to standard error meanwhile lands in these
notes rather than on the terminal. When nothing is written, a capture costs a handful of system calls
and a few dictionary operations, because the file it writes to is made once per process and only its size
is looked at; it is used only around native parsing and decoding (HEIF, AVIF, C2PA, previews), which cost
milliseconds, never around the pure-Python readers of JPEG, TIFF, PNG and WebP.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from catalog.patterns import compiled

#: Warnings that are about our code or a library's API, not about a file: passed on, never kept as notes.
PASSED_ON = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)
#: The loggers of the libraries that decode for us.
LOGGERS = ("PIL", "pillow_heif")
#: Library messages about a file, said in our words: (pattern, wording with the pattern's groups as {1}, {2}).
#: Each is what Pillow says while it parses a file's EXIF or opens a JPEG; the example is the message matched.
WORDINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((compiled(pattern), wording) for pattern, wording in (
    # "Tag data larger than file. Skipping tag 0"
    (r"^Tag data larger than file\. Skipping tag (\d+)$",
     "EXIF tag {1} claims more data than its block holds; skipped"),
    # "Tag offset too large"
    (r"^Tag offset too large$", "an EXIF tag's value lies past the end of its block; skipped"),
    # "Possibly corrupt EXIF data. Expecting to read 8 bytes but only got 2. Skipping tag 33434"
    (r"^Possibly corrupt EXIF data\. Expecting to read (\d+) bytes but only got (\d+)\. Skipping tag (\d+)$",
     "EXIF tag {3} is cut short ({2} of its {1} bytes); skipped"),
    # "Image appears to be a malformed MPO file, it will be interpreted as a base JPEG file"
    (r"^Image appears to be a malformed MPO file", "the MPO (multi-picture) index is malformed; read as a single JPEG"),
))
#: More than this much text from one call is cut (a library in a loop of complaints).
MOST = 4096

_lock = threading.RLock()
_sink: int | None = None  # the file descriptor 2 is pointed at during a capture, made once per process
_sink_pid: int | None = None


class _Collector(logging.Handler):
    """A logging handler that keeps the messages of the libraries' loggers during one capture."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())


_COLLECTOR = _Collector()  # one, attached to the loggers only during a capture (under the lock)
_depth = 0  # captures open now, in the thread that holds the lock


@contextmanager
def kept(notes: list[str], label: str = "", *, native: bool = True) -> Iterator[None]:
    """Run the block with Python warnings, the libraries' log messages and native standard-error output
    caught; each becomes one line of ``notes`` ("label: message"), duplicates once. What was said before the
    block raised is kept too. ``native=False`` leaves descriptor 2 alone (for blocks that run no native
    parser, at the cost of a lock and a few list operations)."""
    caught: list[warnings.WarningMessage] = []
    logged: list[str] = []
    said: list[str] = []
    try:
        with _lock:
            global _depth
            previous, _COLLECTOR.messages = _COLLECTOR.messages, logged
            if _depth == 0:  # a capture inside a capture (same thread) shares the outer one's handler
                for logger in _loggers():
                    logger.addHandler(_COLLECTOR)
            _depth += 1
            try:
                with warnings.catch_warnings(record=True) as caught, \
                        (_native_stderr(said) if native else nullcontext()):
                    warnings.simplefilter("always")
                    yield
            finally:
                _depth -= 1
                if _depth == 0:
                    for logger in _loggers():
                        logger.removeHandler(_COLLECTOR)
                _COLLECTOR.messages = previous
    finally:
        if caught or logged or said:
            _note(notes, label, caught, logged, said)


_library_loggers: list[logging.Logger] = []


def _loggers() -> list[logging.Logger]:
    """The LOGGERS, looked up once: `logging.getLogger` takes logging's lock for each name, and an import asks
    around every file it reads (a logger, once made, is the same object for the life of the process)."""
    if not _library_loggers:
        _library_loggers.extend(logging.getLogger(name) for name in LOGGERS)
    return _library_loggers


def _note(notes: list[str], label: str, caught: list, logged: list[str], native: list[str]) -> None:
    """Add what was said to ``notes``, once each; deprecations are raised again as they were."""
    lines: list[str] = []
    for warning in caught:
        if issubclass(warning.category, PASSED_ON):
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
        else:
            lines.append(in_our_words(" ".join(str(warning.message).split())))
    prefix = f"{label}: " if label else ""
    for line in dict.fromkeys(" ".join(line.split()) for line in lines + logged + native):
        if line and prefix + line not in notes:
            notes.append(prefix + line)


def in_our_words(message: str) -> str:
    """A library's message about a file as ``WORDINGS`` says it, or as it was.

    >>> in_our_words("Tag data larger than file. Skipping tag 0")
    'EXIF tag 0 claims more data than its block holds; skipped'
    >>> in_our_words("Unknown thing")
    'Unknown thing'
    """
    for pattern, wording in WORDINGS:
        found = pattern.search(message)
        if found:
            return wording.format(None, *found.groups())
    return message


@contextmanager
def _native_stderr(found: list[str]) -> Iterator[None]:
    """Point file descriptor 2 at a scratch file for the block; the lines written there are added to ``found``
    when the block ends, however it ends. Without a usable descriptor 2 nothing is caught."""
    try:
        sink = _scratch()
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        _flush_python_stderr()
        os.dup2(sink, 2)
        try:
            yield
        finally:
            _flush_python_stderr()
            os.dup2(saved, 2)
    finally:
        os.close(saved)
        found.extend(_drain(sink))


def _drain(sink: int) -> list[str]:
    """The lines written to the scratch file, which is emptied for the next capture."""
    written = os.fstat(sink).st_size
    if not written:
        return []
    os.lseek(sink, 0, os.SEEK_SET)
    text = os.read(sink, min(written, MOST)).decode("utf-8", "replace")
    if written > MOST:
        text += f" ... ({written - MOST} more bytes)"
    os.ftruncate(sink, 0)
    os.lseek(sink, 0, os.SEEK_SET)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _scratch() -> int:
    """The descriptor of this process's scratch file, made on first use (a forked reader process makes its own
    rather than share its parent's): on Linux a file in memory (`memfd_create`), elsewhere a temporary file,
    unlinked at once. (The temporary file cost a reader 13-16 ms the first time, `tempfile`'s import and its
    search for a folder it may write, in every reader of a folder with HEIF or AVIF files; the file in memory
    costs 0.02 ms.)"""
    global _sink, _sink_pid
    if _sink is None or _sink_pid != os.getpid():
        try:
            _sink = os.memfd_create("catalog-stderr")
        except (AttributeError, OSError):  # not Linux, or a kernel without it
            import tempfile  # here, not at the top: the import's readers use this module without descriptor 2

            _sink, name = tempfile.mkstemp(prefix="catalog-stderr-")
            os.unlink(name)
        _sink_pid = os.getpid()
    return _sink


def _flush_python_stderr() -> None:
    """Python's own buffered standard error goes out before and after the descriptor is swapped."""
    try:
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass
