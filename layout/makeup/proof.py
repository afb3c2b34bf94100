"""The editors' proof (校样): the laid-out pages with the grid, every block's frame and
its copyfit drawn over them in proof-only colours.

A proof is a new EditionLayout (the plates' layout is left untouched), so it goes
through the same renderer into its own file and never onto a printer's plate.
Proof colours are process cyan and magenta (CMYK), never RGB.
"""
from __future__ import annotations

from dataclasses import replace

from layout.edition.model import Color
from layout.makeup.model import fit_label, BoxItem, EditionLayout, PageLayout, Rect, RuleItem, TextRun

PROOF_COLORS = {
    "proof-grid": Color("proof-grid", 0.3, 0.0, 0.0, 0.0),       # light cyan: columns, baselines
    "proof-frame": Color("proof-frame", 1.0, 0.0, 0.0, 0.0),     # cyan: frames and their labels
    "proof-over": Color("proof-over", 0.0, 1.0, 0.0, 0.0),       # magenta: overflow (超出N字)
    "proof-paper": Color("proof-paper", 0.0, 0.0, 0.0, 0.0),     # paper white behind labels
}
LABEL_PT = 6.0
_FRAME_KINDS = {"article", "continuation", "index"}


def proof_layout(layout: EditionLayout, grid, metrics, chain: tuple[str, ...]) -> EditionLayout:
    """`layout` with the proof drawn over each page.

    grid: the makeup PageGrid of the paper; metrics: advances of font ids (FontSet);
    chain: font ids for the labels, first covering font wins.
    """
    short = {(e.article_id, e.page): e for e in layout.copyfit}
    pages = tuple(_proof_page(p, grid, metrics, chain, short) for p in layout.pages)
    colors = dict(layout.colors)
    colors.update(PROOF_COLORS)
    return replace(layout, pages=pages, colors=colors, title=f"{layout.title} 校样")


def _proof_page(page: PageLayout, grid, metrics, chain, short) -> PageLayout:
    items: list = []
    area = grid.area
    # Baseline grid, lightly, then the column guides.
    for row in range(1, grid.rows + 1):
        y = grid.baseline(grid.row_y(row), grid.body_size)
        items.append(RuleItem(area.x, y, area.right, y, 0.1, "proof-grid"))
    for col in range(1, grid.columns + 1):
        x0 = grid.col_x(col)
        for x in (x0, x0 + grid.col_width):
            items.append(RuleItem(x, area.y, x, area.bottom, 0.25, "proof-grid"))
    for f in page.frames:
        over = f.overflow_chars > 0
        is_text = f.kind in _FRAME_KINDS
        color = "proof-over" if over else "proof-frame"
        items.append(BoxItem(f.rect, stroke=color, width_pt=1.0 if is_text else 0.5))
        label = f.id if not is_text else f"{f.id}  {f.lines_needed}/{f.lines_available}行"
        items += _tag(label, f.rect.x + 1, f.rect.y + 1, metrics, chain, "proof-frame")
        if over:
            # where the text is cut off: a heavy rule on the frame's foot and the figure
            r = f.rect
            items.append(RuleItem(r.x, r.bottom - 1, r.right, r.bottom - 1, 2.0, "proof-over"))
            entry = short.get((f.id, page.number))
            cpl = entry.chars_per_line if entry is not None else 0
            items += _tag(fit_label(f.overflow_chars, 0, cpl), None, r.bottom - LABEL_PT - 4, metrics, chain,
                          "proof-over", right=r.right - 1, size=LABEL_PT * 1.5)
        elif is_text and getattr(short.get((f.id, page.number)), "short_lines", 0) > 0:
            r = f.rect
            items += _tag(short[(f.id, page.number)].fit, None, r.bottom - LABEL_PT * 1.5 - 3, metrics,
                          chain, "proof-frame", right=r.right - 1, size=LABEL_PT * 1.5)
    return replace(page, items=page.items + tuple(items))


def _tag(text: str, x: float | None, top: float, metrics, chain, color: str,
         right: float | None = None, size: float = LABEL_PT) -> list:
    """A label on a white ground with its top-left at (x, top), or its right edge at `right`."""
    runs, width = _runs(text, size, metrics, chain, color)
    if not runs:
        return []
    if x is None:
        x = right - width - 2
    ground = BoxItem(Rect(x, top, width + 2, size * 1.25), fill="proof-paper")
    baseline = top + size * 1.0
    return [ground] + [replace(r, x=x + 1 + r.x, baseline=baseline) for r in runs]


def _runs(text: str, size: float, metrics, chain, color: str):
    """Text runs (x relative to 0) in the first font of chain covering each char; width."""
    runs, pen, cur, xs, start = [], 0.0, None, [], 0.0
    chars = ""
    for ch in text:
        fid = next((f for f in chain if metrics.covers(f, ch)), None)
        if fid is None:
            pen += size * 0.5
            continue
        if fid != cur and chars:
            runs.append(TextRun(start, 0.0, cur, size, chars, tuple(xs), color, overprint=False))
            chars, xs = "", []
        if not chars:
            start = pen
        cur = fid
        xs.append(pen - start)
        chars += ch
        pen += metrics.advance(fid, ch) * size
    if chars:
        runs.append(TextRun(start, 0.0, cur, size, chars, tuple(xs), color, overprint=False))
    return runs, pen


__all__ = ["proof_layout", "PROOF_COLORS"]
