"""Where newsprint keeps derived font data (metrics, embedding subsets): the cache folder."""
from __future__ import annotations

from layout.base.files import cache_dir

__all__ = ["cache_dir"]
