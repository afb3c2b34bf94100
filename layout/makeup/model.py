"""Types of the makeup stage: laid-out pages, the only input of render.

Coordinates are points from the trimmed page's top-left corner, y downwards.
Colours are names from EditionLayout.colors (CMYK, possibly spot).
"""
from __future__ import annotations

from layout.base.diagnostics import Diagnostic, record


@record
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: "Rect", eps: float = 0.01) -> bool:
        return (self.x < other.right - eps and other.x < self.right - eps
                and self.y < other.bottom - eps and other.y < self.bottom - eps)

    def contains(self, other: "Rect", eps: float = 0.01) -> bool:
        return (other.x >= self.x - eps and other.y >= self.y - eps
                and other.right <= self.right + eps and other.bottom <= self.bottom + eps)


@record
class TextRun:
    """Glyphs on one baseline in one font and size."""
    x: float                  # origin of the run
    baseline: float
    font: str                 # font id
    size_pt: float
    chars: str
    xs: tuple[float, ...]     # pen x of each char relative to x
    color: str = "black"
    overprint: bool = True    # black text overprints
    hscale: float = 1.0       # horizontal glyph scale (PDF Tz / 100): a dash drawn across its em
    rise: float = 0.0         # pt above the baseline (PDF Ts): a dash at the em box's centre
    angle: float = 0.0        # degrees clockwise: 90 = a Latin run turned in vertical text (the
                              # run goes down from (x, baseline), the letters' tops to the right)


@record
class RuleItem:
    x1: float
    y1: float
    x2: float
    y2: float
    width_pt: float
    color: str = "black"
    dash: tuple[float, ...] = ()


@record
class BoxItem:
    rect: Rect
    stroke: str = ""          # colour name, "" = none
    fill: str = ""            # colour name, "" = none
    width_pt: float = 0.5
    tint: float = 1.0         # fill tint 0..1 of the colour


@record
class ImageItem:
    path: str                 # the source image file
    rect: Rect
    crop: tuple[int, int, int, int] | None = None   # source pixel box shown in rect (None = all)
    colour: bool = False      # keep colour (as CMYK: a logo in the paper's red); photos go grey


@record
class FormItem:
    """The page of a one-page PDF (an advertiser's ad) drawn as a form XObject, scaled whole
    into rect (centred, its proportions kept): vector content stays vector."""
    path: str
    rect: Rect


@record
class QRItem:
    rect: Rect
    modules: tuple[tuple[bool, ...], ...]   # dark modules, row by row
    color: str = "black"


Item = TextRun | RuleItem | BoxItem | ImageItem | QRItem | FormItem


@record
class BlockFrame:
    """A block on the page (article part, furniture) with its copyfit, for proofs and tests."""
    id: str                   # article id or furniture name
    rect: Rect
    kind: str                 # article | continuation | masthead | ear | folio | photo | ad | index (导读)
    lines_needed: int = 0
    lines_available: int = 0
    overflow_chars: int = 0


@record
class PlacedBlock:
    """Where an article part went and how it was sized (the makeup table; `place --write`)."""
    page: int
    article_id: str
    continuation: bool
    column: int
    span: int
    row: int                  # 1-based, below the page's furniture
    rows: int
    headline_size: float      # 主题 size planned (0 = the style's)
    body_cols: int            # 变栏 (0 = one per grid column)
    automatic: bool           # placed by automatic makeup (no place: in the edition)


@record
class PageLayout:
    number: int
    width: float              # trimmed size, pt
    height: float
    items: tuple[Item, ...]
    frames: tuple[BlockFrame, ...] = ()
    type_area: Rect = Rect(0, 0, 0, 0)
    placements: tuple[PlacedBlock, ...] = ()


@record
class CopyfitEntry:
    article_id: str
    page: int
    lines_needed: int
    lines_available: int
    overflow_chars: int       # 超出N字 (0 if it fits)
    short_lines: int          # 缺N行 (empty lines left in its frames)
    chars_per_line: int = 0   # body characters a line holds at the block's measure (N行 ≈ M字)

    @property
    def short_chars(self) -> int:
        """缺N行 in characters: about this many more 字 would fill the block."""
        return self.short_lines * self.chars_per_line

    @property
    def overflow_lines(self) -> int:
        """超出N字 in lines at the block's measure (rounded up): cut this many 行."""
        cpl = self.chars_per_line
        return -(-self.overflow_chars // cpl) if cpl else 0

    @property
    def fit(self) -> str:
        """The copyfit in both units, as editors write it: 超出N字≈K行, 缺N行≈M字 ("" if it fits)."""
        return fit_label(self.overflow_chars, self.short_lines, self.chars_per_line)


def fit_label(overflow_chars: int, short_lines: int, chars_per_line: int) -> str:
    """超出N字≈K行 / 缺N行≈M字 at `chars_per_line` (only the first unit when it is 0); "" if it fits."""
    if overflow_chars:
        lines = -(-overflow_chars // chars_per_line) if chars_per_line else 0
        return f"超出{overflow_chars}字≈{lines}行" if lines else f"超出{overflow_chars}字"
    if short_lines:
        return f"缺{short_lines}行≈{short_lines * chars_per_line}字" if chars_per_line else f"缺{short_lines}行"
    return ""


@record
class PageFill:
    """How full a page is: grid lines no block covers, and empty lines inside blocks."""
    page: int
    lines: int                # body-line slots of the page (rows × columns below the furniture)
    uncovered: int            # slots in no block
    short: int                # empty slots inside blocks (缺N行 summed)

    @property
    def empty(self) -> int:
        return self.uncovered + self.short


@record
class EditionLayout:
    paper_name: str
    paper_slug: str
    date_iso: str
    title: str                # document title (paper + date)
    bleed_pt: float
    pages: tuple[PageLayout, ...]
    colors: dict              # name -> layout.edition.model.Color
    copyfit: tuple[CopyfitEntry, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    fill: tuple[PageFill, ...] = ()
