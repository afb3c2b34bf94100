"""Where a one-line 主题 may be broken into two set lines, best first.

A headline with a space breaks only at a space (两句式: the editor's pause). Without one it
breaks between words (rjieba, a dictionary segmenter: a Chinese headline has no other
word boundaries) where the composer's line-break rules allow a line end (layout.compose.
classes.break_levels: never inside a number with its unit or a Latin word, never before a
closing mark or after an opening one), never inside a quotation or brackets, and never
leaving a line of one character. The best breaks come first: after a pause mark (、，：；！？)
or at a space, then at a phrase's edge (after a closing mark, before an opening one,
between Han and a number or Latin word), then between any two words, each tier
`TIER_COST` em dearer, and among them the one whose longer line is shortest (the middle).
"""
from __future__ import annotations

from functools import lru_cache

from layout.compose.classes import (BREAK_OK, CLOSING_MARKS, LATIN_RUN, OPENING_MARKS, PAUSE_MARKS,
                                    SENTENCE_END_MARKS, break_levels, char_class)

SPACES = " \u3000"
TIER_COST = (0.0, 1.0, 2.5)    # em: after a pause mark or a space, a phrase's edge, between words
MIN_LINE_EM = 2.0              # no line of a single character
OPENERS = OPENING_MARKS + "(["
CLOSERS = CLOSING_MARKS + ")]"


def two_line_breaks(text: str, most: int = 3) -> tuple[tuple[str, str], ...]:
    """Up to `most` ways to set `text` as two lines, best first (see the module)."""
    return _breaks(text)[:most]


@lru_cache(maxsize=2048)
def _breaks(text: str) -> tuple[tuple[str, str], ...]:
    n = len(text)
    spaced = [k for k, ch in enumerate(text) if ch in SPACES and 0 < k < n - 1]
    if spaced:
        cuts = [(k, 0) for k in spaced]
    else:
        cuts = [(k, _tier(text, k)) for k in _word_bounds(text) & _allowed(text)]
    options = []
    for k, tier in cuts:
        a, b = text[:k].rstrip(SPACES), text[k:].lstrip(SPACES)
        wa, wb = _em(a), _em(b)
        if min(wa, wb) < MIN_LINE_EM or not a or not b:
            continue
        options.append((max(wa, wb) + TIER_COST[tier], abs(k - n / 2), k, (a, b)))
    options.sort()
    return tuple(o[-1] for o in options)


def _allowed(text: str) -> set[int]:
    """Positions k (a line ends before text[k]) the composer allows, outside quotations
    and brackets (straight quotes pair up in turn)."""
    levels = break_levels(text)
    out, depth, straight = set(), 0, False
    for k, ch in enumerate(text):
        if k and levels[k] == BREAK_OK and depth == 0 and not straight:
            out.add(k)
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
    return out


def _word_bounds(text: str) -> set[int]:
    """Positions between two words of the segmenter."""
    import rjieba       # a dictionary in its library: loaded on the first headline that needs it

    out, at = set(), 0
    for word in rjieba.cut(text):
        at += len(word)
        out.add(at)
    return out


def _tier(text: str, k: int) -> int:
    """0 after a pause or sentence mark, 1 at a phrase's edge, 2 between two words."""
    a, b = text[k - 1], text[k]
    if a in PAUSE_MARKS + SENTENCE_END_MARKS:
        return 0
    if a in CLOSERS or b in OPENERS or ((char_class(a) in LATIN_RUN) != (char_class(b) in LATIN_RUN)):
        return 1
    return 2


def _em(text: str) -> float:
    """Width in em, roughly: a full-width character 1, anything else ½."""
    from unicodedata import east_asian_width

    return sum(1.0 if east_asian_width(ch) in "WF" else 0.5 for ch in text)
