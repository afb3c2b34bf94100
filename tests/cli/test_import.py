"""newsprint import: Word documents (made here with python-docx), plain text and Markdown
turned into story files; --into adds the article to an edition file keeping its layout."""
import shutil
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image

from layout.cli import main
from layout.edition import load_edition

ROOT = Path(__file__).resolve().parents[2]
PAPER_DIR = ROOT / "editions" / "shijingshan"

STORY = """headline: 社区卡口上的“红马甲”
headline: 八角街道志愿者日夜值守
byline: 本报讯（记者 孙悦然）

2月22日早上7点，天刚蒙蒙亮，东门卡口已经支起了蓝色帐篷。# 不是注释

疫情防控工作开展以来，社区实行封闭式管理。

“进门先测温，再看出入证。”他说。

志愿者的坚守，居民们看在眼里: 记在心上。
"""


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def _picture(tmp_path):
    png = tmp_path / "photo.png"
    Image.new("L", (40, 30), 128).save(png)
    return png


def make_docx(tmp_path, name="story.docx"):
    """A reporter's document: title (two lines by a manual break), the 本报讯 lead-in, body
    paragraphs with a typed 　　 indent, an empty paragraph, a picture and a manual line
    break inside the text."""
    d = docx.Document()
    title = d.add_heading("社区卡口上的“红马甲”", level=0)
    title.runs[0].add_break()
    title.add_run("八角街道志愿者日夜值守")
    d.add_paragraph("本报讯（记者 孙悦然）2月22日早上7点，天刚蒙蒙亮，东门卡口已经支起了蓝色帐篷。# 不是注释")
    d.add_paragraph("")
    p = d.add_paragraph("　　疫情防控工作开展以来，社区实行封闭式管理。")
    p.runs[0].add_break()                       # Shift+Enter: a paragraph ends here
    p.add_run("“进门先测温，再看出入证。”他说。")
    d.add_picture(str(_picture(tmp_path)))
    d.add_paragraph("志愿者的坚守，居民们看在眼里: 记在心上。  ")
    path = tmp_path / name
    d.save(path)
    return path


def test_docx_imports_to_the_expected_story_file(capsys, tmp_path):
    src = make_docx(tmp_path)
    code, out, err = run(capsys, "import", src)
    assert code == 0, err
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == STORY
    assert "1 picture not imported" in err           # reported, not dropped silently
    assert "wrote" in out and "story.txt" in out


def _titled(text):
    """A document with a title and one paragraph of `text`."""
    d = docx.Document()
    d.add_heading("标题", level=0)
    return d, d.add_paragraph(text)


def _w_run(text):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    return r


def _imported(capsys, d, path):
    d.save(path)
    code, _, err = run(capsys, "import", path)
    return code, err


def test_docx_with_tracked_changes_is_refused(capsys, tmp_path):
    d, p = _titled("原有文字。")
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "编辑")
    ins.append(_w_run("插入的文字。"))
    p._p.append(ins)
    code, err = _imported(capsys, d, tmp_path / "tracked.docx")
    assert code == 1
    assert "tracked.docx: error: the document has 1 tracked change (insertions, deletions or moves)" in err
    assert not (tmp_path / "tracked.txt").exists()


def test_docx_with_comments_is_refused(capsys, tmp_path):
    d, p = _titled("有批注的文字。")
    d.add_comment(p.runs, text="这句要核实", author="编辑")
    code, err = _imported(capsys, d, tmp_path / "commented.docx")
    assert code == 1 and "the document has comments" in err


