"""Makeup: positions and frames, not pictures."""
import shutil
from pathlib import Path

import pytest

from fixtures.builder import article, page, place, write_edition
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_grid, make_up
from layout.makeup.model import BoxItem, TextRun
from layout.makeup.thread import balance

FIXTURE = Path(__file__).parents[1] / "fixtures" / "minimal"
LONG = "区委书记主持召开会议，研究部署全区疫情防控和复工复产工作，要求各单位压实责任、落实措施。" * 6

@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


def make(tmp_path, rows=12, cont_page=0, p1=LONG, p2=LONG):
    """Page 1: the lead (2 columns, `rows` rows; continued on `cont_page` if given) beside a
    commentary; pages 2 and 3 empty but for the lead's continuation."""
    lead = article("lead", "石景山区召开会议", [p1, p2], byline="本报讯(记者李思婵)",
                   place=place(1, 2, 1, rows), **({"continues_on": cont_page} if cont_page else {}))
    note = article("note", "拐点未到", ["春风徐来，大地回暖。"], kind="commentary", place=place(5, 2, 1, 20))
    entry = [{"article": "lead", "headline": "会议", "place": place(1, 3, 1, 30)}]
    pages = [page(1, [lead, note]),
             page(2, [], section="综合新闻", continuations=entry if cont_page == 2 else []),
             page(3, [], section="副刊", continuations=entry if cont_page == 3 else [])]
    folder = write_edition(tmp_path, pages, name="ed")
    edition, diags = load_edition(folder / "edition.yaml")
    assert edition is not None, [str(x) for x in diags]
    return edition


def page_text(page):
    runs = sorted((r for r in page.items if isinstance(r, TextRun)), key=lambda r: (r.baseline, r.x))
    return "".join(r.chars for r in runs)


def glyph_boxes(page):
    """Each inked glyph's em box (a word space is in the text layer, with no ink); a
    full-width opening mark's ink is its right half (行首开括号半角 sets it with the blank
    left half outside the frame), so its box is that half."""
    from layout.compose.classes import OPEN, char_class
    for r in page.items:
        if isinstance(r, TextRun):
            for ch, dx in zip(r.chars, r.xs):
                if ch.isspace():
                    continue
                half = r.size_pt / 2 if char_class(ch) == OPEN else 0.0
                yield ch, (r.x + dx + half, r.baseline - 0.88 * r.size_pt, r.size_pt - half, r.size_pt)


def test_sample_paper_grid_is_whole_characters():
    edition, _ = load_edition(FIXTURE / "2020-02-24")
    grid = make_grid(edition.paper)
    assert grid.chars_per_column == 12
    assert grid.col_width == pytest.approx(12 * 9)
    assert grid.rows == 75
    # columns and gutters exactly fill the type area
    assert grid.col_x(grid.columns) + grid.col_width == pytest.approx(grid.area.right)
    assert grid.gutter >= 3 * 72 / 25.4 - 1e-6


def test_frames_sit_on_the_grid_and_do_not_overlap(tmp_path, fonts):
    edition = make(tmp_path, rows=20)
    layout = make_up(edition, fonts)
    grid = make_grid(edition.paper)
    page = layout.pages[0]
    arts = [f for f in page.frames if f.kind == "article"]
    assert {f.id for f in arts} == {"lead", "note"}
    for f in arts:
        assert any(abs(f.rect.x - grid.col_x(c)) < 0.01 for c in range(1, grid.columns + 1))
        assert ((f.rect.y - grid.area.y) / grid.pitch) == pytest.approx(round((f.rect.y - grid.area.y) / grid.pitch))
    for i, a in enumerate(page.frames):
        for b in page.frames[i + 1:]:
            assert not a.rect.overlaps(b.rect), (a.id, b.id)


def test_every_glyph_lies_inside_a_frame(tmp_path, fonts):
    edition = make(tmp_path, rows=14, cont_page=2)
    layout = make_up(edition, fonts)
    for page in layout.pages:
        for ch, (x, y, w, h) in glyph_boxes(page):
            assert any(f.rect.x - 0.5 <= x and x + w * 0.5 <= f.rect.right + 0.5
                       and f.rect.y - 0.5 <= y and y + h <= f.rect.bottom + 0.5 for f in page.frames), \
                f"page {page.number}: {ch!r} at {x:.1f},{y:.1f} outside every frame"


