"""Restrictions and provenance as the catalogue keeps them: read at import, stored, shown and searched.

At import each reader process turns what catalog.metadata read into columns of the photo's record
(`rights_columns`): the restrictions the file states (its rights fields, then its caption's notes), with the
file's modification time as the day a year-less embargo ("EMBARGOED UNTIL 0001 GMT OCT 14") counts from,
because that is when the picture arrived; its Digital Source Type, whether it says it was made by AI, its
C2PA Content Credentials, and the wire's transmission reference. Each restriction is also a row of the
`restriction` table (`restriction_rows`), which the search terms read::

    restricted:yes  restricted:no  restricted:editorial_only,no_sales    any restriction / none / of a kind
    embargoed:yes   embargoed:no                                         an embargo in force now (or --at TIME)
    ai:yes  ai:no                                                        the file says AI made it / a capture
    c2pa:valid  c2pa:invalid  c2pa:none                                  Content Credentials that validate /
                                                                         fail or cannot be checked / none

An embargo's end is kept in UTC; one that names no end is in force until a person says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from catalog.metadata.restrictions import Restriction, RestrictionRules
    from catalog.metadata.types import PhotoMetadata

#: What the JSON contract says of a photo without Content Credentials (catalog.metadata.credentials.C2paInfo()).
NO_C2PA: dict[str, Any] = {
    "present": False, "valid": None, "issuer": None, "generator": None, "actions": [], "errors": [],
}
#: The restriction kinds, and the words `restricted:` takes besides them.
RESTRICTED_WORDS = ("yes", "no")
C2PA_STATES = ("valid", "invalid", "none")

_RULES: dict[int, tuple[object, RestrictionRules]] = {}
#: catalog.metadata.restrictions.read_restrictions, imported on first use
_read_restrictions: Callable[..., list[Restriction]] | None = None


def restriction_rules(rules) -> RestrictionRules:
    """The restriction rules of the house rules in force (their [restrictions] table over the shipped file),
    built once per rules object and process."""
    kept = _RULES.get(id(rules))
    if kept is not None and kept[0] is rules:
        return kept[1]
    from catalog.metadata.restrictions import default_restriction_rules, load_restriction_rules

    house = getattr(rules, "restrictions", None)
    if house:
        built = load_restriction_rules(house, origin=rules.files[-1] if rules.files else "the house rules")
    else:
        built = default_restriction_rules()
    _RULES[id(rules)] = (rules, built)
    return built


def rights_columns(meta: PhotoMetadata, record: dict[str, Any], mtime_ns: int, rules) -> dict[str, Any]:
    """The rights and provenance columns of one record: restrictions (as JSON), source_type, ai, c2pa and
    transmission_reference; the IPTC AI fields go to `extra`.

    The caption read for restriction notes is the record's, so a caption set by hand or given in a captions
    file ("EMBARGOED UNTIL ...") counts like one in the file.
    """
    global _read_restrictions
    if _read_restrictions is None:
        from catalog.metadata.restrictions import read_restrictions

        _read_restrictions = read_restrictions
    arrived = datetime.fromtimestamp(mtime_ns / 1e9, UTC)
    texts = [*meta.rights, ("caption", record.get("caption"))]
    found = _read_restrictions(texts, reference_date=arrived, rules=restriction_rules(rules))
    columns: dict[str, Any] = {
        "restrictions": [restriction.as_json() for restriction in found] or None,
        "source_type": None, "ai": None, "c2pa": None, "transmission_reference": None,
    }
    provenance = meta.provenance
    if provenance is not None:
        columns["source_type"] = provenance.source_type[:64] if provenance.source_type else None
        columns["ai"] = provenance.ai
        columns["c2pa"] = provenance.c2pa.as_json() if provenance.c2pa.present else None
        if provenance.ai_fields:
            columns["extra"] = {**(record.get("extra") or {}), "ai_fields": dict(provenance.ai_fields)}
    reference = meta.value("transmission_reference")
    if isinstance(reference, str) and reference.strip():
        columns["transmission_reference"] = reference_key(reference)
    return columns


def reference_key(reference: str) -> str:
    """How transmission references are compared: trimmed, in capitals ("rc2abc9 " -> "RC2ABC9").

    >>> reference_key(" rc2abc9xyz12 ")
    'RC2ABC9XYZ12'
    """
    return reference.strip().upper()[:64]


def restriction_rows(photo_id: int, restrictions: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The `restriction` table's rows for a record's restrictions (JSON), `until` as UTC without a zone."""
    rows = []
    for position, restriction in enumerate(restrictions or []):
        rows.append({
            "photo_id": photo_id, "position": position, "kind": restriction["kind"][:32],
            "text": restriction["text"], "until": utc(restriction.get("until")),
            "region": restriction.get("region"), "source": (restriction.get("source") or "")[:32],
        })
    return rows


