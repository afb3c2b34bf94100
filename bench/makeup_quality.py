"""Quality of automatic page makeup (issue 13, item 7): how full, how clean, how fast.

    python bench/makeup_quality.py                    # 200 generated pages + the sample without place:
    python bench/makeup_quality.py --pages 50 --seed 7
    python bench/makeup_quality.py --seed 1234 --pages 1 --verbose     # one page again, with its blocks
    python bench/makeup_quality.py --json > out.json
    python bench/makeup_quality.py --profile          # + cProfile of the slowest page
    python bench/makeup_quality.py --keep /tmp/pages  # keep the generated edition folders
    python bench/makeup_quality.py --seed 200 --pages 400 --min-stories 10   # a stress set: 10-12 stories

Page k of a run is generated from seed S + k (bench/makeup_editions.py), so any page is
reproduced by `--seed <its seed> --pages 1`. Every page is its own edition folder (the
sample paper copied beside it) read by the public loader (layout.pipeline.load) and made
up by the pipeline's make_up (only that page). The sample edition is measured with every
`place:` removed (articles and continuations), all four pages made up together.

Per page it prints: holes (PageFill.uncovered: grid line slots in no block), empty lines
(PageFill.short: 缺N行 inside blocks), overset (copyfit overflow_chars, 字), 碰题 (two
article frames side by side, x-adjacent within a gutter, whose rows overlap and whose
headline runs (text ≥ 14 pt) overlap vertically, unless one of them holds a box), whether
the lead (first article) is at the top-left of the free area, the Spearman correlation of
rank against block area (+1: the higher the rank, the larger the block), the time of the
page's makeup and the makeup's error codes (page-overfull, page-underfull, no-fit, …).

Rank against area, as a 美编 reads a page. Rank is the order of the page's `articles`
(first = 头条), counted over the automatic ones. The figure that counts (`rho`, the
summary's "rank-vs-area") is taken over the page's ranked news stories only (news, photo
stories, features): a story's area is its whole block, headline, photo and text (a photo
story's area is mostly its picture, and that is the point: a picture is the page's way of
giving a story weight). Left out, because their kinds have shapes of their own that rank
does not size: the boxed commentary (评论, a narrow box beside the lead whatever its
rank), any other box (a box stands where it separates headlines), briefs (简讯, one column
of small items at the foot) and verse; continuations (the rest of a story from another
page) are not in `articles`. The same correlation over every automatic block
(`rho_all`) is printed beside it; it used to be the headline figure, and it flattered the
makeup: the briefs are both last and smallest, so they add agreement the makeup did not
earn. Text is never cut, so a block's area is mostly its copy: where the editor gives a
lesser story more copy (the generator does, see makeup_editions), the makeup can only
outweigh it with the headline, the photo and the span. `rho_copy`, rank against the same
stories' characters, is printed as the reference: a page whose rho is below its rho_copy
lost order in the makeup; the issue's 0.9 needs copy that follows rank about as well.
`check_page` also gives the hard rules tests/makeup/test_makeup_quality.py asserts: nothing lost,
no overlapping frames, no glyph outside the type area, no 碰题.

The fill column is the copy's need by the makeup's planner (bench/makeup_editions.py,
planner_fill: 1.0 = a page's worth in the natural setting), drawn for each page uniformly
from FILL_RANGE = 0.95-1.05; the summary prints the range and the fills reached.

Benchmarks measure; nothing here fails on a figure.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import makeup_editions as gen  # noqa: E402

SAMPLE = ROOT / "editions" / "shijingshan"
PLACE = re.compile(r"^[ ]*place: \{[^\n]*\}[^\n]*(\n|$)", re.M)   # as tests/makeup/test_makeup_auto.py
CONVENTIONS = ("lead-headline", "headline-sizes", "commentary-shape", "briefs-apart")
HEAD_PT = 14.0             # text this large is headline (kicker, 主题, 副题, brief heads)
EM_TOP, EM_BOTTOM = 0.88, 0.12     # the ideographic em box around the baseline
EPS = 0.5
REPORTED = {"page-overfull", "page-underfull", "no-fit"}     # the makeup's messages for a page not full


@dataclass
class PageResult:
    name: str                  # "seed 1234" or "sample p2"
    seed: int | None
    page: int
    stories: int
    fill: float                # generated copy's need by the planner, share of the page (sample: 0)
    holes: int
    empty_lines: int
    overset: int
    clashes: list = field(default_factory=list)     # [(id, id)] 碰题
    lead_top_left: bool = True
    lead_largest: bool = True            # no block of the page larger than the lead's
    lead_why: str = ""                   # when not: "copy" (the copy rules it out), "shapes" (proved: no makeup of
                                         # the makeup's shapes has it) or "search" (none found): lead-smaller.*
    conventions: list = field(default_factory=list)  # conventions of item 3 broken (see conventions())
    spearman: float | None = None        # rank vs area over every automatic block (rho_all)
    spearman_news: float | None = None   # the same over the ranked news stories (rho: no 评论, 简讯, box, verse)
    spearman_copy: float | None = None   # rank vs characters over those stories (the copy's own order)
    seconds: float = 0.0       # wall time of the page's makeup
    cpu: float = 0.0           # its CPU time (process_time): what a shared machine cannot inflate
    codes: list = field(default_factory=list)        # error and warning codes of the makeup
    lost: list = field(default_factory=list)         # articles without a frame
    silent_overflow: bool = False                    # overset without an error diagnostic
    overlaps: list = field(default_factory=list)     # [(id, id)] frames that overlap
    outside: int = 0                                 # glyphs outside the type area
    briefs_said: bool = False                        # the makeup says why the briefs are apart (info briefs-apart)

    @property
    def exact(self) -> bool:
        return self.holes == 0 and self.empty_lines == 0 and self.overset == 0

    @property
    def hard_ok(self) -> bool:
        return not (self.lost or self.silent_overflow or self.overlaps or self.outside or self.clashes)

    def badness(self) -> float:
        """For picking the worst pages: lines not filled or overset, and 碰题."""
        return self.holes + self.empty_lines + self.overset / 12 + 20 * len(self.clashes)


# ---------------------------------------------------------------- measuring one page

def _article_frames(page):
    return [f for f in page.frames if f.kind in ("article", "continuation")]


def _inside(rect, run) -> bool:
    return rect.x - EPS <= run.x <= rect.right and rect.y <= run.baseline <= rect.bottom + EPS


def headline_extents(page) -> dict:
    """Frame id -> (top, bottom) of its headline runs, for frames that hold no box."""
    from layout.makeup.model import BoxItem, TextRun

    runs = [it for it in page.items if isinstance(it, TextRun) and it.size_pt >= HEAD_PT]
    boxes = [it for it in page.items if isinstance(it, BoxItem)]
    out = {}
    for f in _article_frames(page):
        if any(f.rect.contains(b.rect, eps=1) for b in boxes):
            continue
        mine = [r for r in runs if _inside(f.rect, r)]
        if mine:
            out[(f.id, f.kind)] = (min(r.baseline - r.size_pt for r in mine), max(r.baseline for r in mine))
    return out


def clashes(page, gutter: float) -> list[tuple[str, str]]:
    """碰题: frames side by side (x-adjacent within a gutter) whose rows overlap and whose
    headlines overlap vertically, neither of them boxed."""
    heads = headline_extents(page)
    frames = [f for f in _article_frames(page) if (f.id, f.kind) in heads]
    out = []
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            beside = abs(a.rect.right - b.rect.x) <= gutter + EPS or abs(b.rect.right - a.rect.x) <= gutter + EPS
            rows = a.rect.y < b.rect.bottom - EPS and b.rect.y < a.rect.bottom - EPS
            (a0, a1), (b0, b1) = heads[(a.id, a.kind)], heads[(b.id, b.kind)]
            if beside and rows and a0 < b1 and b0 < a1:
                out.append((a.id, b.id))
    return out


def glyphs_outside(page, fonts) -> int:
    """Glyphs whose ink reaches outside the page's type area (checked by the em box first,
    then, for a glyph whose em box sticks out, by its ink: a comma set in half an em at
    the line's end keeps its ink inside)."""
    from layout.makeup.model import TextRun

    area = page.type_area
    n = 0
    for it in page.items:
        if not isinstance(it, TextRun) or not it.chars:
            continue
        y = it.baseline - it.rise
        size, sx = it.size_pt, it.size_pt * it.hscale
        tall = y - EM_TOP * size < area.y - EPS or y + EM_BOTTOM * size > area.bottom + EPS
        for ch, dx in zip(it.chars, it.xs):
            if ch.isspace():
                continue
            x0 = it.x + dx
            x1 = x0 + fonts.advance(it.font, ch) * sx
            if not tall and area.x - EPS <= x0 and x1 <= area.right + EPS:
                continue
            ink = fonts.ink(it.font, ch)
            if ink is None:
                continue
            ix0, iy0, ix1, iy1 = ink
            if (x0 + ix0 * sx < area.x - EPS or x0 + ix1 * sx > area.right + EPS
                    or y - iy1 * size < area.y - EPS or y - iy0 * size > area.bottom + EPS):
                n += 1
    return n


