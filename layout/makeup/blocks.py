"""Article blocks: headline block (引题/主题/副题), photo with caption, body in columns.

A block is laid out into a grid cell. Body text is composed once per measure into a
flat list of lines; `flow` (thread.py) decides which lines go into which column. A
block that cannot hold all its text returns a resume point (paragraph, character),
which a continuation frame on a later page picks up (转版).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from layout.compose.model import Span
from layout.base.diagnostics import info
from layout.makeup.grid import PageGrid
from layout.makeup.index import index_lines
from layout.makeup.vertical import strip_width, vertical_headline
from layout.makeup.model import BoxItem, ImageItem, Rect, RuleItem
from layout.makeup.shape import Shape
from layout.makeup.styles import Typesetter, line_runs
from layout.makeup.thread import BodyLine, Resume, balance, widowed_columns, without_widows
from layout.makeup.thread import capacity as line_slots

BOX_RULE_PT = 0.75


@dataclass(frozen=True)
class BlockResult:
    items: tuple
    rect: Rect
    lines_needed: int          # body lines this part needed (all remaining text)
    lines_available: int       # body line slots in this part
    lines_set: int
    overflow_chars: int        # characters that did not fit (and have no jump)
    resume: Resume | None      # where a continuation picks up, None if all was set
    photo_ppi: float = 0.0
    rows_used: int = 0         # grid rows actually filled (for blocks sized from content)
    chars_per_line: int = 0    # body characters per line at the body measure


def border_items(r: Rect, style: str) -> list:
    """The frame of a boxed article: one rule, two rules, or a 花边 (heavy rule, dotted inner rule)."""
    if style == "double":
        return [BoxItem(r, stroke="black", width_pt=0.5),
                BoxItem(Rect(r.x + 2, r.y + 2, r.w - 4, r.h - 4), stroke="black", width_pt=0.5)]
    if style == "flower":
        i = Rect(r.x + 3, r.y + 3, r.w - 6, r.h - 6)
        dots = (0.8, 1.6)
        return [BoxItem(r, stroke="black", width_pt=1.5),
                RuleItem(i.x, i.y, i.right, i.y, 0.8, dash=dots), RuleItem(i.x, i.bottom, i.right, i.bottom, 0.8, dash=dots),
                RuleItem(i.x, i.y, i.x, i.bottom, 0.8, dash=dots), RuleItem(i.right, i.y, i.right, i.bottom, 0.8, dash=dots)]
    return [BoxItem(r, stroke="black", width_pt=BOX_RULE_PT)]


def body_role(article) -> str:
    """The paper style the body is set in: the article's body_style, else by kind."""
    if article.body_style:
        return article.body_style
    return article.kind if article.kind in ("commentary", "verse", "index") else "body"


def is_vertical(paper, article, start=None, short: str = "") -> bool:
    """The article's headline is set vertically here: the article says so, or its headline
    style does (a continuation's short headline is not)."""
    direction = article.headline_direction or paper.styles[headline_role(article)].direction
    return direction == "vertical" and start is None and not short


def headline_role(article) -> str:
    return {"commentary": "commentary_headline", "index": "index_title"}.get(article.kind, "headline")


def body_lines(ts: Typesetter, article, measure: float, start: Resume | None,
               looseness: tuple[int, ...] = ()) -> list[BodyLine]:
    """Compose the article's body (from `start`) at `measure` into a flat list of lines;
    looseness[i] = ±1 sets paragraph i a line longer or shorter (when it can be)."""
    if article.kind == "verse":
        return verse_lines(ts, article, measure, start)
    if article.kind == "index":
        return index_lines(ts, article, measure)
    out: list[BodyLine] = []
    first_para = start.paragraph if start else 0
    for pi in range(first_para, len(article.paragraphs)):
        loose = looseness[pi] if pi < len(looseness) else 0
        out += paragraph_lines(ts, article, pi, measure, start, loose)
    if article.author and (start is None or start.paragraph <= len(article.paragraphs)):
        author = ts.line([Span(ts.text(article.author, article.pos), ts.char_style("byline"))],
                         ts.para_style("byline", align="right"))
        out.append(BodyLine(_fit(author, measure), len(article.paragraphs), 0, len(article.author)))
    return out


