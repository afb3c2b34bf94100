"""A photo narrower than its block, read back from the built PDF (PDFium): every glyph of
the story inside its frame and none on the picture, every paragraph printed whole."""
import re

import pypdfium2 as pdfium
import pytest
from fixtures.pdfglyphs import read_glyphs
from fixtures.photo_beside import photo_beside_edition

from layout.cli import main
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import ImageItem

WS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    fonts = FontSet.load()
    root = tmp_path_factory.mktemp("beside-pdf")
    folder, edition, _ = photo_beside_edition(root, fonts)
    page = make_up(edition, fonts).pages[1]
    frame = next(f for f in page.frames if f.id == "spring")
    photo = next(it for it in page.items if isinstance(it, ImageItem) and frame.rect.contains(it.rect, eps=0.5))
    out = root / "out"
    assert main(["build", str(folder), "-o", str(out), "--quiet"]) == 0
    pdf = next(out.rglob("*-p2.pdf"))
    return edition, frame.rect, photo.rect, pdf


def test_glyphs_of_the_story_inside_its_frame_and_off_the_picture(built):
    _, frame, photo, pdf = built
    glyphs = [g for g in read_glyphs(pdf)[0]
              if frame.x - 1 <= (g.left + g.right) / 2 <= frame.right + 1 and frame.y - 1 <= g.base <= frame.bottom + 1]
    assert len(glyphs) > 500
    for g in glyphs:
        assert frame.x - 0.5 <= g.ink_left and g.ink_right <= frame.right + 0.5, g
        assert frame.y - 0.5 <= g.ink_top and g.ink_bottom <= frame.bottom + 0.5, g
        apart = (min(g.ink_right, photo.right) - max(g.ink_left, photo.x) <= 0
                 or min(g.ink_bottom, photo.bottom) - max(g.ink_top, photo.y) <= 0)
        assert apart, g


def test_every_paragraph_printed_whole(built):
    edition, _, _, pdf = built
    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = WS.sub("", doc[0].get_textpage().get_text_range())
    finally:
        doc.close()
    art = next(a for a in edition.pages[1].articles if a.id == "spring")
    for p in art.paragraphs:
        assert WS.sub("", p.text) in text, p.text[:20]
    assert WS.sub("", art.photo.caption) in text
