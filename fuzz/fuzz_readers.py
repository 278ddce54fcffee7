"""Coverage-guided fuzzing of the metadata reader with atheris (libFuzzer for Python), for runs of hours.

The property is the one tests/test_fuzz_readers.py checks in seconds: ``catalog.metadata.read(path)`` returns
a PhotoMetadata or a ReadFailure, never raises, and never falls back to its last-resort "unexpected ..."
failure (which means an exception escaped a reader). Each input is written to a file in a RAM-backed
temporary folder and read from there, because the reader takes a path.

How to run (from the repository root, in the project's virtualenv)::

    pip install atheris
    python fuzz/fuzz_readers.py --seeds fuzz/corpus     # once: seed the corpus from images/ and built files
    python fuzz/fuzz_readers.py fuzz/corpus -artifact_prefix=fuzz/crashes/ -max_total_time=3600 \\
        -timeout=10 -rss_limit_mb=1024

Any libFuzzer option works (``-jobs=4 -workers=4`` for several cores, ``-max_len=65536``). The corpus folder
grows with inputs that reach new code; it is not checked in. A crash, a hang (``-timeout``, seconds per
input) or a memory blow-up (``-rss_limit_mb``) stops the run and saves the input as
``fuzz/crashes/crash-<sha1>`` (``timeout-``, ``oom-``). Replay one with::

    python fuzz/fuzz_readers.py fuzz/crashes/crash-<sha1>

then turn it into a case in REGRESSIONS at the bottom of tests/test_fuzz_readers.py, fix the reader, and
run the fuzzer again.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCRATCH = Path(tempfile.mkdtemp(prefix="catalog-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
TARGET = SCRATCH / "input"


def check(data: bytes) -> None:
    """One fuzz input: read it as a file, and fail loudly unless the reader answered as documented."""
    from catalog.metadata import PhotoMetadata, ReadFailure, read

    TARGET.write_bytes(data)
    result = read(str(TARGET))
    if isinstance(result, ReadFailure):
        if "unexpected" in result.reason:
            raise AssertionError(f"an exception escaped a reader: {result.reason}")
        return
    if not isinstance(result, PhotoMetadata):
        raise TypeError(f"read() returned {type(result).__name__}")
    for size in (result.width, result.height):
        if size is not None and (not isinstance(size, int) or size <= 0):
            raise AssertionError(f"impossible image size {result.width} x {result.height}")


def write_seeds(folder: Path) -> None:
    """The sample photos' headers and the small files the tests build, one file each, as a starting corpus."""
    from tests.test_fuzz_readers import SEEDS

    folder.mkdir(parents=True, exist_ok=True)
    for name, data in SEEDS.items():
        (folder / name).write_bytes(data)
    print(f"{len(SEEDS)} seeds written to {folder}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--seeds":
        write_seeds(Path(sys.argv[2]))
        return
    import atheris

    with atheris.instrument_imports():
        import catalog.metadata  # noqa: F401  (instrumented, so the fuzzer sees which branches an input reaches)
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