def paragraph_lines(ts: Typesetter, article, pi: int, measure: float, start: Resume | None,
                    loose: int = 0) -> list[BodyLine]:
    """Paragraph pi of the body (from `start` when it is the paragraph a continuation
    picks up in), set at measure, a line longer or shorter with loose = ±1 if it can be."""
    spans, style, offset, lead, p = _paragraph_spans(ts, article, pi, start)
    composed = ts.compose(spans, measure, style, p.pos, f"article {article.id}, paragraph {pi + 1}", loose,
                          at=lambda i: p.pos_at(offset + i - lead) if i >= lead else None)
    # char index in the (normalised) paragraph text where each line starts
    return [BodyLine(line, pi, offset + max(0, line.start - lead), offset + max(0, line.end - lead))
            for line in composed.lines]


def paragraph_size(ts: Typesetter, article, pi: int, measure: float, start: Resume | None,
                   loose: int = 0) -> tuple[int, float]:
    """(lines, width of the last line) of paragraph_lines(...), its lines not built."""
    spans, style, _, _, _ = _paragraph_spans(ts, article, pi, start)
    return ts.line_count(spans, measure, style, loose)


def _paragraph_spans(ts: Typesetter, article, pi: int, start: Resume | None):
    """(spans, paragraph style, text offset, byline length, paragraph) of paragraph pi as set."""
    role = body_role(article)
    p = article.paragraphs[pi]
    text = ts.text(p.text, p.pos, p.pos_at)
    offset = 0
    spans = []
    style = ts.para_style(role)
    if start and pi == start.paragraph and start.char > 0:
        offset = start.char
        text = text[offset:]
        style = ts.para_style(role, indent=0.0)   # a paragraph continued mid-way: no indent
    elif pi == 0 and article.byline:
        spans.append(Span(ts.text(article.byline, article.pos), ts.char_style("byline")))
    spans.append(Span(text, ts.char_style(role)))
    lead = len(spans[0].text) if len(spans) == 2 else 0
    return spans, style, offset, lead, p


def _without_widows(ts: Typesetter, article, measure: float, start: Resume | None,
                    shape: Shape | None, lines: list[BodyLine], columns: int,
                    rows: int, tops: list[int]) -> list[BodyLine]:
    """The body lines for balanced columns with no widow at a column's head, a paragraph
    set a line shorter or longer where that avoids it (thread.without_widows); where
    nothing does, the columns stay balanced, the widow stays, and a note says so."""
    if article.kind in ("verse", "index") or columns < 2:     # stanzas and entries: no widows
        return lines
    paras = list(dict.fromkeys(bl.paragraph for bl in lines))
    sizes = [sum(1 for bl in lines if bl.paragraph == pi) for pi in paras]
    if not widowed_columns(sizes, balance(len(lines), columns, rows, tops)):
        return lines
    loose = shape.looseness if shape else ()
    alts: dict[tuple[int, int], list[BodyLine] | None] = {}

    def can(j: int, d: int) -> bool:
        pi = paras[j]
        if (j, d) not in alts:
            alts[j, d] = None
            if pi < len(article.paragraphs) and not (loose[pi] if pi < len(loose) else 0):
                alt = paragraph_lines(ts.quiet(), article, pi, measure, start, d)
                alts[j, d] = alt if len(alt) == sizes[j] + d else None
        return alts[j, d] is not None

    change = without_widows(sizes, columns, rows, can, tops)
    if change is None:
        per_col = balance(len(lines), columns, rows, tops)
        col = widowed_columns(sizes, per_col)[0]
        head = lines[sum(per_col[:col])]
        ts.diagnostics.append(info("widow-kept", article.pos, article=article.id, column=col + 1,
                                   paragraph=head.paragraph + 1))
        return lines
    out: list[BodyLine] = []
    for j, pi in enumerate(paras):
        out += alts[j, change[j]] if j in change else [bl for bl in lines if bl.paragraph == pi]
    return out


