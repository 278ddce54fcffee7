"""Where catalog keeps what it can make again: thumbnails, the gazetteer's built index."""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """CATALOG_CACHE, else $XDG_CACHE_HOME/catalog, else ~/.cache/catalog."""
    explicit = os.environ.get("CATALOG_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "catalog"
