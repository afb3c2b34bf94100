"""The copyfit (稿件是否排得下) as the editors read it: a table of every article and page."""
from __future__ import annotations

from layout.cli.messages import msg


def overflowing(layout) -> list:
    return [e for e in layout.copyfit if e.overflow_chars]


def fit_text(e) -> str:
    """An article's copyfit in both units, in the locale's words ("" if it fits)."""
    cpl = e.chars_per_line
    if e.overflow_chars:
        return msg("cf.over", chars=e.overflow_chars, lines=-(-e.overflow_chars // cpl) if cpl else None)
    if e.short_lines:
        return msg("cf.short", lines=e.short_lines, chars=e.short_lines * cpl if cpl else None)
    return ""


def copyfit_table(layout) -> list[str]:
    rows = [msg("copyfit.head")]
    for e in layout.copyfit:
        over = fit_text(e) if e.overflow_chars else "-"
        short = fit_text(e) if e.short_lines and not e.overflow_chars else "-"
        rows.append(f"{e.page:>4}  {e.article_id:<42} {e.lines_needed:>5} {e.lines_available:>5}  {over:>12}  {short:>10}")
    for f in layout.fill:
        rows.append(msg("copyfit.fill", page=f.page, empty=f.empty, lines=f.lines,
                        uncovered=f.uncovered, short=f.short))
    return rows
