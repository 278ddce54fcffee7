"""A killed import loses nothing: `kill -9` at any moment leaves a sound catalogue, and the next run finishes.

A real `catalog import --workers 2` of a couple of hundred generated JPEGs is killed with SIGKILL, again and
again on the same catalogue, at exact moments: inside the transaction that makes the schema, inside a
batch's transaction (rows written, not committed), and right after a commit. The child is gated (see
tests/cli_process.py: it says where it is and waits for the test's go-ahead), so the kills land where they
are meant to however loaded the machine is. The import commits in batches; to put many commit boundaries
inside the run, the child makes batches of 10 files instead of 500 (the same code, a smaller constant).

After each kill the catalogue must pass `PRAGMA integrity_check` and FTS5's own integrity check, hold only
whole records (every row has its fingerprint, size, format, width and height, and place_name rows exactly
where the photo has places), and have lost none of the records earlier runs stored. A last, uninterrupted
import must then bring it to one record per file: the same records as an import that was never killed.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_process import Gate, environment, integrity, run_catalog
from tests.image_bytes import press_jpeg

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

FILES = 160
PLACE_LEVELS = ("sublocation", "city", "province", "country", "country_code")
#: The columns compared with an import that was never killed (ids and timestamps naturally differ).
COMPARED = ("path", "fingerprint", "size", "format", "width", "height", "caption", "photographer", "credit_line",
            "taken", "city", "province", "country", "country_code", "lat", "lon")

@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """FILES small unique JPEGs: a third with an IIM city, a third with a press caption, a third plain."""
    target = tmp_path_factory.mktemp("kill") / "incoming"
    target.mkdir()
    for index in range(FILES):
        kind = index % 3
        data = press_jpeg(
            index,
            city="Hefei" if kind == 0 else None,
            caption=(f"A bullet train runs in Jiuquan, northwest China's Gansu province, Aug. 4, 2025. "
                     f"(Xinhua/Fan Peishen {index})") if kind == 1 else None,
        )
        (target / f"photo-{index:04d}.jpg").write_bytes(data)
    return target


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory):
    """The records of an import never killed."""
    path = tmp_path_factory.mktemp("reference") / "catalog.db"
    done = run_catalog("--db", path, "import", "--workers", "2", folder, timeout=180)
    assert done.returncode == 0, done.stderr.decode()
    return _records(path)


def _records(path) -> dict[str, tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(f"SELECT {', '.join(COMPARED)} FROM photo").fetchall()
    finally:
        conn.close()
    return {row[0]: row for row in rows}


def _whole_records_only(path) -> int:
    """Assert every stored record is complete; return how many there are."""
    assert integrity(path) == "ok"
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "photo" not in tables:  # killed before the schema was committed: an empty file, nothing lost
            return 0
        half = conn.execute(
            "SELECT path FROM photo WHERE fingerprint IS NULL OR fingerprint = '' OR size IS NULL "
            "OR format IS NULL OR width IS NULL OR height IS NULL OR sources IS NULL").fetchall()
        assert half == []
        columns = ", ".join(PLACE_LEVELS)
        expected = {}
        for pid, *levels in conn.execute(f"SELECT id, {columns} FROM photo"):
            expected[pid] = {level for level, value in zip(PLACE_LEVELS, levels) if value}
        stored: dict[int, set[str]] = {pid: set() for pid in expected}
        for pid, level in conn.execute("SELECT photo_id, level FROM place_name WHERE kind = 'taken'"):
            assert pid in stored, f"place_name row for photo {pid}, which does not exist"
            stored[pid].add(level)
        assert stored == expected
        # FTS5's own check that the full-text index agrees with the photos (raises when it does not).
        conn.execute("INSERT INTO photo_fts(photo_fts, rank) VALUES ('integrity-check', 1)")
        return conn.execute("SELECT count(*) FROM photo").fetchone()[0]
    finally:
        conn.close()


def test_the_reference_import_stores_every_file_with_its_places(reference):
    records = reference
    assert len(records) == FILES
    with_city = [r for r in records.values() if r[COMPARED.index("city")]]
    assert len(with_city) >= FILES // 3  # IIM cities, plus places the captions name


#: Where each run is killed: (moment, the how-manyth time the run reaches it). "before schema": inside the
#: transaction that makes a new catalogue's schema; "writing": a batch's rows written, not committed;
#: "stored": a batch committed.
KILLS = [("before schema", 1), ("writing", 1), ("stored", 2), ("writing", 3), ("stored", 5)]


def test_kill_9_at_any_moment_loses_nothing_and_the_next_import_finishes(folder, reference, tmp_path):
    records = reference
    db = tmp_path / "catalog.db"
    kept = [0]
    for number, (moment, nth) in enumerate(KILLS):
        reached = _kill(db, folder, moment, nth, tmp_path / f"run-{number}")
        assert reached, f"run {number} ended before it reached {moment!r} #{nth}"
        count = _whole_records_only(db)
        assert count >= kept[-1], f"a kill at {moment!r} #{nth} lost records stored by an earlier run"
        kept.append(count)

    again = run_catalog("--db", db, "import", "--workers", "2", folder, timeout=180)
    assert again.returncode == 0, again.stderr.decode()
    assert b"Traceback" not in again.stderr
    assert f"{FILES - kept[-1]} added".encode() in again.stdout, again.stdout.decode()
    assert _whole_records_only(db) == FILES
    assert _records(db) == records
    # The kills are only worth something if some landed while an import was half-done.
    assert any(0 < count < FILES for count in kept), kept



def test_a_set_killed_half_way_leaves_values_and_record_agreeing(tmp_path):
    """`catalog set` stored the values, then read the file again with them in a second transaction: killed
    between the two, the catalogue held a city set by hand that the record ignored (search in:Lhasa found
    nothing, `show` said Hefei), and no later import of the unchanged file ever applied it."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for index in range(3):
        (folder / f"photo-{index}.jpg").write_bytes(press_jpeg(index, city="Hefei"))
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", folder).returncode == 0
    target = folder / "photo-1.jpg"
    gate = Gate(tmp_path)
    child = gate.start("--db", db, "set", target, "city=Lhasa")
    try:
        assert gate.hold_at("writing")  # the record read again is written, not committed
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        gate.close()
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    try:
        manual, city = conn.execute("SELECT manual, city FROM photo WHERE path = ?", (str(target),)).fetchone()
    finally:
        conn.close()
    assert (manual in (None, "null"), city) == (True, "Hefei")  # nothing of the set, rather than half
    again = run_catalog("--db", db, "set", target, "city=Lhasa")
    assert again.returncode == 0, again.stderr.decode()
    found = run_catalog("--db", db, "search", "in:Lhasa", "--format", "json")
    assert [photo["path"] for photo in json.loads(found.stdout)] == [str(target)]

