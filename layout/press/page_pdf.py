"""One page of a layout as PDF bytes, as its plate draws it (for a preview, which rasterises
it at once: layout.render.raster)."""
from __future__ import annotations

from contextlib import contextmanager, nullcontext

from layout.makeup.model import EditionLayout
from layout.press.write import chars_by_font, register_fonts, render_pdf


class _FastFlate:
    """reportlab's pdfdoc `zlib`, compressing at level 1: a preview's PDF lives only in
    memory on its way to PDFium, and level 6 on a photo's raw pixels costs ~30 ms."""

    def __init__(self, zlib_module):
        self._zlib = zlib_module

    def compress(self, data, level=1):
        return self._zlib.compress(data, 1)

    def __getattr__(self, name):
        return getattr(self._zlib, name)


@contextmanager
def _fast_flate():
    from reportlab.pdfbase import pdfdoc

    saved = pdfdoc.zlib
    pdfdoc.zlib = _FastFlate(saved)
    try:
        yield
    finally:
        pdfdoc.zlib = saved


def page_pdf(layout: EditionLayout, fonts, page_number: int, *, fast: bool = False) -> bytes:
    """The page as PDF bytes, as its plate draws it; `fast`: Flate at level 1 (same
    content, bigger streams), for a PDF that is rasterised at once."""
    pages = [p for p in layout.pages if p.number == page_number]
    if not pages:
        raise ValueError(f"no page {page_number} in the layout")
    names = register_fonts(fonts, chars_by_font(layout))
    with _fast_flate() if fast else nullcontext():
        return render_pdf(layout, pages, names, None, False, f"{layout.title} preview p{page_number}")
