"""Place chains in a caption's English sentence: a preposition, then named places from the smallest to the largest.

A chain is what ``locations.py`` weighs to find the scene: "at the Luogang Park in Hefei, east China's Anhui
province" is one chain of three places joined by "in" and ",". This module decides where a chain starts (which
prepositions and verbs introduce a place, and what kind of place each may introduce: see ``PREPOSITIONS`` in
``vocabulary.py``), how it continues (",", "of", "in", an appositive such as ", a water town in"), and reads
possessives ("Beijing's Chaoyang District"); each name in it comes from ``place_names.py``. Worked examples::

    at the Luogang Park in Hefei, east China's Anhui province   at: venue Luogang Park, place Hefei, province Anhui
    in Wuzhen, a water town in Zhejiang                          in: town Wuzhen, province Zhejiang
    from Greenwich Park in London                                from: a standpoint (a named venue in its town)
    beside Kathmandu's historical Nag Pokhari                    beside: venue Nag Pokhari, place Kathmandu
    at Taman Maluri, Cheras                                      at: venue Taman Maluri, place Cheras (a known city)
    from Dakar, Senegal                                          no chain: where a person comes from
    40km from Zhangye city, northwest China's Gansu Province     only the province: Zhangye is a reference point
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import attrgetter

from catalog.captions.counties import is_county
from catalog.captions.credit_names import looks_like_person
from catalog.captions.demonyms import is_demonym
from catalog.captions.gazetteer import name_levels, subdivision_holding
from catalog.captions.place_evidence import (
    is_postal_code,
    names_a_body,
    names_a_disaster,
    names_a_member,
    names_a_person,
    names_a_players_position,
    names_a_site,
    names_a_team,
    names_an_institution,
    names_an_intention,
    names_an_original,
    places_a_reference,
    places_its_making,
)
from catalog.captions.place_names import (
    ARTICLES,
    Element,
    classify,
    element_of,
    known_place,
    plain_word,
    read_name,
)
from catalog.captions.text import Token, is_capitalised, strip_possessive
from catalog.captions.vocabulary import (
    AREA_NOUNS,
    CHINA_PROVINCES,
    COUNTRIES,
    DESCRIPTORS,
    DIRECTIONS,
    DISTANCE_WORDS,
    KIND_LEVELS,
    MONTHS,
    ORIGIN_NOUNS,
    PREPOSITION_NOUNS,
    PREPOSITIONS,
    SHOWN_NOUNS,
    STATES,
    TAKEN_WORDS,
    TITLE_WORDS,
    TOWN_LIKE_VENUE_WORDS,
    TOWN_PREFIXES,
    VENUE_OBJECT_VERBS,
    VENUE_PREFIXES,
    VENUE_WORDS,
    VIEW_NOUNS,
    VIEWING_VERBS,
    WEEKDAYS,
    WIDE_AREA_DESCRIPTORS,
)
from catalog.patterns import compiled

#: A name both a province and a city, after a side ("in southern Idlib"), is the province when its city has fewer
#: people than this; a bigger city's side is a part of the city ("in western Kabul", "in eastern Mosul").
PROVINCE_SIDE_CITY = 1_000_000

#: Levels that place a chain on the map (a chain of venues and events alone does not).
_GEO_LEVELS = frozenset({"city", "county", "province", "country", "place"})
#: Levels a chain may start with where only a venue may be introduced ("at the Bund", "visit Wuzhen").
_VENUE_START = frozenset({"venue", "town", "event"})


@dataclass
class Chain:
    """A preposition and the places it introduces, smallest first."""

    prep: str
    elements: list[Element] = field(default_factory=list)
    near: bool = False  # "near Bhopal, India": the scene is by this town; taken when no other chain places it
    after_a_part: bool = False  # "in various parts of Kigali": a part of the place named first, then "of"
    as_modifier: bool = False  # "on a Valencia street": a city written as the modifier of a venue's kind
    as_subject: bool = False  # "Helsinki is decked with flowers": a city alone as the sentence's subject
    of_a_member: bool = False  # "Nurse Ana Ruiz of the Gevas Health Center", "crews from ...": theirs, not the scene
    reference: bool = False  # the larger places after a reference point ("east of Athens, Greece", "outside Kabul,
    # Afghanistan"): Greece, Afghanistan

    @property
    def start(self) -> int:
        return self.elements[0].start

    @property
    def end(self) -> int:
        return max([e.end for e in self.elements])  # (a list: asked often, of one or two elements)

    @property
    def has_geo(self) -> bool:
        for element in self.elements:
            if element.level in _GEO_LEVELS or element.country:
                return True
        return False

    @property
    def venues(self) -> list[Element]:
        return [e for e in self.elements if e.level == "venue"]


def read_chains(toks: list[Token]) -> list[Chain]:
    """Every place chain in a sentence's tokens, in order.

    >>> from catalog.captions.text import tokens
    >>> text = "Tests at the Luogang Park in Hefei, east China's Anhui province."
    >>> [(e.level, e.value) for e in read_chains(tokens(text, 0, len(text)))[0].elements]
    [('venue', 'Luogang Park'), ('place', 'Hefei'), ('province', 'Anhui'), ('country', 'China')]
    """
    chains: list[Chain] = []
    i, n = 0, len(toks)
    # (read once: the loop asks them of every token, most of which open nothing)
    lowers = [t.lower for t in toks]
    texts = [t.text for t in toks]
    while i < n:
        word = lowers[i]
        if i and word not in _OPENING_WORDS and (before := texts[i - 1]) not in _HEADING_MARKS and not (
                before == "]" and _after_a_topic_tag(toks, i)) and not (word == "by" and lowers[i - 1] in _POSTURES):
            # (a capital after a word without one, and "in" a few words on: _a_venue_placed_in_its_town's cheap
            # tests, made here first without a call)
            if texts[i][:1].isupper() and not before[:1].isupper():
                if "in" in lowers[i + 1:i + 8]:
                    chain, j = _a_venue_placed_in_its_town(toks, i)  # "'taken over' Lebuh Pudu in Kuala Lumpur"
                    if chain is not None:
                        chains.append(chain)
                        i = j
                        continue
                if i + 1 < n and (lowers[i + 1] in _A_TOWNS_PARTS or i + 2 < n and (
                        lowers[i + 2] in _A_TOWNS_PARTS)) and lowers[i - 1] not in _NOT_BARE_BEFORE:
                    chain, j = _city_as_modifier(toks, i, "in", _A_TOWNS_PARTS)  # "spruce up Nairobi streets"
                    # ("Nairobi's skyline": the possessive is read as such, by _read_element)
                    if chain is not None and chain.elements[0].population >= KNOWN_TOWN_AS_MODIFIER and (
                            strip_possessive(texts[j - 2]) is None):
                        chains.append(chain)
                        i = j
                        continue
            if word == "the" and lowers[i - 1] not in _NOT_AFTER_A_TOWNS_KIND and _a_towns_kind_ahead(toks, i):
                chain, j = _read_chain(toks, i, "object", "object")  # "surrounding the Israeli city of Arad"
                if chain is not None and chain.elements[0].level in ("city", "town") and (
                        chain.elements[0].population or chain.elements[0].town):  # (not "the city of Jeju Island")
                    chains.append(chain)
                    i = j
                    continue
            if word == "called" and before == ",":
                chain, j = _a_place_named_called(toks, i)  # "from a bridge, called Quorva Bridge, Dhaka region"
                if chain is not None:
                    chains.append(chain)
                    i = j
                    continue
            if before == "," and _after_an_opening_clause(toks, i):
                chain, j = _read_chain(toks, i, "subject", "subject")  # "Seen from the air, the Quorva Camp ..."
                if chain is not None and chain.elements[0].level == "venue":
                    chains.append(chain)
                    i = j
                    continue
            i += 1  # (the cheap test first: no branch below reads a chain at such a word, as at most words)
            continue
        chain = None
        outside = False  # "on the outskirts of": a part of a town outside it
        elsewhere = _elsewhere_than_the_scene(toks, i)
        if elsewhere:
            # "The ship was built at the Uraga Dock in Yokosuka, Japan": where it was made, its history, not the
            # scene; "modelled on the Place de l'Étoile in Paris": the original it copies; "seized by police in
            # Debe,": where it was done; "his decision to serve at the Naval Academy": where he means to be. The
            # places named there are passed over whole (a copy's to the end of its clause: its name may stop the
            # chain short, "the Place de l'Étoile")
            _, j = _read_chain(toks, i + 1, "any", word)
            i = max(j, i + 1, _clause_end(toks, i + 1) if elsewhere == "copy" else 0)
            continue
        if word == "by" and i and lowers[i - 1] in _POSTURES:
            # "hooded men stand by the San Lorenzo church", "Yaroslav sits by the Golden Gate": after a verb of
            # posture "by" is "beside" (the loop stops at "by" only there: elsewhere it names an agent or a credit)
            chain, j = _read_chain(toks, i + 1, "venue", "beside")
        elif word == "to" and i and toks[i - 1].lower in _VISITORS:
            # "A visitor to Yangmingshan in northern Taipei photographs ...": where the visitor is, as after "visit"
            chain, j = _read_chain(toks, i + 1, "object", "object")
        elif word in PREPOSITIONS and _introduces_place(toks, i):
            allowed, k, part, held = _allowed(toks, i), i + 1, False, False
            if k < n and toks[k].lower == "of" and word in _OF_AFTER:
                k += 1  # "outside of Helena, MT", "inside of the arena": American English's "of" after them
            m = k + 1 if k < n and toks[k].lower == "the" else k
            if m + 1 < n and toks[m].lower in PREPOSITION_NOUNS and toks[m + 1].lower == "of":
                allowed, k = PREPOSITION_NOUNS[toks[m].lower], m + 2  # "in the outskirts of", "in front of"
                part, outside = True, toks[m].lower in _OUTSIDE_PARTS
            elif k < n and toks[k].lower in ("a", "an"):
                named = _unnamed_kind_of(toks, k)  # "in a Miao village of Luxi County": the named place after it
                if named != k and word not in _DESTINATIONS:
                    allowed = "any"  # "outside a polling station in Lahore": the preposition places the unnamed
                    # place; the named one holds it, and is no landmark nor reference point
                    held = toks[named - 1].lower == "in"
                k = named
            chain, j = _read_chain(toks, k, allowed, word, part, held)
            if chain is not None and word == "of" and i and toks[i - 1].lower in _A_SITES_REMAINS:
                _a_site_by_its_remains(chain)  # "over the ruins of Tigranakert, an Armenian city of old"
            if chain is None and k + 1 < n and toks[k].text in _STREET_WORDS_IN_SMALL_LETTERS:
                chain, j = _a_street_in_small_letters(toks, k, word, part)  # "in via Zanardelli, near ..."
            if chain is None and k < n and toks[k].lower in ARTICLES:
                apposed = _a_venue_named_after_its_kind(toks, k)  # "at the stadium, the Quorva Arena, on Sunday"
                if apposed is not None:
                    chain, j = _read_chain(toks, apposed, allowed, word, part)
                    if chain is not None and chain.elements[0].level != "venue":
                        chain, j = None, i
            if chain is None and PREPOSITIONS[word] == "any":
                chain, j = _after_a_part(toks, i, k, word)
            if chain is None and k < n and toks[k].lower in ("a", "an") and word not in _DESTINATIONS:
                chain, j = _city_as_modifier(toks, _past_plain_words(toks, k + 1), word)  # "a poor Athens suburb"
            elif chain is None and k < n and toks[k].lower in _OWNERS_OF_A_HOME and word not in _DESTINATIONS:
                chain, j = _city_as_modifier(toks, _past_plain_words(toks, k + 1), word, _HOMES)
            if k + 2 < n and toks[k].lower == "the" and (toks[k + 2].lower in _A_TOWN_WHOLE or k + 3 < n and (
                    toks[k + 3].lower in _A_TOWN_WHOLE)):
                whole, m = _city_as_modifier(toks, k + 1, word, _A_TOWN_WHOLE)  # "over the Agabar skyline"
                if whole is not None:
                    chain, j = whole, m
        elif word == "of" and i and toks[i - 1].lower in _DWELLERS:
            chain, j = _read_chain(toks, i + 1, "any", word)  # "Residents of Yinjing village draw water"
            if chain is not None and chain.elements[0].level != "town" and not (
                    len(chain.elements) > 1 and chain.elements[1].link == "," and chain.has_geo):
                chain, j = None, i  # "residents of Wuhan", "residents of the Quorvan Tower": where they come from
        elif word == "from" and i and toks[i - 1].lower in _MOVING_VERBS:
            # "since the show moved from the Quorva Hall in Belfast": where something came from, an origin; the
            # venue and its town are passed over whole
            _, j = _read_chain(toks, i + 1, "any", word)
            i = max(j, i + 1)
            continue
        elif word == "from":
            # "photographs the skyline from Greenwich Park in London": a named venue in its town is a standpoint;
            # a town or a country after "from" is where a person comes from ("from Dakar, Senegal")
            # ("The picture is from Cafayate": where the photo comes from is its scene, a town too)
            chain, j = _read_chain(toks, i + 1, "any" if _the_photo_is_from(toks, i) else "named venue", word)
            if chain is None and i and toks[i - 1].text == ",":
                # "Lu Liona, 46, from the village of Lalomanu in Aleipata": a person's home, written after a comma,
                # and the larger places of that home after it, passed over whole
                home, j = _read_chain(toks, i + 1, "any", word)
                if home is not None and len(home.elements) > 1:
                    i = max(j, i + 1)
                    continue
        elif i == 0 or toks[i - 1].text in _HEADING_MARKS and (
                _after_place_heading(toks, i) or toks[i - 1].text == ":" and _after_an_opening_clause(toks, i)) or (
                toks[i - 1].text == "]" and _after_a_topic_tag(toks, i)):
            # ("Seen from the air: the Quorva Stadium during ...": a clause of the view closed by a colon)
            # ("[Hurricane Quorva] Lafayette, La., ...": the caption opens after its story's tag in brackets)
            opening = i == 0 or toks[i - 1].text == "]"
            if opening and word in _CONJUNCTIONS_OPENING and n > 1 and is_capitalised(toks[1].text):
                i += 1  # "As Quorva Tower burns, crowds watch": the clause's subject after its conjunction
            chain, j = _read_chain(toks, i, "subject", "subject")  # "The Taosi Relics Site Museum opens ..."
            if chain is None and opening:
                chain, j = _a_city_as_subject(toks, i)  # "Helsinki is decked with flowers for the Tsar's arrival"
            if chain is None and opening:
                chain, j = _a_site_named_by_its_appositive(toks, i)  # "Quorva, the tallest building in Bogota"
            if chain is None and i == 0:
                chain, j = _a_towns_site_alone(toks)  # "Craig cannery.", "Yerevan train station (...)"
            if chain is None and i == 0 and _pictured_soon(toks):  # "Iqaluit, seen here in 2022, will ...":
                chain, j = _read_chain(toks, i, "any", "subject")  # the place pictured
                if chain is not None and not _pictured_after(toks, j):
                    chain, j = None, i
            if chain is None and toks[i].lower == "the":
                chain, j = _a_site_as_subject(toks, i)  # "The Alte Feste (Old Fortress) stands on ..."
            after = j + 2 if j + 1 < n and toks[j].text in "([" and toks[j + 1].text in ")]" else j
            while after + 1 < n and toks[after].text == "&" and is_capitalised(toks[after + 1].text):
                after += 2  # "Central South Island Fish & Game staff": one body's name, "&" inside it
                while after < n and is_capitalised(toks[after].text):
                    after += 1
            if chain is not None and after < n and (toks[after].lower in PEOPLE_OF_A_PLACE
                                                     or toks[after].lower in TITLE_WORDS
                                                     or chain.elements[0].level == "venue"
                                                     and names_a_body(toks[after].lower)):
                chain = None  # "Baker Lake residents got ...", "Permanent Court of Arbitration (PCA) Secretary
                # General Marcin Czepelak listens ...": the people's home or employer, not the scene; "The RA
                # Ministry of Health plans ...": the body acting
        elif word in VENUE_OBJECT_VERBS:
            chain, j = _read_chain(toks, i + 1, "object", "object")  # "Tourists visit the Mogao Grottoes"
        elif 1 < i <= _LABEL_WORDS and toks[i - 1].text == ":" and all(t.text.isalpha() for t in toks[:i - 1]):
            chain, j = _a_city_as_subject(toks, i)  # "Imperial welcome: Helsinki is decked with flowers"
        if chain is not None:
            if chain.prep == "subject" and a_person_of_a_place(chain):
                chain.of_a_member = True  # "Ana Quorvik of Lindt River with her son outside the showground": hers
            if word in ("of", "from") and chain.prep == word:
                chain.of_a_member = names_a_member([t.text for t in toks[max(0, i - 4):i]]) or (
                    word == "of" and _a_person_set_off_before(toks, i))
            elif word == "in" and chain.prep == word and i > 2 and names_a_person(toks[i - 1].lower):
                # "Ahmed Awadalla, an ICRC employee in Baghdad, and ... set out for camps in al-Khalidiya": the place
                # of a person described in an appositive is where they work, not the scene
                chain.of_a_member = _an_appositive_of_a_person(toks, i - 1)
            if outside and chains and toks[i - 1].text == "," and chains[-1].elements[0].level in (
                    "place", "city", "town") and _reference_after(chains[-1], toks, i):
                _outskirts_after(chains[-1], chain)
            if chains and word == "in" and _after_a_province_owning(chains[-1], chain, toks, i):
                for element in chains.pop().elements:  # "Tigray's war-ravaged factories in Wukro": Wukro, Tigray
                    element.link = ","
                    chain.elements.append(element)
            if chain.reference and chains and _reference_after(chains[-1], toks, i):
                # "in Mati, east of Athens, Greece": the larger places after the point are the scene's own
                for element in chain.elements:
                    element.link = ","
                chains[-1].elements.extend(chain.elements)
            else:
                chains.append(chain)
            i = max(j, i + 1)
        else:
            i += 1
    return chains


def read_object(toks: list[Token], i: int) -> tuple[Chain | None, int]:
    """The chain a name at toks[i] opens read as a verb's object ("visit the Mogao Grottoes in ..."): for
    ``venue_spots.named_site_english``, which looks for a named site wherever the sentence writes it."""
    return _read_chain(toks, i, "object", "object")


def _a_towns_kind_ahead(toks: list[Token], i: int) -> bool:
    """Whether "the" at toks[i] opens a town named by its kind, a few words describing it first: "the city of
    Arad", "the southeastern Israeli city of Arad", "the Red Sea port city of Jeddah". The name after "of" is
    then the town, whatever word stands before "the" (a verb's object: "volunteers pose in the desert
    surrounding the city of Arad"), when the gazetteer knows it as a town. The kind is written in small letters
    ("the newly formed Port of Spain branch" names none); a village is a site as often as the scene's town, and "the
    capital of" names a larger place ("the capital of Tobago"): neither is read so."""
    for m in range(i + 1, min(len(toks) - 2, i + _TOWNS_KIND_WORDS + 1)):
        word = toks[m].lower
        if toks[m].text in _TOWNS_KINDS and toks[m + 1].lower == "of" and is_capitalised(toks[m + 2].text):
            return True
        if not toks[m].text.isalpha() or word in PREPOSITIONS or word in ("of", "the", "and", "a", "an"):
            return False
    return False


#: The kinds of a town that name it after "of": "the city of", "the port of".
_TOWNS_KINDS = frozenset({"city", "town", "port"})
#: The most words between "the" and the town's kind: "the southeastern Israeli city of", "the Red Sea port city of".
_TOWNS_KIND_WORDS = 5
#: Words before "the" after which a town named by its kind is where something goes, comes from or is seen from
#: ("to the city of", "from the town of", "the lights of the city of"), or a point beside the scene ("near the
#: town of", "outside the city of"), or whose own reading already decided ("in the city of").
_NOT_AFTER_A_TOWNS_KIND = frozenset({
    "to", "into", "onto", "from", "of", "off", "in", "inside", "near", "nearby", "outside", "past", "toward",
    "towards", "beyond", "between", "called", "named", "like", "unlike", "than"})


#: The words of a street, a square or a quarter that Italian, French, Spanish, Portuguese, Polish, Romanian and Malay
#: write in small letters before its name ("in via Zanardelli", "on rue Oberkampf", "in calle Mayor", "on ul.
#: Mariacka", "in quartiere Prati"): after a place's preposition the name is that venue's, written with its word.
#: ("via" after no preposition is a credit's: "Kyodo via AP".)
_STREET_WORDS_IN_SMALL_LETTERS = frozenset({
    "via", "viale", "piazza", "piazzale", "corso", "vicolo", "quartiere", "rue", "quai", "calle", "avenida", "paseo",
    "rua", "praça", "largo", "ulica", "ul", "ul.", "plac", "aleja", "al", "strada", "jalan", "jl", "jl.", "jln",
    "jln."})


def _a_street_in_small_letters(toks: list[Token], k: int, prep: str, part: bool) -> tuple[Chain | None, int]:
    """The chain after a preposition opened by a street's word in small letters and a capitalised name no town,
    province or country has ("in via Zanardelli, near piazza Navona" gives the venue "via Zanardelli"); None for a
    name the gazetteer knows as a city ("flew in via Frankfurt") or none at all."""
    at = k + 2 if k + 2 < len(toks) and toks[k + 1].text == "." else k + 1  # "al. Jerozolimskie"
    if not is_capitalised(toks[at].text) or at == k + 2 and toks[k].text not in _SHORT_STREET_WORDS:
        return None, k  # (a short form the tokens keep with its stop, "ul. Mariacka", is one word: "ul.")
    chain, j = _read_chain(toks, at, "any", prep, part)
    if chain is None:
        return None, k
    first = chain.elements[0]
    if first.level not in ("place", "venue") or first.population >= _STREET_NAMESAKE or first.also_province or (
            first.country):
        return None, k  # (a street shares its name with small towns: "via Garibaldi", "rue Lafayette")
    written = toks[k].text + ("." if at == k + 2 else "")
    chain.elements[0] = replace(first, level="venue", value=f"{written} {first.value}", start=toks[k].start)
    return chain, j


#: A town this large is the town after a street's word, not the street's name ("in via Milano" is a street all the
#: same, but read as Milan's would be).
_STREET_NAMESAKE = 100_000
#: The street words written short with a stop: "ul. Mariacka", "al. Jerozolimskie", "jl. Sudirman".
_SHORT_STREET_WORDS = frozenset({"ul", "al", "jl", "jln"})


#: Verbs of posture before "by", which then means "beside" ("stand by the San Lorenzo church", "sits by the Golden
#: Gate"): the venue after it is the scene, as after "beside". Not verbs whose "by" names an agent ("played by",
#: "posed by", "gathered by", "seen by").
_POSTURES = frozenset({
    "stand", "stands", "standing", "stood", "sit", "sits", "sitting", "sat", "wait", "waits", "waiting", "waited",
    "rest", "rests", "resting", "lie", "lies", "lying", "relax", "relaxes", "relaxing", "queue", "queues",
    "queuing", "queueing", "pose", "poses", "posing", "stroll", "strolls", "strolling",
})


#: People whose "to" puts them at the place named after it, as the verb "visit" does ("visitors to the Quorva
#: Gardens"); a destination's "to" after other words is where someone is going, not where they are.
_VISITORS = frozenset({"visitor", "visitors"})


#: Craft and their parts, written in small letters after their names ("the Columbus laboratory", "his Aurora 7
#: spacecraft", "the Quorva rover"): the name before is the craft's, never a town's.
_CRAFT_WORDS = frozenset({"spacecraft", "spaceship", "capsule", "module", "laboratory", "rover", "lander", "orbiter",
                          "shuttle", "satellite"})


#: Nouns naming a side or a part of a place: "the North Central part of the country", "the Northeast region of".
_SIDE_NOUNS = frozenset({"part", "parts", "side", "corner", "tip", "end", "region", "area", "section"})
#: Places a caption names by their kind alone after a side's noun and "of the": "part of the country".
_UNNAMED_WHOLES = frozenset({"country", "city", "island", "state", "province", "capital", "nation", "town",
                             "continent", "county", "kingdom"})


def _a_side_of_an_unnamed_whole(element: Element, toks: list[Token], j: int) -> bool:
    """Whether a name of direction words only is the side of a place written by its kind, "of the country" ("in the
    North Central part of the country", "in the Northeast region of the country", "in the Northeast of the
    country"): a direction, not a province that the words name somewhere ("North Central" is Sri Lanka's,
    "Northwest" Cameroon's)."""
    words = element.value.casefold().split()
    at = j
    if len(words) > 1 and words[-1] in _SIDE_NOUNS:
        words, at = words[:-1], j - 1  # the side's noun read into the name: "Northeast region | of the country"
    elif j < len(toks) and toks[j].lower == "of":
        at = j - 1  # "in the Northeast of the country": the direction alone names the side
    elif j >= len(toks) or toks[j].lower not in _SIDE_NOUNS:
        return False  # (most chains: one look-up)
    return at + 3 < len(toks) and toks[at + 1].lower == "of" and toks[at + 2].lower in ("the", "this", "that") and (
        toks[at + 3].lower in _UNNAMED_WHOLES) and all(word in DIRECTIONS for word in words)


def _a_crafts_name(toks: list[Token], j: int) -> bool:
    """Whether the words at toks[j] (after a name, a number between them allowed: "Aurora 7 spacecraft") are a
    craft's word in small letters, making the name before them a craft's.

    The caller checks only one-element chains; a set test on one or two words."""
    word = toks[j]
    if word.text.isdigit() and j + 1 < len(toks):
        word = toks[j + 1]
    return word.lower in _CRAFT_WORDS and word.text.islower()


def _a_venue_named_after_its_kind(toks: list[Token], k: int) -> int | None:
    """Where the name starts of a venue written in apposition after its kind in small letters, the kind being the
    preposition's object: "at the stadium, the Quorva Arena, on Sunday", "flock to the country's main shrine, the
    Quorva Temple": the appositive names the place the preposition put the photo in. The name must close with a
    venue's word of its own (read by ``_read_chain``, which the caller asks for a venue); a kind in capitals was
    read as a name already."""
    n = len(toks)
    comma = next((m for m in range(k + 1, min(n, k + _KIND_WORDS + 2)) if toks[m].text in _CLAUSE_MARKS), None)
    if comma is None or toks[comma].text != "," or comma + 1 >= n:
        return None
    kind = toks[comma - 1]
    if not kind.text.islower() or kind.lower not in VENUE_WORDS:
        return None
    start = comma + 2 if toks[comma + 1].lower == "the" else comma + 1
    return start if start < n and is_capitalised(toks[start].text) else None


#: The most words between the article and the kind of a venue named in apposition after it ("the country's main
#: Shinto shrine").
_KIND_WORDS = 5


def _elsewhere_than_the_scene(toks: list[Token], i: int) -> str | None:
    """What puts the phrase opened at toks[i] elsewhere than the scene: "history", "copy", "aside", "intention",
    "comparison" (see read_chains), else None; the cheap test of the preposition first."""
    word = toks[i].lower
    if word not in _PHRASES_ELSEWHERE or i < 2:
        return None
    if word in ("on", "after"):
        return "copy" if names_an_original(toks[i - 1].lower) else None
    if places_its_making(toks[i - 2].lower, toks[i - 1].lower):
        return "history"
    if word == "in" and i > 3 and _in_an_aside_of_what_was_done(toks, i):
        return "aside"
    if word in ("in", "at") and _compared_with(toks, i):
        return "comparison"
    if _in_an_intention(toks, i):
        return "intention"
    return None


#: The prepositions that may open a phrase placed elsewhere than the scene by the words before it.
_PHRASES_ELSEWHERE = frozenset({"in", "at", "on", "after"})


def _compared_with(toks: list[Token], i: int) -> bool:
    """Whether the "in" or "at" at toks[i] opens a place the scene is compared with: "the two stations in the
    centre of Quorva are called Central and Queen St, same as in Glasgow", "busier than in Paris", "unlike at
    Wembley". The place is another town's, not the scene's."""
    before = toks[i - 1].lower
    if before in _COMPARING:
        return True
    return before == "as" and toks[i - 2].lower in _SAMENESS
# ("like in Glasgow", "unlike in Paris", "than in Paris"; "as in" only after a word of sameness: "as in Paris" alone
# may be "as in Paris, crowds gather ...", the scene)
_COMPARING = frozenset({"like", "unlike", "than"})
_SAMENESS = frozenset({"same", "just", "much", "exactly"})


def _in_an_intention(toks: list[Token], i: int) -> bool:
    """Whether the "in" or "at" at toks[i] places what someone means to do, a few words after "to" and a word of
    intention in the same clause ([intentions]): "his decision to serve the country at the Naval Academy"."""
    for k in range(i - 1, max(1, i - 7), -1):
        if not toks[k].text.isalpha():
            return False  # (a comma or a bracket closes the clause)
        if toks[k].lower == "to":
            return names_an_intention(toks[k - 1].lower)
    return False


def _in_an_aside_of_what_was_done(toks: list[Token], i: int) -> bool:
    """Whether the "in" at toks[i] ends an aside set off by commas that tells what was done to the subject before,
    a past participle and its doer: "Four guns, seized by police in Debe, laid out at Marabella Police Station":
    where they were seized is not where they are pictured. The aside must close with a comma after its place."""
    k = i - 1
    while k > i - 5 and k > 1 and toks[k].text.isalpha() and toks[k].lower != "by":
        k -= 1  # the doer: "police", "the army", "border guards"
    if toks[k].lower != "by" or k == i - 1:
        return False
    verb = toks[k - 1]
    if not (verb.text.islower() and verb.lower.endswith("ed") and verb.lower not in TAKEN_WORDS):
        return False
    if toks[k - 2].text != ",":
        return False
    end = _clause_end(toks, i + 1)
    return end < len(toks) and toks[end].text == ","


def _clause_end(toks: list[Token], k: int) -> int:
    """Where the clause that toks[k] is in ends: at the next comma, semicolon, colon or bracket, else at the end."""
    while k < len(toks) and toks[k].text not in _CLAUSE_MARKS:
        k += 1
    return k


_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", ".", "!", "?"})


#: Prepositions that American English may write with "of" after them ("outside of Helena").
_OF_AFTER = frozenset({"outside", "inside"})


def _a_site_as_subject(toks: list[Token], i: int) -> tuple[Chain | None, int]:
    """A site that opens the sentence with "the", as one name nothing knows (no table, no gazetteer city or town),
    with a verb of standing or lying right after it (``[sites]``): "The Alte Feste (Old Fortress in English) stands
    on the highest ground in Windhoek". A town takes no "the"; a name with a venue's word is read as a venue
    already."""
    read = _read_element(toks, i)
    if read is None:
        return None, i
    elements, j = read
    verb = j + 2 if j + 1 < len(toks) and toks[j].text in "([" and toks[j + 1].text in ")]" else j
    if len(elements) != 1 or verb >= len(toks) or not names_a_site(toks[verb].lower):
        return None, i
    first = elements[0]
    if first.level != "place" or not first.the or first.population or first.town or first.also_province or (
            first.country):
        return None, i
    first.level = "venue"
    return Chain("subject", [first]), j


#: Words after which capitalised words are a place's or a thing's name, not a person's ("the Quorva Hall, of ...").
_NO_NAME_AFTER = frozenset({"of", "the", "from", "a", "an"})


def _a_person_set_off_before(toks: list[Token], i: int) -> bool:
    """Whether the "of" at toks[i] follows a person's name and a comma, as an appositive tells where they come from
    or belong ("Ana Quorvik, of Lindt Junior High School, is pictured at the fair", "Jo Ruiz, of Quorva, holds his
    catch"): their school, club or home town, not the scene. The name is two or three capitalised words opening
    the sentence or following a comma, "and" or a verb, that read as a person's (``looks_like_person``)."""
    if i < 3 or toks[i - 1].text != ",":
        return False
    k = i - 2
    while k >= 0 and k > i - 5 and is_capitalised(toks[k].text) and toks[k].text.isalpha():
        k -= 1
    name = [t.text for t in toks[k + 1:i - 1]]
    if not 2 <= len(name) <= 3 or k >= 0 and (toks[k].lower in PREPOSITIONS or toks[k].lower in _NO_NAME_AFTER):
        return False  # "in Quorva City, of Lindt County": a place's name, after its preposition
    return looks_like_person(" ".join(name)) and classify(" ".join(name))[0] == "place"


def a_person_of_a_place(chain: Chain) -> bool:
    """Whether a chain read as the sentence's subject opens with a person's name, then "of" and their place, read as
    one venue's name ("Ana Quorvik of Lindt River with her son ...", "Pastor Jo Ruiz of Quorva Community Church
    handed over a cheque"): the place they come from or belong to, not the scene, as after a titled name
    (``names_a_member``); ``a_persons_place`` reads the name."""
    return a_persons_place(chain.elements[0].value)


def a_persons_place(value: str) -> bool:
    """Whether a venue's name as read is "<a person's name> of <a place>": two to four capitalised words with no
    place or venue word that read as a person's (``looks_like_person``), none an institution's noun, then "of".
    "House of the Blackheads", "Palace of Culture" hold a venue word, "Kyoto Chamber of Commerce" an institution's.

    >>> a_persons_place("Ana Quorvik of Lindt River"), a_persons_place("House of the Quorvan Guilds")
    (True, False)
    """
    if " of " not in value:
        return False
    name = value.split(" of ", 1)[0]
    words = name.split()
    return (2 <= len(words) <= 4 and all(is_capitalised(word) and not names_an_institution(word) for word in words)
            and looks_like_person(name) and classify(name)[0] == "place")


def _an_appositive_of_a_person(toks: list[Token], noun: int) -> bool:
    """Whether toks[noun], a word of a person or of people, ends an appositive opened by ", a" or ", an" (", an
    ICRC employee", ", a nurse"), with at most three words between."""
    for k in range(noun - 1, max(0, noun - 5), -1):
        if toks[k].lower in ("a", "an"):
            return toks[k - 1].text == ","
        if not toks[k].text[:1].isalnum():
            return False
    return False


#: Nouns of what is left of a site, or of the sand that makes one, before "of" and its name: "the ruins of
#: Tigranakert", "the remains of Quorva", "the dunes of Tanaca". The name after them is the site's.
_A_SITES_REMAINS = frozenset({"ruins", "remains", "dunes"})


def _a_site_by_its_remains(chain: Chain) -> None:
    """The name after "the ruins of", "the remains of" or "the dunes of", when no table and no gazetteer know it
    as a town, a city, a province or a country, is the site's, a venue ("A journalist looks over the ruins of
    Tigranakert, an Armenian city from the Hellenistic period"): an ancient town whose ruins are pictured, or a
    desert's named dunes. A name the gazetteer knows stays a town ("the ruins of Mariupol" is the city)."""
    first = chain.elements[0]
    if len(chain.elements) == 1 and first.level == "place" and not (
            first.population or first.town or first.also_province or first.country):
        first.level = "venue"  # (a name written with its country, "the ruins of Quorva, Syria", is a town's)


#: The words at which read_chains may read a chain after its first word, besides one after a heading's mark (":"
#: among them, as a label's): prepositions, "of" and "from", and verbs whose object is a venue.
_OPENING_WORDS = frozenset({*PREPOSITIONS, "of", "from", *VENUE_OBJECT_VERBS})


def _a_venue_placed_in_its_town(toks: list[Token], i: int) -> tuple[Chain | None, int]:
    """A venue named by its own words (a venue's word closing it, or a prefix opening it) and placed at once in a
    town with "in", wherever it stands, with no preposition before it: "Foreigners have 'taken over' Lebuh Pudu in
    Kuala Lumpur", "listens outside the shop on outer Main Street in Lewiston", "The 14th century Tsminda Sameba
    church in Gergeti". Not after "a" or "an" ("a model of an Ikea store in India": a kind, no named venue), nor
    where a preposition or "of" opens the name (read as such)."""
    before = toks[i - 1].lower
    if before in _OPENING_WORDS or before in ("a", "an") or "in" not in (t.lower for t in toks[i + 1:i + 8]):
        return None, i  # (the cheap tests first: most capitalised words are no venue placed in its town)
    if toks[i].lower in TOWN_PREFIXES:  # "A festive mood filled Barangay Pasil in Cebu City": a village by its
        chain, j = _read_chain(toks, i, "any", "object")  # prefix word, placed in its town, as a venue is
        if chain is None or len(chain.elements) < 2 or chain.elements[0].level != "town" or (
                chain.elements[1].link != "in") or chain.elements[1].level not in ("city", "place"):
            return None, i
        return chain, j
    chain, j = _read_chain(toks, i, "named venue", "object")
    if chain is None or chain.elements[1].link != "in" or chain.elements[1].level in ("country", "province"):
        return None, i  # (placed in a country or a province only, "Jade Dragon Snow Mountain in southwest China",
        # its town is not written: the rule reads a venue by its town)
    words = chain.elements[0].value.casefold().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "the Museum of Fine Arts": Museum
    if words[-1] not in VENUE_WORDS and head not in VENUE_WORDS and words[0] not in VENUE_PREFIXES:
        return None, i  # (a name made a venue by its town alone, "Quorvan in Paris", is no venue by its words)
    return chain, j


#: People who live in the place named after "of": a village so named is where they are ("Residents of Yinjing
#: village draw water"); a town or a venue stays their origin or their building, as after the other ORIGIN_NOUNS.
_DWELLERS = frozenset({"residents", "villagers", "inhabitants"})


#: Parts of a town that lie outside it: a town written before ", on the outskirts of" is a place of its own.
_OUTSIDE_PARTS = frozenset({"outskirts", "suburbs"})


def _outskirts_after(before: Chain, chain: Chain) -> None:
    """'in Bhaktapur, on the outskirts of Kathmandu, Nepal': a town named first, then a comma, is the scene, and
    the city whose outskirts it is on a landmark beside it. The town takes the larger places written after that
    city (Nepal), as "in Irpin, outskirts of Kyiv, Ukraine" reads; the city's chain is kept, as a "near" one, for
    when the town is too little known to place the photo ("American Village on the outskirts of Erbil", a venue
    with no comma, is the venue on the city's outskirts, as before)."""
    larger = [e for e in chain.elements[1:] if e.level in ("province", "country")]
    for element in larger:
        element.link = ","
    before.elements.extend(larger)
    chain.near = True


def _after_a_province_owning(before: Chain, chain: Chain, toks: list[Token], i: int) -> bool:
    """Whether the chain after "in" at toks[i] follows a province written as the owner of a thing, with only plain
    words between ("touring Tigray's war-ravaged factories in Wukro"): the town is in that province. A country owner
    is left apart ("Britain's ambassador in Kabul": the post's country, not the town's)."""
    if len(before.elements) != 1 or before.elements[0].level != "province" or before.elements[0].country or (
            len(chain.elements) != 1 or chain.elements[0].level not in ("place", "city", "town")):
        return False
    k = i - 1
    while k >= 0 and toks[k].end > before.end:
        if not plain_word(toks[k]) or i - k > 4:
            return False
        k -= 1
    return k >= 0 and toks[k].end == before.end and strip_possessive(toks[k].text) is not None


def _reference_after(before: Chain, toks: list[Token], i: int) -> bool:
    """Whether the reference point at toks[i] ("east of", "40 km from") follows the chain `before` right after
    its comma, the scene it measures ("in Mati, east of Athens, Greece"; "at the Khabbaz oil field some 20
    kilometers southwest of Kirkuk, Iraq"), and that chain names no province or country of its own."""
    if any(e.level in ("province", "country") or e.country for e in before.elements):
        return False
    k = i - 1
    while k >= 0 and toks[k].end > before.end and toks[k].text not in (",", ";", ".", "(", ")"):
        k -= 1  # back over "east", "some 20 kilometers southwest"
    return k >= 0 and (toks[k].end <= before.end or toks[k].text == "," and toks[k - 1].end <= before.end) and (
        i - k <= 6)


#: Words after a sentence's subject (and a comma) that say the subject is what the photo shows: "Iqaluit, seen
#: here in 2022, will have ...", "Matrah harbour seen from the fish souq".
_PICTURED = frozenset({"seen", "pictured", "shown", "photographed"})


def _pictured_soon(toks: list[Token]) -> bool:
    """Whether "seen", "pictured" stands among a sentence's first words (a cheap test before reading)."""
    return not _PICTURED.isdisjoint([t.lower for t in toks[1:11]])


def _pictured_after(toks: list[Token], j: int) -> bool:
    """Whether the chain ending at toks[j] is followed by ", seen here", ", pictured ..." or "seen from"."""
    if j < len(toks) and toks[j].text == ",":
        j += 1
    return j < len(toks) and toks[j].lower in _PICTURED


#: Kinds of public place a city's name may qualify: "a Valencia street", "a Nuku'alofa cemetery". Not a
#: factory, a store or a hotel, which a maker's or a chain's name qualifies ("a Toyota factory").
_PUBLIC_PLACES = frozenset({"street", "streets", "road", "avenue", "lane", "alley", "market", "bazaar",
                            "cemetery", "square", "park", "beach", "hospital", "school", "neighborhood",
                            "neighbourhood", "suburb", "slum", "harbour", "harbor", "port", "station",
                            "bar", "pub", "cafe", "café", "restaurant", "temple", "church", "mosque", "shrine",
                            "courtyard", "rooftop", "playground", "stadium", "zoo", "museum"})


#: A person's own places that a city's name may qualify after "her", "his": "in her Johannesburg home".
_HOMES = frozenset({"home", "house", "apartment", "flat", "studio", "garden", "backyard", "yard", "farm"})
#: What only a whole town has, written after "the" and its name: "over the Agabar skyline", "in the heart of the
#: Boureit medina" (the town's old walled centre). A town of under 100,000 people is no city after "the" alone
#: ("the Andes"), but is one before these.
_A_TOWN_WHOLE = frozenset({"skyline", "medina"})
_OWNERS_OF_A_HOME = frozenset({"his", "her", "their", "my", "our"})
#: The parts only a town has, in the plural, and its skyline: a city's name written bare before one of them,
#: with no article ("spruce up Nairobi streets", "Kiev skyline" as a heading), is that town's, the scene's city
#: when nothing else places it (weighed as any city written as a modifier, ``city_as_modifier``). A singular part
#: ("Nairobi street") is read after "a" only, as before.
_A_TOWNS_PARTS = frozenset({"streets", "alleys", "alleyways", "neighbourhoods", "neighborhoods", "suburbs", "slums",
                            "sidewalks", "pavements", "skyline"})
#: Words before such a name that read it otherwise: "a", "an" and the owners (read as a modifier after them with
#: their own kinds), "the" (read after its preposition).
_NOT_BARE_BEFORE = frozenset({"a", "an", "the", "his", "her", "their", "my", "our", "its"})
#: A bare name before a town's part is read as a city only when the gazetteer knows it with this many people
#: ("Summer streets", "Wall Street" are no towns; a small town's name qualifies its streets as often as a person's).
KNOWN_TOWN_AS_MODIFIER = 100_000


def _city_as_modifier(toks: list[Token], k: int, prep: str,
                      kinds: frozenset[str] | None = None) -> tuple[Chain | None, int]:
    """After "a"/"an": a city the gazetteer knows, written as the modifier of a venue's kind ("on a Valencia
    street", "in a Nuku'alofa cemetery"), or after "her"/"his" of a home's (`kinds`: "in her pink Johannesburg
    home"): the venue is in that city. Marked, so that the scorer weighs it as
    its own kind of candidate (``city_as_modifier`` in ``place_evidence.toml``): "in a Toyota factory" names a
    maker, not the Japanese city."""
    end = read_name(toks, k)
    if end is None:
        return None, k
    def public(m: int) -> bool:
        return m < len(toks) and toks[m].text.islower() and toks[m].lower in (kinds or _PUBLIC_PLACES)

    if end - k > 1 and public(end - 1):
        end -= 1  # "Valencia street" is read as one name
    elif end - k > 2 and public(end - 1) and plain_word(toks[end - 2]):
        end -= 2  # "Kyiv metro station", "Lagos fish market" (read as one name): one plain word before the kind
    elif not (public(end) or end < len(toks) and plain_word(toks[end]) and public(end + 1)):
        return None, k
    element = element_of(toks, k, end, False, None)
    if element.level != "place" or not (element.population or element.town):
        return None, k  # (a town GeoNames knows qualifies a public place as a city does: "in a Pea cemetery")
    return Chain(prep, [element], as_modifier=True), end + 1


#: Picture words after which "of" may name the site the photo shows ("This is a picture of Sukhbatar Square"):
#: not "a model of", "a replica of", "a painting of", which show a thing made elsewhere.
_PHOTO_NOUNS = frozenset({"photo", "photos", "picture", "pictures", "image", "images", "shot", "shots", "snapshot",
                          "snapshots", "footage"})
#: Verbs before a picture word that make its "of" what someone photographs from elsewhere: "a man takes photos of
#: the Forbidden City" (from Jingshan Park).
_PHOTOGRAPHING = frozenset({"take", "takes", "taking", "took", "snap", "snaps", "snapping", "snapped", "shoot",
                            "shoots", "shooting", "make", "makes", "making", "pose", "poses", "posing", "capture",
                            "captures", "capturing"})
def _the_photo_is_from(toks: list[Token], from_at: int) -> bool:
    """Whether "from" at toks[from_at] says where the photo itself comes from: "The picture is from Cafayate",
    "This photo was from a trip to Hue", "This is from Anna Kirke", "These pictures show scenes from the Gangarama
    Temple" (not "a man from Dakar", nor "shot from the bridge": a standpoint)."""
    before = toks[from_at - 1].lower if from_at else ""
    if before == "scenes":
        return True
    return from_at > 1 and before in ("is", "was", "are", "were") and (
        toks[from_at - 2].lower in _PHOTO_NOUNS or toks[from_at - 2].lower in ("this", "these") and (
            from_at == 2 or toks[from_at - 3].text in _HEADING_MARKS or toks[from_at - 3].text in ".!?"))


def _describes_the_photo(toks: list[Token], of_at: int) -> bool:
    """Whether "of" at toks[of_at] follows a picture word that stands for the photo itself ("This is a picture
    of Sukhbatar Square"), not for one someone takes from elsewhere ("a man takes photos of the Forbidden City")."""
    return toks[of_at - 1].lower in _PHOTO_NOUNS and not _PHOTOGRAPHING & {
        t.lower for t in toks[max(0, of_at - 3):of_at]}


#: Prepositions of a destination: "flown to a hospital in Gaza" is no photo at the hospital.
_DESTINATIONS = frozenset({"to", "toward", "towards"})
#: Words that may open the words naming a part of a place: "in the historic centre of", "in various parts of".
_PART_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})


