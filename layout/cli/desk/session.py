"""The desk's state: the edition built as `newsprint build` builds it (the same load and
make-up), each page rendered to PNG only when its layout changed, and the last good pages
kept (with the error shown over them) while a file is broken.

A rebuild after a save makes up only the pages whose content changed (with the pages
their jumps (转版) link them to), and renders only pages whose layout differs; then a
full make-up confirms it (`confirm()`), replacing anything that differs.  Each published
Snapshot is immutable: the HTTP side reads whichever is current, never a half-made one.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from layout.base.diagnostics import Severity
from layout.cli.messages import diag_json, diag_line

DEFAULT_EDITOR_URL = "vscode://file/{path}:{line}:{col}"
STORED = 0      # page PNGs uncompressed: they only cross the loopback (~10 ms less a page)


@dataclass(frozen=True)
class PageView:
    """One page as the browser gets it: its layout, its PNG and the version it changed in."""
    number: int
    version: int
    layout: object                 # makeup PageLayout
    png: bytes
    image: object = None           # its raster (PIL), kept to patch the next change into
    patched: bool = False          # drawn over the last image: confirm() draws it whole


@dataclass(frozen=True)
class Snapshot:
    version: int
    pages: dict                    # number -> PageView
    edition: object                # the last edition that made up (None before the first)
    layout: object                 # its EditionLayout (all pages)
    diagnostics: tuple             # of the last good build
    broken: tuple = ()             # diagnostics of a failed load: shown over the last good pages
    changed: tuple = ()            # page numbers whose image changed in this version
    seconds: float = 0.0           # how long this version took, save to images
    cpu: float = 0.0               # of which the building thread's CPU time (what load cannot inflate)
    steps: tuple = ()              # (step, CPU seconds) of that: load, makeup, draw, png
    proof: dict = field(default_factory=dict)   # (number, version) -> PNG, filled on demand
    held: frozenset = frozenset()  # pages whose errors (or a bug) hold them up: made up again next time


class Steps:
    """The wall time of one version and the building thread's CPU seconds, in all and per
    step (what a shared machine's load does not inflate)."""

    def __init__(self):
        self.t0, self.c0 = time.perf_counter(), time.thread_time()
        self.spent: dict = {}

    def seconds(self) -> float:
        return time.perf_counter() - self.t0

    def cpu(self) -> float:
        return time.thread_time() - self.c0

    @contextmanager
    def __call__(self, name: str):
        c0 = time.thread_time()
        try:
            yield
        finally:
            self.spent[name] = self.spent.get(name, 0.0) + time.thread_time() - c0

    def items(self) -> tuple:
        return tuple((k, round(v, 4)) for k, v in self.spent.items())


class Desk:
    """Builds one edition for the desk; rebuild() after every change of its files."""

    def __init__(self, edition_path, *, fonts=None, dpi: float = 100.0,
                 editor_url: str = DEFAULT_EDITOR_URL, lang: str | None = None):
        from layout.fonts import FontSet

        self.path = str(edition_path)
        self.fonts = fonts or FontSet.load()
        self.dpi = dpi
        self.editor_url = editor_url
        self.lang = lang
        self.snapshot = Snapshot(0, {}, None, None, ())
        self._lock = threading.Lock()          # one build at a time
        self._proof_lock = threading.Lock()
        self._unconfirmed = False               # the current pages came from a partial make-up
        self.focus = 1                          # the page in view (the browser says which)
        self._steps = Steps()

    # -- building ------------------------------------------------------------------------
    def rebuild(self, publish=None) -> Snapshot:
        """Load the edition again and publish the pages that changed (only those are made
        up and rendered when the paper and the edition's own fields are unchanged).  When
        several pages changed, the page in view (`focus`) is made up, drawn and handed to
        `publish(snapshot)` first, then the others."""
        with self._lock:
            old, loaded = self._start()
            if loaded.edition is None:
                return self._publish(self._unreadable(old, loaded))
            only = changed_pages(old.edition, loaded.edition)
            if only is not None:
                only |= old.held & {p.number for p in loaded.edition.pages}
            stages = self._stages(only, loaded.edition, old)
            for i, part in enumerate(stages):
                snap = self._publish(self._build(self.snapshot, loaded, part))
                if i + 1 < len(stages):
                    if publish is not None:
                        publish(snap)
                    self._steps = Steps()
            return snap

    def confirm(self) -> Snapshot | None:
        """After a partial make-up or a patched image: make up and draw the whole edition
        and publish any page (and the copyfit, diagnostics) that differs.  None when there
        was nothing to confirm."""
        with self._lock:
            if not self._unconfirmed:
                return None
            self._unconfirmed = False
            old, loaded = self._start()
            if loaded.edition is None:
                return self._publish(self._unreadable(old, loaded))
            return self._publish(self._build(old, loaded, None, full=True))

    def failed(self, exc: BaseException) -> Snapshot:
        """A build that raised (a bug): said over the last good pages, never a dead desk."""
        from layout.base.diagnostics import error

        old = self.snapshot
        what = f"{type(exc).__name__}: {exc}"
        return self._publish(dataclasses.replace(old, version=old.version + 1, changed=(),
                                                 broken=(error("desk.internal", None, what=what),),
                                                 held=frozenset(old.pages)))

    def _start(self):
        """(the current snapshot, the edition loaded again), the clock started."""
        from layout.cli.desk.build import load

        self._steps = Steps()
        with self._steps("load"):
            return self.snapshot, load(self.path, self.fonts)

    def _unreadable(self, old: Snapshot, loaded) -> Snapshot:
        """The file cannot be read at all (its YAML does not parse): every page waits, the
        last good images stay, the error is said over them."""
        from layout.cli.desk.build import unreadable

        return dataclasses.replace(old, version=old.version + 1,
                                   broken=_errors(loaded.diagnostics) + unreadable(loaded),
                                   changed=(), seconds=self._steps.seconds(), proof=old.proof,
                                   held=frozenset(old.pages))

    def _stages(self, only, edition, old: Snapshot) -> list:
        """The page sets made up one after the other: the page in view first when more than
        one page is to be made again (None: all pages)."""
        numbers = [p.number for p in edition.pages]
        target = set(numbers) if only is None else set(only)
        if old.layout is None or len(target) < 2:
            return [only]
        first = self.focus if self.focus in target else min(target)
        return [{first}, target - {first}]

    def _build(self, old: Snapshot, loaded, only, full: bool = False) -> Snapshot:
        """The next snapshot with the pages in `only` (None: all) made up again.  Pages are
        made up page by page (layout.pipeline.pagewise): a page held up by errors keeps its
        last good image, the errors shown over it."""
        from layout.cli.desk.build import make_up_pages

        if only is not None and not only:
            with self._steps("makeup"):
                made = make_up_pages(loaded, set())
            layout = old.layout
        else:
            with self._steps("makeup"):
                made = make_up_pages(loaded, only)
            if made.layout is None:
                layout = old.layout
            elif old.layout is None:
                layout = made.layout
            else:
                layout = merge_layouts(old.layout, made.layout, set(made.made), loaded.edition)
            if only is not None:
                self._unconfirmed = True
        if layout is None:
            return dataclasses.replace(old, version=old.version + 1, broken=made.blocking, changed=(),
                                       seconds=self._steps.seconds(), proof=old.proof,
                                       held=frozenset(made.held))
        snap = self._next(old, loaded.edition, made.diagnostics, made.blocking, layout, full)
        return dataclasses.replace(snap, seconds=self._steps.seconds(), cpu=self._steps.cpu(),
                                   steps=self._steps.items(), held=frozenset(made.held))

    def _next(self, old: Snapshot, edition, diags, broken, layout, full: bool = False) -> Snapshot:
        """The snapshot after `old` with `layout`; `full`: pages drawn by patching are drawn
        whole again."""
        version = old.version + 1
        pages = {}
        changed = []
        for page in layout.pages:
            seen = old.pages.get(page.number)
            whole = full and seen is not None and seen.patched
            if seen is not None and seen.layout == page and not whole:
                pages[page.number] = seen
                continue
            view = self._render(layout, page, version, None if whole else seen)
            if seen is not None and view.png == seen.png:
                view = dataclasses.replace(seen, image=view.image, patched=False)   # the same pixels
            else:
                changed.append(page.number)
            pages[page.number] = view
        all_diags = tuple(diags) + tuple(d for d in layout.diagnostics if d not in diags)
        proof = {k: v for k, v in old.proof.items() if pages.get(k[0]) and pages[k[0]].version == k[1]}
        return Snapshot(version, pages, edition, layout, all_diags, tuple(broken), tuple(changed),
                        seconds=self._steps.seconds(), proof=proof)

    def _publish(self, snap: Snapshot) -> Snapshot:
        self.snapshot = snap
        return snap

    def _render(self, layout, page, version: int, seen: PageView | None) -> PageView:
        """The page's image: patched over the last one where only part of it changed."""
        from layout.cli.desk.patch import redraw
        from layout.render.raster import png_bytes

        old_page, old_image = (seen.layout, seen.image) if seen is not None else (None, None)
        with self._steps("draw"):
            image, patched = redraw(layout, self.fonts, page.number, self.dpi, old_page, old_image)
        if patched:
            self._unconfirmed = True
        with self._steps("png"):
            png = png_bytes(image, STORED)
        return PageView(page.number, version, page, png, image, patched)

    # -- reading -------------------------------------------------------------------------
    def page_png(self, number: int, proof: bool = False) -> bytes | None:
        """The current PNG of a page (its proof view, rendered once per version, with
        `proof`); None when the edition has no such page."""
        snap = self.snapshot
        view = snap.pages.get(number)
        if view is None:
            return None
        if not proof:
            return view.png
        key = (number, view.version)
        with self._proof_lock:
            png = snap.proof.get(key)
            if png is None:
                from layout.cli.desk.build import proof_view
                from layout.cli.desk.patch import raster
                from layout.render.raster import png_bytes

                shown = proof_view(_with_pages(snap.layout, (view.layout,)), snap.edition, self.fonts)
                png = png_bytes(raster(shown, self.fonts, number, self.dpi), STORED)
                snap.proof[key] = png
            return png

    def state(self, lang: str | None = None) -> dict:
        """Everything the page shows, as JSON-ready data."""
        return state_of(self.snapshot, self.editor_url, lang or self.lang)


# -- what changed ------------------------------------------------------------------------
def content(obj):
    """A value of the edition model with every source position left out, so text moving
    down the file (a line added above) is no change."""
    from layout.base.diagnostics import SourcePos

    if isinstance(obj, SourcePos):
        return None
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__name__,) + tuple(content(getattr(obj, f.name))
                                             for f in dataclasses.fields(obj) if f.name != "pos")
    if isinstance(obj, (tuple, list)):
        return tuple(content(x) for x in obj)
    if isinstance(obj, dict):
        return tuple(sorted((k, content(v)) for k, v in obj.items()))
    return obj