def test_no_two_glyphs_overlap(tmp_path, fonts):
    edition = make(tmp_path, rows=14, cont_page=2)
    page = make_up(edition, fonts).pages[0]
    boxes = sorted(b for _, b in glyph_boxes(page))
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:i + 40]:
            if abs(y2 - y) < 0.5 * h:          # same line
                assert x2 >= x + 0.3 * w or x2 + 0.3 * w2 <= x, (x, y, x2, y2)


def test_jump_lines_name_the_continuation_page(tmp_path, fonts):
    layout = make_up(make(tmp_path, rows=12, cont_page=2), fonts)
    assert "（下转2版）" in page_text(layout.pages[0])
    assert "（上接1版）" in page_text(layout.pages[1])
    # move the continuation to page 3: both jump lines follow
    layout = make_up(make(tmp_path, rows=12, cont_page=3), fonts)
    assert "（下转3版）" in page_text(layout.pages[0])
    assert "（上接1版）" in page_text(layout.pages[2])
    assert "上接" not in page_text(layout.pages[1])


def test_threaded_text_is_complete_and_in_order(tmp_path, fonts):
    layout = make_up(make(tmp_path, rows=12, cont_page=2), fonts)
    (cf1,) = [e for e in layout.copyfit if e.page == 1 and e.article_id == "lead"]
    assert cf1.overflow_chars == 0          # the rest went through the jump
    body = []
    for page in layout.pages[:2]:
        for r in sorted((r for r in page.items if isinstance(r, TextRun) and r.size_pt == 9),
                        key=lambda r: (r.x // 100, r.baseline, r.x)):
            body.append(r.chars)
    joined = "".join(body)
    assert LONG.replace(",", "，") in joined.replace("（上接1版）", "").replace("（下转2版）", "")


def test_copyfit_of_a_frame_too_small(tmp_path, fonts):
    layout = make_up(make(tmp_path, rows=6), fonts)
    (cf,) = [e for e in layout.copyfit if e.article_id == "lead"]
    # 6 rows: the headline takes some, the rest holds 2 columns of body lines
    assert cf.lines_available < cf.lines_needed
    assert cf.overflow_chars > 0
    placed = sum(len(r.chars) for r in layout.pages[0].items
                 if isinstance(r, TextRun) and r.size_pt == 9 and r.x < 300)
    total = len("本报讯（记者李思婵）") + 2 * len(LONG)
    assert placed + cf.overflow_chars == total
    assert any(d.code == "overflow" for d in layout.diagnostics)


def test_short_article_reports_empty_lines(tmp_path, fonts):
    layout = make_up(make(tmp_path, rows=30, p1="短讯。", p2="又一条。"), fonts)
    (cf,) = [e for e in layout.copyfit if e.article_id == "lead"]
    assert cf.overflow_chars == 0
    assert cf.short_lines == cf.lines_available - cf.lines_needed > 0


def test_commentary_is_boxed(tmp_path, fonts):
    layout = make_up(make(tmp_path), fonts)
    note = next(f for f in layout.pages[0].frames if f.id == "note")
    boxes = [b for b in layout.pages[0].items if isinstance(b, BoxItem) and note.rect.contains(b.rect)]
    assert boxes and boxes[0].stroke


def test_balance_spreads_lines_evenly():
    assert balance(10, 4, 20) == [3, 3, 2, 2]
    assert balance(8, 4, 20) == [2, 2, 2, 2]
    assert balance(100, 2, 20) == [20, 20]
    assert balance(0, 3, 5) == [0, 0, 0]


def test_page_fill_counts_uncovered_and_short_lines(tmp_path, fonts):
    layout = make_up(make(tmp_path, rows=30, p1="短讯。", p2="又一条。"), fonts)
    fill = {f.page: f for f in layout.fill}
    f1 = fill[1]
    # page 1: lead (2 cols × 30 rows) and commentary (2 cols × 20 rows) cover 100 slots
    assert f1.lines - f1.uncovered == 2 * 30 + 2 * 20
    (lead,) = [e for e in layout.copyfit if e.article_id == "lead"]
    (note,) = [e for e in layout.copyfit if e.article_id == "note"]
    assert f1.short == lead.short_lines + note.short_lines
    assert f1.empty == f1.uncovered + f1.short
    assert fill[2].uncovered == fill[2].lines      # nothing placed on page 2


def make_auto(tmp_path, text=LONG, short="今日一则简讯，内容不长。" * 3):
    """Two blocks placed by hand, two briefs sized from their content below the first."""
    arts = [article("fixed", "固定位置", [text], place=place(1, 2, 1, 20)),
            article("auto-one", "简讯一", [short], kind="brief", headline_size=14, place=place(1, 2)),
            article("auto-two", "简讯二", [short], kind="brief", headline_size=14,
                    headline_align="left", place=place(1, 2)),
            article("wide", "变栏", [text], body_columns=3, place=place(3, 4, 1, 30))]
    folder = write_edition(tmp_path, [page(1, arts)], name="auto")
    edition, diags = load_edition(folder / "edition.yaml")
    assert edition is not None, [str(x) for x in diags]
    return edition


def test_blocks_sized_from_content_stack_below_fixed_ones(tmp_path, fonts):
    edition = make_auto(tmp_path)
    grid = make_grid(edition.paper)
    layout = make_up(edition, fonts)
    frames = {f.id: f for f in layout.pages[0].frames}
    fixed, one, two = frames["fixed"].rect, frames["auto-one"].rect, frames["auto-two"].rect
    assert one.y == pytest.approx(fixed.bottom)          # stacked in order, no gap
    assert two.y == pytest.approx(one.bottom)
    for r in (one, two):
        assert (r.h / grid.pitch) == pytest.approx(round(r.h / grid.pitch))   # whole lines
    cf = {e.article_id: e for e in layout.copyfit}
    # sized from content: no overflow and at most one short line per column
    assert cf["auto-one"].overflow_chars == 0 and cf["auto-one"].short_lines < 2


def test_variable_columns_are_whole_characters(tmp_path, fonts):
    from layout.makeup.blocks import columns_of

    edition = make_auto(tmp_path)
    grid = make_grid(edition.paper)
    page = make_up(edition, fonts).pages[0]
    wide = next(f for f in page.frames if f.id == "wide").rect
    cols = columns_of(grid, wide, 3, 9)
    assert len(cols) == 3
    for x, measure in cols:
        assert measure / 9 == pytest.approx(round(measure / 9))           # whole characters
        assert measure > grid.col_width                                    # wider than a grid column
    assert cols[-1][0] + cols[-1][1] == pytest.approx(wide.right)
    # the body text of the block starts at exactly those three column edges (or their indent)
    body = [r for r in page.items if isinstance(r, TextRun) and r.size_pt == 9
            and wide.x <= r.x < wide.right and wide.y < r.baseline < wide.bottom]
    starts = {round(x, 2) for x, _ in cols}
    measure = cols[0][1]
    line_starts = {round(r.x, 2) for r in body
                   if not any(o.baseline == r.baseline and r.x - measure < o.x < r.x for o in body)}
    assert line_starts <= starts | {round(x + 18, 2) for x in starts}
    assert starts <= line_starts


def test_headline_shrinks_to_fit_then_errors(tmp_path, fonts):
    long_head = "区委书记专题会研究造林绿化工作并部署春季植树"
    edition = make(tmp_path)
    from dataclasses import replace
    art = edition.pages[0].articles[0]
    grid = make_grid(edition.paper)
    fits = replace(art, headline=("石景山区召开疫情防控会议",))        # 12 chars at 26 pt > 2 columns
    page = replace(edition.pages[0], articles=(fits,))
    layout = make_up(replace(edition, pages=(page,) + edition.pages[1:]), fonts)
    sizes = {r.size_pt for r in layout.pages[0].items
             if isinstance(r, TextRun) and "疫情" in r.chars and r.size_pt > 9}
    (size,) = sizes
    assert 18 <= size < 26                                   # shrunk, not below the floor
    assert not any(d.code == "headline-too-wide" for d in layout.diagnostics)
    too_long = replace(art, headline=(long_head,))
    page = replace(edition.pages[0], articles=(too_long,))
    layout = make_up(replace(edition, pages=(page,) + edition.pages[1:]), fonts)
    assert any(d.code == "headline-too-wide" for d in layout.diagnostics)


def test_low_resolution_photo_is_warned(tmp_path, fonts):
    import shutil

    from PIL import Image

    shutil.copytree(FIXTURE, tmp_path / "m")
    photo = tmp_path / "m" / "2020-02-24" / "images" / "photo.png"
    with Image.open(photo) as im:
        im.resize((8, 6)).save(photo)                      # 3 ppi in its frame
    edition, _ = load_edition(tmp_path / "m" / "2020-02-24")
    layout = make_up(edition, fonts)
    assert any(d.code == "low-resolution" for d in layout.diagnostics)


def test_borders_and_column_rules(tmp_path, fonts):
    from dataclasses import replace

    from layout.makeup.model import RuleItem

    edition = make(tmp_path, rows=20)
    lead, note = edition.pages[0].articles
    for border, boxes, dotted in (("single", 1, 0), ("double", 2, 0), ("flower", 1, 4)):
        arts = (replace(lead, column_rules=True), replace(note, border=border))
        page = replace(edition.pages[0], articles=arts)
        layout = make_up(replace(edition, pages=(page,) + edition.pages[1:]), fonts)
        p = layout.pages[0]
        nrect = next(f for f in p.frames if f.id == "note").rect
        lrect = next(f for f in p.frames if f.id == "lead").rect
        assert len([b for b in p.items if isinstance(b, BoxItem) and nrect.contains(b.rect)]) == boxes
        assert len([r for r in p.items if isinstance(r, RuleItem) and r.dash
                    and nrect.x <= r.x1 <= nrect.right]) == dotted
        # one 栏线 between the lead's two body columns, centred in the gutter
        grid = make_grid(edition.paper)
        rules = [r for r in p.items if isinstance(r, RuleItem) and r.x1 == r.x2 and lrect.x < r.x1 < lrect.right]
        assert len(rules) == 1
        assert rules[0].x1 == pytest.approx(lrect.x + grid.col_width + grid.gutter / 2)


def test_blocks_sized_from_content_flow_around_hand_placed_ones(tmp_path, fonts):
    from dataclasses import replace

    edition = make_auto(tmp_path)
    fixed, one, two, wide = edition.pages[0].articles
    fixed = replace(fixed, place=replace(fixed.place, row=8, rows=12))      # listed last, lower down
    page = replace(edition.pages[0], articles=(one, two, wide, fixed))
    layout = make_up(replace(edition, pages=(page,)), fonts)
    frames = {f.id: f.rect for f in layout.pages[0].frames}
    grid = make_grid(edition.paper)
    top = frames["wide"].y
    assert frames["auto-one"].y == pytest.approx(top)                      # the gap above fits it
    assert frames["fixed"].y == pytest.approx(top + 7 * grid.pitch)        # kept where it was placed
    assert frames["auto-two"].y == pytest.approx(frames["fixed"].bottom)   # no room above: below it
    rects = list(frames.values())
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.overlaps(b)


def test_masthead_logo_replaces_the_typeset_title(tmp_path, fonts):
    from PIL import Image, ImageDraw

    from layout.cli import main
    from layout.makeup.model import ImageItem
    from layout.preflight import preflight

    shutil.copytree(FIXTURE, tmp_path / "m")
    logo = tmp_path / "m" / "logo.png"
    im = Image.new("RGBA", (1600, 480), (0, 0, 0, 0))        # 300 ppi and more where it is placed
    ImageDraw.Draw(im).rectangle((80, 80, 1520, 400), fill=(255, 0, 0, 255))
    im.save(logo)
    paper = tmp_path / "m" / "paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("logo: null", "logo: logo.png"), encoding="utf-8")
    edition, diags = load_edition(tmp_path / "m" / "2020-02-24")
    assert edition is not None, [str(d) for d in diags]
    page = make_up(edition, fonts).pages[0]
    (item,) = [i for i in page.items if isinstance(i, ImageItem) and i.colour]
    assert item.rect.w / item.rect.h == pytest.approx(400 / 120)
    assert not any("测试报" == r.chars for r in page.items if isinstance(r, TextRun))
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "m" / "2020-02-24"), "-o", str(out), "--quiet"]) == 0
    pdf = next(out.rglob("*-p1.pdf"))
    assert preflight(pdf).passed
    assert b"/DeviceCMYK" in pdf.read_bytes()


def test_latin_space_of_a_style(tmp_path, fonts):
    """The jump line's Han–digit space follows its style: clreq's ¼ em by default, 0 = tight."""
    from dataclasses import replace

    def gap_before_digit(edition):
        page = make_up(edition, fonts).pages[0]
        run = next(r for r in page.items if isinstance(r, TextRun) and "下转" in r.chars)
        i = run.chars.index("2")
        return run.xs[i] - run.xs[i - 1] - run.size_pt          # 转 is 1 em wide

    edition = make(tmp_path, rows=12, cont_page=2)
    assert gap_before_digit(edition) == pytest.approx(0.25 * 9, abs=0.01)
    paper = edition.paper
    styles = dict(paper.styles, jump=replace(paper.styles["jump"], latin_space_em=0.0))
    tight = replace(edition, paper=replace(paper, styles=styles))
    assert gap_before_digit(tight) == pytest.approx(0.0, abs=0.01)
