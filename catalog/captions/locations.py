"""Find where a photo was taken from the place phrases of its scene sentence, as the caption states them.

A place phrase is a *chain*: a preposition, then named places from the smallest to the largest, linked by
commas, "of" and "in" ("at the Luogang Park in Hefei, east China's Anhui province"). Each named place is
an *element* whose level comes from the tables in ``vocabulary.py``: its last word ("province", "County",
"Park"), or a known country, province or state; a name with no such word is placed by its position
(first: a city; after a city: a province or state). The chain nearest the photo's date gives city,
province and country; the sublocation is the largest venue named (or a village, or a county inside a
named city). Nothing is looked up in a gazetteer: a country is filled only when the caption writes it.
Worked examples::

    at the Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025
        sublocation Luogang Park, city Hefei, province Anhui, country China
    in Zhongchuan township, Lanzhou New Area, northwest China's Gansu province
        sublocation Zhongchuan township, city Lanzhou New Area (a county-level stand-in), province Gansu
    on August 01, 2020 in Hangzhou, Zhejiang Province of China      city Hangzhou, province Zhejiang, China
    in Nanning, Guangxi Zhuang Autonomous Region, China              province Guangxi
    in Rome, New York April 12, 2016                                 city Rome, province New York, no country
    in Kraków, Poland                                                city Kraków, country Poland
    in Xincheng County of Laibin City                                sublocation Xincheng County, city Laibin
    in Caozhuang village, ..., north China's Tianjin Municipality    city Tianjin, province null
    vice mayor of Shanghai / from Dakar, Senegal / Tokyo Olympics    not the scene: left out
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from catalog.captions.gazetteer import name_levels
from catalog.captions.text import Token, is_capitalised, strip_possessive, tokens
from catalog.captions.types import Place
from catalog.captions.vocabulary import (
    AREA_NOUNS,
    CHINA_PROVINCES,
    CITY_STATES,
    COUNTRIES,
    COUNTRY_ALIASES,
    DESCRIPTORS,
    DIRECTIONS,
    DISTANCE_WORDS,
    ETHNIC_WORDS,
    EVENT_PREFIXES,
    EVENT_WORDS,
    KIND_LEVELS,
    MONTHS,
    MUNICIPALITIES,
    NAME_ADJECTIVES,
    OFF_EARTH,
    ORIGIN_NOUNS,
    PLACE_SUFFIXES,
    PREPOSITION_NOUNS,
    PREPOSITIONS,
    PROPER_VENUES,
    REGIONS,
    SHOWN_NOUNS,
    STATE_CITIES,
    STATES,
    TITLE_WORDS,
    TOWN_LIKE_VENUE_WORDS,
    VENUE_OBJECT_VERBS,
    VENUE_PREFIXES,
    VENUE_WORDS,
    VIEW_NOUNS,
    VIEWING_VERBS,
    WATER_WORDS,
    WEEKDAYS,
)

_SUFFIXES = [(tuple(suffix.split()), level, drop) for suffix, level, drop in PLACE_SUFFIXES]
#: Suffixes that name a first-level subdivision in some countries and a county-level unit in others: the
#: gazetteer says which ("Shiga Prefecture" is Japan's JP-25; "Qiandongnan ... Autonomous Prefecture" is not).
_SUBDIVISION_SUFFIXES = frozenset({("prefecture",), ("region",), ("state",), ("oblast",), ("governorate",)})
#: Words after which "of" starts the next, larger place ("Xincheng County of Laibin City").
_ADMIN_WORDS = frozenset(words[-1] for words, _, _ in _SUFFIXES) - {"area"}
_NAME_WORDS = VENUE_WORDS | EVENT_WORDS | _ADMIN_WORDS  # lower-case words ending a name: "Ipanema beach"
_CONNECTORS = frozenset({
    "of", "de", "del", "da", "do", "dos", "das", "du", "des", "la", "le", "for", "upon", "am",
})
_MONTH_WORDS = frozenset(n.casefold() for names in MONTHS.values() for n in names)
_WEEKDAYS = frozenset(d.casefold() for d in WEEKDAYS)
_ARTICLES = frozenset({"a", "an", "the"})
_DETERMINERS = frozenset({"this", "these", "that", "those", "our", "my", "his", "her", "their", "its", "every",
                          "each", "some", "another"})
_GEO_LEVELS = frozenset({"city", "county", "province", "country", "place"})
_VENUE_START = frozenset({"venue", "town", "event"})
_PARENTHETICAL = re.compile(r"\([^()\n]{0,60}\)|\[[^\[\]\n]{0,60}\]")


@dataclass
class Element:
    """One named place in a chain: "Anhui province" is level province, value "Anhui"."""

    level: str  # venue | town | county | city | province | country | place (unmarked) | event | ignore
    value: str
    start: int
    end: int
    country: str | None = None  # written as "east China's ...": the country that owns it
    link: str = ""  # the word that joined it to the smaller place before it: ",", "of", "in"
    population: int = 0  # the gazetteer's most populous city of this name (0: no city is named so)
    prefecture: bool = False  # a unit larger than a city ("Ili Kazakh Autonomous Prefecture", "海西...自治州")
    also_province: bool = False  # the gazetteer knows a province of this name too ("Hiroshima", "New York")


@dataclass
class Chain:
    """A preposition and the places it introduces, smallest first."""

    prep: str
    elements: list[Element] = field(default_factory=list)
    near: bool = False  # "near Bhopal, India": the scene is by this town; taken when no other chain places it

    @property
    def start(self) -> int:
        return self.elements[0].start

    @property
    def end(self) -> int:
        return max(e.end for e in self.elements)

    @property
    def has_geo(self) -> bool:
        return any(e.level in _GEO_LEVELS or e.country for e in self.elements)

    @property
    def venues(self) -> list[Element]:
        return [e for e in self.elements if e.level == "venue"]


def find_places(text: str, sentence: tuple[int, int], anchor: tuple[int, int] | None = None) -> Place:
    """The place of the scene sentence text[sentence[0]:sentence[1]]; `anchor` is the photo date's span.

    >>> text = "Tests at the Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025."
    >>> find_places(text, (0, len(text)), (65, 77))
    Place(sublocation='Luogang Park', city='Hefei', province='Anhui', country='China')
    """
    start, end = sentence
    # "(L)", "(NPC)", "(FOCAC)" are emptied, their brackets kept so no name runs across them.
    clean = _PARENTHETICAL.sub(_emptied, text[start:end])
    clean = _HASHTAG.sub(" ", clean)  # "in #Yunnan province": a hashtag names the place all the same
    chains = read_chains(tokens(" " * start + clean, start, end))
    if not chains:
        return Place()
    geo = [c for c in chains if c.has_geo and not _unknown_alone(c, text) and not _LISTED.match(text, c.end)]
    geo = [c for c in geo if not c.near] or geo  # "in Rafina, near Athens": Rafina
    primary = None
    if geo:
        primary = min(geo, key=lambda c: _distance(c, anchor)) if anchor else geo[0]
    place, sub_admin = resolve(primary) if primary else (Place(), None)
    venue = primary.venues[-1].value if primary and primary.venues else None
    if venue is None:
        others = [c for c in chains if c is not primary and c.venues]
        target = (primary.start, primary.end) if primary else anchor
        if others:
            nearest = min(others, key=lambda c: _distance(c, target)) if target else others[0]
            venue = nearest.venues[-1].value
    if venue is None and sub_admin is None:
        # "in Yangli Village of the Dong ethnic group in Congjiang County": a village read apart
        villages = [c for c in chains if c is not primary and c.elements[0].level == "town"]
        if villages and primary is not None:
            sub_admin = min(villages, key=lambda c: _distance(c, (primary.start, primary.end))).elements[0].value
    place.sublocation = venue or sub_admin
    return place


#: "in Idlib and Aleppo provinces": names listed under one plural kind are several places, none the scene's.
_LISTED = re.compile(r"\s+and\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:provinces|states|regions|counties|cities|districts|"
                     r"prefectures|towns|villages|governorates|oblasts)\b")
_HASHTAG = re.compile(r"#(?=[^\W\d_])")


def _unknown_alone(chain: Chain, text: str) -> bool:
    """A chain that is one bare capitalised name, which no gazetteer level knows and nothing around it marks
    as a place (no suffix, no province or country after it, no "city of", no "east of Ashdod" placing it):
    "in Marimekko", "in Xujiahui", "at Geunjeongjeon". Such a name is as likely a brand, an event or a
    district as a town, so it is left out rather than guessed as the city."""
    if len(chain.elements) != 1:
        return False
    only = chain.elements[0]
    if only.level != "place" or only.population or only.also_province or only.country:
        return False
    return _PLACED_BY_REFERENCE.match(text, only.end) is None


#: ", east of Ashdod", ", near Athens", ", 40 km north of Kyiv": a reference point placing the name before it.
_PLACED_BY_REFERENCE = re.compile(
    r"\s*,\s*(?:(?:some|about|around|\d[\d.,]*|\d+\s*(?:km|mi|miles|kilometres|kilometers))\s+)*"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|just|outside)\s+(?:of\s+)?|near\s+)"
    r"(?:the\s+)?[A-Z]")


def _emptied(match: re.Match) -> str:
    written = match.group()
    return written[0] + " " * (len(written) - 2) + written[-1]


def _distance(chain: Chain, span: tuple[int, int] | None) -> tuple[int, int]:
    if span is None:
        return (chain.start, 0)
    if chain.end <= span[0]:
        return (span[0] - chain.end, 0)
    if chain.start >= span[1]:
        return (chain.start - span[1], 1)
    return (0, 0)


def resolve(chain: Chain) -> tuple[Place, str | None]:
    """City, province and country from a chain's elements, and the sub-city unit that may be the sublocation.

    The unit is a village or town, else a county or district inside a named city.
    """
    place = Place()
    towns: list[Element] = []
    counties: list[Element] = []
    owner = None  # a country written as "east China's ...", used when no country element is named
    _towns_named_like_venues(chain.elements)
    inside_city: list[Element] = []  # counties written before the city, so inside it
    for number, element in enumerate(chain.elements):
        level, value = element.level, element.value
        if level == "county" and place.city is None:
            inside_city.append(element)
        if level == "place" and _inside_a_city(element, chain.elements[number + 1:]):
            level = "county"  # "Intramuros, Manila", "Sham Shui Po in Hong Kong": a district of the city
            counties.append(element)
            inside_city.append(element)
            continue
        owner = owner or element.country
        if level == "town":
            towns.append(element)
        elif level == "county":
            counties.append(element)
        elif level == "city" and place.city is None:
            place.city = value
            if value.casefold() in CITY_STATES and value.casefold() not in MUNICIPALITIES:
                place.country = place.country or value  # "in Singapore": the city and the country
        elif level == "province":
            alone = place.city is None and place.province is None and not counties
            if value.casefold() in STATE_CITIES and alone:
                place.city = value  # "in New York", "in Washington": the city
            elif place.province is None:
                place.province = value
        elif level == "country" and place.country is None:
            place.country = value
        elif level == "place":
            if place.city is None and place.province is None and place.country is None:
                place.city = value
            elif place.province is None and place.country is None and element.link != "of":
                place.province = value  # "Rome, New York"; not "Tongxiang City of Jiaxing"
    place.country = place.country or owner
    sub_admin = towns[0].value if towns else None
    if place.city is None and counties:
        # no city named: the county or district stands in for it, the most specific one that is not a
        # prefecture ("Congjiang County in Qiandongnan ... Autonomous Prefecture": Congjiang County)
        stand_in = next((c for c in counties if not c.prefecture), counties[-1])
        place.city = stand_in.value
        counties = [c for c in counties if c is not stand_in and c.population == 0][:1] if towns else [
            c for c in counties[: counties.index(stand_in)]]
    inside = [c for c in counties if any(c is i for i in inside_city) and not c.prefecture]
    if sub_admin is None and inside and place.city is not None:
        sub_admin = inside[0].value
    if place.city is None and not counties and towns and (place.province or place.country):
        town = towns[-1]
        if not town.value.casefold().endswith(("village", "township", "community", "subdistrict")):
            place.city = town.value  # "in the town of Kumejima, Okinawa Prefecture": the municipality
            sub_admin = towns[0].value if len(towns) > 1 else None
    return place, sub_admin


def _towns_named_like_venues(elements: list[Element]) -> None:
    """'in Beaver Creek, Minnesota': a name ending in a town-like venue word right before a state or country,
    with no city named, is the town."""
    if any(e.level in ("city", "place", "county") for e in elements):
        return
    for element, following in pairwise(elements):
        last = element.value.split()[-1].casefold()
        if element.level == "venue" and last in TOWN_LIKE_VENUE_WORDS and following.link == "," and (
                following.level in ("province", "country")):
            element.level = "place"
            return


def _inside_a_city(element: Element, larger: list[Element]) -> bool:
    """Whether a name stands for a district of the city named after it: it is no city the gazetteer knows
    (or a smaller one), and what follows is a bigger city, not a province or a country."""
    if not larger or element.level != "place":
        return False  # a name written as a city ("Tongxiang City of Jiaxing") is the city
    following = larger[0]
    if following.level not in ("place", "city") or not following.population:
        return False
    return element.population < following.population and not element.also_province


def place_from_dateline(written: str) -> Place:
    """The place of a picture desk's dateline: "BEIJING, CHINA" -> city Beijing, country China."""
    elements = []
    for part in written.split(","):
        name = part.strip()
        name = name.title() if name.isupper() else name
        if name:
            level, value = classify(name)
            elements.append(Element(level, value, 0, 0, link=","))
    return resolve(Chain("dateline", elements))[0] if elements else Place()


