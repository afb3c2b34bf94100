"""`newsprint fonts [--missing EDITION]`: the shipped fonts, or the characters none of them has."""
from __future__ import annotations

import sys

from layout.cli.report import print_diags
from layout.base.catalogue import Phrase
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
        print(msg("fonts.line", id=f"{fid:<24}", family=face.family, style=face.style,
                  coverage=coverage(face.coverage)))
    return 0


COVERED = ("cmap", "glyphs", "gb2312_han", "gbk_han", "hangul_ksx1001")   # counts; *_total: out of


def coverage(figures: dict) -> tuple:
    """A font's coverage figures (the manifest's) as phrases: 'GBK hanzi 6763/20923', …"""
    out = [Phrase(f"fonts.cov.{key.replace('_', '-')}", n=figures[key], total=figures.get(f"{key}_total"))
           for key in COVERED if key in figures]
    if "rare_names" in figures:
        out.append(Phrase("fonts.cov.rare-names", chars=figures["rare_names"] or None))
    known = set(COVERED) | {f"{k}_total" for k in COVERED} | {"rare_names"}
    out += [Phrase("fonts.cov.other", key=k, value=v) for k, v in sorted(figures.items()) if k not in known]
    return tuple(out)


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
