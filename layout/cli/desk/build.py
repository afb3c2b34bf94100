"""The desk builds with the pipeline's own functions (layout.pipeline: load, make_up), the
ones `newsprint build` runs, and draws the proof with the same proof view as
`build --proof`; this module is the one place that names them."""
from __future__ import annotations


def load(path: str, fonts):
    """The edition as the build loads it, but kept when only some pages' parts of the file
    have errors (a pipeline Loaded, partial: .ok, .edition, .diagnostics)."""
    from layout.pipeline import load as load_edition

    return load_edition(path, fonts, partial=True)


def unreadable(loaded) -> tuple:
    """The note that every page waits, for an edition that cannot be read at all."""
    from layout.pipeline.pagewise import unreadable as note

    return note(loaded)


def make_up_pages(loaded, only):
    """The pages in `only` (all when None) that no error holds up (a pipeline Pages:
    .layout, .made, .held, .blocking, .diagnostics), as `preview --page N` makes them."""
    from layout.pipeline.pagewise import make_up_pages as make_up

    return make_up(loaded, only)


def proof_view(layout, edition, fonts):
    from layout.pipeline.outputs import proof_view as view

    return view(layout, edition, fonts)
