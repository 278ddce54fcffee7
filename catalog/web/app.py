"""The contact sheet server: Flask routes over one open Library. Photos are named by id only.

Routes::

    /                    the contact sheet: ?q=in:Gansu (the search language of `catalog search`), ?page=2
    /photo/<id>          one photo at screen size, every field with its source, conflicts, the caption's facts
    /thumb/<id>          its thumbnail;  /view/<id>  its screen-size rendition (both made once, then cached)
    /credits             the credit list of ?id=3&id=1 (in that order) or of ?q=...: text, Markdown, one line
    /photo/<id>/caption  POST, only with `catalog serve --edit`: set the caption by hand
    /changes             the catalogue's signature (JSON), which the sheet polls to show new arrivals
"""

from __future__ import annotations

import ipaddress
import math
import secrets

from flask import Flask, Response, abort, jsonify, redirect, render_template, request, url_for

from catalog import render
from catalog.credits import credit_list, credit_text
from catalog.errors import CatalogError, DatabaseError, NotFound, UsageError
from catalog.summaries import place_counts_of, timeline_counts_of
from catalog.web import live, views
from catalog.web.thumbs import PLACEHOLDER_SVG, SCREEN_SIZE, THUMB_SIZE, ThumbnailCache

#: Photos per contact sheet page.
PAGE_SIZE = 120
#: The largest id a database column holds (a signed 64-bit integer); a larger one in a URL names nothing.
LARGEST_ID = 2**63 - 1


CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def build_app(library, *, cache_dir=None, edit: bool = False, loopback_only: bool = True):
    """The Flask app serving `library`. `edit` allows setting captions (the Library must be writable);
    `loopback_only` answers only requests addressed to localhost or a loopback address (not for
    --allow-remote), so a page elsewhere cannot reach the server through DNS rebinding."""
    app = Flask(
        __name__,
        template_folder=str(views.TEMPLATES),
        static_folder=str(views.STATIC),
        static_url_path="/static",
    )
    app.config.update(MAX_CONTENT_LENGTH=1_000_000)
    app.extensions["catalog"] = {
        "library": library,
        "thumbs": ThumbnailCache(cache_dir),
        "edit": bool(edit and not library.readonly),
        "token": secrets.token_urlsafe(32),
    }
    app.jinja_options = {**app.jinja_options, "finalize": views.html_text}  # before jinja_env is made, below
    app.jinja_env.filters.update(views.jinja_filters())
    app.jinja_env.globals.update(views.jinja_globals())

    @app.before_request
    def _only_loopback_names():
        if loopback_only and not is_loopback_name(request.environ.get("HTTP_HOST", "")):
            return Response("This server answers only to 127.0.0.1 and localhost.\n", status=400,
                            mimetype="text/plain")
        return None

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.errorhandler(404)
    def _not_found(error):
        return render_template("error.html", title="Not found", message=error.description), 404

    @app.errorhandler(400)
    def _bad_request(error):
        return render_template("error.html", title="Bad request", message=error.description), 400

    @app.errorhandler(403)
    def _forbidden(error):
        return render_template("error.html", title="Not allowed", message=error.description), 403

    @app.errorhandler(DatabaseError)
    def _database_unavailable(error):
        # The database refused or went away (a PostgreSQL server stopped or restarted: the next request that finds
        # it back is answered as before). One line on the server's terminal, not a traceback, and a page that says
        # so, where it was "500 Internal Server Error".
        import sys

        print(f"catalog: {error}", file=sys.stderr, flush=True)
        return render_template("error.html", title="The catalogue cannot be reached", message=str(error)), 503

    @app.context_processor
    def _globals():
        state = app.extensions["catalog"]
        return {"editable": state["edit"], "readonly": library.readonly}

    app.add_url_rule("/", "sheet", _sheet)
    app.add_url_rule("/photo/<int:photo_id>", "photo", _photo)
    app.add_url_rule("/photo/<int:photo_id>/caption", "caption", _caption, methods=["POST"])
    app.add_url_rule("/thumb/<int:photo_id>", "thumb", lambda photo_id: _rendition(photo_id, THUMB_SIZE))
    app.add_url_rule("/view/<int:photo_id>", "view", lambda photo_id: _rendition(photo_id, SCREEN_SIZE))
    app.add_url_rule("/credits", "credits", _credits)
    app.add_url_rule("/changes", "changes", _changes)
    app.add_url_rule("/variants/<int:group>", "variants", _variants)
    return app


