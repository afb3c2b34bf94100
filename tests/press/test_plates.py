"""Plates a plant can trust: /ID from the content, revision in the slug and the manifest,
documented dates, the report of changed plates, unique subset names, one-ink hairlines."""
import hashlib
import json
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from layout.cli import main
from layout.edition.model import Color
from layout.makeup.furniture import rule_width
from layout.press.manifest import page_ranges
from layout.press.pdfx import pdf_date, source_date_epoch
from layout.press.tounicode import subset_tag
from layout.press.write import with_content_id

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


@pytest.fixture
def edition(tmp_path):
    """A copy of the minimal two-page edition; returns its edition.yaml."""
    dst = tmp_path / "minimal"
    shutil.copytree(MINIMAL, dst)
    return dst / "2020-02-24" / "edition.yaml"


def build(capsys, edition, out, *extra):
    code = main(["build", str(edition), "-o", str(out), *extra])
    got = capsys.readouterr()
    assert code == 0, got.err
    return got.out


def plates_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("plates: "))


def trailer_id(path: Path) -> bytes:
    return re.search(rb"/ID\s*\[<([0-9a-f]{32})>", path.read_bytes()).group(1)


def test_a_corrected_page_is_the_only_changed_plate(capsys, tmp_path, edition, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    out = tmp_path / "out"
    folder = out / "test-paper" / "2020-02-24"
    assert "p1–2 new" in plates_line(build(capsys, edition, out, "--marks"))
    manifest = json.loads((folder / "test-paper-2020-02-24-manifest.json").read_text("utf-8"))
    first = {p["page"]: p for p in manifest["plates"]}
    p1, p2 = folder / "test-paper-2020-02-24-p1.pdf", folder / "test-paper-2020-02-24-p2.pdf"
    assert first[1]["sha256"] == hashlib.sha256(p1.read_bytes()).hexdigest()
    assert first[1]["id"] == trailer_id(p1).decode()
    bytes_before = p1.read_bytes(), p2.read_bytes()

    assert plates_line(build(capsys, edition, out, "--marks")).startswith("plates: p1–2 unchanged")
    assert (p1.read_bytes(), p2.read_bytes()) == bytes_before          # the same input, the same bytes

    # one character fixed on page 1, and a character no page had before (拂: a new glyph)
    text = edition.read_text("utf-8")
    edition.write_text(text.replace("春风徐来。", "春风拂面。"), "utf-8")
    line = plates_line(build(capsys, edition, out, "--marks"))
    assert line.startswith("plates: p1 changed; p2 unchanged")
    second = {p["page"]: p for p in json.loads(
        (folder / "test-paper-2020-02-24-manifest.json").read_text("utf-8"))["plates"]}
    assert second[1]["revision"] != first[1]["revision"]
    assert second[1]["id"] != first[1]["id"] and trailer_id(p1).decode() == second[1]["id"]
    assert second[2] == first[2] and p2.read_bytes() == bytes_before[1]
    # the slug carries the revision
    page = pdfium.PdfDocument(str(p1))[0]
    slug = page.get_textpage().get_text_range()
    assert f"rev {second[1]['revision']}" in slug
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    edition.write_text(text.replace("春风徐来。", "春风拂面！"), "utf-8")
    out_zh = build(capsys, edition, out, "--marks")
    assert "印版：第1版有改动；第2版未改动" in out_zh


def test_the_pdf_id_is_a_digest_of_the_bytes(tmp_path, capsys, edition):
    build(capsys, edition, tmp_path / "out")
    p1 = tmp_path / "out" / "test-paper" / "2020-02-24" / "test-paper-2020-02-24-p1.pdf"
    data = p1.read_bytes()
    assert with_content_id(data) == data                   # what the build wrote is its own digest
    changed = data.replace(b"/Creator (newsprint)", b"/Creator (newsprinT)")
    assert changed != data and trailer_id(p1) not in with_content_id(changed)


def test_dates_are_the_edition_date_or_source_date_epoch(tmp_path, capsys, edition, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(capsys, edition, tmp_path / "a")
    info = PdfReader(tmp_path / "a" / "test-paper" / "2020-02-24" / "test-paper-2020-02-24.pdf").metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20200224000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(capsys, edition, tmp_path / "b")
    info = PdfReader(tmp_path / "b" / "test-paper" / "2020-02-24" / "test-paper-2020-02-24-p2.pdf").metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["build", str(edition), "-o", str(tmp_path / "c")]) == 1
    assert "SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["build", str(edition), "-o", str(tmp_path / "c")]) == 1
    assert capsys.readouterr().err == "newsprint：SOURCE_DATE_EPOCH='yesterday' 不是自 1970 年起的整秒数\n"


def test_epoch_parsing():
    assert source_date_epoch({}) is None and source_date_epoch({"SOURCE_DATE_EPOCH": ""}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "0"}) == 0
    for bad in ("-1", "1.5", " 12", "99999999999999"):
        with pytest.raises(ValueError):
            source_date_epoch({"SOURCE_DATE_EPOCH": bad})
    assert pdf_date("2024-03-08") == "D:20240308000000Z"
    assert pdf_date("2024-03-08", 0) == "D:19700101000000Z"


