"""Per-paragraph tables, computed once: font, width and spacing of every character.

Widths are in points. A full-width punctuation mark has its ink in one half of
its em box; the other half is "blank" and may be trimmed (标点挤压):
closing marks and stops lose their right half (pen x unchanged), opening
marks their left half (pen x moves left), interpuncts a quarter each side.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Sequence

from .classes import (ALNUM, CJK_PUNCT, CLOSE, DASH, ELLIPSIS, END, HAN, LATIN, LATIN_RUN, MIDDLE,
                      OPEN, SPACE, break_levels, char_class)
from .model import Metrics, Missing, ParaStyle, Span

MIN_SPACE_EM = 0.25       # a Latin word space shrinks to ¼ em
MAX_SPACE_EM = 0.5        # and stretches to ½ em
MIN_AUTOSPACE_EM = 0.125  # Han–Latin space: ⅛ em .. ½ em
MAX_AUTOSPACE_EM = 0.5


@dataclass
class Prepared:
    text: str
    cls: list[str]
    font: list[str]
    size: list[float]
    color: list[str]
    adv: list[float]        # natural advance (after the punctuation style's trims)
    trim_left: list[float]  # already trimmed from the left by the style (pen x shift)
    blank_l: list[float]    # trimmable blank remaining on the left
    blank_r: list[float]    # trimmable blank remaining on the right
    track: list[float]      # tracking after the char (pt)
    auto: list[float]       # Han–Latin space after char k (between k and k+1), pt
    pair: list[float]       # consecutive-punctuation trim between k and k+1, pt
    pair_left: list[bool]   # True: that trim is taken from k+1's left, else from k's right
    justifiable: list[bool]  # the gap after k may take justification space
    levels: list[int]       # break levels (classes.break_levels)
    missing: tuple[Missing, ...]
    open_start_half: bool = False   # ParaStyle.open_start_half
    hscale: list[float] | None = None   # horizontal glyph scale (a dash drawn across its em)
    rise: list[float] | None = None     # baseline shift up, pt (a dash raised to the em centre)
    open_first_half: bool = False       # ParaStyle.open_first_half

    def __len__(self) -> int:
        return len(self.text)


def _fallback_advance(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _pick_font(fonts: Sequence[str], ch: str, metrics: Metrics) -> str:
    for f in fonts:
        if metrics.covers(f, ch):
            return f
    return ""


def _blanks(c: str, em: float, full: float) -> tuple[float, float]:
    """Blank halves (left, right) of a full-width mark; (0, 0) for proportional glyphs."""
    blank = full - 0.5 * em
    if c not in CJK_PUNCT or blank < 0.2 * em:
        return 0.0, 0.0
    if c == OPEN:
        return blank, 0.0
    if c == MIDDLE:
        return blank / 2, blank / 2
    return 0.0, blank


# Marks a Chinese page sets in a full em whatever the font's glyph: the Western quotes of
# a Kai face (LXGW WenKai's “ is 0.35 em), the Latin middle dot (Noto Serif's · is 0.33 em).
NARROW_EM = 0.6


def _full_width_pad(c: str, a: float) -> float:
    """Blank (em) left of a narrow glyph (advance a) of a mark set full-width: an opening
    mark's glyph sits at the right of its em (by the text it opens), a closing mark's at
    the left, an interpunct in the middle."""
    return {OPEN: 1.0 - a, CLOSE: 0.0, MIDDLE: (1.0 - a) / 2}[c]


def _dash_shape(metrics: Metrics, font_id: str, ch: str) -> tuple[float, float, float] | None:
    """(scale, left, rise) in em to draw a dash glyph across exactly one em at the height
    of the ideographic em box's centre, so —— is one unbroken 2-em line (GB/T 15834):
    Noto Serif SC's — is 0.89 em with side bearings and sits low. None without ink data."""
    ink = getattr(metrics, "ink", None)
    box = ink(font_id, ch) if ink else None
    if not box or box[2] - box[0] <= 0.05:
        return None
    x0, y0, x1, y1 = box
    scale = 1.0 / (x1 - x0)
    centre = (metrics.ascent(font_id) - metrics.descent(font_id)) / 2
    rise = centre - (y0 + y1) / 2
    return scale, x0 * scale, rise if abs(rise) > 0.02 else 0.0


