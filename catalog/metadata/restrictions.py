"""Read the wires' restriction notes ("EDITORIAL USE ONLY", "JAPAN OUT", "EMBARGOED UNTIL 0001 GMT OCT 14") as data.

``read_restrictions(texts, reference_date=...)`` takes the texts a photo carries, each with the field it came
from, and returns one ``Restriction(kind, text, until, region, source)`` per restriction, in the order they
are written. The wordings are rules in ``catalog/rules/restrictions.toml`` (its comments document them, with
a worked example per agency style); this module only applies them. For example::

    >>> found = read_restrictions([("instructions", "MANDATORY CREDIT; NORTHERN IRELAND OUT; MAGS OUT")])
    >>> [(r.kind, r.region) for r in found]
    [('mandatory_credit', None), ('region_out', 'NORTHERN IRELAND'), ('media_out', 'MAGS')]
    >>> from datetime import date
    >>> [r] = read_restrictions([("caption", "A note. EMBARGOED UNTIL 0001 GMT OCT 14")],
    ...                         reference_date=date(2025, 10, 10))
    >>> r.kind, r.until.isoformat(), r.text
    ('embargo', '2025-10-14T00:01:00+00:00', 'EMBARGOED UNTIL 0001 GMT OCT 14')

A caption's prose is read with care: there, most notes count only when shouted in capitals, as the wires
write them, so "no sales tax" or "out of the race" give nothing.

    >>> read_restrictions([("caption", "Shoppers enjoy no sales tax as the mayor drops out of the race.")])
    []
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from catalog.cachedir import shipped_toml
from catalog.errors import CatalogError
from catalog.metadata import xmp as xmp_values
from catalog.metadata.moments import MomentRules, read_moment
from catalog.patterns import compiled, longest_first

#: The kinds of restriction, and what each means for a desk.
KINDS: dict[str, str] = {
    "editorial_only": "news and editorial use only: no advertising, promotion or merchandise",
    "mandatory_credit": "the credit must be printed as given",
    "no_sales": "may not be sold on (to other clients, or as prints)",
    "no_resales": "may not be resold or licensed to third parties",
    "no_archives": "may not be kept in an archive or library for later use",
    "no_marketing": "no marketing or advertising campaigns",
    "region_out": "may not be used in a country or region (`region`)",
    "media_out": "may not be used by a kind of outlet or user (`region`: magazines, TV, a publisher)",
    "embargo": "may not be published before a moment (`until`; null when no end is written)",
    "handout": "supplied by the subject or an outside body, not taken by the agency",
    "third_party": "supplied by a third party; the agency cannot vouch for it",
    "best_quality": "the best quality available: a poor image, sent as received",
    "no_alteration": "may not be cropped, altered or have its logo obscured",
    "kill": "withdrawn by the agency: must not be used, and removed where used",
    "other": "another condition of use, kept as written (a use window, a licence, no data mining)",
}

#: Sources whose text is a caption's prose: most notes count there only when written in capitals.
CAPTION_SOURCES = frozenset({"caption", "headline", "title"})
#: Sources that hold nothing but conditions of use: a text no rule reads is kept as an `other` restriction.
CONSTRAINT_SOURCES = frozenset({"constraints"})
#: The sources whose values are PLUS licence codes ("http://ns.useplus.org/ldf/vocab/AL-CRP" or "AL-CRP").
PLUS_SOURCES = frozenset({"plus"})
PLUS_VOCABULARY = "http://ns.useplus.org/ldf/vocab/"

RULE_KEYS = {"name", "kind", "patterns", "capitals", "region", "unknown", "until", "clause", "needs"}
_TIDY = (
    (compiled(r"[\u201c\u201d\u201e\u00ab\u00bb\u2033]"), '"'),
    (compiled(r"[\u2018\u2019\u201a\u2032]"), "'"),
    (compiled(r"[\u2010-\u2015\u2212]"), "-"),
)
_CLAUSE_END = compiled(r"\. |;|\.$| - | -- ")
_LOWER = compiled(r"[^\W\d_]", re.UNICODE)
_LETTERS = compiled(r"[A-Z]+")


@dataclass(frozen=True)
class Restriction:
    """One restriction: its kind (one of KINDS), the words it was read from, and when and where it applies.

    ``until`` is the end of an embargo (aware, UTC), ``region`` the place (region_out) or the outlet
    (media_out) as written, ``source`` the field the text came from ("instructions", "caption", ...).
    """

    kind: str
    text: str
    until: datetime | None = None
    region: str | None = None
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        """The restriction as JSON values (``until`` in ISO 8601)."""
        return {
            "kind": self.kind,
            "text": self.text,
            "until": self.until.isoformat() if self.until else None,
            "region": self.region,
            "source": self.source,
        }

    def in_force(self, at: datetime) -> bool:
        """Whether the restriction applies at ``at`` (aware): always, except an embargo that has ended."""
        return self.kind != "embargo" or self.until is None or at < self.until


@dataclass(frozen=True)
class Pattern:
    """One compiled wording of a rule; ``capitals``: in a caption it counts only when written in capitals."""

    regex: re.Pattern
    capitals: bool


@dataclass(frozen=True)
class Rule:
    """One [[rule]] of restrictions.toml (see its comments for each key)."""

    name: str
    kind: str
    patterns: tuple[Pattern, ...]
    region: str | None = None  # None, "as written" or "classify"
    unknown: str = "none"
    until: bool = False
    clause: bool = False
    needs: tuple[str, ...] = ()  # word beginnings, in capitals: the rule is tried only on a text that has one

    def may_match(self, words: set[str]) -> bool:
        """Whether one of the text's words (those that begin with any rule's need) begins with this rule's."""
        return not self.needs or any(word.startswith(self.needs) for word in words)


