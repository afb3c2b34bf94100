"""What automatic makeup costs: the sample edition made up as placed by hand, and the same
edition with every `place:` removed (all 30 parts placed automatically), in one warm
process (fonts loaded, imports done), the compose cache cleared before each run so every
paragraph is composed again, as in a build. Prints the median and best CPU seconds of
`--runs` runs and the difference (the issue's goal: at most 0.5 s more).

    python bench/auto_makeup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACE = re.compile(r"^[ ]*place: \{[^\n]*\}[^\n]*(\n|$)", re.M)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
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
        fills = {}
        for name, path in jobs.items():
            edition, _ = load_edition(str(path), font_ids=fonts.ids())
            for _ in range(args.runs + 1):
                COMPOSE_CACHE.clear()
                t = time.process_time()
                layout = make_up(edition, fonts)
                times.setdefault(name, []).append(time.process_time() - t)
            times[name] = times[name][1:]           # the first run warms imports and photo headers
            fills[name] = sum(f.empty for f in layout.fill), sum(f.lines for f in layout.fill)
    print(f"{'job':<12} {'median s':>9} {'best s':>8}  empty body lines")
    for name, ts in times.items():
        print(f"{name:<12} {statistics.median(ts):>9.3f} {min(ts):>8.3f}  {fills[name][0]} of {fills[name][1]}")
    extra = statistics.median(times["automatic"]) - statistics.median(times["hand-placed"])
    print(f"automatic makeup adds {extra:.3f} s (goal ≤ 0.5 s: {'met' if extra <= 0.5 else 'not met'})")


if __name__ == "__main__":
    main()
