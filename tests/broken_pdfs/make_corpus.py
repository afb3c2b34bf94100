#!/usr/bin/env python3
"""Make the corpus of broken PDFs (tests/broken_pdfs/*.pdf): a good plate and, for each
rule of `newsprint preflight`, files that break that rule and no other.

    python tests/broken_pdfs/make_corpus.py            # writes the files beside this script

Every file starts from the same good plate, drawn with reportlab and finished with the
plates' own PDF/X-1a identification and output intent (layout.press.pdfx): 100 K text
and rules overprinting, a red headline, a 300 ppi grey photo, an embedded font subset.
A file then differs from it by one thing, made either by drawing (knocked-out black,
small colour text, a 72 ppi photo, …) or by changing objects of the good file: bytes
replaced in place where the length stays (header, a key), otherwise an incremental
update (new objects and an xref section with /Prev appended, as editors save a PDF).
tests/preflight/test_broken_pdfs.py checks that each fails exactly its rule, and `.ci/run` runs
qpdf --check on them (every file is a well-formed PDF: only the rule is broken).
"""
from __future__ import annotations

import io
import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
W, H, BLEED = 300.0, 400.0, 9.0
TEXT = "报纸新闻ABC"

# file name → the one rule it breaks (None: the good plate)
CORPUS: dict[str, str | None] = {}


