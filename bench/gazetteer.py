"""The gazetteer's load time and look-up speeds: numbers to read, not to test (timings vary by machine).

    .venv/bin/python bench/gazetteer.py

Reverse geocoding has its own script (bench/reverse_geocode.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from catalog.places import get_gazetteer


def main() -> None:
    """Print the load time and look-up speeds."""
    started = time.perf_counter()
    gazetteer = get_gazetteer()
    print(f"load: {gazetteer.load_seconds:.3f} s")
    for label, call in (
        ("first city in China (maps China's provinces)", lambda: gazetteer.resolve(city="Hefei")),
        ("first alternate name (builds that index)", lambda: gazetteer.resolve(city="合肥")),
    ):
        started = time.perf_counter()
        call()
        print(f"{label}: {(time.perf_counter() - started) * 1000:.0f} ms")
    places = [("Hefei", "Anhui", "China"), ("Rome", "New York", None), ("Kraków", None, "Poland"),
              ("Portland", "Ore.", None), ("Lanzhou", None, None), ("Paris", None, None)]
    for place in places:
        gazetteer.resolve(None, *place)
    rounds = 20_000
    started = time.perf_counter()
    for _ in range(rounds // len(places)):
        for place in places:
            gazetteer.resolve(None, *place, context="A caption of a few words, as the importer passes it.")
    elapsed = time.perf_counter() - started
    print(f"resolve, repeated place with a caption as context: {elapsed / rounds * 1e6:.1f} µs")
    names = [city.name for city in gazetteer._cities[-3000:]]
    for name in names:  # map every country these cities are in, so the timing below is the look-up alone
        gazetteer.resolve(city=name)
    gazetteer._resolved.clear()
    started = time.perf_counter()
    for name in names:
        gazetteer.resolve(city=name)
    print(f"resolve, a city not seen before: {(time.perf_counter() - started) / len(names) * 1e6:.1f} µs")


if __name__ == "__main__":
    main()

