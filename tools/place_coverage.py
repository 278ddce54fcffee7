"""How well the gazetteer places the labelled captions' places: the share it puts on the map, and how often it
contradicts a level the label gives.

    python -m tools.place_coverage                 # both languages, both splits, aggregate figures only

Each labelled caption of ``tests/data/captions`` whose label names a city is resolved as an import would store
it (``Gazetteer.resolve`` of the label's sublocation, city, province and country, each its first accepted value):
*placed* is the share that gets a point; *country wrong* counts places whose resolved country differs from the
country the label names (both read by the gazetteer), *province wrong* the same for the province. The parser is
not run: this measures the gazetteer on places as captions write them, so the held-out split's figures are
as fair a check of it as the tune split's. Only counts are printed, never a caption.
"""

from __future__ import annotations

import argparse
from collections import Counter

from catalog.place_keys import name_key
from catalog.places import get_gazetteer
from tools.evaluate_captions import our_items


def _first(value):
    return (value[0] if value else None) if isinstance(value, list) else value


def coverage(language: str, split: str) -> Counter:
    """Counts for one language and split: places, placed, with a country, country wrong, with a province,
    province wrong."""
    gazetteer = get_gazetteer()
    counts: Counter = Counter()
    for _name, _line, item in our_items(language, split):
        location = item.get("location") or {}
        levels = [_first(location.get(level)) for level in ("sublocation", "city", "province", "country")]
        if not levels[1]:
            continue
        counts["places"] += 1
        place = gazetteer.resolve(*levels)
        if place is not None and place.lat is not None:
            counts["placed"] += 1
        if levels[3]:
            said = gazetteer.resolve(country=levels[3])
            if said is not None and said.country_code:
                counts["with country"] += 1
                if place is None or place.country_code != said.country_code:
                    counts["country wrong"] += 1
        if levels[2]:
            said = gazetteer.resolve(province=levels[2], country=levels[3])
            if said is not None and said.source == "gazetteer" and said.province:
                counts["with province"] += 1
                if place is None or name_key(place.province or "") != name_key(said.province):
                    counts["province wrong"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    for language, title in (("en", "English"), ("zh", "Chinese")):
        for split in ("tune", "heldout"):
            c = coverage(language, split)
            share = c["placed"] / c["places"] if c["places"] else 0.0
            print(f"{title:8} {split:8} places with a city {c['places']:5}  placed {c['placed']:5} ({share:6.1%})  "
                  f"country wrong {c['country wrong']:3} of {c['with country']:4}  "
                  f"province wrong {c['province wrong']:3} of {c['with province']:4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
