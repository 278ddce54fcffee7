"""A place-swap probe of the Chinese caption parser: tune captions with their places replaced by other real names
of the same kind, to show where the parser reads a name it knows rather than the shape around it.

    python -m tools.place_swap_zh                      # per-field accuracy, originals beside their variants
    python -m tools.place_swap_zh --show               # and every field the original gets right and a variant wrong
    python -m tools.place_swap_zh --seed 7 --per 3 --out /tmp/variants.jsonl

From each Chinese tune caption (the held-out split is never read) whose labelled city, province or sublocation
stands verbatim in its text, it writes variants with that one name replaced, and the label changed to match:

- ``city``: a city of China by another city, county or district whose Chinese name the gazetteer holds (GeoNames'
  alternate names, kept only where the name's pinyin spells the city's own name, which drops GeoNames' stray
  characters), written bare or with 市, or with 县 or 区 (then kept in the label, as the labelling contract says);
  from the province the caption names, when it names one;
- ``province``: a province by another (bare, or with 省 or its full autonomous-region name), and the caption's
  city, if any, by a city of the new province, so that the chain stays true;
- ``foreign``: a city abroad by another city of the same country the gazetteer names in Chinese;
- ``sublocation``: a venue by another name with the same venue word (another tune label's name before its venue
  word), and a name with no venue word by another tune caption's label with none.

The random choices are seeded (``--seed``), so a run is repeatable. Variants are not captions anyone wrote: they
are written only where ``--out`` says (under /tmp), never into ``tests/data/captions``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tools.evaluate_captions import answers, labels, matches, our_items

#: The place fields the probe scores.
PLACE_FIELDS = ("sublocation", "city", "province", "country")
#: The kinds of swap, each a name the report groups by.
KINDS = ("city", "province", "foreign", "sublocation")
#: Suffixes a Chinese city's name may carry in a caption, longest first; the label keeps all but 市.
CITY_SUFFIXES = ("自治县", "自治縣", "新区", "新區", "市", "县", "縣", "区", "區", "旗")
#: What ends the name of a place below a county (GeoNames holds some towns by such names: none is swapped in).
TOWN_ENDINGS = ("镇", "鎮", "乡", "鄉", "村", "街道", "屯")
#: A city of China at least this big is written as a city (bare or 市); smaller ones also as a county or district.
CITY_PEOPLE = 500_000
#: The smallest city abroad a foreign city is swapped for (smaller ones are rarely named in Chinese).
FOREIGN_PEOPLE = 100_000
#: Countries and regions whose cities are not "abroad" to a Chinese caption.
HOME = frozenset({"CN", "HK", "MO", "TW"})
#: Cities that are provinces of their own: their districts are labelled as the city's, so none is swapped in.
MUNICIPALITIES = frozenset({None, "北京", "上海", "天津", "重庆", "香港", "澳门", "台湾"})
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")


@dataclass(frozen=True)
class Town:
    """A Chinese name the gazetteer holds for a city, with the bare name of its province (or its country code)."""

    name: str
    region: str
    people: int


@dataclass
class Pools:
    """The names swapped in: cities of China, cities abroad, provinces, and venue names."""

    cities: list[Town] = field(default_factory=list)  # region: the province's bare name
    foreign: list[Town] = field(default_factory=list)  # region: the country code
    provinces: dict[str, str] = field(default_factory=dict)  # bare name -> full name (四川 -> 四川省)
    venue_words: tuple[str, ...] = ()  # longest first
    stems: list[str] = field(default_factory=list)  # tune labels' names before their venue word
    bare_venues: list[str] = field(default_factory=list)  # tune labels with no venue word


@dataclass
class Variant:
    """One swapped caption: its kind, the original item and the changed one."""

    kind: str
    original: dict
    item: dict


def _spelled(name: str, letters: str) -> bool:
    """Whether a Chinese name's pinyin spells a city's own name ("仙居" / "Xianju"; not "开平" / "Changsha")."""
    from pypinyin import lazy_pinyin

    own = re.sub("[^a-z]", "", letters.lower())
    read = "".join(lazy_pinyin(name)).replace("ü", "v")
    return own in (read, read + "shi") or own.replace("v", "u") == read.replace("v", "u")


def gazetteer_pools() -> Pools:
    """The cities and provinces, from the gazetteer's Chinese names (about a second)."""
    from catalog import _placedata
    from catalog.captions.gazetteer import chinese_county_provinces
    from catalog.places import get_gazetteer

    gazetteer = get_gazetteer()
    iso_names = _placedata.chinese_provinces()
    pools = Pools()
    seen: set[str] = set()
    for position, city in enumerate(gazetteer._cities):
        names = _placedata.city_names(gazetteer._index.alternate_names(position), city.country_code)
        name = names.get("zh")
        if not name or not _HAN_NAME.fullmatch(name) or name in seen:
            continue
        if city.country_code == "CN":
            province = iso_names.get(gazetteer._province_of(position) or "")
            if province and name.endswith(CITY_SUFFIXES):
                name = name.rstrip("市")
            if province not in MUNICIPALITIES and _spelled(name, city.name) and not name.endswith(
                    CITY_SUFFIXES + TOWN_ENDINGS) and (
                    city.population >= CITY_PEOPLE or province in chinese_county_provinces(name)):
                pools.cities.append(Town(name, province, city.population))
                seen.add(name)
        elif city.country_code not in HOME and city.population >= FOREIGN_PEOPLE and _spelled_abroad(name):
            pools.foreign.append(Town(name, city.country_code, city.population))
            seen.add(name)
    pools.provinces = _provinces()
    return pools


