"""Many desks at once: real `catalog` processes importing and searching one PostgreSQL catalogue together.

Runs only with a server (CATALOG_TEST_POSTGRES, which .ci/run sets). Each test gets a fresh database from
the `db_url` fixture. The SQLite variant of two writers lives in test_concurrency.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.helpers import jpeg_with_metadata, plain_jpeg

POSTGRES = os.environ.get("CATALOG_TEST_POSTGRES")
ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.skipif(not POSTGRES, reason="needs a PostgreSQL server: set CATALOG_TEST_POSTGRES (.ci/run does)"),
    pytest.mark.parametrize("db_url", ["postgresql"], indirect=True),
]

DESKS = ("alpha", "bravo", "charlie", "delta")
PLAIN_PER_DESK = 25
TAGGED_PER_DESK = 5
TIMEOUT = 300


def _desk_folder(root: Path, desk: str, number: int) -> Path:
    """A desk's folder: plain JPEGs, and a few with IPTC captions that name the desk (for full-text search)."""
    folder = root / desk
    for i in range(PLAIN_PER_DESK):
        # A colour per file keeps every file's bytes, and so its fingerprint, distinct.
        plain_jpeg(folder / f"{desk}-{i:03d}.jpg", color=(number * 50 % 256, i * 9 % 256, (i * 31 + number) % 256))
    for i in range(TAGGED_PER_DESK):
        jpeg_with_metadata(
            folder / "tagged" / f"{desk}-tagged-{i}.jpg",
            iptc={
                "Iptc.Application2.Caption": f"Ferry crossing at dawn, filed by the {desk} desk, frame {i}.",
                "Iptc.Application2.Byline": "José Núñez",
                "Iptc.Application2.Credit": "AFP",
            },
            color=(number * 40 % 256, 200 - i * 20, 60 + i),
        )
    return folder


