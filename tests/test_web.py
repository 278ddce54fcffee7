"""The contact sheet server through Flask's test client, the static export, and `catalog serve`'s guards.

The browser itself is driven in test_web_browser.py; here every route is checked for what it shows, what it
escapes, what it refuses (unknown ids, paths, foreign Host names, writes to a read-only catalogue).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import re
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

import pytest
from markupsafe import escape
from PIL import Image

from catalog import render
from catalog.records import CaptionInput
from tests.helpers import plain_jpeg

pytest.importorskip("flask")

#: A caption and a credit written to break out of the page if anything is not escaped.
EVIL_CAPTION = (
    'Fans cheer <script>alert("caption")</script> & wave flags in Hefei, east China\'s Anhui province, '
    "Oct. 14, 2025. (Photo/<b onmouseover=alert`1`>Mal Lory</b>)"
)
EVIL_NAME = "evil<i>name.jpg"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    """Thumbnails go to the test's own folder, never to ~/.cache."""
    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def catalogue(lib, samples):
    """The three sample photos and one hostile one (HTML in its file name, caption and credit)."""
    from catalog.captionsfile import load_captions_file

    captions = load_captions_file(str(samples / "tianwen2-press-release.txt"))
    plain_jpeg(samples / EVIL_NAME, size=(90, 60), color=(200, 40, 40))
    captions[EVIL_NAME] = CaptionInput(EVIL_CAPTION, "manual")
    report = lib.import_paths([str(samples)], captions=captions)
    assert (report.added, report.failed) == (4, 0), report.failures
    return lib


@pytest.fixture
def ids(catalogue) -> dict[str, int]:
    return {Path(photo.path).name: photo.id for photo in catalogue.search([]).photos}


def bomb_png(width: int, height: int) -> bytes:
    """A PNG declaring width×height pixels but holding a few bytes of data: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def make_app(library, tmp_path, **options):
    from catalog.web import create_app

    return create_app(library, cache_dir=tmp_path / "cache", **options)


@pytest.fixture
def client(catalogue, tmp_path):
    return make_app(catalogue, tmp_path).test_client()


def cards(page: str) -> list[int]:
    """The photo ids on a contact sheet, in order."""
    return [int(i) for i in re.findall(r'<li class="card" id="photo-(\d+)">', page)]


def _fits(size, expected) -> bool:
    """Pillow rounds the short side either way: 1600×1067 fits 320 wide as 320×213 or 320×214."""
    return size[0] == expected[0] and abs(size[1] - expected[1]) <= 1


def textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea id="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, f"no textarea {name}"
    return html.unescape(found[1])


def input_value(page: str, name: str) -> str:
    found = re.search(rf'<input id="{name}"[^>]*value="([^"]*)"', page)
    assert found, f"no input {name}"
    return html.unescape(found[1])


# --- the contact sheet --------------------------------------------------------------------------------------


def test_sheet_shows_every_photo_with_a_lazy_thumbnail_and_its_facts(client, catalogue, ids):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert sorted(cards(page)) == sorted(ids.values())
    for photo_id in ids.values():
        assert re.search(rf'<img loading="lazy" src="/thumb/{photo_id}" width="\d+" height="\d+"', page)
    train = catalogue.get(ids["gansu-bullet-train.jpg"])
    card = html.unescape(page[page.index(f'id="photo-{train.id}"'):].split("</li>")[0])
    assert f'<p class="caption" title="{train.caption}">{train.caption}</p>' in card
    assert f'<p class="credit">{catalogue.credit_entry(train).line}</p>' in card
    assert '<span class="taken">2025-08-03</span>' in card
    assert f'<span class="place">{render.place_text(train)}</span>' in card and "Gansu, China" in card
    assert f'href="/photo/{train.id}"' in card


def test_search_in_the_url_selects_like_catalog_search(client, catalogue, ids):
    page = client.get("/?q=in:Gansu").get_data(as_text=True)
    assert cards(page) == [ids["gansu-bullet-train.jpg"]]
    assert 'value="in:Gansu"' in page
    by_name = cards(client.get("/", query_string={"q": 'by:"Xu Gang"'}).get_data(as_text=True))
    assert by_name == [ids["gansu-bullet-train.jpg"]]


def test_search_box_is_split_like_the_shell(client, catalogue, ids):
    """The box's text selects what the same words typed after `catalog search` in a shell select."""
    for text, argv in [
        ("train bullet", ["train", "bullet"]),
        ('"bullet train"', ["bullet train"]),
        ('by:"Xu Gang" train', ["by:Xu Gang", "train"]),
        ("train -in:Gansu", ["train", "-in:Gansu"]),
    ]:
        shown = cards(client.get("/", query_string={"q": text}).get_data(as_text=True))
        assert shown == [photo.id for photo in catalogue.search(argv).photos], text
    assert cards(client.get("/?q=train+bullet").get_data(as_text=True)) == [ids["gansu-bullet-train.jpg"]]
    assert cards(client.get("/?q=train+-in:Gansu").get_data(as_text=True)) == []


