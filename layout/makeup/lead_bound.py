"""Why the lead (头条) is not the largest block of a page made up automatically.

Text is never cut, so a story's block can only be as large or as small as its copy lets it
fill exactly: the copy bounds the rule "the lead the largest block". When the makeup has a
block larger than the lead, an info diagnostic says which, and whether the copy alone rules
it out (the lead's largest exact shape at any span is smaller than another story's least)
or no exact makeup with the lead largest was found.
"""
from __future__ import annotations

from layout.makeup.auto import block_area, gutter_ratio, lead_not_largest, pressed
from layout.makeup.plan import Part, Planner


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


def lead_smaller(planner: Planner, parts: list[Part], columns: int, rows: int, blocks, page: int) -> list:
    """An info diagnostic when an automatic block is larger than the lead's: lead-smaller.copy
    when the copy rules the lead's being the largest out, else lead-smaller.search."""
    from layout.base.diagnostics import info

    g = gutter_ratio(planner)
    if not parts or not lead_not_largest(blocks, parts, g):
        return []
    lead = next(b for b in blocks if b.part is parts[0])
    larger = max((b for b in blocks if b.part is not None and b is not lead), key=lambda b: block_area(b.span, b.rows, g))
    bound = copy_bound(planner, parts, columns, rows)
    chars = {p.id: sum(len(x.text) for x in p.article.paragraphs) for p in parts}
    if bound is not None and bound[0][0] < bound[2][0]:
        (_, lw, lh), other, (_, ow, oh) = bound
        return [info("lead-smaller.copy", parts[0].article.pos, page=page, lead=parts[0].id,
                     lead_chars=chars[parts[0].id], most=f"{lw}×{lh}", other=other.id,
                     other_chars=chars[other.id], least=f"{ow}×{oh}")]
    return [info("lead-smaller.search", parts[0].article.pos, page=page, lead=parts[0].id,
                 other=larger.part.id)]
