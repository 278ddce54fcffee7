"""Where catalog keeps what it can make again (thumbnails, the gazetteer's built index, the agency registry as
read, the house rules as checked), and how: pickles (or, for plain data, marshal) only this user can have written,
replaced atomically, built by one process at a time.

A new process reads a kept copy in milliseconds instead of building it again; a copy that is missing, damaged,
from another version or not this user's own is built again, and a cache folder that cannot be written is no
failure (the value is built in every process instead).
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path


def default_cache_dir() -> Path:
    """CATALOG_CACHE, else $XDG_CACHE_HOME/catalog, else ~/.cache/catalog."""
    explicit = os.environ.get("CATALOG_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "catalog"


def _own(path: Path) -> bool:
    """Whether this user owns `path` and nobody else may write it (raises OSError when it is missing)."""
    info = path.stat()
    return not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o022)


#: Whether what `read_kept` loads is frozen at once (see `freeze_loads`).
_freeze_loads = False


def freeze_loads() -> None:
    """From now on, move what `read_kept` loads out of the collector's reach at once (`gc.freeze`), with
    whatever else this process made so far: for an import's reader process, which runs with the collector off
    and collects after each chunk of files, then freezes what survived. What it loads from here (the gazetteer
    and its grids, the venue register: some 90,000 objects, none of them garbage) was walked once by the
    chunk's collection, 20-25 ms in each reader, to free nothing."""
    global _freeze_loads
    _freeze_loads = True


def read_kept(path: Path):
    """What a cache file holds, or None when it is missing, damaged, or could have been written by another user.

    Unpickling a file runs what the file says, so only a file this user owns and nobody else may write is
    read (the cache folder is the user's own, like the shell's start-up files).
    """
    try:
        if not _own(path):
            return None
        import pickle  # here, not at the top: most commands only ask for the folder (default_cache_dir)

        with open(path, "rb") as handle, collection_paused():
            value = pickle.load(handle)
            if _freeze_loads:
                gc.freeze()
            return value
    except Exception:  # noqa: BLE001 - missing, damaged, from another version: made again
        return None


def write_kept(value, path: Path) -> bool:
    """Pickle `value` to `path` atomically, readable by this user only; False on a read-only or full disk.

    The pickle goes to the file as it is made: the gazetteer's is 10 MB, and making it whole first took the
    process that builds it (a reader of an import) 20 MB more at its peak, kept until the process ended."""
    import pickle

    from catalog.files import write_atomically  # here: most processes only read what is kept

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda handle: pickle.dump(value, handle, pickle.HIGHEST_PROTOCOL))
        return True
    except OSError:
        return False


def read_plain(path: Path):
    """What a cache file of plain data (`write_plain`) holds, or None when it is missing, damaged or not this
    user's own. For a command's start-up: `marshal` is built into Python, where pickle's import costs more than
    reading a small value."""
    import marshal

    try:
        if not _own(path):
            return None
        with open(path, "rb") as handle:
            return marshal.loads(handle.read())
    except Exception:  # noqa: BLE001 - missing, damaged, from another version of Python: made again
        return None


def write_plain(value, path: Path) -> bool:
    """Keep `value` (dictionaries, lists, tuples, strings, bytes, numbers, None) at `path` atomically, readable by
    this user only; False when it holds anything else (a TOML date, say) or the disk is read-only or full."""
    import marshal

    from catalog.files import write_atomically

    try:
        content = marshal.dumps(value)
    except ValueError:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content)
        return True
    except OSError:
        return False


@contextmanager
def one_builder(path: Path):
    """Held while this process builds what `path` will keep: another process about to build the same waits,
    then finds the file and reads it (on the first import after an install, each reader process would build
    its own gazetteer at once: twice the work, and twice the memory a build takes). Without a lock (a
    read-only cache folder, no fcntl) every process builds its own, as before."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "ab")
    except (ImportError, OSError):
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
        yield


@contextmanager
def collection_paused():
    """No garbage collection meanwhile: building or loading makes a million objects and no garbage."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def read_plain_at(locate) -> object:
    """`read_plain(locate())`, None also when there is no cache folder to locate (no home directory)."""
    try:
        return read_plain(locate())
    except Exception:  # noqa: BLE001 - no cache folder: everything is made in this process
        return None


def add_to_plain(new: dict, read, encode, locate, *, size, limit: int, own) -> None:
    """Keep the entries `new` holds beside those the file holds now, then empty `new`: for a cache of many small
    entries that several processes add to (`catalog.patterns`, `catalog.generated_code`). `read()` gives the
    file's entries as a dictionary (empty when the file is refused), `encode(entries)` the value written,
    `locate()` the file; past `limit` (`size(entries)`) only the entries `own(key)` says this process used are
    written, so that entries no version uses any more do not pile up. Costs nothing when `new` is empty; a
    cache that cannot be written is no failure."""
    if not new:
        return
    kept = read()
    kept.update(new)
    if size(kept) > limit:
        kept = {key: value for key, value in kept.items() if own(key)}
    try:
        write_plain(encode(kept), locate())
    except Exception:  # noqa: BLE001, S110 - the cache is a saving, never a failure
        pass
    new.clear()
