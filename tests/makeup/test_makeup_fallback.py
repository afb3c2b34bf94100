"""A page that cannot be made up exactly (automatic makeup's fallback): every story still
set under the makeup's rules — no 碰题, no headline wider than its block, nothing outside
the type area — and each story that does not fit named, by how much, with the ways out."""
import pytest
from fixtures.benchmods import bench_module
from fixtures.builder import article, page, write_edition

from layout.base.catalogue import Phrase
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up

LEAD = "区委书记主持召开会议，研究部署全区疫情防控和复工复产工作，要求各单位压实责任、落实措施。"
BODY = "记者从区商务局获悉，全区生活必需品供应充足，价格总体平稳，超市和菜店货源充足。"
NOTE = "春风徐来，大地回暖，疫情防控工作仍须坚持不懈，切莫松劲。"


@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


@pytest.fixture(scope="module")
def overfull(tmp_path_factory, fonts):
    """Page 1 with about twice the copy it holds, page 2 with one short story."""
    d = write_edition(tmp_path_factory.mktemp("overfull"), [
        page(1, [article("lead", "石景山区召开会议研究部署工作", [LEAD * 4] * 8, byline="本报讯（记者 李思婵）"),
                 article("note", "拐点未到", [NOTE * 4] * 4, kind="commentary"),
                 article("second", "复工复产有序推进", [BODY * 4] * 6),
                 article("third", "蔬菜货足价稳 市民采购有序", [BODY * 4] * 6),
                 article("fourth", "线上办、不见面", [BODY * 3] * 5)]),
        page(2, [article("other", "老楼装电梯", [BODY * 2])], section="综合新闻")])
    edition, diags = load_edition(str(d), font_ids=fonts.ids())
    assert edition is not None, [str(x) for x in diags]
    return edition, make_up(edition, fonts)


def test_each_story_that_does_not_fit_is_named_with_the_ways_out(overfull):
    edition, layout = overfull
    errors = [d for d in layout.diagnostics if d.code == "page-overfull"]
    assert errors
    page1 = {a.id for a in edition.pages[0].articles}
    over = {e.article_id for e in layout.copyfit if e.page == 1 and e.overflow_chars}
    named = {e.arguments["article"] for e in errors}
    assert named <= page1 and over <= named          # every story with overset is named
    for e in errors:
        assert e.arguments["page"] == 1 and e.arguments["lines"] > 0 and e.arguments["chars"] > 0
        ways = {w.code: dict(w.args) for w in e.arguments["ways"] if isinstance(w, Phrase)}
        assert ways["way.cut"]["chars"] == e.arguments["chars"]
        assert ways["way.continue"]["page"] == 2      # a later page exists
        assert "cut ≈" in e.message and "page 2" in e.message


def test_every_story_is_still_set_inside_the_page(overfull, fonts):
    quality = bench_module("makeup_quality")
    from layout.makeup import make_grid

    edition, layout = overfull
    page1 = layout.pages[0]
    frames = {f.id for f in page1.frames if f.kind == "article"}
    assert frames == {a.id for a in edition.pages[0].articles}
    assert quality.glyphs_outside(page1, fonts) == 0
    assert quality.clashes(page1, make_grid(edition.paper).gutter) == []
    assert not [d for d in layout.diagnostics if d.code == "headline-too-wide"]
    assert layout.fill[0].uncovered == 0              # the page is covered: overset, not holes


def test_a_page_with_room_is_offered(tmp_path, fonts):
    """Page 2 is overfull, page 1 empty: moving a story to page 1 is a way out; page 2 is
    the last, so continuing on a later page is not."""
    d = write_edition(tmp_path, [
        page(1, []),
        page(2, [article("lead", "石景山区召开会议研究部署工作", [LEAD * 4] * 16),
                 article("second", "复工复产有序推进", [BODY * 4] * 14),
                 article("third", "蔬菜货足价稳 市民采购有序", [BODY * 4] * 14)], section="综合新闻")])
    edition, diags = load_edition(str(d), font_ids=fonts.ids())
    assert edition is not None, [str(x) for x in diags]
    layout = make_up(edition, fonts)
    errors = [e for e in layout.diagnostics if e.code == "page-overfull"]
    assert errors
    for e in errors:
        codes = {w.code: dict(w.args) for w in e.arguments["ways"]}
        assert "way.continue" not in codes
        assert codes["way.move"]["page"] == 1
