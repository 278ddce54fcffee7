"""Small builders the tests share: image files made on the spot; the contact sheet served for a browser."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
#: Where the browser tests keep their screenshots, for a person to look at (gitignored).
ARTIFACTS = ROOT / "test-artifacts"
#: The system's Chromium (Playwright's own browser download is never used); None when there is none.
CHROMIUM = next((path for path in (os.environ.get("CATALOG_CHROMIUM"), shutil.which("chromium"),
                                   shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if path and os.path.exists(path)), None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def plain_jpeg(path: Path, size=(64, 48), color=(120, 140, 160)) -> Path:
    """A small valid JPEG with no metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, "JPEG", quality=80)
    return path


def jpeg_with_metadata(path: Path, *, iptc: dict | None = None, xmp: dict | None = None, exif: dict | None = None,
                       color=(90, 100, 110)) -> Path:
    """A small JPEG with metadata written by exiv2 (pyexiv2), e.g. iptc={"Iptc.Application2.City": "Kraków"}."""
    import pyexiv2

    plain_jpeg(path, color=color)
    with pyexiv2.Image(str(path)) as image:
        if exif:
            image.modify_exif(exif)
        if iptc:
            image.modify_iptc({"Iptc.Envelope.CharacterSet": "\x1b%G", **iptc})
        if xmp:
            image.modify_xmp(xmp)
    return path


@contextmanager
def serving_read_only(db_url: str, cache_dir: Path) -> Iterator[str]:
    """`catalog serve`'s app in a thread on a free loopback port, over a read-only catalogue; yields its address."""
    from werkzeug.serving import make_server

    from catalog.library import Library
    from catalog.web import create_app

    readonly = Library.open(db_url, readonly=True)
    app = create_app(readonly, cache_dir=cache_dir)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
        readonly.close()


def page_failures(page, *, console: bool = True) -> list[str]:
    """A list that collects a browser page's script errors (and, with `console`, its console errors)."""
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    if console:
        page.on("console", lambda msg: failures.append(msg.text) if msg.type == "error" else None)
    return failures


def wait_in_page(page, script: str, timeout: float, poll_ms: int) -> None:
    """Wait until `script` is true in the page. (wait_for_function would eval() inside the page, which
    the server's Content-Security-Policy rightly forbids; evaluate runs from outside.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {script}"
        page.wait_for_timeout(poll_ms)


def screenshot(page, name: str) -> Path:
    """A full-page screenshot kept in test-artifacts/ under `name`; it must hold a picture (over 10 kB)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def han_tune_captions() -> list[str]:
    """Every labelled caption of the tune split that holds a Han character (the Chinese sets and the mixed
    captions of the English ones), in file order: the tests that check a reader's guard at every start of some."""
    import json
    import re

    from tools.evaluate_captions import caption_key

    root = ROOT / "tests" / "data" / "captions"
    split = json.loads((root / "split.json").read_text())["split"]
    texts = []
    for path in sorted(root.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text", "")
                if re.search("[\u4e00-\u9fff]", text) and split.get(caption_key(text)) == "tune":
                    texts.append(text)
    return texts


def han_tune_starts(stops: str = "[。；;，,\n]") -> Iterator[tuple[str, str, int, int]]:
    """(caption, its simplified text, start, end) at every start of every twentieth `han_tune_captions` caption, to
    the next of `stops` after it and to the caption's end: where the tests check that a guard ruling a start out
    agrees with the full reading."""
    import re

    from catalog.captions.chinese_words import simplified

    for text in han_tune_captions()[::20]:
        plain = simplified(text)
        ends = sorted({m.end() for m in re.finditer(stops, plain)} | {len(plain)})
        for at in range(len(plain)):
            for end in {next(stop for stop in ends if stop > at), len(plain)}:
                yield text, plain, at, end
