"""The perceptual fingerprints' DCT products without importing numpy: the OpenBLAS routine numpy's matmul calls, called
the way numpy calls it, through ctypes.

`catalog.fingerprints` hashes the eleven 16×16 grids of a picture from the products ``cos @ grid @ cos.T``, which
numpy makes with OpenBLAS's dgemm; where coefficients tie (a flat or mirrored grid) their last bits decide the hash, so
no other arithmetic (a DCT in Python) gives the same hashes. But numpy's import is 0.2 G instructions: a third of what
the importing process of `catalog import` does after forking its readers, on the benchmark's mixed folder, for its 71
fingerprints. numpy's wheels carry their OpenBLAS as a library of its own (``numpy.libs/libscipy_openblas64_*.so``):
loaded here, it is the very code numpy runs, called with numpy's arguments (row-major; ``cos @ grid`` as
dgemm(N, N, 8, 16, 16), then ``@ cos.T`` as dgemm(N, T, 8, 8, 16), cos read transposed), grid by grid as numpy's
loop over a stack of grids calls it.

That this gives numpy's bits is checked, not assumed: the first time an install is met (its OpenBLAS and numpy's matmul
module, by path, size and time), the products of a probe of grids (random, flat, mirrored, two-level, banded) are made
both ways, numpy imported for it, and compared bit for bit; the verdict, with numpy's own cosine table, is kept in the
cache folder (``blas-dct-<key>.marshal``). Where the verdict is no, or there is no such library (a numpy built on MKL,
a system numpy, macOS's Accelerate) or no cache folder, `products` answers None and numpy makes the hashes as before.
"""

from __future__ import annotations

import os
import sys
from array import array
from pathlib import Path
from typing import Any

#: Side of a grid; DCT frequencies kept per axis.
SIDE, KEPT = 16, 8
_ROW_MAJOR, _NO_TRANS, _TRANS = 101, 111, 112
#: Bumped when what a verdict file holds, or how the products are called, changes.
_FORMAT = 1

#: (dgemm, numpy's cosine table as an array) once found usable; False once found not; None before asking.
_ready: Any = None


def available() -> bool:
    """Whether `products` makes the products here (else numpy must: its import is then the caller's to make)."""
    global _ready
    if _ready is None:
        _ready = _prepare() or False
    return _ready is not False


def products(grids: bytes) -> array | None:
    """The 8×8 DCT products of each 16×16 grid of `grids` (levels 0-255, one grid after the other, row by row): 64
    doubles a grid, row by row, the bits numpy's ``cos @ cells @ cos.T`` gives; None when they cannot be had here
    without numpy (see the module)."""
    if not available():
        return None
    dgemm, cos = _ready
    return _products(dgemm, cos, grids)


def _products(dgemm, cos: array, grids: bytes) -> array:
    count = len(grids) // (SIDE * SIDE)
    cells = _doubles(grids)
    middle = array("d", bytes(8 * count * KEPT * SIDE))
    out = array("d", bytes(8 * count * KEPT * KEPT))
    at_cos, at_cells, at_middle, at_out = (item.buffer_info()[0] for item in (cos, cells, middle, out))
    for n in range(count):
        step = at_middle + 8 * n * KEPT * SIDE
        dgemm(_ROW_MAJOR, _NO_TRANS, _NO_TRANS, KEPT, SIDE, SIDE, 1.0, at_cos, SIDE, at_cells + 8 * n * SIDE * SIDE,
              SIDE, 0.0, step, SIDE)
        dgemm(_ROW_MAJOR, _NO_TRANS, _TRANS, KEPT, KEPT, SIDE, 1.0, step, SIDE, at_cos, SIDE, 0.0,
              at_out + 8 * n * KEPT * KEPT, KEPT)
    return out


#: For each byte of a double (in this machine's order) that some level 0-255 sets, the table from a level to that byte.
_SPREAD: list[tuple[int, bytes]] = []


def _doubles(levels: bytes) -> array:
    """The levels as doubles, ``array("d", list(levels))``'s bytes built in a few C passes (each level's bytes looked up
    with ``bytes.translate``, one byte of the eight at a time) instead of a Python conversion per level: 22 against 87
    µs for a fingerprint's 2,816 levels."""
    if not _SPREAD:
        whole = array("d", range(256)).tobytes()
        for at in range(8):
            table = bytes(whole[8 * level + at] for level in range(256))
            if any(table):
                _SPREAD.append((at, table))
    spread = bytearray(8 * len(levels))
    for at, table in _SPREAD:
        spread[at::8] = levels.translate(table)
    made = array("d")
    made.frombytes(spread)
    return made


def _prepare() -> tuple | None:
    """(dgemm, numpy's cosines) when this install's OpenBLAS is found and was checked to give numpy's bits."""
    if "numpy" in sys.modules:
        return None  # loaded already (another command's use): numpy makes them, at no import's cost
    found = _library()
    if found is None:
        return None
    library, stamp = found
    from catalog.cachedir import drop_old_builds, keyed_path, read_plain, write_plain

    try:
        path = keyed_path("blas-dct-", stamp, ".marshal")
    except Exception:  # noqa: BLE001 - no cache folder (no home directory): numpy, as before
        return None
    kept = read_plain(path)
    if isinstance(kept, list) and len(kept) == 3 and kept[:2] == [_FORMAT, repr(stamp)]:
        if not isinstance(kept[2], bytes) or len(kept[2]) != 8 * KEPT * SIDE:
            return None  # checked on this install, and found to differ
        dgemm = _load(library)
        return (dgemm, array("d", kept[2])) if dgemm is not None else None
    dgemm = _load(library)
    verdict = _checked(dgemm) if dgemm is not None else None
    if write_plain([_FORMAT, repr(stamp), verdict], path):
        drop_old_builds(path, "blas-dct-")
    return (dgemm, array("d", verdict)) if verdict is not None else None


