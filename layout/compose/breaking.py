"""Choosing line breaks: a small total-fit (Knuth–Plass-like) over break opportunities.

From each line start only the few ends near the fullest fit are tried: the
fullest legal end (it may need 挤进, squeezing punctuation) and the one or two
before it (推出, pushing characters down and spreading the rest). Prefix sums
make each try O(1), so a paragraph costs O(n log L).
"""
from __future__ import annotations

from bisect import bisect_right
from heapq import heappop, heappush
from dataclasses import dataclass

from .classes import (BREAK_BAD, BREAK_OK, BREAK_URL, CLOSE, END, HAN, LATIN, DIGIT, OPEN, SPACE,
                      STOP, next_start)
from .prepare import MAX_SPACE_EM, MIN_AUTOSPACE_EM, MIN_SPACE_EM, Prepared

EPS = 1e-6
END_TRIMMED = (CLOSE, STOP, END)     # marks set half-width at line end (GB/T 15834 §5.1.10)
CONTENT = (HAN, LATIN, DIGIT)        # what counts as a "character" for the widow rule
PENALTY = {BREAK_OK: 0.0, BREAK_URL: 1e4, BREAK_BAD: 1e7}
WIDOW_PENALTY = 1e5
CANDIDATES = 3


def _prefix(values) -> list[float]:
    out = [0.0]
    acc = 0.0
    for v in values:
        acc += v
        out.append(acc)
    return out


@dataclass(frozen=True)
class Fit:
    natural: float   # width at natural spacing (line-end mark already half)
    shrink: float    # how much it can lose
    stretch: float   # how much spaces and Han–Latin spaces can gain comfortably
    gaps: int        # justifiable gaps between characters


class Fitter:
    """O(1) natural width / shrink / stretch of any candidate line [s, e)."""

    def __init__(self, p: Prepared):
        self.p = p
        n = len(p)
        char_w, char_shrink, char_stretch = [], [], []
        for k in range(n):
            em = p.size[k]
            char_w.append(p.adv[k] + p.track[k])
            if p.cls[k] == SPACE:
                char_shrink.append(max(0.0, p.adv[k] - MIN_SPACE_EM * em))
                char_stretch.append(max(0.0, MAX_SPACE_EM * em - p.adv[k]))
            elif p.cls[k] == END:
                char_shrink.append(0.0)   # 。？！ keep their full width inside a line (全角式)
                char_stretch.append(0.0)
            else:
                char_shrink.append(p.blank_l[k] + p.blank_r[k])
                char_stretch.append(0.0)
        gap_w, gap_shrink, gap_stretch, gap_j = [], [], [], []
        for k in range(n):
            a = p.auto[k]
            em = p.size[k]
            gap_w.append(a - p.pair[k])
            gap_shrink.append((max(0.0, a - MIN_AUTOSPACE_EM * em) if a else 0.0) - p.pair[k])
            gap_stretch.append(0.0)   # Han–Latin space is not widened first: no holes before numbers
            gap_j.append(1.0 if p.justifiable[k] else 0.0)
        self.W, self.S, self.T = _prefix(char_w), _prefix(char_shrink), _prefix(char_stretch)
        self.GW, self.GS, self.GT = _prefix(gap_w), _prefix(gap_shrink), _prefix(gap_stretch)
        self.GJ = _prefix(gap_j)
        # narrowest width (everything squeezed): chars and gaps, for the fullest-fit search
        self.MC = [w - sh for w, sh in zip(self.W, self.S)]
        self.MG = [w - sh for w, sh in zip(self.GW, self.GS)]

    def end_trim(self, last: int) -> float:
        p = self.p
        return p.blank_r[last] if p.cls[last] in END_TRIMMED else 0.0

    def start_trim(self, s: int) -> float:
        p = self.p
        return p.blank_l[s] if p.open_start_half and s > 0 and p.cls[s] == OPEN else 0.0

    def fit(self, s: int, e: int) -> Fit:
        p = self.p
        last = e - 1
        trim = self.end_trim(last)
        lead = self.start_trim(s)
        natural = (self.W[e] - self.W[s] - p.track[last] + self.GW[last] - self.GW[s] - trim - lead)
        in_s = (trim if p.cls[last] != END else 0.0) + lead   # END's blank is not in S (full mid-line)
        shrink = self.S[e] - self.S[s] + self.GS[last] - self.GS[s] - in_s
        stretch = self.T[e] - self.T[s] + self.GT[last] - self.GT[s]
        gaps = int(round(self.GJ[last] - self.GJ[s]))
        return Fit(natural, max(0.0, shrink), stretch, gaps)

    def min_width(self, s: int, e: int) -> float:
        """Width with every compressible space squeezed; never decreases as e grows."""
        return self.MC[e] - self.MC[s] - self.p.track[e - 1] + self.MG[e - 1] - self.MG[s]


