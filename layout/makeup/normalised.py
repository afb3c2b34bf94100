"""What text normalisation changed, one note per article (shown by `newsprint check`).

The paper may ask for ASCII punctuation in Chinese text to be set full-width
(normalize_ascii_punct); the editor should see what was changed, not find out
on the proof. Counts are taken from the edition's own text, once per article.
"""
from __future__ import annotations

from collections import Counter

from layout.compose.normalize import normalize_text
from layout.base.diagnostics import Diagnostic, Phrase, info

PAIRED = {"（": "（）", "）": "（）"}     # brackets are reported as pairs


def article_texts(article) -> list[str]:
    texts = [article.kicker, *article.headline, article.subhead, article.byline,
             *(p.text for p in article.paragraphs), article.author]
    if article.photo:
        texts += [article.photo.caption, article.photo.credit]
    return [t for t in texts if t]


def summary(changes) -> tuple[Phrase, ...]:
    """What was changed: 12 ASCII punctuation marks set full width (，×9 （）×2 ：×1),
    4 straight quotes paired, 1 zero-width character removed (each part when not 0)."""
    marks: Counter = Counter()
    quotes = removed = 0
    for c in changes:
        if c.old == '"':
            quotes += 1
        elif not c.new:
            removed += 1
        elif c.new != c.old:
            marks[PAIRED.get(c.new, c.new)] += 1
    parts = []
    if marks:
        detail = " ".join(f"{k}×{v}" for k, v in sorted(marks.items(), key=lambda kv: (-kv[1], kv[0])))
        parts.append(Phrase("normalised.punctuation", n=sum(marks.values()), marks=detail))
    if quotes:
        parts.append(Phrase("normalised.quotes", n=quotes))
    if removed:
        parts.append(Phrase("normalised.zero-width", n=removed))
    return tuple(parts)


def normalisation_notes(edition, pages: set[int] | None = None) -> list[Diagnostic]:
    """An INFO diagnostic (code "normalised") per article whose text was changed."""
    ascii_punct = edition.paper.normalize_ascii_punct
    notes = []
    for page in edition.pages:
        if pages is not None and page.number not in pages:
            continue
        for art in page.articles:
            changes = [c for t in article_texts(art)
                       for c in normalize_text(t, ascii_punct=ascii_punct)[1]]
            parts = summary(changes)
            if parts:
                notes.append(info("normalised", art.pos, article=art.id, changes=parts))
    return notes
