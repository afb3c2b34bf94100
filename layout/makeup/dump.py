"""A readable text dump of an EditionLayout: one line per frame and per drawn item, numbers
to 0.1 pt. Golden copies of it (tests/golden/) guard every refactor of the pipeline: a change
in the layout shows up as a reviewable text diff, not as a changed digest."""
from __future__ import annotations

from layout.makeup.model import BoxItem, EditionLayout, FormItem, ImageItem, QRItem, RuleItem, TextRun

FIRST_CHARS = 16


def _n(v: float) -> str:
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


def _rect(r) -> str:
    return f"{_n(r.x)} {_n(r.y)} {_n(r.w)}x{_n(r.h)}"


def _item(it) -> str:
    if isinstance(it, TextRun):
        # the inked glyphs: a word space is in the text layer only (styles.line_runs)
        inked = [i for i, ch in enumerate(it.chars) if not ch.isspace()] or range(len(it.chars))
        end = it.x + (it.xs[inked[-1]] if inked else 0.0)
        extra = "" if it.color == "black" and it.overprint else f" {it.color}{'' if it.overprint else ' ko'}"
        if it.hscale != 1.0 or it.rise:
            extra += f" tz{_n(it.hscale * 100)} rise{_n(it.rise)}"
        if it.angle:
            extra += f" angle{_n(it.angle)}"
        chars = "".join(it.chars[i] for i in inked)
        text = chars if len(chars) <= FIRST_CHARS else chars[:FIRST_CHARS] + f"…({len(chars)})"
        return f"  text {_n(it.x)}..{_n(end)} @{_n(it.baseline)} {it.font} {_n(it.size_pt)}{extra} {text}"
    if isinstance(it, RuleItem):
        dash = f" dash{it.dash}" if it.dash else ""
        return (f"  rule {_n(it.x1)},{_n(it.y1)}-{_n(it.x2)},{_n(it.y2)} w{_n(it.width_pt)} "
                f"{it.color}{dash}")
    if isinstance(it, BoxItem):
        return (f"  box {_rect(it.rect)} stroke={it.stroke or '-'} fill={it.fill or '-'} "
                f"w{_n(it.width_pt)} tint{_n(it.tint)}")
    if isinstance(it, ImageItem):
        name = it.path.replace("\\", "/").rsplit("/", 1)[-1]
        return f"  image {_rect(it.rect)} {name} crop={it.crop} {'colour' if it.colour else 'grey'}"
    if isinstance(it, FormItem):
        name = it.path.replace("\\", "/").rsplit("/", 1)[-1]
        return f"  form {_rect(it.rect)} {name}"
    if isinstance(it, QRItem):
        return f"  qr {_rect(it.rect)} {len(it.modules)}x{len(it.modules[0]) if it.modules else 0}"
    return f"  {type(it).__name__}"


def dump_layout(layout: EditionLayout) -> str:
    """The layout as text: pages, frames (with copyfit), items in drawing order, copyfit,
    fill and diagnostics (code and severity only: messages are the catalogue's business)."""
    out = [f"edition {layout.paper_slug} {layout.date_iso} bleed {_n(layout.bleed_pt)}"]
    for page in layout.pages:
        out.append(f"page {page.number} {_n(page.width)}x{_n(page.height)} area {_rect(page.type_area)}")
        for f in page.frames:
            out.append(f" frame {f.kind} {f.id} {_rect(f.rect)} lines {f.lines_needed}/{f.lines_available}"
                       f" over {f.overflow_chars}")
        for pb in page.placements:
            out.append(f" placed {pb.article_id}{' (cont)' if pb.continuation else ''} col {pb.column} "
                       f"span {pb.span} row {pb.row} rows {pb.rows} head {_n(pb.headline_size)} "
                       f"cols {pb.body_cols or pb.span} {'auto' if pb.automatic else 'hand'}")
        out += [_item(it) for it in page.items]
    for e in layout.copyfit:
        out.append(f"copyfit p{e.page} {e.article_id} need {e.lines_needed} avail {e.lines_available} "
                   f"over {e.overflow_chars} short {e.short_lines}")
    for f in layout.fill:
        out.append(f"fill p{f.page} lines {f.lines} uncovered {f.uncovered} short {f.short}")
    for d in layout.diagnostics:
        where = f"{d.pos.line}:{d.pos.col}" if getattr(d, "pos", None) else "-"
        out.append(f"diagnostic {d.severity.name.lower()} {d.code} {where}")
    return "\n".join(out) + "\n"
