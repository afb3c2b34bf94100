"""Per-font metrics (advance widths by character, em box), cached per font sha256.

Parsing a 20,000-glyph font with fontTools takes about a second; the cached
entry (a marshal dict) loads in milliseconds: its characters as one string and their
advances (in em) as a list zip straight into the advances dict.
"""
from __future__ import annotations

import marshal
import struct
from dataclasses import field
from pathlib import Path

from layout.base.diagnostics import record
from .manifest import FontError

FORMAT = 4    # 4: 3 in a digest-checked entry naming its font; 3: characters + em advances
MAX_ENTRY_BYTES = 16 * 1024 * 1024   # a 65,535-glyph font's entry is ~1.5 MB
# Characters whose ink box the cache keeps: compose stretches these glyphs across their
# em (the dash of ——), and reading one glyph from the font costs ~0.2 s of cmap and glyf.
INK_CHARS = "—―"


@record
class FontMetrics:
    """A font's metrics in em (1.0 = the font size), as the cache holds them."""
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
        gids = _raw_cmap(font)
        if gids is not None:        # fast: glyph ids straight from the tables' bytes
            advances = _raw_advances(font, gids)
        else:                       # a cmap format the fast path does not read
            hmtx = font["hmtx"].metrics
            names = {cp: g for cp, g in font.getBestCmap().items() if g != ".notdef" and g in hmtx}
            advances = {cp: hmtx[g][0] for cp, g in names.items()}
            gids = {cp: font.getGlyphID(g) for cp, g in names.items()}
        ink = _ink_boxes(font, gids, advances)
        os2 = font["OS/2"] if "OS/2" in font else None
        if os2 is not None and os2.sTypoAscender - os2.sTypoDescender > 0:
            ascent, descent = os2.sTypoAscender, -os2.sTypoDescender
        else:
            hhea = font["hhea"]
            ascent, descent = hhea.ascent, -hhea.descent
    return {"format": FORMAT, "units_per_em": upem, "ascent": ascent,
            "descent": descent, "advances": advances, "ink": ink}


# cmap subtables in fontTools' getBestCmap order: (platform, encoding)
_CMAP_ORDER = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _raw_cmap(font) -> dict[int, int] | None:
    """Code point -> glyph id from the best cmap subtable's bytes (format 12 or 4), the
    same map as fontTools' getBestCmap without naming 65,000 glyphs (~0.1 s); glyph 0
    and ids past the font's glyphs left out.  None for any other format."""
    data = font.reader["cmap"]
    count = struct.unpack_from(">H", data, 2)[0]
    tables = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
        tables.setdefault((platform, encoding), offset)
    offset = next((tables[k] for k in _CMAP_ORDER if k in tables), None)
    if offset is None:
        return None
    n_glyphs = font["maxp"].numGlyphs
    fmt = struct.unpack_from(">H", data, offset)[0]
    out: dict[int, int] = {}
    if fmt == 12:
        n_groups = struct.unpack_from(">I", data, offset + 12)[0]
        for g in range(n_groups):
            start, end, gid = struct.unpack_from(">III", data, offset + 16 + 12 * g)
            for cp in range(start, end + 1):
                out[cp] = gid + cp - start
    elif fmt == 4:
        seg2 = struct.unpack_from(">H", data, offset + 6)[0]
        ends = offset + 14
        starts = ends + seg2 + 2
        deltas = starts + seg2
        ranges = deltas + seg2
        for i in range(0, seg2, 2):
            end, start = struct.unpack_from(">H", data, ends + i)[0], struct.unpack_from(">H", data, starts + i)[0]
            delta, range_offset = struct.unpack_from(">hH", data, deltas + i)[0], struct.unpack_from(">H", data, ranges + i)[0]
            for cp in range(start, end + 1):
                if cp == 0xFFFF:
                    continue
                if range_offset == 0:
                    gid = (cp + delta) & 0xFFFF
                else:
                    gid = struct.unpack_from(">H", data, ranges + i + range_offset + 2 * (cp - start))[0]
                    if gid:
                        gid = (gid + delta) & 0xFFFF
                out[cp] = gid
    else:
        return None
    return {cp: gid for cp, gid in out.items() if 0 < gid < n_glyphs}