def spearman(xs: list[float], ys: list[float]) -> float | None:
    """Spearman's rank correlation (ties get their mean rank); None when undefined."""
    if len(xs) < 3:
        return None

    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r

    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return None
    return sxy / (sxx * syy) ** 0.5


def headline_size(page, frame) -> float:
    """The largest text in the frame: its 主题 (0 when it has no headline)."""
    from layout.makeup.model import TextRun

    return max((it.size_pt for it in page.items if isinstance(it, TextRun) and it.size_pt >= HEAD_PT
                and _inside(frame.rect, it)), default=0.0)


def conventions(page, auto, frames, lead) -> list[str]:
    """The conventions of Chinese makeup the makeup keeps by rank (issue 13, item 3), each
    broken one named: "lead-headline" (a news story's 主题 larger than the lead's),
    "headline-sizes" (a 主题 larger than a higher-ranked story's, editor-given sizes
    aside), "commentary-shape" (the 评论 not boxed, or wider than the lead), "briefs-apart"
    (the 简讯 not one column, one under another at one width)."""
    from layout.makeup.model import BoxItem

    out = []
    news = [a for a in auto if a.kind not in ("commentary", "verse") and a.id in frames]
    sizes = [(a, headline_size(page, frames[a.id])) for a in news]
    if lead is not None and any(size > headline_size(page, lead) + 0.01 for _, size in sizes):
        out.append("lead-headline")
    own = [size for a, size in sizes if not a.headline_size]
    if any(lo > hi + 0.01 for hi, lo in zip(own, own[1:])):
        out.append("headline-sizes")
    boxes = [it.rect for it in page.items if isinstance(it, BoxItem)]
    for a in auto:
        f = frames.get(a.id)
        if a.kind == "commentary" and f is not None and (
                not any(f.rect.contains(b, eps=1) for b in boxes) or lead is not None and f.rect.w > lead.rect.w + EPS):
            out.append("commentary-shape")
    column = sorted((frames[a.id].rect for a in auto if a.kind == "brief" and a.id in frames), key=lambda r: (r.x, r.y))
    if any(abs(a.x - b.x) > EPS or abs(a.w - b.w) > EPS or abs(a.bottom - b.y) > EPS for a, b in zip(column, column[1:])):
        out.append("briefs-apart")
    return out


