"""Two writers at once: imports running side by side both finish and lose nothing; one that waits says so.

Each test starts real `catalog import` processes against the same catalogue (SQLite, and PostgreSQL when
CATALOG_TEST_POSTGRES is set). The waiting message is made deterministic by holding SQLite's write lock from
the test (BEGIN IMMEDIATE) until the import has said it is waiting, and only then letting go.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import sqlite3
import subprocess
import time
from pathlib import Path

from sqlalchemy import create_engine, select

from catalog.library import Library
from catalog.models import Photo
from tests.cli_process import Gate, environment, run_catalog, start_catalog
from tests.image_bytes import press_jpeg

PER_FOLDER = 30
POOLED = 70  # above the importer's threshold for worker processes, so that their pool runs too


def _folder(root, name: str, start: int, count: int = PER_FOLDER):
    folder = root / name
    folder.mkdir()
    for index in range(start, start + count):
        city = "Hefei" if index % 2 else None
        (folder / f"{name}-{index:03d}.jpg").write_bytes(press_jpeg(index, city=city, by_line=f"Photographer {index}"))
    return folder


def _paths(db_url: str) -> list[str]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(Photo.path)))
    finally:
        engine.dispose()


def _finish(*children, timeout: float = 120) -> list[tuple[int, str, str]]:
    results = []
    for child in children:
        out, err = child.communicate(timeout=timeout)
        results.append((child.returncode, out.decode(), err.decode()))
    return results


def _added(summary: str) -> int:
    return int(re.search(r"(\d+) added", summary)[1])


def test_two_imports_of_different_folders_both_finish(db_url, tmp_path):
    first, second = _folder(tmp_path, "north", 0, POOLED), _folder(tmp_path, "south", 1000, POOLED)
    children = [start_catalog("--db", db_url, "import", "--workers", "2", folder) for folder in (first, second)]
    for code, out, err in _finish(*children):
        assert code == 0, err
        assert "locked" not in err and "Traceback" not in err
        assert _added(out) == POOLED
    paths = _paths(db_url)
    assert len(paths) == len(set(paths)) == 2 * POOLED


def test_two_imports_of_the_same_folder_store_each_file_once(db_url, tmp_path):
    folder = _folder(tmp_path, "shared", 0)
    children = [start_catalog("--db", db_url, "import", "--workers", "1", folder) for _ in range(2)]
    results = _finish(*children)
    for code, _out, err in results:
        assert code == 0, err
        assert "locked" not in err and "Traceback" not in err
    # Each process read every file; whichever stored a file second updated the first one's record.
    assert sum(_added(out) for _, out, _ in results) == PER_FOLDER
    paths = _paths(db_url)
    assert len(paths) == len(set(paths)) == PER_FOLDER


def test_a_new_catalogue_created_by_two_processes_at_once(tmp_path):
    """Both find no schema, both try to create it: one does, the other waits and then uses it."""
    db = tmp_path / "new.db"
    folders = [_folder(tmp_path, "east", 0), _folder(tmp_path, "west", 500)]
    results = _finish(*[start_catalog("--db", db, "import", "--workers", "1", f) for f in folders])
    for code, _out, err in results:
        assert code == 0, err
    assert len(_paths(f"sqlite:///{db}")) == 2 * PER_FOLDER


def _read_until(stream, pattern: bytes, timeout: float) -> bytes:
    """Read a child's stream until `pattern` shows up (or the time runs out); returns what was read."""
    seen = b""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    try:
        while pattern not in seen and time.monotonic() < deadline:
            if selector.select(timeout=0.1):
                chunk = stream.read1(4096)
                if not chunk:
                    break
                seen += chunk
    finally:
        selector.close()
    return seen


def test_an_import_that_must_wait_says_so_and_then_finishes(tmp_path):
    db = tmp_path / "busy.db"
    folder = _folder(tmp_path, "late", 0)
    Library.open(str(db)).close()  # an existing, current catalogue
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    child = start_catalog("--db", db, "import", "--workers", "1", folder)
    try:
        said = _read_until(child.stderr, b"waiting", timeout=60)
        assert b"waiting" in said, said.decode()
        assert child.poll() is None  # still waiting, not failed
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = child.communicate(timeout=120)
    err = said + err
    assert child.returncode == 0, err.decode()
    assert b"database is locked" not in err
    assert _added(out.decode()) == PER_FOLDER
    assert b"catalog: waiting for the catalogue" in err


