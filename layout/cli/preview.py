"""`newsprint preview EDITION --page N`: one page as PNG (only that page is made up)."""
from __future__ import annotations

import sys
from pathlib import Path

from layout.cli.arguments import about
from layout.cli.bounds import DPI, WHOLE
from layout.cli.report import print_diags, without_info
from layout.cli.messages import msg
from layout.pipeline import preview


def add_parser(sub) -> None:
    v = sub.add_parser("preview", **about("preview"))
    v.add_argument("edition", metavar="EDITION", help=msg("help.edition"))
    v.add_argument("--page", type=WHOLE, default=1, help=msg("help.preview.page"))
    v.add_argument("--dpi", type=DPI, default=100.0, help=msg("help.dpi"))
    v.add_argument("-o", "--out", default="", help=msg("help.preview.out"))
    v.add_argument("--open", action="store_true", help=msg("help.preview.open"))
    v.add_argument("--proof", action="store_true", help=msg("help.preview.proof"))
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
