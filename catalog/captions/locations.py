"""Find where a photo was taken from the place phrases of its scene sentence, as the caption states them.

A place phrase is a *chain*: a preposition, then named places from the smallest to the largest, linked by
commas, "of" and "in" ("at the Luogang Park in Hefei, east China's Anhui province"). Each named place is
an *element* whose level comes from the tables in ``vocabulary.py``: its last word ("province", "County",
"Park"), or a known country, province or state; a name with no such word is placed by its position
(first: a city; after a city: a province or state). Every chain is a candidate, scored by
``place_scores.py`` (its distance from the photo's date, its shape, its preposition, a clause of background
before it); the best, if it scores enough, gives city, province and country; the sublocation is the
largest venue named (or a village, or a county inside a named city). Nothing is looked up in a gazetteer:
a country is filled only when the caption writes it.
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

The work is shared out: ``place_names.py`` reads one named place and its level, ``place_chains.py`` the chains
of a sentence, ``place_fields.py`` turns a chain into city, province and country; this module chooses the
scene's chain and reads the places written beside the sentences (a labelled line, a heading, a dateline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import islice, pairwise
from typing import TYPE_CHECKING

from catalog.captions.counties import is_county
from catalog.captions.demonyms import is_demonym
from catalog.captions.gazetteer import a_town_near, a_town_of, name_levels, subdivision_holding
from catalog.captions.place_chains import (
    POSTAL,
    SETTLEMENT_POPULATION,
    Chain,
    a_persons_place,
    names_a_saint,
    read_chains,
)
from catalog.captions.place_evidence import (
    Doubt,
    PlaceWeights,
    background_clauses,
    names_a_kind_only,
    names_a_team,
    names_an_arrival,
    opens_the_scene,
    shipped_weights,
    venue_is_scene,
    weigh,
)
from catalog.captions.place_fields import a_town_of_the_lower_province, place_from_dateline, resolve
from catalog.captions.place_names import Element, classify, read_name
from catalog.captions.place_scores import Scored, choose
from catalog.captions.text import tokens
from catalog.captions.types import Place
from catalog.captions.venue_spots import (
    lone_english,
    named_site_english,
    owned_site_english,
    registered_english,
    site_by_its_kind_english,
)
from catalog.captions.vocabulary import (
    ABBREVIATIONS,
    CHINA_PROVINCES,
    CITY_STATES,
    DIRECTIONS,
    EVENT_WORDS,
    MONTHS,
    PLACE_ABBREVIATIONS,
    PREPOSITIONS,
    VENUE_WORDS,
    WEEKDAYS,
)
from catalog.patterns import compiled, longest_first
from catalog.place_rules import PROVINCE_ABBREVIATIONS

if TYPE_CHECKING:
    from catalog.places import NameLevels
    from catalog.venues import VenueRegister

_PARENTHETICAL = compiled(r"\([^()\n]{0,60}\)|\[[^\[\]\n]{0,60}\]")


def find_places(text: str, sentence: tuple[int, int], anchor: tuple[int, int] | None = None,
                doubts: list[Doubt] | None = None, weights: PlaceWeights | None = None,
                found_by: dict[str, str] | None = None) -> Place:
    """The place of the scene sentence text[sentence[0]:sentence[1]]; `anchor` is the photo date's span.

    Values whose evidence is weak (``place_evidence.py``) are left out, and added to `doubts` with the reason.
    `weights` are the place signals' weights in force (the shipped ones when None). `found_by` gets how the
    sublocation was found ("the scene's phrase", "another phrase", "a village apart"), for the confidence gate.

    >>> text = "Tests at the Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025."
    >>> find_places(text, (0, len(text)), (65, 77))
    Place(sublocation='Luogang Park', city='Hefei', province='Anhui', country='China')
    """
    start, end = sentence
    # "(L)", "(NPC)", "(FOCAC)" are emptied, their brackets kept so no name runs across them.
    clean = text[start:end]
    if "(" in clean or "[" in clean:  # (every bracketed aside opens with one of them)
        # "the Bombay Stock Exchange (BSE) building": a name's initials inside it, before its kind, vanish whole
        clean = _PARENTHETICAL.sub(_emptied, _INITIALS_INSIDE_A_NAME.sub(_blank, clean))
    if "read" in clean or "say" in clean:
        clean = _WORDS_WRITTEN.sub(_emptied_words, clean)  # "a sign reading 'Stop the war in Gaza'": no scene
    if "#" in clean:
        # "in #Yunnan province": a hashtag after a small word names the place all the same; after a name or
        # another hashtag it opens a tag of its own ("in Cape Town #ThisFlag #NoCorruption": Cape Town alone)
        clean = _TAG_AFTER_A_NAME.sub(_tag_break, clean)
        clean = _HASHTAG.sub(" ", clean)
    small_county = "county " in clean and _SMALL_COUNTY.search(clean) is not None
    if small_county:
        # "in Clifden, county Galway": an Irish county written with its word in small letters, read as "County
        # Galway" is (the same length, so every offset holds); the value keeps the letters as written (below)
        clean = _SMALL_COUNTY.sub("County", clean)
    chains = read_chains(tokens(" " * start + clean, start, end))
    if not chains:
        return Place()
    if "(" in clean:
        _venues_by_their_gloss(chains, text)  # "in Kongens Have (King's Garden)": a garden, by its gloss
    # "in Rafina, near Athens": Rafina
    best, scored = choose(chains, text, anchor, end, weights.scores if weights else None)
    if best is not None:
        best = _the_city_of_a_lone_district(best, scored, (weights or shipped_weights()).scores["threshold"])
        if best.chain.near:  # "in Bhojpur near Kathmandu, Nepal": the town the scene is near a city, not the city
            best = _the_town_before_near(best, scored, text, (weights or shipped_weights()).scores["threshold"])
    primary = best.chain if best else None
    place, sub_admin = resolve(primary) if primary else (Place(), None)
    left_out = weigh(primary, place, text, weights, anchor) if primary else []
    if primary is not None and not primary.near and (place.province is None or place.country is None):
        _fill_from_a_point_beside(place, primary, chains, text)
    if best is not None and sub_admin is None:
        # "in her flat in Ain Shams district, amid ..., in Cairo, Egypt, July 7, 2020": the district's city
        sub_admin = _district_and_its_city(best, place, scored)
    if sub_admin is not None and _a_district_of_a_chinese_city(sub_admin, place):
        # "a shopping mall in Jiangbei District of southwest China's Chongqing": an urban district of a Chinese
        # city is an administrative unit below the city, no site within it (the labelling contract keeps it only
        # where it stands in for the city, as the Chinese captions' 区 is); a village read apart may still be
        left_out.append(Doubt("sublocation", sub_admin, "a district of a Chinese city: a unit below the city named, "
                              "not a site"))
        sub_admin = None
    if best is not None and place.province is None and place.city is not None:
        # "houses in Congjiang County lie under snow in China's southwestern Guizhou Province": the province of
        # the scene's county, written in a phrase of its own
        _fill_province_of_a_later_phrase(best, place, scored, text)
    if best is not None and place.country is None:
        # "in Rozzano, near Milan, northern Italy": the town the scene is near lies in the scene's country
        place.country = _country_of_the_town_near(best, place, scored)
    if place.country is None and (place.city or place.province):
        # "in Ise, Mie Prefecture, ... at the Shinto shrine in the central Japan city": the country, as a modifier
        place.country = _country_modifying_a_kind(text[start:end], place)
    if best is not None and place.city is None and place.country is not None:
        # "has arrived in Sri Lanka and ... her flight landed in Colombo": a city of the country, named apart
        place.city = _city_of_the_country(best, place.country, scored, weights or shipped_weights())
    if best is not None and place.city is None and place.province is not None:
        # "Farmers in Guangxi mark the harvest festival in Baise": a city of the province, named apart
        place.city = _city_of_the_province(best, place.province, scored, weights or shipped_weights())
    left_out += [Doubt("city", s.chain.elements[0].value, f"the phrase after {s.chain.prep!r} scored {s.score:g} "
                       f"({s.why()}), below the threshold") for s in scored if best is None]
    scene_venue = _scene_venue(primary, text) if primary and primary.venues else None
    venue = scene_venue.value if scene_venue is not None else None
    if scene_venue is not None and (_IN_VIEW.match(text, scene_venue.end) or _looked_at(text, scene_venue.start)):
        # "Botero Plaza in the centre of Medellin, the Uribe Palace in the background": what is seen beyond the
        # scene, not the scene; another phrase's venue may give it
        left_out.append(Doubt("sublocation", scene_venue.value, "in the background: seen beyond the scene"))
        venue = None
    if venue is not None and primary is not None and primary.prep in _NOT_PUTTING_IN:
        # "Crowds fill Nishat Garden at sunset over Kashmir's Dal Lake in Srinagar": the lake is what the sun sets
        # over, seen from the garden the sentence puts the people in before it; "an exhibition at the Quorva Museum
        # that shows paintings from the National Gallery in London": the gallery is where the paintings came from
        inside = [c for c in chains if c is not primary and c.venues and c.end <= primary.start
                  and c.prep in _PUTTING_IN and not c.near and not c.of_a_member]
        if inside:
            left_out.append(Doubt("sublocation", venue, f"after {primary.prep!r}: a venue the photo is not in, "
                                  "beside the venue named before it"))
            venue = _scene_venue(inside[-1], text).value
    if venue is not None and primary is not None and primary.prep == "near" and primary.elements[0].level == "venue":
        # "a show at Quorva Park near Red Square in Moscow": the landmark after "near", placed in the town, is what
        # the venue named right before it stands beside; that venue is the scene (a point "at" or "on" it: "in the
        # Amazon basin near the Xinane river" names a wide area, the river nearer the scene)
        before = [c for c in chains if c is not primary and c.venues and c.prep in _AT_A_POINT and not c.near
                  and not c.of_a_member and _NEAR_A_LANDMARK.fullmatch(text, c.end, primary.start)]
        if before:
            left_out.append(Doubt("sublocation", venue, "after 'near': a landmark beside the venue named right "
                                  "before it, not the scene"))
            venue = _scene_venue(before[-1], text).value
    if venue is not None and primary is not None and _a_setting(venue) and primary.elements[0].level == "town":
        venue = None  # "in Bodo community in Ogoni region of the Niger Delta": the village, not the land around it
    if venue is None:
        others = [c for c in chains if c is not primary and c.venues]
        others = [c for c in others if not (_IN_VIEW.match(text, _scene_venue(c, text).end)
                                            or _looked_at(text, _scene_venue(c, text).start))]
        if primary is not None:  # the scene is placed by another phrase: a landmark "near" it is beside it
            beside = [c for c in others if not venue_is_scene(c)]
            left_out += [Doubt("sublocation", c.venues[-1].value, f"after {c.prep!r}: a landmark the photo is "
                               "beside, not the scene") for c in beside]
            others = [c for c in others if venue_is_scene(c)]
        if (weights or shipped_weights()).values["member_of"] < 0:  # "Nurse Ana Ruiz of the Gevas Health Center"
            left_out += [Doubt("sublocation", c.venues[-1].value, "a person's name and 'of' before it: their place, "
                               "not the scene" if c.prep == "subject" else f"after {c.prep!r} following a person "
                               "or a group: their place, not the scene") for c in others if c.of_a_member]
            others = [c for c in others if not c.of_a_member]
        if primary is not None:  # "In Zakopane, a small town at the foot of the Tatra Mountains": the town's setting
            left_out += [Doubt("sublocation", c.venues[-1].value, "in a description of the scene's town, not the "
                               "scene") for c in others if _describes_the_town(primary, c, text)]
            others = [c for c in others if not _describes_the_town(primary, c, text)]
            # "a ceremony in Hanoi ..., where the Press Awards on Party building were handed out": a venue after a
            # clause of background opened after the scene's phrase is that clause's, not the scene's
            late = [c for c in others if c.start > primary.end and any(
                text[at:at + 6].casefold().startswith(_RELATIVE_WORDS)
                for at in background_clauses(text, primary.end, c.start))]
            left_out += [Doubt("sublocation", c.venues[-1].value, "after a clause of background that follows the "
                               "scene's phrase") for c in late]
            others = [c for c in others if not any(c is x for x in late)]
        target = (primary.start, primary.end) if primary else anchor
        if others:
            nearest = min(others, key=lambda c: _distance(c, target)) if target else others[0]
            venue = _scene_venue(nearest, text).value
    if venue is None and sub_admin is None:
        # "in Yangli Village of the Dong ethnic group in Congjiang County": a village read apart
        villages = [c for c in chains if c is not primary and c.elements[0].level == "town"]
        if villages and primary is not None:
            village = min(villages, key=lambda c: _distance(c, (primary.start, primary.end)))
            sub_admin = village.elements[0].value
            if place.city is None and place.sublocation is None and (_a_town_alone(village, text) or (
                    place.province is None and _a_village_alone(village, text))):
                place.city, sub_admin = _town_name(sub_admin), None  # "In the town of Irpin, also in the Kyiv region"
                # "in the coastal village of Loubieh, ... in Lebanon": the one settlement in a country named
        elif villages and primary is None:  # "In the village of Tavriiske, residents eat lunch"
            village = min(villages, key=lambda c: _distance(c, anchor)) if anchor else villages[0]
            sub_admin = village.elements[0].value
            if place == Place() and _a_town_alone(village, text):
                place.city, sub_admin = _town_name(sub_admin), None  # "farmers in the town of Ajlun get olives ready"
    if venue is None and sub_admin is None:
        venue = _a_fair_in_its_town(chains)  # "at the Lancaster Fair in New Hampshire": held on its fairground
    if venue is None and sub_admin is None and primary is not None and place.city is not None:
        # "in her flat in Ain Shams district, amid concerns ..., in Cairo, Egypt": a district of a large city
        districts = [c for c in chains if c is not primary and _a_district_of_the_city(c, primary, place.city)]
        if districts:
            sub_admin = min(districts, key=lambda c: _distance(c, (primary.start, primary.end))).elements[0].value
    if venue is not None and " " in venue and _an_unnamed_kind(venue):
        venue = None  # "Farm fields in the Soga district": fields of a kind, capitalised as the sentence opens
    if sub_admin is not None and place.city is not None and sub_admin.casefold() == place.city.casefold():
        sub_admin = None  # "A damaged home in Nanao in Nanao, Ishikawa Prefecture": the town itself, twice
    if venue is None and sub_admin is not None and _a_town_abroad(sub_admin, text, place):
        # "at her house in Rahatgarh town in Sagar, Madhya Pradesh, India": a town outside China is a municipality,
        # the city field (its larger unit already holds it when written), no site within one
        if place.city is None:
            place.city = sub_admin[:-len(" town")]
        elif doubts is not None:
            doubts.append(Doubt("sublocation", sub_admin, "a town outside China, a municipality beside the city "
                                "named, not a site within it"))
        sub_admin = None
    place.sublocation = venue or sub_admin
    if venue and place.city is None and place.province is None and place.country is None and "s " in clean:
        # "a stretch of Kampala's transport corridor on Namirembe Road": the venue's city, as its owner
        at = text.find(venue, start, end)
        place.city = _city_owning_the_scene(text, start, at, at + len(venue), end)
    if found_by is not None and place.sublocation:
        in_primary = primary is not None and any(e.value == place.sublocation for e in primary.elements)
        found_by["sublocation"] = ("the scene's phrase" if in_primary else "another phrase" if venue
                                   else "a village apart")
        own = primary if in_primary else next((c for c in chains if any(
            e.value == place.sublocation for e in c.elements)), None)
        if own is not None:
            found_by["sublocation opened by"] = opened_by(own.prep)
            found_by["sublocation preposition"] = own.prep
    if found_by is not None and best is not None:
        found_by["scene opened by"] = opened_by(best.chain.prep)
        found_by["scene rivals"] = _rivals(best, scored)
    if doubts is not None:
        doubts.extend(d for d in left_out if getattr(place, d.field) is None)
    if small_county:
        for level in ("city", "province"):
            value = getattr(place, level)
            if value and value.startswith("County ") and "County " + value[7:] not in text[start:end]:
                setattr(place, level, "county " + value[7:])
    return place


def _venues_by_their_gloss(chains: list[Chain], text: str) -> None:
    """Make a venue of each chain's first name that nothing knows, glossed in brackets right after it by words
    ending in a venue's word: "in Kongens Have (King's Garden)", "Anna Kirke (Anna Church)", "Quorva Hagen (Quorva
    Garden)": the translation says what kind of place the name is, as the word itself would after it. A known town
    or city keeps its level ("in Hoi An (Quorva Bridge)" is no venue named Hoi An)."""
    for chain in chains:
        first = chain.elements[0]
        if first.level != "place" or first.population or first.town or first.also_province or first.country:
            continue
        gloss = _VENUE_GLOSS.match(text, first.end)
        if gloss is not None and gloss.group(1).casefold() in VENUE_WORDS:
            first.level = "venue"


#: A gloss in brackets right after a name, of at most four words, the last one kept: "(King's Garden)", "(Anna
#: Church)", "(serpent king pond)".
_VENUE_GLOSS = compiled(r"\s*\((?:[^\W\d_][\w'’.-]*\s+){0,3}([^\W\d_]+)\)")


#: What follows a venue seen beyond the scene: "the Uribe Palace in the background", "the Quorva Tower is seen in
#: the distance", "with Quorva Hill looming in the background".
_IN_VIEW = compiled(r"(?:\s+of(?:\s+[A-Z][\w'’-]*)+)?"  # (the name's rest after a line break: "Palace\nof Culture")
                    r"(?:\s+(?:is|are|can\s+be|stands?|looms?|looming|rises?|rising))?(?:\s+(?:seen|visible|pictured))?"
                    r"\s+in\s+the\s+(?:far\s+)?(?:background|distance|backdrop)\b"
                    r"|\s+(?:rises|rising|looms|looming|towers|towering)\s+behind\b")  # "rising behind a store"


#: What comes right before a venue the photographer looks at from elsewhere: "Looking across at mountainous Naxos
#: island from the seashore", "looking out towards the Quorva Lighthouse".
_LOOKING_AT = compiled(r"\blooking\s+(?:(?:across|out|down|up|back|over)\s+)?(?:at|towards?|onto)\s+(?:the\s+)?"
                       r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)


def _looked_at(text: str, start: int) -> bool:
    """Whether the venue at `start` is what the photographer looks at from elsewhere (see _LOOKING_AT)."""
    at = max(0, start - 60)
    return text.find("ooking", at, start) >= 0 and _LOOKING_AT.search(text, at, start) is not None


#: Prepositions whose venue the photo is not in: one below or beyond its standpoint ("sunset over Dal Lake"), one
#: left, passed or headed for ("paintings from the National Gallery", "through Gabriel in the Hera cave", "the
#: entrance to the Louvre Museum"), the whole a part belongs to ("the Angkor Wat temple, part of the Angkor
#: complex"). Such a venue is the scene only when no phrase before it puts the photo in one (_PUTTING_IN).
_NOT_PUTTING_IN = frozenset({"over", "above", "beyond", "from", "through", "to", "towards", "toward", "into", "past",
                             "of"})
#: What opens a phrase that puts the photo in a venue: "in", "at", "on", or a verb whose object it is.
_PUTTING_IN = frozenset({"in", "at", "on", "inside", "object"})
#: The prepositions that put the photo at a point of a venue, not in a wide area: "at Quorva Park", "on Quorva St.".
_AT_A_POINT = frozenset({"at", "on", "inside"})
#: Between a venue and the landmark it stands near: "at Quorva Park near Red Square", "... near the Kremlin".
_NEAR_A_LANDMARK = compiled(r"[ \t]+near[ \t]+(?:the[ \t]+)?")


def _a_fair_in_its_town(chains: list[Chain]) -> str | None:
    """A fair's name after "at", placed in its town, state or country by "in" ("at the Lancaster Fair in New
    Hampshire", "at the Routt County Fair in Hayden"): a fair is held on its fairground, the site the photo is at,
    and the labels name it so. A fair placed by nothing ("at the Nadam Fair, held on the grassland of Hexigten")
    may be a festival of a whole land, and stays an event; a county's or a state's fair, named by its land ("at the
    Quorva County Fair on Sunday", "at the Ohio State Fair"), is placed by its own name, held on that land's
    fairground."""
    for chain in chains:
        first = chain.elements[0]
        if chain.prep == "at" and first.level == "event" and first.value.rsplit(" ", 1)[-1].casefold() in _FAIRS and (
                len(chain.elements) > 1 and chain.elements[1].link == "in" and chain.has_geo
                or _a_local_fair(first.value)):
            return _EDITION_YEAR.sub("", first.value)  # "the 2019 Iowa State Fair": the site is the fair's own
    return None


#: A year opening an event's name, its edition: "2019 Iowa State Fair".
_EDITION_YEAR = compiled(r"^(?:1[89]|20)\d\d\s+(?=[A-Z])")


#: The last words of an event held on a site of its own, its fairground or showground ("Iowa State Fair").
_FAIRS = frozenset({"fair"})
#: The unit a fair is held for, right before its word: a county's or a state's fair is held on that unit's own
#: fairground every year ("Venango County Fair", "Iowa State Fair"), never over a whole land.
_FAIR_UNITS = frozenset({"county", "state", "parish"})


def _a_local_fair(name: str) -> bool:
    """Whether a fair's name says the unit it is held for ("the Quorva County Fair", "the Iowa State Fair"): such
    a fair is the site, placed or not; a fair of a people or a trade ("the Nadam Fair", "the Book Fair") stays an
    event unless its town is written after it.

    >>> _a_local_fair("Montezuma County Fair"), _a_local_fair("Nadam Fair")
    (True, False)
    """
    words = name.split()
    return len(words) >= 3 and words[-2].casefold() in _FAIR_UNITS


def _an_unnamed_kind(venue: str) -> bool:
    """Whether a venue is only words of kinds of place, all but the first written in lower case and the last
    plural: "Farm fields" opening a sentence names no place, many fields of a kind ("Old Town", "Station Square",
    "Shanidar cave", Kraków's "Market square", one place of its kind, do)."""
    words = venue.split()
    return words[-1].endswith("s") and all(w.islower() for w in words[1:]) and all(
        w.casefold() in VENUE_WORDS for w in words)


def _a_district_of_a_chinese_city(name: str, place: Place) -> bool:
    """Whether a unit read below the scene's city is one of a mainland Chinese city's districts: a name written
    with "District" ("Jiangbei District", "Jizhou District") and a city the gazetteer puts in China ("Chongqing",
    "Tianjin"). Hong Kong's districts are sublocations by the labelling contract, and keep their place."""
    if place.city is None or name.rsplit(None, 1)[-1].casefold() not in _CITY_DISTRICT_WORDS or " " not in name:
        return False
    return name_levels(place.city).city_country == "CN"


def _a_district_of_the_city(chain: Chain, primary: Chain, city: str) -> bool:
    """Whether a chain read apart from the scene's is a district of the scene's city: one name written with
    "district" after "in" or "at", no town the gazetteer knows, and the scene's city one of a million people or
    more (a district of a smaller place is as often a larger unit around it: "in Pulwama district ... in
    Srinagar")."""
    return _a_lone_district(chain) and any(e.value == city and _a_large_city(e) for e in primary.elements)


def _a_lone_district(chain: Chain) -> bool:
    """Whether a chain is one name written with "district" after "in" or "at", no town the gazetteer knows."""
    if len(chain.elements) != 1 or chain.prep not in ("in", "at"):
        return False
    element = chain.elements[0]
    return element.level == "county" and not element.population and element.value.rsplit(None, 1)[-1].casefold() in (
        _CITY_DISTRICT_WORDS)


def _a_large_city(element: Element) -> bool:
    return element.level in ("place", "city") and element.population >= DISTRICT_CITY


def _the_city_of_a_lone_district(best: Scored, scored: list[Scored], threshold: float) -> Scored:
    """The scene's phrase when the best is a district alone and another phrase of the sentence names a city of a
    million people or more: "in her flat in Ain Shams district, amid concerns ..., in Cairo, Egypt" is in Cairo,
    the district its part (the sublocation, ``_a_district_of_the_city``), not a county standing in for a city."""
    if not _a_lone_district(best.chain):
        return best
    cities = [s for s in scored if s is not best and s.score >= threshold and any(
        _a_large_city(e) for e in s.chain.elements)]
    return cities[0] if len(cities) == 1 else best


def _the_town_before_near(best: Scored, scored: list[Scored], text: str, threshold: float) -> Scored:
    """The scene's phrase when the best is a place the scene is "near" and the phrase right before that word names a
    town that reaches the threshold on its own (a town GeoNames knows): "in Bhojpur near Kathmandu, Nepal" is in
    Bhojpur, which the sentence places by the city it is near; a name nothing knows ("in Quorvale near
    Kathmandu") leaves the city the scene is near."""
    before = [s for s in scored if s is not best and not s.chain.near and s.score >= threshold
              and s.chain.end < best.chain.start and _NEAR_BETWEEN.fullmatch(text, s.chain.end, best.chain.start)]
    return before[-1] if before else best


#: What stands between a town and the place it is near: " near ", ", near ".
_NEAR_BETWEEN = compiled(r",?\s+near\s+")


#: The last words of a district inside a city, read apart from the city: "Ain Shams district".
_CITY_DISTRICT_WORDS = frozenset({"district"})
#: A city this large in the gazetteer has districts named apart from it.
DISTRICT_CITY = 1_000_000


#: Words opening a relative clause of background ("..., where the Press Awards on Party building were handed out"):
#: a venue after them is the clause's. Not "after" nor "before": "trains stop after an item is found at Kyoto
#: Station" names the scene of the story's event.
_RELATIVE_WORDS = ("where", "which", "who", "whose", "while", "when")
def _city_owning_the_scene(text: str, start: int, venue_at: int, venue_end: int, end: int) -> str | None:
    """The one city the gazetteer knows well written as an owner ("Kampala's") before the scene's venue in its
    sentence, when the scene's phrase names no town: "Taxis have taken over a stretch of Kampala's transport
    corridor on Namirembe Road" is in Kampala. The owner owns a thing written in lower case ("Liverpool's Darwin
    Núñez" is a team's player); a country, a province, or two cities give none. After the venue (up to the
    sentence's `end`), only an appositive right after it that describes it as one of the city's things counts: "in
    front of the National Library, one of Pristina's finest buildings"."""
    if venue_at < 0:
        return None
    found = set()
    matches = list(_POSSESSIVE.finditer(text, start, venue_at))
    after = _ONE_OF_AN_OWNERS.match(text, venue_end, end) if text[venue_end:venue_end + 1] == "," else None
    owner = _POSSESSIVE.match(text, after.end(), end) if after is not None else None
    if owner is not None:
        matches.append(owner)
    for match in matches:
        name = match.group("owner")
        words = [w.strip(",.;:").casefold() for w in text[match.end():match.end() + 40].split()[:3]]
        if any(names_a_team(word) or word in _A_MATCHS_WORDS for word in words):
            continue  # "Liverpool's striker scores at St James' Park": a team's, not the venue's town
        levels = name_levels(name)
        if levels.country or levels.province or levels.city_population < SETTLEMENT_POPULATION:
            continue
        found.add(name)
    return found.pop() if len(found) == 1 else None


#: An appositive after a venue, up to its owner: "the National Library, one of Pristina's finest buildings".
_ONE_OF_AN_OWNERS = compiled(r",\s+(?:one\s+of\s+|part\s+of\s+)?(?:the\s+)?(?=[A-Z])")
#: Words after a club's possessive that name its match: "Liverpool's win at Stamford Bridge" is no town's.
_A_MATCHS_WORDS = frozenset({"win", "victory", "defeat", "loss", "draw", "goal", "goals", "opener", "equaliser",
                             "equalizer", "winner", "side", "clash", "game", "match", "title", "season", "first",
                             "second", "third", "last", "new", "former", "star", "stars", "young", "veteran"})
#: A name written as the owner of a thing: "Kampala's transport corridor", "Port Moresby’s old markets".
_POSSESSIVE = compiled(r"(?<![\w.])(?P<owner>[A-Z][a-z\u00DF-\u024F\-]+(?:[ \t]+[A-Z][a-z\u00DF-\u024F\-]+){0,2})"
                         r"['’]s[ \t]+(?=[a-z])")


def _scene_venue(chain: Chain, text: str) -> Element:
    """The venue of a chain that names one: the larger when a venue sits inside another ("the White Pagoda in
    Beihai Park"), but not an appositive after ", the" that describes the venue just named ("at the Quai
    d'Orsay, the French foreign ministry", "Perdana Putra, the Office of the Prime Minister": what the building
    houses, not a larger place)."""
    chosen = chain.venues[0]
    for before, element in pairwise(chain.elements):
        if element.level == "venue" and before.level in _HOLDING_ONLY_AFTER:
            break  # "Durbar Square, Bhaktapur, Kathmandu Valley, Nepal": a venue after the town is the land around it
        if element.level == "venue" and not (before is chosen and _THE_APPOSITIVE.fullmatch(
                text, before.end, element.start)) and not _a_setting(element.value) and not (
                _AN_ISLAND_BY_ITS_KIND.search(text, before.end, element.start)):
            chosen = element
    return chosen


#: The levels of the map after which a venue written in the chain holds the town, not the venue before it.
_HOLDING_ONLY_AFTER = frozenset({"city", "place"})


def _a_setting(name: str) -> bool:
    """An island, a range, a delta or a zone after a venue: the land or the area the venue stands in, not a larger
    venue holding it ("Brick Hill on Hong Kong Island", "Shanidar cave in the Bradost Mountains", "Wanxi River,
    Xiangxi Economic Development Zone")."""
    last = name.rsplit(None, 1)[-1].casefold()
    if last in _ISLAND_WORDS:
        # an island is land with towns on it only when the gazetteer knows people living there as a place ("Hong
        # Kong Island"); one it does not know is a site, the larger venue holding the venue on it ("the Statue of
        # Liberty on Liberty Island": Liberty Island, as the labelling contract's venue inside a venue)
        levels = name_levels(name)
        return bool(levels.city_population or levels.town_population)
    return _a_landscape(name) or last in _SETTING_WORDS


_SETTING_WORDS = frozenset({"delta", "zone"})
#: An island named by its kind before "of", right before its name: "at Quorva Launch Center on the southwestern
#: island of Tanegashima, Japan". Such an island is land the venue stands on, as "Hong Kong Island" is (a site
#: island is named with its word after it: "the Statue of Liberty on Liberty Island").
_AN_ISLAND_BY_ITS_KIND = compiled(r"\bisland\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_ISLAND_WORDS = frozenset({"island", "islands"})


#: What stands between a venue and an appositive that describes it: ", the " (not ", in the ").
_THE_APPOSITIVE = compiled(r"\s*,\s*the\s+", re.IGNORECASE)


#: Between the scene's town and a place that describes where the town lies: ", a small town at the foot of ",
#: ", a fishing village on the shores of ", ", the resort town in " (then "the Tatra Mountains", "Lake Malawi").
_TOWN_DESCRIBED = compiled(r"\s*,\s*(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:town|village|city|hamlet|resort|port|"
                             r"suburb|community|settlement|municipality)\b[^,.;:!?()]{0,60}$")


def _describes_the_town(primary: Chain, chain: Chain, text: str) -> bool:
    """Whether `chain` is in a description of the scene's town written right after it ("In Zakopane, a small town
    at the foot of the Tatra Mountains, carriages ..."): the range is where the town lies, not the scene."""
    last = primary.elements[-1]
    if chain.start < primary.end or last.level not in ("place", "city", "town", "county"):
        return False
    return _TOWN_DESCRIBED.match(text[primary.end:chain.start]) is not None


def _fill_from_a_point_beside(place: Place, primary: Chain, chains: list[Chain], text: str) -> None:
    """The province and country written after a landmark town right after the scene's phrase: "in Rozzano, near
    Milan, northern Italy" is in Italy (the town near it is no scene; the larger places are the scene's too)."""
    beside = next((c for c in chains if c.near and c.start >= primary.end), None)
    if beside is None or not _NEAR_RIGHT_AFTER.fullmatch(text, primary.end, beside.start):
        return
    for element in beside.elements[1:]:
        if element.level == "province" and place.province is None and place.country is None:
            place.province = element.value
        elif element.level == "country" and place.country is None:
            place.country = element.value


#: Between the scene's phrase and a town it is near: ", near ", ", near the holy city of ".
_NEAR_RIGHT_AFTER = compiled(r"\s*,\s*near\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?:of\s+)?")


def _a_town_alone(chain: Chain, text: str) -> bool:
    """Whether the scene's phrase is one place written as "the town of X", nothing larger named with it, in a
    caption that names no Chinese place: such a town is the municipality, the city field ("in the town of Ajlun",
    "the small town of Quorvale"), where China's towns (镇) are units below a county, the sublocation."""
    if len(chain.elements) != 1 or chain.elements[0].level != "town":
        return False
    only = chain.elements[0]
    if only.value.endswith(" town") and only.value[:1].isupper():
        return not _CHINA.search(text)  # "at the bus station in Baihe town.": the town named with its kind word
    return bool(_TOWN_OF.search(text, max(0, only.start - 30), only.start)) and not _CHINA.search(text)


def _a_town_abroad(name: str, text: str, place: Place) -> bool:
    """Whether a name is one word and "town" in small letters ("Rahatgarh town", "Baihe town"), in a caption that
    names no Chinese place (no China, no Chinese province, no county holding the town): a municipality, as "the
    town of X" is (``_a_town_alone``), where China's towns are units below a county ("Cicun town, Shanxi
    province", "Guanxi town, Longnan county"); not "Qiantong ancient town" nor "Old Town", a historic quarter."""
    head, _, last = name.rpartition(" ")
    if last != "town" or " " in head or not head[:1].isupper():
        return False
    if place.province is not None and place.province.casefold() in CHINA_PROVINCES:
        return False
    if place.city is not None and place.city.casefold().endswith(" county"):
        return False
    return not _CHINA.search(text)


def _town_name(value: str) -> str:
    """A town's name without the kind word written after it: "Baihe town" -> "Baihe"."""
    return value[: -len(" town")] if value.endswith(" town") else value


def _a_village_alone(chain: Chain, text: str) -> bool:
    """Whether a phrase read apart from the scene's is one place written as "the village of X" (maybe "the coastal
    village of X"), in a caption that names no Chinese place and no town or province beside the country: the
    village is then the one settlement the caption places, the city field as "the town of X" is."""
    if len(chain.elements) != 1 or chain.elements[0].level != "town":
        return False
    only = chain.elements[0]
    return bool(_VILLAGE_OF.search(text, max(0, only.start - 40), only.start)) and not _CHINA.search(text)


_VILLAGE_OF = compiled(r"\bthe\s+(?:[a-z]+\s+)?village\s+of\s+$")
_TOWN_OF = compiled(r"\b(?:town|pueblo)\s+of\s+(?:the\s+)?$", re.IGNORECASE)  # ("the pueblo of X": a town)
_CHINA = compiled(r"\bChin(?:a|ese)\b")


def _city_of_the_country(best: Scored, country: str, scored: list[Scored], weights: PlaceWeights) -> str | None:
    """The city of another phrase of the sentence when the scene's phrase names a country and no city, and
    the gazetteer's city of that name lies in that country: "Savindri Perera has arrived in Sri Lanka and was
    greeted ... after her flight landed in Colombo" is Colombo. Weighed by ``city_in_the_named_country`` in
    ``[value_scores]``; a phrase scoring below the scene's threshold (one of a pair or a list, a member's place)
    or written after "near" gives none, nor a city of another country, nor two cities of that country."""
    if weights.values["city_in_the_named_country"] < weights.values["threshold"]:
        return None
    code = name_levels(country).country
    if code is None:
        return None
    found = []
    for other in scored:
        first = other.chain.elements[0]
        if other is best or other.chain.near or other.score < weights.scores["threshold"] or (
                first.level not in ("place", "city")):
            continue
        if first.population and name_levels(first.value).city_country == code or (
                not first.population and first.town and a_town_of(first.value, code)):
            found.append(first)  # (a town too small for the city table, placed in the country by the town table)
    names = {e.value.casefold() for e in found}
    return found[0].value if len(names) == 1 else None


def _city_of_the_province(best: Scored, province: str, scored: list[Scored], weights: PlaceWeights) -> str | None:
    """The city of another phrase of the sentence when the scene's phrase names a province and no city, and the
    gazetteer holds a city of that name in that province: "Farmers in Guangxi mark the harvest festival in Baise"
    is Baise, Guangxi (the earlier phrase won the tie of two chains, the people's province before the scene's
    town). Weighed by ``city_in_the_named_province`` in ``[value_scores]``; as for a country's city, a phrase
    scoring below the scene's threshold or written after "near" gives none, nor a city the gazetteer places
    elsewhere ("students in Texas ... a trip to Paris"), nor two cities."""
    if weights.values["city_in_the_named_province"] < weights.values["threshold"]:
        return None
    found = []
    for other in scored:
        first = other.chain.elements[0]
        if other is best or other.chain.near or other.score < weights.scores["threshold"] or (
                first.level not in ("place", "city")) or not first.population:
            continue
        if subdivision_holding(first.value, province) is not None:
            found.append(first)
    names = {e.value.casefold() for e in found}
    return found[0].value if len(names) == 1 else None


#: The most characters between the scene's phrase and a later phrase read as the same clause's.
_SAME_CLAUSE_GAP = 60
#: What ends a clause between two place phrases: a stop, a comma, a dash, a conjunction or a participle opening.
_CLAUSE_BREAK = compiled(r"[,;:.!?()\[\]–—]|\s-\s|\b(?:after|as|while|when|whereas|since|because|before|"
                           r"following|amid|until|where|which|who|that|and|but|or|marking|from|to)\b",
                           re.IGNORECASE)


def _district_and_its_city(best: Scored, place: Place, scored: list[Scored]) -> str | None:
    """A district written as such in one phrase ("in Ain Shams district") and a city the gazetteer knows well after
    "in" in a later phrase of the sentence, written with its province or country ("..., amid concerns about the
    virus, in Cairo, Egypt, July 7, 2020"), as Reuters writes a neighbourhood, then the city's dateline: the district
    is a part of that city. Whichever of the two
    phrases was chosen as the scene's, the city and its larger places are the scene's, and the district is
    returned as the unit below the city. Nothing when the city's phrase is "near" or a reference, or two such
    cities or two districts are named."""
    districts = [s.chain for s in scored if _a_district_alone(s.chain)]
    cities = [s.chain for s in scored if s.chain.prep == "in" and not (s.chain.near or s.chain.reference) and (
        s.chain.elements[0].level in ("place", "city")) and s.chain.elements[0].population >= SETTLEMENT_POPULATION
        and any(e.level in ("province", "country") for e in s.chain.elements[1:])]
    if len(districts) != 1 or len({c.elements[0].value.casefold() for c in cities}) != 1:
        return None
    district, city = districts[0], cities[0]
    if city.start < district.end or best.chain not in (district, city):
        return None
    if best.chain is district and not (place.province or place.country):
        found, _ = resolve(city)
        if found.city is None:
            return None
        place.city, place.province, place.country = found.city, found.province, found.country
    elif best.chain is district or place.city != city.elements[0].value:
        return None
    return district.elements[0].value


def _a_district_alone(chain: Chain) -> bool:
    """A phrase after "in" naming one district, written as such: "in Ain Shams district"."""
    elements = chain.elements
    return chain.prep == "in" and len(elements) == 1 and elements[0].level == "county" and (
        elements[0].value.casefold().endswith(" district"))


def _fill_province_of_a_later_phrase(best: Scored, place: Place, scored: list[Scored], text: str) -> None:
    """The province, and the country owning it, of a later phrase after "in" that names only a province (and
    its country), when the scene's phrase names a city or a county and no province: "fields in Congjiang County
    lie under snow in China's southwestern Guizhou Province" is Congjiang County, Guizhou, China. A city the
    gazetteer knows must lie in that province ("a man in Seattle talks of his home in Texas" gives no Texas); a
    name it does not know takes only a province it knows or one written as a country's ("China's ...").
    Nothing when two such phrases name two provinces, or the province lies in another country than the scene's;
    and the phrase must follow in the same clause, close by: "on the bridge in London, ..., marking the end of
    restrictions in England", "in London after restrictions ended in England" are background."""
    found = {}
    for other in scored:
        elements = other.chain.elements
        if other is best or other.chain.prep != "in" or other.chain.start < best.chain.end or (
                elements[0].level != "province" or any(e.level not in ("province", "country") for e in elements)):
            continue
        between = text[best.chain.end:other.chain.start]
        if len(between) > _SAME_CLAUSE_GAP or _CLAUSE_BREAK.search(between):
            continue
        found[elements[0].value.casefold()] = elements
    if len(found) != 1:
        return
    elements = next(iter(found.values()))
    province = elements[0]
    country = next((e.value for e in elements if e.level == "country"), None) or province.country
    code = name_levels(province.value).province
    city = name_levels(place.city)
    if city.city_population or city.province:
        if subdivision_holding(place.city, province.value) is None:
            return
    elif code is None and province.country is None:
        return
    if place.country and country and place.country.casefold() != country.casefold():
        return
    if place.country and code and (theirs := name_levels(place.country).country) and theirs != code[:2]:
        return
    place.province = province.value
    place.country = place.country or country


#: "the central Japan city", "the northern Iraq city of Mosul": a country's name modifying a kind of place.
#: ("the" first, its word boundary checked behind it: the engine then skips from one "the" to the next at once,
#: where a leading \b made it try every position.)
_COUNTRY_BEFORE_A_KIND = compiled(
    r"the(?<!\wthe)\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northeast|northwest|southeast|southwest)\s+)?"
    r"(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?:city|town|village|port|capital|prefecture|province|"
    r"state|region|island)\b")


def _country_modifying_a_kind(sentence: str, place: Place) -> str | None:
    """A country written as the modifier of a kind of place in the scene's sentence, when the scene's phrase
    names no country: "... in Ise, Mie Prefecture, on June 9, 2025, in rites ... at the shrine in the central
    Japan city" is in Japan. The scene's city and province must lie in that country where the gazetteer knows
    them; none when the sentence names two such countries."""
    if " the " not in sentence:
        return None
    one = _the_one_written_country(match.group("country") for match in _COUNTRY_BEFORE_A_KIND.finditer(sentence))
    if one is None:
        return None
    country, code = one
    city = name_levels(place.city) if place.city else None
    if city and city.city_population and city.city_country and city.city_country != code:
        return None
    province = name_levels(place.province).province if place.province else None
    if province and province[:2] != code:
        return None
    return country


def _the_one_written_country(names: Iterable[str]) -> tuple[str, str] | None:
    """The one country among names written in the caption (each classified by the place tables; the names that
    are no country left out) and its ISO code, as `_the_one_country`."""
    found = set()
    for name in names:
        level, value = classify(name)
        if level == "country":
            found.add(value)
    return _the_one_country(found)


def _the_one_country(found: set[str]) -> tuple[str, str] | None:
    """The one country named and its ISO code; None when none or several are named, or the gazetteer knows no
    code for it."""
    if len(found) != 1:
        return None
    country = next(iter(found))
    code = name_levels(country).country
    return (country, code) if code else None


def _country_of_the_town_near(best: Scored, place: Place, scored: list[Scored]) -> str | None:
    """The country of a town the scene is written as near, after the scene's own phrase names no country: "a
    park in Rozzano, near Milan, northern Italy" and "prayers in Arafat, near the holy city of Mecca, Saudi
    Arabia" are in Italy and Saudi Arabia (the town is a reference point, never the city). The near phrase must
    follow the scene's and name a town, then the country; none when a name of the scene's phrase is a city or a
    province the gazetteer places in another country, or when two near phrases name two countries."""
    found = set()
    for other in scored:
        elements = other.chain.elements
        if other is best or not other.chain.near or other.chain.start < best.chain.end or (
                len(elements) < 2 and not other.chain.reference) or elements[-1].level != "country":
            continue  # (a reference phrase keeps only the larger places: "north of Manila, Philippines")
        found.add(elements[-1].value)
    one = _the_one_country(found)
    if one is None:
        return None
    country, code = one
    for element in best.chain.elements:
        levels = name_levels(element.value)
        if element.population and levels.city_country and levels.city_country != code:
            return None
    if place.province and (province := name_levels(place.province).province) and province[:2] != code:
        return None
    return country


#: "county" in small letters after a comma or "in", before a capitalised name: "Clifden, county Galway".
_SMALL_COUNTY = compiled(r"(?:(?<=, )|(?<=\bin ))county(?= [A-Z])")
#: A hashtag's mark: before a letter, and not glued to a word before it ("Qu#Rva" is no tag, and no name of two words).
_HASHTAG = compiled(r"(?<![^\W_])#(?=[^\W\d_])")
_TAG_AFTER_A_NAME = compiled(r"(?<=[^\W_])([ \t]+)#(?=[^\W\d_])")


def _tag_break(match: re.Match) -> str:
    """A hashtag after a word: the mark becomes a break (";") unless the word before is a small one ("in")."""
    text, start = match.string, match.start()
    word = text[text.rfind(" ", 0, start) + 1:start]
    return match.group(1) + (" " if word.islower() else ";")

#: How a place phrase is opened, as the confidence gate weighs it (``confidence.place_kinds``).
_OPENERS = {"subject": "sentence subject", "object": "verb's object", "in": "in or at", "at": "in or at"}


def opened_by(prep: str) -> str:
    """What opened a place phrase, in the words of an evidence kind: the sentence's subject ("Baker Lake
    residents got ..."), a verb's object ("Tourists visit the Mogao Grottoes"), "in" or "at", or another
    preposition ("of", "near", "from", ...).

    >>> opened_by("subject"), opened_by("at"), opened_by("near")
    ('sentence subject', 'in or at', 'another preposition')
    """
    return _OPENERS.get(prep, "another preposition")


def _rivals(best: Scored, scored: list[Scored]) -> str:
    """Whether the sentence names places in another phrase beside the scene's: its place was then a choice
    ("Fans in Buenos Aires after their team beat France in Qatar"), not the only place named."""
    names = {e.value.casefold() for e in best.chain.elements}
    others = [s for s in scored if s is not best and not names & {e.value.casefold() for e in s.chain.elements}]
    return "other places named" if others else "only place named"


#: The words a sign, a banner or a T-shirt carries, quoted after "reading", "saying": "holds a sign reading 'Stop
#: the war in Gaza'" names no place of the photo.
_WORDS_WRITTEN = compiled(r"\b(?:reading|reads|read|saying|says|that say)[ \t]*[:,]?[ \t]*"
                            r"(?P<quote>[\"“'‘])[^\"“”'‘’\n]{1,160}[\"”'’]")


def _emptied_words(match: re.Match) -> str:
    """The quoted words of a sign emptied, their quotation marks and the verb before them kept."""
    written, at = match.group(), match.start("quote") - match.start()
    return written[:at + 1] + " " * (len(written) - at - 2) + written[-1]


#: A name's initials in brackets between the name and its kind word ("Cantonment Board Clifton (CBC) office"): the
#: kind closes the name across them. Only a kind in lower case: "(NPC) Tuesday" or "(FOCAC) Beijing" stay asides.
_INITIALS_INSIDE_A_NAME = compiled(r"(?P<name>(?:[A-Z][\w'’-]*[ \t]+){1,7})\((?P<initials>[A-Z]{2,8})\)"
                                   r"(?=[ \t]+(?P<kind>[a-z]+)\b)")


def _blank(match: re.Match) -> str:
    """The initials emptied, brackets and all, when they are the capitalised words' before them and a venue word
    follows: "Bombay Stock Exchange (BSE) building" is one name; "Commission on Elections (COMELEC) headquarters"
    keeps its aside (the initials are no words' before them)."""
    initials, name = match.group("initials"), match.group("name")
    words = name.split()[-len(initials):]
    if match.group("kind") not in VENUE_WORDS or len(words) < len(initials) or "".join(
            w[0] for w in words) != initials:
        return match.group()
    return name + " " * (len(match.group()) - len(name))


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


# --- where the scene is written, beside the sentences --------------------------------------------------------


@dataclass(frozen=True)
class PlaceReading:
    """The place of a caption, and where it was read (for `parse-caption --explain`)."""

    place: Place
    how: str  # "labelled line", "place heading", "scene sentence", "beside the date", ""
    written: str = ""  # the words it was read from
    doubts: tuple[Doubt, ...] = ()  # the scene sentence's values left out for weak evidence, and why
    found_by: tuple[tuple[str, str], ...] = ()  # (field, how) beyond `how`: the sublocation's phrase


#: "Location: Moscow, Russia", "Photo Location: New York, New York, United States": a labelled place line.
_LABELLED = compiled(r"^[ \t]*(?:[-•*][ \t]*)?(?:(?:photo[ \t]+)?(?:location|place)"
                       r"|(?:shot|taken|photographed)[ \t]+(?:at|in))[ \t]*:"  # "Shot At: Chowk Bazaar, Dhaka."
                       r"[ \t]*(?P<place>\S[^\n]{1,100})$", re.IGNORECASE | re.MULTILINE)
_NAME = (r"[A-Z\u00C0-\u024F][\w’'.\-]*"
         r"(?:[ \t]+(?:[A-Z\u00C0-\u024F][\w’'.\-]*|[a-z]{1,3}-[A-Z\u00C0-\u024F][\w’'.\-]*"
         r"|of|de|la|du|des|del|di|el|al|the|upon|on|-"
         # (the small words of towns' names in other languages, as place_names reads them: "Neuhaus an der
         # Pegnitz", "Strass im Zillertal", "Santiago de los Caballeros", "Ash Shunah ash Shamaliyah")
         r"|an[ \t]+der|an[ \t]+dem|im|der|den|los|las|en|sur|ash|da|dos|das|della|dei|degli))*"
         r"(?:[ \t]+(?:village|town|city|county|district|province|region|state|prefecture|commune|municipality"
         r"|township|governorate|oblast|country))?")


#: "Cannes, southern France, Tuesday May 14": a side of the country before a larger place's name.
_SIDE = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?east|north-?west|" \
        r"south-?east|south-?west|(?:north|south)-?(?:eastern|western))\s+)?"
_SIDE_WORD = compiled("^" + _SIDE.removesuffix("?"))
#: "China’s southwestern Guizhou Province": a country's possessive and a side before a larger place's name.
_OWNED = rf"(?:[A-Z][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){{0,2}}['’]s[ \t]+{_SIDE})?"

# The place-line patterns below are compiled on first use, not at import: their names' letter ranges take
# milliseconds to compile, which every process importing the parser would pay before reading any caption.


@cache
def _heading_line() -> re.Pattern:
    """A heading that is only a place ("Zaporizhzhia, Ukraine", "Berlin, Germany - 30.04.2019"), or a place and
    the year ("South Bend, Indiana, 1999")."""
    return compiled(rf"^[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]*"
                      r"(?:[-–—][^\n]*|,[ \t]*(?:1[89]|20)\d\d[ \t]*)?$")


@cache
def _opening() -> re.Pattern:
    """A caption that opens with a place ("Prayagraj: Worshippers ...", "JAPAN, Hiroshima - Japanese ...",
    "OSAKA,Japan--Some ...")."""
    return compiled(
        rf"^[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]*"
        r"(?:(?::|[ \t][-–—]{1,2})[ \t]+|[-–—]{2}[ \t]*)\S")


def _may_open_with_a_place(text: str) -> bool:
    """Whether the first line holds a colon or a dash, which every match of ``_opening`` does (its place and the
    mark after it are written with spaces, tabs and no line break): most captions are let by without the names'
    pattern tried."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    return any(text.find(mark, 0, end) >= 0 for mark in _OPENING_MARKS)


#: The marks of which ``_opening`` ends the place with one.
_OPENING_MARKS = (":", "-", "–", "—")


@cache
def _places_then_a_year() -> re.Pattern:
    """A line opened by a town and its country or province (or a country alone), then a year (maybe with its day and
    month), then a full stop or a colon: "BAFIA, CAMEROON, 2012. Villages ...", "SULAYMANIYAH, IRAQI KURDISTAN, 29th
    NOVEMBER 2014.", "Somalia, 2007: Children ..."."""
    return compiled(rf"^[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]*,[ \t]*"
                      r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?[ \t]+)?(?:1[89]|20)\d\d[ \t]*[.:](?:[ \t]|$)")


@cache
def _beside_date_line() -> re.Pattern:
    """Places written right before the photo's date with no preposition: "..., Istanbul, Türkiye, Oct. 14, 2023",
    "... smoke Casablanca, Morocco - Saturday 30 September 2017", "Denmark lost 0-1, Copenhagen, 12 June"."""
    return compiled(rf"(?:^|[,;:]\s+|\s[-–—]\s|\s|\()(?P<place>{_NAME}(?:\s*,\s*{_SIDE}{_OWNED}{_NAME}){{0,3}})"
                      r"\s*(?:,|;|\s[-–—])\s*(?:on\s+)?(?:\w+day,?\s+)?$")


def find_place(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
               anchor: tuple[int, int] | None, weights: PlaceWeights | None = None,
               venues: VenueRegister | None = None) -> PlaceReading:
    """Where the photo was taken: a labelled place line, a place heading, the scene sentence's place phrases,
    or the places written right before the photo's date, in that order of trust. `weights` weigh the scene
    sentence's phrases (``place_evidence.house_weights``; the shipped ones when None). With the venue register
    `venues`, a venue it holds written in the scene sentence may give the sublocation the phrases did not
    (``venue_spots.registered_english``).

    >>> text = "Paris, France\\nA woman joins a rally. A girl was killed at a protest in Gohardasht, Alborz province."
    >>> find_place(text, [(0, 13), (14, 36), (37, 98)], [(0, 13), (14, 98)], None).place
    Place(sublocation=None, city='Paris', province=None, country='France')
    """
    spans, paragraphs = _after_a_caption_label(text, spans, paragraphs)
    reading = _read_place(text, spans, paragraphs, anchor, weights)
    _district_of_hong_kong(reading.place)
    if reading.place.sublocation and (_no_site_named(reading.place.sublocation) or _a_commands_area(
            reading.place.sublocation, text) or " of " in reading.place.sublocation and _a_persons_place_written(
            reading.place.sublocation, text)):
        reading.place.sublocation = None
    if reading.place.sublocation and reading.place.city and (
            reading.place.sublocation.casefold() == reading.place.city.casefold()):
        reading.place.sublocation = None  # "Casabermeja, Spain ... in the village of Casabermeja": the town, once
    if reading.place.province and reading.place.country is None and "s " in text:
        reading.place.country = _country_owning(text, reading.place.province)
    if reading.place.city is None and reading.place.province is None and spans and "s " in text:
        _fill_the_owning_city(reading.place, text, spans, paragraphs)
    if reading.place.city is None and reading.place.province is None and reading.place.sublocation and (
            " of " in reading.place.sublocation):
        reading.place.city = _city_closing_its_venue(reading.place.sublocation, reading.place.country)
    if reading.place.sublocation is None and spans:
        headed = _past_a_date_line(text, paragraphs)  # "Sunday, April 29, 2007\n\nQuorva Harbour\n\nA yacht ..."
        titled = _title_venue(text, headed)  # "RAF Bomber Command Memorial\nPoppy Drop seen from the air."
        if titled is None:
            titled = _title_venue_after_its_preposition(text, headed)  # "Bear Cub at Quorva Zoo\n..."
        if titled is not None and not _no_site_named(titled):
            place = Place(titled, reading.place.city, reading.place.province, reading.place.country)
            found_by = dict(reading.found_by)
            found_by["sublocation"] = "a title"
            return PlaceReading(place, reading.how or "place heading", reading.written or titled, reading.doubts,
                                tuple(found_by.items()))
    if reading.place.sublocation or not spans:
        return reading
    scene = next((s for s in spans if s[0] <= anchor[0] < s[1]), None) if anchor else None
    span = scene or _first_body_sentence(text, spans, paragraphs)
    how = "the venue register"
    taken = registered_english(reading.place, text, span, venues, (weights or shipped_weights()).values) if (
        venues is not None) else None
    if taken is None:
        # a name with no venue word, after "at the" ending its clause ("pictured at the Quorvane today")
        how = "a lone name"
        if lone_english(reading.place, text, span) is None:
            # a site named by its own venue word, as an object or a subject ("to open the Quorva Bridge")
            how = "a named site"
            if named_site_english(reading.place, text, span, (weights or shipped_weights()).values) is None:
                # a large city's site named without a venue word ("moved to Quorvagrad's Fira Quorva")
                how = "a city's own site"
                if owned_site_english(reading.place, text, span) is None:
                    # a site named by its kind in small letters ("at the monument to the Quorvan Defenders")
                    how = "a named site"
                    if site_by_its_kind_english(reading.place, text, span) is None:
                        # a venue of any sentence, weighed ("The Quorva Pier: ... the so-called Quorva Pier")
                        how = "a venue named again"
                        apart = _a_venue_named_again(reading.place, text, spans, (weights or shipped_weights()).values)
                        if apart is None:
                            return reading
                        span = apart  # (the sentence the venue was read in, for --explain)
    found_by = dict(reading.found_by)
    found_by["sublocation"] = how
    return PlaceReading(reading.place, reading.how or "scene sentence", reading.written or text[span[0]:span[1]],
                        reading.doubts, tuple(found_by.items()))



def _a_venue_named_again(place: Place, text: str, spans: list[tuple[int, int]],
                         values: Mapping[str, float]) -> tuple[int, int] | None:
    """Fill `place` (in place) with the venue of a place phrase of any sentence, when nothing else read a
    sublocation and its signals (``venue_*`` in ``[value_scores]``) reach the threshold: the name written again in
    the caption, the name heading a line of its own, nothing placed but it. "Ana Lima: The Quorva Pier\n\nThese old
    timbers have stood for a century. The so-called Quorva Pier (Marrovian: Molo) was built by fishermen.": the
    pier; "This morning.\n\nQuorva Airport.\n\nThe royal couple land ...": the airport. The first of the
    best-scored venues is taken, as written. Returns the span of the sentence it was read in, or None."""
    placed = bool(place.city or place.province or place.country)
    again, own = max(values["venue_named_again"], 0.0), max(values["venue_own_line"], 0.0)
    base = values["venue_elsewhere"] + (max(values["venue_nothing_placed"], 0.0) if not placed else 0.0)
    if base + again + own < values["threshold"]:
        return None  # (the cheap test first: no venue of the caption could reach the threshold)
    # Where only a venue written twice or heading a line of its own could reach it: every venue read is a name (a
    # capital or a digit in it), so only a sentence holding such a word written twice, or a short line of its own,
    # need be read (its chains cost 4% of an English pass); a line is told by a few string tests, so it is asked first.
    threshold = values["threshold"]
    needs_a_line = base + again < threshold  # (written again alone cannot reach it)
    needs_twice = base + own < threshold  # (a line of its own alone cannot reach it)
    twice: list[str] | None = None
    chosen: tuple[str, tuple[int, int]] | None = None
    top = threshold
    for start, end in spans:
        alone = None
        if base < threshold:
            alone = bool(own) and _a_title_line(text, (start, end))
            if needs_a_line and not alone:
                continue
            if needs_twice or not alone:
                if twice is None:
                    twice = _marked_words_twice(text)
                if not any(word in text[start:end] for word in twice):
                    continue
        for chain in read_chains(tokens(text, start, end)):
            for element in chain.venues:
                score = values["venue_elsewhere"]
                if text.count(element.value) > 1:
                    score += values["venue_named_again"]
                if own and _headed_by_its_venue(element, chain) and (
                        alone if alone is not None else _a_title_line(text, (start, end))):
                    score += values["venue_own_line"]
                if not placed:
                    score += values["venue_nothing_placed"]
                if score >= top and (chosen is None or score > top):
                    chosen, top = (element.value, (start, end)), score
    if chosen is None:
        return None
    place.sublocation = chosen[0]
    return chosen[1]


def _a_title_line(text: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence is a line of its own of a title's few words ("Quorva Airport.", "RAF Quorva Memorial",
    "Bridge at Quorva Shrine"): a line a blog or a gallery heads a picture with, or sets apart below a dated one."""
    start, end = sentence
    if end - start > _TITLE_CHARACTERS or _LINE_CLOSES.match(text, end) is None:
        return False  # (the cheap tests first: most sentences are long, or run on along their line)
    return not text[text.rfind("\n", 0, start) + 1:start].strip() and len(text[start:end].split()) <= _TITLE_WORDS


#: Nothing but spaces after a sentence, to its line's end.
_LINE_CLOSES = compiled(r"[ \t\r]*(?:\n|\Z)")


def _headed_by_its_venue(element: Element, chain: Chain) -> bool:
    """Whether a venue is named by its own kind, a capitalised venue word closing it ("Quorva Airport", "Old
    Jetty"), as a title's subject or after a preposition of place: not a body's name ("Norwegian Coast Guard",
    "Ministry for Culture"), a name in capitals, a member's or an owner's place after "of", a landmark "near", a
    kind of place with no name ("Train Station", ``place_evidence.names_a_kind_only``)."""
    words = element.value.split()
    return (words[-1][:1].isupper() and words[-1].casefold() in VENUE_WORDS and not element.value.isupper()
            and chain.prep != "of" and not chain.near and venue_is_scene(chain) and not chain.of_a_member
            and not names_a_kind_only(words, VENUE_WORDS))


def _a_persons_place_written(venue: str, text: str) -> bool:
    """Whether a sublocation, whichever reader gave it, is "<a person's name> of <their place>" (``place_chains.
    a_persons_place``) written as a person's name is, with no "the" or preposition before it: "Meet Ana Quorvik of
    Lindt, Quorva." is hers; "in the Sala Quorva of the Lindt Palace" names a room."""
    at = text.find(venue)
    if at < 0 or not a_persons_place(venue):
        return False
    before = text[max(0, at - 12):at].split()
    return not before or before[-1].casefold() != "the" and before[-1].casefold() not in PREPOSITIONS


def _marked_words_twice(text: str) -> list[str]:
    """The words of `text` that are not all small letters ("Quorva", "39") and are written twice, counted as
    `text.count` counts a venue written again (inside a longer word too)."""
    return [word for word in set(_WORD.findall(text)) if not word.islower() and text.count(word) > 1]


_WORD = re.compile(r"\w+")


def _fill_the_owning_city(place: Place, text: str, spans: list[tuple[int, int]],
                          paragraphs: list[tuple[int, int]]) -> None:
    """The city, when no phrase placed one, of a large city the gazetteer knows written as the owner of a thing in
    the title or the body's first sentence, opening it or after a preposition of place ("Mostar's rebuilt bridge
    at dusk", "May Day events at Moscow's landmark sites"): its thing is the photo's. Its country must be the one
    written, if any; a country, a province (unless of a city of a million), a team's match ("Liverpool's win") or
    a thing written in capitals ("Barcelona's Lionel Messi") give none, nor do two such cities."""
    found = set()
    for start, end in dict.fromkeys((spans[0], _first_body_sentence(text, spans, paragraphs))):
        if text.find("'s", start, end) < 0 and text.find("’s", start, end) < 0:
            continue  # (every match holds "'s" or "’s": a sentence without either is not scanned)
        for match in _OWNER_OF_THE_SCENE.finditer(text, start, end):
            if match.group("prep") is None and match.start() > start + _OPENING_MARK:
                continue
            words = [w.strip(",.;:").casefold() for w in text[match.end():match.end() + 40].split()[:3]]
            if any(names_a_team(word) or word in _A_MATCHS_WORDS for word in words):
                continue
            levels = name_levels(match.group("owner"))
            if levels.country or levels.city_population < (DISTRICT_CITY if levels.province else _OWNING_CITY) and (
                    not _a_towns_own_sight(levels, words, place.country)):
                continue  # (a province of a great city's name is the city's: "Moscow's", "Dhaka's")
            if place.country is not None and name_levels(place.country).country != levels.city_country:
                continue
            found.add(match.group("owner"))
    if len(found) == 1:
        place.city = found.pop()


def _city_closing_its_venue(venue: str, country: str | None) -> str | None:
    """The city named after "of" closing the venue read, when nothing else placed a town: a venue's word, "of" and
    a city the gazetteer knows of at least ``_VENUES_CITY`` people, the whole the venue's name ("the University of
    Quorvagrad", "the Royal Palace of Quorvagrad": the venue stands in that city, as "Quorvagrad's Royal Palace"
    does). Not a name that is also a country's or a province's ("the University of Washington" stands in Seattle),
    a saint's ("the Church of San Francisco" stands in many towns), a city of another country than the one written,
    nor a venue word in capitals alone ("MUSEUM OF X").

    >>> _city_closing_its_venue("University of Regina", None), _city_closing_its_venue("Church of San Jose", None)
    ('Regina', None)
    """
    match = _VENUE_OF_A_CITY.search(venue)
    if match is None or match.group("word").casefold() not in VENUE_WORDS:
        return None
    city = match.group("city")
    if city.split()[0].casefold().rstrip(".") in _SAINTS_AND_OPENERS:
        return None
    levels = name_levels(city)
    if levels.country or levels.province or levels.city_population < _VENUES_CITY:
        return None
    if country is not None and name_levels(country).country != levels.city_country:
        return None
    return city


#: A venue's word, "of" and a capitalised name closing the venue's name: "University of Quorvagrad".
_VENUE_OF_A_CITY = compiled(r"\b(?P<word>[A-Z][a-z]+)\s+of\s+(?:the\s+)?"
                            r"(?P<city>[A-Z][a-z\u00DF-\u024F'’\-]+(?:\s+[A-Z][a-z\u00DF-\u024F'’\-]+){0,2})$")
#: Words opening a saint's name or a town's own name after "of": "Church of San Jose", "Cathedral of St. Paul".
_SAINTS_AND_OPENERS = frozenset({"san", "santa", "santo", "são", "sao", "saint", "st", "ste", "sainte", "our", "new"})
#: The fewest people of a city closing a venue's name, for it to be the scene's town.
_VENUES_CITY = 50_000


#: A large city's possessive opening a sentence or after a preposition of place, before a thing in lower case.
_OWNER_OF_THE_SCENE = compiled(r"(?:(?<![\w.])|(?P<prep>\b(?:in|at|around|across|along|through|from)[ \t]+))"
                               r"(?P<owner>[A-Z][a-z\u00DF-\u024F\-]+(?:(?<=-)[A-Z][a-z\u00DF-\u024F\-]+)?"
                               r"(?:[ \t]+[A-Z][a-z\u00DF-\u024F\-]+){0,2})"
                               r"['’]s[ \t]+(?=[a-z])")
#: How far into its sentence an owner without a preposition may stand and still open it (a list mark, "d) ").
_OPENING_MARK = 4
#: The fewest people of a city written as an owner, for it to be the scene's when no phrase placed one.
_OWNING_CITY = 100_000
#: What only a town owns, as the first word after its possessive: "Lamjung's historical pond", "Khovu-Aksy's
#: landmark sites", "Quorva's old town". A smaller town than ``_OWNING_CITY`` (or one only GeoNames holds) owns the
#: scene before one of these; people, teams and days own other things ("Rasa's neighbourhood", "Tora's main
#: square", "Arsenal's manager", "Jupiter's moon"), so none of the shared words ("main", "famous") is here.
_A_TOWNS_OWN_SIGHTS = frozenset({"landmark", "landmarks", "historic", "historical", "streets", "skyline",
                                 "waterfront", "seafront", "outskirts", "suburbs", "downtown", "old"})


def _a_towns_own_sight(levels: NameLevels, words: list[str], country: str | None) -> bool:
    """Whether a smaller town's possessive owns a town's own sight (`words`: the first three words after it, in
    small letters): "Lamjung's historical Nag Pokhari", "at Khovu-Aksy's landmark sites". Only where no country
    is written, or the town's city-table country is the one written (a GeoNames town has none to check)."""
    if not words or words[0] not in _A_TOWNS_OWN_SIGHTS or not (levels.city_population or levels.town_population):
        return False
    return levels.province is None and (country is None or levels.city_country is not None)

#: Adjectives of a continent's or a region's peoples, read like a nation's ("a European module", "an African
#: village"): none names a place of its own.
_PEOPLES_OF_A_REGION = frozenset({"european", "african", "asian", "arab", "scandinavian", "nordic", "balkan"})


def _a_peoples_kind_of_place(venue: str) -> bool:
    """Whether a sublocation is only a people's adjective, or one before words written in lower case: "Portuguese
    street" (a street of Portugal's kind, unnamed), "European" (cut from "the European Columbus module"). Such
    words say whose or what kind of place, never which; a name after the adjective keeps it ("Russian Embassy",
    "Danish Fort", "Greek island of Lesbos"), and so does a nation's own seat ("the Cuban embassy").

    >>> _a_peoples_kind_of_place("Portuguese street"), _a_peoples_kind_of_place("Danish Fort")
    (True, False)
    >>> _a_peoples_kind_of_place("Cuban embassy")
    False
    """
    words = venue.split()
    first = words[0]
    return (is_demonym(first) or first.casefold() in _PEOPLES_OF_A_REGION or first.casefold() in _SHORT_NATION_NAMES
            ) and first[:1].isupper() and all(w.islower() for w in words[1:]) and not any(
        w in _A_NATIONS_OWN for w in words[1:])


#: A nation's seats abroad and at home, one of each to a city or a show: "the Venezuelan embassy in Guatemala City",
#: "Serbian parliament building", "the French pavilion" at an expo name the one site, as "Portuguese street" does not.
_A_NATIONS_OWN = frozenset({"embassy", "consulate", "parliament", "pavilion"})


#: Nations' short names that are also their adjectives, left out of the demonyms table because they name the
#: country too ("in Saudi", catalog/rules/demonyms.toml): before words in lower case ("the north-western Saudi city
#: of Quorva") they say whose kind of place, never which.
_SHORT_NATION_NAMES = frozenset({"saudi", "czech", "lao", "slovak", "kyrgyz"})


#: "Road from Quorva", "ROAD FROM X", "the track to Y": a way named by where it leads, written in any case.
_A_WAY_BY_ITS_ENDS = compiled(r"^(?:the\s+)?(?:[A-Za-z]+\s+)?(?:road|track|trail|path|route|highway|way)\s+"
                              r"(?:from|to|towards)\s", re.IGNORECASE)


def _no_site_named(venue: str) -> bool:
    """Whether a sublocation read names no site: a people's kind of place ("Portuguese street"), or a way named
    only by a town it leads from or to ("ROAD FROM QUORVA": the road out of the town, which is no venue).

    >>> _no_site_named("Road from Quorva"), _no_site_named("Quorva Road")
    (True, False)
    """
    return _a_peoples_kind_of_place(venue) or bool(_A_WAY_BY_ITS_ENDS.match(venue)) or _a_circle_of_latitude(venue)


def _a_circle_of_latitude(venue: str) -> bool:
    """Whether a sublocation is a circle of latitude ("above the Arctic Circle in Finnmark"): a line on the map,
    not a site, though "circle" names one ("Kwame Nkrumah Circle", "Dupont Circle", a roundabout or a square).

    >>> _a_circle_of_latitude("Arctic Circle"), _a_circle_of_latitude("Quorva Circle")
    (True, False)
    """
    return venue.casefold().removeprefix("the ") in _CIRCLES_OF_LATITUDE


#: The circles of latitude that captions name: lines on the map, never the scene's site.
_CIRCLES_OF_LATITUDE = frozenset({"arctic circle", "antarctic circle", "polar circle"})


def _a_commands_area(venue: str, text: str) -> bool:
    """Whether a sublocation is a military command's area, written before "of operations" or "of responsibility"
    ("in the U.S. 5th Fleet area of operations"): the waters or lands a command answers for, no site.

    >>> _a_commands_area("U.S. Quorva Command area", "Marines train in the U.S. Quorva Command area of operations.")
    True
    """
    return venue.endswith(" area") and re.search(
        re.escape(venue) + r"\s+of\s+(?:operations?|responsibility)\b", text, re.IGNORECASE) is not None


def _after_a_caption_label(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]]
                           ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentences and paragraphs after a "Caption:" label, in a labelled-field layout ("Faculty researcher:
    ...\nResearch Focus: ...\nCaption: One of the last first editions ... is kept in New York City", "Headline:
    ...\n\nCaption:\n\nA demonstrator holds a sign ..."): the caption is what the label opens, the fields
    above it describe the picture's page. All of them when there is no such label or nothing follows it."""
    if "aption" not in text:
        return spans, paragraphs
    label = _CAPTION_LABEL.search(text)
    if label is None:
        return spans, paragraphs
    at = label.end()
    kept = [(max(a, at), b) for a, b in spans if b > at and text[max(a, at):b].strip()]
    if not kept:
        return spans, paragraphs
    return kept, [(max(a, at), b) for a, b in paragraphs if b > at and text[max(a, at):b].strip()]


#: A "Caption:" label opening a line, the caption after it.
_CAPTION_LABEL = compiled(r"^[ \t]*Caption[ \t]*:[ \t]*", re.MULTILINE | re.IGNORECASE)


def _country_owning(text: str, province: str) -> str | None:
    """The country written as the owner of the scene's province anywhere in the caption, when the scene's own
    phrase names none: "... camel riders in China's north-western Gansu province. ... heading for the oasis town
    of Dunhuang, in Gansu" is in China, as the labelling contract reads "east China's Anhui Province". One
    country only, and one the gazetteer places the province in when it knows the province."""
    owners = _owning().finditer(text) if "'s" in text or "’s" in text else ()  # (every match holds one)
    one = _the_one_written_country(match.group("owner") for match in owners
                                   if match.group("place").casefold() == province.casefold())
    if one is None:
        return None
    country, code = one
    known = name_levels(province).province
    return country if known is None or known.partition("-")[0] == code else None


@cache
def _owning() -> re.Pattern:
    """"China's north-western Gansu province", "Ukraine’s Kharkiv region": a country's possessive, a side, a name."""
    return compiled(rf"(?P<owner>[A-Z][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){{0,2}})['’]s[ \t]+{_SIDE}"
                      r"(?P<place>[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}?)(?=[ \t]+(?:[Pp]rovince|[Rr]egion|"
                      r"[Ss]tate|[Pp]refecture|[Gg]overnorate|[Oo]blast|Autonomous)\b|[ \t]*[,.;)]|$)")


def _district_of_hong_kong(place: Place) -> None:
    """A district of Hong Kong read as the city ("protesters in Sham Shui Po", "in Yuen Long on Sunday"): the
    city is Hong Kong and the district the sublocation, as the labelling contract asks, when the gazetteer's
    city of that name lies in Hong Kong and the name is no province's or country's too ("Victoria" is)."""
    if place.city is None or place.city.casefold() in CITY_STATES or place.province or place.country not in (
            None, "Hong Kong", "China"):
        return
    known = name_levels(place.city)
    if known.city_country == "HK" and not (known.province or known.country):
        place.sublocation = place.sublocation or place.city
        place.city = "Hong Kong"


def _title_venue(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """A title line above the caption that is one venue's name and nothing else ("Sennen Harbour", "St John's
    Co-Cathedral"), as photo blogs and galleries head a picture: the sublocation when the caption's sentences name
    none and write a word of its name or its kind again ("Sennen Harbour" above "the little harbour at Sennen
    Cove", "St John's Co-Cathedral" above "one of Malta's best-known cathedrals"). A title of more words than a
    name, ending in a stop, or whose name and kind the caption never writes again, is none: such a title is as
    often a phrase, and the caption's own words are the better evidence of the site pictured."""
    if len(paragraphs) < 2:
        return None
    start, end = paragraphs[0]
    line = _title_month().sub("", text[start:end].strip())  # "Tsu Lake, February": the venue, then when
    if not line or line[-1] in ".!?:;" or len(line.split()) > _TITLE_WORDS:
        return None
    toks = tokens(line, 0, len(line))
    first = 1 if toks and toks[0].lower == "the" else 0
    name_end = read_name(toks, first)
    if name_end is not None and name_end < len(toks) and names_a_saint(toks, first, name_end):
        name_end = read_name(toks, name_end)  # "St John's Co-Cathedral": the saint's, one name
    if name_end != len(toks):
        return None
    name = line[toks[first].start:]
    level, value = classify(name, saw_the=bool(first))
    # closed by its venue word: not "Royal House Cleaning", "The Belt and Road Initiative"
    if level != "venue" or toks[-1].lower not in VENUE_WORDS:
        return None
    # and named again below it: a blog's title is as often a phrase ("Silent Spring", "The Secret Garden") as the
    # site pictured, which the caption then writes again ("Sennen Harbour" above "the harbour at Sennen Cove")
    body = text[paragraphs[1][0]:]
    own = [t.text for t in toks[first:-1] if len(t.text) > 2 and t.lower not in VENUE_WORDS and t.text[:1].isupper()]
    if any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", body) for word in own):
        return value
    # or by its kind: "St John's Co-Cathedral" above "The nave of one of Malta's best-known cathedrals"
    head = toks[-1].lower.rsplit("-", 1)[-1]
    return value if re.search(rf"(?<!\w){re.escape(head)}(?:s|es)?(?!\w)", body, re.IGNORECASE) else None


def _title_venue_after_its_preposition(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """A title line above the caption that closes with "at", "in" or "on" and one venue's name ("Polar Bear Cub at
    Quorva Zoo", "Evening on Marrowby Pier"): the sublocation when the caption's sentences name none and write a
    word of its name or its kind again ("... the new cub at the zoo in Munich"), as ``_title_venue`` takes a title
    that is the venue's name alone. The venue is read as the title's name alone would be: closed by its venue word."""
    if len(paragraphs) < 2:
        return None
    start, end = paragraphs[0]
    line = text[start:end].strip()
    if " " not in line or line[-1:] in ".!?:;":
        return None
    found = _TITLE_PREPOSITION.search(line)
    if found is None or len(line.split()) > _TITLE_WORDS + 4:
        return None
    venue = found.group("venue")
    words = venue.split()
    if len(words) > _TITLE_WORDS or words[-1].casefold() not in VENUE_WORDS:
        return None  # (the cheap tests first: the venue must close with its venue word, as _title_venue asks)
    return _title_venue(venue + "\n" + text[paragraphs[1][0]:], [(0, len(venue)), (len(venue) + 1, len(venue) + 1)])


#: The preposition before the venue closing a title line, and the venue's words after it (with "the").
_TITLE_PREPOSITION = compiled(r"(?<=\S)[ \t]+(?:at|in|on)[ \t]+(?P<venue>(?:[Tt]he[ \t]+)?[A-Z][^\n.!?:;,]*?)[ \t]*$")


def _past_a_date_line(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The caption's paragraphs after a first one that is a date alone, as a blog heads each post ("Sunday, April
    29, 2007" above "Isangel Harbour" above the text): the title is the paragraph after the date."""
    if len(paragraphs) > 2 and _date_line().fullmatch(text, *paragraphs[0]):
        return paragraphs[1:]
    return paragraphs


@cache
def _date_line() -> re.Pattern:
    """A full date alone on its line, its weekday first or not: "Sunday, April 29, 2007", "29 April 2007"."""
    months = "|".join(re.escape(name) for names in MONTHS.values() for name in names)
    weekdays = "|".join(re.escape(day) for day in WEEKDAYS)
    return compiled(rf"[ \t]*(?:(?:{weekdays}),?[ \t]+)?(?:(?:{months})[ \t]+\d{{1,2}},?|\d{{1,2}}[ \t]+(?:{months}),?)"
                    rf"[ \t]+(?:1[89]|20)\d\d[ \t]*")


@cache
def _title_month() -> re.Pattern:
    """A month or a year closing a title after a comma: "Tsu Lake, February", "Sennen Harbour, May 2019"."""
    months = "|".join(re.escape(name) for names in MONTHS.values() for name in names)
    return compiled(rf"[ \t]*,[ \t]*(?:(?:{months})(?:[ \t]+(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\d)[ \t]*$")


#: The most words a title naming a venue alone may have.
_TITLE_WORDS = 6


def _read_place(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
                anchor: tuple[int, int] | None, weights: PlaceWeights | None) -> PlaceReading:
    """find_place without the venue register."""
    doubts: list[Doubt] = []
    by: dict[str, str] = {}
    scene, scene_span = _scene_place(text, spans, paragraphs, anchor, doubts, weights, by)
    if scene.city and not scene.sublocation and scene_span:
        _fill_the_pictured_things_venue(scene, text, scene_span, spans, weights, by)
    for how, found in (("labelled line", _labelled_place(text)), ("place heading", _heading_place(text))):
        if found is not None:
            place, written = found
            if how == "place heading" and _elsewhere_in_the_country(scene, place):
                scene.country = scene.country or place.country
                return PlaceReading(scene, "scene sentence", text[scene_span[0]:scene_span[1]] if scene_span else "",
                                    tuple(doubts), tuple(by.items()))
            if _agrees(scene, place) and not _venue_of_another_town(by, place):
                _fill_from(place, scene)
            elif by.get("sublocation") == "the scene's phrase" and _within(scene, place):
                place.sublocation = place.sublocation or scene.sublocation
            if how == "place heading" and scene == Place() and place.sublocation is None and scene_span and (
                    written in text[scene_span[0]:scene_span[1]]):
                _fill_the_headed_bodys_venue(place, text, scene_span, spans, weights)
            return PlaceReading(place, how, written)
    def apart_readings() -> Iterator[tuple[str, tuple[Place, str] | None]]:  # read only when wanted
        yield "beside the date", _beside_date(text, anchor) if anchor else _beside_a_day(text)
        yield "end of the sentence", _ending_sentence(text, scene_span)
        yield "place set apart at a line's end", _set_apart(text)
        yield "a sentence of places", _places_alone(text, spans)

    if scene.city or scene.province or scene.country:
        if anchor is not None and (scene.country is None or scene.province is None):
            # the places beside the date may corroborate the scene's and fill its empty levels: "... smoke
            # Casablanca, Morocco - Saturday 30 September 2017 ... jets trail white smoke over Casablanca"
            beside = _beside_date(text, anchor)
            if beside is not None and _corroborates(scene, beside[0]):
                _fill_from(scene, beside[0])
            elif beside is not None and _the_country_of_its_city(scene, beside[0]):
                scene.country = beside[0].country  # "... in Colombo. Sri Lanka, May 2023."
        if scene_span and scene.city is None:
            # "... in rural Crete, a villager picks apples, on 13th April 1979, Lasithi Plateau, Crete, Greece.": the
            # places closing the scene sentence name the scene's own province again, and give the levels it left out
            ending = _ending_sentence(text, scene_span)
            if ending is not None and _corroborates(scene, ending[0]):
                _fill_from(scene, ending[0])
        named = scene.city or scene.province
        if (scene.country is None or scene.province is None) and named and text.count(named) > 1:
            # (the places written apart must name the scene's city again, or its province: a cheap test first)
            _fill_from_places_apart(scene, text, spans)
            if (scene.country is None or scene.province is None) and scene.city and scene_span:
                _fill_from_a_title(scene, text, paragraphs, scene_span)
        return PlaceReading(scene, "scene sentence", text[scene_span[0]:scene_span[1]] if scene_span else "",
                            tuple(doubts), tuple(by.items()))
    for how, apart in apart_readings():
        if apart is not None:
            place, written = apart
            place.sublocation = place.sublocation or scene.sublocation
            if place.sublocation is None and how == "beside the date" and anchor is not None:
                place.sublocation = _venue_sentence_after(text, spans, anchor)
                if place.sublocation is None and scene == Place() and scene_span and (
                        written in text[scene_span[0]:scene_span[1]]):
                    _fill_the_headed_bodys_venue(place, text, scene_span, spans, weights)
            return PlaceReading(place, how, written, tuple(d for d in doubts if getattr(place, d.field) is None))
    for start, end in _headline_lines(text, spans, paragraphs):
        # "Poor masses at the popular Ganaja junction, Lokoja" above a body that places nothing: the title line
        # names the photo's place, as the body's first sentence would have
        tried: list[Doubt] = []
        headed = find_places(text, (start, end), None, tried, weights, _emptied_dict(by))
        if by.get("scene opened by") == "sentence subject" and not (headed.sublocation and headed.city):
            # a line of places alone ("Paris, NS") is a place heading, read as such (_heading_place); a title that
            # names a venue, then its town ("Quorva Library in Hue"), is read here as a body's first sentence is
            continue
        if headed.province or headed.country or headed.city and (
                _a_town_on_the_map(headed.city) or headed.sublocation):
            # (a name read as a town by its shape alone is as often an event's: "Wrestling in Nadam"; not after a
            # named venue, whose town it is: "Quorva Library in Ephesus")
            headed.sublocation = headed.sublocation or scene.sublocation
            return PlaceReading(headed, "headline line", text[start:end], tuple(tried), tuple(by.items()))
    if not (scene.city or scene.province or scene.country):
        opening = _a_city_opening_the_caption(text)
        if opening is not None:  # "Vevey, Fête des Vignerons, le 28 juin 2019.": the caption's first word, its town
            return PlaceReading(Place(sublocation=scene.sublocation, city=opening), "place heading", opening,
                                tuple(d for d in doubts if d.field != "city"), tuple(by.items()))
    if scene == Place() and spans:
        later = _a_later_sentence_placing_a_town(text, spans, paragraphs, weights, by)
        if later is not None:
            return later
        if scene_span:
            # "Observances are taking place around the country. These pictures show scenes from the Quorva
            # Temple, where ...": no sentence places a town, and the sentence on the pictured names its venue
            _fill_the_pictured_things_venue(scene, text, scene_span, spans, weights, by)
    return PlaceReading(scene, "scene sentence" if scene != Place() else "", "", tuple(doubts), tuple(by.items()))


def _a_city_opening_the_caption(text: str) -> str | None:
    """The city a caption opens with, set off by a comma, when no sentence places the scene: "Vevey, Fête des
    Vignerons, le 28 juin 2019.", "Genève, Charles Pictet de Rochemont (1755-1824).", "Dubai, the most famous
    Emirate": a gallery's or a blog's heading names the town first, then what is pictured there. Only a city the
    gazetteer knows with this many people (a name no table knows opening a caption is a person's or a thing's as
    often); not before a place, which makes a place heading ("Paris, NS": read or refused as one by
    _heading_place), nor before "a"/"an", an age, "who" or a place in the picture ("Marica, a housewife, stops for a
    portrait", "Florence, 34, ...", "Victoria, left, ...": a person named like a town) nor before a list of names
    ("Sun, Moon and telescopes")."""
    match = _CITY_OPENING.match(text)
    if match is None or _A_LIST_AFTER.match(text, match.end()):
        return None
    after = _NAME_AFTER.match(text, match.end())
    if after is not None and (after.group().isupper() or _is_known(after.group())):
        return None  # "Paris, NS", "Kumasi, Ghana": a place heading, read (or refused) as one by _heading_place
    name = match.group("name")
    return name if name_levels(name).city_population >= _OPENING_CITY else None


#: One to three capitalised words opening the caption, then a comma and none of a person's words after it.
_CITY_OPENING = compiled(r"\s*(?P<name>[A-Z\u00C0-\u024F][\w’'\-]*(?:[ \t]+[A-Z\u00C0-\u024F][\w’'\-]*){0,2}),[ \t]+"
                         r"(?!(?:a|an|who|whose|aged|left|right|centre|center)\b|\d)")
#: "Sun, Moon and telescopes": a name, then "and" or a comma: a list of names, not a town and its sight.
_A_LIST_AFTER = compiled(r"[A-Z\u00C0-\u024F][\w’'\-]*(?:,|\s+(?:and|&)\s)")
#: The capitalised words after the opening city's comma ("NS" in "Paris, NS"), up to a space before a small word.
_NAME_AFTER = compiled(r"[A-Z\u00C0-\u024F][\w.’'\-]*(?:[ \t]+[A-Z\u00C0-\u024F][\w.’'\-]*)*")
#: The fewest people of a city opening the caption, to be read as its heading's town.
_OPENING_CITY = 15_000


def _a_later_sentence_placing_a_town(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
                                     weights: PlaceWeights | None, by: dict[str, str]) -> PlaceReading | None:
    """The place of a later sentence of the body, when the caption dates nothing and no sentence read before
    places anything: the first that names a town with its province or country ("Pictured: The village in flood
    waters. Despite the water, villagers keep ... These villagers in Sariakandi, on the outskirts of Bogra,
    Bangladesh, have been hit ..."). A town placed so is the scene far more often than background, when nothing
    else in the caption is placed."""
    first = _first_body_sentence(text, spans, paragraphs)
    for span in [s for s in spans if s[0] > first[0]][1:_LATER_SENTENCES + 1]:
        tried: list[Doubt] = []
        found = find_places(text, span, None, tried, weights, _emptied_dict(by))
        if found.city and (found.province or found.country):
            return PlaceReading(found, "scene sentence", text[span[0]:span[1]], tuple(tried), tuple(by.items()))
    return None


#: How many sentences after the two read first are read for a town placed with its province or country.
_LATER_SENTENCES = 3


def _headline_lines(text: str, spans: list[tuple[int, int]],
                    paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The short lines above the body that ``_first_body_sentence`` passes over as headlines, in order."""
    lines: list[tuple[int, int]] = []
    for start, end in paragraphs[:-1]:
        line = text[start:end].strip()
        if len(line) > 90 or line[-1:] in ".!?”\"" or len(line.split()) > 14:
            break
        if not any(s[0] >= end for s in spans):
            break
        lines.append((start, end))
    return lines


def _fill_from_places_apart(scene: Place, text: str, spans: list[tuple[int, int]]) -> None:
    """The province and the country of a sentence of places or a place set apart at a line's end, when it names
    the scene's city (or, with no city, its province) and contradicts it at no level: "Leiden, Netherlands. 9th of
    March: Hundreds of people march through Leiden at night" is in the Netherlands. Only the larger levels are
    filled: the scene's own phrase keeps its venue."""
    alone = any(end - start <= _PLACES_SENTENCE and "," in text[start:end] for start, end in spans)
    for found in (_places_alone(text, spans) if alone else None, _set_apart(text)):
        if found is not None and _corroborates(scene, found[0]):
            scene.province = scene.province or found[0].province
            scene.country = scene.country or found[0].country
            if scene.country is not None and scene.province is not None:
                return


#: The longest sentence of places read to fill the scene's larger places (a town and its country, or three).
_PLACES_SENTENCE = 80


def _fill_from_a_title(scene: Place, text: str, paragraphs: list[tuple[int, int]],
                      scene_span: tuple[int, int]) -> None:
    """The province and the country of a title line above the scene that places the scene's own city: "Night
    life in Erbil, Kurdistan" above "A family out for the evening in the Kurdish city of Erbil" is Kurdistan.
    Only a short line before the scene's paragraph, and only when it contradicts the scene at no level."""
    for start, end in paragraphs[:2]:
        if start >= scene_span[0] or end - start > _TITLE_CHARACTERS:
            return
        if "," not in text[start:end]:
            continue  # ("in Erbil, Kurdistan": the larger place after a comma)
        for chain in read_chains(tokens(text, start, end)):
            place = resolve(chain)[0]
            if place.city and scene.city and place.city.casefold() == scene.city.casefold() and _corroborates(
                    scene, place):
                scene.province = scene.province or place.province
                scene.country = scene.country or place.country
                return


#: The longest title line read for the scene's larger places.
_TITLE_CHARACTERS = 120


def _agrees(scene: Place, place: Place) -> bool:
    """The scene sentence's places may join a heading's when they name no other city, and no country other
    than the one the heading's province or city lies in ("South Bend, Indiana, 1999" above a sentence about a
    school in Namibia: the heading stands alone)."""
    if scene.city is not None and place.city is not None and scene.city.casefold() != place.city.casefold():
        return False
    if scene.country is None or place.country is not None:
        return True
    theirs = name_levels(scene.country).country
    province = name_levels(place.province).province if place.province else None
    ours = province.partition("-")[0] if province else (name_levels(place.city).city_country if place.city else None)
    return theirs is None or ours is None or theirs == ours


def _elsewhere_in_the_country(scene: Place, heading: Place) -> bool:
    """Whether the scene sentence places the photo in another city of the heading's country, written with its
    province: "KANAZAWA, Japan - Children ... perform kabuki ... at a festival held in Komatsu, Ishikawa
    Prefecture" is in Komatsu (the heading is the bureau's dateline, the scene's phrase where the photo was
    taken). The province must be one the gazetteer places in the heading's country, and the heading must name no
    province of its own ("New York, New York, USA: ... in Brooklyn, New York" stays New York); a scene in
    another country ("Paris, France" above a death in Alborz province) is background, and the heading stands."""
    if not (scene.city and scene.province and heading.city and heading.country) or heading.province or (
            scene.city.casefold() == heading.city.casefold()):
        return False
    province = name_levels(scene.province).province
    country = name_levels(heading.country).country
    return province is not None and country is not None and province.partition("-")[0] == country


#: The `by` key of the town written with a venue taken alone from a later sentence ("... sung in the Forbidden City
#: in Beijing in 1998"), whose town was not taken as the scene's.
_VENUES_TOWN = "venue's own town"


def _venue_of_another_town(by: dict[str, str], heading: Place) -> bool:
    """Whether the venue the scene gave was written with a town other than the heading's city: "Rome, Italy" above
    "... the baths of Caracalla serve as an opera stage. A role she had sung in the Forbidden City in Beijing in
    1998" is in Rome, and the Forbidden City, Beijing's, is background."""
    town = by.get(_VENUES_TOWN)
    return town is not None and heading.city is not None and town.casefold() != heading.city.casefold()


def _within(scene: Place, place: Place) -> bool:
    """The scene's phrase names a part of the heading's city, then that city: "New York, New York, USA: ...
    outside the Metropolitan Detention Center in Brooklyn, New York" is the centre, in New York (the venue is
    taken only from the scene's own phrase, never from another phrase of its sentence)."""
    city = place.city.casefold() if place.city else None
    return city is not None and city in ((scene.province or "").casefold(), (scene.country or "").casefold())


def _corroborates(scene: Place, other: Place) -> bool:
    """Two readings of the place name the same city (or, with no city in either, the same province) and
    contradict each other at no level: the second may fill the levels the first leaves empty."""
    levels = ("city", "province", "country")
    values = [(getattr(scene, level), getattr(other, level)) for level in levels]
    if any(a and b and a.casefold() != b.casefold() for a, b in values):
        return False
    city, province, _ = values
    return bool(city[0] and city[1]) or not (city[0] or city[1]) and bool(province[0] and province[1])


def _the_country_of_its_city(scene: Place, other: Place) -> bool:
    """A country alone beside the date ("... lanterns by the roadside in Colombo. Sri Lanka, May 2023.") that the
    gazetteer places the scene's city in, where the scene sentence wrote no country: the caption's closing line
    names the city's own country again."""
    if not (scene.city and other.country) or scene.country or other.city or other.province:
        return False
    ours = name_levels(scene.city).city_country
    return ours is not None and ours == name_levels(other.country).country


def _fill_from(place: Place, scene: Place) -> None:
    """The levels a heading leaves empty, from the scene sentence that agrees with it: "NAGOYA, Japan - Nagoya
    Castle in Aichi Prefecture, central Japan, ..." is the castle, Nagoya, Aichi, Japan."""
    for level in ("sublocation", "city", "province", "country"):
        if getattr(place, level) is None and getattr(scene, level) is not None:
            setattr(place, level, getattr(scene, level))


def _scene_place(text: str, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
                 anchor: tuple[int, int] | None, doubts: list[Doubt],
                 weights: PlaceWeights | None, by: dict[str, str]) -> tuple[Place, tuple[int, int] | None]:
    """The place read from the sentence holding the photo's date, else from the first sentence of the body
    (a headline above it is passed over), else from the sentence after that in its paragraph; `by` gets how its
    sublocation was found."""
    if not spans:
        return Place(), None
    first = _first_body_sentence(text, spans, paragraphs)
    dated_first = False  # the photo's date is in the first sentence, which places nothing
    if anchor is not None:
        scene = next((s for s in spans if s[0] <= anchor[0] < s[1]), first)
        tried: list[Doubt] = []
        place = find_places(text, scene, anchor, tried, weights, _emptied_dict(by))
        if place != Place() or scene == first:
            doubts.extend(tried)
        if place.sublocation and not (place.city or place.province or place.country):
            _fill_the_venues_town(place, text, scene, spans, paragraphs, weights)
        if place.city and not place.sublocation:
            _fill_the_datelines_venue(place, text, scene, spans, paragraphs, weights)
        if place.city and not place.sublocation and scene != first:
            _fill_the_venue_in_the_same_town(place, text, scene, spans, weights)
        if place != Place():
            return place, scene
        dated_first = scene == first
    cued = next((s for s in spans if s[0] > first[0] and opens_the_scene(text, s[0])), None)
    if cued is not None:  # "... came from the Central African Republic. Here, choir members attend a mass in Soweto"
        tried = []
        place = find_places(text, cued, None, tried, weights, _emptied_dict(by))
        if place != Place():
            doubts.extend(tried)
            return place, cued
    place = Place() if dated_first else find_places(text, first, None, doubts, weights, _emptied_dict(by))
    if place != Place() and anchor is not None and _another_year(text, first, anchor):
        # "Chef Chris Cole founded Gud Eats in Saskatoon in 2017. He is seen here ... on April 29, 2020": the first
        # sentence tells of another year than the photo's, background
        place = Place()
    if place.sublocation and not (place.city or place.province or place.country):
        _fill_the_venues_town(place, text, first, spans, paragraphs, weights)
    if place.city and not place.sublocation:
        _fill_the_datelines_venue(place, text, first, spans, paragraphs, weights)
    if place == Place():
        # the first sentence places nothing ("Shortlisted: Ana Diaz."): the sentence after it in the same
        # paragraph may. When the photo's date stands elsewhere, such a sentence is often background ("... they
        # are steered by pilots at the laboratory in Seattle"): its place is taken only as a city written with
        # its province or country ("Students ... showed families on the outskirts of Tegucigalpa, Honduras").
        following, below = _sentence_after(first, spans, paragraphs)
        paragraph = next((p for p in paragraphs if p[0] <= first[0] < p[1]), first)
        # "Joe Bloggs's sculpture vandalised, 18 November 2014.\n\nVandals struck overnight at ... in Cape Town.":
        # a dated title line of its own above the body, which describes the photo
        title = below and _a_line_of_its_own(text, first, paragraph)
        if following is not None and _history_opening(text, following, anchor):
            following = None  # "HMS Duncan is a Type 45 destroyer. In 2019 she deployed ... off the coast of Syria."
        if following is not None:
            second: list[Doubt] = []
            later = find_places(text, following, None, second, weights, _emptied_dict(by))
            # the date in a heading above the body ("On This Date: Photo taken 6/28/2005"), or in a dated title
            # line of its own, dates the body: its second sentence is no background to a dated sentence
            above = anchor is None or title or anchor[1] <= first[0]
            # an undated caption's body below an undated title: a city the gazetteer knows well is its scene's
            if (not below or title) and (above and (later.city or later.province or later.country) or (
                    later.city and (later.province or later.country))) or (above or below) and _placed_by_its_venue(
                    later, by) and (later.city or later.province or later.country) or (
                    below and anchor is None and (_a_known_city(later) or _named_the_capital(
                        later, text, following) or later.city and (
                        later.province or later.country))):
                # (the last: a town written with its country below an undated title that places nothing, "View
                # from the bridge.\n\nThe bridge at Tissa, Sri Lanka is ...": the body goes on to place the title)
                if later.sublocation and _a_landscape(later.sublocation) and not _a_known_city(later):
                    later = replace(later, sublocation=None)  # "Deep in the Pamir Plateau ...": its setting
                doubts.extend(second)
                return later, following
            if _placed_by_its_venue(later, by) or dated_first and _a_dated_line_of_places(text, first, later):
                # the venue alone: the scene's sentence stays the first, so the places written apart (beside the
                # date, at the end of the sentence) may still give its town; the town written with it is kept
                # aside, for a heading naming another town (_venue_of_another_town)
                if later.city:
                    by[_VENUES_TOWN] = later.city
                return Place(sublocation=later.sublocation), first
    return place, first


def _a_known_city(place: Place) -> bool:
    """Whether the body's first sentence, below an undated title line that places nothing, names a city the
    gazetteer knows well ("A piece of chocolate — but who can stop at one?\nA chocolate seller in the streets of
    the capital, Accra."): in a caption that dates nothing, such a city is the scene's, where a town no table knows
    is as often a picture's name or a sentence of background."""
    return bool(place.city) and name_levels(place.city).city_population >= _BODY_CITY


def _named_the_capital(place: Place, text: str, span: tuple[int, int]) -> bool:
    """Whether the body's first sentence, below an undated title line, names its city as the country's capital
    ("A piece of chocolate.\nA chocolate seller in the streets of the capital, Quorvabad."): a capital is the
    scene's city by its kind, as a city the gazetteer knows well is by its size."""
    if not place.city:
        return False
    pattern = r"\bcapital,?\s+" + re.escape(place.city) + r"(?!\w)"
    return re.search(pattern, text[span[0]:span[1]]) is not None


#: The fewest people of a city named by the body's first sentence below an undated title, for it to be the scene's.
_BODY_CITY = 100_000


def _fill_the_venues_town(place: Place, text: str, first: tuple[int, int], spans: list[tuple[int, int]],
                          paragraphs: list[tuple[int, int]], weights: PlaceWeights | None) -> None:
    """The town, province and country of the next sentence of the paragraph, when the scene's sentence names a
    venue and no town, and the next names a town with its province or country ("Happy Wall
    Wednesday to all. This Shelduck is a symbol of the small town of Dumbleyung in Western Australia"): the
    caption goes on to place its scene, as a town written with its larger place is the scene's far more often than
    background. The venue stays the sublocation."""
    following, below = _sentence_after(first, spans, paragraphs)
    if following is None or below:
        return
    later = find_places(text, following, None, [], weights, {})
    if later.city and (later.province or later.country):
        place.city, place.province, place.country = later.city, later.province, later.country


def _fill_the_datelines_venue(place: Place, text: str, scene: tuple[int, int], spans: list[tuple[int, int]],
                              paragraphs: list[tuple[int, int]], weights: PlaceWeights | None) -> None:
    """The venue of the next sentence of the paragraph, when the scene's sentence is a dateline of places alone,
    perhaps with its date ("Moscow, Russia, 12/06/2010. Police in Red Square stand under ..."), and the next names
    a venue in no other town: the caption goes on to say where in the town the photo is."""
    if not _dateline_sentence().fullmatch(text, scene[0], scene[1]):
        return
    following, below = _sentence_after(scene, spans, paragraphs)
    if following is not None and not below and _A_DATE_ALONE.fullmatch(text, following[0], following[1]):
        # "Valletta, Malta. 12th May, 2019. A general view ... in Quorva Square": the date as a sentence of its own
        following, below = _sentence_after(following, spans, paragraphs)
    if following is None or below:
        return
    later = find_places(text, following, None, [], weights, {})
    if later.sublocation and later.city in (None, place.city) and later.province in (None, place.province) and (
            later.country in (None, place.country)):
        place.sublocation = later.sublocation


def _fill_the_venue_in_the_same_town(place: Place, text: str, scene: tuple[int, int], spans: list[tuple[int, int]],
                                     weights: PlaceWeights | None) -> None:
    """The venue of the caption's first sentence, when the dated sentence names the scene's town and no venue, and the
    first places its venue in that same town ("A boat sails past Quorva Temple in Aswan, a city hit by a storm. Photo
    taken June 27, 2021 in Aswan, Egypt"): the description says where in the town the photo is. The dated sentence
    must be the photo's own data ("Photo taken ..."), not a sentence telling of what happened."""
    first = spans[0]
    if not place.city or first[1] > scene[0] or not _PHOTO_TAKEN.match(text, scene[0], scene[1]):
        return  # (only a sentence of the photo's own data: one telling of an event may be the scene elsewhere)
    earlier = find_places(text, first, None, [], weights, {})
    if earlier.sublocation and earlier.city and earlier.city.casefold() == place.city.casefold():
        place.sublocation = earlier.sublocation


def _fill_the_pictured_things_venue(place: Place, text: str, scene: tuple[int, int], spans: list[tuple[int, int]],
                                    weights: PlaceWeights | None, by: dict[str, str]) -> None:
    """The venue of a sentence after the scene's that opens on the thing or the people pictured ("This one",
    "These women", "It", "In picture, ..."), when the scene's sentence names the town and no venue, and that
    sentence names a venue in no other town: "One of many old trees brought down by the winds in Quorva. This one
    stood at Lindt Park." The caption goes on to say where in the town the pictured thing is. Only the next few
    sentences, and not one that tells of the thing's making ("It was built in 1903 at the Quorva Dock") or says
    what it is ("It is home to ...", "This is part of ...")."""
    later = [s for s in spans if s[0] >= scene[1]][:_PICTURED_SENTENCES]
    for span in later:
        if not _THE_PICTURED.match(text, span[0], span[1]) or _A_PAST_MAKING.search(text, span[0], span[1]):
            continue
        found = find_places(text, span, None, [], weights, {})
        if not found.sublocation or _another_level(place, found):
            continue
        place.sublocation = found.sublocation
        by["sublocation"] = "a sentence on the thing pictured"
        return


def _fill_the_headed_bodys_venue(place: Place, text: str, scene: tuple[int, int], spans: list[tuple[int, int]],
                                 weights: PlaceWeights | None) -> None:
    """The venue of the body's first sentence of words, when a heading of places and a date gives the town and no
    sentence placed the scene ("Vatican City, Vatican. 24th Apr, 2016. A general view of the packed square ... in
    Quorva Square in Vatican City, Vatican."; "Sharjah, United Arab Emirates - February 27th, 2018: Stand alone. A
    man stands waiting outside the Quorva Museum."): the sentence below a dateline describes the photo, as the
    first sentence of a body does. A sentence of a date alone is passed over; a venue in another town, or a range
    or a sea (the town's setting), is not taken."""
    for span in [s for s in spans if s[0] >= scene[1]][:2]:
        if _A_DATE_ALONE.fullmatch(text, span[0], span[1]):
            continue
        found = find_places(text, span, None, [], weights, {})
        if found.sublocation and not _a_landscape(found.sublocation) and (
                not _another_level(place, found) or _the_same_town(place, found)):
            place.sublocation = found.sublocation
        return


def _the_same_town(place: Place, found: Place) -> bool:
    """Whether `found` names `place`'s town again (folded), whatever larger place it writes with it: "in Vatican City,
    Vatican" below "Vatican City, Vatican City"."""
    return bool(place.city and found.city and place.city.casefold() == found.city.casefold())


#: A sentence of a date alone: "24th Apr, 2016.", "Tuesday, February 27th, 2018.", "12/06/2010."
_A_DATE_ALONE = compiled(r"\s*(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}|"
                         r"[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\.?\s*")


def _another_level(place: Place, found: Place) -> bool:
    """Whether `found` names a town, province or country other than `place`'s (folded)."""
    return any(theirs is not None and (mine is None or theirs.casefold() != mine.casefold())
               for mine, theirs in ((place.city, found.city), (place.province, found.province),
                                    (place.country, found.country)))


#: How many sentences after the scene's are read for a sentence on the thing pictured.
_PICTURED_SENTENCES = 3
#: A sentence opening on the thing or the people pictured: "This one", "This man", "These women", "It", or on the
#: picture short of its article, "In picture," (the scene's openers with it, place_evidence.toml, are read before the
#: first sentence and would place the scene by the venue alone, its town left out); or "The" and one or two words in
#: small letters, the thing told of before named again by its kind, then where it is: "is seen", "were in", "was
#: at", a verb of standing or waiting, or a comma before a clause ("The set is seen passing Quorva Station", "The
#: animals were in a shed at Quorva Road", "The vessel, found in the basement of the Quorva building"). A town's
#: own kind ("The county, in the middle of the Quorva Lake area") is the place told of, not the thing pictured.
_THE_PICTURED = compiled(r"\s*(?:In\s+(?:picture|photo)\b|(?:This|These|It)\b(?!\s+(?:is|was|has|had)\s+"
                         r"(?:a|an|the|one|not|also|said|known|believed|thought|home|part|been|now)\b)"
                         r"|The\s+(?!(?:county|city|town|village|district|region|area|province|state|country|capital|"
                         r"island|municipality|prefecture)\b)[a-z]+(?:\s+[a-z]+)?(?:,|\s+(?:is|are|was|were)\s+"
                         r"(?:seen|in|at|on|found|parked|moored|kept|held|housed)\b|\s+(?:stands?|stood|sits?|sat|"
                         r"walks?|walked|waits?|waited)\b))")
#: A thing's making or history told in the past: "It was built", "This was founded", "These were erected".
_A_PAST_MAKING = compiled(r"\b(?:was|were)\s+(?:built|founded|erected|established|made|constructed|opened|"
                          r"launched|designed|completed|restored)\b")


#: A sentence of the photo's own data, when and where it was taken: "Photo taken June 27, 2021 in Aswan, Egypt".
_PHOTO_TAKEN = compiled(r"\s*(?:(?:[Tt]his|[Tt]he)\s+)?(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage)\s+(?:was\s+)?taken\b")


@cache
def _dateline_sentence() -> re.Pattern:
    """Places alone, then perhaps a date in figures or with its month's name, after a comma or a dash: "Moscow,
    Russia, 12/06/2010.", "Bronx, New York — October 18th, 2019."."""
    return compiled(rf"[ \t]*{_places_sentence().pattern}[ \t]*(?:(?:,|[ \t][-–—])[ \t]*(?:"
                    rf"\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|"
                    rf"\d{{4}}-\d{{2}}-\d{{2}}|[A-Z][a-z]+\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|"
                    rf"\d{{1,2}}[ \t]+[A-Z][a-z]+\.?[ \t]+\d{{4}}))?[ \t]*\.?[ \t]*")


def _another_year(text: str, sentence: tuple[int, int], anchor: tuple[int, int]) -> bool:
    """Whether a sentence other than the dated one writes when something happened ("in 2017"), and the photo's
    date another year."""
    years = set(_IN_A_YEAR.findall(text, sentence[0], sentence[1]))
    dated = set(_YEAR.findall(text, anchor[0], anchor[1]))
    return bool(years and dated and not years & dated)


def _history_opening(text: str, sentence: tuple[int, int], anchor: tuple[int, int] | None) -> bool:
    """Whether a sentence after the first opens with the year something happened ("In 2019 she deployed ...", "In
    October 2017, the scheme was inaugurated in Lahore"), a year the photo's date (if any) does not write: a
    story's history, whose places are not the scene's."""
    if text[sentence[0]:sentence[0] + 3] not in ("In ", "In\n"):  # (most sentences: no regex tried)
        return False
    opening = _OPENING_YEAR.match(text, sentence[0], sentence[1])
    return opening is not None and (anchor is None or opening.group(1) not in _YEAR.findall(text, *anchor))


_YEAR = compiled(r"\b(?:1[89]|20)\d\d\b")
#: A sentence's opening year: "In 2019", "In October 2017", "In early 2007".
_OPENING_YEAR = compiled(r"In\s+(?:(?:early|late|mid)[- ])?(?:[A-Z][a-z]+\s+)?((?:1[89]|20)\d\d)\b")
#: A year after "in", as a story's background writes when a thing happened: "in 2017", "in October 2017".
_IN_A_YEAR = compiled(r"\b[Ii]n\s+(?:[A-Z][a-z]+\s+)?((?:1[89]|20)\d\d)\b")


def _sentence_after(first: tuple[int, int], spans: list[tuple[int, int]],
                    paragraphs: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, bool]:
    """The sentence read when the first places nothing, and whether it opens the paragraph below: the next of
    the first's paragraph or, when the first stands alone as a paragraph of its own ("This morning.",
    "Sculpture vandalised, 18 November 2014."), the opening sentence of the paragraph below it, as a title line
    stands above the caption it heads."""
    paragraph = next((p for p in paragraphs if p[0] <= first[0] < p[1]), first)
    following = next((s for s in spans if first[1] <= s[0] and s[1] <= paragraph[1]), None)
    if following is not None:
        return following, False
    below = next((p for p in paragraphs if p[0] >= paragraph[1]), None)
    return next((s for s in spans if below[0] <= s[0] < below[1]), None) if below else None, True


def _a_dated_line_of_places(text: str, first: tuple[int, int], later: Place) -> bool:
    """Whether the dated first sentence is a dateline of places alone ("Bronx, New York — October 18th, 2019.") and
    the next names a venue ("A crowd lines up outside Yankee Stadium"): the caption goes on to say where in the
    dateline's town the photo is, by any preposition (a town written with it that is not the heading's leaves the
    heading alone: ``_agrees``)."""
    return bool(later.sublocation) and not _a_landscape(later.sublocation or "") and bool(
        _dateline_sentence().fullmatch(text, first[0], first[1]))


def _placed_by_its_venue(later: Place, by: dict[str, str]) -> bool:
    """A sentence after a first that places nothing, whose scene phrase names a venue the photo is in or on ("At
    Custom House Quay in Dublin.", "Backstage at the U.S. Capitol, he took ...", "Against the muted tones of the
    Royal Square, ..."): its venue is the scene's, as a town written with its province is, even when no larger
    place is written with it. A venue the photo is only near ("collided ... near the Skyway Bridge"), or of
    another phrase than the one placing the sentence's town ("Deep in the Pamir Plateau ..., Datong township in
    Taxkorgan county"), is a landmark or the town's setting, not the scene."""
    found = by.get("sublocation")
    alone = not (later.city or later.province or later.country)
    if not later.sublocation or _a_landscape(later.sublocation):
        return False
    return (found == "the scene's phrase" or found == "another phrase" and alone) and (
        by.get("sublocation preposition") in _INSIDE_THE_VENUE)


def _a_landscape(name: str) -> bool:
    """A range, a plateau, a desert or a sea: a setting a later sentence describes ("The cold water rises in the
    Karaca mountains"), too broad to be the site pictured when the first sentence placed nothing."""
    return name.rsplit(None, 1)[-1].casefold() in _LANDSCAPE_WORDS


_LANDSCAPE_WORDS = frozenset({"mountains", "range", "ranges", "plateau", "desert", "sea", "ocean", "highlands",
                              "steppe", "basin"})


#: Words before a venue that put the photo in it, on it or at its door ("on Sea Point promenade", "the tones of the
#: Royal Square", "my first visit to the Huaca Pucllana site", "Outside Leinster House."), not beside it ("near the
#: Skyway Bridge": a landmark). "outside" a venue is the labels' venue, unlike "near": of the English tune rows whose
#: chains read a venue after "outside", 52 of 55 label it (capen94).
_INSIDE_THE_VENUE = frozenset({"in", "at", "on", "of", "to", "inside", "outside", "within", "across", "along",
                               "through", "around", "over", "atop", "into", "onto"})


def _a_line_of_its_own(text: str, sentence: tuple[int, int], paragraph: tuple[int, int]) -> bool:
    """Whether a sentence is its paragraph's whole text, one short dated line (a dated title or heading above the
    body: "... vandalised, 18 November 2014.", "This morning."): then the body's first sentence is where the caption
    describes the photo. An undated title ("“Blowing in the Wind.”", "Niu Binggui, 32, and Niu Haoran, 3") is
    as often a picture's name above a sentence of background, and leaves the body unread as before."""
    line = text[sentence[0]:sentence[1]]
    return not text[paragraph[0]:sentence[0]].strip() and not text[sentence[1]:paragraph[1]].strip() and (
        len(line) <= _TITLE_CHARACTERS and _DATED.search(line) is not None)


#: A date or a time of day in a line: a year, a month, a weekday, "this morning".
_DATED = compiled(r"\b(?:1[89]|20)\d\d\b|\b(?:" + "|".join(
    sorted({n.casefold().rstrip(".") for names in MONTHS.values() for n in names if len(n) > 3}
           | {d.casefold() for d in WEEKDAYS} | {"today", "yesterday", "morning", "afternoon", "evening", "tonight"},
           key=longest_first)) + r")\b", re.IGNORECASE)


def _emptied_dict(by: dict[str, str]) -> dict[str, str]:
    """`by`, emptied for another reading of the scene."""
    by.clear()
    return by


def _first_body_sentence(text: str, spans: list[tuple[int, int]],
                         paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The first sentence after any headline lines: short lines without a closing stop, above more text."""
    return _first_body_sentence_of(text, tuple(spans), tuple(paragraphs))


@lru_cache(maxsize=8)
def _first_body_sentence_of(text: str, spans: Sequence[tuple[int, int]],
                            paragraphs: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """`_first_body_sentence`, remembered for the caption's few last texts and splits: the place readers ask it
    of one caption up to four times."""
    for number, (start, end) in enumerate(paragraphs[:-1]):
        line = text[start:end].strip()
        if len(line) > 90 or line[-1:] in ".!?”\"" or len(line.split()) > 14:
            break
        if _runs_on(text, end, paragraphs[number + 1][0]):
            break  # "... that in Kurtuluş Park, several of these\nshelters are dotted ...": a wrapped line, no headline
        later = [s for s in spans if s[0] >= end]
        if not later:
            break
        spans = later
    while len(spans) > 1 and _in_capitals(text[spans[0][0]:spans[0][1]]):
        spans = spans[1:]  # "FRIENDLY VISITS. Permanent Court ... at the Malacanang Palace": a headline in capitals
    # a list number, a lone mark ("𝟱.", "2") or a one-word exclamation ("Zippety-do-dah!") is no sentence: the
    # body starts after it
    return next((s for s in spans[:3] if _TWO_WORDS.search(text, s[0], s[1])), spans[0])


def _runs_on(text: str, end: int, following: int) -> bool:
    """Whether the line ending at `end` is a sentence wrapped onto the next line, which opens at `following` with a
    small letter after one line break ("several of these\\nshelters are dotted"): no headline above the body. A
    headline's next line opens a sentence, with a capital, or stands after a blank line."""
    return text[following:following + 1].islower() and text.count("\n", end, following) == 1


def _in_capitals(sentence: str) -> bool:
    """A sentence written all in capitals, with at least two words: a headline run into the caption."""
    if sentence != sentence.upper() or " " not in sentence.strip():
        return False  # (the cheap test first: most sentences have a small letter)
    return sum(ch.isalpha() for ch in sentence) > 3


_TWO_WORDS = compiled(r"(?<![^\W\d_])[^\W\d_]{2}\S*+\s[\s\S]*?[^\W\d_]{2}")


def _labelled_place(text: str) -> tuple[Place, str] | None:
    if "Posted from " in text:
        geotag = _geotag(text)
        if geotag is not None:
            return geotag
    if "Place\n" in text or "Location\n" in text:
        fielded = _FIELD_LABELLED.search(text)  # "Place\nKudan, Tokyo\nGenre": a gallery's fields, one a line
        place = _known_places(fielded.group("place").strip(), venue_first=True) if fielded else None
        if place is not None and fielded is not None:
            return place, fielded.group("place").strip()
    if ":" not in text:
        return None  # no label, no labelled line (a cheap test before the multi-line pattern)
    folded = text.casefold()
    if "location" not in folded and "place" not in folded and " at:" not in folded and " in:" not in folded:
        return None  # (and no label: the case-blind patterns try every position)
    match = _LABELLED.search(text)
    if match is None:
        inside = _LABELLED_INSIDE.search(text)  # "... in a metro station. Location: Kyiv, Ukraine. Date: ..."
        written = inside.group("place").strip() if inside else ""
        written = _BRACKETED_PLACE.sub(lambda m: ", " + m.group("larger"), written)
        place = _known_places(written, venue_first=True) if written else None  # (every name known)
        return (place, written) if place is not None else None
    written = _without_full_stop(match.group("place").strip())  # "Location: Istiqlal Mosque, Jakarta."
    place = _known_places(written, venue_first=True) or _country_closing(written) or place_from_dateline(written)
    return (place, written) if place != Place() else None


def _geotag(text: str) -> tuple[Place, str] | None:
    """A blog's geotag line, "Posted from Town, Region, Country.": its places by their position, the town, the
    region (as the map names it, "Zanzibar Urban/West") and the country, which must be one."""
    match = _GEOTAG.search(text)
    if match is None:
        return None
    written = match.group("place").strip()
    names = [name.strip() for name in written.split(",")]
    if not 2 <= len(names) <= 3 or not all(names) or classify(names[-1])[0] != "country":
        return None
    country = classify(names[-1])[1]
    return Place(city=names[0], province=names[1] if len(names) == 3 else None, country=country), written


#: A blog's geotag line: "Posted from Zanzibar Town, Zanzibar Urban/West, Tanzania."
_GEOTAG = compiled(r"^[ \t]*Posted from (?P<place>[^\n.]{3,100})\.?[ \t]*$", re.MULTILINE)


def _country_closing(written: str) -> Place | None:
    """A labelled place written without commas that ends in a country's name: the country, and the town before it
    when the gazetteer knows that ("Nairobi Kenya"); words it cannot read ("Fes Fès Fez Morocco", a town given in
    three spellings) leave only the country, never the whole line as a town's name."""
    if "," in written or " " not in written:
        return None
    words = written.split()
    for size in (3, 2, 1):
        if len(words) > size and classify(" ".join(words[-size:]))[0] == "country":
            country = classify(" ".join(words[-size:]))[1]
            before = " ".join(words[:-size])
            town = _known_places(before) if _is_known(before) or _one_town_word(before) else None
            if town is not None and town.country is None and not town.sublocation:
                town.country = country
                return town
            return Place(country=country)
    return None


def _one_town_word(written: str) -> bool:
    """Whether `written` is one word written as a town's name is (a capital, then small letters, maybe a hyphen and
    another such part: "Boz-Beshik", "Mabou"), which a country's name closing the line places: "Ala-Too Square,
    Boz-Beshik Kyrgyzstan". Several words the gazetteer does not know ("Fes Fès Fez Morocco") are left out."""
    return " " not in written and _ONE_TOWN_WORD.fullmatch(written) is not None


#: A town's name of one word: "Mabou", "Boz-Beshik", "Trá-Mhór"; no initials ("UN"), no digits.
_ONE_TOWN_WORD = compiled(r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u024F]+(?:-[A-Za-z\u00C0-\u024F][a-z\u00DF-\u024F]+)*")


#: "Location: Kyiv, Ukraine." after a sentence's stop, inside a line, up to its own stop.
_LABELLED_INSIDE = compiled(r"(?:(?<=[.!?])[ \t]+(?:photo[ \t]+)?(?:location|place)|(?<=\w)[ \t]+location)[ \t]*:"
                              r"[ \t]*(?P<place>[^\n.;]{2,80})(?:[.;]|$)", re.IGNORECASE | re.MULTILINE)
#: "Haarlemmerstraat (Amsterdam)": the larger place in brackets after the smaller, as a comma would join them.
#: A gallery's field label alone on its line, its value on the next: "Place\nKudan, Tokyo".
_FIELD_LABELLED = compiled(r"^[ \t]*(?:Place|Location)[ \t]*\n[ \t]*(?P<place>[A-Z\u00C0-\u024F][^\n]{1,80})$",
                           re.MULTILINE)
_BRACKETED_PLACE = compiled(r"[ \t]*\((?P<larger>[^()]{2,40})\)[ \t]*$")


_LINE = compiled(r"[^\n]+")


#: Parts of _places_then_a_year's and _title_ending's matches, which open with one character the engine skips to at
#: once: a line without them (most, a whole paragraph each) is not tried against the names' patterns.
_YEAR_AFTER_A_COMMA = compiled(
    r",[ \t]*(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?[ \t]+)?(?:1[89]|20)\d\d[ \t]*[.:]")
_DASH_BEFORE_A_NAME = compiled(r"[ \t][-–—][ \t]+[A-Z\u00C0-\u024F]")


def _heading_place(text: str) -> tuple[Place, str] | None:
    """A place heading on one of the first lines, or a place that opens the caption before ':' or ' - '."""
    lines = list(islice((m for m in _LINE.finditer(text) if m.group().strip()), 3))
    for line in lines[:-1] if len(lines) > 1 else []:
        match = _heading_line().match(line.group())
        if match and "," not in match.group("place") and _a_town_after_the_dash(line.group()):
            continue  # "Sunset - Sharjah": a title's word, then the town after its dash (read below)
        if match and "," in match.group("place") or match and _is_known(match.group("place")):
            found = _known_places(match.group("place"))
            if found is not None:
                found.sublocation = found.sublocation or _venue_after_the_dash(line.group())
                return found, match.group("place")
    match = _opening().match(text) if _may_open_with_a_place(text) else None
    if match and lines and "," not in match.group("place") and _a_town_after_the_dash(lines[0].group()):
        match = None  # "Sunset - Sharjah": the town after the title's dash (read below)
    if match:
        written = match.group("place")
        code = _PICTURE_CODE.match(written) if written[:1].isupper() and "-" in written[:14] else None
        found = _known_places(written[code.end():] if code else written)  # "APP11-060921LAHORE: ...": LAHORE
        if found is None and code is None:
            found = _a_dateline_town(written)  # "SHIRLAND: Chelsea's defender ...": a small town's dateline
        if found is None and code is None and not written.isupper():
            found = _a_heading_town_of_words(written)  # "Chowki Jamali: Hens, ostriches ...": a small town's heading
        if found is None and code is None and written.startswith("Downtown "):
            found = _a_downtown_heading(written)  # "Downtown Tërbuf: a statue of Skenderbeg ..."
        if found is not None and not found.sublocation and written.count(",") == 0:
            found = _town_after_its_region(text, match.end("place"), written) or found
        if found is not None:
            if lines and not found.sublocation:  # "Regina, Saskatchewan - Wascana Waterfowl Park": its site
                found.sublocation = _venue_after_the_dash(lines[0].group())
            return found, match.group("place")
    if len(lines) > 1 and lines[1].group()[:2].isupper() and lines[0].group().rstrip()[-1:] not in ".!?:":
        # "Hindu worshippers bathe in the river" then "VARANASI, UTTAR PRADESH, INDIA - Hindu worshippers ...": a
        # title line, then the dateline in capitals opening the next
        match = _opening().match(lines[1].group())
        written = match.group("place") if match else ""
        found = _known_places(written) if written.isupper() and "," in written else None
        if found is not None and (found.city or found.province) and (found.province or found.country):
            return found, written
    for line in lines:  # "BAFIA, CAMEROON, 2012. Villages need ...": the places, then the year, opening a line
        match = _places_then_a_year().match(line.group()) if _YEAR_AFTER_A_COMMA.search(line.group()) else None
        if match is None:
            continue
        found = _known_places(match.group("place"))
        if found is not None and (found.city or found.province) and (found.province or found.country):
            return found, match.group("place")
        if found is not None and found.country and "," not in match.group("place") and found == Place(
                country=found.country):
            return found, match.group("place")  # "Somalia, 2007: Children attend ...": an aid agency's heading
    match = _dated_opening().match(text)
    if match:  # "January 4, 2026, New York, New York, USA: Protesters ...": the date, then the dateline
        written = match.group("place") or match.group("barred") or match.group("headed")
        found = _known_places(written)
        if found is not None:
            return found, written
    for line in lines:  # "October 1st, Quorvadam. Thousands of farmers ...": a line opening with the date, then
        # the town and a full stop, under the photographer's name as a gallery heads a picture
        match = _date_then_town().match(line.group()) if line.group()[:1].isalnum() else None
        found = _known_places(match.group("place")) if match else None
        if match and found is not None and found.city and not found.sublocation:
            return found, match.group("place")
    for line in lines:  # "Policeman, Kraków (2023)": a picture's title, its place and its year, as galleries label
        match = _labelled_picture().match(line.group()) if line.group().rstrip(" \t.").endswith(")") else None
        if match is None:
            continue
        found = _known_places(match.group("place")) or _a_labelled_pictures_town(match.group("place"))
        if found is not None and (found.city or found.country) and not found.sublocation:
            return found, match.group("place")
    if len(lines) > 1:  # "Gathering For The Return Of Sessions At EU Parliament - Strasbourg": a title's place
        title = _title_ending().search(lines[0].group()) if _DASH_BEFORE_A_NAME.search(lines[0].group()) else None
        found = _known_places(title.group("place")) if title else None
        if title and found is not None and (found.city or found.province or found.country):
            if found.sublocation is None:  # "Corniche Mosque - Sharjah": the venue the title names before its town
                found.sublocation = _a_venue_alone(lines[0].group()[:title.start("place")].strip(" \t-–—"))
            return found, title.group("place")
    return None


def _a_dateline_town(written: str) -> Place | None:
    """The town of a wire's dateline in capitals opening the caption before its colon or dash, when the tables
    do not know it and GeoNames has a town so called ("SHIRLAND: Chelsea's defender ...", "KOHLU - Hens ..."):
    a dateline names the town the story was filed from, as "LONDON:" does. Only in capitals, one to three words:
    a heading's word written so ("WATCH:", "UPDATE:", "EXCLUSIVE:") is no town GeoNames holds, and a title in
    small letters ("Hope: a new season") is as often a word as a town."""
    if not written.isupper() or "," in written or len(written.split()) > 3:
        return None
    name = written.title()
    return Place(city=name) if name_levels(name).town_population else None


def _a_heading_town_of_words(written: str) -> Place | None:
    """The town a heading of two or three capitalised words names, opening the caption before its colon or dash,
    when the tables do not know it and GeoNames has a town so called ("Chowki Jamali: Hens ...", "Banatski
    Despotovac : old tanks ..."). One word in title case stays out, as a heading's word is often a town's name
    too (GeoNames' "Hope", "Downtown"); a name of two or more words GeoNames holds is a town's, and none may be a
    venue's or an event's word ("Quorva Park: ...")."""
    words = written.split()
    if not 2 <= len(words) <= 3 or "," in written or not all(w[:1].isupper() for w in words) or any(
            w.casefold() in VENUE_WORDS or w.casefold() in EVENT_WORDS for w in words):
        return None
    known = name_levels(written)
    if not known.town_population or known.province or known.country:
        return None
    return Place(city=written)


def _a_labelled_pictures_town(written: str) -> Place | None:
    """The town of a picture's label ("Policeman, Gomunice (2023)") when it is one name GeoNames has as a town too
    small for the city table: the label's shape, a title, a place and the year, says it is the place."""
    if "," in written or not name_levels(written).town_population:
        return None
    return Place(city=written)


def _a_downtown_heading(written: str) -> Place | None:
    """The town of a heading "Downtown X" opening the caption before its colon or dash, when X is a smaller city the
    gazetteer knows or a town GeoNames has, and no venue's word: only a town has a downtown (a city of 100,000 or
    more is read so by ``_known_places``; "Old", "Central" or "Greater" before a name may open a region's or a
    site's, "Central Luzon", "Old Bridge")."""
    rest = written[len("Downtown "):].strip()
    if not rest or " " in rest and not all(w[:1].isupper() for w in rest.split()) or (
            rest.rsplit(None, 1)[-1].casefold() in VENUE_WORDS):
        return None
    known = name_levels(rest)
    if not (known.city_population or known.town_population) or known.province or known.country:
        return None
    return Place(city=rest)


def _town_after_its_region(text: str, at: int, region: str) -> Place | None:
    """The town a heading names after its country's or region's colon, on a line of its own: "Kenya: Kisumu",
    "Trinidad: Port-of-Spain  picture 6" (a gallery's picture number after it); None when the line goes on as
    a sentence."""
    line_end = text.find("\n", at)
    rest = text[at:len(text) if line_end < 0 else line_end].lstrip(" \t:")
    rest = _PICTURE_NUMBER.sub("", rest).strip()
    if not rest or not _heading_line().fullmatch(rest):
        return None
    found = _known_places(f"{rest}, {region}", venue_first=True)
    return found if found is not None and found.city else None


#: A gallery's picture number closing a heading: "picture 6", "photo 12", "(3 of 8)".
_PICTURE_NUMBER = compiled(r"[ \t]+(?:(?:picture|photo|image|pic)[ \t]+\d+|\(?\d+[ \t]+of[ \t]+\d+\)?)[ \t]*$",
                           re.IGNORECASE)


#: A wire's picture number glued before the dateline's town: "APP11-060921LAHORE: September 06 ." (APP's shot 11 of
#: 6 September 2021).
_PICTURE_CODE = compiled(r"[A-Z]{2,5}\d{1,4}-\d{4,8}(?=[A-Z])")


def _a_town_after_the_dash(line: str) -> bool:
    """Whether a heading's words after its spaced dash are a city the gazetteer knows well, and nothing else
    ("Sunset - Sharjah"): the place is after the dash, whatever name stands before it."""
    dash = _SPACED_DASH.search(line)
    if dash is None:
        return False
    after = line[dash.end():].strip(" \t.")
    return bool(after) and "," not in after and name_levels(after).city_population >= SET_APART_CITY


def _a_venue_alone(written: str) -> str | None:
    """`written` when it is one venue's name and nothing else, closed by its venue word ("Corniche Mosque", "the
    Quorva Bridge"), else None ("Gathering For The Return Of Sessions At EU Parliament", "Sunset")."""
    toks = tokens(written, 0, len(written))
    if not toks or len(toks) > _TITLE_WORDS or toks[-1].lower not in VENUE_WORDS:
        return None
    first = 1 if toks[0].lower == "the" else 0
    if first >= len(toks) or read_name(toks, first) != len(toks):
        return None
    level, value = classify(written[toks[first].start:], saw_the=bool(first))
    return value if level == "venue" else None


def _venue_after_the_dash(line: str) -> str | None:
    """The venue a place heading names after its dash, and nothing else ("Regina, Saskatchewan - Wascana Waterfowl
    Park"): the site in that town. A date ("Berlin, Germany - 30.04.2019") or a phrase after the dash is none."""
    dash = _SPACED_DASH.search(line)
    if dash is None:
        return None
    name = line[dash.end():].strip(" \t.")
    toks = tokens(name, 0, len(name))
    first = 1 if toks and toks[0].lower == "the" else 0
    if len(toks) <= first or read_name(toks, first) != len(toks):
        return None
    level, value = classify(name[toks[first].start:], saw_the=bool(first))
    return value if level == "venue" else None


@cache
def _dated_opening() -> re.Pattern:
    """A caption that opens with the photo's full date, then its place and a colon, as ZUMA and dpa write their
    datelines: "April 11, 2022, Bucha, Kyiv Oblast, Ukraine: Investigators ...", "23 July 2020, Spain, Madrid:
    Spanish Prime Minister ...", "March 3, 2022 - Kyiv, Ukraine: Residents ...", or as a photographer's page
    heads a picture, the date and the place before a bar: "27 May 2015 Dhaka, Bangladesh | Looking down ..."."""
    # (the months in capitals too: "08 SEPTEMBER 2014 - BANG BAN, PHRA NAKHON SI AYUTTHAYA, THAILAND: A harvester")
    months = "|".join(re.escape(written) for names in MONTHS.values() for name in names
                      for written in (name, name.upper()))
    date = rf"(?:\d{{1,2}}\s+(?:{months})\.?,?\s+\d{{4}}|(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    day = rf"(?:\d{{1,2}}[ \t]+(?:{months})\.?|(?:{months})\.?[ \t]+\d{{1,2}})"
    # (or a day without its year, a colon, and the dateline before a dash, as a calendar's gallery writes it:
    # "9 FEBRUARY: KUALA LUMPUR, MALAYSIA – Worshippers ...")
    return compiled(rf"^[ \t]*(?:{date}(?:[ \t]*(?:,|[ \t][-–—])[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})"
                      rf"[ \t]*:|[ \t]+(?P<barred>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]+\|)"
                      rf"|{day}[ \t]*:[ \t]*(?P<headed>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]+[-–—])[ \t]+\S")


@cache
def _date_then_town() -> re.Pattern:
    """A line opening with the photo's day (its year may follow), a comma, the town (and its larger places), then
    a full stop and the next sentence: "October 1st, Quorvadam. Thousands of farmers ...", "3 May 2019, Quorvadam,
    Ruritania. Police ..."; the places are read only if every name is one the tables know."""
    months = "|".join(re.escape(name) for names in MONTHS.values() for name in names)
    day = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{months})\.?|(?:{months})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
           rf"(?:,?[ \t]+(?:1[89]|20)\d\d)?")
    return compiled(rf"^[ \t]*{day}[ \t]*,[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,2}})\.[ \t]+[A-Z]")


@cache
def _labelled_picture() -> re.Pattern:
    """A picture's label: its title, then its place and its year in brackets ("Policeman, Kraków (2023)",
    "Asia, Zakopane (1990)", "Market day, Fez, Morocco (c. 1985)")."""
    return compiled(rf"^[ \t]*[^,\n]{{1,60}},[ \t]*(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME})?)[ \t]*"
                      r"\((?:c\.[ \t]*)?(?:1[89]|20)\d\d\)[ \t]*\.?[ \t]*$")


@cache
def _title_ending() -> re.Pattern:
    """A title line closing with its place after a dash, as picture agencies title a story ("... - Strasbourg",
    "Floods Hit Region - Valencia, Spain")."""
    return compiled(rf"\S[ \t]+[-–—][ \t]+(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{0,3}})[ \t]*$")


@cache
def _place_sentence_before_date() -> re.Pattern:
    """A sentence that is only places, right before the photo's date: "... resign. Yerevan, Armenia. MAY 20
    2020", "DUBAI, UNITED ARAB EMIRATES. 5 APRIL 2021. A wrestling night ..." (the stop is the sentence's); or
    a bracket opening with them, closing the caption: "... in the river. (Brgy. Sto. Nino, Bayugan, Agusan del
    Sur. October 26, 2009)"."""
    return compiled(rf"(?:^|[.!?]\s+|(?P<bracket>\())(?P<place>{_NAME}(?:\s*,\s*{_SIDE}{_NAME}){{0,3}})\s+$")


#: How _beside_date_line's match ends, right before the date: its quick test.
_BEFORE_THE_DATE = compiled(r"(?:[,;]|\s[-–—])\s*(?:on\s+)?(?:\w+day,?\s+)?$")


#: A town's name alone opening its line or its sentence, a space, then the date in figures: "Opole 22.03.2014",
#: "... at weekends. Gdansk 22/03/2014." (Polish and other European agencies' galleries).
_TOWN_THEN_NUMBERS = compiled(r"(?:^|(?<=\n)|(?<=[a-z][.!?] ))[ \t]*(?P<place>[A-Z\u00C0-\u024F][\w’'\-]+"
                              r"(?: [A-Z\u00C0-\u024F][\w’'\-]+)?) $")


def _town_then_numbers(text: str, window: int, anchor: tuple[int, int]) -> tuple[Place, str] | None:
    """A town the gazetteer knows as a city, alone before the photo's date written in figures with a space between
    ("Opole 22.03.2014"); None otherwise (a word in a sentence before its figures is no place)."""
    match = _TOWN_THEN_NUMBERS.search(text, window, anchor[0])
    if match is None:
        return None
    written = match.group("place")
    found = _known_places(written)
    return (found, written) if found is not None and found.city and not found.sublocation else None


#: A word saying the date after it is approximate ("Charters Towers, ca. 1930", "Adanac, c. 1920", "circa 1898"):
#: the places before it are beside the date as much as when it is not written.
_CIRCA_BEFORE = compiled(r"(?<![\w.])(?:[Cc]a?\.|[Cc]irca)[ \t]*$")


def _beside_date(text: str, anchor: tuple[int, int] | None) -> tuple[Place, str] | None:
    if anchor is None:
        return None
    if text[anchor[0] - 1:anchor[0]] in (" ", ".") and (
            circa := _CIRCA_BEFORE.search(text, max(0, anchor[0] - 8), anchor[0])) is not None:
        anchor = (circa.start(), anchor[1])
    line_start = text.rfind("\n", 0, anchor[0]) + 1
    window = max(line_start, anchor[0] - 120)
    # Each pattern is tried only where a cheap test finds the way it must end: a comma, a semicolon or a dash
    # before the date (the pattern's own closing words, searched alone), and a stop then spaces.
    match = _beside_date_line().search(text, window, anchor[0]) if _BEFORE_THE_DATE.search(
        text, window, anchor[0]) else None
    if match is None:
        lead = text[window:anchor[0]]
        if lead[-1:] == " " and text[anchor[0]:anchor[0] + 1].isdigit() and (
                numbered := _town_then_numbers(text, window, anchor)) is not None:
            return numbered
        if not lead[-1:].isspace() or not lead.rstrip().endswith("."):
            return None  # (the place is followed by spaces alone, and must end with its sentence's stop)
        match = _place_sentence_before_date().search(text, window, anchor[0])
        if match is None or not match.group("place").endswith(".") or (
                match.group("place").rsplit(None, 1)[-1].casefold() in ABBREVIATIONS):
            return None
        before = text[max(0, match.start("place") - 12):match.start("place")].split()
        if before and before[-1].casefold() in ABBREVIATIONS:
            return None  # "... Center of St. Gregory the Illuminator ...": "St." closes no sentence
        # every name known, no venue alone; in a bracket of places and the date, the bracket says what they are:
        # a name no table knows is placed by its position, as in a chain, beside one name that is known
        bracket = match.group("bracket") is not None
        found = _known_places(match.group("place")[:-1], by_position=bracket)
        return (found, match.group("place")[:-1]) if found is not None else None
    written = match.group("place")
    if _IN_A_LIST.search(text, max(0, match.start("place") - 30), match.start("place")) or (
            _A_REFERENCE_NAMED.search(text, max(0, match.start("place") - 80), match.start("place"))) or (
            _after_a_destination_word(text, match.start("place"))):
        # "ties between Korea and the Czech Republic, Monday": one of a list is no scene; "between Bollene and
        # Valence, southern France, on July 23": the larger places after it are; so after a reference point
        # ("some 290km north of the Kenyan capital, Nairobi, on Tuesday") and after "to", where something goes
        # ("food sent by the UN to Afghanistan, December 2001"; "from Pau to Luchon, France, 19 July": France)
        written = written.partition(",")[2].strip()
        if not written:
            return None
    if ". " in written:
        site, _, town = written.rpartition(". ")
        if site and (site.rsplit(None, 1)[-1] + ".").casefold() not in ABBREVIATIONS:
            # "Desa Batu Jaya. Karawang, 26 December 2010": a title naming the site, its stop, then the town beside
            # the date; read as the chain they make ("St. Stephen's Green" keeps its stop)
            written = f"{site}, {town}"
    found = _known_places(written, venue_first=True)
    if found is None and "," not in written and _a_town_and_date_alone(text, match.start("place"), anchor, written):
        found = Place(city=written)  # "...from the tap.  Narere, 2012": a gallery's town and year, set apart
    if found is None and "," not in written and _a_geonames_town_set_off_before_the_date(text, match.start("place"),
                                                                                           written):
        found = Place(city=written)  # "Denmark lost 0-1, Neder Vindinge, 12 June": the town, then the day
    if found is not None and found.sublocation and Place(found.sublocation) == found and _AFTER_THE_APPOSITIVE.search(
            text, max(0, match.start("place") - 8), match.start("place")):
        return None  # "leading to Perdana Putra, the Office of the Prime Minister, July 2019": what a venue named
        # before it houses, not a place of its own
    while found is None and written.count(",") >= 2:
        # "Boy + Paint, Humana People to People India, Virat Nagar, India, November 5, 2013": a title's words
        # before the places, no venue nor place any table knows, are left out, and the places after them read
        first, _, rest = written.partition(",")
        if classify(first.strip())[0] != "place" or _is_known(first.strip()):
            break
        written = rest.strip()
        found = _known_places(written)
    if found is None and "," in written:
        found, written = _places_after_an_event(written)
    return (found, written) if found is not None else None


def _places_after_an_event(written: str) -> tuple[Place | None, str]:
    """The places after an event's name among the places beside the date, and what they are written as ("Sri
    Lanka v UAE, Asia Cup, Lahore, June 26, 2008": Lahore; "World Cup, Rio de Janeiro, July 13"): the event is
    held there, and the names before it are its title's. (None, `written`) when no name is an event by its words,
    or what follows the last is no place known."""
    parts = [part.strip() for part in written.split(",")]
    last = next((i for i in range(len(parts) - 2, -1, -1) if classify(parts[i])[0] == "event"), None)
    if last is None:
        return None, written
    rest = ", ".join(parts[last + 1:])
    found = _known_places(rest)
    return (found, rest) if found is not None else (None, written)


def _a_town_and_date_alone(text: str, start: int, anchor: tuple[int, int], written: str) -> bool:
    """Whether one name and the photo's date make up a sentence of their own closing the line ("pupils drink from
    the tap.  Narere, 2012"), as galleries set the town and year apart from the description: the name is the town,
    though too small for the gazetteer. A name that is no bare place by its words ("Spring", "AFP") is none."""
    before = text[max(0, start - 3):start]
    if not (start == 0 or before[-1:] == "\n" or before.rstrip()[-1:] in ".!?" and before[-1:].isspace()):
        return False
    if text[anchor[1]:].partition("\n")[0].strip(" \t."):
        return False  # (the date must close its line)
    return classify(written)[0] == "place" and not _initialism(written) and not written.isupper()


def _a_geonames_town_set_off_before_the_date(text: str, start: int, written: str) -> bool:
    """Whether one name set off by commas right before the photo's date is a town GeoNames holds (1,000 people or
    more) and no table knows ("... Denmark lost 0-1, Neder Vindinge, 12 June", "..., Shahrak-e Namju, June 18"):
    the wires write the scene's town and the day so, as they write a city's. After a side's word ("in central
    Java, July 25") the name is a region's, and a name no bare place by its words ("Spring", "AFP") is none."""
    if not text[max(0, start - 2):start].rstrip().endswith(","):
        return False
    if classify(written)[0] != "place" or _initialism(written) or written.isupper():
        return False
    known = name_levels(written)
    return bool(known.town_population) and not (known.province or known.country)


#: Words before a place that make it where something goes (as last words: " to", " towards").
_DESTINATIONS = (" to", " toward", " towards")


def _after_a_destination_word(text: str, start: int) -> bool:
    """Whether the place at `start` follows "to" ("sent by the UN to Afghanistan"), not after a word of
    arriving ("returns to Norfolk": it is shown arriving there)."""
    before = text[max(0, start - 30):start].rstrip()
    if not before.casefold().endswith(_DESTINATIONS):
        return False
    words = before.split()
    return len(words) < 2 or not names_an_arrival(words[-2].strip(",;:"))


#: ", the " before a name: an appositive describing what was just named.
_AFTER_THE_APPOSITIVE = compiled(r",\s*the\s+$", re.IGNORECASE)


#: A place measured from, right before the date: "north of Nairobi, on Tuesday", "outside the capital, Nairobi,
#: on Tuesday", "50km from the port city, Hodeidah, Yemen": the reference point is not the scene (its larger places
#: are); "near the capital, Nairobi" stays, a scene by that town as "near" places one elsewhere.
_COMPASS_WORDS = sorted(DIRECTIONS - {"central", "far", "mainland"}, key=longest_first)
_KIND_NAMED = r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:capital|city|town|port)\s*,\s*"
_A_REFERENCE_NAMED = compiled(
    r"(?:\b(?:" + "|".join(_COMPASS_WORDS) + rf")\s+of\s+(?:{_KIND_NAMED})?|\boutside\s+(?:{_KIND_NAMED})?|"
    rf"\bfrom\s+{_KIND_NAMED})$", re.IGNORECASE)


def _beside_a_day(text: str) -> tuple[Place, str] | None:
    """With no full date to anchor the scene, the places written right before a day and month with no year,
    as a wire's picture desk closes a caption: "... Denmark lost 0-1, Copenhagen, 12 June", "..., Tehran,
    June 18"."""
    for day in _day_without_year().finditer(text):
        found = _beside_date(text, (day.start(), day.end()))
        if found is not None:
            return found
    return None


@cache
def _day_without_year() -> re.Pattern:
    months = "|".join(re.escape(name) for names in MONTHS.values() for name in names
                      if name == names[0] or name.endswith("."))  # "May", "Sept.", not "Mar" alone
    return compiled(rf"(?<=,\s)(?:\d{{1,2}}\s+(?:{months})|(?:{months})\s+\d{{1,2}})(?!\w)(?!\s*,?\s*\d)")


def _ending_sentence(text: str, span: tuple[int, int] | None) -> tuple[Place, str] | None:
    """Places closing the scene sentence after a comma or a semicolon ("... corner shop; Nouadhibou, Mauritania."),
    or making up the whole of it, with no preposition:
    "..., part of a record attempt, Covent Garden Piazza, central London.", "..., Feb. 12, 2021, Van, Turkey.",
    "Asprovalta, Greece." Every name must be a place the tables or the gazetteer know (the first may be a
    venue, or a town too small for the gazetteer when a known place follows)."""
    if span is None:
        return None
    # (a sentence at the caption's start may be only places: tried there, then the comma's pattern searched; the
    # whole sentence may also be a picture's title, then its places: "Fishing Boat Heading Home, Aghios Nikolaos
    # Harbour, Crete.")
    whole = _ending_line(after_a_comma=False).match(text, 0, span[1]) if span[0] == 0 else None
    found = _places_ending(text, span, whole) if whole is not None else None
    if found is not None or whole is not None and whole.group("place").count(",") < 2:
        return found
    return _places_ending(text, span, _ending_line(after_a_comma=True).search(text, span[0], span[1]))


def _places_ending(text: str, span: tuple[int, int], match: re.Match | None) -> tuple[Place, str] | None:
    """_ending_sentence's reading of one match of ``_ending_line``."""
    if match is None:
        return None
    written = match.group("place")
    if written.endswith(".") and written.rsplit(None, 1)[-1].casefold() not in ABBREVIATIONS:
        written = written[:-1]  # the sentence's full stop, not "Fla."'s
    # "Niu Binggui, 32, and Niu Haoran, 3, Anyuan Village.": a village named as one by its own words, alone
    village = "," not in written and classify(written)[0] == "town"
    if "," not in written and match.start("place") > span[0] and not _SIDE_WORD.match(written) and not village and (
            not _a_label_closed_by_its_city(text, span, written)):
        town = _a_label_closed_by_its_town(text, span, written)  # "St. Giles Church and square, Fox Chase"
        return (town, written) if town is not None else None
        # (one name alone after a comma, "..., said Paris.", is too little; ", central Jakarta" is not)
    if _IN_A_LIST.search(text, max(0, match.start("place") - 30), match.start("place")):
        return None
    found = _known_places(written, venue_first=True)
    if found is None or found.city is None and found.province is None and found.country is None and not (
            village and found.sublocation):
        return None
    return found, written


def _a_label_closed_by_its_city(text: str, span: tuple[int, int], written: str) -> bool:
    """Whether a short caption of one line, the whole of it one sentence, closes with a city of 100,000 people or
    more after a comma: a picture's label, its subject then its place ("A fish stall, Mozang chowngi, Lahore"). A
    longer sentence names a place so in passing ("..., said Paris.")."""
    if not (span == (0, len(text.rstrip())) and len(text) <= _LABEL_CHARACTERS and "\n" not in text.strip() and (
            name_levels(written).city_population >= SET_APART_CITY)):
        return False
    # "Tumalog Falls near Oslob, Cebu.": after a town of the province of the second level that shares the city's
    # name, the name is that province's, the town's larger place (read with the sentence's phrase)
    before = _NAME_BEFORE_A_COMMA.search(text, 0, text.rfind(written))
    return before is None or not a_town_of_the_lower_province(before.group("name"), written)


def _a_label_closed_by_its_town(text: str, span: tuple[int, int], written: str) -> Place | None:
    """The town closing a short caption of one line after a comma, a picture's label ("A fish stall, Mozang
    chowngi, Goth Garelo", "St. Giles Church and square, Fox Chase"), when the gazetteer has it as a smaller city
    or GeoNames as a town, and as no province or country: the label's place, as a city of 100,000 people or more
    is (``_a_label_closed_by_its_city``, which also passes over a province named like its capital)."""
    if not (span == (0, len(text.rstrip())) and len(text) <= _LABEL_CHARACTERS and "\n" not in text.strip()):
        return None
    known = name_levels(written)
    if not (known.town_population or known.city_population) or known.province or known.country:
        return None
    before = _NAME_BEFORE_A_COMMA.search(text, 0, text.rfind(written))
    if before is not None and a_town_of_the_lower_province(before.group("name"), written):
        return None
    return Place(city=written)


#: The name right before the comma that sets a label's closing place apart: "near Oslob, " in "near Oslob, Cebu".
_NAME_BEFORE_A_COMMA = compiled(r"(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,2}),[ \t]*$")

#: The longest caption read as a label closed by its city.
_LABEL_CHARACTERS = 60


def _places_alone(text: str, spans: list[tuple[int, int]]) -> tuple[Place, str] | None:
    """A sentence that is only places, wherever it stands, as photo blogs and galleries write the scene apart
    from the prose: "... at the first Armenian parade. Yerevan, Republic Square.", "SCOTLAND. Edinburgh. The High
    Street ...", "From Gandhi Road, Vellore." Every name must be one the tables or the gazetteer know (the first
    or the last may be a venue); a sentence of places right after it fills the levels it leaves empty, when the
    two contradict each other at no level."""
    found: list[tuple[Place, str, int]] = []
    larger: list[str] = []  # the sentences of larger places read so far, largest first ("Switzerland. Canton Schwyz.")
    for number, (start, end) in enumerate(spans):
        match = _places_sentence().fullmatch(text, start, end)
        if match is None:
            continue
        written = match.group("place").rstrip()
        if written.endswith(".") and written.rsplit(None, 1)[-1].casefold() not in ABBREVIATIONS:
            written = written[:-1]  # the sentence's full stop, not "Fla."'s
        place = _known_places(written, venue_first=True)
        if place is None and larger and found[-1][2] == number - 1 and "," not in written and not found[-1][0].city:
            # "Switzerland. Canton Schwyz. Brunnen.": a town too small for the gazetteer, under the larger places
            # named before it, largest first: read as "Brunnen, Canton Schwyz, Switzerland" would be
            place = _known_places(", ".join([written, *reversed(larger)]))
            place = place if place is not None and place.city and not place.sublocation else None
        if place is None or place.city is None and place.province is None and place.country is None:
            continue
        if found and found[-1][2] == number - 1:
            first = found[-1][0]
            if any(getattr(first, level) and getattr(place, level) and (
                    getattr(first, level).casefold() != getattr(place, level).casefold())
                    for level in ("sublocation", "city", "province", "country")):
                break
            _fill_from(first, place)
            if first.city or first.sublocation or not _a_country_first(first, larger or [found[-1][1]]):
                break
            larger = larger or [found[-1][1]]
            larger.append(written)
            found[-1] = (first, found[-1][1], number)  # a smaller place may follow in the next sentence
            continue
        if found:
            break
        found.append((place, written, number))
    return (found[0][0], found[0][1]) if found else None


def _a_country_first(place: Place, written: list[str]) -> bool:
    """Whether sentences of places are written largest first, a country opening them ("SWITZERLAND. Canton Schwyz.")."""
    return place.country is not None and written[0].casefold() == place.country.casefold()


def _venue_sentence_after(text: str, spans: list[tuple[int, int]], anchor: tuple[int, int]) -> str | None:
    """The venue of a sentence that is one venue's name alone, right after the sentence of the photo's town and date:
    "Buenos Aires, 18 February 2015.  Avenida de Mayo. The march runs from Congress ..." (the venue's own words
    say it is one: a venue word or a prefix such as "Avenida")."""
    number = next((i for i, (start, end) in enumerate(spans) if start <= anchor[0] < end), None)
    if number is None or number + 1 >= len(spans):
        return None
    start, end = spans[number + 1]
    match = _places_sentence().fullmatch(text, start, end)
    if match is None or "," in match.group("place"):
        return None
    written = match.group("place").rstrip().removesuffix(".")
    level, value = classify(written)
    return value if level == "venue" else None


@cache
def _places_sentence() -> re.Pattern:
    return compiled(rf"(?:From[ \t]+)?(?P<place>{_SIDE}{_NAME}(?:[ \t]*,[ \t]*{_SIDE}{_NAME}){{0,3}})[ \t]*")


def _set_apart(text: str) -> tuple[Place, str] | None:
    """Places set apart at the end of a line by a dash, a bar, a semicolon or brackets, as galleries and photo
    blogs write them after the description: "Kids play football on the beach — Dakar, Senegal", "Fishing boats
    at dawn | Mombasa, Kenya", "Fishing boats at dawn (Mombasa, Kenya)", "A corner shop; Nouadhibou, Mauritania."
    (the full stop dropped). Every name must be one the tables or the gazetteer know (the first may be a venue
    or a small town before a known place); one name alone must be a city of 100,000 people or more, a province
    or a country ("— Photo Ana Ruiz", "- Victoria" stay out)."""
    # (every match holds one of _SET_APART_MARKS: a caption without any is not scanned)
    for match in _set_apart_line().finditer(text) if any(mark in text for mark in _SET_APART_MARKS) else ():
        written = _without_full_stop((match.group("place") or match.group("bracketed")).strip())
        if written[1:2] == "." and _DOTTED_INITIALS.fullmatch(written) and not _press_abbreviation(written):
            continue  # "... the Sant Joan traditions. | A.B.": a writer's initials, not Alberta's code dotted
        found = _known_places(written, venue_first=True)
        if found is None or found.city is None and found.province is None and found.country is None:
            continue
        if "," not in written and not (found.province or found.country) and (
                name_levels(written).city_population < SET_APART_CITY):
            continue
        if found.city is None and match.group("place") is not None:
            city = _city_in_the_field_before(text, match.start("place"), found)
            if city is not None:
                found.city, written = city, f"{city} | {written}"
        return found, written
    return None


#: The marks that set places apart in ``_set_apart_line``: a dash, a bar, a semicolon, an opening bracket.
_SET_APART_MARKS = ("-", "–", "—", "|", ";", "(")
#: Capitals each with a stop: "A.B.", "D.C.", "P.E.I.".
_DOTTED_INITIALS = compiled(r"(?:[A-Z]\.){1,3}[A-Z]?\.?")


def _press_abbreviation(written: str) -> bool:
    """Whether dotted capitals are a place's short form the press writes ("D.C.", "N.Y.", "B.C.", "P.E.I."), as
    against initials that the gazetteer matches only by a subdivision's ISO code ("A.B." for CA-AB)."""
    dotted = written if written.endswith(".") else written + "."
    return dotted.casefold() in PLACE_ABBREVIATIONS or any(
        dotted in forms for forms in PROVINCE_ABBREVIATIONS.values())


_FIELD_BEFORE = compiled(rf"(?:^|\|)[ \t]*(?P<city>{_NAME})[ \t]+\|[ \t]+$", re.MULTILINE)


def _city_in_the_field_before(text: str, start: int, found: Place) -> str | None:
    """A gallery's line of fields, "Gustavo | Lima | Peru": the field before the country (or province) set apart
    at the line's end, when it is a city the gazetteer places in that country, is the city; so is a town too small
    for the city table (``_a_town_in_the_field``: "Gustavo | Huancané | Peru")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _FIELD_BEFORE.search(text, line_start, start)
    if before is None:
        return None
    city = name_levels(before.group("city")).city_country
    larger = found.country or found.province
    code = name_levels(larger).country or (name_levels(larger).province or "").partition("-")[0] if larger else None
    if code and not (city and city == code) and _a_town_in_the_field(before.group("city"), code):
        return before.group("city")
    return before.group("city") if city and code and city == code else None


def _a_town_in_the_field(name: str, code: str) -> bool:
    """Whether a gallery's field before its country names a town of that country too small for the city table: one
    GeoNames' table of towns holds and no city elsewhere bears ("La Capilla"), or one countrystatecity places in
    the country ("Huancané", Peru). The field's place in the line says what it is; the tables say it is a town."""
    levels = name_levels(name)
    if levels.country or levels.province:
        return False
    return bool(levels.town_population and not levels.city_population) or a_town_of(name, code)


def _without_full_stop(written: str) -> str:
    """Places written at a sentence's end without the sentence's full stop ("Kandy, Sri Lanka." -> "Kandy, Sri
    Lanka"), keeping an abbreviation's ("Fresno, Calif.")."""
    if written.endswith(".") and written.rsplit(None, 1)[-1].casefold() not in ABBREVIATIONS:
        return written[:-1].rstrip()
    return written


#: One name set apart at a line's end is a city when the gazetteer knows one of at least this many people.
SET_APART_CITY = 100_000


@cache
def _set_apart_line() -> re.Pattern:
    """A dash, a bar or a semicolon after a word, then places closing the line, or places in brackets closing it.
    The pattern opens with the space or the semicolon right after the word (a look-behind checks the word), so the
    engine skips to those characters at once rather than trying every letter of the caption."""
    return compiled(rf"[ \t;](?<=\S[ \t;])(?:(?:(?<=[ \t])[ \t]*[-–—|]|(?<=;))[ \t]+"
                      rf"(?P<place>{_NAME}(?:[ \t]*,[ \t]*{_SIDE}{_NAME}){{0,3}})"
                      rf"|(?<=[ \t])[ \t]*\((?P<bracketed>{_NAME}(?:[ \t]*,[ \t]*{_SIDE}{_NAME}){{0,3}})\))"
                      r"[ \t]*\.?(?:[ \t]+\|)?[ \t]*$",  # (a bar may close it: "| Hard Times Mine, Mt Isa |")
                      re.MULTILINE)


@cache
def _ending_line(after_a_comma: bool) -> re.Pattern:
    """Places closing a sentence after a comma or a semicolon, or (not `after_a_comma`, matched at the caption's
    start) making up the whole of it. Two patterns, not one opening with "^|": the comma's then opens with one
    character, which the engine skips to at once instead of trying every position."""
    return compiled((r"[,;]\s+" if after_a_comma else "")
                      + rf"(?P<place>{_SIDE}{_NAME}(?:\s*,\s*{_SIDE}{_NAME}){{0,3}})\s*\.?\s*$")


_IN_A_LIST = compiled(r"\b(?:and|or|between|&|versus|vs\.?)\s+(?:the\s+)?$")


def _a_town_on_the_map(name: str) -> bool:
    """Whether the gazetteer knows a city or a town of 1,000 people or more so called."""
    levels = name_levels(name.title() if name.isupper() else name)
    return bool(levels.city_population or levels.town_population)


def _is_known(name: str) -> bool:
    levels = name_levels(name.title() if name.isupper() else name)
    return bool(levels.country or levels.province or levels.city_population)


def _initialism(name: str) -> bool:
    """Two or three capitals that the gazetteer knows as no country or province ("UN", "AP", "BBC"): an
    organisation's initials, which a town's name matches only by chance ("UK" and "USA" are places)."""
    if len(name) > 3 or not name.isupper() or not name.isalpha():
        return False  # (the cheap test first: most names are longer)
    levels = name_levels(name)
    return not (levels.country or levels.province)




_SPACED_DASH = compiled(r"\s[-–—]\s")
#: A country's possessive before a place's name: "China's Guizhou Province", "Japan’s Okinawa Prefecture".
_COUNTRY_OWNS = compiled(r"(?P<owner>[A-Z][\w .-]*?)['’]s\s+(?P<place>[A-Z].*)")
#: "China's Hebei Province", "China’s southwestern Guizhou Province": a country's possessive before a place.
_OWNER = compiled(r"(?P<owner>[A-Z][\w .\-]{1,30}?)['’]s\s+(?P<rest>\S.*)")


def _owner_written_before(name: str) -> tuple[str | None, str]:
    """The country that owns a place written as its possessive ("China's Hebei Province" -> China, "Hebei
    Province"), and the place's name without it (and without a side after it: "China's southwestern Guizhou
    Province"); (None, name) when the possessor is no country ("Xi'an", "St John's Wood" stay whole)."""
    match = _OWNER.fullmatch(name) if "s " in name else None
    if match is None:
        return None, name
    level, owner = classify(match.group("owner"))
    if level != "country":
        return None, name
    return owner, _SIDE_WORD.sub("", match.group("rest"), count=1)



def _a_province_after(names: list[str], number: int) -> bool:
    """Whether a province or state the tables or the gazetteer know follows names[number] in a list of places: the
    unknown names before it are the units inside it, smallest first ("Errazu village, Baztan, Basque Country,
    Spain": Baztan is the municipality), as an administrative chain is written."""
    for name in names[number + 1:]:
        name = _owner_written_before(name)[1]
        level, _ = classify(name.title() if name.isupper() and len(name) > 3 else name)
        if level == "province":
            return True
    return False


def _a_region_by_its_nation(name: str) -> bool:
    """Whether a name is a region the tables know, named with the adjective of the nation that holds it: "Iraqi
    Kurdistan", "Indian Kashmir" (a larger place written after a town, so never a person's nationality)."""
    first, _, rest = name.partition(" ")
    return is_demonym(first) and rest[:1].isupper() and classify(rest)[0] in ("province", "place") and _is_known(rest)


#: Capitalised words for a part of a city written before its name in a heading: "Downtown Tirana", "Old Dhaka".
_PARTS_BEFORE_A_CITY = ("Downtown ", "Old ", "Greater ", "Inner ", "Central ")
#: A preposition capitalised as a headline writes it, before the place the headline names: "Daily Life In Krakow,
#: Poland", "Protest At Strasbourg, France" (the words before it name the story, not the place).
_HEADLINE_PREPOSITION = compiled(r" (?:In|At|Near) (?=[A-Z])")


def _known_places(written: str, venue_first: bool = False, by_position: bool = False) -> Place | None:
    """A comma-separated list of places, if every name in it is a place the gazetteer or the tables know
    (the first may be a venue, or a town too small for the gazetteer when a known place follows). `by_position`:
    two names or more, of which one is known, the others placed by their position ("Brgy. Sto. Nino, Bayugan,
    Agusan del Sur": a village by its kind, a city the gazetteer knows, then a province it does not)."""
    any_known = False
    if written.endswith(".."):
        written = written.rstrip(". \t")  # "Bora, Ethiopia...": a heading trailing off, the dots no part of a name
    names = [_SIDE_WORD.sub("", n.strip(), count=1) for n in written.split(",") if n.strip()]
    if names and len(names) > 1:  # "France v United States - Parc des Princes, Paris, France": the event's
        names[0] = _SPACED_DASH.split(names[0])[-1]  # words before the first place, as Reuters' sports desk
    if not names or any(_SPACED_DASH.search(name) for name in names):
        return None  # "Soccer Football - Premier League - ...": a sports desk's heading, no place's name
    if len(names) == 1 and _initialism(names[0]):
        return None  # "UN" left of "UN Photo/Name" on its line: an organisation's initials, not Un, Gujarat
    if len(names) == 1 and len(names[0]) <= 2 and not names[0].isupper():
        return None  # "No" alone on a line (a table's cell): a word, though a region's code; "UK" is a place
    if names[0].startswith(_PARTS_BEFORE_A_CITY):
        part, _, rest = names[0].partition(" ")
        if rest and not _is_known(names[0]) and name_levels(rest).city_population >= SET_APART_CITY:
            names[0] = rest  # "Downtown Tirana: a statue ...": a part of the city, named by its city
    if len(names) > 1 and (" In " in names[0] or " At " in names[0] or " Near " in names[0]) and not _is_known(
            names[0]):
        rest = _HEADLINE_PREPOSITION.split(names[0])[-1]
        if rest != names[0] and _is_known(rest):
            names[0] = rest  # "Daily Life In Krakow, Poland": the story's headline, then its place
    if len(names) > 1 and " " in names[-1] and not _is_known(names[-1]):
        closing = _country_closing(names[-1])
        if closing is not None and closing.city and closing.country:
            names[-1:] = [closing.city, closing.country]  # "Ala-Too Square, Bishkek Kyrgyzstan": no comma before it
    if names[-1].endswith(".") and "." not in names[-1][:-1] and (
            _is_known(names[-1][:-1]) or _a_full_stop_after_a_name(names[-1])):
        names[-1] = names[-1][:-1]  # "Location: Istiqlal Mosque, Jakarta.": the line's full stop, no
        # abbreviation's ("Salem, Ore." keeps it: "Ore" alone is no place)
    owners = []
    for number, name in enumerate(names):
        owned = _COUNTRY_OWNS.match(name)
        if owned and classify(owned.group("owner"))[0] == "country":
            names[number] = owned.group("place")  # "north China's Hebei Province": Hebei, in China
            owners.append(owned.group("owner"))
    if owners and not any(classify(name)[0] == "country" for name in names):
        names.append(owners[-1])
    elements: list[Element] = []
    for number, name in enumerate(names):
        owner, name = _owner_written_before(name)
        written_as = name.title() if name.isupper() and len(name) > 3 else name
        level, value = classify(written_as)
        if level in ("event", "ignore"):
            return None
        known = level in ("country", "province", "city", "county", "town") or _is_known(written_as)
        if not known and number and is_county(name):
            level, known = "province", True  # "Clifden, Co Galway – Cattle on fair day": a town and its county
        if not known and number and " " in written_as and _a_region_by_its_nation(written_as):
            level, value, known = "province", name, True  # "SULAYMANIYAH, IRAQI KURDISTAN": Kurdistan, of Iraq
        if not known and number and POSTAL.fullmatch(name) and subdivision_holding(names[number - 1], name):
            level, known = "province", True  # "Lower Sackville, NS": a state's code, checked against the town
        if not known and level == "place" and number and elements[-1].level == "venue" and (
                name_levels(written_as).town_population):
            known = True  # "Gyeongbok Palace, Tidaholm, Sunday": a named site, then a town GeoNames knows: its town
        last_venue = number == len(names) - 1 and number > 0 and level == "venue"
        # "Bolivia, San Jose de Chipo": the country written first, then a town too small for the gazetteer (read
        # reversed below, the town first as in "San Jose de Chipo, Bolivia")
        town_after_its_country = number == len(names) - 1 == 1 and elements[0].level == "country" and (
            level == "place")
        any_known = any_known or known
        if not known and not (number == 0 and (level == "venue" or len(names) > 1)) and not last_venue and not (
                town_after_its_country) and not (by_position and len(names) > 1) and not (
                level == "place" and _a_province_after(names, number)) and not (
                level == "place" and number == 1 == len(names) - 2 and elements[0].level == "venue"
                and name_levels(names[2]).city_population >= SET_APART_CITY and not name_levels(names[2]).country):
            return None  # (a quarter between a site and a large city: "Chowk Bazaar, Lalbag, Dhaka", below)
        element = Element(level, value, 0, 0, link=",", country=owner)
        if level in ("place", "city"):
            levels = name_levels(value)
            element.population, element.also_province = levels.city_population, bool(levels.province)
            if level == "place" and not (levels.city_population or levels.province or levels.country):
                element.town = levels.town_population  # (a town GeoNames knows: see _a_town_of_the_province)
        elements.append(element)
    for element, following in pairwise(elements):
        if element.town and not _a_town_of_the_province(element, following):
            element.town = 0  # "Lerma, Campeche": a community of the capital, its quarter (resolve's reading)
    if len(elements) == 1 and elements[0].level == "venue" and not venue_first or by_position and not any_known:
        return None
    if len(elements) > 1 and elements[0].level == "country" and elements[-1].level != "country":
        elements.reverse()  # "JAPAN, Hiroshima -": AFP writes the country first
    elif len(elements) > 1 and elements[-1].level == "venue" and elements[0].level != "venue":
        elements.reverse()  # "Rome, Piazza Navona": the town first, then the site in it
    if len(elements) == 3 and elements[0].level == "venue" and _a_district_before_its_city(*elements[1:]):
        del elements[1]  # "Shot At: Chowk Bazaar, Lalbag, Dhaka.": the site, its quarter, the city holding both
    chain = Chain("heading", elements)
    place, sub_admin = resolve(chain)
    venues = chain.venues
    place.sublocation = venues[-1].value if venues else sub_admin
    return place if place != Place() else None


def _a_town_of_the_province(town: Element, province: Element) -> bool:
    """Whether a town GeoNames knows, written before a province named like its capital, is a town of that province
    ("El Volador, Veracruz", as the scene's phrase reads "in El Volador, Veracruz"), not a quarter of the capital
    ("Lerma, Campeche": a community 9 km from the city): it lies outside the capital's reach. Before any other
    name, the town stays a town."""
    if not (province.also_province and province.population):
        return True
    return not a_town_near(town.value, province.value, _CAPITALS_REACH_KM)


#: How far from a city a town of the same name as one of its quarters may lie and still be that quarter.
_CAPITALS_REACH_KM = 30


def _a_full_stop_after_a_name(written: str) -> bool:
    """Whether the stop closing `written` ends the line, not an abbreviation: its last word has four letters or
    more and is no short form the tables know ("PhotoShop Street, Trá Mhór.", "Quorva Street, Carrick-on-Suir.";
    "Salem, Ore." and "Ottawa, Ont." keep theirs)."""
    word = written.rsplit(None, 1)[-1]
    return len(word) > 4 and word.casefold() not in ABBREVIATIONS and not word[:-1].isupper()


def _a_district_before_its_city(district: Element, city: Element) -> bool:
    """Whether a name nothing knows, between a named site and a city the gazetteer knows well that closes the line,
    is the city's quarter ("Chowk Bazaar, Lalbag, Dhaka"): no town of the gazetteer's, the city a large one."""
    return district.level == "place" and not district.population and city.level in ("place", "city") and (
        city.population >= SET_APART_CITY) and not name_levels(district.value).town_population
