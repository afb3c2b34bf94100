"""Files are read only from inside a project root (like Typst's --root): by default the
folder above the edition's folder (editions/<paper>/ for editions/<paper>/<date>/), chosen
with `newsprint --root DIR` (or $NEWSPRINT_ROOT). An edition pointing `paper:` at some other
folder holding a .yaml file — to embed the pictures there — is refused."""
import io
import os
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from layout.cli import main
from layout.edition import load_edition
from layout.edition.load import ROOT_VARIABLE

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def elsewhere(tmp_path) -> Path:
    """project/2020-02-24/edition.yaml naming a paper in other/ (with a picture beside it)."""
    shutil.copytree(MINIMAL, tmp_path / "other")
    edition = tmp_path / "project" / "2020-02-24"
    shutil.copytree(MINIMAL / "2020-02-24", edition)
    path = edition / "edition.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("paper: ../paper.yaml",
                                                             "paper: ../../other/paper.yaml"), encoding="utf-8")
    return edition


def test_a_paper_outside_the_default_root_is_refused_at_its_line(tmp_path):
    edition, diags = load_edition(elsewhere(tmp_path))
    assert edition is None
    (d,) = [d for d in diags if d.code == "paper-outside-root"]
    assert (d.pos.line, d.pos.col) == (2, 8)
    assert f"is outside the project root {tmp_path / 'project'}" in d.message


def test_the_documented_layout_is_inside_the_default_root(tmp_path):
    edition, diags = load_edition(shutil.copytree(MINIMAL, tmp_path / "m") / "2020-02-24")
    assert edition is not None, [str(d) for d in diags]


def test_root_names_a_wider_project_and_is_restored_after_the_run(tmp_path):
    edition = elsewhere(tmp_path)
    before = os.environ.get(ROOT_VARIABLE)
    code, _, err = run("check", edition)
    assert code == 1 and "is outside the project root" in err
    code, out, err = run("--root", tmp_path, "check", edition)
    assert code == 0 and "OK" in out, err
    assert os.environ.get(ROOT_VARIABLE) == before


def test_a_link_inside_the_root_to_a_paper_outside_is_refused(tmp_path):
    shutil.copytree(MINIMAL, tmp_path / "other")
    project = shutil.copytree(MINIMAL, tmp_path / "project")
    (project / "paper.yaml").unlink()
    (project / "paper.yaml").symlink_to(tmp_path / "other" / "paper.yaml")
    _, diags = load_edition(project / "2020-02-24")
    (d,) = [d for d in diags if d.code == "paper-outside-root"]
    assert str(tmp_path / "other" / "paper.yaml") in d.message


def test_an_edition_outside_the_root_given_is_refused(tmp_path):
    edition = shutil.copytree(MINIMAL, tmp_path / "m") / "2020-02-24"
    (tmp_path / "elsewhere").mkdir()
    loaded, diags = load_edition(edition, root=tmp_path / "elsewhere")
    assert loaded is None
    assert [d.code for d in diags] == ["edition-outside-root"]
