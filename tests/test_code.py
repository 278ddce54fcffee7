"""The code itself: ruff's checks and mypy's types hold on the whole package, as configured in pyproject.toml.

Both are in the `test` extra, so CI runs them with the suite; a machine without them skips these two tests
(and says so), rather than failing on a missing tool.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(module: str) -> None:
    try:
        __import__(module)
    except ImportError:
        pytest.skip(f"{module} is not installed (pip install '.[test]')")


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, env=env,
                          timeout=600)


def test_ruff_finds_nothing():
    _tool("ruff")
    result = _run("ruff", "check", "catalog", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    _tool("mypy")
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