@dataclass
class RestrictionRules:
    """The restriction rules in force: the shipped ones, with a house file's [restrictions] read over them."""

    rules: tuple[Rule, ...]
    places: frozenset[str]
    media: frozenset[str]
    moments: MomentRules
    plus: dict[str, str]
    examples: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # One pattern for every rule's needs: a text's telling words are found by the regex engine in one
        # pass (a caption with none, the usual case, costs a few microseconds), not word by word in Python.
        # (The look-ahead on the needs' first letters lets the engine pass over most positions at once.)
        # Longest first, and words of one length in order: a set's order changes with each process's hash seed,
        # and a pattern that changes was compiled again by every reader and added to the kept file each time.
        needs = sorted({need for rule in self.rules for need in rule.needs}, key=longest_first)
        firsts = re.escape("".join(sorted({need[0] for need in needs})))
        self._telling = compiled(
            rf"(?<![A-Z])(?=[{firsts}])(?:" + "|".join(map(re.escape, needs)) + r")[A-Z]*") if needs else None
        #: Whether some rule needs no word (a house rule may): then every text is tried by every rule.
        self.always_tried = any(not rule.needs for rule in self.rules)

    def telling_words(self, text: str) -> set[str]:
        """The words of ``text`` (in capitals) that begin with a need of some rule.

        >>> sorted(default_restriction_rules().telling_words("Editorial use only; no sales"))
        ['EDITORIAL', 'ONLY', 'SALES', 'USE']
        """
        if self._telling is None:
            return set()
        return set(self._telling.findall(text.upper()))

    def is_place(self, name: str) -> bool:
        """A country (ISO 3166 name, common or official name) or a region listed under [places]."""
        key = _key(name)
        return key in self.places or key in _country_names()

    def is_medium(self, name: str) -> bool:
        """A kind of outlet listed under [media]."""
        return _key(name) in self.media


def read_restrictions(
    texts: Iterable[tuple[str, str | None]],
    *,
    reference_date: date | datetime | None = None,
    rules: RestrictionRules | None = None,
) -> list[Restriction]:
    """The restrictions that ``texts`` [(source, text), ...] state, in order, each once.

    ``reference_date`` is when the texts were written (the picture's date, or when it was sent; today when
    None): an embargo whose year or date is left out is the next such moment on or after it. Two findings
    with the same kind, region and end are one restriction (the first); `other` ones are one when their
    words are the same.
    """
    rules = rules or default_restriction_rules()
    reference = _reference(reference_date)
    found: list[Restriction] = []
    seen: set[tuple] = set()
    for source, raw in texts:
        if not raw or not raw.strip():
            continue
        if source not in PLUS_SOURCES and source not in CONSTRAINT_SOURCES and not rules.always_tried and \
                not rules.telling_words(raw):
            continue  # no rule can read it (tidying changes no letters): most captions, at a regex's cost
        text = tidy(raw)
        if source in PLUS_SOURCES:
            text = _plus_words(text, rules)
            if not text:
                continue
        one_text = _read_text(text, source, rules, reference)
        if not one_text and source in CONSTRAINT_SOURCES:
            one_text = [Restriction("other", text, source=source)]
        for restriction in one_text:
            key: tuple = (restriction.kind, (restriction.region or "").casefold(), restriction.until)
            if restriction.kind == "other":
                key += (restriction.text.casefold(),)
            if key not in seen:
                seen.add(key)
                found.append(restriction)
    return found


