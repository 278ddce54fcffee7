"""The docstring examples of the modules split out of larger ones (their examples are their first tests)."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["captures", "query_near", "_placetables", "results", "schema_version",
                                  "quick_search", "place_meanings", "venues", "quiet", "quick_store", "sqlite_columns",
                                  "records", "textfiles"])
def test_docstring_examples(name):
    failed, attempted = doctest.testmod(importlib.import_module(f"catalog.{name}"))
    assert attempted > 0 and failed == 0
