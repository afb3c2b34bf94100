"""Typed reading of YAML nodes, collecting every problem with its position.

A `Fields` wraps one mapping with its allowed keys; its getters return a value or a
default and record a diagnostic when the editor wrote something of the wrong kind.
Text fields keep the characters exactly as written (the raw scalar text).
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from layout.base.diagnostics import Diagnostic, SourcePos, error, warning
from layout.edition.invisible import describe as describe_char, invisible_in
from layout.edition.source import node_pos

TAG = "tag:yaml.org,2002:"
_constructor = SafeConstructor()


class Collector:
    """The diagnostics of one load."""

    def __init__(self) -> None:
        self.diags: list[Diagnostic] = []

    def error(self, message: str, where: Node | SourcePos, code: str) -> None:
        self.diags.append(error(message, _pos(where), code))

    def warning(self, message: str, where: Node | SourcePos, code: str) -> None:
        self.diags.append(warning(message, _pos(where), code))


def _pos(where: Node | SourcePos) -> SourcePos:
    return where if isinstance(where, SourcePos) else node_pos(where)


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == TAG + "null")


def describe(node: Node) -> str:
    """What the editor wrote, for 'expected X, got Y' messages."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value)"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = node.tag.removeprefix(TAG)
    value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    return {"null": "nothing (null)", "str": f"the string '{value}'",
            "int": f"the integer {value}", "float": f"the number {value}",
            "bool": f"the boolean {value}", "timestamp": f"the date {value}"
            }.get(kind, f"'{value}'")


def _close(word: str, choices: Iterable[str]) -> list[str]:
    import difflib              # only for a misspelling

    return difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)


def did_you_mean(word: str, choices: Iterable[str], listing: bool = True) -> str:
    """' (did you mean 'x'?)', else the choices (if `listing`)."""
    choices = list(choices)
    close = _close(word, choices)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (expected one of: {', '.join(choices)})" if choices and listing else ""


def expect_mapping(out: Collector, node: Node, what: str) -> bool:
    if isinstance(node, MappingNode):
        return True
    out.error(f"{what}: expected a mapping (key: value), got {describe(node)}", node, "type")
    return False


def expect_list(out: Collector, node: Node, what: str) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    out.error(f"{what}: expected a list, got {describe(node)}", node, "type")
    return []


def template_error(template: str, allowed: Iterable[str]) -> str:
    """Why `template` is not a valid str.format template over `allowed` names ('' = valid)."""
    import string

    allowed = tuple(allowed)
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        return f"malformed template ({exc}); write a literal brace as {{{{ or }}}}"
    for name in names:
        if name not in allowed:
            return (f"unknown placeholder {{{name}}} in template; allowed: "
                    + ", ".join(f"{{{a}}}" for a in allowed))
    return ""


