"""The editors' proof view: grid, frames and copyfit drawn over the page in proof colours."""
from __future__ import annotations

from pathlib import Path

from layout.cli.paths import edition_stem


def proof_view(layout, edition, fonts):
    """The proof view of a layout (grid, frames, copyfit over the page; proof colours)."""
    from layout.makeup import make_grid
    from layout.render.proof import proof_layout

    roles = [edition.paper.fonts.get("hei", ())] + list(edition.paper.fonts.values())
    chain = tuple(dict.fromkeys(fid for role in roles for fid in role))
    return proof_layout(layout, make_grid(edition.paper), fonts, chain)


def write_proof(layout, edition, fonts, out: Path) -> Path:
    """<stem>-proof.pdf beside the plates, never one of them."""
    from layout.files import atomic_write
    from layout.press.write import chars_by_font, register_fonts, render_pdf

    proof = proof_view(layout, edition, fonts)
    names = register_fonts(fonts, chars_by_font(proof))
    path = out / f"{edition_stem(edition)}-proof.pdf"
    first = min(names) if names else None     # the canvas's initial font: an embedded one, not Helvetica
    atomic_write(path, render_pdf(proof, proof.pages, names, first, False, proof.title))
    return path


def write_preview(layout, edition, fonts, page: int, dpi: float, proof: bool, path: Path) -> Path:
    """One page as PNG (its proof view with `proof`) at `path`."""
    from layout.files import atomic_write
    from layout.press.preview import render_png

    shown = proof_view(layout, edition, fonts) if proof else layout
    atomic_write(path, render_png(shown, fonts, page, dpi=dpi))
    return path
