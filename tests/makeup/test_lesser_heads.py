"""Under page pressure a lesser story's head block may stand on fewer rows (Planner.lesser_heads):
tight (no half row of padding) and its 主题 a size step smaller, only for heights the planned
head reaches in no way, never for the lead (auto.pressed)."""
from dataclasses import replace
from pathlib import Path

import pytest

from layout.edition import load_edition
from layout.makeup import make_grid
from layout.makeup.auto import pressed, rank_headline_sizes
from layout.makeup.blocks import headline_items
from layout.makeup.model import Rect
from layout.makeup.plan import Part, Planner
from layout.makeup.shape import Shape
from layout.makeup.styles import Typesetter

SAMPLE = Path(__file__).resolve().parents[2] / "editions" / "shijingshan" / "2020-02-24"


@pytest.fixture(scope="module")
def sample():
    from layout.fonts import FontSet
    fonts = FontSet.load()
    edition, _ = load_edition(str(SAMPLE), font_ids=fonts.ids())
    paper = edition.paper
    return edition, Planner(Typesetter(paper, fonts), make_grid(paper))


def story(edition, headline, size=20.0, lesser=True):
    art = next(a for p in edition.pages for a in p.articles if a.kind == "news" and a.paragraphs)
    return Part(replace(art, headline=headline, kicker="", subhead="", headline_size=0.0, photo=None),
                headline_size=size, lesser=lesser)


def test_a_lesser_head_stands_on_fewer_rows(sample):
    edition, planner = sample
    part = story(edition, ("区商务局加快重点项目建设",), size=20.0)
    width = planner.inner_width(part, 3)
    lines, rows, _ = planner.headline(part, width, 20.0)
    fewer = planner.lesser_heads(part, width, rows)
    assert fewer and all(h.rows < rows for h in fewer)
    assert [h.rows for h in fewer] == sorted({h.rows for h in fewer})          # one per count of rows
    for h in fewer:
        assert h.cost > 0 and h.size >= 18.0 and h.air in (0, -1) and h.most_air == 0
        # the block as emitted has those rows and still holds its lines
        shape = Shape(span=3, rows=0, headline_size=h.size, headline_lines=h.lines, air=h.air)
        _, got = headline_items(planner.ts.quiet(), planner.grid, part.article, Rect(0, 0, width, 0), shape=shape)
        assert got == h.rows and got * planner.grid.pitch >= 1.25 * h.size * len(h.lines) - 0.01


def test_lesser_heads_add_heights_and_change_none(sample):
    edition, planner = sample
    plain = story(edition, ("区卫生健康委开展垃圾分类专项行动",), lesser=False)
    lesser = replace(plain, lesser=True)
    a, b = planner.menu(plain, 2, 80), planner.menu(lesser, 2, 80)
    assert set(b) > set(a)                                 # new heights only
    assert all(b[h] == a[h] for h in a)                    # the planned ones untouched
    assert all(b[h].head_rows < min(s.head_rows for s in a.values() if s.air == 0) for h in set(b) - set(a))


def test_the_lead_and_the_commentary_keep_their_heads(sample):
    edition, _ = sample
    page = edition.pages[0]
    parts = pressed(rank_headline_sizes(edition.paper, [Part(a) for a in page.articles]))
    assert any(p.article.kind == "commentary" for p in parts)
    ranked = [p for p in parts if p.article.kind not in ("commentary", "verse") and not p.article.headline_size]
    assert not ranked[0].lesser and all(p.lesser for p in ranked[1:])
    assert not any(p.lesser for p in parts if p.article.kind == "commentary")
