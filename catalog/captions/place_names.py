"""One named place in a caption's English prose: where its name ends among the sentence's tokens, and its level.

``locations.py`` reads place phrases as chains of named places (``place_chains.py``); this module is the word
level under them. ``read_name`` finds the end of a proper name (capitalised words, "of"/"de" inside a name, a
closing "village" or "Park", "and" before a shared suffix), and ``classify`` gives the name its level from the
tables in ``vocabulary.py`` and the gazetteer's ``name_levels``. Worked examples::

    Anhui province                       province Anhui
    Guangxi Zhuang Autonomous Region     province Guangxi
    Deqing County                        county Deqing County
    Tianjin Municipality                 city Tianjin
    UAE                                  country United Arab Emirates
    the Forbidden City                   venue Forbidden City
    Xincheng County of Laibin City       the name ends before "of": a larger place follows
    National Museum of China             one name: "of" after a venue word continues it
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from catalog.captions.demonyms import DEMONYMS
from catalog.captions.gazetteer import NameLevels, a_town_of, name_levels
from catalog.captions.place_evidence import names_a_language, names_an_institution
from catalog.captions.text import Token, is_capitalised, strip_possessive
from catalog.captions.vocabulary import (
    CHINA_PROVINCES,
    CITY_PART_NAMES,
    CITY_STATES,
    COUNTRIES,
    COUNTRY_ALIASES,
    DESCRIPTORS,
    DIRECTIONS,
    ETHNIC_WORDS,
    EVENT_PREFIXES,
    EVENT_WORDS,
    EZAFE_ENDINGS,
    HYPHENED_TOWN_SUFFIXES,
    KIND_LEVELS,
    LARGE_TOWN_VENUE_WORDS,
    MONTHS,
    MUNICIPALITIES,
    NAME_ADJECTIVES,
    OCCUPATION_TITLES,
    OFF_EARTH,
    OPEN_WATERS,
    ORGANISATION_WORDS,
    PLACE_SUFFIXES,
    PREPOSITIONS,
    PROPER_VENUES,
    PROVINCE_PREFIXES,
    QUARTER_NAMES,
    REGIONS,
    STATES,
    TITLE_WORDS,
    TOWN_LIKE_VENUE_WORDS,
    TOWN_PREFIXES,
    VENUE_PREFIXES,
    VENUE_WORDS,
    VESSEL_PREFIXES,
    WATER_WORDS,
    WEATHER_EVENT_WORDS,
    WEEKDAYS,
)
from catalog.patterns import compiled

_SUFFIXES = [(tuple(suffix.split()), level, drop) for suffix, level, drop in PLACE_SUFFIXES]
#: The suffixes by their last word, in _SUFFIXES' order: classify tries only those a name's last word may close.
_SUFFIXES_BY_LAST: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
for _entry in _SUFFIXES:
    _SUFFIXES_BY_LAST.setdefault(_entry[0][-1], []).append(_entry)
#: Numbers of years: "1620 AD", "300 BC".
_YEARS_OF_AN_ERA = compiled(r"\d+\s*(?:ad|bc|bce|ce|a\.d\.|b\.c\.)")
#: Suffixes that name a first-level subdivision in some countries and a county-level unit in others: the
#: gazetteer says which ("Shiga Prefecture" is Japan's JP-25; "Qiandongnan ... Autonomous Prefecture" is not).
_SUBDIVISION_SUFFIXES = frozenset({("prefecture",), ("region",), ("state",), ("oblast",), ("governorate",)})
#: Words after which "of" starts the next, larger place ("Xincheng County of Laibin City").
_ADMIN_WORDS = frozenset(words[-1] for words, _, _ in _SUFFIXES) - {"area"}
_NAME_WORDS = VENUE_WORDS | EVENT_WORDS | _ADMIN_WORDS  # lower-case words ending a name: "Ipanema beach"
_CONNECTORS = frozenset({
    "of", "de", "del", "da", "do", "dos", "das", "du", "des", "la", "le", "for", "upon", "am", "es", "no",
    # the small words inside towns' names in other languages, between two capitalised words: Italian ("San Martino
    # di Lupari", "Reggio nell'Emilia" aside), German ("Strass im Zillertal", "Neuhaus an der Pegnitz"), Spanish
    # ("Santiago de los Caballeros"), French ("Saint-Germain en Laye"), the article of Arabic names as romanised
    # ("Bir el Maksur", "Ras al Ain", "Ash Shunah ash Shamaliyah")
    "di", "della", "dei", "degli", "im", "an", "der", "dem", "den", "los", "las", "en", "sur", "el", "al", "ash",
})
#: Connectors that join only before another ("an der", "an dem"): "an" alone is English's article.
_LEADING_CONNECTORS = {"an": frozenset({"der", "dem"})}
_APOSTROPHES = frozenset({"’", "'"})
#: Nouns of a people after a venue's word in small letters, which make the word their kind, not a place's:
#: "Hmong hill tribe women", "Bajau sea nomads", "Quorva forest dwellers" ("people" stays out: "on Ipanema beach
#: people sunbathe" is the beach).
_PEOPLE_OF_A_KIND = frozenset({"tribe", "tribes", "tribesmen", "tribeswomen", "nomads", "dwellers"})
#: A capitalised word with a French or Italian article elided onto it, after a connector inside a venue's name:
#: "Place de l'Obelisque", "Rue de l’Université", "Piazza dell'Unità" ("d'Orsay" is a particle's name already).
_ELIDED_ARTICLE_NAME = compiled(r"^(?:l|dell|nell|all|dall|sull)['’][^\W\d_a-z]")
_ELIDED_FIRSTS = frozenset("ldnas")  # (their first letters: most words are passed without the regex)
_MONTH_WORDS = frozenset(n.casefold() for names in MONTHS.values() for n in names)
_WEEKDAYS = frozenset(d.casefold() for d in WEEKDAYS)
#: Articles: "The" ends a name ("... in Hefei The ..."), "a" opens an aside (", a shop that sells ...").
ARTICLES = frozenset({"a", "an", "the"})
_DETERMINERS = frozenset({"this", "these", "that", "those", "our", "my", "his", "her", "their", "its", "every",
                          "each", "some", "another"})


#: Words after a town's name that name its centre ("Rotorua city centre", "Ennis town center"): the town is the
#: city, the centre no named venue.
_TOWN_CENTRES = frozenset({("city", "centre"), ("city", "center"), ("town", "centre"), ("town", "center")})


#: Words that open a sentence or a clause with a capital and never a place's name: "With Quorva Tower in the
#: background, ...", "Like Quorva Tower, ...", "As Quorva Tower burns, ..." (the name starts after them).
_NEVER_OPEN_A_NAME = frozenset({
    "with", "without", "like", "unlike", "after", "as", "before", "while", "whilst", "since", "despite", "amid",
    "amidst", "during", "until", "although", "though", "because", "once", "if", "when", "whereas", "and", "but",
    "or", "yet", "here", "meanwhile", "today", "yesterday", "tonight", "also", "then",
})


#: Last words of a body's name: one that holds a place's word before them is the body's, no venue ("the Lake Quorva
#: Fisheries Commission", "the Quorva Valley Water Authority").
_BODY_ENDS = frozenset({"commission", "committee", "council", "association", "federation", "authority", "agency",
                        "corporation", "company", "foundation", "society", "board", "bureau", "administration"})


#: Prepositions that end a name even when written with a capital ("Central Station In Manila").
_CAPITALISED_PREPOSITIONS = frozenset({"in", "at", "near"})


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
    town: int = 0  # an unknown name GeoNames has as a place of 1,000 people or more: its people (1 if not given)
    the: bool = False  # written after "the" (or "his", "their"): "at the Company Bagh"
    described: bool = False  # written after a side or a descriptor: "in upstate New York", "in rural Iowa"


#: Words that may follow "in" with a capital and are never a place.
_NOT_PLACES = _MONTH_WORDS | _WEEKDAYS | {"spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
                                         "ramadan", "advent", "lent"}


def read_name(toks: list[Token], i: int, and_allowed: bool = True) -> int | None:
    """The end of the proper name starting at toks[i]: capitalised words, with "of", "de", a closing
    "village"/"Park", and "and" when a shared suffix follows ("Aba Tibetan and Qiang Autonomous
    Prefecture")."""
    n = len(toks)
    j = i
    if j + 1 < n and toks[j].text[:1].isdigit() and is_capitalised(toks[j + 1].text):
        j += 0 if _stops(toks, j + 1) else 1  # "13th Beijing International Film Festival"
    if j >= n or not is_capitalised(toks[j].text) or _stops(toks, j) or toks[j].lower in _NEVER_OPEN_A_NAME and not (
            toks[j].text == "As" and _an_article_opening_a_town(toks, j)):  # ("in As Suwayda, Syria")
        return None
    while j < n:
        token, word = toks[j], toks[j].lower
        if is_capitalised(token.text) and not _stops(toks, j):
            j += 1
            if strip_possessive(token.text) is not None and not _a_town_named_with_a_possessive(toks, i, j):
                break
            if token.text.endswith(".") and word in STATES:
                break  # "Burlington, VT. Take that!": a state's abbreviation ends the sentence, not the name
            continue
        if j > i and word in _NAME_WORDS and not (j + 1 < n and toks[j + 1].lower in _PEOPLE_OF_A_KIND):
            j += 1  # "Ipanema beach", "al-Our village", "Auto China 2016 show"
            continue
        if j > i and word in NAME_ADJECTIVES:
            k = j
            while k < n and toks[k].lower in NAME_ADJECTIVES:
                k += 1
            if k < n and toks[k].lower in _NAME_WORDS:
                j = k + 1  # "Jiuzhaigou scenic area", "Wolong national nature reserve"
                continue
        if j > i and plain_word(toks[j]) and _may_precede_plain_words(toks, i, j):
            k = j + 1 if j + 1 < n and toks[j + 1].lower in VENUE_WORDS else j + 2
            if k < n and toks[k].lower in VENUE_WORDS and all(plain_word(t) for t in toks[j:k]):
                j = k + 1  # "Musee Grevin wax museum", "Novo-Ogaryovo state residence"
                continue
        following = toks[j + 1] if j + 1 < n else None
        if word.isdigit() and len(word) <= 4 and j > i and (
                toks[j - 1].lower in VENUE_WORDS or toks[j - 1].lower in _NUMBERED_VENUES):
            j += 1  # "Pier 13", "Terminal 2", "Gate 5": a venue's number
            break
        if word[:1].isdigit() and following and not _stops(toks, j + 1) and (
                following.lower in _NAME_WORDS or is_capitalised(following.text)):
            j += 1
            continue
        if word in _APOSTROPHES and j > i and toks[j - 1].lower.endswith("s") and j + 1 < n and (
                toks[j + 1].lower in VENUE_WORDS) and toks[j - 1].end == token.start:
            j += 1  # "St James’ Park": a plural possessive inside a venue's name
            continue
        if word in _TOWN_ONLY_CONNECTORS and j > i and (joined := _a_town_joined_by(toks, i, j)):
            j = joined  # "in Mühldorf bei Feldbach, Austria", "in Grantown on Spey": one town the gazetteer holds
            continue
        if j > i and word[:1] in _ELIDED_FIRSTS and _ELIDED_ARTICLE_NAME.match(token.text):
            j += 1  # "Piazza dell'Unità": a connector and its article elided onto the name's word
            continue
        if word in _CONNECTORS:
            if word in _LEADING_CONNECTORS and (j + 1 >= n or toks[j + 1].lower not in _LEADING_CONNECTORS[word]):
                break  # "in Berlin an hour later"
            if word == "of" and _of_links_places(toks, i, j):
                break  # "Xincheng County | of Laibin City", "the town of Xinshi | of Deqing County"
            m = j + 1 + (j + 1 < n and toks[j + 1].lower == "the")
            if word == "for" and m < n and known_place(toks[m].text):
                break  # "Baotou East Railway Station | for Hohhot": a destination, not "Centre for Islamic Art"
            if word == "for" and _a_known_place_or_town(" ".join(t.text for t in toks[i:j])):
                break  # "in Munich | for the Turkish news agency", "in Paris | for the French Open": a place the
                # gazetteer knows goes on with no "for" (an institution's kind does: "Museum for the History")
            if word != "of" and m < n and toks[m].lower in _CONNECTORS and toks[m].lower != "of" and (
                    toks[m].text.islower()):  # (not "Agusan del Sur": a capitalised "Sur" ends the name)
                m += 1  # "Place de la République", "Bois de la Cambre"
            if m < n and is_capitalised(toks[m].text) and not _stops(toks, m):
                j = m
                continue
            if m < n and _ELIDED_ARTICLE_NAME.match(toks[m].text):
                j = m + 1  # "Place de l'Obelisque", "Piazza dell'Unità": the article elided onto the name's word
                continue
            break
        if word in ("and", "&") and and_allowed:
            more = read_name(toks, j + 1, and_allowed=False)
            if more is not None and (_shares_suffix(toks, i, j, more) or _a_second_field(toks, i, j, more) or (
                    _a_club_of_two_grounds(toks, j, more))):
                j = more
                continue
        break
    return j


def _head_of(word: str) -> str:
    """A word, or the last part of a hyphenated one that is a venue's word: "Grand-bazaar" is a bazaar,
    "Co-Cathedral" a cathedral ("Thai-Myanmar" stays as written)."""
    if "-" not in word:
        return word
    last = word.rsplit("-", 1)[-1]
    return last if last in VENUE_WORDS else word


def _may_precede_plain_words(toks: list[Token], i: int, j: int) -> bool:
    """Whether the capitalised words toks[i:j] may be followed by lower-case words of a venue's name: two or
    more of them, or one that is neither a known place ("Ukraine walk on") nor the first word of a sentence
    ("Youngsters play beach soccer"); a known place after "the" or "at" all the same ("anchored at Gadani
    ship-breaking yard in Gadani": after "at" the words name where, not who)."""
    if j - i > 1:
        return True
    before = toks[i - 1].text if i else ""
    if not before or before in ".!?\n":
        return False
    return before.casefold() in ("the", "at") or not known_place(toks[i].text)


#: Small words that join two capitalised words into one town's name only where the gazetteer (or GeoNames' table of
#: towns) holds the whole ("Mühldorf bei Feldbach", "San Juan y Martínez", "Grantown on Spey", "Rrasa e Sipërme",
#: "Mashtūl as Sūq", "Bergen op Zoom", "Ústí nad Labem"); elsewhere each is a word of the sentence ("in London on
#: Monday", "Paris y Madrid").
_TOWN_ONLY_CONNECTORS = frozenset({"bei", "y", "e", "i", "van", "as", "ad", "ar", "az", "at", "on", "op", "aan", "ob",
                                   "in", "sul", "na", "nad", "pod", "u"})
#: The most capitalised words read after such a joining word for the whole to be looked up.
_TOWN_ONLY_WORDS_AFTER = 2


def _a_town_joined_by(toks: list[Token], i: int, j: int) -> int | None:
    """The end of a town's name that the small word toks[j] joins to the capitalised words toks[i:j], when the
    gazetteer or its table of towns knows the whole: the longest of one or two capitalised words after it."""
    n = len(toks)
    ends: list[int] = []
    k = j + 1
    while k < n and len(ends) < _TOWN_ONLY_WORDS_AFTER and is_capitalised(toks[k].text) and not _stops(toks, k) and (
            toks[k].start == toks[k - 1].end + 1):
        k += 1
        ends.append(k)
    for end in reversed(ends):
        levels = name_levels(" ".join(t.text for t in toks[i:end]))
        if (levels.city_population or levels.town_population) and not (levels.country or levels.province):
            return end
    return None


def _a_town_named_with_a_possessive(toks: list[Token], i: int, j: int) -> bool:
    """Whether the possessive ending toks[i:j] and the capitalised word after it name one town the gazetteer knows
    ("Cox's Bazar"), not an owner and its place ("Beijing's Tiananmen Square")."""
    return j < len(toks) and is_capitalised(toks[j].text) and name_levels(
        " ".join(t.text for t in toks[i:j + 1])).city_population > 0


def _a_known_place_or_town(name: str) -> bool:
    """A name the gazetteer knows as a country, a province, a city or a town GeoNames counts ("Mecca" is one)."""
    levels = name_levels(name)
    return bool(levels.country or levels.province or levels.city_population or levels.town_population)


def known_place(name: str) -> bool:
    levels = name_levels(name)
    return bool(levels.country or levels.province or levels.city_population)


def plain_word(token: Token) -> bool:
    """A lower-case word that may stand inside a venue's name ("wax", "ship-breaking"), not a preposition."""
    return token.text.islower() and token.text.replace("-", "").isalpha() and token.lower not in _NOT_IN_NAMES


_NOT_IN_NAMES = frozenset(PREPOSITIONS) | {
    "a", "an", "the", "and", "or", "as", "while", "during", "after", "before", "with", "where", "when",
    "which", "who", "is", "are", "was", "were", "its", "their", "his", "her", "this", "that", "city",
    "town", "village", "county", "district", "province", "state", "region",
}


#: Lower-case words naming a part of a town after its name: "the Mirpur area of Dhaka".
_PARTS_OF_A_TOWN = frozenset({"area", "neighbourhood", "neighborhood", "quarter", "suburb", "section", "borough"})


def _a_province_after(toks: list[Token], of_at: int) -> bool:
    """Whether the name after "of" is a province or a country ("the Chiri mountains | of South Cholla Province"): a
    site's kind word in small letters before it closes the site's name, and the province is the larger place."""
    k = of_at + 1 + (of_at + 1 < len(toks) and toks[of_at + 1].lower == "the")
    end = read_name(toks, k) if k < len(toks) else None
    return end is not None and classify(" ".join(t.text for t in toks[k:end]))[0] in ("province", "country")


def _of_links_places(toks: list[Token], i: int, of_at: int) -> bool:
    """Whether "of" at toks[of_at] leads to a larger place rather than continuing one name.

    It does after an administrative unit ("Laibin City") and after a bare name when a unit, a province or
    a country follows ("Xinshi of Deqing County"); it does not after a venue word ("National Museum of
    China", "Great Hall of the People") or a word such as "Gulf".
    """
    before = toks[of_at - 1].lower
    if before in _ADMIN_WORDS:
        return True
    if before in VENUE_WORDS and _of_a_placed_city(toks, of_at):
        return True  # "the RA NA building | of Yerevan, Armenia", "the Henoko coastal area | of Nago in Okinawa"
    if before in _PARTS_OF_A_TOWN and toks[of_at - 1].text.islower() and of_at > i + 1 and (
            of_at + 1 < len(toks) and is_capitalised(toks[of_at + 1].text)):
        return True  # "the Aganagar area | of Keraniganj", "the Ulail area | of Savar": a part of the town after "of"
    if before in _NAME_WORDS or before in WATER_WORDS or before in KIND_LEVELS:
        return toks[of_at - 1].text.islower() and of_at > i + 1 and _a_province_after(toks, of_at)
    k = of_at + 1 + (of_at + 1 < len(toks) and toks[of_at + 1].lower == "the")
    end = read_name(toks, k) if k < len(toks) else None
    if end is None:
        return False
    after = " ".join(t.text for t in toks[k:end])
    joined = " ".join(t.text for t in toks[i:end]).casefold()
    if joined in COUNTRIES or joined in COUNTRY_ALIASES:
        return False  # "Democratic Republic of Congo"
    if classify(after)[0] in ("town", "county", "city", "province", "country"):
        return True
    # "Rajashan of Savar": an unknown name, then a city the gazetteer knows well, are two places
    before_name = " ".join(t.text for t in toks[i:of_at])
    population = name_levels(after).city_population
    if population >= OF_A_KNOWN_CITY:
        return not known_place(before_name)
    return population >= OF_A_SMALLER_CITY and of_at == i + 1 and _a_bare_local_name(toks[i].lower, before_name)


def _a_bare_local_name(word: str, name: str) -> bool:
    """Whether one capitalised word before "of" is a bare local name ("Rajashan of Madaripur", "Shibchar of
    Quorvapur"): no word of a title, a body, an event or a venue ("Duke of", "Chamber of", "Battle of", "Port
    of"), and no place the gazetteer or its table of towns knows (a known name is a place of its own)."""
    if word in TITLE_WORDS or word in ORGANISATION_WORDS or word in EVENT_WORDS or word in VENUE_WORDS or (
            word in OCCUPATION_TITLES or word in _NAME_WORDS or word in WATER_WORDS):
        return False
    levels = name_levels(name)
    return not (levels.country or levels.province or levels.city_population or levels.town_population)


def _of_a_placed_city(toks: list[Token], of_at: int) -> bool:
    """Whether "of" after a venue word leads to a city the gazetteer knows (or a town GeoNames' table of towns
    holds there) in the province or country written right after it ("the RA NA building of Yerevan, Armenia",
    "the Henoko coastal area of Nago in Okinawa Prefecture", "the Ancient Agora of Aigio, Greece"): the venue's
    town, not a part of its name. "The National Museum of China", "the Great Hall of
    the People" and "the Museum of London" (no larger place after it) stay one name."""
    k = of_at + 1
    end = _capitalised_run(toks, k)  # (not read_name, which would ask this again: "Hall of Hall of ...")
    if end == k or end + 1 >= len(toks) or toks[end].lower not in (",", "in"):
        return False
    city = " ".join(t.text for t in toks[k:end])
    levels = name_levels(city)
    country = levels.city_country
    if not (country or levels.town_population):
        return False
    end = _past_capital_of(toks, end)  # "the Railway Station of Lhasa, capital of southwest China's Tibet ..."
    side = _a_country_s_side(toks, end + 1)
    if side is not None:  # "Pukou Economic Development Zone | of Nanjing, east China's Jiangsu Province"
        return side == country if country else a_town_of(city, side)
    larger_end = _capitalised_run(toks, end + 1)
    if larger_end == end + 1:
        return False
    larger = " ".join(t.text for t in toks[end + 1:larger_end])
    level, value = classify(larger)
    if level == "country":
        written = name_levels(value).country
    elif level == "province":
        written = (name_levels(value).province or "").partition("-")[0]
    else:
        return False
    if country:
        return written == country
    return bool(written) and a_town_of(city, written)  # "the Ancient Agora of Quorvia, Greece": GeoNames' town


def _past_capital_of(toks: list[Token], comma: int) -> int:
    """The index of "of" when ", capital of" or ", the capital of" follows a town at `comma` (the larger place then
    follows it, as it follows a comma), `comma` otherwise."""
    k = comma + 1 + (comma + 1 < len(toks) and toks[comma + 1].lower == "the")
    if toks[comma].lower == "," and k + 2 < len(toks) and toks[k].lower == "capital" and toks[k + 1].lower == "of":
        return k + 1
    return comma


def _a_country_s_side(toks: list[Token], k: int) -> str | None:
    """The country written as a side of it right after a city ("Nanjing, east China's Jiangsu Province", "Naha,
    southern Japan's"): one or two direction words, then the country's name with "'s"; None if not so."""
    m = k
    while m < len(toks) and m < k + 2 and toks[m].lower in DIRECTIONS:
        m += 1
    country = strip_possessive(toks[m].text) if k < m < len(toks) else None
    return (name_levels(country).country or None) if country else None


def _capitalised_run(toks: list[Token], i: int) -> int:
    """The end of the capitalised words from toks[i] ("Okinawa Prefecture", "Papua New Guinea"), i if none."""
    j = i
    while j < len(toks) and is_capitalised(toks[j].text) and not _stops(toks, j):
        j += 1
    return j


def _shares_suffix(toks: list[Token], i: int, and_at: int, end: int) -> bool:
    before = {t.lower for t in toks[i:and_at]}
    after = {t.lower for t in toks[and_at + 1:end]}
    joined = " ".join(t.text for t in toks[i:end]).casefold()
    return joined in COUNTRIES or (not before & _NAME_WORDS and bool(after & _NAME_WORDS))


#: A disaster's word, written alone with a capital where a town's name could stand ("Bushfires in Australia seen
#: from space", "Floods in Quorvania"): the event, never a town. (Not "Hurricane" or "Tornado": towns of Utah and
#: Texas the gazetteer holds.)
DISASTER_WORDS = frozenset({
    "floods", "flooding", "wildfire", "wildfires", "bushfire", "bushfires", "fires", "earthquake", "earthquakes",
    "quake", "quakes", "tornadoes", "typhoon", "typhoons", "hurricanes", "cyclone", "cyclones", "drought",
    "droughts", "landslide", "landslides", "mudslide", "mudslides", "avalanche", "avalanches", "tsunami", "tsunamis",
    "heatwave", "heatwaves", "snowstorm", "snowstorms", "sandstorm", "sandstorms", "storms", "blizzard",
    "blizzards", "monsoon", "monsoons",
})


#: Words naming the ground a club plays or keeps, before "Club" ("Quorva Golf Club", "the Royal Quorva Yacht Club",
#: "Quorva Golf and Country Club"): such a club is a site. Clubs named after a team's game ("Football Club",
#: "Cricket Club", "Racing Club") are teams as often, and other clubs ("Rotary Club") bodies.
GROUND_CLUB_WORDS = frozenset({
    "golf", "country", "yacht", "tennis", "croquet", "polo", "rowing", "sailing", "bowling", "bowls", "lawn",
    "racquet", "racquets", "hunt", "jockey", "ski", "surf", "boat", "riding", "curling", "squash", "gun",
})


def _a_grounds_club(words: list[str]) -> bool:
    """Whether a name of three words or more closes in a ground's word and "Club": "Quorva Golf Club", "the Royal
    Quorva Yacht Club" (not "the Golf Club" alone, no name, nor "Quorva Football Club", a team)."""
    return len(words) > 2 and words[-1] == "Club" and words[-2].casefold() in GROUND_CLUB_WORDS


def _a_club_of_two_grounds(toks: list[Token], and_at: int, end: int) -> bool:
    """Whether "and" (or "&") joins two grounds' words of one club's name: "Quorva Golf and Country Club", "the
    Quorva Tennis and Croquet Club"; the ground's word before "and" and every word after it but "Club"."""
    return toks[end - 1].text == "Club" and end - and_at > 2 and toks[and_at - 1].lower in GROUND_CLUB_WORDS and all(
        t.lower in GROUND_CLUB_WORDS for t in toks[and_at + 1:end - 1])


def _a_second_field(toks: list[Token], i: int, and_at: int, end: int) -> bool:
    """'the Kyoto Chamber of Commerce and Industry', 'the Museum of Fine Arts and Archaeology': one capitalised
    word after "and" closing a name whose venue or institution word is followed by "of" names the second field
    of the same body, not a second place; not a place the gazetteer knows ("the Museum of Art and Paris")."""
    if end != and_at + 2 or known_place(toks[and_at + 1].text):
        return False
    return any(toks[k].lower == "of" and (toks[k - 1].lower in _NAME_WORDS or names_an_institution(toks[k - 1].lower))
               for k in range(i + 1, and_at))


#: Words that always end a name, and every word that may (what _stops tests past its first look-up).
_ALWAYS_STOP = _WEEKDAYS | ARTICLES | _DETERMINERS
_MAY_STOP = _ALWAYS_STOP | _CAPITALISED_PREPOSITIONS | _MONTH_WORDS


def _stops(toks: list[Token], j: int) -> bool:
    """Capitalised words that end a name: weekdays, a month before a day, "The"."""
    word = toks[j].lower
    if word not in _MAY_STOP:
        return False  # (most words: one look-up)
    if word in _ALWAYS_STOP:
        return not (word == "an" and (_an_inside_a_name(toks, j) or _an_article_opening_a_town(toks, j)))
    if word in _CAPITALISED_PREPOSITIONS and 0 < j < len(toks) - 1 and toks[j - 1].text[:1].isupper():
        return True  # "the LRT Central Station In Manila": a preposition written with a capital ends a name
    if word in _MONTH_WORDS:
        return j + 1 >= len(toks) or toks[j + 1].text[:1].isdigit() or toks[j + 1].text == ","
    return False


def _an_inside_a_name(toks: list[Token], j: int) -> bool:
    """"An" closing a name after a capitalised word, as Vietnamese names write it ("Nghe An province", "Long An,
    Vietnam", "Hoi An."), where the article opens a phrase ("Hanoi An old man"): the next token is punctuation
    or a kind of place, never a word of the phrase; or nothing follows ("A bridge in Hoi An" as a title); or the
    two words are a place the gazetteer knows ("the bridge in Hoi An slowly comes into focus")."""
    if toks[j].text != "An" or j == 0 or not is_capitalised(toks[j - 1].text):
        return False
    if j + 1 >= len(toks):
        return True
    following = toks[j + 1].lower
    return following in (",", ".", ";") or following in KIND_LEVELS or known_place(f"{toks[j - 1].text} An")


def _an_article_opening_a_town(toks: list[Token], j: int) -> bool:
    """"An" or "As" written with a capital inside a sentence, opening a town's name the gazetteer or its table of
    towns knows with the capitalised word after it ("Tanks arrive in An Khê", "in An Giang province", "in As
    Suwayda, Syria"): the Vietnamese word or the Arabic article, where the English words open a phrase ("An old
    man", "As Syria burns", and at a sentence's start "An Italian crew")."""
    if toks[j].text not in ("An", "As") or j == 0 or j + 1 >= len(toks) or not is_capitalised(toks[j + 1].text):
        return False
    before = toks[j - 1].text
    if not (before.islower() or before == ","):
        return False
    levels = name_levels(f"{toks[j].text} {toks[j + 1].text}")
    if not (levels.city_population or levels.town_population or levels.province) and j + 2 < len(toks) and (
            is_capitalised(toks[j + 2].text)):
        levels = name_levels(f"{toks[j].text} {toks[j + 1].text} {toks[j + 2].text}")  # "As Saţwah Sharq"
    return bool(levels.city_population or levels.town_population or levels.province) and not levels.country


def element_of(
    toks: list[Token], start: int, end: int, saw_the: bool, kind: str | None, last_word: str | None = None
) -> Element:
    if end - start == 1 and toks[start].lower in _STATE_FORMS and _a_state_named_after(toks, end):
        # "in Logovardi, Republic of North Macedonia": the state's own name, its country read after "of", and no
        # town (Missouri's Republic) between the scene's town and it
        return Element("ignore", toks[start].text, toks[start].start, toks[start].end)
    words = [t.text for t in toks[start:end]]
    if last_word is not None:
        words[-1] = last_word
    text = " ".join(words)
    if "’" in words or "'" in words:  # words joined as written: "St James’ Park", not "St James ’ Park"
        text = "".join(w if k == 0 or toks[start + k - 1].end == toks[start + k].start else " " + w
                       for k, w in enumerate(words))
    level, value = classify(text, saw_the, kind)
    if level == "venue" and kind is None and end < len(toks) and toks[end].lower == "with" and (
            toks[end - 1].lower == _BORDER):
        level = "ignore"  # "the Irshketam border with Xinjiang": the line a land shares with its neighbour
    if level == "place" and kind is None and _a_grounds_club(words):
        level = "venue"  # "at the Quorva Golf Club": a club named after its ground is the ground, a site
    elif level == "place" and kind is None and end - start == 1 and toks[start].lower in DISASTER_WORDS:
        level = "event"  # "Bushfires in Australia seen from space": the disaster, no town of that name
    if level == "ignore" and end - start > 1 and kind is None and _a_town_before_its_province(text, toks, end):
        level = "place"  # "in King Cove, Alaska", "in Gulf Shores, Ala.": a title's or a water's word in a town's name
    if level == "venue" and not saw_the and kind is None and _a_city_named_like_a_site_after_in(text, toks, start):
        level = "place"  # "a touchdown ... in Queen Creek.", "in Beverly Hills": the city the table holds
    element = Element(level, value, toks[start].start, toks[end - 1].end,
                      prefecture=level == "county" and value.casefold().endswith(("prefecture", "league")),
                      the=saw_the)
    if level in ("place", "city"):
        known = name_levels(value)
        element.population, element.also_province = known.city_population, bool(known.province)
        if level == "place" and _initials(value):
            element.population = 0  # "Great Southern region, WA": a state's initials, not Ghana's town of Wa
        if level == "place" and saw_the and element.population < CITY_AFTER_THE:
            element.population = 0  # "in the Andes": a range, a sea or a region, not Colombia's town of Andes
        if level == "place" and not (known.city_population or known.province or known.country):
            centre = _centre_of_a_city(value)
            if centre:
                element.value, element.population = centre, name_levels(centre).city_population
                return element  # "a rooftop in Central Helsinki": the city's centre, written with a capital
            element.population = _side_of_a_city(value)
            if not saw_the and not value.isupper() and not names_a_language(value):
                element.town = known.town_population  # (not "in the Pacific", "the NGO case", "in English")
    return element


#: A name closing in a word that closes towns' names as often as sites' ("Queen Creek", "Beverly Hills") is the city
#: the city table holds of it with at least this many people when a bare "in" is written right before it (the
#: words alone need TOWN_NAMED_CITY: "Victoria Falls, seen from the Zambian side" is the falls).
SITE_NAMED_CITY_AFTER_IN = 30_000


def _a_city_named_like_a_site_after_in(name: str, toks: list[Token], start: int) -> bool:
    """Whether a name of one or two words closing in a town-like venue word ("Queen Creek", "Brooklyn Center") is
    written right after "in" with no article, and the city table holds it with SITE_NAMED_CITY_AFTER_IN people or
    more: "in" with no "the" writes a town, and a city of that size is no creek's or hill's name ("in Point
    Breeze", a city of 17,000 in the table, is a quarter of Pittsburgh as often)."""
    words = name.split()
    if not start or toks[start - 1].lower != "in" or len(words) > 2 or (
            words[-1].casefold() not in TOWN_LIKE_VENUE_WORDS):
        return False
    return name_levels(name).city_population >= SITE_NAMED_CITY_AFTER_IN


def _a_town_before_its_province(name: str, toks: list[Token], end: int) -> bool:
    """Whether a name of two words or more that a title's or a water's word made no place ("King Cove", "Gulf
    Shores", "Lake Placid") is a town GeoNames knows, written before a comma and a province or a state ("King
    Cove, Alaska", "Gulf Shores, Ala."): that is how a town is placed; a person's title before a name is no town
    the tables hold ("Prince William, Duke of ...")."""
    if end + 1 >= len(toks) or toks[end].text != "," or not is_capitalised(toks[end + 1].text):
        return False
    levels = name_levels(name)
    if not levels.town_population or levels.country or levels.province:
        return False
    stop = read_name(toks, end + 1)
    return stop is not None and classify(" ".join(t.text for t in toks[end + 1:stop]))[0] == "province"


#: Words of a state's own name before "of" and its country: "Republic of Korea", "Kingdom of Bhutan".
_STATE_FORMS = frozenset({"republic", "kingdom", "principality", "sultanate", "emirate", "federation"})


def _a_state_named_after(toks: list[Token], end: int) -> bool:
    """Whether "of" and a country's name follow toks[end - 1] ("Republic | of North Macedonia", "Kingdom | of the
    Netherlands"): the word before is part of the state's name."""
    if end + 1 >= len(toks) or toks[end].lower != "of":
        return False
    at = end + 2 if toks[end + 1].lower == "the" else end + 1
    if at >= len(toks) or not is_capitalised(toks[at].text):
        return False
    stop = read_name(toks, at)
    return stop is not None and classify(" ".join(t.text for t in toks[at:stop]))[0] == "country"


def _initials(name: str) -> bool:
    """A name written as two or three capitals ("WA", "VIC", "PA"): initials, which the gazetteer (which folds
    case) matches to towns written as words ("Wa", "Vic", "Pa") in other countries."""
    return 2 <= len(name) <= 3 and name.isalpha() and name.isupper()


#: Words naming a part of the city after them: "South Jakarta", "Old Dhaka", "Central Manila".
_CITY_PARTS = DIRECTIONS - {"far", "mainland"} | {"old", "downtown", "inner", "greater"}


#: Capitalised words naming the middle of the city after them, never a district of its own as "South Jakarta" is:
#: "Central Helsinki", "Downtown Nairobi" (the city, as "central Helsinki" written in lower case is).
_CENTRE_WORDS = frozenset({"central", "downtown", "midtown", "uptown", "inner"})
#: The city after a centre's word is one the gazetteer knows with at least this many people ("Central Java",
#: "Inner Mongolia", "Central Station" name no such city).
CENTRE_OF_A_CITY = 100_000


def _centre_of_a_city(name: str) -> str | None:
    """The city whose centre an unknown name writes with a capital ("Central Helsinki": Helsinki), else None."""
    centre, _, rest = name.partition(" ")
    if centre.casefold() not in _CENTRE_WORDS or not rest[:1].isupper():
        return None
    return rest if name_levels(rest).city_population >= CENTRE_OF_A_CITY else None


def _side_of_a_city(name: str) -> int:
    """The people of the city a name is a part of ("South Jakarta": Jakarta's), else 0: the name is then
    known through the city, and a name before it is inside that city ("Rempoa, South Jakarta")."""
    side, _, rest = name.partition(" ")
    if side.casefold() not in _CITY_PARTS or not rest:
        return 0
    return name_levels(rest).city_population


#: An unknown name "of" a city the gazetteer knows with at least this many people is a place inside that city.
OF_A_KNOWN_CITY = 100_000
#: One bare local name "of" a city the gazetteer knows with at least this many people is a place inside it
#: ("Rajashan of Madaripur", a city of 85,000), as a newsroom writes a village or a union of its district's town.
OF_A_SMALLER_CITY = 20_000
#: Street and square words written joined to the name, as Dutch, German and Nordic names are: "Haarlemmerstraat",
#: "Friedrichstraße", "Kurfürstendamm", "Kongens Nytorv", "Viktualienmarkt" (a town the gazetteer knows stays one).
_GLUED_VENUE = compiled(r"\w{3}(?:straat|strasse|straße|gasse|platz|plein|gracht|steeg|allee|damm|ufer|"
                          r"markt|brücke|torv|vej|torg|torget|gatan|katu|tori)$")

#: A name ending in "Town" or "Village" is the city the gazetteer knows of it with at least this many people
#: ("Cape Town"), not a township.
TOWN_NAMED_CITY = 40_000
#: "the Lhasa City" is the city when the gazetteer knows one of at least this many people ("the Old City" is not).
CITY_AFTER_THE = 100_000
#: A name opened by a title ("Prince Albert", "General Santos") is the city the gazetteer knows of it with at least
#: this many people, not a person ("Prince Edward", a municipality of 25,000, stays the prince).
TITLED_CITY = 30_000


def _names_a_post(words: list[str]) -> bool:
    """Whether one capitalised name is a person with their post: a venue word, then a title or rank, then the
    person's name ("Aoraki Area Commander Inspector Dave Gaskin", "U.S. Coast Guard Chief Petty Officer Tariq
    Hill"). A title opening the name ("King Fahd Stadium") or closing it ("Royal Palace Guard Commander") is no
    person's."""
    return any(word.strip(".,") in _POST_WORDS and any(w.strip(".,") in VENUE_WORDS for w in words[:at])
               for at, word in enumerate(words[1:-1], 1))  # ("Quorva Magistrate Court Magistrate Alen Menda")


_POST_WORDS = TITLE_WORDS | OCCUPATION_TITLES
#: Words that name a venue only with its number after them: "VFW Post 1503" (a "Post" alone is a newspaper).
_NUMBERED_VENUES = frozenset({"post", "hangar", "berth"})
#: A street's side or end after its abbreviation: "Erie St. North", "Queen St. West".
_STREET_SIDES = frozenset({"north", "south", "east", "west"})
#: A street's kind written short, closing its name: "Georgia St.", "Yonge St", "Fifth Ave.", "Rodeo Dr.".
_STREET_ABBREVIATIONS = frozenset({"st.", "st", "ave.", "ave", "rd.", "rd", "blvd.", "blvd", "dr.", "hwy.", "pkwy."})


#: Words that with "City" name a town's quarter, not a city: "Old City", "Walled City", "Inner City".
_QUARTER_WORDS = DESCRIPTORS | {"old", "inner", "walled", "forbidden", "holy", "lower", "upper", "imperial"}


#: Venue words that, closing a name holding an off-Earth word, make it a site on the Earth ("Crescent Moon Spring").
_EARTHLY_SITES = VENUE_WORDS - {"station", "base", "laboratory", "lab", "module", "terminal", "gateway", "port",
                                "spaceport", "cosmodrome", "observatory", "crater", "plateau", "basin", "pass"}
#: Places off the Earth, as whole words: "the Moon", "Mars orbit"; not "Marseille", "Moonee Ponds".
_OFF_EARTH = compiled(r"\b(?:" + "|".join(re.escape(w) for w in OFF_EARTH) + r")\b")


#: The fewest people of a city that a name no country table holds is read as, rather than its country.
_CITY_OVER_COUNTRY = 100_000


def _a_large_city_of_its_country(folded: str, known: NameLevels) -> bool:
    """A name no country table of ours holds that the gazetteer matches to a country only through another
    language's name for it, and that is a large city of that same country: "Tunis" is Tunisia's capital ("a protest
    in Tunis"), not Tunisia."""
    return bool(folded not in COUNTRIES and known.city_country == known.country
                and known.city_population >= _CITY_OVER_COUNTRY)


def _a_city_abroad(known: NameLevels) -> bool:
    """A name no country table holds that the gazetteer matches to a country only loosely, and that is the own
    name of a city in another country: "Salvador" is Brazil's city, not El Salvador ("in Salvador, Bahia")."""
    return bool(known.city_population and known.city_country and known.city_country != known.country)


#: Level words long enough that one or two letters run into them are a slip of the keys, not another word.
_GLUABLE_LEVELS = ("province", "prefecture", "municipality")
#: Endings that make a level word another word of its own: "Provinces", "Prefectural", "Provincial".
_LEVEL_ENDINGS = frozenset({"s", "es", "al"})


def _level_word_glued(word: str) -> str | None:
    """The level word a name's last word begins with when one or two letters that make no word of it follow
    ("provinceon" gives "province"; "provinces", "prefectural" give None).

    >>> _level_word_glued("provinceon"), _level_word_glued("provincek"), _level_word_glued("provinces")
    ('province', 'province', None)
    """
    for level in _GLUABLE_LEVELS:
        if word.startswith(level) and 0 < len(word) - len(level) <= 2 and word[len(level):] not in _LEVEL_ENDINGS:
            return level
    return None


_BORDER = "border"
#: Two lands joined by a hyphen before "border" ("Punjab-Haryana", "Thai-Cambodia"): the line between them.
_LANDS_JOINED = compiled(r"[^\W\d_][\w.']*-[A-Z][\w.']*")


def border_site(name: str) -> str | None:
    """A border as a site, named by its own place: "Tikri border", "the Rusumo border", where people gather, cross
    and camp; in "Punjab-Haryana Shambhu border" the lands joined before the name only say which line the point is
    on (the Shambhu border). None when the words before "border" are only the lands the line runs between: two
    joined by a hyphen ("US-Mexico border"), a country, a first-level region or a people ("Pakistan border
    crossing", "Punjab border", "the China Afghan border"), or no name at all ("inter-Korean border").

    >>> border_site("Punjab-Haryana Shambhu border"), border_site("US-Mexico border"), border_site("Tikri border")
    ('Shambhu border', None, 'Tikri border')
    """
    words = name.split()
    at = next(k for k, w in enumerate(words) if w.casefold() == _BORDER)
    own = words[1:at] if words[:1] in (["the"], ["The"]) else words[:at]
    while own and _LANDS_JOINED.fullmatch(own[0]):
        own = own[1:]
    if not own or not all(w[:1].isupper() and "-" not in w for w in own):
        return None
    for word in own:
        levels = name_levels(word)
        if levels.country is not None or levels.province is not None or word.casefold() in DEMONYMS or (
                word.casefold() in COUNTRIES):
            return None
    return " ".join([*own, *words[at:]])


#: The countries whose prefectures are the first level below the country, the province: Japan's 47 (and the
#: Central African Republic's). Elsewhere a prefecture is a unit below the province: China's stand in for the city
#: ("Altay Prefecture, northwest China's Xinjiang": not Russia's Altai Republic, whose name the gazetteer matches),
#: Guinea's and Togo's sit inside a region of the same name.
_PREFECTURE_PROVINCES = frozenset({"JP", "CF"})


def _a_first_level_unit(name: str, suffix: tuple[str, ...]) -> bool:
    """Whether "X Prefecture", "X Region", "X State" ... is a province the gazetteer knows, at the first level below
    its country: a prefecture only in the countries of ``_PREFECTURE_PROVINCES``."""
    code = name_levels(name).province
    if code is None:
        return False
    return suffix != ("prefecture",) or code.partition("-")[0] in _PREFECTURE_PROVINCES


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
        if len(words) > 1 and words[-1] in VENUE_WORDS and name.split()[-1].islower():
            return "venue", name  # "the ancient city of Kashgar scenic area": a site named after the old city
        return kind, name
    if folded.rstrip(".") in _NOT_PLACES or _YEARS_OF_AN_ERA.fullmatch(folded):
        return "ignore", name  # "in January", "in spring", "built in 1620 AD"
    if words[0] in EVENT_PREFIXES:
        return "ignore", name  # "Operation Mountain Viper"
    if len(words) > 1 and (words[0] in VESSEL_PREFIXES or "cutter" in words[:-1]):
        return "ignore", name  # "USS Gerald R. Ford", "HMS Duncan", "Coast Guard Cutter Alex Haley": a ship
    if len(words) > 1 and all(len(word) == 1 for word in words):
        return "ignore", name  # "the P R of China": initials, no place's name
    if folded in DEMONYMS:
        return "ignore", name  # "in Seoul, South Korean children ...", "an Argentine flag": a people, no place
    if folded in CITY_STATES:
        return "city", name
    if _BORDER in words:
        site = border_site(name)
        if site is None:
            return "ignore", name  # "the US-Mexico border", "the Pakistan border crossing": a line between lands
        if words[-1] == _BORDER:
            return "venue", site  # "at Tikri border", "the Punjab-Haryana Shambhu border"
    if folded in QUARTER_NAMES:
        return "venue", name  # "Smith Street in Chinatown": a quarter of a city, no town
    if folded in CITY_PART_NAMES:
        return "ignore", name  # "the New York Public Library in Midtown": the library is the scene
    if folded in COUNTRY_ALIASES or (saw_the and f"the {folded}" in COUNTRY_ALIASES):
        return "country", COUNTRY_ALIASES.get(folded) or COUNTRY_ALIASES[f"the {folded}"]
    if folded in COUNTRIES:
        return "country", name
    if folded in REGIONS or _OFF_EARTH.search(folded) and words[-1].strip(".,") not in _EARTHLY_SITES:
        # ("the Crescent Moon Spring", "Mars Hill": a site named after the sky is on the Earth; "the Tiangong space
        # station", "a lunar base" are not)
        return "ignore", name
    if folded.removeprefix("the ") in OPEN_WATERS or len(words) > 1 and words[0] in DIRECTIONS and (
            " ".join(words[1:]) in OPEN_WATERS):
        return "ignore", name  # "across the North Atlantic", "in the Mediterranean": open water, no town
    if len(words) > 2 and tuple(words[-2:]) in _TOWN_CENTRES:
        town = " ".join(name.split()[:-2])
        if name_levels(town).city_population or name_levels(town).town_population:
            return "city", town  # "in Rotorua city centre": the town's centre, no venue of its own name
    glued = _level_word_glued(words[-1]) if len(words) > 1 and words[-1] not in _SUFFIXES_BY_LAST else None
    if glued is not None:
        # "south China's Hainan Provinceon March 26", "Qinghai Provincek": the level word with a next word's
        # letters or a stray key run into it, read as the level word alone
        return classify(name[:len(name) - len(words[-1]) + len(glued)], saw_the, kind)
    for suffix, level, drop in _SUFFIXES_BY_LAST.get(words[-1], ()):
        if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
            if suffix == ("city",) and saw_the and (
                    name_levels(" ".join(name.split()[:-1])).city_population < CITY_AFTER_THE):
                return "venue", name  # "the Forbidden City": a landmark, not a city ("the Lhasa City" is one)
            if suffix == ("city",) and all(w in _QUARTER_WORDS for w in words[:-1]) and (
                    name_levels(" ".join(name.split()[:-1])).city_population < CITY_AFTER_THE):
                return "venue", name  # "Jerusalem's Old City", "the Walled City": a quarter, not a city "Old"
            if level == "town" and name_levels(name).city_population >= TOWN_NAMED_CITY:
                return "place", name  # "Cape Town", "George Town": a city whose name ends in "Town", no township
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
            if level == "county" and suffix in _SUBDIVISION_SUFFIXES and _a_first_level_unit(name, suffix):
                return "province", " ".join(name.split()[: -len(suffix)])  # "Shiga Prefecture": Japan's JP-25
            return level, value
    if "-" in words[-1] and words[-1].rsplit("-", 1)[1] in HYPHENED_TOWN_SUFFIXES and words[-1][0] != "-":
        return "town", name  # "Seongsan-ri", "Hwachon-myeon": Korea's village and township, below the county
    if len(words) > 3 and (words[0] in OCCUPATION_TITLES or words[0] in TITLE_WORDS) and "of" in words:
        return "ignore", name  # "Nurse Gökalp Ballı of the Gevaş Public Health Center": a person and their post
    if _names_a_post(words):
        return "ignore", name  # "Aoraki Area Commander Inspector Dave Gaskin": a post and a person
    if len(words) > 2 and words[-1].isdigit() and words[-2] in _NUMBERED_VENUES:
        return "venue", name  # "VFW Post 1503", "American Legion Post 12": a veterans' hall by its number
    if len(words) > 1 and words[-1] in _STREET_ABBREVIATIONS or len(words) > 2 and (
            words[-2] in _STREET_ABBREVIATIONS and words[-1] in _STREET_SIDES):
        return "venue", name  # "Georgia St.", "Fifth Ave.": a street, where "St." before a name is a saint's;
        # "Erie St. North", "Queen St. West": the street's side or end written after it
    if len(words) > 1 and words[-1] in WEATHER_EVENT_WORDS:
        return "event", name  # "Porthleven Storm": a storm's title, not a town of that name
    if len(words) > 2 and words[-1].strip(".,") in _BODY_ENDS and words[-2].strip(".,") not in VENUE_WORDS:
        return "ignore", name  # "Kuskokwim River Inter Tribal Fisheries Commission": a body named after a river
    for word in reversed(words):
        word = _head_of(word.strip(".,"))
        if word in EVENT_WORDS:
            if len(words) > 1 and word == words[-1].strip(".,").casefold() and name_levels(name).city_population:
                return "place", name  # "Khai Gala": a city the table holds, whose last word an event's is too
            return "event", name
        if word in VENUE_WORDS:
            if len(words) == 1 and word == words[0].strip(".,") and not saw_the and word not in PROPER_VENUES:
                return "place", name  # "Fields in Guangnan county": a generic word, not a name
            known = name_levels(name)
            if (word in TOWN_LIKE_VENUE_WORDS or word in LARGE_TOWN_VENUE_WORDS) and known.city_population >= 40_000:
                return "place", name  # "Green Bay", "Long Beach", "Colorado Springs": cities
            if len(words) > 1 and word == words[0] and word in _CITY_OPENING_SITE_WORDS and known.city_population:
                return "place", name  # "Cape Girardeau", "Cape Coral": a cape's word opening a city's name, which
                # the city table holds ("Cape Canaveral", "Cape Horn", towns of a few thousand, stay the sites)
            if len(words) > 1 and not known.city_population and (known.country or known.province) and (
                    word not in _BUILDING_WORDS):
                # "the U.S. Virgin Islands", "the Canary Islands", "the Faroe Islands": a territory, no venue
                return ("country" if known.country and not known.province else "province"), name
            return "venue", name
        if word in WATER_WORDS:
            return "ignore", name
    if len(words) > 1 and words[0] in TOWN_PREFIXES and not name_levels(name).city_population:
        return "town", name  # "Barangay Santo Nino", "Brgy. Sto. Nino", "Sitio Tagpalico": a village, by its kind
    if len(words) > 1 and words[0] in PROVINCE_PREFIXES and name_levels(rest := name.split(maxsplit=1)[1]).province:
        return "province", rest  # "Canton Schwyz", "Kanton Bern": the canton
    if len(words) > 1 and _opens_a_venue(words[0]) and not name_levels(name).city_population:
        return "venue", name  # "Wat Intharam Worawiharn", "Jalan Silang", "Parc des Princes", "Fort Hood"
    if _GLUED_VENUE.search(words[-1]) and not (name_levels(name).city_population or name_levels(name).town_population):
        return "venue", name  # "Haarlemmerstraat", "Friedrichstraße", "Viktualienmarkt": a street or a square
    if any(word.strip(".,") in TITLE_WORDS for word in words) and not (
            len(words) > 1 and name_levels(name).city_population >= TITLED_CITY):
        return "ignore", name  # "the 16th President"; not "Empress Market", read above by its venue word
    if folded in MUNICIPALITIES or folded in CITY_STATES:
        return "city", name
    if folded in CHINA_PROVINCES or folded in STATES:
        return "province", name
    known = name_levels(name)
    if known.country and not _a_city_abroad(known) and not _a_large_city_of_its_country(folded, known):
        return "country", name
    if known.province and not known.city_population:
        return "province", name  # "Hatay", "Shiga", "Alborz"
    if len(words) > 1 and words[0] in DIRECTIONS and not (known.city_population or known.town_population):
        return _side_of_a_larger_place(name)
    return "place", name


#: Venue words of a building, which no territory's name ends with: "Christ Church" over a village is the church,
#: though a parish of Barbados has the name (a territory of islands or coast keeps it: "the Canary Islands").
_BUILDING_WORDS = frozenset({"church", "chapel", "cathedral", "temple", "mosque", "abbey", "basilica", "hall",
                             "tower", "castle", "palace", "school", "station", "hospital", "museum"})


#: Venue words that open cities' names as often as sites' ("Cape Girardeau", "Cape Coral" beside "Cape Point"; "Port
#: Vila", a capital of 36,000, beside "Port Everglades"); not "fort" ("Fort Bragg", "Fort Leonard Wood": a base the
#: city table counts is still the base the photo is on).
_CITY_OPENING_SITE_WORDS = frozenset({"cape", "port"})


def _opens_a_venue(word: str) -> bool:
    """Whether a name's first word (folded) opens a venue's name: "jalan", "piazza", and a venue's word joined to
    the name by Persian's ezafe ("bazaar-e", "masjed-e")."""
    if word in VENUE_PREFIXES:
        return True
    if not word.endswith(EZAFE_ENDINGS):
        return False
    stem = word.rsplit("-", 1)[0]
    return stem in VENUE_PREFIXES or stem in VENUE_WORDS


def _side_of_a_larger_place(name: str) -> tuple[str, str]:
    """'North East Yunnan', 'Northern Sindh': capitalised sides before a province or a country that the name as a
    whole is not, as "southwestern Guizhou" in lower case: that province or country."""
    words = name.split()
    start = 1
    while start < len(words) - 1 and words[start].casefold() in DIRECTIONS:
        start += 1
    rest = " ".join(words[start:])
    if rest.casefold() in DIRECTIONS:
        return "place", name  # "Far East"
    level, value = classify(rest)
    return (level, value) if level in ("province", "country") else ("place", name)
