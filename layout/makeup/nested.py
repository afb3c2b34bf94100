"""Lead over sub-stacks (nested guillotines), for pages the plain stacks cannot fill.

The 头条 spans w columns at the top-left, h rows high; under it its w columns are cut
into sub-stacks (栏组 side by side), and the columns on its right into stacks of their
own (the L shape; none when the lead spans the page: 通栏头条). h is one of the lead's
exact heights at w (Planner.menu, cheapest first), so what lies under it follows from it.
The lead opens its own slot (the search puts the first part in the first slot), then
the slots go in 区序: the stacks on the lead's right (上右) before the sub-stacks under
it, those from the right (下右 > 下左). The same search as for plain stacks fills them,
with all its rules.

Stacks whose tops stand side by side start with headlines in the same rows unless a
boxed block separates them (no 碰题): a layout needing more boxes than the page has is
not tried (its tops: the right stacks beside the lead, the sub-stacks beside each
other). With the usual one box a page, that leaves the lead across the page.
"""
from __future__ import annotations

from layout.makeup.plan import Part, Planner

LEAD_HEIGHTS = 4           # lead heights tried per layout (its cheapest exact ones)
MIN_UNDER = 8              # rows left under the lead at least
NEST_COST = 1.0            # a nested page is fine, but plain stacks are simpler
NEST_STEPS = 400000        # search steps all the nested layouts of a page share (10 plain searches' worth)


def nested_layouts(columns: int, boxes: int, widths: set[int]) -> list[tuple[int, tuple, tuple]]:
    """(lead width, stacks on its right, sub-stacks under it), widest lead first: the
    lead at least as wide as any stack beside it, at least two sub-stacks (one would be
    a plain stack), every width one some part can take, and no more boxes needed to
    keep headlines apart than `boxes`."""
    from layout.makeup.auto import stack_layouts

    out = []
    for w in range(columns, 1, -1):
        rights = [()] if w == columns else [s for s in stack_layouts(columns - w) if max(s) <= w]
        unders = [s for s in stack_layouts(w) if len(s) >= 2]
        for right in rights:
            for under in unders:
                need = (len(right) + 1) // 2 + len(under) // 2
                if need <= boxes and set(right) | set(under) | {w} <= widths:
                    out.append((w, right, under))
    return out


def nested_slots(w: int, right: tuple, under: tuple, h: int, rows: int, top: int = 1) -> list:
    """The slots of a layout with the lead h rows high (rows: the height of the area, from
    row `top`): the lead's, the right stacks' (left to right), the sub-stacks' (from the right)."""
    from layout.makeup.auto import Slot

    slots = [Slot(1, w, top, h)]
    col = w + 1
    for width in right:
        slots.append(Slot(col, width, top, rows))
        col += width
    subs, col = [], 1
    for width in under:
        subs.append(Slot(col, width, top + h, rows - h))
        col += width
    return slots + subs[::-1]


def lead_heights(planner: Planner, lead: Part, w: int, rows: int, exact: bool) -> list[int]:
    """The lead's exact heights at w leaving MIN_UNDER rows under it, cheapest first."""
    menu = planner.menu(lead, w, rows, exact)
    fit = [h for h in menu if h <= rows - MIN_UNDER]
    return sorted(fit, key=lambda h: (menu[h].cost, h))[:LEAD_HEIGHTS]


def nested_solutions(planner: Planner, parts: list[Part], columns: int, rows: int, exact: bool,
                     keep: int, widths: set[int], lead_largest: bool = False, steps=None) -> list:
    """Makeups of the whole free area (no hand-placed blocks) with the lead over
    sub-stacks, alone or above a band across the page's foot (通栏), the briefs in one
    column; the searches share NEST_STEPS steps. lead_largest: only makeups whose lead is
    the largest block; steps: what the page's searches have left (auto.Steps)."""
    from layout.makeup.auto import (BAND_COST, Slot, _band_heights, _briefs_apart, is_separator, searched,
                                    solutions_of)

    boxes = sum(1 for p in parts[1:] if is_separator(p))
    layouts = nested_layouts(columns, boxes, widths)
    found, left = [], NEST_STEPS
    for band in [0] + _band_heights(planner, parts, columns, rows, exact):
        area = rows - band
        for w, right, under in layouts:
            for h in lead_heights(planner, parts[0], w, area, exact):
                if left <= 0 or (steps is not None and steps.left <= 0):
                    return found
                slots = nested_slots(w, right, under, h, area)
                if band:
                    slots.append(Slot(1, columns, area + 1, band))
                search = searched(planner, parts, slots, [], exact, keep, budget=left,
                                  lead_largest=lead_largest, steps=steps)
                left -= search.nodes + 1 if search else 1
                made = solutions_of(search, parts, (w,) + right + under,
                                    0.1 * (len(right) + len(under)) + NEST_COST + (BAND_COST if band else 0))
                found += [s for s in made if not _briefs_apart(list(s.blocks))]     # 简讯 kept together
        if len(found) >= keep:
            break
    return found
