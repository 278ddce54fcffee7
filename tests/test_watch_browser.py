"""New arrivals on the contact sheet in a real browser, without a reload: headless Chromium against `catalog
serve`'s app over a read-only catalogue that another process (here, the test) writes to, as a watcher does.

Skipped when Playwright or Chromium is not installed; see tests/test_web_browser.py.
"""

from __future__ import annotations

import functools
import shutil
import time

import pytest

from tests.conftest import IMAGES
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, page_failures, screenshot, serving_read_only, wait_in_page

pytest.importorskip("flask")
sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (apt-get install chromium)")


@pytest.fixture
def desk(lib, tmp_path, db_url):
    """Two sample photos catalogued and served read-only; yields (address, the folder, the writable Library)."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in ("gansu-bullet-train.jpg", "hefei-aircraft.jpg"):
        shutil.copy(IMAGES / name, folder / name)
    assert lib.import_paths([str(folder)]).added == 2
    with serving_read_only(db_url, tmp_path / "cache") as address:
        yield address, folder, lib


@pytest.fixture
def page(desk):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 860})
            failures = page_failures(tab)
            yield tab
            assert failures == [], f"the page reported errors: {failures}"
        finally:
            browser.close()


_until = functools.partial(wait_in_page, timeout=60.0, poll_ms=100)


def test_an_arrival_appears_on_the_open_sheet_without_a_reload(desk, page):
    address, folder, lib = desk
    page.goto(address + "/")
    assert page.locator("li.card").count() == 2
    hefei = lib.get("hefei-aircraft.jpg")
    page.check(f"#photo-{hefei.id} input[name=id]")
    page.evaluate("window.notReloaded = true")
    assert "place unknown" not in page.locator(".filters").inner_text()

    shutil.copy(IMAGES / "tianwen2-probe.jpg", folder / "tianwen2-probe.jpg")
    assert lib.import_paths([str(folder)]).added == 1  # as the watcher does, from another process
    probe = lib.get("tianwen2-probe.jpg")

    _until(page, "document.querySelectorAll('li.card').length === 3")
    assert page.evaluate("window.notReloaded === true")  # the same page: nothing reloaded it
    assert page.locator(f"#photo-{probe.id}").get_attribute("class") == "card arrived"
    assert page.locator("li.card.arrived").count() == 1
    assert page.is_checked(f"#photo-{hefei.id} input[name=id]")  # what was ticked stays ticked
    assert page.locator(".toolbar .count").inner_text() == "3 photos"
    assert "place unknown" in page.locator(".filters").inner_text()  # the probe's: the filters are new too
    screenshot(page, "contact-sheet-arrival.png")

    # a corrected caption shows too, and "select all" still works on the new results
    lib.set_caption(str(probe.id), "The probe, seen again. (Photo/Zhang Dagang)")
    _until(page, f"document.querySelector('#photo-{probe.id} .caption').textContent.includes('seen again')")
    page.check("#tick-all")
    assert page.locator("input[name=id]:checked").count() == 3
    assert page.evaluate("window.notReloaded === true")


def test_the_sheet_asks_for_changes_and_leaves_an_unchanged_page_alone(desk, page):
    address, _, _ = desk
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(address + "/?q=in:Gansu")
    assert page.locator("li.card").count() == 1
    signature = page.locator(".results").get_attribute("data-signature")
    _until(page, "true")  # let the page settle, then wait for two polls
    deadline = time.monotonic() + 60
    while sum(url.endswith("/changes") for url in asked) < 2:
        assert time.monotonic() < deadline, asked
        page.wait_for_timeout(200)
    assert not [url for url in asked if "q=in" in url and url != address + "/?q=in:Gansu"]  # never fetched again
    assert page.locator(".results").get_attribute("data-signature") == signature
    answer = page.request.get(address + "/changes")
    assert answer.json() == {"signature": signature} and answer.headers["cache-control"] == "no-store"
