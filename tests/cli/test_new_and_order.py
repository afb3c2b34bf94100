"""`newsprint new` at the end of the calendar, and diagnostics printed in the order of their
places in the files (as docs/edition-format.md says), whatever stage found them."""
import io
from contextlib import redirect_stderr, redirect_stdout

from fixtures.builder import article, page, place, write_edition
from layout.cli import main


def run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


LEAD = article("lead", "标题", ["正文。"], place=place(1, 2, 1, 10))


def test_new_from_the_last_date_there_is_says_so(tmp_path):
    folder = write_edition(tmp_path, [page(1, [LEAD])], date="9999-12-31", weekday="星期五",
                           issue=52, total_issue=400000)
    code, out, err = run("new", tmp_path / "next", "--from", folder)
    assert code == 1 and "Traceback" not in err and "internal error" not in err, err
    assert "is dated 9999-12-31; a week later is past the last date there is" in err
    assert not (tmp_path / "next").exists()


def test_diagnostics_are_sorted_by_file_line_and_column(tmp_path):
    """A note made at the end of makeup (ASCII punctuation normalised, on the first article)
    comes before a makeup error lower in the file (the second article's kicker too wide),
    though makeup finds them the other way round."""
    lead = article("lead", "标题", ["甲,乙。"], place=place(1, 2, 1, 10))
    wide = article("wide", "标题", ["正文。"], kicker="一行放不下的很长很长很长很长很长很长的引题文字",
                   place=place(3, 2, 1, 10))
    folder = write_edition(tmp_path, [page(1, [lead, wide])])
    code, _, err = run("check", folder)
    assert code == 1
    lines = [l for l in err.splitlines() if ": error: " in l or ": info: " in l]
    places = [tuple(int(n) for n in l.split(": ")[0].rsplit(":", 2)[1:]) for l in lines]
    assert len(places) == 2 and places == sorted(places), err
    assert "normalised" in lines[0] and "kicker" in lines[1], err


def test_new_makes_readable_ids_unique_in_the_edition(tmp_path):
    """Ids from the page's section in pinyin (the headline is still 【待填写】), with the kind
    unless news; a kept article keeps its id and no new id takes it; continuations follow."""
    import yaml

    lead = article("lead", "标题", ["正文。"], place=place(1, 2, 1, 10), continues_on=2)
    other = article("yao-wen", "标题", ["正文。"], place=place(3, 2, 1, 10))
    comment = article("comment", "评论", ["正文。"], kind="commentary", place=place(5, 2, 1, 10))
    second = page(2, [article("b", "简讯", ["正文。"], kind="brief", place=place(3, 2, 1, 10))],
                  section="综合新闻",
                  continuations=[{"article": "lead", "headline": "续", "place": place(1, 2, 1, 10)}])
    folder = write_edition(tmp_path, [page(1, [lead, other, comment]), second])
    code, out, err = run("new", tmp_path / "next", "--from", folder, "--keep", "yao-wen")
    assert code == 0, err
    data = yaml.safe_load((tmp_path / "next" / "edition.yaml").read_text(encoding="utf-8"))
    ids = [[a["id"] for a in p["articles"]] for p in data["pages"]]
    assert ids == [["yao-wen-2", "yao-wen", "yao-wen-commentary"], ["zong-he-xin-wen-brief"]]
    assert data["pages"][1]["continuations"][0]["article"] == "yao-wen-2"
