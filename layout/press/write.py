"""Write an edition as press PDFs: the whole edition and one plate file per page.

Every file is rendered to bytes first, then written atomically (temp file in
the same folder, fsync, rename), so a failure never leaves a half file or
spoils a previous good one.  Same layout + same fonts → byte-identical files.

A plate is a function of its page alone (its fonts are subset from that page's
characters), so a correction on page 1 leaves the bytes of pages 2-4 as they were.
Its /ID is a digest of its bytes and its revision (版本号, in the slug with marks
and in the manifest) a digest of what it prints (layout.press.manifest).
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
from layout.press.manifest import Plate, compare, read_manifest, write_manifest
from layout.press.marks import draw_marks, marks_margin
from layout.press.pdfx import OUTPUT_CONDITION, output_profile, press_canvas
from layout.press.xref import xref_table
from layout.press.tounicode import EmbeddedFont
from layout.render.paint import paint_page

# What the revision of a plate covers besides its page's drawing: bump it when the
# press writes the same page differently (another output intent, other boxes…).
PLATE_FORMAT = "newsprint plate 1"
REVISION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no I/O/0/1: read aloud on the phone
REVISION_CHARS = 8


@dataclass(frozen=True)
class PressResult:
    edition_pdf: Path                 # all pages
    page_pdfs: tuple[Path, ...]       # one plate per page, in page order
    plates: tuple[Plate, ...] = ()    # page, file, SHA-256, revision, changed since the last build
    manifest: Path | None = None      # <stem>-manifest.json: the plates of this build
    removed: tuple[int, ...] = ()     # pages the previous build in the folder had, this one has not

    @property
    def paths(self) -> tuple[Path, ...]:
        """The PDFs: the edition file, then the plates."""
        return (self.edition_pdf, *self.page_pdfs)

    @property
    def written(self) -> tuple[Path, ...]:
        """Every file written: the PDFs and the manifest."""
        return self.paths + ((self.manifest,) if self.manifest else ())


def slug_text(layout: EditionLayout, page: PageLayout, revision: str = "") -> str:
    tail = f"  rev {revision}" if revision else ""
    return f"{layout.paper_name}  {layout.date_iso}  第{page.number}版{tail}"


def chars_by_font(layout: EditionLayout, pages=None) -> dict[str, str]:
    """Sorted set of chars each font id has to set over `pages` (default: the whole edition)."""
    used: dict[str, set[str]] = {}
    for page in layout.pages if pages is None else pages:
        for item in page.items:
            if isinstance(item, TextRun):
                used.setdefault(item.font, set()).update(item.chars)
    return {fid: "".join(sorted(chars)) for fid, chars in sorted(used.items())}


def _slug_font(layout: EditionLayout, pages=None) -> str | None:
    """The font id that sets most glyphs of `pages` (default: all; ties: first by name);
    it also sets the slug line."""
    count: Counter = Counter()
    for page in layout.pages if pages is None else pages:
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
               marks: bool, subject: str, epoch: int | None = None) -> bytes:
    """PDF bytes of `pages` (fonts already registered: font id → PDF font name).

    slug_font: the font id setting the slug line when marks are drawn (None: no slug).
    epoch: SOURCE_DATE_EPOCH for the dates (None: the edition date).
    """
    return render_plate(layout, pages, font_names, slug_font, marks, subject, epoch)[0]


def render_plate(layout: EditionLayout, pages, font_names: dict[str, str], slug_font: str | None,
                 marks: bool, subject: str, epoch: int | None = None) -> tuple[bytes, tuple[str, ...]]:
    """render_pdf's bytes (with their content /ID) and each page's revision code."""
    with _binary_streams():
        data, revisions = _render_pages(layout, pages, font_names, slug_font, marks, subject, epoch)
    return with_content_id(data), revisions


def _render_pages(layout, pages, font_names, slug_font, marks, subject, epoch):
    bleed = layout.bleed_pt
    margin = marks_margin(bleed) if marks else bleed
    first = font_names[slug_font] if slug_font else None
    c = None
    revisions = []
    for page in pages:
        size = (page.width + 2 * margin, page.height + 2 * margin)
        if c is None:
            c = press_canvas(None, size, title=layout.title, author=layout.paper_name,
                             subject=subject, date_iso=layout.date_iso, initial_font=first,
                             epoch=epoch)
        c.setPageSize(size)
        trim = (margin, margin, margin + page.width, margin + page.height)
        c.setTrimBox(trim)
        bleed_box = (margin - bleed, margin - bleed, margin + page.width + bleed, margin + page.height + bleed)
        c.setBleedBox(bleed_box)
        paint_page(c, page, layout.colors, font_names, origin=(margin, margin + page.height),
                   bleed=bleed)
        revision = page_revision(c, (size, trim, bleed_box, marks, font_names,
                                     (layout.title, layout.paper_name, subject, layout.date_iso)))
        revisions.append(revision)
        if marks:
            draw_marks(c, trim, bleed, slug_text(layout, page, revision), first)
        c.showPage()
    return c.getpdfdata(), tuple(revisions)


def page_revision(c, settings) -> str:
    """A short code of what the page prints: its drawing so far (reportlab's operators
    for the page; fonts appear there by their PDF names, which carry a digest of the
    subset, photos by a digest of their pixels) and the settings that go with it
    (boxes, fonts, document info, output intent and profile, PLATE_FORMAT).  Not the
    dates: a plate rebuilt under another SOURCE_DATE_EPOCH prints the same."""
    h = hashlib.sha256()
    for part in (PLATE_FORMAT, OUTPUT_CONDITION, repr(settings)):
        h.update(part.encode("utf-8") + b"\0")
    h.update(hashlib.sha256(output_profile()).digest())
    h.update("\n".join(c._code).encode("utf-8"))      # reportlab keeps the page's operators there
    n = int.from_bytes(h.digest()[:8], "big")
    code = ""
    for _ in range(REVISION_CHARS):
        n, d = divmod(n, len(REVISION_ALPHABET))
        code += REVISION_ALPHABET[d]
    return code


_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


def with_content_id(data: bytes) -> bytes:
    """The PDF with its trailer /ID made a digest of its bytes (the /ID left blank): any
    change gives a new /ID, the same bytes the same one.  reportlab's invariant /ID is
    one value for every file."""
    found = list(_ID.finditer(data, data.rindex(b"trailer")))
    if len(found) != 1:
        raise ValueError("PDF trailer has no /ID of two 16-byte strings")
    m = found[0]
    blank = data[:m.start(1)] + b"0" * 32 + data[m.end(1):m.start(2)] + b"0" * 32 + data[m.end(2):]
    digest = hashlib.sha256(blank).hexdigest()[:32].encode("ascii")
    return data[:m.start(1)] + digest + data[m.end(1):m.start(2)] + digest + data[m.end(2):]



def merge_plates(plates: list[bytes], subject: str) -> bytes:
    """One PDF of the plates' pages, each copied as it is (content, fonts, images, boxes).

    Drawing a page again for the edition file would cost as much as its plate
    (reportlab: text, image compression, font subsets); copying costs a tenth.
    The edition file is bigger for it: each page keeps its own font subsets.
    Catalog (output intent) and document info are the first plate's, with
    `subject`; of the other plates only what their pages use is copied (not their
    catalogs' output profiles); the /ID is a digest of the plates, so the same
    plates give the same bytes.  The plates are reportlab's (classic xref table, direct stream
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
        starts = list(page_refs)
        if k == 0:                 # what the kept catalog and info use (the output profile)
            starts += [int(r) for n in (root, info) for r in _REF.findall(objs[n])]
        keep = _reachable(objs, starts, (root, info, pages))
        for old in objs:
            if old in keep:
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
    digest = hashlib.sha256(b"".join(plates)).hexdigest()[:32].encode("ascii")
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


def _reachable(objs: dict[int, bytes], starts, skip) -> set[int]:
    """Object numbers reachable from `starts` by references outside stream data, not
    passing through `skip` (a plate's catalog, info and page tree: made anew)."""
    seen: set[int] = set()
    todo = [n for n in starts if n not in skip]
    while todo:
        n = todo.pop()
        if n in seen or n not in objs:
            continue
        seen.add(n)
        body = objs[n]
        m = _STREAM.search(body)
        head = body if m is None else body[:m.start()]
        todo += [r for r in map(int, _REF.findall(head)) if r not in skip and r not in seen]
    return seen


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


def write_edition(layout: EditionLayout, fonts, out_dir: Path, *, marks: bool = False,
                  epoch: int | None = None) -> PressResult:
    """Write `<slug>-<date>.pdf`, `<slug>-<date>-p<N>.pdf` and `<slug>-<date>-manifest.json`
    into out_dir; the result says which plates changed since the manifest found there.

    `fonts` offers `subset_for_embedding(font_id, chars) -> Path` (layout.fonts.FontSet).
    `epoch`: SOURCE_DATE_EPOCH for the plates' dates (None: the edition date).
    """
    if not layout.pages:
        raise ValueError("edition has no pages")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{layout.paper_slug}-{layout.date_iso}"
    # Render everything before touching the folder: a failure writes nothing.
    # Each page is drawn once, into its plate; the edition file is made of the plates.
    plates = []
    for page in layout.pages:
        data, (revision,) = _plate(layout, page, fonts, marks, epoch)
        plates.append((page.number, out_dir / f"{stem}-p{page.number}.pdf", data, revision))
    edition = (out_dir / f"{stem}.pdf", merge_plates([p[2] for p in plates], layout.title))
    manifest_path = out_dir / f"{stem}-manifest.json"
    previous = read_manifest(manifest_path)
    entries = tuple(Plate(n, path.name, hashlib.sha256(data).hexdigest(), revision,
                          _pdf_id(data)) for n, path, data, revision in plates)
    entries, removed = compare(entries, previous)
    for path, data in (edition, *((p[1], p[2]) for p in plates)):
        atomic_write(path, data)
    write_manifest(manifest_path, layout, entries, edition[0].name,
                   hashlib.sha256(edition[1]).hexdigest())
    return PressResult(edition[0], tuple(p[1] for p in plates), entries, manifest_path, removed)


def _plate(layout: EditionLayout, page: PageLayout, fonts, marks: bool, epoch):
    """One page's plate bytes and revision: fonts subset from this page's characters only."""
    chars = chars_by_font(layout, (page,))
    slug_font = _slug_font(layout, (page,))
    if marks and slug_font:
        extra = slug_text(layout, page, "") + "  rev " + REVISION_ALPHABET
        chars[slug_font] = "".join(sorted(set(chars[slug_font]) | set(extra)))
    font_names = register_fonts(fonts, chars)
    return render_plate(layout, (page,), font_names, slug_font, marks,
                        f"{layout.title} 第{page.number}版", epoch)


def _pdf_id(data: bytes) -> str:
    m = _ID.search(data, data.rindex(b"trailer"))
    return m.group(1).decode("ascii").lower()
