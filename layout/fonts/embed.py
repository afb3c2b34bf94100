"""Small TrueType subsets for embedding in the PDF (what render gives ReportLab)."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from .cache import atomic_write
from .manifest import FontError, FontFace

FORMAT = 2    # 2: glyph data copied as they are (no bbox recomputation)
_SFNT_TRUETYPE = b"\x00\x01\x00\x00"


def subset_key(face: FontFace, codepoints: list[int]) -> str:
    text = "".join(map(chr, sorted(set(codepoints))))
    h = hashlib.sha256(f"{face.sha256}\n{FORMAT}\n{text}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def make_subset(face: FontFace, codepoints: list[int]) -> bytes:
    """fontTools subset of face with those code points plus .notdef (outlined).

    Timestamps come from the source file unchanged, so equal inputs give equal bytes.
    Glyphs are copied without recomputing their bounding boxes (recalcBBoxes=False):
    the shipped TrueType glyphs already carry correct ones, and decompiling every
    glyph to recompute them was 3-6x the cost of the whole subset.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options(
        layout_features=[], hinting=False, glyph_names=False, notdef_outline=True,
        name_IDs=[0, 1, 2, 3, 4, 5, 6, 13, 14], recalc_timestamp=False,
    )
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    with TTFont(face.path, lazy=True, recalcTimestamp=False, recalcBBoxes=False) as font:
        if "glyf" not in font:
            raise FontError(f"{face.path}: not a TrueType (glyf) font")
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=sorted(set(codepoints)))
        sub.subset(font)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def cached_subset(face: FontFace, codepoints: list[int], cache: Path) -> Path:
    """Path of the subset in the cache, building it on first request."""
    path = cache / "subsets" / f"{face.id}-{subset_key(face, codepoints)[:40]}.ttf"
    try:
        with open(path, "rb") as fh:
            if fh.read(4) == _SFNT_TRUETYPE:
                return path
    except OSError:
        pass
    atomic_write(path, make_subset(face, codepoints))
    return path
