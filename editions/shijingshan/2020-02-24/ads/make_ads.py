"""Draw the sample edition's advertisement: a one-page vector PDF in CMYK (reportlab), its
text in the shipped 黑体 (noto-sans-sc-bold, embedded), at the size booked on page 3:
4 columns (161.99 mm on 石景山报's grid) × 1 cm, a banner across the foot of the page.

Run from anywhere: `python3 make_ads.py`; `library.pdf` is written next to this file.
reportlab's invariant mode and the fixed font give the same bytes on every run.

- library.pdf   石景山区图书馆 线上借阅 (a public-service ad; invented for the sample)
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[3] / "fonts" / "noto-sans-sc-bold.ttf"
MM = 72 / 25.4
W, H = 161.99 * MM, 10 * MM          # 4 columns × 1 cm
RED = CMYKColor(0, 1, 0.85, 0.05)
BLUE = CMYKColor(1, 0.6, 0, 0.1)
PAPER = CMYKColor(0, 0.04, 0.12, 0)
BLACK = CMYKColor(0, 0, 0, 1)


def main() -> None:
    pdfmetrics.registerFont(TTFont("AdHei", str(FONT)))
    out = HERE / "library.pdf"
    c = canvas.Canvas(str(out), pagesize=(W, H), initialFontName="AdHei", invariant=1)
    c.setTitle("石景山区图书馆 线上借阅")
    c.setFillColor(PAPER)
    c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColor(BLUE)                       # the left panel: an open book, drawn in paths
    c.rect(0, 0, 16 * MM, H, stroke=0, fill=1)
    c.setFillColor(CMYKColor(0, 0, 0, 0))
    book = c.beginPath()
    book.moveTo(3 * MM, 2.5 * MM)
    book.curveTo(5 * MM, 3.5 * MM, 6.5 * MM, 3.5 * MM, 8 * MM, 2.8 * MM)
    book.curveTo(9.5 * MM, 3.5 * MM, 11 * MM, 3.5 * MM, 13 * MM, 2.5 * MM)
    book.lineTo(13 * MM, 7.5 * MM)
    book.curveTo(11 * MM, 8.5 * MM, 9.5 * MM, 8.5 * MM, 8 * MM, 7.8 * MM)
    book.curveTo(6.5 * MM, 8.5 * MM, 5 * MM, 8.5 * MM, 3 * MM, 7.5 * MM)
    book.close()
    c.drawPath(book, stroke=0, fill=1)
    c.setFillColor(RED)
    c.setFont("AdHei", 14)
    c.drawString(20 * MM, 3.2 * MM, "线上借阅 · 云端读书会")
    c.setFillColor(BLACK)                      # small 100 K text overprints, as the press asks
    c.setFillOverprint(True)
    c.setOverprintMask(1)
    c.setFont("AdHei", 8)
    c.drawString(84 * MM, 3.6 * MM, "石景山区图书馆  关注公众号，免费阅读电子图书")
    c.setFillOverprint(False)
    c.setStrokeColor(RED)
    c.setLineWidth(1)
    c.rect(0.5, 0.5, W - 1, H - 1, stroke=1, fill=0)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
