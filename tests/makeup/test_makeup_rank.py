"""Automatic makeup by rank (issue 13, item 3): the lead top-left with the largest block and
headline, areas and photos falling with rank, headline sizes never growing as rank drops,
the boxed commentary and the briefs in their kinds' shapes. Fixture pages (made up exactly
full, which each test checks first) through load_edition and make_up."""
from pathlib import Path

import pytest
from fixtures.builder import article, page, write_edition

from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import BoxItem, ImageItem, TextRun

SENTENCES = ("区委召开会议，研究部署近期重点工作，要求各部门把责任落实到单位和个人。",
             "记者了解到，辖区已有一千二百余名志愿者参与社区值守。",
             "“能出一份力就出一份力。”一位志愿者说。",
             "下一步，街道将继续做好便民服务，切实保障居民群众的日常生活。",
             "会议强调，要统筹做好各项工作，推动政策尽快落地见效。",
             "据介绍，全区共设置服务网点四十余处，每天安排专人巡查。")


@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


def copy(chars: int, first: int = 0, para: int = 150) -> list[str]:
    """Paragraphs of whole sentences, about `para` characters each, `chars` in all."""
    out, cur, total, i = [], "", 0, first
    while total < chars:
        s = SENTENCES[i % len(SENTENCES)]
        i += 1
        cur += s
        total += len(s)
        if len(cur) >= para:
            out.append(cur)
            cur = ""
    return out + ([cur] if cur else [])


def story(id, headline, chars, first, **fields):
    return article(id, headline, copy(chars, first), byline="本报讯（记者 李思婵）", **fields)


def commentary(chars=450):
    return article("comment", "拐点未到 切莫松劲", copy(chars, 1), kind="commentary", author="本报评论员")


def made_up(tmp_path, fonts, articles):
    """Page 2 of an edition (page 1 left empty) made up automatically; it must be exactly
    full, or the rules below would be those of the fallback."""
    folder = write_edition(tmp_path, [page(1, []), page(2, articles)])
    edition, diags = load_edition(str(folder), font_ids=fonts.ids())
    assert edition is not None, [str(d) for d in diags]
    layout = make_up(edition, fonts)
    fill = layout.fill[-1]
    assert (fill.uncovered, fill.short) == (0, 0), fill
    assert not [d for d in layout.diagnostics if d.severity.name == "ERROR"]
    return edition.pages[-1], layout.pages[-1]


def _frames(pl):
    return {f.id: f for f in pl.frames if f.kind == "article"}


def _area(f):
    return f.rect.w * f.rect.h


def _headline_size(pl, f):
    """The largest text set at the top of the block: its 主题."""
    r = f.rect
    runs = [it.size_pt for it in pl.items if isinstance(it, TextRun) and "bold" in it.font
            and r.x - 0.5 <= it.x <= r.right and r.y <= it.baseline <= r.y + 80]
    return max(runs, default=0.0)


NEWS = [("lead", "全区部署疫情防控工作", 1100), ("second", "社区志愿者上岗值守", 700),
        ("third", "企业有序复工复产", 600), ("fourth", "菜篮子货足价稳", 500), ("fifth", "线上教学平稳开展", 400)]


@pytest.fixture(scope="module")
def news_page(tmp_path_factory, fonts):
    """A lead with a kicker, the boxed commentary second, four lesser stories."""
    arts = [story(*NEWS[0], 0, kicker="坚持防控和发展两手抓"), commentary()]
    arts += [story(id, head, chars, k) for k, (id, head, chars) in enumerate(NEWS[1:], 2)]
    return made_up(tmp_path_factory.mktemp("news"), fonts, arts)


def test_the_lead_is_top_left_with_the_largest_block_and_headline(news_page):
    ed_page, pl = news_page
    frames = _frames(pl)
    lead = frames["lead"]
    folio = next(f for f in pl.frames if f.kind == "folio")
    assert abs(lead.rect.x - pl.type_area.x) < 0.5 and abs(lead.rect.y - folio.rect.bottom) < 0.5
    assert all(_area(f) < _area(lead) for k, f in frames.items() if k != "lead")
    sizes = {k: _headline_size(pl, f) for k, f in frames.items() if k != "comment"}
    assert sizes["lead"] == max(sizes.values()) and list(sizes.values()).count(sizes["lead"]) == 1


