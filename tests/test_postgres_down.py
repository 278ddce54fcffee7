"""PostgreSQL going away in the middle of a command: the error is ours, and nothing is half-written.

Each test runs its own server (tests/pg_server.py), stops it as a crash would while a real `catalog` works, and
starts it again. Before, an import stopped saying the catalogue "could not be written" (or "something went wrong
inside catalog (OperationalError ...)"), `catalog serve` answered "500 Internal Server Error" with a traceback on its
terminal, and `catalog watch` ended at its next rescan.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from sqlalchemy import create_engine, text

from tests.cli_process import Gate, environment, run_catalog, start_catalog
from tests.image_bytes import press_jpeg
from tests.pg_server import private_postgres  # noqa: F401 - a fixture

GONE = "Error: lost the connection to the database server ("


def _photos(folder, count: int):
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"p{index:03d}.jpg").write_bytes(press_jpeg(index, city="Hefei", caption=f"Photo number {index}"))
    return folder


def _stored(url: str) -> list[tuple]:
    """Each photo's path and whether its record is whole (size, format, dimensions, fingerprint, place)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(
                "SELECT path, size IS NOT NULL AND format IS NOT NULL AND width IS NOT NULL AND height IS NOT NULL "
                "AND fingerprint IS NOT NULL AND city IS NOT NULL FROM photo ORDER BY path"))]
    finally:
        engine.dispose()


def _quiet(out: str) -> None:
    assert "Traceback" not in out and "went wrong" not in out and "OperationalError" not in out, out


def _stopped(server: subprocess.Popen) -> str:
    """Stop `catalog serve` as Ctrl-C does (killed if it does not end within 30 s); what it wrote to stderr."""
    server.send_signal(signal.SIGINT)
    try:
        _, err = server.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        _, err = server.communicate()
    return err.decode()


@pytest.mark.parametrize("moment, nth", [("writing", 3), ("stored", 2)], ids=["in-a-batch", "between-batches"])
def test_an_import_whose_server_goes_down_says_so_and_keeps_whole_batches(private_postgres, tmp_path,  # noqa: F811
                                                                          moment, nth):
    """Gone while a batch's rows were sent and not committed, the import said "the catalogue could not be written:
    consuming input failed: ..."; gone between two batches, "could not be written: connection failed: ...", as if
    the catalogue had refused; and gone while it read (no batch of its own to write), "something went wrong inside
    catalog (OperationalError)". Now it says the server went, and what that means for what was stored."""
    folder = _photos(tmp_path / "photos", 45)
    url = private_postgres.database()
    gate = Gate(tmp_path, batch=10)
    child = gate.start("--db", url, "import", folder, "--workers", "1", stderr=subprocess.PIPE)
    try:
        assert gate.hold_at(moment, nth=nth)  # in the third batch's transaction, or after the second's commit
        committed = _stored(url)
        private_postgres.stop()
        gate.release_all()
        _, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        gate.close()
    err = err.decode()
    assert child.returncode == 1, err
    assert GONE in err, err
    _quiet(err)

    private_postgres.start()
    stored = _stored(url)
    assert stored == committed and len(stored) >= 2 and all(whole for _, whole in stored)  # two batches, whole
    again = run_catalog("--db", url, "import", folder, timeout=180)
    assert again.returncode == 0, again.stderr.decode()
    stored = _stored(url)
    assert len(stored) == 45 == len({path for path, _ in stored}) and all(whole for _, whole in stored)


def _status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_server_says_the_database_is_gone_and_serves_again_once_it_is_back(private_postgres,  # noqa: F811
                                                                               tmp_path):
    url = private_postgres.database()
    assert run_catalog("--db", url, "import", _photos(tmp_path / "photos", 3), timeout=180).returncode == 0
    server = start_catalog("--db", url, "serve", "--port", "0",
                           env=environment(CATALOG_CACHE=str(tmp_path / "cache")))
    try:
        base = re.search(r"at (http://127\.0\.0\.1:\d+/)", server.stdout.readline().decode())[1]
        status, before = _status(base + "?q=Hefei")
        assert status == 200 and before.count("/thumb/") == 3
        private_postgres.stop()
        for page in ("?q=Hefei", "photo/1", "credits?q=Hefei", "changes", "thumb/2"):
            status, body = _status(base + page)
            assert status == 503, (page, status, body)
            assert "lost the connection to the database server" in body, body
        private_postgres.start()
        status, body = _status(base + "?q=Hefei")
        assert status == 200 and body.count("/thumb/") == 3
    finally:
        err = _stopped(server)
    _quiet(err)
    assert " 500 " not in err, err
    assert "catalog: lost the connection to the database server" in err, err


def _wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


class _Lines:
    """A child's output, line by line as it comes, gathered by a thread."""

    def __init__(self, stream):
        import threading

        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        with stream:
            for line in iter(stream.readline, b""):
                self.lines.append(line.decode())

    def finish(self) -> None:
        """All of it, once the child has ended (its stream closed)."""
        self._thread.join(timeout=30)

    def has(self, part: str) -> bool:
        return any(part in line for line in self.lines)

    def count(self, part: str) -> int:
        return sum(part in line for line in self.lines)


