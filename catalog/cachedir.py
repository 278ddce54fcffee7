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
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    """CATALOG_CACHE, else $XDG_CACHE_HOME/catalog, else ~/.cache/catalog."""
    explicit = os.environ.get("CATALOG_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "catalog"


def file_stamp(copy_format: int, data: bytes) -> tuple:
    """What a kept copy of a shipped data file is checked against: the copy's format, the file's length and CRC-32."""
    import zlib

    return (copy_format, len(data), zlib.crc32(data))


def keyed_path(prefix: str, stamp: object, suffix: str) -> Path:
    """The kept file in the cache folder for a build whose inputs `stamp` describes: `prefix`, a checksum of the
    stamp, `suffix` ("agency-registry-1f0e2d3c.pickle"). Versions of catalog whose builds differ, sharing the folder,
    keep theirs side by side (`drop_old_builds`, whose key is that checksum)."""
    import zlib

    return default_cache_dir() / f"{prefix}{zlib.crc32(repr(stamp).encode()):08x}{suffix}"


def _own(path: Path) -> bool:
    """Whether this user owns `path` and nobody else may write it (raises OSError when it is missing). A file
    that is read after this is marked used (`mark_used`)."""
    info = path.stat()
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return False
    mark_used(path, info)
    return True


#: How many builds of one kind of kept table the cache folder holds side by side (see `drop_old_builds`): the one
#: this version of catalog uses and those of the versions installed beside it that share the folder (two virtual
#: environments, a checkout beside the installed release). Each keeps its own and neither rebuilds the other's;
#: older builds are removed as a new one is written, so the folder does not grow without end (the gazetteer's
#: build with its parts is some 45 MB).
KEPT_BUILDS = 3
#: A kept file read is marked used (its modification time set to now) when its mark is older than this: at most
#: one small write an hour for a file every command reads.
USED_MARK_AFTER = 3600.0


def mark_used(path: Path, info: os.stat_result) -> None:
    """Mark a kept file as read now (its modification time), when its mark is more than USED_MARK_AFTER old: what
    `drop_old_builds` goes by. A file that cannot be marked (a read-only folder) is left as it is."""
    import time

    now = time.time()
    if now - info.st_mtime > USED_MARK_AFTER:
        with suppress(OSError):
            os.utime(path, (info.st_atime, now))


def build_key(name: str, prefix: str) -> str:
    """The key of a kept build's file: what follows `prefix` up to the next ``-`` or ``.``.

    >>> build_key("gazetteer-5ac9e01ca2cc366c7b22-alternate.pickle.lock", "gazetteer-")
    '5ac9e01ca2cc366c7b22'
    >>> build_key("agency-registry-1f0e2d3c.pickle", "agency-registry-")
    '1f0e2d3c'
    """
    rest = name[len(prefix):]
    ends = [at for at in (rest.find("-"), rest.find(".")) if at >= 0]
    return rest[:min(ends)] if ends else rest


def drop_old_builds(kept: Path, prefix: str) -> None:
    """After a new build was kept at `kept` (its name `prefix` + key + the rest): remove the files of every other
    key of that prefix but the KEPT_BUILDS - 1 used last (by their files' modification times, which a read sets:
    `mark_used`), with their parts and the locks they were built under. So versions of catalog sharing the cache
    folder keep their builds side by side instead of each removing the other's and building its own again on every
    run; a build no version has read for longest goes first. The one file of a version from before builds were
    keyed (`prefix` without its dash, then a dot: "agency-registry.pickle") counts as one more build. Files that
    cannot be removed are left (one another process maps, where the system will not remove it)."""
    this = build_key(kept.name, prefix)
    unkeyed = prefix.rstrip("-") + "."  # ("agency-registry.pickle": a version from before builds were keyed)
    files: dict[str, list[str]] = {}
    used: dict[str, float] = {}
    try:
        with os.scandir(kept.parent) as entries:
            for entry in entries:
                if entry.name.startswith(unkeyed):
                    key = ""
                elif entry.name.startswith(prefix):
                    key = build_key(entry.name, prefix)
                    if not key or key == this:
                        continue
                else:
                    continue
                files.setdefault(key, []).append(entry.path)
                with suppress(OSError):
                    if not entry.name.endswith(".lock"):  # (a lock's time says when a build was, not a use)
                        used[key] = max(used.get(key, 0.0), entry.stat().st_mtime)
    except OSError:
        return
    for key in sorted(files, key=lambda key: used.get(key, 0.0), reverse=True)[KEPT_BUILDS - 1:]:
        for path in files[key]:
            with suppress(OSError):
                os.unlink(path)


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
            if handle.read(len(_MAPPED)) == _MAPPED:
                value = _load_mapped(handle)
            else:
                handle.seek(0)
                value = pickle.load(handle)
            if _freeze_loads:
                gc.freeze()
            return value
    except Exception:  # noqa: BLE001 - missing, damaged, from another version: made again
        return None


#: How a kept file whose large buffers are mapped begins (see write_kept); then the header (`_HEADER`: the
#: pickle's length and the number of buffers), each buffer's offset and length, the pickle, the buffers.
_MAPPED = b"catalog mapped pickle 1\n"
_HEADER = "<QQ"


def _load_mapped(handle):
    """Unpickle a kept file written with its buffers apart, each buffer unpickled as a `KeptBuffer`: read a piece
    at a time with ``os.pread`` when a table asks (or, where there is no pread, as views of the file mapped).

    Not mapped, because a mapping holds more than a look-up reads: the kernel maps the 64 KB around each page a
    look-up touches (fault-around; ``MADV_RANDOM`` does not change it), so a reader's few hundred look-ups held
    24 MB of the kept tables' pages, of which they used a few kilobytes. Read with pread, a look-up's bytes are
    copied into a small bytes object and the file's pages stay in the page cache, in no process's memory.
    The pickle itself is read once, whole."""
    import pickle
    import struct

    length, count = struct.unpack(_HEADER, handle.read(struct.calcsize(_HEADER)))
    spans = list(struct.iter_unpack("<QQ", handle.read(16 * count)))
    stream = handle.read(length)
    size = os.fstat(handle.fileno()).st_size
    if len(spans) != count or len(stream) != length or any(offset + part > size for offset, part in spans):
        raise ValueError("a kept file cut short")
    if not hasattr(os, "pread"):  # (Windows)
        import mmap

        mapped = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        return pickle.loads(stream, buffers=[mapped[offset:offset + part] for offset, part in spans])
    opened = _OpenFile(os.dup(handle.fileno()))
    return pickle.loads(stream, buffers=[KeptBuffer(opened, offset, part) for offset, part in spans])


class _OpenFile:
    """A kept file held open for the `KeptBuffer`s read from it, closed with the last of them."""

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __del__(self, close=os.close) -> None:  # (os.close held: at the interpreter's exit `os` may be gone first)
        with suppress(OSError):
            close(self.fd)


class KeptBuffer(bytearray):
    """What pickle hands a table's reconstructor for a buffer a kept file holds apart (see `_dump`): empty itself,
    it says where the buffer lies, and the table reads it through `array(typecode)` or `bytes_()`.

    (A bytearray, so that pickle's read-only buffers, which it wraps in a memoryview, can be given one:
    ``memoryview(buffer).obj`` is the buffer.)"""

    def __init__(self, opened: _OpenFile, offset: int, size: int) -> None:
        super().__init__()
        self.opened, self.offset, self.size = opened, offset, size

    def array(self, typecode: str) -> FileArray:
        """The buffer as an array of `typecode` (one of ``array.array``'s), read when asked for."""
        return FileArray(self, typecode)

    def bytes_(self) -> FileBytes:
        """The buffer as bytes, read when asked for."""
        return FileBytes(self)


def _pread(fd: int, size: int, offset: int) -> bytes:
    data = os.pread(fd, size, offset)
    if len(data) != size:
        raise OSError(f"a kept file cut short: {size} bytes at {offset} asked, {len(data)} read")
    return data


class FileArray:
    """An array a kept file holds (see `KeptBuffer`), its items read with ``os.pread`` when asked for: ``a[i]``
    an item, ``a[i:j]`` an ``array.array``, ``len``; iteration, ``tolist`` and ``bytes`` read it whole, once.

    >>> import tempfile, array
    >>> with tempfile.TemporaryFile() as handle:
    ...     _ = handle.write(array.array("q", [5, -3, 9]).tobytes()); handle.flush()
    ...     numbers = KeptBuffer(_OpenFile(os.dup(handle.fileno())), 0, 24).array("q")
    ...     numbers[1], numbers[-1], numbers[1:], len(numbers), list(numbers)
    (-3, 9, array('q', [-3, 9]), 3, [5, -3, 9])
    """

    __slots__ = ("_fd", "_length", "_offset", "_opened", "_sample", "_size", "_unpack", "typecode")

    def __init__(self, kept: KeptBuffer, typecode: str) -> None:
        import struct
        from array import array

        self.typecode = typecode
        self._opened, self._fd, self._offset = kept.opened, kept.opened.fd, kept.offset
        self._size = array(typecode).itemsize
        self._length = kept.size // self._size
        self._unpack = struct.Struct(typecode).unpack  # (native, as array's; one item needs no alignment)
        self._sample: Any = None  # (an array of every _BLOCK-th item, once `bisect` is asked)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if index.__class__ is int and 0 <= index < self._length:
            return self._unpack(os.pread(self._fd, self._size, self._offset + index * self._size))[0]
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return self.whole()[index]
            return self._run(start, max(start, stop))
        return self[range(self._length)[index]]  # a negative index, or IndexError

    def _run(self, start: int, stop: int):
        from array import array

        found = array(self.typecode)
        if stop > start:
            found.frombytes(_pread(self._fd, (stop - start) * self._size, self._offset + start * self._size))
        return found

    def bisect(self, value, right: bool = False) -> int:
        """``bisect.bisect_left(self, value)`` (``bisect_right`` if `right`) of a sorted array, in one read of
        `_BLOCK` items: the first call reads the array whole and keeps every `_BLOCK`-th item (the reverse-geocoding
        grid's 60,000 cell ids: 7 KB kept), where bisect itself reads 16 items one at a time.

        >>> import tempfile, array, bisect
        >>> values = array.array("q", [n // 3 for n in range(1000)])
        >>> with tempfile.TemporaryFile() as handle:
        ...     _ = handle.write(values.tobytes()); handle.flush()
        ...     kept = KeptBuffer(_OpenFile(os.dup(handle.fileno())), 0, 8000).array("q")
        ...     all(kept.bisect(n, right) == (bisect.bisect_right if right else bisect.bisect_left)(values, n)
        ...         for n in range(-2, 340) for right in (False, True))
        True
        """
        from bisect import bisect_left, bisect_right

        search = bisect_right if right else bisect_left
        if self._sample is None:
            self._sample = self.whole()[::_BLOCK]
        sample = self._sample
        block = search(sample, value)
        if block == 0:
            return 0
        start = (block - 1) * _BLOCK
        return start + search(self._run(start, min(start + _BLOCK, self._length)), value)

    def whole(self):
        """The whole array, read at once (an ``array.array``)."""
        return self._run(0, self._length)

    def tolist(self) -> list:
        return self.whole().tolist()

    def __iter__(self):
        return iter(self.whole())

    def __bytes__(self) -> bytes:
        return self.whole().tobytes()


#: How many items of a sorted FileArray `FileArray.bisect` reads at once.
_BLOCK = 64


class FileBytes:
    """Bytes a kept file holds (see `KeptBuffer`), read with ``os.pread`` when asked for: ``b[i:j]`` (bytes),
    ``len``, ``bytes(b)`` (the whole)."""

    __slots__ = ("_fd", "_length", "_offset", "_opened")

    def __init__(self, kept: KeptBuffer) -> None:
        self._opened, self._fd, self._offset, self._length = kept.opened, kept.opened.fd, kept.offset, kept.size

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0] if index != -1 else self[index:][0]
        start, stop, step = index.indices(self._length)
        if step != 1:
            return bytes(self)[index]
        return _pread(self._fd, stop - start, self._offset + start) if stop > start else b""

    def whole(self) -> bytes:
        """The whole, read at once."""
        return _pread(self._fd, self._length, self._offset)

    def __bytes__(self) -> bytes:
        return self.whole()


