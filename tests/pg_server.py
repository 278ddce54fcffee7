"""A PostgreSQL server of a test's own, which the test may stop and start again in the middle of a command.

The shared server (CATALOG_TEST_POSTGRES, started by .ci/run) must stay up for every other test; a test that
takes the database away from a running `catalog` starts its own cluster with .ci/postgres.sh (the same script,
so the same settings), stops it with `pg_ctl -m immediate` (as a crash, a kill or a cut network would: no
goodbye to the clients) and starts it again on the same port.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".ci" / "postgres.sh"


class PrivatePostgres:
    """A throwaway cluster: `url` for a new database on it, `stop()` as a crash would, `start()` again, `close()`."""

    def __init__(self) -> None:
        started = subprocess.run(["bash", "-c", f'source {shlex.quote(str(SCRIPT))} >/dev/null && PGPORT=55439 '
                                  f'&& PG_FIRST_PORT=55439 && pg_start >/dev/null && echo "$PGDIR $PGPORT $PGBIN"'],
                                 capture_output=True, text=True, check=False, timeout=180)
        if started.returncode != 0 or not started.stdout.strip():
            pytest.skip(f"cannot start a PostgreSQL server of the test's own: {started.stderr.strip()[:300]}")
        folder, port, self.bin = started.stdout.split()
        self.folder, self.port = Path(folder), int(port)
        self.server = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"

    def _as_owner(self, *command: str) -> list[str]:
        import os

        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)

    def database(self, name: str = "catalog") -> str:
        """A new, empty database on this server: its URL."""
        from sqlalchemy import create_engine, text

        admin = create_engine(f"{self.server}/postgres", isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        return f"{self.server}/{name}"

    def stop(self) -> None:
        """Gone at once, as a crash or a cut network leaves it: the clients' connections simply end."""
        subprocess.run(self._as_owner(f"{self.bin}/pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate",
                                      "-t", "60", "stop"), check=True, capture_output=True, timeout=90)

    def start(self) -> None:
        """Back on the same port, after a stop (the server recovers from its write-ahead log)."""
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=50"
        subprocess.run(self._as_owner(f"{self.bin}/pg_ctl", "-D", str(self.folder / "data"), "-l",
                                      str(self.folder / "server.log"), "-w", "-t", "60", "-o", options, "start"),
                       check=True, capture_output=True, timeout=90)

    def close(self) -> None:
        subprocess.run(["bash", "-c", f'source {shlex.quote(str(SCRIPT))} && PGDIR={shlex.quote(str(self.folder))} '
                        f'&& PGBIN={shlex.quote(self.bin)} && pg_stop'], check=False, capture_output=True, timeout=120)


@pytest.fixture
def private_postgres():
    """A PostgreSQL server of this test's own (skipped where PostgreSQL or psycopg is not installed)."""
    pytest.importorskip("psycopg")
    server = PrivatePostgres()
    try:
        yield server
    finally:
        server.close()
