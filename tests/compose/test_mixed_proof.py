"""The mixed-text proof set (fixtures/mixed/proof.txt: URLs, e-mails, paths, English, product
names, units, numbers, dates, quotes inside Chinese) set at 12-38 characters a line and read
back from the PDF's own glyphs (tests/mixed_proof.py). bench/mixed_text.py prints the same
figures for Typst beside newsprint's.

Asserted at every measure: no prohibited line start or end, no gap wider than ½ em in a
justified line, no letter-spacing inside Latin, no word space wider than 1¼ em, every
character read back in order, a hyphen added at a broken English word read back as a soft
hyphen (U+00AD) by a second reader and by PDFium as no character of the text. The issue's
goal of at most 1 % of justified lines with a gap beyond ¼ em is met at 18-38 characters,
not at 12-16 or 25: a URL, e-mail, path or number piece wider than the room leaves the
line before it (or the one before that) loose or short, and no choice of breaks the rules
allow avoids it. The breaker sets the fewest lines short of the measure, then the fewest
loose lines; an exhaustive search over every legal set of breaks (bench/mixed_exhaustive.py)
finds no setting with fewer short lines, nor one as few short lines and fewer loose ones,
at any measure. `python bench/mixed_text.py --loose` lists them by what stands at the
break; Typst, on the same text: 10-23 % at 12-20 characters. The bounds below are
newsprint's figures now, so they can only get better."""
import pytest

from layout.compose import normalize_text
from mixed_proof import MARGIN, MEASURES, measure_pdf, newsprint_pdf, paragraphs

# justified lines with a gap beyond ¼ em and lines set short of the measure, by measure:
# 3/88, 8/73, 5/63, 0/54, 0/48, 1/37, 0/30, 0/20 loose and 4, 1, 1, 2, 1, 0, 0, 0 short at
# 12-38 characters (before the breaker counted loose lines, tried a fourth end near Latin
# and digits and every URL end, and knew C:\Program Files\ as a path: 7, 7, 5, 1, 1, 1, 0, 0
# loose and 4, 2, 1, 2, 1, 0, 0, 0 short)
MAX_LOOSE = {12: 3, 14: 8, 16: 5, 18: 0, 20: 0, 25: 1, 31: 0, 38: 0}
MAX_SHORT = {12: 4, 14: 1, 16: 1, 18: 2, 20: 1, 25: 0, 31: 0, 38: 0}


@pytest.fixture(scope="module")
def figures():
    texts = [normalize_text(p, ascii_punct=True)[0] for p in paragraphs()]
    pdf, composed = newsprint_pdf(paragraphs())
    return measure_pdf(pdf, texts, left=MARGIN), composed


def test_the_proof_set_keeps_the_rules_at_every_measure(figures):
    figs, _ = figures
    assert [f.measure for f in figs] == list(MEASURES)
    for f in figs:
        assert f.text_ok, f.measure
        assert f.justified > 15
        assert f.violations == [], (f.measure, f.violations)
        assert f.over_half == [], (f.measure, f.over_half)
        assert f.widest <= 0.5 + 0.02
        assert f.letterspaced == [], (f.measure, f.letterspaced)
        assert f.widest_word_space <= 1.25 + 0.02, f.measure
        assert f.over_quarter <= MAX_LOOSE[f.measure], (f.measure, f.loose)
        assert len(f.not_flush) <= MAX_SHORT[f.measure], (f.measure, f.not_flush)
        assert f.soft_hyphens == len(f.hyphenated), f.measure


def test_broken_english_words_read_back_whole(figures):
    figs, composed = figures
    added = sum(1 for _, cp in composed for ln in cp.lines if ln.hyphen)
    assert added == sum(len(f.hyphenated) for f in figs) > 0
    for f in figs:
        for line in f.hyphenated:
            assert line[-2].isascii() and line[-2].isalpha(), (f.measure, line)


def test_lines_set_short_are_the_reported_ones(figures):
    figs, composed = figures
    reported = {}
    for m, cp in composed:
        reported.setdefault(m, set()).update(cp.lines[i].text.replace(" ", "") for i in cp.unjustified)
    for f in figs:
        assert set(f.not_flush) <= reported[f.measure], f.measure
