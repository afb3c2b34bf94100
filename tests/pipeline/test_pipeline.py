"""layout.pipeline: one build that returns data, shared by build, watch, batch and preview."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixtures.builder import article, page, place, write_edition
from layout.cli import main
from layout.pipeline import BuildOptions, build, load, make_up, preview

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture
def over_inked(tmp_path) -> Path:
    """An edition with an ink limit (100 %) its red masthead (200 %) breaks."""
    return write_edition(tmp_path / "paper", [page(1, [article("lead", "会议", ["区委召开会议。"], place=place(1, 4))])],
                         paper={"ink_limit": 100})


def test_build_returns_what_it_did(tmp_path):
    result = build(MINIMAL / "2020-02-24", tmp_path / "out", BuildOptions(proof=True))
    assert result.ok and result.layout is not None and result.edition is not None
    folder = tmp_path / "out" / "test-paper" / "2020-02-24"
    assert result.folder == folder
    assert result.plates == (folder / "test-paper-2020-02-24.pdf", *result.page_plates)
    assert len(result.page_plates) == len(result.layout.pages)
    assert result.written == result.plates + (result.manifest_file, result.copyfit_file, result.proof_file)
    assert [v.page for v in result.versions] == [p.number for p in result.layout.pages]
    assert all(v.status == "new" for v in result.versions) and result.removed_pages == ()
    assert all(p.is_file() for p in result.written)
    assert [r.path for r in result.preflight] == [str(p) for p in result.plates]
    assert all(r.passed for r in result.preflight)
    assert result.copyfit == result.layout.copyfit and result.copyfit


def test_build_with_errors_writes_nothing(tmp_path):
    src = tmp_path / "minimal"
    shutil.copytree(MINIMAL, src)
    yaml = src / "2020-02-24" / "edition.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("issue: 15", "isue: 15"), encoding="utf-8")
    result = build(yaml.parent, tmp_path / "out")
    assert not result.ok and result.layout is None and result.plates == () and result.preflight == ()
    assert any("isue" in d.message for d in result.diagnostics)
    assert not (tmp_path / "out").exists()


def test_a_plate_that_fails_preflight_is_in_the_result(tmp_path, over_inked):
    result = build(over_inked, tmp_path / "out")
    assert result.plates and not result.ok
    failed = result.failed_preflight
    assert failed and all(r.check("ink-limit").passed is False for r in failed)


def test_watch_preflights_its_plates(capsys, tmp_path, over_inked):
    """watch builds as `newsprint build` does: its plates are preflighted and the failures shown."""
    code = main(["watch", str(over_inked), "-o", str(tmp_path / "out"), "--max-builds", "1", "--timeout", "20"])
    out = capsys.readouterr().out
    assert code == 0
    assert "preflight FAILED for" in out and "FAIL ink-limit" in out, out
    assert "test-paper-2020-02-24-p1.pdf" in out


def test_preview_makes_up_only_its_page(tmp_path):
    png = tmp_path / "p1.png"
    result = preview(MINIMAL / "2020-02-24", 1, png, dpi=20)
    assert result.path == png and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.number for p in result.layout.pages] == [1]
    missing = preview(MINIMAL / "2020-02-24", 99, tmp_path / "p99.png", dpi=20)
    assert missing.page_missing and missing.path is None and not (tmp_path / "p99.png").exists()


def test_make_up_adds_makeup_diagnostics_to_the_loader_s(tmp_path):
    loaded = load(MINIMAL / "2020-02-24")
    assert loaded.ok
    made = make_up(loaded)
    assert made.diagnostics[:len(loaded.diagnostics)] == loaded.diagnostics
    assert made.diagnostics[len(loaded.diagnostics):] == tuple(made.layout.diagnostics)
