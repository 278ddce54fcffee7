"""Texts in a caption field that are no caption: camera defaults, program stamps, test placeholders, data
dumps, usage notes. The rules are data, in ``catalog/rules/not_captions.toml`` (a house rules file adds its
own under ``[not_captions]``); each pattern must describe the whole text, so a real caption that merely
mentions a camera is read as usual.

>>> not_a_caption("OLYMPUS DIGITAL CAMERA         ")
"a camera maker's default text"
>>> not_a_caption("XMPFiles BlueSquare test file, created in Photoshop CS2, saved as .psd, .jpg, and .tif.")
'a test or template placeholder'
>>> not_a_caption("ImageQualityAssuranceDate: 2019-07-10"), not_a_caption("For Educational Use Only")
('a data dump', 'a usage or rights note')
>>> not_a_caption("Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from catalog.cachedir import shipped_toml
from catalog.errors import CatalogError
from catalog.patterns import compiled

if TYPE_CHECKING:
    from catalog.captions.rules import Rules


@dataclass(frozen=True)
class NotCaptionRule:
    """One kind of text that is no caption."""

    name: str
    example: str
    source: str  # the rule's patterns as one alternation, matched against the whole stripped text
    line: bool = False  # such a text is no credit either when it stands as a line of a caption


#: The rules' patterns are matched without regard to case, and "." matches a line break too.
_FLAGS = re.IGNORECASE | re.DOTALL


@cache
def _shipped() -> list[dict[str, Any]]:
    return shipped_toml("not_captions.toml")["rule"]


@lru_cache(maxsize=8)
def compile_rules(house: tuple[tuple[str, str, tuple[str, ...], bool], ...] = ()) -> tuple[NotCaptionRule, ...]:
    """The shipped rules, then the house's (name, example, patterns, line) rules.

    A house rule's patterns are compiled here, so that a mistake in them is reported by the rule's name; the
    shipped ones, which tests compile, are not: every reader process builds these rules for its first
    caption, and matches them combined into one pattern, so compiling each alone too cost it 16 ms for
    nothing."""
    shipped = [(r["name"], r.get("example", ""), tuple(r["patterns"]), bool(r.get("line", False)))
               for r in _shipped()]
    built = []
    for number, (name, example, patterns, line) in enumerate(shipped + list(house)):
        rule = NotCaptionRule(name, example, "|".join(f"(?:{p})" for p in patterns), line)
        if number >= len(shipped):
            try:
                compiled(rule.source, _FLAGS)
            except re.error as err:
                raise CatalogError(
                    f"not-a-caption rule {name!r}: a pattern is not a valid regular expression: {err}") from err
        built.append(rule)
    return tuple(built)


def house_rules(table: dict[str, Any] | None) -> tuple[tuple[str, str, tuple[str, ...], bool], ...]:
    """A house file's [not_captions] table as rules for compile_rules."""
    rules = (table or {}).get("rule", [])
    if not isinstance(rules, list) or not all(
            isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("patterns"), list)
            and all(isinstance(p, str) for p in r["patterns"]) for r in rules):
        raise CatalogError('[not_captions] must hold [[not_captions.rule]] tables with a name and patterns = [...]')
    return tuple((r["name"], str(r.get("example", "")), tuple(r["patterns"]), bool(r.get("line", False)))
                 for r in rules)


@lru_cache(maxsize=8)
def _combined(rules: tuple[NotCaptionRule, ...]) -> re.Pattern:
    """Every rule's patterns as one alternation, group "r3" the fourth rule: one match call per text."""
    return compiled("|".join(f"(?P<r{i}>{rule.source})" for i, rule in enumerate(rules)), _FLAGS)


def not_a_caption(text: str | None, rules: tuple[NotCaptionRule, ...] | None = None) -> str | None:
    """Why a text is no caption (the rule's name), or None when it may be one."""
    rules = rules if rules is not None else compile_rules()
    return _why(text, rules, _combined(rules))


def not_a_caption_under(text: str | None, house: Rules) -> str | None:
    """`not_a_caption` with the shipped rules and those of a set of house rules (their [not_captions] table),
    compiled and combined once per set of house rules: the parser asks for every caption, and looking the
    compiled rules up by their value costs more than the match. (The record builder asks first, to mark the
    record, and tells ``parse`` it has: ``known_caption=True``.)"""
    rules, combined = house.built("not_captions", _built)
    return _why(text, rules, combined)


def _built(house: Rules) -> tuple[tuple[NotCaptionRule, ...], re.Pattern]:
    rules = compile_rules(house_rules(house.not_captions))
    return rules, _combined(rules)


def no_credit_line(text: str, house: Rules) -> str | None:
    """Why a caption's line (a credit spot's text) is no credit: a rule marked `line = true` describes all of
    it ("SAMSUNG CAMERA PICTURES" under a caption, "Image Code: MHM0136311"), or None. The other rules stay
    for whole texts: "LOC" or "Photo: Xinhua" alone are no caption, yet a credit under one."""
    rules, combined = house.built("credit_line_rules", _built_lines)
    return _why(text, rules, combined) if rules else None


def _built_lines(house: Rules) -> tuple[tuple[NotCaptionRule, ...], re.Pattern]:
    rules = tuple(rule for rule in compile_rules(house_rules(house.not_captions)) if rule.line)
    return rules, _combined(rules)


def _why(text: str | None, rules: tuple[NotCaptionRule, ...], combined: re.Pattern) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    if not stripped:
        return None
    match = combined.fullmatch(stripped)
    if match is None:
        return None
    assert match.lastgroup is not None  # every alternative of the combined pattern is a named group
    return rules[int(match.lastgroup[1:])].name