def _after_a_part(toks: list[Token], i: int, k: int, prep: str) -> tuple[Chain | None, int]:
    """The chain after one to three plain words naming a part of a place and "of", when the preposition at
    toks[i] introduced no name itself: "in various parts of Kigali", "in the historic center of Reykjavík",
    "in the family stronghold of Hambantota". Marked, so that the scorer weighs it as its own kind of
    candidate (``part_named_before`` in ``place_evidence.toml``); "in the wake of", "in support of" lead to no
    place the tables know, and such a name alone scores as an unknown one."""
    n = len(toks)
    m = k + 1 if k < n and toks[k].lower in _PART_OPENERS else k
    first = m
    while m < n and m < first + 3 and toks[m].lower != "of" and plain_word(toks[m]):
        m += 1
    if m == first or m + 1 >= n or toks[m].lower != "of" or not _introduces_place(toks, m):
        return None, i
    if _read_chain(toks, m + 1, _allowed(toks, m), "of")[0] is not None:
        return None, i  # "of" introduces it as it would anyway ("in the courtyard of the Louvre"): read so
    if _a_described_centre(toks, first, m):
        return _read_chain(toks, m + 1, "any", prep, True)  # "in the historic center of Quorva": its centre
    chain, j = _read_chain(toks, m + 1, "any", prep, True)
    if chain is not None:
        chain.after_a_part = True
    return chain, j


