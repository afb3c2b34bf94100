"""Preflight remembers a page's findings by everything they depend on: pages that could
differ never share a key, and every report is the one a fresh preflight (nothing
remembered) gives."""
from __future__ import annotations

import math

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from layout.press import write_edition
from layout.preflight import checks, preflight, scan
from fixtures.testsheet import BoxFonts, sample_layout

BOXES = b"/MediaBox [0 0 318 418] /TrimBox [9 9 309 409] /BleedBox [0 0 318 418]"


def raw_pdf(path, pages, extra=(), boxes=BOXES):
    """A PDF written byte by byte (so values are exactly as given): pages as (content
    stream, resources dictionary text); `extra` objects are numbered from 3 on."""
    objs = list(extra)
    first_page = 3 + len(objs)
    kids = []
    for content, resources in pages:
        n = 3 + len(objs)
        kids.append(f"{n} 0 R".encode())
        objs.append(b"<< /Type /Page /Parent 2 0 R " + boxes + b" /Resources " + resources
                    + b" /Contents " + str(n + 1).encode() + b" 0 R >>")
        objs.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
    assert first_page <= 3 + len(objs)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count " + str(len(kids)).encode() + b" >>"] + objs
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _rows(report):
    return [(c.name, c.passed, c.figure, c.message) for c in report.checks]


def _forget(monkeypatch):
    monkeypatch.setattr(checks, "_WALK_SEEN", {})
    monkeypatch.setattr(scan, "_INK_SEEN", {})


def remembered_equals_fresh(paths, monkeypatch):
    """Each file preflighted alone with nothing remembered, then all in a row (each
    meeting the pages remembered from the others), both orders: the same reports."""
    _forget(monkeypatch)
    fresh = []
    for p in paths:
        checks._WALK_SEEN.clear()
        scan._INK_SEEN.clear()
        fresh.append(_rows(preflight(p)))
    for order in (paths, paths[::-1]):
        checks._WALK_SEEN.clear()
        in_a_row = {p: _rows(preflight(p)) for p in order}
        assert [in_a_row[p] for p in paths] == fresh
    return fresh


def _check(rows, name):
    return next(r for r in rows if r[0] == name)


SQUARE = b"q 0 0 0 1 k 20 20 50 50 re f Q"


def test_an_alpha_a_hair_below_1_is_not_taken_for_1(tmp_path, monkeypatch):
    # pypdf prints both floats as 1: the key must hold values, not their repr
    content = b"/G1 gs " + SQUARE
    a = raw_pdf(tmp_path / "a.pdf", [(content, b"<< /ExtGState << /G1 << /ca 1.0 >> >> >>")])
    b = raw_pdf(tmp_path / "b.pdf", [(content, b"<< /ExtGState << /G1 << /ca 0.9999999999 >> >> >>")])
    ra, rb = remembered_equals_fresh([a, b], monkeypatch)
    assert _check(ra, "no-transparency")[1] and not _check(rb, "no-transparency")[1]


def test_a_colour_space_named_font_is_not_left_out(tmp_path, monkeypatch):
    # only a resource dictionary's own /Font entry is left out of the key
    content = b"/Font cs 0 0 0 sc 20 20 50 50 re f"
    a = raw_pdf(tmp_path / "a.pdf", [(content, b"<< /ColorSpace << /Font /DeviceRGB >> >>")])
    b = raw_pdf(tmp_path / "b.pdf", [(content, b"<< /ColorSpace << /Font /DeviceGray >> >>")])
    ra, rb = remembered_equals_fresh([a, b], monkeypatch)
    assert not _check(ra, "no-rgb")[1] and _check(rb, "no-rgb")[1]


def test_a_form_named_length_is_not_left_out(tmp_path, monkeypatch):
    # only a stream's own /Length is left out of the key
    def form(paint: bytes) -> bytes:
        return (b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Length " + str(len(paint)).encode()
                + b" >>\nstream\n" + paint + b"\nendstream")
    a = raw_pdf(tmp_path / "a.pdf", [(b"/Length Do", b"<< /XObject << /Length 3 0 R >> >>")],
                extra=[form(b"1 0 0 rg 0 0 10 10 re f")])
    b = raw_pdf(tmp_path / "b.pdf", [(b"/Length Do", b"<< /XObject << /Length 3 0 R >> >>")],
                extra=[form(b"0 0 0 1 k 0 0 10 10 re f")])
    ra, rb = remembered_equals_fresh([a, b], monkeypatch)
    assert not _check(ra, "no-rgb")[1] and _check(rb, "no-rgb")[1]


