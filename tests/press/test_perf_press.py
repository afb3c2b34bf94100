"""Each page is drawn once: the edition file is made of the plates, page for page."""
from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from layout.makeup.model import RuleItem
from layout.press import write_edition
from layout.preflight import preflight
from fixtures.testsheet import BoxFonts, sample_layout


def _two_pages(layout):
    p1 = layout.pages[0]
    p2 = replace(p1, number=2, items=p1.items[:2] + (RuleItem(0, 5, 50, 5, 1.0),))
    return replace(layout, pages=(p1, p2))


def _raw_contents(page) -> bytes:
    return page["/Contents"].get_object().get_data()


def test_edition_pages_are_the_plates_pages(tmp_path, monkeypatch):
    import layout.press.write as write

    drawn = []
    real = write.paint_page
    monkeypatch.setattr(write, "paint_page", lambda c, page, *a, **k: (drawn.append(page.number),
                                                                       real(c, page, *a, **k)))
    layout = _two_pages(sample_layout(tmp_path))
    res = write_edition(layout, BoxFonts(tmp_path), tmp_path / "out", marks=True)
    assert drawn == [1, 2]                      # once each, not again for the edition file
    edition = PdfReader(res.edition_pdf)
    assert len(edition.pages) == 2
    for page, plate_path in zip(edition.pages, res.page_pdfs):
        plate = PdfReader(plate_path).pages[0]
        assert _raw_contents(page) == _raw_contents(plate)
        for box in ("/MediaBox", "/TrimBox", "/BleedBox"):
            assert [float(v) for v in page[box]] == [float(v) for v in plate[box]]
        assert sorted(page["/Resources"]["/Font"]) == sorted(plate["/Resources"]["/Font"])
    info = edition.metadata
    assert info["/Subject"] == layout.title
    assert info["/GTS_PDFXConformance"] == "PDF/X-1a:2001"
    assert info["/CreationDate"] == info["/ModDate"]
    root = edition.trailer["/Root"]
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFX"
    assert edition.pdf_header == "%PDF-1.3"
    ids = edition.trailer["/ID"]
    assert len(ids) == 2 and ids[0] == ids[1]
    assert preflight(res.edition_pdf).passed


def test_merged_edition_is_byte_identical_across_builds(tmp_path):
    layout = _two_pages(sample_layout(tmp_path))
    fonts = BoxFonts(tmp_path)
    a = write_edition(layout, fonts, tmp_path / "a").edition_pdf.read_bytes()
    b = write_edition(layout, fonts, tmp_path / "b").edition_pdf.read_bytes()
    assert a == b


def _pixels(data: bytes) -> list[bytes]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return [page.render(scale=1).to_pil().tobytes() for page in doc]
    finally:
        doc.close()


def test_edition_pages_render_as_their_plates_and_every_object_reads(tmp_path):
    # text, rules, a tinted box, a spot colour, a picture, a QR code and the marks
    layout = _two_pages(sample_layout(tmp_path))
    res = write_edition(layout, BoxFonts(tmp_path), tmp_path / "out", marks=True)
    edition = res.edition_pdf.read_bytes()
    assert _pixels(edition) == [p for plate in res.page_pdfs for p in _pixels(plate.read_bytes())]
    reader = PdfReader(res.edition_pdf, strict=True)
    for n in range(1, int(reader.trailer["/Size"])):
        assert reader.get_object(n) is not None                # numbered without gaps
    assert edition.startswith(b"%PDF-1.3\n%")


def test_merge_keeps_several_pages_of_a_plate_in_order(tmp_path):
    from layout.press.write import chars_by_font, merge_plates, register_fonts, render_pdf

    layout = _two_pages(sample_layout(tmp_path))
    names = register_fonts(BoxFonts(tmp_path), chars_by_font(layout))
    p1, p2 = layout.pages
    both = render_pdf(layout, (p1, p2), names, None, False, "both")
    one = render_pdf(layout, (p2,), names, None, False, "one")
    subject = "石景山报 (试刊) \\ 第(1版"
    merged = merge_plates([both, one], subject)
    assert _pixels(merged) == _pixels(both) + _pixels(one)
    reader = PdfReader(io.BytesIO(merged), strict=True)
    assert reader.metadata["/Subject"] == subject
    assert reader.metadata["/Title"] == layout.title
    assert [page["/Parent"].get_object()["/Count"] for page in reader.pages] == [3, 3, 3]


def test_merge_refuses_a_pdf_it_cannot_copy(tmp_path):
    from layout.press.write import chars_by_font, merge_plates, register_fonts, render_pdf

    layout = sample_layout(tmp_path)
    names = register_fonts(BoxFonts(tmp_path), chars_by_font(layout))
    plate = render_pdf(layout, layout.pages, names, None, False, "p1")
    xref = plate.rindex(b"\nxref\n") + 1
    no_table = plate[:xref] + b"XREF" + plate[xref + 4:]             # e.g. an xref stream
    with pytest.raises(ValueError, match="xref"):
        merge_plates([plate, no_table], "x")
    length = re.search(rb"/Length (\d+)", plate)
    short = plate[:length.start(1)] + b"9" * len(length.group(1)) + plate[length.end(1):]
    with pytest.raises(ValueError, match="Length"):
        merge_plates([short], "x")


