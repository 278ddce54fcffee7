"""The venue register: named venues and landmarks, from the data file ``catalog/rules/venues.toml``.

Captions often name the scene's venue with no generic word ("at Zhongnanhai", "in Lujiazui", "at Wembley",
"在锦里", "@海港城"); no gazetteer lists such names, so the register does. It is evidence for the caption
parser, not an answer: a name found here is proposed as the sublocation and kept only when what is written
around it supports it (``catalog.captions.venue_spots``). The register also says which city a venue is in, so
that a caption naming the venue and no city can be placed on the map (the gazetteer's `resolved` place).

English names match on a folded key (case, accents, spaces and punctuation aside, as agency names do), and
Chinese names as written, in either script:

    >>> shipped_register().venue("zhongnanhai").city, shipped_register().venue("中南海").name
    ('Beijing', 'Zhongnanhai')
    >>> shipped_register().venue("Parc des Princes").kind, shipped_register().venue("Paris")
    ('stadium', None)

A house rules file adds venues of its own with ``[[venues]]`` tables (``register_for(rules)``). The shipped
file is read once per process, on first use, from a copy kept in the cache folder while the file is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog.errors import CatalogError
from catalog.han_text import simplified
from catalog.patterns import compiled
from catalog.place_keys import fold

if TYPE_CHECKING:
    from catalog.captions.rules import Rules

__all__ = ["KINDS", "Venue", "VenueRegister", "key_of", "placed_by_venue", "register_for", "shipped_register",
           "venue_entries"]

#: What a venue can be; the file may use no other word.
KINDS = (
    "government seat", "palace", "hall", "square", "street", "district", "business district", "park", "museum",
    "temple", "landmark", "scenic area", "stadium", "arena", "market", "airport",
)

_NOT_KEY = compiled(r"[\W_]+")
_HAN = compiled(r"[\u3400-\u9fff\uf900-\ufaff]")
_FIELDS = frozenset({"name", "aliases", "kind", "city", "country"})


def key_of(name: str) -> str:
    """How English venue names are compared: folded, without a leading "the", spaces or punctuation ("the
    Tian'anmen Square" = "tiananmensquare")."""
    return _NOT_KEY.sub("", fold(_THE.sub("", name.replace("’", "'"), count=1)))


_THE = compiled(r"^\s*the\s+", re.IGNORECASE)


def is_chinese(name: str) -> bool:
    """Whether a name is written in Chinese characters (matched as written, not by its folded key)."""
    return _HAN.search(name) is not None


@dataclass(frozen=True)
class Venue:
    """One venue of the register (see catalog/rules/venues.toml for what each field holds)."""

    name: str
    kind: str
    city: str
    country: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class VenueRegister:
    """The venues, indexed: English names by folded key, Chinese names in simplified characters."""

    venues: tuple[Venue, ...]
    english: dict[str, Venue] = field(default_factory=dict)
    chinese: dict[str, Venue] = field(default_factory=dict)
    #: What a scan of a sentence must try: the folded first word of every English name → the most words a name
    #: starting with it has; the first character of every Chinese name → the lengths of those names, longest first.
    first_words: dict[str, int] = field(default_factory=dict)
    first_characters: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def venue(self, name: str | None) -> Venue | None:
        """The venue a name means, or None: exact on the folded English name, or on the Chinese name."""
        if not name:
            return None
        if is_chinese(name):
            return self.chinese.get(simplified(name.strip()))
        return self.english.get(key_of(name))

    def extended(self, entries: list[dict[str, Any]], origin: str) -> VenueRegister:
        """This register with a house file's venues added; a house venue takes over a name it shares with one of
        these (the newsroom's word wins)."""
        if not entries:
            return self
        house = _venues(entries, origin, group_kind=None)
        return _indexed(self.venues + tuple(house), origin, house_from=len(self.venues))


class RegisterError(CatalogError):
    """The venue register, or a house file's venues, are not as they must be."""


def venue_entries(data: dict[str, Any], origin: str) -> list[Venue]:
    """The venues of the shipped file's TOML: its [[group]] tables, each a kind and a list of venues."""
    groups = data.get("group")
    if not isinstance(groups, list):
        raise RegisterError(f"the venue register {origin} has no [[group]] tables")
    found: list[Venue] = []
    for number, group in enumerate(groups, 1):
        if not isinstance(group, dict) or group.get("kind") not in KINDS or not isinstance(group.get("venues"), list):
            raise RegisterError(f"{origin}, group {number}: a group needs a 'kind' (one of {', '.join(KINDS)}) and "
                                "a list of 'venues'")
        found.extend(_venues(group["venues"], f"{origin}, group {number}", group_kind=group["kind"]))
    return found


def _venues(entries: Any, origin: str, group_kind: str | None) -> list[Venue]:
    """Venues checked: each a table with a name, a kind (the group's when it has none), a city and a country."""
    if not isinstance(entries, list):
        raise RegisterError(f"{origin}: venues are written [[venues]] (a list of tables)")
    found = []
    for number, entry in enumerate(entries, 1):
        name = entry.get("name") if isinstance(entry, dict) else None
        where = f"{origin}, venue {number} ({name!r})"
        if not isinstance(entry, dict) or not isinstance(name, str) or not name.strip():
            raise RegisterError(f"{where}: 'name' must be a name")
        unknown = set(entry) - _FIELDS
        if unknown:
            raise RegisterError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        kind = entry.get("kind", group_kind)
        if kind not in KINDS:
            raise RegisterError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise RegisterError(f"{where}: 'aliases' must be a list of names")
        city, country = entry.get("city"), entry.get("country")
        if not isinstance(city, str) or not city.strip():
            raise RegisterError(f"{where}: 'city' must name the city the venue is in")
        if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
            raise RegisterError(f"{where}: 'country' must be an ISO 3166-1 code such as \"CN\"")
        found.append(Venue(name.strip(), kind, city.strip(), country, tuple(a.strip() for a in aliases)))
    return found


def _indexed(venues: tuple[Venue, ...], origin: str, house_from: int | None = None) -> VenueRegister:
    """The register of these venues; a name that two venues share is refused, unless the second is a house
    venue (which then takes the name over)."""
    english: dict[str, Venue] = {}
    chinese: dict[str, Venue] = {}
    owner: dict[tuple[str, str], int] = {}
    for number, venue in enumerate(venues):
        for name in dict.fromkeys((venue.name, *venue.aliases)):
            table, key = ("zh", simplified(name)) if is_chinese(name) else ("en", key_of(name))
            if not key:
                raise RegisterError(f"{origin}: {venue.name!r} has a name with no letters ({name!r})")
            earlier = owner.get((table, key))
            taken_over = house_from is not None and earlier is not None and earlier < house_from <= number
            if earlier is not None and earlier != number and not taken_over:
                raise RegisterError(f"{origin}: {name!r} of {venue.name!r} is already a name of "
                                    f"{venues[earlier].name!r}")
            owner[(table, key)] = number
            (chinese if table == "zh" else english)[key] = venue
    first_words: dict[str, int] = {}
    for venue in venues:
        for name in (venue.name, *venue.aliases):
            words = _THE.sub("", name, count=1).split()
            if not is_chinese(name) and words:
                first = key_of(words[0])
                first_words[first] = max(first_words.get(first, 0), len(words))
    lengths: dict[str, set[int]] = {}
    for key in chinese:
        lengths.setdefault(key[0], set()).add(len(key))
    first_characters = {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}
    return VenueRegister(venues, english, chinese, first_words, first_characters)


def register_path() -> Path:
    """Where the shipped register lives (inside the installed package)."""
    return Path(__file__).parent / "rules" / "venues.toml"


def parse_register(text: str, origin: str) -> VenueRegister:
    """The register a venues TOML text describes (the shipped file's shape)."""
    import tomllib  # here: a process that finds the register kept in the cache folder never parses TOML

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegisterError(f"the venue register {origin} is not valid TOML: {error}") from error
    return _indexed(tuple(venue_entries(data, origin)), origin)


#: Bumped when what the kept copy holds changes shape.
REGISTER_CACHE_FORMAT = 3


def register_cache_path(stamp: tuple | None = None) -> Path:
    """The kept copy of the shipped register whose stamp is `stamp` (by default the file installed here), named by a
    checksum of the stamp: versions of catalog whose registers differ keep a copy each in a shared cache folder
    (catalog.cachedir.drop_old_builds)."""
    from catalog.cachedir import file_stamp, keyed_path

    stamp = file_stamp(REGISTER_CACHE_FORMAT, register_path().read_bytes()) if stamp is None else stamp
    return keyed_path("venue-register-", stamp, ".pickle")


@cache
def shipped_register() -> VenueRegister:
    """The shipped register, read once per process: from the copy kept in the cache folder while the file is
    unchanged (its length and CRC-32), else parsed and kept (a cache that cannot be written is no failure)."""
    from catalog.cachedir import drop_old_builds, file_stamp, read_kept, write_kept

    data = register_path().read_bytes()
    stamp = file_stamp(REGISTER_CACHE_FORMAT, data)
    path = register_cache_path(stamp)
    kept = read_kept(path)
    if isinstance(kept, dict) and kept.get("stamp") == stamp and isinstance(kept.get("register"), VenueRegister):
        return kept["register"]
    found = parse_register(data.decode("utf-8"), "catalog/rules/venues.toml")
    if write_kept({"stamp": stamp, "register": found}, path):
        drop_old_builds(path, "venue-register-")
    return found


def register_for(rules: Rules) -> VenueRegister:
    """The register in force under these house rules: the shipped one with the house file's [[venues]] added,
    made once per set of rules."""
    if not rules.venues:
        return shipped_register()
    return rules.built("venue register", lambda r: shipped_register().extended(r.venues, r.files[-1]))


def placed_by_venue(levels: tuple[str | None, ...], register: VenueRegister | None = None) -> tuple[str | None, ...]:
    """A stated place's levels (sublocation, city, province, country) with the city and country of its venue
    when the caption names the venue and nothing larger: ("Zhongnanhai", None, None, None) → ("Zhongnanhai",
    "Beijing", None, "CN"). This is the gazetteer's completion of the place (its `resolved` object), never a
    value read from the caption; a caption that names a city, a province or a country keeps its own.
    ``register`` is the one in force (``register_for`` the house rules, with the newsroom's own venues); the
    shipped one when not given.

    >>> placed_by_venue(("Parc des Princes", None, None, None))
    ('Parc des Princes', 'Paris', None, 'FR')
    >>> placed_by_venue(("Parc des Princes", "Lyon", None, None))
    ('Parc des Princes', 'Lyon', None, None)
    """
    sublocation, city, province, country = levels
    if not sublocation or city or province or country:
        return levels
    venue = (register or shipped_register()).venue(sublocation)
    return levels if venue is None else (sublocation, venue.city, None, venue.country)
