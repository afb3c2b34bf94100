"""Render stage: what paint_page puts in the content stream of a reportlab canvas."""
from __future__ import annotations

import re
import zlib

import pypdfium2 as pdfium
import pytest
from hypothesis import given, strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.edition.model import Color
from layout.makeup.model import BoxItem, ImageItem, PageLayout, QRItem, Rect, RuleItem, TextRun
from layout.press.pdfx import cmyk_only
from fixtures.testsheet import COLORS, box_font, grey_photo
from layout.render import ink, paint_page
from layout.render.paint import dark_runs

CHARS = "报纸新闻ABC"


@pytest.fixture(scope="module")
def font_name(tmp_path_factory):
    path = box_font(tmp_path_factory.mktemp("font") / "box.ttf", CHARS)
    name = "test-render-box"
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def render(tmp_path, items, font_name, origin=None, w=200.0, h=300.0):
    """Paint one page on an uncompressed canvas; return (pdf path, page content text)."""
    page = PageLayout(number=1, width=w, height=h, items=tuple(items))
    out = tmp_path / "page.pdf"
    c = Canvas(str(out), pagesize=(w + 20, h + 20), pageCompression=0, invariant=1,
               enforceColorSpace=cmyk_only, initialFontName=font_name)
    paint_page(c, page, COLORS, {"song": font_name}, origin=origin)
    c.showPage()
    c.save()
    data = out.read_bytes().decode("latin1")
    streams = re.findall(r"stream\r?\n(.*?)endstream", data, re.S)
    content = next(s for s in streams if " cm" in s or "BT" in s or " re" in s or " l S" in s)
    return out, data, content


def test_text_run_positions_and_colour(tmp_path, font_name):
    # 报纸 at natural 10 pt advance share one Tj; 新 is pushed 3 pt right (justification).
    run = TextRun(x=20, baseline=50, font="song", size_pt=10, chars="报纸新闻",
                  xs=(0, 10, 23, 33))
    out, _, content = render(tmp_path, [run], font_name, origin=(10, 310))
    # y-down page → PDF: x = 10 + 20, y = 310 - 50
    assert "1 0 0 1 30 260 Tm /F1+0 10 Tf <0102> Tj 23 0 Td <0304> Tj" in content, content
    assert "0 0 0 1 k" in content
    assert " rg" not in content and " RG" not in content
    doc = pdfium.PdfDocument(str(out))
    text = doc[0].get_textpage().get_text_range()
    # pdfium may insert a space where the pen jumps; the glyphs are what counts
    assert re.sub(r"\s", "", text) == "报纸新闻"
    # the glyph of 新 starts 23 pt after 报
    tp = doc[0].get_textpage()
    x_bao = tp.get_charbox(text.index("报"))[0]
    x_xin = tp.get_charbox(text.index("新"))[0]
    assert x_xin - x_bao == pytest.approx(23, abs=0.2)


def test_black_text_overprints_colour_text_knocks_out(tmp_path, font_name):
    red = TextRun(x=0, baseline=20, font="song", size_pt=12, chars="报", xs=(0,),
                  color="red", overprint=True)
    black = TextRun(x=0, baseline=40, font="song", size_pt=12, chars="纸", xs=(0,))
    _, data, content = render(tmp_path, [red, black], font_name)
    # no overprint state before the red text, overprint on before the black text
    before_red = content[:content.index("0 1 1 0 k")]
    assert " gs" not in before_red
    between = content[content.index("0 1 1 0 k"):content.index("0 0 0 1 k")]
    names = re.findall(r"/(\w+) gs", between)
    states = {n: re.search(r"/%s\s*<<(.*?)>>" % n, data, re.S).group(1) for n in names}
    joined = " ".join(states.values())
    assert "/OP true" in joined and "/op true" in joined and "/OPM 1" in joined


def test_rules_boxes_tints_and_spot(tmp_path, font_name):
    items = [
        RuleItem(0, 10, 100, 10, 0.75),
        RuleItem(0, 20, 100, 20, 0.5, color="spot", dash=(2, 1)),
        BoxItem(Rect(10, 30, 50, 40), stroke="black", fill="red", tint=0.2),
        BoxItem(Rect(70, 30, 50, 40), fill="spot", tint=0.5),
        BoxItem(Rect(0, 0, 5, 5)),          # neither stroke nor fill: nothing drawn
    ]
    _, data, content = render(tmp_path, items, font_name, origin=(0, 300))
    assert "n 0 290 m 100 290 l S" in content
    assert "[2 1] 0 d" in content
    assert "0 .2 .2 0 k" in content                        # 20 % tint of 0/100/100/0
    # y: 300 - (30 + 40); the tint fill knocks out, then the black frame overprints on it
    fill, frame = content.index("n 10 230 50 40 re f"), content.index("n 10 230 50 40 re S")
    assert fill < frame
    assert "/Separation /PANTONE#20485#20C /DeviceCMYK" in data
    assert "cs .5 scn" in content and "CS 1 SCN" in content
    assert content.count(" re ") == 3


