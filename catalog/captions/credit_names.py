"""Whether a name in a credit reads as a person, an organisation or a media outlet, by its shape alone.

The credit reader (``credit_reader``) and the decision rules (``credit_roles``) ask these questions of every
"/" part the house rules do not name as an agency; they need no rules, only the word lists of
``vocabulary``. ``photographer_in_text`` finds a photographer the prose names when no credit line does::

    >>> looks_like_person("Andy Wong"), looks_like_person("Hainan Airlines")
    (True, False)
    >>> looks_like_organisation("China Manned Space Agency"), is_media("Animal News Agency")
    (True, True)
    >>> photographer_in_text("Photo taken by astronaut Liu Boming, shows the Earth.")
    'Liu Boming'
"""

from __future__ import annotations

import re
from functools import lru_cache

from catalog.captions.rules import Rules
from catalog.captions.text import CAPITALS, is_capitalised, is_person_word
from catalog.captions.vocabulary import (
    BODY_NAME_ENDS,
    CHINA_PROVINCES,
    CITY_STATES,
    COUNTRIES,
    COUNTRY_ALIASES,
    MEDIA_DOMAINS,
    MEDIA_WORDS,
    MEDIA_WORDS_IN_NAMES,
    MONTHS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    PLACE_NAME_ENDS,
    PLATFORMS,
    POSITION_WORDS,
    RANKS,
    REGIONS,
    STATES,
    WEEKDAYS,
)
from catalog.patterns import compiled, longest_first

_MEDIA_ENDINGS = ("photo", "photos", "foto", "pics", "images", "news", "press")  # "Sipaphoto", "CFOTO"
_MONTH_OR_DAY = frozenset(n.casefold().rstrip(".") for names in MONTHS.values() for n in names) | frozenset(
    d.casefold() for d in WEEKDAYS
)


@lru_cache(maxsize=4096)
def looks_like_person(text: str, lenient: bool = False) -> bool:
    """Two to five name words, none of them an organisation's: "Andy Wong", "WU HAO", "Sameer Al-DOUMY".

    `lenient` lets a media word that is a person's name too pass ("Sean Weekly"), for the photographer's slot of a
    byline; a paper's title noun never ("Quorva Herald", "Daily Lindt").

    Remembered by its arguments (the answer is the text's shape and the word lists', nothing else): the credit
    reader asks it of one name several times while it tries a credit's readings, a third of its asks in a pass.
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or any(map(str.isdigit, text)) or words[0].casefold() == "the" or (
            ":" in text and words[0].rstrip(":").casefold() not in _PICTURE_LABELS):
        return False  # (a colon parts an outlet or a label from a name: "ABC Rural: Ana Ruiz", "Pictured: Ana Ruiz",
        # "Coach: Ana Ruiz" are no one's name; a picture's label in another language, "Bild: TES", is taken off
        # the photographer's name after)
    if "," in text and not _SUFFIX_AFTER_COMMA.search(text):
        return False  # "Dakar, Senegal", "Awa Ndiaye, Dakar": a comma parts names, no name holds one
    if len(words) == 2 and words[0].casefold() in _ARTICLES and not (lenient and words[0].casefold() in (
            GIVEN_NAME_ARTICLES)):
        return False  # "Le Soleil", "El Comercio", "La Nación": a paper's name opens with an article
    if words[0].isupper() and len(words[0]) > 1 and not words[-1].isupper() and (
            names_a_region(" ".join(words[1:])) or _a_station_city(" ".join(words[1:]))):
        return False  # "UNICEF Malawi", "WWF Kenya": a body's office in a country; "CTV London": a station's city
    if any(w.casefold() in _LINKING_WORDS or n and w.casefold() in _PLACING_WORDS for n, w in enumerate(words)):
        return False  # "ZHANG YONGTAO FROM PEOPLE'S DAILY", "ANA RUIZ IN KAMPALA": a credit set in capitals
    capitalised = list(map(is_capitalised, words))  # (is_person_word: capitalised, or a particle)
    if sum(capitalised) < 2 or not all(c or is_person_word(w) for c, w in zip(capitalised, words)):
        return False
    if len(words) == 2 and len(words[0]) <= 5 and words[0].istitle() and _HYPHENATED_GIVEN.fullmatch(words[1]):
        return True  # "Park Hae-mook", "Kang Min-ji": a Korean surname, then a given name of two syllables joined
    folded = [w.casefold().strip(".,()[]") for w in words]  # ("Quorva Daily)": a bracket glued to a word)
    if any((w in MEDIA_WORDS and not (lenient and w in MEDIA_WORDS_IN_NAMES)) or w in ORGANISATION_WORDS
           for w in folded):
        return False
    if folded[-1] in PLACE_NAME_ENDS:  # "Kent County": a place
        return False
    if any(w in _COUNTY_WORDS for w in folded[1:-1]):  # "Walton County Sheriff", "Lindt County Fire": a county's
        return False  # office or service (no person's name holds "County" inside it)
    if folded[-1] in BODY_NAME_ENDS:  # "Rural Metro Fire": a fire service
        return False
    if an_acronym_within(text):
        return False  # "DINGLE PNP", "NSTP THINKING EYES": an acronym is no part of a person's name
    if any(w.endswith(("'s", "’s")) for w in folded[:-1]):  # "Oregon's Mt. Hood Territory": a place's or a body's
        return False  # own name, owned by another (a person's name holds no possessive)
    if any(w in PLATFORMS and len(w) > 1 for w in folded):  # "Rescue Facebook Page": a site's page
        return False
    return text.casefold() not in COUNTRIES


#: Words of a county, borough or township, which inside a credited name make it a local body's ("Walton County
#: Sheriff", "Lindt Borough Council"), never a person's.
_COUNTY_WORDS = frozenset({"county", "borough", "township"})


def an_acronym_within(text: str) -> bool:
    """Whether a word of `text` is three capitals or more with no vowel, an acronym and no name's ("DINGLE PNP",
    "NSTP THINKING EYES"; a surname of two, "NG WEE LIANG", stays a name's)."""
    return any(len(w) >= 3 and w.isalpha() and w.isupper() and not _A_VOWEL.search(w) for w in text.split())


