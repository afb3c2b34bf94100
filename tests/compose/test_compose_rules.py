"""clreq rules of the compose stage, on synthetic metrics (Han 1 em, Latin ½ em, marks 1 em)."""
import pytest

from layout.compose import (CharStyle, ParaStyle, Span, compose_paragraph, natural_width,
                            set_line)
from layout.compose.classes import (BREAK_BAD, BREAK_LAST, BREAK_OK, BREAK_URL, break_levels,
                                    is_prohibited_at_end, is_prohibited_at_start)
from layout.compose.synthetic import SyntheticMetrics

EM = 10.0
M = SyntheticMetrics()
BODY = CharStyle(("song",), EM)
FLAT = ParaStyle(indent_em=0.0)


def compose(text, ems=10, para=FLAT, metrics=M, style=BODY):
    return compose_paragraph([Span(text, style)], ems * EM, para, metrics)


def glyph(line, ch):
    return next(g for g in line.glyphs if g.char == ch)


# ---------------------------------------------------------------- classes

@pytest.mark.parametrize("ch", list("）】》」』”’〕〉、。，．：；？！‥…—·") + list(").,:;?!"))
def test_line_start_prohibited(ch):
    assert is_prohibited_at_start(ch)


@pytest.mark.parametrize("ch", list("（【《「『“‘〔〈(["))
def test_line_end_prohibited(ch):
    assert is_prohibited_at_end(ch)


def test_ordinary_han_and_letters_are_not_prohibited():
    for ch in "甲A1":
        assert not is_prohibited_at_start(ch) and not is_prohibited_at_end(ch)


@pytest.mark.parametrize("text,at,level", [
    ("甲乙", 1, BREAK_OK),
    ("甲。", 1, BREAK_BAD),
    ("（甲", 1, BREAK_BAD),
    ("甲……", 2, BREAK_BAD),
    ("甲——", 2, BREAK_BAD),
    ("5000万", 4, BREAK_BAD),
    ("12345", 2, BREAK_BAD),
    ("3.5%", 2, BREAK_BAD),
    ("3.5%", 3, BREAK_BAD),
    ("¥100", 1, BREAK_BAD),
    ("Apple", 2, BREAK_BAD),
    ("and/or", 4, BREAK_URL),
    ("2003-L0007", 5, BREAK_BAD),         # a code stays whole
    ("www.sjs", 4, BREAK_BAD),             # never after a period
    ("www.sjs.gov.cn", 3, BREAK_LAST),     # before it, inside a URL, as the last resort
    ("http://a.cn/b", 6, BREAK_BAD),       # not between the slashes of //
    ("http://a.cn/b", 7, BREAK_URL),       # after them
    ("2020-02-24", 5, BREAK_BAD),          # nor inside a number
    ("ab cd", 2, BREAK_OK),
    ("ab )", 2, BREAK_BAD),
    ("甲Apple", 1, BREAK_OK),
])
def test_break_levels(text, at, level):
    assert break_levels(text)[at] == level


# ---------------------------------------------------------------- breaking

def test_full_han_lines_fill_exactly():
    cp = compose("甲" * 25)
    assert [len(l.glyphs) for l in cp.lines] == [10, 10, 5]
    assert all(abs(l.width - 100) < 0.01 for l in cp.lines[:-1])
    assert cp.lines[-1].width == pytest.approx(50)


def test_push_out_when_nothing_can_be_squeezed():
    # 10 Han + 。 would need 10.5 em and nothing else is compressible: 推出
    cp = compose("甲" * 10 + "。子丑")
    assert cp.lines[0].text == "甲" * 9
    assert cp.lines[0].width == pytest.approx(100, abs=0.01)
    assert cp.lines[1].text.startswith("甲。")


def test_push_in_squeezes_punctuation_first():
    # 先挤进: the two commas give up ¼ em each and 。 stays on the line (half-width at the end)
    cp = compose("甲乙，丙丁，戊己庚辛。子丑寅")
    first = cp.lines[0]
    assert first.text == "甲乙，丙丁，戊己庚辛。"
    assert first.width == pytest.approx(100, abs=0.01)
    assert glyph(first, "。").advance == pytest.approx(5)
    commas = [g for g in first.glyphs if g.char == "，"]
    assert all(g.advance < EM for g in commas)


def test_opening_bracket_never_ends_a_line():
    cp = compose("甲" * 9 + "（乙丙）丁戊")
    for line in cp.lines:
        assert line.text[-1] != "（"
        assert line.text[0] != "）"


