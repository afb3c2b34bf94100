"""Compose: text + style + measure -> lines of positioned glyphs (W3C clreq rules, no PDF).

    text, changes = normalize_text(raw, ascii_punct=True)     # ， （ ） “ ” in Chinese text
    para = compose_paragraph([Span(lead, hei), Span(text, song)], measure_pt,
                             ParaStyle(indent_em=2), fonts)   # fonts: layout.fonts.FontSet
    for line in para.lines:        # Line.width == measure for justified non-final lines
        for g in line.glyphs:      # draw g.char at line.offset + g.x, size g.size_pt, font g.font
            ...                    # g.slot = the part of the line the glyph occupies
        line.hyphen                # a Glyph (U+00AD) after the last one where a word is broken
    para.missing                   # characters no font covers (glyph font "")
    set_line(spans, para, fonts)   # one unbroken line (headlines); natural_width(spans, fonts)

Punctuation never hangs outside the measure (no 悬挂标点, as in Chinese newspapers): a
line-end mark is set half-width inside it, and with ParaStyle(open_start_half=True) an
opening mark starting a line is too (行首开括号半角); open_first_half=True does it on the
paragraph's first line (unindented one-liners such as the jump line （上接1版）).
"""
from .compose import compose_paragraph, forget_paragraphs, last_line_width, natural_width, paragraph_breaks, set_breaks, set_line
from .model import (CharStyle, ComposedParagraph, Glyph, Line, Metrics, Missing, ParaStyle,
                    Span)
from .normalize import Change, normalize_text

__all__ = ["compose_paragraph", "forget_paragraphs", "paragraph_breaks", "set_breaks", "last_line_width", "set_line", "natural_width", "normalize_text", "Change",
           "CharStyle", "ComposedParagraph", "Glyph", "Line", "Metrics", "Missing",
           "ParaStyle", "Span"]
