"""How sure the parser is of each value it read, and the gate that leaves out a value it is unsure of.

Each reader says how it found a value as an *evidence kind*: a path of words from the general to the
particular, "en / credit / no lead-in / initials / brackets" (an English credit in closing brackets, initials
with nothing saying they are a credit), "en / scene sentence / known city" (a city the gazetteer knows, read
from the scene sentence's place phrase), "zh / text / taken cue / no year". A value's confidence is the one the
table gives its kind's longest listed prefix, else the field's ``"*"``. A value whose confidence is below its
field's threshold is left out, and ``parse-caption --explain`` says so ("left out: provider 'LOC', confidence
0.39 below 0.60, because read from the English text's credit; nothing says it is a credit; initials only; in
closing brackets").

Both tables are data, in ``catalog/rules/confidence.toml``: ``[thresholds]`` and one table of confidences per
field, measured on the tune split by ``python -m tools.calibrate_confidence`` (the share of the values of each
kind that were right, drawn towards the share of the kind above it when a kind has few values; the thresholds
chosen on the curve measured out of fold, docs/captions.md). A house rules file changes either under
``[confidence]``; a threshold of 0 keeps every value::

    [confidence.thresholds]
    provider = 0                 # keep "(LOC)": our desk checks every provider anyway

Worked examples (the shipped tables)::

    ... in Hefei, Oct. 14, 2025. (Xinhua/Li Xin)   agency "en / credit / registry / one word / brackets" 1.00: kept
    ... near the river. (FTB)                      provider "en / credit / no lead-in / initials / brackets"
                                                   0.39, below 0.60: left out
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache, lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from catalog.cachedir import shipped_toml
from catalog.errors import CatalogError
from catalog.patterns import compiled

if TYPE_CHECKING:
    from catalog.captions.rules import Rules
    from catalog.captions.types import CaptionFacts, Credit

#: The fields the gate weighs, with the attribute path of each in CaptionFacts.
FIELDS = ("photographer", "agency", "provider", "date", "date_kind", "sublocation", "city", "province", "country")
#: Between the words of an evidence kind.
SEP = " / "

#: What each word of a kind means, for the "because ..." of --explain (words not listed are shown as written).
_MEANING = {
    "with a registry agency": "the credit names an agency of the registry",
    "with a lead-in": "a lead-in ('Photo by', '©') opens the credit",
    "with an outlet": "a name beside an outlet the registry does not know",
    "a name alone": "a name alone, with no lead-in or agency beside it",
    "not in the registry": "an outlet the agency registry does not know",
    "no lead-in": "nothing says it is a credit",
    "a body": "nothing says it is a credit, but a public body's words name it (council, fire service, government)",
    "text": "named in the caption's prose",
    "first date": "the first date of the scene, with no word saying it was taken",
    "unknown name": "a name no gazetteer level knows",
    "bare name": "a capitalised name with no place word",
    "small city": "a town the gazetteer knows, of fewer than 100,000 people",
    "initials": "initials only",
    "one word": "a single word",
    "odd characters": "a name with characters names seldom hold",
    "sentence subject": "the sentence's subject, with no preposition placing it",
    "verb's object": "the object of a verb such as 'visit'",
    "in or at": "after 'in' or 'at'",
    "another preposition": "after a preposition other than 'in' or 'at'",
    "other places named": "the sentence names other places beside it",
    "only place named": "the only place the sentence names",
    "chain agrees": "the gazetteer puts it in the same country as the caption's other places",
    "chain disagrees": "the gazetteer puts it in another country than the caption's other places",
    "nothing to check": "no other place of the caption to check it against",
    "own line": "on a line of its own, as a page's time stamp or a heading",
    "in a sentence": "inside a sentence",
    "other days written": "the caption writes another day too",
    "one day written": "the only day the caption writes",
}


#: Credit spots in words.
_SPOTS = {"brackets": "in closing brackets", "own line": "on a line of its own", "tail": "at the end of the text",
          "lead-in": "after a lead-in", "agency-led": "after an agency's name",
          "run-on byline": "a byline run on after the prose, with no stop before it"}


@dataclass(frozen=True)
class Table:
    """The confidence of each evidence kind, per field, and the threshold below which a value is left out."""

    confidences: Mapping[str, Mapping[str, float]]
    thresholds: Mapping[str, float]
    #: The fields with a threshold above 0, in FIELDS order: the only ones the gate weighs.
    gated: tuple[str, ...] = dataclass_field(init=False)
    _looked_up: dict[tuple[str, str], float] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "gated", tuple(f for f in FIELDS if self.thresholds.get(f, 0.0) > 0))
        object.__setattr__(self, "_looked_up", {})

    def confidence(self, field: str, kind: str) -> float:
        """The confidence of the longest prefix of `kind` the field's table lists, else of its "*" (1.0 unlisted).

        >>> table = Table({"city": {"*": 0.9, "en / scene sentence": 0.95}}, {})
        >>> table.confidence("city", "en / scene sentence / known city"), table.confidence("city", "zh / scene")
        (0.95, 0.9)
        """
        known = self._looked_up.get((field, kind))
        if known is not None:
            return known
        listed = self.confidences.get(field, {})
        words = kind.split(SEP)
        found = listed.get("*", 1.0)
        for length in range(len(words), 0, -1):
            if SEP.join(words[:length]) in listed:
                found = listed[SEP.join(words[:length])]
                break
        if len(self._looked_up) < 4096:  # the kinds are few; a bound all the same
            self._looked_up[field, kind] = found
        return found


@cache
def _shipped() -> dict[str, Any]:
    return shipped_toml("confidence.toml")


def table_for(rules: Rules) -> Table:
    """The shipped table with the house's [confidence] over it, built once per set of rules."""
    return rules.built("confidence", _built)


