"""Preflight: passes our own plates, fails deliberately bad PDFs with a clear message."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from layout.base.diagnostics import Severity
from layout.press import write_edition
from layout.preflight import preflight
from fixtures.testsheet import BoxFonts, box_font, boxed_pdf, sample_layout

W, H, BLEED = 300.0, 400.0, 9.0


@pytest.fixture(scope="module")
def font(tmp_path_factory):
    path = box_font(tmp_path_factory.mktemp("f") / "pf.ttf", "报纸新闻ABC", family="PreflightBox")
    pdfmetrics.registerFont(TTFont("preflight-box", str(path)))
    return "preflight-box"


def make_pdf(path: Path, draw, *, boxes: bool = True, font: str | None = None) -> Path:
    """A one-page PDF drawn by `draw(canvas)`, with trim/bleed boxes unless told not to."""
    return boxed_pdf(path, draw, size=(W, H), bleed=BLEED, boxes=boxes, font=font)


def black_text(c, font, cmyk=(0, 0, 0, 1), size=10, x=50, y=200):
    c.setFillColorCMYK(*cmyk)
    if tuple(cmyk) == (0, 0, 0, 1):       # 100 K overprints, as a plant requires
        c.setFillOverprint(True)
        c.setOverprintMask(1)
    c.setFont(font, size)
    c.drawString(x, y, "报纸新闻")


def test_our_plates_pass(tmp_path):
    res = write_edition(sample_layout(tmp_path), BoxFonts(tmp_path), tmp_path / "out")
    for p in res.paths:
        report = preflight(p)
        assert report.passed, str(report)
        assert not report.warnings() and not report.failures()
        assert report.check("ink-limit").figure == "max 200 % (limit 240 %)"   # red 0/100/100/0
        assert report.check("page-boxes").figure.startswith("trim 119.9×169.3 mm")


def test_clean_raw_pdf_passes(tmp_path, font):
    report = preflight(make_pdf(tmp_path / "ok.pdf", lambda c: black_text(c, font), font=font))
    assert report.passed, str(report)
    assert not report.warnings()


def test_standard_helvetica_is_not_embedded(tmp_path):
    def draw(c):
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont("Helvetica", 10)
        c.drawString(50, 200, "news")
    report = preflight(make_pdf(tmp_path / "helv.pdf", draw))
    check = report.check("fonts-embedded")
    assert not check.passed and not report.passed
    assert check in report.failures()
    assert "not embedded: Helvetica" in check.message


def test_non_embedded_cid_font_is_found_through_its_descendant(tmp_path, font):
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(c):
        black_text(c, font)
        c.setFont("STSong-Light", 10)
        c.drawString(50, 100, "报纸")
    check = preflight(make_pdf(tmp_path / "cid.pdf", draw, font=font)).check("fonts-embedded")
    assert not check.passed
    assert "STSong-Light" in check.message and "PreflightBox" not in check.message
    assert check.figure == "2 font objects, 1 embedded"


def test_rgb_text_fails(tmp_path, font):
    def draw(c):
        c.setFillColorRGB(1, 0, 0)
        c.setFont(font, 10)
        c.drawString(50, 200, "报纸")
    report = preflight(make_pdf(tmp_path / "rgb.pdf", draw, font=font))
    check = report.check("no-rgb")
    assert not check.passed
    assert "page 1" in check.message and "rg operator" in check.message


def test_rgb_image_fails(tmp_path, font):
    pic = tmp_path / "rgb.png"
    Image.new("RGB", (8, 8), (0, 128, 255)).save(pic)
    report = preflight(make_pdf(tmp_path / "img.pdf",
                                lambda c: c.drawImage(str(pic), 50, 50, 40, 40), font=font))
    check = report.check("image-colour")
    assert not check.passed and "RGB" in check.message and "page 1" in check.message
    assert check.figure == "1 images, 1 not grey/CMYK"
    assert not report.check("no-rgb").passed


def test_rgb_inside_a_form_xobject_is_found(tmp_path, font):
    def draw(c):
        c.beginForm("logo")
        c.setFillColorRGB(0, 0, 1)
        c.rect(0, 0, 10, 10, fill=1, stroke=0)
        c.endForm()
        c.doForm("logo")
    assert not preflight(make_pdf(tmp_path / "form.pdf", draw, font=font)).check("no-rgb").passed


def test_missing_trimbox_fails(tmp_path, font):
    report = preflight(make_pdf(tmp_path / "notrim.pdf", lambda c: black_text(c, font),
                                boxes=False, font=font))
    check = report.check("page-boxes")
    assert not check.passed and "no TrimBox or BleedBox on page 1" in check.message


def test_rich_black_text_fails(tmp_path, font):
    report = preflight(make_pdf(tmp_path / "rich.pdf",
                                lambda c: black_text(c, font, cmyk=(0.5, 0.5, 0.5, 1)), font=font))
    check = report.check("no-rich-black-text")
    assert not check.passed
    assert "C50% M50% Y50% K100%" in check.message and "page 1" in check.message


def test_rich_black_fill_is_not_text(tmp_path, font):
    # a rich black background box is legitimate (ink permitting); only text is judged
    def draw(c):
        c.setFillColorCMYK(0.3, 0.2, 0.2, 1)
        c.rect(20, 20, 100, 100, fill=1, stroke=0)
        black_text(c, font)
    assert preflight(make_pdf(tmp_path / "box.pdf", draw, font=font)).check("no-rich-black-text").passed


def test_ink_over_limit_fails_with_the_figure(tmp_path, font):
    def draw(c):
        c.setFillColorCMYK(1, 1, 0.5, 0)
        c.rect(20, 20, 100, 100, fill=1, stroke=0)
    path = make_pdf(tmp_path / "ink.pdf", draw, font=font)
    check = preflight(path).check("ink-limit")
    assert not check.passed
    assert check.figure == "max 250 % (limit 240 %)"
    assert "page 1: a fill has 250 % total ink" in check.message
    assert preflight(path, ink_limit_pct=260).check("ink-limit").passed


def test_marks_outside_the_bleed_are_not_judged(tmp_path, font):
    def outside(c):
        black_text(c, font)
        c.setFillColorCMYK(1, 1, 1, 1)                    # registration colour, slug line
        c.setFont(font, 5)
        c.drawString(BLEED + 10, -20, "报纸")
        c.rect(-30, -30, 10, 10, fill=1, stroke=0)

    def inside(c):
        black_text(c, font, cmyk=(1, 1, 1, 1), size=5)
    ok = preflight(make_pdf(tmp_path / "out.pdf", outside, font=font))
    assert ok.passed and ok.check("min-text-size").passed, str(ok)
    bad = preflight(make_pdf(tmp_path / "in.pdf", inside, font=font))
    assert not bad.check("ink-limit").passed and not bad.check("no-rich-black-text").passed


def test_transparency_fails(tmp_path, font):
    def draw(c):
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFillAlpha(0.5)
        c.rect(20, 20, 100, 100, fill=1, stroke=0)
    check = preflight(make_pdf(tmp_path / "alpha.pdf", draw, font=font)).check("no-transparency")
    assert not check.passed and "ca 0.5" in check.message


def test_small_text_is_a_warning(tmp_path, font):
    report = preflight(make_pdf(tmp_path / "small.pdf", lambda c: black_text(c, font, size=4.5),
                                font=font), min_text_pt=6)
    check = report.check("min-text-size")
    assert not check.passed and check.severity == "warning"
    assert "4.50 pt is below 6 pt" in check.message
    assert report.passed                                   # warnings do not refuse the plate
    diags = report.diagnostics()
    small = [d for d in diags if d.code == "preflight.failed" and d.arguments["check"].code == "check.min-text-size"]
    assert len(small) == 1 and small[0].severity is Severity.WARNING
    assert small[0].message == "small.pdf: min-text-size: page 1: text at 4.50 pt is below 6 pt (smallest 4.50 pt)"
    assert small[0].text("zh") == "small.pdf：最小字号：第1页：文字 4.50 pt，小于 6 pt（最小 4.50 pt）"


def test_scaled_text_counts_at_its_printed_size(tmp_path, font):
    def draw(c):
        c.saveState()
        c.scale(0.5, 0.5)
        black_text(c, font, size=10, x=100, y=400)        # prints at 5 pt
        c.restoreState()
    check = preflight(make_pdf(tmp_path / "scaled.pdf", draw, font=font)).check("min-text-size")
    assert check.figure == "smallest 5.00 pt"


def test_encrypted_pdf_fails(tmp_path, font):
    plain = make_pdf(tmp_path / "plain.pdf", lambda c: black_text(c, font), font=font)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as f:
        writer.write(f)
    report = preflight(locked)
    assert not report.check("encryption").passed and not report.passed
    assert report.check("fonts-embedded").passed            # the rest was still checked


def test_not_a_pdf_is_reported_not_raised(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is no pdf")
    report = preflight(junk)
    assert not report.passed and report.checks[0].name == "readable"
    assert "FAIL readable" in str(report)
    assert report.diagnostics()[0].severity is Severity.ERROR


def test_rgb_gradient_shading_fails(tmp_path, font):
    from reportlab.lib.colors import Color

    def draw(c):
        c.linearGradient(20, 20, 200, 20, (Color(1, 0, 0), Color(0, 0, 1)), extend=False)
    check = preflight(make_pdf(tmp_path / "grad.pdf", draw, font=font)).check("no-rgb")
    assert not check.passed and "RGB shading" in check.message


def test_cmyk_gradient_shading_passes(tmp_path, font):
    from reportlab.lib.colors import CMYKColor

    def draw(c):
        c.linearGradient(20, 20, 200, 20, (CMYKColor(0, 0, 0, 0.2), CMYKColor(0, 0, 0, 0.8)),
                         extend=False)
    assert preflight(make_pdf(tmp_path / "grad.pdf", draw, font=font)).check("no-rgb").passed
