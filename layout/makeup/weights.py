"""A character the style's face lacks, set in a face of another weight or style of its chain
(堃 of a 黑体 Bold headline set in 宋体 Regular): a warning naming the character, the text and
the face used, so a lighter glyph in a bold line is seen before print."""
from __future__ import annotations

from layout.base.diagnostics import Diagnostic, warning


def _parts(article):
    """(part, text, style role) of an article's texts."""
    yield from (("headline", h, "commentary_headline" if article.kind == "commentary" else "headline")
                for h in article.headline)
    yield "kicker", article.kicker, "kicker"
    yield "subhead", article.subhead, "subhead"


def weight_fallbacks(edition, fonts) -> tuple[Diagnostic, ...]:
    """One warning per article part and character set in a face of another style."""
    paper = edition.paper
    out = []
    for page in edition.pages:
        for article in page.articles:
            seen: set[tuple[str, str]] = set()
            for part, text, role in _parts(article):
                style = paper.styles.get(role) or paper.styles.get("headline")
                chain = paper.fonts.get(style.font, ()) if style else ()
                if not text or not chain:
                    continue
                first = fonts.face(chain[0])
                for ch in dict.fromkeys(text):
                    if ch.isspace() or (part, ch) in seen or fonts.covers(chain[0], ch):
                        continue
                    used = fonts.resolve(chain, ch)
                    if used is None:
                        continue                  # no font has it: missing-glyph says so
                    face = fonts.face(used)
                    if face.style != first.style:
                        seen.add((part, ch))
                        out.append(warning("weight-fallback", article.pos, article=article.id, part=part,
                                           char=ch, face=f"{first.family} {first.style}",
                                           used=f"{face.family} {face.style}"))
    return tuple(out)
