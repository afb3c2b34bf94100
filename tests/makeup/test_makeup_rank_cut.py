"""Areas in rank order on a page of few stories (layout/makeup/rank_cut.py): every guillotine
cut searched with a bound on the rank distance. Generated page seed 33 (6 stories) comes
out of the stack searches with its lesser stories' blocks the larger (rank-vs-area 0.30);
a cut with the lead across three columns over a band puts all of them in rank order."""
import pytest
from fixtures.benchmods import bench_module

from layout.makeup import rank_cut, rank_regions
from layout.makeup.auto import Steps, _score, block_area, empty_lines, freer, gutter_ratio, pressed
from layout.makeup.guillotine import clash
from layout.makeup.solver import _parts_of, rank_distance, sizes_grow

gen = bench_module("makeup_editions")
quality = bench_module("makeup_quality")
ceiling = bench_module("rank_ceiling")

SEED = 33


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return gen.prepare_root(tmp_path_factory.mktemp("rank_cut"))


def _off(monkeypatch):
    monkeypatch.setattr(rank_cut, "rank_cut", lambda planner, parts, columns, rows, fixed, best, steps: best)


def test_the_cut_puts_the_areas_in_rank_order(root, fonts, monkeypatch):
    better = quality.run_generated(SEED, root, fonts)
    _off(monkeypatch)
    before = quality.run_generated(SEED, root, fonts)
    assert before.exact and better.exact
    assert before.spearman_news < 0.5 and better.spearman_news == pytest.approx(1.0)
    assert better.hard_ok and better.lead_top_left and not better.clashes
    assert better.conventions == [] and better.lead_largest


@pytest.mark.parametrize("seed", [SEED, 26, 53])
def test_the_cut_never_makes_a_page_worse(root, fonts, monkeypatch, seed):
    calls = _watch(monkeypatch, rank_cut, "rank_cut")
    page = quality.run_generated(seed, root, fonts)
    assert calls and page.exact and page.hard_ok and not page.clashes and page.lead_top_left
    for was, now, d_was, d_now, empty, grow, clashes, covers in calls:
        assert now <= was and d_now <= d_was and not empty and not grow and not clashes and covers


def _watch(monkeypatch, module, name: str) -> list:
    """The pass module.name watched: per call (score before, after, rank distance before, after,
    empty lines, sizes growing, 碰题, the page tiled exactly)."""
    calls = []
    real = getattr(module, name)

    def watched(planner, parts, columns, rows, fixed, best, steps):
        out = real(planner, parts, columns, rows, fixed, best, steps)
        g = gutter_ratio(planner)
        was, now = _parts_of(best.blocks, parts), _parts_of(out.blocks, parts)
        calls.append((_score(list(best.blocks), was, g), _score(list(out.blocks), now, g),
                      rank_distance(best.blocks, was, g), rank_distance(out.blocks, now, g),
                      empty_lines(planner, out.blocks)[0], sizes_grow(list(out.blocks), now), clash(list(out.blocks)),
                      _covers(out.blocks, columns, rows)))
        return out

    monkeypatch.setattr(module, name, watched)
    return calls


def _page(seed):
    page, planner, grid, rows, parts, ranked, _ = ceiling.page_setup(seed)
    return planner, grid.columns, rows, freer(pressed(parts))


def _covers(blocks, columns: int, rows: int) -> bool:
    cells = [(c, r) for b in blocks for c in range(b.col, b.col + b.span) for r in range(b.row, b.row + b.rows)]
    return len(cells) == len(set(cells)) == columns * rows and \
        all(1 <= c <= columns and 1 <= r <= rows for c, r in cells)


def test_the_search_finds_exact_makeups_under_the_rules_and_below_the_bound():
    planner, columns, rows, parts = _page(SEED)
    g = gutter_ratio(planner)
    search = rank_cut._RankSearch(planner, parts, columns, rows, bound=100, lead_largest=True, together=True)
    found = search.run(rank_cut.RANK_CUT_STEPS)
    assert found is not None and search.steps <= rank_cut.RANK_CUT_STEPS + 1
    assert _covers(found, columns, rows) and not clash(found) and not sizes_grow(found, parts)
    lead = next(b for b in found if b.part is parts[0])
    assert (lead.col, lead.row) == (1, 1)
    assert all(block_area(b.span, b.rows, g) <= block_area(lead.span, lead.rows, g) for b in found)
    assert rank_distance(found, parts, g) == search.best_key[0] == 0
    nothing = rank_cut._RankSearch(planner, parts, columns, rows, bound=0, lead_largest=True, together=True)
    assert nothing.run(rank_cut.RANK_CUT_STEPS) is None       # no makeup has fewer than 0 the wrong way round