@pytest.mark.parametrize("q, says", [
    ("taken:2025-13", "not a real date"),
    ("colour:red", "unknown field"),
    ('by:"Xu', "double quote is not closed"),
])
def test_query_errors_are_shown_on_the_page_not_a_500(client, q, says):
    response = client.get("/", query_string={"q": q})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    error = re.search(r'<p class="error" role="alert">(.*?)</p>', page, re.S)
    assert error and says in html.unescape(error[1])
    assert f'value="{escape(q)}"' in page  # the search stays in the box to be corrected
    assert cards(page) == []


def test_place_and_date_filters_count_the_search_and_add_a_term(client, ids):
    page = client.get("/").get_data(as_text=True)
    places = page.split("<h2>Places</h2>")[1].split("</section>")[0]
    assert re.search(r'href="/\?q=country:China">China</a>\s*<span class="n">3</span>', places)
    assert re.search(r'href="/\?q=province:Gansu">Gansu</a>\s*<span class="n">1</span>', places)
    assert re.search(r'href="/\?q=province:Anhui">Anhui</a>\s*<span class="n">2</span>', places)
    assert re.search(r'place unknown</span>\s*<span class="n">1</span>', places)  # the probe
    taken = page.split("<h2>Taken</h2>")[1].split("</section>")[0]
    assert re.search(r'href="/\?q=taken:2025">2025</a>\s*<span class="n">3</span>', taken)
    assert re.search(r'href="/\?q=taken:2025-10">October</a>\s*<span class="n">2</span>', taken)
    assert re.search(r'href="/\?q=taken:2025-08">August</a>\s*<span class="n">1</span>', taken)
    # A filter narrows the current search: its link keeps the query and adds one term.
    narrowed = client.get("/?q=in:Anhui").get_data(as_text=True)
    assert 'href="/?q=in:Anhui+taken:2025-10"' in narrowed
    assert "Gansu" not in narrowed.split("<h2>Places</h2>")[1].split("</section>")[0]
    followed = client.get("/?q=in:Anhui+taken:2025-10").get_data(as_text=True)
    assert sorted(cards(followed)) == sorted([ids["hefei-aircraft.jpg"], ids[EVIL_NAME]])


def test_sheet_pages_through_long_searches(client, monkeypatch, ids):
    from catalog.web import app

    monkeypatch.setattr(app, "PAGE_SIZE", 3)
    first = client.get("/").get_data(as_text=True)
    second = client.get("/?page=2").get_data(as_text=True)
    assert len(cards(first)) == 3 and len(cards(second)) == 1
    assert set(cards(first)) | set(cards(second)) == set(ids.values())
    assert 'rel="next" href="/?page=2"' in first and 'rel="prev" href="/?page=1"' in second
    assert cards(client.get("/?page=99").get_data(as_text=True)) == cards(second)


# --- the photo page --------------------------------------------------------------------------------------


def test_photo_page_shows_fields_with_sources_and_the_caption_facts(client, catalogue, ids):
    from catalog import render
    from catalog.captions import parse

    photo = catalogue.get(ids["hefei-aircraft.jpg"])
    response = client.get(f"/photo/{photo.id}")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    assert f'<img src="/view/{photo.id}"' in page
    record = render.photo_json(photo)
    row = r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td><td class="source">([^<]*)</td></tr>'
    rows = re.findall(row, page)
    table = {name: (value, source) for name, value, source in rows}
    assert table["sublocation"][0] == "Luogang Park"
    assert table["photographer"][0] == record["credit"]["photographer"]
    names = {"exif": "EXIF", "iptc": "IPTC", "xmp": "XMP", "caption": "caption", "gazetteer": "gazetteer"}
    checked = (("photographer", "credit.photographer"), ("taken", "taken"), ("city", "location.city"))
    for field, key in checked:
        assert table[field][1] == names[record["sources"][key]], field
    facts = parse(photo.caption)
    said = page.split("What the caption says")[1].split("</table>")[0]
    for value in (facts.credit.raw, facts.credit.photographer, facts.date, facts.location.city,
                  facts.location.province):
        if value:
            assert f"<td>{value}</td>" in said
    assert facts.credit.photographer == "Zhang Dagang" and facts.location.city == "Hefei"


