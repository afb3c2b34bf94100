"""Word spaces are in the PDF's text layer (makeup.styles.line_runs draws them: no ink), so
readers that do not guess spaces from gaps extract them too: pypdf read "MacBookAir" and
"TheOldMan" from the mixed-text proof set when the spaces were white only (PDFium and
poppler guessed them). The space joins the run of the glyph before it, so runs and the
layout dumps stay as they were."""
import re

import pytest

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph, normalize_text
from layout.makeup.styles import line_runs
from mixed_proof import newsprint_pdf, paragraphs

_LEFT = re.compile(r"[A-Za-z0-9]+$")
_RIGHT = re.compile(r"^[A-Za-z0-9]+")


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


def test_a_word_space_is_drawn_in_the_run_before_it(fonts):
    style = CharStyle(("noto-serif-sc-regular",), 10.0)
    hei = CharStyle(("noto-sans-sc-bold",), 10.0)
    spans = [Span("新款MacBook Air", style), Span(" 上市", hei)]
    (line,) = compose_paragraph(spans, 300.0, ParaStyle(indent_em=0.0), fonts).lines
    runs = line_runs(line, 0.0, 10.0)
    assert [(r.font, r.chars) for r in runs] == [("noto-serif-sc-regular", "新款MacBook Air "),
                                                 ("noto-sans-sc-bold", "上市")]
    assert [x for r in runs for x in r.xs] == [g.x for g in line.glyphs]     # where set


def test_every_word_space_of_the_proof_set_reads_back_with_pypdf():
    import io

    from pypdf import PdfReader

    pdf, composed = newsprint_pdf(paragraphs(), measures=(12, 38))
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
    pairs = 0
    for page, m in zip(pages, (12, 38)):
        for _, cp in (c for c in composed if c[0] == m):
            for ln in cp.lines:
                for k, ch in enumerate(ln.text):
                    left, right = _LEFT.search(ln.text[:k]), _RIGHT.search(ln.text[k + 1:])
                    if ch == " " and left and right:
                        assert f"{left.group()} {right.group()}" in page, (m, ln.text)
                        pairs += 1
    assert pairs > 20
