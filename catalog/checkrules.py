"""The house rules' [check] table: which checks block publication, which warn, and the thresholds.

Kept apart from catalog.checks so that loading the house rules (every command that prints a credit does)
validates the table without importing the database layer. The shipped values, with a comment on each, are
in catalog/rules/default.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from catalog.errors import CatalogError

CHECKS = (
    "missing_credit", "date_mismatch", "year_inferred", "place_mismatch", "credit_mismatch", "copies_disagree",
    "restricted", "embargoed", "killed", "ai_generated", "c2pa_invalid", "no_place_or_date",
)
SEVERITIES = ("block", "warn", "off")
#: catalog.metadata.restrictions.KINDS, named here so that loading the house rules need not import the
#: restriction reader (a test keeps the two the same).
RESTRICTION_KINDS = (
    "editorial_only", "mandatory_credit", "no_sales", "no_resales", "no_archives", "no_marketing", "region_out",
    "media_out", "embargo", "handout", "third_party", "best_quality", "no_alteration", "kill", "other",
)
#: Severities in order, for "the strictest of".
RANK = {"off": 0, "warn": 1, "block": 2}


@dataclass
class CheckRules:
    """The house rules' [check] table: each check's severity, each restriction kind's, and the thresholds."""

    severity: dict[str, str]
    restricted: dict[str, str]
    place_km: float = 50.0
    date_days: int = 1

    def of(self, name: str) -> str:
        return self.severity.get(name, "warn")


def check_rules(rules) -> CheckRules:
    """The [check] table of the rules in force (the shipped default.toml, with a house file read over it)."""
    table = getattr(rules, "check", None) or {}
    return CheckRules(
        severity={name: table.get("severity", {}).get(name, "warn") for name in CHECKS},
        restricted=dict(table.get("restricted", {})),
        place_km=float(table.get("place_km", 50)),
        date_days=int(table.get("date_days", 1)),
    )


def validate_table(table: Any, where: str) -> None:
    """Raise CatalogError, naming the file, for a [check] table that is not as default.toml documents it."""
    if not isinstance(table, dict):
        raise CatalogError(f"rules file {where}: [check] must be a table")
    unknown = set(table) - {"severity", "restricted", "place_km", "date_days"}
    if unknown:
        raise CatalogError(f"rules file {where}: unknown key(s) in [check]: {', '.join(sorted(unknown))}")
    for key in ("place_km", "date_days"):
        value = table.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
            raise CatalogError(f"rules file {where}: check.{key} must be a number of at least 0")
    severity = table.get("severity", {})
    restricted = table.get("restricted", {})
    for name, values in (("severity", severity), ("restricted", restricted)):
        if not isinstance(values, dict):
            raise CatalogError(f"rules file {where}: [check.{name}] must be a table")
        for key, value in values.items():
            if value not in SEVERITIES:
                raise CatalogError(f"rules file {where}: check.{name}.{key} = {value!r}: say block, warn or off")
    unknown_checks = set(severity) - set(CHECKS)
    if unknown_checks:
        raise CatalogError(f"rules file {where}: [check.severity] names no check {', '.join(sorted(unknown_checks))};"
                           f" the checks are {', '.join(CHECKS)}")
    unknown_kinds = set(restricted) - set(RESTRICTION_KINDS)
    if unknown_kinds:
        raise CatalogError(f"rules file {where}: [check.restricted] names no kind {', '.join(sorted(unknown_kinds))}; "
                           f"the kinds are {', '.join(RESTRICTION_KINDS)}")