def _built(rules: Rules) -> Table:
    return build_table(_shipped(), rules.confidence)


def build_table(shipped: Mapping[str, Any], house: Mapping[str, Any] | None = None) -> Table:
    """The table from the shipped data with a house's [confidence] table over it; CatalogError when the house's
    table names an unknown field or gives a value outside 0..1. A kind the house lists stands for the kinds
    under it: the shipped entries of finer kinds give way to it (a field's "*" replaces all of them).

    >>> build_table({"thresholds": {"city": 0.5}}, {"thresholds": {"city": 0.8}}).thresholds["city"]
    0.8
    """
    merged: dict[str, dict[str, float]] = {}
    for source in (shipped, house or {}):
        if not isinstance(source, Mapping):
            raise CatalogError("[confidence] must be a table of tables: [confidence.thresholds], [confidence.city]")
        for name, entries in source.items():
            if name != "thresholds" and name not in FIELDS:
                raise CatalogError(f"[confidence.{name}]: no such field (the fields are thresholds, "
                                   f"{', '.join(FIELDS)})")
            if not isinstance(entries, Mapping):
                raise CatalogError(f"[confidence.{name}] must be a table of \"kind\" = number")
            for key, value in entries.items():
                if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                    raise CatalogError(f"[confidence.{name}] {key!r} = {value!r}: a number from 0 to 1")
                if name == "thresholds" and key not in FIELDS:
                    raise CatalogError(f"[confidence.thresholds] {key!r}: no such field ({', '.join(FIELDS)})")
            listed = merged.setdefault(name, {})
            for key, value in entries.items():
                # a kind set here stands for the kinds under it too: the shipped finer entries give way
                for finer in [k for k in listed if k.startswith(key + SEP) or key == "*" and name != "thresholds"]:
                    del listed[finer]
                listed[key] = float(value)
    thresholds = merged.pop("thresholds", {})
    return Table(merged, thresholds)


def value_of(facts: CaptionFacts, field: str) -> str | None:
    """A field's value in the facts."""
    if field in ("photographer", "agency", "provider"):
        return getattr(facts.credit, field)
    if field in ("date", "date_kind"):
        return getattr(facts, field)
    return getattr(facts.location, field)


def _clear(facts: CaptionFacts, field: str) -> None:
    if field in ("photographer", "agency", "provider"):
        setattr(facts.credit, field, None)
    elif field == "date":
        if facts.date_kind == "released" and facts.released == facts.date:
            facts.released = None
        facts.date = None
        if facts.date_text is None:  # no date at all is left, so no kind either (the contract: null then)
            facts.date_kind = None
    elif field == "date_kind":
        facts.date_kind = None
    else:
        setattr(facts.location, field, None)


def gate(facts: CaptionFacts, rules: Rules, explain: bool = False) -> None:
    """Leave out of `facts` (in place) each value whose kind's confidence is below its field's threshold;
    with `explain`, add a note for each value left out."""
    table = table_for(rules)
    for field in table.gated:
        value = value_of(facts, field)
        if value is None:
            continue
        kind = facts.evidence.get(field, "")
        threshold = table.thresholds.get(field, 0.0)
        confidence = table.confidence(field, kind)
        if confidence < threshold:
            _clear(facts, field)
            if explain:
                digits = 2 if round(confidence, 2) < round(threshold, 2) else 3  # never "0.50 below 0.50"
                facts.notes.append(f"left out: {field} {value!r}, confidence {confidence:.{digits}f} below "
                                   f"{threshold:.{digits}f}, because {because(kind)}")


