"""The evidence behind each place value read from English caption prose, and the values too weakly held to keep.

A place value is only as good as what produced it: the gazetteer knowing the name (a city with its population,
a province), a place word written with it ("County", "province"), a larger known place after it in the chain
("Rempoa, South Jakarta"), or the preposition that introduced it. The chain readers (``place_chains.py``)
find every place phrase; ``place_fields.resolve`` turns the scene's chain into fields by position. This module
weighs what they produced and leaves out a value with no evidence but its position: the parser abstains rather
than guess (fewer than 1 value in 200 taken from a caption may be wrong, issue 14). Each value left out comes
with its reason, for ``parse-caption --explain``. The words and the signals' weights are data, in
``catalog/rules/place_evidence.toml``.
Worked examples::

    Smith Street in Chinatown          city 'Chinatown' left out: no city the gazetteer knows, nothing places it
    in Pasay City, World Wildlife Day  province 'World Wildlife Day' left out: a province by position only
    in Hefei                           city Hefei kept: the gazetteer knows a city of 9 million so called
    in Xinshi, Zhejiang province       city Xinshi kept: placed by the province written after it
    near Sree Padmanabhaswamy temple   sublocation left out: "near" puts the photo beside it, not in it
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from catalog.cachedir import shipped_toml
from catalog.captions.types import Place
from catalog.captions.vocabulary import KIND_LEVELS
from catalog.errors import CatalogError
from catalog.patterns import compiled, longest_first

if TYPE_CHECKING:  # place_chains asks this module about institutions, so the chain types are for annotations
    from catalog.captions.place_chains import Chain
    from catalog.captions.place_names import Element

#: Levels a written place word or the tables give a name: evidence enough on their own.
_MARKED_LEVELS = frozenset({"city", "county", "town", "province", "country"})


@dataclass(frozen=True)
class Doubt:
    """A value left out, and why (one line of ``parse-caption --explain``)."""

    field: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field} {self.value!r} left out: {self.reason}"


@cache
def _evidence_words() -> dict[str, frozenset[str]]:
    data = shipped_toml("place_evidence.toml")
    return {
        "landmark_prepositions": frozenset(w.casefold() for w in data["venues"]["landmark_prepositions"]),
        "institutions": frozenset(w.casefold() for w in data["institutions"]["nouns"]),
        "kind_modifiers": frozenset(w.casefold() for w in data["kinds"]["modifiers"]),
        "scene_openers": frozenset(w.casefold() for w in data["scene"]["openers"]),
        "reference": frozenset(w.casefold() for w in data["reference"]["words"]),
        "arrivals": frozenset(w.casefold() for w in data["destinations"]["arrivals"]),
        "history_verbs": frozenset(w.casefold() for w in data["history"]["verbs"]),
        "history_auxiliaries": frozenset(w.casefold() for w in data["history"]["auxiliaries"]),
        "copies": frozenset(w.casefold() for w in data["history"]["copies"]),
        "intentions": frozenset(w.casefold() for w in data["intentions"]["words"]),
        "background": frozenset(w.casefold() for w in data["background"]["conjunctions"]),
        "teams": frozenset(w.casefold() for w in data["teams"]["nouns"]),
        "positions": frozenset(w.casefold() for w in data["teams"]["positions"]),
        "position_pairs": frozenset(w.casefold() for w in data["teams"]["position_pairs"]),
        "disasters": frozenset(w.casefold() for w in data["disasters"]["nouns"]),
        "lone_names": frozenset(w.casefold() for w in data["lone_names"]["events"] + data["lone_names"]["bodies"]),
        "body_verbs": frozenset(w.casefold() for w in data["bodies"]["verbs"]),
        "site_verbs": frozenset(w.casefold() for w in data["sites"]["verbs"]),
        "member_titles": frozenset(w.casefold() for w in data["members"]["titles"]),
        "member_nouns": frozenset(w.casefold() for w in data["members"]["nouns"]),
        "member_persons": frozenset(w.casefold() for w in data["members"]["persons"] + data["members"]["nouns"]),
        "languages": frozenset(w.casefold() for w in data["languages"]["words"]),
        "postal": frozenset(data["postal"]["codes"]),
    }


def is_postal_code(word: str) -> bool:
    """Whether a word is the postal code of a US, Canadian or Australian state, in capitals ("TN", "NSW"), from
    ``[postal]``."""
    return word in _evidence_words()["postal"]


@cache
def _background_word() -> re.Pattern:
    words = sorted(_evidence_words()["background"], key=longest_first)
    return compiled(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


def background_clauses(text: str, start: int, end: int) -> list[int]:
    """Where clauses of background start in text[start:end]: "after their team beat France in Qatar"."""
    return [m.start() for m in _background_word().finditer(text, start, end)]


def names_an_arrival(word: str) -> bool:
    """Whether "to" after `word` places where something arrives, shown there ("returns to Norfolk"), from
    ``[destinations]``."""
    return word.casefold() in _evidence_words()["arrivals"]


def places_a_reference(word: str) -> bool:
    """Whether "in" after `word` places something else than the photo ("centred in", "based in")."""
    return word.casefold() in _evidence_words()["reference"]


def places_its_making(auxiliary: str, verb: str) -> bool:
    """Whether "in" or "at" after `auxiliary` `verb` places where a thing was made, its history, not the photo
    ("was built at the Uraga Dock in Yokosuka"), from ``[history]``."""
    words = _evidence_words()
    return verb.casefold() in words["history_verbs"] and auxiliary.casefold() in words["history_auxiliaries"]


def names_an_original(verb: str) -> bool:
    """Whether "on" or "after" after `verb` names the original a thing copies, elsewhere ("modelled on the Place
    de l'Étoile in Paris"), from ``[history]``."""
    return verb.casefold() in _evidence_words()["copies"]


def names_an_intention(word: str) -> bool:
    """Whether `word` before "to" and a verb makes the clause what someone means to do ("his decision to serve
    ... at the Naval Academy"), from ``[intentions]``."""
    return word.casefold() in _evidence_words()["intentions"]


@cache
def _scene_opener() -> re.Pattern:
    words = sorted(_evidence_words()["scene_openers"], key=longest_first)
    return compiled(r"\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b[,:]?",
                      re.IGNORECASE)


def opens_the_scene(text: str, start: int) -> bool:
    """Whether the sentence at `start` says it describes the photo ("Here, ...", "In this photo ...")."""
    return _scene_opener().match(text, start) is not None


def names_an_institution(word: str) -> bool:
    """Whether "of" after `word` names an institution's seat ("University of Miami"), not the scene."""
    return word.casefold() in _evidence_words()["institutions"]


def names_a_member(words: list[str]) -> bool:
    """Whether the words before "of" or "from" (nearest last, as written) name a person by a title or a group of
    people, so that the place after them is theirs, not the scene: "Nurse Ana Ruiz", "Dr. Jo Lee", "staff"."""
    if not words:
        return False
    found = _evidence_words()
    if words[-1].casefold() in found["member_nouns"]:
        return True
    name = 0  # the capitalised words of a name right before "of": a title must open them
    for word in reversed(words[-4:]):
        if word.casefold() in found["member_titles"] and name >= 1:
            return True
        if not word[:1].isupper():
            return False
        name += 1
    return False


def names_a_person(word: str) -> bool:
    """Whether a word is one of a person or of people at work ("employee", "nurse", "staff"), from ``[members]``
    ``persons`` and ``nouns``: in an appositive before "in" (", an ICRC employee in Baghdad,"), their place."""
    return word in _evidence_words()["member_persons"]


def names_a_language(word: str) -> bool:
    """Whether a capitalised word after "in" is a language or a people's adjective ("in Greek", "in Swahili"),
    from ``[languages]`` or by its ending ("-ish", "-ese", "-ic"), not a town's name."""
    folded = word.casefold()
    return folded in _evidence_words()["languages"] or folded.endswith(("ish", "ese", "ic"))


def names_a_team(word: str) -> bool:
    """Whether `word` after a name makes it a team or a company ("Crystal Palace manager"), not a place."""
    return word.casefold() in _evidence_words()["teams"]


def names_a_players_position(words: Sequence[str]) -> bool:
    """Whether the words after a name are a player's position and the player's name (`positions` and
    `position_pairs` of ``[teams]``): "safety Rudy Ford", "tight end Cade Otton", so the name is a team's ("Green
    Bay Packers safety Rudy Ford"). `words` are the next three as written."""
    if len(words) < 2:
        return False
    found = _evidence_words()
    if words[0] in found["positions"] and words[1][:1].isupper():
        return True
    return len(words) > 2 and f"{words[0]} {words[1]}" in found["position_pairs"] and words[2][:1].isupper()


def names_a_disaster(word: str) -> bool:
    """Whether `word`, in small letters after a venue's name, makes it a disaster's ("the Grenfell Tower fire"), from
    ``[disasters]``: the site of the event, not the photo's scene."""
    return word in _evidence_words()["disasters"]


def names_a_kind_only(words: Sequence[str], venue_words: frozenset[str]) -> bool:
    """Whether a name's words are all kinds of place ("Train Station", "Old Bus Station"): venue words and the
    everyday nouns of ``[kinds]`` that make a kind before one. Such a name says what is pictured, not which one."""
    kinds = _evidence_words()["kind_modifiers"]
    return all(word.casefold() in kinds or word.casefold() in venue_words for word in words)


def names_a_body(word: str) -> bool:
    """Whether `word` after a name opening the sentence makes it a body acting ("The RA Ministry of Health
    plans ..."), not the scene (``[bodies]``)."""
    return word.casefold() in _evidence_words()["body_verbs"]


def names_a_site(word: str) -> bool:
    """Whether `word` after a name opening the sentence with "the" makes it a site standing or lying somewhere
    ("The Alte Feste stands on ..."), from ``[sites]``."""
    return word.casefold() in _evidence_words()["site_verbs"]


def venue_is_scene(chain: Chain) -> bool:
    """Whether a venue of a chain other than the scene's may stand for the scene when the scene's own phrase
    names none: it was not introduced by a preposition that puts the photo beside it ("near"). With no other
    phrase placing the scene, a landmark "near" it is all the caption gives, and is kept ("near Scarborough
    Shoal in the South China Sea")."""
    return chain.prep.casefold() not in _evidence_words()["landmark_prepositions"]


#: ", east of Ashdod", ", near Athens", ", 40 km north of Kyiv", ", south of the capital Addis Ababa": a reference
#: point placing the name before it, maybe named with its kind.
PLACED_BY_REFERENCE = compiled(
    r"\s*,\s*(?:(?:some|about|around|\d[\d.,]*|\d+\s*(?:km|mi|miles|kilometres|kilometers))\s+)*"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|just|outside)\s+(?:of\s+)?|near\s+"
    r"|(?:(?:on|in)\s+the\s+)?outskirts\s+of\s+)"
    r"(?:the\s+)?(?:(?:[a-z-]+\s+)?(?:capital|city|town|port)\s*,?\s+)?[A-Z]")


