"""Press stage: edition and plate PDFs, boxes, fonts, PDF/X identification, atomicity."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab import rl_config

from layout.makeup.model import RuleItem
from layout.press import PressResult, write_edition
from layout.preflight import preflight
from layout.press.marks import MARKS_MARGIN
from layout.press.pdfx import OUTPUT_PROFILE, output_profile
from fixtures.testsheet import BoxFonts, sample_layout
from layout.press.write import chars_by_font

MM = 72 / 25.4


@pytest.fixture()
def edition(tmp_path):
    layout = sample_layout(tmp_path)
    return layout, BoxFonts(tmp_path)


def contents(path: Path) -> list[str]:
    """Decoded content streams of every page."""
    out = []
    for page in PdfReader(path).pages:
        out.append(page.get_contents().get_data().decode("latin1"))
    return out


def two_pages(layout):
    p1 = layout.pages[0]
    p2 = replace(p1, number=2, items=p1.items[:2] + (RuleItem(0, 5, 50, 5, 1.0),))
    return replace(layout, pages=(p1, p2))


def test_writes_edition_and_one_plate_per_page(tmp_path, edition):
    layout, fonts = edition
    layout = two_pages(layout)
    res = write_edition(layout, fonts, tmp_path / "out")
    assert isinstance(res, PressResult)
    assert res.edition_pdf == tmp_path / "out" / "test-2024-03-08.pdf"
    assert res.page_pdfs == (tmp_path / "out" / "test-2024-03-08-p1.pdf",
                             tmp_path / "out" / "test-2024-03-08-p2.pdf")
    assert len(PdfReader(res.edition_pdf).pages) == 2
    assert [len(PdfReader(p).pages) for p in res.page_pdfs] == [1, 1]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in res.written)


def test_same_layout_gives_byte_identical_files(tmp_path, edition):
    layout, fonts = edition
    a = write_edition(layout, fonts, tmp_path / "a")
    b = write_edition(layout, fonts, tmp_path / "b")
    for pa, pb in zip(a.paths, b.paths):
        assert pa.read_bytes() == pb.read_bytes()
    again = write_edition(layout, fonts, tmp_path / "a")
    assert again.edition_pdf.read_bytes() == b.edition_pdf.read_bytes()
    # and a different edition date really changes the bytes
    other = write_edition(replace(layout, date_iso="2024-03-09"), fonts, tmp_path / "c")
    assert other.edition_pdf.read_bytes() != a.edition_pdf.read_bytes()


def test_boxes_trim_plus_bleed(tmp_path, edition):
    layout, fonts = edition
    res = write_edition(layout, fonts, tmp_path)
    page = PdfReader(res.edition_pdf).pages[0]
    b = layout.bleed_pt
    w, h = layout.pages[0].width, layout.pages[0].height
    assert [float(v) for v in page.mediabox] == pytest.approx([0, 0, w + 2 * b, h + 2 * b], abs=1e-3)
    assert [float(v) for v in page["/BleedBox"]] == pytest.approx([0, 0, w + 2 * b, h + 2 * b], abs=1e-3)
    assert [float(v) for v in page["/TrimBox"]] == pytest.approx([b, b, b + w, b + h], abs=1e-3)


def test_marks_grow_the_mediabox_and_use_registration_colour(tmp_path, edition):
    layout, fonts = edition
    res = write_edition(layout, fonts, tmp_path, marks=True)
    page = PdfReader(res.edition_pdf).pages[0]
    w, h = layout.pages[0].width, layout.pages[0].height
    m = MARKS_MARGIN
    assert m == pytest.approx(15 * MM)
    assert [float(v) for v in page.mediabox] == pytest.approx([0, 0, w + 2 * m, h + 2 * m], abs=1e-3)
    assert [float(v) for v in page["/TrimBox"]] == pytest.approx([m, m, m + w, m + h], abs=1e-3)
    body = contents(res.edition_pdf)[0]
    assert "1 1 1 1 K" in body
    # the slug line names paper, date and page, outside the bleed (below the trim)
    tp = pdfium.PdfDocument(str(res.edition_pdf))[0].get_textpage()
    text = tp.get_text_range()
    assert "2024-03-08" in text and "第1版" in text and "石景山报" in text
    slug_box = tp.get_charbox(text.index("2024-03-08"))
    assert slug_box[3] < m - layout.bleed_pt
    # marks do not spoil preflight: they lie outside the bleed
    assert preflight(res.edition_pdf).passed


def test_pdfx_identification_info_and_output_intent(tmp_path, edition):
    layout, fonts = edition
    res = write_edition(layout, fonts, tmp_path)
    data = res.edition_pdf.read_bytes()
    assert data.startswith(b"%PDF-1.3")                 # PDF/X-1a:2001 is PDF 1.3
    reader = PdfReader(res.edition_pdf)
    info = reader.metadata
    assert info["/Title"] == layout.title
    assert info["/Creator"] == "newsprint" and info["/Producer"] == "newsprint"
    assert info["/Trapped"] == "/False"
    assert info["/GTS_PDFXVersion"] == "PDF/X-1:2001"
    assert info["/GTS_PDFXConformance"] == "PDF/X-1a:2001"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20240308000000Z"
    intents = reader.trailer["/Root"]["/OutputIntents"]
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFX" and intent["/Type"] == "/OutputIntent"
    assert intent["/OutputConditionIdentifier"] == "CGATS TR 002"      # registered at color.org
    assert intent["/RegistryName"] == "http://www.color.org"
    assert "TR 002" in intent["/Info"]
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 4
    assert profile.get_data() == OUTPUT_PROFILE.read_bytes()
    assert profile.get_data()[36:40] == b"acsp" and profile.get_data()[16:20] == b"CMYK"


def test_fonts_are_embedded_subsets_and_text_extracts(tmp_path, edition):
    layout, fonts = edition
    res = write_edition(layout, fonts, tmp_path)
    reader = PdfReader(res.edition_pdf)
    page_fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(page_fonts) == 2
    for ref in page_fonts.values():
        font = ref.get_object()
        assert "+" in font["/BaseFont"]                 # a subset
        assert "/FontFile2" in font["/FontDescriptor"]
    assert b"Helvetica" not in res.edition_pdf.read_bytes()
    text = pdfium.PdfDocument(str(res.edition_pdf))[0].get_textpage().get_text_range()
    assert "石景山报新闻" in re.sub(r"\s", "", text)
    assert "本报讯" in text and "ABC" in text


def test_fonts_are_asked_for_exactly_the_chars_used(tmp_path, edition):
    layout, _ = edition
    asked = {}

    class Recording(BoxFonts):
        def subset_for_embedding(self, font_id, chars):
            asked[font_id] = "".join(chars)
            return super().subset_for_embedding(font_id, chars)

    write_edition(layout, Recording(tmp_path), tmp_path / "out")
    assert asked == chars_by_font(layout)
    assert set(asked["hei"]) == set("石景山报新闻")
    assert set(asked["song"]) == set("本报讯 ABC")


def test_cmyk_only_and_black_overprints(tmp_path, edition):
    layout, fonts = edition
    res = write_edition(layout, fonts, tmp_path)
    reader = PdfReader(res.edition_pdf)
    body = contents(res.edition_pdf)[0]
    assert not re.search(r"\b(rg|RG)\b", body)
    assert b"DeviceRGB" not in res.edition_pdf.read_bytes()
    states = reader.pages[0]["/Resources"]["/ExtGState"]
    used = {k: v.get_object() for k, v in states.items()}
    assert any(s.get("/OP") == True for s in used.values())    # noqa: E712 (pypdf BooleanObject)
    assert any(s.get("/op") == True for s in used.values())    # noqa: E712
    assert any(s.get("/OPM") == 1 for s in used.values())
    # the black body text comes after overprint was switched on
    black_text = re.search(r"0 0 0 1 k\s+1 0 0 1 \S+ \S+ Tm", body).start()
    on = [m.start() for m in re.finditer(r"/(\w+) gs", body)
          if used["/" + m.group(1)].get("/op") == True]    # noqa: E712
    assert on and min(on) < black_text


def test_no_temp_files_and_failed_write_keeps_old_file(tmp_path, edition, monkeypatch):
    layout, fonts = edition
    out = tmp_path / "out"
    first = write_edition(layout, fonts, out)
    old = first.edition_pdf.read_bytes()

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_edition(replace(layout, date_iso="2024-03-08", title="另一个标题"), fonts, out)
    monkeypatch.undo()
    assert first.edition_pdf.read_bytes() == old
    assert sorted(os.listdir(out)) == sorted(p.name for p in first.written)   # no .tmp left


def test_plates_are_readable_by_others_as_the_umask_allows(tmp_path, edition):
    layout, fonts = edition
    old = os.umask(0o022)
    try:
        res = write_edition(layout, fonts, tmp_path / "out")
    finally:
        os.umask(old)
    for path in res.paths:
        assert path.stat().st_mode & 0o777 == 0o644     # not mkstemp's 0600


def test_render_failure_writes_nothing(tmp_path, edition):
    layout, fonts = edition
    out = tmp_path / "out"
    first = write_edition(layout, fonts, out)
    before = {p: p.read_bytes() for p in first.paths}
    p1 = layout.pages[0]
    bad_page = replace(p1, number=2, items=(RuleItem(0, 0, 10, 0, 1, color="no-such-colour"),))
    with pytest.raises(KeyError, match="no-such-colour"):
        write_edition(replace(layout, pages=(p1, bad_page)), fonts, out)
    assert {p: p.read_bytes() for p in first.paths} == before
    assert sorted(os.listdir(out)) == sorted(p.name for p in first.written)


def test_compressed_streams_stay_compact(tmp_path, edition):
    layout, fonts = edition
    res = write_edition(layout, fonts, tmp_path)
    body = contents(res.edition_pdf)[0]
    # runs drawn one after another share one text object, each font size set once;
    # one path for the whole QR code
    assert body.count("BT") == 1 and body.count(" Tf") == 2
    assert body.count(" f*") + body.count(" f\n") >= 1
    raw = res.edition_pdf.read_bytes()
    assert b"/FlateDecode" in raw and b" Tj" not in raw      # content is compressed
    assert b"ASCII85Decode" not in raw                        # binary streams, no 25 % text layer
    assert rl_config.useA85                                   # reportlab's default is restored
    assert len(raw) < 40_000 + len(output_profile())          # the page, and the output profile


def test_two_subsets_of_one_face_do_not_share_glyphs(tmp_path, edition):
    # reportlab keeps one font per face name; a second, larger subset of the
    # same face must still be used for the second edition.
    layout, fonts = edition
    write_edition(layout, fonts, tmp_path / "a")
    p1 = layout.pages[0]
    runs = [i for i in p1.items if getattr(i, "font", "") == "song"]
    more = replace(runs[0], chars="新版本报讯", xs=(0, 9.5, 19, 28.5, 38))
    items = tuple(more if i is runs[0] else i for i in p1.items)
    res = write_edition(replace(layout, pages=(replace(p1, items=items),)), fonts, tmp_path / "b")
    text = pdfium.PdfDocument(str(res.edition_pdf))[0].get_textpage().get_text_range()
    assert "新版本报讯" in text


def test_with_the_shipped_fonts(tmp_path):
    # the real FontSet (fonts/ in the repository) behind the same API as BoxFonts
    from layout.fonts import FontSet
    from layout.makeup.model import TextRun

    fonts = FontSet.load(cache_dir=tmp_path / "cache")
    ids = {"hei": "noto-sans-sc-bold", "song": "noto-serif-sc-regular"}
    layout = sample_layout(tmp_path)
    page = layout.pages[0]
    items = tuple(replace(i, font=ids[i.font]) if isinstance(i, TextRun) else i for i in page.items)
    layout = replace(layout, pages=(replace(page, items=items),))
    a = write_edition(layout, fonts, tmp_path / "a", marks=True)
    b = write_edition(layout, fonts, tmp_path / "b", marks=True)
    assert a.edition_pdf.read_bytes() == b.edition_pdf.read_bytes()
    report = preflight(a.edition_pdf)
    assert report.passed, str(report)
    assert report.check("fonts-embedded").figure == "2 font objects, 2 embedded"
    text = pdfium.PdfDocument(str(a.edition_pdf))[0].get_textpage().get_text_range()
    assert "石景山报新闻" in re.sub(r"\s", "", text) and "第1版" in text
