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
