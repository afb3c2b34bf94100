"""Choosing line breaks: a small total-fit (Knuth–Plass-like) over break opportunities.

From each line start only the few ends near the fullest fit are tried: the
fullest legal end (it may need 挤进, squeezing punctuation) and the one or two
before it (推出, pushing characters down and spreading the rest). Prefix sums
make each try O(1), so a paragraph costs O(n log L).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .classes import (BREAK_BAD, BREAK_OK, BREAK_SPACES, BREAK_URL, CLOSE, END, HAN, LATIN, DIGIT,
                      OPEN, SPACE, STOP)
from .prepare import MAX_SPACE_EM, MIN_AUTOSPACE_EM, MIN_SPACE_EM, Prepared

EPS = 1e-6
# Squeezing punctuation (挤进) costs this much against spreading (100): preferred, but not so
# cheaply that every comma of a loose line is halved (a half-width ， mid-line reads as Western).
SQUEEZE_COST = 30.0
END_TRIMMED = (CLOSE, STOP, END)     # marks set half-width at line end (GB/T 15834 §5.1.10)
CONTENT = (HAN, LATIN, DIGIT)        # what counts as a "character" for the widow rule
PENALTY = {BREAK_OK: 0.0, BREAK_URL: 1e4, BREAK_BAD: 1e7}
WIDOW_PENALTY = 1e5
CANDIDATES = 3


def _prefix(values) -> list[float]:
    """[0, v0, v0+v1, …] summed left to right."""
    return list(accumulate(values, initial=0.0))


class Fitter:
    """Prefix sums of widths, shrink and stretch, so that any candidate line [s, e) is
    measured in O(1) (choose_breaks reads them on local names in its loop)."""

    def __init__(self, p: Prepared):
        self.p = p
        n = len(p)
        cls, adv, size, track = p.cls, p.adv, p.size, p.track
        blank_l, blank_r = p.blank_l, p.blank_r
        char_w = [a + t for a, t in zip(adv, track)]
        # what a char can lose / gain: a Latin space down to ¼ em and up to ½ em; 。？！ keep
        # their full width inside a line (全角式); other marks their blank halves
        char_shrink = [(max(0.0, adv[k] - MIN_SPACE_EM * size[k]) if c == SPACE else
                        0.0 if c == END else blank_l[k] + blank_r[k]) for k, c in enumerate(cls)]
        char_stretch = [(max(0.0, MAX_SPACE_EM * size[k] - adv[k]) if c == SPACE else 0.0)
                        for k, c in enumerate(cls)]
        auto, pair = p.auto, p.pair
        gap_w = [a - t for a, t in zip(auto, pair)]
        gap_shrink = [(max(0.0, a - MIN_AUTOSPACE_EM * em) if a else 0.0) - t
                      for a, em, t in zip(auto, size, pair)]
        gap_stretch = [0.0] * n   # Han–Latin space is not widened first: no holes before numbers
        gap_j = [1.0 if j else 0.0 for j in p.justifiable]
        self.W, self.S, self.T = _prefix(char_w), _prefix(char_shrink), _prefix(char_stretch)
        self.GW, self.GS, self.GT = _prefix(gap_w), _prefix(gap_shrink), _prefix(gap_stretch)
        self.GJ = _prefix(gap_j)
        # narrowest width (everything squeezed): chars and gaps, for the fullest-fit search
        self.MC = [w - sh for w, sh in zip(self.W, self.S)]
        self.MG = [w - sh for w, sh in zip(self.GW, self.GS)]
        # per last char: blank trimmed at the line end, and the part of it counted in S
        self.TRIM = [blank_r[k] if cls[k] in END_TRIMMED else 0.0 for k in range(n)]
        self.TRIM_S = [0.0 if cls[k] == END else self.TRIM[k] for k in range(n)]
        # per first char: the opening mark's blank a line start drops (行首开括号半角)
        self.LEAD = [blank_l[k] if p.open_start_half and k > 0 and cls[k] == OPEN else 0.0
                     for k in range(n)]


def choose_breaks(p: Prepared, measure: float, indent: float, widows: bool) -> list[tuple[int, int]]:
    """Lines as (start, content end); the content end excludes break spaces.

    The hot loop of the compose stage: a line's width, shrink and stretch come from
    Fitter's prefix sums, its badness is 100·r³ of the visible adjustment (squeezing
    weighted by SQUEEZE_COST), all on local names.
    """
    text = p.text
    n_eff = len(text.rstrip(" \t\n\r"))
    if n_eff == 0:
        return []
    fitter = Fitter(p)
    W, S, T, GW, GS, GT, GJ = fitter.W, fitter.S, fitter.T, fitter.GW, fitter.GS, fitter.GT, fitter.GJ
    MC, MG, TRIM, TRIM_S, LEAD = fitter.MC, fitter.MG, fitter.TRIM, fitter.TRIM_S, fitter.LEAD
    track, size, levels_of, cls = p.track, p.size, p.levels, p.cls
    # sorted legal ends per level (a line may end at n_eff, the paragraph end)
    ok_ends = [k for k in range(1, n_eff) if levels_of[k] <= BREAK_OK] + [n_eff]
    by_level = ((BREAK_OK, ok_ends),
                (BREAK_URL, [k for k in range(1, n_eff) if levels_of[k] <= BREAK_URL] + [n_eff]),
                (BREAK_BAD, [k for k in range(1, n_eff) if levels_of[k] <= BREAK_BAD] + [n_eff]))
    # where the next line starts after a line ending before k (break spaces skipped)
    nxt_of = list(range(len(text) + 1))
    for k in range(len(text) - 1, -1, -1):
        if text[k] in BREAK_SPACES:
            nxt_of[k] = nxt_of[k + 1]
    penalty_of = (PENALTY[BREAK_OK], PENALTY[BREAK_URL], PENALTY[BREAK_BAD])
    # best[s] = (demerits, prev start, end) of the best way to start a line at s
    best: list[tuple[float, int, int] | None] = [None] * (len(text) + 1)
    best[0] = (0.0, -1, -1)
    final_best: tuple[float, int, int] | None = None
    e_fit = 1
    # new starts always lie after the current one: a forward scan visits them in order
    for s in range(n_eff):
        entry = best[s]
        if entry is None:
            continue
        base = entry[0]
        avail = measure - (indent if s == 0 else 0.0)
        limit = avail + EPS
        em = size[s]
        # fullest fit: largest e with min_width(s, e) <= avail; it never moves back as s grows
        if e_fit < s + 1:
            e_fit = s + 1
        mc_s, mg_s = MC[s], MG[s]
        while e_fit < n_eff and MC[e_fit + 1] - mc_s - track[e_fit] + MG[e_fit] - mg_s <= limit:
            e_fit += 1
        cands: list[tuple[int, int]] = []
        for lv, ends in by_level:
            j = bisect_right(ends, e_fit) - 1
            while j >= 0 and ends[j] > s and len(cands) < CANDIDATES:
                cands.append((ends[j], lv))
                j -= 1
            if cands:
                break
        if not cands:           # nothing fits: one character, overflowing
            cands = [(s + 1, BREAK_BAD)]
        lead = LEAD[s]
        w_s, s_s, t_s, gw_s, gs_s, gt_s, gj_s = W[s], S[s], T[s], GW[s], GS[s], GT[s], GJ[s]
        for e, lv in cands:
            final = e == n_eff
            last = e - 1
            trim = TRIM[last]
            natural = (W[e] - w_s - track[last] + GW[last] - gw_s - trim - lead)
            shrink = S[e] - s_s + GS[last] - gs_s - (TRIM_S[last] + lead)
            if shrink < 0.0:
                shrink = 0.0
            # badness: 100·r³ of the visible adjustment
            if natural > limit:
                if natural - shrink > limit:
                    b = 1e6             # forced overflow
                else:
                    r = (natural - avail) / shrink
                    b = SQUEEZE_COST * r ** 3   # 先挤进: squeezing is preferred while it is moderate
            elif final:
                b = 0.0
            else:
                extra = avail - natural - (T[e] - t_s + GT[last] - gt_s)
                if extra <= EPS:
                    b = 0.0
                else:
                    gaps = int(round(GJ[last] - gj_s))
                    if gaps == 0:
                        b = 1e4
                    else:
                        r = extra / (gaps * 0.25 * em)
                        b = min(1e4, 100.0 * r ** 3)
            d = (1.0 + b) ** 2 + penalty_of[BREAK_OK if final else lv]
            if final and widows and s > 0:
                content = sum(1 for k in range(s, e) if cls[k] in CONTENT)
                if content <= 1:
                    d += WIDOW_PENALTY
            total = base + d
            if final:
                if final_best is None or total < final_best[0]:
                    final_best = (total, s, e)
                continue
            nxt = nxt_of[e]
            old = best[nxt]
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