def _badness(f: Fit, avail: float, em: float, final: bool) -> float | None:
    """None if it cannot fit; else 100·r³ of the visible adjustment."""
    if f.natural > avail + EPS:
        if f.natural - f.shrink > avail + EPS:
            return None
        r = (f.natural - avail) / f.shrink
        return 5.0 * r ** 3           # 先挤进: squeezing is preferred while it is moderate
    if final:
        return 0.0
    extra = avail - f.natural - f.stretch
    if extra <= EPS:
        return 0.0
    if f.gaps == 0:
        return 1e4
    r = extra / (f.gaps * 0.25 * em)
    return min(1e4, 100.0 * r ** 3)


def choose_breaks(p: Prepared, measure: float, indent: float, widows: bool) -> list[tuple[int, int]]:
    """Lines as (start, content end); the content end excludes break spaces."""
    text = p.text
    n_eff = len(text.rstrip(" \t\n\r"))
    if n_eff == 0:
        return []
    fitter = Fitter(p)
    # sorted legal ends per level (a line may end at n_eff, the paragraph end)
    by_level = {lv: [k for k in range(1, n_eff) if p.levels[k] <= lv] + [n_eff]
                for lv in (BREAK_OK, BREAK_URL, BREAK_BAD)}
    best: dict[int, tuple[float, int, int]] = {0: (0.0, -1, -1)}   # start -> (demerits, prev start, end)
    heap = [0]
    final_best: tuple[float, int, int] | None = None
    e_fit = 1
    while heap:
        s = heappop(heap)
        base = best[s][0]
        avail = measure - (indent if s == 0 else 0.0)
        em = p.size[s]
        # fullest fit: largest e with min_width(s, e) <= avail; it never moves back as s grows
        e_fit = max(e_fit, s + 1)
        while e_fit < n_eff and fitter.min_width(s, e_fit + 1) <= avail + EPS:
            e_fit += 1
        cands: list[tuple[int, int]] = []
        for lv in (BREAK_OK, BREAK_URL, BREAK_BAD):
            ends = by_level[lv]
            j = bisect_right(ends, e_fit) - 1
            while j >= 0 and ends[j] > s and len(cands) < CANDIDATES:
                cands.append((ends[j], lv))
                j -= 1
            if cands:
                break
        if not cands:           # nothing fits: one character, overflowing
            cands = [(s + 1, BREAK_BAD)]
        for e, lv in cands:
            final = e == n_eff
            f = fitter.fit(s, e)
            b = _badness(f, avail, em, final)
            if b is None:
                b = 1e6             # forced overflow
            d = (1.0 + b) ** 2 + PENALTY[lv if not final else BREAK_OK]
            if final and widows and s > 0:
                content = sum(1 for k in range(s, e) if p.cls[k] in CONTENT)
                if content <= 1:
                    d += WIDOW_PENALTY
            total = base + d
            if final:
                if final_best is None or total < final_best[0]:
                    final_best = (total, s, e)
                continue
            nxt = next_start(text, e)
            old = best.get(nxt)
            if old is None:
                heappush(heap, nxt)
            if old is None or total < old[0]:
                best[nxt] = (total, s, e)
    # walk back from the paragraph end
    assert final_best is not None
    _, s, e = final_best
    lines = [(s, e)]
    while s > 0:
        _, ps, pe = best[s]
        lines.append((ps, pe))
        s = ps
    lines.reverse()
    return lines
