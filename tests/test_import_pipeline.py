"""How an import cuts its work: chunks for the reader processes, batches for the transactions."""

from __future__ import annotations

from catalog import importer, reading


def test_batches_shrink_towards_the_end_when_the_total_is_known():
    sizes = [len(batch) for batch in importer.batches(range(1000), total=1000)]
    assert sizes == [500, 250, 125, 63, 62]
    # Without the total, or for a small import, batches are as large as allowed.
    assert [len(batch) for batch in importer.batches(range(1000))] == [500, 500]
    assert [len(batch) for batch in importer.batches(range(30), total=30)] == [30]


def test_batches_keep_every_result_in_order():
    results = list(range(2345))
    assert [r for batch in importer.batches(iter(results), total=len(results)) for r in batch] == results


def test_chunks_cover_every_file_once_in_order_and_shrink_at_the_end():
    files = list(range(1000))
    chunks = reading._chunked(files, 2)
    assert [f for chunk in chunks for f in chunk] == files
    assert max(len(c) for c in chunks) == reading.CHUNK
    assert chunks[0] == files[: reading.CHUNK]
    assert len(chunks[-2]) <= reading.MIN_CHUNK  # both readers finish within a few files of each other
    assert [len(c) for c in reading._chunked(list(range(3)), 2)] == [3]
