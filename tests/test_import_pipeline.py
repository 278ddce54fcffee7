"""How an import cuts its work: chunks for the reader processes, batches for the transactions."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from catalog import importer, quick_store, reading
from catalog.captions.rules import load_rules
from catalog.scan import Found, scan
from tests.image_bytes import press_jpeg


def test_batches_shrink_towards_the_end_when_the_total_is_known():
    sizes = [len(batch) for batch in importer.batches(range(1000), total=1000)]
    assert sizes == [500, 250, 125, 63, 31, 31]
    # Without the total, or for a small import, batches are as large as allowed.
    assert [len(batch) for batch in importer.batches(range(1000))] == [500, 500]
    assert [len(batch) for batch in importer.batches(range(30), total=30)] == [30]


def test_batches_keep_every_result_in_order():
    results = list(range(2345))
    assert [r for batch in importer.batches(iter(results), total=len(results)) for r in batch] == results


def test_the_last_batch_is_handed_over_with_the_last_result_not_when_the_results_end():
    """The readers' results end only once the reader processes have exited: the last batch is stored meanwhile."""
    ended = []

    def results():
        yield from range(30)
        ended.append(True)

    handed = []
    for batch in importer.batches(results(), total=30):
        handed.append((len(batch), bool(ended)))
    assert handed == [(30, False)]
    # Without the total, the last batch waits for the end, as it must.
    ended.clear()
    assert [(len(batch), bool(ended)) for batch in importer.batches(results())] == [(30, True)]


def test_reader_processes_are_told_to_exit_before_the_last_results_are_handed_over(monkeypatch):
    """The pool is shut down (without waiting) as its last chunk's results come, so the readers exit while the
    importing process stores them; it is joined after."""
    files = [Found(f"/nowhere/{n}.jpg", 1, 1, None) for n in range(6)]
    shut = []

    class Pool:
        _executor_manager_thread = None

        def __init__(self, *args, **kwargs):
            self.futures = []

        def submit(self, function, chunk):
            from concurrent.futures import Future

            future = Future()
            future.set_result([reading.ReadResult(found)[1:] for found in chunk])  # as _read_chunk answers
            return future

        def shutdown(self, wait=True, cancel_futures=False):
            shut.append(wait)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Pool)
    seen = []
    for result in reading._read_in_pool([files[:3], files[3:]], reading.ReaderSetup(), 2, 2, []):
        seen.append((result.found.path, list(shut)))
    # Every file once; chunks that are done together come in no set order (concurrent.futures.wait gives a set).
    assert sorted(path for path, _ in seen) == sorted(found.path for found in files)
    assert all(shut_then == [False] for _, shut_then in seen)  # told to exit before any result was handed over
    assert shut == [False, True]  # then joined


def test_chunks_cover_every_file_once_in_order_and_shrink_at_the_end():
    files = list(range(1000))
    chunks = reading._chunked(files, 2)
    assert [f for chunk in chunks for f in chunk] == files
    assert max(len(c) for c in chunks) == reading.CHUNK
    assert chunks[0] == files[: reading.CHUNK]
    assert len(chunks[-2]) <= reading.MIN_CHUNK  # both readers finish within a few files of each other
    assert [len(c) for c in reading._chunked(list(range(3)), 2)] == [3]


@pytest.mark.parametrize("most", [32, 9, 1])
def test_multi_row_statements_take_every_row_once_in_a_few_sizes(most):
    sizes = {count: list(quick_store._statement_sizes(count, most)) for count in range(0, 700)}
    assert all(sum(taken) == count for count, taken in sizes.items())
    largest = 1 << (most.bit_length() - 1)  # 32, 8, 1: the largest power of two within the limit
    used = {size for taken in sizes.values() for size in taken}
    assert used == {largest >> shift for shift in range(largest.bit_length())}  # so a few texts, each prepared once
    assert all(taken == sorted(taken, reverse=True) for taken in sizes.values())  # the largest first


def test_the_house_rules_tables_are_built_before_the_readers_fork(tmp_path):
    house = tmp_path / "house.toml"
    house.write_text("[[not_captions.rule]]\nname = \"our scanner's stamp\"\n"
                     "patterns = ['Scanned by Archive Unit \\d+']\nexample = \"Scanned by Archive Unit 4\"\n")
    folder = tmp_path / "incoming"
    folder.mkdir()
    for index in range(reading.PARALLEL_THRESHOLD + 6):
        caption = (f"Scanned by Archive Unit {index}" if index % 3 == 0
                   else f"Frame {index}: a street in Hefei, Anhui, China. (Photo/Zhang Dagang)")
        (folder / f"photo-{index:03d}.jpg").write_bytes(press_jpeg(index, caption=caption))
    found = [item for item in scan([str(folder)]) if isinstance(item, Found)]
    rules = load_rules(str(house))  # a new Rules object: nothing derived from it yet
    assert not rules.derived
    if reading._start_method() != "fork":
        pytest.skip("readers are forked only on Linux, from a process that runs no other thread")
    started = reading.StartedReading(found, reading.ReaderSetup(rules), 2)
    # Built in this process, which reads no file itself: the forked readers inherited them.
    assert {"not_captions", "credit_line_rules", "confidence"} <= set(rules.derived)
    results = {result.found.path: result for result in started}
    assert sorted(results) == sorted(item.path for item in found)
    for item in found:  # the readers made of every file what this process makes of it, the house rule applied
        assert results[item.path].failure is None
        assert results[item.path].record == reading.read_file(item, rules).record
    stamped = results[found[0].path].record
    assert stamped["photographer"] is None and "Frame" not in stamped["caption"]


