"""`newsprint build … --marks` on the sample edition: MediaBox grown, crop marks and the
slug line outside the BleedBox, and the plates still pass preflight."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from layout.cli import main
from layout.preflight import preflight
from layout.press.marks import MARK_LENGTH, marks_margin

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "editions" / "shijingshan" / "2020-02-24"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def plates(tmp_path_factory):
    out = tmp_path_factory.mktemp("marks")
    assert main(["build", str(EDITION), "-o", str(out), "--marks", "--quiet"]) == 0
    folder = out / "shijingshan" / "2020-02-24"
    pages = sorted(folder.glob("*-p*.pdf"), key=lambda p: int(p.stem.rsplit("-p", 1)[1]))
    return folder / "shijingshan-2020-02-24.pdf", pages


def boxes(page):
    return {k: [float(v) for v in page[k]] for k in ("/MediaBox", "/TrimBox", "/BleedBox")}


def test_mediabox_grows_around_the_bleed(plates):
    edition, pages = plates
    for path in (edition, *pages):
        for page in PdfReader(path).pages:
            b = boxes(page)
            trim, bleed, media = b["/TrimBox"], b["/BleedBox"], b["/MediaBox"]
            assert (trim[2] - trim[0]) / MM == pytest.approx(275.0, abs=0.05)
            bleed_pt = trim[0] - bleed[0]
            assert bleed_pt / MM == pytest.approx(3.0, abs=0.05)
            margin = marks_margin(bleed_pt)
            assert media == pytest.approx([trim[0] - margin, trim[1] - margin,
                                           trim[2] + margin, trim[3] + margin], abs=0.01)
            assert media[0] < bleed[0] and media[2] > bleed[2]


def test_crop_marks_lie_on_the_trim_lines_outside_the_bleed(plates):
    _, pages = plates
    page = PdfReader(pages[0]).pages[0]
    b = boxes(page)
    x0, y0, x1, y1 = b["/TrimBox"]
    bx0, by0, bx1, by1 = b["/BleedBox"]
    text = page.get_contents().get_data().decode("latin1")
    segments = [tuple(map(float, m)) for m in
                re.findall(r"([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l", text)]
    def on_trim_outside(s):
        ax, ay, bx, by = s
        horizontal = ay == by and min(abs(ay - y0), abs(ay - y1)) < 0.01 and (max(ax, bx) < bx0 or min(ax, bx) > bx1)
        vertical = ax == bx and min(abs(ax - x0), abs(ax - x1)) < 0.01 and (max(ay, by) < by0 or min(ay, by) > by1)
        return (horizontal or vertical) and abs(abs(ax - bx) + abs(ay - by) - MARK_LENGTH) < 0.01
    crop = [s for s in segments if on_trim_outside(s)]
    assert len(crop) == 8, crop                      # two at each corner
    assert "1 1 1 1 K" in text                       # registration colour, on every plate


def test_slug_line_names_paper_date_page_outside_the_bleed(plates):
    _, pages = plates
    for n, path in enumerate(pages, 1):
        bleed = boxes(PdfReader(path).pages[0])["/BleedBox"]
        pdf = pdfium.PdfDocument(str(path))
        try:
            tp = pdf[0].get_textpage()
            whole = tp.get_text_range()
            found = re.search(rf"石景山报\s+2020-02-24\s+第{n}版", whole)
            assert found, f"no slug line on page {n}"
            for i in range(found.start(), found.end()):
                left, bottom, right, top = tp.get_charbox(i)
                if whole[i].strip():
                    assert top < bleed[1], f"slug char {whole[i]!r} at y {top:.1f} inside the bleed"
        finally:
            pdf.close()


def test_plates_with_marks_pass_preflight(plates):
    edition, pages = plates
    for path in (edition, *pages):
        report = preflight(path)
        assert report.passed, str(report)
        assert report.check("ink-limit").figure.startswith("max 200 %") or path != edition
        assert report.check("min-rule-width").passed          # 0.25 pt marks are outside
        assert report.check("min-text-size").passed           # 6.5 pt slug is outside
