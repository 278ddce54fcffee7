"""The last look at a caption's province and venue before they are taken: a name the readers put in the
province that is no province's, a venue's name that is an event's edition (issue 14: an empty answer is better than a
wrong one; a neighbouring level's name, or a word of the country's, is not a province).

Each check is one shape, named by its words, and leaves the value out with the reason for
``--explain``:

    ... in Skopje, Republic of North Macedonia.       province "Republic": a word of a state's own name, alone
    ... in Karachaganak, West Kazakhstan region, ...  province "Kazakhstan region": a region named for its country
                                                      is always qualified ("West"): the name was cut short
    ... in Blikkiesdorp, Delft, Cape Town.            province "Cape Town": a city of a million people the
                                                      gazetteer knows as no province; the city is named too
    ... the Connacht/Munster vs Leinster/Ulster game  province "Connacht": a side of a match, a team named for its
                                                      place, every time the caption writes it (check_sides)
    ... an exercise in central Luzon.                 city "Luzon": a name no gazetteer level knows, written each time
                                                      after a direction ("central", "northern"): a region or an
                                                      island with parts, no city (check_region)
    Christmas lights at Oistins in Barbados.          sublocation "Oistins" -> city: a bare name GeoNames knows as
                                                      a town, its country written and no city: the town is the
                                                      city's level, no venue (check_town)
    Red beach on Cape Breton's east coast.            sublocation "Cape Breton": a land holding the scene, written
                                                      with its coast, no venue (check_region)
    A cookout in Quorva Springs on June 9.            sublocation "Quorva Springs": a name closing in a word that
                                                      closes towns' names as often as sites', written only after
                                                      "in" and no town named: town or site, nothing tells (check_town)
    ... drew a crowd to the 173rd Bay of Islands      sublocation "173rd Bay of Islands Pastoral": an ordinal
    Pastoral and Industrial Show.                     opens an event's edition or an era ("the 19th Century
                                                      Agdam Mosque"), never a venue's own name (but "5th Avenue")
"""

from __future__ import annotations

import re
from collections.abc import Callable

from catalog.captions.types import Place
from catalog.captions.vocabulary import (
    COUNTRIES,
    LARGE_TOWN_VENUE_WORDS,
    STATES,
    STREET_WORDS,
    TOWN_LIKE_VENUE_WORDS,
    VENUE_WORDS,
)
from catalog.patterns import compiled

#: Words of a state's own name ("Republic of North Macedonia", "Kingdom of Bhutan"), which alone name no province.
_STATE_FORMS = frozenset({"republic", "kingdom", "federation", "commonwealth", "union", "emirates", "principality",
                          "sultanate", "confederation"})
#: Words closing a region named for its country ("West Kazakhstan region", "North Kazakhstan oblast"): with the
#: country's name alone before them, the qualifier was cut.
_REGION_WORDS = frozenset({"region", "oblast"})
#: A province the gazetteer knows only as a city of this many people, beside another city, is that city.
_CITY_POPULATION = 1_000_000
#: An ordinal number opening a name, and the word after it.
_ORDINAL_OPENING = compiled(r"\d+(?:st|nd|rd|th)\s+([\w’'.-]+)")


#: Units of a court's or a city's map that are numbered by an ordinal: with a venue's word closing the name, the
#: unit's building ("the 47th District Courthouse", "the 9th Precinct station house").
_NUMBERED_UNITS = frozenset({"district", "ward", "precinct", "circuit"})