def verse_lines(ts: Typesetter, article, measure: float, start: Resume | None) -> list[BodyLine]:
    """诗歌: each paragraph is a stanza, each of its text lines a verse line set flush left
    without indent; an empty line between stanzas; the block centred in the measure and the
    author flush with its right edge. A verse line too long for the measure turns over."""
    role = body_role(article)
    body = ts.char_style(role)
    para = ts.para_style(role, align="left", indent=0.0)
    out: list[BodyLine] = []
    if article.byline and start is None:
        by = ts.line([Span(ts.text(article.byline, article.pos), ts.char_style("byline"))],
                     ts.para_style("byline", align="left", indent=0.0))
        out.append(BodyLine(replace(by, measure=measure), 0, 0, 0))
    first_para = start.paragraph if start else 0
    for pi in range(first_para, len(article.paragraphs)):
        p = article.paragraphs[pi]
        skip = start.char if start and pi == start.paragraph else 0
        if pi > first_para:
            out.append(BodyLine(ts.line([Span("", body)], para), pi, 0, 0))   # stanza break
        text = ts.text(p.text, p.pos, p.pos_at)
        a = 0
        for raw in text.split("\n"):
            b = a + len(raw)
            lo = max(a, skip)
            if raw.strip() and lo < b:
                composed = ts.compose([Span(text[lo:b], body)], measure, para, p.pos,
                                      f"article {article.id}, stanza {pi + 1}", at=lambda i, lo=lo: p.pos_at(lo + i))
                out += [BodyLine(ln, pi, lo + ln.start, lo + ln.end) for ln in composed.lines]
            a = b + 1
    widest = max((bl.line.width for bl in out), default=0.0)
    left = max(0.0, (measure - widest) / 2)
    out = [BodyLine(replace(bl.line, offset=bl.line.offset + left), bl.paragraph, bl.start, bl.end)
           for bl in out]
    if article.author and (start is None or start.paragraph <= len(article.paragraphs)):
        author = ts.line([Span(ts.text(article.author, article.pos), ts.char_style("byline"))],
                         ts.para_style("byline", align="right"))
        right = min(measure, left + widest) if widest else measure
        out.append(BodyLine(replace(author, measure=measure, offset=max(0.0, right - author.width)),
                            len(article.paragraphs), 0, len(article.author)))
    return out


def _fit(line, measure):
    """A single line set flush right in the measure (signature lines)."""
    from dataclasses import replace
    return replace(line, measure=measure, offset=max(0.0, measure - line.width))


def headline_items(ts: Typesetter, grid: PageGrid, article, rect: Rect, short: str = "",
                   shape: Shape | None = None) -> tuple[list, int]:
    """Set 引题/主题/副题 across rect; returns items and the whole rows used (a shape may
    give the 主题's size and lines and rows of air)."""
    entries = _headline_entries(article, short, shape)
    if not entries:
        return [], 0
    lines = []
    main = headline_role(article)
    for role, raw in entries:
        size, span = _headline_entry(ts, article, role, raw, rect, short, shape, main)
        line = ts.line(span, ts.para_style(role), article.pos, f"article {article.id}, headline")
        lines.append((role, size, line))
    heights, rows = _headline_rows(grid, [size for _, size, _ in lines], shape)
    y = rect.y + (rows * grid.pitch - sum(heights)) / 2
    items = []
    for (role, size, line), h in zip(lines, heights):
        base = y + (h - size) / 2 + 0.88 * size
        align = article.headline_align if (role == main and article.headline_align) else ts.paper.styles[role].align
        x0 = rect.x + _align_offset(align, rect.w, line.width)
        items += line_runs(_at_zero(line), x0, base)
        y += h
    return items, rows


def headline_rows(ts: Typesetter, grid: PageGrid, article, rect: Rect, short: str = "",
                  shape: Shape | None = None) -> int:
    """The rows headline_items(...) uses, and its headline-too-wide errors, without setting
    the lines (planning)."""
    entries = _headline_entries(article, short, shape)
    if not entries:
        return 0
    main = headline_role(article)
    sizes = [_headline_entry(ts, article, role, raw, rect, short, shape, main)[0] for role, raw in entries]
    return _headline_rows(grid, sizes, shape)[1]


def _headline_entries(article, short: str, shape) -> list[tuple[str, str]]:
    """(style role, text) of each line of the headline block: 引题, 主题 lines, 副题 (a
    continuation: its short headline only)."""
    if short:
        return [("subhead", short)]
    entries: list[tuple[str, str]] = []
    if article.kicker:
        entries.append(("kicker", article.kicker))
    role = headline_role(article)
    entries += [(role, h) for h in (shape.headline_lines if shape and shape.headline_lines
                                    else article.headline)]
    if article.subhead:
        entries.append(("subhead", article.subhead))
    return entries