def is_loopback_name(host_header: str) -> bool:
    """True for a Host header naming this computer: localhost, 127.x.x.x or [::1], with or without a port.

    >>> is_loopback_name("127.0.0.1:8000"), is_loopback_name("[::1]:8000"), is_loopback_name("evil.example")
    (True, True, False)
    """
    host = host_header.strip().lower()
    name = host[1:].partition("]")[0] if host.startswith("[") else host.partition(":")[0]
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _state() -> dict:
    from flask import current_app

    return current_app.extensions["catalog"]


def _library():
    return _state()["library"]


def _photo_or_404(photo_id: int):
    try:
        return _library().get(int(photo_id))
    except NotFound:
        abort(404, description=f"There is no photo {photo_id} in the catalogue.")


def _sheet():
    """The contact sheet: a search, its filters, and one page of thumbnails."""
    library = _library()
    q = request.args.get("q", "").strip()
    page = max(1, request.args.get("page", 1, type=int) or 1)
    signature = live.signature(library)  # before the search: a change in between shows on the next poll
    error = None
    hits = []
    status = 200
    try:
        hits = library.search(views.split_query(q)).photos
    except DatabaseError:
        raise
    except CatalogError as problem:  # a term refused, or one naming a photo or story that is not there
        error = str(problem)
        status = 404 if isinstance(problem, NotFound) else 400
    pictures = views.one_per_group(hits)  # copies of one picture: one card with a count
    pages = max(1, math.ceil(len(pictures) / PAGE_SIZE))
    page = min(page, pages)
    shown = pictures[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    body = render_template(
        "sheet.html",
        q=q,
        error=error,
        total=len(hits),
        cards=views.cards(library, shown),
        places=place_counts_of(hits),
        timeline=timeline_counts_of(hits, by="month"),
        add_term=views.add_term,
        page=page,
        pages=pages,
        signature=signature,
        poll_ms=live.POLL_MS,
    )
    return body, status


def _changes():
    """The catalogue's signature: the sheet reloads its results when it differs from the one it was made with."""
    response = jsonify(signature=live.signature(_library()))
    response.headers["Cache-Control"] = "no-store"
    return response


def _photo(photo_id: int):
    """One photo: the rendition, every field and its source, the conflicts, the caption's facts."""
    library = _library()
    photo = _photo_or_404(photo_id)
    record = render.photo_json(photo)
    state = _state()
    [card] = views.cards(library, [photo])
    return render_template(
        "photo.html",
        q=request.args.get("q", ""),
        photo=photo,
        card=card,
        fields=views.fields(record),
        conflicts=views.conflicts(record),
        facts=views.caption_facts(photo.caption, library.rules),
        token=state["token"] if state["edit"] else None,
        saved=request.args.get("saved") == "1",
    )


def _variants(group: int):
    """The copies of one picture side by side, the copy to run first and marked, each caption's differences
    from its caption word by word."""
    from catalog import variant_copies, variants

    library = _library()
    if group > LARGEST_ID:  # no database holds it: SQLite refused to look it up (an OverflowError, a 500)
        abort(404, description=f"There is no group {group} of copies in the catalogue.")
    with library.session() as session:
        copies = variant_copies.group_copies(session, group, variants.variant_rules(library.rules).best)
    if len(copies) < 2:
        abort(404, description=f"There is no group {group} of copies in the catalogue.")
    best = copies[0].photo
    return render_template(
        "variants.html",
        q=request.args.get("q", ""),
        group=group,
        copies=[(views.card(library, copy.photo), copy,
                 [] if copy.best else variant_copies.caption_diff(best.caption, copy.photo.caption))
                for copy in copies],
    )


#: How long the page that kept an unsaved caption waits before sending it again, growing with each attempt
#: (seconds): the database is usually back within a minute (a PostgreSQL restart, a failover).
RETRY_SECONDS = (5, 10, 20, 30, 60)


def _caption(photo_id: int):
    """Set a caption by hand (only with --edit, only from this server's own form). A caption that cannot be saved
    is never dropped: the answer is a page holding the typed text in the form, saying why it was not saved, and,
    when the database could not be reached, sending it again by itself (see _unsaved)."""
    state = _state()
    if not state["edit"]:
        abort(403, description="This catalogue is served read-only; start `catalog serve --edit` to edit.")
    sent = request.form.get("token", "")
    typed = request.form.get("caption", "")
    if not secrets.compare_digest(sent.encode(), state["token"].encode()):
        # a page from before the server was restarted, or a form on another site: the text is shown to copy, and
        # no form is given back (one with this server's token would let another site's page have it sent)
        return _unsaved(photo_id, typed, "The form is out of date (the server was started again since the page "
                        "was opened): copy your text, open the photo again and paste it.", 403, retry=False)
    try:
        photo = _photo_or_404(photo_id)
        _library().set_caption(str(photo.id), typed)
    except DatabaseError as problem:  # the server gone (a PostgreSQL restart), a lock held too long
        import sys

        print(f"catalog: {problem} (a caption for photo {photo_id} was not saved; the page keeps it and sends it "
              "again)", file=sys.stderr, flush=True)
        return _unsaved(photo_id, typed, str(problem), 503, retry=True)
    except CatalogError as problem:  # an empty caption; the file gone or unreadable; the photo forgotten meanwhile
        return _unsaved(photo_id, typed, str(problem), 404 if isinstance(problem, NotFound) else 400, retry=False)
    return redirect(url_for("photo", photo_id=photo.id, saved=1), code=303)


def _unsaved(photo_id: int, typed: str, why: str, status: int, *, retry: bool):
    """The page for a caption that was not saved: the typed text in the form, why, and (`retry`) a countdown after
    which the page sends it again unless the person changes it meanwhile. It reads nothing from the database, which
    may be the reason. Where the answer was an error page, the typed text was gone with the page it was typed in
    (the browser's Back keeps it only sometimes)."""
    try:
        attempt = max(0, min(int(request.form.get("attempt", "0")), 1000))
    except ValueError:
        attempt = 0
    wait = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)] if retry else None
    response = Response(render_template("unsaved.html", photo_id=photo_id, caption=typed, why=why,
                                        token=_state()["token"] if status != 403 else None, retry_in=wait,
                                        attempt=attempt + 1), status=status)
    if wait is not None:
        response.headers["Retry-After"] = str(wait)
    response.headers["Cache-Control"] = "no-store"
    return response


