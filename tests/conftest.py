"""Shared fixtures: every test gets its own catalogue, on SQLite and, when a server is given, PostgreSQL.

Set CATALOG_TEST_POSTGRES to a server URL (postgresql+psycopg://user@127.0.0.1:PORT/postgres) and every
test that uses `db_url` (and so `lib` and `cli`) runs once per database; `.ci/run` starts such a server.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "images"
SHARED = Path(os.environ.get("CATALOG_SHARED", ROOT.parent / "shared"))
POSTGRES = os.environ.get("CATALOG_TEST_POSTGRES")


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory):
    """The run's own cache folder (the gazetteer's built index, thumbnails), shared by the tests and the
    catalog processes they start, never the user's ~/.cache."""
    if "CATALOG_CACHE" not in os.environ:
        os.environ["CATALOG_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test may touch a catalog.db in the working folder."""
    monkeypatch.setenv("CATALOG_DB", str(tmp_path / "default.db"))
    monkeypatch.chdir(tmp_path)


def _backends():
    return ["sqlite", "postgresql"] if POSTGRES else ["sqlite"]


@pytest.fixture(params=_backends())
def db_url(request, tmp_path, monkeypatch):
    """A fresh, empty catalogue location on each database under test; CATALOG_DB points at it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'catalog.db'}"
        monkeypatch.setenv("CATALOG_DB", url)
        yield url
        return
    from sqlalchemy import create_engine, text

    name = f"catalog_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES.rsplit("/", 1)[0] + "/" + name
    monkeypatch.setenv("CATALOG_DB", url)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def lib(db_url):
    from catalog.library import Library

    library = Library.open(db_url)
    yield library
    library.close()


@pytest.fixture
def samples(tmp_path) -> Path:
    """A private copy of images/ (tests may rename, touch or break files in it)."""
    target = tmp_path / "images"
    shutil.copytree(IMAGES, target)
    return target


@pytest.fixture
def cli(db_url):
    """Run `catalog ...` in process; returns the click Result."""
    from catalog.cli import main

    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run


def shared(*parts: str) -> Path:
    """A path in ../shared, skipping the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture
def imported(cli, samples):
    """The sample photos imported, the Tianwen-2 caption from its press release."""
    result = cli("import", str(samples), "--captions", str(samples / "tianwen2-press-release.txt"))
    assert result.exit_code == 0, result.output
    return samples
