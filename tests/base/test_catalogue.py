"""The catalogue: every entry in both languages, and every diagnostic named by its code."""
import ast
import re
import string
from pathlib import Path

import pytest

from layout.base import diagnostics
from layout.base.catalogue import Phrase, entries, fields, render
from layout.base.diagnostics import Severity, SourcePos, error, warning
from fixtures.words import CJK, english_words

PKG = Path(__file__).resolve().parents[2] / "layout"



def sample(template: str) -> dict:
    return {name: 12 for name in fields(template)}


ENTRIES = sorted(entries().items())


@pytest.mark.parametrize("code,variants", ENTRIES, ids=[c for c, _ in ENTRIES])
def test_every_entry_renders_in_both_languages_in_that_language_only(code, variants):
    en, zh = variants
    assert len(en) == len(zh), f"{code}: {len(en)} English variants, {len(zh)} Chinese"
    for e, z in zip(en, zh):
        assert fields(e) == fields(z), code
        args = sample(e)
        in_en, in_zh = render(code, args, "en"), render(code, args, "zh")
        assert not CJK.search(in_en), f"{code}: Chinese in the English {in_en!r}"
        words = english_words(in_zh)
        assert not words, f"{code}: English {words} in {in_zh!r}"
        assert CJK.search(in_zh) or not re.search(r"[A-Za-z]", in_zh), f"{code}: {in_zh!r}"


@pytest.mark.parametrize("code,variants", ENTRIES, ids=[c for c, _ in ENTRIES])
def test_variants_are_reachable(code, variants):
    """A variant after one whose fields it includes could never be chosen."""
    en, _ = variants
    for i, later in enumerate(en):
        for earlier in en[:i]:
            assert not fields(earlier) <= fields(later), f"{code}: variant {i} is shadowed"


def test_codes_are_plain_names():
    for code in entries():
        assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*[A-Za-z0-9]|[A-Z]+", code), code


def test_the_api_keeps_code_and_arguments_and_renders_either_language():
    pos = SourcePos("edition.yaml", 3, 5)
    d = error("unknown-key", pos, key="headlin", suggestion="headline")
    assert (d.severity, d.code, d.pos) == (Severity.ERROR, "unknown-key", pos)
    assert d.arguments == {"key": "headlin", "suggestion": "headline"}
    assert d.message == "unknown key 'headlin' (did you mean 'headline'?)"
    assert d.text("zh") == "未知的键“headlin”（是否应为“headline”？）"
    assert str(d) == "edition.yaml:3:5: error: unknown key 'headlin' (did you mean 'headline'?)"
    # the optional part is a variant: without a suggestion, the list; without both, the key alone
    assert error("unknown-key", pos, key="x", expected=("a", "b")).text("zh") == "未知的键“x”（可用的键：a、b）"
    assert warning("unknown-key", pos, key="x").message == "unknown key 'x'"
    assert d == error("unknown-key", pos, key="headlin", suggestion="headline") and hash(d) == hash(
        error("unknown-key", pos, key="headlin", suggestion="headline"))


def test_phrases_as_arguments_are_rendered_in_the_message_language():
    what = Phrase("where.paragraph", article="lead", n=3)
    d = error("missing-glyph", None, what=what, char="𠀀", codepoint="U+20000")
    assert d.message == "article lead, paragraph 3: no font has the character '𠀀' (U+20000)"
    assert d.text("zh") == "稿件 lead 第3段：没有字体含有字符“𠀀”（U+20000）"


def test_english_plurals():
    assert render("normalised.quotes", {"n": 1}) == "paired 1 straight quote as “ ”"
    assert render("normalised.quotes", {"n": 2}) == "paired 2 straight quotes as “ ”"


def test_an_unknown_code_is_refused_when_rendered():
    with pytest.raises(KeyError):
        render("no-such-code", {})


# ---------------------------------------------------------------- nothing writes free text

CALLS = {"error", "warning", "info"}


def old_form_calls(path: Path) -> list[str]:
    """Calls of error/warning/info (or out.error …) whose first argument is not a
    catalogue code given as a literal, or that pass a code as a third argument."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in CALLS:
            pass
        elif isinstance(f, ast.Attribute) and f.attr in CALLS and ast.unparse(f.value).endswith("out"):
            pass
        elif isinstance(f, ast.Call) or isinstance(f, ast.IfExp):
            if not (isinstance(f, ast.IfExp) and {ast.unparse(f.body), ast.unparse(f.orelse)} <= CALLS):
                continue
        else:
            continue
        first = node.args[0] if node.args else None
        forwards = (isinstance(first, (ast.Name, ast.Attribute)) and len(node.args) <= 2
                    and any(k.arg is None for k in node.keywords))
        if forwards:          # a wrapper passing on its caller's code and arguments
            continue
        if isinstance(first, ast.IfExp):       # error("a" if … else "b", …): each must fit
            firsts = [first.body, first.orelse]
        else:
            firsts = [first]
        ok = len(node.args) <= 2 and all(isinstance(c, ast.Constant) and isinstance(c.value, str)
                                         and c.value in entries() for c in firsts)
        for first in firsts if ok else ():
            used = {k.arg for k in node.keywords}
            if None not in used:      # **kwargs: checked when rendered
                variants = entries()[first.value][0]
                ok = ok and any(fields(t) <= used for t in variants) and used <= set().union(*map(fields, variants))
        if not ok:
            bad.append(f"{path.relative_to(PKG)}:{node.lineno}: {ast.unparse(node)[:80]}")
    return bad


def test_every_diagnostic_names_a_catalogue_entry():
    found = {}
    for path in sorted(PKG.rglob("*.py")):
        if path.parent.name == "catalogue" or path.name == "diagnostics.py":
            continue
        bad = old_form_calls(path)
        if bad:
            found[str(path.relative_to(PKG))] = bad
    assert not found, "\n".join(sum(found.values(), []))


def test_no_code_is_written_twice_in_a_catalogue_module():
    """A dict literal keeps the last of two equal keys silently: each code once."""
    for path in sorted((PKG / "base" / "catalogue").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                twice = {k for k in keys if keys.count(k) > 1}
                assert not twice, f"{path.name}: {twice}"


def phrase_calls(path: Path) -> list[str]:
    """Phrase("code", …) and clauses(items, "code", …) calls whose code is not an entry or
    whose arguments fit none of its variants (or name a field none has)."""
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id == "Phrase" and node.args:
            code, given = node.args[0], {k.arg for k in node.keywords}
        elif node.func.id == "clauses" and len(node.args) >= 2:
            code, given = node.args[1], {k.arg for k in node.keywords} | {"items"}
        else:
            continue
        if not (isinstance(code, ast.Constant) and isinstance(code.value, str)) or None in given:
            continue                  # a code made at run time, or **arguments: checked when rendered
        variants = entries().get(code.value, ((),))[0]
        ok = (code.value in entries() and given <= set().union(*map(fields, variants))
              and any(fields(t) <= given for t in variants))
        if not ok:
            bad.append(f"{path.relative_to(PKG)}:{node.lineno}: {ast.unparse(node)[:90]}")
    return bad


def test_every_phrase_names_an_entry_with_its_fields():
    found = sum((phrase_calls(p) for p in sorted(PKG.rglob("*.py")) if p.parent.name != "catalogue"), [])
    assert not found, "\n".join(found)
