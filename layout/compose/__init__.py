"""Compose: text + style + measure -> lines of positioned glyphs (clreq rules, no PDF)."""
from .compose import compose_paragraph, natural_width, set_line
from .model import (CharStyle, ComposedParagraph, Glyph, Line, Metrics, Missing, ParaStyle,
                    Span)
from .normalize import Change, normalize_text

__all__ = ["compose_paragraph", "set_line", "natural_width", "normalize_text", "Change",
           "CharStyle", "ComposedParagraph", "Glyph", "Line", "Metrics", "Missing",
           "ParaStyle", "Span"]