def test_ellipsis_and_dash_are_not_split():
    for mark in ("……", "——"):
        for k in range(7, 11):
            cp = compose("甲" * k + mark + "乙" * 12)
            for line in cp.lines:
                assert not line.text.startswith(mark[0]) or line.start == 0
                assert not (line.text.endswith(mark[0]) and not line.text.endswith(mark))


def test_number_with_unit_stays_together():
    for k in range(5, 10):
        cp = compose("甲" * k + "5000万元乙丙丁戊己庚辛壬癸")
        texts = [l.text for l in cp.lines]
        assert any("5000万" in t for t in texts), texts


def test_latin_word_not_split_and_breaks_at_spaces():
    cp = compose("甲乙丙丁戊己 Hello world again 子丑寅卯", ems=8)
    for line in cp.lines:
        assert not line.text.startswith(("ello", "orld", "gain"))
        assert not line.text.startswith(" ")
    joined = "".join(l.text for l in cp.lines)
    assert "Hello" in joined and "world" in joined


def test_break_spaces_are_consumed_and_indices_cover_source():
    text = "甲乙丙丁 Hello world 子丑寅卯辰"
    cp = compose(text, ems=6)
    assert cp.lines[0].start == 0 and cp.lines[-1].end == len(text)
    for a, b in zip(cp.lines, cp.lines[1:]):
        assert a.end == b.start
    for line in cp.lines:
        for g in line.glyphs:
            assert text[g.src] == g.char


def test_long_url_breaks_after_a_slash_or_before_a_dot_never_after_it():
    cp = compose("网址http://www.example.com/news/index.html见", ems=8)
    inside = [(a.text, b.text) for a, b in zip(cp.lines, cp.lines[1:])
              if a.text[-1].isascii() and b.text[0].isascii()]
    assert inside
    for a, b in inside:
        assert a[-1] in "/?&=-_" or b[0] in ".@", (a, b)
        assert a[-1] != "." and not a.endswith(":/")
    assert "".join(l.text for l in cp.lines) == "网址http://www.example.com/news/index.html见"


def test_overlong_prohibited_run_breaks_as_an_exception():
    cp = compose("。" * 25, ems=10)
    assert "".join(l.text for l in cp.lines) == "。" * 25
    assert all(l.width <= 100.01 for l in cp.lines)


# ---------------------------------------------------------------- punctuation width

def test_consecutive_punctuation_compressed():
    line = set_line([Span("甲。」乙", BODY)], FLAT, M)
    assert glyph(line, "。").advance == pytest.approx(5)     # closing+closing: inner half gone
    assert glyph(line, "」").advance == pytest.approx(10)
    line = set_line([Span("甲），（乙", BODY)], FLAT, M)
    assert [g.advance for g in line.glyphs[1:4]] == pytest.approx([5, 5, 10])
    line = set_line([Span("甲“「乙", BODY)], FLAT, M)
    q, b = line.glyphs[1], line.glyphs[2]
    assert q.advance == pytest.approx(10)
    assert b.advance == pytest.approx(5) and b.trim_left == pytest.approx(5)
    assert b.x == pytest.approx(q.x + q.advance - 5)  # pen moved left by ½ em
    assert b.slot[0] == pytest.approx(q.slot[1])


def test_opening_then_closing_is_not_compressed():
    line = set_line([Span("甲「」乙", BODY)], FLAT, M)
    assert [g.advance for g in line.glyphs] == pytest.approx([10, 10, 10, 10])


def test_line_end_punctuation_half_width():
    cp = compose("甲乙丙丁戊己庚辛壬，子丑")
    first = cp.lines[0]
    assert first.text.endswith("，")
    assert glyph(first, "，").advance == pytest.approx(5)
    assert first.width == pytest.approx(100, abs=0.01)


@pytest.mark.parametrize("style,comma,stop", [
    ("quanjiao", 10, 10), ("kaiming", 5, 10), ("banjiao", 5, 5)])
def test_punctuation_styles(style, comma, stop):
    line = set_line([Span("甲，乙。丙", BODY)], ParaStyle(indent_em=0, punctuation=style), M)
    assert glyph(line, "，").advance == pytest.approx(comma)
    assert glyph(line, "。").advance == pytest.approx(stop)


def test_opening_bracket_at_line_start_may_lose_half_when_squeezing():
    cp = compose("（甲乙丙丁戊己庚辛）。子丑", ems=10)
    first = cp.lines[0]
    # （ + 8 Han + ）。 = 11 em natural, 10 after pair/line-end trims: fits exactly
    assert first.text == "（甲乙丙丁戊己庚辛）。"
    assert first.width == pytest.approx(100, abs=0.01)


