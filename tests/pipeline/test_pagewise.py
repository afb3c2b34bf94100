"""Page by page: a half-finished edition (next week's, from `newsprint new`) can be checked
and previewed one page at a time; placeholders are drawn as grey blocks; `build` still
refuses it.  And the copyfit in both units (缺N行≈M字, 超出N字≈K行) in the terminal and JSON."""
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAPER_DIR = ROOT / "editions" / "shijingshan"
KEPT = "epidemic-leading-group-31st-meeting"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture
def half_done(tmp_path, capsys):
    """Next week's edition: page 1's lead story kept, every other article still 【待填写】."""
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    assert main(["new", str(dst / "2020-03-02"), "--from", str(dst / "2020-02-24"), "--keep", KEPT]) == 0
    capsys.readouterr()
    return dst / "2020-03-02"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_check_page_makes_up_one_page_of_a_half_finished_edition(capsys, half_done):
    code, out, err = run(capsys, "check", half_done)
    assert code == 1 and "placeholder text not replaced" in err
    code, out, err = run(capsys, "check", half_done, "--page", "1")
    assert code == 0, err
    assert "placeholder text not replaced" in err           # listed, not holding the page up
    assert f"   1  {KEPT}" in out and "≈" in out              # the page's copyfit table
    assert "page 1 made up" in out
    code, out, _ = run(capsys, "check", half_done, "--page", "1", "--json")
    data = json.loads(out)
    assert code == 0 and data["page"] == 1 and not data["held"]
    assert {e["page"] for e in data["copyfit"]} == {1}
    code, _, err = run(capsys, "check", half_done, "--page", "7")
    assert code == 1 and "no page 7" in err


def test_preview_draws_placeholders_as_grey_blocks_and_build_still_refuses(capsys, half_done, tmp_path):
    png = tmp_path / "p2.png"
    code, out, err = run(capsys, "preview", half_done, "--page", "2", "--dpi", "30", "-o", png)
    assert code == 0, err
    assert "placeholder text not replaced" in err
    image = Image.open(png).convert("L")
    w, h = image.size
    # the middle of page 2 is a placeholder's frame: grey, not paper white
    greys = [image.getpixel((x, y)) for x in range(w // 4, 3 * w // 4, 7) for y in range(h // 3, 2 * h // 3, 7)]
    assert sum(200 < g < 245 for g in greys) > len(greys) / 2
    code, _, err = run(capsys, "build", half_done, "-o", tmp_path / "out")
    assert code == 1 and not (tmp_path / "out").exists()


def test_an_error_on_the_page_itself_holds_it_up(capsys, half_done):
    """A block placed below the foot of page 3 holds page 3 up, not page 1 (an error the
    loader itself finds, a file it cannot read, holds up every page)."""
    path = half_done / "edition.yaml"
    text = path.read_text(encoding="utf-8")
    i = text.index("  - number: 3")
    j = text.index(" row: 1, ", i)
    path.write_text(text[:j] + " row: 70, " + text[j + len(" row: 1, "):], encoding="utf-8")
    code, _, err = run(capsys, "check", half_done, "--page", "3")
    assert code == 1 and "outside the page's rows 1-73" in err
    code, _, err = run(capsys, "check", half_done, "--page", "1")
    assert code == 0 and "outside the page's rows 1-73" in err


def test_check_prints_the_copyfit_table_in_both_units(capsys, tmp_path, monkeypatch):
    edition = PAPER_DIR / "2020-02-24"
    code, out, _ = run(capsys, "check", edition)
    assert code == 0
    assert "3 lines short ≈ 36 chars" in out    # 12 字 a line in one column
    code, out, _ = run(capsys, "check", edition, "--json")
    rows = json.loads(out)["copyfit"]
    assert all(r["short_chars"] == r["short_lines"] * r["chars_per_line"] for r in rows)
    assert all("overflow_lines" in r for r in rows)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "check", edition)
    assert "缺3行 ≈ 36字" in out
