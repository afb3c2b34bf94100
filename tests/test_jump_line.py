"""（上接N版）: the opening bracket starting the jump line is set half-width, its ink at the
frame's left edge (ParaStyle.open_first_half; 行首开括号半角 on a one-line paragraph)."""
import shutil
from pathlib import Path

import pytest

from layout.compose import CharStyle, ParaStyle, Span, set_line
from layout.compose.synthetic import SyntheticMetrics
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import TextRun

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
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


EDITION = """\
paper: ../paper.yaml
date: 2020-02-24
issue: 15
total_issue: 1892
page_count: 2
pages:
  - number: 1
    articles:
      - id: lead
        kind: news
        headline: 石景山区召开会议
        paragraphs: [{text}]
        place: {{column: 1, span: 2, row: 1, rows: 8}}
        continues_on: 2
  - number: 2
    articles: []
    continuations: [{{article: lead, headline: 会议, place: {{column: 1, span: 3, row: 1, rows: 30}}}}]
"""


def test_jump_from_line_starts_with_the_brackets_ink_at_the_frame_edge(tmp_path):
    shutil.copy(FIXTURE / "paper.yaml", tmp_path / "paper.yaml")
    (tmp_path / "ed").mkdir()
    text = "区委书记主持召开会议，研究部署全区疫情防控和复工复产工作。" * 8
    (tmp_path / "ed" / "edition.yaml").write_text(EDITION.format(text=text), encoding="utf-8")
    edition, diags = load_edition(tmp_path / "ed" / "edition.yaml")
    assert edition is not None, [str(d) for d in diags]
    page = make_up(edition, FontSet.load()).pages[1]
    frame = next(f for f in page.frames if f.kind == "continuation")
    run = next(r for r in page.items if isinstance(r, TextRun) and r.chars.startswith("（上接"))
    size = run.size_pt
    assert run.x + run.xs[0] == pytest.approx(frame.rect.x - size / 2)   # blank half outside
    assert run.x + run.xs[1] == pytest.approx(frame.rect.x + size / 2)   # 上 right after the ink