def _dump(value, handle) -> None:
    """Pickle `value` to the open file: with the large buffers its objects hand over (``pickle.PickleBuffer``,
    catalog._placetables' packed tables) written apart, so that a process that reads it maps them instead of
    reading them, or else as a plain pickle, written as it is made."""
    import pickle
    import struct

    buffers: list[pickle.PickleBuffer] = []
    stream = pickle.dumps(value, 5, buffer_callback=buffers.append) if maps_buffers(value) else None
    if not buffers:
        pickle.dump(value, handle, pickle.HIGHEST_PROTOCOL)
        return
    assert stream is not None
    at = len(_MAPPED) + struct.calcsize(_HEADER) + 16 * len(buffers) + len(stream)
    spans = []
    for buffer in buffers:
        at += -at % 8  # each buffer aligned, as the arrays read from it want
        spans.append((at, buffer.raw().nbytes))
        at += spans[-1][1]
    handle.write(_MAPPED + struct.pack(_HEADER, len(stream), len(buffers)))
    handle.write(b"".join(struct.pack("<QQ", offset, size) for offset, size in spans))
    handle.write(stream)
    written = len(_MAPPED) + struct.calcsize(_HEADER) + 16 * len(buffers) + len(stream)
    for buffer, (offset, size) in zip(buffers, spans, strict=True):
        handle.write(bytes(offset - written))
        handle.write(buffer.raw())
        written = offset + size


