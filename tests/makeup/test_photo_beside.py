"""A photo narrower than its story's block (k of the body's n columns, the text beside and
under it): chosen when it is the only exact fit, laid out with the text in order, every
column full and no glyph on the picture."""
import re
from dataclasses import replace

import pytest
from fixtures.photo_beside import CAPTION, FREE_ROWS, photo_beside_edition

from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import ImageItem, TextRun
from layout.makeup.plan import PHOTO_TOLERANCE, Part
from layout.makeup.thread import balance, without_widows
from layout.makeup.verify import verify_page

WS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


@pytest.fixture(scope="module")
def made(tmp_path_factory, fonts):
    folder, edition, planner = photo_beside_edition(tmp_path_factory.mktemp("beside"), fonts)
    layout = make_up(edition, fonts)
    page = layout.pages[1]
    frame = next(f for f in page.frames if f.id == "spring")
    return edition, layout, page, frame, planner


def _in(frame, run):
    r = frame.rect
    return r.x - 0.5 <= run.x <= r.right and r.y <= run.baseline <= r.bottom + 0.5


def _box(run):
    """The run's em boxes' extent (its last glyph one em wide)."""
    return (run.x, run.baseline - 0.88 * run.size_pt, run.x + run.xs[-1] + run.size_pt * run.hscale,
            run.baseline + 0.12 * run.size_pt)


def _photo(page, frame):
    return next(it for it in page.items if isinstance(it, ImageItem) and frame.rect.contains(it.rect, eps=0.5))


def test_the_narrower_photo_is_chosen_where_it_is_the_only_exact_fit(made):
    _, layout, page, frame, planner = made
    assert layout.fill[1].uncovered == 0                                 # (the hand-placed blocks are short)
    assert not [d for d in layout.diagnostics if d.code.startswith("page-")]
    assert round(frame.rect.h / planner.grid.pitch) == FREE_ROWS
    entry = next(e for e in layout.copyfit if e.article_id == "spring")
    assert entry.lines_needed == entry.lines_available and entry.overflow_chars == 0
    photo = _photo(page, frame)
    assert photo.rect.w < frame.rect.w - planner.grid.gutter          # narrower than its block
    assert abs(photo.rect.right - frame.rect.right) < 0.5               # at the body's right
    iw, ih = 800, 600                                                   # tests/fixtures/minimal's photo.png
    pitch = planner.grid.pitch
    natural = photo.rect.w * ih / iw / pitch
    rows = round((photo.rect.h + 0.3 * pitch) / pitch)
    assert abs(rows - natural) <= PHOTO_TOLERANCE * natural             # its aspect at its own width


def test_no_glyph_on_the_photo_and_every_glyph_in_its_frame(made, fonts):
    _, _, page, frame, _ = made
    photo = _photo(page, frame).rect
    for run in page.items:
        if isinstance(run, TextRun) and run.chars.strip():
            x0, y0, x1, y1 = _box(run)
            assert min(x1, photo.right) - max(x0, photo.x) <= 0.3 or min(y1, photo.bottom) - max(y0, photo.y) <= 0.3, run
    assert verify_page(page, fonts) == ()