def _a_described_centre(toks: list[Token], first: int, of: int) -> bool:
    """Whether the plain words toks[first:of] before "of" are a town's centre with a word or two describing it:
    "in the historic center of Quorva", "over the old centre of Quorva", "in the bustling heart of Quorva". The
    words name the same part as "in the centre of Quorva" does, and the name after "of" is read as it is there, the
    town whose centre it is, not weighed as a part's chain ("in various parts of Kigali", ``part_named_before``)."""
    return of - first > 1 and PREPOSITION_NOUNS.get(toks[of - 1].lower) == "any" and (
        toks[of - 1].lower not in _OUTSIDE_PARTS)


#: Places named by their kind alone, owning a venue: "the capital's Bait Ur Rouf Mosque".
_UNNAMED_OWNERS = frozenset({"capital", "city", "town", "village", "country", "nation", "island", "province",
                             "state", "county", "district", "region"})
#: Those of them that are towns: a name they own that no table knows is a part of the town ("the capital's
#: Jhigatola", "the city's Rua Augusta").
_UNNAMED_TOWNS = frozenset({"capital", "city", "town", "village"})
_HEADING_MARKS = frozenset({"-", "–", "—", ":"})
#: People named after a place or body that opens the sentence ("Baker Lake residents", "Fish & Game staff",
#: "SEA LIFE Sydney Aquarium aquarist Emily Best"): the name says whose they are, not where the photo is.
PEOPLE_OF_A_PLACE = ORIGIN_NOUNS | frozenset({
    "staff", "staffers", "employees", "officials", "official", "members", "member", "volunteers", "crew",
    "crews", "aquarist", "keeper", "keepers", "spokesperson", "spokesman", "spokeswoman", "director", "chief",
    "president", "manager", "coach", "players", "player",
    # (a school's pupils by their year, and its teachers: "Quorva High School sophomore Ana Ruiz")
    "sophomore", "sophomores", "freshman", "freshmen", "pupils", "pupil", "teacher", "teachers", "graduates"})
#: Words before a named place that read as "the": "at his Mar-a-Lago estate", "in their Soho studio".
_OWNER_ARTICLES = frozenset({"the", "his", "her", "their"})


def _a_place_named_called(toks: list[Token], called: int) -> tuple[Chain | None, int]:
    """The venue named after ", called" when a venue's word in small letters closes the few words before the comma:
    "I took the photo from a bridge, called Quorva Bridge, Dhaka region", "the harbour of Oslo, called Marrowby":
    the name the caption gives the place it put the photo in, a venue however bare ("Marrowby"). A name the
    gazetteer knows as a settlement, a province or a country is left out, and so is a thing's name ("boats, called
    Pirogues": no venue's word before it)."""
    before = toks[max(0, called - 5):called - 1]
    if not any(t.text.islower() and t.lower in VENUE_WORDS for t in before):
        return None, called
    end = read_name(toks, called + 1)
    if end is None:
        return None, called
    element = element_of(toks, called + 1, end, False, None)
    if element.level not in ("venue", "place") or element.population or element.town or element.also_province or (
            element.country):
        return None, called
    element.level = "venue"
    return Chain("at", [element]), end


def _after_an_opening_clause(toks: list[Token], i: int) -> bool:
    """Whether toks[i] opens the sentence's main clause after a short clause of how or when the photo sees it, and
    its first comma: "Seen from the air, the Quorva Refugee Camp ...", "With snow all around, the Quorva Tower looks
    impressive": the subject after it stands where a sentence's first words do."""
    if i < 3 or i > _OPENING_CLAUSE_WORDS or toks[0].lower not in _CLAUSE_OPENERS_OF_A_VIEW:
        return False
    return all(t.text != "," for t in toks[1:i - 1])


#: The words opening a short clause before the main one: "Seen from the air,", "With white all around,", "Once
#: the sun sets,". The clause may hold no comma of its own and at most this many words.
_CLAUSE_OPENERS_OF_A_VIEW = frozenset({"seen", "viewed", "pictured", "photographed", "shot", "taken", "with",
                                       "once", "as", "when", "while", "after", "before", "under", "against"})
_OPENING_CLAUSE_WORDS = 10


def _a_town_geonames_holds(toks: list[Token], k: int, end: int) -> bool:
    """Whether the name toks[k:end] is a town or a city the gazetteer holds ("Tarazona"): a village abroad so named
    is the city field, as a town abroad is; a name it does not know stays a village ("the Spanish village of
    Quorvanes"), the sublocation."""
    levels = name_levels(" ".join(t.text for t in toks[k:end]))
    return bool(levels.city_population or levels.town_population)


def _after_a_topic_tag(toks: list[Token], i: int) -> bool:
    """Whether toks[i] opens the sentence right after a tag in square brackets that opens it, as an agency's
    archive files a picture under its story ("[Hurricane Katrina] LaPlace, La., October 8, 2005 - ...",
    "[Severe Storms/Flooding] Fargo, ND, ..."): the tag names the event, the words after it open the caption."""
    return 1 < i <= _TOPIC_TAG_TOKENS and toks[0].text == "[" and toks[i - 1].text == "]" and all(
        t.text not in "[]" for t in toks[1:i - 1])


#: The most tokens of a topic tag opening the sentence, its brackets counted.
_TOPIC_TAG_TOKENS = 10


def _after_place_heading(toks: list[Token], i: int) -> bool:
    """Whether toks[i] opens the sentence after a place heading written before it ("NAGOYA, Japan - Nagoya
    Castle in ...", "OSAKA,Japan--Some ..."): only capitalised words and commas before a dash or a colon."""
    if i < 2 or i > 10 or toks[i - 1].text not in _HEADING_MARKS:
        return False
    before = toks[:i - 1]
    while before and before[-1].text in _HEADING_MARKS:
        before = before[:-1]
    return bool(before) and all(t.text == "," or is_capitalised(t.text) for t in before)


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


#: Compass words before "of" that measure the scene from a reference point: "south of the Yangtze River".
_COMPASS = frozenset(DIRECTIONS - {"central", "far", "mainland"})


def _a_disasters_name(toks: list[Token], i: int, j: int, start: int, prep: str) -> bool:
    """Whether the venue read from toks[i] up to the disaster's noun at toks[j] names the disaster: "the Grenfell
    Tower fire" (written after "the"), "Flames of the Quorva Complex fires engulf ..." (the sentence's subject). Not
    a name after another word ("Police on the island of Lesbos fire tear gas": the verb), nor before a venue's word
    ("the Quorva Park fire station": a site)."""
    if j + 1 < len(toks) and toks[j + 1].lower in VENUE_WORDS:
        return False
    if prep == "subject":
        return True
    at = i
    while at < j and toks[at].start < start:
        at += 1
    return at > 0 and toks[at - 1].lower == "the"


def _introduces_place(toks: list[Token], i: int) -> bool:
    """Not "from" after a person ("from Dakar, Senegal"), nor "of" after a picture word ("photos of X") or an
    institution ("University of Miami")."""
    word, before = toks[i].lower, toks[i - 1].lower if i else ""
    if word == "from":
        return before in VIEWING_VERBS or _is_distance(before)
    if word == "of":
        shown = before in SHOWN_NOUNS and not _describes_the_photo(toks, i)
        # "the University of Miami": its seat, not the scene; "the historic centre of Lisbon" is a part of it
        institution = names_an_institution(before) and not (before in _CENTRES and toks[i - 1].text.islower())
        return not shown and before not in TITLE_WORDS and before not in ORIGIN_NOUNS and not institution
    if word == "over" and before in _WINS:
        return False  # "a 61-21 win over Smith-Cotton High School": the team beaten, not a place
    return True


#: Verbs of moving away before "from": the place after it is where someone or something came from, an origin
#: ("moved from the Quorva Hall in Belfast", "fled from the Quorva Camp"), not the photo's standpoint.
_MOVING_VERBS = frozenset({
    "moved", "moves", "moving", "relocated", "relocating", "fled", "flee", "flees", "fleeing", "evacuated",
    "came", "comes", "coming", "arrived", "arrives", "arriving", "returned", "returns", "returning", "travelled",
    "traveled", "transferred", "escaped", "departed", "migrated", "brought", "hails", "hailing",
})


#: Nouns of a game won before "over": "a 3-1 win over", "their victory over", "a 10-point lead over".
_WINS = frozenset({"win", "wins", "victory", "victories", "triumph", "lead", "edge", "upset", "romp", "rout"})


def _the_described(toks: list[Token], noun: int) -> bool:
    """Whether one or two plain words in small letters describe the plural noun at toks[noun] after "the": "the
    busy streets of Kampala", "the green rolling hills of Mbarara" (as "the streets of Paris"); a singular one is
    a point more often ("the landing site of China's probe", "the lands south of the Yangtze")."""
    if not toks[noun].lower.endswith("s") or toks[noun].lower.endswith("ss"):
        return False
    for back in (2, 3):
        at = noun - back
        if at < 0 or not (toks[at + 1].text.islower() and toks[at + 1].text.isalpha()) or (
                toks[at + 1].lower in PREPOSITIONS or toks[at + 1].lower in ARTICLES):
            return False
        if toks[at].lower == "the":
            return True
    return False


#: Singular parts of a town, each a part of the place named after "of" ("the official center of Riga").
_A_TOWNS_OWN_PARTS = frozenset({"center", "centre", "heart", "part", "side", "quarter", "downtown"})
#: Words that point at one such part: "the", "this", "another" ("another side of Siem Reap").
_POINTING_WORDS = frozenset({"the", "this", "that", "another"})


def _a_part_pointed_at(toks: list[Token], noun: int) -> bool:
    """Whether the singular part of a town at toks[noun] is pointed at, directly or past one plain word in small
    letters: "the official center of Riga", "this poor part of Jakarta", "another side of Siem Reap" (a part of
    the town, so the town after "of" is the scene's, as "the streets of Paris" is); "part of the Unit", with
    nothing pointing at it, is a member of a body."""
    if noun >= 1 and toks[noun - 1].lower in _POINTING_WORDS:
        return True
    word = toks[noun - 1] if noun >= 1 else None
    return noun >= 2 and word is not None and word.text.islower() and word.text.isalpha() and (
        word.lower not in PREPOSITIONS and word.lower not in ARTICLES) and toks[noun - 2].lower in _POINTING_WORDS


def _allowed(toks: list[Token], i: int) -> str:
    """What the preposition at toks[i] may introduce: see PREPOSITIONS."""
    word, before = toks[i].lower, toks[i - 1].lower if i else ""
    if word == "of" and before in VIEW_NOUNS:
        return "object"  # "A view of Yinchuan, capital of ...", not "a view of the Tianwen-2 probe"
    if word == "of" and _describes_the_photo(toks, i):
        return "pictured"  # "a picture of Sukhbatar Square": a named site is the scene; a person or a town alone
        # is not, a town written with its state or country is ("Three pictures of Waveland, Mississippi")
    if word == "of" and before in _BOUNDARY_NOUNS and toks[i - 1].text.islower():
        return "elsewhere"  # "a town on the border of Guatemala": the neighbour across it, not the scene
    if word == "of" and i > 1 and toks[i - 1].text.islower() and (
            before in VENUE_WORDS or before in AREA_NOUNS) and (
            toks[i - 2].lower == "the" or _the_described(toks, i - 1)):
        return "any"  # "across the grasslands of Dong Ujimchin Banner", "the streets of Paris": a stretch of it
    if word == "of" and before in _A_TOWNS_OWN_PARTS and toks[i - 1].text.islower() and (
            _a_part_pointed_at(toks, i - 1)):
        return "town's part"  # "the official center of Riga", "another side of Siem Reap": a town's part, the town
    if word == "of" and before in _COMPASS and (
            not (i > 1 and toks[i - 2].lower in ARTICLES)
            or i > 1 and toks[i - 1].text.islower() and toks[i - 2].lower not in ("the", "far")):
        # "the lands south of the Yangtze River", "20 kilometers southwest of Kirkuk, Iraq", "north of Manila,
        # Philippines": the point the scene is measured from, not the scene (its province and country are kept);
        # after "the" ("in the south of France", "in the northwest of Wenchuan County") a part of the place
        return "reference"
    if word in ("from", "off") and _is_distance(before):
        return "reference"  # "40km from Zhangye city, northwest China's Gansu Province", "124 miles off Luzon"
    if word in ("in", "at") and places_a_reference(before):
        return "elsewhere"  # "an earthquake centred in Shoufeng Township, Hualien County": not the scene
    return PREPOSITIONS[word]