def venue_check(venue: str | None) -> str | None:
    """Why an English venue is no venue's name, or None to keep it.

    >>> venue_check("173rd Bay of Islands Pastoral"), venue_check("5th Avenue"), venue_check("10 Downing Street")
    ("an ordinal opens it: an event's edition or an era, not a venue's name", None, None)
    >>> venue_check("47th District Courthouse"), venue_check("7th District")
    (None, "an ordinal opens it: an event's edition or an era, not a venue's name")
    >>> venue_check("Quorva Township Quorva Township"), venue_check("Walla Walla")
    ("the same words twice (a title run into the caption's first words): no name as written", None)
    """
    if venue and " " in venue:
        words = venue.split()
        half = len(words) // 2
        if half > 1 and len(words) == 2 * half and words[:half] == words[half:]:
            # "Khayelitsha Township Khayelitsha Township stretching as far as the eye can see": a gallery's title
            # and the caption opening with the same words; which level the name is, nothing says
            return "the same words twice (a title run into the caption's first words): no name as written"
    if not venue or not venue[:1].isdigit():
        return None
    ordinal = _ORDINAL_OPENING.match(venue)
    if ordinal and ordinal.group(1).casefold() in _NUMBERED_UNITS and venue.split()[-1].casefold() in VENUE_WORDS:
        return None  # "the 47th District Courthouse", "the 9th Precinct station": a numbered unit's building
    if ordinal and ordinal.group(1).casefold().rstrip(".") not in STREET_WORDS:
        return "an ordinal opens it: an event's edition or an era, not a venue's name"
    return None


def province_check(place: Place) -> str | None:
    """Why an English province is no province's name, or None to keep it.

    >>> province_check(Place(city="Skopje", province="Republic", country="North Macedonia"))
    "a word of a state's own name, alone"
    >>> province_check(Place(city="Karachaganak", province="Kazakhstan region", country="Kazakhstan"))
    'a region named for its country, its qualifier cut off'
    >>> province_check(Place(city="Hefei", province="Anhui")) is None
    True
    """
    province = place.province
    if not province:
        return None
    words = province.split()
    folded = [word.casefold() for word in words]
    if len(words) == 1 and folded[0] in _STATE_FORMS:
        return "a word of a state's own name, alone"
    if len(words) >= 2 and folded[-1] in _REGION_WORDS and " ".join(folded[:-1]) in COUNTRIES:
        return "a region named for its country, its qualifier cut off"
    if place.city and place.city != province and _only_a_big_city(province):
        return "a city of a million people the gazetteer knows as no province, beside the scene's city"
    return None


def _only_a_big_city(name: str) -> bool:
    from catalog.captions.gazetteer import name_levels

    known = name_levels(name)
    return known.city_population >= _CITY_POPULATION and not known.province


def leave_out(place: Place, level: str, why: str | None, note=None) -> None:
    """Leave `level` of `place` out (in place) when `why` gives a reason, which goes to `note` ("left out: city
    'X', the reason"); nothing when `why` is None. The place checks of both languages leave values out this way.

    >>> place = Place(city="Quorva", country="Estonia")
    >>> leave_out(place, "city", "no city", print); place.city, place.country
    left out: city 'Quorva', no city
    (None, 'Estonia')
    """
    if why is None:
        return
    if note:
        note(f"left out: {level} {getattr(place, level)!r}, {why}")
    setattr(place, level, None)


def every_mention(text: str, name: str, holds: Callable[[int, int], bool]) -> bool:
    """Whether the text writes `name` at least once and `holds(start, end)` is true of every place it is written:
    the shape of the checks below, which leave a name out only when no mention of it is the scene's.

    >>> text = "Quorva v Lindt, then Quorva v Marrow."
    >>> every_mention(text, "Quorva", lambda at, end: text[end:end + 2] == " v")
    True
    >>> text = "Quorva v Lindt in Quorva."
    >>> every_mention(text, "Quorva", lambda at, end: text[end:end + 2] == " v")
    False
    """
    at = text.find(name)
    if at < 0:
        return False
    while at >= 0:
        end = at + len(name)
        if not holds(at, end):
            return False
        at = text.find(name, end)
    return True


#: What sets two sides of a match against each other, right before a side ("... vs Quorva", "...对阵辽宁") or right
#: after it, past the other sides joined to it by "/" ("Connacht/Munster vs ...", "广东队对阵..."): "vs", "vs.", "v.",
#: "versus", a lower-case "v" (a capital "V" alone is a numeral: "Henry V"), 对阵 (對陣).
_SIDES_BEFORE = compiled(r"(?:\b[Vv][Ss]\.?|\bv\.?|\b[Vv]ersus)\s+$|(?:对阵|對陣)\s*$")
_SIDES_AFTER = compiled(r"(?:\s*/\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)*\s+(?:[Vv][Ss]\b\.?|v\b\.?|[Vv]ersus\b)"
                        r"|[队隊]?\s*(?:对阵|對陣)")


