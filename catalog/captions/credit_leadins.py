"""The words that open a credit, as data: "Photo by", "Photo provided by", "courtesy of", "©", "Photo/".

``LEAD_INS`` (catalog/rules/credit_leadins.toml) is tried in order at the start of a credit, then again at the
start of each "/" part; each lead-in says what the names after it are (a byline, a provider, the recipient, a
courtesy...). Kept apart from the reader so that a new agency style's opening words are one row of that file,
with its example; a house rules file adds its own under [credit_words], tried first::

    >>> strip_lead_in("Photo provided by the China National Space Administration")
    ('the China National Space Administration', 'provider')
    >>> strip_lead_in("Xinhua/Li Xin")
    ('Xinhua/Li Xin', None)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from catalog.errors import CatalogError

if TYPE_CHECKING:
    from catalog.captions.rules import Rules


@dataclass(frozen=True)
class LeadIn:
    """Words that open a credit (or one part of it) and what they make of the names after them."""

    pattern: str  # a regex, matched at the start, case ignored
    role: str  # byline | provider | recipient | courtesy | label | contributor
    example: str


#: What a lead-in may make of the names after it (catalog/rules/credit_leadins.toml says what each means).
ROLES = frozenset({"byline", "label", "provider", "recipient", "courtesy", "photo/", "contributor"})


def _shipped() -> tuple[LeadIn, ...]:
    with resources.files("catalog").joinpath("rules", "credit_leadins.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return tuple(LeadIn(lead["pattern"], lead["role"], lead["example"]) for lead in table["lead_in"])


#: The shipped lead-ins (catalog/rules/credit_leadins.toml), tried in order at the start of the credit, then again
#: at the start of each "/" part.
LEAD_INS: tuple[LeadIn, ...] = _shipped()


def house_lead_ins(table: dict[str, Any] | None, where: str = "the rules file") -> tuple[LeadIn, ...]:
    """A house file's [credit_words] table as lead-ins, each checked: a pattern that compiles, a known role.

    >>> house_lead_ins({"lead_in": [{"pattern": "lent by ", "role": "provider", "example": "(Lent by Name)"}]})
    (LeadIn(pattern='lent by ', role='provider', example='(Lent by Name)'),)
    """
    leads = (table or {}).get("lead_in", [])
    if not isinstance(leads, list) or not all(isinstance(lead, dict) for lead in leads):
        raise CatalogError(f"rules file {where}: [credit_words] holds [[credit_words.lead_in]] tables")
    found = []
    for lead in leads:
        pattern, role = lead.get("pattern"), lead.get("role")
        if not isinstance(pattern, str) or not pattern.strip():
            raise CatalogError(f"rules file {where}: a [[credit_words.lead_in]] needs a pattern")
        if role not in ROLES:
            raise CatalogError(f"rules file {where}: lead-in {pattern!r} has role {role!r}; the roles are "
                               + ", ".join(sorted(ROLES)))
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise CatalogError(f"rules file {where}: lead-in {pattern!r} is not a valid regular expression: "
                               f"{err}") from None
        found.append(LeadIn(pattern, role, str(lead.get("example", ""))))
    return tuple(found)


@dataclass(frozen=True)
class LeadInTable:
    """The lead-ins in force (a house's first, then the shipped ones) and all of them as one alternation, tried
    in table order: the first that matches is the one a loop would find, in one call (group "l3" is the fourth)."""

    leads: tuple[LeadIn, ...]
    any_lead: re.Pattern
    #: The characters a lead-in may open with besides a space, when known: a text opening with another ("Li Xin",
    #: "(Xinhua)", "Kyodo") is let by without the alternation's words tried one by one.
    firsts: frozenset[str] | None = None

    @classmethod
    def of(cls, leads: tuple[LeadIn, ...], firsts: frozenset[str] | None = None) -> LeadInTable:
        return cls(leads, re.compile("|".join(f"(?P<l{i}>{lead.pattern})" for i, lead in enumerate(leads)),
                                     re.IGNORECASE), firsts)


#: The characters the shipped lead-ins open with, in both cases (with the dotless and the dotted i and the long s,
#: which match "i" and "s" when case is ignored); a space may open "  © Name" too. tests/test_captions.py checks
#: them against the lead-ins' patterns: a lead-in that opens with another character must add it here.
SHIPPED_FIRSTS = frozenset("abcfhimprstvw" + "abcfhimprstvw".upper() + "ıİſ" + "(©\U0001F4F7\U0001F4F8")
_SHIPPED = LeadInTable.of(LEAD_INS, SHIPPED_FIRSTS)


def lead_ins_for(rules: Rules | None) -> LeadInTable:
    """The lead-ins under these house rules: the house's [credit_words] lead-ins first, then the shipped ones."""
    if rules is None or not rules.credit_words:
        return _SHIPPED
    return rules.built("lead_ins", lambda house: LeadInTable.of(house_lead_ins(house.credit_words) + LEAD_INS))


def strip_lead_in(text: str, rules: Rules | None = None) -> tuple[str, str | None]:
    """The text after the lead-in it opens with, and that lead-in's role (None when it opens with none)."""
    if rules is None:
        return _strip_lead_in(text, None)
    known = rules.lead_ins_tried.get(text)
    if known is None:
        known = rules.lead_ins_tried.keep(text, _strip_lead_in(text, rules))
    return known


def _strip_lead_in(text: str, rules: Rules | None) -> tuple[str, str | None]:
    table = lead_ins_for(rules)
    if table.firsts is not None and text and text[0] not in table.firsts and not text[0].isspace():
        return text, None
    match = table.any_lead.match(text)
    if match is None:
        return text, None
    if match.end() < len(text):
        assert match.lastgroup is not None  # every lead-in is a named group
        return text[match.end():].strip(), table.leads[int(match.lastgroup[1:])].role
    for lead in table.leads:  # the first lead-in is all there is: a later one may leave some text
        match = re.match(lead.pattern, text, re.IGNORECASE)  # (re's cache keeps them compiled)
        if match and match.end() < len(text):
            return text[match.end():].strip(), lead.role
    return text, None
