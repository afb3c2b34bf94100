"""`newsprint place EDITION [--page N] [--write]`: the makeup as a table (which article
went where, how wide and high, at which headline size), and with --write the automatic
placements written into the edition file as `place: {…, fit: true}`, so a layout can be
frozen and fine-tuned by hand; building again gives the same pages."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.base.diagnostics import has_errors
from layout.cli.report import errors, print_diags, print_json
from layout.cli.arguments import about, json_help
from layout.cli.bounds import WHOLE
from layout.cli.messages import msg
from layout.pipeline import load, make_up


def add_parser(sub) -> None:
    p = sub.add_parser("place", **about("place"))
    p.add_argument("edition", metavar="EDITION", help=msg("help.edition"))
    p.add_argument("--page", type=WHOLE, default=0, help=msg("help.place.page"))
    p.add_argument("--write", action="store_true",
                   help=msg("help.place.write"))
    p.add_argument("--json", action="store_true", help=json_help("place"))
    p.add_argument("--variants", type=WHOLE, default=0, metavar="K",
                   help=msg("help.place.variants"))
    p.add_argument("-o", "--out", default="", help=msg("help.place.out"))
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
    if args.variants:
        return variants(args)
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


MAX_VARIANTS = 6


def variants(args) -> int:
    """`--variants K`: the page made up K ways (the best arrangement, then the next best
    different ones), each drawn as a proof, joined left to right into one PNG."""
    import tempfile

    from layout.pipeline import preview
    from layout.pipeline.outputs import out_dir

    if not 1 <= args.variants <= MAX_VARIANTS:
        print(msg("place.variants-range", most=MAX_VARIANTS), file=sys.stderr)
        return 2
    page = args.page or 1
    shots, seen = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.variants):
            result = preview(args.edition, page, Path(tmp) / f"v{k}.png", dpi=40, proof=True, variant=k)
            if result.path is None:
                print_diags(result.diagnostics)
                return 1
            rows = [pb for pb in rows_of(result.layout, page) if pb.automatic]
            key = [(pb.article_id, pb.column, pb.row, pb.rows) for pb in rows]
            if key in seen:
                break                       # no further different arrangement
            seen.append(key)
            print(msg("place.variant", k=k + 1))
            for line in table(rows_of(result.layout, page)):
                print(line)
            shots.append(_image(result.path))
        target = Path(args.out) if args.out else out_dir("output", result.edition) / f"variants-p{page}.png"
        _join(shots, target)
    print(msg("wrote", path=target))
    return 0


def _image(path):
    from PIL import Image

    with Image.open(path) as im:
        return im.convert("RGB")


def _join(images, target: Path) -> None:
    from PIL import Image

    gap = 12
    w = sum(im.width for im in images) + gap * (len(images) - 1)
    h = max(im.height for im in images)
    sheet = Image.new("RGB", (w, h), "white")
    x = 0
    for im in images:
        sheet.paste(im, (x, 0))
        x += im.width + gap
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target)
