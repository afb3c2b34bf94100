"""Pages of few stories cut freely (layout/makeup/guillotine.py) and given more ways to a
height (Part.free): frozen pages of bench/makeup_editions.py that stacks, bands and the
lead over sub-stacks left not exactly full (issue 13, "every page exactly full"): seed 19
(page 3: 36 empty lines and 473 字 overset before; the lead across the top, two stacks
under it), seed 162 (page 2: 163 字 over; under page pressure), seed 10 (page 3: 10
lines short; only with freer shapes) and seed 73 (page 3, seven stories: 172 字 over). In
tests/fixtures/few."""
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from fixtures.benchmods import bench_module

from layout.makeup.auto import Block
from layout.makeup.guillotine import Guillotine, clash
from layout.makeup.plan import Part
from layout.pipeline import load, make_up

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "few"
gen = bench_module("makeup_editions")
quality = bench_module("makeup_quality")
PAGES = {10: 3, 19: 3, 73: 3, 162: 2}


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


def folder_of(root: Path, seed: int) -> Path:
    gen.prepare_root(root)          # the sample paper and the photos
    folder = root / f"seed-{seed}"
    folder.mkdir()
    shutil.copy(FIXTURES / f"seed-{seed}.yaml", folder / "edition.yaml")
    return folder


@pytest.mark.parametrize("seed", sorted(PAGES))
def test_a_page_of_few_stories_comes_out_exactly_full_by_the_rules(tmp_path, fonts, seed):
    from layout.makeup import make_grid

    loaded = load(str(folder_of(tmp_path, seed)), fonts)
    assert loaded.ok
    lay = make_up(loaded, only={PAGES[seed]}).layout
    page, fill = lay.pages[0], lay.fill[0]
    assert fill.uncovered == 0 and fill.short == 0, fill
    assert not [e for e in lay.copyfit if e.overflow_chars]
    assert not [d for d in lay.diagnostics if d.code in ("page-underfull", "page-overfull", "no-fit")]
    grid = make_grid(loaded.edition.paper)
    ed_page = loaded.edition.pages[-1]
    res = quality.measure(f"seed {seed}", seed, ed_page, page, fill, lay.copyfit, list(lay.diagnostics), 0.0,
                          fonts, grid)
    assert res.exact and res.hard_ok, quality.why(res)      # nothing lost, no overlap, no 碰题, inside the area
    # the lead the largest block: seed 162's first exact cut (under pressure) has a block larger than
    # the lead, its freer shapes one without, and that one wins (auto.solve: the rules before the score)
    assert res.lead_top_left and res.lead_largest
    assert not {"lead-headline", "headline-sizes", "commentary-shape", "briefs-apart"} & set(res.conventions)


# (seeds 19 and 73 are exact without the free cut too since a picture may stand above its
# headline (seed 19) and the other stack layouts above a band are tried last (seed 73))
@pytest.mark.parametrize("seed", (10, 162))
def test_without_the_free_cut_the_same_page_is_not_exact(tmp_path, fonts, seed, monkeypatch):
    import layout.makeup.guillotine as guillotine

    monkeypatch.setattr(guillotine, "FEW_PARTS", 0)
    loaded = load(str(folder_of(tmp_path, seed)), fonts)
    lay = make_up(loaded, only={PAGES[seed]}).layout
    assert lay.fill[0].short or any(e.overflow_chars for e in lay.copyfit)


@dataclass(frozen=True)
class Story:
    id: int
    boxed: bool = False


class Menus:
    """A planner of fixed menus: story k at span w has the heights menus[k][w]."""
    def __init__(self, menus):
        self.menus = menus

    def fits(self, part, w):
        return w in self.menus[part.id]

    def menu(self, part, w, rows, exact=True):
        from layout.makeup.shape import Shape
        return {h: Shape(span=w, rows=h, head_rows=2) for h in self.menus[part.id].get(w, ())}


