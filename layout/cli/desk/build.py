"""The desk builds with the pipeline's own functions (layout.pipeline: load, make_up), the
ones `newsprint build` runs, and draws the proof with the same proof view as
`build --proof`; this module is the one place that names them."""
from __future__ import annotations


def load(path: str, fonts):
    """The edition as the build loads it (a pipeline Loaded: .ok, .edition, .diagnostics)."""
    from layout.pipeline import load as load_edition

    return load_edition(path, fonts)


def make_up(loaded, only):
    """The EditionLayout of the pages in `only` (all when None) of a Loaded edition."""
    from layout.pipeline import make_up as make_up_edition

    return make_up_edition(loaded, only=only).layout


def proof_view(layout, edition, fonts):
    from layout.pipeline.outputs import proof_view as view

    return view(layout, edition, fonts)
