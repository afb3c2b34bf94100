"""Mixed text in compose: URLs, e-mails and Latin inside Chinese, the spacing cap, clreq's
reduction order and looseness (synthetic metrics: Han and marks 1 em, Latin ½ em)."""
import pytest

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph
from layout.compose.classes import BREAK_LAST, BREAK_OK, BREAK_URL, break_levels, link_spans
from layout.compose.synthetic import SyntheticMetrics

EM = 10.0
M = SyntheticMetrics()
BODY = CharStyle(("song",), EM)
FLAT = ParaStyle(indent_em=0.0)


def compose(text, ems=10, para=FLAT, looseness=0):
    return compose_paragraph([Span(text, BODY)], ems * EM, para, M, looseness=looseness)


def wide(ch):
    return ord(ch) > 0x2E7F


def extra_gaps(line):
    """(pair, gap beyond the natural one) between neighbouring glyphs, spaces left out."""
    gs = [g for g in line.glyphs if not g.char.isspace()]
    out = []
    for a, b in zip(gs, gs[1:]):
        if b.src != a.src + 1:
            continue          # a word space between
        natural = 0.25 * EM if wide(a.char) != wide(b.char) and (a.char.isalnum() and b.char.isalnum()) else 0.0
        out.append((a.char + b.char, b.slot[0] - a.slot[1] - natural))
    return out


@pytest.mark.parametrize("text,links", [
    ("访问https://www.example.gov.cn/a/b.html查询", ["https://www.example.gov.cn/a/b.html"]),
    ("写信至zhang.san@example.com，或", ["zhang.san@example.com"]),
    ("见www.sjs.gov.cn）", ["www.sjs.gov.cn"]),
    ("在/usr/local/bin目录", ["/usr/local/bin"]),
    ("see https://a.cn/x. Then", ["https://a.cn/x"]),
    ("e.g. 3.5% PDF/X-1a", []),
    ("请使用C:\\Program Files\\Newsprint\\config.ini。", ["C:\\Program Files\\Newsprint\\config.ini"]),
    ("见C:\\a\\b c", ["C:\\a\\b"]),
])
def test_links_are_recognised(text, links):
    assert [text[a:b] for a, b in link_spans(text)] == links


def test_link_break_points():
    t = "https://www.a.cn/x?id=1&y=2"
    lv = break_levels(t)
    after = {t[:k]: lv[k] for k in range(1, len(t))}
    assert after["https:"] > BREAK_LAST and after["https:/"] > BREAK_LAST     # not inside ://
    assert after["https://"] == BREAK_URL
    assert after["https://www"] == BREAK_LAST                                  # before the .
    assert after["https://www."] > BREAK_LAST                                  # never after it
    assert after["https://www.a.cn/x?"] == after["https://www.a.cn/x?id="] == BREAK_URL
    assert after["https://www.a.cn/x?id=1&"] == BREAK_URL


def test_a_windows_path_breaks_after_its_backslashes_and_at_its_space():
    t = "使用C:\\Program Files\\Newsprint\\config.ini。"
    lv = break_levels(t)
    after = {t[:k]: lv[k] for k in range(1, len(t))}
    assert after["使用C:\\"] == after["使用C:\\Program Files\\"] == BREAK_URL
    assert after["使用C:\\Program"] == BREAK_OK            # the space stays a word space
    assert after["使用C:"] > BREAK_LAST and after["使用C:\\Pro"] > BREAK_LAST
    assert after["使用C:\\Program Files\\Newsprint\\config"] == BREAK_LAST


def test_a_url_is_never_letter_spaced_and_the_line_before_not_stretched():
    # the case: a short line of Han text ahead of a URL that cannot be broken at
    # a good place; it used to be justified across the column with a 23-em gap
    text = "可通过政务服务平台https://zwfw.example.gov.cn/service?id=10086&type=online办理。"
    for ems in (8, 10, 12, 14, 20, 25):
        cp = compose(text, ems)
        for i, line in enumerate(cp.lines):
            gaps = extra_gaps(line)
            assert all(g <= 0.5 * EM + 1e-6 for _, g in gaps), (ems, line.text, gaps)
            latin = [g for pair, g in gaps if not wide(pair[0]) and not wide(pair[1])]
            assert all(abs(g) < 1e-6 for g in latin), (ems, line.text)     # no tracking
            if not line.last and i not in cp.unjustified:
                assert abs(line.width - ems * EM) < 0.01
        assert "".join(l.text for l in cp.lines) == text