def weigh(chain: Chain, place: Place, text: str = "", weights: PlaceWeights | None = None,
          anchor: tuple[int, int] | None = None) -> list[Doubt]:
    """Leave out of `place` (in place) the city and province whose evidence scores below the threshold; return why.

    Each value's evidence is a sum of weighted signals (``[value_scores]`` in ``place_evidence.toml``): the
    name is marked or known (a place word, the tables, the gazetteer's city, province or country); a known
    larger place is written after it; a reference point places it (", east of Ashdod" in `text`); the kind
    of place is named before it ("the town of Ras al-Ain"); the photo's date follows it ("in Bhaktapur on
    Tuesday", `anchor` being the date's span). `weights` are the ones in force (the shipped
    ones when None: ``house_weights`` reads a house file's over them). A province needs a known or marked place beside
    it ("Taean-gun, Chungcheongnam-do, South Korea"), never only names nothing knows ("Rempoa, Kebayoran").

    >>> from catalog.captions.place_chains import Chain
    >>> from catalog.captions.place_names import Element
    >>> place = Place(city="Chinatown")
    >>> [str(d) for d in weigh(Chain("in", [Element("place", "Chinatown", 0, 9)]), place)], place.city
    (["city 'Chinatown' left out: no city the gazetteer knows, and no larger place written after it"], None)
    """
    doubts: list[Doubt] = []
    w = (weights or shipped_weights()).values
    for number, element in enumerate(chain.elements):
        known = w["known"] if not _unknown(element) else 0.0
        others = chain.elements[:number] + chain.elements[number + 1:]
        if place.province == element.value and known + w["beside_a_known_place"] * _placed(others) < w["threshold"]:
            place.province = None
            doubts.append(Doubt("province", element.value,
                                "a province by its position only; the gazetteer knows no place so called"))
        elif place.city == element.value:
            evidence = known + (
                (w["known_town"] if not known and element.town else 0.0)
                + (w["town_by_shape"] if not known and not element.town and w["town_by_shape"]
                   and _town_by_its_shape(chain, text) else 0.0)
                + (w["town_holding_a_venue"] if not known and w["town_holding_a_venue"] and text
                   and _town_holding_a_venue(chain, number, text) else 0.0)
                + w["larger_place_after"] * _placed(chain.elements[number + 1:])
                + w["reference_point"] * bool(PLACED_BY_REFERENCE.match(text, element.end))
                + w["kind_named_before"] * bool(number and _names_a_kind(chain.elements[number - 1], element, text))
                + (w["named_again"] * _named_again(element, text) if w["named_again"] and text else 0.0)
                + (w["right_before_the_date"] * _right_before_the_date(chain, text, anchor)
                   if w["right_before_the_date"] and number == len(chain.elements) - 1 else 0.0))
            if evidence < w["threshold"]:
                place.city = None
                doubts.append(Doubt("city", element.value,
                                    "no city the gazetteer knows, and no larger place written after it"))
    return doubts


