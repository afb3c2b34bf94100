"""A tiny self-contained edition (测试版) for smoke-testing render and press.

It needs no system font: `box_font` builds a small TrueType font whose glyphs
are simple boxes, so the press stage can be exercised on any machine, and
`BoxFonts` offers the one method of `layout.fonts.FontSet` that press uses.
"""
from __future__ import annotations

from pathlib import Path

import segno
from PIL import Image

from layout.edition.model import Color
from layout.makeup.model import (BoxItem, EditionLayout, ImageItem, PageLayout, QRItem,
                                 Rect, RuleItem, TextRun)

_UPEM = 1000


def _glyph(code: int, wide: bool):
    """Outline of one char: a frame with a bar whose height depends on the code point."""
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    pen = TTGlyphPen(None)
    w = 1000 if wide else 500
    x0, x1, y0, y1 = 80, w - 80, -80, 800
    for pts in (((x0, y0), (x0, y1), (x1, y1), (x1, y0)),                 # outer, clockwise
                ((x0 + 60, y0 + 60), (x1 - 60, y0 + 60), (x1 - 60, y1 - 60), (x0 + 60, y1 - 60))):
        pen.moveTo(pts[0])
        for p in pts[1:]:
            pen.lineTo(p)
        pen.closePath()
    bar = y0 + 100 + (code * 37) % (y1 - y0 - 250)
    pen.moveTo((x0 + 60, bar))
    pen.lineTo((x0 + 60, bar + 60))
    pen.lineTo((x1 - 60, bar + 60))
    pen.lineTo((x1 - 60, bar))
    pen.closePath()
    return pen.glyph(), w


def box_font(path: Path, chars: str, family: str = "NewsprintBox") -> Path:
    """Write a TrueType font covering `chars` (CJK 1 em wide, others ½ em); deterministic bytes."""
    from fontTools.fontBuilder import FontBuilder
    chars = "".join(sorted(set(chars) - {" "}))
    order = [".notdef", "space"] + [f"u{ord(ch):04X}" for ch in chars]
    glyphs, metrics = {}, {}
    notdef, _ = _glyph(0, False)
    glyphs[".notdef"], metrics[".notdef"] = notdef, (500, 80)
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    glyphs["space"], metrics["space"] = TTGlyphPen(None).glyph(), (500, 0)
    for ch in chars:
        g, w = _glyph(ord(ch), ord(ch) > 0x2E7F)
        glyphs[f"u{ord(ch):04X}"], metrics[f"u{ord(ch):04X}"] = g, (w, 80)
    fb = FontBuilder(_UPEM, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({**{ord(ch): f"u{ord(ch):04X}" for ch in chars}, 32: "space"})
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.font["head"].created = fb.font["head"].modified = 0   # no clock in the bytes
    path = Path(path)
    fb.save(str(path))
    return path


class BoxFonts:
    """Stands in for FontSet: every font id maps to a box font with the asked chars."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def subset_for_embedding(self, font_id: str, chars) -> Path:
        chars = "".join(sorted(set(chars)))
        return box_font(self.folder / f"box-{font_id}.ttf", chars, family=f"Box{font_id.title()}")


def grey_photo(path: Path, w: int = 48, h: int = 32) -> Path:
    """A greyscale gradient picture, as the image preparer would leave it."""
    im = Image.new("L", (w, h))
    im.putdata([(x * 255 // w + y * 3) % 256 for y in range(h) for x in range(w)])
    im.save(path)
    return Path(path)


COLORS = {
    "black": Color("black", 0, 0, 0, 1),
    "red": Color("red", 0, 1, 1, 0),
    "grey": Color("grey", 0, 0, 0, 0.5),
    "spot": Color("spot", 0, 0.9, 0.8, 0, spot="PANTONE 485 C"),
}


def sample_layout(folder: Path, date_iso: str = "2024-03-08") -> EditionLayout:
    """One 报纸 page with each kind of item: text, rule, box, image, QR code."""
    photo = grey_photo(Path(folder) / "photo.png")
    head = "石景山报新闻"
    body = "本报讯 ABC"
    qr = tuple(tuple(bool(v) for v in row)
               for row in segno.make("https://example.org/newsprint", micro=False).matrix)
    items = (
        TextRun(x=40, baseline=80, font="hei", size_pt=24, chars=head,
                xs=tuple(i * 26.0 for i in range(len(head))), color="red", overprint=False),
        TextRun(x=40, baseline=120, font="song", size_pt=9.5, chars=body,
                xs=(0, 9.5, 19, 28.5, 33.25, 38.0, 42.75)),
        RuleItem(40, 130, 300, 130, 0.75),
        RuleItem(40, 134, 300, 134, 0.5, color="spot", dash=(2, 1)),
        BoxItem(Rect(40, 140, 120, 60), stroke="black", fill="red", tint=0.2),
        BoxItem(Rect(170, 140, 60, 60), fill="spot", tint=0.5),
        ImageItem(str(photo), Rect(40, 210, 96, 64)),
        QRItem(Rect(200, 210, 42, 42), qr),
    )
    page = PageLayout(number=1, width=340.0, height=480.0, items=items)
    return EditionLayout(paper_name="石景山报", paper_slug="test", date_iso=date_iso,
                         title=f"石景山报 {date_iso}", bleed_pt=8.5, pages=(page,),
                         colors=dict(COLORS))


def boxed_pdf(path: Path, draw, *, size=(300.0, 400.0), bleed: float = 9.0, boxes: bool = True,
              font: str | None = None, compress: int = 1) -> Path:
    """A one-page PDF drawn by `draw(canvas)` on a trim of `size` plus bleed, with
    TrimBox and BleedBox unless boxes=False (for preflight tests)."""
    from reportlab.pdfgen.canvas import Canvas
    w, h = size
    kw = {"initialFontName": font} if font else {}
    c = Canvas(str(path), pagesize=(w + 2 * bleed, h + 2 * bleed), invariant=1,
               pageCompression=compress, **kw)
    if boxes:
        c.setTrimBox((bleed, bleed, bleed + w, bleed + h))
        c.setBleedBox((0, 0, w + 2 * bleed, h + 2 * bleed))
    draw(c)
    c.showPage()
    c.save()
    return Path(path)
