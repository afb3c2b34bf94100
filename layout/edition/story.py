"""Story files: an article's copy in plain text beside the edition, in a format that needs
no quoting (docs/edition-format.md, "Story files").

    headline: 社区卡口上的“红马甲”
    byline: 本报讯（记者 孙悦然）

    2月22日早上7点，天刚蒙蒙亮……

    疫情防控工作开展以来……

An optional header of `key: value` lines (kicker, headline, subhead, byline, author;
headline may repeat, one set line each), ended by an empty line; then the text, paragraphs
separated by empty lines. Everything after the header is text as typed: `#`, `:`, `!`,
quotes. A file whose first line is not `word:` has no header (start the file with an empty
line when the first paragraph itself begins with `word:`). Within a paragraph the lines are
joined: with nothing where either side is a Chinese (wide) character, with one space
between Latin words; in verse each line stays a line. White space at the ends of a line is
not text (the indent comes from the style). Every paragraph keeps where each of its lines
starts, so a message can point at the very character (`stories/lead.txt:7:12`).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from layout.base.diagnostics import Phrase, SourcePos
from layout.edition.fields import Collector
from layout.edition.invisible import describe, invisible_in, is_invisible
from layout.edition.model import position_in
from layout.edition.source import read_text, shown_path

KEYS = ("kicker", "headline", "subhead", "byline", "author")
_HEADER_START = re.compile(r"[A-Za-z_]+[ \t]*[:：]")
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z_]+)[ \t]*[:：][ \t]*(?P<value>.*?)\s*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class StoryText:
    """One paragraph (or a header value): its text and where each of its lines starts."""

    def __init__(self, text: str, starts: tuple[tuple[int, SourcePos], ...]):
        self.text = text
        self.starts = starts        # (index in text, position of that character), in order

    @property
    def pos(self) -> SourcePos:
        return self.starts[0][1]

    def pos_at(self, index: int) -> SourcePos:
        """The file position of character `index` of the text."""
        return position_in(self.starts, index)


class Story:
    """A story file read: header values by key (with positions) and the paragraphs."""

    def __init__(self, path: str, fields: dict[str, list[StoryText]], paragraphs: list[StoryText]):
        self.path = path
        self.fields = fields
        self.paragraphs = paragraphs

    def value(self, key: str) -> str:
        return self.fields[key][0].text if key in self.fields else ""


def wide(ch: str) -> bool:
    """A Chinese (full-width or wide) character: Han, kana, full-width punctuation."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def read_story(out: Collector, file: Path, verse: bool = False) -> Story | None:
    """The story file at `file` (problems reported to `out`); None if it cannot be read."""
    name = shown_path(file)
    text, diags = read_text(file, name)
    out.diags.extend(diags)
    if text is None:
        return None
    lines = _LINE_BREAK.split(text)
    fields: dict[str, list[StoryText]] = {}
    first = 0
    if lines and _HEADER_START.match(lines[0]):
        first = _header(out, name, lines, fields)
    paragraphs = _paragraphs(name, lines, first, verse)
    return Story(name, fields, paragraphs)


def _header(out: Collector, name: str, lines: list[str], fields: dict) -> int:
    """Read the header lines into `fields`; the index of the first line after the header."""
    n = 0
    while n < len(lines) and lines[n].strip():
        line = lines[n]
        where = SourcePos(name, n + 1, 1)
        m = _HEADER_LINE.fullmatch(line)
        if not m:
            out.error("story-header", where)
        elif m["key"] not in KEYS:
            import difflib      # only for a misspelling

            close = difflib.get_close_matches(m["key"], KEYS, n=1, cutoff=0.6)
            out.error("unknown-key", where, key=m["key"], suggestion=close[0] if close else None,
                      expected=KEYS)
        elif not m["value"]:
            out.error("story-empty-value", where, key=m["key"])
        elif m["key"] in fields and m["key"] != "headline":
            out.error("story-duplicate-key", where, key=m["key"], line=fields[m["key"]][0].pos.line)
        else:
            pos = SourcePos(name, n + 1, m.start("value") + 1)
            fields.setdefault(m["key"], []).append(StoryText(m["value"], ((0, pos),)))
        n += 1
    return n


def _paragraphs(name: str, lines: list[str], first: int, verse: bool) -> list[StoryText]:
    paragraphs = []
    block: list[tuple[int, str]] = []
    for n in range(first, len(lines) + 1):
        line = lines[n] if n < len(lines) else ""
        if line.strip():
            block.append((n, line))
        elif block:
            paragraphs.append(_joined(name, block, verse))
            block = []
    return paragraphs


def _joined(name: str, block: list[tuple[int, str]], verse: bool) -> StoryText:
    text = ""
    starts = []
    for n, line in block:
        kept = line.strip()
        col = len(line) - len(line.lstrip()) + 1
        if text:
            if verse:
                text += "\n"
            elif not (wide(text[-1]) or wide(kept[0])):
                text += " "
        starts.append((len(text), SourcePos(name, n + 1, col)))
        text += kept
    return StoryText(text, tuple(starts))


def clean(out: Collector, value: StoryText, what: Phrase, rule: str) -> str:
    """The text without invisible characters, reported at the first one's exact place
    (strip: a warning; error: an error, and the text is cleaned all the same so that
    nothing reports it twice)."""
    found = invisible_in(value.text)
    if not found:
        return value.text
    where = value.pos_at(found[0][0])
    if rule == "error":
        out.error("invisible-refused", where, what=what, char=describe(found[0][1]),
                  more=len(found) - 1 or None, rule="invisible_chars: strip")
    else:
        kinds = tuple(describe(ch) for ch in dict.fromkeys(ch for _, ch in found))
        out.warning("invisible-removed", where, what=what, n=len(found), chars=kinds)
    return "".join(ch for ch in value.text if not is_invisible(ch))


def kept_starts(value: StoryText) -> tuple[tuple[int, SourcePos], ...]:
    """value.starts for its text as `clean` leaves it: a piece starts again after each
    invisible character taken out, so every kept character keeps its own position."""
    removed = {i for i, _ in invisible_in(value.text)}
    if not removed:
        return value.starts
    line_starts = {i for i, _ in value.starts}
    out, kept, fresh = [], 0, True
    for i in range(len(value.text)):
        if i in removed:
            fresh = True
            continue
        if fresh or i in line_starts:
            out.append((kept, value.pos_at(i)))
        fresh = False
        kept += 1
    return tuple(out) or value.starts


def story_text(kicker: str = "", headline: tuple[str, ...] = (), subhead: str = "",
               byline: str = "", author: str = "", paragraphs: tuple[str, ...] = ()) -> str:
    """A story file's text for these parts (what `newsprint import` writes); reading it back
    with read_story gives the same parts. Paragraphs must not hold an empty line."""
    header = [f"kicker: {kicker}"] if kicker else []
    header += [f"headline: {line}" for line in headline]
    header += [f"{key}: {value}" for key, value in (("subhead", subhead), ("byline", byline),
                                                    ("author", author)) if value]
    body = "\n\n".join(paragraphs)
    if header:
        return "\n".join(header) + "\n\n" + body + "\n"
    lead = "\n" if _HEADER_START.match(body) else ""     # text that would read as a header
    return lead + body + "\n"
