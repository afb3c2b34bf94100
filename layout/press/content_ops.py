"""A fast reader of PDF content-stream operations for preflight.

pypdf's ContentStream.operations reads a stream byte by byte in Python; on a
newspaper page (tens of thousands of Tj/Td) that was most of a build's time.
This reader tokenises the decoded stream with one regular expression and gives
the same (operands, operator) pairs: numbers as int/float, names as str
("/F1", #xx escapes decoded), strings as bytes (raw, escapes not decoded:
preflight never reads them), arrays as lists.  Anything it does not handle
(inline images, dictionaries, nested parentheses, unbalanced tokens)
returns None and the caller falls back to pypdf, so no stream is misread.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(rb"""
    (?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*       # white space and comments before the token
    (?:(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<str>\((?:[^()\\]|\\.)*\))
  | (?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
  | (?P<open>\[)
  | (?P<close>\])
  | (?P<op>[A-Za-z'"*][A-Za-z0-9'"*]*)(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])
  | (?P<tail>\Z))
""", re.X | re.S)
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_NOT_HANDLED = {b"BI", b"ID", b"EI"}      # inline images: pypdf's job


def _name(tok: bytes) -> str | None:
    """A name as pypdf gives it (#xx escapes decoded, UTF-8, else GBK, else Latin-1)."""
    if b"#" in tok:
        try:
            tok = _HEX_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), tok)
        except ValueError:
            return None
        if b"#" in tok:
            return None                          # a malformed escape: pypdf decides
    for enc in ("utf-8", "gbk", "latin-1"):
        try:
            return tok.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def fast_operations(data: bytes) -> list[tuple[list, bytes]] | None:
    """[(operands, operator)] of a decoded content stream, or None if pypdf must read it."""
    ops: list[tuple[list, bytes]] = []
    operands: list = []
    arrays: list[list] = []
    pos = 0
    for m in _TOKEN.finditer(data):
        if m.start() != pos:                    # something no token pattern knows
            return None
        pos = m.end()
        kind = m.lastgroup
        if kind == "tail":
            break
        tok = m.group(kind)
        if kind == "num":
            val = float(tok) if b"." in tok else int(tok)
        elif kind == "name":
            val = _name(tok)
            if val is None:
                return None
        elif kind == "op":                      # (true/false/null too, as pypdf reads them)
            if arrays or tok in _NOT_HANDLED:
                return None
            ops.append((operands, tok))
            operands = []
            continue
        elif kind == "str" or kind == "hex":
            val = tok
        elif kind == "open":
            arrays.append([])
            continue
        else:                                   # close
            if not arrays:
                return None
            val = arrays.pop()
        (arrays[-1] if arrays else operands).append(val)
    if arrays or pos != len(data) or operands:
        return None
    return ops


__all__ = ["fast_operations"]
