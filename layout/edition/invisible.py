"""Invisible characters in the copy, often pasted from a word processor: zero-width spaces,
byte-order marks, soft hyphens, direction marks, control characters.

The paper's `invisible_chars` rule decides: `strip` removes them with a warning (nothing
vanishes unreported), `error` refuses the edition. Tab, newline and carriage return are
white space, not invisible characters. Other text fields (names, sections, templates ...)
are typed once, not pasted: an invisible character there is always an error (fields.py).
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from yaml.nodes import SequenceNode

from layout.base.diagnostics import Phrase, SourcePos
from layout.edition.model import Article
from layout.edition.source import node_pos

if TYPE_CHECKING:                      # fields uses is_invisible: no import at run time
    from layout.edition.fields import Collector, Fields

RULES = ("strip", "error")


def is_invisible(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf")


def invisible_in(text: str) -> list[tuple[int, str]]:
    """(index, character) of each invisible character of text. Quick when there is none
    (the usual case): printable text has none, else each distinct character is looked at once."""
    if text.isprintable() or not any(map(is_invisible, set(text))):
        return []
    return [(i, ch) for i, ch in enumerate(text) if is_invisible(ch)]


def describe(ch: str) -> str:
    """U+200B ZERO WIDTH SPACE; control characters have no Unicode name."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}"


def clean_text(out: Collector, text: str, pos: SourcePos, what: Phrase, rule: str) -> str:
    """text without invisible characters; each field reported once, under the paper's rule."""
    found = invisible_in(text)
    if not found:
        return text
    if rule == "error":
        i, ch = found[0]
        out.error("invisible-char-rule", pos, what=what, char=describe(ch), index=i + 1,
                  more=len(found) - 1 or None)
        return text
    kinds = tuple(describe(ch) for ch in dict.fromkeys(ch for _, ch in found))
    out.warning("invisible-removed", pos, what=what, n=len(found), chars=kinds)
    return "".join(ch for ch in text if not is_invisible(ch))


def clean_article(out: Collector, article: Article, f: Fields, rule: str) -> Article:
    """The article with its text fields cleaned (positions: the field's YAML node)."""
    def field(key: str, text: str, label: str = "") -> str:
        node = f.get(key)
        pos = node_pos(node) if node is not None else article.pos
        return clean_text(out, text, pos, Phrase("where.field", article=article.id, field=label or key), rule)

    paragraphs = tuple(replace(p, text=clean_text(out, p.text, p.pos,
                                                  Phrase("where.paragraph", article=article.id, n=n), rule))
                       for n, p in enumerate(article.paragraphs, 1))
    photo = article.photo
    if photo is not None:
        photo = replace(photo, caption=field("photo", photo.caption, "caption"),
                        credit=field("photo", photo.credit, "credit"))
    return replace(article, paragraphs=paragraphs, photo=photo,
                   headline=tuple(clean_text(out, h, pos, Phrase("where.field", article=article.id, field="headline"), rule)
                                  for h, pos in zip(article.headline, _entry_positions(f.get("headline"), article))),
                   kicker=field("kicker", article.kicker), subhead=field("subhead", article.subhead),
                   byline=field("byline", article.byline), author=field("author", article.author))


def _entry_positions(node, article: Article) -> list[SourcePos]:
    """Where each entry of a string-or-list field is (so two headline lines with the same
    problem are two places, not one reported twice)."""
    if node is None:
        return [article.pos] * len(article.headline)
    items = node.value if isinstance(node, SequenceNode) else [node]
    return [node_pos(n) for n in items] + [node_pos(node)] * (len(article.headline) - len(items))