def test_a_search_does_not_wait_for_a_writer(tmp_path):
    """Readers never queue behind the write lock (SQLite's write-ahead log)."""
    db = tmp_path / "busy.db"
    folder = _folder(tmp_path, "seen", 0)
    library = Library.open(str(db))
    try:
        assert library.import_paths([str(folder)], workers=1).added == PER_FOLDER
    finally:
        library.close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        searched = run_catalog("--db", db, "search", "by:Photographer", "--format", "paths", timeout=30)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert searched.returncode == 0, searched.stderr.decode()
    assert b"waiting" not in searched.stderr
    assert len(searched.stdout.splitlines()) == PER_FOLDER


def test_a_search_of_a_catalogue_out_of_write_ahead_logging_says_it_waits_for_a_lock(tmp_path):
    """Another tool may switch the catalogue out of write-ahead logging (`PRAGMA journal_mode=delete`); then a
    program holding it locked makes a search wait. The search sat silent for ten seconds before it said so, and
    then blamed "another catalog process"; it says at once that another program holds the catalogue locked,
    and answers when the lock is let go."""
    db = tmp_path / "busy.db"
    folder = _folder(tmp_path, "seen", 0, count=3)
    library = Library.open(str(db))
    try:
        assert library.import_paths([str(folder)], workers=1).added == 3
    finally:
        library.close()
    holder = sqlite3.connect(db, isolation_level=None)
    assert holder.execute("PRAGMA journal_mode=delete").fetchone() == ("delete",)
    holder.execute("BEGIN EXCLUSIVE")
    child = start_catalog("--db", db, "search", "by:Photographer", "--format", "paths")
    try:
        said = _read_until(child.stderr, b"\n", timeout=4)
        assert said == "catalog: waiting for the catalogue: another program holds it locked…\n".encode(), said
        assert child.poll() is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err.decode()
    assert len(out.splitlines()) == 3


def _meanwhile(tmp_path, args, other, *, stored: int = 1) -> tuple[int, bytes, bytes]:
    """Run `catalog ARGS` gated, hold it once it has stored `stored` times, run `catalog OTHER` to its end (it must
    succeed), then let the first go on: the first's exit code, output and errors."""
    gate = Gate(tmp_path)
    child = gate.start(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert gate.hold_at("stored", stored), child.communicate()
        done = run_catalog(*other)
        assert done.returncode == 0, done.stderr.decode()
        gate.release_all()
        out, err = child.communicate(timeout=120)
    finally:
        gate.close()
    return child.returncode, out, err


def _hand_values(db, name: str) -> tuple[dict, str | None]:
    conn = sqlite3.connect(db)
    try:
        manual, city = conn.execute("SELECT manual, city FROM photo WHERE path LIKE ?", (f"%{name}",)).fetchone()
    finally:
        conn.close()
    return json.loads(manual) if manual else {}, city


def test_a_value_set_by_hand_while_an_import_reads_the_file_is_kept(tmp_path):
    """`catalog set` on a photo whose changed file a long import is reading: the import's batch, written after
    the set, must not put back the hand-set values it saw when it started (it did: the city set was lost)."""
    folder = _folder(tmp_path, "wire", 0, 40)
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", folder).returncode == 0
    first = sorted(folder.iterdir())[0]
    assert run_catalog("--db", db, "set", first, "photographer=Jane Smith").returncode == 0
    for photo in folder.iterdir():  # every file changed: the import reads them all again
        os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 10**9))
    last = sorted(folder.iterdir())[-1]
    # held once the first batch is in; the last file's is still to come
    code, _, err = _meanwhile(tmp_path, ("--db", db, "import", "--workers", "1", folder),
                              ("--db", db, "set", last, "city=Lhasa"))
    assert code == 0, err.decode()
    manual, city = _hand_values(db, last.name)
    assert manual["location.city"]["value"] == "Lhasa" and city == "Lhasa"
    manual, _ = _hand_values(db, first.name)  # set before the import: kept as ever
    assert manual["credit.photographer"]["value"] == "Jane Smith"


