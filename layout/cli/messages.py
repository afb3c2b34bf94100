"""How the CLI shows diagnostics and its own lines, in the locale's language.

The words are the catalogue's (layout.base.catalogue); msg(code, **args) renders one entry,
diag_line/diag_json a Diagnostic. The language comes from the locale: LC_ALL, else
LC_MESSAGES, else LANG; a value starting with "zh" means Chinese, anything else English.
"""
from __future__ import annotations

import json

from layout.base.catalogue import as_json, language, msg  # noqa: F401  (re-exported)
from layout.base.catalogue import cli as cli_words
from layout.base.diagnostics import FREE_TEXT, printable

CATALOGUE = cli_words.ENTRIES      # the CLI's own lines (layout.base.catalogue.cli)

def diag_message(d, lang: str | None = None) -> str:
    """A Diagnostic's message in the locale's language (from the catalogue)."""
    return d.text(lang or language())


def diag_line(d, lang: str | None = None) -> str:
    """`file:line:col: severity: message`, localised."""
    lang = lang or language()
    where = f"{printable(str(d.pos))}: " if d.pos else ""
    sev = msg(f"sev.{d.severity.value}", lang)
    return f"{where}{sev}: {printable(diag_message(d, lang))}"


def diag_json(d, lang: str | None = None) -> dict:
    """A Diagnostic for --json: file, line, col, severity, code, its arguments, message
    (localised) and the English."""
    pos = d.pos
    lang = lang or language()
    args = {} if d.args and d.args[0][0] == FREE_TEXT else {k: as_json(v, lang) for k, v in d.args}
    return {"file": pos.path if pos else None, "line": pos.line if pos else None,
            "col": pos.col if pos else None, "severity": d.severity.value, "code": d.code,
            "args": args, "message": diag_message(d, lang), "message_en": d.message}


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True)
