"""Lists cut into pieces of a bounded size, for the statements and batches that have limits.

SQLite allows a bounded number of host parameters in one statement (an ``IN`` list, a multi-row insert), and a
watch or an import hands work over in batches it can stop between. Every such loop cuts its list the same way,
with ``chunks``; this module imports nothing, so the search planner can use it without the store's readers.

    >>> list(chunks([1, 2, 3, 4, 5], 2))
    [[1, 2], [3, 4], [5]]
    >>> list(chunks([], 500))
    []
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


def chunks(values: list[T], size: int) -> Iterator[list[T]]:
    """`values` in lists of at most `size` (IN lists and multi-row statements have limits)."""
    for start in range(0, len(values), size):
        yield values[start:start + size]
