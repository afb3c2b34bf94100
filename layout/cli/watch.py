"""`newsprint watch EDITION`: rebuild (or re-preview one page) on every change (layout.watch
runs the loop; the fonts are loaded once for the session)."""
from __future__ import annotations

from layout.cli.copyfit import write_copyfit
from layout.cli.load import load_and_make_up
from layout.cli.paths import out_dir, preview_name
from layout.cli.proof import write_preview, write_proof
from layout.cli.report import without_info
from layout.diagnostics import has_errors
from layout.messages import diag_line, msg


def add_parser(sub) -> None:
    w = sub.add_parser("watch", help="rebuild (or re-preview a page) whenever the edition's files change")
    w.add_argument("edition")
    w.add_argument("-o", "--output", default="output", help="output root (default: output/)")
    w.add_argument("--page", type=int, default=0, help="re-preview this page as PNG instead of building")
    w.add_argument("--dpi", type=float, default=100.0)
    w.add_argument("--proof", action="store_true", help="write the proof view too")
    w.add_argument("--max-builds", type=int, default=0, help="stop after this many builds (0: never)")
    w.add_argument("--timeout", type=float, default=0.0, help="stop after this many seconds (0: never)")
    w.set_defaults(func=run)


def run(args) -> int:
    from layout.fonts import FontSet
    from layout.watch import watch

    fonts = FontSet.load()
    return watch(args.edition, lambda: _build_once(args, fonts), msg,
                 max_builds=args.max_builds, timeout=args.timeout)


def _build_once(args, fonts):
    """(layout or None, lines to print) for one round of the watch."""
    edition, _, layout, diags = load_and_make_up(args.edition, fonts)
    lines = list(dict.fromkeys(diag_line(d) for d in without_info(diags)))
    if layout is None or has_errors(diags):
        lines.append(msg("nothing-written"))
        return None, lines
    from layout.press import write_edition

    out = out_dir(args.output, edition)
    out.mkdir(parents=True, exist_ok=True)
    if args.page:
        if args.page not in {p.number for p in layout.pages}:
            lines.append(f"the edition has no page {args.page}")
            return layout, lines
        png = out / preview_name(args.page, args.proof)
        paths = [write_preview(layout, edition, fonts, args.page, args.dpi, args.proof, png)]
    else:
        paths = list(write_edition(layout, fonts, out).paths)
        write_copyfit(layout, edition, out)
        if args.proof:
            paths.append(write_proof(layout, edition, fonts, out))
    lines += [f"wrote {p}" for p in paths]
    return layout, lines