def test_a_line_that_cannot_be_filled_is_set_short_and_reported():
    # nothing breaks inside "abcdefghijklmnopqrstuvwxyz" (13 em) in an 8-em column
    cp = compose("甲乙abcdefghijklmnopqrstuvwxyz丙丁", 8)
    assert cp.unjustified
    for i in cp.unjustified:
        ln = cp.lines[i]
        assert ln.width < ln.measure - 0.01 or ln.width > ln.measure + 0.01
        assert all(g <= 0.25 * EM + 1e-6 for _, g in extra_gaps(ln))   # spread to the cap only


def test_spacing_prefers_a_url_break_to_a_stretched_line():
    # 网站 + a URL that breaks after its //: the first line takes the URL's start
    cp = compose("门户网站https://www.example.gov.cn/zwgk/index.html", 12)
    first = cp.lines[0]
    assert first.text.startswith("门户网站https://"), [l.text for l in cp.lines]
    assert max(g for _, g in extra_gaps(first)) <= 0.25 * EM + 1e-6


def test_reduction_order_pause_marks_before_full_stops():
    # ½ em too long: the ， gives its blank, the mid-line 。 keeps its full em
    cp = compose("甲乙，丙丁。戊己庚辛", 9.5)
    assert len(cp.lines) == 1
    comma = next(g for g in cp.lines[0].glyphs if g.char == "，")
    stop = next(g for g in cp.lines[0].glyphs if g.char == "。")
    assert comma.advance == pytest.approx(0.5 * EM) and stop.advance == pytest.approx(EM)


def test_looseness_sets_a_paragraph_a_line_longer_or_says_it_cannot():
    text = ("今年二月以来本区各街道社区广泛动员在职党员和居民群众参与疫情防控工作，共设立卡口一百二十个，"
            "每天有三千多名志愿者轮流值守。记者走访了八角、古城、鲁谷等街道的十多个社区卡口。")
    para = ParaStyle(indent_em=2.0)
    base = compose(text, 20, para)
    longer = compose(text, 20, para, looseness=+1)
    assert longer is not None and len(longer.lines) == len(base.lines) + 1
    assert "".join(l.text for l in longer.lines) == text
    for line in longer.lines[:-1]:
        assert abs(line.width - 200.0) < 0.01
        assert all(g <= 0.25 * EM + 1e-6 for _, g in extra_gaps(line))
    assert len(longer.lines[-1].text) >= 2                       # no one-character last line
    # a line longer at 10 em would need a gap beyond ¼ em or a one-character last line
    assert compose(text[:46], 10, para, looseness=+1) is None
    # Han text without marks to squeeze cannot lose a line
    assert compose("甲乙丙丁戊己庚辛壬癸" * 3 + "子丑寅", 10, looseness=-1) is None
    # with commas enough it can: each gives up half an em (squeezed at most fully)
    text = "甲，乙，丙，丁，戊，己，庚辛壬癸子丑寅卯辰巳午"
    assert len(compose(text, 10).lines) == 3
    shorter = compose(text, 10, looseness=-1)
    assert shorter is not None and [round(l.width, 2) for l in shorter.lines] == [100.0, 100.0]
    assert "".join(l.text for l in shorter.lines) == text


def test_past_the_cap_the_word_spaces_widen_before_the_han_gaps():
    # 甲乙丙丁 one twos, then a word too long to share the line: 2 em to spread in 10 em.
    # Word spaces to ½ em, then ¼ em every gap, then the word spaces alone ¼ em more:
    # the Han gaps stay at ¼ em, the word spaces take the rest (7/8 em), the line is full
    cp = compose("甲乙丙丁 one twos abcdefghijklmnopqrst", 10)
    first = cp.lines[0]
    assert first.text == "甲乙丙丁 one twos" and 0 not in cp.unjustified
    assert first.width == pytest.approx(10 * EM)
    han = [g for pair, g in extra_gaps(first) if wide(pair[0]) and wide(pair[1])]
    assert han == pytest.approx([0.25 * EM] * 3)
    spaces = [g.advance for g in first.glyphs if g.char == " "]
    assert spaces == pytest.approx([0.875 * EM] * 2)
