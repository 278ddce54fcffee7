"""Run the real `catalog` command in a child process: with a memory cap and a time limit, or to kill it.

In-process CliRunner tests cannot show that an import does not hang, balloon, or lose work when the process
dies; these helpers run `python -m catalog.cli` the way a person runs `catalog`.
"""

from __future__ import annotations

import os
import resource
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

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


def unprivileged(folder: Path) -> dict:
    """run_catalog (or start_catalog) options under which file permissions apply, even to root.

    Root ignores permission bits because it holds CAP_DAC_OVERRIDE (and friends). The child drops those
    from its capability bounding set before it runs Python, so the root user it still is (and can still run
    the interpreter in /root) is held to the permissions like anyone else. Elsewhere nothing needs doing.
    """
    options = {"cwd": folder, "env": environment(PYTHONDONTWRITEBYTECODE="1")}
    if os.geteuid() != 0:
        return options

    def drop() -> None:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for capability in OVERRIDING_CAPABILITIES:
            if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop a capability")

    script = f"echo > {folder}/probe && chmod 444 {folder}/probe && echo x >> {folder}/probe"
    probe = subprocess.run(["sh", "-c", script], check=False, preexec_fn=drop, capture_output=True)
    (folder / "probe").unlink(missing_ok=True)
    if probe.returncode == 0:
        pytest.skip("running as root and cannot give up the power to ignore permissions, so they cannot bite")
    options["preexec_fn"] = drop
    return options


PR_CAPBSET_DROP = 24
#: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER: what lets root write where permissions say no.
OVERRIDING_CAPABILITIES = (1, 2, 3)


#: Runs first in a gated catalog process (installed as sitecustomize.py): at each named moment of an import
#: the process tells the test where it is, on one pipe, and waits for the test's go-ahead on another. A test
#: can then act (kill, interrupt) at an exact moment, however fast or loaded the machine is.
GATE_HOOK = '''
import os

_events, _control = os.environ.get("CATALOG_TEST_EVENTS"), os.environ.get("CATALOG_TEST_CONTROL")
if _events and _control:
    import catalog.db as db
    import catalog.importer as importer
    import catalog.quick_store as quick_store
    import catalog.store as store

    importer.BATCH = int(os.environ.get("CATALOG_TEST_BATCH", "10"))
    _main = os.getpid()

    def _at(moment):
        if os.getpid() == _main:  # reader processes are forked from this one; only the catalog process waits
            os.write(int(_events), moment.encode() + b"\\n")
            os.read(int(_control), 1)

    def _gated(moment, function):
        def wrapped(*args, **kwargs):
            if moment.startswith("before "):
                _at(moment)
            result = function(*args, **kwargs)
            if not moment.startswith("before "):
                _at(moment)
            return result
        return wrapped

    db._run_alembic = _gated("before schema", db._run_alembic)   # inside the transaction that makes the schema:
    db._create_sqlite = _gated("before schema", db._create_sqlite)  # by the migrations, or from the schema file
    quick_store.create_schema = _gated("before schema", quick_store.create_schema)  # or by the quick path
    store.store_batch = _gated("writing", store.store_batch)  # rows written, transaction not committed
    quick_store.write_new = _gated("writing", quick_store.write_new)  # the same, on the quick path
    importer._store = _gated("stored", importer._store)             # the batch committed
    import catalog.sidecars as sidecars
    sidecars.write_sidecar = _gated("stored", sidecars.write_sidecar)  # a sidecar written (export --format xmp)
'''


def _ctrl_c_as_a_terminal() -> None:
    """In the child before it runs: Ctrl-C (SIGINT) acts as in a terminal, even when these tests were started in
    the background of a shell without job control (`pytest &` in a script), which starts them, and so every
    process they start, with SIGINT ignored: Python then installs no handler and an interrupted import ran on."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Gate:
    """The test's side of GATE_HOOK: start a gated `catalog`, follow its moments, hold it at one of them."""

    def __init__(self, tmp_path: Path, batch: int = 10):
        hook = tmp_path / "gate-hook"
        hook.mkdir(exist_ok=True)
        (hook / "sitecustomize.py").write_text(GATE_HOOK)
        self.events_read, self.events_write = os.pipe()
        self.control_read, self.control_write = os.pipe()
        self.env = environment(CATALOG_TEST_EVENTS=str(self.events_write),
                               CATALOG_TEST_CONTROL=str(self.control_read), CATALOG_TEST_BATCH=str(batch))
        self.env["PYTHONPATH"] = f"{hook}{os.pathsep}{self.env['PYTHONPATH']}"
        self._pending = b""
        self.seen: list[str] = []

    def start(self, *args, **popen) -> subprocess.Popen:
        """Start `catalog ARGS`, gated, in its own process group."""
        popen.setdefault("stdout", subprocess.DEVNULL)
        popen.setdefault("stderr", subprocess.DEVNULL)
        child = subprocess.Popen(catalog_command(*args), env=self.env, start_new_session=True,
                                 pass_fds=(self.events_write, self.control_read), preexec_fn=_ctrl_c_as_a_terminal,
                                 **popen)
        os.close(self.events_write)  # the child holds the only writing end: end of file when it ends
        os.close(self.control_read)
        return child

    def hold_at(self, moment: str, nth: int = 1, timeout: float = 120) -> bool:
        """Let the child run until it reaches `moment` for the `nth` time, and hold it there (it waits for
        `release`). False when the child ended first."""
        deadline = time.monotonic() + timeout
        count = 0
        while True:
            while b"\n" not in self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"the child did not reach {moment!r} in {timeout:g} s (saw {self.seen})")
                ready, _, _ = select.select([self.events_read], [], [], left)
                if not ready:
                    continue
                chunk = os.read(self.events_read, 4096)
                if not chunk:
                    return False
                self._pending += chunk
            line, self._pending = self._pending.split(b"\n", 1)
            self.seen.append(line.decode())
            if line.decode() == moment:
                count += 1
                if count == nth:
                    return True
            self.release()

    def release(self) -> None:
        """Let a held child go on."""
        try:
            os.write(self.control_write, b"g")
        except BrokenPipeError:
            pass

    def release_all(self) -> None:
        """Let the child run to its end without holding it again."""
        def drain():
            while True:
                try:
                    chunk = os.read(self.events_read, 4096)
                except OSError:
                    return
                if not chunk:
                    return
                for _ in range(chunk.count(b"\n")):
                    self.release()

        for _ in range(1 + self._pending.count(b"\n")):  # the moment it is held at, and those read meanwhile
            self.release()
        self._pending = b""
        threading.Thread(target=drain, daemon=True).start()

    def close(self) -> None:
        for fd in (self.events_read, self.control_write):
            try:
                os.close(fd)
            except OSError:
                pass
