"""A page made exactly full because a headline without a space may be set in two lines:
bench/makeup_editions.py's seed 21 (frozen in tests/fixtures/headline_break), whose boxed
commentary 守住家门口 stands one column wide only as 守住 / 家门口."""
import shutil
from pathlib import Path

import pytest
from fixtures.benchmods import bench_module

import layout.makeup.plan as plan
from layout.pipeline import load, make_up

FROZEN = Path(__file__).resolve().parents[1] / "fixtures" / "headline_break" / "edition.yaml"
gen = bench_module("makeup_editions")


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


@pytest.fixture
def edition(tmp_path):
    root = gen.prepare_root(tmp_path)          # the sample paper and the photos
    folder = root / "seed-21"
    folder.mkdir()
    shutil.copy(FROZEN, folder / "edition.yaml")
    return str(folder)


def made_up(folder, fonts):
    loaded = load(folder, fonts)
    assert loaded.ok
    lay = make_up(loaded, only={2}).layout
    return lay.pages[0], lay.fill[0], lay.copyfit


def exactly_full(fill, copyfit) -> bool:
    return fill.uncovered == 0 and fill.short == 0 and not any(e.overflow_chars for e in copyfit)


def test_the_page_is_exact_with_the_commentary_headline_in_two_lines(edition, fonts):
    page, fill, copyfit = made_up(edition, fonts)
    assert exactly_full(fill, copyfit), (fill, [e for e in copyfit if e.overflow_chars])
    box = next(f for f in page.frames if f.id == "s21-c")
    heads = [it.chars for it in page.items if type(it).__name__ == "TextRun" and it.size_pt >= 18
             and box.rect.x <= it.x < box.rect.x + box.rect.w]
    assert heads[:2] == ["守住", "家门口"]


def test_without_the_new_breaks_the_same_page_is_not_exact(edition, fonts, monkeypatch):
    spaced_only = plan.two_line_breaks
    monkeypatch.setattr(plan, "two_line_breaks", lambda text, most=3: spaced_only(text, most) if " " in text else ())
    _, fill, copyfit = made_up(edition, fonts)
    assert not exactly_full(fill, copyfit)