def side_check(text: str, name: str | None) -> str | None:
    """Why a place's name is a team's in this text, or None: every time it is written, it is a side of a match.

    >>> side_check("A view of the Connacht/Munster vs Leinster/Ulster game at the Aviva Stadium.", "Connacht")
    'a side of a match (a team named for its place): every time it is written, beside vs'
    >>> side_check("10月14日，广东队对阵辽宁队的比赛中，球员拼抢。", "广东")
    'a side of a match (a team named for its place): every time it is written, beside vs'
    >>> side_check("Quorva v Lindt in Quorva on Sunday.", "Quorva") is None
    True
    """
    if not name or not every_mention(text, name, lambda at, end: bool(
            _SIDES_BEFORE.search(text, max(0, at - 12), at) or _SIDES_AFTER.match(text, end))):
        return None
    return "a side of a match (a team named for its place): every time it is written, beside vs"


#: The last words of a body's name: after "through" such a name is the channel something was given by, not a place.
_BODY_WORDS = frozenset({"office", "ministry", "department", "bureau", "agency", "council", "commission",
                         "authority", "administration", "committee", "directorate", "secretariat"})
#: "through", "via" and an article right before a name.
_CHANNEL_BEFORE = compiled(r"\b(?:through|via)\s+(?:the\s+)?$", re.IGNORECASE)


def channel_check(text: str, venue: str | None) -> str | None:
    """Why a venue is the body something was done through, not a place, or None: a body's name (closing with
    "Office", "Ministry", "Department" ...) written each time after "through" or "via".

    >>> channel_check("Pets got free shots given by the town through the Municipal Quorva Office.",
    ...               "Municipal Quorva Office")
    'a body that something was given through, not a place'
    >>> channel_check("Staff work at the Municipal Quorva Office.", "Municipal Quorva Office") is None
    True
    """
    if not venue or venue.rsplit(None, 1)[-1].casefold() not in _BODY_WORDS:
        return None
    if not every_mention(text, venue, lambda at, end: bool(_CHANNEL_BEFORE.search(text, max(0, at - 14), at))):
        return None
    return "a body that something was given through, not a place"


#: After a Chinese place's name, what makes it the name of an anniversary: other places joined by "-" or "、",
#: then (成立, 建市, 建州, 解放 ...) and a number of years (周年): "玉树藏族自治州成立70周年庆祝大会",
#: "西贡-堤岸-嘉定-胡志明市成立320周年图书周", the event's name, not its place.
_ANNIVERSARY_AFTER = compiled(r"(?:[-－—、][^-－—、\s，,。]{1,12})*(?:成立|建立|建市|建州|建县|建区|设立|解放|建校)?"
                              r"[0-9０-９一二三四五六七八九十百]{1,4}\s*(?:周年|週年)")


def anniversary_check(text: str, name: str | None) -> str | None:
    """Why a Chinese place's name is only an anniversary's, or None: every time it is written, the founding's
    years follow it ("玉树藏族自治州成立70周年庆祝大会在玉树市举行": the prefecture names the anniversary, the meeting
    is in the city).

    >>> anniversary_check("8月4日，奎尔瓦州成立70周年庆祝大会在林特市举行。", "奎尔瓦州")
    "named only as an anniversary's: the founding's years follow it"
    >>> anniversary_check("8月4日，奎尔瓦州成立70周年庆祝大会在奎尔瓦州举行。", "奎尔瓦州") is None
    True
    """
    if not name or ("周年" not in text and "週年" not in text):
        return None
    if not every_mention(text, name, lambda at, end: bool(_ANNIVERSARY_AFTER.match(text, end))):
        return None
    return "named only as an anniversary's: the founding's years follow it"


def source_check(text: str, name: str | None) -> str | None:
    """Why a place's name is only the picture's source, or None: a news agency's name (the agency registry's: Xinhua
    is also a county of Hunan) written each time right after "photo from", "picture courtesy of" or the like.

    >>> source_check("Villagers read in a library, photo from Xinhua, December 11.", "Xinhua")
    "named only as the picture's source: a news agency's name after 'photo from'"
    >>> source_check("Farmers plant rice in Xinhua, Hunan, photo from Xinhua.", "Xinhua") is None
    True
    """
    if not name or not every_mention(text, name, lambda at, end: bool(_PICTURE_FROM.search(text, max(0, at - 40), at))):
        return None
    from catalog.agencies import agency

    if agency(name) is None:
        return None
    return "named only as the picture's source: a news agency's name after 'photo from'"


