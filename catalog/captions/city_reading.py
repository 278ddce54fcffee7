"""Who is where: the city of an English caption that no place phrase gave one, chosen among the cities it names.

When the readers of place phrases, datelines and place lines give no city, a caption may still name the city the
photo was taken in: as the subject of what it does now ("Skyscrapers to cranes, Dubai fights dusty weather"), after
"in" or "at" in its first sentence of prose, or written again ("Ash cloud over Copenhagen ... the airport in
Copenhagen"). It may as well name a person's home ("Ruler of Abu Dhabi"), a point of reference ("40 km north of
Pune"), a route or an area ("the Sydney to Hobart race", "the Omsk region") or the start of a longer name ("San
Ignacio de Moxos"). A city followed by its own province or country ("Durbar riders, Kano, Nigeria") is named as a
place, as a chain of places names one, unless an appositive's "of" makes it a person's home ("Amina Bello, 31, of
Kano, Nigeria"). Each city the gazetteer knows that the caption names is read for these signals (``SIGNALS``),
and scored by their weights (``[city_reading]`` in ``catalog/rules/place_evidence.toml``, fitted out of fold on the
English tune split by ``tools/city_reading.py``); the best is the city when it reaches the threshold, else none is
read. With the shipped weights no signal alone reaches it: three of the signals for a city together do (the only
city named, of a million people or more, written again), and any signal against it takes it out. Worked examples::

    Skyscrapers to cranes, Nairobi wakes to a thick fog this morning.
        Nairobi: the subject of a verb in the present, the only city, a million people: 3, taken
    A field of rice lies flooded some 40 km north of Nairobi. Heavy rain fell on Nairobi again.
        Nairobi: written again, the only city, a million people, but a point of reference in one mention: 1, none
    Harvest Festival, Nairobi, Kenya | A man rides a horse past the gates.
        Nairobi: its own country after it, the only city, a million people: 3, taken

>>> read_city("Skyscrapers to cranes, Nairobi wakes to a thick fog this morning.")
'Nairobi'
>>> read_city("A field of rice lies flooded some 40 km north of Nairobi. Heavy rain fell on Nairobi again.") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from catalog.cachedir import shipped_toml
from catalog.captions.gazetteer import name_levels
from catalog.captions.place_evidence import (
    names_a_person,
    names_an_original,
    places_a_reference,
    places_its_making,
)
from catalog.patterns import compiled

#: Capitalised words in a row on one line ("Hoi An"; "Port of Spain" is read as "Port" and "Spain").
_RUN = compiled(r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*(?:[ \t]+[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*)*")
#: A full stop ending a sentence inside a run of capitalised words, after a word of four letters or more ("Nairobi.
#: Heavy rain"; not "St. Petersburg"), or a possessive owning a name ("Quorvabad's Grand Bazaar").
_STOP = compiled(r"(?<=\w{4})\.[ \t]+|(?<=\w['’`]s)[ \t]+")
#: Where a sentence or a line ends.
_SENTENCE_END = compiled(r"[.!?][\"'’”)]*\s+(?=[A-Z\"“‘(])|\s*\|\s*|\n+")
#: The word before a name.
_WORD_BEFORE = compiled(r"(\S+)[ \t]*$")
#: The opening of a clause before a name: its subject may follow.
_CLAUSE_START = compiled(r"(?:^|[,;:(—–-]\s*|\b(?:and|but|as|while|where|when|here,?)\s+)$")
#: A verb in the present after a name: "Quorvabad fights", "Quorvabad sits", "Quorvabad is".
_PRESENT_VERB = compiled(r"[ \t]+(?:is|are|has|sits|lies|stands|(?!was\b|has\b|is\b|its\b|this\b)[a-z]{3,}(?<!ss)s)\b")
#: A possessive after a name ("Quorvabad's", "Quorvabad’s", "Quorvabad`s").
_POSSESSIVE = compiled(r"['’`]s?\b")
#: A person's or a team's home after a name: "Quorvabad-born", "Quorvabad FC", "Quorvabad fans".
_HOME_AFTER = compiled(r"(?:-born|[ \t]+(?:native|natives|FC|United|City FC|fans|supporters|players|team|club|"
                       r"coach|striker|forward|mayor|council|police|officials?|-based))\b")
#: ... or before it: "born in Quorvabad", "Ruler of Quorvabad", "residents of Quorvabad".
_HOME_BEFORE = compiled(r"(?:native of|born in|hails from|hailing from|lives in|living in|based in|resident of|"
                        r"(?:mayors?|governors?|rulers?|emirs?|sultans?|kings?|queens?|princes?|president|bishops?|archbishop|people|"
                        r"citizens?|residents?|natives?)[ \t]+of)[ \t]+$", re.IGNORECASE)
#: ... or an appositive's "of" after a person's name or age: "Quorva Lee, of Lissa, Quorvania", "Quorva Lee, 31, of
#: Lissa": where the person is from, written as a chain of places.
_HOME_OF = compiled(r",[ \t]*(?:\d{1,3},[ \t]*)?of[ \t]+$")
#: A point of reference before a name: "40 km north of", "on the outskirts of", "near", "outside the city of".
_REFERENCE = compiled(r"\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|outside|outskirts|"
                      r"suburbs|edge|kilometers|kilometres|km|miles)[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?"
                      r"(?:city[ \t]+of[ \t]+)?|near[ \t]+|beyond[ \t]+|off[ \t]+)$", re.IGNORECASE)
#: A route or an area after a name: "Quorvabad to Lissa", "Quorvabad region", "the Quorvabad line".
_ROUTE_AFTER = compiled(r"(?:[ \t]+(?:to|and|-|–)[ \t]+[A-Z]|[ \t]+(?:region|regions|province|provinces|line|road|"
                        r"highway|expressway|chapter|airport|news|metropolitan|area)\b)")
#: ... or before it: "between Lissa and", "from Lissa to".
_ROUTE_BEFORE = compiled(r"\b(?:between|from)[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}(?:to|and)[ \t]+$|\bbetween[ \t]+$")
#: The name goes on after a particle: "San Ignacio de Moxos" (the run read is part of a longer name).
_LONGER = compiled(r"[ \t]+(?:de|del|da|do|dos|das|di|la|le|upon|am|im|sur|y)[ \t]+[A-Z]")
#: Months, weekdays and seasons: towns of those names ("March", "Spring") are never read as named here.
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter"})
#: The larger place written after a city's name with a comma ("Quorvabad, Quorvania", "Quorvabad, southern
#: Quorvania"): the city's own province or country names it as a place, as a chain of places does.
_CHAIN_AFTER = compiled(r",[ \t]*(?:(?:northern|southern|eastern|western|central|north|south|east|west)[ \t]+)?"
                        r"([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*)*)")
#: A sentence's full stop inside the run read after the comma.
_A_STOP = compiled(r"\.[ \t]+")
#: The signals read of each city named, for it (the first six) and against it.
SIGNALS = ("subject", "first_in", "again", "alone", "large", "chain", "opening", "home", "reference", "route",
           "longer")
#: An appositive's person before "in" or "at" and a name: ", a nurse in", ", an aid worker at".
_APPOSITIVE = compiled(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+)?(\w+)[ \t]+(?:in|at)[ \t]+$")
#: A place phrase opened by "from", a venue and "in" or "at" before a name: "fled from the Quorva Camp in": the
#: town of an origin.
_FROM_A_PLACE_IN = compiled(r"\bfrom[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){1,5}(?:in|at)[ \t]+$")
#: Words, for `_placed_elsewhere`.
_WORDS = compiled(r"[a-z]+")
#: How far back before a name the patterns ending at it look, in characters.
_NEAR = 120
#: The signals a name carries to its every mention: a point of reference or someone's home in one is so in all.
_SHARED = ("reference", "home")
#: A city of this many people or more is "large".
_LARGE = 1_000_000


@cache
def weights() -> Mapping[str, float]:
    """The signals' weights and the threshold, from ``[city_reading]`` in ``catalog/rules/place_evidence.toml``."""
    return dict(shipped_toml("place_evidence.toml")["city_reading"])


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for cut in _SENTENCE_END.finditer(text):
        if cut.start() > start:
            spans.append((start, cut.start()))
        start = cut.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _prose(text: str, span: tuple[int, int]) -> bool:
    """Whether a sentence is prose (five words or more), not a heading or a place line."""
    return len(text[span[0]:span[1]].split()) >= 5


