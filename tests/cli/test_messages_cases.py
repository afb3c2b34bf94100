"""Messages of issue 14 that said the wrong thing: a FIFO, a device or a folder is not "not
found"; GB18030 and UTF-32 files get the right conversion advice; exactly 64 nesting levels
are allowed (65 are not)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from layout.edition import load_edition
from layout.edition.source import MAX_DEPTH, read_yaml

TESTS = Path(__file__).parents[1]
MINIMAL = TESTS / "fixtures" / "minimal"


def _codes(diags):
    return [d.code for d in diags]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_a_fifo_is_not_read_and_not_called_missing(tmp_path):
    fifo = tmp_path / "edition.yaml"
    os.mkfifo(fifo)                              # reading it would wait for a writer for ever
    root, diags = read_yaml(fifo)
    assert root is None and _codes(diags) == ["fifo-not-file"]
    assert diags[0].message == "file is a named pipe (FIFO), not a regular file"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_and_a_folder_are_said_to_be_what_they_are(tmp_path):
    assert _codes(read_yaml(Path("/dev/null"))[1]) == ["device-not-file"]
    assert _codes(read_yaml(tmp_path)[1]) == ["folder-not-file"]
    assert _codes(read_yaml(tmp_path / "absent.yaml")[1]) == ["missing-file"]


def _encoded(tmp_path, encoding: str, text: str) -> Path:
    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    path = copy / "2020-02-24" / "edition.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes((original + f"# {text}\n").encode(encoding))
    return path


def test_gb18030_only_text_is_told_to_convert_from_gb18030(tmp_path):
    path = _encoded(tmp_path, "gb18030", "𠮷 and 㐀, which GBK has not")
    _, diags = load_edition(path)
    (d,) = diags
    assert "looks like GB18030" in d.message and "iconv -f GB18030 -t UTF-8" in d.message


def test_gbk_text_is_still_told_gbk(tmp_path):
    _, diags = load_edition(_encoded(tmp_path, "gbk", "中文"))
    assert "iconv -f GBK -t UTF-8" in diags[0].message


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_is_not_called_utf16(tmp_path, encoding):
    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    path = copy / "2020-02-24" / "edition.yaml"
    data = path.read_text(encoding="utf-8").encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    path.write_bytes(data)
    _, diags = load_edition(path)
    assert "looks like UTF-32" in diags[0].message and "iconv -f UTF-32" in diags[0].message


def _nested(levels: int) -> str:
    return "".join(" " * i + "k:\n" for i in range(levels - 1)) + " " * (levels - 1) + "k: v\n"


def test_exactly_64_nesting_levels_are_allowed_65_are_not(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(_nested(MAX_DEPTH), encoding="utf-8")
    root, diags = read_yaml(path)
    assert root is not None and diags == []
    path.write_text(_nested(MAX_DEPTH + 1), encoding="utf-8")
    root, diags = read_yaml(path)
    assert root is None and _codes(diags) == ["too-deep"]


def test_new_onto_its_own_edition_is_refused_even_with_force(tmp_path, capsys):
    from layout.cli import main

    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    edition = copy / "2020-02-24" / "edition.yaml"
    before = edition.read_bytes()
    link = tmp_path / "link"
    link.symlink_to(copy / "2020-02-24")
    for target in (copy / "2020-02-24", edition, link):
        assert main(["new", str(target), "--from", str(copy / "2020-02-24"), "--force"]) == 1
        assert "is the edition it starts from" in capsys.readouterr().err
    assert edition.read_bytes() == before


# ------------------------------------------------------------ the CLI's contract

REPO = TESTS.parent


def _cli(*args, env=None, stdout=None):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "layout", *map(str, args)], cwd=REPO, env=env,
                          stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE)


def test_json_is_one_object_also_on_a_write_error(tmp_path):
    import json

    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    done = _cli("build", MINIMAL / "2020-02-24", "-o", blocker, "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)                      # one object, nothing else
    assert report["exit"] == 1 and not report["ok"]
    assert any("a part of the path is not a folder" in line for line in report["failure"])


def test_json_is_one_object_also_on_an_internal_error(monkeypatch, capsys):
    import json

    import layout.makeup
    from layout.cli import main

    monkeypatch.setattr(layout.makeup, "make_up", lambda *a, **k: {}["boom"])
    assert main(["build", str(MINIMAL / "2020-02-24"), "--json", "-o", "/nonexistent/x"]) == 70
    report = json.loads(capsys.readouterr().out)
    assert report["exit"] == 70 and any("internal error" in line for line in report["failure"])


def test_a_closed_stdout_after_a_complete_build_is_not_a_failure(tmp_path):
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "layout", "build", str(MINIMAL / "2020-02-24"),
                             "-o", str(tmp_path / "out")], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()                                   # the reader went away (… | head -0)
    err = proc.stderr.read().decode()
    assert proc.wait() == 0, err
    assert "internal error" not in err and "Broken pipe" not in err
    assert (tmp_path / "out" / "test-paper" / "2020-02-24" / "test-paper-2020-02-24.pdf").is_file()


def test_an_ascii_only_stdout_gets_escapes_not_a_crash(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="ascii", LC_ALL="C", LANG="C")
    done = _cli("build", MINIMAL / "2020-02-24", "-o", tmp_path / "out", env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert b"\\u" in done.stdout and b"internal error" not in done.stderr


# ------------------------------------------------------------ numbers as written

def _issue(tmp_path, value: str):
    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    path = copy / "2020-02-24" / "edition.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("issue: 15", f"issue: {value}", 1), encoding="utf-8")
    _, diags = load_edition(path)
    return [d for d in diags if d.pos and d.pos.line == 5]


def test_a_30_digit_number_is_shown_as_written(tmp_path):
    (d,) = _issue(tmp_path, "-123456789012345678901234567890")
    assert d.message == "issue: -123456789012345678901234567890 is out of range; must be at least 1"


def test_an_unquoted_exponent_is_not_told_to_remove_quotes(tmp_path):
    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    paper = copy / "paper.yaml"
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("ink_limit: 240", "ink_limit: 1e308", 1), encoding="utf-8")
    _, diags = load_edition(copy / "2020-02-24")
    (d,) = [d for d in diags if d.message.startswith("ink_limit")]
    assert "remove the quotes" not in d.message
    assert "write it with a decimal point: 1.0e308" in d.message
    paper.write_text(text.replace("ink_limit: 240", "ink_limit: '240'", 1), encoding="utf-8")
    _, diags = load_edition(copy / "2020-02-24")
    assert any("remove the quotes" in d.message for d in diags)
