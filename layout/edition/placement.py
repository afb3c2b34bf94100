"""Placements against the page grid: inside the type area, and no two blocks on one spot.

The loader checks columns; rows need the grid's line count, which only the makeup
stage knows (type area height / body line pitch), so this check takes it as input.
"""
from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations

from layout.base.diagnostics import Diagnostic, Phrase, error
from layout.edition.model import Edition, Page, Placement


def check_placements(edition: Edition,
                     rows_per_page: int | Mapping[int, int]) -> tuple[Diagnostic, ...]:
    """Blocks past the grid's columns or the page's rows, and overlapping blocks.

    `rows_per_page` is the number of body lines placements may use, for every page,
    or per page number (e.g. fewer on page 1 under the masthead); a page missing
    from the mapping is not checked for rows. Articles with rows = 0 (sized from
    their content) are checked against the grid only; overlaps are checked between
    blocks with a fixed height.
    """
    columns = edition.paper.grid.columns
    diags: list[Diagnostic] = []
    for page in edition.pages:
        rows = (rows_per_page.get(page.number) if isinstance(rows_per_page, Mapping)
                else rows_per_page)
        blocks = _blocks(page, rows)
        for name, place in blocks:
            diags.extend(_outside(name, place, columns, rows))
        fixed = [(name, place) for name, place in blocks if place.rows > 0]
        for (name_a, a), (name_b, b) in combinations(fixed, 2):
            if _overlap(a, b):
                diags.append(error("overlap", b.pos, block=name_b, other=name_a, line=a.pos.line,
                                   col=a.pos.col, page=page.number, columns_a=_span(a.column, a.span),
                                   columns_b=_span(b.column, b.span), rows_a=_span(a.row, a.rows),
                                   rows_b=_span(b.row, b.rows)))
    return tuple(diags)


def _blocks(page: Page, rows: int | None) -> list[tuple[Phrase, Placement]]:
    blocks = [(Phrase("block.article", article=a.id), a.place) for a in page.articles if a.place is not None]
    if rows is not None:      # an ad without a place sits at the foot of the page, from column 1
        blocks += [(Phrase("block.article", article=a.id),
                    Placement(1, a.ad.span, max(1, rows - a.ad.rows + 1), a.ad.rows, pos=a.ad.pos))
                   for a in page.articles if a.place is None and a.ad is not None]
    blocks += [(Phrase("block.continuation", article=c.article_id), c.place) for c in page.continuations
               if c.place is not None]
    return sorted(blocks, key=lambda block: (block[1].pos.line, block[1].pos.col))  # file order


def _outside(name: Phrase, place: Placement, columns: int, rows: int | None) -> list[Diagnostic]:
    diags = []
    last_column = place.column + place.span - 1
    if place.column < 1 or place.span < 1 or last_column > columns:
        diags.append(error("placement-columns", place.pos, block=name,
                           span=_span(place.column, place.span), columns=columns))
    last_row = place.row + max(place.rows, 1) - 1
    if place.row < 1 or (rows is not None and last_row > rows):
        diags.append(error("placement-rows", place.pos, block=name,
                           span=_span(place.row, max(place.rows, 1)), rows=rows))
    return diags


def _overlap(a: Placement, b: Placement) -> bool:
    return (a.column < b.column + b.span and b.column < a.column + a.span
            and a.row < b.row + b.rows and b.row < a.row + a.rows)


def _span(first: int, count: int) -> str:
    return f"{first}" if count == 1 else f"{first}-{first + count - 1}"