def give_back_freed() -> None:
    """Hand what the C allocator holds free back to the system (glibc's malloc_trim; elsewhere nothing is done):
    what a large build freed (arrays, bytes, C++ tables) stays in the allocator's heap otherwise, counted in the
    process's memory to its end.

    The garbage a build left is collected first: a build runs with the collector paused (`collection_paused`), so
    the reference cycles it made are still held, and in an import's reader the next `read_kept` would freeze them
    with the rest (`freeze_loads`), out of the collector's reach for good; and a full collection empties the free
    lists of tuples, floats and the like. Either kind, a few hundred objects scattered over the arenas the build
    used, kept each arena of Python's allocator in place whole: in the reader that built the town table or the
    grids, 12-13 MB held to its end, under every build it made next."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (ImportError, OSError, AttributeError):  # not glibc
        pass


def maps_buffers(value) -> bool:
    """Whether `value` may hold objects that pickle large buffers apart, which `write_kept` then writes apart and
    `read_kept` maps (see `_dump`): a gazetteer's kept form and its parts, whose classes come from
    catalog._placetables and catalog._placegrid (other kept values are pickled plainly, as they are made)."""
    import sys

    classes = tuple(cls for name in ("catalog._placetables", "catalog._placegrid") if name in sys.modules
                    for cls in sys.modules[name].HANDS_BUFFERS)
    if not classes:
        return False
    if isinstance(value, dict):
        return any(maps_buffers(item) for item in value.values())
    return isinstance(value, classes)


def write_kept(value, path: Path) -> bool:
    """Pickle `value` to `path` atomically, readable by this user only; False on a read-only or full disk.

    The pickle goes to the file as it is made: the gazetteer's is 10 MB, and making it whole first took the
    process that builds it (a reader of an import) 20 MB more at its peak, kept until the process ended. The
    gazetteer's packed tables are written apart from the pickle and mapped by the processes that read them
    (`_dump`): the pages of the file that a process never touches take none of its memory, and those it does
    are shared by every process that maps them."""

    from catalog.files import write_atomically  # here: most processes only read what is kept

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda handle: _dump(value, handle))
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
    try:
        path = locate()
    except Exception:  # noqa: BLE001 - no cache folder (no home directory): nothing is kept
        new.clear()
        return
    # One process at a time reads, adds and writes: two readers saving after their chunks at once would each
    # write what it read plus its own, and the entries of the one that wrote first would be lost.
    with one_builder(path):
        kept = read()
        kept.update(new)
        if size(kept) > limit:
            kept = {key: value for key, value in kept.items() if own(key)}
        try:
            write_plain(encode(kept), path)
        except Exception:  # noqa: BLE001, S110 - the cache is a saving, never a failure
            pass
    new.clear()


#: Bumped when what `shipped_toml` keeps changes shape.
TOML_COPY_FORMAT = 1


def shipped_toml(name: str) -> dict[str, Any]:
    """A data file of catalog/rules (`name`: "confidence.toml"), parsed, each call a new value: from a kept copy
    made from the same bytes when there is one, else by `tomllib`, and kept for the next process.

    tomllib is Python: 0.3 ms for a small file, 1.8 ms for confidence.toml, 15 ms for chinese.toml, paid by an
    import before its readers start (the caption parser's tables) and again by each reader (the restriction
    rules; the Chinese words for a Chinese caption). A kept copy is marshal, read in a tenth of that or less. The
    copy is named by the file's length and checksum (`file_stamp`), so an edited or upgraded file is parsed again,
    and versions sharing the cache folder keep theirs side by side (`drop_old_builds`); a file that holds what
    marshal cannot keep (a TOML date) is parsed every time.

    >>> shipped_toml("demonyms.toml")["words"][:2]    # doctest: +SKIP
    ['afghan', 'african']
    """
    with open(os.path.join(os.path.dirname(__file__), "rules", name), "rb") as handle:
        data = handle.read()
    stamp = file_stamp(TOML_COPY_FORMAT, data)
    prefix = f"shipped-{name.removesuffix('.toml')}-"
    try:
        kept_at: Path | None = keyed_path(prefix, stamp, ".marshal")
    except Exception:  # noqa: BLE001 - no cache folder (no home directory): parsed in every process
        kept_at = None
    if kept_at is not None:
        kept = read_plain(kept_at)
        if type(kept) is tuple and len(kept) == 2 and kept[0] == stamp and type(kept[1]) is dict:
            return kept[1]
    import tomllib

    value = tomllib.loads(data.decode("utf-8"))
    if kept_at is not None and write_plain((stamp, value), kept_at):
        drop_old_builds(kept_at, prefix)
    return value
