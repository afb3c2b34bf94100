"""A block's shape: the choices that size an article part to an exact number of grid rows
(the span, 变栏, headline size and lines, air under the headline, photo height and width,
and which paragraphs are set a line longer or shorter). Planning produces shapes, emission follows one."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    span: int                              # grid columns wide
    rows: int                              # grid rows high, all of them filled
    body_cols: int = 0                     # body columns (0 = one per grid column)
    headline_size: float = 0.0             # 主题 size (0 = the article's or the style's)
    headline_lines: tuple[str, ...] = ()   # 主题 as set lines (() = as written)
    air: int = 0                           # extra rows of air in the headline block
    photo_rows: int = 0                    # picture height in rows (0 = from the photo)
    photo_cols: int = 0                    # picture k body columns wide at the top of the body, the text
                                           # beside and under it (0 = across the block, above the body)
    photo_left: bool = False               # that picture at the body's left (else at its right)
    photo_top: bool = False                # the picture across the block above the headline (图在题上)
    caption_rows: int = 0                  # lines of its caption, under it at its width
    looseness: tuple[int, ...] = ()        # per paragraph: +1 a line longer, −1 shorter
    body_rows: int = 0                     # rows of body text (each body column full)
    head_rows: int = 0                     # rows of the headline block (air included)
    jump: bool = False                     # the text goes on elsewhere (下转: last line kept for it)
    set_size: float = 0.0                  # the 主题's size as set (after shrinking to fit)
    cost: float = 0.0                      # how far from the natural setting (lower is better)
    over: int = 0                          # body lines that do not fit (Planner.elastic only)

    @property
    def head_top(self) -> int:
        """Rows above the headline block: the picture and its caption when they stand on top."""
        return self.photo_rows + self.caption_rows if self.photo_top else 0

    def photo_slots(self) -> int:
        """Grid line slots the picture stands in (its caption not counted), by grid columns:
        the whole span, or its share of the body columns when it is narrower."""
        if not self.photo_cols:
            return self.span * self.photo_rows
        return round(self.span * self.photo_rows * self.photo_cols / max(1, self.body_cols or self.span))

    def body_slots(self, columns: int) -> int:
        """Body line slots in `columns` body columns: body_rows each, less the rows a
        narrower picture and its caption stand in."""
        return self.body_rows * columns - self.photo_cols * (self.photo_rows + self.caption_rows)
