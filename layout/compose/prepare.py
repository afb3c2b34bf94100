"""Per-paragraph tables, computed once: font, width and spacing of every character.

Widths are in points. A full-width punctuation mark has its ink in one half of
its em box; the other half is "blank" and may be trimmed (标点挤压):
closing marks and stops lose their right half (pen x unchanged), opening
marks their left half (pen x moves left), interpuncts a quarter each side.
A character's values depend on its style and the metrics only (but for an
apostrophe's), so they are worked out once per style and reused by later paragraphs.
"""
from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass
from itertools import compress
from typing import Sequence

from .classes import (ALNUM, CJK_PUNCT, CLOSE, DASH, ELLIPSIS, END, HAN, LATIN, LATIN_RUN, MIDDLE,
                      OPEN, SPACE, STOP, Memo, break_levels, char_class, link_spans)
from .hyphenate import SOFT_HYPHEN, hyphen_points
from .model import CharStyle, Metrics, Missing, ParaStyle, Span

MIN_SPACE_EM = 0.25       # a Latin word space shrinks to ¼ em
MAX_SPACE_EM = 0.5        # and stretches to ½ em
MIN_AUTOSPACE_EM = 0.125  # Han–Latin space: ⅛ em .. ½ em
MAX_AUTOSPACE_EM = 0.5


END_TRIMMED = (CLOSE, STOP, END)     # marks set half-width at line end (GB/T 15834 §5.1.10)


@dataclass
class Prepared:
    """Per character k of the paragraph (sequences of len(text)); gaps are between k and k+1."""
    text: str
    cls: Sequence[str]
    font: Sequence[str]
    size: Sequence[float]
    color: Sequence[str]
    adv: Sequence[float]        # natural advance (after the punctuation style's trims)
    trim_left: Sequence[float]  # already trimmed from the left by the style (pen x shift)
    blank_l: Sequence[float]    # trimmable blank remaining on the left
    blank_r: Sequence[float]    # trimmable blank remaining on the right
    track: Sequence[float]      # tracking after the char (pt)
    hscale: Sequence[float]     # horizontal glyph scale (a dash drawn across its em)
    rise: Sequence[float]       # baseline shift up, pt (a dash raised to the em centre)
    # for the line breaker: what a char is wide (advance + tracking), can lose and gain
    # inside a line, and the blank it loses at a line end (all of it, and the part in shrink)
    width: Sequence[float]
    shrink: Sequence[float]
    stretch: Sequence[float]
    end_trim: Sequence[float]
    end_trim_shrink: Sequence[float]
    auto: Sequence[float]       # Han–Latin space after char k (between k and k+1), pt
    pair: Sequence[float]       # consecutive-punctuation trim between k and k+1, pt
    pair_left: Sequence[bool]   # True: that trim is taken from k+1's left, else from k's right
    gap_w: Sequence[float]      # the gap's width (auto - pair) and what it can lose
    gap_shrink: Sequence[float]
    justifiable: Sequence[bool]  # the gap after k may take justification space
    levels: Sequence[int]       # break levels (classes.break_levels)
    missing: tuple[Missing, ...]
    open_start_half: bool = False   # ParaStyle.open_start_half
    open_first_half: bool = False   # ParaStyle.open_first_half
    end_squeeze: Sequence[float] = ()   # 。？！'s blank half, squeezed mid-line only as the
                                        # last step of reduction (clreq), pt
    hyphen: Sequence[float] = ()    # width (pt) of the hyphen a line ending before k adds; 0.0
                                    # where no word is hyphenated (() when none is)


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


def _char_row(ch: str, style: CharStyle, para: ParaStyle, metrics: Metrics,
              apostrophe: bool) -> tuple:
    """One character set in `style`: its values of Prepared's per-character fields, from
    cls to end_trim_shrink, in that order, but for size, color and track (the style's)."""
    c = char_class(ch)
    em = style.size_pt
    f = _pick_font(style.fonts, ch, metrics)
    if f:
        a = metrics.advance(f, ch)
    elif c == SPACE:
        f = style.fonts[0] if style.fonts else ""
        a = 0.25
    else:
        a = _fallback_advance(ch)
    w = a * em
    tl, hs, rise = 0.0, 1.0, 0.0
    if f and c in (OPEN, CLOSE, MIDDLE) and a < NARROW_EM and not apostrophe:
        w = em
        tl = -_full_width_pad(c, a) * em    # drawn that far right of the em's left
    elif c == DASH and f:
        shape = _dash_shape(metrics, f, ch)
        if shape:
            w = em
            hs = shape[0]
            tl = shape[1] * em    # drawn left of its slot: ink from the slot's edge
            rise = shape[2] * em
    bl, br = _blanks(c, em, w)
    half = para.punctuation == "banjiao" or (para.punctuation == "kaiming" and c != END)
    if half and (bl or br):
        w -= bl + br          # set half-width by the style
        tl += bl
        bl = br = 0.0
    track = style.tracking_em * em
    # a Latin space shrinks to ¼ em and stretches to ½ em; 。？！ keep their full width
    # inside a line (全角式); other marks can lose their blank halves
    if c == SPACE:
        shrink = max(0.0, w - MIN_SPACE_EM * em)
        stretch = max(0.0, MAX_SPACE_EM * em - w)
    else:
        shrink = 0.0 if c == END else bl + br
        stretch = 0.0
    end_trim = br if c in END_TRIMMED else 0.0
    return (c, f, w, tl, bl, br, hs, rise,
            w + track, shrink, stretch, end_trim, 0.0 if c == END else end_trim)


def _autospaced(ab: tuple[str, str]) -> bool:
    a, b = ab
    return (a == HAN and b in ALNUM) or (a in ALNUM and b == HAN)