#: A vowel of a name written in Latin letters (y too: "LLWYD").
_A_VOWEL = compiled(r"[AEIOUYÀ-ÖØ-Ýaeiouy]")


#: A given name of two syllables joined by a hyphen, the second in small letters, as Korean names are romanised
#: ("Hae-mook", "Min-ji"): after a short surname, a person's name whatever word the surname is ("Park").
_HYPHENATED_GIVEN = compiled(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")


#: Words for "picture" that label a credit in the languages of bilingual pages ("Photo/Bild: TES", "Foto: Name").
_PICTURE_LABELS = frozenset({"bild", "foto", "fotos", "fotó", "kuva", "photo", "zdjęcie", "fotografia", "fotografie"})


def _a_station_city(text: str) -> bool:
    """Whether `text`, after a name in capitals, is a city of 100,000 people or more outside China, in more than
    three letters, making the name a station's or a body's office ("CTV London", "NBC Chicago"), not a surname in
    capitals before a given name that a Chinese city shares ("CHEN Jian", "LI Bo")."""
    from catalog.captions.gazetteer import name_levels

    if len(text) <= 3 or not text[:1].isupper():
        return False
    levels = name_levels(text.strip())
    return levels.city_population >= 100_000 and levels.city_country not in (None, "CN", "TW")


#: Articles that open a paper's name in French, Spanish, Italian, Portuguese, Dutch and German; a person's name of
#: two words never opens with one ("Le Soleil", "El Tiempo", "Il Messaggero", "O Globo", "Het Parool").
_ARTICLES = frozenset({"le", "la", "les", "el", "los", "las", "il", "lo", "o", "het", "de", "die", "der", "das"})
#: Of those, the ones that are given names or surnames too ("Les Everett", "Lo Wei"): in a byline's photographer
#: slot (`looks_like_person`'s `lenient`) they open a person's name.
GIVEN_NAME_ARTICLES = frozenset({"les", "lo"})
#: Words that join a name to what follows it in a credit, which a credit set in capitals writes in capitals too
#: ("PHOTO BY ANA RUIZ FOR THE HERALD"); "IN", "AT", "ON" only after the first word ("In Soon-hee" is a name).
_LINKING_WORDS = frozenset({"from", "for", "and", "of", "via", "by", "with", "courtesy", "credit", "should", "read",
                            "taken", "captured"})
_PLACING_WORDS = frozenset({"in", "at", "on"})
#: The one comma a person's name may hold: before "Jr." ("Marco A. Villasana, Jr.").
_SUFFIX_AFTER_COMMA = compiled(r"^[^,]+,\s*(?:Jr|Sr|II|III|IV)\.?$", re.IGNORECASE)


def names_a_region(text: str) -> bool:
    """A country, a state or province, or a wider region, by the word lists alone: the tail of a place line
    ("Dakar, Senegal", "Santa Cruz, California"), never a name in a credit.

    >>> names_a_region("Senegal"), names_a_region("California"), names_a_region("Reuters")
    (True, True, False)
    """
    folded = text.strip().casefold()
    return (folded in COUNTRIES or folded in COUNTRY_ALIASES or folded in STATES or folded in CHINA_PROVINCES
            or folded in CITY_STATES or folded in REGIONS)


def known_place(text: str, least: int = 1) -> bool:
    """A name the gazetteer knows as a country, a province or a city of at least `least` people ("Dakar", "New
    Delhi", "Port Louis"): asked only of a name whose place in a credit leaves it in doubt (a name alone after the
    text, a name after the photographer's), since the gazetteer is loaded on the first name it is asked. Of 600
    photographers' names credited in our sets none is a city's, a province's or a country's name (towns are left
    out: "Duc Tho"); an outlet's one word may be a small city's ("Sun", "Metro"), so for those `least` is higher.

    >>> known_place("New Delhi"), known_place("Andy Wong")
    (True, False)
    """
    from catalog.captions.gazetteer import name_levels

    if not text[:1].isupper():
        return False
    levels = name_levels(text.strip())
    return bool(levels.country or levels.province or levels.city_population >= least > 0)


#: A brand in small letters joined to its media word by a hyphen: "akg-images", "quorva-press", "lindt-photo".
_SMALL_MEDIA_BRAND = compiled(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:images|photos?|pictures|pics|press|news|foto)")


def _small_media_brand(word: str) -> bool:
    """Whether one word in small letters is a picture firm's brand by its last part, a media word ("eup-images"): a
    person's name is never so written, a page's control ("read-more") never so ends."""
    return _SMALL_MEDIA_BRAND.fullmatch(word) is not None


def looks_like_organisation(text: str) -> bool:
    """A name that is not a person's: "VCG", "CNSA", "China Manned Space Agency", "eastday.com"."""
    folded = text.casefold()
    if folded in POSITION_WORDS or folded in _MONTH_OR_DAY or len(text) > 80:
        return False
    if "." in text and " " not in text and folded.endswith((*MEDIA_DOMAINS, ".gov", ".org", ".int")):
        return True
    words = text.split()
    if folded in COUNTRIES:
        return False
    if len(words) == 1:
        word = words[0]
        if word[:1].islower() and word.isalpha() and any(ch.isupper() for ch in word[1:]):
            return True  # "amfAR", "iStock": a brand written with a small first letter
        if word[:1].islower() and "-" in word and _small_media_brand(word):
            return True  # "eup-images", "akg-images": a picture firm's brand in small letters, its media word last
        return len(word) >= 2 and word[0].isupper() and not word[0].isdigit()
    if _PRESS_SERVICE.match(text) and any(w[:1].isupper() for w in words[2:]):
        return True  # "press service of the Quorva governor", "Press service of the President of Quorva"
    if _NUMBER_WORD.fullmatch(words[0]):
        words = words[1:]  # "7th MPAD", "680 NEWS"
    elif not words[0][0].isupper() and words[0].casefold() != "the":
        return False
    if all(is_capitalised(w) or w.casefold() in _SMALL_ORGANISATION_WORDS for w in words) and len(words) <= 10:
        return True
    # a local government's body written in small letters after its place's name, as Central Asian and East
    # European agencies credit them: "Atyrau region akimat", "Odesa regional military administration"
    return len(words) <= 6 and words[-1].islower() and words[-1] in _BODY_HEADS and all(
        is_capitalised(w) or w in _BODY_WORDS_IN_SMALL or w in _SMALL_ORGANISATION_WORDS for w in words)


#: The office that hands out an official's or a body's pictures, as Central Asian and East European pages credit
#: it: "Photo: press service of the Quorva governor", "Press office of the Ministry of Defence".
_PRESS_SERVICE = compiled(r"(?i:press[ -](?:service|office|centre|center)|information\s+service)\s+of\s+(?:the\s+)?"
                          r"(?:[A-Z][\w'’.-]*|of|the|and|regional|city|district|state|\s)+(?:\s+[a-z]+)?$")
#: The last word of a local government's body written in small letters ("Atyrau region akimat", "city council").
_BODY_HEADS = frozenset({"akimat", "hokimiyat", "administration", "council", "police", "ministry", "department",
                         "office", "service", "government", "municipality", "authority", "authorities", "mayoralty",
                         "governorate", "prefecture"})
#: The small words such a name may hold before it: its level, its kind.
_BODY_WORDS_IN_SMALL = _BODY_HEADS | frozenset({
    "region", "regional", "city", "district", "oblast", "county", "state", "provincial", "municipal", "military",
    "civil", "local", "emergency", "emergencies", "fire", "rescue", "press", "national", "traffic", "border"})
_NUMBER_WORD = compiled(r"\d+(?:st|nd|rd|th|ST|ND|RD|TH)?")
#: Small words an organisation's name may hold between its capitalised ones.
_SMALL_ORGANISATION_WORDS = frozenset({"of", "the", "and", "for", "de", "&", "on", "in", "du", "des", "la", "to", "at"})


def is_media(name: str) -> bool:
    """An organisation that is a news or photo outlet by its name: "Animal News Agency", "eastday.com", "The Quorva
    Post-Courier" (a paper's two title nouns joined by a hyphen)."""
    folded = name.casefold()
    if folded.endswith(MEDIA_DOMAINS) and " " not in folded:
        return True
    words = [word.strip(".,") for word in (folded.replace("-", " ") if "-" in folded else folded).split()]
    return any(word in MEDIA_WORDS or word.endswith(_MEDIA_ENDINGS) for word in words)


#: The small words inside a name: "taken by Ana María de la Cruz on ..." (vocabulary.NAME_PARTICLES).
_PARTICLE = "(?:" + "|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=longest_first) if p.isalpha()) + ")"
#: A particle joined to the name by a hyphen: "al-Masri", "el-Sayed", "bin-Zayed".
_GLUED_PARTICLE = r"(?:[a-z]{1,3}-)?"
#: A person's name in prose: two to five words, capitalised but for particles ("Ana María de la Cruz"), initials
#: written with their stops among them ("taken by M.V. Halloran as part of").
_NAME_IN_PROSE = (rf"((?:(?:(?:[A-Z]\.){{2,3}}|{_GLUED_PARTICLE}[A-Z][\w’'\-]*\.?|{_PARTICLE})\s+){{1,4}}"
                  rf"{_GLUED_PARTICLE}[A-Z][\w’'\-]*)")