def changed_pages(old, new) -> set | None:
    """Page numbers to make up again: those whose content changed, and the pages a jump
    (转版) carries a changed article to (an article placed by hand changes its
    continuation only when it changes itself; on a page made up automatically any change
    may move what jumps); None: everything (first build, the paper, the edition's own
    fields or its page list changed)."""
    if old is None or old.paper != new.paper or [p.number for p in old.pages] != [p.number for p in new.pages]:
        return None
    head = ("date", "weekday", "issue", "total_issue", "lunar_date")
    if any(getattr(old, k) != getattr(new, k) for k in head):
        return None
    pairs = {p.number: (p, q) for p, q in zip(old.pages, new.pages)}
    numbers = [p.number for p in new.pages]
    todo = [n for n, (p, q) in pairs.items() if p != q and content(p) != content(q)]
    pages, whole = set(todo), set()          # whole: remade for a jump, as if all of it changed
    while todo:
        n = todo.pop()
        p, q = pairs[n]
        for target in jump_targets(p, q, numbers, n in whole) - pages:
            pages.add(target)
            whole.add(target)
            todo.append(target)
    return pages


def jump_targets(old_page, new_page, numbers, whole: bool = False) -> set:
    """The pages the changed articles of one page (all of them with `whole` or when an
    article of the page has no place) may jump to, in either version of the page."""
    olds = {a.id: a for a in old_page.articles}
    news = {a.id: a for a in new_page.articles}
    auto = any(a.place is None for a in (*old_page.articles, *new_page.articles))
    i = numbers.index(new_page.number)
    following = numbers[i + 1] if i + 1 < len(numbers) else None
    out = set()
    for key in olds.keys() | news.keys():
        a, b = olds.get(key), news.get(key)
        if not (whole or auto) and a is not None and b is not None and content(a) == content(b):
            continue
        for art in (a, b):
            if art is None:
                continue
            if art.continues_on:
                out.add(art.continues_on)
            if art.may_continue and following is not None:
                out.add(following)
    return out - {new_page.number}


