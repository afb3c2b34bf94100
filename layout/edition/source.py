"""Read one YAML file into position-carrying nodes (never Python objects).

Everything an editor should fix before the content is even looked at is refused
here, with a position: a file that is too big or not UTF-8, tabs in the
indentation, syntax errors, duplicate keys, alias bombs and recursive aliases.
Values are read later from the nodes (see fields.py), so every value keeps its
line and column and no YAML tag can construct an arbitrary object.
"""
from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from layout.base.diagnostics import Diagnostic, SourcePos, error, os_reason

try:                                    # libyaml, when PyYAML was built with it
    from yaml._yaml import CParser as _CParser
except ImportError:                     # pragma: no cover - depends on the PyYAML build
    _CParser = None

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 50_000          # after expanding aliases
MAX_ALIASES = 100
MAX_DEPTH = 64              # nesting of mappings and lists

MERGE_TAG = "tag:yaml.org,2002:merge"
UTF8_BOM = b"\xef\xbb\xbf"
# Where libyaml and PyYAML read the same text differently, PyYAML decides: files with a
# tab (libyaml takes one after "key:"), a BOM (skipped at any line start) or a break other
# than CR/LF take the pure parser, and so does every file with a problem (its messages
# are PyYAML's). Flow collections are checked while composing (_FastLoader).
_PURE_ONLY = re.compile("[\t\ufeff\x85\u2028\u2029]")
_BLOCK_HEADER = re.compile(r"(?:[&!]\S* +)*[|>](?:[-+][1-9]?|[1-9][-+]?)?(?: |$)")   # from the node's start


def shown_path(path: Path) -> str:
    """The path as messages show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:          # another drive (Windows)
        return str(path)
    return str(path) if rel.startswith("..") else rel


def node_pos(node: Node) -> SourcePos:
    mark = node.start_mark
    return SourcePos(mark.name, mark.line + 1, mark.column + 1)


class _TooMuch(Exception):
    def __init__(self, code: str, mark, **args):
        super().__init__(code)
        self.code = code
        self.args_ = args
        self.mark = mark


class _Unsure(Exception):
    """libyaml may read this text otherwise than PyYAML: leave it to PyYAML."""


class _Limits:
    """The composer with limits on nodes, aliases and nesting; marks (and so every
    message) carry the shown path."""

    def __init__(self, text: str, name: str):
        self._start(text, name)
        self._source = text
        self._nodes = 0
        self._aliases = 0
        self._depth = 0

    def _start(self, text: str, name: str) -> None:
        raise NotImplementedError

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _TooMuch("too-many-aliases", self.peek_event().start_mark, limit=MAX_ALIASES)
            node = super().compose_node(parent, index)
            node.aliased = True         # its anchor names it on purpose
            return node
        event = self.peek_event() if self.check_event(ScalarEvent) else None
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _TooMuch("too-many-values", self.peek_event().start_mark, limit=MAX_NODES)
        level = 0 if event is not None else 1      # a nesting level is a mapping or a list
        self._depth += level
        if self._depth > MAX_DEPTH:
            raise _TooMuch("too-deep", self.peek_event().start_mark, limit=MAX_DEPTH)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= level
        if event is not None:
            hidden = hidden_by_yaml(self._source, event)
            if hidden:
                node.hidden = hidden
        return node


# ---------------------------------------------------------------- text YAML swallows

_NOT_BREAK = "[^\r\n\x85\u2028\u2029]"
_TRAILING_COMMENT = re.compile(f"[ \t]+(#{_NOT_BREAK}*)")
_NEXT_LINE_HASH = re.compile(f"[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029])( *)(#[^\\s]{_NOT_BREAK}*)")


def hidden_by_yaml(text: str, event) -> tuple[str, str, int, int] | None:
    """What YAML syntax took out of a scalar's text: ('tag', '!NOTE', line, col),
    ('anchor', '&A', …) or ('comment', '#抗疫加油# …', …) with the 0-based place where it
    starts; None when nothing was. A scalar read as text keeps none of these (fields.py
    reports them where a text is read)."""
    start = event.start_mark
    if event.tag is not None and event.tag not in ("tag:yaml.org,2002:str", "!"):
        return "tag", _word_at(text, start.index), start.line, start.column
    if event.anchor is not None:
        return "anchor", _word_at(text, start.index), start.line, start.column
    if event.style not in (None, ""):
        return None                     # quoted and block scalars keep their '#'
    end = event.end_mark
    comment = _TRAILING_COMMENT.match(text, end.index)
    if comment:
        return "comment", comment.group(1), end.line, end.column + comment.start(1) - end.index
    nxt = _NEXT_LINE_HASH.match(text, end.index)
    if nxt:                             # '#…' opening the next line, indented as a continuation
        line_start = text.rfind("\n", 0, start.index) + 1
        own = text[line_start:start.index]
        if len(nxt.group(1)) > len(own) - len(own.lstrip(" ")):
            return "comment", nxt.group(2), end.line + 1, len(nxt.group(1))
    return None


def _word_at(text: str, index: int) -> str:
    return re.match(r"\S*", text[index:index + 200]).group(0)


class _PureLoader(_Limits, yaml.SafeLoader):
    """PyYAML's reader, scanner and parser in Python."""

    def _start(self, text: str, name: str) -> None:
        yaml.SafeLoader.__init__(self, text)     # checks the characters already
        self.name = name


