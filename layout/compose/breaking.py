"""Choosing line breaks: a small total-fit (Knuth–Plass-like) over break opportunities.

From each line start only the few ends near the fullest fit are tried: the
fullest legal end (it may need 挤进, squeezing punctuation) and the one or two
before it (推出, pushing characters down and spreading the rest), and the fullest
break inside a URL, e-mail or word when that fills the line better. Prefix sums
make each try O(1), so a paragraph costs O(n log L).

A line's cost follows clreq's order of expansion: Latin word spaces widen to ½ em,
then every gap between characters (and the word spaces) evenly. That even spacing is cheap up to ¼ em a gap (SPACING_CAP_EM), very
expensive beyond it (dearer than a last-resort break in a URL), and a line would need
more than ½ em a gap (SPACING_MAX_EM) only when nothing else can be done: compose then
sets it short of the measure, spread to ¼ em a gap only (lines.build_line), and
reports it.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .classes import (BREAK_BAD, BREAK_LAST, BREAK_OK, BREAK_URL, DIGIT, HAN, LATIN, SPACE,
                      SPACE_RUN)
from .prepare import Prepared

EPS = 1e-6
# Squeezing punctuation (挤进) costs this much against spreading (100): preferred, but not so
# cheaply that every comma of a loose line is halved (a half-width ， mid-line reads as Western).
SQUEEZE_COST = 30.0
# Squeezing a mid-line 。？！ (the last step of clreq's reduction): dearer than any spreading
# within the cap (at most (1 + 100)²), cheaper than a one-character last line or a line
# beyond the cap.
END_SQUEEZE_D = 2e4
WITHIN_LIMITS_D = 1.5e4    # a line costing less keeps the limits (looseness accepts only those)
CONTENT = frozenset((HAN, LATIN, DIGIT))   # what counts as a "character" for the widow rule
SPACING_CAP_EM = 0.25      # even inter-character expansion a line may have at normal cost
SPACING_MAX_EM = 0.5       # never more between two characters
PENALTY = {BREAK_OK: 0.0, BREAK_URL: 1e4, BREAK_LAST: 3e5, BREAK_BAD: 1e14}
OVER_CAP_D = 1e6           # × q³ for an even spacing of q × the cap, 1 < q ≤ 2
SHORT_D = 1e9              # a line that ½ em a gap cannot fill: set short of the measure
SHORT_PER_EM = 1e7         # and per em it is left short
OVERFLOW_D = 1e16          # a line wider than the measure with everything squeezed
WIDOW_PENALTY = 1e5
CANDIDATES = 3
LOOSE_CANDIDATES = 6       # a paragraph set a line longer may push more characters down


def _prefix(values) -> list[float]:
    """[0, v0, v0+v1, …] summed left to right (all zeros without a sum when all are 0)."""
    if not any(values):
        return [0.0] * (len(values) + 1)
    return list(accumulate(values, initial=0.0))


class Fitter:
    """Prefix sums of widths, shrink and stretch, so that any candidate line [s, e) is
    measured in O(1)."""

    def __init__(self, p: Prepared):
        self.p = p
        self.W, self.S, self.T = _prefix(p.width), _prefix(p.shrink), _prefix(p.stretch)
        self.GW, self.GS = _prefix(p.gap_w), _prefix(p.gap_shrink)
        self.SE = _prefix(p.end_squeeze or [0.0] * len(p))
        # justifiable gaps (GJ) and word spaces (SP), counted
        self.GJ = list(accumulate(p.justifiable, initial=0))
        self.SP = list(accumulate((c == SPACE for c in p.cls), initial=0))
        # narrowest width (everything squeezed): chars and gaps, for the fullest-fit search
        self.MC = [w - sh for w, sh in zip(self.W, self.S)]
        self.MG = [w - sh for w, sh in zip(self.GW, self.GS)]
        # per first char: the opening mark's blank a line start drops (行首开括号半角)
        if p.open_start_half:
            from .classes import OPEN
            self.LEAD = [bl if k > 0 and c == OPEN else 0.0
                         for k, (c, bl) in enumerate(zip(p.cls, p.blank_l))]
        else:
            self.LEAD = [0.0] * len(p)

    def line_cost(self, s: int, e: int, avail: float, final: bool) -> float:
        """Demerits of the line [s, e) (content end e) in `avail` pt, before its break penalty."""
        p = self.p
        last = e - 1
        natural = (self.W[e] - self.W[s] - p.track[last] + self.GW[last] - self.GW[s]
                   - p.end_trim[last] - self.LEAD[s])
        if natural > avail + EPS:
            shrink = self.S[e] - self.S[s] + self.GS[last] - self.GS[s] - (p.end_trim_shrink[last] + self.LEAD[s])
            if shrink < 0.0:
                shrink = 0.0
            over = natural - avail
            if over <= shrink:
                return (1.0 + SQUEEZE_COST * (over / shrink) ** 3) ** 2     # 先挤进
            if over <= shrink + self.SE[last] - self.SE[s]:
                return END_SQUEEZE_D        # and last of all a mid-line 。？！
            return OVERFLOW_D
        if final:
            return 1.0
        extra = avail - natural
        if extra <= EPS:
            return 1.0
        em = p.size[s]
        spaces = self.T[e] - self.T[s]                          # word spaces to ½ em
        units = self.GJ[last] - self.GJ[s] + self.SP[last] - self.SP[s]
        rest = extra - spaces                                   # for the even spacing
        cap = SPACING_CAP_EM * em
        if rest > EPS:
            q = rest / (units * cap) if units else float("inf")
            if q > SPACING_MAX_EM / SPACING_CAP_EM:
                # left short, spread to the cap only: a loose line that is also short looks
                # worse than a short line inside a URL, so its blank counts double
                left = (rest - units * cap) / em
                return SHORT_D + SHORT_PER_EM * (2.0 * left if units else left)
            if q > 1.0:
                return OVER_CAP_D * q ** 3
        r = extra / (spaces + units * cap) if (spaces or units) else 0.0
        return (1.0 + 100.0 * min(r, 1.0) ** 3) ** 2


def _next_starts(text: str):
    """Where the next line starts after a line ending before k (break spaces skipped)."""
    runs = [run.span() for run in SPACE_RUN.finditer(text)]
    if not runs:
        return range(len(text) + 1)
    nxt = list(range(len(text) + 1))
    for k, m in runs:
        nxt[k:m] = [m] * (m - k)
    return nxt


class _Ends:
    """Line ends by break level (sorted lists; a line may always end at the paragraph's end)."""

    def __init__(self, levels, n_eff: int):
        self.levels, self.n_eff = levels, n_eff
        self.by_level: dict[int, list[int]] = {}

    def at(self, lv: int) -> list[int]:
        ends = self.by_level.get(lv)
        if ends is None:
            ends = [k for k in range(1, self.n_eff) if self.levels[k] == lv]
            ends.append(self.n_eff)
            self.by_level[lv] = ends
        return ends

    def upto(self, lv: int, s: int, e_fit: int, count: int) -> list[int]:
        """Up to `count` ends of level lv in (s, e_fit], fullest first."""
        ends = self.at(lv)
        j = bisect_right(ends, e_fit) - 1
        out = []
        while j >= 0 and ends[j] > s and len(out) < count:
            out.append(ends[j])
            j -= 1
        return out


def _candidates(ends: _Ends, s: int, e_fit: int, count: int = CANDIDATES) -> list[tuple[int, float]]:
    """(end, penalty) of the lines tried from s: up to CANDIDATES normal ends from the fullest
    fit back, and a URL or last-resort end that fills the line better than any of them; an
    emergency break only when there is nothing else, and one character (overflowing) after that."""
    cands = [(e, 0.0) for e in ends.upto(BREAK_OK, s, e_fit, count)]
    best = cands[0][0] if cands else s
    for lv in (BREAK_URL, BREAK_LAST):
        if ends.at(lv)[0] == ends.n_eff:        # none in the paragraph (most paragraphs)
            continue
        for e in ends.upto(lv, s, e_fit, 2 if lv == BREAK_URL else 1):
            if e > best:
                cands.append((e, PENALTY[lv]))
    if not cands:
        bad = ends.upto(BREAK_BAD, s, e_fit, CANDIDATES)
        cands = [(e, PENALTY[BREAK_BAD]) for e in bad] or [(s + 1, PENALTY[BREAK_BAD])]
    return cands


def _search(p: Prepared, measure: float, indent: float, widows: bool, lines_dim: bool):
    """The total fit. Without lines_dim: the best breaks; with it: the best breaks for every
    line count reached (dict count -> (demerits, breaks))."""
    text = p.text
    n_eff = len(text.rstrip(" \t\n\r"))
    fitter = Fitter(p)
    MC, MG, track = fitter.MC, fitter.MG, p.track
    ends = _Ends(p.levels, n_eff)
    nxt_of = _next_starts(text)
    cls = p.cls
    inf = float("inf")
    # best[s]: {line count (or 0): (demerits, previous start, its end)} of starting a line at s
    best: list[dict | None] = [None] * (len(text) + 1)
    best[0] = {0: (0.0, -1, -1)}
    finals: dict[int, tuple[float, int, int, int]] = {}
    e_fit = 1
    for s in range(n_eff):
        states = best[s]
        if states is None:
            continue
        avail = measure - indent if s == 0 else measure
        limit = avail + EPS
        # fullest fit: largest e with min_width(s, e) <= avail; it never moves back as s grows
        if e_fit < s + 1:
            e_fit = s + 1
        mc_s, mg_s = MC[s], MG[s]
        while e_fit < n_eff and MC[e_fit + 1] - mc_s - track[e_fit] + MG[e_fit] - mg_s <= limit:
            e_fit += 1
        for e, pen in _candidates(ends, s, e_fit, LOOSE_CANDIDATES if lines_dim else CANDIDATES):
            final = e == n_eff
            d = fitter.line_cost(s, e, avail, final) + pen
            if final:
                if widows and s > 0 and sum(map(CONTENT.__contains__, cls[s:e])) <= 1:
                    d += WIDOW_PENALTY
                for count, (base, _, _) in states.items():
                    key = count + 1 if lines_dim else 0
                    if base + d < finals.get(key, (inf,))[0]:
                        finals[key] = (base + d, count, s, e)
                continue
            nxt = nxt_of[e]
            target = best[nxt]
            if target is None:
                target = best[nxt] = {}
            for count, (base, _, _) in states.items():
                key = count + 1 if lines_dim else 0
                if base + d < target.get(key, (inf,))[0]:
                    target[key] = (base + d, s, e)
    out = {}
    for key, (total, count, s, e) in finals.items():
        lines = [(s, e)]
        while s > 0:        # best[s][count]: count lines before s, the last from ps to pe
            _, ps, pe = best[s][count if lines_dim else 0]
            lines.append((ps, pe))
            s, count = ps, count - 1
        lines.reverse()
        out[key] = (total, lines)
    return out


def choose_breaks(p: Prepared, measure: float, indent: float, widows: bool) -> list[tuple[int, int]]:
    """Lines as (start, content end); the content end excludes break spaces."""
    if not p.text.rstrip(" \t\n\r"):
        return []
    return _search(p, measure, indent, widows, False)[0][1]


_BY_COUNT: dict = {}    # the last paragraphs' settings by line count (tried +1 then −1)


def breaks_with_looseness(p: Prepared, measure: float, indent: float, widows: bool,
                          looseness: int, natural_lines: int = 0) -> list[tuple[int, int]] | None:
    """The best breaks with `looseness` lines more (or fewer) than the best fit has
    (natural_lines, when the caller knows it), every line within the spacing limits (no
    gap beyond ¼ em, no break worse than a URL's, no one-character last line); None when
    there is no such setting."""
    if not p.text.rstrip(" \t\n\r"):
        return None if looseness else []
    key = (id(p), measure, indent, widows)
    hit = _BY_COUNT.get(key)
    if hit is None or hit[0] is not p:
        if len(_BY_COUNT) > 16:
            _BY_COUNT.clear()
        hit = _BY_COUNT[key] = (p, _search(p, measure, indent, widows, True))
    by_count = hit[1]
    best = natural_lines or min(by_count, key=lambda k: by_count[k][0])
    want = best + looseness
    if want not in by_count:
        return None
    lines = by_count[want][1]
    fitter = Fitter(p)
    for i, (s, e) in enumerate(lines):
        avail = measure - indent if i == 0 else measure
        final = i == len(lines) - 1
        if fitter.line_cost(s, e, avail, final) >= WITHIN_LIMITS_D:
            return None
        if not final and p.levels[e] > BREAK_URL:
            return None
        if final and widows and i > 0 and sum(map(CONTENT.__contains__, p.cls[s:e])) <= 1:
            return None
    return lines
