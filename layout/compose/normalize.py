"""Text clean-up before composition: ASCII punctuation inside Chinese → full-width.

Sources often type , ( ) : ; ? ! " where a Chinese page sets ， （ ） ： ； ？ ！ “ ”.
A mark is mapped when a neighbour (the nearest non-space character on either
side) is Chinese; it is kept inside Latin/number runs ("12,345", "10:30",
"http://…", "e.g.", "2003-L0007"). Straight double quotes are paired in order.
Zero-width characters are removed; control characters are reported (kept).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .classes import CJK_PUNCT, DASH, ELLIPSIS, HAN, ZERO_WIDTH, char_class

FULL_WIDTH = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
_CJK_CLASSES = CJK_PUNCT | {HAN, DASH, ELLIPSIS}


@dataclass(frozen=True)
class Change:
    index: int      # position in the input text
    old: str
    new: str        # "" = removed; == old for a report without change
    reason: str


def _is_cjk(ch: str | None) -> bool:
    return ch is not None and char_class(ch) in _CJK_CLASSES


def _neighbour(chars: list[str], j: int, step: int) -> str | None:
    j += step
    while 0 <= j < len(chars):
        if not chars[j].isspace():
            return chars[j]
        j += step
    return None


def _keep_in_latin(chars: list[str], j: int) -> bool:
    """Marks that belong to a number, a time or a URL stay ASCII."""
    ch = chars[j]
    before = chars[j - 1] if j > 0 else None
    after = chars[j + 1] if j + 1 < len(chars) else None
    if ch in ",:" and before is not None and after is not None:
        if before.isdigit() and after.isdigit():
            return True          # 12,345  10:30
    if ch == ":" and after == "/":
        return True              # http://
    return False


# what normalize_text may act on: zero-width and control characters (not \t \n \r), and
# with ascii_punct the marks of FULL_WIDTH and straight quotes
_CONTROL = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "".join(
    chr(c) for c in range(0x7F, 0xA0))
_INVISIBLE = re.compile(f"[{re.escape(ZERO_WIDTH + _CONTROL)}]")
_ANY = re.compile(f"[{re.escape(ZERO_WIDTH + _CONTROL + ''.join(FULL_WIDTH))}\"]")


@lru_cache(maxsize=8192)
def normalize_text(text: str, *, ascii_punct: bool) -> tuple[str, tuple[Change, ...]]:
    """Clean `text`; with ascii_punct, map ASCII punctuation in Chinese context and pair quotes.
    Kept per text (the result is immutable): a make-up again after an edit (the desk, watch)
    normalises only the paragraphs that changed."""
    if not (_ANY if ascii_punct else _INVISIBLE).search(text):
        return text, ()         # nothing to do (most paragraphs)
    changes: list[Change] = []
    if _INVISIBLE.search(text):
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            if ch in ZERO_WIDTH:
                changes.append(Change(i, ch, "", "zero-width character removed"))
                continue
            if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r":
                changes.append(Change(i, ch, ch, f"control character U+{ord(ch):04X}"))
            chars.append(ch)
            origin.append(i)
    else:
        chars, origin = list(text), range(len(text))
    if ascii_punct:
        _pair_quotes(chars, origin, changes)      # first: “ ” then count as Chinese context
        _map_punctuation(chars, origin, changes)
    changes.sort(key=lambda c: c.index)
    return "".join(chars), tuple(changes)


def _map_punctuation(chars: list[str], origin: list[int], changes: list[Change]) -> None:
    reason = "ASCII punctuation in Chinese text"
    opened: list[bool] = []          # for each open "(": was it mapped?
    for j in [j for j, ch in enumerate(chars) if ch in FULL_WIDTH]:
        ch = chars[j]
        prev, nxt = _neighbour(chars, j, -1), _neighbour(chars, j, +1)
        chinese = _is_cjk(prev) or _is_cjk(nxt)
        if ch == "(":
            mapped = chinese
            opened.append(mapped)
        elif ch == ")":
            mapped = opened.pop() if opened else chinese
        else:
            mapped = chinese and not _keep_in_latin(chars, j)
        if mapped:
            chars[j] = FULL_WIDTH[ch]
            changes.append(Change(origin[j], ch, chars[j], reason))


def _pair_quotes(chars: list[str], origin: list[int], changes: list[Change]) -> None:
    quotes = [j for j, ch in enumerate(chars) if ch == '"']
    for n, j in enumerate(quotes):
        opening = n % 2 == 0
        chars[j] = "“" if opening else "”"
        unpaired = opening and n == len(quotes) - 1
        why = "unpaired straight quote set as opening quote" if unpaired else "straight quote paired"
        changes.append(Change(origin[j], '"', chars[j], why))