if _CParser is not None:
    class _FastLoader(_Limits, Composer, _CParser, Resolver):
        """libyaml's parser (10x faster) under the same Python composer and limits; its
        marks count lines and characters as PyYAML's do."""

        def _start(self, text: str, name: str) -> None:
            stream = io.StringIO(text)
            stream.name = name
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self._text = text
            self._lines: list[str] | None = None

        def compose_node(self, parent, index):
            if self.check_event(ScalarEvent):
                event = self.peek_event()
                if event.style in ("|", ">"):
                    if not self._plain_header(event.start_mark):
                        raise _Unsure
                elif (not event.style and parent is not None and parent.flow_style
                      and _flow_plain_differs(event.value)):
                    raise _Unsure
            return super().compose_node(parent, index)

        def _plain_header(self, mark) -> bool:
            """A block scalar's header as PyYAML takes it: | or > with its indicators,
            then a space or the line's end (libyaml also takes |#comment)."""
            if self._lines is None:
                self._lines = self._text.splitlines()   # YAML's lines: no other breaks here
            return bool(_BLOCK_HEADER.match(self._lines[mark.line], mark.column))
else:                                   # pragma: no cover
    _FastLoader = None


def _flow_plain_differs(value: str) -> bool:
    """Would PyYAML read this plain scalar of a flow collection otherwise than libyaml did?
    Empty ({a: }): PyYAML puts it right after the colon, libyaml at the next token. PyYAML
    ends a flow plain scalar at '?' and at ':' before ',[]{}', libyaml does not."""
    return not value or "?" in value or value.endswith(":")


