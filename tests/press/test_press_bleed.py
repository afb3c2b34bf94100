"""Background touching the trim is extended into the bleed (出血); the rest stays put."""
from __future__ import annotations

from dataclasses import replace

import pypdfium2 as pdfium
import pytest

from layout.makeup.model import BoxItem, PageLayout, Rect, RuleItem
from layout.press import write_edition
from fixtures.testsheet import BoxFonts, sample_layout
from layout.render.paint import bleed_rect, bleed_rule

W, H, B = 340.0, 480.0, 8.5


def test_bleed_rect_pushes_only_the_edges_on_the_trim():
    assert bleed_rect(Rect(0, 0, W, 40), (W, H), B) == Rect(-B, -B, W + 2 * B, 40 + B)
    assert bleed_rect(Rect(100, 440, 240, 40), (W, H), B) == Rect(100, 440, 240 + B, 40 + B)
    inner = Rect(20, 20, 100, 100)
    assert bleed_rect(inner, (W, H), B) == inner
    assert bleed_rect(Rect(0, 0, W, H), (W, H), 0) == Rect(0, 0, W, H)
    # within half a point of the trim still counts as touching; a point away does not
    assert bleed_rect(Rect(0.4, 10, 10, 10), (W, H), B).x == pytest.approx(0.4 - B)
    assert bleed_rect(Rect(1.0, 10, 10, 10), (W, H), B).x == 1.0


def test_bleed_rule_extends_straight_rules_at_the_trim_only():
    assert bleed_rule(RuleItem(0, 50, W, 50, 1), (W, H), B) == (-B, 50, W + B, 50)
    assert bleed_rule(RuleItem(30, 0, 30, 100, 1), (W, H), B) == (30, -B, 30, 100)
    assert bleed_rule(RuleItem(30, 40, 300, 40, 1), (W, H), B) == (30, 40, 300, 40)
    assert bleed_rule(RuleItem(0, 0, W, H, 1), (W, H), B) == (0, 0, W, H)     # diagonal: as is


def _render(tmp_path, items):
    layout = sample_layout(tmp_path)
    page = PageLayout(number=1, width=W, height=H, items=tuple(items))
    layout = replace(layout, pages=(page,), bleed_pt=B)
    res = write_edition(layout, BoxFonts(tmp_path), tmp_path / "out")
    pdf = pdfium.PdfDocument(str(res.page_pdfs[0]))
    try:
        return pdf[0].render(scale=1.0).to_pil().convert("L")     # 1 px = 1 pt, MediaBox = BleedBox
    finally:
        pdf.close()


def test_a_band_on_the_top_edge_fills_the_bleed_a_box_inside_does_not(tmp_path):
    items = [BoxItem(Rect(0, 0, W, 40), fill="black", tint=1.0),          # 报头 band at the top
             BoxItem(Rect(100, 200, 60, 60), fill="black")]              # inside the page
    im = _render(tmp_path, items)
    assert im.size == (round(W + 2 * B), round(H + 2 * B))
    top = round(B / 2)                  # a row inside the top bleed
    # the band: dark right across the bleed, corners included
    assert im.getpixel((2, top)) < 40 and im.getpixel((im.width - 3, top)) < 40
    assert im.getpixel((im.width // 2, top)) < 40
    # the left bleed beside the band is dark, below it white
    assert im.getpixel((2, round(B) + 20)) < 40
    assert im.getpixel((2, round(B) + 100)) > 215
    # the inside box keeps its size: white 3 pt outside it
    x0, y0 = round(B) + 100, round(B) + 200
    assert im.getpixel((x0 + 30, y0 + 30)) < 40
    assert im.getpixel((x0 - 3, y0 + 30)) > 215 and im.getpixel((x0 + 63, y0 + 30)) > 215


def test_stroked_frame_on_the_trim_stays_on_the_trim(tmp_path):
    items = [BoxItem(Rect(0, 0, W, H), stroke="black", width_pt=2.0)]     # no fill
    im = _render(tmp_path, items)
    assert im.getpixel((round(B / 2), im.height // 2)) > 215               # bleed stays white
    assert im.getpixel((round(B), im.height // 2)) < 128                    # the frame on the trim
