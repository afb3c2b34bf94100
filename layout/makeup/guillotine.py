"""Any guillotine cut of the page, for pages of few stories (FEW_PARTS or fewer, nothing
placed by hand), when stacks, stacks above a band and the lead over sub-stacks leave it
not exactly full.

With four to seven blocks those few layouts have few ways to make heights add up; a 美编
cuts the page wherever the stories fit: the lead across the top with stacks under it,
two tiers of stacks, a band across the middle, a column beside two tiers. Every such page
is a guillotine: an area is one block, or cut across into a top and a bottom part, or
down into a left and a right one, each cut again. Which heights an area w columns wide
can be filled to by a set of the stories is a bitset (`heights`: the union over the cuts
of sums of heights for a cut across, of common heights for a cut down), memoised per
(form, width, set), so what cannot fill the page is never explored. The makeups that can
are then enumerated (`_tilings`, each cut once in one canonical form: the top part of a
cut across is not itself cut across, the left part of a cut down not cut down), the lead
in the top-left corner, within a counted step budget; those with 碰题 are dropped and the
rest scored as every makeup is (auto._score), the lead the largest block first.

`lead_largest_cuts` keeps only makeups whose lead is the largest block (a rule): with the
lead restricted to shapes of one area (largest first) and every other story to shapes no
larger, the same bitsets say at once whether any cut fills the page; runs of the lead's
areas are tried together first (the lead's areas and the others' cap widened) and halved
only where they fill it. So when it finds none within its steps, no guillotine makeup has
the lead the largest without 碰题 (a proof).
"""
from __future__ import annotations

from bisect import bisect_right

from layout.makeup.auto import Block, Solution, _briefs_apart, _score, _shift_or, block_area, gutter_ratio, \
    is_separator, lead_not_largest
from layout.makeup.plan import Part, Planner

FEW_PARTS = 7              # pages of at most this many stories are cut freely
FREE_PARTS = 6             # and of at most this many, with freer shapes too (Part.free: on 7 they fill
                           # no page more of the benchmark's 200, and their menus cost time)
GUILLOTINE_STEPS = 150000  # enumeration steps (areas filled) a page's guillotine search may take
GUILLOTINE_COST = 1.5      # a freely cut page is fine, but stacks are simpler
LEAD_CUTS = 200           # makeups without 碰题 lead_largest_cuts scores at the lead's largest area that has one
LEAF, DOWN, ACROSS = 1, 2, 4     # an area's forms: one block, cut down, cut across