def read_yaml(path: Path) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of the YAML file at `path`, or None with the reasons."""
    name = shown_path(path)
    text, diags = _read_text(path, name)
    if text is None:
        return None, diags
    diags = _tabs_in_indentation(text, name) or _line_separators(text, name)
    if diags:
        return None, diags
    root, aliases, diags = _fast_compose(text, name)
    if root is None:                    # no libyaml, or a file it must not read alone
        root, aliases, diags = _compose(_PureLoader, text, name)
        if diags:
            return None, diags
    if root is None:
        return None, [error("empty-file", SourcePos(name))]
    diags = _check_tree(root) if aliases else _check_all_keys(root)
    return (None if diags else root), diags


_SEPARATOR = re.compile("[\x85\u2028\u2029]")
_LINE_BREAK = re.compile("\r\n|\r|\n")
MAX_SEPARATORS_SHOWN = 20


def _line_separators(text: str, name: str) -> list[Diagnostic]:
    """A raw NEL, U+2028 or U+2029 (pasted from a word processor or a web page): YAML breaks
    the line there, cutting the text and shifting every later line number; each is refused
    at its place counted in the file's own lines (CR, LF, CRLF)."""
    found = []
    for match in _SEPARATOR.finditer(text):
        start = match.start()
        line_start = 0
        line = 1
        for br in _LINE_BREAK.finditer(text, 0, start):
            line += 1
            line_start = br.end()
        ch = match.group()
        found.append(error("yaml-line-separator", SourcePos(name, line, start - line_start + 1),
                           char=f"U+{ord(ch):04X} {unicodedata.name(ch, 'NEXT LINE (NEL)')}"))
        if len(found) == MAX_SEPARATORS_SHOWN:
            break
    return found


def _fast_compose(text: str, name: str) -> tuple[Node | None, int, list[Diagnostic]]:
    """The root by libyaml (and its number of aliases); None when it is not to be used or
    found any problem."""
    if _FastLoader is None or _PURE_ONLY.search(text):
        return None, 0, []
    try:
        composed = _compose(_FastLoader, text, name)
    except Exception:                   # whatever libyaml makes of it, PyYAML says it
        return None, 0, []
    return (None, 0, []) if composed[2] else composed


def _compose(loader_class, text: str, name: str) -> tuple[Node | None, int, list[Diagnostic]]:
    """(root, number of aliases, []) or (None, 0, the problem)."""
    loader = None
    try:
        loader = loader_class(text, name)
        return loader.get_single_node(), loader._aliases, []
    except _TooMuch as exc:
        return None, 0, [error(exc.code, _mark_pos(exc.mark, name), **exc.args_)]
    except yaml.MarkedYAMLError as exc:
        return None, 0, [_syntax_error(exc, name)]
    except yaml.reader.ReaderError as exc:
        return None, 0, [_unprintable(exc.character, _offset_pos(text, exc.position, name))]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, 0, [error("yaml-unreadable", SourcePos(name), reason=str(exc))]
    finally:
        if loader is not None:
            loader.dispose()


def _unprintable(character, pos: SourcePos) -> Diagnostic:
    code = character if isinstance(character, int) else ord(character)
    name = unicodedata.name(chr(code), "control character")
    return error("yaml-invisible-char", pos, char=f"U+{code:04X} {name}")


# ---------------------------------------------------------------- bytes -> text

