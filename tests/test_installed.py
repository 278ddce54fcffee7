"""The installed `catalog` command works from anywhere, migrations included (not only from this checkout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import IMAGES

BIN = Path(sys.executable).parent


def _run(*args, cwd):
    command = BIN / "catalog"
    if not command.exists():
        pytest.skip("the catalog command is not installed in this Python's environment")
    env = {k: v for k, v in os.environ.items() if k != "CATALOG_DB"}
    return subprocess.run([str(command), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_installed_command_runs_the_main_job(tmp_path):
    """What the README's first command does, by the entry point, outside the source tree."""
    where = subprocess.run([sys.executable, "-c", "import catalog.db as d; print(d.migrations_dir())"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where, "env.py").exists()
    result = _run("import", str(IMAGES), "--captions", str(IMAGES / "tianwen2-press-release.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "catalog.db").exists()  # the default catalogue, in the current folder
    found = _run("search", "in:Gansu", "--format", "json", cwd=tmp_path)
    assert [Path(r["path"]).name for r in json.loads(found.stdout)] == ["gansu-bullet-train.jpg"]
    assert _run("credits", cwd=tmp_path).stdout.splitlines() == [
        "Photo/Xu Gang", "Photo/Zhang Dagang", "Photo: China National Space Administration"]


def test_no_traceback_for_a_bad_catalogue(tmp_path):
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all" * 100)
    result = _run("--db", str(tmp_path / "junk.db"), "search", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Error:" in result.stderr


def test_every_package_folder_ships_in_the_wheel():
    """pyproject.toml lists the packages by hand (the migrations live outside catalog/); a folder missing from
    the list works in a checkout and an editable install but is left out of a built wheel."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(root).parts) for p in (root / "catalog").rglob("__init__.py")}
    assert folders - listed == set()