def _catalog(url: str, *args: str, cwd: Path) -> subprocess.Popen:
    """Start `catalog --db URL ARGS...` as its own process, using this checkout's code."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.pop("CATALOG_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "catalog.cli", "--db", url, *args],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _finish(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"{' '.join(process.args)} did not finish in {TIMEOUT} s:\n{err}")
    return process.returncode, out, err


def _summary(out: str) -> dict[str, int]:
    """'30 added, 0 updated, 0 moved, 0 unchanged, 0 failed in 1.2 s' -> {'added': 30, ...}."""
    return {name: int(count) for count, name in re.findall(r"(\d+) (added|updated|moved|unchanged|failed)", out)}


def _rows(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        engine.dispose()


class Searcher(threading.Thread):
    """A desk that keeps searching while others import: one `catalog search` process after another."""

    def __init__(self, url: str, cwd: Path, terms: list[str]):
        super().__init__(daemon=True)
        self.url, self.cwd, self.terms = url, cwd, terms
        self.stop = threading.Event()
        self.seen: list[int] = []
        self.errors: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set() or len(self.seen) < 2:
            code, out, err = _finish(_catalog(self.url, "search", *self.terms, "--format", "json", cwd=self.cwd))
            if code == 1 and "there is no catalogue" in err and not self.seen:
                continue  # the imports have not made it yet: a search never makes a catalogue itself
            if code != 0:
                self.errors.append(f"exit {code}: {err.strip()}")
                return
            self.seen.append(len(json.loads(out)))


def test_four_desks_import_while_others_search(db_url, tmp_path):
    folders = [_desk_folder(tmp_path / "desks", desk, n) for n, desk in enumerate(DESKS, 1)]
    per_desk = PLAIN_PER_DESK + TAGGED_PER_DESK
    # No schema yet: the imports race to create it (one migrates, the others wait and see it done), while the
    # searches wait for it to exist.
    searchers = [Searcher(db_url, tmp_path, []), Searcher(db_url, tmp_path, ["ferry"])]
    for searcher in searchers:
        searcher.start()
    imports = [_catalog(db_url, "import", str(folder), cwd=tmp_path) for folder in folders]
    results = [_finish(process) for process in imports]
    for searcher in searchers:
        searcher.stop.set()
    for searcher in searchers:
        searcher.join(TIMEOUT)

    for (code, out, err), folder in zip(results, folders):
        assert code == 0, f"import of {folder.name} failed: {err}"
        assert _summary(out) == {"added": per_desk, "updated": 0, "moved": 0, "unchanged": 0, "failed": 0}, out
    for searcher in searchers:
        assert searcher.errors == []
        assert len(searcher.seen) >= 2
        # Imports only add, each batch in one transaction: a later search never sees fewer photos.
        assert searcher.seen == sorted(searcher.seen), searcher.seen
    assert searchers[0].seen[-1] <= per_desk * len(DESKS)

    # Nothing lost, nothing twice: every file once, each desk complete.
    rows = _rows(db_url, "SELECT path FROM photo")
    paths = sorted(path for (path,) in rows)
    expected = sorted(str(p) for folder in folders for p in folder.rglob("*.jpg"))
    assert paths == expected
    # The ids PostgreSQL handed out are all distinct and the place names belong to existing photos.
    assert _rows(db_url, "SELECT count(DISTINCT id), count(*) FROM photo") == [(len(expected), len(expected))]
    assert _rows(db_url, "SELECT count(*) FROM place_name WHERE photo_id NOT IN (SELECT id FROM photo)") == [(0,)]

    # And the catalogue answers as one: full text per desk (accents folded on the way), credit across desks.
    for folder in folders:
        code, out, err = _finish(_catalog(db_url, "search", folder.name, "--format", "paths", cwd=tmp_path))
        assert code == 0, err
        assert sorted(out.split()) == sorted(str(p) for p in (folder / "tagged").glob("*.jpg"))
    code, out, err = _finish(_catalog(db_url, "search", "nunez", "--format", "paths", cwd=tmp_path))
    assert code == 0, err
    assert len(out.split()) == TAGGED_PER_DESK * len(DESKS)


def test_two_imports_of_the_same_folder_at_once_store_each_photo_once(db_url, tmp_path):
    # Enough files that the importer reads them in worker processes, so the two runs store in different orders.
    folder = tmp_path / "shared-folder"
    for i in range(80):
        plain_jpeg(folder / f"wire-{i:03d}.jpg", color=(i * 3 % 256, 255 - i, i * 7 % 256))
    for i in range(4):
        jpeg_with_metadata(folder / f"tagged-{i}.jpg", iptc={"Iptc.Application2.Caption": f"Harbour cranes, {i}"},
                           color=(10, 20 + i * 30, 30))
    total = 84
    (tmp_path / "empty").mkdir()
    code, _, err = _finish(_catalog(db_url, "import", str(tmp_path / "empty"), cwd=tmp_path))  # makes the schema
    assert code == 0, err

    both = [_catalog(db_url, "import", "--workers", "2", str(folder), cwd=tmp_path) for _ in range(2)]
    results = [_finish(process) for process in both]

    for code, out, err in results:
        assert code == 0, err
        counts = _summary(out)
        assert counts["failed"] == 0 and counts["moved"] == 0
        assert counts["added"] + counts["updated"] + counts["unchanged"] == total, out
    # The database decided: each path was added by exactly one of the two, the other updated or skipped it.
    assert sum(_summary(out)["added"] for _, out, _ in results) == total
    assert _rows(db_url, "SELECT count(*), count(DISTINCT path) FROM photo") == [(total, total)]
    code, out, err = _finish(_catalog(db_url, "search", "harbour", "--format", "paths", cwd=tmp_path))
    assert code == 0, err
    assert sorted(out.split()) == sorted(str(folder / f"tagged-{i}.jpg") for i in range(4))


def test_the_database_itself_refuses_a_second_record_for_a_path(db_url, tmp_path):
    """Not only the importer: the unique constraint on photo.path holds for any writer."""
    from catalog.library import Library

    plain_jpeg(tmp_path / "one" / "a.jpg")
    library = Library.open(db_url)
    try:
        report = library.import_paths([str(tmp_path / "one")])
        assert report.added == 1
    finally:
        library.close()
    with pytest.raises(Exception, match="uq_photo_path"):
        _rows(db_url, "INSERT INTO photo (path, size, mtime_ns, fingerprint, taken_inferred, location_approx, sources,"
                      " has_conflicts, search_text, imported_at, updated_at)"
                      " SELECT path, size, mtime_ns, fingerprint, false, false, '{}', false, '', now(), now()"
                      " FROM photo")


def test_a_transaction_postgresql_rolls_back_for_a_deadlock_is_run_again(db_url):
    """Two writers taking the same rows in opposite orders: the server aborts one, the library runs it again."""
    from catalog.library import Library

    upsert = text("INSERT INTO setting (key, value) VALUES (:key, :value) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    barrier = threading.Barrier(2, timeout=30)
    attempts = {"first": 0, "second": 0}
    failures: list[BaseException] = []

    def writer(name: str, keys: tuple[str, str]) -> None:
        library = Library.open(db_url)

        def action(session):
            attempts[name] += 1
            session.execute(upsert, {"key": keys[0], "value": name})
            if attempts[name] == 1:
                barrier.wait()  # both hold their first row; each now asks for the other's
            session.execute(upsert, {"key": keys[1], "value": name})

        try:
            library.write(action)
        except BaseException as error:  # reported below: an exception in a thread would be lost
            failures.append(error)
        finally:
            library.close()

    Library.open(db_url).close()  # the schema, before the race
    threads = [threading.Thread(target=writer, args=("first", ("a", "b"))),
               threading.Thread(target=writer, args=("second", ("b", "a")))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert sorted(attempts.values()) == [1, 2]  # one was chosen as the deadlock victim, and ran again
    (winner,) = {value for (value,) in _rows(db_url, "SELECT value FROM setting WHERE key IN ('a', 'b')")}
    assert attempts[winner] == 2  # the one that ran again wrote last, both rows: no half transaction survived
