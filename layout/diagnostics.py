"""Diagnostics: every stage returns these; only the CLI prints them. And `record`, the
frozen dataclass of every stage's model that costs less to define."""
from __future__ import annotations

import reprlib
import unicodedata
from dataclasses import MISSING, dataclass, fields
from enum import Enum
from operator import attrgetter


def record(cls):
    """@dataclass(frozen=True), with the same __repr__, __eq__ and __hash__ shared by every
    class instead of compiled for each one at import (about 40% of a model module's
    start-up); only __init__ and the frozen __setattr__/__delattr__ are generated."""
    body = dict(cls.__dict__)
    cls = dataclass(frozen=True, eq=False, repr=False)(cls)
    every = fields(cls)
    cls._repr_fields = tuple(f.name for f in every if f.repr)
    cls._eq_key = staticmethod(_getter(tuple(f.name for f in every if f.compare)))
    cls._hash_key = staticmethod(_getter(tuple(
        f.name for f in every if (f.compare if f.hash is None else f.hash))))
    if "__repr__" not in body:
        cls.__repr__ = _record_repr
    if "__eq__" not in body:
        cls.__eq__ = _record_eq
    own_hash = body.get("__hash__", MISSING)
    if own_hash is MISSING or (own_hash is None and "__eq__" in body):   # as dataclass decides
        cls.__hash__ = _record_hash
    return cls


def _getter(names: tuple[str, ...]):
    """obj -> the tuple of those attributes (attrgetter gives a bare value for one name)."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


@reprlib.recursive_repr()
def _record_repr(self) -> str:
    return (f"{self.__class__.__qualname__}("
            + ", ".join([f"{name}={getattr(self, name)!r}" for name in self._repr_fields]) + ")")


def _record_eq(self, other):
    if other.__class__ is self.__class__:
        return self._eq_key(self) == other._eq_key(other)
    return NotImplemented


def _record_hash(self) -> int:
    return hash(self._hash_key(self))


def printable(text: str) -> str:
    """Control and invisible format characters shown as escapes (U+001E -> \\x1e), so a
    message is always one readable line whatever the input held."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in "\t":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@record
class SourcePos:
    """A place in an input file (1-based line and column)."""
    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path


@record
class Diagnostic:
    """One finding of a stage: severity, message, where, and a short code."""
    severity: Severity
    message: str
    pos: SourcePos | None = None
    code: str = ""          # short machine name, e.g. "unknown-key", "overflow"

    def __str__(self) -> str:
        where = f"{printable(str(self.pos))}: " if self.pos else ""
        return f"{where}{self.severity.value}: {printable(self.message)}"


def error(message: str, pos: SourcePos | None = None, code: str = "") -> Diagnostic:
    return Diagnostic(Severity.ERROR, message, pos, code)


def warning(message: str, pos: SourcePos | None = None, code: str = "") -> Diagnostic:
    return Diagnostic(Severity.WARNING, message, pos, code)


def has_errors(diags) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)
