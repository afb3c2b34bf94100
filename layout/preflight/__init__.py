"""Preflight stage: is a PDF ready for the newspaper press?  `preflight(path)` returns a
PreflightReport of Checks (no RGB, fonts embedded, boxes, ink limit, rich black, …).

  checks       the report and the checks, run over a file's pages
  scan         the content walk (graphics state, colours, text sizes, image ink)
  reader       the one interface both readers give checks and scan (open_reader)
  pdfread      the reader of plain files (what the build writes), without pypdf
  pdfobj       isinstance() kinds that cover either reader's objects
  content_ops  a content stream split into operations

The exports load on first use: `import layout.preflight.pdfread` does not import the checks."""
from layout.base.lazy import lazy_exports

_EXPORTS = {"preflight": "checks", "PreflightReport": "checks", "Check": "checks"}

__all__ = list(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