def test_a_changed_date_alone_is_not_a_changed_plate(tmp_path, capsys, edition, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    build(capsys, edition, tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert plates_line(build(capsys, edition, tmp_path)).startswith("plates: p1–2 unchanged")


def test_the_edition_file_names_each_font_program_once(tmp_path, capsys, edition):
    """Subset names (ABCDEF+Face) differ between different programs, in the whole-edition
    file too, where reportlab had named every plate's first subset AAAAAA+."""
    build(capsys, edition, tmp_path)
    reader = PdfReader(tmp_path / "test-paper" / "2020-02-24" / "test-paper-2020-02-24.pdf")
    programs: dict[str, set] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            data = font["/FontDescriptor"]["/FontFile2"].get_data()
            assert font["/FontDescriptor"]["/FontName"] == font["/BaseFont"]
            programs.setdefault(str(font["/BaseFont"]), set()).add(hashlib.sha256(data).digest())
    assert len(programs) >= 4                   # two pages, at least two faces each
    assert all(len(p) == 1 for p in programs.values()), programs
    assert all(re.fullmatch(r"/[A-Z]{6}\+.+", name) for name in programs)


def test_subset_tags_follow_the_program():
    assert subset_tag(b"Face-1", [65, 66]) == subset_tag(b"Face-1", [65, 66])
    assert len({subset_tag(b"Face-1", [65, 66]), subset_tag(b"Face-1", [65, 67]),
                subset_tag(b"Face-2", [65, 66])}) == 3
    assert re.fullmatch(rb"[A-Z]{6}", subset_tag(b"x", []))


def test_removed_pages_are_reported(tmp_path, capsys, edition, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    build(capsys, edition, tmp_path)
    manifest = tmp_path / "test-paper" / "2020-02-24" / "test-paper-2020-02-24-manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["plates"].append(dict(data["plates"][-1], page=3))
    manifest.write_text(json.dumps(data), "utf-8")
    assert "p3 no longer in the edition" in plates_line(build(capsys, edition, tmp_path))
    manifest.write_text("{not json", "utf-8")                    # unreadable: no previous build
    assert "p1–2 new" in plates_line(build(capsys, edition, tmp_path))


def test_json_lists_the_plates(tmp_path, capsys, edition):
    assert main(["build", str(edition), "-o", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(p["page"], p["status"]) for p in report["plates"]] == [(1, "new"), (2, "new")]
    assert all(len(p["revision"]) == 8 and len(p["sha256"]) == 64 for p in report["plates"])


def test_page_ranges():
    assert page_ranges([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8"
    assert page_ranges([4]) == "4" and page_ranges([]) == ""


class _Paper:
    colors = {"red": Color("red", 0, 1, 1, 0), "magenta": Color("magenta", 0, 1, 0, 0),
              "black": Color("black", 0, 0, 0, 1)}


def test_a_hairline_in_two_inks_is_thickened_to_one_point():
    assert rule_width(_Paper, "red", 0.5) == 1.0
    assert rule_width(_Paper, "red", 2.0) == 2.0
    assert rule_width(_Paper, "magenta", 0.5) == 0.5 and rule_width(_Paper, "black", 0.25) == 0.25


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf (Debian package, installed by .ci/run) not here")
def test_qpdf_finds_no_error_in_the_plates(tmp_path, capsys, edition):
    """An independent validator of the files' structure: qpdf --check (exit 0: no errors,
    2: errors, 3: warnings)."""
    import subprocess

    build(capsys, edition, tmp_path, "--marks")
    pdfs = sorted((tmp_path / "test-paper" / "2020-02-24").glob("*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        run = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "No syntax or stream encoding errors found" in run.stdout
