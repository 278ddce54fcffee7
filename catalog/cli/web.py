"""`catalog serve`: the contact sheet in the browser, on this computer only unless asked otherwise."""

from __future__ import annotations

import click

from catalog.cli.base import GivenPath, library
from catalog.errors import CatalogError, UsageError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="HOST",
              help="Address to listen on. Only loopback addresses unless --allow-remote.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--allow-remote", is_flag=True,
              help="Allow a non-loopback --host: anyone who can reach it sees every photo and caption.")
@click.option("--edit", is_flag=True, help="Open the catalogue writable and allow setting captions by hand.")
@click.option("--cache", "cache_dir", metavar="DIR", type=GivenPath(file_okay=False),
              help="Where thumbnails are kept (default: CATALOG_CACHE, else ~/.cache/catalog).")
@click.pass_context
def serve(ctx, host, port, allow_remote, edit, cache_dir):
    """Show the catalogue as a contact sheet in the browser: search, filters, photos, credit lists.

    The server listens on 127.0.0.1 (this computer only) and opens the catalogue read-only unless
    --edit is given. Stop it with Ctrl-C.

    \b
    Examples:
      catalog serve                       then open http://127.0.0.1:8000/
      catalog serve --port 0              any free port (the address is printed)
      catalog serve --edit                allow setting captions by hand
      catalog serve --host 0.0.0.0 --allow-remote   share on the local network
    """
    try:
        import flask  # noqa: F401
        from werkzeug.serving import make_server
    except ImportError as error:
        raise CatalogError("catalog serve needs Flask: pip install 'flask>=3.1'") from error
    from catalog.web import create_app

    loopback = is_loopback(host)
    if not loopback and not allow_remote:
        raise UsageError(
            f"--host {host} is reachable from other computers; serving there shows every photo and caption "
            "to anyone on the network. Add --allow-remote if that is what you want."
        )
    lib = library(ctx, readonly=not edit)
    app = create_app(lib, cache_dir=cache_dir, edit=edit, allow_any_host=not loopback)
    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as error:
        reason = error.strerror or error
        raise CatalogError(f"cannot listen on {host}:{port}: {reason} (try another --port)") from error
    shown = f"[{host}]" if ":" in host else host
    mode = "writable: captions can be edited" if edit else "read-only"
    address = f"http://{shown}:{server.server_port}/"
    click.echo(f"Serving {lib.count()} photos at {address} ({mode}). Press Ctrl-C to stop.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()


def is_loopback(host: str) -> bool:
    """True when every address `host` names is a loopback address (127.0.0.0/8, ::1, localhost).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    import ipaddress  # here: every command loads this module, and only `serve` asks
    import socket

    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None)
    except socket.gaierror as error:
        raise UsageError(f"--host {host} is not an address this computer knows ({error.strerror})") from error
    addresses = {str(info[4][0]) for info in found}
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