def _raw_advances(font, gids: dict[int, int]) -> dict[int, int]:
    """Code point -> advance width (font units) from the hmtx bytes; glyphs past
    numberOfHMetrics take the last advance."""
    n_metrics = font["hhea"].numberOfHMetrics
    widths = struct.unpack_from(f">{n_metrics * 2}H", font.reader["hmtx"])[::2]
    last = widths[-1]
    return {cp: (widths[g] if g < n_metrics else last) for cp, g in gids.items()}


def _ink_boxes(font, gids: dict, advances: dict) -> dict:
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
        gid = gids[ord(ch)]
        start, end = loca[gid], loca[gid + 1]
        contours, *box = struct.unpack(">hhhhh", raw[start:start + 10]) if end - start >= 10 else (0,)
        out[ord(ch)] = tuple(box) if contours else None
    return out


def sha256_file(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _cache_entry(extracted: dict, size: int, sha256: str) -> dict:
    """The cache entry of extract()'s result: advances already in em, by character."""
    upem = extracted["units_per_em"]
    if not (isinstance(upem, int) and upem > 0):
        raise FontError(f"units_per_em {upem!r}")
    advances = extracted["advances"]
    shared: dict[float, float] = {}         # one float object per distinct advance (marshal refs)
    return {"format": FORMAT, "size": size, "font": sha256, "units_per_em": upem,
            "ascent": extracted["ascent"], "descent": extracted["descent"],
            "chars": "".join(map(chr, advances)),
            "advances": [shared.setdefault(adv / upem, adv / upem) for adv in advances.values()],
            "ink": extracted["ink"]}


def _from_entry(entry: object, size: int, sha256: str) -> FontMetrics:
    """Decode a cache entry; raise ValueError if it is not a sound one (or another font's)."""
    if not (isinstance(entry, dict) and entry.get("format") == FORMAT
            and entry.get("size") == size and entry.get("font") == sha256):
        raise ValueError("stale or foreign cache entry")
    try:
        upem = int(entry["units_per_em"])
        if upem <= 0:
            raise ValueError("units_per_em")
        chars, advances = entry["chars"], entry["advances"]
        if not (isinstance(chars, str) and isinstance(advances, list)
                and len(chars) == len(advances)):
            raise ValueError("advances")
        sum(advances, 0.0)                  # numbers only (TypeError otherwise)
        return FontMetrics(
            units_per_em=upem,
            ascent=entry["ascent"] / upem,
            descent=entry["descent"] / upem,
            advances=dict(zip(chars, advances)),
            ink={chr(cp): (tuple(v / upem for v in box) if box else None)
                 for cp, box in entry["ink"].items()},
        )
    except (KeyError, TypeError, AttributeError, OverflowError) as exc:
        raise ValueError(f"corrupt cache entry: {exc!r}") from None


def load_metrics(path: Path, sha256: str, cache: Path, notes: list | None = None) -> FontMetrics:
    """Metrics of the font at path, whose content hash is sha256.

    The cache entry is used when its digest matches its content (layout.base.files.read_entry)
    and it names this font, its size and format; a missing or damaged one is rebuilt from
    the font (a damaged one with a warning in `notes`), after checking that the file really
    has the expected sha256. A cache that cannot be written only costs time.
    """
    from layout.base.files import read_entry, write_entry

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FontError(f"{path}: font file missing") from None
    entry_path = cache / "metrics" / f"{sha256}.v{FORMAT}.marshal"
    payload, status = read_entry(entry_path, MAX_ENTRY_BYTES)
    if payload is not None:
        try:
            return _from_entry(marshal.loads(payload), size, sha256)
        except (ValueError, EOFError, TypeError):
            status = "damaged"
    if status == "damaged" and notes is not None:
        from layout.base.diagnostics import warning

        notes.append(warning("cache.damaged-metrics", None, font=path.name))
    actual = sha256_file(path)
    if actual != sha256:
        raise FontError(f"{path}: sha256 {actual} does not match manifest {sha256}")
    entry = _cache_entry(extract(path), size, sha256)
    metrics = _from_entry(entry, size, sha256)
    write_entry(entry_path, marshal.dumps(entry))
    return metrics
