"""Render stage, text: the operators paint_page writes for text runs, read back as glyphs."""
from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from hypothesis import given, strategies as st
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.makeup.model import BoxItem, PageLayout, Rect, TextRun
from layout.press.pdfx import cmyk_only
from fixtures.testsheet import COLORS, box_font
from layout.render import paint_page
from layout.render.numbers import fp_str as fast_fp_str

# 300 ideographs (more than one 256-code subset) and a few narrow Latin letters
HAN = "".join(chr(0x4E00 + i) for i in range(300))
LATIN = "ABCxyz"
W, H = 600.0, 400.0


@pytest.fixture(scope="module")
def font_name(tmp_path_factory):
    # its own family: reportlab hands a registered face to any later font of the same name
    path = box_font(tmp_path_factory.mktemp("font") / "many.ttf", HAN + LATIN, family="NewsprintMany")
    name = "test-render-text-many"
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def render(tmp_path, items, font_name):
    """The page painted on an uncompressed canvas (MediaBox = trim): (pdf path, content)."""
    out = tmp_path / "text.pdf"
    c = Canvas(str(out), pagesize=(W, H), pageCompression=0, invariant=1,
               enforceColorSpace=cmyk_only, initialFontName=font_name)
    paint_page(c, PageLayout(number=1, width=W, height=H, items=tuple(items)), COLORS,
               {"song": font_name})
    c.showPage()
    c.save()
    data = out.read_bytes().decode("latin1")
    content = next(s for s in re.findall(r"stream\r?\n(.*?)endstream", data, re.S) if "BT" in s)
    return out, content


def glyphs(path):
    """(char, x, y) of every glyph PDFium reads, y down from the page top, in drawing order."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        tp = pdf[0].get_textpage()
        x, y = ctypes.c_double(), ctypes.c_double()
        out = []
        for i in range(tp.count_chars()):
            if pdfium_raw.FPDFText_IsGenerated(tp.raw, i) == 1:
                continue
            pdfium_raw.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(x), ctypes.byref(y))
            out.append((tp.get_text_range(i, 1), x.value, H - y.value))
        return out
    finally:
        pdf.close()


def expected(runs):
    return [(ch, r.x + x, r.baseline - r.rise) for r in runs for ch, x in zip(r.chars, r.xs)]


def natural(chars, size, start=0.0, track=0.0):
    """Pens of `chars` at their natural advance (CJK 1 em, Latin ½ em) plus `track` each."""
    xs, pen = [], start
    for ch in chars:
        xs.append(pen)
        pen += size * (1.0 if ch in HAN else 0.5) + track
    return tuple(xs)


def test_every_glyph_lands_where_the_layout_puts_it(tmp_path, font_name):
    justified = natural(HAN[:20], 10)
    justified = tuple(x + (1.7 if i >= 7 else 0) + (0.9 if i >= 13 else 0)
                      for i, x in enumerate(justified))
    runs = [
        TextRun(10, 30, "song", 10, HAN[:20], justified, "black"),            # two pen jumps
        TextRun(10, 50, "song", 9, HAN[20:40], natural(HAN[20:40], 9, track=0.45), "black"),
        # 300 distinct chars in one run: codes in two subsets, a font switch mid-run
        TextRun(10, 70, "song", 1.5, HAN, natural(HAN, 1.5, track=0.2), "black"),
        TextRun(10, 90, "song", 12, "A" + HAN[280:290] + "xyz",
                natural("A" + HAN[280:290] + "xyz", 12), "red"),
        TextRun(10, 110, "song", 9, HAN[5:7], (0.0, 9.0), "black", hscale=1.25, rise=1.0),
        TextRun(10, 130, "song", 9, HAN[5:9], natural(HAN[5:9], 9), "black"),   # Tz, Ts reset
    ]
    out, _ = render(tmp_path, runs, font_name)
    got = glyphs(out)
    want = expected(runs)
    assert "".join(g[0] for g in got) == "".join(w[0] for w in want)
    for (ch, x, y), (_, ex, ey) in zip(got, want):
        assert x == pytest.approx(ex, abs=0.01) and y == pytest.approx(ey, abs=0.01), ch


def test_pens_within_the_tolerance_share_one_string(tmp_path, font_name):
    xs = natural(HAN[:4], 10)
    run = TextRun(0, 20, "song", 10, HAN[:4], (xs[0], xs[1] + 0.004, xs[2], xs[3] + 0.006), "black")
    _, content = render(tmp_path, [run], font_name)
    # 0.004 pt off the natural pen: same Tj; 0.006 pt off: a Td of its own
    assert re.search(r"<010203> Tj 30\.006 0 Td <04> Tj", content), content


def test_text_state_is_written_only_when_it_changes(tmp_path, font_name):
    line = natural(HAN[:3], 10)
    runs = [TextRun(10, 20 + 15 * i, "song", 10, HAN[:3], line, "black") for i in range(3)]
    squeezed = TextRun(10, 80, "song", 10, HAN[:2], (0.0, 10.0), "black", hscale=0.8)
    box = BoxItem(Rect(10, 100, 50, 20), fill="red")
    after = TextRun(10, 140, "song", 10, HAN[:3], line, "black")
    _, content = render(tmp_path, [*runs, squeezed, box, after], font_name)
    text = content[content.index("BT"):]
    # three runs, one text object, one colour, one font; the box closes the text object
    assert content.count("BT") == content.count("ET") == 2
    assert text.index("ET") < text.index(" re ")
    assert text.count(" Tf") == 1          # same subset and size all along (text state outlives ET)
    assert text.count("0 0 0 1 k") == 2    # black again after the red box fill
    assert "80 Tz <01> Tj 10 0 Td <02> Tj" in text          # 8 pt natural, 10 pt apart
    assert text.index("0 1 1 0 k") < text.rindex("100 Tz") # back to 100 % for the next run
    assert " TL" not in text               # no leading: lines are placed by Tm


def test_colour_is_set_again_after_a_box_changed_the_fill(tmp_path, font_name):
    first = TextRun(10, 30, "song", 20, HAN[:1], (0.0,), "black")
    box = BoxItem(Rect(100, 10, 20, 20), fill="red")
    second = TextRun(200, 30, "song", 20, HAN[:1], (0.0,), "black")
    out, _ = render(tmp_path, [first, box, second], font_name)
    pdf = pdfium.PdfDocument(str(out))
    try:
        img = pdf[0].render(scale=1).to_pil().convert("RGB")
    finally:
        pdf.close()
    ink = [img.getpixel((x, y)) for x in range(200, 220) for y in range(12, 30)]
    assert max(min(ink, key=sum)) < 80                     # black, not red


@given(st.one_of(st.floats(min_value=-1e7, max_value=1e7, allow_nan=False),
                 st.integers(min_value=-10**6, max_value=10**6).map(lambda n: n / 1000),
                 st.integers(min_value=-10**6, max_value=10**6)))
def test_numbers_are_written_as_reportlab_writes_them(v):
    assert fast_fp_str(v) == fp_str(v)
    assert fast_fp_str(v) == fp_str(v)     # and again from the kept values