def _spelled_abroad(name: str) -> bool:
    """A foreign city's Chinese name as captions write one: sounds, no Chinese place word at its end."""
    return len(name) >= 2 and not name.endswith(("市", "县", "区", "州", "省", "城", "镇"))


def _provinces() -> dict[str, str]:
    """China's provinces and autonomous regions (not its municipalities nor Hong Kong, Macao, Taiwan): bare -> full."""
    from catalog import _placedata

    folder = _placedata._csc_data_dir() / "by-country" / "CN"
    found = {}
    for state in _placedata._read_json(folder / "states.json"):
        full = state.get("native") or ""
        if full.endswith(("省", "自治区")):
            bare = _placedata._PROVINCE_SUFFIX.sub("", full)
            found[bare] = full
    return found


@lru_cache(maxsize=1)
def venue_words() -> tuple[str, ...]:
    """The parser's venue words and the suffixes of towns and villages (``places.venue``, ``places.town`` and
    ``places.village`` of ``catalog/rules/chinese.toml``), longest first."""
    rules = Path(__file__).resolve().parents[1] / "catalog" / "rules" / "chinese.toml"
    places = tomllib.loads(rules.read_text(encoding="utf-8"))["places"]
    listed = places["venue"] + places["village"] + places["town"]  # (a village for a village: 某某村, 某某社区)
    return tuple(sorted(set(listed), key=len, reverse=True))


def venue_word(name: str, words: Iterable[str]) -> str | None:
    """The venue word a name ends with (the longest), when a name stands before it, as the name writes it: the
    words are simplified, so a name in traditional characters is matched through its simplified form (公園 is
    公园's, and swaps with another park, not with a name that has no venue word)."""
    from catalog.captions.chinese_words import simplified

    plain = simplified(name)
    return next((name[-len(word):] for word in words if plain.endswith(word) and len(name) > len(word)), None)


def with_venues(pools: Pools, items: list[dict]) -> Pools:
    """The pools with the tune labels' venue names: stems before a venue word, and names with none."""
    pools.venue_words = venue_words()
    stems, bare = set(), set()
    for item in items:
        label = (item.get("location") or {}).get("sublocation")
        if not label or not _HAN_NAME.fullmatch(label):
            continue
        word = venue_word(label, pools.venue_words)
        if word is None and _no_place_inside(label, pools):
            bare.add(label)
        elif word is not None and _HAN_NAME.fullmatch(label[: -len(word)]) and _no_place_inside(label, pools):
            stems.add(label[: -len(word)])
    pools.stems, pools.bare_venues = sorted(stems), sorted(bare)
    return pools


