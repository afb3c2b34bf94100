"""Nothing hidden on a plate (layout.makeup.verify): glyphs outside their frame, the type
area or the trimmed page, and text printed on other text, are errors — found on made-up
pages by the pipeline, and refused earlier where the edition stage can tell (leading below
the size, more body columns than grid columns)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from layout.base.diagnostics import Severity
from layout.edition import load_edition
from layout.makeup.model import BlockFrame, PageLayout, Rect, TextRun
from layout.makeup.verify import verify_layout, verify_page
from layout.pipeline import load, make_up

TESTS = Path(__file__).parents[1]
MINIMAL = TESTS / "fixtures" / "minimal"
SAMPLE = TESTS.parent / "editions" / "shijingshan" / "2020-02-24"
PEER = TESTS.parent / "bench" / "peer" / "2020-03-02"


def run(x, baseline, chars, size=10.0):
    return TextRun(x, baseline, "f", size, chars, tuple(i * size for i in range(len(chars))))


def page(*items, frames=(), area=Rect(20, 20, 560, 760)):
    return PageLayout(1, 600, 800, tuple(items), tuple(frames), area)


FRAME_A = BlockFrame("a", Rect(20, 20, 200, 200), "article")
FRAME_B = BlockFrame("b", Rect(240, 20, 200, 200), "article")


def codes(diags):
    return [d.code for d in diags]


def test_a_clean_page_has_nothing():
    p = page(run(30, 40, "本报讯记者"), run(30, 60, "第二行文字"), run(250, 40, "另一篇"),
             frames=(FRAME_A, FRAME_B))
    assert verify_page(p) == ()


def test_a_line_running_past_its_block_and_the_trim():
    long = run(30, 40, "作" * 60)                       # 600 pt from x=30: past b and the page
    (d,) = verify_page(page(long, frames=(FRAME_A,)))
    assert d.code == "text-outside.page" and d.severity is Severity.ERROR
    assert "page 1, a: 3 glyphs drawn outside the trimmed page" in d.message
    (d,) = verify_page(page(run(30, 40, "作" * 25), frames=(FRAME_A,)))
    assert d.code == "text-outside.frame" and "6 glyphs drawn outside the block" in d.message
    assert d.text("zh").startswith("第1版 a：6 个字排到了稿件框外")


def test_text_of_no_block_outside_the_type_area():
    (d,) = verify_page(page(run(30, 785, "页脚文字"), frames=(FRAME_A,)))
    assert d.code == "text-outside.area" and "page 1, page: 4 glyphs" in d.message
    assert verify_page(page(run(30, 700, "版心内"), frames=(FRAME_A,))) == ()


def test_text_of_two_blocks_printed_on_each_other():
    over = run(200, 40, "越界的标题文字")                  # from a's last column into b
    theirs = run(250, 40, "另一篇")
    diags = verify_page(page(over, theirs, frames=(FRAME_A, FRAME_B)))
    assert "text-overprints" in codes(diags)
    (d,) = [d for d in diags if d.code == "text-overprints"]
    assert "text of a and b printed on each other in 2 places" in d.message


def test_lines_closer_than_their_size_overprint():
    lines = [run(30, 40 + 6 * i, "正文正文正文") for i in range(5)]    # leading 6 pt at 10 pt
    (d,) = verify_page(page(*lines, frames=(FRAME_A,)))
    assert d.code == "text-overprints" and "a and a" in d.message and "24 places" in d.message


def test_compressed_punctuation_and_stretched_dashes_are_not_faults():
    size = 10.0
    # a closing mark set in half its em at the block's edge; a run after a closing bracket
    closing = TextRun(30, 40, "f", size, "文字。", (0, 10, 20))
    edge = TextRun(FRAME_A.rect.right - 25, 60, "f", size, "末，", (0, 10))
    after = TextRun(30 + 3 * size, 80, "f", size, "讯）", (0, 10))
    body = TextRun(30 + 3 * size + 15, 80, "f", size, "2月", (0, 6))
    assert verify_page(page(closing, edge, after, body, frames=(FRAME_A,))) == ()


@pytest.mark.parametrize("edition", [MINIMAL / "2020-02-24", SAMPLE, PEER], ids=["minimal", "sample", "peer"])
def test_the_shipped_editions_have_nothing_hidden(edition):
    loaded = load(edition)
    made = make_up(loaded)
    assert verify_layout(made.layout, loaded.fonts) == ()


# ------------------------------------------------------------ through the pipeline and the loader

def _copy(tmp_path, file, old, new):
    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    path = copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy / "2020-02-24"


def test_an_author_line_past_the_trim_is_an_error_of_the_build(tmp_path):
    edition = _copy(tmp_path, "2020-02-24/edition.yaml", "author: 本报评论员",
                    "author: " + "本报评论员特约撰稿人" * 12)
    made = make_up(load(edition))
    assert not made.ok
    (d,) = [d for d in made.diagnostics if d.code.startswith("text-outside")]
    assert "commentary" in d.message and d.severity is Severity.ERROR


def test_a_headline_taller_than_its_block_is_an_error_of_the_build(tmp_path):
    edition = _copy(tmp_path, "2020-02-24/edition.yaml", "headline: 拐点未到",
                    "headline: [" + ", ".join(["拐点未到"] * 40) + "]")
    made = make_up(load(edition))
    assert not made.ok
    assert {"text-outside.frame", "text-outside.page"} <= set(codes(made.diagnostics))


def test_leading_below_the_size_is_refused_by_the_paper(tmp_path):
    edition = _copy(tmp_path, "paper.yaml", "body: {font: song, size: 9, leading: 13.5",
                    "body: {font: song, size: 9, leading: 5")
    loaded, diags = load_edition(edition)
    assert loaded is None
    (d,) = [d for d in diags if d.code == "leading-below-size"]
    assert d.message.startswith("styles.body: leading 5 pt is less than the size 9 pt")
    assert d.pos.path.endswith("paper.yaml") and d.pos.line == 23


def test_more_body_columns_than_the_span_is_refused(tmp_path):
    edition = _copy(tmp_path, "2020-02-24/edition.yaml", "body_columns: 3", "body_columns: 9")
    loaded, diags = load_edition(edition)
    assert loaded is None
    (d,) = [d for d in diags if d.code == "body-columns-over-span"]
    assert "9 body columns in a block 4 grid columns wide" in d.message and d.pos.line == 23


def test_a_character_set_in_a_face_of_another_weight_is_a_warning(tmp_path):
    """The sample's 黑体 Bold chain falls back to 宋体 Regular for 堃 喆 昇."""
    copy = shutil.copytree(SAMPLE.parent, tmp_path / "paper")
    path = copy / "2020-02-24" / "edition.yaml"
    text = path.read_text(encoding="utf-8")
    old = "headline: '区委书记专题会研究造林绿化工作'"
    assert old in text
    path.write_text(text.replace(old, "headline: '王堃张喆研究造林绿化工作'", 1), encoding="utf-8")
    made = make_up(load(copy / "2020-02-24"))
    found = [d for d in made.diagnostics if d.code == "weight-fallback"]
    assert sorted(d.arguments["char"] for d in found) == ["喆", "堃"]
    assert all(d.severity is Severity.WARNING for d in found)
    d = found[0]
    assert "headline: '" in d.message and "is not in Noto Sans CJK SC Bold; it is set in" in d.message
    assert "Regular, a face of another weight or style" in d.message and d.pos.line == 50
