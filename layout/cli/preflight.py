"""`newsprint preflight PDF`: any PDF checked for print readiness (layout.preflight)."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.cli.arguments import about, json_help
from layout.cli.bounds import INK_LIMIT
from layout.cli.report import print_json
from layout.cli.messages import language, msg


def add_parser(sub) -> None:
    f = sub.add_parser("preflight", **about("preflight"))
    f.add_argument("pdf", metavar="PDF", help=msg("help.preflight.pdf"))
    f.add_argument("--ink-limit", type=INK_LIMIT, default=240.0, help=msg("help.preflight.ink-limit"))
    f.add_argument("--json", action="store_true", help=json_help("preflight"))
    f.add_argument("--quiet", "-q", action="store_true", help=msg("help.preflight.quiet"))
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


def check_line(check, lang: str | None = None) -> str:
    """A preflight check as `PASS name: figure — message` in English, `通过 黑色压印：figure——message`
    in Chinese (the verdict, title, figure and message all from the catalogue)."""
    lang = lang or language()
    mark, title = msg(check.verdict, lang), check.title(lang)
    figure, message = check.figure_in(lang), check.message_in(lang)
    if lang == "zh":
        return f"{mark} {title}：{figure}" + (f"——{message}" if message else "")
    return f"{mark} {title}: {figure}" + (f" — {message}" if message else "")


def preflight_json(report) -> dict:
    """The checks for --json: each one's figure and message in the locale's language, and in English."""
    lang = language()
    return {"file": str(report.path), "passed": report.passed,
            "checks": [{"name": c.name, "title": c.title(lang), "passed": c.passed, "severity": c.severity,
                        "figure": c.figure_in(lang), "message": c.message_in(lang),
                        "figure_en": c.figure, "message_en": c.message} for c in report.checks]}
