"""Synthetic metrics for tests and benchmarks: Han and full-width marks 1 em, Latin ½ em."""
from __future__ import annotations

import unicodedata


class SyntheticMetrics:
    """Han, full-width punctuation, ——, …… 1 em; Latin letters, digits, ASCII ½ em; space ¼ em.

    `uncovered` characters are covered by no font; a font id listed in `latin_only`
    covers only ASCII (to exercise the fallback chain).
    """

    def __init__(self, uncovered: str = "", latin_only: tuple[str, ...] = ()):
        self.uncovered = set(uncovered)
        self.latin_only = set(latin_only)

    def covers(self, font_id: str, ch: str) -> bool:
        if ch in self.uncovered:
            return False
        if font_id in self.latin_only:
            return ord(ch) < 128
        return True

    def advance(self, font_id: str, ch: str) -> float:
        if ch in " \t\n\r":
            return 0.25
        if ch in "—…“”‘’·" or unicodedata.east_asian_width(ch) in ("W", "F"):
            return 1.0
        return 0.5
