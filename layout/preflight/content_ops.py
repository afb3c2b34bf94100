"""A fast reader of PDF content-stream operations for preflight.

pypdf's ContentStream.operations reads a stream byte by byte in Python; on a
newspaper page (tens of thousands of Tj/Td) that was most of a build's time.

raw_operations() splits a decoded stream into (operand text, operator) pairs
in one pass of a regular expression (in C); operands are parsed only for
the operators preflight reads (operands(), numbers()), and parse the same as
before: numbers as int/float, names as str ("/F1", #xx escapes decoded),
strings as bytes (raw, escapes not decoded: preflight never reads them),
arrays as lists.  A stream the split does not take (arrays in arrays, #-escaped
names, huge integers) is read token by token; anything neither handles (inline
images, dictionaries, nested parentheses, unbalanced tokens) returns None and
the caller falls back to pypdf, so no stream is misread.
"""
from __future__ import annotations

import re

_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_ENDS = rb"(?!" + _REGULAR + rb")"                  # a token ends at white space or a delimiter
_BLANKS = rb"[\x00\t\n\x0c\r ]"
_THEN = rb"(?:" + _BLANKS + rb"++|" + _ENDS + rb")"   # a number's end, and the blanks after it
_DIGITS = rb"(?:[0-9]{1,4300}+(?:\.[0-9]*+)?+|\.[0-9]++)"   # longer integers: int() refuses them
# Operand tokens, each alternative starting with a fixed character or class (quick to rule
# out), the commonest first, each taking the blanks after it: fewer turns of the loop.
_OPERAND = [_BLANKS + rb"++",
            rb"[0-9]{1,4300}+(?:\.[0-9]*+)?+" + _THEN,
            rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]*+>" + _BLANKS + rb"*+",         # a hex string
            rb"\((?:[^()\\]++|\\.)*+\)" + _BLANKS + rb"*+",             # a string
            rb"/[^\x00\t\n\x0c\r ()<>\[\]{}/%#]*+" + _BLANKS + rb"*+",   # a name (#-escapes: token by token)
            rb"[+-]" + _DIGITS + _THEN,
            rb"\.[0-9]++" + _THEN,
            rb"%[^\r\n]*+"]                                             # a comment
_ARRAY = rb"\[(?:" + rb"|".join(_OPERAND) + rb")*+\]"     # arrays in arrays: token by token
_ARGS = rb"(?:" + rb"|".join(_OPERAND + [_ARRAY]) + rb")*+"
_GAP = rb"(?:" + _BLANKS + rb"++|%[^\r\n]*+)"
_OPERATOR = rb"[A-Za-z'\"*][A-Za-z0-9'\"*]*+" + _ENDS
# An operation: its operands' text and its operator; where no operator follows, the
# rest of the stream in the operator's place (one match: no rescan of the rest).
_STEP = re.compile(rb"(" + _ARGS + rb")(" + _OPERATOR + rb"|.*)", re.S)
_OPERATOR_ONLY = re.compile(_OPERATOR + rb"\Z", re.S)
_GAPS_ONLY = re.compile(_GAP + rb"*+\Z", re.S)

_TOKEN = re.compile(rb"""
    (?:[\x00\t\n\x0c\r ]++|%[^\r\n]*+)*+    # white space and comments before the token (possessive:
                                            # no backtracking, which was exponential in a run of blanks)
    (?:(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<str>\((?:[^()\\]++|\\.)*+\))
  | (?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
  | (?P<open>\[)
  | (?P<close>\])
  | (?P<op>[A-Za-z'"*][A-Za-z0-9'"*]*)(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])
  | (?P<tail>\Z))
""", re.X | re.S)
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_NOT_HANDLED = {b"BI", b"ID", b"EI"}      # inline images: pypdf's job
_NOT_NUMERIC = b"0123456789.+-\x00\t\n\x0c\r "


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


def _tokens(data: bytes):
    """(operations, operands left at the end) read token by token, or None."""
    ops: list[tuple[list, bytes]] = []
    operands: list = []
    arrays: list[list] = []
    pos = 0
    while True:
        m = _TOKEN.match(data, pos)
        if m is None:                           # something no token pattern knows
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
    if arrays or pos != len(data):
        return None
    return ops, operands


def raw_operations(data: bytes) -> list[tuple] | None:
    """[(operands, operator)] of a decoded content stream, the operands as their text
    (bytes; see operands() and numbers()) or, for a stream read token by token, as a
    list; None if pypdf must read it."""
    ops = _STEP.findall(data)
    if ops and ops[-1] == (b"", b""):          # the empty match at the end
        ops.pop()
    if ops and not _OPERATOR_ONLY.match(ops[-1][1]):
        args, rest = ops.pop()
        if rest or not _GAPS_ONLY.match(args):
            ops = None                          # something not an operation: token by token
    if ops is not None:
        if (b"BI" in data or b"ID" in data or b"EI" in data) and any(op in _NOT_HANDLED for _, op in ops):
            return None
        return ops
    read = _tokens(data)
    if read is None or read[1]:
        return None
    return read[0]


def operands(args) -> list:
    """The operands of one operation from raw_operations, parsed (a list is as read)."""
    if args.__class__ is not bytes:
        return args
    read = _tokens(args)
    if read is None or read[0]:                 # cannot happen for raw_operations' text
        raise ValueError(f"unreadable operands {args[:40]!r}")
    return read[1]


_NUMBERS: dict = {}           # operand text -> its numbers (content streams repeat them a lot)


def numbers(args) -> tuple | None:
    """The operands as floats, as float() of operands() gives them, when they are all
    numbers (finite); None otherwise (the caller converts them itself)."""
    if args.__class__ is not bytes:
        return None
    found = _NUMBERS.get(args, False)
    if found is not False:
        return found
    if args.translate(None, _NOT_NUMERIC):
        vals = None
    else:
        vals = tuple(map(float, args.split()))
        total = sum(vals)
        if b"-0" in args or total - total != 0:   # -0 reads as int 0; inf: int() overflows
            try:
                vals = tuple(float(p) if b"." in p else float(int(p)) for p in args.split())
            except (OverflowError, ValueError):
                vals = None
    if len(_NUMBERS) > 4096:
        _NUMBERS.clear()
    _NUMBERS[args] = vals
    return vals


def fast_operations(data: bytes) -> list[tuple[list, bytes]] | None:
    """[(operands, operator)] of a decoded content stream, or None if pypdf must read it."""
    ops = raw_operations(data)
    return None if ops is None else [(operands(args), op) for args, op in ops]


__all__ = ["fast_operations", "numbers", "operands", "raw_operations"]
