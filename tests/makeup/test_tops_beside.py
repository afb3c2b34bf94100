"""Slots whose tops stand side by side: a grouping of stories whose two groups would both
open with a headline at that row is a dead end (碰题 whatever the heights), and the search
no longer spends its groupings (MAX_ASSIGNMENTS) on it. Seed 96 (a front page of 9
stories, one boxed commentary, three stacks of two columns) had its 30 groupings used up by
such dead ends before one with the box between two tops came up: now exactly full."""
import pytest
from fixtures.benchmods import bench_module

gen = bench_module("makeup_editions")
quality = bench_module("makeup_quality")


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


def test_three_stacks_with_the_box_between_their_tops(tmp_path, fonts):
    r = quality.run_generated(96, gen.prepare_root(tmp_path), fonts)
    assert r.exact, (r.empty_lines, r.overset, r.codes)
    assert r.hard_ok and r.lead_top_left and r.clashes == []
