"""Choosing line breaks: a small total-fit (Knuth–Plass-like) over break opportunities.

From each line start only the few ends near the fullest fit are tried: the
fullest legal end (it may need 挤进, squeezing punctuation) and the one or two
before it (推出, pushing characters down and spreading the rest; three in a paragraph
with Latin letters or digits, whose unbreakable pieces may need a line to give more
room), the fullest breaks inside a URL, e-mail or path (a line short of the measure
inside a URL may spare the lines around it from being loose), and a hyphenated English
word when that fills the line better (its hyphen adds to the line's width). Prefix sums
make each try O(1), so a paragraph costs O(n log L).

A line's cost follows clreq's order of expansion: Latin word spaces widen to ½ em,
then every gap between characters (and the word spaces) evenly. That even spacing is
cheap up to ¼ em a gap (SPACING_CAP_EM); past it the word spaces alone widen by up to
¼ em more (WORD_SPACE_EM: dear, still within the limits), then the even spacing is very
expensive: a loose line costs LOOSE_D, more than everything else a paragraph's lines
within the limits can add up to, so the breaker sets the fewest loose lines the break
rules allow (issue 15 item 2), then the least loose. A line would need more than
½ em a gap (SPACING_MAX_EM) only when nothing else can be done: compose then sets it
short of the measure, spread to ¼ em a gap only (lines.build_line), and reports it.
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
OVER_CAP_D = 1e6           # × q³ for an even spacing of q × the cap, 1 < q ≤ 2,
LOOSE_D = 1e8              # plus this for the line: a loose line is counted first
WORD_SPACE_EM = 0.25       # a word space may widen this much past the even spacing's cap
WIDE_SPACE_D = 1.05e4      # a line that needs it: dearer than any line within the cap,
WIDE_SPACE_STEP = 3e3      # cheaper than a URL break and within the limits (looseness)
SHORT_D = 1e9              # a line that ½ em a gap cannot fill: set short of the measure
SHORT_PER_EM = 1e7         # and per em it is left short
OVERFLOW_D = 1e16          # a line wider than the measure with everything squeezed
WIDOW_PENALTY = 1e5
# A word hyphenated (hyphenate.py): dearer than any line but one spread to the cap (so a
# word is broken only to save a line at or past ¼ em a gap), cheaper than a URL break; two
# hyphenated lines in a row cost this much more again.
HYPHEN_PENALTY = 8e3
DOUBLE_HYPHEN_D = 1e4
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
        self.HY = p.hyphen or [0.0] * (len(p) + 1)      # the hyphen a line ending before k adds
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
                   - p.end_trim[last] - self.LEAD[s] + (self.HY[e] if e < len(p) else 0.0))
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
        if rest > EPS and (not units or rest / (units * cap) > 1.0):
            return _beyond_cap(rest, units, self.SP[last] - self.SP[s], em)
        r = extra / (spaces + units * cap) if (spaces or units) else 0.0
        return (1.0 + 100.0 * min(r, 1.0) ** 3) ** 2


def _beyond_cap(rest: float, units: int, words: int, em: float) -> float:
    """Demerits of a line whose even spacing would pass ¼ em a gap (`rest` pt to spread
    once its word spaces are at ½ em, over `units` gaps of which `words` are word spaces):
    the word spaces alone take up to WORD_SPACE_EM more first (clreq: more only at Western
    spaces), dear but within the limits; past that very dear up to ½ em a gap; a line
    that needs more is left short, spread to the cap only (a loose line that is also
    short looks worse than a short line inside a URL, so its blank counts double)."""
    cap = SPACING_CAP_EM * em
    if words:
        over = rest - units * cap
        wide = words * WORD_SPACE_EM * em
        if over <= wide:
            return WIDE_SPACE_D + WIDE_SPACE_STEP * over / wide
        rest -= wide
    q = rest / (units * cap) if units else _INF
    if q > _MAX_Q:
        left = (rest - units * cap) / em
        return SHORT_D + SHORT_PER_EM * (2.0 * left if units else left)
    return LOOSE_D + OVER_CAP_D * q ** 3


_TABLES: dict = {}      # a paragraph's Fitter and break ends, made once for all the measures it is set at


def _tables(p: Prepared) -> list:
    """[p, Fitter(p), {n_eff: its ends by break level}], remembered while p is among the
    last paragraphs asked about."""
    hit = _TABLES.get(id(p))
    if hit is not None and hit[0] is p:
        return hit
    if len(_TABLES) > 512:
        _TABLES.clear()
    hit = _TABLES[id(p)] = [p, Fitter(p), {}]
    return hit


def fitter_of(p: Prepared) -> Fitter:
    return _tables(p)[1]


def _ends_by_level(p: Prepared, n_eff: int) -> tuple[dict[int, list[int]], list[int]]:
    """The line ends before n_eff by break level (each list ending at n_eff) and the
    hyphen ends, remembered per paragraph (read only)."""
    known = _tables(p)[2]
    hit = known.get(n_eff)
    if hit is None:
        levels = p.levels
        by_level: dict[int, list[int]] = {}
        for k in range(1, n_eff):
            by_level.setdefault(levels[k], []).append(k)
        for lv_ends in by_level.values():
            lv_ends.append(n_eff)
        HY = p.hyphen
        hit = known[n_eff] = (by_level, [k for k in range(1, n_eff) if HY[k]] if HY else [])
    return hit


_NEXT_STARTS: dict = {}


def _next_starts_of(text: str):
    """_next_starts(text), remembered for the last texts asked about."""
    hit = _NEXT_STARTS.get(text)
    if hit is None:
        if len(_NEXT_STARTS) > 512:
            _NEXT_STARTS.clear()
        hit = _NEXT_STARTS[text] = _next_starts(text)
    return hit


def _next_starts(text: str):
    """Where the next line starts after a line ending before k (break spaces skipped)."""
    runs = [run.span() for run in SPACE_RUN.finditer(text)]
    if not runs:
        return range(len(text) + 1)
    nxt = list(range(len(text) + 1))
    for k, m in runs:
        nxt[k:m] = [m] * (m - k)
    return nxt


def _lines_from(p: Prepared, n_eff: int, measure: float, indent: float, widows: bool,
                count: int):
    """The lines tried from each start, as two functions: `ends(s)` the candidate ends
    with their break penalties, up to `count` normal ends from the fullest fit back, the
    fullest URL (two) and last-resort (one) ends, a hyphen end that fills the line better
    than any normal end; an
    emergency break (three) only when there is nothing else, and one character
    (overflowing) after that (starts asked for in increasing order: the fullest fit only
    moves forward); `costs(s, ends)` their demerits with the penalty and the widow rule's
    (Fitter.line_cost, inlined: this is the compose stage's hot loop)."""
    f = fitter_of(p)
    W, S, T, GW, GS, SE, GJ, SP, MC, MG, LEAD = f.W, f.S, f.T, f.GW, f.GS, f.SE, f.GJ, f.SP, f.MC, f.MG, f.LEAD
    HY = p.hyphen
    track, TRIM, TRIM_S, size, cls, levels = p.track, p.end_trim, p.end_trim_shrink, p.size, p.cls, p.levels
    first_avail = measure - indent
    by_level, hyphen_ends = _ends_by_level(p, n_eff)
    ok_ends = by_level.get(BREAK_OK, [n_eff])
    worse = [(lv_ends, PENALTY[lv], most) for lv, most in ((BREAK_URL, 2), (BREAK_LAST, 1))
             if (lv_ends := by_level.get(lv))]
    if HY:
        worse.insert(0, (hyphen_ends, HYPHEN_PENALTY, 2))
    bad_ends, pen_bad = by_level.get(BREAK_BAD, [n_eff]), PENALTY[BREAK_BAD]
    fit = [1]

    def ends(s: int) -> list[tuple[int, float]]:
        limit = (first_avail if s == 0 else measure) + EPS

        def _hyphen_overflows(e: int) -> bool:
            """The line [s, e) with its hyphen is wider than the room, squeezed to the full
            (the fullest fit is judged without hyphens): not a hyphen break, then."""
            return MC[e] - MC[s] - track[e - 1] + MG[e - 1] - MG[s] + HY[e] > limit

        # fullest fit: largest e with min_width(s, e) <= avail
        e_fit = fit[0] if fit[0] > s else s + 1
        mc_s, mg_s = MC[s], MG[s]
        while e_fit < n_eff and MC[e_fit + 1] - mc_s - track[e_fit] + MG[e_fit] - mg_s <= limit:
            e_fit += 1
        fit[0] = e_fit
        j = bisect_right(ok_ends, e_fit)
        lo = j - count
        while lo < 0 or ok_ends[lo] <= s:
            lo += 1
        cands = [(e, 0.0) for e in ok_ends[j - 1:lo - 1 if lo else None:-1]] if j > lo else []
        if worse:
            best = cands[0][0] if cands else s
            for lv_ends, pen, most in worse:
                j = bisect_right(lv_ends, e_fit) - 1
                got = 0
                while j >= 0 and lv_ends[j] > s and got < most:
                    e = lv_ends[j]
                    if pen != HYPHEN_PENALTY or (e > best and not _hyphen_overflows(e)):
                        cands.append((e, pen))
                    got += 1
                    j -= 1
        if HY and HY[s]:    # this line follows a hyphenated one: a second hyphen costs more
            cands = [(e, pen + DOUBLE_HYPHEN_D if pen == HYPHEN_PENALTY else pen)
                     for e, pen in cands]
        if not cands:
            j = bisect_right(bad_ends, e_fit) - 1
            while j >= 0 and bad_ends[j] > s and len(cands) < CANDIDATES:
                cands.append((bad_ends[j], pen_bad))
                j -= 1
            if not cands:
                cands.append((s + 1, pen_bad))
        return cands

    def costs(s: int, cands: list[tuple[int, float]]) -> list[tuple[int, float]]:
        avail = first_avail if s == 0 else measure
        limit = avail + EPS
        w_s, t_s, gw_s, lead = W[s], T[s], GW[s], LEAD[s]
        out = []
        for e, pen in cands:
            last = e - 1
            natural = W[e] - w_s - track[last] + GW[last] - gw_s - TRIM[last] - lead
            if HY and e < n_eff and HY[e]:
                natural += HY[e]
            if natural > limit:
                shrink = S[e] - S[s] + GS[last] - GS[s] - (TRIM_S[last] + lead)
                if shrink < 0.0:
                    shrink = 0.0
                over = natural - avail
                if over <= shrink:
                    c = (1.0 + SQUEEZE_COST * (over / shrink) ** 3) ** 2     # 先挤进
                elif over <= shrink + SE[last] - SE[s]:
                    c = END_SQUEEZE_D
                else:
                    c = OVERFLOW_D
            elif e == n_eff or avail - natural <= EPS:
                c = 1.0
            else:
                extra = avail - natural
                em = size[s]
                spaces = T[e] - t_s
                units = GJ[last] - GJ[s] + SP[last] - SP[s]
                rest = extra - spaces
                cap = SPACING_CAP_EM * em
                q = (rest / (units * cap) if units else _INF) if rest > EPS else 0.0
                if q > 1.0:
                    c = _beyond_cap(rest, units, SP[last] - SP[s], em)
                else:
                    r = extra / (spaces + units * cap) if (spaces or units) else 0.0
                    c = (1.0 + 100.0 * (r if r < 1.0 else 1.0) ** 3) ** 2
            if e == n_eff and widows and s > 0 and sum(map(CONTENT.__contains__, cls[s:e])) <= 1:
                out.append((e, c + pen + WIDOW_PENALTY))
            else:
                out.append((e, c + pen))
        return out

    return ends, costs


_INF = float("inf")
_MAX_Q = SPACING_MAX_EM / SPACING_CAP_EM


def _best_fit(p: Prepared, measure: float, indent: float, widows: bool) -> list[tuple[int, int]]:
    """The lines of the least demerits."""
    text = p.text
    n_eff = len(text.rstrip(" \t\n\r"))
    count = CANDIDATES + 1 if LATIN in p.cls or DIGIT in p.cls else CANDIDATES   # see above
    ends, costs = _lines_from(p, n_eff, measure, indent, widows, count)
    nxt_of = _next_starts_of(text)
    best_d = [_INF] * (len(text) + 1)
    best_s = [-1] * (len(text) + 1)
    best_e = [-1] * (len(text) + 1)
    best_d[0] = 0.0
    final_d, final_s, final_e = _INF, -1, -1
    for s in range(n_eff):
        base = best_d[s]
        if base == _INF:
            continue
        for e, d in costs(s, ends(s)):
            total = base + d
            if e == n_eff:
                if total < final_d:
                    final_d, final_s, final_e = total, s, e
                continue
            nxt = nxt_of[e]
            if total < best_d[nxt]:
                best_d[nxt], best_s[nxt], best_e[nxt] = total, s, e
    s, e = final_s, final_e
    lines = [(s, e)]
    while s > 0:
        lines.append((best_s[s], best_e[s]))
        s = best_s[s]
    lines.reverse()
    return lines


def _by_count(p: Prepared, measure: float, indent: float, widows: bool,
              most: int = 0) -> dict[int, tuple[float, list[tuple[int, int]]]]:
    """The best breaks for every line count reached (count -> (demerits, breaks)), or for
    every count up to `most` only (the same settings, found sooner: a start whose fewest
    lines to the end would overshoot is never tried)."""
    text = p.text
    n_eff = len(text.rstrip(" \t\n\r"))
    ends_from, costs = _lines_from(p, n_eff, measure, indent, widows, LOOSE_CANDIDATES)
    nxt_of = _next_starts_of(text)
    ends = [ends_from(s) for s in range(n_eff)]
    # fewest[s]: the fewest lines from a line starting at s to the paragraph's end
    fewest = [0] * (len(text) + 1)
    if most:
        for s in range(n_eff - 1, -1, -1):
            least = n_eff + 2
            for e, _ in ends[s]:
                k = 1 if e == n_eff else 1 + fewest[nxt_of[e]]
                if k < least:
                    least = k
            fewest[s] = least
    else:
        most = n_eff + 1
    # best[s]: {line count: (demerits, previous start, its end)} of starting a line at s
    best: list[dict | None] = [None] * (len(text) + 1)
    best[0] = {0: (0.0, -1, -1)}
    finals: dict[int, tuple[float, int, int, int]] = {}
    for s in range(n_eff):
        states = best[s]
        if not states:
            continue
        for e, d in costs(s, ends[s]):
            if e == n_eff:
                for count, (base, _, _) in states.items():
                    if count < most and base + d < finals.get(count + 1, (_INF,))[0]:
                        finals[count + 1] = (base + d, count, s, e)
                continue
            nxt = nxt_of[e]
            room = most - fewest[nxt]       # the most lines before nxt that can still do
            target = best[nxt]
            if target is None:
                target = best[nxt] = {}
            for count, (base, _, _) in states.items():
                if count < room and base + d < target.get(count + 1, (_INF,))[0]:
                    target[count + 1] = (base + d, s, e)
    out = {}
    for key, (total, count, s, e) in finals.items():
        lines = [(s, e)]
        while s > 0:        # best[s][count]: count lines before s, the last from ps to pe
            _, ps, pe = best[s][count]
            lines.append((ps, pe))
            s, count = ps, count - 1
        lines.reverse()
        out[key] = (total, lines)
    return out


def choose_breaks(p: Prepared, measure: float, indent: float, widows: bool) -> list[tuple[int, int]]:
    """Lines as (start, content end); the content end excludes break spaces."""
    if not p.text.rstrip(" \t\n\r"):
        return []
    return _best_fit(p, measure, indent, widows)


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
    want = natural_lines + looseness if natural_lines else 0
    hit = _BY_COUNT.get(key)        # (p, the most lines it has counts for or 0: all, counts)
    if hit is None or hit[0] is not p or (hit[1] and not 0 < want <= hit[1]):
        if len(_BY_COUNT) > 16:
            _BY_COUNT.clear()
        most = natural_lines + max(1, abs(looseness)) if natural_lines else 0    # ±1 both
        hit = _BY_COUNT[key] = (p, most, _by_count(p, measure, indent, widows, most))
    by_count = hit[2]
    if not natural_lines:
        want = min(by_count, key=lambda k: by_count[k][0]) + looseness
    if want not in by_count:
        return None
    lines = by_count[want][1]
    fitter = fitter_of(p)
    for i, (s, e) in enumerate(lines):
        avail = measure - indent if i == 0 else measure
        final = i == len(lines) - 1
        if fitter.line_cost(s, e, avail, final) >= WITHIN_LIMITS_D:
            return None
        if not final and p.levels[e] > BREAK_URL and not (p.hyphen and p.hyphen[e]):
            return None
        if final and widows and i > 0 and sum(map(CONTENT.__contains__, p.cls[s:e])) <= 1:
            return None
    return lines
