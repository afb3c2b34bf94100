"""Nothing hidden on a plate: every glyph of a finished page lies on the trimmed page and
inside its frame (text of no frame: inside the type area), and no two pieces of text
overprint each other.

verify_layout(layout, fonts) / verify_page(page, fonts) return diagnostics (errors), one per
frame and kind of fault, with how many glyphs and the first of them; they never change the
layout. A glyph is its em box: the pen position to its advance (`fonts`, the compose
Metrics protocol; without it, to the next glyph's pen position or one em), from the font's
ascent above the baseline to its descent below.
"""
from __future__ import annotations

from collections import defaultdict

from layout.base.diagnostics import Diagnostic, error
from layout.makeup.model import BlockFrame, EditionLayout, PageLayout, TextRun

EPS = 0.3                 # pt: rounding of positions, side bearings touching
OVERLAP = 0.5             # pt both ways before two glyphs count as printed on each other
# Full-width punctuation is set in half its em (compose's 标点挤压): its ink is in the half
# beside the text it belongs to.
_CLOSING = set("，。、；：！？）」』】》〉〕〗”’")
_OPENING = set("（「『【《〈〔〖“‘")
_DASHES = set("—―")


def verify_layout(layout: EditionLayout, fonts=None) -> tuple[Diagnostic, ...]:
    out: list[Diagnostic] = []
    for page in layout.pages:
        out.extend(verify_page(page, fonts))
    return tuple(out)


def verify_page(page: PageLayout, fonts=None) -> tuple[Diagnostic, ...]:
    frames = _frames(page)
    runs = []                                    # (frame, run, box of its ends); glyphs when needed
    for item in page.items:
        if isinstance(item, TextRun) and item.chars.strip():
            runs.append((_frame_of(item, frames), item, _run_box(item, fonts)))
    faults: dict[tuple, list] = defaultdict(list)
    trim = (0.0, 0.0, page.width, page.height)
    area = page.type_area
    area = (area.x, area.y, area.right, area.bottom) if area.w > 0 and area.h > 0 else None
    for frame, run, box in runs:
        rect = (frame.rect.x, frame.rect.y, frame.rect.right, frame.rect.bottom) if frame else None
        checks = [("page", trim)]
        if rect is not None:
            checks.append(("frame", rect))
        elif area is not None:                  # text of no block: inside the type area
            checks.append(("area", area))
        for kind, outer in checks:
            if not _inside(outer, box):
                bad = [g for g in _glyph_boxes(run, fonts) if not _inside(outer, g)]
                if bad:
                    faults[(kind, _name(frame))].extend(bad)
                    break
    for key, pairs in _overprints(runs, fonts).items():
        faults[("overprint",) + key] = pairs
    return tuple(_diagnostic(page.number, key, found) for key, found in sorted(faults.items()))


def _frames(page: PageLayout) -> list:
    """(x0, y0, x1, y1, area, frame) of the page's frames, smallest first (see _frame_of)."""
    return sorted(((f.rect.x, f.rect.y, f.rect.right, f.rect.bottom, f.rect.w * f.rect.h, f)
                   for f in page.frames), key=lambda t: t[4])


def _run_box(run: TextRun, fonts) -> tuple:
    """The box of a run's glyphs from its first and last (pen positions only grow); spaces
    at the ends count, which only makes the box a little larger."""
    if len(run.chars) == 1:
        g = _glyph_boxes(run, fonts)[0]
        return g[:4]
    ends = _glyph_boxes(run, fonts, (0, len(run.chars) - 1))
    return (min(b[0] for b in ends), min(b[1] for b in ends), max(b[2] for b in ends), max(b[3] for b in ends))


def _name(frame: BlockFrame | None) -> str:
    return frame.id if frame is not None else ""


def _frame_of(run: TextRun, frames) -> BlockFrame | None:
    """The frame the run was set in: the smallest one holding its first glyph's origin
    (`frames`: (x0, y0, x1, y1, area, frame), smallest first)."""
    x, y = run.x, run.baseline
    for x0, y0, x1, y1, _, frame in frames:
        if x0 - EPS <= x <= x1 + EPS and y0 - EPS <= y <= y1 + EPS:
            return frame
    return None


