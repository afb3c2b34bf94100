"""A build killed midway (SIGKILL, no clean-up code runs) never spoils the previous plates:
the output folder holds the whole old set or the whole new one (layout.base.outputset), and
the next build removes the stage the killed one left beside it."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from layout.cli import main

TESTS = Path(__file__).parents[1]
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

# Runs the real CLI, but the process kills itself (SIGKILL) at the worst moment: the first
# plate's temp file is written and synced, and its rename over the old plate is next.
_KILL_AT_FIRST_RENAME = """
import os, signal, sys
real = os.replace
def replace(src, dst):
    if str(dst).endswith(".pdf"):
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
os.replace = replace
from layout.cli import main
sys.exit(main(sys.argv[1:]))
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def popen(args, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, *args], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kw)


@pytest.fixture
def editions(tmp_path):
    """(old edition, new edition, output root, old plates, new plates), both built once."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINIMAL, old)
    shutil.copytree(MINIMAL, new)
    path = new / "2020-02-24/edition.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("春风徐来。", "春风又绿江南岸。"),
                    encoding="utf-8")
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert main(["build", str(new / "2020-02-24"), "-o", str(reference), "-q"]) == 0
    assert main(["build", str(old / "2020-02-24"), "-o", str(out), "-q"]) == 0
    plates = out / "test-paper/2020-02-24"
    before, after = snapshot(plates), snapshot(reference / "test-paper/2020-02-24")
    assert set(before) == set(after) and before != after
    return new / "2020-02-24", out, plates, before, after


def stages(plates: Path) -> list[str]:
    return sorted(p.name for p in plates.parent.iterdir() if p.name.startswith(f".{plates.name}.new-"))


def test_killed_before_the_first_rename_leaves_the_old_plates(editions):
    new, out, plates, before, after = editions
    proc = popen(["-c", _KILL_AT_FIRST_RENAME, "build", str(new), "-o", str(out), "-q"])
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    assert snapshot(plates) == before and temps(plates) == []     # not a byte of the new set
    assert len(stages(plates)) == 1                               # SIGKILL: no clean-up
    # the next build sweeps the stage away and writes the new plates
    assert main(["build", str(new), "-o", str(out), "-q"]) == 0
    assert stages(plates) == [] and snapshot(plates) == after


def test_killed_at_any_moment_the_set_is_the_old_or_the_whole_new(editions):
    new, out, plates, before, after = editions
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5):
        proc = popen(["-m", "layout", "build", str(new), "-o", str(out), "-q"])
        time.sleep(delay)
        proc.kill()                                                   # SIGKILL
        proc.communicate(timeout=60)
        now = snapshot(plates)
        assert now in (before, after), f"a mixed set after {delay} s"
        if now == after:                                              # start again from the old
            assert main(["build", str(new).replace("/new/", "/old/"), "-o", str(out), "-q"]) == 0
    assert main(["build", str(new), "-o", str(out), "-q"]) == 0
    assert stages(plates) == [] and snapshot(plates) == after
