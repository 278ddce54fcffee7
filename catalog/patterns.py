"""Regular expressions compiled once per machine, not once per command.

`compiled(pattern, flags)` is `re.compile` for a pattern a module keeps. Python's `re` compiles a pattern in
two steps: its parser and code generator, written in Python, turn the pattern into a list of numbers (the
program of the matching engine), and the engine, in C, is built from that list. The caption parser keeps
some 300 patterns, word lists of hundreds of alternatives among them, and the first step is most of what a
command that loads the parser spends on it: about 40 ms of every `catalog import`, `parse-caption` or `check`,
before its first file.

So the programs are kept in the cache folder (`catalog.cachedir`, marshal: the programs as bytes), and a
later command builds each engine straight from its program. The first step is deterministic: the same pattern
and flags give the same program under the same Python, and the file's name carries Python's version and the
engine's own format number (`_sre.MAGIC`), so another Python never reads it. A program is only ever kept after
the engine built from it proved equal to the one `re.compile` makes (`re.Pattern`'s equality compares the
pattern, the flags and the program; the groups are compared too). Where the private parts of `re` this relies
on are missing or differ (another Python), `compiled` is plain `re.compile`.

What is kept is written when the command ends (and by an import's reader process after a chunk of files), only
when it compiled something new; a file that is missing, damaged or not this user's own is built again. Within
one process a pattern is compiled once (`re.compile` keeps only its last 512).

Patterns made from what a person types (a search) are not for this: they would pile up in the file. The
modules of the instant commands (search, show, credits, places) keep `re.compile` too: their few small
patterns compile faster than the kept file loads.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import Any, overload

#: Patterns this process has made, by (pattern, flags).
_made: dict[tuple[str | bytes, int], re.Pattern] = {}
#: The programs read from the cache file (None until the first pattern asks), and those made here since.
_kept: dict[tuple[str, int], tuple] | None = None
_new: dict[tuple[str, int], tuple] = {}
_saved_at_exit = False
#: Past this many bytes of programs the file is written again with only this process's own (patterns whose
#: words change, with a new version of the rules, would otherwise pile up). The parser's and the readers'
#: patterns take about 1 MB.
MAX_KEPT = 8_000_000


@overload
def compiled(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]: ...
@overload
def compiled(pattern: bytes, flags: int | re.RegexFlag = 0) -> re.Pattern[bytes]: ...


def compiled(pattern, flags=0):
    """`re.compile(pattern, flags)`, its program read from the cache folder when an earlier command made it."""
    key = (pattern, int(flags))
    made = _made.get(key)
    if made is None:
        made = _made[key] = _build(pattern, key[1])
    return made


def longest_first(word: str) -> tuple[int, str]:
    """A sort key for the words of an alternation: longest first (a longer word wins over its prefix), and words
    of one length in order, so that a pattern made from a set is the same in every process and its program can
    be kept (a set's order changes with each process's hash seed).

    >>> sorted({"mar", "march", "may"}, key=longest_first)
    ['march', 'mar', 'may']
    """
    return -len(word), word


def counts() -> dict[str, int]:
    """How many patterns this process made from kept programs, and how many it compiled (for tests and tools)."""
    kept = _kept or {}
    return {"kept": sum(1 for key in _made if key in kept), "compiled": len(_new)}


def _build(pattern: str | bytes, flags: int) -> re.Pattern:
    if not isinstance(pattern, str) or flags & re.DEBUG or _engine is None:
        return re.compile(pattern, flags)
    kept = _kept if _kept is not None else _load()
    program = kept.get((pattern, flags))
    if program is not None:
        try:
            return _from_kept(pattern, program)
        except Exception:  # noqa: BLE001 - a program this Python cannot take: compiled the usual way below
            kept.pop((pattern, flags), None)
    made = _re_compile(pattern, flags)
    program = _program(pattern, flags)
    if program is not None:
        try:
            rebuilt = _from_kept(pattern, program)
        except Exception:  # noqa: BLE001 - not the engine's arguments on this Python: nothing kept
            rebuilt = None
        if rebuilt is not None and rebuilt == made and rebuilt.groupindex == made.groupindex \
                and rebuilt.groups == made.groups:
            global _saved_at_exit
            if not _saved_at_exit:
                import atexit

                atexit.register(save)
                _saved_at_exit = True
            _new[(pattern, flags)] = program
    return made


def _program(pattern: str, flags: int) -> tuple | None:
    """What the engine is built from, as kept: flags, the program (its 32-bit words as bytes: marshal copies
    bytes at once, where a list of 16,000 numbers takes a while), group count, group names (both ways), as
    `re._compiler.compile` passes them to `_sre.compile` (Python 3.11 to 3.13)."""
    try:
        _parser, _compiler = import_module("re._parser"), import_module("re._compiler")
        parsed = _parser.parse(pattern, flags)
        words = array("I", _compiler._code(parsed, flags))
        state = parsed.state
        names = dict(state.groupdict)
        by_number: list[Any] = [None] * state.groups
        for name, number in names.items():
            by_number[number] = name
        return (flags | state.flags, words.tobytes(), state.groups - 1, names, tuple(by_number))
    except Exception:  # noqa: BLE001 - re's private parts are not what they were, or a word over 32 bits
        return None


def _from_kept(pattern: str, kept: tuple) -> re.Pattern:
    flags, program, groups, names, by_number = kept
    words = array("I")
    words.frombytes(program)
    return _engine(pattern, flags, words.tolist(), groups, names, by_number)


def _engine_builder():
    try:
        return import_module("_sre").compile
    except (ImportError, AttributeError):
        return None


_engine = _engine_builder()
#: What `re` compiles a pattern with when its own cache has none (its parser and code generator, then the engine):
#: the function `every_pattern_kept` stands in for.
_re_compiler: Any = getattr(re, "_compiler", None)
_re_compile = getattr(_re_compiler, "compile", None) or re.compile


@contextmanager
def every_pattern_kept() -> Iterator[None]:
    """Meanwhile, every text pattern this process compiles is built from a kept program, as `compiled` builds ours:
    the standard library's and other packages' too, which their modules compile as they are imported (logging,
    gettext, string, xml.etree, tomllib, json, platform, difflib, locale, ...: some 50 patterns, 10-25 ms of
    an import's start-up before its readers can start, in the parser and code generator `re` runs in Python).

    For an import's start-up (catalog.cli.importing): what is compiled then comes from code, never from what a
    person types or a file says, so the cache file does not grow with each command. The reader processes forked
    meanwhile restore `re` as they start (`restore_re`): they compile patterns made from what they read. `re` is
    left as it was when the block ends, and where its private parts are not the ones this was written for,
    nothing changes.
    """
    if _engine is None or _re_compiler is None or _re_compiler.compile is not _re_compile:
        yield
        return

    if _kept is None:
        # read the kept programs now, with `re` as it is: reading imports modules (pathlib, the cache folder's
        # helpers) that compile patterns of their own as they load, which would come back here half-imported
        _load()
    building = False

    def kept_compile(pattern, flags=0):
        nonlocal building
        if building or type(pattern) is not str or type(flags) is not int or flags & re.DEBUG:
            return _re_compile(pattern, flags)  # (one compiled while a kept one is being built: the usual way)
        building = True
        try:
            return compiled(pattern, flags)
        finally:
            building = False

    _re_compiler.compile = kept_compile
    try:
        yield
    finally:
        restore_re()


def restore_re() -> None:
    """`re` as it was before `every_pattern_kept`: for a process forked inside the block (an import's reader), which
    compiles patterns made from what it reads (a place name found in a caption), and those must not be kept."""
    if _re_compiler is not None:
        _re_compiler.compile = _re_compile


def cache_file():
    """Where the programs are kept for this Python (its version and the engine's format in the name)."""
    from catalog.cachedir import default_cache_dir

    try:
        magic = import_module("_sre").MAGIC
    except (ImportError, AttributeError):
        magic = 0
    version = "{}.{}.{}{}{}".format(*sys.version_info)
    return default_cache_dir() / f"patterns-{sys.implementation.cache_tag}-{version}-{magic}.marshal"


def _load() -> dict:
    global _kept
    _kept = _read()
    return _kept


def _read() -> dict:
    """The programs the cache file holds now, by (pattern, flags)."""
    from catalog.cachedir import read_plain_at

    value = read_plain_at(cache_file)
    kept: dict = {}
    if isinstance(value, list):
        for entry in value:
            if isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[2], tuple) and len(entry[2]) == 5 \
                    and isinstance(entry[2][1], bytes):
                kept[(entry[0], entry[1])] = entry[2]
    return kept


def save() -> None:
    """Keep what this process compiled since it last saved, beside what the file holds now (another process may
    have added to it meanwhile). Called when the command ends, and by reader processes after a chunk of files
    (they end without running Python's exit handlers); costs nothing when nothing new was compiled."""
    from catalog.cachedir import add_to_plain

    if _kept is not None:
        _kept.update(_new)
    add_to_plain(_new, _read, lambda kept: [(pattern, flags, program) for (pattern, flags), program in kept.items()],
                 cache_file, size=lambda kept: sum(len(program[1]) for program in kept.values()), limit=MAX_KEPT,
                 own=lambda key: key in _made)