@dataclass(frozen=True)
class PlaceWeights:
    """The place signals' weights in force: ``scores`` choose the scene's chain (``place_scores.choose``),
    ``values`` decide whether a city or province read from it is kept (``weigh``)."""

    scores: Mapping[str, float]
    values: Mapping[str, float]


@cache
def shipped_weights() -> PlaceWeights:
    """The weights of ``[scores]`` and ``[value_scores]`` in ``catalog/rules/place_evidence.toml``."""
    data = shipped_toml("place_evidence.toml")
    return PlaceWeights(MappingProxyType({name: float(value) for name, value in data["scores"].items()}),
                        MappingProxyType({name: float(value) for name, value in data["value_scores"].items()}))


#: A house file's [place_weights] table: its sub-tables, and the shipped table each is read over.
HOUSE_TABLES = {"scores": "scores", "value_scores": "values"}


def house_weights(table: Mapping[str, Any], where: str = "the house rules") -> PlaceWeights:
    """The shipped weights with a house file's ``[place_weights.scores]`` and ``[place_weights.value_scores]``
    read over them, key by key; a table, a name or a value the shipped weights do not have is refused.

    >>> house_weights({"scores": {"near": -5}}).scores["near"], house_weights({}).scores["near"]
    (-5.0, -20.0)
    """
    shipped = shipped_weights()
    tables = {"scores": dict(shipped.scores), "values": dict(shipped.values)}
    for name, over in table.items():
        if name not in HOUSE_TABLES or not isinstance(over, dict):
            raise CatalogError(f"rules file {where}: [place_weights] holds the tables [place_weights.scores] and "
                               f"[place_weights.value_scores], not {name!r}")
        weights = tables[HOUSE_TABLES[name]]
        for key, value in over.items():
            if key not in weights:
                raise CatalogError(f"rules file {where}: place_weights.{name}.{key} is no weight; the weights "
                                   f"are {', '.join(sorted(weights))}")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise CatalogError(f"rules file {where}: place_weights.{name}.{key} must be a number")
            weights[key] = float(value)
    return PlaceWeights(MappingProxyType(tables["scores"]), MappingProxyType(tables["values"]))