def _no_place_inside(name: str, pools: Pools) -> bool:
    """Whether a venue's name begins with no city the gazetteer knows and holds no province (北京舞蹈学院, 香港城):
    swapped into another caption, such a name would bring its city with it."""
    from catalog.captions.gazetteer import chinese_name_cities

    if any(province in name for province in pools.provinces):
        return False
    return not any(chinese_name_cities(name[:length])[0] for length in (2, 3) if length < len(name))


# --- making the variants ------------------------------------------------------------------------------------


def _place(item: dict) -> dict:
    return item.get("location") or {}


def _changed(item: dict, old: str, new: str, text: str, updates: dict[str, str | None]) -> dict:
    """A copy of an item with a new text, its place labels updated, and ``old`` replaced by ``new`` in the other
    place labels and their alternatives (a venue named for its city: 南京南站)."""
    changed = json.loads(json.dumps(item, ensure_ascii=False))
    changed["text"] = text
    place = changed.setdefault("location", {})
    for name in ("sublocation", "city", "province"):
        if name in updates:
            place[name] = updates[name]
        elif place.get(name) and old in place[name]:
            place[name] = place[name].replace(old, new)
    alt = changed.get("alt") or {}
    for name in ("sublocation", "city", "province"):
        if name not in alt:
            continue
        if name in updates:  # (a swapped field's readings of the old name go; another place's reading stays)
            alt[name] = [value for value in alt[name] if value is None or old not in value]
        else:
            alt[name] = [value.replace(old, new) if value else value for value in alt[name]]
        if not alt[name]:
            del alt[name]
    return changed


def _core(label: str) -> tuple[str, str]:
    """A city label's name and its suffix (德清县 -> 德清, 县; 合肥 -> 合肥, '')."""
    for suffix in CITY_SUFFIXES:
        if label.endswith(suffix) and len(label) > len(suffix) + 1:
            return label[: -len(suffix)], suffix
    return label, ""


def _city_pattern(core: str) -> re.Pattern:
    return re.compile(re.escape(core) + "(?:" + "|".join(CITY_SUFFIXES) + ")?")


def _written(town: Town, rng: random.Random) -> tuple[str, str]:
    """How a city of China is written in the variant, and its label: a big city bare or with 市; a county (a
    smaller town whose name countrystatecity's counties of its province share) also with 县 or 区."""
    suffixes = ["", "市"] if town.people >= CITY_PEOPLE else ["", "市", "县", "区"]
    suffix = rng.choice(suffixes)
    return town.name + suffix, town.name + ("" if suffix == "市" else suffix)


def _free(name: str, item: dict) -> bool:
    """Whether a name swapped in is not in the caption already (nor inside one of its place labels)."""
    place = _place(item)
    held = [place[f] for f in ("sublocation", "city", "province") if place.get(f)]
    return name not in item["text"] and not any(name in label or label in name for label in held)


def city_variant(item: dict, pools: Pools, rng: random.Random) -> dict | None:
    """The caption with its city of China swapped for another of the same province (when it names one)."""
    place = _place(item)
    label, province = place.get("city"), place.get("province")
    if not label or label not in item["text"] or (province and (label in province or province in label)):
        return None
    core, _ = _core(label)
    if _abroad(item, core) or _below_a_prefecture(item["text"], core):
        return None
    above = _above_a_county(item["text"], core)
    choices = [town for town in pools.cities if (not province or town.region == province) and _free(town.name, item)
               and (not above or town.people >= CITY_PEOPLE)]
    if not choices or (province and province not in item["text"]):
        return None
    written, new_label = _written(rng.choice(choices), rng)
    text = _city_pattern(core).sub(written, item["text"])
    return _changed(item, core, new_label, text, {"city": new_label})


#: A prefecture's unit word ending right before a city's name: the city is a county of it (凉山彝族自治州X).
_PREFECTURE_BEFORE = re.compile("(?:市|州|盟|地区)$")
#: A county or district named right after a city (南昌市东湖区): the city is its prefecture.
_COUNTY_AFTER = re.compile("^(?:市)?[\u4e00-\u9fff]{1,8}?(?:县|縣|区|區|旗)")


#: A prefecture written with its suffix anywhere in a caption (甘南藏族自治州, 锡林郭勒盟, 阿里地区).
_PREFECTURE_IN = re.compile("自治州|[\u4e00-\u9fff]盟|地区")


