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
_ZH_DIAGS: list[tuple[str, str, str]] = [
    ("unknown-key", r"^unknown key '(?P<k>[^']*)' \(did you mean '(?P<m>[^']*)'\?\)$", "未知的键 '{k}'（是否应为 '{m}'？）"),
    ("unknown-key", r"^unknown key '(?P<k>[^']*)' \(expected one of: (?P<l>.*)\)$", "未知的键 '{k}'（可用的键：{l}）"),
    ("unknown-key", r"^unknown key '(?P<k>[^']*)'$", "未知的键 '{k}'"),
    ("overflow", r"^article (?P<a>\S+): 超出(?P<n>\d+)字 \((?P<l>\d+) lines over\) on page (?P<p>\d+)$",
     "稿件 {a}：第{p}版超出{n}字（多 {l} 行）"),
    ("missing-glyph", r"^(?P<w>.*): no font has the character '(?P<c>.+)' \((?P<u>U\+[0-9A-F]+)\)$",
     "{w}：没有字体含有字符“{c}”（{u}）"),
    ("placement", r"^(?P<b>.+) is placed in columns (?P<c>[\d-]+), outside the grid's columns 1-(?P<n>\d+)$",
     "{b} 位于第 {c} 栏，超出版面的第 1-{n} 栏"),
    ("placement", r"^(?P<b>.+) is placed in rows (?P<r>[\d-]+), outside the page's rows 1-(?P<n>\d+)$",
     "{b} 位于第 {r} 行，超出本版的第 1-{n} 行"),
    ("placement", r"^article (?P<a>\S+): placement outside the (?P<n>\d+)-column grid$", "稿件 {a}：位置超出 {n} 栏的版面"),
    ("placement", r"^article (?P<a>\S+): rows (?P<r>\S+) run below the last line of page (?P<p>\d+) \((?P<n>\d+) lines\)$",
     "稿件 {a}：第 {r} 行超出第{p}版的最后一行（共 {n} 行）"),
    ("placeholder", r"^placeholder text not replaced: (?P<t>.+?) \(write the copy here, or delete the article\)$",
     "占位文字未替换：{t}（请在此写入稿件，或删去这篇稿件）"),
    ("missing", r"^(?P<w>.+): missing required key '(?P<k>[^']+)'$", "{w}：缺少必填的键 '{k}'"),
    ("type", r"^(?P<k>.+): expected a whole number, got (?P<g>.+)$", "{k}：应为整数，实为 {g}"),
    ("type", r"^(?P<k>.+): expected a number, got (?P<g>.+)$", "{k}：应为数字，实为 {g}"),
    ("type", r"^(?P<k>.+): expected text, got (?P<g>.+)$", "{k}：应为文字，实为 {g}"),
    ("strict", r"^overflow with --strict$", "使用 --strict 时不允许超出"),
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