# ---------------------------------------------------------------- mixed scripts

def test_han_latin_space():
    line = set_line([Span("甲ab乙", BODY)], FLAT, M)
    a, b, yi = line.glyphs[1], line.glyphs[2], line.glyphs[3]
    assert a.x == pytest.approx(10 + 2.5)           # ¼ em after 甲
    assert yi.x == pytest.approx(b.x + 5 + 2.5)
    assert line.width == pytest.approx(10 + 2.5 + 10 + 2.5 + 10)


def test_no_han_latin_space_beside_punctuation_or_at_line_edges():
    line = set_line([Span("ab，cd。", BODY)], FLAT, M)
    assert [g.x for g in line.glyphs] == pytest.approx([0, 5, 10, 20, 25, 30])
    cp = compose("ab" + "甲" * 20, ems=9)   # Latin at line start: no space before it
    assert cp.lines[0].glyphs[0].x == 0


def test_cjk_latin_space_setting():
    para = ParaStyle(indent_em=0, cjk_latin_space_em=0.0)
    assert set_line([Span("甲ab乙", BODY)], para, M).width == pytest.approx(30)


def test_justification_never_inside_latin_word_or_dash():
    cp = compose("甲乙丙Latin——丁戊己庚辛壬癸子丑寅卯", ems=12)
    first = cp.lines[0]
    assert first.width == pytest.approx(120, abs=0.01)
    g = {gl.src: gl for gl in first.glyphs}
    for k in range(3, 7):                   # L-a-t-i-n keep ½ em pitch
        assert g[k + 1].x - g[k].x == pytest.approx(5)
    assert g[9].x - g[8].x == pytest.approx(10)   # —— stays joined


# ---------------------------------------------------------------- justification, alignment, indent

def test_justified_lines_fill_measure_last_line_natural():
    text = "甲乙Apple丙丁，戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。"
    cp = compose(text, ems=9.3)
    for line in cp.lines[:-1]:
        assert line.width == pytest.approx(93, abs=0.01)
    last = cp.lines[-1]
    assert last.width < 93


@pytest.mark.parametrize("align,offset", [("left", 0), ("center", 35), ("right", 70)])
def test_alignment_offsets(align, offset):
    cp = compose("甲乙丙", para=ParaStyle(indent_em=0, align=align))
    assert cp.lines[0].offset == pytest.approx(offset)


def test_first_line_indent():
    cp = compose("甲" * 20, para=ParaStyle(indent_em=2))
    assert cp.lines[0].glyphs[0].x == pytest.approx(20)
    assert len(cp.lines[0].glyphs) == 8
    assert cp.lines[1].glyphs[0].x == 0


def test_lead_in_span_in_another_style():
    hei = CharStyle(("hei",), EM)
    spans = [Span("本报讯（记者李思婵）", hei), Span("2月23日上午，区委召开会议。" * 2, BODY)]
    cp = compose_paragraph(spans, 100, ParaStyle(), M)
    fonts = [g.font for l in cp.lines for g in l.glyphs]
    assert fonts[:10] == ["hei"] * 10 and set(fonts[10:]) == {"song"}
    assert cp.lines[0].glyphs[0].x == pytest.approx(20)


def test_indent_uses_first_span_size():
    big = CharStyle(("song",), 20.0)
    cp = compose_paragraph([Span("甲乙", big), Span("丙" * 30, BODY)], 200, ParaStyle(), M)
    assert cp.lines[0].glyphs[0].x == pytest.approx(40)


def test_tracking_adds_space_between_characters():
    tracked = CharStyle(("hei",), EM, tracking_em=0.5)
    line = set_line([Span("甲乙丙", tracked)], FLAT, M)
    assert [g.x for g in line.glyphs] == pytest.approx([0, 15, 30])
    assert line.width == pytest.approx(40)


# ---------------------------------------------------------------- fallback, widows

def test_font_fallback_chain_and_missing():
    metrics = SyntheticMetrics(uncovered="㐀", latin_only=("latin",))
    style = CharStyle(("latin", "song"), EM)
    cp = compose("ab甲㐀乙", metrics=metrics, style=style)
    fonts = [(g.char, g.font) for g in cp.lines[0].glyphs]
    assert fonts == [("a", "latin"), ("b", "latin"), ("甲", "song"), ("㐀", ""), ("乙", "song")]
    assert [(m.char, m.index) for m in cp.missing] == [("㐀", 3)]