def test_the_text_runs_in_order_beside_and_under_the_photo_every_column_full(made):
    edition, _, page, frame, planner = made
    art = next(a for a in edition.pages[1].articles if a.id == "spring")
    photo = _photo(page, frame).rect
    pitch = planner.grid.pitch
    runs = [r for r in page.items if isinstance(r, TextRun) and r.chars.strip() and _in(frame, r)
            and r.baseline > photo.y]                                   # the headline is above the photo
    caption = [r for r in runs if r.x >= photo.x - 0.5 and photo.bottom < r.baseline < photo.bottom + pitch * 1.5]
    assert WS.sub("", "".join(r.chars for r in caption)) == CAPTION
    body = [r for r in runs if r not in caption]
    width = frame.rect.w / 3
    lines: dict[tuple[int, float], list] = {}
    for r in body:
        lines.setdefault((int((r.x - frame.rect.x) // width), round(r.baseline, 1)), []).append(r)
    text = "".join("".join(r.chars for r in sorted(lines[k], key=lambda r: r.x)) for k in sorted(lines))
    assert WS.sub("", text) == WS.sub("", art.byline + "".join(p.text for p in art.paragraphs))
    per_col = [sorted(b for c, b in lines if c == col) for col in range(3)]
    assert len({col[-1] for col in per_col}) == 1                       # every column ends on the last row
    assert per_col[0][0] < photo.y + pitch                              # the text beside starts at the top
    assert per_col[1][0] > photo.bottom and per_col[2][0] > photo.bottom   # the text under it, after the caption
    assert len(per_col[1]) == len(per_col[2]) < len(per_col[0])


def test_an_editor_given_photo_height_keeps_the_photo_across(made):
    edition, _, _, _, planner = made
    art = next(a for a in edition.pages[1].articles if a.id == "spring")
    fixed = replace(art, id="spring-rows", photo=replace(art.photo, rows=12))
    menu = planner.menu(Part(fixed), 3, 80)
    assert menu and not any(s.photo_cols for s in menu.values())
    assert any(s.photo_cols for s in planner.menu(Part(art), 3, 80).values())


def test_columns_under_a_picture_balance_by_their_feet():
    assert balance(10, 3, 6, (0, 0, 0)) == balance(10, 3, 6) == [4, 3, 3]
    assert balance(10, 3, 6, (0, 0, 3)) == [5, 4, 1]        # feet at rows 5, 4, 4: within one row, the first lower
    assert balance(12, 3, 6, (0, 2, 2)) == [6, 3, 3]
    assert balance(6, 3, 6, (0, 3, 3)) == [4, 1, 1]
    # full columns, column 3 under a picture 2 rows high: paragraph 1's last line would open
    # column 2 (a widow); one paragraph a line shorter and the next a line longer avoid it
    assert without_widows([5, 5], 3, 4, lambda j, d: True, (0, 0, 2)) == {0: -1, 1: 1}
    assert without_widows([4, 6], 3, 4, lambda j, d: True, (0, 0, 2)) == {}


def _load(tmp_path, fonts, photo: dict, place=None):
    from fixtures.builder import article, page, write_edition
    from fixtures.photo_beside import paragraphs

    from layout.edition import load_edition

    story = article("hinted", "春日社区志愿服务忙", paragraphs(12), photo={"file": "images/photo.png",
                                                                  "caption": CAPTION, **photo},
                    **({"place": place} if place else {}))
    folder = write_edition(tmp_path, [page(1, []), page(2, [story])], images=True)
    return load_edition(str(folder), font_ids=fonts.ids())


def test_the_editors_photo_span_and_side(tmp_path, fonts, made):
    from fixtures.builder import place

    planner = made[4]
    edition, diags = _load(tmp_path / "a", fonts, {"span": 1, "side": "left"})
    assert edition is not None, [str(d) for d in diags]
    art = edition.pages[1].articles[0]
    assert (art.photo.span, art.photo.side) == (1, "left")
    menu = planner.menu(Part(art), 3, 80)
    assert menu and all(s.photo_cols == 1 and s.photo_left for s in menu.values())
    assert all(s.photo_cols == 0 for s in planner.menu(Part(replace(art, id="hinted-1")), 1, 80).values())
    # placed by hand (no plan): the picture one column wide at the left, the text beside and under it
    edition, diags = _load(tmp_path / "b", fonts, {"span": 1, "side": "left"}, place(1, 3, 1, 40))
    layout = make_up(edition, fonts)
    page = layout.pages[1]
    frame = next(f for f in page.frames if f.id == "hinted")
    photo = _photo(page, frame)
    assert abs(photo.rect.x - frame.rect.x) < 0.5 and photo.rect.w == pytest.approx(planner.grid.col_width, abs=1)
    assert not [e for e in layout.copyfit if e.overflow_chars]
    assert verify_page(page, fonts) == ()
    for run in page.items:
        if isinstance(run, TextRun) and run.chars.strip():
            x0, y0, x1, y1 = _box(run)
            assert min(x1, photo.rect.right) - max(x0, photo.rect.x) <= 0.3 or \
                min(y1, photo.rect.bottom) - max(y0, photo.rect.y) <= 0.3, run


@pytest.mark.parametrize("photo, code", [({"span": 0}, "range"), ({"span": 7}, "photo-span"),
                                         ({"side": "top"}, "unknown-value")])
def test_a_bad_photo_span_or_side_is_an_error(tmp_path, fonts, photo, code):
    _, diags = _load(tmp_path, fonts, photo)
    errors = [d for d in diags if d.severity.name == "ERROR"]
    assert errors and errors[0].code.startswith(code), [str(d) for d in errors]
