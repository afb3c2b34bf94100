#!/usr/bin/env python3
"""Single-page preview, cold and warm: whole `python -m layout preview` processes.

cold = an empty NEWSPRINT_CACHE_DIR each run (font metrics and subsets rebuilt);
warm = the same cache dir, filled by one untimed run first. Median of 5 each.

    python3 bench/preview_bench.py [--page N] [--dpi D] [--runs R] [--profile]

--profile writes a cProfile of one warm preview (in-process) and prints the top lines.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "editions" / "shijingshan" / "2020-02-24"


def run_once(cache: Path, out: Path, page: int, dpi: float) -> float:
    env = dict(os.environ, NEWSPRINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "layout", "preview", str(EDITION), "--page", str(page),
           "--dpi", str(dpi), "-o", str(out)]
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - t0


def startup(cache: Path) -> float:
    """Interpreter + `import layout.cli` alone (the floor of any command)."""
    env = dict(os.environ, NEWSPRINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import layout.cli"], env=env, check=True, cwd=ROOT)
    return time.perf_counter() - t0


def profile(page: int, dpi: float, cache: Path, out: Path) -> None:
    import cProfile
    import pstats

    os.environ["NEWSPRINT_CACHE_DIR"] = str(cache)
    sys.path.insert(0, str(ROOT))
    from layout.cli import main

    prof = cProfile.Profile()
    prof.enable()
    main(["preview", str(EDITION), "--page", str(page), "--dpi", str(dpi), "-o", str(out)])
    prof.disable()
    stats = pstats.Stats(prof)
    print("\nwarm preview, in-process, top 25 by cumulative time:")
    stats.sort_stats("cumulative").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", type=int, default=1)
    ap.add_argument("--dpi", type=float, default=100.0)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "p.png"
        cold = []
        for i in range(a.runs):
            cache = tmp / f"cold{i}"
            cache.mkdir()
            cold.append(run_once(cache, out, a.page, a.dpi))
        warm_cache = tmp / "warm"
        run_once(warm_cache, out, a.page, a.dpi)          # fill the cache
        warm = [run_once(warm_cache, out, a.page, a.dpi) for _ in range(a.runs)]
        floor = statistics.median(startup(warm_cache) for _ in range(a.runs))
        print(f"preview page {a.page} at {a.dpi:g} dpi, whole process, median of {a.runs}:")
        print(f"  cold (empty font cache): {statistics.median(cold):.3f} s  (min {min(cold):.3f}, max {max(cold):.3f})")
        print(f"  warm (font cache full):  {statistics.median(warm):.3f} s  (min {min(warm):.3f}, max {max(warm):.3f})")
        print(f"  python + import layout.cli alone: {floor:.3f} s")
        if a.profile:
            profile(a.page, a.dpi, warm_cache, out)


if __name__ == "__main__":
    main()
