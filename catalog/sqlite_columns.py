"""How SQLite stores a photo's columns that are not stored as they are, for the writers and readers that go
through sqlite3 alone (`catalog.quick_store`, `catalog.quick_search`) rather than SQLAlchemy's column types
(`catalog.models`): JSON as text, booleans as 0/1, datetimes as text. A reader process encodes a record's JSON
columns here (`stored_json`), so that the importing process, which writes for every reader, does not.
tests/test_quick_store.py checks these sets against the models.
"""

from __future__ import annotations

import json
from typing import Any

#: By table: the JSON columns (None stored as the JSON text 'null', but as NULL in the `none_as_null` ones), the
#: booleans and the datetimes.
JSON_COLUMNS = {"photo": frozenset({"location_shown", "place", "keywords", "sources", "conflicts", "extra", "manual",
                                    "restrictions", "c2pa", "check_facts"})}
JSON_NONE_AS_NULL = {"photo": frozenset({"restrictions", "c2pa", "check_facts"})}
BOOLEAN_COLUMNS = {"photo": frozenset({"taken_inferred", "location_approx", "has_conflicts", "damaged", "ai"}),
                   "variant_fingerprint": frozenset({"placed"})}
DATETIME_COLUMNS = {"photo": frozenset({"missing_since", "imported_at", "updated_at"}),
                    "restriction": frozenset({"until"})}
#: The photo table's JSON columns, each with whether None is stored as NULL.
PHOTO_JSON = tuple((name, name in JSON_NONE_AS_NULL["photo"]) for name in sorted(JSON_COLUMNS["photo"]))


def stored_json(record: dict) -> dict[str, str | None]:
    """The record's JSON columns as SQLite stores them in the photo table: what a reader process makes, so that
    the importing process, which writes for every reader, does not encode them.

    >>> stored_json({"keywords": ["news"], "restrictions": None, "conflicts": None, "title": "x"})
    {'conflicts': 'null', 'keywords': '["news"]', 'restrictions': None}
    """
    return {name: None if (value := record[name]) is None and as_null else json_text(value)
            for name, as_null in PHOTO_JSON if name in record}


def _encoder() -> Any:
    """json's own C encoder with `json.dumps`'s settings, made once (None where json has no C speed-ups)."""
    from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]

    if c_make_encoder is None:
        return None
    # (markers, default, encoder, indent, key separator, item separator, sort_keys, skipkeys, allow_nan): as
    # json.JSONEncoder.iterencode makes it for dumps' defaults, without the markers that look for a value inside
    # itself (a record is made of the readers' dicts, lists and scalars; it never holds itself).
    return c_make_encoder(None, json.JSONEncoder().default, encode_basestring_ascii, None, ": ", ", ", False,
                          False, True)


_ENCODE: Any = _encoder()


def json_text(value: Any) -> str:
    """`json.dumps(value)`, the same text, without dumps' new encoder and three Python calls for each value.

    A reader encodes eleven columns of every photo (stored_json): 0.20 M instructions a press JPEG through
    dumps (7% of all a reader does for one), 0.11 M this way; the rest is the encoding itself.

    >>> json_text({"a": [1, 2.5, None, True]}), json_text(None), json_text("Kraków") == json.dumps("Kraków")
    ('{"a": [1, 2.5, null, true]}', 'null', True)
    """
    if value is None:
        return "null"
    if isinstance(value, str):
        return _encode_str(value)
    if _ENCODE is None:
        return json.dumps(value)
    return "".join(_ENCODE(value, 0))


_encode_str = json.encoder.encode_basestring_ascii
