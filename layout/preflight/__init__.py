"""Preflight stage: is a PDF ready for the newspaper press?  `preflight(path)` returns a
PreflightReport of Checks (no RGB, fonts embedded, boxes, ink limit, rich black, …).

  checks       the report and the checks, run over a file's pages
  scan         the content walk (graphics state, colours, text sizes, image ink)
  reader       the one interface both readers give checks and scan (open_reader)
  pdfread      the reader of plain files (what the build writes), without pypdf
  pdfobj       isinstance() kinds that cover either reader's objects
  content_ops  a content stream split into operations

The exports load on first use: `import layout.preflight.pdfread` does not import the checks."""
from importlib import import_module

_EXPORTS = {"preflight": "checks", "PreflightReport": "checks", "Check": "checks"}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
