"""The sample edition (editions/shijingshan/2020-02-24): page 1 carries the seed's text
unchanged, the edition is well formed, and its placements and copy fit the grid."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PAPER_DIR = REPO / "editions" / "shijingshan"
EDITION_FILE = PAPER_DIR / "2020-02-24" / "edition.yaml"
SEED_FILE = REPO / "tests" / "data" / "seed" / "front-page-1892.yaml"     # a copy of the shared seed

PAGE1_ROWS = 64      # 75 body lines less the 11-line 报头 band
INNER_ROWS = 73      # 75 body lines less the 2-line 报眉


def raw_edition() -> dict:
    return yaml.safe_load(EDITION_FILE.read_text(encoding="utf-8"))


def page(raw: dict, number: int) -> dict:
    return next(p for p in raw["pages"] if p["number"] == number)


@pytest.fixture(scope="module")
def seed() -> dict:
    return yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))


def test_every_seed_paragraph_is_on_page_1_unchanged(seed):
    """As loaded (most of page 1's copy is in story files, stories/*.txt)."""
    from layout.edition import load_edition

    edition, diags = load_edition(EDITION_FILE)
    assert edition is not None, [str(d) for d in diags]
    on_page_1 = {a.id: a for a in edition.pages[0].articles if a.kind != "index"}   # 导读: the sample's, made
    assert set(on_page_1) == {a["id"] for a in seed["articles"]}
    for art in seed["articles"]:
        mine = on_page_1[art["id"]]
        # same paragraphs, same order, byte for byte (ASCII punctuation and typos included)
        assert [p.text for p in mine.paragraphs] == (art["paragraphs"] or []), art["id"]
        assert list(mine.headline) == art["headline"], art["id"]
        assert (mine.byline or None) == art["byline"], art["id"]


def test_masthead_matches_the_seed(seed):
    paper = yaml.safe_load((PAPER_DIR / "paper.yaml").read_text(encoding="utf-8"))
    m, s = paper["masthead"], seed["masthead"]
    assert m["title"] == s["title"] and m["sponsor"] == s["sponsor"]
    assert m["permit"] == s["permit"].replace(" ", "")
    assert m["website"] == s["website"]
    assert m["qr"]["caption"] == s["wechat_caption"]
    assert m["hotlines"]["entries"] == seed["hotlines"]
    raw = raw_edition()
    assert (raw["date"], raw["weekday"], raw["issue"], raw["total_issue"], raw["page_count"]) == \
        (s["date"], s["weekday"], s["issue"], s["total_issue"], s["pages"])


def test_four_pages_and_unique_article_ids():
    raw = raw_edition()
    assert raw["page_count"] == 4
    assert [p["number"] for p in raw["pages"]] == [1, 2, 3, 4]
    ids = [a["id"] for p in raw["pages"] for a in p["articles"]]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    for p in raw["pages"]:
        assert p["section"] and p["editor"] and p["art_editor"], p["number"]


def test_the_loader_accepts_paper_and_edition_without_a_diagnostic():
    from layout.edition import load_edition

    edition, diags = load_edition(EDITION_FILE)
    assert edition is not None and diags == (), [str(d) for d in diags]
    assert edition.lunar_date == "庚子年二月初二"
    continued = {a.id for p in edition.pages for a in p.articles if a.continues_on}
    picked_up = {c.article_id for p in edition.pages for c in p.continuations}
    assert continued == picked_up and "social-construction-leading-group-meeting" in continued


def _made_up():
    from layout.edition import load_edition
    from layout.fonts import FontSet
    from layout.makeup import furniture_rows, make_grid, make_up

    edition, _ = load_edition(EDITION_FILE)
    grid = make_grid(edition.paper)
    rows = {p.number: grid.rows - furniture_rows(edition.paper, grid, p.number) for p in edition.pages}
    return edition, grid, rows, make_up(edition, FontSet.load())


def test_placements_stay_on_the_page_and_do_not_overlap():
    from layout.edition import check_placements

    edition, grid, rows, layout = _made_up()
    assert rows == {1: PAGE1_ROWS, 2: INNER_ROWS, 3: INNER_ROWS, 4: INNER_ROWS}
    assert check_placements(edition, rows) == ()
    for page in layout.pages:
        frames = page.frames
        for i, a in enumerate(frames):
            assert grid.area.contains(a.rect), (page.number, a.id)
            for b in frames[i + 1:]:
                assert not a.rect.overlaps(b.rect), (page.number, a.id, b.id)


def test_every_column_of_every_page_is_filled_to_the_foot():
    """The blocks as made up (hand-placed or sized from content) cover every line of every column."""
    edition, grid, rows, layout = _made_up()
    for page in layout.pages:
        blocks = [f.rect for f in page.frames if f.kind in ("article", "continuation", "ad", "index")]
        top = grid.area.y + (grid.rows - rows[page.number]) * grid.pitch
        for column in range(1, grid.columns + 1):
            x = grid.col_x(column) + grid.col_width / 2
            covered = sum(round(r.h / grid.pitch) for r in blocks if r.x <= x <= r.right)
            assert covered == rows[page.number], f"page {page.number}, column {column}: {covered} rows"
            assert min(r.y for r in blocks if r.x <= x <= r.right) == pytest.approx(top)


def test_photos_are_greyscale_and_small():
    from PIL import Image

    from layout.edition import load_edition

    edition, _ = load_edition(EDITION_FILE)
    photos = [a.photo for p in edition.pages for a in p.articles if a.photo]
    assert len(photos) == 3
    for ph in photos:
        assert Path(ph.file).stat().st_size < 400_000, ph.file
        with Image.open(ph.file) as im:
            assert im.mode == "L" and im.size == (1600, 1100), ph.file


def test_the_sample_sets_without_overflow():
    """Made up with the shipped fonts, no article runs out of its frame; the jumped
    articles hand their rest to page 2 and the continuations take all of it."""
    from layout.cli.copyfit import copyfit_table
    from layout.pipeline import load, make_up

    made = make_up(load(str(EDITION_FILE)))
    assert made.edition is not None
    layout = made.layout
    table = "\n".join(copyfit_table(layout))
    assert all(e.overflow_chars == 0 for e in layout.copyfit), table
    # and no frame is left visibly empty: at most a line or two at the foot of each column
    assert all(e.short_lines <= 8 for e in layout.copyfit), table
    assert not any(d.severity.value == "error" for d in layout.diagnostics), table
