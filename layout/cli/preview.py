"""`newsprint preview EDITION --page N`: one page as PNG (only that page is made up)."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.cli.load import load, make_up
from layout.cli.paths import out_dir, preview_name
from layout.cli.proof import write_preview
from layout.cli.report import print_diags, without_info
from layout.diagnostics import has_errors
from layout.messages import msg


def add_parser(sub) -> None:
    v = sub.add_parser("preview", help="render one page to PNG")
    v.add_argument("edition")
    v.add_argument("--page", type=int, default=1)
    v.add_argument("--dpi", type=float, default=100.0)
    v.add_argument("-o", "--out", default="", help="PNG path (default: output/<paper>/<date>/preview-pN.png)")
    v.add_argument("--open", action="store_true", help="hand the PNG to the desktop's viewer (xdg-open/open)")
    v.add_argument("--proof", action="store_true", help="the proof view: grid, frames, copyfit drawn on the page")
    v.set_defaults(func=run)


def run(args) -> int:
    edition, fonts, diags = load(args.edition)
    if edition is None or has_errors(diags):
        print_diags(diags)
        return 1
    if args.page not in {p.number for p in edition.pages}:
        print(msg("no-page", page=args.page, pages=len(edition.pages)), file=sys.stderr)
        return 1
    layout = make_up(edition, fonts, diags, only={args.page})
    if has_errors(diags):
        print_diags(diags)
        return 1
    out = Path(args.out) if args.out else out_dir("output", edition) / preview_name(args.page, args.proof)
    write_preview(layout, edition, fonts, args.page, args.dpi, args.proof, out)
    print_diags(without_info(diags))
    print(out)
    if args.open:
        open_viewer(out)
    return 0


def open_viewer(path: Path) -> None:
    """Hand a file to the desktop's viewer, if there is one; never an error."""
    import shutil
    import subprocess

    opener = shutil.which("xdg-open") or shutil.which("open")
    if not opener:
        print(msg("no-viewer"), file=sys.stderr)
        return
    subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)
