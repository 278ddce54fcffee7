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


def _closing(descriptor: int):
    """A preexec_fn that starts the command with one standard stream closed, as `<&-`, `>&-` or `2>&-` do."""
    import os

    return lambda: os.close(descriptor)


def test_a_command_started_with_standard_error_closed_does_its_work(tmp_path, samples):
    """Python gives a closed standard stream as None: `catalog import 2>&-` (a cron job, a daemon) failed on
    `sys.stderr.isatty()` before reading a photo, and said nothing (its message went to the closed stream),
    exit 1; `verify` and `copy` the same."""
    from tests.cli_process import run_catalog

    db = tmp_path / "catalog.db"
    done = run_catalog("--db", db, "import", samples, preexec_fn=_closing(2))
    assert done.returncode == 0 and done.stdout.decode().startswith("3 added"), done.stdout
    done = run_catalog("--db", db, "verify", preexec_fn=_closing(2))
    assert done.returncode == 0
    done = run_catalog("--db", db, "copy", "--to", tmp_path / "copy.db", preexec_fn=_closing(2))
    assert done.returncode == 0 and done.stdout.decode().startswith("Copied 3 photos"), done.stdout


def test_a_command_started_with_standard_output_closed_says_its_output_is_lost(tmp_path, samples):
    """`catalog export >&-` printed nothing and ended with exit status 0, as if the export had been written:
    Python gives no standard output to fail on, and every line went nowhere. As writing to a full disk, it is
    now an error that says so, exit 1."""
    from tests.cli_process import run_catalog

    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    for args in (["export"], ["search", "taken:2025"], ["parse-caption", CAPTION]):
        done = run_catalog("--db", db, *args, preexec_fn=_closing(1))
        err = done.stderr.decode()
        assert done.returncode == 1, (args, err)
        assert err == "Error: cannot write: standard output is closed (>&-); the output is lost\n", (args, err)


def test_parse_caption_started_with_standard_input_closed_is_a_usage_error(tmp_path):
    """`catalog parse-caption <&-` was "something went wrong inside catalog (RuntimeError: Was not able to
    determine binary stream for sys.stdin.) ... please report it"; closed, standard input reads as empty."""
    from tests.cli_process import run_catalog

    done = run_catalog("parse-caption", preexec_fn=_closing(0))
    assert done.returncode == 2 and done.stderr.decode() == "Error: the caption is empty\n", done.stderr