def _justifiable(ab: tuple[str, str]) -> bool:
    """Justification space never goes inside a Latin word/number or inside ——/……"""
    a, b = ab
    return (a != SPACE and b != SPACE and not (a == b and a in (DASH, ELLIPSIS))
            and not (a in LATIN_RUN and b in LATIN_RUN))


# by pair of classes (a, b) of neighbours
_JUSTIFIABLE = Memo(_justifiable)
_SPECIAL = Memo(lambda ab: _autospaced(ab) or (ab[0] in CJK_PUNCT and ab[1] in CJK_PUNCT))


# Rows of characters already seen, by metrics (weakly) and (style, punctuation style): the
# same characters recur in every paragraph. Metrics must not change once used (FontSet's don't).
_ROWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_ROWS_LIMIT = 1 << 13      # characters per style, then that style's memo starts over


def _row_memo(metrics: Metrics, style: CharStyle, punctuation: str) -> dict[str, tuple]:
    try:
        by_style = _ROWS.get(metrics)
        if by_style is None:
            by_style = _ROWS[metrics] = {}
    except TypeError:       # metrics that cannot be weakly referenced: nothing shared
        return {}
    key = (style, punctuation)
    memo = by_style.get(key)
    if memo is None or len(memo) > _ROWS_LIMIT:
        if len(by_style) > 256:
            by_style.clear()
        memo = by_style[key] = {}
    return memo


def prepare(spans: Sequence[Span], para: ParaStyle, metrics: Metrics) -> Prepared:
    text = "".join(s.text for s in spans)
    n = len(text)
    rows: list[tuple] = []
    size: tuple[float, ...] = ()
    color: tuple[str, ...] = ()
    track: tuple[float, ...] = ()
    start = 0           # of the span in text
    for span in spans:
        st = span.style
        memo = _row_memo(metrics, st, para.punctuation)
        span_rows = list(map(memo.get, span.text))
        if not all(span_rows):          # characters not seen yet in this style
            for k, r in enumerate(span_rows):
                if r is None:
                    ch, i = span.text[k], start + k
                    r = memo.get(ch)
                    if r is None:
                        apostrophe = (ch == "’" and 0 < i < n - 1
                                      and char_class(text[i - 1]) == char_class(text[i + 1]) == LATIN)
                        r = _char_row(ch, st, para, metrics, apostrophe)
                        if ch != "’":     # the only character whose row depends on its neighbours
                            memo[ch] = r
                    span_rows[k] = r
        rows += span_rows
        m = len(span.text)
        size += (st.size_pt,) * m
        color += (st.color,) * m
        track += (st.tracking_em * st.size_pt,) * m
        start += m
    if not rows:
        return Prepared(text, *[()] * 23, missing=(), open_start_half=para.open_start_half,
                        open_first_half=para.open_first_half, end_squeeze=())
    (cls, font, adv, trim_left, blank_l, blank_r, hscale, rise,
     width, shrink, stretch, end_trim, end_trim_shrink) = zip(*rows)
    missing = ()
    if "" in font:
        missing = tuple(Missing(text[k], k) for k, (f, c) in enumerate(zip(font, cls))
                        if not f and c != SPACE)
    pairs = list(zip(cls, cls[1:]))
    justifiable = list(map(_JUSTIFIABLE.__getitem__, pairs))
    justifiable.append(False)
    auto = [0.0] * n
    pair = [0.0] * n
    pair_left = [False] * n
    gap_w = [0.0] * n
    gap_shrink = [0.0] * n
    sp = para.cjk_latin_space_em
    for k in compress(range(n), map(_SPECIAL.__getitem__, pairs)):   # rare: digits, mark pairs
        a, b = pairs[k]
        if (a == HAN and b in ALNUM) or (a in ALNUM and b == HAN):
            auto[k] = sp * (size[k] if a == HAN else size[k + 1])
        if a in CJK_PUNCT and b in CJK_PUNCT:
            # 标点挤压: the inner blank halves of two adjacent marks collapse to one
            if blank_r[k] > 0:
                pair[k] = blank_r[k]
            elif blank_l[k + 1] > 0:
                pair[k] = blank_l[k + 1]
                pair_left[k] = True
        au, t = auto[k], pair[k]
        gap_w[k] = au - t
        gap_shrink[k] = (max(0.0, au - MIN_AUTOSPACE_EM * size[k]) if au else 0.0) - t
    end_squeeze = [br if c == END else 0.0 for c, br in zip(cls, blank_r)] if END in cls else [0.0] * n
    for k, t in enumerate(pair):
        if t and not pair_left[k] and cls[k] == END:
            end_squeeze[k] = max(0.0, end_squeeze[k] - t)    # 。” already lost that blank
    hyphen = _hyphens(text, font, size, metrics) if para.hyphenate and LATIN in cls else ()
    return Prepared(text, cls, font, size, color, adv, trim_left, blank_l, blank_r, track,
                    hscale, rise, width, shrink, stretch, end_trim, end_trim_shrink,
                    auto, pair, pair_left, gap_w, gap_shrink, justifiable, break_levels(text),
                    missing, para.open_start_half, para.open_first_half, end_squeeze, hyphen)


def _hyphens(text: str, font, size, metrics: Metrics) -> Sequence[float]:
    """Prepared.hyphen: a word is hyphenated only inside one font that has the soft hyphen."""
    points = hyphen_points(text, link_spans(text))
    if not points:
        return ()
    out = [0.0] * len(text)
    for k in points:
        f = font[k - 1]
        if f and f == font[k] and size[k - 1] == size[k] and metrics.covers(f, SOFT_HYPHEN):
            out[k] = metrics.advance(f, SOFT_HYPHEN) * size[k - 1]
    return out if any(out) else ()