#: What a picture's source follows: "photo from", "pictures courtesy of", "image via" (then perhaps "the").
_PICTURE_FROM = compiled(r"\b(?:photo|picture|image|video|footage)s?\s+(?:from|via|courtesy(?:\s+of)?)\s+(?:the\s+)?$",
                         re.IGNORECASE)


def check_sides(place: Place, text: str, note=None) -> None:
    """Leave out (in place) each level whose name the text writes only as a side of a match, with the reason in
    `note` ("the Connacht/Munster vs Leinster/Ulster game" gives no province), a venue that is only the body
    something was done through ("shots given free through the Municipal Agriculture Office"), a news agency's name
    written only as the picture's source ("photo from Xinhua"), and a Chinese place written only before its
    founding's years. (Each check is asked only when the text holds what it needs: a
    "v", 对阵, a body's word closing the venue, 周年; most captions hold none.)"""
    if " v" in text or "V" in text or "对阵" in text or "對陣" in text:
        for level in _LEVELS:
            name = getattr(place, level)
            if name:
                leave_out(place, level, side_check(text, name), note)
    venue = place.sublocation
    if venue and venue.rsplit(None, 1)[-1].casefold() in _BODY_WORDS:
        leave_out(place, "sublocation", channel_check(text, venue), note)
    if " from " in text or " via " in text or "courtesy" in text:
        for level in ("city", "province", "country"):
            leave_out(place, level, source_check(text, getattr(place, level)), note)
    if "周年" in text or "週年" in text:
        for level in ("sublocation", "city", "province"):
            leave_out(place, level, anniversary_check(text, getattr(place, level)), note)
        if venue and not place.sublocation and place.city and place.city not in text:
            # "西贡-堤岸-...成立320周年图书周": 西贡 (Sai Kung) gave 香港, written nowhere; with the venue gone, it goes
            leave_out(place, "city", "written nowhere: it came from the venue left out", note)


#: The levels of a place, smallest first.
_LEVELS = ("sublocation", "city", "province", "country")


def check_province(place: Place, note=None) -> None:
    """Leave out (in place) a province that is no province's name and a venue that is no venue's, with the reason
    in `note`."""
    leave_out(place, "province", province_check(place), note)
    _coast_of_a_state(place, note)
    leave_out(place, "sublocation", venue_check(place.sublocation), note)


#: The words of a land's whole shore, after its name ("the New Jersey coast"): no venue of its own.
_COAST_WORDS = frozenset({"coast", "coastline"})


def _coast_of_a_state(place: Place, note=None) -> None:
    """A venue that is a state's, a province's or a country's whole coast ("along the New Jersey coast", "the North
    Carolina coast") names no site: the state is the province (the country the country) when none is read, and the
    venue is left out. A town's or a region's coast ("the Manzanilla coastline", "the West Cork coast") stays."""
    from catalog.captions.gazetteer import name_levels

    words = (place.sublocation or "").split()
    if len(words) < 2 or words[-1].casefold() not in _COAST_WORDS:
        return
    land = " ".join(words[1:-1] if words[0].casefold() == "the" else words[:-1])
    known = name_levels(land)
    if land.casefold() in COUNTRIES:
        place.country = place.country or land
    elif land.casefold() in STATES or known.province and not known.city_population:
        place.province = place.province or land
    else:
        return
    if note:
        note(f"left out: sublocation {place.sublocation!r}, a state's or a country's whole coast, no site")
    place.sublocation = None


#: A direction right before a name, which makes it a whole with parts: "in central Luzon", "across northern Quorva".
_DIRECTION_BEFORE = compiled(r"\b(?:central|(?:north|south)(?:-?(?:east|west))?ern|eastern|western|"
                             r"(?:north|south)-?(?:east|west))\s+$", re.IGNORECASE)