def named_cities(text: str) -> list[tuple[str, int, int]]:
    """Every run of capitalised words (a possessive's "'s" and a trailing full stop off) that the gazetteer knows as
    a city and not as a country: (name, start, end)."""
    # (most captions name no city: their runs are tested as strings first, each run's answer kept in
    # `_cities_in_run`, and only a caption naming one is read again for where)
    if not any(map(_cities_in_run, _RUN.findall(text))):
        return []
    return [(name, run.start() + a, run.start() + a + len(name))
            for run in _RUN.finditer(text) for name, a in _cities_in_run(run.group())]


@lru_cache(maxsize=16384)
def _cities_in_run(written: str) -> tuple[tuple[str, int], ...]:
    """The names in one run of capitalised words that the gazetteer knows as a city and not as a country, each with
    its offset in the run: "Nairobi. Heavy" -> (("Nairobi", 0),)."""
    if " " not in written or not ("." in written or "'" in written or "’" in written or "`" in written):
        # (one word, or words no stop or possessive ends a sentence or a name inside: read whole)
        return ((name, 0),) if (name := _a_city(written)) else ()
    cuts = [0, *(m.end() for m in _STOP.finditer(written)), len(written)]
    # "north of Nairobi. Heavy rain": a sentence ends inside the run
    return tuple((name, a) for a, b in zip(cuts, cuts[1:]) if (name := _a_city(written[a:b])))


