"""Press stage: PDF/X-1a plates of an edition (whole edition + one file per page) and preflight.

The exports load lazily: a preview needs reportlab but not pypdf, so
`from layout.press import write_edition` must not import the preflight
checks (layout.press.checks, which read PDFs with pypdf).
"""
from importlib import import_module

_EXPORTS = {
    "write_edition": "write", "PressResult": "write", "render_pdf": "write",
    "atomic_write": "write",
    "preflight": "checks", "PreflightReport": "checks", "Check": "checks",
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