def test_a_photo_forgotten_while_an_import_reads_its_file_comes_back_and_the_import_finishes(tmp_path):
    """`catalog forget` of photos whose changed files a running import still had to store: the import wrote
    place names for records that were gone, and stopped with "FOREIGN KEY constraint failed", the rest of
    its files unstored. Now the forgotten files come back as new photos, as on any import after a forget."""
    folder = _folder(tmp_path, "wire", 0, 40)
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", folder).returncode == 0
    for photo in folder.iterdir():  # every file changed: the import reads them all again
        os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 10**9))
    last = sorted(folder.iterdir())[-1]
    code, out, err = _meanwhile(tmp_path, ("--db", db, "import", "--workers", "1", folder),
                                ("--db", db, "forget", last))
    assert code == 0, err.decode()
    assert "1 added, 39 updated" in out.decode()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM photo").fetchone() == (40,)
        assert conn.execute("SELECT count(*) FROM photo WHERE path = ?", (str(last),)).fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM place_name WHERE photo_id NOT IN (SELECT id FROM photo)"
                            ).fetchone() == (0,)
    finally:
        conn.close()


def test_two_people_setting_fields_of_one_photo_at_once_both_keep_theirs(tmp_path):
    """A `catalog set` of many photos wrote each photo's values as they were when it selected the photos:
    a field someone else set on one of them meanwhile was overwritten (the photographer set here was lost)."""
    folder = _folder(tmp_path, "wire", 0, 3)
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", folder).returncode == 0
    first, second, _ = sorted(folder.iterdir())
    # held once the first photo is done, the second still to come
    code, _, err = _meanwhile(tmp_path, ("--db", db, "set", first, second, "city=Lhasa"),
                              ("--db", db, "set", second, "photographer=Jane Smith"))
    assert code == 0, err.decode()
    manual, city = _hand_values(db, second.name)
    assert manual["credit.photographer"]["value"] == "Jane Smith"
    assert manual["location.city"]["value"] == "Lhasa" and city == "Lhasa"



def test_a_photo_forgotten_while_a_set_works_on_it_is_named_as_forgotten(tmp_path):
    """`catalog forget` of one of the photos a `catalog set` had still to change: the set said the value was
    "kept, but not applied", as for a file that cannot be read, though no record was left to keep it in."""
    folder = _folder(tmp_path, "wire", 0, 2)
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", folder).returncode == 0
    first, second = sorted(folder.iterdir())
    # held once the first photo is done, the second still to come
    code, _, err = _meanwhile(tmp_path, ("--db", db, "set", first, second, "city=Lhasa"),
                              ("--db", db, "forget", second))
    assert code == 1
    assert f"FAILED  {second}: not set: the photo was forgotten meanwhile" in err.decode(), err.decode()
    assert "kept" not in err.decode()
    assert _hand_values(db, first.name)[1] == "Lhasa"


#: The start of a hook that runs first in a `catalog` process (as sitecustomize.py): `_pause()` says the process
#: got there (the file HOLD.reached) and waits for the test's go-ahead (the file HOLD.go).
HOLD = '''
import os, time

def _pause():
    open(os.environ["HOLD"] + ".reached", "w").close()
    while not os.path.exists(os.environ["HOLD"] + ".go"):
        time.sleep(0.02)
'''

#: `catalog variants` paused after its first fingerprint is made.
HOLD_FINGERPRINTING = HOLD + '''
import catalog.variants as variants

_made = variants._fingerprints

def _held(paths, workers):
    first = True
    for item in _made(paths, workers):
        if first:
            _pause()
            first = False
        yield item

variants._fingerprints = _held
'''

#: `catalog kill` paused once the photos are named, before they are killed.
HOLD_KILL = HOLD + '''
import catalog.kills as kills

_kill = kills._kill

def _held(*args, **kwargs):
    _pause()
    return _kill(*args, **kwargs)

kills._kill = _held
'''


