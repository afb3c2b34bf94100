"""Exact makeups by a constraint solver (OR-Tools CP-SAT), for pages the search misses.

The depth-first search (auto._Search) sets a slot's stories in rank order, give or take
a swap, and bounds its groupings and height combinations: on a page of many stories
every exact makeup it reaches may have two headlines side by side (碰题) while one with
the stories of a stack in another order has none. Here the same slots are one model:
each story in one slot at one of its exact heights there (Planner.menu), each slot
filled to its last row (its blocks tile it), the lead opening the first slot, no
headline beside another's rows in a neighbouring slot unless one of them is boxed; in
any order within a stack. The solver minimises what auto._score counts (shape costs,
reading order against rank by 区序, areas and photos against rank, headline sizes against rank, blocks larger than the lead, briefs apart); its makeup is then scored by
auto._score like any other. Deterministic: one worker, a fixed seed and a limit in the
solver's deterministic time (work counted, not seconds). Imported only when the search
found no exact makeup (the import takes ~0.3 s), or when the makeup it found has its
stories' areas far from rank order (rank_pass: the same slots, areas in rank order).
"""
from __future__ import annotations

from dataclasses import replace

from layout.makeup.auto import (BRIEFS_APART_COST, LEAD_LARGEST_COST, PHOTO_RANK_COST, RANK_AREA_COST,
                                SEPARATE_KINDS, Block, Slot, Solution, Steps, _briefs_apart, _score, beside, block_area,
                                gutter_ratio, capped_sizes, empty_lines, is_brief, is_separator, lead_not_largest,
                                proportion, ranked, slots_for, stack_layouts)
from layout.makeup.plan import Part, Planner

LAYOUT_TIME = 0.06         # the solver's deterministic time per stack layout to find an exact makeup
IMPROVE_TIME = 0.04        # and this much more to find a better one from it
ENOUGH = 1                 # stack layouts filled after which no more are tried (time: the first will do)
SOLVER_STEPS = 6_000_000   # search steps (auto.Steps) a unit of the solver's deterministic time is worth in CPU
MODEL_STEPS = 100_000      # and the making of a model, its presolve (not in that time)
SIZE_COST = 50.0           # a lesser story's headline larger than a greater one's (as auto._score)
SCALE = 10                 # costs in tenths (the solver's objective is in integers)
RANK_FROM = 6              # the rank distance (rank_distance) from which a makeup goes through rank_pass
RANK_TIME = 0.05           # the solver's deterministic time per try of the rank pass
RANK_PASS_TIME = 0.15      # and for all its tries


def solver_solutions(planner: Planner, parts: list[Part], columns: int, rows: int, fixed: list[Block],
                     keep: int = 1, lead_largest: bool = False, steps: Steps | None = None) -> list[Solution]:
    """Exact makeups of the parts into plain stacks (one per stack layout the solver
    fills, best first, up to `keep`), within what `steps` has left of the solver's time
    (its work charged to the page's steps too), in the stack layouts of two stacks or
    more, the most stacks first (a page the search missed has many stories); lead_largest:
    only makeups whose lead is the largest block."""
    return _solutions(planner, parts, columns, rows, fixed, keep, lead_largest, steps)[0]


def lead_largest_stacks(planner: Planner, parts: list[Part], columns: int, rows: int, fixed: list[Block],
                        keep: int = 1, steps: Steps | None = None) -> tuple[list[Solution], bool]:
    """(solver_solutions with the lead the largest block a rule; whether the solver proved
    that no makeup in plain stacks has it: every stack layout infeasible)."""
    return _solutions(planner, parts, columns, rows, fixed, keep, True, steps)