_TAKEN_BY = compiled(  # "In this photograph, taken by Yoichi R. Okamoto on"
    r"\b(?i:photo|picture|image|photograph)s?,?\s+(?:(?:was|were)\s+)?(?:taken|shot)\s+by\s+"
    r"((?:[a-z]+\s+){0,2})" + _NAME_IN_PROSE,
)


#: Prose that names who took the picture with no picture word: "... photographed for the Post by Name", "... dusted
#: the hills with snow, captured on camera by Sam Spencer", "The bridge at dawn, snapped by Ana Ruiz". ("captured
#: by" alone is said of prisoners.)
_CAMERA_BY = compiled(
    r"\b(?:(?:captured|caught)\s+on\s+(?:camera|film)|snapped"
    r"|photographed(?:\s+for\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})?)\s+by\s+()"
    + _NAME_IN_PROSE)


#: The roles an outlet's photographer is named by after the outlet ("Quorva News correspondent Ana Ruiz"), and the
#: words that may qualify them ("staff photographer"): for the prose shape here and the credit's in credit_reader.
STAFF_ROLES = ("correspondent", "contributor", "photographer", "photojournalist", "reporter", "stringer")
STAFF_ROLE_QUALIFIERS = ("staff", "senior", "chief", "special", "freelance", "contributing")
#: A staff role, its qualifier or not, as a pattern's part (no group).
STAFF_ROLE = rf"(?:(?:{'|'.join(STAFF_ROLE_QUALIFIERS)})\s+)?(?:{'|'.join(STAFF_ROLES)})"
#: Prose that names the outlet a photographer works for and their role there, then the photographer: "This photo
#: taken by Quorva News correspondent Ana Ruiz shows ...", "These photos by Quorva Times photographer Ana Ruiz ...".
_OUTLETS_ROLE_BY = compiled(
    r"(?:\b(?i:photo|picture|image|photograph)s?|\b(?:taken|shot))\s+by\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}?)\s+" + STAFF_ROLE + r"\s+"
    r"(?:(?P<initials>(?:[A-Z]\.){2,3}[ \t]?[A-Z][\w’'\-]+)|" + _NAME_IN_PROSE.replace("[A-Z]", f"[{CAPITALS}]")
    + ")")  # (a name's capitals as any Latin letter's: "Łukas Ruşkani")