def _forget_while_held(tmp_path, hook: str, db, forgotten, *args) -> tuple[int, bytes, bytes]:
    """Start `catalog ARGS` with `hook` run first, forget the photo of `forgotten` once it has paused, then let
    it go on; its exit code, output and errors."""
    folder = tmp_path / "hook"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(hook)
    hold = tmp_path / "hold"
    env = environment(HOLD=str(hold))
    env["PYTHONPATH"] = f"{folder}{os.pathsep}{env['PYTHONPATH']}"
    child = start_catalog("--db", db, *args, env=env)
    deadline = time.monotonic() + 120
    while not Path(f"{hold}.reached").exists():
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.05)
    done = run_catalog("--db", db, "forget", forgotten)
    assert done.returncode == 0, done.stderr.decode()
    Path(f"{hold}.go").touch()
    out, err = child.communicate(timeout=120)
    return child.returncode, out, err


def test_a_photo_forgotten_while_variants_fingerprints_it_stops_nothing(tmp_path, samples):
    """`catalog forget` while `catalog variants` (or similar:, or an import's grouping) fingerprints the
    photos: the pass stored a fingerprint for a photo that was gone and stopped with "FOREIGN KEY constraint
    failed", storing none of its batch."""
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    code, _, err = _forget_while_held(tmp_path, HOLD_FINGERPRINTING, db, samples / "tianwen2-probe.jpg", "variants")
    assert code == 0, err.decode()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM variant_fingerprint").fetchone() == (2,)
    finally:
        conn.close()


def test_a_photo_forgotten_while_a_kill_names_it_does_not_save_the_others(tmp_path, samples):
    """`catalog forget` of one of the photos a kill (an advisory's list) had named: the kill of every photo
    failed with "FOREIGN KEY constraint failed", the withdrawn pictures left unmarked. Now the others are killed
    and the forgotten one is named."""
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    names = ("gansu-bullet-train.jpg", "hefei-aircraft.jpg", "tianwen2-probe.jpg")
    code, _, err = _forget_while_held(tmp_path, HOLD_KILL, db, samples / "tianwen2-probe.jpg",
                                      "kill", *(samples / name for name in names), "--reason", "altered")
    assert code == 0, err.decode()
    assert "not killed: tianwen2-probe.jpg" in err.decode() and "was forgotten meanwhile" in err.decode()
    conn = sqlite3.connect(db)
    try:
        killed = conn.execute("SELECT path FROM photo JOIN kill ON kill.photo_id = photo.id ORDER BY path").fetchall()
    finally:
        conn.close()
    assert killed == [(str(samples / "gansu-bullet-train.jpg"),), (str(samples / "hefei-aircraft.jpg"),)]


#: `catalog story add` paused once the photos are named, before they are added.
HOLD_STORY = HOLD + '''
import catalog.stories as stories

_photos = stories._photos

def _held(*args, **kwargs):
    found = _photos(*args, **kwargs)
    _pause()
    return found

stories._photos = _held
'''


def test_a_photo_forgotten_while_a_story_add_names_it_does_not_save_the_others(tmp_path, samples):
    """`catalog forget` of one of the photos a `story add` had named: the add failed whole with "FOREIGN KEY
    constraint failed", no photo added. Now the others are added and the forgotten one is named."""
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    names = ("gansu-bullet-train.jpg", "tianwen2-probe.jpg", "hefei-aircraft.jpg")
    code, out, err = _forget_while_held(tmp_path, HOLD_STORY, db, samples / "tianwen2-probe.jpg",
                                        "story", "add", "Launch", *(samples / name for name in names))
    assert code == 0, err.decode()
    assert "not added: tianwen2-probe.jpg was forgotten meanwhile" in err.decode()
    conn = sqlite3.connect(db)
    try:
        story = conn.execute("SELECT photo.path, story_photo.position FROM story_photo JOIN photo ON "
                             "photo.id = story_photo.photo_id ORDER BY position").fetchall()
    finally:
        conn.close()
    assert story == [(str(samples / "gansu-bullet-train.jpg"), 1), (str(samples / "hefei-aircraft.jpg"), 2)]
