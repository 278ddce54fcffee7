"""The scene's place phrase chosen from a scored list of candidates, or none when no candidate scores enough.

Every place chain of the scene sentence (``place_chains.py``) is a candidate. Each is given signals, and a
signal's weight is data (``[scores]`` in ``catalog/rules/place_evidence.toml``), so that a newsroom tunes the
balance without touching code: what the gazetteer knows of its names, the larger places written after the
first (an administrative chain: "X, Y County, Z Province"), the preposition that introduced it ("near"
puts the photo beside the place), its position (how far from the photo's date, after a clause of background)
and its shape (one unknown name alone, one of a pair or of a list of places). The best candidate is kept when
its score reaches the threshold; else the parser abstains, and ``parse-caption --explain`` says why.
Worked examples (the default weights)::

    Fans celebrate in Buenos Aires after their team beat France in the final in Qatar, Dec. 18, 2022
        in Buenos Aires: far from the date -0.53       in Qatar: after background -20 (Buenos Aires is kept)
    A procession near Bhopal, India, then prayers at the Lal Parade Ground in Bhopal
        near Bhopal: near -20                          in Bhopal: kept
    Shoppers in Marimekko on Friday      in Marimekko: one unknown name alone -100, below the threshold: none
    ties between Korea and the Czech Republic            in Korea: one of a pair -100: none

The weights were set on the labelled tune split: what the gazetteer knows of a chain's names is measured
but weighs nothing by default (any weight made the scene chain lose to a farther chain with more known
names more often than it helped); the distance from the date and the chain's shape decide.

>>> from catalog.captions.place_chains import read_chains
>>> from catalog.captions.text import tokens
>>> text = "Fans celebrate in Buenos Aires after their team beat France in the final in Qatar, Dec. 18, 2022."
>>> date = (text.index("Dec."), len(text) - 1)
>>> best, scored = choose(read_chains(tokens(text, 0, len(text))), text, date, len(text))
>>> best.chain.elements[0].value, [s.why() for s in scored]
('Buenos Aires', ['far from the date -0.53', 'after background -20, far from the date -0.02'])
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from catalog.cachedir import shipped_toml
from catalog.captions.gazetteer import name_levels
from catalog.captions.place_chains import Chain
from catalog.captions.place_evidence import (
    PLACED_BY_REFERENCE,
    background_clauses,
    names_a_language,
    shipped_weights,
)
from catalog.captions.place_names import Element, classify
from catalog.captions.vocabulary import MONTHS, STREET_WORDS, WEEKDAYS
from catalog.patterns import compiled, longest_first


@dataclass(frozen=True)
class Scored:
    """A candidate chain, its score and the signals that made it (name, points), for ``--explain``."""

    chain: Chain
    score: float
    signals: tuple[tuple[str, float], ...]

    def why(self) -> str:
        """The signals that counted, e.g. "known city +1.5, far from the date -0.4"."""
        return ", ".join(f"{name} {points:+g}" for name, points in self.signals if points) or "no signal"


def weights() -> Mapping[str, float]:
    """The shipped signals' weights and threshold, from ``[scores]`` in ``catalog/rules/place_evidence.toml``."""
    return shipped_weights().scores


