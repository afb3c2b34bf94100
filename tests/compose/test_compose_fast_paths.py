"""The compose stage's shortcuts give what the plain way gives: a line's glyphs as columns,
rows of characters remembered across paragraphs, memoised break levels, normalize_text's
nothing-to-do path."""
import dataclasses

import pytest

from layout.compose import CharStyle, Glyph, ParaStyle, Span, compose_paragraph, normalize_text
from layout.compose.classes import BREAK_BAD, BREAK_NONE, BREAK_OK, Memo, break_levels
from layout.compose.model import Columns, Line
from layout.compose.synthetic import SyntheticMetrics

EM = 10.0
BODY = CharStyle(("song",), EM)
FLAT = ParaStyle(indent_em=0.0, align="left")


def test_a_line_keeps_its_glyphs_as_columns():
    """Line.columns is a declared field; Line.glyphs are made from it, and a Line made from
    Glyph objects (Columns.of) is the same Line."""
    g = Glyph("甲", "song", 9.0, 0.0, 9.0, 0, "black", 0.0, 1.0, 0.0)
    cols = Columns("甲", ("song",), (9.0,), (0.0,), (9.0,), 0, ("black",), (0.0,), (1.0,), (0.0,))
    rest = (9.0, 108.0, 0, 1, True, False)
    for extra in ((), (4.5,)):
        ln = Line(cols, *rest, *extra)
        assert [f.name for f in dataclasses.fields(Line)][0] == "columns"
        assert ln.text == "甲" and ln.glyphs == (g,) and ln.columns is cols
        assert ln == Line(Columns.of((g,)), *rest, *extra) and hash(ln) == hash(Line(Columns.of([g]), *rest, *extra))
        assert dataclasses.replace(ln, offset=2.0).columns is cols
        with pytest.raises(dataclasses.FrozenInstanceError):
            ln.offset = 1.0
    with pytest.raises(ValueError):            # columns hold glyphs that follow each other
        Columns.of((g, dataclasses.replace(g, src=5)))


def test_runs_from_columns_are_the_runs_of_the_glyphs():
    """makeup reads a composed line's runs from its columns: the same runs as grouping the
    line's Glyph objects, a space in the style of the inked glyph before it (after it at
    the line's start), a glyph no font has left out."""
    from itertools import groupby

    from layout.makeup.styles import line_runs

    mixed = CharStyle(("song", "hei"), EM, color="red")
    composed = compose_paragraph([Span("甲乙　丙 ab，", BODY), Span("丁戊", mixed)], 9 * EM, FLAT,
                                 SyntheticMetrics())
    for ln in composed.lines:
        assert Line(Columns.of(ln.glyphs), ln.width, ln.measure, ln.start, ln.end, ln.first, ln.last) == ln
        def key(g):
            return g.font, g.size_pt, g.color, g.hscale, g.rise

        inked = [g for g in ln.glyphs if not g.char.isspace() and g.font]
        styled = []
        for g in ln.glyphs:
            before = [h for h in inked if h.src < g.src]
            styled.append((g, key(g) if not g.char.isspace() else key(before[-1] if before else inked[0])))
        runs = [(k, "".join(g.char for g, _ in grp), tuple(g.x for g, _ in grp))
                for k, grp in ((k, list(v)) for k, v in groupby(styled, lambda gk: gk[1])) if k[0]]
        assert [((r.font, r.size_pt, r.color, r.hscale, r.rise), r.chars, r.xs)
                for r in line_runs(ln, 5.0, 20.0)] == runs


class Wide(SyntheticMetrics):
    """Latin letters 0.6 em instead of 0.5."""

    def advance(self, font_id, ch):
        return 0.6 if ch.isascii() and ch.isalpha() else super().advance(font_id, ch)


def _advances(metrics, text="甲ab，乙", para=FLAT, style=BODY):
    line = compose_paragraph([Span(text, style)], 20 * EM, para, metrics).lines[0]
    return [round(g.advance, 6) for g in line.glyphs]


def test_remembered_characters_follow_metrics_style_and_punctuation():
    narrow, wide = SyntheticMetrics(), Wide()
    first = _advances(narrow)
    assert _advances(wide)[1:3] == [6.0, 6.0]
    assert _advances(narrow) == first == [10.0, 5.0, 5.0, 10.0, 10.0]
    assert _advances(narrow, style=CharStyle(("song",), 12.0))[1:3] == [6.0, 6.0]
    half = ParaStyle(indent_em=0.0, align="left", punctuation="banjiao")
    assert _advances(narrow, para=half)[3] == 5.0
    assert _advances(narrow)[3] == 10.0


def test_apostrophe_and_closing_quote_in_one_paragraph():
    class Kai(SyntheticMetrics):
        def advance(self, font_id, ch):
            return 0.35 if ch == "’" else super().advance(font_id, ch)

    for text in ("it’s 甲’乙", "甲’乙 it’s"):
        line = compose_paragraph([Span(text, BODY)], 30 * EM, FLAT, Kai()).lines[0]
        marks = {("latin" if line.glyphs[i - 1].char.isascii() else "han"): g.advance
                 for i, g in enumerate(line.glyphs) if g.char == "’"}
        assert marks == {"latin": pytest.approx(3.5), "han": pytest.approx(EM)}, text


@pytest.mark.parametrize("text,levels", [
    ("甲  乙", [BREAK_NONE, BREAK_OK, BREAK_NONE, BREAK_NONE]),
    ("（ 甲", [BREAK_NONE, BREAK_BAD, BREAK_NONE]),
    ("甲 。乙", [BREAK_NONE, BREAK_BAD, BREAK_NONE, BREAK_OK]),
    ("甲 ", [BREAK_NONE, BREAK_OK]),
    (" 甲乙", [BREAK_NONE, BREAK_NONE, BREAK_OK]),
    ("", []),
])
def test_break_levels_across_spaces(text, levels):
    assert break_levels(text) == levels


def test_memo_computes_once_and_is_bounded():
    calls = []
    memo = Memo(lambda k: calls.append(k) or k * 2, limit=2)
    assert [memo[1], memo[1], memo[2]] == [2, 2, 4] and calls == [1, 2]
    assert memo[3] == 6 and len(memo) == 1 and calls == [1, 2, 3]


def test_normalize_nothing_to_do():
    text = "本报讯 2月23日上午，区委书记（记者）说：“好”。12,345 10:30"
    out, changes = normalize_text(text, ascii_punct=False)
    assert out is text and changes == ()
    plain = "本报讯2月23日上午，区委书记说：“好”。"
    assert normalize_text(plain, ascii_punct=True) == (plain, ())
    assert normalize_text("甲\x85乙", ascii_punct=False)[1][0].reason == "control character U+0085"
    assert normalize_text("甲\u200d乙", ascii_punct=True) == ("甲乙", normalize_text("甲\u200d乙", ascii_punct=False)[1])
