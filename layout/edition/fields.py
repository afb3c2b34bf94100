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

from layout.base.diagnostics import Diagnostic, Phrase, SourcePos, error, warning
from layout.edition.invisible import describe as describe_char, invisible_in
from layout.edition.source import node_pos

TAG = "tag:yaml.org,2002:"
_constructor = SafeConstructor()


class Collector:
    """The diagnostics of one load."""

    def __init__(self) -> None:
        self.diags: list[Diagnostic] = []

    def error(self, code: str, where: Node | SourcePos, /, **args) -> None:
        """out.error("unknown-key", node, key="headlin", suggestion="headline")"""
        self.diags.append(error(code, _pos(where), **args))

    def warning(self, code: str, where: Node | SourcePos, /, **args) -> None:
        self.diags.append(warning(code, _pos(where), **args))


def _pos(where: Node | SourcePos) -> SourcePos:
    return where if isinstance(where, SourcePos) else node_pos(where)


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == TAG + "null")


_GOT = {"null": "got.null", "str": "got.string", "int": "got.integer", "float": "got.number",
        "bool": "got.boolean", "timestamp": "got.date"}


def describe(node: Node) -> Phrase:
    """What the editor wrote, for 'expected X, got Y' messages."""
    if isinstance(node, MappingNode):
        return Phrase("got.mapping")
    if isinstance(node, SequenceNode):
        return Phrase("got.list")
    value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    return Phrase(_GOT.get(node.tag.removeprefix(TAG), "got.other"), value=value)


def _close(word: str, choices: Iterable[str]) -> list[str]:
    import difflib              # only for a misspelling

    return difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)


def did_you_mean(word: str, choices: Iterable[str], listing: bool = True) -> dict:
    """The arguments of a message about an unknown name: suggestion= the closest choice,
    else expected= the choices (if `listing`), else none."""
    choices = list(choices)
    close = _close(word, choices)
    if close:
        return {"suggestion": close[0]}
    return {"expected": tuple(choices)} if choices and listing else {}


def expect_mapping(out: Collector, node: Node, what: str | Phrase) -> bool:
    if isinstance(node, MappingNode):
        return True
    out.error("type", node, key=what, expected=Phrase("kind.mapping"), got=describe(node))
    return False


def expect_list(out: Collector, node: Node, what: str) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    out.error("type", node, key=what, expected=Phrase("kind.list"), got=describe(node))
    return []


def template_error(template: str, allowed: Iterable[str]) -> Phrase | None:
    """Why `template` is not a valid str.format template over `allowed` names (None: valid)."""
    import string

    allowed = tuple(allowed)
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        return Phrase("template.malformed", reason=str(exc))
    for name in names:
        if name not in allowed:
            return Phrase("template.unknown-placeholder", name="{" + name + "}",
                          allowed=tuple("{" + a + "}" for a in allowed))
    return None


class Fields:
    """One YAML mapping read under a fixed set of keys."""

    def __init__(self, out: Collector, node: Node, keys: Iterable[str], what: str | Phrase):
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
                out.error("unknown-key", key, key=name, **did_you_mean(name, self.keys))
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
                    self.out.error("missing", self.node, what=self.what, key=key)
                else:
                    self.out.error("missing-value", node, key=key)
            return None
        return node

    def has(self, key: str) -> bool:
        return not is_null(self._values.get(key))

    # ------------------------------------------------------------ scalars

    def text(self, key: str, default: str = "", required: bool = False,
             nonblank: bool = False, copy: bool = False, printed: bool = True) -> str:
        """copy=True: article text, whose invisible characters the paper's rule handles later.
        printed=False: a name or a path, not text for the page (see scalar_text)."""
        node = self.get(key, required)
        if node is None:
            return default
        value = scalar_text(self.out, node, key, printed)
        if value is None:
            return default
        if (required or nonblank) and not value.strip():
            self.out.error("empty-value", node, key=key)
        hidden = invisible_in(value)
        if hidden and not copy:
            i, ch = hidden[0]
            self.out.error("invisible-char", node, what=key, char=describe_char(ch), index=i + 1)
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
        self.out.error("type", node, key=key, expected=Phrase("kind.boolean"), got=describe(node))
        return default

    def choice(self, key: str, allowed: Iterable[str], default: str) -> str:
        allowed = tuple(allowed)
        node = self.get(key)
        if node is None:
            return default
        value = scalar_text(self.out, node, key, printed=False)
        if value is None:
            return default
        if value not in allowed:
            self.out.error("unknown-value", node, key=key, value=value, allowed=allowed,
                           **did_you_mean(value, allowed, False))
            return default
        return value

    def template(self, key: str, allowed: Iterable[str], default: str) -> str:
        value = self.text(key, default)
        problem = template_error(value, allowed)
        if problem:
            self.out.error("template", self._values[key], key=key, problem=problem)
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
            self.out.error("empty-list", node, key=key)
        values = []
        for item in nodes:
            value = scalar_text(self.out, item, key)
            if value is None:
                continue
            if not value.strip():
                self.out.error("empty-entry", item, key=key)
            values.append(value)
        return tuple(values)

    def mapping_items(self, key: str, required: bool = False) -> list[tuple[Node, Node]]:
        node = self.get(key, required)
        if node is None or not expect_mapping(self.out, node, key):
            return []
        return [(k, v) for k, v in node.value if isinstance(k, ScalarNode)]