def test_tables_are_reported(capsys, tmp_path):
    d, _ = _titled("正文。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    code, err = _imported(capsys, d, tmp_path / "table.docx")
    assert code == 0 and "a table (2 cells) is not imported: 甲 | 乙" in err


def test_text_inside_hyperlinks_is_kept(capsys, tmp_path):
    d, p = _titled("请登录")
    link = OxmlElement("w:hyperlink")
    link.append(_w_run("石景山新闻网"))
    p._p.append(link)
    p.add_run("查询。")
    assert _imported(capsys, d, tmp_path / "link.docx")[0] == 0
    assert "请登录石景山新闻网查询。" in (tmp_path / "link.txt").read_text(encoding="utf-8")


def test_not_a_docx_is_a_clear_error(capsys, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    code, _, err = run(capsys, "import", bad)
    assert code == 1 and "bad.docx: error:" in err and "save it again as .docx" in err
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "import", doc)
    assert code == 1 and "save it as .docx first" in err


def test_plain_text_one_paragraph_a_line(capsys, tmp_path):
    src = tmp_path / "copy.txt"
    src.write_text("蔬菜货足价稳 市民采购有序\n本报讯（通讯员 吴桐）连日来，货源充足。\n　　区商务局介绍，供应正常。\n", encoding="utf-8")
    out = tmp_path / "story.txt"
    assert run(capsys, "import", src, "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8") == (
        "headline: 蔬菜货足价稳 市民采购有序\nbyline: 本报讯（通讯员 吴桐）\n\n连日来，货源充足。\n\n区商务局介绍，供应正常。\n")


def test_markdown_headings_and_wrapped_paragraphs(capsys, tmp_path):
    src = tmp_path / "copy.md"
    src.write_text("# 停课不停学\n# 课堂搬到“云端”\n\n本报记者 孙悦然\n\n早上8点半，\n学生准时上课。\n\nAn English\nline.\n", encoding="utf-8")
    assert run(capsys, "import", src)[0] == 0
    assert (tmp_path / "copy.txt").read_text(encoding="utf-8") == (
        "headline: 停课不停学\nheadline: 课堂搬到“云端”\nbyline: 本报记者 孙悦然\n\n早上8点半，学生准时上课。\n\nAn English line.\n")


@pytest.fixture
def sample(tmp_path):
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24" / "edition.yaml"


def test_into_adds_the_article_at_the_end_of_the_page_keeping_the_file(capsys, tmp_path, sample):
    before = sample.read_text(encoding="utf-8")
    src = make_docx(tmp_path)
    code, out, err = run(capsys, "import", src, "--into", sample.parent, "--page", 2)
    assert code == 0, err
    story = sample.parent / "stories" / "she-qu-ka-kou-shang-de-hong-ma.txt"   # the id from the headline
    assert story.read_text(encoding="utf-8") == STORY
    after = sample.read_text(encoding="utf-8")
    added = ("      - id: she-qu-ka-kou-shang-de-hong-ma\n"
             "        story: stories/she-qu-ka-kou-shang-de-hong-ma.txt\n")
    # every other byte (comments, quoting, flow mappings) as it was: only the two lines are new
    at = before.index("    continuations:\n      - article: social-construction")
    assert after == before[:at] + added + before[at:]
    edition, diags = load_edition(sample)
    page2 = edition.pages[1].articles
    assert page2[-1].id == "she-qu-ka-kou-shang-de-hong-ma"
    assert page2[-1].headline == ("社区卡口上的“红马甲”", "八角街道志愿者日夜值守")
    assert page2[-1].paragraphs[-1].text == "志愿者的坚守，居民们看在眼里: 记在心上。"
    # a second import of the same headline gets its own id
    code, out, err = run(capsys, "import", src, "--into", sample, "--page", 2)
    assert code == 0, err
    assert "she-qu-ka-kou-shang-de-hong-ma-2" in sample.read_text(encoding="utf-8")


def test_into_a_page_without_articles_and_a_given_id(capsys, tmp_path):
    folder = tmp_path / "minimal"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "minimal", folder)
    edition = folder / "2020-02-24" / "edition.yaml"
    text = edition.read_text(encoding="utf-8")
    text = text.replace("""    articles:
      - id: brief-one
        kind: brief
        headline: 简讯
        paragraphs: [一则简讯。]
        place: {column: 3, span: 2}
""", "")
    edition.write_text(text, encoding="utf-8")
    src = make_docx(tmp_path)
    code, _, err = run(capsys, "import", src, "--into", edition, "--page", 2, "--id", "volunteers")
    assert code == 0, err
    new = edition.read_text(encoding="utf-8")
    assert new == text + ("    articles:\n"
                          "      - id: volunteers\n"
                          "        story: stories/volunteers.txt\n")
    loaded, diags = load_edition(edition)
    assert loaded is not None, [str(d) for d in diags]
    assert [a.id for a in loaded.pages[1].articles] == ["volunteers"]
    code, _, err = run(capsys, "import", src, "--into", edition, "--page", 2, "--id", "volunteers")
    assert code == 1 and "already" in err


def test_into_refuses_a_page_that_does_not_exist(capsys, tmp_path, sample):
    before = sample.read_bytes()
    code, _, err = run(capsys, "import", make_docx(tmp_path), "--into", sample, "--page", 9)
    assert code == 1 and "no page 9" in err
    assert sample.read_bytes() == before


@pytest.mark.parametrize("articles", ["    articles: []   # none yet\n", "    articles:\n"])
def test_add_article_to_an_empty_list_keeps_the_comment(articles):
    from layout.edition.insert import add_article

    text = ("pages:\n  - number: 1\n    section: 要闻\n" + articles +
            "  - number: 2   # 第二版\n    articles:\n      - id: a\n        paragraphs:\n          - |\n            x\n")
    out = add_article(text, 1, ["- id: new", "  story: stories/new.txt"])
    import yaml
    data = yaml.safe_load(out)
    assert data["pages"][0]["articles"] == [{"id": "new", "story": "stories/new.txt"}]
    assert "# none yet" in out or articles == "    articles:\n"
    assert "  - number: 2   # 第二版\n" in out
    out2 = add_article(text, 2, ["- id: b", "  story: stories/b.txt"])
    assert yaml.safe_load(out2)["pages"][1]["articles"][-1] == {"id": "b", "story": "stories/b.txt"}
    assert out2.startswith(text)            # appended after the block scalar, nothing else touched