def ranked(article) -> bool:
    """A story whose area should follow its rank (see the module's docstring)."""
    return article.kind not in ("commentary", "brief", "verse") and not article.boxed


def measure(name, seed, ed_page, page, fill_entry, copyfit, diags, seconds, fonts, grid, fill=0.0,
            cpu=0.0) -> PageResult:
    """The figures and hard rules of one made-up page."""
    frames = {f.id: f for f in page.frames if f.kind == "article"}
    auto = [a for a in ed_page.articles if not a.place]
    framed = {f.id for f in page.frames if f.kind in ("article", "index", "ad")}    # 导读 and ads have frames of their own
    lost = [a.id for a in ed_page.articles if a.id not in framed]
    lost += [c.article_id for c in ed_page.continuations
             if not any(f.id == c.article_id and f.kind == "continuation" for f in page.frames)
             and not any(d.code == "empty-continuation" for d in diags)]
    overset = sum(e.overflow_chars for e in copyfit)
    errors = [d for d in diags if d.severity.name == "ERROR"]
    furniture = [f.rect.bottom for f in page.frames if f.kind in ("masthead", "folio")]
    top = max(furniture, default=page.type_area.y)
    lead = frames.get(ed_page.articles[0].id) if ed_page.articles else None
    lead_ok = lead is not None and abs(lead.rect.x - page.type_area.x) < EPS and abs(lead.rect.y - top) < EPS
    placed = [(i, frames[a.id]) for i, a in enumerate(auto) if a.id in frames]
    largest = lead is None or all(f.rect.w * f.rect.h <= lead.rect.w * lead.rect.h + 1 for f in _article_frames(page))
    rho = spearman([-i for i, _ in placed], [f.rect.w * f.rect.h for _, f in placed])
    news = [(i, f) for i, f in placed if ranked(auto[i])]
    rho_news = spearman([-i for i, _ in news], [f.rect.w * f.rect.h for _, f in news])
    rho_copy = spearman([-i for i, _ in news], [sum(len(p.text) for p in auto[i].paragraphs) for i, _ in news])
    rules = conventions(page, auto, frames, lead)
    arts = _article_frames(page)
    overlaps = [(a.id, b.id) for i, a in enumerate(arts) for b in arts[i + 1:] if a.rect.overlaps(b.rect, eps=EPS)]
    codes = sorted({d.code for d in diags if d.severity.name in ("ERROR", "WARNING") and d.code})
    why = next((d.code.split(".")[1] for d in diags if (d.code or "").startswith("lead-smaller.")), "")
    res = PageResult(name, seed, page.number, len(ed_page.articles), round(fill, 3),
                      fill_entry.uncovered, fill_entry.short, overset,
                      clashes(page, grid.gutter), lead_ok, largest, why, rules, rho, rho_news, rho_copy, round(seconds, 4), round(cpu, 4), codes, lost,
                      bool(overset and not errors), overlaps, glyphs_outside(page, fonts))
    res.briefs_said = any(d.code == "briefs-apart" for d in diags)
    return res


