"""`newsprint build EDITION`: the plates (PDF/X-1a), each preflighted, the copyfit JSON and
with --proof the proof PDF; nothing is written when the edition has errors."""
from __future__ import annotations

import sys

from layout.cli.build_all import run_all
from layout.cli.copyfit import copyfit_table, overflowing, write_copyfit
from layout.cli.load import article_count, load_and_make_up
from layout.cli.paths import out_dir, remove_stale_temps
from layout.cli.preflight import check_line, preflight_json
from layout.cli.progress import Progress
from layout.cli.proof import write_proof
from layout.cli.report import note, print_diags, without_info
from layout.diagnostics import Severity, has_errors
from layout.messages import msg


def add_parser(sub) -> None:
    b = sub.add_parser("build", help="typeset an edition into print-ready PDF")
    b.add_argument("edition", nargs="?", help="the edition's YAML file or its folder")
    b.add_argument("--all", metavar="DIR", help="build every edition (folder with edition.yaml) under DIR")
    b.add_argument("--jobs", "-j", type=int, help="processes for --all (default: the number of cores)")
    b.add_argument("-o", "--output", default="output", help="output root (default: output/)")
    b.add_argument("--marks", action="store_true", help="crop and registration marks, slug line")
    b.add_argument("--strict", action="store_true", help="any overflow is an error (exit 1)")
    b.add_argument("--quiet", "-q", action="store_true")
    b.add_argument("--proof", action="store_true",
                   help="also write <paper>-<date>-proof.pdf: grid, frames and copyfit drawn for the editors")
    b.add_argument("--json", action="store_true", help="print one JSON object (diagnostics, copyfit, files, preflight)")
    b.set_defaults(func=run)


def run(args) -> int:
    if args.all is not None or args.edition is None:
        return run_all(args)
    progress = Progress(args)
    try:
        return _build(args, progress)
    finally:
        progress.done()


def _build(args, progress) -> int:
    edition, fonts, layout, diags = load_and_make_up(
        args.edition, strict=args.strict,
        before_makeup=lambda ed: progress.step("step.makeup", pages=len(ed.pages)))
    if layout is None or has_errors(diags):
        print_diags(diags)
        print(msg("nothing-written"), file=sys.stderr)
        return 1
    from layout.press import write_edition
    from layout.preflight import preflight

    out = out_dir(args.output, edition)
    remove_stale_temps(out)
    progress.step("step.plates")
    result = write_edition(layout, fonts, out, marks=args.marks)
    note(written=[str(p) for p in result.paths])
    bad = []
    for i, path in enumerate(result.paths, 1):
        progress.step("step.preflight", i=i, n=len(result.paths))
        report = preflight(path, ink_limit_pct=edition.paper.ink_limit_pct, min_text_pt=edition.paper.min_text_pt)
        note(preflight=[preflight_json(report)])
        if not report.passed:
            bad.append((path, report))
        if path in result.page_pdfs:     # preflight warnings (small text, thin rules), once per plate
            diags.extend(d for d in report.diagnostics() if d.severity is Severity.WARNING)
    copyfit_path = write_copyfit(layout, edition, out)
    proof_path = write_proof(layout, edition, fonts, out) if args.proof else None
    note(written=[str(copyfit_path)] + ([str(proof_path)] if proof_path else []))
    progress.done()
    print_diags(without_info(diags))
    if not args.quiet:
        for row in copyfit_table(layout):
            print(row)
        print(msg("build.summary", paper=edition.paper.name, date=edition.date.isoformat(),
                  pages=len(layout.pages), articles=article_count(edition), over=len(overflowing(layout))))
        for p in result.paths:
            print(msg("wrote", path=p))
        if proof_path:
            print(msg("wrote.proof", path=proof_path))
    if bad:
        for path, report in bad:
            print(msg("preflight.failed-for", path=path), file=sys.stderr)
            for check in report.failures():
                print(f"  {check_line(check)}", file=sys.stderr)
        return 1
    return 0
