"""The contact sheet in a real browser: headless Chromium driven by Playwright against `catalog serve`'s app.

The server runs in a thread on a free loopback port, over a read-only catalogue of the three sample photos.
Screenshots are kept in test-artifacts/ at the repository root (gitignored) for a person to look at.
Skipped when Playwright or Chromium is not installed (`.ci/run` installs both); Playwright's own browser
download is never used: Chromium is the system one (apt-get install chromium).
"""

from __future__ import annotations

import functools
import re

import pytest

from catalog.captionsfile import load_captions_file
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, page_failures, screenshot, serving_read_only, wait_in_page

pytest.importorskip("flask")
sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (apt-get install chromium)")


@pytest.fixture
def server(lib, samples, tmp_path, db_url):
    """`catalog serve` in a thread: the app over a read-only catalogue of the samples; yields its address."""
    captions = load_captions_file(str(samples / "tianwen2-press-release.txt"))
    report = lib.import_paths([str(samples)], captions=captions)
    assert (report.added, report.failed) == (3, 0)
    with serving_read_only(db_url, tmp_path / "cache") as address:
        yield address


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module, with a fresh profile folder of its own."""
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 860})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser_page(browser, server):
    """A tab on the test's server, with clipboard access granted for its origin; fails on any page error."""
    browser.clear_permissions()
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = browser.new_page()
    page.failures = page_failures(page)  # script errors and failed loads: a test that expects one removes it
    try:
        yield page
    finally:
        page.close()
    assert page.failures == [], f"the pages reported errors: {page.failures}"


_until = functools.partial(wait_in_page, timeout=15.0, poll_ms=50)


IMAGES_LOADED = "Array.from(document.querySelectorAll('%s')).every(i => i.complete && i.naturalWidth > 0)"


def test_search_open_a_photo_and_copy_its_credit_line(server, browser_page, lib):
    page = browser_page
    page.goto(server + "/")
    cards = page.locator("li.card")
    assert cards.count() == 3
    _until(page, IMAGES_LOADED % ".grid img")
    screenshot(page, "contact-sheet.png")

    page.fill("input[name=q]", "in:Gansu")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=in%3AGansu")
    assert cards.count() == 1
    train = lib.get("gansu-bullet-train.jpg")
    assert cards.first.get_attribute("id") == f"photo-{train.id}"
    assert "bullet train" in cards.first.locator(".caption").inner_text()
    assert page.locator(".toolbar .count").inner_text().startswith("1 photo matches")

    cards.first.locator("a.thumb").click()
    page.wait_for_url(re.compile(rf"/photo/{train.id}\?q=in(:|%3A)Gansu$"))
    _until(page, IMAGES_LOADED % "figure.screen img")
    expected = lib.credit_entry(train).line
    assert expected == "Photo/Xu Gang"
    assert page.input_value("#credit-line") == expected
    page.click("button[data-copy=credit-line]")
    sync_api.expect(page.locator(".copyrow .copied")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    screenshot(page, "photo-page.png")

    page.click("nav.back a")
    page.wait_for_url(re.compile(r"/\?q=in(:|%3A)Gansu$"))
    assert cards.count() == 1


def test_a_query_error_is_shown_in_the_page(server, browser_page):
    page = browser_page
    page.goto(server + "/")
    page.fill("input[name=q]", "taken:2025-13")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=taken%3A2025-13")
    assert "not a real date" in page.locator(".error[role=alert]").inner_text()
    assert page.input_value("input[name=q]") == "taken:2025-13"
    assert page.locator("li.card").count() == 0
    page.failures.remove("Failed to load resource: the server responded with a status of 400 (BAD REQUEST)")


def test_tick_photos_and_copy_the_story_credit_list(server, browser_page, lib):
    page = browser_page
    page.goto(server + "/")
    hefei, probe = lib.get("hefei-aircraft.jpg"), lib.get("tianwen2-probe.jpg")
    page.check(f"#photo-{hefei.id} input[name=id]")
    page.check(f"#photo-{probe.id} input[name=id]")
    page.click("text=Credit list for selected")
    page.wait_for_url("**/credits?*")
    in_sheet_order = [photo for photo in lib.search([]).photos if photo.id in (hefei.id, probe.id)]
    lines = [lib.credit_entry(photo).line for photo in in_sheet_order]
    assert page.input_value("#credit-list") == "\n".join(lines)

    page.check("input[name=format][value=inline]")  # applies on change
    page.wait_for_url("**format=inline*")
    one_line = page.input_value("#credit-list")
    assert one_line == "Photos: " + "; ".join(lib.credit_entry(photo).name for photo in in_sheet_order)
    page.click("button[data-copy=credit-list]")
    sync_api.expect(page.locator(".copyrow .copied")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == one_line
    screenshot(page, "credit-list.png")


def test_select_all_ticks_every_photo(server, browser_page):
    page = browser_page
    page.goto(server + "/")
    page.check("#tick-all")
    assert page.locator("input[name=id]:checked").count() == 3
    page.uncheck("#tick-all")
    assert page.locator("input[name=id]:checked").count() == 0


@pytest.fixture
def variant_server(lib, tmp_path, db_url):
    """The app over a read-only catalogue holding four copies of one picture, another frame and another
    picture, fingerprinted and grouped beforehand."""
    from PIL import Image

    from catalog import variants
    from tests.test_fingerprints import crop, scene, write

    folder = tmp_path / "wires"
    folder.mkdir()
    picture = scene()
    write(folder, "xinhua", picture)
    write(folder, "ap-web", picture.resize((450, 300), Image.Resampling.LANCZOS), quality=70)
    write(folder, "reuters-crop", crop(picture, left=0.08, bottom=0.05))
    write(folder, "afp-grey", picture.convert("L").resize((600, 400)))
    write(folder, "next-frame", scene(subject_x=0.55))
    write(folder, "elsewhere", scene(seed=8))
    lib.import_paths([str(folder)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    with serving_read_only(db_url, tmp_path / "cache") as address:
        yield address


def test_copies_of_one_picture_show_as_one_card_opening_side_by_side(variant_server, browser, lib):
    page = browser.new_page()
    errors = page_failures(page, console=False)
    try:
        page.goto(variant_server + "/")
        cards = page.locator("li.card")
        assert cards.count() == 3  # the picture once, the next frame, the other picture
        badge = page.locator("li.card a.copies")
        assert badge.count() == 1 and badge.inner_text() == "4 copies"
        xinhua = lib.get("xinhua.jpg")
        assert badge.locator("xpath=..").get_attribute("id") == f"photo-{xinhua.id}"  # the copy to run
        _until(page, IMAGES_LOADED % ".grid img")
        screenshot(page, "variants-sheet.png")
        badge.click()
        page.wait_for_url(re.compile(r"/variants/\d+$"))
        copies = page.locator(".side-by-side li.copy")
        assert copies.count() == 4
        assert copies.first.locator(".run").count() == 1
        assert copies.first.locator("li.card").get_attribute("id") == f"photo-{xinhua.id}"
        _until(page, IMAGES_LOADED % ".side-by-side img")
        boxes = [copies.nth(n).bounding_box() for n in range(2)]
        assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5 and boxes[1]["x"] > boxes[0]["x"]  # side by side
        screenshot(page, "variants-group.png")
    finally:
        page.close()
    assert errors == []
