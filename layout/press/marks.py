"""Printer's marks outside the bleed: crop marks (裁切线), registration marks
(套准线) and the slug line (paper, date, page).

All marks are in registration colour (all four inks 100 %), the only place
that colour is allowed: it shows on every plate.  Positions are PDF user
space; `trim` is (x0, y0, x1, y1) of the TrimBox.
"""
from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm

MARKS_MARGIN = 15 * mm        # MediaBox grows this much beyond the trim on each side
MARK_LENGTH = 8 * mm
MARK_WIDTH = 0.25
TARGET_RADIUS = 2.5 * mm
SLUG_SIZE = 6.5
REGISTRATION = CMYKColor(1, 1, 1, 1, alpha=None)


def marks_margin(bleed: float) -> float:
    """Space beyond the trim for marks: at least 15 mm, and room past a wide bleed."""
    return max(MARKS_MARGIN, bleed + MARK_LENGTH + 4 * mm)


def crop_marks(c, trim, bleed: float) -> None:
    """Two short lines at each corner on the trim lines, starting outside the bleed."""
    x0, y0, x1, y1 = trim
    gap = bleed + 2.0
    lines = []
    for x, dx in ((x0, -1), (x1, 1)):
        for y, dy in ((y0, -1), (y1, 1)):
            lines.append((x + dx * gap, y, x + dx * (gap + MARK_LENGTH), y))
            lines.append((x, y + dy * gap, x, y + dy * (gap + MARK_LENGTH)))
    c.lines(lines)


def registration_target(c, cx: float, cy: float) -> None:
    """A circle with a cross through it (套准十字)."""
    r = TARGET_RADIUS
    c.circle(cx, cy, r * 0.6, stroke=1, fill=0)
    c.lines([(cx - r, cy, cx + r, cy), (cx, cy - r, cx, cy + r)])


def draw_marks(c, trim, bleed: float, slug: str, slug_font: str | None) -> None:
    """Crop marks, registration targets (left, right, top centre) and the slug line (bottom)."""
    x0, y0, x1, y1 = trim
    margin = marks_margin(bleed)
    mid = bleed + (margin - bleed) / 2           # centre of the band outside the bleed
    c.saveState()
    c.setStrokeColor(REGISTRATION)
    c.setFillColor(REGISTRATION)
    c.setLineWidth(MARK_WIDTH)
    crop_marks(c, trim, bleed)
    registration_target(c, x0 - mid, (y0 + y1) / 2)
    registration_target(c, x1 + mid, (y0 + y1) / 2)
    registration_target(c, (x0 + x1) / 2, y1 + mid)
    if slug and slug_font:
        c.setFont(slug_font, SLUG_SIZE)
        c.drawString(x0 + 3 * mm, y0 - mid - SLUG_SIZE / 3, slug)
    c.restoreState()
