"""Vertical forms (竖排) from a font's own GSUB `vert` feature.

For each character of the cmap whose glyph `vert` substitutes (，。、：；！？ 「」（）《》 … ——),
the font's substitute glyph; where a code point of the cmap draws that very glyph (the
Unicode vertical forms U+FE10–FE19, U+FE30–FE4F that the shipped faces keep, see
fonts/build_fonts.py), the character is mapped to that code point, so the PDF draws the
substituted glyph through an ordinary cmap subset.  The lookups of the Chinese (ZHS)
language system of the Han script are used, else the script's or the font's default.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=16)
def vertical_glyphs(path: str, sha256: str = "") -> dict[str, str]:
    """char → char drawing its vertical form (only characters the font substitutes and whose
    substitute a code point of the font reaches); {} when the font has no `vert` feature.
    Remembered per file and digest (a rebuilt font is read again)."""
    from fontTools.ttLib import TTFont

    with TTFont(Path(path), lazy=True) as font:
        if "GSUB" not in font:
            return {}
        cmap = font.getBestCmap()
        subst = vert_substitutions(font["GSUB"].table)
        by_glyph: dict[str, int] = {}
        for cp, glyph in sorted(cmap.items()):
            by_glyph.setdefault(glyph, cp)
        out = {}
        for cp, glyph in cmap.items():
            target = subst.get(glyph)
            if target is not None and target != glyph and target in by_glyph:
                out[chr(cp)] = chr(by_glyph[target])
        return out


def vert_substitutions(gsub) -> dict[str, str]:
    """glyph → glyph of the single substitutions under `vert` for Chinese."""
    langsys = _langsys(gsub)
    if langsys is None:
        return {}
    records = gsub.FeatureList.FeatureRecord
    lookups = sorted({i for f in langsys.FeatureIndex if records[f].FeatureTag == "vert"
                      for i in records[f].Feature.LookupListIndex})
    out: dict[str, str] = {}
    for i in lookups:
        lookup = gsub.LookupList.Lookup[i]
        for sub in lookup.SubTable:
            sub = getattr(sub, "ExtSubTable", sub)          # type 7: an extension wraps it
            for src, dst in getattr(sub, "mapping", {}).items():
                out.setdefault(src, dst)
    return out


def _langsys(gsub):
    scripts = {r.ScriptTag: r.Script for r in gsub.ScriptList.ScriptRecord}
    for tag in ("hani", "DFLT"):
        script = scripts.get(tag)
        if script is None:
            continue
        for rec in script.LangSysRecord:
            if rec.LangSysTag == "ZHS ":
                return rec.LangSys
        if script.DefaultLangSys is not None:
            return script.DefaultLangSys
    return None
