"""Setting one chosen line: compress punctuation, squeeze or spread, place the glyphs.

Reduction follows clreq's order (line-end ½ em is always taken first):
Latin spaces → interpuncts → brackets → ，、；： → Han–Latin spaces → and last of
all 。？！ (only when the line cannot be set otherwise: the breaker makes that dear).
Expansion: Latin spaces to ½ em → even space between characters and at the word
spaces (Han–Latin spaces are not widened first: that would leave holes before
numbers) to ¼ em → the word spaces alone ¼ em more → even again, at most ½ em a gap;
a line that would need more is spread by ¼ em (never inside a Latin word, URL or
number, never inside ——/……) and its word spaces by ¼ em more. What even that cannot
fill is left at the line's end: the line is set short and compose reports it.
"""
from __future__ import annotations

from itertools import accumulate
from operator import add, sub

from .breaking import SPACING_CAP_EM, SPACING_MAX_EM, WORD_SPACE_EM
from .classes import CLOSE, END, MIDDLE, OPEN, SPACE, STOP
from .hyphenate import SOFT_HYPHEN
from .model import Columns, Glyph, Line
from .prepare import END_TRIMMED, MAX_SPACE_EM, MIN_AUTOSPACE_EM, MIN_SPACE_EM, Prepared

_SHRINK_ORDER = ("space", MIDDLE, "bracket", STOP, "auto", END)   # 。？！ last of all


def _distribute(amount: float, caps: list[tuple[int, float]], apply) -> float:
    """Take up to `amount` from the items in proportion to their capacity; return what's left."""
    total = sum(c for _, c in caps)
    if amount <= 0 or total <= 0:
        return amount
    take = min(amount, total)
    for k, c in caps:
        apply(k, c * take / total)
    return amount - take


def _shrink(need: float, cls, size, auto, adv: list, tl: list, bl: list, br: list,
            gap: list) -> float:
    """Take `need` pt out of the line in _SHRINK_ORDER; return what could not be taken."""

    def shrink_char_left(i: int, t: float) -> None:
        adv[i] -= t
        tl[i] += t
        bl[i] -= t

    def shrink_char_right(i: int, t: float) -> None:
        adv[i] -= t
        br[i] -= t

    def shrink_gap(i: int, t: float) -> None:
        gap[i] -= t

    n = len(adv)
    for level in _SHRINK_ORDER:
        if need <= 0:
            break
        if level == "space":
            caps = [(i, adv[i] - MIN_SPACE_EM * size[i]) for i in range(n)
                    if cls[i] == SPACE and adv[i] > MIN_SPACE_EM * size[i]]
            need = _distribute(need, caps, shrink_char_right)
        elif level == "auto":
            caps = [(i, g - MIN_AUTOSPACE_EM * size[i]) for i, g in enumerate(gap)
                    if auto[i] and g > MIN_AUTOSPACE_EM * size[i]]
            need = _distribute(need, caps, shrink_gap)
        else:
            classes = (OPEN, CLOSE) if level == "bracket" else (level,)
            lefts = [(i, bl[i]) for i in range(n) if cls[i] in classes and bl[i] > 0]
            rights = [(i, br[i]) for i in range(n) if cls[i] in classes and br[i] > 0]
            total_l = sum(c for _, c in lefts)
            total_r = sum(c for _, c in rights)
            if total_l + total_r > 0:
                share = min(need, total_l + total_r)
                part_l = share * total_l / (total_l + total_r)
                _distribute(part_l, lefts, shrink_char_left)
                _distribute(share - part_l, rights, shrink_char_right)
                need -= share
    return need


