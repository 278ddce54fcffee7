"""The code itself: ruff's checks and mypy's types hold on the whole package, as configured in pyproject.toml, and
no module binds one of its top-level names twice.

Both are in the `test` extra, so CI runs them with the suite; a machine without them skips these two tests
(and says so), rather than failing on a missing tool.
"""

from __future__ import annotations

import ast
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


def _bound_twice(source: str) -> dict[str, list[int]]:
    """The top-level names a module's source binds more than once (a def, a class or an assignment), each with the
    lines binding it; a function's ``@overload`` stubs are its declarations, not bindings."""
    bound: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if any(isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list):
                continue
            names = [node.name]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)]
        else:
            continue
        for name in names:
            bound.setdefault(name, []).append(node.lineno)
    return {name: lines for name, lines in bound.items() if len(lines) > 1}


def test_bound_twice_finds_a_constant_rebound():
    assert _bound_twice("A = 1\nB = 2\nA = 3\n") == {"A": [1, 3]}
    assert _bound_twice("@overload\ndef f(x: int) -> int: ...\ndef f(x): return x\n") == {}


def test_no_module_binds_a_top_level_name_twice():
    """A module's constant bound a second time further down silently replaces the first for every function, also
    those written against the first and its comment (chinese_places once held two ``_INSIDE`` and two
    ``_AN_EDITION``): each name is bound once."""
    twice = {str(path.relative_to(ROOT)): found for path in sorted((ROOT / "catalog").rglob("*.py"))
             if (found := _bound_twice(path.read_text(encoding="utf-8")))}
    assert twice == {}, twice