#: The kinds of name that mark their own level ("Sauk County", "Quorva City").
_MARKED = frozenset({"city", "county", "town", "province"})
#: The words a direction opens (a quick look before the regular expression is asked).
_DIRECTION_HINTS = ("central ", "ern ", "east ", "west ")


def region_check(text: str, city: str | None) -> str | None:
    """Why an English city is a region or an island, or None: a name no gazetteer level knows (no city, province
    or country of that name, no "City" or "County" of its own; a small town of the name in GeoNames' table of
    towns is no more than a namesake, as in the confidence gate's "unknown name"), written each time after a
    direction. A city the gazetteer knows is kept ("in central Tokyo").

    >>> region_check("Marines train during an exercise in central Quorva.", "Quorva")
    'a region or an island with parts (written after a direction), no city the gazetteer knows'
    >>> region_check("Traffic in central Tokyo on Monday.", "Tokyo") is None
    True
    >>> region_check("Rain in central Quorva, then in Quorva's port.", "Quorva") is None
    True
    """
    if not city:
        return None
    if not every_mention(text, city, lambda at, end: bool(_DIRECTION_BEFORE.search(text, max(0, at - 16), at))):
        return None
    from catalog.captions.gazetteer import name_levels
    from catalog.captions.place_names import classify

    known = name_levels(city)
    if known.city_population or known.province or known.country or classify(city)[0] in _MARKED:
        return None
    if _a_town_of_several_words(city, known.town_population):
        return None
    return "a region or an island with parts (written after a direction), no city the gazetteer knows"


#: The fewest people of a GeoNames town written after a direction for it to be kept (the table holds towns of
#: 1,000 or more; a smaller figure marks a municipality's name, as "Isle of Wight").
_TOWN_AFTER_A_DIRECTION = 1_000


def _a_town_of_several_words(city: str, town_population: int) -> bool:
    """Whether a name written after a direction is a town of several words that GeoNames holds ("in central South
    Molton", "in southeast Chevy Chase", "central Bradford-on-Avon"): a settlement's name, kept. The regions and
    islands captions write after a direction are one word when no gazetteer level knows them, and many one-word
    ones are small towns' names too ("Luzon", "Java", "Bohemia": a namesake, left out); a name of several words
    closing in a landform's or a site's word ("Black Forest", "Blue Ridge", "Death Valley") is a region still.

    >>> _a_town_of_several_words("South Molton", 5108), _a_town_of_several_words("Luzon", 3211)
    (True, False)
    >>> _a_town_of_several_words("Black Forest", 13116), _a_town_of_several_words("Quorva Sabak", 1)
    (False, False)
    """
    words = re.split(r"[\s\-]+", city.casefold())
    return (town_population >= _TOWN_AFTER_A_DIRECTION and len(words) > 1
            and words[-1] not in TOWN_LIKE_VENUE_WORDS | LARGE_TOWN_VENUE_WORDS)


#: After a place's possessive, a part of a land that holds the scene ("Cape Breton's east coast", "Quorva's far
#: northern shore", "Ghana's interior"): the place is a region or an island, larger than any venue.
_LANDS_PART_AFTER = compiled(r"['’]s\s+(?:(?:far|upper|lower|central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|"
                             r"east(?:ern)?|west(?:ern)?)\s+)*(?:coast|coastline|shore|shores|interior|outskirts|"
                             r"hinterland|countryside)\b")


def land_check(text: str, venue: str | None) -> str | None:
    """Why an English venue is a region or an island holding the scene, or None: every time it is written, its
    possessive is followed by a part of a land (its coast, shore, interior: "Red beach on Cape Breton's east coast,
    near Ingonish"), which a venue has not.

    >>> land_check("Red rocks on Quorva Point's east coast, near Lindt.", "Quorva Point")
    'a region or an island holding the scene (its coast or its interior written after it), no venue'
    >>> land_check("Red rocks on Quorva Point's steps, near Lindt.", "Quorva Point") is None
    True
    """
    if not venue or not every_mention(text, venue, lambda at, end: bool(_LANDS_PART_AFTER.match(text, end))):
        return None
    return "a region or an island holding the scene (its coast or its interior written after it), no venue"