# ---------------------------------------------------------------- running pages

def _cold_compose() -> None:
    """Forget composed paragraphs (layout.makeup.styles keeps them for watch mode), so each
    page is timed as a build composes it: every paragraph for the first time."""
    from layout.makeup import styles

    cache = getattr(styles, "COMPOSE_CACHE", None)
    if cache is not None:
        cache.clear()


def _fonts():
    from layout.fonts import FontSet
    return FontSet.load()


def run_generated(seed: int, root: Path, fonts, verbose: bool = False, spec=None) -> PageResult:
    """The page of this seed (or `spec`, a page generated beforehand) made up and measured."""
    from layout.makeup import make_grid
    from layout.pipeline import load, make_up

    spec = spec or gen.generate_page(seed)
    folder = gen.write_edition(spec, root)
    loaded = load(str(folder), fonts)
    if not loaded.ok:
        raise SystemExit(f"seed {seed}: the generated edition does not load: "
                         + "; ".join(str(d) for d in loaded.diagnostics if d.severity.name == "ERROR"))
    _cold_compose()
    t, c = time.perf_counter(), time.process_time()
    made = make_up(loaded, only={spec.number})
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    lay = made.layout
    page = lay.pages[0]
    diags = list(lay.diagnostics)
    res = measure(f"seed {seed}", seed, loaded.edition.pages[-1], page, lay.fill[0], lay.copyfit, diags,
                  seconds, fonts, make_grid(loaded.edition.paper), spec.fill, cpu)
    if verbose:
        _show(res, page, diags)
    return res


def sample_without_place(root: Path) -> Path:
    """A copy of the sample edition with every place: removed; its edition folder."""
    dest = root / "sample" / "shijingshan"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(SAMPLE, dest)
    ed = dest / "2020-02-24" / "edition.yaml"
    ed.write_text(PLACE.sub("", ed.read_text(encoding="utf-8")), encoding="utf-8")
    return ed.parent


