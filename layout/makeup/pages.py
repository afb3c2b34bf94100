"""Page makeup: furniture, article blocks on the grid, continuations, the copyfit report."""
from __future__ import annotations

from layout.base.diagnostics import error, warning
from layout.makeup.adblock import ad_items
from layout.makeup.blocks import layout_article
from layout.makeup.index import with_index
from layout.makeup.furniture import folio, furniture_rows, masthead
from layout.makeup.grid import PageGrid, make_grid
from layout.makeup.model import BlockFrame, CopyfitEntry, EditionLayout, PageFill, PageLayout, PlacedBlock, Rect
from layout.makeup.normalised import normalisation_notes
from layout.makeup.styles import Typesetter
from layout.makeup.auto import (Steps, briefs_apart, fallback, fixed_block, free_lines, no_fit, pressed,
                                 rank_headline_sizes, short_page, solve)
from layout.makeup.lead_bound import lead_smaller
from layout.makeup.plan import Part, Planner
from layout.edition.model import Continuation, Placement
from dataclasses import replace

MIN_PPI = 150          # as preflight's image-resolution (layout.preflight.rules.MIN_IMAGE_PPI)
BLOCK_KINDS = ("article", "continuation", "ad", "index")     # frames that fill the grid


def foot_ads(articles, rows: int):
    """The page's articles with each ad given its place (one without `place:` at the foot of
    the page, from column 1); an ad whose file was refused is left out (its error stands)."""
    for art in articles:
        if art.kind != "ad":
            yield art
        elif art.ad is not None:
            yield art if art.place else replace(art, place=foot_place(art.ad, rows))


def foot_place(ad, rows: int) -> Placement:
    return Placement(column=1, span=ad.span, row=max(1, rows - ad.rows + 1), rows=ad.rows, pos=ad.pos)


def make_up(edition, metrics, only: set[int] | None = None,
            variant: tuple[int, int] | None = None) -> EditionLayout:
    """Lay out the edition's pages. `only` limits the pages kept in the result (a preview);
    earlier pages are still made up when a kept page continues one of their articles.
    variant (page, k): page's automatic makeup is its k-th best other arrangement."""
    edition = with_index(edition)        # the 导读's lines, from where the stories are now
    ts = Typesetter(edition.paper, metrics)
    grid = make_grid(edition.paper)
    needed = _pages_needed(edition, only)
    resumes: dict = {}
    carried: dict[int, list] = {}      # page -> articles continued there automatically (may_continue)
    pages = []
    copyfit = []
    fill = []
    for page in edition.pages:
        if page.number not in needed:
            continue
        k = variant[1] if variant and variant[0] == page.number else 0
        pl, cf = _make_page(ts, grid, edition, page, resumes, carried, k)
        if only is None or page.number in only:
            pages.append(pl)
            copyfit += cf
            fill.append(_fill(grid, pl, cf))
    ts.diagnostics.extend(normalisation_notes(edition, needed if only is None else set(only)))
    d = edition.date.isoformat()
    return EditionLayout(paper_name=edition.paper.name, paper_slug=edition.paper.slug, date_iso=d,
                         title=f"{edition.paper.name} {d}", bleed_pt=edition.paper.bleed_mm * 72 / 25.4,
                         pages=tuple(pages), colors=dict(edition.paper.colors),
                         copyfit=tuple(copyfit), diagnostics=tuple(ts.diagnostics), fill=tuple(fill))


def _fill(grid: PageGrid, page: PageLayout, copyfit) -> PageFill:
    """Empty body-line slots of a page: grid cells outside every block, and short lines inside."""
    furniture = [f for f in page.frames if f.kind in ("masthead", "folio")]
    top = max((f.rect.bottom for f in furniture), default=grid.area.y)
    rows = round((grid.area.bottom - top) / grid.pitch)
    covered = 0
    for f in page.frames:
        if f.kind in BLOCK_KINDS:
            span = round((f.rect.w + grid.gutter) / (grid.col_width + grid.gutter))
            covered += span * round(f.rect.h / grid.pitch)
    total = rows * grid.columns
    return PageFill(page.number, total, max(0, total - covered), sum(e.short_lines for e in copyfit))