@overload
def utc(value: str | datetime) -> datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: str | datetime | None) -> datetime | None:
    """An aware moment (or its ISO text) as the naive UTC time the catalogue stores.

    >>> utc("2025-10-14T09:00:00+09:00")
    datetime.datetime(2025, 10, 14, 0, 0)
    """
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def in_force(restriction: dict[str, Any], at: datetime) -> bool:
    """Whether a stored restriction (JSON) applies at `at` (aware): always, but for an embargo that has ended."""
    if restriction.get("kind") != "embargo" or not restriction.get("until"):
        return True
    return utc(at) < utc(restriction["until"])


def now() -> datetime:
    """The moment embargoes are judged at when no --at is given."""
    return datetime.now(UTC)


def moment(text: str) -> datetime:
    """A moment as a person gives it to --at, as naive UTC: ISO 8601 with or without a zone ("2025-10-14T08:00",
    "2025-10-14 08:00+09:00", "2025-10-14T00:01Z"), a day ("2025-10-14", its first minute), or "now". A time
    without a zone is this computer's local time.

    >>> moment("2025-10-14T09:00+09:00"), moment("2025-10-14T00:01Z")
    (datetime.datetime(2025, 10, 14, 0, 0), datetime.datetime(2025, 10, 14, 0, 1))
    """
    from catalog.errors import UsageError

    given = text.strip()
    if given.lower() == "now":
        return utc(now())
    try:
        parsed = datetime.fromisoformat(given)
    except ValueError:
        raise UsageError(f"--at {text!r}: give a moment such as 2025-10-14T08:00, 2025-10-14T08:00+09:00 or "
                         "2025-10-14") from None
    try:
        if parsed.tzinfo is None:
            parsed = parsed.astimezone()  # this computer's zone
        return utc(parsed)
    except (OverflowError, ValueError):  # 0001-01-01T00:00+14:00 is in year 0 in UTC
        raise UsageError(f"--at {text!r} falls outside the calendar (years 1 to 9999) once put in UTC; give a "
                         "moment such as 2025-10-14T08:00") from None


def provenance_json(photo) -> dict[str, Any]:
    """The JSON contract's `provenance` of a photo: {source_type, ai, c2pa: {present, valid, issuer, generator,
    actions, errors}}, every key present (no credentials: present false, valid null)."""
    c2pa = photo.c2pa or NO_C2PA
    found = {"source_type": photo.source_type, "ai": photo.ai,
             "c2pa": {**c2pa, "actions": list(c2pa.get("actions") or []), "errors": list(c2pa.get("errors") or [])}}
    fields = (photo.extra or {}).get("ai_fields")
    if fields:
        found["ai_fields"] = dict(fields)
    return found


def c2pa_state(c2pa: dict[str, Any] | None) -> str:
    """"valid", "invalid" (it fails, or could not be checked) or "none" (the file carries no credentials)."""
    if not c2pa or not c2pa.get("present"):
        return "none"
    return "valid" if c2pa.get("valid") is True else "invalid"