def tidy(text: str) -> str:
    """Straight quotes, plain dashes, single spaces: the form the rules' patterns are written against.

    >>> tidy("RESTRICTED TO EDITORIAL USE \u2013 MANDATORY CREDIT \u201cAFP PHOTO\u201d\\n NO SALES")
    'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO" NO SALES'
    """
    if not text.isascii():
        for pattern, replacement in _TIDY:
            text = pattern.sub(replacement, text)
    return " ".join(text.split())


def _read_text(text: str, source: str, rules: RestrictionRules, reference: datetime) -> list[Restriction]:
    """Apply every rule to one tidied text; each stretch of text is read by the first rule that takes it."""
    caption = source in CAPTION_SOURCES
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Restriction]] = []
    words = rules.telling_words(text)
    if not words and not rules.always_tried:
        return []
    for rule in rules.rules:
        if not rule.may_match(words):
            continue
        for pattern in rule.patterns:
            at = 0
            while (match := pattern.regex.search(text, at)) is not None:
                start, end = match.span()
                at = max(end, start + 1)
                overlap = [b for a, b in taken if start < b and a < end]
                if overlap:  # read again from the end of the stretch another rule took ("... OCT 15. JAPAN OUT")
                    at = max(start + 1, min(overlap))
                    continue
                if caption and pattern.capitals and _LOWER.search(match[0]) and match[0] != match[0].upper():
                    continue
                made = _restriction(rule, match, text, source, caption, rules, reference)
                if made is None:
                    continue
                restriction, start, end = made
                taken.append((start, end))
                found.append((start, restriction))
                at = max(at, end)
    found.sort(key=lambda item: item[0])
    return [restriction for _, restriction in found]


def _restriction(
    rule: Rule, match: re.Match, text: str, source: str, caption: bool, rules: RestrictionRules, reference: datetime
) -> tuple[Restriction, int, int] | None:
    """The restriction one match gives and the stretch of text it takes; None when the match is none."""
    start, end = match.span()
    kind: str | None
    kind, region, until = rule.kind, None, None
    if rule.region is not None:
        written = (match.groupdict().get("region") or "").strip(" .,'\"")
        if rule.region == "as written":
            region = written or None
        else:
            kind, region = _classify(rule, written, caption, rules)
            if kind is None:
                return None
            if region:  # "STR CHINA OUT": the note starts at the place it names
                start = match.start("region") + max(0, match["region"].rfind(region))
    if rule.until:
        until, used = read_moment(text[end:], rules.moments, reference)
        end += used
    if rule.clause or kind == "other" or (rule.until and until is None):
        start, end = _clause(text, start, end)
    words = text[start:end].strip(" -;,.")
    if kind == "other" and rule.kind != "other":
        region = None
    return Restriction(kind, words, until, region, source), start, end


