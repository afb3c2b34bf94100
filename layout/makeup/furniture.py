"""Page furniture: the page-1 masthead band (报头, 报眼 with hotline box and QR code)
and the folio (报眉) of inner pages."""
from __future__ import annotations

import string
from functools import lru_cache

from dataclasses import replace

from layout.compose.model import Span
from layout.makeup.grid import PageGrid
from layout.makeup.model import BoxItem, ImageItem, QRItem, Rect, RuleItem
from layout.base.diagnostics import Phrase, error
from layout.edition.paper import QR_ERROR_LEVEL
from layout.makeup.furniture_fit import PAGE_FIELDS, folio_fits, too_tall, too_wide
from layout.makeup.styles import Typesetter, line_runs

WEEKDAYS = "一二三四五六日"


def text_items(ts: Typesetter, role: str, raw: str, x: float, baseline: float, *,
               width: float = 0.0, align: str = "left", size: float | None = None,
               blame=None) -> tuple[list, float]:
    """One line of furniture text; returns (runs, natural width). blame: see Typesetter.line
    (text of the paper file by default)."""
    line = ts.line([Span(ts.text(raw), ts.char_style(role, size))], ts.para_style(role, align="left"),
                   what=Phrase("where.furniture", role=role), blame=blame)
    line = replace(line, offset=0.0)
    dx = 0.0
    if align == "center":
        dx = (width - line.width) / 2
    elif align == "right":
        dx = width - line.width
    return line_runs(line, x + dx, baseline), line.width


def dateline(edition) -> str:
    """The date line from the paper's template; the 农历 date goes where the template says
    `{lunar}` (without its 农历), else after the line."""
    d = edition.date
    template = edition.paper.masthead.dateline_format
    lunar = edition.lunar_date.removeprefix("农历")
    text = template.format(
        year=d.year, month=d.month, day=d.day, weekday=edition.weekday, issue=edition.issue,
        total_issue=edition.total_issue, pages=len(edition.pages), lunar=lunar)
    if lunar and "lunar" not in {name for _, name, _, _ in string.Formatter().parse(template)}:
        text += f"  农历{lunar}"
    return text


def masthead(ts: Typesetter, grid: PageGrid, edition) -> tuple[list, Rect]:
    """The page-1 band: title, small print, date line, the ear (hotlines, QR)."""
    mh = edition.paper.masthead
    rows = mh.rows
    area = grid.area
    band = Rect(area.x, area.y, area.w, rows * grid.pitch)
    ear_cols = 2 if grid.columns >= 5 else 1
    left_w = grid.span_width(grid.columns - ear_cols)
    items: list = []
    # 报名: the title, large, in the paper's red, over the left columns
    title_size = ts.size("masthead_title")
    title_w = grid.span_width(max(1, grid.columns - ear_cols - 1))
    title_base = band.y + grid.pitch * 1.0 + title_size * 0.88
    if mh.logo:   # 报头 as artwork: the logo fitted into the title's place
        logo, pixels = logo_item(mh.logo, Rect(band.x, band.y + grid.pitch * 0.5, title_w,
                                               (mh.rows - 3.5) * grid.pitch))
        items.append(logo)
        ppi = pixels / (logo.rect.w / 72)
        if ppi < MIN_LOGO_PPI:         # the build's preflight refuses it
            ts.diagnostics.append(error("logo-low-resolution", mh.where("logo"), ppi=f"{ppi:.0f}",
                                        min_ppi=MIN_LOGO_PPI, width=f"{logo.rect.w / 72 * 25.4:.0f}"))
    else:
        runs, tw = text_items(ts, "masthead_title", mh.title, band.x, title_base, width=title_w, align="center")
        items += runs
        title = Phrase("masthead.title")
        if not too_wide(ts, 1, title, mh.title, tw, title_w, mh.where("title"), "hint.title"):
            too_tall(ts, 1, title, title_base + title_size * 0.12 - band.y,
                     (rows - 3) * grid.pitch, mh.where("title"), "hint.title")
    # small print beside the title (主办, 准印证号, website)
    small = [s for s in (mh.sponsor, mh.permit, mh.website_name, mh.website_url) if s]
    sx = band.x + title_w + grid.gutter
    sw = left_w - title_w - grid.gutter
    size = ts.size("masthead_small")
    y = band.y + grid.pitch * 1.5
    dl_top = band.y + (rows - 3) * grid.pitch
    for s in small:   # wrapped to the column beside the title
        composed = ts.compose([Span(ts.text(s), ts.char_style("masthead_small"))], sw,
                              ts.para_style("masthead_small", align="left", indent=0.0), what=Phrase("where.masthead"))
        for line in composed.lines:
            y += size * 1.5
            if y + size * 0.12 <= dl_top:    # what does not fit is reported, not drawn below
                items += line_runs(line, sx, y)
    if small:
        key = "website" if mh.website_name or mh.website_url else "permit" if mh.permit else "sponsor"
        too_tall(ts, 1, Phrase("masthead.small-print"), y + size * 0.12 - (band.y + grid.pitch * 1.5),
                 dl_top - (band.y + grid.pitch * 1.5), mh.where(key), "hint.shorten")
    # date line under the title, between two rules
    items.append(RuleItem(band.x, dl_top, band.x + left_w, dl_top, 0.5))
    line = dateline(edition)
    r, w = text_items(ts, "dateline", line, band.x,
                      grid.baseline(dl_top + grid.pitch * 0.5, ts.size("dateline")), width=left_w, align="center")
    items += r
    too_wide(ts, 1, Phrase("masthead.dateline"), line, w, left_w, mh.where("dateline"), "hint.shorten")
    # the ear (报眼)
    ear = Rect(grid.col_x(grid.columns - ear_cols + 1), band.y, grid.span_width(ear_cols), (rows - 1) * grid.pitch)
    items += ear_items(ts, grid, mh, ear)
    # 报头线: a heavy red rule and a thin one across the type area under the band; the
    # thin one no thinner than a plate can register in two inks
    yb = band.bottom - grid.pitch * 0.5
    items.append(RuleItem(area.x, yb - 2.5, area.right, yb - 2.5, 2.0, color="red"))
    items.append(RuleItem(area.x, yb, area.right, yb, rule_width(edition.paper, "red", 0.5), color="red"))
    return items, band


