"""`newsprint preflight PDF`: any PDF checked for print readiness (layout.preflight)."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.cli.bounds import INK_LIMIT
from layout.cli.report import print_json
from layout.cli.messages import msg


def add_parser(sub) -> None:
    f = sub.add_parser("preflight", help="check any PDF for print readiness")
    f.add_argument("pdf")
    f.add_argument("--ink-limit", type=INK_LIMIT, default=240.0, help="total ink in %%, 100 to 400 (default 240)")
    f.add_argument("--json", action="store_true", help="print one JSON object (the checks)")
    f.add_argument("--quiet", "-q", action="store_true", help="no output; the exit code tells")
    f.set_defaults(func=run)


def run(args) -> int:
    from layout.preflight import preflight

    if not Path(args.pdf).is_file():
        if args.json:
            print_json("preflight", 1)
        else:
            print(msg("no-file", path=args.pdf), file=sys.stderr)
        return 1
    report = preflight(args.pdf, ink_limit_pct=args.ink_limit)
    code = 0 if report.passed else 1
    if args.json:
        print_json("preflight", code, preflight=[preflight_json(report)])
    elif not args.quiet:
        print(msg("preflight.head", path=report.path, verdict=msg("PASS" if report.passed else "FAIL")))
        for check in report.checks:
            print(f"  {check_line(check)}")
    return code


def check_line(check) -> str:
    """A preflight check as `PASS name: figure — message`, the verdict word localised; in
    Chinese with the check's title too: `通过 黑色压印（black-overprint）：figure`."""
    from layout.base.catalogue import language

    mark = "PASS" if check.passed else ("FAIL" if check.severity == "error" else "WARN")
    tail = f" — {check.message}" if check.message else ""
    if language() == "zh":
        try:
            title = msg(f"check.{check.name}", "zh")
        except KeyError:
            title = check.name
        return f"{msg(mark)} {title}（{check.name}）：{check.figure}{tail}"
    return f"{msg(mark)} {check.name}: {check.figure}{tail}"


def preflight_json(report) -> dict:
    return {"file": str(report.path), "passed": report.passed,
            "checks": [{"name": c.name, "passed": c.passed, "severity": c.severity,
                        "figure": c.figure, "message": c.message} for c in report.checks]}
