"""Story files (story: stories/x.txt): an article's copy in plain text, no quoting, every
character as typed, messages pointing into the story file."""
import shutil
from pathlib import Path

import pytest

from layout.cli import main
from layout.edition import load_edition
from layout.edition.fields import Collector
from layout.edition.story import read_story, story_text

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"

# every kind of text YAML would eat or reinterpret
HAZARDS = [
    "区委召开会议 # 这不是注释,照样印出。",
    "时间: 2月23日上午;地点: 区委",
    "!重要 提醒",
    "&锚点 不是锚点",
    "*星号开头",
    "[方括号开头] 的一段",
    "{花括号开头} 的一段",
    "| 竖线开头",
    "> 大于号开头",
    "'单引号' 和 \"双引号\" 和 “中文引号”",
    "% @ ` 也照样",
    "- 减号开头,不是列表",
    "null",
    "012345",
    "yes",
]


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture
def edition(tmp_path):
    dst = tmp_path / "minimal"
    shutil.copytree(MINIMAL, dst)
    return dst / "2020-02-24" / "edition.yaml"


def _use_story(edition_file, story: str, keep_headline=False, name="lead.txt", byline=True):
    """The lead article's copy moved to stories/<name>."""
    folder = edition_file.parent / "stories"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(story, encoding="utf-8")
    text = edition_file.read_text(encoding="utf-8")
    old = ("        headline: [石景山区召开会议, 研究部署工作]\n"
           "        byline: '本报讯(记者李思婵)'\n"
           "        paragraphs:\n"
           "          - '2月23日,区委召开会议。'\n"
           "          - 会议指出,要抓好落实。\n")
    assert old in text
    new = f"        story: stories/{name}\n"
    if keep_headline:
        new += "        headline: [石景山区召开会议, 研究部署工作]\n"
    if byline and keep_headline:
        new += "        byline: '本报讯(记者李思婵)'\n"
    edition_file.write_text(text.replace(old, new), encoding="utf-8")


def _lead(edition):
    return edition.pages[0].articles[0]


def test_every_character_yaml_would_eat_prints_exactly(edition):
    body = "\n\n".join(HAZARDS)
    _use_story(edition, "headline: 石景山区召开会议 # 不是注释\nheadline: 研究部署工作\n"
                        "byline: 本报讯(记者李思婵): 电\n\n" + body + "\n")
    loaded, diags = load_edition(edition)
    assert loaded is not None, [str(d) for d in diags]
    lead = _lead(loaded)
    assert lead.headline == ("石景山区召开会议 # 不是注释", "研究部署工作")
    assert lead.byline == "本报讯(记者李思婵): 电"
    assert [p.text for p in lead.paragraphs] == HAZARDS


def test_hazards_reach_the_page(edition, tmp_path, capsys):
    """Through build: the text drawn on the page holds the characters (after the paper's
    usual ASCII-punctuation mapping inside Chinese)."""
    _use_story(edition, "headline: 会议\n\n" + "\n\n".join(["区委召开会议 # 照样印出。", "{括号}与[方括号]照样印出。"]) + "\n")
    out = tmp_path / "out"
    assert main(["build", str(edition), "-o", str(out)]) == 0, capsys.readouterr().err
    import pypdfium2 as pdfium
    pdf = next(out.rglob("*-p1.pdf"))
    doc = pdfium.PdfDocument(str(pdf))
    text = doc[0].get_textpage().get_text_range().replace("\r", "").replace("\n", "")
    assert "区委召开会议#照样印出。" in text.replace(" ", "")
    assert "{括号}与[方括号]照样印出。" in text.replace(" ", "")


def test_positions_of_paragraphs_point_into_the_story_file(edition):
    _use_story(edition, "headline: 会议\n\n第一段。\n\n  第二段,\n  接着写。\n")
    loaded, _ = load_edition(edition)
    first, second = _lead(loaded).paragraphs
    assert first.pos.path.endswith("stories/lead.txt") and (first.pos.line, first.pos.col) == (3, 1)
    assert (second.pos.line, second.pos.col) == (5, 3)
    assert second.text == "第二段,接着写。"           # lines joined, no space between Chinese


def test_latin_lines_are_joined_with_a_space_and_verse_keeps_its_lines(edition, tmp_path):
    out = Collector()
    f = tmp_path / "s.txt"
    f.write_text("the quick\nbrown fox\n中文\n接着\n", encoding="utf-8")
    assert [p.text for p in read_story(out, f).paragraphs] == ["the quick brown fox中文接着"]
    assert [p.text for p in read_story(out, f, verse=True).paragraphs] == ["the quick\nbrown fox\n中文\n接着"]


def test_invisible_character_is_reported_at_its_line_and_column(edition, capsys):
    _use_story(edition, "headline: 会议\n\n第一段。\n\n第二段,\n接着\u200b写。\n")
    code = main(["check", str(edition)])
    err = capsys.readouterr().err
    assert "stories/lead.txt:6:3: warning: article lead-story, paragraph 2: removed 1 invisible character: U+200B ZERO WIDTH SPACE" in err
    loaded, _ = load_edition(edition)
    assert _lead(loaded).paragraphs[1].text == "第二段,接着写。"