def run_sample(root: Path, fonts, verbose: bool = False) -> list[PageResult]:
    """The four pages made up together (continuations need their first parts); each page's
    time and diagnostics are those of its own turn in the makeup (layout.makeup.pages
    makes up one page per call of _make_page; without it, the edition's time is split)."""
    from layout.makeup import make_grid
    from layout.makeup import pages as pages_mod
    from layout.pipeline import load, make_up

    loaded = load(str(sample_without_place(root)), fonts)
    turns = {}
    inner = getattr(pages_mod, "_make_page", None)
    if inner is not None:
        def timed(ts, grid, edition, page, *args, **kw):
            before = len(ts.diagnostics)
            t, c = time.perf_counter(), time.process_time()
            out = inner(ts, grid, edition, page, *args, **kw)
            turns[page.number] = (time.perf_counter() - t, list(ts.diagnostics[before:]),
                                  time.process_time() - c)
            return out
        pages_mod._make_page = timed
    try:
        _cold_compose()
        t, c = time.perf_counter(), time.process_time()
        made = make_up(loaded)
        total, total_cpu = time.perf_counter() - t, time.process_time() - c
    finally:
        if inner is not None:
            pages_mod._make_page = inner
    lay = made.layout
    grid = make_grid(loaded.edition.paper)
    out = []
    for ed_page, page, fill in zip(loaded.edition.pages, lay.pages, lay.fill):
        n = len(lay.pages)
        secs, diags, cpu = turns.get(page.number, (total / n, list(lay.diagnostics), total_cpu / n))
        copyfit = [e for e in lay.copyfit if e.page == page.number]
        res = measure(f"sample p{page.number}", None, ed_page, page, fill, copyfit, diags, secs, fonts, grid,
                      cpu=cpu)
        if verbose:
            _show(res, page, diags)
        out.append(res)
    return out


def _show(res: PageResult, page, diags) -> None:
    print(f"--- {res.name} (page {res.page})")
    for f in page.frames:
        r = f.rect
        print(f"    {f.kind:12} {f.id:28} x {r.x:6.1f} y {r.y:6.1f} w {r.w:6.1f} h {r.h:6.1f}"
              f"  lines {f.lines_needed}/{f.lines_available}" + (f"  超出{f.overflow_chars}字" if f.overflow_chars else ""))
    for d in diags:
        if d.severity.name != "INFO":
            print(f"    {d.severity.name.lower()}: {d.code}: {d.message}")


# ---------------------------------------------------------------- report

def _rho(x: float | None) -> str:
    return "  -  " if x is None else f"{x:+.2f}"


def row(r: PageResult) -> str:
    rho, rho_c, rho_a = _rho(r.spearman_news), _rho(r.spearman_copy), _rho(r.spearman)
    codes = ",".join(c for c in r.codes if c not in ("low-resolution",)) or "-"
    flags = [] if r.hard_ok else ["HARD:" + ",".join(
        k for k, v in (("lost", r.lost), ("silent-overflow", r.silent_overflow), ("overlap", r.overlaps),
                       ("outside", r.outside), ("碰题", r.clashes)) if v)]
    return (f"{r.name:13} p{r.page:<2} {r.stories:3} {r.fill:5.2f} {r.holes:5} {r.empty_lines:5} {r.overset:6} "
            f"{len(r.clashes):4} {'yes' if r.lead_top_left else 'NO':>4} {rho:>6} {rho_c:>6} {rho_a:>6} {r.seconds:6.2f} {r.cpu:5.2f}  {codes} {' '.join(flags)}")


HEADER = ("page          pg  n  fill holes empty  overset 碰题 lead    rho   copy    all wall s  cpu  codes\n"
          + "-" * 100)


def _mean(values):
    return round(statistics.fmean(values), 3) if values else None