# --- reading chains ---------------------------------------------------------------------------------------


def read_chains(toks: list[Token]) -> list[Chain]:
    """Every place chain in a sentence's tokens, in order."""
    chains: list[Chain] = []
    i, n = 0, len(toks)
    while i < n:
        word = toks[i].lower
        chain = None
        if word in PREPOSITIONS and _introduces_place(toks, i):
            allowed, k = _allowed(toks, i), i + 1
            m = k + 1 if k < n and toks[k].lower == "the" else k
            if m + 1 < n and toks[m].lower in PREPOSITION_NOUNS and toks[m + 1].lower == "of":
                allowed, k = PREPOSITION_NOUNS[toks[m].lower], m + 2  # "in the outskirts of", "in front of"
            elif k < n and toks[k].lower in ("a", "an"):
                k = _unnamed_kind_of(toks, k)  # "in a Miao village of Luxi County": the named place after it
            chain, j = _read_chain(toks, k, allowed, word)
        elif word == "from":
            # "photographs the skyline from Greenwich Park in London": a named venue in its town is a standpoint;
            # a town or a country after "from" is where a person comes from ("from Dakar, Senegal")
            chain, j = _read_chain(toks, i + 1, "named venue", word)
        elif i == 0:
            chain, j = _read_chain(toks, i, "subject", "subject")  # "The Taosi Relics Site Museum opens ..."
        elif word in VENUE_OBJECT_VERBS:
            chain, j = _read_chain(toks, i + 1, "object", "object")  # "Tourists visit the Mogao Grottoes"
        if chain is not None:
            chains.append(chain)
            i = max(j, i + 1)
        else:
            i += 1
    return chains


