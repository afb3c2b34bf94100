"""Pages made exactly full by the headline levers (frozen pages of bench/makeup_editions.py in
tests/fixtures/headline_break): a headline without a space set in two lines (seed 21, whose
boxed commentary 守住家门口 stands one column wide only as 守住 / 家门口), and, under page
pressure, the lesser stories' head blocks on fewer rows (seed 4)."""
import shutil
from pathlib import Path

import pytest
from fixtures.benchmods import bench_module

import layout.makeup.auto as auto
import layout.makeup.guillotine as guillotine
import layout.makeup.plan as plan
from layout.pipeline import load, make_up

FROZEN = Path(__file__).resolve().parents[1] / "fixtures" / "headline_break" / "edition.yaml"
gen = bench_module("makeup_editions")


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


def frozen(tmp_path, name):
    root = gen.prepare_root(tmp_path)          # the sample paper and the photos
    folder = root / name
    folder.mkdir()
    shutil.copy(FROZEN.with_name(f"{name}.yaml"), folder / "edition.yaml")
    return str(folder)


@pytest.fixture
def edition(tmp_path):
    return frozen(tmp_path, "edition")


def made_up(folder, fonts, page=2):
    loaded = load(folder, fonts)
    assert loaded.ok
    lay = make_up(loaded, only={page}).layout
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
    # the photo narrower than its block is another lever that makes this page exact: held off too
    monkeypatch.setattr(plan.Planner, "_beside", lambda self, *args: None)
    monkeypatch.setattr(guillotine, "FEW_PARTS", 0)      # and the free cut of a page of few stories
    _, fill, copyfit = made_up(edition, fonts)
    assert not exactly_full(fill, copyfit)


def test_under_pressure_lesser_heads_make_the_page_exact(tmp_path, fonts, monkeypatch):
    folder = frozen(tmp_path, "pressed")
    page, fill, copyfit = made_up(folder, fonts, page=1)
    assert exactly_full(fill, copyfit), (fill, [e for e in copyfit if e.overflow_chars])
    sizes = [b.headline_size for b in sorted(page.placements, key=lambda b: b.article_id)
             if b.article_id[3:].isdigit()]                  # the news stories s4-1 … in rank order
    assert sizes[0] == 26 and sizes == sorted(sizes, reverse=True), sizes
    monkeypatch.setattr(auto, "pressed", lambda parts: parts)
    monkeypatch.setattr(plan.Planner, "_beside", lambda self, *args: None)   # (the narrower photo: another lever)
    monkeypatch.setattr(guillotine, "FEW_PARTS", 0)      # (and the free cut of a page of 7 stories)
    _, fill, copyfit = made_up(folder, fonts, page=1)
    assert not exactly_full(fill, copyfit)
