"""The CLI's words, in English and Chinese, from one catalogue.

msg(id, **fields) picks the language from the locale: LC_ALL, else LC_MESSAGES, else
LANG (the POSIX order; the first one set wins); a value starting with "zh" means
Chinese, anything else English. Every entry is (English, Chinese) with the same
str.format fields.
"""
from __future__ import annotations

import os

CATALOGUE: dict[str, tuple[str, str]] = {
    # watch
    "watch.built": ("[{time}] built ({reason}) in {secs:.2f} s", "[{time}] 已排版（{reason}），用时 {secs:.2f} 秒"),
    "watch.first": ("first build", "首次排版"),
    "watch.waiting": ("watching {paths} (Ctrl-C stops)", "正在监视 {paths}（按 Ctrl-C 停止）"),
    "watch.stopped": ("watch stopped after {builds} build(s)", "监视结束，共排版 {builds} 次"),
    "watch.no_watchfiles": ("newsprint: watch needs the watchfiles package (pip install watchfiles)",
                            "newsprint：watch 需要 watchfiles 包（pip install watchfiles）"),
    "watch.cf.header": ("copyfit changes:", "稿件字数变化："),
    "watch.cf.none": ("copyfit unchanged", "稿件字数无变化"),
    "watch.cf.new": ("p{page} {article}: {now}", "第{page}版 {article}：{now}"),
    "watch.cf.gone": ("p{page} {article}: no longer on the page", "第{page}版 {article}：已不在本版"),
    "watch.cf.changed": ("p{page} {article}: {was} → {now}", "第{page}版 {article}：{was} → {now}"),
}


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