def summarise(results: list[PageResult]) -> dict:
    if not results:
        return {}
    times = [r.seconds for r in results]
    cpus = [r.cpu for r in results]
    rhos = [r.spearman for r in results if r.spearman is not None]
    rhos_news = [r.spearman_news for r in results if r.spearman_news is not None]
    codes: dict[str, int] = {}
    for r in results:
        for c in r.codes:
            codes[c] = codes.get(c, 0) + 1
    return {
        "pages": len(results),
        "exactly_full_pct": round(100 * sum(r.exact for r in results) / len(results), 1),
        "with_holes": sum(r.holes > 0 for r in results),
        "with_empty_lines": sum(r.empty_lines > 0 for r in results),
        "with_overset": sum(r.overset > 0 for r in results),
        "with_clash": sum(bool(r.clashes) for r in results),
        "lead_not_top_left": sum(not r.lead_top_left for r in results),
        "lead_not_largest": sum(not r.lead_largest for r in results),
        "conventions": {k: sum(k in r.conventions for r in results) for k in CONVENTIONS},
        "exact_conventions": {k: sum(k in r.conventions and r.exact for r in results) for k in CONVENTIONS},
        "exact_lead_not_largest": sum(not r.lead_largest and r.exact for r in results),
        "exact_lead_largest_ruled_out": sum(not r.lead_largest and r.exact and r.lead_why == "copy" for r in results),
        "exact_lead_largest_no_shapes": sum(not r.lead_largest and r.exact and r.lead_why == "shapes" for r in results),
        "exact_lead_largest_not_found": sum(not r.lead_largest and r.exact and r.lead_why == "search" for r in results),
        "hard_rule_failures": sum(not r.hard_ok for r in results),
        "median_s": round(statistics.median(times), 3),
        "worst_s": round(max(times), 3),
        "over_2s": sum(t > 2.0 for t in times),
        "median_cpu_s": round(statistics.median(cpus), 3),
        "worst_cpu_s": round(max(cpus), 3),
        "cpu_over_2s": sum(t > 2.0 for t in cpus),
        "mean_spearman": round(statistics.fmean(rhos), 3) if rhos else None,
        "spearman_below_0.9": sum(x < 0.9 for x in rhos),
        "mean_spearman_news": round(statistics.fmean(rhos_news), 3) if rhos_news else None,
        "spearman_news_below_0.9": sum(x < 0.9 for x in rhos_news),
        "spearman_news_pages": len(rhos_news),
        "exact_mean_spearman_news": _mean([r.spearman_news for r in results
                                           if r.exact and r.spearman_news is not None]),
        "mean_spearman_copy": _mean([r.spearman_copy for r in results
                                     if r.spearman_news is not None and r.spearman_copy is not None]),
        "news_below_copy": sum(r.spearman_news < r.spearman_copy - 0.05 for r in results
                               if r.spearman_news is not None and r.spearman_copy is not None),
        "exact_mean_spearman": _mean([r.spearman for r in results if r.exact and r.spearman is not None]),
        "near_exact": sum(r.holes == 0 and r.overset == 0 and 0 < r.empty_lines <= 3 for r in results),
        "fallback_pages": sum(any(c in r.codes for c in ("page-underfull", "page-overfull", "no-fit"))
                              for r in results),
        "clash_on_exact_pages": sum(bool(r.clashes) and r.exact for r in results),
        "unreported": sum(not r.exact and not REPORTED & set(r.codes) for r in results),
        "codes": dict(sorted(codes.items())),
    }


