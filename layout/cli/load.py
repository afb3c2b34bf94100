"""Loading an edition (with its fonts and placement checks) and making it up, for every
command; the stages are imported when called, so `check` never loads the PDF libraries."""
from __future__ import annotations

from layout.cli.copyfit import overflowing
from layout.cli.report import note
from layout.diagnostics import error, has_errors


def load(path: str, fonts=None):
    """Edition + fonts (`fonts` if given: watch keeps one FontSet), or (None, None, diags)."""
    from layout.edition import load_edition
    from layout.fonts import FontSet
    from layout.newedition import placeholder_diagnostics

    fonts = fonts or FontSet.load()
    edition, diags = load_edition(path, font_ids=fonts.ids())
    diags = list(diags)
    if edition is not None:
        diags += placeholder_diagnostics(path)   # 【待填写】 left by `newsprint new`
    if edition is None or has_errors(diags):
        return None, None, diags
    from layout.edition.placement import check_placements
    from layout.makeup import furniture_rows, make_grid

    grid = make_grid(edition.paper)
    rows = {p.number: grid.rows - furniture_rows(edition.paper, grid, p.number) for p in edition.pages}
    diags += check_placements(edition, rows)
    return edition, fonts, diags


def make_up(edition, fonts, diags: list, only=None, strict: bool = False):
    """The layout (of the pages in `only`, else all); its diagnostics join `diags`, its
    copyfit the --json report; with `strict` any overflow is an error too."""
    from layout.makeup import make_up as make_up_edition

    layout = make_up_edition(edition, fonts, only=only)
    diags += layout.diagnostics
    note(copyfit=[e.__dict__ for e in layout.copyfit])
    if strict and overflowing(layout):
        diags.append(error("strict"))
    return layout


def load_and_make_up(path: str, fonts=None, strict: bool = False, before_makeup=None):
    """(edition, fonts, layout, diags); layout is None when loading found errors
    (edition None too when it could not be read).  before_makeup(edition) runs first."""
    edition, fonts, diags = load(path, fonts)
    if edition is None or has_errors(diags):
        return edition, fonts, None, diags
    if before_makeup:
        before_makeup(edition)
    return edition, fonts, make_up(edition, fonts, diags, strict=strict), diags


def article_count(edition) -> int:
    return sum(len(p.articles) for p in edition.pages)