def _below_a_prefecture(text: str, core: str) -> bool:
    """Whether the city is written right after a prefecture (a swapped name would break the chain)."""
    return any(_PREFECTURE_BEFORE.search(text[: found.start()]) for found in re.finditer(re.escape(core), text))


def _above_a_county(text: str, core: str) -> bool:
    """Whether a county or district follows the city's name (南昌市东湖区): only a big city may stand in."""
    return any(_COUNTY_AFTER.match(text[found.end():]) for found in re.finditer(re.escape(core), text))


def _abroad(item: dict, city: str) -> bool:
    """Whether a caption's city lies outside China: a country other than China labelled, or a city the gazetteer
    knows in Chinese only abroad."""
    from catalog.captions.gazetteer import chinese_name_cities

    country = _place(item).get("country")
    if country and country not in ("中国", "China"):
        return True
    people, code = chinese_name_cities(city)
    return bool(people) and code != "CN"  # (Hong Kong, Macao, Taiwan: other labelling, other word lists)


def province_variant(item: dict, pools: Pools, rng: random.Random) -> dict | None:
    """The caption with its province swapped for another, and its city (if any) for a city of the new one."""
    place = _place(item)
    province, city = place.get("province"), place.get("city")
    if province not in pools.provinces or province not in item["text"]:
        return None
    if city and (city not in item["text"] or city in province or province in city):
        return None
    if _PREFECTURE_IN.search(item["text"]) or city and _below_a_prefecture(item["text"], _core(city)[0]):
        return None  # (a prefecture of the old province, 临夏回族自治州, would break the chain)
    new = rng.choice([name for name in pools.provinces if name != province and _free(name, item)])
    written = rng.choice([new, pools.provinces[new]])
    old = re.compile(re.escape(pools.provinces[province]) + "|" + re.escape(province) + "省?")
    text = old.sub(written, item["text"])
    updates: dict[str, str | None] = {"province": new}
    if city:
        core, _ = _core(city)
        towns = [town for town in pools.cities if town.region == new and _free(town.name, item)]
        if not towns:
            return None
        city_written, city_label = _written(rng.choice(towns), rng)
        text = _city_pattern(core).sub(city_written, text)
        updates["city"] = city_label
    return _changed(item, province, new, text, updates)


def foreign_variant(item: dict, pools: Pools, rng: random.Random) -> dict | None:
    """The caption with its city abroad swapped for another city of the same country."""
    from catalog.captions.gazetteer import chinese_name_cities

    place = _place(item)
    label = place.get("city")
    if not label or label not in item["text"] or place.get("province"):
        return None
    people, country = chinese_name_cities(label)
    if not people or country is None or country in HOME:
        return None
    choices = [town for town in pools.foreign if town.region == country and town.name != label
               and _free(town.name, item)]
    if not choices:
        return None
    new = rng.choice(choices).name
    return _changed(item, label, new, item["text"].replace(label, new), {"city": new})


def sublocation_variant(item: dict, pools: Pools, rng: random.Random) -> dict | None:
    """The caption with its venue swapped: the same venue word after another name, or a name with no venue word
    for another with none."""
    place = _place(item)
    label = place.get("sublocation")
    if not label or label not in item["text"] or not _HAN_NAME.fullmatch(label):
        return None
    word = venue_word(label, pools.venue_words)
    if word is None:
        names = [name for name in pools.bare_venues if _free(name, item)]
    else:
        names = [stem + word for stem in pools.stems if _free(stem, item) and _free(stem + word, item)]
    if not names:
        return None
    new = rng.choice(names)
    return _changed(item, label, new, item["text"].replace(label, new), {"sublocation": new})


MAKERS = {"city": city_variant, "province": province_variant, "foreign": foreign_variant,
          "sublocation": sublocation_variant}


def variants(items: list[dict], pools: Pools, seed: int = 19, per: int = 2) -> Iterator[Variant]:
    """Up to ``per`` variants of each kind for each caption, the choices drawn from one seeded generator."""
    rng = random.Random(seed)
    for item in items:
        for kind in KINDS:
            made = set()
            for _ in range(per):
                changed = MAKERS[kind](item, pools, rng)
                if changed is not None and changed["text"] not in made:
                    made.add(changed["text"])
                    yield Variant(kind, item, changed)


