"""The lead (头条) the largest block of a page made up automatically, and why not.

Text is never cut, so a story's block can only be as large or as small as its copy lets it
fill exactly: the copy bounds the rule "the lead the largest block". When the best exact
makeup has a block larger than the lead, auto.solve searches again among makeups with the
lead the largest (`lead_largest_search`: the other stack search, every guillotine cut of a
page of few stories, the solver over plain stacks), within a budget of its own. When it
stays smaller, an info diagnostic says which block is larger, and why: the copy alone rules
it out (the lead's largest exact shape at any span is smaller than another story's least),
no makeup in the makeup's shapes has it (proved: every guillotine cut of a page of few
stories, or every plain-stacks layout by the solver), or none was found.
"""
from __future__ import annotations

from layout.makeup.auto import GUILLOTINE, SOLVER, Solution, Steps, block_area, freer, gutter_ratio, \
    lead_not_largest, pressed, solutions
from layout.makeup.plan import Part, Planner

LEAD_STEPS = 1_500_000     # search steps (auto.Steps) the search with the lead the largest may take
LEAD_SOLVER_TIME = 0.15    # and the solver's deterministic time
CUTS, STACKS = "cuts", "stacks"     # no makeup with the lead the largest: proved over every cut, plain stacks


def exact_areas(planner: Planner, part: Part, columns: int, rows: int) -> list[tuple[float, int, int]]:
    """(area, span, rows) of every exact shape the part has at any span (gutters counted)."""
    g = gutter_ratio(planner)
    return [(block_area(w, h, g), w, h) for w in range(1, columns + 1) if planner.fits(part, w)
            for h in planner.menu(part, w, rows, True)]


def copy_bound(planner: Planner, parts: list[Part], columns: int, rows: int):
    """(the lead's largest exact shape, the other story whose least exact shape is the
    largest, that shape), each shape (area, span, rows); None when a part has no exact shape."""
    lead = exact_areas(planner, parts[0], columns, rows)
    least = []
    for part in parts[1:]:
        shapes = exact_areas(planner, part, columns, rows)
        shapes += exact_areas(planner, pressed([parts[0], part])[1], columns, rows)   # its head under page pressure
        if not shapes:
            return None
        least.append((min(shapes), part))
    if not lead or not least:
        return None
    other, part = max(least, key=lambda x: x[0])
    return max(lead), part, other


def lead_largest_search(planner: Planner, original: list[Part], parts: list[Part], lead_over, columns: int,
                        rows: int, fixed: list, keep: int = 1):
    """Exact makeups with the lead the largest block, when the search that made the page
    (`lead_over`: auto.solve's kind of makeup, of `parts`) found none: (the parts, the
    makeups, their kind) from the first of these that finds one: the other stack search
    (the lead over sub-stacks, or plain stacks), every guillotine cut of a page of few
    stories (as set, under pressure, with freer shapes: guillotine.lead_largest_cuts), the
    solver over plain stacks under pressure (solver.lead_largest_stacks). Else why not, a
    word: "copy" (the copy rules it out), CUTS or STACKS (proved that no makeup there has
    it), "" (none found)."""
    from layout.makeup.guillotine import FEW_PARTS, lead_largest_cuts
    from layout.makeup.solver import lead_largest_stacks

    bound = copy_bound(planner, original, columns, rows)
    if bound is not None and bound[0][0] < bound[2][0]:
        return "copy"
    steps = Steps(LEAD_STEPS, LEAD_SOLVER_TIME)
    if lead_over in (False, True) and not fixed:
        found = solutions(planner, parts, columns, rows, fixed, keep, not lead_over, lead_largest=True, steps=steps)
        if found:
            return parts, found, not lead_over
    tight = pressed(original)
    if not fixed and len(original) <= FEW_PARTS:
        whole = True
        for cand in (freer(tight),):     # its heights hold those as set and under pressure
            found, searched = lead_largest_cuts(planner, list(cand), columns, rows, keep, steps)
            if found:
                return list(cand), found, GUILLOTINE
            whole = whole and searched
        if whole:
            return CUTS
    found, proved = lead_largest_stacks(planner, tight, columns, rows, fixed, keep, steps)
    if found:
        return tight, found, SOLVER
    return STACKS if proved else ""


def lead_smaller(planner: Planner, parts: list[Part], columns: int, rows: int, blocks, page: int,
                 why: str = "") -> list:
    """An info diagnostic when an automatic block is larger than the lead's: lead-smaller.copy
    when the copy rules the lead's being the largest out, lead-smaller.shapes when the makeup
    proved that no makeup of its shapes has it (`why`: CUTS or STACKS, from
    lead_largest_search), else lead-smaller.search."""
    from layout.base.catalogue import Phrase
    from layout.base.diagnostics import info

    g = gutter_ratio(planner)
    # (the blocks may be of the parts as solve gave them more ways to a height: Part.free)
    lead = next((b for b in blocks if parts and b.part is not None and b.part.article is parts[0].article), None)
    if lead is None or not lead_not_largest(blocks, [lead.part], g):
        return []
    larger = max((b for b in blocks if b.part is not None and b is not lead), key=lambda b: block_area(b.span, b.rows, g))
    bound = copy_bound(planner, parts, columns, rows)
    chars = {p.id: sum(len(x.text) for x in p.article.paragraphs) for p in parts}
    if bound is not None and bound[0][0] < bound[2][0]:
        (_, lw, lh), other, (_, ow, oh) = bound
        return [info("lead-smaller.copy", parts[0].article.pos, page=page, lead=parts[0].id,
                     lead_chars=chars[parts[0].id], most=f"{lw}×{lh}", other=other.id,
                     other_chars=chars[other.id], least=f"{ow}×{oh}")]
    if why in (CUTS, STACKS):
        return [info("lead-smaller.shapes", parts[0].article.pos, page=page, lead=parts[0].id,
                     other=larger.part.id, where=Phrase(f"where.{why}"))]
    return [info("lead-smaller.search", parts[0].article.pos, page=page, lead=parts[0].id,
                 other=larger.part.id)]