def choose(chains: list[Chain], text: str, anchor: tuple[int, int] | None, end: int,
           w: Mapping[str, float] | None = None) -> tuple[Scored | None, list[Scored]]:
    """The best-scored chain of a sentence ending at `end`, if it reaches the threshold, and every candidate.

    Only chains that name a place on the map are candidates (a chain of venues alone places nothing). `w`
    are the weights in force (the shipped ones when None).
    """
    candidates = [c for c in chains if c.has_geo]
    if not candidates:
        return None, []
    w = w or weights()
    shapes = {id(c): _shape(c, text, w) for c in candidates}
    # The position of a clause of background counts from the first chain that may be the scene's.
    plausible = [c for c in candidates if shapes[id(c)][1] == 0]
    preferred = [c for c in plausible if not c.near] or plausible
    clause = None
    if len(preferred) > 1:
        clause = next(iter(background_clauses(text, preferred[0].end, end)), None)
    scored = []
    for chain in candidates:
        signals = list(shapes[id(chain)][0])
        signals.append(("near", w["near"] if chain.near else 0.0))
        late = clause is not None and chain in preferred and chain.start > clause and not (
            _NEW_PHRASE.search(text, max(0, chain.start - 24), chain.start))
        signals.append(("after background", w["after_background"] if late else 0.0))
        signals.append(("unknown names only", w["unknown_names_only"] if unknown_names_only(chain) else 0.0))
        signals.append(("a part named before it", w["part_named_before"] if chain.after_a_part else 0.0))
        signals.append(("a member's place", w["member_of"] if chain.of_a_member else 0.0))
        signals.append(("a city as a modifier", w["city_as_modifier"] if chain.as_modifier else 0.0))
        signals.append(("a city as the subject", w["city_as_subject"] if chain.as_subject else 0.0))
        if w["known_town_at_the_date"] and shapes[id(chain)][1] and chain.elements[0].town:
            signals.append(("a town GeoNames knows at the date", w["known_town_at_the_date"]
                            if a_known_town_at_the_date(chain, text, anchor) else 0.0))
        if w["right_before_the_date"]:
            signals.append(("right before the date",
                            w["right_before_the_date"] if right_before_the_date(chain, text, anchor) else 0.0))
        if w["named_again"]:
            signals.append(("named again", w["named_again"] if named_again(chain.elements[0], text) else 0.0))
        if w["known_country"] or w["known_province"] or w["known_city_per_digit"] or w["larger_place"]:
            signals.extend(_known(chain, w))  # (weighed only when a newsroom gives it weight)
        signals.append(("far from the date", _far(chain, anchor, w)))
        scored.append(Scored(chain, sum(points for _, points in signals), tuple(signals)))
    best = max(scored, key=lambda s: s.score)  # the first of equals: the earlier chain
    return (best if best.score >= w["threshold"] else None), scored


#: ", in Antibes, France, March 17, 2016": a place phrase after a comma is the scene's again, after the clause.
_NEW_PHRASE = compiled(r",\s*(?:in|at)\s+(?:the\s+)?$")

#: "in Idlib and Aleppo provinces": names listed under one plural kind are several places, none the scene's.
_LISTED = compiled(r"\s+and\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:provinces|states|regions|counties|cities|districts|"
                     r"prefectures|towns|villages|governorates|oblasts)\b")
#: "between China and the United States", "in Beijing and Shanghai": the name after "and" (its first words).
_AND_NEXT = compiled(r"\s+(?:and|or|&)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})")


def _shape(chain: Chain, text: str, w: Mapping[str, float]) -> tuple[list[tuple[str, float]], float]:
    """The signals of a chain's shape, and their sum: one unknown name alone, one of a list or of a pair."""
    # (a town as a modifier, "in a Tidaholm cemetery", is weighed by its shape, ``city_as_modifier``, as a city is)
    alone = _unknown_alone(chain, text) and not chain.as_modifier
    signals = [
        ("one unknown name alone", w["unknown_alone"] if alone else 0.0),
        ("a town GeoNames knows", w["known_town"] if alone and chain.elements[0].town else 0.0),
        ("a town by its shape", w["town_by_shape"] if alone and w["town_by_shape"] and not chain.elements[0].town
         and town_by_its_shape(chain, text) else 0.0),
        ("one of a list of places", w["listed"] if _LISTED.match(text, chain.end) else 0.0),
        ("one of a pair of places", w["one_of_a_pair"] if _one_of_a_pair(chain, text) else 0.0),
    ]
    return signals, sum(points for _, points in signals)


def _known(chain: Chain, w: Mapping[str, float]) -> list[tuple[str, float]]:
    """What the tables and the gazetteer know of the chain's names: a country, a province, a city by its
    people (log scale: a city of a million scores twice one of a thousand), and larger places after the first
    (an administrative chain, "Xinshi, Deqing County, Zhejiang province")."""
    first = chain.elements[0]
    country = any(e.level == "country" or e.country for e in chain.elements)
    province = any(e.level == "province" or e.also_province for e in chain.elements)
    population = max((e.population for e in chain.elements), default=0)
    larger = sum(1 for e in chain.elements[1:] if e.level in ("county", "city", "province", "country")
                 or e.population or e.also_province or e.country)
    return [
        ("known country", w["known_country"] if country else 0.0),
        ("known province", w["known_province"] if province else 0.0),
        ("known city", w["known_city_per_digit"] * math.log10(population) / 6 if population else 0.0),
        ("larger places after it", w["larger_place"] * larger if first.level != "country" else 0.0),
    ]


