#!/usr/bin/env python3
"""Build newsprint's shipped fonts (fonts/<id>.ttf) and fonts/manifest.json.

Run once, ahead of time, on a machine with these Debian packages installed:

    fonts-noto-cjk       /usr/share/fonts/opentype/noto/NotoSerifCJK-{Regular,Bold}.ttc
                         /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc
    fonts-lxgw-wenkai    /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
    texlive-lang-chinese /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf

    python3 fonts/build_fonts.py            # all fonts
    python3 fonts/build_fonts.py fandol-fang-regular   # only some ids

Why: ReportLab embeds TrueType (glyf) outlines only and refuses CFF ('OTTO')
fonts; the Noto CJK and Fandol faces are CFF. Converting 20,000 CFF glyphs to
quadratic curves takes tens of seconds per face, so it is done here once and
the .ttf results are committed.

Steps, per font (all with fontTools):
  1. Open the source. In a Noto .ttc the Simplified Chinese face is found by its
     name table (family "Noto Serif CJK SC" / "Noto Sans CJK SC"), not by a
     guessed index.
  2. fontTools.subset to the font's character set (below). Layout tables
     (GPOS, GDEF, BASE) and CFF's VORG are dropped: ReportLab ignores
     them and the engine computes its own widths. GSUB is kept with its 'vert'
     feature only: vertical headlines (layout.fonts.vertical) read the vertical
     forms from it, and the subsetter keeps the glyphs it substitutes. Hinting is dropped, glyph
     names are dropped (post format 3), .notdef keeps an outline, name records
     0-6, 13, 14 (copyright, names, version, licence) are kept in English.
  3. CFF sources only: every glyph is drawn through cu2qu's Cu2QuPen (cubic to
     quadratic, max error 1 font unit, contour direction reversed to the
     TrueType convention) into a TTGlyphPen; the glyphs go into new glyf/loca
     tables, CFF is removed, maxp becomes version 1.0, post format 3,
     head.glyphDataFormat 0, hmtx left side bearings are set to each glyph's xMin.
  4. head.modified is pinned to head.created of the source, so a rebuild of
     the same source gives the same bytes.
  5. The file is saved as fonts/<id>.ttf; its sha256, version, coverage counts
     and build time go into fonts/manifest.json.

Character sets (see charsets()):
  common   ASCII U+0020-007E, Latin-1 U+00A0-00FF, General Punctuation
           U+2000-206F, CJK Symbols and Punctuation U+3000-303F, Halfwidth and
           Fullwidth Forms U+FF00-FFEF, and all non-Han characters of GB2312
           rows 1-9 (Greek, Cyrillic, kana, bopomofo, box drawing, ①, ⒈, ℃ ...),
           and the vertical forms U+FE10-FE19, U+FE30-FE4F (︐ ︒ ︵ ﹁ …: the
           glyphs 'vert' substitutes for ，。（「 …, drawn by these code points).
  gb2312   the 6,763 Han characters of GB 2312 (Python's 'gb2312' codec).
  gbk      the 20,923 Han characters of GBK (every 2-byte sequence that
           Python's 'gbk' codec decodes to a CJK unified or compatibility
           ideograph).
  hangul   the 2,350 Hangul syllables of KS X 1001 (Python's 'euc_kr' codec).
  names    a short list of rare name characters beyond GBK (e.g. 𠮷 䶮 𫖯), kept
           where the font has them.
  symbols  what news copy carries beyond those, where the font has it: super- and
           subscripts U+2070-209F, currency U+20A0-20CF (€ ₩), letterlike and
           number forms U+2100-218F (№ ™ Ⅻ), arrows U+2190-21FF, mathematical
           operators U+2200-22FF (− ≤ ≈ √), enclosed alphanumerics U+2460-24FF,
           geometric shapes U+25A0-25FF, miscellaneous symbols U+2600-26FF.

LXGW WenKai declares the Reserved Font Names "LXGW" and "霞鹜" (OFL-1.1 §3), so
the subset, being a Modified Version, is renamed "WenKai Newsprint" in its name
table. The copyright record still credits LXGW and the Klee project.
"""
from __future__ import annotations

import json
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from layout.fonts.metrics import sha256_file  # noqa: E402  (same hash FontSet checks)

NOTO = Path("/usr/share/fonts/opentype/noto")
LXGW = Path("/usr/share/fonts/truetype/lxgw-wenkai")
FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")

MAX_ERR = 1.0  # cu2qu tolerance, font units
KEEP_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]
DROP_TABLES = ["GPOS", "GDEF", "BASE", "VORG", "JSTF", "DSIG", "meta"]