def prepare(spans: Sequence[Span], para: ParaStyle, metrics: Metrics) -> Prepared:
    text = "".join(s.text for s in spans)
    n = len(text)
    cls = [char_class(c) for c in text]
    font: list[str] = []
    size: list[float] = []
    color: list[str] = []
    adv: list[float] = []
    trim_left = [0.0] * n
    blank_l = [0.0] * n
    blank_r = [0.0] * n
    track: list[float] = []
    hscale = [1.0] * n
    rise = [0.0] * n
    missing: list[Missing] = []
    cache: dict[tuple[tuple[str, ...], str], tuple[str, float]] = {}
    i = 0
    for span in spans:
        st = span.style
        em = st.size_pt
        for ch in span.text:
            key = (st.fonts, ch)
            hit = cache.get(key)
            if hit is None:
                f = _pick_font(st.fonts, ch, metrics)
                if f:
                    a = metrics.advance(f, ch)
                elif cls[i] == SPACE:
                    f = st.fonts[0] if st.fonts else ""
                    a = 0.25
                else:
                    a = _fallback_advance(ch)
                hit = cache[key] = (f, a)
            f, a = hit
            if not f and cls[i] != SPACE:
                missing.append(Missing(ch, i))
            w = a * em
            c = cls[i]
            apostrophe = ch == "’" and 0 < i < n - 1 and cls[i - 1] == cls[i + 1] == LATIN
            if f and c in (OPEN, CLOSE, MIDDLE) and a < NARROW_EM and not apostrophe:
                w = em
                trim_left[i] = -_full_width_pad(c, a) * em   # drawn that far right of the em's left
            elif c == DASH and f:
                shape = _dash_shape(metrics, f, ch)
                if shape:
                    w = em
                    hscale[i] = shape[0]
                    trim_left[i] = shape[1] * em   # drawn left of its slot: ink from the slot's edge
                    rise[i] = shape[2] * em
            bl, br = _blanks(c, em, w)
            half = para.punctuation == "banjiao" or (para.punctuation == "kaiming" and c != END)
            if half and (bl or br):
                w -= bl + br          # set half-width by the style
                trim_left[i] += bl
                bl = br = 0.0
            font.append(f)
            size.append(em)
            color.append(st.color)
            adv.append(w)
            blank_l[i] = bl
            blank_r[i] = br
            track.append(st.tracking_em * em)
            i += 1
    auto = [0.0] * n
    pair = [0.0] * n
    pair_left = [False] * n
    justifiable = [False] * n
    levels = break_levels(text, cls)
    sp = para.cjk_latin_space_em
    for k in range(n - 1):
        a, b = cls[k], cls[k + 1]
        if (a == HAN and b in ALNUM) or (a in ALNUM and b == HAN):
            auto[k] = sp * (size[k] if a == HAN else size[k + 1])
        if a in CJK_PUNCT and b in CJK_PUNCT:
            # 标点挤压: the inner blank halves of two adjacent marks collapse to one
            if blank_r[k] > 0:
                pair[k] = blank_r[k]
            elif blank_l[k + 1] > 0:
                pair[k] = blank_l[k + 1]
                pair_left[k] = True
        # justification space never goes inside a Latin word/number or inside ——/……
        justifiable[k] = (a != SPACE and b != SPACE and not (a == b and a in (DASH, ELLIPSIS))
                          and not (a in LATIN_RUN and b in LATIN_RUN))
    return Prepared(text, cls, font, size, color, adv, trim_left, blank_l, blank_r, track,
                    auto, pair, pair_left, justifiable, levels, tuple(missing), para.open_start_half,
                    hscale, rise, para.open_first_half)