def _library() -> tuple[Path, tuple] | None:
    """numpy's own OpenBLAS (a wheel's ``numpy.libs``), found without importing numpy, and the stamp of the install
    a verdict holds for: that library's and numpy's matmul module's paths, sizes and times, and Python's version."""
    try:
        from importlib.util import find_spec

        spec = find_spec("numpy")
        if spec is None or not spec.origin:
            return None
        package = Path(spec.origin).parent
        libraries = sorted((package.parent / "numpy.libs").glob("libscipy_openblas64_*.so*"))
        matmul = sorted((package / "_core").glob("_multiarray_umath.*"))
        if len(libraries) != 1 or len(matmul) != 1:
            return None
        stamp = tuple((os.fspath(path), info.st_size, info.st_mtime_ns)
                      for path, info in ((path, path.stat()) for path in (libraries[0], matmul[0])))
        return libraries[0], (_FORMAT, sys.version_info[:2], stamp)
    except (OSError, ValueError, ImportError):
        return None


def _load(library: Path):
    """The library's cblas_dgemm (64-bit integers), with OpenBLAS's threads at one unless the user chose (numpy's
    import in catalog.reading does the same; a 16×16 product never uses them); None when it cannot be loaded."""
    try:
        import ctypes

        chosen = "OPENBLAS_NUM_THREADS" in os.environ
        if not chosen:
            os.environ["OPENBLAS_NUM_THREADS"] = "1"
        try:
            dgemm = ctypes.CDLL(os.fspath(library)).scipy_cblas_dgemm64_
        finally:
            if not chosen:
                os.environ.pop("OPENBLAS_NUM_THREADS", None)
        whole, number, address = ctypes.c_int64, ctypes.c_double, ctypes.c_void_p
        dgemm.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, whole, whole, whole, number, address, whole,
                          address, whole, number, address, whole]
        dgemm.restype = None
        return dgemm
    except (OSError, AttributeError, ImportError):
        return None


def numpy_with_one_thread() -> None:
    """Import numpy for the fingerprints' hashes with OpenBLAS's pool at one thread, unless the user chose or numpy
    is loaded already: its threads (one a core) cost 45-70 ms of CPU as they start, and a DCT of 16×16 grids
    never uses them. The environment is left as it was (OpenBLAS reads it once, as numpy loads it)."""
    if "numpy" in sys.modules or "OPENBLAS_NUM_THREADS" in os.environ:
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import numpy  # noqa: F401
    finally:
        os.environ.pop("OPENBLAS_NUM_THREADS", None)


def _checked(dgemm) -> bytes | None:
    """numpy's cosine table when the products made here equal numpy's, bit for bit, on the probe; else None."""
    try:
        numpy_with_one_thread()
        import numpy

        grids = probe()
        expected = numpy_products(grids)
        cos = array("d", cosines().tobytes())
        return cos.tobytes() if _products(dgemm, cos, grids).tobytes() == numpy.ascontiguousarray(
            expected).tobytes() else None
    except Exception:  # noqa: BLE001 - whatever goes wrong, numpy makes them as before
        return None


def cosines():
    """numpy's table of the DCT's cosines: KEPT frequencies by SIDE positions."""
    import numpy as np

    x = np.arange(SIDE)
    return np.cos(np.pi * (2 * x[None, :] + 1) * np.arange(KEPT)[:, None] / (2 * SIDE))


def numpy_products(grids: bytes):
    """numpy's ``cos @ cells @ cos.T`` of each grid (an array of 8×8 products a grid): what `products` gives without
    numpy, and what the fingerprints are made from where it cannot."""
    import numpy as np

    cells = np.frombuffer(grids, dtype=np.uint8).reshape(-1, SIDE, SIDE).astype(np.float64)
    cos = cosines()
    return cos @ cells @ cos.T


def probe() -> bytes:
    """Grids the check compares on: random levels, flat grids, grids mirrored across and down (whose products tie at
    zero), two levels, bands and a ramp; 200 in all, the same every time."""
    import random

    pick = random.Random(20261206)
    grids = []
    for n in range(200):
        kind = n % 8
        if kind == 0:
            grid = [pick.randrange(256) for _ in range(SIDE * SIDE)]
        elif kind == 1:
            grid = [pick.randrange(256)] * (SIDE * SIDE)
        elif kind == 2:
            half = [pick.randrange(256) for _ in range(SIDE * SIDE // 2)]
            grid = half + half[::-1]
        elif kind == 3:
            row = [pick.randrange(256) for _ in range(SIDE // 2)]
            grid = (row + row[::-1]) * SIDE
        elif kind == 4:
            grid = [255 * pick.randrange(2) for _ in range(SIDE * SIDE)]
        elif kind == 5:
            grid = [(cell // SIDE) * 16 + pick.randrange(3) for cell in range(SIDE * SIDE)]
        elif kind == 6:
            top = pick.randrange(256)
            grid = [top if cell < SIDE * SIDE // 2 else 255 - top for cell in range(SIDE * SIDE)]
        else:
            grid = [min(255, (cell % SIDE) * 17) for cell in range(SIDE * SIDE)]
        grids.append(bytes(grid))
    return b"".join(grids)
