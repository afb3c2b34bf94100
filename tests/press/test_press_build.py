"""`newsprint build` passes the plates' preflight warnings on: text below the paper's
minimum size is reported per plate, and the build still succeeds."""
from __future__ import annotations

import shutil
from pathlib import Path

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "editions" / "shijingshan"


def test_text_below_the_papers_minimum_is_a_build_warning(tmp_path, capsys):
    paper = tmp_path / "shijingshan"
    shutil.copytree(PAPER, paper)
    yaml = paper / "paper.yaml"
    text = yaml.read_text(encoding="utf-8")
    assert "\nmin_text_size: 6\n" in text
    yaml.write_text(text.replace("\nmin_text_size: 6\n", "\nmin_text_size: 8.5\n"), encoding="utf-8")
    assert main(["build", str(paper / "2020-02-24"), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if "min-text-size" in ln]
    files = [ln.split(":")[1].strip() for ln in lines]
    assert files, err                                    # the sample sets captions in 8 pt
    assert len(set(files)) == len(files)                 # once per plate …
    assert all(f.startswith("shijingshan-2020-02-24-p") for f in files)   # … not for the edition file
    assert all(ln.startswith("warning") and "is below 8.5 pt" in ln for ln in lines)