def _unnamed_kind_of(toks: list[Token], k: int) -> int:
    """After "a"/"an" at toks[k]: where the named place starts when an unnamed place of some kind comes
    first ("a Miao village of Luxi County", "a remote town in Gansu"), else k itself."""
    for m in range(k + 1, min(len(toks) - 1, k + 5)):
        word = toks[m].lower
        if word in ("of", "in", ",") or (toks[m].text[:1].isupper() and m > k + 2):
            break
        if (word in KIND_LEVELS or word in VENUE_WORDS) and toks[m + 1].lower in ("of", "in"):
            return m + 2
    return k


def _introduces_place(toks: list[Token], i: int) -> bool:
    """Not "from" after a person ("from Dakar, Senegal"), nor "of" after a picture word ("photos of X")."""
    word, before = toks[i].lower, toks[i - 1].lower if i else ""
    if word == "from":
        return before in VIEWING_VERBS or _is_distance(before)
    if word == "of":
        return before not in SHOWN_NOUNS and before not in TITLE_WORDS and before not in ORIGIN_NOUNS
    return True


def _allowed(toks: list[Token], i: int) -> str:
    """What the preposition at toks[i] may introduce: see PREPOSITIONS."""
    word, before = toks[i].lower, toks[i - 1].lower if i else ""
    if word == "of" and before in VIEW_NOUNS:
        return "object"  # "A view of Yinchuan, capital of ...", not "a view of the Tianwen-2 probe"
    if word == "from" and _is_distance(before):
        return "reference"  # "40km from Zhangye city, northwest China's Gansu Province"
    return PREPOSITIONS[word]