def _outlets_role_in_text(text: str, rules: Rules | None) -> tuple[str, str] | None:
    """(photographer, outlet) where the prose says a picture is by an outlet's correspondent, contributor or
    photographer, the outlet one the registry knows or a paper's words name; else None.

    >>> _outlets_role_in_text("This photo taken by Quorva News correspondent Ana Ruiz shows the bay.", None)
    ('Ana Ruiz', 'Quorva News')
    >>> _outlets_role_in_text("A photo by Quorva Council photographer Ana Ruiz.", None) is None
    True
    """
    if " by " not in text or not any(word in text for word in STAFF_ROLES):
        return None  # (cheap tests first)
    match = _OUTLETS_ROLE_BY.search(text)
    if match is None:
        return None
    outlet = match.group("outlet")
    known = rules.standard_agency(outlet) if rules is not None else None
    if not known and not is_media(outlet) or looks_like_person(outlet) and not known:
        return None
    name = match.group("initials") or _within_its_sentence(match.group(3))  # ("L.O. Ruiz": initials, a surname)
    if not looks_like_person(name) or any(w.casefold() in _MONTH_OR_DAY for w in name.split()):
        return None
    return name, known or outlet


def photographer_in_text(text: str, rules: Rules | None = None) -> str | None:
    """A photographer named in the prose: 'Photo taken by astronaut Liu Boming, shows ...' -> 'Liu Boming';
    '... captured on camera by Sam Spencer' -> 'Sam Spencer'."""
    staffed = _outlets_role_in_text(text, rules)
    if staffed is not None:
        return staffed[0]  # "This photo taken by Quorva News correspondent Ana Ruiz shows ..."
    match = _TAKEN_BY.search(text) if "taken" in text or "shot" in text else None  # (cheap tests first)
    if match is None and " by " in text:
        match = _CAMERA_BY.search(text)
    if not match:
        return _picture_by_showing(text) if " by " in text and "show" in text else None
    titles = match.group(1).split()
    if any(word not in PERSON_TITLES for word in titles):
        return None
    name = _within_its_sentence(_without_rank(match.group(2)))  # "by Lieutenant Ken Bell": Ken Bell
    if rules is not None and rules.standard_agency(name.split()[0]):
        return None  # "in this photo taken by Kyodo August 6": an agency, not a person
    return name if looks_like_person(name) and not any(w.casefold() in _MONTH_OR_DAY for w in name.split()) else None