def _read_chain(toks: list[Token], i: int, allowed: str, prep: str,
                part: bool = False, held: bool = False) -> tuple[Chain | None, int]:
    """The chain starting at toks[i], if its first place suits `allowed` (see PREPOSITIONS). `held`: the first
    name holds an unnamed place the preposition placed, written after it and "in" ("at a clinic in Quorva").

    After a part of a place ("on the shore of", "at the foot of"), a first name that is no venue still
    leaves the province and country written after it: "on the shore of Larak, Iran" is in Iran.
    """
    read = _read_element(toks, i)
    if read is None:
        return None, i
    elements, j = read
    chain = Chain(prep, list(elements))
    links: list[str] = []  # how each further place was joined: ",", "of", "in", ...
    while True:
        if j < len(toks) and toks[j].lower in _LOWER_KINDS:
            _kind_written_after(toks, j, chain.elements[-1])
        # "at the Palavela on September 17, 2016 in Turin, Italy": the venue's town after the photo's date
        step = _town_after_the_date(toks, j) if prep == "at" and len(chain.elements) == 1 else None
        dated = step is not None
        step = step or _continuation(toks, j)
        if step is None:
            break
        k, next_allowed = step
        k_start = k
        read = _read_element(toks, k)
        if read is None:
            break
        more, k = read
        if next_allowed == "venue" and more[0].level not in _VENUE_START:
            break
        if dated and more[0].level == "venue" and chain.elements[0].level == "venue" and (
                _a_town_named_like_a_site(more[0])):
            more[0].level = "place"  # "at Casteel High School on Saturday, Oct. 8, 2022, in Queen Creek": the town
        if dated and (more[0].level not in ("place", "city") or chain.elements[0].population
                      or chain.elements[0].town >= max(more[0].population, 1)):
            break  # "at Ascot on Saturday in England": a town itself, or no town after the date ("at Quorva on
            # April 8, 2017 in Augusta, Georgia": a small town's name before a larger city is a site in it)
        if _an_adjective(more, toks, k):
            break  # "in Seoul, South Korean children dash through ...": a people's adjective, no larger place
        if toks[j].text == "," and _a_subject_after_the_comma(more, toks, k):
            break  # "in Knoxville, Ana Ruiz sits in a window": the sentence's subject after its opening clause
        # ", outskirts of Kyiv": the area's town is a place of its own beside the city, as after "of"
        at = j
        while at + 2 < len(toks) and toks[at].text in "([" and toks[at + 1].text in ")]":
            at += 2  # "at Himawari no Sato (Sunflower village) in Hokuryu": the link after an emptied gloss
        link = "of" if _area_of(toks, j) else toks[k_start - 1].lower if dated else toks[at].lower
        if link in _APPOSITIVE_DASHES:
            link = ","  # "Umlazi - a township in KwaZulu-Natal": the dash joins as the comma would
        links.append(link)
        more[0].link = link
        kind = _appositive_kind(toks, j, k) or _a_part_by_its_description(toks, j, k_start)
        last = chain.elements[-1]
        if kind and last.level == "place":
            last.level = kind  # "Wuzhen, a water town in ...": the name before it is a town
        elif link == "of" and last.level == "place" and last.town and toks[j].text == "," and (
                toks[j + 1].lower in _OUTSIDE_PARTS):
            last.level = "city"  # "in Okonsk, outskirts of Kyiv": a town GeoNames knows, outside the city
        chain.elements.extend(more)
        j = k
    _postal_code_after_a_town(chain)
    if len(chain.elements) == 1 and chain.elements[0].level == "place" and j < len(toks) and toks[j].text == "," and (
            _a_town_by_its_appositive(toks, j)):
        chain.elements[0].level = "city"  # "in Quorvandy, a small fishing town.": the scene's town, by its kind
    if len(chain.elements) == 1 and j < len(toks) and toks[j].text == "," and _a_part_in_apposition(toks, j, chain):
        chain.elements[0].level = "venue"  # "inside Geunjeongjeon, the palace's main hall,": a site, by its kind
    if len(chain.elements) == 1 and j < len(toks) and _a_crafts_name(toks, j):
        return None, i  # "floating in the Quorva laboratory", "in his Quorva 7 spacecraft": a craft's, no place
    if _a_side_of_an_unnamed_whole(chain.elements[-1], toks, j):
        # "in the North Central part of the country": a side of the country, no province's name
        if len(chain.elements) == 1:
            return None, i
        chain.elements.pop()  # "At Quorva Temple in the North Central part of the country": the temple alone
    team = len(chain.elements) == 1 and j < len(toks) and (names_a_team(toks[j].text) or toks[j].text.islower() and (
        names_a_players_position([t.text for t in toks[j:j + 3]])))  # "Green Bay Packers safety Rudy Ford"
    if len(chain.elements) == 1 and chain.elements[0].level == "venue" and j < len(toks) and prep != "subject" and (
            team or names_a_person(toks[j].lower)):
        return None, i  # "the killing of Dhaka University professor Humayun Azad": the person's, not the scene
    if len(chain.elements) == 1 and chain.elements[0].level == "venue" and j < len(toks) and (
            names_a_disaster(toks[j].text)) and _a_disasters_name(toks, i, j, chain.elements[0].start, prep):
        return None, i  # "the victims of the Grenfell Tower fire": the disaster's site, not the scene
    if prep == "subject" and chain.elements[0].level in ("place", "city") and j < len(toks) and (
            toks[j].text in _HEADING_MARKS):
        return None, i  # "Berlin, Germany - 30.04.2019": a heading, read as such, not the sentence's subject
    if allowed == "venue" and prep in _CITY_PREPOSITIONS and len(chain.elements) == 1 and (
            chain.elements[0].level == "place") and _measured_from_a_point(toks, j):
        allowed = "any"  # "at Loke, about 215 miles south of the capital": a town measured from another
    if allowed == "venue" and prep in _CITY_PREPOSITIONS and len(chain.elements) == 1 and (
            _a_small_town_closing(chain.elements[0], toks, j)):
        allowed = "any"  # "sets off at Llandudno this morning", "the northern lights above Stornoway"
    elif allowed == "venue" and prep == "at" and len(chain.elements) == 1 and _a_site_before_the_time(
            chain.elements[0], toks, j):
        chain.elements[0].level = "venue"  # "a flower show at Mohar Kunja on Saturday": a site, named bare
    elif allowed == "venue" and prep in _CITY_PREPOSITIONS and len(chain.elements) == 2 and (
            _a_site_in_a_small_town(chain, toks, j)):
        chain.elements[0].level = "venue"  # "guides visitors at Te Puia, Whitianga, where ...": a site, its town
    if not _suits(chain, allowed, links, prep, team, j < len(toks) and (
            toks[j].lower in _LYING_VERBS or prep == "subject" and (
                _a_state_of_the_site(toks, j) or _placed_near_after(toks, j))), held):
        larger = [e for e in chain.elements[1:] if e.level in ("province", "country")] if part else []
        if part and allowed == "venue" and larger and chain.elements[1].link == ",":
            return Chain(prep, larger), j
        return None, i
    if allowed == "near" and chain.elements[0].level not in _VENUE_START:
        if (prep in ("near", "nearby") or prep == "outside" and _just_outside(toks, i, chain)) and (
                chain.elements[0].level in ("place", "city", "county")):
            chain.near = True  # "a procession near Bhopal, India": by that town, unless a place is named
        else:
            allowed = "reference"  # "a camp outside Kabul, Afghanistan"
    if allowed == "elsewhere":  # an event's centre, not the scene
        return None, i
    if allowed == "reference":  # the reference point is not the scene; the province and country around it are
        chain.reference = True
        # "in Hagonoy, Bulacan province, north of Manila, Philippines": beside the scene, as after "near"
        chain.near = chain.near or prep == "of"
        chain.elements = [e for e in chain.elements[1:] if e.level in ("province", "country")]
        if not chain.elements:
            return None, j
        chain.reference = True
    return chain, j


#: Words before "outside" that keep the town after it a reference point: a distance ("35 km outside Cape Town"),
#: or a region that lies outside the town ("eastern al-Ghouta, a rebel-held area outside Damascus").
_OUTSIDE_A_REFERENCE = DISTANCE_WORDS | {"area", "region", "areas", "regions", "countryside"}


def _just_outside(toks: list[Token], i: int, chain: Chain) -> bool:
    """Whether "outside" (or "outside of") before toks[i] puts the scene by the town named there, as "near" does
    ("just outside Killea in Co. Donegal", "a farmhouse outside of Kirkuk"): the town is all the caption places the
    scene by. A town set apart by a comma from its province or country stays a reference point whose larger places
    are the scene's ("a camp outside Kabul, Afghanistan": Afghanistan), and so does a town named after its kind
    ("outside the capital, Kampala"), measured from, or with a region set apart from it (``_OUTSIDE_A_REFERENCE``)."""
    at = i - 2 if i >= 2 and toks[i - 1].lower == "of" else i - 1
    return at >= 1 and toks[at].lower == "outside" and toks[at - 1].lower not in _OUTSIDE_A_REFERENCE and (
        chain.elements[0].start == toks[i].start) and (len(chain.elements) == 1 or chain.elements[1].link != ",")


def _postal_code_after_a_town(chain: Chain) -> None:
    """'in Greenback, TN', 'Pemberton, WA, beside the tramway track': a state's postal code in capitals closing a
    chain right after a town the gazetteer knows (a city, or a GeoNames town) is that state (``[postal]`` in
    place_evidence.toml). A town written in capitals too (a caption in capitals) is left as it was."""
    if len(chain.elements) < 2:
        return
    town, code = chain.elements[-2], chain.elements[-1]
    if code.value[-1:] == "." and code.link == "," and code.value[:-1].isupper() and is_postal_code(code.value[:-1]):
        code.value = code.value[:-1]  # "outside Helena, MT.": the sentence's stop after the code ("Mt." abbreviates)
    if code.level == "place" and code.link == "," and is_postal_code(code.value) and town.level in (
            "place", "city") and (town.population or town.town) and not town.value.isupper():
        code.level, code.population = "province", 0


def _suits(chain: Chain, allowed: str, links: list[str], prep: str, followed_by_team_noun: bool = False,
           before_a_verb_of_lying: bool = False, held: bool = False) -> bool:
    """Whether a chain's first place may follow its preposition; may turn an unmarked name into a venue.

    "at the Bund in Shanghai": a name inside a city is a venue ("at the Company Bagh" alone is not: such
    names after "at the" were organisations as often as venues on captions never tuned on). "visit Xi'an,
    northwest China's ...": a name before a province or country is a city. "visits Kazakh President
    Tokayev", "a view of the Tianwen-2 probe": an unmarked name with nothing after it is not a place. A venue
    is made only after "at" or a verb, never after "of", nor after "on" unless "the" stands before the name and
    a place it is in follows ("on the Hollywood Walk in Los Angeles"; not "Secretary of State Marco Rubio in
    Kuala Lumpur", "the Forum on China-Africa Cooperation in Beijing").
    """
    first = chain.elements[0]
    second = chain.elements[1] if len(chain.elements) > 1 else None
    inside_next = second is not None and links[:1] in (["in"], ["inside"]) and second.level in _GEO_LEVELS
    if prep in ("at", "object") and first.level == "place" and inside_next and not held:
        first.level = "venue"  # ("at a village clinic in Quorva in Bauchi State": the name after the unnamed place
        # and "in" holds it, a town as after "in" alone)
    elif prep == "at" and first.level in ("province", "county") and not first.also_province and inside_next and (
            second is not None and second.level in ("place", "city") and (second.population or second.town)):
        first.level = "venue"  # "at Quorva in Kolkata" where the name is also a region's far away: a region is
        # never inside a town, so a name placed in one after "at" is a site there
    if prep != "of" and first.level == "place" and first.the and inside_next and not (
            first.population or first.also_province or first.country or first.town):
        first.level = "venue"  # "on the Hollywood Walk in Los Angeles": "the", then a place it is in
    owned = second is not None and second.link == "'s" and (second.population > 0 or second.level == "city")
    # "beside Kathmandu's Nag Pokhari", "at Taman Maluri, Cheras": a site inside the city written with it
    in_a_city = second is not None and second.link == "," and second.level == "place" and (
        second.population >= SETTLEMENT_POPULATION or _a_site_before_a_placed_town(chain))
    if allowed == "venue" and first.level == "place" and (
            prep in _CITY_PREPOSITIONS and first.population == 0 and in_a_city
            or owned and second is not None and prep not in _ELSEWHERE_PREPOSITIONS
            and (first.population == 0 or first.population < second.population)):
        first.level = "venue"  # ("on Auckland's North Shore": a part of the city written as its owner's, after
        # any preposition of position; a part the gazetteer also knows as a smaller city is still its part)
    if allowed == "pictured":
        return first.level in _VENUE_START or _a_town_placed(chain)
    if allowed == "named venue":  # placed in its town: "from Greenwich Park in London", not "from the X troupe"
        return first.level == "venue" and chain.has_geo
    if allowed == "venue":
        return first.level in _VENUE_START or prep in _CITY_PREPOSITIONS and _is_settlement(chain) or (
            prep == "from" and _a_town_placed(chain)) or (  # ("from" after a verb of viewing: a standpoint)
            prep in _UNIT_PREPOSITIONS and _a_unit_by_its_kind(first))
    if allowed == "near":  # "near Bhopal, India", "near the Syrian town of Ras al-Ain": a town by its kind
        larger = any(e.level in ("province", "country") for e in chain.elements[1:]) or _in_a_county(chain)
        return first.level in _VENUE_START or larger or first.level == "city" or (
            first.population >= SETTLEMENT_POPULATION)  # "in the metro near Kyiv": a city the gazetteer knows
    if allowed == "subject":  # "Market square in Kraków, Poland": a venue opening the sentence, placed
        if followed_by_team_noun:
            return False  # "Crystal Palace manager Roy Hodgson": a club, not the scene
        if first.level == "town":  # "Huangling Village in Wuyuan County, east China's Jiangxi Province, Nov. 7";
            # placed by nothing, a village is still read, to be the sublocation of a later phrase's place ("The favela
            # of Cantagalo looks down on ..., in Rio de Janeiro", "Longxi Township, in the northwest of Wenchuan
            # County in Sichuan Province, is ...") or the town when nothing else places the scene
            return True
        if first.level == "county":  # "Nanjing county in southeast China's Fujian Province has ...", placed in
            # its province or country; not "Midwest League action." (a league is a county of Inner Mongolia)
            return any(e.level in ("province", "country") or e.country for e in chain.elements[1:])
        if first.level in ("place", "city") and len(chain.elements) > 1 and chain.elements[1].link in (",", "in") and (
                first.population or first.level == "city" or first.town):
            # "Douglas in Isle of Man looking along the Promenade", "Leiden, Netherlands, at dusk": a town the
            # gazetteer knows (a city, or a GeoNames town: "Pemberton, WA, beside the tramway track"), opening the
            # sentence placed in its province or country, is the place pictured
            return any(e.level in ("province", "country") for e in chain.elements[1:])
        # "Shanidar cave in the Bradost Mountains, famous for ...": a site placed in the land around it
        in_a_setting = second is not None and links[:1] == ["in"] and second.level == "venue" and second.the
        # (the capitalised words are counted only for a venue, the one kind they are asked of below)
        capitals = sum(1 for w in first.value.split() if w[:1].isupper()) if first.level == "venue" else 0
        # ("Vidra lake lies in the Parang Mountains": a name and its kind in small letters, then where it lies)
        return first.level == "venue" and (chain.has_geo or capitals >= 2 or in_a_setting or before_a_verb_of_lying)
    if allowed == "town's part":  # "the official center of Riga": a town the gazetteer knows, or a place by its
        # kind; an unmarked name no table knows is as often a thing's ("this part of Maryam Bibi Khal", a canal)
        return first.level != "place" or first.population >= SETTLEMENT_POPULATION or first.town > 0
    if allowed == "object" and first.level == "place":
        return any(e.level in ("province", "country") or e.country for e in chain.elements[1:]) or (
            _in_a_county(chain))
    if allowed == "object":
        return first.level in _VENUE_START or first.level in _GEO_LEVELS
    return True


def _placed_near_after(toks: list[Token], j: int) -> bool:
    """Whether a subject's name is followed by "near" or "outside" and a place, perhaps after a comma ("Seen from
    the air, the Quorva refugee camp, near the Jordanian city of Mafraq"): the sentence places the site by the town
    it lies near, as "in" would place it in the town, so its kind written in small letters names it enough."""
    n = len(toks)
    k = j + (j < n and toks[j].text == ",")
    return k + 1 < n and toks[k].lower in _NEAR_A_TOWN and (toks[k + 1].lower == "the" or (
        is_capitalised(toks[k + 1].text)))


#: The words after a subject's name that place it by a town it lies near.
_NEAR_A_TOWN = frozenset({"near", "outside"})


def _a_unit_by_its_kind(first: Element) -> bool:
    """Whether a name after "at" or "into" is a district or a county written with its kind word ("at Nagaon district,
    northeastern Indian state of Assam", "at Kilifi County"): a unit of the map by its own word, as a settlement
    the gazetteer knows is, not an organisation ("at Google"); a prefecture or a league is left as before."""
    return first.level == "county" and not first.prefecture and first.value.rpartition(" ")[2].casefold() in (
        _UNIT_KIND_WORDS)


#: The kind words after "at" that make a name a unit of the map, as a known settlement is.
_UNIT_KIND_WORDS = frozenset({"district", "county"})
#: The prepositions of a venue that may introduce such a unit: "at Nagaon district", "pour into the Hafizabad
#: district in Punjab province".
_UNIT_PREPOSITIONS = frozenset({"at", "into"})


def _a_site_before_a_placed_town(chain: Chain) -> bool:
    """Whether the chain's second place is a town the gazetteer holds (a city, or a GeoNames town), written before
    its state, province, country or British county after a comma: "at New Sirs, Westhoughton, Greater
    Manchester" is a ground in a small town, as "at Taman Maluri, Cheras" is a site in a large one. After a
    larger place that is a bare name ("..., Westhoughton, Bolton"), only when the first name is no town the
    gazetteer knows itself (then it is the site)."""
    if len(chain.elements) < 3:
        return False
    first, town, larger = chain.elements[:3]
    if larger.link != ",":
        return False
    if not (town.population or town.town):
        return _a_site_in_a_full_address(chain)
    return larger.level in ("province", "country") or is_county(larger.value) or (
        larger.level == "place" and not (first.town or first.also_province))


def _a_site_in_a_full_address(chain: Chain) -> bool:
    """Whether a chain is a whole address after commas, site first: two bare names nothing knows (no table, no
    gazetteer city or town), then a city of SETTLEMENT_POPULATION or more or a province, then the country ("at
    Zeer, Rangsit, Bangkok, Thailand": a shop in a suburb of the city). The second name is the town the site is
    in, as "in" reads the same chain; two unknown names before the country alone ("at Zeer, Rangsit, Thailand")
    are left as before, a pair of names being as often two sites or two people as a site and its town."""
    if len(chain.elements) != 4 or any(e.link != "," for e in chain.elements[1:]):
        return False
    first, town, larger, country = chain.elements
    if country.level != "country" or not (
            larger.level == "province" or larger.level in ("place", "city") and (
                larger.population >= SETTLEMENT_POPULATION)):
        return False
    return all(e.level == "place" and not (e.the or e.population or e.town or e.also_province or e.country)
               for e in (first, town))