def because(kind: str) -> str:
    """An evidence kind in words, for --explain.

    >>> because("en / credit / no lead-in / initials / brackets")
    "read from the English text's credit; nothing says it is a credit; initials only; in closing brackets"
    """
    if not kind:
        return "the reader said nothing of how it found it"
    language, *rest = kind.split(SEP)
    where = {"en": "the English text", "zh": "the Chinese text"}.get(language, language)
    if rest[:1] == ["credit"]:
        where, rest = f"{where}'s credit", rest[1:]
    if rest and rest[-1] in _SPOTS:
        rest[-1] = _SPOTS[rest[-1]]
    return f"read from {where}" + "".join(f"; {_MEANING.get(word, word)}" for word in rest)


# --- the evidence kinds the readers give -------------------------------------------------------------------


def credit_kinds(language: str, credit: Credit, spot: str, rules: Rules, *, strong: bool,
                 shaped: bool) -> dict[str, str]:
    """The kinds of a credit's values: the shape that matched (a registry agency beside the name, a lead-in, an
    outlet the registry does not know, a bare name) and the spot it sat in.

    >>> from catalog.captions.rules import default_rules
    >>> from catalog.captions.types import Credit
    >>> credit_kinds("en", Credit(photographer="Li Xin", agency="Xinhua"), "brackets", default_rules(),
    ...              strong=True, shaped=True)["photographer"]
    'en / credit / with a registry agency / names / brackets'
    """
    registry = credit.agency is not None and rules.agency_kind(credit.agency) is not None
    spot = spot.removeprefix("chinese ")
    kinds = {}
    if credit.photographer:
        shape = ("with a registry agency" if registry else "with a lead-in" if strong
                 else "with an outlet" if shaped else "a name alone")
        kinds["photographer"] = SEP.join((language, "credit", shape, name_shape(credit.photographer), spot))
    if credit.agency:
        kinds["agency"] = SEP.join((language, "credit", "registry" if registry else "not in the registry",
                                    name_shape(credit.agency), spot))
    if credit.provider:
        lead = "with a lead-in" if strong else "a body" if _a_body_by_its_words(credit.provider) else "no lead-in"
        kinds["provider"] = SEP.join((language, "credit", lead, name_shape(credit.provider), spot))
    return kinds


def _a_body_by_its_words(name: str) -> bool:
    """Whether a provider read with no lead-in is one body named by its words ("Lindt County Council", "Quorva Fire
    and Rescue Service", "Jeollanamdo Provincial Government"): a public body's handout credited by its name alone,
    as local papers credit them, as against initials ("FTB"), one word ("Pulse") or a chain of names.

    >>> _a_body_by_its_words("Kent Fire and Rescue Service"), _a_body_by_its_words("Facebook/Lindt Police")
    (True, False)
    """
    from catalog.captions.vocabulary import HANDOUT_BODY_WORDS

    words = name.split()
    return len(words) > 1 and "/" not in name and any(
        word.strip(".,()").casefold() in HANDOUT_BODY_WORDS for word in words)


_INITIALS = compiled(r"[A-Z]{2,5}")
_ODD = compiled(r"[\\\d@#|<>]|[’']s\b")


@lru_cache(maxsize=4096)
def name_shape(name: str) -> str:
    """What a credited name looks like: initials ("TKP"), one word, odd characters (a digit, a backslash, a
    possessive: "Andrew’s Church"), Chinese, or names.

    >>> name_shape("TKP"), name_shape("Screenshot"), name_shape("Andrew’s Church"), name_shape("Li Xin")
    ('initials', 'one word', 'odd characters', 'names')
    """
    if _INITIALS.fullmatch(name):
        return "initials"
    if _ODD.search(name):
        return "odd characters"
    if not name.isascii() and not any(ch.isascii() and ch.isalpha() for ch in name):
        return "chinese"
    return "one word" if len(name.split()) == 1 else "names"


def date_kind(language: str, source: str, cue: str | None, iso: str | None, *spot: str) -> str:
    """The kind of a date: where it was read, the word that says what it is, how precise it is, and (English
    text, ``date_spot``) whether it stands on a line of its own and whether another day is written beside it.

    >>> date_kind("en", "scene", None, "2025-10"), date_kind("zh", "text", "taken", None)
    ('en / scene / first date / month', 'zh / text / taken cue / no year')
    >>> date_kind("en", "text", None, "2023-10-13", "own line", "other days written")
    'en / text / first date / day / own line / other days written'
    """
    precision = "no year" if iso is None else {4: "year", 7: "month"}.get(len(iso), "day")
    word = f"{cue} cue" if cue in ("taken", "released") else "first date"
    return SEP.join((language, source, word, precision, *spot))


#: A word that opens with a letter (a weekday, an outlet's name), not a clock time or a number.
_LETTERS = compiled(r"[^\W\d_][\w.'’-]*")
#: At most this many words beside a date leave it on a line of its own: a weekday, an outlet, a clock's "am".
_LINE_WORDS = 2


