"""Areas in rank order on a page of few stories: every guillotine cut, searched for rank.

The makeup's searches keep the page in stacks and the lead top-left, and choose among
exact makeups by auto._score; on a page of few stories whose copy gives a lesser story
more text than a greater one, the stacks often hold no exact makeup with the greater
story's block the larger, while some other cut of the page does: the lead across four
columns over two tiers, a short story across the foot, a band in the middle. A 美编 cuts
the page so that the most important stories get the most room.

Here the page is cut freely (guillotine.Guillotine: the same shapes, the same bitsets of
reachable heights, the lead in the top-left corner) and the cuts are searched depth first
with a bound (branch and bound): a part of the page whose blocks already have as many
stories the wrong way round by area (solver.rank_distance) as the best makeup found so
far, or two headlines side by side (碰题), or a lesser story's headline larger, or a block
larger than the lead (when the makeup had the lead the largest), is cut off with
everything built on it. Each makeup found lowers the bound, so the search ends at the
least rank distance it reaches within its steps. The result is kept only when exact and
better by auto._score (which counts rank against area, so a makeup with fewer stories the
wrong way round and much worse shapes does not win).
"""
from __future__ import annotations

from dataclasses import replace

from layout.makeup.auto import SEPARATE_KINDS, Block, Solution, Steps, _briefs_apart, _score, block_area, \
    empty_lines, freer, gutter_ratio, lead_not_largest, pressed, ranked
from layout.makeup.guillotine import ACROSS, DOWN, FEW_PARTS, LEAF, Guillotine
from layout.makeup.plan import Part, Planner

RANK_CUT_FROM = 2          # the rank distance from which a page of few stories is searched (one pair tied
                           # or the wrong way round is enough to lose rank order on a page of four stories)
RANK_CUT_STEPS = 30_000    # search steps (sub-makeups joined); on bench/makeup_quality's 89 pages of few
                           # stories 30 k / 60 k / 120 k gave rank-vs-area 0.868 / 0.877 / 0.880 at
                           # 0.05 / 0.09 / 0.13 s a page (0.29 / 0.49 / 0.78 s at most): the least at most


def rank_cut(planner: Planner, parts: list[Part], columns: int, rows: int, fixed: list, best: Solution,
             steps: Steps) -> Solution:
    """`best` (exact), or a guillotine makeup of the same stories with fewer of them the
    wrong way round by area that auto._score finds better; only for a page of few stories
    with nothing placed by hand, when best's rank distance is RANK_CUT_FROM or more. The
    parts under page pressure with more ways to a height (Part.free), as the free cuts of
    auto.solve have them; the lead the largest and the briefs one column rules when best
    has them. Its steps are charged to `steps` (a budget of their own: RANK_CUT_STEPS).
    (Measured: the parts as best holds them tried first, or pages of eight stories too: less
    gain than CPU, +0.012 rank-vs-area on the benchmark's 15 pages of eight for 0.5 s each.)"""
    from layout.makeup.solver import _parts_of, rank_distance

    g = gutter_ratio(planner)
    made = _parts_of(best.blocks, parts)
    if fixed or made is None or not 2 < len(parts) <= FEW_PARTS:
        return best
    distance = rank_distance(best.blocks, made, g)
    if distance < RANK_CUT_FROM:
        return best
    auto = list(best.blocks)
    cand = freer(pressed(parts))         # its menus hold the shapes as set and under pressure too
    search = _RankSearch(planner, cand, columns, rows, distance, lead_largest=not lead_not_largest(auto, made, g),
                         together=not _briefs_apart(auto))
    found = search.run(RANK_CUT_STEPS)
    steps.charge(search.steps + search.filled)
    if found is None or empty_lines(planner, found)[0]:
        return best
    before, after = _score(auto, made, g), _score(found, cand, g)
    return best if after >= before else replace(best, blocks=tuple(found), score=best.score - before + after)


