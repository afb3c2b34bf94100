"""Embedding subsets by HarfBuzz (uharfbuzz) and by fontTools: the same glyphs and advances."""
from __future__ import annotations

import dataclasses
import io

import pytest
from fontTools.ttLib import TTFont

from layout.fonts import FontError, FontSet
from layout.fonts.embed import make_subset, subset_key, subset_tool

TEXT = "本报讯(记者李思婵)石景山区召开会议，ABC 123。“”、"


@pytest.fixture(scope="module")
def face():
    return FontSet.load().face("noto-sans-sc-bold")


def _read(data: bytes):
    font = TTFont(io.BytesIO(data))
    cmap = font.getBestCmap()
    return ({cp: font["hmtx"][g][0] for cp, g in cmap.items()}, font.getGlyphOrder()[0],
            sorted(t for t in font.keys() if t != "GlyphOrder"), font["glyf"][".notdef"].numberOfContours)


def test_harfbuzz_and_fonttools_subsets_agree(face):
    pytest.importorskip("uharfbuzz")
    cps = [ord(c) for c in TEXT]
    hb, ft = _read(make_subset(face, cps, "hb")), _read(make_subset(face, cps, "ft"))
    assert hb == ft
    advances, first, tables, notdef_contours = hb
    assert set(advances) == set(cps)                           # all of TEXT, nothing else
    assert first == ".notdef" and notdef_contours > 0          # .notdef keeps its outline
    assert not {"GSUB", "GPOS", "vmtx", "fpgm", "prep"} & set(tables)


def test_harfbuzz_subset_is_deterministic_and_loads_in_reportlab(face, tmp_path):
    pytest.importorskip("uharfbuzz")
    from reportlab.pdfbase.ttfonts import TTFont as RLFont

    cps = [ord(c) for c in TEXT]
    a, b = make_subset(face, cps, "hb"), make_subset(face, list(reversed(cps)), "hb")
    assert a == b
    (tmp_path / "s.ttf").write_bytes(a)
    assert RLFont("subset-tools-test", str(tmp_path / "s.ttf")).face.charToGlyph[ord("报")] > 0


def test_each_tool_has_its_own_cache_key(face):
    cps = [ord(c) for c in TEXT]
    assert subset_key(face, cps, "hb") != subset_key(face, cps, "ft")
    assert subset_key(face, cps) == subset_key(face, cps, subset_tool())


@pytest.mark.parametrize("tool", ["hb", "ft"])
def test_a_cff_font_is_refused(face, tmp_path, tool):
    if tool == "hb":
        pytest.importorskip("uharfbuzz")
    fake = tmp_path / "cff.otf"
    fake.write_bytes(b"OTTO\x00\x01\x00\x00\x00\x00\x00\x00CFF \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
    with pytest.raises(FontError):
        make_subset(dataclasses.replace(face, path=fake), [ord("报")], tool)