def test_photo_page_lists_the_conflicts_between_blocks(client, catalogue, samples, tmp_path):
    from tests.helpers import jpeg_with_metadata

    path = jpeg_with_metadata(
        samples / "disagree" / "two-names.jpg", exif={"Exif.Image.Artist": "Ann Lee"},
        iptc={"Iptc.Application2.Byline": ["Bob Ray"]}, xmp={"Xmp.dc.creator": ["Bob Ray"]})
    catalogue.import_paths([str(path)])
    photo = catalogue.get(str(path))
    assert photo.conflicts, "the reader should report EXIF Artist against IIM By-line"
    page = html.unescape(client.get(f"/photo/{photo.id}").get_data(as_text=True))
    section = page.split("Where EXIF, IPTC and XMP disagree")[1]
    for conflict in photo.conflicts:
        assert conflict["field"] in section
        for block, value in conflict["copies"]:
            name = {"exif": "EXIF", "iptc": "IPTC", "xmp": "XMP"}.get(block, block)
            assert f'<td class="source">{name}</td><td>{value}</td>' in section
    train = catalogue.get("gansu-bullet-train.jpg")
    quiet = html.unescape(client.get(f"/photo/{train.id}").get_data(as_text=True))
    assert "The copies agree" in quiet


def test_photo_page_credit_line_is_the_one_catalog_credits_prints(client, cli, ids):
    for name in ("hefei-aircraft.jpg", "tianwen2-probe.jpg"):
        page = client.get(f"/photo/{ids[name]}").get_data(as_text=True)
        printed = cli("credits", "--files", str(ids[name])).output.strip()
        assert printed and input_value(page, "credit-line") == printed
        assert 'data-copy="credit-line"' in page


@pytest.mark.parametrize("url", [
    "/photo/9999", "/thumb/9999", "/view/9999", "/photo/abc", "/photo/-1", "/thumb/1.jpg",
    "/thumb/../../etc/passwd", "/view/%2e%2e%2fetc%2fpasswd", "/static/../app.py", "/static/%2e%2e/app.py",
    "/images/gansu-bullet-train.jpg", "/file?path=/etc/passwd",
])
def test_unknown_ids_and_paths_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"root:" not in response.data and b"def build_app" not in response.data


# --- thumbnails -------------------------------------------------------------------------------------------


def test_thumbnails_are_made_once_and_cached_by_fingerprint(client, catalogue, ids, tmp_path, monkeypatch):
    from catalog.web import thumbs

    photo = catalogue.get(ids["gansu-bullet-train.jpg"])
    first = client.get(f"/thumb/{photo.id}")
    assert first.status_code == 200 and first.mimetype == "image/jpeg"
    assert _fits(Image.open(io.BytesIO(first.data)).size, (320, 213))
    cached = tmp_path / "cache" / "thumbs" / f"{photo.fingerprint}-{thumbs.THUMB_SIZE}.jpg"
    assert cached.read_bytes() == first.data
    screen = client.get(f"/view/{photo.id}")
    assert screen.mimetype == "image/jpeg" and Image.open(io.BytesIO(screen.data)).size == (1600, 1067)

    def must_not_run(*args):
        raise AssertionError("the rendition was made again")

    monkeypatch.setattr(thumbs, "make_rendition", must_not_run)
    assert client.get(f"/thumb/{photo.id}").data == first.data
    assert client.get(f"/view/{photo.id}").data == screen.data


def test_a_decompression_bomb_gets_the_placeholder_and_is_never_decoded(client, catalogue, ids, tmp_path):
    photo = catalogue.get(ids["tianwen2-probe.jpg"])
    Path(photo.path).write_bytes(bomb_png(40_000, 40_000))  # 1.6 billion pixels declared, a few bytes of data
    response = client.get(f"/thumb/{photo.id}")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert "too large" in response.headers["X-Catalog-Placeholder"] or "pixels" in response.headers[
        "X-Catalog-Placeholder"]
    assert not list((tmp_path / "cache").rglob(f"{photo.fingerprint}-*"))


def test_the_pixel_limit_is_checked_before_decoding(tmp_path, monkeypatch):
    from catalog.web import thumbs

    path = plain_jpeg(tmp_path / "small.jpg", size=(90, 60))
    assert isinstance(thumbs.make_rendition(str(path), 320), bytes)
    monkeypatch.setattr(thumbs, "MAX_PIXELS", 90 * 60 - 1)

    def no_decoding(self, *args, **kwargs):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    assert "more than the 5,399 allowed" in thumbs.make_rendition(str(path), 320)


