"""Issue numbers that follow the calendar: `new` across the new year, `check` against the
previous edition in the same paper folder (layout.edition.sequence)."""
import shutil
from pathlib import Path

import pytest

from layout.cli import main
from layout.edition import load_edition

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def _paper_folder(tmp_path, resets=None):
    """The minimal paper with one edition, 2020-12-28, 第52期 (总第1936期)."""
    dst = tmp_path / "paper"
    shutil.copytree(MINIMAL, dst)
    if resets:
        paper = dst / "paper.yaml"
        paper.write_text(paper.read_text(encoding="utf-8") + f"issue_resets: {resets}\n", encoding="utf-8")
    src = dst / "2020-02-24"
    old = dst / "2020-12-28"
    src.rename(old)
    file = old / "edition.yaml"
    text = file.read_text(encoding="utf-8")
    for a, b in (("date: 2020-02-24", "date: 2020-12-28"), ("issue: 15", "issue: 52"),
                 ("total_issue: 1892", "total_issue: 1936"), ("lunar: 庚子年二月初二\n", "")):
        text = text.replace(a, b)
    file.write_text(text, encoding="utf-8")
    return dst


def _new(capsys, dst):
    code = main(["new", str(dst / "2021-01-04"), "--from", str(dst / "2020-12-28")])
    out = capsys.readouterr()
    assert code == 0, out.err
    return dst / "2021-01-04" / "edition.yaml", out.out


def _fill(file):
    file.write_text(file.read_text(encoding="utf-8").replace("【待填写】", "稿件"), encoding="utf-8")


def test_new_year_starts_issue_numbers_again(capsys, tmp_path):
    dst = _paper_folder(tmp_path)
    file, out = _new(capsys, dst)
    assert "issue 1 (total 1937)" in out
    _fill(file)
    edition, diags = load_edition(file)
    assert (edition.date.isoformat(), edition.issue, edition.total_issue) == ("2021-01-04", 1, 1937)
    assert edition.lunar_date == "庚子年冬月廿一"
    assert not [d for d in diags if d.code.endswith("issue-sequence")]


def test_a_paper_that_never_resets_counts_on(capsys, tmp_path):
    dst = _paper_folder(tmp_path, resets="never")
    file, out = _new(capsys, dst)
    _fill(file)
    edition, diags = load_edition(file)
    assert (edition.issue, edition.total_issue) == (53, 1937)
    assert not [d for d in diags if d.code.endswith("issue-sequence")]


def test_check_warns_when_numbers_do_not_follow_the_previous_edition(capsys, tmp_path):
    dst = _paper_folder(tmp_path)
    file, _ = _new(capsys, dst)
    _fill(file)
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("issue: 1\n", "issue: 53\n").replace("total_issue: 1937", "total_issue: 1938"),
                    encoding="utf-8")
    code = main(["check", str(file)])
    err = capsys.readouterr().err
    assert code == 0                      # warnings only
    lines = text.splitlines()
    issue_line = next(n for n, l in enumerate(lines, 1) if l.startswith("issue:"))
    assert f"edition.yaml:{issue_line}:8: warning: issue: issue 53 does not follow issue 52" in err
    assert "expected 1; the paper's issue numbers start again each year (issue_resets: yearly)" in err
    assert f"edition.yaml:{issue_line + 1}:14: warning: total_issue: total issue 1938 does not follow total issue 1936" in err
    assert "2020-12-28" in err


def test_only_editions_of_the_same_paper_count(capsys, tmp_path):
    dst = _paper_folder(tmp_path)
    other = dst / "2020-12-30"
    shutil.copytree(dst / "2020-12-28", other)
    shutil.copy(dst / "paper.yaml", dst / "other-paper.yaml")
    f = other / "edition.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("paper: ../paper.yaml", "paper: ../other-paper.yaml")
                 .replace("date: 2020-12-28", "date: 2020-12-30").replace("issue: 52", "issue: 99"),
                 encoding="utf-8")
    file, _ = _new(capsys, dst)
    _fill(file)
    _, diags = load_edition(file)
    assert not [d for d in diags if d.code.endswith("issue-sequence")]