def check_region(place: Place, text: str, note=None) -> None:
    """Leave out (in place) an English city that is a region or an island written with its parts ("in central
    Luzon"), and a venue written only as a land holding the scene ("on Cape Breton's east coast"), with the reason
    in `note`. (Asked only when the text holds a direction's word, or a possessive after the venue.)"""
    if place.city and any(hint in text for hint in _DIRECTION_HINTS):
        leave_out(place, "city", region_check(text, place.city), note)
    if place.sublocation and (f"{place.sublocation}'s " in text or f"{place.sublocation}’s " in text):
        leave_out(place, "sublocation", land_check(text, place.sublocation), note)


def town_check(place: Place) -> str | None:
    """Why an English venue is the caption's town, to be read as its city, or None: a bare name (no venue's, town's
    or county's word) that the gazetteer knows as a city or GeoNames as a town, and no province or country, with
    no city beside it but its province or country written: the chain goes from the town straight to its region
    ("at Oistins in Barbados", "the village of Kacanik, in the south of the province of Kosovo"). Without the
    region written, a bare name is as often a quarter ("Roppongi") or a ground ("Old Trafford") as a town.

    >>> town_check(Place(sublocation="Oistins", country="Barbados"))
    'a town the gazetteer knows, its region written and no city: the city level, no venue'
    >>> town_check(Place(sublocation="Oistins")), town_check(Place(sublocation="Quorva", country="Peru"))
    (None, None)
    """
    venue = place.sublocation
    if not venue or place.city or not (place.country or place.province):
        return None
    from catalog.captions.gazetteer import name_levels
    from catalog.captions.place_names import classify

    if classify(venue)[0] != "place":
        return None
    known = name_levels(venue)
    if known.province or known.country or not (known.city_population or known.town_population):
        return None
    return "a town the gazetteer knows, its region written and no city: the city level, no venue"


#: The last words of a name that close towns' names as often as sites' ("Tenakee Springs", "Beverly Hills", "Chenega
#: Bay", "Upper Wilsons Creek" against "Old Harbour Bay", "Cypress Creek"): TOWN_LIKE_VENUE_WORDS without the words
#: of a made site, which a town's name rarely closes in ("park", "gardens", "station", "centre", "field", "fort" ...).
_TOWN_OR_SITE_WORDS = frozenset({"springs", "hills", "creek", "bay", "heights", "falls", "harbor", "harbour", "beach",
                                 "valley", "ridge", "grove", "point", "wells", "landing", "crossing", "bluff",
                                 "bluffs", "rapids"})
#: What writes a town rather than a site before its name: "in" with no article ("a cookout in Tenakee Springs"; a
#: site is "at", "on" or "the" one), or a resident "of" it ("a 40-year resident of Upper Wilsons Creek").
_TOWN_BEFORE = compiled(r"\b[Ii]n\s+$|\bresidents?\s+of\s+$")
_TOWN_OR_SITE = 'a town or a site, nothing tells which: its last word closes both, written after "in", no city named'


def town_or_site_check(place: Place, text: str) -> str | None:
    """Why an English venue may as well be the caption's town, to be left out, or None to keep it: a name of two or
    three words closing in a word that closes towns' names as often as sites' ("Springs", "Hills", "Creek", "Bay"),
    written each time after a bare "in" (or "resident of"), and no city named: a town so named is the city's level,
    a site so named the venue's, and nothing in the caption tells which (GeoNames knows few such small towns:
    Tenakee Springs, Chenega Bay are in no table). With its state written after it, ``place_fields`` reads the town.

    >>> town_or_site_check(Place(sublocation="Quorva Springs"), "A cookout in Quorva Springs on June 9.")
    'a town or a site, nothing tells which: its last word closes both, written after "in", no city named'
    >>> town_or_site_check(Place(sublocation="Quorva Springs"), "A cookout at Quorva Springs on June 9.") is None
    True
    >>> town_or_site_check(Place(sublocation="Quorva Park"), "A cookout in Quorva Park on June 9.") is None
    True
    """
    venue = place.sublocation
    if not venue or place.city:
        return None
    words = venue.split()
    if not 2 <= len(words) <= 3 or words[-1].casefold() not in _TOWN_OR_SITE_WORDS:
        return None
    if not every_mention(text, venue, lambda at, end: bool(_TOWN_BEFORE.search(text, max(0, at - 16), at))):
        return None
    return _TOWN_OR_SITE


