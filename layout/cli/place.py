"""`newsprint place EDITION [--page N] [--write]`: the makeup as a table (which article
went where, how wide and high, at which headline size), and with --write the automatic
placements written into the edition file as `place: {…, fit: true}`, so a layout can be
frozen and fine-tuned by hand; building again gives the same pages."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.base.diagnostics import has_errors
from layout.cli.report import errors, print_diags, print_json
from layout.messages import msg
from layout.pipeline import load, make_up


def add_parser(sub) -> None:
    p = sub.add_parser("place", help="show (and with --write keep) the makeup's placements")
    p.add_argument("edition")
    p.add_argument("--page", type=int, default=0, help="only this page")
    p.add_argument("--write", action="store_true",
                   help="write the automatic placements into the edition file (comments kept)")
    p.add_argument("--json", action="store_true", help="print one JSON object (placements)")
    p.set_defaults(func=run)


def rows_of(layout, page: int = 0) -> list:
    return [pb for pl in layout.pages for pb in pl.placements if not page or pb.page == page]


def table(placements) -> list[str]:
    out = [msg("place.head")]
    for pb in placements:
        name = pb.article_id + (msg("place.cont") if pb.continuation else "")
        out.append(f"{pb.page:>4}  {name:<44} {pb.column:>3} {pb.span:>4} {pb.row:>4} {pb.rows:>5} "
                   f"{pb.headline_size or 0:>6g} {pb.body_cols or pb.span:>4}  "
                   f"{msg('place.auto') if pb.automatic else msg('place.hand')}")
    return out


def run(args) -> int:
    made = make_up(load(args.edition))
    if made.layout is None or has_errors(made.diagnostics):
        print_diags(made.diagnostics)
        print(msg("errors", n=len(errors(made.diagnostics))), file=sys.stderr)
        return 1
    placements = rows_of(made.layout, args.page)
    written = ""
    if args.write:
        code, written = _write(made.edition.path, [pb for pb in placements if pb.automatic])
        if code:
            return code
    if args.json:
        print_json("place", 0, made.diagnostics, placements=[_json(pb) for pb in placements],
                   written=written)
        return 0
    for line in table(placements):
        print(line)
    if written:
        print(msg("wrote", path=written))
    return 0


def _json(pb) -> dict:
    return {"page": pb.page, "article": pb.article_id, "continuation": pb.continuation,
            "column": pb.column, "span": pb.span, "row": pb.row, "rows": pb.rows,
            "headline_size": pb.headline_size, "body_columns": pb.body_cols or pb.span,
            "automatic": pb.automatic}


def _write(path: str, placements) -> tuple[int, str]:
    from layout.base.files import atomic_write
    from layout.edition.placewrite import PlaceLine, insert_placements

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    lines = [PlaceLine(pb.page, pb.article_id, pb.continuation, pb.column, pb.span, pb.row, pb.rows,
                       pb.headline_size) for pb in placements]
    new, refused = insert_placements(text, lines)
    if refused:
        print(msg("place.refused", ids=", ".join(refused), path=path), file=sys.stderr)
        return 1, ""
    if new != text:
        atomic_write(file, new.encode("utf-8"))
    return 0, str(file)