def test_no_single_character_last_line():
    text = "甲" * 20 + "乙。"
    cp = compose(text)
    assert len(cp.lines[-1].text.rstrip("。")) >= 2
    assert cp.lines[-2].width == pytest.approx(100, abs=0.01)
    plain = compose(text, para=ParaStyle(indent_em=0, avoid_short_last_line=False))
    assert plain.lines[-1].text == "乙。"


def test_natural_width():
    assert natural_width([Span("甲乙Ab", BODY)], M) == pytest.approx(20 + 2.5 + 10)
    assert natural_width([Span("甲，", BODY)], M) == pytest.approx(15)


def test_empty_paragraph():
    assert compose("").lines == ()
    assert compose("   ").lines == ()


def test_deterministic():
    text = "甲乙（丙丁）戊己，Apple 5000万元。" * 5
    assert compose(text, ems=11) == compose(text, ems=11)


def test_push_out_when_squeezing_would_be_more_visible():
    # one comma would have to lose its whole blank half, while pushing 甲 down spreads
    # 1 em over 18 gaps: the smaller visible adjustment wins
    cp = compose("甲" * 9 + "，" + "乙" * 10 + "。丙丁戊", ems=20)
    first = cp.lines[0]
    assert first.text == "甲" * 9 + "，" + "乙" * 9
    assert glyph(first, "，").advance == pytest.approx(10)
    assert first.width == pytest.approx(200, abs=0.01)


def test_full_stop_keeps_full_width_inside_a_line():
    # 全角式: 。？！ are never squeezed mid-line; a line that would need it pushes out instead
    lines = compose("甲乙丙。丁戊。己庚辛壬癸子丑寅卯辰巳午未申", ems=10).lines
    for line in lines:
        for g in line.glyphs[:-1]:
            if g.char in "。？！":
                assert g.advance == pytest.approx(EM)


def test_justification_leaves_no_hole_before_numbers():
    # the extra space of a justified line is spread evenly, not poured into the Han–digit gaps
    lines = compose("今年2月23日上午区委召开会议研究部署疫情防控工作要求各单位压实责任", ems=11).lines
    first = lines[0]
    xs = [(g.char, g.x, g.advance) for g in first.glyphs]
    gaps = [(a[0] + b[0], b[1] - (a[1] + a[2])) for a, b in zip(xs, xs[1:])]
    han_han = [g for pair, g in gaps if all("\u4e00" <= c <= "\u9fff" for c in pair)]
    han_digit = [g for pair, g in gaps if any(c.isdigit() for c in pair) and not all(c.isdigit() for c in pair)]
    assert han_digit and han_han
    assert max(han_digit) <= max(han_han) + 0.25 * EM + 0.01


def test_opening_bracket_at_line_start_set_half_width_when_configured():
    text = "甲乙丙丁戊己庚辛壬癸（子丑寅卯）辰巳"
    plain = compose(text, ems=10, para=ParaStyle(indent_em=0.0, align="left"))
    half = compose(text, ems=10, para=ParaStyle(indent_em=0.0, align="left", open_start_half=True))
    assert [ln.text for ln in plain.lines] == [ln.text for ln in half.lines]
    assert half.lines[1].text.startswith("（")
    p0, h0 = plain.lines[1].glyphs[0], half.lines[1].glyphs[0]
    assert p0.slot == (0.0, EM) and h0.slot == (0.0, EM / 2)     # its blank left half is cut
    assert h0.x == -EM / 2                                        # the ink stays where it was drawn
    assert glyph(half.lines[1], "子").x == EM / 2
    # a justified paragraph still fills the measure; the paragraph's own first bracket keeps its width
    just = compose("（" + text, ems=10, para=ParaStyle(indent_em=0.0, open_start_half=True))
    assert just.lines[0].glyphs[0].slot == (0.0, EM)
    assert all(ln.width == pytest.approx(100, abs=0.01) for ln in just.lines[:-1])



def test_a_whole_half_em_squeeze_of_one_mark_loses_to_a_gentle_spread():
    """Taking 庚乙、 onto the first line would halve the 、 after 未 (½ em of visible change
    in one place); setting the line one character shorter spreads 1 em over 8 gaps (⅛ em
    each): the smaller visible adjustment wins (clreq), so the mid-line 、 stays full width."""
    lines = compose("巳甲癸壬酉巳未、庚乙、癸丙午、壬申戊", ems=10).lines
    assert [ln.text for ln in lines] == ["巳甲癸壬酉巳未、庚", "乙、癸丙午、壬申戊"]
    assert glyph(lines[0], "、").advance == pytest.approx(EM)
    assert lines[0].width == pytest.approx(10 * EM)
