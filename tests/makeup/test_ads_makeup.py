"""Advertisements (kind: ad) in makeup: booked in 栏 × cm, placed whole as fixed blocks, the rule
and 广告 over them, an artwork of another shape an error at its file: line."""
from __future__ import annotations

import pytest
from fixtures.ads import cmyk_jpeg, vector_pdf
from fixtures.builder import article, page, place, write_edition

from layout.cli import main
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_grid, make_up
from layout.makeup.grid import MM
from layout.makeup.model import FormItem, ImageItem, RuleItem, TextRun

TEXT = ["本报讯 " + "社区志愿者坚守卡口，为居民测量体温、登记信息。" * 12]
ADS = {"ads": {"label": "广告", "rule": 0.3}}


def ad(id: str, file: str, span, height: str = "8cm", **fields) -> dict:
    size = span if isinstance(span, str) else {"span": span, "height": height}
    return {"id": id, "kind": "ad", "ad": {"file": file, "size": size}, **fields}


def edition(tmp_path, ads: list[dict], paper=ADS):
    folder = write_edition(tmp_path, [page(1, [article("lead", "头条", TEXT, place=place(1, 6, 1, 20))]),
                                      page(2, [article("story", "二版新闻", TEXT, place=place(1, 4, 1, 30)),
                                               *ads])], paper=paper)
    return folder


def grid_of(folder):
    ed, _ = load_edition(folder)
    return ed, make_grid(ed.paper)


def booked_width(tmp_path, span: int) -> float:
    """The width in mm of `span` columns of the fixture paper's grid."""
    ed, grid = grid_of(edition(tmp_path / "probe", []))
    return grid.span_width(span) / MM


def test_a_tongl_ad_is_placed_whole_at_the_foot_with_rule_and_label(tmp_path):
    w = booked_width(tmp_path, 6)
    folder = edition(tmp_path, [ad("ad-bank", "ads/bank.jpg", 6)])
    cmyk_jpeg(folder / "ads" / "bank.jpg", w, 80)
    ed, grid = grid_of(folder)
    layout = make_up(ed, FontSet.load())
    assert not [d for d in layout.diagnostics if d.severity == "error"], layout.diagnostics
    p2 = layout.pages[1]
    frame = next(f for f in p2.frames if f.id == "ad-bank")
    assert frame.kind == "ad"
    assert abs(frame.rect.bottom - grid.area.bottom) < 0.01          # at the foot of the page
    image = next(i for i in p2.items if isinstance(i, ImageItem))
    assert image.crop is None                                          # never cropped
    assert abs(image.rect.w - grid.span_width(6)) < 0.5                # 通栏 …
    assert abs(image.rect.h - 80 * MM) < 0.5                           # … × 8 cm
    assert frame.rect.contains(image.rect)
    rules = [i for i in p2.items if isinstance(i, RuleItem) and frame.rect.contains(
        type(frame.rect)(i.x1, i.y1, i.x2 - i.x1, 0.01))]
    assert rules and rules[0].width_pt == 0.3
    label = [r for r in p2.items if isinstance(r, TextRun) and r.chars == "广告"]
    assert label and frame.rect.y < label[0].baseline < image.rect.y + 0.01
    placed = next(b for b in p2.placements if b.article_id == "ad-bank")
    assert (placed.column, placed.span, placed.automatic) == (1, 6, False)
    assert placed.rows == ed.pages[1].articles[1].ad.rows