def _within_its_sentence(name: str) -> str:
    """A name read in prose, cut where its sentence ends: at a line break, or after a word of two letters or more
    closed by a full stop ("Roy Cruz. The ...": the next sentence's first word is no part of the name; an initial's
    stop, "Yoichi R. Okamoto", stays).

    >>> _within_its_sentence("Ana Lindt\\n\\nThe"), _within_its_sentence("Roy Cruz. The")
    ('Ana Lindt', 'Roy Cruz')
    >>> _within_its_sentence("Yoichi R. Okamoto"), _within_its_sentence("Michael Noble Jr.")
    ('Yoichi R. Okamoto', 'Michael Noble Jr.')
    >>> _within_its_sentence("M.V. Halloran")
    'M.V. Halloran'
    """
    if "\n" in name:
        name = name[: name.index("\n")].rstrip()
    if "." not in name:
        return name
    words = name.split(" ")
    for at, word in enumerate(words[:-1]):
        if word.endswith(".") and len(word.rstrip(".")) > 1 and _STOPPED_INITIALS.fullmatch(word) is None:
            return " ".join(words[:at + 1]).rstrip(".")
    return name


#: Initials written with their stops ("M.V."): a name's first word, no sentence's end.
_STOPPED_INITIALS = compiled(r"(?:[A-Z]\.){2,3}")


