"""Threading (转版): body lines, resume points, and balancing the last columns."""
from __future__ import annotations

from dataclasses import dataclass

from layout.compose.model import Line


@dataclass(frozen=True)
class Resume:
    """Where the rest of an article's text starts: paragraph index and the character
    offset in that paragraph's normalised text (0 = the paragraph's start)."""
    paragraph: int
    char: int


@dataclass(frozen=True)
class BodyLine:
    line: Line
    paragraph: int
    start: int     # char offsets in the paragraph's normalised text
    end: int


def balance(lines: int, columns: int, rows: int) -> list[int]:
    """Lines per column when an article ends inside its frame: columns as even as
    possible, the longer ones first (平衡栏), never more than `rows`."""
    if columns <= 0:
        return []
    lines = min(lines, columns * rows)
    base, extra = divmod(lines, columns)
    return [base + (1 if i < extra else 0) for i in range(columns)]
