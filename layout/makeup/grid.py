"""The page grid: type area (版心), columns (栏) of whole body characters, body lines (行)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from layout.makeup.model import Rect

MM = 72.0 / 25.4  # points per millimetre


@dataclass(frozen=True)
class PageGrid:
    width: float          # trimmed page, pt
    height: float
    area: Rect            # type area (版心)
    columns: int
    col_width: float      # a whole number of body characters
    gutter: float         # 栏空, widened so the columns fill the area
    pitch: float          # body line pitch
    body_size: float
    rows: int             # body lines in the type area

    @property
    def chars_per_column(self) -> int:
        return round(self.col_width / self.body_size)

    def col_x(self, column: int) -> float:
        """Left edge of 1-based column."""
        return self.area.x + (column - 1) * (self.col_width + self.gutter)

    def span_width(self, span: int) -> float:
        return span * self.col_width + (span - 1) * self.gutter

    def row_y(self, row: int) -> float:
        """Top of 1-based grid row."""
        return self.area.y + (row - 1) * self.pitch

    def cell(self, column: int, span: int, row: int, rows: int) -> Rect:
        return Rect(self.col_x(column), self.row_y(row), self.span_width(span), rows * self.pitch)

    def baseline(self, row_top: float, size: float) -> float:
        """Baseline of a line of `size` whose grid row starts at row_top: the em box is
        centred in the pitch, the ideographic baseline 0.88 em below its top."""
        return row_top + (self.pitch - size) / 2 + 0.88 * size

    def rows_for(self, height: float) -> int:
        return max(1, math.ceil(height / self.pitch - 1e-6))


def make_grid(paper) -> PageGrid:
    """Grid of a layout.edition.model.Paper: columns snapped to whole body characters."""
    body = paper.styles["body"]
    size = body.size_pt
    pitch = body.leading_pt or size * 1.5
    width = paper.page.width_mm * MM
    height = paper.page.height_mm * MM
    m = paper.margins
    area_w = width - (m.inner_mm + m.outer_mm) * MM
    area_h = height - (m.top_mm + m.bottom_mm) * MM
    cols = paper.grid.columns
    min_gutter = paper.grid.gutter_mm * MM
    chars = math.floor(((area_w - (cols - 1) * min_gutter) / cols) / size + 1e-6)
    col_w = chars * size
    gutter = (area_w - cols * col_w) / (cols - 1) if cols > 1 else 0.0
    rows = math.floor(area_h / pitch + 1e-6)
    area = Rect(m.outer_mm * MM, m.top_mm * MM, area_w, rows * pitch)
    return PageGrid(width, height, area, cols, col_w, gutter, pitch, size, rows)