#: The words of a settlement's kind that close a description of the town named after "of" ("the Paros port town of
#: Parikia", "the Quorva fishing village of Lindt"); "city" is left out, as "the Old City of Jerusalem" is a quarter.
_SETTLEMENT_KINDS = frozenset({"town", "village", "township", "hamlet"})


def town_kind_check(place: Place, text: str) -> str | None:
    """Why an English venue is only the kind of town the city is, or None: a venue closing in a settlement's word
    ("town", "village") after a word in small letters ("port", "fishing"), written each time right before "of" and
    the caption's city ("passing above the Paros port town of Parikia"): the words describe the city, they name no
    venue inside it (a name right before the word is a village's own: "Dipu Village of Hangzhou").

    >>> town_kind_check(Place(sublocation="Quorva port town", city="Lindt"), "Above the Quorva port town of Lindt.")
    'the kind of town the city is (written right before "of" and the city), no venue'
    >>> town_kind_check(Place(sublocation="Quorva Village", city="Lindt"), "In Quorva Village of Lindt.") is None
    True
    """
    venue, city = place.sublocation or "", place.city
    words = venue.split()
    if not city or len(words) < 3 or words[-1].casefold() not in _SETTLEMENT_KINDS or not words[-2].islower():
        return None  # ("Dipu Village of Hangzhou", "the Alexandra township of Johannesburg": a name, then its kind)
    if not every_mention(text, venue, lambda at, end: text.startswith(f" of {city}", end)):
        return None
    return 'the kind of town the city is (written right before "of" and the city), no venue'


def check_town(place: Place, note=None, text: str = "") -> None:
    """Read an English venue that is the caption's town (``town_check``) as its city, with the reason in `note`;
    leave out one that may as well be the town as a site (``town_or_site_check``), or that only says what kind of
    town the city is (``town_kind_check``)."""
    why = town_check(place)
    if why is None:
        if text and place.sublocation and not place.city:
            leave_out(place, "sublocation", town_or_site_check(place, text), note)
        elif text and place.sublocation and " of " in text:
            leave_out(place, "sublocation", town_kind_check(place, text), note)
        return
    if note:
        note(f"sublocation {place.sublocation!r} -> city: {why}")
    place.city, place.sublocation = place.sublocation, None


#: Names that are both a U.S. state and a country: written alone, the country is meant, unless the caption is an
#: American service's or is set on an American base.
_STATES_NAMED_AS_COUNTRIES = {"georgia": "Georgia"}
#: An American armed service or government body as the credit's agency: "U.S. Army", "New York Air National Guard".
_AMERICAN_SERVICE = compiled(r"^(?:U\.?S\.?|United States)\b|\bNational Guard$")
#: An American base's name as the venue: "Fort Benning", "Camp Lejeune", "Dobbins Air Reserve Base", "Moody AFB".
_AMERICAN_BASE = compiled(r"^(?:Fort|Camp)\s|\s(?:Air\s+Force\s+Base|Air\s+Reserve\s+Base|ARB|AFB)$")


def check_state_named_as_country(place: Place, agency: str | None, note=None) -> None:
    """A state written alone that is also a country ("at Fort Benning, Georgia", "a training center in Georgia")
    is the U.S. state when the credit is an American service's or the venue an American base: the province, and
    no country (none is written).

    >>> place = Place(sublocation="Fort Benning", country="Georgia")
    >>> check_state_named_as_country(place, "U.S. Army"); place
    Place(sublocation='Fort Benning', city=None, province='Georgia', country=None)
    """
    state = _STATES_NAMED_AS_COUNTRIES.get((place.country or "").casefold())
    if state is None or place.city or place.province:
        return
    if not (agency and _AMERICAN_SERVICE.search(agency) or place.sublocation and _AMERICAN_BASE.search(
            place.sublocation)):
        return
    place.province, place.country = state, None
    if note:
        note(f"province {state!r}: a U.S. state named as a country, in an American service's caption or base")
