"""read_yaml parses with libyaml (C) when PyYAML has it and falls back to PyYAML's own parser
for anything libyaml might read otherwise: both must give the same nodes, positions and
messages, and the limits must hold on both."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.edition import source
from fixtures.mutations import mutated

ROOT = Path(__file__).resolve().parents[2]
FAST = source._FastLoader is not None
needs_libyaml = pytest.mark.skipif(not FAST, reason="PyYAML built without libyaml")


def shape(node, seen=None):
    """Everything the loader reads from a node tree, aliases as references (flow_style as
    a truth value: PyYAML leaves it None for a sequence not indented under its key)."""
    seen = {} if seen is None else seen
    if node is None:
        return None
    if id(node) in seen:
        return ("alias of", seen[id(node)])
    seen[id(node)] = len(seen)
    mark = node.start_mark
    head = (type(node).__name__, node.tag, mark.name, mark.line, mark.column)
    if isinstance(node, yaml.ScalarNode):
        return head + (node.value,)
    if isinstance(node, yaml.SequenceNode):
        return head + (bool(node.flow_style), tuple(shape(n, seen) for n in node.value))
    return head + (bool(node.flow_style),
                   tuple((shape(k, seen), shape(v, seen)) for k, v in node.value))


def pure(monkeypatch, path: Path):
    with monkeypatch.context() as m:
        m.setattr(source, "_FastLoader", None)
        return source.read_yaml(path)


def assert_same(monkeypatch, path: Path):
    fast_root, fast_diags = source.read_yaml(path)
    pure_root, pure_diags = pure(monkeypatch, path)
    assert [str(d) for d in fast_diags] == [str(d) for d in pure_diags]
    assert shape(fast_root) == shape(pure_root)
    return pure_root, pure_diags


def test_libyaml_is_there_where_the_wheel_has_it():
    assert FAST == yaml.__with_libyaml__


YAML_FILES = sorted(p for folder in ("editions", "bench", "tests")
                    for p in (ROOT / folder).rglob("*.y*ml"))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository_reads_the_same(monkeypatch, path):
    assert_same(monkeypatch, path)


@needs_libyaml
def test_a_clean_file_never_reaches_the_pure_parser(monkeypatch):
    class Refuse(source._PureLoader):
        def _start(self, text, name):
            raise AssertionError("the pure parser read a clean file")

    monkeypatch.setattr(source, "_PureLoader", Refuse)
    for name in ("paper.yaml", "2020-02-24/edition.yaml"):
        root, diags = source.read_yaml(ROOT / "editions" / "shijingshan" / name)
        assert root is not None and diags == []


HOSTILE = {
    "billion laughs": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi")),
    "aliases": "a: &a 1\nb: [" + ", ".join(["*a"] * 150) + "]\n",
    "deep": "a: " + "[" * 100 + "]" * 100 + "\n",
    "deep block": "".join("  " * i + f"k{i}:\n" for i in range(80)) + "  " * 80 + "v\n",
    "values": "a: [" + ", ".join(["1"] * 600) + "]\n",       # MAX_NODES lowered to 500 below
    "recursive": "a: &a [1, *a]\n",
}


@pytest.mark.parametrize("case", HOSTILE)
def test_limits_hold_on_both_parsers(monkeypatch, tmp_path, case):
    if case == "values":
        monkeypatch.setattr(source, "MAX_NODES", 500)
    path = tmp_path / "e.yaml"
    path.write_text(HOSTILE[case], encoding="utf-8")
    root, diags = assert_same(monkeypatch, path)
    assert root is None and [d.code for d in diags] in (
        ["alias-bomb"], ["too-many-aliases"], ["too-deep"], ["too-many-values"], ["recursive-alias"], ["yaml-syntax"])
    if FAST and case not in ("billion laughs", "recursive"):       # caught while composing
        _, _, fast_diags = source._compose(source._FastLoader, HOSTILE[case], source.shown_path(path))
        assert [str(d) for d in fast_diags] == [str(d) for d in diags]


TRICKY = [
    "key:\tvalue\n",                       # libyaml takes a tab as separation here
    "a: b\n\ufeffc: d\n",                  # a BOM at a line start
    "page: {w?idth: 275}\n",               # '?' inside a flow plain scalar
    "a: {b:, c: d}\n",                     # ':' before ',' in a flow plain scalar
    "a: [b:]\n",
    "a: [b:c, d?]\n",
    "a: b?c\nd: 'x?'\n",
    "page: {width: }\nx: 1\n",             # empty flow value: where is the null?
    "a: [b, c: , d]\n",
    "a: 1\r\nb: [x,\r\n  y]\r\n",          # CRLF
    "a: 1\rb: 2\r",                        # CR only
    "a:\n- x\n- [y]\n",                    # a sequence not indented under its key
    "a: |#x\n  b\n",                       # libyaml takes a comment right after |
    "a: >-#\n  b\n- &x |\n  c\n",
    "a: &x !!str |\n  b\nc: &y\n  >\n  d\n",
    "a: 'x\u2028y'\n",
    "a: x\x85b: y\n",
    "a: !!binary aGk=\nb: !!timestamp 2020-02-30\n",
    "a: 1\n---\nb: 2\n",
    "a: *nothing\n",
    "a: &x 1\nb: &x 2\n",
    "%YAML 1.1\n---\na: 1\n",
    "? [a, b]\n: c\n",
    "a: |\n  x\n   y\n\n",
    "a: \"\\u4e00\\x41\\N\"\n",
    "a: 'it''s'\n",
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", TRICKY, ids=repr)
def test_where_the_parsers_differ_the_pure_one_decides(monkeypatch, tmp_path, text):
    path = tmp_path / "e.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert_same(monkeypatch, path)


_NOISE = st.lists(st.sampled_from(
    list(":-[]{}&*!|>'\"#,?%@`\\ \n\t\r") + ["\r\n", "\u2028", "\x85", "\ufeff", "\u3000", "標",
    "𠀀", "a", "1", "...", "--- ", "!!str ", "!x ", "&a ", "*a", "? ", ": ", "|-\n", ">+\n",
    "{a: }", "[a: b]", "\n  - ", "\n    ", "null", "~", "0x1F", "2020-02-30", "|#", ">-", "|2",
    "&a |", " #", "#"]), max_size=8).map("".join)


@st.composite
def texts(draw) -> bytes:
    if draw(st.booleans()):
        return draw(mutated())[1]
    lines = (ROOT / "tests" / "fixtures" / "minimal" / draw(st.sampled_from(
        ["paper.yaml", "2020-02-24/edition.yaml"]))).read_text(encoding="utf-8").splitlines(True)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        at = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:at] + draw(_NOISE) + lines[i][at + draw(st.integers(0, 6)):]
    return "".join(lines).encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts())
def test_mutated_files_read_the_same(data):
    with pytest.MonkeyPatch.context() as monkeypatch, \
            __import__("tempfile").TemporaryDirectory() as folder:
        path = Path(folder) / "e.yaml"
        path.write_bytes(data)
        assert_same(monkeypatch, path)


@pytest.mark.parametrize("text", [
    "a: 1\nb: 2\na: 3\nc: {x: 1, x: 2, <<: 3}\nd: [{k: 1, k: 2}, {[1]: 2}]\n",
    "a: [1, 2]\n",
    "- {a: 1, b: {c: 1, c: 2}}\n- {a: 1, a: 1}\n",
] + [p.read_text(encoding="utf-8", errors="replace") for p in YAML_FILES
      if p.name == "edition.yaml" and "duplicate" in str(p)])
def test_alias_free_files_take_the_short_tree_check(text):
    root, aliases, diags = source._compose(source._PureLoader, text, "e.yaml")
    if root is None:
        return
    assert aliases == 0
    assert [str(d) for d in source._check_all_keys(root)] == [str(d) for d in source._check_tree(root)]
