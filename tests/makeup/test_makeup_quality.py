"""The makeup quality benchmark as a light test: generated pages (bench/makeup_editions.py)
made up automatically must keep the hard rules (bench/makeup_quality.py measures the rest):
nothing lost, no overflow without an error, no overlapping frames, no glyph outside the
type area, no 碰题; and the lead top-left and item 3's conventions by rank (headline sizes,
the commentary's box, the briefs' column). Pages that break a rule today are marked xfail
(not strict) with their seed, so that the makeup's author can reproduce them:
`python bench/makeup_quality.py --seed SEED --pages 1 --verbose`."""
import pytest
from fixtures.benchmods import bench_module

gen = bench_module("makeup_editions")
quality = bench_module("makeup_quality")

# seeds 174 and 177: page-overfull (fill 1.009 and 1.046; since pages of few stories are cut
# freely, seed 10 is exact, and 0-5 are but seed 1)
SEEDS = (*range(6), 174, 177)
# (rule, seed) that fail today, reported to the makeup (issue 13); none since the fallback
# searches elastic shapes under the same rules as an exact makeup but one: seed 0 is exactly
# full since headlines break without a space, only with its two briefs in two columns, and
# seed 1 since pages of few stories are cut freely, only with its three briefs apart
FAILING: dict[tuple[str, int], str] = {("conventions", 0): "exact only with the briefs apart (briefs-apart)",
                                       ("conventions", 1): "exact (cut freely, guillotine.py) only with its three "
                                                           "briefs apart (briefs-apart)"}


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


@pytest.fixture(scope="module")
def results(tmp_path_factory, fonts):
    root = gen.prepare_root(tmp_path_factory.mktemp("quality"))
    return {seed: quality.run_generated(seed, root, fonts) for seed in SEEDS}


def _cases(rule):
    out = []
    for seed in SEEDS:
        why = FAILING.get((rule, seed))
        marks = [pytest.mark.xfail(reason=f"seed {seed}: {why}", strict=False)] if why else []
        out.append(pytest.param(seed, marks=marks, id=f"seed{seed}"))
    return out


@pytest.mark.parametrize("seed", _cases("lost"))
def test_every_article_has_a_frame(results, seed):
    assert results[seed].lost == []


@pytest.mark.parametrize("seed", _cases("silent-overflow"))
def test_no_overflow_without_an_error(results, seed):
    assert not results[seed].silent_overflow


@pytest.mark.parametrize("seed", _cases("overlap"))
def test_no_two_frames_overlap(results, seed):
    assert results[seed].overlaps == []


@pytest.mark.parametrize("seed", _cases("outside"))
def test_no_glyph_outside_the_type_area(results, seed):
    assert results[seed].outside == 0


@pytest.mark.parametrize("seed", _cases("clash"))
def test_no_headlines_side_by_side(results, seed):
    assert results[seed].clashes == []


@pytest.mark.parametrize("seed", _cases("reported"))
def test_a_page_not_exactly_full_says_why(results, seed):
    """Every page that is not exactly full carries a message an editor can act on."""
    r = results[seed]
    assert r.exact or quality.REPORTED & set(r.codes), (r.codes, r.holes, r.empty_lines, r.overset)


def test_the_seeds_reach_the_fallback(results):
    """The light test exercises the fallback (pages with no exact makeup), not only easy pages."""
    assert sum(not r.exact for r in results.values()) >= 2


@pytest.mark.parametrize("seed", _cases("lead"))
def test_the_lead_is_top_left(results, seed):
    assert results[seed].lead_top_left


@pytest.mark.parametrize("seed", _cases("conventions"))
def test_conventions_by_rank(results, seed):
    """Item 3's conventions (makeup_quality.conventions): no news headline larger than the
    lead's, headline sizes not growing as rank drops, the commentary boxed and no wider than
    the lead, the briefs one column."""
    assert results[seed].conventions == []


def test_generated_pages_are_what_the_benchmark_says():
    """4-12 stories, 200-2,500 字 each, paragraphs of 60-250, headlines of 8-20 (some two
    phrases with a space), 0-3 photos, one commentary, ranks not strictly by length."""
    spaced = photos_seen = unsorted = 0
    lo, hi = gen.FILL_RANGE
    for seed in range(12):
        page = gen.generate_page(seed)
        stories = page.stories
        assert 4 <= len(stories) <= 12
        assert sum(s.kind == "commentary" for s in stories) == 1
        assert sum(bool(s.photo) for s in stories) <= 3
        photos_seen += any(s.photo for s in stories)
        for s in stories:
            assert 200 <= s.chars <= 2500, (seed, s.id, s.chars)
            assert all(60 <= len(p) <= 250 for p in s.paragraphs), (seed, s.id)
            head = "".join(s.headline) if isinstance(s.headline, list) else s.headline.replace(" ", "")
            if s.kind != "commentary":
                assert 8 <= len(head) <= 20, (seed, s.headline)
            spaced += isinstance(s.headline, str) and " " in s.headline
        news = [s.chars for s in stories if s.kind == "news"]
        unsorted += news != sorted(news, reverse=True)
        assert lo - 0.02 <= page.fill <= hi + 0.02, (seed, page.fill)    # the planner's figure, calibrated
    assert spaced and photos_seen and unsorted
    assert gen.edition_yaml(gen.generate_page(7)) == gen.edition_yaml(gen.generate_page(7))


def test_fill_is_the_planners_figure():
    """generate_page(seed, fill=f) scales the copy until the planner says it needs f of the
    page: more fill, more characters, the same stories."""
    low, high = gen.generate_page(3, fill=0.9), gen.generate_page(3, fill=1.05)
    assert low.fill == pytest.approx(0.9, abs=0.02) and high.fill == pytest.approx(1.05, abs=0.02)
    assert [s.id for s in low.stories] == [s.id for s in high.stories]
    assert sum(s.chars for s in low.stories) < sum(s.chars for s in high.stories)


def test_the_clash_check_finds_headlines_side_by_side():
    """The 碰题 check itself: two frames in neighbouring columns with 主题 at one height
    clash; a box around one of them, or headlines at different heights, do not."""
    from layout.makeup.model import BlockFrame, BoxItem, PageLayout, Rect, TextRun

    def page(b_head_y, boxed=False):
        a, b = Rect(0, 0, 100, 300), Rect(109, 0, 100, 300)
        items = [TextRun(10, 30, "f", 26, "头条新闻", (0, 26, 52, 78)),
                 TextRun(119, b_head_y, "f", 22, "二条新闻", (0, 22, 44, 66)),
                 TextRun(10, 100, "f", 9, "正文", (0, 9))]
        if boxed:
            items.append(BoxItem(b))
        return PageLayout(2, 300, 400, tuple(items), (BlockFrame("a", a, "article"), BlockFrame("b", b, "article")))

    assert quality.clashes(page(34), gutter=9.0) == [("a", "b")]
    assert quality.clashes(page(34, boxed=True), gutter=9.0) == []
    assert quality.clashes(page(200), gutter=9.0) == []


def test_spearman():
    assert quality.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert quality.spearman([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1.0)
    assert quality.spearman([1, 2, 3], [5, 5, 5]) is None
    assert quality.spearman([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
