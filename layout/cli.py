"""The `newsprint` command: build | check | preview | preflight | fonts.

Only this module prints. Exit codes: 0 success, 1 errors in the input or output,
2 usage errors (argparse), 70 internal error (a bug; NEWSPRINT_DEBUG=1 shows the
traceback), 130 interrupted.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from layout.diagnostics import Diagnostic, Severity, has_errors
from layout.messages import diag_json, diag_line, dumps, msg


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    from layout.fonts import FontError

    try:
        return _run_json(args) if getattr(args, "json", False) else args.func(args)
    except KeyboardInterrupt:
        print("newsprint: interrupted; nothing was written", file=sys.stderr)
        return 130
    except FontError as exc:                  # fonts/ folder, manifest or a font file broken
        print(f"newsprint: fonts: {exc}", file=sys.stderr)
        print("newsprint: reinstall the fonts folder (or fix $NEWSPRINT_FONTS_DIR)", file=sys.stderr)
        return 1
    except OSError as exc:                    # e.g. output folder read-only, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"newsprint: {where}{exc.strerror or exc}; no file was left half-written",
              file=sys.stderr)
        return 1
    except Exception as exc:                  # a bug: say so, no traceback unless asked
        if os.environ.get("NEWSPRINT_DEBUG"):
            raise
        print(f"newsprint: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("newsprint: this is a bug in newsprint, not in the edition; no file was left "
              "half-written. Rerun with NEWSPRINT_DEBUG=1 for the traceback and report it.",
              file=sys.stderr)
        return 70


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsprint", description="Typeset a Chinese newspaper edition as print-ready PDF.")
    sub = p.add_subparsers(dest="command")

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
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("check", help="validate an edition without rendering")
    c.add_argument("edition")
    c.add_argument("--strict", action="store_true")
    c.add_argument("--json", action="store_true", help="print one JSON object (diagnostics, copyfit)")
    c.add_argument("--quiet", "-q", action="store_true", help="errors only")
    c.set_defaults(func=cmd_check)

    v = sub.add_parser("preview", help="render one page to PNG")
    v.add_argument("edition")
    v.add_argument("--page", type=int, default=1)
    v.add_argument("--dpi", type=float, default=100.0)
    v.add_argument("-o", "--out", default="", help="PNG path (default: output/<paper>/<date>/preview-pN.png)")
    v.add_argument("--open", action="store_true", help="hand the PNG to the desktop's viewer (xdg-open/open)")
    v.add_argument("--proof", action="store_true", help="the proof view: grid, frames, copyfit drawn on the page")
    v.set_defaults(func=cmd_preview)

    f = sub.add_parser("preflight", help="check any PDF for print readiness")
    f.add_argument("pdf")
    f.add_argument("--ink-limit", type=float, default=240.0)
    f.add_argument("--json", action="store_true", help="print one JSON object (the checks)")
    f.add_argument("--quiet", "-q", action="store_true", help="no output; the exit code tells")
    f.set_defaults(func=cmd_preflight)

    fo = sub.add_parser("fonts", help="list the shipped fonts by role and coverage")
    fo.add_argument("--missing", metavar="EDITION", default="", help="list characters of EDITION no font has")
    fo.set_defaults(func=cmd_fonts)

    w = sub.add_parser("watch", help="rebuild (or re-preview a page) whenever the edition's files change")
    w.add_argument("edition")
    w.add_argument("-o", "--output", default="output", help="output root (default: output/)")
    w.add_argument("--page", type=int, default=0, help="re-preview this page as PNG instead of building")
    w.add_argument("--dpi", type=float, default=100.0)
    w.add_argument("--proof", action="store_true", help="write the proof view too")
    w.add_argument("--max-builds", type=int, default=0, help="stop after this many builds (0: never)")
    w.add_argument("--timeout", type=float, default=0.0, help="stop after this many seconds (0: never)")
    w.set_defaults(func=cmd_watch)

    n = sub.add_parser("new", help="start next week's edition from this one")
    n.add_argument("next", help="the new edition's folder (or its edition.yaml)")
    n.add_argument("--from", dest="source", required=True, metavar="EDITION", help="this week's edition")
    n.add_argument("--keep", action="append", default=[], metavar="ID",
                   help="copy this article as it is (a standing block); may be repeated")
    n.add_argument("--force", action="store_true", help="replace an existing edition file")
    n.set_defaults(func=cmd_new)
    return p


# ------------------------------------------------------------------ helpers

def _print_diags(diags, stream=None) -> None:
    stream = stream or sys.stderr
    seen = set()
    for d in diags:
        if str(d) in seen:
            continue
        seen.add(str(d))
        _note(diagnostics=[d])
        print(diag_line(d), file=stream)


# --json: commands note what they found here; the human lines are swallowed and one
# JSON object is printed instead.
_REPORT: dict | None = None


def _note(**items) -> None:
    if _REPORT is None:
        return
    for key, value in items.items():
        if key == "diagnostics":
            _REPORT["diagnostics"] += [diag_json(d) for d in value]
        elif isinstance(value, list):
            _REPORT.setdefault(key, []).extend(value)
        else:
            _REPORT[key] = value


def _run_json(args) -> int:
    import contextlib
    import io

    global _REPORT
    _REPORT = {"command": args.command, "diagnostics": []}
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = args.func(args)
        report = _REPORT
    finally:
        _REPORT = None
    report["exit"] = code
    report["ok"] = code == 0
    print(dumps(report))
    return code


class _Progress:
    """A progress line on stderr for steps that start after the command has run a moment
    (0.5 s); only on a terminal (or NEWSPRINT_PROGRESS=1), never with --quiet or --json."""

    def __init__(self, args, after: float = 0.5):
        import time

        self.t0 = time.perf_counter()
        self.after = after
        self.tty = sys.stderr.isatty()
        self.on = (not getattr(args, "quiet", False) and _REPORT is None
                   and (self.tty or os.environ.get("NEWSPRINT_PROGRESS") == "1"))
        self.shown = False

    def step(self, mid: str, **fields) -> None:
        import time

        if not self.on or time.perf_counter() - self.t0 < self.after:
            return
        line = msg("progress", step=msg(mid, **fields))
        print(f"\r\033[K{line}" if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)
        self.shown = True

    def done(self) -> None:
        if self.shown and self.tty:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _load(path: str, fonts=None):
    """Edition + fonts (`fonts` if given: watch keeps one FontSet), or (None, None, diags)."""
    from layout.edition import load_edition
    from layout.fonts import FontSet
    from layout.newedition import placeholder_diagnostics

    fonts = fonts or FontSet.load()
    edition, diags = load_edition(path, font_ids=fonts.ids())
    diags = list(diags)
    if edition is not None:
        diags += placeholder_diagnostics(path)   # 【待填写】 left by `newsprint new`
    if edition is None or has_errors(diags):
        return None, None, diags
    from layout.edition.placement import check_placements
    from layout.makeup import furniture_rows, make_grid

    grid = make_grid(edition.paper)
    rows = {p.number: grid.rows - furniture_rows(edition.paper, grid, p.number) for p in edition.pages}
    diags += check_placements(edition, rows)
    return edition, fonts, diags


def _make_up(edition, fonts, diags, only=None):
    from layout.makeup import make_up

    layout = make_up(edition, fonts, only=only)
    diags += layout.diagnostics
    return layout


def _out_dir(root: str, edition) -> Path:
    return Path(root) / edition.paper.slug / edition.date.isoformat()


def _remove_stale_temps(out: Path) -> None:
    """Temp files of a killed build (press.atomic_write names them .<file>.<random>.tmp)."""
    if out.is_dir():
        for tmp in out.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def _copyfit_table(layout) -> list[str]:
    rows = [msg("copyfit.head")]
    for e in layout.copyfit:
        over = f"超出{e.overflow_chars}字" if e.overflow_chars else "-"
        short = f"缺{e.short_lines}行" if e.short_lines else "-"
        rows.append(f"{e.page:>4}  {e.article_id:<42} {e.lines_needed:>5} {e.lines_available:>5}  {over:>8}  {short:>5}")
    for f in layout.fill:
        rows.append(msg("copyfit.fill", page=f.page, empty=f.empty, lines=f.lines,
                        uncovered=f.uncovered, short=f.short))
    return rows


def _copyfit_json(layout) -> bytes:
    data = {"paper": layout.paper_slug, "date": layout.date_iso,
            "articles": [e.__dict__ for e in layout.copyfit],
            "pages": [dict(f.__dict__, empty=f.empty) for f in layout.fill]}
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _proof(layout, edition, fonts):
    """The proof view of a layout (grid, frames, copyfit over the page; proof colours)."""
    from layout.makeup import make_grid
    from layout.render.proof import proof_layout

    roles = [edition.paper.fonts.get("hei", ())] + list(edition.paper.fonts.values())
    chain = tuple(dict.fromkeys(fid for role in roles for fid in role))
    return proof_layout(layout, make_grid(edition.paper), fonts, chain)


def _write_proof(layout, edition, fonts, out: Path) -> Path:
    """<stem>-proof.pdf beside the plates, never one of them."""
    from layout.press import atomic_write
    from layout.press.write import chars_by_font, register_fonts, render_pdf

    proof = _proof(layout, edition, fonts)
    names = register_fonts(fonts, chars_by_font(proof))
    path = out / f"{edition.paper.slug}-{edition.date.isoformat()}-proof.pdf"
    first = min(names) if names else None     # the canvas's initial font: an embedded one, not Helvetica
    atomic_write(path, render_pdf(proof, proof.pages, names, first, False, proof.title))
    return path


def _overflowing(layout):
    return [e for e in layout.copyfit if e.overflow_chars]


# ------------------------------------------------------------------ commands

def cmd_check(args) -> int:
    edition, fonts, diags = _load(args.edition)
    if edition is not None and not has_errors(diags):
        layout = _make_up(edition, fonts, diags)
        _note(copyfit=[e.__dict__ for e in layout.copyfit])
        if args.strict and _overflowing(layout):
            diags.append(Diagnostic(Severity.ERROR, "overflow with --strict", None, "strict"))
    _print_diags([d for d in diags if d.severity is Severity.ERROR] if args.quiet else diags)
    if has_errors(diags):
        n = sum(1 for d in diags if d.severity is Severity.ERROR)
        print(msg("errors", n=n), file=sys.stderr)
        return 1
    if not args.quiet:
        print(msg("check.ok", edition=args.edition, pages=len(edition.pages),
                  articles=sum(len(p.articles) for p in edition.pages)))
    return 0


def _build_all(args) -> int:
    """build --all DIR [--jobs N]: every edition under DIR in a process pool (layout.batch)."""
    if (args.all is None) == (args.edition is None):
        print("newsprint build: give an EDITION or --all DIR (one of them)", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("newsprint build: --jobs must be 1 or more", file=sys.stderr)
        return 2
    from layout.batch import build_all, default_jobs, find_editions

    editions = find_editions(args.all)
    if not editions:
        print(f"newsprint: no edition (a folder with edition.yaml) under {args.all}", file=sys.stderr)
        return 1
    flags = [f for f, on in (("--marks", args.marks), ("--strict", args.strict), ("-q", args.quiet),
                             ("--proof", getattr(args, "proof", False))) if on]
    results = build_all(editions, ["-o", args.output, *flags], args.jobs or default_jobs())
    for r in results:
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
    failed = [r for r in results if r.code]
    print(f"{len(results) - len(failed)} editions built, {len(failed)} failed")
    for r in failed:
        print(f"  FAILED {r.edition} (exit {r.code})", file=sys.stderr)
    return max(r.code for r in results)


def cmd_build(args) -> int:
    if args.all is not None or args.edition is None:
        return _build_all(args)
    progress = _Progress(args)
    try:
        return _build(args, progress)
    finally:
        progress.done()


def _build(args, progress) -> int:
    edition, fonts, diags = _load(args.edition)
    if edition is None or has_errors(diags):
        _print_diags(diags)
        print(msg("nothing_written"), file=sys.stderr)
        return 1
    progress.step("step.makeup", pages=len(edition.pages))
    layout = _make_up(edition, fonts, diags)
    _note(copyfit=[e.__dict__ for e in layout.copyfit])
    if args.strict and _overflowing(layout):
        diags.append(Diagnostic(Severity.ERROR, "overflow with --strict", None, "strict"))
    if has_errors(diags):
        _print_diags(diags)
        print(msg("nothing_written"), file=sys.stderr)
        return 1
    from layout.press import atomic_write, preflight, write_edition

    out = _out_dir(args.output, edition)
    _remove_stale_temps(out)
    progress.step("step.plates")
    result = write_edition(layout, fonts, out, marks=args.marks)
    _note(written=[str(p) for p in result.paths])
    bad = []
    for i, path in enumerate(result.paths, 1):
        progress.step("step.preflight", i=i, n=len(result.paths))
        report = preflight(path, ink_limit_pct=edition.paper.ink_limit_pct, min_text_pt=edition.paper.min_text_pt)
        _note(preflight=[_preflight_json(report)])
        if not report.passed:
            bad.append((path, report))
        if path in result.page_pdfs:     # preflight warnings (small text, thin rules), once per plate
            diags.extend(d for d in report.diagnostics() if d.severity is Severity.WARNING)
    atomic_write(out / f"{edition.paper.slug}-{edition.date.isoformat()}-copyfit.json", _copyfit_json(layout))
    proof_path = _write_proof(layout, edition, fonts, out) if args.proof else None
    _note(written=[str(out / f"{edition.paper.slug}-{edition.date.isoformat()}-copyfit.json")]
          + ([str(proof_path)] if proof_path else []))
    progress.done()
    _print_diags([d for d in diags if d.severity is not Severity.INFO])
    if not args.quiet:
        for row in _copyfit_table(layout):
            print(row)
        arts = sum(len(p.articles) for p in edition.pages)
        print(msg("build.summary", paper=edition.paper.name, date=edition.date.isoformat(),
                  pages=len(layout.pages), articles=arts, over=len(_overflowing(layout))))
        for p in result.paths:
            print(msg("wrote", path=p))
        if proof_path:
            print(msg("wrote.proof", path=proof_path))
    if bad:
        for path, report in bad:
            print(msg("preflight.failed_for", path=path), file=sys.stderr)
            for check in report.failures():
                print(f"  {_check_line(check)}", file=sys.stderr)
        return 1
    return 0


def cmd_preview(args) -> int:
    edition, fonts, diags = _load(args.edition)
    if edition is None or has_errors(diags):
        _print_diags(diags)
        return 1
    if args.page not in {p.number for p in edition.pages}:
        print(msg("no_page", page=args.page, pages=len(edition.pages)), file=sys.stderr)
        return 1
    layout = _make_up(edition, fonts, diags, only={args.page})
    if has_errors(diags):
        _print_diags(diags)
        return 1
    from layout.press import atomic_write
    from layout.press.preview import render_png

    name = f"preview-p{args.page}{'-proof' if args.proof else ''}.png"
    out = Path(args.out) if args.out else _out_dir("output", edition) / name
    if args.proof:
        layout = _proof(layout, edition, fonts)
    png = render_png(layout, fonts, args.page, dpi=args.dpi)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, png)
    _print_diags([d for d in diags if d.severity is not Severity.INFO])
    print(out)
    if args.open:
        _open_viewer(out)
    return 0


def _open_viewer(path: Path) -> None:
    """Hand a file to the desktop's viewer, if there is one; never an error."""
    import shutil
    import subprocess

    opener = shutil.which("xdg-open") or shutil.which("open")
    if not opener:
        print(msg("no_viewer"), file=sys.stderr)
        return
    subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def cmd_preflight(args) -> int:
    from layout.press import preflight

    if not Path(args.pdf).is_file():
        print(msg("no_file", path=args.pdf), file=sys.stderr)
        return 1
    report = preflight(args.pdf, ink_limit_pct=args.ink_limit)
    _note(preflight=[_preflight_json(report)])
    if not args.quiet:
        print(msg("preflight.head", path=report.path, verdict=msg("PASS" if report.passed else "FAIL")))
        for check in report.checks:
            print(f"  {_check_line(check)}")
    return 0 if report.passed else 1


