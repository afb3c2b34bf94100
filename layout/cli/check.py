"""`newsprint check EDITION`: load and make up an edition, write nothing."""
from __future__ import annotations

import sys

from layout.cli.load import article_count, load_and_make_up
from layout.cli.report import errors, print_diags
from layout.diagnostics import has_errors
from layout.messages import msg


def add_parser(sub) -> None:
    c = sub.add_parser("check", help="validate an edition without rendering")
    c.add_argument("edition")
    c.add_argument("--strict", action="store_true")
    c.add_argument("--json", action="store_true", help="print one JSON object (diagnostics, copyfit)")
    c.add_argument("--quiet", "-q", action="store_true", help="errors only")
    c.set_defaults(func=run)


def run(args) -> int:
    edition, _, _, diags = load_and_make_up(args.edition, strict=args.strict)
    print_diags(errors(diags) if args.quiet else diags)
    if has_errors(diags):
        print(msg("errors", n=len(errors(diags))), file=sys.stderr)
        return 1
    if not args.quiet:
        print(msg("check.ok", edition=args.edition, pages=len(edition.pages), articles=article_count(edition)))
    return 0
