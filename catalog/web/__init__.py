"""See the photos: a local contact sheet in the browser (`catalog serve`) and a static one (`catalog export
--format html`). Flask is imported only when a server is made, so the rest of catalog never pays for it.

>>> app = create_app(Library.open("news.db", readonly=True))   # doctest: +SKIP
>>> app.test_client().get("/?q=in:Gansu").status_code           # doctest: +SKIP
200
"""

from __future__ import annotations


def create_app(library, *, cache_dir=None, edit: bool = False, allow_any_host: bool = False):
    """The Flask app serving one open Library (see catalog.web.app for the routes).

    `cache_dir` holds the thumbnails (default: CATALOG_CACHE or the user cache folder); `edit` allows setting
    captions when the Library is writable; only loopback Host names are answered unless `allow_any_host`.
    """
    from catalog.web import app

    return app.build_app(library, cache_dir=cache_dir, edit=edit, loopback_only=not allow_any_host)