def _a_city(written: str) -> str | None:
    """The name written (a possessive's "'s" and a trailing full stop off) when the gazetteer knows it as a city and
    not as a country."""
    name = written.rstrip(" \t.,").removesuffix("’s").removesuffix("'s").removesuffix("`s")
    if name and name.casefold() not in _CALENDAR:
        known = name_levels(name)
        if known.city_population and not known.country:
            return name
    return None


def signals(text: str, found: list[tuple[str, int, int]]) -> list[dict[str, int]]:
    """The who-is-where signals (each 0 or 1, named as in ``SIGNALS``) of each city `found` named in `text`."""
    return _read(text, found, range(len(found)))


def _read(text: str, found: list[tuple[str, int, int]], wanted: Iterable[int],
          spans: list[tuple[int, int]] | None = None) -> list[dict[str, int]]:
    """The signals of the cities found at the indices `wanted` (every mention of their names read for the signals
    one mention gives all), in that order; `spans` the text's sentences when already cut."""
    spans = _sentences(text) if spans is None else spans
    first_prose = next((s for s in spans if _prose(text, s)), None)
    names = Counter(name.casefold() for name, _, _ in found)
    wanted = list(wanted)
    asked = {found[i][0].casefold() for i in wanted}
    read = {i: _one(text, found[i], spans, first_prose, names) for i, (name, _, _) in enumerate(found)
            if name.casefold() in asked}
    for shared in _SHARED:
        marked = {found[i][0].casefold() for i, signals in read.items() if signals[shared]}
        for i, signals in read.items():
            signals[shared] = int(found[i][0].casefold() in marked)
    return [read[i] for i in wanted]


def _one(text: str, city: tuple[str, int, int], spans: list[tuple[int, int]], first_prose: tuple[int, int] | None,
         names: Counter) -> dict[str, int]:
    """The signals of one mention of a city: those for it (`_for`), then those against it."""
    name, start, end = city
    span = next((s for s in spans if s[0] <= start < s[1]), (0, len(text)))
    head, after = text[span[0]:start], text[end:min(span[1], end + 60)]
    near = max(0, len(head) - _NEAR)  # (the patterns ending at the name need look no farther back)
    return {
        **_for(text, city, spans, first_prose, names),
        "opening": int(not head.strip() and (span == spans[0] or start == span[0])),
        "home": int(_HOME_AFTER.match(after) is not None or _HOME_BEFORE.search(head, near) is not None
                    or head.rstrip(" \t").endswith("of") and _HOME_OF.search(head, near) is not None
                    or _a_persons_place(head, near)),
        "reference": int(_REFERENCE.search(head, near) is not None or _placed_elsewhere(head)),
        "route": int(_ROUTE_AFTER.match(after) is not None or _ROUTE_BEFORE.search(head, near) is not None
                     or _FROM_A_PLACE_IN.search(head, near) is not None),
        "longer": int(_LONGER.match(after) is not None),
    }


def _for(text: str, city: tuple[str, int, int], spans: list[tuple[int, int]], first_prose: tuple[int, int] | None,
         names: Counter) -> dict[str, int]:
    """The signals for a city of one mention, as `_one` reads them (the subject, "in" or "at" in the first sentence
    of prose, written again, the only city, a million people)."""
    name, start, end = city
    span = next((s for s in spans if s[0] <= start < s[1]), (0, len(text)))
    head, after = text[span[0]:start], text[end:min(span[1], end + 60)]
    near = max(0, len(head) - _NEAR)
    subject = _CLAUSE_START.search(head, near) is not None and not _POSSESSIVE.match(after) and (
        _PRESENT_VERB.match(after) is not None)
    first_in = False
    if span == first_prose:
        word = _WORD_BEFORE.search(head, near)
        first_in = word is not None and word.group(1).casefold() in ("in", "at")
    return {"subject": int(subject), "first_in": int(first_in), "again": _again(name, text, names),
            "alone": int(len(names) == 1), "large": int(name_levels(name).city_population >= _LARGE),
            "chain": int(_its_own_place_after(text, name, end))}