def test_the_search_stops_at_its_steps_and_is_charged():
    from layout.makeup.auto import _solve

    page, planner, grid, rows, made, _, _ = ceiling.page_setup(53)      # 7 stories: nothing better found
    parts = freer(pressed(made))
    search = rank_cut._RankSearch(planner, parts, grid.columns, rows, bound=100, lead_largest=False, together=False)
    search.run(500)
    assert 500 < search.steps <= 500 + 64      # (a level of the search open when the budget runs out counts its step)
    best = _solve(planner, made, grid.columns, rows, [], 0, Steps())
    assert rank_distance(best.blocks, _parts_of(best.blocks, made), gutter_ratio(planner)) >= rank_cut.RANK_CUT_FROM
    outs = []
    for _ in range(2):
        steps = Steps()
        outs.append(rank_cut.rank_cut(planner, made, grid.columns, rows, [], best, steps))
        # its steps, and its heights bitsets (seven stories: about 71 k)
        assert rank_cut.RANK_CUT_STEPS <= steps.spent <= rank_cut.RANK_CUT_STEPS + 100_000
    assert outs[0] == outs[1]


# ---- rectangles of a page of many stories cut again (layout/makeup/rank_regions.py)

MANY = 17     # 12 stories: rank-vs-area 0.57 from the searches, the copy's own order -0.18


def test_rectangles_cut_again_put_a_page_of_many_stories_nearer_rank_order(root, fonts, monkeypatch):
    better = quality.run_generated(MANY, root, fonts)
    monkeypatch.setattr(rank_regions, "rank_regions", lambda planner, parts, columns, rows, fixed, best, steps: best)
    before = quality.run_generated(MANY, root, fonts)
    assert before.exact and better.exact and better.stories == 12
    assert better.spearman_news > before.spearman_news + 0.2
    assert better.hard_ok and better.lead_top_left and not better.clashes
    assert better.conventions == before.conventions


@pytest.mark.parametrize("seed", [MANY, 56, 5])
def test_rectangles_cut_again_never_make_a_page_worse(root, fonts, monkeypatch, seed):
    calls = _watch(monkeypatch, rank_regions, "rank_regions")
    page = quality.run_generated(seed, root, fonts)
    assert calls and page.exact and page.hard_ok and not page.clashes and page.lead_top_left
    for was, now, d_was, d_now, empty, grow, clashes, covers in calls:
        assert now <= was and d_now <= d_was and not empty and not grow and not clashes and covers


def test_the_rectangles_are_made_of_whole_blocks():
    from layout.makeup.auto import _solve

    page, planner, grid, rows, made, _, _ = ceiling.page_setup(MANY)
    best = _solve(planner, made, grid.columns, rows, [], 0, Steps())
    blocks, g = list(best.blocks), gutter_ratio(planner)
    order = rank_cut._held(blocks, made)
    areas = rank_regions._regions(blocks, order, grid.columns, rows, g)
    assert areas
    for col, row, span, height in areas:
        inside = [b for b in blocks if rank_regions._within(b, (col, row, span, height))]
        assert 2 <= len(inside) <= 7 and sum(b.span * b.rows for b in inside) == span * height
        assert not any(b not in inside and b.col < col + span and col < b.col + b.span and
                       b.row < row + height and row < b.row + b.rows for b in blocks)     # no block cut


def test_an_areas_menus_cut_from_the_pages_are_its_own():
    from layout.makeup.guillotine import Guillotine

    planner, columns, rows, parts = _page(MANY)
    for height in (rows // 3, rows // 2):
        own = Guillotine(planner, parts[:5], 4, height)
        cut = Guillotine(planner, parts[:5], 4, height, menu_rows=rows)
        assert cut.menus == own.menus and any(m for pm in own.menus for m in pm)