def _a_town_placed(chain: Chain) -> bool:
    """Whether a chain opens with a town written with its state, province or country after a comma: after "seen
    from", the photographer's standpoint ("the sunrise, seen from Pasadena, Calif."), a real place; a town alone
    after "from" ("seen from Pasadena") is left as before, "from" being a person's origin as often."""
    return chain.elements[0].level in ("place", "city") and len(chain.elements) > 1 and (
        chain.elements[1].link == "," and chain.elements[1].level in ("province", "country"))


def _in_a_county(chain: Chain) -> bool:
    """'near Keswick, Cumbria': a town placed by a British or Irish county after it (``counties.py``), which
    places it as a state would."""
    return any(e.link == "," and is_county(e.value) for e in chain.elements[1:2])


#: Prepositions of position that introduce venues ("at the Bund") but also a town written bare ("at Ascot,
#: England", "above Stornoway"); "to", "from" and "of" stay for venues only (a destination, an origin, a title).
_CITY_PREPOSITIONS = frozenset({"at", "above", "below", "within", "beside"})
#: Prepositions of a destination or an origin: a city's part after them ("to Tokyo's Ginza") is not where the photo is.
_ELSEWHERE_PREPOSITIONS = frozenset({"to", "toward", "towards", "into", "onto", "from", "of", "off"})
#: A bare name after such a preposition is a town when the gazetteer knows a city of at least this many people
#: under it; "at Google", "at Marimekko" are no towns the gazetteer knows.
SETTLEMENT_POPULATION = 50_000


def _measured_from_a_point(toks: list[Token], j: int) -> bool:
    """Whether a comma at toks[j] opens a distance and a side of a reference point: ", about 215 miles south of",
    ", 40 km north of", ", just west of"."""
    if j >= len(toks) or toks[j].text != ",":
        return False
    k = j + 1
    while k < len(toks) and (toks[k].lower in _ABOUT or toks[k].lower[:1].isdigit() or toks[k].lower in DISTANCE_WORDS):
        k += 1
    return k + 1 < len(toks) and k > j + 1 and toks[k].lower in _COMPASS and toks[k + 1].lower == "of"


def _a_site_in_a_small_town(chain: Chain, toks: list[Token], j: int) -> bool:
    """Whether a chain of two names after "at" is a site nothing knows, then after a comma a town the gazetteer
    knows (a city of any size, or a GeoNames town; no province or country), closing the phrase: the sentence's
    end, the photo's time or a clause after a comma ("guides visitors at Te Puia, Whitianga, where ...", "at
    Mohar Kunja, Tidaholm, on Saturday"). A city of 50,000 people or more makes the first name its site whatever
    follows (``_suits``); a smaller town is the site's town where the phrase ends with it, as a small town alone
    after "at" is (``_a_small_town_closing``)."""
    site, town = chain.elements
    if site.level != "place" or site.the or site.population or site.town or site.also_province or site.country:
        return False
    if town.link != "," or town.level != "place" or town.the or town.also_province or town.country or not (
            town.population or town.town):
        return False
    return _time_or_end(toks, j) or (j + 1 < len(toks) and toks[j].text == "," and (
        toks[j + 1].lower in _CLAUSE_OPENERS or _time_or_end(toks, j + 1)))


#: Words opening a clause after a comma that closes a place phrase: ", where she has worked for decades".
_CLAUSE_OPENERS = frozenset({"where", "which", "who", "as", "while", "after", "before", "during", "when"})


def _a_small_town_closing(element: Element, toks: list[Token], j: int) -> bool:
    """Whether a bare name after "at", "above" is a town the gazetteer knows (a city of any size, or a GeoNames
    town), with "the" nowhere before it, then the sentence's end or the photo's time: "The run sets off at
    Llandudno this morning", "captured the northern lights above Stornoway". Smaller than SETTLEMENT_POPULATION,
    such a name is a town only where nothing else follows it ("at Marimekko on Friday" is no town the gazetteer
    knows; "at Sandy Lane Hotel" runs on into a venue's name)."""
    if element.level != "place" or element.the or not (element.population or element.town):
        return False
    if strip_possessive(toks[j - 1].text) is not None:
        return False  # "the queue of cars at McDonald's.": a shop's name
    return _time_or_end(toks, j)


def _a_site_before_the_time(element: Element, toks: list[Token], j: int) -> bool:
    """Whether a bare name after "at", which nothing knows (no table, no gazetteer city or town), is followed right
    away by the photo's time: "a flower show at Mohar Kunja on Saturday", "pictured at Zimmer Biomet Páirc
    Chíosóg last Thursday". "At" puts the photo at a point, and a name the gazetteer holds no town of is a site far
    more often than a town (a town it knows is read by ``_a_small_town_closing``); the sentence's end alone is not
    enough ("she works at Marimekko.": an employer), nor a name opened by a city's ("a selfie at Cork Pride last
    August": the city's event or team), nor one with a larger place after the date."""
    if element.level != "place" or element.the or element.population or element.town or element.also_province or (
            element.country):
        return False
    first = element.value.split()[0]
    if first != element.value and name_levels(first).city_population:
        return False
    if j >= len(toks) or toks[j].text in (".", ";", "!", "?") or strip_possessive(toks[j - 1].text) is not None:
        return False
    # "at Quorvan on Saturday in England": a larger place after the date makes the name as likely its town
    return _time_or_end(toks, j) and _town_after_the_date(toks, j) is None


#: Words that may open the photo's time after a place: "at Llandudno this morning", "in Tumon on Nov. 18".
_TIME_OPENERS = frozenset({"on", "in", "this", "last", "early", "late", "during", "over", "at", "the"})
#: Words of a time of day or week, after such an opener or alone.
_TIME_WORDS = frozenset({"morning", "afternoon", "evening", "night", "weekend", "yesterday", "today", "tonight",
                         "dawn", "dusk", "sunrise", "sunset"})
_YEAR = compiled(r"(?:1[89]|20)\d\d")
#: A day of the month written before its month: "20", "3rd".
_DAY = compiled(r"[0-3]?\d(?:st|nd|rd|th)?")
#: Months (full and short) and weekdays, as written after a place: "on Sunday", "in Sept. 2019".
_CALENDAR = frozenset({n.casefold().rstrip(".") for names in MONTHS.values() for n in names}
                      | {d.casefold() for d in WEEKDAYS})


def _time_or_end(toks: list[Token], j: int) -> bool:
    """Whether the sentence ends at toks[j], or the photo's time follows ("this morning", "on Sunday", "in
    May 2019", "on 20 August")."""
    if j >= len(toks) or toks[j].text in (".", ";", "!", "?"):
        return True
    k = j
    while k < len(toks) and k < j + 2 and toks[k].lower in _TIME_OPENERS:
        k += 1
    if k >= len(toks):
        return False
    word = toks[k].lower.rstrip(".")
    if k > j and k + 1 < len(toks) and _DAY.fullmatch(word) is not None:
        word = toks[k + 1].lower.rstrip(".")  # "on 20 August", "on 3rd October": the day before its month
        return word in _CALENDAR
    return word in _TIME_WORDS or word in _CALENDAR or (k > j and _YEAR.fullmatch(word) is not None)


def _a_city_as_subject(toks: list[Token], i: int) -> tuple[Chain | None, int]:
    """A city alone opening the sentence as its subject, a verb of being or showing right after it: "Helsinki is
    decked with flowers", "Kuwait City has many shops". Only a city the gazetteer knows well or one written with
    "City"; marked, so that the scorer weighs it as its own kind of candidate (``city_as_subject`` in
    ``place_evidence.toml``): taken only when no other phrase of the sentence places the scene ("Beijing has sent
    aid to the flood victims in Zhuozhou, Hebei" is Zhuozhou)."""
    sights = i + 1 < len(toks) and strip_possessive(toks[i].text) is not None and toks[i + 1].lower in _CITY_SIGHTS
    if not sights and _VERBS_AND_TIMES.isdisjoint(map(_LOWER, toks[i + 1:])):
        return None, i  # (the verb or the time must follow the city: without one in the sentence, nothing is read;
        # the words are looked up as they come, no set of them built first)
    read = _read_element(toks, i)
    if read is None:
        return None, i
    elements, j = read
    if len(elements) != 1 or j >= len(toks) or toks[j].lower not in _SUBJECT_VERBS and not _a_time_of_day(
            toks, j) and not (sights and j <= i + 2):
        return None, i  # ("Nairobi's skyline at dusk": the city's own sights, its possessive opening the sentence)
    first = elements[0]
    if first.level == "place" and first.town and not first.population and not (first.the or first.country) and (
            _said_to_be_a_town(toks, j)):
        return Chain("subject", [first]), j  # "Besleti is a city of churches": the sentence says what it is
    if not (first.level == "city" or first.level == "place" and first.population >= SETTLEMENT_POPULATION) or (
            first.the or first.country):
        return None, i
    return Chain("subject", [first], as_subject=True), j


#: Kinds of settlement a sentence may say its subject is: "Besleti is a city of churches".
_KINDS_OF_TOWN = frozenset({"city", "town", "village", "hamlet", "port", "capital"})


def _said_to_be_a_town(toks: list[Token], j: int) -> bool:
    """Whether the words after a subject say it is a settlement, a verb of being, an article and a kind of town
    after at most two words that describe it ("Besleti is a city of churches", "Kohlu is a small market town"):
    a town GeoNames knows, too small for the city table, is then the scene's town, as a large city is
    whatever its verb."""
    if j + 2 >= len(toks) or toks[j].lower not in ("is", "was") or toks[j + 1].lower not in ("a", "an"):
        return False
    return any(k < len(toks) and toks[k].lower in _KINDS_OF_TOWN and all(
        plain_word(t) for t in toks[j + 2:k]) for k in (j + 2, j + 3, j + 4))


#: Verbs right after a venue opening the sentence that say where it lies: "Vidra lake lies in the Parang Mountains".
_LYING_VERBS = frozenset({"lies", "sits", "stands", "nestles", "perches", "rises"})
#: A verb of being and the state a site is in, after a venue opening the sentence: "Quorva market is nearly
#: deserted", "Quorva launch terminal was crowded": the site pictured, as one that "lies" or "stands" somewhere.
_BEING = frozenset({"is", "was", "are", "were", "looks", "looked", "lay", "stood"})
_SITES_STATES = frozenset({"deserted", "empty", "crowded", "packed", "busy", "quiet", "flooded", "closed", "full",
                           "covered", "seen", "pictured", "shown", "lit", "bustling", "thronged", "jammed",
                           "submerged", "abandoned", "impressive", "beautiful", "calm", "silent", "almost", "nearly",
                           "mostly", "largely", "still", "now"})


def _a_state_of_the_site(toks: list[Token], j: int) -> bool:
    """Whether a verb of being and a site's state follow a venue opening the sentence ("Quorva market is nearly
    deserted", "Quorva terminal was flooded"): the site pictured in that state, its kind in small letters enough."""
    return j + 1 < len(toks) and toks[j].lower in _BEING and toks[j + 1].lower in _SITES_STATES


#: What a city's possessive opening a sentence may own that shows the city itself: "Nairobi's skyline at dusk".
_CITY_SIGHTS = VIEW_NOUNS | {"streets", "rooftops", "waterfront", "seafront", "harbour", "harbor", "old"}


#: Times of day a picture's title writes right after its city: "Nairobi at dusk", "Kisumu by night".
_TIMES_OF_DAY = frozenset({"dawn", "dusk", "night", "sunset", "sunrise", "twilight", "midnight", "daybreak",
                           "nightfall", "night-time", "nighttime"})


def _a_time_of_day(toks: list[Token], j: int) -> bool:
    """Whether "at dusk", "by night", "at sunset" follows at toks[j] and ends the sentence: a picture's title, the
    city then when it was seen ("Nairobi at dusk."), not a clause about the city."""
    k = j + 1
    if k < len(toks) and toks[k].lower == "the":
        k += 1
    return toks[j].lower in ("at", "by") and k < len(toks) and toks[k].lower in _TIMES_OF_DAY and (
        k + 1 == len(toks) or toks[k + 1].text in (".", "!", ",", ";", ":"))


#: The most words of a label before a colon that opens a sentence: "Imperial welcome: Helsinki is ...".
_LABEL_WORDS = 4


#: Verbs after a city opening the sentence that describe the city itself: "Helsinki is decked", "Kuwait City has".
_SUBJECT_VERBS = frozenset({"is", "was", "has", "had", "sits", "lies", "stands", "glows", "wakes", "woke",
                            "awakens", "shines", "sparkles", "basks", "looks", "lights", "turns", "remains"})


#: Either kind of word after a city opening the sentence (``_a_city_as_subject`` asks of both at once).
_VERBS_AND_TIMES = _SUBJECT_VERBS | _TIMES_OF_DAY
#: A token's folded word, for `map`.
_LOWER = attrgetter("lower")


#: Conjunctions opening a sentence with a clause whose subject may be the place pictured: "As Quorva Tower burns,
#: crowds watch", "After Quorva Park closed, ..." (not "With Quorva Tower in the background": a thing in view).
_CONJUNCTIONS_OPENING = frozenset({"as", "after", "before", "while", "whilst", "when", "once", "since", "until",
                                   "although", "though", "because"})


#: Words before a distance: "about 215 miles", "some 40 km".
_ABOUT = frozenset({"about", "some", "around", "roughly", "nearly", "almost", "just"})


def _is_settlement(chain: Chain) -> bool:
    """Whether a chain's first, unmarked name reads as a town: a city the gazetteer knows well, or a name
    followed by the province or country it is in ("at Ascot, England"), or by its British or Irish county ("at
    Kilcummin, County Kerry", "at Dromkeen, Co. Limerick")."""
    first = chain.elements[0]
    if first.level == "city":
        return True  # "at the port city of Mombasa", "at Tianjin Municipality": marked as a city
    if first.level != "place":
        return False
    larger = chain.elements[1] if len(chain.elements) > 1 else None
    placed = larger is not None and larger.link == "," and larger.level in ("province", "country")
    return placed or first.population >= SETTLEMENT_POPULATION or _in_a_county(chain)


#: The most words of an appositive that names the kind of the place before it: ", a small fishing town".
_APPOSITIVE_WORDS = 5


def _a_town_by_its_appositive(toks: list[Token], comma: int) -> bool:
    """Whether an appositive after a lone name calls it a town or a city, with no larger place after it (", a busy
    coastal town not far from ...", ", a small town at the foot of ..."): the town standing for the scene's city.
    A village or a township is left to the village readers (a sublocation as often as a town)."""
    if comma + 1 >= len(toks) or toks[comma + 1].lower not in ("a", "an"):
        return False
    for token in toks[comma + 2: comma + 2 + _APPOSITIVE_WORDS]:
        if token.lower in KIND_LEVELS:
            return token.lower in ("town", "city")
        if not plain_word(token):
            return False
    return False


def _appositive_kind(toks: list[Token], comma: int, end: int) -> str | None:
    """The level an appositive gives the name before it: ", a water town in" (town), ", capital of" (city)."""
    if toks[comma].lower != ",":
        return None
    for token in toks[comma + 1: end]:
        if token.lower in ("in", "of") or is_capitalised(token.text):
            break  # ", Davao City": the next place's own suffix, no appositive
        if token.lower in KIND_LEVELS:
            level = KIND_LEVELS[token.lower]
            return level if level in ("town", "city", "county") else None
    return None


def _a_part_by_its_description(toks: list[Token], comma: int, end: int) -> str | None:
    """The level of a name described as a part of the place named after "of": "in Quorvel, an area of Veltrano",
    "Quorvel, a suburb of Veltrano", "the Quorvel shanty town of Veltrano". The name is a unit inside the next
    place, which is its town (the level a district before its city has), whatever either name is elsewhere: the
    shape, not the gazetteer, says which holds which. "part" is none ("Lautoka, western part of Viti Levu": an
    island's, "part of Greater Haifa": a metropolitan area's)."""
    if end - comma > _APPOSITIVE_WORDS + 1 or toks[end - 1].lower != "of":
        return None
    if toks[comma].lower == ",":
        words = toks[comma + 1: end - 1]
        if len(words) < 2 or words[0].lower not in ARTICLES or any(not plain_word(t) for t in words[1:]):
            return None  # (an article, then lower-case words only: ", an upper-class enclave of")
        return "county" if words[-1].lower in _DESCRIBED_PARTS else None
    if end - comma == 3 and toks[comma].text.islower() and toks[comma].text.isalpha() and (
            toks[comma + 1].lower in _PARTS_OF_A_TOWN):
        return "county"  # "the Cite Soleil shanty town of Port-au-Prince": the link is the part's description
    return None


#: Nouns of an appositive that make the name before it a part of the place named after "of": ", an area of".
_DESCRIBED_PARTS = frozenset({"area", "suburb", "neighbourhood", "neighborhood", "quarter", "section", "sector",
                              "enclave", "district"})


#: Nouns of an appositive that make the unknown name before it a part of a town, its sublocation: "in Bastakia, the
#: quarter where ...", "in El Carpintero, a section of Petare" (a venue's own word does too: ", the main hall").
_PART_NOUNS = frozenset({"quarter", "neighbourhood", "neighborhood", "section", "sector", "enclave", "precinct"})


def _a_part_in_apposition(toks: list[Token], comma: int, chain: Chain) -> bool:
    """Whether an appositive after the chain's one name says what kind of site it is: "clean inside Geunjeongjeon,
    the palace's main hall, on Monday", "in Bastakia, the quarter where pearl merchants lived". The name must be
    one the gazetteer does not hold (", the capital" after a city is the city's); the appositive's noun is a
    venue's word or a part of a town's, read past its lower-case words ("the palace's main hall")."""
    first = chain.elements[0]
    if first.level != "place" or first.population or first.also_province or first.town or first.country:
        return False
    k = comma + 1
    if k >= len(toks) or toks[k].lower not in ARTICLES:
        return False
    for m in range(k + 1, min(len(toks) - 1, k + 5)):
        word = toks[m].lower
        if not toks[m].text[:1].islower() or word in ("of", "in"):
            return False
        if (word in VENUE_WORDS or word in _PART_NOUNS) and toks[m + 1].lower in _CLOSING_A_NOUN:
            return True  # (the noun closes the kind: ", the quarter where ...", not ", the tower's builder")
    return False


def _a_towns_site_alone(toks: list[Token]) -> tuple[Chain | None, int]:
    """A sentence that is nothing but a town's name and a kind of site in small letters ("Quorva cannery.", "Lindt bus
    station (we took a train north from here)", "The Lindt war memorial"), as a gallery names the picture on a line of
    its own: the site pictured, that town's. The name must be a town the gazetteer holds (a city, or a GeoNames
    town), so that a common word opening the sentence with its capital ("Quarantine checkpoint") is no name; a
    stop, or an aside in brackets (emptied before the chains are read), may close it."""
    n = len(toks)
    while n and toks[n - 1].text in ".!":
        n -= 1
    if n >= 2 and toks[n - 2].text in "([" and toks[n - 1].text in ")]":
        n -= 2  # the aside, emptied: "(I caught a bus south from here)"
    first = 1 if toks and toks[0].lower == "the" else 0
    if not first + 1 < n <= first + _TOWNS_SITE_WORDS or toks[n - 1].lower not in VENUE_WORDS:
        return None, 0  # (the cheap tests first: most sentences are longer, or close in no venue word)
    kind = n - 1
    while kind - 1 > first and plain_word(toks[kind - 1]) and n - kind < 2:
        kind -= 1  # "bus station", "war memorial": one word of the kind before its venue word
    if kind == first or not all(is_capitalised(t.text) for t in toks[first:kind]) or not all(
            t.text.islower() for t in toks[kind:n]):
        return None, 0
    town = " ".join(t.text for t in toks[first:kind])
    levels = name_levels(town)
    if not (levels.city_population or levels.town_population) or levels.country or is_demonym(town):
        return None, 0
    element = element_of(toks, first, n, bool(first), None)
    element.level = "venue"
    return Chain("subject", [element]), len(toks)


#: The most words of a town's site named alone: "The Lindt main bus station".
_TOWNS_SITE_WORDS = 5


