"""Venues the register knows (``catalog/rules/venues.toml``), found in the scene's sentence and weighed.

The chain readers find a venue by its generic word ("Luogang Park", "骆岗公园") or by its place in a chain
("at the Bund in Shanghai"). A venue written alone with no generic word ("Xi Jinping meets ... at Zhongnanhai,
Nov. 4", "Fans celebrate at Wembley on Saturday", "游客在陆家嘴游玩") gives them nothing to go on: no gazetteer
knows such names. The venue register does; this module is where it is used. It only proposes: a name found is
kept as the sublocation, as the caption writes it, when what is written around it supports it, each signal
weighted in the rules (English: ``[value_scores]`` ``registered_*`` in ``place_evidence.toml``; Chinese:
``registered`` with the venue finder's other signals in ``[venue_scores]`` of ``chinese.toml``). It never
fills the city: a city the caption does not write stays empty (the gazetteer's `resolved` place may give it).
Worked examples::

    Xi Jinping meets Joe Biden at Zhongnanhai, Nov. 4, 2025.     sublocation Zhongnanhai (after "at")
    Fans celebrate at Wembley on Saturday.                        sublocation Wembley, not the city
    A Kremlin spokesman speaks to reporters on Monday.            nothing: a noun after it makes it a body
    10月1日，游客在陆家嘴游玩。                                      sublocation 陆家嘴 (after 在, an activity after)
    10月1日，市民在海港城购物。                                      sublocation 海港城 (not the 海港 the chain read)

A name the gazetteer knows as a city of 100,000 people or more, a province or a country is never proposed
(the chain readers place it), nor an English name that is only part of a longer capitalised name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from catalog.captions.text import Token, is_capitalised, tokens
from catalog.captions.types import Place
from catalog.patterns import compiled

if TYPE_CHECKING:  # the register is read on the first caption that needs it, not when the parser is imported
    from catalog.venues import Venue, VenueRegister

#: Words before a venue that put the photo in or at it ("at Zhongnanhai", "outside Downing Street").
_PLACE_WORDS = frozenset({"at", "in", "inside", "outside", "on", "around", "across", "over", "beside", "atop",
                          "within", "through", "along", "into", "onto", "off"})
#: Words to step over between that word and the name: "at the Kremlin", "at the historic Bund".
_BEFORE_NAME = frozenset({"the", "his", "her", "their", "its", "iconic", "historic", "famous", "landmark",
                          "renovated", "packed", "crowded", "newly", "new", "old", "ancient"})
#: Nouns after a name that make it a body or a team, not the scene: "a Kremlin spokesman", "Wall Street banks".
_MODIFIED_NOUNS = frozenset({"official", "officials", "spokesman", "spokeswoman", "spokesperson", "press",
                             "aide", "aides", "source", "sources", "banks", "bank", "traders", "trader", "insiders",
                             "insider", "adviser", "advisers", "advisor", "staff", "chief", "correspondent",
                             "said", "says", "announced", "stocks", "shares", "investors", "index", "talks"})
#: A city this large in the gazetteer is a city, not a venue of the same name.
KNOWN_CITY = 100_000


@dataclass(frozen=True)
class Spot:
    """A registered venue written in a sentence: as written, where, the register's entry, and its evidence."""

    written: str
    start: int
    end: int
    venue: Venue
    score: float
    signals: tuple[str, ...]


def english_spots(text: str, span: tuple[int, int], register: VenueRegister,
                  weights: Mapping[str, float]) -> list[Spot]:
    """Every registered venue written in text[span[0]:span[1]], each with its weighted evidence.

    >>> from catalog.venues import shipped_register
    >>> from catalog.captions.place_evidence import shipped_weights
    >>> text = "Xi Jinping meets Joe Biden at Zhongnanhai, Nov. 4, 2025."
    >>> [(s.written, s.signals) for s in english_spots(text, (0, len(text)), shipped_register(),
    ...                                                 shipped_weights().values)]
    [('Zhongnanhai', ('registered_venue', 'registered_after_preposition'))]
    """
    if not _may_begin_a_name(text, span, register.first_words):
        return []  # (the sentence's capitalised words begin no registered name: it is not tokenised)
    toks = tokens(text, span[0], span[1])
    found: list[Spot] = []
    i, n = 0, len(toks)
    while i < n:
        if not is_capitalised(toks[i].text) or (i and _inside_a_name(toks, i)):
            i += 1
            continue
        hit = _longest_name(text, toks, i, register)
        if hit is None:
            i += 1
            continue
        end, venue, written = hit
        if not _known_as_a_place(written):
            signals = ["registered_venue"]
            if _after_a_place_word(toks, i):
                signals.append("registered_after_preposition")
            if end < n and (toks[end].lower in _MODIFIED_NOUNS or _names_a_team(toks[end].text)):
                signals.append("registered_as_modifier")
            score = sum(weights.get(s, 0.0) for s in signals)
            found.append(Spot(written, toks[i].start, toks[i].start + len(written), venue, score, tuple(signals)))
        i = end
    return found


