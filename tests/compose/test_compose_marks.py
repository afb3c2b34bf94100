"""Marks whose font glyph is not what a Chinese page sets: narrow Western quotes and
middle dots set in a full em, and the dash of —— drawn across its em at the em's centre."""
import pytest

from layout.compose import CharStyle, ParaStyle, Span, set_line
from layout.compose.synthetic import SyntheticMetrics

EM = 10.0
KAI = CharStyle(("kai",), EM)


class KaiLike(SyntheticMetrics):
    """Synthetic metrics with the quirks of the shipped faces: “ ” ‘ ’ · are 0.35 em
    (LXGW WenKai), — is 0.89 em with its ink low (Noto Serif SC: x 0.043–0.846, y 0.242–0.293)."""

    NARROW = {"“": 0.35, "”": 0.35, "‘": 0.35, "’": 0.35, "·": 0.33, "—": 0.89}
    INK = {"—": (0.043, 0.242, 0.846, 0.293)}

    def advance(self, font_id, ch):
        return self.NARROW.get(ch) or super().advance(font_id, ch)

    def ink(self, font_id, ch):
        return self.INK.get(ch)

    def ascent(self, font_id):
        return 0.88

    def descent(self, font_id):
        return 0.12


def line(text, punctuation="quanjiao", metrics=None):
    para = ParaStyle(indent_em=0.0, align="left", punctuation=punctuation)
    return set_line([Span(text, KAI)], para, metrics or KaiLike())


def glyph(ln, ch):
    return next(g for g in ln.glyphs if g.char == ch)


def test_narrow_quotes_are_set_in_a_full_em_ink_by_the_quoted_text():
    ln = line("甲“乙”丙")
    assert ln.width == pytest.approx(5 * EM)            # not 3.7 em
    op, cl = glyph(ln, "“"), glyph(ln, "”")
    assert op.slot == pytest.approx((1 * EM, 2 * EM))
    assert op.x == pytest.approx(2 * EM - 0.35 * EM)      # glyph at the right of its em
    assert cl.slot == pytest.approx((3 * EM, 4 * EM))
    assert cl.x == pytest.approx(3 * EM)                  # glyph at the left of its em


def test_narrow_middle_dot_is_centred_in_a_full_em():
    dot = glyph(line("阿·巴"), "·")
    assert dot.slot == pytest.approx((EM, 2 * EM))
    assert dot.x + 0.33 * EM / 2 == pytest.approx(1.5 * EM)


def test_narrow_quotes_compress_like_full_width_ones():
    # 。” : the pair collapses to 1.5 em; in 半角式 each mark is ½ em and the glyph stays inside
    ln = line("甲。”乙")
    assert ln.width == pytest.approx(3.5 * EM)
    ln = line("甲“乙”丙", punctuation="banjiao")
    assert ln.width == pytest.approx(4 * EM)
    for ch in "“”":
        g = glyph(ln, ch)
        left, right = g.slot
        assert left - 1e-6 <= g.x and g.x + 0.35 * EM <= right + 1e-6


def test_apostrophe_inside_a_latin_word_stays_narrow():
    ln = line("it’s")
    assert glyph(ln, "’").advance == pytest.approx(0.35 * EM)


def test_dash_pair_is_one_unbroken_two_em_line_at_the_em_centre():
    ln = line("甲——乙")
    assert ln.width == pytest.approx(4 * EM)              # —— is 2 em (GB/T 15834), not 1.78
    d1, d2 = [g for g in ln.glyphs if g.char == "—"]
    x0, y0, x1, y1 = KaiLike.INK["—"]
    for d, (left, right) in ((d1, (EM, 2 * EM)), (d2, (2 * EM, 3 * EM))):
        assert d.slot == pytest.approx((left, right))
        # the ink, drawn at hscale, fills the em exactly: the two dashes touch
        assert d.x + x0 * EM * d.hscale == pytest.approx(left)
        assert d.x + x1 * EM * d.hscale == pytest.approx(right)
        # raised so the stroke is centred on the ideographic em box (0.38 em above the baseline)
        assert d.rise + (y0 + y1) / 2 * EM == pytest.approx(0.38 * EM)


def test_without_ink_data_a_dash_keeps_the_font_advance():
    class NoInk(KaiLike):
        def ink(self, font_id, ch):
            return None

    d = glyph(line("甲—乙", metrics=NoInk()), "—")
    assert d.advance == pytest.approx(0.89 * EM) and d.hscale == 1.0 and d.rise == 0.0
