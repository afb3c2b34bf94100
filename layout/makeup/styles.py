"""Typesetting context for makeup: paper styles mapped to compose styles, text
normalisation with its report, and lines turned into positioned text runs."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from layout.compose import forget_paragraphs, last_line_width, natural_width, paragraph_breaks, set_breaks, set_line
from layout.compose.model import CharStyle, Line, ParaStyle
from layout.compose.normalize import normalize_text
from layout.base.diagnostics import Phrase, SourcePos, error, warning
from layout.makeup.model import TextRun


class ComposeCache:
    """Composed paragraphs keyed by (text spans, measure, paragraph style, metrics): a
    second make-up of an edition (watch mode) recomposes only the paragraphs that changed.
    Planning asks most settings only for their line count (size): their breaks are kept
    and their lines built only when composed. Values are frozen, so sharing them is safe.
    LRU, bounded. hits: requests answered from what is kept; misses: paragraphs broken."""

    def __init__(self, size: int = 4096):
        self.size = size
        self.hits = 0
        self.misses = 0
        self._data: OrderedDict = OrderedDict()
        self._settings: OrderedDict = OrderedDict()

    def get(self, spans, measure: float, para: ParaStyle, metrics, looseness: int = 0):
        key = (tuple(spans), measure, para, id(metrics), looseness)
        hit = self._data.get(key)
        if hit is not None and hit[0] is metrics:    # id() alone could be reused by a new object
            self._data.move_to_end(key)
            self.hits += 1
            return hit[1]
        setting = self._setting(key, spans, measure, para, metrics, looseness)
        composed = None if setting is None else set_breaks(setting, measure, para)
        self._data[key] = (metrics, composed)
        if len(self._data) > self.size:
            self._data.popitem(last=False)
        return composed

    def lines(self, spans, measure: float, para: ParaStyle, metrics, looseness: int = 0):
        """(line count, width of the last line) of get(...), None where get gives None;
        its lines are not built when it has not been composed."""
        key = (tuple(spans), measure, para, id(metrics), looseness)
        hit = self._data.get(key)
        if hit is not None and hit[0] is metrics:
            self.hits += 1
            lines = hit[1].lines if hit[1] is not None else None
            return None if lines is None else (len(lines), lines[-1].width if lines else 0.0)
        setting = self._setting(key, spans, measure, para, metrics, looseness)
        return None if setting is None else (len(setting[2]), last_line_width(setting, measure, para))

    def _setting(self, key, spans, measure, para, metrics, looseness):
        """compose.paragraph_breaks(...), kept (with looseness: the natural line count from
        the natural setting, kept too)."""
        hit = self._settings.get(key)
        if hit is not None and hit[0] is metrics:
            self._settings.move_to_end(key)
            self.hits += 1
            return hit[1]
        self.misses += 1
        natural = self._setting(key[:-1] + (0,), spans, measure, para, metrics, 0) if looseness else None
        setting = paragraph_breaks(spans, measure, para, metrics, looseness, len(natural[2]) if natural else 0)
        self._settings[key] = (metrics, setting)
        if len(self._settings) > self.size:
            self._settings.popitem(last=False)
        return setting

    def clear(self) -> None:
        """Forget every paragraph (and what compose and Typesetter.width remember of them)."""
        self._data.clear()
        self._settings.clear()
        _WIDTHS.clear()
        forget_paragraphs()
        self.hits = self.misses = 0


COMPOSE_CACHE = ComposeCache()
_WIDTHS: dict = {}      # Typesetter.width: (spans, metrics) -> (metrics, width)


@dataclass
class Typesetter:
    """Per-edition helper; collects diagnostics while makeup runs (not shared across builds)."""
    paper: object                    # layout.edition.model.Paper
    metrics: object                  # layout.compose.model.Metrics
    diagnostics: list = field(default_factory=list)
    _missing_seen: set = field(default_factory=set)

    def quiet(self) -> "Typesetter":
        """The same typesetter whose diagnostics go nowhere: planning measures many settings
        and only the one emitted may report."""
        return Typesetter(self.paper, self.metrics)

    # ---- styles
    def char_style(self, role: str, size: float | None = None) -> CharStyle:
        st = self.paper.styles[role]
        return CharStyle(fonts=tuple(self.paper.fonts[st.font]), size_pt=size or st.size_pt,
                         tracking_em=st.tracking_em, color=st.color)

    def para_style(self, role: str, align: str | None = None, indent: float | None = None) -> ParaStyle:
        st = self.paper.styles[role]
        return ParaStyle(align=align or st.align,
                         indent_em=st.indent_chars if indent is None else indent,
                         punctuation=self.paper.punctuation,
                         cjk_latin_space_em=st.latin_space_em)

    def size(self, role: str) -> float:
        return self.paper.styles[role].size_pt

    # ---- text
    def text(self, raw: str, pos: SourcePos | None = None, at=None) -> str:
        """The editor's text as it will be set (ASCII punctuation made full-width per paper).
        at(index): the file position of a character of `raw` (a story file's paragraph), so
        a message points at it, else at `pos` with the character's number."""
        text, changes = normalize_text(raw, ascii_punct=self.paper.normalize_ascii_punct)
        for ch in changes:
            if getattr(ch, "reason", "").startswith("unpaired"):
                exact = at and at(ch.index)
                self.diagnostics.append(warning("unpaired-quote", exact or pos,
                                                index=None if exact else ch.index + 1))
        return text

    def compose(self, spans, measure: float, para: ParaStyle, pos: SourcePos | None = None, what: "str | Phrase" = "",
                looseness: int = 0, at=None):
        """The paragraph composed (from the cache); with looseness ±1 set a line longer or
        shorter, or the natural setting when it cannot be. at(index): the file position of a
        character of the spans' text (None: at `pos`)."""
        composed = COMPOSE_CACHE.get(spans, measure, para, self.metrics, looseness) if looseness else None
        if composed is None:
            composed = COMPOSE_CACHE.get(spans, measure, para, self.metrics)
        self._report_missing(composed.missing, composed.text, pos, what, at)
        if composed.unjustified:
            self._report_unjustified(composed, pos, what, at)
        return composed

    def line_count(self, spans, measure: float, para: ParaStyle, looseness: int = 0) -> tuple[int, float]:
        """(lines, width of the last line) of compose(...) with the same arguments, its lines
        not built, nothing reported (planning: only the emitted block reports)."""
        got = COMPOSE_CACHE.lines(spans, measure, para, self.metrics, looseness) if looseness else None
        return got or COMPOSE_CACHE.lines(spans, measure, para, self.metrics)

    def line(self, spans, para: ParaStyle, pos: SourcePos | None = None, what: "str | Phrase" = "",
             blame=None) -> Line:
        """One line set; a character no font has is reported at `pos`, or where blame(char)
        says it was written ((pos, what), or None: at `pos`)."""
        line = set_line(spans, para, self.metrics)
        for ch, font in zip(line.text, line.columns.fonts):
            if not font and not ch.isspace():
                self._missing_once(ch, *((blame and blame(ch)) or (pos, what)))
        return line

    def width(self, spans) -> float:
        """natural_width(spans) (remembered: planning measures a headline at every width)."""
        key = (tuple(spans), id(self.metrics))
        hit = _WIDTHS.get(key)
        if hit is not None and hit[0] is self.metrics:
            return hit[1]
        if len(_WIDTHS) > 4096:
            _WIDTHS.clear()
        w = natural_width(spans, self.metrics)
        _WIDTHS[key] = (self.metrics, w)
        return w

    def _report_missing(self, missing, text, pos, what, at=None):
        for m in missing:
            self._missing_once(m.char, (at and at(m.index)) or pos, what)

    def _report_unjustified(self, composed, pos, what, at=None):
        """Lines no break could set within the spacing limits (a word, URL or number longer
        than the room): set short of the measure (or, squeezed to the full, beyond it)."""
        for i in composed.unjustified:
            ln = composed.lines[i]
            text = ln.text.strip()
            text = text if len(text) <= 16 else text[:15] + "…"
            where = what or Phrase("where.paper-text")
            gap = abs(ln.measure - ln.width)
            here = (at and at(ln.start)) or pos
            if ln.width < ln.measure:
                d = warning("loose-line.short", here, what=where, n=i + 1, text=text, pt=gap)
            else:
                d = warning("loose-line.long", here, what=where, n=i + 1, text=text, pt=gap)
            self.diagnostics.append(d)

    def _missing_once(self, ch, pos, what):
        if pos is None:        # furniture and jump lines: text from the paper file
            pos = SourcePos(self.paper.path) if self.paper.path else None
            what = what or Phrase("where.paper-text")
        key = (ch, str(pos))
        if key in self._missing_seen:
            return
        self._missing_seen.add(key)
        self.diagnostics.append(error("missing-glyph", pos, what=what, char=ch, codepoint=f"U+{ord(ch):04X}"))


_RUN_KEY = itemgetter(1, 2, 3, 4, 5)     # font, size, colour, scale, rise
_CHAR = itemgetter(0)
_X = itemgetter(6)


def _spaces_joined(rows: list) -> list:
    """The rows with each space's font, size, colour, scale and rise those of the glyph
    before it (of the first glyph after it when none is before)."""
    inked = [r for r in rows if not r[0].isspace() and r[1]]
    if not inked:
        return [r for r in rows if not r[0].isspace()]
    style = inked[0][1:6]
    out = []
    for r in rows:
        if r[0].isspace():
            out.append((r[0], *style, r[6]))
        else:
            out.append(r)
            if r[1]:
                style = r[1:6]
    return out


def line_runs(line: Line, x0: float, baseline: float) -> list[TextRun]:
    """Positioned text runs of a composed line whose left edge is at x0: one run per stretch
    of glyphs in the same font, size, colour, scale and rise; a word space is drawn too (it
    has no ink: the text layer then holds it, so every reader extracts "MacBook Air", not
    "MacBookAir"), and a char no font has is reported elsewhere and drawn nowhere (never a
    tofu box); the hyphen of a broken word (U+00AD) ends the line's last run."""
    cols = line.columns         # no Glyph objects made
    rows = zip(cols.chars, cols.fonts, cols.sizes, cols.colors, cols.hscales, cols.rises, cols.xs)
    if any(map(str.isspace, cols.chars)):   # a space joins the run before it (after it at
        rows = _spaces_joined(list(rows))     # the start): every face has one; it adds no run
    if line.hyphen:
        h = line.hyphen
        rows = [*rows, (h.char, h.font, h.size_pt, h.color, 1.0, 0.0, h.x)]
    left = x0 + line.offset
    runs: list[TextRun] = []
    for (font, size, color, hscale, rise), group in groupby(rows, _RUN_KEY):
        if not font:
            continue
        group = list(group)
        runs.append(TextRun(x=left, baseline=baseline, font=font, size_pt=size,
                            chars="".join(map(_CHAR, group)), xs=tuple(map(_X, group)),
                            color=color, hscale=hscale, rise=rise))
    return runs