def _image_xobjects(tmp_path, mode: str):
    """Image XObjects of a reportlab PDF with one picture in `mode` (L or CMYK), Flate only
    (as the press writes them)."""
    import random

    from PIL import Image
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(3)
    pic = Image.new(mode, (40, 30))
    pic.putdata([tuple(rng.randrange(256) for _ in mode) if mode != "L" else rng.randrange(256)
                 for _ in range(40 * 30)])
    path = tmp_path / f"{mode}.pdf"
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        c = Canvas(str(path))
        c.drawImage(ImageReader(pic), 10, 10, 40, 30)
        c.showPage()
        c.save()
    finally:
        rl_config.useA85 = saved
    page = PdfReader(path).pages[0]
    return [x.get_object() for x in page["/Resources"]["/XObject"].values()]


def test_flate_images_are_measured_without_a_png_round_trip(tmp_path):
    from layout.preflight import scan

    for mode, kind in (("L", "gray"), ("CMYK", "cmyk")):
        (xobj,) = _image_xobjects(tmp_path, mode)
        fast = scan._plain_flate_image(xobj)
        assert fast is not None and fast.mode == mode
        assert fast.tobytes() == xobj.decode_as_image().tobytes()
        ink = scan.image_max_ink(xobj, kind)
        assert ink is not None and ink > 50


def test_other_images_keep_the_pypdf_path(tmp_path):
    from pypdf.generic import ArrayObject, NameObject

    from layout.preflight import scan

    (xobj,) = _image_xobjects(tmp_path, "L")
    xobj[NameObject("/Decode")] = ArrayObject()
    assert scan._plain_flate_image(xobj) is None


def test_fast_preview_pdf_renders_the_same_pixels_and_restores_zlib(tmp_path):
    import zlib

    import pypdfium2 as pdfium
    from reportlab.pdfbase import pdfdoc

    from layout.press.page_pdf import page_pdf

    layout = sample_layout(tmp_path)
    fonts = BoxFonts(tmp_path)
    slow = page_pdf(layout, fonts, 1)
    fast = page_pdf(layout, fonts, 1, fast=True)
    assert pdfdoc.zlib is zlib                       # put back after the preview
    assert fast != slow                              # level 1 streams, not level 6

    def pixels(data: bytes) -> bytes:
        doc = pdfium.PdfDocument(data)
        try:
            return doc[0].render(scale=0.5).to_pil().tobytes()
        finally:
            doc.close()

    assert pixels(fast) == pixels(slow)


def _report(path) -> list[tuple]:
    return [(c.name, c.passed, c.figure, c.message) for c in preflight(path).checks]


def test_pages_seen_in_a_plate_are_not_walked_again_and_report_the_same(tmp_path, monkeypatch):
    from layout.preflight import checks, scan

    layout = _two_pages(sample_layout(tmp_path))
    res = write_edition(layout, BoxFonts(tmp_path), tmp_path / "out")
    monkeypatch.setattr(checks, "_WALK_SEEN", {})
    fresh = _report(res.edition_pdf)                 # nothing remembered: every page walked
    checks._WALK_SEEN.clear()
    walks = []
    real = scan.PageScan.walk
    monkeypatch.setattr(scan.PageScan, "walk",
                        lambda self, *a, **k: (walks.append(a[2] if len(a) > 2 else 0), real(self, *a, **k)))
    for plate in res.page_pdfs:
        preflight(plate)
    top_level = len(walks)
    assert _report(res.edition_pdf) == fresh         # its pages come from the plates' walks
    assert len(walks) == top_level and top_level >= 2


def test_fingerprint_follows_what_the_walk_reads_not_the_fonts():
    from pypdf.generic import (DecodedStreamObject, DictionaryObject, FloatObject, NameObject)

    from layout.preflight import checks

    def resources(pixels: bytes, font: str, alpha: float):
        image = DecodedStreamObject()
        image.set_data(pixels)
        image[NameObject("/ColorSpace")] = NameObject("/DeviceGray")
        gs = DictionaryObject({NameObject("/ca"): FloatObject(alpha)})
        return DictionaryObject({
            NameObject("/XObject"): DictionaryObject({NameObject("/Im1"): image}),
            NameObject("/ExtGState"): DictionaryObject({NameObject("/G1"): gs}),
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): NameObject(font)}),
        })

    base = checks._fingerprint(resources(b"\x00\x10", "/A", 1.0))
    assert checks._fingerprint(resources(b"\x00\x10", "/B", 1.0)) == base      # fonts: not read
    assert checks._fingerprint(resources(b"\x00\x11", "/A", 1.0)) != base      # image bytes
    assert checks._fingerprint(resources(b"\x00\x10", "/A", 0.5)) != base      # transparency


def test_png_bytes_round_trip_through_pillow():
    import io
    import random

    from PIL import Image

    from layout.render.raster import png_bytes

    rng = random.Random(5)
    for size in ((1, 1), (7, 3), (33, 20)):
        image = Image.new("RGB", size)
        image.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(size[0] * size[1])])
        back = Image.open(io.BytesIO(png_bytes(image)))
        back.load()
        assert back.mode == "RGB" and back.size == size
        assert back.tobytes() == image.tobytes()
