"""Page images for the desk, redrawn only where the page changed.

A page's raster is kept; when its layout changes, the items that differ (old and new)
give a dirty rectangle, and only the items that reach into it are rendered (the same
press PDF, PDFium), cropped to it and pasted over the old raster.  What a one-paragraph
edit costs is then one article's worth of drawing, not the page with its photo.  The
session renders the whole page again once the files are quiet (Desk.confirm), so the
image settles on exactly the one `newsprint preview` draws.
"""
from __future__ import annotations

import dataclasses
import math

from layout.makeup.model import BoxItem, FormItem, ImageItem, QRItem, RuleItem, TextRun

PAD_PT = 2.0
MOST = 0.6          # a dirty area above this share of the page: render the page whole


def bbox(item) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) in pt, y down, that the item's ink cannot leave; None: unknown."""
    if isinstance(item, TextRun) and item.angle:      # turned: it runs down from (x, baseline)
        s = item.size_pt
        length = (item.xs[-1] if item.xs else 0.0) + s
        return (item.x - s, item.baseline - s, item.x + 1.5 * s, item.baseline + length + s)
    if isinstance(item, TextRun):
        s = item.size_pt
        width = (item.xs[-1] if item.xs else 0.0) + s * max(1.0, item.hscale)
        top = item.baseline - item.rise
        return (item.x - s, top - 1.5 * s, item.x + width + s, top + 0.8 * s)
    if isinstance(item, RuleItem):
        w = item.width_pt
        return (min(item.x1, item.x2) - w, min(item.y1, item.y2) - w,
                max(item.x1, item.x2) + w, max(item.y1, item.y2) + w)
    if isinstance(item, BoxItem):
        r, w = item.rect, item.width_pt
        return (r.x - w, r.y - w, r.right + w, r.bottom + w)
    if isinstance(item, (ImageItem, QRItem, FormItem)):
        r = item.rect
        return (r.x, r.y, r.right, r.bottom)
    return None


def dirty_box(old_page, new_page):
    """The rectangle where the two layouts of one page differ; None when it is (nearly)
    the whole page or cannot be told; () when nothing differs."""
    if (old_page.width, old_page.height) != (new_page.width, new_page.height):
        return None
    old, new = set(old_page.items), set(new_page.items)
    changed = (old - new) | (new - old)
    if not changed:
        return ()
    boxes = [bbox(i) for i in changed]
    if any(b is None for b in boxes):
        return None
    box = (min(b[0] for b in boxes) - PAD_PT, min(b[1] for b in boxes) - PAD_PT,
           max(b[2] for b in boxes) + PAD_PT, max(b[3] for b in boxes) + PAD_PT)
    box = (max(0.0, box[0]), max(0.0, box[1]), min(new_page.width, box[2]), min(new_page.height, box[3]))
    area = (box[2] - box[0]) * (box[3] - box[1])
    return None if area > MOST * new_page.width * new_page.height else box


def raster(layout, fonts, number: int, dpi: float, page=None, box=None):
    """The trimmed page as an RGB PIL image, or only `box` (pt) of it, drawn from `page`'s
    items (default: the layout's page `number`)."""
    import pypdfium2 as pdfium

    from layout.press.page_pdf import page_pdf

    if page is not None:
        layout = dataclasses.replace(layout, pages=(page,))
    pdf = pdfium.PdfDocument(page_pdf(layout, fonts, number, fast=True))
    try:
        pg = pdf[0]
        b = layout.bleed_pt
        scale = dpi / 72.0
        if box is None:
            image = pg.render(scale=scale, crop=(b, b, b, b)).to_pil()
        else:
            width, height = pg.get_size()
            x0, y0, x1, y1 = box
            image = pg.render(scale=scale, crop=(b + x0, height - b - y1, width - b - x1, b + y0)).to_pil()
        return image.convert("RGB") if image.mode != "RGB" else image
    finally:
        pdf.close()


def pixel_box(box, dpi: float, size) -> tuple[int, int, int, int]:
    """`box` (pt) widened to whole pixels of a raster of `size`."""
    scale = dpi / 72.0
    return (max(0, math.floor(box[0] * scale)), max(0, math.floor(box[1] * scale)),
            min(size[0], math.ceil(box[2] * scale)), min(size[1], math.ceil(box[3] * scale)))


def redraw(layout, fonts, number: int, dpi: float, old_page, old_image):
    """(image, patched): the page's new raster, drawn whole or patched over `old_image`."""
    new_page = next(p for p in layout.pages if p.number == number)
    box = dirty_box(old_page, new_page) if old_page is not None and old_image is not None else None
    if box == ():
        return old_image, False
    if box is None:
        return raster(layout, fonts, number, dpi), False
    px = pixel_box(box, dpi, old_image.size)
    scale = dpi / 72.0
    exact = (px[0] / scale, px[1] / scale, px[2] / scale, px[3] / scale)   # on the pixel grid
    reach = [i for i in new_page.items if _meets(bbox(i), exact)]
    part = raster(layout, fonts, number, dpi, dataclasses.replace(new_page, items=tuple(reach)), exact)
    image = old_image.copy()
    w, h = px[2] - px[0], px[3] - px[1]
    image.paste(part.crop((0, 0, min(w, part.size[0]), min(h, part.size[1]))), (px[0], px[1]))
    return image, True


def _meets(a, b) -> bool:
    return a is None or (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
