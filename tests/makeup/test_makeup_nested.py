"""Lead over sub-stacks (layout/makeup/nested.py): the layouts tried, their slots, and a
page only the 头条 across the page fills exactly, made up through the pipeline."""
import pytest
from fixtures.benchmods import bench_module
from fixtures.builder import article, page, write_edition

from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_grid, make_up
from layout.makeup.nested import nested_layouts, nested_slots

quality = bench_module("makeup_quality")
WIDTHS = set(range(1, 7))


def test_one_box_leaves_only_the_lead_across_the_page():
    """Stack tops side by side need a box between them (碰题): with one box, the lead spans
    the page and two or three sub-stacks stand under it; with two, L shapes too."""
    one = nested_layouts(6, 1, WIDTHS)
    assert one and all(w == 6 and right == () and 2 <= len(under) <= 3 for w, right, under in one)
    assert (6, (), (4, 2)) in one and (6, (), (2, 2, 2)) in one
    assert nested_layouts(6, 0, WIDTHS) == []
    two = nested_layouts(6, 2, WIDTHS)
    assert (4, (2,), (2, 2)) in two
    assert all(w >= max(right + under) and sum(right) + w == 6 and sum(under) == w for w, right, under in two)
    assert all(2 not in {w, *right, *under} for w, right, under in nested_layouts(6, 2, WIDTHS - {2}))


def test_the_slots_tile_the_area_in_zone_order():
    """The lead's slot first, the stacks on its right (上右), then the sub-stacks under it
    from the right (下右 > 下左); together they cover the area once."""
    slots = nested_slots(4, (2,), (2, 2), 20, 75)
    assert [(s.col, s.span, s.top, s.rows) for s in slots] == [
        (1, 4, 1, 20), (5, 2, 1, 75), (3, 2, 21, 55), (1, 2, 21, 55)]
    cells = [(c, r) for s in slots for c in range(s.col, s.col + s.span) for r in range(s.top, s.bottom)]
    assert len(cells) == len(set(cells)) == 6 * 75


LEAD = "区委书记主持召开会议，研究部署全区疫情防控和复工复产工作，要求各单位压实责任、落实措施。"
BODY = "记者从区商务局获悉，全区生活必需品供应充足，价格总体平稳，超市和菜店货源充足。"
NOTE = "春风徐来，大地回暖，疫情防控工作仍须坚持不懈，切莫松劲。"
MORE = "街道社区组织志愿者开展入户走访，帮助老人购买生活用品，解决实际困难。"


@pytest.fixture(scope="module")
def across(tmp_path_factory):
    """A front page that stacks side by side (with or without a band at the foot, under
    page pressure or not) leave 27 body lines short of: only the lead across the page
    with stacks under it fills it."""
    fonts = FontSet.load()
    d = write_edition(tmp_path_factory.mktemp("nested"), [page(1, [
        article("lead", "石景山区召开会议研究部署工作", [LEAD * 9] * 3),
        article("note", "拐点未到", [NOTE * 2] * 3, kind="commentary"),
        article("second", "复工复产有序推进", [BODY * 4] * 2),
        article("third", "蔬菜货足价稳", [MORE * 6] * 4),
        article("fourth", "社区志愿服务暖人心", [BODY * 6] * 2),
    ])])
    edition, diags = load_edition(str(d), font_ids=fonts.ids())
    assert edition is not None, [str(x) for x in diags]
    return edition, make_up(edition, fonts), make_grid(edition.paper)


def test_the_lead_across_the_page_fills_it_exactly(across):
    edition, layout, grid = across
    assert layout.fill[0].uncovered == 0 and layout.fill[0].short == 0, layout.fill[0]
    assert not [e for e in layout.copyfit if e.overflow_chars]
    assert not [x for x in layout.diagnostics if x.code in ("page-underfull", "page-overfull", "no-fit")]
    frames = {f.id: f for f in layout.pages[0].frames if f.kind == "article"}
    assert set(frames) == {"lead", "note", "second", "third", "fourth"}
    lead = frames["lead"].rect
    assert lead.x == pytest.approx(grid.area.x) and lead.w == pytest.approx(grid.area.w, abs=0.5)
    assert all(f.rect.y >= lead.bottom - 0.5 for k, f in frames.items() if k != "lead")
    assert all(f.rect.w * f.rect.h < lead.w * lead.h for k, f in frames.items() if k != "lead")
    # 区序: the second story stands under the lead at the left
    assert frames["second"].rect.x == pytest.approx(grid.area.x) and frames["second"].rect.y == pytest.approx(lead.bottom)


def test_the_nested_page_keeps_the_rules(across):
    """No 碰题, no overlap, headline sizes by rank (the lead's the largest)."""
    edition, layout, grid = across
    pg = layout.pages[0]
    assert quality.clashes(pg, grid.gutter) == []
    frames = [f for f in pg.frames if f.kind == "article"]
    for i, a in enumerate(frames):
        assert pg.type_area.contains(a.rect)
        assert not any(a.rect.overlaps(b.rect, eps=0.5) for b in frames[i + 1:])
    sizes = {f.id: quality.headline_size(pg, f) for f in frames}
    news = [sizes[a.id] for a in edition.pages[0].articles if a.kind == "news"]
    assert news == sorted(news, reverse=True) and news[0] > news[1]
