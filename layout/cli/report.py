"""What a command says: diagnostics as lines on stderr, or with --json one JSON object
that the commands fill through note() while their human lines are swallowed."""
from __future__ import annotations

import contextlib
import io
import sys

from layout.diagnostics import Severity
from layout.messages import diag_json, diag_line, dumps

_report: dict | None = None      # the --json object while a command runs, else None


def collecting() -> bool:
    """True while a --json command runs (human output is swallowed)."""
    return _report is not None


def note(**items) -> None:
    """Add to the --json object: diagnostics as JSON, lists extended, other values set."""
    if _report is None:
        return
    for key, value in items.items():
        if key == "diagnostics":
            _report["diagnostics"] += [diag_json(d) for d in value]
        elif isinstance(value, list):
            _report.setdefault(key, []).extend(value)
        else:
            _report[key] = value


def print_diags(diags, stream=None) -> None:
    """Each diagnostic once, as a line (stderr unless `stream`)."""
    stream = stream or sys.stderr
    seen = set()
    for d in diags:
        if str(d) in seen:
            continue
        seen.add(str(d))
        note(diagnostics=[d])
        print(diag_line(d), file=stream)


def without_info(diags) -> list:
    return [d for d in diags if d.severity is not Severity.INFO]


def errors(diags) -> list:
    return [d for d in diags if d.severity is Severity.ERROR]


def run_json(args) -> int:
    """Run the command with its output swallowed; print one JSON object instead."""
    global _report
    _report = {"command": args.command, "diagnostics": []}
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = args.func(args)
        report = _report
    finally:
        _report = None
    report["exit"] = code
    report["ok"] = code == 0
    print(dumps(report))
    return code
