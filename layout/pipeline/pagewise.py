"""Page by page: make up the pages of an edition that can be made up while other pages
still have errors (`preview --page N`, `check --page N`, the desk).  `build` never uses
this: it refuses an edition with any error.

The edition is loaded `partial` (layout.pipeline.load): as read even when some page's part
of the file has errors.  An error belongs to a page when it was found while that page's
part was read (its story files included) or its position lies in that part (from its
`- number:` line to the next page's); any other error (the paper, the edition's own
fields, YAML that does not parse, so the file cannot be read at all) holds up every page.
A page is held up by its own errors and by those of a page whose article it continues
(转版, also one made automatically); a held page is made up as an empty page, so nothing
of it reaches the others.  A 【待填写】 placeholder holds up nothing: its article is made
up as it stands and drawn as a grey block.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from layout.base.diagnostics import Severity, info


@dataclass(frozen=True)
class Pages:
    """What page-by-page making up found: the layout of the pages it could make up, the
    pages held up by errors, and the diagnostics (every page's, placeholders included)."""
    edition: object
    fonts: object
    layout: object                 # EditionLayout of `made` (None when none could be)
    made: tuple[int, ...]
    held: dict                     # page -> its errors (or the edition-wide errors), of every page held
    diagnostics: tuple

    @property
    def blocking(self) -> tuple:
        """The errors that hold up a page, each once."""
        return tuple(dict.fromkeys(d for ds in self.held.values() for d in ds))


def page_of(edition, diag) -> int | None:
    """The page whose part of the edition file holds the diagnostic's position."""
    pos = diag.pos
    if pos is None or not pos.line or not edition.path or not _same_file(pos.path, edition.path):
        return None
    found = None
    for page in edition.pages:
        if page.pos.line and page.pos.line <= pos.line:
            found = page.number
    return found


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _errors(diags) -> list:
    return [d for d in diags if d.severity is Severity.ERROR and d.code != "placeholder"]


def make_up_pages(loaded, only=None, variant=None) -> Pages:
    """Make up the pages in `only` (all when None) that no error holds up (`variant`: as
    for pipeline.make_up)."""
    from layout.pipeline.run import Loaded, make_up

    edition = loaded.edition
    if edition is None:
        note = unreadable(loaded)
        return Pages(None, loaded.fonts, None, (), {0: tuple(_errors(loaded.diagnostics)) + note},
                     loaded.diagnostics + note)
    diags = tuple(loaded.diagnostics) + _placements(loaded)
    wanted = [p.number for p in edition.pages if only is None or p.number in only]
    own: dict = {}
    edition_wide = []
    for d in _errors(diags):
        page = loaded.found_on.get(d) or page_of(edition, d)
        if page is None:
            edition_wide.append(d)
        else:
            own.setdefault(page, []).append(d)
    if edition_wide:
        return Pages(edition, loaded.fonts, None, (), {p.number: tuple(edition_wide) for p in edition.pages}, diags)
    sources = _continued_from(edition)
    held = {}
    for n in (p.number for p in edition.pages):
        errs = list(own.get(n, ())) + [d for src in sources.get(n, ()) for d in own.get(src, ())]
        if errs:
            held[n] = tuple(errs)
    made = tuple(n for n in wanted if n not in held)
    if not made:
        return Pages(edition, loaded.fonts, None, (), held, diags)
    clean = Loaded(emptied(edition, set(own)), loaded.fonts, ())
    layout = make_up(clean, only=set(made), variant=variant).layout
    layout = grey_placeholders(layout, edition)
    diags = diags + tuple(d for d in layout.diagnostics if d not in diags)
    return Pages(edition, loaded.fonts, layout, made, held, diags)


def unreadable(loaded) -> tuple:
    """A note for an edition that could not be read at all, saying that every page waits
    for its errors (an error inside one page's part of the file would hold up only that
    page); () when it was read."""
    errs = _errors(loaded.diagnostics)
    if loaded.edition is not None or not errs:
        return ()
    return (info("pages.unreadable", errs[0].pos),)


def emptied(edition, numbers: set):
    """The edition with the pages in `numbers` left empty (no articles, no continuations)."""
    if not numbers:
        return edition
    return replace(edition, pages=tuple(replace(p, articles=(), continuations=()) if p.number in numbers else p
                                        for p in edition.pages))


def _placements(loaded) -> tuple:
    """The placement checks, which the loader skips once it has found an error."""
    if loaded.ok or any(d.code == "placement" for d in loaded.diagnostics):
        return ()
    from layout.edition.placement import check_placements
    from layout.makeup import furniture_rows, make_grid

    edition = loaded.edition
    grid = make_grid(edition.paper)
    rows = {p.number: grid.rows - furniture_rows(edition.paper, grid, p.number) for p in edition.pages}
    return tuple(check_placements(edition, rows))


def _continued_from(edition) -> dict:
    """page -> the pages whose articles it continues (the page before it too, when an
    article there may jump automatically)."""
    home = {a.id: p.number for p in edition.pages for a in p.articles}
    out: dict = {}
    for p in edition.pages:
        for c in p.continuations:
            if c.article_id in home and home[c.article_id] != p.number:
                out.setdefault(p.number, set()).add(home[c.article_id])
    for before, page in zip(edition.pages, edition.pages[1:]):
        if any(a.may_continue for a in before.articles):
            out.setdefault(page.number, set()).add(before.number)
    return out


def placeholder_ids(edition) -> set:
    """Articles whose copy is still the 【待填写】 placeholder of `newsprint new`."""
    from layout.edition.nextweek import PLACEHOLDER

    ids = set()
    for page in edition.pages:
        for a in page.articles:
            text = "".join(a.headline) + "".join(p.text for p in a.paragraphs)
            if PLACEHOLDER in text:
                ids.add(a.id)
    return ids


def grey_placeholders(layout, edition):
    """Each frame of a placeholder article with a grey ground under its text (10 % black),
    so a half-finished page shows where copy is still to come."""
    ids = placeholder_ids(edition)
    if not ids:
        return layout
    from layout.makeup.model import BoxItem

    pages = []
    for page in layout.pages:
        grounds = tuple(BoxItem(f.rect, fill="black", tint=0.12, width_pt=0)
                        for f in page.frames if f.id in ids and f.kind in ("article", "continuation"))
        pages.append(replace(page, items=grounds + page.items) if grounds else page)
    return replace(layout, pages=tuple(pages))
