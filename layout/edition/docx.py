"""Word documents (.docx, as Word and WPS write them) read with python-docx.

The text of a paragraph is taken from its XML in document order (runs inside hyperlinks,
fields, content controls and smart tags included, which python-docx's Paragraph.text
would skip): w:t text, w:tab a space, w:br / w:cr a manual line break, w:noBreakHyphen
a hyphen. The title styles (Title, Heading N, 标题, 标题 N, or an outline level) at the
top give the headline lines, Subtitle / 副标题 the 副题; a short line above the title is
the 引题. A manual line break ends a body paragraph and a headline line. Pictures, tables,
text boxes, footnotes and symbols in a symbol font are reported, not dropped silently;
tracked changes and comments are refused (they would leave the text undecided).
"""
from __future__ import annotations

from pathlib import Path

from layout.base.diagnostics import error, warning
from layout.edition.importing import Copy, looks_like_headline, take_byline, tidy
from layout.edition.source import shown_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TRACKED = ("ins", "del", "moveFrom", "moveTo")      # tracked insertions, deletions, moves
_PICTURES = (W + "drawing", W + "pict", W + "object")
_BREAK = "\n"            # a manual line break inside a paragraph, while reading


def read_docx(path: Path) -> Copy:
    copy = Copy(shown_path(path))
    import docx
    try:
        document = docx.Document(str(path))
    except Exception as exc:         # not a zip, a damaged zip or XML: say so, no traceback
        copy.diags.append(error("import-unreadable", copy.pos, why=f"{type(exc).__name__}: {exc}",
                                docx=".docx"))
        return copy
    body = document.element.body
    if not _refused(copy, document, body):
        _read_body(copy, document, body)
    return copy


def _refused(copy: Copy, document, body) -> bool:
    tracked = sum(1 for tag in _TRACKED for _ in body.iter(W + tag))
    if tracked:
        copy.diags.append(error("import-tracked-changes", copy.pos, n=tracked))
    comments = any(True for _ in body.iter(W + "commentReference")) or _has_comments_part(document)
    if comments:
        copy.diags.append(error("import-comments", copy.pos))
    return bool(tracked or comments)


def _has_comments_part(document) -> bool:
    """A comments part holding a comment (Word keeps an empty one after the last is deleted)."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    for r in document.part.rels.values():
        if r.reltype == rel and not r.is_external:
            element = getattr(r.target_part, "element", None)
            if element is not None:
                return element.find(W + "comment") is not None
            return b"<w:comment " in r.target_part.blob
    return False


class _Para:
    def __init__(self, text: str, style: str, outline: int | None, centred: bool, bold: bool):
        self.text, self.style, self.outline, self.centred, self.bold = text, style, outline, centred, bold

    @property
    def heading(self) -> bool:
        s = self.style.lower()
        return (s in ("title", "标题") or s.startswith(("heading", "标题 ", "标题"))
                and "副" not in s) or (self.outline is not None and self.outline <= 2)

    @property
    def subtitle(self) -> bool:
        return self.style.lower() in ("subtitle", "副标题")


def _read_body(copy: Copy, document, body) -> None:
    from docx.text.paragraph import Paragraph

    paras: list[_Para] = []
    pictures = 0
    for element in _blocks(body):
        if element.tag == W + "tbl":
            cells = ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in element.iter(W + "tc")]
            text = " | ".join(c for c in cells if c.strip())
            copy.diags.append(warning("import-table", copy.pos, n=len(cells),
                                      text=text[:60] + ("…" if len(text) > 60 else "")))
            continue
        p = Paragraph(element, document._body)
        text, found = _text(copy, element, len(paras) + 1)
        pictures += found
        ppr = element.pPr
        outline = None
        if ppr is not None:
            lvl = ppr.find(W + "outlineLvl")
            if lvl is not None and (lvl.get(W + "val") or "").isdigit():
                outline = int(lvl.get(W + "val"))
        style = p.style.name if p.style is not None else ""
        centred = p.alignment is not None and int(p.alignment) == 1
        bold = bool(p.runs) and all(r.bold for r in p.runs if r.text.strip())
        for n, piece in enumerate(text.split(_BREAK)):
            paras.append(_Para(tidy(piece), style, outline, centred, bold))
    if pictures:
        copy.diags.append(warning("import-pictures", copy.pos, n=pictures, folder="images",
                                  key="photo:"))
    _parts(copy, paras)


def _blocks(body):
    """The body's paragraphs and tables in order, content controls (w:sdt) opened."""
    for child in body:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _text(copy: Copy, p, number: int) -> tuple[str, int]:
    """A paragraph's text (manual breaks as _BREAK) and the number of pictures in it."""
    out: list[str] = []
    pictures = 0
    skip = set()
    for el in p.iter():
        if el in skip:
            continue
        tag = el.tag
        if tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab":
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            out.append(_BREAK)
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag in _PICTURES:
            pictures += 1
            for inner in el.iter(W + "txbxContent"):
                boxed = "".join(t.text or "" for t in inner.iter(W + "t"))
                if boxed.strip():
                    copy.diags.append(warning("import-text-box", copy.pos, n=number, text=boxed[:60]))
                skip.update(inner.iter())
            skip.update(el.iter())
        elif tag == W + "footnoteReference" or tag == W + "endnoteReference":
            copy.diags.append(warning("import-footnote", copy.pos, n=number))
        elif tag == W + "sym":
            copy.diags.append(warning("import-symbol", copy.pos, n=number,
                                      char="U+" + (el.get(W + "char") or "?")))
    return "".join(out), pictures


def _parts(copy: Copy, paras: list[_Para]) -> None:
    """Headline, 引题, 副题 from the top; the rest the text."""
    paras = [p for p in paras if p.text]
    first_heading = next((i for i, p in enumerate(paras) if p.heading), None)
    if first_heading is None and paras and (paras[0].centred or paras[0].bold) \
            and looks_like_headline(paras[0].text) and len(paras) > 1:
        paras[0].style = "title"                     # a centred or bold short first line
        first_heading = 0
        copy.diags.append(warning("import-headline-centred", copy.pos) if paras[0].centred
                          else warning("import-headline-bold", copy.pos))
    i = 0
    if first_heading == 1 and looks_like_headline(paras[0].text):
        copy.kicker = paras[0].text                  # a short line above the title: 引题
        i = 1
    if first_heading == i:                           # the title at the top (a later heading
        while i < len(paras) and paras[i].heading:   # is a crosshead, imported as text)
            copy.headline.append(paras[i].text)
            i += 1
        while i < len(paras) and paras[i].subtitle:
            copy.subhead = (copy.subhead + " " + paras[i].text).strip()
            i += 1
    else:
        copy.kicker = ""
        i = 0
    for n, p in enumerate(paras[i:], i + 1):
        if p.heading:
            copy.diags.append(warning("import-crosshead", copy.pos, n=n, text=p.text[:20]))
        copy.paragraphs.append(p.text)
    take_byline(copy)
