"""Places and people as things, on a folder of real files: the numbers issue 13 asks for.

A script that prints numbers (nothing in the test suite depends on them):

    .venv/bin/python bench/entities.py                       # ../shared/corpus/real, into a fresh SQLite catalogue
    .venv/bin/python bench/entities.py FOLDER --db postgresql+psycopg://me@127.0.0.1:5433/bench

It imports the folder into a new catalogue, then reports: whether `places --format json` lists any country twice
(by its code), whether every spelling of the United States finds the same photos (and how many), how each
photo's place was found (file, caption, GPS, by hand, none), the photos placed by their GPS alone, and the
stated places that conflict with their GPS point.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SPELLINGS = {
    "United States": ["in:USA", "in:US", 'in:"United States"', "in:U.S.", "in:美国", 'in:"United States of America"'],
    "Canada": ["in:Canada", "in:CANADA", "country:CA"],  # in:CA is also California (and says so)
    "United Kingdom": ["in:UK", 'in:"United Kingdom"', "in:GB", "in:Britain"],
    "France": ["in:France", "in:FR", "in:法国"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "real"))
    parser.add_argument("--db", help="a database URL to use (it is emptied first); default: a temporary SQLite file")
    args = parser.parse_args()

    from catalog.library import Library
    from catalog.summaries import counts_json, place_counts

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "entities.db")
        library = Library.open(url)
        try:
            if args.db:
                from sqlalchemy import text

                with library.engine.begin() as conn:
                    for table in ("place_name", "place_key", "person_token", "photo"):
                        conn.execute(text(f"DELETE FROM {table}"))
            started = time.monotonic()
            report = library.import_paths([args.folder])
            print(f"imported {report.added} photos from {args.folder} in {time.monotonic() - started:.1f} s "
                  f"({report.failed} files could not be read)")

            tree = counts_json(place_counts(library, []))
            codes = collections.Counter(node["key"] for node in tree if node.get("key"))
            twice = {code: n for code, n in codes.items() if n > 1}
            print(f"places --format json: {len(codes)} countries by code, "
                  f"{'none listed twice' if not twice else f'listed twice: {twice}'}")
            stated = [node["name"] for node in tree if not node.get("key") and node["name"]]
            if stated:
                print(f"  counted as stated (no country the gazetteer knows): {', '.join(stated)}")

            for country, terms in SPELLINGS.items():
                found = {term: {photo.id for photo in library.search([term]).photos} for term in terms}
                first = found[terms[0]]
                same = all(ids == first for ids in found.values())
                print(f"{country}: {', '.join(terms)} -> {'identical' if same else 'DIFFERENT'} "
                      f"({', '.join(str(len(ids)) for ids in found.values())} photos)")

            photos = library.all_photos()
            hows = collections.Counter((photo.place or {}).get("how", "none") for photo in photos)
            print("place found by: " + ", ".join(f"{how} {n}" for how, n in hows.most_common()))
            placed = [photo for photo in photos if (photo.place or {}).get("how") == "gps"]
            for photo in placed[:10]:
                place = photo.place
                print(f"  GPS alone: {Path(photo.path).name}: {place['name']}, {place['country']} "
                      f"({place['distance_km']} km)")
            if len(placed) > 10:
                print(f"  ... and {len(placed) - 10} more")
            conflicts = [(photo, c) for photo in photos for c in photo.conflicts or [] if c.get("field") == "place"]
            print(f"stated places conflicting with their GPS point: {len(conflicts)}")
            for photo, conflict in conflicts:
                print(f"  {Path(photo.path).name}: {conflict['note']}")
        finally:
            library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
