"""Properties of compose_paragraph on arbitrary mixed text (synthetic metrics)."""
from hypothesis import given, settings, strategies as st

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph
from layout.compose.classes import (BREAK_LAST, BREAK_OK, BREAK_SPACES, break_levels, is_prohibited_at_end,
                                    is_prohibited_at_start)
from layout.compose.synthetic import SyntheticMetrics

M = SyntheticMetrics(uncovered="㐀")
EM = 10.0
STYLE = CharStyle(("song",), EM)
LEAD = CharStyle(("hei",), 12.0, tracking_em=0.1)   # a lead-in in another font and size

pieces = st.one_of(
    st.sampled_from(list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严")),
    st.sampled_from(list("，。、；：？！（）「」『』“”‘’《》【】〔〕·")),
    st.sampled_from(["……", "——", "——", "……"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ", min_size=1, max_size=14),
    st.text(alphabet="0123456789", min_size=1, max_size=8),
    st.sampled_from(["3.5%", "5000万", "¥100", "12,345", "http://www.sjs.gov.cn/a-b", " ", " ",
                     "㐀", "(", ")", ",", "."]),
)
texts = st.lists(pieces, min_size=1, max_size=60).map("".join)
paras = st.builds(ParaStyle,
                  align=st.sampled_from(["justify", "justify", "left", "center", "right"]),
                  indent_em=st.sampled_from([0.0, 2.0]),
                  punctuation=st.sampled_from(["quanjiao", "kaiming", "banjiao"]),
                  open_start_half=st.booleans())
measures = st.sampled_from([6.0, 8.5, 11.0, 13.0, 20.0])


def strip_break_spaces(text, lines):
    """The text with the spaces consumed at breaks (and at the paragraph's ends) removed."""
    kept = set()
    for line in lines:
        kept.update(g.src for g in line.glyphs)
    return "".join(c for i, c in enumerate(text) if i in kept or c not in BREAK_SPACES)


@settings(max_examples=200, deadline=None)
@given(texts, paras, measures, st.integers(min_value=0, max_value=8))
def test_composition_properties(text, para, ems, lead):
    measure = ems * EM
    spans = [Span(text[:lead], LEAD), Span(text[lead:], STYLE)]
    cp = compose_paragraph(spans, measure, para, M)
    lines = cp.lines
    # every non-space character exactly once, in order; only break spaces vanish
    joined = "".join(l.text for l in lines)
    assert joined == strip_break_spaces(text, lines)
    assert all(text[i] in BREAK_SPACES for i in range(len(text))
               if i not in {g.src for l in lines for g in l.glyphs})
    srcs = [g.src for l in lines for g in l.glyphs]
    assert srcs == sorted(set(srcs))
    # lines tile the source
    if lines:
        assert lines[0].start == 0 and lines[-1].end == len(text)
        for a, b in zip(lines, lines[1:]):
            assert a.end == b.start
    levels = break_levels(text)
    for i, line in enumerate(lines):
        assert line.width <= measure + 0.01
        if para.align == "justify" and not line.last and len(line.glyphs) > 1:
            # flush, or set short (gaps capped at ½ em) and reported
            assert abs(line.width - measure) <= 0.01 or i in cp.unjustified, (line.text, line.width)
        assert 0 <= line.offset <= measure - line.width + 0.01
        # inks never overlap and stay inside the measure
        prev_right = 0.0
        for g in line.glyphs + ((line.hyphen,) if line.hyphen else ()):
            left, right = g.slot
            assert left >= prev_right - 1e-6 and right <= measure + 0.01
            assert g.advance >= 0
            prev_right = right
        assert abs(prev_right - line.width) < 1e-6 or not line.glyphs
        # a hyphen is added only where a word of letters goes on after the line
        if line.hyphen:
            assert not line.last and line.hyphen.char == "\u00ad" and line.hyphen.src == line.end
            assert text[line.end - 1:line.end + 1].isalpha() and text[line.end - 1:line.end + 1].isascii()
    # prohibitions: a bad break only where the line had no proper break at all (a break
    # inside a URL before its . is allowed, as a last resort)
    for a, b in zip(lines, lines[1:]):
        end_char, start_char = a.text[-1], b.text[0]
        if levels[b.glyphs[0].src] <= BREAK_LAST:
            continue
        if is_prohibited_at_end(end_char) or is_prohibited_at_start(start_char):
            content_end = a.glyphs[-1].src + 1
            assert not any(levels[k] == BREAK_OK for k in range(a.start + 1, content_end + 1)
                           if k < len(text)), (a.text, b.text)
    # determinism
    assert compose_paragraph(spans, measure, para, M) == cp


@settings(max_examples=100, deadline=None)
@given(st.lists(pieces, min_size=1, max_size=40).map("".join), measures)
def test_missing_characters_are_kept_and_reported(text, ems):
    cp = compose_paragraph([Span(text, STYLE)], ems * EM, ParaStyle(), M)
    glyphs = [g for l in cp.lines for g in l.glyphs]
    assert [m.index for m in cp.missing] == [i for i, c in enumerate(text) if c == "㐀"]
    assert all(g.font == "" for g in glyphs if g.char == "㐀")
