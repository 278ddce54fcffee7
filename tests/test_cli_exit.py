"""How `catalog` ends when it runs as its own process (catalog.cli.base._exit_at_once): its exit handlers run,
what it printed reaches the reader, its exit status is the command's (Python's teardown of the heap is skipped);
under a profiler or tracer Python exits as usual, and the profile is written."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli_process import environment

#: A command run the way the installed `catalog` runs it, with an exit handler and output still in Python's buffer.
_RUN = """
import atexit, sys

atexit.register(lambda: sys.stdout.write("handler ran\\n"))
sys.stdout.write("buffered ")
from catalog.cli import main
sys.argv = ["catalog", *sys.argv[1:]]
main()
"""
CAPTION = "Boats on the lake in Hefei, Oct. 14, 2025. (Photo by Wu Gang/Xinhua)"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _RUN, *args], env=environment(), capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("args, status", [
    (["parse-caption", CAPTION], 0),
    (["places"], 1),  # no catalogue there: the error boundary's status
])
def test_the_command_ends_with_its_status_its_output_and_its_exit_handlers(tmp_path, args, status):
    done = _run("--db", str(tmp_path / "c.db"), *args)
    assert done.returncode == status, done.stderr
    assert done.stdout.startswith("buffered ")
    assert done.stdout.endswith("handler ran\n")


def test_under_a_profiler_python_exits_as_usual_and_the_profile_is_written(tmp_path):
    import pstats

    profile = tmp_path / "parse.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "catalog.cli", "parse-caption",
                           CAPTION], env=environment(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Wu Gang" in done.stdout
    assert pstats.Stats(str(profile)).total_calls > 0


def test_an_import_run_as_its_own_process_leaves_a_complete_catalogue(tmp_path, samples):
    import sqlite3

    db = tmp_path / "c.db"
    done = _run("--db", str(db), "import", str(samples))
    assert done.returncode == 0, done.stderr
    assert "3 added" in done.stdout
    assert not (tmp_path / "c.db-wal").exists()  # closed as before: the log checkpointed and removed
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM photo").fetchone() == (3,)
