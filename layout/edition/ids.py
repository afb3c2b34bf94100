"""Readable article ids from headlines: a short pinyin slug (社区卡口上的“红马甲” ->
she-qu-ka-kou-shang-de), unique in the edition. pypinyin (its phrase dictionary picks the
reading of 多音字: 银行 yin-hang, 重庆 chong-qing) is imported only when an id is made."""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable

MAX_LENGTH = 32
_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str, max_length: int = MAX_LENGTH) -> str:
    """Syllables and Latin words of `text`, lowercase, joined by '-', cut at a syllable
    boundary to at most `max_length` characters ("" when nothing is left)."""
    from pypinyin import Style, lazy_pinyin

    words: list[str] = []
    for piece in lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False):
        words += _WORD.findall(piece.lower().replace("ü", "v"))
    out = ""
    for word in words:
        longer = f"{out}-{word}" if out else word
        if len(longer) > max_length:
            break
        out = longer
    return out or (words[0][:max_length] if words else "")


def readable_id(headline: Iterable[str], taken: Collection[str], fallback: str = "article") -> str:
    """An id from the headline's lines, not in `taken` (-2, -3 … appended when it is)."""
    base = slug("".join(headline)) or fallback
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
