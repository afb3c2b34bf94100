"""`newsprint watch EDITION`: rebuild (or re-preview one page) on every change (watch_loop
runs the loop; the fonts are loaded once for the session).  Each round is
layout.pipeline.build (plates preflighted, as `newsprint build`) or .preview."""
from __future__ import annotations

from layout.cli.arguments import about
from layout.cli.bounds import DPI, TIMEOUT, WHOLE
from layout.cli.build import preflight_failures
from layout.cli.report import once, without_info
from layout.cli.messages import diag_line, msg
from layout.pipeline import BuildOptions, build, preview


def add_parser(sub) -> None:
    w = sub.add_parser("watch", **about("watch"))
    w.add_argument("edition", metavar="EDITION", help=msg("help.edition"))
    w.add_argument("-o", "--output", default="output", help=msg("help.output"))
    w.add_argument("--page", type=WHOLE, default=0, help=msg("help.watch.page"))
    w.add_argument("--dpi", type=DPI, default=100.0, help=msg("help.dpi"))
    w.add_argument("--proof", action="store_true", help=msg("help.watch.proof"))
    w.add_argument("--max-builds", type=WHOLE, default=0, help=msg("help.watch.max-builds"))
    w.add_argument("--timeout", type=TIMEOUT, default=0.0,
                   help=msg("help.watch.timeout"))
    w.set_defaults(func=run)


def run(args) -> int:
    from layout.cli.watch_loop import watch
    from layout.fonts import FontSet

    fonts = FontSet.load()
    return watch(args.edition, lambda: build_once(args, fonts), msg,
                 max_builds=args.max_builds, timeout=args.timeout)


def build_once(args, fonts):
    """(layout or None, lines to print) for one round of the watch."""
    if args.page:
        result = preview(args.edition, args.page, dpi=args.dpi, proof=args.proof, out=args.output,
                         fonts=fonts, whole=True)
        lines = [diag_line(d) for d in once(without_info(result.diagnostics))]
        if result.page_missing:
            return None, lines + [msg("watch.no-page", page=args.page)]
        if result.path is None:
            return None, lines + [msg("nothing-written")]
        return result.layout, lines + [msg("watch.wrote", path=result.path)]
    result = build(args.edition, args.output, BuildOptions(proof=args.proof), fonts=fonts)
    lines = [diag_line(d) for d in once(without_info(result.diagnostics))]
    if not result.plates:
        return None, lines + [msg("nothing-written")]
    shown = result.plates + ((result.proof_file,) if result.proof_file else ())
    return result.layout, lines + [f"wrote {p}" for p in shown] + preflight_failures(result)