def summary_table(name: str, s: dict) -> str:
    if not s:
        return ""
    lines = [f"{name}: {s['pages']} pages",
             f"  exactly full (0 holes, 0 empty lines, 0 overset) {s['exactly_full_pct']:6.1f} %",
             f"  pages with holes / empty lines / overset        {s['with_holes']} / {s['with_empty_lines']} / {s['with_overset']}",
             f"  pages with any 碰题                              {s['with_clash']}",
             f"  lead not top-left                               {s['lead_not_top_left']}",
             f"  lead not the largest block                      {s['lead_not_largest']} "
             f"(on exactly full pages {s['exact_lead_not_largest']}: ruled out by the copy "
             f"{s['exact_lead_largest_ruled_out']}, proved absent from the makeup's shapes "
             f"{s['exact_lead_largest_no_shapes']}, no exact makeup with it found {s['exact_lead_largest_not_found']})",
             "  conventions broken (pages; on exactly full pages) " + ", ".join(
                 f"{k} {v} ({s['exact_conventions'][k]})" for k, v in s["conventions"].items()),
             f"  hard-rule failures (lost, silent overflow, overlap, outside, 碰题) {s['hard_rule_failures']}",
             f"  time per page (wall): median {s['median_s']:.3f} s, worst {s['worst_s']:.3f} s, over 2 s: {s['over_2s']}",
             f"  time per page (CPU):  median {s['median_cpu_s']:.3f} s, worst {s['worst_cpu_s']:.3f} s, over 2 s: {s['cpu_over_2s']}",
             f"  rank-vs-area (Spearman, news stories) mean {s['mean_spearman_news']}  (pages below 0.9: "
             f"{s['spearman_news_below_0.9']} of {s['spearman_news_pages']}); on exactly full pages "
             f"{s['exact_mean_spearman_news']}",
             f"    the copy's own order (rank vs 字, same stories) {s['mean_spearman_copy']}; pages where the "
             f"makeup's order is below the copy's (by > 0.05) {s['news_below_copy']}",
             f"    over every automatic block {s['mean_spearman']} (below 0.9: {s['spearman_below_0.9']}; "
             f"on exactly full pages {s['exact_mean_spearman']})",
             f"  near misses (0 holes, 0 overset, 1-3 empty lines) {s['near_exact']}",
             f"  pages without an exact makeup (page-underfull/-overfull/no-fit: the fallback) {s['fallback_pages']}; "
             f"碰题 on exactly full pages {s['clash_on_exact_pages']}",
             f"  pages not exactly full without a page-overfull/-underfull/no-fit message {s['unreported']}",
             "  codes (pages): " + (", ".join(f"{k} {v}" for k, v in s["codes"].items()) or "-")]
    return "\n".join(lines)


