"""The editor's workbench on the CLI: preview --open, proof view, new edition, messages."""
import os
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image

from layout.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAPER_DIR = ROOT / "editions" / "shijingshan"
MM = 72 / 25.4


@pytest.fixture
def copy(tmp_path):
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24" / "edition.yaml"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_preview_open_hands_the_png_to_the_viewer(capsys, copy, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "opened.txt"
    viewer = bin_dir / "xdg-open"
    viewer.write_text(f'#!/bin/sh\necho "$1" > {seen}\n')
    viewer.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    png = tmp_path / "p4.png"
    code, out, err = run(capsys, "preview", copy, "--page", 4, "--dpi", 20, "-o", png, "--open")
    assert code == 0, err
    for _ in range(100):        # the viewer runs detached; wait for it (bounded)
        if seen.exists() and seen.read_text().strip():
            break
        time.sleep(0.05)
    assert seen.read_text().strip() == str(png)


def test_preview_open_without_a_viewer_is_no_error(capsys, copy, tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    png = tmp_path / "p4.png"
    code, out, err = run(capsys, "preview", copy, "--page", 4, "--dpi", 20, "-o", png, "--open")
    assert code == 0, err
    assert png.is_file()
    assert "no viewer" in err