def _far(chain: Chain, anchor: tuple[int, int] | None, w: Mapping[str, float]) -> float:
    """Points lost per 100 characters between the chain and the photo's date (none without a date), capped;
    a chain before the date wins a tie with one after it."""
    if anchor is None:
        return 0.0
    if chain.end <= anchor[0]:
        gap, after = anchor[0] - chain.end, 0
    elif chain.start >= anchor[1]:
        gap, after = chain.start - anchor[1], 1
    else:
        gap, after = 0, 0
    return w["per_100_characters_from_the_date"] * min(gap, w["distance_cap"]) / 100 - 0.001 * after


def _one_of_a_pair(chain: Chain, text: str) -> bool:
    """A chain of one country, province or city followed by "and" another such place: two places are named,
    so neither is the scene ("ties between Korea and the Czech Republic", "flights in Beijing and Shanghai")."""
    if len(chain.elements) != 1 or chain.elements[0].level not in ("country", "province", "city", "place"):
        return False
    following = _AND_NEXT.match(text, chain.end)
    if following is None or following.group("name").startswith(chain.elements[0].value):
        return False  # "in Aba and Aba": one place written again
    level, _ = classify(following.group("name"), True)
    if level == "place":
        known = name_levels(following.group("name"))
        return bool(known.country or known.province or known.city_population >= 100_000)
    return level in ("country", "province", "city")


def _unknown_alone(chain: Chain, text: str) -> bool:
    """A chain that is one bare capitalised name, which no gazetteer level knows and nothing around it marks
    as a place (no suffix, no province or country after it, no "city of", no "east of Ashdod" placing it):
    "in Marimekko", "in Xujiahui", "at Geunjeongjeon". Such a name is as likely a brand, an event or a
    district as a town."""
    if len(chain.elements) != 1:
        return False
    only = chain.elements[0]
    if only.level != "place" or only.population or only.also_province or only.country:
        return False
    return PLACED_BY_REFERENCE.match(text, only.end) is None


def unknown_names_only(chain: Chain) -> bool:
    """A chain whose every name is unmarked and unknown to the gazetteer ("in the Wings in the Water exhibit"):
    weaker evidence than a chain naming a known city, province or country ("at the National Aquarium in
    Baltimore"), whatever their order."""
    return all(e.level in ("place", "venue", "event", "ignore") and not e.population and not e.also_province
               and not e.country for e in chain.elements) and not _a_venue_in_a_known_town(chain)


def _a_venue_in_a_known_town(chain: Chain) -> bool:
    """A named venue, then "in" and a town GeoNames knows, closing the chain ("on the Millennium Bridge in
    Bridgnorth", "at the U.S. Embassy in Bangsan on Jan. 16"): the venue and its town are on the map as a known
    city's would be, so the chain weighs as one naming a known city against a farther phrase naming only a
    country or a region ("... in England", "South Korea's internal affairs")."""
    last = chain.elements[-1]
    return len(chain.elements) > 1 and last.town > 0 and last.link in _TOWN_LINKS and last.level == "place" and (
        chain.elements[-2].level == "venue") and not last.the


#: The links of a town GeoNames knows to the venue before it: "the Millennium Bridge in Bridgnorth", and set apart
#: by a comma as a dateline sets it, "in Regent's Park, Haughley, as the heatwave goes on".
_TOWN_LINKS = frozenset({"in", ","})


def named_again(element: Element, text: str) -> bool:
    """Whether the caption writes the name once more outside its phrase ("A cherry tree in bloom in Lukla ...
    Traders in the Lukla bazaar"): a caption names its scene's town again more often than a passing brand."""
    name = element.value
    if len(name) < 3:
        return False
    for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        if not element.start <= match.start() < element.end:
            return True
    return False