def _read_chain(toks: list[Token], i: int, allowed: str, prep: str) -> tuple[Chain | None, int]:
    """The chain starting at toks[i], if its first place suits `allowed` (see PREPOSITIONS)."""
    read = _read_element(toks, i)
    if read is None:
        return None, i
    elements, j = read
    chain = Chain(prep, list(elements))
    links: list[str] = []  # how each further place was joined: ",", "of", "in", ...
    while True:
        step = _continuation(toks, j)
        if step is None:
            break
        k, next_allowed = step
        read = _read_element(toks, k)
        if read is None:
            break
        more, k = read
        if next_allowed == "venue" and more[0].level not in _VENUE_START:
            break
        links.append(toks[j].lower)
        more[0].link = toks[j].lower
        kind = _appositive_kind(toks, j, k)
        last = chain.elements[-1]
        if kind and last.level == "place":
            last.level = kind  # "Wuzhen, a water town in ...": the name before it is a town
        chain.elements.extend(more)
        j = k
    if not _suits(chain, allowed, links, prep):
        return None, i
    if allowed == "near" and chain.elements[0].level not in _VENUE_START:
        if prep in ("near", "nearby") and chain.elements[0].level in ("place", "city", "county"):
            chain.near = True  # "a procession near Bhopal, India": by that town, unless a place is named
        else:
            allowed = "reference"  # "a camp outside Kabul, Afghanistan"
    if allowed == "reference":  # the reference point is not the scene; the province and country around it are
        chain.elements = [e for e in chain.elements[1:] if e.level in ("province", "country")]
        if not chain.elements:
            return None, j
    return chain, j


def _suits(chain: Chain, allowed: str, links: list[str], prep: str) -> bool:
    """Whether a chain's first place may follow its preposition; may turn an unmarked name into a venue.

    "at the Bund in Shanghai": a name inside a city is a venue. "visit Xi'an, northwest China's ...": a name
    before a province or country is a city. "visits Kazakh President Tokayev", "a view of the Tianwen-2
    probe": an unmarked name with nothing after it is not a place. A venue is made only after "at" or a
    verb, never after "of" or "on" ("Secretary of State Marco Rubio in Kuala Lumpur", "the Forum on
    China-Africa Cooperation in Beijing").
    """
    first = chain.elements[0]
    second = chain.elements[1] if len(chain.elements) > 1 else None
    inside_next = second is not None and links[:1] in (["in"], ["inside"]) and second.level in _GEO_LEVELS
    if prep in ("at", "object") and first.level == "place" and inside_next:
        first.level = "venue"
    if allowed == "named venue":  # placed in its town: "from Greenwich Park in London", not "from the X troupe"
        return first.level == "venue" and chain.has_geo
    if allowed == "venue":
        return first.level in _VENUE_START or prep in _CITY_PREPOSITIONS and _is_settlement(chain)
    if allowed == "near":
        larger = any(e.level in ("province", "country") for e in chain.elements[1:])
        return first.level in _VENUE_START or larger
    if allowed == "subject":  # "Market square in Kraków, Poland": a venue opening the sentence, placed
        capitals = sum(1 for w in first.value.split() if w[:1].isupper())
        return first.level == "venue" and (chain.has_geo or capitals >= 2)
    if allowed == "object" and first.level == "place":
        return any(e.level in ("province", "country") or e.country for e in chain.elements[1:])
    if allowed == "object":
        return first.level in _VENUE_START or first.level in _GEO_LEVELS
    return True


#: Prepositions of position that introduce venues ("at the Bund") but also a town written bare ("at Ascot,
#: England", "above Stornoway"); "to", "from" and "of" stay for venues only (a destination, an origin, a title).
_CITY_PREPOSITIONS = frozenset({"at", "above", "below", "within", "beside"})
#: A bare name after such a preposition is a town when the gazetteer knows a city of at least this many people
#: under it; "at Google", "at Marimekko" are no towns the gazetteer knows.
SETTLEMENT_POPULATION = 50_000


def _is_settlement(chain: Chain) -> bool:
    """Whether a chain's first, unmarked name reads as a town: a city the gazetteer knows well, or a name
    followed by the province or country it is in ("at Ascot, England")."""
    first = chain.elements[0]
    if first.level != "place":
        return False
    larger = chain.elements[1] if len(chain.elements) > 1 else None
    placed = larger is not None and larger.link == "," and larger.level in ("province", "country")
    return placed or first.population >= SETTLEMENT_POPULATION


def _appositive_kind(toks: list[Token], comma: int, end: int) -> str | None:
    """The level an appositive gives the name before it: ", a water town in" (town), ", capital of" (city)."""
    if toks[comma].lower != ",":
        return None
    for token in toks[comma + 1: end]:
        if token.lower in ("in", "of"):
            break
        if token.lower in KIND_LEVELS:
            level = KIND_LEVELS[token.lower]
            return level if level in ("town", "city", "county") else None
    return None


def _is_distance(word: str) -> bool:
    return word in DISTANCE_WORDS or bool(re.fullmatch(r"\d+(?:\.\d+)?(?:km|mi|m)", word))


def _continuation(toks: list[Token], j: int) -> tuple[int, str] | None:
    """Where the next, larger place of a chain starts: after ",", ", a city in", ", capital of", "in"..."""
    n = len(toks)
    while j + 1 < n and toks[j].text in "([" and toks[j + 1].text in ")]":
        j += 2  # an emptied "(NPC)" between two places
    if j >= n:
        return None
    word = toks[j].lower
    if word == ",":
        k = j + 1
        if k >= n:
            return None
        if toks[k].lower == "in":
            return k + 1, "any"  # ", in the southern Gaza Strip"
        if toks[k].lower in DIRECTIONS and k + 1 < n and toks[k + 1].lower == "of":
            return None  # ", south of Cairo": a reference point
        article = toks[k].lower in _ARTICLES
        if article or toks[k].lower in KIND_LEVELS or toks[k].lower in DESCRIPTORS:
            # an appositive: ", a city in East China's ...", ", capital of China", ", a water town in ..."
            m = k + 1 if article else k
            while m < min(n, k + 5) and toks[m].text[:1].islower() and toks[m].lower not in ("of", "in"):
                m += 1
            noun = toks[m - 1].lower  # the appositive names a kind of place: not ", a man takes photos of"
            place_noun = noun in KIND_LEVELS or noun in VENUE_WORDS or noun in AREA_NOUNS
            if m > k + article and m + 1 < n and toks[m].lower in ("of", "in") and place_noun:
                return m + 1, "any"
        if article and toks[k].lower != "the":
            return None  # ", a shop that sells ...": an aside
        return k, "any"
    if word == "of":
        return j + 1, "any"
    if word == "in":
        return j + 1, "any"
    if word in ("at", "on", "inside"):
        return j + 1, "venue"
    return None


