"""The CLI on the sample edition and on broken copies of it: file:line:col, exit codes."""
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAPER_DIR = ROOT / "editions" / "shijingshan"


@pytest.fixture
def copy(tmp_path):
    """A copy of the sample paper + edition; returns the edition.yaml path."""
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24" / "edition.yaml"


def break_it(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace old by new; return the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_check_passes_on_the_sample(capsys, copy):
    code, out, err = run(capsys, "check", str(copy.parent))
    assert code == 0, err
    assert "OK (4 pages" in out


def test_misspelt_key(capsys, copy):
    line = break_it(copy, "        headline: ['石景山区召开', '2020年", "        headlin: ['石景山区召开', '2020年")
    code, _, err = run(capsys, "check", str(copy))
    assert code == 1
    assert re.search(rf"edition\.yaml:{line}:9: .*unknown key 'headlin' \(did you mean 'headline'\?\)", err), err


def test_string_where_a_number_belongs(capsys, copy):
    line = break_it(copy, "issue: 15", "issue: fifteen")
    code, _, err = run(capsys, "check", str(copy))
    assert code == 1
    assert re.search(rf"edition\.yaml:{line}:8: .*fifteen", err), err


def test_missing_image(capsys, copy):
    (copy.parent / "images" / "meeting-hall.png").unlink()
    code, _, err = run(capsys, "check", str(copy))
    assert code == 1
    assert re.search(r"edition\.yaml:\d+:\d+: .*meeting-hall\.png", err), err


def test_overlapping_placements(capsys, copy):
    line = break_it(copy, "place: {column: 1, span: 4, row: 26, rows: 10}", "place: {column: 1, span: 4, row: 20, rows: 10}")
    code, _, err = run(capsys, "check", str(copy))
    assert code == 1
    assert re.search(rf"edition\.yaml:{line}:\d+: .*overlap", err), err


def test_placement_outside_the_grid(capsys, copy):
    line = break_it(copy, "place: {column: 1, span: 4, row: 26, rows: 10}", "place: {column: 4, span: 4, row: 26, rows: 10}")
    code, _, err = run(capsys, "check", str(copy))
    assert code == 1
    assert f"edition.yaml:{line}:" in err


def test_build_writes_nothing_on_error(capsys, copy, tmp_path):
    break_it(copy, "issue: 15", "issue: fifteen")
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(copy), "-o", str(out))
    assert code == 1
    assert "nothing was written" in err
    assert not out.exists() or not any(out.rglob("*.pdf"))


def test_usage_errors_exit_2(capsys):
    assert main(["build"]) == 2            # neither an edition nor --all
    with pytest.raises(SystemExit) as e:
        main(["frobnicate"])
    assert e.value.code == 2


def test_missing_edition_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 1 and "nowhere" in err


def test_preview_writes_a_png_of_the_page(capsys, copy, tmp_path):
    png = tmp_path / "p2.png"
    code, out, err = run(capsys, "preview", str(copy), "--page", "2", "--dpi", "30", "-o", str(png))
    assert code == 0, err
    assert out.strip() == str(png)
    with Image.open(png) as im:
        w, h = im.size
        assert abs(w - 275 / 25.4 * 30) <= 1 and abs(h - 390 / 25.4 * 30) <= 1
        lo, hi = im.convert("L").getextrema()
        assert lo < 60 and hi > 200        # text on paper, not blank


def test_preview_of_a_page_that_does_not_exist(capsys, copy):
    code, _, err = run(capsys, "preview", str(copy), "--page", "9")
    assert code == 1 and "no page 9" in err


def test_strict_fails_on_overflow(capsys, copy, tmp_path):
    break_it(copy, "place: {column: 1, span: 4, row: 1, rows: 25}", "place: {column: 1, span: 4, row: 1, rows: 14}")
    code, _, err = run(capsys, "check", str(copy), "--strict")
    assert code == 1
    assert re.search(r"\d+ characters over \(\d+ lines over\) on page 1", err), err
    code, _, err = run(capsys, "check", str(copy))
    assert code == 0


def test_preflight_command(capsys, tmp_path):
    bad = tmp_path / "bad.pdf"
    from reportlab.pdfgen.canvas import Canvas
    c = Canvas(str(bad))
    c.setFillColorRGB(1, 0, 0)
    c.drawString(100, 100, "RGB text in Helvetica")
    c.save()
    code, out, _ = run(capsys, "preflight", str(bad))
    assert code == 1
    assert "FAIL fonts-embedded" in out and "FAIL no-rgb" in out


def test_fonts_command_lists_the_shipped_fonts(capsys):
    code, out, _ = run(capsys, "fonts")
    assert code == 0
    for fid in ("noto-serif-sc-regular", "noto-sans-sc-bold", "lxgw-wenkai-regular", "fandol-fang-regular"):
        assert fid in out


def test_unknown_font_id_in_the_paper(capsys, copy):
    paper = copy.parent.parent / "paper.yaml"
    line = break_it(paper, "noto-serif-sc-regular, lxgw-wenkai-regular", "noto-serif-sc-regulr, lxgw-wenkai-regular")
    code, _, err = run(capsys, "check", str(copy))
    assert code == 1
    assert re.search(rf"paper\.yaml:{line}:\d+: .*unknown font 'noto-serif-sc-regulr' "
                     r"\(did you mean 'noto-serif-sc-regular'\?\)", err), err
