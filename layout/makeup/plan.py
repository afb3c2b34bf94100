"""Planning an article part: what it needs, measured without emitting anything.

`Planner.menu(part, span)` answers "which heights can this part fill exactly at this span,
and how": for each height in grid rows the cheapest Shape whose every row is used — body
columns full to the last line (looseness: paragraphs set a line longer or shorter),
air under the headline in whole rows (a lesser story's head block under page pressure also
on fewer rows: Part.lesser, lesser_heads), the photo cropped within PHOTO_TOLERANCE of its
aspect ratio. Measurements are memoised, so a page search asks freely. Diagnostics of
the trial settings go nowhere (a quiet Typesetter); only the emitted block reports.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from layout.makeup.vertical import strip_length, strip_width
from layout.makeup.blocks import (body_column_count, is_vertical, body_lines, body_role, caption_lines, columns_of,
                                  headline_rows, natural_photo_rows, paragraph_size, photo_size, photo_width)
from layout.makeup.grid import PageGrid
from layout.makeup.headline_break import two_line_breaks
from layout.makeup.model import Rect
from layout.makeup.shape import Shape
from layout.makeup.styles import Typesetter
from layout.makeup.thread import Resume

PHOTO_TOLERANCE = 0.15     # a photo may be cropped to ±15 % of its natural height
MAX_AIR = 2                # rows of air a headline block may gain
MIN_BODY_ROWS = 3          # no body column shorter than this (unless the text is shorter)
AIR_COST = (0.0, 2.0, 6.0, 10.0)
LOOSE_COST = 1.0           # per paragraph set a line longer
TIGHT_COST = 1.5           # per paragraph set a line shorter
PHOTO_COST = 0.5           # per row away from the photo's natural height
PHOTO_TOP_COST = 2.0       # the picture above the headline (Planner.photo_tops): only where a headline beside needs it
NARROW_COST = 2.5          # the photo narrower than its block, the text beside it (Planner._beside)
EMPTY_COST = 4.0           # per empty body line (only when no exact makeup exists)
OVER_COST = 12.0           # per body line that does not fit (elastic shapes: the page is overfull)
TIGHT_LAST = 0.34          # tightening is tried when the last line fills at most this much
MAX_LOOSE = 4              # paragraphs tried for looseness each way
# Part.free (a page of few stories, whose blocks have few heights to add up): a body may
# be set a whole row longer or shorter beyond the next full column (up to FREE_LOOSE
# paragraphs each way), 变栏 is always offered (at any span), and a headline may gain FREE_AIR rows
FREE_LOOSE = 8
FREE_AIR = 3
VARY_COST = 1.5            # 变栏: one body column fewer than the span
SHORT_COLUMN_COST = 3.0    # per row a body column is shorter than MIN_BODY_ROWS
AUTO_JUMP_COST = 6.0       # a story jumped only because it may be (may_continue): rather not
JUMP_COST = 0.02           # per line sent on to the continuation
# a lesser story's head block on fewer rows (Planner.lesser_heads), only where it saves a row
TIGHT_HEAD_COST = 2.0      # no half row of padding around the headline lines (air -1)
SMALLER_HEAD_COST = 2.0    # the 主题 a size step smaller
SIZE_STEP = 2.0            # pt


@dataclass(frozen=True)
class Part:
    """What is planned: an article, or the rest of it on a later page (转版)."""
    article: object
    start: Resume | None = None   # where a continuation picks up
    jump_from: int = 0            # 上接N版
    jump_to: int = 0              # 下转N版 (the first part of a jumped article)
    short: str = ""               # a continuation's short headline
    headline_size: float = 0.0    # the size planned for the 主题 (0 = article's/style's)
    may_jump: bool = False        # jump_to is a choice (may_continue): whole here, or jumped
    lesser: bool = False          # not the lead: its head block may be smaller (Planner.lesser_heads)
    free: bool = False            # a page of few stories: more ways to a height (FREE_LOOSE, 变栏, FREE_AIR)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def boxed(self) -> bool:
        return self.article.boxed and self.start is None


@dataclass(frozen=True)
class Head:
    """A head block a shape may have: the 主题's set lines, its rows, the size it is set in
    (and the size asked for), rows of air (-1: tight), its cost and the most air it may gain."""
    lines: tuple[str, ...]
    rows: int
    set_size: float
    size: float
    air: int = 0
    cost: float = 0.0
    most_air: int = MAX_AIR


class Planner:
    def __init__(self, ts: Typesetter, grid: PageGrid):
        self.ts = ts.quiet()
        self.grid = grid
        self._memo: dict = {}

    # ---- measurements
    def inner_width(self, part: Part, span: int) -> float:
        w = self.grid.span_width(span)
        if part.boxed:
            w -= 2 * self.ts.size(body_role(part.article)) * 0.75
        return w

    def headline(self, part: Part, width: float, size: float) -> tuple[tuple[str, ...], int, float] | None:
        """(set lines, rows, 主题 size as set) of the headline block at this width, or None
        when it cannot be set there (a line too wide even at its smallest size, in one
        line or two)."""
        key = ("head", part.id, part.short, width, size)
        if key in self._memo:
            return self._memo[key]
        art = part.article
        found = self._headline_set(part, tuple(art.headline), width, size)
        if found is None and len(art.headline) == 1 and not part.short:
            # two lines where one does not fit: the least shrunk of the good breaks, best first
            for lines in two_line_breaks(art.headline[0]):
                two = self._headline_set(part, lines, width, size)
                if two is not None and (found is None or two[2] > found[2] + 0.01):
                    found = two
        self._memo[key] = found
        return found

    def _headline_set(self, part: Part, lines: tuple[str, ...], width: float, size: float):
        """(lines, rows, set size) of the headline block set in these lines, or None when a
        line is too wide even at its smallest size."""
        ts = self.ts.quiet()
        shape = Shape(span=0, rows=0, headline_size=size, headline_lines=lines)
        rows = headline_rows(ts, self.grid, part.article, Rect(0, 0, width, 0), short=part.short, shape=shape)
        if any(d.code == "headline-too-wide" for d in ts.diagnostics):
            return None
        return lines, rows, self._set_size(part, lines, width, size)

    def _set_size(self, part: Part, lines: tuple[str, ...], width: float, size: float) -> float:
        """The 主题's size once shrunk to fit the width (as headline_items sets it)."""
        from layout.compose.model import Span
        from layout.makeup.blocks import headline_role

        role = headline_role(part.article)
        st = self.ts.paper.styles[role]
        size = size or part.article.headline_size or st.size_pt
        out = size
        for text in lines:
            w = self.ts.width([Span(self.ts.text(text), self.ts.char_style(role, size))])
            if w > width and st.min_size_pt:
                out = min(out, max(st.min_size_pt, size * width / w))
        return out

    def paragraphs(self, part: Part, measure: float, want: int = MAX_LOOSE,
                   want_tight: int | None = None) -> tuple[int, int, tuple, tuple]:
        """(body lines, paragraphs, loosenable, tightenable): the body's line count at this
        measure and which paragraphs can be set a line longer or shorter, the longest
        first; paragraphs are tried only until `want` are found each way (looseness is
        the costly part of planning, and whole columns never need more)."""
        key = ("body", part.id, part.start, measure)
        state = self._memo.get(key)
        art = part.article
        npar = len(art.paragraphs)
        if state is None:
            counts, last = self._body_sizes(part, measure)
            order = [] if art.kind == "verse" else \
                sorted((p for p in counts if p < npar), key=lambda p: (-counts[p], p))
            # a line shorter only when the last line is short enough to squeeze back
            short = {p for p in order if counts[p] >= 2 and last[p] <= TIGHT_LAST * measure}
            state = self._memo[key] = {"n": sum(counts.values()), "counts": counts, 1: ([], list(order)),
                                       -1: ([], [p for p in order if p in short])}
        wants = {1: want, -1: want if want_tight is None else want_tight}
        for delta in (1, -1):
            found, todo = state[delta]
            while len(found) < wants[delta] and todo:
                p = todo.pop(0)
                if paragraph_size(self.ts, art, p, measure, part.start, delta)[0] == state["counts"][p] + delta:
                    found.append(p)
        return state["n"], npar, tuple(state[1][0][:wants[1]]), tuple(state[-1][0][:wants[-1]])

    def _body_sizes(self, part: Part, measure: float) -> tuple[dict[int, int], dict[int, float]]:
        """Body lines per paragraph at this measure (the author's line under len(paragraphs))
        and the width of each one's last line, as body_lines sets them (lines not built but
        for stanzas and index entries)."""
        art = part.article
        counts: dict[int, int] = {}
        last: dict[int, float] = {}
        if art.kind in ("verse", "index"):
            for bl in body_lines(self.ts, art, measure, part.start):
                counts[bl.paragraph] = counts.get(bl.paragraph, 0) + 1
                last[bl.paragraph] = bl.line.width
            return counts, last
        npar = len(art.paragraphs)
        for pi in range(part.start.paragraph if part.start else 0, npar):
            n, width = paragraph_size(self.ts, art, pi, measure, part.start)
            if n:
                counts[pi], last[pi] = n, width
        if art.author and (part.start is None or part.start.paragraph <= npar):
            counts[npar] = 1
        return counts, last

    # ---- the menu
    def fits(self, part: Part, span: int) -> bool:
        """The part can be set at this span at all (its box and headline fit): cheap."""
        width = self.inner_width(part, span)
        if width <= 0 or (part.boxed and span > max(2, self.grid.columns // 2)):
            return False
        art = part.article
        if not (art.headline or art.kicker or art.subhead or part.short):
            return True
        return self.headline(part, width, part.headline_size) is not None

    def menu(self, part: Part, span: int, max_rows: int, exact: bool = True) -> dict[int, Shape]:
        """Height in rows -> the cheapest shape of that height at this span: exact ones fill
        every body line; with exact=False the last body column may end short (at a cost)."""
        key = ("menu", part, span, max_rows, exact)
        if key in self._memo:
            return self._memo[key]
        out: dict[int, Shape] = {}
        frame = self._frame(part, span)
        if frame is not None:
            lines, head_rows, set_size, fixed, photo_opts, width = frame
            if not self.narrow_only(part, width):
                body_opts = self._body_options(part, span, width, exact)
                heads = self._heads(part, width, lines, head_rows, set_size)
                self._shapes(out, part, span, max_rows, fixed, photo_opts, body_opts, heads)
            self._beside(out, part, span, max_rows, frame, exact)
        self._memo[key] = out
        return out

    def elastic(self, part: Part, span: int, max_rows: int) -> dict[int, Shape]:
        """For a page with no exact makeup: every height from the part's floor (headline,
        smallest photo, MIN_BODY_ROWS of body) up to max_rows, the exact and near-exact
        shapes where there are some, else the natural setting with its body cut short
        (OVER_COST per body line that does not fit, shape.over) or ending early (EMPTY_COST
        per empty body line)."""
        key = ("elastic", part, span, max_rows)
        if key in self._memo:
            return self._memo[key]
        out = dict(self.menu(part, span, max_rows, exact=False))
        frame = self._frame(part, span)
        art = part.article
        if frame is not None and self.narrow_only(part, frame[-1]):
            self._beside(out, part, span, max_rows, frame, None)
        elif frame is not None and (art.paragraphs or art.author) and not part.jump_to:
            lines, head_rows, set_size, fixed, photo_opts, width = frame
            cols = body_column_count(self.grid, art, width)
            measure = columns_of(self.grid, Rect(0, 0, width, 0), cols, self.ts.size(body_role(art)))[0][1]
            n = self.paragraphs(part, measure, 0)[0]
            least = min(MIN_BODY_ROWS, -(-n // cols))
            body = []
            for brows in range(least, max_rows + 1):
                cap = brows * cols
                over, empty = max(0, n - cap), max(0, cap - n)
                body.append((brows, 0, (), OVER_COST * over + EMPTY_COST * empty, False, over))
            self._shapes(out, part, span, max_rows, fixed, photo_opts, body,
                         self._heads(part, width, lines, head_rows, set_size), compete=True)
        self._memo[key] = out
        return out

    def photo_tops(self, part: Part, span: int, menu: dict[int, Shape]) -> dict[int, Shape]:
        """Height -> the menu's shape with the picture across the block, the picture and its
        caption moved above the headline (图在题上: the block opens with a picture, so a
        neighbour's headline may stand beside it), at PHOTO_TOP_COST more; the same rows."""
        art = part.article
        if not (art.photo and part.start is None) or is_vertical(self.ts.paper, art, part.start, part.short):
            return {}
        key = ("caption", part.id, span)
        if key not in self._memo:
            self._memo[key] = len(caption_lines(self.ts, art, self.inner_width(part, span)))
        cap = self._memo[key]
        return {h: replace(sh, photo_top=True, caption_rows=cap, cost=sh.cost + PHOTO_TOP_COST)
                for h, sh in menu.items() if sh.photo_rows and not sh.photo_cols}

    def _frame(self, part: Part, span: int):
        """(headline lines, the rows its headline stands in (碰题 is judged on them), set size,
        fixed rows, photo options, width) of the part at this span, or None when it cannot be set there (a box too wide, a headline
        too wide)."""
        art = part.article
        grid = self.grid
        width = self.inner_width(part, span)
        if width <= 0 or (part.boxed and span > max(2, self.grid.columns // 2)):   # a box stays narrow
            return None
        size = part.headline_size
        head = self.headline(part, width, size) if (art.headline or art.kicker or art.subhead or part.short) \
            else ((), 0, 0.0)
        if head is None:
            return None
        lines, head_rows, set_size = head
        band = head_rows              # the rows a headline stands in (碰题 is judged on them)
        if is_vertical(self.ts.paper, art, part.start, part.short):      # 竖排题: no rows on top, a strip of the width
            width -= strip_width(self.ts, art)
            band = grid.rows_for(strip_length(self.ts, art))
            lines, head_rows = (), 0
        fixed = (2 if part.boxed else 0) + head_rows + (1 if part.jump_from else 0)
        photo_opts = [(0, 0, 0.0)]
        if art.photo and part.start is None:
            nat = natural_photo_rows(grid, art, width)
            cap = len(caption_lines(self.ts, art, width))
            if art.photo.rows:
                photo_opts = [(nat, cap, 0.0)]
            else:
                lo = max(4, round(nat * (1 - PHOTO_TOLERANCE)))
                hi = max(lo, round(nat * (1 + PHOTO_TOLERANCE)))
                photo_opts = [(r, cap, PHOTO_COST * abs(r - nat)) for r in range(lo, hi + 1)]
        return lines, band, set_size, fixed, photo_opts, width

    def _heads(self, part: Part, width: float, lines, head_rows: int, set_size: float) -> list[Head]:
        """The head blocks a shape may have: the planned one, then a lesser story's on fewer
        rows (lesser_heads)."""
        plain = [Head(lines, head_rows, set_size, part.headline_size, most_air=FREE_AIR if part.free else MAX_AIR)]
        if not part.lesser or not lines or part.short:
            return plain
        return plain + self.lesser_heads(part, width, head_rows)

    def lesser_heads(self, part: Part, width: float, head_rows: int) -> list[Head]:
        """A lesser story's head block on fewer rows than head_rows, the cheapest for each
        count of rows: tight (no half row of padding: air -1) and its 主题 a size step
        smaller (never below the style's smallest), each at a cost; no air on top."""
        key = ("lesser", part.id, part.headline_size, width, head_rows)
        if key in self._memo:
            return self._memo[key]
        from layout.makeup.blocks import headline_role

        st = self.ts.paper.styles[headline_role(part.article)]
        size = part.headline_size or part.article.headline_size or st.size_pt
        sizes = [(size, 0.0)]
        if size - SIZE_STEP >= (st.min_size_pt or size) - 0.01:
            sizes.append((size - SIZE_STEP, SMALLER_HEAD_COST))
        best: dict[int, Head] = {}
        for sz, scost in sizes:
            head = self.headline(part, width, sz)
            if head is None:
                continue
            lines, rows, set_size = head
            for air, acost in ((0, 0.0), (-1, TIGHT_HEAD_COST)):
                if air:
                    rows = self._head_rows(part, lines, width, sz, air)
                cost = scost + acost
                if rows < head_rows and (rows not in best or cost < best[rows].cost):
                    best[rows] = Head(lines, rows, set_size, sz, air, cost, most_air=0)
        out = self._memo[key] = [best[r] for r in sorted(best)]
        return out

    def _head_rows(self, part: Part, lines: tuple[str, ...], width: float, size: float, air: int) -> int:
        shape = Shape(span=0, rows=0, headline_size=size, headline_lines=lines, air=air)
        return headline_rows(self.ts.quiet(), self.grid, part.article, Rect(0, 0, width, 0), shape=shape)

    def _shapes(self, out, part, span, max_rows, fixed, photo_opts, body_opts, heads, compete=False):
        """The cheapest shape of each height from these headline, photo and body options
        (fixed counts the first head block's rows); a lesser head (heads[1:]) only for a
        height the first one reaches in no way, unless `compete` (elastic shapes: a lesser
        head leaves the body more lines)."""
        art = part.article
        taken: set[int] = set()
        for k, head in enumerate(heads):
            if k == 1 and not compete:
                taken = set(out)
            base = fixed - heads[0].rows + head.rows
            for air in range(head.most_air + 1):
                for prow, cap, pcost in photo_opts:
                    for brows, cols, loose, bcost, jump, *over in body_opts:
                        rows = base + air + prow + cap + brows
                        if rows > max_rows or rows in taken:
                            continue
                        cost = AIR_COST[air] + head.cost + pcost + bcost
                        have = out.get(rows)
                        if have is None or cost < have.cost:
                            out[rows] = Shape(span=span, rows=rows, body_cols=cols, headline_size=head.size,
                                              jump=jump, air=head.air + air, photo_rows=prow, looseness=loose,
                                              headline_lines=head.lines if head.lines != tuple(art.headline) else (),
                                              body_rows=brows, head_rows=head.rows + air, cost=cost,
                                              set_size=head.set_size, over=over[0] if over else 0)

    def _beside(self, out, part, span, max_rows, frame, exact: bool | None) -> None:
        """Shapes with the photo k of the body's n columns wide at the top of the body, at its
        right (or its left: photo side), k < n, its caption under it at its width, the text
        beside it from the top and under it: every body column full (exact); for a photo the
        editor gave a span also the last ones short by fewer lines than there are columns
        (exact=False) and (exact=None, the fallback's elastic shapes) any height, the body
        cut short or ending early at OVER_COST / EMPTY_COST a line (without a span, the
        photo across stands for those: more heights there only slow the fallback's search
        down, seed 29 1.8 -> 1.5 s CPU, for no page more exactly full). No column under the
        picture of fewer than MIN_BODY_ROWS lines (or none). At NARROW_COST more than the
        same height with the photo across the block; photo: {span: K} gives k."""
        art = part.article
        hint = art.photo.span if art.photo else 0
        if not (art.photo and part.start is None and not part.jump_to and (hint or not art.photo.rows)
                and art.paragraphs and art.kind not in ("verse", "index")) or (exact is not True and not hint):
            return
        lines, head_rows, set_size, fixed, _, width = frame
        default = body_column_count(self.grid, art, width)
        size = self.ts.size(body_role(art))
        counts = [(default, 0.0)]
        if default in (3, 4) and not art.body_columns and not hint and exact is not None:
            counts.append((default - 1, VARY_COST))      # 变栏 beside the photo too
        for n, vary in counts:
            if n < 2:
                continue
            measure = columns_of(self.grid, Rect(0, 0, width, 0), n, size)[0][1]
            want = min(MAX_LOOSE, n - 1) if exact is not None else 0
            count, npar, loose, tight = self.paragraphs(part, measure, want, want)
            for k, lo, hi, nat, cap in self._narrow_photos(part, width, n, size):
                for prow in range(lo, hi + 1):
                    high = prow + cap
                    pcost = NARROW_COST + vary + PHOTO_COST * abs(prow - nat)
                    for brows, plan, bcost, over in self._beside_bodies(count, npar, loose, tight, n, k * high,
                                                                         exact, max_rows - fixed):
                        under = brows - high
                        if under < 0 or 0 < under < MIN_BODY_ROWS or brows < MIN_BODY_ROWS:
                            continue
                        for air in range(MAX_AIR + 1):
                            rows, cost = fixed + air + brows, pcost + bcost + AIR_COST[air]
                            have = out.get(rows)
                            if rows > max_rows or (have is not None and have.cost <= cost):
                                continue
                            out[rows] = Shape(span=span, rows=rows, body_cols=n, headline_size=part.headline_size,
                                              headline_lines=lines if lines != tuple(art.headline) else (),
                                              air=air, photo_rows=prow, photo_cols=k, caption_rows=cap,
                                              photo_left=art.photo.side == "left", looseness=plan,
                                              body_rows=brows, head_rows=head_rows + air, cost=cost,
                                              set_size=set_size, over=over)

    @staticmethod
    def _beside_bodies(count, npar, loose, tight, n, photo_slots, exact, most):
        """(body rows, looseness, cost, lines over) of a body of `count` lines (paragraphs of
        `loose` / `tight` a line longer or shorter) in n columns, photo_slots of them taken
        by the picture and its caption."""
        if exact is None:
            for brows in range(MIN_BODY_ROWS, most + 1):
                cap = brows * n - photo_slots
                yield brows, (), OVER_COST * max(0, count - cap) + EMPTY_COST * max(0, cap - count), max(0, count - cap)
            return
        for delta in range(-len(tight), len(loose) + 1):
            slots = count + delta + photo_slots
            empty = (-slots) % n
            if empty and exact:
                continue
            plan = [0] * npar
            for p in (loose[:delta] if delta > 0 else tight[:-delta]):
                plan[p] = 1 if delta > 0 else -1
            cost = LOOSE_COST * max(0, delta) + TIGHT_COST * max(0, -delta) + EMPTY_COST * empty
            yield (slots + empty) // n, tuple(plan) if delta else (), cost, 0

    def narrow_only(self, part: Part, width: float) -> bool:
        """The editor gave the photo a span narrower than the block's body (photo: {span: K}):
        no shape with the photo across the block."""
        art = part.article
        return bool(art.photo and art.photo.span and part.start is None and not part.jump_to
                    and art.paragraphs and art.kind not in ("verse", "index")
                    and art.photo.span < body_column_count(self.grid, art, width))

    def _narrow_photos(self, part: Part, width: float, n: int, size: float) -> list[tuple]:
        """(k, least rows, most rows, natural rows, caption lines) of the photo k of n body
        columns wide, for each k < n at which it stands at least 3 rows high within
        PHOTO_TOLERANCE of its aspect (k and the rows as the editor gave them, if given)."""
        key = ("narrow", part.id, width, n)
        if key not in self._memo:
            art = part.article
            iw, ih = photo_size(art.photo.file)
            found = []
            for k in ([art.photo.span] if art.photo.span else range(1, n)):
                if k >= n:
                    continue
                w = photo_width(self.grid, width, n, k, size)
                nat = w * ih / iw / self.grid.pitch
                lo, hi = math.ceil(nat * (1 - PHOTO_TOLERANCE)), math.floor(nat * (1 + PHOTO_TOLERANCE))
                if art.photo.rows:
                    lo = hi = nat = art.photo.rows
                if lo >= 3 and lo <= hi:
                    found.append((k, lo, hi, round(nat), len(caption_lines(self.ts, art, w))))
            self._memo[key] = found
        return self._memo[key]

    def _body_options(self, part: Part, span: int, width: float,
                      exact: bool = True) -> list[tuple[int, int, tuple, float]]:
        """(body rows, body columns, looseness, cost) that fill every body column exactly
        (or, not exact, with the last column short by fewer lines than there are columns)."""
        art = part.article
        if not art.paragraphs and not art.author and not art.entries:     # (a 导读's entries are its body)
            return [(0, 0, (), 0.0, False)]
        default = body_column_count(self.grid, art, width)
        out = self._fills(part, width, default, exact)
        if (default in (3, 4) and len(out) < 2 or part.free and default >= 2) and not art.body_columns \
                and not part.jump_to:
            # 变栏: fewer, wider body columns, when the grid's own give too few exact fills (a free
            # part: always, at any span: a column's gutter more of text a row shrinks a long story)
            out += [(b, default - 1, plan, cost + VARY_COST, jump)
                    for b, _, plan, cost, jump in self._fills(part, width, default - 1, exact)]
        return out

    def _fills(self, part: Part, width: float, cols: int, exact: bool):
        art = part.article
        measure = columns_of(self.grid, Rect(0, 0, width, 0), cols, self.ts.size(body_role(art)))[0][1]
        if part.jump_to and not part.may_jump:        # the line count is all a jumped part needs
            n, npar, loose, tight = self.paragraphs(part, measure, 0)
        else:
            # only as many as whole columns need: up to the next multiple of cols, or down to it
            n = self.paragraphs(part, measure, 0)[0]
            up, down = ((-n) % cols or (1 if cols == 1 else 0)), (n % cols or (1 if cols == 1 else 0))
            cap = MAX_LOOSE
            if part.free:       # a row further each way
                up, down, cap = up + cols, down + cols, FREE_LOOSE
            n, npar, loose, tight = self.paragraphs(part, measure, min(cap, up), min(cap, down))
        out = []
        if part.jump_to:        # 转版: any full height here, the rest goes on (下转: one line kept for it)
            most = -(-(n + 1) // cols) - 1
            extra = AUTO_JUMP_COST if part.may_jump else 0.0
            out = [(b, 0, (), extra + JUMP_COST * (n + 1 - b * cols), True)
                   for b in range(MIN_BODY_ROWS, most + 1)]
            if not part.may_jump:
                return out
        for delta in range(-len(tight), len(loose) + 1):
            total = n + delta
            empty = (-total) % cols
            if total <= 0 or (empty and exact):
                continue
            brows = (total + empty) // cols
            short_cols = MIN_BODY_ROWS - brows if cols > 1 and brows < MIN_BODY_ROWS else 0
            plan = [0] * npar
            if delta > 0:
                for p in loose[:delta]:
                    plan[p] = 1
            for p in tight[:max(0, -delta)]:
                plan[p] = -1
            cost = (LOOSE_COST * max(0, delta) + TIGHT_COST * max(0, -delta) + EMPTY_COST * empty
                    + SHORT_COLUMN_COST * short_cols)
            out.append((brows, 0, tuple(plan) if delta else (), cost, False))
        return out