def _read_element(toks: list[Token], i: int, depth: int = 0) -> tuple[list[Element], int] | None:
    """One named place at toks[i], or a place and its possessor ("Beijing's Chaoyang District")."""
    n = len(toks)
    k = i
    saw_the = k < n and toks[k].lower == "the"
    if saw_the:
        k += 1
    while k < n and _is_descriptor(toks, k):
        k += 1
    if saw_the and k == i + 1:
        k = _past_plain_adjectives(toks, k)  # "the reopened Grand Bazaar", "the famous Needles Lighthouse"
    kind = None
    owner_country = None
    if saw_the and k + 3 < n and is_capitalised(toks[k].text) and toks[k + 1].lower in KIND_LEVELS and (
            toks[k + 2].lower == "of"):
        # "the Afghanistan province of Daychopan", "the Spanish city of Zamora": the country qualifies the kind
        qualifier = toks[k].text
        if classify(qualifier)[0] == "country":
            owner_country = qualifier
            k += 1
        elif qualifier.lower().endswith(("ish", "ese", "ian", "an", "ch")) and not _known_place(qualifier):
            k += 1  # "the northwestern Spanish city of Zamora"
    if k + 2 < n and toks[k].lower in KIND_LEVELS and toks[k + 1].lower == "of" and (saw_the or k > i):
        kind, k = KIND_LEVELS[toks[k].lower], k + 2  # "the ancient city of Kashgar"
        if k < n and toks[k].lower == "the":
            k += 1
    end = _read_name(toks, k)
    if end is None:
        return None
    possessor = strip_possessive(toks[end - 1].text)
    if possessor is None:
        element = _element(toks, k, end, saw_the, kind)
        element.country = element.country or owner_country
        return [element], end
    owner = _element(toks, k, end, False, None, last_word=possessor)
    after = end
    while after < n and (toks[after].lower in DESCRIPTORS or toks[after].lower in AREA_NOUNS):
        after += 1
    inner = _read_element(toks, end, depth + 1) if after == end and depth < 3 else None
    if owner.level == "country":
        if inner is None:
            return [owner], after  # "China's southern coast"
        places, j = inner
        for place in places:
            place.country = place.country or owner.value
        return places + [owner], j
    admin_inner = inner is not None and inner[0][0].level in ("county", "town", "city")
    city_owner = owner.level == "place" and owner.population > 0  # "Karachi's Taheri Masjid"
    if owner.level in ("city", "county", "province", "town") or after > end or admin_inner or city_owner:
        if inner is None:
            return [owner], after  # "Beijing's northern suburb"
        return inner[0] + [owner], inner[1]  # "Huangpu District's Liyuan Park", "Hong Kong's Victoria Harbor"
    more = _read_name(toks, end)  # the possessive is part of a name: "People's Liberation Army ... Building"
    if more is None:
        return [owner], end
    return [_element(toks, k, more, saw_the, kind)], more


def _past_plain_adjectives(toks: list[Token], k: int) -> int:
    """After "the": where a venue's name starts when one or two plain words stand before it ("the reopened
    Grand Bazaar"); k itself unless the name after them ends in a venue word."""
    for m in (k + 1, k + 2):
        if m >= len(toks) or not all(_plain_word(t) for t in toks[k:m]) or not is_capitalised(toks[m].text):
            continue
        end = _read_name(toks, m)
        if end is not None and end - m >= 2 and toks[end - 1].lower in VENUE_WORDS:
            return m
        return k
    return k


#: Words that may follow "in" with a capital and are never a place.
_NOT_PLACES = _MONTH_WORDS | _WEEKDAYS | {"spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
                                         "ramadan", "advent", "lent"}
_HIT_ENDINGS = ("-hit", "-torn", "-stricken", "-ravaged", "-affected", "-struck", "-battered", "-held",
                "-controlled", "-occupied", "-based")


def _is_descriptor(toks: list[Token], k: int) -> bool:
    """A word to step over before a name: "ancient", "northwest", and "East" in "East China's"."""
    word = toks[k].lower
    if "-" in word and toks[k].text.islower() and word.endswith(_HIT_ENDINGS) and k + 1 < len(toks) and (
            is_capitalised(toks[k + 1].text)):
        return True  # "quake-hit Wandong Village", "war-torn Aleppo"
    if word not in DESCRIPTORS and word not in DIRECTIONS:
        return False
    if not is_capitalised(toks[k].text):
        if k + 1 >= len(toks):
            return False
        following = toks[k + 1]
        return is_capitalised(following.text) or following.lower in DESCRIPTORS or following.lower in (
            KIND_LEVELS
        )
    if k + 1 >= len(toks):
        return False
    following_text = strip_possessive(toks[k + 1].text) or toks[k + 1].text
    joined = f"{word} {following_text.casefold()}"
    return following_text.casefold() in COUNTRIES and joined not in COUNTRIES and joined not in STATES


