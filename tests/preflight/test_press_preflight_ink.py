"""Preflight: ink of images, thin rules, unreadable content, and no traceback on any bytes."""
from __future__ import annotations

import zlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image
from pypdf import PdfReader, PdfWriter

from layout.preflight import preflight
from layout.preflight.checks import PreflightReport
from fixtures.testsheet import boxed_pdf

W, H, BLEED = 300.0, 400.0, 9.0


def make_pdf(path, draw, compress=1):
    return boxed_pdf(path, draw, size=(W, H), bleed=BLEED, compress=compress)


def picture(tmp_path, mode, dark, fmt="TIFF"):
    """A 20×10 picture, white left half, `dark` pixel value right half."""
    white = {"L": 255, "CMYK": (0, 0, 0, 0)}[mode]
    im = Image.new(mode, (20, 10), white)
    im.paste(dark, (10, 0, 20, 10))
    path = tmp_path / f"pic-{mode}.{'jpg' if fmt == 'JPEG' else 'tif'}"
    im.save(path, fmt, **({"quality": 100} if fmt == "JPEG" else {}))
    return path


@pytest.mark.parametrize("fmt", ["TIFF", "JPEG"])
def test_cmyk_image_is_measured_by_its_darkest_pixel(tmp_path, fmt):
    # C 40 % M 100 % Y 100 % K 60 % = 300 %: over the limit, though no vector fill is
    pic = picture(tmp_path, "CMYK", (102, 255, 255, 153), fmt)
    pdf = make_pdf(tmp_path / "cmyk.pdf", lambda c: c.drawImage(str(pic), 50, 50, 100, 50))
    check = preflight(pdf).check("ink-limit")
    assert not check.passed
    tac = float(check.figure.split()[1])
    assert tac == pytest.approx(300, abs=3)                  # JPEG may shift a level or two
    assert "image" in check.message and "over 240 %" in check.message
    # within the limit: 0/100/100/0 = 200 %
    ok = picture(tmp_path, "CMYK", (0, 255, 255, 0), fmt)
    assert preflight(make_pdf(tmp_path / "ok.pdf", lambda c: c.drawImage(str(ok), 50, 50, 100, 50))
                     ).check("ink-limit").passed


def test_grey_image_is_k_only(tmp_path):
    pic = picture(tmp_path, "L", 51)                          # 80 % K at its darkest
    report = preflight(make_pdf(tmp_path / "grey.pdf", lambda c: c.drawImage(str(pic), 50, 50, 100, 50)))
    assert report.check("ink-limit").passed
    assert report.check("ink-limit").figure.startswith("max 80 %")


def test_image_outside_the_bleed_is_not_counted(tmp_path):
    pic = picture(tmp_path, "CMYK", (255, 255, 255, 255))
    outside = make_pdf(tmp_path / "out.pdf", lambda c: c.drawImage(str(pic), -40, -40, 20, 10))
    assert preflight(outside).check("ink-limit").passed
    inside = make_pdf(tmp_path / "in.pdf", lambda c: c.drawImage(str(pic), 20, 20, 20, 10))
    assert preflight(inside).check("ink-limit").figure.startswith("max 400 %")


def test_thin_rule_is_a_warning_with_its_width(tmp_path):
    def draw(c):
        c.setStrokeColorCMYK(0, 0, 0, 1)
        c.setLineWidth(0.2)                                   # 0.07 mm
        c.line(50, 50, 250, 50)
        c.setLineWidth(0.5)
        c.line(50, 80, 250, 80)
    report = preflight(make_pdf(tmp_path / "thin.pdf", draw))
    check = report.check("min-rule-width")
    assert not check.passed and check.severity == "warning"
    assert check not in report.failures() and check in report.warnings()   # warned, not refused
    assert "0.20 pt (0.07 mm)" in check.message
    # a scaled-down rule counts at its printed width
    def scaled(c):
        c.scale(0.5, 0.5)
        c.setLineWidth(0.5)
        c.line(100, 100, 400, 100)
    assert preflight(make_pdf(tmp_path / "s.pdf", scaled)).check("min-rule-width").figure == \
        "thinnest 0.25 pt (0.09 mm)"