def _classify(rule: Rule, written: str, caption: bool, rules: RestrictionRules) -> tuple[str | None, str | None]:
    """A region or medium, judged by its longest ending that names a place or a medium.

    "STR CHINA" gives ("region_out", "CHINA"); "MAGS" gives ("media_out", "MAGS"); a name that is neither
    gives the rule's `unknown` kind (nothing in a caption, or when the name is not capitalised as a name).
    """
    words = written.split()
    ends = [i for i, word in enumerate(words[:-1]) if word.endswith((".", ":"))]
    if ends:  # "NOT FOR TABLOIDS. RURITANIA OUT": the note is the sentence that ends in OUT
        words = words[ends[-1] + 1 :]
    for index in range(len(words)):
        candidate = " ".join(words[index:])
        if rules.is_place(candidate):
            return "region_out", candidate
        if rules.is_medium(candidate):
            return "media_out", candidate
    if caption or rule.unknown == "none" or not words:
        return None, None
    if rule.unknown == "media_out" and not all(word[:1].isupper() or word[:1].isdigit() for word in words):
        return None, None
    return rule.unknown, " ".join(words)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to the clause it sits in: from the previous clause end to the next one."""
    before = 0
    for found in _CLAUSE_END.finditer(text, 0, start):
        before = found.end()
    after = _CLAUSE_END.search(text, end)
    return before, (after.start() if after else len(text))


def _plus_words(text: str, rules: RestrictionRules) -> str:
    """A PLUS code (or its URI) as the words the rules read; other text as it is."""
    code = text.removeprefix(PLUS_VOCABULARY)
    if re.fullmatch(r"[A-Z]{2,3}-[A-Z-]+", code):
        return rules.plus.get(code, "")
    return text


def _reference(reference_date: date | datetime | None) -> datetime:
    """The reference as an aware moment; a bare date is the first moment of that day anywhere (UTC+14)."""
    if reference_date is None:
        return datetime.now(UTC)
    if isinstance(reference_date, datetime):
        return reference_date if reference_date.tzinfo else reference_date.replace(tzinfo=UTC)
    return datetime.combine(reference_date, time(0, 0), timezone(timedelta(hours=14)))


def _key(name: str) -> str:
    return " ".join(name.replace(".", "").casefold().split())


@cache
def _country_names() -> frozenset[str]:
    """Every ISO 3166 country by name, common name and official name, as keys."""
    from catalog.metadata.countries import NAME_FIELDS, countries

    names = set()
    for country in countries():
        for attribute in NAME_FIELDS:
            value = country.get(attribute)
            if value:
                names.add(_key(value))
    return frozenset(names)


# -- the rules file -----------------------------------------------------------------------------------------


def default_restrictions_path() -> Path:
    """Where the shipped restriction rules live (inside the installed package)."""
    return Path(__file__).parent.parent / "rules" / "restrictions.toml"


@cache
def default_restriction_rules() -> RestrictionRules:
    """The shipped rules, read once per process."""
    return load_restriction_rules()


def load_restriction_rules(house: dict[str, Any] | None = None, origin: str = "the house rules") -> RestrictionRules:
    """The shipped rules, with ``house`` (the [restrictions] table of a house rules file) read over them.

    Raises CatalogError, naming ``origin``, when a rule is not valid (an unknown kind, a bad pattern).
    """
    data = shipped_toml("restrictions.toml")
    where = str(default_restrictions_path())
    if house:
        data, where = _merge(data, house, origin), origin
    return _build(data, where)


def _merge(data: dict[str, Any], house: dict[str, Any], origin: str) -> dict[str, Any]:
    """House rules replace shipped ones of the same name, in their place, and come before the rest (a desk's
    own wording is more specific than the shipped catch-alls); tables merge key by key."""
    unknown = set(house) - {"rule", "places", "media", "embargo", "zones", "plus"}
    if unknown:
        raise CatalogError(f"{origin}: unknown key(s) in [restrictions]: {', '.join(sorted(unknown))}")
    merged = dict(data)
    house_rules = house.get("rule", [])
    if not isinstance(house_rules, list):
        raise CatalogError(f"{origin}: [[restrictions.rule]] must be a list of rules")
    by_name = {rule.get("name"): rule for rule in house_rules if isinstance(rule, dict)}
    shipped = {rule["name"] for rule in data["rule"]}
    merged["rule"] = [rule for rule in house_rules if not isinstance(rule, dict) or rule.get("name") not in shipped]
    merged["rule"] += [by_name.get(rule["name"], rule) for rule in data["rule"]]
    for table in ("places", "media"):
        if table in house:
            merged[table] = {"names": list(data[table]["names"]) + list(house[table].get("names", []))}
    for table in ("zones", "plus"):
        merged[table] = {**data[table], **house.get(table, {})}
    embargo = dict(data["embargo"])
    for key, value in house.get("embargo", {}).items():
        embargo[key] = {**embargo[key], **value} if isinstance(value, dict) and key in embargo else value
    merged["embargo"] = embargo
    return merged


def _build(data: dict[str, Any], where: str) -> RestrictionRules:
    media = [str(name) for name in data["media"]["names"]]
    media_pattern = "|".join(re.escape(name).replace(r"\ ", " ") for name in sorted(media, key=len, reverse=True))
    rules = tuple(_rule(raw, media_pattern, media, where) for raw in data["rule"])
    embargo = data["embargo"]
    moments = MomentRules(
        zones={" ".join(name.lower().split()): str(value) for name, value in data["zones"].items()},
        months={name.lower(): int(number) for name, number in embargo["months"].items()},
        weekdays={name.lower(): int(number) for name, number in embargo["weekdays"].items()},
        default_zone=str(embargo.get("default_zone", "-12:00")),
        grace_days=int(embargo.get("grace_days", 2)),
    )
    return RestrictionRules(
        rules=rules,
        places=frozenset(_key(name) for name in data["places"]["names"]),
        media=frozenset(_key(name) for name in media),
        moments=moments,
        plus={str(code): str(words) for code, words in data["plus"].items()},
        examples=list(data.get("example", [])),
    )


def _rule(raw: Any, media_pattern: str, media: list[str], where: str) -> Rule:
    if not isinstance(raw, dict) or "name" not in raw or "kind" not in raw:
        raise CatalogError(f"rules file {where}: every [[rule]] needs a name and a kind")
    name = raw["name"]
    unknown_keys = set(raw) - RULE_KEYS
    if unknown_keys:
        raise CatalogError(f"rules file {where}: rule {name!r} has unknown key(s) {', '.join(sorted(unknown_keys))}")
    if raw["kind"] not in KINDS:
        raise CatalogError(
            f"rules file {where}: rule {name!r} has kind {raw['kind']!r}; the kinds are {', '.join(KINDS)}"
        )
    region = raw.get("region")
    if region not in (None, "as written", "classify"):
        raise CatalogError(f"rules file {where}: rule {name!r}: region must be \"as written\" or \"classify\"")
    unknown = raw.get("unknown", "none")
    if unknown != "none" and unknown not in KINDS:
        raise CatalogError(f"rules file {where}: rule {name!r}: unknown = {unknown!r} is not a kind")
    patterns = []
    for key, capitals in (("patterns", False), ("capitals", True)):
        for text in raw.get(key, []):
            try:
                regex = compiled(text.replace("{media}", media_pattern), re.IGNORECASE)
            except re.error as error:
                raise CatalogError(f"rules file {where}: rule {name!r}: pattern {text!r}: {error}") from None
            patterns.append(Pattern(regex, capitals))
    return Rule(
        name=name,
        kind=raw["kind"],
        patterns=tuple(patterns),
        region=region,
        unknown=unknown,
        until=bool(raw.get("until", False)),
        clause=bool(raw.get("clause", False)),
        needs=tuple(_needs(raw.get("needs", []), media, name, where)),
    )


# -- where the texts are in a file ---------------------------------------------------------------------------

#: The rights fields of the field table (fields.py: IIM 2:40 and photoshop:Instructions reconciled by the MWG
#: rules, xmpRights:UsageTerms, xmpRights:WebStatement), read as they are reconciled.
TABLE_SOURCES = ("instructions", "usage_terms", "web_statement")
#: The PLUS licence properties, which the field table does not carry: source -> XMP properties (every item
#: of a list is read).
PLUS_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("plus", ("plus:ImageAlterationConstraints", "plus:CreditLineRequired", "plus:DataMining",
              "plus:ImageDuplicationConstraints")),
    ("constraints", ("plus:OtherConstraints", "plus:MediaConstraints", "plus:RegionConstraints",
                     "plus:ProductOrServiceConstraints")),
)


def rights_texts(fields: dict[str, Any], xmp: dict[str, Any]) -> list[tuple[str, str]]:
    """The (source, text) pairs of a photo's rights fields: the reconciled fields (name -> Sourced), then the
    PLUS properties of its XMP.

    >>> from catalog.metadata.types import Sourced
    >>> rights_texts({"instructions": Sourced("JAPAN OUT", "iptc")}, {"plus:ImageAlterationConstraints": ["AL-CRP"]})
    [('instructions', 'JAPAN OUT'), ('plus', 'AL-CRP')]
    """
    found = []
    for name in TABLE_SOURCES:
        value = fields.get(name)
        if value is not None and isinstance(value.value, str) and value.value.strip():
            found.append((name, value.value))
    for source, properties in PLUS_FIELDS:
        for name in properties:
            value = xmp.get(name)  # almost always absent: one look-up each
            if value is not None:
                found += [(source, text) for text in xmp_values.texts(value)]
    return found


def restrictions_of(metadata: Any, *, reference_date: date | datetime | None = None,
                    rules: RestrictionRules | None = None) -> list[Restriction]:
    """The restrictions of a PhotoMetadata: its rights fields, then its caption's notes.

    ``reference_date`` should be when the picture arrived (the file's modification time at import): an
    embargo that leaves out its year is the next such moment after it.
    """
    texts = [*metadata.rights, ("caption", metadata.value("caption"))]
    return read_restrictions(texts, reference_date=reference_date, rules=rules)


def _needs(needs: list[str], media: list[str], name: str, where: str) -> list[str]:
    """A rule's needs in capitals, "{media}" spelt out; each one word (a medium's longest: "Photo agencies" is
    needed as AGENCIES, not the common PHOTO)."""
    found = []
    for need in needs:
        for word in media if need == "{media}" else [need]:
            letters = _LETTERS.findall(word.upper())
            if not letters:
                raise CatalogError(f"rules file {where}: rule {name!r}: need {word!r} has no letters")
            found.append(max(letters, key=len))
    return found
