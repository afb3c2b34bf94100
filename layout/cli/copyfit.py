"""The copyfit (稿件是否排得下) as the editors read it: a table of every article and page."""
from __future__ import annotations

from layout.messages import msg


def overflowing(layout) -> list:
    return [e for e in layout.copyfit if e.overflow_chars]


def copyfit_table(layout) -> list[str]:
    rows = [msg("copyfit.head")]
    for e in layout.copyfit:
        over = msg("copyfit.over", n=e.overflow_chars) if e.overflow_chars else "-"
        short = msg("copyfit.short", n=e.short_lines) if e.short_lines else "-"
        rows.append(f"{e.page:>4}  {e.article_id:<42} {e.lines_needed:>5} {e.lines_available:>5}  {over:>8}  {short:>5}")
    for f in layout.fill:
        rows.append(msg("copyfit.fill", page=f.page, empty=f.empty, lines=f.lines,
                        uncovered=f.uncovered, short=f.short))
    return rows
