"""An advertiser's PDF checked before it goes on a plate: one page, the booked proportions,
and the press checks that concern what it draws (fonts embedded, no RGB, grey or CMYK
pictures, no transparency, ink, …), each failure an error at the ad's `file:`.

Boxes, output intent and PDF/X identification are the plate's business, not the ad's: the
ad becomes a form XObject of a plate that has them."""
from __future__ import annotations

from layout.base.catalogue import Phrase
from layout.base.diagnostics import Diagnostic, error

AD_CHECKS = ("fonts-embedded", "content-readable", "no-rgb", "image-colour", "no-transparency",
             "ink-limit", "no-device-controls", "no-lzw", "black-overprint", "white-knockout")


def check_pdf_ads(edition, grid) -> tuple[Diagnostic, ...]:
    """Errors of every PDF ad in the edition (the grid gives the booked widths)."""
    out: list[Diagnostic] = []
    for page in edition.pages:
        for art in page.articles:
            ad = art.ad
            if ad is not None and ad.artwork is not None and ad.artwork.kind == "pdf":
                out += check_pdf_ad(art, grid, edition.paper.ink_limit_pct)
    return tuple(out)


def check_pdf_ad(article, grid, ink_limit: float) -> list[Diagnostic]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from layout.makeup.adblock import aspect_mismatch
    from layout.makeup.grid import MM
    from layout.makeup.model import Rect
    from layout.preflight.checks import preflight
    from layout.render.pdfform import shown_box

    ad = article.ad
    name = ad.file.rsplit("/", 1)[-1]
    try:
        pages = PdfReader(ad.file).pages
        count = len(pages)
        x0, y0, x1, y1 = shown_box(pages[0]) if count else (0, 0, 0, 0)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        return [error("ad-pdf-unreadable", ad.pos, path=name, reason=str(exc) or type(exc).__name__)]
    if count != 1:
        return [error("ad-pdf-pages", ad.pos, path=name, pages=count)]
    out = []
    space = Rect(0, 0, grid.span_width(ad.span), ad.height_mm * MM)
    mismatch = aspect_mismatch(article, space, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None
    if mismatch:
        out.append(mismatch)
    report = preflight(ad.file, ink_limit_pct=ink_limit)
    for check in report.checks:
        if check.name in AD_CHECKS and not check.passed and check.severity == "error":
            out.append(error("ad-pdf-check", ad.pos, path=name, check=Phrase(f"check.{check.name}"),
                             figure=check.measured, message=check.problem))
    return out
