"""One page of a layout as PDF bytes, as its plate draws it (for a preview, which rasterises
it at once: layout.render.raster)."""
from __future__ import annotations

import os
from collections import OrderedDict
from contextlib import contextmanager, nullcontext

from layout.makeup.model import EditionLayout
from layout.press.write import chars_by_font, register_fonts, render_pdf


class _FastFlate:
    """reportlab's pdfdoc `zlib`, storing without compression (level 0): a preview's PDF
    lives only in memory on its way to PDFium, and level 6 on a photo's raw pixels costs
    ~30 ms (level 1 still ~7 ms a page more than storing)."""

    def __init__(self, zlib_module):
        self._zlib = zlib_module

    def compress(self, data, level=0):
        return self._zlib.compress(data, 0)

    def __getattr__(self, name):
        return getattr(self._zlib, name)


class _KeptImages:
    """reportlab's PDFImageXObject of a picture, kept between previews (keyed by its file's
    path, size and modification time, or the `kept_key` of a picture layout.render.paint
    prepared): a photo is decoded and compressed once, not on every redraw of its page.
    The object's stream is the same bytes either way."""

    SIZE = 32

    def __init__(self):
        self._kept: OrderedDict = OrderedDict()

    def factory(self, original):
        def make(name, source=None, mask=None):
            key = _file_key(source, mask)
            fields = self._kept.get(key) if key else None
            if fields is not None:
                self._kept.move_to_end(key)
                obj = original.__new__(original)
                obj.__dict__.update(fields)
                return obj
            obj = original(name, source, mask=mask)
            if key and not hasattr(obj, "_smask"):
                self._kept[key] = dict(obj.__dict__)
                if len(self._kept) > self.SIZE:
                    self._kept.popitem(last=False)
            return obj
        return make


def _file_key(source, mask):
    kept = getattr(source, "kept_key", None)
    if kept is not None:
        return kept + (repr(mask),)
    if not isinstance(source, str):
        return None
    try:
        st = os.stat(source)
    except OSError:
        return None
    return (source, st.st_size, st.st_mtime_ns, repr(mask))


KEPT_IMAGES = _KeptImages()


@contextmanager
def _fast_flate():
    """Streams stored and pictures kept (paint.PICTURES, _KeptImages), while one preview
    PDF is made."""
    from reportlab.pdfbase import pdfdoc

    from layout.render.paint import PICTURES

    saved, saved_image = pdfdoc.zlib, pdfdoc.PDFImageXObject
    pdfdoc.zlib = _FastFlate(saved)
    pdfdoc.PDFImageXObject = KEPT_IMAGES.factory(saved_image)
    PICTURES.keep = True
    try:
        yield
    finally:
        pdfdoc.zlib, pdfdoc.PDFImageXObject = saved, saved_image
        PICTURES.keep = False


def page_pdf(layout: EditionLayout, fonts, page_number: int, *, fast: bool = False) -> bytes:
    """The page as PDF bytes, as its plate draws it; `fast`: streams stored, not compressed
    (same content, bigger file) and pictures compressed once per file, for a PDF that is
    rasterised at once."""
    pages = [p for p in layout.pages if p.number == page_number]
    if not pages:
        raise ValueError(f"no page {page_number} in the layout")
    names = register_fonts(fonts, chars_by_font(layout))
    with _fast_flate() if fast else nullcontext():
        return render_pdf(layout, pages, names, None, False, f"{layout.title} preview p{page_number}")