def _its_own_place_after(text: str, name: str, end: int) -> bool:
    """Whether the city's own province or country (the gazetteer's) is written after its name with a comma:
    "Quorvabad, Quorvania" where Quorvabad is a city of Quorvania."""
    if text[end:end + 1] != ",":
        return False  # (the cheap test first)
    found = _CHAIN_AFTER.match(text, end)
    if found is None:
        return False
    larger = name_levels(_A_STOP.split(found.group(1), 1)[0].rstrip("."))  # ("Quorvania. Fishermen land ...")
    code = larger.country or (larger.province or "")[:2]
    return bool(code) and code == name_levels(name).city_country


def _could_be_subject(text: str, end: int) -> bool:
    """Whether a verb in the present may follow the name ending at `end`, as `_for` reads one for "subject": in the
    60 characters after it that `_for` reads at most (where its sentence ends sooner, a match there is one here)."""
    return _PRESENT_VERB.match(text, end, end + 60) is not None


def _could_follow_in(text: str, start: int) -> bool:
    """Whether the word before the name at `start` may be "in" or "at", as `_for` reads it for "first_in": the
    word it reads, within its sentence and `_NEAR` characters, ends the text before the name and its blanks."""
    return text[max(0, start - _NEAR):start].rstrip(" \t").casefold().endswith(("in", "at"))


def _again(name: str, text: str, names: Counter) -> int:
    return int(names[name.casefold()] > 1 or text.count(name) > 1)


def _a_persons_place(head: str, near: int = 0) -> bool:
    """Whether an appositive describing a person by their work ends right before a name, with "in" or "at" (", a
    nurse in Quorvabad,"): where they work or live (``[members]`` in ``place_evidence.toml``), not the scene."""
    found = _APPOSITIVE.search(head, near)
    return found is not None and names_a_person(found.group(1).casefold())


def _placed_elsewhere(head: str) -> bool:
    """Whether the words of a sentence before a name place it as another thing's point of reference, its history or
    the original it copies, with the words of ``[reference]`` and ``[history]`` in ``place_evidence.toml``: "centred
    in", "was built in", "modelled on the Quorva Gate in"."""
    words = _WORDS.findall(head.casefold())
    if not words:
        return False
    if any(places_a_reference(word) or names_an_original(word) for word in words):
        return True
    return any(places_its_making(a, b) for a, b in zip(words, words[1:]))


def read_city(text: str, country_code: str | None = None, w: Mapping[str, float] | None = None) -> str | None:
    """The city of `text` chosen among those it names, or None when none scores the threshold. `country_code` is
    the ISO code of the country read (a city of another country is never taken); `w` the weights in force (the
    shipped ones when None)."""
    w = w or weights()
    found = named_cities(text)
    if not found:
        return None
    # The signals for a city are read first; only a city they bring to the threshold is read for the others,
    # which can only take from it.
    names = Counter(name.casefold() for name, _, _ in found)
    # (the cheap test first: what a city shows without its sentence read, and the most the sentence could add:
    # the subject's verb and the word "in" or "at" looked for without it)
    subject, first_in = max(w.get("subject", 0.0), 0.0), max(w.get("first_in", 0.0), 0.0)
    chain = max(w.get("chain", 0.0), 0.0)
    alone = w.get("alone", 0.0) if len(names) == 1 else 0.0
    if all(alone + subject * _could_be_subject(text, end) + first_in * _could_follow_in(text, start)
           + _again(name, text, names) * w.get("again", 0.0)
           + w.get("large", 0.0) * (name_levels(name).city_population >= _LARGE)
           + chain * (chain > 0 and _its_own_place_after(text, name, end)) < w["threshold"]
           for name, start, end in found):
        return None
    spans = _sentences(text)
    first_prose = next((s for s in spans if _prose(text, s)), None)
    wanted = [i for i, city in enumerate(found) if sum(
        w.get(signal, 0.0) for signal, on in _for(text, city, spans, first_prose, names).items() if on
    ) >= w["threshold"]]
    if not wanted:
        return None
    best, top = None, float("-inf")
    for i, read in zip(wanted, _read(text, found, wanted, spans), strict=True):
        score = sum(w.get(signal, 0.0) for signal, on in read.items() if on)
        if score > top:
            best, top = found[i][0], score
    if best is None or top < w["threshold"]:
        return None
    if country_code and name_levels(best).city_country != country_code:
        return None
    return best