def _read_name(toks: list[Token], i: int, and_allowed: bool = True) -> int | None:
    """The end of the proper name starting at toks[i]: capitalised words, with "of", "de", a closing
    "village"/"Park", and "and" when a shared suffix follows ("Aba Tibetan and Qiang Autonomous
    Prefecture")."""
    n = len(toks)
    j = i
    if j + 1 < n and toks[j].text[:1].isdigit() and is_capitalised(toks[j + 1].text):
        j += 0 if _stops(toks, j + 1) else 1  # "13th Beijing International Film Festival"
    if j >= n or not is_capitalised(toks[j].text) or _stops(toks, j):
        return None
    while j < n:
        token, word = toks[j], toks[j].lower
        if is_capitalised(token.text) and not _stops(toks, j):
            j += 1
            if strip_possessive(token.text) is not None:
                break
            continue
        if j > i and word in _NAME_WORDS:
            j += 1  # "Ipanema beach", "al-Our village", "Auto China 2016 show"
            continue
        if j > i and word in NAME_ADJECTIVES:
            k = j
            while k < n and toks[k].lower in NAME_ADJECTIVES:
                k += 1
            if k < n and toks[k].lower in _NAME_WORDS:
                j = k + 1  # "Jiuzhaigou scenic area", "Wolong national nature reserve"
                continue
        if j > i and _plain_word(toks[j]) and _may_precede_plain_words(toks, i, j):
            k = j + 1 if j + 1 < n and toks[j + 1].lower in VENUE_WORDS else j + 2
            if k < n and toks[k].lower in VENUE_WORDS and all(_plain_word(t) for t in toks[j:k]):
                j = k + 1  # "Musee Grevin wax museum", "Novo-Ogaryovo state residence"
                continue
        following = toks[j + 1] if j + 1 < n else None
        if word[:1].isdigit() and following and not _stops(toks, j + 1) and (
                following.lower in _NAME_WORDS or is_capitalised(following.text)):
            j += 1
            continue
        if word in _CONNECTORS:
            if word == "of" and _of_links_places(toks, i, j):
                break  # "Xincheng County | of Laibin City", "the town of Xinshi | of Deqing County"
            m = j + 1 + (j + 1 < n and toks[j + 1].lower == "the")
            if m < n and is_capitalised(toks[m].text) and not _stops(toks, m):
                j = m
                continue
            break
        if word == "and" and and_allowed:
            more = _read_name(toks, j + 1, and_allowed=False)
            if more is not None and _shares_suffix(toks, i, j, more):
                j = more
                continue
        break
    return j


def _may_precede_plain_words(toks: list[Token], i: int, j: int) -> bool:
    """Whether the capitalised words toks[i:j] may be followed by lower-case words of a venue's name: two or
    more of them, or one that is neither a known place ("Ukraine walk on") nor the first word of a sentence
    ("Youngsters play beach soccer")."""
    if j - i > 1:
        return True
    before = toks[i - 1].text if i else ""
    if not before or before in ".!?\n":
        return False
    return before.casefold() == "the" or not _known_place(toks[i].text)


def _known_place(name: str) -> bool:
    levels = name_levels(name)
    return bool(levels.country or levels.province or levels.city_population)


def _plain_word(token: Token) -> bool:
    """A lower-case word that may stand inside a venue's name ("wax", "ship-breaking"), not a preposition."""
    return token.text.islower() and token.text.replace("-", "").isalpha() and token.lower not in _NOT_IN_NAMES


_NOT_IN_NAMES = frozenset(PREPOSITIONS) | {
    "a", "an", "the", "and", "or", "as", "while", "during", "after", "before", "with", "where", "when",
    "which", "who", "is", "are", "was", "were", "its", "their", "his", "her", "this", "that", "city",
    "town", "village", "county", "district", "province", "state", "region",
}


def _of_links_places(toks: list[Token], i: int, of_at: int) -> bool:
    """Whether "of" at toks[of_at] leads to a larger place rather than continuing one name.

    It does after an administrative unit ("Laibin City") and after a bare name when a unit, a province or
    a country follows ("Xinshi of Deqing County"); it does not after a venue word ("National Museum of
    China", "Great Hall of the People") or a word such as "Gulf".
    """
    before = toks[of_at - 1].lower
    if before in _ADMIN_WORDS:
        return True
    if before in _NAME_WORDS or before in WATER_WORDS or before in KIND_LEVELS:
        return False
    k = of_at + 1 + (of_at + 1 < len(toks) and toks[of_at + 1].lower == "the")
    end = _read_name(toks, k) if k < len(toks) else None
    if end is None:
        return False
    after = " ".join(t.text for t in toks[k:end])
    joined = " ".join(t.text for t in toks[i:end]).casefold()
    if joined in COUNTRIES or joined in COUNTRY_ALIASES:
        return False  # "Democratic Republic of Congo"
    return classify(after)[0] in ("town", "county", "city", "province", "country")


def _shares_suffix(toks: list[Token], i: int, and_at: int, end: int) -> bool:
    before = {t.lower for t in toks[i:and_at]}
    after = {t.lower for t in toks[and_at + 1:end]}
    joined = " ".join(t.text for t in toks[i:end]).casefold()
    return joined in COUNTRIES or (not before & _NAME_WORDS and bool(after & _NAME_WORDS))


def _stops(toks: list[Token], j: int) -> bool:
    """Capitalised words that end a name: weekdays, a month before a day, "The"."""
    word = toks[j].lower
    if word in _WEEKDAYS or word in _ARTICLES or word in _DETERMINERS:
        return True
    if word in _MONTH_WORDS:
        return j + 1 >= len(toks) or toks[j + 1].text[:1].isdigit() or toks[j + 1].text == ","
    return False


def _element(
    toks: list[Token], start: int, end: int, saw_the: bool, kind: str | None, last_word: str | None = None
) -> Element:
    words = [t.text for t in toks[start:end]]
    if last_word is not None:
        words[-1] = last_word
    text = " ".join(words)
    level, value = classify(text, saw_the, kind)
    element = Element(level, value, toks[start].start, toks[end - 1].end,
                      prefecture=level == "county" and value.casefold().endswith("prefecture"))
    if level in ("place", "city"):
        known = name_levels(value)
        element.population, element.also_province = known.city_population, bool(known.province)
    return element


