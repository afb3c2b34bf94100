"""The corpus of broken PDFs (tests/broken_pdfs/, made by make_corpus.py): each file fails
exactly the rule it breaks, the good plate and the build's own plates pass every rule, and
an independent validator (qpdf --check) finds every file well-formed."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from layout.cli import main
from layout.preflight import preflight

HERE = Path(__file__).resolve().parents[1]
CORPUS_DIR = HERE / "broken_pdfs"
sys.path.insert(0, str(CORPUS_DIR))
import make_corpus  # noqa: E402

RULES = ["black-overprint", "white-knockout", "fonts-embedded", "pdfx-identification", "output-intent",
         "no-lzw", "no-printing-annotations", "no-device-controls", "image-resolution",
         "colour-text-size", "multi-ink-hairlines", "bounded-work"]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    files = make_corpus.corpus()
    for name, (_, data) in files.items():
        (folder / name).write_bytes(data)
    return folder, {name: rule for name, (rule, _) in files.items()}


def failed(path) -> set:
    report = preflight(path)
    assert not report.warnings(), str(report)
    return {c.name for c in report.failures()}


def test_each_broken_pdf_fails_exactly_its_rule(made):
    folder, rules = made
    assert set(rules.values()) - {None} == set(RULES)        # every rule has its broken file
    for name, rule in rules.items():
        assert failed(folder / name) == ({rule} if rule else set()), name


def test_the_committed_corpus_has_the_scripts_files(made):
    """tests/broken_pdfs/*.pdf are the files make_corpus.py writes (run it after changing it);
    the rules are checked on the files made afresh above."""
    folder, rules = made
    assert sorted(p.name for p in CORPUS_DIR.glob("*.pdf")) == sorted(rules)


def test_the_builds_plates_pass_every_rule(tmp_path, capsys):
    assert main(["build", str(HERE / "fixtures" / "minimal" / "2020-02-24"), "-o", str(tmp_path),
                 "--marks", "-q"]) == 0
    capsys.readouterr()
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        report = preflight(pdf)
        assert report.passed and not report.warnings(), str(report)
        assert set(RULES) <= {c.name for c in report.checks}


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf (Debian package, installed by .ci/run) not here")
def test_qpdf_finds_every_corpus_file_well_formed():
    """Only the rule is broken, not the file: qpdf --check exits 0 on each."""
    for pdf in sorted(CORPUS_DIR.glob("*.pdf")):
        run = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert run.returncode == 0, f"{pdf.name}: {run.stdout}{run.stderr}"


def test_lzw_encoder_round_trips():
    """The corpus's LZW stream is real LZW: pypdf decodes it back."""
    from pypdf.filters import LZWDecode

    data = bytes(range(256)) * 20 + b"BT /F1 10 Tf (abc) Tj ET " * 400
    assert LZWDecode.decode(make_corpus.lzw_encode(data)) == data


def test_a_photo_between_150_and_200_ppi_is_a_warning(tmp_path):
    path = tmp_path / "photo-180.pdf"
    path.write_bytes(make_corpus.draw_plate(photo_px=180))
    report = preflight(path)
    assert report.passed
    assert [c.name for c in report.warnings()] == ["image-resolution"]
    assert report.check("image-resolution").figure.startswith("lowest 180 ppi")


def test_every_check_has_a_title_in_both_languages(made, monkeypatch):
    from layout.base.catalogue import msg
    from layout.cli.preflight import check_line

    folder, _ = made
    report = preflight(folder / "black-text-knocks-out.pdf")
    for check in report.checks:
        assert msg(f"check.{check.name}", "en") and msg(f"check.{check.name}", "zh")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    line = check_line(report.check("black-overprint"))
    assert line.startswith("未通过 黑色压印：1 页有未压印的 100 K 文字或线条——第1页：小于 12 pt 的 100 K 文字未压印；")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert check_line(report.check("black-overprint")).startswith("FAIL black-overprint: ")


def _given(phrase) -> set:
    """The text a report took from the file itself (font, image and resource names, an
    output condition's identifier): every string argument of a phrase, however deep."""
    from layout.base.catalogue import Phrase

    out = set()
    for _, value in (phrase.args if phrase is not None else ()):
        for v in (value if isinstance(value, tuple) else (value,)):
            out |= _given(v) if isinstance(v, Phrase) else {v} if isinstance(v, str) else set()
    return out


def test_preflight_in_chinese_has_no_english_words(made, monkeypatch, capsys):
    """`newsprint preflight FILE.pdf` under a Chinese locale, for the good plate and every
    broken file: the only Latin words left are names (PDF/X-1a, TrimBox, CMYK …) and what
    the file itself names."""
    from fixtures.words import english_words

    folder, rules = made
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    for name in sorted(rules):
        path = folder / name
        main(["preflight", str(path)])
        out = capsys.readouterr().out.replace(str(path), "")
        report = preflight(path)
        for given in sorted(set().union(*(_given(c.measured) | _given(c.problem) for c in report.checks)),
                            key=len, reverse=True):
            out = out.replace(given, "")
        assert "印前检查" in out and not english_words(out), (name, english_words(out), out)