def merge_layouts(old, part, only: set, edition):
    """The old layout with the pages in `only` (their copyfit and fill) taken from `part`,
    in the edition's page order."""
    fresh = {p.number: p for p in part.pages}
    kept = {p.number: p for p in old.pages}
    order = [p.number for p in edition.pages]
    pages = tuple(fresh.get(n) or kept[n] for n in order if n in fresh or n in kept)
    rank = {n: i for i, n in enumerate(order)}
    copyfit = tuple(sorted([e for e in old.copyfit if e.page not in only] + list(part.copyfit),
                           key=lambda e: rank.get(e.page, len(rank))))
    fill = tuple(sorted([f for f in old.fill if f.page not in only] + list(part.fill),
                        key=lambda f: rank.get(f.page, len(rank))))
    return dataclasses.replace(part, pages=pages, copyfit=copyfit, fill=fill)


def _errors(diags) -> tuple:
    return tuple(d for d in diags if d.severity is Severity.ERROR)


def _with_pages(layout, pages):
    return dataclasses.replace(layout, pages=tuple(pages))


# -- the state as JSON -------------------------------------------------------------------
def state_of(snap: Snapshot, editor_url: str, lang: str | None) -> dict:
    edition, layout = snap.edition, snap.layout
    articles = {}
    sections = {}
    if edition is not None:
        for page in edition.pages:
            sections[page.number] = page.section
            for a in page.articles:
                articles[a.id] = dict(_source(a.pos, editor_url, page.number), headline="".join(a.headline))
            for c in page.continuations:
                articles.setdefault(c.article_id, dict(_source(c.pos, editor_url, page.number), headline=c.headline))
    copyfit = [copyfit_row(e) for e in layout.copyfit] if layout is not None else []
    pages = []
    for number, view in sorted(snap.pages.items()):
        pl = view.layout
        pages.append({"number": number, "version": view.version, "section": sections.get(number, ""),
                      "width": pl.width, "height": pl.height,
                      "frames": [_frame(f) for f in pl.frames]})
    return {
        "version": snap.version,
        "title": layout.title if layout is not None else "",
        "paper": edition.paper.name if edition is not None else "",
        "date": edition.date.isoformat() if edition is not None else "",
        "issue": getattr(edition, "issue", 0) if edition is not None else 0,
        "pages": pages,
        "changed": list(snap.changed),
        "copyfit": copyfit,
        "fill": [{"page": f.page, "lines": f.lines, "empty": f.empty, "uncovered": f.uncovered,
                  "short": f.short} for f in (layout.fill if layout is not None else ())],
        "articles": articles,
        "diagnostics": [_diag(d, editor_url, lang) for d in snap.diagnostics if d.severity is not Severity.INFO],
        "broken": [_diag(d, editor_url, lang) for d in snap.broken],
        "held": sorted(snap.held),
        "seconds": round(snap.seconds, 4),
        "cpu_seconds": round(snap.cpu, 4),
        "cpu_steps": dict(snap.steps),
        "strings": ui_strings(lang),
    }


