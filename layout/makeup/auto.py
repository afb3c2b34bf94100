"""Automatic page makeup (自动组版): article parts without a place get one.

The page below its furniture is cut into stacks (栏组: columns side by side, e.g. 4+2);
hand-placed blocks stay where they are and cut the stacks they cover into slots. Every
part goes into a slot at the slot's current foot, as wide as the slot, in one of its
exact shapes (plan.Planner.menu), so that every slot is filled to its last row: no hole,
no empty line. A depth-first search places the parts in rank order, the most important
first and at the highest free spot (区序: 上左 > 上右 > 下…), with these rules:

- the lead (头条) takes the top-left slot;
- no 碰题: two blocks side by side never have headlines at overlapping rows, unless one
  of them is boxed or a photo (they separate);
- a slot is never left partly filled.

Two slots whose tops stand side by side each open with a headline unless a box, a story
without a headline or a story whose picture may stand above its headline (图在题上,
Planner.photo_tops: only where its headline would meet a neighbour's) opens one of them: a
grouping that leaves both without is cut off before it counts (MAX_ASSIGNMENTS).
Dead ends are remembered (the rows filled per slot plus the headlines that can still
meet a later block), so the search is exhaustive yet fast. Each stack layout that works
is scored (shape costs, rank order, block proportions) and the best one wins. When it has a
block larger than the lead, a second search keeps only makeups whose lead is the largest
(a rule: issue 13, item 3) and wins if it finds an exact one (the same search, then the other
searches, every cut and the solver: lead_bound.py); when it sets the briefs apart,
another keeps only makeups with the briefs one column (a preference: kept if exact, else
an info briefs-apart says so).

Tolerance (measured by bench/makeup_absorption.py on generated pages, fill = the copy's
need by the planner's natural setting, 1.0 = a page's worth): a page comes out exactly
full over a band of fill 0.06-0.21 wide (median about 0.09) from its least fill of
0.80-0.92 to its most of 0.88-1.00 — copy short of a page is absorbed (air under
headlines, looser paragraphs, larger photos), copy over a page hardly at all (only
tighter paragraphs and the photo's crop shrink a story).

When neither plain stacks nor stacks above a band fill the page, even under page pressure
(`pressed`), the lead goes over sub-stacks (nested.py: the 头条 across w columns, stacks
under it and on its right).
On a page of few stories (guillotine.py, nothing placed by hand) that none of those
fills exactly, the page is cut freely (any guillotine: the lead across the top with stacks
under it, two tiers, a band across the middle), as set, under pressure, then with more
ways to a height (Part.free: looseness a row further, 变栏, a row more of air). Then a
constraint solver (solver.py) fills the plain stacks with the stories of a stack in any
order (a page of many stories often has no exact makeup in rank order without 碰题, and
one in another order). Every exact search runs before any that may leave body lines empty.
Last, under pressure, the other stack layouts above a band (a tall one-column stack,
3 + 3, 2 + 2 + 2 over a 通栏).
When no makeup fills the page, `fallback` searches again over elastic shapes (a body cut
short or ending early) under the same rules, and `no_fit` says which story does not fit,
by how much, and the ways out.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from layout.makeup.plan import Part, Planner
from layout.makeup.shape import Shape

NODE_BUDGET = 40000        # search steps per stack layout
ELASTIC_BUDGET = 50000     # the same for the fallback's search (elastic shapes), per layout and slack
ELASTIC_LAYOUTS = 5        # stack layouts the fallback tries (widest stacks first)
ELASTIC_COMBO_STEPS = 3000 # height combinations explored per slot in the fallback's search
ELASTIC_KEEP = 4           # arrangements it keeps per layout (to find one that keeps the briefs together)
SLACKS = (0.1, 0.25, 0.5, None)  # the fallback's share-out of the overset or air, tried in turn (None: any)
MAX_STACKS = 3
MAX_ASSIGNMENTS = 30       # groupings of parts into slots tried per stack layout
MAX_GROUPS = 400           # groups that fill one slot exactly, per slot
MAX_SOLUTIONS = 400        # complete makeups scored per stack layout
MAX_COMBOS = 60            # height combinations tried per slot


@dataclass(frozen=True)
class Block:
    """A block on the page grid: columns [col, col+span), rows [row, row+rows)."""
    col: int
    span: int
    row: int
    rows: int
    head_rows: int            # rows of its headline block at the top
    separator: bool           # boxed or a photo: may stand beside a headline
    part: Part | None = None  # None for a hand-placed block
    shape: Shape | None = None
    head_top: int = 0         # rows above its headline block (a picture on top: Shape.photo_top)


@dataclass(frozen=True)
class Slot:
    col: int
    span: int
    top: int
    rows: int

    @property
    def bottom(self) -> int:
        return self.top + self.rows


@dataclass(frozen=True)
class Solution:
    blocks: tuple[Block, ...]
    stacks: tuple[int, ...]
    score: float
    lead_why: str = ""        # why its lead is not the largest block, when the makeup knows (lead_bound.py)


def stack_layouts(columns: int) -> list[tuple[int, ...]]:
    """Ways to cut the columns into side-by-side stacks, widest first (the lead's)."""
    out = []

    def rec(left: int, acc: tuple[int, ...]):
        if left == 0:
            if acc[0] >= max(acc):
                out.append(acc)
            return
        if len(acc) == MAX_STACKS:
            return
        for w in range(left, 0, -1):
            rec(left - w, acc + (w,))

    rec(columns, ())
    return out


def slots_for(stacks: tuple[int, ...], rows: int, fixed: list[Block]) -> list[Slot] | None:
    """The free stretches of each stack; None when a hand-placed block straddles a stack's edge."""
    slots = []
    col = 1
    for w in stacks:
        cols = set(range(col, col + w))
        taken = []
        for b in fixed:
            bcols = set(range(b.col, b.col + b.span))
            if bcols & cols:
                if not cols <= bcols:
                    return None
                taken.append((b.row, b.row + b.rows))
        top = 1
        for a, z in sorted(taken):
            if a > top:
                slots.append(Slot(col, w, top, a - top))
            top = max(top, z)
        if top <= rows:
            slots.append(Slot(col, w, top, rows + 1 - top))
        col += w
    return slots


def is_brief(part: Part) -> bool:
    return part.article.kind == "brief" and part.start is None


def is_separator(part: Part) -> bool:
    """A boxed block may stand beside a headline (its rules separate them); a photo story
    opens with its headline like any other, so it does not."""
    return part.boxed


class _Search:
    """Parts into slots, slot by slot: which parts share a slot (their exact heights must
    add up to the slot's rows: bitsets of reachable sums), then the heights of each
    slot's blocks so that no headline meets a neighbour's (碰题)."""

    def __init__(self, planner: Planner, parts: list[Part], slots: list[Slot], fixed: list[Block],
                 exact: bool | None = True, keep: int = 1, slack: float | None = 0.0,
                 lead_largest: bool = False, together: bool = False):
        self.keep = keep
        self.gutter = gutter_ratio(planner)
        self.arrangements: dict = {}
        self.parts = parts
        self.slots = slots
        self.fixed = fixed
        self.menus = [[planner.elastic(p, s.span, s.rows) if exact is None else planner.menu(p, s.span, s.rows, exact)
                       for s in slots] for p in parts]
        self.elastic = exact is None        # Planner.elastic shapes (the fallback)
        self.budget = ELASTIC_BUDGET if self.elastic else NODE_BUDGET
        self.masks = [[sum(1 << h for h in m if self._within(m, h, slack)) for m in pm] for pm in self.menus]
        self.seps = [is_separator(p) for p in parts]
        # each shape's twin with the picture above the headline (Planner.photo_tops), for where
        # the headline would meet a neighbour's
        self.tops = [[planner.photo_tops(p, s.span, m) for s, m in zip(slots, pm)]
                     for p, pm in zip(parts, self.menus)]
        # a part that can open a slot with no headline at its top (none at all, or a picture above it)
        self.headless = [[bool(t) or any(sh.head_rows == 0 for sh in m.values()) for m, t in zip(pm, pt)]
                         for pm, pt in zip(self.menus, self.tops)]
        # slots i < j whose top stands beside slot j's top (their opening headlines would meet)
        self.tops_beside = [[i for i in range(j) if beside(slots[i], slots[j]) and slots[i].top == slots[j].top]
                            for j in range(len(slots))]
        # only makeups whose lead is the largest block (the lead opens slot 0: its tallest shape there caps the rest)
        lead_menu = self.menus[0][0] if lead_largest and parts and slots else None
        self.lead_cap = block_area(slots[0].span, max(lead_menu), self.gutter) if lead_menu else None
        # only makeups with the briefs one under another in one column (简讯 kept together)
        self.briefs = frozenset(k for k, p in enumerate(parts) if is_brief(p)) if together else frozenset()
        self.nodes = 0
        self.best: tuple[float, list[Block]] | None = None
        self.assignments = 0
        self._stacks: dict = {}
        self._combo_base: dict = {}
        self._naturals: dict = {}
        self.solutions = 0

    def run(self) -> list[Block] | None:
        self._assign(0, list(range(len(self.parts))), [])
        return self.best[1] if self.best else None

    # ---- which parts go into which slot
    def _assign(self, j: int, left: list[int], groups: list[list[int]]) -> None:
        if self.assignments >= MAX_ASSIGNMENTS or self.nodes > self.budget:
            return
        slot = self.slots[j]
        if j == len(self.slots) - 1:
            if left and _conv(self.masks, left, j, slot.rows) >> slot.rows & 1 and \
                    not self._tops_meet(j, left, groups):
                self.assignments += 1
                self._heights(groups + [left])
            return
        first = left[0] if j == 0 else None          # the lead opens the first slot
        groups_j = self._subsets(left, j, first)
        if self.elastic:      # any group fills a slot somehow: those nearest its natural fill first
            natural = {k: self._natural(k, j) for k in left}
            groups_j.sort(key=lambda g: abs(sum(natural[k] for k in g) - slot.rows))
        for chosen in groups_j:
            rest = [k for k in left if k not in chosen]
            if rest and not self._tops_meet(j, chosen, groups) and self._briefs_whole(chosen, left):
                self._assign(j + 1, rest, groups + [chosen])

    def _briefs_whole(self, group: list[int], left: list[int]) -> bool:
        """The group holds all the briefs still to place or none of them (only when the
        briefs are to be kept together)."""
        if not self.briefs:
            return True
        mine = self.briefs.intersection(group)
        return not mine or mine == self.briefs.intersection(left)

    def _opens_clear(self, group: list[int], j: int) -> bool:
        """The group can open slot j without a headline at its top: its first part is a
        separator, has no headline or a picture above it, or (after the lead's slot) a
        separator or a story with a picture may open it."""
        k = group[0]
        return self.seps[k] or self.headless[k][j] or \
            (j > 0 and any(self.seps[x] or self.tops[x][j] for x in group))

    def _tops_meet(self, j: int, group: list[int], groups: list[list[int]]) -> bool:
        """Slot j's group and a group already in a slot whose top stands beside slot j's would
        both open with a headline at the same row (碰题 whatever the heights): a dead end
        the heights search would only find later."""
        return any(not self._opens_clear(groups[i], i) for i in self.tops_beside[j]) and \
            not self._opens_clear(group, j)

    def open_key(self, j: int, groups: list[list[int]]) -> tuple:
        """What the groups before slot j decide about the slots from j on (_tops_meet)."""
        return tuple(self._opens_clear(groups[i], i) for i in range(j)
                     if any(i in self.tops_beside[m] for m in range(j, len(self.slots))))

    def _subsets(self, left: list[int], j: int, must: int | None):
        """Groups of the remaining parts (in rank order) that fill slot j exactly."""
        rows = self.slots[j].rows
        limit = (1 << (rows + 1)) - 1
        out = []

        def rec(i: int, acc: int, chosen: list[int]):
            self.nodes += 1
            if self.nodes > self.budget or len(out) >= MAX_GROUPS:
                return
            if acc >> rows & 1 and chosen:
                out.append(list(chosen))
            if i == len(left):
                return
            k = left[i]
            nxt = _shift_or(acc, self.masks[k][j]) & limit
            if nxt:
                chosen.append(k)
                rec(i + 1, nxt, chosen)
                chosen.pop()
            if k != must:
                rec(i + 1, acc, chosen)

        rec(0, 1, [])
        return out

    def _natural(self, k: int, j: int) -> int:
        """Part k's height in slot j at its cheapest shape (memoised)."""
        have = self._naturals.get((k, j))
        if have is None:
            m = self.menus[k][j]
            have = self._naturals[k, j] = min(m, key=lambda h: (m[h].cost, h)) if m else 0
        return have

    def _within(self, menu: dict, h: int, slack: float) -> bool:
        """Elastic search: which parts share a slot is chosen from heights within `slack`
        of each part's natural one (so the overset or the air is shared out), the heights
        themselves from the whole menu."""
        if not self.elastic or slack is None:
            return True
        nat = min(menu, key=lambda r: (menu[r].cost, r))
        return nat * (1 - slack) - 2 <= h <= nat * (1 + slack) + 2

    # ---- the heights of each slot's blocks
    def _heights(self, groups: list[list[int]]) -> None:
        orders = []
        for j, g in enumerate(groups):
            opts = [g]
            if j > 0:     # a box may open a slot beside a headline
                for k in g:
                    if self.seps[k] and k != g[0]:
                        opts.append([k] + [x for x in g if x != k])
                        break
            if len(g) >= 3:   # the last two the other way round: other rows for their headlines
                opts.append(g[:-2] + [g[-1], g[-2]])
            # only when those give no stacking: a story with a picture on top first, two other
            # neighbours the other way round
            first = next((k for k in g[1:] if self.tops[k][j]), None) \
                if j > 0 and not any(self.seps[x] for x in g) else None
            more = [[first] + [x for x in g if x != first]] if first is not None else []
            more += [g[:i] + [g[i + 1], g[i]] + g[i + 2:] for i in range(len(g) - 3, 0, -1)]
            orders.append((opts, more))
        # the slot with the fewest parts first: its few height choices constrain the others
        self._order = sorted(range(len(groups)), key=lambda j: (len(groups[j]), j))
        self._slot(0, orders, [])

    def _slot(self, idx: int, orders, placed: list[Block]) -> None:
        if idx == len(self.slots):
            if self.briefs and _briefs_apart(placed):
                return
            self.solutions += 1
            score = _score(placed, self.parts, self.gutter)
            if self.best is None or score < self.best[0]:
                self.best = (score, list(placed))
            if self.keep > 1:     # the best of each arrangement (which story in which slot, in which order)
                sig = tuple((c, k) for c, _, k in sorted((b.col, b.row, id(b.part)) for b in placed))
                have = self.arrangements.get(sig)
                if have is None or score < have[0]:
                    self.arrangements[sig] = (score, list(placed))
            return
        j = self._order[idx]
        s = self.slots[j]
        # rows of the headlines beside this slot (its blocks share its columns, so only rows matter)
        forbid = frozenset(r for o in placed + self.fixed if not o.separator and
                           beside(o, s)
                           for r in range(o.row + o.head_top, o.row + o.head_top + o.head_rows))
        for group in orders[j]:
            tried = False
            for order in group:
                for blocks in self._stacked(tuple(order), j, forbid):
                    self.nodes += 1
                    if self.nodes > self.budget or self.solutions >= MAX_SOLUTIONS:
                        return
                    if self.lead_cap is not None and not self._lead_largest(placed, blocks):
                        continue
                    tried = True
                    self._slot(idx + 1, orders, placed + blocks)
            if tried:
                return

    def _lead_largest(self, placed: list[Block], blocks: list[Block]) -> bool:
        """No block larger than the lead's (or than the lead's tallest shape, before it is
        placed); the blocks placed before were held to a cap no smaller, so only the new
        ones are measured unless they hold the lead."""
        lead = self.parts[0]
        g = self.gutter
        cap = next((block_area(b.span, b.rows, g) for b in blocks if b.part is lead), None)
        if cap is None:
            cap = next((block_area(b.span, b.rows, g) for b in placed if b.part is lead), self.lead_cap)
            return all(block_area(b.span, b.rows, g) <= cap for b in blocks)
        return all(block_area(b.span, b.rows, g) <= cap for b in placed + blocks if b.part is not lead)

    def _stacked(self, order: tuple[int, ...], j: int, forbid: frozenset) -> list[list[Block]]:
        """The slot's blocks for each height combination whose headlines avoid the rows in
        `forbid`, cheapest first (memoised)."""
        key = (order, j, forbid)
        have = self._stacks.get(key)
        if have is None:
            s = self.slots[j]
            have = []
            for combo in self._combos(list(order), j, forbid):
                row, blocks = s.top, []
                for k, (rows, on_top) in zip(order, combo):
                    shape = (self.tops if on_top else self.menus)[k][j][rows]
                    blocks.append(Block(s.col, s.span, row, rows, shape.head_rows, self.seps[k],
                                        self.parts[k], shape, shape.head_top))
                    row += rows
                have.append(blocks)
            self._stacks[key] = have
        return have

    def _combos(self, order: list[int], j: int, forbid: frozenset = frozenset()):
        """Heights of the slot's blocks (in order) adding up to its rows, cheapest first,
        no headline (of a block that is not a separator) on a row in `forbid`: (rows, picture
        on top) each, the picture moved above the headline only where the headline would
        meet a neighbour's."""
        rows = self.slots[j].rows
        menus = [self.menus[k][j] for k in order]
        tops = [self.tops[k][j] for k in order]
        base = self._combo_base.get((tuple(order), j))     # what does not depend on forbid
        if base is None:
            limit = (1 << (rows + 1)) - 1
            reach = [0] * (len(order) + 1)      # reach[i]: sums parts i.. can make
            reach[-1] = 1
            for i in range(len(order) - 1, -1, -1):
                reach[i] = _shift_or(reach[i + 1], sum(1 << h for h in menus[i])) & limit
            # (height, its headline's rows as a bitmask, cost), cheapest first
            by_cost = [[(r, (1 << m[r].head_rows) - 1, m[r].cost) for r in sorted(m, key=lambda r: (m[r].cost, r))]
                       for m in menus]
            last = {r: (head, c) for r, head, c in by_cost[-1]}     # the last block takes the rows left
            base = self._combo_base[(tuple(order), j)] = (reach, by_cost, last, {})
        reach, by_cost, last, able = base
        found = []
        top = self.slots[j].top
        mask = sum(1 << r for r in forbid)                  # rows as a bitmask
        forbid_at = [0 if self.seps[k] else mask for k in order]
        end = len(order) - 1

        # its calls are the search's steps too: at most what the budget has left (elastic menus
        # are dense: a cap of their own)
        room = max(1, self.budget - self.nodes + 1)
        cap = min(ELASTIC_COMBO_STEPS, room) if self.elastic else room
        steps = [cap]

        def rec(i: int, left: int, acc: list[int], cost: float):
            if len(found) >= MAX_COMBOS * 2 or steps[0] == 0:
                return
            steps[0] -= 1
            if i == len(order):
                if left == 0:
                    found.append((cost, list(acc)))
                return
            row = top + rows - left
            near = forbid_at[i] >> row
            if i == end:        # only a height of the rows left ends the slot (as the loop below finds)
                hit = last.get(left)
                if hit is not None and len(found) < MAX_COMBOS * 2 and steps[0] != 0:
                    choice = (False, hit[1]) if not near & hit[0] else _picture_up(tops[i], left, near)
                    if choice is not None:
                        steps[0] -= 1       # (the step of the call that would take it)
                        found.append((cost + choice[1], acc + [(left, choice[0])]))
                return
            fit = able.get((i, left))
            if fit is None:     # the heights of block i that leave rows the blocks after it can fill
                fit = able[i, left] = [x for x in by_cost[i] if x[0] <= left and reach[i + 1] >> (left - x[0]) & 1]
            for h, head, c in fit:
                choice = (False, c) if not near & head else _picture_up(tops[i], h, near)
                if choice is None:
                    continue
                acc.append((h, choice[0]))
                rec(i + 1, left - h, acc, cost + choice[1])
                acc.pop()

        rec(0, rows, [], 0.0)
        self.nodes += cap - steps[0]
        found.sort(key=lambda c: c[0])
        return [c for _, c in found[:MAX_COMBOS]]


def _picture_up(tops: dict, h: int, near: int) -> tuple[bool, float] | None:
    """(True, cost) of the shape of height h with its picture above the headline when its
    headline then stands on no row of `near` (rows from the block's top, a bitset)."""
    up = tops.get(h)
    if up is None or near >> up.head_top & ((1 << up.head_rows) - 1):
        return None
    return True, up.cost


def beside(a, b) -> bool:
    """Slots or blocks side by side (one's columns end where the other's begin)."""
    return a.col + a.span == b.col or b.col + b.span == a.col


def _shift_or(acc: int, mask: int) -> int:
    """Sums reachable: every sum in acc plus every height in mask (bitsets)."""
    out = 0
    while mask:
        low = mask & -mask
        out |= acc << (low.bit_length() - 1)
        mask ^= low
    return out


def _conv(masks, group: list[int], j: int, rows: int) -> int:
    acc, limit = 1, (1 << (rows + 1)) - 1
    for k in group:
        acc = _shift_or(acc, masks[k][j]) & limit
        if not acc:
            return 0
    return acc


def _zone(b: Block, rows: int, columns: int) -> int:
    """区序: 上左 0, 上右 1, 下右 2, 下左 3 (by the block's top and its centre)."""
    top = b.row <= rows // 2
    left = (b.col - 1 + b.span / 2) <= columns / 2
    return (0 if left else 1) if top else (3 if left else 2)


def gutter_ratio(planner: Planner) -> float:
    """The gutter in column widths: a block's area counts the gutters inside it."""
    return planner.grid.gutter / planner.grid.col_width


def block_area(span: int, rows: int, gutter: float = 0.0) -> float:
    """A block's area in column-width rows, the gutters between its columns included."""
    return rows * (span + (span - 1) * gutter)


def lead_not_largest(blocks, parts: list[Part], gutter: float = 0.0) -> int:
    """Automatic blocks larger than the lead's (0 when the lead is not automatic)."""
    lead = next((b for b in blocks if parts and b.part is parts[0]), None)
    if lead is None:
        return 0
    area = block_area(lead.span, lead.rows, gutter)
    return sum(1 for b in blocks if b.part is not None and b is not lead and block_area(b.span, b.rows, gutter) > area)


def _score(blocks: list[Block], parts: list[Part], gutter: float = 0.0) -> float:
    """Lower is better: how far the shapes are from natural, rank against 区序, proportions."""
    rank = {id(p): i for i, p in enumerate(parts)}
    auto = sorted((b for b in blocks if b.part is not None), key=lambda b: rank[id(b.part)])
    rows = max(b.row + b.rows - 1 for b in blocks)
    columns = max(b.col + b.span - 1 for b in blocks)
    score = sum(b.shape.cost for b in auto)
    zones = [(_zone(b, rows, columns), b.row, b.col) for b in auto]
    # a lesser story before a greater one in reading order (auto is in rank order)
    score += sum(1 for i, z in enumerate(zones) for w in zones[i + 1:] if w < z)
    for b in auto:
        score += proportion(b.span, b.rows)
    news = [b for b in auto if b.part.article.kind not in SEPARATE_KINDS and b.part.start is None]
    for hi, lo in zip(news, news[1:]):
        if lo.shape.set_size > hi.shape.set_size + 0.01:
            score += 50.0          # a lesser story's headline larger than a greater one's (a rule, not a taste)
    score += LEAD_LARGEST_COST * lead_not_largest(auto, parts, gutter)   # the 头条 is the largest
    return score + _rank_order(news, gutter) + _briefs_apart(auto)


def proportion(span: int, rows: int) -> float:
    """What a block's proportions cost: a tall thin column of text, a flat wide block (at
    most one of them is ever nonzero)."""
    ratio = rows / max(1, span * 4)
    return max(0.0, ratio - 6) * 0.5 + (max(0, 6 - rows) * 0.5 if span > 2 else 0.0)


LEAD_LARGEST_COST = 8.0    # per block larger than the lead (头条)
RANK_AREA_COST = 25.0      # per pair of stories whose areas go against their ranks
PHOTO_RANK_COST = 3.0      # per pair of photos whose sizes go against their stories' ranks


def ranked(part: Part) -> bool:
    """A story whose area should follow its rank: not a continuation (the rest of a story
    from another page), not a box (it stands where it separates headlines) and not of a
    kind with a shape of its own (commentary, briefs, verse)."""
    return part.start is None and not part.boxed and part.article.kind not in SEPARATE_KINDS + ("brief",)


def _rank_order(blocks: list[Block], gutter: float = 0.0) -> float:
    """Areas by rank (blocks in rank order): each pair of ranked stories where the lesser
    has the larger block, and each pair where the lesser has the larger photo."""
    stories = [b for b in blocks if ranked(b.part)]
    area = [block_area(b.span, b.rows, gutter) for b in stories]
    photo = [b.shape.photo_slots() for b in stories if b.shape.photo_rows]
    return RANK_AREA_COST * _inversions(area) + PHOTO_RANK_COST * _inversions(photo)


BRIEFS_APART_COST = 10.0   # per brief set apart from the column of briefs (简讯)


def _briefs_apart(blocks: list[Block]) -> float:
    """简讯 keep their shape, one column of briefs: each brief not directly under the one
    before it (another column, or another story between them)."""
    briefs = sorted((b for b in blocks if is_brief(b.part)), key=lambda b: (b.col, b.row))
    return BRIEFS_APART_COST * sum(1 for a, b in zip(briefs, briefs[1:])
                                   if (a.col, a.span, a.row + a.rows) != (b.col, b.span, b.row))


def briefs_apart(parts: list[Part], blocks, page: int) -> list:
    """An info diagnostic when the makeup sets the briefs (简讯) apart: a preference it gave
    up because no makeup with them together was found that fills the page as well."""
    from layout.base.diagnostics import info

    placed = [b for b in blocks if b.part is not None]
    if not _briefs_apart(placed):
        return []
    briefs = [b.part.id for b in sorted(placed, key=lambda b: (b.col, b.row)) if is_brief(b.part)]
    return [info("briefs-apart", parts[0].article.pos, page=page, briefs=", ".join(briefs))]


def _inversions(values: list[int]) -> int:
    """Pairs i < j with values[j] > values[i]."""
    return sum(1 for i, v in enumerate(values) for w in values[i + 1:] if w > v)


def solve(planner: Planner, parts: list[Part], columns: int, rows: int,
          fixed: list[Block], variant: int = 0, steps: Steps | None = None) -> Solution | None:
    """The best makeup of the parts into the free grid: exact if there is one, else one
    whose blocks may end a few lines short; None if even that does not exist. variant k
    > 0: the k-th best other arrangement instead (the last one when there are fewer).
    steps: the page's budget (its searches charge it; the fallback's share is kept).
    An exact one (variant 0) then has its stories' areas put nearer rank order where it
    can: by the solver in its own slots (solver.rank_pass), over every guillotine cut of a
    page of few stories (rank_cut.py), rectangles of a page of many cut again
    (rank_regions.py)."""
    from layout.makeup.rank_cut import rank_cut
    from layout.makeup.rank_regions import rank_regions
    from layout.makeup.solver import rank_pass

    steps = steps or Steps()
    best = _solve(planner, parts, columns, rows, fixed, variant, steps)
    if best is None or variant or empty_lines(planner, best.blocks)[0]:
        return best
    best = rank_pass(planner, parts, rows, fixed, best, steps)
    best = rank_cut(planner, parts, columns, rows, fixed, best, steps)
    return rank_regions(planner, parts, columns, rows, fixed, best, steps)


def _solve(planner: Planner, parts: list[Part], columns: int, rows: int,
           fixed: list[Block], variant: int, steps: Steps) -> Solution | None:
    """solve without the rank pass."""
    from layout.makeup.solver import solver_solutions

    def exact(sol: Solution) -> bool:
        return not empty_lines(planner, sol.blocks)[0]

    steps = steps or Steps()
    original, tight = parts, pressed(parts)
    # as set; under page pressure (the lesser stories' head blocks may be smaller: Part.lesser);
    # then the lead over sub-stacks (nested.py), as set and under pressure
    cands = [(c, over) for over in (False, True) for c in (original, tight) if c is original or tight != original]
    found, nested = [], False
    for exacts in ((True,), (False,)):      # every exact search before any that may leave lines empty
        for cand, lead_over in cands:
            if found and exact(found[0]):
                break
            again = solutions(planner, cand, columns, rows, fixed, variant + 1, lead_over, steps=steps,
                              exacts=exacts)
            if again and (not found or exact(again[0])):
                parts, found, nested = cand, again, lead_over
        if found or exacts == (False,):
            break
        # no exact makeup searched: a page of few stories cut freely (guillotine.py), as set,
        # under pressure, then with more ways to a height (Part.free); until one keeps the lead
        # the largest and the briefs together, the best of them (by those rules first); else
        # the solver's, the stories of a stack in any order (solver.py), under page pressure
        # (its menus hold those as set, at their costs)
        if not fixed:
            from layout.makeup.guillotine import FREE_PARTS, guillotine_solutions, ruled_key

            free = (original, tight) + ((freer(original), freer(tight)) if len(original) <= FREE_PARTS else ())
            best_key = None
            for cand in [c for i, c in enumerate(free) if c not in free[:i]]:
                again = guillotine_solutions(planner, cand, columns, rows, variant + 1, steps)
                key = ruled_key(planner, cand, again[0]) if again else None
                if again and (best_key is None or key < best_key):
                    parts, found, nested, best_key = cand, again, GUILLOTINE, key
                if best_key is not None and not any(best_key[:2]):
                    break
        if not found:
            found = solver_solutions(planner, tight, columns, rows, fixed, variant + 1, steps=steps)
            if found:
                parts, nested = tight, SOLVER
        if found:
            break
    banded = False
    if not found or not exact(found[0]):
        # last, under pressure, the other stack layouts above a band
        again = solutions(planner, tight, columns, rows, fixed, variant + 1, steps=steps, other_bands=True)
        if again and (not found or exact(again[0])):
            parts, found, nested, banded = tight, again, False, True
    if not found:
        return None

    def again_with(cand: list[Part], lead_largest: bool = False, together: bool = False) -> list[Solution]:
        """The search the makeup came from, once more (other parts, the lead the largest, the
        briefs together)."""
        if nested is GUILLOTINE:
            from layout.makeup.guillotine import guillotine_solutions, lead_largest_cuts
            if lead_largest:
                return lead_largest_cuts(planner, cand, columns, rows, variant + 1, steps)[0]
            return guillotine_solutions(planner, cand, columns, rows, variant + 1, steps)
        return solutions(planner, cand, columns, rows, fixed, variant + 1, nested, lead_largest=lead_largest,
                         steps=steps, together=together, other_bands=banded)

    best = found[min(variant, len(found) - 1)]
    ruled, why = False, ""
    if exact(best) and lead_not_largest(best.blocks, parts, gutter_ratio(planner)):
        # the lead the largest block is a rule: the same search among such makeups only, kept if
        # exact; else the other searches, every cut and the solver with it as a rule (lead_bound.py)
        again = again_with(parts, lead_largest=True) if nested not in (GUILLOTINE, SOLVER) else []
        if again and exact(again[0]):
            best, ruled = again[min(variant, len(again) - 1)], True
        else:
            from layout.makeup.lead_bound import lead_largest_search

            got = lead_largest_search(planner, original, parts, nested, columns, rows, fixed, variant + 1)
            if isinstance(got, str):
                why = got
            elif exact(got[1][0]):
                parts, again, nested = got
                best, ruled, banded = again[min(variant, len(again) - 1)], True, False
    if nested == SOLVER:    # it caps the lesser headlines itself
        return replace(best, lead_why=why)
    together = False
    if nested is not GUILLOTINE and exact(best) and _briefs_apart([b for b in best.blocks if b.part is not None]):
        # the briefs one column (简讯) are preferred: search again among such makeups only (as
        # set, under pressure, then above a band in the other stack layouts), kept if exact
        # (the guillotine search puts those first itself)
        lesser = tuple(pressed(parts))
        for cand, bands in dict.fromkeys(((tuple(parts), banded), (lesser, banded), (lesser, True))):
            again = solutions(planner, list(cand), columns, rows, fixed, variant + 1, nested and not bands,
                              lead_largest=ruled, steps=steps, together=True, other_bands=bands)
            if again and exact(again[0]):
                parts, best, together, banded = list(cand), again[min(variant, len(again) - 1)], True, bands
                break
    capped = capped_sizes(planner, parts, best.blocks)
    if capped is not None:      # once more with the lesser headlines no larger than the greater ones came out
        again = again_with(capped, lead_largest=ruled, together=together)
        if again and again[min(variant, len(again) - 1)].score < best.score:
            best = again[min(variant, len(again) - 1)]
    return replace(best, lead_why=why)


SOLVER = "solver"             # solve: the makeup came from solver.py
GUILLOTINE = "guillotine"     # solve: the makeup came from guillotine.py


def freer(parts: list[Part]) -> list[Part]:
    """The parts with more ways to a height (Part.free: looseness, 变栏, air)."""
    return [replace(p, free=True) for p in parts]


def capped_sizes(planner: Planner, parts: list[Part], blocks) -> list[Part] | None:
    """The parts again, each story sized by rank (rank_headline_sizes) capped at the size
    the 主题 of a greater one came out in (shrunk to fit its block's width), so that sizes
    never grow as rank drops; None when no size needs it."""
    span = {id(b.part): b.span for b in blocks if b.part is not None}
    shaped = {id(b.part): b.shape.set_size for b in blocks if b.part is not None and b.shape and b.shape.set_size}
    out, ceiling, changed = [], None, False
    for given in parts:
        part, width = given, span.get(id(given))
        if rank_sized(part) and width:
            if ceiling is not None and part.headline_size > ceiling + 0.01:
                part = replace(part, headline_size=ceiling)
                changed = True
            head = planner.headline(part, planner.inner_width(part, width), part.headline_size)
            # the size it came out in (a lesser head a step smaller: Planner.lesser_heads)
            sizes = [x for x in (head[2] if head else None, shaped.get(id(given))) if x]
            if sizes:
                ceiling = min(sizes) if ceiling is None else min(ceiling, *sizes)
        out.append(part)
    return out if changed else None


def solutions(planner: Planner, parts: list[Part], columns: int, rows: int,
              fixed: list[Block], keep: int = 1, lead_over: bool = False,
              lead_largest: bool = False, steps: Steps | None = None, together: bool = False,
              other_bands: bool = False, exacts: tuple[bool, ...] = (True, False)) -> list[Solution]:
    """Up to `keep` makeups, best first, each a different arrangement of the stories:
    stacks over the whole page, else stacks above a band across the page's foot (通栏:
    a story as wide as the page); with lead_over, the lead over sub-stacks instead
    (nested_solutions); exact before a few lines short. lead_largest: only makeups whose
    lead is the largest block. steps: what the page's searches have left to spend; exacts:
    which searches (exact shapes, shapes whose last column may end short). together: only
    makeups with the briefs kept together. other_bands: only the stack layouts above a band
    past the first BAND_LAYOUTS (a tall one-column stack, 3 + 3, 2 + 2 + 2)."""
    narrow = {w for w in range(1, columns + 1)
              if any(planner.fits(p, w) for p in parts)}     # widths some part can take
    layouts = [s for s in stack_layouts(columns) if set(s) <= narrow]
    for exact in (True,) if lead_largest or other_bands else exacts:
        found = []
        if lead_over:
            if not fixed and len(parts) > 2:
                from layout.makeup.nested import nested_solutions
                found = nested_solutions(planner, parts, columns, rows, exact, keep, narrow, lead_largest, steps)
            layouts = []
        for stacks in [] if other_bands else layouts:
            found += _solve_slots(planner, parts, slots_for(stacks, rows, fixed), fixed, exact, keep,
                                  stacks, 0.1 * len(stacks), lead_largest=lead_largest, steps=steps,
                                  together=together)
        if not found and not fixed and len(parts) > 2 and not lead_over:
            for band in _band_heights(planner, parts, columns, rows, exact):
                for stacks in layouts[BAND_LAYOUTS:] if other_bands else layouts[:BAND_LAYOUTS]:
                    if len(stacks) == 1:
                        continue
                    slots = slots_for(stacks, rows - band, []) + [Slot(1, columns, rows - band + 1, band)]
                    found += _solve_slots(planner, parts, slots, fixed, exact, keep, stacks,
                                          0.1 * len(stacks) + BAND_COST, lead_largest=lead_largest,
                                          steps=steps, together=together)
                if len(found) >= keep:
                    break
        if found:
            found.sort(key=lambda s: s.score)
            return found[:keep]
    return []


BAND_LAYOUTS = 4        # stack layouts tried above a band (the others only as a last resort: solve)
BAND_COST = 1.0         # a page with a 通栏 band is fine, but plain stacks are simpler


def _band_heights(planner: Planner, parts: list[Part], columns: int, rows: int, exact: bool) -> list[int]:
    """Heights a band across the page's foot can have: those of the lower-ranked stories
    set across the whole width, up to half the page."""
    heights = set()
    for part in parts[-3:]:
        heights |= {h for h in planner.menu(part, columns, rows, exact) if h <= rows // 2}
    return sorted(heights)


def _solve_slots(planner, parts, slots, fixed, exact, keep, stacks, penalty, slack=0.0,
                 lead_largest=False, steps=None, together=False) -> list[Solution]:
    return solutions_of(searched(planner, parts, slots, fixed, exact, keep, slack, lead_largest=lead_largest,
                                 together=together,
                                 steps=steps), parts, stacks, penalty)


SOLVER_TIME = 0.25       # the solver's deterministic time (work counted, not seconds) a page's models share
SEARCH_STEPS = 800_000    # search steps solve()'s searches share: the stacks', the free cut's (guillotine.py)
                          # (bench/makeup_quality's pages exact by a search spend at most 0.74 M)
FALLBACK_STEPS = 200_000  # and the fallback's (a page with no exact makeup is still set well)
# all of a page's search work, counted (so deterministic): the searches', the solver's (its models
# and deterministic time in steps, solver.SOLVER_STEPS a unit; a last solve may end IMPROVE_TIME over)
# and the fallback's
PAGE_STEPS = SEARCH_STEPS + round(SOLVER_TIME * 6_000_000) + FALLBACK_STEPS


@dataclass
class Steps:
    """The search steps a page's makeup has left (`left`), shared by its searches: each
    charges what it spends (`spent`), so the page's search work is bounded (PAGE_STEPS, and
    lead_bound.LEAD_STEPS more, a budget of its own, when the lead must be made the largest)
    whatever its stories. The solver has a share of its own (`solver`, in its deterministic
    time: what it spends is charged to `left` too), the fallback too (`kept`, released to it)."""
    left: int = SEARCH_STEPS
    solver: float = SOLVER_TIME     # the solver's deterministic time left (solver.py)
    kept: int = FALLBACK_STEPS
    spent: int = 0                  # steps charged so far

    def charge(self, steps: int) -> None:
        self.left -= steps
        self.spent += steps

    def for_fallback(self) -> "Steps":
        """These steps with the fallback's share released to it (what solve's searches
        left, if anything, and its own)."""
        self.left, self.kept = max(0, self.left) + self.kept, 0
        return self


def searched(planner, parts, slots, fixed, exact, keep, slack=0.0, budget: int | None = None,
             lead_largest: bool = False, steps: Steps | None = None, together: bool = False):
    """The search of the parts into the slots, run (its steps in .nodes), within `budget`
    steps when given (else its own) and what `steps` has left; None when there are more
    slots than parts or no steps are left."""
    if not slots or len(slots) > len(parts) or (steps is not None and steps.left <= 0):
        return None
    if steps is not None:
        budget = steps.left if budget is None else min(budget, steps.left)
    from layout.makeup.search_memo import MemoSearch     # the same search, dead ends remembered

    search = MemoSearch(planner, parts, slots, fixed, exact, keep, slack, lead_largest, together)
    if budget is not None:
        search.budget = min(search.budget, budget)
    search.run()
    if steps is not None:
        steps.charge(search.nodes + 1)
    return search


def solutions_of(search, parts, stacks, penalty) -> list[Solution]:
    """The makeups a search found (its best, or the best of each arrangement it kept)."""
    if search is None or search.best is None:
        return []
    best = search.best[1]
    options = search.arrangements.values() if search.keep > 1 else [(_score(best, parts, search.gutter), best)]
    return [Solution(tuple(b), stacks, score + penalty) for score, b in options]


def fallback(planner: Planner, parts: list[Part], columns: int, rows: int,
             fixed: list[Block], steps: Steps | None = None) -> tuple[list[Part], list[Block]]:
    """(parts, blocks) when no makeup fills the page: `_fallback_blocks`, made once more
    with the lesser headlines capped (capped_sizes) when a greater one came out smaller,
    as `solve` does; the parts returned are the ones the blocks were made of. steps: what
    the page's searches have left (solve's), the fallback's share released to it."""
    steps = (steps or Steps()).for_fallback()
    blocks = _fallback_blocks(planner, parts, columns, rows, fixed, steps)
    capped = capped_sizes(planner, parts, blocks)
    if capped is None:
        return parts, blocks
    return capped, _fallback_blocks(planner, capped, columns, rows, fixed, steps)


def _fallback_blocks(planner: Planner, parts: list[Part], columns: int, rows: int,
                     fixed: list[Block], steps: Steps) -> list[Block]:
    """When no makeup fills the page: every part still placed (never dropped), by the same
    search and rules as an exact makeup (lead top-left, no 碰题, every headline as wide as
    its block and fitting it) over elastic shapes (Planner.elastic: a body may be cut
    short or end early, at a cost per line), so the page is covered and the overset is as
    small as the search finds; the block that cannot hold its text reports it. Only when
    even that finds nothing: `_stacked_fallback`."""
    narrow = {w for w in range(1, columns + 1) if any(planner.fits(p, w) for p in parts)}
    layouts = [s for s in stack_layouts(columns) if set(s) <= narrow and len(s) > 1 or s == (columns,)]
    layouts = layouts[:ELASTIC_LAYOUTS]
    for slack in SLACKS:
        found: list[Solution] = []
        for stacks in layouts:
            found += _solve_slots(planner, parts, slots_for(stacks, rows, fixed), fixed, None, ELASTIC_KEEP,
                                  stacks, 0.1 * len(stacks), slack, steps=steps)
        if found:      # the conventions kept before the least overset
            return list(min(found, key=lambda s: (_briefs_apart([b for b in s.blocks if b.part]) > 0,
                                                  s.score)).blocks)
    return _stacked_fallback(planner, parts, columns, rows, fixed)


def _stacked_fallback(planner: Planner, parts: list[Part], columns: int, rows: int,
                      fixed: list[Block]) -> list[Block]:
    """The last resort: every part still placed (never dropped) and inside
    the page. Parts go in rank order to the stack with the most room left (by area);
    each stack's blocks are then given heights in proportion to what they need, at least
    their headline and a few lines, so the stack ends at the page foot; what a block
    cannot hold is reported as its overflow like any other."""
    stacks = (columns - columns // 3, columns // 3) if columns >= 3 else (columns,)
    slots = slots_for(stacks, rows, fixed) or slots_for((columns,), rows, fixed) or []
    if not slots:
        return []
    need = {}
    groups: list[list[Part]] = [[] for _ in slots]
    room = [s.rows for s in slots]
    for part in parts:
        able = [k for k in range(len(slots)) if planner.fits(part, slots[k].span)] or list(range(len(slots)))
        j = max(able, key=lambda k: (room[k] * slots[k].span, -k))
        menu = planner.menu(part, slots[j].span, rows, exact=False)
        need[id(part)] = min(menu, key=lambda r: (menu[r].cost, -r)) if menu else 6
        groups[j].append(part)
        room[j] -= need[id(part)]
    out = []
    for s, group in zip(slots, groups):
        if not group:
            continue
        menus = [planner.elastic(p, s.span, rows) for p in group]
        want = [max(4, need[id(p)]) for p in group]
        floor = [min(m) if m else 4 for m in menus]        # at least the headline and a few lines
        heights = _share(want, floor, s.rows)
        row = s.top
        for part, menu, h in zip(group, menus, heights):
            shape = menu.get(h) or Shape(span=s.span, rows=h, headline_size=part.headline_size)   # its rank's size
            out.append(Block(s.col, s.span, row, h, shape.head_rows if shape else 0,
                             is_separator(part), part, shape))
            row += h
    return out


def _share(want: list[int], floor: list[int], total: int) -> list[int]:
    """Whole heights adding up to total: each its floor first (when they all fit), the
    rest in proportion to what each wants beyond it."""
    if sum(floor) > total:
        floor = [1] * len(want)
    if total < len(want):
        return [1] * total + [0] * (len(want) - total)
    heights = list(floor)
    extra = [max(0, w - f) for w, f in zip(want, floor)]
    room = total - sum(heights)
    if sum(extra):
        for i, e in enumerate(extra):
            heights[i] += int(room * e / sum(extra)) if sum(extra) > room else e
    i = 0
    while sum(heights) < total:
        heights[i % len(heights)] += 1
        i += 1
    while sum(heights) > total:
        k = max(range(len(heights)), key=lambda x: heights[x] - floor[x])
        heights[k] -= 1
    return heights


# ---------------------------------------------------------------- around the search

RANK_STEPS = (0, 4, 6, 6, 8)     # 主题 size below the style's, by rank (then the last step)
SEPARATE_KINDS = ("commentary", "verse")    # their headlines have styles of their own


def rank_sized(part: Part) -> bool:
    """A story whose headline is sized by its rank: not a continuation, not of a kind with
    a headline style of its own, not sized by the editor."""
    return part.article.kind not in SEPARATE_KINDS and part.start is None and not part.article.headline_size


def rank_headline_sizes(paper, parts: list[Part]) -> list[Part]:
    """Headline sizes that never grow as rank drops: the lead at the headline style's
    size, each later story a step smaller, never below the style's smallest size.
    Sizes the editor gave (headline_size) are kept."""
    style = paper.styles["headline"]
    out, k = [], 0
    for part in parts:
        if not rank_sized(part):
            out.append(part)
            continue
        step = RANK_STEPS[min(k, len(RANK_STEPS) - 1)]
        size = max(style.min_size_pt or 0.0, style.size_pt - step)
        out.append(replace(part, headline_size=size))
        k += 1
    return out


def pressed(parts: list[Part]) -> list[Part]:
    """The parts under page pressure: every story sized by rank but the first (the lead)
    may have its head block on fewer rows or its 主题 a step smaller (Planner.lesser_heads)."""
    out, lead = [], True
    for part in parts:
        if rank_sized(part):
            part = part if lead else replace(part, lesser=True)
            lead = False
        out.append(part)
    return out


def fixed_block(planner: Planner, grid, article, place) -> Block:
    """A hand-placed block as the search sees it: fixed, with its headline rows."""
    part = Part(article)
    head = planner.headline(part, planner.inner_width(part, place.span), article.headline_size)
    rows = place.rows or 1
    return Block(place.column, place.span, place.row, rows, head[1] if head else 0,
                 is_separator(part))


def no_fit(planner: Planner, parts: list[Part], grid, rows: int, blocks: list[Block], page: int,
           later: tuple[int, ...] = (), room: dict[int, int] | None = None) -> list:
    """Why a page has no exact makeup, in words an editor can act on, measured on the
    blocks the fallback gave the stories: each story whose text does not fit (page-overfull:
    by how many lines and ≈ characters, and the nearest ways out: cut ≈ N 字, a smaller
    photo, continue it on page K, move it to page K), else the lines left empty and where
    (page-underfull). `later`: the pages after this one (where a story can go on); `room`:
    page -> free body line slots (6-column lines) other pages have, by the planner."""
    from layout.base.diagnostics import error

    out, empty, worst_empty = [], 0, None
    for b in blocks:
        part = b.part
        shape = b.shape or planner.elastic(part, b.span, rows).get(b.rows)
        if shape is None:
            out.append(error("no-fit", part.article.pos, article=part.id, page=page))
            continue
        b = replace(b, shape=shape)
        body, cpl = _body_measure(planner, part, b.shape)
        cap = b.shape.body_slots(body)
        lines = _body_lines(planner, part, b.shape)
        if lines > cap and not part.jump_to:
            over = lines - cap
            out.append(error("page-overfull", part.article.pos, page=page, article=part.id, lines=over,
                             chars=over * cpl, ways=_ways_out(planner, part, b, over, cpl, body, later, room)))
        elif cap > lines:
            empty += cap - lines
            if worst_empty is None or cap - lines > worst_empty[1]:
                worst_empty = (part, cap - lines, cpl)
    if not out and (empty or len(blocks) < len(parts)):     # (a fallback that fills the page exactly: nothing)
        part, n, cpl = worst_empty or (parts[0], 1, grid.chars_per_column)
        out.append(error("page-underfull", parts[0].article.pos, page=page, lines=max(1, empty),
                         chars=max(1, empty) * cpl, article=part.id))
    return out


def _body_measure(planner: Planner, part: Part, shape: Shape) -> tuple[int, int]:
    """(body columns, characters a body line holds) of the part in this shape."""
    from layout.makeup.blocks import body_column_count, body_role, columns_of
    from layout.makeup.model import Rect

    width = planner.inner_width(part, shape.span)
    cols = shape.body_cols or body_column_count(planner.grid, part.article, width)
    size = planner.ts.size(body_role(part.article))
    measure = columns_of(planner.grid, Rect(0, 0, width, 0), cols, size)[0][1]
    return cols, max(1, round(measure / size))


def _body_lines(planner: Planner, part: Part, shape: Shape) -> int:
    """Body lines the part's text takes in this shape (its looseness counted)."""
    from layout.makeup.blocks import body_role, columns_of
    from layout.makeup.model import Rect

    width = planner.inner_width(part, shape.span)
    cols, _ = _body_measure(planner, part, shape)
    measure = columns_of(planner.grid, Rect(0, 0, width, 0), cols, planner.ts.size(body_role(part.article)))[0][1]
    return planner.paragraphs(part, measure, 0)[0] + sum(shape.looseness)


def _ways_out(planner, part: Part, b: Block, over: int, cpl: int, body: int,
              later: tuple[int, ...], room: dict[int, int] | None) -> tuple:
    """The nearest ways out for a story `over` body lines too long, as phrases."""
    from layout.base.catalogue import Phrase

    ways = [Phrase("way.cut", chars=over * cpl)]
    if part.article.photo and part.start is None and b.shape.photo_rows > 4:
        need_rows = -(-over // body)            # whole rows the block must give its body
        rows = max(4, b.shape.photo_rows - need_rows)
        ways.append(Phrase("way.photo", rows=rows, now=b.shape.photo_rows,
                           chars=min(over, (b.shape.photo_rows - rows) * body) * cpl))
    if later and not part.jump_to and part.start is None:
        ways.append(Phrase("way.continue", page=later[0]))
    area = b.span * b.rows
    homes = sorted(p for p, free in (room or {}).items() if free >= area)
    if homes:
        ways.append(Phrase("way.move", page=homes[0]))
    return tuple(ways)


def free_lines(planner: Planner, articles, rows: int) -> int:
    """Body line slots (of the grid's columns) a page of these articles leaves free, by
    the planner: each article at two columns in its cheapest shape (a rough figure, for
    naming a page a story may move to)."""
    need = 0
    for art in articles:
        part = Part(art)
        span = next((w for w in range(2, planner.grid.columns + 1) if planner.fits(part, w)), 0)
        menu = planner.menu(part, span, rows * 4, exact=False) if span else {}
        need += span * min(menu, key=lambda h: (menu[h].cost, h)) if menu else rows * planner.grid.columns
    return rows * planner.grid.columns - need


def short_page(planner: Planner, parts: list[Part], grid, blocks, page: int) -> list:
    """A makeup found only with a few body lines left empty (no exact one): a warning
    saying how many and where (page-underfull), nothing when every block is full."""
    from layout.base.diagnostics import warning

    empty, worst = empty_lines(planner, blocks)
    if not worst:
        return []
    return [warning("page-underfull", parts[0].article.pos, page=page, lines=empty, chars=empty * worst[2],
                    article=worst[0].id)]


def empty_lines(planner: Planner, blocks) -> tuple[int, tuple | None]:
    """(empty body lines in the blocks, (part, lines, characters a line holds) of the block
    with the most)."""
    empty, worst = 0, None
    for b in blocks:
        if b.part is None or b.shape is None or b.part.jump_to:
            continue
        cols, cpl = _body_measure(planner, b.part, b.shape)
        n = b.shape.body_slots(cols) - _body_lines(planner, b.part, b.shape)
        if n > 0:
            empty += n
            if worst is None or n > worst[1]:
                worst = (b.part, n, cpl)
    return empty, worst
