"""The paper is kept between loads of an edition (the desk and watch load it again on every
save) only while its file, its logo and the working folder are unchanged; a paper with
errors is read again every time."""
import shutil
from pathlib import Path

from layout.edition import load_edition

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"


def copy(tmp_path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "m")
    return tmp_path / "m"


def test_an_unchanged_paper_is_the_same_paper(tmp_path):
    m = copy(tmp_path)
    first, _ = load_edition(m / "2020-02-24")
    again, _ = load_edition(m / "2020-02-24")
    assert first is not None and again.paper is first.paper


def test_a_changed_paper_file_is_read_again(tmp_path):
    m = copy(tmp_path)
    first, _ = load_edition(m / "2020-02-24")
    paper = m / "paper.yaml"
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("name: ", "name: 新", 1), encoding="utf-8")
    again, _ = load_edition(m / "2020-02-24")
    assert again.paper is not first.paper and again.paper.name == "新" + first.paper.name


def test_a_changed_logo_is_checked_again(tmp_path):
    from PIL import Image

    m = copy(tmp_path)
    logo = m / "logo.png"
    Image.new("RGBA", (1600, 480), (255, 0, 0, 255)).save(logo)
    paper = m / "paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("logo: null", "logo: logo.png"), encoding="utf-8")
    first, diags = load_edition(m / "2020-02-24")
    assert first is not None, [str(d) for d in diags]
    logo.write_bytes(b"not a picture")                       # same name, now broken
    again, diags = load_edition(m / "2020-02-24")
    assert again is None and any("logo" in str(d) or "logo.png" in str(d) for d in diags)


def test_a_paper_with_errors_is_reported_on_every_load(tmp_path):
    m = copy(tmp_path)
    paper = m / "paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("name: ", "nmae: ", 1), encoding="utf-8")
    for _ in range(2):
        edition, diags = load_edition(m / "2020-02-24")
        assert edition is None and any("nmae" in str(d) for d in diags)