def profile_page(seed: int, root: Path, fonts, top: int = 25) -> str:
    """cProfile of the page's makeup alone (generated and loaded beforehand)."""
    import cProfile
    import io
    import pstats

    from layout.pipeline import load, make_up

    spec = gen.generate_page(seed)
    loaded = load(str(gen.write_edition(spec, root)), fonts)
    _cold_compose()
    prof = cProfile.Profile()
    prof.enable()
    make_up(loaded, only={spec.number})
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=200, help="generated pages (default 200)")
    ap.add_argument("--seed", type=int, default=0, help="page k is generated from seed S + k")
    ap.add_argument("--no-sample", action="store_true", help="skip the sample without place:")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--verbose", action="store_true", help="every page's blocks and messages")
    ap.add_argument("--worst", type=int, default=10, help="worst pages listed with their seeds")
    ap.add_argument("--profile", action="store_true", help="cProfile of the slowest generated page")
    ap.add_argument("--json-out", type=Path, help="also write the JSON object to this file")
    ap.add_argument("--keep", type=Path, help="write the edition folders here (kept)")
    ap.add_argument("--min-stories", type=int, default=0,
                    help="only the pages of the seeds with at least this many stories (a stress set)")
    args = ap.parse_args(argv)

    root = args.keep or Path(tempfile.mkdtemp(prefix="makeup-quality-"))
    gen.prepare_root(root)
    fonts = _fonts()
    try:
        say = (lambda *a: None) if args.json else print
        say(HEADER)
        generated = []
        for k in range(args.pages):
            spec = gen.generate_page(args.seed + k)
            if len(spec.stories) < args.min_stories:
                continue
            r = run_generated(args.seed + k, root, fonts, args.verbose and not args.json, spec)
            generated.append(r)
            say(row(r))
            sys.stdout.flush()
        sample = [] if args.no_sample else run_sample(root, fonts, args.verbose and not args.json)
        for r in sample:
            say(row(r))
        worst = worst_pages(generated, args.worst)
        slowest = max(generated, key=lambda r: r.cpu, default=None)
        out = {"generated": summarise(generated), "sample": summarise(sample), "fill_range": list(gen.FILL_RANGE),
               "worst": {k: [{"seed": r.seed, "page": r.page, "why": why(r)} for r in v] for k, v in worst.items()},
               "slowest": {"seed": slowest.seed, "seconds": slowest.seconds, "cpu": slowest.cpu} if slowest else None,
               "pages": [asdict(r) | {"exact": r.exact, "hard_ok": r.hard_ok} for r in generated + sample]}
        prof = profile_page(slowest.seed, root, fonts) if args.profile and slowest else ""
        out["profile"] = prof
        if args.json_out:
            args.json_out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if args.json:
            json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        print()
        some = f", those of {args.min_stories}+ stories" if args.min_stories else ""
        print(summary_table(f"generated (seeds {args.seed}..{args.seed + args.pages - 1}{some})", out["generated"]))
        lo, hi = gen.FILL_RANGE
        print(f"  fill (the copy's need by the planner's natural setting, 1.0 = a page's worth) drawn uniformly "
              f"from {lo:.2f}-{hi:.2f}; reached {min(r.fill for r in generated):.3f}-{max(r.fill for r in generated):.3f}"
              if generated else "")
        if sample:
            print(summary_table("sample edition, every place: removed", out["sample"]))
        if any(worst.values()):
            print("\nworst pages (reproduce: python bench/makeup_quality.py --seed SEED --pages 1 --verbose):")
            for title, pages in worst.items():
                if pages:
                    print(f"  {title}:")
                for r in pages:
                    print(f"    seed {r.seed:<6} page {r.page}  {why(r)}")
        if slowest:
            print(f"\nslowest page (CPU): seed {slowest.seed}, {slowest.seconds:.2f} s wall, {slowest.cpu:.2f} s CPU")
        if prof:
            print(prof)
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def worst_pages(results: list[PageResult], n: int) -> dict[str, list[PageResult]]:
    """The worst pages by kind of failure, each list worst first."""
    def pick(cond, key):
        return sorted((r for r in results if cond(r)), key=key)[:n]

    return {
        "broken hard rules (lost, silent overflow, overlap, glyphs outside, 碰题)":
            pick(lambda r: not r.hard_ok, lambda r: -r.badness()),
        "not full, hard rules kept": pick(lambda r: r.hard_ok and not r.exact, lambda r: -r.badness()),
        "slowest (CPU)": pick(lambda r: True, lambda r: -r.cpu)[:max(1, n // 2)],
        "lowest rank-vs-area (exactly full pages)":
            pick(lambda r: r.exact and r.spearman_news is not None, lambda r: r.spearman_news)[:max(1, n // 2)],
    }


def why(r: PageResult) -> str:
    bits = []
    if r.holes:
        bits.append(f"{r.holes} holes")
    if r.empty_lines:
        bits.append(f"{r.empty_lines} empty lines")
    if r.overset:
        bits.append(f"超出{r.overset}字")
    if r.clashes:
        bits.append("碰题 " + ", ".join(f"{a}/{b}" for a, b in r.clashes))
    if not r.lead_top_left:
        bits.append("lead not top-left")
    if r.conventions:
        bits.append("broken: " + ", ".join(r.conventions))
    if not r.lead_largest:
        bits.append("lead not the largest block" + {"copy": " (ruled out by the copy)",
                                                    "shapes": " (none in the makeup's shapes: proved)",
                                                    "search": " (none found)"}.get(r.lead_why, ""))
    if r.lost:
        bits.append("LOST " + ",".join(r.lost))
    if r.silent_overflow:
        bits.append("overflow without an error")
    if r.overlaps:
        bits.append("overlap " + ", ".join(f"{a}/{b}" for a, b in r.overlaps))
    if r.outside:
        bits.append(f"{r.outside} glyphs outside the type area")
    if r.spearman_news is not None and r.spearman_news < 0.9:
        bits.append(f"rank-vs-area {r.spearman_news:+.2f} (copy {_rho(r.spearman_copy).strip()})")
    bits.append(f"{r.cpu:.2f} s CPU")
    codes = [c for c in r.codes if c in ("page-overfull", "page-underfull", "no-fit")]
    if codes:
        bits.append("(" + ", ".join(codes) + f"; fill {r.fill:.2f})")
    return "; ".join(bits)


if __name__ == "__main__":
    sys.exit(main())
