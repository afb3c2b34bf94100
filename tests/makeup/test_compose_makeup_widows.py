"""Widows: a paragraph's last line is not left alone at the top of a column where the
layout allows (balanced columns of an article that ends in its frame)."""
from pathlib import Path

from hypothesis import given, strategies as st

from layout.compose.model import Line
from layout.compose.synthetic import SyntheticMetrics
from layout.edition import load_paper
from layout.edition.model import Article, Paragraph
from layout.makeup.blocks import layout_article
from layout.makeup.grid import make_grid
from layout.makeup.styles import Typesetter
from layout.makeup.thread import BodyLine, avoid_widows, balance, is_widow

ROOT = Path(__file__).resolve().parents[2]


def body(*para_lines: int) -> list[BodyLine]:
    """Body lines of paragraphs with the given numbers of lines."""
    out = []
    for p, n in enumerate(para_lines):
        for j in range(n):
            out.append(BodyLine(Line((), 0.0, 0.0, 0, 0, j == 0, j == n - 1), p, 0, 0))
    return out


def starts(per_col):
    out, k = [], 0
    for n in per_col:
        out.append(k)
        k += n
    return out


def test_the_widow_goes_back_to_the_foot_of_the_column_before():
    lines = body(4, 1)                      # balance: [3, 2]; column 2 would start with line 4 of ¶1
    assert balance(5, 2, 10) == [3, 2] and is_widow(lines, 3)
    assert avoid_widows([3, 2], lines, 10) == [4, 1]


def test_a_full_column_sends_one_more_line_down_instead():
    lines = body(4, 1)
    assert avoid_widows([3, 2], lines, 3) == [2, 3]      # no free row in column 1


def test_nothing_moves_without_a_widow_or_without_room():
    assert avoid_widows([3, 2], body(3, 2), 10) == [3, 2]      # column 2 starts a paragraph
    assert avoid_widows([2, 2], body(2, 1, 1), 10) == [2, 2]   # a one-line paragraph is no widow
    assert avoid_widows([2, 2], body(1, 2, 1), 10) == [3, 1]   # ¶2's second line is
    assert avoid_widows([1, 1], body(2), 1) == [1, 1]          # one line per column: nowhere to go
    assert avoid_widows([3, 0], body(3), 10) == [3, 0]


@given(st.lists(st.integers(1, 6), min_size=1, max_size=8), st.integers(1, 4), st.integers(0, 3))
def test_lines_are_kept_and_columns_stay_within_their_rows(paras, ncols, spare):
    lines = body(*paras)
    rows = -(-len(lines) // ncols) + spare
    per_col = balance(len(lines), ncols, rows)
    got = avoid_widows(per_col, lines, rows)
    assert sum(got) == len(lines)
    assert all(0 <= n <= rows for n in got)
    assert all(abs(a - b) <= 1 for a, b in zip(got, per_col))
    if spare >= 1:         # room: no column of two lines or more starts with a widow
        assert not any(is_widow(lines, k) for k, n in zip(starts(got)[1:], got[1:]) if n > 1)


def test_an_article_block_keeps_the_widow_with_its_paragraph():
    paper, diags = load_paper(ROOT / "editions" / "shijingshan" / "paper.yaml")
    assert paper is not None, diags
    grid = make_grid(paper)
    ts = Typesetter(paper, SyntheticMetrics())
    # 12 characters a line: ¶1 = 10 + 12 + 12 + 3 characters (4 lines), ¶2 = 1 line
    art = Article(id="w", kind="news", headline=(),
                  paragraphs=(Paragraph("甲" * 37), Paragraph("乙" * 10)))

    def columns(rows):
        res = layout_article(ts, grid, art, grid.cell(1, 2, 1, rows))
        assert res.resume is None and res.lines_set == 5
        heads = {}
        for run in res.items:
            col = round((run.x - grid.area.x) / (grid.col_width + grid.gutter))
            heads.setdefault(col, []).append((run.baseline, run.chars))
        return [[c for _, c in sorted(v)] for _, v in sorted(heads.items())]

    one, two = columns(10)
    assert one == ["甲" * 10, "甲" * 12, "甲" * 12, "甲" * 3] and two == ["乙" * 10]
    one, two = columns(3)
    assert one == ["甲" * 10, "甲" * 12] and two == ["甲" * 12, "甲" * 3, "乙" * 10]
