"""The sample edition's plates look the same in two independent renderers: PDFium
(pypdfium2) and poppler (pdftoppm); Ghostscript too when it is installed.

Pages are rendered in grey at 36 dpi.  Anti-aliasing of small type differs
between renderers, so pixels are compared two ways: all pixels (mean
difference) and 12 px blocks (≈ 8.5 mm, a column's width of text averaged),
which show a missing photo, headline or block while ignoring glyph edges.
Measured on 2020-02-24 (PDFium vs poppler 22.12): pixel mean 12.7–17.8,
block mean 1.7–3.2, worst block 25–31, blocks off by > 16 levels 0.3–3.2 %.
A page against its neighbour gives block mean ≈ 25; a blanked 28×14 mm
area gives a worst block of 53.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "editions" / "shijingshan" / "2020-02-24"
DPI = 36
BLOCK = 12
# thresholds, about 1.5× the worst page measured
MAX_PIXEL_MEAN = 26.0
MAX_BLOCK_MEAN = 5.0
MAX_BLOCK = 45
MAX_BLOCKS_OFF = 0.06          # fraction of blocks more than 16 grey levels apart


@pytest.fixture(scope="module")
def plates(tmp_path_factory):
    out = tmp_path_factory.mktemp("plates")
    assert main(["build", str(EDITION), "-o", str(out), "--quiet"]) == 0
    pages = sorted((out / "shijingshan" / "2020-02-24").glob("*-p*.pdf"),
                   key=lambda p: int(p.stem.rsplit("-p", 1)[1]))
    assert len(pages) == 4
    return pages


def pdfium_grey(pdf_path: Path) -> Image.Image:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()


def poppler_grey(pdf_path: Path, tmp: Path) -> Image.Image:
    stem = tmp / pdf_path.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile",
                    str(pdf_path), str(stem)], check=True, capture_output=True, timeout=60)
    with Image.open(f"{stem}.png") as im:
        return im.convert("L")


def ghostscript_grey(pdf_path: Path, tmp: Path) -> Image.Image:
    out = tmp / f"{pdf_path.stem}-gs.png"
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray",
                    f"-r{DPI}", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
                    f"-sOutputFile={out}", str(pdf_path)], check=True, capture_output=True, timeout=60)
    with Image.open(out) as im:
        return im.convert("L")


def compare(a: Image.Image, b: Image.Image) -> dict:
    """Figures of how far two renderings of one page differ (0 = identical)."""
    assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1, (a.size, b.size)
    if b.size != a.size:
        b = b.resize(a.size)
    pixel_mean = ImageStat.Stat(ImageChops.difference(a, b)).mean[0]
    small = (a.width // BLOCK, a.height // BLOCK)
    diff = ImageChops.difference(a.resize(small, Image.BOX), b.resize(small, Image.BOX))
    hist = diff.histogram()
    return {"pixel_mean": pixel_mean,
            "block_mean": ImageStat.Stat(diff).mean[0],
            "block_max": max(i for i, n in enumerate(hist) if n),
            "blocks_off": sum(hist[17:]) / (small[0] * small[1])}


def alike(fig: dict) -> bool:
    return (fig["pixel_mean"] <= MAX_PIXEL_MEAN and fig["block_mean"] <= MAX_BLOCK_MEAN
            and fig["block_max"] <= MAX_BLOCK and fig["blocks_off"] <= MAX_BLOCKS_OFF)


def assert_not_blank(im: Image.Image, what: str) -> None:
    dark = sum(im.histogram()[:128]) / (im.width * im.height)
    assert dark > 0.01 and ImageStat.Stat(im).stddev[0] > 15, f"{what} renders blank"


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="pdftoppm (Debian poppler-utils, installed by .ci/run) is absent")


@needs_poppler
def test_pdfium_and_poppler_render_every_page_alike(plates, tmp_path):
    for pdf in plates:
        a, b = pdfium_grey(pdf), poppler_grey(pdf, tmp_path)
        assert_not_blank(a, f"{pdf.name} in PDFium")
        assert_not_blank(b, f"{pdf.name} in poppler")
        fig = compare(a, b)
        assert alike(fig), f"{pdf.name}: PDFium and poppler differ: {fig}"


@needs_poppler
def test_the_comparison_sees_a_wrong_page_and_a_missing_block(plates, tmp_path):
    """The thresholds are tight enough to fail: a different page, or a page with a
    photo-sized area gone, is not 'alike'."""
    p1, p2 = pdfium_grey(plates[0]), poppler_grey(plates[1], tmp_path)
    assert not alike(compare(p1, p2))
    holed = poppler_grey(plates[0], tmp_path)
    box = next(f for f in _dark_boxes(holed))          # blank the first dark 40×30 px area
    holed.paste(255, box)
    assert not alike(compare(p1, holed))


def _dark_boxes(im: Image.Image, w: int = 40, h: int = 30):
    """40×30 px areas (≈ 28×21 mm) that are mostly ink: a photo or headline."""
    for y in range(0, im.height - h, h):
        for x in range(0, im.width - w, w):
            if ImageStat.Stat(im.crop((x, y, x + w, y + h))).mean[0] < 170:
                yield (x, y, x + w, y + h)


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (gs) is not installed")
def test_ghostscript_renders_every_page_like_pdfium(plates, tmp_path):
    for pdf in plates:
        a, g = pdfium_grey(pdf), ghostscript_grey(pdf, tmp_path)
        assert_not_blank(g, f"{pdf.name} in Ghostscript")
        fig = compare(a, g)
        assert alike(fig), f"{pdf.name}: PDFium and Ghostscript differ: {fig}"
