"""Diagnostics: every stage returns these; only the CLI prints them."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum


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


@dataclass(frozen=True)
class SourcePos:
    """A place in an input file (1-based line and column)."""
    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path


@dataclass(frozen=True)
class Diagnostic:
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
