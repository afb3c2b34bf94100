"""Render stage: draw laid-out pages on a reportlab canvas (CMYK only)."""
from layout.render.paint import ink, is_plain_black, paint_page

__all__ = ["paint_page", "ink", "is_plain_black"]