def _a_site_named_by_its_appositive(toks: list[Token], i: int) -> tuple[Chain | None, int]:
    """A name opening the sentence that an appositive right after it calls a venue ("Quorva, the tallest building in
    Bogota", "Marrowby, a military cemetery on a hilltop outside Yerevan"): the site pictured, as after a
    preposition ("walk through Quorva, the main market,"). The name is one the gazetteer does not hold and the
    appositive's noun a venue's word (``_a_part_in_apposition``); the places in the appositive are read after it."""
    comma = next((m for m in range(i + 1, min(len(toks), i + _APPOSED_NAME_WORDS + 1)) if toks[m].text == ","), None)
    if comma is None or comma + 1 >= len(toks) or toks[comma + 1].lower not in ARTICLES:
        return None, i  # (the cheap tests first: most sentences open with no name and an appositive after it)
    end = read_name(toks, i)
    if end != comma:
        return None, i
    element = element_of(toks, i, end, False, None)
    chain = Chain("subject", [element])
    if not _a_part_in_apposition(toks, end, chain):
        return None, i
    element.level = "venue"
    return chain, end


#: The most words of a name opening the sentence before its appositive's comma.
_APPOSED_NAME_WORDS = 6
#: Words right after an appositive's noun that close its kind: ", the main hall,", ", the quarter where".
_CLOSING_A_NOUN = frozenset({",", ";", ".", "where", "that", "which", "of", "in", "on", "at", "near"})


#: Nouns of an appositive that make the name before it a part of the place after "of": "Ashrafieh, the heart of
#: East Beirut", "Quorvaville, the edge of ..." (not "part": ", part of Greater Haifa" names a metropolitan area).
_PARTS_OF_A_PLACE = frozenset({"heart", "edge", "middle"})


def _area_of(toks: list[Token], comma: int) -> bool:
    """", outskirts of Kyiv": an area noun and "of" after a comma, with no article; not when the gazetteer knows
    the whole name as a city or a province (", Port of Spain, after heavy rain")."""
    if not (comma + 2 < len(toks) and toks[comma].lower == "," and (
            toks[comma + 1].lower in AREA_NOUNS or toks[comma + 1].lower in _PARTS_OF_A_PLACE) and (
            toks[comma + 2].lower == "of")):
        return False
    end = read_name(toks, comma + 1) if is_capitalised(toks[comma + 1].text) else None
    if end is None:
        return True
    whole = name_levels(" ".join(t.text for t in toks[comma + 1:end]))
    return not (whole.city_population or whole.province)


_DISTANCE = compiled(r"\d+(?:\.\d+)?(?:km|mi|m)")


def _is_distance(word: str) -> bool:
    return word in DISTANCE_WORDS or bool(_DISTANCE.fullmatch(word))


#: Kinds of first-level units written in lower case after a name the reader ended before them.
_LOWER_KINDS = frozenset({"state", "province", "region", "governorate", "prefecture"})


def _kind_written_after(toks: list[Token], j: int, element: Element) -> None:
    """'Juchitan, Oaxaca state, Mexico': a name followed by a lower-case kind of first-level unit and a comma is
    that unit, not the city of the same name (Oaxaca) with the town before it as its district."""
    if j + 1 < len(toks) and toks[j].lower in _LOWER_KINDS and toks[j].text.islower() and (
            toks[j + 1].lower == ",") and element.level in ("place", "city") and (
            KIND_LEVELS.get(toks[j].lower) == "province") and not element.country:
        element.level, element.population = "province", 0


#: Words of a date written between a venue and its town: "Sept.", "17", "2016", "Saturday".
_DATE_WORDS = frozenset(n.casefold() for names in MONTHS.values() for n in names) | frozenset(
    d.casefold() for d in WEEKDAYS)


def _a_town_named_like_a_site(element: Element) -> bool:
    """A name of two words at most ending in a word that ends towns' names as often as sites' ("Queen Creek",
    "Boiling Springs"), with no "the" before it."""
    words = element.value.split()
    return len(words) <= 2 and not element.the and words[-1].casefold() in TOWN_LIKE_VENUE_WORDS


def _town_after_the_date(toks: list[Token], j: int) -> tuple[int, str] | None:
    """Where the town starts after the photo's date written between it and the venue before it: "at the Palavela
    on September 17, 2016 in Turin, Italy", "at Zorba Hall on Saturday in Moscow" (Getty's house style puts the
    date after the venue, the town after the date). Only "on", a weekday or a month with its day and year, and
    commas may stand between the venue and "in"."""
    n = len(toks)
    if j >= n or toks[j].lower != "on":
        return None
    k, month_or_day = j + 1, False
    while k < n and k < j + 9 and (toks[k].lower in _DATE_WORDS or toks[k].text == ","
                                    or toks[k].text.isdigit() and len(toks[k].text) in (1, 2, 4)):
        month_or_day = month_or_day or toks[k].lower in _DATE_WORDS
        k += 1
    if not month_or_day or k + 1 >= n or toks[k].lower != "in" or not is_capitalised(toks[k + 1].text):
        return None
    return k + 1, "any"


#: Participles after a comma that place the name before them in a larger one: ", located in", ", situated in".
_LOCATED = frozenset({"located", "situated", "nestled", "tucked"})


#: Nouns of a boundary: the place after "the border of" in an appositive is the neighbour, not the larger place.
_BOUNDARY_NOUNS = frozenset({"border", "borders", "frontier", "boundary"})


def _continuation(toks: list[Token], j: int) -> tuple[int, str] | None:
    """Where the next, larger place of a chain starts: after ",", ", a city in", ", capital of", "in"..."""
    n = len(toks)
    while j + 1 < n and toks[j].text in "([" and toks[j + 1].text in ")]":
        j += 2  # an emptied "(NPC)" between two places
    if j >= n:
        return None
    if j + 1 < n and toks[j].lower in _LOWER_KINDS and toks[j].text.islower() and toks[j + 1].lower == ",":
        j += 1  # "Canoas, Rio Grande do Sul state, Brazil": the kind word after a name, then the larger place
    word = toks[j].lower
    if word == "," or word in _APPOSITIVE_DASHES and j + 1 < n and toks[j + 1].lower in ("a", "an"):
        # (a dash opens only an appositive naming a kind: "the hills of Umlazi - a township in KwaZulu-Natal")
        k = j + 1
        if k >= n:
            return None
        if toks[k].lower == "in":
            return k + 1, "any"  # ", in the southern Gaza Strip"
        if toks[k].lower in _LOCATED and k + 1 < n and toks[k + 1].lower == "in":
            return k + 2, "any"  # "the city of Xian, located in Anhui Province": where it lies
        if toks[k].lower in DIRECTIONS and k + 1 < n and toks[k + 1].lower == "of":
            return None  # ", south of Cairo": a reference point
        article = toks[k].lower in ARTICLES
        if article or toks[k].lower in KIND_LEVELS or toks[k].lower in DESCRIPTORS:
            # an appositive: ", a city in East China's ...", ", capital of China", ", a water town in ..."
            m = k + 1 if article else k
            while m < min(n, k + 5) and toks[m].text[:1].islower() and toks[m].lower not in ("of", "in"):
                m += 1
            noun = toks[m - 1].lower  # the appositive names a kind of place: not ", a man takes photos of"
            if noun in _BOUNDARY_NOUNS:
                return None  # ", the city on the border of Colombia": the neighbour the border is with
            place_noun = noun in KIND_LEVELS or noun in VENUE_WORDS or noun in AREA_NOUNS or noun in _PARTS_OF_A_PLACE
            if m > k + article and m + 1 < n and toks[m].lower in ("of", "in") and place_noun:
                return m + 1, "any"
        if article and toks[k].lower != "the":
            return None  # ", a shop that sells ...": an aside
        if _area_of(toks, j):
            return k + 2, "any"  # "in Irpin, outskirts of Kyiv, Ukraine": the larger place the area is of
        return k, "any"
    if word == "of":
        return j + 1, "any"
    if word == "in":
        return _past_a_towns_middle(toks, j + 1), "any"
    if word in AREA_NOUNS and word not in DIRECTIONS and j + 1 < n and toks[j + 1].lower in ("of", "in") and (
            toks[j].text.islower()):  # not "north of Taipei": a reference point
        return j + 2, "any"  # "the Greenwich Village neighborhood of New York": the area's larger place
    if j + 2 < n and toks[j + 1].lower in _PARTS_OF_A_TOWN and toks[j + 2].lower == "of" and (
            toks[j].text.isalpha() and toks[j].text.islower() and toks[j + 1].text.islower()):
        return j + 3, "any"  # "the Cite Soleil shanty town of Port-au-Prince": a described part, then its town
    if word in ("at", "on", "inside"):
        return j + 1, "venue"
    return None


#: Nouns of a town's middle between "in the" and "of": "by the iconic Quorva Lake in the heart of Hanoi".
_A_TOWNS_MIDDLE = frozenset({"heart", "centre", "center", "middle"})


def _past_a_towns_middle(toks: list[Token], k: int) -> int:
    """Where the larger place after "in" starts, past "the heart of" (centre, center, middle) when one stands
    there: "by the iconic Quorva Lake in the heart of Hanoi" is in Hanoi as "by Quorva Lake in Hanoi" is (the
    venue was left without its town, the heart read as a phrase of its own); else `k`."""
    if k + 3 < len(toks) and toks[k].lower == "the" and toks[k + 1].lower in _A_TOWNS_MIDDLE and (
            toks[k + 2].lower == "of" and is_capitalised(toks[k + 3].text)):
        return k + 3
    return k


#: Dashes that may stand for the comma before an appositive naming the kind of place: " - a township in".
_APPOSITIVE_DASHES = frozenset({"-", "–", "—"})
#: The last word of a part of a town described by a word before it ("shanty town", "old quarter", "residential
#: district"), the town it is part of named after "of".
_PARTS_OF_A_TOWN = frozenset({"town", "neighbourhood", "neighborhood", "quarter", "suburb", "district", "slum"})


def _read_element(toks: list[Token], i: int, depth: int = 0) -> tuple[list[Element], int] | None:
    """One named place at toks[i], or a place and its possessor ("Beijing's Chaoyang District")."""
    n = len(toks)
    k = i
    saw_the = k < n and toks[k].lower in _OWNER_ARTICLES  # "the", and "at his Mar-a-Lago estate"
    part_of_a_town = False
    if saw_the:
        k += 1
        if k < n and toks[k].lower == "the" and toks[k - 1].lower == "the":
            k += 1  # "in the the Mercado Jamaica": a doubled article, as sources type it
        if k + 1 < n and toks[k].text.islower() and strip_possessive(toks[k].lower) in _UNNAMED_OWNERS and (
                is_capitalised(toks[k + 1].text)):
            part_of_a_town = strip_possessive(toks[k].lower) in _UNNAMED_TOWNS
            k += 1  # "the capital's Bait Ur Rouf Mosque", "the city's Public Library": the venue named after it
    demonym = (saw_the or _a_nations_capital_named(toks, k)) and _demonym_before_a_kind(toks, k)
    if demonym:
        k += 1  # "the Ukrainian capital Kyiv", "the Kenyan coastal city of Mombasa": the country's adjective
    if saw_the and depth < 3:
        named = _a_capital_named_after_it(toks, k, depth)
        if named is not None:
            return named  # "in the capital Lunga-Lunga": the capital's name right after it, no comma between
    described = side = False
    while k < n and _is_descriptor(toks, k):
        described = described or toks[k].lower in WIDE_AREA_DESCRIPTORS
        side = side or toks[k].lower in DIRECTIONS and toks[k].lower != "central" and toks[k].text.islower()
        k += 1
    if saw_the and depth == 0:
        town = _a_town_of_a_named_region(toks, k)  # "the southern Gaza Strip city of Khan Younis"
        if town is None:
            town = _a_town_of_a_named_sea(toks, k)  # "the Black Sea port of Odesa"
        if town is None:
            town = _a_towns_area(toks, k)  # "in the Ashburton area", "in the Johannesburg CBD"
        if town is not None:
            return town
    if saw_the and depth < 3:
        named = _city_named_after_its_kind(toks, k, depth)  # "in the capital, Accra", "the Afghan capital, Kabul"
        if named is not None:
            return named
    if saw_the and k == i + 1:
        k = _past_plain_adjectives(toks, k)  # "the reopened Grand Bazaar", "the famous Needles Lighthouse"
    kind = None
    owner_country = None
    village_abroad = False
    if saw_the and depth == 0:
        settlement = _a_people_before_their_village(toks, k)
        if settlement is not None:
            # "the Hui Muslim village of Xifeng", "the Purepecha Indigenous community of Comachuen": the people
            # living there describe the village; its name is the one after "of"
            kind, k = "town", settlement + 2
    qualified = k
    # (after "the", or after a side written without it: ", northeastern Indian state of Assam")
    while (saw_the or k > i) and qualified + 3 < n and qualified < k + 2 and is_capitalised(toks[qualified].text) and (
            toks[qualified + 1].lower in KIND_LEVELS and toks[qualified + 2].lower == "of"
            or qualified == k and is_capitalised(toks[qualified + 1].text)):
        # "the Afghanistan province of Daychopan", "the Spanish city of Zamora": the country qualifies the kind;
        # "the Syrian Kurdish town of Ras al-Ain": two qualifiers
        qualifier = toks[qualified].text
        if classify(qualifier)[0] == "country":
            owner_country = qualifier
        elif not (qualifier.lower().endswith(("ish", "ese", "ian", "an", "ch")) or is_demonym(qualifier)) or (
                known_place(qualifier)):
            break  # ("the central Thai province of Ayutthaya": a people's adjective of any ending)
        qualified += 1
    foreign = demonym or qualified > k and qualified < n and toks[qualified].lower in KIND_LEVELS
    if foreign and not demonym:
        k = qualified  # "the northwestern Spanish city of Zamora"
    else:
        owner_country = None
    owned = saw_the or k > i or depth > 0  # (depth: the place a possessive owns, "Saudi Arabia's holy city of")
    kind_at = _kind_after_plain_words(toks, k) if owned else None  # (asked only where its answer is used)
    if kind_at is not None:
        k = kind_at  # "Iraq's southern port city of Basra": plain words before the kind
    if saw_the and k == i + 1 and depth == 0 and k < n and toks[k].lower == _PORT:
        port = _a_port_of_its_town(toks, k)  # "in the port of Beirut": the port, then its town
        if port is not None:
            return port
    if k + 2 < n and toks[k].lower in KIND_LEVELS and toks[k + 1].lower == "of" and owned:
        kind, k = KIND_LEVELS[toks[k].lower], k + 2  # "the ancient city of Kashgar"
        if foreign and toks[k - 2].lower == "town":
            kind = "city"  # "the Syrian Kurdish town of Ras al-Ain": a town abroad is the city field
        village_abroad = foreign and toks[k - 2].lower == "village"
        if k < n and toks[k].lower == "the":
            k += 1
    if kind is None and demonym and toks[k - 1].lower == "capital":
        kind = "city"  # "the Serbian capital Bogojevo": a country's capital is its city, known or not
    end = read_name(toks, k)
    if end is None:
        return None
    if end + 1 < n and toks[end].lower == "and" and is_capitalised(toks[end + 1].text):
        end = _a_name_joined_by_and(toks, k, end, saw_the)  # "Jammu and Kashmir", "Trinidad and Tobago"
    if village_abroad and _a_town_geonames_holds(toks, k, end):
        kind = "city"  # "the Spanish village of Tarazona": a village abroad the gazetteer holds, as a town abroad
    possessor = strip_possessive(toks[end - 1].text)
    owner_end = end
    if possessor is None and kind is None and _a_citys_bare_possessive(toks, k, end):
        possessor, end = toks[end - 1].text, end + 1  # "in Brussels' Quorva Park": the city's, its apostrophe alone
    if kind is not None and possessor is None and toks[k - 2 - (toks[k - 1].lower == "the")].lower == "capital":
        named = _capital_named_after(toks, k, end, depth)  # "the capital of Ukraine, Kyiv": Kyiv, Ukraine
        if named is not None:
            return named
    if possessor is None:
        element = element_of(toks, k, end, saw_the, kind)
        element.country = element.country or owner_country
        element.described = described
        if side and element.level == "place" and element.also_province and element.population < PROVINCE_SIDE_CITY:
            element.level = "province"  # "in southern Idlib", "in northern Hama": a side of the province, no city's
        if part_of_a_town and _a_part_of_its_town(element):
            element.level = "venue"  # "in the capital's Jhigatola": a neighbourhood of the town, its sublocation
        return _split_at_a_city(toks, k, end, element, saw_the), end
    if names_a_saint(toks, k, end) and not _a_saint_named_citys_own(toks, k, owner_end, end):
        more = read_name(toks, end)  # "St Andrew's Church", "Saint Mark's Square": the saint's, one name
        if more is not None:
            return [element_of(toks, k, more, saw_the, kind)], more
        if end == n or toks[end].text in _OWNS_NOTHING:
            # "at Queen's Hall, St Ann's, in September", "St John's, Antigua": a place named after its saint's
            # church, the possessive part of the name, owning nothing
            return [element_of(toks, k, end, saw_the, kind)], end
        house = _a_saints_house_in_small_letters(toks, end)
        if house is not None:
            # "at the St. Quorva's church in Tallinn", "at St Quorva's beach", "at Imam Quorva's holy shrine": the
            # saint's name, then its kind in small letters, one name
            return [element_of(toks, k, house, saw_the, kind)], house
    owner = element_of(toks, k, owner_end, False, None, last_word=possessor)
    after = end
    while after < n and (toks[after].lower in DESCRIPTORS or toks[after].lower in AREA_NOUNS):
        after += 1
    # "Iraq's southern port city of Basra": the possessed place may stand after plain words
    inner = _read_element(toks, end, depth + 1) if depth < 3 else None
    known_owner = owner.level in ("city", "county", "province", "country") or owner.population > 0
    if inner is None and (known_owner or owner.town) and after == end and depth < 3:
        start = _past_plain_words(toks, end)  # "Kathmandu's historical Nag Pokhari": an adjective first
        inner = _read_element(toks, start, depth + 1) if start > end else None
    comma = _kind_then_comma(toks, end) if owner.level == "country" and inner is None and depth < 3 else None
    if comma is not None:  # "Ukraine's capital, Kyiv", "Ukraine's second-largest city, Kharkiv": named after
        inner = _read_element(toks, comma + 1, depth + 1)
    if inner is not None and all(place.level == "ignore" and is_demonym(place.value) for place in inner[0]):
        return None  # "a statue of Cuba's Argentine-born hero": a person the country has, not a place of it
    if owner.level == "country":
        if inner is None:
            return [owner], after  # "China's southern coast"
        places, j = inner
        if all(place.level == "event" and place.value.rsplit(" ", 1)[-1].casefold() == "day" for place in places):
            return places, j  # "on India's Republic Day", "China's National Day": a nation's holiday, which names no
            # scene (a place written after it may); ("China's Yunnan Province show ...": a show's word read after
            # a province is no holiday)
        for place in places:
            place.country = place.country or owner.value
            if place.level == "country":
                place.level = "province"  # "southeast China's Taiwan": a region its owner names as its own
        return places + [owner], j
    if inner is None and owner.level == "place" and _owns_a_thing(toks, end):
        return None  # "in Mandela's memory", "at Trump's rally": a person's, not a place's
    admin_inner = inner is not None and inner[0][0].level in ("county", "town", "city")
    city_owner = owner.level == "place" and owner.population > 0  # "Karachi's Taheri Masjid"
    # "Moza Shahwala's Taheri Masjid": a town GeoNames knows owns a venue named with its word as a city does
    town_owner = owner.level == "place" and owner.town > 0 and inner is not None and _a_towns_own_place(inner[0][0])
    in_a_name = saw_the and owner.level == "province" and after == end and end < n and is_capitalised(
        toks[end].text) and (inner is None or all(place.level in ("venue", "event") for place in inner[0]))
    # ("at the Victoria's Secret Fashion Show": a province's possessive after "the" opens a name, as "the
    # Algarve's" does; a place owns nothing with "the" before it, but "the Punjab's Lahore" names a city in it)
    if not in_a_name and (owner.level in ("city", "county", "province", "town") or after > end or admin_inner or (
            city_owner or town_owner)):
        if inner is None:
            return [owner], after  # "Beijing's northern suburb"
        owner.link = "'s"  # the possessor: the larger place the named one is in
        return inner[0] + [owner], inner[1]  # "Huangpu District's Liyuan Park", "Hong Kong's Victoria Harbor"
    if inner is not None and owner.level == "place" and len(inner[0]) == 1 and inner[0][0].level == "place" and (
            " " not in owner.value and " " not in inner[0][0].value) and (
            inner[0][0].value.casefold() not in VENUE_WORDS):  # ("Regent's Park" is one name)
        owner.link = "'s"  # "in Bogura's Shibganj": two places no table knows, the owner the larger, never one name
        return inner[0] + [owner], inner[1]
    if owner.level == "venue" and owner.value.rsplit(" ", 1)[-1].casefold() in _BUILT_OWNERS and (
            inner is not None and len(inner[0]) == 1 and inner[0][0].level in ("venue", "place")):
        return [owner], inner[1]  # "on Leicester Square's Odeon": a venue inside a venue, the larger the scene's
    more = read_name(toks, end)  # the possessive is part of a name: "People's Liberation Army ... Building"
    if more is None:
        return [owner], end
    element = element_of(toks, k, more, saw_the, kind)
    if element.level == "venue" and more - k > 2 and more + 1 < n and toks[more].text == "," and (
            is_capitalised(toks[more + 1].text)):
        return _a_venue_run_into_its_town(toks, k, more, element, saw_the), more  # "... Children's Centre Afula,"
    return [element], more