MIN_MULTI_INK_RULE_PT = 1.0     # a rule in two or more inks thinner than this fringes on coldset


def rule_width(paper, colour: str, width: float) -> float:
    """`width`, or MIN_MULTI_INK_RULE_PT when the colour is made of two or more process
    inks (M+Y red): misregistration on a coldset press shows a hairline's inks apart."""
    col = paper.colors.get(colour)
    if col is None or getattr(col, "spot", ""):
        return width
    inks = sum(1 for v in (col.c, col.m, col.y, col.k) if v > 0)
    return max(width, MIN_MULTI_INK_RULE_PT) if inks >= 2 else width


MIN_LOGO_PPI = 150     # as preflight's image-resolution (layout.preflight.rules.MIN_IMAGE_PPI)


def logo_item(path: str, box: Rect) -> tuple[ImageItem, int]:
    """The logo scaled to fit `box` (aspect kept), centred; and its width in pixels."""
    from PIL import Image

    with Image.open(path) as im:
        iw, ih = im.size
    scale = min(box.w / iw, box.h / ih)
    w, h = iw * scale, ih * scale
    return ImageItem(path, Rect(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h), colour=True), iw


def ear_items(ts: Typesetter, grid: PageGrid, mh, ear: Rect) -> list:
    """Hotline box (服务热线) and the QR code with its caption."""
    items: list = []
    qr_side = 0.0
    if mh.qr_url:
        qr_side = min(ear.w * 0.36, ear.h - 2.5 * grid.pitch)
    size = ts.size("hotline")
    room = ear.h - grid.pitch * 0.5
    pitch = min(grid.pitch * 1.2, room / (len(mh.hotlines) + 2.2))
    box = Rect(ear.x, ear.y + grid.pitch * 0.5, ear.w - (qr_side + grid.gutter if qr_side else 0),
               min(room, pitch * (len(mh.hotlines) + 2.2)))
    items.append(BoxItem(box, stroke="black", width_pt=0.75))
    pad = size * 0.6
    y = box.y + pitch * 0.6
    r, w = text_items(ts, "hotline", mh.hotline_title, box.x, y + size * 0.88, width=box.w, align="center")
    items += r
    too_wide(ts, 1, Phrase("masthead.hotline-title"), mh.hotline_title, w, box.w - 2 * pad,
             mh.where("hotlines"), "hint.shorten")
    if pitch < size * MIN_HOTLINE_PITCH:     # lines closer than their size print on each other
        fit = max(0, int(room / (size * MIN_HOTLINE_PITCH) - 2.2))
        too_tall(ts, 1, Phrase("masthead.hotlines", n=len(mh.hotlines)), size * MIN_HOTLINE_PITCH *
                 (len(mh.hotlines) + 2.2), room, mh.where("hotlines"), "hint.fewer", n=fit)
    y += pitch * 1.4
    label_chars = max((len(h.label) for h in mh.hotlines), default=0)
    # the entries as one block, flush left inside it, the block centred in the box
    widths = [hotline_width(ts, h, label_chars) for h in mh.hotlines]
    widest = max(widths, default=0.0)
    x = box.x + max(pad, (box.w - widest) / 2)
    if widest > box.w - 2 * pad:
        h = mh.hotlines[widths.index(widest)]
        too_wide(ts, 1, Phrase("masthead.hotline"), f"{h.label}：{h.number}", widest, box.w - 2 * pad,
                 h.pos if h.pos.line else mh.where("hotlines"), "hint.shorten")
    for h in mh.hotlines:
        items += hotline_entry(ts, h, x, y + size * 0.88, label_chars)
        y += pitch
    if qr_side:
        matrix = qr_matrix(mh.qr_url)
        qx = ear.right - qr_side
        items.append(QRItem(Rect(qx, ear.y + grid.pitch * 0.5, qr_side, qr_side), matrix))
        if mh.qr_caption:
            cap_y = ear.y + grid.pitch * 0.5 + qr_side + grid.pitch * 0.2
            r, w = text_items(ts, "masthead_small", mh.qr_caption, qx, cap_y + ts.size("masthead_small"),
                              width=qr_side, align="center")     # centred under the code
            items += r
            too_wide(ts, 1, Phrase("masthead.qr-caption"), mh.qr_caption, w, qr_side + grid.gutter,
                     mh.where("qr"), "hint.shorten")
    return items


