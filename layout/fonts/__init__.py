"""Fonts stage: the shipped fonts, their metrics and their embedding subsets.

    fonts = FontSet.load()                    # reads fonts/manifest.json
    fonts.advance("noto-serif-sc-regular", "中")   # 1.0 (em)
    fonts.resolve(("noto-serif-sc-regular", "noto-sans-sc-regular"), "한")
    path = fonts.subset_for_embedding("noto-serif-sc-regular", "本报讯")

FontSet satisfies layout.compose.model.Metrics.
"""
from __future__ import annotations

from .cache import cache_dir
from .fontset import FontSet, default_fonts_dir
from .manifest import FontError, FontFace
from .metrics import FontMetrics

__all__ = ["FontSet", "FontFace", "FontMetrics", "FontError", "cache_dir", "default_fonts_dir"]
