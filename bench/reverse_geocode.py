"""Reverse geocoding: how often a GPS point near a known city is placed in that city, and how fast.

A script that prints numbers (timings vary by machine; nothing in the test suite depends on them):

    .venv/bin/python bench/reverse_geocode.py            # 5,000 points per set, noise up to 1, 2, 3 and 5 km
    .venv/bin/python bench/reverse_geocode.py --points 20000 --seed 3

The points are built from the gazetteer's own cities (GeoNames, 15,000 people or more): a city's point moved
by noise uniform over a disc of R km. Three sets of cities:

- **population-weighted**: cities drawn in proportion to their population, as photos are taken where people
  are;
- **cities of 100,000 or more**: drawn uniformly among them;
- **all cities**: drawn uniformly among all 34,000, neighbourhoods included.

Two scores: **exact** (the answer is the city the point was made from) and **city** (that, or the point's
city is part of the answer: a smaller place whose own point lies within the disc the answer's population
covers at 5,000 people per km², as Soho lies in London; this test is the bench's, independent of the
rules' own parameters). "plain nearest" is the exact score of the rule the reach replaces (the city whose
point is nearest). Then the speed of ``Gazetteer.reverse`` (the whole call, entity included) and of the
grid look-up alone, in CPU time per call (wall-clock on a shared machine is noisier), the time to build
the grid and to read it from the cache folder, and the memory it takes.
"""

from __future__ import annotations

import argparse
import gc
import math
import pickle
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from catalog import places
from catalog._placegrid import CityGrid
from catalog.cachedir import read_kept
from catalog.earth import distance_km


def jitter(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    """A point uniform over the disc of `km` around (lat, lon)."""
    angle = rng.uniform(0, 2 * math.pi)
    radius = km * math.sqrt(rng.random())
    d_lat = radius * math.cos(angle) / 111.195
    d_lon = radius * math.sin(angle) / (111.195 * max(0.01, math.cos(math.radians(lat))))
    return max(-90.0, min(90.0, lat + d_lat)), (lon + d_lon + 180.0) % 360.0 - 180.0


def plain_nearest(grid: CityGrid, lat: float, lon: float) -> int | None:
    found = grid.within(lat, lon, 60.0)  # nearest first
    return found[0][0] if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=5000, help="points per set (default 5,000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer = places.get_gazetteer()
    how = "from its cache file" if gazetteer.from_cache else "built"
    print(f"gazetteer: {time.perf_counter() - started:.2f} s to get ({how})")
    cities = gazetteer._cities
    points = [(c.lat, c.lon, c.population, (c.country_code, c.admin1)) for c in cities]

    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    grid = CityGrid(points)
    built = time.perf_counter() - started
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    pickled = pickle.dumps(grid, pickle.HIGHEST_PROTOCOL)
    started = time.perf_counter()
    pickle.loads(pickled)
    loaded = time.perf_counter() - started
    print(f"grid: {len(grid):,} cities ({grid.sections:,} of them sections) in {len(grid._reach):,} reach "
          "cells, "
          f"{len(grid._point):,} point cells, {len(grid._far):,} far cells")
    print(f"grid: built in {built:.2f} s under tracemalloc (once per cache folder); "
          f"{size / 2**20:.1f} MiB in "
          f"memory; {len(pickled) / 2**20:.1f} MiB kept, read back in {loaded * 1000:.0f} ms")
    cache = gazetteer.cache_file
    if cache is not None and cache.exists():
        started = time.perf_counter()
        places._load_cached(cache)
        print(f"gazetteer without the grid, from its cache file ({cache.stat().st_size / 2**20:.1f} MiB): "
              f"{time.perf_counter() - started:.2f} s")
        kept = gazetteer._kept_path("grid")
        gazetteer.city_grid()
        if kept is not None and kept.exists():
            started = time.perf_counter()
            read_kept(kept)
            print(f"grid from its cache file ({kept.stat().st_size / 2**20:.1f} MiB): "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")

    rng = random.Random(args.seed)
    everyone = range(len(cities))
    sets = {
        "population-weighted": rng.choices(everyone, weights=[max(p[2], 1) for p in points], k=args.points),
        "cities of 100,000 or more": rng.choices(
            [i for i in everyone if points[i][2] >= 100_000], k=args.points
        ),
        "all cities": rng.choices(everyone, k=args.points),
    }

    def inside(sample: int, answer: int) -> bool:
        """The sample's city is a section of the answer: smaller, its point within the answer's reach."""
        a, b = cities[sample], cities[answer]
        covered = math.sqrt(b.population / (math.pi * 5000))
        return b.population > a.population and distance_km(a.lat, a.lon, b.lat, b.lon) <= covered

    print()
    print(f"{'set':<28}{'noise':>7}{'exact':>9}{'city':>9}{'plain nearest':>15}")
    for km in (1, 2, 3, 5):
        for name, sample in sets.items():
            moved = [(i, *jitter(rng, cities[i].lat, cities[i].lon, km)) for i in sample]
            exact = city = plain = 0
            for i, lat, lon in moved:
                found = grid.nearest(lat, lon)
                answer = found[0] if found else None
                exact += answer == i
                city += answer == i or (answer is not None and inside(i, answer))
                plain += plain_nearest(grid, lat, lon) == i
            n = len(moved)
            print(f"{name:<28}{km:>5} km{exact / n:>9.1%}{city / n:>9.1%}{plain / n:>15.1%}")

    # Speed: the whole call (the entity included) on points spread as photos are, after each country's
    # province map is made (the first point in a country makes it, once per cache folder).
    moved = [jitter(rng, cities[i].lat, cities[i].lon, 3) for i in sets["population-weighted"]]
    remote = [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(2000)]
    for lat, lon in moved + remote:
        gazetteer.reverse(lat, lon)
    print()
    uniform = [jitter(rng, cities[i].lat, cities[i].lon, 3) for i in sets["all cities"]]
    samples = (("near cities (population-weighted)", moved), ("near any city (all cities)", uniform),
               ("anywhere on Earth (mostly sea)", remote))
    for label, sample in samples:
        for lat, lon in sample:
            gazetteer.reverse(lat, lon)
        started, wall = time.process_time(), time.perf_counter()
        for lat, lon in sample:
            gazetteer.reverse(lat, lon)
        whole = (time.process_time() - started) / len(sample) * 1e6
        whole_wall = (time.perf_counter() - wall) / len(sample) * 1e6
        started = time.process_time()
        for lat, lon in sample:
            grid.nearest(lat, lon)
        alone = (time.process_time() - started) / len(sample) * 1e6
        print(f"reverse, {label}: {whole:.1f} µs CPU per call ({whole_wall:.1f} µs wall; "
              f"{alone:.1f} µs the grid look-up alone)")


if __name__ == "__main__":
    main()