#: Ranks and titles before a name in prose ("photographed by Lieutenant Ken Bell"): no part of the name.
_RANK_OPENING = compiled(r"^(?:(?:" + "|".join(RANKS) + r")\s+)+", re.IGNORECASE)


def _without_rank(name: str) -> str:
    """A name without the ranks before it, when what is left is still a person's name ("Lieutenant Ken Bell" ->
    "Ken Bell"; "Major Tom" stays)."""
    ranked = _RANK_OPENING.match(name)
    return name[ranked.end():] if ranked and looks_like_person(name[ranked.end():]) else name


#: A picture of the past introduced by its photographer, then what it shows: "A photo by Vũ Đình Hồng showing
#: President Hồ Chí Minh ...", "a picture by Ana Ruiz shows ..." (the name's words capitalised, in any script).
_PICTURE_BY_SHOWING = compiled(r"(?:^|(?<=[\s:(]))(?i:an?|this|the)\s+(?i:photo|picture|photograph|image)\s+by\s+"
                               r"([^\s,.;:()]+(?:\s+[^\s,.;:()]+){1,4}?)\s+(?:showing|shows|depicting)\b")


def _picture_by_showing(text: str) -> str | None:
    """The photographer of ``_PICTURE_BY_SHOWING``'s phrase, when the words read as a person's name; else None.

    >>> _picture_by_showing("ARCHIVE: A photo by Lê Văn Bảo showing the old market in 1972.")
    'Lê Văn Bảo'
    """
    match = _PICTURE_BY_SHOWING.search(text)
    if match is None:
        return None
    name = _without_rank(match.group(1))
    return name if looks_like_person(name) and all(w[:1].isupper() for w in name.split()) else None


_PHOTOGRAPHED_FOR = compiled(r"\bphotographed\s+for\s+(?:the\s+)?([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+by\s")


def outlet_in_text(text: str, rules: Rules | None = None) -> str | None:
    """The outlet the prose says the photographer worked for, by the registry or a media word: '... photographed
    for the Hull Courier by Ana Ruiz' -> 'Hull Courier'. Asked only where the prose named the photographer.

    >>> outlet_in_text("Sheep at the show photographed for the Hull Courier by Ana Ruiz in July.")
    'Hull Courier'
    >>> outlet_in_text("The show photographed for the Council by Ana Ruiz.") is None
    True
    """
    staffed = _outlets_role_in_text(text, rules)
    if staffed is not None:
        return staffed[1]  # "This photo taken by Quorva News correspondent Ana Ruiz shows ..."
    if "photographed for" not in text:
        return None  # (a cheap test first: only this shape of prose names the outlet)
    match = _PHOTOGRAPHED_FOR.search(text)
    if match is None:
        return None
    outlet = match.group(1)
    known = rules.standard_agency(outlet) if rules is not None else None
    return known or (outlet if is_media(outlet) and not looks_like_person(outlet) else None)


_RELEASED_BY = compiled(
    r"\b(?i:photo|picture|image|photograph)s?,?\s+(?:(?:was|were)\s+)?(?:released|provided|distributed"
    r"|made\s+available)\s+by\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|of|and|for|the|de|&))*)")


def provider_in_text(text: str, rules: Rules | None = None) -> str | None:
    """An outside source the prose names as handing the picture out: 'This handout photo released by the
    International Federation of Red Cross and Red Crescent Societies (IFRC) on ...' -> that federation. Not a
    person, and not an agency (that one distributes: its name is the credit's business)."""
    if "released" not in text and "provided" not in text and "distributed" not in text and "available" not in text:
        return None  # (a cheap test first: _RELEASED_BY needs one of these words, written so)
    match = _RELEASED_BY.search(text)
    if not match:
        return None
    name = re.sub(r"(?:\s+(?:of|and|for|the|de|&))+$", "", match.group("name"))
    if looks_like_person(name) or not looks_like_organisation(name) or len(name.split()) < 2:
        return None
    if rules is not None and (rules.standard_agency(name) or rules.standard_agency(_COUNTRY_POSSESSIVE.sub("", name))):
        return None  # "provided by China's Xinhua News Agency": the wire, named with its country's possessive
    return name


#: A country's or a place's possessive before an organisation's name: "China's Xinhua News Agency".
_COUNTRY_POSSESSIVE = compiled(r"^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+")
