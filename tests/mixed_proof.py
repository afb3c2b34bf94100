"""The mixed-text proof set: URLs, e-mails, paths, English, product names, units, numbers,
dates and quotes inside Chinese, set at several measures, and its figures read back from a
PDF's own glyphs (PDFium), whichever engine made the PDF (newsprint here, Typst in
bench/mixed_text.py).

A PDF holds one page per measure, one column, the paragraphs in order. Its lines are
matched against the source text (spaces removed); a line is justified unless it ends a
paragraph. For each pair of neighbouring glyphs of a justified line the gap is the white
between their advance boxes (a full-width mark's blank half belongs to its box), less the
natural space (¼ em between Han and a Latin letter or digit, 0 elsewhere); gaps at a word
space are counted apart.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from fixtures.pdfglyphs import END_PROHIBITED, START_PROHIBITED, lines_of, read_glyphs

PROOF = Path(__file__).resolve().parent / "fixtures" / "mixed" / "proof.txt"
MEASURES = (12, 14, 16, 18, 20, 25, 31, 38)     # characters a line
EM = 10.0                                       # pt
TOL = 0.02                                      # em
SONG = ("noto-serif-sc-regular", "lxgw-wenkai-regular", "noto-sans-sc-regular")


def paragraphs() -> list[str]:
    return [ln.strip() for ln in PROOF.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _wide(ch: str) -> bool:
    """Han, kana, Hangul and the full-width marks (“ ” ‘ ’ are 'ambiguous' in Unicode, set
    full-width in Chinese)."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’"


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def box(g) -> tuple[float, float]:
    """The advance box of a glyph read back; a full-width mark drawn by a narrow glyph (a
    Kai face's “ is 0.35 em) is set in an em: its box is that em (an opening mark's glyph
    sits at the em's right, a closing mark's at its left)."""
    if g.right - g.left < 0.75 * g.size and g.ch in "“‘":
        return g.right - g.size, g.right
    if g.right - g.left < 0.75 * g.size and g.ch in "”’":
        return g.left, g.left + g.size
    return g.left, g.right


# a line may start with . or @ only inside a dotted name (URL, e-mail), broken there as a
# last resort: a letter or digit on both sides of the break
_DOTTED = re.compile(r"[A-Za-z0-9]$")


@dataclass
class Figures:
    measure: int
    lines: int = 0
    justified: int = 0
    violations: list = field(default_factory=list)     # prohibited line starts / ends
    over_half: list = field(default_factory=list)      # (line, gap em) beyond ½ em
    over_quarter: int = 0                              # justified lines with a gap beyond ¼ em
    loose: list = field(default_factory=list)          # (line, gap em) of those lines, spaces shown
    loose_next: list = field(default_factory=list)     # the text after each of them
    widest: float = 0.0                                # em
    widest_line: str = ""
    widest_word_space: float = 0.0                     # em
    letterspaced: list = field(default_factory=list)   # gaps inside Latin words (> TOL)
    not_flush: list = field(default_factory=list)      # justified lines short of the measure
    hyphenated: list = field(default_factory=list)     # lines ending in a hyphen added at a break
    soft_hyphens: int = 0                              # U+00AD a second reader (pypdf) finds
    text_ok: bool = True                               # every character read back in order

    @property
    def share_over_quarter(self) -> float:
        return self.over_quarter / self.justified if self.justified else 0.0


