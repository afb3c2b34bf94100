"""Press stage: PDF/X-1a plates of an edition (whole edition + one file per page), their
PDF/X furniture (pdfx) and printer's marks (marks).  Checking them is the next stage
(layout.preflight).

The exports load on first use, so `import layout.press` costs nothing until a plate is
written (reportlab is imported then)."""
from layout.base.lazy import lazy_exports

_EXPORTS = {
    "write_edition": "write", "PressResult": "write", "render_pdf": "write",
    "atomic_write": "write",
}

__all__ = list(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