def _font() -> str:
    """An embedded subset of a shipped face, registered with reportlab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from layout.fonts import FontSet

    name = "corpus-song"
    if name not in pdfmetrics.getRegisteredFontNames():
        path = FontSet.load().subset_for_embedding("noto-serif-sc-regular", TEXT)
        font = TTFont(name, str(path))
        font.face.name += b"-corpus"       # reportlab shares faces by name: keep this subset apart
        pdfmetrics.registerFont(font)
    return name


def _photo(px: int):
    """A grey gradient photo of px × px pixels."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    im = Image.new("L", (px, px))
    im.putdata([(x * 200 // px + y * 50 // px) for y in range(px) for x in range(px)])
    return ImageReader(im)


def draw_plate(*, black_op=True, black_opm=1, extra=None, photo_px=250, red_size=14.0, forms=0) -> bytes:
    """The good plate's bytes; the keyword arguments break one thing each."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    from layout.press.pdfx import PDF_VERSION, cmyk_only, pdfx_finish

    saved, rl_config.useA85 = rl_config.useA85, 0        # binary streams, as the plates have
    try:
        return _draw(black_op, black_opm, extra, photo_px, red_size, forms)
    finally:
        rl_config.useA85 = saved


def _draw(black_op, black_opm, extra, photo_px, red_size, forms) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from layout.press.pdfx import PDF_VERSION, cmyk_only, pdfx_finish

    out = io.BytesIO()
    font = _font()
    c = Canvas(out, pagesize=(W + 2 * BLEED, H + 2 * BLEED), invariant=1, pdfVersion=PDF_VERSION,
               enforceColorSpace=cmyk_only, pageCompression=1, initialFontName=font)
    pdfx_finish(c, title="broken-pdf corpus", author="newsprint", subject="preflight test",
                date_iso="2024-03-08")
    c.setTrimBox((BLEED, BLEED, BLEED + W, BLEED + H))
    c.setBleedBox((0, 0, W + 2 * BLEED, H + 2 * BLEED))
    # a red headline (two inks, large enough)
    c.setFillColorCMYK(0, 1, 1, 0)
    c.setFont(font, red_size)
    c.drawString(40, 360, TEXT)
    # 100 K text and a 0.5 pt 100 K rule, overprinting with OPM 1
    c.saveState()
    c.setFillOverprint(black_op)
    c.setStrokeOverprint(black_op)
    c.setOverprintMask(black_opm)
    c.setFillColorCMYK(0, 0, 0, 1)
    c.setStrokeColorCMYK(0, 0, 0, 1)
    c.setFont(font, 10)
    c.drawString(40, 330, TEXT)
    c.setLineWidth(0.5)
    c.line(40, 320, 260, 320)
    c.restoreState()
    # a grey photo 72 pt square: photo_px ppi
    c.drawImage(_photo(photo_px), 40, 220, 72, 72)
    if forms:
        _fan_out(c, forms)
    if extra is not None:
        extra(c, font)
    c.showPage()
    c.save()
    return out.getvalue()


def _fan_out(c, depth: int) -> None:
    """Forms that each draw the one below ten times: 10**depth draws of a tiny rule."""
    c.beginForm("fan0")
    c.setStrokeColorCMYK(0, 0, 0, 0.5)
    c.line(0, 0, 1, 0)
    c.endForm()
    for i in range(1, depth + 1):
        c.beginForm(f"fan{i}")
        for _ in range(10):
            c.doForm(f"fan{i - 1}")
        c.endForm()
    c.doForm(f"fan{depth}")


# ---------------------------------------------------------------- object-level changes

def _xref(data: bytes):
    from layout.press.xref import xref_table

    entries, trailer, start = xref_table(data)
    return entries, start


def _object(data: bytes, num: int) -> bytes:
    """Object num's body (between `obj` and `endobj`)."""
    entries, _ = _xref(data)
    off = entries[num][0]
    head = re.match(rb"\d+ 0 obj\s*", data[off:off + 32])
    return data[off + head.end():data.index(b"endobj", off)].rstrip()


def _find(data: bytes, pattern: bytes) -> int:
    """The number of the (only) object whose body matches pattern."""
    entries, _ = _xref(data)
    found = [n for n in entries if re.search(pattern, _object(data, n), re.S)]
    if len(found) != 1:
        raise ValueError(f"{len(found)} objects match {pattern!r}")
    return found[0]


def update(data: bytes, changed: dict[int, bytes], added: list[bytes] = (), trailer_extra: bytes = b"") -> bytes:
    """An incremental update: objects `changed` (number → new body) and `added` (numbered
    after the last) appended with their xref section; the trailer keeps /Root, /Info, /ID."""
    entries, start = _xref(data)
    size = max(entries) + 1
    tail = data[data.rindex(b"trailer"):]
    keep = b" ".join(m.group(0) for m in re.finditer(rb"/(?:Root|Info) \d+ 0 R|/ID\s*\[[^\]]*\]", tail))
    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    objs = dict(changed)
    for i, body in enumerate(added):
        objs[size + i] = body
    offsets = {}
    for n, body in sorted(objs.items()):
        offsets[n] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n"
    for n in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (n, offsets[n])
    new_size = max(size, max(objs) + 1)
    out += (b"trailer\n<< /Size %d %s /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (new_size, keep, start, trailer_extra, xref))
    return bytes(out)


def next_number(data: bytes) -> int:
    return max(_xref(data)[0]) + 1


def in_place(data: bytes, old: bytes, new: bytes) -> bytes:
    """One occurrence of old replaced by new of the same length (offsets stay right)."""
    assert len(old) == len(new) and data.count(old) == 1, old
    return data.replace(old, new)


def lzw_encode(data: bytes) -> bytes:
    """LZW as PDF's LZWDecode reads it (EarlyChange 1, 9-12 bit codes, clear 256, EOD 257)."""
    table = {bytes((i,)): i for i in range(256)}
    codes, width, nxt, word = [256], 9, 258, b""
    out_bits: list[tuple[int, int]] = [(256, 9)]
    for byte in data:
        cand = word + bytes((byte,))
        if cand in table:
            word = cand
            continue
        out_bits.append((table[word], width))
        table[cand] = nxt
        nxt += 1
        if nxt + 1 > (1 << width) and width < 12:     # early change: widen one code early
            width += 1
        if nxt >= 4094:
            out_bits.append((256, width))
            table = {bytes((i,)): i for i in range(256)}
            nxt, width = 258, 9
        word = bytes((byte,))
    if word:
        out_bits.append((table[word], width))
    out_bits.append((257, width))
    del codes
    acc = n = 0
    out = bytearray()
    for code, w in out_bits:
        acc = (acc << w) | code
        n += w
        while n >= 8:
            n -= 8
            out.append((acc >> n) & 0xFF)
    if n:
        out.append((acc << (8 - n)) & 0xFF)
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


# ---------------------------------------------------------------- the corpus

def corpus() -> dict[str, tuple[str | None, bytes]]:
    """file name → (the rule it breaks, its bytes)."""
    good = draw_plate()
    files: dict[str, tuple[str | None, bytes]] = {"good-plate.pdf": (None, good)}

    def add(name, rule, data):
        files[name] = (rule, data)

    # overprint of 100 K and white
    add("black-text-knocks-out.pdf", "black-overprint", draw_plate(black_op=False))
    add("black-text-opm-0.pdf", "black-overprint", draw_plate(black_opm=0))

    def white_overprinting(c, font):
        c.saveState()
        c.setFillOverprint(True)
        c.setOverprintMask(1)
        c.setFillColorCMYK(0, 0, 0, 0)
        c.setFont(font, 14)
        c.drawString(40, 140, TEXT)
        c.restoreState()
    add("white-text-overprints.pdf", "white-knockout", draw_plate(extra=white_overprinting))

    # fonts by object: a second, non-embedded font with the embedded one's name
    page = _find(good, rb"/Type /Page\s")
    font_dict_num = _find(good, rb"\A<<\s*/F1\+0 \d+ 0 R\s*>>\Z")
    base = re.search(rb"/BaseFont /(\S+)", _object(good, _find(good, rb"/BaseFont"))).group(1)
    n = next_number(good)
    hidden = [b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 0 /LastChar 0 /Widths [ 1000 ] "
              b"/FontDescriptor %d 0 R >>" % (base, n + 1),
              b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [ 0 0 1000 1000 ] /ItalicAngle 0 "
              b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>" % base]
    fdict = _object(good, font_dict_num)
    add("font-not-embedded-behind-its-name.pdf", "fonts-embedded",
        update(good, {font_dict_num: fdict.replace(b">>", b" /F9 %d 0 R >>" % n, 1)}, hidden))

    # PDF/X identification
    add("pdf-1.4-for-x1a-2001.pdf", "pdfx-identification", in_place(good, b"%PDF-1.3", b"%PDF-1.4"))
    add("no-gts-pdfxversion.pdf", "pdfx-identification", in_place(good, b"/GTS_PDFXVersion", b"/GTS_PDFXVersiom"))
    add("no-title.pdf", "pdfx-identification", in_place(good, b"/Title", b"/Titlx"))
    add("no-id.pdf", "pdfx-identification", in_place(good, b"/ID ", b"/IX "))
    info = int(re.search(rb"/Info (\d+) 0 R", good[good.rindex(b"trailer"):]).group(1))
    add("trapped-unknown.pdf", "pdfx-identification",
        update(good, {info: _object(good, info).replace(b"/Trapped /False", b"/Trapped /Unknown")}))

    # output intent: Custom, neither profile nor Info
    catalog = _find(good, rb"/Type /Catalog")
    body = _object(good, catalog)
    custom = re.sub(rb"/OutputIntents \[.*?>> \]",
                    b"/OutputIntents [ << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (Custom) >> ]",
                    body, flags=re.S)
    add("custom-intent-no-profile.pdf", "output-intent", update(good, {catalog: custom}))

    # LZW: the page's content stream re-encoded with LZW
    contents = int(re.search(rb"/Contents (\d+) 0 R", _object(good, page)).group(1))
    raw = _object(good, contents)
    content = zlib.decompress(raw[raw.index(b"stream") + 7:raw.rindex(b"endstream")].strip(b"\r\n") + b"")
    add("lzw-content.pdf", "no-lzw", update(good, {contents: _stream(b"/Filter /LZWDecode", lzw_encode(content))}))

    # a printing annotation inside the trim
    n = next_number(good)
    annot = b"<< /Type /Annot /Subtype /Square /Rect [ 100 100 150 150 ] /F 4 /C [ 1 0 0 ] >>"
    add("printing-annotation.pdf", "no-printing-annotations",
        update(good, {page: _object(good, page).replace(b"/Type /Page", b"/Annots [ %d 0 R ] /Type /Page" % n, 1)},
               [annot]))

    # transfer function, halftone, black generation / undercolour removal in an ExtGState
    for name, key in (("transfer-function.pdf", b"/TR /Identity"),
                      ("halftone.pdf", b"/HT << /Type /Halftone /HalftoneType 1 /Frequency 85 /Angle 45 /SpotFunction /Round >>"),
                      ("black-generation-ucr.pdf", b"/BG << /FunctionType 2 /Domain [ 0 1 ] /C0 [ 0 ] /C1 [ 1 ] /N 1 >> "
                                                  b"/UCR << /FunctionType 2 /Domain [ 0 1 ] /C0 [ 0 ] /C1 [ 0 ] /N 1 >>")):
        add(name, "no-device-controls",
            update(good, {page: _object(good, page).replace(b"/OPM 1", b"/OPM 1 " + key, 1)}))

    # images: 72 ppi at the placed size (and 180 ppi: a warning only, not a failure)
    add("photo-72-ppi.pdf", "image-resolution", draw_plate(photo_px=72))

    # small colour and reverse text, a two-ink hairline
    def four_colour(c, font):
        c.setFillColorCMYK(0.6, 0.4, 0.4, 0.2)
        c.setFont(font, 7)
        c.drawString(40, 140, TEXT)
    add("four-colour-text-7pt.pdf", "colour-text-size", draw_plate(extra=four_colour))

    def reverse(c, font):
        c.setFillColorCMYK(0, 0, 0, 0)
        c.setFont(font, 7)
        c.drawString(40, 140, TEXT)
    add("reverse-text-7pt.pdf", "colour-text-size", draw_plate(extra=reverse))

    def hairline(c, font):
        c.setStrokeColorCMYK(0, 1, 1, 0)
        c.setLineWidth(0.5)
        c.line(40, 120, 260, 120)
    add("two-ink-hairline.pdf", "multi-ink-hairlines", draw_plate(extra=hairline))

    # bounded work: forms fanning out to 10**6 draws
    add("form-fan-out.pdf", "bounded-work", draw_plate(forms=6))
    return files


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else HERE
    folder.mkdir(parents=True, exist_ok=True)
    for name, (rule, data) in corpus().items():
        (folder / name).write_bytes(data)
        print(f"{name:40} {rule or '(passes every rule)'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main(sys.argv[1:]))