# --- scoring ------------------------------------------------------------------------------------------------


def right_fields(item: dict, facts=None) -> dict[str, bool]:
    """Which place fields the parser gets right on one labelled caption."""
    from catalog.captions.parser import parse

    got = answers(facts or parse(item["text"]))
    want, alt = labels(item), item.get("alt") or {}
    return {name: matches(name, got[name], [want[name], *alt.get(name, [])]) for name in PLACE_FIELDS}


@dataclass
class Probe:
    """Per kind of swap: captions, the fields right on originals and on variants, and the fields lost."""

    count: Counter = field(default_factory=Counter)
    before: dict = field(default_factory=lambda: defaultdict(Counter))
    after: dict = field(default_factory=lambda: defaultdict(Counter))
    lost: list[tuple[str, str, Variant, str | None]] = field(default_factory=list)

    def add(self, variant: Variant, original: dict[str, bool]) -> None:
        from catalog.captions.parser import parse

        facts = parse(variant.item["text"])
        now = right_fields(variant.item, facts)
        self.count[variant.kind] += 1
        for name in PLACE_FIELDS:
            self.before[variant.kind][name] += original[name]
            self.after[variant.kind][name] += now[name]
            if original[name] and not now[name]:
                self.lost.append((variant.kind, name, variant, answers(facts)[name]))

    def report(self) -> str:
        lines = ["Chinese tune captions with their places swapped (original -> variants, per field)"]
        total = sum(self.count.values())
        for kind in (*KINDS, "all"):
            kinds = KINDS if kind == "all" else (kind,)
            count = total if kind == "all" else self.count[kind]
            if not count:
                continue
            cells = []
            for name in PLACE_FIELDS:
                before = sum(self.before[k][name] for k in kinds) / count
                after = sum(self.after[k][name] for k in kinds) / count
                cells.append(f"{name} {100 * before:5.1f} -> {100 * after:5.1f}")
            lines.append(f"  {kind:<12} {count:4d} variants   " + "   ".join(cells))
        lines.append(f"  fields right on the original and wrong on a variant: {len(self.lost)}")
        return "\n".join(lines)

    def show(self) -> str:
        lines = []
        for kind, name, variant, got in sorted(self.lost, key=lambda lost: (lost[0], lost[1])):
            want = labels(variant.item)[name]
            text = variant.item["text"].replace("\n", " / ")
            lines.append(f"[{kind}] {name}: got {got!r}, want {want!r}\n    {text[:220]}")
        return "\n".join(lines)


def run(items: list[dict], pools: Pools, seed: int, per: int, out: Path | None = None) -> Probe:
    """Make the variants of these captions and score them beside the originals."""
    probe = Probe()
    originals: dict[str, dict[str, bool]] = {}
    handle = open(out, "w", encoding="utf-8") if out else None
    try:
        for variant in variants(items, pools, seed, per):
            key = variant.original["text"]
            if key not in originals:
                originals[key] = right_fields(variant.original)
            probe.add(variant, originals[key])
            if handle:
                handle.write(json.dumps({"kind": variant.kind, **variant.item}, ensure_ascii=False) + "\n")
    finally:
        if handle:
            handle.close()
    return probe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.place_swap_zh", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=19, help="the seed of the random choices (default 19)")
    parser.add_argument("--per", type=int, default=2, help="variants of each kind per caption (default 2)")
    parser.add_argument("--out", type=Path, help="write the variants here as JSON lines (keep them under /tmp)")
    parser.add_argument("--show", action="store_true", help="list each field right on an original, wrong on a variant")
    args = parser.parse_args(argv)
    if args.out and "tests/data" in str(args.out.resolve()):
        parser.error("variants are no real captions: write them outside tests/data")
    items = [item for _name, _line, item in our_items("zh", "tune")]
    pools = with_venues(gazetteer_pools(), items)
    probe = run(items, pools, args.seed, args.per, args.out)
    print(probe.report())
    if args.show:
        print(probe.show())
    return 0


if __name__ == "__main__":
    sys.exit(main())