def test_the_readers_fingerprints_are_hashed_by_the_importing_process_to_the_same_bytes(tmp_path):
    """A reader sends a thumbnail's perceptual fingerprint without its DCT hashes (no numpy in the readers);
    what the import hands over is the fingerprint one process makes, byte for byte."""
    from catalog.fingerprints import embedded_fingerprint, is_unhashed
    from tests.test_fingerprints import exif_with_thumbnail, letterboxed, scene, write

    folder = tmp_path / "camera"
    folder.mkdir()
    for index in range(reading.PARALLEL_THRESHOLD + 6):
        picture = scene(index, subject_x=0.2 + index / 200, size=(360, 240))
        write(folder, f"photo-{index:03d}", picture, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    found = [item for item in scan([str(folder)]) if isinstance(item, Found)]
    if reading._start_method() != "fork":
        pytest.skip("readers are forked only on Linux, from a process that runs no other thread")
    results = {result.found.path: result for result in reading.StartedReading(found, reading.ReaderSetup(), 2)}
    assert sorted(results) == sorted(item.path for item in found)
    for item in found:
        expected = embedded_fingerprint(item.path)
        assert expected is not None and expected.source == "thumbnail"
        assert not is_unhashed(results[item.path].perceptual)
        assert results[item.path].perceptual == expected.to_bytes()


def test_the_importing_process_starts_openblas_with_one_thread_for_the_hashes():
    """numpy, imported by the importing process for the fingerprints' hashes, starts OpenBLAS without its pool of
    threads (45-70 ms of CPU for nothing); the environment is left as it was."""
    if not os.path.isdir("/proc/self/task"):
        pytest.skip("threads are counted in /proc")
    code = ("import os; from catalog import blas_dct; blas_dct.numpy_with_one_thread(); import numpy; "
            "print(len(os.listdir('/proc/self/task')), 'OPENBLAS_NUM_THREADS' in os.environ)")
    environment = {name: value for name, value in os.environ.items() if name != "OPENBLAS_NUM_THREADS"}
    said = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=environment).stdout.split()
    assert said == ["1", "False"]


def test_house_rules_the_preparation_cannot_build_fail_each_file_as_before(tmp_path):
    house = tmp_path / "house.toml"
    house.write_text("[[restrictions.rule]]\nkind = \"embargo\"\n")  # no name: not a rule restrictions can build
    folder = tmp_path / "incoming"
    folder.mkdir()
    for index in range(reading.PARALLEL_THRESHOLD + 2):
        (folder / f"photo-{index:03d}.jpg").write_bytes(press_jpeg(index))
    found = [item for item in scan([str(folder)]) if isinstance(item, Found)]
    rules = load_rules(str(house))

    results = list(reading.StartedReading(found, reading.ReaderSetup(rules), 2))  # starts; nothing raised here

    assert len(results) == len(found)
    assert {result.failure.reason for result in results if result.failure} == {
        f"could not be read (CatalogError: rules file {house}: every [[rule]] needs a name and a kind)"}
    assert all(result.record is None for result in results)


def test_the_pools_thread_is_joined_later_not_before_the_last_batch_is_written():
    """The readers exit while the command writes its last batch, reports and closes the catalogue: the pool's own
    thread, which ends with them, is joined when the next readers start (or as Python exits), not at once."""
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    reading._join_later(thread)
    assert thread.is_alive() and thread in reading._ending  # not waited for
    release.set()
    reading._start_method()  # the next import's readers: an ending thread is no reason not to fork
    assert not thread.is_alive() and thread not in reading._ending


_READ_AND_EXIT = """
import sys
from catalog import reading
from catalog.captions.rules import load_rules
from catalog.scan import Found, scan
found = [item for item in scan([sys.argv[1]]) if isinstance(item, Found)]
results = list(reading.read_all(found, reading.ReaderSetup(load_rules()), 2))
assert len(results) == len(found) and not any(result.failure for result in results)
assert reading._ending or reading._start_method() != "fork"  # its pool's thread left to the exit
"""


def test_a_process_that_exits_right_after_reading_joins_its_readers_quietly(tmp_path):
    """Python's exit hook for process pools wakes every pool's thread; the one left ending is joined first, so no
    traceback of a race with it, and the process exits 0."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for index in range(reading.PARALLEL_THRESHOLD + 4):
        (folder / f"photo-{index:03d}.jpg").write_bytes(press_jpeg(index, caption=f"Frame {index}"))
    done = subprocess.run([sys.executable, "-c", _READ_AND_EXIT, str(folder)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "CATALOG_CACHE": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