def test_a_missing_or_broken_file_gets_the_placeholder(client, catalogue, ids):
    train, probe = catalogue.get(ids["gansu-bullet-train.jpg"]), catalogue.get(ids["tianwen2-probe.jpg"])
    Path(train.path).unlink()
    Path(probe.path).write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    for photo, reason in ((train, "no longer there"), (probe, "")):
        response = client.get(f"/view/{photo.id}")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert reason in response.headers["X-Catalog-Placeholder"]
        assert response.headers["Cache-Control"] == "no-store"


def test_thumbnails_are_turned_upright(tmp_path):
    from catalog.web import thumbs

    image = Image.new("RGB", (120, 60), (10, 200, 10))
    exif = image.getexif()
    exif[0x0112] = 6  # stored sideways: rotate 90° clockwise to view
    image.save(tmp_path / "sideways.jpg", exif=exif)
    made = Image.open(io.BytesIO(thumbs.make_rendition(str(tmp_path / "sideways.jpg"), 320)))
    assert made.size == (60, 120)


# --- credit lists ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, options", [
    ("format=text", []),
    ("format=markdown", ["--format", "markdown"]),
    ("format=text&group=1", ["--group"]),
    ("format=markdown&group=1", ["--format", "markdown", "--group"]),
    ("format=inline", ["--inline"]),
])
def test_credit_list_of_selected_photos_matches_catalog_credits(client, cli, ids, query, options):
    chosen = [ids["tianwen2-probe.jpg"], ids["gansu-bullet-train.jpg"], ids["hefei-aircraft.jpg"]]
    response = client.get("/credits?" + "&".join(f"id={i}" for i in chosen) + "&" + query)
    assert response.status_code == 200
    files = [arg for i in chosen for arg in ("--files", str(i))]
    expected = cli("credits", *files, *options).output.rstrip("\n")
    assert expected and textarea(response.get_data(as_text=True), "credit-list") == expected


def test_credit_list_of_a_search(client, cli):
    page = client.get("/credits?q=in:Gansu&format=inline").get_data(as_text=True)
    printed = cli("credits", "in:Gansu", "--inline").output.strip()
    assert textarea(page, "credit-list") == printed == "Photo: Xu Gang"
    everything = client.get("/credits").get_data(as_text=True)
    assert textarea(everything, "credit-list") == cli("credits").output.rstrip("\n")
    assert client.get("/credits?id=9999").status_code == 404
    assert client.get("/credits?id=../1").status_code == 400


def test_sheet_checkboxes_submit_to_the_credit_list(client, ids):
    page = client.get("/").get_data(as_text=True)
    assert '<form id="pick" action="/credits" method="get">' in page
    for photo_id in ids.values():
        assert f'<input type="checkbox" name="id" value="{photo_id}">' in page


# --- safety ----------------------------------------------------------------------------------------------


def test_captions_names_and_credits_are_escaped_everywhere(client, catalogue, ids):
    evil = catalogue.get(ids[EVIL_NAME])
    pages = [client.get(url).get_data(as_text=True) for url in (
        "/", f"/photo/{evil.id}", f"/credits?id={evil.id}",
        "/?q=" + urllib.request.quote('in:"<script>alert(1)</script>"'),
        "/?q=" + urllib.request.quote('taken:"<script>alert(1)</script>"'),
    )]
    for page in pages:
        assert "<script>alert" not in page and "<script>" not in page
        assert "<b onmouseover" not in page and "<i>name" not in page
    assert "&lt;script&gt;alert(&#34;caption&#34;)&lt;/script&gt;" in pages[0]
    assert "evil&lt;i&gt;name.jpg" in pages[1]
    assert str(escape(catalogue.credit_entry(evil).line)) in pages[2]
    assert "&lt;script&gt;" in pages[3] and "&lt;script&gt;" in pages[4]


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert '<script src="/static/app.js" defer></script>' in response.get_data(as_text=True)


def test_foreign_host_names_are_refused(catalogue, tmp_path):
    app = make_app(catalogue, tmp_path)
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example", ""):
        assert app.test_client().get("/", headers={"Host": host}).status_code == 400, host
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "127.4.5.6", "LOCALHOST"):
        assert app.test_client().get("/", headers={"Host": host}).status_code == 200, host
    remote = make_app(catalogue, tmp_path, allow_any_host=True)
    assert remote.test_client().get("/", headers={"Host": "photos.newsroom.example"}).status_code == 200


