"""Types of the compose stage: text + style + measure -> lines of positioned glyphs.

Compose knows nothing of pages or PDF. Lengths are in points (pt).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Metrics(Protocol):
    """What compose needs to know of fonts (provided by layout.fonts.FontSet)."""

    def covers(self, font_id: str, ch: str) -> bool: ...

    def advance(self, font_id: str, ch: str) -> float:
        """Advance width of ch in em (1.0 = the font size)."""
        ...


@dataclass(frozen=True)
class CharStyle:
    """How a run of characters is set."""
    fonts: tuple[str, ...]     # fallback chain of font ids, first that covers a char wins
    size_pt: float
    tracking_em: float = 0.0   # extra space after each character (headlines, 字距)
    color: str = "black"


@dataclass(frozen=True)
class Span:
    """A run of text in one CharStyle (e.g. the 本报讯 lead-in in Hei, then body in Song)."""
    text: str
    style: CharStyle


@dataclass(frozen=True)
class ParaStyle:
    align: str = "justify"          # justify | left | center | right
    indent_em: float = 2.0          # first-line indent, in ems of the paragraph's base size
    punctuation: str = "quanjiao"   # quanjiao 全角式 | kaiming 开明式 | banjiao 半角式
    cjk_latin_space_em: float = 0.25
    avoid_short_last_line: bool = True  # no last line of a single character
    open_start_half: bool = False   # 行首开括号半角: an opening mark starting a line (not the
                                    # paragraph) is set half-width, like the marks at a line end
    open_first_half: bool = False   # the same on the paragraph's first line too (unindented
                                    # one-liners: the jump line （上接1版） starts at the frame edge)
    hyphenate: bool = True          # long English words may break with a hyphen (hyphenate.py)


@dataclass(frozen=True)
class Glyph:
    char: str
    font: str          # font id actually used (after fallback); "" if no font covers it
    size_pt: float
    x: float           # pen position where the glyph is drawn, from the line's left edge
    advance: float     # the width the glyph occupies in the line (after compression)
    src: int           # index of the character in the paragraph's text
    color: str = "black"
    trim_left: float = 0.0  # blank cut from the left of the em box (compressed opening mark):
                            # the glyph's slot is [x + trim_left, x + trim_left + advance]
    hscale: float = 1.0     # horizontal scale the glyph is drawn at (a dash stretched to its em)
    rise: float = 0.0       # pt the glyph is raised above the baseline (a dash at the em's centre)

    @property
    def slot(self) -> tuple[float, float]:
        """The part of the line the glyph occupies (its ink stays inside)."""
        left = self.x + self.trim_left
        return left, left + self.advance


@dataclass(frozen=True)
class Columns:
    """A line's glyphs as one column per attribute (what Glyph holds, glyph i in row i):
    makeup reads runs from these without making an object per character."""
    chars: str
    fonts: tuple[str, ...]
    sizes: tuple[float, ...]
    xs: tuple[float, ...]
    advances: tuple[float, ...]
    src: int                     # paragraph index of the first char (the rest follow)
    colors: tuple[str, ...]
    trim_lefts: tuple[float, ...]
    hscales: tuple[float, ...]
    rises: tuple[float, ...]

    def glyphs(self) -> tuple[Glyph, ...]:
        return tuple(map(Glyph, self.chars, self.fonts, self.sizes, self.xs, self.advances,
                         range(self.src, self.src + len(self.chars)), self.colors, self.trim_lefts,
                         self.hscales, self.rises))

    @staticmethod
    def of(glyphs) -> Columns:
        """The columns of glyphs that follow each other in the paragraph's text."""
        glyphs = tuple(glyphs)
        src = glyphs[0].src if glyphs else 0
        if any(g.src != src + i for i, g in enumerate(glyphs)):
            raise ValueError("a line's glyphs follow each other in the paragraph's text")
        return Columns("".join(g.char for g in glyphs), tuple(g.font for g in glyphs),
                       tuple(g.size_pt for g in glyphs), tuple(g.x for g in glyphs),
                       tuple(g.advance for g in glyphs), src, tuple(g.color for g in glyphs),
                       tuple(g.trim_left for g in glyphs), tuple(g.hscale for g in glyphs),
                       tuple(g.rise for g in glyphs))


@dataclass(frozen=True)
class Line:
    columns: Columns   # the glyphs, one column per attribute (Columns.of(glyphs) from Glyphs)
    width: float       # right edge of the last glyph's slot (== measure for justified lines)
    measure: float
    start: int         # paragraph text index of the first character on the line
    end: int           # one past the last (spaces at a break are consumed)
    first: bool        # the paragraph's first line
    last: bool         # the paragraph's last line
    offset: float = 0.0  # x of the line's left edge inside the measure (centre/right alignment)
    hyphen: Glyph | None = None  # the hyphen added after the last glyph where a word is broken:
                                 # U+00AD (a soft hyphen: text read back gives the whole word),
                                 # src = the index of the word's next character

    @property
    def glyphs(self) -> tuple[Glyph, ...]:
        """The line's glyphs as objects, made when asked for (makeup reads the columns)."""
        return self.columns.glyphs()

    @property
    def text(self) -> str:
        return self.columns.chars


@dataclass(frozen=True)
class Missing:
    """A character no font in the chain covers."""
    char: str
    index: int


@dataclass(frozen=True)
class ComposedParagraph:
    lines: tuple[Line, ...]
    text: str                         # the full paragraph text that was composed
    missing: tuple[Missing, ...] = ()
    # indexes of justified lines set short of the measure (no break kept the gaps within
    # ½ em) or beyond it (too long even squeezed): makeup reports them
    unjustified: tuple[int, ...] = ()
