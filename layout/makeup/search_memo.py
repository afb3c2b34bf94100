"""The makeup search with its dead ends remembered (the fast path of auto._Search).

The plain search reaches the same state — slot j still to fill with the same parts left —
by many roads (a slot's groups {0, 3} then {1, 2} leave what {0, 1} then {2, 3} leave),
and explores it again each time. What happens below such a state depends on the state
alone, except for the limits (steps, groupings), which only ever grow. So a state whose
whole exploration made no grouping (a dead end) is remembered with the steps it counted,
and when it comes up again with room enough in the budget, those steps are counted and
nothing else is done: the same groupings are tried in the same order with the same step
counts as the plain search, so the result is the same (tests/makeup/test_search_memo.py).
"""
from __future__ import annotations

from layout.makeup.auto import MAX_ASSIGNMENTS, NODE_BUDGET, _Search


class MemoSearch(_Search):
    """auto._Search, each dead end explored once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._dead: dict = {}       # (slot, parts left) -> steps its whole exploration counted

    def _assign(self, j: int, left: list[int], groups: list[list[int]]) -> None:
        budget = getattr(self, "budget", NODE_BUDGET)      # the search's own step budget, if it has one
        if self.assignments >= MAX_ASSIGNMENTS or self.nodes > budget:
            return                  # as the plain search: nothing more happens
        key = (j, tuple(left))
        dead = self._dead.get(key)
        if dead is not None and self.nodes + dead <= budget:
            self.nodes += dead      # the plain search would count these steps and find nothing
            return
        nodes, assignments = self.nodes, self.assignments
        super()._assign(j, left, groups)
        if self.assignments == assignments and self.nodes <= budget:   # explored whole, found nothing
            self._dead[key] = self.nodes - nodes
