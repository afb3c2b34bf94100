"""Threading (转版): body lines, resume points, and balancing the last columns (平衡栏)
without a widow at a column's head where a paragraph a line shorter or longer avoids it."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import Callable, Sequence

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


def balance(lines: int, columns: int, rows: int, tops: Sequence[int] = ()) -> list[int]:
    """Lines per column when an article ends inside its frame: columns as even as
    possible, the longer ones first (平衡栏), never more than `rows`. tops[i] > 0: column i
    starts that many rows down (under a picture); the columns then end as evenly as
    possible (their feet within one row, the earlier ones lower)."""
    if columns <= 0:
        return []
    if any(tops):
        return _balance_feet(lines, [min(rows, t) for t in tops], rows)
    lines = min(lines, columns * rows)
    base, extra = divmod(lines, columns)
    return [base + (1 if i < extra else 0) for i in range(columns)]


def _balance_feet(lines: int, tops: list[int], rows: int) -> list[int]:
    """balance() for columns starting at rows `tops`: the lowest foot that holds the lines,
    then one row less in the last columns that can spare it."""
    lines = min(lines, sum(rows - t for t in tops))
    foot = next(f for f in range(rows + 1) if sum(max(0, f - t) for t in tops) >= lines)
    out = [max(0, foot - t) for t in tops]
    spare = sum(out) - lines
    for i in reversed(range(len(out))):
        if spare and out[i]:
            out[i] -= 1
            spare -= 1
    return out


def capacity(columns: int, rows: int, tops: Sequence[int] = ()) -> int:
    """Line slots of `columns` columns of `rows` rows, column i starting tops[i] rows down."""
    return columns * rows - sum(min(rows, t) for t in tops)


PAIRED = 8      # paragraphs nearest the widow tried two at a time


def widowed_columns(sizes: Sequence[int], per_col: Sequence[int]) -> list[int]:
    """The columns (after the first) that begin with the last line of a paragraph of two
    lines or more, cut off from its paragraph (a widow, 孤行); sizes = lines per paragraph,
    in order."""
    lasts, k = set(), 0
    for n in sizes:
        k += n
        if n >= 2:
            lasts.add(k - 1)
    out, k = [], 0
    for i, n in enumerate(per_col):
        if i and n and k in lasts:
            out.append(i)
        k += n
    return out


def without_widows(sizes: Sequence[int], columns: int, rows: int,
                   can: Callable[[int, int], bool], tops: Sequence[int] = ()) -> dict[int, int] | None:
    """Balanced columns (平衡栏) come first: within one line, never a later column longer.
    A widow at a column's head is avoided by setting paragraphs a line shorter or longer
    instead (can(j, d): paragraph j can be set d = ±1 lines longer), the least visible
    change first: one paragraph a line shorter (a mark squeezed before a line is spread),
    the widow's own first, then the nearest; one a line longer; then two of the PAIRED
    nearest: both shorter, one shorter and one longer, both longer. The block keeps its
    height, and full columns stay full (tops: as for balance). Returns {paragraph index:
    ±1} ({} when there is no widow), None when nothing avoids it."""
    total = sum(sizes)
    per_col = balance(total, columns, rows, tops)
    height = _foot(per_col, tops)
    full = capacity(columns, height, tops)
    widowed = widowed_columns(sizes, per_col)
    if not widowed:
        return {}
    head = sum(per_col[:widowed[0]])
    w = next(j for j, k in enumerate(accumulate(sizes)) if k > head)
    order = sorted(range(len(sizes)), key=lambda j: (abs(j - w), j))
    near = order[:PAIRED]
    tries = [{j: d} for d in (-1, 1) for j in order]
    tries += [{a: da, b: db} for da, db in ((-1, -1), (-1, 1), (1, 1)) for a in near for b in near
              if a != b and (da != db or a < b)]
    for change in tries:
        new = sum(change.values()) + total
        if new > capacity(columns, rows, tops) or _foot(balance(new, columns, rows, tops), tops) != height \
                or (total == full and new != total):
            continue
        resized = [n + change.get(j, 0) for j, n in enumerate(sizes)]
        if not widowed_columns(resized, balance(new, columns, rows, tops)) and \
                all(can(j, d) for j, d in change.items()):
            return change
    return None


def _foot(per_col: Sequence[int], tops: Sequence[int]) -> int:
    """The lowest row the columns reach (each from its top)."""
    return max((n + (tops[i] if i < len(tops) else 0) for i, n in enumerate(per_col)), default=0)
