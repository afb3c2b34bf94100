"""How much copy the automatic makeup absorbs: for each seed, the same stories with more
or less copy (bench/makeup_editions.py, fill = the planner's share of the page, 1.0 = a
page's worth), each made up through the pipeline; which fills come out exactly full
(0 holes, 0 empty lines, 0 overset).

    python bench/makeup_absorption.py                       # seeds 0-5, fill 0.90-1.10 by 0.01
    python bench/makeup_absorption.py --seeds 0,4,7 --lo 0.85 --hi 1.15 --step 0.005

Per seed it prints a strip (# exact, . not), the least and most fill that came out
exact, and the widest run of exact fills around 1.0; then the fills exact on every seed.
Benchmarks measure; nothing here fails on a figure.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import makeup_editions as gen  # noqa: E402
import makeup_quality as quality  # noqa: E402


def sweep(seed: int, fills: list[float], root: Path, fonts) -> list[tuple[float, float, int, bool]]:
    """(fill asked, fill got, characters, exact) for each fill."""
    out = []
    for f in fills:
        spec = gen.generate_page(seed, fill=f)
        r = quality.run_generated(seed, root, fonts, spec=spec)
        out.append((f, spec.fill, sum(s.chars for s in spec.stories), r.exact))
    return out


def around_one(rows) -> tuple[float, float] | None:
    """The widest run of consecutive exact fills that contains the fill nearest 1.0."""
    k = min(range(len(rows)), key=lambda i: abs(rows[i][0] - 1.0))
    if not rows[k][3]:
        return None
    a = b = k
    while a > 0 and rows[a - 1][3]:
        a -= 1
    while b + 1 < len(rows) and rows[b + 1][3]:
        b += 1
    return rows[a][1], rows[b][1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="0,1,2,3,4,5")
    ap.add_argument("--lo", type=float, default=0.90)
    ap.add_argument("--hi", type=float, default=1.10)
    ap.add_argument("--step", type=float, default=0.01)
    args = ap.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    n = round((args.hi - args.lo) / args.step)
    fills = [round(args.lo + i * args.step, 4) for i in range(n + 1)]
    root = gen.prepare_root(Path(tempfile.mkdtemp(prefix="makeup-absorb-")))
    fonts = quality._fonts()
    everywhere = set(fills)
    try:
        print(f"fill {fills[0]:.2f} .. {fills[-1]:.2f} by {args.step:g}   (# exactly full, . not)")
        for seed in seeds:
            rows = sweep(seed, fills, root, fonts)
            exact = [r for r in rows if r[3]]
            everywhere &= {r[0] for r in exact}
            strip = "".join("#" if r[3] else "." for r in rows)
            if exact:
                lo, hi = min(exact, key=lambda r: r[1]), max(exact, key=lambda r: r[1])
                span = f"exact from {lo[1]:.3f} ({lo[2]} 字) to {hi[1]:.3f} ({hi[2]} 字)"
            else:
                span = "never exact"
            one = around_one(rows)
            run = f"; around 1.0: {one[0]:.3f}-{one[1]:.3f}" if one else "; not exact at 1.0"
            print(f"seed {seed:<4} {strip}  {len(exact)}/{len(rows)} {span}{run}")
            sys.stdout.flush()
        print("fills exact on every seed: " + (", ".join(f"{f:.2f}" for f in sorted(everywhere)) or "none"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