def ui_strings(lang: str | None) -> dict:
    """The page's words (desk.ui.*, cf.*) in one language, from the messages catalogue."""
    from layout.base.catalogue import entries, language

    side = 1 if (lang or language()) == "zh" else 0
    return {k: v[side][0] for k, v in entries().items() if k.startswith(("desk.ui.", "cf."))}


def copyfit_row(e) -> dict:
    """One article's copyfit in both units: 超出N字 ≈ K行, 缺N行 ≈ M字."""
    return {"page": e.page, "article": e.article_id, "lines_needed": e.lines_needed,
            "lines_available": e.lines_available, "overflow_chars": e.overflow_chars,
            "overflow_lines": e.overflow_lines, "short_lines": e.short_lines,
            "short_chars": e.short_chars, "chars_per_line": e.chars_per_line}


def _frame(f) -> dict:
    r = f.rect
    return {"id": f.id, "kind": f.kind, "x": r.x, "y": r.y, "w": r.w, "h": r.h,
            "lines_needed": f.lines_needed, "lines_available": f.lines_available,
            "overflow_chars": f.overflow_chars}


def _source(pos, editor_url: str, page: int) -> dict:
    if pos is None or not getattr(pos, "path", ""):
        return {"page": page}
    path = str(Path(pos.path).resolve())
    return {"page": page, "file": pos.path, "line": pos.line, "col": pos.col,
            "editor": editor_link(editor_url, path, pos.line, pos.col)}


def editor_link(template: str, path: str, line: int, col: int) -> str:
    from urllib.parse import quote

    return template.format(path=quote(path), line=line, col=col)


def _diag(d, editor_url: str, lang: str | None) -> dict:
    out = diag_json(d, lang)
    out["text"] = diag_line(d, lang)
    if d.pos and d.pos.path:
        out["editor"] = editor_link(editor_url, str(Path(d.pos.path).resolve()), d.pos.line, d.pos.col)
    return out


