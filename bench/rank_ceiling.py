"""How much rank order the copy leaves the makeup: per generated page, the highest
rank-vs-area correlation any exactly full makeup could have (a ceiling), beside the copy's
own order and, with --against, what the makeup reached (bench/makeup_quality.py --json).

    python bench/rank_ceiling.py [--pages 200] [--seed 0] [--against mq.json] [--json]

The ceiling is a relaxation, so it can only be too high: every automatic part (news,
commentary, briefs) takes one of its exact shapes (Planner.menu at every span it fits, as
set, as a lesser story under pressure, and with the freer shapes of a page of few stories),
and the shapes' span x rows add up to the page's free area; how the blocks tile the page,
碰题 and every other rule are ignored. Over those choices a CP-SAT model (OR-Tools, the
makeup's own solver dependency) finds the areas of the ranked news stories whose order
is closest to their rank (the least sum of squared rank differences, ties broken in the
makeup's favour), i.e. the largest Spearman rho an exact makeup could reach. Where that
ceiling is below 0.9, no makeup of that copy, by any engine, reaches 0.9 without cutting
text. A figure to read, not a test.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import makeup_editions as gen  # noqa: E402
from makeup_quality import spearman  # noqa: E402


def shapes(planner, part, columns: int, rows: int, few: bool) -> dict[tuple[int, int], float]:
    """(span, rows) -> block area (column widths x rows) of every exact shape of the part."""
    variants = [part, replace(part, lesser=True)] + ([replace(part, free=True), replace(part, lesser=True, free=True)]
                                                      if few else [])
    out = {}
    for span in range(1, columns + 1):
        if not planner.fits(part, span):
            continue
        for v in variants:
            for height in planner.menu(v, span, rows):
                if height <= rows:
                    out[(span, height)] = height * (span + (span - 1) * planner_gutter(planner))
    return out


def planner_gutter(planner) -> float:
    g = planner.grid
    return g.gutter / g.col_width


def ceiling(options: list[dict], ranked: list[int], area: int) -> tuple[float | None, bool]:
    """The best rho over the choices (None: fewer than 3 ranked stories), and whether any
    choice fills the area at all."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    pick, areas = [], []
    for i, opts in enumerate(options):
        vs = {k: m.NewBoolVar(f"o{i}_{k}") for k in opts}
        m.AddExactlyOne(vs.values())
        pick.append(vs)
        areas.append(sum(int(round(100 * opts[k])) * vs[k] for k in opts))
    m.Add(sum(k[0] * k[1] * v for vs in pick for k, v in vs.items()) == area)
    n = len(ranked)
    if n < 3:
        s = cp_model.CpSolver()
        s.parameters.num_workers = 1
        return None, s.Solve(m) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    pos = [m.NewIntVar(0, n - 1, f"p{j}") for j in range(n)]
    m.AddAllDifferent(pos)
    for a in range(n):
        for b in range(n):
            if a != b:
                before = m.NewBoolVar(f"b{a}_{b}")
                m.Add(pos[a] < pos[b]).OnlyEnforceIf(before)
                m.Add(pos[a] > pos[b]).OnlyEnforceIf(before.Not())
                m.Add(areas[ranked[a]] >= areas[ranked[b]]).OnlyEnforceIf(before)
    sq = []
    for j in range(n):
        d = m.NewIntVar(-(n - 1), n - 1, f"d{j}")
        m.Add(d == pos[j] - j)
        d2 = m.NewIntVar(0, (n - 1) ** 2, f"q{j}")
        m.AddMultiplicationEquality(d2, [d, d])
        sq.append(d2)
    m.Minimize(sum(sq))
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    s.parameters.random_seed = 0
    s.parameters.max_deterministic_time = 20.0
    status = s.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    got = [s.Value(areas[i]) for i in ranked]
    rho = spearman(list(range(n, 0, -1)), [float(x) for x in got])
    best = 1 - 6 * s.ObjectiveValue() / (n * (n * n - 1))
    return max(best, rho if rho is not None else -1.0), True


def page_setup(seed: int):
    """The generated page of this seed as the makeup sees it: (page spec, planner, grid,
    free rows, parts sized by rank, indices of its ranked news stories, the copy's rho)."""
    from layout.edition import load_edition
    from layout.makeup.auto import rank_headline_sizes
    from layout.makeup.furniture import furniture_rows
    from layout.makeup.plan import Part, Planner

    gen.planner_fill(gen.generate_page(seed))      # makes the shared meter
    m = gen._METER
    page = gen.generate_page(seed)
    folder = gen.write_edition(page, m.root)
    edition, _ = load_edition(str(folder), font_ids=m.fonts.ids())
    grid = m.make_grid(edition.paper)
    rows = grid.rows - furniture_rows(edition.paper, grid, page.number)
    planner = Planner(m.Typesetter(edition.paper, m.fonts), grid)
    articles = edition.pages[-1].articles
    parts = rank_headline_sizes(edition.paper, [Part(a) for a in articles])
    ranked = [i for i, a in enumerate(articles) if a.kind not in ("commentary", "brief", "verse") and not a.boxed]
    chars = [s.chars for s in page.stories]
    rho_copy = spearman([float(len(ranked) - k) for k in range(len(ranked))], [float(chars[i]) for i in ranked])
    return page, planner, grid, rows, parts, ranked, rho_copy


def measure(seed: int):
    page, planner, grid, rows, parts, ranked, rho_copy = page_setup(seed)
    few = len(parts) <= 6
    options = [shapes(planner, p, grid.columns, rows, few) for p in parts]
    best, feasible = ceiling(options, ranked, grid.columns * rows)
    return {"seed": seed, "stories": len(parts), "ranked": len(ranked), "ceiling": best,
            "feasible": feasible, "rho_copy": rho_copy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--against", type=Path, help="bench/makeup_quality.py --json output to compare with")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    reached = {}
    if args.against:
        for p in json.loads(args.against.read_text())["pages"]:
            if p.get("seed") is not None:
                reached[p["seed"]] = p
    rows = [measure(s) for s in range(args.seed, args.seed + args.pages)]
    for r in rows:
        got = reached.get(r["seed"])
        r["rho"] = got["spearman_news"] if got else None
        r["exact"] = got["exact"] if got else None
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    fmt = lambda v: "   -  " if v is None else f"{v:+.2f} "
    print("seed  stories ranked  copy   ceiling  makeup  (rank-vs-area, news stories)")
    for r in rows:
        print(f"{r['seed']:4d}  {r['stories']:7d} {r['ranked']:6d}  {fmt(r['rho_copy'])} {fmt(r['ceiling'])}  "
              f"{fmt(r['rho'])}{'' if r['feasible'] else '  no exact fill in the relaxation'}")
    both = [r for r in rows if r["ceiling"] is not None]
    print(f"\npages with >= 3 ranked stories: {len(both)}")
    print(f"  mean ceiling {statistics.fmean(r['ceiling'] for r in both):.3f}; "
          f"pages whose ceiling is below 0.9: {sum(r['ceiling'] < 0.9 for r in both)}")
    print(f"  mean copy order {statistics.fmean(r['rho_copy'] for r in both if r['rho_copy'] is not None):.3f}")
    got = [r for r in both if r["rho"] is not None]
    if got:
        print(f"  the makeup (--against): mean {statistics.fmean(r['rho'] for r in got):.3f} on {len(got)} pages; "
              f"mean ceiling on those {statistics.fmean(r['ceiling'] for r in got):.3f}; "
              f"pages at their ceiling (within 0.01): {sum(r['rho'] >= r['ceiling'] - 0.01 for r in got)}")


if __name__ == "__main__":
    main()