def test_the_watcher_waits_for_the_server_and_takes_in_what_came_meanwhile(private_postgres,  # noqa: F811
                                                                           tmp_path):
    """A watcher whose database server went down ended at its next rescan ("something went wrong inside catalog
    (OperationalError)"), and before that said why it could not store a photo every half second. It now says so
    once, keeps watching, and stores what arrived once the server is back."""
    url = private_postgres.database()
    folder = tmp_path / "hot"
    folder.mkdir()
    sources = _photos(tmp_path / "photos", 3)
    watcher = start_catalog("--db", url, "watch", folder, "--settle", "0.3", "--rescan", "1",
                            env=environment(CATALOG_CACHE=str(tmp_path / "cache")))
    out, err = _Lines(watcher.stdout), _Lines(watcher.stderr)
    try:
        _wait_for(lambda: err.has("caught up"))
        (folder / "p000.jpg").write_bytes((sources / "p000.jpg").read_bytes())
        _wait_for(lambda: out.has("p000.jpg"))
        private_postgres.stop()
        (folder / "p001.jpg").write_bytes((sources / "p001.jpg").read_bytes())
        _wait_for(lambda: err.has("could not write to the catalogue"))
        time.sleep(3)  # several settle times and rescans, each refused
        assert watcher.poll() is None, err.lines
        private_postgres.start()
        _wait_for(lambda: out.has("p001.jpg"))
        _wait_for(lambda: err.has("the catalogue answers again"))
    finally:
        watcher.send_signal(signal.SIGINT)
        try:
            watcher.wait(timeout=60)
        except subprocess.TimeoutExpired:
            watcher.kill()
            watcher.wait()
        out.finish()
        err.finish()
    said = "".join(err.lines)
    _quiet(said)
    assert watcher.returncode == 0, said
    assert err.count("could not write to the catalogue (lost the connection to the database server") == 1, said
    stored = _stored(url)
    assert [path.rsplit("/", 1)[1] for path, _ in stored] == ["p000.jpg", "p001.jpg"] and all(w for _, w in stored)


def test_a_caption_typed_while_the_server_is_down_is_kept_and_sent_again(private_postgres, tmp_path):  # noqa: F811
    """`serve --edit` answered a caption saved during an outage with the 503 page: the typed text was gone with the
    form (the browser's Back keeps it only sometimes), and nothing said it had to be typed again. Now the answer
    keeps the text in the form, says it was not saved and why, and sends it again by itself; once the database is
    back the caption is stored, by hand, and the photo page says so. Changing the text stops the retry."""
    from tests.helpers import CHROMIUM, CHROMIUM_ARGS, page_failures

    sync_api = pytest.importorskip("playwright.sync_api")
    if CHROMIUM is None:
        pytest.skip("no Chromium here (apt-get install chromium)")
    url = private_postgres.database()
    assert run_catalog("--db", url, "import", _photos(tmp_path / "photos", 2), timeout=180).returncode == 0
    engine = create_engine(url)
    with engine.connect() as conn:
        photo_id = conn.execute(text("SELECT min(id) FROM photo")).scalar_one()
    engine.dispose()
    server = start_catalog("--db", url, "serve", "--edit", "--port", "0",
                           env=environment(CATALOG_CACHE=str(tmp_path / "cache")))
    typed = "Typed by hand while the database was away, 7 December 2026"
    try:
        base = re.search(r"at (http://127\.0\.0\.1:\d+/)", server.stdout.readline().decode())[1]
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page()
            failures = page_failures(page)
            page.goto(f"{base}photo/{photo_id}")
            page.fill("#caption-text", typed)
            private_postgres.stop()
            page.click("form.edit button[type=submit]")
            page.wait_for_load_state()
            assert page.locator("h1").inner_text() == "The caption was not saved"
            assert page.input_value("#caption-text") == typed
            assert "lost the connection to the database server" in page.locator("[role=alert]").inner_text()
            assert "Sending it again in" in page.locator(".retry").inner_text()

            private_postgres.start()
            page.wait_for_url(re.compile(r"\?saved=1$"), timeout=90_000)  # sent again: 5 s, then 10 s, ...
            assert "Caption saved" in page.locator(".saved").inner_text()
            assert page.locator(".full-caption").inner_text() == typed

            private_postgres.stop()  # a second outage: the person changes the text, and it waits for them
            page.fill("#caption-text", typed + ", changed")
            page.click("form.edit button[type=submit]")
            page.wait_for_load_state()
            page.fill("#caption-text", typed + ", changed again")
            page.wait_for_timeout(7000)  # past the first retry's five seconds
            assert page.locator("h1").inner_text() == "The caption was not saved"
            assert "press Save caption" in page.locator(".retry").inner_text()
            assert page.input_value("#caption-text") == typed + ", changed again"
            private_postgres.start()
            browser.close()
            failures = [f for f in failures if "status of 503" not in f]
            assert failures == [], failures
    finally:
        err = _stopped(server)
    _quiet(err)
    assert "a caption for photo" in err and "was not saved" in err, err
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT caption FROM photo WHERE id = :id"), {"id": photo_id}).scalar_one()
    engine.dispose()
    assert stored == typed
