"""The `[variants]` table of the house rules: which copy of a picture to run, and the limits of the verdict.

Apart from catalog.variants (which imports SQLAlchemy) because every load of the house rules checks this table,
and a command that only reads (`catalog search`) should not pay for the database machinery to do so.

>>> class HouseRules: variants = {"best": ["largest"], "distance": 0.3}
>>> variant_rules(HouseRules()).best, variant_rules(HouseRules()).limits.distance
(('largest',), 0.3)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from catalog import likeness
from catalog.errors import CatalogError
from catalog.likeness import Thresholds

#: A photo joins a group when it is a variant of at least this share of the members it was compared with, or of
#: at least JOIN_MATCHES of them; groups merge only when other pairs tie them (catalog.variants.placement).
#: Chosen on the benchmark's tuning set over six arrival orders (docs/variants.md).
JOIN_SHARE = 0.5
JOIN_MATCHES = 2

#: The ways of telling the copy to run from the others, each as "lower sorts first" for a photo. `best` in the
#: house rules lists them in order; the first that tells two copies apart decides.
BEST_RULES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "unrestricted": ("carries no restriction (EDITORIAL USE ONLY, an embargo, a region out ...)",
                     lambda copy: len(copy.restrictions)),
    "largest": ("the most pixels", lambda copy: -((copy.photo.width or 0) * (copy.photo.height or 0))),
    "full_caption": ("the longest caption (a full caption beats a truncated or missing one)",
                     lambda copy: -len((copy.photo.caption or "").split())),
    "earliest": ("the earliest in the catalogue (the first to arrive)",
                 lambda copy: (copy.photo.imported_at is None, copy.photo.imported_at, copy.photo.id)),
}


@dataclass(frozen=True)
class VariantRules:
    """The `[variants]` table of the house rules, with the shipped defaults (catalog/rules/default.toml)."""

    best: tuple[str, ...] = ("unrestricted", "largest", "full_caption", "earliest")
    #: Fingerprint every photo an import stored, after its batches (costs 10-35 ms a photo).
    after_import: bool = False
    limits: Thresholds = likeness.DEFAULT_THRESHOLDS
    join_share: float = JOIN_SHARE
    join_matches: int = JOIN_MATCHES


def variant_rules(rules) -> VariantRules:
    """The variant rules of a Rules object (its raw `[variants]` table), checked; CatalogError when wrong.

    >>> class R: variants = {"best": ["largest"], "blob": 0.5}
    >>> variant_rules(R()).best, variant_rules(R()).limits.blob
    (('largest',), 0.5)
    """
    raw = dict(getattr(rules, "variants", None) or {})
    where = "the house rules' [variants]"
    limit_keys = ("distance", "blob", "colour_blob", "plain_blob", "concentration", "borderline_colour",
                  "borderline_block")
    known = {"best", "after_import", "join_share", "join_matches", *limit_keys}
    unknown = set(raw) - known
    if unknown:
        raise CatalogError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
    best = raw.get("best", list(VariantRules.best))
    if not isinstance(best, list) or not best or any(name not in BEST_RULES for name in best):
        raise CatalogError(f"{where}: best must list some of {', '.join(BEST_RULES)}, e.g. best = [\"largest\"]")
    numbers = {}
    for key in (*limit_keys, "join_share"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise CatalogError(f"{where}: {key} must be a positive number, e.g. {key} = 0.4")
            numbers[key] = float(value)
    matches = raw.get("join_matches", JOIN_MATCHES)
    if not isinstance(matches, int) or isinstance(matches, bool) or matches < 1:
        raise CatalogError(f"{where}: join_matches must be a whole number of at least 1, e.g. join_matches = 2")
    after = raw.get("after_import", False)
    if not isinstance(after, bool):
        raise CatalogError(f"{where}: after_import must be true or false")
    defaults = likeness.DEFAULT_THRESHOLDS
    limits = Thresholds(*(numbers.get(key, getattr(defaults, key)) for key in limit_keys))
    return VariantRules(tuple(best), after, limits, numbers.get("join_share", JOIN_SHARE), matches)