def _glyph_boxes(run: TextRun, fonts, only=None):
    """(x0, y0, x1, y1, char) of each glyph (or of those at the indexes `only`) but spaces:
    its em box as set."""
    size = run.size_pt
    if fonts is not None:
        ascent, descent = fonts.ascent(run.font), fonts.descent(run.font)
    else:
        ascent, descent = 0.88, 0.12
    if run.angle:
        return _turned_boxes(run, ascent, descent, only)
    top, bottom = run.baseline - run.rise - ascent * size, run.baseline - run.rise + descent * size
    xs, x0 = run.xs, run.x
    last = len(run.chars) - 1
    out = []
    chars = run.chars
    for i in (range(len(chars)) if only is None else only):
        ch = chars[i]
        if ch.isspace() and only is None:
            continue
        if i < last:
            width = xs[i + 1] - xs[i]            # as set (justified, compressed)
        elif fonts is not None:
            width = fonts.advance(run.font, ch) * size * run.hscale
        else:
            width = size * run.hscale
        x = x0 + xs[i]
        if ch in _DASHES and fonts is not None and fonts.ink(run.font, ch):
            ink = fonts.ink(run.font, ch)        # a dash is stretched (hscale) so its ink fills the em
            out.append((x + ink[0] * size * run.hscale, top, x + ink[2] * size * run.hscale, bottom, ch))
        elif ch in _CLOSING:
            out.append((x, top, x + width / 2, bottom, ch))
        elif ch in _OPENING:
            out.append((x + width / 2, top, x + width, bottom, ch))
        else:
            out.append((x, top, x + max(width, 0.0), bottom, ch))
    return out


def _turned_boxes(run: TextRun, ascent: float, descent: float, only=None):
    """The em boxes of a run turned 90° clockwise (a Latin run in a vertical headline): each
    glyph from its pen position down the page, its top to the right of the baseline."""
    size, xs = run.size_pt, run.xs
    left, right = run.x - descent * size, run.x + ascent * size
    ends = list(xs[1:]) + [xs[-1] + size * 0.6]
    return [(left, run.baseline + xs[i], right, run.baseline + ends[i], run.chars[i])
            for i in (range(len(run.chars)) if only is None else only) if not run.chars[i].isspace() or only]


def _inside(outer, box) -> bool:
    return (box[0] >= outer[0] - EPS and box[2] <= outer[2] + EPS
            and box[1] >= outer[1] - EPS and box[3] <= outer[3] + EPS)


def _overprints(runs, fonts) -> dict[tuple[str, str], list]:
    """Glyphs of two different runs whose boxes overlap, by the pair of frames: runs are
    swept by their tops, and only runs whose boxes meet are compared glyph by glyph."""
    order = sorted(range(len(runs)), key=lambda n: runs[n][2][1])
    found: dict[tuple[str, str], list] = defaultdict(list)
    for i, a in enumerate(order):
        frame_a, run_a, box_a = runs[a]
        for j in range(i + 1, len(order)):
            frame_b, run_b, box_b = runs[order[j]]
            if box_b[1] >= box_a[3] - OVERLAP:
                break                             # every later run starts lower still
            if min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]) <= OVERLAP:
                continue
            for ga in _glyph_boxes(run_a, fonts):
                for gb in _glyph_boxes(run_b, fonts):
                    if (min(ga[2], gb[2]) - max(ga[0], gb[0]) > OVERLAP
                            and min(ga[3], gb[3]) - max(ga[1], gb[1]) > OVERLAP):
                        key = tuple(sorted((_name(frame_a), _name(frame_b))))
                        found[key].append((ga[0], ga[1], ga[2], ga[3], ga[4] + gb[4]))
    return found


def _diagnostic(page: int, key: tuple, found: list) -> Diagnostic:
    first = min(found, key=lambda g: (g[1], g[0]))
    x_mm, y_mm = first[0] / 72 * 25.4, first[1] / 72 * 25.4
    if key[0] == "overprint":
        _, a, b = key
        return error("text-overprints", None, page=page, first=a or "page", second=b or "page",
                     n=len(found), chars=first[4], x=f"{x_mm:.0f}", y=f"{y_mm:.0f}")
    where = dict(page=page, block=key[1] or "page", n=len(found), char=first[4],
                 x=f"{x_mm:.0f}", y=f"{y_mm:.0f}")
    if key[0] == "page":
        return error("text-outside.page", None, **where)
    if key[0] == "frame":
        return error("text-outside.frame", None, **where)
    return error("text-outside.area", None, **where)


def small_text(layout: EditionLayout, min_pt: float, where=lambda block: None) -> tuple[Diagnostic, ...]:
    """Text set smaller than the paper's min_text_size (a headline shrunk to fit, a style
    below it), as the build's preflight will warn: one warning per block and page, with the
    smallest size and its first glyph; where(block id) gives the block's source position."""
    from layout.base.diagnostics import warning

    smallest: dict[tuple[int, str], tuple] = {}
    for page in layout.pages:
        frames = _frames(page)
        for item in page.items:
            if isinstance(item, TextRun) and item.chars.strip() and item.size_pt < min_pt - 0.01:
                key = (page.number, _name(_frame_of(item, frames)))
                if key not in smallest or item.size_pt < smallest[key][0]:
                    smallest[key] = (item.size_pt, item.chars.strip()[0], item.x, item.baseline)
    out = []
    for (number, block), (size, ch, x, y) in sorted(smallest.items()):
        out.append(warning("text-below-minimum", where(block), page=number, block=block or "page",
                           size=f"{size:.1f}", minimum=f"{min_pt:g}", char=ch,
                           x=f"{x / 72 * 25.4:.0f}", y=f"{y / 72 * 25.4:.0f}"))
    return tuple(out)
