"""`newsprint check EDITION`: load and make up an edition, write nothing."""
from __future__ import annotations

import sys

from layout.cli.report import article_count, copyfit_json_rows, errors, print_diags, print_json
from layout.base.diagnostics import has_errors
from layout.messages import msg
from layout.pipeline import load, make_up


def add_parser(sub) -> None:
    c = sub.add_parser("check", help="validate an edition without rendering")
    c.add_argument("edition")
    c.add_argument("--strict", action="store_true")
    c.add_argument("--json", action="store_true", help="print one JSON object (diagnostics, copyfit)")
    c.add_argument("--quiet", "-q", action="store_true", help="errors only")
    c.set_defaults(func=run)


def run(args) -> int:
    made = make_up(load(args.edition), strict=args.strict)
    shown = errors(made.diagnostics) if args.quiet else made.diagnostics
    code = 1 if has_errors(made.diagnostics) else 0
    if args.json:
        extra = {"copyfit": copyfit_json_rows(made.layout)} if made.layout is not None else {}
        print_json("check", code, shown, **extra)
        return code
    print_diags(shown)
    if code:
        print(msg("errors", n=len(errors(made.diagnostics))), file=sys.stderr)
    elif not args.quiet:
        print(msg("check.ok", edition=args.edition, pages=len(made.edition.pages),
                  articles=article_count(made.edition)))
    return code