def read_text(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    """The text of a UTF-8 file (a BOM is dropped), or None with the reason: missing, too
    big, not UTF-8 (GBK and UTF-16 are recognised, with the command that converts them)."""
    return _read_text(path, name)


def _read_text(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    where = SourcePos(name)
    try:
        if not path.is_file():
            return None, [_not_a_file(path, where)]
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [error("io", where, reason=os_reason(exc))]
    if len(data) > MAX_FILE_BYTES:
        return None, [error("file-too-big", where, limit=MAX_FILE_BYTES // (1024 * 1024))]
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(data, path.name, _offset_pos_bytes(data, exc.start, name))]


def _not_a_file(path: Path, where: SourcePos) -> Diagnostic:
    """What is at `path` when it is no regular file (not 'not found' for a FIFO, a device
    or a folder: they exist)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return error("missing-file", where)
    if stat.S_ISDIR(mode):
        return error("folder-not-file", where)
    if stat.S_ISFIFO(mode):
        return error("fifo-not-file", where)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return error("device-not-file", where)
    return error("special-not-file", where)


def _not_utf8(data: bytes, filename: str, pos: SourcePos) -> Diagnostic:
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        guess = "UTF-32"                      # (its BOM starts like UTF-16's: tested first)
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        guess = "UTF-16"
    else:
        guess = _chinese_encoding(data)
    if not guess:
        return error("encoding", pos)
    stem, dot, ext = filename.rpartition(".")
    converted = f"{stem}.utf8.{ext}" if dot else f"{filename}.utf8"
    return error("encoding", pos, guess=guess,
                 command=f"iconv -f {guess} -t UTF-8 {filename} > {converted}")


def _chinese_encoding(data: bytes) -> str:
    """'GBK' when the bytes read as GBK (iconv -f GBK takes them), 'GB18030' when only GB18030
    reads them (four-byte sequences: iconv -f GBK would fail), '' when neither gives Chinese."""
    for name in ("gbk", "gb18030"):
        try:
            decoded = data.decode(name)
        except UnicodeDecodeError:
            continue
        if any("\u3400" <= ch <= "\u9fff" for ch in decoded):
            return name.upper()
    return ""


def _offset_pos_bytes(data: bytes, offset: int, name: str) -> SourcePos:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return SourcePos(name, data.count(b"\n", 0, offset) + 1, column)


def _offset_pos(text: str, offset: int, name: str) -> SourcePos:
    line_start = text.rfind("\n", 0, offset) + 1
    return SourcePos(name, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _mark_pos(mark, name: str) -> SourcePos:
    if mark is None:
        return SourcePos(name)
    return SourcePos(name, mark.line + 1, mark.column + 1)


# ---------------------------------------------------------------- text checks

def _tabs_in_indentation(text: str, name: str, most: int = 10) -> list[Diagnostic]:
    places = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            places.append(SourcePos(name, number, indent.index("\t") + 1))
    diags = [error("tab", pos) for pos in places[:most]]
    if len(places) > most:
        diags.append(error("tab", places[most], more=len(places) - most))
    return diags


def _syntax_error(exc: yaml.MarkedYAMLError, name: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context
    context = None
    if exc.context and exc.problem and exc.context_mark is not None:
        context = exc.context
    return error("yaml-syntax", _mark_pos(mark, name), problem=problem, context=context,
                 line=exc.context_mark.line + 1 if context else None)


# ---------------------------------------------------------------- tree checks

def children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _check_tree(root: Node) -> list[Diagnostic]:
    """Duplicate keys, merge keys, recursive aliases and the expanded size."""
    diags: list[Diagnostic] = []
    size: dict[int, int] = {}
    state: dict[int, int] = {}          # 1 = being visited, 2 = done
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            size[key] = min(MAX_NODES + 1, 1 + sum(size[id(c)] for c in children(node)))
            state[key] = 2
            continue
        if state.get(key) == 2:
            continue
        if state.get(key) == 1:
            return [error("recursive-alias", node_pos(node))]
        state[key] = 1
        if isinstance(node, MappingNode):
            diags.extend(_check_keys(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children(node) if state.get(id(c)) != 2)
    if size[id(root)] > MAX_NODES:
        diags.append(error("alias-bomb", node_pos(root), limit=MAX_NODES))
    return diags


def _check_all_keys(root: Node) -> list[Diagnostic]:
    """_check_tree for a file without aliases: a tree, each node once, its size counted
    while composing; the mappings in the same order."""
    diags: list[Diagnostic] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            diags.extend(_check_keys(node))
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return diags


def _check_keys(mapping: MappingNode) -> list[Diagnostic]:
    diags = []
    seen: dict[str, Node] = {}
    for key, _ in mapping.value:
        if key.tag == MERGE_TAG:
            diags.append(error("merge-key", node_pos(key)))
        elif not isinstance(key, ScalarNode):
            diags.append(error("key-type", node_pos(key)))
        elif key.value in seen:
            first = node_pos(seen[key.value])
            diags.append(error("duplicate-key", node_pos(key), key=key.value, line=first.line, col=first.col))
        else:
            seen[key.value] = key
    return diags
