"""The caption parser: credit, date and place from press-caption prose, with agency rules as data.

``parse(text)`` returns ``CaptionFacts``; ``load_rules(path)`` reads the house rules (agency aliases,
staff bylines, credit-line styles) that ``parse`` and ``Rules.credit_line`` use. The labelling rules the
parser follows are in ``../shared/captions/README.md``; ``python -m tools.evaluate_captions`` scores it.

The names are loaded on first use: a command that only prints credits needs the rules, not the parser
(whose patterns take a while to compile).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalog.captions.credits import agency_for
    from catalog.captions.parser import parse
    from catalog.captions.rules import Rules, load_rules
    from catalog.captions.types import CaptionFacts, Credit, Place

#: Where each public name lives.
_HOMES = {
    "agency_for": "credits", "parse": "parser", "Rules": "rules", "load_rules": "rules",
    "CaptionFacts": "types", "Credit": "types", "Place": "types",
}

#: Spelled out (the same names as _HOMES, sorted) so that linters and type checkers see the re-exports.
__all__ = ["CaptionFacts", "Credit", "Place", "Rules", "agency_for", "load_rules", "parse"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        # Kept as this module's own name once loaded: a reader asks for `parse` for every file, and a name
        # found by __getattr__ costs an import look-up each time.
        value = globals()[name] = getattr(import_module(f"catalog.captions.{_HOMES[name]}"), name)
        return value
    raise AttributeError(f"module 'catalog.captions' has no attribute {name!r}")
