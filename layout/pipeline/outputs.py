"""Where a build writes, output/<paper>/<date>/, and the files it writes beside the plates:
the copyfit JSON, the proof PDF and preview PNGs."""
from __future__ import annotations

import json
from pathlib import Path


def out_dir(root, edition) -> Path:
    return Path(root) / edition.paper.slug / edition.date.isoformat()


def edition_stem(edition) -> str:
    """<paper>-<date>, the start of every file name of an edition."""
    return f"{edition.paper.slug}-{edition.date.isoformat()}"


def preview_name(page: int, proof: bool) -> str:
    return f"preview-p{page}{'-proof' if proof else ''}.png"


def remove_stale_temps(out: Path) -> None:
    """Temp files of a killed build (files.atomic_write names them .<file>.<random>.tmp)."""
    if out.is_dir():
        for tmp in out.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def copyfit_json(layout) -> bytes:
    """The copyfit (稿件是否排得下) as the JSON file beside the plates."""
    data = {"paper": layout.paper_slug, "date": layout.date_iso,
            "articles": [dict(e.__dict__, short_chars=e.short_chars, overflow_lines=e.overflow_lines)
                         for e in layout.copyfit],
            "pages": [dict(f.__dict__, empty=f.empty) for f in layout.fill]}
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_copyfit(layout, edition, out: Path) -> Path:
    """<paper>-<date>-copyfit.json in `out`."""
    from layout.base.files import atomic_write       # tempfile: not for `check`

    path = out / f"{edition_stem(edition)}-copyfit.json"
    atomic_write(path, copyfit_json(layout))
    return path


def proof_view(layout, edition, fonts):
    """The proof view of a layout (grid, frames, copyfit over the page; proof colours)."""
    from layout.makeup import make_grid
    from layout.makeup.proof import proof_layout

    roles = [edition.paper.fonts.get("hei", ())] + list(edition.paper.fonts.values())
    chain = tuple(dict.fromkeys(fid for role in roles for fid in role))
    return proof_layout(layout, make_grid(edition.paper), fonts, chain)


def write_proof(layout, edition, fonts, out: Path) -> Path:
    """<stem>-proof.pdf beside the plates, never one of them."""
    from layout.base.files import atomic_write
    from layout.press.write import chars_by_font, register_fonts, render_pdf

    proof = proof_view(layout, edition, fonts)
    names = register_fonts(fonts, chars_by_font(proof))
    path = out / f"{edition_stem(edition)}-proof.pdf"
    first = min(names) if names else None     # the canvas's initial font: an embedded one, not Helvetica
    atomic_write(path, render_pdf(proof, proof.pages, names, first, False, proof.title))
    return path


def write_preview(layout, edition, fonts, page: int, dpi: float, proof: bool, path: Path) -> Path:
    """One page as PNG (its proof view with `proof`) at `path`."""
    from layout.base.files import atomic_write
    from layout.press.page_pdf import page_pdf
    from layout.render.raster import rasterise

    shown = proof_view(layout, edition, fonts) if proof else layout
    atomic_write(path, rasterise(page_pdf(shown, fonts, page, fast=True), shown.bleed_pt, dpi))
    return path
