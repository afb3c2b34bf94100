"""`newsprint build EDITION`: the plates (PDF/X-1a), each preflighted, the copyfit JSON and
with --proof the proof PDF; nothing is written when the edition has errors.  The build is
layout.pipeline.build; this module says what it did."""
from __future__ import annotations

import os
import sys

from layout.cli.build_all import run_all
from layout.cli.copyfit import copyfit_table, overflowing
from layout.cli.preflight import check_line, preflight_json
from layout.cli.progress import Progress
from layout.cli.report import article_count, copyfit_json_rows, print_diags, print_json, without_info
from layout.cli.arguments import about, json_help
from layout.cli.bounds import WHOLE
from layout.cli.messages import msg
from layout.pipeline import BuildOptions, build


def add_parser(sub) -> None:
    b = sub.add_parser("build", **about("build"))
    b.add_argument("edition", nargs="?", metavar="EDITION", help=msg("help.edition"))
    b.add_argument("--all", metavar="DIR", help=msg("help.build.all"))
    b.add_argument("--jobs", "-j", type=WHOLE, help=msg("help.build.jobs"))
    b.add_argument("-o", "--output", default="output", help=msg("help.output"))
    b.add_argument("--marks", action="store_true", help=msg("help.build.marks"))
    b.add_argument("--strict", action="store_true", help=msg("help.build.strict"))
    b.add_argument("--quiet", "-q", action="store_true", help=msg("help.build.quiet"))
    b.add_argument("--proof", action="store_true",
                   help=msg("help.build.proof"))
    b.add_argument("--json", action="store_true", help=json_help("build"))
    b.set_defaults(func=run)


def options(args) -> BuildOptions:
    """The build's options; SOURCE_DATE_EPOCH (ValueError when malformed) dates the plates."""
    from layout.press.pdfx import source_date_epoch

    return BuildOptions(marks=args.marks, strict=args.strict, proof=args.proof,
                        epoch=source_date_epoch(os.environ))


def run(args) -> int:
    if args.all is not None or args.edition is None:
        return run_all(args)
    try:
        opts = options(args)
    except ValueError as exc:                     # SOURCE_DATE_EPOCH malformed
        print_json("build", 1, error=str(exc)) if args.json else print(msg("epoch.bad", why=exc.args[0]), file=sys.stderr)
        return 1
    progress = Progress(args)
    try:
        result = build(args.edition, args.output, opts, on_step=progress.step)
    finally:
        progress.done()
    if args.json:
        code = exit_code(result)
        print_json("build", code, shown_diagnostics(result), **build_json(result))
        return code
    return show(result, args.quiet, sys.stdout, sys.stderr)


def exit_code(result) -> int:
    return 0 if result.ok else 1


def shown_diagnostics(result) -> list:
    """All of them when nothing was written; else all but notes."""
    return without_info(result.diagnostics) if result.plates else list(result.diagnostics)


def build_json(result) -> dict:
    items = {}
    if result.layout is not None:
        items["copyfit"] = copyfit_json_rows(result.layout)
    if result.plates:
        items["written"] = [str(p) for p in result.written]
        items["preflight"] = [preflight_json(r) for r in result.preflight]
        items["plates"] = plates_json(result)
    return items


def show(result, quiet: bool, out, err) -> int:
    """The build's lines (diagnostics and failures on `err`, the rest on `out`); its exit code."""
    print_diags(shown_diagnostics(result), err)
    if not result.plates:
        print(msg("nothing-written"), file=err)
        return 1
    edition, layout = result.edition, result.layout
    if not quiet:
        for row in copyfit_table(layout):
            print(row, file=out)
        print(msg("build.summary", paper=edition.paper.name, date=edition.date.isoformat(),
                  pages=len(layout.pages), articles=article_count(edition), over=len(overflowing(layout))),
              file=out)
        if result.replaced:                 # else the previous set stays (said below)
            for p in result.plates:
                print(msg("wrote", path=p), file=out)
            print(plates_line(result), file=out)
            if result.proof_file:
                print(msg("wrote.proof", path=result.proof_file), file=out)
    for line in preflight_failures(result):
        print(line, file=err)
    if not result.replaced:
        print(msg("set-kept", folder=result.folder), file=err)
    return exit_code(result)


def preflight_failures(result) -> list[str]:
    lines = []
    for report in result.failed_preflight:
        lines.append(msg("preflight.failed-for", path=report.path))
        lines += [f"  {check_line(check)}" for check in report.failures()]
    return lines


def plates_json(result) -> list[dict]:
    """The plates for --json: page, file, SHA-256, revision, /ID, status against the last build."""
    return [{"page": p.page, "file": p.file, "sha256": p.sha256, "revision": p.revision,
             "id": p.pdf_id, "status": p.status} for p in result.versions] + [
        {"page": n, "status": "removed"} for n in result.removed_pages]


def plates_line(result) -> str:
    """第1版 changed; 第2–4版 unchanged — which plates go to the plant."""
    from layout.press.manifest import page_ranges

    groups: dict[str, list[int]] = {}
    for p in result.versions:
        groups.setdefault(p.status, []).append(p.page)
    if result.removed_pages:
        groups["removed"] = list(result.removed_pages)
    parts = [msg(f"plates.status.{status}", pages=page_ranges(groups[status]))
             for status in ("changed", "new", "unchanged", "removed") if status in groups]
    return msg("plates.line", parts=msg("plates.sep").join(parts), path=result.manifest_file)