def _solutions(planner, parts, columns, rows, fixed, keep, lead_largest, steps) -> tuple[list[Solution], bool]:
    steps = steps or Steps()
    if steps.solver <= 0 or not parts:
        return [], False
    narrow = {w for w in range(1, columns + 1) if any(planner.fits(p, w) for p in parts)}
    layouts = sorted((s for s in stack_layouts(columns) if set(s) <= narrow and len(s) > 1), key=lambda s: -len(s))
    found, proved = [], True
    for stacks in layouts:
        slots = slots_for(stacks, rows, fixed)
        if len(found) >= max(keep, ENOUGH) or steps.solver <= 0:
            proved = False       # layouts left unsolved
            break
        if not slots or len(slots) > len(parts):
            continue
        blocks, none = _spent(steps, *solve_slots(planner, parts, slots, fixed, lead_largest, _limit(steps)))
        proved = proved and none
        made = parts
        capped = capped_sizes(planner, parts, blocks) if blocks else None
        if capped is not None and steps.solver > 0:   # the lesser headlines no larger than the greater ones came out
            made, at = capped, _placement(blocks, parts, slots)
            blocks, _ = _spent(steps, *solve_slots(planner, capped, slots, fixed, lead_largest, _limit(steps), True, at))
        if blocks and not sizes_grow(blocks, made):
            found.append(Solution(tuple(blocks), stacks,
                                  _score(blocks, made, gutter_ratio(planner)) + 0.1 * len(stacks)))
    return sorted(found, key=lambda s: s.score)[:keep], proved and not found


def _placement(blocks, parts: list[Part], slots: list) -> list[tuple[int, int, int, int]] | None:
    """(story, slot, rows, row) of each automatic block (_Model.hint), None when a block is
    in no slot as wide as itself (the makeup is not in these plain stacks)."""
    index = {id(p): k for k, p in enumerate(parts)}
    out = []
    for b in blocks:
        if b.part is None:
            continue
        j = next((j for j, s in enumerate(slots) if (s.col, s.span) == (b.col, b.span) and
                  s.top <= b.row < s.bottom), None)
        if j is None or id(b.part) not in index:
            return None
        out.append((index[id(b.part)], j, b.rows, b.row))
    return out


def _limit(steps: Steps) -> float:
    return min(steps.solver, LAYOUT_TIME)


def _spent(steps: Steps, blocks, time: float, none: bool):
    """(the blocks a solve found, whether it proved there are none), its deterministic time
    taken from the solver's and, with the model's making, from the page's steps."""
    steps.solver -= time
    steps.charge(MODEL_STEPS + round(time * SOLVER_STEPS))
    return blocks, none


def rank_pass(planner: Planner, parts: list[Part], rows: int, fixed: list[Block], best: Solution,
              steps: Steps) -> Solution:
    """The makeup `best` (exact) with its ranked news stories' areas in a better order when
    the solver finds one. Only when they are far from it (a rank distance of RANK_FROM: three
    pairs of stories the wrong way round, or a few as large; a page nearer has little to gain,
    and the sample edition then goes without the solver's import): the solver makes up the
    same slots (slots_of: its stacks, or the parts of them beside the lead or above a band)
    with the stories' areas in rank order a rule; failing that, with their rank distance
    (rank_distance) below the best's so far, again while it finds better ones; each try from
    the makeup before it (a hint) within RANK_TIME, all within RANK_PASS_TIME of what `steps`
    has left of the solver's time. A makeup is kept only when exact and better by
    auto._score; else `best` as it was. (Measured on generated pages: other stack layouts, a
    second stage minimising auto._score's terms, more time, each paid less than its CPU.)"""
    g = gutter_ratio(planner)
    made = _parts_of(best.blocks, parts)
    if made is None or rank_distance(best.blocks, made, g) < RANK_FROM or steps.solver <= 0:
        return best
    from ortools.sat.python import cp_model

    slots = slots_of(best.blocks)
    lead, together = not lead_not_largest(best.blocks, made, g), not _briefs_apart(list(best.blocks))
    kept, score = list(best.blocks), _score(list(best.blocks), made, g)
    left, bound = min(steps.solver, RANK_PASS_TIME), 0        # bound 0: rank order a rule
    while left > 0:
        blocks, time = _rank_try(cp_model, planner, made, slots, fixed, lead, together,
                                 _placement(kept, made, slots), bound, min(left, RANK_TIME))
        left -= time
        _spent(steps, None, time, False)
        better = blocks is not None and not empty_lines(planner, blocks)[0] and not sizes_grow(blocks, made) \
            and _score(blocks, made, g) < score
        if better:
            kept, score = blocks, _score(blocks, made, g)
        if better and not bound or bound and not better:
            break
        bound = rank_distance(kept, made, g)
    if kept == list(best.blocks):
        return best
    return replace(best, blocks=tuple(kept), score=best.score - _score(list(best.blocks), made, g) + score)


