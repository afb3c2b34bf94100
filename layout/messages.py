"""How the CLI shows diagnostics and its own lines, in the locale's language.

The words are the catalogue's (layout.base.catalogue); msg(code, **args) renders one entry,
diag_line/diag_json a Diagnostic. The language comes from the locale: LC_ALL, else
LC_MESSAGES, else LANG; a value starting with "zh" means Chinese, anything else English.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from layout.base.catalogue import as_json, language, msg  # noqa: F401  (re-exported)
from layout.base.catalogue import cli as cli_words
from layout.base.diagnostics import FREE_TEXT, printable

CATALOGUE = cli_words.ENTRIES      # the CLI's own lines (layout.base.catalogue.cli)

# TRANSITION: diagnostics still written as free English text (the old form) get their
# Chinese from these patterns until their call sites name a catalogue entry.
_ZH_DIAGS: list[tuple[str, str, str]] = [       # makeup/pages.py's, until the lead converts them
    ("overflow", r"^article (?P<a>\S+): 超出(?P<n>\d+)字 \((?P<l>\d+) lines over\) on page (?P<p>\d+)$",
     "稿件 {a}：第{p}版超出{n}字（多 {l} 行）"),
    ("placement", r"^article (?P<a>\S+): placement outside the (?P<n>\d+)-column grid$", "稿件 {a}：位置超出 {n} 栏的版面"),
    ("placement", r"^article (?P<a>\S+): rows (?P<r>\S+) run below the last line of page (?P<p>\d+) \((?P<n>\d+) lines\)$",
     "稿件 {a}：第 {r} 行超出第{p}版的最后一行（共 {n} 行）"),
]
_ZH_WORDS = [(r"\barticle (?P<a>[a-z0-9-]+), paragraph (?P<n>\d+)", "稿件 {a} 第{n}段"),
             (r"^article '?(?P<a>[a-z0-9-]+)'?$", "稿件 {a}")]


@lru_cache(maxsize=None)
def _compiled() -> tuple[list, list]:
    """The patterns, compiled on the first Chinese diagnostic (not at every start-up)."""
    return ([(code, re.compile(rx), zh) for code, rx, zh in _ZH_DIAGS],
            [(re.compile(rx), zh) for rx, zh in _ZH_WORDS])


def _zh_words(text: str) -> str:
    for rx, zh in _compiled()[1]:
        text = rx.sub(lambda m: zh.format(**m.groupdict()), text)
    return text


def diag_message(d, lang: str | None = None) -> str:
    """A Diagnostic's message in the locale's language."""
    lang = lang or language()
    if not (d.args and d.args[0][0] == FREE_TEXT) or lang != "zh":
        return d.text(lang)
    for code, rx, zh in _compiled()[0]:
        if code == d.code:
            m = rx.match(d.message)
            if m:
                return zh.format(**{k: _zh_words(v) for k, v in m.groupdict().items()})
    return _zh_words(d.message)


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
