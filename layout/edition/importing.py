"""Copy as reporters deliver it (a Word/WPS .docx, plain text, Markdown-like text) turned
into the parts of a story file: headline lines, 副题, 电头 (byline), paragraphs.

What every source shares is here: the lead-in (本报讯（记者 …）, 新华社北京2月23日电, a
paragraph of its own like 本报记者 孙悦然) recognised as the byline, white space and empty
paragraphs normalised. Nothing is dropped unreported: what cannot be imported (a picture,
a table, a text box, a footnote) is named in a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from layout.base.diagnostics import Diagnostic, SourcePos, error, warning
from layout.edition.source import read_text, shown_path

# 本报讯（记者 孙悦然）… / 本报北京2月23日电（记者 …）… / 新华社北京2月23日电 …
_LEAD_IN = re.compile(r"(?P<lead>(?:本报讯|本报[^\s，。,（(]{1,12}电|新华社[^\s，。,（(]{1,14}电)"
                      r"(?:[ \u3000]*[（(][^（）()]{1,40}[）)])?)[ \u3000]*")
# a paragraph that is only a byline: 本报记者 孙悦然  / 记者 高原 通讯员 林晨
_BYLINE_ONLY = re.compile(r"(?:本报)?(?:特约)?(?:记者|通讯员)[ \u3000]*[^。！？!?，,]{1,30}")
_SENTENCE_END = re.compile(r"[。！？!?]")
HEADLINE_MAX = 40        # characters of a paragraph taken as a headline by its look


@dataclass
class Copy:
    """The parts of a story, and what was noticed on the way."""
    source: str                                   # the file as messages show it
    headline: list[str] = field(default_factory=list)
    kicker: str = ""
    subhead: str = ""
    byline: str = ""
    author: str = ""
    paragraphs: list[str] = field(default_factory=list)
    diags: list[Diagnostic] = field(default_factory=list)

    @property
    def pos(self) -> SourcePos:
        return SourcePos(self.source)


def tidy(text: str) -> str:
    """A paragraph's text without the white space around it (a typed 　　 indent included)."""
    return text.strip(" \t\u3000\r\n")


def take_byline(copy: Copy) -> None:
    """The first paragraph's lead-in becomes the byline (a paragraph that is only a byline
    goes whole)."""
    if not copy.paragraphs or copy.byline:
        return
    first = copy.paragraphs[0]
    m = _LEAD_IN.match(first)
    if m:
        copy.byline = m["lead"]
        rest = first[m.end():]
        copy.paragraphs[0:1] = [rest] if rest.strip() else []
    elif _BYLINE_ONLY.fullmatch(first) and not _SENTENCE_END.search(first):
        copy.byline = first
        del copy.paragraphs[0]


def looks_like_headline(text: str) -> bool:
    return 0 < len(text) <= HEADLINE_MAX and not _SENTENCE_END.search(text)


def read_copy(path: Path) -> Copy:
    """The copy of a .docx, .txt or .md file; Copy.diags holds errors if it cannot be used."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from layout.edition.docx import read_docx

        return read_docx(path)
    copy = Copy(shown_path(path))
    if suffix not in (".txt", ".md", ".markdown", ".text"):
        copy.diags.append(error("import-format", copy.pos, suffix=suffix or path.name,
                                formats=(".docx", ".txt", ".md"), old=(".doc", ".wps"), docx=".docx"))
        return copy
    text, diags = read_text(path, copy.source)
    copy.diags += diags
    if text is not None:
        _plain(copy, text, markdown=suffix in (".md", ".markdown"))
    return copy


def _plain(copy: Copy, text: str, markdown: bool) -> None:
    """Paragraphs of plain text: separated by empty lines when the text has them (the lines
    of one paragraph joined), else one a line. A first short line without a full stop is the
    headline; in Markdown the leading `#` lines are."""
    from layout.edition.story import wide

    lines = [tidy(line) for line in re.split(r"\r\n|\r|\n", text)]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if not any(len(b) > 1 for b in blocks):
        pass                                    # one paragraph a line already
    elif len(blocks) == 1:                      # no empty lines at all: each line a paragraph
        blocks = [[line] for line in blocks[0]]
    if markdown:                                # leading "# …" lines: the headline
        while blocks and blocks[0][0].startswith("#"):
            block = blocks.pop(0)
            while block and block[0].startswith("#"):
                copy.headline.append(tidy(block.pop(0).lstrip("#")))
            if block:
                blocks.insert(0, block)
    paragraphs = []
    for block in blocks:
        text = block[0]
        for line in block[1:]:
            text += ("" if wide(text[-1]) or wide(line[0]) else " ") + line
        paragraphs.append(text)
    if markdown:
        for n, p in enumerate(paragraphs, 1):
            if p.startswith("#"):
                copy.diags.append(warning("import-crosshead", copy.pos, n=n, text=p[:20]))
    elif paragraphs and looks_like_headline(paragraphs[0]) and len(paragraphs) > 1:
        copy.headline.append(paragraphs.pop(0))
    copy.headline = [h for h in copy.headline if h]
    copy.paragraphs = paragraphs
    take_byline(copy)