def _check_line(check) -> str:
    """A preflight check as `PASS name: figure — message`, the verdict word localised."""
    mark = "PASS" if check.passed else ("FAIL" if check.severity == "error" else "WARN")
    tail = f" — {check.message}" if check.message else ""
    return f"{msg(mark)} {check.name}: {check.figure}{tail}"


def _preflight_json(report) -> dict:
    return {"file": str(report.path), "passed": report.passed,
            "checks": [{"name": c.name, "passed": c.passed, "severity": c.severity,
                        "figure": c.figure, "message": c.message} for c in report.checks]}


def cmd_fonts(args) -> int:
    from layout.fonts import FontSet

    fonts = FontSet.load()
    if args.missing:
        edition, _, diags = _load(args.missing)
        if edition is None:
            _print_diags(diags)
            return 1
        layout_diags: list = []
        _make_up(edition, fonts, layout_diags)
        missing = [d for d in layout_diags if d.code == "missing-glyph"]
        _print_diags(missing, sys.stdout)
        print(msg("fonts.missing", n=len(missing)))
        return 1 if missing else 0
    for fid in fonts.ids():
        face = fonts.face(fid)
        cov = ", ".join(f"{k} {v}" for k, v in sorted(face.coverage.items()))
        print(f"{fid:<24} {face.family} {face.style}  [{cov}]")
    return 0


