"""The catalogue: every message a user can see, in English and Chinese, keyed by code.

A message is a code and its arguments (`render("unknown-key", {"key": "headlin",
"suggestion": "headline"}, "zh")`); its words are templates in the stage modules of this
package (edition.py, makeup.py, …), each entry `code: (english, chinese)` with the same
str.format fields in both. An entry may give several variants, a tuple of templates in
each language: the first whose fields are all given (and not None) is used, so an
optional part (a suggestion, a hint) is a variant, not glued-on English.

An argument is a plain value (text as the editor wrote it, a number, a path), a `Phrase`
(a catalogue entry of its own, e.g. what the editor wrote: "the string 'abc'" /
"字符串“abc”"), or a tuple of those (a list, joined by ", " or "、"; a `Clauses` tuple by
"; " or "；"). English plurals: "{n} {n:plural:line|lines}".
"""
from __future__ import annotations

import os
import string
from importlib import import_module

LANGUAGES = ("en", "zh")
STAGE_MODULES = ("edition", "fonts", "compose", "makeup", "render", "press", "preflight", "cli", "usage")
_LIST_SEPARATOR = {"en": ", ", "zh": "、"}
_CLAUSE_SEPARATOR = {"en": "; ", "zh": "；"}
_entries: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None


class Phrase:
    """A piece of text from the catalogue with its arguments, rendered in either language
    when the message holding it is (an argument of a message, never a message itself)."""

    __slots__ = ("code", "args")

    def __init__(self, code: str, **args):
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "args", freeze(args))

    def __setattr__(self, name, value):
        raise AttributeError("Phrase is immutable")

    def text(self, lang: str = "en") -> str:
        return render(self.code, self.args, lang)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, {', '.join(f'{k}={v!r}' for k, v in self.args)})"

    def __eq__(self, other):
        if other.__class__ is Phrase:
            return (self.code, self.args) == (other.code, other.args)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.code, self.args))


class Clauses(tuple):
    """An argument that is a list of clauses (each a Phrase or text): joined by "; " in
    English and "；" in Chinese, where a plain tuple is joined by ", " and "、"."""

    __slots__ = ()


def freeze(args: dict) -> tuple[tuple[str, object], ...]:
    """Arguments as a hashable tuple of (name, value) pairs, lists made tuples."""
    return tuple((name, tuple(value) if isinstance(value, list) else value)
                 for name, value in args.items())


def entries() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every entry, code -> (english variants, chinese variants); loaded on first use."""
    global _entries
    if _entries is None:
        merged: dict = {}
        for name in STAGE_MODULES:
            try:
                module = import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
                continue
            for code, (en, zh) in module.ENTRIES.items():
                if code in merged:
                    raise ValueError(f"catalogue code {code!r} defined twice ({name})")
                merged[code] = ((en,) if isinstance(en, str) else tuple(en),
                                (zh,) if isinstance(zh, str) else tuple(zh))
        _entries = merged
    return _entries


def known(code: str) -> bool:
    return code in entries()


def fields(template: str) -> frozenset[str]:
    """The argument names a template uses."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template) if name)


def render(code: str, args=(), lang: str = "en") -> str:
    """The entry `code` in `lang` with its arguments filled in (args: pairs or a dict)."""
    given = dict(args)
    variants = entries()[code][1 if lang == "zh" else 0]
    present = {name for name, value in given.items() if value is not None}
    for template in variants:
        if fields(template) <= present:
            break
    else:
        raise KeyError(f"catalogue {code!r}: no variant for the arguments {sorted(present)}")
    return _FORMATTER.vformat(template, (), {name: shown(value, lang) for name, value in given.items()})


class _Formatter(string.Formatter):
    """str.format, plus English plurals: {n:plural:mark|marks} gives the word for n."""

    def format_field(self, value, format_spec):
        if format_spec.startswith("plural:"):
            one, _, many = format_spec[len("plural:"):].partition("|")
            return one if value == 1 else many
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def shown(value, lang: str):
    """An argument as a template takes it: phrases and lists rendered, the rest as is
    (so a template may still format a number: {secs:.2f})."""
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, tuple):
        separator = (_CLAUSE_SEPARATOR if isinstance(value, Clauses) else _LIST_SEPARATOR).get(lang, ", ")
        return separator.join(str(shown(v, lang)) for v in value)
    return value


def as_json(value, lang: str = "en"):
    """An argument for --json: phrases as their text, lists as lists."""
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, tuple):
        return [as_json(v, lang) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def os_reason(exc: BaseException) -> "Phrase | str":
    """Why the system refused a file, in the catalogue's words when it is a common reason
    (the system's own text otherwise)."""
    import errno

    if isinstance(exc, ValueError):                 # a NUL in the name
        return Phrase("os.bad-name")
    if isinstance(exc, RuntimeError):               # Path.resolve: a loop of links
        return Phrase("os.link-loop")
    code = {errno.ENOENT: "os.not-found", errno.EACCES: "os.permission", errno.EPERM: "os.permission",
            errno.EISDIR: "os.is-folder", errno.ENOTDIR: "os.not-folder", errno.ENOSPC: "os.disk-full",
            errno.EROFS: "os.read-only", errno.ELOOP: "os.link-loop",
            errno.ENAMETOOLONG: "os.name-too-long"}.get(getattr(exc, "errno", None))
    if code:
        return Phrase(code)
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def language(environ=None) -> str:
    """'zh' or 'en' from the locale: LC_ALL, else LC_MESSAGES, else LANG (the POSIX order;
    the first one set wins); a value starting with "zh" means Chinese."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def msg(code: str, lang: str | None = None, /, **args) -> str:
    """The entry `code` in `lang` (default: the locale's language), for the CLI's lines."""
    return render(code, args, lang or language())