# ---------------------------------------------------------------- scalar conversions

def scalar_text(out: Collector, node: Node, key: str, printed: bool = True) -> str | None:
    """The raw text of a scalar, exactly as written (numbers too: '012345' stays).
    printed: a text that goes on the page, so YAML syntax that took part of it away (a tag,
    an anchor, a ' #' comment) is reported."""
    if isinstance(node, ScalarNode) and node.tag != TAG + "null":
        if printed and hasattr(node, "hidden"):
            report_hidden(out, node, key)
        return node.value
    hint = (Phrase("hint.quote-brackets")
            if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style else None)
    out.error("type", node, key=key, expected=Phrase("kind.text"), got=describe(node), hint=hint)
    return None


def report_hidden(out: Collector, node: ScalarNode, key: str) -> None:
    """The part of a text YAML took for its own syntax (source.hidden_by_yaml), at its place."""
    kind, what, line, col = node.hidden
    pos = SourcePos(node.start_mark.name, line + 1, col + 1)
    shown = what if len(what) <= 30 else what[:30] + "…"
    if kind == "comment" and (len(what) == 1 or what[1] in " \t"):     # '# …': written as one
        out.diags.append(warning("yaml-eats-text.written-comment", pos, key=key, text=shown))
    elif kind == "comment":
        out.diags.append(error("yaml-eats-text.comment", pos, key=key, text=shown))
    elif kind == "anchor" and not getattr(node, "aliased", False):
        out.diags.append(error("yaml-eats-text.anchor", pos, key=key, text=shown))
    elif kind == "tag":
        out.diags.append(error("yaml-eats-text.tag", pos, key=key, text=shown))


def scalar_number(out: Collector, node: Node, key: str) -> float | None:
    if isinstance(node, ScalarNode) and node.tag in (TAG + "int", TAG + "float"):
        try:
            value = float(_construct(node))
        except (ConstructorError, ValueError, OverflowError):
            value = math.nan
        if math.isfinite(value):
            return value
        out.error("type", node, key=key, expected=Phrase("kind.finite"), got=Phrase("got.number", value=node.value))
        return None
    out.error("type", node, key=key, expected=Phrase("kind.number"), got=describe(node),
              hint=_number_hint(node))
    return None


def scalar_integer(out: Collector, node: Node, key: str) -> int | None:
    if isinstance(node, ScalarNode) and node.tag == TAG + "int":
        try:
            return int(_construct(node))
        except (ConstructorError, ValueError):
            pass
    out.error("type", node, key=key, expected=Phrase("kind.integer"), got=describe(node),
              hint=_number_hint(node))
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


def as_written(node: Node, value: float) -> str:
    """A number as the editor wrote it (a 30-digit integer stays exact, not 1.23457e+29)."""
    if isinstance(node, ScalarNode) and node.value.strip():
        return node.value.strip()
    return f"{value:g}"


def _number_hint(node: Node):
    """Why text that looks like a number is not one: quotes, or YAML 1.1's exponent rule."""
    if not _looks_numeric(node):
        return None
    if node.style in ("'", '"'):
        return Phrase("hint.remove-quotes")
    text = node.value.strip()
    mantissa, _, exponent = text.lower().partition("e")
    if exponent and "." not in mantissa:         # 1e308: a float in YAML 1.1 needs the dot
        return Phrase("hint.exponent-dot", text=text, fixed=f"{mantissa}.0e{exponent}")
    return None


def _in_range(out: Collector, node: Node, key: str, value: float,
              low: float | None, high: float | None, default: float) -> float:
    if (low is not None and value < low) or (high is not None and value > high):
        out.error("range", node, key=key, value=as_written(node, value), low=low, high=high)
        return default
    return value