# 人名用生僻字 beyond GBK (Ext A/B/C/E and the 通用规范汉字表 additions).
RARE_NAME_CHARS = (
    "𠮷䶮𫖯𬌗𬭚𬭛𬬹𫟦𬳵𬳶𬀪𬀩𬍛𫘝𫠊𬇙𬣙𬘡𬟽𫚉𬊤𫍯𬱖𬴂𫐄𬍤𫭢𬨂𬶋𬶍𫵷𬸘𬒈𬤇"
    "𬞟𫓧𫄨𫗴𬬮𬍡𬊈𬭎𬭤𬘬𫟼𬩽𫰛𬺈𬌽𬂩𬹼𬙊"
)


@dataclass(frozen=True)
class Source:
    id: str
    package: str
    path: Path
    face_family: str      # for .ttc: the face whose name-table family (ID 1) is this
    sets: tuple[str, ...]
    licence: str
    licence_file: str
    rename: tuple[str, str] | None = None   # (old family text, new family text)


SOURCES = (
    Source("noto-serif-sc-regular", "fonts-noto-cjk", NOTO / "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC",
           ("common", "gb2312", "gbk", "names", "hangul", "symbols"), "OFL-1.1", "licenses/OFL-Noto-CJK.txt"),
    Source("noto-serif-sc-bold", "fonts-noto-cjk", NOTO / "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC",
           ("common", "gb2312"), "OFL-1.1", "licenses/OFL-Noto-CJK.txt"),
    Source("noto-sans-sc-regular", "fonts-noto-cjk", NOTO / "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC",
           ("common", "gb2312", "hangul"), "OFL-1.1", "licenses/OFL-Noto-CJK.txt"),
    Source("noto-sans-sc-bold", "fonts-noto-cjk", NOTO / "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC",
           ("common", "gb2312"), "OFL-1.1", "licenses/OFL-Noto-CJK.txt"),
    Source("lxgw-wenkai-regular", "fonts-lxgw-wenkai", LXGW / "LXGWWenKai-Regular.ttf", "",
           ("common", "gb2312"), "OFL-1.1", "licenses/OFL-LXGW-WenKai.txt",
           rename=("LXGW WenKai", "WenKai Newsprint")),
    Source("fandol-fang-regular", "texlive-lang-chinese", FANDOL / "FandolFang-Regular.otf", "",
           ("common", "gb2312"), "GPL-3.0 with font exception", "licenses/Fandol-LICENSE.txt"),
)


# ---------------------------------------------------------------- char sets