def _may_begin_a_name(text: str, span: tuple[int, int], firsts: Mapping[str, int]) -> bool:
    """Whether a capitalised word of text[span[0]:span[1]], or its possessive's owner, begins a registered name."""
    for match in _CAPITALISED.finditer(text, span[0], span[1]):
        word = match.group()
        if _word_key(word) in firsts:
            return True
        # (a word not ending in "s" is its own owner, already looked up)
        if word[-1] == "s" and _word_key(word.removesuffix("'s").removesuffix("’s")) in firsts:
            return True
    return False


def _inside_a_name(toks: list[Token], i: int) -> bool:
    """Whether toks[i] continues a capitalised name begun before it ("Jiangsu Lujiazui Holdings"). An owner in the
    possessive before it begins no name it continues: "Samarkand's Registan", "Beijing’s Zhongnanhai" name the
    owner's venue, as "the Registan" would (the owner is a token of its own, "Samarkand's")."""
    before = toks[i - 1]
    return is_capitalised(before.text) and before.lower not in ("the", "a", "an") and (
        before.end >= toks[i].start - 1) and not before.text.endswith(_POSSESSIVE_ENDINGS)


#: The endings of an owner's name in the possessive, as the tokens keep them.
_POSSESSIVE_ENDINGS = ("'s", "’s")


def _longest_name(text: str, toks: list[Token], i: int, register: VenueRegister) -> tuple[int, Venue, str] | None:
    """The longest registered name starting at toks[i] that ends where the capitalised name ends."""
    first = toks[i].text
    words = register.first_words.get(_word_key(first)) or register.first_words.get(
        _word_key(_without_possessive(first) or ""))
    if not words:
        return None  # (most capitalised words begin no venue's name: one look-up, no window tried)
    for k in range(min(len(toks), i + words + _PUNCTUATION_TOKENS), i, -1):
        if k < len(toks) and is_capitalised(toks[k].text) and toks[k].lower not in ("in", "at", "on", "near"):
            continue  # "Wembley Park Station": a longer name than the registered one
        if not toks[k - 1].text[:1].isalnum():
            continue  # a name ends with a word, not with the comma or stop after it
        written = text[toks[i].start:toks[k - 1].end]
        for name in (written, _without_possessive(written)):
            venue = register.english.get(_key_of()(name)) if name else None
            if venue is not None and name:
                return k, venue, name
    return None