def test_images_that_differ_in_one_pixel_are_told_apart(tmp_path, monkeypatch):
    def image(pixels: bytes) -> bytes:
        return (b"<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /BitsPerComponent 8 "
                b"/ColorSpace /DeviceCMYK /Length 8 >>\nstream\n" + pixels + b"\nendstream")
    content = b"q 100 0 0 50 20 20 cm /Im1 Do Q"
    a = raw_pdf(tmp_path / "a.pdf", [(content, b"<< /XObject << /Im1 3 0 R >> >>")],
                extra=[image(b"\x00\x00\x00\xff\x00\x00\x00\x00")])
    b = raw_pdf(tmp_path / "b.pdf", [(content, b"<< /XObject << /Im1 3 0 R >> >>")],
                extra=[image(b"\x00\x00\x00\xff\xff\xff\xff\x00")])
    ra, rb = remembered_equals_fresh([a, b], monkeypatch)
    assert _check(ra, "ink-limit")[2].startswith("max 100 %")
    assert _check(rb, "ink-limit")[2].startswith("max 300 %")


def test_the_printed_area_is_part_of_the_key(tmp_path, monkeypatch):
    # the same small text, inside one file's bleed and outside the other's
    content = b"BT /F1 3 Tf 1 0 0 1 5 5 Tm (x) Tj ET"
    inside = raw_pdf(tmp_path / "in.pdf", [(content, b"<< >>")])
    outside = raw_pdf(tmp_path / "out.pdf", [(content, b"<< >>")],
                      boxes=b"/MediaBox [0 0 318 418] /TrimBox [19 19 309 409] /BleedBox [10 10 318 418]")
    ri, ro = remembered_equals_fresh([inside, outside], monkeypatch)
    assert _check(ri, "min-text-size")[2] == "smallest 3.00 pt"
    assert _check(ro, "min-text-size")[2] == "no text"


def test_pages_of_one_file_alike_but_for_their_resources(tmp_path, monkeypatch):
    content = b"/CS0 cs 1 sc 20 20 50 50 re f"
    pdf = raw_pdf(tmp_path / "two.pdf", [(content, b"<< /ColorSpace << /CS0 /DeviceGray >> >>"),
                                         (content, b"<< /ColorSpace << /CS0 /DeviceRGB >> >>"),
                                         (content, b"<< /ColorSpace << /CS0 /DeviceGray >> >>")])
    [rows] = remembered_equals_fresh([pdf], monkeypatch)
    assert _check(rows, "no-rgb")[3].startswith("page 2:")


def test_the_edition_and_its_plates_report_as_if_nothing_were_remembered(tmp_path, monkeypatch):
    res = write_edition(sample_layout(tmp_path), BoxFonts(tmp_path), tmp_path / "out")
    paths = list(res.paths)                       # the build's order: the edition file first
    fresh = remembered_equals_fresh(paths, monkeypatch)
    checks._WALK_SEEN.clear()
    walks = []
    real = scan.PageScan.walk
    monkeypatch.setattr(scan.PageScan, "walk", lambda self, *a, **k: (walks.append(1), real(self, *a, **k)))
    preflight(res.edition_pdf)
    after_edition = len(walks)
    assert [_rows(preflight(p)) for p in res.page_pdfs] == fresh[1:]
    assert len(walks) == after_edition > 0         # the plates' pages were not walked again


def test_shared_objects_make_a_key_of_linear_size(tmp_path):
    # 40 arrays, each holding the next one twice: 2^40 paths, 40 objects
    w = PdfWriter()
    ref = w._add_object(ArrayObject([NameObject("/End")]))
    for _ in range(40):
        ref = w._add_object(ArrayObject([ref, ref]))
    resources = DictionaryObject({NameObject("/ColorSpace"): DictionaryObject({NameObject("/CS0"): ref})})
    key = checks._fingerprint(resources)
    assert len(key) < 200
    cycle = w._add_object(ArrayObject())
    cycle.get_object().append(cycle)              # an array holding itself
    assert checks._fingerprint(DictionaryObject({NameObject("/Pattern"): cycle}))


def test_values_are_keyed_by_type_and_exact_value():
    from pypdf.generic import BooleanObject, FloatObject, NumberObject, TextStringObject

    def key(value):
        return checks._fingerprint(DictionaryObject({NameObject("/ExtGState"): DictionaryObject(
            {NameObject("/G"): DictionaryObject({NameObject("/ca"): value})})}))
    values = [NumberObject(1), FloatObject(1.0), FloatObject("0.9999999999"), FloatObject(math.nextafter(1.0, 2)),
              BooleanObject(True), NameObject("/1"), TextStringObject("1")]
    assert len({key(v) for v in values}) == len(values)
    assert key(FloatObject("0.9999999999")) == key(FloatObject("0.9999999999"))


def test_back_references_name_the_object_they_repeat():
    # /C repeats /A's object in one, /B's in the other: without marking which values are
    # objects, both keys read "X, Y, the first object again"
    w = PdfWriter()
    gray = ArrayObject([NameObject("/DeviceGray")])
    rgb = ArrayObject([NameObject("/DeviceRGB")])
    x, y = w._add_object(gray), w._add_object(rgb)

    def resources(a, b, c):
        return DictionaryObject({NameObject("/ColorSpace"): DictionaryObject(
            {NameObject("/A"): a, NameObject("/B"): b, NameObject("/C"): c})})
    assert checks._fingerprint(resources(x, y, x)) != checks._fingerprint(resources(gray, y, y))
    assert checks._fingerprint(resources(x, y, x)) == checks._fingerprint(resources(x, y, x))