def _rank_try(cp_model, planner, parts, slots, fixed, lead_largest: bool, together: bool, hint, fewer: int,
              limit: float):
    """(the blocks of an exact makeup of the parts in the slots with the ranked stories' areas
    in rank order, or with a rank distance below `fewer` when that is given, None when the
    solver finds none within `limit`; the time it spent). lead_largest, together: the lead the
    largest block, the briefs one column, rules too."""
    model = _Model(cp_model, planner, parts, slots, fixed, lead_largest, objective=False, sizes=True)
    if not model.ok:
        return None, 0.0
    if fewer:
        model.m.add(model.inversions(ties=True) < fewer)
    else:
        model.in_rank_order()
    for under in model.briefs_under() if together else ():
        model.m.add(under == 1)
    if hint:
        model.hint(hint)
    solver = _solver(cp_model, limit)
    if solver.solve(model.m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.deterministic_time
    return model.blocks(solver), solver.deterministic_time


def slots_of(blocks) -> list[Slot]:
    """The slots a makeup's automatic blocks fill: each run of blocks one under another at
    the same columns (a stack, the part of one under a band or beside the lead), by columns
    then rows (the lead's first)."""
    out: list[Slot] = []
    for b in sorted((b for b in blocks if b.part is not None), key=lambda b: (b.col, b.span, b.row)):
        last = out[-1] if out else None
        if last and (last.col, last.span, last.bottom) == (b.col, b.span, b.row):
            out[-1] = Slot(b.col, b.span, last.top, last.rows + b.rows)
        else:
            out.append(Slot(b.col, b.span, b.row, b.rows))
    return sorted(out, key=lambda s: (s.col, s.top))


def _parts_of(blocks, parts: list[Part]) -> list[Part] | None:
    """The parts as the blocks hold them (a headline capped, under pressure), in rank order;
    None when a part has no block."""
    held = {(id(b.part.article), b.part.start): b.part for b in blocks if b.part is not None}
    made = [held.get((id(p.article), p.start)) for p in parts]
    return None if None in made or len(held) != len(parts) else made


def rank_distance(blocks, parts: list[Part], gutter: float) -> int:
    """How far the ranked news stories' areas are from their rank order (Kendall's distance):
    2 per pair the wrong way round, 1 per pair of equal areas."""
    areas = _ranked_areas(blocks, parts, gutter)
    return sum(2 if w > v else w == v for i, v in enumerate(areas) for w in areas[i + 1:])


def _ranked_areas(blocks, parts: list[Part], gutter: float) -> list[float]:
    """The ranked news stories' block areas, in rank order."""
    rank = {id(p): i for i, p in enumerate(parts)}
    news = sorted((b for b in blocks if b.part is not None and ranked(b.part)), key=lambda b: rank[id(b.part)])
    return [round(100 * block_area(b.span, b.rows, gutter)) for b in news]


def sizes_grow(blocks: list[Block], parts: list[Part]) -> bool:
    """A news story's 主题 set larger than the one's before it in rank (a rule)."""
    rank = {id(p): i for i, p in enumerate(parts)}
    news = sorted((b for b in blocks if b.part.article.kind not in SEPARATE_KINDS and b.part.start is None),
                  key=lambda b: rank[id(b.part)])
    return any(lo.shape.set_size > hi.shape.set_size + 0.01 for hi, lo in zip(news, news[1:]))


def solve_slots(planner: Planner, parts: list[Part], slots: list, fixed: list[Block],
                lead_largest: bool = False, limit: float = LAYOUT_TIME, sizes: bool = False,
                hint: list[tuple[int, int, int, int]] | None = None) -> tuple[list[Block] | None, float, bool]:
    """(the blocks of the best exact makeup the solver finds within `limit` of its
    deterministic time, None when it finds none; the time it spent; whether it proved that
    there is none). First any exact
    makeup (the rules only: that is what the solver does fast, or proves there is none),
    then, from it, a better one by auto._score's terms within IMPROVE_TIME. sizes: the
    headline sizes never growing as rank drops a rule of the model too (else a cost); hint:
    blocks of another makeup of the same stories to start from."""
    from ortools.sat.python import cp_model

    plain = _Model(cp_model, planner, parts, slots, fixed, lead_largest, objective=False, sizes=sizes)
    if not plain.ok:
        return None, 0.0, True
    if hint:
        plain.hint(hint)
    solver = _solver(cp_model, limit)
    status = solver.solve(plain.m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.deterministic_time, status == cp_model.INFEASIBLE
    spent = solver.deterministic_time
    found = plain.blocks(solver)
    better = _Model(cp_model, planner, parts, slots, fixed, lead_largest, sizes=sizes)
    for key, (x, _) in better.opts.items():
        better.m.add_hint(x, solver.value(plain.opts[key][0]))
    for var, was in zip(better.start, plain.start):
        better.m.add_hint(var, solver.value(was))
    again = _solver(cp_model, IMPROVE_TIME)
    if again.solve(better.m) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        g = gutter_ratio(planner)
        mine = better.blocks(again)
        if _score(mine, parts, g) < _score(found, parts, g):
            found = mine
    return found, spent + again.deterministic_time, False


def _solver(cp_model, limit: float):
    """A CP-SAT solver that gives the same answer every time: one worker, a fixed seed, a
    limit in deterministic time."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = limit
    return solver


class _Model:
    """The makeup of the parts into the slots as a CP-SAT model (see the module's docstring)."""

    def __init__(self, cp_model, planner: Planner, parts: list[Part], slots: list, fixed: list[Block],
                 lead_largest: bool, objective: bool = True, sizes: bool = False):
        self.m = m = cp_model.CpModel()
        self.parts, self.slots = parts, slots
        self.gutter = g = gutter_ratio(planner)
        self.ok = True
        seps = [is_separator(p) for p in parts]
        self.news = [k for k, p in enumerate(parts) if p.article.kind not in SEPARATE_KINDS and p.start is None]
        self.opts: dict = {}          # (k, j, h) -> (bool var, shape)
        self.start = []
        self.present: dict = {}       # (k, j) -> bool var
        self.end = []
        heads: dict[int, list] = {j: [] for j in range(len(slots))}
        lo, hi = min(s.top for s in slots), max(s.bottom for s in slots)
        cost = []
        for k, part in enumerate(parts):
            st = m.new_int_var(lo, hi, f"start{k}")
            size_k = m.new_int_var(0, hi - lo, f"rows{k}")
            self.start.append(st)
            self.end.append(st + size_k)
            mine = []
            for j, s in enumerate(slots):
                menu = planner.menu(part, s.span, s.rows, True)
                xs = [(h, shape, m.new_bool_var(f"x{k}_{j}_{h}")) for h, shape in sorted(menu.items())
                      if h <= s.rows]
                if not xs:
                    continue
                pres = m.new_bool_var(f"in{k}_{j}")
                self.present[k, j] = pres
                m.add(sum(x for _, _, x in xs) == pres)
                m.add(st >= s.top).only_enforce_if(pres)
                m.add(st + size_k <= s.bottom).only_enforce_if(pres)
                m.add(size_k == sum(h * x for h, _, x in xs)).only_enforce_if(pres)
                size = m.new_int_var(0, s.rows, f"z{k}_{j}")
                m.add(size == sum(h * x for h, _, x in xs))
                head = m.new_int_var(0, s.rows, f"hz{k}_{j}")
                m.add(head == sum(shape.head_rows * x for _, shape, x in xs))
                block = m.new_optional_interval_var(st, size, self._end(st, size, pres, hi, f"e{k}_{j}"), pres, f"b{k}_{j}")
                hrows = m.new_optional_interval_var(st, head, self._end(st, head, pres, hi, f"he{k}_{j}"), pres,
                                                    f"h{k}_{j}")
                heads[j].append((k, block, hrows))
                for h, shape, x in xs:
                    self.opts[k, j, h] = (x, shape)
                    mine.append(x)
                    cost.append(_int(shape.cost + proportion(s.span, h)) * x)
            if not mine:
                self.ok = False
                return
            m.add_exactly_one(mine)
        for j, s in enumerate(slots):
            m.add(sum(h * x for (k, jj, h), (x, _) in self.opts.items() if jj == j) == s.rows)
            m.add_no_overlap([b for _, b, _ in heads[j]])
            for o in fixed:       # 碰题 with a hand-placed block beside the slot
                if not o.separator and o.head_rows and beside(o, s):
                    fixed_head = m.new_fixed_size_interval_var(o.row, o.head_rows, f"fixed{o.col}_{o.row}_{j}")
                    m.add_no_overlap([fixed_head] + [hv for k, _, hv in heads[j] if not seps[k]])
        if (0, 0) not in self.present:
            self.ok = False
            return
        m.add(self.present[0, 0] == 1)                     # the lead opens the first slot
        m.add(self.start[0] == slots[0].top)
        for j, s in enumerate(slots):                      # no 碰题 between neighbouring slots
            for jj in range(j + 1, len(slots)):
                if beside(s, slots[jj]):
                    m.add_no_overlap([hv for k, _, hv in heads[j] + heads[jj] if not seps[k]])
        self.area = [self._sum(lambda j, h, shape: round(100 * block_area(slots[j].span, h, g)), k)
                     for k in range(len(parts))]
        self.size = [self._sum(lambda j, h, shape: round(100 * shape.set_size), k) for k in range(len(parts))]
        if sizes:
            for k, l in zip(self.news, self.news[1:]):
                m.add(self.size[l] <= self.size[k] + 1)
        if lead_largest:
            for k in range(1, len(parts)):
                m.add(self.area[k] <= self.area[0])
        if objective:
            m.minimize(sum(cost) + sum(self._soft(lo, hi)))

    def inversions(self, ties: bool = False):
        """The ranked news stories' pairs whose areas go against their ranks (a lesser story's
        block larger), as a sum of bools; ties: a pair as large as each other counts too."""
        m, stories = self.m, [k for k in self.news if ranked(self.parts[k])]
        out = []
        for i, k in enumerate(stories):
            for l in stories[i + 1:]:
                worse = m.new_bool_var(f"inv{k}_{l}")
                m.add(self.area[l] <= self.area[k]).only_enforce_if(worse.negated())
                out.append(worse)
                if ties:
                    tie = m.new_bool_var(f"tie{k}_{l}")
                    m.add(self.area[l] < self.area[k]).only_enforce_if(tie.negated())
                    out.append(tie)
        return sum(out)

    def in_rank_order(self) -> None:
        """No ranked news story's block larger than a greater one's (a rule of this model)."""
        stories = [k for k in self.news if ranked(self.parts[k])]
        for k, l in zip(stories, stories[1:]):
            self.m.add(self.area[l] <= self.area[k])

    def hint(self, placed: list[tuple[int, int, int, int]]) -> None:
        """Start the search from this makeup: (story, slot, rows, row) of each block."""
        for k, j, h, row in placed:
            if (k, j, h) in self.opts:
                self.m.add_hint(self.opts[k, j, h][0], 1)
            self.m.add_hint(self.start[k], row)

    def _end(self, start, size, present, hi: int, name: str):
        """A variable for start + size when present (an interval's end must be one)."""
        end = self.m.new_int_var(0, 2 * hi, name)
        self.m.add(end == start + size).only_enforce_if(present)
        return end

    def _sum(self, value, k: int):
        """A linear expression of part k's chosen option: sum of value(slot, height, shape)."""
        return sum(value(j, h, shape) * x for (kk, j, h), (x, shape) in self.opts.items() if kk == k)

    def _worse(self, a, b, name: str, weight: float) -> list:
        """A penalty `weight` when expression a exceeds b."""
        v = self.m.new_bool_var(name)
        self.m.add(a <= b).only_enforce_if(v.negated())
        return [_int(weight) * v]

    def _soft(self, lo: int, hi: int) -> list:
        """The objective's terms beyond the shapes' costs (as auto._score counts them)."""
        m, parts, slots = self.m, self.parts, self.slots
        out = []
        n = len(parts)
        # reading order (区序: zone, row, column) against rank
        rows = hi - 1
        columns = max(s.col + s.span - 1 for s in slots)
        keys = []
        for k in range(n):
            top = m.new_bool_var(f"top{k}")
            m.add(self.start[k] <= rows // 2).only_enforce_if(top)
            m.add(self.start[k] > rows // 2).only_enforce_if(top.negated())
            left = sum(p for (kk, j), p in self.present.items()
                       if kk == k and slots[j].col - 1 + slots[j].span / 2 <= columns / 2)
            low_left = m.new_bool_var(f"ll{k}")        # below the middle and at the left
            m.add(low_left <= top.negated())
            m.add(low_left <= left)
            m.add(low_left >= left - top)
            zone = 1 - left + (1 - top) + 2 * low_left
            col = sum(slots[j].col * p for (kk, j), p in self.present.items() if kk == k)
            keys.append(zone * (hi + 1) * (columns + 1) + self.start[k] * (columns + 1) + col)
        for k in range(n):
            for l in range(k + 1, n):
                out += self._worse(keys[k], keys[l], f"order{k}_{l}", 1.0)
        news = self.news
        stories = [k for k in news if ranked(parts[k])]
        for i, k in enumerate(stories):
            for l in stories[i + 1:]:
                out += self._worse(self.area[l], self.area[k], f"area{k}_{l}", RANK_AREA_COST)
        for k, l in zip(news, news[1:]):
            out += self._worse(self.size[l], self.size[k] + 1, f"size{k}_{l}", SIZE_COST)
        photos = [k for k in stories if parts[k].article.photo]
        slots_of = [self._sum(lambda j, h, shape: shape.photo_slots(), k) for k in range(n)]
        for i, k in enumerate(photos):
            for l in photos[i + 1:]:
                out += self._worse(slots_of[l], slots_of[k], f"photo{k}_{l}", PHOTO_RANK_COST)
        for k in range(1, n):
            out += self._worse(self.area[k], self.area[0], f"lead{k}", LEAD_LARGEST_COST)
        out += [_int(BRIEFS_APART_COST) * under.negated() for under in self.briefs_under()]
        return out

    def briefs_under(self) -> list:
        """A bool per brief after the first: directly under the one before (简讯 one column)."""
        m, out = self.m, []
        briefs = [k for k, p in enumerate(self.parts) if is_brief(p)]
        for a, b in zip(briefs, briefs[1:]):
            under = m.new_bool_var(f"under{a}_{b}")
            m.add(self.start[b] == self.end[a]).only_enforce_if(under)
            for (k, j), p in self.present.items():
                if k == a:
                    m.add(p == self.present.get((b, j), 0)).only_enforce_if(under)
            out.append(under)
        return out

    def blocks(self, solver) -> list[Block]:
        out = []
        for (k, j, h), (x, shape) in self.opts.items():
            if solver.value(x):
                s = self.slots[j]
                out.append(Block(s.col, s.span, solver.value(self.start[k]), h, shape.head_rows,
                                 is_separator(self.parts[k]), self.parts[k], shape))
        return sorted(out, key=lambda b: (b.col, b.row))


def _int(cost: float) -> int:
    return int(round(cost * SCALE))
