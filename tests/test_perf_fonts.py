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
