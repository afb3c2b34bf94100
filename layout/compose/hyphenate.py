"""Where a long English word may be broken with a hyphen added (pyphen's en_US patterns).

Only plain words: letters only, all lower case or capitalised (not GitHub, MacBook, USB,
iPhone: product names and codes stay whole), at least MIN_WORD letters, at least LEFT
before and RIGHT after the break, and not touching a digit, a period, a slash, a
backslash, a colon, @, _ or - (nor inside a URL, e-mail or path): A16, config.yaml,
C:\\Program, work-life are never hyphenated. The breaker makes a hyphen dear, so it
breaks a word only where the line would otherwise be spread past the limits.
"""
from __future__ import annotations

import re
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"    # what an added hyphen is drawn as: the text layer reads the word whole
MIN_WORD = 5
LEFT, RIGHT = 2, 3

_WORD = re.compile(r"(?<![A-Za-z0-9._/\\:@\-])(?:[A-Z]?[a-z]{4,})(?![A-Za-z0-9_/\\@\-]|\.[A-Za-z0-9])")
_DICT = None


def _dictionary():
    global _DICT
    if _DICT is None:
        import pyphen
        _DICT = pyphen.Pyphen(lang="en_US", left=LEFT, right=RIGHT)
    return _DICT


@lru_cache(maxsize=4096)
def word_points(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where it may be hyphenated."""
    if len(word) < MIN_WORD:
        return ()
    return tuple(k for k in _dictionary().positions(word) if LEFT <= k <= len(word) - RIGHT)


def hyphen_points(text: str, links: list[tuple[int, int]]) -> list[int]:
    """Indexes k of text where a line may end before text[k] with a hyphen added; `links`
    are the [start, end) of the URLs, e-mails and paths (classes.link_spans)."""
    points = []
    for m in _WORD.finditer(text):
        a, b = m.span()
        if any(s < b and a < e for s, e in links):
            continue
        points += (a + k for k in word_points(m.group()))
    return points