def _headline_entry(ts: Typesetter, article, role: str, raw: str, rect: Rect, short: str, shape, main: str):
    """(size, span) of one line of the headline block, shrunk to the width if its style
    allows; too wide even so: an error."""
    text = ts.text(raw, article.pos)
    st = ts.paper.styles[role]
    size = article.headline_size if (role == main and article.headline_size and not short) else st.size_pt
    if role == main and shape and shape.headline_size and not short:
        size = shape.headline_size
    span = [Span(text, ts.char_style(role, size))]
    width = ts.width(span)
    if width > rect.w and st.min_size_pt:
        size = max(st.min_size_pt, size * rect.w / width)
        span = [Span(text, ts.char_style(role, size))]
        width = ts.width(span)
    if width > rect.w + 0.01:
        part = "kicker" if role == "kicker" else "subhead" if role == "subhead" else "headline"
        ts.diagnostics.append(_too_wide(article, part, text, width, rect.w))
    return size, span


def _headline_rows(grid: PageGrid, sizes: list[float], shape) -> tuple[list[float], int]:
    """Each line's height and the block's rows: each line gets 1.25 x its size, the block
    is padded to whole grid rows (plus the shape's air)."""
    gap = 0.25
    heights = [size * (1 + gap) for size in sizes]
    total = sum(heights) + grid.pitch * 0.5
    rows = grid.rows_for(total) + (shape.air if shape else 0)
    rows = max(rows, grid.rows_for(sum(heights)))     # a tight block (air -1) still holds its lines
    return heights, rows


def _too_wide(article, part, text, width, avail):
    from layout.base.diagnostics import Phrase, error
    return error("headline-too-wide", article.pos, article=article.id, part=Phrase(f"part.{part}"),
                 headline=text, width=width, avail=avail)


def _align_offset(align: str, avail: float, width: float) -> float:
    if align == "center":
        return max(0.0, (avail - width) / 2)
    if align == "right":
        return max(0.0, avail - width)
    return 0.0


def _at_zero(line):
    from dataclasses import replace
    return replace(line, offset=0.0)


def columns_of(grid: PageGrid, rect: Rect, n: int, size: float) -> list[tuple[float, float]]:
    """(x, measure) of n body columns across rect, each a whole number of characters."""
    if n <= 0:
        n = 1
    full = round((rect.w + grid.gutter) / (grid.col_width + grid.gutter))
    if n == full and abs(rect.w - grid.span_width(n)) < 0.5 and abs(size - grid.body_size) < 0.01:
        return [(rect.x + i * (grid.col_width + grid.gutter), grid.col_width) for i in range(n)]
    gutter = grid.gutter
    raw = (rect.w - (n - 1) * gutter) / n
    measure = math.floor(raw / size + 1e-6) * size
    gutter = (rect.w - n * measure) / (n - 1) if n > 1 else 0.0
    x0 = rect.x if n > 1 else rect.x + (rect.w - measure) / 2
    return [(x0 + i * (measure + gutter), measure) for i in range(n)]


def body_column_count(grid: PageGrid, article, inner_w: float, shape: Shape | None = None) -> int:
    """Body columns: the shape's, the article's 变栏, else one per grid column spanned."""
    if shape and shape.body_cols:
        return shape.body_cols
    return article.body_columns or max(1, round((inner_w + grid.gutter) / (grid.col_width + grid.gutter)))


def photo_size(path: str) -> tuple[int, int]:
    """Pixel size of a picture (the header only; remembered per file)."""
    size = _PHOTO_SIZES.get(path)
    if size is None:
        from PIL import Image

        with Image.open(path) as im:
            size = _PHOTO_SIZES[path] = im.size
    return size


_PHOTO_SIZES: dict[str, tuple[int, int]] = {}


def natural_photo_rows(grid: PageGrid, article, width: float) -> int:
    iw, ih = photo_size(article.photo.file)
    return article.photo.rows or max(4, round(width * ih / iw / grid.pitch))


def caption_lines(ts: Typesetter, article, width: float) -> list:
    photo = article.photo
    cap_text = ts.text(photo.caption, photo.pos) if photo.caption else ""
    credit = ts.text(photo.credit, photo.pos) if photo.credit else ""
    if not (cap_text or credit):
        return []
    spans = [Span(cap_text, ts.char_style("caption"))]
    if credit:
        spans.append(Span(("  " if cap_text else "") + credit, ts.char_style("credit")))
    cap = ts.compose(spans, width, ts.para_style("caption", indent=0.0), photo.pos,
                     f"article {article.id}, caption")
    return list(cap.lines)


