"""Read one YAML file into position-carrying nodes (never Python objects).

Everything an editor should fix before the content is even looked at is refused
here, with a position: a file that is too big or not UTF-8, tabs in the
indentation, syntax errors, duplicate keys, alias bombs and recursive aliases.
Values are read later from the nodes (see fields.py), so every value keeps its
line and column and no YAML tag can construct an arbitrary object.
"""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from layout.diagnostics import Diagnostic, SourcePos, error

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 50_000          # after expanding aliases
MAX_ALIASES = 100
MAX_DEPTH = 64              # nesting of mappings and lists

MERGE_TAG = "tag:yaml.org,2002:merge"
UTF8_BOM = b"\xef\xbb\xbf"


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
    def __init__(self, message: str, mark):
        super().__init__(message)
        self.message = message
        self.mark = mark


class _CountingLoader(yaml.SafeLoader):
    """SafeLoader's composer with limits on nodes, aliases and nesting."""

    def __init__(self, text: str, name: str):
        super().__init__(text)
        self.name = name        # marks (and so every message) carry the shown path
        self._nodes = 0
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _TooMuch(f"more than {MAX_ALIASES} aliases (*name); "
                               "write the values out", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _TooMuch(f"more than {MAX_NODES} values in one file",
                           self.peek_event().start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooMuch(f"nested more than {MAX_DEPTH} levels deep",
                           self.peek_event().start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_yaml(path: Path) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of the YAML file at `path`, or None with the reasons."""
    name = shown_path(path)
    text, diags = _read_text(path, name)
    if text is None:
        return None, diags
    diags = _tabs_in_indentation(text, name)
    if diags:
        return None, diags
    loader = None
    try:
        loader = _CountingLoader(text, name)     # checks the characters already
        root = loader.get_single_node()
    except _TooMuch as exc:
        return None, [error(exc.message, _mark_pos(exc.mark, name), "limit")]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, name)]
    except yaml.reader.ReaderError as exc:
        return None, [error(_unprintable_message(exc.character),
                            _offset_pos(text, exc.position, name), "yaml-syntax")]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [error(f"cannot read YAML: {exc}", SourcePos(name), "yaml-syntax")]
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None, [error("file is empty", SourcePos(name), "missing")]
    diags = _check_tree(root)
    return (None if diags else root), diags


def _unprintable_message(character) -> str:
    code = character if isinstance(character, int) else ord(character)
    name = unicodedata.name(chr(code), "control character")
    return (f"invisible character U+{code:04X} {name} is not allowed in YAML; delete it "
            "(often pasted from a word processor), or write it as an escape in double quotes")


# ---------------------------------------------------------------- bytes -> text

def _read_text(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    where = SourcePos(name)
    try:
        if not path.is_file():
            what = "is a folder, not a file" if path.is_dir() else "not found"
            return None, [error(f"file {what}", where, "missing-file")]
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [error(f"cannot read file: {exc.strerror or exc}", where, "io")]
    if len(data) > MAX_FILE_BYTES:
        return None, [error(f"file is larger than the limit of {MAX_FILE_BYTES // (1024 * 1024)} MB",
                            where, "limit")]
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [error(_not_utf8_message(data, path.name),
                            _offset_pos_bytes(data, exc.start, name), "encoding")]


def _not_utf8_message(data: bytes, filename: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        guess = "UTF-16"
    else:
        try:
            decoded = data.decode("gb18030")
        except UnicodeDecodeError:
            decoded = ""
        guess = "GBK" if any("\u4e00" <= ch <= "\u9fff" for ch in decoded) else ""
    if not guess:
        return "file is not UTF-8; save it as UTF-8"
    stem = filename.rsplit(".", 1)[0]
    return (f"file is not UTF-8 (looks like {guess}); convert it with: "
            f"iconv -f {guess} -t UTF-8 {filename} > {stem}.utf8.yaml")


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
    diags = [error("tab in indentation: YAML indents with spaces only; replace the tab "
                   "with spaces", pos, "tab") for pos in places[:most]]
    if len(places) > most:
        diags.append(error(f"… and {len(places) - most} more lines indented with tabs",
                           places[most], "tab"))
    return diags


def _syntax_error(exc: yaml.MarkedYAMLError, name: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem and exc.context_mark is not None:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    return error(f"YAML syntax: {message}", _mark_pos(mark, name), "yaml-syntax")


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
            return [error("an alias refers to the value that contains it (recursive alias)",
                          node_pos(node), "limit")]
        state[key] = 1
        if isinstance(node, MappingNode):
            diags.extend(_check_keys(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children(node) if state.get(id(c)) != 2)
    if size[id(root)] > MAX_NODES:
        diags.append(error(f"aliases expand this file to more than {MAX_NODES} values",
                           node_pos(root), "limit"))
    return diags


def _check_keys(mapping: MappingNode) -> list[Diagnostic]:
    diags = []
    seen: dict[str, Node] = {}
    for key, _ in mapping.value:
        if key.tag == MERGE_TAG:
            diags.append(error("merge keys (<<) are not supported; write the keys out",
                               node_pos(key), "merge-key"))
        elif not isinstance(key, ScalarNode):
            diags.append(error("a key must be plain text, not a list or mapping",
                               node_pos(key), "key-type"))
        elif key.value in seen:
            first = node_pos(seen[key.value])
            diags.append(error(f"duplicate key '{key.value}' (first at {first.line}:{first.col})",
                               node_pos(key), "duplicate-key"))
        else:
            seen[key.value] = key
    return diags
