"""The worked examples in the metadata parsers' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["text", "exif", "png", "reconcile", "sidecar", "sniff", "restrictions", "countries"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"catalog.metadata.{name}")
    failed, attempted = doctest.testmod(module)
    assert attempted > 0, f"{name} has no examples"
    assert failed == 0