class _RankSearch(Guillotine):
    """The guillotine makeups of the parts in an area `columns` wide and `rows` high at `at`
    (col, row), searched for the least rank distance below `bound` (branch and bound), every
    rule of a makeup kept in each part of it. `order`: the page's parts in rank order (by
    default these), `outside`: the page's blocks around the area, which count in the rank
    distance and the rules too; `corner`: the lead (the first of the parts) in the area's
    top-left corner."""

    def __init__(self, planner: Planner, parts: list[Part], columns: int, rows: int, bound: int,
                 lead_largest: bool, together: bool, order: list[Part] | None = None, outside: tuple = (),
                 at: tuple[int, int] = (1, 1), corner: bool = True, page_rows: int | None = None):
        super().__init__(planner, parts, columns, rows, menu_rows=page_rows)
        self.bound, self.lead_largest, self.together = bound, lead_largest, together
        self.gutter = gutter_ratio(planner)
        self.order, self.outside, self.at, self.corner = order or parts, list(outside), at, corner
        stories = [_key(p) for p in self.order if ranked(p)]
        news = [_key(p) for p in self.order if p.article.kind not in SEPARATE_KINDS and p.start is None]
        self.rank = {id(p): stories.index(_key(p)) for p in parts if _key(p) in stories}      # their rank order
        self.news = {id(p): news.index(_key(p)) for p in parts if _key(p) in news}           # their headline sizes
        self.lead = next((p for p in parts if _key(p) == _key(self.order[0])), None)
        self._around = [(stories.index(_key(o.part)) if _key(o.part) in stories else None,
                         news.index(_key(o.part)) if _key(o.part) in news else None,
                         o, block_area(o.span, o.rows, self.gutter)) for o in self.outside]
        held = next((o for o in self.outside if _key(o.part) == _key(self.order[0])), None)
        self._lead_area = block_area(held.span, held.rows, self.gutter) if held is not None else None
        self._leaves: dict = {}
        self.best: list[Block] | None = None
        self.best_key: tuple | None = None

    def run(self, budget: int) -> list[Block] | None:
        """The best blocks found for the area within `budget` steps (None: none better than
        the bound)."""
        self.budget = budget
        everyone = (1 << len(self.parts)) - 1
        if not self.heights(LEAF | DOWN | ACROSS, self.columns, everyone) >> self.rows & 1:
            return None
        for blocks, d in self._tilings(LEAF | DOWN | ACROSS, self.columns, everyone, self.rows, *self.at, self.corner):
            page = self.outside + blocks
            if self.together and _briefs_apart(page):
                continue
            key = (d, _score(page, _held(page, self.order), self.gutter))
            if self.best_key is None or key < self.best_key:
                self.best, self.best_key = blocks, key
                self.bound = d + 1          # from now on: no more stories the wrong way round than this one
            if d == 0:
                break
        return self.best

    def _leaf(self, k: int, w: int, h: int, col: int, row: int) -> tuple | None:
        """([the block], its rank distance to the blocks outside), None when it breaks a rule
        with one of them (碰题, a headline larger than a greater story's, a block larger than
        the lead's) (memoised)."""
        key = (k, w, h, col, row)
        if key in self._leaves:
            return self._leaves[key]
        shape = self.menus[k][w][h]
        b = Block(col, w, row, h, shape.head_rows, self.seps[k], self.parts[k], shape)
        out, d, g = None, 0, self.gutter
        area, mine, size = block_area(w, h, g), self.rank.get(id(b.part)), self.news.get(id(b.part))
        ok = not (self.lead_largest and self._lead_area is not None and area > self._lead_area + 1e-9)
        for rank, news, o, o_area in self._around if ok else ():
            if mine is not None and rank is not None:
                hi, lo = (area, o_area) if mine < rank else (o_area, area)
                d += 2 if round(100 * lo) > round(100 * hi) else round(100 * lo) == round(100 * hi)
            if size is not None and news is not None:
                (_, hi_size), (_, lo_size) = sorted(((size, shape.set_size), (news, o.shape.set_size)))
                if lo_size > hi_size + 0.01:
                    ok = False
            if self.lead_largest and b.part is self.lead and o_area > area + 1e-9:
                ok = False
            if not (b.separator or o.separator) and (b.col + b.span == o.col or o.col + o.span == b.col) and \
                    b.row < o.row + o.head_rows and o.row < b.row + b.head_rows:
                ok = False      # 碰题 across the area's edge
            if not ok:
                break
        if ok:
            out = ([b], d)
        self._leaves[key] = out
        return out if out is not None and d < self.bound else None

    def _joined(self, first: tuple, second: tuple, down: bool) -> tuple | None:
        """(blocks, rank distance) of two parts of the area side by side (down) or one over
        the other, None when they break a rule or reach the bound together (each part is
        already within the rules: only pairs across them are checked)."""
        self.steps += 1
        (one, d1), (two, d2) = first, second
        d, g = d1 + d2, self.gutter
        rank, news = self.rank, self.news
        cap = None
        if self.lead_largest and self.lead is not None:
            held = next((b for b in one if b.part is self.lead), None)
            cap = block_area(held.span, held.rows, g) if held is not None else None
        for a in one:
            ka, na = rank.get(id(a.part)), news.get(id(a.part))
            area_a = block_area(a.span, a.rows, g)
            for b in two:
                kb = rank.get(id(b.part))
                if ka is not None and kb is not None:
                    hi, lo = (area_a, block_area(b.span, b.rows, g)) if ka < kb else \
                        (block_area(b.span, b.rows, g), area_a)
                    hi, lo = round(100 * hi), round(100 * lo)
                    d += 2 if lo > hi else lo == hi
                nb = news.get(id(b.part))
                if na is not None and nb is not None:
                    (_, hi_size), (_, lo_size) = sorted(((na, a.shape.set_size), (nb, b.shape.set_size)))
                    if lo_size > hi_size + 0.01:
                        return None
                if down and not (a.separator or b.separator) and a.col + a.span == b.col and \
                        a.row < b.row + b.head_rows and b.row < a.row + a.head_rows:
                    return None      # 碰题
        if d >= self.bound:
            return None
        if cap is not None and any(block_area(b.span, b.rows, g) > cap for b in two):
            return None
        return one + two, d

    def _spent(self) -> bool:
        return self.steps > self.budget


def _key(part: Part) -> tuple:
    """Which story a part is, whatever its variant (under pressure, freer, a headline capped)."""
    return id(part.article), part.start


def _held(blocks, order: list[Part]) -> list[Part]:
    """The parts in rank order as these blocks hold them."""
    held = {_key(b.part): b.part for b in blocks if b.part is not None}
    return [held.get(_key(p), p) for p in order]
