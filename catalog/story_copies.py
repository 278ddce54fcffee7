"""What `credits` says about copies of one picture among a story's photos, apart from catalog.variants (which
imports SQLAlchemy) so that a command that finds nothing to compare needs neither SQLAlchemy nor numpy.

>>> without_fingerprints(6884)
StoryCopies(groups=[], unchecked=6884)
>>> without_fingerprints(40) is None      # few enough to fingerprint now: catalog.variants.copies_in does it
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: At most this many photos of a list without a stored fingerprint are fingerprinted on the spot (10-35 ms each);
#: a longer list is checked on the stored fingerprints alone, and the command says how many were left out.
MADE_NOW = 100


@dataclass
class StoryCopies:
    """The copies of one picture among a story's photos, group by group, and how many photos could not be
    checked (no stored fingerprint, and too many of those to make now: see MADE_NOW)."""

    groups: list[list[Any]] = field(default_factory=list)
    unchecked: int = 0


def without_fingerprints(photos: int) -> StoryCopies | None:
    """The answer of catalog.variants.copies_in for `photos` distinct photos of which none has a stored
    fingerprint, when it is known without comparing anything: no copies among fewer than two, and none found
    (all unchecked) when more than MADE_NOW would have to be fingerprinted now. None: the files must be read."""
    if photos < 2:
        return StoryCopies()
    if photos > MADE_NOW:
        return StoryCopies(unchecked=photos)
    return None
