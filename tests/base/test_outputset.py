"""An output set is replaced whole or not at all: the files are staged and preflighted in a
sibling folder, then swapped in; a failing preflight, a kill or an interrupt at any moment
leaves either the complete previous set or the complete new one; stale plates go with the
swap; builds into one folder wait for each other; `build --all` refuses two editions that
map to one folder."""
from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

import layout.base.outputset as outputset
from layout.base.outputset import MANIFEST, OutputSet, is_whole, recover, set_files
from layout.cli import main
from layout.pipeline import build

TESTS = Path(__file__).parents[1]
MINIMAL = TESTS / "fixtures" / "minimal"


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _make_set(folder: Path, files: dict[str, bytes]) -> None:
    with OutputSet(folder) as s:
        for name, data in files.items():
            s.path(name).write_bytes(data)
        s.commit()


OLD = {"a-p1.pdf": b"old page 1", "a-p2.pdf": b"old page 2", "a-p3.pdf": b"old page 3"}
NEW = {"a-p1.pdf": b"new page 1" * 50, "a-p2.pdf": b"new page 2"}


def _is_old_or_new(folder: Path) -> str:
    assert is_whole(folder), sorted(os.listdir(folder)) if folder.exists() else "no folder"
    got = {n: d for n, d in _contents(folder).items() if n != MANIFEST and not n.startswith("preview-")}
    assert got in (OLD, NEW), got
    return "old" if got == OLD else "new"


# ------------------------------------------------------------ the mechanism

def test_a_set_replaces_the_previous_one_whole_stale_files_go_previews_stay(tmp_path):
    folder = tmp_path / "out"
    _make_set(folder, OLD)
    (folder / "preview-p1.png").write_bytes(b"png")
    _make_set(folder, NEW)
    assert _is_old_or_new(folder) == "new"
    assert not (folder / "a-p3.pdf").exists()                    # a stale plate is not left
    assert (folder / "preview-p1.png").read_bytes() == b"png"     # not of any set: kept
    assert set_files(folder) == sorted(NEW)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]   # no stage left


def test_leaving_without_commit_replaces_nothing(tmp_path):
    folder = tmp_path / "out"
    _make_set(folder, OLD)
    with pytest.raises(RuntimeError):
        with OutputSet(folder) as s:
            s.path("a-p1.pdf").write_bytes(b"half")
            raise RuntimeError("preflight refused it")
    assert _is_old_or_new(folder) == "old"
    assert not s.stage.exists()


def test_an_interrupt_says_which_set_is_there(tmp_path):
    folder = tmp_path / "out"
    _make_set(folder, OLD)
    with pytest.raises(KeyboardInterrupt) as before:
        with OutputSet(folder) as s:
            s.path("a-p1.pdf").write_bytes(b"x")
            raise KeyboardInterrupt
    assert before.value.newsprint_outcome == "kept"
    with pytest.raises(KeyboardInterrupt) as after:
        with OutputSet(folder) as s:
            for name, data in NEW.items():
                s.path(name).write_bytes(data)
            s.commit()
            raise KeyboardInterrupt
    assert after.value.newsprint_outcome == "replaced" and _is_old_or_new(folder) == "new"