def _spread(extra: float, cls, size, justifiable, adv: list, gap_extra: list) -> float:
    """Justify: `extra` pt into Latin spaces up to ½ em, then evenly between characters
    (Han–Latin spaces too) and at word spaces to ¼ em each, then at the word spaces alone
    up to ¼ em more, then evenly again to at most ½ em each; return what is left."""
    n = len(adv)
    spaces = [(i, MAX_SPACE_EM * size[i] - adv[i]) for i in range(n)
              if cls[i] == SPACE and adv[i] < MAX_SPACE_EM * size[i]]

    def grow_char(i: int, t: float) -> None:
        adv[i] += t

    extra = _distribute(extra, spaces, grow_char)
    if extra > 1e-9:
        units = [i for i, j in enumerate(justifiable) if j]
        words = [i for i in range(n) if cls[i] == SPACE]
        count = len(units) + len(words)
        if count:
            em = size[0]
            each, wide = extra / count, 0.0
            if each > SPACING_CAP_EM * em + 1e-9 and words:   # past the cap: the word spaces
                room = len(words) * WORD_SPACE_EM * em       # alone first, ¼ em more each
                over = extra - count * SPACING_CAP_EM * em
                if over <= room + 1e-9:
                    each, wide = SPACING_CAP_EM * em, over / len(words)
                else:
                    each, wide = (extra - room) / count, WORD_SPACE_EM * em
            if each > SPACING_MAX_EM * em + 1e-9:    # cannot be filled: spread to the
                each = SPACING_CAP_EM * em           # cap, the rest left at the end
            for i in units:
                gap_extra[i] += each
            for i in words:
                adv[i] += each + wide
            extra -= each * count + wide * len(words)
    return max(0.0, extra)


def build_line(p: Prepared, s: int, e: int, end: int, measure: float, indent: float,
               justify: bool, first: bool, last: bool) -> Line:
    # the line's own copies, indexed from its first character (i = k - s)
    li = e - s - 1
    adv = list(p.adv[s:e])
    tl = list(p.trim_left[s:e])
    bl = list(p.blank_l[s:e])
    br = list(p.blank_r[s:e])
    gap = list(p.auto[s:e - 1])                 # space after i (before i+1)
    pair = p.pair[s:e - 1]
    if any(pair):                               # consecutive punctuation
        pair_left = p.pair_left[s:e - 1]
        for i, t in enumerate(pair):
            if t:
                if pair_left[i]:
                    bl[i + 1] -= t
                    tl[i + 1] += t
                    adv[i + 1] -= t
                else:
                    br[i] -= t
                    adv[i] -= t
    cls = p.cls[s:e]
    if cls[li] in END_TRIMMED and br[li] > 0:   # line-end mark half-width
        adv[li] -= br[li]
        br[li] = 0.0
    if (p.open_first_half if first else p.open_start_half) and cls[0] == OPEN and bl[0] > 0:   # 行首开括号半角
        adv[0] -= bl[0]
        tl[0] += bl[0]
        bl[0] = 0.0
    track = list(p.track[s:e - 1])
    track.append(0.0)
    size = p.size[s:e]
    hyphen = p.hyphen[e] if p.hyphen and not last and e < len(p) else 0.0    # a word broken
    need = indent + sum(adv) + sum(gap) + sum(track) + hyphen - measure
    if need > 0:
        need = _shrink(need, cls, size, p.auto[s:e - 1], adv, tl, bl, br, gap)
    gap_extra = [0.0] * li
    if justify and not last and need < 0 and -need > 1e-9:
        _spread(-need, cls, size, p.justifiable[s:e - 1], adv, gap_extra)
    # pen positions: x_0 = indent, then each glyph's advance and tracking and the gap after
    # it, summed in that order (pen[2i] is where glyph i is drawn, pen[-1] the line's end)
    steps = [0.0] * (2 * li + 1)
    steps[0::2] = map(add, adv, track)
    steps[1::2] = map(add, gap, gap_extra)
    pen = list(accumulate(steps, initial=indent))
    columns = Columns(p.text[s:e], tuple(p.font[s:e]), tuple(size), tuple(map(sub, pen[0::2], tl)),
                      tuple(adv), s, tuple(p.color[s:e]), tuple(tl), tuple(p.hscale[s:e]),
                      tuple(p.rise[s:e]))
    width = pen[-1] + hyphen
    mark = None
    if hyphen:
        k = e - 1
        mark = Glyph(SOFT_HYPHEN, p.font[k], size[li], pen[-1], hyphen, e, p.color[k])
    if justify and not last and abs(width - measure) < 0.01:
        width = measure
    return Line(columns, width, measure, s, end, first, last, hyphen=mark)