MIN_HOTLINE_PITCH = 1.15     # the hotline entries' line pitch, at least, in their size


def hotline_width(ts: Typesetter, hotline, label_chars: int) -> float:
    """Width of one entry: ●, the label spread to label_chars, ：and the number."""
    size = ts.size("hotline")
    return size * (1 + label_chars) + ts.width([Span("：" + hotline.number, ts.char_style("hotline"))])


def hotline_entry(ts: Typesetter, hotline, x: float, baseline: float, label_chars: int) -> list:
    """●区政府:12345 — shorter labels spread to the longest label's width (供 电)."""
    style = ts.char_style("hotline")
    size = style.size_pt
    items, w = text_items(ts, "hotline", "●", x, baseline)
    lx = x + size
    label = ts.text(hotline.label)
    n = len(label)
    step = size * (label_chars - 1) / (n - 1) if n > 1 else 0.0
    for i, ch in enumerate(label):
        r, _ = text_items(ts, "hotline", ch, lx + i * step, baseline)
        items += r
    r, _ = text_items(ts, "hotline", "：" + hotline.number, lx + label_chars * size, baseline)
    return items + r


def furniture_rows(paper, grid: PageGrid, page_number: int) -> int:
    """Grid rows the furniture takes at the top of a page: the 报头 band on page 1, the 报眉 elsewhere."""
    if page_number == 1:
        return paper.masthead.rows
    return max(2, grid.rows_for(paper.folio.height_mm * 72 / 25.4))


def folio(ts: Typesetter, grid: PageGrid, edition, page) -> tuple[list, int]:
    """报眉: paper, date, 第N版 and section, editors; a rule under it. Returns items, rows."""
    paper = edition.paper
    fo = paper.folio
    rows = furniture_rows(paper, grid, page.number)
    area = grid.area
    d = edition.date
    fields = dict(paper=paper.name, date=f"{d.year}年{d.month}月{d.day}日 {edition.weekday}",
                  page=page.number, section=page.section, editor=page.editor or "—",
                  art_editor=page.art_editor or "—")
    base = grid.baseline(area.y, ts.size("folio"))
    items: list = []
    texts, widths = {}, {}
    for tmpl, align in ((fo.left, "left"), (fo.center, "center"), (fo.right, "right")):
        if tmpl:
            texts[align] = tmpl.format(**fields)
            r, widths[align] = text_items(ts, "folio", texts[align], area.x, base, width=area.w, align=align,
                                          blame=_page_field_blame(page, tmpl))
            items += r
    folio_fits(ts, page, texts, widths, area.w)
    y = area.y + grid.pitch + 2
    items.append(RuleItem(area.x, y, area.right, y, 1.5))
    items.append(RuleItem(area.x, y + 2.5, area.right, y + 2.5, 0.4))
    return items, rows


def _page_field_blame(page, template: str):
    """A character of the folio line that comes from the page's section or editors is
    reported where the edition file writes it (the template's own text: the paper file)."""
    used = [k for _, k, _, _ in string.Formatter().parse(template) if k in PAGE_FIELDS]

    def blame(ch: str):
        for key in used:
            if ch in getattr(page, key):
                return page.where(key), Phrase("where.page-field", page=page.number, key=key)
        return None
    return blame


@lru_cache(maxsize=16)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules for `url` (row by row, True = dark), made once per URL: the
    same code on every make-up of page 1 (~3 ms each with segno)."""
    import segno

    return tuple(tuple(bool(v) for v in row) for row in segno.make(url, error=QR_ERROR_LEVEL).matrix)
