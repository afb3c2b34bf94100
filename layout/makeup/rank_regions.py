"""Areas in rank order on a page of many stories: a few blocks at a time, cut again.

A page of eight stories or more has too many guillotine cuts to search whole
(rank_cut.py). A 美编 then works on a corner of it: a rectangle of the page made of whole
blocks — a stack, the foot of two stacks under a common line, the stories beside the
lead — holds a few stories whose areas can be shared out again among them, in any
guillotine cut of that rectangle, without touching the rest of the page. Here each such
rectangle of two to rank_cut's FEW_PARTS blocks (those with the most stories the wrong
way round by area first) is searched like a page of few stories (rank_cut._RankSearch,
its shapes under page pressure with more ways to a height), the blocks around it counted
in the rank distance and the rules (碰题 across its edges, headline sizes, the lead the
largest); a result that auto._score finds better for the whole page is kept, and the
rectangles are taken again from the new makeup, until none gains or the steps are spent.
"""
from __future__ import annotations

from dataclasses import replace

from layout.makeup.auto import Block, Solution, Steps, _briefs_apart, _score, block_area, empty_lines, freer, \
    gutter_ratio, lead_not_largest, pressed, ranked
from layout.makeup.guillotine import FEW_PARTS
from layout.makeup.plan import Part, Planner
from layout.makeup.rank_cut import _held, _key, _RankSearch

REGION_FROM = 6            # the rank distance from which a page is worked on (solver.RANK_FROM: on the bench's
                           # pages of many stories, those from 2 to 5 took 28 % of the CPU for 12 % of the gain)
REGION_STEPS = 8_000       # search steps per rectangle
REGION_ALL = 30_000        # and for the page: on bench/makeup_quality's 101 exact pages of many stories,
                           # rank-vs-area 0.775 -> 0.826 / 0.831 / 0.835 with 8 k / 30 k, 8 k / 60 k, 16 k / 120 k
                           # steps, 0.20 / 0.25 / 0.33 s a page (0.46 / 0.65 / 0.87 s at most): the least CPU


def rank_regions(planner: Planner, parts: list[Part], columns: int, rows: int, fixed: list, best: Solution,
                 steps: Steps) -> Solution:
    """`best` (exact), or the same makeup with rectangles of it cut again so that fewer
    stories stand the wrong way round by area, when auto._score finds it better; for a page
    of more than FEW_PARTS stories with nothing placed by hand whose rank distance is
    REGION_FROM or more. Its steps are charged to `steps` (a budget of its own)."""
    from layout.makeup.solver import rank_distance, sizes_grow

    g = gutter_ratio(planner)
    blocks = list(best.blocks)
    order = _held(blocks, parts)
    if fixed or len(parts) <= FEW_PARTS or len(blocks) != len(parts) or \
            rank_distance(blocks, order, g) < REGION_FROM:
        return best
    loose = {_key(p): p for p in freer(pressed(parts))}
    rules = dict(lead_largest=not lead_not_largest(blocks, order, g), together=not _briefs_apart(blocks))
    score, left, tried = _score(blocks, order, g), REGION_ALL, set()
    gained = True
    while gained and left > 0:
        gained, distance = False, rank_distance(blocks, order, g)
        for area in _regions(blocks, order, columns, rows, g):
            inside = [b for b in blocks if _within(b, area)]
            sig = tuple(sorted((b.col, b.row, b.span, b.rows) for b in inside))
            if sig in tried:
                continue
            tried.add(sig)
            outside = [b for b in blocks if not _within(b, area)]
            mine = [loose[_key(p)] for p in order if any(_key(b.part) == _key(p) for b in inside)]
            now = distance - rank_distance(outside, _held(outside, order), g)
            col, row, span, height = area
            search = _RankSearch(planner, mine, span, height, now, order=order, outside=outside, at=(col, row),
                                 corner=_key(mine[0]) == _key(order[0]), page_rows=rows, **rules)
            found = search.run(min(left, REGION_STEPS))
            left -= search.steps
            steps.charge(search.steps + search.filled)
            if found is not None:
                page = sorted(outside + found, key=lambda b: (b.col, b.row))
                held = _held(page, order)
                if not empty_lines(planner, found)[0] and not sizes_grow(page, held) and _score(page, held, g) < score:
                    blocks, order, score, gained = page, held, _score(page, held, g), True
                    break
            if left <= 0:
                break
    if blocks == list(best.blocks):
        return best
    return replace(best, blocks=tuple(blocks), score=score)


def _within(b: Block, area: tuple[int, int, int, int]) -> bool:
    col, row, span, rows = area
    return col <= b.col and b.col + b.span <= col + span and row <= b.row and b.row + b.rows <= row + rows


def _regions(blocks: list[Block], order: list[Part], columns: int, rows: int, g: float) -> list[tuple]:
    """The rectangles (col, row, span, rows) of the page made of 2..FEW_PARTS whole blocks,
    not the whole page, those whose blocks have the most stories the wrong way round (with
    each other or with the rest of the page) first, none without."""
    cols = sorted({b.col for b in blocks} | {columns + 1})
    tops = sorted({b.row for b in blocks} | {rows + 1})
    rank = {_key(p): i for i, p in enumerate(p for p in order if ranked(p))}
    areas = {_key(b.part): round(100 * block_area(b.span, b.rows, g)) for b in blocks}
    wrong = {k: 0 for k in areas}
    for a, i in rank.items():
        for b, j in rank.items():
            if i < j and areas[b] >= areas[a]:
                wrong[a] += 1
                wrong[b] += 1
    out = []
    for c1 in cols:
        for c2 in (c for c in cols if c > c1):
            for r1 in tops:
                for r2 in (r for r in tops if r > r1):
                    area = (c1, r1, c2 - c1, r2 - r1)
                    inside = [b for b in blocks if _within(b, area)]
                    if not 2 <= len(inside) <= FEW_PARTS or len(inside) == len(blocks) or \
                            sum(b.span * b.rows for b in inside) != (c2 - c1) * (r2 - r1):
                        continue
                    gain = sum(wrong[_key(b.part)] for b in inside)
                    if gain:
                        out.append((-gain, len(inside), area))
    return [area for _, _, area in sorted(out)]

