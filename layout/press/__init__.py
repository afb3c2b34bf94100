"""Press stage: PDF/X-1a plates of an edition (whole edition + one file per page) and preflight."""
from layout.press.preflight import Check, PreflightReport, preflight
from layout.press.write import PressResult, atomic_write, render_pdf, write_edition

__all__ = ["write_edition", "PressResult", "preflight", "PreflightReport", "Check",
           "render_pdf", "atomic_write"]
