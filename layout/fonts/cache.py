"""Where newsprint keeps derived font data (metrics, embedding subsets)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$NEWSPRINT_CACHE_DIR, else $XDG_CACHE_HOME/newsprint, else ~/.cache/newsprint."""
    explicit = os.environ.get("NEWSPRINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "newsprint"