def _pages_needed(edition, only):
    if only is None or any(a.may_continue for p in edition.pages for a in p.articles):
        return {p.number for p in edition.pages}     # a 转版 made automatically can reach any later page
    need = set(only)
    changed = True
    while changed:   # a continuation needs the page its article starts on
        changed = False
        for page in edition.pages:
            if page.number in need:
                for c in page.continuations:
                    for p in edition.pages:
                        if any(a.id == c.article_id for a in p.articles) and p.number not in need:
                            need.add(p.number)
                            changed = True
    return need


def _make_page(ts, grid, edition, page, resumes, carried, variant=0):
    items: list = []
    frames: list = []
    if page.number == 1:
        fi, band = masthead(ts, grid, edition)
        offset = edition.paper.masthead.rows
        frames.append(BlockFrame("masthead", band, "masthead"))
    else:
        fi, offset = folio(ts, grid, edition, page)
        frames.append(BlockFrame("folio", Rect(grid.area.x, grid.area.y, grid.area.w, offset * grid.pitch), "folio"))
    items += fi
    rows_avail = grid.rows - offset
    page = replace(page, articles=tuple(foot_ads(page.articles, rows_avail)))
    copyfit = []
    placed = []
    planner = Planner(ts, grid)
    hand = [(a, a.place, None) for a in page.articles if a.place] + \
           [(edition.article(c.article_id), c.place, c) for c in page.continuations if c.place]
    # rows held per column: hand-placed blocks first, so blocks sized from content flow around them
    taken: dict[int, list[tuple[int, int]]] = {c: [] for c in range(1, grid.columns + 1)}
    for _, place, _ in hand:
        if place.rows:
            for c in _columns(grid, place):
                taken[c].append((place.row, place.row + place.rows - 1))
    blocks = []        # (article, Placement, continuation, shape)
    for art, place, cont in hand:
        if art is None:
            continue
        if place.column + place.span - 1 > grid.columns or place.row < 1:
            ts.diagnostics.append(error("outside-grid", place.pos, article=art.id, columns=grid.columns))
            continue
        kwargs = _part_kwargs(ts, edition, page, art, cont, resumes)
        if kwargs is None:
            continue
        if place.rows == 0:   # sized from content: measure (quietly), then the first gap that holds it
            trial = layout_article(ts.quiet(), grid, art, grid.cell(place.column, place.span, offset + 1,
                                                                    rows_avail), **kwargs)
            rows = max(1, trial.rows_used)
            cols = _columns(grid, place)
            row = _first_gap(taken, cols, place.row, rows, rows_avail)
            for c in cols:
                taken[c].append((row, row + rows - 1))
            place = replace(place, row=row, rows=rows)
        blocks.append((art, place, cont, _fitted(planner, art, place, kwargs, rows_avail), kwargs))
    blocks = _pictures_up(planner, grid, blocks)
    auto = _automatic(ts, planner, edition, page, rows_avail, [(a, p) for a, p, _, _, _ in blocks], resumes,
                      carried.get(page.number, ()), variant)
    automatic = {(a.id, c is not None) for a, _, c, _, _ in auto}
    # drawn in the edition's order (articles, then continuations), however they were placed
    order = {(a.id, False): i for i, a in enumerate(page.articles)}
    order.update({(c.article_id, True): len(order) + i for i, c in enumerate(page.continuations)})
    blocks = sorted(blocks + auto, key=lambda b: order.get((b[0].id, b[2] is not None), len(order)))
    for art, place, cont, shape, kwargs in blocks:
        row, rows = place.row, place.rows
        if row + rows - 1 > rows_avail:
            ts.diagnostics.append(error("below-page", place.pos, article=art.id, first=row,
                                        last=row + rows - 1, page=page.number, lines=rows_avail))
            rows = max(1, rows_avail - row + 1)
        rect = grid.cell(place.column, place.span, offset + row, rows)
        if art.kind == "ad":
            items += ad_items(ts, grid, art, rect)
            frames.append(BlockFrame(art.id, rect, "ad"))
            placed.append(PlacedBlock(page.number, art.id, False, place.column, place.span, row, rows,
                                      0.0, 0, False))
            continue
        res = layout_article(ts, grid, art, rect, shape=shape, **kwargs)
        items += res.items
        if res.resume is not None and cont is None and kwargs.get("jump_to"):
            resumes[art.id] = res.resume
            if not art.continues_on:         # 转版 made here: the next page takes the rest
                carried.setdefault(kwargs["jump_to"], []).append(art)
        if res.photo_ppi and res.photo_ppi < MIN_PPI:     # the build's preflight refuses it
            ts.diagnostics.append(error("low-resolution", art.photo.pos, article=art.id,
                                        ppi=res.photo_ppi, min_ppi=MIN_PPI))
        if res.overflow_chars:
            ts.diagnostics.append(warning("overflow", place.pos, article=art.id, chars=res.overflow_chars,
                                          lines=res.lines_needed - res.lines_set, page=page.number))
        short = 0 if res.resume is not None else res.lines_available - res.lines_set
        kind = "continuation" if cont is not None else ("index" if art.kind == "index" else "article")
        frames.append(BlockFrame(art.id, rect, kind, res.lines_needed, res.lines_available, res.overflow_chars))
        placed.append(PlacedBlock(page.number, art.id, cont is not None, place.column, place.span, row, rows,
                                  (shape.headline_size if shape else 0.0) or art.headline_size,
                                  shape.body_cols if shape else 0, (art.id, cont is not None) in automatic))
        copyfit.append(CopyfitEntry(art.id, page.number, res.lines_needed, res.lines_available,
                                    res.overflow_chars, short, res.chars_per_line))
    layout = PageLayout(page.number, grid.width, grid.height, tuple(items), tuple(frames), grid.area,
                        tuple(placed))
    return layout, copyfit