#: A capitalised word, as a quick look before the sentence is tokenised. (The capital first, the character before it
#: looked at behind it: the engine skips to capitals at once instead of trying the look-behind at every character.)
_CAPITALISED = compiled(r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)[\w'’.-]*")

#: Tokens a name may hold besides its words ("St. Peter's Square": the stop, the apostrophe).
_PUNCTUATION_TOKENS = 3


@lru_cache(maxsize=16384)
def _word_key(word: str) -> str:
    return _key_of()(word)


@lru_cache(maxsize=1)
def _key_of():
    """`catalog.venues.key_of`, imported on the first call, not when the parser is imported (an import statement
    run at each capitalised word cost about a microsecond each time)."""
    from catalog.venues import key_of

    return key_of


def _without_possessive(written: str) -> str | None:
    for ending in ("'s", "’s"):
        if written.endswith(ending):
            return written[: -len(ending)]
    return None


def _after_a_place_word(toks: list[Token], i: int) -> bool:
    from catalog.captions.vocabulary import VENUE_OBJECT_VERBS

    k = i - 1
    while k >= 0 and k >= i - 3 and toks[k].lower in _BEFORE_NAME:
        k -= 1
    return k >= 0 and (toks[k].lower in _PLACE_WORDS or toks[k].lower in VENUE_OBJECT_VERBS)


def _names_a_team(word: str) -> bool:
    from catalog.captions.place_evidence import names_a_team

    return names_a_team(word)


def _known_as_a_place(name: str) -> bool:
    """A name the tables or the gazetteer place on the map: a country, a province, a large city."""
    from catalog.captions.gazetteer import name_levels
    from catalog.captions.place_names import classify

    if classify(name)[0] in ("country", "province", "city", "county"):
        return True
    known = name_levels(name)
    return bool(known.country or known.province or known.city_population >= KNOWN_CITY)


def registered_english(place: Place, text: str, span: tuple[int, int] | None, register: VenueRegister,
                       weights: Mapping[str, float]) -> Spot | None:
    """Fill `place` (in place) with a registered venue of the scene sentence when the chains gave no sublocation
    and its evidence reaches the threshold; a city read from the same words (the chain took "at Wembley" for a
    town) is then left out. Returns the spot taken, or None."""
    if span is None or place.sublocation:
        return None
    spots = [s for s in english_spots(text, span, register, weights)
             if s.score >= weights["threshold"] and not _placed_elsewhere(place, s)]
    if not spots:
        return None
    best = max(spots, key=lambda s: (s.score, -s.start))
    if place.city and place.city.casefold() == best.written.casefold():
        place.city = None
    elif place.city and place.city.casefold() in best.written.casefold():
        return None  # "at Wembley Stadium" read as a city? the chain's reading of a longer name stands
    place.sublocation = best.written
    return best


#: "at the" or "on the", then one to three capitalised words (or numbers: "the 40 Quorva"), then where the name ends:
#: its clause's end, a time, or what the visit was for; "on the" only before the town it is in (checked below).
_LONE_NAME = re.compile(
    r"((?:[A-Z0-9][\w'’&-]*)(?: [A-Z0-9][\w'’&-]*){0,2})"
    r"(?=\.(?:\s|$)|[,;()]|$| (?:today|yesterday|tonight|during|for|after|before)\b"
    r"| this (?:morning|afternoon|evening)\b| on [A-Z])")
_YEAR_OR_ORDINAL = re.compile(r"\d{4}|\d+(?:st|nd|rd|th)", re.IGNORECASE)
#: A match between two sides earlier in the sentence, then "at" and a name with no "the" ending its clause: the
#: ground it was played at ("the match against Quorvans at Quorva Moor."), not a town (which the gazetteer knows).
_MATCH_WORDS = ("match", "game", "fixture", "clash", "derby", "tie")
_SIDES_WORDS = (" against ", " between ", " v ", " vs", " versus ")
_GROUND = re.compile(
    r"\b(?:match|game|fixture|clash|derby|tie)\b[^.;]{0,80}?\b(?:against|between|v|vs\.?|versus)\b[^.;]{0,60}?"
    r"\bat ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})(?=\.(?:\s|$)|[,;()]|$| (?:on|during|after|before)\b)")


def lone_english(place: Place, text: str, span: tuple[int, int] | None) -> str | None:
    """Fill `place` (in place) with a name that has no venue word but the shape of a site, when the chains and the
    register gave no sublocation: "Fans queue at the Quorvane.", "pictured at the Quorvane today", "wait on the
    Long Quorva, in Windsor" (the town read already). A town takes no "the", and a name ending its clause after "at
    the" is where someone is; an event's or a body's word in it ("at the Quorva Festival", "at the UN"), a year or
    an ordinal, or a place the gazetteer knows rules it out (``[lone_names]`` of place_evidence.toml). After "on
    the" the name must be followed by "in" and the town read ("on the Quorva Line" alone is a railway's, a route's).
    Returns the name taken, or None."""
    from catalog.captions.place_evidence import names_an_event_or_body

    if span is None or place.sublocation:
        return None
    start, end = span
    for _at, prep, match in sorted(_after_the(text, start, end)):
        name = match.group(1)
        words = name.split()
        if name.isdigit() or any(names_an_event_or_body(w) or _YEAR_OR_ORDINAL.fullmatch(w) for w in words):
            continue
        if prep == "on" and not (place.city and re.match(
                r",? in " + re.escape(place.city) + r"\b", text[match.end():end])):
            continue
        if _known_as_a_place(name) or (place.city and name.casefold() == place.city.casefold()):
            continue
        place.sublocation = name
        return name
    sentence = text[start:end]
    ground = _GROUND.search(text, start, end) if " at " in sentence and any(
        w in sentence for w in _MATCH_WORDS) and any(w in sentence for w in _SIDES_WORDS) else None
    if ground is not None:
        name = ground.group(1)
        known = _town_or_place(name)
        if not known and not any(names_an_event_or_body(w) for w in name.split()):
            place.sublocation = name
            return name
    return None


def named_site_english(place: Place, text: str, span: tuple[int, int] | None,
                       values: Mapping[str, float] | None = None) -> str | None:
    """Fill `place` (in place) with a site named by its own venue word anywhere in the scene's sentence,
    when no preposition, the register or a lone name gave a sublocation: the object of any verb ("snips the ribbon to
    open the Quorva Bridge", "Performers bring Quorva Street to a standstill", "who owns Quorva Bar"), a subject
    ("Each day Quorva Falls Dam spills ...", "this Quorva Festival Ground holds ..."), a name set after a comma ("Main
    stairway, Quorva County Courthouse"). The name is read as a chain is (``place_chains.read_object``) and must be a
    venue of two words or more whose last word is a capitalised venue word that closes no town's or backdrop's name
    (``_BACKDROP_WORDS``: "Creek", "Lake", "River", "Hall" end towns, landscapes behind the scene and people). It is
    passed over when the signals around it make it something else than the scene: a person's or a body's word after
    it ("the European Quorva president", "Quorva High School football team"), a disaster's ("the Quorva Complex
    fires"), an owner or an article before it ("his Great Quorva", "a Quorva church"), "from"/"by"/"credit" before
    it (an origin, an agent, a source), quotes around it (a title), a name in capitals or with digits ("ONE U.N.
    HOUSE", "Number 19 Public Road"), a larger name run on after "and" ("Quorva Bridge and Road Corporation"), a
    province after a comma (a town: "Quorva Bridge, P.E.I."), a person's name and "of" before it (theirs: "Pastor Jo
    Ruiz of Quorva Church handed over ...", ``place_chains.a_person_of_a_place``), or a town written with it that is
    not the city read ("teaching at Quorva High School in New Orleans" when the scene is LaPlace; "Ayodhya's Ram
    Temple" in Kolkata).
    The gazetteer's towns, small ones too, are never taken. The name's own evidence is weighed first (``named_site*``
    in ``[value_scores]``, `values`; the shipped ones when None): a capitalised venue word closing it is enough; one in
    small letters after a capitalised name ("the Quorva-Lindt road", "The Legislative Quorva building") needs "the"
    right before the name too, as "a Quorvan house", "Quorvan street artist", "Worshippers stream out" name no
    site. Returns the name taken, or None."""
    from catalog.captions.place_chains import a_person_of_a_place, read_object
    from catalog.captions.vocabulary import PREPOSITIONS, TITLE_WORDS, VENUE_WORDS

    if span is None or place.sublocation or "background" in text[span[0]:span[1]]:
        return None  # ("The Quorva Palace is seen in the background as children play": not the scene)
    if values is None:
        from catalog.captions.place_evidence import shipped_weights
        values = shipped_weights().values
    threshold, base, small, the = (values["threshold"], values["named_site"], values["named_site_small_kind"],
                                   values["named_site_after_the"])
    small_kind = base + small + max(the, 0.0) >= threshold  # (whether a venue word in small letters can reach it)
    toks = tokens(text, span[0], span[1])
    if not any(t.lower in VENUE_WORDS and t.lower not in _BACKDROP_WORDS and (t.text[:1].isupper() or small_kind and (
            m and toks[m - 1].text[:1].isupper())) for m, t in enumerate(toks)):
        return None  # (the cheap test first: most sentences name no site by a venue word after a capital)
    n = len(toks)
    i = 0
    while i < n:
        if not is_capitalised(toks[i].text) or i and is_capitalised(toks[i - 1].text):
            i += 1
            continue
        chain, j = read_object(toks, i)
        if chain is None or chain.elements[0].level != "venue":
            i = max(j, i + 1)
            continue
        site = chain.elements[0]
        words = site.value.split()
        last = words[-1]
        if len(words) < 2 or last.casefold() not in VENUE_WORDS or last.casefold() in _BACKDROP_WORDS or (
                _site_evidence(toks, i, words, base, small, the, text[site.end:site.end + 4]) < threshold):
            i = max(j, i + 1)
            continue
        k = i - 1 if i and toks[i - 1].lower != "the" else i - 2
        before = toks[k].lower if k >= 0 else ""
        end = next((m for m in range(i, n) if toks[m].end >= site.end), j)
        after = [toks[m].text for m in range(end + 1, min(end + 3, n))]
        # the sentence's first site named so is the one weighed: a later one is its background, or another's
        if (not site.value.isupper() and not any(ch.isdigit() for ch in site.value)
                and not a_person_of_a_place(chain)  # ("Pastor Jo Ruiz of Quorva Church handed over ...": his)
                and before not in _NOT_BEFORE_A_NAMED_SITE and before not in TITLE_WORDS
                and before not in PREPOSITIONS  # (the chains weighed a name after one: "near the X Cathedral")
                and "credit" not in (t.lower for t in toks[max(0, i - 4):i])
                and not _something_else_after(after)
                and not _placed_in_another_town(chain, place) and not _town_or_place(site.value)
                and not (place.city and 0 <= text.find(place.city, span[0], site.start))):
            # (a city read before the site places the scene first: the site after it is another clause's, "in
            # Leeds on Monday, while the Quorvan Theatre across town stays shut")
            place.sublocation = site.value
            return site.value
        return None
    return None


def _site_evidence(toks: list[Token], i: int, words: list[str], base: float, small: float, the: float,
                   after: str) -> float:
    """The evidence a named site's own words give it (``named_site_english``): `base`, plus `small` when its venue
    word is written in small letters after a capitalised word ("the Quorva-Lindt road"), plus `the` when "the" stands
    right before the name (or opens it). `after` is the text right after the name."""
    last = words[-1]
    if last[:1].isupper():
        small_letters = 0.0
    elif words[-2][:1].isupper() and not any(word.endswith(("'s", "’s")) for word in words) and not (
            _OF_AFTER.match(after)):
        small_letters = small
    else:
        # ("the Quorvan old market": no capital right before its word; "the Quorva Guard's Lindt area": an owner's
        # part, named by its owner; "the Quorva complex of the party": a common noun "of" qualifies, no site's name)
        return float("-inf")
    after_the = the if toks[i].lower == "the" or i and toks[i - 1].lower == "the" else 0.0
    return base + small_letters + after_the


_OF_AFTER = compiled(r"\s+of\b")


#: Venue words that end towns' names, landscapes seen behind the scene, or people's surnames ("Quorva Creek",
#: "the Quorva Mountains in the background", "Dean Hall"): not taken by named_site_english, which has no
#: preposition of place to go on.
_BACKDROP_WORDS = frozenset({"green", "point", "creek", "park", "springs", "spring", "falls", "harbor", "harbour",
                             "beach", "heights", "hills", "hill", "bay", "gardens", "lake", "valley", "forest",
                             "grove", "ridge", "rapids", "fort", "port", "bluff", "bluffs", "landing", "crossing",
                             "station", "wells", "field", "fields", "center", "centre", "circle", "river", "rivers",
                             "mountain", "mountains", "hall", "wall"})
#: Words right before a site's name (or its "the") that make it no scene: an article or an owner (an unnamed kind,
#: someone's thing), an origin, an agent, quotes or a bracket (a title, a gloss), a dash (a heading's aside).
_NOT_BEFORE_A_NAMED_SITE = frozenset({"a", "an", "his", "her", "their", "its", "our", "my", "from", "by",
                                      "courtesy", "now", '"', "“", "‘", "'", "(", "-", "–", "—"})


def _something_else_after(after: list[str]) -> bool:
    """Whether the (up to two) words after a site's name make it a body's, a person's, a team's or a disaster's
    name, or the start of a longer name ("Quorva Bridge and Road Corporation")."""
    from catalog.captions.place_chains import PEOPLE_OF_A_PLACE
    from catalog.captions.place_evidence import names_a_body, names_a_disaster, names_a_person, names_a_team
    from catalog.captions.vocabulary import TITLE_WORDS

    if not after:
        return False
    first = after[0].casefold()
    if names_a_body(first) or names_a_person(first) or names_a_team(after[0]) or names_a_disaster(after[0]) or (
            first in TITLE_WORDS or first in PEOPLE_OF_A_PLACE):
        return True
    if len(after) > 1 and (names_a_team(after[1]) or first == "and" and is_capitalised(after[1])):
        return True  # "the Quorva High School football team", "Quorva Bridge and Road Corporation"
    return False


def _placed_in_another_town(chain, place: Place) -> bool:
    """Whether the chain read at a site names a province after a comma (the name is then a town's: "Quorva Bridge,
    P.E.I.") or a town that is not the city read for the scene ("at Quorva High School in New Orleans" below a
    LaPlace dateline; "Ayodhya's Ram Temple" recreated in Kolkata)."""
    for element in chain.elements[1:]:
        if element.link == "," and element.level == "province":
            return True
        if element.level in ("place", "city", "town") and element.link in ("'s", "in", ",") and (
                place.city is None or element.value.casefold() != place.city.casefold()):
            return True
    return False


def _after_the(text: str, start: int, end: int) -> list[tuple[int, str, re.Match]]:
    """Each "at the" or "on the" of text[start:end] with the lone name after it: (where, "at" or "on", the name's
    match). Found by plain search first (a regular expression tried at every letter was the slower)."""
    found = []
    for prep in ("at the ", "on the "):
        k = text.find(prep, start, end)
        while k >= 0:
            if k == start or not text[k - 1].isalnum():
                match = _LONE_NAME.match(text, k + len(prep), end)
                if match is not None:
                    found.append((k, prep[:2], match))
            k = text.find(prep, k + 1, end)
    return found


def _town_or_place(name: str) -> bool:
    """A name the tables or the gazetteer know as any place, a small town too (a side plays "at Quorvton")."""
    from catalog.captions.gazetteer import name_levels

    known = name_levels(name)
    return _known_as_a_place(name) or bool(known.city_population or known.town_population)


def _placed_elsewhere(place: Place, spot: Spot) -> bool:
    """Whether the caption puts the scene in another country than the register's venue of that name: "a camp in
    Arbat, Iraq" is a town of Iraq, not Moscow's Arbat street; "at Wembley, Sydney" is no London stadium. The
    country the caption writes, or the country of the city it names (other than the venue's own words), decides."""
    from catalog.captions.gazetteer import name_levels
    theirs = _SOVEREIGN.get(spot.venue.country, spot.venue.country)
    if place.country:
        code = name_levels(place.country).country
        if code and _SOVEREIGN.get(code, code) != theirs:
            return True
    if place.city and place.city.casefold() not in spot.written.casefold():
        code = name_levels(place.city).city_country
        if code and _SOVEREIGN.get(code, code) != theirs:
            return True
    return False


#: Territories a caption may place in their sovereign's country or apart ("Tamar, Hong Kong, China"; "St. Peter's
#: Square, Vatican City" or "Rome, Italy"): for the check above they are the same country.
_SOVEREIGN = {"HK": "CN", "MO": "CN", "TW": "CN", "VA": "IT", "SM": "IT", "PS": "IL", "PR": "US", "GU": "US",
              "VI": "US", "XK": "RS", "GI": "GB", "IM": "GB", "JE": "GB", "GG": "GB", "MC": "FR"}


# --- Chinese ---------------------------------------------------------------------------------------------------


def chinese_spots(plain: str, start: int, end: int, register: VenueRegister) -> list[tuple[int, int, Venue]]:
    """Every registered Chinese name in plain[start:end] (simplified text), the longest at each place, not
    overlapping: (start, end, venue)."""
    found: list[tuple[int, int, Venue]] = []
    firsts = register.first_characters
    if not firsts:
        return found
    next_first, pairs, singles = _first_characters(register)  # (a jump to the next character a name begins
    # with, not a step over every character of the sentence)
    at = start
    while (first := next_first.search(plain, at, end)) is not None:
        at = first.start()
        if plain[at:at + 2] not in pairs and plain[at] not in singles:
            at += 1  # (no name begins with these two characters: most characters a name begins with begin none here)
            continue
        for length in firsts[plain[at]]:
            if at + length <= end and (venue := register.chinese.get(plain[at:at + length])) is not None:
                found.append((at, at + length, venue))
                at += length
                break
        else:
            at += 1
    return found


#: The first characters of each register's Chinese names as one character class, their first two characters and
#: its names of one character, by the register's id (the entry holds the register, so that id is not another's
#: while it is kept; registers are few: the shipped one and a house's).
_FIRST_CHARACTERS: dict[int, tuple[VenueRegister, re.Pattern, frozenset[str], frozenset[str]]] = {}


def _first_characters(register: VenueRegister) -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    """A character class of the characters the register's Chinese names begin with, the first two characters of
    its names of two or more and its names of one, made once per register."""
    made = _FIRST_CHARACTERS.get(id(register))
    if made is None or made[0] is not register:
        if len(_FIRST_CHARACTERS) >= _REGISTERS_KEPT:
            _FIRST_CHARACTERS.clear()
        characters = "".join(sorted(register.first_characters))
        made = _FIRST_CHARACTERS[id(register)] = (
            register, compiled(f"[{re.escape(characters)}]"),
            frozenset(name[:2] for name in register.chinese if len(name) >= 2),
            frozenset(name for name in register.chinese if len(name) == 1))
    return made[1:]


_REGISTERS_KEPT = 8


#: A preposition of place (or "to" after a verb of moving), a name in capitals that owns what follows ("Quorvagrad's",
#: "Quorvas'"), an optional word of praise, then one to four capitalised words (with the small links of a foreign
#: name: "de la", "del", "of"), in quotes or not: "moved to Quorvagrad's Fira Quorva", "a stroll in Quorvas' Bois de
#: la Quorve", "on show at Quorvagrad's \"Quorvon\" square".
_OWNED_SITE = compiled(
    r"\b(?:in|at|to|on|inside|outside|near|around|across|along|through|beside)[ \t]+"
    r"(?P<owner>[A-Z][a-z\u00DF-\u024F\-]+(?:[ \t]+[A-Z][a-z\u00DF-\u024F\-]+)?)(?:['’]s|(?<=s)['’])[ \t]+"
    r"(?:(?:famous|iconic|historic|old|landmark)[ \t]+)?(?P<quote>[\"“]?)"
    r"(?P<name>[A-Z][\w'’\-]*(?:[ \t]+(?:(?:de|la|le|del|des|du|of|al|el)[ \t]+)*[A-Z][\w'’\-]*){0,3})"
    r"(?P<close>[\"”]?)(?=(?P<after>[ \t]+[a-z]+\b|[ \t]*[,.;:/()]|[ \t]*$))")
#: Lower-case words after an owned name that make it a town's division or the owner's own thing, not a site:
#: "Quorvagrad's Quorva upazila", "Quorvagrad's Quorva district" (the city's stand-in, read as such elsewhere).
_NOT_A_SITE_AFTER = frozenset({"upazila", "district", "county", "province", "state", "region", "ward", "township",
                               "municipality", "division", "prefecture", "city", "town", "village", "team", "side",
                               "club", "fans", "mayor", "police", "council", "government", "festival", "day", "week",
                               "show", "season", "university", "school"})


def owned_site_english(place: Place, text: str, span: tuple[int, int] | None) -> str | None:
    """Fill `place` (in place) with a name owned by a large city after a preposition of place, when nothing else
    read a venue: "the show moved to Quorvagrad's Fira Quorva", "a stroll in Quorvas' Bois de la Quorve", "on show
    at Quorvagrad's \"Quorvon\" square". A city of 100,000 people or more (not a country, nor a province) owning a
    capitalised name is the town of a site in it; the chains read a venue only by its venue word, so a site named
    without one was missed. Passed over when the name is a place the gazetteer knows (a town of the city), a
    person's, a team's, an event's or a body's, holds a year, or is followed by a word of a town's division, a
    body, an event or a team ("Quorvagrad's Quorva upazila", "Quorvagrad's Quorva Festival day"); only when the
    city read, if any, is the owner. Returns the name taken, or None."""
    from catalog.captions.gazetteer import name_levels
    from catalog.captions.place_evidence import names_a_person, names_a_team, names_an_event_or_body

    if span is None or place.sublocation:
        return None
    start, end = span
    if text.find("'", start, end) < 0 and text.find("’", start, end) < 0:
        return None  # (the cheap test first: most sentences hold no possessive)
    for match in _OWNED_SITE.finditer(text, start, end):
        owner, name = match.group("owner"), match.group("name")
        levels = name_levels(owner)
        if levels.country or levels.province or levels.city_population < KNOWN_CITY:
            continue
        if place.city and place.city.casefold() != owner.casefold():
            continue
        after = match.group("after").strip()
        words = name.split()
        if after.casefold() in _NOT_A_SITE_AFTER or any(
                names_an_event_or_body(w) or names_a_person(w) or names_a_team(w) or _YEAR_OR_ORDINAL.fullmatch(w)
                for w in words) or _town_or_place(name) or name.isupper() and len(name) > 1:
            continue
        place.sublocation = name
        return name
    return None


def site_by_its_kind_english(place: Place, text: str, span: tuple[int, int] | None) -> str | None:
    """Fill `place` (in place) with a site named by its kind in small letters and what it holds or honours, after a
    preposition of place, when nothing else read a venue: "lay wreaths at the monument to the Quorvan Defenders",
    "streamed to the holy shrine of the eighth Quorvan Imam", "a play along the narrow street of Quorvejas", "held
    at the nearby ruins of Quorvaman". The chains read a venue by a capitalised venue word ("Quorva Shrine") and
    read "of" a venue's name only when its own word closes it, so a site written kind first was missed. The kinds
    are built sites (``_SITE_KINDS``), not areas ("the centre of", "the coast of", "the fields of" name a part of
    a town or a land); the name after "of" or "to" must be no place the gazetteer knows, small towns included ("the
    market of Kabul" is the city's, "the palace of Versailles" the town's), nor the town the chains read ("in the
    ruins of Quorvakert, Syria"). The value is the kind and its name, as written. Returns it, or None."""
    if span is None or place.sublocation:
        return None
    start, end = span
    if text.find(" the ", start, end) < 0:
        return None  # (the cheap test first: every match holds "the")
    for match in _SITE_BY_ITS_KIND.finditer(text, start, end):
        name = match.group("name")
        if match.group("kind") not in _SITE_KINDS or _town_or_place(name) or (
                place.city and place.city.casefold() == name.casefold()):
            continue  # ("in the ruins of Quorvakert, Syria": the town the chain read, written with its country)
        value = match.group("site")
        place.sublocation = value
        return value
    return None


#: A preposition of place, "the", one describing word or none, a kind of site in small letters, "of" or "to" (and
#: "the" with a describing word: "of the eighth Quorvan Imam"), then a capitalised name ("Quorvan Defenders of
#: Marrowgrad").
_SITE_BY_ITS_KIND = compiled(
    r"\b(?:at|on|in|inside|outside|near|by|to|into|along|across|through|around|past|beside)[ \t]+the[ \t]+"
    r"(?:[a-z]+[ \t]+)?(?P<site>(?P<kind>[a-z]+)[ \t]+(?:of|to)[ \t]+(?:the[ \t]+(?:[a-z]+[ \t]+)?)?"
    r"(?P<name>[A-Z\u00C0-\u024F][\w’'\-]*(?:\.(?=[ \t]+[A-Z]))?"
    r"(?:[ \t]+(?:(?:of|de|the)[ \t]+)?[A-Z\u00C0-\u024F][\w’'\-]*(?:\.(?=[ \t]+[A-Z]))?)*))")
#: Kinds of built sites named after what they hold or honour ("the shrine of", "the monument to", "the ruins of"):
#: a place the photo is at. Areas and parts of a town or a land ("centre", "coast", "fields", "grounds") are not.
_SITE_KINDS = frozenset({
    "monument", "memorial", "shrine", "tomb", "mausoleum", "ruins", "church", "chapel", "basilica", "cathedral",
    "mosque", "temple", "monastery", "palace", "castle", "fort", "fortress", "baths", "pavilion", "cemetery",
    "compound", "street", "square", "avenue", "market", "bazaar",
})