def _kill(db, folder, moment: str, nth: int, workdir: Path) -> bool:
    """Start a real import, hold it at the `nth` `moment`, SIGKILL the catalog process there; whether it got
    there (a run that ends first is not killed)."""
    workdir.mkdir()
    gate = Gate(workdir)
    child = gate.start("--db", db, "import", "--workers", "2", folder)
    try:
        reached = gate.hold_at(moment, nth)
        if reached:
            os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
        # Its reader processes notice that the catalog process is gone and end themselves.
        assert _group_ends(child.pid, within=15), "reader processes outlived the killed import"
        return reached
    finally:
        gate.close()
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _group_ends(group: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the reader processes through /proc")
def test_a_reader_process_that_dies_mid_import_costs_nothing(folder, reference, tmp_path):
    """A crash in an image library or the out-of-memory killer takes one reader: the import goes on."""
    records = reference
    db = tmp_path / "catalog.db"
    gate = Gate(tmp_path)
    child = gate.start("--db", db, "import", "--workers", "2", folder, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    try:
        assert gate.hold_at("stored", 1), "the import ended before its first batch was stored"
        # Readers are the import's children (started by fork) or its forkserver's (started through it).
        readers = [worker for helper in _children(child.pid) for worker in _children(helper)] or _children(child.pid)
        assert readers, "no reader process to kill"
        os.kill(readers[0], signal.SIGKILL)
        gate.release_all()
        out, err = child.communicate(timeout=120)
    finally:
        gate.close()
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert child.returncode == 0, err.decode()
    assert f"{FILES} added".encode() in out
    assert _whole_records_only(db) == FILES
    assert _records(db) == records


def _crashing(module: str, function: str, what: str) -> str:
    """The source of a hook, installed through PYTHONPATH by a test: calling `module.function` on a file named
    crash-me* kills the process with SIGSEGV, as a bug in an image library's C code would (`what` says where)."""
    return f'''
"""Installed by the test: {what} a file named crash-me* kills the process with SIGSEGV."""
import os
import signal

import {module}

_original = {module}.{function}


def {function}(source, **options):
    if os.path.basename(str(source)).startswith("crash-me"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return _original(source, **options)


{module}.{function} = {function}
'''


#: Reading a file's metadata crashes its reader.
CRASHING_READER = _crashing("catalog.metadata", "read", "reading")


def _with_hook(tmp_path, hook_source: str, photos: int) -> tuple[Path, dict[str, str]]:
    """A folder of `photos` press JPEGs, and an environment whose catalog processes run `hook_source` first."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(hook_source)
    folder = tmp_path / "incoming"
    folder.mkdir()
    for index in range(photos):
        (folder / f"photo-{index:03d}.jpg").write_bytes(press_jpeg(index))
    env = environment()
    env["PYTHONPATH"] = f"{hook}{os.pathsep}{env['PYTHONPATH']}"
    return folder, env


def test_a_file_that_crashes_its_reader_is_named_and_the_rest_imported(tmp_path):
    folder, env = _with_hook(tmp_path, CRASHING_READER, 80)
    (folder / "crash-me.jpg").write_bytes(press_jpeg(999))

    done = run_catalog("--db", tmp_path / "catalog.db", "import", "--workers", "2", folder, env=env, timeout=180)

    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err
    failed = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert failed == [(f"FAILED  {folder / 'crash-me.jpg'}: its reader process died while reading it, twice "
                       "(the file may be damaged in a way that crashes an image library)")]
    assert "80 added" in done.stdout.decode()


HALF_AN_ANSWER = '''
"""Installed through PYTHONPATH by the test: the first answer any reader process sends back to the catalog
process, it sends a piece of (the length of a whole answer, then four bytes) and dies with SIGKILL, still
holding the lock of the queue the answers go through: a reader killed while it answers, as the out-of-memory
killer may kill one. Once only: the marker file says it happened."""
import os
import signal
import struct
import multiprocessing.queues

_catalog = os.getpid()
_put = multiprocessing.queues.SimpleQueue.put


def put(self, obj):
    if os.getpid() != _catalog:
        try:
            os.close(os.open(os.environ["CATALOG_TEST_MARKER"], os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return _put(self, obj)
        if self._wlock is not None:
            self._wlock.acquire()
        os.write(self._writer.fileno(), struct.pack("!i", 1 << 20) + b"half")
        os.kill(os.getpid(), signal.SIGKILL)
    return _put(self, obj)


multiprocessing.queues.SimpleQueue.put = put
'''


def test_a_reader_killed_in_the_middle_of_an_answer_hangs_nothing(tmp_path):
    """The pool's own thread waits for the rest of the answer, which never comes, and the other reader for the
    lock the dead one holds: the import takes the pool for broken and reads the files again."""
    folder, env = _with_hook(tmp_path, HALF_AN_ANSWER, 200)
    env["CATALOG_TEST_MARKER"] = str(tmp_path / "died")

    done = run_catalog("--db", tmp_path / "catalog.db", "import", "--workers", "2", folder, env=env, timeout=90)

    assert (tmp_path / "died").exists(), "no reader died: the test tested nothing"
    assert done.returncode == 0, done.stderr.decode()
    assert "200 added" in done.stdout.decode()
    assert _whole_records_only(tmp_path / "catalog.db") == 200


#: Fingerprinting a file (which decodes its pixels) crashes the process, as a decoder's bug would.
CRASHING_DECODER = _crashing("catalog.fingerprints", "perceptual_fingerprint", "fingerprinting")


@pytest.mark.parametrize("hook", [CRASHING_DECODER, HALF_AN_ANSWER], ids=["decoder crash", "half an answer"])
def test_fingerprinting_for_variants_survives_a_reader_that_dies(tmp_path, hook):
    """`catalog variants` decodes every photo not yet fingerprinted, in reader processes: a file that kills its
    reader is left without a fingerprint, and every other photo is fingerprinted and grouped."""
    folder, env = _with_hook(tmp_path, hook, 40)
    env["CATALOG_TEST_MARKER"] = str(tmp_path / "died")
    (folder / "crash-me.jpg").write_bytes(press_jpeg(999))
    db = tmp_path / "catalog.db"
    imported = run_catalog("--db", db, "import", "--workers", "2", folder, timeout=180)
    assert imported.returncode == 0, imported.stderr.decode()

    done = run_catalog("--db", db, "variants", env=env, timeout=120)

    assert done.returncode == 0, done.stderr.decode()
    assert "Traceback" not in done.stderr.decode()
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT p.path, v.fingerprint IS NOT NULL FROM photo p "
                            "JOIN variant_fingerprint v ON v.photo_id = p.id").fetchall()
    finally:
        conn.close()
    fingerprinted = {Path(path).name for path, made in rows if made}
    if hook == CRASHING_DECODER:
        assert len(rows) == 41 and fingerprinted == {f"photo-{n:03d}.jpg" for n in range(40)}
    else:
        assert (tmp_path / "died").exists(), "no reader died: the test tested nothing"
        assert len(rows) == 41 and len(fingerprinted) == 41


CRASHING_HEIF_LIBRARY = '''
"""Installed through PYTHONPATH by the test: opening a HEIF file named crash-me* kills the process with
SIGSEGV, as a bug in libheif would."""
import os
import signal

from catalog.metadata import reader

_walk = reader.WALKERS["HEIF"]


def walk(handle):
    if os.path.basename(handle.name).startswith("crash-me"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return _walk(handle)


reader.WALKERS["HEIF"] = walk
'''


def test_a_small_import_reads_heif_in_a_reader_process_so_a_library_crash_costs_one_file(tmp_path):
    # A handful of files is read in the catalog process itself, but HEIF goes through libheif's C code.
    folder, env = _with_hook(tmp_path, CRASHING_HEIF_LIBRARY, 3)
    (folder / "crash-me.heic").write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(3000))

    done = run_catalog("--db", tmp_path / "catalog.db", "import", folder, env=env, timeout=120)

    err = done.stderr.decode()
    assert done.returncode == 1, err
    failed = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert failed == [(f"FAILED  {folder / 'crash-me.heic'}: its reader process died while reading it, twice "
                       "(the file may be damaged in a way that crashes an image library)")]
    assert "3 added" in done.stdout.decode()
