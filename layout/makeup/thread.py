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
    tail: Line | None = None   # set flush right on the same line (a 导读 entry's 第N版)


def balance(lines: int, columns: int, rows: int) -> list[int]:
    """Lines per column when an article ends inside its frame: columns as even as
    possible, the longer ones first (平衡栏), never more than `rows`."""
    if columns <= 0:
        return []
    lines = min(lines, columns * rows)
    base, extra = divmod(lines, columns)
    return [base + (1 if i < extra else 0) for i in range(columns)]


def is_widow(lines, k: int) -> bool:
    """lines[k] is a paragraph's last line and the line before it is of the same paragraph
    (so at the top of a column it would stand alone, cut off from its paragraph)."""
    return (0 < k < len(lines) and lines[k].line.last
            and lines[k - 1].paragraph == lines[k].paragraph)


def avoid_widows(per_col: list[int], lines, rows: int) -> list[int]:
    """Move column breaks of a balanced distribution by one line so that no column starts
    with a paragraph's last line alone (clreq: avoid where the layout allows). The widow
    goes back to the foot of the column before when that has a free row, else that
    column's last line comes over with it. Full columns (text running on) are kept
    full: a hole at a column's foot is worse than a widow."""
    cols = list(per_col)
    start = 0
    for i in range(len(cols) - 1):
        start += cols[i]
        nxt = cols[i + 1]
        if nxt == 0 or not is_widow(lines, start):
            continue
        if cols[i] < rows and nxt > 1:                 # the widow back up
            cols[i] += 1
            cols[i + 1] -= 1
            start += 1
        elif nxt < rows and cols[i] > 1:               # one more line down with it
            cols[i] -= 1
            cols[i + 1] += 1
            start -= 1
    return cols