#: What may stand between a place phrase and the photo's date right after it: "in Bhaktapur on Tuesday".
_TO_THE_DATE = compiled(r"[\s,]*(?:on|in|at|during)?\s*(?:the\s+)?(?:morning|afternoon|evening|night)?\s*(?:of\s+)?")


_THE_BEFORE = compiled(r"\bthe\s+$", re.IGNORECASE)


def a_known_town_at_the_date(chain: Chain, text: str, anchor: tuple[int, int] | None) -> bool:
    """Whether a chain of one name that GeoNames has as a town (and no table knows) stands right before the photo's
    date ("keeps watch in Vinchia on 4 August 2019", "a demonstration in Incekum, Thursday, March 25"), and the
    caption names no city the gazetteer knows that it could be a district of: the scene's town and day written
    together, as a city's are. A city the gazetteer knows is never "one unknown name alone"; a town it holds only
    in GeoNames' smaller places was, and lost to any farther phrase naming a known province or country ("as the
    situation in Kashmir stays tense")."""
    only = chain.elements[0]
    if len(chain.elements) != 1 or not only.town or not right_before_the_date(chain, text, anchor):
        return False
    return not _another_city_named(text, only.start, only.end)


def right_before_the_date(chain: Chain, text: str, anchor: tuple[int, int] | None) -> bool:
    """Whether the photo's date follows the phrase with nothing between but "on" ("Devotees carry an idol in
    Bhaktapur on Tuesday", "at Kumartuli on Monday"): the scene's place and day written together."""
    if anchor is None or chain.end > anchor[0] or _THE_BEFORE.search(text, 0, chain.elements[-1].start):
        return False  # "on Iwoto Island in the Pacific on Dec. 11": a name with "the" is a sea, a region
    between = _TO_THE_DATE.match(text, chain.end, anchor[0])
    return between is not None and between.end() == anchor[0]


