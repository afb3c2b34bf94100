"""导读 (kind: index): the front page's box listing inner-page stories with their 版次.

Its lines are made from the edition when it is made up, never typed: each listed story
(the article's `stories`, else the first story of every other page) gives its `short`
title, else its headline, and the page it starts on (第N版 as the paper writes it), so a
story moved to another page moves in the index too.  The box is an article like any other
(a title, boxed, sized by its lines; placed by hand or by automatic makeup); each entry is
set flush left in the `index` style with its page flush right on its last line.
"""
from __future__ import annotations

from dataclasses import replace

from layout.compose.model import Span
from layout.edition.model import IndexEntry
from layout.makeup.thread import BodyLine

NOT_STORIES = ("ad", "index")


def with_index(edition):
    """The edition with each 导读's entries, title, 主题 size and body columns (one) filled in."""
    if not any(a.kind == "index" for p in edition.pages for a in p.articles):
        return edition
    home = {a.id: (p.number, a) for p in edition.pages for a in p.articles}
    paper = edition.paper
    pages = []
    for page in edition.pages:
        arts = []
        for art in page.articles:
            if art.kind == "index":
                ids = art.stories or _leads(edition, page.number)
                entries = tuple(IndexEntry(i, _title(home[i][1]), home[i][0]) for i in ids if i in home)
                art = replace(art, entries=entries, headline=art.headline or (paper.index_title,),
                              headline_size=art.headline_size or paper.styles["index_title"].size_pt,
                              body_columns=art.body_columns or 1)       # one list across the box
            arts.append(art)
        pages.append(replace(page, articles=tuple(arts)))
    return replace(edition, pages=tuple(pages))


def _leads(edition, own: int) -> list[str]:
    """The lead (first story) of every page but the index's own."""
    out = []
    for page in edition.pages:
        if page.number != own:
            first = next((a for a in page.articles if a.kind not in NOT_STORIES), None)
            if first is not None:
                out.append(first.id)
    return out


def _title(article) -> str:
    return article.short or "".join(article.headline) or article.id


def index_lines(ts, article, measure: float) -> list[BodyLine]:
    """An entry a paragraph: its title turned over within the measure less its page (and an
    em), the page set flush right on the title's last line."""
    style = ts.char_style("index")
    para = ts.para_style("index", align="left", indent=0.0)
    em = ts.size("index")
    out: list[BodyLine] = []
    for i, entry in enumerate(article.entries):
        label = ts.line([Span(ts.text(ts.paper.index_page_format.format(page=entry.page)), style)], para)
        label = replace(label, offset=0.0)
        room = max(em, measure - label.width - em)
        composed = ts.compose([Span(ts.text(entry.title, article.pos), style)], room, para, article.pos,
                              f"article {article.id}, entry {i + 1}")
        lines = list(composed.lines)
        for j, line in enumerate(lines):
            out.append(BodyLine(line, i, line.start, line.end, tail=label if j == len(lines) - 1 else None))
    return out
