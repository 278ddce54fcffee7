"""The cyclic collector while `catalog` starts (catalog.cli.collector): paused through start-up, on while the command
runs; start-up's objects frozen only in a process that runs one command from its command line, never under a
test's CliRunner (whose process goes on)."""

from __future__ import annotations

import gc
import subprocess
import sys

from click.testing import CliRunner

PROBE = """
import gc, sys
import click
from catalog.cli import main

@click.command()
def probe():
    print(gc.isenabled(), gc.get_freeze_count() > 1000)

main.add_command(probe)
print(gc.isenabled(), gc.get_freeze_count())
sys.argv = ["catalog", "probe"]
main()
"""


def test_a_command_line_process_runs_its_command_collecting_with_start_up_frozen():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split("\n")[:2] == ["True 0", "True True"], result.stdout + result.stderr


def test_under_clirunner_the_collector_is_on_after_and_nothing_is_frozen():
    from catalog.cli import main

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    result = CliRunner().invoke(main, ["parse-caption", "A train in Gansu. (Xinhua/Li Xin)"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    result = CliRunner().invoke(main, ["no-such-command"])  # refused before any command runs
    assert result.exit_code == 2
    assert gc.isenabled() and gc.get_freeze_count() == frozen
