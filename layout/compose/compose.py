"""The compose stage's entry points: paragraphs into lines (or only their breaks), single lines, widths."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .breaking import breaks_with_looseness, choose_breaks
from .lines import build_line
from .model import Columns, ComposedParagraph, Line, Metrics, ParaStyle, Span
from .prepare import prepare


def _offset(line: Line, align: str) -> Line:
    """The line placed in its measure, centred or flush right."""
    room = max(0.0, line.measure - line.width)     # never negative through rounding
    return replace(line, offset=room / 2 if align == "center" else room)


def compose_paragraph(spans: Sequence[Span], measure: float, para: ParaStyle,
                      metrics: Metrics, looseness: int = 0,
                      natural_lines: int = 0) -> ComposedParagraph | None:
    """Break a paragraph into lines of `measure` pt and place every glyph.

    looseness +1/−1 (TeX's \\looseness): the paragraph set one line longer or shorter
    than its best setting, with the least visible change, every line within the spacing
    limits (gaps ≤ ¼ em, no break worse than a URL's, no one-character last line); None
    when no such setting exists (makeup's 缩行/伸行 copyfitting).
    natural_lines: the line count of the natural setting, when the caller has it.
    """
    setting = paragraph_breaks(spans, measure, para, metrics, looseness, natural_lines)
    return None if setting is None else set_breaks(setting, measure, para)


def paragraph_breaks(spans: Sequence[Span], measure: float, para: ParaStyle, metrics: Metrics,
                     looseness: int = 0, natural_lines: int = 0):
    """(prepared paragraph, first-line indent, breaks) of compose_paragraph's setting, its
    lines not yet built (a count of lines needs no more); None where it gives None."""
    p = _prepared(spans, para, metrics)
    indent = para.indent_em * spans[0].style.size_pt if spans else 0.0
    if looseness:
        breaks = breaks_with_looseness(p, measure, indent, para.avoid_short_last_line, looseness,
                                       natural_lines)
        if breaks is None:
            return None
    else:
        breaks = choose_breaks(p, measure, indent, para.avoid_short_last_line)
    return p, indent, breaks


def set_breaks(setting, measure: float, para: ParaStyle) -> ComposedParagraph:
    """The paragraph composed from its setting (paragraph_breaks): every line built."""
    p, indent, breaks = setting
    justify = para.align == "justify"
    lines = []
    unjustified = []
    for i, (s, e) in enumerate(breaks):
        last = i == len(breaks) - 1
        end = len(p.text) if last else breaks[i + 1][0]    # the next line starts after the spaces
        line = build_line(p, s, e, end, measure, indent if i == 0 else 0.0,
                          justify, i == 0, last)
        if justify and not last and abs(line.width - measure) > 0.01:
            unjustified.append(i)
        lines.append(_offset(line, para.align) if para.align in ("center", "right") else line)
    return ComposedParagraph(tuple(lines), p.text, p.missing, tuple(unjustified))


def last_line_width(setting, measure: float, para: ParaStyle) -> float:
    """The width of the last line set_breaks builds (0.0 when there is none), built alone."""
    p, indent, breaks = setting
    if not breaks:
        return 0.0
    i = len(breaks) - 1
    s, e = breaks[i]
    return build_line(p, s, e, len(p.text), measure, indent if i == 0 else 0.0,
                      para.align == "justify", i == 0, True).width


_PREPARED: dict = {}        # a paragraph is tried at several measures, longer and shorter: prepared once


def _prepared(spans, para, metrics):
    key = (tuple(spans), para, id(metrics))
    hit = _PREPARED.get(key)
    if hit is not None and hit[0] is metrics:
        return hit[1]
    if len(_PREPARED) > 512:
        _PREPARED.clear()
    p = prepare(spans, para, metrics)
    _PREPARED[key] = (metrics, p)
    return p


def forget_paragraphs() -> None:
    """Drop what is remembered per paragraph (prepared tables, the breaker's tables and
    looseness settings): the next paragraphs are worked out from scratch (ComposeCache.clear)."""
    from . import breaking

    _PREPARED.clear()
    breaking._TABLES.clear()
    breaking._NEXT_STARTS.clear()
    breaking._BY_COUNT.clear()


def set_line(spans: Sequence[Span], para: ParaStyle, metrics: Metrics) -> Line:
    """One unbroken line at natural width (headlines, furniture); measure = its width."""
    p = prepare(spans, para, metrics)
    indent = para.indent_em * spans[0].style.size_pt if spans else 0.0
    e = len(p.text.rstrip(" \t\n\r"))
    if e == 0:
        return Line(Columns.of(()), indent, indent, 0, len(p.text), True, True)
    line = build_line(p, 0, e, len(p.text), float("inf"), indent, False, True, True)
    return replace(line, measure=line.width)


def natural_width(spans: Sequence[Span], metrics: Metrics) -> float:
    """Width of the spans set on one line, no indent, 全角式."""
    return set_line(spans, ParaStyle(indent_em=0.0, align="left"), metrics).width
