"""Long imports: a progress line with files/s and the time left; Ctrl-C keeps what was imported so far.

Ctrl-C during an import: the batches committed so far are kept, nothing is half-written, the next run finishes.

The import runs as a real `catalog` process with its pool of reader processes, and gets SIGINT the way a
terminal sends it: to the whole process group. The process is gated (tests/cli_process.py): it is held right
after its second batch of 20 is stored while the signal is sent, so the signal lands part-way through a few
hundred small files however fast or loaded the machine is.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_process import Gate, run_catalog
from tests.helpers import plain_jpeg

FILES = 300
ROOT = Path(__file__).resolve().parents[1]
CATALOG = Path(sys.executable).with_name("catalog")

def _photos(db) -> tuple[int, int]:
    """(photos, distinct paths) as another process sees them."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*), count(DISTINCT path) FROM photo").fetchone()
    except sqlite3.OperationalError:  # the catalogue or its tables are not made yet
        return 0, 0


def _ctrl_c_once_stored(tmp_path, *args, stored: int, batch: int | None = None) -> tuple[int, str, str]:
    """Run `catalog ARGS` gated, hold it once it has stored `stored` times (a batch, a photo, a file), send Ctrl-C
    to its process group as a terminal does, let it finish: (exit status, standard output, standard error)."""
    gate = Gate(tmp_path, batch=batch) if batch else Gate(tmp_path)
    child = gate.start(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert gate.hold_at("stored", stored), child.communicate()
        os.killpg(child.pid, signal.SIGINT)
        # On Ctrl-C an import stores what it has read as a last batch, which passes the gate again: let it.
        gate.release_all()
        out, err = child.communicate(timeout=60)
    finally:
        gate.close()
    return child.returncode, out, err


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_keeps_what_was_imported_and_the_next_run_continues(tmp_path):
    folder = tmp_path / "wires"
    for i in range(FILES):
        plain_jpeg(folder / f"photo-{i:03d}.jpg", size=(32, 24), color=(i % 256, i // 256 * 60, 77))
    db = tmp_path / "catalog.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    status, out, err = _ctrl_c_once_stored(tmp_path, "--db", db, "import", folder, "--workers", "2", stored=2,
                                           batch=20)

    assert status == 130, err
    assert "Interrupted: what was read so far is kept" in err
    assert "Traceback" not in err  # neither the command nor its reader processes print one
    kept, distinct = _photos(db)
    assert 0 < kept < FILES
    assert distinct == kept
    assert f"{kept} added, 0 updated, 0 moved, 0 unchanged, 0 failed" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    again = subprocess.run([str(CATALOG), "--db", str(db), "import", str(folder)],
                           capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"{FILES - kept} added, 0 updated, 0 moved, {kept} unchanged, 0 failed" in again.stdout
    assert _photos(db) == (FILES, FILES)


def test_progress_line_shows_the_rate_and_the_time_left():
    from catalog.cli.importing import ProgressBar

    bar = ProgressBar()
    bar.total, bar.started = 1000, 100.0
    bar.done = 250
    assert bar.line(now=100.5) == "Importing [######··················] 250/1,000  500 files/s  0:02 left"
    bar.done = 0
    assert bar.line(now=100.5) == "Importing [························] 0/1,000"
    bar.total, bar.done = 100_000, 1_000
    assert bar.line(now=110.0).endswith("1,000/100,000  100 files/s  16:30 left")
    bar.done = 10
    assert bar.line(now=110.0).endswith("1 files/s  27:46:30 left")


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_during_a_set_of_many_photos_says_which_are_set_and_the_same_command_finishes(tmp_path, samples):
    """`catalog set --where` changes each photo in a transaction of its own, as an import stores each batch: a
    Ctrl-C keeps the photos already set, every record whole. It said only "Interrupted.", not that some
    photos were set, and the count could be wrong by one (the signal came after a photo's commit, before it
    was counted); now it stops between two photos and says how many are left, and the same command sets them."""
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    set_by_hand = ("--db", db, "set", "--where", "taken:2025", "city=Lhasa")
    # held once the first photo's change is committed
    status, _, err = _ctrl_c_once_stored(tmp_path, *set_by_hand, stored=1)
    assert status == 130, err
    assert "1 photo set" in err and "Interrupted: the 1 photo not yet reached is as before" in err, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM photo WHERE city = 'Lhasa'").fetchone() == (1,)
    again = run_catalog(*set_by_hand)
    assert again.returncode == 0, again.stderr.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM photo WHERE city = 'Lhasa'").fetchone() == (2,)


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_during_a_write_of_many_photos_says_which_files_are_written(tmp_path, samples):
    """`catalog write` replaces each file whole, then reads it again. A Ctrl-C printed only "Interrupted.":
    nothing said which files were already changed on disk (a desk about to send them needs to know), and
    one interrupted between its replacement and its reading again was left out of step with its record."""
    db = tmp_path / "catalog.db"
    first, second = samples / "gansu-bullet-train.jpg", samples / "hefei-aircraft.jpg"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    assert run_catalog("--db", db, "set", first, second, "city=Lhasa").returncode == 0
    untouched = second.read_bytes()
    # held once the first file is written and being read again
    status, out, err = _ctrl_c_once_stored(tmp_path, "--db", db, "write", first, second, stored=1)
    assert status == 130, err
    assert f"{first}: wrote" in out and str(second) not in out
    assert "Interrupted: the files listed are written; the 1 photo not yet reached is as before" in err, err
    assert second.read_bytes() == untouched
    again = run_catalog("--db", db, "write", first, second)
    assert again.returncode == 0, again.stderr.decode()
    assert f"{first}: already says what the catalogue says" in again.stdout.decode()
    assert second.read_bytes() != untouched


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_during_an_export_of_sidecars_says_which_are_written(tmp_path, samples):
    """`catalog export --format xmp` writes a sidecar beside each photo. A Ctrl-C printed only "Interrupted.",
    though sidecars were already written beside some photos (a desk about to send them needs to know); now it
    stops between two photos, lists each sidecar written and says how many photos it did not reach."""
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    status, out, err = _ctrl_c_once_stored(tmp_path, "--db", db, "export", "--format", "xmp", stored=1)
    assert status == 130, err
    written = sorted(samples.glob("*.xmp"))
    assert len(written) == 1 and out == f"wrote {written[0]}\n", (out, err)
    assert "1 sidecars written, 0 kept, 0 failed" in err
    assert "Interrupted: the sidecars listed are written; the 2 photos not yet reached have none new" in err, err
    again = run_catalog("--db", db, "export", "--format", "xmp")
    assert again.returncode == 0, again.stderr.decode()
    assert len(list(samples.glob("*.xmp"))) == 3


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_a_set_that_waits_for_another_writer_at_once(tmp_path, samples):
    """Holding Ctrl-C back until the photo in hand is done must not hold it through a wait for another
    process's write lock (up to ten minutes): that photo has not begun, and the wait ends at once."""
    from tests.cli_process import _ctrl_c_as_a_terminal, start_catalog
    from tests.test_concurrency import _read_until

    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        child = start_catalog("--db", db, "set", "1", "2", "city=Lhasa", preexec_fn=_ctrl_c_as_a_terminal)
        said = _read_until(child.stderr, b"waiting", timeout=60)
        assert b"waiting for the catalogue" in said, said.decode()
        os.killpg(child.pid, signal.SIGINT)
        _, err = child.communicate(timeout=10)  # not once the lock is free: it is still held
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert child.returncode == 130, err.decode()
    assert "0 photos set" in err.decode() and "the 2 photos not yet reached are as before" in err.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM photo WHERE city = 'Lhasa'").fetchone() == (0,)
