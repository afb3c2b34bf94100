"""Planning's shortcuts give what setting the text gives: a paragraph's line count and last
line width from its kept breaks (ComposeCache.lines, blocks.paragraph_size) are those of
the composed paragraph, asked before or after it is composed, natural and a line longer or
shorter; a headline block's rows without its lines (blocks.headline_rows) are
headline_items' rows, with the same headline-too-wide errors."""
from pathlib import Path

import pytest

from layout.makeup.blocks import headline_items, headline_rows, paragraph_lines, paragraph_size
from layout.makeup.grid import make_grid
from layout.makeup.model import Rect
from layout.makeup.shape import Shape
from layout.makeup.styles import COMPOSE_CACHE, Typesetter
from layout.pipeline import load

SAMPLE = Path(__file__).resolve().parents[2] / "editions" / "shijingshan" / "2020-02-24"


@pytest.fixture(scope="module")
def sample():
    loaded = load(str(SAMPLE))
    ed = loaded.edition
    ts = Typesetter(ed.paper, loaded.fonts)
    grid = make_grid(ed.paper)
    articles = [a for page in ed.pages for a in page.articles]
    return ts, grid, articles


def _sizes(ts, art, measure, loose, size_first: bool):
    COMPOSE_CACHE.clear()
    out = []
    for pi in range(len(art.paragraphs)):
        if size_first:
            got = paragraph_size(ts, art, pi, measure, None, loose)
            lines = paragraph_lines(ts, art, pi, measure, None, loose)
        else:
            lines = paragraph_lines(ts, art, pi, measure, None, loose)
            got = paragraph_size(ts, art, pi, measure, None, loose)
        out.append((got, (len(lines), lines[-1].line.width if lines else 0.0)))
    return out


def test_line_counts_are_those_of_the_composed_paragraphs(sample):
    ts, _, articles = sample
    body = [a for a in articles if a.paragraphs and a.kind not in ("verse", "index")]
    assert len(body) > 10
    for art in body:
        for measure in (90.0, 108.0, 162.0):
            for loose in (0, 1, -1):
                for size_first in (True, False):
                    for got, want in _sizes(ts.quiet(), art, measure, loose, size_first):
                        assert got == want, (art.id, measure, loose)


def test_headline_rows_are_those_of_the_set_headline(sample):
    ts, grid, articles = sample
    heads = [a for a in articles if a.headline or a.kicker or a.subhead]
    assert len(heads) > 10
    too_wide = 0
    for art in heads:
        for width in (60.0, 108.0, 225.0, 459.9, 694.5):
            for shape in (None, Shape(span=0, rows=0, headline_size=18.0, air=-1), Shape(span=0, rows=0, air=1)):
                for short in ("", "续"):
                    a, b = ts.quiet(), ts.quiet()
                    rows = headline_rows(a, grid, art, Rect(0, 0, width, 0), short=short, shape=shape)
                    _, want = headline_items(b, grid, art, Rect(0, 0, width, 0), short=short, shape=shape)
                    assert rows == want, (art.id, width, shape, short)
                    codes = [d.code for d in b.diagnostics if d.code == "headline-too-wide"]
                    assert [d.code for d in a.diagnostics] == codes
                    too_wide += bool(codes)
    assert too_wide      # the narrow widths do not take every headline