def test_news_areas_fall_with_rank(news_page):
    """The copy falls with rank, so must the blocks: rank-vs-area Spearman 1 on this page."""
    _, pl = news_page
    frames = _frames(pl)
    areas = [_area(frames[id]) for id, _, _ in NEWS]
    assert areas == sorted(areas, reverse=True) and len(set(areas)) == len(areas), areas


def test_headline_sizes_never_grow_as_rank_drops(news_page):
    _, pl = news_page
    frames = _frames(pl)
    sizes = [_headline_size(pl, frames[id]) for id, _, _ in NEWS]
    assert sizes == sorted(sizes, reverse=True), sizes
    assert sizes[0] > sizes[-1]


def test_the_commentary_keeps_its_box(news_page):
    """评论: boxed, at most half the page wide and never wider than the lead."""
    _, pl = news_page
    frames = _frames(pl)
    comment, lead = frames["comment"], frames["lead"]
    assert any(isinstance(it, BoxItem) and comment.rect.contains(it.rect, eps=1) for it in pl.items)
    assert comment.rect.w <= pl.type_area.w / 2 + 0.5
    assert comment.rect.w <= lead.rect.w + 0.5


def test_briefs_stand_in_one_column(tmp_path, fonts):
    """简讯: all of a page's briefs one under another, at one width, nothing between them."""
    briefs = [article(f"brief{k}", head, copy(240, 6 + k, para=80), kind="brief", headline_size=14,
                      headline_align="left")
              for k, head in enumerate(("图书馆推出线上服务", "便民菜站延长营业", "公交线路临时调整"))]
    arts = [story("lead", "全区部署疫情防控工作", 1300, 0), commentary(),
            story("second", "社区志愿者上岗值守", 800, 2), story("third", "企业有序复工复产", 600, 3)] + briefs
    _, pl = made_up(tmp_path, fonts, arts)
    frames = _frames(pl)
    column = sorted((frames[b["id"]].rect for b in briefs), key=lambda r: r.y)
    assert len({(round(r.x), round(r.w)) for r in column}) == 1
    assert all(abs(a.bottom - b.y) < 0.5 for a, b in zip(column, column[1:]))
    assert frames["lead"].rect.w >= column[0].w


def test_a_lesser_story_has_no_larger_photo(tmp_path, fonts):
    """Two stories with photos of one shape: the lesser story's photo is not the larger."""
    from PIL import Image

    images = tmp_path / "2020-02-24" / "images"
    images.mkdir(parents=True)
    Image.new("L", (1600, 1200), 140).save(images / "photo.png")

    def photo(caption):
        return {"file": "images/photo.png", "caption": caption}

    arts = [story("lead", "全区部署疫情防控工作", 1200, 0), commentary(),
            story("second", "社区志愿者上岗值守", 600, 2, photo=photo("志愿者在社区卡口测量体温。")),
            story("third", "企业有序复工复产", 500, 3, photo=photo("企业员工在生产线上忙碌。")),
            story("fourth", "菜篮子货足价稳", 400, 4), story("fifth", "线上教学平稳开展", 300, 5)]
    _, pl = made_up(tmp_path, fonts, arts)
    frames = _frames(pl)
    pictures = {k: max((it.rect.w * it.rect.h for it in pl.items if isinstance(it, ImageItem)
                        and frames[k].rect.contains(it.rect, eps=1)), default=0.0) for k in ("second", "third")}
    assert pictures["third"] > 0 and pictures["second"] >= pictures["third"], pictures
    areas = [_area(frames[k]) for k in ("lead", "second", "third", "fourth", "fifth")]
    assert areas == sorted(areas, reverse=True), areas