def _steps(tmp_path, monkeypatch, exchange: bool) -> list[str]:
    seen = []
    monkeypatch.setattr(outputset, "_step", seen.append)
    if not exchange:
        monkeypatch.setattr(outputset, "_exchange", lambda a, b: False)
    _make_set(tmp_path / "probe", OLD)
    seen.clear()
    _make_set(tmp_path / "probe", NEW)
    return seen


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_kill_at_every_step_of_the_swap_leaves_a_whole_set(tmp_path, monkeypatch, exchange):
    """Property: the build is killed (SIGKILL, in a child process) after each step of the
    commit in turn, and once in the middle of writing each staged file; the folder then
    holds the whole previous set or the whole new one (after the next run's recovery
    where no atomic exchange exists)."""
    steps = _steps(tmp_path, monkeypatch, exchange)
    assert steps                                         # the commit does have steps
    kill_points = [("step", i) for i in range(len(steps))] + [("write", n) for n in NEW]
    outcomes = set()
    for kind, at in kill_points:
        folder = tmp_path / f"{kind}-{at}" / "out"
        _make_set(folder, OLD)
        pid = os.fork()
        if pid == 0:                                     # the build, killed at `at`
            try:
                count = iter(range(len(steps)))

                def step(_what):
                    if kind == "step" and next(count) == at:
                        os.kill(os.getpid(), signal.SIGKILL)
                outputset._step = step
                with OutputSet(folder) as s:
                    for name, data in NEW.items():
                        if kind == "write" and name == at:
                            with open(s.path(name), "wb") as f:
                                f.write(data[:3])
                                f.flush()
                                os.kill(os.getpid(), signal.SIGKILL)
                        s.path(name).write_bytes(data)
                    s.commit()
            finally:
                os._exit(3)                              # never reached when killed
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (kind, at)
        if exchange:
            outcomes.add(_is_old_or_new(folder))         # whole, without any recovery
        recover(folder)                                  # what the next build does first
        outcomes.add(_is_old_or_new(folder))
        assert not list(folder.parent.glob(".out.new-*")) and not (folder.parent / ".out.old").exists()
        _make_set(folder, NEW)                           # and the next build works
        assert _is_old_or_new(folder) == "new"
    assert outcomes == {"old", "new"}


def test_builds_into_one_folder_wait_for_each_other(tmp_path):
    folder = tmp_path / "out"
    log = tmp_path / "log"
    pid = os.fork()
    if pid == 0:
        try:
            with OutputSet(folder) as s:
                with open(log, "a") as f:
                    f.write("child in\n")
                time.sleep(0.4)
                s.path("a-p1.pdf").write_bytes(b"child")
                s.commit()
                with open(log, "a") as f:
                    f.write("child out\n")
        finally:
            os._exit(0)
    deadline = time.monotonic() + 5
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    with OutputSet(folder) as s:
        with open(log, "a") as f:
            f.write("parent in\n")
        s.path("a-p1.pdf").write_bytes(b"parent")
        s.commit()
    os.waitpid(pid, 0)
    assert log.read_text().splitlines() == ["child in", "child out", "parent in"]
    assert (folder / "a-p1.pdf").read_bytes() == b"parent" and is_whole(folder)


# ------------------------------------------------------------ the build

@pytest.fixture
def over_inked(tmp_path) -> Path:
    paper = tmp_path / "minimal"
    shutil.copytree(MINIMAL, paper)
    text = (paper / "paper.yaml").read_text(encoding="utf-8")
    (paper / "paper.yaml").write_text(text.replace("ink_limit: 240", "ink_limit: 100"), encoding="utf-8")
    return paper / "2020-02-24"


def test_a_build_failing_preflight_leaves_the_previous_plates(tmp_path, over_inked, capsys):
    out = tmp_path / "out"
    good = shutil.copytree(MINIMAL, tmp_path / "good")
    assert build(good / "2020-02-24", out).ok
    folder = out / "test-paper" / "2020-02-24"
    before = _contents(folder)
    code = main(["build", str(over_inked), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "preflight FAILED for" in err and "nothing was replaced" in err
    assert _contents(folder) == before and is_whole(folder)
    result = build(over_inked, out)
    assert not result.replaced and result.written == () and result.failed_preflight
    assert str(result.failed_preflight[0].path).startswith(str(folder))   # named where it would go


def test_plates_of_pages_that_no_longer_exist_are_removed(tmp_path):
    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    out = tmp_path / "out"
    assert build(copy / "2020-02-24", out).ok
    folder = out / "test-paper" / "2020-02-24"
    stale = folder / "test-paper-2020-02-24-p3.pdf"
    stale.write_bytes(b"%PDF- a page from an earlier build")
    assert build(copy / "2020-02-24", out).ok
    assert not stale.exists() and is_whole(folder)


def test_build_all_refuses_two_editions_that_map_to_one_folder(tmp_path, capsys):
    root = tmp_path / "editions"
    shutil.copytree(MINIMAL, root / "minimal")
    shutil.copytree(MINIMAL / "2020-02-24", root / "minimal" / "copy-of-the-same-date")
    code = main(["build", "--all", str(root), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "both write into" in err and "2020-02-24" in err and "copy-of-the-same-date" in err
    assert not (tmp_path / "out").exists()                      # nothing built
