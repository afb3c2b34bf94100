"""Verse (kind verse, the paper's optional `verse` style) and an article's body_style."""
import pytest

from fixtures.builder import article, page, place, write_edition
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import TextRun

@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


STANZAS = ["我们把春天\n关在窗外\n", "再等一等吧\n这个迟到的春天\n"]


def load(tmp_path, kind="verse", verse_style=None, **fields):
    """The poem (two stanzas) as an article of `kind`; verse_style: the paper's `verse` style."""
    poem = article("poem", "等春", STANZAS, kind=kind, author="郑堃", place=place(1, 2, 1, 20), **fields)
    folder = write_edition(tmp_path, [page(1, [poem], section="副刊")], page_count=1,
                           paper={"styles": verse_style} if verse_style else None)
    return load_edition(folder / "edition.yaml")


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
    edition, _ = load(tmp_path, verse_style={"verse": {"font": "song", "size": 11, "align": "left"}})
    assert (edition.paper.styles["verse"].font, edition.paper.styles["verse"].size_pt) == ("song", 11)


def test_misspelt_verse_style_is_refused_with_a_suggestion(tmp_path):
    edition, diags = load(tmp_path, verse_style={"vrese": {"font": "song", "size": 11}})
    assert edition is None
    msg = [str(d) for d in diags if "vrese" in str(d)]
    assert msg and "verse" in msg[0].split("vrese", 1)[1], msg


def test_body_style_names_a_paper_style(tmp_path, fonts):
    edition, diags = load(tmp_path, kind="feature", body_style="caption")
    assert edition is not None, [str(d) for d in diags]
    assert edition.pages[0].articles[0].body_style == "caption"
    page = make_up(edition, fonts).pages[0]
    size = edition.paper.styles["caption"].size_pt
    assert "我们把春天" in "".join(r.chars for r in body_runs(page, size))
    edition, diags = load(tmp_path, kind="feature", body_style="comentary")
    assert edition is None
    bad = [d for d in diags if "body_style" in str(d)]
    assert bad and "did you mean 'commentary'" in str(bad[0]).lower(), [str(d) for d in diags]
    lines = (tmp_path / "2020-02-24" / "edition.yaml").read_text(encoding="utf-8").splitlines()
    assert "body_style: comentary" in lines[bad[0].pos.line - 1]     # at the key's value in the edition file


def test_verse_lines_flush_left_no_indent_stanza_break_block_centred(tmp_path, fonts):
    edition, diags = load(tmp_path, body_columns=1,
                          verse_style={"verse": {"font": "kai", "size": 10.5, "leading": 13.5, "indent": 2}})
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
