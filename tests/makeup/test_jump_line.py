"""（上接N版）: the opening bracket starting the jump line is set half-width, its ink at the
frame's left edge (ParaStyle.open_first_half; 行首开括号半角 on a one-line paragraph)."""
import pytest

from fixtures.builder import article, place, write_edition
from fixtures.builder import page as page_data
from layout.compose import CharStyle, ParaStyle, Span, set_line
from layout.compose.synthetic import SyntheticMetrics
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import TextRun

STYLE = CharStyle(("hei",), 10.0)


def test_open_first_half_trims_the_first_lines_opening_bracket():
    full = set_line([Span("（上接1版）", STYLE)], ParaStyle(indent_em=0.0, align="left"), SyntheticMetrics())
    half = set_line([Span("（上接1版）", STYLE)], ParaStyle(indent_em=0.0, align="left", open_first_half=True),
                    SyntheticMetrics())
    assert half.width == pytest.approx(full.width - 5.0)
    g = half.glyphs[0]
    assert g.x + g.trim_left == pytest.approx(0.0)      # the slot starts at the line's edge
    assert g.x == pytest.approx(-5.0)                   # the em box's blank half hangs out
    assert [x.x for x in half.glyphs[1:]] == pytest.approx([x.x - 5.0 for x in full.glyphs[1:]])
    # the flag for other lines leaves the first line alone
    other = set_line([Span("（上接1版）", STYLE)], ParaStyle(indent_em=0.0, align="left", open_start_half=True),
                     SyntheticMetrics())
    assert other.width == pytest.approx(full.width)


def test_jump_from_line_starts_with_the_brackets_ink_at_the_frame_edge(tmp_path):
    text = "区委书记主持召开会议，研究部署全区疫情防控和复工复产工作。" * 8
    folder = write_edition(tmp_path, [
        page_data(1, [article("lead", "石景山区召开会议", [text], place=place(1, 2, 1, 8), continues_on=2)]),
        page_data(2, [], continuations=[{"article": "lead", "headline": "会议", "place": place(1, 3, 1, 30)}]),
    ])
    edition, diags = load_edition(folder / "edition.yaml")
    assert edition is not None, [str(d) for d in diags]
    page = make_up(edition, FontSet.load()).pages[1]
    frame = next(f for f in page.frames if f.kind == "continuation")
    run = next(r for r in page.items if isinstance(r, TextRun) and r.chars.startswith("（上接"))
    size = run.size_pt
    assert run.x + run.xs[0] == pytest.approx(frame.rect.x - size / 2)   # blank half outside
    assert run.x + run.xs[1] == pytest.approx(frame.rect.x + size / 2)   # 上 right after the ink
