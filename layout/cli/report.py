"""What a command says: diagnostics as lines (each once), and with --json one JSON object
made from the same result the human lines are."""
from __future__ import annotations

import sys

from layout.base.diagnostics import Severity
from layout.cli.messages import diag_json, diag_line, dumps


def once(diags) -> list:
    """Each diagnostic once (the first of those that read the same), sorted by place: file,
    line, column; those without a place after them, in the order found."""
    seen, out = set(), []
    for d in diags:
        if str(d) not in seen:
            seen.add(str(d))
            out.append(d)
    return sorted(out, key=_place)


def _place(d) -> tuple:
    if d.pos is None or not d.pos.path:
        return (1, "", 0, 0)
    return (0, d.pos.path, d.pos.line, d.pos.col)


def print_diags(diags, stream=None) -> None:
    """Each diagnostic once, as a line (stderr unless `stream`)."""
    stream = stream or sys.stderr
    for d in once(diags):
        print(diag_line(d), file=stream)


def print_json(command: str, code: int, diags=(), **items) -> None:
    """The --json object of a command: its diagnostics (each once), what it adds, its exit."""
    report = {"command": command, "diagnostics": [diag_json(d) for d in once(diags)], **items,
              "exit": code, "ok": code == 0}
    print(dumps(report))


def without_info(diags) -> list:
    return [d for d in diags if d.severity is not Severity.INFO]


def errors(diags) -> list:
    return [d for d in diags if d.severity is Severity.ERROR]


def article_count(edition) -> int:
    return sum(len(p.articles) for p in edition.pages)


def copyfit_json_rows(layout) -> list[dict]:
    """Each article's copyfit, in both units (short_chars: 缺N行 in 字; overflow_lines: 超出N字 in 行)."""
    return [copyfit_row(e) for e in layout.copyfit]


def copyfit_row(e) -> dict:
    return dict(e.__dict__, short_chars=e.short_chars, overflow_lines=e.overflow_lines)