def measure_page(glyphs, paras: list[str], measure: int, left: float, em: float = EM,
                 indent_em: float = 2.0) -> Figures:
    """The figures of one page: `left` = x of the column's left edge (pt from the trim box)."""
    fig = Figures(measure)
    stream, space_before, ends = "", [], set()
    for p in paras:
        prev_space = False
        for ch in p:
            if ch.isspace():
                prev_space = True
                continue
            stream += ch
            space_before.append(prev_space and bool(stream[:-1]))
            prev_space = False
        ends.add(len(stream))
    pos = 0
    right = left + measure * em
    lines = lines_of(glyphs)
    prev_text = ""
    for ln in lines:
        # PDFium reports a hyphen ending a line as U+FFFE (its soft-hyphen guess): one in the
        # text is '-'; one added where a word is broken (U+00AD in the PDF's ToUnicode map,
        # which soft_hyphens() reads with another reader) is no character of the text
        glyphs = [replace(g, ch="-") if g.ch == "\ufffe" else g for g in ln.glyphs]
        k = pos + len(glyphs) - 1       # where the last glyph would be in the text
        if ln.glyphs[-1].ch == "\ufffe" and stream[k:k + 1] != "-" and _letter_run(stream, k - 1):
            fig.hyphenated.append(ln.text[:-1] + "-")
            hyphen, glyphs = glyphs[-1], glyphs[:-1]
            if (hyphen.left - glyphs[-1].right) / em > TOL:
                fig.letterspaced.append((glyphs[-1].ch + "-", round((hyphen.left - glyphs[-1].right) / em, 3)))
        text = "".join(g.ch for g in glyphs)
        if stream[pos:pos + len(text)] != text:
            fig.text_ok = False
            break
        end = pos + len(text)
        fig.lines += 1
        start_ok = text[0] not in START_PROHIBITED or (
            text[0] in ".@" and _DOTTED.search(prev_text) and len(text) > 1 and _alnum(text[1]))
        if not start_ok or text[-1] in END_PROHIBITED:
            fig.violations.append(text)
        if end not in ends:
            fig.justified += 1
            worst = 0.0
            for k, (a, b) in enumerate(zip(glyphs, glyphs[1:])):
                gap = (box(b)[0] - box(a)[1]) / em
                if space_before[pos + k + 1]:
                    fig.widest_word_space = max(fig.widest_word_space, gap)
                    continue
                natural = 0.25 if (_wide(a.ch) and _alnum(b.ch)) or (_alnum(a.ch) and _wide(b.ch)) else 0.0
                extra = gap - natural
                if not _wide(a.ch) and not _wide(b.ch):
                    if extra > TOL:
                        fig.letterspaced.append((a.ch + b.ch, round(extra, 3)))
                worst = max(worst, extra)
            # the line as listed: its word spaces (white in the PDF, no glyph) put back
            shown = "".join(" " + ch if k and space_before[pos + k] else ch for k, ch in enumerate(text))
            if worst > 0.5 + TOL:
                fig.over_half.append((shown, round(worst, 3)))
            if worst > 0.25 + TOL:
                fig.over_quarter += 1
                fig.loose.append((shown, round(worst, 3)))
                fig.loose_next.append(stream[end:end + 16])
            if worst > fig.widest:
                fig.widest, fig.widest_line = worst, shown
            last_right = ln.glyphs[-1].right       # the added hyphen's, if any
            if right - last_right > 0.5 * em + TOL * em:      # a line-end mark is set half
                fig.not_flush.append(text)
        prev_text = text
        pos = end
    if pos != len(stream):
        fig.text_ok = False
    return fig


def _letter_run(stream: str, k: int) -> bool:
    """A Latin letter at k and at k + 1 of the text: a word goes on across the break."""
    return k + 1 < len(stream) and stream[k].isascii() and stream[k].isalpha() \
        and stream[k + 1].isascii() and stream[k + 1].isalpha()


def soft_hyphens(pdf: bytes) -> list[int]:
    """U+00AD on each page as pypdf extracts it: a reader other than PDFium, which tells
    the soft hyphen from '-' by the ToUnicode map alone."""
    from pypdf import PdfReader
    return [page.extract_text().count("\u00ad") for page in PdfReader(io.BytesIO(pdf)).pages]


def measure_pdf(pdf, paras: list[str], measures=MEASURES, left: float = 0.0, em: float = EM) -> list[Figures]:
    """Figures of each page (one measure each) of a PDF file or its bytes."""
    if not isinstance(pdf, bytes):
        pdf = Path(pdf).read_bytes()
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "proof.pdf"
        path.write_bytes(pdf)
        pages = read_glyphs(path)
    figs = [measure_page(glyphs, paras, m, left, em) for glyphs, m in zip(pages, measures)]
    for f, n in zip(figs, soft_hyphens(pdf)):
        f.soft_hyphens = n
    return figs


# ---------------------------------------------------------------- newsprint's setting

MARGIN = 20.0


def newsprint_pdf(paras: list[str], measures=MEASURES, em: float = EM) -> tuple[bytes, list]:
    """The proof set composed by newsprint (body Song, 2-character indent, 全角式, justified),
    one page per measure; and the composed paragraphs (for their reports)."""
    from reportlab.pdfgen.canvas import Canvas

    from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph, normalize_text
    from layout.fonts import FontSet
    from layout.makeup.model import PageLayout
    from layout.makeup.styles import line_runs
    from fixtures.testsheet import COLORS
    from layout.press.write import register_fonts
    from layout.render import paint_page

    fonts = FontSet.load()
    style = CharStyle(SONG, em)
    para = ParaStyle(indent_em=2.0)
    texts = [normalize_text(p, ascii_punct=True)[0] for p in paras]
    pitch = 1.5 * em
    pages, composed = [], []
    for m in measures:
        items, y = [], MARGIN
        for t in texts:
            cp = compose_paragraph([Span(t, style)], m * em, para, fonts)
            composed.append((m, cp))
            for ln in cp.lines:
                y += pitch
                items += line_runs(ln, MARGIN, y)
        pages.append(PageLayout(number=len(pages) + 1, width=m * em + 2 * MARGIN,
                                height=y + MARGIN, items=tuple(items)))
    chars: dict[str, set] = {}
    for pg in pages:
        for it in pg.items:
            chars.setdefault(it.font, set()).update(it.chars)
    names = register_fonts(fonts, {f: "".join(sorted(c)) for f, c in sorted(chars.items())})
    out = io.BytesIO()
    c = Canvas(out, invariant=1)
    for pg in pages:
        c.setPageSize((pg.width, pg.height))
        paint_page(c, pg, COLORS, names)
        c.showPage()
    c.save()
    return out.getvalue(), composed