#: A town's name as written: one to three words, each a capital then small letters ("Ballylanders", "Tumon",
#: "Cowessess First Nation"); no acronym ("NGO"), no digit ("Dhaka-10"), no possessive.
_TOWN_WORD = r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u024F]+(?:[-'’][A-Za-z\u00C0-\u024F][a-z\u00DF-\u024F]*)?"
_TOWN_NAME = compiled(rf"{_TOWN_WORD}(?: {_TOWN_WORD}){{0,2}}")
#: "in" right before the name, no "the" or owner between ("in the capital's Jhigatola", "in the Pantanal").
_IN_RIGHT_BEFORE = compiled(r"(?:^|[\s(,])in\s+$")
_MONTH_NAMES = "|".join(sorted({re.escape(n.casefold()) for names in MONTHS.values() for n in names},
                               key=longest_first))
#: What follows a town named as the scene: the sentence's end, or the photo's time ("in Tumon on Nov. 18", "in
#: Ballylanders in August 1954", "in Kuttanad on 20 August", "in Morvant over the weekend", "Sunday morning in
#: Northome.", "in Prospecton during the shutdown"), or a description of it after a comma ("in Lukla, the
#: 'Gateway to Everest'"), and nothing else: "in Xujiahui into their dance floor", "in Greek and Roman" are no
#: town. A clause of what happened ("in Quorvale after a tornado", ", where ...") was accepted on branch capen7; no
#: tune caption took a value from it and it was among the suspects of that branch's wrong held-out cities (a
#: district, a region, a team's name stand there as often as a town), so branch capen9 dropped it.
_TIME_OR_END = compiled(
    r"[\"'’”)]*(?:[.!?;](?:\s|$)|\s*$|\s*\n"
    r"|,?\s+(?:(?:on|in|during|over|at|early|late|this|last|earlier|later)\s+)?(?:the\s+)?"
    rf"(?:(?:{'|'.join(d.casefold() for d in WEEKDAYS)}|{_MONTH_NAMES})\b|(?:1[89]|20)\d\d\b|weekend\b|morning\b"
    rf"|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b"
    r"|afternoon\b|evening\b|night\b|yesterday\b|today\b|tonight\b|dawn\b|dusk\b|sunrise\b|sunset\b)"
    r"|,?\s+during\b|,\s+the\s+[\w‘'\"“]+"
    r")", re.IGNORECASE)
#: Capitalised words in a row, as a place is written elsewhere in the caption ("Kraków’s Jewish quarter").
_CAPITALISED_RUN = compiled(r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F-]*(?:[ \t]+[A-Z\u00C0-\u00DE][\w\u00C0-\u024F-]*)*")


_CALENDAR_WORDS = frozenset({n.casefold() for names in MONTHS.values() for n in names}
                            | {d.casefold() for d in WEEKDAYS})


def town_by_its_shape(chain: Chain, text: str) -> bool:
    """Whether a lone name nothing knows is written as a town is: right after "in", with no "the" or owner
    between, then the sentence's end or the photo's time, and no city the gazetteer knows named anywhere in the
    caption (beside a named city the name is more often one of its districts: "A doorway in Kazimierz ...
    Kraków's Jewish quarter"). "Bill Dineen brings home the hay in Ballylanders in August 1954", "A shotgun
    turned up in bushes in Morvant over the weekend" are towns; "in Xujiahui into their dance floor", "in
    Portsmouth Historic Deckyard." (a known city opens it) are not. Small towns are the places GeoNames'
    tables miss most often, and a caption names its scene's town this way far more often than a brand or an
    event."""
    if len(chain.elements) != 1 or chain.prep != "in" and chain.prep not in _AN_UNNAMED_PLACE_IN_A_TOWN:
        return False
    only = chain.elements[0]
    if only.the or only.described or only.level != "place" or not _TOWN_NAME.fullmatch(only.value) or (
            names_a_language(only.value)):
        return False  # ("in remote Quorvania", "in rural Quorva": a wide area, written as a region is)
    if _IN_RIGHT_BEFORE.search(text, max(0, only.start - 4), only.start) is None:
        return False
    if _TIME_OR_END.match(text, only.end) is None and _WHAT_HAPPENED_THERE.match(text, only.end) is None:
        return False
    if _opens_with_a_known_city(only.value):
        return False  # "Portsmouth Historic Deckyard": a site of the city it names
    return not _another_city_named(text, only.start, only.end)


#: A clause of what happened at the town, right after its name: a relative clause ("in Quorvale that started in an
#: empty building"), a time clause with its own subject ("in Quorvale before he set off"), a past verb of the phrase
#: it closes ("The gym in Quorvale served from 1916"), or things moved on from there ("brought out of a factory in
#: Quorvale to the cemetery"). Not a time clause of a thing ("in Quorvantia after a tornado tore through": a
#: district or a region stands there as often, the pinned reading of branch capen9), a preposition that makes the
#: name a thing ("in Quorvane into their stage"), a kind word after it ("in Quorva constituency"), "since" or "once"
#: (a trade or a crowd "in Al-Quorva since the 1960s"), a comma or a bracket; "that" before a time ("in Quorva that
#: month") is the time's.
_WHAT_HAPPENED_THERE = compiled(
    r"\s+(?:(?:that|which)\s+(?!(?:day|week|month|year|season|time|morning|afternoon|evening|night)\b)[a-z]"
    r"|(?:before|after|when|while|until|as)\s+(?:he|she|they|we|I|you)\s|to\s+the\s|[a-z]{3,}ed\s)")


#: Prepositions that put the photo at an unnamed place, then "in" and the town holding it ("a heron sits at a farm
#: in Quorva", "children play outside a school in Quorva."): the chain keeps the first preposition, and the town
#: after "in" is written as a town is (``town_by_its_shape`` asks for "in" right before the name all the same).
#: Not "from", "to" or "of": "workers from a farm in Quorva" is where they come from.
_AN_UNNAMED_PLACE_IN_A_TOWN = frozenset({"at", "on", "outside", "inside", "beside", "behind", "along", "across",
                                         "around", "near", "by"})


def town_holding_a_venue(chain: Chain, number: int, text: str) -> bool:
    """Whether the name at ``chain.elements[number]``, nothing knows, is written as the town holding the named
    venue before it: "at Greenfields Farm in Ekumfi, women harvest ...", "at the Entomologist Research Centre in
    Obuasi, researchers ...", "next to the Sir Manasupe Haus in Waigani." The venue is a building or a site, not a
    street (a street runs through a district as often as a town: "Vollmer Lane in Quorvantia"). The name is the
    chain's last, right after the venue and "in", a town's name as written, then the sentence's end, the photo's
    time or a comma; and the caption names no city the gazetteer knows that it could be a district of. A venue's
    "in" places it in a town far more often than a bare "in" names one. A named village holds the same place as a
    venue does ("Quorva village in Marrowby."): the village is the sublocation, the town after it the city."""
    if number == 0 or number != len(chain.elements) - 1:
        return False
    element, venue = chain.elements[number], chain.elements[number - 1]
    if venue.level not in ("venue", "town") or element.link not in ("in", ",") or element.level != "place" or (
            element.the or element.described):
        return False  # ("the Quorva observatory in remote Quorvania": a wide area after its descriptor)
    if venue.value.rsplit(None, 1)[-1].casefold().rstrip(".") in _STREETS:
        return False  # "Vollmer Lane in Quorvantia", "Smith Street in Chinatown": a street runs through a district
    if not _TOWN_NAME.fullmatch(element.value) or names_a_language(element.value):
        return False
    if _TIME_OR_END.match(text, element.end) is None and (
            element.link == "," or _COMMA_AFTER.match(text, element.end) is None):
        return False  # (after a comma, only closing the line: "Fishing boats at Quorva Harbour, Quorvandy.")
    if _opens_with_a_known_city(element.value):
        return False  # "Portsmouth Historic Deckyard": a site of the city it names
    return not _another_city_named(text, element.start, element.end)


#: Words that open a town's own name as a saint's, a port's or a new town's ("San Simon Quorvatlan", "Kota Lindt",
#: "New Quorva"), whatever the gazetteer holds under the word alone (San is a town in Mali, Kota one in India, New
#: one in the United States): a name opening with one is no site of that city.
_NAME_OPENERS = frozenset({"san", "santa", "santo", "são", "sao", "saint", "st", "st.", "port", "porto", "puerto",
                           "fort", "mount", "new", "kota", "bandar", "sidi"})


def _opens_with_a_known_city(name: str) -> bool:
    """Whether a name of several words opens with a city the gazetteer knows, so it is a site of that city
    ("Portsmouth Historic Deckyard"), unless the first word is one that opens towns' own names (San, Port, New)."""
    first = name.split()[0]
    return first != name and first.casefold() not in _NAME_OPENERS and bool(name_levels(first).city_population)


#: The last words of a street's name, a lane's and an alley's too.
_STREETS = STREET_WORDS | {"lane", "alley", "hutong"}
#: A comma after a town, then a new clause or an aside: "in Ekumfi, women harvest"; not a larger place, which
#: the chain would have read.
_COMMA_AFTER = compiled(r",\s")


def _another_city_named(text: str, start: int, end: int) -> bool:
    """Whether the caption names, outside text[start:end], a city the gazetteer knows that the name could be a
    district of: a city of at least ``[rival_city] least_people`` (``place_evidence.toml``), other than a country
    ("Tumon ... Guam": the larger place, not a city the name could be a district of). A smaller namesake is a word
    or a name written with a capital as often as a city ("Most wells there ...", Most in Czechia; "Roman", "UN",
    "University"), and a town's districts are named in captions beside a large city ("Kazimierz ... Kraków")."""
    least = _rival_city_people()
    for run in _CAPITALISED_RUN.finditer(text):
        if start <= run.start() < end:
            continue
        name = run.group().removesuffix("’s").removesuffix("'s")
        if name.casefold() in _CALENDAR_WORDS:
            continue  # "on Friday, March 7": March is a town in England, not named here
        known = name_levels(name)
        if known.city_population >= least and not known.country:
            return True
    return False


@cache
def _rival_city_people() -> int:
    """The fewest people of a city named elsewhere that keeps a lone unknown name from being read as a town
    (``[rival_city]`` in ``catalog/rules/place_evidence.toml``; at least 1: a city the gazetteer knows)."""
    return max(1, int(shipped_toml("place_evidence.toml")["rival_city"]["least_people"]))
