"""Run the real `catalog` command in a child process: with a memory cap and a time limit, or to kill it.

In-process CliRunner tests cannot show that an import does not hang, balloon, or lose work when the process
dies; these helpers run `python -m catalog.cli` the way a person runs `catalog`.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Address space a whole import may use (the reader never decodes pixels; a decoded 40,000 x 40,000 RGBA
#: image alone would need 6.4 GB).
MEMORY_CAP = 1536 * 1024 * 1024


def catalog_command(*args: str | os.PathLike | bytes) -> list:
    return [sys.executable, "-m", "catalog.cli", *args]


def environment(**extra: str) -> dict[str, str]:
    """The test's environment, with the checkout importable and no CATALOG_DB leaking in."""
    env = {k: v for k, v in os.environ.items() if k != "CATALOG_DB"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def capped(memory: int = MEMORY_CAP):
    """A preexec_fn that limits the child's address space (its worker processes inherit the limit)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return limit


def run_catalog(*args, timeout: float = 60, memory: int | None = MEMORY_CAP, cwd=None,
                preexec_fn=None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `catalog ARGS` to completion under the limits; a hang fails the test with TimeoutExpired."""
    before = preexec_fn

    def prepare() -> None:
        if memory:
            capped(memory)()
        if before:
            before()

    return subprocess.run(catalog_command(*args), check=False, capture_output=True, timeout=timeout, cwd=cwd,
                          preexec_fn=prepare, env=env or environment())


def start_catalog(*args, cwd=None, env: dict | None = None, **popen) -> subprocess.Popen:
    """Start `catalog ARGS` in its own process group (so a test can clean up its worker processes)."""
    return subprocess.Popen(catalog_command(*args), cwd=cwd, env=env or environment(), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def rows_digest(path: str | Path) -> tuple[int, str]:
    """(number of photos, a hash of every row of every catalogue table): equal means nothing changed."""
    import hashlib

    digest = hashlib.sha256()
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'photo_fts_%' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
        count = conn.execute("SELECT count(*) FROM photo").fetchone()[0]
    finally:
        conn.close()
    return count, digest.hexdigest()


def integrity(path: str | Path) -> str:
    """SQLite's own verdict on the file: "ok" or the list of what is damaged."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
