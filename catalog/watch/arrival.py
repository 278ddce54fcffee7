"""Rules on arrival: what the house rules say to do to a photo when it first arrives in a watched folder.

The house rules file may hold `[[arrival]]` tables, tried in order; every one whose `files` glob matches the
photo's path below the watched folder sets its fields, as `catalog set` would (a later rule goes over an
earlier one). The values are kept with the photo as a person's are (`by = "arrival rule"`): they outrank
what the file says, survive re-reads and moves, and `catalog set --revert FIELD` takes one back. A photo
that was already catalogued (read again, or moved) is left as it is::

    [[arrival]]
    files = "staff/**"                      # any file below staff/ (the default "*" is every file)
    set = { "credit.agency" = "China Daily", copyright = "© China Daily" }

    [[arrival]]
    files = "*.heic"
    set = { keywords = "phone" }

>>> rules = arrival_rules([{"files": "staff/*", "set": {"agency": "China Daily"}}])
>>> rules[0].values("staff/a.jpg"), rules[0].values("wires/b.jpg")
({'credit.agency': 'China Daily'}, {})
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Any

from catalog.errors import CatalogError, UsageError

#: Who set a value, in a photo's manual values, when an arrival rule did.
BY = "arrival rule"


@dataclass(frozen=True)
class ArrivalRule:
    """One [[arrival]] table: the files it is for, and the fields it sets (JSON field path -> value)."""

    files: str
    fields: tuple[tuple[str, Any], ...]

    def values(self, relative: str) -> dict[str, Any]:
        """The fields this rule sets on a photo at `relative` (its path below the watched folder), or {}.

        `*` matches across folders too, so "staff/*" is every file below staff/.
        """
        relative = relative.replace("\\", "/")
        if fnmatch.fnmatchcase(relative.lower(), self.files.lower()):
            return dict(self.fields)
        return {}


def arrival_rules(tables: list | None, where: str = "the house rules") -> list[ArrivalRule]:
    """The [[arrival]] tables of the house rules, checked: a wrong field name or value is an error that
    says which rule and why, before any file is read."""
    from catalog.editing import field_path, value_for

    rules = []
    for number, table in enumerate(tables or [], 1):
        name = f"{where}: [[arrival]] number {number}"
        if not isinstance(table, dict):
            raise CatalogError(f"{name} must be a table")
        unknown = set(table) - {"files", "set"}
        if unknown:
            raise CatalogError(f"{name} has unknown key(s) {', '.join(sorted(unknown))} (the keys are files and set)")
        files = table.get("files", "*")
        values = table.get("set")
        if not isinstance(files, str) or not files.strip():
            raise CatalogError(f"{name}: files must be a glob such as \"staff/*\"")
        if not isinstance(values, dict) or not values:
            raise CatalogError(f"{name}: set must be a table of fields, e.g. set = {{ copyright = \"© Desk\" }}")
        fields = []
        for field, value in values.items():
            text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
            try:
                path = field_path(field)
                fields.append((path, value_for(path, text)))
            except UsageError as error:
                raise CatalogError(f"{name}: {error}") from None
        rules.append(ArrivalRule(files.strip().lstrip("/"), tuple(fields)))
    return rules


def manual_values(rules: list[ArrivalRule], relative: str, at: str) -> dict[str, dict]:
    """The manual values the rules give a photo arriving at `relative`, as a record keeps them."""
    values: dict[str, Any] = {}
    for rule in rules:
        values.update(rule.values(relative))
    return {path: {"value": value, "at": at, "by": BY} for path, value in values.items()}
