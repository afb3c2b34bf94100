"""Diagnostics: every stage returns these; only the CLI prints them. And `record`, the
frozen dataclass of every stage's model that costs less to define."""
from __future__ import annotations

import reprlib
import unicodedata
from dataclasses import MISSING, dataclass, fields
from enum import Enum
from operator import attrgetter

from layout.base.catalogue import Phrase, freeze, known, os_reason, render  # noqa: F401  (Phrase, os_reason: for the stages)


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
    """One finding of a stage: severity, a catalogue code and its arguments, where.

    The words are the catalogue's (layout.base.catalogue): `message` is the English,
    `text("zh")` the Chinese; stages never write the text themselves."""
    severity: Severity
    code: str                               # the catalogue entry, e.g. "unknown-key", "overflow"
    args: tuple[tuple[str, object], ...] = ()   # (name, value) pairs, as given
    pos: SourcePos | None = None

    @property
    def message(self) -> str:
        """The message in English (the CLI renders it in the locale's language)."""
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        if self.args and self.args[0][0] == FREE_TEXT:      # the old form (see _make)
            return self.args[0][1]
        return render(self.code, self.args, lang)

    @property
    def arguments(self) -> dict:
        return dict(self.args)

    def __str__(self) -> str:
        where = f"{printable(str(self.pos))}: " if self.pos else ""
        return f"{where}{self.severity.value}: {printable(self.message)}"


FREE_TEXT = "_free_text"


def error(code: str, pos: SourcePos | None = None, _old_code: str | None = None, /, **args) -> Diagnostic:
    """error("unknown-key", pos, key="headlin", suggestion="headline")."""
    return _make(Severity.ERROR, code, pos, _old_code, args)


def warning(code: str, pos: SourcePos | None = None, _old_code: str | None = None, /, **args) -> Diagnostic:
    return _make(Severity.WARNING, code, pos, _old_code, args)


def info(code: str, pos: SourcePos | None = None, _old_code: str | None = None, /, **args) -> Diagnostic:
    return _make(Severity.INFO, code, pos, _old_code, args)


def _make(severity: Severity, code: str, pos, old_code, args) -> Diagnostic:
    if old_code is None and "code" in args and not known(code):
        old_code = args.pop("code")
    if old_code is not None or (not args and not known(code)):
        # TRANSITION: the old form error(message, pos, code) keeps its free English text;
        # tests/base/test_catalogue.py fails on any call site still using it.
        return Diagnostic(severity, old_code or "", ((FREE_TEXT, code),), pos)
    return Diagnostic(severity, code, freeze(args), pos)


def has_errors(diags) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)


