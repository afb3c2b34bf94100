"""What automatic makeup costs: the sample edition made up as placed by hand, and the same
edition with every `place:` removed (all 30 parts placed automatically), in one warm
process (fonts loaded, imports done), the compose cache cleared before each run so every
paragraph is composed again, as in a build. Prints the median and best CPU seconds
(process_time: what other jobs on a shared machine cannot inflate much) of `--runs` runs,
the median wall seconds beside them, and the difference in CPU (the issue's goal: at most
0.5 s more). With --profile N: then cProfile of one automatic makeup on CPU time, its
N costliest functions by own time and by cumulative time.

    python bench/auto_makeup.py [--runs 5] [--profile 25]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))       # this checkout's layout, whichever one is installed
PLACE = re.compile(r"^[ ]*place: \{[^\n]*\}[^\n]*(\n|$)", re.M)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="then a profile: its N costliest functions")
    args = ap.parse_args()
    from layout.edition import load_edition
    from layout.fonts import FontSet
    from layout.makeup import make_up
    from layout.makeup.styles import COMPOSE_CACHE

    fonts = FontSet.load()
    with tempfile.TemporaryDirectory() as tmp:
        auto = Path(tmp) / "shijingshan"
        shutil.copytree(ROOT / "editions" / "shijingshan", auto)
        ed = auto / "2020-02-24" / "edition.yaml"
        ed.write_text(PLACE.sub("", ed.read_text(encoding="utf-8")), encoding="utf-8")
        jobs = {"hand-placed": ROOT / "editions" / "shijingshan" / "2020-02-24", "automatic": ed.parent}
        times: dict[str, list[float]] = {}
        walls: dict[str, list[float]] = {}
        fills = {}
        for name, path in jobs.items():
            edition, _ = load_edition(str(path), font_ids=fonts.ids())
            for _ in range(args.runs + 1):
                COMPOSE_CACHE.clear()
                t, w = time.process_time(), time.perf_counter()
                layout = make_up(edition, fonts)
                times.setdefault(name, []).append(time.process_time() - t)
                walls.setdefault(name, []).append(time.perf_counter() - w)
            times[name] = times[name][1:]           # the first run warms imports and photo headers
            walls[name] = walls[name][1:]
            fills[name] = sum(f.empty for f in layout.fill), sum(f.lines for f in layout.fill)
        if args.profile:
            profile = _profile(make_up, edition, fonts, COMPOSE_CACHE, args.profile)
    print(f"{'job':<12} {'CPU median s':>12} {'CPU best s':>10} {'wall median s':>13}  empty body lines")
    for name, ts in times.items():
        print(f"{name:<12} {statistics.median(ts):>12.3f} {min(ts):>10.3f} {statistics.median(walls[name]):>13.3f}"
              f"  {fills[name][0]} of {fills[name][1]}")
    extra = statistics.median(times["automatic"]) - statistics.median(times["hand-placed"])
    wall = statistics.median(walls["automatic"]) - statistics.median(walls["hand-placed"])
    print(f"automatic makeup adds {extra:.3f} s CPU (goal ≤ 0.5 s: {'met' if extra <= 0.5 else 'not met'}), "
          f"{wall:.3f} s wall; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.profile:
        print(profile)


def _profile(make_up, edition, fonts, cache, top: int) -> str:
    import cProfile
    import io
    import pstats

    cache.clear()
    prof = cProfile.Profile(time.process_time)
    prof.runcall(make_up, edition, fonts)
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


if __name__ == "__main__":
    main()