def test_thick_rules_and_marks_outside_the_bleed_pass(tmp_path):
    def draw(c):
        c.setStrokeColorCMYK(0, 0, 0, 1)
        c.setLineWidth(0.4)
        c.line(50, 50, 250, 50)
        c.setStrokeColorCMYK(1, 1, 1, 1)                      # crop marks: thin, 400 %, outside
        c.setLineWidth(0.1)
        c.lines([(-20, BLEED, -5, BLEED), (BLEED, -20, BLEED, -5)])
    c = preflight(make_pdf(tmp_path / "ok.pdf", draw))
    assert c.check("min-rule-width").passed and c.check("ink-limit").passed, str(c)
    assert c.check("min-rule-width").figure == "thinnest 0.40 pt (0.14 mm)"


def test_unreadable_page_content_is_a_fail_not_a_traceback(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", lambda c: c.rect(10, 10, 50, 50, fill=1), compress=0)
    writer = PdfWriter(clone_from=PdfReader(good))
    page = writer.pages[0]
    contents = page["/Contents"].get_object()
    contents.set_data(b"q 1 0 0 1 0 0 cm /NoSuchForm Do 0.5 0.5 re f 1 2 3 k BT /F9 ( Tj ET Q")
    bad = tmp_path / "bad.pdf"
    with open(bad, "wb") as f:
        writer.write(f)
    report = preflight(bad)
    assert isinstance(report, PreflightReport)
    assert not report.passed
    assert "content-readable" in [c.name for c in report.failures()], str(report)
    check = report.check("content-readable")
    assert check.message.startswith("page 1: ") and check.message.endswith("(what these pages hold is not checked)")
    assert check.message_in("zh").startswith("第1页：") and check.message_in("zh").endswith("（这些页面的内容未检查）")


def test_truncated_compressed_stream_is_reported(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", lambda c: c.rect(10, 10, 50, 50, fill=1))
    data = good.read_bytes()
    raw = zlib.compress(b"0 0 0 1 k 10 10 50 50 re f " * 20)
    start = data.index(b"stream", data.index(b"/FlateDecode")) + 7
    bad = tmp_path / "trunc.pdf"
    bad.write_bytes(data[:start] + raw[: len(raw) // 3] + data[start + len(raw) // 3:])
    report = preflight(bad)                                   # must not raise
    assert isinstance(report, PreflightReport)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    pic = picture(folder, "CMYK", (0, 255, 255, 0))

    def draw(c):
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont("Helvetica", 9)
        c.drawString(40, 300, "Preflight fuzz seed")
        c.setStrokeColorCMYK(0, 1, 1, 0)
        c.line(40, 290, 200, 290)
        c.drawImage(str(pic), 40, 200, 60, 30)
    return make_pdf(folder / "seed.pdf", draw, compress=0).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255),
                                st.sampled_from(["set", "cut", "insert"])), min_size=1, max_size=6))
def test_mutated_pdf_bytes_never_raise(tmp_path, seed_pdf, edits):
    data = bytearray(seed_pdf)
    for where, byte, how in edits:
        i = int(where * len(data))
        if how == "set":
            data[i] = byte
        elif how == "cut":
            del data[i:i + byte]
        else:
            data[i:i] = bytes([byte]) * 3
    path = tmp_path / "mutant.pdf"
    path.write_bytes(bytes(data))
    report = preflight(path)
    assert isinstance(report, PreflightReport)
    text = str(report)                                        # printable, one line per check
    assert text.startswith("preflight ") and all(c.name for c in report.checks)
    if not report.passed:
        assert report.failures() and all(f.message or f.figure for f in report.failures())
