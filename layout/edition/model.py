"""The edition model: what the loader produces from paper + edition YAML.

All lengths in the model are in millimetres (mm) or points (pt) as the field
names say; grid positions are 1-based (column 1 = leftmost 栏, row 1 = top line).
"""
from __future__ import annotations

import datetime as _dt

from layout.base.diagnostics import SourcePos, record

NOWHERE = SourcePos("<none>")


# ---------------------------------------------------------------- paper (standing design)

@record
class TextStyle:
    """A style by role (body, kicker 引题, headline 主题, subhead 副题, ...)."""
    name: str
    font: str                 # a font role name from Paper.fonts (e.g. "song", "hei-bold")
    size_pt: float
    leading_pt: float = 0.0   # line pitch; 0 = size * 1.5 (body: must equal the grid pitch)
    align: str = "justify"    # justify | left | center | right
    indent_chars: float = 0.0  # first-line indent, in characters of this style
    tracking_em: float = 0.0  # extra space between characters, in em (headlines)
    color: str = "black"      # a colour name from Paper.colors
    min_size_pt: float = 0.0  # headlines may shrink to this to fit their line (0 = never)
    latin_space_em: float = 0.25  # space between Han and Latin/digits (clreq ¼ em; 0 = set tight)
    direction: str = "horizontal"  # a headline style's: vertical = 竖排题 (an article may say otherwise)
    pos: SourcePos = NOWHERE


@record
class Color:
    """A printing colour: CMYK in 0..1, optionally a named spot colour."""
    name: str
    c: float
    m: float
    y: float
    k: float
    spot: str = ""            # e.g. "PANTONE 485 C"; "" = process


@record
class Grid:
    """The type area's column grid (栏), as written in the paper file."""
    columns: int
    gutter_mm: float          # minimum gutter (栏空); widened to keep columns whole characters


@record
class PageSize:
    """The trimmed page."""
    width_mm: float
    height_mm: float


@record
class Margins:
    """The type area's distance from the trimmed page's edges."""
    top_mm: float
    bottom_mm: float
    inner_mm: float
    outer_mm: float


@record
class Hotline:
    """One 服务热线 entry of the masthead."""
    label: str                # 区政府, 供电 ...
    number: str
    pos: SourcePos = NOWHERE


@record
class Masthead:
    """报头 data (standing)."""
    title: str                                  # 石景山报
    logo: str = ""                              # path to a logo image (relative to paper dir); "" = typeset title
    sponsor: str = ""                           # 中共石景山区委宣传部主办
    permit: str = ""                            # 准印证号…
    website_name: str = ""
    website_url: str = ""
    qr_url: str = ""                            # drawn as a vector QR code
    qr_caption: str = ""                        # 北京石景山公众号
    hotline_title: str = "服务热线"
    hotlines: tuple[Hotline, ...] = ()
    dateline_format: str = "{year}年{month}月{day}日 {weekday} 第{issue}期(总第{total_issue}期)本期{pages}版"
    rows: int = 13                              # height of the page-1 masthead band, in body lines
    pos: SourcePos = NOWHERE
    field_pos: tuple[tuple[str, SourcePos], ...] = ()   # where title, sponsor, website, … are written

    def where(self, key: str) -> SourcePos:
        """The position of masthead key `key` in the paper file, else the masthead's."""
        return dict(self.field_pos).get(key, self.pos)


@record
class Folio:
    """报眉 of inner pages: a template with {paper} {date} {page} {section} {editor} {art_editor}."""
    left: str = "{paper}  {date}"
    center: str = "第{page}版  {section}"
    right: str = "责任编辑:{editor}  美术编辑:{art_editor}"
    height_mm: float = 8.0
    pos: SourcePos = NOWHERE


@record
class Paper:
    """The standing design of one newspaper (the paper file)."""
    name: str                        # 石景山报
    slug: str                        # shijingshan (used in output file names)
    page: PageSize
    margins: Margins
    bleed_mm: float
    grid: Grid
    styles: dict[str, TextStyle]     # by role: body, kicker, headline, subhead, byline,
                                     # commentary, commentary_headline, caption, credit,
                                     # folio, hotline, jump, dateline, masthead_small
    fonts: dict[str, tuple[str, ...]]  # role -> fallback chain of font ids (fonts/manifest.json)
    colors: dict[str, Color]
    masthead: Masthead
    folio: Folio
    punctuation: str = "quanjiao"    # quanjiao 全角式 | kaiming 开明式 | banjiao 半角式
    normalize_ascii_punct: bool = True  # map ASCII , ( ) : ; ? ! " inside Chinese to full-width
    jump_to_format: str = "(下转{page}版)"
    jump_from_format: str = "(上接{page}版)"
    ink_limit_pct: float = 240.0
    min_text_pt: float = 6.0
    invisible_chars: str = "strip"   # zero-width/control characters in the copy: strip | error
    issue_resets: str = "yearly"     # 第N期 begins at 1 each year (yearly) or never resets (never)
    ad_label: str = ""               # the word over an advertisement (广告); "" = none
    ad_rule_pt: float = 0.0          # the thin rule over an advertisement, pt; 0 = none
    index_title: str = "导读"        # the 导读 box's title when the article gives no headline
    index_page_format: str = "第{page}版"   # how a 导读 entry names its page
    path: str = ""                   # the paper file
    dir: str = ""                    # its folder (assets are resolved and confined here)
    pos: SourcePos = NOWHERE


# ---------------------------------------------------------------- edition (weekly)

@record
class Placement:
    """Where a block sits on the page grid. rows = 0 means: size from content."""
    column: int          # 1-based
    span: int            # columns wide
    row: int = 1         # 1-based body line
    rows: int = 0
    fit: bool = False    # fill the rows exactly as automatic makeup would (looseness, air, photo)
    pos: SourcePos = NOWHERE