def _right_before_the_date(chain: Chain, text: str, anchor: tuple[int, int] | None) -> bool:
    from catalog.captions.place_scores import right_before_the_date

    return right_before_the_date(chain, text, anchor)


def _town_by_its_shape(chain: Chain, text: str) -> bool:
    from catalog.captions.place_scores import town_by_its_shape  # (place_scores imports this module)

    return town_by_its_shape(chain, text)


def _town_holding_a_venue(chain: Chain, number: int, text: str) -> bool:
    from catalog.captions.place_scores import town_holding_a_venue  # (place_scores imports this module)

    return town_holding_a_venue(chain, number, text)


def _named_again(element: Element, text: str) -> bool:
    from catalog.captions.place_scores import named_again  # (place_scores imports this module)

    return named_again(element, text)


def _unknown(element: Element) -> bool:
    """A name with no place word that no gazetteer level knows."""
    return (element.level == "place" and not element.population and not element.also_province
            and not element.country)


def _names_a_kind(before: Element, element: Element, text: str) -> bool:
    """"the Syrian Kurdish town of Ras al-Ain": the name before "of" is a kind of place; or a district, a village
    or a town is "of" it, written so or in an appositive ("Nanmu Village of Quxu", "Hamriyah, a district of
    Ruwi"), which only a town holds."""
    if element.link == "of" and before.value.split()[-1].casefold() in KIND_LEVELS:
        return True
    if before.prefecture:
        return False
    if element.link == "," and _KIND_OF_BEFORE.search(text, before.end, element.start) is not None:
        return True  # (whatever the smaller place was read as: "Wadi Kabir", a site's word, is still a district)
    return element.link == "of" and before.level in ("county", "town")


#: ", a district of", ", the old quarter of": an appositive naming the smaller place's kind, right before the larger.
_KIND_OF_BEFORE = compiled(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}[a-z]+\s+of\s+$")


def _placed(larger: list[Element]) -> bool:
    """Whether the places after a name tie it to the map: a province, a country, or a city the gazetteer knows."""
    return any(e.level in _MARKED_LEVELS or e.country or e.population or e.also_province for e in larger)


def names_an_event_or_body(word: str) -> bool:
    """Whether a word inside a capitalised name with no venue word makes it an event's or a body's ("at the Quorva
    Festival", "at the UN"), from ``[lone_names]``: not a site taken by its shape alone (venue_spots.lone_english)."""
    return word.casefold() in _evidence_words()["lone_names"]