def test_every_cut_of_the_page_is_found_once():
    """Three stories on a page 2 wide, 10 high: all the guillotines their heights allow,
    each once (in one canonical form), the lead (part 0) in the top-left corner."""
    parts = [Part(Story(0)), Part(Story(1)), Part(Story(2))]
    cut = Guillotine(Menus([{1: (10, 4), 2: (6,)}, {1: (4, 6), 2: (4,)}, {1: (4, 6)}]), parts, 2, 10)
    made = [tuple(sorted((b.col, b.span, b.row, b.rows, b.part.id) for b in m)) for m in cut.makeups()]
    assert len(made) == len(set(made))
    assert set(made) == {
        ((1, 1, 1, 10, 0), (2, 1, 1, 4, 1), (2, 1, 5, 6, 2)),     # the lead down the left, two on its right
        ((1, 1, 1, 10, 0), (2, 1, 1, 6, 1), (2, 1, 7, 4, 2)),
        ((1, 1, 1, 10, 0), (2, 1, 1, 4, 2), (2, 1, 5, 6, 1)),
        ((1, 1, 1, 10, 0), (2, 1, 1, 6, 2), (2, 1, 7, 4, 1)),
        ((1, 1, 7, 4, 1), (1, 2, 1, 6, 0), (2, 1, 7, 4, 2)),      # the lead across the top, two under it
        ((1, 1, 7, 4, 2), (1, 2, 1, 6, 0), (2, 1, 7, 4, 1)),
    }
    # the heights the three fill 2 columns to: 10, and 8 (story 1 across the top, 0 and 2 under it at 4:
    # which story is in the corner is the makeups' rule); none over the page's (12) kept
    assert cut.heights(7, 2, 0b111) == 1 << 10 | 1 << 8


def test_headlines_side_by_side_clash_unless_a_box_separates_them():
    a = Block(1, 2, 1, 20, 3, False)
    assert clash([a, Block(3, 2, 3, 20, 3, False)]) and not clash([a, Block(3, 2, 4, 20, 3, False)])
    assert not clash([a, Block(3, 2, 1, 20, 3, True)]) and not clash([a, Block(1, 2, 21, 20, 3, False)])


def test_a_free_part_has_more_heights(tmp_path, fonts):
    """Part.free: looseness a row further each way, 变栏 always (at any span), a row more of air: every
    plain height still there at no other cost, and more besides."""
    from layout.makeup import make_grid
    from layout.makeup.plan import Planner
    from layout.makeup.styles import Typesetter

    loaded = load(str(folder_of(tmp_path, 10)), fonts)
    ed = loaded.edition
    planner = Planner(Typesetter(ed.paper, fonts), make_grid(ed.paper))
    story = Part(next(a for a in ed.pages[-1].articles if a.id == "s10-2"), headline_size=22.0)
    for span in (2, 3, 4):
        plain, free = planner.menu(story, span, 73), planner.menu(replace(story, free=True), span, 73)
        assert set(plain) < set(free), span
        assert all(free[h].cost <= plain[h].cost for h in plain)
    # 变栏 at any span: two columns' text in one wider column, a gutter's more of text a row
    narrow = planner.menu(replace(story, free=True), 2, 73)
    assert any(s.body_cols == 1 for s in narrow.values()) and min(narrow) < min(planner.menu(story, 2, 73))


def test_place_write_freezes_a_free_makeup_to_the_same_pdf(tmp_path, capsys):
    """`place --write` of a page made up with freer shapes, built again: the same PDF
    (the hand placement with fit: true finds its free shape again, pages._fitted)."""
    from layout.cli.app import main

    folder = folder_of(tmp_path, 10)
    assert main(["build", str(folder), "-o", str(tmp_path / "a"), "-q"]) == 0
    assert main(["place", str(folder), "--write"]) == 0
    assert (folder / "edition.yaml").read_text(encoding="utf-8").count("fit: true") == 4
    assert main(["build", str(folder), "-o", str(tmp_path / "b"), "-q"]) == 0
    a, b = sorted((tmp_path / "a").rglob("*-p3.pdf")), sorted((tmp_path / "b").rglob("*-p3.pdf"))
    assert len(a) == len(b) == 1 and a[0].read_bytes() == b[0].read_bytes()
    capsys.readouterr()
