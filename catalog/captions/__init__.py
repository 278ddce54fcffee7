"""The caption parser: credit, date and place from press-caption prose, with agency rules as data.

``parse(text)`` returns ``CaptionFacts``; ``load_rules(path)`` reads the house rules (agency aliases,
staff bylines, credit-line styles) that ``parse`` and ``Rules.credit_line`` use. The labelling rules the
parser follows are in ``../shared/captions/README.md``; ``python -m tools.evaluate_captions`` scores it.
"""

from catalog.captions.credits import agency_for
from catalog.captions.parser import parse
from catalog.captions.rules import Rules, load_rules
from catalog.captions.types import CaptionFacts, Credit, Place

__all__ = ["CaptionFacts", "Credit", "Place", "Rules", "agency_for", "load_rules", "parse"]