def test_the_server_opens_the_catalogue_read_only(catalogue, db_url, tmp_path, ids):
    from catalog.errors import DatabaseError
    from catalog.library import Library

    readonly = Library.open(db_url, readonly=True)
    try:
        before = _digest(db_url)
        client = make_app(readonly, tmp_path, edit=True).test_client()  # --edit cannot write through it
        for url in ("/", "/?q=in:Gansu", f"/photo/{ids['hefei-aircraft.jpg']}", "/credits", "/thumb/1"):
            assert client.get(url).status_code == 200
        page = client.get(f"/photo/{ids['hefei-aircraft.jpg']}").get_data(as_text=True)
        assert 'name="caption"' not in page and "read-only" in page
        url = f"/photo/{ids['hefei-aircraft.jpg']}/caption"
        refused = client.post(url, data={"caption": "x", "token": ""})
        assert refused.status_code == 403
        with pytest.raises(DatabaseError):
            readonly.set_setting("rules", "x.toml")
        assert _digest(db_url) == before
    finally:
        readonly.close()


def _digest(db_url: str) -> str:
    """The catalogue's rows: what must not change while it is served read-only."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            query = "SELECT id, path, caption, credit_line, updated_at FROM photo ORDER BY id"
            rows = conn.execute(text(query))
            settings = conn.execute(text("SELECT key, value FROM setting ORDER BY key"))
            return hashlib.sha256(repr((rows.all(), settings.all())).encode()).hexdigest()
    finally:
        engine.dispose()


def test_edit_mode_sets_a_caption_from_its_own_form_only(catalogue, tmp_path, ids):
    client = make_app(catalogue, tmp_path, edit=True).test_client()
    probe = ids["tianwen2-probe.jpg"]
    page = client.get(f"/photo/{probe}").get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    new = "Probe <script>x()</script> seen from Earth, Oct. 2, 2025. (Photo/Lin Wei)"
    assert client.post(f"/photo/{probe}/caption", data={"caption": new, "token": "forged"}).status_code == 403
    assert catalogue.get(probe).caption != new
    saved = client.post(f"/photo/{probe}/caption", data={"caption": new, "token": token})
    assert saved.status_code == 303 and saved.headers["Location"].endswith(f"/photo/{probe}?saved=1")
    assert catalogue.get(probe).caption == new
    shown = client.get(f"/photo/{probe}?saved=1").get_data(as_text=True)
    assert "Caption saved" in shown and "<script>x()" not in shown and "&lt;script&gt;x()" in shown


def test_a_caption_that_cannot_be_saved_comes_back_in_the_form(catalogue, tmp_path, ids):
    """A caption refused (the photo's file moved away, so nothing can be read again from it) was answered by the
    error page alone: what the person typed was gone with the form. It comes back in the form now, with the reason
    (import the new location, then Save again), and
    the server sends nothing again by itself (only a database out of reach is retried: tests/test_postgres_down.py).
    A form from before the server was started again (its token out of date) shows the text to copy, with no form
    and no token: a page on another site must not get one sent back to it."""
    import html
    import os

    client = make_app(catalogue, tmp_path, edit=True).test_client()
    probe = ids["tianwen2-probe.jpg"]
    page = client.get(f"/photo/{probe}").get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    typed = "Typed <b>by hand</b> & not to be lost, 3 Oct. 2025. (Photo/Lin Wei)"
    os.rename(catalogue.get(probe).path, str(tmp_path / "moved.jpg"))
    try:
        refused = client.post(f"/photo/{probe}/caption", data={"caption": typed, "token": token})
    finally:
        os.rename(str(tmp_path / "moved.jpg"), catalogue.get(probe).path)
    body = refused.get_data(as_text=True)
    assert refused.status_code == 404, body
    assert "is no longer there" in body
    assert f'name="caption" rows="4">{html.escape(typed, quote=False)}</textarea>' in body
    assert "The caption was not saved" in body and "data-retry" not in body and "Retry-After" not in refused.headers
    assert catalogue.get(probe).caption != typed
    stale = client.post(f"/photo/{probe}/caption", data={"caption": typed, "token": "from-before-a-restart"})
    body = stale.get_data(as_text=True)
    assert stale.status_code == 403 and "The form is out of date" in body
    assert f'rows="4" readonly>{html.escape(typed, quote=False)}</textarea>' in body
    assert 'name="token"' not in body and token not in body  # another site's form gets no token to send back
    assert catalogue.get(probe).caption != typed


# --- the static export -----------------------------------------------------------------------------------


def test_export_html_writes_a_contact_sheet_folder(cli, catalogue, ids, tmp_path):
    out = tmp_path / "sheet"
    result = cli("export", "--format", "html", "-o", str(out), "in:Gansu")
    assert result.exit_code == 0, result.output
    train = ids["gansu-bullet-train.jpg"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "index.html", "thumbs", f"thumbs/{train}.jpg"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert cards(page) == [train]
    assert f'<img loading="lazy" src="thumbs/{train}.jpg"' in page
    assert "Photo/Xu Gang" in page and "Gansu, China" in page
    assert "<script" not in page and "http://" not in page and "/static/" not in page
    with Image.open(out / "thumbs" / f"{train}.jpg") as thumbnail:
        assert _fits(thumbnail.size, (320, 213))


def test_export_html_escapes_and_writes_only_inside_the_folder(cli, catalogue, ids, tmp_path):
    out = tmp_path / "all"
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    (out / "thumbs").mkdir(parents=True)
    (out / "thumbs" / f"{ids[EVIL_NAME]}.jpg").symlink_to(outside)
    before = {p for p in tmp_path.rglob("*") if "cache" not in p.parts}
    refused = cli("export", "--format", "html", "-o", str(out))  # a link no export made: named, nothing written
    assert refused.exit_code == 1 and f"thumbs/{ids[EVIL_NAME]}.jpg" in refused.output
    assert {p for p in tmp_path.rglob("*") if "cache" not in p.parts} == before
    result = cli("export", "--format", "html", "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert outside.read_text() == "keep me"
    assert not (out / "thumbs" / f"{ids[EVIL_NAME]}.jpg").is_symlink()
    written = {p for p in tmp_path.rglob("*") if "cache" not in p.parts} - before
    assert written and all(out in p.parents for p in written)
    assert sorted(p.name for p in (out / "thumbs").iterdir()) == sorted(f"{i}.jpg" for i in ids.values())
    page = (out / "index.html").read_text(encoding="utf-8")
    assert sorted(cards(page)) == sorted(ids.values())
    assert "<script" not in page and "<b onmouseover" not in page and "<i>name" not in page
    assert "&lt;script&gt;alert(&#34;caption&#34;)&lt;/script&gt;" in page
    credits = html.unescape(page.split('<pre class="credit-list">')[1].split("</pre>")[0])
    assert credits.splitlines() == cli("credits").output.splitlines()


def test_export_html_needs_a_folder(cli, catalogue, tmp_path):
    missing = cli("export", "--format", "html")
    assert missing.exit_code == 2 and "-o OUT_DIR" in missing.output
    (tmp_path / "a-file").write_text("")
    onto_file = cli("export", "--format", "html", "-o", str(tmp_path / "a-file"))
    assert onto_file.exit_code == 2 and "is a file" in onto_file.output
    (tmp_path / "a-folder").mkdir()
    json_to_folder = cli("export", "-o", str(tmp_path / "a-folder"))
    assert json_to_folder.exit_code == 2 and "is a folder" in json_to_folder.output


# --- catalog serve -------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_serve_refuses_a_remote_address_without_allow_remote(cli, catalogue, host):
    result = cli("serve", "--host", host, "--port", "0")
    assert result.exit_code == 2
    assert "--allow-remote" in result.output and host in result.output


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("10.0.0.1", False),
])
def test_is_loopback(host, loopback):
    from catalog.cli.web import is_loopback

    assert is_loopback(host) is loopback


def _environment(**extra: str) -> dict[str, str]:
    """This environment with the checkout importable, for `python -m catalog.cli` in a child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.update(extra)
    return env


def test_serve_prints_its_address_and_serves_read_only(catalogue, db_url, tmp_path):
    env = _environment(CATALOG_DB=db_url, CATALOG_CACHE=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-m", "catalog.cli", "serve", "--port", "0"], env=env,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = _first_line(process, timeout=30)
        found = re.search(r"at (http://127\.0\.0\.1:\d+/) \(read-only\)", line)
        assert found, line
        page = urllib.request.urlopen(found[1] + "?q=in:Gansu", timeout=10).read().decode()
        assert "Photo/Xu Gang" in page and "read-only" in page
        assert len(cards(page)) == 1
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


def _status(url: str, data: dict | None = None) -> int:
    """The HTTP status a request gets (urllib raises for 4xx and 5xx; redirects are followed)."""
    import urllib.error
    import urllib.parse

    try:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        return urllib.request.urlopen(url, data=body, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def test_what_a_person_types_into_the_server_is_answered_never_a_server_error(samples, tmp_path):
    """A real `catalog serve --edit`: a search naming a photo the catalogue lacks (similar:999), a group number
    no database holds, and a caption saved for a photo whose file is gone each ended in "500 Internal Server
    Error" and a traceback on the server's terminal; each is now a 404 that says why."""
    from tests.cli_process import run_catalog

    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", samples).returncode == 0
    env = _environment(CATALOG_DB=str(db), CATALOG_CACHE=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-m", "catalog.cli", "serve", "--edit", "--port", "0"], env=env,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = re.search(r"at (http://127\.0\.0\.1:\d+/)", _first_line(process, timeout=30))[1]
        assert _status(base + "?q=similar:999") == 404
        assert _status(base + "?q=similar:nothere.jpg") == 404
        assert _status(base + f"variants/{2**64}") == 404
        page = urllib.request.urlopen(base + "photo/1", timeout=10).read().decode()
        token = re.search(r'name="token" value="([^"]+)"', page)[1]
        (samples / "gansu-bullet-train.jpg").unlink()
        assert _status(base + "photo/1/caption", {"caption": "A train. (Photo/Xu Gang)", "token": token}) == 404
    finally:
        process.terminate()
        process.wait(timeout=10)
        err = process.stderr.read().decode()
        process.stdout.close()
        process.stderr.close()
    assert "Traceback" not in err and " 500 " not in err, err


def _first_line(process, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    while time.monotonic() < deadline:
        if selector.select(timeout=0.5):
            line = process.stdout.readline().decode()
            if line:
                return line
        if process.poll() is not None:
            raise AssertionError(f"catalog serve stopped: {process.stderr.read().decode()}")
    raise AssertionError("catalog serve printed no address")


def test_the_cli_does_not_import_flask_until_serving():
    code = "import sys; import catalog.cli; print('flask' in sys.modules, 'jinja2' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_environment(),
                            check=True)
    assert result.stdout.split() == ["False", "False"]


# --- the counts behind the filters, and the search box ----------------------------------------------------


def test_place_counts_nest_country_province_city(catalogue):
    from catalog.summaries import place_counts

    tree = place_counts(catalogue, [])
    assert [(n.name, n.count) for n in tree] == [("China", 3), (None, 1)]
    china = tree[0]
    assert [(n.name, n.count, n.term) for n in china.children] == [
        ("Anhui", 2, "province:Anhui"), ("Gansu", 1, "province:Gansu")]
    assert [(n.name, n.count) for n in china.children[0].children] == [("Hefei", 2)]
    assert [(n.name, n.count) for n in place_counts(catalogue, ["in:Gansu"])] == [("China", 1)]
    assert place_counts(catalogue, ["in:Gansu"])[0].children[0].term == "province:Gansu"


def _photo(taken=None, country=None, province=None, city=None):
    from types import SimpleNamespace

    return SimpleNamespace(taken=taken, country=country, province=province, city=city)


def test_timeline_counts_keep_each_date_at_its_precision():
    from catalog.summaries import timeline_counts_of

    photos = [_photo("2025-10-14T10:32:00+08:00"), _photo("2025-10-02"), _photo("2025"), _photo("2024-12"),
              _photo(None)]
    tree = timeline_counts_of(photos, by="day")
    assert [(n.label, n.count) for n in tree] == [("2024", 1), ("2025", 3), (None, 1)]
    months = tree[1].children
    assert [(n.label, n.count) for n in months] == [("2025-10", 2), (None, 1)]  # "2025" has no month
    assert [(n.label, n.count, n.term) for n in months[0].children] == [
        ("2025-10-02", 1, "taken:2025-10-02"), ("2025-10-14", 1, "taken:2025-10-14")]
    assert tree[0].children[0].children == []  # 2024-12 has no day: nothing to list under it
    assert all(n.children == [] for n in timeline_counts_of(photos, by="year"))


def test_timeline_counts_refuse_an_unknown_period():
    from catalog.errors import UsageError
    from catalog.summaries import timeline_counts_of

    with pytest.raises(UsageError, match="year, month, day"):
        timeline_counts_of([], by="week")


def test_place_terms_quote_names_with_spaces():
    from catalog.summaries import place_counts_of

    tree = place_counts_of([_photo(country="China", province="Inner Mongolia", city="Hohhot"),
                            _photo(country="china", province=None)])
    assert [(n.name, n.count) for n in tree] == [("China", 2)]
    assert [(n.term, n.count) for n in tree[0].children] == [('province:"Inner Mongolia"', 1), (None, 1)]


@pytest.mark.parametrize("text, terms", [
    ("in:Gansu", ["in:Gansu"]),
    ('by:"Zhang Dagang" in:Hefei', ["by:Zhang Dagang", "in:Hefei"]),
    ("bullet train", ["bullet", "train"]),
    ('"bullet train"', ["bullet train"]),
    ("in:Xi'an", ["in:Xi'an"]),
    ("  ", []),
    ('-in:Hefei taken:"Oct. 14, 2025"', ["-in:Hefei", "taken:Oct. 14, 2025"]),
])
def test_split_query_reads_the_box_like_a_shell(text, terms):
    from catalog.web.views import split_query

    assert split_query(text) == terms


def test_add_term_does_not_repeat_a_term():
    from catalog.web.views import add_term

    assert add_term("", "province:Gansu") == "province:Gansu"
    assert add_term("train", "province:Gansu") == "train province:Gansu"
    assert add_term("train province:Gansu", "province:Gansu") == "train province:Gansu"
    mongolia = 'x province:"Inner Mongolia"'
    assert add_term(mongolia, 'province:"Inner Mongolia"') == mongolia


def test_a_catalogue_in_a_read_only_folder_is_served(catalogue, db_url, tmp_path, monkeypatch):
    """A share or an archive disc: SQLite cannot make the WAL index there, so the catalogue is read immutable.

    (Root ignores permissions, so the folder's read-only-ness is simulated; reading it as `nobody` in a
    folder of mode 555 fails with 'attempt to write a readonly database' without immutable.)
    """
    from catalog import db
    from catalog.library import Library

    if not db_url.startswith("sqlite"):
        pytest.skip("a SQLite file's folder")
    catalogue.close()
    folder = db.sqlite_path(db_url).parent
    real_access = os.access

    def access(path, mode):
        return False if Path(path) == folder else real_access(path, mode)

    monkeypatch.setattr(db.os, "access", access)
    readonly = Library.open(db_url, readonly=True)
    try:
        assert "immutable=1" in str(readonly.engine.url)
        page = make_app(readonly, tmp_path).test_client().get("/?q=in:Gansu").get_data(as_text=True)
        assert len(cards(page)) == 1
    finally:
        readonly.close()


def test_inline_credit_list_on_the_page_is_the_cli_line_in_house_style(cli, tmp_path):
    """An agency photographer is credited in house style on the page exactly as by `catalog credits --inline`."""
    from catalog.library import Library
    from catalog.web import create_app
    from tests.helpers import jpeg_with_metadata

    jpeg_with_metadata(tmp_path / "x.jpg", xmp={"Xmp.dc.description": "Crowds in Hefei, Anhui province, "
                                                 "Oct. 14, 2025. (Xinhua/Li Xin)"})
    assert cli("import", str(tmp_path / "x.jpg")).exit_code == 0
    expected = cli("credits", "--inline").output.strip()
    assert expected == "Photo: Xinhua/Li Xin"
    lib = Library.open()
    try:
        page = create_app(lib).test_client().get("/credits?q=&format=inline").get_data(as_text=True)
    finally:
        lib.close()
    assert expected in page


def test_a_caption_sent_with_a_nul_is_saved_without_it(samples, db_url, tmp_path):
    """A NUL pasted into the caption form (`catalog serve --edit`) was kept: a PostgreSQL catalogue refused the
    caption ("the catalogue could not be written: PostgreSQL text fields cannot contain NUL"), and a SQLite one
    stored it, after which `catalog copy` to PostgreSQL refused the whole catalogue. Control characters of a
    caption given by hand are now dropped, as a captions file's always were."""
    from tests.cli_process import run_catalog

    assert run_catalog("--db", db_url, "import", samples).returncode == 0
    env = _environment(CATALOG_DB=db_url, CATALOG_CACHE=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-m", "catalog.cli", "serve", "--edit", "--port", "0"], env=env,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = re.search(r"at (http://127\.0\.0\.1:\d+/)", _first_line(process, timeout=30))[1]
        page = urllib.request.urlopen(base + "photo/1", timeout=10).read().decode()
        token = re.search(r'name="token" value="([^"]+)"', page)[1]
        sent = {"caption": "A train\x00 crosses\x07 Gansu, Aug. 3, 2025. (Photo/Xu Gang)", "token": token}
        assert _status(base + "photo/1/caption", sent) == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()
    shown = run_catalog("--db", db_url, "show", "1", "--format", "json")
    assert json.loads(shown.stdout)["caption"] == "A train crosses Gansu, Aug. 3, 2025. (Photo/Xu Gang)"
