"""Draw a laid-out page (makeup.PageLayout) on a reportlab canvas.

Page items are in pt from the trimmed page's top-left corner, y down; the
canvas is PDF user space, y up.  `origin` is the PDF point of the trimmed
page's top-left corner, so a MediaBox larger than the trim (bleed, marks)
only moves the origin.  Colours are CMYK or spot, never RGB.

Background that touches the trim (a box fill, a rule running to the edge) is
extended into the bleed (出血), so a slightly-off cut shows no white hairline.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from weakref import WeakKeyDictionary

from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.pdfbase.pdfmetrics import getFont

from layout.base.pictures import PLATE_MODES, for_plate
from layout.makeup.model import BoxItem, FormItem, ImageItem, PageLayout, QRItem, Rect, RuleItem, TextRun
from layout.render.numbers import fp_str

# Pen positions closer than this (pt) to the natural advance are set in one Tj.
_SAME_PEN = 0.005
# An edge this close to (or beyond) the trim counts as touching it.
TOUCH_PT = 0.5


def ink(color, tint: float = 1.0):
    """A reportlab colour for an edition Color (c,m,y,k 0..1, optional spot) at a tint.

    Process colours are scaled by the tint; spot colours keep their name and
    use the tint as density.  alpha=None keeps reportlab from writing any
    transparency state (PDF/X-1a has none).
    """
    tint = min(max(tint, 0.0), 1.0)
    if getattr(color, "spot", ""):
        return CMYKColorSep(color.c, color.m, color.y, color.k,
                            spotName=color.spot, density=tint, alpha=None)
    return CMYKColor(color.c * tint, color.m * tint, color.y * tint, color.k * tint,
                     alpha=None)


def is_plain_black(color) -> bool:
    """100% K only, no spot: the ink that overprints (黑色压印)."""
    return (not getattr(color, "spot", "") and color.k >= 0.999
            and color.c == color.m == color.y == 0)


class _Advances(dict):
    """char → advance in 1/1000 em of a TTFont, read where its stringWidth reads it
    (face.charWidths, face.defaultWidth: reportlab internals)."""

    def __init__(self, font):
        super().__init__()
        self._widths = font.face.charWidths
        self._default = font.face.defaultWidth

    def __missing__(self, ch):
        w = self[ch] = self._widths.get(ord(ch), self._default)
        return w


_ADVANCES: WeakKeyDictionary = WeakKeyDictionary()


def _advances(font) -> _Advances:
    try:
        return _ADVANCES[font]
    except KeyError:
        adv = _ADVANCES[font] = _Advances(font)
        return adv


class Pictures:
    """Each picture as it goes to the canvas: its file as it is (a JPEG stays DCT), or
    decoded, made printable and cropped (an ImageReader).  While `keep` is on (previews,
    layout.press.page_pdf) a prepared picture is kept between PDFs, keyed by its file's
    size and modification time and how it is set, and carries that key as `kept_key`
    (the preview keeps its compressed stream under it)."""

    SIZE = 16

    def __init__(self):
        self.keep = False
        self._kept: OrderedDict = OrderedDict()

    def source(self, im: ImageItem):
        key = _picture_key(im) if self.keep else None
        if key is not None and key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        found = _prepared(im)
        if key is not None and not isinstance(found, str):
            found.kept_key = key
            self._kept[key] = found
            if len(self._kept) > self.SIZE:
                self._kept.popitem(last=False)
        return found


def _picture_key(im: ImageItem):
    try:
        st = os.stat(im.path)
    except OSError:
        return None
    return (im.path, st.st_size, st.st_mtime_ns, im.crop, im.colour)


def _prepared(im: ImageItem):
    from PIL import Image   # only pages with pictures pay for it
    from reportlab.lib.utils import ImageReader

    with Image.open(im.path) as pic:
        if pic.mode in PLATE_MODES and not im.crop:
            return im.path
        pic.load()
        pic = for_plate(pic, im.colour)
        if im.crop:
            pic = pic.crop(im.crop)
        return ImageReader(pic)


PICTURES = Pictures()


class _Painter:
    """Holds the page transform, the overprint state and the text state set so far
    while painting one page."""

    def __init__(self, canvas, colors: dict, font_names: dict, origin, page=None, bleed=0.0):
        self.c = canvas
        self.colors = colors
        self.font_names = font_names
        self.ox, self.oy = origin
        self.overprint = False
        self.size = (page.width, page.height) if page is not None else (0.0, 0.0)
        self.bleed = bleed
        self.in_text = False        # inside BT … ET
        self.fill = None            # colour name of the last text fill (None: unknown)
        self.tf = None              # last "/Fn+s size Tf"
        self.hscale = 1.0           # Tz and Ts as the page starts them
        self.rise = 0.0

    def end_text(self) -> None:
        """Close the text object before anything that is not text."""
        if self.in_text:
            self.c.addLiteral("ET")
            self.in_text = False

    # page (y down) → PDF (y up)
    def px(self, x: float) -> float:
        return self.ox + x

    def py(self, y: float) -> float:
        return self.oy - y

    def color(self, name: str):
        try:
            return self.colors[name]
        except KeyError:
            raise KeyError(f"colour {name!r} is not defined in the edition colours") from None

    def set_overprint(self, on: bool) -> None:
        if on == self.overprint:
            return
        self.c.setFillOverprint(on)
        self.c.setStrokeOverprint(on)
        self.c.setOverprintMask(1 if on else 0)
        self.overprint = on

    # ------------------------------------------------------------ items
    def text(self, run: TextRun) -> None:
        """`1 0 0 1 x y Tm`, then the glyphs: chars whose pens follow the natural advance
        share one Tj; a jump in pen position (justification, tracking, punctuation
        squeeze) is a Td.  Runs share one BT … ET while nothing else is drawn; colour,
        font, Tz and Ts are written only when they change (text state outlives ET;
        paint_page's q … Q ends it)."""
        chars = run.chars
        if not chars:
            return
        xs = run.xs
        n = len(chars)
        if len(xs) != n:
            raise ValueError(f"text run {chars[:10]!r}: {len(xs)} positions for {n} chars")
        try:
            font_name = self.font_names[run.font]
        except KeyError:
            raise KeyError(f"font {run.font!r} has no registered PDF font") from None
        font = getFont(font_name)
        col = self.color(run.color)
        size, hscale = run.size_pt, run.hscale
        # Where a segment starts: the pen leaves the natural advance (the font's widths,
        # summed as reportlab's stringWidth does).
        adv = _advances(font)
        step = 0.001 * size
        starts = [0]
        pen = xs[0]
        for i in range(1, n):
            pen += step * adv[chars[i - 1]] * hscale
            if abs(xs[i] - pen) > _SAME_PEN:
                starts.append(i)
                pen = xs[i]
        starts.append(n)

        self.set_overprint(run.overprint and is_plain_black(col))
        c = self.c
        if not self.in_text:
            c.addLiteral("BT")
            self.in_text = True
        if run.color != self.fill:
            c.setFillColor(ink(col))
            self.fill = run.color
        if run.angle:              # 90° clockwise: the pen goes down the page
            out = [f"0 -1 1 0 {fp_str(self.ox + run.x)} {fp_str(self.oy - (run.baseline + xs[0]))} Tm"]
        else:
            out = [f"1 0 0 1 {fp_str(self.ox + (run.x + xs[0]))} {fp_str(self.oy - run.baseline)} Tm"]
        if hscale != self.hscale:
            out.append(f"{fp_str(hscale * 100)} Tz")
            self.hscale = hscale
        if run.rise != self.rise:
            out.append(f"{fp_str(run.rise)} Ts")
            self.rise = run.rise
        # reportlab's dynamic-font API (ttfonts module doc): splitString gives each new
        # char its code in the document's 256-glyph subsets (in order of first use) and
        # returns (subset, one byte per char) pieces; getSubsetInternalName names the
        # subset's PDF font.  Both register what is used with the document (canvas._doc,
        # internal; so is face.charWidths in _Advances).  The rest goes in by addLiteral.
        doc = c._doc
        size_tf = f" {fp_str(size)} Tf"
        seg = 1                         # starts[seg]: where the next segment starts
        a = 0
        for subset, codes in font.splitString(chars, doc):
            tf = font.getSubsetInternalName(subset, doc) + size_tf
            if tf != self.tf:
                out.append(tf)
                self.tf = tf
            b = a + len(codes)
            j = a
            while True:
                k = starts[seg]
                out.append(f"<{codes[j - a:min(k, b) - a].hex()}> Tj")
                if k > b or k == n:
                    break
                out.append(f"{fp_str(xs[k] - xs[starts[seg - 1]])} 0 Td")
                seg += 1
                j = k
                if k == b:
                    break
            a = b
        c.addLiteral(" ".join(out))

    def rule(self, r: RuleItem) -> None:
        self.end_text()
        col = self.color(r.color)
        self.set_overprint(is_plain_black(col))
        self.c.setStrokeColor(ink(col))
        self.c.setLineWidth(r.width_pt)
        self.c.setDash(list(r.dash) if r.dash else [])
        x1, y1, x2, y2 = bleed_rule(r, self.size, self.bleed)
        self.c.line(self.px(x1), self.py(y1), self.px(x2), self.py(y2))
        if r.dash:
            self.c.setDash([])

    def box(self, b: BoxItem) -> None:
        if not (b.fill or b.stroke):
            return
        self.end_text()
        self.fill = None
        fill = self.color(b.fill) if b.fill else None
        stroke = self.color(b.stroke) if b.stroke else None
        # Tinted backgrounds knock out; solid black frames overprint (drawn after the fill,
        # as a path of their own: a plant refuses black rules that knock out).
        if fill is not None:
            self.set_overprint(False)
            self.c.setFillColor(ink(fill, b.tint))
            r = b.rect
            f = bleed_rect(r, self.size, self.bleed)   # the fill runs into the bleed, the frame stays on the trim
            self.c.rect(self.px(f.x), self.py(f.bottom), f.w, f.h, stroke=0, fill=1)
        if stroke is not None:
            self.set_overprint(is_plain_black(stroke))
            self.c.setStrokeColor(ink(stroke))
            self.c.setLineWidth(b.width_pt)
            r = b.rect
            self.c.rect(self.px(r.x), self.py(r.bottom), r.w, r.h, stroke=1, fill=0)

    def image(self, im: ImageItem) -> None:
        """A picture cropped to its frame; colour photos are set as greyscale, a colour logo as
        CMYK (no RGB on a plate)."""
        self.end_text()
        source = PICTURES.source(im)
        r = im.rect
        self.set_overprint(False)
        self.c.drawImage(source, self.px(r.x), self.py(r.bottom), r.w, r.h)

    def form(self, f: FormItem) -> None:
        """A PDF page (an ad) as a form XObject, its box scaled whole into the item's rect."""
        from layout.makeup.adblock import fit_whole
        from layout.render.pdfform import form_name

        self.end_text()
        self.fill = None
        self.tf = None
        self.set_overprint(False)     # the ad's own drawing decides; white in it must knock out
        name, (x0, y0, x1, y1) = form_name(self.c._doc, f.path)
        r = fit_whole(x1 - x0, y1 - y0, f.rect)
        s = r.w / (x1 - x0)
        c = self.c
        c.saveState()
        c.transform(s, 0, 0, s, self.px(r.x) - s * x0, self.py(r.bottom) - s * y0)
        c.doForm(name)
        c.restoreState()

    def qr(self, q: QRItem) -> None:
        rows = q.modules
        if not rows or not rows[0]:
            return
        self.end_text()
        self.fill = None
        col = self.color(q.color)
        self.set_overprint(False)      # a code must knock out what lies under it
        self.c.setFillColor(ink(col))
        mw = q.rect.w / len(rows[0])
        mh = q.rect.h / len(rows)
        path = self.c.beginPath()
        for j, row in enumerate(rows):
            for start, end in dark_runs(row):
                path.rect(self.px(q.rect.x + start * mw), self.py(q.rect.y + (j + 1) * mh),
                          (end - start) * mw, mh)
        self.c.drawPath(path, stroke=0, fill=1)


def bleed_rect(r: Rect, size: tuple[float, float], bleed: float) -> Rect:
    """`r` with every edge that touches the trim (page `size`) pushed out by `bleed`."""
    if bleed <= 0:
        return r
    w, h = size
    x0 = r.x - bleed if r.x <= TOUCH_PT else r.x
    y0 = r.y - bleed if r.y <= TOUCH_PT else r.y
    x1 = r.right + bleed if r.right >= w - TOUCH_PT else r.right
    y1 = r.bottom + bleed if r.bottom >= h - TOUCH_PT else r.bottom
    return Rect(x0, y0, x1 - x0, y1 - y0)


def bleed_rule(r: RuleItem, size: tuple[float, float], bleed: float):
    """End points of a horizontal or vertical rule, ends at the trim pushed out by `bleed`."""
    x1, y1, x2, y2 = r.x1, r.y1, r.x2, r.y2
    if bleed <= 0 or (x1 != x2 and y1 != y2):
        return x1, y1, x2, y2
    w, h = size

    def out(v, limit):
        return v - bleed if v <= TOUCH_PT else (v + bleed if v >= limit - TOUCH_PT else v)

    if y1 == y2:
        return out(x1, w), y1, out(x2, w), y2
    return x1, out(y1, h), x2, out(y2, h)


def dark_runs(row) -> list[tuple[int, int]]:
    """[start, end) of each run of dark modules in a QR row."""
    runs, start = [], None
    for i, dark in enumerate(row):
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(row)))
    return runs


def paint_page(canvas, page: PageLayout, colors: dict, font_names: dict[str, str],
               origin: tuple[float, float] | None = None, bleed: float = 0.0) -> None:
    """Draw every item of `page`; `origin` = PDF point of the trim's top-left
    (default: MediaBox = trim, i.e. (0, page.height)); `bleed` (pt) is how far
    background touching the trim is extended past it."""
    painter = _Painter(canvas, colors, font_names,
                       origin if origin is not None else (0.0, page.height), page, bleed)
    canvas.saveState()
    for item in page.items:
        if isinstance(item, TextRun):
            painter.text(item)
        elif isinstance(item, RuleItem):
            painter.rule(item)
        elif isinstance(item, BoxItem):
            painter.box(item)
        elif isinstance(item, ImageItem):
            painter.image(item)
        elif isinstance(item, QRItem):
            painter.qr(item)
        elif isinstance(item, FormItem):
            painter.form(item)
        else:
            raise TypeError(f"cannot paint {type(item).__name__}")
    painter.end_text()
    canvas.restoreState()


__all__ = ["paint_page", "ink", "is_plain_black", "dark_runs", "bleed_rect", "bleed_rule"]
