"""Batch builds (`newsprint build --all DIR --jobs N`) and lazy imports of `newsprint check`."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from layout.cli.batch import BatchOptions, build_all, find_editions

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def _papers(tmp_path: Path, dates=("2020-02-24", "2020-03-02"), broken: str = "") -> Path:
    """tmp/papers/minimal with one edition per date (the fixture, re-dated)."""
    root = tmp_path / "papers"
    paper = root / "minimal"
    paper.mkdir(parents=True)
    shutil.copy(MINIMAL / "paper.yaml", paper / "paper.yaml")
    src = MINIMAL / "2020-02-24"
    for date in dates:
        shutil.copytree(src, paper / date)
        text = (src / "edition.yaml").read_text(encoding="utf-8").replace("date: 2020-02-24", f"date: {date}")
        if date == broken:
            text = text.replace("issue: 15", "isue: 15")
        (paper / date / "edition.yaml").write_text(text, encoding="utf-8")
    return root


def _run(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWSPRINT_CACHE_DIR=str(cwd / "cache"))
    return subprocess.run([sys.executable, "-m", "layout", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_find_editions_sorted_skipping_hidden_and_output(tmp_path):
    root = _papers(tmp_path)
    (root / ".trash" / "x").mkdir(parents=True)
    (root / ".trash" / "x" / "edition.yaml").write_text("", encoding="utf-8")
    (root / "output" / "y").mkdir(parents=True)
    (root / "output" / "y" / "edition.yaml").write_text("", encoding="utf-8")
    assert find_editions(root) == [root / "minimal" / "2020-02-24", root / "minimal" / "2020-03-02"]
    assert find_editions(tmp_path / "nowhere") == []


def test_build_all_two_jobs_writes_every_edition_like_single_builds(tmp_path):
    root = _papers(tmp_path)
    r = _run("build", "--all", str(root), "--jobs", "2", "-o", str(tmp_path / "out"), "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for date in ("2020-02-24", "2020-03-02"):
        folder = tmp_path / "out" / "test-paper" / date
        assert sorted(p.name for p in folder.glob("*.pdf")) == [
            f"test-paper-{date}-p1.pdf", f"test-paper-{date}-p2.pdf", f"test-paper-{date}.pdf"]
    assert "2 editions built" in r.stdout
    # the pool changes nothing in the files: one edition built alone gives the same bytes
    single = _run("build", str(root / "minimal" / "2020-03-02"), "-o", str(tmp_path / "one"), "-q", cwd=tmp_path)
    assert single.returncode == 0, single.stderr
    name = "test-paper/2020-03-02/test-paper-2020-03-02.pdf"
    assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "out" / name).read_bytes()


def test_build_all_reports_a_broken_edition_and_builds_the_rest(tmp_path):
    root = _papers(tmp_path, broken="2020-03-02")
    results = build_all(find_editions(root), BatchOptions(str(tmp_path / "out"), quiet=True), jobs=2)
    assert [Path(r.edition).name for r in results] == ["2020-02-24", "2020-03-02"]
    assert [r.code for r in results] == [0, 1]
    assert "isue" in results[1].stderr
    assert (tmp_path / "out" / "test-paper" / "2020-02-24" / "test-paper-2020-02-24.pdf").is_file()
    assert not (tmp_path / "out" / "test-paper" / "2020-03-02").exists()


@pytest.mark.parametrize("args, code, words", [
    (["build", "--all", "empty"], 1, "no edition"),
    (["build", "--all", "empty", "--jobs", "0"], 2, "--jobs"),
    (["build"], 2, "EDITION"),
])
def test_build_all_usage_errors(tmp_path, args, code, words):
    (tmp_path / "empty").mkdir()
    r = _run(*args, cwd=tmp_path)
    assert r.returncode == code
    assert words in r.stderr
    assert "Traceback" not in r.stderr


def test_check_does_not_import_the_pdf_libraries(tmp_path):
    code = ("import sys, io, contextlib\n"
            "import layout.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = layout.cli.main(['check', {str(MINIMAL / '2020-02-24')!r}])\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pypdf', 'pypdfium2'})\n"
            "print(rc, heavy)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWSPRINT_CACHE_DIR=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert r.stdout.split("\n")[-2] == "0 []", r.stdout + r.stderr
