"""The desk builds with the same functions as `newsprint build` (load, make up) and draws
the proof with the same proof view as `build --proof`; this module is the one place
that names them."""
from __future__ import annotations


def load(path: str, fonts):
    """(edition or None, diagnostics) as the build loads it."""
    from layout.cli.load import load as load_edition

    edition, _, diags = load_edition(path, fonts)
    return edition, tuple(diags)


def make_up(edition, fonts, only):
    """The EditionLayout of the pages in `only` (all when None)."""
    from layout.makeup import make_up as make_up_edition

    return make_up_edition(edition, fonts, only=only)


def proof_view(layout, edition, fonts):
    from layout.cli.proof import proof_view as view

    return view(layout, edition, fonts)
