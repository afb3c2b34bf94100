"""Every character extracts as itself: ToUnicode maps beyond the BMP (UTF-16 surrogate pairs),
read back by two independent readers (PDFium and pypdf)."""
from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from layout.fonts import FontSet
from layout.press.tounicode import to_unicode_cmap, utf16_hex
from layout.press.write import register_fonts

# rare name characters of CJK Extension B and later that the body face has, an Extension A
# one, common Han, Latin and a full-width mark: more than 256 codes would need a second subset
NAMES = "吉𠮷 王𫖯 李𬌗 周䶮 陈𬘡 张𫟦，ABC"
BODY = "noto-serif-sc-regular"


def test_utf16_hex():
    assert utf16_hex(0x4E2D) == "4E2D"
    assert utf16_hex(0x20BB7) == "D842DFB7"
    assert utf16_hex(0x10FFFF) == "DBFFDFFF"
    assert utf16_hex(0x10000) == "D800DC00"


def test_cmap_is_reportlabs_in_the_bmp_and_utf16_beyond():
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

    assert to_unicode_cmap("F", [32, 0x4E2D]) == makeToUnicodeCMap("F", [32, 0x4E2D])
    cmap = to_unicode_cmap("F", [32, 0x20BB7])
    assert "<01> <D842DFB7>" in cmap and "<20BB7>" not in cmap


@pytest.fixture(scope="module")
def pdf_bytes():
    fonts = FontSet.load()
    assert all(fonts.covers(BODY, ch) for ch in NAMES if not ch.isspace())
    names = register_fonts(fonts, {BODY: "".join(sorted(set(NAMES)))})
    out = io.BytesIO()
    c = Canvas(out, pagesize=(400, 100), invariant=1)
    c.setFont(names[BODY], 12)
    c.drawString(10, 50, NAMES)
    c.showPage()
    c.save()
    return out.getvalue()


def test_pdfium_extracts_characters_beyond_the_bmp(pdf_bytes):
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "".join(text.split()) == NAMES.replace(" ", "")


def test_pypdf_extracts_characters_beyond_the_bmp(pdf_bytes):
    text = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text()
    assert "".join(text.split()) == NAMES.replace(" ", "")
