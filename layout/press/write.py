"""Write an edition as press PDFs: the whole edition and one plate file per page.

Every file is rendered to bytes first, then written atomically (temp file in
the same folder, fsync, rename), so a failure never leaves a half file or
spoils a previous good one.  Same layout + same fonts → byte-identical files.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from layout.files import atomic_write
from layout.makeup.model import EditionLayout, PageLayout, TextRun
from layout.press.marks import draw_marks, marks_margin
from layout.press.pdfx import press_canvas
from layout.render.paint import paint_page


@dataclass(frozen=True)
class PressResult:
    edition_pdf: Path                 # all pages
    page_pdfs: tuple[Path, ...]       # one plate per page, in page order

    @property
    def paths(self) -> tuple[Path, ...]:
        return (self.edition_pdf, *self.page_pdfs)


def slug_text(layout: EditionLayout, page: PageLayout) -> str:
    return f"{layout.paper_name}  {layout.date_iso}  第{page.number}版"


def chars_by_font(layout: EditionLayout) -> dict[str, str]:
    """Sorted set of chars each font id has to set over the whole edition."""
    used: dict[str, set[str]] = {}
    for page in layout.pages:
        for item in page.items:
            if isinstance(item, TextRun):
                used.setdefault(item.font, set()).update(item.chars)
    return {fid: "".join(sorted(chars)) for fid, chars in sorted(used.items())}


def _slug_font(layout: EditionLayout) -> str | None:
    """The font id that sets most glyphs (ties: first by name); it also sets the slug line."""
    count: Counter = Counter()
    for page in layout.pages:
        for item in page.items:
            if isinstance(item, TextRun):
                count[item.font] += len(item.chars)
    if not count:
        return None
    return min(count, key=lambda fid: (-count[fid], fid))


def register_fonts(fonts, chars: dict[str, str]) -> dict[str, str]:
    """Embed-ready subsets registered with reportlab; returns font id → PDF font name.

    reportlab keeps one font per face name in a global table and silently
    hands back the first one registered, so two subsets of one face (two
    editions, or an edition and its marks) would share glyphs.  Name and face
    name therefore carry a digest of the subset bytes (deterministic).
    """
    names = {}
    for fid, text in chars.items():
        path = Path(fonts.subset_for_embedding(fid, text))
        digest = hashlib.sha1(path.read_bytes()).hexdigest()[:8]
        name = f"NP-{fid}-{digest}"
        if name not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(name, str(path))
            font.face.name = font.face.name + b"-" + digest.encode("ascii")
            pdfmetrics.registerFont(font)
        names[fid] = name
    return names


@contextmanager
def _binary_streams():
    """Streams Flate-compressed only: reportlab's default ASCII85 layer makes photos 25 % bigger."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def render_pdf(layout: EditionLayout, pages, font_names: dict[str, str], slug_font: str | None,
               marks: bool, subject: str) -> bytes:
    """PDF bytes of `pages` (fonts already registered: font id → PDF font name).

    slug_font: the font id setting the slug line when marks are drawn (None: no slug).
    """
    with _binary_streams():
        return _render_pages(layout, pages, font_names, slug_font, marks, subject)


def _render_pages(layout, pages, font_names, slug_font, marks, subject) -> bytes:
    bleed = layout.bleed_pt
    margin = marks_margin(bleed) if marks else bleed
    first = font_names[slug_font] if slug_font else None
    c = None
    for page in pages:
        size = (page.width + 2 * margin, page.height + 2 * margin)
        if c is None:
            c = press_canvas(None, size, title=layout.title, author=layout.paper_name,
                             subject=subject, date_iso=layout.date_iso, initial_font=first)
        c.setPageSize(size)
        trim = (margin, margin, margin + page.width, margin + page.height)
        c.setTrimBox(trim)
        c.setBleedBox((margin - bleed, margin - bleed,
                       margin + page.width + bleed, margin + page.height + bleed))
        paint_page(c, page, layout.colors, font_names, origin=(margin, margin + page.height),
                   bleed=bleed)
        if marks:
            draw_marks(c, trim, bleed, slug_text(layout, page), first)
        c.showPage()
    return c.getpdfdata()


_render = render_pdf      # the name press.preview first used


def merge_plates(plates: list[bytes], subject: str) -> bytes:
    """One PDF of the plates' pages, each copied as it is (content, fonts, images, boxes).

    Drawing a page again for the edition file would cost as much as its plate
    (reportlab: text, image compression, font subsets); copying costs a tenth.
    The edition file is bigger for it: each page keeps its own font subsets.
    Document info and output intent are the first plate's, with `subject`;
    the /ID is a digest of the plates, so the same plates give the same bytes.
    """
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

    writer = PdfWriter()
    readers = [PdfReader(io.BytesIO(data)) for data in plates]
    for reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    first = readers[0]
    info = {key: value for key, value in first.trailer["/Info"].get_object().items()}
    info["/Subject"] = TextStringObject(subject)
    writer.add_metadata(info)
    root = first.trailer["/Root"].get_object()
    if "/OutputIntents" in root:
        writer._root_object[NameObject("/OutputIntents")] = root["/OutputIntents"].clone(writer)
    digest = hashlib.md5(b"".join(plates)).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_edition(layout: EditionLayout, fonts, out_dir: Path, *, marks: bool = False) -> PressResult:
    """Write `<slug>-<date>.pdf` and `<slug>-<date>-p<N>.pdf` into out_dir.

    `fonts` offers `subset_for_embedding(font_id, chars) -> Path` (layout.fonts.FontSet).
    """
    if not layout.pages:
        raise ValueError("edition has no pages")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chars = chars_by_font(layout)
    slug_font = _slug_font(layout)
    if marks and slug_font:
        extra = "".join(slug_text(layout, p) for p in layout.pages)
        chars[slug_font] = "".join(sorted(set(chars[slug_font]) | set(extra)))
    font_names = register_fonts(fonts, chars)
    stem = f"{layout.paper_slug}-{layout.date_iso}"
    # Render everything before touching the folder: a failure writes nothing.
    # Each page is drawn once, into its plate; the edition file is made of the plates.
    plates = [(out_dir / f"{stem}-p{page.number}.pdf",
               render_pdf(layout, (page,), font_names, slug_font, marks,
                          f"{layout.title} 第{page.number}版"))
              for page in layout.pages]
    files = [(out_dir / f"{stem}.pdf", merge_plates([data for _, data in plates], layout.title)),
             *plates]
    for path, data in files:
        atomic_write(path, data)
    return PressResult(files[0][0], tuple(p for p, _ in files[1:]))
