"""`newsprint check EDITION`: load and make up an edition, write nothing."""
from __future__ import annotations

import sys

from layout.cli.report import article_count, copyfit_json_rows, errors, print_diags, print_json
from layout.base.diagnostics import has_errors
from layout.cli.copyfit import copyfit_table
from layout.cli.arguments import about, json_help
from layout.cli.bounds import WHOLE
from layout.cli.messages import msg
from layout.pipeline import load, make_up


def add_parser(sub) -> None:
    c = sub.add_parser("check", **about("check"))
    c.add_argument("edition", metavar="EDITION", help=msg("help.edition"))
    c.add_argument("--strict", action="store_true", help=msg("help.build.strict"))
    c.add_argument("--json", action="store_true", help=json_help("check"))
    c.add_argument("--quiet", "-q", action="store_true", help=msg("help.check.quiet"))
    c.add_argument("--page", type=WHOLE, default=0, metavar="N", help=msg("help.check.page"))
    c.set_defaults(func=run)


def run(args) -> int:
    if args.page:
        return run_page(args)
    made = make_up(load(args.edition), strict=args.strict)
    code = 1 if has_errors(made.diagnostics) else 0
    ok = lambda: msg("check.ok", edition=args.edition, pages=len(made.edition.pages),  # noqa: E731
                     articles=article_count(made.edition))
    return show(args, code, made.diagnostics, made.layout, ok, errors(made.diagnostics))


def run_page(args) -> int:
    """`check --page N`: page N made up whatever the other pages hold; exit 1 only for an
    error that holds page N up (its own, the edition's, a page it continues)."""
    from layout.base.diagnostics import error
    from layout.pipeline.pagewise import make_up_pages

    loaded = load(args.edition, partial=True)
    if loaded.edition is not None and args.page not in {p.number for p in loaded.edition.pages}:
        print(msg("no-page", page=args.page, pages=len(loaded.edition.pages)), file=sys.stderr)
        return 1
    pages = make_up_pages(loaded, {args.page})
    diags = pages.diagnostics
    if args.strict and pages.layout is not None and any(e.overflow_chars for e in pages.layout.copyfit):
        diags += (error("strict"),)
    held = pages.held.get(args.page, ()) + tuple(d for d in diags if d.code == "strict")
    code = 1 if held or pages.layout is None else 0
    ok = lambda: msg("check.page-ok", edition=args.edition, page=args.page,  # noqa: E731
                     others=len(errors(diags)))
    return show(args, code, diags, pages.layout, ok, errors(held or diags), page=args.page, held=bool(held))


def show(args, code: int, diags, layout, ok_line, failing, **json_items) -> int:
    """The check's diagnostics, copyfit table and verdict (or its --json object)."""
    shown = errors(diags) if args.quiet else diags
    if args.json:
        extra = {"copyfit": copyfit_json_rows(layout)} if layout is not None else {}
        print_json("check", code, shown, **json_items, **extra)
        return code
    print_diags(shown)
    if layout is not None and not args.quiet:
        for row in copyfit_table(layout):
            print(row)
    if code:
        print(msg("errors", n=len(failing)), file=sys.stderr)
    elif not args.quiet:
        print(ok_line())
    return code