def cmd_watch(args) -> int:
    from layout.fonts import FontSet
    from layout.watch import watch
    from layout.messages import msg

    fonts = FontSet.load()

    def build():
        edition, _, diags = _load(args.edition, fonts)
        lines = []
        layout = None
        if edition is not None and not has_errors(diags):
            layout = _make_up(edition, fonts, diags)
        lines += list(dict.fromkeys(diag_line(d) for d in diags if d.severity is not Severity.INFO))
        if edition is None or has_errors(diags):
            lines.append(msg("nothing_written"))
            return None, lines
        from layout.press import atomic_write, write_edition

        out = _out_dir(args.output, edition)
        out.mkdir(parents=True, exist_ok=True)
        if args.page:
            from layout.press.preview import render_png

            if args.page not in {p.number for p in layout.pages}:
                lines.append(f"the edition has no page {args.page}")
                return layout, lines
            shown = _proof(layout, edition, fonts) if args.proof else layout
            png = out / f"preview-p{args.page}{'-proof' if args.proof else ''}.png"
            atomic_write(png, render_png(shown, fonts, args.page, dpi=args.dpi))
            paths = [png]
        else:
            paths = list(write_edition(layout, fonts, out).paths)
            atomic_write(out / f"{edition.paper.slug}-{edition.date.isoformat()}-copyfit.json",
                         _copyfit_json(layout))
            if args.proof:
                paths.append(_write_proof(layout, edition, fonts, out))
        lines += [f"wrote {p}" for p in paths]
        return layout, lines

    return watch(args.edition, build, msg, max_builds=args.max_builds, timeout=args.timeout)