class Guillotine:
    """The guillotine makeups of the parts on a page `columns` wide, `rows` high."""

    def __init__(self, planner: Planner, parts: list[Part], columns: int, rows: int, exact: bool = True,
                 menu_rows: int | None = None):
        self.planner, self.parts, self.columns, self.rows = planner, parts, columns, rows
        self.limit = (1 << (rows + 1)) - 1
        # (menu_rows: the menus of a taller area, cut to these rows: the same shapes, made once for a page)
        self.menus = [[_capped(planner.menu(p, w, menu_rows or rows, exact), rows) if planner.fits(p, w) else {}
                       for w in range(columns + 1)] for p in parts]
        self.seps = [is_separator(p) for p in parts]
        self._memo: dict = {}
        self.steps = 0             # areas enumerated (_tilings: within the budget)
        self.filled = 0            # and the work of the heights bitsets (charged to the page's steps too)

    def heights(self, forms: int, w: int, s: int) -> int:
        """Bitset of the heights an area w columns wide is filled to exactly by the parts in
        the set s (a bitset of their indices), its root cut in one of `forms`."""
        key = (forms, w, s)
        have = self._memo.get(key)
        if have is not None:
            return have
        out = 0
        self.filled += 1
        if forms & LEAF and s & (s - 1) == 0:
            out |= sum(1 << h for h in self.menus[s.bit_length() - 1][w])
        if s & (s - 1):
            for a, b in _splits(s):
                if forms & ACROSS:     # a on top (not itself cut across), b under it
                    top = self.heights(LEAF | DOWN, w, a)
                    if top:
                        out |= _shift_or(self.heights(LEAF | DOWN | ACROSS, w, b), top) & self.limit
                if forms & DOWN:       # a on the left (not itself cut down), b on its right
                    self.filled += w
                    for left in range(1, w):
                        out |= self.heights(LEAF | ACROSS, left, a) & self.heights(LEAF | DOWN | ACROSS, w - left, b)
        self._memo[key] = out
        return out

    def makeups(self, budget: int = GUILLOTINE_STEPS):
        """Every makeup of the whole page (lists of Blocks), the lead top-left, until the
        budget's steps are spent."""
        self.budget = budget
        everyone = (1 << len(self.parts)) - 1
        if self.heights(LEAF | DOWN | ACROSS, self.columns, everyone) >> self.rows & 1:
            yield from self._tilings(LEAF | DOWN | ACROSS, self.columns, everyone, self.rows, 1, 1, True)

    def _tilings(self, forms: int, w: int, s: int, h: int, col: int, row: int, corner: bool):
        """The ways the parts s fill the area w × h at (col, row) in `forms`; the area in the
        page's corner holds the lead (part 0) in its own corner. What a way is, and which are
        kept, is _leaf's and _joined's (a subclass may cut a part of the page off there)."""
        self.steps += 1
        if self.steps > self.budget or not self.heights(forms, w, s) >> h & 1 or (corner and not s & 1):
            return
        if s & (s - 1) == 0:
            k = s.bit_length() - 1
            if forms & LEAF and h in self.menus[k][w]:
                leaf = self._leaf(k, w, h, col, row)
                if leaf is not None:
                    yield leaf
            return
        for a, b in _splits(s):
            if corner and not a & 1:     # the lead is in the first part (top or left)
                continue
            if forms & ACROSS:
                top_forms, bottom = LEAF | DOWN, self.heights(LEAF | DOWN | ACROSS, w, b)
                tops = self.heights(top_forms, w, a)
                for t in range(1, h):
                    if tops >> t & 1 and bottom >> (h - t) & 1:
                        for upper in self._tilings(top_forms, w, a, t, col, row, corner):
                            for lower in self._tilings(LEAF | DOWN | ACROSS, w, b, h - t, col, row + t, False):
                                both = self._joined(upper, lower, False)
                                if both is not None:
                                    yield both
                                if self._spent():
                                    return
            if forms & DOWN:
                for left in range(1, w):
                    if self.heights(LEAF | ACROSS, left, a) >> h & 1 and \
                            self.heights(LEAF | DOWN | ACROSS, w - left, b) >> h & 1:
                        for lhs in self._tilings(LEAF | ACROSS, left, a, h, col, row, corner):
                            for rhs in self._tilings(LEAF | DOWN | ACROSS, w - left, b, h, col + left, row, False):
                                both = self._joined(lhs, rhs, True)
                                if both is not None:
                                    yield both
                                if self._spent():
                                    return

    def _leaf(self, k: int, w: int, h: int, col: int, row: int):
        """Part k alone in the area w × h at (col, row): its block."""
        shape = self.menus[k][w][h]
        return [Block(col, w, row, h, shape.head_rows, self.seps[k], self.parts[k], shape)]

    def _joined(self, first, second, down: bool):
        """Two ways of two parts of an area, one over the other or (down) side by side: one."""
        return first + second

    def _spent(self) -> bool:
        """Whether a search that stops at its budget stops here (this one lets its generators
        run out: the steps it counts are those it always counted)."""
        return False


def _capped(menu: dict, rows: int) -> dict:
    """The menu's shapes no taller than rows."""
    return menu if max(menu, default=0) <= rows else {h: shape for h, shape in menu.items() if h <= rows}


def _splits(s: int):
    """The ordered pairs (a, b) of non-empty sets making up s."""
    a = (s - 1) & s
    while a:
        yield a, s ^ a
        a = (a - 1) & s


def clash(blocks: list[Block]) -> bool:
    """碰题: two blocks side by side, neither a separator, with headlines on a common row."""
    for a in blocks:
        if a.separator:
            continue
        for b in blocks:
            if b.separator or a.col + a.span != b.col:
                continue
            if a.row < b.row + b.head_rows and b.row < a.row + a.head_rows:
                return True
    return False


def guillotine_solutions(planner: Planner, parts: list[Part], columns: int, rows: int, keep: int = 1,
                         steps=None) -> list[Solution]:
    """Up to `keep` exact guillotine makeups of a page of few stories, best first: those
    whose lead is the largest block before the others, then by score; [] when the page
    has too many stories or none is found within the steps (auto.Steps: what the page's
    searches have left, charged with the steps spent)."""
    if not 2 < len(parts) <= FEW_PARTS or (steps is not None and steps.left <= 0):
        return []
    budget = GUILLOTINE_STEPS if steps is None else min(GUILLOTINE_STEPS, steps.left)
    cut = Guillotine(planner, parts, columns, rows)
    gutter = gutter_ratio(planner)
    best: dict = {}
    for blocks in cut.makeups(budget):
        if clash(blocks):
            continue
        key = _key(blocks, parts, gutter, _score(blocks, parts, gutter) + GUILLOTINE_COST)
        sig = _placement(blocks)
        if sig not in best or key < best[sig][0]:
            best[sig] = (key, blocks)
    if steps is not None:
        steps.charge(cut.steps + cut.filled)
    ranked = sorted(best.values(), key=lambda kb: kb[0])[:keep]
    return [Solution(tuple(blocks), (columns,), key[2]) for key, blocks in ranked]