def _rendition(photo_id: int, size: int):
    """A thumbnail or screen rendition of a catalogued photo; the placeholder when it cannot be made."""
    photo = _photo_or_404(photo_id)
    made = _state()["thumbs"].get(photo, size)
    if made.path is None:
        response = Response(PLACEHOLDER_SVG, mimetype="image/svg+xml")
        response.headers["X-Catalog-Placeholder"] = _header_safe(made.failure or "no preview")
        response.headers["Cache-Control"] = "no-store"
        return response
    response = Response(made.path.read_bytes(), mimetype="image/jpeg")
    response.set_etag(made.path.stem)
    response.cache_control.max_age = 86400
    response.cache_control.private = True
    return response.make_conditional(request)


def _header_safe(text: str) -> str:
    return text.encode("ascii", "replace").decode("ascii").replace("\r", " ").replace("\n", " ")


def _credits():
    """The story's credit list: the photos ticked on the sheet (in sheet order), or a whole search."""
    library = _library()
    ids = [value for value in request.args.getlist("id") if value.strip()]
    q = request.args.get("q", "").strip()
    fmt = request.args.get("format", "text")
    if fmt not in dict(views.CREDIT_FORMATS):
        fmt = "text"
    group = request.args.get("group") == "1"
    error = None
    credited = []
    try:
        if ids:
            if not all(value.isdigit() for value in ids):
                raise UsageError("photos are chosen by their numeric id")
            credited = credit_list(library, [], files=ids)
        else:
            credited = credit_list(library, views.split_query(q))
    except NotFound as problem:
        abort(404, description=str(problem))
    except DatabaseError:
        raise
    except CatalogError as problem:
        error = str(problem)
    text = credit_text(credited, fmt=fmt, group=group)
    body = render_template(
        "credits.html",
        q=q,
        ids=ids,
        fmt=fmt,
        group=group,
        formats=views.CREDIT_FORMATS,
        text=text,
        count=len(credited),
        lines=max(2, min(20, text.count("\n") + 2)),
        error=error,
    )
    return body, (400 if error else 200)
