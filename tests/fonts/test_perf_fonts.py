"""Warm builds read no font file: the dash ink boxes come with the cached metrics."""
from __future__ import annotations

import fontTools.ttLib

from layout.fonts import FontSet
from layout.fonts.metrics import INK_CHARS


def _read_from_font(fonts: FontSet, font_id: str, ch: str):
    with fontTools.ttLib.TTFont(fonts.face(font_id).path, lazy=True) as font:
        upem = font["head"].unitsPerEm
        g = font["glyf"][font.getBestCmap()[ord(ch)]]
        return (g.xMin / upem, g.yMin / upem, g.xMax / upem, g.yMax / upem)


def test_dash_ink_comes_from_the_metrics_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cold = FontSet.load(cache_dir=cache)
    fid = "noto-serif-sc-regular"
    expected = _read_from_font(cold, fid, "—")
    assert cold.ink(fid, "—") == expected
    assert expected[2] - expected[0] > 0.5

    def no_font_files(*a, **k):
        raise AssertionError("a font file was parsed on a warm cache")

    monkeypatch.setattr(fontTools.ttLib, "TTFont", no_font_files)
    warm = FontSet.load(cache_dir=cache)
    assert warm.metrics(fid).ink.keys() <= set(INK_CHARS)
    assert warm.ink(fid, "—") == expected


def test_fast_cmap_and_advances_equal_fonttools_for_every_shipped_font(tmp_path):
    from layout.fonts import metrics

    fonts = FontSet.load(cache_dir=tmp_path / "cache")
    for fid in fonts.ids():
        path = fonts.face(fid).path
        with fontTools.ttLib.TTFont(path, lazy=True) as font:
            hmtx = font["hmtx"].metrics
            expected = {cp: hmtx[g][0] for cp, g in font.getBestCmap().items()
                        if g != ".notdef" and g in hmtx}
            gids = metrics._raw_cmap(font)
            assert gids is not None, fid              # the shipped fonts take the fast path
            assert gids == {cp: font.getGlyphID(g) for cp, g in font.getBestCmap().items()
                            if g != ".notdef" and g in hmtx}, fid
            assert metrics._raw_advances(font, gids) == expected, fid
        assert metrics.extract(path)["advances"] == expected, fid


def test_cmap_format_4_is_read_like_fonttools(tmp_path):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    from layout.fonts import metrics

    names = [".notdef", "a", "b", "c", "d"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    # a run with an even delta (a-c) and scattered code points (idRangeOffset segments)
    fb.setupCharacterMap({0x41: "a", 0x42: "b", 0x43: "c", 0x4E2D: "d", 0x4E3F: "a", 0xFF01: "c"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0)), pen.lineTo((0, 100)), pen.lineTo((100, 0)), pen.closePath()
    fb.setupGlyf({n: pen.glyph() for n in names})
    fb.setupHorizontalMetrics({n: (500 + 10 * i, 0) for i, n in enumerate(names)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200)
    fb.setupPost()
    fb.setupNameTable({"familyName": "T", "styleName": "Regular"})
    path = tmp_path / "t.ttf"
    fb.save(str(path))
    with fontTools.ttLib.TTFont(path, lazy=True) as font:
        subtables = {(t.platformID, t.platEncID): t.format for t in font["cmap"].tables}
        assert 4 in subtables.values() and 12 not in subtables.values()
        hmtx = font["hmtx"].metrics
        expected = {cp: hmtx[g][0] for cp, g in font.getBestCmap().items() if g != ".notdef"}
        assert metrics._raw_advances(font, metrics._raw_cmap(font)) == expected
    assert metrics.extract(path)["advances"] == expected
