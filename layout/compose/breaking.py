"""Choosing line breaks: a small total-fit (Knuth–Plass-like) over break opportunities.

From each line start only the few ends near the fullest fit are tried: the
fullest legal end (it may need 挤进, squeezing punctuation) and the one or two
before it (推出, pushing characters down and spreading the rest). Prefix sums
make each try O(1), so a paragraph costs O(n log L).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .classes import (BREAK_BAD, BREAK_OK, BREAK_URL, DIGIT, HAN, LATIN, OPEN, SPACE_RUN)
from .prepare import Prepared

EPS = 1e-6
# Squeezing punctuation (挤进) costs this much against spreading (100): preferred, but not so
# cheaply that every comma of a loose line is halved (a half-width ， mid-line reads as Western).
SQUEEZE_COST = 30.0
CONTENT = frozenset((HAN, LATIN, DIGIT))   # what counts as a "character" for the widow rule
PENALTY = {BREAK_OK: 0.0, BREAK_URL: 1e4, BREAK_BAD: 1e7}
WIDOW_PENALTY = 1e5
CANDIDATES = 3


def _prefix(values) -> list[float]:
    """[0, v0, v0+v1, …] summed left to right (all zeros without a sum when all are 0)."""
    if not any(values):
        return [0.0] * (len(values) + 1)
    return list(accumulate(values, initial=0.0))


class Fitter:
    """Prefix sums of widths, shrink and stretch, so that any candidate line [s, e) is
    measured in O(1) (choose_breaks reads them on local names in its loop)."""

    def __init__(self, p: Prepared):
        self.p = p
        self.W, self.S, self.T = _prefix(p.width), _prefix(p.shrink), _prefix(p.stretch)
        self.GW, self.GS = _prefix(p.gap_w), _prefix(p.gap_shrink)
        # Han–Latin space is not widened first (no holes before numbers): no gap stretch
        self.GJ = list(accumulate(p.justifiable, initial=0))    # justifiable gaps, counted
        # narrowest width (everything squeezed): chars and gaps, for the fullest-fit search
        self.MC = [w - sh for w, sh in zip(self.W, self.S)]
        self.MG = [w - sh for w, sh in zip(self.GW, self.GS)]
        # per first char: the opening mark's blank a line start drops (行首开括号半角)
        if p.open_start_half:
            self.LEAD = [bl if k > 0 and c == OPEN else 0.0
                         for k, (c, bl) in enumerate(zip(p.cls, p.blank_l))]
        else:
            self.LEAD = [0.0] * len(p)


def _next_starts(text: str):
    """Where the next line starts after a line ending before k (break spaces skipped)."""
    runs = [run.span() for run in SPACE_RUN.finditer(text)]
    if not runs:
        return range(len(text) + 1)
    nxt = list(range(len(text) + 1))
    for k, m in runs:
        nxt[k:m] = [m] * (m - k)
    return nxt


def _worse_ends(levels, n_eff: int, s: int, e_fit: int, ends_by_level: dict) -> tuple[list[int], int]:
    """Candidate ends from s when no normal break fits: a URL break, else any, else one
    character (overflowing); with their break level."""
    for lv in (BREAK_URL, BREAK_BAD):
        ends = ends_by_level.get(lv)
        if ends is None:
            ends = ends_by_level[lv] = [k for k in range(1, n_eff) if levels[k] <= lv] + [n_eff]
        j = bisect_right(ends, e_fit) - 1
        cands = []
        while j >= 0 and ends[j] > s and len(cands) < CANDIDATES:
            cands.append(ends[j])
            j -= 1
        if cands:
            return cands, lv
    return [s + 1], BREAK_BAD


def choose_breaks(p: Prepared, measure: float, indent: float, widows: bool,
                  line_penalty: float = 0.0) -> list[tuple[int, int]]:
    """Lines as (start, content end); the content end excludes break spaces.

    line_penalty ≠ 0 (looseness: a paragraph set a line longer or shorter) adds it to
    every line's demerits and allows only lines within the spacing limits (spread at most
    ¼ em a gap, squeezed at most fully): the caller checks the count it gets.

    The hot loop of the compose stage: a line's width, shrink and stretch come from
    Fitter's prefix sums, its badness is 100·r³ of the visible adjustment (squeezing
    weighted by SQUEEZE_COST), all on local names.
    """
    text = p.text
    n_eff = len(text.rstrip(" \t\n\r"))
    if n_eff == 0:
        return []
    fitter = Fitter(p)
    W, S, T, GW, GS, GJ = fitter.W, fitter.S, fitter.T, fitter.GW, fitter.GS, fitter.GJ
    MC, MG, TRIM, TRIM_S, LEAD = fitter.MC, fitter.MG, p.end_trim, p.end_trim_shrink, fitter.LEAD
    track, size, levels, cls = p.track, p.size, p.levels, p.cls
    # sorted normal ends (a line may end at n_eff, the paragraph end); worse ones when needed
    ok_ends = [k for k, lv in enumerate(levels[:n_eff]) if lv == BREAK_OK]
    ok_ends.append(n_eff)
    worse: dict[int, list[int]] = {}
    nxt_of = _next_starts(text)
    pen_ok = PENALTY[BREAK_OK]
    # best_*[s]: demerits, previous start and end of the best way to start a line at s
    inf = float("inf")
    best_d = [inf] * (len(text) + 1)
    best_s = [-1] * (len(text) + 1)
    best_e = [-1] * (len(text) + 1)
    best_d[0] = 0.0
    final_d, final_s, final_e = inf, -1, -1
    e_fit = 1
    first = 0           # ok_ends[first]: the first normal end after s
    eps = EPS
    strict = line_penalty != 0.0
    # new starts always lie after the current one: a forward scan visits them in order
    for s in range(n_eff):
        base = best_d[s]
        if base == inf:
            continue
        avail = measure - indent if s == 0 else measure
        limit = avail + eps
        # fullest fit: largest e with min_width(s, e) <= avail; it never moves back as s grows
        if e_fit < s + 1:
            e_fit = s + 1
        mc_s, mg_s = MC[s], MG[s]
        while e_fit < n_eff and MC[e_fit + 1] - mc_s - track[e_fit] + MG[e_fit] - mg_s <= limit:
            e_fit += 1
        # up to CANDIDATES normal ends after s, from the fullest fit back
        while ok_ends[first] <= s:
            first += 1
        j = bisect_right(ok_ends, e_fit)
        if j > first:
            cands = ok_ends[j - CANDIDATES if j - CANDIDATES > first else first:j]
            cands.reverse()
            pen = pen_ok
        else:
            cands, lv = _worse_ends(levels, n_eff, s, e_fit, worse)
            pen = PENALTY[lv]
        lead = LEAD[s]
        w_s, t_s, gw_s, gj_s = W[s], T[s], GW[s], GJ[s]
        for e in cands:
            final = e == n_eff
            last = e - 1
            natural = W[e] - w_s - track[last] + GW[last] - gw_s - TRIM[last] - lead
            # badness: 100·r³ of the visible adjustment
            if natural > limit:
                shrink = S[e] - S[s] + GS[last] - GS[s] - (TRIM_S[last] + lead)
                if shrink < 0.0:
                    shrink = 0.0
                if natural - shrink > limit:
                    if strict:
                        continue
                    b = 1e6             # forced overflow
                else:
                    r = (natural - avail) / shrink
                    b = SQUEEZE_COST * r ** 3   # 先挤进: squeezing is preferred while it is moderate
            elif final:
                b = 0.0
            else:
                extra = avail - natural - (T[e] - t_s)
                if extra <= eps:
                    b = 0.0
                else:
                    gaps = GJ[last] - gj_s
                    if gaps == 0:
                        if strict:
                            continue
                        b = 1e4
                    else:
                        r = extra / (gaps * 0.25 * size[s])
                        if strict and r > 1.0:
                            continue
                        b = 100.0 * r ** 3
                        if not b < 1e4:     # min(1e4, b)
                            b = 1e4
            if final:
                d = (1.0 + b) ** 2 + pen_ok + line_penalty
                if widows and s > 0:
                    content = sum(map(CONTENT.__contains__, cls[s:e]))
                    if content <= 1:
                        d += WIDOW_PENALTY
                total = base + d
                if total < final_d:
                    final_d, final_s, final_e = total, s, e
                continue
            total = base + ((1.0 + b) ** 2 + pen + line_penalty)
            nxt = nxt_of[e]
            if total < best_d[nxt]:
                best_d[nxt], best_s[nxt], best_e[nxt] = total, s, e
    # walk back from the paragraph end
    if final_s < 0 and strict:
        return []
    assert final_s >= 0
    s, e = final_s, final_e
    lines = [(s, e)]
    while s > 0:
        ps, pe = best_s[s], best_e[s]
        lines.append((ps, pe))
        s = ps
    lines.reverse()
    return lines
