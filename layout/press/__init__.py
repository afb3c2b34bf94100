"""Press stage: PDF/X-1a plates of an edition (whole edition + one file per page), their
PDF/X furniture (pdfx) and printer's marks (marks).  Checking them is the next stage
(layout.preflight).

The exports load on first use, so `import layout.press` costs nothing until a plate is
written (reportlab is imported then)."""
from importlib import import_module

_EXPORTS = {
    "write_edition": "write", "PressResult": "write", "render_pdf": "write",
    "atomic_write": "write",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value           # next time without this hook
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