#: The public places a town owns, as a caption writes them after its possessive ("Moza Shahwala's Taheri Masjid",
#: "Sisian's Republic Square"); a business is a person's as often ("Hery's Batik Art Centre", "Joe's Bar").
_TOWN_OWNED_PLACES = frozenset({
    "street", "road", "avenue", "boulevard", "lane", "alley", "market", "bazaar", "cemetery", "square", "plaza",
    "park", "beach", "harbour", "harbor", "port", "pier", "promenade", "waterfront", "quarter", "station", "airport",
    "bridge", "temple", "church", "cathedral", "mosque", "masjid", "mandir", "shrine", "stadium", "zoo", "museum",
    "palace", "fort", "gate", "lake", "river", "hospital",
    # a town's public works and common grounds ("Quorvale's Ross Jones pool", "Quorvale's Arch of Neutrality")
    "pool", "baths", "bazar", "arch", "monument", "memorial", "fountain", "marina", "esplanade", "boardwalk",
    "canal", "quay", "wharf", "tower", "castle", "library", "theatre", "theater", "hall", "mall",
    # a part of the town named as one ("Quorvale's Umeda area", "Quorvale's Chinatown", "Quorvale's Quorva district")
    "area", "district", "chinatown",
})


#: A city ending in "s" whose possessive is written with the apostrophe alone ("Brussels' Quorva Park", "Athens’
#: Quorva Square") owns the place after it when the gazetteer knows it with at least this many people ("St James'
#: Park", "Queens' College" are one name each).
BARE_POSSESSIVE_CITY = 100_000


def _a_citys_bare_possessive(toks: list[Token], k: int, end: int) -> bool:
    """Whether toks[k:end] is a city the gazetteer knows well, ending in "s", then an apostrophe alone joined to
    it and a capitalised name after a space: the city's possessive, not a closing quotation mark (no opening
    one right before the city)."""
    n = len(toks)
    if end + 1 >= n or toks[end].text not in ("'", "’") or toks[end].start != toks[end - 1].end:
        return False
    if not toks[end - 1].text.endswith("s") or toks[end + 1].start == toks[end].end:
        return False
    if k > 0 and toks[k - 1].text in ("'", "‘") or not is_capitalised(toks[end + 1].text):
        return False
    name = " ".join(t.text for t in toks[k:end])
    return classify(name)[0] in ("place", "city") and name_levels(name).city_population >= BARE_POSSESSIVE_CITY


#: The last words of a built venue that holds other venues, named after its possessive: "Leicester Square's Odeon",
#: "Quorva Stadium's Gate 4" (the larger is the scene's sublocation; a bay or a park of the land, "Bristol Bay's
#: Iliamna Lake", gives way to the named place inside it).
_BUILT_OWNERS = frozenset({"square", "plaza", "museum", "stadium", "arena", "centre", "center", "palace", "airport",
                           "station", "mall", "market", "zoo", "campus",
                           # a public building holding named wings and halls ("Quorva General Hospital's Duncan
                           # Wing", "Quorva University's Menda Hall"): the larger is the scene's, as for a stadium
                           # (a hotel's ballroom is kept whole: "Harbour View Hotel's Grand Ballroom")
                           "hospital", "university", "college", "school", "church", "cathedral", "temple",
                           "castle", "theatre", "theater", "library"})


#: Kinds of settlement a region's name may qualify: "the Gaza Strip city of Khan Younis", "the Punjab town of".
_SETTLEMENTS_OF_A_REGION = frozenset({"city", "town", "port"})


def _a_town_of_a_named_region(toks: list[Token], k: int) -> tuple[list[Element], int] | None:
    """The town and its region when one or two capitalised words the tables know as a province, state or region
    qualify the town's kind after "the" ("the southern Gaza Strip city of Khan Younis", "the Punjab city of
    Lahore"): the region is the province, not a venue named "Gaza Strip city"; else None."""
    n = len(toks)
    for kind_at in (k + 1, k + 2):
        if kind_at + 2 >= n or toks[kind_at].lower not in _SETTLEMENTS_OF_A_REGION or toks[kind_at + 1].lower != "of":
            continue
        if not all(is_capitalised(t.text) and strip_possessive(t.text) is None for t in toks[k:kind_at]):
            return None
        region = " ".join(t.text for t in toks[k:kind_at])
        if classify(region)[0] != "province" and not (classify(region)[0] == "place" and name_levels(region).province):
            return None  # (a nation's adjective, "the Kenyan city of", is read by the demonym's path)
        start = kind_at + 2
        end = read_name(toks, start)
        if end is None:
            return None
        town = element_of(toks, start, end, False, "city")
        if town.level not in ("city", "place"):
            return None
        province = Element("province", region, toks[k].start, toks[kind_at - 1].end, link="'s")
        return [town, province], end
    return None



#: Last words of a sea's or a coast's name that may qualify a town's kind: "the Black Sea port of Odesa", "the Gulf
#: port of Dammam", "the Gulf Coast town of Quorva".
_WATERS = frozenset({"sea", "ocean", "gulf", "coast"})


def _a_town_of_a_named_sea(toks: list[Token], k: int) -> tuple[list[Element], int] | None:
    """The town when a sea's or a coast's name of one to three capitalised words qualifies its kind after "the"
    ("the Red Sea port of Jeddah", "the Black Sea city of Batumi", "the Black Sea port city of Batumi"): the town
    is the city, and the sea names no province, nor a venue called "Red Sea port of Jeddah"; else None."""
    n = len(toks)
    for kind_at in (k + 1, k + 2, k + 3):
        if kind_at + 2 >= n or toks[kind_at].lower not in _SETTLEMENTS_OF_A_REGION or toks[kind_at + 1].lower != "of":
            continue
        words = toks[k:kind_at]
        if len(words) > 1 and words[-1].text == "port":
            words = words[:-1]  # "the Black Sea port city of Batumi"
        if words[-1].lower not in _WATERS or not all(
                is_capitalised(t.text) and strip_possessive(t.text) is None for t in words):
            return None
        end = read_name(toks, kind_at + 2)
        if end is None:
            return None
        town = element_of(toks, kind_at + 2, end, False, "city")
        return ([town], end) if town.level in ("city", "place") else None
    return None

def _a_towns_area(toks: list[Token], k: int) -> tuple[list[Element], int] | None:
    """The town when "the" and a town's name the city table holds stand before a word for the land around it or
    its centre ("in the Ashburton area", "in the Johannesburg CBD"): the town is the city, and "Ashburton area"
    no venue of it; else None. A country's, a province's or a region's name is no town ("the Baltic area")."""
    end = read_name(toks, k)
    if end is None:
        return None
    if toks[end - 1].text in _A_TOWNS_AREA and end - k > 1:
        town_end = end - 1  # (the word read into the name: "Johannesburg CBD")
    elif end < len(toks) and toks[end].text in _A_TOWNS_AREA:
        town_end, end = end, end + 1
    else:
        return None
    levels = name_levels(" ".join(t.text for t in toks[k:town_end]))
    if levels.country or not levels.city_population or levels.province and levels.city_population < (
            PROVINCE_SIDE_CITY):
        return None  # ("the Kharkiv area": a province's name too, of a city under a million)
    town = element_of(toks, k, town_end, True, "city")
    return ([town], end) if town.level in ("city", "place") else None


#: Words for the land around a town or its centre, after its name: "the Ashburton area", "the Johannesburg CBD".
_A_TOWNS_AREA = frozenset({"area", "CBD"})


_PORT = "port"


def _a_port_of_its_town(toks: list[Token], k: int) -> tuple[list[Element], int] | None:
    """The port and its town when "the" stands right before "port of" and a name ("in the port of Beirut", "at the
    Port of Port of Spain, Trinidad"): the port is the site pictured, named after its town (the labels' sublocation),
    and the town, when the gazetteer knows it as a city, is the city; a town nothing knows ("the Port of Sunda
    Kelapa", a harbour of Jakarta) is no city of its own. A port qualified by a sea, a side or a trade ("the Black
    Sea port of Odesa", "the southern port of Basra", "the fishing port of X") names its town, as before; else None."""
    n = len(toks)
    if k + 2 >= n or toks[k + 1].lower != "of":
        return None
    start = k + 2 + (toks[k + 2].lower == "the")
    end = read_name(toks, start)
    if end is None:
        return None
    town = element_of(toks, start, end, False, None)
    port = Element("venue", " ".join(t.text for t in toks[k:end]), toks[k].start, toks[end - 1].end, the=True)
    if town.level not in ("place", "city") or town.population < _A_PORTS_TOWN:
        return [port], end
    town.level, town.link = "city", "of"
    return [port, town], end


#: The fewest people of a town the gazetteer knows for "the port of X" to name X as the city too.
_A_PORTS_TOWN = 1_000


def _a_towns_own_place(element: Element) -> bool:
    """Whether a venue after a possessive is a public place a town owns: its name has such a place's word."""
    return element.level == "venue" and any(
        word.casefold() in _TOWN_OWNED_PLACES for word in element.value.split())


def _a_name_joined_by_and(toks: list[Token], k: int, end: int, saw_the: bool) -> int:
    """Where a name read at toks[k:end] ends when "and" and another name follow it: after that name when the two
    with "and" name one province or country the tables or the gazetteer know ("Srinagar, Jammu and Kashmir",
    "Port of Spain, Trinidad and Tobago"), or when "the" opens them and "in" closes them, one site placed in its
    town whatever its last word ("at the Quorva Ice and Snow World in Harbin"), else at `end` ("in Paris and
    Lyon": two places)."""
    more = read_name(toks, end + 1)
    if more is None or strip_possessive(toks[end - 1].text) is not None:
        return end
    if saw_the and more < len(toks) and toks[more].lower == "in":
        return more
    return more if element_of(toks, k, more, saw_the, None).level in ("province", "country") else end


def _a_part_of_its_town(element: Element) -> bool:
    """Whether a name a town owns ("the capital's ...") is a part of it: a name read as a place that the gazetteer
    holds as no city, province or country ("Jhigatola"); a known town ("the capital's Kyiv") is a town."""
    return element.level == "place" and not (element.population or element.also_province or element.country
                                              or element.town)


#: Words that make the name after them a saint's: "St Andrew's Church" is a church's name, not a place "St
#: Andrew" and its church (a parish of that name, as Jamaica and Barbados have, would otherwise own it).
_SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste.", "sainte", "san", "santa", "sao", "são", "skt.",
                          "sv.",
                          # a holy figure of Islam or of the Sikhs, whose shrine or mosque is named after them as a
                          # saint's church is: "Imam Reza's shrine", "Hazrat Quorva's dargah", "Guru Nanak's gurdwara"
                          "imam", "hazrat", "prophet", "guru"})


#: The kinds of a saint's house a caption writes in small letters after the saint's name: "St. Peter's church".
_SAINTS_HOUSES = frozenset({"church", "cathedral", "chapel", "basilica", "abbey", "monastery", "convent", "priory",
                            "shrine", "parish", "kirk", "minster"})


def _a_saints_house_in_small_letters(toks: list[Token], end: int) -> int | None:
    """Where the name ends when the word after a saint's possessive name is the kind of the saint's house, or of a
    site named after the saint, written in small letters ("St. Quorva's church", "San Marrow's basilica", "St
    Quorva's beach"), perhaps after one describing word ("Imam Quorva's holy shrine"), closing the name: the church
    or the beach is the venue, as "St. Quorva's Church" is, where "St Andrew's" alone may name a town; else None."""
    n = len(toks)
    house = end + (end + 1 < n and toks[end].lower in _SAINTS_HOUSE_ADJECTIVES and toks[end].text.islower())
    if house < n and toks[house].text.islower() and (toks[house].lower in _SAINTS_HOUSES or (
            toks[house].lower in VENUE_WORDS)) and (house + 1 == n or not is_capitalised(toks[house + 1].text)):
        return house + 1
    return None


#: Describing words between a saint's possessive and the kind of its house: "Imam Quorva's holy shrine".
_SAINTS_HOUSE_ADJECTIVES = DESCRIPTORS | frozenset({"holy", "sacred", "main", "old", "great"})


#: A city named for a saint ("San Francisco", "St. Petersburg") owns the place named after its possessive when the
#: city table holds it with at least this many people: "San Francisco's Golden Gate Park" is the park of San
#: Francisco, where "St. George's Memorial Church" (a US city of 72,897) is the saint's church.
SAINT_NAMED_CITY = 100_000
#: The first words of a saint's house named after the saint's possessive ("St. Paul's Episcopal Church", "St Paul's
#: Primary School", "St. Paul's Cathedral"): the name after them is the saint's, even when a city bears it.
_SAINTS_HOUSE_WORDS = _SAINTS_HOUSES | frozenset({
    "catholic", "anglican", "episcopal", "lutheran", "methodist", "united", "presbyterian", "baptist", "orthodox",
    "evangelical", "reformed", "greek", "roman", "coptic", "armenian", "pro-cathedral", "memorial", "general",
    "regional", "medical", "hospital", "health", "school", "primary", "secondary", "high", "grammar", "junior",
    "senior", "elementary", "middle", "infant", "girls", "girls'", "boys", "boys'", "college", "academy", "seminary",
    "university", "hall", "house", "day", "eve", "night", "parish", "mission", "home", "children's", "square",
    "place", "bay", "island", "wood", "green", "gate", "mount", "well", "hill", "cross", "court", "close"})


def _a_saint_named_citys_own(toks: list[Token], start: int, owner_end: int, end: int) -> bool:
    """Whether a saint's possessive at toks[start:owner_end] is a large city's owning a place of its own named after
    it, two words or more that open with no word of a saint's house: "San Francisco's Golden Gate Park", "St.
    Petersburg's Palace Square", "San Antonio's Plaza de Armas" (not "St. Paul's Cathedral", "St. Paul's Episcopal
    Church", "St. Quorva's Old Town")."""
    if end + 1 >= len(toks) or not is_capitalised(toks[end].text) or toks[end].lower in _SAINTS_HOUSE_WORDS:
        return False
    more = read_name(toks, end)
    if more is None or more - end < 2:
        return False
    owner = _name_without_possessive(toks, start, owner_end)
    if classify(owner)[0] not in ("place", "city"):
        return False
    return name_levels(owner).city_population >= SAINT_NAMED_CITY


def names_a_saint(toks: list[Token], start: int, end: int) -> bool:
    """True when toks[start:end], ending in a possessive, is a saint's name: "St Andrew's", "St-Andrew's"."""
    first = toks[start].lower
    return end - start >= 2 and first in _SAINT_WORDS or end - start == 1 and (
        first.split("-", 1)[0] in _SAINT_WORDS and "-" in first)


#: A name no gazetteer level knows that ends in the name of a city of at least this many people is a place in that
#: city written without a comma: "at Thamel Kathmandu", "in Ojota Lagos".
JUXTAPOSED_CITY = 300_000


def _split_at_a_city(toks: list[Token], start: int, end: int, element: Element, saw_the: bool) -> list[Element]:
    """The element of toks[start:end], or two when the name is a smaller place and its city, province or country
    written side by side with no comma: the place, then the larger one, joined as if by a comma.

    "at Lainchour Kathmandu on Sunday", "in Beyoglu St. Istanbul": a name nothing knows before a city the
    gazetteer knows well. "in Windsor Nova Scotia": a city the gazetteer knows before a province or country of
    the same country.
    Only an unmarked name nothing knows whole is split ("Kansas City", "East London", "Hong Kong" stay whole),
    and never a name followed by "and" or a team's noun ("Real Madrid and Barcelona", "Inter Milan striker"):
    two teams or a club, not a place and its city.
    """
    if element.level == "venue" and end - start > 2 and end + 1 < len(toks) and toks[end].text == "," and (
            is_capitalised(toks[end + 1].text)):
        return _a_venue_run_into_its_town(toks, start, end, element, saw_the)
    if element.level == "province" and end - start > 2 and toks[end - 1].lower in _PROVINCE_KIND_WORDS:
        return _a_city_run_into_its_province(toks, start, end, element, saw_the)
    if element.level != "place" or end - start < 2 or element.population or element.also_province or (
            element.country or element.town):
        return [element]
    if end < len(toks) and (toks[end].lower in _PAIRED or names_a_team(toks[end].text)):
        return [element]
    if toks[start].lower in _METROPOLITAN_WORDS:
        return [element]  # "in Pasay, Metro Manila": a metropolitan region named after its city, one name
    if toks[start].lower in _COUNTY_OPENING_WORDS and is_county(element.value):
        return [element]  # "in Co Dublin", "County Galway": a county named after its town, one name
    for cut in range(start + 1, end):
        tail = toks[cut:end]
        street = toks[cut - 1].lower in _STREET_WORDS and cut - 1 > start  # "Beyoglu St. Istanbul": a street
        if not all(is_capitalised(t.text) for t in tail) or toks[cut - 1].lower in _NAME_CONNECTORS and not street:
            continue
        larger = " ".join(t.text for t in tail)
        level = classify(larger)[0]
        if len(tail) == 1 and POSTAL.fullmatch(larger) and level in ("place", "province"):
            head_name = " ".join(t.text for t in toks[start:cut])
            if subdivision_holding(head_name, larger):  # "in Washington DC": the city and its state's code
                tail_element = element_of(toks, cut, end, False, None)
                tail_element.level = "province"
                return [element_of(toks, start, cut, saw_the, None), _joined(tail_element)]
            continue
        if level in ("province", "country"):
            head = element_of(toks, start, cut, saw_the, None)
            head_name = " ".join(t.text for t in toks[start:cut])
            if head.level in ("place", "city") and (_city_in(head_name, larger) or _a_town_before_its_region(
                    head, head_name, toks[cut - 1], level == "country" or end - cut > 1)):
                return [head, _joined(element_of(toks, cut, end, False, None))]
            continue
        if level not in ("place", "city") or name_levels(larger).city_population < JUXTAPOSED_CITY:
            continue
        if _placed_in_another_town(toks, end):
            return [element]  # "at the Louvre Abu Dhabi in Quorvale": a name holding a city's, placed in a town
        if toks[cut - 1].lower in _SIDES_OF_A_CITY:
            return [element_of(toks, cut, end, saw_the, None)]  # "Christian East Beirut": a side of the city, the city
        head = element_of(toks, start, cut, saw_the, None)
        if head.level not in ("place", "venue"):
            return [element]
        return [head, _joined(element_of(toks, cut, end, False, None))]
    return [element]


