"""`newsprint preview EDITION --page N`: one page as PNG (only that page is made up)."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.cli.bounds import DPI
from layout.cli.report import print_diags, without_info
from layout.cli.messages import msg
from layout.pipeline import preview


def add_parser(sub) -> None:
    v = sub.add_parser("preview", help="render one page to PNG")
    v.add_argument("edition")
    v.add_argument("--page", type=int, default=1)
    v.add_argument("--dpi", type=DPI, default=100.0, help="10 to 600 (default 100)")
    v.add_argument("-o", "--out", default="", help="PNG path (default: output/<paper>/<date>/preview-pN.png)")
    v.add_argument("--open", action="store_true", help="hand the PNG to the desktop's viewer (xdg-open/open)")
    v.add_argument("--proof", action="store_true", help="the proof view: grid, frames, copyfit drawn on the page")
    v.set_defaults(func=run)


def run(args) -> int:
    result = preview(args.edition, args.page, args.out or None, dpi=args.dpi, proof=args.proof)
    if result.page_missing:
        print(msg("no-page", page=args.page, pages=len(result.edition.pages)), file=sys.stderr)
        return 1
    if result.path is None:
        print_diags(result.diagnostics)
        return 1
    print_diags(without_info(result.diagnostics))
    print(result.path)
    if args.open:
        open_viewer(result.path)
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
