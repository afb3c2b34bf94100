"""The copyfit (稿件是否排得下) as the editors read it: a table, and the JSON file beside the plates."""
from __future__ import annotations

import json
from pathlib import Path

from layout.cli.paths import edition_stem
from layout.messages import msg


def overflowing(layout) -> list:
    return [e for e in layout.copyfit if e.overflow_chars]


def copyfit_table(layout) -> list[str]:
    rows = [msg("copyfit.head")]
    for e in layout.copyfit:
        over = f"超出{e.overflow_chars}字" if e.overflow_chars else "-"
        short = f"缺{e.short_lines}行" if e.short_lines else "-"
        rows.append(f"{e.page:>4}  {e.article_id:<42} {e.lines_needed:>5} {e.lines_available:>5}  {over:>8}  {short:>5}")
    for f in layout.fill:
        rows.append(msg("copyfit.fill", page=f.page, empty=f.empty, lines=f.lines,
                        uncovered=f.uncovered, short=f.short))
    return rows


def copyfit_json(layout) -> bytes:
    data = {"paper": layout.paper_slug, "date": layout.date_iso,
            "articles": [e.__dict__ for e in layout.copyfit],
            "pages": [dict(f.__dict__, empty=f.empty) for f in layout.fill]}
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_copyfit(layout, edition, out: Path) -> Path:
    """<paper>-<date>-copyfit.json in `out`."""
    from layout.files import atomic_write       # tempfile: not for `check`

    path = out / f"{edition_stem(edition)}-copyfit.json"
    atomic_write(path, copyfit_json(layout))
    return path
