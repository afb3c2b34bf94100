"""Verse (kind verse, the paper's optional `verse` style) and an article's body_style."""
import shutil
from pathlib import Path

import pytest

from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import TextRun

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"

EDITION = """\
paper: ../paper.yaml
date: 2020-02-24
issue: 15
total_issue: 1892
page_count: 1
pages:
  - number: 1
    section: 副刊
    articles:
      - id: poem
        kind: {kind}
        headline: 等春
        author: 郑堃
        paragraphs:
          - |
            我们把春天
            关在窗外
          - |
            再等一等吧
            这个迟到的春天
        place: {{column: 1, span: 2, row: 1, rows: 20}}
        {extra}
"""


@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


def load(tmp_path, kind="verse", extra="", verse_style=""):
    paper = (FIXTURE / "paper.yaml").read_text(encoding="utf-8")
    if verse_style:
        paper = paper.replace("styles:\n", "styles:\n  " + verse_style + "\n", 1)
    (tmp_path / "paper.yaml").write_text(paper, encoding="utf-8")
    d = tmp_path / "ed"
    d.mkdir(exist_ok=True)
    (d / "edition.yaml").write_text(EDITION.format(kind=kind, extra=extra), encoding="utf-8")
    return load_edition(d / "edition.yaml")


def body_runs(page, font_size):
    """Runs of the body: by size (the headline and the author differ), top to bottom."""
    runs = [r for r in page.items if isinstance(r, TextRun) and r.size_pt == font_size]
    return sorted(runs, key=lambda r: (r.baseline, r.x))


def test_verse_style_is_optional_and_defaults_to_commentary(tmp_path):
    edition, diags = load(tmp_path)
    assert edition is not None, [str(d) for d in diags]
    s = edition.paper.styles
    assert s["verse"].name == "verse"
    assert (s["verse"].font, s["verse"].size_pt) == (s["commentary"].font, s["commentary"].size_pt)
    edition, _ = load(tmp_path, verse_style="verse: {font: song, size: 11, align: left}")
    assert (edition.paper.styles["verse"].font, edition.paper.styles["verse"].size_pt) == ("song", 11)


def test_misspelt_verse_style_is_refused_with_a_suggestion(tmp_path):
    edition, diags = load(tmp_path, verse_style="vrese: {font: song, size: 11}")
    assert edition is None
    msg = [str(d) for d in diags if "vrese" in str(d)]
    assert msg and "verse" in msg[0].split("vrese", 1)[1], msg


def test_body_style_names_a_paper_style(tmp_path, fonts):
    edition, diags = load(tmp_path, kind="feature", extra="body_style: caption")
    assert edition is not None, [str(d) for d in diags]
    assert edition.pages[0].articles[0].body_style == "caption"
    page = make_up(edition, fonts).pages[0]
    size = edition.paper.styles["caption"].size_pt
    assert "我们把春天" in "".join(r.chars for r in body_runs(page, size))
    edition, diags = load(tmp_path, kind="feature", extra="body_style: comentary")
    assert edition is None
    bad = [d for d in diags if "body_style" in str(d)]
    assert bad and "did you mean 'commentary'" in str(bad[0]).lower(), [str(d) for d in diags]
    assert bad[0].pos.line == 22          # at the key's value in the edition file


def test_verse_lines_flush_left_no_indent_stanza_break_block_centred(tmp_path, fonts):
    edition, diags = load(tmp_path, extra="body_columns: 1",
                          verse_style="verse: {font: kai, size: 10.5, leading: 13.5, indent: 2}")
    assert edition is not None, [str(d) for d in diags]
    layout = make_up(edition, fonts)
    page = layout.pages[0]
    frame = next(f for f in page.frames if f.id == "poem")
    runs = body_runs(page, 10.5)
    lines = ["".join(r.chars for r in runs if r.baseline == b) for b in sorted({r.baseline for r in runs})]
    assert lines == ["我们把春天", "关在窗外", "再等一等吧", "这个迟到的春天"]
    # one line per verse line, no indent: every line starts at the same x (flush left)
    starts = {round(min(r.x + r.xs[0] for r in runs if r.baseline == b), 2) for b in {r.baseline for r in runs}}
    assert len(starts) == 1
    left = starts.pop()
    # the stanza break: an empty line between the stanzas
    baselines = sorted({r.baseline for r in runs})
    gaps = [round(b - a, 2) for a, b in zip(baselines, baselines[1:])]
    assert gaps[1] == pytest.approx(2 * gaps[0])
    # the block is centred in the frame's one column
    right = max(r.x + r.xs[-1] + r.size_pt for r in runs)
    assert abs((left - frame.rect.x) - (frame.rect.right - right)) < 10.5, (left, right, frame.rect)
    assert left - frame.rect.x > 3 * 10.5
    assert all(e.overflow_chars == 0 for e in layout.copyfit)


def test_feature_body_is_unchanged_by_verse(tmp_path, fonts):
    """The same copy as kind feature: Song body, indented, the lines joined into paragraphs."""
    edition, _ = load(tmp_path, kind="feature")
    page = make_up(edition, fonts).pages[0]
    text = "".join(r.chars for r in body_runs(page, edition.paper.styles["body"].size_pt))
    assert "关在窗外" in text and "我们把春天" in text