def _key(blocks, parts: list[Part], gutter: float, score: float) -> tuple[bool, bool, float]:
    """How a makeup ranks: the lead not the largest block, then the briefs apart (rules
    where the copy allows), then its score."""
    return lead_not_largest(blocks, parts, gutter) > 0, _briefs_apart(list(blocks)) > 0, score


def _placement(blocks) -> tuple:
    """Which story stands where (column, span): makeups alike in it are one, the best kept."""
    return tuple(sorted((b.col, b.span, id(b.part)) for b in blocks))


def ruled_key(planner: Planner, parts: list[Part], solution: Solution) -> tuple[bool, bool, float]:
    """_key of a solution found for these parts."""
    return _key(solution.blocks, parts, gutter_ratio(planner), solution.score)


def lead_largest_cuts(planner: Planner, parts: list[Part], columns: int, rows: int, keep: int = 1,
                      steps=None) -> tuple[list[Solution], bool]:
    """(up to `keep` exact guillotine makeups whose lead is the largest block, best first;
    whether every cut was searched: with none found, no guillotine makeup of these parts has
    the lead the largest without 碰题). The lead's areas are tried largest first; the first
    that gives a makeup wins. Steps (areas filled, heights computed) are charged to `steps`."""
    if not 2 < len(parts) <= FEW_PARTS or (steps is not None and steps.left <= 0):
        return [], False
    budget = GUILLOTINE_STEPS if steps is None else min(GUILLOTINE_STEPS, steps.left)
    cut = Guillotine(planner, parts, columns, rows)
    g = gutter_ratio(planner)
    menus = cut.menus
    area = [[{h: block_area(w, h, g) for h in m} for w, m in enumerate(pm)] for pm in menus]
    least = [min((a for m in pa for a in m.values()), default=float("inf")) for pa in area[1:]]
    others = sorted({a for pa in area[1:] for m in pa for a in m.values()})
    page, cells = block_area(columns, rows, g), columns * rows    # the blocks' areas add up to between these
    runs = []
    for lo, hi in _lead_areas(sorted({a for m in area[0] for a in m.values()}, reverse=True), others):
        if hi < max(least):        # some story's least is larger (so for every smaller area too)
            break
        most = sum(max((a for m in pa for a in m.values() if a <= lo), default=0.0) for pa in area[1:])
        if lo + sum(least) <= page + 1e-9 and hi + most >= cells - 1e-9:   # the areas can add up to the page's
            runs.append((lo, hi))
    best: dict = {}

    def fills(lo: float, hi: float, cap: float) -> bool:
        """The lead of an area in [lo, hi] and every other story no larger than cap fill the page."""
        cut.menus = [[{h: s for h, s in m.items() if (lo <= area[k][w][h] <= hi if k == 0 else area[k][w][h] <= cap)}
                      for w, m in enumerate(pm)] for k, pm in enumerate(menus)]
        cut._memo = {}
        ok = cut.heights(LEAF | DOWN | ACROSS, columns, (1 << len(parts)) - 1) >> rows & 1
        cut.steps += len(cut._memo)          # the heights it computed
        return bool(ok)

    def search(i: int, j: int) -> None:
        """Runs i..j (largest lead first): all at once (a run's makeups are another's with the
        lead's area and the others' cap widened), halved where that fills the page."""
        if best or cut.steps > budget or not fills(runs[j][0], runs[i][1], runs[i][0]):
            return
        if i < j:
            search(i, (i + j) // 2)
            search((i + j) // 2 + 1, j)
            return
        kept = 0
        for blocks in cut.makeups(budget):
            if not clash(blocks):
                sig = _placement(blocks)
                key = (_briefs_apart(list(blocks)) > 0, _score(blocks, parts, g) + GUILLOTINE_COST)
                if sig not in best or key < best[sig][0]:
                    best[sig] = (key, blocks)
                kept += 1
                if kept >= LEAD_CUTS:
                    break

    if runs:
        search(0, len(runs) - 1)
    whole = cut.steps <= budget
    if steps is not None:
        steps.charge(cut.steps + cut.filled)
    ranked = sorted(best.values(), key=lambda kb: kb[0])[:keep]
    return [Solution(tuple(blocks), (columns,), key[1]) for key, blocks in ranked], whole and not best


def _lead_areas(leads: list[float], others: list[float]):
    """The lead's areas (largest first) in runs (lo, hi) with no other story's area in
    (lo, hi]: for a lead of any area in a run, the others' shapes no larger are the same
    (those up to lo)."""
    i = 0
    while i < len(leads):
        j = i
        while j + 1 < len(leads) and not _between(others, leads[j + 1], leads[i]):
            j += 1
        yield leads[j], leads[i]
        i = j + 1


def _between(values: list[float], lo: float, hi: float) -> bool:
    """Some value v of the sorted list with lo < v <= hi."""
    k = bisect_right(values, lo)
    return k < len(values) and values[k] <= hi