def photo_beside(cols: list[tuple[float, float]], shape: Shape | None, photo):
    """(x, width, body column indexes) of a picture narrower than its block (shape.photo_cols
    of the body columns, or without a plan the editor's photo span; at the left or the
    right), None for one across the block."""
    k, left = (shape.photo_cols, shape.photo_left) if shape else (photo.span, photo.side == "left")
    if not 0 < k < len(cols):
        return None
    which = range(k) if left else range(len(cols) - k, len(cols))
    x0 = cols[which[0]][0]
    return x0, cols[which[-1]][0] + cols[which[-1]][1] - x0, set(which)


def photo_width(grid: PageGrid, width: float, columns: int, k: int, size: float) -> float:
    """The width of a picture k of `columns` body columns wide in a block body `width` wide."""
    cols = columns_of(grid, Rect(0, 0, width, 0), columns, size)
    return cols[k - 1][0] + cols[k - 1][1] - cols[0][0]


def photo_items(ts: Typesetter, grid: PageGrid, article, rect: Rect, rows_left: int, rows: int = 0):
    """Photo scaled/cropped to the block width, caption and credit below. Returns
    (items, rows used, effective ppi); `rows` fixes the picture's height (a shape's)."""
    photo = article.photo
    iw, ih = photo_size(photo.file)
    planned = rows
    rows = rows or natural_photo_rows(grid, article, rect.w)
    cap_lines = caption_lines(ts, article, rect.w)
    if not planned:      # a planned height is exact; otherwise leave a line for the text
        rows = max(2, min(rows, rows_left - len(cap_lines) - 1))
    h = rows * grid.pitch - grid.pitch * 0.3
    box = Rect(rect.x, rect.y, rect.w, h)
    # centre crop to the frame's aspect ratio
    frame_ratio = box.w / box.h
    if iw / ih > frame_ratio:
        cw, ch = ih * frame_ratio, ih
    else:
        cw, ch = iw, iw / frame_ratio
    crop = (round((iw - cw) / 2), round((ih - ch) / 2), round((iw + cw) / 2), round((ih + ch) / 2))
    ppi = (crop[2] - crop[0]) / (box.w / 72.0)
    items: list = [ImageItem(photo.file, box, crop)]
    y = rect.y + rows * grid.pitch
    for line in cap_lines:
        items += line_runs(line, rect.x, grid.baseline(y, ts.size("caption")))
        y += grid.pitch
    return items, rows + len(cap_lines), ppi


