"""Answers remembered in a process, up to a limit: a memo that starts again when it is full.

The gazetteer's look-ups and the caption rules' readings are asked the same questions over and over (the
cities of one shoot, one photographer's credit line), so each keeps its answers; a process that runs for
days (``catalog watch``, the contact sheet) would keep every one it ever met. A ``BoundedMemo`` is a dict
that empties itself rather than grow past its limit. Unlike ``functools.lru_cache`` it belongs to the
object whose answers it keeps (a ``Gazetteer``, a set of ``Rules``), so it goes when that object goes, and
the answer may be worked out wherever the caller likes.

>>> memo = BoundedMemo(2)
>>> memo.keep("Hefei", "CN-AH"), memo.keep("Lanzhou", "CN-GS"), memo.get("Hefei")
('CN-AH', 'CN-GS', 'CN-AH')
>>> memo.keep("Rome", "IT-62"); sorted(memo)
'IT-62'
['Rome']
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """A dict of remembered answers holding at most `limit`: full, it is cleared before the next is kept."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        """Remember `value` for `key` (after forgetting everything when the memo is full); returns `value`."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