def date_spot(text: str, line: tuple[int, int], taken: tuple[int, int], other_days: bool) -> tuple[str, str]:
    """Where a date of the English text sits: "own line" when its line holds at most two words beside it (a page's
    time stamp, "(Ecns.cn) 08:15, October 13, 2023", a diary heading, "Monday, January 28, 2008"), else "in a
    sentence"; and "other days written" when the caption writes another day with a year (a time stamp above a
    scene dated in its sentence), else "one day written". A date on a line of its own is a page's or a post's
    as often as the photo's.

    >>> text = "(Ecns.cn) 08:15, October 13, 2023\\nSnow covers Huanglong, Oct. 12, 2023."
    >>> date_spot(text, (0, 33), (17, 33), True)
    ('own line', 'other days written')
    >>> date_spot(text, (34, 71), (55, 70), True)[0]
    'in a sentence'
    """
    start, end = line
    beside = text[start:taken[0]] + " " + text[taken[1]:end]
    words = sum(1 for _ in islice(_LETTERS.finditer(beside), _LINE_WORDS + 1))  # (counted no further than needed)
    return ("own line" if words <= _LINE_WORDS else "in a sentence",
            "other days written" if other_days else "one day written")


def place_kinds(language: str, how: str, place: Any, found_by: Mapping[str, str] | None = None) -> dict[str, str]:
    """The kinds of a place's values: where the place was read (a labelled line, the scene sentence, a
    dateline...), for a sublocation the phrase it came from (`found_by`: the scene's own place phrase, another
    phrase of the sentence), and what is known of each name; then, for the scene sentence, what opened the
    value's phrase and whether the sentence names other places (`found_by`'s "... opened by" and "scene
    rivals", ``locations.find_places``), and for an English city, province or country whether the gazetteer
    puts it in the same country as the other levels.

    >>> from catalog.captions.types import Place
    >>> place_kinds("en", "scene sentence", Place(city="Hefei", province="Anhui"))["city"]
    'en / scene sentence / known city / chain agrees'
    """
    kinds = {}
    for level in ("sublocation", "city", "province", "country"):
        value = getattr(place, level)
        if value:
            name = _zh_name_kind(value, level) if language == "zh" else _en_name_kind(value, level)
            words = [language, how or "scene sentence", name]
            if found_by and level in found_by:
                words.insert(2, found_by[level])
            if found_by:  # how the phrase was opened, and whether another phrase's places competed with it
                phrase = "sublocation" if level == "sublocation" and "sublocation opened by" in found_by else "scene"
                words += [found_by[key] for key in (f"{phrase} opened by", "scene rivals") if key in found_by]
            if language == "en" and level != "sublocation":
                words.append(_chain_agreement(place, level))
            kinds[level] = SEP.join(words)
    return kinds


@lru_cache(maxsize=4096)
def _en_name_kind(value: str, level: str) -> str:
    from catalog.captions.gazetteer import name_levels
    from catalog.captions.place_names import classify

    written, _ = classify(value)
    if level == "sublocation":
        return {"venue": "venue", "town": "town", "county": "county"}.get(written, "bare name")
    known = name_levels(value)
    if level == "city":
        if known.city_population >= 100_000:
            return "known city"
        if known.city_population:
            return "small city"
        return "marked" if written in ("city", "county", "town", "province") else "unknown name"
    if level == "province":
        return "known" if known.province or written == "province" else "unknown name"
    return "known" if written == "country" or known.country else "unknown name"


def _chain_agreement(place: Any, level: str) -> str:
    """Whether the gazetteer puts a place's value in the same country as its other levels ("Hefei" and
    "China" agree; "Brooklyn" and "Ukraine" would not): "chain agrees", "chain disagrees", or "nothing to
    check" when the value or every other level is a name the gazetteer does not place in a country."""
    own = _country_code(getattr(place, level), level)
    if own is None:
        return "nothing to check"
    others = {code for other in ("city", "province", "country") if other != level and getattr(place, other)
              for code in [_country_code(getattr(place, other), other)] if code}
    if not others:
        return "nothing to check"
    return "chain agrees" if others == {own} else "chain disagrees"


@lru_cache(maxsize=4096)
def _country_code(value: str, level: str) -> str | None:
    """The country the gazetteer puts a value of a level in (a city's: its biggest namesake's)."""
    from catalog.captions.gazetteer import name_levels

    known = name_levels(value)
    if level == "country":
        return known.country
    if level == "province":
        return known.province.partition("-")[0] if known.province else None
    return known.city_country


#: The last characters of a Chinese place name that say its level.
_ZH_SUFFIXES = frozenset("省市县区镇乡村州盟旗")


def _zh_name_kind(value: str, level: str) -> str:
    if level == "sublocation":
        return "admin suffix" if value[-1:] in _ZH_SUFFIXES else "venue"
    if level in ("province", "country"):
        return "known"
    return "admin suffix" if value[-1:] in _ZH_SUFFIXES else "bare name"
