"""Setting one chosen line: compress punctuation, squeeze or spread, place the glyphs.

Reduction follows clreq's order (line-end ½ em is always taken first):
Latin spaces → interpuncts → brackets → ，、；： → Han–Latin spaces; 。？！ keep
their full width inside a line (only the line-end mark is set half-width).
Expansion: Latin spaces → even space between characters (Han–Latin spaces are not
widened first: that would leave holes before numbers)
(never inside a Latin word or inside ——/……).
"""
from __future__ import annotations

from .breaking import END_TRIMMED
from .classes import CLOSE, MIDDLE, OPEN, SPACE, STOP
from .model import Glyph, Line
from .prepare import MAX_SPACE_EM, MIN_AUTOSPACE_EM, MIN_SPACE_EM, Prepared

_SHRINK_ORDER = ("space", MIDDLE, "bracket", STOP, "auto")   # 。？！ never squeezed mid-line


def _distribute(amount: float, caps: list[tuple[int, float]], apply) -> float:
    """Take up to `amount` from the items in proportion to their capacity; return what's left."""
    total = sum(c for _, c in caps)
    if amount <= 0 or total <= 0:
        return amount
    take = min(amount, total)
    for k, c in caps:
        apply(k, c * take / total)
    return amount - take


def build_line(p: Prepared, s: int, e: int, end: int, measure: float, indent: float,
               justify: bool, first: bool, last: bool) -> Line:
    idx = range(s, e)
    adv = {k: p.adv[k] for k in idx}
    tl = {k: p.trim_left[k] for k in idx}
    bl = {k: p.blank_l[k] for k in idx}
    br = {k: p.blank_r[k] for k in idx}
    gap = {k: p.auto[k] for k in range(s, e - 1)}   # space after k (before k+1)
    for k in range(s, e - 1):                       # consecutive punctuation
        t = p.pair[k]
        if t:
            if p.pair_left[k]:
                bl[k + 1] -= t
                tl[k + 1] += t
                adv[k + 1] -= t
            else:
                br[k] -= t
                adv[k] -= t
    lastk = e - 1
    if p.cls[lastk] in END_TRIMMED and br[lastk] > 0:   # line-end mark half-width
        adv[lastk] -= br[lastk]
        br[lastk] = 0.0
    if (p.open_first_half if first else p.open_start_half) and p.cls[s] == OPEN and bl[s] > 0:   # 行首开括号半角
        adv[s] -= bl[s]
        tl[s] += bl[s]
        bl[s] = 0.0
    track = {k: (p.track[k] if k < lastk else 0.0) for k in idx}
    natural = indent + sum(adv.values()) + sum(gap.values()) + sum(track.values())
    avail = measure

    def shrink_char_left(k: int, t: float) -> None:
        adv[k] -= t
        tl[k] += t
        bl[k] -= t

    def shrink_char_right(k: int, t: float) -> None:
        adv[k] -= t
        br[k] -= t

    def shrink_gap(k: int, t: float) -> None:
        gap[k] -= t

    need = natural - avail
    if need > 0:
        for level in _SHRINK_ORDER:
            if need <= 0:
                break
            if level == "space":
                caps = [(k, adv[k] - MIN_SPACE_EM * p.size[k]) for k in idx
                        if p.cls[k] == SPACE and adv[k] > MIN_SPACE_EM * p.size[k]]
                need = _distribute(need, caps, shrink_char_right)
            elif level == "auto":
                caps = [(k, g - MIN_AUTOSPACE_EM * p.size[k]) for k, g in gap.items()
                        if p.auto[k] and g > MIN_AUTOSPACE_EM * p.size[k]]
                need = _distribute(need, caps, shrink_gap)
            else:
                classes = (OPEN, CLOSE) if level == "bracket" else (level,)
                lefts = [(k, bl[k]) for k in idx if p.cls[k] in classes and bl[k] > 0]
                rights = [(k, br[k]) for k in idx if p.cls[k] in classes and br[k] > 0]
                total_l = sum(c for _, c in lefts)
                total_r = sum(c for _, c in rights)
                if total_l + total_r > 0:
                    share = min(need, total_l + total_r)
                    part_l = share * total_l / (total_l + total_r)
                    _distribute(part_l, lefts, shrink_char_left)
                    _distribute(share - part_l, rights, shrink_char_right)
                    need -= share
    extra = -need if need < 0 else 0.0
    gap_extra = {k: 0.0 for k in range(s, e - 1)}
    if justify and not last and extra > 1e-9:
        spaces = [(k, MAX_SPACE_EM * p.size[k] - adv[k]) for k in idx
                  if p.cls[k] == SPACE and adv[k] < MAX_SPACE_EM * p.size[k]]

        def grow_char(k: int, t: float) -> None:
            adv[k] += t

        def grow_gap(k: int, t: float) -> None:
            gap_extra[k] += t

        extra = _distribute(extra, spaces, grow_char)
        if extra > 1e-9:
            even = [k for k in range(s, e - 1) if p.justifiable[k]]
            if not even:                      # no other way: letter-space everything
                even = list(range(s, e - 1))
            if even:
                t = extra / len(even)
                for k in even:
                    gap_extra[k] += t
    glyphs = []
    x = indent
    for k in idx:
        glyphs.append(Glyph(p.text[k], p.font[k], p.size[k], x - tl[k], adv[k], k, p.color[k],
                            trim_left=tl[k], hscale=p.hscale[k] if p.hscale else 1.0,
                            rise=p.rise[k] if p.rise else 0.0))
        x += adv[k] + track[k]
        if k < lastk:
            x += gap[k] + gap_extra[k]
    width = x
    if justify and not last and abs(width - measure) < 0.01:
        width = measure
    return Line(tuple(glyphs), width, measure, s, end, first, last)