def _fitted(planner, art, place, kwargs, rows_avail):
    """The shape of a hand placement with fit: true: the one automatic makeup gives that
    article at that span and height (so `place --write` reproduces an automatic layout)."""
    if not place.fit or not place.rows:
        return None
    part = Part(art, start=kwargs.get("start"), jump_from=kwargs.get("jump_from", 0),
                jump_to=kwargs.get("jump_to", 0), short=kwargs.get("short_headline", ""),
                headline_size=art.headline_size)
    # a page under pressure may have given a lesser head (Part.lesser: only where the plain menu has no
    # height), a page of few stories a freer shape (Part.free)
    tried = [part, replace(part, lesser=True), replace(part, free=True), replace(part, lesser=True, free=True)]
    for exact in (True, False):
        for cand in tried:
            shape = planner.menu(cand, place.span, rows_avail, exact).get(place.rows)
            if shape is not None:
                return shape
    return None


def _pictures_up(planner, grid, blocks):
    """Hand placements with fit: true whose headline would stand beside another block's
    headline (碰题) take their shape with the picture above the headline, as automatic
    makeup gives it only there (Planner.photo_tops), so `place --write` finds it again."""
    heads = [_head_band(planner, grid, art, place, shape) for art, place, _, shape, _ in blocks]
    out = list(blocks)
    for i, (art, place, cont, shape, kwargs) in enumerate(blocks):
        if not place.fit or shape is None or cont is not None or heads[i] is None:
            continue
        up = planner.photo_tops(Part(art), place.span, {place.rows: shape}).get(place.rows)
        if up is not None and any(h is not None and j != i and _meet(heads[i], h) for j, h in enumerate(heads)):
            out[i] = (art, place, cont, up, kwargs)
            heads[i] = (place.column, place.span, place.row + up.head_top, up.head_rows)
    return out


def _head_band(planner, grid, art, place, shape):
    """(column, span, first row, rows) of a hand placement's headline, None for a box (it
    separates) or a block without one."""
    if art.boxed or art.kind == "ad":
        return None
    rows = shape.head_rows if shape is not None else fixed_block(planner, grid, art, place).head_rows
    top = shape.head_top if shape is not None else 0
    return (place.column, place.span, place.row + top, rows) if rows else None


def _meet(a, b) -> bool:
    """Two headline bands side by side (adjacent columns) on overlapping rows."""
    (ac, aw, ar, an), (bc, bw, br, bn) = a, b
    return (ac + aw == bc or bc + bw == ac) and ar < br + bn and br < ar + an