@lru_cache(maxsize=65536)
def classify(name: str, saw_the: bool = False, kind: str | None = None) -> tuple[str, str]:
    """The level and value of a place name.

    >>> classify("Anhui province"), classify("Guangxi Zhuang Autonomous Region"), classify("Deqing County")
    (('province', 'Anhui'), ('province', 'Guangxi'), ('county', 'Deqing County'))
    >>> classify("Tianjin Municipality"), classify("UAE"), classify("Forbidden City", saw_the=True)
    (('city', 'Tianjin'), ('country', 'United Arab Emirates'), ('venue', 'Forbidden City'))
    """
    folded = name.replace("’", "'").casefold()
    words = folded.split()
    if kind is not None:
        return kind, name
    if folded.rstrip(".") in _NOT_PLACES or re.fullmatch(r"\d+\s*(?:ad|bc|bce|ce|a\.d\.|b\.c\.)", folded):
        return "ignore", name  # "in January", "in spring", "built in 1620 AD"
    if words[0] in EVENT_PREFIXES:
        return "ignore", name  # "Operation Mountain Viper"
    if folded in CITY_STATES:
        return "city", name
    if folded in COUNTRY_ALIASES or (saw_the and f"the {folded}" in COUNTRY_ALIASES):
        return "country", COUNTRY_ALIASES.get(folded) or COUNTRY_ALIASES[f"the {folded}"]
    if folded in COUNTRIES:
        return "country", name
    if folded in REGIONS or any(word in folded for word in OFF_EARTH):
        return "ignore", name
    for suffix, level, drop in _SUFFIXES:
        if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
            if suffix == ("city",) and saw_the:
                return "venue", name  # "the Forbidden City": a landmark, not a city
            value = " ".join(name.split()[: -len(suffix)]) if drop else name
            if suffix == ("autonomous", "region"):
                kept = value.split()
                while len(kept) > 1 and kept[-1].casefold() in ETHNIC_WORDS:
                    kept.pop()
                value = " ".join(kept)
            if level == "province" and value.casefold() in MUNICIPALITIES:
                level = "city"
            if level == "province":
                kept = value.split()
                while len(kept) > 1 and kept[-1].casefold() in ETHNIC_WORDS:
                    kept.pop()  # "Guangxi Zhuang autonomous region"
                value = " ".join(kept)
            if level == "county" and suffix in _SUBDIVISION_SUFFIXES and name_levels(name).province:
                return "province", " ".join(name.split()[: -len(suffix)])  # "Shiga Prefecture": Japan's JP-25
            return level, value
    for word in reversed(words):
        word = word.strip(".,")
        if word in EVENT_WORDS:
            return "event", name
        if word in VENUE_WORDS:
            if len(words) == 1 and not saw_the and word not in PROPER_VENUES:
                return "place", name  # "Fields in Guangnan county": a generic word, not a name
            if word in TOWN_LIKE_VENUE_WORDS and name_levels(name).city_population >= 40_000:
                return "place", name  # "Green Bay", "Long Beach", "Colorado Springs": cities
            return "venue", name
        if word in WATER_WORDS:
            return "ignore", name
    if len(words) > 1 and words[0] in VENUE_PREFIXES and not name_levels(name).city_population:
        return "venue", name  # "Wat Intharam Worawiharn", "Jalan Silang", "Parc des Princes", "Fort Hood"
    if any(word.strip(".,") in TITLE_WORDS for word in words):
        return "ignore", name  # "the 16th President"; not "Empress Market", read above by its venue word
    if folded in MUNICIPALITIES or folded in CITY_STATES:
        return "city", name
    if folded in CHINA_PROVINCES or folded in STATES:
        return "province", name
    known = name_levels(name)
    if known.country:
        return "country", name
    if known.province and not known.city_population:
        return "province", name  # "Hatay", "Shiga", "Alborz"
    return "place", name


# --- where the scene is written, beside the sentences --------------------------------------------------------


@dataclass(frozen=True)
class PlaceReading:
    """The place of a caption, and where it was read (for `parse-caption --explain`)."""

    place: Place
    how: str  # "labelled line", "place heading", "scene sentence", "beside the date", ""
    written: str = ""  # the words it was read from


#: "Location: Moscow, Russia", "Photo Location: New York, New York, United States": a labelled place line.
_LABELLED = re.compile(r"^[ \t]*(?:[-•*][ \t]*)?(?:photo[ \t]+)?(?:location|place)[ \t]*:"
                       r"[ \t]*(?P<place>\S[^\n]{1,100})$", re.IGNORECASE | re.MULTILINE)
_NAME = (r"[A-Z\u00C0-\u024F][\w’'.\-]*"
         r"(?:[ \t]+(?:[A-Z\u00C0-\u024F][\w’'.\-]*|of|de|la|du|des|del|di|el|al|the|upon|on|-))*")
#: A heading that is only a place ("Zaporizhzhia, Ukraine", "Berlin, Germany - 30.04.2019"), or a caption that
#: opens with one ("Prayagraj: Worshippers ...", "JAPAN, Hiroshima - Japanese Prime Minister ...").
_HEADING_LINE = re.compile(rf"^[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]*(?:[-–—][^\n]*)?$")
_OPENING = re.compile(rf"^[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]*(?::|[ \t][-–—]{{1,2}})[ \t]+\S")
#: Places written right before the photo's date with no preposition: "..., Istanbul, Türkiye, Oct. 14, 2023",
#: "... smoke Casablanca, Morocco - Saturday 30 September 2017", "Denmark lost 0-1, Copenhagen, 12 June".
_BESIDE_DATE = re.compile(rf"(?:^|[,;:]\s+|\s[-–—]\s|\s)(?P<place>{_NAME}(?:\s*,\s*{_NAME}){{0,3}})"
                          r"\s*(?:,|\s[-–—])\s*(?:on\s+)?(?:\w+day,?\s+)?$")