def is_han(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def decode_pairs(codec: str, leads: range, trails: range) -> list[str]:
    """Every single character that a 2-byte sequence of the codec decodes to."""
    out = []
    for a in leads:
        for b in trails:
            try:
                s = bytes((a, b)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.append(s)
    return out


def charsets() -> dict[str, frozenset[str]]:
    gb2312 = decode_pairs("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    gbk = decode_pairs("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
    ksx = decode_pairs("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
    blocks = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF),
              (0xFE10, 0xFE19), (0xFE30, 0xFE4F)]
    common = {chr(c) for lo, hi in blocks for c in range(lo, hi + 1)}
    common |= {c for c in gb2312 if not is_han(c)}
    return {
        "common": frozenset(common),
        "gb2312": frozenset(c for c in gb2312 if is_han(c)),
        "gbk": frozenset(c for c in gbk if is_han(c)),
        "hangul": frozenset(c for c in ksx if unicodedata.name(c, "").startswith("HANGUL SYLLABLE")),
        "names": frozenset(RARE_NAME_CHARS),
        "symbols": frozenset(chr(c) for lo, hi in ((0x2070, 0x22FF), (0x2460, 0x24FF), (0x25A0, 0x26FF))
                             for c in range(lo, hi + 1)),
    }


# ---------------------------------------------------------------- font steps

def open_source(src: Source) -> TTFont:
    if src.path.suffix.lower() != ".ttc":
        return TTFont(src.path, recalcTimestamp=False)
    coll = TTCollection(src.path, lazy=True)
    matches = [i for i, f in enumerate(coll.fonts)
               if f["name"].getDebugName(1) == src.face_family]
    if len(matches) != 1:
        raise SystemExit(f"{src.path}: no single face named {src.face_family!r} ({matches})")
    return TTFont(src.path, fontNumber=matches[0], recalcTimestamp=False)


def subset_font(font: TTFont, chars: set[str]) -> None:
    opts = subset.Options(
        layout_features=["vert"], hinting=False, glyph_names=False, notdef_outline=True,
        name_IDs=KEEP_NAME_IDS, recalc_timestamp=False,
    )
    opts.drop_tables += DROP_TABLES
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(ord(c) for c in chars))
    sub.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by quadratic glyf/loca outlines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0

    hmtx = font["hmtx"]
    for name in order:
        g = glyf[name]
        g.recalcBounds(glyf)
        adv, _ = hmtx[name]
        hmtx[name] = (adv, getattr(g, "xMin", 0) if g.numberOfContours else 0)


def fix_post(font: TTFont) -> None:
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    for attr in ("glyphOrder",):
        if hasattr(post, attr):
            delattr(post, attr)


def rename_family(font: TTFont, old: str, new: str) -> None:
    """OFL Reserved Font Names must not name a Modified Version."""
    old_ps, new_ps = old.replace(" ", ""), new.replace(" ", "")
    for rec in font["name"].names:
        if rec.nameID in (0, 13, 14):
            continue
        text = rec.toUnicode()
        renamed = text.replace(old, new).replace(old_ps, new_ps)
        if renamed != text:
            rec.string = renamed


# ---------------------------------------------------------------- manifest

def coverage(font: TTFont, sets: dict[str, frozenset[str]]) -> dict:
    cmap = {cp for cp, gname in font.getBestCmap().items() if gname != ".notdef"}
    have = lambda s: sum(1 for c in s if ord(c) in cmap)
    return {
        "gb2312_han": have(sets["gb2312"]), "gb2312_han_total": len(sets["gb2312"]),
        "gbk_han": have(sets["gbk"]), "gbk_han_total": len(sets["gbk"]),
        "hangul_ksx1001": have(sets["hangul"]), "hangul_ksx1001_total": len(sets["hangul"]),
        "rare_names": "".join(sorted((c for c in sets["names"] if ord(c) in cmap), key=ord)),
        "cmap": len(cmap),
        "glyphs": len(font.getGlyphOrder()),
    }


def build_one(src: Source, sets: dict[str, frozenset[str]]) -> dict:
    t0 = time.perf_counter()
    font = open_source(src)
    created = font["head"].created
    wanted = set().union(*(sets[s] for s in src.sets))
    source_cmap = set(font.getBestCmap())
    wanted = {c for c in wanted if ord(c) in source_cmap}
    was_cff = "CFF " in font
    subset_font(font, wanted)
    if was_cff:
        cff_to_glyf(font)
    fix_post(font)
    if src.rename:
        rename_family(font, *src.rename)
    font["head"].modified = created
    out = HERE / f"{src.id}.ttf"
    font.save(out)
    seconds = time.perf_counter() - t0

    check = TTFont(out)   # re-read what was written
    assert "glyf" in check and "CFF " not in check, src.id
    name = check["name"]
    entry = {
        "file": out.name,
        "family": name.getDebugName(1),
        "style": name.getDebugName(2),
        "version": name.getDebugName(5),
        "licence": src.licence,
        "licence_file": src.licence_file,
        "copyright": name.getDebugName(0),
        "sha256": sha256_file(out),
        "bytes": out.stat().st_size,
        "units_per_em": check["head"].unitsPerEm,
        "source": {"package": src.package, "path": str(src.path),
                   "outlines": "CFF converted to glyf (cu2qu, max error 1 unit)" if was_cff
                   else "glyf (subset only)"},
        "charsets": list(src.sets),
        "coverage": coverage(check, sets),
        "build_seconds": round(seconds, 1),
    }
    print(f"{src.id}: {entry['bytes'] / 1e6:.1f} MB, {entry['coverage']['cmap']} chars, "
          f"{seconds:.1f} s", flush=True)
    return entry


def main(argv: list[str]) -> int:
    wanted = set(argv) or {s.id for s in SOURCES}
    unknown = wanted - {s.id for s in SOURCES}
    if unknown:
        raise SystemExit(f"unknown font id(s): {', '.join(sorted(unknown))}")
    sets = charsets()
    manifest_path = HERE / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    fonts = manifest.get("fonts", {})
    for src in SOURCES:
        if src.id in wanted:
            fonts[src.id] = build_one(src, sets)
            write_manifest(manifest_path, fonts)   # after each font: a failure keeps the rest
    return 0


def write_manifest(path: Path, fonts: dict) -> None:
    manifest = {
        "format": 1,
        "built_with": {"fonttools": __import__("fontTools").version,
                       "python": sys.version.split()[0]},
        "fonts": {s.id: fonts[s.id] for s in SOURCES if s.id in fonts},
    }
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
