"""Balanced columns and widows: the columns of a block whose text ends in its frame are
balanced to within one line, never a later column longer than an earlier one (平衡栏);
a paragraph's last line alone at the head of a column (a widow) is avoided by setting
paragraphs a line shorter (a mark squeezed) or longer instead, the shorter first; where
nothing avoids it the columns stay balanced, the widow stays, and a note says so.

(Before: the column break moved by a line to keep the widow with its paragraph, which left
4/1 lines in two columns or a second column longer than the first.)"""
from pathlib import Path

from hypothesis import given, strategies as st

from layout.compose.synthetic import SyntheticMetrics
from layout.edition import load_paper
from layout.edition.model import Article, Paragraph
from layout.makeup.blocks import layout_article, paragraph_lines
from layout.makeup.grid import make_grid
from layout.makeup.styles import Typesetter
from layout.makeup.thread import balance, widowed_columns, without_widows

ROOT = Path(__file__).resolve().parents[2]


def test_balance_is_within_one_line_and_never_longer_later():
    assert balance(5, 2, 10) == [3, 2]
    assert balance(11, 5, 10) == [3, 2, 2, 2, 2]
    assert balance(7, 3, 2) == [2, 2, 2]            # never more than the rows
    for lines in range(0, 40):
        for cols in range(1, 6):
            got = balance(lines, cols, 40)
            assert sum(got) == lines and max(got) - min(got) <= 1
            assert all(a >= b for a, b in zip(got, got[1:]))


def test_a_widow_is_the_last_line_of_a_paragraph_of_two_lines_or_more():
    assert widowed_columns([4, 1], [3, 2]) == [1]       # ¶1's line 4 heads column 2
    assert widowed_columns([3, 2], [3, 2]) == []        # column 2 starts ¶2
    assert widowed_columns([2, 1, 1], [2, 2]) == []     # a one-line paragraph is no widow
    assert widowed_columns([1, 2, 1], [2, 2]) == [1]
    assert widowed_columns([3], [3, 0]) == []


def test_the_widow_s_own_paragraph_a_line_shorter_comes_first():
    # 3 columns, ¶ of 3, 1, 1 lines: [2, 2, 1] puts ¶1's last line at the head of column 2;
    # ¶1 a line shorter ([2, 1, 1]) or longer ([2, 2, 2]) both avoid it: shorter first
    sizes = [3, 1, 1]
    assert widowed_columns(sizes, balance(5, 3, 10)) == [1]
    assert without_widows(sizes, 3, 10, lambda j, d: True) == {0: -1}
    assert without_widows(sizes, 3, 10, lambda j, d: d == 1) == {0: 1}
    assert without_widows(sizes, 3, 10, lambda j, d: False) is None
    assert without_widows([3, 2], 2, 10, lambda j, d: True) == {}      # no widow: nothing


def test_full_columns_stay_full_and_the_block_keeps_its_height():
    # [3, 3]: ¶1's last line heads column 2; one line fewer or more would leave a hole or
    # a taller block: only a line shorter here and a line longer there will do
    sizes = [4, 2]
    assert widowed_columns(sizes, balance(6, 2, 3)) == [1]
    assert without_widows(sizes, 2, 3, lambda j, d: True) == {0: -1, 1: 1}
    assert without_widows(sizes, 2, 3, lambda j, d: d == -1) is None


@given(st.lists(st.integers(1, 6), min_size=1, max_size=8), st.integers(2, 4), st.integers(0, 3),
       st.sets(st.tuples(st.integers(0, 7), st.sampled_from((-1, 1)))))
def test_what_avoids_a_widow_keeps_the_balance(sizes, cols, spare, allowed):
    total = sum(sizes)
    rows = -(-total // cols) + spare
    change = without_widows(sizes, cols, rows, lambda j, d: (j, d) in allowed and sizes[j] + d >= 1)
    if change is None or change == {}:
        assert (change == {}) == (not widowed_columns(sizes, balance(total, cols, rows)))
        return
    assert all((j, d) in allowed for j, d in change.items()) and len(change) <= 2
    resized = [n + change.get(j, 0) for j, n in enumerate(sizes)]
    new = sum(resized)
    assert -(-new // cols) == -(-total // cols)                  # the same height
    assert total != cols * -(-total // cols) or new == total     # full stays full
    assert not widowed_columns(resized, balance(new, cols, rows))


def _block(article, span, rows):
    paper, diags = load_paper(ROOT / "editions" / "shijingshan" / "paper.yaml")
    assert paper is not None, diags
    grid = make_grid(paper)
    ts = Typesetter(paper, SyntheticMetrics())
    res = layout_article(ts, grid, article, grid.cell(1, span, 1, rows))
    heads: dict[int, list] = {}
    for run in res.items:
        col = round((run.x - grid.area.x) / (grid.col_width + grid.gutter))
        heads.setdefault(col, []).append((run.baseline, run))
    return ts, grid, res, [[r for _, r in sorted(v, key=lambda t: t[0])] for _, v in sorted(heads.items())]


def test_balance_wins_over_a_widow_nothing_avoids():
    # 12 characters a line: ¶1 = 10 + 12 + 12 + 3 characters (4 lines), ¶2 = 1 line; no
    # mark to squeeze and no room to spread it to 5 lines: 3/2, the widow stays, noted
    art = Article(id="w", kind="news", headline=(),
                  paragraphs=(Paragraph("甲" * 37), Paragraph("乙" * 10)))
    for rows in (10, 3):
        ts, _, res, cols = _block(art, 2, rows)
        assert res.resume is None and res.lines_set == 5
        assert [[r.chars for r in c] for c in cols] == [["甲" * 10, "甲" * 12, "甲" * 12], ["甲" * 3, "乙" * 10]]
        assert [(d.code, dict(d.args)) for d in ts.diagnostics] == \
            [("widow-kept", {"article": "w", "column": 2, "paragraph": 1})]


def test_widow_control_squeezes_a_mark_before_it_spreads_a_line():
    # four columns: ¶1 (7 lines natural), ¶2 (1 line), ¶3 (3 lines) = 11 lines: [3, 3, 3, 2]
    # puts ¶1's last line at the head of column 3. ¶1 can be set in 6 lines (its commas
    # squeezed) or in 8 (its lines spread): the 6 are taken, [3, 3, 2, 2], nothing spread
    art = Article(id="s", kind="news", headline=(),
                  paragraphs=(Paragraph("甲甲，" * 25 + "。"), Paragraph("乙" * 6), Paragraph("丙" * 30)))
    ts, grid, res, cols = _block(art, 4, 10)
    measure = grid.col_width
    quiet = ts.quiet()
    assert [len(paragraph_lines(quiet, art, 0, measure, None, d)) for d in (0, -1, 1)] == [7, 6, 8]
    assert [len(c) for c in cols] == [3, 3, 2, 2] and res.lines_set == 10
    assert ts.diagnostics == []
    tight = paragraph_lines(quiet, art, 0, measure, None, -1)
    assert [r.chars for c in cols for r in c][:6] == [bl.line.text for bl in tight]
    squeezed = 0
    for bl in tight:
        glyphs = bl.line.glyphs
        assert max(b.slot[0] - a.slot[1] for a, b in zip(glyphs, glyphs[1:])) < 0.01   # none spread
        squeezed += sum(1 for g in glyphs[:-1] if g.char == "，" and g.advance < 0.9 * g.size_pt)
    assert squeezed >= 3
