"""The CLI's words, in English and Chinese, from one catalogue.

msg(id, **fields) picks the language from the locale: LC_ALL, else LC_MESSAGES, else
LANG (the POSIX order; the first one set wins); a value starting with "zh" means
Chinese, anything else English. Every entry is (English, Chinese) with the same
str.format fields.
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache

from layout.diagnostics import printable

CATALOGUE: dict[str, tuple[str, str]] = {
    # watch
    "watch.built": ("[{time}] built ({reason}) in {secs:.2f} s", "[{time}] 已排版（{reason}），用时 {secs:.2f} 秒"),
    "watch.first": ("first build", "首次排版"),
    "watch.waiting": ("watching {paths} (Ctrl-C stops)", "正在监视 {paths}（按 Ctrl-C 停止）"),
    "watch.stopped": ("watch stopped after {builds} build(s)", "监视结束，共排版 {builds} 次"),
    "watch.no_watchfiles": ("newsprint: watch needs the watchfiles package (pip install watchfiles)",
                            "newsprint：watch 需要 watchfiles 包（pip install watchfiles）"),
    "watch.fits": ("fits", "正好"),
    "watch.cf.header": ("copyfit changes:", "稿件字数变化："),
    "watch.cf.none": ("copyfit unchanged", "稿件字数无变化"),
    "watch.cf.new": ("p{page} {article}: {now}", "第{page}版 {article}：{now}"),
    "watch.cf.gone": ("p{page} {article}: no longer on the page", "第{page}版 {article}：已不在本版"),
    "watch.cf.changed": ("p{page} {article}: {was} → {now}", "第{page}版 {article}：{was} → {now}"),
    # the CLI's own lines
    "sev.error": ("error", "错误"),
    "sev.warning": ("warning", "警告"),
    "sev.info": ("info", "提示"),
    "errors": ("{n} error(s)", "{n} 处错误"),
    "nothing_written": ("build failed: nothing was written", "排版失败：未写出任何文件"),
    "check.ok": ("{edition}: OK ({pages} pages, {articles} articles)", "{edition}：通过（{pages} 版，{articles} 篇稿件）"),
    "build.summary": ("{paper} {date}: {pages} pages, {articles} articles, {over} overflowing",
                      "{paper} {date}：{pages} 版，{articles} 篇稿件，{over} 篇超出"),
    "wrote": ("  wrote {path}", "  已写出 {path}"),
    "wrote.proof": ("  wrote {path} (proof, not for the press)", "  已写出 {path}（校样，不可付印）"),
    "copyfit.head": ("page  article                                     needs   has  overflow  short",
                     "版次  稿件                                        需行  有行      超出   缺行"),
    "copyfit.fill": ("page {page}: {empty} of {lines} body lines empty ({uncovered} outside every block, "
                     "{short} short inside blocks)",
                     "第{page}版：{lines} 行中空 {empty} 行（{uncovered} 行不在任何稿件框内，框内缺 {short} 行）"),
    "strict": ("overflow with --strict", "使用 --strict 时不允许超出"),
    "preflight.failed_for": ("preflight FAILED for {path}:", "印前检查未通过：{path}"),
    "preflight.head": ("preflight {path}: {verdict}", "印前检查 {path}：{verdict}"),
    "PASS": ("PASS", "通过"),
    "FAIL": ("FAIL", "未通过"),
    "WARN": ("WARN", "注意"),
    "no_page": ("newsprint: the edition has no page {page} (pages 1–{pages})",
                "newsprint：本期没有第{page}版（共 1–{pages} 版）"),
    "no_viewer": ("newsprint: no viewer found (xdg-open/open); the PNG is written above",
                  "newsprint：找不到看图程序（xdg-open/open）；PNG 已写出，路径见上"),
    "no_file": ("newsprint: no such file: {path}", "newsprint：没有这个文件：{path}"),
    "progress": ("newsprint: {step}…", "newsprint：{step}…"),
    "step.makeup": ("making up {pages} pages", "组版 {pages} 版"),
    "step.plates": ("writing plates", "写出印版"),
    "step.preflight": ("preflight {i}/{n}", "印前检查 {i}/{n}"),
    "fonts.missing": ("{n} character(s) no font has", "{n} 个字符没有字体可用"),
    "new.wrote": ("wrote {path}: {paper} {date} {weekday} 第{issue}期 (总第{total}期)",
                  "已写出 {path}：{paper} {date} {weekday} 第{issue}期（总第{total}期）"),
    "new.todo": ("{n} article(s) to fill in: every 【待填写】 is an error for `newsprint check` until replaced",
                 "待填写稿件 {n} 篇：每处【待填写】在替换之前，`newsprint check` 都会报错"),
}

# Diagnostics: the stages write English; these patterns (by code) give the Chinese.
_ZH_DIAGS: list[tuple[str, str, str]] = [
    ("unknown-key", r"^unknown key '(?P<k>[^']*)' \(did you mean '(?P<m>[^']*)'\?\)$", "未知的键 '{k}'（是否应为 '{m}'？）"),
    ("unknown-key", r"^unknown key '(?P<k>[^']*)' \(expected one of: (?P<l>.*)\)$", "未知的键 '{k}'（可用的键：{l}）"),
    ("unknown-key", r"^unknown key '(?P<k>[^']*)'$", "未知的键 '{k}'"),
    ("overflow", r"^article (?P<a>\S+): 超出(?P<n>\d+)字 \((?P<l>\d+) lines over\) on page (?P<p>\d+)$",
     "稿件 {a}：第{p}版超出{n}字（多 {l} 行）"),
    ("missing-glyph", r"^(?P<w>.*): no font has the character '(?P<c>.+)' \((?P<u>U\+[0-9A-F]+)\)$",
     "{w}：没有字体含有字符“{c}”（{u}）"),
    ("loose-line", r"^(?P<w>.+): line (?P<n>\d+) '(?P<t>.*)' cannot be justified with gaps of at most ½ em; "
     r"set (?P<d>[\d.]+) pt short of the measure$", "{w}：第 {n} 行“{t}”字距超过半字仍排不满，行末空出 {d} pt"),
    ("loose-line", r"^(?P<w>.+): line (?P<n>\d+) '(?P<t>.*)' cannot be justified with gaps of at most ½ em; "
     r"set (?P<d>[\d.]+) pt beyond the measure$", "{w}：第 {n} 行“{t}”挤压后仍排不下，超出 {d} pt"),
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


def language(environ=None) -> str:
    """'zh' or 'en' from the locale variables."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def msg(mid: str, lang: str | None = None, **fields) -> str:
    """The message `mid` in the locale's language, its fields filled in."""
    en, zh = CATALOGUE[mid]
    text = zh if (lang or language()) == "zh" else en
    return text.format(**fields)


def _zh_words(text: str) -> str:
    for rx, zh in _compiled()[1]:
        text = rx.sub(lambda m: zh.format(**m.groupdict()), text)
    return text


def diag_message(d, lang: str | None = None) -> str:
    """A Diagnostic's message in the locale's language (English as the stage wrote it when
    no pattern knows it)."""
    if (lang or language()) != "zh":
        return d.message
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
    """A Diagnostic for --json: file, line, col, severity, code, message (localised) and the English."""
    pos = d.pos
    return {"file": pos.path if pos else None, "line": pos.line if pos else None,
            "col": pos.col if pos else None, "severity": d.severity.value, "code": d.code,
            "message": diag_message(d, lang), "message_en": d.message}


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True)
