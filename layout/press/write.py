"""Write an edition as press PDFs: the whole edition and one plate file per page.

Every file is rendered to bytes first, then written atomically (temp file in
the same folder, fsync, rename), so a failure never leaves a half file or
spoils a previous good one.  Same layout + same fonts → byte-identical files.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics

from layout.base.files import atomic_write
from layout.makeup.model import EditionLayout, PageLayout, TextRun
from layout.press.marks import draw_marks, marks_margin
from layout.press.xref import xref_table
from layout.press.pdfx import press_canvas
from layout.press.tounicode import EmbeddedFont
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
            font = EmbeddedFont(name, str(path))
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



def merge_plates(plates: list[bytes], subject: str) -> bytes:
    """One PDF of the plates' pages, each copied as it is (content, fonts, images, boxes).

    Drawing a page again for the edition file would cost as much as its plate
    (reportlab: text, image compression, font subsets); copying costs a tenth.
    The edition file is bigger for it: each page keeps its own font subsets.
    Catalog (output intent) and document info are the first plate's, with
    `subject`; the /ID is a digest of the plates, so the same plates give the
    same bytes.  The plates are reportlab's (classic xref table, direct stream
    lengths): objects are copied byte for byte, references renumbered outside
    stream data; anything else is refused.
    """
    parsed = [_objects(data) for data in plates]
    # 1 catalog, 2 page tree, 3 info, then every plate's other objects in order
    numbers: list[dict[int, int]] = []
    order: list[tuple[int, int]] = []          # (plate, old number) in output order
    kids: list[int] = []
    for k, (objs, root, info, pages, page_refs) in enumerate(parsed):
        new = {pages: 2}
        for old in objs:
            if old not in (root, info, pages):
                new[old] = 4 + len(order)
                order.append((k, old))
        numbers.append(new)
        kids += [new[r] for r in page_refs]
    objs, root, info, _, _ = parsed[0]
    bodies = [_renumber(objs[root], numbers[0]),
              b"<< /Count %d /Kids [ %s ] /Type /Pages >>" % (
                  len(kids), b" ".join(b"%d 0 R" % n for n in kids)),
              _with_subject(objs[info], subject)]
    bodies += [_renumber(parsed[k][0][old], numbers[k]) for k, old in order]
    out = bytearray(plates[0][:plates[0].index(b"\n%", 0, 64) + 1])   # %PDF-1.x line
    out += b"%\x93\x8c\x8b\x9e newsprint\n"            # binary-file marker comment
    offsets = []
    for n, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    digest = hashlib.md5(b"".join(plates)).hexdigest().encode("ascii")
    out += (b"trailer\n<< /ID [<%s><%s>] /Info 3 0 R /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (digest, digest, len(bodies) + 1, xref))
    return bytes(out)


_REF = re.compile(rb"(?<![\w.])(\d+) 0 R(?![\w])")
_STREAM = re.compile(rb">>\s*stream\r?\n")


def _objects(data: bytes):
    """A reportlab PDF's objects (number → bytes between `obj` and `endobj`), its catalog,
    info and page-tree numbers and its pages, in order."""
    table = xref_table(data)
    if table is None:
        raise ValueError("plate PDF has no classic xref table")
    entries, trailer, xref = table
    spans = sorted((off, n) for n, (off, _) in entries.items())
    objs: dict[int, bytes] = {}
    for i, (off, n) in enumerate(spans):
        end = spans[i + 1][0] if i + 1 < len(spans) else xref
        head = re.match(rb"(\d+) 0 obj\s*", data[off:off + 32])
        if head is None or int(head.group(1)) != n:
            raise ValueError(f"plate PDF object {n} is not where the xref says")
        body = data[off + head.end():data.rindex(b"endobj", off, end)].rstrip()
        objs[n] = body
    tail = data[trailer:data.rindex(b"startxref")]
    root, info = _key(rb"/Root (\d+) 0 R", tail), _key(rb"/Info (\d+) 0 R", tail)
    pages = _key(rb"/Pages (\d+) 0 R", objs.get(root, b""))
    kids = _key(rb"/Kids \[([^\]]*)\]", objs.get(pages, b""))
    return objs, root, info, pages, [int(r) for r in _REF.findall(kids)]


def _key(pattern: bytes, where: bytes):
    m = re.search(pattern, where)
    if m is None:
        raise ValueError(f"plate PDF lacks {pattern.split()[0].decode()}")
    return int(m.group(1)) if m.group(1).isdigit() else m.group(1)


def _renumber(body: bytes, new: dict[int, int]) -> bytes:
    """An object's references renumbered; a stream's data is left as it is."""
    m = _STREAM.search(body)
    if m is None:
        return _REF.sub(lambda r: b"%d 0 R" % new[int(r.group(1))], body)
    head = body[:m.start()]
    length = re.search(rb"/Length (\d+)\b", head)
    if length is None or len(body) - m.end() < int(length.group(1)) or not body.endswith(b"endstream"):
        raise ValueError("plate PDF stream without a direct /Length")
    return _REF.sub(lambda r: b"%d 0 R" % new[int(r.group(1))], head) + body[m.start():]


def _with_subject(info: bytes, subject: str) -> bytes:
    """An info dictionary with its /Subject (a literal or hex string) replaced: UTF-16BE hex."""
    value = b"<FEFF" + subject.encode("utf-16-be").hex().upper().encode("ascii") + b">"
    out, n = re.subn(rb"/Subject\s*(?:\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)",
                     lambda _: b"/Subject " + value, info, count=1, flags=re.S)
    if n != 1:
        raise ValueError("plate PDF info has no /Subject")
    return out


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
