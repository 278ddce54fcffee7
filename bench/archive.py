"""Build the newsroom archive of issue 20 (1,000,000 photos) on PostgreSQL in about ten minutes, not an hour.

The press corpus is imported, `bench/run.py`'s `clone()` makes 100,000 photos of it (the importer's own
functions derive every column and row), and then the clones are copied in SQL, `INSERT ... SELECT` with new
ids, paths, fingerprints and inodes, their place names, place keys and credit tokens with them, until the
catalogue holds `--rows` photos; then `VACUUM ANALYZE`. The copies keep the clones' dates, places and names, so
each count is about ten times the 100,000-photo one. See bench/README.md ("The newsroom archive").

    python bench/archive.py postgresql+psycopg://postgres@127.0.0.1:54329/arch --corpus /tmp/catalog-bench/corpus-1000

The database must be empty (it is made a catalogue at the current schema). Take a `pg_dump -Fc` of it to
restore after a schema experiment, or `CREATE DATABASE copy TEMPLATE arch` for a quick copy on the same server.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build(url: str, corpus: Path, rows: int, cloned: int = 100_000, say=print) -> int:
    """Fill the empty catalogue at `url` to `rows` photos; returns how many it holds."""
    from sqlalchemy import text

    from bench.run import clone
    from catalog.library import Library

    started = time.monotonic()
    lib = Library.open(url)
    if lib.count():
        raise SystemExit("the database already holds photos: give an empty one")
    report = lib.import_paths([str(corpus)])
    lib.close()
    say(f"imported {report.added} files ({time.monotonic() - started:.0f} s)")
    clone(url, min(cloned, rows))
    say(f"cloned to {min(cloned, rows):,} photos ({time.monotonic() - started:.0f} s)")
    lib = Library.open(url)
    with lib.engine.begin() as conn:
        columns = [name for (name,) in conn.execute(text(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'photo' "
            "AND is_generated = 'NEVER' ORDER BY ordinal_position"))]
        first = conn.scalar(text("SELECT min(id) FROM photo WHERE path LIKE '/archive/%'"))
        last = conn.scalar(text("SELECT max(id) FROM photo"))
        total = conn.scalar(text("SELECT count(*) FROM photo"))
    clones = last - first + 1
    copy = 1
    while total < rows:
        take, offset = min(clones, rows - total), copy * clones
        derived = {"id": f"id + {offset}", "path": f"replace(path, '/archive/', '/archive/c{copy}/')",
                   "fingerprint": f"lpad(to_hex(id + {offset}), 32, '0')", "inode": f"inode + {offset}"}
        chosen = f"BETWEEN {first} AND {first + take - 1}"
        with lib.engine.begin() as conn:
            conn.execute(text(f"INSERT INTO photo ({', '.join(columns)}) SELECT "
                              f"{', '.join(derived.get(c, c) for c in columns)} FROM photo WHERE id {chosen}"))
            for table, rest in (("place_name", "kind, level, name"), ("place_key", "kind, key"),
                                ("person_token", "role, token")):
                conn.execute(text(f"INSERT INTO {table} (photo_id, {rest}) SELECT photo_id + {offset}, {rest} "
                                  f"FROM {table} WHERE photo_id {chosen}"))
        total += take
        say(f"copy {copy}: {total:,} photos ({time.monotonic() - started:.0f} s)")
        copy += 1
    with lib.engine.begin() as conn:
        conn.execute(text("SELECT setval(pg_get_serial_sequence('photo', 'id'), (SELECT max(id) FROM photo))"))
    with lib.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    lib.close()
    say(f"done ({time.monotonic() - started:.0f} s)")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="an empty PostgreSQL database")
    parser.add_argument("--corpus", type=Path, required=True, help="the press corpus folder (bench/run.py makes it)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="photos in the archive (default 1000000)")
    args = parser.parse_args(argv)
    if not args.url.startswith("postgresql"):
        parser.error("the archive is built on PostgreSQL: give a postgresql+psycopg:// URL")
    build(args.url, args.corpus, args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
