"""竖排题: a headline set top to bottom at the right side of its article.

Each entry (引题, then the 主题's lines, then 副题) is one column, read right to left; the
characters stand upright one em apart, punctuation in the font's vertical forms (its
`vert` feature: ︐ ︒ ﹁ ︵ …, see layout.fonts.vertical).  Latin letters and digits follow
clreq: a run of one or two digits stands upright across the column (纵中横), squeezed
to the em if it is wider; a longer run of Latin letters or digits is turned 90° clockwise.
Dashes (——, ～), which the fonts give no vertical form, are turned too.  The columns start
at the top of the block.  The 主题 shrinks to the style's `min_size` if its longest column is
longer than the block;
past that it is an error, as a horizontal headline too wide is.
"""
from __future__ import annotations

import re

from layout.base.diagnostics import error
from layout.makeup.model import Rect, TextRun

GAP_EM = 0.25          # between two columns, in the larger size
AIR_EM = 1.0           # between the headline and the body, in body size
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:%/+\-']*")
UPRIGHT_DIGITS = 2     # clreq: 1–2 digits upright, longer runs rotated
TURNED = "—–―～~"       # dashes and swung dashes the fonts give no vertical form: turned like Latin


def strip_width(ts, article, shape=None) -> float:
    """Width of the headline strip with the air before the body (0: not vertical)."""
    return sum(size * (1 + GAP_EM) for _, _, size in _entries(ts, article, shape)) + AIR_EM * ts.size("body")


def strip_length(ts, article, shape=None) -> float:
    """How far down the block the headline's longest column reaches (pt)."""
    return max((_length(ts, role, ts.text(text, article.pos), size) for role, text, size in
                _entries(ts, article, shape)), default=0.0) + ts.size("body") / 2


def _entries(ts, article, shape, shrink: float = 1.0):
    from layout.makeup.blocks import headline_role

    main = headline_role(article)
    out = []
    if article.kicker:
        out.append(("kicker", article.kicker, ts.size("kicker")))
    size = (shape.headline_size if shape and shape.headline_size else 0) or article.headline_size or ts.size(main)
    out += [(main, line, size * shrink) for line in article.headline]
    if article.subhead:
        out.append(("subhead", article.subhead, ts.size("subhead")))
    return out


def vertical_headline(ts, article, rect: Rect, shape=None) -> list:
    """Items of the vertical headline in the right part of rect (its strip_width wide)."""
    from layout.makeup.blocks import headline_role

    main = headline_role(article)
    style = ts.paper.styles[main]
    entries = _entries(ts, article, shape)
    longest = max((_length(ts, role, ts.text(text, article.pos), size) for role, text, size in entries
                   if role == main), default=0.0)
    room = rect.h - ts.size("body")
    shrink = 1.0
    if longest > room:
        size = entries[0][2] if entries else 0
        size = next((s for r, _, s in entries if r == main), size)
        floor = style.min_size_pt / size if style.min_size_pt and size else 1.0
        shrink = max(floor, room / longest)
        if longest * shrink > room + 0.01:
            ts.diagnostics.append(error("headline-too-long-vertical", article.pos, article=article.id,
                                        length=longest * shrink, avail=room))
        entries = _entries(ts, article, shape, shrink)
    items: list = []
    x = rect.right
    for role, raw, size in entries:
        x -= size * (1 + GAP_EM / 2)
        text = ts.text(raw, article.pos)
        items += column_runs(ts, role, text, size, x + size / 2, rect.y + ts.size("body") / 2)
        x -= size * GAP_EM / 2
    return items


def _length(ts, role: str, text: str, size: float) -> float:
    return sum(step for _, step in _tokens(ts, role, text, size))


def _tokens(ts, role: str, text: str, size: float):
    """(token, the length it takes down the column)."""
    tracking = ts.paper.styles[role].tracking_em * size
    i = 0
    while i < len(text):
        m = _LATIN.match(text, i)
        if m and not (m.end() - i <= UPRIGHT_DIGITS and text[i:m.end()].isdigit()) and \
                not (m.end() - i == 1):
            token = m.group()
            yield token, _width(ts, role, token, size) + size * 0.2 + tracking
            i = m.end()
            continue
        if m:                           # one letter, or one or two digits: upright in an em
            yield m.group(), size + tracking
            i = m.end()
            continue
        if text[i] in TURNED:
            j = i
            while j < len(text) and text[j] == text[i]:
                j += 1
            yield text[i:j], _width(ts, role, text[i:j], size) + tracking
            i = j
            continue
        yield text[i], (size * 0.5 if text[i].isspace() else size + tracking)
        i += 1


def _width(ts, role: str, token: str, size: float) -> float:
    chain = ts.paper.fonts[ts.paper.styles[role].font]
    return sum(ts.metrics.advance(ts.metrics.resolve(chain, ch) or chain[0], ch) for ch in token) * size


def column_runs(ts, role: str, text: str, size: float, centre: float, top: float) -> list[TextRun]:
    """The runs of one vertical column whose centre line is x = centre, from y = top down."""
    fonts = ts.metrics
    style = ts.paper.styles[role]
    chain = ts.paper.fonts[style.font]
    runs = []
    y = top
    for token, step in _tokens(ts, role, text, size):
        if token.isspace():
            y += step
            continue
        if token[0] in TURNED or (len(token) > 1 and not (len(token) <= UPRIGHT_DIGITS and token.isdigit())):
            font = fonts.resolve(chain, token[0]) or chain[0]
            xs, pen = [], 0.0
            for ch in token:
                xs.append(pen)
                pen += fonts.advance(font, ch) * size
            runs.append(TextRun(centre - 0.38 * size, y + size * 0.1, font, size, token, tuple(xs),
                                color=style.color, angle=90.0))
        elif len(token) > 1 or _LATIN.fullmatch(token):
            font = fonts.resolve(chain, token[0]) or chain[0]
            width = sum(fonts.advance(font, ch) for ch in token) * size
            scale = min(1.0, size / width) if width else 1.0
            xs = tuple(sum(fonts.advance(font, c) for c in token[:k]) * size * scale for k in range(len(token)))
            runs.append(TextRun(centre - width * scale / 2, y + 0.88 * size, font, size, token, xs,
                                color=style.color, hscale=scale))
        else:
            font, shown = _vertical_glyph(fonts, fonts.resolve(chain, token) or chain[0], token)
            adv = fonts.advance(font, shown) * size
            runs.append(TextRun(centre - adv / 2, y + 0.88 * size, font, size, shown, (0.0,),
                                color=style.color))
        y += step
    return runs


def _vertical_glyph(fonts, font: str, ch: str) -> tuple[str, str]:
    """(font, character) drawing ch in a column: the face's own vertical form; for a mark the
    face has none of (the Kai and Fang subsets keep no `vert`), the first shipped face, by id,
    that has one, so a ，is never drawn in its horizontal place; else ch as it is (a Han
    character, which stands the same either way)."""
    form = fonts.vertical_forms(font).get(ch)
    if form is not None:
        return font, form
    for other in fonts.ids():
        form = fonts.vertical_forms(other).get(ch)
        if form is not None:
            return other, form
    return font, ch
