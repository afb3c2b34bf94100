"""竖排题 in makeup: the headline a strip at the article's right, top to bottom, the body set in
the width left of it; 1–2 digits upright, longer Latin runs turned; a headline longer than its
block is an error; automatic makeup sizes a vertical article with the narrower body."""
from __future__ import annotations

from fixtures.builder import article, page, place, write_edition

from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import TextRun
from layout.makeup.verify import verify_layout

TEXT = ["本报讯 " + "社区志愿者坚守卡口，为居民测量体温、登记信息。" * 10]


def made_up(tmp_path, headline, rows=40, **fields):
    folder = write_edition(tmp_path, [page(1, [
        article("lead", "头条", TEXT, place=place(1, 6, 1, 20)),
        article("vert", headline, TEXT, place=place(1, 3, 21, rows) if rows else None,
                headline_direction="vertical", **fields)])])
    ed, diags = load_edition(folder)
    assert ed is not None, diags
    return make_up(ed, FontSet.load())


def runs_of(layout, size):
    return [r for r in layout.pages[0].items if isinstance(r, TextRun) and r.size_pt == size]


def test_the_headline_stands_at_the_right_and_the_body_beside_it(tmp_path):
    layout = made_up(tmp_path, "春天里的守望：24小时", headline_size=20)
    frame = next(f for f in layout.pages[0].frames if f.id == "vert")
    head = runs_of(layout, 20)
    assert "".join(r.chars for r in head) == "春天里的守望︓24小时"      # ：in its vertical form
    xs = {round(r.x + 10) for r in head}                              # each an em wide (24 squeezed to it)
    assert len(xs) == 1                                               # one column, on one centre line
    ys = [r.baseline for r in head]
    assert ys == sorted(ys) and ys[1] - ys[0] == 20                   # down the page, an em apart
    two = next(r for r in head if r.chars == "24")
    assert two.angle == 0 and two.hscale < 1                          # 纵中横: upright, squeezed to the em
    body = [r for r in layout.pages[0].items if isinstance(r, TextRun) and r.size_pt == 9
            and frame.rect.contains(type(frame.rect)(r.x, r.baseline, 0, 0))]
    assert body and max(r.x + r.xs[-1] + 9 for r in body) < min(r.x for r in head) - 4.5   # air (a hung ， at most)
    assert frame.rect.right - 20 * 1.25 - 1 < min(r.x for r in head)
    assert not [d for d in verify_layout(layout, FontSet.load()) if d.severity == "error"]


def test_a_long_latin_run_is_turned(tmp_path):
    layout = made_up(tmp_path, "COVID时期的2020年", headline_size=20)
    head = runs_of(layout, 20)
    turned = {r.chars: r.angle for r in head if r.angle}
    assert turned == {"COVID": 90.0, "2020": 90.0}


def test_a_headline_longer_than_its_block_is_an_error(tmp_path):
    layout = made_up(tmp_path, "这是一个非常非常长的竖排标题无论如何也放不进去", rows=8)
    assert [d.code for d in layout.diagnostics if d.severity == "error"] == ["headline-too-long-vertical"]


def test_automatic_makeup_sets_a_vertical_article(tmp_path):
    layout = made_up(tmp_path, "等 春", rows=0, headline_size=20)
    placed = next(b for b in layout.pages[0].placements if b.article_id == "vert")
    assert placed.automatic
    cf = next(e for e in layout.copyfit if e.article_id == "vert")
    assert cf.overflow_chars == 0
    assert "".join(r.chars for r in runs_of(layout, 20)) == "等春"


def test_a_headline_style_can_make_its_headlines_vertical(tmp_path):
    """direction: vertical on commentary_headline: every 评论's title is a 竖题, unless the
    article says horizontal."""
    paper = {"styles": {"commentary_headline": {"font": "hei-bold", "size": 20, "direction": "vertical"}}}
    folder = write_edition(tmp_path, [page(1, [
        article("lead", "头条", TEXT, place=place(1, 4, 1, 20)),
        article("view", "拐点未到", TEXT, kind="commentary", place=place(5, 2, 1, 30)),
        article("flat", "切莫松劲", TEXT, kind="commentary", place=place(5, 2, 31, 30),
                headline_direction="horizontal")])], paper=paper)
    ed, diags = load_edition(folder)
    assert ed is not None, diags
    layout = make_up(ed, FontSet.load())
    head = {r.chars: r for r in runs_of(layout, 20)}
    assert {"拐", "点", "未", "到"} <= set(head)                   # one character a run: vertical
    assert "切莫松劲" in head                                       # the article's own word wins


def test_a_face_without_vertical_forms_borrows_the_marks_of_one_that_has_them(tmp_path):
    """The Kai subset keeps no `vert`: its headline's ，and 《》 come from a face that has
    their vertical forms, the characters around them stay Kai."""
    fonts = FontSet.load()
    assert not fonts.vertical_forms("lxgw-wenkai-regular")
    folder = write_edition(tmp_path, [page(1, [
        article("lead", "头条", TEXT, place=place(1, 6, 1, 20)),
        article("vert", "春天，《守望》", TEXT, place=place(1, 3, 21, 40), headline_direction="vertical",
                headline_size=20)])],
        paper={"styles": {"headline": {"font": "kai"}}})
    ed, diags = load_edition(folder)
    assert ed is not None, diags
    head = runs_of(make_up(ed, fonts), 20)
    assert "".join(r.chars for r in head) == "春天︐︽守望︾"
    for r in head:
        assert (r.font == "lxgw-wenkai-regular") == (r.chars in "春天守望"), (r.chars, r.font)
        if r.font != "lxgw-wenkai-regular":
            assert fonts.vertical_forms(r.font)
