"""FontSet: the fonts of one fonts/ folder, with lazily loaded metrics."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Iterable, Sequence

from .cache import cache_dir as default_cache_dir
from .manifest import FontError, FontFace, read_manifest
from .metrics import FontMetrics, load_metrics


def default_fonts_dir() -> Path:
    """$NEWSPRINT_FONTS_DIR, else the repository's fonts/ folder."""
    explicit = os.environ.get("NEWSPRINT_FONTS_DIR")
    if explicit:
        return Path(explicit)
    import layout
    return Path(layout.__file__).resolve().parent.parent / "fonts"


class FontSet:
    """Fonts by id; metrics in em (1.0 = font size)."""

    def __init__(self, faces: dict[str, FontFace], cache: Path):
        self._faces = dict(faces)
        self._cache = cache
        self._metrics: dict[str, FontMetrics] = {}
        self._ink: dict[tuple[str, str], tuple[float, float, float, float] | None] = {}
        self._notes: list = []         # damaged cache entries rebuilt (take_notes)

    @classmethod
    def load(cls, fonts_dir: str | Path | None = None,
             cache_dir: str | Path | None = None) -> "FontSet":
        folder = Path(fonts_dir) if fonts_dir is not None else default_fonts_dir()
        cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        return cls(read_manifest(folder), cache)

    # -- faces
    def ids(self) -> tuple[str, ...]:
        return tuple(self._faces)

    def face(self, font_id: str) -> FontFace:
        try:
            return self._faces[font_id]
        except KeyError:
            raise KeyError(f"unknown font id {font_id!r} (known: {', '.join(self._faces)})") from None

    def metrics(self, font_id: str) -> FontMetrics:
        m = self._metrics.get(font_id)
        if m is None:
            face = self.face(font_id)
            m = self._metrics[font_id] = load_metrics(face.path, face.sha256, self._cache, self._notes)
        return m

    def take_notes(self) -> list:
        """Warnings for the damaged cache entries rebuilt since the last call."""
        notes, self._notes[:] = list(self._notes), []
        return notes

    # -- the Metrics protocol of compose
    def covers(self, font_id: str, ch: str) -> bool:
        return ch in self.metrics(font_id).advances

    def advance(self, font_id: str, ch: str) -> float:
        """Advance of ch in em; 1.0 for a character the font lacks."""
        return self.metrics(font_id).advances.get(ch, 1.0)

    def ascent(self, font_id: str) -> float:
        return self.metrics(font_id).ascent

    def descent(self, font_id: str) -> float:
        return self.metrics(font_id).descent

    def ink(self, font_id: str, ch: str) -> tuple[float, float, float, float] | None:
        """Ink box (xmin, ymin, xmax, ymax) of ch's glyph in em; None if the font lacks it
        or the glyph is empty. The dashes (metrics.INK_CHARS, drawn stretched in ——) come
        with the cached metrics; any other glyph is read from the font file on first use."""
        cached = self.metrics(font_id).ink
        if ch in cached:                   # the dashes: read once, with the metrics
            return cached[ch]
        key = (font_id, ch)
        if key not in self._ink:
            self._ink[key] = None
            if self.covers(font_id, ch):
                from fontTools.ttLib import TTFont  # only for these few glyphs

                with TTFont(self.face(font_id).path, lazy=True) as font:
                    upem = font["head"].unitsPerEm
                    glyph = font["glyf"][font.getBestCmap()[ord(ch)]]
                    if getattr(glyph, "numberOfContours", 0):
                        self._ink[key] = (glyph.xMin / upem, glyph.yMin / upem,
                                          glyph.xMax / upem, glyph.yMax / upem)
        return self._ink[key]

    def vertical_forms(self, font_id: str) -> dict[str, str]:
        """char → the character drawing its vertical form in this font (the font's `vert`
        feature; layout.fonts.vertical); {} for a font without one."""
        from .vertical import vertical_glyphs

        face = self.face(font_id)
        return vertical_glyphs(str(face.path), face.sha256)

    def resolve(self, chain: Sequence[str], ch: str) -> str | None:
        """First font id in chain that covers ch."""
        for font_id in chain:
            if ch in self.metrics(font_id).advances:
                return font_id
        return None

    def missing(self, chain: Sequence[str], text: str) -> list[str]:
        """Distinct characters of text (first-seen order) that no font in chain covers.

        Control characters (newline, tab ...) are not glyphs and are not reported.
        """
        seen: set[str] = set()
        out = []
        for ch in text:
            if ch in seen:
                continue
            seen.add(ch)
            if unicodedata.category(ch) != "Cc" and self.resolve(chain, ch) is None:
                out.append(ch)
        return out

    # -- embedding
    def subset_for_embedding(self, font_id: str, chars: Iterable[str]) -> Path:
        """A cached TrueType file with just those characters of the font (and .notdef)."""
        from .embed import cached_subset        # hashlib, only when writing PDF

        advances = self.metrics(font_id).advances
        codepoints = sorted({ord(c) for c in chars if c in advances})
        return cached_subset(self.face(font_id), codepoints, self._cache, self._notes)


__all__ = ["FontSet", "FontError", "default_fonts_dir"]