@record
class Paragraph:
    """One paragraph of an article's copy, as written."""
    text: str
    pos: SourcePos = NOWHERE
    starts: tuple[tuple[int, SourcePos], ...] = ()   # story files: (index in text, its position), in order

    def pos_at(self, index: int) -> SourcePos | None:
        """The file position of character `index` of the text (None: not known exactly, a
        YAML scalar)."""
        return position_in(self.starts, index) if self.starts and index >= 0 else None


def position_in(starts: tuple[tuple[int, SourcePos], ...], index: int) -> SourcePos:
    """The file position of character `index` of a text whose pieces start at `starts`
    ((index in the text, position of that character), in order)."""
    start, pos = starts[0]
    for s, p in starts:
        if s > index:
            break
        start, pos = s, p
    return SourcePos(pos.path, pos.line, pos.col + index - start)


@record
class Photo:
    """An article's picture (新闻图片) with its caption and credit."""
    file: str            # absolute path after loading (confined to the edition/paper folders)
    caption: str = ""
    credit: str = ""     # 摄影: name
    rows: int = 0        # height of the picture in body lines (0 = from aspect ratio)
    pos: SourcePos = NOWHERE
    span: int = 0        # width in body columns, the text beside it (0 = as the makeup chooses)
    side: str = "right"  # where a picture narrower than its block stands: left | right


@record
class AdArtwork:
    """What the advertiser supplied: a picture (read by the loader) or a one-page PDF (read
    from render on: no stage before it opens PDF)."""
    kind: str                  # image | pdf
    width: float               # image: its proportions (pixels); pdf: 0 (unknown here)
    height: float
    pixels: tuple[int, int] = (0, 0)    # image: width, height in pixels
    mode: str = ""             # image: Pillow mode (CMYK, L, 1)
    max_ink_pct: float = 0.0   # CMYK image: the highest total ink of any pixel


@record
class Ad:
    """An advertisement (广告): the advertiser's file at the size the ad department sold."""
    file: str                  # absolute path after loading (image or PDF)
    span: int                  # 栏 booked
    height_mm: float           # booked height
    rows: int                  # body lines the block takes (the artwork's height, the 广告 line)
    artwork: AdArtwork | None = None
    pos: SourcePos = NOWHERE


@record
class IndexEntry:
    """One line of a 导读 (kind: index): a story's title and the page it starts on."""
    article_id: str
    title: str
    page: int


@record
class Article:
    """One article (稿件) of a page."""
    id: str
    kind: str                              # news | commentary | brief | photo | feature | verse | ad
    headline: tuple[str, ...]              # 主题, one entry per set line
    kicker: str = ""                       # 引题
    subhead: str = ""                      # 副题
    byline: str = ""                       # 本报讯(记者…) lead-in, set inline at the start of paragraph 1
    author: str = ""                       # signature line at the end (commentary: 本报评论员)
    paragraphs: tuple[Paragraph, ...] = ()
    photo: Photo | None = None
    place: Placement | None = None
    body_columns: int = 0                  # 变栏: 0 = one per grid column spanned
    boxed: bool = False                    # 框: commentary is boxed by default
    continues_on: int = 0                  # page number of the continuation (转版), 0 = none
    may_continue: bool = False             # 转版 made automatically: the rest goes on the next page
                                           # when this page cannot hold the whole story
    headline_size: float = 0.0             # 主题 size in pt for this article (0 = the style's)
    headline_align: str = ""               # left | center | right ("" = the style's)
    border: str = "single"                 # boxed articles: single | double | flower (花边)
    column_rules: bool = False             # 栏线: thin rules between the body columns
    body_style: str = ""                   # the paper style the body is set in ("" = by kind)
    ad: Ad | None = None                   # kind ad: the advertisement
    short: str = ""                        # short title for the 导读 ("" = the headline)
    headline_direction: str = ""           # vertical: 竖排题 at the right, the body beside it;
                                           # horizontal; "" = its headline style's direction
    stories: tuple[str, ...] = ()          # kind index: the ids it lists (() = every inner page's lead)
    entries: tuple[IndexEntry, ...] = ()   # kind index: its lines, made at makeup from the edition
    pos: SourcePos = NOWHERE


@record
class Continuation:
    """The frame on a later page where an article's remaining text goes (上接N版)."""
    article_id: str
    headline: str                          # short headline set above the continued text
    place: Placement | None = None         # None: placed by automatic makeup
    pos: SourcePos = NOWHERE


@record
class Page:
    """One page (版) of the edition."""
    number: int
    section: str = ""                      # 版名: 要闻, 综合新闻, 副刊 …
    editor: str = ""                       # 责任编辑
    art_editor: str = ""                   # 美术编辑
    articles: tuple[Article, ...] = ()
    continuations: tuple[Continuation, ...] = ()
    pos: SourcePos = NOWHERE
    field_pos: tuple[tuple[str, SourcePos], ...] = ()   # where section, editor, art_editor are written

    def where(self, key: str) -> SourcePos:
        """The position of the page's `key` (section, editor, art_editor), else the page's."""
        return dict(self.field_pos).get(key, self.pos)


@record
class Edition:
    """One issue: the paper and its pages (the edition file)."""
    paper: Paper
    date: _dt.date
    weekday: str                           # 星期一, derived from the date
    issue: int                             # 第N期
    total_issue: int                       # 总第N期
    pages: tuple[Page, ...]
    lunar_date: str = ""                   # optional, as written (农历…)
    path: str = ""                         # the edition file
    dir: str = ""
    pos: SourcePos = NOWHERE

    def article(self, article_id: str) -> Article | None:
        for page in self.pages:
            for art in page.articles:
                if art.id == article_id:
                    return art
        return None
