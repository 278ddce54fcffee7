"""Make docs/contact-sheet.png: the contact sheet of the three sample photos, as the README shows it.

Imports images/ into a temporary catalogue, serves it read-only on a free loopback port, and photographs the
page with headless Chromium (the system one; Playwright never downloads a browser here). Run from the
repository root:

    .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from catalog.captionsfile import load_captions_file
    from catalog.library import Library
    from catalog.web import create_app

    with tempfile.TemporaryDirectory() as work:
        images = Path(work) / "images"
        shutil.copytree(ROOT / "images", images)
        library = Library.open(str(Path(work) / "catalog.db"))
        library.import_paths([str(images)], captions=load_captions_file(str(images / "tianwen2-press-release.txt")))
        library.close()
        readonly = Library.open(str(Path(work) / "catalog.db"), readonly=True)
        server = make_server("127.0.0.1", 0, create_app(readonly, cache_dir=Path(work) / "cache"), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                context = playwright.chromium.launch_persistent_context(
                    str(Path(work) / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True,
                    viewport={"width": 1200, "height": 500})
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_port}/")
                page.wait_for_load_state("networkidle")
                shot = page.screenshot()
                context.close()
        finally:
            server.shutdown()
            readonly.close()
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    target = ROOT / "docs" / "contact-sheet.png"
    image.save(target, optimize=True)  # full colour: the sky gradients band in a palette
    print(f"{target.relative_to(ROOT)}: {image.width}×{image.height}, {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
