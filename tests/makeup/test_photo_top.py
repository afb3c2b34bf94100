"""A picture above its story's headline (图在题上): where a story's headline would stand
beside a neighbour's (碰题), the makeup may move the story's picture, across its block,
above the headline instead, at the same height: the block then opens with the picture.
Seed 24 (a page of 10 stories) is exactly full with one of its stories' pictures on top (as the
stack search makes it up, before rank_regions.py cuts rectangles of it again)."""
import pytest
from fixtures.benchmods import bench_module

from layout.makeup import make_grid
from layout.makeup.model import ImageItem, TextRun
from layout.makeup.plan import PHOTO_TOP_COST, Part, Planner
from layout.makeup.styles import Typesetter
from layout.makeup.verify import verify_page
from layout.pipeline import load, make_up

gen = bench_module("makeup_editions")
quality = bench_module("makeup_quality")


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


@pytest.fixture(scope="module")
def made(tmp_path_factory, fonts):
    from layout.makeup import rank_regions

    spec = gen.generate_page(24)
    loaded = load(str(gen.write_edition(spec, gen.prepare_root(tmp_path_factory.mktemp("top")))), fonts)
    assert loaded.ok
    # the stack search's makeup (rectangles of it cut again for rank order find one without the picture on top)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rank_regions, "rank_regions", lambda planner, parts, columns, rows, fixed, best, steps: best)
        return loaded, make_up(loaded, only={spec.number}).layout


def _heads(page, frame):
    return [r for r in page.items if isinstance(r, TextRun) and r.size_pt >= quality.HEAD_PT and r.chars.strip()
            and frame.rect.x - 0.5 <= r.x <= frame.rect.right and frame.rect.y <= r.baseline <= frame.rect.bottom]


def test_the_page_is_exactly_full_without_headlines_side_by_side(made, fonts):
    loaded, layout = made
    page = layout.pages[0]
    assert layout.fill[0].uncovered == 0 and layout.fill[0].short == 0
    assert sum(e.overflow_chars for e in layout.copyfit) == 0
    assert quality.clashes(page, make_grid(loaded.edition.paper).gutter) == []
    assert verify_page(page, fonts) == ()


def test_a_block_opens_with_its_picture_and_its_headline_under_it(made):
    loaded, layout = made
    page = layout.pages[0]
    on_top = []
    for f in page.frames:
        photos = [it.rect for it in page.items if isinstance(it, ImageItem) and f.rect.contains(it.rect, eps=0.5)]
        heads = _heads(page, f)
        if photos and heads and abs(photos[0].y - f.rect.y) < 1 and \
                all(r.baseline - r.size_pt >= photos[0].bottom for r in heads):
            on_top.append(f.id)
    assert on_top


def test_photo_tops_are_the_menus_shapes_with_the_picture_moved_up(made, fonts):
    loaded, _ = made
    ed = loaded.edition
    planner = Planner(Typesetter(ed.paper, fonts), make_grid(ed.paper))
    art = next(a for p in ed.pages for a in p.articles if a.photo)
    part = Part(art)
    menu = planner.menu(part, 3, 60)
    tops = planner.photo_tops(part, 3, menu)
    assert tops and set(tops) <= set(menu)
    for h, shape in tops.items():
        assert shape.photo_top and shape.rows == h == menu[h].rows
        assert shape.cost == pytest.approx(menu[h].cost + PHOTO_TOP_COST)
        assert shape.head_top == shape.photo_rows + shape.caption_rows > 0
    text = next(a for p in ed.pages for a in p.articles if not a.photo)
    assert planner.photo_tops(Part(text), 3, planner.menu(Part(text), 3, 60)) == {}


def test_place_write_finds_the_picture_on_top_again(tmp_path, fonts, capsys):
    """`place --write` freezes the makeup (fit: true); made up again from those placements,
    the block whose picture stood above its headline has it there again: the same page."""
    from layout.cli.app import main

    spec = gen.generate_page(24)
    folder = gen.write_edition(spec, gen.prepare_root(tmp_path))
    before = make_up(load(str(folder), fonts), only={spec.number}).layout.pages[0]
    assert main(["place", str(folder), "--write"]) == 0
    capsys.readouterr()
    assert "fit: true" in (folder / "edition.yaml").read_text(encoding="utf-8")
    after = make_up(load(str(folder), fonts), only={spec.number}).layout
    assert not any(b.automatic for b in after.pages[0].placements)
    assert after.pages[0].items == before.items          # every glyph, rule and picture where it was
    assert [(f.id, f.rect) for f in after.pages[0].frames] == [(f.id, f.rect) for f in before.frames]
