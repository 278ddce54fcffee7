"""Finding the image files under the folders and files an import is given, and telling them apart.

`scan(paths)` walks folders in name order, once each (a symlink back to a folder already walked is not
followed again), and yields a `Found` for every image file and a `ReadFailure` for every one that cannot
be imported (a dangling link, a named pipe, an unreadable folder). Files in a folder that are not images by
their extension are counted (`Skipped`) and passed over quietly; a file named on its own never is: one
whose extension is not an image's is a `ReadFailure` that says so ("not an image format catalog reads: .xyz").

A file's fingerprint (its size plus three sampled 16 KiB blocks, hashed with XXH3-128) recognises it when it
has moved; a full SHA-256 of every byte would cost more than reading the metadata, so it is left to
`catalog verify`.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat as statmod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from catalog.metadata.types import ReadFailure

#: File name extensions that are images; anything else in a folder is passed over quietly.
IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".tif", ".tiff", ".png", ".webp", ".heic", ".heif", ".hif", ".avif"}
)
#: Bytes hashed at the start, middle and end of a file for its fingerprint. 16 KiB, not 64: hashing 192 KiB
#: cost more per file than reading its metadata (0.7 ms against 0.3), and 48 KiB of compressed image data
#: tells photos apart as well.
SAMPLE = 16 * 1024


@dataclass(frozen=True)
class Found:
    """An image file the scan found, with the stat facts that decide whether it changed."""

    path: str
    size: int
    mtime_ns: int
    #: The newest modification time of an XMP sidecar beside it (photo.xmp, photo.jpg.xmp), or None.
    sidecar_mtime_ns: int | None = None
    #: The file's identity on its file system: the same pair under another path is the same file.
    device: int | None = None
    inode: int | None = None


def sidecar_mtime(path: str, names: set[str] | None = None) -> int | None:
    """The newest modification time among the photo's XMP sidecars, or None when it has none.

    `names` is the set of file names in the photo's folder when the scan already listed it, so that a
    photo without a sidecar costs no system call.
    """
    from catalog.metadata.sidecar import sidecar_candidates

    newest = None
    for candidate in sidecar_candidates(path):
        if names is not None and os.path.basename(candidate) not in names:
            continue
        try:
            info = os.stat(candidate)
        except OSError:
            continue
        if statmod.S_ISREG(info.st_mode):
            newest = max(newest or 0, info.st_mtime_ns)
    return newest


@dataclass(frozen=True)
class Skipped:
    """A file passed over because its extension is not an image's."""

    path: str