def _part_kwargs(ts, edition, page, art, cont, resumes) -> dict | None:
    """How an article part is set: a continuation picks up where its first part stopped
    (None when nothing is left for it), a first part with a jump ends with 下转N版."""
    if cont is not None:
        start = resumes.get(art.id)
        origin = _origin_page(edition, art.id)
        if start is None:
            ts.diagnostics.append(warning("empty-continuation", cont.pos, article=art.id, origin=origin,
                                          page=page.number))
            return None
        return dict(start=start, jump_from=origin, short_headline=cont.headline)
    if art.continues_on:
        return dict(jump_to=art.continues_on)
    return {}


def _automatic(ts, planner, edition, page, rows_avail, hand, resumes, carried=(), variant=0) -> list:
    """Blocks for the parts without a place (automatic makeup), around the hand-placed ones;
    `carried`: articles whose rest this page takes (转版 made on the page before)."""
    made = [Continuation(article_id=a.id, headline=a.headline[0] if a.headline else a.id, pos=a.pos)
            for a in carried]
    conts = list(page.continuations) + made
    wanted = [(a, None) for a in page.articles if not a.place] + \
             [(edition.article(c.article_id), c) for c in conts if not c.place]
    last_page = max(p.number for p in edition.pages)
    parts = []
    for art, cont in wanted:
        if art is None:
            continue
        kwargs = _part_kwargs(ts, edition, page, art, cont, resumes)
        if kwargs is None:
            continue
        part = Part(art, start=kwargs.get("start"), jump_from=kwargs.get("jump_from", 0),
                    jump_to=kwargs.get("jump_to", 0), short=kwargs.get("short_headline", ""))
        if cont is None and art.may_continue and not art.continues_on and page.number < last_page:
            part = Part(art, jump_to=page.number + 1, may_jump=True)
        parts.append(part)
    if not parts:
        return []
    grid = planner.grid
    parts = rank_headline_sizes(ts.paper, parts)
    fixed = [fixed_block(planner, grid, art, place) for art, place in hand]
    steps = Steps()         # the page's search budget, solve's and the fallback's
    solution = solve(planner, parts, grid.columns, rows_avail, fixed, variant, steps)
    if solution is not None:
        blocks = solution.blocks
        ts.diagnostics.extend(short_page(planner, parts, grid, blocks, page.number))
        ts.diagnostics.extend(lead_smaller(planner, parts, grid.columns, rows_avail, blocks, page.number,
                                           solution.lead_why))
    else:       # say why, and still set every story (nothing is ever dropped)
        parts, blocks = fallback(planner, pressed(parts), grid.columns, rows_avail, fixed, steps)
        later = tuple(p.number for p in edition.pages if p.number > page.number)
        room = {p.number: free_lines(planner, p.articles, grid.rows - furniture_rows(edition.paper, grid, p.number))
                for p in edition.pages if p.number != page.number}
        ts.diagnostics.extend(no_fit(planner, parts, grid, rows_avail, blocks, page.number, later, room))
    ts.diagnostics.extend(briefs_apart(parts, blocks, page.number))
    out = []
    for b in blocks:
        place = Placement(column=b.col, span=b.span, row=b.row, rows=b.rows, pos=b.part.article.pos)
        cont = next((c for c in conts if c.article_id == b.part.id), None) \
            if b.part.start is not None or b.part.jump_from else None
        p = b.part
        jumps = p.jump_to and (not p.may_jump or (b.shape is not None and b.shape.jump))
        kwargs = (dict(start=p.start, jump_from=p.jump_from, short_headline=p.short) if cont is not None
                  else dict(jump_to=p.jump_to) if jumps else {})
        out.append((p.article, place, cont, b.shape, kwargs))
    return out


def _columns(grid: PageGrid, place) -> range:
    return range(place.column, min(grid.columns, place.column + place.span - 1) + 1)


def _first_gap(taken, cols, start: int, rows: int, last: int) -> int:
    """First row ≥ start where `rows` lines are free in all cols (else below everything)."""
    held = sorted(iv for c in cols for iv in taken[c])
    row = start
    for a, b in held:
        if b < row:
            continue
        if a > row + rows - 1:
            break
        row = b + 1
    return row


def _origin_page(edition, article_id: str) -> int:
    for p in edition.pages:
        if any(a.id == article_id for a in p.articles):
            return p.number
    return 0
