"""A page's search work is bounded by counted steps (auto.Steps), never by the clock. On a
hard page of 12 stories that no makeup fills (generated seed 196: the stacks' searches,
the lead over sub-stacks, the solver and the fallback all run) every search charges the
page's one budget: the total stays within PAGE_STEPS, the solver's and the fallback's work
are in it, and the page comes out the same each time. With a small budget the page is
still set whole, under the hard rules, and explained."""
import pytest
from fixtures.benchmods import bench_module

from layout.makeup import auto, pages
from layout.makeup.dump import dump_layout
from layout.makeup.styles import COMPOSE_CACHE
from layout.pipeline import load, make_up

gen = bench_module("makeup_editions")
quality = bench_module("makeup_quality")

SEED = 196
OVER = 1000        # a search stops at the first step past its budget, give or take a few


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return gen.prepare_root(tmp_path_factory.mktemp("budget"))


@pytest.fixture(scope="module")
def spec():
    return gen.generate_page(SEED)


def _counted(monkeypatch, **budget):
    """The Steps the pipeline makes for a page, recorded, with `budget` as their shares,
    and the steps spent when the fallback got its share."""
    made, before_fallback = [], []

    class Counted(auto.Steps):
        def __init__(self, **kw):
            super().__init__(**(budget | kw))
            made.append(self)

        def for_fallback(self):
            before_fallback.append(self.spent)
            return super().for_fallback()

    monkeypatch.setattr(pages, "Steps", Counted)
    return made, before_fallback


def test_every_search_charges_the_page_budget(root, fonts, spec, monkeypatch):
    made, before_fallback = _counted(monkeypatch)
    page = quality.run_generated(SEED, root, fonts, spec=spec)
    assert page.stories == 12 and "page-overfull" in page.codes      # no exact makeup: every search ran
    assert len(made) == 1
    steps = made[0]
    assert steps.solver < auto.SOLVER_TIME            # the solver ran, and charged the page (below)
    assert before_fallback and before_fallback[0] > auto.SEARCH_STEPS
    assert steps.spent > before_fallback[0]           # the fallback's search is counted too
    assert steps.spent <= auto.PAGE_STEPS


def test_the_page_is_the_same_each_time(root, fonts, spec, monkeypatch):
    loaded = load(str(gen.write_edition(spec, root)), fonts)
    runs = []
    for _ in range(2):
        made, _ = _counted(monkeypatch)
        COMPOSE_CACHE.clear()
        runs.append((dump_layout(make_up(loaded, only={spec.number}).layout), made[0].spent))
    assert runs[0] == runs[1]


def test_a_small_budget_still_sets_the_page_and_explains_it(root, fonts, spec, monkeypatch):
    small = dict(left=20_000, solver=0.0, kept=20_000)
    made, _ = _counted(monkeypatch, **small)
    page = quality.run_generated(SEED, root, fonts, spec=spec)
    assert made[0].spent <= small["left"] + small["kept"] + OVER
    assert page.hard_ok and not page.lost and page.holes == 0
    assert "page-overfull" in page.codes