def scan(paths: Iterable[str | os.PathLike]) -> Iterator[Found | ReadFailure | Skipped]:
    """Every image file under the given folders and files, each once, following no symlink loop; a
    ReadFailure for each that cannot be imported, a Skipped for each file that is not an image.

    Files are named by their real path: a folder or file reached through a symbolic link is reported
    where it really is, so the same file is never catalogued twice under two names.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    for given in paths:
        given = os.path.abspath(os.fsdecode(given))
        try:
            info = os.stat(given)
        except FileNotFoundError:
            yield ReadFailure(_shown(given), "no such file or folder")
            continue
        except OSError as error:
            yield ReadFailure(_shown(given), f"cannot be read ({error.strerror or error})")
            continue
        given = real_path(given)
        if statmod.S_ISDIR(info.st_mode):
            yield from _walk(given, seen_dirs, seen_files)
        else:
            found = _classify(given, info)
            if isinstance(found, Skipped):  # named on its own: say why it is not imported
                yield ReadFailure(_shown(given), not_an_image_format(given))
            elif not isinstance(found, Found):
                yield found
            elif found.path not in seen_files:
                seen_files.add(found.path)
                yield dataclasses.replace(found, sidecar_mtime_ns=sidecar_mtime(found.path))


def _walk(top: str, seen_dirs: set, seen_files: set) -> Iterator[Found | ReadFailure | Skipped]:
    children = _listing(top, seen_dirs)
    if children is None:
        return
    if isinstance(children, ReadFailure):
        yield children
        return
    sidecars = {entry.name for entry in children if entry.name.lower().endswith(".xmp")}
    for entry in children:
        item = _child(entry, sidecars, seen_files)
        if isinstance(item, str):
            yield from _walk(item, seen_dirs, seen_files)
        elif item is not None:
            yield item


class Listing(NamedTuple):
    """One folder's own files, as `by_folder` gives them: `listed` is False when the folder could not be read
    (its one item is then the ReadFailure that says why)."""

    folder: str
    items: list[Found | ReadFailure | Skipped]
    listed: bool


def by_folder(folders: Iterable[str | os.PathLike]) -> Iterator[Listing]:
    """The files under the given folders, one folder at a time (each folder's own files, then its subfolders),
    found as `scan` finds them. What a caller holds at once is one folder, not the tree: a watcher that
    compares a growing hot folder with its catalogue now and then keeps its memory flat.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for given in folders:
        given = os.path.abspath(os.fsdecode(given))
        if not os.path.isdir(given):
            yield Listing(os.path.dirname(given), list(scan([given])), False)
            continue
        stack = [real_path(given)]
        while stack:
            top = stack.pop()
            children = _listing(top, seen_dirs)
            if children is None:
                continue
            if isinstance(children, ReadFailure):
                yield Listing(top, [children], False)
                continue
            sidecars = {entry.name for entry in children if entry.name.lower().endswith(".xmp")}
            items = []
            below: list[str] = []
            seen_files: set[str] = set()
            for entry in children:
                item = _child(entry, sidecars, seen_files)
                if isinstance(item, str):
                    below.append(item)
                elif item is not None:
                    items.append(item)
            yield Listing(top, items, True)
            stack.extend(reversed(below))


def _listing(top: str, seen_dirs: set) -> list[os.DirEntry] | ReadFailure | None:
    """A folder's entries in name order; none for a folder already walked (a symlink back to it)."""
    try:
        info = os.stat(top)
    except OSError as error:
        return ReadFailure(top, f"folder cannot be read ({error.strerror or error})")
    key = (info.st_dev, info.st_ino)
    if key in seen_dirs:
        return None
    seen_dirs.add(key)
    try:
        with os.scandir(top) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as error:
        return ReadFailure(top, f"folder cannot be read ({error.strerror or error})")


def _child(entry: os.DirEntry, sidecars: set[str], seen_files: set[str]) -> str | Found | ReadFailure | Skipped | None:
    """What one folder entry is: a subfolder to walk (its path), a file found, one that cannot be read,
    one passed over, or None (not an image and unreadable, or a file already found under another name)."""
    try:
        linked = entry.is_symlink()
        if entry.is_dir():
            return real_path(entry.path) if linked else entry.path
        entry_stat = entry.stat()
    except OSError as error:
        if os.path.splitext(entry.name)[1].lower() in IMAGE_EXTENSIONS:
            dangling = isinstance(error, FileNotFoundError) and entry.is_symlink()
            reason = "a symbolic link to a file that does not exist" if dangling else \
                f"cannot be read ({error.strerror or error})"
            return ReadFailure(_shown(entry.path), reason)
        return None
    found = _classify(real_path(entry.path) if linked else entry.path, entry_stat)
    if not isinstance(found, Found):
        return found
    if found.path in seen_files:
        return None
    seen_files.add(found.path)
    if sidecars:
        found = dataclasses.replace(found, sidecar_mtime_ns=sidecar_mtime(found.path, sidecars))
    return found


def _classify(path: str, info: os.stat_result) -> Found | ReadFailure | Skipped:
    if os.path.splitext(path)[1].lower() not in IMAGE_EXTENSIONS:
        return Skipped(path)
    if not statmod.S_ISREG(info.st_mode):
        return ReadFailure(_shown(path), f"not a regular file ({_special_kind(info.st_mode)})")
    return Found(path, info.st_size, info.st_mtime_ns, device=info.st_dev, inode=info.st_ino)


def not_an_image_format(path: str) -> str:
    """Why a file named on its own is not imported: its extension is none of IMAGE_EXTENSIONS.

    >>> not_an_image_format("/desk/notes.txt")
    'not an image format catalog reads: .txt'
    >>> not_an_image_format("/desk/IMG_0001")
    'not an image format catalog reads: the name has no extension'
    """
    extension = os.path.splitext(path)[1]
    return f"not an image format catalog reads: {extension or 'the name has no extension'}"


def found_file(path: str) -> Found:
    """The stat facts of one named file, sidecar included (for files given by name, not found by a scan)."""
    info = os.stat(path)
    return Found(real_path(path), info.st_size, info.st_mtime_ns, sidecar_mtime(path), info.st_dev, info.st_ino)


def real_path(path: str) -> str:
    """The path without symbolic links: where the file really is (a folder linked in is walked as itself)."""
    return os.path.realpath(path)


def shown_real(given: str | os.PathLike) -> str:
    """A folder or file given to import as the catalogue spells the paths under it: real, escaped."""
    return shown_path(real_path(os.path.abspath(os.fsdecode(given))))


def is_utf8(path: str) -> bool:
    """False for a path with bytes that are not UTF-8 (os.fsdecode turned them into lone surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_path(path: str) -> str:
    """A path fit to print and to store as text: bytes that are not UTF-8 written as \\xNN.

    A desk cannot always rename files on a shared server, so such a file is imported all the same: the
    catalogue keeps this form in `path` and the exact bytes in `raw_path` (see stored_path).

    >>> shown_path(os.fsdecode(b"/wires/caf\\xe9.jpg"))
    '/wires/caf\\\\xe9.jpg'
    """
    return path if is_utf8(path) else os.fsencode(path).decode("utf-8", "backslashreplace")


def other_spellings(ref: str | int) -> list[str]:
    """The same name in Unicode's other normal forms, where they differ: a Mac writes "Kraków.jpg" with the ó as o
    and a combining accent (NFD), and keeps it so on a share or through rsync, while a keyboard elsewhere types
    the one character (NFC). Both look alike on every screen; a photo looked up by name is found either way.

    >>> [len(name) for name in other_spellings("Kraków.jpg")], other_spellings("plain.jpg")
    ([11], [])
    """
    import unicodedata

    text = str(ref)
    if text.isascii():
        return []
    return [form for form in dict.fromkeys(unicodedata.normalize(kind, text) for kind in ("NFC", "NFD"))
            if form != text]


def photo_id(ref: str | int) -> int | None:
    """The photo id a reference names, or None when it names a path: ASCII digits within SQLite's integer range.

    >>> photo_id("12"), photo_id(7), photo_id("²"), photo_id("99999999999999999999999"), photo_id("a.jpg")
    (12, 7, None, None, None)
    """
    if isinstance(ref, int):
        return ref if 0 <= ref < 2**63 else None
    if ref.isascii() and ref.isdigit() and int(ref) < 2**63:
        return int(ref)
    return None


def stored_path(path: str) -> tuple[str, bytes | None]:
    """(path column, raw_path column) for a file's path: the text, and the bytes when it is not UTF-8."""
    return (path, None) if is_utf8(path) else (shown_path(path), os.fsencode(path))


def file_path(path: str, raw_path: bytes | None) -> str:
    """The path to open a catalogued file by, from its stored columns (the inverse of stored_path)."""
    return os.fsdecode(raw_path) if raw_path else path


_shown = shown_path


def _special_kind(mode: int) -> str:
    """What a directory entry is when it is not a regular file, in plain words."""
    if statmod.S_ISFIFO(mode):
        return "a named pipe"
    if statmod.S_ISSOCK(mode):
        return "a socket"
    if statmod.S_ISCHR(mode) or statmod.S_ISBLK(mode):
        return "a device"
    return "a special file"


def fingerprint(path: str, size: int) -> str:
    """XXH3-128 over the size and the first, middle and last 16 KiB (SAMPLE): cheap, and stable across moves.

    32 hex digits. A sampled fingerprint recognises a moved file; it proves nothing about the bytes it does
    not read, so it needs speed, not a cryptographic hash: XXH3 hashes the 48 KiB in about 1 µs, SHA-256 in
    35 and blake2b in 61 (`catalog verify` computes the full SHA-256 when identity must be proven). Records
    imported before hold the 40-digit `legacy_fingerprint`; see `catalog.store.find_moved` for how their
    moves are still recognised.
    """
    import xxhash

    return _sampled(xxhash.xxh3_128(), path, size)


def legacy_fingerprint(path: str, size: int) -> str:
    """The fingerprint of catalogues made before XXH3: blake2b (20 bytes, 40 hex digits), same samples."""
    import hashlib  # here, not at the top: loading OpenSSL's hashes is a cost the unchanged re-import skips

    return _sampled(hashlib.blake2b(digest_size=20), path, size)


#: How a file is opened to be sampled: read-only, and binary where that is a flag (Windows). Worked out once: on
#: other systems `getattr(os, "O_BINARY", 0)` makes and drops an AttributeError for every file an import reads.
_SAMPLE_OPEN = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _sampled(digest, path: str, size: int) -> str:
    digest.update(str(size).encode())
    descriptor = os.open(path, _SAMPLE_OPEN)
    try:
        if size > 3 * SAMPLE:
            for offset in (0, size // 2, size - SAMPLE):
                digest.update(_pread(descriptor, SAMPLE, offset))
        else:
            digest.update(_pread(descriptor, SAMPLE, 0))
            if size > SAMPLE:
                digest.update(_pread(descriptor, size - SAMPLE, SAMPLE))
    finally:
        os.close(descriptor)
    return digest.hexdigest()


def _pread(descriptor: int, length: int, offset: int) -> bytes:
    """Up to `length` bytes at `offset` (os.pread where there is one: a read without a seek)."""
    if hasattr(os, "pread"):
        return os.pread(descriptor, length, offset)
    os.lseek(descriptor, offset, os.SEEK_SET)
    return os.read(descriptor, length)


# --- the worker side: runs in a pool process, returns plain picklable values --------------------------------


def file_exists(path: str) -> bool:
    """True when a catalogued file is still where the record says.

    `Path(path).exists()`'s answer, errors included (a missing file or folder, a loop of links: False; a path
    that cannot be encoded: False; any other error, such as a folder it may not look into, raised), without
    making a Path: the importing process asks this of every earlier copy of each new file's content while
    its readers read (`catalog.store_rows.moves_among`: 4,591 paths for the mixed 2,000 of bench/mixed.py,
    a Path each about 30 K instructions).
    """
    try:
        os.stat(path)
    except OSError as error:
        if error.errno in _ABSENT or getattr(error, "winerror", None) in _ABSENT_ON_WINDOWS:
            return False
        raise
    except ValueError:  # an embedded NUL, or a name that cannot be encoded
        return False
    return True


#: The errors `pathlib.Path.exists` takes for "not there" (pathlib's _IGNORED_ERRNOS and _IGNORED_WINERRORS).
_ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
_ABSENT_ON_WINDOWS = frozenset({21, 123, 1921})  # not ready, an invalid name, links that cannot be resolved

