"""Writing placements into an edition file (`newsprint place --write`): the chosen
`place:` of each article part goes in as one line after the line of its `id:` (or a
continuation's `article:`), with the key's own indentation, so the editor's comments,
quoting and order stay exactly as they were. Only block mappings can take a line; an
article written as a flow mapping ({id: …, …}) is reported instead."""
from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode


@dataclass(frozen=True)
class PlaceLine:
    """One part's placement as it is to be written."""
    page: int
    article_id: str
    continuation: bool
    column: int
    span: int
    row: int
    rows: int
    headline_size: float = 0.0    # written as the article's headline_size when not 0


def _value(node: MappingNode, key: str):
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k, v
    return None, None


def _parts(root) -> dict[tuple[int, str, bool], tuple[MappingNode, object]]:
    """(page, id, continuation) -> (its mapping, the key node after whose line we write)."""
    out = {}
    _, pages = _value(root, "pages") if isinstance(root, MappingNode) else (None, None)
    if not isinstance(pages, SequenceNode):
        return out
    for page in pages.value:
        if not isinstance(page, MappingNode):
            continue
        _, number = _value(page, "number")
        try:
            n = int(number.value)
        except (AttributeError, ValueError):
            continue
        for list_key, id_key, cont in (("articles", "id", False), ("continuations", "article", True)):
            _, seq = _value(page, list_key)
            if not isinstance(seq, SequenceNode):
                continue
            for item in seq.value:
                if isinstance(item, MappingNode):
                    key, value = _value(item, id_key)
                    if isinstance(value, ScalarNode):
                        out[(n, value.value, cont)] = (item, key)
    return out


def insert_placements(text: str, lines: list[PlaceLine]) -> tuple[str, list[str]]:
    """The edition text with the placements written in, and the ids that could not be
    (a flow mapping, a part already placed, an id not found)."""
    root = yaml.compose(text)
    parts = _parts(root)
    src = text.splitlines(keepends=True)
    inserts: dict[int, list[str]] = {}
    refused = []
    for pl in lines:
        found = parts.get((pl.page, pl.article_id, pl.continuation))
        if found is None:
            refused.append(pl.article_id)
            continue
        item, key = found
        if item.flow_style or _value(item, "place")[0] is not None:
            refused.append(pl.article_id)
            continue
        indent = " " * key.start_mark.column
        new = [f"{indent}place: {{column: {pl.column}, span: {pl.span}, row: {pl.row}, "
               f"rows: {pl.rows}, fit: true}}\n"]
        if pl.headline_size and not pl.continuation and _value(item, "headline_size")[0] is None:
            new.append(f"{indent}headline_size: {pl.headline_size:g}\n")
        line = _key_end_line(key, item)
        inserts.setdefault(line, []).extend(new)
    out = []
    for i, line in enumerate(src):
        if i in inserts and not line.endswith("\n"):
            line += "\n"
        out.append(line)
        out += inserts.get(i, [])
    return "".join(out), refused


def _key_end_line(key, item: MappingNode) -> int:
    """0-based line after which the new keys go: the line where the id's value ends."""
    _, value = _value(item, key.value)
    end = value.end_mark
    return end.line if end.column > 0 or end.line == key.start_mark.line else end.line - 1