def find_place(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
               anchor: tuple[int, int] | None) -> PlaceReading:
    """Where the photo was taken: a labelled place line, a place heading, the scene sentence's place phrases,
    or the places written right before the photo's date, in that order of trust.

    >>> text = "Paris, France\\nA woman joins a rally. A girl was killed at a protest in Gohardasht, Alborz province."
    >>> find_place(text, [(0, 13), (14, 36), (37, 98)], [(0, 13), (14, 98)], None).place
    Place(sublocation=None, city='Paris', province=None, country='France')
    """
    scene, scene_span = _scene_place(text, spans, paragraphs, anchor)
    for how, found in (("labelled line", _labelled_place(text)), ("place heading", _heading_place(text))):
        if found is not None:
            place, written = found
            if _agrees(scene, place):
                place.sublocation = place.sublocation or scene.sublocation
            return PlaceReading(place, how, written)
    if scene.city or scene.province or scene.country:
        return PlaceReading(scene, "scene sentence", text[scene_span[0]:scene_span[1]] if scene_span else "")
    beside = _beside_date(text, anchor)
    if beside is not None:
        place, written = beside
        place.sublocation = place.sublocation or scene.sublocation
        return PlaceReading(place, "beside the date", written)
    return PlaceReading(scene, "scene sentence" if scene != Place() else "", "")


def _agrees(scene: Place, place: Place) -> bool:
    """The scene sentence's venue may join a heading's place when it names no other city."""
    return scene.city is None or place.city is None or scene.city.casefold() == place.city.casefold()


def _scene_place(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
                 anchor: tuple[int, int] | None) -> tuple[Place, tuple[int, int] | None]:
    """The place read from the sentence holding the photo's date, else from the first sentence of the body
    (a headline above it is passed over)."""
    if not spans:
        return Place(), None
    first = _first_body_sentence(text, spans, paragraphs)
    if anchor is not None:
        scene = next((s for s in spans if s[0] <= anchor[0] < s[1]), first)
        place = find_places(text, scene, anchor)
        if scene == first or place != Place():
            return place, scene
    return find_places(text, first, None), first


def _first_body_sentence(text: str, spans: list[tuple[int, int]],
                         paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The first sentence after any headline lines: short lines without a closing stop, above more text."""
    for start, end in paragraphs[:-1]:
        line = text[start:end].strip()
        if len(line) > 90 or line[-1:] in ".!?”\"" or len(line.split()) > 14:
            break
        later = [s for s in spans if s[0] >= end]
        if not later:
            break
        spans = later
    # a list number or a lone mark ("𝟱.", "2") is no sentence: the body starts after it
    return next((s for s in spans[:3] if _TWO_WORDS.search(text, s[0], s[1])), spans[0])


_TWO_WORDS = re.compile(r"[^\W\d_]{2,}\W[\s\S]*?[^\W\d_]{2}")


def _labelled_place(text: str) -> tuple[Place, str] | None:
    match = _LABELLED.search(text)
    if match is None:
        return None
    written = match.group("place").strip()
    place = place_from_dateline(written)
    return (place, written) if place != Place() else None


def _heading_place(text: str) -> tuple[Place, str] | None:
    """A place heading on one of the first lines, or a place that opens the caption before ':' or ' - '."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()][:3]
    for line in lines[:-1] if len(lines) > 1 else []:
        match = _HEADING_LINE.match(line.group())
        if match and "," in match.group("place") or match and _is_known(match.group("place")):
            found = _known_places(match.group("place"))
            if found is not None:
                return found, match.group("place")
    match = _OPENING.match(text)
    if match:
        found = _known_places(match.group("place"))
        if found is not None:
            return found, match.group("place")
    return None


def _beside_date(text: str, anchor: tuple[int, int] | None) -> tuple[Place, str] | None:
    if anchor is None:
        return None
    line_start = text.rfind("\n", 0, anchor[0]) + 1
    match = _BESIDE_DATE.search(text, max(line_start, anchor[0] - 120), anchor[0])
    if match is None:
        return None
    found = _known_places(match.group("place"), venue_first=True)
    return (found, match.group("place")) if found is not None else None


def _is_known(name: str) -> bool:
    levels = name_levels(name.title() if name.isupper() else name)
    return bool(levels.country or levels.province or levels.city_population)


def _known_places(written: str, venue_first: bool = False) -> Place | None:
    """A comma-separated list of places, if every name in it is a place the gazetteer or the tables know
    (the first may be a venue, or a town too small for the gazetteer when a known place follows)."""
    names = [n.strip() for n in written.split(",") if n.strip()]
    if not names:
        return None
    elements = []
    for number, name in enumerate(names):
        written_as = name.title() if name.isupper() and len(name) > 3 else name
        level, value = classify(written_as)
        if level in ("event", "ignore"):
            return None
        known = level in ("country", "province", "city", "county", "town") or _is_known(written_as)
        if not known and not (number == 0 and (level == "venue" or len(names) > 1)):
            return None
        element = Element(level, value, 0, 0, link=",")
        if level in ("place", "city"):
            levels = name_levels(value)
            element.population, element.also_province = levels.city_population, bool(levels.province)
        elements.append(element)
    if len(elements) == 1 and elements[0].level == "venue" and not venue_first:
        return None
    if len(elements) > 1 and elements[0].level == "country" and elements[-1].level != "country":
        elements.reverse()  # "JAPAN, Hiroshima -": AFP writes the country first
    chain = Chain("heading", elements)
    place, sub_admin = resolve(chain)
    venues = chain.venues
    place.sublocation = venues[-1].value if venues else sub_admin
    return place if place != Place() else None
