"""Add an article to an edition file by inserting lines of text, so that everything else in
the file (comments, blank lines, quoting, flow mappings, key order) stays byte for byte.

Why not a round-trip YAML library (ruamel.yaml): it would parse and re-emit the whole
file, where any difference of its emitter (quotes, line width, flow style, indentation of
lists, comment placement) rewrites lines the editor did not touch; the new article is two
plain lines we write ourselves. The place to insert is found from the YAML nodes'
positions (PyYAML's composer), the result is parsed again and checked before it is used.
"""
from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from layout.base.catalogue import Phrase


class InsertError(Exception):
    """The article cannot be inserted; the argument is a Phrase saying why."""


def add_article(text: str, page: int, lines: list[str]) -> str:
    """`text` with an article (its lines, unindented: "- id: x", "  story: …") appended to
    the `articles` list of page `page`."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise InsertError(Phrase("insert.not-yaml", reason=str(exc))) from None
    page_node = _page(root, page)
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = text.split(newline)
    key, articles = _entry(page_node, "articles")
    if isinstance(articles, SequenceNode) and articles.value and not articles.flow_style:
        first = articles.value[0]
        dash = rows[first.start_mark.line][:first.start_mark.column]
        if dash.strip() != "-":
            raise InsertError(Phrase("insert.not-one-a-line", page=page))
        at = _after(articles.value[-1])
        new = [dash + lines[0][2:]] + [" " * len(dash) + line[2:] for line in lines[1:]]
    elif articles is None or _empty(articles):
        pad = " " * page_node.value[0][0].start_mark.column
        if key is not None:                          # articles: (nothing) or articles: []
            row = rows[key.start_mark.line]
            if articles is not None and isinstance(articles, SequenceNode):
                end = articles.end_mark.column
                rows[key.start_mark.line] = (row[:articles.start_mark.column].rstrip() + row[end:]).rstrip()
            at = key.start_mark.line + 1
            head = []
        else:
            at = _after(page_node.value[-1][1])
            head = [pad + "articles:"]
        new = head + [pad + "  " + line for line in lines]
    else:
        raise InsertError(Phrase("insert.not-a-list", page=page))
    rows[at:at] = new
    result = newline.join(rows)
    _check(result, page, lines)
    return result


def _page(root: Node, number: int) -> MappingNode:
    _, pages = _entry(root, "pages") if isinstance(root, MappingNode) else (None, None)
    if not isinstance(pages, SequenceNode) or pages.flow_style:
        raise InsertError(Phrase("insert.no-pages"))
    for node in pages.value:
        _, n = _entry(node, "number") if isinstance(node, MappingNode) else (None, None)
        if isinstance(n, ScalarNode) and n.value == str(number):
            return node
    raise InsertError(Phrase("insert.no-page", page=number))


def _entry(mapping: MappingNode, key: str):
    for k, v in mapping.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k, v
    return None, None


def _empty(node: Node) -> bool:
    return ((isinstance(node, ScalarNode) and node.tag.endswith(":null"))
            or (isinstance(node, SequenceNode) and not node.value))


def _after(node: Node) -> int:
    """The index of the line after a node's last character (its deepest last value: the
    end marks of block collections lie at the next token, lines further on)."""
    while isinstance(node, (MappingNode, SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    end = node.end_mark
    return end.line if end.column == 0 else end.line + 1


def _check(result: str, page: int, lines: list[str]) -> None:
    """The new file parses and its page ends with the new article."""
    want = yaml.safe_load("\n".join(lines))
    try:
        data = yaml.safe_load(result)
    except yaml.YAMLError as exc:                    # pragma: no cover - a bug here
        raise InsertError(Phrase("insert.would-break", reason=str(exc))) from None
    pages = [p for p in data.get("pages") or [] if isinstance(p, dict) and p.get("number") == page]
    if not pages or not pages[0].get("articles") or pages[0]["articles"][-1] != want[0]:
        raise InsertError(Phrase("insert.not-at-end", page=page))
