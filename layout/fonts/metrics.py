"""Per-font metrics (advance widths by character, em box), cached per font sha256.

Parsing a 20,000-glyph font with fontTools takes about a second; the cached
entry (a marshal dict) loads in milliseconds.
"""
from __future__ import annotations

import hashlib
import marshal
import struct
from dataclasses import dataclass, field
from pathlib import Path

from .cache import atomic_write
from .manifest import FontError

FORMAT = 2
# Characters whose ink box the cache keeps: compose stretches these glyphs across their
# em (the dash of ——), and reading one glyph from the font costs ~0.2 s of cmap and glyf.
INK_CHARS = "—―"


@dataclass(frozen=True)
class FontMetrics:
    units_per_em: int
    ascent: float                 # em, above the baseline
    descent: float                # em, below the baseline, positive
    advances: dict[str, float]    # character -> advance in em (only mapped characters)
    # INK_CHARS the font has -> ink box (xmin, ymin, xmax, ymax) in em; None: an empty glyph
    ink: dict[str, tuple[float, float, float, float] | None] = field(default_factory=dict)


def extract(path: Path) -> dict:
    """Read cmap, hmtx and vertical metrics from the font file (slow path)."""
    from fontTools.ttLib import TTFont  # only needed on a cache miss

    with TTFont(path, lazy=True) as font:
        upem = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap()
        advances = {cp: hmtx[g][0] for cp, g in cmap.items() if g != ".notdef" and g in hmtx}
        ink = _ink_boxes(font, cmap, advances)
        os2 = font["OS/2"] if "OS/2" in font else None
        if os2 is not None and os2.sTypoAscender - os2.sTypoDescender > 0:
            ascent, descent = os2.sTypoAscender, -os2.sTypoDescender
        else:
            hhea = font["hhea"]
            ascent, descent = hhea.ascent, -hhea.descent
    return {"format": FORMAT, "units_per_em": upem, "ascent": ascent,
            "descent": descent, "advances": advances, "ink": ink}


def _ink_boxes(font, cmap: dict, advances: dict) -> dict:
    """INK_CHARS the font has -> (xmin, ymin, xmax, ymax) in font units (None: empty glyph),
    from each glyph's header in the raw glyf table: decompiling the whole table for
    two glyphs would cost ~0.1 s and 30 MiB."""
    if "glyf" not in font or "loca" not in font:
        return {}
    loca, raw = font["loca"], font.reader["glyf"]
    out = {}
    for ch in INK_CHARS:
        if ord(ch) not in advances:
            continue
        gid = font.getGlyphID(cmap[ord(ch)])
        start, end = loca[gid], loca[gid + 1]
        contours, *box = struct.unpack(">hhhhh", raw[start:start + 10]) if end - start >= 10 else (0,)
        out[ord(ch)] = tuple(box) if contours else None
    return out


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _from_entry(entry: object, size: int) -> FontMetrics:
    """Decode a cache entry; raise ValueError if it is not a sound one."""
    if not (isinstance(entry, dict) and entry.get("format") == FORMAT
            and entry.get("size") == size):
        raise ValueError("stale or foreign cache entry")
    try:
        upem = int(entry["units_per_em"])
        if upem <= 0:
            raise ValueError("units_per_em")
        return FontMetrics(
            units_per_em=upem,
            ascent=entry["ascent"] / upem,
            descent=entry["descent"] / upem,
            advances={chr(cp): adv / upem for cp, adv in entry["advances"].items()},
            ink={chr(cp): (tuple(v / upem for v in box) if box else None)
                 for cp, box in entry["ink"].items()},
        )
    except (KeyError, TypeError, AttributeError, OverflowError) as exc:
        raise ValueError(f"corrupt cache entry: {exc!r}") from None


def load_metrics(path: Path, sha256: str, cache: Path) -> FontMetrics:
    """Metrics of the font at path, whose content hash is sha256.

    The cache entry is trusted when its format and the file size match; a
    missing or corrupt entry is rebuilt from the font, after checking that the
    file really has the expected sha256.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FontError(f"{path}: font file missing") from None
    entry_path = cache / "metrics" / f"{sha256}.v{FORMAT}.marshal"
    try:
        return _from_entry(marshal.loads(entry_path.read_bytes()), size)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing or unusable: rebuild below
    actual = sha256_file(path)
    if actual != sha256:
        raise FontError(f"{path}: sha256 {actual} does not match manifest {sha256}")
    entry = extract(path)
    entry["size"] = size
    metrics = _from_entry(entry, size)
    try:
        atomic_write(entry_path, marshal.dumps(entry))
    except OSError:
        pass  # a read-only cache only costs speed
    return metrics