def test_unpaired_quote_warning_points_into_the_story_file(edition, capsys):
    _use_story(edition, "headline: 会议\n\n第一段。\n\n他说:\"没有收尾的引号。\n")
    main(["check", str(edition)])
    err = capsys.readouterr().err
    assert "stories/lead.txt:5:4: warning: unpaired straight quote set as opening quote\n" in err


def test_header_problems_are_positioned(edition):
    _use_story(edition, "headlin: 会议\nbyline: 甲\nbyline: 乙\nthis line is no header line\n\n正文。\n")
    _, diags = load_edition(edition)
    got = {(d.pos.path.rsplit("/", 1)[-1], d.pos.line, d.pos.col, d.message) for d in diags}
    assert ("lead.txt", 1, 1, "unknown key 'headlin' (did you mean 'headline'?)") in got
    assert ("lead.txt", 3, 1, "duplicate key 'byline' (first at 2:1)") in got
    assert any(p == 4 and m.startswith("story header: this line is not 'key: value'") for _, p, _, m in got)


def test_edition_keys_win_over_the_story_header_with_a_warning(edition):
    _use_story(edition, "headline: 另一个标题\nbyline: 本报讯(记者李思婵)\n\n正文。\n", keep_headline=True)
    loaded, diags = load_edition(edition)
    assert _lead(loaded).headline == ("石景山区召开会议", "研究部署工作")
    (warn,) = [d for d in diags if d.code == "story-conflict"]
    assert (warn.pos.line, warn.pos.col) == (1, 11) and warn.pos.path.endswith("lead.txt")
    assert "the edition file gives '石景山区召开会议 / 研究部署工作' (at 18:19), which is used" in warn.message


def test_story_and_paragraphs_both_given_is_an_error(edition):
    _use_story(edition, "headline: 会议\n\n正文。\n")
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("        story: stories/lead.txt\n",
                                    "        story: stories/lead.txt\n        paragraphs: [又一段]\n"), encoding="utf-8")
    _, diags = load_edition(edition)
    assert any(d.code == "story-and-paragraphs" and "give it in one place" in d.message for d in diags)


def test_no_headline_anywhere_is_an_error_naming_both_places(edition):
    _use_story(edition, "\n正文。\n")
    _, diags = load_edition(edition)
    assert any("has no headline: give headline: here or in its story file's header" in d.message for d in diags)


def test_story_outside_the_folders_is_refused(edition, tmp_path):
    (tmp_path / "elsewhere.txt").write_text("headline: x\n\ny\n", encoding="utf-8")
    _use_story(edition, "headline: 会议\n\n正文。\n")
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("stories/lead.txt", "../../elsewhere.txt"), encoding="utf-8")
    _, diags = load_edition(edition)
    assert any("story file '../../elsewhere.txt' points outside" in d.message for d in diags)


def test_missing_story_file(edition):
    _use_story(edition, "headline: 会议\n\n正文。\n")
    (edition.parent / "stories" / "lead.txt").unlink()
    _, diags = load_edition(edition)
    assert any("story file 'stories/lead.txt' not found" in d.message for d in diags)


def test_gbk_story_file_is_refused_with_the_command_that_converts_it(edition):
    _use_story(edition, "")
    (edition.parent / "stories" / "lead.txt").write_bytes("headline: 会议\n\n正文。\n".encode("gbk"))
    _, diags = load_edition(edition)
    (d,) = [d for d in diags if d.code == "encoding"]
    assert d.pos.path.endswith("lead.txt")
    assert "iconv -f GBK -t UTF-8 lead.txt > lead.utf8.txt" in d.message


def test_a_first_paragraph_that_looks_like_a_header_after_an_empty_line(tmp_path):
    f = tmp_path / "s.txt"
    text = story_text(paragraphs=("note: 这是正文。", "第二段。"))
    assert text.startswith("\n")
    f.write_text(text, encoding="utf-8")
    story = read_story(Collector(), f)
    assert story.fields == {} and [p.text for p in story.paragraphs] == ["note: 这是正文。", "第二段。"]


def test_story_text_round_trips(tmp_path):
    parts = dict(kicker="引题", headline=("主题一行", "主题二行"), subhead="副题", byline="本报讯(记者 甲)",
                 author="乙", paragraphs=("# 第一段: 照样。", "第二段!"))
    f = tmp_path / "s.txt"
    f.write_text(story_text(**parts), encoding="utf-8")
    out = Collector()
    story = read_story(out, f)
    assert not out.diags
    assert {k: tuple(v.text for v in vs) for k, vs in story.fields.items()} == {
        "kicker": ("引题",), "headline": ("主题一行", "主题二行"), "subhead": ("副题",),
        "byline": ("本报讯(记者 甲)",), "author": ("乙",)}
    assert tuple(p.text for p in story.paragraphs) == parts["paragraphs"]