def cmd_new(args) -> int:
    from layout.edition import load_edition
    import datetime as _dt

    from layout.newedition import next_edition_text, write_next_edition

    edition, diags = load_edition(args.source)
    if edition is None or has_errors(diags):
        _print_diags(diags)
        print(f"newsprint: {args.source} has errors; fix them first. Nothing was written", file=sys.stderr)
        return 1
    ids = {a.id for p in edition.pages for a in p.articles}
    unknown = [k for k in args.keep if k not in ids]
    if unknown:
        print(f"newsprint: --keep: no article {', '.join(unknown)} in {args.source}", file=sys.stderr)
        return 1
    target = Path(args.next)
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target / "edition.yaml"
    if target.exists() and not args.force:
        print(f"newsprint: {target} exists; choose another folder or use --force. Nothing was written",
              file=sys.stderr)
        return 1
    text, copies = next_edition_text(Path(edition.path), target, edition, set(args.keep))
    write_next_edition(target, text, copies)
    arts = sum(len(p.articles) for p in edition.pages) - len(args.keep)
    nxt = edition.date + _dt.timedelta(days=7)
    print(msg("new.wrote", path=target, paper=edition.paper.name, date=nxt.isoformat(),
              weekday="星期" + "一二三四五六日"[nxt.weekday()], issue=edition.issue + 1, total=edition.total_issue + 1))
    print(msg("new.todo", n=arts))
    return 0
