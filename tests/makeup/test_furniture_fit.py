"""Furniture set inside its place or reported (layout.makeup.furniture_fit): a long editor
name or section in the 报眉, a long hotline label, too many hotlines, a long website URL, a
masthead title without logo wider than its place, a long date line or QR caption are each
one error at the place in the paper or edition file that holds the text — never text printed
over other furniture with nothing said (or said only as glyph overprints without a place)."""
from pathlib import Path

import pytest

from fixtures.builder import article, page, place, write_edition
from layout.makeup.model import TextRun
from layout.pipeline import load, make_up

REPO = Path(__file__).resolve().parents[2]
LEAD = article("lead", "标题", ["正文。"], place=place(1, 2, 1, 10))
SECOND = article("second", "标题", ["正文。"], place=place(1, 2, 1, 10))


def made(tmp_path, paper=None, **page2):
    folder = write_edition(tmp_path, [page(1, [LEAD]), page(2, [SECOND], **page2)], paper=paper or {})
    return make_up(load(folder))


def furniture_errors(result):
    found = [d for d in result.diagnostics if d.code.startswith("furniture-too-")]
    assert not [d for d in result.diagnostics if d.code.startswith(("text-outside", "text-overprints"))], \
        "the fault is told once, by furniture"
    return found


def line_of(path, text) -> int:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return next(i for i, l in enumerate(lines, 1) if text in l)


def test_a_long_editor_name_is_reported_where_the_page_writes_it(tmp_path):
    (d,) = furniture_errors(made(tmp_path, editor="欧阳" * 30))
    assert d.message.startswith("page 2, folio, right: '责任编辑:欧阳") and "shorten it" in d.message
    assert d.pos.path.endswith("edition.yaml") and d.pos.line == line_of(d.pos.path, "editor: 欧阳")


def test_a_long_section_is_reported_at_the_section(tmp_path):
    (d,) = furniture_errors(made(tmp_path, section="综合新闻" * 12))
    assert "page 2, folio, centre: '第2版  综合新闻" in d.message
    assert d.pos.line == line_of(d.pos.path, "section: 综合新闻综合")


def test_a_long_hotline_label_is_reported_at_its_entry(tmp_path):
    hot = {"title": "服务热线", "entries": [{"label": "区政府服务热线中心办公室", "number": "12345"},
                                            {"label": "供电", "number": "95598"}]}
    (d,) = furniture_errors(made(tmp_path, {"masthead": {"hotlines": hot}}))
    assert "page 1, hotline entry: '区政府服务热线中心办公室：12345' is" in d.message
    assert d.pos.path.endswith("paper.yaml") and d.pos.line == line_of(d.pos.path, "label: 区政府服务热线中心办公室")


def test_too_many_hotlines_say_how_many_the_box_holds(tmp_path):
    hot = {"title": "服务热线", "entries": [{"label": "区政府", "number": str(12345 + i)} for i in range(20)]}
    (d,) = furniture_errors(made(tmp_path, {"masthead": {"hotlines": hot}}))
    assert "page 1, 20 hotline entries:" in d.message and "the hotline box holds 12" in d.message
    assert d.pos.line == line_of(d.pos.path, "title: 服务热线")       # the hotlines mapping


def test_a_long_url_is_reported_and_not_drawn_over_the_date_line(tmp_path):
    url = "http://example.org/" + "abcdefghij/" * 40
    result = made(tmp_path, {"masthead": {"website": {"name": "测试网", "url": url}}})
    (d,) = furniture_errors(result)
    assert "page 1, the small print beside the masthead title:" in d.message
    assert d.pos.line == line_of(d.pos.path, "name: 测试网")          # the website mapping
    band = [f for f in result.layout.pages[0].frames if f.kind == "masthead"][0].rect
    small = [r for r in result.layout.pages[0].items if isinstance(r, TextRun) and "abcdefghij" in r.chars]
    assert small and all(r.baseline < band.bottom - 3 * 13.5 for r in small)


def test_a_masthead_title_without_logo_wider_than_its_place(tmp_path):
    (d,) = furniture_errors(made(tmp_path, {"masthead": {"title": "北京市石景山区测试日报社"}}))
    assert "page 1, masthead title: '北京市石景山区测试日报社' is" in d.message
    assert "use a logo, a shorter title or a smaller styles.masthead_title size" in d.message
    assert d.pos.line == line_of(d.pos.path, "title: 北京市石景山区测试日报社")


@pytest.mark.parametrize("masthead, what", [
    ({"dateline": "{year}年{month}月{day}日 {weekday} 第{issue}期(总第{total_issue}期)" * 3}, "date line"),
    ({"qr": {"url": "http://example.org", "caption": "测试公众号很长很长很长很长的说明文字"}}, "QR code caption"),
])
def test_a_long_date_line_or_qr_caption(tmp_path, masthead, what):
    (d,) = furniture_errors(made(tmp_path, {"masthead": masthead}))
    assert d.message.startswith(f"page 1, {what}: ")
    assert d.text("zh").startswith("第1版 ")


@pytest.mark.parametrize("edition", ["editions/shijingshan/2020-02-24", "bench/peer/2020-03-02",
                                     "tests/fixtures/minimal/2020-02-24"])
def test_the_shipped_editions_furniture_fits(edition):
    result = make_up(load(REPO / edition))
    assert not [str(d) for d in result.diagnostics if d.code.startswith("furniture-too-")]
