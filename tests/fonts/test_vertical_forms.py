"""The shipped faces keep their `vert` feature and the glyphs it substitutes (fonts/build_fonts.py
subsets GSUB to `vert` and keeps the vertical forms U+FE10–FE4F), so a 竖排题 can draw them."""
from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from layout.fonts import FontSet
from layout.fonts.vertical import vert_substitutions

WITH_VERT = ("noto-sans-sc-bold", "noto-sans-sc-regular", "noto-serif-sc-bold")
PUNCTUATION = "，。、：；！？（）《》「」『』…"


@pytest.mark.parametrize("font_id", WITH_VERT)
def test_the_headline_faces_keep_vert_and_its_glyphs(font_id):
    fonts = FontSet.load()
    font = TTFont(fonts.face(font_id).path)
    subst = vert_substitutions(font["GSUB"].table)
    cmap = font.getBestCmap()
    forms = fonts.vertical_forms(font_id)
    for ch in PUNCTUATION:
        target = subst[cmap[ord(ch)]]                  # the feature substitutes it …
        assert target != cmap[ord(ch)]
        assert cmap[ord(forms[ch])] == target          # … and a kept code point draws that glyph
        assert 0xFE10 <= ord(forms[ch]) <= 0xFE4F
    assert set(font["GSUB"].table.FeatureList.FeatureRecord[i].FeatureTag
               for i in range(font["GSUB"].table.FeatureList.FeatureCount)) == {"vert"}


def test_a_face_without_vert_gives_no_forms():
    assert FontSet.load().vertical_forms("noto-serif-sc-regular") == {}
