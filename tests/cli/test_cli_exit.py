"""The `newsprint` program exits at once after main() (no interpreter teardown), with the
exit code main() gave and everything it printed; under a profiler the exit is the normal
one, so the profile is still written."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEER = ROOT / "bench" / "peer" / "2020-03-02"


def newsprint(*args, pre=()):
    return subprocess.run([sys.executable, *pre, "-m", "layout", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_output_and_exit_codes_survive_the_quick_exit():
    ok = newsprint("check", str(PEER))
    assert ok.returncode == 0 and ok.stdout.rstrip().endswith("OK (4 pages, 4 articles)"), ok.stderr
    usage = newsprint("build", "--no-such-flag")
    assert usage.returncode == 2 and "unrecognized arguments: --no-such-flag" in usage.stderr
    helped = newsprint("--help")
    assert helped.returncode == 0 and "usage: newsprint" in helped.stdout
    missing = newsprint("check", "no/such/edition")
    assert missing.returncode == 1 and missing.stderr


def test_a_profiler_still_gets_its_normal_exit(tmp_path):
    prof = tmp_path / "check.prof"
    r = newsprint("check", str(PEER), pre=("-m", "cProfile", "-o", str(prof)))
    assert r.returncode == 0, r.stderr
    assert prof.stat().st_size > 1000