def layout_article(ts: Typesetter, grid: PageGrid, article, rect: Rect, *,
                   start: Resume | None = None, jump_to: int = 0, jump_from: int = 0,
                   short_headline: str = "", shape: Shape | None = None) -> BlockResult:
    """Lay out one article part (the whole article, its first part, or a continuation);
    a shape (from planning) fixes headline, photo height, 变栏 and looseness."""
    items: list = []
    rows_total = round(rect.h / grid.pitch)
    boxed = article.boxed and start is None
    inner = rect
    if boxed:
        pad = ts.size(body_role(article)) * 0.75
        items += border_items(Rect(rect.x, rect.y + 1, rect.w, rect.h - 2), article.border)
        inner = Rect(rect.x + pad, rect.y, rect.w - 2 * pad, rect.h)
    row = 0
    if boxed:
        row = 1  # one line of air inside the box's top rule (also the bottom: see rows_body)
    ppi = 0.0
    on_top = bool(shape and shape.photo_top and article.photo and start is None)
    if on_top:      # the picture above the headline (图在题上)
        ph, prow, ppi = photo_items(ts, grid, article, Rect(inner.x, inner.y + row * grid.pitch, inner.w, 0),
                                    rows_total - row, shape.photo_rows)
        items += ph
        row += prow
    if is_vertical(ts.paper, article, start, short_headline):      # 竖排题 at the right, the body beside it
        strip = strip_width(ts, article, shape)
        items += vertical_headline(ts, article, Rect(inner.right - strip, inner.y + row * grid.pitch, strip,
                                                     inner.h - (2 if boxed else 0) * grid.pitch), shape)
        inner = Rect(inner.x, inner.y, inner.w - strip, inner.h)
        head, hrows = [], shape.air if shape else 0     # a plan's rows of air: above the body here
    else:
        head, hrows = headline_items(ts, grid, article, Rect(inner.x, inner.y + row * grid.pitch, inner.w, 0),
                                     short=short_headline, shape=shape)
    items += head
    row += hrows
    role = body_role(article)
    size = ts.size(role)
    ncols = body_column_count(grid, article, inner.w, shape)
    cols = columns_of(grid, inner, ncols, size)
    tops = [0] * len(cols)       # rows each body column starts below the body's top
    if article.photo and start is None and not on_top:
        beside = photo_beside(cols, shape, article.photo)
        at = Rect(inner.x, inner.y + row * grid.pitch, inner.w, 0) if beside is None else \
            Rect(beside[0], inner.y + row * grid.pitch, beside[1], 0)
        ph, prow, ppi = photo_items(ts, grid, article, at, rows_total - row, shape.photo_rows if shape else 0)
        items += ph
        if beside is None:
            row += prow
        else:
            tops = [prow if i in beside[2] else 0 for i in range(len(cols))]
    if jump_from:
        jt = ts.text(ts.paper.jump_from_format.format(page=jump_from))
        para = replace(ts.para_style("jump", align="left"), open_first_half=True)   # （ at the frame edge
        line = ts.line([Span(jt, ts.char_style("jump"))], para)
        items += line_runs(_at_zero(line), inner.x, grid.baseline(inner.y + row * grid.pitch, ts.size("jump")))
        row += 1
    rows_body = rows_total - row - (1 if boxed else 0)
    measure = cols[0][1]
    lines = body_lines(ts, article, measure, start, shape.looseness if shape else ())
    reserve = 1 if jump_to else 0
    capacity = max(0, line_slots(len(cols), rows_body, tops) - reserve)
    placed = lines[:capacity]
    rest = lines[capacity:]
    if rest:
        per_col = [max(0, rows_body - t) for t in tops]
    else:     # the text ends in this frame: balanced columns, none starting with a widow
        if not reserve:
            placed = lines = _without_widows(ts, article, measure, start, shape, lines, len(cols), rows_body, tops)
        per_col = balance(len(placed), len(cols), rows_body, tops)
    if rest and reserve:
        per_col[-1] = rows_body - 1 - tops[-1]
    top = inner.y + row * grid.pitch
    if article.column_rules and len(cols) > 1:
        used = max((t + n for t, n in zip(tops, per_col)), default=0)
        for i, ((x1, m1), (x2, _)) in enumerate(zip(cols, cols[1:])):
            gx = (x1 + m1 + x2) / 2
            y0 = top + min(tops[i], tops[i + 1]) * grid.pitch
            items.append(RuleItem(gx, y0 + 2, gx, top + used * grid.pitch - 2, 0.3))
    k = 0
    for (cx, m), n, t in zip(cols, per_col, tops):
        for j in range(t, t + n):
            if k >= len(placed):
                break
            bl = placed[k]
            items += line_runs(bl.line, cx, grid.baseline(top + j * grid.pitch, size))
            if bl.tail is not None:
                items += line_runs(bl.tail, cx + m - bl.tail.width, grid.baseline(top + j * grid.pitch, size))
            k += 1
    resume = None
    overflow = 0
    if rest:
        resume = Resume(rest[0].paragraph, rest[0].start)
        overflow = sum(len(bl.line.text) for bl in rest)
        if jump_to:
            jt = ts.text(ts.paper.jump_to_format.format(page=jump_to))
            line = ts.line([Span(jt, ts.char_style("jump"))], ts.para_style("jump", align="right"))
            cx, m = cols[-1]
            y = top + (rows_body - 1) * grid.pitch
            items += line_runs(_at_zero(line), cx + max(0.0, m - line.width), grid.baseline(y, ts.size("jump")))
    return BlockResult(tuple(items), rect, lines_needed=len(lines), lines_available=capacity,
                       lines_set=len(placed), overflow_chars=0 if (jump_to and rest) else overflow,
                       resume=resume, photo_ppi=ppi, chars_per_line=round(measure / size),
                       rows_used=row + max((t + n for t, n in zip(tops, per_col)), default=0) + (1 if boxed else 0))
