"""English hyphenation in Chinese text: only plain long words, never URLs, e-mails, paths,
codes or product names; a hyphen only where it saves a line spread past the cap or set
short; drawn as U+00AD at the line's end (synthetic metrics: Han 1 em, Latin ½ em)."""
import pytest

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph
from layout.compose.classes import link_spans
from layout.compose.hyphenate import SOFT_HYPHEN, hyphen_points
from layout.compose.synthetic import SyntheticMetrics
from layout.makeup.styles import line_runs

EM = 10.0
M = SyntheticMetrics()
BODY = CharStyle(("song",), EM)


def compose(text, ems, hyphenate=True):
    return compose_paragraph([Span(text, BODY)], ems * EM, ParaStyle(indent_em=0.0, hyphenate=hyphenate), M)


def words_at(text):
    """The pieces hyphen_points cuts text into."""
    cuts = [0, *hyphen_points(text, link_spans(text)), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


@pytest.mark.parametrize("text,pieces", [
    ("论文Segmentation中", ["论文Seg", "men", "ta", "tion中"]),
    ("They keep building products", ["They keep build", "ing prod", "ucts"]),
    ("Learning", ["Learn", "ing"]),
])
def test_plain_words_break_at_the_dictionarys_points(text, pieces):
    assert words_at(text) == pieces


@pytest.mark.parametrize("text", [
    "访问https://www.example.gov.cn/information/publication.html",     # a URL
    "写信至information.desk@example.com",                              # an e-mail
    "位于/usr/local/newsprint/configuration",                          # a path
    "请使用C:\\Program Files\\Newsprint\\config.ini",                     # a Windows path
    "config.yaml和settings.json",                                       # file names
    "GitHub上的MacBook和iPhone及USB接口",                                # product names, capitals
    "A16芯片和Snapdragon8处理器",                                         # letters with digits
    "work-life和balance_sheet",                                          # joined words
    "Tom和Anne",                                                         # words under 5 letters
])
def test_never_inside_links_paths_codes_or_product_names(text):
    assert hyphen_points(text, link_spans(text)) == []


def test_at_least_two_letters_before_and_three_after_the_hyphen():
    for word in ("Segmentation", "building", "Prejudice", "Solitude", "people", "balance"):
        for k in hyphen_points(word, []):
            assert k >= 2 and len(word) - k >= 3, (word, k)


def test_a_word_is_hyphenated_rather_than_a_line_set_short():
    text = "他在论文Segmentation中指出了问题"
    plain, hyph = compose(text, 9, hyphenate=False), compose(text, 9)
    assert plain.unjustified and not any(ln.hyphen for ln in plain.lines)
    assert hyph.unjustified == ()
    broken = [ln for ln in hyph.lines if ln.hyphen]
    assert len(broken) == 1
    ln = broken[0]
    assert ln.text.endswith("Segmenta") and ln.hyphen.char == SOFT_HYPHEN and ln.hyphen.src == ln.end
    assert ln.hyphen.x == pytest.approx(ln.glyphs[-1].slot[1])           # right after the letter
    assert ln.width == pytest.approx(9 * EM) and ln.hyphen.slot[1] == pytest.approx(ln.width)
    assert "".join(l.text for l in hyph.lines) == text                   # the text is the word whole


def test_no_hyphen_where_the_lines_keep_the_cap_without_one():
    text = "他在论文Segmentation中指出了问题"
    for ems in (11, 12, 14, 15):
        cp = compose(text, ems)
        assert not any(ln.hyphen for ln in cp.lines), ems
        assert cp == compose(text, ems, hyphenate=False)


def test_the_hyphen_is_drawn_at_the_end_of_the_lines_last_run():
    cp = compose("他在论文Segmentation中指出了问题", 9)
    ln = next(ln for ln in cp.lines if ln.hyphen)
    runs = line_runs(ln, 100.0, 50.0)
    assert runs[-1].chars.endswith("Segmenta" + SOFT_HYPHEN)
    assert runs[-1].x + runs[-1].xs[-1] == pytest.approx(100.0 + ln.hyphen.x)
    assert sum(len(r.chars) for r in runs) == len(ln.text) + 1


def test_a_hyphen_that_would_not_fit_is_not_taken():
    """A word longer than the room, with a hyphen point whose fragment fits only without
    its hyphen: the line breaks inside the word elsewhere, and never runs past the measure
    (hypothesis found 'Aaaax‐' 60.6 pt wide in 60 pt)."""
    lead = CharStyle(("hei",), 12.0, tracking_em=0.1)
    para = ParaStyle(indent_em=2.0, open_start_half=True)
    for at in range(9):
        text = "Aaaaxaaa"
        cp = compose_paragraph([Span(text[:at], lead), Span(text[at:], BODY)], 6 * EM, para, M)
        assert "".join(line.text for line in cp.lines) == text
        assert all(line.width <= 6 * EM + 0.01 for line in cp.lines), [(l.text, l.width) for l in cp.lines]
