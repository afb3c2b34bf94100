"""Reliability through the CLI: every bad edition is a clear error (exit 1, file:line:col,
no traceback, nothing written); broken fonts, unwritable output, interrupts and internal
errors end cleanly; a failed build leaves the previous output untouched."""
from __future__ import annotations

import io
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

import layout.makeup
from layout.cli import main
from layout.edition import load_edition
from layout.fonts import default_fonts_dir
from fixtures.editing import edit

TESTS = Path(__file__).parents[1]
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
CORPORA = (TESTS / "bad_editions", TESTS / "bad_editions_makeup")
CASES = sorted(p for corpus in CORPORA for p in corpus.iterdir() if p.is_dir())
_EXPECT = re.compile(r"^# expect: (?:([\w.-]+):)?(\d+):(\d+): (.+)$")


def run(*argv) -> tuple[int, str, str]:
    """main(argv) in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def expectations(case: Path) -> list[tuple[str, int, int, str]]:
    text = (case / "edition.yaml").read_bytes().decode("utf-8", "replace")
    return [(m[1] or "edition.yaml", int(m[2]), int(m[3]), m[4])
            for m in map(_EXPECT.match, text.splitlines()) if m]


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


def assert_clean_failure(code: int, err: str, *fragments: str) -> None:
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in:\n{err}"


# ---------------------------------------------------------------- the corpora, through the CLI

def test_the_corpora_cover_the_cases_of_issue_8():
    names = {p.name for p in CASES}
    assert {"yaml-syntax", "gbk-encoded", "tab-indentation", "duplicate-key", "misspelt-key",
            "string-for-number", "page-count-mismatch", "impossible-date", "missing-image",
            "alias-bomb", "recursive-alias", "too-many-aliases", "path-dotdot", "path-absolute",
            "logo-outside", "private-use-char", "unassigned-cjk-char", "invisible-chars-error",
            "control-char-in-file", "paper-not-yaml"} <= names


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_check_reports_every_bad_edition(case, monkeypatch):
    monkeypatch.chdir(REPO)
    expected = expectations(case)
    assert expected, f"{case.name}: no '# expect:' line"
    code, out, err = run("--root", "tests", "check", case.relative_to(REPO))
    assert_clean_failure(code, err)
    assert "OK" not in out
    lines = err.splitlines()
    for file, line, col, fragment in expected:
        where = f"{case.relative_to(REPO) / file}:{line}:{col}: error: "
        assert any(l.startswith(where) and fragment in l for l in lines), \
            f"expected {where}{fragment}\ngot:\n{err}"
    errors = [l for l in lines if ": error: " in l]
    assert len(errors) == len(expected), err
    assert lines[-1] == f"{len(expected)} error(s)"


@pytest.mark.parametrize("name", ["bad_editions/yaml-syntax", "bad_editions/gbk-encoded",
                                  "bad_editions/alias-bomb", "bad_editions/path-dotdot",
                                  "bad_editions/page-count-mismatch",
                                  "bad_editions_makeup/private-use-char"])
def test_build_of_a_bad_edition_writes_nothing(name, tmp_path):
    out = tmp_path / "out"
    code, stdout, err = run("--root", TESTS, "build", TESTS / name, "-o", out)
    assert_clean_failure(code, err, "build failed: nothing was written")
    assert "wrote" not in stdout
    assert not out.exists()


# ---------------------------------------------------------------- cases built in tmp_path

def test_symbolic_link_out_of_the_edition_is_refused(copy, tmp_path):
    outside = tmp_path / "secret.png"
    shutil.copy(copy / "2020-02-24/images/photo.png", outside)
    (copy / "2020-02-24/images/link.png").symlink_to(outside)
    edit(copy, "images/photo.png", "images/link.png")
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "edition.yaml:33:23: error: photo file 'images/link.png' "
                         f"is a symbolic link to {outside}")


def test_truncated_photo_is_refused_at_check_time(copy):
    photo = copy / "2020-02-24/images/photo.jpg"
    Image.new("RGB", (400, 300), (200, 120, 40)).save(photo, quality=95)
    photo.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    edit(copy, "images/photo.png", "images/photo.jpg")
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "edition.yaml:33:23: error: photo file 'images/photo.jpg' is "
                         "damaged (image file is truncated", "export the picture again")


def test_a_text_file_named_png_is_refused(copy):
    (copy / "2020-02-24/images/photo.png").write_text("<html>not a picture</html>")
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "33:23: error: photo file 'images/photo.png' is not an image file")


def test_invisible_characters_are_stripped_with_a_warning_by_default(copy):
    edit(copy, "paragraphs: [春风徐来。]", r'paragraphs: ["春风\u200b徐来\u00ad。\v"]')
    code, out, err = run("check", copy / "2020-02-24")
    assert code == 0 and "OK" in out, err
    assert ("edition.yaml:29:22: warning: article commentary, paragraph 1: removed 3 invisible "
            "characters: U+200B ZERO WIDTH SPACE, U+00AD SOFT HYPHEN, U+000B control character") in err
    edition, _ = load_edition(copy / "2020-02-24")
    assert edition.article("commentary").paragraphs[0].text == "春风徐来。"


def test_invisible_characters_outside_the_copy_are_errors(copy):
    edit(copy, "name: 测试报", r'name: "测试\e报"', file="paper.yaml")
    edit(copy, "section: 要闻", r'section: "要\u200b闻"')
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "paper.yaml:2:7: error: name: invisible character U+001B "
                         "control character at character 3; delete it",
                         "edition.yaml:11:14: error: section: invisible character U+200B ZERO "
                         "WIDTH SPACE at character 2; delete it")
    assert "\x1b" not in err


def test_a_paper_symlinked_to_a_system_file_is_not_read(copy, tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (copy / "2020-02-24/evil.yaml").symlink_to(secret)
    edit(copy, "paper: ../paper.yaml", "paper: evil.yaml")
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "edition.yaml:2:8: error: paper: 'evil.yaml' is not a .yaml file")
    assert "root:x" not in err


def test_python_tags_never_run(copy, tmp_path):
    marker = tmp_path / "pwned"
    edit(copy, "lunar: 庚子年二月初二",
         f"lunar: !!python/object/apply:os.system ['touch {marker}']")
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "edition.yaml:8:8: error:")
    assert not marker.exists()


def test_limits_on_pages_and_characters(copy):
    pages = "".join(f"  - number: {n}\n" for n in range(3, 66))
    path = edit(copy, "page_count: 2", "page_count: 65")
    path.write_text(path.read_text(encoding="utf-8") + pages, encoding="utf-8")
    edit(copy, "paragraphs: [一则简讯。]", "paragraphs: [" + "字" * 100_001 + "]")
    code, _, err = run("check", copy / "2020-02-24")
    assert_clean_failure(code, err, "page_count: 65 is out of range",
                         "pages: 65 pages listed, more than the limit of 64",
                         "article 'brief-one' has 100003 characters, more than the limit of 100000")


def test_a_64_page_edition_at_the_character_limit_is_refused_without_composing(copy, tmp_path,
                                                                                monkeypatch):
    long = "字" * 99_990
    pages = "".join(f"  - number: {n}\n    articles:\n      - id: a{n}\n        headline: 题\n"
                    f"        paragraphs: [{long}]\n        place: {{column: 1, span: 6}}\n"
                    for n in range(3, 65))
    path = edit(copy, "page_count: 2", "page_count: 64")
    path.write_text(path.read_text(encoding="utf-8") + pages, encoding="utf-8")
    monkeypatch.setattr(layout.makeup, "make_up", lambda *a, **k: pytest.fail("composed"))
    code, _, err = run("build", copy / "2020-02-24", "-o", tmp_path / "out")
    assert_clean_failure(code, err, "file is larger than the limit of 2 MB", "nothing was written")
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- fonts folder broken

@pytest.fixture
def fonts_copy(tmp_path, monkeypatch):
    """A fonts folder of symbolic links to the shipped files; NEWSPRINT_FONTS_DIR points at it."""
    shipped = default_fonts_dir()
    target = tmp_path / "fonts"
    target.mkdir()
    for f in shipped.iterdir():
        (target / f.name).symlink_to(f)
    monkeypatch.setenv("NEWSPRINT_FONTS_DIR", str(target))
    return target


def test_missing_font_manifest(fonts_copy, tmp_path):
    (fonts_copy / "manifest.json").unlink()
    code, _, err = run("build", MINIMAL / "2020-02-24", "-o", tmp_path / "out")
    assert_clean_failure(code, err, f"newsprint: fonts: {fonts_copy / 'manifest.json'}: no font manifest",
                         "NEWSPRINT_FONTS_DIR")
    assert not (tmp_path / "out").exists()


def test_corrupt_font_manifest(fonts_copy):
    (fonts_copy / "manifest.json").unlink()
    (fonts_copy / "manifest.json").write_text('{"fonts": {"x": {"family": ')
    code, _, err = run("check", MINIMAL / "2020-02-24")
    assert_clean_failure(code, err, "malformed font manifest")
    code, _, err = run("fonts")
    assert_clean_failure(code, err, "malformed font manifest")


def test_missing_font_file(fonts_copy, tmp_path):
    (fonts_copy / "noto-serif-sc-regular.ttf").unlink()
    code, _, err = run("build", MINIMAL / "2020-02-24", "-o", tmp_path / "out")
    assert_clean_failure(code, err, "noto-serif-sc-regular.ttf: font file missing")
    assert not (tmp_path / "out").exists()


def test_corrupt_font_file(fonts_copy, tmp_path):
    font = fonts_copy / "noto-serif-sc-regular.ttf"
    data = font.read_bytes()[:50_000]
    font.unlink()
    font.write_bytes(data)
    code, _, err = run("check", MINIMAL / "2020-02-24")
    assert_clean_failure(code, err, "noto-serif-sc-regular.ttf: sha256", "does not match manifest")


# ---------------------------------------------------------------- output, interrupts, bugs

def test_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    code, stdout, err = run("build", MINIMAL / "2020-02-24", "-o", blocker)
    assert_clean_failure(code, err, f"newsprint: {blocker / 'test-paper'}: a part of the path is not a folder")
    assert "no file was left half-written" in err and "wrote" not in stdout
    assert blocker.read_text() == "a file where the output folder should be"


def test_interrupt_exits_130_and_writes_nothing(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(layout.makeup, "make_up", interrupted)
    code, _, err = run("build", MINIMAL / "2020-02-24", "-o", tmp_path / "out")
    assert code == 130 and err.strip() == "newsprint: interrupted; nothing was written"
    assert not (tmp_path / "out").exists()


def test_internal_error_is_named_as_a_bug_without_traceback(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        return {}["no such key"]
    monkeypatch.setattr(layout.makeup, "make_up", broken)
    code, _, err = run("build", MINIMAL / "2020-02-24", "-o", tmp_path / "out")
    assert code == 70, err
    assert "newsprint: internal error: KeyError: 'no such key'" in err
    assert "a bug in newsprint" in err and "NEWSPRINT_DEBUG=1" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
    monkeypatch.setenv("NEWSPRINT_DEBUG", "1")
    with pytest.raises(KeyError):
        run("check", MINIMAL / "2020-02-24")


# ---------------------------------------------------------------- a failed build changes nothing

def test_a_failed_build_leaves_the_previous_output_untouched(copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("build", copy / "2020-02-24", "-o", out, "-q")[0] == 0
    before = files_under(out)
    assert len([n for n in before if n.endswith(".pdf")]) == 3
    # an input error
    edit(copy, "headline: 拐点未到", "headlin: 拐点未到")
    code, _, err = run("build", copy / "2020-02-24", "-o", out)
    assert_clean_failure(code, err, "unknown key 'headlin'", "nothing was written")
    assert files_under(out) == before
    # an error found while setting the copy
    edit(copy, "headlin: 拐点未到", "headline: 拐点未到")
    edit(copy, "paragraphs: [春风徐来。]", "paragraphs: [春风\ue000徐来。]")
    code, _, err = run("build", copy / "2020-02-24", "-o", out)
    assert_clean_failure(code, err, "(U+E000)", "nothing was written")
    assert files_under(out) == before
    # the disk fills up while the new plates are written
    edit(copy, "paragraphs: [春风\ue000徐来。]", "paragraphs: [春风又绿江南岸。]")
    import layout.base.files as files       # where the plates' atomic replace happens

    real_replace, calls = files.os.replace, []

    def disk_full(src, dst):
        if Path(dst).suffix != ".pdf":
            return real_replace(src, dst)             # font caches
        calls.append(Path(dst).relative_to(out))
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)
    monkeypatch.setattr(files.os, "replace", disk_full)
    code, _, err = run("build", copy / "2020-02-24", "-o", out)
    assert_clean_failure(code, err, "no space left on the disk; no file was left half-written")
    assert len(calls) == 2                                   # it failed on the second plate
    assert files_under(out) == before     # the first new plate was staged: nothing replaced, no temp left


def test_a_control_character_in_a_message_is_escaped():
    """A message quoting the editor's text stays one line: control characters are escaped."""
    from layout.base.diagnostics import error
    from layout.cli.messages import diag_line

    d = error("got the string '\x1e\u2028'")
    for line in (str(d), diag_line(d, "en"), diag_line(d, "zh")):
        assert len(line.splitlines()) == 1 and "\\x1e" in line and "\\u2028" in line