def test_qr_modules_merge_into_row_runs(tmp_path, font_name):
    modules = ((True, True, False, True),
               (False, False, False, False),
               (True, False, True, True))
    _, _, content = render(tmp_path, [QRItem(Rect(10, 10, 40, 30), modules)], font_name,
                           origin=(0, 300))
    rects = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re", content)
    assert sorted(rects) == sorted([("10", "280", "20", "10"), ("40", "280", "10", "10"),
                                    ("10", "260", "10", "10"), ("30", "260", "20", "10")])


@given(st.lists(st.booleans(), max_size=40))
def test_dark_runs_cover_exactly_the_dark_modules(row):
    covered = [False] * len(row)
    runs = dark_runs(row)
    for start, end in runs:
        assert start < end
        for i in range(start, end):
            covered[i] = True
    assert covered == list(row)
    # runs are maximal: never two touching runs
    assert all(a[1] < b[0] for a, b in zip(runs, runs[1:]))


def test_image_is_cropped_to_its_frame(tmp_path, font_name):
    from PIL import Image
    src = tmp_path / "wide.png"
    Image.new("L", (40, 10), 128).save(src)
    _, data, content = render(tmp_path, [ImageItem(str(src), Rect(0, 0, 10, 10), crop=(15, 0, 25, 10))],
                              font_name)
    assert "/Width 10" in data and "/Height 10" in data


def test_grey_image_is_drawn_in_devicegray(tmp_path, font_name):
    photo = grey_photo(tmp_path / "p.png")
    _, data, content = render(tmp_path, [ImageItem(str(photo), Rect(10, 20, 48, 32))],
                              font_name, origin=(0, 300))
    assert "48 0 0 32 10 248 cm" in content
    assert "/ColorSpace /DeviceGray" in data and "DeviceRGB" not in data


def test_rgb_image_is_set_in_grey_and_unknown_colour_is_refused(tmp_path, font_name):
    from PIL import Image
    rgb = tmp_path / "rgb.png"
    Image.new("RGB", (4, 4), (200, 10, 10)).save(rgb)
    _, data, _ = render(tmp_path, [ImageItem(str(rgb), Rect(0, 0, 4, 4))], font_name)
    assert "/ColorSpace /DeviceGray" in data and "DeviceRGB" not in data
    with pytest.raises(KeyError, match="mauve"):
        render(tmp_path, [RuleItem(0, 0, 1, 1, 1, color="mauve")], font_name)
    with pytest.raises(ValueError, match="positions"):
        render(tmp_path, [TextRun(0, 0, "song", 9, "报纸", (0,))], font_name)


def test_ink_scales_process_tints_and_keeps_spot_names():
    red = Color("red", 0, 1, 1, 0)
    tinted = ink(red, 0.3)
    assert (tinted.cyan, tinted.magenta, tinted.yellow, tinted.black) == (0, 0.3, 0.3, 0)
    assert tinted.alpha is None
    spot = ink(COLORS["spot"], 0.4)
    assert spot.spotName == "PANTONE 485 C" and spot.density == pytest.approx(0.4)
    with pytest.raises(ValueError, match="not CMYK"):
        cmyk_only((1, 0, 0))


def test_cmyk_jpeg_is_drawn_in_devicecmyk(tmp_path, font_name):
    from PIL import Image
    pic = tmp_path / "c.jpg"
    Image.new("CMYK", (16, 16), (10, 200, 30, 40)).save(pic)
    _, data, _ = render(tmp_path, [ImageItem(str(pic), Rect(0, 0, 16, 16))], font_name)
    assert "/ColorSpace /DeviceCMYK" in data and "/DCTDecode" in data


def test_only_solid_process_black_overprints():
    from layout.render import is_plain_black
    assert is_plain_black(COLORS["black"])
    assert not is_plain_black(COLORS["grey"])                   # a 50 % tint knocks out
    assert not is_plain_black(Color("rich", 0.5, 0.5, 0.5, 1))
    assert not is_plain_black(Color("spotblack", 0, 0, 0, 1, spot="Black Spot"))
    assert not is_plain_black(Color("paper", 0, 0, 0, 0))      # reversed (white) type


def test_overprint_does_not_leak_out_of_the_page(tmp_path, font_name):
    run = TextRun(x=0, baseline=20, font="song", size_pt=10, chars="报", xs=(0,))
    page = PageLayout(number=1, width=100, height=100, items=(run,))
    out = tmp_path / "leak.pdf"
    c = Canvas(str(out), pagesize=(100, 100), pageCompression=0, invariant=1,
               enforceColorSpace=cmyk_only, initialFontName=font_name)
    paint_page(c, page, COLORS, {"song": font_name})
    c.setFillColorCMYK(0, 0, 0, 1)
    c.rect(0, 0, 10, 10, fill=1, stroke=0)    # drawn after the page: knocks out
    c.showPage()
    c.save()
    content = [s for s in re.findall(r"stream\r?\n(.*?)endstream", out.read_bytes().decode("latin1"), re.S)
               if "BT" in s][0]
    # the page is bracketed by q … Q, so the overprint state ends with it
    assert content.index(" gs") < content.rindex("Q") < content.index("0 0 10 10 re")
