"""`newsprint fonts [--missing EDITION]`: the shipped fonts, or the characters none of them has."""
from __future__ import annotations

import sys

from layout.cli.report import print_diags
from layout.cli.arguments import about
from layout.cli.messages import msg
from layout.pipeline import load, make_up


def add_parser(sub) -> None:
    fo = sub.add_parser("fonts", **about("fonts"))
    fo.add_argument("--missing", metavar="EDITION", default="", help=msg("help.fonts.missing"))
    fo.set_defaults(func=run)


def run(args) -> int:
    from layout.fonts import FontSet

    fonts = FontSet.load()
    if args.missing:
        return _missing(args.missing, fonts)
    for fid in fonts.ids():
        face = fonts.face(fid)
        cov = ", ".join(f"{k} {v}" for k, v in sorted(face.coverage.items()))
        print(f"{fid:<24} {face.family} {face.style}  [{cov}]")
    return 0


def _missing(path: str, fonts) -> int:
    loaded = load(path, fonts)
    if not loaded.ok:
        print_diags(loaded.diagnostics)
        return 1
    made = make_up(loaded)
    missing = [d for d in made.diagnostics if d.code == "missing-glyph"]
    print_diags(missing, sys.stdout)
    print(msg("fonts.missing", n=len(missing)))
    return 1 if missing else 0
