"""An advertisement's block: the artwork whole at its booked size, the rule and 广告 over it.

The booked space is `span` grid columns wide and the booked height tall; the artwork is
scaled into it, never cropped and never stretched.  Artwork whose proportions differ from
the booking by more than AD_ASPECT_TOLERANCE is an error at the ad's `file:` (the advertiser
delivered another size): it is still drawn whole, smaller, so the proof shows the gap.
"""
from __future__ import annotations

from dataclasses import replace

from layout.base.diagnostics import error, warning
from layout.compose.model import Span
from layout.makeup.grid import MM, PageGrid
from layout.makeup.model import FormItem, ImageItem, Rect, RuleItem
from layout.makeup.styles import Typesetter, line_runs

AD_ASPECT_TOLERANCE = 0.02      # 2 %: about 1 mm on an 8 cm ad
AD_MIN_PPI = 150


def booked_rect(grid: PageGrid, article, block: Rect) -> Rect:
    """The booked space inside the block: full width, the booked height, at the block's foot."""
    h = article.ad.height_mm * MM
    return Rect(block.x, block.bottom - h, grid.span_width(article.ad.span), h)


def fit_whole(aw: float, ah: float, space: Rect) -> Rect:
    """Something aw × ah scaled whole into `space` (centred), keeping its proportions."""
    scale = min(space.w / aw, space.h / ah)
    w, h = aw * scale, ah * scale
    return Rect(space.x + (space.w - w) / 2, space.y + (space.h - h) / 2, w, h)


def aspect_mismatch(article, space: Rect, aw: float, ah: float):
    """The error for artwork aw × ah whose proportions are not the booked space's, else None."""
    booked, supplied = space.w / space.h, aw / ah
    if abs(supplied / booked - 1) <= AD_ASPECT_TOLERANCE:
        return None
    return error("ad-aspect", article.ad.pos, article=article.id, span=article.ad.span, width=space.w / MM,
                 height=space.h / MM, art_height=space.w / MM / supplied)


def ad_items(ts: Typesetter, grid: PageGrid, article, block: Rect) -> list:
    """Items of an ad block; a picture that does not match the booking and a low resolution
    go to ts.diagnostics (a PDF's page is measured by the preflight stage, and fitted whole
    into the booked space by render)."""
    ad = article.ad
    art = ad.artwork
    space = booked_rect(grid, article, block)
    items: list = []
    paper = ts.paper
    if paper.ad_rule_pt:
        items.append(RuleItem(block.x, block.y + 0.5, block.right, block.y + 0.5, paper.ad_rule_pt))
    if paper.ad_label:
        size = ts.size("ad_label")
        line = ts.line([Span(ts.text(paper.ad_label), ts.char_style("ad_label"))],
                       ts.para_style("ad_label", align="right"))
        line = replace(line, offset=0.0)
        items += line_runs(line, block.right - line.width, grid.baseline(block.y, size))
    if art.kind == "pdf":
        items.append(FormItem(ad.file, space))
    else:
        mismatch = aspect_mismatch(article, space, art.width, art.height)
        if mismatch:
            ts.diagnostics.append(mismatch)
        drawn = fit_whole(art.width, art.height, space)
        ppi = art.pixels[0] / (drawn.w / 72.0)
        if ppi < AD_MIN_PPI:
            ts.diagnostics.append(warning("ad-low-resolution", ad.pos, article=article.id, ppi=ppi,
                                          min_ppi=AD_MIN_PPI))
        items.append(ImageItem(ad.file, drawn, None, colour=True))
    return items