#: The kinds' words that close a province's name: "Sindh province", "Sindh Province".
_PROVINCE_KIND_WORDS = frozenset({"province"})


def _a_city_run_into_its_province(toks: list[Token], start: int, end: int, element: Element,
                                  saw_the: bool) -> list[Element]:
    """The city and its province when a province's name closed by its kind's word opens with a city the gazetteer
    knows in the same country, no comma between ("in Sukkur Sindh province, Pakistan": Sukkur, then Sindh
    province); else the province whole ("Central Sulawesi province": no city Central of Indonesia)."""
    if not all(is_capitalised(t.text) for t in toks[start:end - 1]):
        return [element]
    for cut in range(start + 1, end - 1):
        if toks[cut - 1].lower in _NAME_CONNECTORS:
            return [element]
        larger = " ".join(t.text for t in toks[cut:end - 1])
        head_name = " ".join(t.text for t in toks[start:cut])
        if classify(larger)[0] != "province" or not _city_in(head_name, larger):
            continue
        head = element_of(toks, start, cut, saw_the, None)
        if head.level in ("place", "city"):
            return [head, _joined(element_of(toks, cut, end, False, None))]
    return [element]


def _placed_in_another_town(toks: list[Token], end: int) -> bool:
    """Whether "in" and a town the tables know follow a name at toks[end]: the name ending in a large city's
    ("the Louvre Abu Dhabi", "the Kapong Gaya", "Disneyland Paris") is then one venue's or river's name placed in
    that town, not a place juxtaposed with the city it ends in ("at Thamel Kathmandu in Nepal": a country)."""
    if end + 1 >= len(toks) or toks[end].lower != "in" or not is_capitalised(toks[end + 1].text):
        return False
    after = read_name(toks, end + 1)
    if after is None:
        return False
    return classify(_name_without_possessive(toks, end + 1, after))[0] in ("place", "city")


def _name_without_possessive(toks: list[Token], start: int, end: int) -> str:
    """The words of the name at toks[start:end], its last one without a possessive ("San Francisco's": "San
    Francisco")."""
    last = strip_possessive(toks[end - 1].text)
    return " ".join([*(t.text for t in toks[start:end - 1]), last or toks[end - 1].text])


#: Words right before a city the gazetteer knows that name a side or a part of it, not a place of their own:
#: "the heart of Christian East Beirut", "in old Sana'a" (when the whole is no name the gazetteer knows).
_SIDES_OF_A_CITY = frozenset({"east", "west", "north", "south", "central", "old"})


#: Words opening the name of a metropolitan region named after its city: "Metro Manila", "Greater Accra".
_METROPOLITAN_WORDS = frozenset({"metro", "greater", "metropolitan"})

#: Words opening a British or Irish county's name, written before it ("Co Dublin", "County Galway"): the name after
#: them is often its town's, the whole one county's.
_COUNTY_OPENING_WORDS = frozenset({"county", "co", "co."})


#: A venue's name whose kind's word is followed by the name of a city of at least this many people, then a comma and
#: a larger place, is the venue and its city written without a comma: "Emuhan Children's Residential Centre Afula,
#: Israel".
VENUE_BEFORE_ITS_CITY = 30_000


def _a_venue_run_into_its_town(toks: list[Token], start: int, end: int, element: Element,
                               saw_the: bool) -> list[Element]:
    """The venue of toks[start:end] and its city when the name's last one or two words, after the venue's kind
    ("Centre", "Museum"), are a city the gazetteer knows, and a larger place follows after a comma; else the
    venue whole."""
    for cut in (end - 1, end - 2):
        if cut - 1 <= start or toks[cut - 1].lower not in VENUE_WORDS or toks[end - 1].lower in VENUE_WORDS or not all(
                is_capitalised(t.text) for t in toks[cut:end]):  # ("Old Harbour Bay": a bay, no town "Bay")
            continue
        town = element_of(toks, cut, end, False, None)
        if town.level not in ("place", "city") or name_levels(town.value).city_population < VENUE_BEFORE_ITS_CITY:
            continue
        head = element_of(toks, start, cut, saw_the, None)
        if head.level == "venue":
            return [head, _joined(town)]
    return [element]


def _city_in(city: str, larger: str) -> bool:
    """Whether the gazetteer's city of that name (its most populous) lies in the country of the province or
    country named after it: "Windsor" (Ontario's) and "Nova Scotia" are both Canada's; "Federal" (Argentina's)
    and "Capital" (a governorate of Bahrain) are not one place."""
    known, around = name_levels(city), name_levels(larger)
    country = around.country or (around.province or "").partition("-")[0]
    return bool(known.city_country) and known.city_country == country


def _a_town_before_its_region(head: Element, name: str, last: Token, whole: bool) -> bool:
    """Whether a name no table knows as a city, written right before a province or a country with no comma, is a
    town GeoNames knows ("in Mabou Nova Scotia on Jan. 21", "Ala-Too Square, Boz-Beshik Kyrgyzstan"): the town and
    its larger place, not one name. A firm's or a title's word before a country ("Safaricom Kenya", "Miss
    Kyrgyzstan") is no town GeoNames holds. `whole`: the larger place is a country, or a province of two words or
    more; a one-word province closing a name is as often the name's own last word ("Tien Shan": Shan State)."""
    return whole and head.level == "place" and not head.population and last.text[:1].isupper() and (
        name_levels(name).town_population > 0)


def _joined(element: Element) -> Element:
    element.link = ","
    return element


#: A state's or province's postal code ("DC", "NS", "NSW"), checked against the city before it (here, and
#: by catalog.captions.locations after a heading's town).
POSTAL = compiled(r"[A-Z]{2,3}")
def _kind_then_comma(toks: list[Token], k: int) -> int | None:
    """Where the comma stands after up to two plain words and a kind of place at toks[k] ("capital, Kyiv",
    "second-largest city, Kharkiv"), else None."""
    for m in (k, k + 1, k + 2):
        if m + 1 < len(toks) and toks[m].lower in KIND_LEVELS and toks[m + 1].text == "," and all(
                plain_word(t) or t.lower in DESCRIPTORS for t in toks[k:m]):
            return m + 1
    return None


def _demonym_before_a_kind(toks: list[Token], k: int) -> bool:
    """After "the": a country's adjective, then the kind of place or words describing it before a name ("the
    Ukrainian capital Kyiv", "the Kenyan coastal city of Mombasa", "the Sudanese capital Khartoum"); not "the
    Chinese Embassy", "the British Museum" (a capitalised name follows it)."""
    if k + 2 >= len(toks) or not is_capitalised(toks[k].text) or not toks[k + 1].text.islower():
        return False
    word = toks[k].lower
    if word in _NATIONS_OWN_NAMES:
        return True  # "the Lao capital Quorvane": a nation's name that is its adjective too
    if not word.endswith(_DEMONYM_ENDINGS) or known_place(toks[k].text):
        return False
    following = toks[k + 1].lower
    return following in DESCRIPTORS or following in KIND_LEVELS


def _an_adjective(more: list[Element], toks: list[Token], k: int) -> bool:
    """Whether a name read as the next place of a chain is a people's adjective before a noun: a name nothing
    knows, ending as a country's adjective does, with a plain word right after it ("South Korean children",
    "Tanzanian officials"; not "Quorvantia on Friday")."""
    if len(more) != 1 or k >= len(toks):
        return False
    only, after = more[0], toks[k]
    if only.level != "place" or only.population or only.also_province or only.country or only.town:
        return False
    return (only.value.casefold().endswith(_DEMONYM_ENDINGS) and after.text.isalpha() and after.text.islower()
            and after.lower not in PREPOSITIONS and after.lower not in _JOINING_WORDS)


def _a_subject_after_the_comma(more: list[Element], toks: list[Token], k: int) -> bool:
    """Whether a name read as the next place of a chain after a comma is a person's, the subject of the sentence
    the opening clause leads into: a name nothing knows, shaped as a person's, with a verb right after it ("During
    the shoot in Knoxville, Ana Ruiz sits in ...", "In Quorva, Ana Ruiz has run the shop"; not "in Quorva, Lindt
    County on Friday", nor a region the gazetteer holds)."""
    if len(more) != 1 or k >= len(toks):
        return False
    only, after = more[0], toks[k]
    if only.level != "place" or only.population or only.also_province or only.country or only.town:
        return False
    word = after.lower
    return (after.text.isalpha() and after.text.islower() and looks_like_person(only.value)
            and (word in _AUXILIARIES or word.endswith(("s", "ed")) and word not in _NOT_VERBS
                 and word not in PREPOSITIONS) and not name_levels(only.value).province)


#: Verbs that follow a sentence's subject and end in no "s" nor "ed".
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "can", "may", "must", "sat",
                          "stood", "took", "ran", "held", "led", "made", "won", "gave", "got", "met", "spoke"})
#: Words ending in "s" that are no verbs: "as", "across", "towards".
_NOT_VERBS = frozenset({"as", "across", "towards", "afterwards", "onwards", "upwards", "besides", "plus", "thus",
                        "always", "sometimes", "perhaps", "whereas", "unless", "its", "his", "hers", "this"})


#: Small words after a place that join the sentence on, not a noun the place qualifies.
_JOINING_WORDS = frozenset({"and", "or", "as", "where", "which", "who", "that", "while", "when", "after", "before",
                            "during", "since", "until", "with", "for", "by", "is", "are", "was", "were", "has",
                            "have", "had", "said", "says"})


#: How a country's adjective ends: "Ukrainian", "Sudanese", "Kenyan", "Spanish", "French", "Iraqi", "Thai".
_DEMONYM_ENDINGS = ("ian", "ese", "an", "ish", "ch", "i")
#: Nations' adjectives with none of those endings, each its nation's short name too: "in Lao capital Vientiane".
_NATIONS_OWN_NAMES = frozenset({"lao", "kyrgyz"})


def _a_nations_capital_named(toks: list[Token], k: int) -> bool:
    """Whether toks[k] opens "<people's adjective> capital <Name>" with no "the" before it, as news headlines and
    wires write it ("in Afghan capital Kabul", "in Lao capital Quorvane"): a country's capital is its city, named or
    not in the tables, as after "the" ("the Serbian capital Bogojevo")."""
    return k + 2 < len(toks) and toks[k + 1].text == "capital" and is_capitalised(toks[k + 2].text)


#: Kinds of town that may stand before the town's name and a comma: "the capital, Accra", "the port city, Durres".
_TOWN_KINDS = frozenset({"capital", "city", "town", "port"})


def _city_named_after_its_kind(toks: list[Token], k: int, depth: int) -> tuple[list[Element], int] | None:
    """After "the" (and a people's adjective): a kind of town in lower case, a comma, then a city the gazetteer
    knows, as "the capital, Accra" or "the Afghan capital, Kabul" name it; the city, and what is written after it.
    Only a known city: "in the capital, Smith said" names none."""
    m = k + 1 if k + 1 < len(toks) and toks[k].lower != "capital" and toks[k + 1].lower in _TOWN_KINDS and (
        plain_word(toks[k])) else k  # "the port city, Durres": one plain word before the kind
    if not (m + 2 < len(toks) and toks[m].lower in _TOWN_KINDS and toks[m].text.islower() and (
            toks[m + 1].text == ",") and is_capitalised(toks[m + 2].text)):
        return None
    inner = _read_element(toks, m + 2, depth + 1)
    if inner is None or inner[0][0].level not in ("place", "city") or not inner[0][0].population:
        return None
    return inner


#: Words a capitalised word right after "the capital" may be that name no town: "in the capital Monday".
_NO_CAPITALS_NAME = frozenset(w.casefold() for w in (*WEEKDAYS, *(m for names in MONTHS.values() for m in names)))


def _a_capital_named_after_it(toks: list[Token], k: int, depth: int) -> tuple[list[Element], int] | None:
    """After "the": "capital" in small letters and a name right after it, no comma between ("in the capital
    Lunga-Lunga", "in the capital Nairobi"): the name is the capital's, the city, known to the tables or not, as
    "the Serbian capital Bogojevo" is; else None ("in the capital Monday", "the capital's streets")."""
    if not (k + 1 < len(toks) and toks[k].text == "capital" and is_capitalised(toks[k + 1].text)) or (
            toks[k + 1].lower in _NO_CAPITALS_NAME):
        return None
    inner = _read_element(toks, k + 1, depth + 1)
    if inner is None or len(inner[0]) != 1 or inner[0][0].level not in ("place", "city"):
        return None
    inner[0][0].level = "city"
    return inner


def _capital_named_after(toks: list[Token], k: int, end: int, depth: int) -> tuple[list[Element], int] | None:
    """"the capital of Ukraine, Kyiv": a country after "capital of", then its capital after a comma (the city,
    in that country), or the country alone when no name follows (never a country read as the city)."""
    country = element_of(toks, k, end, False, None)
    if country.level != "country":
        return None
    if depth < 3 and end + 1 < len(toks) and toks[end].text == ",":
        inner = _read_element(toks, end + 1, depth + 1)
        if inner is not None and inner[0][0].level in ("place", "city"):
            places, j = inner
            for place in places:
                place.country = place.country or country.value
            country.link = ","
            return places + [country], j
    return [country], end


#: Institution nouns that, written in lower case, name a town's middle: "the historic centre of Lisbon".
_CENTRES = frozenset({"centre", "center"})
#: "St." after a name is a street's ("Beyoglu St. Istanbul"), before one a saint's ("St. Louis").
_STREET_WORDS = frozenset({"st.", "st"})
_PAIRED = frozenset({"and", "&", "or", "vs", "vs.", "v", "v.", "versus"})
_NAME_CONNECTORS = frozenset({"of", "de", "del", "da", "do", "dos", "das", "du", "des", "la", "le", "for", "upon",
                              "am", "st", "st.", "san", "santa", "saint", "new", "port", "fort", "mount", "lake"})


#: Marks and prepositions after a possessive that show it owns nothing: the name ends there.
_OWNS_NOTHING = frozenset({",", ".", ";", ":", ")", "!", "?", "in", "on", "at"})


def _owns_a_thing(toks: list[Token], end: int) -> bool:
    """After an unmarked name's possessive: a plain noun that is no part of a place ("memory", "rally"), not
    "northern suburb", "streets" or "capital"."""
    if end >= len(toks) or not plain_word(toks[end]):
        return False
    word = toks[end].lower
    if word in DESCRIPTORS or word in AREA_NOUNS or word in KIND_LEVELS or word in VENUE_WORDS or word in DIRECTIONS:
        return False
    if word in _CITY_SIGHTS:
        return False  # "Nairobi's skyline", "Kisumu's streets": the town's own sights
    # "Hue's main market", "Kisumu's busiest street": a word or two before a public place's word, the town's place
    # (not "Liverpool's fan base")
    return not any(m < len(toks) and all(plain_word(t) for t in toks[end:m + 1]) and (
        toks[m].lower in _TOWN_OWNED_PLACES) for m in (end + 1, end + 2))


def _past_plain_words(toks: list[Token], k: int) -> int:
    """Where a capitalised name starts after one or two plain lower-case words at toks[k] ("historical Nag
    Pokhari", "newly built Jade Bridge"), else k itself."""
    for m in (k + 1, k + 2):
        if m < len(toks) and all(plain_word(t) for t in toks[k:m]) and is_capitalised(toks[m].text):
            return m
    return k


def _a_people_before_their_village(toks: list[Token], k: int) -> int | None:
    """After "the": where the kind of a settlement stands when one to three capitalised words naming its people
    (no place the gazetteer knows) and maybe a plain word come before it, "of" and a name after it: "the Hui
    Muslim village of Xifeng", "the Purepecha Indigenous community of Comachuen", "the Maya fishing village of
    Xcalak". A part of a town ("the Douma neighborhood of Damascus") or a town held by a city ("the Kigali
    suburb of Kimihurura") is not such a kind; else None."""
    m = k
    while m < len(toks) and m < k + 3 and is_capitalised(toks[m].text) and toks[m].text.isalpha():
        m += 1
    if m == k:
        return None
    if m + 1 < len(toks) and plain_word(toks[m]) and toks[m].lower not in _SETTLEMENT_KINDS:
        m += 1  # "fishing", "mountain"
    if not (m + 2 < len(toks) and toks[m].lower in _SETTLEMENT_KINDS and toks[m + 1].lower == "of"
            and is_capitalised(toks[m + 2].text)):
        return None
    if any(known_place(t.text) or t.lower in VENUE_WORDS for t in toks[k:m] if t.text[:1].isupper()):
        return None  # "the Kigali village of ...", "the Olympic Park village of ...": a place owns it
    after = m + 2
    while after < len(toks) and after < m + 5 and is_capitalised(toks[after].text):
        after += 1
    if any(t.lower in _UNITS_HOLDING_A_VILLAGE for t in toks[m + 3:after + 1]):
        return None  # "the Dananpo village of Xiuwu county": a unit holds the village, named before its kind
    return m


#: Kinds of a settlement in the country, named after "of" ("the Hui Muslim village of Xifeng").
_SETTLEMENT_KINDS = frozenset({"village", "community", "hamlet"})
#: Units written after a settlement's "of" that hold the settlement ("the Dananpo village of Xiuwu county"): the
#: words before the settlement's kind are then its own name, not its people's.
_UNITS_HOLDING_A_VILLAGE = frozenset({"county", "district", "city", "township", "prefecture", "province",
                                      "municipality", "town"})


def _kind_after_plain_words(toks: list[Token], k: int) -> int | None:
    """Where a kind of place followed by "of" starts after one or two plain lower-case words ("port city of
    Basra", "border town of"), else None."""
    for m in (k + 1, k + 2):
        if m + 2 < len(toks) and toks[m].lower in KIND_LEVELS and toks[m + 1].lower == "of" and all(
                plain_word(t) for t in toks[k:m]):
            return m
    return None


def _past_plain_adjectives(toks: list[Token], k: int) -> int:
    """After "the": where a venue's or a unit's name starts when one or two plain words stand before it ("the
    reopened Grand Bazaar", "the troubled Buner District"); k itself unless the name after them ends in a venue
    word or in the word of an administrative unit."""
    for m in (k + 1, k + 2):
        if m >= len(toks) or not all(plain_word(t) for t in toks[k:m]) or not is_capitalised(toks[m].text):
            continue
        end = read_name(toks, m)
        if end is not None and names_a_saint(toks, m, end):
            end = read_name(toks, end) or end  # "the magnificent St Andrew's Church"
        if end is not None and end - m >= 2 and (toks[end - 1].lower in VENUE_WORDS
                                                 or toks[end - 1].lower in _UNIT_WORDS):
            return m
        return k
    return k

#: The last words of an administrative unit's name, written after it with a capital: "the troubled Buner District",
#: "the restive Quorvan Province".
_UNIT_WORDS = frozenset({"district", "county", "province", "prefecture", "region", "governorate", "oblast"})

_HIT_ENDINGS = ("-hit", "-torn", "-stricken", "-ravaged", "-affected", "-struck", "-battered", "-held",
                "-controlled", "-occupied", "-based")


def _is_descriptor(toks: list[Token], k: int) -> bool:
    """A word to step over before a name: "ancient", "northwest", "East" in "East China's", "old town"."""
    word = toks[k].lower
    if "-" in word and toks[k].text.islower() and word.endswith(_HIT_ENDINGS) and k + 1 < len(toks) and (
            is_capitalised(toks[k + 1].text)):
        return True  # "quake-hit Wandong Village", "war-torn Aleppo"
    if word == "town" and toks[k].text == word and k and toks[k - 1].lower == "old" and k + 1 < len(toks) and (
            is_capitalised(toks[k + 1].text)):
        return True  # "in old town Riga": the old part of the town named after it
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
    if joined in COUNTRIES or joined in STATES:
        return False  # "South Africa", "North Carolina"
    if following_text.casefold() in COUNTRIES:
        return True  # "East China's ..."
    # "Longli County of Southwestern Guizhou province": a side of a province written with a capital
    return k + 2 < len(toks) and toks[k + 2].lower == "province" and following_text.casefold() in CHINA_PROVINCES
