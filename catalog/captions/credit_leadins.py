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

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from catalog.cachedir import shipped_toml
from catalog.errors import CatalogError
from catalog.patterns import compiled

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
    table = shipped_toml("credit_leadins.toml")
    return tuple(LeadIn(lead["pattern"], lead["role"], lead["example"]) for lead in table["lead_in"])


#: The shipped lead-ins (catalog/rules/credit_leadins.toml), tried in order at the start of the credit, then again
#: at the start of each "/" part.
LEAD_INS: tuple[LeadIn, ...] = _shipped()

#: What may follow a lead-in's name and is no part of it (credit_leadins.toml's [[name_closer]] rows, in order):
#: "Credit: Name, CC BY 2.0", "Photographed by Name, a reporter from Quorva News", "Photographer: Name from
#: Norway"; a group named "outlet" is the person's outlet.
NAME_CLOSERS: tuple[re.Pattern, ...] = tuple(
    compiled(row["pattern"], re.IGNORECASE) for row in shipped_toml("credit_leadins.toml")["name_closer"])


def name_closer(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first of ``NAME_CLOSERS`` between `start` and `end` of `text`, None when there is none.

    >>> text = "Photographer: Ana Ruiz from Norway"
    >>> text[:name_closer(text, 14, len(text)).start()]
    'Photographer: Ana Ruiz'
    """
    found = None
    for pattern in NAME_CLOSERS:
        match = pattern.search(text, start, end if found is None else found.start())
        if match is not None:
            found = match
    return found


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
            compiled(pattern, re.IGNORECASE)
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
    #: The alternations for texts opening with one ASCII character, by that character in small letters (built on
    #: first use): see ``for_first``.
    _by_first: dict[str, re.Pattern] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, leads: tuple[LeadIn, ...], firsts: frozenset[str] | None = None) -> LeadInTable:
        return cls(leads, _alternation(leads, range(len(leads))), firsts)

    def for_first(self, first: str) -> re.Pattern:
        """The alternation of the lead-ins that may open with `first` (an ASCII character, case ignored), in table
        order and with their group names: "Tingshu Wang" is tried against the few opening with a "t", not against
        all of them one by one. The same first match as ``any_lead``: a lead-in left out cannot match there (a
        lead-in whose openings are not known, or that may open with a character beyond ASCII, which may match an
        ASCII one when case is ignored, is always kept)."""
        key = first.lower()
        made = self._by_first.get(key)
        if made is None:
            kept = [i for i, lead in enumerate(self.leads)
                    if (opens := _openings(lead.pattern)) is None or key in opens or not all(map(str.isascii, opens))]
            made = self._by_first[key] = _alternation(self.leads, kept) if kept else _NOTHING
        return made


def _alternation(leads: tuple[LeadIn, ...], kept: Iterable[int]) -> re.Pattern:
    return compiled("|".join(f"(?P<l{i}>{leads[i].pattern})" for i in kept), re.IGNORECASE)


#: Matches nothing: the alternation of no lead-in.
_NOTHING = compiled("(?!)")


@lru_cache(maxsize=256)
def _openings(pattern: str) -> frozenset[str] | None:
    """The characters (in small letters) a lead-in's pattern may open with, case ignored; None when any may, or
    when the pattern opens with what this reading does not follow (a class such as a space, a back reference)."""
    try:
        parsed = importlib.import_module("re._parser").parse(pattern, re.IGNORECASE)
        const = importlib.import_module("re._constants")
    except (ImportError, AttributeError, re.error):
        return None
    opens, empty = _opening(list(parsed), const)
    return None if opens is None or empty else frozenset(opens)


def _opening(items: list, const: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern may open with (None: any) and whether it may match nothing."""
    found: set[str] = set()
    for op, av in items:
        if op in (const.ASSERT, const.ASSERT_NOT, const.AT):
            continue  # (takes no character; a look-ahead only narrows what follows)
        if op is const.LITERAL:
            return found | {chr(av).lower()}, False
        if op is const.IN:
            for kind, value in av:
                if kind is const.LITERAL:
                    found.add(chr(value).lower())
                elif kind is const.RANGE:
                    found.update(chr(c).lower() for c in range(value[0], value[1] + 1))
                else:
                    return None, False
            return found, False
        if op in (const.BRANCH, const.SUBPATTERN, const.MAX_REPEAT, const.MIN_REPEAT, const.POSSESSIVE_REPEAT,
                  const.ATOMIC_GROUP):
            inner = av[1] if op is const.BRANCH else [av] if op is const.ATOMIC_GROUP else [av[-1]]
            least = av[0] if op in (const.MAX_REPEAT, const.MIN_REPEAT, const.POSSESSIVE_REPEAT) else 1
            empty = False
            for sub in inner:
                chars, nothing = _opening(list(sub), const)
                if chars is None:
                    return None, False
                found |= chars
                empty = empty or nothing
            if least > 0 and not empty:
                return found, False
            continue
        return None, False
    return found, True


#: The characters the shipped lead-ins open with, in both cases (with the dotless and the dotted i and the long s,
#: which match "i" and "s" when case is ignored); a space may open "  © Name" too. tests/test_captions.py checks
#: them against the lead-ins' patterns: a lead-in that opens with another character must add it here.
SHIPPED_FIRSTS = frozenset("abcfhimoprstuvw" + "abcfhimoprstuvw".upper() + "ıİſ" + "(©\U0001F4F7\U0001F4F8")
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
    first = text[:1]
    match = (table.for_first(first) if first.isascii() and first.strip() else table.any_lead).match(text)
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