def test_no_rule_nor_label_when_the_paper_asks_for_none(tmp_path):
    w = booked_width(tmp_path, 2)
    folder = edition(tmp_path, [ad("ad-small", "ads/small.jpg", 2, "5cm", place={"column": 5, "row": 1})],
                     paper={})
    cmyk_jpeg(folder / "ads" / "small.jpg", w, 50)
    ed, grid = grid_of(folder)
    p2 = make_up(ed, FontSet.load()).pages[1]
    frame = next(f for f in p2.frames if f.id == "ad-small")
    inside = [i for i in p2.items if isinstance(i, (TextRun, RuleItem))
              and frame.rect.contains(type(frame.rect)(getattr(i, "x", getattr(i, "x1", 0)),
                                                        getattr(i, "baseline", getattr(i, "y1", 0)), 0, 0))]
    assert inside == []
    assert ed.pages[1].articles[1].ad.rows == -(-50 * MM // grid.pitch)     # the artwork's lines only


def test_half_page_is_every_column_and_half_the_type_area(tmp_path):
    folder = edition(tmp_path, [ad("ad-half", "ads/half.jpg", "half-page")])
    ed, grid = grid_of(edition(tmp_path / "probe", []))
    area_mm = ed.paper.page.height_mm - ed.paper.margins.top_mm - ed.paper.margins.bottom_mm
    cmyk_jpeg(folder / "ads" / "half.jpg", grid.span_width(6) / MM, area_mm / 2, ppi=150)
    ed, grid = grid_of(folder)
    booked = ed.pages[1].articles[1].ad
    assert (booked.span, round(booked.height_mm, 3)) == (6, round(area_mm / 2, 3))
    image = next(i for i in make_up(ed, FontSet.load()).pages[1].items if isinstance(i, ImageItem))
    assert abs(image.rect.h - area_mm / 2 * MM) < 0.5


def test_an_ad_of_another_shape_than_its_booking_is_an_error_at_its_file(tmp_path, capsys):
    w = booked_width(tmp_path, 6)
    folder = edition(tmp_path, [ad("ad-bank", "ads/bank.jpg", 6)])
    cmyk_jpeg(folder / "ads" / "bank.jpg", w, 60)        # delivered 6 cm tall, booked 8 cm
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    line = next(ln for ln in err.splitlines() if "does not match its booking" in ln)
    text = (folder / "edition.yaml").read_text(encoding="utf-8").splitlines()
    where = line.split(": error:")[0]
    assert where.startswith(str(folder / "edition.yaml"))
    row, col = map(int, where.rsplit(":", 2)[1:])
    assert text[row - 1][col - 1:].startswith("ads/bank.jpg")
    assert "6 columns × 80.0 mm" in line and "60.0 mm tall" in line
    # still drawn whole (smaller, centred): never cropped, never stretched
    ed, _ = load_edition(folder)
    image = next(i for i in make_up(ed, FontSet.load()).pages[1].items if isinstance(i, ImageItem))
    assert image.crop is None and abs(image.rect.w / image.rect.h - w / 60) < 0.01


@pytest.mark.parametrize("maker, code", [
    (lambda p, w: cmyk_jpeg(p.with_suffix(".jpg"), w, 80, mode="RGB"), "must be CMYK or greyscale"),
    (lambda p, w: vector_pdf(p.with_suffix(".pdf"), w, 80, embedded=False),
     "fails the press check fonts-embedded (1 font object, 0 embedded): not embedded: Helvetica"),
    (lambda p, w: vector_pdf(p.with_suffix(".pdf"), w, 50), "does not match its booking"),
    (lambda p, w: vector_pdf(p.with_suffix(".pdf"), w, 80, pages=2), "an ad is one page"),
])
def test_what_the_advertiser_got_wrong_is_an_error_at_the_file(tmp_path, capsys, maker, code):
    w = booked_width(tmp_path, 6)
    made = maker(tmp_path / "x" / "ads" / "bad", w)
    folder = edition(tmp_path, [ad("ad-bad", "ads/" + made.name, 6)])
    (folder / "ads").mkdir()
    made.rename(folder / "ads" / made.name)
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert any(code in ln and ln.startswith(str(folder / "edition.yaml")) for ln in err.splitlines()), err


def test_a_place_that_contradicts_the_booking_is_an_error(tmp_path, capsys):
    w = booked_width(tmp_path, 6)
    folder = edition(tmp_path, [ad("ad-bank", "ads/bank.jpg", 6, place={"column": 1, "span": 4, "row": 40})])
    cmyk_jpeg(folder / "ads" / "bank.jpg", w, 80)
    assert main(["check", str(folder)]) == 1
    assert "differ from the booking (6 columns" in capsys.readouterr().err


def test_automatic_makeup_sets_stories_around_an_ad(tmp_path):
    w = booked_width(tmp_path, 2)
    folder = write_edition(tmp_path, [page(1, [article("lead", "头条", TEXT, place=place(1, 6, 1, 20))]),
                                      page(2, [article("a", "第一条新闻", TEXT * 3), article("b", "第二条", TEXT),
                                               ad("ad-pdf", "ads/v.pdf", 2, "6cm",
                                                  place={"column": 5, "row": 1})])], paper=ADS)
    vector_pdf(folder / "ads" / "v.pdf", w, 60)
    ed, grid = grid_of(folder)
    p2 = make_up(ed, FontSet.load()).pages[1]
    ad_frame = next(f for f in p2.frames if f.id == "ad-pdf")
    assert any(isinstance(i, FormItem) for i in p2.items)
    for f in p2.frames:
        if f.kind == "article":
            assert not f.rect.overlaps(ad_frame.rect), f.id
    auto = {b.article_id for b in p2.placements if b.automatic}
    assert auto == {"a", "b"}