class Fields:
    """One YAML mapping read under a fixed set of keys."""

    def __init__(self, out: Collector, node: Node, keys: Iterable[str], what: str):
        self.out = out
        self.node = node
        self.what = what
        self.keys = tuple(keys)
        self._values: dict[str, Node] = {}
        self._misspelt: set[str] = set()    # keys an unknown key was probably meant to be
        if not expect_mapping(out, node, what):
            return
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            if name in self.keys:
                self._values.setdefault(name, value)
            elif isinstance(key, ScalarNode) and key.tag != TAG + "merge":
                out.error(f"unknown key '{name}'" + did_you_mean(name, self.keys), key, "unknown-key")
                self._misspelt.update(_close(name, self.keys))

    @property
    def pos(self) -> SourcePos:
        return node_pos(self.node)

    def get(self, key: str, required: bool = False) -> Node | None:
        """The value node, or None when absent or null (reported if required)."""
        assert key in self.keys, key
        node = self._values.get(key)
        if is_null(node):
            if required and isinstance(self.node, MappingNode) and key not in self._misspelt:
                if node is None:
                    self.out.error(f"{self.what}: missing required key '{key}'", self.node, "missing")
                else:
                    self.out.error(f"{key}: a value is required here", node, "missing")
            return None
        return node

    def has(self, key: str) -> bool:
        return not is_null(self._values.get(key))

    # ------------------------------------------------------------ scalars

    def text(self, key: str, default: str = "", required: bool = False,
             nonblank: bool = False, copy: bool = False) -> str:
        """copy=True: article text, whose invisible characters the paper's rule handles later."""
        node = self.get(key, required)
        if node is None:
            return default
        value = scalar_text(self.out, node, key)
        if value is None:
            return default
        if (required or nonblank) and not value.strip():
            self.out.error(f"{key}: must not be empty", node, "missing")
        hidden = invisible_in(value)
        if hidden and not copy:
            i, ch = hidden[0]
            self.out.error(f"{key}: invisible character {describe_char(ch)} at character {i + 1}; "
                           "delete it", node, "invisible-char")
            return default
        return value

    def number(self, key: str, default: float = 0.0, required: bool = False,
               low: float | None = None, high: float | None = None) -> float:
        return self._numeric(key, scalar_number, default, required, low, high)

    def integer(self, key: str, default: int = 0, required: bool = False,
                low: int | None = None, high: int | None = None) -> int:
        return int(self._numeric(key, scalar_integer, default, required, low, high))

    def _numeric(self, key, convert, default, required, low, high):
        node = self.get(key, required)
        value = None if node is None else convert(self.out, node, key)
        if value is None:
            return default
        return _in_range(self.out, node, key, value, low, high, default)

    def boolean(self, key: str, default: bool) -> bool:
        node = self.get(key)
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.tag == TAG + "bool":
            return bool(_constructor.construct_yaml_bool(node))
        self.out.error(f"{key}: expected true or false, got {describe(node)}", node, "type")
        return default

    def choice(self, key: str, allowed: Iterable[str], default: str) -> str:
        allowed = tuple(allowed)
        node = self.get(key)
        if node is None:
            return default
        value = scalar_text(self.out, node, key)
        if value is None:
            return default
        if value not in allowed:
            self.out.error(f"{key}: unknown value '{value}'" + did_you_mean(value, allowed, False)
                           + f"; allowed: {' | '.join(allowed)}", node, "unknown-value")
            return default
        return value

    def template(self, key: str, allowed: Iterable[str], default: str) -> str:
        value = self.text(key, default)
        problem = template_error(value, allowed)
        if problem:
            self.out.error(f"{key}: {problem}", self._values[key], "template")
        return value

    # ------------------------------------------------------------ containers

    def sub(self, key: str, keys: Iterable[str], required: bool = False) -> "Fields | None":
        node = self.get(key, required)
        return None if node is None else Fields(self.out, node, keys, key)

    def items(self, key: str, required: bool = False) -> list[Node]:
        node = self.get(key, required)
        return [] if node is None else expect_list(self.out, node, key)

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A string or a list of strings (each non-empty)."""
        node = self.get(key, required)
        if node is None:
            return ()
        nodes = list(node.value) if isinstance(node, SequenceNode) else [node]
        if isinstance(node, SequenceNode) and not nodes and required:
            self.out.error(f"{key}: the list is empty", node, "missing")
        values = []
        for item in nodes:
            value = scalar_text(self.out, item, key)
            if value is None:
                continue
            if not value.strip():
                self.out.error(f"{key}: an entry is empty", item, "missing")
            values.append(value)
        return tuple(values)

    def mapping_items(self, key: str, required: bool = False) -> list[tuple[Node, Node]]:
        node = self.get(key, required)
        if node is None or not expect_mapping(self.out, node, key):
            return []
        return [(k, v) for k, v in node.value if isinstance(k, ScalarNode)]


# ---------------------------------------------------------------- scalar conversions

def scalar_text(out: Collector, node: Node, key: str) -> str | None:
    """The raw text of a scalar, exactly as written (numbers too: '012345' stays)."""
    if isinstance(node, ScalarNode) and node.tag != TAG + "null":
        return node.value
    hint = (" (put text that starts with '{' or '[' in quotes)"
            if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style else "")
    out.error(f"{key}: expected text, got {describe(node)}{hint}", node, "type")
    return None


def scalar_number(out: Collector, node: Node, key: str) -> float | None:
    if isinstance(node, ScalarNode) and node.tag in (TAG + "int", TAG + "float"):
        try:
            value = float(_construct(node))
        except (ConstructorError, ValueError, OverflowError):
            value = math.nan
        if math.isfinite(value):
            return value
        out.error(f"{key}: expected a finite number, got {node.value}", node, "type")
        return None
    hint = " (remove the quotes)" if _looks_numeric(node) else ""
    out.error(f"{key}: expected a number, got {describe(node)}{hint}", node, "type")
    return None


def scalar_integer(out: Collector, node: Node, key: str) -> int | None:
    if isinstance(node, ScalarNode) and node.tag == TAG + "int":
        try:
            return int(_construct(node))
        except (ConstructorError, ValueError):
            pass
    hint = " (remove the quotes)" if _looks_numeric(node) else ""
    out.error(f"{key}: expected a whole number, got {describe(node)}{hint}", node, "type")
    return None


def _construct(node: ScalarNode):
    if node.tag == TAG + "int":
        return _constructor.construct_yaml_int(node)
    return _constructor.construct_yaml_float(node)


def _looks_numeric(node: Node) -> bool:
    if not (isinstance(node, ScalarNode) and node.tag == TAG + "str"):
        return False
    try:
        float(node.value)
    except ValueError:
        return False
    return True


def _in_range(out: Collector, node: Node, key: str, value: float,
              low: float | None, high: float | None, default: float) -> float:
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (f"between {low:g} and {high:g}" if low is not None and high is not None
                  else f"at least {low:g}" if low is not None else f"at most {high:g}")
        out.error(f"{key}: {value:g} is out of range; must be {bounds}", node, "range")
        return default
    return value
