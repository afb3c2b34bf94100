"""竖排题 read back from the plate: the glyphs drawn are the font's `vert` substitutes (their
outlines are the substituted glyphs' of the shipped font), the text extracts as typed and in
reading order (top to bottom, the columns right to left), Latin runs turned."""
from __future__ import annotations

import io
import re

from fixtures.builder import article, page, place, write_edition
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from layout.cli import main
from layout.fonts import FontSet
from layout.fonts.vertical import vert_substitutions

TEXT = ["本报讯 " + "社区志愿者坚守卡口，为居民测量体温、登记信息。" * 10]
HEADLINE = "守望（春天）：2020年的春，“等”COVID"


def plate(tmp_path):
    folder = write_edition(tmp_path, [page(1, [
        article("lead", "头条", TEXT, place=place(1, 6, 1, 20)),
        article("vert", HEADLINE, TEXT, place=place(1, 3, 21, 40), headline_direction="vertical",
                kicker="副刊", headline_size=20)])])
    assert main(["build", str(folder), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    return next((tmp_path / "out").rglob("*-p1.pdf"))


def _outline(font: TTFont, glyph: str):
    g = font["glyf"][glyph]
    return tuple(map(tuple, g.getCoordinates(font["glyf"])[0])) if g.numberOfContours else ()


def drawn_glyphs(path):
    """(unicode from ToUnicode, outline of the embedded glyph, base font) per code of each
    subset font of the page (reportlab's subsets map their codes in a (1, 0) cmap)."""
    out = []
    page = PdfReader(path).pages[0]
    for ref in page["/Resources"]["/Font"].values():
        f = ref.get_object()
        font = TTFont(io.BytesIO(f["/FontDescriptor"]["/FontFile2"].get_data()))
        cmap = f["/ToUnicode"].get_data().decode("latin-1")
        codes = font["cmap"].getcmap(1, 0).cmap
        for code, uni in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,8})>", cmap):
            if int(code, 16) in codes:       # (code 0 is .notdef, a space has no glyph)
                ch = bytes.fromhex(uni).decode("utf-16-be")
                out.append((ch, _outline(font, codes[int(code, 16)]), str(f["/BaseFont"])))
    return out


def test_vertical_punctuation_is_drawn_with_the_fonts_vert_glyphs(tmp_path):
    path = plate(tmp_path)
    shipped = TTFont(FontSet.load().face("noto-sans-sc-bold").path)
    subst = vert_substitutions(shipped["GSUB"].table)
    cmap = shipped.getBestCmap()
    drawn = {(ch, outline) for ch, outline, base in drawn_glyphs(path) if "Bold" in base}
    # （）：，extract as typed; the SC font's vertical “ ” are corner brackets ﹃﹄, read as 『』
    for ch, read in zip("（）：，“”", "（）：，『』"):
        vert = _outline(shipped, subst[cmap[ord(ch)]])
        horizontal = _outline(shipped, cmap[ord(ch)])
        assert vert != horizontal, ch
        assert (read, vert) in drawn, f"{ch}: not drawn with its vertical form"
        assert (ch, horizontal) not in drawn, f"{ch}: drawn horizontal in a vertical headline"


def test_the_vertical_headline_reads_in_order(tmp_path):
    path = plate(tmp_path)
    page = PdfReader(path).pages[0]
    strip = float(page.trimbox[0]) + 385 - 60       # the 3-column article's right edge less its strip
    shown = []                       # (text, x, y, matrix) in the strip, in content stream order

    def visit(text, cm, tm, font, size):
        if text.strip() and tm[4] > strip and round(max(abs(tm[0]), abs(tm[1])) * size) in (14, 20):
            shown.append((text.strip(), tm[4], tm[5], [round(v) for v in tm[:4]]))

    page.extract_text(visitor_text=visit)
    # as typed, in reading order; the font's vertical “ ” are corner brackets (﹃﹄), read as 『』
    assert "".join(t for t, *_ in shown).replace(" ", "") == "副刊" + HEADLINE.replace("“", "『").replace("”", "』")
    kicker, head = shown[:2], shown[2:]
    assert min(x for _, x, _, _ in kicker) > max(x for _, x, _, _ in head)    # 引题 right of 主题
    ys = [y for _, _, y, _ in head]
    assert ys == sorted(ys, reverse=True)                               # down the column
    # the two Latin runs (2020, COVID) are turned 90° clockwise: text matrices 0 -1 1 0
    from pypdf.generic import ContentStream

    ops = ContentStream(page.get_contents(), page.pdf).operations
    turned = [[float(v) for v in args[:4]] for args, op in ops if op == b"Tm" and float(args[1]) != 0]
    assert turned == [[0, -1, 1, 0], [0, -1, 1, 0]]
