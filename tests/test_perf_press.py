"""Each page is drawn once: the edition file is made of the plates, page for page."""
from __future__ import annotations

from dataclasses import replace

from pypdf import PdfReader

from layout.makeup.model import RuleItem
from layout.press import preflight, write_edition
from layout.press.testsheet import BoxFonts, sample_layout


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
