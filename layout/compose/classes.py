"""Character classes for Chinese line breaking (W3C clreq, GB/T 15834).

Each character gets one class; the break rules between two neighbours are
derived from the classes (禁则: line-start / line-end prohibitions, and the
inseparable runs: ……, ——, Latin words, numbers with their signs and units).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# classes
HAN = "han"            # ideographs, kana, hangul, full-width letters and digits
LATIN = "latin"        # proportional letters
DIGIT = "digit"        # proportional digits
OPEN = "open"          # full-width opening bracket / quote: ink in the right half
CLOSE = "close"        # full-width closing bracket / quote: ink in the left half
STOP = "stop"          # 、，：；．(pause marks): ink in the left half
END = "end"            # 。？！ sentence-end marks: ink in the left half
MIDDLE = "middle"      # interpunct 间隔号: ink centred
DASH = "dash"          # —— (2 em, never split)
ELLIPSIS = "ellipsis"  # …… (2 em, never split)
SPACE = "space"        # breakable spaces
ASCII_CLOSE = "ascii-close"   # ) ] } , . : ; ? ! in Latin text
ASCII_OPEN = "ascii-open"     # ( [ {
PREFIX = "prefix"      # currency signs glued to the following digits: ¥ $ € £ #
POSTFIX = "postfix"    # % ‰ ℃ ° glued to the preceding digits
SYMBOL = "symbol"      # anything else (●, ★, +, =, /, @ ...)

OPENING_MARKS = "（【《「『“‘〔〈〖〘〚｛［〝｟"
CLOSING_MARKS = "）】》」』”’〕〉〗〙〛｝］〞〟｠"
PAUSE_MARKS = "、，：；．"
SENTENCE_END_MARKS = "。？！"
MIDDLE_DOTS = "·・‧"
DASHES = "—―"
ELLIPSES = "…‥⋯"
ASCII_CLOSING = ")]},.:;?!"
ASCII_OPENING = "([{"
PREFIXES = "¥$€£￥＄#＃"
POSTFIXES = "%‰℃°％"
BREAK_SPACES = " \t\n\r"
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"

# 数字后的量词/单位: "5000万", "2月23日", "30元" are not split after the digits
UNIT_HAN = set("万亿千百十元角分年月日时秒号个岁件名次人户家条座米克吨升度倍期版栏届")

#: may not begin a line (clreq "basic" + strict: ——, …… too)
LINE_START_PROHIBITED = frozenset(
    CLOSING_MARKS + PAUSE_MARKS + SENTENCE_END_MARKS + MIDDLE_DOTS + DASHES + ELLIPSES
    + ASCII_CLOSING + "ー々〻ゝゞヽヾ")
#: may not end a line
LINE_END_PROHIBITED = frozenset(OPENING_MARKS + ASCII_OPENING)

# break levels, before a character (smaller = better)
BREAK_OK = 0        # a normal break opportunity
BREAK_URL = 1       # inside a URL, e-mail, path or Latin run after / ? & = - _: when it helps
BREAK_LAST = 2      # inside a URL or e-mail before . or @: the last resort short of BREAK_BAD
BREAK_BAD = 3       # against a prohibition or inside an inseparable run: emergency only
BREAK_NONE = 4      # not a line end at all (the line would end with a space)


@lru_cache(maxsize=4096)
def char_class(ch: str) -> str:
    if ch in BREAK_SPACES:
        return SPACE
    if ch in OPENING_MARKS:
        return OPEN
    if ch in CLOSING_MARKS:
        return CLOSE
    if ch in PAUSE_MARKS:
        return STOP
    if ch in SENTENCE_END_MARKS:
        return END
    if ch in MIDDLE_DOTS:
        return MIDDLE
    if ch in DASHES:
        return DASH
    if ch in ELLIPSES:
        return ELLIPSIS
    if ch in ASCII_CLOSING:
        return ASCII_CLOSE
    if ch in ASCII_OPENING:
        return ASCII_OPEN
    if ch in PREFIXES:
        return PREFIX
    if ch in POSTFIXES:
        return POSTFIX
    cat = unicodedata.category(ch)
    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    if wide and cat[0] in "LN":
        return HAN
    if cat == "Nd":
        return DIGIT
    if cat[0] in "LM":
        return LATIN
    if wide and cat[0] == "S":
        return HAN
    return SYMBOL


#: classes that are full-width punctuation with a blank half (compressible)
CJK_PUNCT = frozenset((OPEN, CLOSE, STOP, END, MIDDLE))
#: classes that make up a Latin/number run (no break inside, autospace against Han)
LATIN_RUN = frozenset((LATIN, DIGIT, ASCII_CLOSE, ASCII_OPEN, PREFIX, POSTFIX, SYMBOL))
#: classes Han–Latin spacing applies to (on the Latin side)
ALNUM = frozenset((LATIN, DIGIT))


def is_prohibited_at_start(ch: str) -> bool:
    return ch in LINE_START_PROHIBITED


def is_prohibited_at_end(ch: str) -> bool:
    return ch in LINE_END_PROHIBITED


def _pair_level(a: str, ca: str, b: str, cb: str) -> int:
    """Break level between two adjacent non-space characters a|b."""
    if a in LINE_END_PROHIBITED or b in LINE_START_PROHIBITED:
        return BREAK_BAD
    if ca == cb and ca in (DASH, ELLIPSIS):
        return BREAK_BAD
    if ca == PREFIX and cb in (DIGIT, PREFIX):
        return BREAK_BAD
    if ca in (DIGIT, POSTFIX) and cb == POSTFIX:
        return BREAK_BAD
    if ca == DIGIT and b in UNIT_HAN:
        return BREAK_BAD
    if ca in LATIN_RUN and cb in LATIN_RUN:
        return BREAK_BAD      # words: break_levels allows work-|life and/|or (_WORD_JOIN)
    return BREAK_OK


class Memo(dict):
    """fn(key), computed once per key (memo[key]); at most `limit` keys, then it starts over."""

    def __init__(self, fn, limit: int = 1 << 16):
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.fn(key)
        return value


def _chars_level(ab: tuple[str, str]) -> int:
    """_pair_level of two adjacent characters; BREAK_NONE when either is a space (a space
    after a: break_levels looks across the space run)."""
    a, b = ab
    if a in BREAK_SPACES or b in BREAK_SPACES:
        return BREAK_NONE
    return _pair_level(a, char_class(a), b, char_class(b))


_KINDS: dict[tuple, str] = {}


def _representative(ch: str) -> str:
    """The first character seen that _pair_level cannot tell from ch (same class, same
    prohibitions, both units or not, the same / - . or none)."""
    kind = (char_class(ch), ch in LINE_END_PROHIBITED, ch in LINE_START_PROHIBITED,
            ch in UNIT_HAN)
    return _KINDS.setdefault(kind, ch)


# levels are computed once per pair of representatives (a few hundred pairs at most)
_REPRESENTATIVE = Memo(_representative)
_PAIR_LEVELS = Memo(_chars_level)
SPACE_RUN = re.compile(f"[{re.escape(BREAK_SPACES)}]+")


def break_levels(text: str) -> list[int]:
    """levels[k] = how good it is to end a line just before text[k] (k in 1..n-1).

    When text[k] starts a run of spaces, the line ends at k and the next line
    starts after the spaces; prohibitions then look across the spaces.
    levels[0] is BREAK_NONE (a line has at least one character). Inside a URL, e-mail
    address or file path (`link_spans`) the levels are `link_level`'s.
    """
    pair, rep = _PAIR_LEVELS, _REPRESENTATIVE
    reps = list(map(rep.__getitem__, text))
    levels = [BREAK_NONE]
    levels += map(pair.__getitem__, zip(reps, reps[1:]))
    n = len(text)
    for run in SPACE_RUN.finditer(text):
        k, m = run.span()
        if k > 0:
            bad = m < n and (text[k - 1] in LINE_END_PROHIBITED or text[m] in LINE_START_PROHIBITED)
            levels[k] = BREAK_BAD if bad else BREAK_OK
    if "-" in text or "/" in text or "\\" in text:
        for m in _WORD_JOIN.finditer(text):
            levels[m.start()] = BREAK_URL
    for a, b in link_spans(text):
        for k in range(a + 1, b):
            if text[k - 1] != " " and text[k] != " ":   # the space in C:\\Program Files
                levels[k] = link_level(text[k - 1], text[k])   # stays a word space
    return levels[:n]


# inside a Latin run a line may end after the hyphen of work-life or the slash of and/or
# (words of two letters or more on both sides), never inside a number or a code (2020-02-24,
# 010-68840911, 2003-L0007, USB-C, PDF/X-1a) nor after a period
_WORD_JOIN = re.compile(r"(?<=[a-z]{2}-)(?=[a-z]{2})|(?<=[A-Za-z]{2}[/\\])(?=[A-Za-z]{2})")


# URLs, e-mail addresses and file paths in running text (ASCII only: a Chinese mark ends them)
_URL_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_NAME = r"[A-Za-z0-9._-]+"     # a file or folder name (a Windows folder's may hold single spaces)
_DOMAIN = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|info|io|int|mil|biz|me|tv)\b"
LINK = re.compile(
    rf"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.){_URL_CHAR}+"                 # https://…  www.…
    rf"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"               # e-mail
    rf"|(?<![A-Za-z0-9]){_DOMAIN}(?:/{_URL_CHAR}*)?"                        # example.gov.cn/a
    rf"|(?<![A-Za-z0-9.])[A-Za-z]:\\(?:{_NAME}(?: {_NAME})*\\)+(?:{_NAME})?"     # C:\Program Files\a
    rf"|(?<![A-Za-z0-9.])~?/{_NAME}(?:[/\\]{_NAME})+[/\\]?")                          # /usr/local/bin
_LINK_HINT = re.compile(r"[A-Za-z0-9][/@.\\]|[/~][A-Za-z]")
_TRAILING = ".,;:!?)]'"      # sentence punctuation after a link is not part of it


def link_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each URL, e-mail address and file path in text."""
    if not _LINK_HINT.search(text):
        return []
    spans = []
    for m in LINK.finditer(text):
        a, b = m.span()
        while b > a + 1 and text[b - 1] in _TRAILING:
            if text[b - 1] == ")" and text.count("(", a, b) >= text.count(")", a, b):
                break      # a bracket the link opened: (http://a.b/x_(y))
            b -= 1
        spans.append((a, b))
    return spans


def link_level(a: str, b: str) -> int:
    """Break level between a and b inside a link: after / // ? & = - _ \\ (never between
    the slashes of //, nor after the scheme's :), before . or @ only as the last resort,
    never after a period; no hyphen is added."""
    if b in "/\\" or (a == ":" and b == "/"):
        return BREAK_BAD
    if a in "/?&=-_\\#":
        return BREAK_URL
    if b in ".@" and a != ".":
        return BREAK_LAST
    return BREAK_BAD

