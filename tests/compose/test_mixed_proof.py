"""The mixed-text proof set (fixtures/mixed/proof.txt: URLs, e-mails, paths, English, product
names, units, numbers, dates, quotes inside Chinese) set at 12-38 characters a line and read
back from the PDF's own glyphs (tests/mixed_proof.py). bench/mixed_text.py prints the same
figures for Typst beside newsprint's.

Asserted at every measure: no prohibited line start or end, no gap wider than ½ em in a
justified line, no letter-spacing inside Latin, no word space wider than 1¼ em, every
character read back in order. The issue's goal of at most 1 % of justified lines with a
gap beyond ¼ em is met at 31 and 38 characters, not at the narrower measures: a URL,
e-mail, path or number piece wider than the room leaves the line before it loose, and no
choice of breaks the rules allow avoids it (an exhaustive search over every legal break
finds at least 11, 6, 5, 3, 2, 2 lines beyond ¼ em or short at 12-25 characters; Typst,
on the same text: 11-23 % at 12-20 characters); the bound below is newsprint's figure
now, so it can only get better."""
import pytest

from layout.compose import normalize_text
from mixed_proof import MARGIN, MEASURES, measure_pdf, newsprint_pdf, paragraphs

# share of justified lines with a gap beyond ¼ em, by measure (measured: 8/88, 7/73, 6/63,
# 1/54, 1/49, 2/37, 0/30, 0/20 at 12-38 characters; the goal is 1 %)
MAX_LOOSE_SHARE = {12: 0.10, 14: 0.10, 16: 0.10, 18: 0.02, 20: 0.025, 25: 0.06, 31: 0.01, 38: 0.01}


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
        assert f.share_over_quarter <= MAX_LOOSE_SHARE[f.measure], (f.measure, f.share_over_quarter)


def test_lines_set_short_are_the_reported_ones(figures):
    figs, composed = figures
    reported = {}
    for m, cp in composed:
        reported.setdefault(m, set()).update(cp.lines[i].text.replace(" ", "") for i in cp.unjustified)
    for f in figs:
        assert set(f.not_flush) <= reported[f.measure], f.measure
