"""The makeup search with its dead ends remembered (the fast path of auto._Search).

The plain search reaches the same state — slot j still to fill with the same parts left —
by many roads (a slot's groups {0, 3} then {1, 2} leave what {0, 1} then {2, 3} leave),
and explores it again each time. What happens below such a state depends on the state
alone, except for the limits (steps, groupings), which only ever grow. So a state whose
whole exploration made no grouping (a dead end) is remembered with the steps it counted,
and when it comes up again with room enough in the budget, those steps are counted and
nothing else is done. Likewise the groups that fill a slot: the plain search decides the
parts left in order (in the group or not), and below a part the groups and steps depend
only on the parts still to decide and the sums of heights reached, so those subtrees are
remembered. The same groupings are tried in the same order with the same step counts as
the plain search, so the result is the same (tests/makeup/test_search_memo.py).
"""
from __future__ import annotations

from layout.makeup.auto import MAX_ASSIGNMENTS, MAX_GROUPS, _Search, _shift_or


class MemoSearch(_Search):
    """auto._Search, each dead end and each subtree of a slot's groups explored once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._dead: dict = {}       # (slot, parts left) -> steps its whole exploration counted
        self._trees: dict = {}      # (slot, parts still to decide, sums reached, must) -> (steps, groups)

    def _assign(self, j: int, left: list[int], groups: list[list[int]]) -> None:
        budget = self.budget
        if self.assignments >= MAX_ASSIGNMENTS or self.nodes > budget:
            return                  # as the plain search: nothing more happens
        key = (j, tuple(left), self.open_key(j, groups))
        dead = self._dead.get(key)
        if dead is not None and self.nodes + dead <= budget:
            self.nodes += dead      # the plain search would count these steps and find nothing
            return
        nodes, assignments = self.nodes, self.assignments
        super()._assign(j, left, groups)
        if self.assignments == assignments and self.nodes <= budget:   # explored whole, found nothing
            self._dead[key] = self.nodes - nodes

    def _subsets(self, left: list[int], j: int, must: int | None):
        """The plain search's groups for slot j, in its order, with its steps counted, from
        the remembered subtrees of (parts still to decide, sums reached); the plain search
        itself when it would stop short (the budget, MAX_GROUPS)."""
        if any(a >= b for a, b in zip(left, left[1:])):
            return super()._subsets(left, j, must)      # only parts in rank order are keyed by their set
        suffix = [0] * (len(left) + 1)          # left[i:] as a bitset
        for i in range(len(left) - 1, -1, -1):
            suffix[i] = suffix[i + 1] | 1 << left[i]
        calls, found = self._tree(j, left, suffix, must, 0, 1)
        if self.nodes + calls <= self.budget and len(found) < MAX_GROUPS:
            self.nodes += calls
            return [list(g) for g in found]
        return super()._subsets(left, j, must)

    def _tree(self, j: int, left: list[int], suffix: list[int], must, i: int, acc: int):
        """(steps, groups) of the plain search's subtree at left[i] with the sums acc
        reached: the same whatever was chosen before (a group is found where acc reaches
        the slot's rows, which takes a part chosen)."""
        k = left[i] if i < len(left) else -1
        key = (j, suffix[i], acc, k == must)
        hit = self._trees.get(key)
        if hit is not None:
            return hit
        rows = self.slots[j].rows
        calls, found = 1, [()] if acc >> rows & 1 else []
        if k >= 0:
            nxt = _shift_or(acc, self.masks[k][j]) & ((1 << (rows + 1)) - 1)
            if nxt:
                c, more = self._tree(j, left, suffix, must, i + 1, nxt)
                calls += c
                found += [(k,) + g for g in more]
            if k != must:
                c, more = self._tree(j, left, suffix, must, i + 1, acc)
                calls += c
                found += more
        self._trees[key] = out = (calls, found)
        return out
