"""How much rank order plain stacks can really reach: per generated page, the best
rank-vs-area correlation the solver's model of plain stacks (layout/makeup/solver.py,
_Model: every hard rule of an exact makeup) finds, beside the relaxed ceiling's copy
order and what the makeup reached (--against, bench/makeup_quality.py --json).

    python bench/rank_tiled.py [--pages 40] [--seed 0] [--time 0.5] [--against mq.json] [--json]

Per page and per stack layout (auto.stack_layouts of two stacks or more, slots by
auto.slots_for), the model of the parts under page pressure (as the solver makes up a
page: their menus hold the shapes as set too) with its rules — exact fill of every slot,
no 碰题, the lead opening the first slot, headline sizes never growing as rank drops (the
lesser ones capped as the makeup caps them) — minimises the ranked news stories' rank
inversions by area (a pair the wrong way round counts 2, a tie 1: Kendall's distance) from
the first exact makeup it finds, within `--time` of the solver's deterministic time per
layout (and half that to find the first; a bench: generous, not the production's limits).
The best rho over the layouts is the page's figure: not proved a ceiling (a limit may cut
a search short), but reached by an exact makeup in plain stacks. Guillotine cuts, bands and
nested leads are not in it, so a makeup by those may beat it. A figure to read, not a test.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from makeup_quality import spearman  # noqa: E402
from rank_ceiling import page_setup  # noqa: E402


def best_in_layout(cp_model, planner, parts, slots, ranked: list[int], time: float) -> float | None:
    """The best rho of the ranked stories' areas the model finds in these slots (None:
    no exact makeup found): first any exact makeup (what the solver finds fast), its lesser
    headlines then capped as the makeup caps them (auto.capped_sizes), and from it (a hint)
    the one with the least Kendall distance of the areas from rank order, headline sizes
    never growing a rule."""
    from layout.makeup.auto import capped_sizes
    from layout.makeup.solver import _Model, _placement, _solver, sizes_grow

    first = _Model(cp_model, planner, parts, slots, [], False, objective=False)
    if not first.ok:
        return None
    solver = _solver(cp_model, time / 2)
    if solver.solve(first.m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    blocks = first.blocks(solver)
    capped = capped_sizes(planner, parts, blocks) or parts
    model = _Model(cp_model, planner, capped, slots, [], False, objective=False, sizes=True)
    if model.ok:
        model.hint(_placement(blocks, parts, slots))
        model.m.minimize(model.inversions(ties=True))
        again = _solver(cp_model, time)
        if again.solve(model.m) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            solver, first = again, model
        elif sizes_grow(blocks, parts):
            return None
    areas = [float(solver.value(first.area[k])) for k in ranked]
    return spearman([float(-i) for i in range(len(ranked))], areas)


def measure(seed: int, time: float) -> dict:
    from ortools.sat.python import cp_model

    from layout.makeup.auto import pressed, slots_for, stack_layouts

    page, planner, grid, rows, parts, ranked, rho_copy = page_setup(seed)
    tight = pressed(parts)
    narrow = {w for w in range(1, grid.columns + 1) if any(planner.fits(p, w) for p in tight)}
    best, where = None, None
    for stacks in (s for s in stack_layouts(grid.columns) if set(s) <= narrow and len(s) > 1):
        slots = slots_for(stacks, rows, [])
        if len(ranked) < 3 or not slots or len(slots) > len(tight):
            continue
        rho = best_in_layout(cp_model, planner, tight, slots, ranked, time)
        if rho is not None and (best is None or rho > best):
            best, where = rho, stacks
    return {"seed": seed, "stories": len(parts), "ranked": len(ranked), "tiled": best,
            "layout": list(where) if where else None, "rho_copy": rho_copy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--time", type=float, default=0.5, help="the solver's deterministic time per stack layout")
    ap.add_argument("--against", type=Path, help="bench/makeup_quality.py --json output to compare with")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    reached = {}
    if args.against:
        reached = {p["seed"]: p for p in json.loads(args.against.read_text())["pages"] if p.get("seed") is not None}
    rows = []
    for seed in range(args.seed, args.seed + args.pages):
        r = measure(seed, args.time)
        got = reached.get(seed)
        r["rho"] = got["spearman_news"] if got else None
        r["exact"] = got["exact"] if got else None
        rows.append(r)
        if not args.json:
            fmt = lambda v: "   -  " if v is None else f"{v:+.2f} "
            print(f"{r['seed']:4d}  {r['stories']:3d} stories {r['ranked']:2d} ranked  copy {fmt(r['rho_copy'])} "
                  f"stacks {fmt(r['tiled'])} {str(r['layout']):12s} makeup {fmt(r['rho'])}", flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    both = [r for r in rows if r["tiled"] is not None]
    print(f"\npages with >= 3 ranked stories and an exact makeup in plain stacks: {len(both)} of {len(rows)}")
    print(f"  mean best rho in plain stacks {statistics.fmean(r['tiled'] for r in both):.3f}; "
          f"below 0.9: {sum(r['tiled'] < 0.9 for r in both)}")
    got = [r for r in both if r["rho"] is not None]
    if got:
        print(f"  the makeup on those pages: mean {statistics.fmean(r['rho'] for r in got):.3f}; "
              f"pages where plain stacks beat it by > 0.05: {sum(r['tiled'] > r['rho'] + 0.05 for r in got)}")


if __name__ == "__main__":
    main()
