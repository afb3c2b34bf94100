"""Advertisements on the plate: a CMYK JPEG goes in byte for byte (never recompressed), a PDF
ad as a form XObject (vector, its font embedded), and the plates pass preflight."""
from __future__ import annotations

import pytest
from fixtures.ads import cmyk_jpeg, vector_pdf
from fixtures.builder import article, page, place, write_edition
from pypdf import PdfReader
from pypdf.generic import ContentStream

from layout.cli import main
from layout.edition import load_paper
from layout.makeup import make_grid
from layout.makeup.grid import MM
from layout.preflight import preflight

TEXT = ["本报讯 " + "社区志愿者坚守卡口，为居民测量体温、登记信息。" * 12]


def build(tmp_path):
    """Page 2 with a 通栏 × 8 cm CMYK JPEG at the foot and a 2栏 × 6 cm PDF ad top right."""
    ads = [{"id": "ad-bank", "kind": "ad", "ad": {"file": "ads/bank.jpg", "size": {"span": 6, "height": "8cm"}}},
           {"id": "ad-pdf", "kind": "ad", "ad": {"file": "ads/v.pdf", "size": {"span": 2, "height": "6cm"}},
            "place": {"column": 5, "row": 1}}]
    folder = write_edition(tmp_path, [page(1, [article("lead", "头条", TEXT, place=place(1, 6, 1, 20))]),
                                      page(2, [article("story", "二版新闻", TEXT, place=place(1, 4, 1, 30)), *ads])],
                           paper={"ads": {"label": "广告", "rule": 0.3}})
    paper, _ = load_paper(tmp_path / "paper.yaml")
    grid = make_grid(paper)
    jpeg = cmyk_jpeg(folder / "ads" / "bank.jpg", grid.span_width(6) / MM, 80)
    pdf = vector_pdf(folder / "ads" / "v.pdf", grid.span_width(2) / MM, 60)
    out = tmp_path / "out"
    assert main(["build", str(folder), "-o", str(out), "--quiet"]) == 0
    plate = next(out.rglob("*-p2.pdf"))
    return plate, jpeg, pdf


def xobjects(resources):
    for name, ref in (resources.get("/XObject") or {}).items():
        yield name, ref.get_object()


def test_a_cmyk_jpeg_ad_keeps_its_bytes_and_pdf_ad_stays_vector(tmp_path):
    plate, jpeg, pdf = build(tmp_path)
    reader = PdfReader(plate)
    res = reader.pages[0]["/Resources"]
    found = dict(xobjects(res))
    images = [x for x in found.values() if x["/Subtype"] == "/Image"]
    assert len(images) == 1
    image = images[0]
    assert list(image["/Filter"]) == ["/DCTDecode"] and image["/ColorSpace"] == "/DeviceCMYK"
    assert image._data == jpeg.read_bytes()                     # the advertiser's bytes, as they are
    forms = [x for x in found.values() if x["/Subtype"] == "/Form"]
    assert len(forms) == 1
    form = forms[0]
    ops = [op for _, op in ContentStream(form, reader).operations]
    assert b"re" in ops and b"f*" in ops and b"Tj" in ops        # paths and text, not a picture
    assert not [x for x in dict(xobjects(form["/Resources"])).values() if x["/Subtype"] == "/Image"]
    fonts = list(form["/Resources"]["/Font"].values())
    assert fonts and all("/FontFile2" in f.get_object()["/FontDescriptor"] for f in fonts)
    src = PdfReader(pdf).pages[0]
    assert [float(v) for v in form["/BBox"]] == [float(v) for v in src.cropbox]
    # the form is drawn scaled into the booked 2 columns × 6 cm
    assert b"FormXob.NPAd" in reader.pages[0].get_contents().get_data()


def test_the_plates_with_ads_pass_preflight(tmp_path):
    plate, _, _ = build(tmp_path)
    report = preflight(plate)
    assert report.passed, report.failures()
    names = {c.name: c for c in report.checks}
    assert names["image-colour"].figure == "1 images, 0 not grey/CMYK"
    fonts = names["fonts-embedded"].figure                 # the ad's font is one of them
    assert fonts.startswith("4 font objects, 4 embedded"), fonts


def test_the_pdf_ad_prints_where_it_is_booked(tmp_path):
    """Rendered: the ad's red panel fills the top right 2 columns under the 广告 line."""
    import pypdfium2 as pdfium

    plate, _, _ = build(tmp_path)
    doc = pdfium.PdfDocument(plate.read_bytes())
    image = doc[0].render(scale=1).to_pil().convert("RGB")
    reader = PdfReader(plate)
    trim = [float(v) for v in reader.pages[0].trimbox]
    paper_x = 275 * MM - 15 * MM - 50          # inside column 6, 50 pt from the type area's right edge
    r, g, b = image.getpixel((round(trim[0] + paper_x), round(image.height - trim[3] + 15 * MM + 60)))
    assert r > 200 and g < 80 and b < 80, (r, g, b)
    doc.close()


@pytest.mark.parametrize("name, mode, space", [("a.tif", "CMYK", "/DeviceCMYK"), ("b.png", "L", "/DeviceGray")])
def test_cmyk_tiff_and_grey_png_ads_go_on_the_plate_in_their_colour_space(tmp_path, name, mode, space):
    folder = write_edition(tmp_path, [page(1, [
        article("lead", "头条", TEXT, place=place(1, 6, 1, 20)),
        {"id": "ad", "kind": "ad", "ad": {"file": "ads/" + name, "size": {"span": 6, "height": "8cm"}}}])])
    paper, _ = load_paper(tmp_path / "paper.yaml")
    cmyk_jpeg(folder / "ads" / name, make_grid(paper).span_width(6) / MM, 80, mode=mode)
    assert main(["build", str(folder), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    plate = next((tmp_path / "out").rglob("*-p1.pdf"))
    images = [x for _, x in xobjects(PdfReader(plate).pages[0]["/Resources"]) if x["/Subtype"] == "/Image"]
    assert [x["/ColorSpace"] for x in images] == [space]
    assert preflight(plate).passed
